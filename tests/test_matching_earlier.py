"""Answers to problems about earlier findings in general (pipeline.matching.earlier), on texts of our own."""

from __future__ import annotations

import pytest

from pipeline.matching.earlier import about_earlier_findings


@pytest.mark.parametrize("text, general", [
    ("上轮巡察反馈问题整改不彻底，个别问题整改流于形式", True),
    ("对上轮巡视反馈问题和审计发现问题整改不彻底，个别问题反弹回潮", True),
    ("审计发现问题整改不到位", True),
    ("巡察、审计发现问题整改不到位", True),
    ("对审计、巡视等发现问题整改不到位，屡查屡犯", True),  # pairs_blind45 s4
    ("上轮巡察反馈问题整改不彻底，长效机制建设不足", True),
    # a field named: the answer may speak of the field without naming the round
    ("上轮巡察反馈的矿产资源出让收益征收问题整改不到位", False),
    ("上一轮巡察反馈问题整改不到位，村级集体资产清产核资工作推进缓慢", False),
    ("财务管理不规范，审计发现问题较多", False),
])
def test_earlier_findings_problem_in_general(text, general):
    assert about_earlier_findings(text) is general


FEEDBACK = (
    "县委第一巡察组向青山镇党委反馈巡察情况\n"
    "巡察组指出，镇党委存在以下问题：一是安全生产隐患排查整治不彻底，部分经营场所消防通道堵塞；"
    "二是惠农补贴发放审核把关不严，个别已迁出人员仍领取补贴；三是巡察、审计发现问题整改不到位。\n"
    "巡察组要求，镇党委要切实抓好整改。\n"
)
REPORT_NO_SOURCE = (
    "中共青山镇委员会关于巡察整改进展情况的报告\n"
    "一、安全生产方面。组织联合检查组排查经营场所820处，发现隐患136处，已整改到位131处，清理堵塞消防通道42处。\n"
    "二、惠农补贴方面。对2022年以来发放的惠农补贴逐户核查，追回违规领取补贴资金3.6万元。\n"
    "三、下一步工作。镇党委将持续巩固整改成果，确保问题整改到位。\n"
    "中共青山镇委员会\n2024年10月8日\n"
)
REPORT_WITH_SOURCE = REPORT_NO_SOURCE.replace(
    "三、下一步工作。",
    "对上轮巡察和区审计局指出的7个问题逐一复核，对出现反弹的2个问题重新制定措施，已全部整改销号。\n三、下一步工作。")


@pytest.mark.parametrize("report, status", [
    # 已整改到位 said of fire hazards, and a promise: no answer to the earlier round's problems
    (REPORT_NO_SOURCE, "unaddressed"),
    (REPORT_WITH_SOURCE, "addressed"),
])
def test_earlier_findings_answered_only_where_the_report_names_them(tmp_path, report, status):
    from pipeline.api import match

    feedback, path = tmp_path / "feedback.txt", tmp_path / "report.txt"
    feedback.write_text(FEEDBACK, encoding="utf-8")
    path.write_text(report, encoding="utf-8")
    issues = match(feedback, path)["issues"]
    statuses = dict(zip(issues["issue_id"], issues["status"]))
    assert statuses["3"] == status
    assert statuses["1"] == "addressed"


FEEDBACK_ROUND = FEEDBACK.replace("三是巡察、审计发现问题整改不到位。", "三是上轮巡察整改不到位，比如上轮巡察指出的内控制度不健全问题仅修订1项制度。")
REPORT_AUDIT_ONLY = REPORT_NO_SOURCE.replace(
    "追回违规领取补贴资金3.6万元。",
    "追回违规领取补贴资金3.6万元。修订内控制度2项，委托会计师事务所对补贴资金开展专项审计，整改问题5个。")


def test_earlier_findings_of_the_round_are_not_answered_by_an_audit_of_something_else(tmp_path):
    """上轮巡察整改不到位 (and its example) is answered where the report names the earlier round; an audit of the
    finances it commissioned names another source (pairs_blind14 c4): unaddressed."""
    from pipeline.api import match

    feedback, path = tmp_path / "feedback.txt", tmp_path / "report.txt"
    feedback.write_text(FEEDBACK_ROUND, encoding="utf-8")
    path.write_text(REPORT_AUDIT_ONLY, encoding="utf-8")
    issues = match(feedback, path)["issues"]
    statuses = dict(zip(issues["issue_id"], issues["status"]))
    assert statuses["3"] == "unaddressed"
    assert statuses["1"] == "addressed"


def test_matching_earlier_a_plan_place_without_a_rank_is_ranked_last():
    """pairs_blind45 s5: a problem about the earlier round's findings answered at a ranked place and, after the
    ranking, at a plan place (rank None) both naming that round: the review crashed comparing None with a rank."""
    from pipeline.matching.earlier import source_answers
    from pipeline.records import Issue, Match

    text = "对上轮巡察反馈的23个问题逐项开展“回头看”,重新认定4个。下一步,将对上轮巡察反馈问题开展第二次复核。"
    issue = Issue("1", None, 2, "上轮巡察反馈问题整改不彻底", None, None, None)
    plan = Match("1", "r", "measure", 2, 0.3, None, False, target_start=text.index("下一步"), target_end=len(text))
    ranked = Match("1", "r", "measure", 1, 0.2, 2, False, target_start=0, target_end=text.index("下一步"))
    for matches in ([plan, ranked], [ranked, plan]):
        dropped, promoted = source_answers(matches, [issue], text)
        assert dropped == set() and [matches[k] for k in promoted] == [ranked]
