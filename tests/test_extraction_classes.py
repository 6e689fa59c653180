"""Error classes of extraction on reports the project was never tuned on (issue 12), one test per class.

Each class is a general rule; the examples are written for these tests (not copied from the
blind reports) so that they exercise the rule, not a sentence.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.claims import extract_claims
from pipeline.extract.measures import decide_status, extract_measures
from pipeline.extract.quantities import extract_quantities
from pipeline.extract.times import extract_times
from pipeline.normalize import normalize
from pipeline.outline import parse_outline
from pipeline.stages import extract


def _quantities(text: str) -> list[tuple[str, float, str | None, str | None, str]]:
    return [(q.text, q.value, q.unit, q.approx, q.kind) for q in extract_quantities(normalize(text))]


# --------------------------------------------------------------------------- quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("开展宣讲超120场", ("超120场", 120, "场", "超", "times")),
        ("培训超1.5万人次", ("超1.5万人次", 15000, "人次", "超", "people")),
        ("覆盖群众逾3000人次", ("逾3000人次", 3000, "人次", "逾", "people")),
        ("近40所高校", ("近40所", 40, "所", "近", "count")),
        ("约2.3亿元", ("约2.3亿元", 230000000, "元", "约", "money")),
        ("利润总额超126亿元", ("超126亿元", 12600000000, "元", "超", "money")),
    ],
)
def test_quantities_approximation_prefixes(text, expected) -> None:
    assert _quantities(text) == [expected]


@pytest.mark.parametrize("text", ["技艺高超3项", "赶超5家"])
def test_quantities_approximation_prefix_inside_a_word_is_not_one(text) -> None:
    assert all(q[3] is None for q in _quantities(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("围绕审批服务3方面开展督查", ("3方面", 3, "方面", None, "count")),
        ("党员突击队12支", ("12支", 12, "支", None, "count")),
        ("完成3.2万栋自建房排查", ("3.2万栋", 32000, "栋", None, "count")),
        ("审核档案286卷", ("286卷", 286, "卷", None, "count")),
        ("装机容量326万千瓦", ("326万千瓦", 3260000, "千瓦", None, "count")),
    ],
)
def test_quantities_varied_measure_words(text, expected) -> None:
    assert _quantities(text) == [expected]


def test_quantities_compound_structures() -> None:
    found = _quantities("梳理细化为4个方面13大项38子项96项整改任务241项具体措施")
    assert [(t, v, u) for t, v, u, _a, _k in found] == [
        ("4个", 4, "个"), ("13大项", 13, "大项"), ("38子项", 38, "子项"), ("96项", 96, "项"), ("241项", 241, "项")]


@pytest.mark.parametrize(
    "text",
    [
        "做到完成一项、审核一项、销号一项",
        "坚持“一项一项抓、一件一件销”",
        "坚持“成熟一个、启动一个”",
        "推行“综合查一次”改革",
        "形成“四级联动”格局",
        "开到三级企业",
        "出台《营商环境十项措施》",
        "一方面加强学习",
        "落实一对一帮扶",
    ],
)
def test_quantities_named_sets_not_quantities(text) -> None:
    assert _quantities(text) == []


def test_quantities_appositive_with_members_stays_a_count() -> None:
    assert _quantities("形成校院两级联动格局") == [("两级", 2, "级", None, "count")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("带动几十户脱贫户", ("几十户", 10, "户", "几", "count")),
        ("解决难题数十个", ("数十个", 10, "个", "数", "count")),
        ("数百人参加", ("数百人", 100, "人", "数", "people")),
        ("上百场次", ("上百场次", 100, "场次", "上", "times")),
    ],
)
def test_quantities_several_tens(text, expected) -> None:
    assert _quantities(text) == [expected]


@pytest.mark.parametrize("text", ["参与人数十分踊跃", "次数十分有限"])
def test_quantities_several_needs_a_free_shu(text) -> None:
    assert _quantities(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("对3个单位、7个人予以通报", [("3个", 3, "个", None, "count"), ("7个", 7, "人", None, "people")]),
        ("拟新建5个人民调解委员会", [("5个", 5, "个", None, "count")]),
        ("加强个人事项报告", []),
    ],
)
def test_quantities_n_ge_ren(text, expected) -> None:
    assert _quantities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("提拔使用了一批优秀干部", [("一批", 1, "批", None, "count")]),  # kept, as the bundled gold counts it
        ("出台一系列政策措施", []),
    ],
)
def test_quantities_yipi_yixilie(text, expected) -> None:
    assert _quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    ["任期内至少审计1次", "每学期至少到联系高校、联系市州调研1次"],
)
def test_quantities_frequency_counts_are_times(text) -> None:
    assert _quantities(text) == []


def test_quantities_count_after_a_frequency_list_is_not_the_frequency() -> None:
    assert [q[0] for q in _quantities("每月开展1次督查、召开3次会议")] == ["3次"]


# --------------------------------------------------------------------------- times


def _times(text: str, anchor: dt.date | None) -> list[tuple]:
    return [(t.text, t.kind, t.date, t.start_date, t.end_date) for t in extract_times(normalize(text), anchor=anchor)]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("对全县2021年秋季学期以来的课后服务", dt.date(2023, 10, 26),
         ("2021年秋季学期以来", "period", None, "2021-09-01", "2023-10-26")),
        ("2022年秋季学期已开展调研", dt.date(2022, 11, 18), ("2022年秋季学期", "period", None, "2022-09-01", "2023-01-31")),
        ("今年暑期组织开展", dt.date(2023, 10, 26), ("今年暑期", "relative_period", None, "2023-07-01", "2023-08-31")),
        ("暑期面向中小学", dt.date(2022, 11, 18), ("暑期", "relative_period", None, "2022-07-01", "2022-08-31")),
        ("利用寒假组织", dt.date(2022, 11, 18), ("寒假", "relative_period", None, "2023-01-01", "2023-02-28")),
        ("中秋、国庆期间,组织明察暗访", dt.date(2023, 10, 26),
         ("中秋、国庆期间", "relative_period", None, "2023-09-29", "2023-10-06")),
        ("中秋、国庆期间,组织明察暗访", dt.date(2022, 11, 18),
         ("中秋、国庆期间", "relative_period", None, "2022-09-10", "2022-10-07")),
        ("2021-2022学年第七次检查", None, ("2021-2022学年", "period", None, "2021-09-01", "2022-08-31")),
        # a term's end or start before a deadline's 前, and the term the report is written in (heldout21 b: the
        # deadlines were cut at 学期, 本学期 went unread)
        ("确保2025年秋季学期开学前投入使用", None,
         ("2025年秋季学期开学前", "deadline", "2025-09-01", None, None)),
        ("春季学期末前完成课程修订", dt.date(2025, 4, 20),
         ("春季学期末前", "deadline", "2025-07-31", None, None)),
        ("本学期已开设2门课程", dt.date(2025, 4, 20), ("本学期", "relative_period", None, "2025-02-01", "2025-07-31")),
    ],
)
def test_times_academic_and_holiday_periods(text, anchor, expected) -> None:
    assert _times(text, anchor)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("围绕“十四五”时期重点产业", ("“十四五”时期", "period", None, "2021-01-01", "2025-12-31")),
        ("十三五期间累计投入", ("十三五期间", "period", None, "2016-01-01", "2020-12-31")),
        ("编制《集团“十四五”发展规划》", ("“十四五”", "period", None, "2021-01-01", "2025-12-31")),
    ],
)
def test_times_plan_periods(text, expected) -> None:
    assert _times(text, dt.date(2023, 7, 20)) == [expected]


def test_times_plan_name_alone_is_not_a_period() -> None:
    assert _times("落实“十四五”规划纲要", dt.date(2023, 7, 20)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019年、2020年、2021年三个年度", ["2019年", "2020年", "2021年"]),
        ("2023—2025年", ["2023—2025年"]),
    ],
)
def test_times_bare_years_in_lists(text, expected) -> None:
    assert [t[0] for t in _times(text, dt.date(2022, 11, 18))] == expected


@pytest.mark.parametrize(
    ("text", "span", "duration"),
    [
        ("挂职期限为2年,同时", "2年", "P2Y"),
        ("挂职时间1年,在一线", "1年", "P1Y"),
        ("对连续两年预算执行偏慢的", "连续两年", "P2Y"),
        ("团队历时九年,掌握了", "九年", "P9Y"),
        ("讨论会已有40多年历史", "40多年", "P40Y"),
        ("开展为期三年的行动", "为期三年", "P3Y"),
    ],
)
def test_times_durations(text, span, duration) -> None:
    found = [(t.text, t.duration) for t in extract_times(normalize(text), anchor=dt.date(2022, 7, 1)) if t.kind == "duration"]
    assert found == [(span, duration)]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("80多年前,红军在这里", dt.date(2023, 10, 26), ("80多年前", "relative_period", None, "1933-10-27", "1943-10-26")),
        ("三年来,累计投入", dt.date(2022, 11, 18), ("三年来", "relative_period", None, "2019-11-18", "2022-11-18")),
        ("今年以来,累计", dt.date(2023, 7, 20), ("今年以来", "relative_period", None, "2023-01-01", "2023-07-20")),
        ("近三年新建校区", dt.date(2022, 11, 18), ("近三年", "relative_period", None, "2019-11-18", "2022-11-18")),
        ("确保年内完成", dt.date(2023, 10, 26), ("年内", "deadline", "2023-12-31", "2023-12-31", "2023-12-31")),
    ],
)
def test_times_relative_to_document_date(text, anchor, expected) -> None:
    assert _times(text, anchor)[0] == expected


def test_times_months_of_a_later_paragraph_take_the_document_year() -> None:
    text = "较2022年同期增长。\n资金集中度提升至6月末的90.2%,计划于9月底前完成。"
    found = {t[0]: t[2] for t in _times(text, dt.date(2023, 7, 20))}
    assert found["6月末"] == "2023-06-30" and found["9月底前"] == "2023-09-30"


def test_times_deadline_before_tichu() -> None:
    assert _times("计划于2023年3月底前提出方案", dt.date(2022, 11, 18))[0][:3] == ("2023年3月底前", "deadline", "2023-03-31")


@pytest.mark.parametrize(
    ("text", "span", "every", "min_times"),
    [
        ("任期内至少审计1次,强化", "任期内至少审计1次", "term", 1),
        ("每学期至少到联系高校、联系市州调研1次,", "每学期至少到联系高校、联系市州调研1次", "half_year", 1),
    ],
)
def test_times_term_recurrences(text, span, every, min_times) -> None:
    (t,) = [t for t in extract_times(normalize(text), anchor=dt.date(2022, 7, 1)) if t.kind == "recurrence"]
    assert (t.text, t.every, t.min_times) == (span, every, min_times)


# --------------------------------------------------------------------------- reference date


def _dated(text: str, **kwargs) -> dict[str, tuple]:
    found = extract(normalize(text), **kwargs)
    return {t.text: (t.kind, t.date, t.start_date, t.end_date, t.resolved) for t in found.times}


@pytest.mark.parametrize(
    ("text", "report_date"),
    [
        ("学院召开座谈会\n2023年3月15日\n3月7日,副校长来院调研。", "2023-03-15"),  # a date line
        ("3月7日,副校长来院调研。\n\n![图](http://news.example.edu.cn/system/2022/03/09/g.jpg)", "2022-03-09"),  # page address
    ],
)
def test_reference_date_from_the_document(text, report_date) -> None:
    found = extract(normalize(text))
    assert found.meta.report_date == report_date
    assert _dated(text)["3月7日"] == ("date", report_date[:4] + "-03-07", report_date[:4] + "-03-07",
                                     report_date[:4] + "-03-07", True)


def test_reference_date_override() -> None:
    text = "今年以来,累计开展培训12次。\n2023年3月15日"
    assert _dated(text)["今年以来"][2:4] == ("2023-01-01", "2023-03-15")
    assert _dated(text, ref_date=dt.date(2022, 6, 30))["今年以来"][2:4] == ("2022-01-01", "2022-06-30")


def test_reference_date_unresolved_says_so() -> None:
    found = _dated("今年以来,3月7日召开会议,为期两天。")
    assert found["今年以来"][-1] is False and found["3月7日"][-1] is False
    assert found["为期两天"][-1] is None  # a length needs no reference date


def test_reference_date_as_of_prefers_the_stated_date() -> None:
    text = "截至2023年9月底,96项任务已完成88项。截至目前,38个问题已整改31个。\n中共某县委\n2023年10月26日"
    meta = extract(normalize(text)).meta
    assert (meta.report_date, meta.as_of_date) == ("2023-10-26", "2023-09-30")


# --------------------------------------------------------------------------- claims


def _claims(text: str, **kwargs) -> list[tuple[dict, str | None, bool | None]]:
    return [(c.figures, c.as_of, c.consistent) for c in extract_claims(normalize(text), **kwargs)]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("将反馈意见梳理细化为4个方面13大项38子项96项整改任务241项具体措施。",
         {"aspects": 4, "prominent_problems": 13, "specific_problems": 38, "total": 96, "rectification_measures": 241}),
        ("将反馈的5个方面16大项41子项问题,转化为97项整改任务、236项具体措施。",
         {"aspects": 5, "prominent_problems": 16, "specific_problems": 41, "total": 97, "rectification_measures": 236}),
    ],
)
def test_claims_nested_totals(text, figures) -> None:
    assert _claims(text)[0][0] == figures


@pytest.mark.parametrize(
    ("text", "figures", "as_of", "consistent"),
    [
        ("截至2023年9月底,96项整改任务已完成88项(其中立行立改31项)、基本完成5项、需长期坚持3项,整改完成率91.7%。",
         {"total": 96, "completed": 88, "basically_completed": 5, "long_term": 3, "rate": 91.7, "immediate": 31},
         "2023-09-30", True),
        ("截至目前,中央巡视移交的问题线索28件,已办结25件、正在办理3件,办结率89.3%。",
         {"completed": 25, "in_progress": 3, "rate": 89.3, "cases_transferred": 28}, "2023-07-20", None),
        ("318项具体措施已落实296项,落实率93.1%。", {"rectification_measures": 318, "completed": 296, "rate": 93.1}, None, True),
        ("其中,23项立行立改任务截至9月底已全部完成,完成率100%。", {"rate": 100, "immediate": 23}, "2022-09-30", None),
    ],
)
def test_claims_rates_with_as_of(text, figures, as_of, consistent) -> None:
    default = "2023-07-20" if "目前" in text else "2022-11-18"
    assert _claims(text, as_of_default=default)[0] == (figures, as_of, consistent)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("坚持“当下改”与“长久立”相结合,新制定制度27项、修订41项、废止12项。",
         {"new_rules": 27, "revised_rules": 41, "repealed_rules": 12}),
        ("举一反三完善制度机制,建立完善制度37项,其中新制定23项、修订14项。",
         {"new_rules": 23, "revised_rules": 14, "rules_new_or_revised": 37}),
    ],
)
def test_claims_new_and_revised_pairs(text, figures) -> None:
    assert _claims(text)[0][0] == figures


def test_claims_long_term_tasks() -> None:
    (figures, _, consistent), = _claims("97项整改任务已完成86项,其余11项中基本完成7项、需长期坚持4项,整改完成率88.7%。")
    assert figures == {"total": 97, "completed": 86, "basically_completed": 7, "not_completed": 11, "long_term": 4,
                       "rate": 88.7}
    assert consistent is True  # 86+11 = 97 and 7+4 = the other 11: the rest is broken down, not added again


@pytest.mark.parametrize(
    ("text", "consistent"),
    [
        ("截至目前,38子项问题中已整改到位31个、基本整改到位5个、正在推进3个。", False),  # 39 != 38
        ("236项具体措施已落实完成221项、正在推进12项,完成率93.6%。", False),  # 233 != 236
        ("57项整改任务,已整改完成52项、基本整改完成5项,整改完成率91.2%。", True),
    ],
)
def test_claims_each_figure_checked(text, consistent) -> None:
    assert _claims(text, as_of_default="2023-10-26")[0][2] is consistent


@pytest.mark.parametrize(
    "text",
    [
        "出台《澄川县持续优化营商环境十项措施》。",
        "县委常委每人牵头领办1至2个重点问题,形成“四级联动”整改工作格局。",
        "帮助企业解决融资、用工等难题数十个。",
    ],
)
def test_claims_named_sets_not_claims(text) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("对上轮巡视反馈的23个问题和2021年度审计发现的15个问题逐项复查,确认已整改到位31个、需持续整改7个。",
         {"completed": 31, "in_progress": 7, "previous_round_problems": 23, "audit_problems": 15}),
        ("将上轮巡视未整改到位的6个问题和经济责任审计发现未整改到位的11个问题纳入台账。",
         {"previous_round_unrectified_problems": 6, "audit_unrectified_problems": 11}),
        ("对上轮巡视反馈问题开展“回头看”,梳理出整改不到位的问题5个,已整改完成5个,整改完成率100%。",
         {"completed": 5, "rate": 100, "previous_round_unrectified_problems": 5}),
    ],
)
def test_claims_carried_over_problems(text, figures) -> None:
    assert _claims(text)[0][0] == figures


# --------------------------------------------------------------------------- measures


def _measures(text: str) -> list[tuple[str, str]]:
    text = normalize(text)
    return [(m.label, m.status) for m in extract_measures(text, parse_outline(text))]


@pytest.mark.parametrize(
    ("text", "status", "basis"),
    [
        ("三是持续纠治形式主义。大力精简文件会议,召开全县性会议同比减少23%。", "ongoing", "title: 持续"),
        ("三是提升保障水平。计划将村干部报酬纳入预算,拟新建5个调解委员会,目前相关方案已报县委审议。", "planned", None),
        ("三是推动按期换届。拟制定专项工作方案,计划于9月底前启动集中换届工作。", "planned", None),
        ("第一,实施质量提升工程。对排查出的7个软弱涣散党组织逐一制定整顿方案,目前已有5个完成整顿、通过验收。", "ongoing", None),
        ("二是压紧压实河湖长制。今年以来累计巡河1.3万余次,对5名村级河长进行了通报,河湖“清四乱”工作常态化开展。", "ongoing", None),
        ("一是健全学习制度。修订《学习规则》,今年以来开展集中学习14次。", "done", None),
    ],
)
def test_measures_status_from_the_whole_measure(text, status, basis) -> None:
    text = normalize(text)
    label = 2 if text[1] == "是" else 3  # 三是 / 第一,
    title = text[label:text.index("。")]
    got, why = decide_status(text, title=title)
    assert got == status
    assert why  # the reason is kept (status_basis)
    if basis:
        assert why == basis


def test_measures_numbered_items_under_a_problem_heading() -> None:
    text = ("二、整改落实情况\n（一）关于落实主体责任不到位的问题\n一是压实责任。制定责任清单。\n二是强化督导。开展督导3次。\n"
            "（二）关于基层党建薄弱的问题\n（1）优化组织设置。调整支部12个。\n（2）加强队伍建设。培训书记80人。\n")
    assert _measures(text) == [("一是", "done"), ("二是", "done"), ("(1)", "done"), ("(2)", "done")]


def test_measures_circled_items_on_lines_of_their_own() -> None:
    text = ("二、整改落实情况\n1.关于作风建设的问题\n一是开展专项检查。查处问题5起。\n"
            "2.关于资金管控薄弱的问题\n①开展专项排查。清理账户287个。\n②加强风险管控。压降负债56.3亿元。\n")
    assert _measures(text) == [("一是", "done"), ("①", "done"), ("②", "done")]


def test_measures_overview_summary_lines_are_not_measures() -> None:
    text = ("一、整改工作总体情况\n县委高度重视巡视整改,将反馈意见细化为96项整改任务。截至9月底,已完成88项。\n"
            "二、整改落实情况\n（一）关于理论学习不深入的问题\n一是健全学习制度。修订学习规则。\n")
    assert _measures(text) == [("一是", "done")]


# --------------------------------------------------------------------------- news texts


@pytest.mark.parametrize(
    ("text", "span", "duration"),
    [
        ("一个半小时的活动过程中", "一个半小时", "PT1H30M"),
        ("10分钟短新闻进课堂", "10分钟", "PT10M"),
        ("揭示中华民族五千年的思想变迁", "五千年", "P5000Y"),
        ("回顾了5000多年来辉煌绵延的农耕文明", "5000多年", "P5000Y"),
        ("中国农事砥砺奋进的73载春秋", "73载", "P73Y"),
        ("团队只有2天时间准备", "2天", "P2D"),
    ],
)
def test_times_durations_in_news(text, span, duration) -> None:
    found = [(t.text, t.duration) for t in extract_times(normalize(text)) if t.kind == "duration"]
    assert found == [(span, duration)]


@pytest.mark.parametrize("text", ["赴庄浪定点暑期社会实践", "全员参与暑期实践观察成果的梳理", "每2小时巡查一次"])
def test_times_activity_names_not_times(text) -> None:
    assert [t.text for t in extract_times(normalize(text), anchor=dt.date(2022, 7, 1)) if t.kind != "recurrence"] == []


def test_times_year_later_in_the_sentence_dates_a_yearless_day() -> None:
    found = _times("4月16日,2023年国际刑事法院中文模拟法庭比赛组委会公布了获奖名单。", None)
    assert found[0][:3] == ("4月16日", "date", "2023-04-16")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("机电学院党委书记一行三人前往公司调研", [("三人", 3, "人", None, "people")]),
        ("承担超万名本科生的教学任务", [("超万名", 10000, "名", "超", "people")]),
    ],
)
def test_quantities_in_news(text, expected) -> None:
    assert _quantities(text) == expected
