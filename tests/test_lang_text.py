"""Text structure facts (pipeline.lang.text): where a line break only wraps a line at the page width."""

from __future__ import annotations

import pytest

from pipeline.lang.text import ANY_SPACES, SPACE_SEPARATOR, cell_separator, page_furniture, quotes, reflowed, row_cells, soft_breaks
from pipeline.normalize import normalize

WRAPPED = normalize(
    "程立新指出，巡视发现，省市场监管局党组在贯彻落实党中央决策部署方面，服\n"
    "务高质量发展的举措不够有力，知识产权保护工作存在短板，食品药品安全监管存在\n"
    "薄弱环节；在落实全面从严治党方面，主体责任压得不实，对直属单位监督乏力，特\n"
    "种设备检验检测等领域廉洁风险突出；在落实新时代党的组织路线方面，干部队伍结\n"
    "构不够合理，基层党组织建设质量不高。同时，对上轮巡视和审计发现问题整改不到\n"
    "位。\n"
    "1.巡视期间，巡视组坚持边巡边改，督促开展专项整治，目前已办结信访件52件。\n"
)


def test_lang_text_soft_breaks_of_a_hard_wrapped_text():
    breaks = [i for i, ch in enumerate(WRAPPED) if ch == "\n"]
    soft = soft_breaks(WRAPPED)
    assert soft == frozenset(breaks[:5])  # not after the short line 位。, not before 1.


#: heldout32 a: a report copied out of a PDF wrapped at its width, where a line of digits holds more characters
#: (…2023年10月16日至12月22日… is 44 characters, a line without digits 38)
WRAPPED_BY_WIDTH = (
    "根据市委巡察工作领导小组统一部署，2023年10月16日至12月22日，市委第四巡察组对\n"
    "岚江物流集团有限公司党委开展了常规巡察，并于2024年1月25日反馈了巡察意见。集\n"
    "团党委坚持把巡察整改作为重大政治任务和践行“两个维护”的实际行动，对照反馈\n"
    "的3个方面11个问题，细化整改措施46条，建立问题、任务、责任“三个清单”，实行\n"
    "挂图作战、对账销号，班子成员带队赴所属企业督导23人次，约谈企业主要负责人2名\n"
    "，组织对所属9家二级企业开展整改“回头看”，推动整改全面落到实处、取得实效。\n"
    "一、整改工作总体情况\n"
)


def test_lang_text_soft_breaks_at_a_pages_width_not_a_count_of_characters():
    """A line's width counts a digit as half a Chinese character: the wraps of lines full of dates are wraps too
    (heldout32 a: none was found, each measure's item ending at its line's end)."""
    text = normalize(WRAPPED_BY_WIDTH)
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    assert soft_breaks(text) == frozenset(breaks[:5])


@pytest.mark.parametrize("line,joins", [("2 落实全面从严治党战略部署方面(4个)", False), ("2 名干部未按期交流轮岗。", True)])
def test_lang_text_an_outline_number_and_a_space_opens_a_line(line, joins):
    """1.3 …。\n2 落实…方面: the outline's next heading, not the wrapped line's end (blind4 f14)."""
    text = normalize(WRAPPED_BY_WIDTH.replace("一、整改工作总体情况\n", "") .replace("推动整改全面落到实处、取得实效。\n",
                                                                                "推动整改全面落到实处、取得实效，共有\n")
                     + line + "\n")
    last = text.rfind("\n", 0, len(text) - 1)
    assert (last in soft_breaks(text)) is joins


def test_lang_text_no_soft_breaks_one_paragraph_a_line():
    text = normalize("巡察组指出，巡察中也发现了一些问题。\n一、理论学习不够深入。\n二、惠农资金管理不规范，存在虚报冒领现象，群众反映强烈。\n"
                     "三、基层党建薄弱。\n巡察组要求，局党组要切实履行整改主体责任。\n局党组书记表示，将照单全收、逐条整改，确保整改到位。\n")
    assert soft_breaks(text) == frozenset()


def test_lang_text_page_furniture_and_wraps_over_it():
    """A page number and the running header after it (the same line after every page number) are page
    furniture; the wrapped line they interrupt goes on over them."""
    body = ("巡察组指出，局党组学习贯彻党的创新理论不够深入，理论学习中心组学习计划执行\n"
            "不严格，专题研讨以读文件、谈体会为主，联系卫生健康工作实际不够紧密；对所属\n")
    text = normalize(body + "— 1 —\n关于巡察县卫生健康局党组的反馈意见\n"
                     + "医院党建工作指导不力，部分党支部组织生活不规范，三会一课记录内容雷同，质量\n"
                     + "不高；财务管理制度执行不严格，存在以会议费名义列支餐费的情况，公务接待清单\n"
                     + "— 2 —\n关于巡察县卫生健康局党组的反馈意见\n"
                     + "填写不规范，部分接待无派出单位公函；所属医院采购管理不规范，部分设备采购参数\n"
                     + "设置具有明显倾向性。\n")
    furniture = page_furniture(text)
    assert sorted(text[s:text.index("\n", s)] for s in furniture) == [
        "— 1 —", "— 2 —", "关于巡察县卫生健康局党组的反馈意见", "关于巡察县卫生健康局党组的反馈意见"]
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    assert soft_breaks(text) == frozenset(breaks[:-1])  # every break but the text's last


def test_lang_text_bare_numbers_close_together_are_row_ids_not_pages():
    """Lines 1 / 2 / 3 a few lines apart number a table's rows copied one cell a line; one bare number
    after a page of text is that page's number."""
    rows = "序号\n反馈问题\n1\n理论学习不够深入\n2\n财务管理不规范\n3\n作风建设有差距\n"
    assert page_furniture(rows) == frozenset()
    page = "".join(f"第{k}行正文内容较长的一行，用来占满版面。\n" for k in range(12))
    text = page + "7\n" + page
    assert page_furniture(text) == frozenset({len(page)})


def test_lang_text_page_furniture_with_blank_lines_around_the_page_number():
    """A PDF's page break copied with empty lines around its number (blind19's 乡村振兴 notice): the empty
    lines, the number and the running header after them are furniture, and the wrapped line goes on over them."""
    body = ("巡察组指出，局党组学习贯彻党的创新理论不够深入，理论学习中心组学习计划执行\n"
            "不严格，专题研讨以读文件、谈体会为主，联系卫生健康工作实际不够紧密；对所属\n")
    page = "\n— {n} —\n\n关于巡察县卫生健康局党组的反馈意见\n"
    text = normalize(body + page.format(n=1)
                     + "医院党建工作指导不力，部分党支部组织生活不规范，三会一课记录内容雷同，质量\n"
                     + "不高；财务管理制度执行不严格，存在以会议费名义列支餐费的情况，公务接待清单\n"
                     + page.format(n=2)
                     + "填写不规范，部分接待无派出单位公函；所属医院采购管理不规范，部分设备采购参数\n"
                     + "设置具有明显倾向性。\n")
    furniture = page_furniture(text)
    assert sorted(text[s:text.index("\n", s)] for s in furniture) == [
        "", "", "", "", "— 1 —", "— 2 —", "关于巡察县卫生健康局党组的反馈意见", "关于巡察县卫生健康局党组的反馈意见"]
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    assert soft_breaks(text) == frozenset(breaks[:-1])


def test_lang_text_reflowed_keeps_offsets_and_joins_wrapped_lines():
    flow = reflowed(WRAPPED)
    assert len(flow) == len(WRAPPED)
    assert "\n" not in flow[:flow.index("位。")] and flow.endswith("52件。\n")


_REPORT_PARAGRAPH = ("集团党委制定《集团党委落实省委第九巡视组反馈意见整改方案》，将反馈的3个方面11个问题细化为64项整改任务，"
                     "逐项明确责任领导、责任部门和完成时限，实行清单化管理。截至2025年5月31日，64项整改任务已完成51项、"
                     "基本完成9项、持续推进5项，完成率79.7%。集团累计新建制度21项、修订完善制度34项，追责问责41人。"
                     "下一步，集团党委将修订《集团中层管理人员选拔任用工作办法》等制度，持续推进整改，确保各项任务按期完成。")
#: the paragraph as a PDF's text gives it: a line break every 28 characters, wherever it falls
WRAPPED_REPORT = normalize("中共某某集团有限公司委员会关于巡视整改进展情况的报告\n" + "".join(
    _REPORT_PARAGRAPH[k:k + 28] + "\n" for k in range(0, len(_REPORT_PARAGRAPH), 28)))


def test_lang_text_claims_and_citations_read_across_page_width_wraps():
    """A PDF's text broken every line at the page width: a claim sentence and a cited title run across a break,
    each found whole, at its offsets, its text as written (heldout7 b)."""
    from pipeline.stages import extract

    found = extract(WRAPPED_REPORT)
    claim = next(c for c in found.claims if "64项整改任务已完成51项" in c.text)
    assert "\n" in claim.text and claim.text == WRAPPED_REPORT[claim.start:claim.end]
    assert claim.figures["completed"] == 51
    titles = [c.title for c in found.citations]
    assert "集团中层管理人员选拔任用工作办法" in titles


def test_lang_text_reflowed_leaves_a_short_line_post_as_written():
    """A post written in short lines (WeChat, slides) keeps its breaks: its lines are phrases, separator lines and
    headings as much as wraps, and joined they make sentences nobody wrote."""
    post = normalize("".join(f"{line}\n" for line in [
        "———— ✅ 立行立改 ————", "巡察期间", "医院已对巡察组", "指出的6个问题", "立行立改", "目前已全部整改到位",
        "———— 📌 工作要求 ————", "巡察组要求", "院党委要切实扛起", "巡察整改主体责任", "以钉钉子精神", "抓好整改落实"]))
    assert reflowed(post) == post


#: a county's progress report as a PDF's text gives it: indented paragraphs, a line break at the page width
#: wherever it falls (inside a heading's title, after 一是, before 第七巡视组 or 问题19起), a page number
_WRAPPED_PROGRESS = normalize(
    "中共某某县委关于省委第七巡视组\n巡视反馈意见整改进展情况的通报\n"
    "　　根据省委统一部署，2023年10月9日至12月8日，省委\n"
    "第七巡视组对某某县开展了常规巡视。2024年1月26日，省委\n"
    "第七巡视组向某某县委反馈了巡视意见。现将巡视整改进展情况予\n"
    "以公布。\n"
    "　　一、聚焦反馈问题，逐项推动整改落地见效\n"
    "　　该方面反馈问题4个，已全部完成整改。一是规范选人用人\n"
    "工作。对2021年以来的干部任免事项逐项复查，整改干部档案问\n"
    "题37个。二是严肃整治“四风”问题。围绕违规吃喝开展专项整治，查处违规\n"
    "问题19起，清退违规发放的津补贴26.8万元。三是强化督\n"
    "查督办。县纪委监委成立2个联合督查组，开展督查4轮，约谈\n"
    "— 1 —\n"
    "进度滞后的单位负责人3人。\n"
    "中共某某县委\n2024年7月12日\n")


def test_lang_text_outline_measures_and_dates_read_across_page_width_wraps():
    """Headings, 一是 measures and the inspection's dates of a wrapped report read whole (heldout12 b): an
    indented first line is as wide as the others; 第七巡视组 and 问题19起 opening a line open no item."""
    from pipeline.stages import extract

    found = extract(_WRAPPED_PROGRESS)
    titles = [s.title for s in found.sections]
    assert "规范选人用人工作" in titles and "强化督查督办" in titles
    measures = [_WRAPPED_PROGRESS[m.start:m.end] for m in found.measures]
    assert any(m.startswith("一是规范选人用人\n工作。") and "37个" in m for m in measures)
    assert any(m.startswith("二是严肃整治") and "26.8万元" in m for m in measures)
    assert (found.meta.inspection_start, found.meta.inspection_end) == ("2023-10-09", "2023-12-08")
    assert found.meta.feedback_date == "2024-01-26"


def test_lang_text_a_wrapped_line_may_start_with_an_amount_not_an_outline_number():
    """16.5万元 opening a wrapped line goes on with the line above; 1.1 opening a line is an outline's item."""
    body = "巡察组指出，局党组学习贯彻党的创新理论不够深入，理论学习中心组学习计划执行不\n"
    full = ("严格，所属单位以各种名目违规发放津补贴，涉及干部职工多人，资金" + "合" * 40)[:len(body) - 3] + "共计\n"
    amount = normalize(body * 3 + full + "16.5万元，未按规定纳入单位财务统一核算管理，问题较为突出。\n" + body * 2)
    outline = normalize(body * 3 + full + "1.1党委领导作用发挥不够充分，议事规则不完善，问题较为突出。\n" + body * 2)
    at = amount.index("\n16.5")
    assert at in soft_breaks(amount)
    assert outline.index("\n1.1") not in soft_breaks(outline)


def test_lang_text_a_wrap_before_a_number_that_did_not_fit():
    """…清退违规所得共计\n18.6万元。 / …举办培训班6期、培训\n1420人次。 (heldout22 a): a PDF's line ends short when the
    number after it could not be split; the break is a wrap all the same (regression: the figure was cut off its
    sentence). A line ended by a full stop stays a paragraph's last line."""
    lines = ["　　医院党委成立由党委书记任组长的巡察整改工作领导小组，", "下设综合协调、医疗质量、纪律作风三个专项组，先后召开党委",
             "会议七次、整改推进会四次，党委书记履行第一责任人职责，领", "导小组办公室每周调度一次，对整改台账实行清单化管理，对收",
             "受回扣的医务人员给予党纪政务处分，清退违规所得共计", "18.6万元，举办医德医风专题培训班六期、累计培训", "1420人次。",
             "　　医院建立投诉首诉负责制，受理投诉二百余件，办结率九成", "以上，群众满意度明显提升。"]
    text = normalize("\n".join(lines) + "\n")
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    soft = soft_breaks(text)
    assert {breaks[4], breaks[5]} <= soft  # before 18.6 and before 1420
    assert breaks[6] not in soft  # after 1420人次。: the paragraph's end


def test_lang_text_a_pages_footnotes_and_a_header_met_once_are_furniture():
    """blind51 11 (a PDF copy): a rule and the page's notes (①截至…) above — 2 —, and the running header on the next
    page (泷河农商银行巡察反馈意见), met once because the text ends on that page."""


    text = ("关于对泷河农村商业银行党委巡察情况的反馈意见\n一、主要问题\n1）涉农贷款占比下降①。\n——————————\n"
            "①截至2017年末，平台贷款占17.2%。\n②指便民网点，下同。\n— 2 —\n\n泷河农商银行巡察反馈意见\n2）不良贷款处置不规范。\n")
    starts = {text[s:text.index("\n", s)] for s in page_furniture(text)}
    assert {"——————————", "①截至2017年末，平台贷款占17.2%。", "②指便民网点，下同。", "— 2 —", "",
            "泷河农商银行巡察反馈意见"} == starts


@pytest.mark.parametrize("after", ["二、整改要求", "体责任落实不到位。", "党委会研究党风廉政建设工作次数偏少,对所属企业监督不够"])
def test_lang_text_the_line_after_a_page_number_is_no_header_unless_it_looks_like_one(after):


    text = f"关于对某某银行党委巡察情况的反馈意见\n一、主要问题\n1.涉农贷款占比下降。\n— 2 —\n{after}\n"
    assert text.index(after) not in page_furniture(text)


def test_lang_text_a_line_that_leaves_a_title_open_is_wrapped_however_short():
    """heldout29 b: 1.学科建设…学校修订《云湖农业大学\\n“十四五”学科建设规划》 — a line a few characters short of the
    page width (its 1. folded to half width) that leaves 《 open was read as a paragraph's end, and the title lost."""
    body = ["学校党委把巡视整改作为重大政治任务,成立由党委书记任组长的整改工",
            "作领导小组,先后召开党委常委会会议9次、整改推进会4次,专题研究部署整",
            "改工作,将反馈问题细化为整改任务46项,逐项明确责任领导和完成时限,实",
            "行清单化管理、销号式推进,截至2024年6月30日已完成整改任务37项,整",
            "改完成率达到80.4%,其余各项整改任务正在按照时间节点有序推进落实。",
            "1.学科建设与产业结合不够紧密。学校修订《云湖农业大学",
            "“十四五”学科建设规划》,调整学科布局,新增交叉学科2个,撤销本科专业",
            "3个,投入学科建设经费1.36亿元,较上年增长18.5%,该问题已整改完成。"]
    text = normalize("".join(f"{line}\n" for line in body))
    from pipeline.extract.citations import extract_citations

    assert "云湖农业大学 “十四五”学科建设规划" in [c.title for c in extract_citations(reflowed(text))]


@pytest.mark.parametrize("line,separator", [
    ("序号\t问题\t措施", "\t"),
    ("序号 | 问题 | 措施", "|"),
    ("问题类型 | 问题描述", "|"),  # two columns: one bar with a space either side (blind56 10)
    (" | 部分帮扶措施与群众需求脱节", "|"),  # a row whose merged first cell is left empty
    ("A|B", None),  # one bar between words: no table
    ("主要问题是学习不够", None),
])
def test_lang_text_cell_separator_of_a_row(line, separator):
    assert cell_separator(line) == separator



@pytest.mark.parametrize("line,separator", [
    ("序号  问题类别        问题表现        整改时限", "  "),  # blind58 10: columns lined up with spaces
    ("1     政治建设        意识形态工作责任制落实不力    2019年10月底", "  "),
    ("主要问题  学习不够", None),  # two cells: no table
    ("　　巡察组指出，学习不够深入。", None),  # an indent is no gap
])
def test_lang_text_cell_separator_of_a_row_lined_up_with_spaces(line, separator):
    assert cell_separator(line, spaces=True) == separator
    assert cell_separator(line) is None


@pytest.mark.parametrize("line,sep,cells", [
    ("序号\t问题\t措施", "\t", ["序号", "问题", "措施"]),
    ("1\t\t已完成\t", "\t", ["1", "", "已完成", ""]),  # a tab row keeps its empty cells, the last one too
    ("| 1 | 问题 | 措施 |", "|", [" 1 ", " 问题 ", " 措施 "]),  # bars that open and close the row are no cells
    ("  1 | 问题  ", "|", ["1 ", " 问题"]),
    ("1     政治建设    意识形态工作 不力    2019年", SPACE_SEPARATOR, ["1", "政治建设", "意识形态工作 不力", "2019年"]),
    ("　党的领导方面 2 8　7", ANY_SPACES, ["党的领导方面", "2", "8", "7"]),
])
def test_lang_text_row_cells_split_a_row_where_its_separator_says(line, sep, cells):
    text = f"前文\n{line}\n后文"
    s = text.index(line)
    spans = row_cells(text, s, s + len(line), sep)
    assert [text[a:b] for a, b in spans] == cells
    assert all(s <= a <= b <= s + len(line) for a, b in spans)


@pytest.mark.parametrize("text,expected", [
    # blind62 08, a WeChat editor's markdown: bold headings, a bold headline after a bullet, a quoted line
    ("**一、落实全面从严治党方面**\n- **党组主体责任压得不实。**对廉政风险排查不深入\n> 林国栋强调,要提高站位",
     "  一、落实全面从严治党方面  \n-   党组主体责任压得不实。  对廉政风险排查不深入\n  林国栋强调,要提高站位"),
    ("## 二、整改要求\n正文", "   二、整改要求\n正文"),
    # no markdown: a hashtag, a product, a comparison
    ("#巡察进行时# 5*3=15,a>b", "#巡察进行时# 5*3=15,a>b"),
])
def test_lang_text_blank_markdown_keeps_the_length(text, expected):
    from pipeline.lang.text import blank_markdown

    blanked, _ = blank_markdown(text)
    assert blanked == expected and len(blanked) == len(text)


def test_lang_text_markdown_notice_reads_its_numbered_aspects():
    """blind62 08: **一、…方面** opened no heading (the line began with **), and the aspects were lost."""
    from pipeline.issuelist.feedback import read_feedback

    text = ("县委第二巡察组向县市场监管局党组反馈巡察情况\n巡察组指出了存在的问题：\n"
            "**一、贯彻落实党中央决策部署方面**\n- 学习贯彻不够深入，学用“两张皮”；\n- **食品安全责任落实不到位。**包保干部督导流于形式。\n"
            "**二、落实全面从严治党战略部署方面**\n- 行政执法不规范，同类案件处罚标准不一。\n- 财务管理不规范，报销手续不全。\n")
    issues = read_feedback(text).issues
    assert [(i.level, i.text) for i in issues if i.level == 1] == [
        (1, "贯彻落实党中央决策部署方面"), (1, "落实全面从严治党战略部署方面")]
    assert sum(i.level == 2 for i in issues) == 4
    # a span starts after the marks and quotes the original inside it (食品安全…。**包保…)
    assert [i.text for i in issues if i.level == 2][1] == "食品安全责任落实不到位。**包保干部督导流于形式"


def test_lang_text_reading_view_quotes_a_title_joined_from_its_lines_as_written():
    """A title read from two lines (…报告 + **南开新闻网讯**…) is found in the view joined by a space; its quote is the
    original's characters, the marks kept (it was the view's, blanked marks and all)."""
    from pipeline.reading import reading_view

    view = reading_view("某某研究报告\n**新闻网讯**(通讯员 王某)")
    assert view.quote("某某研究报告   新闻网讯  ") == "某某研究报告 **新闻网讯**"


@pytest.mark.parametrize("text,insides", [
    ("市委“学用脱节”“上热下冷”,同时“宽松软”", ["学用脱节", "上热下冷", "宽松软"]),
    ("落实《关于“三重一大”的规定》", []),  # inside a book title: the title's words
    ("“没有收尾的引号", []),
])
def test_lang_text_quotes_are_the_insides_of_double_quotes(text, insides):
    assert [text[a:b] for a, b in quotes(text)] == insides
