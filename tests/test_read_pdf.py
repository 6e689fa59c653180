"""PDF details: page numbers, running lines, paragraph joining, unreadable pages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docgen  # noqa: E402

from pipeline.read import read_document  # noqa: E402
from pipeline.read.pdf import _PAGE_NUMBER, _extract_page  # noqa: E402

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


class _FakePage:
    def __init__(self, texts):
        self.chars = [{"text": t, "x0": 10.0 * i, "top": 100.0} for i, t in enumerate(texts)]


def test_read_pdf_cid_page_is_unreadable():
    lines, status = _extract_page(_FakePage(["(cid:12)"] * 8 + ["整", "改"]), 0)
    assert lines == [] and status == "unmapped glyphs"


def test_read_pdf_fake_bold_chars_deduplicated():
    from pipeline.read.pdf import _distinct_chars

    chars = [{"text": "整", "x0": 10.0, "top": 5.0}, {"text": "整", "x0": 10.3, "top": 5.1},
             {"text": "改", "x0": 22.0, "top": 5.0}, {"text": "整", "x0": 34.0, "top": 5.0}]
    keep = _distinct_chars(chars)
    assert [c["x0"] for c in chars if id(c) in keep] == [10.0, 22.0, 34.0]
