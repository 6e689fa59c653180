"""PDFium for the pages pdfplumber cannot read: golden outputs of generated three-page reports.

The font of page 2 is broken in the ways ``badgen.FONT_DEFECTS`` lists (checked with both
engines: the first test says so again, so a library upgrade that changes them is named, not
hidden).  The text, page starts, warnings and errors each case gives are stored in
``tests/fixtures/pdf_pages/expected.json``, as pdfplumber's own tests store theirs; a deliberate
change rewrites it with ``python tests/test_read_pdf_fallback.py --write``.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from badgen import FONT_DEFECTS, write_font_defect_pdf  # noqa: E402

from pipeline.errors import InputError  # noqa: E402
from pipeline.read import read_document  # noqa: E402

EXPECTED = Path(__file__).resolve().parent / "fixtures" / "pdf_pages" / "expected.json"
#: What each engine makes of page 2, by defect: pdfplumber's status (or the exception it raises), and
#: whether PDFium maps its glyphs to the page's text.
ENGINES = {
    "sound": (None, True),
    "registry_name": ("AttributeError", True),
    "registry_lowercase": ("unmapped glyphs", True),
    "identity_ordering": ("unmapped glyphs", False),
}
PAGE_2 = "一是召开党委会18次"


def reading(path: Path) -> dict:
    """What the reader gives for one file, as stored."""
    doc = read_document(path)
    return {"text": doc.text, "page_starts": doc.page_starts, "warnings": doc.warnings,
            "errors": [list(error) for error in doc.errors]}


def _plumber_page_2(data: bytes) -> str | None:
    import pdfplumber

    from pipeline.read.pdf import _extract_page

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        try:
            return _extract_page(pdf.pages[1], 1)[1]
        except Exception as exc:
            return type(exc).__name__


def _pdfium_page_2(data: bytes) -> str:
    import pypdfium2 as pdfium

    from pipeline.read.pdfium import _page_chars

    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[1]
        return "".join(c[0] for c in _page_chars(page, float(page.get_height())))
    finally:
        pdf.close()


@pytest.mark.parametrize("defect", sorted(FONT_DEFECTS))
def test_read_pdf_fixture_breaks_page_2_as_described(defect, tmp_path):
    data = write_font_defect_pdf(tmp_path / "f.pdf", defect).read_bytes()
    plumber, pdfium_maps = ENGINES[defect]
    assert _plumber_page_2(data) == plumber
    text = _pdfium_page_2(data)
    assert (PAGE_2 in text) is pdfium_maps
    if not pdfium_maps:  # PDFium's glyph numbers are never passed on as characters
        assert text.count("\ufffd") > 0.7 * len(text)


@pytest.mark.parametrize("defect", sorted(FONT_DEFECTS))
def test_read_pdf_page_fallback_matches_golden(defect, tmp_path):
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))[defect]
    assert reading(write_font_defect_pdf(tmp_path / f"{defect}.pdf", defect)) == expected


@pytest.mark.parametrize("defect", ["registry_name", "registry_lowercase"])
def test_read_pdf_page_fallback_gives_the_sound_files_text(defect, tmp_path):
    sound = reading(write_font_defect_pdf(tmp_path / "sound.pdf", "sound"))
    broken = reading(write_font_defect_pdf(tmp_path / "broken.pdf", defect))
    assert (broken["text"], broken["page_starts"], broken["errors"]) == (sound["text"], sound["page_starts"], [])
    assert broken["warnings"][0].startswith("page 2 read with PDFium (pdfplumber: ")


def test_read_pdf_page_neither_engine_reads_stays_an_error_with_its_page(tmp_path):
    doc = read_document(write_font_defect_pdf(tmp_path / "f.pdf", "identity_ordering"))
    [(error_type, message)] = doc.errors
    assert error_type == "unreadable_page" and message.startswith("page 2: ") and "PDFium" in message
    assert PAGE_2 not in doc.text and "\ufffd" not in doc.text
    assert len(doc.page_starts) == 3


def test_read_pdf_page_fallback_when_pdfium_cannot_open_the_file_says_so(tmp_path, monkeypatch):
    import pipeline.read.pdfium

    monkeypatch.setattr(pipeline.read.pdfium, "read_pages", lambda data, indexes, password: None)
    doc = read_document(write_font_defect_pdf(tmp_path / "f.pdf", "registry_lowercase"))
    assert doc.errors == [("unreadable_page", "page 2: its fonts have no Unicode mapping (glyphs without text); "
                                              "PDFium could not open the file; its text is missing")]


def test_read_pdf_whole_file_fallback_rejects_unmapped_glyphs(tmp_path):
    """Every page unmapped: PDFium's guesses (glyph numbers as code points) are not taken for text."""
    path = write_font_defect_pdf(tmp_path / "f.pdf", "identity_ordering", pages=(1, 2, 3))
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.error_type == "no_text_layer"
    assert info.value.reason == "no page could be read: page 1-3: its fonts have no Unicode mapping (glyphs without text)"


def test_read_pdf_page_fallback_in_a_run_keeps_page_numbers(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app
    from pipeline.tables import read_tables

    folder = tmp_path / "in"
    folder.mkdir()
    recovered = write_font_defect_pdf(folder / "recovered.pdf", "registry_name")
    lost = write_font_defect_pdf(folder / "lost.pdf", "identity_ordering")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(folder), "-o", str(out), "-q", "--jobs", "1"])
    assert result.exit_code == 1  # the lost page is an errors row
    tables = read_tables(out)
    docs = tables["documents"].set_index("path")
    assert "page 2 read with PDFium" in docs.loc[str(recovered), "warnings"]
    errors = tables["errors"]
    assert list(zip(errors["path"], errors["error_type"])) == [(str(lost), "unreadable_page")]
    assert errors["message"].iloc[0].startswith("page 2: ")
    sections = tables["sections"]
    mine = sections[sections["doc_id"] == docs.loc[str(recovered), "doc_id"]].set_index("label")
    assert (mine.loc["一、", "page"], mine.loc["(一)", "page"], mine.loc["三、", "page"]) == (1, 2, 3)


if __name__ == "__main__" and "--write" in sys.argv:
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        cases = {d: reading(write_font_defect_pdf(Path(scratch) / f"{d}.pdf", d)) for d in sorted(FONT_DEFECTS)}
    EXPECTED.write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {EXPECTED}")
