"""Issue lists from feedback notices: one behaviour per test, on short notices written for the test."""

from __future__ import annotations

import pytest

from pipeline.issuelist import read_feedback
from pipeline.lang.script import to_simplified
from pipeline.normalize import normalize

MEETING = "根据县委统一部署，县委第一巡察组于2024年3月至4月对县农业农村局党组开展了常规巡察。5月10日，巡察组反馈了巡察情况。\n"
PRAISE = "巡察组认为，局党组在粮食生产、乡村建设等方面做了大量工作。"
DEMAND = "巡察组要求，局党组要切实履行整改主体责任，一是要提高政治站位；二是要压实整改责任；三是要建立长效机制。\n"
PLEDGE = "局党组书记表示，将照单全收、逐条整改。\n"


def _problems(text: str) -> list[str]:
    return [i.text for i in read_feedback(text).issues if i.level == 2]


def _levels(text: str, level: int) -> list[str]:
    return [i.text for i in read_feedback(text).issues if i.level == level]


def _aspects_and_problems(text: str) -> tuple[list[str], list[str]]:
    found = read_feedback(text).issues
    return [i.text for i in found if i.level == 1], [i.text for i in found if i.level == 2]


@pytest.mark.parametrize("body,expected", [
    # 一是… in one paragraph after a lead; the 一是要 demand list after it is no finding
    ("巡察发现的主要问题是：一是理论学习不够深入，学用结合不紧；二是惠农资金管理不规范；三是基层党建薄弱。\n",
     ["理论学习不够深入,学用结合不紧", "惠农资金管理不规范", "基层党建薄弱"]),
    # numbered lines 1、 without aspects
    ("巡察组指出了以下问题：\n1、理论学习不够深入。\n2、惠农资金管理不规范，存在虚报冒领现象。\n3、基层党建薄弱。\n",
     ["理论学习不够深入", "惠农资金管理不规范,存在虚报冒领现象", "基层党建薄弱"]),
    # 其一/其二 ordinals, one paragraph each
    ("巡察发现了一些问题。\n其一，理论学习不够深入。\n其二，惠农资金管理不规范。\n",
     ["理论学习不够深入", "惠农资金管理不规范"]),
    # unmarked ;-list
    ("巡察发现的主要问题有：\n理论学习不够深入，学用结合不紧；惠农资金管理不规范，存在虚报冒领现象；基层党建薄弱，组织生活不规范；"
     "干部队伍老化；上轮巡察整改不到位，问题反弹；财务制度执行不严。\n",
     ["理论学习不够深入,学用结合不紧", "惠农资金管理不规范,存在虚报冒领现象", "基层党建薄弱,组织生活不规范", "干部队伍老化",
      "上轮巡察整改不到位,问题反弹", "财务制度执行不严"]),
])
def test_issues_layouts_give_the_problems_and_no_demands(body, expected):
    assert _problems(MEETING + PRAISE + body + DEMAND + PLEDGE) == expected


@pytest.mark.parametrize("body,expected", [
    ("巡察发现，局党组存在落实河长制不扎实、项目招投标监管不严、财务管理不规范等3个方面问题。\n",
     ["落实河长制不扎实", "项目招投标监管不严", "财务管理不规范"]),  # object list: one problem per element
    ("巡察发现，局党组存在理论学习、调查研究、谈心谈话等制度落实不到位的问题。\n",
     ["理论学习、调查研究、谈心谈话等制度落实不到位"]),  # shared predicate: one problem
])
def test_issues_object_lists_and_shared_predicates(body, expected):
    assert _problems(MEETING + PRAISE + body + DEMAND) == expected


def test_issues_list_closers_and_lead_verbs_stripped():
    text = MEETING + "巡察发现的主要问题是：一是存在违规发放津贴补贴的问题；二是对下属单位监督不力等问题。\n" + DEMAND
    assert _problems(text) == ["违规发放津贴补贴", "对下属单位监督不力"]


def test_issues_examples_are_manifestations_of_the_finding_before():
    text = MEETING + ("巡察也发现了一些问题。\n惠农资金管理不规范，审核把关不严。比如，有的村重复发放补贴；有的村虚报种植面积。"
                      "基层党建工作薄弱，组织生活流于形式。\n") + DEMAND
    issues = read_feedback(text).issues
    problems = [i for i in issues if i.level == 2]
    assert [p.text for p in problems] == ["惠农资金管理不规范,审核把关不严", "基层党建工作薄弱,组织生活流于形式"]
    manifestations = [(i.parent_id, i.text) for i in issues if i.level == 3]
    assert manifestations == [(problems[0].issue_id, "村重复发放补贴"), (problems[0].issue_id, "村虚报种植面积")]


def test_issues_oneliner_groups_are_aspects_and_clauses_problems():
    text = MEETING + "巡察发现一些问题，主要是：理论学习不够深入，学用结合不紧，调查研究不够；资金管理不规范，审核把关不严；整改不到位。\n" + DEMAND
    issues = read_feedback(text).issues
    assert [i.issue_id for i in issues if i.level == 1] == ["A1", "A2", "A3"]
    assert [(i.parent_id, i.text) for i in issues if i.level == 2][:3] == [
        ("A1", "理论学习不够深入"), ("A1", "学用结合不紧"), ("A1", "调查研究不够")]


def test_issues_aspect_lead_ins_head_their_problems():
    text = MEETING + ("巡察发现的主要问题如下。\n在落实全面从严治党责任方面，主体责任落实不力；财务管理不规范。\n"
                      "在基层党组织建设方面，一是组织生活不规范；二是党员发展把关不严。\n") + DEMAND
    issues = read_feedback(text).issues
    assert [i.text for i in issues if i.level == 1] == ["在落实全面从严治党责任方面", "在基层党组织建设方面"]
    assert [(i.extra["aspect"], i.text) for i in issues if i.level == 2] == [
        ("在落实全面从严治党责任方面", "主体责任落实不力"), ("在落实全面从严治党责任方面", "财务管理不规范"),
        ("在基层党组织建设方面", "组织生活不规范"), ("在基层党组织建设方面", "党员发展把关不严")]


def test_issues_multi_unit_notice_puts_the_unit_on_every_problem():
    text = ("县委第二巡察组向甲镇党委、乙乡党委反馈巡察情况\n巡察组指出，两个乡镇党委做了大量工作，但也存在一些问题。\n"
            "甲镇党委：一是理论学习不够深入；二是财务管理不规范。\n乙乡党委：一是村级党组织软弱涣散；二是惠农资金审核不严。\n" + DEMAND)
    assert [(i.extra["unit"], i.text) for i in read_feedback(text).issues if i.level == 2] == [
        ("甲镇党委", "理论学习不够深入"), ("甲镇党委", "财务管理不规范"),
        ("乙乡党委", "村级党组织软弱涣散"), ("乙乡党委", "惠农资金审核不严")]


def test_issues_single_unit_notice_has_no_unit_column_values():
    text = MEETING + "巡察发现的主要问题是：一是理论学习不够深入；二是财务管理不规范。\n" + DEMAND
    assert {i.extra["unit"] for i in read_feedback(text).issues} == {None}


def test_issues_subheadings_are_problems_and_their_bodies_manifestations():
    text = MEETING + ("巡察也发现了一些问题。\n惠农资金监管不严\n巡察发现，部分补贴重复发放。有的村虚报面积。\n"
                      "基层党组织建设薄弱\n个别村党支部长期未换届。\n") + DEMAND
    issues = read_feedback(text).issues
    assert [(i.text, i.extra["how"]) for i in issues if i.level == 2] == [
        ("惠农资金监管不严", "heading"), ("基层党组织建设薄弱", "heading")]
    assert [i.text for i in issues if i.level == 3] == ["部分补贴重复发放", "村虚报面积", "个别村党支部长期未换届"]


def test_issues_fallback_never_leaves_a_notice_without_a_list():
    text = (MEETING + "巡察组指出，局党组在粮食生产方面做了一些工作，但对惠农资金的监管还不到位，个别村存在重复发放现象。"
            "局机关干部作风不够扎实，服务群众意识不强。巡察期间受理信访件12件，已按规定转交有关部门处理。\n" + DEMAND)
    issues = read_feedback(text).issues
    assert [i.text for i in issues if i.level == 2] == [
        "对惠农资金的监管还不到位,个别村存在重复发放现象", "局机关干部作风不够扎实,服务群众意识不强"]


def test_issues_every_row_says_how_and_how_sure():
    text = MEETING + "巡察发现的主要问题是：一是理论学习不够深入，比如，个别支部学习流于形式；二是财务管理不规范。\n" + DEMAND
    for issue in read_feedback(text).issues:
        assert issue.extra["how"] in {"heading", "numbered", "shi-enumeration", "semicolon", "clause", "prose", "fallback"}
        assert 0 < issue.extra["confidence"] <= 1


@pytest.mark.parametrize("announce,n_flags", [("共反馈问题3个", 1), ("共反馈问题2个", 0), ("共反馈2个方面问题", 0)])
def test_issues_announced_count_that_differs_is_flagged(announce, n_flags):
    text = MEETING + f"巡察发现了一些问题，{announce}，主要是：一是理论学习不够深入；二是财务管理不规范。\n" + DEMAND
    found = read_feedback(text, doc_id="fb")
    assert len(found.flags) == n_flags
    if n_flags:
        flag = found.flags[0]
        assert (flag.kind, flag.severity, flag.doc_id) == ("issue_count_mismatch", "info", "fb")
        assert "3" in flag.message and "2" in flag.message and text[flag.start:flag.end] in flag.message


def test_issues_traditional_notice_gives_the_simplified_list_with_original_offsets():
    simplified = MEETING + "巡视发现的主要问题是：一是党组织建设薄弱，“三会一课”制度执行不严；二是选人用人不够规范。\n" + DEMAND
    import opencc

    traditional = opencc.OpenCC("s2t").convert(simplified)
    assert len(traditional) == len(simplified) and traditional != simplified
    a, b = read_feedback(simplified), read_feedback(traditional)
    assert any("traditional characters" in note for note in b.notes) and not a.notes
    assert [(i.issue_id, i.start, i.end) for i in a.issues] == [(i.issue_id, i.start, i.end) for i in b.issues]
    norm = normalize(traditional)
    for issue in b.issues:
        assert norm[issue.start:issue.end] == issue.text  # quoted from the original characters
        assert to_simplified(issue.text) == normalize(simplified)[issue.start:issue.end]
    assert "黨組織建設薄弱" in b.issues[0].text


def test_issues_bracketed_subheadings_with_their_body_on_the_line():
    text = MEETING + ("巡察发现以下几方面问题。\n【惠农资金监管不到位】补贴审核把关不严，部分村重复发放。\n"
                      "【基层党建薄弱】个别村党支部长期未换届。\n") + DEMAND
    issues = read_feedback(text).issues
    assert [i.text for i in issues if i.level == 2] == ["惠农资金监管不到位", "基层党建薄弱"]
    assert [i.text for i in issues if i.level == 3] == ["补贴审核把关不严,部分村重复发放", "个别村党支部长期未换届"]


def test_issues_single_clause_groups_after_the_central_formula_are_problems():
    text = MEETING + "巡察组指出，局党组存在4个问题，主要是：农村公路养护不到位；运输市场监管不严；资金拨付不规范。\n" + DEMAND
    issues = read_feedback(text).issues
    assert [i.level for i in issues] == [2, 2, 2]


@pytest.mark.parametrize("heading", ["一、市教育局党组", "市教育局党组"])
def test_issues_unit_headings_open_units(heading):
    other = heading.replace("一、", "二、").replace("教育局", "卫健委")
    text = ("市委巡察组向两家单位党组反馈巡察情况\n巡察发现的主要问题如下。\n"
            f"{heading}\n1.思政课教师配备不足。\n2.校外培训治理不彻底。\n{other}\n1.分级诊疗落实不到位。\n" + DEMAND)
    units = [i.extra["unit"] for i in read_feedback(text).issues if i.level == 2]
    assert units == ["市教育局党组", "市教育局党组", "市卫健委党组"]


def test_issues_demand_headings_and_numbered_demands_are_no_findings():
    text = ("县委巡察组向县统计局党组反馈巡察情况\n巡察组指出，局党组存在以下问题：\n1.统计数据质量管控不严。\n2.统计执法检查不经常。\n"
            "整改要求如下：\n1.要提高政治站位。\n2.要建立长效机制。\n")
    assert _problems(text) == ["统计数据质量管控不严", "统计执法检查不经常"]
    text = ("区委巡察组向区民政局党组反馈巡察情况\n一、党的领导弱化\n(一)议事规则执行不严。\n(二)意识形态责任制落实不到位。\n"
            "二、整改意见\n(一)提高政治站位。\n(二)压实整改责任。\n")
    assert _problems(text) == ["议事规则执行不严", "意识形态责任制落实不到位"]


def test_issues_unit_named_in_a_lead_before_its_list():
    text = ("县委第一巡察组反馈巡察情况\n近日，县委第一巡察组分别向县审计局、县档案馆党组反馈了巡察情况。\n"
            "对县审计局党组巡察发现的主要问题：审计整改跟踪督促不到位，部分问题长期未整改；审计项目质量管控不严。\n"
            "对县档案馆党组巡察发现的主要问题：档案安全管理存在隐患；档案数字化推进缓慢。\n" + DEMAND)
    assert [(i.extra["unit"], i.text) for i in read_feedback(text).issues if i.level == 2] == [
        ("县审计局党组", "审计整改跟踪督促不到位,部分问题长期未整改"), ("县审计局党组", "审计项目质量管控不严"),
        ("县档案馆党组", "档案安全管理存在隐患"), ("县档案馆党组", "档案数字化推进缓慢")]


def test_issues_marked_field_lead_ins_with_their_list_on_the_line():
    text = MEETING + ("巡察发现的主要问题：\n（一）政治建设方面。一是理论学习不深入；二是意识形态工作责任制落实不到位。\n"
                      "（二）全面从严治党方面。一是社保基金监管存在漏洞；二是违规发放津补贴。\n") + DEMAND
    issues = read_feedback(text).issues
    assert [i.text for i in issues if i.level == 1] == ["政治建设方面", "全面从严治党方面"]
    assert [(i.parent_id, i.text) for i in issues if i.level == 2] == [
        ("一", "理论学习不深入"), ("一", "意识形态工作责任制落实不到位"), ("二", "社保基金监管存在漏洞"), ("二", "违规发放津补贴")]


def test_issues_numbered_sub_items_on_their_own_lines_are_manifestations():
    text = MEETING + ("巡视组指出的主要问题：\n一、关于全面从严治党方面的问题\n（一）惠农资金监管存在漏洞。具体表现在：\n"
                      "1.部分项目资金拨付滞后；\n2.个别县挤占挪用补贴资金。\n（二）作风建设抓得不实。\n") + DEMAND
    issues = read_feedback(text).issues
    assert [i.text for i in issues if i.level == 2] == ["惠农资金监管存在漏洞", "作风建设抓得不实"]
    assert [i.text for i in issues if i.level == 3] == ["部分项目资金拨付滞后", "个别县挤占挪用补贴资金"]


@pytest.mark.parametrize("sentence", [
    "巡察组指出，局党组在履行职责中存在一些问题，主要表现在：林长制落实不到位、护林员管理松散、生态补偿资金发放不规范等方面。",
    "巡察发现，县林业局党组存在林长制落实不到位、护林员管理松散和生态补偿资金发放不规范等3个方面的问题。",
    "巡察组反馈了林长制落实不到位、护林员管理松散、生态补偿资金发放不规范等3个方面9个问题。",
])
def test_issues_object_list_variants(sentence):
    text = "县委巡察组向县林业局党组反馈巡察情况\n" + sentence + "\n" + DEMAND
    assert _problems(text) == ["林长制落实不到位", "护林员管理松散", "生态补偿资金发放不规范"]


def test_issues_prose_evidence_sentence_stays_with_its_finding():
    text = MEETING + ("巡察也发现了一些问题。\n文艺精品创作生产机制不健全，扶持资金使用效益不高。近三年资助的42个项目中，有15个未按期结项。"
                      "干部队伍建设统筹谋划不够，年龄结构偏大。\n") + DEMAND
    assert _problems(text) == ["文艺精品创作生产机制不健全,扶持资金使用效益不高。近三年资助的42个项目中,有15个未按期结项",
                               "干部队伍建设统筹谋划不够,年龄结构偏大"]


def test_issues_inline_numbers_after_a_lead():
    text = MEETING + "巡察发现的主要问题：1.理论学习不深入；2.财务管理不规范，存在白条入账；3.党建工作薄弱。\n" + DEMAND
    assert _problems(text) == ["理论学习不深入", "财务管理不规范,存在白条入账", "党建工作薄弱"]


def test_issues_decorated_subheadings_number_their_manifestations():
    text = MEETING + ("巡察发现的问题主要集中在以下几个方面。\n◆房屋安全监管存在漏洞\n1.老旧房屋安全排查不彻底。2.危房改造资金使用不规范。\n"
                      "◆招投标监管不严\n部分项目存在围标串标现象。\n") + DEMAND
    issues = read_feedback(text).issues
    assert [i.text for i in issues if i.level == 2] == ["房屋安全监管存在漏洞", "招投标监管不严"]
    assert [(i.parent_id, i.text) for i in issues if i.level == 3] == [
        ("1", "老旧房屋安全排查不彻底"), ("1", "危房改造资金使用不规范"), ("2", "部分项目存在围标串标现象")]


def test_issues_subheading_without_a_shortcoming_word_is_a_problem_when_its_body_states_findings():
    """Regression (blind set, scored after the issue-list work): a sub-heading such as 作风建设仍需持续用力 or a
    quoted verdict carries no shortcoming word of its own; its body does."""
    text = MEETING + ("巡察也发现了一些问题。\n作风建设仍需加力\n巡察发现，部分干部服务意识不强，办事拖沓问题仍然存在。\n"
                      "上轮整改“雷声大雨点小”\n巡察发现，有的整改措施停留在纸面，有的问题整改不到位。\n") + DEMAND
    assert [i.text for i in read_feedback(text).issues if i.level == 2] == ["作风建设仍需加力", "上轮整改“雷声大雨点小”"]


def test_issues_demand_lead_after_an_opening_adverbial_is_no_finding():
    """Regression (blind set): 针对存在的问题，巡察组提出整改意见：一是要… is the demands part, not a ;-list of problems."""
    text = MEETING + ("巡察发现的主要问题是：一是理论学习不够深入；二是惠农资金管理不规范。\n"
                      "针对存在的问题，巡察组提出整改意见：一是要提高政治站位，抓紧抓实；二是要压实管党治党责任；三是要建立长效机制。\n")
    assert [i.text for i in read_feedback(text).issues if i.level == 2] == ["理论学习不够深入", "惠农资金管理不规范"]


@pytest.mark.parametrize("body,problems,examples", [
    # ◆ problems under 一、 aspect headings, ● examples under a problem (blind2 layout, our own text)
    ("巡察组指出，巡察发现了一些问题：\n一、落实上级决策部署有差距\n◆ 粮食安全责任制落实不到位，部分乡镇撂荒地复耕不及时\n"
     "◆ 高标准农田建设质量不高，具体表现为：\n● 2个项目未按设计施工；\n● 部分灌溉设施建成后闲置。\n"
     "二、全面从严治党不够有力\n◆ 惠农资金监管不严，存在重复申报现象\n◆ 2022年以来违规发放补贴3.2万元\n",
     ["粮食安全责任制落实不到位,部分乡镇撂荒地复耕不及时", "高标准农田建设质量不高", "惠农资金监管不严,存在重复申报现象",
      "2022年以来违规发放补贴3.2万元"],
     ["2个项目未按设计施工", "部分灌溉设施建成后闲置"]),
    # —— paragraphs, several sentences each; the —— demands after 巡察组建议 are not findings
    ("巡察组指出，巡察中也发现了一些问题：\n——理论学习不够深入。党组中心组学习以读文件为主，研讨不多。\n"
     "——惠农资金管理不规范，存在虚报冒领现象。\n——基层党组织建设薄弱，2个支部未按期换届。\n"
     "巡察组建议：\n——提高政治站位，压实整改责任。\n——健全制度机制，堵塞管理漏洞。\n",
     ["理论学习不够深入。党组中心组学习以读文件为主,研讨不多", "惠农资金管理不规范,存在虚报冒领现象",
      "基层党组织建设薄弱,2个支部未按期换届"],
     []),
])
def test_issues_bullet_lists_give_one_problem_a_bullet(body, problems, examples):
    text = MEETING + PRAISE + "\n" + body + PLEDGE
    assert _problems(text) == problems
    assert _levels(text, 3) == examples
    assert all(i.label.strip() == i.label for i in read_feedback(text).issues if i.label)  # "● ", never a space


def test_issues_part_heading_after_its_lead_is_no_aspect():
    """现将…主要问题通报如下。 then 一、巡察发现的主要问题: the heading names the part; (一) are the aspects."""
    text = ("根据县委统一部署，县委第一巡察组对县教育局党组开展了巡察。巡察组认为，局党组做了大量工作。现将巡察发现的主要问题通报如下。\n"
            "一、巡察发现的主要问题\n（一）贯彻落实上级决策部署方面\n1.学习贯彻不够深入，研讨不多。\n2.落实“双减”政策有差距。\n"
            "（二）全面从严治党方面\n3.主体责任落实不到位。\n4.经费管理不规范。\n二、整改要求\n局党组要切实履行整改主体责任。\n")
    assert _aspects_and_problems(text) == (["贯彻落实上级决策部署方面", "全面从严治党方面"],
                                           ["学习贯彻不够深入,研讨不多", "落实“双减”政策有差距", "主体责任落实不到位", "经费管理不规范"])


def test_issues_field_verdict_with_its_list_gives_a_problem_a_clause():
    """在…方面有差距,突出表现在:A,B — the lead-in and its verdict are the aspect, each clause a problem."""
    text = MEETING + PRAISE + "巡察组指出，巡察中也发现了一些问题。\n" + (
        "在落实乡村振兴战略方面有差距，突出表现在：产业项目谋划不足，部分扶贫资产闲置，2023年以来有3个项目延期。"
        "在财务管理方面，主要表现为报销审核不严，公务接待超标准。\n") + DEMAND + PLEDGE
    assert _levels(text, 1) == ["在落实乡村振兴战略方面有差距", "在财务管理方面"]
    assert _problems(text) == ["产业项目谋划不足", "部分扶贫资产闲置", "2023年以来有3个项目延期", "报销审核不严", "公务接待超标准"]


def test_issues_table_rows_give_a_problem_a_row():
    """A table in the notice (tab-separated cells, as the DOCX, HTML and PDF readers write a table row):
    the header names its columns as a ledger does; the description is the problem, the category its aspect."""
    text = MEETING + PRAISE + "巡察发现的主要问题如下：\n" + (
        "序号\t问题类别\t问题描述\n1\t政治建设\t理论学习不够深入，研讨不多\n2\t政治建设\t落实上级决策部署有差距\n"
        "3\t作风建设\t违规使用公务用车\n") + DEMAND + PLEDGE
    found = read_feedback(text).issues
    assert [(i.level, i.text) for i in found] == [
        (1, "政治建设"), (2, "理论学习不够深入,研讨不多"), (2, "落实上级决策部署有差距"), (1, "作风建设"), (2, "违规使用公务用车")]
    assert [i.label for i in found if i.level == 2] == ["1", "2", "3"]


@pytest.mark.parametrize("rows", [
    "序号 | 问题类别 | 问题描述 | 整改时限\n1 | 政治建设 | 理论学习不够深入，研讨不多 | 立行立改\n"
    "2 |  | 落实上级决策部署有差距 | 长期坚持\n3 | 作风建设 | 违规使用公务用车 | 2024年底\n合计 |  | 2个方面共3个问题 | \n",
    "| 序号 | 问题类别 | 问题描述 |\n| 1 | 政治建设 | 理论学习不够深入，研讨不多 |\n| 2 |  | 落实上级决策部署有差距 |\n"
    "| 3 | 作风建设 | 违规使用公务用车 |\n",
])
def test_issues_table_rows_with_bar_separators(rows):
    """A table exported as text, its cells between bars (a merged category cell left empty, a 合计 row):
    read as the tab-separated table is."""
    found = read_feedback(MEETING + PRAISE + "巡察发现的主要问题如下：\n" + rows + DEMAND + PLEDGE).issues
    assert [(i.level, i.text) for i in found] == [
        (1, "政治建设"), (2, "理论学习不够深入,研讨不多"), (2, "落实上级决策部署有差距"), (1, "作风建设"), (2, "违规使用公务用车")]
    assert [i.label for i in found if i.level == 2] == ["1", "2", "3"]


@pytest.mark.parametrize("item,problem,examples", [
    ("公务接待管理不严，如2022年以来超标准接待5次", "公务接待管理不严", ["2022年以来超标准接待5次"]),
    ("资产管理不规范，如部分设备长期闲置", "资产管理不规范", ["部分设备长期闲置"]),
    ("项目未能如期完工，群众意见较大", "项目未能如期完工,群众意见较大", []),  # 如期: no example
])
def test_issues_ru_before_a_year_or_a_subject_opens_an_example(item, problem, examples):
    text = MEETING + PRAISE + "巡察发现的主要问题：1." + item + "；2.基层党建薄弱。\n" + DEMAND + PLEDGE
    assert _problems(text)[0] == problem
    assert _levels(text, 3) == examples


def test_issues_closed_list_and_tongshi_sentence_stay_apart():
    """存在A、B、C等问题。同时,也发现存在D的问题: four problems; the closed list takes nothing after it."""
    text = MEETING + PRAISE + ("巡察发现，该局存在理论学习不深入、意识形态责任制落实不到位、财务审核不严格等问题。"
                               "同时，也发现存在个别干部违规使用公车的问题。\n") + DEMAND + PLEDGE
    assert _problems(text) == ["理论学习不深入", "意识形态责任制落实不到位", "财务审核不严格", "个别干部违规使用公车"]


def test_issues_problem_labels_and_bracketed_examples():
    """突出问题：/主要问题： label the problem; (如A;B) are its examples; a bracket of figures stays in it."""
    text = MEETING + PRAISE + "巡察组指出，巡察中也发现了一些问题。\n" + (
        "在党的建设方面，突出问题：支部组织生活不规范（如2个支部全年未开展主题党日；部分党员长期不参加学习）。"
        "党费收缴不及时（2022年少缴党费1.2万元）。\n") + DEMAND + PLEDGE
    assert _problems(text) == ["支部组织生活不规范", "党费收缴不及时(2022年少缴党费1.2万元)"]
    assert _levels(text, 3) == ["2个支部全年未开展主题党日", "部分党员长期不参加学习"]


def test_issues_shortage_words_state_a_finding():
    """人才队伍结构不优,专业人才短缺: a finding on its own line (不优, 短缺 are shortcoming words)."""
    text = MEETING + PRAISE + "巡察组指出：\n干部队伍建设方面：\n选人用人把关不严。\n人才队伍结构不优，专业人才短缺。\n" + DEMAND
    assert _problems(text) == ["选人用人把关不严", "人才队伍结构不优,专业人才短缺"]


def test_issues_team_focus_sentence_is_no_finding():
    """巡察组聚焦…,紧盯“空气粮”等问题: what the team looked at, not a finding, whatever problem words it names."""
    text = MEETING + ("巡察组聚焦粮食收购、储存等关键环节，紧盯“转圈粮”“空气粮”等问题，深入查找监管漏洞。"
                      "巡察发现的主要问题：\n1.未按规定开展入库质量检验。\n2.收购资金与经营资金混用。\n") + DEMAND
    assert _problems(text) == ["未按规定开展入库质量检验", "收购资金与经营资金混用"]


def test_issues_bare_problem_labels_take_the_lines_below():
    """问题一 alone on its line: the problem is every line below it up to the next label; 比如 lines are examples."""
    text = MEETING + PRAISE + "巡察发现的主要问题如下：\n" + (
        "问题一\n意识形态工作责任制落实不到位。\n对辖区文化阵地监管不严。\n"
        "问题二\n文旅融合发展推动乏力。\n比如，2021年启动的古镇项目至今未完工。\n") + DEMAND + PLEDGE
    assert _problems(text) == ["意识形态工作责任制落实不到位。\n对辖区文化阵地监管不严", "文旅融合发展推动乏力"]
    assert _levels(text, 3) == ["2021年启动的古镇项目至今未完工"]


def test_issues_example_line_after_a_numbered_problem_is_its_example():
    text = MEETING + PRAISE + "巡察发现的主要问题：\n1.文旅融合发展推动乏力。\n比如，古镇项目至今未完工。\n2.专项资金管理不规范。\n" + DEMAND
    assert _problems(text) == ["文旅融合发展推动乏力", "专项资金管理不规范"]
    assert _levels(text, 3) == ["古镇项目至今未完工"]


def test_issues_village_and_short_unit_labels_open_units():
    """东岗村：一是… / 镇党委：一是… — villages and a one-character place before 党委 are unit labels."""
    text = MEETING + "巡察发现的主要问题：\n" + (
        "东岗村：一是村务公开不及时；二是集体资产管理不规范。\n镇党委：一是对村级党组织指导监督不够；二是村财乡管制度落实不严。\n") + DEMAND
    found = [(i.extra.get("unit"), i.text) for i in read_feedback(text).issues if i.level == 2]
    assert found == [("东岗村", "村务公开不及时"), ("东岗村", "集体资产管理不规范"), ("镇党委", "对村级党组织指导监督不够"),
                     ("镇党委", "村财乡管制度落实不严")]


def test_issues_qizhong_line_goes_on_with_the_item_above():
    """其中,… on the next line is part of the numbered item above (what it counted), not a new problem."""
    text = MEETING + PRAISE + "巡察发现的主要问题：\n1.农田建设项目管理不规范，8个项目中有3个未按期验收。\n其中，1个项目多计工程款27.6万元。\n" + (
        "2.执行财经纪律不严格.\n") + DEMAND
    assert _problems(text) == ["农田建设项目管理不规范,8个项目中有3个未按期验收。\n其中,1个项目多计工程款27.6万元", "执行财经纪律不严格"]


def test_issues_rectification_plan_gives_its_problem_list():
    """A 整改方案: the problems are under 三、问题清单及整改措施, after 问题1：/问题2 labels and 问题表现：;
    the plan's own parts (总体要求) and fields (整改目标, 整改措施, 完成时限) are not problems."""
    text = ("关于县委巡察组反馈意见的整改工作方案\n2023年6月，县委巡察组向局党组反馈了巡察意见，指出了2个方面3个问题。为抓好整改，制定本方案。\n"
            "一、总体要求\n坚持问题导向，确保反馈问题清仓见底。\n三、问题清单及整改措施\n"
            "问题1：理论学习不够深入，学用结合不紧。（整改目标：学习常态化；整改措施：制定学习计划；完成时限：2023年9月底前）\n"
            "问题2\n问题表现：财务管理制度执行不严，结余资金未及时上缴。\n整改措施：开展专项清理。\n责任领导：分管副局长\n"
            "问题3\n问题表现：干部交流轮岗不及时。\n整改措施：制定交流计划。\n四、工作要求\n严格督导问责。\n")
    assert _problems(text) == ["理论学习不够深入,学用结合不紧", "财务管理制度执行不严,结余资金未及时上缴", "干部交流轮岗不及时"]


def test_issues_list_in_the_appendix_numbered_as_an_outline():
    """共反馈2个方面3个问题(详见附件): the list is the appendix's, numbered 1 / 1.1 under its title."""
    text = ("关于县委巡察组巡察县交易中心情况的通报\n县委巡察组对县交易中心开展了巡察。巡察组指出，巡察也发现一些问题，共反馈2个方面3个问题（详见附件）。\n"
            "二、有关工作要求\n各单位要举一反三，抓好整改。\n附件：县交易中心反馈问题清单\n\n附件\n县交易中心反馈问题清单\n"
            "1　党的领导方面（2个）\n1.1　保证金退还不及时，超期未退237笔\n1.2　电子化交易推进缓慢\n2　从严治党方面（1个）\n2.1　现场监管不严\n")
    found = read_feedback(text).issues
    assert [i.text for i in found if i.level == 2] == ["保证金退还不及时,超期未退237笔", "电子化交易推进缓慢", "现场监管不严"]
    assert [i.label for i in found if i.level == 2] == ["1.1", "1.2", "2.1"]
    assert len([i for i in found if i.level == 1]) == 2


def test_issues_record_blocks_give_a_problem_a_record():
    """【问题1】 then 问题类别：/问题描述：/整改时限： lines: each description a problem, each category an aspect."""
    text = ("县委巡察组对县农商行党委巡察反馈问题清单\n\n【问题1】\n问题类别：贯彻落实决策部署\n问题描述：涉农贷款占比连续两年下降\n整改时限：2022年12月底前\n"
            "【问题2】\n问题类别：贯彻落实决策部署\n问题描述：信用风险防控不力，不良贷款率偏高\n整改责任部门：风险管理部\n"
            "【问题3】\n问题类别：全面从严治党\n问题描述:违规发放福利18.6万元\n")
    found = read_feedback(text).issues
    assert [(i.level, i.text) for i in found] == [
        (1, "贯彻落实决策部署"), (2, "涉农贷款占比连续两年下降"), (2, "信用风险防控不力,不良贷款率偏高"), (1, "全面从严治党"),
        (2, "违规发放福利18.6万元")]


def test_issues_nested_sections_and_a_finding_already_put_right():
    """一、基本情况 … 二、巡察发现的主要问题 (the part's heading, after praise), (一) aspects, 1. problems;
    三、意见建议's own (一)(二) lines do not number the findings; an earlier finding already put right is none."""
    text = ("县委巡察组关于巡察县教育局党组的反馈意见\n现将巡察情况反馈如下。\n一、巡察工作基本情况\n巡察认为，局党组做了大量工作。\n"
            "二、巡察发现的主要问题\n（一）落实决策部署方面\n1.理论学习不够深入。研讨交流不多。\n2.落实“双减”有差距。\n"
            "（二）全面从严治党方面\n3.主体责任落实不到位。\n此外，上轮巡察指出的食堂管理不规范问题，经核查已整改到位，巡察组予以认可。\n"
            "三、意见建议\n（一）提高政治站位，抓好整改落实。\n（二）压实管党治党责任。\n")
    assert _aspects_and_problems(text) == (["落实决策部署方面", "全面从严治党方面"],
                                           ["理论学习不够深入。研讨交流不多", "落实“双减”有差距", "主体责任落实不到位"])


def test_issues_hard_wrapped_paraphrase_gives_a_problem_a_clause():
    """A news text wrapped at the page width (a PDF copy): 巡视发现,X党组在…方面,A,B;在…方面,C,D — the field is
    the aspect, each clause a problem, its line breaks inside it."""
    text = normalize(
        "省委第七巡视组向省市场监督管理局党组反馈巡视情况\n"
        "　　根据省委统一部署，2022年2月至4月，省委第七巡视组对省市场监督管理\n"
        "局党组进行了常规巡视。6月8日，省委第七巡视组向省市场监管局党组反馈巡视情\n"
        "况。巡视组组长程立新代表巡视组作了反馈讲话，局党组书记郑晓东主持会议并\n"
        "作表态发言。程立新指出，巡视发现，省市场监管局党组在贯彻落实党中央决策部\n"
        "署方面，服务高质量发展的举措不够有力，知识产权保护工作存在短板；在落实全\n"
        "面从严治党方面，主体责任压得不实，对直属单位监督乏力。巡视组要求，局党\n"
        "组要切实提高政治站位，把巡视整改作为重大政治任务，抓好整改落实工作。\n")
    found = read_feedback(text).issues
    assert [i.text.replace("\n", "") for i in found if i.level == 2] == [
        "服务高质量发展的举措不够有力", "知识产权保护工作存在短板", "主体责任压得不实", "对直属单位监督乏力"]


def test_issues_findings_quoted_in_a_news_report():
    """A news report: the findings in the leader's quoted words (“…;…。”), 他说/X指出 frames, 对照…的要求 no demand,
    有的… examples inside the quote; the pledge's quoted 整改不到位,决不收兵 no finding."""
    text = ("直面问题抓整改\n——省委第六巡视组向临江区委反馈巡视情况\n　　7月5日上午，省委第六巡视组向临江区委反馈巡视情况。"
            "郭泽明在充分肯定成绩的同时，毫不讳言地指出了问题。“对照‘四个着力’的要求，临江区落实‘两个责任’还有差距，区委主体责任压得不实；"
            "对区纪委监督执纪问责支持不够有力。”他说，巡视中还发现，“四风”问题禁而未绝，“有的单位仍在用公款互相宴请，有的下属单位组织公款旅游”。\n"
            "　　在谈到选人用人时，郭泽明语气加重：“干部选拔任用程序不够规范；超职数配备干部问题比较突出。”此外，他还指出，信访积案化解进展缓慢。\n"
            "　　郭泽明强调，区委要切实履行管党治党主体责任，对巡视反馈的问题要建立台账、逐项销号。\n"
            "　　沈立国表示，区委诚恳接受巡视组反馈的意见。“整改不到位，决不收兵。”\n")
    found = read_feedback(text).issues
    assert [i.text for i in found if i.level == 2] == [
        "临江区落实‘两个责任’还有差距,区委主体责任压得不实", "对区纪委监督执纪问责支持不够有力", "“四风”问题禁而未绝",
        "干部选拔任用程序不够规范", "超职数配备干部问题比较突出", "信访积案化解进展缓慢"]
    assert [i.text for i in found if i.level == 3] == ["单位仍在用公款互相宴请", "下属单位组织公款旅游"]


@pytest.mark.parametrize("lead,problems", [
    # two clauses a group after another lead than 主要是: a finding and its elaboration, one problem a group
    ("巡察组指出，该校也存在一些突出问题：", ["食堂管理混乱,账目与学校财务混同", "违规收取资料费,2017年收取4.8万元", "职称评审程序不透明,教职工意见较大"]),
    # after 主要是: the central one-sentence style, groups are aspects and clauses problems
    ("巡察组指出，主要是：", ["食堂管理混乱", "账目与学校财务混同", "违规收取资料费", "2017年收取4.8万元", "职称评审程序不透明",
                      "教职工意见较大"]),
])
def test_issues_semicolon_groups_of_two_clauses(lead, problems):
    text = MEETING + PRAISE + "\n" + lead + ("食堂管理混乱，账目与学校财务混同；违规收取资料费，2017年收取4.8万元；"
                                           "职称评审程序不透明，教职工意见较大。\n") + DEMAND
    assert _problems(text) == problems


def test_issues_news_feature_frames_and_summary():
    """A news feature: 谈到…,X毫不客气:“…这一块,我们发现…” / 她还提到, / 巡察期间,巡察组在…蹲点发现, are frames;
    上述问题,有的是… speaks of the findings, it is none."""
    text = ("巡察组向县医院党委反馈巡察情况\n　　巡察组组长王海燕指出，巡察发现了一些问题。谈到医药领域腐败问题集中整治，王海燕毫不客气："
            "“我们发现，个别科室带量采购执行不力。”她还提到，部分医务人员收受回扣的问题仍有反映。"
            "巡察期间，巡察组在门诊大厅蹲点发现，预约诊疗分时段落实不到位。上述问题，有的是医院自身管理问题，有的是行业共性问题。\n"
            "　　王海燕强调，医院党委要切实扛起整改主体责任。\n")
    assert _problems(text) == ["个别科室带量采购执行不力", "部分医务人员收受回扣的问题仍有反映", "预约诊疗分时段落实不到位"]


def test_issues_object_list_after_a_subjects_own_clause():
    """X党支部在…方面存在A、B、C等3个方面问题: the subject and its field are no part of the elements."""
    text = MEETING + ("巡察指出，市慈善总会党支部在规范慈善活动方面存在政治引领作用发挥不充分、信息公开不及时、"
                      "内部治理结构不健全等3个方面问题。\n") + DEMAND
    assert _problems(text) == ["政治引领作用发挥不充分", "信息公开不及时", "内部治理结构不健全"]


def test_issues_decorated_headings_over_shi_lists_are_aspects():
    """A WeChat post: 一共点出了2个方面4个问题 is the lead; ▍ headings over 一是… lines are aspects, not problems
    (over prose they would be the problems: the newspaper sub-heading layout)."""
    text = ("巡察“体检报告”来了\n03 问题都在这儿了\n巡察组一点没客气，一共点出了2个方面4个问题。\n"
            "▍民生政策落地还没打通\n一是为民服务意识不强；二是老旧小区改造推进迟缓。\n"
            "▍管党治党这根弦绷得还不够紧\n一是“一岗双责”落实不到位；二是“三资”管理不规范。\n"
            "04 接下来怎么改\n巡察组要求，街道党工委要切实抓好整改。\n")
    assert _aspects_and_problems(text) == (["民生政策落地还没打通", "管党治党这根弦绷得还不够紧"],
                                           ["为民服务意识不强", "老旧小区改造推进迟缓", "“一岗双责”落实不到位", "“三资”管理不规范"])


def test_issues_slide_outline_bullets_under_headings():
    """Slides: (一) headings, ▪ problems under them, — sub-bullets their examples; the report's own ▪ lists
    (基本情况, 成效) before the findings are none."""
    text = ("市委第四巡察组\n巡察开发区党工委情况反馈\n二、主要成效\n▪ 招商引资势头良好\n▪ 营商环境持续优化\n"
            "三、发现的主要问题（2个方面3个问题）\n（一）服务高质量发展作用发挥不够\n▪ 产业链招商精准度不高\n▪ 部分签约项目落地率低\n"
            "　— 2021年以来签约项目23个，开工仅9个\n　— 3个项目长期停工\n（二）风险防控短板明显\n▪ 平台公司债务负担重\n"
            "四、整改要求\n▪ 30日内报送整改方案\n")
    assert _aspects_and_problems(text) == (["服务高质量发展作用发挥不够", "风险防控短板明显"],
                                           ["产业链招商精准度不高", "部分签约项目落地率低", "平台公司债务负担重"])
    assert _levels(text, 3) == ["2021年以来签约项目23个,开工仅9个", "3个项目长期停工"]


def test_issues_yifangmian_enumerates_and_names_no_field():
    """集团党委…还存在不少短板。一方面,A;另一方面,B: the first sentence announces, 一方面/另一方面 enumerate (no aspect)."""
    text = MEETING + ("巡视指出，集团党委在推动企业改革发展方面还存在不少短板。一方面，党委把方向作用发挥不够；"
                      "另一方面，主业投资比重下降，非主业投资风险隐患大。\n") + DEMAND
    assert _aspects_and_problems(text) == ([], ["党委把方向作用发挥不够", "主业投资比重下降,非主业投资风险隐患大"])


@pytest.mark.parametrize("page_line", ["第1页 共3页", "— 2 —", "- 2 -", "2/3"])
def test_issues_page_lines_inside_a_list_belong_to_no_item(page_line):
    """A page number copied out of a PDF between two items of a list changes nothing (it broke the 1./2.
    under a (一) heading: 2. became an item of its own, marker included)."""
    def notice(page: str) -> str:
        return ("近日，市委第二巡察组向市第一人民医院党委反馈了巡察情况。巡察组指出，存在以下问题：\n"
                "一、落实全面从严治党方面\n（一）重点领域廉洁风险突出。\n1.药品采购程序不透明，部分耗材未经论证即进入临床使用。\n"
                          f"{page}2.基建项目管理不规范，存在先施工后补办手续的情况。\n（二）基层党组织建设薄弱。\n"
                          "1.党支部设置与科室设置不匹配。\n2.党员教育管理不严格。\n") + DEMAND
    plain, paged = notice(""), notice(page_line + "\n")
    shift = len(page_line) + 1
    expected = [(i.level, i.text, i.start + (shift if i.start > plain.index("2.基建") else 0)) for i in read_feedback(plain).issues]
    assert [(i.level, i.text, i.start) for i in read_feedback(paged).issues] == expected
    assert "基建项目管理不规范,存在先施工后补办手续的情况" in [text for _, text, _ in expected]


@pytest.mark.parametrize("sentence", [
    "针对反馈问题，巡察组要求各村党组织要建立问题、任务、责任“三张清单”，限期完成整改。",
    "镇党委要切实履行主体责任，加强对村级整改工作的督促指导。",
    "巡察组同时提醒，今年以来全县已查处村干部侵害群众利益问题9起，教训深刻，要引以为戒。",
    "巡察前，村党支部开展了自查，列出了“村务公开不及时”“档案管理不规范”两项问题，并已自行整改。",
])
def test_issues_demands_warnings_and_self_corrected_findings_are_no_problems(sentence):
    """A demand without a colon after 要求, a party organ told what to do, a warning about other units'
    cases (提醒), and a finding the unit put right itself before the inspection: none is a problem."""
    findings = "巡察组指出，存在以下问题：一是村务监督流于形式；二是集体资产管理不规范；三是发展党员把关不严。\n"
    assert _problems(MEETING + findings + sentence + "\n") == _problems(MEETING + findings) == [
        "村务监督流于形式", "集体资产管理不规范", "发展党员把关不严"]


def test_issues_fields_inside_one_paragraph_each_open_their_run():
    """One paragraph, several fields, each 在…方面: over a 一是 run of its own: an aspect a field, the run
    its problems (the second field's run was read as examples of the first run's last item)."""
    text = MEETING + ("巡察发现一些问题。在服务发展大局方面：一是主业不够聚焦；二是投资决策不科学。"
                      "在落实全面从严治党方面：一是监督责任落实不到位；二是招投标管理不规范；三是违规列支招待费。\n") + DEMAND
    assert _aspects_and_problems(text) == (["在服务发展大局方面", "在落实全面从严治党方面"], [
        "主业不够聚焦", "投资决策不科学", "监督责任落实不到位", "招投标管理不规范", "违规列支招待费"])


def test_issues_news_sentence_praise_then_findings_as_clauses():
    """A news release's one sentence: praise, then 同时指出, X存在A,B,…等问题: each clause a problem; a clause
    whose elements share the predicate after 等 (A、B等重点工作力度不够) stays one."""
    text = ("近日，区委第三巡察组向区城市管理局党组反馈巡察情况。巡察组充分肯定了区城管局党组在市容环境提升等方面取得的成效，"
            "同时指出，区城管局党组存在学习贯彻党的创新理论不够深入，推动违法建设治理、背街小巷改造等重点工作力度不够，"
            "财务报销审核不严，干部年龄结构老化等问题。巡察组要求，局党组要切实抓好整改。\n")
    assert _problems(text) == ["学习贯彻党的创新理论不够深入", "推动违法建设治理、背街小巷改造等重点工作力度不够",
                               "财务报销审核不严", "干部年龄结构老化"]


def test_issues_round_up_reads_every_unit_in_the_central_style():
    """A round-up of an inspection round: a paragraph per unit (某巡视组向X反馈指出:A,B;C。巡视组要求…),
    each read up to its own demand; ;-groups are aspects, ,-clauses problems, the unit on each."""
    text = ("十届市委第三轮巡察完成反馈\n近日，市委3个巡察组向被巡察党组织反馈了巡察情况。\n"
            "市委第一巡察组向市水务局党组反馈指出：落实党中央决策部署有差距，水资源保护工作推进缓慢；选人用人把关不严。"
            "巡察组要求，局党组要抓好整改。\n"
            "市委第二巡察组向市城投集团党委反馈指出：服务全市发展大局不够有力，债务风险管控不严；财务管理不规范，违规发放补贴。"
            "巡察组要求，集团党委要抓好整改。\n"
            "对巡察中发现的问题线索，已按规定移交市纪委监委处理。\n")
    found = read_feedback(text).issues
    assert [(i.text, i.extra["unit"]) for i in found if i.level == 2] == [
        ("落实党中央决策部署有差距", "市水务局党组"), ("水资源保护工作推进缓慢", "市水务局党组"),
        ("选人用人把关不严", "市水务局党组"), ("服务全市发展大局不够有力", "市城投集团党委"),
        ("债务风险管控不严", "市城投集团党委"), ("财务管理不规范", "市城投集团党委"), ("违规发放补贴", "市城投集团党委")]


def test_issues_round_up_structure_wins_over_a_longer_reading_without_units():
    """Units' paragraphs opened 某巡察组向X反馈指出, (a comma, no colon): the round-up's reading, a unit on each
    problem and no lead in a problem, wins even where reading the notice as one list cuts more pieces
    (blind13's city round, units 0 -> 5)."""
    text = ("市委第三轮巡察完成集中反馈\n近日，市委3个巡察组陆续向被巡察党组织反馈巡察情况。\n"
            "市委第一巡察组向东城街道党工委反馈指出，街道党工委推动基层治理有短板，网格员队伍管理松散；落实主体责任不到位，"
            "对社区“微腐败”监督不力。\n"
            "市委第二巡察组向市交通运输局党组反馈指出，存在以下问题：一是公路养护资金使用不规范；二是行业监管存在廉洁风险；"
            "三是干部交流轮岗不足。\n"
            "市委第三巡察组向市水务集团党委反馈指出，集团党委落实“三重一大”决策制度不严格；工程项目变更签证较为随意；"
            "债务风险防控压力较大。\n"
            "各被巡察党组织主要负责同志表示，诚恳接受巡察组反馈意见。\n")
    found = [i for i in read_feedback(text).issues if i.level == 2]
    assert [i.extra["unit"] for i in found] == ["东城街道党工委"] * 2 + ["市交通运输局党组"] * 3 + ["市水务集团党委"] * 3
    assert not any("巡察组" in i.text for i in found)


def test_issues_subheading_of_a_figure_of_speech_over_findings_is_their_field():
    """■ 医疗服务还有“堵点” over two sentences that each state a finding: the sub-heading names their field (an
    aspect) and the sentences are the problems; a sub-heading stating the shortcoming in plain words
    (药品采购管理不规范) over its elaboration stays the problem (blind13's WeChat post; dev d25)."""
    text = MEETING + ("巡察组指出了存在的问题——\n■ 医疗服务还有“堵点”\n"
                      "门诊预约诊疗覆盖率偏低，患者平均候诊时间较长。检查检验结果互认推进缓慢，重复检查问题较为突出。\n"
                      "■ 管党治党存在“宽松软”\n"
                      "院党委落实主体责任不到位，对科室党支部督导检查不够。违规收受红包礼品问题时有发生。\n"
                      "■ 药品采购管理不规范\n部分药品未经药事委员会论证即采购入院，采购记录不完整。\n"
                      "巡察组要求，院党委要认真抓好整改。\n") + PLEDGE
    found = read_feedback(text).issues
    assert "管党治党存在“宽松软”" in [i.text for i in found if i.level == 1]
    assert [i.text for i in found if i.level == 2] == [
        "门诊预约诊疗覆盖率偏低,患者平均候诊时间较长", "检查检验结果互认推进缓慢,重复检查问题较为突出",
        "院党委落实主体责任不到位,对科室党支部督导检查不够", "违规收受红包礼品问题时有发生", "药品采购管理不规范"]


def test_issues_speakers_demands_after_a_colon_are_no_finding():
    """对下一步整改工作,周国平提出:首先要提高思想认识,…;其次要… after an ordinal list of findings: a demand, not a
    sixth finding (blind13's township notice)."""
    text = MEETING + ("巡察组指出，主要存在以下问题：第一，党的领导弱化，决策部署落实不到位。第二，党的建设缺失，“三会一课”制度执行不严。"
                      "第三，选人用人不规范，干部考勤管理松散。\n"
                      "对下一步整改工作，周国平提出：首先要提高思想认识，把巡察整改作为重大政治任务抓紧抓实；其次要建立整改台账，"
                      "解决不担当不作为问题。\n") + PLEDGE
    found = read_feedback(text).issues
    assert [i.text[:6] for i in found if i.level == 2] == ["党的领导弱化", "党的建设缺失", "选人用人不规"]


def test_issues_finding_that_speaks_of_clues_handed_over_is_a_finding():
    """2.监督责任履行不到位。…监督精准度不高,…由巡察和审计移交线索查处的占比达62%。: a finding (its shortcoming
    words), not the team's handover of clues; the findings go on after it (blind15's 反馈意见 to a county)."""
    text = MEETING + ("巡察组指出，存在以下问题：\n1.主体责任落实不力。班子成员“一岗双责”督促不够。\n"
                      "2.监督责任履行不到位。县纪委监委对重点领域监督精准度不高，2019年以来查处的违纪违法案件中，"
                      "由巡察和审计移交线索查处的占比达62%。\n"
                      "3.重点领域廉洁风险突出。工程建设领域违规违纪问题易发多发。\n") + PLEDGE
    found = read_feedback(text).issues
    assert [i.text[:6] for i in found if i.level == 2] == ["主体责任落实", "监督责任履行", "重点领域廉洁"]


@pytest.mark.parametrize("lines, aspects, problems", [
    # a short verdict, then 主要表现在: / 存在…等问题 / 主要是: and its list: the verdict is the field (blind15's college)
    (["（一）党委政治核心作用发挥不够充分。主要表现在：党政联席会议议事规则执行不严格、“三重一大”事项集体决策不规范、"
      "对教师思想政治工作重视不够等问题。",
      "（二）基层党组织建设存在薄弱环节。存在支部书记“双带头人”配备比例偏低、学生党员发展质量不高等问题。",
      "（三）选人用人有差距。主要是：中层干部选任程序不够规范；青年教师培养机制不健全。"],
     ["党委政治核心作用发挥不够充分", "基层党组织建设存在薄弱环节", "选人用人有差距"],
     ["党政联席会议议事规则执行不严格", "“三重一大”事项集体决策不规范", "对教师思想政治工作重视不够",
      "支部书记“双带头人”配备比例偏低", "学生党员发展质量不高", "中层干部选任程序不够规范", "青年教师培养机制不健全"]),
    # 具体表现为: its examples, (1)(2) under the lead: its manifestations; the heading stays the problem (blind b07, blind13 q13)
    (["（一）重点领域廉洁风险防控不力。具体表现为：招投标管理不规范；工程变更审核把关不严。",
      "（二）整改不彻底。主要表现在：（1）4个乡镇未建立资金支付审批制度；（2）闲置办公用房仍有6处未处置。"],
     [], ["重点领域廉洁风险防控不力", "整改不彻底"]),
])
def test_issues_numbered_verdict_over_its_own_listed_findings(lines, aspects, problems):
    found = read_feedback(MEETING + "巡察发现，主要存在以下几个方面问题：\n" + "\n".join(lines) + "\n" + PLEDGE).issues
    assert [i.text for i in found if i.level == 1] == aspects
    assert [i.text for i in found if i.level == 2] == problems


def test_issues_object_list_sentence_before_more_findings_is_no_aspect():
    """该行党委存在A、B、C等问题。 followed by more findings: the first sentence is a list of its own (each element a
    problem), not a one-clause verdict over the rest (blind16's rural bank)."""
    text = MEETING + ("巡察组指出，该行党委存在服务实体经济质效不高、信贷风险管控不严、基层党建与业务融合不紧等问题。"
                      "其中，信贷风险管控不严问题突出表现在：贷前调查流于形式；以贷转存掩盖风险。\n") + PLEDGE
    found = read_feedback(text).issues
    assert [i.text for i in found if i.level == 2][:3] == ["服务实体经济质效不高", "信贷风险管控不严", "基层党建与业务融合不紧"]
    assert not [i for i in found if i.level == 1]


def test_issues_shi_items_that_name_a_field_over_an_object_list():
    """一是在党的领导方面,存在A、B、C等问题;二是在党的建设方面,存在D、E等问题: each item is a field (an aspect)
    over its object list's problems (blind17's procuratorate)."""
    text = MEETING + ("巡察组指出，区法院党组在以下2个方面存在问题：一是在党的领导方面，存在学习贯彻上级决策部署不够深入、"
                      "意识形态工作责任制落实不到位等问题；二是在党的建设方面，存在干部交流轮岗不及时、"
                      "干警教育培训针对性不强等问题。\n") + PLEDGE
    found = read_feedback(text).issues
    assert [i.text for i in found if i.level == 1] == ["在党的领导方面", "在党的建设方面"]
    assert [i.text for i in found if i.level == 2] == [
        "学习贯彻上级决策部署不够深入", "意识形态工作责任制落实不到位", "干部交流轮岗不及时", "干警教育培训针对性不强"]


def test_issues_finding_about_how_clues_were_handled_is_no_clue_handover():
    """对问题线索初核后多以“查无实据”了结,…处理仅3人次 is a finding about the discipline organ, not the team's
    handover of clues (线索已按规定移交…处理): the findings go on after it (pairs_blind10 y1)."""
    text = MEETING + ("巡察发现，镇党委在以下几个方面还存在一些问题。\n"
                      "在落实全面从严治党“两个责任”方面，镇党委主体责任压得不实，比如班子成员廉政提醒谈话基本空白。"
                      "镇纪委监督执纪问责偏松偏软，比如对群众反映的问题线索初核后多以“查无实据”了结，运用第一种形态处理仅3人次。"
                      "违反中央八项规定精神问题仍有发生，比如公务用车使用登记不规范。\n"
                      "巡察期间收到的问题线索，已按有关规定转交县纪委监委处理。\n") + PLEDGE
    found = read_feedback(text).issues
    assert [i.text for i in found if i.level == 2] == [
        "镇党委主体责任压得不实", "镇纪委监督执纪问责偏松偏软", "违反中央八项规定精神问题仍有发生"]


def test_issues_round_up_leads_written_in_other_ways():
    """The units' paragraphs of a round-up open in more ways than 向X反馈指出: (…组在向X反馈时指出, …组对X反馈指出,
    …组向X反馈了巡察发现的问题,突出表现在: A、B等问题), each unit's list read in its own layout (blind14's county round)."""
    text = ("县委第五轮巡察完成反馈\n近日，县委3个巡察组分别向被巡察党组织反馈了巡察情况。\n"
            "县委第一巡察组在向县司法局党组反馈时指出，巡察发现的主要问题：一是普法宣传针对性不强，部分村居法治宣传阵地闲置；"
            "二是人民调解员队伍管理不规范。\n"
            "县委第二巡察组对县实验小学党支部反馈指出，学校主要存在两个方面问题：第一，课后服务收费管理不规范；第二，食堂采购把关不严。\n"
            "县委第三巡察组向东关街道党工委反馈了巡察发现的问题，突出表现在：网格化管理推进缓慢、社区工作者考核不严格、"
            "专项资金拨付滞后等问题。\n"
            "巡察期间收到的问题线索，已按规定移交县纪委监委处理。\n")
    found = read_feedback(text).issues
    assert [(i.text, i.extra["unit"]) for i in found if i.level == 2] == [
        ("普法宣传针对性不强,部分村居法治宣传阵地闲置", "县司法局党组"), ("人民调解员队伍管理不规范", "县司法局党组"),
        ("课后服务收费管理不规范", "县实验小学党支部"), ("食堂采购把关不严", "县实验小学党支部"),
        ("网格化管理推进缓慢", "东关街道党工委"), ("社区工作者考核不严格", "东关街道党工委"),
        ("专项资金拨付滞后", "东关街道党工委")]


@pytest.mark.parametrize("lines, aspects, problems", [
    (["（一）落实上级决策部署有差距。一是服务发展大局站位不高；二是主业不够聚焦，非主业投资效益不佳。",
      "（二）全面从严治党责任落实不到位。一是主体责任落实不够有力；二是执纪问责偏松偏软。"],
     ["落实上级决策部署有差距", "全面从严治党责任落实不到位"],
     ["服务发展大局站位不高", "主业不够聚焦,非主业投资效益不佳", "主体责任落实不够有力", "执纪问责偏松偏软"]),
    (["一是落实惠民政策有偏差。①参保动员不够有力；②资助政策落实不精准。", "二是基金监管存在漏洞。①稽核覆盖面不足；②疑点处置不及时。"],
     ["落实惠民政策有偏差", "基金监管存在漏洞"], ["参保动员不够有力", "资助政策落实不精准", "稽核覆盖面不足", "疑点处置不及时"]),
])
def test_issues_heading_over_its_own_run_is_the_aspect(lines, aspects, problems):
    """A numbered line: a one-sentence heading, then on the same line a 一是/① run of shortcomings: the heading
    names the field (an aspect), the run's items are the problems (not the heading's examples)."""
    text = MEETING + "巡察组指出，存在以下问题：\n" + "\n".join(lines) + "\n" + DEMAND
    assert _aspects_and_problems(text) == (aspects, problems)


def test_issues_heading_over_a_run_after_juti_biaoxian_keeps_its_examples():
    """(3)X。具体表现为:①A;②B: the run is the examples of the problem X (the words say so)."""
    text = MEETING + ("巡察组指出，存在以下问题：\n（1）党委领导作用发挥不够。党委会议事范围界定不清。\n"
                      "（2）医疗服务行为不规范。具体表现为：①门诊预约覆盖面不广；②部分科室存在重复检查现象。\n") + DEMAND
    assert _levels(text, 2) == ["党委领导作用发挥不够。党委会议事范围界定不清", "医疗服务行为不规范"]
    assert _levels(text, 3) == ["门诊预约覆盖面不广", "部分科室存在重复检查现象"]


def test_issues_central_team_one_sentence_style_with_short_groups():
    """A central inspection team's notice: its ;-groups are aspects and ,-clauses problems even where the
    groups hold few clauses (3,3,2,1 on average below the usual threshold)."""
    text = ("中央第九巡视组向某集团公司党委反馈巡视情况\n9月6日，中央第九巡视组向某集团公司党委反馈巡视情况。"
            "巡视也发现一些问题：落实金融工作决策部署有差距，服务实体经济质效不高，政策性业务发展滞后；"
            "防范化解风险不够有力，投资业务“一把手”说了算问题突出，境外子公司管控薄弱；"
            "落实新时代党的组织路线有差距，年轻干部培养力度不够；对上轮巡视发现问题整改不到位。\n"
            "巡视组提出意见建议：集团党委要切实抓好整改。\n")
    assert _problems(text) == [
        "落实金融工作决策部署有差距", "服务实体经济质效不高", "政策性业务发展滞后", "防范化解风险不够有力",
        "投资业务“一把手”说了算问题突出", "境外子公司管控薄弱", "落实新时代党的组织路线有差距", "年轻干部培养力度不够",
        "对上轮巡视发现问题整改不到位"]


def test_issues_mobilisation_focus_list_is_no_finding_and_a_reported_one_is():
    """A mobilisation meeting's news: the team's 一是聚焦… list of what it will look at is its focus; a finding
    the leader reports (他同时通报,根据前期了解的情况,…) is one, without the demand that closes its sentence."""
    text = ("县委第一巡察组巡察县林业局党组工作动员会召开\n3月18日，县委第一巡察组巡察县林业局党组工作动员会召开。\n"
            "组长指出，巡察组将坚持政治巡察定位，重点围绕以下方面开展监督：一是聚焦落实上级决策部署情况，检查是否存在违规占用林地问题；"
            "二是聚焦群众身边不正之风，重点了解林权登记办理不及时等问题。\n"
            "组长强调，局党组要正确对待巡察。他同时通报，根据前期了解的情况，上轮巡察反馈的林权登记改革推进缓慢问题至今整改不彻底，"
            "要求局党组在巡察期间即知即改。\n局党组书记表示，将全力配合巡察工作。\n")
    assert _problems(text) == ["上轮巡察反馈的林权登记改革推进缓慢问题至今整改不彻底"]


@pytest.mark.parametrize("lead", ["巡察发现的主要问题如下：\n", "具体情况如下：\n"])
def test_issues_table_copied_one_cell_a_line(lead):
    """A Word table pasted as text, one cell a line: the header's lines name the columns (反馈问题 opened the
    findings part after it), a row is its id's line and the cells after it, a (一) line between rows a category."""
    rows = ("序号\n反馈问题\n整改时限\n（一）政治建设方面\n1\n理论学习不够深入，研讨不多\n立行立改\n"
            "2\n落实上级决策部署有差距\n2024年底\n（二）作风建设方面\n3\n违规使用公务用车\n立行立改\n")
    found = read_feedback(MEETING + PRAISE + lead + rows + DEMAND + PLEDGE).issues
    assert [(i.level, i.text) for i in found] == [
        (1, "政治建设方面"), (2, "理论学习不够深入,研讨不多"), (2, "落实上级决策部署有差距"),
        (1, "作风建设方面"), (2, "违规使用公务用车")]
    assert [i.label for i in found if i.level == 2] == ["1", "2", "3"]


def test_issues_team_focus_with_its_yardstick_is_no_finding():
    """巡视组以党章为尺子,紧扣…,紧盯党的领导弱化…问题: the team's focus, however many shortcoming words it names;
    the findings after 主要是: are read in the central formula (its category heads name the fields only)."""
    text = ("省委第九巡视组向省农业科学院党委反馈专项巡视情况\n组长指出，专项巡视期间，巡视组以党章为尺子，紧扣“六项纪律”，"
            "紧盯党的领导弱化、党的建设缺失、全面从严治党不力问题，着力发现问题。\n巡视组在反馈中指出，院党委做了大量工作。"
            "同时，巡视中也发现一些比较突出的问题，主要是：党的领导弱化，谋划不够；党的建设缺失，组织生活开展不经常。\n"
            "组长就抓好整改工作提出意见建议：院党委要切实加强党的领导。\n")
    assert _aspects_and_problems(text) == (["党的领导弱化", "党的建设缺失"], ["谋划不够", "组织生活开展不经常"])


def test_issues_field_list_after_biaoxianwei_is_a_problem_a_group():
    """X方面,主要表现为:A,A';B,B': each ;-group is one problem (its clauses its details); a sentence that
    only announces the count (此次共反馈问题4个) is no finding."""
    text = MEETING + ("但“回头看”也发现，该中心整改工作仍有差距，此次共反馈问题4个。\n"
                      "新发现的问题方面，主要表现为：政治学习流于形式，学习记录照抄照搬；财务管理不规范，资产账实不符；"
                      "查询管理存在漏洞，审批手续不完备；公务接待不规范，超标准接待。\n") + DEMAND
    assert _aspects_and_problems(text) == (["新发现的问题方面"], [
        "政治学习流于形式,学习记录照抄照搬", "财务管理不规范,资产账实不符", "查询管理存在漏洞,审批手续不完备",
        "公务接待不规范,超标准接待"])


def test_issues_object_list_elements_joined_up_to_their_shortcoming():
    """存在的主要问题有: A、B、C等问题: each element ends at a part that states a shortcoming (B轮换“以陈顶新”、“转圈粮”
    风险较大 is one element); a report of other units' disciplinary cases after the list is no finding."""
    text = MEETING + ("但对照专项整治的要求，该公司存在的主要问题有：落实粮食安全责任有差距、储备粮轮换“以陈顶新”、“转圈粮”风险较大、"
                      "库存粮食数量、质量管控不到位、财务管理混乱等问题。今年以来，全市已查处粮食购销领域腐败案件14件，"
                      "其中邻县粮库原主任王某被开除党籍。\n") + DEMAND
    assert _problems(text) == ["落实粮食安全责任有差距", "储备粮轮换“以陈顶新”、“转圈粮”风险较大",
                               "库存粮食数量、质量管控不到位", "财务管理混乱"]


def test_issues_body_list_and_appendix_list_both_count():
    """A notice whose body lists its findings and whose appendix lists others (the earlier round's problems
    not yet put right, 具体情况见附件): both lists; a finding about clues handled badly (问题线索发现、移送不积极)
    does not end the findings part as a clue sentence would."""
    text = ("市委第二巡察组关于巡察市中级人民法院党组的反馈意见\n二、巡察发现的主要问题\n（一）履行职能方面\n"
            "1.服务保障中心工作有差距。破产审判推进缓慢。\n2.扫黑除恶线索摸排不够深入。对“保护伞”问题线索发现、移送不积极，执行到位率偏低。\n"
            "（二）全面从严治党方面\n3.党组主体责任落实不到位。廉政风险防控针对性不强。\n"
            "上轮巡察反馈的14个问题中，已整改到位11个，整改未到位3个，具体情况见附件。\n三、意见建议\n（一）坚持党的领导。\n"
            "附件\n2016年市委巡察反馈问题整改未到位情况表\n序号\t上轮反馈问题\t整改未到位情况\n1\t长期未结案件清理不力\t仍有23件\n"
            "2\t诉讼费退费不及时\t仍有41.6万元未退\n")
    assert _problems(text) == ["服务保障中心工作有差距。破产审判推进缓慢",
                               "扫黑除恶线索摸排不够深入。对“保护伞”问题线索发现、移送不积极,执行到位率偏低",
                               "党组主体责任落实不到位。廉政风险防控针对性不强", "长期未结案件清理不力", "诉讼费退费不及时"]


def test_issues_verdict_headings_with_a_comma_over_problems_numbered_straight_through():
    """一、党的领导弱化,贯彻落实决策部署不够有力 (a verdict and its field on one line) over (一)…(四) numbered straight
    through the headings: the 一、 lines are aspects, the (一) lines problems."""
    text = MEETING + ("巡察发现的主要问题：\n一、党的领导弱化，贯彻落实决策部署不够有力\n（一）学习贯彻不够深入。专题研讨流于形式。\n"
                      "（二）脱贫攻坚工作不够扎实。资金拨付滞后。\n二、党的建设缺失，基层党组织建设薄弱\n（三）民主集中制执行不够严格。\n"
                      "（四）选人用人工作不够规范。\n") + DEMAND
    assert _aspects_and_problems(text) == (
        ["党的领导弱化,贯彻落实决策部署不够有力", "党的建设缺失,基层党组织建设薄弱"],
        ["学习贯彻不够深入。专题研讨流于形式", "脱贫攻坚工作不够扎实。资金拨付滞后", "民主集中制执行不够严格", "选人用人工作不够规范"])


def test_issues_field_heading_over_a_numbered_run_on_its_line():
    """一、X方面。(1)A;(2)B: the field is the aspect and the (1) items its problems (whatever their family)."""
    text = MEETING + ("巡察组指出，存在以下问题：\n一、落实党的路线方针政策和党中央、省委、市委决策部署方面。（1）学习贯彻不够深入，结合实际推动工作的举措不多；"
                      "（2）主责主业不够聚焦，老旧管网改造进度滞后，管网漏损率偏高。\n"
                      "二、落实全面从严治党方面。（1）党委主体责任落实不到位，对子公司监督薄弱；（2）物资采购管理不规范，未履行招标程序。\n"
                      "三、整改方面。上轮巡察反馈的水费欠缴清收问题整改不到位，截至6月底仍有欠缴水费2300余万元。\n") + DEMAND
    assert _aspects_and_problems(text)[0][:2] == ["落实党的路线方针政策和党中央、省委、市委决策部署方面", "落实全面从严治党方面"]
    assert _aspects_and_problems(text)[1][:4] == [
        "学习贯彻不够深入,结合实际推动工作的举措不多", "主责主业不够聚焦,老旧管网改造进度滞后,管网漏损率偏高",
        "党委主体责任落实不到位,对子公司监督薄弱", "物资采购管理不规范,未履行招标程序"]


def test_issues_deadline_a_demand_sets_for_one_problem():
    """要…于2024年10月31日前全部完成竣工验收 in the demands: the deadline of the problem whose words its clause
    shares (未按期竣工验收的高标准农田建设项目); a deadline for the whole list shares none and belongs to none."""
    text = MEETING + ("巡察组指出，存在以下问题：\n1.高标准农田建设项目管理不规范，部分项目未按期竣工验收。\n2.财务管理不规范，公务接待超标准。\n"
                      "巡察组要求，局党组要切实履行整改主体责任。需要一定时间整改的要限期整改，其中，对未按期竣工验收的高标准农田建设项目，"
                      "要督促项目实施单位抓紧完工，于2024年10月31日前全部完成竣工验收；所有问题要于2024年12月底前整改到位。\n") + PLEDGE
    found = read_feedback(text).issues
    assert [(i.issue_id, i.extra["deadline"]) for i in found if i.level == 2] == [("1", "2024年10月31日前"), ("2", None)]


def test_issues_deadline_of_a_demand_about_one_object_after_the_list():
    """对违规发放的津补贴,要于2024年3月31日前全部清退到位 after 一要…四要: a demand about one object (对X,要…),
    not a finding; its deadline is the problem's whose words it shares (pairs_blind8 w1 problem 6)."""
    text = MEETING + ("巡察组指出，存在以下问题：\n1.理论学习不够深入，研讨交流不充分。\n"
                      "2.违反中央八项规定精神问题仍有发生。部分单位违规发放津补贴，公务接待超标准。\n"
                      "针对发现的问题，巡察组提出了整改意见：一要提高政治站位；二要驰而不息纠治“四风”。"
                      "对违规发放的津补贴，要于2024年3月31日前全部清退到位。\n") + PLEDGE
    found = read_feedback(text).issues
    assert [(i.issue_id, i.extra["deadline"]) for i in found if i.level == 2] == [("1", None), ("2", "2024年3月31日前")]


def test_issues_three_levels_of_headings_sections_aspects_problems():
    """一、…方面 over (一)…有差距 over 1．… numbered on across the (一) headings: the 一、 lines head sections (aspects
    that are the parents of the aspects under them, since blind54 10), the (一) lines are the aspects and the numbered
    lines the problems (a (二) with one problem, 3．, included; pairs_blind9 x3)."""
    text = MEETING + ("巡察也发现了一些问题。\n一、贯彻落实党中央决策部署方面\n（一）落实主体责任有差距\n"
                      "1．党组会议事规则界定不清，部分事项以局长办公会代替。\n2．落实改革任务不到位，推进缓慢。\n"
                      "（二）践行以人民为中心的发展思想有差距\n3．群众办事难问题解决不够有力，窗口等候时间较长。\n"
                      "二、落实全面从严治党方面\n（一）“两个责任”落实不到位\n4．党组对腐败问题集中整治重视不够，自查自纠不深不实。\n"
                      "5．纪检监督聚焦不够，日常监督缺位。\n（二）廉洁风险防控存在漏洞\n6．采购管理不规范，部分项目未经论证即实施。\n"
                      "巡察组提出以下整改意见建议：要认真整改。\n") + PLEDGE
    found = read_feedback(text).issues
    assert [(i.text[:6], i.parent_id) for i in found if i.level == 2] == [
        ("党组会议事规", "A2"), ("落实改革任务", "A2"), ("群众办事难问", "A3"), ("党组对腐败问", "A5"),
        ("纪检监督聚焦", "A5"), ("采购管理不规", "A6")]
    assert [(i.text, i.parent_id) for i in found if i.level == 1] == [
        ("贯彻落实党中央决策部署方面", None), ("落实主体责任有差距", "A1"), ("践行以人民为中心的发展思想有差距", "A1"),
        ("落实全面从严治党方面", None), ("“两个责任”落实不到位", "A4"), ("廉洁风险防控存在漏洞", "A4")]


def test_issues_rectification_plan_table_under_its_header_line():
    """A 整改方案 whose problems are its appendix's table (序号\t问题类别\t具体问题\t整改措施\t整改时限), the zone of
    findings opening at the first row: the header line above it still names the columns (blind14's 整改方案)."""
    text = ("中共某县卫生健康局党组关于落实县委巡察反馈意见的整改方案\n"
            "三、整改任务\n县委第一巡察组共反馈2个方面3个问题。局党组逐条研究，细化整改措施，具体见附件。\n"
            "附件：巡察反馈问题整改清单\n序号\t问题类别\t具体问题\t整改措施\t整改时限\n"
            "1\t落实上级决策部署方面\t医疗服务能力提升缓慢，部分乡镇卫生院无法开展常规手术\t制定能力提升计划\t2023年9月底前\n"
            "2\t\t家庭医生签约服务流于形式，履约率偏低\t开展履约情况专项检查\t立行立改\n"
            "3\t全面从严治党方面\t药品采购管理不规范，部分采购未执行比价程序\t修订采购管理办法\t2023年6月底前\n"
            "中共某县卫生健康局党组\n2023年3月20日\n")
    found = read_feedback(text).issues
    assert [i.text for i in found if i.level == 2] == [
        "医疗服务能力提升缓慢,部分乡镇卫生院无法开展常规手术", "家庭医生签约服务流于形式,履约率偏低",
        "药品采购管理不规范,部分采购未执行比价程序"]
    assert [i.text for i in found if i.level == 1] == ["落实上级决策部署方面", "全面从严治党方面"]


@pytest.mark.parametrize("findings, demands, expected", [
    # the demands' run goes on in a sentence of its own (一是…。二是…;对X问题,要…于…前…): still a demand (pairs_blind10 y3)
    ("1.医保基金使用管理不规范，存在串换项目收费、分解住院等问题。\n2.科研经费管理不严。\n",
     "巡察组提出以下意见建议：一是加强党的领导。二是深入推进集中整治；对医保基金违规使用问题，要深入开展自查自纠，"
     "于2023年10月底前将违规使用的医保基金全部退回。\n",
     [("1", "2023年10月底前"), ("2", None)]),
    # the demand names what the problem's example speaks of (比如…危房改造补助资金滞留) (pairs_blind10 y1)
    ("1.惠民资金管理使用不规范，比如2018年农村危房改造补助资金滞留未拨付。\n2.干部队伍建设不够有力。\n",
     "巡察组要求：一要强化整改责任；二要突出整改重点，滞留的农村危房改造补助资金须于2019年7月底前全部拨付到位。\n",
     [("1", "2019年7月底前"), ("2", None)]),
    # the team leader's demands as their own 一是… run after a sentence naming him, one of them about one
    # problem (三是…,对X问题,要…于…前…): the run reads like findings, yet it is no problem's (pairs_blind15 d3)
    ("1.党委议事规则执行不严格。\n2.住院收费管理不规范，比如重复收取护理费。\n3.人才培养机制不健全。\n",
     "巡察组组长王明就抓好整改提出意见。一是提高站位，压实责任。二是坚持问题导向，着力解决群众就医难题。"
     "三是深化行风建设，对住院收费管理不规范问题，要全面自查自纠，于2024年5月31日前将多收的费用全部退还患者。\n",
     [("1", None), ("2", "2024年5月31日前"), ("3", None)]),
    # 须于…前 (pairs_blind16 e3)
    ("1.村务公开不及时。\n2.村级集体“三资”清查工作滞后。\n",
     "巡察组要求，镇党委要切实扛起整改责任。村级集体“三资”清查问题须于2025年9月30日前完成清查并建立台账。\n",
     [("1", None), ("2", "2025年9月30日前")]),
    # counted from the day of the feedback (5月10日 in MEETING), that day not counted (pairs_blind17 f3)
    ("1.村务公开不及时。\n2.农村饮水安全保障不到位，部分自然村季节性缺水。\n",
     "巡察组要求，对群众反映强烈的农村饮水安全问题，要在2个月内解决到位；其他问题要限期整改到位。\n",
     [("1", None), ("2", "2个月内(即2024年7月10日前)")]),
    # the date the rectification report is due by belongs to no problem, whatever words it shares (the bundled
    # corpus's feedback)
    ("1.全面从严治党主体责任落实不够到位，履行“一岗双责”不够。\n2.村务公开不及时。\n",
     "巡察组要求，局党组要切实履行巡察整改主体责任，于2个月内报送整改情况报告。\n",
     [("1", None), ("2", None)]),
])
def test_issues_deadline_of_a_demand_in_a_run_or_named_by_an_example(findings, demands, expected):
    found = read_feedback(MEETING + "巡察组指出，存在以下问题：\n" + findings + demands + PLEDGE).issues
    assert [(i.issue_id, i.extra["deadline"]) for i in found if i.level == 2] == expected


def test_issues_post_written_in_short_lines_with_padded_numbers():
    """A WeChat post in short lines: 01, 02 alone on their lines number the items, each item the short lines
    below it up to the next number or the post's next part (———— … ————); 比如 on its line opens examples."""
    lines = ["县委第三巡察组向我院党委反馈巡察情况", "11月15日下午", "县委第三巡察组", "向县人民医院党委", "反馈巡察情况",
             "———— 🔍 发现的问题 ————", "巡察组指出", "院党委在以下方面", "还存在一些问题👇",
             "01", "党委领导下的院长负责制", "落实不到位", "议事范围边界不清",
             "02", "药品耗材采购监管不严", "比如", "部分耗材未经论证", "即采购入院",
             "03", "上轮巡察反馈问题", "整改不彻底",
             "———— ✅ 立行立改 ————", "巡察期间", "医院已对", "指出的6个问题", "立行立改", "目前已全部整改到位",
             "———— 📌 工作要求 ————", "巡察组要求", "院党委要切实扛起", "巡察整改主体责任", "END"]
    found = read_feedback("\n".join(lines) + "\n").issues
    assert [i.text for i in found if i.level == 2] == [
        "党委领导下的院长负责制\n落实不到位\n议事范围边界不清", "药品耗材采购监管不严", "上轮巡察反馈问题\n整改不彻底"]
    assert [i.text for i in found if i.level == 3] == ["部分耗材未经论证\n即采购入院"]


def test_issuelist_emoji_bullets_of_a_wechat_post():
    """A WeChat post's emoji bullets (📌 before a sub-heading, 👉 before an example) decorate, as ◆ does: they are
    no part of a problem, and 👉比如 opens an example (blind19's WeChat post)."""
    text = ("巡察反馈｜县委巡察组向县城投公司党委反馈巡察情况\n巡察发现了这些问题\n"
            "📌风险防控存在漏洞\n应收账款清收不力，对外担保管理不规范。\n👉比如，2023年有3笔担保未经董事会审议。\n"
            "📌选人用人工作有短板\n干部梯队建设滞后，年轻干部占比不足15%。\n"
            "巡察组要求，公司党委要切实抓好整改。\n")
    issues = read_feedback(text).issues
    assert not any("📌" in i.text or "👉" in i.text for i in issues)
    assert [i.text for i in issues if i.level == 2] == ["风险防控存在漏洞", "选人用人工作有短板"]
    assert "2023年有3笔担保未经董事会审议" in [i.text for i in issues if i.level == 3]


def test_issuelist_word_numbering_pasted_with_spaces_and_a_yardstick_lead():
    """A Word document pasted as text (blind19): numbers with spaces inside (3 . / (1 ) / ( 2)) are markers, and
    但对照全面从严治党要求,还存在以下问题: is the findings' lead (要求 the yardstick), not a demand."""
    text = ("县委巡察组关于对县卫健局党委巡察情况的反馈意见\n"
            "巡察认为，局党委做了大量工作。但对照全面从严治党要求，还存在以下问题：\n"
            "1.\t党委主体责任意识不强，廉政谈话流于形式。\n"
            "2.\t意识形态工作重视不够，舆情引导不力。\n"
            "3 .  基层党组织设置不规范，组织生活不严格。\n"
            "（1 ）2个卫生院党支部未按期换届；\n"
            "（ 2）部分支部“三会一课”以业务会代替。\n"
            "巡察组要求，局党委要切实抓好整改。\n")
    issues = read_feedback(text).issues
    assert [(i.level, i.label) for i in issues] == [(2, "1."), (2, "2."), (2, "3 ."), (3, "(1 )"), (3, "( 2)")]


def test_issuelist_headings_whose_numbers_were_lost():
    """一、 lost in a paste, 1. 2. kept (blind19's Word paste): a bare verdict line before the next item of the
    run heads the items after it, an aspect, not a problem; a short wrapped cell (走访核实) is none."""
    text = ("县委巡察组关于对县卫健局党委巡察情况的反馈意见\n巡察发现的主要问题：\n"
            "党的领导弱化，履行管党治党责任不到位\n"
            "1.\t党委主体责任意识不强。党委书记第一责任人职责履行不到位，对班子成员廉政谈话流于形式。\n"
            "2.\t意识形态工作重视不够。\n"
            "党的建设缺失，基层党组织建设薄弱\n"
            "3.\t基层党组织设置不规范，组织生活不严格，部分支部“三会一课”以业务会代替。\n"
            "4.\t发展党员工作不规范。\n"
            "巡察组要求，局党委要切实抓好整改。\n")
    issues = read_feedback(text).issues
    assert [(i.level, i.text[:8]) for i in issues] == [
        (1, "党的领导弱化,履"), (2, "党委主体责任意识"), (2, "意识形态工作重视"),
        (1, "党的建设缺失,基"), (2, "基层党组织设置不"), (2, "发展党员工作不规")]


@pytest.mark.parametrize("first_aspect", [
    # the first heading's own lead states its findings on the heading's line
    "（一）落实粮食安全责任方面。主要是：学习贯彻不够深入，意识不强；落实储备规模要求有差距，库存少4800吨。\n",
    # the first heading's own lead announces the numbered lines below it
    "（一）落实粮食安全责任方面。存在以下问题：\n1.学习贯彻不够深入，意识不强。\n2.落实储备规模要求有差距，库存少4800吨。\n",
])
def test_issuelist_aspect_headings_with_their_own_lead_after_the_parts_lead(first_aspect):
    """巡察发现的主要问题: then (一)X方面。主要是:A;B / (二)Y方面。存在以下问题: 1.… (pairs_blind14 c4): an aspect's own
    lead on its heading's line is inside the findings part, not the part's heading that would open it after (一)."""
    text = ("市委第三巡察组向某储备粮公司党支部反馈专项巡察情况\n" + MEETING + "巡察发现的主要问题：\n" + first_aspect
            + "（二）风险防控方面。存在以下问题：\n1.储备粮轮换管理不规范，轮换计划执行不严。\n2.仓储管理存在漏洞，账实不符问题突出。\n"
            + DEMAND)
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["落实粮食安全责任方面", "风险防控方面"]
    assert problems == ["学习贯彻不够深入,意识不强", "落实储备规模要求有差距,库存少4800吨",
                        "储备粮轮换管理不规范,轮换计划执行不严", "仓储管理存在漏洞,账实不符问题突出"]


@pytest.mark.parametrize("opener", ["第一，{a}。第二，{b}。第三，{c}。", "一是{a}；二是{b}；三是{c}。"])
def test_issuelist_a_closing_zuihou_after_another_run_is_its_own_problem(opener):
    """第一…第六。最后,巡察组还指出,X (blind20 y09, blind17 v09): 最后 closes a run of another family as 此外 does;
    X is a problem of its own, not the tail of the last item."""
    body = opener.format(a="社区党委政治功能发挥不充分", b="集体资产管理混乱，租金收入未及时入账", c="居务公开流于形式")
    text = (MEETING + "巡察组指出了该社区存在的突出问题。" + body
            + "最后，巡察组还指出，社区对上级巡察反馈问题整改不到位，老问题反复出现。\n" + DEMAND)
    assert _problems(text) == ["社区党委政治功能发挥不充分", "集体资产管理混乱,租金收入未及时入账", "居务公开流于形式",
                               "社区对上级巡察反馈问题整改不到位,老问题反复出现"]


@pytest.mark.parametrize("opening", [
    # praise turning to a generic gap held against a yardstick
    "巡察组认为，行党委做了大量工作，但对照新时代国有金融企业党建工作要求，仍有不小差距。",
    # a count announced after the fields it names
    "巡察组指出了行党委在党的领导、党的建设、全面从严治党3个方面4个问题。",
])
def test_issuelist_generic_gap_and_count_after_named_fields_are_no_problems(opening):
    """…做了大量工作,但对照…要求,仍有不小差距。 and 巡察组指出了X在A、B、C 3个方面4个问题。 (blind20 y05) announce
    the list; neither is a problem of it."""
    text = (MEETING + opening + "\n（一）党的领导方面\n1．信贷风险防控不力，不良贷款率偏高。\n2．党委前置研究程序执行不严。\n"
            "（二）党的建设方面\n3．基层党建基础薄弱。\n4．党建与业务融合不深。\n" + DEMAND)
    assert _problems(text) == ["信贷风险防控不力,不良贷款率偏高", "党委前置研究程序执行不严", "基层党建基础薄弱", "党建与业务融合不深"]


def test_issuelist_yardstick_lead_with_its_run_and_a_second_run_restarting():
    """回头看 (blind21 z11): 但对照巡察整改要求,仍存在一些差距:一是…;二是… is the findings' lead (要求 the yardstick, its
    list in the same sentence), and 同时,巡察组还发现一些新的问题:一是…;二是… a second run whose numbers restart."""
    text = (MEETING + "巡察组指出，局党组对上轮巡察反馈问题整改总体较为重视，大部分问题已整改到位。"
            "但对照巡察整改要求，仍存在一些差距：一是整改政治站位不够高；二是整改措施不够精准，制度执行不到位。"
            "同时，巡察组还发现一些新的问题：一是信用监管不到位，抽查比例偏低；二是执法办案不规范。\n" + DEMAND)
    assert _problems(text) == ["整改政治站位不够高", "整改措施不够精准,制度执行不到位", "信用监管不到位,抽查比例偏低",
                               "执法办案不规范"]


def test_issuelist_team_proposes_what_the_unit_must_do_is_a_demand():
    """巡视组提出,X党组要坚持…;压紧压实…;… after a central one-liner (blind21 z03): the team's demands, no findings."""
    text = ("中央第三巡视组向某局党组反馈巡视情况\n巡视组指出，巡视发现的主要问题是：理论学习不够深入系统，贯彻落实决策部署有差距；"
            "落实全面从严治党“两个责任”不够到位，权力运行监督制约不够有效。\n"
            "巡视组提出，某局党组要坚持以习近平新时代中国特色社会主义思想为指导，立足职能定位；压紧压实全面从严治党政治责任，"
            "加强对“一把手”的监督；认真落实新时代党的组织路线。\n")
    assert _problems(text) == ["理论学习不够深入系统", "贯彻落实决策部署有差距", "落实全面从严治党“两个责任”不够到位",
                               "权力运行监督制约不够有效"]


def test_issues_round_up_paragraphs_framed_in_other_ways():
    """A round-up of villages whose paragraphs open 巡察组指出, / 巡察组在反馈中指出, / 巡察组反馈, then the unit as
    the list announced it plus its organ (桃源村 → 桃源村党总支), the announced list closed by 等3个村(社区)党组织;
    a unit's paragraph of 在…方面,存在X的问题;… gives the fields and the problems after 存在 (blind22 v06)."""
    text = ("县委巡察集中反馈3个村(社区)党组织巡察情况\n"
            "近日，县委第二轮巡察对桃源镇桃源村、河西街道北关社区、桃源镇李家村等3个村（社区）党组织集中反馈巡察情况。\n"
            "县委第一巡察组指出，桃源镇桃源村党总支主要存在以下问题：一是村务公开不及时；二是集体资产台账不健全。\n"
            "县委第二巡察组在反馈中指出，河西街道北关社区党委对网格员管理不严，网格巡查流于形式。\n"
            "县委第三巡察组反馈，桃源镇李家村党支部在落实惠民政策方面，存在低保审核把关不严的问题；"
            "在党支部自身建设方面，存在党员教育管理松散、主题党日活动走过场的问题。\n"
            "县委巡察办要求，各村（社区）党组织要切实扛起整改主体责任。\n")
    found = read_feedback(text).issues
    assert [(i.text, i.extra["unit"]) for i in found if i.level == 2] == [
        ("村务公开不及时", "桃源镇桃源村党总支"), ("集体资产台账不健全", "桃源镇桃源村党总支"),
        ("河西街道北关社区党委对网格员管理不严,网格巡查流于形式", "河西街道北关社区党委"),
        ("低保审核把关不严", "桃源镇李家村党支部"), ("党员教育管理松散", "桃源镇李家村党支部"),
        ("主题党日活动走过场", "桃源镇李家村党支部")]
    assert [i.text for i in found if i.level == 1] == ["在落实惠民政策方面", "在党支部自身建设方面"]


@pytest.mark.parametrize("listing", [
    # 问题N: blocks, each with the team's 整改要求 after it (blind22 v12)
    "问题一：议事规则执行不严格，部分事项未经党委会研究。整改要求：修订议事规则。\n"
    "问题二：药品采购管理不规范。整改要求：全面清理采购合同。\n",
    # a numbered list whose last item is a one-sentence headline
    "1.议事规则执行不严格，部分事项未经党委会研究。\n2.药品采购管理不规范。\n",
])
def test_issues_closing_finding_in_the_teams_voice_after_the_list(listing):
    """巡察组还指出,X after the list: a problem of its own, neither dropped nor the last item's example; a
    problem ends before the team's 整改要求: (blind22 v12)."""
    text = (MEETING + "巡察组指出，医院党委存在以下问题：\n" + listing +
            "巡察组还指出，上轮巡察反馈问题整改不到位，部分问题存在“纸上整改”现象。\n"
            "巡察期间收到的问题线索，已按规定移交县纪委监委处理。\n" + DEMAND)
    assert _levels(text, 2)[1:] == ["药品采购管理不规范", "上轮巡察反馈问题整改不到位,部分问题存在“纸上整改”现象"]
    assert _levels(text, 3) == []


def test_issues_progress_notice_quoting_the_feedback_ends_at_its_own_work():
    """A unit's 整改进展 通报 quoting the feedback under 一、: 二、整改工作开展情况 and its (一)(二) are the unit's work,
    not more problems under the last aspect (blind22 v07)."""
    text = ("中共某县农业农村局党组关于县委巡察整改进展情况的通报\n一、巡察反馈问题情况\n县委第二巡察组共反馈了2个方面4个问题：\n"
            "（一）贯彻落实决策部署方面。①粮食生产责任落实有差距；②农业产业化发展水平不高。\n"
            "（二）全面从严治党方面。①违反中央八项规定精神问题仍有发生；②干部监督管理不够严格。\n"
            "二、整改工作开展情况\n（一）提高政治站位，压实整改责任。局党组召开专题会议3次。\n"
            "（二）坚持问题导向，扎实推进整改。反馈的3个问题已完成整改2个。\n三、下一步工作打算\n局党组将持续推进整改。\n")
    assert _aspects_and_problems(text) == (
        ["贯彻落实决策部署方面", "全面从严治党方面"],
        ["粮食生产责任落实有差距", "农业产业化发展水平不高", "违反中央八项规定精神问题仍有发生", "干部监督管理不够严格"])


def test_issues_sentence_initial_ru_opens_the_examples():
    """X存在漏洞。如A;B: the sentence after the finding that opens with 如 gives its examples (blind22 v02); 如有意见
    建议… is no example."""
    text = MEETING + ("巡察组指出，存在以下问题：\n1.重点领域廉洁风险防控存在漏洞。如基建工程项目管理不规范；科研经费管理存在薄弱环节。\n"
                      "2.干部队伍建设存在短板。\n") + DEMAND
    assert _levels(text, 2) == ["重点领域廉洁风险防控存在漏洞", "干部队伍建设存在短板"]
    assert _levels(text, 3) == ["基建工程项目管理不规范", "科研经费管理存在薄弱环节"]


def test_issues_team_focus_after_a_speaker_and_a_time_frame_is_no_finding():
    """罗某指出,巡察期间,巡察组聚焦党的领导弱化、党的建设缺失、全面从严治党不力…: the round's focus formula, its
    shortcoming words notwithstanding, not a problem (blind22 v04)."""
    text = MEETING + ("王明指出，巡察期间，巡察组聚焦党的领导弱化、党的建设缺失、全面从严治党不力，通过个别谈话、调阅资料等方式深入了解情况。"
                      "同时，巡察发现，镇党委还存在一些问题：\n在全面从严治党方面，主体责任落实不到位；村级财务管理混乱。\n") + DEMAND
    assert _levels(text, 2) == ["主体责任落实不到位", "村级财务管理混乱"]


def test_issues_long_verdict_headings_over_numbered_problems_are_aspects():
    """一、学习贯彻…不够深入,落实立德树人根本任务有差距 (longer than a short heading) over (一)…(三) numbered on
    across the headings: the 一、 lines are the aspects, the (一) lines the problems (blind23 w02)."""
    text = MEETING + ("巡视组指出，巡视中也发现了一些问题：\n"
                      "一、学习贯彻习近平新时代中国特色社会主义思想和党中央决策部署不够深入，落实立德树人根本任务有差距\n"
                      "（一）理论学习中心组学习不够系统深入。\n（二）思想政治工作体系不够健全。\n"
                      "二、落实全面从严治党“两个责任”不到位，重点领域廉洁风险依然存在，监督执纪问责偏松偏软\n"
                      "（三）党委主体责任压得不实。\n（四）科研经费管理不规范。\n") + DEMAND
    aspects, problems = _aspects_and_problems(text)
    assert [a[:6] for a in aspects] == ["学习贯彻习近", "落实全面从严"]
    assert problems == ["理论学习中心组学习不够系统深入", "思想政治工作体系不够健全", "党委主体责任压得不实", "科研经费管理不规范"]


def test_issues_run_under_only_some_numbered_lines_gives_their_examples():
    """1、…。 2、X。①A;②B。 3、…: where only some numbered lines go on with a ① run, the run is that problem's
    examples, not problems of a field X (blind23 w10); every line with its run is still a field over it."""
    text = MEETING + ("巡察组指出，巡察发现的主要问题有：\n1、落实党委领导下的院长负责制不到位。\n"
                      "2、医药购销领域廉洁风险防控不力。①部分耗材未通过集中采购平台采购；②新药遴选过程缺少记录。\n"
                      "3、医保基金使用不规范。\n") + DEMAND
    assert _aspects_and_problems(text) == ([], ["落实党委领导下的院长负责制不到位", "医药购销领域廉洁风险防控不力",
                                                "医保基金使用不规范"])
    assert _levels(text, 3) == ["部分耗材未通过集中采购平台采购", "新药遴选过程缺少记录"]


def test_issues_zhuyao_biaoxian_with_a_bare_colon_opens_the_examples():
    """X。主要表现:(1)A;(2)B: the problem ends before 主要表现, whose items are its examples (pairs_blind17 f4)."""
    text = MEETING + ("巡察组指出，存在以下问题：\n1.意识形态工作责任制落实不到位。主要表现：（1）网络平台审核把关不严；"
                      "（2）讲座报备审核制度执行不严格。\n2.医保基金使用不规范。\n") + DEMAND
    assert _levels(text, 2) == ["意识形态工作责任制落实不到位", "医保基金使用不规范"]
    assert _levels(text, 3) == ["网络平台审核把关不严", "讲座报备审核制度执行不严格"]


def test_issues_field_headings_over_runs_stay_aspects_beside_one_without_a_run():
    """(一)党的领导弱化方面。一是A;二是B。 … (三)巡视整改不到位方面。X。: every line names a field (…方面), so each
    heads its run as an aspect even where one holds a single finding (blind20 y11 kept its reading)."""
    text = MEETING + ("巡视组指出，发现一些问题：\n（一）党的领导弱化方面。一是党委把方向作用发挥不充分；二是意识形态工作责任制落实不到位。\n"
                      "（二）党的建设缺失方面。一是基层党组织建设薄弱；二是党员教育管理不严格。\n"
                      "（三）巡视整改不到位方面。上一轮巡视反馈的部分问题整改不彻底。\n") + DEMAND
    aspects, problems = _aspects_and_problems(text)
    assert aspects[:2] == ["党的领导弱化方面", "党的建设缺失方面"]
    assert problems[:4] == ["党委把方向作用发挥不充分", "意识形态工作责任制落实不到位", "基层党组织建设薄弱", "党员教育管理不严格"]


def test_issues_lone_circled_number_is_no_word_of_the_finding():
    """(二)…方面。①X。 with no ② after it: the ① numbers the one finding and stays out of its text."""
    text = MEETING + ("巡察组指出，存在以下问题：\n（一）贯彻落实决策部署方面。①粮食生产责任落实有差距；②农业产业化发展水平不高。\n"
                      "（二）全面从严治党方面。①违反中央八项规定精神问题仍有发生。\n") + DEMAND
    assert _levels(text, 2) == ["粮食生产责任落实有差距", "农业产业化发展水平不高", "违反中央八项规定精神问题仍有发生"]


def test_issues_item_with_its_own_time_limit_is_a_finding_not_a_demand():
    """2.X不规范,①A;②B,要在2个月内整改到位。: the item states its shortcoming and then its own time limit; it is
    a finding (and so is the next item, no demand's run), and the limit is its deadline, counted from the
    feedback day (pairs_blind19 h4)."""
    text = MEETING + ("现将巡察发现的主要问题反馈如下：\n一、落实全面从严治党责任方面\n"
                      "1．物资采购管理不规范，①部分站所自行零星采购办公设备；②供应商名录长期未更新，要在2个月内整改到位。\n"
                      "2．财务报销审核不严，部分票据要素不全。\n"
                      "3．合同管理不规范，要在2024年9月30日前完成清理。\n") + DEMAND
    found = read_feedback(text).issues
    assert [i.text for i in found if i.level == 2] == [
        "物资采购管理不规范", "财务报销审核不严,部分票据要素不全", "合同管理不规范,要在2024年9月30日前完成清理"]
    assert [i.extra.get("deadline") for i in found if i.level == 2] == [
        "2个月内(即2024年7月10日前)", None, "2024年9月30日前"]


def test_issues_missed_date_in_a_finding_is_no_deadline():
    """未按要求于2023年底前完成清退: a date the unit missed, stated as the shortcoming, sets no deadline."""
    text = MEETING + "巡察组指出，存在以下问题：\n1.违规发放的补贴未按要求于2023年底前完成清退。\n2.档案管理不规范。\n" + DEMAND
    assert [i.extra.get("deadline") for i in read_feedback(text).issues if i.level == 2] == [None, None]


def test_issues_object_list_whose_last_item_holds_a_leads_words():
    """存在A、B、…、以往审计发现问题整改不到位等问题: the sentence lists its findings; the 发现…问题 of its last item
    does not make it a lead announcing them (blind25 y08). 其中,B问题较为突出,如…: B singled out, the example
    is B's, and the sentence is no finding of its own."""
    text = MEETING + ("巡察发现，局党组存在理论学习不深入、意识形态责任制落实不到位、惠民资金监管不力、"
                      "以往审计发现问题整改不到位等问题。其中，惠民资金监管不力问题较为突出，如2个乡镇重复发放耕地补贴。\n") + DEMAND
    found = read_feedback(text).issues
    assert [i.text for i in found if i.level == 2] == [
        "理论学习不深入", "意识形态责任制落实不到位", "惠民资金监管不力", "以往审计发现问题整改不到位"]
    assert [(i.parent_id, i.text) for i in found if i.level == 3] == [("3", "2个乡镇重复发放耕地补贴")]


def test_issues_focus_formula_after_a_speaker_and_team_work_figures_are_not_findings():
    """王某指出,巡视组按照省委要求,紧紧围绕…不力的问题,着力发现…问题 is the team's focus; 巡视期间,巡视组共与…
    个别谈话,受理来信来访…件次 its work, not a clue that ends the findings (blind25 y11)."""
    text = ("省委第三巡视组向某县委反馈巡视情况。\n王建华指出，巡视组按照省委要求，紧紧围绕党的领导弱化、全面从严治党不力的问题，"
            "着力发现违反政治纪律等方面的问题。巡视期间，巡视组共与120名干部进行个别谈话，受理来信来访380件次。\n"
            "巡视组在肯定成绩的同时，指出了存在的主要问题。\n第一，落实主体责任不够有力。\n第二，选人用人把关不严。\n" + DEMAND)
    assert _levels(text, 2) == ["落实主体责任不够有力", "选人用人把关不严"]


def test_issues_short_line_post_items_go_on_after_a_comma_ended_line():
    """A post in short lines (县委第二巡察组,\\n向…反馈): 一是X有差距,\\n城区学校…尚未化解。 is one finding over both
    lines, not a sub-heading with an example below it (blind25 y10)."""
    head = "【巡察反馈】县委巡察组反馈巡察情况\n近日，\n县委第二巡察组\n向县林业局党组\n反馈巡察情况。\n县委巡察办有关同志，\n出席会议。\n巡察组指出，\n"
    items = ("一是落实森林防火责任有差距，\n部分林区防火通道建设滞后。\n二是林木采伐审批不严格，\n个别站点存在超量采伐现象。\n"
             "三是干部队伍建设存在短板，\n基层护林员年龄偏大。\n")
    tail = "巡察组要求，\n局党组要切实扛起责任，\n抓好问题整改。\n局党组书记表示，\n将全面整改到位。\n来源：县委巡察办\n"
    assert _levels(head + items + tail, 2) == [
        "落实森林防火责任有差距,\n部分林区防火通道建设滞后", "林木采伐审批不严格,\n个别站点存在超量采伐现象",
        "干部队伍建设存在短板,\n基层护林员年龄偏大"]


def test_issues_example_place_frame_and_a_two_verdict_headline():
    """在收购环节,有的…: the place is a frame and the example starts after 有的; a paragraph opening 制度建设滞后,内控机制
    不健全。 then a sentence of three clauses: one problem, the headline and its elaboration (blind25 y07)."""
    text = MEETING + ("巡视组指出，粮食购销环节监管存在漏洞。在收购环节，有的库点压级压价；在销售环节，有的企业虚购虚销。\n"
                      "制度建设滞后，内控机制不健全。出入库制度多年未修订，监管平台覆盖不全，部分库点仍靠人工台账。\n") + DEMAND
    assert _levels(text, 2) == ["粮食购销环节监管存在漏洞", "制度建设滞后,内控机制不健全。出入库制度多年未修订,监管平台覆盖不全,部分库点仍靠人工台账"]
    assert _levels(text, 3) == ["库点压级压价", "企业虚购虚销"]


@pytest.mark.parametrize("group,finding", [
    ("党组制定了“三重一大”决策制度，但执行中存在先办后议现象", "执行中存在先办后议现象"),
    ("窗口服务作风有所转变，但异地就医备案办理时限偏长", "异地就医备案办理时限偏长"),
    ("理论学习不够深入，但也存在研讨流于形式问题", "理论学习不够深入,但也存在研讨流于形式问题"),  # fault on both sides: whole
])
def test_issues_concession_before_but_is_no_part_of_the_finding(group, finding):
    """A,但B in a list of findings: A is what was done, the finding is B (blind25 y12)."""
    text = MEETING + f"巡察组指出，存在以下问题：{group}；档案管理不规范，部分档案缺失。\n" + DEMAND
    assert _levels(text, 2)[0] == finding


def test_issues_demand_after_each_finding_keeps_the_list_going():
    """第一,X。…。巡察组要求,…。\\n第二,Y不够有力。…。对此,巡察组要求,…。\\n…最后,巡察组还指出,Z。巡察组要求,…: the
    team's demand after each item neither ends the list nor belongs to the item, and the closing finding after the
    last demand is a problem (blind26 z07)."""
    text = MEETING + ("巡察发现，局党组在以下方面还存在一些问题。\n"
                      "第一，落实党组主体责任不够到位。党组会议研究党建工作次数偏少。巡察组要求，局党组要完善议事规则。\n"
                      "第二，解决群众急难愁盼问题不够有力。窗口办事排队时间较长。对此，巡察组要求，局党组要优化办事流程。\n"
                      "最后，巡察组还指出，局党组对上轮巡察反馈问题整改不够彻底。巡察组要求，局党组要建立长效机制。\n") + PLEDGE
    assert _levels(text, 2) == ["落实党组主体责任不够到位。党组会议研究党建工作次数偏少",
                                "解决群众急难愁盼问题不够有力。窗口办事排队时间较长",
                                "局党组对上轮巡察反馈问题整改不够彻底"]


def test_issues_bracketed_problem_labels_number_the_blocks():
    """【问题一】X。… blocks of a post (blind26 z03): the label numbers the problem, headline and elaboration one problem."""
    text = MEETING + ("巡察组指出，发现以下问题。\n【问题一】政治理论学习不深不实。中心组学习以读文件为主。比如，全年集中学习仅4次。\n"
                      "【问题二】专项资金管理使用不规范。部分资金拨付滞后。\n") + DEMAND
    found = read_feedback(text).issues
    assert [(i.issue_id, i.text) for i in found if i.level == 2] == [
        ("一", "政治理论学习不深不实。中心组学习以读文件为主"), ("二", "专项资金管理使用不规范。部分资金拨付滞后")]
    assert _levels(text, 3) == ["全年集中学习仅4次"]


def test_issues_problem_list_in_an_appended_table_headed_with_its_demands():
    """The body says the problems are in the appended list (现以问题清单形式予以反馈(见附表)), asks for a plan (请公司
    党委…) and sets a must (…的事项,须按时限完成); 附表 then a table 序号\\t问题\\t整改要求 (pairs_blind21 m3): the
    rows' problem cells are the problems, and none of the body's sentences is one."""
    text = ("集团党委第二巡察组关于对某公司党委巡察情况的反馈意见\n某公司党委：\n"
            "根据集团党委统一部署，集团党委第二巡察组对你公司党委开展了常规巡察。公司党委在经营管理等方面还存在一些问题，现以问题清单形式予以反馈（见附表）。\n"
            "请公司党委对照问题清单，认真制定整改方案，于2个月内将整改情况报集团党委巡察工作领导小组办公室。整改要求中明确了时限的事项，须按时限完成。\n"
            "附表：巡察发现问题清单\n序号\t问题\t整改要求\n"
            "1\t工程项目分包管理不规范，部分分包合同未履行审批程序。\t2024年3月底前完成清理\n"
            "2\t物资采购管理存在漏洞，集中采购率偏低。\t立行立改\n")
    assert _levels(text, 2) == ["工程项目分包管理不规范,部分分包合同未履行审批程序", "物资采购管理存在漏洞,集中采购率偏低"]


def test_issues_numbered_verdict_heading_over_a_paragraph_of_findings_is_their_field():
    """二、X存在薄弱环节\\nA不够有力,…。B不够深入。比如,…。C不规范,…。: the heading names the field of the
    findings its paragraph states one a sentence (blind27 w05); a heading over its elaboration (部分…) stays the
    problem."""
    text = MEETING + ("巡察组指出，局党组在以下方面存在问题：\n一、全面从严治党和作风建设存在薄弱环节\n"
                      "党组主体责任落实不够有力，对下属单位监督偏松偏软。作风整治不够深入。比如，个别干部接受服务对象宴请。"
                      "公务用车管理不规范，存在公车私用现象。\n二、财务管理不规范\n部分票据要素不全，报销审核把关不严。\n") + DEMAND
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["全面从严治党和作风建设存在薄弱环节"]
    assert problems == ["党组主体责任落实不够有力,对下属单位监督偏松偏软", "作风整治不够深入",
                        "公务用车管理不规范,存在公车私用现象", "财务管理不规范"]
    assert _levels(text, 3) == ["个别干部接受服务对象宴请", "部分票据要素不全,报销审核把关不严"]


def test_issues_a_finding_that_points_to_the_appendix_is_still_a_finding():
    """局党组理论学习不够深入,…存在违规发放补贴问题(详见附件): the sentence states its findings itself; only a sentence
    that states none (…还存在一些问题,现以问题清单形式予以反馈(见附表)) is a lead to the appended list."""
    text = MEETING + "巡察组指出，局党组理论学习不够深入，财务管理不规范，存在违规发放补贴问题（详见附件）。\n" + DEMAND
    assert _levels(text, 2) != []


def test_issues_ru_after_a_comma_opens_an_example():
    """党建与教育教学工作结合不够紧密,如党员教师先锋岗设置后缺少考核 (blind29 u07): the example after ,如 is a
    manifestation; 如期/如实 after a comma stay words."""
    text = MEETING + "巡察组指出，存在以下问题：\n1.党建与教育教学工作结合不够紧密，如党员教师先锋岗设置后缺少考核。\n2.问题整改未能如期完成。\n" + DEMAND
    assert _levels(text, 2) == ["党建与教育教学工作结合不够紧密", "问题整改未能如期完成"]
    assert _levels(text, 3) == ["党员教师先锋岗设置后缺少考核"]


def test_issues_shi_run_across_the_paragraphs_of_aspect_headings():
    """一、X方面\\n一是A;二是B;三是C\\n二、Y方面\\n四是D;五是E (pairs_blind24 q1): each line is a paragraph of inline items
    (the run goes on across the aspects, numbered on), not one problem a line; 四是 is no word of the finding."""
    text = MEETING + ("巡察组指出，存在以下问题。\n一、贯彻落实上级决策部署方面\n"
                      "一是理论学习不够深入，专题研讨流于形式；二是社会救助政策落实不够精准；三是养老服务体系建设推进迟缓。\n"
                      "二、落实全面从严治党责任方面\n四是主体责任落实不到位，对下属单位监督偏松偏软；五是财务管理不规范。\n") + DEMAND
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["贯彻落实上级决策部署方面", "落实全面从严治党责任方面"]
    assert problems == ["理论学习不够深入,专题研讨流于形式", "社会救助政策落实不够精准", "养老服务体系建设推进迟缓",
                        "主体责任落实不到位,对下属单位监督偏松偏软", "财务管理不规范"]


def test_issues_the_units_own_missed_date_is_the_problems_deadline():
    """一是老旧小区改造推进不力,比如,2个小区改造工程原定2023年9月底前完工,至巡察时仍未竣工 (pairs_blind24 q3): the
    unit's own date, already missed, is the date the problem is held to."""
    text = MEETING + ("巡察组指出，存在以下问题：一是老旧小区改造推进不力，比如，2个小区改造工程原定2023年9月底前完工，"
                      "至巡察时仍未竣工；二是网格化管理流于形式。\n") + DEMAND
    found = read_feedback(text).issues
    assert [i.extra.get("deadline") for i in found if i.level == 2] == ["2023年9月底前", None]


def test_issues_pdf_wrap_before_a_shi_label_and_inside_one():
    """A 公文 copied out of a PDF (blind30 b30_09): a wrap that puts 二是 at a line's start goes on with the paragraph,
    one that splits 三|是 over two lines still reads the label, and an indented line opens the next field."""
    lines = [
        "市委第四巡察组关于对市公积金中心党组巡察情况的反馈意见",
        "\u3000\u3000根据市委统一部署，市委第四巡察组对市公积金中",
        "心党组进行了巡察。现将巡察发现的主要问题反馈如下。",
        "\u3000\u3000在贯彻落实上级决策部署方面，一是服务群众意识",
        "不强，窗口业务办理时限过长，群众反映较为强烈；",
        "二是落实放管服改革要求不到位，部分业务仍要求群众",
        "重复提交材料；三是资金风险防控不力，逾期贷款清收",
        "推进缓慢，逾期贷款余额较大，风险隐患较为突出。",
        "\u3000\u3000在落实全面从严治党责任方面，一是主体责任落实",
        "不到位，党组会研究廉政工作次数偏少，排查流于形式",
        "；二是执行中央八项规定精神不严格，有工作人员使用公",
        "务卡支付私人费用，财务审核把关不严格，问题较多；三",
        "是内部控制制度执行不严，贷款审核缺少复核环节。",
        "\u3000\u3000请中心党组在收到本反馈意见后2个月内，将整改",
        "情况报送市委巡察工作领导小组办公室，抓好整改落实。",
    ]
    aspects, problems = _aspects_and_problems("\n".join(lines) + "\n")
    assert aspects == ["在贯彻落实上级决策部署方面", "在落实全面从严治党责任方面"]
    assert [p.replace("\n", "")[:8] for p in problems] == [
        "服务群众意识不强", "落实放管服改革要", "资金风险防控不力", "主体责任落实不到", "执行中央八项规定", "内部控制制度执行"]


@pytest.mark.parametrize("lead", ["学院党委在以下方面还存在问题和不足：", "局党组在以下几个方面存在差距："])
def test_issues_a_lead_naming_the_following_fields_is_no_finding(lead):
    """blind30 b30_05: 在以下方面还存在问题和不足: announces the list, states no shortcoming of its own."""
    text = MEETING + PRAISE + "巡察组同时指出，" + lead + "\n（1）理论学习不够深入。\n（2）财务管理不规范。\n" + DEMAND
    assert _problems(text) == ["理论学习不够深入", "财务管理不规范"]


def test_issues_a_clue_handed_over_and_a_speakers_hope_are_no_findings():
    """A speech (blind30 b30_12): 另外,…还发现了问题线索6件,涉及违规使用…,已经按程序移交… is a clue whatever its subjects
    name; 希望…党组以这次巡察为契机,… after the demands is a demand."""
    text = ("在县医疗保障局专项巡察情况反馈会上的讲话\n同志们：下面我讲两个方面的问题。\n"
            "首先，基金监管责任落实不到位，日常稽核流于形式。\n最后，经办服务管理不规范，异地就医备案手续繁琐。\n"
            "另外，这次巡察还发现了问题线索6件，涉及医保基金违规使用、公职人员失职失责等，已经按程序移交县纪委监委。\n"
            "针对这些问题，我提几点意见。第一，要提高政治站位。第二，要压实整改责任。\n"
            "希望县医疗保障局党组以这次专项巡察为契机，真正把问题改到位、把制度建起来。\n")
    assert _problems(text) == ["基金监管责任落实不到位,日常稽核流于形式", "经办服务管理不规范,异地就医备案手续繁琐"]


@pytest.mark.parametrize("first", ["村级集体经济“空壳”运转", "发展党员后继乏人"])
def test_issues_an_empty_shell_is_a_shortcoming_of_its_own_in_an_object_list(first):
    """龙井村党总支:主要存在村级集体经济“空壳”运转、党员发展程序不规范…等问题 (blind30 b30_03; 后继乏人: blind31 08): one
    problem an element."""
    text = MEETING + f"巡察组指出，龙井村党总支主要存在{first}、党员发展程序不规范、村干部坐班制度落实不到位等问题。\n" + DEMAND
    assert _problems(text) == [first, "党员发展程序不规范", "村干部坐班制度落实不到位"]


def test_issues_a_category_head_of_the_central_formula_names_its_field_only():
    """主要是：党的领导弱化，A，B；党的建设缺失，C；全面从严治党不力，D (blind14, blind20, blind24, blind28, blind30): the
    three category heads are the fields, the clauses after them the findings; a head that states a shortcoming of its
    own (贯彻落实…不够有力) stays a finding too."""
    text = ("中央第十一巡视组向某某集团党委反馈专项巡视情况\n巡视组指出，发现了一些问题，主要是：党的领导弱化，党委把方向作用发挥不够，"
            "偏离主业；党的建设缺失，基层党组织软弱涣散；全面从严治党不力，“两个责任”落实不到位。\n")
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["党的领导弱化", "党的建设缺失", "全面从严治党不力"]
    assert problems == ["党委把方向作用发挥不够", "偏离主业", "基层党组织软弱涣散", "“两个责任”落实不到位"]
    own = text.replace("党的领导弱化，", "贯彻落实中央决策部署不够有力，")
    assert _problems(own)[0] == "贯彻落实中央决策部署不够有力"


def test_issues_a_finding_on_how_the_unit_handled_its_letters_is_no_clue():
    """9.信访举报办理不及时。2023年以来受理的14件信访举报中,有5件超过规定期限未办结 (pairs_blind26 r1): the unit's
    letters, not the team's clues; the list goes on after it."""
    text = MEETING + ("巡察组指出，存在以下问题：\n1.信访举报办理不及时。2023年以来受理的14件涉粮信访举报中，有5件超过规定期限未办结。\n"
                      "2.关键岗位人员长期不交流。\n") + DEMAND
    assert [p[:9] for p in _problems(text)] == ["信访举报办理不及时", "关键岗位人员长期不"]


def test_issues_problem_labels_over_a_line_of_numbered_examples_are_the_problems():
    text = (MEETING + "巡察发现的主要问题如下：\n"
            "问题1：财务管理不规范。\n具体表现：（1）差旅费报销审核不严；（2）固定资产账实不符。\n"
            "问题2：干部队伍建设薄弱。\n具体表现：（1）年轻干部储备不足；（2）干部轮岗交流不经常。\n"
            "问题3：上轮巡察整改不彻底。\n具体表现：食堂采购仍未公开招标。\n" + DEMAND)
    found = read_feedback(normalize(text)).issues
    assert [i.text for i in found if i.level == 1] == []
    assert [i.text for i in found if i.level == 2] == ["财务管理不规范", "干部队伍建设薄弱", "上轮巡察整改不彻底"]
    assert [i.text for i in found if i.level == 3] == [
        "差旅费报销审核不严", "固定资产账实不符", "年轻干部储备不足", "干部轮岗交流不经常", "食堂采购仍未公开招标"]


def test_issues_a_table_with_category_lines_between_its_rows():
    text = ("巡视整改情况通报\n巡视组指出了2个方面3个问题。具体整改情况如下：\n"
            "序号\t巡视反馈问题\t整改措施\t整改情况\n"
            "一、党风廉政建设方面\n"
            "1\t党组研究党风廉政建设不多\t建立定期研究制度\t已完成\n"
            "2\t下属单位“小金库”问题突出\t开展专项治理\t已完成\n"
            "二、作风建设方面\n"
            "3\t审批周期长、环节多\t精简审批事项\t正在推进\n"
            "下一步，局党组将持续抓好整改。\n")
    aspects, problems = _aspects_and_problems(normalize(text))
    assert aspects == ["党风廉政建设方面", "作风建设方面"]
    assert problems == ["党组研究党风廉政建设不多", "下属单位“小金库”问题突出", "审批周期长、环节多"]


@pytest.mark.parametrize("near_miss", [
    # a question put to the unit to think over
    "巡察组还提出了一个需要局党组思考的问题：农机补贴政策是否真正惠及小农户？",
    # an earlier round's findings, mostly put right
    "巡察组对上轮巡察整改情况开展了“回头看”，上轮反馈的问题已基本整改到位。",
    # another unit's case as a warning
    "巡察组还通报了近年来全市农业系统查处的典型案例，邻县农业农村局原局长收受贿赂被判刑，警示全系统以案为鉴。",
])
def test_issues_questions_earlier_findings_and_others_cases_are_no_findings(near_miss):
    text = (MEETING + "巡察发现的主要问题是：一是理论学习不够深入；二是惠农资金管理不规范；三是基层党建薄弱。\n"
            + near_miss + "\n" + DEMAND)
    assert _problems(normalize(text)) == ["理论学习不够深入", "惠农资金管理不规范", "基层党建薄弱"]


def test_issues_a_question_quoting_a_finding_keeps_it():
    text = (MEETING + "1.问：巡察指出“惠农资金发放不及时，群众反映强烈”，现在进展如何？\n"
            "答：已全部发放到位。\n")
    assert any("惠农资金发放不及时" in p for p in _problems(normalize(text)))


def test_issues_the_central_formula_goes_on_in_a_sentence_of_its_own_and_the_checks_are_no_findings():
    """A 回头看 notice: the team's checks as questions (重点检查党的领导是否弱化…) are its focus; the one-sentence
    list goes on after it in a 同时, sentence of the same shape (a field, then its findings)."""
    text = ("中央第三巡视组向某某集团党组反馈巡视“回头看”情况\n"
            "巡视组对集团专项巡视以来的整改情况进行了“回头看”，重点检查党的领导是否弱化、党的建设是否缺失。\n"
            "巡视“回头看”发现，集团党组落实全面从严治党责任仍有差距，主要是：党的领导弱化，党组把方向作用发挥不够，"
            "对“三重一大”事项把关不严；党的建设缺失，基层党组织软弱涣散，党员教育管理不严。同时，上一轮巡视反馈问题整改不到位，"
            "一些整改措施没有落到实处，个别问题整改敷衍塞责。\n"
            "巡视组提出了意见建议：集团党组要切实增强“四个意识”。\n")
    aspects, problems = _aspects_and_problems(normalize(text))
    assert aspects[:2] == ["党的领导弱化", "党的建设缺失"] and len(aspects) == 3
    assert "一些整改措施没有落到实处" in problems and "个别问题整改敷衍塞责" in problems
    assert not any("重点检查" in p for p in problems)
    assert "党组把方向作用发挥不够" in problems


def test_issues_a_list_handed_over_as_a_problem_list_is_no_finding():
    text = (MEETING + "巡察发现，局党组主要存在落实粮食安全党政同责不够有力、政策性粮食收储监管不严、库存管理存在漏洞等问题。"
            "巡察组还将发现的具体问题以问题清单形式书面反馈局党组。\n" + DEMAND)
    assert _problems(normalize(text)) == ["落实粮食安全党政同责不够有力", "政策性粮食收储监管不严", "库存管理存在漏洞"]


def test_issues_a_line_whose_number_a_paste_lost_is_still_a_finding():
    """An appendix list whose first item under a heading lost its 1. in a paste (blind33 11): 长期未… states a
    shortcoming, so the bare line is a finding like its numbered siblings."""
    text = (MEETING + "巡察组指出，学校存在以下问题：\n一、党的建设方面\n1．党费收缴不规范。\n2．党员发展程序不规范。\n"
            "二、干部队伍建设方面\n部分中层干部长期未轮岗交流，3名中层干部在同一岗位任职超过10年。\n"
            "2．师德师风建设抓得不实。\n" + DEMAND)
    problems = _problems(normalize(text))
    assert any(p.startswith("部分中层干部长期未轮岗交流") for p in problems) and len(problems) == 4


def test_issues_bracketed_headings_over_a_lead_and_its_list_are_the_fields():
    """A newspaper's 【】 headings, each over a paragraph …有差距,主要是:A;B (pairs_blind30 s4), one opening 巡察还指出,:
    the headings are the fields, the list's items the problems, without the verdict that leads them."""
    text = ("集团党委第二巡察组向运营公司党委反馈巡察情况\n本报讯 7月10日，集团党委第二巡察组向运营公司党委反馈巡察情况。\n"
            "巡察组指出，公司党委取得了一定成绩，但也存在一些问题。\n"
            "【落实战略部署仍有差距】\n巡察指出，公司党委在贯彻落实决策部署方面存在不足，主要是：学习制度落实不到位；信息化项目建设滞后。\n"
            "【巡察审计问题整改不彻底】\n巡察还指出，公司党委对监督发现问题整改重视不够，主要是：上轮巡察指出的收费问题整改不到位；"
            "审计指出的结算问题未完成整改。\n"
            "郑国华要求，公司党委要提高政治站位，抓好巡察整改。\n")
    aspects, problems = _aspects_and_problems(normalize(text))
    assert aspects == ["落实战略部署仍有差距", "巡察审计问题整改不彻底"]
    assert problems == ["学习制度落实不到位", "信息化项目建设滞后", "上轮巡察指出的收费问题整改不到位", "审计指出的结算问题未完成整改"]


@pytest.mark.parametrize("near_miss", [
    "巡察期间，巡察组共收到居民反映的问题46件，其中21件已督促社区当场解决。",  # the team's own tally
    "巡察期间，县医保局已追回违规使用的医保基金112.3万元。",  # put right while the team was there
    "（同期声·巡察组组长 孙慧敏）对巡察指出的问题，学校要建立台账、逐项整改。",  # a broadcast's quoted demand
    "（同期声·学校党总支书记 何文静）我们对巡察反馈的问题照单全收，马上就改。",  # and pledge
])
def test_issues_the_teams_tally_fixes_made_on_the_spot_and_quoted_words_are_no_findings(near_miss):
    text = (MEETING + "巡察发现的主要问题是：一是理论学习不够深入；二是惠农资金管理不规范；三是基层党建薄弱。\n"
            + near_miss + "\n" + DEMAND)
    assert _problems(normalize(text)) == ["理论学习不够深入", "惠农资金管理不规范", "基层党建薄弱"]


def test_issues_two_level_outline_numbers_stay_items():
    """1.党的政治建设方面 over 1.1… 1.2… (blind35 10, a regression of the PDF-wrap rule that stopped reading 1.1 as an
    item's start): the 1. lines are the fields, the 1.1 lines the problems."""
    text = (MEETING + "巡察发现的主要问题如下：\n1.党的政治建设方面\n1.1落实立德树人根本任务不够到位。思政课教师配备不足。\n"
            "1.2党委领导作用发挥不够充分。党委会议事规则不完善。\n2.全面从严治党方面\n2.1主体责任落实不到位。对二级学院督促不够。\n"
            "2.2财务管理不规范。校企合作收入未纳入预算。\n" + DEMAND)
    aspects, problems = _aspects_and_problems(normalize(text))
    assert aspects == ["党的政治建设方面", "全面从严治党方面"]
    assert [p.split("。")[0] for p in problems] == ["落实立德树人根本任务不够到位", "党委领导作用发挥不够充分",
                                                   "主体责任落实不到位", "财务管理不规范"]


def test_issues_category_headings_over_runs_and_a_last_field_with_one_finding():
    """(一)党的领导弱化,…。一是A;二是B (二)… (三)… and a last (四)巡察、审计发现问题整改不到位。2017年… (pairs_blind31
    s2): the headings over runs are fields, their items the problems; a demand 局党组要以此次巡察为契机… is none."""
    text = (MEETING + "一、巡察发现的主要问题\n"
            "（一）党的领导弱化，履行职能责任不够到位。一是食品安全监督抽检覆盖不全；二是执法程序不统一。\n"
            "（二）党的建设缺失，基层党组织作用发挥不充分。一是中心组学习不规范；二是3个党支部未按期换届。\n"
            "（三）全面从严治党不力，管党治党责任落实有差距。一是对下属单位监管缺位；二是公务接待无公函。\n"
            "（四）巡察、审计发现问题整改不到位。2017年审计指出的专项资金闲置问题至今未整改。\n"
            "局党组要以此次巡察为契机，切实解决好群众反映强烈的问题。\n" + DEMAND)
    aspects, problems = _aspects_and_problems(normalize(text))
    assert aspects[:3] == ["党的领导弱化,履行职能责任不够到位", "党的建设缺失,基层党组织作用发挥不充分",
                           "全面从严治党不力,管党治党责任落实有差距"]
    assert problems[:6] == ["食品安全监督抽检覆盖不全", "执法程序不统一", "中心组学习不规范", "3个党支部未按期换届",
                            "对下属单位监管缺位", "公务接待无公函"]
    assert len(problems) == 7 and "专项资金闲置" in problems[6]


@pytest.mark.parametrize("lead", ["柳湾村党支部做了不少实事，但问题也不少：", "干部队伍建设方面存在的问题："])
def test_issues_a_speakers_lead_before_its_list(lead):
    """…但问题也不少: / …方面存在的问题: (blind34 10, blind36 08): leads, the clauses after them the problems."""
    text = MEETING + "巡察组组长在反馈时说，" + lead + "支部会议议事不规范；村集体经济发展缓慢。\n" + DEMAND
    assert _problems(normalize(text)) == ["支部会议议事不规范", "村集体经济发展缓慢"]


def test_issues_a_demand_naming_a_problem_by_its_number_sets_its_deadline():
    """对问题六中多收的费用,应于2024年1月31日前全部退还患者 (pairs_blind32 s3 #6): the deadline is problem six's, whatever
    words the demand shares with the others; 应于 is a demand's modal like 要于."""
    text = (MEETING + "巡察发现的主要问题如下：\n问题一：药品耗材采购管理不规范。\n问题二：医疗服务收费不规范，抽查病历中发现多收费用3.7万元。\n"
            "问题三：医疗服务质量管理不到位，费用审核流于形式。\n"
            "巡察组要求，医院党委要切实抓好整改。对问题二中多收的费用，应于2024年1月31日前全部退还患者。\n")
    found = [i for i in read_feedback(normalize(text)).issues if i.level == 2]
    assert [i.extra.get("deadline") for i in found] == [None, "2024年1月31日前", None]


def test_issues_a_length_counted_from_the_feedback_letters_own_date():
    """A 反馈意见 letter signed 2021年1月22日 that says no day of a feedback meeting (pairs_blind31 s1 #6): its demand
    要在反馈后3个月内全部清退到位 is counted from the letter's date."""
    text = ("省委第三巡视组关于巡视青溪县委的反馈意见\n中共青溪县委：\n"
            "根据省委统一部署，2020年10月12日至12月15日，省委第三巡视组对青溪县委进行了常规巡视。现将巡视发现的主要问题反馈如下：\n"
            "1.理论学习不够深入。\n2.违反中央八项规定精神问题时有发生，部分单位违规发放津贴补贴。\n"
            "巡视组提出以下意见建议：一是加强理论武装；二是驰而不息纠治“四风”，对违规发放的津贴补贴，要在反馈后3个月内全部清退到位。\n"
            "省委第三巡视组\n2021年1月22日\n")
    found = [i for i in read_feedback(normalize(text)).issues if i.level == 2]
    assert found[0].extra.get("deadline") is None
    assert found[1].extra.get("deadline") == "3个月内(即2021年4月22日前)"


def test_issues_each_field_numbering_its_problems_its_own_way():
    """一、…方面 over (一)(二), 二、 over 1. 2., 三、 over ①② (blind37 12): under each heading the lines it numbers are
    its problems, whatever family the others use; a 1. item's 一是…二是… run under its headline gives examples."""
    text = (MEETING + "现将巡察组把发现的问题分类整理，请局党组逐项认领：\n一、政治建设方面\n（一）学习贯彻上级决策部署不够及时。\n"
            "（二）意识形态工作责任制落实不到位。\n二、资金管理方面\n1.惠农补贴发放不规范。一是公示不及时；二是台账登记不全。\n"
            "2.专项资金结余长期闲置。\n三、干部作风方面\n①少数干部服务意识淡薄。\n②执行公务接待规定不严格。\n" + DEMAND)
    found = read_feedback(normalize(text)).issues
    assert [i.text for i in found if i.level == 1] == ["政治建设方面", "资金管理方面", "干部作风方面"]
    assert [i.text for i in found if i.level == 2] == [
        "学习贯彻上级决策部署不够及时", "意识形态工作责任制落实不到位", "惠农补贴发放不规范", "专项资金结余长期闲置",
        "少数干部服务意识淡薄", "执行公务接待规定不严格"]
    assert [i.text for i in found if i.level == 3] == ["公示不及时", "台账登记不全"]


@pytest.mark.parametrize("lead", ["巡察组把发现的问题按性质归类，请局党组对照认领、逐项整改：",
                                  "巡视组将指出的问题梳理为两个方面，请认真对照检查："])
def test_issues_a_lead_that_hands_the_findings_on(lead):
    """…把发现的问题按性质归类,请…对照认领、逐项整改: (blind37 12): its last clause asks for the work, the sentence hands
    the team's findings on; the heading below it opens the list."""
    text = MEETING + lead + "\n一、党的建设方面\n1.支部组织生活不规范。\n2.党员发展把关不严。\n" + DEMAND
    assert _aspects_and_problems(normalize(text)) == (["党的建设方面"], ["支部组织生活不规范", "党员发展把关不严"])


def test_issues_findings_put_right_during_the_inspection_are_none():
    """巡察组指出的上述问题,部分已在巡察期间整改:追回… (blind37 12): a summary of what was put right, not a finding."""
    text = (MEETING + "巡察发现的主要问题如下：\n一、资金管理方面\n①惠农补贴发放不规范。\n②专项资金结余长期闲置。\n"
            "巡察组指出的上述问题，部分已在巡察期间整改：追回违规发放的补贴资金3.2万元。\n" + DEMAND)
    assert _problems(normalize(text)) == ["惠农补贴发放不规范", "专项资金结余长期闲置"]


def test_issues_the_teams_demand_after_a_reference_to_the_findings():
    """针对上述问题,巡察组要求医院党委切实履行… (blind37 05): the team's demand, its opening clause no finding."""
    text = (MEETING + "巡察发现，局党组在履行主体责任方面还有差距。\n惠农补贴发放不规范，部分补贴未按时发放。\n"
            "针对上述问题，巡察组要求局党组切实履行整改主体责任，党组书记要履行第一责任人职责。\n" + PLEDGE)
    assert _problems(normalize(text)) == ["局党组在履行主体责任方面还有差距", "惠农补贴发放不规范,部分补贴未按时发放"]


def test_issues_a_units_own_problems_after_their_lead_line():
    """共性问题主要是:一是… then 个性问题分别是: over a line per unit (blind37 09): the second lead is no problem."""
    text = ("县委第二巡察组对3个村党组织开展了巡察。巡察组指出，3个村党组织存在一些共性问题和个性问题。\n"
            "共性问题主要是：一是“三会一课”制度落实不规范；二是村级集体经济发展乏力。\n个性问题分别是：\n"
            "青松村党支部：一是村务公开不及时；二是集体资产管理不规范。\n河口村党总支：村级财务管理混乱。\n" + DEMAND)
    assert _problems(normalize(text)) == ["“三会一课”制度落实不规范", "村级集体经济发展乏力", "村务公开不及时",
                                         "集体资产管理不规范", "村级财务管理混乱"]


def test_issues_deadlines_for_named_problems_and_for_the_rest():
    """对问题2、问题4要立行立改,在1个月内整改到位;其余问题要在3个月内整改完成 (pairs_blind33 s4): the named problems get
    the first limit, every other problem the second, each counted from the day of the feedback."""
    text = ("县委第三巡察组对石门村党总支开展了巡察，并于2025年10月22日反馈了巡察意见。巡察发现的主要问题如下：\n"
            "问题1：学习教育流于形式。\n问题2：村务公开不及时。\n问题3：集体资产发包未经民主程序。\n问题4：有2户不符合条件人员违规领取低保金。\n"
            "巡察组要求，村党总支要认真落实整改主体责任，对问题2、问题4要立行立改，在1个月内整改到位；其余问题要在3个月内整改完成。\n")
    found = [i for i in read_feedback(normalize(text)).issues if i.level == 2]
    later, sooner = "3个月内(即2026年1月22日前)", "1个月内(即2025年11月22日前)"
    assert [i.extra.get("deadline") for i in found] == [later, sooner, later, sooner]


def test_issues_deadline_for_a_problem_named_by_its_bracketed_number():
    """其中,第（3）项问题须于2025年9月30日前完成清理 (pairs_blind44 s5): the problem numbered （3） takes the deadline."""
    text = ("县委第三巡察组向县人民医院党委反馈巡察情况\n2025年4月18日，县委第三巡察组向县人民医院党委反馈了巡察意见。巡察组指出：\n"
            "一、医疗领域腐败问题整治不深入\n（1）对医药代表接待管理不严。\n（2）绩效分配与科室收入直接挂钩。\n"
            "（3）部分非中选耗材以临时采购名义长期使用。\n"
            "巡察组要求，医院党委要认真落实整改主体责任。其中，第（3）项问题须于2025年9月30日前完成清理。\n")
    found = [i for i in read_feedback(normalize(text)).issues if i.level == 2]
    assert [i.extra.get("deadline") for i in found] == [None, None, "2025年9月30日前"]


def test_issues_the_first_unit_heading_over_the_first_lead():
    """一、<unit> then 巡察组指出,…但也存在一些问题:一是… and 二、<unit> 三、<unit> after it (blind38 11): the findings start
    at the first unit's heading, so each unit's run is read under its name."""
    text = ("集团党委第一巡察组向所属两家单位反馈巡察情况\n近日，集团党委第一巡察组分别向两家单位党委反馈了巡察情况。\n"
            "一、江岸港务有限公司\n巡察组指出，该公司党委做了大量工作，但也存在一些问题：一是安全生产责任落实不到位；二是工程分包管理不规范。\n"
            "二、江岸物流有限公司\n巡察组指出，该公司党委存在以下主要问题：一是“三重一大”决策制度执行不严格；二是应收账款清收不力。\n"
            + DEMAND)
    found = [i for i in read_feedback(normalize(text)).issues if i.level == 2]
    assert [(i.text, i.extra.get("unit")) for i in found] == [
        ("安全生产责任落实不到位", "江岸港务有限公司"), ("工程分包管理不规范", "江岸港务有限公司"),
        ("“三重一大”决策制度执行不严格", "江岸物流有限公司"), ("应收账款清收不力", "江岸物流有限公司")]


def test_issues_bulleted_findings_under_decorated_headings():
    """■ <field> over ● <finding>. lines, one finding with 如:A;B (blind38 12): the bullet is no part of the finding,
    and every instance after 如: is an example, the ; between them included."""
    text = (MEETING + "巡察组指出，存在以下问题：\n■ 惠民政策落实方面\n● 低保审核把关不严，如：2户家庭收入超标仍享受低保待遇；1名已死亡人员未及时停发高龄津贴。\n"
            "● 养老服务站运营监管缺位。\n■ 作风建设方面\n● 工作人员考勤管理松散。\n" + DEMAND)
    found = read_feedback(normalize(text)).issues
    assert [i.text for i in found if i.level == 2] == ["低保审核把关不严", "养老服务站运营监管缺位", "工作人员考勤管理松散"]
    assert [i.text for i in found if i.level == 3] == ["2户家庭收入超标仍享受低保待遇", "1名已死亡人员未及时停发高龄津贴"]


@pytest.mark.parametrize("after", [
    "巡视组认为，上述问题的存在，既有思想认识上的原因，也有制度执行上的原因，必须引起高度重视。\n",  # blind38 01
    "巡察期间，巡察组督促局党组对以下问题立行立改：\n（1）清退违规收取的费用3.2万元；\n（2）对2名违规发放补贴的干部进行了诫勉谈话。\n",  # blind38 09
])
def test_issues_what_follows_the_list_is_no_finding(after):
    text = MEETING + "巡察组指出，存在以下问题：一是惠农补贴发放不规范；二是专项资金结余长期闲置。\n" + after + DEMAND
    assert _problems(normalize(text)) == ["惠农补贴发放不规范", "专项资金结余长期闲置"]


def test_issues_a_2017_central_formula_after_the_teams_method():
    """巡视工作坚持…,紧盯党的领导弱化…问题 (the team's method) before 主要是:A,…;B,…; with the formula's five heads
    (blind39 04): the method names no finding, each group's head is its field, the clauses after it the problems."""
    text = ("中央第九巡视组向中国远帆航运集团有限公司党组反馈巡视情况\n根据中央统一部署，中央第九巡视组对中国远帆航运集团有限公司党组进行了巡视。\n"
            "组长指出，巡视工作坚持以党章为根本遵循，紧扣“六项纪律”，紧盯党的领导弱化、党的建设缺失、全面从严治党不力问题，深化政治巡视。\n"
            "巡视发现，集团党组做了一些工作，但也存在一些突出问题，主要是：党的领导弱化，决策部署落实不到位，一些重大决策未经党组研究；"
            "党的建设缺失，基层党组织软弱涣散；全面从严治党不力，“两个责任”落实不到位，利益输送问题突出；"
            "选人用人问题较多，把关不严，“带病提拔”问题时有发生；对中央巡视整改落实不够到位，一些整改任务打折扣。\n"
            "组长强调，集团党组要切实担负起全面从严治党主体责任。\n")
    found = read_feedback(normalize(text)).issues
    assert [i.text for i in found if i.level == 1] == ["党的领导弱化", "党的建设缺失", "全面从严治党不力", "选人用人问题较多",
                                                       "对中央巡视整改落实不够到位"]
    assert [i.text for i in found if i.level == 2] == [
        "决策部署落实不到位", "一些重大决策未经党组研究", "基层党组织软弱涣散", "“两个责任”落实不到位", "利益输送问题突出",
        "把关不严", "“带病提拔”问题时有发生", "一些整改任务打折扣"]


def test_issues_a_verdict_over_what_bears_it_out_is_one_problem_unless_fields_were_read():
    """监管执法存在薄弱环节。A;B paragraphs (blind39 08, blind37 05): in a notice of such paragraphs each is one problem; after
    在…方面,一是… fields (dev d27, blind b12) the same shape is a field over its problems."""
    paragraphs = ("监管执法存在薄弱环节。食品抽检覆盖面不足，抽检任务完成率不足七成；执法办案“宽松软”，41件罚没款未按时收缴。\n"
                  "落实全面从严治党责任有差距。局党组研究党风廉政建设不经常；对所属单位监督管理不严。\n")
    text = MEETING + "巡察组指出，局党组存在以下问题：\n" + paragraphs + DEMAND
    assert _problems(normalize(text)) == [
        "监管执法存在薄弱环节。食品抽检覆盖面不足,抽检任务完成率不足七成;执法办案“宽松软”,41件罚没款未按时收缴",
        "落实全面从严治党责任有差距。局党组研究党风廉政建设不经常;对所属单位监督管理不严"]
    fields = MEETING + "巡察组指出，存在以下问题：\n在政治建设方面，一是学习贯彻不够深入；二是决策部署落实不力。\n" + paragraphs + DEMAND
    aspects, problems = _aspects_and_problems(normalize(fields))
    assert aspects == ["在政治建设方面", "监管执法存在薄弱环节", "落实全面从严治党责任有差距"]
    assert len(problems) == 6


def test_issues_the_teams_lead_at_the_end_of_a_prose_paragraph():
    """…做了大量工作,但也存在一些问题和不足: ending a paragraph of the team's work figures, over (一)… fields (blind39 11): the
    lead opens the findings; its words are no problem."""
    text = (MEETING + "反馈会上，巡察组组长通报了巡察发现的主要问题。巡察组指出，巡察期间共开展个别谈话87人次。"
            "局党组做了大量工作，但也存在一些问题和不足：\n"
            "（一）政治建设方面\n一是学习贯彻不够深入；二是决策部署落实不力。\n" + DEMAND)
    assert _problems(normalize(text)) == ["学习贯彻不够深入", "决策部署落实不力"]


def test_issues_the_early_central_focus_formula_is_no_finding():
    """这轮巡视着力发现领导干部是否存在…问题 (the 2013-2014 central formula, blind41 c2013): the team's focus, asked as
    questions; the one-sentence list after 主要是: is read group by group."""
    text = ("中央第三巡视组向云岭省反馈巡视情况\n2014年3月至5月，中央第三巡视组对云岭省进行了巡视。6月20日，巡视组向云岭省委反馈了巡视情况。\n"
            "组长指出，根据中央要求，这轮巡视着力发现领导干部是否存在权钱交易、贪污贿赂等违纪违法问题，是否存在“四风”方面的突出问题，"
            "是否存在选人用人上的不正之风和腐败问题。\n"
            "组长指出，巡视中，我们感到，云岭省委做了大量工作。同时，巡视组也发现了一些问题，主要是：一些领导干部插手土地出让谋利，"
            "基层干部截留扶贫资金；会风文风不实，超标配车问题依然存在；跑官要官现象较为突出，一些干部“带病提拔”。\n"
            "组长要求，云岭省委要认真整改。\n")
    aspects, problems = _aspects_and_problems(normalize(text))
    assert problems == ["一些领导干部插手土地出让谋利", "基层干部截留扶贫资金", "会风文风不实", "超标配车问题依然存在",
                        "跑官要官现象较为突出", "一些干部“带病提拔”"]
    assert len(aspects) == 3


def test_issues_a_verdict_after_a_yardstick_is_no_finding():
    """”组长说,“但是对照…要求,X在管党治党上还有明显差距。 (blind41 news2018): the shortfall as a whole, before the
    findings; a finding of its own after a yardstick stays one."""
    text = (MEETING + "“巡察中我们看到，局党组做了不少工作。”组长说，“但是对照县委要求，局党组在管党治党上还有明显差距。”\n"
            "组长指出，首先，理论学习不够深入。其次，惠农资金监管不严，部分补贴发放不及时。\n" + DEMAND)
    assert _problems(normalize(text)) == ["理论学习不够深入", "惠农资金监管不严,部分补贴发放不及时"]


def test_issues_a_notice_wrapped_at_the_page_width():
    """A notice copied out of a PDF (blind41 pdf2023): 在…方\\n面 and 三是\\n… broken across lines, a page number
    between two lines of one item; read as written, each span keeps the breaks and the page line inside it."""
    page_lines = [
        "　　省委第二巡视组于2024年3月至5月对省粮食和",
        "物资储备局党组开展了常规巡视。7月2日，巡视组",
        "向局党组反馈了巡视情况。巡视组指出，局党组存",
        "在以下问题：",
        "　　在粮食购销和储备管理方面，一是粮库轮换管",
        "理不规范，部分库点轮换计划执行滞后，账实不符",
        "问题时有发生；二是储备粮质量抽检覆盖不足，部",
        "分库点未按规定开展出入库检验工作和质量追溯；三是",
        "仓储设施维护资金使用效率不高，项目推进缓慢。",
        "　　在落实全面从严治党主体责任和党风廉政建设方",
        "面，一是主体责任落实不到位，对下属企业监督指",
        "                     — 1 —",
        "导不够；二是廉政风险防控机制不健全，关键岗位",
        "轮岗交流不及时；三是年轻干部培养选拔力度不够",
        "，干部队伍年龄结构老化问题突出。",
        "　　巡视组要求，局党组要切实履行整改主体责任。",
    ]
    text = "省委第二巡视组向省粮食和物资储备局党组反馈巡视情况\n" + "\n".join(page_lines) + "\n"
    found = read_feedback(text).issues
    aspects = [i.text.replace("\n", "") for i in found if i.level == 1]
    problems = [i for i in found if i.level == 2]
    assert aspects == ["在粮食购销和储备管理方面", "在落实全面从严治党主体责任和党风廉政建设方面"]
    assert [p.text.replace("\n", "").replace("                     — 1 —", "") for p in problems] == [
        "粮库轮换管理不规范,部分库点轮换计划执行滞后,账实不符问题时有发生", "储备粮质量抽检覆盖不足,部分库点未按规定开展出入库检验工作和质量追溯",
        "仓储设施维护资金使用效率不高,项目推进缓慢", "主体责任落实不到位,对下属企业监督指导不够",
        "廉政风险防控机制不健全,关键岗位轮岗交流不及时", "年轻干部培养选拔力度不够,干部队伍年龄结构老化问题突出"]
    normalized = normalize(text)
    assert all(normalized[p.start:p.end] == p.text for p in problems)  # offsets into the text as read


def test_issues_a_category_head_field_over_its_circled_problems():
    """(一)党的领导弱化方面。主要表现为:①…;②… (blind42 02, the 2016 formula's heads): the head is a field though its words
    name a shortcoming; 主要表现为 opens its problems, not examples; a field with one finding after it is one too."""
    text = (MEETING + "巡视组指出，局党组在管党治党方面还存在一些突出问题。\n"
            "（一）党的领导弱化方面。主要表现为：①贯彻落实上级决策部署不够有力，重点工作推进迟缓；②议大事、抓全局作用发挥不充分。\n"
            "（二）全面从严治党不力方面。主要表现为：①主体责任落实不到位，对直属单位失管失察；②违规公款接待问题时有发生。\n"
            "（三）巡视整改落实不到位方面。主要表现为：对上一轮巡视反馈的9个问题整改不彻底。\n" + DEMAND)
    aspects, problems = _aspects_and_problems(normalize(text))
    assert aspects == ["党的领导弱化方面", "全面从严治党不力方面", "巡视整改落实不到位方面"]
    assert problems == ["贯彻落实上级决策部署不够有力,重点工作推进迟缓", "议大事、抓全局作用发挥不充分",
                        "主体责任落实不到位,对直属单位失管失察", "违规公款接待问题时有发生", "对上一轮巡视反馈的9个问题整改不彻底"]


def test_issues_a_units_name_then_its_findings_on_one_line():
    """(一)县图书馆党支部。巡察发现的主要问题有:一是…;二是… (blind42 05, two units in one notice): the name opens the
    unit, its run the unit's problems."""
    text = ("县委第二巡察组向县文化馆党支部、县图书馆党支部反馈巡察情况\n" + MEETING + "巡察组指出了两个单位存在的主要问题。\n"
            "（一）县文化馆党支部。巡察发现的主要问题有：一是理论学习不够深入；二是财务管理不规范，存在白条入账。\n"
            "（二）县图书馆党支部。巡察发现的主要问题有：一是图书采购程序不规范；二是专业人才引进培养不足。\n" + DEMAND)
    found = read_feedback(normalize(text)).issues
    problems = [i for i in found if i.level == 2]
    assert [p.text for p in problems] == ["理论学习不够深入", "财务管理不规范,存在白条入账", "图书采购程序不规范",
                                          "专业人才引进培养不足"]
    assert [p.extra.get("unit") for p in problems] == ["县文化馆党支部"] * 2 + ["县图书馆党支部"] * 2


def test_issues_the_focus_formula_with_zhongdian_faxian():
    """巡视组…重点发现领导干部是否存在… (blind42 01, 2014): the focus asked as questions, no finding."""
    text = (MEETING + "巡视组围绕党风廉政建设，重点发现领导干部是否存在权钱交易、贪污贿赂等违纪违法问题，是否存在“四风”问题。\n"
            "巡视组指出，存在以下问题：一是理论学习不够深入；二是惠农资金监管不严。\n" + DEMAND)
    assert _problems(normalize(text)) == ["理论学习不够深入", "惠农资金监管不严"]


def test_issues_the_central_formula_in_six_groups():
    """主要是:A,B,C;D,E,F;…six ;-groups (blind43 04, a 2015 central notice): the one-sentence formula still, each group a
    field; six plain ;-items of one clause each after 主要是: are six problems."""
    groups = ["党组领导作用发挥不够,管党治党宽松软,对纪律规矩缺乏敬畏", "“两个责任”落实不到位,对违纪问题失之于宽,监督执纪问责不力",
              "违反中央八项规定精神问题禁而未绝,违规发放津补贴时有发生,违规占用公务用车", "选人用人把关不严,干部“带病提拔”问题比较突出,违规进人时有发生",
              "利用资源开发权谋取私利问题突出,亲属经商办企业,围绕采矿权出让搞利益输送", "境外投资管理混乱,部分项目决策草率,国有资产流失风险较大"]
    text = ("中央第五巡视组向某矿业集团反馈专项巡视情况\n" + MEETING + "组长指出，集团党组做了大量工作。巡视中也发现一些问题，主要是："
            + "；".join(groups) + "。\n" + DEMAND)
    aspects, problems = _aspects_and_problems(normalize(text))
    assert len(aspects) == 6 and len(problems) == 18
    plain = MEETING + "巡察组指出，主要是：" + "；".join(["理论学习不深入", "财务管理不规范", "工程管理混乱", "干部培训不足",
                                                  "信访办理不及时", "档案管理不严"]) + "。\n" + DEMAND
    aspects, problems = _aspects_and_problems(normalize(plain))
    assert aspects == [] and len(problems) == 6


def test_issues_a_table_copied_one_cell_a_line_with_empty_category_cells():
    """序号 / 问题类别 / 具体问题 / 整改时限, then a line a cell, the category left empty under its first row (blind43 12):
    each row a problem, each category an aspect; the short lines are cells, not a post's phrases."""
    rows = [("1", "决策部署落实", "防范债务风险部署落实不力，新增融资项目未评估偿债能力", "2026年8月底前"),
            ("2", "", "融资结构不合理，短期债务占比过高", "2026年12月底前"),
            ("3", "", "市场化转型缓慢，经营性收入占比不足15%", "长期坚持"),
            ("4", "国有资产监管", "国有资产底数不清，部分资产未办理产权登记", "2026年10月底前"),
            ("5", "", "经营性资产出租管理混乱，12处商铺低价出租", "立行立改"),
            ("6", "", "对外借款管理失控，出借资金逾期未收回", "2026年12月底前")]
    lines = ["县委第四巡察组向县城投集团反馈专项巡察情况", "发布日期：2026-05-14", "巡察组指出，集团党委存在以下问题。",
             "城投集团专项巡察发现问题清单", "序号", "问题类别", "具体问题", "整改时限"]
    for row in rows:
        lines += list(row)
    lines += ["巡察组要求，集团党委要切实抓好整改。", "联系电话：0571-12345678", "监督邮箱：xc@example.cn", "邮政编码：310000",
              "县委巡察办", "2026年5月14日", "编辑：王某", "审核：李某", "责任编辑：张某", "来源：县委巡察办", "浏览次数：120"]
    aspects, problems = _aspects_and_problems("\n".join(lines) + "\n")
    assert aspects == ["决策部署落实", "国有资产监管"]
    assert problems == [r[2].replace("，", ",") for r in rows]


def test_issues_category_heads_over_findings_with_both_numberings_lost():
    """A Word notice pasted as text, 一、 and 1. both lost (blind43 10): a line opening with a category head and no
    full stop heads the finding lines under it."""
    text = (MEETING + "巡察发现的主要问题：\n党的领导弱化，国资监管职能履行不到位\n对市属企业落实重大决策督促不力。\n"
            "国资监管存在缺位，投资项目事前审核不严。\n党的建设缺失，基层党组织作用发挥不充分\n党建工作责任制落实不到位。\n"
            "基层党组织设置不规范。\n" + DEMAND)
    aspects, problems = _aspects_and_problems(normalize(text))
    assert aspects == ["党的领导弱化,国资监管职能履行不到位", "党的建设缺失,基层党组织作用发挥不充分"]
    assert problems == ["对市属企业落实重大决策督促不力", "国资监管存在缺位,投资项目事前审核不严", "党建工作责任制落实不到位",
                        "基层党组织设置不规范"]


def test_issues_a_huitoukan_with_new_and_old_problems_under_two_headings():
    """(一)“回头看”发现的新问题 / 1.… 2.… / (二)上次巡视反馈问题整改不到位的情况 / …主要是:一是…;二是… (blind44 09): the
    first heading, a lead as much as a field, stays inside the findings, so its sibling is a field too."""
    text = ("省委第一巡视组向某市委反馈巡视“回头看”情况\n" + MEETING
            + "这次“回头看”发现，市委在管党治党方面仍然存在一些问题，有的是新问题，有的是老问题。\n"
            "（一）“回头看”发现的新问题\n1.生态环境保护责任落实不力，违规养殖问题处置不彻底。\n2.基层党组织软弱涣散问题仍然存在。\n"
            "（二）上次巡视反馈问题整改不到位的情况\n上次巡视反馈的20个问题中，有3个问题整改不到位，主要是：一是选人用人问题整改不彻底；"
            "二是问题线索处置进度缓慢；三是政府性债务风险化解不力。\n" + DEMAND)
    aspects, problems = _aspects_and_problems(normalize(text))
    assert aspects == ["“回头看”发现的新问题", "上次巡视反馈问题整改不到位的情况"]
    assert problems == ["生态环境保护责任落实不力,违规养殖问题处置不彻底", "基层党组织软弱涣散问题仍然存在", "选人用人问题整改不彻底",
                        "问题线索处置进度缓慢", "政府性债务风险化解不力"]


def test_issues_oneliner_whose_groups_name_their_fields_first():
    """主要是:X方面,A,B;Y方面,C: every ;-group opens with its field, its ,-clauses are the findings (regression: the
    first field was read as the paragraph's lead and each later group came out whole, field and all)."""
    text = (MEETING + "巡视组指出，市委在推动发展方面做了大量工作。巡视中也发现了一些问题，主要是：党风廉政建设方面，"
            "少数干部利用职权为亲属承揽工程，征地拆迁领域违规问题较多；作风建设方面，文山会海问题依然突出，"
            "一些窗口单位服务态度生硬；干部工作方面，超职数配备干部，“带病提拔”现象时有发生。\n" + PLEDGE)
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["党风廉政建设方面", "作风建设方面", "干部工作方面"]
    assert problems == ["少数干部利用职权为亲属承揽工程", "征地拆迁领域违规问题较多", "文山会海问题依然突出",
                        "一些窗口单位服务态度生硬", "超职数配备干部", "“带病提拔”现象时有发生"]


def test_issues_news_subtitle_byline_and_praise_subheadings_are_no_problems():
    """A news item's subtitle over its byline (本报记者 某某 通讯员 某某), the byline, and a sub-heading of praise over
    the team's assessment are no problems (regression: all three were read as sub-headings over findings)."""
    text = ("省委第二巡视组向临水市委反馈巡视“回头看”情况\n指出主体责任落实不到位 部分问题整改“空转”\n本报记者 王晓 通讯员 李青\n"
            "本报讯 6月3日，省委第二巡视组向临水市委反馈巡视“回头看”情况。根据省委统一部署，省委第二巡视组对临水市开展了"
            "巡视“回头看”，重点检查上轮巡视反馈问题整改落实情况。\n"
            "反馈会上，巡视组组长反馈了“回头看”情况，市委书记主持会议并作表态发言。\n整改工作取得阶段性成效\n"
            "巡视组认为，上轮巡视以来，市委把巡视整改作为重要政治任务，上轮反馈的20个问题中已有17个整改到位，党风政风有了新的好转。\n"
            "巡视组同时指出，对照全面从严治党要求，临水市在巡视整改和管党治党方面仍存在一些突出问题。\n"
            "主体责任落实不到位\n市委对基层党建统筹不够，一些部门责任层层递减。\n"
            "部分问题整改“空转”\n一些单位以出台制度代替问题整改，公款吃喝转入内部食堂。\n")
    assert _problems(text) == ["主体责任落实不到位", "部分问题整改“空转”"]


def test_issues_problem_blocks_under_bracketed_field_headings():
    """(一)…不充分 headings over 问题1:… blocks: the headings are the fields, the blocks their problems (regression:
    问题N: ranked above (一) by convention, so the first heading came out a problem and the others examples)."""
    text = (MEETING + "巡察组指出，公司党委在党的领导、党的建设等方面存在5个问题，具体如下：\n"
            "（一）党的领导作用发挥不充分\n问题1：决策制度执行不严格。部分重大事项未经党委前置研究。\n"
            "问题2：国有资产管理存在漏洞。部分资产长期低价出租。\n"
            "（二）基层党组织建设存在短板\n问题3：党建与业务“两张皮”。有的支部组织生活流于形式。\n"
            "问题4：选人用人不规范。动议程序不规范。\n问题5：上轮巡察整改不到位。\n" + DEMAND)
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["党的领导作用发挥不充分", "基层党组织建设存在短板"]
    assert [p.split("。")[0] for p in problems] == ["决策制度执行不严格", "国有资产管理存在漏洞", "党建与业务“两张皮”",
                                                    "选人用人不规范", "上轮巡察整改不到位"]


def test_issues_the_teams_work_tally_is_no_finding_whatever_it_focused_on():
    """X指出,巡视期间,巡视组紧扣…,聚焦党的领导弱化…等问题,共听取汇报21次,个别谈话186人次…: the team's focus and the
    tally of its work, though it names shortcomings (regression, pairs_blind41 s1: read as the first problem)."""
    text = ("省委第三巡视组向省联社党委反馈专项巡视情况\n"
            "周某指出，专项巡视期间，巡视组紧扣“六项纪律”，聚焦党的领导弱化、党的建设缺失、全面从严治党不力等问题，"
            "共听取专题汇报21次，个别谈话186人次，受理来信来访413件次。\n"
            "巡视组认为，省联社党委做了大量工作。同时，巡视也发现了一些问题，主要是：一是党委把方向作用发挥不充分；"
            "二是信贷管理存在较大廉洁风险；三是基层党组织建设薄弱。\n" + DEMAND)
    assert _problems(text) == ["党委把方向作用发挥不充分", "信贷管理存在较大廉洁风险", "基层党组织建设薄弱"]


def test_issues_a_list_after_a_lead_and_zhuyaoshi_without_colon():
    """…还存在一些问题,主要是A不到位、B不严格、C不规范。 with no colon and no closer: each 、-part states its own
    shortcoming, one problem each (regression, blind46 11: the whole sentence came out one problem)."""
    text = (MEETING + "巡察组指出，局党组在落实“两个责任”方面还存在一些问题，主要是党组主体责任落实不到位、"
            "财务制度执行不严格、公务接待管理不规范、干部选拔任用程序不够严谨。\n" + DEMAND)
    assert _problems(text) == ["党组主体责任落实不到位", "财务制度执行不严格", "公务接待管理不规范", "干部选拔任用程序不够严谨"]


def test_issues_the_first_field_heading_right_above_the_first_run_opens_the_findings():
    """巡察中也发现一些问题,共3个方面6个问题。\\n一、X方面\\n一是…;二是… \\n二、Y方面…: the first field's heading stands
    above the first finding, with its siblings further on: it is the first aspect, not lead text (regression, blind46
    12: 二、 and 三、 came out as problems and their 一是 items as their examples)."""
    text = (MEETING + "巡察组认为，局党组做了大量工作。巡察中也发现一些问题，共3个方面6个问题。\n"
            "一、党的领导作用发挥方面\n一是理论学习不够深入，学用结合不紧；二是重大事项决策程序不规范。\n"
            "二、全面从严治党方面\n一是主体责任落实不到位；二是公务接待管理不规范。\n"
            "三、组织建设方面\n一是基层党组织软弱涣散；二是干部档案管理混乱。\n" + DEMAND)
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["党的领导作用发挥方面", "全面从严治党方面", "组织建设方面"]
    assert problems == ["理论学习不够深入,学用结合不紧", "重大事项决策程序不规范", "主体责任落实不到位",
                        "公务接待管理不规范", "基层党组织软弱涣散", "干部档案管理混乱"]


def test_issues_demands_after_a_connective_and_an_earlier_finding_put_right():
    """同时,巡察组对…提出了整改建议:一是切实提高…;二是… are demands though a connective opens them (regression, blind47
    05: read as three more problems); 对…反馈的“X”问题,部门已制定专项方案并完成整改 is an earlier finding put right
    (blind47 06: read as a problem)."""
    text = (MEETING + "巡察组指出，局党组存在以下问题。\n问题1：理论学习不够深入，学用结合不紧。\n"
            "问题2：惠农资金管理不规范，存在虚报冒领现象。\n"
            "对2019年县审计反馈的“公用房有偿使用费收缴不到位”问题，局党组已制定专项方案并完成整改，收缴率达到98%。\n"
            "同时，巡察组对局党组提出了整改建议：一是切实提高政治站位，坚决扛起管党治党政治责任；"
            "二是严格落实财务管理制度，确保资金安全规范使用。\n" + PLEDGE)
    assert [p.split("。")[0] for p in _problems(text)] == ["理论学习不够深入,学用结合不紧", "惠农资金管理不规范,存在虚报冒领现象"]


def test_issues_a_list_written_as_short_sentences_after_a_colon():
    """巡察发现的主要问题:A。B。C。D。E。: the lead shares its sentence with the first finding, and in a list written as
    one-clause sentences no sentence is the one before's elaboration (regression, blind47 09: the lead and the first
    two findings came out as one problem)."""
    text = (MEETING + "巡察发现的主要问题：党委落实全面从严治党主体责任不到位。党委书记履行第一责任人职责不够有力。"
            "镇纪委监督执纪问责偏软。部分村“三会一课”流于形式。扶贫项目资金拨付滞后。\n" + DEMAND)
    assert _problems(text) == ["党委落实全面从严治党主体责任不到位", "党委书记履行第一责任人职责不够有力", "镇纪委监督执纪问责偏软",
                               "部分村“三会一课”流于形式", "扶贫项目资金拨付滞后"]


def test_issues_an_earlier_finding_put_right_before_the_new_one():
    """上轮反馈的X问题虽已完成整改,但Y滞后 finds fault only after its turn (regression, blind47 03: the whole clause was
    the problem); a ;-group that only says an earlier finding was put right is none (blind47 04: listed as a problem)."""
    text = (MEETING + "巡察组指出，局党组存在以下问题：理论学习不够深入，学用结合不紧；"
            "上轮巡察反馈的窗口管理问题虽已完成整改，但整改长效机制建设滞后，个别已整改问题出现反弹。\n"
            "此外，巡察组还指出，局党组对2017年县委巡察反馈的“工程款支付审批不严”问题已完成整改，相关制度建设得到加强；"
            "但选人用人仍不规范，中层干部竞聘程序执行不严。\n" + DEMAND)
    assert _problems(text) == ["理论学习不够深入,学用结合不紧", "整改长效机制建设滞后,个别已整改问题出现反弹",
                               "选人用人仍不规范,中层干部竞聘程序执行不严"]


_HEAD = "县委第三巡察组向城关镇党委反馈巡察情况\n2024年5月10日，县委第三巡察组向城关镇党委反馈巡察情况。\n"


def test_issues_a_demand_after_each_finding_and_the_next_fields_heading():
    """1.X。\\n整改要求:…\\n2.Y。 and 二、…方面 between (blind49 11): each 整改要求 is its finding's, the next field's heading
    (one that names 问题线索) no clue, and 此外,“回头看”还发现,… after the list a finding of its own."""
    text = normalize(_HEAD + "巡察组指出，“回头看”发现以下问题，现逐项反馈并提出整改要求。\n一、整改落实方面\n"
                     "1. 整改责任压得不实，部分站所负责人对整改任务不清楚。\n整改要求：镇党委要每季度专题研究一次整改工作。\n"
                     "2. 个别问题出现反弹，农村危房改造资金拨付不及时的问题再次出现。\n整改要求：举一反三开展专项检查。\n"
                     "二、问题线索和信访件办理方面\n3. 问题线索办理不及时，移交的2件问题线索中有1件超期未办结。\n"
                     "整改要求：加快办理进度。\n三、长效机制建设方面\n4. 制度建设“重建轻用”，新制定的8项制度有3项未有效执行。\n"
                     "整改要求：开展制度执行情况评估。\n此外，“回头看”还发现，个别村委会违规列支招待费用。\n"
                     "镇党委书记表示，将按照整改要求逐项抓好落实。\n")
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["整改落实方面", "问题线索和信访件办理方面", "长效机制建设方面"]
    assert problems == ["整改责任压得不实,部分站所负责人对整改任务不清楚", "个别问题出现反弹,农村危房改造资金拨付不及时的问题再次出现",
                        "问题线索办理不及时,移交的2件问题线索中有1件超期未办结", "制度建设“重建轻用”,新制定的8项制度有3项未有效执行",
                        "个别村委会违规列支招待费用"]


def test_issues_a_verdict_line_over_its_manifestation_lines_is_a_field():
    """X。\\n表现在A。\\n表现在B。 without numbers (blind49 12, a Word paste): the verdict is the field, each 表现在 line a problem."""
    text = normalize(_HEAD + "巡察组指出，发现以下问题。\n党的领导弱化，主体责任落实不力。\n"
                     "表现在镇党委对党风廉政建设研究部署少，对站所监管失之于宽。\n表现在纪委监督执纪问责不力，处理偏轻。\n"
                     "作风建设不到位，“四风”问题仍有发生。\n表现在一些站所以检查名义违规公款吃喝。\n"
                     "巡察组建议，镇党委要切实担负起主体责任。\n")
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["党的领导弱化,主体责任落实不力", "作风建设不到位,“四风”问题仍有发生"]
    assert problems == ["镇党委对党风廉政建设研究部署少,对站所监管失之于宽", "纪委监督执纪问责不力,处理偏轻",
                        "一些站所以检查名义违规公款吃喝"]


@pytest.mark.parametrize("heading", ["贯彻落实县委决策部署有偏差", "制度建设重建轻用"])
def test_issues_a_numbered_heading_with_a_milder_verdict_over_its_examples_is_a_problem(heading):
    """1、…有偏差 over 比如,A;B (blind49 03): a problem with its examples, not a field whose first example is lost."""
    text = normalize(_HEAD + "巡察发现以下2个方面主要问题：\n" + f"1、{heading}\n比如，2023年计划实施的5个项目仅开工1个；部分项目前期论证不充分。\n"
                     "2、主体责任落实不到位\n比如，党委书记与班子成员开展廉政谈话不经常。\n巡察组要求，镇党委要抓好整改。\n")
    found = read_feedback(text).issues
    assert [i.text for i in found if i.level == 2] == [heading, "主体责任落实不到位"]
    assert [i.text for i in found if i.level == 3][:2] == ["2023年计划实施的5个项目仅开工1个", "部分项目前期论证不充分"]


def test_issues_the_teams_finding_verb_after_a_headline_gives_its_evidence():
    """X不够严格。巡察发现,Y (blind49 07, as blind23 w06): one problem, the headline and its evidence; a finding the team
    adds (巡察组还指出,) stays one of its own."""
    text = normalize(_HEAD + "巡察组指出，存在以下问题。\n落实中央八项规定精神不够严格。巡察发现，镇机关仍存在违规发放津补贴等问题，"
                     "2023年以“加班餐费”名义列支接待费用2.1万元。\n巡察组要求，镇党委要抓好整改。\n")
    assert _problems(text) == ["落实中央八项规定精神不够严格。巡察发现,镇机关仍存在违规发放津补贴等问题,"
                               "2023年以“加班餐费”名义列支接待费用2.1万元"]


def test_issues_an_example_of_the_earlier_round_after_如上轮():
    """…不到位,如上轮巡察指出的“X”问题,…仍未… (blind49 11): 如上轮 opens an example (如上所述 does not)."""
    text = normalize(_HEAD + "巡察组指出，存在以下问题：\n1. 部分问题整改不彻底、不到位，如上轮巡察指出的“村务公开不及时”问题，"
                     "“回头看”时仍未整改到位。\n巡察组要求，镇党委要抓好整改。\n")
    assert _levels(text, 2) == ["部分问题整改不彻底、不到位"]
    assert _levels(text, 3) == ["上轮巡察指出的“村务公开不及时”问题,“回头看”时仍未整改到位"]


@pytest.mark.parametrize("announce,aspects", [
    ("反馈了2个方面5个问题", 2),  # blind50 05: the count says the headings are fields, the ;-groups problems
    ("反馈了以下问题", 0),  # no count: the headings stay problems with their examples
])
def test_issues_the_announced_counts_say_headings_are_fields(announce, aspects):
    text = normalize(_HEAD + f"巡察组组长{announce}：\n（一）执行上级决策部署有偏差\n"
                     "支农支小的市场定位有所偏离，涉农贷款占比连续三年下降；大额贷款集中度偏高；普惠金融工作停留在表面。\n"
                     "（二）防范化解金融风险不够有力\n信贷“三查”制度执行不严，贷前调查流于形式；不良贷款处置进度缓慢。\n"
                     "巡察组要求，行党委要抓好整改。\n")
    found = read_feedback(text).issues
    assert sum(i.level == 1 for i in found) == aspects
    assert sum(i.level == 2 for i in found) == (5 if aspects else 2)


def test_issues_a_verdict_under_a_fields_heading_over_its_listed_findings():
    """一、关于X\\n<verdict>。主要表现在:A、B、C等问题。 (blind50 10, the 2014 central formula): the heading is the field, the
    listed elements its problems; the verdict sums them up and adds no field of its own; 具体表现为: stays examples."""
    text = normalize(_HEAD + "巡视组也发现了一些问题：\n一、关于党风廉政建设\n“两个责任”落实不到位，一些领导人员廉洁意识淡薄。"
                     "主要表现在：党组对党风廉政建设重视不够、纪检机构监督执纪偏软、个别领导人员亲属承揽业务等问题。\n"
                     "二、关于作风建设\n“四风”问题依然存在。主要表现在：违规使用公务用车、超标准公务接待等。\n"
                     "巡视组要求，要切实抓好整改。\n")
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["关于党风廉政建设", "关于作风建设"]
    assert problems == ["党组对党风廉政建设重视不够", "纪检机构监督执纪偏软", "个别领导人员亲属承揽业务", "违规使用公务用车",
                        "超标准公务接待"]


def test_issues_a_speechs_numbered_problems():
    """第一个问题,X。… 第二个问题,Y。 in a team leader's transcribed speech (blind50 11, blind10 m12): one problem an item."""
    text = normalize(_HEAD + "巡察组组长指出，问题也不少，主要是两个方面的问题。\n"
                     "第一个问题，整改台账管理粗放，十几个问题的责任人写的都是分管领导。\n"
                     "第二个问题，监管执法宽松软的问题还在，该立案的不立案。\n巡察组要求，局党组要抓好整改。\n")
    assert _problems(text) == ["整改台账管理粗放,十几个问题的责任人写的都是分管领导", "监管执法宽松软的问题还在,该立案的不立案"]


def test_issues_a_round_up_of_units_written_several_ways():
    """blind50 12: a news round-up of one round's feedback to three units: A,B,C等问题较为突出 after the unit's name, a
    paragraph 同时向U反馈了巡察情况。巡察发现,…, and a numbered list on the lines after its lead: each unit its problems."""
    text = normalize(
        "县委第五轮巡察集中反馈\n本报讯　近日，县委第五轮巡察2个巡察组分别向河口镇党委、县实验小学党支部、县水利局党组反馈巡察情况。\n"
        "县委第一巡察组指出，河口镇党委落实惠农政策有偏差，村级集体经济发展缓慢，项目资金使用不规范等问题较为突出。\n"
        "县委第一巡察组同时向县实验小学党支部反馈了巡察情况。巡察发现，该校党支部对学校工作领导不够有力；食堂管理不规范。\n"
        "县委第二巡察组指出，县水利局党组主要存在以下问题：\n1.河湖管护责任落实不到位；\n2.水利工程招投标监管薄弱。\n"
        "各巡察组将发现的问题线索按程序移交县纪委监委处理。\n")
    found = [i for i in read_feedback(text).issues if i.level == 2]
    assert [(i.extra["unit"], i.text) for i in found] == [
        ("河口镇党委", "落实惠农政策有偏差"), ("河口镇党委", "村级集体经济发展缓慢"), ("河口镇党委", "项目资金使用不规范"),
        ("县实验小学党支部", "该校党支部对学校工作领导不够有力"), ("县实验小学党支部", "食堂管理不规范"),
        ("县水利局党组", "河湖管护责任落实不到位"), ("县水利局党组", "水利工程招投标监管薄弱")]


def test_issues_a_speechs_stage_directions_close_and_demands():
    """blind50 11: (翻页) is nobody's words, 好,问题就讲这些 sums up, 下面我提几点要求。一是… are demands."""
    text = normalize(_HEAD + "巡察组组长指出，问题也不少，主要是两个方面的问题。\n"
                     "第一个问题，整改台账管理粗放，十几个问题的责任人写的都是分管领导。\n"
                     "第二个问题，监管执法宽松软的问题还在，该立案的不立案。\n"
                     "好，问题就讲这些。下面我提几点要求。（翻页）一是真认账，不要讲客观、找理由。二是建机制，防止问题反弹。\n")
    assert _problems(text) == ["整改台账管理粗放,十几个问题的责任人写的都是分管领导", "监管执法宽松软的问题还在,该立案的不立案"]


def test_issuelist_feedback_a_plans_field_lines_under_its_problem_are_no_problems():
    """A 整改工作方案 quoting the feedback (blind51 07): 问题1:X。 then 整改措施:A;B。 and 责任单位:/完成时限: lines; the
    measures' ; made each measure a problem."""
    text = ("关于市委巡察反馈意见的整改工作方案\n市委第五巡察组向区法院党组反馈了3个问题。\n三、问题清单及整改措施\n"
            "（一）贯彻落实决策部署方面\n问题1：执法司法理念存在偏差，重办案数量、轻办案质量。\n"
            "整改措施：开展司法理念专题教育；完善案件质量评查机制，对发改案件逐案分析、通报。\n责任单位：审判管理办公室\n"
            "完成时限：2020年12月底前\n问题2：长期未结案件清理不及时。\n整改措施：建立长期未结案件台账；落实审判流程节点管控。\n"
            "责任单位：立案庭\n（二）全面从严治党方面\n问题3：党组落实主体责任不够有力。\n整改措施：制定主体责任清单；每季度专题研究。\n"
            "四、工作要求\n各部门要把巡察整改作为重大政治任务。\n")
    assert _problems(text) == ["执法司法理念存在偏差,重办案数量、轻办案质量", "长期未结案件清理不及时", "党组落实主体责任不够有力"]


def test_issuelist_feedback_bracketed_headings_over_a_pdf_pages_notes():
    """blind51 11: 〖一、…〗 headings, 1）items, and a page's footnotes, number and running header inside the list:
    the bracketed lines were problems, and the list ended at the footnotes."""
    text = ("关于对泷河农村商业银行党委巡察情况的反馈意见\n一、巡察发现的主要问题\n〖一、党的领导弱化，市场定位有所偏离〗\n"
            "1）涉农贷款占比逐年下降，大额贷款向政府融资平台集中①。\n2）落实普惠金融政策不到位，12个行政村未覆盖基础金融服务。\n"
            "——————————\n①截至2017年末，政府融资平台贷款余额占各项贷款的17.2%。\n— 2 —\n\n泷河农商银行巡察反馈意见\n"
            "〖二、信贷风险管控存在重大漏洞〗\n1）贷前调查流于形式。\n2）不良贷款处置不规范，涉及贷款余额1.46亿元。\n"
            "二、整改意见\na）切实加强党的领导。\n")
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["党的领导弱化,市场定位有所偏离", "信贷风险管控存在重大漏洞"]
    assert problems[2:] == ["贷前调查流于形式", "不良贷款处置不规范,涉及贷款余额1.46亿元"] and len(problems) == 4


def test_issuelist_feedback_a_sub_heading_over_its_own_examples_is_the_problem():
    """blind52 02: 学习贯彻党的创新理论不够深入 / 具体表现为:A;B;C。 — 具体表现为 opens the problem's examples (SPEC's
    manifestations), not a field's problems as 表现在 lines a line each do."""
    text = ("县委巡察组关于石桥镇党委的反馈意见\n二、巡察发现的主要问题\n学习贯彻党的创新理论不够深入\n"
            "具体表现为：镇党委理论学习中心组学习以读文件为主，2018年专题研讨仅开展2次；个别班子成员学习笔记内容雷同。\n"
            "惠农资金管理使用不规范\n具体表现为：镇财政所对耕地地力保护补贴审核把关不严，重复发放补贴共计4.7万元；危房改造补助资金拨付滞后。\n"
            "三、整改要求\n镇党委要切实履行整改主体责任。\n")
    assert _levels(text, 2) == ["学习贯彻党的创新理论不够深入", "惠农资金管理使用不规范"]
    assert len(_levels(text, 3)) == 4


def test_issuelist_feedback_a_verdict_line_over_findings_a_line_each_is_their_field():
    """blind52 06 (a Word paste that lost its numbers): 党的领导作用发挥不够充分 / A。/ B。 — the verdict line is the field
    of the findings under it, each a line of its own; they were taken as its examples."""
    text = ("市委巡察组关于市第二人民医院党委的反馈意见\n巡察发现的主要问题\n党的领导作用发挥不够充分\n"
            "党委领导下的院长负责制落实不到位，部分“三重一大”事项未经党委会前置研究。\n"
            "贯彻落实深化医改部署不够有力，分级诊疗推进缓慢。\n全面从严治党责任落实有差距\n"
            "党委主体责任传导压力层层递减，对临床科室主任监督不够。\n违反中央八项规定精神问题时有发生，以团建名义用公款组织聚餐。\n"
            "巡察组提出以下意见建议\n提高政治站位，切实加强党的全面领导。\n")
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["党的领导作用发挥不够充分", "全面从严治党责任落实有差距"]
    assert len(problems) == 4 and problems[0].startswith("党委领导下的院长负责制")


def test_issuelist_feedback_a_slide_decks_titles_and_dash_bullets():
    """blind52 07 (a slide deck copied out): 问题一　X titled with a space, not a colon, over – bullets; the label and
    the dash stayed in the texts."""
    text = ("巡察溪口县税务局党委情况反馈\n第三部分　发现的主要问题\n问题一　落实政治建设要求有差距\n"
            "– 学习贯彻党的创新理论不够深入，“第一议题”制度执行流于形式\n– 落实减税降费政策不精准，宣传辅导不到位\n"
            "问题二　税收执法风险防控薄弱\n– 执法不规范，部分定期定额户定额长期未调整\n– 涉税举报核查不深入，个别案件草率结案\n"
            "第四部分　整改要求\n• 坚持问题导向，逐条制定整改清单\n")
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["落实政治建设要求有差距", "税收执法风险防控薄弱"]
    assert problems == ["学习贯彻党的创新理论不够深入,“第一议题”制度执行流于形式", "落实减税降费政策不精准,宣传辅导不到位",
                        "执法不规范,部分定期定额户定额长期未调整", "涉税举报核查不深入,个别案件草率结案"]


def test_issuelist_feedback_counted_aspects_named_by_number():
    """blind52 10: 第一方面:X方面的问题(4个) over 1.…4., the numbering running on across the fields; the aspect was
    第一方面 and X a problem, the (4个) stayed in, and 9.…未按规定向社会公布 was read as the notice's contact line,
    which ended the list."""
    text = ("中共江州市委第六巡察组\n关于巡察市慈善总会党组的反馈意见\n（2017年9月8日）\n"
            "根据市委巡察工作安排，市委第六巡察组对市慈善总会党组进行了巡察。\n巡察组对照要求，共反馈了2个方面4个问题，具体如下：\n"
            "第一方面：党的领导弱化方面的问题（2个）\n1.党组领导作用发挥不充分，会长办公会代替党组会研究“三重一大”事项。\n"
            "2.意识形态工作责任制落实不力，信息发布审核把关不严。\n第二方面：全面从严治党不力方面的问题（2个）\n"
            "3.慈善项目公开透明度不高，年度善款收支情况未按规定向社会公布。\n4.财务制度执行不严，存在现金坐支等问题。\n"
            "巡察组建议：要切实加强党的领导。\n")
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["党的领导弱化方面的问题", "全面从严治党不力方面的问题"]
    assert len(problems) == 4 and problems[2] == "慈善项目公开透明度不高,年度善款收支情况未按规定向社会公布"


def test_issuelist_feedback_a_records_fields_side_by_side_on_one_line():
    """blind52 05: a 问题清单 flattened one record a line, 问题类型:X　　问题描述:Y — the category is the aspect and the
    description the problem; the labels stayed in the problems' texts, and no aspect was read."""
    text = ("总行党委第二巡察组关于江口支行党委的反馈意见\n巡察发现的问题清单如下：\n"
            "问题类型：信贷风险管控　　问题描述：贷前调查不尽职，对借款人经营状况核查流于形式\n"
            "问题类型：信贷风险管控　　问题描述：贷后管理薄弱，3笔流动资金贷款被挪用于房地产开发\n"
            "问题类型：作风建设　　问题描述：个别客户经理接受客户宴请，违规收受购物卡\n"
            "请支行党委在2个月内报送整改情况。\n")
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["信贷风险管控", "作风建设"]
    assert problems == ["贷前调查不尽职,对借款人经营状况核查流于形式", "贷后管理薄弱,3笔流动资金贷款被挪用于房地产开发",
                        "个别客户经理接受客户宴请,违规收受购物卡"]


def test_issuelist_feedback_a_sentence_counting_the_findings_states_none():
    """blind53 11: 何建明指出,“回头看”共发现问题12个,其中上轮巡视反馈问题整改不到位的5个,新发现问题7个 — the count's name
    holds a shortcoming's words (整改不到位), and the sentence was listed as a problem."""
    text = ("省委第二巡视组向丰岩市委反馈巡视“回头看”情况\n" + MEETING +
            "何建明指出，巡视“回头看”坚持问题导向，重点检查上轮巡视反馈问题整改情况，同时着力发现新的问题。"
            "巡视组认为，上轮巡视以来，丰岩市委对巡视整改工作高度重视，整改工作取得一定成效。\n"
            "何建明指出，“回头看”共发现问题3个，其中上轮巡视反馈问题整改不到位的1个，新发现问题2个。\n"
            "一、上轮巡视反馈问题整改不到位（1个）\n1.整改主体责任落实不力，市委对整改工作督促检查不够。\n"
            "二、新发现的问题（2个）\n1.党的领导弱化，对全市重大事项统筹不够。\n2.选人用人不规范，个别单位超职数配备干部。\n" + DEMAND)
    assert _problems(text) == ["整改主体责任落实不力,市委对整改工作督促检查不够", "党的领导弱化,对全市重大事项统筹不够",
                               "选人用人不规范,个别单位超职数配备干部"]


@pytest.mark.parametrize("advice", ["。建议：开展全面核查，追回违规资金", "；建议对近三年补贴发放情况开展全面核查", ".建议:严格执行报销规定"])
def test_issuelist_feedback_the_teams_advice_after_a_finding_is_no_part_of_it(advice):
    """blind53 12: each finding followed by the team's 建议 in its own paragraph; after a ; the advice was a problem of
    its own, after 。 it stayed in the finding."""
    text = ("县委巡察组反馈巡察情况\n" + MEETING + "巡察发现一些问题，现反馈如下：\n"
            f"1.惠农补贴资金发放监管不严，存在重复申报、冒领补贴现象{advice}。\n2.基层党支部组织生活不规范，“三会一课”记录补记现象较多。\n")
    assert _problems(text) == ["惠农补贴资金发放监管不严,存在重复申报、冒领补贴现象", "基层党支部组织生活不规范,“三会一课”记录补记现象较多"]


def test_issuelist_feedback_a_verdict_sentence_over_its_run_is_the_field():
    """blind53 08: paragraphs opening with a verdict sentence, then 一方面,A;另一方面,B — the verdict is the field (it was
    dropped), and 突出表现在: inside a finding opens its examples (they stayed in the finding)."""
    text = ("市委第二巡察组向市住房和城乡建设局党组反馈巡察情况\n" + MEETING +
            "巡察也发现，局党组在履行职能责任等方面还存在一些不容忽视的问题。\n"
            "贯彻落实党中央决策部署和市委工作要求有差距。一方面，推进城市更新行动统筹不够，老旧小区改造项目前期谋划不充分；"
            "另一方面，对房地产市场风险研判不足，问题楼盘化解处置不及时，突出表现在：城东某商住项目停工近两年，至巡察时仍未形成化解方案。\n"
            "落实新时代党的组织路线有偏差。一方面，领导班子建设需加强，班子成员之间沟通协调不够；另一方面，干部队伍结构不优，"
            "专业技术干部占比偏低。\n" + DEMAND)
    found = read_feedback(text).issues
    assert [(i.level, i.text) for i in found] == [
        (1, "贯彻落实党中央决策部署和市委工作要求有差距"), (2, "推进城市更新行动统筹不够,老旧小区改造项目前期谋划不充分"),
        (2, "对房地产市场风险研判不足,问题楼盘化解处置不及时"), (3, "城东某商住项目停工近两年,至巡察时仍未形成化解方案"),
        (1, "落实新时代党的组织路线有偏差"), (2, "领导班子建设需加强,班子成员之间沟通协调不够"),
        (2, "干部队伍结构不优,专业技术干部占比偏低")]


def test_issuelist_feedback_a_speakers_lead_is_no_example():
    """blind45 11 (a guard of the one above): 张德海说,突出表现在:A;B leads the findings, A is no example of anything."""
    text = ("省委第六巡视组向华岳集团党委反馈巡视情况\n" + MEETING +
            "“巡视中，干部群众也反映了一些问题和意见。”张德海说，突出表现在：一些领导干部在矿权转让、物资采购中以权谋私，"
            "为特定关系人谋取利益；海外投资决策不够科学，亏损严重，国有资产流失风险较大。\n" + DEMAND)
    assert _problems(text)[0] == "一些领导干部在矿权转让、物资采购中以权谋私,为特定关系人谋取利益"


def test_issuelist_feedback_a_fields_semicolon_list_after_anothers_run_is_its_own():
    """blind54 06: 在A方面,一是…;二是…。在B方面,X;Y;Z。 in one paragraph — B's lead over a ;-list opens B's field (the
    run's last item took B's sentence in, and B's findings were lost in it)."""
    text = ("市委第一巡察组向市人民医院党委反馈巡察情况\n" + MEETING +
            "巡察组指出，巡察中发现了一些问题。在落实公立医院党委领导下的院长负责制方面，一是党委会议事规则不健全；"
            "二是重大事项集体决策落实不到位。在党风廉政建设方面，药品耗材采购监管不严；医保基金使用不规范，存在过度检查现象；"
            "个别医务人员收受红包。\n" + DEMAND)
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["在落实公立医院党委领导下的院长负责制方面", "在党风廉政建设方面"]
    assert problems == ["党委会议事规则不健全", "重大事项集体决策落实不到位", "药品耗材采购监管不严",
                        "医保基金使用不规范,存在过度检查现象", "个别医务人员收受红包"]


def test_issuelist_feedback_run_items_of_a_verdict_over_a_semicolon_list_are_fields():
    """pairs_blind50 s5: 一是X有差距。A;B。二是Y不力。C;D。三是Z不到位。E。 — each item's verdict sentence is its field,
    the ;-groups after it the findings (each item was one problem); a lone 一是X不到位。A,B。 stays one finding."""
    text = ("市委第三巡察组向市经济开发区党工委反馈巡察情况\n" + MEETING +
            "巡察组指出，巡察中发现了一些问题，主要是：一是贯彻落实上级决策部署有差距。项目审批承诺时限多次突破；"
            "招商协议履约监管缺失，未追究企业违约责任。二是全面从严治党责任落实不力。重大事项未经集体研究；"
            "平台公司对外担保未履行决策程序。三是巡察整改不到位。上一轮巡察指出的规划调整问题至今未整改。\n" + DEMAND)
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["贯彻落实上级决策部署有差距", "全面从严治党责任落实不力", "巡察整改不到位"]
    assert problems == ["项目审批承诺时限多次突破", "招商协议履约监管缺失,未追究企业违约责任", "重大事项未经集体研究",
                        "平台公司对外担保未履行决策程序", "上一轮巡察指出的规划调整问题至今未整改"]
    alone = ("市委第三巡察组向市经济开发区党工委反馈巡察情况\n" + MEETING +
             "巡察组指出，主要问题是：一是主体责任落实不到位。党工委研究全面从严治党工作次数少，对下属单位监督不力。"
             "二是选人用人不规范。\n" + DEMAND)
    assert _problems(alone) == ["主体责任落实不到位。党工委研究全面从严治党工作次数少,对下属单位监督不力", "选人用人不规范"]


def test_issuelist_feedback_a_table_rows_merged_category_left_out():
    """blind54 09: rows under a category's first row leave its merged cell out (序号\t具体问题\t整改时限): the
    problem is the cell after the id, the category stays open (the problem was read as a category, the date as the
    problem); a row with the empty cell kept stays as it is."""
    text = ("市委第一巡察组巡察市水利局党组发现问题清单\n序号\t问题类别\t具体问题\t整改时限\n"
            "1\t贯彻落实党的路线方针政策\t河长制落实不到位，部分河段“清四乱”不彻底。\t长期坚持\n"
            "2\t水资源刚性约束制度执行不严。\t2024年12月底\n"
            "3\t\t水利工程建设管理不规范。\t立行立改\n"
            "4\t全面从严治党\t党组主体责任压得不实。\t2024年9月底\n"
            "5\t违反中央八项规定精神问题时有发生。\t立行立改\n" + DEMAND)
    found = read_feedback(text).issues
    assert [(i.level, i.text) for i in found] == [
        (1, "贯彻落实党的路线方针政策"), (2, "河长制落实不到位,部分河段“清四乱”不彻底"), (2, "水资源刚性约束制度执行不严"),
        (2, "水利工程建设管理不规范"), (1, "全面从严治党"), (2, "党组主体责任压得不实"),
        (2, "违反中央八项规定精神问题时有发生")]


def test_issuelist_feedback_sections_over_aspects_are_their_parents():
    """blind54 10: 一、…方面 over (一)…有差距 over 1.… — the sections are aspects too, each the parent of the aspects
    under it (they were dropped), and a problem right under a section without aspects has it as its field (it had
    none)."""
    text = ("省委第一巡视组关于对临川县委巡视情况的反馈意见\n" + MEETING + "巡视发现的主要问题：\n"
            "一、贯彻落实党中央决策部署方面\n（一）学习贯彻党的创新理论有差距\n1.理论学习不够深入。\n2.意识形态工作责任制落实不到位。\n"
            "（二）推动高质量发展不够有力\n3.产业发展质效不高。\n"
            "二、落实全面从严治党方面\n（一）管党治党责任压得不实\n4.县委主体责任落实有差距。\n5.监督执纪问责不够有力。\n"
            "三、落实巡视整改方面\n6.上一轮巡视整改不到位。\n" + DEMAND)
    found = read_feedback(text).issues
    assert [(i.level, i.issue_id, i.parent_id, i.text) for i in found if i.level == 1] == [
        (1, "A1", None, "贯彻落实党中央决策部署方面"), (1, "A2", "A1", "学习贯彻党的创新理论有差距"),
        (1, "A3", "A1", "推动高质量发展不够有力"), (1, "A4", None, "落实全面从严治党方面"), (1, "A5", "A4", "管党治党责任压得不实"),
        (1, "A6", None, "落实巡视整改方面")]
    assert [(i.text, i.parent_id, i.extra["aspect"]) for i in found if i.level == 2][-2:] == [
        ("监督执纪问责不够有力", "A5", "管党治党责任压得不实"), ("上一轮巡视整改不到位", "A6", "落实巡视整改方面")]


def test_issuelist_feedback_a_one_sentence_fields_object_lists_give_a_problem_an_element():
    """blind55 08: 共反馈3个方面9个问题:在A方面,主要表现在X、Y、Z等问题;在B方面,存在U、V等问题;… — each field's list
    gives one problem an element (each list was one problem)."""
    text = ("县委第三巡察组向县人民医院党委反馈巡察情况\n" + MEETING +
            "巡察组共反馈2个方面5个具体问题:在贯彻落实上级决策部署方面,主要表现在院长负责制落实不到位、医共体建设推进缓慢等问题;"
            "在全面从严治党方面,存在廉洁风险防控机制不健全、耗材采购监管不严、违规收费问题屡查屡犯等问题。\n" + DEMAND)
    aspects, problems = _aspects_and_problems(text)
    assert aspects == ["在贯彻落实上级决策部署方面", "在全面从严治党方面"]
    assert problems == ["院长负责制落实不到位", "医共体建设推进缓慢", "廉洁风险防控机制不健全", "耗材采购监管不严",
                        "违规收费问题屡查屡犯"]


def test_issuelist_feedback_verdict_clauses_over_their_runs_in_one_paragraph_are_fields():
    """pairs_blind51 s5: 主要是:X有差距,一是…;二是…。Y不到位,一是…;二是…。Z不到位,A。 in one paragraph — each verdict
    clause before its run is a field (the later runs were read as examples of the run before), and a sentence that opens
    on the next verdict ends the run's last item; a run without such a field keeps its items' elaboration."""
    text = ("省委第六巡视组向省粮食局党组反馈专项巡视情况\n" + MEETING +
            "巡视指出,局党组做了一些工作,但也存在一些问题。主要是:贯彻落实粮食安全战略有差距,一是对储备粮规模落实督导不到位;"
            "二是储备粮轮换管理不规范。落实全面从严治党责任不到位,一是党组对直属单位监督乏力;二是财务管理不规范,存在公款私存问题。"
            "巡视整改不到位,上轮巡视指出的“靠粮吃粮”问题整改后出现反弹。\n" + DEMAND)
    found = read_feedback(text).issues
    assert [(i.level, i.text) for i in found] == [
        (1, "贯彻落实粮食安全战略有差距"), (2, "对储备粮规模落实督导不到位"), (2, "储备粮轮换管理不规范"),
        (1, "落实全面从严治党责任不到位"), (2, "党组对直属单位监督乏力"), (2, "财务管理不规范,存在公款私存问题"),
        (2, "巡视整改不到位,上轮巡视指出的“靠粮吃粮”问题整改后出现反弹")]


def test_issuelist_feedback_an_inline_demand_in_brackets_after_each_finding():
    """blind57 08: 1.X。(整改要求:…。) after every item — the bracket closing the demand was a sentence of its own,
    which ended the findings after the first item (one problem of ten was read)."""
    text = ("市委第五巡察组对市林业局党组巡察反馈意见\n" + MEETING + "巡察组发现以下问题，并逐项提出整改要求：\n"
            "1.林长制落实不够扎实，林长巡林履职流于形式。（整改要求：建立林长履职督导机制。）\n"
            "2.森林防火责任落实不到位（整改要求：开展森林防火隐患专项排查）。\n"
            "3.生态修复项目推进迟缓。（整改要求：倒排工期，确保按期完成。）\n" + PLEDGE)
    assert _problems(text) == ["林长制落实不够扎实,林长巡林履职流于形式", "森林防火责任落实不到位", "生态修复项目推进迟缓"]


def test_issuelist_feedback_a_run_items_field_over_its_youde_clauses():
    """blind57 07: 一是在X方面,有的A,有的B;二是在Y方面,有的C,有的D — the item names only its field, so the field is the
    aspect and each 有的 clause a problem (the field was read as the problem, the clauses as its examples)."""
    text = ("区委第一巡察组向区住建局党组反馈巡察情况\n" + MEETING + "巡察组指出，主要存在以下两个方面问题："
            "一是在贯彻落实上级决策部署方面，有的重点项目推进缓慢，有的行政许可事项办理超时；"
            "二是在组织建设方面，有的党支部“三会一课”记录补写代写，有的党员长期不参加组织生活。\n" + DEMAND)
    found = read_feedback(text).issues
    assert [(i.level, i.text) for i in found] == [
        (1, "在贯彻落实上级决策部署方面"), (2, "重点项目推进缓慢"), (2, "行政许可事项办理超时"),
        (1, "在组织建设方面"), (2, "党支部“三会一课”记录补写代写"), (2, "党员长期不参加组织生活")]


@pytest.mark.parametrize("tag", ["[{}] ", "【{}】"])
def test_issuelist_feedback_category_tags_opening_the_items_are_their_fields(tag):
    """blind57 09: - [政治建设] A / - [廉洁建设] B — the tag is the item's field, one aspect a run of the same tag, and no
    part of the problem (it was read into every problem, no aspect at all)."""
    text = ("县委第四巡察组反馈问题清单\n" + MEETING + "二、问题清单（共4项）\n"
            + "".join(f"- {tag.format(c)}{p}\n" for c, p in [
                ("政治建设", "学习贯彻党的二十大精神不够深入"), ("政治建设", "落实意识形态工作责任制不到位"),
                ("廉洁建设", "工程款拨付审核把关不严，存在超进度拨款情况"), ("廉洁建设", "治超执法环节廉洁风险防控不到位")])
            + "三、整改要求\n" + DEMAND)
    found = read_feedback(text).issues
    assert [(i.level, i.text) for i in found] == [
        (1, "政治建设"), (2, "学习贯彻党的二十大精神不够深入"), (2, "落实意识形态工作责任制不到位"),
        (1, "廉洁建设"), (2, "工程款拨付审核把关不严,存在超进度拨款情况"), (2, "治超执法环节廉洁风险防控不到位")]


def test_issuelist_feedback_half_width_items_under_bracketed_fields():
    """blind57 10: (1)X方面 over 1) 2) 3) — 1) is a level of its own under (1) (both were one family, and the first field
    was lost among its items)."""
    text = ("省委第六巡视组向省交通投资集团党委反馈巡视情况\n" + MEETING + "巡视也发现了一些问题，主要有：\n"
            "(1)贯彻落实党中央决策部署方面\n1）服务交通强省建设战略定位不够精准。\n2）债务风险防控不到位。\n"
            "(2)全面从严治党方面\n1）党委主体责任落实不到位。\n2）工程建设领域廉洁风险突出。\n" + DEMAND)
    found = read_feedback(text).issues
    assert [(i.level, i.text) for i in found] == [
        (1, "贯彻落实党中央决策部署方面"), (2, "服务交通强省建设战略定位不够精准"), (2, "债务风险防控不到位"),
        (1, "全面从严治党方面"), (2, "党委主体责任落实不到位"), (2, "工程建设领域廉洁风险突出")]


def test_issuelist_feedback_a_clue_handed_on_after_the_list_is_no_finding():
    """blind57 01: 此外,巡察组还收到反映其他方面的问题,已按有关规定转交…处理 — a clue handed on, not a problem (it was one)."""
    text = ("县委巡察组反馈巡察情况\n" + MEETING + "巡察发现的主要问题：\n1.理论学习不够深入。\n2.惠农资金管理不规范。\n"
            "此外，巡察组还收到反映其他方面的问题，已按有关规定转交区纪委监委处理。\n" + PLEDGE)
    assert _problems(text) == ["理论学习不够深入", "惠农资金管理不规范"]


def test_issuelist_feedback_an_interviews_answers():
    """blind57 11: 问:…? 答:… — the demands in an answer (答:巡察组要求…) are the team's demands, no finding (it was one)."""
    text = ("县委巡察办负责人就巡察反馈答记者问\n问：巡察发现了哪些主要问题？\n"
            "答：巡察组共发现问题2个。主要是医保基金监管不够严格；干部教育培训针对性不强。\n问：巡察组提出了哪些整改要求？\n"
            "答：巡察组要求县医疗保障局党组切实履行整改主体责任，对反馈问题逐一制定整改措施。\n")
    assert _problems(text) == ["医保基金监管不够严格", "干部教育培训针对性不强"]


def test_issuelist_feedback_a_runs_last_item_stops_before_a_sentence_on_the_findings():
    """blind57 12: …四是X。以上问题,巡察组已形成书面反馈意见。 — the summing-up sentence is no part of the last item."""
    text = ("县委巡察组巡察反馈会纪要\n" + MEETING + "巡察发现的主要问题：一是农机购置补贴审核把关不严；二是部分基层党支部组织生活不规范；"
            "三是文书档案管理混乱。以上问题，巡察组已形成书面反馈意见。\n" + DEMAND)
    assert _problems(text) == ["农机购置补贴审核把关不严", "部分基层党支部组织生活不规范", "文书档案管理混乱"]


@pytest.mark.parametrize("finding,problem,examples", [
    # a verdict and one 有的 clause, said in one breath: one problem (blind56 02, 11, 12)
    ("“三重一大”决策制度执行不严格，有的重大事项未经集体研究", "“三重一大”决策制度执行不严格,有的重大事项未经集体研究", []),
    # two 有的 clauses: the verdict's examples
    ("制度执行不严格，有的重大事项未经集体研究，有的项目未招标", "制度执行不严格", ["重大事项未经集体研究", "项目未招标"]),
    # a longer sentence around its 有的 clause: its example
    ("村干部作风不够扎实，有的村干部兼职经商，在岗时间少，群众办事找人难", "村干部作风不够扎实", ["村干部兼职经商,在岗时间少,群众办事找人难"]),
])
def test_issuelist_feedback_one_youde_clause_after_a_short_verdict(finding, problem, examples):
    text = ("县委巡察组反馈巡察情况\n" + MEETING + "巡察发现的主要问题：\n1.理论学习不够深入。\n2." + finding + "。\n" + DEMAND)
    found = read_feedback(text).issues
    assert [i.text for i in found if i.level == 2][-1] == problem
    assert [i.text for i in found if i.level == 3] == examples


def test_issuelist_feedback_a_two_column_table_with_one_spaced_bar():
    """blind56 10: 问题类型 | 问题描述, the category left out of the rows under its first — one bar a row is a table too
    (it was read as a list of lines, the category in every problem and the header an aspect)."""
    text = ("中共柳溪镇委员会关于乡村振兴专项巡察反馈问题整改进展情况的通报\n" + MEETING + "现将巡察反馈问题清单通报如下：\n"
            "问题类型 | 问题描述\n政治责任落实 | 镇党委会专题研究乡村振兴工作次数偏少\n | 部分帮扶措施与群众需求脱节\n"
            "产业发展 | 产业项目论证不充分，茶叶加工厂产能利用率不足30%\n | 村级集体经济发展乏力\n" + DEMAND)
    found = read_feedback(text).issues
    assert [(i.level, i.text) for i in found] == [
        (1, "政治责任落实"), (2, "镇党委会专题研究乡村振兴工作次数偏少"), (2, "部分帮扶措施与群众需求脱节"),
        (1, "产业发展"), (2, "产业项目论证不充分,茶叶加工厂产能利用率不足30%"), (2, "村级集体经济发展乏力")]


def test_issuelist_feedback_the_last_field_with_one_finding_and_no_run():
    """blind56 03: (一)…(三) each a verdict over its 一是 run, then (四)X不到位。Y。 — (四) is a field as its siblings are,
    over its one finding (the verdict and the finding were read as one problem)."""
    text = ("区委巡察组向城东街道党工委反馈巡察情况\n" + MEETING + "巡察发现的主要问题：\n"
            "（一）党的领导作用发挥不充分。一是理论学习不够深入；二是意识形态工作责任制落实不到位。\n"
            "（二）群众身边腐败问题依然存在。一是集体资产底数不清；二是低保审核把关不严。\n"
            "（三）基层党组织建设还有差距。一是部分社区党组织软弱涣散；二是党员发展重数量轻质量。\n"
            "（四）巡察发现问题整改不到位。对上轮巡察发现问题整改不彻底，有的问题出现反弹回潮。\n" + DEMAND)
    found = read_feedback(text).issues
    assert [(i.level, i.text) for i in found][-2:] == [
        (1, "巡察发现问题整改不到位"), (2, "对上轮巡察发现问题整改不彻底,有的问题出现反弹回潮")]


def test_issuelist_feedback_a_fields_heading_then_biaoxianwei_clauses():
    """blind58 09: 一、…方面。表现为:A,B,C。 — the field is the aspect and each clause a problem (the fields were read as
    problems, the clauses as one example; 落实…、审计等监督发现问题整改方面 was no field at all); a clause that only
    elaborates (至今仍有4个问题未整改到位) stays with its finding."""
    text = ("县委第二巡察组向县水利局党组反馈巡察情况\n" + MEETING + "巡察发现县水利局党组存在以下问题：\n"
            "一、贯彻落实党中央决策部署方面。表现为：河长制湖长制工作推进不力，农村饮水安全工程建后管护不到位。\n"
            "二、落实巡视巡察、审计等监督发现问题整改方面。表现为：上轮巡察反馈问题整改不彻底，审计发现问题整改不到位。\n"
            "三、巡视整改落实不到位方面。主要表现为：对上一轮巡视反馈的14个问题整改不彻底，至今仍有4个问题未整改到位。\n"
            + DEMAND)
    found = read_feedback(text).issues
    assert [(i.level, i.text) for i in found] == [
        (1, "贯彻落实党中央决策部署方面"), (2, "河长制湖长制工作推进不力"), (2, "农村饮水安全工程建后管护不到位"),
        (1, "落实巡视巡察、审计等监督发现问题整改方面"), (2, "上轮巡察反馈问题整改不彻底"), (2, "审计发现问题整改不到位"),
        (1, "巡视整改落实不到位方面"), (2, "对上一轮巡视反馈的14个问题整改不彻底,至今仍有4个问题未整改到位")]


def test_issuelist_feedback_a_table_lined_up_with_spaces():
    """blind58 10: 序号  问题类别    问题表现    整改时限, the category left out of the rows under its first — columns
    lined up with runs of spaces are a table (each row was read as a problem, header included)."""
    text = ("市交通运输局党组巡察反馈问题清单\n" + MEETING + "巡察组共反馈问题3个，清单如下：\n"
            "序号  问题类别        问题表现                                        整改时限\n"
            "1     政治建设        意识形态工作责任制落实不力，对网站信息发布审核不严    2019年10月底\n"
            "2                     农村公路“四好”建设推进滞后                          2019年12月底\n"
            "3     全面从严治党    党组主体责任落实不到位，对局属单位监督管理宽松软      2019年12月底\n" + DEMAND)
    found = read_feedback(text).issues
    assert [(i.level, i.text) for i in found] == [
        (1, "政治建设"), (2, "意识形态工作责任制落实不力,对网站信息发布审核不严"), (2, "农村公路“四好”建设推进滞后"),
        (1, "全面从严治党"), (2, "党组主体责任落实不到位,对局属单位监督管理宽松软")]


def test_issuelist_feedback_a_verdict_paragraph_then_biaoxianzai_groups():
    """blind60 02: unnumbered paragraphs 贯彻落实…有差距。表现在:A;B;C。 — the verdict is the field and each ;-group a
    problem (each paragraph was read as one problem); 具体表现为: opens a problem's examples, not a field's problems."""
    text = ("省委第二巡视组向省交通运输厅党组反馈巡视情况\n" + MEETING + "巡视发现的主要问题是：\n"
            "贯彻落实党中央决策部署有差距。表现在：学习贯彻不够深入，结合实际转化落实不够；推进交通强省建设统筹谋划不够；"
            "防范化解重大风险意识不强，对厅属企业债务风险底数不清。\n"
            "落实全面从严治党“两个责任”不到位。表现在：厅党组主体责任压力传导不到位；违规公款吃喝问题仍有发生。\n"
            + DEMAND)
    found = read_feedback(text).issues
    assert [(i.level, i.text) for i in found] == [
        (1, "贯彻落实党中央决策部署有差距"), (2, "学习贯彻不够深入,结合实际转化落实不够"), (2, "推进交通强省建设统筹谋划不够"),
        (2, "防范化解重大风险意识不强,对厅属企业债务风险底数不清"),
        (1, "落实全面从严治党“两个责任”不到位"), (2, "厅党组主体责任压力传导不到位"), (2, "违规公款吃喝问题仍有发生")]


def test_issuelist_feedback_a_plain_village_notice_and_a_mixed_list():
    """blind60 06, 08, 11, 12: a village notice numbered 1. 2，3、 with no stops, its demand in plain words (下一步,你村要…);
    a) b) sub-items under numbered problems; a numbered 建议医院党委… among the findings; a count broken down
    (共反馈问题11个,其中…的5个、…的6个,具体是:) is no finding."""
    village = ("关于柳树湾村党支部巡察情况的反馈意见\n" + MEETING + "主要问题是这几个:\n"
               "1.村党支部学习抓得不紧,学习记录是事后补的\n2，“三会一课”不正常，党课一次没上过\n"
               "3、村务公开不及时,低保户名单没有公开\n下一步,你村要对照上面这些问题一条一条抓整改\n")
    assert _problems(village) == ["村党支部学习抓得不紧,学习记录是事后补的", "“三会一课”不正常,党课一次没上过",
                                  "村务公开不及时,低保户名单没有公开"]
    listed = ("巡视组向县委反馈专项巡视情况\n" + MEETING + "巡视组共反馈问题3个，其中责任落实不到位的1个、资金管理不规范的2个，具体是：\n"
              "1. 落实脱贫攻坚政治责任不够到位。\n  a) 县委常委会研究具体举措不多；\n  b) 部分乡镇党委书记对贫困人口底数不清。\n"
              "2. 建议县委修订完善扶贫资金管理办法，厘清审批权责。\n3. 扶贫资金管理使用不规范，2860万元滞留闲置超过1年。\n"
              + DEMAND)
    found = read_feedback(listed).issues
    assert [(i.level, i.text) for i in found] == [
        (2, "落实脱贫攻坚政治责任不够到位"), (3, "县委常委会研究具体举措不多"), (3, "部分乡镇党委书记对贫困人口底数不清"),
        (2, "扶贫资金管理使用不规范,2860万元滞留闲置超过1年")]


def test_issuelist_feedback_ordinal_verdicts_over_findings_a_sentence_each():
    """blind60 04: 第一，党的领导弱化问题仍然存在。一些校领导…。部分院系…。少数教师…。 — the verdict is the field and each
    sentence about some of the unit's people a problem (each paragraph was one problem); a headline over its
    figures stays one problem."""
    text = ("省委巡视组向理工大学党委反馈专项巡视情况\n" + MEETING + "巡视发现的主要问题是：\n"
            "第一，党的领导弱化问题仍然存在。一些校领导对校长负责制理解不深。部分院系党组织政治核心作用发挥不明显。"
            "少数教师在课堂上发表不当言论。\n"
            "第二，党的建设缺失问题比较突出。部分基层党支部组织生活不正常。一些教职工党员宗旨意识淡薄，长期不参加组织生活。\n"
            "第三，科研经费管理不规范。2021年以来虚列劳务费23万元，其中3个项目未按规定公示。\n" + DEMAND)
    found = read_feedback(text).issues
    assert [(i.level, i.text) for i in found] == [
        (1, "党的领导弱化问题仍然存在"), (2, "一些校领导对校长负责制理解不深"), (2, "部分院系党组织政治核心作用发挥不明显"),
        (2, "少数教师在课堂上发表不当言论"),
        (1, "党的建设缺失问题比较突出"), (2, "部分基层党支部组织生活不正常"), (2, "一些教职工党员宗旨意识淡薄,长期不参加组织生活"),
        (2, "科研经费管理不规范。2021年以来虚列劳务费23万元,其中3个项目未按规定公示")]


def test_issuelist_feedback_a_speakers_findings_quoted_one_after_another():
    """blind60 05: 刘国强指出，市委“A不多，B不快”“C不够有力”，同时“D不到位” — a reporter's frame around quoted findings:
    a problem a quote (the sentence was one problem); a quote inside a finding of its own words stays in it."""
    text = ("省委巡视组向市委反馈巡视情况\n" + MEETING + "“成绩值得肯定，问题也不容忽视。”组长逐一点出了巡视发现的问题。\n"
            "在贯彻落实党中央决策部署方面，刘国强指出，市委“推动高质量发展办法不多，传统产业转型升级步伐不快”"
            "“防范化解政府债务风险措施不够有力”，同时“中央生态环境保护督察反馈问题整改不到位”。\n" + DEMAND)
    assert _problems(text) == ["推动高质量发展办法不多,传统产业转型升级步伐不快", "防范化解政府债务风险措施不够有力",
                               "中央生态环境保护督察反馈问题整改不到位"]


def test_issuelist_feedback_a_verdict_heading_over_headlined_lines_is_their_field():
    """blind62 04: 二、…存在薄弱环节 over lines that each open with a short headline (医保基金使用不规范。分解住院…): the
    heading is the field, each line one problem, headline and elaboration (the heading was a problem, every
    headline and elaboration its examples)."""
    from pipeline.issuelist.feedback import read_feedback

    text = ("县委第一巡察组向县人民医院党委反馈巡察情况\n巡察组指出了以下问题：\n"
            "一、全面从严治党和行业作风建设存在薄弱环节\n"
            "管党治党责任传导不到位。集团党委对分院党支部督促指导不够，日常监督覆盖不到分院。\n"
            "医疗领域廉洁风险防控不力。对设备采购等关键环节监管存在漏洞。部分高值耗材未经遴选即进入临床使用；个别基建项目先施工后补签合同。\n"
            "医保基金使用不规范。分解住院、超标准收费等问题不同程度存在。\n"
            "二、基层党建有短板\n党建与业务融合不紧。部分分院党支部书记由院长兼任，抓党建精力不足。\n"
            "人才引进和培养机制不健全。学科带头人缺乏，执业医师“招不来、留不住”。\n"
            "巡察组要求，医院党委要切实抓好整改。\n")
    issues = read_feedback(text).issues
    assert [i.text for i in issues if i.level == 1] == ["全面从严治党和行业作风建设存在薄弱环节", "基层党建有短板"]
    problems = [i.text for i in issues if i.level == 2]
    assert len(problems) == 5 and problems[0] == "管党治党责任传导不到位。集团党委对分院党支部督促指导不够,日常监督覆盖不到分院"


def test_issuelist_feedback_unnumbered_verdict_lines_over_semicolon_paragraphs_are_fields():
    """blind62 09: a line of one verdict sentence over a paragraph of ;-separated findings, twice or more: each line
    is the field of the findings below it (it was read as one more finding beside them)."""
    from pipeline.issuelist.feedback import read_feedback

    text = ("市委第六巡察组向市供销社党组反馈巡察情况\n巡察组指出，主要存在以下问题：\n"
            "全面从严治党主体责任落实不到位。\n党组研究部署党风廉政建设不经常，对社有企业指导不够；社有资产管理混乱，部分门面出租未公开招租；"
            "财务制度执行不严格，往来款项长期挂账未清理。\n"
            "基层党组织建设存在短板。\n社有企业党组织作用发挥不充分，组织生活不正常；干部队伍年龄老化，中层干部长期未交流。\n"
            "巡察组要求，市供销社党组要切实抓好整改。\n")
    issues = read_feedback(text).issues
    assert [i.text for i in issues if i.level == 1] == ["全面从严治党主体责任落实不到位", "基层党组织建设存在短板"]
    assert [i.parent_id for i in issues if i.level == 2] == ["A1", "A1", "A1", "A2", "A2"]


def test_issuelist_feedback_a_headlines_own_line_elaborates_it_without_a_cue_word():
    """blind63 11: 违规发放津贴补贴。下属剧院…以演出补助名义发放津贴，共计发放21.5万元。 — what was done wrong, told without
    a shortcoming word on the headline's own line, is its elaboration (it was dropped, the headline kept alone)."""
    text = ("市委第四巡察组向市文化局党组反馈巡察情况\n" + MEETING + "巡察中也发现一些问题：\n一、执行中央八项规定精神方面\n"
            "公务接待不规范。部分接待无公函、无清单。\n"
            "违规发放津贴补贴。下属剧院、文化馆以演出补助名义发放津贴，2014年共计发放21.5万元。\n" + DEMAND)
    assert _problems(text) == ["公务接待不规范。部分接待无公函、无清单",
                               "违规发放津贴补贴。下属剧院、文化馆以演出补助名义发放津贴,2014年共计发放21.5万元"]


@pytest.mark.parametrize("finding,expected", [
    ("境外投资决策不够严谨，部分项目造成国有资产损失", ["境外投资决策不够严谨,部分项目造成国有资产损失"]),
    ("专项资金监管不严，导致部分资金闲置", ["专项资金监管不严,导致部分资金闲置"]),
    ("境外投资决策不够严谨，关联交易中利益输送风险较大", ["境外投资决策不够严谨", "关联交易中利益输送风险较大"]),
])
def test_issuelist_feedback_a_clause_telling_what_the_one_before_caused_is_its_consequence(finding, expected):
    """blind63 01: 经营管理方面，境外投资决策不够严谨，部分项目造成国有资产损失 — the clause that tells what the one before it
    caused is that finding's consequence, not a problem of its own."""
    text = ("中央第九巡视组向华远集团反馈巡视情况\n" + MEETING + "巡视组也发现了一些问题，主要是：党风廉政建设方面，主体责任落实不到位；"
            f"经营管理方面，{finding}。\n" + DEMAND)
    assert _problems(text)[1:] == expected


def test_issuelist_feedback_advice_tagged_after_each_finding_is_no_finding():
    """blind64 11: 1.…。\n【整改建议】深入学习…,制定…计划… after each numbered finding — the team's advice, a demand (three of
    six were read as problems, and 整改建议 as their aspect)."""
    text = ("县委第二巡察组关于对县供销社党组专项巡察的反馈意见\n现将巡察发现的问题及整改建议反馈如下：\n"
            "1.服务“三农”主责主业弱化。全县12个基层社中有5个已无实体经营。\n"
            "【整改建议】深入学习贯彻有关重要指示精神，制定基层社恢复重建计划，在年内完成空壳基层社的清理整顿。\n"
            "2.社有资产管理不规范。部分门面房长期出租未重新评估。\n"
            "【整改建议】全面清查社有资产，建立资产台账，今后出租一律通过公开招租方式进行。\n")
    aspects, problems = _aspects_and_problems(text)
    assert (aspects, problems) == ([], ["服务“三农”主责主业弱化。全县12个基层社中有5个已无实体经营",
                                        "社有资产管理不规范。部分门面房长期出租未重新评估"])


def test_issuelist_feedback_findings_closed_by_de_wenti_one_a_sentence():
    """blind64 09: 主要问题有:社区党委存在理论学习流于形式的问题。社区“两委”存在议事决策不规范的问题,… — a sentence closed
    by 的问题 is a finding of its own, no headline over the next (the two were one problem); the subject before 存在 is
    the frame's, as in 局党组存在…等问题."""
    text = ("区委第五巡察组向桂园社区党委反馈提级巡察情况\n" + MEETING +
            "主要问题有：社区党委存在理论学习流于形式的问题。社区“两委”存在议事决策不规范的问题，部分重大事项未按程序决策。"
            "居务公开存在更新不及时的问题。\n" + DEMAND)
    problems = _problems(text)
    assert len(problems) == 3 and problems[0].endswith("理论学习流于形式")
    assert problems[1].endswith("议事决策不规范的问题,部分重大事项未按程序决策") and "理论学习" not in problems[1]
    assert problems[2] == "更新不及时"  # 居务公开存在…的问题: the frame's subject left out
