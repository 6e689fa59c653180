"""Numerals and quantities against the peer suites (Recognizers-Text, cn2an).

Run: ``python benchmarks/bench_peers_numbers.py [--no-peers] [--show-failures N]``

Reads the peer data in place from ``<repo>/../shared/peers`` (skips with a message
when absent).  Scores our ``parse_numeral`` (standalone numerals) and
``extract_quantities`` (sentences) on the in-scope cases, and beside ours the same
figures for cn2an 0.5.x and Microsoft Recognizers-Text (Python), which run in a
separate venv (/tmp/peer-venv, created on first use) through a subprocess.

Scope (printed at run time):
- Recognizers NumberModel, every ``number`` result span (its ``Text``) as a standalone
  numeral.  Out of scope: scientific notation and powers (2e5, 2^5: not report
  notation), letter suffixes (40k, 2.5 M: English), 兆 (10^6 in mainland usage,
  10^12 in the spec: region-dependent), 打 (dozen: a unit, not a numeral), cases
  with IgnoreResolution.
- Recognizers NumberModel inputs whose expected result list is empty (一切, 四川,
  陆地, 万): negatives; a system passes when it finds no number.
- cn2an cn2an cases (strict/normal/smart, deduplicated by input): expected values;
  plus the inputs cn2an rejects in every mode (零点, 10..1万, 元整 ...) where we must
  return None.  Out of scope: ``direct`` mode (string output keeping leading zeros),
  strict-only rejections (一百二, 一一 are valid colloquial/digit-by-digit readings
  for us), and cheque notation with 元/圆/角/整 (a money unit, handled by the
  quantity extractor).
- cn2an transform (cn2an direction), sentences: the numbers of the expected
  output that are quantities (dates 年/月/日 and ordinals 第 removed, since neither
  is a quantity by design).  Out of scope: temperatures (摄氏度, not a report unit),
  cheque amounts in financial capitals (伍仟元整: financial capitals are not
  matched in running text to avoid 队伍/陆续/收拾), and the ``direct`` variant.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.lang.numerals import parse_numeral  # noqa: E402
from pipeline.extract.quantities import extract_quantities  # noqa: E402
from pipeline.normalize import normalize  # noqa: E402

PEERS = REPO.parent / "shared" / "peers"
VENV = Path("/tmp/peer-venv")
PEER_PACKAGES = ["cn2an", "recognizers-text-suite", "jionlp", "emoji<2"]  # recognizers needs emoji<2

_PEER_RUNNER = r'''
import json, sys
tasks = json.load(sys.stdin)
out = {}
try:
    import cn2an
except Exception as exc:
    cn2an = None; out["_cn2an_error"] = repr(exc)
try:
    from recognizers_number import recognize_number, recognize_percentage, Culture
except Exception as exc:
    recognize_number = None; out["_rt_error"] = repr(exc)
for t in tasks:
    op, text, key = t["op"], t["text"], t["id"]
    try:
        if op == "cn2an_value":
            out[key] = cn2an.cn2an(text, "smart") if cn2an else "__unavailable__"
        elif op == "cn2an_transform":
            out[key] = cn2an.transform(text, "cn2an") if cn2an else "__unavailable__"
        elif op == "rt_numbers":
            if recognize_number is None:
                out[key] = "__unavailable__"; continue
            res = [(r.text, r.start, r.end, r.resolution.get("value") if r.resolution else None, "number")
                   for r in recognize_number(text, Culture.Chinese)]
            res += [(r.text, r.start, r.end, r.resolution.get("value") if r.resolution else None, "percent")
                    for r in recognize_percentage(text, Culture.Chinese)]
            out[key] = res
    except Exception as exc:
        out[key] = {"error": type(exc).__name__}
json.dump(out, sys.stdout, ensure_ascii=False)
'''


# ----------------------------------------------------------------------------- scope

def _rt_out_of_scope(text: str) -> str | None:
    if re.search(r"\d\s*[eE]|\^", text):
        return "scientific notation / powers"
    if re.search(r"[A-Za-z]", text):
        return "letter suffix (k, M)"
    if "兆" in text:
        return "兆 (region-dependent magnitude)"
    if "打" in text:
        return "打 (dozen, a unit)"
    return None


def _category(text: str) -> str:
    """One label per numeral, to show where systems differ."""
    if "分之" in text or "/" in text:
        return "fraction"
    if re.search(r"[萬億兩倆壹貳叁參肆伍陸柒捌玖拾佰仟點負幾]", text):
        return "traditional/financial"
    if text.lstrip()[:1] in ("负", "-"):
        return "negative"
    if re.search(r"\s", text.strip()):
        return "spaced"
    if re.search(r"[余多几]", text):
        return "approx filler"
    if "点" in text:
        return "chinese decimal"
    has_digit, has_cjk = bool(re.search(r"\d", text)), bool(re.search(r"[\u4e00-\u9fff〇]", text))
    if has_digit and has_cjk:
        return "mixed arabic+chinese"
    if has_digit:
        return "arabic"
    if len(text) > 1 and all(ch in "零〇一二三四五六七八九" for ch in text):
        return "digit-by-digit"
    return "chinese"


def _same(a, b) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def load_cases() -> tuple[list[dict], list[dict], list[dict], dict[str, int]]:
    """(value cases, negative cases, sentence cases, out-of-scope counts)."""
    out_of_scope: dict[str, int] = defaultdict(int)
    values: list[dict] = []
    negatives: list[dict] = []
    sentences: list[dict] = []
    seen: set[tuple[str, str]] = set()

    rt = json.loads((PEERS / "recognizers/Specs/Number/Chinese/NumberModel.json").read_text(encoding="utf-8"))
    for case in rt:
        if not case["Results"]:
            if re.search(r"美元|美刀", case["Input"]):
                out_of_scope["recognizers: negative that is a currency amount (a quantity for us)"] += 1
                continue
            negatives.append({"suite": "recognizers", "text": case["Input"]})
            continue
        if case.get("IgnoreResolution"):
            out_of_scope["recognizers: IgnoreResolution"] += 1
            continue
        for res in case["Results"]:
            if res.get("TypeName") != "number":
                continue
            text = res["Text"]
            reason = _rt_out_of_scope(text)
            if reason:
                out_of_scope[f"recognizers: {reason}"] += 1
                continue
            key = (text, res["Resolution"]["value"])
            if key in seen:
                continue
            seen.add(key)
            values.append({"suite": "recognizers", "text": text, "expected": float(res["Resolution"]["value"])})

    cn = json.loads((PEERS / "cn2an/cn2an.json").read_text(encoding="utf-8"))["cases"]
    cn_seen: set[str] = set()
    for case in cn:
        text, exp, mode, group = case["input"], case["expected"], case["mode"], case["group"]
        if mode == "direct":
            out_of_scope["cn2an: direct mode (string output)"] += 1
            continue
        if isinstance(exp, dict):
            if group in ("error_normal_datas", "error_smart_datas"):
                if text not in cn_seen:
                    cn_seen.add(text)
                    values.append({"suite": "cn2an", "text": text, "expected": None})
            else:
                out_of_scope["cn2an: strict-mode-only rejection"] += 1
            continue
        if re.search(r"[元圆角整]", text):
            out_of_scope["cn2an: cheque notation 元/圆/角/整"] += 1
            continue
        if text in cn_seen:
            out_of_scope["cn2an: duplicate input across modes"] += 1
            continue
        cn_seen.add(text)
        values.append({"suite": "cn2an", "text": text, "expected": exp})

    tr = json.loads((PEERS / "cn2an/transform.json").read_text(encoding="utf-8"))["cases"]
    for case in tr:
        if case["method"] != "cn2an":
            out_of_scope["cn2an transform: an2cn direction"] += 1
            continue
        text, exp = case["input"], case["expected"]
        if case.get("direct"):
            out_of_scope["cn2an transform: direct variant"] += 1
            continue
        if "摄氏度" in text:
            out_of_scope["cn2an transform: temperature"] += 1
            continue
        if "元整" in text:
            out_of_scope["cn2an transform: cheque amount in financial capitals"] += 1
            continue
        sentences.append({"suite": "cn2an-transform", "text": text, "expected": _quantity_numbers(exp)})
    return values, negatives, sentences, dict(out_of_scope)


_NUMBER_IN_OUTPUT = re.compile(r"-?\d+(?:\.\d+)?(?:/\d+)?%?")


def _quantity_numbers(sentence: str, spans: list[tuple[int, int, float]] | None = None) -> list[float]:
    """Numbers of a rewritten sentence that are quantities (not dates, not ordinals)."""
    found = []
    for m in _NUMBER_IN_OUTPUT.finditer(sentence):
        before, after = sentence[: m.start()], sentence[m.end() : m.end() + 1]
        if after in ("年", "月", "日") or before.endswith("第"):
            continue
        token = m.group().rstrip("%")
        if "/" in token:
            a, b = token.split("/")
            found.append(float(a) / float(b))
        else:
            found.append(float(token))
    return sorted(found)


def _ours_sentence(text: str) -> list[float]:
    values = []
    for q in extract_quantities(normalize(text)):
        v = float(q.value)
        if "分之" in q.text and "百分之" not in q.text:
            v /= 100  # our fractions are reported in percent
        values.append(v)
    return sorted(values)


def _rt_sentence(results: list, text: str) -> list[float]:
    percents = [r for r in results if r[4] == "percent"]
    values = []
    for r in percents:
        values.append(float(str(r[3]).rstrip("%")))
    for r in results:
        if r[4] != "number" or any(p[1] <= r[1] and r[2] <= p[2] for p in percents):
            continue
        after = text[r[2] + 1 : r[2] + 2]
        if after in ("年", "月", "日") or text[: r[1]].endswith("第"):
            continue
        try:
            values.append(float(r[3]))
        except (TypeError, ValueError):
            pass
    return sorted(values)


# ----------------------------------------------------------------------------- peers

def ensure_peer_venv() -> str | None:
    """Create /tmp/peer-venv with the peer packages; return an error message or None."""
    python = VENV / "bin" / "python"
    check = "import cn2an, recognizers_number"
    if python.exists() and subprocess.run([python, "-c", check], capture_output=True).returncode == 0:
        return None
    try:
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True, capture_output=True)
        proc = subprocess.run([python, "-m", "pip", "install", "-q", *PEER_PACKAGES], capture_output=True, text=True)
        if proc.returncode != 0:
            return "pip install failed: " + proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "pip failed"
    except (OSError, subprocess.CalledProcessError) as exc:
        return f"venv creation failed: {exc}"
    return None


def run_peers(tasks: list[dict]) -> dict:
    python = VENV / "bin" / "python"
    proc = subprocess.run([python, "-c", _PEER_RUNNER], input=json.dumps(tasks, ensure_ascii=False),
                          capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        print("peer subprocess failed:", proc.stderr.strip().splitlines()[-1:] or proc.returncode)
        return {}
    return json.loads(proc.stdout)


def _rt_standalone(results, text: str):
    if not isinstance(results, list):
        return None
    nums = [r for r in results if r[4] == "number"]
    if len(nums) == 1 and nums[0][0].replace(" ", "").lower() == re.sub(r"\s", "", normalize(text).strip()).lower():
        return nums[0][3]
    if len(nums) == 1 and nums[0][1] == 0 and nums[0][2] == len(text.rstrip()) - 1:
        return nums[0][3]
    return None


# ----------------------------------------------------------------------------- main

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-peers", action="store_true", help="score ours only")
    ap.add_argument("--show-failures", type=int, default=15, help="list up to N of our in-scope failures")
    args = ap.parse_args()
    if not PEERS.is_dir():
        print(f"SKIP: peer suites not found at {PEERS}")
        return 0

    values, negatives, sentences, oos = load_cases()
    print("Scope")
    print(f"  in scope: {len(values)} standalone numerals (Recognizers NumberModel spans + cn2an values/rejections), "
          f"{len(negatives)} negatives (Recognizers inputs with no number), {len(sentences)} sentences (cn2an transform)")
    print("  out of scope:")
    for reason, n in sorted(oos.items()):
        print(f"    {n:4d}  {reason}")

    peer_out: dict = {}
    peers_ok = False
    if not args.no_peers:
        t0 = time.perf_counter()
        err = ensure_peer_venv()
        if err:
            print(f"\npeers unavailable ({err}); continuing with ours only")
        else:
            tasks = []
            for i, c in enumerate(values):
                tasks.append({"id": f"v{i}c", "op": "cn2an_value", "text": c["text"]})
                tasks.append({"id": f"v{i}r", "op": "rt_numbers", "text": c["text"]})
            for i, c in enumerate(negatives):
                tasks.append({"id": f"n{i}c", "op": "cn2an_transform", "text": c["text"]})
                tasks.append({"id": f"n{i}r", "op": "rt_numbers", "text": c["text"]})
            for i, c in enumerate(sentences):
                tasks.append({"id": f"s{i}c", "op": "cn2an_transform", "text": c["text"]})
                tasks.append({"id": f"s{i}r", "op": "rt_numbers", "text": c["text"]})
            peer_out = run_peers(tasks)
            peers_ok = bool(peer_out)
            for k in ("_cn2an_error", "_rt_error"):
                if k in peer_out:
                    print(f"peer import problem: {k[1:]} {peer_out[k]}")
            print(f"\npeers ran in {time.perf_counter() - t0:.1f} s (venv {VENV})")

    # standalone numerals
    by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # n, ours, cn2an, rt
    failures = []
    for i, c in enumerate(values):
        exp = c["expected"]
        ours = parse_numeral(c["text"])
        ok_ours = ours is None if exp is None else _same(ours, exp)
        cat = ("rejection (malformed)" if exp is None else _category(c["text"])) + f" [{c['suite']}]"
        row = by_cat[cat]
        row[0] += 1
        row[1] += ok_ours
        if not ok_ours:
            failures.append((c["suite"], c["text"], exp, ours))
        if peers_ok:
            cv = peer_out.get(f"v{i}c")
            ok_c = (isinstance(cv, dict) and "error" in cv) if exp is None else (not isinstance(cv, dict) and _same(cv, exp))
            rv = _rt_standalone(peer_out.get(f"v{i}r"), c["text"])
            ok_r = (rv is None) if exp is None else _same(rv, exp)
            row[2] += ok_c
            row[3] += ok_r

    def pct(a: int, n: int) -> str:
        return f"{a:4d}/{n:<4d} {100 * a / n:5.1f}%" if n else "   -"

    print("\nStandalone numerals (value exact to 1e-6 relative; rejection cases must give None / error)")
    print(f"  {'category':48s} {'ours':>16s} {'cn2an':>16s} {'recognizers':>16s}")
    tot = [0, 0, 0, 0]
    for cat in sorted(by_cat):
        n, o, c_, r = by_cat[cat]
        tot = [tot[0] + n, tot[1] + o, tot[2] + c_, tot[3] + r]
        print(f"  {cat:48s} {pct(o, n):>16s} {pct(c_, n) if peers_ok else '-':>16s} {pct(r, n) if peers_ok else '-':>16s}")
    print(f"  {'TOTAL':48s} {pct(tot[1], tot[0]):>16s} {pct(tot[2], tot[0]) if peers_ok else '-':>16s} "
          f"{pct(tot[3], tot[0]) if peers_ok else '-':>16s}")

    # negatives
    neg = [0, 0, 0]
    for i, c in enumerate(negatives):
        neg[0] += not extract_quantities(normalize(c["text"])) and parse_numeral(c["text"]) is None
        if peers_ok:
            neg[1] += peer_out.get(f"n{i}c") == c["text"]
            neg[2] += peer_out.get(f"n{i}r") == []
    print(f"\nNegatives (no number expected) n={len(negatives)}: ours {pct(neg[0], len(negatives))}"
          + (f" | cn2an transform unchanged {pct(neg[1], len(negatives))} | recognizers empty {pct(neg[2], len(negatives))}"
             if peers_ok else ""))

    # sentences
    sent = [0, 0, 0]
    sent_fail = []
    for i, c in enumerate(sentences):
        ours = _ours_sentence(c["text"])
        ok = len(ours) == len(c["expected"]) and all(_same(a, b) for a, b in zip(ours, c["expected"]))
        sent[0] += ok
        if not ok:
            sent_fail.append((c["text"], c["expected"], ours))
        if peers_ok:
            cv = peer_out.get(f"s{i}c")
            cvals = _quantity_numbers(cv) if isinstance(cv, str) else None
            sent[1] += cvals is not None and len(cvals) == len(c["expected"]) and all(
                _same(a, b) for a, b in zip(cvals, c["expected"]))
            rv = peer_out.get(f"s{i}r")
            rvals = _rt_sentence(rv, c["text"]) if isinstance(rv, list) else None
            sent[2] += rvals is not None and len(rvals) == len(c["expected"]) and all(
                _same(a, b) for a, b in zip(rvals, c["expected"]))
    print(f"Sentences (cn2an transform, quantity numbers) n={len(sentences)}: ours {pct(sent[0], len(sentences))}"
          + (f" | cn2an {pct(sent[1], len(sentences))} (its own test file) | recognizers {pct(sent[2], len(sentences))}"
             if peers_ok else ""))

    if args.show_failures and (failures or sent_fail):
        print(f"\nOur in-scope failures (up to {args.show_failures} each):")
        for suite, text, exp, got in failures[: args.show_failures]:
            print(f"  [{suite}] {text!r}: expected {exp}, ours {got}")
        for text, exp, got in sent_fail[: args.show_failures]:
            print(f"  [sentence] {text!r}: expected {exp}, ours {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
