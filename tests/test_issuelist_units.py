"""Which unit each problem of a round-up belongs to (pipeline.issuelist.units), on notices of our own."""

from __future__ import annotations

import pytest

from pipeline.issuelist import read_feedback
from pipeline.issuelist.units import announced_units
from pipeline.normalize import normalize


def _units(text: str) -> list[tuple[str, str | None]]:
    """(the problem's first six characters, its unit) for every problem of the notice."""
    return [(i.text[:6], i.extra.get("unit")) for i in read_feedback(text).issues if i.level == 2]


_REPORTED_TO = """县委第二轮巡察完成反馈
6月3日至5日，县委巡察组分别向青石镇党委、白水乡党委反馈巡察情况。
向青石镇党委反馈时，巡察组指出，镇党委主要存在以下问题：一是产业项目谋划不实，2个项目闲置；二是财务报销审核不严。
向白水乡党委反馈时，巡察组指出，一是防返贫监测不精准；二是干部作风不实，走读现象突出。
巡察组要求，各乡镇党委要切实履行整改主体责任。
"""

_BRACKETS = """区委巡察组向东湖街道党工委及所辖社区反馈巡察情况
巡察发现，东湖街道党工委存在以下问题：一是统筹基层治理不力；二是财务管理不规范。
巡察组同时指出了所辖社区存在的问题：
【枫林社区】居民议事制度流于形式；公共收益台账不清。
【柳岸社区】网格员管理松散；党员发展把关不严。
巡察组要求，街道党工委要统筹抓好整改。
"""

_BARE_SUBJECTS = """市委第五轮巡察完成反馈
市委巡察组分别向市档案馆党组、市气象局党组、市科技馆党支部反馈了巡察情况。
市委第一巡察组指出，市档案馆党组落实意识形态工作责任制不到位；档案数字化工作推进缓慢。
市委第二巡察组反馈，市气象局党组的问题主要是：气象服务供给不足；政府采购程序不规范。
市委第三巡察组指出，市科技馆党支部“三会一课”落实不严格；场馆免费开放经费使用不规范。
市委巡察办要求，各被巡察党组织要对反馈问题照单全收。
"""

_LABELS_AND_ORGAN = """县委巡察组向河口镇党委及所辖村党组织反馈巡察情况
巡察组认为，各村党组织做了一些工作，但也存在一些问题。
上坪村:一是村务公开不及时；二是集体资产管理不规范。
下坪村:一是“四议两公开”执行不严；二是低保评定不公开。
镇党委:一是对村级党组织指导不力；二是村财乡管制度落实不严。
巡察组要求，镇党委要履行整改督促责任。
"""

_SHORT_NAMES = """县委第三轮巡察完成反馈
县委巡察组分别向县人民法院党组、县人民检察院党组反馈巡察情况。
县委第一巡察组向县人民法院党组反馈指出，县法院党组落实意识形态工作责任制不够到位；执行案件结案用时超过规定期限。
县委第二巡察组向县人民检察院党组反馈指出，院党组对检察人员监督管理薄弱；公益诉讼办案数量下降。
巡察组要求，各被巡察党组织要切实抓好整改。
"""

_ONE_UNIT = """市委第三巡察组向市卫生健康委党组反馈巡察情况
巡察组指出，市卫生健康委党组存在以下问题：一是落实医改任务有差距；二是医疗机构监管不到位。
巡察组还指出，所属市疾控中心财务管理不规范，存在白条入账问题；下属医院党支部作用发挥不充分。
巡察组要求，市卫生健康委党组要切实抓好整改。
"""


_LABELLED_BY_KIND = """县委第二巡察组向县图书馆等3个单位党组织反馈巡察情况
巡察组指出，共反馈问题6个，具体如下：
县图书馆：一是总分馆制建设推进缓慢；二是图书采购未按规定进行比选。
县殡葬管理所：一是公益性公墓建设滞后；二是收费标准未公示。
县供销社：一是社有资产出租不规范；二是基层网点经营困难。
巡察组要求，各单位党组织要切实抓好整改。
"""

@pytest.mark.parametrize("text, expected", [
    (_REPORTED_TO, [("产业项目谋划", "青石镇党委"), ("财务报销审核", "青石镇党委"),
                    ("防返贫监测不", "白水乡党委"), ("干部作风不实", "白水乡党委")]),
    (_BRACKETS, [("统筹基层治理", "东湖街道党工委"), ("财务管理不规", "东湖街道党工委"),
                 ("居民议事制度", "枫林社区"), ("公共收益台账", "枫林社区"),
                 ("网格员管理松", "柳岸社区"), ("党员发展把关", "柳岸社区")]),
    (_BARE_SUBJECTS, [("市档案馆党组", "市档案馆党组"), ("档案数字化工", "市档案馆党组"),
                      ("气象服务供给", "市气象局党组"), ("政府采购程序", "市气象局党组"),
                      ("市科技馆党支", "市科技馆党支部"), ("场馆免费开放", "市科技馆党支部")]),
    (_LABELS_AND_ORGAN, [("村务公开不及", "上坪村"), ("集体资产管理", "上坪村"),
                         ("“四议两公开", "下坪村"), ("低保评定不公", "下坪村"),
                         ("对村级党组织", "镇党委"), ("村财乡管制度", "镇党委")]),
    # a shortened name (县法院党组) or bare organ words (院党组) point back to the unit named in full
    (_SHORT_NAMES, [("县法院党组落", "县人民法院党组"), ("执行案件结案", "县人民法院党组"),
                    ("院党组对检察", "县人民检察院党组"), ("公益诉讼办案", "县人民检察院党组")]),
    # units named by what they are, not by an organ (图书馆, 管理所, 供销社: blind59 09)
    (_LABELLED_BY_KIND, [("总分馆制建设", "县图书馆"), ("图书采购未按", "县图书馆"),
                         ("公益性公墓建", "县殡葬管理所"), ("收费标准未公", "县殡葬管理所"),
                         ("社有资产出租", "县供销社"), ("基层网点经营", "县供销社")]),
])
def test_units_each_problem_gets_the_unit_named_last_before_it(text, expected):
    assert _units(text) == expected


def test_units_a_notice_on_one_unit_names_none_for_its_parts():
    # its subordinate bodies (所属 / 下属) are parts of the one unit, not units of a round-up
    assert {unit for _, unit in _units(_ONE_UNIT)} == {None}


@pytest.mark.parametrize("sentence, expected", [
    ("县委巡察组分别向青石镇党委、白水乡党委反馈巡察情况。", ["青石镇党委", "白水乡党委"]),
    ("对城关镇党委及所辖东岗村、西岭村开展了联动巡察。", ["城关镇党委", "东岗村", "西岭村"]),
    # a count of units is no unit's name
    ("巡察组分别向3个村党组织反馈巡察情况。", []),
])
def test_units_announced_in_the_round_up(sentence, expected):
    assert announced_units(normalize(sentence)) == expected


def test_units_announced_names_with_a_conjunction_inside_stay_whole():
    """市住房和城乡建设局党组 is one name (和 inside it), 市农业农村局党组和县一中党委 two (blind20 y10)."""
    sentence = "近日，4个巡察组分别向市住房和城乡建设局党组、市农业农村局党组和县一中党委反馈了巡察情况。"
    assert announced_units(normalize(sentence)) == ["市住房和城乡建设局党组", "市农业农村局党组", "县一中党委"]


def test_units_round_up_whose_paragraphs_name_the_unit_after_the_teams_frame():
    """市委第一巡察组反馈指出,U存在的主要问题:A;B / …指出,U把方向…不充分;C (blind20 y10): each paragraph is the
    announced unit's, its problems start after the unit's label or at the unit as the first one's subject, and the
    unit is the announced name whole (集团有限公司党委, not the shorter 集团)."""
    text = normalize(
        "市委第五轮巡察反馈工作全部完成\n"
        "近日，市委巡察组分别向市住房和城乡建设局党组、市城市建设投资集团有限公司党委反馈了巡察情况。\n"
        "市委第一巡察组反馈指出，市住房和城乡建设局党组存在的主要问题：对房地产开发企业监管不严；城镇老旧小区改造进度滞后。\n"
        "市委第三巡察组反馈指出，市城市建设投资集团有限公司党委把方向作用发挥不充分，债务风险大；工程项目招投标不规范。\n"
        "市委巡察办要求，各被巡察单位党组织要切实担负起巡察整改主体责任。\n")
    found = [(i.text, i.extra.get("unit")) for i in read_feedback(text).issues if i.level == 2]
    assert found == [("对房地产开发企业监管不严", "市住房和城乡建设局党组"), ("城镇老旧小区改造进度滞后", "市住房和城乡建设局党组"),
                     ("市城市建设投资集团有限公司党委把方向作用发挥不充分,债务风险大", "市城市建设投资集团有限公司党委"),
                     ("工程项目招投标不规范", "市城市建设投资集团有限公司党委")]
