"""Matching speed: a 100-issue list against a ~30,000-character report.

Inputs are built from the bundled corpus: the real report's body (一、 and 二、 parts) is
repeated with its headings renumbered until the text holds ~30,000 characters, then the
forward-looking part is appended; 100 issues are clauses of the two bundled feedback lists
(the example and the central-style fixture), cycled and paired to reach 100.  Prints the
median over runs of fit, structure (outline + measures) and match, and the fit+match split.
The baseline in the same run is a plain character-n-gram TF-IDF cosine ranking of the same
issues against the same targets (no lexicon, no calibration).

    python benchmarks/bench_match.py [--runs 7]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from pipeline.matching.issues import issues_from_feedback
from pipeline.matching.matcher import IssueMatcher, build_targets
from pipeline.nlp.segmenter import load_segmenter
from pipeline.normalize import normalize
from pipeline.records import Issue

ROOT = Path(__file__).resolve().parents[1]
CN = "一二三四五六七八九十"


def _structure(text: str):
    from pipeline.extract.measures import extract_measures
    from pipeline.outline import parse_outline

    secs = parse_outline(text)
    return secs, extract_measures(text, secs)


def build_report(target_chars: int = 30000) -> str:
    text = normalize((ROOT / "corpus" / "progress_cq_tzb_2022.txt").read_text(encoding="utf-8"))
    head_end = text.index("\n一、") + 1
    plans = text.index("\n三、") + 1
    body = text[head_end:plans]
    parts = [text[:head_end]]
    k = 0
    while sum(map(len, parts)) + len(text) - plans < target_chars:
        for top in re.split(r"(?m)^(?=[一二三四五六七八九十]、)", body):
            if not top:
                continue
            parts.append(CN[k % 10] + top[1:] if k < 10 else top)
            k += 1
    parts.append(CN[min(k, 9)] + text[plans + 1:])
    return "".join(parts)


def build_issues(n: int = 100) -> list[Issue]:
    clauses = []
    for path in (ROOT / "corpus" / "feedback_cq_tzb_2022_example.txt",
                 ROOT / "tests" / "fixtures" / "feedback_cq_tzb_2022_central_style.txt"):
        for it in issues_from_feedback(path.read_text(encoding="utf-8")):
            if it.level == 2:
                clauses += [c for c in re.split(r"[。,;]", it.text) if len(c) >= 6]
    out = []
    for i in range(n):
        a, b = clauses[i % len(clauses)], clauses[(i * 7 + 3) % len(clauses)]
        out.append(Issue(str(i + 1), None, 2, a if i < len(clauses) else f"{a},{b}", "bench", None, None))
    return out


def _baseline(issues, targets):
    v = TfidfVectorizer(analyzer="char", ngram_range=(2, 3))
    m = v.fit_transform([i.text for i in issues] + [t.text for t in targets])
    s = (m[: len(issues)] @ m[len(issues):].T).toarray()
    return np.argsort(-s, axis=1)[:, :3]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    report = build_report()
    issues = build_issues()
    t0 = time.perf_counter()
    load_segmenter()  # dictionary load, once per process
    cold = time.perf_counter() - t0
    secs, meas = _structure(report)
    print(f"report {len(report)} chars, {len(secs)} sections, {len(meas)} measures; {len(issues)} issues; "
          f"segmenter load (once per process) {cold:.3f}s")
    fit_t, struct_t, match_t, base_t = [], [], [], []
    for _ in range(args.runs):
        t = time.perf_counter()
        est = IssueMatcher().fit(issues)
        fit_t.append(time.perf_counter() - t)
        t = time.perf_counter()
        secs, meas = _structure(report)
        struct_t.append(time.perf_counter() - t)
        t = time.perf_counter()
        matches = est.match(report, secs, meas, doc_id="bench")
        match_t.append(time.perf_counter() - t)
        targets = build_targets(report, secs, meas)
        t = time.perf_counter()
        _baseline(issues, targets)
        base_t.append(time.perf_counter() - t)
    med = statistics.median
    n_addr = len({m.issue_id for m in matches if m.addressed})
    print(f"targets {len(targets)}; issues decided addressed {n_addr}/{len(issues)}")
    print(f"median over {args.runs} runs: fit {med(fit_t):.3f}s  match {med(match_t):.3f}s  "
          f"fit+match {med(fit_t) + med(match_t):.3f}s  (outline+measures {med(struct_t):.3f}s)")
    print(f"baseline char-TF-IDF ranking, same targets: {med(base_t):.3f}s; "
          f"fit+match / baseline = {(med(fit_t) + med(match_t)) / med(base_t):.1f}x")
    print("target: fit+match < 1 s:", "PASS" if med(fit_t) + med(match_t) < 1.0 else "FAIL")


if __name__ == "__main__":
    main()
