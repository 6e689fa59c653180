"""Document metadata and kind: the gold document block and other styles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.metadata import extract_metadata
from pipeline.normalize import normalize
from pipeline.outline import parse_outline

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def _meta(text: str, **kw):
    text = normalize(text)
    return text, extract_metadata(text, parse_outline(text), **kw)


@pytest.fixture(scope="module")
def report():
    text, meta = _meta((CORPUS / "progress_cq_tzb_2022.txt").read_text(encoding="utf-8"))
    gold = json.loads((CORPUS / "gold" / "progress_cq_tzb_2022.gold.json").read_text(encoding="utf-8"))["document"]
    return text, meta, gold


@pytest.mark.parametrize(
    "field", ["issuer", "report_date", "inspecting_body", "inspected_unit", "inspection_type", "feedback_date", "as_of_date"]
)
def test_metadata_gold_field_and_evidence(report, field):
    text, meta, gold = report
    assert getattr(meta, field) == gold[field]
    ev = gold["evidence"][field]
    assert meta.evidence[field] == (ev["start"], ev["end"])
    assert text[ev["start"] : ev["end"]] == ev["text"]


def test_metadata_gold_inspection_period(report):
    _, meta, gold = report
    assert [meta.inspection_start, meta.inspection_end] == gold["inspection_period"]
    ev = gold["evidence"]["inspection_period"]
    assert meta.evidence["inspection_start"] == meta.evidence["inspection_end"] == (ev["start"], ev["end"])


def test_metadata_report_kind_and_synthesized_title(report):
    _, meta, gold = report
    assert meta.kind == "progress"
    assert meta.title == gold["title_guess"]
    assert "title" not in meta.evidence  # synthesized, not read from the text


def test_metadata_example_feedback():
    text, meta = _meta((CORPUS / "feedback_cq_tzb_2022_example.txt").read_text(encoding="utf-8"))
    assert meta.kind == "feedback"
    assert meta.inspecting_body == "市委第十巡视组"
    assert meta.inspected_unit == "市委统战部(含市台联、重庆欧美同学会)"
    assert (meta.inspection_start, meta.inspection_end) == ("2021-08-31", "2021-11-12")
    assert meta.feedback_date == "2022-01-12"
    assert meta.title.startswith("市委第十巡视组向市委统战部反馈巡视情况")
    assert meta.as_of_date is None


COUNTY_PROGRESS = """中共XX县XX镇委员会关于巡察整改进展情况的通报
根据县委统一部署,2022年9月下旬至11月,县委第三巡察组对XX镇党委开展了常规巡察。12月20日,县委第三巡察组向XX镇党委反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作总体情况
截至目前,反馈的23个问题已整改完成20个,正在整改3个。
二、下一步工作打算
我们将持续巩固整改成果。
中共XX县XX镇委员会
二〇二三年三月十五日"""


def test_metadata_county_progress_other_style():
    text, meta = _meta(COUNTY_PROGRESS)
    assert meta.kind == "progress"
    assert meta.title == "中共XX县XX镇委员会关于巡察整改进展情况的通报"
    assert text[slice(*meta.evidence["title"])] == meta.title
    assert meta.issuer == "中共XX县XX镇委员会"
    assert meta.report_date == "2023-03-15"
    assert meta.inspecting_body == "县委第三巡察组"
    assert meta.inspected_unit == "XX镇党委"
    assert meta.inspection_type == "常规巡察"
    assert (meta.inspection_start, meta.inspection_end) == ("2022-09-21", "2022-11-30")
    assert meta.feedback_date == "2022-12-20"
    assert meta.as_of_date == "2023-03-15"  # 截至目前 -> report date


CENTRAL_FEEDBACK = """中央第八巡视组向XX省委反馈巡视情况
根据中央统一部署,2021年10月至12月,中央第八巡视组对XX省进行了巡视“回头看”。2022年2月18日,中央第八巡视组向XX省委书记和省委领导班子反馈巡视情况。
巡视组指出,XX省委能够坚持以习近平新时代中国特色社会主义思想为指导。巡视中也发现了一些问题,主要是:贯彻落实党中央决策部署不够到位;全面从严治党压力传导不够有力。
巡视组要求,XX省委要切实履行整改主体责任。"""


def test_metadata_central_feedback_one_sentence_style():
    text, meta = _meta(CENTRAL_FEEDBACK)
    assert meta.kind == "feedback"
    assert meta.inspecting_body == "中央第八巡视组"
    assert meta.inspected_unit == "XX省"
    assert meta.inspection_type == "巡视“回头看”"
    assert (meta.inspection_start, meta.inspection_end) == ("2021-10-01", "2021-12-31")
    assert meta.feedback_date == "2022-02-18"
    for field, (s, e) in meta.evidence.items():
        assert 0 <= s < e <= len(text), field


def test_metadata_other_kind_and_hints():
    text, meta = _meta("学校召开新学期工作会议\n会议总结了上学期工作,部署了本学期重点任务。", title_hint="x", date_hint="2023-02-20")
    assert meta.kind == "other"
    assert meta.title == "x"  # first line has no title cue (关于/通报/情况…): the hint wins
    assert meta.report_date == "2023-02-20"
    _, meta = _meta("关于召开新学期工作会议的通知\n会议总结了上学期工作。", title_hint="学校会议", date_hint="发布时间:2023年2月20日")
    assert (meta.title, meta.report_date) == ("关于召开新学期工作会议的通知", "2023-02-20")


def test_metadata_signature_on_one_line_and_publish_time():
    _, meta = _meta("发布时间:2022-08-01\n现将巡视整改进展情况予以公布。已整改完成全部问题。\n中共XX大学委员会 2022年7月30日")
    assert meta.issuer == "中共XX大学委员会"
    assert meta.report_date == "2022-07-30"
    _, meta = _meta("发布时间:2022-08-01\n现将巡视整改进展情况予以公布。已整改完成全部问题。")
    assert meta.report_date == "2022-08-01"


@pytest.mark.parametrize(
    "text",
    [
        "学校召开本科教学督导工作会\n督导中发现了一些问题,教学规范不够严格,下一步将立行立改。",
        "实验室安全检查通报\n检查中发现以下问题:台账不规范,整改落实情况将另行通报。",
    ],
)
def test_metadata_kind_other_without_inspection(text):
    _, meta = _meta(text)
    assert meta.kind == "other"


@pytest.mark.parametrize(
    "text",
    [
        "学校召开巡察工作动员部署会\n校党委书记指出，本次是第五轮校内巡察。巡察组指出问题要整改不到位的要问责。",
        "副部长来校调研指导督促中央巡视整改落实情况\n学校汇报了巡视整改工作进展和下一步工作考虑，整改任务有序推进。",
    ],
)
def test_metadata_kind_needs_two_strong_cues(text):
    """A news item quoting one strong phrase is neither feedback nor a progress report."""
    _, meta = _meta(text)
    assert meta.kind == "other"


_FINDING = "巡察组指出，党组落实主体责任不到位，干部队伍建设有差距，财务管理不规范。党组要认真抓好整改。"


@pytest.mark.parametrize(
    "text, kind",
    [
        # the kind of inspection between 反馈 and 情况 (专项/机动/提级/“回头看”)
        ("市委第三巡察组向市水务局党组反馈专项巡察情况\n近日，市委第三巡察组向市水务局党组反馈了专项巡察情况。" + _FINDING, "feedback"),
        ("县委第一巡察组向青山镇党委反馈巡察“回头看”情况\n上轮巡察反馈的12个问题中，已整改完成9个，已整改到位的不再列出。"
         "此次“回头看”发现问题共3个。" + _FINDING + "整改任务要逐项落实。", "feedback"),
        # the title under a letterhead and a document number
        ("中共某县委第一巡察组\n某巡一反〔2024〕3号\n关于对县林业局党组巡察情况的反馈意见\n县林业局党组：\n" + _FINDING, "feedback"),
        # a traditional-character notice
        ("中央第三巡視組向某省委反饋巡視情況\n巡視組指出，主體責任落實不到位，幹部隊伍建設有差距。巡視組要求，省委要抓好整改。"
         "對巡視中發現的問題線索，已按規定移交有關方面處理。", "feedback"),
        # a formal letter: its title, 现将巡察发现的主要问题反馈如下 and 巡察组提出以下意见建议 (pairs_blind7 v2)
        ("市委第二巡察组关于对某某集团有限公司党委巡察情况的反馈意见\n根据市委统一部署，市委第二巡察组对集团党委开展了常规巡察。"
         "现将巡察发现的主要问题反馈如下。\n一、落实上级决策部署方面\n（一）主业不够聚焦，投资决策不规范。\n"
         "针对上述问题，巡察组提出以下意见建议：一要提高政治站位。", "feedback"),
        # a progress report quotes the feedback in its opening: still a progress report
        ("中共某区教育局党组关于区委第二巡察组反馈意见整改进展情况的通报\n2024年1月9日，区委第二巡察组向局党组反馈了巡察意见。"
         "截至目前，反馈的8个问题中，已完成整改6个，整改完成率75%。现将整改进展情况予以公布。下一步，局党组将持续抓好整改。",
         "progress"),
    ],
)
def test_metadata_kind_of_feedback_written_other_ways(text, kind):
    assert _meta(text)[1].kind == kind


def test_metadata_report_dated_under_its_title_signed_without_a_date():
    """A 报告 dated in brackets under its title ((2023年4月26日)) and signed by its organ alone on the last line:
    the report's date and its issuer (heldout4 b)."""
    text, meta = _meta("中共某某学院委员会关于省委巡视整改情况的报告\n（2023年4月26日）\n"
                       "根据省委统一部署，2022年10月11日至12月10日，省委第八巡视组对某某学院党委进行了常规巡视。\n"
                       "一、整改工作情况\n学院党委成立巡视整改工作领导小组，制定整改方案。\n"
                       "欢迎广大师生员工对巡视整改落实情况进行监督。\n中共某某学院委员会\n")
    assert (meta.report_date, meta.issuer) == ("2023-04-26", "中共某某学院委员会")
    assert text[slice(*meta.evidence["report_date"])] == "2023年4月26日"
    assert (meta.inspection_start, meta.inspection_end) == ("2022-10-11", "2022-12-10")


@pytest.mark.parametrize("period, expected", [
    ("今年3月11日至5月10日", ("2024-03-11", "2024-05-10")),  # heldout4 a
    ("3月11日至5月10日", ("2024-03-11", "2024-05-10")),
    ("去年11月6日至12月20日", ("2023-11-06", "2023-12-20")),
    ("11月6日至12月20日", ("2023-11-06", "2023-12-20")),  # after the report's date: last year's
])
def test_metadata_inspection_period_without_its_year(period, expected):
    _, meta = _meta(f"中共某某局党组关于巡察整改进展情况的通报\n根据市委统一部署，{period}，市委第四巡察组对某某局党组开展了常规巡察。\n"
                    "一、整改工作情况\n局党组制定整改方案。\n中共某某局党组\n2024年9月10日\n")
    assert (meta.inspection_start, meta.inspection_end) == expected


@pytest.mark.parametrize("opening, body, unit, itype", [
    # the committee's term before the team's name is no part of it (heldout6 a)
    ("2024年3月18日至5月17日，十二届省委第七巡视组对省水利厅党组开展了常规巡视。", "省委第七巡视组", "省水利厅党组", "常规巡视"),
    # a special inspection whose field takes more words than the usual (heldout6 b)
    ("2024年9月4日至10月30日，县委第二巡察组对县教育体育局党组开展了教育领域民生资金使用管理专项巡察。",
     "县委第二巡察组", "县教育体育局党组", "专项巡察"),
])
def test_metadata_inspecting_body_and_unit_in_other_openings(opening, body, unit, itype):
    text, meta = _meta("关于巡视整改进展情况的通报\n" + opening + "11月26日反馈了巡视意见。\n一、整改工作推进情况\n召开专题会议3次。\n")
    assert (meta.inspecting_body, meta.inspected_unit, meta.inspection_type) == (body, unit, itype)


def test_metadata_kind_progress_for_a_report_titled_on_its_rectification():
    """关于县委第一巡察组巡察反馈问题整改情况的报告 … 现将有关情况报告如下 (pairs_blind19 h3): the unit's own report, a
    progress document; a feedback notice demanding one (于2个月内报送整改情况报告) stays feedback."""
    report = ("中共柳林镇委员会关于县委第一巡察组巡察反馈问题整改情况的报告\n县委巡察工作领导小组：\n"
              "2023年6月28日，县委第一巡察组向镇党委反馈了巡察意见。现将有关情况报告如下：\n"
              "一、提高站位\n镇党委召开专题会议研究整改工作。\n二、下一步工作打算\n持续巩固整改成果。\n中共柳林镇委员会\n2024年2月20日\n")
    assert _meta(report)[1].kind == "progress"
    feedback = ("县委第一巡察组关于对柳林镇党委巡察情况的反馈意见\n巡察组指出，存在以下问题：一是理论学习不够深入；二是财务管理不规范。"
                "巡察组要求，镇党委要于2个月内报送整改情况报告。\n")
    assert _meta(feedback)[1].kind == "feedback"


def test_metadata_unsigned_post_dated_by_its_stamp_and_issued_by_its_title():
    """A WeChat post (heldout8 b): no signature; its stamp (原创 某某 2025年07月16日 18:30) dates it, the organ its title
    names before 关于 issued it, and the column tag 【巡视整改】 is no part of the title; a year-less 截至6月30日 is then
    read in the stamp's year."""
    text = ("【巡视整改】中共汀兰省林业局党组关于省委巡视整改进展情况的通报\n原创　汀兰林业　2025年07月16日 18:30　汀兰\n"
            "2025年2月26日，省委第六巡视组向局党组反馈了巡视意见。2024年全省森林覆盖率达到62.1%。\n"
            "截至6月30日，26个问题中已完成整改20个。\n")
    _, meta = _meta(text)
    assert (meta.title, meta.issuer, meta.report_date, meta.as_of_date) == (
        "中共汀兰省林业局党组关于省委巡视整改进展情况的通报", "中共汀兰省林业局党组", "2025-07-16", "2025-06-30")


def test_metadata_a_public_notice_of_the_rectification_is_a_progress_report():
    """…关于县委专项巡察反馈问题整改情况的公示 (pairs_blind25 q4): the unit's own report, posted for comment."""
    text = ("禾川县人民医院关于县委专项巡察反馈问题整改情况的公示\n根据县委统一部署，县委第三巡察组对我院党委开展了专项巡察。\n"
            "问题一：医疗废物处置管理不规范\n整改情况：已整改完成，对交接台账进行全面补登。\n"
            "问题二：绩效分配不规范\n整改情况：修订《绩效分配办法》。\n中共禾川县人民医院委员会\n2025年4月15日\n")
    _, meta = _meta(text)
    assert meta.kind == "progress"


def test_metadata_a_news_item_on_the_rectification_meeting():
    """A company's news item on its 巡察整改推进会 (pairs_blind29 s4, pairs_blind28 s4): a progress report; the
    feedback's date is the one said with 反馈巡察意见 (去年12月10日: the year before the item's), not the
    meeting's, whose name holds 反馈意见整改; the team after a date (1月9日校党委…) keeps no 日."""
    text = ("某某运营公司召开巡察反馈意见整改推进会\n2025-03-13 16:42　来源：某某集团\n"
            "3月12日，某某运营公司召开集团党委第二巡察组巡察反馈意见整改推进会，通报整改工作进展。\n"
            "会议通报，自去年12月10日集团党委第二巡察组反馈巡察意见以来，公司党委对照反馈的4个方面10个问题，"
            "制定整改措施36条，目前已完成整改29条。\n"
            "针对节假日收费站拥堵问题，公司新增ETC混合车道6条。服务区经营管理问题已整改完成。\n"
            "会议要求，下一步要加快建设绿色通道车辆预约查验系统。\n")
    _, meta = _meta(text)
    assert meta.kind == "progress"
    assert meta.report_date == "2025-03-13" and meta.feedback_date == "2024-12-10"
    _, meta = _meta("外国语学院召开巡察整改工作推进会\n会议通报，自1月9日校党委第二巡察组反馈巡察意见以来，学院党委"
                    "对照反馈的11个问题，目前已完成整改9个。\n")
    assert meta.inspecting_body == "校党委第二巡察组"


def test_metadata_a_web_pages_breadcrumb_is_no_title():
    """首页 > 信息公开 > 巡视整改 above the title (heldout13 a): the page's path; the title, and its issuer, are below."""
    text = ("首页 > 信息公开 > 巡视整改\n中共沧澜省水利厅党组关于巡视整改进展情况的通报\n发布时间：2025-10-28　来源：沧澜省水利厅\n"
            "根据省委统一部署，省委第七巡视组对省水利厅党组开展了常规巡视。现将巡视整改进展情况予以公布。\n")
    _, meta = _meta(text)
    assert meta.title == "中共沧澜省水利厅党组关于巡视整改进展情况的通报" and meta.issuer == "中共沧澜省水利厅党组"


@pytest.mark.parametrize("dateline", ["青枫融媒讯（记者 温雨桐）2025年7月8日", "本报讯 2025年7月8日", "通讯员 李明 2025-07-08"])
def test_metadata_a_news_items_dateline_dates_it(dateline):
    """A local news item on a school's rectification (pairs_blind34 s4): no signature, its dateline under the headline
    is the day it was published, and so the report's date."""
    text = (f"青枫县第二中学：立行立改抓整改\n{dateline}\n"
            "5月20日县委第三巡察组反馈巡察意见以来，学校党总支把巡察整改作为重大政治任务，截至目前，已完成整改6个问题。\n"
            "学校原定于6月底前完成公用经费支出凭证清理，目前已清理约六成。\n")
    _, meta = _meta(text)
    assert meta.report_date == "2025-07-08"


@pytest.mark.parametrize("body,feedback", [
    # heldout23 b: the dateline's day before 反馈 naming the problems is not the feedback's day
    ("本报讯　12月3日，记者从平川县委巡视整改办获悉，截至11月底，省委第五巡视组反馈平川县的18个问题中，已整改完成15个。\n"
     "今年5月6日至7月10日，省委第五巡视组对平川县开展了常规巡视，并于8月20日反馈了巡视意见。\n", "2024-08-20"),
    # the day in the problems' own clause is theirs
    ("截至11月底，省委第五巡视组于8月20日反馈的18个问题中，已整改完成15个。\n", "2024-08-20"),
])
def test_metadata_the_feedback_day_is_not_a_datelines_before_the_problems_fed_back(body, feedback):
    _, meta = _meta("平川县：巡视整改见实效\n发布时间：2024-12-04\n" + body)
    assert meta.feedback_date == feedback


def test_metadata_a_web_pages_foot_stamp_dates_the_report():
    """pairs_blind45 s4: a 通报 whose only date is its foot's (发布时间:2015年12月28日)."""
    _, meta = _meta("省国土资源厅党组关于巡视整改情况的通报\n根据省委统一部署，省委第七巡视组对省国土资源厅进行了专项巡视，"
                    "并于7月10日反馈了巡视意见。\n厅党组制定整改方案，梳理出39项整改任务。\n"
                    + "在规范权力运行方面，将探矿权、采矿权审批全部纳入省政务服务中心网上运行，审批环节由14个压减为8个。\n" * 6
                    + "欢迎广大干部群众进行监督。\n"
                    "（发布时间：2015年12月28日）\n")
    assert meta.report_date == "2015-12-28"


def test_metadata_a_news_sites_stamp_under_the_headline_dates_the_item():
    """pairs_blind46 s4: 峪川新闻网 2016-04-18 来源:… under the headline; the item names its own day nowhere else."""
    _, meta = _meta("桐岭镇：真改实改 让巡察整改成果惠及群众\n峪川新闻网 2016-04-18 来源：峪川县新闻中心\n"
                    "峪川新闻网讯（记者 邹某）去年10月，县委第二巡察组向桐岭镇党委反馈了巡察发现的9个方面问题。"
                    "半年来，桐岭镇党委把巡察整改作为一项重要政治任务，巡察反馈的问题已整改完成8个。\n")
    assert meta.report_date == "2016-04-18"


@pytest.mark.parametrize("zero", ["〇", "O", "o", "0"])
def test_metadata_a_year_typed_with_a_latin_o_for_its_zero(zero):
    """二O二三年九月十日: a Latin O (or o, or the digit 0) typed for 〇 in a signature's date and the feedback's
    day; the dates were lost, and the year was read as 一七/二三."""
    _, meta = _meta(f"关于县委巡察组反馈意见整改情况的报告\n县委巡察办：\n根据安排，二{zero}二三年三月五日，县委第二巡察组向我局"
                    "反馈了巡察意见。现将整改情况报告如下。\n一、整改工作开展情况\n已完成整改12项。\n"
                    f"中共某某县交通运输局党组\n二{zero}二三年九月十日\n")
    assert (meta.feedback_date, meta.report_date) == ("2023-03-05", "2023-09-10")


def test_metadata_a_joint_signature_is_issued_by_the_organ_signing_first():
    """heldout25 b: 中共临渚区鹭塘街道工作委员会 over 临渚区鹭塘街道办事处 over the date — the Party organ signing first
    issues the 通报 (the organ just above the date was taken)."""
    text, meta = _meta("鹭塘街道关于区委巡察反馈问题整改进展情况的通报\n根据区委统一部署，区委第一巡察组对鹭塘街道党工委开展了常规巡察。\n"
                       "一、整改进展\n已完成整改12项。\n中共临渚区鹭塘街道工作委员会\n临渚区鹭塘街道办事处\n2025年7月8日\n")
    assert meta.issuer == "中共临渚区鹭塘街道工作委员会"
    assert text[slice(*meta.evidence["issuer"])] == meta.issuer


def test_metadata_a_unit_named_by_a_pronoun_is_the_issuers():
    """heldout27 b: 县委第四巡察组对我乡开展了常规巡察,7月16日向乡党委反馈 — 我乡 is 中共雾岭乡委员会's 雾岭乡 (read as 乡党委,
    the addressee of the feedback)."""
    text = ("中共雾岭乡委员会关于县委巡察反馈问题整改进展情况的报告\n枫渡县委巡察工作领导小组办公室：\n"
            "今年5月6日至6月20日，县委第四巡察组对我乡开展了常规巡察，7月16日向乡党委反馈了巡察意见。\n"
            "一、整改情况\n已整改完成12个问题。\n\n中共雾岭乡委员会\n2025年11月24日\n")
    norm, meta = _meta(text)
    assert meta.inspected_unit == "雾岭乡"
    assert norm[slice(*meta.evidence["inspected_unit"])] == "我乡"


def test_metadata_an_items_own_as_of_does_not_date_the_report():
    """heldout27 b, pairs_blind30 s1: 截至目前,14个问题已整改完成12个 dates the report's figures; 二是…,截至上月底已完成改造
    406户 dates that item's (the report was read as of the month before)."""
    text = ("中共雾岭乡委员会关于巡察反馈问题整改进展情况的报告\n一、总体情况\n截至目前，巡察反馈的14个问题已整改完成12个。\n"
            "二、具体措施\n一是开展入户复核，清退低保对象32户；二是加快推进户厕改造，截至上月底已完成改造406户。\n\n"
            "中共雾岭乡委员会\n2025年11月24日\n")
    assert _meta(text)[1].as_of_date == "2025-11-24"


@pytest.mark.parametrize("as_of,expected", [
    ("截至12月31日", "2024-12-31"),  # signed in January: the figures stand at the end of the year before
    ("截至1月10日", "2025-01-10"),
    ("截至2025年12月31日", None),  # a year written out after the signing: no date the figures stand at
])
def test_metadata_a_yearless_as_of_after_the_signing_is_the_year_befores(as_of, expected):
    """heldout35 b: a 公示 signed 2025年1月15日 with 截至12月31日,41项整改任务已完成35项 (the as-of was read as
    2025-12-31, after the signing, and dropped)."""
    text = (f"中共沅汀市医疗保障局党组关于巡察整改进展情况的公示\n一、整改进展总体情况\n{as_of}，41项整改任务已完成35项。\n"
            "\n中共沅汀市医疗保障局党组\n2025年1月15日\n")
    assert _meta(text)[1].as_of_date == expected


def test_metadata_a_title_under_a_document_number_with_its_signer():
    """heldout36 a: 澄法党〔2025〕7号　　签发人：韩明远 above 中共…党组\n关于…的报告 — the number line names its signer (the
    title and the issuer were not found)."""
    text = ("澄法党〔2025〕7号　　　　签发人：韩明远\n\n中共澄岭县人民法院党组\n关于县委第四巡察组反馈意见整改进展情况的报告\n"
            "\n中共澄岭县委：\n现将整改进展情况报告如下。\n")
    meta = _meta(text)[1]
    assert (meta.title, meta.issuer) == ("中共澄岭县人民法院党组关于县委第四巡察组反馈意见整改进展情况的报告", "中共澄岭县人民法院党组")


def test_metadata_a_teams_owner_after_a_function_word():
    """heldout36 b: …委员会关于校党委第二巡察组… — the place before 党委 ends at 于 (it was read as 党委第二巡察组)."""
    text = ("中共云麓大学外国语学院委员会关于校党委第二巡察组反馈意见整改进展情况的报告\n"
            "2025年4月，校党委第二巡察组对外国语学院党委开展了常规巡察。\n")
    assert _meta(text)[1].inspecting_body == "校党委第二巡察组"


def test_metadata_names_wrapped_by_a_pdf_have_no_space():
    """heldout27 a: …省委第七巡视组对雁汀省\\n能源投资集团有限公司党委开展了常规巡视, the line wrapped at the page width —
    the unit read 雁汀省 能源投资集团有限公司党委, the wrap a space."""
    from pipeline.document import analyze_text

    path = Path(__file__).parent / "fixtures" / "heldout27" / "a_yanting_nengtou_xinnengyuan_xunshi_zhenggai_jinzhan.txt"
    meta = analyze_text(path.read_text(encoding="utf-8")).meta
    assert meta.inspected_unit == "雁汀省能源投资集团有限公司党委"


@pytest.mark.parametrize("top,title", [
    # heldout28 a: a web page's site name, menu, greeting and breadcrumb above the title
    ("滢川市中心医院\n首页 | 医院概况 | 院务公开 | 联系我们\n您好,欢迎访问滢川市中心医院官方网站!今天是:2024年11月18日\n"
     "当前位置:首页 > 党建园地 > 巡察整改\n中共滢川市中心医院委员会关于巡察反馈意见整改进展情况的通报\n",
     "中共滢川市中心医院委员会关于巡察反馈意见整改进展情况的通报"),
    # heldout32 b: 您当前的位置:首页 > … (the breadcrumb was read as the title)
    ("桐溪县人民政府门户网站\n首页 | 走进桐溪 | 政务公开 | 互动交流\n您当前的位置：首页 > 政务公开 > 县医疗保障局 > 巡察整改\n"
     "中共桐溪县医疗保障局党组关于巡察整改进展情况的通报\n", "中共桐溪县医疗保障局党组关于巡察整改进展情况的通报"),
    # heldout28 b: a 文号, then the title over two lines, its organ's name first
    ("鹭城投党〔2024〕47号\n\n中共鹭汀市城市建设投资集团有限公司委员会\n关于巡察反馈意见整改进展情况的报告\n",
     "中共鹭汀市城市建设投资集团有限公司委员会关于巡察反馈意见整改进展情况的报告"),
    # a guard: a news item whose first line is its title (no title word) and a photo's caption under it
    ("离退休党工委组织开展学习教育活动\n报告会现场\n", None),
])
def test_metadata_the_title_below_a_pages_debris_or_a_document_number(top, title):
    text = top + "中共某某委员会:\n按照市委巡察工作领导小组要求,现将整改进展情况报告如下。\n"
    normalized, meta = _meta(text)
    assert meta.title == title
    if title:
        s, e = meta.evidence["title"]
        assert normalized[s:e].replace("\n", "") == title


def test_metadata_the_signature_above_a_posts_foot():
    """heldout31 b: a report reposted on WeChat, its signature over 来源/一审/往期推荐/阅读/赞 lines — the signature is
    still the issuer and the date (none was found, and the post's date was taken)."""
    text = ("巡察整改进行时丨县卫健局交出答卷\n原创 澄岚卫健 2025年11月18日 17:46\n"
            "中共澄岚县卫生健康局党组关于县委第三巡察组巡察反馈意见整改情况的报告\n"
            "根据县委统一部署，县委第三巡察组对县卫生健康局党组开展了常规巡察。局党组召开党组会3次。\n"
            "中共澄岚县卫生健康局党组\n2025年11月14日\n来源：澄岚县卫生健康局党组\n一审：周小溪 二审：陈立明\n"
            "往期推荐\n澄岚县启动义诊月活动\n县卫健局召开安全生产工作会议\n阅读 5216\n赞 87  在看 21\n")
    _, meta = _meta(text)
    assert (meta.issuer, meta.report_date) == ("中共澄岚县卫生健康局党组", "2025-11-14")


def test_metadata_a_running_header_a_short_name_and_a_groups_own_team():
    """heldout31 a: a PDF's running header above the title is no title; (以下简称“公司”) is no part of the unit's name;
    集团公司党组第二巡视组 is the team's whole name (it was 党组第二巡视组)."""
    page = "衡川西南电力公司巡视整改进展情况通报\n"
    text = (page + "中共衡川能源集团西南电力有限公司委员会\n关于集团公司党组巡视整改进展情况的通报\n"
            "根据集团公司党组统一部署，集团公司党组第二巡视组对衡川能源集团西南电力有限公司（以下简称“公司”）党委开展了常规巡视。\n"
            "一、整改工作总体情况\n公司党委召开党委会5次。\n- 1 -\n" + page + "二、下一步工作打算\n持续巩固整改成果。\n- 2 -\n")
    _, meta = _meta(text)
    assert meta.title == "中共衡川能源集团西南电力有限公司委员会关于集团公司党组巡视整改进展情况的通报"
    assert meta.inspected_unit == "衡川能源集团西南电力有限公司党委"
    assert meta.inspecting_body == "集团公司党组第二巡视组"


def test_metadata_a_progress_notice_titled_tongbao_in_plain_words():
    """pairs_blind53 s2: 关于…反馈意见整改进展情况的通报 over a narrative with few cues — a progress report (it was
    'other', and so never paired with its feedback's list in a batch)."""
    text = ("关于县委第二巡察组反馈意见整改进展情况的通报\n今年5月28日，县委第二巡察组向我局党组反馈了巡察意见。"
            "几个月来，局党组把抓好巡察整改作为一项政治任务，班子成员带头认领问题。现将有关情况通报如下。\n"
            "首先，在思想认识上下功夫。局党组召开专题会议研究部署。\n中共某县教育局党组\n2019年11月15日\n")
    _, meta = _meta(text)
    assert meta.kind == "progress"


def test_metadata_the_teams_name_across_a_pdf_wrap():
    """heldout31 a: 集团公司党\n组第二巡视组 broken by a PDF's page width — the team's whole name (it was 第二巡视组)."""
    from pipeline.api import analyze_text

    path = Path(__file__).parent / "fixtures" / "heldout31" / "a_hengchuan_xinan_dianli_xunshi_zhenggai_jinzhan_tongbao.txt"
    assert analyze_text(path.read_text(encoding="utf-8")).meta.inspecting_body == "集团公司党组第二巡视组"


@pytest.mark.parametrize("sentence,feedback", [
    # heldout33 a, heldout29 b: the month the feedback was given, said to be no more
    ("2023年11月，省委第六巡视组向学校党委反馈了巡视意见。", "2023-11"),
    # a day in the same clause is the feedback's day, not its month
    ("2023年11月6日，省委第六巡视组向学校党委反馈了巡视意见。", "2023-11-06"),
    # 上旬 is no month-only date: no feedback date read
    ("2023年11月上旬，省委第六巡视组向学校党委反馈了巡视意见。", None),
])
def test_metadata_a_month_only_feedback_date_keeps_its_precision(sentence, feedback):
    _, meta = _meta("关于巡视整改进展情况的通报\n" + sentence + "学校党委高度重视。\n已完成整改12项。\n"
                    "中共青岚理工大学委员会\n2024年6月14日\n")
    assert meta.feedback_date == feedback


def test_metadata_documents_table_writes_a_month_feedback_date_as_its_first_day_with_its_precision():
    from pipeline.api import analyze

    docs = analyze("关于巡视整改进展情况的通报\n2023年11月，省委第六巡视组向学校党委反馈了巡视意见。\n已完成整改12项。\n"
                   "中共青岚理工大学委员会\n2024年6月14日\n")["documents"]
    assert str(docs.loc[0, "feedback_date"].date()) == "2023-11-01"
    assert docs.loc[0, "feedback_date_precision"] == "month"
