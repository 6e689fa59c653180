"""Per-problem verdicts of the review on blind feedback/report pairs: the list, the status, the evidence.

Usage: python benchmarks/bench_pairs_blind.py [--dir tests/fixtures/pairs_blind] [--json FILE] [--quiet]

Each ``NAME.status.json`` of the folder names a feedback notice, the report that answers it
and, per problem of the notice, the reviewer's verdict (addressed, weak, planned_only,
overdue, unaddressed) with the report's sentences that answer it (written by a helper that
never saw the matcher).  The pair goes through ``pipeline.api.match`` (the path of
``zhenggai match``).  A gold problem and an extracted level-2 problem pair up as in the
issue-list scorer (each covers half of the other, one to one).  Printed per pair and overall:
- list: problems found (recall) and extra problems (precision); a gold problem whose text kept its examples
  (比如…) pairs, where the problem alone does not, with the problem and its manifestations together;
- status: the five-way verdict's accuracy over the paired problems, and the confusion;
- gap: "not really answered" (every verdict but addressed) as a yes/no decision, P/R/F1;
- evidence: for gold-answered problems the review calls answered, whether its best place
  overlaps one of the gold evidence sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT / "tests" / "fixtures" / "pairs_blind"
STATUSES = ("addressed", "weak", "planned_only", "overdue", "unaddressed")


def _find_all(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Spans of texts given in order (each searched after the previous one's start)."""
    spans, cursor = [], 0
    for needle in needles:
        start = text.find(needle, cursor)
        if start < 0:
            start = text.find(needle)
        if start < 0:
            raise ValueError(f"not found: {needle!r}")
        spans.append((start, start + len(needle)))
        cursor = start + 1
    return spans


def score_pair(gold_path: Path) -> dict:
    import pandas as pd

    from pipeline.api import match
    from pipeline.matching.list_scoring import _pairs

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    folder = gold_path.parent
    feedback_text = (folder / gold["feedback"]).read_text(encoding="utf-8")
    report_text = (folder / gold["report"]).read_text(encoding="utf-8")
    gold_spans = _find_all(feedback_text, [i["text"] for i in gold["issues"]])
    tables = match(folder / gold["feedback"], folder / gold["report"])
    issues = tables["issues"]
    problems = issues[issues["level"] == 2].reset_index(drop=True)
    pred_spans = [(int(s), int(e)) for s, e in zip(problems["start"], problems["end"])]
    paired = _pairs(pred_spans, gold_spans)
    # a gold text that kept the problem's examples (比如…) pairs with the problem and its manifestations
    # together, where the problem alone did not pair (the issue list splits the examples off as level 3)
    examples = issues[issues["level"] == 3]
    extents = [(s, max([e, *(int(x) for x in examples.loc[examples["parent_id"] == issue_id, "end"])]))
               for (s, e), issue_id in zip(pred_spans, problems["issue_id"])]
    used_p, used_g = {i for i, _ in paired}, {j for _, j in paired}
    left_p = [i for i in range(len(pred_spans)) if i not in used_p]
    left_g = [j for j in range(len(gold_spans)) if j not in used_g]
    paired += [(left_p[a], left_g[b]) for a, b in _pairs([extents[i] for i in left_p], [gold_spans[j] for j in left_g])]
    # a gold problem given by its headline sentence alone (学习贯彻…不够深入 of 1.学习贯彻…不够深入。党组理论学习…) pairs
    # with the extracted problem that opens with it
    used_p, used_g = {i for i, _ in paired}, {j for _, j in paired}
    for j in (j for j in range(len(gold_spans)) if j not in used_g):
        g_start, g_end = gold_spans[j]
        opens = [i for i in range(len(pred_spans)) if i not in used_p and pred_spans[i][0] == g_start
                 and g_end <= pred_spans[i][1] and feedback_text[g_end:g_end + 1] == "。"]
        if len(opens) == 1:
            paired.append((opens[0], j))
            used_p.add(opens[0])
    confusion: Counter = Counter()
    gap = Counter()
    evidence = Counter()
    matches = tables["matches"]
    rows = []
    for i, j in paired:
        g = gold["issues"][j]
        predicted = problems.loc[i, "status"]
        predicted = "none" if pd.isna(predicted) else str(predicted)
        confusion[(g["status"], predicted)] += 1
        gold_gap, pred_gap = g["status"] != "addressed", predicted != "addressed"
        gap["tp" if gold_gap and pred_gap else "fp" if pred_gap else "fn" if gold_gap else "tn"] += 1
        if g["status"] == "addressed" and predicted == "addressed":
            spans = _find_all(report_text, g["evidence"]) if g["evidence"] else []
            best = matches[(matches["issue_id"] == problems.loc[i, "issue_id"]) & (matches["rank"] == 1)]
            hit = any(min(e, int(te)) > max(s, int(ts))
                      for ts, te in zip(best["target_start"], best["target_end"]) for s, e in spans)
            evidence["hit" if hit else "miss"] += 1
        rows.append((g["id"], g["status"], predicted))
    as_of = tables["documents"].loc[tables["documents"]["kind"] == "progress", "as_of_date"]
    return {"name": gold_path.name.removesuffix(".status.json"), "gold": len(gold_spans), "predicted": len(pred_spans),
            "paired": len(paired), "confusion": confusion, "gap": gap, "evidence": evidence, "rows": rows,
            "report_date": gold.get("report_date"), "as_of": None if as_of.empty or as_of.isna().all() else str(as_of.iloc[0])[:10],
            "errors": [f"{e.stage} {e.error_type}: {e.message}" for e in tables["errors"].itertuples()]}


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--quiet", action="store_true", help="only the summary")
    args = parser.parse_args(argv)
    results = [score_pair(p) for p in sorted(args.dir.glob("*.status.json"))]
    if not results:
        print(f"no *.status.json in {args.dir}", file=sys.stderr)
        return 2
    confusion: Counter = Counter()
    gap: Counter = Counter()
    evidence: Counter = Counter()
    gold_n = pred_n = paired_n = 0
    for r in results:
        confusion.update(r["confusion"])
        gap.update(r["gap"])
        evidence.update(r["evidence"])
        gold_n, pred_n, paired_n = gold_n + r["gold"], pred_n + r["predicted"], paired_n + r["paired"]
        if not args.quiet:
            right = sum(n for (g, p), n in r["confusion"].items() if g == p)
            gp, gr, gf = _prf(r["gap"]["tp"], r["gap"]["fp"], r["gap"]["fn"])
            print(f"{r['name']}: list {r['paired']}/{r['gold']} found, {r['predicted'] - r['paired']} extra; "
                  f"status {right}/{r['paired']}; gap P {gp:.2f} R {gr:.2f} F1 {gf:.2f}; as-of {r['as_of']} "
                  f"(gold report date {r['report_date']})")
            for error in r["errors"]:
                print(f"    errors row: {error}")
            for issue_id, g, p in r["rows"]:
                if g != p:
                    print(f"    problem {issue_id}: gold {g}, review {p}")
    right = sum(n for (g, p), n in confusion.items() if g == p)
    gp, gr, gf = _prf(gap["tp"], gap["fp"], gap["fn"])
    lp, lr, lf = _prf(paired_n, pred_n - paired_n, gold_n - paired_n)
    print(f"\n{len(results)} pairs, {gold_n} gold problems")
    print(f"list: P {lp:.3f} R {lr:.3f} F1 {lf:.3f} ({paired_n} paired, {pred_n} extracted)")
    print(f"status, five-way, over the paired problems: {right}/{paired_n} = {right / max(1, paired_n):.3f}")
    print(f"gap (not really answered): P {gp:.3f} R {gr:.3f} F1 {gf:.3f} "
          f"(tp {gap['tp']}, fp {gap['fp']}, fn {gap['fn']}, tn {gap['tn']})")
    print(f"evidence of answered problems: best place on a gold sentence {evidence['hit']}/{evidence['hit'] + evidence['miss']}")
    print("confusion (gold -> review):")
    for g in STATUSES:
        cells = {p: n for (gg, p), n in confusion.items() if gg == g}
        if cells:
            print(f"  {g:13} " + ", ".join(f"{p} {n}" for p, n in sorted(cells.items(), key=lambda c: -c[1])))
    if args.json:
        summary = {"pairs": len(results), "gold_problems": gold_n, "list": {"precision": lp, "recall": lr, "f1": lf},
                   "status_accuracy": right / max(1, paired_n), "gap": {"precision": gp, "recall": gr, "f1": gf, **gap},
                   "evidence": dict(evidence),
                   "confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())},
                   "per_pair": [{"name": r["name"], "rows": r["rows"], "as_of": r["as_of"],
                                 "report_date": r["report_date"]} for r in results]}
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
