"""Grid search over IssueMatcher's parameters on every issue list with a gold alignment.

Lists: ``corpus/gold/*.alignment.json`` and ``tests/fixtures/**/*.alignment.json`` (the same
pairs as ``bench_alignment.py`` and the golden outputs).  Each report is analysed once (reader,
nlp, outline, measures) and its targets are built once.  For every point of a
``sklearn.model_selection.ParameterGrid`` the matcher is ``clone``d from the default estimator,
given the point's parameters, fitted on each list and judged on its report; the resulting
``Match`` records are scored with :func:`pipeline.matching.evaluate.evaluate_alignment` (the
``eval`` scorer).

A point's score is the mean over the lists of the gap F1 (unaddressed issues found: the
decision a reviewer reads), with mean MRR and mean hit@1 as tie-breaks.  Many points tie at
the top, so the table shows how many do and whether the default is among them.  The
leave-one-list-out rows choose the point on the other lists only and score the held-out list
with it (ties broken by grid order).

    python benchmarks/bench_grid.py [--top 10]
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.model_selection import ParameterGrid

from pipeline.document import DocumentResult, process_path
from pipeline.matching.evaluate import evaluate_alignment
from pipeline.matching.matcher import DEFAULT_CALIBRATION, IssueMatcher, Target, build_targets, matches_from_decision
from pipeline.nlp.language import load_nlp
from pipeline.records import Issue
from pipeline.review import load_issue_list

ROOT = Path(__file__).resolve().parents[1]
GRID = {
    "calibration": [{"threshold": t, "word_weight": w} for t in (1.25, 1.5, 1.75, 2.0, 2.5) for w in (0.3, 0.5, 0.7)],
    "char_ngram": [(2, 3), (1, 3), (2, 4)],
    "use_order_prior": [True, False],
}
METRICS = ("gap_f1", "mrr", "hit_at_1")


@dataclass(frozen=True)
class Pair:
    """One issue list, its analysed report, the report's targets and tables, and the gold."""

    name: str
    gold: Path
    issues: list[Issue]
    report: DocumentResult
    targets: list[Target]
    frames: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]  # issues, sections, measures


def _df(rows) -> pd.DataFrame:
    return pd.DataFrame([asdict(r) for r in rows])


def gold_paths() -> list[Path]:
    fixtures = [p for p in sorted((ROOT / "tests" / "fixtures").glob("**/*.alignment.json"))
                if "feedback_corpus" not in p.parts]
    return sorted((ROOT / "corpus" / "gold").glob("*.alignment.json")) + fixtures


def load_pairs(nlp) -> list[Pair]:
    """Every gold pair, each report analysed once however many lists it answers."""
    reports: dict[str, tuple[DocumentResult, list[Target]]] = {}
    pairs = []
    for gold in gold_paths():
        spec = json.loads(gold.read_text(encoding="utf-8"))
        if spec["report"] not in reports:
            report = process_path(ROOT / spec["report"], nlp=nlp)
            reports[spec["report"]] = (report, build_targets(report.text, report.sections, report.measures))
        report, targets = reports[spec["report"]]
        issues = load_issue_list(ROOT / spec["feedback"], nlp=nlp).issues
        frames = (_df(issues), _df(report.sections), _df(report.measures))
        pairs.append(Pair(gold.name.removesuffix(".alignment.json"), gold, issues, report, targets, frames))
    return pairs


def score_pair(estimator: IssueMatcher, pair: Pair) -> dict[str, float]:
    """Fit a fresh clone on the pair's list, judge its report, score the matches against the gold."""
    est = clone(estimator).fit(pair.issues)
    matches = matches_from_decision(est.decide(pair.targets), pair.targets, est.issue_ids_, pair.report.doc_id)
    res = evaluate_alignment(pair.frames[0], _df(matches), pair.frames[1], pair.frames[2], pair.gold)
    p, r = res["gap_precision"], res["gap_recall"]
    return {"gap_f1": 2 * p * r / (p + r) if p + r else 0.0, "mrr": res["mrr"], "hit_at_1": res["hit_at_1"]}


def search(base: IssueMatcher, grid: dict, pairs: list[Pair]) -> tuple[list[dict], np.ndarray]:
    """Scores of every grid point on every list: array (n_points, n_lists, n_metrics)."""
    points = list(ParameterGrid(grid))
    scores = np.zeros((len(points), len(pairs), len(METRICS)))
    for k, params in enumerate(points):
        estimator = clone(base).set_params(**params)
        for j, pair in enumerate(pairs):
            res = score_pair(estimator, pair)
            scores[k, j] = [res[m] for m in METRICS]
    return points, scores


def ranked(scores: np.ndarray) -> np.ndarray:
    """Point indices, best first: mean gap F1, then mean MRR, then mean hit@1 (grid order on ties)."""
    means = scores.mean(axis=1)
    return np.lexsort(tuple(-means[:, m] for m in reversed(range(len(METRICS)))))


def describe(params: dict) -> str:
    cal = params["calibration"]
    return (f"threshold={cal['threshold']:<5} word_weight={cal['word_weight']:<4} "
            f"char_ngram={params['char_ngram']} use_order_prior={params['use_order_prior']}")


def _row(label: str, values: np.ndarray) -> str:
    return f"{label:<82}" + "".join(f"{v:>9.3f}" for v in values)


def _default_point(points: list[dict], base: IssueMatcher) -> int:
    """The grid point that is the base estimator's own setting (its effective calibration included)."""
    defaults = base.get_params()
    effective = {**DEFAULT_CALIBRATION, **(defaults["calibration"] or {})}
    return next(k for k, p in enumerate(points)
                if {**DEFAULT_CALIBRATION, **p["calibration"]} == effective
                and all(p[name] == defaults[name] for name in p if name != "calibration"))


def print_table(points: list[dict], scores: np.ndarray, base: IssueMatcher, top: int) -> None:
    order = ranked(scores)
    means = scores.mean(axis=1)
    best = means[order[0]]
    tied = [k for k in order if np.allclose(means[k], best)]
    default_k = _default_point(points, base)
    print(f"{'point (mean over lists)':<82}" + "".join(f"{m:>9}" for m in METRICS))
    for k in order[:top]:
        print(_row(describe(points[k]), means[k]))
    rank_of_default = int(np.flatnonzero(order == default_k)[0]) + 1
    print(_row(f"default (rank {rank_of_default}/{len(points)})", means[default_k]))
    print(f"\nbest parameters: {describe(points[order[0]])}")
    print("best scores: " + ", ".join(f"mean {m} {v:.3f}" for m, v in zip(METRICS, best))
          + f"; min gap_f1 over lists {scores[order[0], :, 0].min():.3f}")
    print(f"{len(tied)} of {len(points)} points tie at the best score; the default is "
          f"{'among them' if default_k in tied else 'not among them'}")
    thresholds = sorted({points[k]["calibration"]["threshold"] for k in tied})
    print(f"thresholds among the tied points: {thresholds}")


def print_leave_one_out(points: list[dict], scores: np.ndarray, pairs: list[Pair]) -> None:
    print("\nleave-one-list-out (point chosen on the other lists, the held-out list scored with it)")
    print(f"{'list':<36}{'chosen point':<82}" + "".join(f"{m:>9}" for m in METRICS))
    held_out = []
    for j, pair in enumerate(pairs):
        others = np.delete(scores, j, axis=1)
        k = ranked(others)[0]
        held_out.append(scores[k, j])
        print(f"{pair.name:<36}{describe(points[k]):<82}" + "".join(f"{v:>9.3f}" for v in scores[k, j]))
    print(f"{'mean over held-out lists':<118}" + "".join(f"{v:>9.3f}" for v in np.mean(held_out, axis=0)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--top", type=int, default=10, help="grid points to print, best first")
    args = ap.parse_args()
    t0 = time.perf_counter()
    pairs = load_pairs(load_nlp())
    t1 = time.perf_counter()
    base = IssueMatcher()
    points, scores = search(base, GRID, pairs)
    t2 = time.perf_counter()
    print(f"{len(pairs)} lists, {len({p.report.doc_id for p in pairs})} reports; {len(points)} grid points "
          f"x {len(pairs)} lists = {len(points) * len(pairs)} fits; analysis {t1 - t0:.1f}s, search {t2 - t1:.1f}s\n")
    print_table(points, scores, base, args.top)
    print_leave_one_out(points, scores, pairs)


if __name__ == "__main__":
    main()
