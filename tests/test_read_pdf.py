"""PDF details: page numbers, running lines, paragraph joining, unreadable pages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docgen  # noqa: E402

from pipeline.read import read_document  # noqa: E402
from pipeline.read.layout import distinct_chars, text_lines  # noqa: E402
from pipeline.lang.markers import PAGE_NUMBER_LINE as _PAGE_NUMBER  # noqa: E402
from pipeline.read.pdf import _page_lines  # noqa: E402

SAMPLE = (Path(__file__).resolve().parents[1] / "corpus" / "progress_cq_tzb_2022.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("line", ["3", "- 3 -", "—3—", "－ 12 －", "第3页", "第 3 页 共 10 页", "共10页 第3页", "3/10", "Page 3 of 10"])
def test_read_pdf_page_number_patterns(line):
    assert _PAGE_NUMBER.match(line)


@pytest.mark.parametrize("line", ["2022年7月19日", "一、总体情况", "3个方面", "第三条", "1.推进学习"])
def test_read_pdf_page_number_patterns_spare_text(line):
    assert not _PAGE_NUMBER.match(line)


def test_read_pdf_three_pages_running_lines_and_paragraphs(tmp_path):
    text = "\n".join(docgen.paragraphs(SAMPLE)[:12])
    path = docgen.write_pdf(text, tmp_path / "three.pdf", pages=3, font_size=9)
    doc = read_document(path)
    assert len(doc.page_starts) == 3
    assert doc.page_starts == sorted(doc.page_starts)
    assert doc.text.split("\n") == docgen.paragraphs(text.replace("·", ""))
    assert doc.title == "巡视整改进展情况的通报"


def test_read_pdf_without_indents_falls_back_to_punctuation(tmp_path):
    from reportlab.pdfgen import canvas

    font = docgen._cid_font()
    path = tmp_path / "flat.pdf"
    c = canvas.Canvas(str(path))
    c.setFont(font, 12)
    rows = ["一、总体情况", "部务会高度重视巡视整改工作,把巡视整改作为重大政治任", "务抓紧抓实。", "二、下一步打算",
            "持续巩固整改成果。"]
    for i, row in enumerate(rows):
        c.drawString(72, 700 - 16 * i, row)
    c.showPage()
    c.save()
    assert read_document(path).text.split("\n") == [
        "一、总体情况", "部务会高度重视巡视整改工作,把巡视整改作为重大政治任务抓紧抓实。", "二、下一步打算", "持续巩固整改成果。",
    ]


def _chars(texts, *, top=100.0, x=0.0, step=10.0):
    """Char tuples (text, x0, x1, top, bottom) side by side on one line."""
    return [(t, x + step * i, x + step * i + 9.0, top, top + 9.0) for i, t in enumerate(texts)]


def test_read_pdf_cid_page_is_unreadable():
    lines, status = _page_lines(_chars(["(cid:12)"] * 8 + ["整", "改"]), 0)
    assert lines == [] and status == "unmapped glyphs"


def test_read_pdf_fake_bold_chars_deduplicated():
    chars = [("整", 10.0, 19.0, 5.0, 14.0), ("整", 10.3, 19.3, 5.1, 14.1),
             ("改", 22.0, 31.0, 5.0, 14.0), ("整", 34.0, 43.0, 5.0, 14.0)]
    assert [c[1] for c in distinct_chars(chars)] == [10.0, 22.0, 34.0]


@pytest.fixture(scope="module")
def gov20(tmp_path_factory):
    """The real report repeated, laid out as a WPS export: 20 A4 pages of 14 pt text."""
    path = tmp_path_factory.mktemp("gov") / "gov20.pdf"
    return docgen.write_gov_pdf("\n".join([SAMPLE] * 2), path, max_pages=20)


def test_read_pdf_chars_and_lines_match_pdfplumber(gov20):
    """The fast path sees exactly pdfplumber's chars and builds exactly its text lines."""
    import pdfplumber

    from pipeline.read.pdf import _collect_chars

    with pdfplumber.open(gov20) as pdf:
        for page in pdf.pages[:3]:
            chars, _rules, upright = _collect_chars(page)
            assert upright
            assert chars == [(c["text"], c["x0"], c["x1"], c["top"], c["bottom"]) for c in page.chars]
            expected = [(ln["text"], ln["x0"], ln["x1"], ln["top"], ln["bottom"])
                        for ln in page.extract_text_lines(strip=True, return_chars=False)]
            assert text_lines(chars) == expected
            page.close()


def test_read_pdf_fast_path_equals_pdfplumber_path(gov20, monkeypatch):
    """20 pages read through the fast path and through pdfplumber's text extraction: the same document."""
    import pipeline.read.pdf as pdf_module

    fast = read_document(gov20)
    monkeypatch.setattr(pdf_module, "_extract_page", pdf_module._extract_page_plumber)
    slow = read_document(gov20)
    assert len(fast.page_starts) == 20
    assert (fast.text, fast.page_starts, fast.warnings) == (slow.text, slow.page_starts, slow.warnings)


def test_read_pdf_text_lines_split_words_at_gaps_and_blanks():
    chars = _chars("ab") + _chars("cd", x=40.0) + _chars([" ", "e"], x=60.0) + _chars("xy", top=130.0)
    assert [ln[0] for ln in text_lines(chars)] == ["ab cd e", "xy"]


def _outline(text: str) -> list[tuple[int, str, str]]:
    from pipeline.normalize import normalize
    from pipeline.outline import parse_outline

    return [(s.level, s.label, s.title) for s in parse_outline(normalize(text))]


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param({}, id="stroke-bold-14pt"),
        pytest.param({"bold": "double"}, id="double-drawn-bold"),
        pytest.param({"columns": 2}, id="two-columns"),
        pytest.param({"font_size": 16}, id="16pt-title-wider-than-text"),
    ],
)
def test_read_pdf_government_layout_gives_the_txt(variant, tmp_path):
    """A WPS-style export (masthead and title on page 1, justified lines, — n — page numbers
    alternating sides, bold headings): the TXT's paragraphs after the masthead and title, the same outline."""
    import re

    path = docgen.write_gov_pdf(SAMPLE, tmp_path / "gov.pdf", **variant)
    doc = read_document(path)
    lines = doc.text.split("\n")
    assert lines[:2] == [docgen.GOV_MASTHEAD, docgen.GOV_TITLE]
    assert lines[2:] == docgen.paragraphs(SAMPLE.replace("·", ""))
    assert _outline(doc.text) == _outline(SAMPLE)
    assert not re.search(r"—\s*\d+\s*—", doc.text)
    assert doc.text.count(docgen.GOV_MASTHEAD) == 1


def test_read_pdf_two_columns_found_only_on_two_column_pages():
    from pipeline.read.layout import FULL_WIDTH, LEFT, RIGHT, split_columns

    rows = [_chars("统战工作" * 3, top=100.0 + 20 * i, step=12.0) for i in range(10)]
    single = [c for row in rows for c in row]
    assert split_columns(single, height=842.0) == [(FULL_WIDTH, single)]
    right = [_chars("巡视整改" * 3, x=300.0, top=100.0 + 20 * i, step=12.0) for i in range(10)]
    double = [c for a, b in zip(rows, right) for c in a + b]
    assert [(kind, len(chars)) for kind, chars in split_columns(double, height=842.0)] == [(LEFT, 120), (RIGHT, 120)]
    # a borderless two-column table of short cells stays one block, read row by row
    table = [c for i in range(10) for c in _chars("序号" + str(i), top=100.0 + 20 * i, step=12.0)
             + _chars("已完成", x=300.0, top=100.0 + 20 * i, step=12.0)]
    assert split_columns(table, height=842.0) == [(FULL_WIDTH, table)]


def test_read_pdf_ruled_table_read_row_by_row(tmp_path):
    """A ruled table with wrapped cells: one line per row, cells joined by a tab, nothing else disturbed."""
    path = docgen.write_gov_pdf(SAMPLE, tmp_path / "table.pdf", table=docgen.GOV_TABLE, table_after=3)
    lines = read_document(path).text.split("\n")
    body = docgen.paragraphs(SAMPLE.replace("·", ""))
    rows = ["\t".join(cells) for cells in docgen.GOV_TABLE]
    assert lines[2:] == body[:4] + rows + body[4:]
    assert _outline("\n".join(lines)) == _outline(SAMPLE)


def test_read_pdf_find_grids_needs_crossing_rules():
    from pipeline.read.layout import find_grids

    grid = [(10.0, 10.0, 110.0, 10.0), (10.0, 30.0, 110.0, 30.0), (10.0, 10.0, 10.0, 30.0), (110.0, 10.0, 110.0, 30.0),
            (60.0, 10.0, 60.0, 30.0)]
    assert find_grids(grid) == [([10.0, 60.0, 110.0], [10.0, 30.0])]
    assert find_grids([(10.0, 50.0, 500.0, 50.0)]) == []  # a lone rule (the red line under a masthead)
