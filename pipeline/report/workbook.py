"""A small XLSX writer for the reviewer's workbook: sheets of rows, a few fixed styles.

Why not openpyxl here: it styles cell by cell (a style object hashed and looked up per cell)
and writes every Chinese character as a character reference, so a 10,000-problem review
(half a million cells) took half a minute to write.  review.xlsx needs little: a bold header,
wrapped top-aligned cells, one coloured column, widths, a frozen header row and a filter.
So each cell gets one of a handful of style numbers, text goes once into the shared-string
table, and the parts are written as UTF-8 XML into the zip.  Opened in Excel, LibreOffice,
openpyxl or pandas, the cells, values, styles, widths, panes and filters are those the
openpyxl version wrote.

Values: ``str`` (shared strings, cut at Excel's 32,767 characters, control characters as
spaces; "" an empty text cell, as openpyxl writes it), ``int`` and ``float`` (``%.16g``, as
openpyxl; NaN and infinities empty), ``bool``, ``None`` (an empty styled cell).  Text is
always text: a string starting with ``=`` is not a formula.
"""

from __future__ import annotations

import math
import numbers
import os
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"

#: cellXfs: 0 plain, 1 header (bold), 2 wrapped and top-aligned; 3.. wrapped with a fill each
_PLAIN, _HEADER, _WRAP = 0, 1, 2
_RARE = re.compile("[\r\ufffe\uffff]")  # a carriage return kept as written; two non-characters XML forbids
_RARE_ESCAPES = {"\r": "&#13;", "\ufffe": " ", "\uffff": " "}
EXCEL_MAX_CHARS = 32_767
_CONTROL = {c: " " for c in range(32) if c not in (9, 10, 13)}
_HAS_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"})


@dataclass(slots=True)
class Sheet:
    """One sheet: a bold header row of (name, column width), then rows of values.

    ``fill_col`` is the column whose cells are coloured; ``fills[k]`` the RGB colour (``FFCDD2``)
    of row k's cell there, or None.
    """

    title: str
    header: Sequence[tuple[str, float]]
    rows: Sequence[Sequence]
    fill_col: int | None = None
    fills: Sequence[str | None] = field(default_factory=tuple)


def column_letter(index: int) -> str:
    """``A`` for 0, ``Z`` for 25, ``AA`` for 26."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: str) -> str:
    """Text escaped for an XML element (C-speed replaces; the rare characters only when present)."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _RARE.sub(lambda m: _RARE_ESCAPES[m.group(0)], value) if _RARE.search(value) else value


def cell_text(value: str) -> str:
    """A text as a cell holds it: at most 32,767 characters (Excel's limit), control characters
    other than tab and line breaks as spaces (XML cannot hold them)."""
    value = value[:EXCEL_MAX_CHARS]
    return value.translate(_CONTROL) if _HAS_CONTROL.search(value) else value  # translate is slow on long text


class _Strings:
    """The shared-string table: each distinct text once (made cell-safe once), cells refer to it by number."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def xml(self) -> str:
        items = []
        for raw in self.index:
            s = cell_text(raw)
            space = ' xml:space="preserve"' if s[:1].isspace() or s[-1:].isspace() else ""
            items.append(f"<si><t{space}>{_text(s)}</t></si>")
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{_MAIN}" '
                f'uniqueCount="{len(self.index)}">{"".join(items)}</sst>')


def _row_xml(values: Sequence, r: int, heads: list[str], tails: list[str], strings: dict[str, int]) -> str:
    """One row; ``heads[k]`` is ``<c r="B`` for column k, ``tails[k]`` its style attribute ``" s="2"``.
    Common types first, by exact type (fast)."""
    cells = []
    append = cells.append
    for head, tail, value in zip(heads, tails, values):
        kind = type(value)
        if kind is str and value:
            number = strings.get(value)
            if number is None:
                number = strings[value] = len(strings)
            append(f'{head}{r}{tail} t="s"><v>{number}</v></c>')
        elif value is None:
            append(f'{head}{r}{tail}/>')
        elif kind is int or (kind is float and math.isfinite(value)):
            append(f'{head}{r}{tail} t="n"><v>{"%.16g" % value}</v></c>')
        else:
            append(_other_cell(head, r, tail, value, strings))
    return f'<row r="{r}">{"".join(cells)}</row>'


def _other_cell(head: str, r: int, tail: str, value, strings: dict[str, int]) -> str:
    """The rarer values: "", booleans, NaN and infinities, numpy numbers, subclasses of str."""
    if isinstance(value, str):
        if not value:  # an empty text cell, as openpyxl writes it
            return f'{head}{r}{tail} t="inlineStr"/>'
        number = strings.setdefault(str(value), len(strings))
        return f'{head}{r}{tail} t="s"><v>{number}</v></c>'
    if isinstance(value, bool):
        return f'{head}{r}{tail} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, numbers.Real):
        if math.isfinite(value):
            return f'{head}{r}{tail} t="n"><v>{"%.16g" % value}</v></c>'
        return f'{head}{r}{tail}/>'
    raise TypeError(f"row {r}: cannot write a {type(value).__name__} in a cell")


def _sheet_xml(sheet: Sheet, fill_styles: dict[str, int], strings: dict[str, int]) -> tuple[str, str]:
    """The worksheet XML and its filter range."""
    width = len(sheet.header)
    letters = [column_letter(k) for k in range(width)]
    heads = [f'<c r="{letter}' for letter in letters]
    ref = f"A1:{letters[-1]}{len(sheet.rows) + 1}"
    parts = [_row_xml([name for name, _ in sheet.header], 1, heads, [f'" s="{_HEADER}"'] * width, strings)]
    plain = [f'" s="{_WRAP}"'] * width
    filled = {}  # colour -> the row's style attributes with that fill
    for colour, style in fill_styles.items():
        if sheet.fill_col is not None:
            filled[colour] = list(plain)
            filled[colour][sheet.fill_col] = f'" s="{style}"'
    for k, row in enumerate(sheet.rows):
        colour = sheet.fills[k] if sheet.fill_col is not None and k < len(sheet.fills) else None
        parts.append(_row_xml(row, k + 2, heads, filled[colour] if colour else plain, strings))
    cols = "".join(f'<col min="{k + 1}" max="{k + 1}" width="{w:g}" customWidth="1"/>'
                   for k, (_, w) in enumerate(sheet.header))
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}">'
           f'<dimension ref="{ref}"/><sheetViews><sheetView workbookViewId="0">'
           '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
           '<selection pane="bottomLeft" activeCell="A1" sqref="A1"/></sheetView></sheetViews>'
           f'<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/><cols>{cols}</cols>'
           f'<sheetData>{"".join(parts)}</sheetData><autoFilter ref="{ref}"/>'
           '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>')
    return xml, ref


def _styles_xml(colours: list[str]) -> str:
    fills = "".join(f'<fill><patternFill patternType="solid"><fgColor rgb="00{c}"/></patternFill></fill>' for c in colours)
    wrap = '<alignment vertical="top" wrapText="1"/>'
    filled = "".join(f'<xf numFmtId="0" fontId="0" fillId="{k + 2}" borderId="0" xfId="0" applyFill="1" '
                     f'applyAlignment="1">{wrap}</xf>' for k in range(len(colours)))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{_MAIN}">'
            '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
            '<font><b val="1"/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
            f'<fills count="{len(colours) + 2}"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill>'
            f'{fills}</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(colours) + 3}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
            f'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">{wrap}</xf>{filled}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def _workbook_xml(sheets: list[Sheet], refs: list[str]) -> str:
    entries = "".join(f'<sheet name="{s.title.translate(_ATTR_ESCAPES)}" sheetId="{k + 1}" r:id="rId{k + 1}"/>'
                      for k, s in enumerate(sheets))
    filters = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{k}" hidden="1">'
        f"{_text(_absolute(s.title, ref))}</definedName>" for k, (s, ref) in enumerate(zip(sheets, refs)))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
            f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{entries}</sheets>'
            f'<definedNames>{filters}</definedNames><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')


def _absolute(title: str, ref: str) -> str:
    """'Sheet'!$A$1:$I$9, the form a defined name holds."""
    first, last = ref.split(":")

    def dollar(cell: str) -> str:
        k = next(i for i, ch in enumerate(cell) if ch.isdigit())
        return f"${cell[:k]}${cell[k:]}"

    return "'{}'!{}:{}".format(title.replace("'", "''"), dollar(first), dollar(last))


def _package(n_sheets: int) -> dict[str, str]:
    """The parts that only list the others: content types and relationships."""
    xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{k}.xml" ContentType="{_TYPE}.worksheet+xml"/>'
                     for k in range(1, n_sheets + 1))
    rels = "".join(f'<Relationship Id="rId{k}" Type="{_REL}/worksheet" Target="worksheets/sheet{k}.xml"/>'
                   for k in range(1, n_sheets + 1))
    return {
        "[Content_Types].xml": (
            f'{xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}.styles+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_TYPE}.sharedStrings+xml"/>{sheets}</Types>'),
        "_rels/.rels": (f'{xml}<Relationships xmlns="{_PKG_REL}">'
                        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/_rels/workbook.xml.rels": (
            f'{xml}<Relationships xmlns="{_PKG_REL}">{rels}'
            f'<Relationship Id="rId{n_sheets + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId{n_sheets + 2}" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"),
    }


def write_workbook(path: str | os.PathLike, sheets: Sequence[Sheet]) -> None:
    """Write ``sheets`` as one XLSX file at ``path`` (the caller makes the write atomic)."""
    sheets = list(sheets)
    if not sheets:
        raise ValueError("a workbook needs at least one sheet")
    colours = list(dict.fromkeys(c for s in sheets if s.fill_col is not None for c in s.fills if c))
    fill_styles = {c: _WRAP + 1 + k for k, c in enumerate(colours)}
    strings = _Strings()
    parts = {}
    refs = []
    for k, sheet in enumerate(sheets, 1):
        parts[f"xl/worksheets/sheet{k}.xml"], ref = _sheet_xml(sheet, fill_styles, strings.index)
        refs.append(ref)
    parts["xl/sharedStrings.xml"] = strings.xml()
    parts["xl/styles.xml"] = _styles_xml(colours)
    parts["xl/workbook.xml"] = _workbook_xml(sheets, refs)
    parts.update(_package(len(sheets)))
    order = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
             "xl/sharedStrings.xml", *(f"xl/worksheets/sheet{k}.xml" for k in range(1, len(sheets) + 1))]
    with zipfile.ZipFile(Path(path), "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:  # level 6: 3x the time, 25% smaller
        for name in order:
            book.writestr(name, parts[name].encode("utf-8"))
