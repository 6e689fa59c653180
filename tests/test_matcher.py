"""IssueMatcher on every issue list with a gold alignment: two for the bundled report, three
held-out lists (other styles) for two other reports."""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone

from pipeline.matching.evaluate import evaluate_alignment, structure_from_gold
from pipeline.matching.issues import issues_from_feedback, issues_from_table
from pipeline.matching.matcher import DEFAULT_CALIBRATION, IssueMatcher, _TextRewriter, build_targets, \
    forward_extents, load_lexicon, propagate_decisions
from pipeline.normalize import normalize
from pipeline.outline import forward_looking_sections, parse_outline
from pipeline.records import Issue

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "corpus" / "progress_cq_tzb_2022.txt"
REPORT_GOLD = ROOT / "corpus" / "gold" / "progress_cq_tzb_2022.gold.json"
PAIRS = ROOT / "tests" / "fixtures" / "pairs"
# Every issue list with a gold alignment: the two written for the bundled report (seen while the
# lexicon and calibration were chosen) and the held-out pairs for two other reports, other styles.
GOLDS = {
    "example": ROOT / "corpus" / "gold" / "feedback_cq_tzb_2022_example.alignment.json",
    "central": ROOT / "tests" / "fixtures" / "feedback_cq_tzb_2022_central_style.alignment.json",
    "a_xuncha": PAIRS / "a_feedback_xuncha.alignment.json",
    "a_csv": PAIRS / "a_problem_list.alignment.json",
    "b_oneliner": PAIRS / "b_feedback_oneliner.alignment.json",
    # written later and scored blind first (all gap P=R=1, hit@1 1.0 before any change for them)
    "b_terse": PAIRS / "b_feedback_terse.alignment.json",  # 10 clauses of 9-12 characters
    "cq_terse": PAIRS / "cq_feedback_terse.alignment.json",  # bundled report, other wording
    "cq_long": PAIRS / "cq_feedback_long.alignment.json",  # 12 problems, 42 sub-items with gold
    "a_aspects": PAIRS / "a_feedback_aspects.alignment.json",  # 4 aspect statements, no problems
}
LISTS = {name: (ROOT / json.loads(g.read_text(encoding="utf-8"))["feedback"], g) for name, g in GOLDS.items()}
HELD_OUT = ("a_xuncha", "a_csv", "b_oneliner", "b_terse", "cq_terse", "cq_long")


@lru_cache(maxsize=4)
def _structure(report_rel: str):
    text = normalize((ROOT / report_rel).read_text(encoding="utf-8"))
    try:
        from pipeline.extract.measures import extract_measures
        from pipeline.outline import parse_outline
    except ImportError:  # the structure modules are not there yet: use the gold structure
        sections, measures = structure_from_gold(REPORT_GOLD)
    else:
        sections = parse_outline(text)
        measures = extract_measures(text, sections)
    return text, sections, measures


def _report():
    return _structure("corpus/progress_cq_tzb_2022.txt")


def _issues(path: Path, doc_id: str):
    if path.suffix == ".csv":
        return issues_from_table(path)
    return issues_from_feedback(path.read_text(encoding="utf-8"), doc_id=doc_id)


@lru_cache(maxsize=8)
def _scores(name: str) -> dict:
    fb, gold = LISTS[name]
    text, sections, measures = _structure(json.loads(gold.read_text(encoding="utf-8"))["report"])
    issues = _issues(fb, name)
    matches = IssueMatcher().fit(issues).match(text, sections, measures, doc_id="report")
    df = lambda rows: pd.DataFrame([asdict(r) for r in rows])  # noqa: E731
    return evaluate_alignment(df(issues), df(matches), df(sections), df(measures), gold)


@pytest.mark.parametrize("name", list(GOLDS))
def test_matcher_flags_exactly_the_unaddressed(name):
    res = _scores(name)
    assert res["gap_precision"] == 1.0 and res["gap_recall"] == 1.0, (res["gap_predicted"], res["gap_gold"])


@pytest.mark.parametrize("name", list(GOLDS))
def test_matcher_ranks_an_answer_in_top3_for_every_addressed_issue(name):
    res = _scores(name)
    assert res["hits_at_3"] == res["n_addressed"] and res["mrr"] >= 0.95, res["per_issue"]


def test_matcher_example_ranking_targets():
    res = _scores("example")
    assert res["hits_at_1"] >= 9 and res["hits_at_3"] == res["n_addressed"] == 10


@pytest.mark.parametrize("name", [n for n in GOLDS if n != "example"])
def test_matcher_other_lists_within_ten_points(name):
    a, b = _scores("example"), _scores(name)
    for key in ("gap_precision", "gap_recall", "hit_at_1", "recall_at_3", "mrr"):
        assert abs(a[key] - b[key]) <= 0.10, (key, a[key], b[key])


def test_matcher_long_list_subitems_measured_floor():
    """具体表现 gold of the long list: every answered sub-item is ranked in the top 3.  Floor as measured:
    one answered sub-item (11.1 整改责任分工不明确, answered by a paragraph without 一是 items under the
    other of its problem's two headings) stays below the threshold, so sub-item gap precision is 12/13."""
    sub = _scores("cq_long")["manifestations"]
    assert sub["n_issues"] == 42 and sub["n_addressed"] == 30
    assert sub["gap_recall"] == 1.0 and sub["gap_precision"] >= 12 / 13 - 1e-9, sub["gap_predicted"]
    assert sub["hits_at_3"] == 30 and sub["hits_at_1"] >= 29


def test_matcher_manifestation_inherits_its_problems_heading():
    """A sub-item answered under the heading its problem aligns to gets the in-order evidence."""
    text, sections, measures = _report()
    issues = _issues(LISTS["cq_long"][0], "long")
    est = IssueMatcher().fit(issues)
    res = est.decide(build_targets(text, sections, measures))
    one, sub = est.issue_ids_.index("1"), est.issue_ids_.index("1.1")
    assert res.in_order[one] == 1.0
    assert res.in_order[sub] == 1.0 and res.addressed[sub]


def test_matcher_aspect_only_list_gets_the_order_prior():
    """一、 lines that each state a shortcoming with its elaboration (no numbered problems under
    them) are the list's problems, numbered 一..四 as written."""
    fb, gold = LISTS["a_aspects"]
    text, sections, measures = _structure(json.loads(gold.read_text(encoding="utf-8"))["report"])
    issues = _issues(fb, "asp")
    assert {i.level for i in issues} == {2}
    est = IssueMatcher().fit(issues)
    res = est.decide(build_targets(text, sections, measures))
    assert est.issue_ids_ == ["一", "二", "三", "四"]
    assert np.all(res.in_order == 1.0) and np.all(res.addressed)


def test_matcher_held_out_lists_cover_three_styles():
    """The held-out lists are what the figures claim: numbered with sub-items, a table, one sentence."""
    a = _issues(LISTS["a_xuncha"][0], "a")
    assert {i.level for i in a} == {1, 2, 3}
    csv = _issues(LISTS["a_csv"][0], "t")
    assert all(i.start is None for i in csv) and {i.parent_id for i in csv if i.level == 2} == {"A1", "A2", "A3"}
    b = _issues(LISTS["b_oneliner"][0], "b")
    assert [i.issue_id for i in b if i.level == 1] == ["A1", "A2", "A3"]
    for name in HELD_OUT:
        assert 2 <= len(_scores(name)["gap_gold"]) <= 3
    assert _scores("a_aspects")["gap_gold"] == []


def test_matcher_plans_are_never_targets():
    text, sections, measures = _report()
    forward = forward_extents(text, sections)
    assert len(forward) == 1 and text[forward[0][0]:forward[0][0] + 2] == "三、"
    targets = build_targets(text, sections, measures)
    assert targets and all(not (forward[0][0] <= t.start < forward[0][1]) for t in targets)


def test_matcher_planned_measures_excluded():
    text, sections, measures = _report()
    m0 = measures[0]
    planned = [type(m0)(**{**asdict(m0), "status": "planned"})] + list(measures[1:])
    ids = {(t.kind, t.target_id) for t in build_targets(text, sections, planned)}
    assert ("measure", m0.measure_id) not in ids


def test_matcher_rewriter_bridges_problem_and_action_phrasing():
    rw = _TextRewriter(load_lexicon())
    problem = rw.clean("公务用车使用管理不够规范,廉政风险排查不及时")
    action = rw.clean("进一步加强公车使用管理,开展廉政风险排查")
    assert "不够" not in problem and "加强" not in action
    assert set(problem.split()) & set(action.split()) >= {"公务用车", "廉政风险"}


def test_matcher_estimator_contract_and_skops_roundtrip(tmp_path):
    text, sections, measures = _report()
    issues = issues_from_feedback(LISTS["example"][0].read_text(encoding="utf-8"))
    est = IssueMatcher(top_k=2)
    assert not hasattr(est, "calibration_")
    assert clone(est).get_params()["top_k"] == 2
    fitted = est.fit(issues)
    assert fitted is est and est.calibration_ == DEFAULT_CALIBRATION
    path = tmp_path / "matcher.skops"
    est.save(path)
    back = IssueMatcher.load(path)
    assert back.calibration_ == est.calibration_
    a = est.match(text, sections, measures, doc_id="r")
    b = back.match(text, sections, measures, doc_id="r")
    assert [(m.issue_id, m.target_id, m.rank, m.addressed) for m in a] == \
           [(m.issue_id, m.target_id, m.rank, m.addressed) for m in b]
    assert max(m.rank for m in a) == 2


def test_matcher_score_targets_shape_and_many_to_many():
    text, sections, measures = _report()
    issues = issues_from_feedback(LISTS["example"][0].read_text(encoding="utf-8"))
    est = IssueMatcher().fit(issues)
    targets = build_targets(text, sections, measures)
    s = est.score_targets(targets)
    assert s.shape == (len(est.issue_ids_), len(targets)) and np.all(s >= 0) and np.all(s <= 1 + 1e-9)
    matches = est.match(text, sections, measures, doc_id="r", targets=targets)
    by_target = {}
    for m in matches:
        if m.addressed:
            by_target.setdefault((m.target_kind, m.target_id), set()).add(m.issue_id)
    assert any(len(v) > 1 for v in by_target.values())  # one place answers several issues (aspect + problem)


def test_matcher_decide_returns_decisions_without_fitted_state():
    text, sections, measures = _report()
    issues = issues_from_feedback(LISTS["example"][0].read_text(encoding="utf-8"))
    est = IssueMatcher().fit(issues)
    before = set(vars(est))
    res = est.decide(build_targets(text, sections, measures))
    est.match(text, sections, measures, doc_id="r")
    assert set(vars(est)) == before  # match time writes nothing onto the estimator
    assert not res.addressed[est.issue_ids_.index("7")]


@pytest.mark.parametrize("own,subs,expected", [
    (True, (False, False), True),   # weak manifestations never veto the problem's own answer
    (False, (True, False), True),   # an answered manifestation answers the problem
    (False, (False, False), False),
])
def test_matcher_problem_decision_with_manifestations(own, subs, expected):
    issues = [Issue("一", None, 1, "落实主体责任有差距", "f", None, None), Issue("1", "一", 2, "学习不够深入", "f", None, None),
              Issue("1.1", "1", 3, "研讨不充分", "f", None, None), Issue("1.2", "1", 3, "调研少", "f", None, None)]
    est = IssueMatcher().fit(issues)
    addressed = propagate_decisions(np.array([True, own, *subs]), est.issue_parent_index_, est.issue_levels_)
    assert addressed[1] == expected and addressed[0] == expected  # an aspect follows its problems


@pytest.mark.parametrize("rel", ["corpus/progress_cq_tzb_2022.txt", "tests/fixtures/heldout/a_county_xuncha_progress.txt",
                                 "tests/fixtures/heldout/b_provincial_restated_progress.txt"])
def test_matcher_forward_section_is_the_closing_plans_part(rel):
    text, sections, measures = _structure(rel)
    ids = forward_looking_sections(text, sections)
    tops = [s for s in sections if s.section_id in ids and s.parent_id not in ids]
    assert [text[s.start:s.start + 2] for s in tops] == ["三、"]
    assert all(m.status == "planned" for m in measures if m.section_id in ids or m.start >= tops[0].start)
    assert all(t.start < tops[0].start for t in build_targets(text, sections, measures))


@pytest.mark.parametrize("body,expected", [
    ("一、整改情况\n已召开会议3次。\n二、其他事项\n下一步,我们将持续抓好整改。\n", {1}),   # lead cue, neutral title
    ("一、整改情况\n已召开会议3次。\n二、巩固整改成果\n已建立长效机制。\n", {1}),          # title cue
    ("一、整改情况\n已召开会议3次。已建立制度,今后每月报告。\n二、其他事项\n已完成。\n", set()),  # later 今后, not last
])
def test_matcher_forward_rules_title_lead_and_last_intro(body, expected):
    secs = parse_outline(body)
    assert forward_looking_sections(body, secs) == expected


def test_matcher_eval_refuses_another_lists_issues():
    """A gold is never scored against a different issue list that reuses its ids (1..n)."""
    text, sections, measures = _report()
    df = lambda rows: pd.DataFrame([asdict(r) for r in rows])  # noqa: E731
    central = issues_from_feedback(LISTS["central"][0].read_text(encoding="utf-8"), doc_id="c")
    matches = IssueMatcher().fit(central).match(text, sections, measures, doc_id="report")
    res = evaluate_alignment(df(central), df(matches), df(sections), df(measures), GOLDS["example"])
    assert "error" in res and "0 of 12" in res["error"]
    table = issues_from_table(LISTS["a_csv"][0])
    res = evaluate_alignment(df(table), df(matches[:0]), df(sections), df(measures), GOLDS["a_xuncha"])
    assert "error" in res and "a_problem_list.csv" in res["error"]


def test_matcher_evidence_is_the_strongest_ranked_place():
    """A problem answered by two items of one heading: the first-ranked item covers half of it, the heading's
    section (ranked below it: close to the heading's other problem too) covers it all; the evidence is the
    strongest ranked place's z * coverage, not the first one's."""
    from pipeline.document import analyze_text
    from pipeline.matching.matcher import _coverage_matrix, _robust_z_rows

    text = ("中共某局党组关于巡察整改进展情况的通报\n一、整改落实情况\n(一)规范采购和费用管理\n"
            "一是修订《政府采购管理办法》,将全部货物和服务纳入统一采购平台,今年已完成采购项目56个。\n"
            "二是对巡察指出的拆分发包项目逐一倒查,对3名责任人给予处分。\n"
            "三是开展公务接待费专项清查,清退违规费用2.1万元。\n"
            "(二)加强理论学习\n一是制定年度学习计划,开展集体学习12次。\n"
            "(三)加强基层党建\n一是开展支部标准化建设,15个支部全部达标。\n")
    report = analyze_text(text, path="r.txt")
    issues = [Issue(str(k), None, 2, t, None, None, None) for k, t in enumerate(
        ["政府采购平台管理不规范,部分工程项目拆分发包", "公务接待费列支不规范", "理论学习不深入", "基层支部建设薄弱"], 1)]
    est = IssueMatcher().fit(issues)
    targets = build_targets(report.text, report.sections, report.measures)
    decision = est.decide(targets)
    sw, sc, chars = est._similarities([t.text for t in targets])
    s = 0.5 * sw + 0.5 * sc
    strength = np.maximum(_robust_z_rows(s, DEFAULT_CALIBRATION["z_scale_floor"]), 0) * _coverage_matrix(chars, 4)
    ranked = np.take_along_axis(strength, decision.ranking, axis=1)
    assert np.allclose(decision.z * decision.coverage, ranked.max(axis=1))
    first, second = (targets[j] for j in decision.ranking[0][:2])
    assert (first.kind, second.kind) == ("measure", "section") and ranked[0, 1] > ranked[0, 0]
    priors = DEFAULT_CALIBRATION["order_weight"] * decision.in_order + DEFAULT_CALIBRATION["agreement_weight"] * decision.agreement
    assert np.allclose(decision.evidence, ranked.max(axis=1) + priors)


def test_matcher_field_synonyms_fold():
    """Common variant names of the field's objects meet in one form: 招采 and 招标采购, 拆分发包 and 化整为零,
    the parts of 分级诊疗 (双向转诊, 基层首诊) and the names of a medical alliance."""
    rw = _TextRewriter(load_lexicon())
    assert "招标采购" in rw.clean("全部纳入集团统一招采平台").split()
    assert set(rw.clean("部分项目化整为零规避招标").split()) & set(rw.clean("对拆分发包项目逐一倒查").split()) >= {"化整为零"}
    assert {"分级诊疗"} <= set(rw.clean("开通双向转诊绿色通道,基层首诊率提高").split())
    assert {"医联体"} <= set(rw.clean("牵头组建医共体").split())
    # pairs_blind54 s4 #7, s1 #7: the report's 出差报销 is the feedback's 差旅费, 执法执勤车辆 its 公务用车
    assert {"差旅费"} <= set(rw.clean("对出差报销单据逐笔复核").split()) & set(rw.clean("存在违规报销差旅费问题").split())
    assert {"公务用车"} <= set(rw.clean("9辆执法执勤车辆一律统一调度").split())


def test_matcher_conduct_names_fold():
    """The feedback's 公款吃喝 (大吃大喝) meets the report's 违规吃喝 in one form."""
    rw = _TextRewriter(load_lexicon())
    assert "违规吃喝" in rw.clean("违规公款吃喝、超标准接待等问题时有发生").split()
    assert "违规吃喝" in rw.clean("个别干部大吃大喝").split()
    assert "违规吃喝" in rw.clean("开展违规吃喝问题专项整治").split()


LEDGER_REPORT = (
    "一、整改工作总体情况\n镇党委召开专题会议3次。\n三、存在的不足和下一步打算\n一是计划于2024年上半年开展专项检查。\n"
    "附件：整改台账\n序号\t问题\t整改措施\t完成时限\t完成情况\n"
    "1\t村级财务管理不规范\t开展财务专项清理\t2023年12月31日\t已完成。清理白条入账凭证213张\n"
    "2\t耕地保护责任落实不到位\t开展专项整治\t2023年10月31日\t正在推进,剩余15宗尚未整改\n"
    "3\t长效机制建设不足\t健全长效机制\t长期坚持\t已完成\n"
)


def test_matcher_ledger_rows_of_a_report_are_targets():
    """A 整改台账 appended to a report (after its 下一步 part): each row, from its problem's cell, is a place that
    answers that problem, its status read from the cells after it; the plans part ends at the appendix line."""
    from pipeline.document import process_path  # noqa: F401  (the extractors, as the review has them)
    from pipeline.extract.measures import ledger_rows
    from pipeline.matching.matcher import build_targets
    from pipeline.normalize import normalize
    from pipeline.outline import parse_outline

    text = normalize(LEDGER_REPORT)
    rows = ledger_rows(text)
    assert [(r[2], r[3], r[4]) for r in rows] == [("1", "村级财务管理不规范", "done"), ("2", "耕地保护责任落实不到位", "ongoing"),
                                                  ("3", "长效机制建设不足", "done")]
    assert text[rows[0][0]:rows[0][1]].startswith("村级财务管理不规范\t")  # the row's id is no figure of it
    targets = build_targets(text, parse_outline(text), [])
    assert [(t.kind, t.target_id, t.status) for t in targets if t.kind == "row"] == [
        ("row", 0, "done"), ("row", 1, "ongoing"), ("row", 2, "done")]


@pytest.mark.parametrize("cell, concrete", [("已完成", False), ("已完成。清理白条入账凭证213张", False), ("已完成验收5个", True)])
def test_matcher_bare_completion_cell_is_a_claim(cell, concrete):
    """A ledger's bare 已完成 is a completion claim, no concrete act (what follows it may be one)."""
    from pipeline.lang.cues import concrete_act

    assert concrete_act(cell) is concrete


@pytest.mark.parametrize("term", ["未批先建", "未批先占", "先建后批", "少批多占"])
def test_matcher_a_named_irregularity_is_a_key_term(term):
    """pairs_blind47 s5: 存在未批先建、设计变更程序不规范等问题 — the violation's name opens with 未 or 先 and the
    segmenter cut it into single characters: it was no key term, and the report's 3个未批先建项目 shared none."""
    from pipeline.records import Issue

    text = f"水利工程建设管理不规范,存在{term}、设计变更程序不规范等问题"
    matcher = IssueMatcher().fit([Issue("1", None, 2, text, "d", 0, len(text))])
    assert term in matcher.key_terms([text])[0]
    assert term in matcher.key_terms([f"对3个{term}项目逐一补办审批手续"])[0]


def test_matcher_a_top_heading_answered_in_its_own_paragraph_is_a_target():
    """pairs_blind52 s2: 二、… over (一)(二) measures, then 三、强化监督执纪 answered in an unnumbered paragraph — that
    heading is an answer place (it was none: the problems it answers were read as unaddressed)."""
    from pipeline.extract.measures import extract_measures

    text = normalize("关于巡察整改进展情况的通报\n一、压紧压实整改责任\n（一）在思想认识上深化。开展专题学习12次，讲专题党课9场次。\n"
                     "（二）在责任担当上强化。局党组召开专题民主生活会1次，逐项建立整改台账。\n"
                     "二、强化监督执纪，从严追责问责\n对县人民医院违规采购医用耗材问题立案调查，给予党纪政务处分3人，追回违规资金42.6万元。\n"
                     "三、下一步工作打算\n一是持续跟踪督办。二是巩固整改成果。\n")
    sections = parse_outline(text)
    targets = build_targets(text, sections, extract_measures(text, sections))
    places = [text[t.start:t.end] for t in targets]
    assert any("违规采购医用耗材" in p for p in places)
    assert not any("持续跟踪督办" in p for p in places)
