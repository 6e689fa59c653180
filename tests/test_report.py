"""review.html and review.xlsx without a browser: escaping, order, sheets (fast, on a small pair)."""

from __future__ import annotations

import os

import pytest
from openpyxl import load_workbook

from pipeline.document import analyze_text
from pipeline.records import Issue
from pipeline.report.html import render_review
from pipeline.report.spans import marked
from pipeline.report.write import ReviewFiles, write_review_files
from pipeline.review import IssueList, PairReview, list_doc_id, review

REPORT = ("中共某县委员会关于巡察整改进展情况的通报\n一、整改落实情况\n1.关于理论学习不够深入的问题\n"
          "一是完善学习制度,2022年3月印发《理论学习制度》,开展集中学习12次。\n"
          "2.关于<script>alert(1)</script>的问题\n一是召开会议3次。\n\n中共某县委员会\n2022年7月19日\n")


def _pair() -> PairReview:
    report = analyze_text(REPORT, path="r.txt")
    issues = IssueList([Issue("1", None, 2, "理论学习不够深入", None, None, None),
                        Issue("2", None, 2, "公务用车<img src=x onerror=prompt(2)>管理不规范", None, None, None,
                              extra={"owner": "办公室", "deadline": "2022年3月底前"})])
    return PairReview(issues, report, review(issues, report), list_doc_id(issues))


def test_report_html_escapes_every_text():
    page = render_review(_pair())
    assert "<img src" not in page and "&lt;img src=x onerror=prompt(2)&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the report's own text too
    assert page.index('id="issue-2"') < page.index('id="issue-1"')  # the unanswered before the answered
    # 1 answered by its heading's measure; 2 by nothing (a small report's answer stands out of places of no similarity)
    assert page.count('data-status="addressed"') == 1 and page.count('data-status="unaddressed"') == 1
    assert "逾期未完成:问题2的整改时限2022年3月底前已过" in page  # the ledger deadline at the report's date and "http://" not in page.replace("http://www.w3.org", "")


def test_report_marked_spans_overlap_and_escape():
    html = marked("a<b>c", 0, 5, [(0, 3, "k"), (1, 5, "q")], anchors=[2])
    assert html == '<span class="k">a</span><span class="k q">&lt;</span><a id="at-2"></a><span class="k q">b</span>' \
                   '<span class="q">&gt;c</span>'


def test_report_xlsx_sheets_frozen_filtered(tmp_path):
    written = write_review_files([_pair()], tmp_path)
    assert [p.name for p in written] == ["review.html", "review.xlsx"]
    book = load_workbook(tmp_path / "review.xlsx")
    assert book.sheetnames == ["问题", "匹配", "标记", "措施", "数量", "时间"]
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    problems = book["问题"]
    assert [c.value for c in problems[1][:3]] == ["问题编号", "问题", "结论"]
    assert problems["C2"].fill.fgColor.rgb.endswith(("C8E6C9", "FFCDD2", "F8BBD0", "FFE0B2", "FFF9C4"))


def _parts(path):
    import zipfile

    with zipfile.ZipFile(path) as book:
        return {name: book.read(name) for name in book.namelist()}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_report_files_written_by_a_forked_process_are_those_written_here(tmp_path):
    pairs = [_pair(), _pair()]
    here = ReviewFiles(pairs, tmp_path / "here", fork=False).result()
    files = ReviewFiles(pairs, tmp_path / "forked")
    forked = files.result()
    assert [p.name for p in forked] == [p.name for p in here] and len(here) == 4 and files.notes == []
    for a, b in zip(here, forked):
        if a.suffix == ".html":
            assert a.read_bytes() == b.read_bytes()
        else:
            assert _parts(a) == _parts(b)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
@pytest.mark.parametrize(("writer", "name"), [("_write_pages", "review.html"), ("_write_books", "review.xlsx")])
def test_report_files_a_failed_process_is_redone_here_and_said(tmp_path, monkeypatch, writer, name):
    import pipeline.report.write as write

    parent = os.getpid()
    real = getattr(write, writer)

    def fails_in_the_child(pairs, out_dir):
        if os.getpid() != parent:
            raise MemoryError("no room")
        return real(pairs, out_dir)

    monkeypatch.setattr(write, writer, fails_in_the_child)
    files = ReviewFiles([_pair()], tmp_path)
    assert [p.name for p in files.result()] == ["review.html", "review.xlsx"]
    assert files.notes == [f"{name} was written again by the main process: "
                           "the process writing it failed (MemoryError: no room)"]
    assert (tmp_path / "review.html").read_bytes() == render_review(_pair()).encode("utf-8")
    here = ReviewFiles([_pair()], tmp_path / "here", fork=False).result()
    assert _parts(tmp_path / "review.xlsx") == _parts(here[1])
