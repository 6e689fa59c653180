"""PDF fallback reader (pypdfium2): for the files, and the pages, pdfminer cannot read.

PDFium opens files pdfminer rejects (xref offsets shifted by a careless editor, some
owner-password files whose CID fonts it cannot map), and reads pages whose fonts or content
streams pdfminer's parser gives up on.  Its glyphs and boxes are handed to the same layout
code as pdfplumber's (lines, running headers, paragraphs), so the text is built the same
way; the document says which reader produced it.  A glyph PDFium itself cannot map to
Unicode counts as unreadable, exactly like pdfminer's ``(cid:N)``: PDFium would otherwise
pass on the glyph's number as if it were a character.
"""

from __future__ import annotations

from pipeline.errors import InputError
from pipeline.limits import Limits
from pipeline.read.layout import Char, distinct_chars
from pipeline.records import RawDocument

#: One page as PDFium reads it: its lines (``[]`` when unreadable), why not (None when read), its height.
PageReading = tuple[list, str | None, float]


def read_pdfium(data: bytes, *, limits: Limits, password: str | None, first_error: InputError) -> RawDocument | None:
    """The document read by PDFium, or None when PDFium cannot open it either.

    ``first_error`` is pdfplumber's failure: an encrypted file PDFium cannot open keeps
    that error; a file PDFium opens but finds no text in raises PDFium's own verdict.
    """
    from pipeline.read.pdf import assemble_document

    pdf = _open(data, password)
    if pdf is None:
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
            lines, status, height = _read_page(pdf, index)
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


def read_pages(data: bytes, indexes: list[int], *, password: str | None) -> dict[int, PageReading] | None:
    """PDFium's reading of the given pages (0-based), or None when PDFium cannot open the file.

    For the pages of a file pdfplumber opened but could not read one by one: the rest of
    the file keeps pdfplumber's reading, so nothing PDFium says may sink it.
    """
    try:
        pdf = _open(data, password)
    except InputError:  # a password PDFium does not take: the pages keep pdfplumber's reasons
        return None
    if pdf is None:
        return None
    try:
        n_pages = len(pdf)
        return {i: _read_page(pdf, i) if i < n_pages else ([], "missing from PDFium's page list", 0.0)
                for i in indexes}
    finally:
        pdf.close()


def _open(data: bytes, password: str | None):
    """The PDFium document, or None when PDFium cannot open the file (an encrypted one raises)."""
    import pypdfium2 as pdfium

    from pipeline.read.pdf import encrypted_error

    try:
        return pdfium.PdfDocument(data, password=password or None)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise encrypted_error(password) from None
        return None


def _read_page(pdf, index: int) -> PageReading:
    from pipeline.read.pdf import _page_lines, _summary

    try:
        page = pdf[index]
        height = float(page.get_height())
        lines, status = _page_lines(distinct_chars(_page_chars(page, height)), index, height=height)
        return lines, status, height
    except Exception as exc:  # one page PDFium fails on must not sink the others (as with pdfplumber)
        return [], f"could not be parsed by PDFium ({_summary(exc)})", 0.0


def _page_chars(page, height: float) -> list[Char]:
    """Every glyph of one page as (text, x0, x1, top, bottom), top-down like pdfplumber's.

    A glyph without a Unicode mapping is U+FFFD: :func:`~pipeline.read.pdf._page_lines` counts
    those and calls a page made mostly of them unreadable, as it does with pdfminer's.
    """
    import pypdfium2.raw as pdfium_c

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
            if pdfium_c.FPDFText_HasUnicodeMapError(textpage.raw, i) == 1:
                ch = "\ufffd"  # PDFium's guess would be the glyph's number read as a code point
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
