"""Issue lists from feedback notices: problem P/R/F1 per notice and per layout.

Usage: python benchmarks/bench_issue_lists.py [--set dev|blind|blind2] [--json FILE] [--quiet]

Each notice of ``tests/fixtures/feedback_corpus/<set>/`` goes through the same path as
``zhenggai issues`` / ``match --issues`` (read, analyse, extract the issue list); its
problems are scored against ``gold/*.gold.json`` by ``pipeline.matching.list_scoring``
(a pair when each covers half of the other, one to one).  A notice that ends without a
list scores zero recall and is named.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "feedback_corpus"


def run(set_name: str) -> tuple[list, dict]:
    from pipeline.errors import InputError
    from pipeline.matching.list_scoring import score_notice, summarize
    from pipeline.review import load_issue_list


    folder = CORPUS / set_name
    scores = []
    for gold_path in sorted((folder / "gold").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        error = None
        try:
            issue_list = load_issue_list(folder / gold["file"])
            predicted = [{"level": i.level, "start": i.start, "end": i.end, "unit": i.extra.get("unit")}
                         for i in issue_list.issues]
        except InputError as exc:
            predicted, error = [], f"{exc.error_type}: {exc.reason}"
        scores.append(score_notice(gold_path.name.removesuffix(".gold.json"), gold, predicted, error=error))
    return scores, summarize(scores)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="dev", choices=sorted(p.name for p in CORPUS.iterdir() if (p / "gold").is_dir()),
                        help="a folder of the corpus with gold: dev, blind, blind2 …")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--quiet", action="store_true", help="only the summary, no per-notice rows")
    args = parser.parse_args(argv)
    scores, summary = run(args.set)
    if not args.quiet:
        print(f"{'notice':50} {'layout':15} {'P':>6} {'R':>6} {'F1':>6}  note")
        for s in scores:
            p = s.problems
            note = s.error or ""
            if s.unit_agreement is not None:
                note += f" units {s.unit_agreement:.2f}"
            print(f"{s.name:50} {s.layout:15} {p.precision:6.3f} {p.recall:6.3f} {p.f1:6.3f}  {note}")
    print(f"\n{args.set}: {summary['notices']} notices")
    print(f"{'layout':15} {'P':>6} {'R':>6} {'F1':>6}")
    for layout, t in summary["layouts"].items():
        print(f"{layout:15} {t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f}")
    for key in ("problems", "manifestations", "aspects"):
        t = summary[key]
        print(f"{key:15} P {t['precision']:.3f} R {t['recall']:.3f} F1 {t['f1']:.3f} (tp {t['tp']}, fp {t['fp']}, fn {t['fn']})")
    print(f"notices without a list: {len(summary['without_list'])}; non-problems listed as problems: "
          f"{summary['non_problems_listed']}")
    if args.json:
        payload = {"summary": summary, "notices": [asdict(s) for s in scores]}
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
