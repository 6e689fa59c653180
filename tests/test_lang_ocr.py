"""OCR misreadings repaired in the extractors' view only, with the same length and a warning."""

import pytest

from pipeline.document import analyze_text
from pipeline.issuelist.feedback import read_feedback
from pipeline.lang.ocr import repair_ocr


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("于2024年1月18曰反馈", "于2024年1月18日反馈"),
        ("三月十五曰召开", "三月十五日召开"),
        ("己整改完成6个，己完成29条", "已整改完成6个，已完成29条"),
        ("目前己办结1件", "目前已办结1件"),
        ("尚末完成，末按期整改", "尚未完成，未按期整改"),
        ("整改到位o\n二、", "整改到位。\n二、"),
        ("责任落实不到位o同时", "责任落实不到位。同时"),
    ],
)
def test_lang_ocr_repairs_misreadings(text, repaired):
    out, counts = repair_ocr(text)
    assert out == repaired and len(out) == len(text)
    assert sum(counts.values()) == sum(a != b for a, b in zip(text, repaired))


@pytest.mark.parametrize(
    "text",
    [
        "要把整改当作自己的事，以天下为己任，严于律己，克己奉公",
        "己亥年春节前后",
        "年末完成率、月末达到、季末完成、期末考核、本末倒置、始末",
        "二O一七年三月十日",  # an O for 〇 in a year: the dates read it, it is no full stop
        "子曰：学而时习之",
        "Hello world",
    ],
)
def test_lang_ocr_leaves_right_text_alone(text):
    assert repair_ocr(text) == (text, {})


OCR_REPORT = (  # as normalized (ASCII , and ;), so that the text is the one the records point into
    "关于巡察反馈意见整改情况的报告\n"
    "2024年1月18曰,县委第四巡察组向局党组反馈了巡察意见。\n"
    "一、整改进展\n"
    "反馈的9个问题中,己整改完成6个;35条整改措施己完成29条,尚末完成6条。\n"
)


def test_lang_ocr_document_reads_the_repaired_view_and_quotes_the_original():
    result = analyze_text(OCR_REPORT)
    assert result.text == OCR_REPORT  # the normalized text stays as written
    assert any("OCR" in w and "己→已" in w for w in result.warnings)
    assert result.meta.feedback_date == "2024-01-18"
    day = [t for t in result.times if t.start == OCR_REPORT.index("2024年1月18曰")]
    assert day and day[0].text == "2024年1月18曰"  # quoted from the original
    for items in (result.times, result.quantities, result.claims):
        for item in items:
            assert OCR_REPORT[item.start:item.end] == item.text


def test_lang_ocr_clean_text_has_no_warning():
    result = analyze_text(OCR_REPORT.replace("曰", "日").replace("己", "已").replace("尚末", "尚未"))
    assert not any("OCR" in w for w in result.warnings)


def test_lang_ocr_feedback_issue_list_quotes_the_original():
    notice = (
        "县委第二巡察组关于对县民政局党组巡察情况的反馈意见\n"
        "一、巡察发现的主要问题\n"
        "（一）落实全面从严治党主体责任不到位o\n"
        "1.整改责任末压实，上轮巡察反馈问题尚末完成整改。\n"
        "2.民主生活会批评和自我批评不够深入。\n"
        "二、整改意见\n"
        "要坚决抓好整改落实。\n"
    )
    found = read_feedback(notice)
    problems = [i for i in found.issues if i.level == 2]
    assert [p.text for p in problems] == ["整改责任末压实,上轮巡察反馈问题尚末完成整改", "民主生活会批评和自我批评不够深入"]
    assert any("OCR" in note for note in found.notes)
