"""PDF reader (pdfplumber): reading-order text with page offsets.

What it undoes, because every one of these breaks extraction downstream:
running headers/footers and page numbers (dropped), lines broken by the page
width or a page break (re-joined, no space between Han characters), fake-bold
text drawn twice (deduplicated), glyphs without a Unicode mapping ``(cid:NNN)``
(a page made mostly of them is reported as unreadable, never passed on).

Paragraph breaks are decided from the layout: a new paragraph starts where
the next line is indented (official documents indent first lines by two
characters), where extra vertical space separates lines, or where a line stops
short of the right margin after a sentence end or before a heading marker.
Documents that do not indent paragraphs fall back to punctuation: a line
ending a sentence (。！？) ends the paragraph.
"""

from __future__ import annotations

import functools
import io
import re
import statistics
from dataclasses import dataclass

from pipeline.errors import InputError
from pipeline.lang.markers import PAGE_NUMBER_LINE
from pipeline.limits import Limits
from pipeline.read.layout import (
    FULL_WIDTH,
    Char,
    Rule,
    distinct_chars,
    find_grids,
    join_separator,
    split_columns,
    strip_line,
    table_rows,
    text_lines,
)
from pipeline.records import RawDocument

_CID = re.compile(r"\(cid:\d+\)")
_DIGITS = re.compile(r"\d+")
# A line that opens a heading or list item: 一、 (一) （一） 1. 1、 1． (1) ① 第一章 一是
_HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十百]+、|[(（][一二三四五六七八九十百]+[)）]|\d{1,3}[.、．](?!\d)|[(（]\d{1,3}[)）]"
    r"|[\u2460-\u2473]|第[一二三四五六七八九十百\d]+[章节条部分]|[一二三四五六七八九十]+是)"
)
# 一是 / 二是: enumerations that usually run on inside a paragraph
_ENUMERATION_START = re.compile(r"^[一二三四五六七八九十]+是")
_SENTENCE_END = tuple("。！？!?")
_CLAUSE_END = tuple("。！？；：;:!?”’」』）)")

# Share of the page height that counts as the header / footer band.
_BAND = 0.12


@dataclass(slots=True)
class _Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    column: int = FULL_WIDTH  # LEFT / RIGHT on a two-column page
    table: bool = False  # one row of a ruled table: a paragraph of its own


def read_pdf(data: bytes, *, limits: Limits, password: str | None = None) -> RawDocument:
    """pdfplumber first; pypdfium2 for what pdfplumber cannot open or read at all.

    pdfminer gives up on some files PDFium (the engine of Chrome) reads: owner-password
    files whose CID fonts it cannot map, and files whose xref offsets are shifted.  The
    fallback text goes through the same line, header and paragraph logic.  A file pdfplumber
    reads only in part has its unreadable pages read by PDFium (:func:`_second_reading`).
    """
    try:
        return _read_plumber(data, limits, password)
    except InputError as exc:
        if exc.error_type not in _FALLBACK_ON:
            raise
        from pipeline.read.pdfium import read_pdfium

        fallback = read_pdfium(data, limits=limits, password=password, first_error=exc)
        if fallback is None:
            raise
        return fallback


#: pdfplumber failures worth a second opinion from PDFium.
_FALLBACK_ON = frozenset({"corrupt_pdf", "truncated_pdf", "no_text_layer", "encrypted_pdf"})


def _read_plumber(data: bytes, limits: Limits, password: str | None) -> RawDocument:
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
    except Exception as exc:  # pdfplumber wraps every pdfminer error in PdfminerException
        raise _open_error(exc, data, password) from None
    try:
        return _read_open_pdf(pdf, data, limits, password)
    finally:
        pdf.close()


def _root_cause(exc: BaseException) -> BaseException:
    if type(exc).__name__ == "PdfminerException" and exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return exc


def _summary(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return f"{type(exc).__name__}: {text}"[:200]


def _open_error(exc: BaseException, data: bytes, password: str | None = None) -> InputError:
    cause = _root_cause(exc)
    name = type(cause).__name__
    if name in {"PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"}:
        return encrypted_error(password)
    if b"%%EOF" not in data[-2048:]:
        return InputError("truncated_pdf", f"PDF is truncated (no %%EOF at the end); parser said {_summary(cause)}")
    return InputError("corrupt_pdf", f"corrupt PDF: {_summary(cause)}")


def encrypted_error(password: str | None) -> InputError:
    if password:
        return InputError("encrypted_pdf", "PDF is encrypted and the password given (--pdf-password) does not open it")
    return InputError("encrypted_pdf", "PDF is encrypted and no password was given (use --pdf-password)")


def _page_count(pdf) -> int:
    try:
        from pdfminer.pdftypes import resolve1

        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
        if isinstance(count, int):
            return count
    except Exception:  # fall back to enumerating the pages
        pass
    return len(pdf.pages)


def _read_open_pdf(pdf, data: bytes, limits: Limits, password: str | None = None) -> RawDocument:
    declared = _page_count(pdf)
    if declared > limits.max_pdf_pages:
        raise InputError("too_many_pages", f"PDF has {declared} pages, limit is {limits.max_pdf_pages}")
    try:
        pages_iter = pdf.pages
    except Exception as exc:
        raise _open_error(exc, data) from None
    if len(pages_iter) > limits.max_pdf_pages:
        raise InputError("too_many_pages", f"PDF has {len(pages_iter)} pages, limit is {limits.max_pdf_pages}")
    if not pages_iter:
        raise InputError("no_text_layer", "PDF has no pages")

    page_lines: list[list[_Line]] = []
    heights: list[float] = []
    statuses: list[str | None] = []
    n_chars = 0
    for index, page in enumerate(pages_iter):
        try:
            lines, status = _extract_page(page, index)
            heights.append(float(page.height))
        except Exception as exc:  # one broken content stream must not sink the others
            lines, status = [], f"could not be parsed ({_summary(_root_cause(exc))})"
            heights.append(0.0)
        finally:
            page.close()  # flush cached objects: memory stays flat on long reports
        n_chars += sum(len(line.text) for line in lines)
        if n_chars > limits.max_chars:
            raise InputError("too_large", f"PDF text exceeds {limits.max_chars:,} characters")
        page_lines.append(lines)
        statuses.append(status)
    warnings = _second_reading(data, password, page_lines, heights, statuses)
    if warnings and sum(len(line.text) for lines in page_lines for line in lines) > limits.max_chars:
        raise InputError("too_large", f"PDF text exceeds {limits.max_chars:,} characters")
    return assemble_document(page_lines, heights, statuses, title=_metadata_title(pdf), warnings=warnings)


#: What pdfplumber found on a page PDFium then read, as the document's warning says it.
_PLUMBER_SAID = {"empty": "no text", "unmapped glyphs": "fonts without a Unicode mapping"}
#: PDFium's verdict on a page neither engine reads, added to the errors row.
_PDFIUM_SAID = {
    "empty": "PDFium found no text either",
    "unmapped glyphs": "PDFium found no Unicode mapping either",
    None: "PDFium could not open the file",
}


def _second_reading(
    data: bytes, password: str | None, page_lines: list[list[_Line]], heights: list[float], statuses: list[str | None]
) -> list[str]:
    """PDFium for the pages pdfplumber could not read, in place; the warnings saying so.

    Only when pdfplumber read some pages (when it read none, :func:`read_pdf` hands the whole
    file to PDFium).  A page PDFium reads replaces the failed one at the same index, so page
    numbers and offsets stay right; a page neither reads keeps pdfplumber's reason, with
    PDFium's added (a scanned page, where PDFium finds nothing either, keeps its own words).
    """
    failed = [index for index, status in enumerate(statuses) if status]
    if not failed or len(failed) == len(statuses):
        return []
    from pipeline.read.pdfium import read_pages

    found = read_pages(data, failed, password=password)
    recovered: dict[str, list[int]] = {}
    for index in failed:
        said = statuses[index]
        lines, verdict, height = found[index] if found is not None else ([], None, 0.0)
        if lines and verdict is None:
            recovered.setdefault(_PLUMBER_SAID.get(said, said), []).append(index + 1)
            page_lines[index], heights[index], statuses[index] = lines, height, None
        elif said != "empty":
            statuses[index] = f"{_PAGE_REASONS.get(said, said)}; {_PDFIUM_SAID.get(verdict, verdict)}"
    return [f"page {_ranges(pages)} read with PDFium (pdfplumber: {said})" for said, pages in recovered.items()]


#: Why a page gave no text, as the errors row says it.
_PAGE_REASONS = {
    "empty": "no text layer (a scanned image or a blank page); OCR it to read it",
    "unmapped glyphs": "its fonts have no Unicode mapping (glyphs without text)",
}


def page_error(page: int, status: str) -> tuple[str, str]:
    """(error_type, message) of one page that could not be read."""
    return "unreadable_page", f"page {page}: {_PAGE_REASONS.get(status, status)}; its text is missing"


def assemble_document(
    page_lines: list[list[_Line]],
    heights: list[float],
    statuses: list[str | None],
    *,
    title: str | None,
    warnings: list[str] | None = None,
) -> RawDocument:
    """The document from per-page lines: every unreadable page becomes an error of its own."""
    warnings = list(warnings or [])
    unreadable = [index + 1 for index, status in enumerate(statuses) if status]
    if len(unreadable) == len(page_lines):
        raise InputError("no_text_layer", _nothing_read(statuses))
    errors = [page_error(index + 1, status) for index, status in enumerate(statuses) if status]
    if unreadable:
        warnings.append(f"page {_ranges(unreadable)} unreadable, skipped (see errors)")

    removed = _drop_running_lines(page_lines, heights)
    if removed:
        warnings.append(f"dropped {removed} running header/footer/page-number lines")
    text, page_starts = _assemble(page_lines)
    if not text.strip():
        raise InputError("no_text_layer", "PDF holds no text apart from headers, footers and page numbers")
    return RawDocument(
        text=text,
        format="pdf",
        encoding=None,
        page_starts=page_starts,
        title=title,
        warnings=warnings,
        errors=errors,
    )


def _nothing_read(statuses: list[str | None]) -> str:
    """Why no page gave text: a scan says so; otherwise each page's reason (fonts, parser)."""
    if all(status == "empty" for status in statuses):
        n = len(statuses)
        return f"page {_ranges(list(range(1, n + 1)))} {'has' if n == 1 else 'have'} no text layer (scanned image?)"
    pages: dict[str, list[int]] = {}
    for number, status in enumerate(statuses, 1):
        pages.setdefault(_PAGE_REASONS.get(status, status), []).append(number)
    return "no page could be read: " + "; ".join(f"page {_ranges(found)}: {why}" for why, found in pages.items())


def _extract_page(page, index: int) -> tuple[list[_Line], str | None]:
    """Lines of one page and ``None``, or ``[]`` and why the page is unreadable.

    The page's content stream is interpreted by pdfminer straight into plain
    (text, box) tuples (the device from :func:`_collector_class`) and grouped into lines by
    :func:`~pipeline.read.layout.text_lines`; pdfplumber's own char objects
    and text extraction are used only for a page with rotated text.
    """
    chars, rules, upright = _collect_chars(page)
    if not upright:
        return _extract_page_plumber(page, index)
    return _page_lines(distinct_chars(chars), index, height=float(page.height), rules=rules)


def _page_lines(
    chars: list[Char], index: int, *, height: float = 0.0, rules: list[Rule] | None = None
) -> tuple[list[_Line], str | None]:
    """Unreadable-page check and line building on deduplicated, upright chars.

    Ruled tables are read row by row (cells joined by a tab), the rest column by column.
    """
    visible = [c for c in chars if not c[0].isspace()]
    if not visible:
        return [], "empty"
    bad = sum(1 for c in visible if c[0].startswith("(cid:") or c[0] == "\ufffd")
    if bad / len(visible) > 0.3:
        return [], "unmapped glyphs"
    rows: list[_Line] = []
    for grid in find_grids(rules or []):
        found, chars = table_rows(grid, chars)
        for raw, x0, x1, top, bottom in found:
            text = _CID.sub("", raw).replace("\ufffd", "").strip(" ")
            if text.strip():
                rows.append(_Line(index, text, x0, x1, top, bottom, FULL_WIDTH, True))
    lines: list[_Line] = []
    for column, segment in split_columns(chars, height=height):
        found_lines = []
        for raw, x0, x1, top, bottom in text_lines(segment):
            text = strip_line(_CID.sub("", raw).replace("\ufffd", ""))
            if text:
                found_lines.append(_Line(index, text, x0, x1, top, bottom, column))
        found_lines.sort(key=lambda line: (round(line.top), line.x0))
        lines.extend(found_lines)
    for row in sorted(rows, key=lambda line: line.top):  # each table row where it stands
        at = next((i for i, ln in enumerate(lines) if ln.column == FULL_WIDTH and ln.top > row.top), len(lines))
        lines.insert(at, row)
    return lines, None if lines else "empty"


def _collect_chars(page) -> tuple[list[Char], list[Rule], bool]:
    """Every glyph of the page as (text, x0, x1, top, bottom), the straight ruling lines, and
    whether all glyphs are upright."""
    from pdfminer.pdfinterp import PDFPageInterpreter

    device = _collector_class()(page.pdf.rsrcmgr, height=float(page.height), mediabox=page.mediabox)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    return device.chars, device.rules, device.upright


@functools.lru_cache(maxsize=1)
def _collector_class():
    """The pdfminer device class, built on first use so importing this module stays cheap."""
    from pdfminer.pdfdevice import PDFTextDevice
    from pdfminer.pdffont import PDFUnicodeNotDefined

    class CharCollector(PDFTextDevice):
        """A pdfminer device that keeps only each glyph's text and box.

        Boxes are computed exactly as pdfminer's ``LTChar`` and pdfplumber's
        char dicts compute them (same formulas, same order of operations), so
        lines come out as pdfplumber would build them, at a fraction of the cost.
        """

        def __init__(self, rsrcmgr, *, height: float, mediabox) -> None:
            super().__init__(rsrcmgr)
            self.chars: list[Char] = []
            self.rules: list[Rule] = []
            self.upright = True
            self._height = height
            self._mb_x0, self._mb_top = mediabox[0], mediabox[1]

        def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = f"(cid:{cid})"
            adv = font.char_width(cid) * fontsize * scaling
            if font.is_vertical():
                vx, vy = font.char_disp(cid)
                vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
                vy = (1000 - vy) * fontsize * 0.001
                bx0, by0, bx1, by1 = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
            else:
                descent = font.get_descent() * fontsize
                bx0, by0, bx1, by1 = (0, descent + rise, adv, descent + rise + fontsize)
            a, b, c, d, e, f = matrix
            if not (a * d * scaling > 0 and b * c <= 0):
                self.upright = False
            xs = (a * bx0 + c * by0 + e, a * bx1 + c * by0 + e, a * bx1 + c * by1 + e, a * bx0 + c * by1 + e)
            ys = (b * bx0 + d * by0 + f, b * bx1 + d * by0 + f, b * bx1 + d * by1 + f, b * bx0 + d * by1 + f)
            x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
            if self._mb_x0 != 0:
                x0, x1 = x0 + self._mb_x0, x1 + self._mb_x0
            self.chars.append(
                (text, x0, x1, (self._height - y1) + self._mb_top, (self._height - y0) + self._mb_top)
            )
            return adv

        def paint_path(self, gstate, stroke, fill, evenodd, path) -> None:
            """Keep the axis-parallel straight edges of painted paths: table rulings."""
            if not (stroke or fill) or self.ctm is None or len(self.rules) > 4 * 2000:
                return
            a, b, c, d, e, f = self.ctm
            points: list[tuple[float, float]] = []
            start: tuple[float, float] | None = None
            for segment in path:
                op = segment[0]
                if op in ("m", "l") and len(segment) >= 3:
                    x, y = float(segment[-2]), float(segment[-1])
                    point = (a * x + c * y + e, b * x + d * y + f)
                    if op == "m":
                        start = point
                    elif points:
                        self._rule(points[-1], point)
                    points.append(point)
                elif op == "h" and points and start is not None:
                    self._rule(points[-1], start)
                else:  # curves: not a ruling
                    points = []

        def _rule(self, p, q) -> None:
            (x0, y0), (x1, y1) = p, q
            if abs(x0 - x1) <= 1.0 or abs(y0 - y1) <= 1.0:
                top, bottom = self._height - max(y0, y1) + self._mb_top, self._height - min(y0, y1) + self._mb_top
                self.rules.append((min(x0, x1) + self._mb_x0, top, max(x0, x1) + self._mb_x0, bottom))

    return CharCollector


def _extract_page_plumber(page, index: int) -> tuple[list[_Line], str | None]:
    """pdfplumber's own text-line extraction, for pages with rotated or vertical text."""
    dicts = page.chars
    kept = {id(c) for c in _dedupe_dicts(dicts)}
    visible = [c for c in dicts if id(c) in kept and not c.get("text", "").isspace()]
    if not visible:
        return [], "empty"
    bad = sum(1 for c in visible if c.get("text", "").startswith("(cid:") or c.get("text") == "\ufffd")
    if bad / len(visible) > 0.3:
        return [], "unmapped glyphs"
    deduped = page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) in kept)
    lines = []
    for raw in deduped.extract_text_lines(strip=True, return_chars=False):
        text = strip_line(_CID.sub("", raw["text"]).replace("\ufffd", ""))
        if text:
            lines.append(_Line(index, text, raw["x0"], raw["x1"], raw["top"], raw["bottom"]))
    lines.sort(key=lambda line: (round(line.top), line.x0))
    return lines, None if lines else "empty"


def _dedupe_dicts(dicts: list[dict]) -> list[dict]:
    """:func:`distinct_chars` on pdfplumber char dicts."""
    tagged = [(c.get("text", ""), float(c["x0"]), 0.0, float(c["top"]), 0.0, c) for c in dicts]
    return [t[5] for t in distinct_chars(tagged)]  # type: ignore[arg-type]


def _ranges(pages: list[int]) -> str:
    """[1, 2, 3, 5] -> "1-3, 5"."""
    parts: list[str] = []
    start = prev = pages[0]
    for number in pages[1:] + [None]:
        if number is not None and number == prev + 1:
            prev = number
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if number is not None:
            start = prev = number
    return ", ".join(parts)


def _band_lines(lines: list[_Line], height: float) -> list[_Line]:
    """Up to two lines at the top and two at the bottom that sit in the margin bands."""
    if not lines:
        return []
    top = [ln for ln in lines[:2] if height <= 0 or ln.top <= height * _BAND]
    bottom = [ln for ln in lines[-2:] if height <= 0 or ln.bottom >= height * (1 - _BAND)]
    seen: list[_Line] = []
    for ln in top + bottom:
        if all(ln is not s for s in seen):
            seen.append(ln)
    return seen


def _drop_running_lines(page_lines: list[list[_Line]], heights: list[float]) -> int:
    """Remove page numbers and lines repeated in the header/footer band of most pages."""
    readable = [i for i, lines in enumerate(page_lines) if lines]
    counts: dict[str, int] = {}
    for i in readable:
        keys = {_DIGITS.sub("#", ln.text) for ln in _band_lines(page_lines[i], heights[i])}
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    need = max(2, (len(readable) + 1) // 2)
    running = {key for key, n in counts.items() if n >= need}
    removed = 0
    for i in readable:
        band = _band_lines(page_lines[i], heights[i])
        drop = [ln for ln in band if _DIGITS.sub("#", ln.text) in running or PAGE_NUMBER_LINE.match(ln.text)]
        if drop:
            page_lines[i] = [ln for ln in page_lines[i] if all(ln is not d for d in drop)]
            removed += len(drop)
    return removed


def _median(values: list[float], default: float) -> float:
    return statistics.median(values) if values else default


@dataclass(slots=True)
class _Frame:
    left: float
    right: float
    size: float
    gap: float


def _left_edge(lines: list[_Line]) -> float:
    """The left text edge: the leftmost x0 shared by two lines or more, so that one stray line
    (a centred title wider than the text block) does not make every body line look indented."""
    counts: dict[int, int] = {}
    for ln in lines:
        counts[round(ln.x0)] = counts.get(round(ln.x0), 0) + 1
    shared = [ln.x0 for ln in lines if counts[round(ln.x0)] >= 2]
    return min(shared or [ln.x0 for ln in lines])


def _right_edge(lines: list[_Line], left: float) -> float:
    """The right text edge: the rightmost x1 of the lines that do not stick out on the left."""
    return max((ln.x1 for ln in lines if ln.x0 >= left - 1.0), default=max(ln.x1 for ln in lines))


def _frames(page_lines: list[list[_Line]]) -> dict[tuple[int, int], _Frame]:
    """Left/right text edge, font size and normal line gap of every page column (FULL_WIDTH, LEFT, RIGHT)."""
    groups: dict[tuple[int, int], list[_Line]] = {}
    for lines in page_lines:
        for ln in lines:
            if not ln.table:  # a table wider than the text must not move its edges
                groups.setdefault((ln.page, ln.column), []).append(ln)
            else:
                groups.setdefault((ln.page, ln.column), [])
    raw: dict[tuple[int, int], _Frame | None] = {}
    for key, lines in groups.items():
        if len(lines) < 3:
            raw[key] = None
            continue
        sizes = [ln.bottom - ln.top for ln in lines]
        gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:]) if b.top > a.bottom - 1]
        left = _left_edge(lines)
        raw[key] = _Frame(
            left,
            _right_edge(lines, left),
            _median(sizes, 12.0),
            _median(gaps, 4.0),
        )
    known = [f for f in raw.values() if f]
    if known:
        default = _median_frame(known)
    else:
        all_lines = [ln for lines in page_lines for ln in lines]
        default = _Frame(
            min((ln.x0 for ln in all_lines), default=72.0),
            max((ln.x1 for ln in all_lines), default=520.0),
            _median([ln.bottom - ln.top for ln in all_lines], 12.0),
            4.0,
        )
    by_column: dict[int, _Frame] = {}
    for column in {key[1] for key in raw}:
        same = [f for key, f in raw.items() if f and key[1] == column]
        by_column[column] = _median_frame(same) if same else default
    return {key: f or by_column[key[1]] for key, f in raw.items()}


def _median_frame(frames: list[_Frame]) -> _Frame:
    return _Frame(
        _median([f.left for f in frames], 72.0),
        _median([f.right for f in frames], 520.0),
        _median([f.size for f in frames], 12.0),
        _median([f.gap for f in frames], 4.0),
    )


def _assemble(page_lines: list[list[_Line]]) -> tuple[str, list[int]]:
    frames = _frames(page_lines)
    flat = [ln for lines in page_lines for ln in lines]
    indents = sum(1 for ln in flat if not ln.table and ln.x0 - frames[ln.page, ln.column].left > 0.8 * frames[ln.page, ln.column].size)
    indent_mode = indents >= max(1, 0.03 * len(flat))

    out: list[str] = []
    length = 0
    page_starts: list[int] = []
    prev: _Line | None = None
    for page_no, lines in enumerate(page_lines):
        first_of_page = True
        for line in lines:
            if prev is None:
                sep = ""
            elif _breaks(prev, line, frames, indent_mode):
                sep = "\n"
            else:
                sep = join_separator(out[-1][-1], line.text[0])
            out.append(sep)
            length += len(sep)
            if first_of_page:
                page_starts.append(length)
                first_of_page = False
            out.append(line.text)
            length += len(line.text)
            prev = line
        if first_of_page:  # an empty page starts where the next text begins
            page_starts.append(length)
    text = "".join(out)
    return text, page_starts


def _breaks(prev: _Line, line: _Line, frames: dict[tuple[int, int], _Frame], indent_mode: bool) -> bool:
    """Does ``line`` start a new paragraph after ``prev``?"""
    if prev.table or line.table:
        return True
    fp, fn = frames[prev.page, prev.column], frames[line.page, line.column]
    size = fn.size
    indented = line.x0 - fn.left > 0.8 * size
    short = fp.right - prev.x1 > 1.5 * fp.size
    ends_sentence = prev.text.endswith(_SENTENCE_END)
    ends_clause = prev.text.endswith(_CLAUSE_END)
    heading_next = _HEADING_START.match(line.text) is not None
    if (prev.page, prev.column) == (line.page, line.column) and line.top - prev.bottom > fp.gap + 0.8 * size:
        return True  # extra vertical space
    if indent_mode and indented:
        return True
    if short and (ends_clause or heading_next or fp.right - prev.x1 > 4 * fp.size):
        return True
    if heading_next and ends_clause and not (indent_mode and _ENUMERATION_START.match(line.text)):
        return True  # (an unindented 二是 after a sentence that filled its line runs on)
    if not indent_mode and ends_sentence:
        return True
    return False


def _metadata_title(pdf) -> str | None:
    try:
        title = pdf.metadata.get("Title")
    except Exception:
        return None
    if isinstance(title, bytes):
        try:
            title = title.decode("utf-16") if title.startswith((b"\xfe\xff", b"\xff\xfe")) else title.decode("latin-1")
        except UnicodeDecodeError:
            return None
    if not isinstance(title, str):
        return None
    title = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", title.strip())
    title = re.sub(r"\.(?:docx?|wps|pdf)$", "", title, flags=re.IGNORECASE)
    if not title or title.lower() in {"untitled", "无标题"}:
        return None
    return title
