"""The cell values of every worksheet of an XLSX workbook, as openpyxl gives them, read directly.

Why: ``openpyxl.load_workbook`` builds a Cell object per cell and a descriptor-checked
object per XML node; a 10,000-row ledger took 2.5 s there, of which reading values is a
tenth.  This reader parses the same parts with ElementTree's C parser and keeps only values.
What it returns is what ``load_workbook(path, data_only=True)`` then ``ws.iter_rows(
values_only=True)`` returns for each worksheet (hidden ones too, chartsheets not), in workbook
order: shared and inline strings (rich text runs joined, phonetic runs left out), numbers as
int or float, booleans, cached formula results (never the formula), error codes as text,
dates and times where the cell's number format is a date one (the 1900 or 1904 epoch), merged
ranges (their other cells empty, the rows and columns they cover counted), rows from A1 to the
last row and column any cell reaches.  Which number formats are dates, and how a serial
becomes a date, stay openpyxl's rules (:mod:`openpyxl.styles.numbers`,
:func:`openpyxl.utils.datetime.from_excel`), imported only when a number cell with another
format than General needs them (importing openpyxl costs 0.1 s, and its ABC registrations
make the next isinstance checks against ABCs slow again).
"""

from __future__ import annotations

import posixpath
import warnings
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError, XMLParser, fromstring

from pipeline.limits import DEFAULT_LIMITS, Limits

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
OFFICE_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
VALUE, INLINE, TEXT = MAIN + "v", MAIN + "is", MAIN + "t"

#: Content types of a workbook part, in the order openpyxl looks for them.
WORKBOOK_TYPES = (
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
)
SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
DEFAULT_WORKBOOK = "xl/workbook.xml"
STYLES = "xl/styles.xml"
#: ``workbookPr date1904`` values that mean false (any other text is true, as openpyxl reads it).
FALSE_WORDS = frozenset({"false", "f", "0", ""})
MAX_ROW = 1_048_576
#: number format 0, General (ECMA-376 18.8.30): a number shown as it is, never a date or a duration
GENERAL = 0


@dataclass(slots=True)
class Sheet:
    """One worksheet: its title, its rows of values (A1 to the last cell), its merged ranges."""

    title: str
    rows: list[tuple]
    merged: list[tuple[int, int, int, int]]  # (min_row, min_col, max_row, max_col), 1-based


def read_sheets(path, *, limits: Limits = DEFAULT_LIMITS) -> list[Sheet]:
    """Every worksheet of the workbook at ``path``, in workbook order.

    Raises ``zipfile.BadZipFile`` (not a workbook), ``KeyError`` (a part the workbook names is
    missing), ``ValueError`` (malformed XML or cell), ``OSError`` (no workbook part), as
    openpyxl does for the same files; ``InputError`` (``too_many_entries``, ``too_large``)
    for a zip bomb, before anything is inflated.
    """
    with zipfile.ZipFile(path) as archive:
        limits.check_zip(archive, kind="XLSX", max_bytes=limits.max_xlsx_uncompressed_bytes)
        names = set(archive.namelist())
        workbook, strings_part = _parts(archive)
        book = _xml(archive.read(workbook))
        epoch_1904 = _date1904(book)
        rels = _relations(archive, workbook)
        strings = _shared_strings(archive, strings_part) if strings_part else []
        formats = _Formats(archive.read(STYLES) if STYLES in names else None, epoch_1904)
        sheets = []
        for entry in book.iter(MAIN + "sheet"):
            rel_id = entry.get(OFFICE_REL + "id")
            if not rel_id:
                warnings.warn(f"File contains an invalid specification for {entry.get('name')}. This will be removed")
                continue
            target, kind = rels[rel_id]
            if target not in names or "chartsheet" in kind:
                continue
            sheets.append(_worksheet(entry.get("name"), archive.read(target), strings, formats))
        return sheets


def _xml(data: bytes):
    try:
        return fromstring(data, parser=XMLParser())
    except ParseError as exc:
        raise ValueError(f"malformed XML ({exc})") from None


def _parts(archive: zipfile.ZipFile) -> tuple[str, str | None]:
    """The workbook part and the shared strings part, from ``[Content_Types].xml``."""
    manifest = _xml(archive.read("[Content_Types].xml"))
    overrides = [(o.get("PartName") or "", o.get("ContentType")) for o in manifest.iter(CONTENT_TYPES + "Override")]
    workbook = next((name[1:] for kind in WORKBOOK_TYPES for name, ct in overrides if ct == kind), None)
    if workbook is None:  # some applications declare the workbook through a default content type
        defaults = {d.get("ContentType") for d in manifest.iter(CONTENT_TYPES + "Default")}
        if not defaults & set(WORKBOOK_TYPES):
            raise OSError("File contains no valid workbook part")
        workbook = DEFAULT_WORKBOOK
    strings = next((name[1:] for name, ct in overrides if ct == SHARED_STRINGS_TYPE), None)
    return workbook, strings


def _date1904(book) -> bool:
    props = book.find(MAIN + "workbookPr")
    value = props.get("date1904") if props is not None else None
    return value is not None and value not in FALSE_WORDS


def _relations(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """rId -> (part path inside the archive, relationship type) of ``part``'s relationships."""
    folder, name = posixpath.split(part)
    rels_path = posixpath.join(folder, "_rels", name + ".rels")
    out = {}
    for rel in _xml(archive.read(rels_path)).iter(PACKAGE_REL + "Relationship"):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") != "External":
            target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id")] = (target, rel.get("Type") or "")
    return out


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _text(node) -> str:
    """A string item's text: its plain text, then each rich text run's (phonetic runs left out)."""
    if len(node) == 1 and node[0].tag == TEXT:  # plain text alone: most items
        return node[0].text or ""
    plain = None
    runs = []
    for child in node:
        name = _local(child.tag)
        if name == "t":
            plain = child.text
        elif name == "r":
            run = None
            for part in child:
                if _local(part.tag) == "t":
                    run = part.text
            if run is not None:
                runs.append(run)
    return (plain or "") + "".join(runs)


def _shared_strings(archive: zipfile.ZipFile, part: str) -> list[str]:
    """The shared string table; ``x005F_`` dropped from each item, as openpyxl's table does."""
    return [_text(item).replace("x005F_", "") for item in _xml(archive.read(part)).iter(MAIN + "si")]


class _Formats:
    """Which cell styles show a number as a date (or a duration), and the date a serial is."""

    def __init__(self, styles: bytes | None, epoch_1904: bool) -> None:
        self.codes: list[tuple[str | None, int]] = []  # per cell style: (custom format code, format id)
        if styles is not None:
            root = _xml(styles)
            custom = {}
            for fmt in root.iter(MAIN + "numFmt"):
                custom[int(fmt.get("numFmtId"))] = fmt.get("formatCode")
            xfs = root.find(MAIN + "cellXfs")
            for xf in (xfs if xfs is not None else ()):
                fid = int(xf.get("numFmtId", 0))
                self.codes.append((custom.get(fid), fid) if fid in custom else (None, fid))
        self.epoch_1904 = epoch_1904
        self._kinds: dict[int, tuple[bool, bool]] = {}

    def kind(self, style: int) -> tuple[bool, bool]:
        """(a date format, a duration format) of cell style ``style``."""
        known = self._kinds.get(style)
        if known is None:
            code, fid = self.codes[style] if 0 <= style < len(self.codes) else (None, GENERAL)
            if code is None and fid == GENERAL:  # most number cells: no need to import openpyxl
                known = (False, False)
            else:
                from openpyxl.styles.numbers import builtin_format_code, is_date_format, is_timedelta_format

                fmt = code if code is not None else builtin_format_code(fid)
                known = (is_date_format(fmt), is_timedelta_format(fmt))
            self._kinds[style] = known
        return known

    def date(self, serial, duration: bool):
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

        return from_excel(serial, CALENDAR_MAC_1904 if self.epoch_1904 else CALENDAR_WINDOWS_1900, timedelta=duration)


def _number(text: str):
    return float(text) if "." in text or "E" in text or "e" in text else int(text)


def _iso(text: str):
    from openpyxl.utils.datetime import from_ISO8601

    return from_ISO8601(text)


def _coordinate(ref: str, columns: dict[str, int]) -> tuple[int, int]:
    """'B12' -> (12, 2); ``columns`` remembers each column's letters (a sheet repeats a few)."""
    letters = ref.rstrip("0123456789")
    col = columns.get(letters)
    if col is None:
        col = 0
        for ch in letters:
            if not "A" <= ch <= "Z":
                raise ValueError(f"{ref!r} is not a cell reference")
            col = col * 26 + ord(ch) - 64
        columns[letters] = col
    if not col or len(letters) == len(ref):
        raise ValueError(f"{ref!r} is not a cell reference")
    return int(ref[len(letters):]), col


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        value = float(text)
        if not value.is_integer():
            raise ValueError(f"{text} is not a valid row number") from None
        return int(value)


def _value(cell, strings: list[str], formats: _Formats):
    """A cell's value as openpyxl's data-only reading gives it."""
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = cell.find(INLINE)
        return _text(inline) if inline is not None else None
    v = cell.find(VALUE)
    text = v.text if v is not None else None
    if not text:
        return None
    if kind == "s":
        return strings[int(text)]
    if kind == "n":
        value = _number(text)
        style = cell.get("s", "0")  # no style attribute: style 0, which may be a date one too
        if style:
            is_date, duration = formats.kind(int(style))
            if is_date:
                try:
                    return formats.date(value, duration)
                except (OverflowError, ValueError):
                    warnings.warn(f"Cell {cell.get('r')} is marked as a date but the serial value {value} is outside "
                                  "the limits for dates. The cell will be treated as an error.")
                    return "#VALUE!"
        return value
    if kind == "b":
        return bool(int(text))
    if kind == "d":
        return _iso(text)
    return text  # str (a formula's text result), e (an error code)


def _worksheet(title: str, data: bytes, strings: list[str], formats: _Formats) -> Sheet:
    """One worksheet part, parsed whole: streaming it hands every element to Python as an event,
    0.15 s more for 10,000 rows; the tree (15 KB a row) is freed before the review, whose records
    take more per row."""
    root = _xml(data)
    cells: dict[tuple[int, int], object] = {}
    columns: dict[str, int] = {}
    row_no = 0
    for row in root.iter(MAIN + "row"):
        ref = row.get("r")
        row_no = _row_number(ref) if ref is not None else row_no + 1
        col_no = 0
        for cell in row:
            coordinate = cell.get("r")
            if coordinate:  # _coordinate, inline: a sheet has one per cell
                letters = coordinate.rstrip("0123456789")
                col_no = columns.get(letters) or _coordinate(coordinate, columns)[1]
                at = (int(coordinate[len(letters):]), col_no)
            else:
                col_no += 1
                at = (row_no, col_no)
            cells[at] = _value(cell, strings, formats)
    merged = [_range(m.get("ref") or "", columns) for m in root.iter(MAIN + "mergeCell")]
    return Sheet(title, _rows(cells, merged), merged)


def _range(ref: str, columns: dict[str, int]) -> tuple[int, int, int, int]:
    first, _, last = ref.partition(":")
    (r1, c1), (r2, c2) = _coordinate(first, columns), _coordinate(last or first, columns)
    if r1 > r2 or c1 > c2:
        raise ValueError(f"{ref} is not a valid range")
    return r1, c1, r2, c2


def _rows(cells: dict[tuple[int, int], object], merged: list[tuple[int, int, int, int]]) -> list[tuple]:
    """Rows 1..last of columns 1..last; a merged range keeps its first cell, its others are empty
    and count towards the last row and column (openpyxl makes them merged cells)."""
    if not cells and not merged:
        return []
    for r1, c1, r2, c2 in merged:
        if not 0 < r1 <= MAX_ROW:
            raise ValueError(f"row {r1} is outside 1..{MAX_ROW}")
        first = cells.get((r1, c1))
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                cells[r, c] = None
        cells[r1, c1] = first
    last_row = max(r for r, _ in cells)
    last_col = max(c for _, c in cells)
    get = cells.get
    return [tuple(get((r, c)) for c in range(1, last_col + 1)) for r in range(1, last_row + 1)]
