"""Held-out documents in styles other than the bundled sample, scored against hand-made gold.

The fixtures (tests/fixtures/heldout, gold built by build_gold.py) are a county 巡察
report with full-width numbering, a provincial report with restated-problem
headings and 第一/首先 enumerations, a central feedback news item and an HTML page
with ①②③ items and a problem table, plus a DOCX variant of the first.

Thresholds are per document and leave room for one or two judgement calls per
category (a document has 15-40 items per category): outline F1 >= 0.95, quantities
F1 >= 0.9 exact, times F1 >= 0.9 lenient, claim figures F1 >= 0.9, measures F1 >=
0.85 with status accuracy >= 0.85, kind right, every gold metadata field right.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import heldout_cases as hc  # noqa: E402

STEMS = list(hc.DOCUMENTS)
PROGRESS = [s for s in STEMS if hc.load_gold(s)["document"]["kind"] == "progress"]


@pytest.fixture(scope="module")
def results(nlp, tmp_path_factory):
    """stem -> (tables, scores, gold) for every held-out document and the DOCX variant."""
    from pipeline.api import analyze

    out = {}
    for stem, path in hc.DOCUMENTS.items():
        gold = hc.load_gold(stem)
        tables = analyze(path)
        out[stem] = (tables, hc.score(tables, gold), gold)
    docx_path = hc.write_docx_variant(tmp_path_factory.mktemp("heldout_docx"))
    stem, gold_stem = hc.DOCX_VARIANT
    gold = hc.load_gold(gold_stem)
    tables = analyze(docx_path)
    out[stem] = (tables, hc.score(tables, gold, file_name=docx_path.name), gold)
    return out


ALL = STEMS + [hc.DOCX_VARIANT[0]]


def test_heldout_gold_spans_match_the_documents() -> None:
    """Every gold span is the text it names (the builder asserts it; this guards later edits)."""
    for stem, path in hc.DOCUMENTS.items():
        gold = hc.load_gold(stem)
        if path.suffix == ".html":
            sys.path.insert(0, str(hc.HELDOUT))
            from build_gold import html_main_text

            text = html_main_text(path)
        else:
            text = path.read_text(encoding="utf-8")
        assert len(text) == gold["n_chars"]
        for item in gold["outline"]:
            assert text[item["label_start"] : item["label_end"]] == item["label"]
        for key in ("quantities", "excluded", "times", "claims", "documents_cited"):
            for item in gold[key]:
                assert text[item["start"] : item["end"]] == item["text"]


@pytest.mark.parametrize("stem", ALL)
def test_heldout_kind_and_metadata(results, stem: str) -> None:
    tables, scores, gold = results[stem]
    assert tables["documents"].iloc[0]["kind"] == gold["document"]["kind"]
    fields = scores["document"]["fields"][next(iter(scores["document"]["fields"]))]
    wrong = {k: v for k, v in fields.items() if not v["correct"]}
    assert not wrong


@pytest.mark.parametrize("stem", ALL)
def test_heldout_outline(results, stem: str) -> None:
    _, scores, _ = results[stem]
    assert scores["outline"]["f1"] >= 0.95
    assert scores["outline"]["parent_accuracy"] >= 0.95


@pytest.mark.parametrize("stem", ALL)
def test_heldout_quantities(results, stem: str) -> None:
    _, scores, _ = results[stem]
    assert scores["quantities"]["f1"] >= 0.9
    assert scores["quantities"]["excluded_hits"] <= 1


@pytest.mark.parametrize("stem", ALL)
def test_heldout_times(results, stem: str) -> None:
    _, scores, _ = results[stem]
    assert scores["times_lenient"]["f1"] >= 0.9


@pytest.mark.parametrize("stem", ALL)
def test_heldout_citations(results, stem: str) -> None:
    _, scores, _ = results[stem]
    assert scores["citations"]["f1"] == 1.0


@pytest.mark.parametrize("stem", [s for s in ALL if s != "c_central_feedback_news"])
def test_heldout_claim_figures(results, stem: str) -> None:
    _, scores, _ = results[stem]
    assert scores["claim_figures"]["f1"] >= 0.9


def test_heldout_claims_inconsistent_arithmetic_flagged(results) -> None:
    """The provincial report's 14 + 3 + 2 != 18 sentence is marked inconsistent."""
    tables, _, gold = results["b_provincial_restated_progress"]
    (bad,) = [c for c in gold["claims"] if c.get("consistent") is False]
    rows = tables["claims"][(tables["claims"]["start"] <= bad["start"] + 20) & (tables["claims"]["end"] >= bad["end"] - 5)]
    assert len(rows) == 1
    assert not bool(rows.iloc[0]["consistent"])


@pytest.mark.parametrize("stem", ALL)
def test_heldout_measures(results, stem: str) -> None:
    _, scores, _ = results[stem]
    assert scores["measures"]["f1"] >= 0.85
    if scores["measures"]["tp"]:
        assert scores["measures"]["status_accuracy"] >= 0.85


def test_heldout_measures_forward_items_planned(results) -> None:
    """Items of a 下一步 section are never 'done'."""
    for stem in PROGRESS:
        tables, _, _ = results[stem]
        sections = tables["sections"]
        forward = sections[sections["title"].str.contains("下一步")]
        assert len(forward) >= 1
        start = int(forward.iloc[0]["start"])
        later = tables["measures"][tables["measures"]["start"] > start]
        assert set(later["status"]) <= {"planned"}


def test_heldout_feedback_has_no_measures(results) -> None:
    """The team's demands (巡视组要求…一是…) in a feedback item are not the unit's measures."""
    tables, _, _ = results["c_central_feedback_news"]
    assert tables["measures"].empty


def test_heldout_docx_text_matches_txt(results) -> None:
    from pipeline.normalize import normalize

    tables, _, _ = results[hc.DOCX_VARIANT[0]]
    txt = normalize(hc.DOCUMENTS["a_county_xuncha_progress"].read_text(encoding="utf-8"))
    assert int(tables["documents"].iloc[0]["n_chars"]) == len(txt.rstrip("\n"))
