"""Validate benchmarks/news300/gold.jsonl against sentences.jsonl.

Checks: same ids/files in the same order; every annotated ``text`` occurs in its
sentence (``occurrence`` n = the n-th non-overlapping hit, default 1); kinds and
``why`` values are in the allowed sets; dates are ISO; resolved flags agree with
the values; quantity spans are not cut out of a longer numeral; no span is both
a quantity and excluded.  If ../shared/scale/news is present, each doc_date is
also checked against its file (URL path or a written date).
Usage: python benchmarks/news300/check_gold.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEWS = HERE.parents[2] / "shared" / "scale" / "news"

Q_KINDS = {"count", "people", "times", "money", "percent"}
T_KINDS = {"date", "period", "relative_period", "as_of", "deadline", "recurrence", "duration"}
APPROX = {None, "余", "多", "近", "约", "左右", "以上", "不少于", "至少", "超过", "逾", "超", "上"}
X_WHY = {"ordinal", "slogan", "named_set", "idiom", "enumeration", "identifier", "cohort", "name",
         "clock_time", "age", "index_value", "frequency"}
N_WHY = {"vague", "event_anchored", "indefinite", "appositive", "judgement", "year_as_cohort", "bare_year",
         "year_in_name", "url_date", "named_period", "date_as_name", "vague_numeral"}
EVERY = {"day", "week", "month", "quarter", "half_year", "year"}
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
ISO_DUR = re.compile(r"^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?$")
NUMERAL = set("0123456789０１２３４５６７８９.零〇一二两三四五六七八九十百千万亿")


def hits(s: str, t: str) -> list[int]:
    out, i = [], s.find(t)
    while i != -1:
        out.append(i)
        i = s.find(t, i + len(t))
    return out


def main() -> int:
    sents = [json.loads(l) for l in (HERE / "sentences.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    gold = [json.loads(l) for l in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    errs: list[str] = []

    def err(i, msg):
        errs.append(f"id {i}: {msg}")

    if [(s["id"], s["file"]) for s in sents] != [(g["id"], g["file"]) for g in gold]:
        errs.append("ids/files differ from sentences.jsonl (or order differs)")
    for s, g in zip(sents, gold):
        i, sent = g["id"], s["sentence"]
        # document fields
        dd, dy = g.get("doc_date"), g.get("doc_year")
        if dd is not None and not ISO_DAY.match(dd):
            err(i, f"doc_date {dd!r} not ISO")
        if dy is not None and not isinstance(dy, int):
            err(i, f"doc_year {dy!r} not int")
        if dd and dy != int(dd[:4]):
            err(i, "doc_year differs from the doc_date year")
        if dd and NEWS.is_dir():
            text = (NEWS / g["file"]).read_text(encoding="utf-8")
            y, m, d = dd.split("-")
            written = f"{int(y)}年{int(m)}月{int(d)}日"
            if f"/{y}/{m}/{d}/" not in text and written not in text:
                err(i, f"doc_date {dd} not found in the file")
        spans: dict[str, set] = {}
        for key in ("quantities", "times", "neutral", "excluded"):
            seen = set()
            for it in g[key]:
                t, occ = it.get("text"), it.get("occurrence", 1)
                if not t:
                    err(i, f"{key}: empty text")
                    continue
                hs = hits(sent, t)
                if len(hs) < occ:
                    err(i, f"{key}: {t!r} occurrence {occ} not in sentence ({len(hs)} found)")
                    continue
                if len(hs) > 1 and "occurrence" not in it and occ == 1:
                    pass  # first of several: occurrence 1 is the default
                if (t, occ) in seen:
                    err(i, f"{key}: duplicate {t!r} occurrence {occ}")
                seen.add((t, occ))
                start = hs[occ - 1]
                spans.setdefault(key, set()).add((start, start + len(t)))
                if key == "quantities":
                    if it.get("kind") not in Q_KINDS:
                        err(i, f"quantity kind {it.get('kind')!r}")
                    if not isinstance(it.get("value"), (int, float)):
                        err(i, f"quantity {t!r} value not a number")
                    if it.get("approx") not in APPROX:
                        err(i, f"quantity {t!r} approx {it.get('approx')!r}")
                    if it.get("approx") and it["approx"] not in t:
                        err(i, f"quantity {t!r}: approximator {it['approx']!r} not inside the span")
                    if "value_max" in it and not it["value_max"] >= it["value"]:
                        err(i, f"quantity {t!r} value_max < value")
                    if not it.get("unit"):
                        err(i, f"quantity {t!r} has no unit")
                    if start > 0 and sent[start - 1] in NUMERAL and t[0] in NUMERAL:
                        err(i, f"quantity {t!r} starts inside a longer numeral")
                    if it.get("kind") == "percent" and it.get("unit") != "%":
                        err(i, f"percent {t!r} unit not %")
                elif key == "times":
                    k = it.get("kind")
                    if k not in T_KINDS:
                        err(i, f"time kind {k!r}")
                        continue
                    if not isinstance(it.get("resolved"), bool):
                        err(i, f"time {t!r} resolved not bool")
                    if k in ("date", "as_of", "deadline"):
                        if "date" not in it:
                            err(i, f"time {t!r} lacks date")
                        elif it["date"] is None:
                            if it["resolved"]:
                                err(i, f"time {t!r} resolved with date null")
                        elif not ISO_DATE.match(it["date"]):
                            err(i, f"time {t!r} date {it['date']!r} not ISO")
                        elif not it["resolved"]:
                            err(i, f"time {t!r} has a date but resolved false")
                    elif k in ("period", "relative_period"):
                        if "start_date" not in it or "end_date" not in it:
                            err(i, f"time {t!r} lacks start_date/end_date")
                            continue
                        for v in (it["start_date"], it["end_date"]):
                            if v is not None and not ISO_DAY.match(v):
                                err(i, f"time {t!r} bound {v!r} not ISO")
                        if it["start_date"] and it["end_date"] and it["start_date"] > it["end_date"]:
                            err(i, f"time {t!r} start after end")
                        if it["resolved"] and it["start_date"] is None:
                            err(i, f"time {t!r} resolved without start")
                        if it["resolved"] and it["end_date"] is None and "open-ended" not in it.get("note", ""):
                            err(i, f"time {t!r} resolved without end (mark open-ended in the note)")
                    elif k == "duration":
                        if not ISO_DUR.match(it.get("duration") or "") or it["duration"] == "P":
                            err(i, f"time {t!r} duration {it.get('duration')!r} not ISO 8601")
                    elif k == "recurrence":
                        if it.get("every") not in EVERY:
                            err(i, f"time {t!r} every {it.get('every')!r}")
                    if not it.get("resolved") and k in ("date",) and "note" in it and "year from" in it["note"]:
                        err(i, f"time {t!r}: note says resolved but resolved false")
                elif key == "neutral":
                    if it.get("why") not in N_WHY:
                        err(i, f"neutral {t!r} why {it.get('why')!r}")
                else:
                    if it.get("why") not in X_WHY:
                        err(i, f"excluded {t!r} why {it.get('why')!r}")
        for a, b in (("quantities", "excluded"), ("quantities", "times"), ("times", "excluded"),
                     ("quantities", "neutral"), ("times", "neutral"), ("neutral", "excluded")):
            both = spans.get(a, set()) & spans.get(b, set())
            if both:
                err(i, f"same span in {a} and {b}: {[sent[x:y] for x, y in both]}")
    for e in errs:
        print(e)
    n = lambda k: sum(len(g[k]) for g in gold)
    print(f"{len(gold)} sentences; doc_date {sum(1 for g in gold if g['doc_date'])}, "
          f"doc_year {sum(1 for g in gold if g['doc_year'])}; quantities {n('quantities')}, times {n('times')}, "
          f"neutral {n('neutral')}, excluded {n('excluded')}; {len(errs)} problems")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
