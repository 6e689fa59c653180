"""Peer benchmark: our time parser against JioNLP and Recognizers-Text on JioNLP's time_parser cases.

Run:  python benchmarks/bench_peers_times.py [--no-peers] [--show-failures]

Data: ``../shared/peers/jionlp/time_parser.json`` (JioNLP's own unittest cases, read
in place).  Skips with a message when the folder is absent.

Scope (cases a report analyser needs, at day granularity or coarser):
  in:  time_point / time_span whose expected range is day-aligned (or ends at the
       reference moment, as in 近30天 / 2019年5月8日起) -> category day, month, year
       or period (any other range); time_period (recurrences) whose unit is a day
       or longer -> category recurrence (the period unit is compared, not the anchor
       point inside it, e.g. 每年9月 -> every year).
  out: time_delta (durations, no calendar anchor); clock times (hours, minutes,
       seconds, 上午/晚上 ...); instants (现在); lunar dates (农历, 廿, 腊月, 初十 ...
       and JioNLP's lunar reading of 二月十五); holidays, solar terms and seasons
       (春节, 母亲节, 冬至, 2021年春); weeks (周, 星期, 礼拜, 工作日); cases run with
       JioNLP's ret_future option (3月8号 read as next year's), which has no counterpart.
Scoring: a case is right when the normalized [start day, end day] equals the expected
one (open ends as None), or, for recurrences, when the period unit is equal
(every year == {'year': 1}, half_year == {'year': 0.5}, quarter == {'month': 3}).
Our deadlines (2025年前) are read as [reference day, deadline] like JioNLP's spans.

Convention differences: a case we answer differently from JioNLP where both readings
are defensible and ours is the one our contract states (see the docstring of
pipeline/extract/times.py) is counted apart, in the column "ours conv.", never as right:
edge words (年底, 月初, 季度末, 伊始) are one day for us and a stretch for JioNLP; 半/多
counts and month-only references are rounded to month boundaries by JioNLP; 未来/今后 N
units end the day before the same date N units later for us (JioNLP mixes both
countings); JioNLP's 最后五天 spans six days; its "super-blur" 前两年 (four years, ending
two years back) against our two previous calendar years; ordinals counted from an
unstated event (第七年, 第三天起) are not calendar references for us.  A case only counts
as a convention difference when our answer is within the stated tolerance of JioNLP's.

Peers run in a separate virtual environment (/tmp/peer-venv-time, created on first run,
reused after): jionlp==1.5.31 and recognizers-text-suite (which needs emoji<2).
For Recognizers-Text a case counts as right when any of its resolution values
matches (its past/future alternatives), which is generous to it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PEERS = REPO.parent / "shared" / "peers"
CASES = PEERS / "jionlp" / "time_parser.json"
VENV = Path("/tmp/peer-venv-time")
PEER_PACKAGES = (["jionlp==1.5.31"], ["recognizers-text-suite", "emoji<2"])

_CLOCK = re.compile(r"[点时分秒钟:：刻]|上午|下午|早上|早晨|晚上|中午|凌晨|夜|午|黎明|傍晚|今晚|昨晚|当晚|白天")
_LUNAR = re.compile(r"农历|阴历|廿|腊月|正月|闰|初[一二三四五六七八九十]|除夕|大年")
_HOLIDAY = re.compile(r"节|元旦|国庆|暑假|寒假|冬至|大寒|小寒|芒种|[春夏秋冬]季?(?:$|天)|^十一$|端午")
_WEEK = re.compile(r"周|星期|礼拜|工作日|交易日")


def scope_of(case: dict) -> str:
    """'in' or the reason the case is out of scope."""
    text, exp = case["input"], case["expected"]
    comment = case.get("upstream_comment", "")
    if exp["type"] == "time_delta":
        return "out: duration (time_delta)"
    if (case.get("call_kwargs") or {}).get("ret_future"):
        return "out: ret_future option (no counterpart)"
    if _LUNAR.search(text) or "农历" in comment:
        return "out: lunar date"
    if _HOLIDAY.search(text) or "节气" in comment or "季节" in comment or "节日" in comment:
        return "out: holiday/season/solar term"
    if _WEEK.search(text):
        return "out: week"
    if _CLOCK.search(text):
        return "out: clock time"
    if exp["type"] == "time_period":
        delta = exp["time"]["delta"]
        return "in" if set(delta) <= {"year", "month", "day"} else "out: clock time"
    start, end = exp["time"]
    if start == end:
        return "out: instant"
    ref_clock = case.get("reference_time", "")[11:19]
    for value, ok in ((start, "00:00:00"), (end, "23:59:59")):
        if value in ("inf", "-inf"):
            continue
        if value[11:] not in (ok, ref_clock):
            return "out: clock time"
    return "in"


def category_of(case: dict) -> str:
    exp = case["expected"]
    if exp["type"] == "time_period":
        return "recurrence"
    start, end = exp["time"]
    if "inf" in start or "inf" in end:
        return "period"
    s, e = dt.date.fromisoformat(start[:10]), dt.date.fromisoformat(end[:10])
    if end[11:] != "23:59:59" or start[11:] != "00:00:00":
        return "period"
    if s == e:
        return "day"
    if s.day == 1 and (e + dt.timedelta(days=1)).day == 1 and (s.year, s.month) == (e.year, e.month):
        return "month"
    if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31) and s.year == e.year:
        return "year"
    return "period"


def reference_date(case: dict) -> dt.date:
    """The case's reference as a date (partial bases fill month and day with 1)."""
    ref = case.get("reference")
    if case.get("reference_time"):
        return dt.date.fromisoformat(case["reference_time"][:10])
    if isinstance(ref, list):
        parts = list(ref[:3]) + [1] * (3 - len(ref[:3]))
        return dt.date(*parts)
    if isinstance(ref, dict):
        return dt.date(ref["year"], ref.get("month", 1), ref.get("day", 1))
    return dt.date.today()


def expected_value(case: dict):
    exp = case["expected"]
    if exp["type"] == "time_period":
        return ("every", _delta_key(exp["time"]["delta"]))
    start, end = exp["time"]
    day = lambda v: None if v in ("inf", "-inf") else v[:10]  # noqa: E731
    return ("span", day(start), day(end))


def _delta_key(delta: dict) -> tuple:
    """A period unit as (months, days) so {'year': 0.5} equals {'month': 6}."""
    months = delta.get("year", 0) * 12 + delta.get("month", 0)
    days = delta.get("day", 0)
    return (round(months, 3), round(days, 3))


# (reason, pattern on the case text, tolerance in days on each endpoint; None: we answer nothing)
CONVENTIONS = (
    ("edge word is one day (年底/月初/季度末/伊始)", re.compile(r"[底末]|初(?!\d)|伊始"), 62),
    ("半/多 and month-only references rounded to months", re.compile(r"半|多"), 31),
    ("未来/今后 N units: end day counting", re.compile(r"^(?:未来|今后)"), 2),
    ("JioNLP's 最后N天 spans N+1 days", re.compile(r"最后.天"), 1),
    ("前两年: two previous calendar years vs JioNLP's super-blur", re.compile(r"^前两年$"), float("inf")),
    ("ordinal from an unstated event (第七年, 第三天起): not emitted", re.compile(r"^第.{1,3}[年天日]"), None),
)


def convention_of(text: str, want, got) -> str | None:
    """The convention that explains our differing answer, or None (a plain failure)."""
    for reason, pattern, tolerance in CONVENTIONS:
        if not pattern.search(text):
            continue
        if tolerance is None:
            return reason if got is None else None
        if got is None or want[0] != "span" or got[0] != "span":
            return None
        close = True
        for w, g in zip(want[1:], got[1:]):
            if (w is None) != (g is None):
                close = False
            elif w is not None:
                close &= abs((dt.date.fromisoformat(w) - dt.date.fromisoformat(g)).days) <= tolerance
        return reason if close else None
    return None


_EVERY_DELTA = {"year": {"year": 1}, "half_year": {"month": 6}, "quarter": {"month": 3},
                "month": {"month": 1}, "week": {"day": 7}, "day": {"day": 1}}


def our_value(expr, anchor: dt.date):
    if expr is None:
        return None
    if expr.kind == "recurrence":
        if not expr.every:
            return None
        n, _, unit = expr.every.partition(" ") if " " in expr.every else ("1", "", expr.every)
        base = _EVERY_DELTA.get(unit)
        if base is None:
            return None
        return ("every", _delta_key({k: v * int(n) for k, v in base.items()}))
    if expr.kind == "deadline":
        return ("span", anchor.isoformat(), expr.date)
    if expr.kind == "as_of":
        return ("span", None, expr.date)
    if expr.start_date or expr.end_date:
        return ("span", expr.start_date, expr.end_date)
    if expr.date and len(expr.date) == 10:
        return ("span", expr.date, expr.date)
    return None


# --- peers, run in their own venv ----------------------------------------------------------

_WORKER = r'''
import datetime, json, sys, warnings
warnings.filterwarnings("ignore")
which = sys.argv[1]
cases = json.load(open(sys.argv[2], encoding="utf-8"))
out = []
if which == "jionlp":
    import jionlp as jio
    for c in cases:
        kwargs = dict(c.get("call_kwargs") or {})
        ref = c.get("reference")
        if isinstance(ref, str) and ref != "now":
            ref = ref.replace("T", " ")
        if ref is not None and ref != "now":
            kwargs["time_base"] = ref
        try:
            r = jio.parse_time(c["input"], **kwargs)
            out.append({"type": r.get("type"), "time": r.get("time")})
        except Exception as exc:  # the peer's failures count as wrong answers
            out.append({"error": repr(exc)[:200]})
else:
    from recognizers_date_time import recognize_datetime
    from recognizers_text import Culture
    for c in cases:
        ref = datetime.datetime.fromisoformat(c["ref_date"])
        try:
            res = recognize_datetime(c["input"], Culture.Chinese, reference=ref)
            best = max(res, key=lambda r: len(r.text)) if res else None
            out.append({"type": best.type_name, "values": best.resolution.get("values", [])} if best else {})
        except Exception as exc:
            out.append({"error": repr(exc)[:200]})
print(json.dumps(out, ensure_ascii=False))
'''


def ensure_venv() -> Path | None:
    python = VENV / "bin" / "python"
    if not python.exists():
        print(f"creating {VENV} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    for packages in PEER_PACKAGES:
        name = packages[0].split("=")[0].split("<")[0]
        probe = "jionlp" if name == "jionlp" else "recognizers_date_time"
        if subprocess.run([str(python), "-c", f"import importlib.util,sys; sys.exit(importlib.util.find_spec('{probe}') is None)"]).returncode:
            print(f"installing {' '.join(packages)} into {VENV} ...", file=sys.stderr)
            subprocess.run([str(python), "-m", "pip", "install", "-q", *packages], check=False)
    return python


def run_peer(python: Path, which: str, cases: list[dict]) -> list[dict] | None:
    payload = [dict(c, ref_date=reference_date(c).isoformat()) for c in cases]
    with tempfile.TemporaryDirectory() as tmp:
        worker, data = Path(tmp) / "worker.py", Path(tmp) / "cases.json"
        worker.write_text(_WORKER, encoding="utf-8")
        data.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        # JioNLP reads epoch bases in local time; its expected values are Beijing time
        env = dict(os.environ, TZ="Asia/Shanghai")
        proc = subprocess.run([str(python), str(worker), which, str(data)], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        print(f"{which} did not run: {proc.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def jionlp_value(result: dict):
    if not result or "error" in result:
        return [None]
    if result["type"] == "time_period":
        time = result["time"] or {}
        return [("every", _delta_key(time.get("delta") or {}))]
    time = result.get("time")
    if not isinstance(time, list) or len(time) != 2 or not all(isinstance(t, str) for t in time):
        return [None]
    day = lambda v: None if v in ("inf", "-inf") else v[:10]  # noqa: E731
    return [("span", day(time[0]), day(time[1]))]


_TIMEX_SET = re.compile(r"^P(\d+(?:\.\d+)?)([YMWD])$")


def recognizers_values(result: dict) -> list:
    if not result or "error" in result:
        return [None]
    values = []
    for v in result.get("values", []):
        kind = v.get("type")
        if kind == "set":
            m = _TIMEX_SET.match(v.get("timex", ""))
            if m:
                n, unit = float(m.group(1)), m.group(2)
                delta = {"Y": {"year": n}, "M": {"month": n}, "W": {"day": 7 * n}, "D": {"day": n}}[unit]
                values.append(("every", _delta_key(delta)))
        elif kind == "date" and "value" in v:
            values.append(("span", v["value"][:10], v["value"][:10]))
        elif kind == "daterange":
            start = v["start"][:10] if v.get("start") else None
            end = v["end"][:10] if v.get("end") else None
            # the end is exclusive for whole months/years but is the stated day for A至B and
            # 近30天; both readings are accepted (generous to the peer)
            values.append(("span", start, end))
            if end:
                values.append(("span", start, (dt.date.fromisoformat(end) - dt.timedelta(days=1)).isoformat()))
    return values or [None]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-peers", action="store_true", help="score ours only")
    parser.add_argument("--show-failures", action="store_true", help="list our wrong in-scope cases")
    args = parser.parse_args()
    if not CASES.exists():
        print(f"skipped: {CASES} is absent (peer suites live in ../shared/peers)")
        return 0
    sys.path.insert(0, str(REPO))
    from pipeline.extract.times import parse_time_expression

    cases = json.loads(CASES.read_text(encoding="utf-8"))["cases"]
    scopes = Counter(scope_of(c) for c in cases)
    inscope = [c for c in cases if scope_of(c) == "in"]
    print(f"JioNLP time_parser cases: {len(cases)}; in scope {len(inscope)}")
    for reason, n in sorted(scopes.items()):
        if reason != "in":
            print(f"  {reason}: {n}")
    cats = [category_of(c) for c in inscope]
    expected = [expected_value(c) for c in inscope]

    ours = []
    for c in inscope:
        anchor = reference_date(c)
        ours.append([our_value(parse_time_expression(c["input"], anchor=anchor), anchor)])
    systems = {"ours": ours}
    if not args.no_peers:
        python = ensure_venv()
        jio = run_peer(python, "jionlp", inscope)
        if jio is not None:
            systems["jionlp 1.5.31"] = [jionlp_value(r) for r in jio]
        rec = run_peer(python, "recognizers", inscope)
        if rec is not None:
            systems["recognizers-text"] = [recognizers_values(r) for r in rec]

    order = ["day", "month", "year", "period", "recurrence"]
    totals = Counter(cats)
    conventions = [None if want in got else convention_of(c["input"], want, got[0])
                   for c, want, got in zip(inscope, expected, ours)]
    header = f"{'category':<12}{'cases':>6}" + "".join(f"{name:>20}" for name in systems) + f"{'ours conv.':>12}"
    print("\naccuracy on in-scope cases (right / cases)")
    print(header)
    right = {name: defaultdict(int) for name in systems}
    for name, answers in systems.items():
        for cat, want, got in zip(cats, expected, answers):
            right[name][cat] += want in got
    for cat in order:
        row = f"{cat:<12}{totals[cat]:>6}"
        for name in systems:
            row += f"{right[name][cat]:>12} ({right[name][cat] / totals[cat]:.2f})" if totals[cat] else ""
        row += f"{sum(1 for k, conv in zip(cats, conventions) if k == cat and conv):>12}"
        print(row)
    row = f"{'all':<12}{len(inscope):>6}"
    for name in systems:
        n = sum(right[name].values())
        row += f"{n:>12} ({n / len(inscope):.2f})"
    n_conv = sum(1 for conv in conventions if conv)
    print(row + f"{n_conv:>12}")
    n_right = sum(right["ours"].values())
    print(f"\nours: {n_right} right, {n_conv} convention differences (counted as wrong above), "
          f"{len(inscope) - n_right - n_conv} other failures")
    for reason, n in Counter(conv for conv in conventions if conv).most_common():
        print(f"  {n:>3}  {reason}")
    if args.show_failures:
        print("\nour wrong in-scope cases:")
        for c, cat, want, got, conv in zip(inscope, cats, expected, ours, conventions):
            if want not in got:
                tag = f"  <- convention: {conv}" if conv else ""
                print(f"  [{cat}] {c['input']!r}: expected {want}, ours {got[0]}{tag}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
