"""Issue lists from feedback documents, CSV/XLSX problem lists and restating reports."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from pipeline.matching.issues import issues_from_feedback, issues_from_report, issues_from_table
from pipeline.normalize import normalize
from pipeline.records import Section

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "corpus" / "feedback_cq_tzb_2022_example.txt"
EXAMPLE_GOLD = ROOT / "corpus" / "gold" / "feedback_cq_tzb_2022_example.alignment.json"
CENTRAL = ROOT / "tests" / "fixtures" / "feedback_cq_tzb_2022_central_style.txt"
CENTRAL_GOLD = ROOT / "tests" / "fixtures" / "feedback_cq_tzb_2022_central_style.alignment.json"


PAIRS = ROOT / "tests" / "fixtures" / "pairs"


@pytest.mark.parametrize("path,gold", [
    (EXAMPLE, EXAMPLE_GOLD), (CENTRAL, CENTRAL_GOLD),
    (PAIRS / "a_feedback_xuncha.txt", PAIRS / "a_feedback_xuncha.alignment.json"),  # 具体表现:(1)…;(2)…
    (PAIRS / "b_feedback_oneliner.txt", PAIRS / "b_feedback_oneliner.alignment.json"),  # title quotes “主要是:……”
    (PAIRS / "b_feedback_terse.txt", PAIRS / "b_feedback_terse.alignment.json"),  # 9-12-character clauses
    (PAIRS / "cq_feedback_terse.txt", PAIRS / "cq_feedback_terse.alignment.json"),  # a one-clause last aspect
    (PAIRS / "cq_feedback_long.txt", PAIRS / "cq_feedback_long.alignment.json"),  # 12 problems, 42 ①② items
    (PAIRS / "a_feedback_aspects.txt", PAIRS / "a_feedback_aspects.alignment.json"),  # aspects only
])
def test_issues_feedback_lists_match_alignment_gold(path, gold):
    """Same ids as the alignment gold, each issue inside its gold entry's span: the gold spans keep
    the marker and the 具体表现, the list's spans follow the feedback-corpus guideline (without them)."""
    text = path.read_text(encoding="utf-8")
    found = issues_from_feedback(text)
    top = 2 if any(i.level == 2 for i in found) else 1  # an aspect-only list: the aspects are the issues
    issues = {i.issue_id: i for i in found if i.level == top}
    entries = json.loads(gold.read_text(encoding="utf-8"))["issues"]
    assert set(issues) == {e["id"] for e in entries}
    subs = {i.issue_id: i for i in found if i.level == 3}
    norm = normalize(text)
    for e in entries:
        it = issues[e["id"]]
        assert norm[it.start:it.end] == it.text
        assert it.text in normalize(e["text"])
        assert e["start"] <= it.start < it.end <= e["end"]  # inside the gold's (longer) span
        for m in e.get("manifestations", []):  # sub-items: the gold keeps the marker, the list does not
            sub = subs[m["id"]]
            assert sub.parent_id == e["id"] and _half_overlap((sub.start, sub.end), (m["start"], m["end"]))


def _half_overlap(a, b) -> bool:
    ov = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return 2 * ov >= a[1] - a[0] and 2 * ov >= b[1] - b[0]


def test_issues_feedback_numbered_aspects_are_parents():
    issues = issues_from_feedback(EXAMPLE.read_text(encoding="utf-8"))
    aspects = [i for i in issues if i.level == 1]
    assert [a.issue_id for a in aspects] == ["一", "二", "三", "四"]
    assert {i.parent_id for i in issues if i.level == 2} == {"一", "二", "三", "四"}


def test_issues_feedback_central_sentence_splits_aspects_and_problems():
    text = "巡视组指出,主要是:理论学习不够深入,议事协调机构作用发挥不充分;廉政风险防控有漏洞,课题经费管理不规范。巡视组要求,抓好整改。"
    issues = issues_from_feedback(text)
    assert [(i.issue_id, i.parent_id, i.level) for i in issues] == [
        ("A1", None, 1), ("1", "A1", 2), ("2", "A1", 2), ("A2", None, 1), ("3", "A2", 2), ("4", "A2", 2)]
    assert issues[-1].text == "课题经费管理不规范"
    assert text[issues[-1].start:issues[-1].end] == "课题经费管理不规范"


def test_issues_feedback_shi_enumeration_and_fullwidth():
    text = "巡视组指出，主要是：一是理论学习不够深入；二是选人用人不够规范；三是基层党建薄弱。"
    issues = issues_from_feedback(text)
    assert [i.issue_id for i in issues] == ["1", "2", "3"]
    assert issues[1].text == "选人用人不够规范"


def test_issues_feedback_manifestation_subitems():
    text = "一、政治建设有差距\n1.理论学习不够深入。具体表现为:学习计划性不强;研讨交流不充分。\n"
    issues = issues_from_feedback(text)
    subs = [i for i in issues if i.level == 3]
    assert [(s.issue_id, s.parent_id, s.text) for s in subs] == [
        ("1.1", "1", "学习计划性不强"), ("1.2", "1", "研讨交流不充分")]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_issues_table_autodetects_columns(tmp_path, suffix):
    df = pd.DataFrame({"序号": [1, 2, 3], "问题类别": ["政治建设", "政治建设", "从严治党"],
                       "存在问题": ["理论学习不够深入", "议事协调机构作用发挥不充分", "课题经费管理不规范"],
                       "责任单位": ["办公室", "研究室", "机关党委"], "整改时限": ["2022年6月底", "长期坚持", "2022年3月"]})
    path = tmp_path / f"list{suffix}"
    if suffix == ".csv":
        df.to_csv(path, index=False, encoding="utf-8-sig")
    else:
        df.to_excel(path, index=False)
    issues = issues_from_table(path)
    probs = [i for i in issues if i.level == 2]
    assert [p.issue_id for p in probs] == ["1", "2", "3"]
    assert [p.parent_id for p in probs] == ["A1", "A1", "A2"]
    assert (probs[2].extra["owner"], probs[2].extra["deadline"], probs[2].extra["aspect"]) == ("机关党委", "2022年3月", "从严治党")


def test_issues_table_explicit_columns_and_gbk(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes("编码,内容\nX1,廉政风险排查不及时\n".encode("gb18030"))
    issues = issues_from_table(path, id_col="编码", problem_col="内容")
    assert [(i.issue_id, i.text) for i in issues] == [("X1", "廉政风险排查不及时")]


def _section(text: str, i: int, parent: int | None, level: int, label: str, title: str, marker: str) -> Section:
    """The Section of a numbered heading ``label + title`` (found once in ``text``), as the outline gives it."""
    s = text.index(label + title)
    return Section(i, parent, level, label, title, s, s + len(label + title), s, s + len(label),
                   s + len(label), s + len(label + title), 0, marker)


def test_issues_report_quoted_restatements():
    text = "一、关于“理论学习不够深入”问题的整改\n一是建立第一议题制度。\n二、针对“课题经费管理不规范”等问题\n一是印发办法。"
    issues = issues_from_report(text, [])
    assert [i.text for i in issues] == ["理论学习不够深入", "课题经费管理不规范"]
    assert text[issues[0].start:issues[0].end] == "理论学习不够深入"


def test_issues_report_restatements_with_and_without_quotes():
    text = ("(一)关于党的建设方面的问题\n1.关于“选人用人把关不严”的问题。整改情况:开展专项审核。\n"
            "2.关于基层党组织软弱涣散问题比较突出的问题。整改情况:整顿村党组织12个。\n"
            "3.关于食堂管理存在薄弱环节的问题\n整改情况:修订制度。")
    issues = issues_from_report(text, [])
    assert [i.text for i in issues] == ["选人用人把关不严", "基层党组织软弱涣散问题比较突出", "食堂管理存在薄弱环节"]
    assert all(text[i.start:i.end] == i.text for i in issues)


def test_issues_report_one_sentence_listing_the_feedbacks_problems():
    """反馈指出的问题共N个,分别是:A;B;C。 in a report: its items are the list (blind14's bank report), not the one
    problem an answer quotes later (针对“冒名贷款”问题)."""
    text = ("二、巡察反馈问题及整改落实情况\n县委第二巡察组反馈指出的问题共2个方面4个具体问题，分别是：党组理论学习不够深入；"
            "执法检查计划执行不严格，部分企业多年未检查；政府采购管理不规范，存在化整为零规避招标问题；干部教育培训针对性不强。\n"
            "（一）针对“化整为零”问题，对2019年以来采购项目逐一核查。")
    issues = issues_from_report(text, [])
    assert [i.text for i in issues if i.level == 2] == [
        "党组理论学习不够深入", "执法检查计划执行不严格,部分企业多年未检查", "政府采购管理不规范,存在化整为零规避招标问题",
        "干部教育培训针对性不强"]
    assert all(normalize(text)[i.start:i.end] == i.text for i in issues)


def test_issues_report_numbered_field_labels_give_the_statement_after_the_colon():
    """A 公示 of the rectification: 1.问题:X。 then 整改进展:…: the problem is X, not the label 问题."""
    text = "一、反馈的问题及整改进展\n1.问题:居务公开不及时,财务收支未公开。\n整改进展:已补充公开。\n2.问题:临时救助审核把关不严。\n整改进展:已逐户复核。"
    secs = [_section(text, 0, None, 1, "一、", "反馈的问题及整改进展", "cn_dun"), _section(text, 1, 0, 2, "1.", "问题", "arabic"),
            _section(text, 2, 0, 2, "2.", "问题", "arabic")]
    issues = issues_from_report(text, secs)
    assert [(i.level, i.text) for i in issues] == [(2, "居务公开不及时,财务收支未公开"), (2, "临时救助审核把关不严")]
    assert all(text[i.start:i.end] == i.text for i in issues)


def test_issues_report_numbered_headings_skip_plans():
    text = "一、整改情况\n(一)政治建设方面\n1.推进理论学习。建立制度。\n2.加强队伍建设。开展培训。\n二、下一步打算\n1.持续深化整改。"
    secs = [_section(text, 0, None, 1, "一、", "整改情况", "cn_dun"), _section(text, 1, 0, 2, "(一)", "政治建设方面", "cn_paren"),
            _section(text, 2, 1, 3, "1.", "推进理论学习", "arabic"), _section(text, 3, 1, 3, "2.", "加强队伍建设", "arabic"),
            _section(text, 4, None, 1, "二、", "下一步打算", "cn_dun"), _section(text, 5, 4, 2, "1.", "持续深化整改", "arabic")]
    issues = issues_from_report(text, secs)
    assert [(i.issue_id, i.level, i.text) for i in issues] == [
        ("A1", 1, "政治建设方面"), ("1", 2, "推进理论学习"), ("2", 2, "加强队伍建设")]


def test_issues_feedback_manifestations_in_parentheses():
    text = (PAIRS / "a_feedback_xuncha.txt").read_text(encoding="utf-8")
    subs = [i for i in issues_from_feedback(text) if i.parent_id == "4"]
    assert [(i.issue_id, i.level) for i in subs] == [("4.1", 3), ("4.2", 3)]
    assert subs[1].text == "个别项目资金被挤占挪用"  # marker and the problem's closing 。 are not part of it


def test_issues_table_fixture_columns():
    issues = issues_from_table(PAIRS / "a_problem_list.csv")
    probs = [i for i in issues if i.level == 2]
    assert len(probs) == 8 and (probs[4].extra["owner"], probs[4].extra["deadline"]) == ("机关党委", "立行立改")


@pytest.mark.parametrize("name,content,error_type", [
    ("empty.csv", b"", "unreadable_table"),
    ("one_cell.csv", "只有一行".encode(), "unreadable_table"),
    ("fake.xlsx", "不是压缩包".encode(), "unreadable_table"),
    ("missing.csv", None, "unreadable_file"),
])
def test_issues_table_unreadable_is_an_input_error(tmp_path, name, content, error_type):
    from pipeline.errors import InputError

    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as info:
        issues_from_table(path)
    assert info.value.error_type == error_type and name in info.value.reason


def test_issues_report_problem_blocks_and_their_inline_examples():
    """问题N: blocks of a progress 通报 (整改情况/整改进展 after each, blind15 police, blind19 port group): the
    restated problems are the blocks' statements; a (1)(2) run inside a block's line is no numbered problem
    heading but that problem's manifestations."""
    from pipeline.outline import parse_outline
    from pipeline.review import issue_list_from_text

    text = ("中共某市公安局委员会关于巡察整改进展情况的通报\n二、反馈问题整改落实情况\n"
            "问题一：学习贯彻党的创新理论不够深入系统。\n整改情况：开展专题研讨6次。已完成整改。\n"
            "问题二：执法规范化建设存在短板。具体表现为：（1）部分案件受案、立案不及时；（2）涉案财物管理不规范。\n"
            "整改情况：对1245起案件逐案复查。已完成整改。\n"
            "问题三：选人用人工作不够规范，部分科级领导干部长期未轮岗交流。\n整改情况：交流轮岗科级干部26名。\n")
    norm = normalize(text)
    restated = issues_from_report(norm, parse_outline(norm))
    assert [(i.level, i.text) for i in restated] == [
        (2, "学习贯彻党的创新理论不够深入系统"), (2, "执法规范化建设存在短板"),
        (3, "部分案件受案、立案不及时"), (3, "涉案财物管理不规范"),
        (2, "选人用人工作不够规范,部分科级领导干部长期未轮岗交流")]
    assert all(norm[i.start:i.end] == i.text for i in restated)
    listed = issue_list_from_text(text).issues
    assert [i.text for i in listed if i.level == 2] == [i.text for i in restated if i.level == 2]
