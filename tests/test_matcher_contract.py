"""IssueMatcher keeps the scikit-learn estimator contract (parameters, fit, fitted state, clone,
persistence) and hands its decisions over as arrays."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.utils.estimator_checks import (
    check_get_params_invariance,
    check_no_attributes_set_in_init,
    check_parameters_default_constructible,
)
from sklearn.utils.validation import check_is_fitted

from pipeline.extract.measures import extract_measures
from pipeline.matching.issues import issues_from_feedback
from pipeline.matching.matcher import (
    DEFAULT_CALIBRATION,
    IssueMatcher,
    _analyzer,
    count_terms,
    _TextRewriter,
    _words,
    build_targets,
    matches_from_decision,
    report_tfidf,
)
from pipeline.nlp.segmenter import load_segmenter
from pipeline.normalize import normalize
from pipeline.outline import parse_outline

ROOT = Path(__file__).resolve().parents[1]
FEEDBACK = ROOT / "corpus" / "feedback_cq_tzb_2022_example.txt"
REPORT = ROOT / "corpus" / "progress_cq_tzb_2022.txt"

PARAMS = {
    "top_k": 5,
    "char_ngram": (1, 4),
    "calibration": {"threshold": 2.0, "word_weight": 0.7},
    "levels": (2,),
    "use_order_prior": False,
}
SETTINGS = [{}, {"top_k": 1}, {"char_ngram": (1, 4)}, {"levels": (2,)}, {"use_order_prior": False},
            {"calibration": {"threshold": 2.5}}]


@lru_cache(maxsize=1)
def _report():
    text = normalize(REPORT.read_text(encoding="utf-8"))
    sections = parse_outline(text)
    measures = extract_measures(text, sections)
    return text, sections, measures


@lru_cache(maxsize=1)
def _issues():
    return tuple(issues_from_feedback(FEEDBACK.read_text(encoding="utf-8")))


def _targets():
    return build_targets(*_report())


def _fitted(**params) -> IssueMatcher:
    return IssueMatcher(**params).fit(list(_issues()))


def _decision_arrays(decision) -> dict[str, np.ndarray]:
    return {name: getattr(decision, name) for name in decision.__slots__}


def _fitted_state(est: IssueMatcher) -> dict:
    return {k: v for k, v in vars(est).items() if k.endswith("_")}


def _same_state(a: dict, b: dict) -> bool:
    if a.keys() != b.keys():
        return False
    for k in a:
        x, y = a[k], b[k]
        if hasattr(x, "toarray"):
            if not (np.array_equal(x.data, y.data) and np.array_equal(x.indices, y.indices)
                    and np.array_equal(x.indptr, y.indptr) and x.shape == y.shape):
                return False
        elif isinstance(x, np.ndarray):
            if not np.array_equal(x, y):
                return False
        elif x != y:
            return False
    return True


# -- parameters --------------------------------------------------------------------------------


def test_matcher_passes_sklearn_parameter_checks():
    check_parameters_default_constructible("IssueMatcher", IssueMatcher())
    check_no_attributes_set_in_init("IssueMatcher", IssueMatcher(**PARAMS))
    check_get_params_invariance("IssueMatcher", IssueMatcher(**PARAMS))


def test_matcher_init_stores_parameters_as_given():
    est = IssueMatcher(**PARAMS)
    assert est.get_params() == PARAMS
    assert all(getattr(est, name) is value for name, value in PARAMS.items())  # no copy, no logic


@pytest.mark.parametrize("name,value", list(PARAMS.items()))
def test_matcher_set_params_sets_one_parameter(name, value):
    est = IssueMatcher()
    assert est.set_params(**{name: value}) is est
    assert est.get_params()[name] == value and getattr(est, name) is value
    others = {k: v for k, v in IssueMatcher().get_params().items() if k != name}
    assert {k: v for k, v in est.get_params().items() if k != name} == others


def test_matcher_set_params_refuses_an_unknown_parameter():
    with pytest.raises(ValueError):
        IssueMatcher().set_params(threshold=1.0)  # a calibration key, not a parameter


def test_matcher_fit_refuses_an_unknown_calibration_key():
    with pytest.raises(ValueError, match="thresold"):
        IssueMatcher(calibration={"thresold": 1.0}).fit(list(_issues()))


# -- clone -------------------------------------------------------------------------------------


@pytest.mark.parametrize("params", SETTINGS)
def test_matcher_clone_round_trip(params):
    est = IssueMatcher(**params)
    twin = clone(est)
    assert twin is not est and twin.get_params() == est.get_params()
    fitted = est.fit(list(_issues()))
    unfitted = clone(fitted)
    assert not _fitted_state(unfitted) and unfitted.get_params() == fitted.get_params()
    a = _decision_arrays(fitted.decide(_targets()))
    b = _decision_arrays(unfitted.fit(list(_issues())).decide(_targets()))
    assert all(np.array_equal(a[k], b[k]) for k in a)


# -- fit and fitted state -------------------------------------------------------------------------


@pytest.mark.parametrize("params", SETTINGS)
def test_matcher_fit_returns_self(params):
    est = IssueMatcher(**params)
    assert est.fit(list(_issues())) is est


def test_matcher_no_fitted_attribute_before_fit_and_check_is_fitted_after():
    est = IssueMatcher(**PARAMS)
    assert not [k for k in vars(est) if k.endswith("_")]
    with pytest.raises(NotFittedError):
        check_is_fitted(est)
    for method in (est.score_targets, est.decide, est.decision_function, est.predict):
        with pytest.raises(NotFittedError):
            method(_targets())
    est.fit(list(_issues()))
    check_is_fitted(est)
    assert est.calibration_ == {**DEFAULT_CALIBRATION, **PARAMS["calibration"]}
    assert PARAMS["calibration"] == {"threshold": 2.0, "word_weight": 0.7}  # the parameter is not changed


def test_matcher_judging_a_report_leaves_the_estimator_unchanged():
    est = _fitted()
    before = {k: v.copy() if hasattr(v, "copy") else v for k, v in _fitted_state(est).items()}
    est.decide(_targets())
    est.match(*_report(), doc_id="r")
    assert _same_state(before, _fitted_state(est))


# -- arrays --------------------------------------------------------------------------------------


@pytest.mark.parametrize("top_k", [1, 3, 1000])
def test_matcher_array_shapes(top_k):
    est = _fitted(top_k=top_k)
    targets = _targets()
    n_i, n_t = len(est.issue_ids_), len(targets)
    k = min(top_k, n_t)
    assert est.score_targets(targets).shape == (n_i, n_t)
    assert est.decision_function(targets).shape == (n_i,)
    predicted = est.predict(targets)
    assert predicted.shape == (n_i,) and predicted.dtype == bool
    d = est.decide(targets)
    assert d.scores.shape == (n_i, n_t) and d.ranking.shape == (n_i, k) and d.ranked_addressed.shape == (n_i, k)
    assert all(getattr(d, name).shape == (n_i,) for name in ("evidence", "z", "coverage", "agreement", "in_order"))
    assert np.array_equal(d.ranked_addressed[:, 0], d.addressed)  # rank 1 carries the issue's decision
    assert all(len(set(row)) == k and 0 <= row.min() and row.max() < n_t for row in d.ranking)  # distinct targets


def test_matcher_score_targets_is_the_decision_scores():
    est = _fitted()
    targets = _targets()
    assert np.array_equal(est.score_targets(targets), est.decide(targets).scores)
    assert np.array_equal(est.score_targets([t.text for t in targets]), est.score_targets(targets))


def test_matcher_report_without_targets_gives_empty_arrays():
    est = _fitted()
    n_i = len(est.issue_ids_)
    d = est.decide([])
    assert d.scores.shape == (n_i, 0) and d.ranking.shape == (n_i, 0) and not d.addressed.any()
    assert est.match(*_report(), doc_id="r", targets=[]) == []


def test_matcher_match_is_the_decision_converted():
    est = _fitted()
    targets = _targets()
    matches = est.match(*_report(), doc_id="r", targets=targets)
    assert matches == matches_from_decision(est.decide(targets), targets, est.issue_ids_, "r")
    assert len(matches) == est.decide(targets).ranking.size


@pytest.mark.parametrize("char_ngram", [(2, 3), (1, 4)])
@pytest.mark.parametrize("view", ["word", "char"])
def test_matcher_report_tfidf_equals_one_vectorizer_over_issues_and_targets(view, char_ngram):
    """The per-report step reproduces, entry for entry, one TfidfVectorizer fitted on issues + targets."""
    est = _fitted(char_ngram=char_ngram)
    rewriter, seg = _TextRewriter(est.lexicon_), load_segmenter()
    chars = [rewriter.clean(t.text) for t in _targets()]
    if view == "word":
        issue_docs, docs, counts, vocab = est.issue_words_, [_words(c, seg) for c in chars], \
            est.issue_word_counts_, est.word_vocabulary_
        reference = TfidfVectorizer(tokenizer=str.split, token_pattern=None, lowercase=False, sublinear_tf=True)
    else:
        issue_docs, docs, counts, vocab = est.issue_chars_, chars, est.issue_char_counts_, est.char_vocabulary_
        reference = TfidfVectorizer(analyzer="char_wb", ngram_range=char_ngram, lowercase=False, sublinear_tf=True)
    ours = report_tfidf(counts, vocab, docs, _analyzer(view, char_ngram))
    theirs = reference.fit_transform(issue_docs + docs).tocsr()
    assert ours.shape == theirs.shape
    assert np.array_equal(ours.indptr, theirs.indptr) and np.array_equal(ours.indices, theirs.indices)
    assert np.array_equal(ours.data, theirs.data)  # bit for bit, not approximately


COUNT_DOCS = {
    "problems": ["理论学习 中心组 学习 不够 深入", "议事 规则 执行 不严格 议事", "经费 管理 不规范"],
    "with_empty": ["", "学习 学习 学习", "   ", "学习 管理"],
    "none": [],
}


@pytest.mark.parametrize("known", [{}, {"学习": 0, "管理": 1, "不在文中": 2}])
@pytest.mark.parametrize("docs", sorted(COUNT_DOCS))
@pytest.mark.parametrize("view", ["word", "char"])
def test_matcher_count_terms_equals_countvectorizer(view, docs, known):
    """Counts as CountVectorizer's (columns renumbered), rows in column order, new terms numbered
    after the given ones in order of first appearance."""
    texts = COUNT_DOCS[docs]
    analyzer = _analyzer(view, (2, 3))
    vocab, counts = count_terms(texts, analyzer, known)
    assert list(vocab.items())[:len(known)] == list(known.items())
    firsts = list(dict.fromkeys(t for doc in texts for t in analyzer(doc) if t not in known))
    assert list(vocab)[len(known):] == firsts
    assert counts.shape == (len(texts), len(vocab)) and counts.data.dtype == np.float64
    assert all(np.all(np.diff(counts.indices[a:b]) > 0) for a, b in zip(counts.indptr, counts.indptr[1:]))
    if not any(analyzer(doc) for doc in texts):  # nothing to count (CountVectorizer refuses)
        assert counts.nnz == 0
        return
    reference = CountVectorizer(analyzer=analyzer).fit(texts)
    theirs = reference.transform(texts).toarray()
    ours = counts.toarray()
    for term, j in vocab.items():
        expected = theirs[:, reference.vocabulary_[term]] if term in reference.vocabulary_ else np.zeros(len(texts))
        assert np.array_equal(ours[:, j], expected), term


# -- persistence ---------------------------------------------------------------------------------


@pytest.mark.parametrize("params", [{}, PARAMS])
def test_matcher_skops_round_trip_gives_identical_arrays(tmp_path, params):
    est = _fitted(**params)
    path = tmp_path / "matcher.skops"
    est.save(path)
    back = IssueMatcher.load(path)
    assert back.get_params() == est.get_params()
    assert _same_state(_fitted_state(est), _fitted_state(back))
    a = _decision_arrays(est.decide(_targets()))
    b = _decision_arrays(back.decide(_targets()))
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert back.match(*_report(), doc_id="r") == est.match(*_report(), doc_id="r")
