"""The dev feedback corpus (tests/fixtures/feedback_corpus/dev): floors per layout, through the
same path as ``zhenggai issues`` (read the file, find the list), scored by the corpus rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.matching.list_scoring import score_notice, summarize
from pipeline.review import load_issue_list

DEV = Path(__file__).resolve().parent / "fixtures" / "feedback_corpus" / "dev"
GOLDS = sorted((DEV / "gold").glob("*.gold.json"))


@pytest.fixture(scope="module")
def scores():
    out = []
    for path in GOLDS:
        gold = json.loads(path.read_text(encoding="utf-8"))
        issues = load_issue_list(DEV / gold["file"]).issues
        predicted = [{"level": i.level, "start": i.start, "end": i.end, "unit": i.extra.get("unit")} for i in issues]
        out.append(score_notice(path.name.removesuffix(".gold.json"), gold, predicted))
    return out


def test_issues_dev_corpus_floors(scores):
    summary = summarize(scores)
    assert summary["problems"]["f1"] >= 0.95
    assert summary["manifestations"]["f1"] >= 0.9 and summary["aspects"]["f1"] >= 0.9
    assert summary["without_list"] == [] and summary["non_problems_listed"] == 0


@pytest.mark.parametrize("layout", sorted({json.loads(p.read_text(encoding="utf-8"))["layout"] for p in GOLDS}))
def test_issues_dev_corpus_every_layout(scores, layout):
    summary = summarize([s for s in scores if s.layout == layout])
    assert summary["problems"]["f1"] >= 0.9, summary["problems"]


def test_issues_dev_corpus_paraphrase_every_problem_and_no_demand(scores):
    para = [s for s in scores if s.layout == "paraphrase"]
    assert para and all(s.problems.fn == 0 and s.non_problems_listed == 0 for s in para)


def test_issues_dev_corpus_units_on_multi_unit_notices(scores):
    multi = [s for s in scores if s.unit_agreement is not None]
    assert multi and all(s.unit_agreement == 1.0 for s in multi)


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.name.split("_")[0])
def test_issues_dev_corpus_announced_counts(path):
    """Every count a notice announces is read, and only a list that misses it is flagged."""
    from pipeline.issuelist import read_feedback

    gold = json.loads(path.read_text(encoding="utf-8"))
    found = read_feedback((DEV / gold["file"]).read_text(encoding="utf-8"), doc_id="fb")
    said = gold.get("announced_count")
    if said is None:
        assert found.flags == []
        return
    assert found.announced is not None and said in (found.announced.problems, found.announced.aspects)
    n_aspects, n_problems = len(gold.get("aspects", [])), len(gold["problems"])
    counted = n_problems if found.announced.problems is not None or not n_aspects else n_aspects
    assert bool(found.flags) == (counted != said)


@pytest.mark.parametrize("predicted, gold, agree", [
    ("省林业厅党组", "省林业厅", 1.0),  # the unit with its party organ, as the paragraph names it
    ("滨江市委", "滨江市", 1.0),
    ("县第二中学党总支", "县第二中学党总支", 1.0),
    ("省粮食局党组", "省林业厅", 0.0),
    (None, "省林业厅", 0.0),
])
def test_issues_scoring_unit_named_with_or_without_its_party_organ(predicted, gold, agree):
    gold_notice = {"layout": "multi_unit", "problems": [{"start": 0, "end": 10, "unit": gold}]}
    score = score_notice("n", gold_notice, [{"level": 2, "start": 0, "end": 10, "unit": predicted}])
    assert score.unit_agreement == agree
