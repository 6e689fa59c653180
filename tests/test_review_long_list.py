"""A 2,000-row ledger reviewed the batched way gives what the plain per-issue, per-match way gives.

The review of a long list works on all issues and all matches at once (robust z of every row
together, each place's sentences segmented once, each evidence sentence marked once per page).
These tests recompute the same results the straightforward way and compare; the time it takes
lives in ``benchmarks/bench_big_list.py``, never here.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from pipeline.document import process_path
from pipeline.lang.text import sentence_spans
from pipeline.matching.matcher import (
    _monotone_alignment,
    _robust_z_rows,
    _TextRewriter,
    _words,
    build_targets,
)
from pipeline.nlp.segmenter import load_segmenter
from pipeline.report import html
from pipeline.review import IssueList, PairReview, list_doc_id, load_issue_list, review

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "corpus" / "progress_cq_tzb_2022.txt"
ROWS = 2_000


@lru_cache(maxsize=1)
def _long_review(folder: str) -> tuple[IssueList, object, object]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_big_list import make_csv

    path = Path(folder) / "ledger.csv"
    make_csv(path, ROWS)
    issues = load_issue_list(path)
    report = process_path(REPORT)
    return issues, report, review(issues, report)


def _case(tmp_path_factory):
    return _long_review(str(tmp_path_factory.getbasetemp()))


def test_long_list_every_problem_judged_with_its_candidates(tmp_path_factory):
    issues, _report, result = _case(tmp_path_factory)
    problems = [i.issue_id for i in issues.issues if i.level == 2]
    assert len(problems) == ROWS and set(problems) <= set(result.statuses)
    ranked: dict[str, int] = {}
    for m in result.matches:
        if m.rank is not None:
            ranked[m.issue_id] = ranked.get(m.issue_id, 0) + 1
    assert set(ranked.values()) == {3}
    assert {f.kind for f in result.flags} <= {"unaddressed", "weak", "planned_only", "overdue", "overdue_deadline",
                                              "orphan_measure", "count_mismatch", "claim_arithmetic"}
    assert any(f.kind == "overdue" for f in result.flags)  # the ledger's past deadlines (2021年12月31日 …)


def test_long_list_evidence_as_the_per_match_way(tmp_path_factory):
    """Shared terms, evidence sentences and their text of every match, recomputed match by match
    with the words segmented afresh (no reuse of the fit, no per-call memo)."""
    issues, report, result = _case(tmp_path_factory)
    from pipeline.matching.matcher import IssueMatcher

    matcher = IssueMatcher().fit(issues.issues)
    rewriter, seg = _TextRewriter(matcher.lexicon_), load_segmenter()
    text = report.text

    def words(piece: str) -> list[str]:
        return _words(rewriter.clean(piece), seg).split()

    by_id = {i.issue_id: i for i in issues.issues}
    sentence_words: dict[tuple[int, int], set[str]] = {}
    issue_words: dict[str, list[str]] = {}
    for m in result.matches:
        spans = list(sentence_spans(text, m.target_start, m.target_end))
        for sp in spans:
            if sp not in sentence_words:
                sentence_words[sp] = set(words(text[sp[0]:sp[1]]))
        if m.issue_id not in issue_words:
            issue_words[m.issue_id] = list(dict.fromkeys(words(by_id[m.issue_id].text)))
        shared = [t for t in issue_words[m.issue_id] if any(t in sentence_words[sp] for sp in spans)]
        ranked = sorted(spans, key=lambda sp: -len(sentence_words[sp] & set(shared)))
        best = [sp for sp in ranked[:2] if sentence_words[sp] & set(shared)] or spans[:1]
        assert m.shared_terms == "、".join(shared), m.issue_id
        assert m.evidence == sorted(best), m.issue_id
        assert m.target_text == "…".join(text[a:b].strip() for a, b in m.evidence)
        assert m.issue_text == by_id[m.issue_id].text


def test_long_list_scores_as_row_by_row(tmp_path_factory):
    """Robust z of all rows at once equals row by row; the in-order alignment equals its numpy form."""
    issues, report, _result = _case(tmp_path_factory)
    from pipeline.matching.matcher import UNRELATED_PLACES, IssueMatcher

    matcher = IssueMatcher().fit(issues.issues)
    scores = matcher.score_targets(build_targets(report.text, report.sections, report.measures))
    floor = matcher.calibration_["z_scale_floor"]

    def one_row(row):  # within the row and UNRELATED_PLACES places of no similarity
        base = np.concatenate([row, np.zeros(UNRELATED_PLACES)])
        med = np.median(base)
        return (row - med) / max(np.median(np.abs(base - med)) * 1.4826, floor)

    assert np.array_equal(_robust_z_rows(scores, floor), np.vstack([one_row(r) for r in scores]))

    def numpy_alignment(gain):  # the walk back as it was written with numpy.isclose
        n, m = gain.shape
        g = np.maximum(gain, 0.0)
        f = np.zeros((n + 1, m))
        for i in range(n):
            f[i + 1] = np.maximum.accumulate(f[i] + g[i])
        out, j, i = [-1] * n, m - 1, n - 1
        while i >= 0:
            if j > 0 and np.isclose(f[i + 1, j], f[i + 1, j - 1]):
                j -= 1
                continue
            if g[i, j] > 0 and np.isclose(f[i + 1, j], f[i, j] + g[i, j]):
                out[i] = j
            i -= 1
        return out

    rng = np.random.default_rng(11)
    for gain in (scores[:400, :40] * 10 - 0.3, np.round(rng.normal(size=(300, 25)), 1)):  # ties included
        assert _monotone_alignment(gain) == numpy_alignment(gain)


def test_long_list_segments_sentences_once_not_per_match(tmp_path_factory, monkeypatch):
    """Evidence for thousands of matches asks the matcher for key terms twice (issues, sentences), not per match."""
    issues, report, _result = _case(tmp_path_factory)
    from pipeline.matching.matcher import IssueMatcher

    calls = []
    original = IssueMatcher.key_terms
    monkeypatch.setattr(IssueMatcher, "key_terms", lambda self, texts: calls.append(len(texts)) or original(self, texts))
    review(issues, report)
    assert len(calls) == 2 and calls[0] == ROWS + len({i.extra.get("aspect") for i in issues.issues} - {None})


def test_long_list_page_as_rendered_without_reuse(tmp_path_factory, monkeypatch):
    """review.html of 2,000 problems is byte for byte the page whose evidence is marked anew for every match."""
    issues, report, result = _case(tmp_path_factory)
    pair = PairReview(issues, report, replace(result), list_doc_id(issues))
    page = html.render_review(pair)

    class Afresh(html._Evidence):
        def context(self, s, e, terms):
            self._html.clear()
            return super().context(s, e, terms)

        def key(self, m):
            self._keys.clear()
            return super().key(m)

    monkeypatch.setattr(html, "_Evidence", Afresh)
    assert html.render_review(pair) == page
    assert page.count('<section class="card') == ROWS
