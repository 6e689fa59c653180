"""PDF fallback reader (pypdfium2): for the files pdfminer cannot open or read.

PDFium opens files pdfminer rejects (xref offsets shifted by a careless editor, some
owner-password files whose CID fonts pdfminer cannot map).  Its glyphs and boxes are
handed to the same layout code as pdfplumber's (lines, running headers, paragraphs),
so the text is built the same way; the document says which reader produced it.
"""

from __future__ import annotations

from pipeline.errors import InputError
from pipeline.limits import Limits
from pipeline.read.layout import Char, distinct_chars
from pipeline.records import RawDocument


def read_pdfium(data: bytes, *, limits: Limits, password: str | None, first_error: InputError) -> RawDocument | None:
    """The document read by PDFium, or None when PDFium cannot open it either.

    ``first_error`` is pdfplumber's failure: an encrypted file PDFium cannot open keeps
    that error; a file PDFium opens but finds no text in raises PDFium's own verdict.
    """
    import pypdfium2 as pdfium

    from pipeline.read.pdf import _page_lines, assemble_document, encrypted_error

    try:
        pdf = pdfium.PdfDocument(data, password=password or None)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise encrypted_error(password) from None
        return None
    try:
        n_pages = len(pdf)
        if n_pages > limits.max_pdf_pages:
            raise InputError("too_many_pages", f"PDF has {n_pages} pages, limit is {limits.max_pdf_pages}")
        if n_pages == 0:
            return None
        page_lines, heights, statuses = [], [], []
        n_chars = 0
        for index in range(n_pages):
            try:
                page = pdf[index]
                height = float(page.get_height())
                chars = _page_chars(page, height)
                lines, status = _page_lines(distinct_chars(chars), index, height=height)
            except pdfium.PdfiumError as exc:
                lines, status, height = [], f"could not be parsed (PDFium: {exc})", 0.0
            n_chars += sum(len(line.text) for line in lines)
            if n_chars > limits.max_chars:
                raise InputError("too_large", f"PDF text exceeds {limits.max_chars:,} characters")
            page_lines.append(lines)
            heights.append(height)
            statuses.append(status)
        note = f"read with pypdfium2: pdfplumber could not ({first_error.error_type}: {first_error.reason})"
        return assemble_document(page_lines, heights, statuses, title=_title(pdf), warnings=[note])
    finally:
        pdf.close()


def _page_chars(page, height: float) -> list[Char]:
    """Every glyph of one page as (text, x0, x1, top, bottom), top-down like pdfplumber's."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        chars: list[Char] = []
        # get_text_range returns one UTF-16 unit per char index for the BMP; a surrogate pair
        # (rare outside the BMP) shifts the two apart, so fall back to one call per char then
        per_char = len(text) != count
        for i in range(count):
            ch = textpage.get_text_range(i, 1) if per_char else text[i]
            if not ch or ch in "\r\n" or ch.isspace():
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)  # font box: one line, one height
            chars.append((ch, left, right, height - top, height - bottom))
        return chars
    finally:
        textpage.close()


def _title(pdf) -> str | None:
    try:
        title = (pdf.get_metadata_dict() or {}).get("Title")
    except Exception:  # metadata is optional; a broken info dict is not an error
        return None
    title = (title or "").strip()
    return title or None
