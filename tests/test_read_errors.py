"""Bad input: every failure is an InputError with a stable code and a readable reason."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docgen  # noqa: E402

from pipeline.errors import InputError  # noqa: E402
from pipeline.limits import DEFAULT_LIMITS, Limits  # noqa: E402
from pipeline.read import read_bytes, read_document  # noqa: E402

SAMPLE = (Path(__file__).resolve().parents[1] / "corpus" / "progress_cq_tzb_2022.txt").read_text(encoding="utf-8")[:1500]


def _bad_files(folder: Path) -> dict[str, tuple[Path, str, str]]:
    """name -> (path, expected error_type, a phrase the reason must contain)."""
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    binary = folder / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8 + os.urandom(512))
    fake_docx = folder / "report.docx"
    fake_docx.write_text("这不是一个Word文件", encoding="utf-8")
    return {
        "empty": (empty, "empty_file", "empty"),
        "binary": (binary, "binary_content", "binary"),
        "truncated_pdf": (docgen.write_truncated_pdf(SAMPLE, folder / "truncated.pdf"), "truncated_pdf", "truncated"),
        "encrypted_pdf": (docgen.write_encrypted_pdf(folder / "encrypted.pdf"), "encrypted_pdf", "encrypted"),
        "scanned_pdf": (docgen.write_image_only_pdf(folder / "scan.pdf"), "no_text_layer", "no text layer"),
        "fake_docx": (fake_docx, "not_a_zip", "not a zip"),
    }


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory):
    return _bad_files(tmp_path_factory.mktemp("bad"))


@pytest.mark.parametrize("case", ["empty", "binary", "truncated_pdf", "encrypted_pdf", "scanned_pdf", "fake_docx"])
def test_read_errors_bad_input(case, bad_files):
    path, error_type, phrase = bad_files[case]
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.error_type == error_type
    assert info.value.stage == "read"
    assert phrase in info.value.reason.lower()
    assert len(info.value.reason) < 300


def test_read_errors_scanned_pdf_names_pages(bad_files):
    with pytest.raises(InputError) as info:
        read_document(bad_files["scanned_pdf"][0])
    assert info.value.reason == "page 1-2 have no text layer (scanned image?)"


def test_read_errors_partly_scanned_pdf_keeps_readable_pages(tmp_path):
    from reportlab.pdfgen import canvas

    docgen._cid_font()
    path = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 12)
    c.drawString(72, 700, "一、第一页有文字。")
    c.showPage()
    c.rect(72, 400, 300, 200, fill=1)
    c.showPage()
    c.save()
    doc = read_document(path)
    assert doc.text == "一、第一页有文字。"
    assert doc.page_starts == [0, len(doc.text)]
    assert any("page 2 unreadable" in w for w in doc.warnings)


@pytest.mark.parametrize(
    ("data", "name", "error_type"),
    [
        (b"   \n\r\n  ", "blank.txt", "empty_file"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image.txt", "binary_content"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old.doc", "unsupported_format"),
        (b"<html><body>error 404</body></html>", "report.pdf", "not_a_pdf"),
        (b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n", "broken.pdf", "corrupt_pdf"),
        (b"hello\x00world" * 20, "nul.txt", "binary_content"),
    ],
)
def test_read_errors_small_cases(data, name, error_type):
    with pytest.raises(InputError) as info:
        read_bytes(data, name=name)
    assert info.value.error_type == error_type
    assert info.value.reason


def test_read_errors_xlsx_is_not_docx():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError) as info:
        read_bytes(buf.getvalue(), name="list.docx")
    assert info.value.error_type == "unsupported_format"
    assert "xlsx" in info.value.reason


def test_read_errors_docx_with_broken_xml():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(InputError) as info:
        read_bytes(buf.getvalue(), name="x.docx")
    assert info.value.error_type == "corrupt_docx"


def test_read_errors_missing_file(tmp_path):
    with pytest.raises(InputError) as info:
        read_document(tmp_path / "nope.txt")
    assert info.value.error_type == "not_found"


def test_read_errors_limits_defaults_documented():
    assert DEFAULT_LIMITS.max_file_bytes == 200 * 1024 * 1024
    assert DEFAULT_LIMITS.max_pdf_pages == 2000
    with pytest.raises(AttributeError):
        DEFAULT_LIMITS.max_chars = 1  # frozen


@pytest.mark.parametrize(
    ("limits", "kind", "error_type"),
    [
        (Limits(max_file_bytes=100), "txt", "too_large"),
        (Limits(max_chars=100), "txt", "too_large"),
        (Limits(max_pdf_pages=1), "pdf", "too_many_pages"),
        (Limits(max_zip_entries=3), "docx", "too_many_entries"),
        (Limits(max_docx_uncompressed_bytes=10_000), "docx", "too_large"),
        (Limits(max_xml_depth=4), "docx", "too_deep"),
        (Limits(max_html_bytes=1000), "html", "too_large"),
    ],
)
def test_read_errors_limits(limits, kind, error_type, tmp_path):
    writer = {
        "txt": docgen.write_txt,
        "pdf": docgen.write_pdf,
        "docx": docgen.write_docx,
        "html": docgen.write_html,
    }[kind]
    path = writer(SAMPLE, tmp_path / f"doc.{kind}")
    read_document(path)  # fine with the defaults
    with pytest.raises(InputError) as info:
        read_document(path, limits=limits)
    assert info.value.error_type == error_type
    assert "limit" in info.value.reason or "deeper" in info.value.reason
