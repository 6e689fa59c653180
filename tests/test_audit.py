"""Gap audit flags on the real report and on small hand-made records."""

from __future__ import annotations

from functools import lru_cache

import pytest

from conftest import FEEDBACK, REPORT

from pipeline.document import DocumentResult, process_path
from pipeline.matching.audit import AuditCase, audit, flag_claim_arithmetic, flag_count_mismatch, flag_orphan_measures, \
    flag_overdue_deadlines, flag_overdue_issues, flag_weak_and_planned, speaks_of_another
from pipeline.extract.quantities import extract_quantities
from pipeline.lang.text import sentence_spans
from pipeline.issuelist.fields import issue_extra
from pipeline.matching.evidence import AnswerTerms
from pipeline.matching.issues import issues_from_feedback
from pipeline.matching.matcher import IssueMatcher
from pipeline.records import Citation, Claim, DocumentMeta, Issue, Match, Measure, Quantity, Section, TimeExpr


@lru_cache(maxsize=1)
def _real():
    report = process_path(REPORT)
    issues = issues_from_feedback(FEEDBACK.read_text(encoding="utf-8"), doc_id="feedback")
    matches = IssueMatcher().fit(issues).match(report.text, report.sections, report.measures, doc_id=report.doc_id)
    return report, issues, matches


def _case(report: DocumentResult, matches=(), issues=()) -> AuditCase:
    return AuditCase(report, list(issues), list(matches), frozenset())


def test_audit_real_report_flags_where_text_supports():
    report, issues, matches = _real()
    kinds = {}
    for f in audit(report, issues, matches):
        kinds.setdefault(f.kind, []).append(f)
    assert sorted(f.issue_id for f in kinds["unaddressed"]) == ["12", "7"]
    assert all(f.severity == "high" and f.doc_id == "feedback" for f in kinds["unaddressed"])
    # 12项突出问题 claimed, 10 numbered problem headings enumerated; 4个方面 = 4 aspect headings;
    # 57条措施 vs 23 enumerated items is a granularity difference, not a mismatch.
    counts = kinds["count_mismatch"]
    assert [(report.text[f.start:f.end], "10" in f.message) for f in counts] == [("12项突出问题", True)]
    # 57 = 52 + 5: the only checkable claim adds up.
    assert "claim_arithmetic" not in kinds


def test_audit_claim_arithmetic_fires_on_inconsistent_claim():
    claims = [Claim(5, 40, "x", "整改任务", consistent=False, note="完成50+基本完成5=55, 与总数57不一致"),
              Claim(50, 80, "y", "整改任务", consistent=True, note="ok")]
    flags = flag_claim_arithmetic(_case(DocumentResult("d", "d.txt", claims=claims)))
    assert [(f.kind, f.start, f.end) for f in flags] == [("claim_arithmetic", 5, 40)]
    assert "57" in flags[0].message


def _statuses(tmp_path, feedback: str, report: str) -> dict[str, str]:
    """The review's verdict on each problem of a feedback and the report answering it, both written as files."""
    from pipeline.api import match

    (tmp_path / "feedback.txt").write_text(feedback, encoding="utf-8")
    (tmp_path / "report.txt").write_text(report, encoding="utf-8")
    issues = match(tmp_path / "feedback.txt", tmp_path / "report.txt")["issues"]
    problems = issues[issues["level"] == 2]
    return dict(zip(problems["issue_id"], problems["status"]))


def _mini(status: str, with_quantity: bool) -> AuditCase:
    text = "1.加强理论学习。一是进一步加强学习,不断提高学习质量。二是召开会议3次。"  # 提高认识 would be an attitude: weak
    report = DocumentResult(
        "d", "d.txt", text=text,
        sections=[Section(0, None, 3, "1.", "加强理论学习", 0, 8, 0, 2, 2, 8, len(text), "arabic")],
        measures=[Measure(0, 0, 9, 25, "一是", "进一步加强学习", status)],
        quantities=[Quantity(12, 14, "xx", 1, "次", None, "times")] if with_quantity else [],
    )
    return _case(report, [Match("1", "d", "measure", 0, 0.3, 1, True)])


def test_audit_weak_and_planned():
    for status, with_quantity, expected in (("done", False, ["weak"]), ("done", True, []),
                                            ("planned", False, ["planned_only"])):
        assert [f.kind for f in flag_weak_and_planned(_mini(status, with_quantity))] == expected


@pytest.mark.parametrize("words,expected", [
    # pairs_blind56 s4 #6: attitude and intent only, in the place the matcher took for the answer
    ("一是医院党委高度重视,深刻认识医德医风建设的重要性,将进一步加强教育引导。", ["weak"]),
    ("一是将于2025年底前修订《医德医风考评办法》。", ["planned_only"]),
])
def test_audit_attitude_and_intent_only_is_weak_not_planned(words, expected):
    text = "1.医德医风建设。" + words
    report = DocumentResult(
        "d", "d.txt", text=text,
        sections=[Section(0, None, 3, "1.", "医德医风建设", 0, 8, 0, 2, 2, 8, len(text), "arabic")],
        measures=[Measure(0, 0, 9, len(text), "一是", words[2:12], "planned")],
    )
    case = _case(report, [Match("1", "d", "measure", 0, 0.3, 1, True)])
    assert [f.kind for f in flag_weak_and_planned(case)] == expected


def test_audit_overdue_deadline_needs_no_completion():
    text = "整改任务已于2022年3月底前完成报送。清理工作于2022年5月底前完成。"
    a, b = text.index("2022年3月底前"), text.index("2022年5月底前")
    times = [TimeExpr(a, a + 10, "2022年3月底前", "deadline", date="2022-03-31"),
             TimeExpr(b, b + 10, "2022年5月底前", "deadline", date="2022-05-31"),
             TimeExpr(b, b + 10, "x", "deadline", date="2022-09-30")]
    report = DocumentResult("d", "d.txt", text=text, times=times, meta=DocumentMeta(report_date="2022-07-19"))
    flags = flag_overdue_deadlines(_case(report))
    assert [(f.kind, f.start) for f in flags] == [("overdue_deadline", b)]


def test_audit_orphan_measures_are_info():
    case = _mini("done", True)
    case.report.measures.append(Measure(1, None, 25, 36, "二是", "召开会议3次", "done"))
    flags = flag_orphan_measures(case)
    assert [(f.kind, f.severity, f.start) for f in flags] == [("orphan_measure", "info", 25)]


def test_audit_planned_only_when_every_answering_sentence_is_a_plan():
    case = _mini("done", True)
    case.matches[0].evidence = [(9, 25)]
    text = "1.加强理论学习。一是下一步将加强学习,计划于年底前完成。二是召开会议3次。"
    case.report.text = text
    assert [f.kind for f in flag_weak_and_planned(case)] == ["planned_only"]


def test_audit_overdue_when_a_ledger_deadline_passed_without_a_done_measure():
    case = _mini("ongoing", True)
    case.report.meta.report_date = "2022-07-19"
    issues = [Issue("1", None, 2, "理论学习不深入", None, None, None, extra={"deadline": "2022年3月底前"}),
              Issue("2", None, 2, "x", None, None, None, extra={"deadline": "长期坚持"})]
    flags = flag_overdue_issues(AuditCase(case.report, issues, case.matches, frozenset()))
    assert [(f.kind, f.issue_id) for f in flags] == [("overdue", "1")]
    case.report.measures[0].status = "done"
    assert flag_overdue_issues(AuditCase(case.report, issues, case.matches, frozenset())) == []


def test_audit_count_mismatch_only_for_a_stated_count_outside_the_plans():
    text = "x" * 200
    sections = [Section(0, None, 1, "二、", "整改落实", 0, 5, 0, 2, 2, 5, 150, "cn_dun")]
    sections += [Section(k, 0, 2, f"({k})", "p", 10 * k, 10 * k + 5, 0, 0, 0, 0, 10 * k + 9, "cn_paren") for k in (1, 2)]
    sections += [Section(3, None, 1, "三、", "下一步工作打算", 150, 160, 0, 0, 0, 0, 200, "cn_dun")]
    measures = [Measure(0, 1, 12, 19, "一是", "a", "done"), Measure(1, 2, 22, 29, "一是", "b", "done")]
    claims = [Claim(100, 110, "4个方面3个问题", "问题", figures={"aspects": 4, "prominent_problems": 3}),
              Claim(120, 130, "反馈的3个问题中", "问题", figures={"prominent_problems": 3}),
              Claim(160, 170, "将尚未完成的1个问题", "问题", figures={"prominent_problems": 1}, section_id=3)]
    report = DocumentResult("d", "d.txt", text=text, sections=sections, measures=measures, claims=claims)
    flags = flag_count_mismatch(AuditCase(report, [], [], frozenset({3})))
    # one flag for 3 problems vs 2 headings; no aspect flag (one part heading), none for the plan's 1
    assert [(f.kind, f.start) for f in flags] == [("count_mismatch", 100)]


def _own_deadline(tail: str, *, as_of: str = "2023-09-30",
                  head: str = "一是明确于2023年7月底前完成设备更新。截至9月底,") -> tuple[AuditCase, str]:
    text = "1.加强冷链管理。" + head + tail
    a = text.index("2023年7月底前")
    report = DocumentResult(
        "d", "d.txt", text=text,
        sections=[Section(0, None, 3, "1.", "加强冷链管理", 0, 8, 0, 2, 2, 8, len(text), "arabic")],
        measures=[Measure(0, 0, 9, len(text), "一是", "明确于2023年7月底前完成设备更新", "done")],
        times=[TimeExpr(a, a + 10, "2023年7月底前", "deadline", date="2023-07-31")],
        meta=DocumentMeta(as_of_date=as_of, report_date="2023-10-12"),
    )
    match = Match("1", "d", "measure", 0, 0.3, 1, True, evidence=[(9, text.index("。", 9) + 1)])
    return AuditCase(report, [Issue("1", None, 2, "冷链管理不规范", None, None, None)], [match], frozenset()), text


def test_audit_overdue_when_the_reports_own_deadline_passed_unfinished():
    """A deadline the report set where it answers the problem, passed at its as-of date and said to be unfinished
    there: overdue, the flag on the report from the deadline's sentence to the unfinished one."""
    case, text = _own_deadline("已更新21台,其余设备仍在采购中。")
    flags = flag_overdue_issues(case)
    assert [(f.kind, f.issue_id, f.severity) for f in flags] == [("overdue", "1", "high")]
    assert text[flags[0].start:flags[0].end] == "一是明确于2023年7月底前完成设备更新。截至9月底,已更新21台,其余设备仍在采购中。"
    assert flag_overdue_issues(_own_deadline("设备更新已全部完成。")[0]) == []  # completed
    assert flag_overdue_issues(_own_deadline("已更新21台。")[0]) == []  # nothing said unfinished
    assert flag_overdue_issues(_own_deadline("其余设备仍在采购中。", as_of="2023-07-15")[0]) == []  # not yet passed


def test_audit_overdue_when_unfinished_on_the_deadlines_last_day():
    """Regression (pairs_blind19 h2): 于2023年7月底前完成…, 截至7月底…仍在采购中: the whole period of the deadline is
    over at the as-of date and the work was still unfinished then: it missed its deadline."""
    case, _ = _own_deadline("其余设备仍在采购中。", as_of="2023-07-31")
    assert [(f.kind, f.issue_id) for f in flag_overdue_issues(case)] == [("overdue", "1")]


def test_audit_overdue_when_only_a_part_is_completed_before_the_unfinished_rest():
    """A completion followed by what is still unfinished is of a part (已完成采购,安装正在进行): overdue;
    a completion after the unfinished words is the last word: not overdue."""
    case, _ = _own_deadline("已完成设备采购,安装调试正在组织中。")
    assert [(f.kind, f.issue_id) for f in flag_overdue_issues(case)] == [("overdue", "1")]
    assert flag_overdue_issues(_own_deadline("安装调试一度正在组织中,目前已全部完成。")[0]) == []


def _restated(body: str) -> AuditCase:
    """A problem heading restated with its number, a status line, then the body: one measure."""
    text = "4.关于理论学习流于形式的问题。\n整改情况:已完成整改。" + body
    report = DocumentResult(
        "d", "d.txt", text=text,
        sections=[Section(0, None, 3, "4.", "关于理论学习流于形式的问题。", 0, 16, 0, 2, 2, 16, len(text), "arabic")],
        measures=[Measure(0, 0, 0, len(text), "4.", "关于理论学习流于形式的问题", "done")],
    )
    spans = list(sentence_spans(text))
    evidence = [spans[0], spans[-1]]  # the heading and the body's sentence, as the evidence picks them
    return _case(report, [Match("1", "d", "measure", 0, 0.3, 1, True, evidence=evidence)],
                 [Issue("1", None, 2, "理论学习流于形式", None, None, None)])


def test_audit_weak_when_the_only_act_is_a_completion_claim():
    """已完成整改 beside generic words is a claim, no concrete act: weak; an act beside it is evidence."""
    assert [f.kind for f in flag_weak_and_planned(_restated("高度重视,进一步加强理论学习,切实提高学习成效。"))] == ["weak"]
    assert flag_weak_and_planned(_restated("修订理论学习制度,明确研讨主题。")) == []


def test_audit_planned_only_beside_a_restated_heading():
    """The restated problem (4.关于…的问题。) is neither a plan nor an answer: plans alone after it are planned_only."""
    case = _restated("将组织开展理论学习“回头看”,计划于2024年6月底前完成检查。")
    assert [f.kind for f in flag_weak_and_planned(case)] == ["planned_only"]


def test_audit_weak_counts_only_the_sentences_of_this_problem():
    """A paragraph that answers two problems: the figures of the sentence about one lend the other nothing;
    without the sentences' key terms (bare records) the whole place counts, as before."""
    text = "1.整改情况。在财务管理方面,修订《财务报销办法》,清退费用3万元。对于议事决策,高度重视,确保决策规范。"
    _, s1, s2 = sentence_spans(text)
    report = DocumentResult(
        "d", "d.txt", text=text,
        sections=[Section(0, None, 3, "1.", "整改情况", 0, 7, 0, 2, 2, 7, len(text), "arabic")],
        measures=[Measure(0, 0, 0, len(text), "1.", "整改情况", "done")],
        citations=[Citation(text.index("《"), text.index("》") + 1, "《财务报销办法》", title="财务报销办法")],
    )
    matches = [Match("1", "d", "measure", 0, 0.3, 1, True, evidence=[s1]), Match("2", "d", "measure", 0, 0.3, 1, True,
                                                                                  evidence=[s2])]
    issues = [Issue("1", None, 2, "财务报销不规范", None, None, None), Issue("2", None, 2, "议事决策不规范", None, None, None)]
    terms = AnswerTerms({"1": frozenset({"财务", "报销"}), "2": frozenset({"议事", "决策"})},
                        {s1: frozenset({"财务", "报销", "清退"}), s2: frozenset({"议事", "决策"})})
    weak = AuditCase(report, issues, matches, frozenset(), terms=terms)
    assert [(f.kind, f.issue_id) for f in flag_weak_and_planned(weak)] == [("weak", "2")]
    assert flag_weak_and_planned(AuditCase(report, issues, matches, frozenset())) == []


@pytest.mark.parametrize("mine,rivals,expected", [
    ({"决策", "制度"}, [{"党委", "院长", "负责制"}], True),  # another subject shares more: that problem's sentence
    (set(), [{"财务"}], True),  # shares nothing with this problem
    ({"学习"}, [{"学习", "计划"}], False),  # the same subject, one problem more detailed: both own it
    ({"学习", "台账"}, [{"学习", "计划"}], False),  # as many terms: not more
])
def test_audit_speaks_of_another(mine, rivals, expected):
    assert speaks_of_another(frozenset(mine), [frozenset(r) for r in rivals]) is expected


@pytest.mark.parametrize("second, terms, weak", [
    # figures of other work after the answering sentence (为群众办实事32件): they answer nothing here
    ("深入开展办实事活动,为农民办理实事32件。", {"办实事", "农民", "实事"}, True),
    # the same subject in other words (专题学习 beside 学习贯彻): its figures count
    ("党组理论学习中心组开展专题学习15次。", {"理论学习", "中心组", "专题学习"}, False),
])
def test_audit_weak_not_lent_figures_of_another_subject(second, terms, weak):
    """One problem's place: a generic sentence on the problem, then a sentence with figures. The figures count
    when the sentence speaks of the problem's subject (a key term, or a piece of one: 学习); a sentence on
    other work lends nothing, and the problem is weak."""
    text = "1.整改情况。严格落实学习贯彻制度,推动作风建设常态化。" + second
    _, s1, s2 = sentence_spans(text)
    report = DocumentResult(
        "d", "d.txt", text=text,
        sections=[Section(0, None, 3, "1.", "整改情况", 0, 7, 0, 2, 2, 7, len(text), "arabic")],
        measures=[Measure(0, 0, 0, len(text), "1.", "整改情况", "done")],
        quantities=[q for q in extract_quantities(text)],
    )
    issues = [Issue("1", None, 2, "学习贯彻不够深入", None, None, None)]
    matches = [Match("1", "d", "measure", 0, 0.3, 1, True, evidence=[s1])]
    answer = AnswerTerms({"1": frozenset({"学习贯彻"})}, {s1: frozenset({"学习贯彻", "作风建设"}), s2: frozenset(terms)})
    flags = flag_weak_and_planned(AuditCase(report, issues, matches, frozenset(), terms=answer))
    assert [f.kind for f in flags] == (["weak"] if weak else [])


@pytest.mark.parametrize("tail, overdue", [
    ("已完成验收5个,剩余2个项目正在推进中,尚未完成。", True),  # some done, the rest said unfinished: overdue
    ("剩余2个项目已于10月全部完成验收。", False),  # completed after all
])
def test_audit_overdue_by_the_problems_own_deadline_said_unfinished(tail, overdue):
    """A deadline of the problem (a ledger's, or one the feedback's demands set) passed at the report's date:
    overdue when no done measure answers it, and also when the place answering it says last that the work is
    unfinished, though a measure of it is done."""
    text = "2.关于项目未按期验收的问题\n一是建立项目台账,实行周调度。二是加快推进竣工验收。截至目前," + tail
    report = DocumentResult(
        "d", "d.txt", text=text,
        sections=[Section(0, None, 3, "2.", "关于项目未按期验收的问题", 0, 14, 0, 2, 2, 14, len(text), "arabic")],
        measures=[Measure(0, 0, 15, len(text), "一是", "建立项目台账", "done")],
        meta=DocumentMeta(as_of_date="2024-11-20", report_date="2024-11-25"),
    )
    issue = Issue("2", None, 2, "部分项目未按期竣工验收", None, None, None,
                  extra=issue_extra(deadline="2024年10月31日前"))
    match = Match("2", "d", "measure", 0, 0.3, 1, True, evidence=[(15, len(text))])
    flags = flag_overdue_issues(AuditCase(report, [issue], [match], frozenset()))
    assert [(f.kind, f.issue_id) for f in flags] == ([("overdue", "2")] if overdue else [])


def test_audit_ledger_rows_of_a_report_weak_planned_and_addressed(tmp_path):
    """A report whose 整改台账 answers the problems: a row with generic words, its 完成时限 and a bare 已完成整改 is
    weak (the deadline it was set is no evidence); a row of plans only (计划…) is planned_only; a row with what was
    done, counted, is addressed."""
    from pipeline.api import match

    feedback = tmp_path / "feedback.txt"
    feedback.write_text(
        "县委第三巡察组向桃源村党总支反馈巡察情况\n近日，县委第三巡察组向桃源村党总支反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.发展党员工作不规范，培养考察材料缺失。\n2.村集体经济发展思路不清，增收渠道单一。\n3.财务报销手续不全，存在白条入账。\n"
        "4.党组织生活不规范，“三会一课”记录不全。\n5.人居环境整治成效不明显，杂物乱堆乱放。\n"
        "巡察组要求，村党总支要切实抓好整改。\n", encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(
        "桃源村党总支关于县委巡察反馈问题整改进展情况的公示\n2024年8月28日，现将整改进展情况公示如下。\n"
        "序号\t问题\t整改措施\t整改时限\t完成情况\n"
        "1\t发展党员工作不规范\t进一步提高思想认识，严格按照程序规范开展工作\t2024年5月31日前\t已完成整改\n"
        "2\t村集体经济发展思路不清\t计划引入农业企业合作发展茶叶种植\t2024年12月31日前\t计划年底前完成\n"
        "3\t财务报销手续不全\t对2023年以来的报销凭证逐笔核查，补齐审批手续\t2024年6月30日前\t已完成，核查凭证312张\n"
        "4\t党组织生活不规范\t建立“三会一课”记录月检查制度\t长期坚持\t2024年5月以来召开支部党员大会3次\n"
        "5\t人居环境整治成效不明显\t组织清理房前屋后杂物\t2024年6月30日前\t清理杂物堆放点46处\n"
        "桃源村党总支\n2024年8月28日\n", encoding="utf-8")
    issues = match(feedback, report)["issues"]
    status = dict(zip(issues.loc[issues["level"] == 2, "issue_id"], issues.loc[issues["level"] == 2, "status"]))
    assert [status[k] for k in ("1", "2", "3")] == ["weak", "planned_only", "addressed"]


PROSE_FEEDBACK = (
    "县委第一巡察组向县文化和旅游局党组反馈巡察情况\n"
    "2024年3月12日，县委第一巡察组向县文化和旅游局党组反馈巡察情况。巡察组指出，存在以下问题：\n"
    "1.理论学习不够深入，党组理论学习中心组研讨交流不充分。\n2.文物安全监管存在漏洞，不可移动文物巡查不到位。\n"
    "3.落实全面从严治党主体责任不到位，党组专题研究党风廉政建设次数偏少。\n4.公共文化服务资金使用不规范，部分项目资金拨付审核不严。\n"
    "5.文旅人才队伍建设统筹不够，专业人才断档。\n6.景区门票收入管理不严，部分收入未及时入账。\n"
    "7.基层文化阵地作用发挥不充分，乡镇综合文化站活动开展少。\n"
    "巡察组要求，局党组要切实抓好整改。对未及时入账的门票收入，要于2024年6月30日前全部清缴入账。\n")
PROSE_REPORT = (
    "中共云溪县文化和旅游局党组关于县委巡察反馈意见整改进展情况的通报\n"
    "根据县委巡察工作统一部署，县委第一巡察组于2024年1月至2月对局党组开展了常规巡察，3月12日反馈了巡察意见。现将整改进展情况通报如下。\n"
    "局党组召开专题会议研究部署巡察整改工作，制定整改方案，将7个问题细化为21项整改措施。截至2024年8月31日，21项整改措施已完成17项，其余4项正在推进。\n"
    "强化理论武装。修订《党组理论学习中心组学习规则》，今年以来开展集中学习9次、专题研讨3次。\n"
    "守牢文物安全底线。组织对全县86处不可移动文物开展拉网式巡查，整改安全隐患14处，为32处文物点安装视频监控。\n"
    "扛牢管党治党责任。局党组始终把全面从严治党摆在突出位置，认真履行主体责任，推动管党治党向纵深发展。"
    "对2023年以来公共文化服务项目资金拨付情况开展专项检查，检查项目27个，追回违规拨付资金8.6万元。\n"
    "建强文旅人才队伍。局党组坚持把人才队伍建设摆在重要位置，着力打造一支高素质专业化文旅人才队伍。\n"
    "规范门票收入管理。对2023年以来景区门票收入开展全面清查，已清缴入账31.2万元，其余款项的清缴工作正在推进中。\n"
    "下一步，局党组将持续巩固整改成果。拟出台《乡镇综合文化站免费开放服务规范》，计划年底前对全县12个乡镇综合文化站活动开展情况进行一次督导检查。\n"
    "欢迎社会各界对巡察整改落实情况进行监督，联系电话：0000-1234567。\n"
    "中共云溪县文化和旅游局党组\n2024年9月10日\n附件：整改台账\n"
    "序号\t问题\t整改措施\t完成时限\t完成情况\n"
    "1\t公共文化服务资金使用不规范，部分项目资金拨付审核不严\t开展资金拨付专项检查，修订资金管理办法\t2024年7月31日\t"
    "正在推进，已追回违规资金8.6万元，管理办法修订尚未完成\n")


def test_audit_report_in_themed_prose_is_reviewed_by_its_paragraphs(tmp_path):
    """A report with no heading and no enumerated measure (聚焦…。 lead sentences, then what was done), beside a
    ledger of one row: its paragraphs are the answer places (pairs_blind8 w2).  The preamble and the account of
    the rectification itself (every sentence names 巡察/整改) and the closing appeal answer nothing; the 下一步
    paragraph is the plans (7 planned_only).  In a paragraph shared by two problems, the sentence of the problem
    a ledger row answers lends nothing to the other (3 weak); 打造一支…队伍 is no figure (5 weak); a 完成时限 cell
    passed and said unfinished (4) and a deadline the demands set for one object (对…,要于…前, 6) make overdue."""
    from pipeline.api import match

    feedback, report = tmp_path / "feedback.txt", tmp_path / "report.txt"
    feedback.write_text(PROSE_FEEDBACK, encoding="utf-8")
    report.write_text(PROSE_REPORT, encoding="utf-8")
    tables = match(feedback, report)
    issues = tables["issues"][tables["issues"]["level"] == 2]
    assert dict(zip(issues["issue_id"], issues["status"])) == {
        "1": "addressed", "2": "addressed", "3": "weak", "4": "overdue", "5": "weak", "6": "overdue",
        "7": "planned_only"}
    kinds = set(tables["matches"]["target_kind"])
    assert kinds == {"paragraph", "row"}


def test_audit_prose_places_leave_out_the_preamble_the_account_and_the_appeal():
    from pipeline.matching.matcher import prose_places
    from pipeline.normalize import normalize

    text = normalize(PROSE_REPORT)
    answers, plans = prose_places(text, [])
    assert [text[a:b][:6] for a, b in answers] == ["强化理论武装", "守牢文物安全", "扛牢管党治党", "建强文旅人才", "规范门票收入"]
    assert [text[a:b][:4] for a, b in plans] == ["下一步,"]


def test_audit_weak_when_the_heading_place_lends_a_measure_of_another_subject(tmp_path):
    """A problem answered by a measure of generic words and, through its heading, by the heading's other measure
    (健全市场化用人机制: 出台…办法, 招录31名), which shares none of its terms: that measure speaks of another
    subject and lends it nothing, nor the 年轻干部 figures another problem answered there (weak; pairs_blind5 t3)."""
    from pipeline.api import match

    feedback, report = tmp_path / "feedback.txt", tmp_path / "report.txt"
    feedback.write_text(
        "市委第二巡察组向市水务集团党委反馈巡察情况\n近日，市委第二巡察组向市水务集团党委反馈巡察情况。巡察组指出，存在以下问题：\n"
        "1.基层党组织建设存在薄弱环节，党建与生产经营融合不够紧密。\n2.年轻干部选拔培养力度不够，干部队伍年龄结构老化。\n"
        "3.供水管网漏损率偏高，老旧管网改造进度滞后。\n巡察组要求，集团党委要切实抓好整改。\n", encoding="utf-8")
    report.write_text(
        "中共市水务集团党委关于市委巡察反馈意见整改进展情况的通报\n现将整改进展情况通报如下。\n一、关于落实新时代党的组织路线方面\n"
        "一是加强基层党组织和干部队伍建设。坚持把党的领导融入公司治理各环节，推动党建工作与生产经营深度融合，基层党组织的政治功能和"
        "组织功能不断增强。大力选拔使用优秀年轻干部，2024年新提拔35岁以下年轻干部12名。\n"
        "二是健全市场化用人机制。出台《集团公司经理层成员任期制和契约化管理办法》，对所属8家子企业经理层成员全面实行任期制和契约化管理。"
        "2024年通过市场化方式招录专业技术人员31名。\n二、关于主责主业方面\n"
        "一是加快老旧管网改造。完成老旧供水管网改造46公里，管网漏损率由14.2%下降至11.5%。\n中共市水务集团党委\n2024年9月10日\n",
        encoding="utf-8")
    issues = match(feedback, report)["issues"]
    issues = issues[issues["level"] == 2]
    assert dict(zip(issues["issue_id"], issues["status"])) == {"1": "weak", "2": "addressed", "3": "addressed"}



LEDGER_FEEDBACK = (
    '市委第一巡察组向市中医院党委反馈巡察情况\n'
    '近日，市委第一巡察组向市中医院党委反馈巡察情况。巡察组指出，存在以下问题：\n'
    '1.医药领域腐败问题集中整治自查自纠不深不实。\n'
    '2.院纪委监督聚焦不够，对耗材采购等关键环节日常监督缺位。\n'
    '3.中层干部交流轮岗不够，部分中层干部同一岗位任职超过10年。\n'
    '4.分级诊疗推进缓慢，医联体建设滞后。\n'
    '巡察组要求，医院党委要切实抓好整改。\n'
)
LEDGER_REPORT = (
    '中共市中医院委员会关于巡察整改进展情况的通报\n'
    '现将整改进展情况通报如下。\n'
    '序号\t问题\t整改措施\t责任科室\t完成时限\t整改进展\n'
    '1\t医药领域腐败问题集中整治自查自纠不深不实；院纪委日常监督聚焦不够\t重新组织自查自纠，强化日常监督\t党委办公室、院纪委\t长期坚持\t重新组织全院36个科室开展自查自纠，查摆问题58个，已整改52个。院纪委进一步聚焦主责主业，持续加强日常监督。\n'
    '2\t中层干部交流轮岗不够\t推进中层干部交流轮岗\t党委组织部\t2024年12月底前\t已完成整改。\n'
    '3\t分级诊疗推进缓慢\t制定医联体建设实施方案\t医务部\t2025年6月底前\t正在研究制定医联体建设实施方案，拟与3家乡镇卫生院签订合作协议，计划2025年上半年启动双向转诊。\n'
    '中共市中医院委员会\n'
    '2025年1月20日\n'
)


def test_audit_ledger_cells_each_say_one_thing(tmp_path):
    """A 整改台账 whose rows are numbered (each also a measure of the outline): the row is the answer place, its
    cells statements of their own (pairs_blind9 x3).  A row answering two problems lends its figures to the one
    they count (自查自纠: addressed) and not to the other (日常监督: weak); the problem's cell restated, the
    measure's words, a 完成时限 and 已完成整改 are weak; a 整改进展 of only plans (正在研究制定…,拟…,计划…)
    makes the row a plan (planned_only).  Three answer places are enough to tell an answer (robust z over the
    places and places of no similarity)."""
    from pipeline.api import match

    feedback, report = tmp_path / "feedback.txt", tmp_path / "report.txt"
    feedback.write_text(LEDGER_FEEDBACK, encoding="utf-8")
    report.write_text(LEDGER_REPORT, encoding="utf-8")
    issues = match(feedback, report)["issues"]
    issues = issues[issues["level"] == 2]
    assert dict(zip(issues["issue_id"], issues["status"])) == {
        "1": "addressed", "2": "weak", "3": "weak", "4": "planned_only"}


HEADING_FEEDBACK = (
    '省委第二巡视组向江岭学院党委反馈巡视情况\n'
    '近日，省委第二巡视组向江岭学院党委反馈巡视情况。巡视组指出，存在以下问题：\n'
    '1.意识形态工作责任制落实不够有力，对课堂、讲座论坛等阵地管理存在薄弱环节。\n'
    '2.立德树人根本任务落实有差距，思政课专职教师配备不足，师生比未达到要求。\n'
    '3.科研经费管理不规范，个别课题组虚列劳务费。\n'
    '4.发展党员工作不规范，档案材料不全。\n'
    '巡视组要求，学院党委要切实抓好整改。\n'
)
HEADING_REPORT = (
    '中共江岭学院委员会关于巡视整改进展情况的通报\n'
    '现将整改进展情况通报如下。\n'
    '（一）针对意识形态阵地管理和思政课教师队伍建设方面的问题\n'
    '一是落实意识形态工作责任制，制定《江岭学院讲座论坛管理办法》，对2018年以来未履行审批手续的11场讲座逐一核查，约谈相关单位负责人3名。二是开展课堂教学、校园网络等意识形态阵地专项排查，关停不符合要求的微信公众号4个。三是学院计划于2020年引进和内部转岗思政课专职教师22名，拟出台《思政课教师队伍建设实施办法》，力争2020年底前师生比达到规定要求。\n'
    '（二）规范科研经费管理\n'
    '追回虚列劳务费12.6万元，修订《科研经费管理办法》。\n'
    '（三）加强基层党组织建设\n'
    '对2019年以来发展的86名党员档案逐一核查，补齐材料23份。\n'
    '中共江岭学院委员会\n'
    '2019年12月26日\n'
)
FOUR_WINDS_FEEDBACK = (
    '省委第二巡视组向江岭学院党委反馈巡视情况\n'
    '近日，省委第二巡视组向江岭学院党委反馈巡视情况。巡视组指出，存在以下问题：\n'
    '1.意识形态工作责任制落实不够有力，讲座论坛阵地管理存在薄弱环节。\n'
    '2.思政课专职教师配备不足，师生比未达到要求。\n'
    '3.违反中央八项规定精神问题仍有发生，个别二级单位超标准公务接待。\n'
    '4.科研经费管理不规范，个别课题组虚列劳务费。\n'
    '5.发展党员工作不规范，档案材料不全。\n'
    '巡视组要求，学院党委要切实抓好整改。\n'
)
FOUR_WINDS_REPORT = (
    '中共江岭学院委员会关于巡视整改进展情况的通报\n'
    '现将整改进展情况通报如下。\n'
    '（一）针对意识形态阵地管理和思政课教师队伍建设方面的问题\n'
    '一是落实意识形态工作责任制，制定《江岭学院讲座论坛管理办法》，对2018年以来未履行审批手续的11场讲座逐一核查，约谈相关单位负责人3名。二是学院计划于2020年引进思政课专职教师22名，拟出台《思政课教师队伍建设实施办法》。\n'
    '（二）驰而不息纠治“四风”\n'
    '对二级单位2019年以来公务接待情况开展专项检查，清退超标准接待费用3.2万元，对2名责任人给予诫勉谈话。\n'
    '（三）规范科研经费管理\n'
    '追回虚列劳务费12.6万元，修订《科研经费管理办法》。\n'
    '（四）加强基层党组织建设\n'
    '对2019年以来发展的86名党员档案逐一核查，补齐材料23份。\n'
    '中共江岭学院委员会\n'
    '2019年12月26日\n'
)


PLAN_IN_PLACE_FEEDBACK = (
    '市委第一巡察组向市自然资源局党组反馈巡察情况\n'
    '近日，市委第一巡察组向市自然资源局党组反馈巡察情况。巡察组指出，存在以下问题：\n'
    '1.国土空间规划编制推进缓慢，“多规合一”改革落实不到位。\n'
    '2.不动产登记办理时限长，群众办事不便。\n'
    '3.执法监察不严格，违法用地查处不及时。\n'
    '4.干部教育培训针对性不强，专业人才不足。\n'
    '巡察组要求，局党组要切实抓好整改。\n'
)
PLAN_IN_PLACE_REPORT = (
    '中共市自然资源局党组关于巡察整改进展情况的通报\n'
    '现将整改进展情况通报如下。\n'
    '（一）深化审批制度改革，服务效能明显提升。全面推行不动产登记“一窗受理”，已将3个窗口整合为综合窗口，一般登记办理时限已由10个工作日压缩至3个工作日。在国土空间规划方面，市级国土空间总体规划拟于2022年6月底前形成初步成果，并计划同步搭建“多规合一”业务协同平台。\n'
    '（二）加强执法监察。开展违法用地专项整治，立案查处违法用地案件26件，拆除违法建筑1.2万平方米。\n'
    '（三）加强干部队伍建设。举办自然资源业务培训班4期，培训干部320人次，引进测绘、规划专业人才6名。\n'
    '中共市自然资源局党组\n'
    '2022年1月14日\n'
)


@pytest.mark.parametrize("feedback_text, report_text, expected", [
    # a heading's items answer one problem, its last item states only plans for the other (pairs_blind9 x4); a
    # small report whose answer places are mostly near the problem still tells its answer
    (HEADING_FEEDBACK, HEADING_REPORT, {"1": "addressed", "2": "planned_only", "3": "addressed", "4": "addressed"}),
    # 驰而不息纠治“四风” answers 违反中央八项规定精神问题 (pairs_blind9 x2)
    (FOUR_WINDS_FEEDBACK, FOUR_WINDS_REPORT,
     {"1": "addressed", "2": "planned_only", "3": "addressed", "4": "addressed", "5": "addressed"}),
    # the problem's only sentence in another subject's place states a plan (拟于…形成初步成果,并计划…), beside the
    # place's generic lead (深化审批制度改革): planned_only (pairs_blind10 y2)
    (PLAN_IN_PLACE_FEEDBACK, PLAN_IN_PLACE_REPORT, {"1": "planned_only", "2": "addressed", "3": "addressed", "4": "addressed"}),
], ids=["heading_with_plans", "four_winds", "plan_in_another_place"])
def test_audit_small_reports_by_headings(tmp_path, feedback_text, report_text, expected):
    from pipeline.api import match

    feedback, report = tmp_path / "feedback.txt", tmp_path / "report.txt"
    feedback.write_text(feedback_text, encoding="utf-8")
    report.write_text(report_text, encoding="utf-8")
    issues = match(feedback, report)["issues"]
    issues = issues[issues["level"] == 2]
    assert dict(zip(issues["issue_id"], issues["status"])) == expected


BLOCKS_FEEDBACK = (
    '省委第六巡视组向江澜师范大学党委反馈巡视情况\n'
    '近日，省委第六巡视组向江澜师范大学党委反馈巡视情况。巡视组指出，存在以下问题：\n'
    '1.科研经费管理不规范，个别课题组虚列劳务费。\n'
    '2.校办企业管理混乱，部分企业长期亏损。\n'
    '3.违反中央八项规定精神问题仍有发生。\n'
    '巡视组要求，学校党委要切实抓好整改。\n'
)
BLOCKS_REPORT = (
    '中共江澜师范大学委员会关于巡视整改进展情况的通报\n'
    '截至2019年3月底，学校巡视整改工作取得阶段性成效。现将有关情况通报如下。\n'
    '问题1：科研经费管理不规范。\n'
    '整改情况：对2016年以来立项的科研项目开展专项审计，追回违规列支经费12.6万元，修订《科研经费管理办法》。\n'
    '问题2：校办企业管理混乱。\n'
    '整改情况：学校已聘请会计师事务所对3家校办企业开展清产核资，完成资产清查审计报告2份。按照整改方案，校办企业脱钩剥离工作原计划于2019年3月底前完成，目前仍在推进中，尚未完成。\n'
    '问题3：违反中央八项规定精神问题仍有发生。\n'
    '整改情况：清退违规列支的餐费5.4万元，对2个单位主要负责人进行约谈。\n'
    '中共江澜师范大学委员会\n'
    '2019年4月22日\n'
)


def test_audit_problem_blocks_with_a_plan_the_report_says_it_missed(tmp_path):
    """问题N:X。 then 整改情况:… (pairs_blind11 z4): each block is one measure, its title the problem restated (it
    answers nothing and lends its words to no judgement: 3 is answered by its figures though they share none of
    the problem's words); 原计划于2019年3月底前完成,目前仍在推进中 is a date the report says it missed: overdue at
    the report's signing, though its figures are as of 3月底."""
    from pipeline.api import match
    from pipeline.document import process_path

    feedback, report = tmp_path / "feedback.txt", tmp_path / "report.txt"
    feedback.write_text(BLOCKS_FEEDBACK, encoding="utf-8")
    report.write_text(BLOCKS_REPORT, encoding="utf-8")
    assert len(process_path(report).measures) == 3
    issues = match(feedback, report)["issues"]
    issues = issues[issues["level"] == 2]
    assert dict(zip(issues["issue_id"], issues["status"])) == {"1": "addressed", "2": "overdue", "3": "addressed"}


PLANNED_ROW_FEEDBACK = (
    '县委第一巡察组向和平社区党委反馈巡察情况\n'
    '巡察组指出，社区党委存在以下问题：一是“三会一课”制度落实不严格，支部主题党日活动内容单一；'
    '二是网格员长期兼职，入户走访不足；三是社区公共用房出租收入未纳入集体账户管理。\n'
    '巡察组要求，社区党委要切实抓好整改。\n'
)
PLANNED_ROW_REPORT = (
    '中共和平社区委员会关于巡察整改进展情况的公示\n'
    '现将整改台账公示如下。\n'
    '序号\t反馈问题\t整改措施\t责任人\t完成时限\t整改进展\n'
    '1\t“三会一课”落实不严格\t制定《支部主题党日活动计划》，全年开展主题党日12次，召开组织生活会2次。\t社区党委书记 周海\t2023年10月31日\t已完成\n'
    '2\t网格员兼职、入户走访不足\t拟通过公开招聘配齐5名专职网格员，计划2024年起实行入户走访月报制度。\t社区党委副书记 韩冬\t2024年6月30日\t正在推进，待镇里统一组织招聘\n'
    '3\t公共用房出租收入未入账\t清查公共用房出租合同6份，追缴租金3.2万元并全部纳入集体账户。\t社区居委会主任 李明\t2023年9月30日\t已完成\n'
    '中共和平社区委员会\n'
    '2023年12月5日\n'
)


def test_audit_a_rows_problem_cell_lends_no_act_to_its_plans(tmp_path):
    """A row whose problem cell names an act (入户走访不足) and whose measures are only plans is planned_only:
    the problem's cell, its tab included, restates the problem (pairs_blind12 y3)."""
    from pipeline.api import match

    feedback, report = tmp_path / "feedback.txt", tmp_path / "report.txt"
    feedback.write_text(PLANNED_ROW_FEEDBACK, encoding="utf-8")
    report.write_text(PLANNED_ROW_REPORT, encoding="utf-8")
    issues = match(feedback, report)["issues"]
    issues = issues[issues["level"] == 2]
    assert dict(zip(issues["issue_id"], issues["status"])) == {"1": "addressed", "2": "planned_only", "3": "addressed"}


def test_audit_overdue_said_in_another_measure_of_a_section_titled_by_the_problem(tmp_path):
    """1.关于“X”的问题 / 一是…(done) / 二是…未能在3月31日前完成,目前仍在推进 (pairs_blind14 c1): the section restates the
    problem, so its second measure speaks of it too; the deadline the feedback set passed: overdue, not addressed."""
    from pipeline.api import match

    feedback = tmp_path / "feedback.txt"
    feedback.write_text(
        "省委第三巡视组向某大学党委反馈巡视情况\n巡视发现的主要问题：\n"
        "1.思想政治理论课专职教师配备不足，师生比仅为1:520。\n2.科技成果转化率偏低，横向科研经费逐年下降。\n"
        "巡视组要求，对思想政治理论课专职教师配备不足问题，要在2024年3月31日前按标准配齐。\n", encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(
        "中共某大学委员会关于巡视整改进展情况的通报\n截至2024年6月20日，整改工作取得阶段性成效。\n"
        "1.关于“思想政治理论课专职教师配备不足”的问题\n"
        "一是2024年上半年通过公开招聘新增思政课专职教师18名，师生比提升至1:402。\n"
        "二是遴选32名兼职思政课教师。按1:350标准尚缺12人，该项任务未能在2024年3月31日前完成，目前仍在推进。\n"
        "2.关于“科技成果转化率偏低”的问题\n"
        "一是出台《科技成果转化管理办法》，2024年上半年签订技术转让合同26项，到账经费1860万元。\n"
        "中共某大学委员会\n2024年6月28日\n", encoding="utf-8")
    issues = match(feedback, report)["issues"]
    status = dict(zip(issues.loc[issues["level"] == 2, "text"].str[:6], issues.loc[issues["level"] == 2, "status"]))
    assert status == {"思想政治理论": "overdue", "科技成果转化": "addressed"}


def test_audit_section_answered_in_one_unnumbered_paragraph_among_numbered_ones(tmp_path):
    """(一)关于“X”问题 / 1. 2. measures, then (二)关于“Y”问题 answered in one paragraph without numbers (pairs_blind15
    d1): that section is an answer place too, not left out because the others hold numbered measures."""
    from pipeline.api import match

    feedback = tmp_path / "feedback.txt"
    feedback.write_text(
        "省委第三巡视组向某集团党委反馈巡视情况\n巡视发现的主要问题：\n"
        "1.重点项目建设进度滞后，5个项目未按期开工。\n2.审计发现问题整改不彻底。\n"
        "巡视组要求，集团党委要切实抓好整改。\n", encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(
        "中共某集团委员会关于巡视整改进展情况的通报\n一、整改工作组织情况\n集团党委成立整改领导小组。\n"
        "二、巡视反馈问题整改进展情况\n（一）关于“重点项目建设进度滞后”问题\n"
        "1.建立重点项目“挂图作战”机制，对14个项目实行月调度。\n2.针对5个未按期开工项目逐个协调，目前已全部开工建设。\n"
        "（二）关于“审计发现问题整改不彻底”问题\n"
        "成立追缴工作组，对省审计厅指出的多计工程款逐笔核对、追缴，已追回1100余万元，对3名责任人给予党纪处分。\n"
        "三、下一步工作打算\n持续巩固整改成果。\n", encoding="utf-8")
    issues = match(feedback, report)["issues"]
    assert issues.loc[issues["level"] == 2, "status"].tolist() == ["addressed", "addressed"]


def test_audit_stock_figures_and_a_deadline_of_the_other_problem(tmp_path):
    """A themed report (pairs_blind19 h1, h3): a paragraph whose only figures say how things stand (目前全镇共有
    合作社37家) is weak; one paragraph answering two problems in turn, its second sentence setting a deadline
    passed with the rule still in draft (应于…前出台,目前已形成征求意见稿): overdue for that problem only."""
    feedback = (
        "县委第二巡察组向青石镇党委反馈巡察情况\n近日，县委第二巡察组向青石镇党委反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.村集体经济发展乏力，部分村集体经营性收入偏低。\n2.村级财务管理不规范，存在白条入账问题。\n"
        "3.小型工程项目管理不规范，未按规定进行比选。\n"
        "巡察组要求，镇党委要切实抓好整改。\n")
    report = (
        "中共青石镇委员会关于县委第二巡察组巡察反馈问题整改情况的报告\n县委巡察工作领导小组：\n"
        "现将有关情况报告如下：\n一、壮大集体经济\n镇党委始终把发展村集体经济作为重要抓手。目前，全镇共有农民专业合作社37家，"
        "村集体经济发展势头良好。\n二、严管“三资”和工程\n针对村级财务管理不规范问题，组织经管站对各村财务账目进行全面清查，清理白条入账单据136张，规范村级财务报销。"
        "同时，制定《青石镇小型工程项目管理办法》，按照整改方案应于2023年9月底前出台，目前已形成征求意见稿。\n"
        "中共青石镇委员会\n2024年2月20日\n")
    status = _statuses(tmp_path, feedback, report)
    assert [status[k] for k in ("1", "2", "3")] == ["weak", "addressed", "overdue"]


def test_audit_generic_acts_answer_only_a_problem_of_their_kind(tmp_path):
    """A place whose every act educates or pledges (观看警示教育片3场次, 签订廉洁承诺书) answers a problem about
    receptions and subsidies weakly, a problem about learning fully; a place with other acts beside them (清退
    违规补贴2.3万元) answers (pairs_blind19 h3, pairs_blind20 k3)."""
    feedback = (
        "县委第二巡察组向石门镇党委反馈巡察情况\n近日，县委第二巡察组向石门镇党委反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.落实中央八项规定精神有差距，存在超标准接待、违规发放补贴问题。\n2.理论学习教育不够深入，党员干部纪律意识不强。\n"
        "3.村级工程管理不规范，存在违规发放误工补贴问题。\n"
        "巡察组要求，镇党委要切实抓好整改。\n")
    report = (
        "中共石门镇委员会关于县委第二巡察组巡察反馈问题整改情况的报告\n县委巡察工作领导小组：\n现将有关情况报告如下：\n"
        "一、严格落实中央八项规定精神\n镇党委严格落实中央八项规定精神，组织全镇党员干部观看警示教育片3场次，镇村干部全部签订廉洁承诺书。\n"
        "二、加强理论学习教育\n组织党员干部开展警示教育和纪律教育，举办专题党课4次，参加人员260人次。\n"
        "三、规范村级工程管理\n组织党员干部观看警示教育片2场次，清退违规发放的误工补贴2.3万元，修订《石门镇村级工程管理办法》。\n"
        "中共石门镇委员会\n2024年3月20日\n")
    status = _statuses(tmp_path, feedback, report)
    assert [status[k] for k in ("1", "2", "3")] == ["weak", "addressed", "addressed"]
    # studying papers at a meeting is such an act too (pairs_blind24 q3 #4: 召开会议专题学习…有关文件)
    studied = report.replace("组织全镇党员干部观看警示教育片3场次，镇村干部全部签订廉洁承诺书",
                             "召开党委会议专题学习党风廉政建设有关文件，班子成员进一步提高了思想认识")
    assert _statuses(tmp_path, feedback, studied)["1"] == "weak"
    from pipeline.api import match

    flags = match(tmp_path / "feedback.txt", tmp_path / "report.txt")["flags"]
    assert "警示教育" in flags.loc[(flags["kind"] == "weak") & (flags["issue_id"] == "1"), "message"].iloc[0]


def test_audit_ledger_in_an_appendix_after_the_plans_is_no_plan(tmp_path):
    """二、下一步工作安排, the signature, then 附表 and a 整改台账 (pairs_blind20 k2): the rows state what was done,
    not plans; 附表 ends the plans part as 附件 does."""
    feedback = (
        "省委第五巡视组向省林业厅党组反馈巡视情况\n近日，省委第五巡视组向省林业厅党组反馈了巡视情况。巡视组指出，存在以下问题：\n"
        "1.林长制落实不力，部分县级林长巡林不到位。\n2.森林防火设施运行维护不到位。\n巡视组要求，厅党组要切实抓好整改。\n")
    report = (
        "中共岚江省林业厅党组关于巡视整改进展情况的通报\n现将巡视整改进展情况予以公布。\n一、整改工作总体情况\n"
        "厅党组召开党组会议12次专题研究整改，对照2个问题制定整改措施18条。\n二、下一步工作安排\n"
        "厅党组将坚持目标不变、标准不降，对尚未完成的整改任务紧盯不放。\n中共岚江省林业厅党组\n2024年4月15日\n附表\n"
        "序号\t反馈问题\t主要整改措施\t完成时限\t进展情况\n"
        "1\t林长制落实不力\t修订《林长巡林工作规定》，对巡林次数不达标的23名县级林长进行约谈\t2024年3月底前\t已完成\n"
        "2\t森林防火设施运行维护不到位\t拟建立防火设施运维台账，计划年底前完成全部故障设施修复\t2024年12月底前\t正在研究制定\n")
    status = _statuses(tmp_path, feedback, report)
    assert [status[k] for k in ("1", "2")] == ["addressed", "planned_only"]


def test_audit_overdue_when_the_report_says_the_date_it_was_due():
    """该项工作原定于2023年8月底前完成。 and no word of it done since (pairs_blind22 n1): overdue at the report's date."""
    head = "一是设备安装原定于2023年7月底前完成"
    assert [(f.kind, f.issue_id) for f in flag_overdue_issues(_own_deadline("。", head=head)[0])] == [("overdue", "1")]
    assert flag_overdue_issues(_own_deadline(",现已全部完成。", head=head)[0]) == []


def test_audit_overdue_when_a_share_is_done_after_the_deadline():
    """…正在推进,已完成清查任务的65% past the deadline (pairs_blind23 p3): a share done is no completion: overdue."""
    case, _ = _own_deadline("正在推进,已完成清查任务的65%。")
    assert [(f.kind, f.issue_id) for f in flag_overdue_issues(case)] == [("overdue", "1")]


def test_audit_overdue_when_a_counted_part_is_done_after_the_unfinished_whole():
    """…至今尚未完成,目前已完成1个工程的外业核查 past the deadline (pairs_blind54 s2 #9): the count done is a part of
    the work said unfinished, no completion of it."""
    case, _ = _own_deadline("至今尚未完成,目前已完成1个工程的外业核查。")
    assert [(f.kind, f.issue_id) for f in flag_overdue_issues(case)] == [("overdue", "1")]
    assert flag_overdue_issues(_own_deadline("至今尚未完成,目前已全部完成。")[0]) == []


def test_audit_the_results_line_of_a_restated_section_speaks_of_its_problem(tmp_path):
    """（五）关于“X”的问题 / 整改措施:一是…;二是… / 整改成效:原定于5月底前追回,目前已追回29.6万元,剩余12.2万元正在
    协调追缴 (pairs_blind26 r3 #5): the section's results line is about the problem its heading restates, so its missed
    date makes the problem overdue, though the matcher ranked only the measures above it."""
    feedback = (
        "省委第一巡视组向云川理工学院党委反馈巡视情况\n近日，省委第一巡视组向云川理工学院党委反馈了巡视情况。巡视组指出，存在以下问题：\n"
        "1.科研经费管理存在廉洁风险，部分课题组虚列劳务费套取科研经费。\n2.实验室安全管理不到位。\n巡视组要求，学院党委要切实抓好整改。\n")
    report = (
        "中共云川理工学院委员会关于巡视整改进展情况的通报\n现将巡视整改进展情况予以公布。\n"
        "（一）关于“科研经费管理存在廉洁风险”的问题\n"
        "整改措施：一是对套取科研经费问题逐项核查，给予党纪处分2人；二是修订《科研经费管理办法》，劳务费一律通过银行转账发放。\n"
        "整改成效：学院原定于2024年5月底前追回全部违规资金，目前已追回29.6万元，剩余12.2万元正在协调追缴。\n"
        "（二）关于“实验室安全管理不到位”的问题\n整改措施：开展实验室安全专项检查，整改隐患36处。\n"
        "中共云川理工学院委员会\n2024年7月26日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "overdue", "2": "addressed"}


def test_audit_a_limit_counted_from_the_feedback_is_kept_in_a_public_notice(tmp_path):
    """其中,X问题…要立行立改,在反馈后2个月内整改到位 and a 公示 five months later saying 目前正在施工 (pairs_blind25 q4):
    overdue."""
    feedback = (
        "县委第三巡察组向禾川县人民医院党委反馈专项巡察情况\n11月20日，县委第三巡察组向禾川县人民医院党委反馈了专项巡察情况。"
        "巡察指出，医院党委落实院长负责制不够到位；医疗废物处置管理存在漏洞，暂存点设施不达标。\n"
        "巡察组要求，医院党委要切实履行整改主体责任。其中，医疗废物处置问题涉及公共卫生安全，要立行立改，在反馈后2个月内整改到位。\n"
        "中共禾川县委第三巡察组\n2024年11月20日\n")
    report = (
        "禾川县人民医院关于县委专项巡察反馈问题整改情况的公示\n根据县委统一部署，县委第三巡察组对我院党委开展了专项巡察。\n"
        "问题一：院长负责制落实不够到位\n整改情况：修订《党委会议事规则》《院长办公会议事规则》，明确议事范围23项。\n"
        "问题二：医疗废物处置管理存在漏洞\n整改情况：暂存点改造工程已于2025年3月开工，目前正在施工，预计5月底完工。\n"
        "中共禾川县人民医院委员会\n2025年4月15日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "addressed", "2": "overdue"}


def test_audit_a_meeting_that_studied_and_deployed_is_a_generic_act(tmp_path):
    """召开专题会议研究部署…工作,提出明确要求 (pairs_blind26 r3 #4): a meeting and a pledge answer a problem about
    supervising the colleges weakly."""
    feedback = (
        "省委第一巡视组向云川理工学院党委反馈巡视情况\n近日，省委第一巡视组向云川理工学院党委反馈了巡视情况。巡视组指出，存在以下问题：\n"
        "1.党委主体责任落实不到位，对二级学院党组织督促指导不够。\n2.实验室安全管理不到位。\n巡视组要求，学院党委要切实抓好整改。\n")
    report = (
        "中共云川理工学院委员会关于巡视整改进展情况的通报\n现将巡视整改进展情况予以公布。\n"
        "（一）关于“党委主体责任落实不到位”的问题\n学院党委召开专题会议研究部署落实主体责任工作，对二级学院党组织督促指导提出明确要求。\n"
        "（二）关于“实验室安全管理不到位”的问题\n开展实验室安全专项检查，整改隐患36处。\n"
        "中共云川理工学院委员会\n2024年7月26日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "weak", "2": "addressed"}


def test_audit_a_party_committee_meeting_that_studied_and_deployed_is_a_generic_act(tmp_path):
    """召开党委会专题研究部署…工作,要求进一步加强… (pairs_blind58 s1 #10): a 党委会 is a meeting as 会议 is; it was read as
    an act that answered the problem (addressed)."""
    feedback = (
        "市局党委第三巡察组向县税务局党委反馈巡察情况\n近日，市局党委第三巡察组反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.廉政风险防控流于形式，对发票领用、退税审核等关键岗位风险点排查不全面。\n2.公务用车管理不严格。\n"
        "巡察组要求，县局党委要切实抓好整改。\n")
    report = (
        "县税务局党委关于巡察整改进展情况的报告\n现将整改进展情况报告如下。\n"
        "（一）关于廉政风险防控流于形式的问题\n反馈指出：廉政风险防控流于形式，对发票领用、退税审核等关键岗位风险点排查不全面。\n"
        "整改情况：召开党委会专题研究部署廉政风险防控工作，要求进一步加强关键岗位风险管理。\n"
        "（二）关于公务用车管理不严格的问题\n整改情况：对12辆公务用车逐一登记，加油卡与车辆一一对应。\n"
        "县税务局党委\n2023年9月18日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "weak", "2": "addressed"}


@pytest.mark.parametrize("answer,status", [
    ("召开党委会研究部署支部标准化建设工作，进一步加强护林点党员教育管理。", "weak"),
    ("2024年以来召开党委会11次，均安排党员教育专题学习，对护林点12名党员逐一建立教育管理台账。", "addressed"),
])
def test_audit_a_meeting_that_studied_and_deployed_answers_no_problem_about_education(tmp_path, answer, status):
    """pairs_blind58 s3 #8, s4 #11: a problem about members' education may be answered by meetings and study, but a
    meeting that only studied and deployed the work did nothing yet (it was read as addressed)."""
    feedback = (
        "县委第二巡察组向县国有林场党委反馈巡察情况\n近日，县委第二巡察组反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.基层党支部标准化建设不达标，护林点党员教育管理存在空白。\n2.公益林补偿资金被挤占。\n巡察组要求，场党委要切实抓好整改。\n")
    report = (
        "县国有林场党委关于巡察整改进展情况的报告\n现将整改进展情况报告如下。\n"
        f"（一）关于支部标准化建设不达标的问题\n{answer}\n"
        "（二）关于公益林补偿资金被挤占的问题\n追回挤占的生态公益林补偿资金32.7万元并退回专户。\n"
        "县国有林场党委\n2024年8月26日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": status, "2": "addressed"}


def test_audit_a_ledger_row_stands_as_at_the_ledgers_signing(tmp_path):
    """A report whose figures stand 截至2024年6月末, signed on 9月10日, with a 整改台账 row due 2024年8月31日 whose
    完成情况 says 项目尚未开工 (pairs_blind27 s2 #2, #7): the row says how it stands when the ledger is published,
    so the problem is overdue; a row due after the signing is not."""
    feedback = (
        "市委第二巡察组向城发集团党委反馈巡察情况\n近日，市委第二巡察组向城发集团党委反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.城市更新项目推进缓慢。\n2.应收账款清收不力。\n巡察组要求，集团党委要切实抓好整改。\n")
    report = (
        "中共城发集团委员会关于巡察整改进展情况的通报\n截至2024年6月末，集团党委对照2个问题制定整改措施12条。现将整改进展情况通报如下。\n"
        "序号\t问题\t整改措施\t责任单位\t完成时限\t完成情况\n"
        "1\t老城区改造项目推进缓慢\t倒排工期、挂图作战，推动项目开工建设\t城市更新公司\t2024年8月31日\t已完成施工招标，项目尚未开工\n"
        "2\t应收账款清收不力\t成立清收专班，逐笔建立清收台账\t财务部\t2024年12月31日\t已清收3860万元，剩余款项正在继续清收\n"
        "中共城发集团委员会\n2024年9月10日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "overdue", "2": "addressed"}


def test_audit_a_ledger_row_is_one_statement_of_its_progress(tmp_path):
    """A 整改台账 row whose measures cell says 剩余4.7万元…正在通过法律途径追缴 before its 完成时限 2024年7月31日 and
    完成情况 持续整改 (pairs_blind26 r1 #2): the row, read whole, is unfinished past its date: overdue."""
    feedback = (
        "县委第二巡察组向县粮食和物资储备局党组反馈专项巡察情况\n近日，县委第二巡察组反馈了专项巡察情况。巡察组指出，存在以下问题：\n"
        "1.储备粮轮换“虚轮”套取价差补贴11.2万元。\n2.违规出租闲置仓容。\n巡察组要求，局党组要切实抓好整改。\n")
    report = (
        "中共县粮食和物资储备局党组关于专项巡察整改进展情况的报告\n现将整改进展情况报告如下。\n"
        "序号\t问题\t整改措施\t责任人\t完成时限\t完成情况\n"
        "1\t储备粮轮换“虚轮”，套取价差补贴\t已追回套取的价差补贴6.5万元，剩余4.7万元正在通过法律途径追缴。\t陈立新\t2024年7月31日\t持续整改\n"
        "2\t违规出租闲置仓容\t收回2栋闲置仓房，收缴租金5.4万元。\t陈立新\t2024年5月31日\t已完成\n"
        "中共县粮食和物资储备局党组\n2024年9月20日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "overdue", "2": "addressed"}


def test_audit_a_sentence_on_the_problems_example_answers_it(tmp_path):
    """惠民政策落实有偏差,比如,高龄津贴发放存在漏发、错发现象, answered by 全面排查…为漏发的17名老人补发津贴2.04万元
    (pairs_blind24 q3 #9): the sentence shares no word of the problem's statement, only of its example, and a word
    (排查) with another problem's example; it still speaks of this problem and answers it."""
    feedback = (
        "区委第一巡察组向河湾街道党工委反馈巡察情况\n近日，区委第一巡察组向河湾街道党工委反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "一是班子成员落实“一岗双责”不到位，比如，对分管领域廉政风险点排查不深入；二是惠民政策落实有偏差，比如，高龄津贴发放存在漏发、"
        "错发现象。\n巡察组要求，街道党工委要切实抓好整改。\n")
    report = (
        "河湾街道党工委关于区委巡察反馈问题整改进展情况的公示\n现将整改进展情况公示如下。\n"
        "1.问题：班子成员落实“一岗双责”不到位。整改情况：对班子成员分管领域廉政风险点全面排查，梳理风险点42个，制定防控措施56条。\n"
        "2.问题：惠民政策落实有偏差。整改情况：对辖区80周岁以上老人津贴发放情况全面排查，为漏发的17名老人补发津贴2.04万元，"
        "追回错发津贴0.36万元。\n中共河湾街道工作委员会\n2024年5月28日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "addressed", "2": "addressed"}


def test_audit_deadline_cell_lookup_agrees_with_every_row():
    """The bisected lookup of a ledger's 完成时限 cells (one per audit, not one row scan per date) finds a time in a cell
    exactly when some row's cell holds it: at a cell's edges, between cells, before the first, after the last."""
    from types import SimpleNamespace

    from pipeline.matching.audit import _in_deadline_cell

    rows = [SimpleNamespace(deadline=cell) for cell in [(40, 50), None, (10, 20), (60, 61)]]
    set_in_row = _in_deadline_cell(rows)
    for start in range(0, 70):
        for length in (1, 3, 10):
            t = SimpleNamespace(start=start, end=start + length)
            expected = any(r.deadline is not None and r.deadline[0] <= t.start and t.end <= r.deadline[1] for r in rows)
            assert set_in_row(t) is expected, (start, length)


def test_audit_standing_arrangements_kept_rules_and_drafts_are_no_acts(tmp_path):
    """Four answers that name acts without doing them (pairs_blind28 s2 #1, s3 #2, #8, #10): a sentence opening on
    how things stand whose later clause names an arrangement (目前…共划分网格86个,配备网格员112名), an average
    age with its breakdown, a rule to be kept (严格落实村务公开制度) beside a bare 已整改完成, and a plan whose
    draft is out for comments (方案正在征求意见,拟于…组织实施); an arrangement stated as done still answers."""
    feedback = (
        "县委第一巡察组向东桥镇党委反馈巡察情况\n近日，县委第一巡察组向东桥镇党委反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.网格化管理流于形式，网格员身兼数职。\n2.村党组织书记队伍年龄偏大，学历偏低。\n"
        "3.村务公开栏内容长期未更新。\n4.村级集体经济薄弱，5个村集体收入低于10万元。\n"
        "巡察组要求，镇党委要切实抓好整改。\n")
    report = (
        "中共东桥镇委员会关于巡察整改进展情况的报告\n现将整改进展情况报告如下。\n"
        "一、网格化管理\n目前，全镇共划分网格86个，配备网格员112名。\n"
        "二、村级班子建设\n目前，全镇14名村党组织书记平均年龄48.7岁，其中45岁以下3人，大专及以上学历4人。\n"
        "序号\t问题\t整改措施\t责任人\t完成时限\t进展情况\n"
        "1\t村务公开栏内容长期未更新\t严格落实村务公开制度\t李明\t2024年2月29日\t已整改完成\n"
        "2\t村级集体经济薄弱\t制定发展壮大村级集体经济行动方案\t周强\t2024年12月31日\t方案正在征求意见，拟于2024年下半年组织实施\n"
        "中共东桥镇委员会\n2024年5月15日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "weak", "2": "weak", "3": "weak", "4": "planned_only"}
    done = report.replace("配备网格员112名", "已为每个网格配备专职网格员112名")
    assert _statuses(tmp_path, feedback, done)["1"] == "addressed"


def test_audit_the_teams_time_limit_in_the_problems_sentence_and_a_row_only_under_way(tmp_path):
    """A finding whose sentence goes on with the team's time limit (…整改不到位,巡察组要求于2024年2月底前完成对账;
    pairs_blind29 s3 #9, s4 #10): that limit is the problem's, and the clause no problem of its own; a 整改台账
    row due on a date still to come whose 完成情况 says only 正在推进 (s2 #2): its measures are what was set,
    nothing done; a row due 长期坚持 with the same words is judged by its measures."""
    feedback = (
        "市委第三巡察组向城投集团党委反馈巡察情况\n近日，市委第三巡察组向城投集团党委反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.对审计指出的通行费对账差异问题整改不到位，巡察组要求于2024年2月底前完成对账。\n"
        "2.防范化解债务风险不到位，3笔融资年化利率超过6%。\n"
        "3.党委对子公司督促指导不够。\n"
        "巡察组要求，集团党委要切实抓好整改。\n")
    report = (
        "中共城投集团委员会关于巡察整改进展情况的报告\n现将整改进展情况报告如下。\n"
        "一、对账差异问题已完成2023年度数据核对，2024年度数据对账仍在推进中。\n"
        "序号\t问题\t整改措施\t责任部门\t完成时限\t完成情况\n"
        "1\t防范化解债务风险不到位\t制定存量债务优化置换方案，置换3笔高息融资\t财务部\t2025年6月30日\t正在推进\n"
        "2\t党委对子公司督促指导不够\t制定子公司党建工作考核办法，开展督导检查4次\t党建部\t长期坚持\t持续推进\n"
        "中共城投集团委员会\n2024年3月20日\n")
    (tmp_path / "feedback.txt").write_text(feedback, encoding="utf-8")
    from pipeline.issuelist.load import load_issue_list

    problems = [i for i in load_issue_list(tmp_path / "feedback.txt").issues if i.level == 2]
    assert len(problems) == 3 and "2024年2月底前" in (problems[0].extra.get("deadline") or "")
    assert _statuses(tmp_path, feedback, report) == {"1": "overdue", "2": "planned_only", "3": "addressed"}


def test_audit_stock_sentences_by_what_a_unit_has_and_an_answer_that_names_the_inspection(tmp_path):
    """卫生院党支部现有党员11名,其中…,入党积极分子1名 and 目前,…占比为21.6%,中层岗位空缺共计37个 say how things
    stand (pairs_blind30 s3 #8, s1 #7); a paragraph of one sentence that names the finding the inspection handed
    over (对巡察移交的干警违规接受案件当事人宴请问题,…给予1名干警党内警告处分) answers it (s2 #5)."""
    feedback = (
        "区委第二巡察组向区法院党组反馈巡察情况\n近日，区委第二巡察组向区法院党组反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.发展党员工作停滞，近三年未发展一名党员。\n2.干部队伍建设统筹谋划不够，领导班子中45岁以下干部占比偏低。\n"
        "3.违反中央八项规定精神问题时有发生，个别干警违规接受案件当事人宴请。\n"
        "巡察组要求，区法院党组要切实抓好整改。\n")
    report = (
        "区法院召开巡察整改工作推进会\n2021-09-27 来源：区法院\n"
        "区法院党支部高度重视发展党员工作。院党支部现有党员11名，其中35岁以下党员2名，入党积极分子1名。\n"
        "区法院党组坚持把年轻干部培养作为战略任务。目前，院领导班子中45岁以下干部占比为21.6%，中层岗位空缺共计3个。\n"
        "对巡察移交的干警违规接受案件当事人宴请问题，区法院党组严肃处理，给予1名干警党内警告处分、对1名干警进行诫勉谈话。\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "weak", "2": "weak", "3": "addressed"}


@pytest.mark.parametrize("due,progress,status", [
    ("2025年6月30日", "未到期", "planned_only"),  # nothing done, the date still to come (pairs_blind31 s4 #4)
    ("2025年6月30日", "正在推进", "planned_only"),
    ("2025年6月30日", "按计划推进", "planned_only"),  # pairs_blind33 s2 #10: no act done, only the schedule kept
    ("2025年6月30日", "按计划推进，拟于2024年11月结合系统升级启动接口联调", "planned_only"),  # pairs_blind34 s3 #7: and a plan
    ("2024年6月30日", "正在推进，已完成12个接口中的7个", "overdue"),  # pairs_blind34 s3 #8: a share done is no completion
    ("2024年5月31日", "正在推进", "overdue"),  # the date passed: overdue, not a plan
])
def test_audit_a_ledger_row_not_yet_due(tmp_path, due, progress, status):
    feedback = (
        "集团党委第二巡察组向物资公司党委反馈巡察情况\n近日，集团党委第二巡察组反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.数字化转型推进缓慢，电子采购平台未实现数据贯通。\n2.库存物资管理不规范。\n巡察组要求，公司党委要切实抓好整改。\n")
    report = (
        "中共物资公司委员会关于巡察整改情况的报告\n现将整改情况报告如下。\n"
        "一、清查库存物资，处置积压物资3120万元。\n"
        "序号\t问题\t整改措施\t责任部门\t完成时限\t完成情况\n"
        f"1\t数字化转型推进缓慢\t开发电子采购平台与财务共享系统接口\t信息中心\t{due}\t{progress}\n"
        "中共物资公司委员会\n2024年7月30日\n")
    assert _statuses(tmp_path, feedback, report)["1"] == status


def test_audit_a_plan_whose_own_date_has_passed_is_overdue(tmp_path):
    """基建项目结算审计工作已委托第三方机构开展,计划于2024年3月底前完成 in a 公示 of 2024年4月10日 (pairs_blind32 s3 #9):
    the plan alone answers the problem and its date had passed: overdue, not planned_only."""
    feedback = (
        "市委第三巡察组向市第一人民医院党委反馈巡察情况\n近日，市委第三巡察组反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "问题一：审计指出的基建项目超概算问题仍未完成结算审计。\n问题二：药品耗材采购管理不规范。\n"
        "巡察组要求，医院党委要切实抓好整改。\n")
    report = (
        "市第一人民医院党委关于巡察整改进展情况的公示\n"
        "一、规范药品耗材采购，修订《药品耗材采购管理办法》，清理不合规采购合同12份。\n"
        "二、下一步工作\n基建项目结算审计工作已委托第三方机构开展，计划于2024年3月底前完成。\n"
        "市第一人民医院党委\n2024年4月10日\n")
    assert _statuses(tmp_path, feedback, report)["一"] == "overdue"
    assert _statuses(tmp_path, feedback, report.replace("2024年3月底前", "2024年6月底前"))["一"] == "planned_only"


def test_audit_a_heading_that_names_its_problem_answers_it(tmp_path):
    """八、关于档案管理的问题 over 原定于…前完成,目前已完成约70% (pairs_blind33 s4 #10): the heading names the problem the
    feedback wrote at length (上轮巡察指出的村级档案管理混乱问题整改不到位,…); its answer is that part, past its date: overdue."""
    feedback = (
        "县委第一巡察组向柳塘村党支部反馈巡察情况\n近日，县委第一巡察组反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "问题1：村务公开不及时，2024年财务收支未按季度公开。\n问题2：集体资产发包未经民主程序，租金明显偏低。\n"
        "问题3：上轮巡察指出的村级档案管理混乱问题整改不到位，部分会议记录、合同资料缺失。\n"
        "巡察组要求，村党支部要切实抓好整改。\n")
    report = (
        "中共柳塘村支部委员会关于巡察整改情况的公示\n"
        "一、关于村务公开的问题\n整改情况：已于2025年11月5日补充公开2024年财务收支情况。整改状态：已完成。\n"
        "二、关于集体资产发包的问题\n整改情况：已于2025年12月10日召开村民代表大会重新审议发包合同。整改状态：已完成。\n"
        "三、关于档案管理的问题\n整改情况：聘请镇档案员指导整理，原定于2025年12月31日前完成全部归档，目前已完成约70%。整改状态：正在整改。\n"
        "中共柳塘村支部委员会\n2026年1月15日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "addressed", "2": "addressed", "3": "overdue"}


@pytest.mark.parametrize("name,expected", [
    ("关于档案管理的问题", 2),  # the one problem that holds its words
    ("关于“村务公开”的问题", 0),  # quoted
    ("关于巡察反馈问题的整改情况", None),  # the feedback as a whole: no problem's name
    ("关于管理的问题", None),  # one character pair, 管理: too short to name a problem
    # regression (pairs_blind36 s2 #11): a sentence of a place of many answers, not a heading
    ("针对档案管理问题，一是聘请镇档案员指导整理村级档案", None),
])
def test_audit_heading_echoes_name_one_problem(name, expected):
    from pipeline.matching.matcher import heading_echoes

    problems = ["村务公开不及时", "集体资产管理不规范", "村级档案管理混乱"]
    echo = heading_echoes(problems, [2, 2, 2], [f"三、{name}\n整改情况:已完成。"])
    assert [i for i in range(3) if echo[i, 0]] == ([] if expected is None else [expected])


def test_audit_a_news_items_plan_for_the_earlier_rounds_findings(tmp_path):
    """会议要求,各单位要紧盯尚未完成的整改任务…。学校将于2024年3月底前对上轮巡视和审计发现问题整改情况开展“回头看”
    (pairs_blind33 s3 #12): the paragraph speaks of the earlier rounds' findings, not of this rectification's process, so it
    answers the problem about them; its only act is a plan: planned_only."""
    feedback = (
        "省委第三巡视组向江岸学院党委反馈巡视情况\n近日，省委第三巡视组反馈了巡视情况。巡视发现，主要是：科研经费管理不规范；"
        "对上轮巡视和审计发现问题整改不够到位。\n巡视组要求，学院党委要切实抓好整改。\n")
    report = (
        "江岸学院召开巡视整改工作推进会\n1月11日，江岸学院召开巡视整改工作推进会，部署下一阶段重点任务。\n"
        "会上，科研处汇报了整改进展。学院修订《科研经费管理办法》，对2021年以来的科研经费开展专项审计，追回违规报销经费12.6万元。\n"
        "会议要求，各单位要紧盯尚未完成的整改任务，倒排工期、挂图作战。学院将于2024年3月底前对上轮巡视和审计发现问题整改情况开展“回头看”，"
        "确保问题整改到位、不反弹。\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "addressed", "2": "planned_only"}


def test_audit_a_plan_row_naming_the_earlier_round_answers_the_problem_about_it(tmp_path):
    """对上轮巡察反馈的19个问题开展“回头看” … 拟于2023年9月上旬启动 (pairs_blind34 s3 #11): a problem about the earlier
    round's findings shares only rectification's words with any place; the plan row naming that round is its answer."""
    feedback = (
        "市委第二巡察组向市第一人民医院党委反馈巡察情况\n近日，市委第二巡察组反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "问题1：药品耗材采购管理不规范。\n问题2：上轮巡察反馈问题整改不彻底，部分问题整改流于形式。\n巡察组要求，医院党委要切实抓好整改。\n")
    report = (
        "市第一人民医院党委关于巡察整改进展情况的报告\n现将整改情况报告如下，已完成整改问题6个。\n"
        "序号\t问题\t整改措施\t责任部门\t完成时限\t完成情况\n"
        "1\t药品耗材采购管理不规范\t修订《药品耗材采购管理办法》，清理不合规采购合同12份\t药学部\t2023年6月30日前\t已完成，整改到位\n"
        "2\t上轮巡察反馈问题整改不彻底\t对上轮巡察反馈的19个问题开展“回头看”，逐项复核整改成效\t纪委办公室\t2023年9月30日前\t拟于2023年9月上旬启动\n"
        "市第一人民医院党委\n2023年8月25日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "addressed", "2": "planned_only"}


def test_audit_party_members_recruited_answer_a_stalled_recruitment(tmp_path):
    """党员发展工作停滞,近三年未发展青年教师党员 answered by 接收2名青年教师为预备党员,另确定入党积极分子4名 (pairs_blind34
    s4 #7): the feedback names the work, the report its act, one object under two names."""
    feedback = (
        "县委第三巡察组反馈巡察情况\n近日，县委第三巡察组向县第二中学党总支反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.食堂管理不规范，食材采购未公开招标。\n2.党员发展工作停滞，近三年未发展青年教师党员，党员队伍老化。\n"
        "3.违规收取学生资料费。\n4.校园安全管理存在隐患，消防设施老化。\n巡察组要求，学校党总支要切实抓好整改。\n")
    report = (
        "县第二中学党总支关于巡察整改情况的报告\n一、重新公开招标确定2家食材供应商，推行食材验收双人签字制度。\n"
        "二、6月25日，校党总支召开党员大会，接收2名青年教师为预备党员，另确定入党积极分子4名。\n"
        "三、清退2023级学生资料费3.2万元。\n四、更换灭火器126具，完成消防管网改造。\n"
        "县第二中学党总支\n2025年7月8日\n")
    assert _statuses(tmp_path, feedback, report)["2"] == "addressed"


def test_audit_a_plan_still_dated_before_the_reports_own_date_is_overdue(tmp_path):
    """一是成立清收工作专班…。二是将于2023年12月31日前清收逾期应收账款1.2亿元 in a report signed 2024年1月12日
    (pairs_blind35 s3 #7): the plan's date had passed when the report was signed and it says nothing of it done."""
    feedback = (
        "集团党委第二巡察组向路桥公司党委反馈巡察情况\n近日，集团党委第二巡察组反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.工程分包管理不规范。\n2.应收账款清收不力，逾期应收账款规模较大。\n巡察组要求，公司党委要切实抓好整改。\n")
    report = (
        "路桥公司党委关于巡察整改进展情况的通报\n截至2023年12月底，各项整改任务有序推进。\n"
        "1.关于“工程分包管理不规范”的问题。修订《工程分包管理办法》，清理违规分包合同6份。\n"
        "2.关于“应收账款清收不力”的问题。一是成立应收账款清收工作专班，实行“一户一策”清收。"
        "二是将于2023年12月31日前清收逾期应收账款1.2亿元。\n路桥公司党委\n2024年1月12日\n")
    assert _statuses(tmp_path, feedback, report)["2"] == "overdue"
    assert _statuses(tmp_path, feedback, report.replace("2023年12月31日前", "2024年6月30日前"))["2"] == "addressed"


@pytest.mark.parametrize("measure,status", [
    # pairs_blind25 q1, 29 s2, 31 s2, 34 s2, 35 s1: the same trap in five pairs, both eight-point-rule objects
    ("修订《公务接待管理办法》，严格执行公函和接待清单制度，清退超标准接待费用1.8万元。", "weak"),
    ("修订《公务用车管理办法》，为全部12辆公务用车安装北斗定位系统。", "addressed"),
])
def test_audit_an_eight_point_rule_problem_answered_about_another_of_them(tmp_path, measure, status):
    feedback = (
        "县委第一巡察组向县农业农村局党组反馈巡察情况\n近日，县委第一巡察组反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.落实中央八项规定精神不够严格，公务用车管理不规范，存在公车私用现象。\n2.惠农补贴资金拨付不及时。\n"
        "巡察组要求，局党组要切实抓好整改。\n")
    report = (
        "县农业农村局党组关于巡察整改情况的报告\n"
        f"一、关于“落实中央八项规定精神不够严格”的问题。{measure}\n"
        "二、关于“惠农补贴资金拨付不及时”的问题。建立补贴资金拨付台账，拨付滞留资金126万元。\n"
        "县农业农村局党组\n2024年7月30日\n")
    assert _statuses(tmp_path, feedback, report)["1"] == status


def test_audit_indicators_and_arrangements_answer_nothing(tmp_path):
    """A state-owned firm's report (pairs_blind35 s3, s4, pairs_blind25 q2): a place whose only figures are
    indicators (实现营业收入…, 研发投入强度为…) or how things are arranged (目前共配备…, 设置…) is weak; a place that
    also states an act (新签外部合同…) answers."""
    feedback = (
        "市委第一巡察组向市路桥公司党委反馈巡察情况\n近日，市委第一巡察组向市路桥公司党委反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.主业市场拓展乏力，外部市场收入占比偏低。\n2.科技创新投入不足，研发投入强度偏低。\n"
        "3.安全生产基础薄弱，应急救援力量不足。\n4.工程分包管理不规范，存在违规分包问题。\n"
        "巡察组要求，公司党委要切实抓好整改。\n")
    report = (
        "中共市路桥公司委员会关于市委第一巡察组巡察反馈问题整改情况的报告\n市委巡察工作领导小组：\n现将有关情况报告如下：\n"
        "一、关于“主业市场拓展乏力”的问题\n2024年，公司实现营业收入9.46亿元，其中外部市场收入2.31亿元，占比24.4%。\n"
        "二、关于“科技创新投入不足”的问题\n2024年1—10月，公司研发经费投入0.52亿元，研发投入强度为0.8%。\n"
        "三、关于“安全生产基础薄弱”的问题\n目前，公司共配备专职安全员38名，设置应急物资库4个，配备应急抢险车辆9台。\n"
        "四、关于“工程分包管理不规范”的问题\n2024年，公司实现营业收入9.46亿元；清理违规分包合同7份，对2名责任人给予诫勉谈话。\n"
        "中共市路桥公司委员会\n2024年11月20日\n")
    status = _statuses(tmp_path, feedback, report)
    assert [status[k] for k in ("1", "2", "3", "4")] == ["weak", "weak", "weak", "addressed"]


def test_audit_formalism_answered_under_the_campaigns_name(tmp_path):
    """形式主义 answered under 为基层减负 (the campaign's own name, pairs_blind37 s6): the acts under it answer the problem."""
    feedback = (
        "集团党委第一巡察组向某港务公司党委反馈巡察情况\n近日，集团党委第一巡察组向某港务公司党委反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.形式主义问题仍然存在，会议多、发文多。\n2.安全生产责任落实不到位，隐患排查不彻底。\n"
        "巡察组要求，公司党委要切实抓好整改。\n")
    report = (
        "中共某港务公司委员会关于巡察反馈问题整改情况的报告\n集团党委：\n现将有关情况报告如下：\n"
        "一、关于“为基层减负”问题的整改情况\n精简会议文件，2025年公司层面会议压减至42个，发文数量同比减少31%。\n"
        "二、关于“安全生产”问题的整改情况\n开展隐患排查整治，排查整改隐患56处，签订安全生产责任书88份。\n"
        "中共某港务公司委员会\n2025年12月20日\n")
    status = _statuses(tmp_path, feedback, report)
    assert [status[k] for k in ("1", "2")] == ["addressed", "addressed"]


def test_audit_a_ledger_row_under_way_whose_measures_say_what_is_done(tmp_path):
    """A 整改台账 row whose 完成情况 says only 正在推进, due later (pairs_blind38 s3): its 整改措施 cell that states what
    is done already (…已完工,…已完成施工招标) answers the problem; one that only sets the work is a plan."""
    feedback = (
        "区委第二巡察组向某街道党工委反馈巡察情况\n近日，区委第二巡察组向某街道党工委反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.老旧小区改造推进缓慢，计划改造的6个小区仅完成2个。\n2.社区养老服务设施不足，部分社区没有日间照料中心。\n"
        "巡察组要求，街道党工委要切实抓好整改。\n")
    report = (
        "中共某街道工作委员会关于巡察整改情况的报告\n区委巡察办：\n现将有关情况报告如下：\n整改台账\n"
        "问题\t整改措施\t责任人\t完成时限\t完成情况\n"
        "老旧小区改造推进缓慢\t成立改造专班，对剩余4个小区逐一制定推进计划；桃园、杏林小区已完工，其余2个小区已完成施工招标\t"
        "街道副主任\t2026年12月底前\t正在推进\n"
        "社区养老服务设施不足\t新建社区日间照料中心3个\t街道副主任\t2026年12月底前\t正在推进\n"
        "中共某街道工作委员会\n2025年11月20日\n")
    status = _statuses(tmp_path, feedback, report)
    assert [status[k] for k in ("1", "2")] == ["addressed", "planned_only"]


def test_audit_a_report_that_names_problems_by_number_only(tmp_path):
    """问题1:… 问题2:… 问题3:… with no problem restated (pairs_blind39 s6): each part answers the problem of its number,
    its first sentence an act as much as any; a report numbering afresh under each field names none by number."""
    feedback = (
        "县委第一巡察组向县市场监督管理局党组反馈巡察情况\n近日，县委第一巡察组向县市场监督管理局党组反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.食品安全监管存在薄弱环节，校园周边小餐饮检查覆盖不全。\n2.行政处罚自由裁量权运用不规范，同类违法行为处罚金额差异较大。\n"
        "3.特种设备安全监管不到位，部分电梯超期未检。\n巡察组要求，局党组要切实抓好整改。\n")
    report = (
        "中共县市场监督管理局党组关于巡察整改情况的报告\n县委巡察办：\n现将整改情况报告如下：\n"
        "问题1：4月至6月，局党组组织开展专项整治行动，对全县46所学校周边的236家小餐饮开展检查，督促整改问题58个。\n"
        "问题2：5月14日制定印发《县市场监督管理局行政处罚裁量基准》，细化裁量情形186项，纠正裁量不当案件3件。\n"
        "问题3：对辖区内12台超期未检电梯逐台下达安全监察指令书，已完成检验12台。\n"
        "中共县市场监督管理局党组\n2024年8月16日\n")
    status = _statuses(tmp_path, feedback, report)
    assert [status[k] for k in ("1", "2", "3")] == ["addressed", "addressed", "addressed"]


def test_audit_a_village_report_in_headings_with_their_answers_inline(tmp_path):
    """一、关于X问题。<answer> … 五、关于Y问题。<slogans>\\n下一步,… (pairs_blind40 s8, s6): a standing rule (今后每季度…) is
    no plan; the last problem's heading is no plans part though 下一步 closes the report; a heading restating the
    problem without 关于 ((六)X管理不严问题。) lends its objects nothing, so 差旅费 answers no 业务招待费 problem."""
    feedback = (
        "县委第四巡察组向某村党总支反馈巡察情况\n近日，县委第四巡察组向某村党总支反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.村务公开不及时，财务收支未按季度公开。\n2.业务招待费管理不严，存在超标准报销接待费用问题。\n"
        "3.村“两委”班子凝聚力不强，坐班值班制度落实不到位。\n巡察组要求，村党总支要切实抓好整改。\n")
    report = (
        "某村党总支关于县委巡察反馈问题整改情况的报告\n镇党委：\n现将有关情况报告如下：\n"
        "一、关于村务公开不及时问题。制定《村务公开目录》，2026年1月5日公开2025年第四季度财务收支明细，今后每季度首月10日前公开上一季度财务收支。\n"
        "二、业务招待费管理不严问题。村党总支坚决落实中央八项规定精神，修订《村差旅费管理办法》，规范出差审批和报销流程。\n"
        "三、关于班子凝聚力不强问题。村“两委”班子坚持民主集中制，团结协作意识明显增强，凝聚力进一步提升。\n"
        "下一步，村党总支将继续抓好整改落实，巩固整改成果。\n某村党总支\n2026年3月5日\n")
    status = _statuses(tmp_path, feedback, report)
    assert [status[k] for k in ("1", "2", "3")] == ["addressed", "weak", "weak"]


def test_audit_a_field_finding_with_its_own_deadline_and_an_answer_of_averages_only(tmp_path):
    """在…方面,A不到位,…,须于…前整改到位。 is a finding whose deadline is its own, not the first demand (pairs_blind41
    s5); an answer that only gives averages per case (门诊次均费用286元, 药占比27%) states how things stand, no act:
    weak."""
    feedback = (
        "校党委第二巡察组向附属医院党委反馈巡察情况\n2024年10月20日，校党委第二巡察组向附属医院党委反馈巡察情况。\n"
        "巡察组指出，医院党委存在以下问题。\n"
        "在服务群众方面，公立医院公益性体现不够，部分科室存在过度检查问题。\n"
        "在监督发现问题整改方面，对上轮巡察指出的急诊改造问题整改不到位，须于2024年12月31日前整改到位。\n"
        "巡察组要求，医院党委要切实履行整改主体责任。\n")
    report = (
        "附属医院党委关于巡察反馈意见整改进展情况的报告\n校党委：\n"
        "1.关于公立医院公益性体现不够的问题\n2024年，医院门诊次均费用286.4元、住院次均费用9872元，均低于全省同级医院平均水平；"
        "药占比27.6%，耗材占比19.8%。\n"
        "2.关于急诊改造问题整改不到位的问题\n按照2024年12月31日前整改到位的要求，医院投入资金460万元实施急诊改造工程，"
        "目前主体工程已完工，但设备安装调试尚未完成。\n附属医院党委\n2025年4月15日\n")
    status = _statuses(tmp_path, feedback, report)
    assert [status[k] for k in ("1", "2")] == ["weak", "overdue"]


def test_audit_last_heading_naming_its_problem_without_guanyu_is_no_plans_part(tmp_path):
    """七、X整顿问题。<answer>\\n下一步,… : the last heading names its problem (…问题, without 关于), so the 下一步 closing
    the report does not make its answer a plan (pairs_blind41 s3: the answer was called planned_only)."""
    feedback = (
        "县委第二巡察组向某镇党委反馈巡察情况\n近日，县委第二巡察组向某镇党委反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.村务公开不及时，财务收支未按季度公开。\n2.农村基层党组织软弱涣散，2个村党组织书记长期不在岗。\n"
        "巡察组要求，镇党委要切实抓好整改。\n")
    report = (
        "某镇党委关于巡察反馈问题整改情况的报告\n县委巡察办：\n"
        "一、村务公开不及时问题。制定《村务公开目录》，2021年10月5日公开第三季度财务收支明细。\n"
        "二、软弱涣散村党组织整顿问题。调整2名长期不在岗的村党组织书记，由镇班子成员包村开展整顿。\n"
        "下一步，镇党委将坚持整改不停步、标准不降低，持续巩固整改成果。\n某镇党委\n2021年12月20日\n")
    status = _statuses(tmp_path, feedback, report)
    assert [status[k] for k in ("1", "2")] == ["addressed", "addressed"]


def test_audit_a_document_only_abided_by_is_no_evidence(tmp_path):
    """A ledger row whose answer is 严格执行《…条例》 and slogans (pairs_blind42 s3 #7): the cited document was not made
    by the unit, it lends the answer nothing (weak); one it revised (修订《…办法》) does."""
    feedback = (
        "集团党委第一巡察组向水务公司党委反馈巡察情况\n2016年11月25日，集团党委第一巡察组向水务公司党委反馈巡察情况。巡察组指出：\n"
        "1.选人用人不规范，2015年提拔的中层干部未经民主推荐。\n2.公务接待管理不规范，超标准接待问题仍有发生。\n"
        "巡察组要求，公司党委要切实抓好整改。\n")
    report = (
        "水务公司党委关于巡察整改情况的报告\n集团党委巡察办：\n现将整改情况报告如下：\n"
        "序号\t问题\t整改措施\t责任部门\t完成时限\t整改进展\n"
        "1\t选人用人不规范\t严格执行《党政领导干部选拔任用工作条例》，坚持好干部标准，树立正确用人导向\t党群工作部\t长期坚持\t已完成\n"
        "2\t公务接待管理不规范\t修订《公务接待管理办法》，实行接待清单与费用凭证逐一核对\t综合部\t2017年2月28日前\t已完成\n"
        "水务公司党委\n2017年5月31日\n")
    status = _statuses(tmp_path, feedback, report)
    assert [status[k] for k in ("1", "2")] == ["weak", "addressed"]


@pytest.mark.parametrize(("answer", "expected"), [
    # an audit carried out now, for another problem, does not answer the audit findings (pairs_blind42 s3 #11)
    ("一、关于工程款支付不规范的问题\n委托第三方审计机构对3个管网改造项目开展竣工结算审计，审减工程款56.2万元，已全部追回。\n",
     "unaddressed"),
    # the audit named as the findings' source answers them (pairs_blind3 r3 #9: 市审计局指出的)
    ("一、关于工程款支付不规范的问题\n委托第三方审计机构开展竣工结算审计，审减工程款56.2万元。\n"
     "二、关于审计发现问题整改不彻底的问题\n针对2015年集团审计局指出的2个问题，修订《资金支付管理办法》，收回违规支付款项18万元。\n",
     "addressed"),
])
def test_audit_an_audit_done_now_is_no_answer_to_earlier_audit_findings(tmp_path, answer, expected):
    feedback = (
        "集团党委第一巡察组向水务公司党委反馈巡察情况\n2016年11月25日，集团党委第一巡察组向水务公司党委反馈巡察情况。巡察组指出：\n"
        "1.审计发现问题整改不彻底，2015年集团审计指出的4个问题中有2个至今未整改。\n2.工程款支付不规范，存在未结算即付款问题。\n"
        "巡察组要求，公司党委要切实抓好整改。\n")
    report = "水务公司党委关于巡察整改情况的报告\n集团党委巡察办：\n现将整改情况报告如下：\n" + answer + "水务公司党委\n2017年5月31日\n"
    status = _statuses(tmp_path, feedback, report)
    assert (status["1"], status["2"]) == (expected, "addressed")


def test_audit_last_field_answered_on_its_line_before_the_plans_run(tmp_path):
    """(二)经费使用方面。<acts>\\n下一步,…:一是…;二是…: the report's closing plans run on under its last field, whose own
    line answers its problem (pairs_blind43 s4: the field was read as the plans part and its answer lost)."""
    feedback = (
        "区委第四巡察组向某社区党委反馈巡察情况\n近日，区委第四巡察组向某社区党委反馈了巡察情况。问题清单如下：\n"
        "问题1：党员管理不规范，流动党员底数不清。\n问题2：社区工作经费使用不规范，存在以会议费名义列支节日慰问品支出问题。\n"
        "巡察组要求，社区党委要切实抓好整改。\n")
    report = (
        "某社区党委关于区委巡察反馈问题整改进展情况的报告\n区委巡察办：\n现将整改进展情况报告如下。\n"
        "（一）党员管理方面。对全体党员逐一摸排，建立流动党员信息台账，掌握21名流动党员的去向和联系方式。\n"
        "（二）经费使用方面。对以会议费名义列支的节日慰问品支出0.86万元进行调账更正，制定《社区工作经费使用管理规定》。\n"
        "下一步，社区党委将持续巩固整改成果：一是积极推动老旧楼栋加装电梯；二是继续加大欠租清收力度。\n"
        "某社区委员会\n2025年12月30日\n")
    status = _statuses(tmp_path, feedback, report)
    assert [status[k] for k in ("1", "2")] == ["addressed", "addressed"]


def test_audit_overdue_when_a_ledger_rows_measures_leave_work_unfinished_past_its_deadline(tmp_path):
    """序号/问题/整改措施/完成时限/完成情况: …已完成4个项目后评价,其余3个…正在开展 / 2024年2月底前 / 已完成, published on
    3月28日 (pairs_blind44 s3): the measures cell says what is unfinished, the deadline has passed; the row's 已完成
    label does not undo that (a completion inside the measures cell after the unfinished words still would)."""
    feedback = ("集团党委第二巡察组向新能源公司党委反馈巡察情况\n巡察组指出，存在以下问题：\n"
                "1.投资项目后评价工作缺失，已投产的7个项目均未开展后评价。\n2.合同管理不规范，部分合同未经法律审核。\n"
                "巡察组要求，公司党委要切实抓好整改。\n")
    ledger = ("新能源公司党委关于巡察整改进展情况的报告\n现将整改进展情况报告如下。\n"
              "序号\t反馈问题\t整改措施\t完成时限\t完成情况\n"
              "1\t投资项目后评价缺失\t制定《投资项目后评价管理办法》，已完成4个项目后评价，其余3个项目后评价工作正在开展。\t2024年2月底前\t已完成\n"
              "2\t合同管理不规范\t对2023年以来签订的合同开展法律审核，补审合同46份，其余合同审核工作正在开展，目前已全部完成。\t2024年2月底前\t已完成\n"
              "新能源公司党委\n2024年3月28日\n")
    status = _statuses(tmp_path, feedback, ledger)
    assert [status["1"], status["2"]] == ["overdue", "addressed"]


def test_audit_a_deadline_is_the_problem_that_shares_most_of_its_sentence(tmp_path):
    """对2个后进村党支部…原定于三季度末前完成整顿转化。目前…仍在进行中 then 举办“三会一课”专题培训班… in one paragraph run
    (pairs_blind44 s2 P8): the missed date is the 软弱涣散 problem's, which shares more of that sentence, not the 三会一课
    problem's, which shares only 支部 there and has its own, finished measure."""
    feedback = (
        "市委第一巡察组向柳河镇党委反馈巡察情况\n2019年4月10日，市委第一巡察组向柳河镇党委反馈巡察情况。巡察组指出，"
        "在基层党组织建设方面，一是软弱涣散村党组织整顿不彻底，3个村党支部长期处于软弱涣散状态；"
        "二是“三会一课”制度落实不到位，部分支部会议记录不全。\n巡察组要求，镇党委要切实抓好整改。\n")
    report = (
        "柳河镇党委关于巡察整改进展情况的通报\n现将整改进展情况通报如下。\n一、夯实基层基础\n"
        "一是推动软弱涣散村党组织整顿。对3个软弱涣散村党支部实行镇领导包村，原定于6月底前完成整顿转化。目前，东坡村党支部已完成整顿，"
        "其余2个村党支部整顿工作仍在进行中。\n"
        "二是规范党内组织生活。举办支部书记“三会一课”专题培训班3期、培训95人次，对各支部会议记录开展季度抽查，共抽查记录180份。\n"
        "中共柳河镇委员会\n2019年9月20日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "overdue", "2": "addressed"}


def test_audit_poverty_relief_in_the_reports_own_words_answers_it(tmp_path):
    """脱贫攻坚…贫困户帮扶措施针对性不强 answered under 聚焦精准扶贫 by 对全镇…建档立卡户逐户“回头看” (pairs_blind44 s2 P1): one
    name for the households and for the campaign on both sides (models/problem_action_terms.tsv)."""
    feedback = (
        "县委第二巡察组向河口镇党委反馈巡察情况\n2018年6月5日，县委第二巡察组向河口镇党委反馈巡察情况。巡察组指出，"
        "一是脱贫攻坚责任落实不够到位，部分贫困户帮扶措施针对性不强；二是意识形态工作责任制落实不力。\n巡察组要求，镇党委要切实抓好整改。\n")
    report = (
        "河口镇党委关于巡察整改进展情况的通报\n现将整改进展情况通报如下。\n一、聚焦精准扶贫，确保帮扶实效\n"
        "组织镇村干部对全镇412户建档立卡户逐户走访，重新核定致贫原因，调整帮扶计划，新增产业帮扶项目9个、公益岗位30个。\n"
        "二、压实意识形态工作责任\n镇党委专题研究意识形态工作2次，制定《意识形态工作责任清单》。\n"
        "中共河口镇委员会\n2018年11月2日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "addressed", "2": "addressed"}


def test_audit_a_speakers_plan_for_the_earlier_findings_in_themed_prose(tmp_path):
    """厅党组表示,下一步将对近三年审计、巡视发现的问题建立整改台账… (pairs_blind45 s4 P8): a plans paragraph, though each of
    its sentences speaks of rectification, and it names the findings' sources: the problem about them is planned_only."""
    feedback = ("省委第二巡视组向省林业厅党组反馈专项巡视情况\n2016年5月10日，省委第二巡视组向省林业厅党组反馈专项巡视情况。"
                "巡视组指出，一是林权审批把关不严，部分林权证违规发放；二是对审计、巡视等发现问题整改不到位，屡查屡犯。\n"
                "巡视组要求，厅党组要切实抓好整改。\n")
    report = ("省林业厅党组关于巡视整改情况的通报\n根据省委统一部署，省委第二巡视组对省林业厅进行了专项巡视。现将整改情况予以通报。\n"
              "在林权审批方面，对2013年以来发放的林权证开展全面清查，注销违规发放的林权证12本，给予2名相关人员党纪处分。\n"
              "厅党组表示，下一步将对近三年审计、巡视发现的问题建立整改台账，逐项明确整改责任和整改时限。同时，巩固已有整改成果。\n"
              "（发布时间：2016年11月20日）\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "addressed", "2": "planned_only"}


def test_audit_a_ledger_copied_one_cell_per_line_is_read_by_its_rows(tmp_path):
    """pairs_blind47 s2: the report's 整改台账 copied one cell per line; each row's 完成时限 stood alone on a line, so
    deadlines passed looked unmet beside rows that say 已完成, and rows still under way were found by none."""
    feedback = ("省委巡视组反馈意见\n巡视发现的主要问题：\n1.国有资产监管存在漏洞，闲置土地长期未盘活。\n"
                "2.违规发放津贴补贴问题屡禁不止。\n3.应收账款清收问题仍未解决。\n")
    report = ("关于巡视整改进展情况的通报\n截至2025年6月30日，整改情况如下。\n序号\n反馈问题\n整改措施\n责任部门\n完成时限\n完成情况\n"
              "1\n国有资产监管存在漏洞\n全面清查闲置土地\n资产管理部\n2024年12月底前\n已完成。盘活闲置土地386亩。\n"
              "2\n违规发放津贴补贴\n开展专项清理\n人力资源部\n2024年12月底前\n已完成。清退违规发放津贴补贴418.6万元，给予处分5人。\n"
              "3\n应收账款清收问题仍未解决\n建立清收台账\n财务管理部\n2024年12月底前\n正在推进。累计清收1.8亿元，剩余0.9亿元正在清收。\n"
              "\n中共某某集团委员会\n2025年7月15日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "addressed", "2": "addressed", "3": "overdue"}


def test_audit_a_missed_date_with_a_share_of_the_work_done_is_overdue(tmp_path):
    """pairs_blind47 s5 P6: 工程原定于2025年6月底前完工,…目前已完成工程量的70%,预计9月底前完工 — the share done
    (已完成…的70%) read as the work done, and the missed date as kept."""
    feedback = "市委巡察组反馈意见\n巡察发现的主要问题：\n1.农村饮水安全工程运行管护薄弱，部分村集中供水工程水质检测不达标。\n"
    report = ("关于巡察整改进展情况的报告\n（一）农村供水保障方面\n针对部分农村集中供水工程水质不达标问题，制定农村饮水水质提升工程实施方案，"
              "工程原定于2025年6月底前完工，受汛期降雨影响，目前已完成工程量的70%，预计2025年9月底前完工。\n"
              "中共某某市水利局党组\n2025年8月5日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "overdue"}


def test_audit_meetings_conveyed_instructions_and_pledges_alone_are_weak(tmp_path):
    """pairs_blind47 s5 P8, s3 P10: 召开党组会议12次专题研究…,传达学习…精神,签订…责任书15份 answers 对下属单位日常监督缺失
    with talk and paper, counted: no act on the problem (the counts made it addressed)."""
    feedback = ("市委巡察组反馈意见\n巡察发现的主要问题：\n1.党组落实全面从严治党主体责任不够有力，对下属事业单位日常监督缺失。\n"
                "2.公务用车管理不规范，存在公车私用现象。\n")
    report = ("关于巡察整改进展情况的报告\n一、关于主体责任落实不够有力的问题\n局党组召开党组会议12次专题研究全面从严治党工作，"
              "传达学习中央、省、市纪委全会精神，与局属单位签订党风廉政建设责任书15份。\n二、关于公务用车管理不规范的问题\n"
              "对全局12辆公务用车加装北斗定位，追回私用油费0.86万元，对2名驾驶员进行诫勉谈话。\n中共某某市水利局党组\n2025年8月5日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "weak", "2": "addressed"}


@pytest.mark.parametrize("answer", [
    "意识形态阵地管理覆盖率达到100%。",
    "二级学院党政联席会议制度执行率达到100%。",
    "2022年一季度,横向课题到账经费同比增长12.4%,科研成果转化率较上年提高3.1个百分点。",
    "窗口群众满意率达到98.6%,“一次办好”事项占比达到95%以上。",
])
def test_audit_an_indicators_level_or_rise_alone_is_weak(tmp_path, answer):
    """pairs_blind48 s1 P7, s3 P2/P3/P8: rates, shares and their rises say where things stand, not what was done.
    (s3 P8's 议事规则制定率100% still reads as an act: the verb 制定 inside the rate's name.)"""
    feedback = "省委巡视组反馈意见\n巡视发现的主要问题：\n1.服务地方能力不强，意识形态阵地、党政联席会议、横向课题和窗口服务都有短板。\n"
    report = f"关于巡视整改进展情况的报告\n一、关于服务地方能力不强的问题\n{answer}\n中共某某学院委员会\n2022年5月20日\n"
    assert _statuses(tmp_path, feedback, report) == {"1": "weak"}


@pytest.mark.parametrize("still", ["尚有52套因用地征收未完成仍未开工", "其余52套还未开工"])
def test_audit_still_not_begun_after_its_date_is_overdue(tmp_path, still):
    """pairs_blind49 s1 P1: 应于2017年12月底前全部开工。截至2018年3月15日,已开工96套,尚有52套…仍未开工 — 仍未/还未 say the
    work is unfinished as 尚未 does (the report read as addressed)."""
    feedback = "县委巡察组反馈意见\n巡察发现的主要问题：\n1.保障性住房建设滞后，2016年度计划开工的公租房360套，实际开工仅212套。\n"
    report = ("关于巡察整改进展情况的报告\n一、保障性住房建设。按照整改方案，剩余148套公租房应于2017年12月底前全部开工。"
              f"截至2018年3月15日，已开工96套，{still}。\n中共某某县住房和城乡建设局党组\n2018年3月20日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "overdue"}


@pytest.mark.parametrize("reach", ["覆盖干部职工260人次", "签订率100%", "参学率100%"])
def test_audit_the_reach_of_education_alone_is_weak(tmp_path, reach):
    """pairs_blind49 s2 P11, s4 P3: 召开…专题会议2次,开展警示教育1场,覆盖干部职工260人次 — how many the talk reached is
    no act on the problem (the figure made it addressed)."""
    feedback = "省委巡视组反馈意见\n巡视发现的主要问题：\n1.后勤基建领域廉政风险防控不力，工程变更签证管理不规范。\n"
    report = ("关于巡视整改进展情况的报告\n一、关于工程变更签证管理不规范的问题\n召开后勤基建领域廉政风险防控专题会议2次，"
              f"开展警示教育1场，{reach}。\n中共某某学院委员会\n2022年1月10日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "weak"}


def test_audit_generic_words_are_judged_on_the_problems_own_sentences(tmp_path):
    """pairs_blind49 s4 P3: the section over 一是 (study, pledges, their rate) also holds 二是's sanction of another
    problem; that act answered this problem's generic words too (read as addressed)."""
    feedback = ("省委巡视组反馈意见\n巡视发现的主要问题：\n1.集团党委主体责任落实不到位，对下属企业党风廉政建设责任制考核流于形式。\n"
                "2.对问题线索处置不规范，以谈话函询方式了结问题线索5件。\n")
    report = ("关于巡视整改进展情况的报告\n一、强化党的领导，切实扛起“两个责任”\n集团党委坚持把抓好党风廉政建设作为分内之事。"
              "一是层层压实责任。集团党委专题学习党风廉政建设责任制有关规定6次，与下属32家企业层层签订党风廉政建设责任书，签订率100%。"
              "二是规范线索处置。集团纪委对以谈话函询方式了结的5件问题线索重新梳理，给予1名下属企业副总经理党内警告处分。\n"
              "中共某某集团委员会\n2016年1月25日\n")
    assert _statuses(tmp_path, feedback, report)["1"] == "weak"


VILLAGE_FEEDBACK = ("县委巡察组反馈意见\n巡察发现的主要问题：\n1.村务财务公开不及时，2023年第三、四季度财务收支未按时公开。\n"
                    "2.群众反映强烈的灌溉水渠年久失修问题长期未得到解决。\n"
                    "3.村“两委”班子年龄结构老化，缺乏后备力量，35岁以下后备干部仅有1名。\n")
VILLAGE_REPORT = ("石坝村党支部关于巡察反馈问题整改进展情况的汇报\n一、账目公开的事。去年第三、四季度没公开的账，5月8日已经补公开了。\n"
                  "二、灌溉水渠的事。修水渠已经列进了村里的计划，准备申请县里的资金，力争明年春耕前完工。\n"
                  "三、班子建设的事。村“两委”多次开会研究后备干部培养的事，大家思想上都很重视。\n\n"
                  "总的来说，我们的整改还有不少差距，下一步我们要再加把劲，把问题都改到位。\n中共某某村支部委员会\n2024年10月15日\n")


def test_audit_a_villages_matter_headings(tmp_path):
    """pairs_blind49 s3: 二、灌溉水渠的事。 names the problem it answers as 关于X的问题 does (the plan shared too few words
    to count: unaddressed); 修水渠已经列进了村里的计划 puts the work into a plan, no work done; 三、班子建设的事, the last
    heading, is no plans part though the closing paragraph speaks of 下一步 (its talk was read as a plan)."""
    assert _statuses(tmp_path, VILLAGE_FEEDBACK, VILLAGE_REPORT) == {"1": "addressed", "2": "planned_only", "3": "weak"}


def test_audit_a_sentence_counting_on_speaks_of_the_one_before(tmp_path):
    """pairs_blind49 s5 P1: under a heading answering two problems, 另1家原计划于9月底前查结,…尚未查结 goes on from the
    sentence on the reported hospitals: the missed date is theirs, not the audits' (both read as overdue)."""
    feedback = ("县委巡察组反馈意见\n巡察发现的主要问题：\n1.医保基金日常稽核覆盖不全，2024年仅稽核定点医药机构41家。\n"
                "2.欺诈骗保问题查处不力，对群众举报的2家民营医院虚构住院问题未及时调查处理。\n")
    report = ("关于巡察整改进展情况的报告\n一、关于“基金监管宽松软、稽核查处跟不上”的问题\n"
              "一是稽核实现全覆盖。2025年6月至11月，对全县138家定点医药机构开展全覆盖现场稽核，追回违规医保基金86.3万元。"
              "二是举报线索查处。群众举报的2家民营医院虚构住院问题，已对其中1家查结，追回医保基金41.7万元；"
              "另1家原计划于2025年9月底前查结，因涉及病历司法鉴定推迟至2025年12月底，目前鉴定仍未完成，尚未查结。\n"
              "中共某某县医疗保障局党组\n2026年1月12日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "addressed", "2": "overdue"}


def test_audit_a_place_that_names_the_problem_it_answers(tmp_path):
    """pairs_blind49 s1 P5: (二)组织生活。组织全体党员集中学习…4次,参学率100%。(对应反馈问题第2项) answers the 三会一课
    problem in words it shares none of (unaddressed); the note says which (weak: study and its reach only)."""
    feedback = ("县委巡察组反馈意见\n巡察发现的主要问题：\n1.对建筑市场监管不到位，对在建项目的质量安全执法检查不足。\n"
                "2.“三会一课”制度落实不严格，机关第二支部2016年党员大会仅召开1次，会议记录内容简单。\n")
    report = ("关于巡察整改进展情况的报告\n（一）建筑市场监管。制定《在建工程质量安全季度执法检查制度》，检查在建项目47个，"
              "下发整改通知书19份。（对应反馈问题第1项）\n（二）组织生活。组织全体党员集中学习《关于新形势下党内政治生活的若干准则》"
              "等制度规定4次，参学率100%。（对应反馈问题第2项）\n中共某某县住房和城乡建设局党组\n2018年3月20日\n")
    assert _statuses(tmp_path, feedback, report) == {"1": "addressed", "2": "weak"}


def test_audit_a_problem_only_named_in_the_reports_opening_is_weak(tmp_path):
    """对巡察指出的干部人事档案管理不规范等问题,党组高度重视,要求…深刻反思 in the opening, and no place answering it
    (pairs_blind54 s1 #11): the report names the problem and does nothing about it, weak, not unaddressed."""
    feedback = (
        "县委第一巡察组向县市场监管局党组反馈巡察情况\n近日，县委第一巡察组反馈了巡察情况。巡察组指出，存在以下问题：\n"
        "1.食品抽检计划完成率偏低。\n2.干部人事档案管理不规范，部分干部档案材料缺失。\n3.公务用车管理不严格。\n"
        "巡察组要求，局党组要切实抓好整改。\n")
    report = (
        "县市场监管局党组关于巡察整改进展情况的报告\n局党组成立整改工作领导小组，印发整改方案。对巡察指出的"
        "干部人事档案管理不规范等问题，党组高度重视，要求相关股室深刻反思、认真对待。\n"
        "一、食品抽检。增加抽检批次120批，抽检计划完成率达到100%。\n"
        "二、公车管理。9辆公务用车一律统一调度，安装北斗定位系统。\n县市场监管局党组\n2021年8月25日\n")
    statuses = _statuses(tmp_path, feedback, report)
    assert statuses["2"] == "weak"
    assert _statuses(tmp_path, feedback, report.replace("对巡察指出的干部人事档案管理不规范等问题，党组高度重视，"
                                                        "要求相关股室深刻反思、认真对待。", ""))["2"] == "unaddressed"
