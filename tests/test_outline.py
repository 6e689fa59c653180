"""Outline parser: the gold outline of the real report and other numbering styles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.normalize import normalize
from pipeline.lang.numerals import marker_number
from pipeline.outline import parse_outline

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "corpus" / "progress_cq_tzb_2022.txt"
GOLD = ROOT / "corpus" / "gold" / "progress_cq_tzb_2022.gold.json"


@pytest.fixture(scope="module")
def report_outline():
    text = normalize(REPORT.read_text(encoding="utf-8"))
    return text, parse_outline(text), json.loads(GOLD.read_text(encoding="utf-8"))["outline"]


def _tree(text: str):
    return [(s.level, s.label, s.title, s.parent_id) for s in parse_outline(normalize(text))]


def test_outline_gold_all_46_exact(report_outline):
    text, sections, gold = report_outline
    assert len(sections) == len(gold) == 46
    for sec, g in zip(sections, gold):
        assert (sec.label, sec.title, sec.level, sec.parent_id) == (g["label"], g["title"], g["level"], g["parent"])
        assert (sec.start, sec.end, sec.label_start, sec.label_end, sec.title_start, sec.title_end) == (
            g["start"], g["end"], g["label_start"], g["label_end"], g["title_start"], g["title_end"]
        )
        assert text[sec.start : sec.end] == sec.label + sec.title


def test_outline_body_end_stops_before_next_sibling(report_outline):
    text, sections, _ = report_outline
    by_label = {(s.label, s.title[:4]): s for s in sections}
    first_shi = by_label[("一是", "深化学深")]
    second_shi = by_label[("二是", "深化学用")]
    assert first_shi.body_end == second_shi.start
    last_shi = by_label[("三是", "深化思想")]
    assert text[last_shi.body_end] == "\n"  # an inline item ends with its paragraph
    top = sections[0]
    assert top.body_end <= by_label[("二、", "深挖问题")].start


def test_outline_county_report_fullwidth_markers():
    text = (
        "XX县委第二巡察组关于巡察XX镇党委情况的反馈意见\n"
        "一、贯彻落实党的路线方针政策方面\n"
        "（一）学习贯彻不够深入\n"
        "1、理论学习中心组学习不经常，2021年仅学习3次。\n"
        "2、学用结合不紧密。\n"
        "（二）落实上级决策部署有偏差\n"
        "1、乡村振兴项目推进缓慢。\n"
        "二、全面从严治党方面\n"
    )
    expected = [
        (1, "一、", "贯彻落实党的路线方针政策方面", None),
        (2, "(一)", "学习贯彻不够深入", 0),
        (3, "1、", "理论学习中心组学习不经常,2021年仅学习3次", 1),
        (3, "2、", "学用结合不紧密", 1),
        (2, "(二)", "落实上级决策部署有偏差", 0),
        (3, "1、", "乡村振兴项目推进缓慢", 4),
        (1, "二、", "全面从严治党方面", None),
    ]
    assert _tree(text) == expected
    # unnormalized full-width text gives the same tree shape
    raw = [(lv, title[:4], p) for lv, _, title, p in (
        (s.level, s.label, s.title, s.parent_id) for s in parse_outline(text))]
    assert raw == [(lv, normalize(title)[:4], p) for lv, _, title, p in expected]


def test_outline_feedback_skips_level_and_continues_numbering():
    text = (
        "巡视中发现了一些问题,主要是:\n"
        "一、政治建设方面\n"
        "1.理论学习不深入。学习计划性不强。\n"
        "(1)学习计划性不强;\n"
        "(2)研讨不充分。\n"
        "2.学用结合不紧。\n"
        "二、作风建设方面\n"
        "3.形式主义问题突出。\n"
    )
    assert _tree(text) == [
        (1, "一、", "政治建设方面", None),
        (2, "1.", "理论学习不深入", 0),
        (3, "(1)", "学习计划性不强", 1),
        (3, "(2)", "研讨不充分", 1),
        (2, "2.", "学用结合不紧", 0),
        (1, "二、", "作风建设方面", None),
        (2, "3.", "形式主义问题突出", 5),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "2022年1月共发现问题5个。",
        "1.5亿元项目资金未及时拨付。",
        "12.5%的党员未按时交纳党费。",
        "2022.3.1召开会议。",
        "统一是我们的任务。唯一是指这个,首要任务之一是学习。",
        "坚持“第一议题”制度,落实第一责任人责任。",
        "进一步加强学习,下一步继续推进。",
    ],
)
def test_outline_no_false_headings(line):
    text = "一、总体情况\n1.加强学习。\n" + line + "\n"
    labels = [s.label for s in parse_outline(text)]
    assert labels == ["一、", "1."]


def test_outline_inline_list_numbers_are_not_headings():
    text = "一、情况\n主要措施包括:1.加强学习;2.完善制度。\n"
    assert [s.label for s in parse_outline(text)] == ["一、"]


def test_outline_absurd_gap_rejected():
    text = "一、情况\n1.加强学习。\n2.完善制度。\n9.这不是标题。\n3.强化监督。\n"
    assert [s.label for s in parse_outline(text)] == ["一、", "1.", "2.", "3."]


def test_outline_ordinal_and_sequence_enumerations():
    text = (
        "一、下一步工作打算\n"
        "第一,加强学习,提升能力;第二,完善制度;第三,强化监督。\n"
        "二、工作方法\n"
        "首先,要统一思想;其次,强化落实;最后,加强监督。\n"
    )
    tree = _tree(text)
    assert [t[:2] for t in tree] == [
        (1, "一、"), (2, "第一,"), (2, "第二,"), (2, "第三,"),
        (1, "二、"), (2, "首先,"), (2, "其次,"), (2, "最后,"),
    ]
    assert tree[1][2] == "加强学习,提升能力"
    assert tree[6][3] == 4


def test_outline_shi_enumeration_needs_clause_start_and_sequence():
    text = "一、情况\n部务会研究部署,一是加强学习,二是完善制度。这是统一是非标准的问题,其一是说明。\n"
    labels = [(s.label, s.title) for s in parse_outline(text)]
    assert labels == [("一、", "情况"), ("一是", "加强学习"), ("二是", "完善制度")]
    lone = "一、情况\n部务会研究部署,一是加强学习。\n"
    assert [s.label for s in parse_outline(lone)] == ["一、"]  # comma-preceded lone 一是


def test_outline_line_initial_shi_paragraphs():
    text = "(一)加强学习\n一是深化理论学习。开展集中学习。\n二是强化学用结合。\n(二)完善制度\n"
    tree = _tree(text)
    assert tree == [
        (1, "(一)", "加强学习", None),
        (2, "一是", "深化理论学习", 0),
        (2, "二是", "强化学用结合", 0),
        (1, "(二)", "完善制度", None),
    ]


def test_outline_inline_circled_items():
    text = "一、整改落实\n措施:①建立台账;②完善制度。\n"
    assert [(s.label, s.title, s.level) for s in parse_outline(text)] == [
        ("一、", "整改落实", 1), ("①", "建立台账", 2), ("②", "完善制度", 2),
    ]


@pytest.mark.parametrize("s,value", [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("是", None)])
def test_outline_marker_number(s, value):
    assert marker_number(s) == value


def test_outline_space_after_marker_and_indent():
    text = "\u3000\u3000一、 总体情况\n  (一) 加强领导\n1. \n"
    tree = [(s.label, s.title, s.level, s.title_start) for s in parse_outline(normalize(text))]
    assert tree == [("一、", "总体情况", 1, 5), ("(一)", "加强领导", 2, 16)]


def test_outline_line_initial_circled_run_in_one_paragraph():
    """①…；②…；③… written as one paragraph: ① opens the run, it is not a heading of its own."""
    text = "（一）关于台账不全的问题\n①建立台账，已完成；②完善制度6项；③开展检查。\n（二）关于制度不全的问题\n①修订办法。\n"
    got = [(s.label, s.level, s.parent_id) for s in parse_outline(normalize(text))]
    assert got == [("(一)", 1, None), ("①", 2, 0), ("②", 2, 0), ("③", 2, 0), ("(二)", 1, None), ("①", 2, 4)]


def test_outline_problem_blocks_under_paren_headings_nest_below_them():
    """问题N: blocks under (一) aspects (heldout5 b): they rank below (一) there, and the next (二) closes them;
    the inline (1)(2) of their 整改进展 paragraph are their items."""
    text = normalize(
        "一、巡视反馈问题整改进展\n"
        "（一）关于落实决策部署方面\n"
        "问题1：学习贯彻不够深入。\n"
        "整改进展：（1）修订学习规则，开展集体学习12次；（2）举办读书班2期。该问题已整改完成。\n"
        "问题2：议事范围不清。\n"
        "整改进展：制定议事规则。\n"
        "（二）关于全面从严治党方面\n"
        "问题3：医保基金管理不规范。\n"
    )
    assert [(s.label, s.level) for s in parse_outline(text)] == [
        ("一、", 1), ("(一)", 2), ("问题1:", 3), ("(1)", 4), ("(2)", 4), ("问题2:", 3), ("(二)", 2), ("问题3:", 3),
    ]


def test_outline_problem_blocks_under_cn_dun_headings_keep_their_rank():
    text = normalize("一、政治建设方面\n问题一：学习不深入。\n（一）整改措施\n1.修订制度。\n二、作风建设方面\n问题二：作风不实。\n")
    assert [(s.label, s.level) for s in parse_outline(text)] == [
        ("一、", 1), ("问题一:", 2), ("(一)", 3), ("1.", 4), ("二、", 1), ("问题二:", 2),
    ]


def test_outline_inline_paren_numbers_need_a_run():
    # a lone (1) inside a sentence, and a year in brackets, are no enumeration
    text = normalize("一、整改落实\n依据（1）号文件开展整改，见（2023）年报告。\n")
    assert [s.label for s in parse_outline(text)] == ["一、"]


def test_outline_enumeration_inside_a_table_cell_is_no_heading():
    """(1)…;(2)… inside a 整改台账's cell (a row of tab-separated cells) is the cell's content, not headings
    (heldout6 b); the category line between the rows still is one."""
    text = normalize("一、整改台账\n序号\t反馈问题\t整改措施\t完成时限\n（一）落实惠民政策方面\n"
                     "1\t资助对象认定把关不严。\t（1）逐人复核资助对象；（2）清退不符合条件的资助资金。\t2024年12月底前\n")
    assert [(s.label, s.title) for s in parse_outline(text)] == [("一、", "整改台账"), ("(一)", "落实惠民政策方面")]


def test_outline_headings_whose_numbers_a_paste_lost():
    """A 通报 pasted from Word with its automatic numbering lost (heldout14 a): the bare part headings, the …方面
    fields one level under them, the 1) problems that kept their numbers, their 一是 measures."""
    text = normalize(
        "中共桐川市水务集团委员会关于巡察整改进展情况的通报\n现将整改进展情况通报如下。\n整改工作开展情况\n"
        "集团党委召开党委会研究部署整改工作，印发整改方案，建立问题、任务、责任三张清单。\n巡察反馈问题整改落实情况\n"
        "落实上级决策部署方面\n1)关于“供水管网改造滞后”的问题\n一是完成老旧管网改造12公里；二是新建加压泵站2座。\n"
        "落实全面从严治党责任方面\n1)关于“违规发放补贴”的问题\n一是清退违规发放的补贴3.2万元；二是修订《补贴发放管理办法》。\n"
        "下一步工作打算\n一是对正在推进的措施挂账督办；二是开展“回头看”。\n中共桐川市水务集团委员会\n2025年11月14日\n")
    got = [(s.level, s.label, s.title) for s in parse_outline(text) if not s.label.endswith("是")]
    assert got == [(1, "", "整改工作开展情况"), (1, "", "巡察反馈问题整改落实情况"), (2, "", "落实上级决策部署方面"),
                   (3, "1)", "关于“供水管网改造滞后”的问题"), (2, "", "落实全面从严治党责任方面"),
                   (3, "1)", "关于“违规发放补贴”的问题"), (1, "", "下一步工作打算")]


@pytest.mark.parametrize("text", [
    "一、整改工作开展情况\n集团党委召开党委会研究部署整改工作，印发整改方案，建立三张清单。\n落实上级决策部署方面\n1.完成管网改造。\n",
    "整改情况\n集团党委召开党委会研究部署整改工作，印发整改方案，建立三张清单。\n",  # one such line: a remark as likely
])
def test_outline_bare_lines_are_no_headings_beside_numbered_parts_or_alone(text):
    assert all(s.label for s in parse_outline(normalize("标题\n" + text + "落款\n")))


def test_outline_a_posts_bracket_and_bullet_headings():
    """A report posted on WeChat (heldout18 b): 【…】 sub-heads alone on their lines at the top, ■ problem heads under
    them, ● measures under those, ▶ plans under the last sub-head; a rule line (————) closes the section above it."""
    text = ("某镇党委关于巡察整改情况的通报\n某镇发布 2025年07月18日\n————————————\n【整改进展】\n截至7月15日,8个问题已整改完成6个。\n"
            "■ 关于理论学习不深入的问题\n● 修订《理论学习中心组学习规则》,开展集体学习7次。(已完成)\n"
            "● 班子成员到14个村开展专题调研,形成调研报告6篇。(已完成)\n■ 关于“三资”管理不规范的问题\n"
            "● 对14个村的“三资”账目开展集中清理,清退误工补贴8.16万元。(已完成)\n————————————\n【下一步打算】\n"
            "▶ 对尚未完成的2个问题逐项明确时限。\n▶ 每半年开展1次整改“回头看”。\n————————————\n来源:某镇纪委\n")
    sections = parse_outline(text)
    assert [(s.level, s.label, s.title[:8]) for s in sections] == [
        (1, "", "【整改进展】"), (2, "■", "关于理论学习不深"), (3, "●", "修订《理论学习中"), (3, "●", "班子成员到14个"),
        (2, "■", "关于“三资”管理"), (3, "●", "对14个村的“三"), (1, "", "【下一步打算】"), (2, "▶", "对尚未完成的2个"),
        (2, "▶", "每半年开展1次整")]
    last_measure = sections[5]
    assert text[last_measure.start:last_measure.body_end].endswith("(已完成)")  # not the rule line below it


def test_outline_measures_numbered_inline_after_the_fields_name():
    """问题1:…\\n整改措施:1.修订…;2.举办…\\n整改结果:… (heldout19 b): the numbers after 整改措施: are items of their own under
    the problem, not words of one line; a figure like 4.26万元 inside an item is none."""
    text = ("一、整改工作总体情况\n局党组成立整改工作领导小组。\n二、巡察反馈问题整改情况\n"
            "问题1：理论学习不够深入。\n整改措施：1.修订《理论学习中心组学习制度》，今年以来集中学习9次；2.举办“大讲堂”4期，培训260人次。\n"
            "整改结果：已完成整改。\n问题2：违规发放津补贴。\n整改措施：1.清查津补贴发放情况，督促退缴4.26万元；2.给予2名负责人党纪处分。\n"
            "整改结果：已完成整改。\n")
    sections = parse_outline(normalize(text))
    assert [(s.level, s.label) for s in sections] == [
        (1, "一、"), (1, "二、"), (2, "问题1:"), (3, "1."), (3, "2."), (2, "问题2:"), (3, "1."), (3, "2.")]


def test_outline_the_plans_numbered_inline_after_their_lead():
    """下一步,街道党工委将…盯住不放:1.…;2.…;3.… (heldout25 b): the plans numbered inline after the lead's colon are
    items, and planned; an answer's 整改措施及成效:1.…。2.… (pairs_blind35 s4) stays its problem's text."""
    from pipeline.document import analyze_text

    plans = ("下一步,街道党工委将坚持标准不降,对尚未完成的整改任务盯住不放:1.对正在推进的两个问题挂图作战,确保年底前全部完工;"
             "2.对已完成整改的问题开展“回头看”,每半年至少开展一次;3.建立健全长效机制。")
    text = "一、整改进展\n①针对学习不深的问题,开展集中学习八次,已整改完成。\n" + plans + "\n欢迎社会各界监督。\n"
    result = analyze_text(text)
    items = [s for s in result.sections if s.label in ("1.", "2.", "3.")]
    assert [s.label for s in items] == ["1.", "2.", "3."]
    assert [m.status for m in result.measures if m.start >= text.index("1.对")] == ["planned"] * 3
    answer = "问题1:低保金发放监管不严。\n整改措施及成效:1.入户核查412户。2.追回冒领低保金3.84万元。\n"
    assert [s.label for s in parse_outline(normalize(answer))] == ["问题1:"]


@pytest.mark.parametrize("text,expected", [
    ("📌一、整改工作总体情况\n局党组高度重视。\n📌二、反馈问题整改进展\n▲关于“河湖长制落实不到位”的问题\n", [(1, "一、"), (1, "二、"), (2, "▲")]),
    ("◆1、学习不够深入\n◆2、经费管理不严\n", [(1, "1、"), (1, "2、")]),
])
def test_outline_decoration_before_a_numbered_heading(text, expected):
    """📌一、… / ◆1、… (heldout22 b): the emoji or symbol decorates the numbered heading after it, which is read as
    numbered (regression: the line was no heading at all, and its sections fell under the one above)."""
    assert [(s.level, s.label) for s in parse_outline(normalize(text))] == expected


def test_outline_a_lead_tag_opens_the_run_on_its_line():
    """▲关于…的问题\\n【整改进展】一是…;二是… (heldout22 b): the tag before 一是 opens the run as a colon would; the items
    are the heading's (regression: the line's items were not read)."""
    text = normalize("一、反馈问题整改进展\n▲关于“项目管理不规范”的问题\n【整改进展】一是开展全面清查，整改问题14个；二是追回工程款86.3万元。\n"
                     "▲关于“河湖长制落实不到位”的问题\n【整改进展】一是巡河4860人次；二是查处案件11件。\n")
    assert [(s.level, s.label) for s in parse_outline(text)] == [
        (1, "一、"), (2, "▲"), (3, "一是"), (3, "二是"), (2, "▲"), (3, "一是"), (3, "二是")]


def test_outline_a_web_pages_subtitle_and_controls_are_no_headings():
    """heldout23 b: ——… under the title is its subtitle, 【相关阅读】 and 【打印】 are the page's; the article's 一是… stay."""
    text = ("平川县：以钉钉子精神推动巡视整改\n——巡视反馈问题整改完成率达90.2%\n来源：平川日报　【打印】【关闭】\n"
            "本报讯　截至11月底，平川县已完成整改任务80项。对此，平川县坚持两手抓：一是新建供水工程12处；二是建立管护机制。\n"
            "责任编辑：王某\n【相关阅读】\n某市：巡察整改“回头看”发现问题27个　2024-10-28\n")
    assert _tree(text) == [(1, "一是", "新建供水工程12处", None), (1, "二是", "建立管护机制", None)]


@pytest.mark.parametrize("plans_after,forward", [
    (True, ["下一步工作打算"]),  # pairs_blind45 s5: the lasting mechanisms built, then the plans
    (False, ["健全长效机制,巩固整改成果"]),  # the last part, 巩固整改成果 names the plans
])
def test_outline_a_heading_on_keeping_the_results_before_the_plans_is_no_plans_part(plans_after, forward):
    from pipeline.outline import forward_looking_sections

    text = normalize("县教育局关于巡察整改进展情况的报告\n一、压实整改责任\n召开党组会议7次。\n二、健全长效机制，巩固整改成果\n"
                     "修订出台《学校财务管理办法》，上轮巡察要求修订的5项制度已全部出台。\n"
                     + ("三、下一步工作打算\n一是持续巩固整改成果。二是计划于6月底前完成底数核查。\n" if plans_after else "")
                     + "中共某县教育局党组\n2026年3月20日\n")
    sections = parse_outline(text)
    assert [s.title for s in sections if s.section_id in forward_looking_sections(text, sections) and s.level == 1] == forward


def test_outline_bracketed_problem_numbers_are_headings():
    """pairs_blind53 s1: 【问题1】X。 then 【整改情况】… — 【问题N】 numbers its problem as 问题N: does (its value was
    read from 题1】, none: no heading, and every answer fell under the part's heading)."""
    text = normalize("二、具体问题整改情况\n【问题1】党委学习不够系统。\n【整改情况】局党委修订学习制度,开展学习6次。\n"
                     "【问题2】责任层层递减。\n【整改情况】局党委召开会议3次。\n三、下一步工作打算\n持续整改。\n")
    assert [(s.marker, s.title) for s in parse_outline(text) if s.marker == "problem"] == [
        ("problem", "党委学习不够系统"), ("problem", "责任层层递减")]
