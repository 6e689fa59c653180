"""Tables in text: a ledger's column names and how a header is read; tables copied a cell a line or pasted as CSV.

A 整改台账 copied out of a PDF or a web page's table often comes out one cell per line: the
header's names (序号, 反馈问题, 整改措施, 责任部门, 完成时限, 完成情况) each on a line, then each
row's 序号 and its cells, a long cell sometimes wrapped onto a line of its own.  Read as lines,
the row falls apart: its 完成情况 is a line of its own, its 完成时限 a date alone, and nothing
says which problem they belong to.  :func:`join_cell_lines` turns the line breaks between a
row's cells into tabs (one character for one: every offset stays valid), so that the table reads
as the DOCX and HTML readers write one: a row a line, its cells between tabs.

A ledger exported to CSV and pasted into a report comes out a row a line, its cells between ASCII
commas, while a cell's own text keeps its full-width ，.  :func:`split_comma_rows` makes those
commas tabs; it must run before the width fold, which makes a cell's ，a comma too.
"""

from __future__ import annotations

import re

from pipeline.lang.text import ANY_SPACES, lines, row_cells, strip_span

#: Header names per field, in priority order (exact names first, then containment).
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("序号", "编号", "问题编号", "问题序号", "id", "ID", "No", "no", "No."),
    "problem": ("问题描述", "存在问题", "问题内容", "具体问题", "问题表现", "主要问题", "突出问题", "反馈问题", "问题", "problem", "issue"),
    "aspect": ("问题类别", "问题类型", "方面", "类别", "类型", "领域", "问题分类", "aspect", "category"),
    "owner": ("责任单位", "责任部门", "牵头单位", "责任领导", "责任人", "牵头领导", "整改责任人", "owner"),
    "deadline": ("整改时限", "完成时限", "整改期限", "时限", "完成时间", "截止时间", "deadline"),
    "measures": ("整改措施", "整改举措", "措施", "measures"),
    "progress": ("完成情况", "整改进展", "进展情况", "整改情况", "整改完成情况", "进度", "progress"),
}

#: A record's field line under its measures (整改责任人:… / 整改时限:…, then 整改进展:…): a ledger's owner or deadline
#: column written one field a line, no part of the measure above it (a progress line may be the answer: 整改情况:…).
RECORD_FIELD_LINE = re.compile(r"[ \t\u3000]*(?:%s)[:]" % "|".join(
    sorted({n for f in ("owner", "deadline") for n in HEADERS[f] if not n.isascii()}, key=len, reverse=True)))

_NAME = "|".join(sorted({re.escape(n) for names in HEADERS.values() for n in names if not n.isascii()}, key=len,
                        reverse=True))
#: a header of at least four names, each alone on its line, the first an id's (序号, 编号)
_HEADER = re.compile(rf"^[ \t]*(?:{'|'.join(HEADERS['id'][:4])})[ \t]*\n(?:[ \t]*(?:{_NAME})[ \t]*\n){{3,}}", re.M)
_ID_LINE = re.compile(r"[ \t]*(\d{1,3})[.．、]?[ \t]*")
#: a cell that goes on on the next line ends in none of these
_CELL_END = tuple("。;；!！?？)）】”\"")


#: a line of at least four short cells between ASCII commas: a CSV header's candidates (its names are checked after)
_COMMA_HEADER = re.compile(r"^[ \t]*[^\s,，。;；:：\d]{1,12}(?:[ \t]*,[ \t]*[^\s,，。;；:：\d]{1,12}){3,}[ \t]*$", re.M)
#: an ASCII comma outside a "…" quoted cell
_COMMA = re.compile(r'"[^"\n]*"|,')


def split_comma_rows(text: str) -> str:
    """``text`` with each ledger pasted as CSV (a header of column names, then rows of as many cells) made a row a
    line, its cells between tabs.  A row with more commas than the header keeps the extra ones in its measures cell
    (the one cell that runs to sentences: 1,A,修订办法,明确职责,人事处,9月底前,已完成); a row of fewer cells, or of
    more with no measures column, ends the table.  Run before the width fold."""
    if "," not in text:
        return text
    chars: list[str] | None = None
    for m in _COMMA_HEADER.finditer(text):
        fields = _ledger_fields(m.group().split(","))
        if fields is None:
            continue
        width = len(fields) - 1
        free = next((k for k, f in enumerate(fields) if f == "measures"), None)  # commas before it are separators
        cuts = [m.start() + i for i, c in enumerate(m.group()) if c == ","]
        rows = 0
        for s, e, _ in lines(text, m.end() + 1):
            if s >= len(text):
                break
            row = [c.start() for c in _COMMA.finditer(text, s, e) if c.group() == ","]
            if len(row) > width and free is not None:
                row = row[:free] + row[len(row) - (width - free):]
            if len(row) != width:
                break
            cuts += row
            rows += 1
        if rows:
            chars = chars if chars is not None else list(text)
            for i in cuts:
                chars[i] = "\t"
    return text if chars is None else "".join(chars)


def _ledger_fields(cells: list[str]) -> list[str | None] | None:
    """The field each of a line's cells names (:func:`match_columns`), when they name a ledger's columns: the first
    an id's or a problem's, three at least known names; else None."""
    columns = match_columns(cells)
    if len(columns) < 3 or 0 not in (columns.get("id"), columns.get("problem")):
        return None
    fields: list[str | None] = [None] * len(cells)
    for field, k in columns.items():
        fields[k] = field
    return fields


#: cells that are not the problem's although they contain 问题 (问题类别, 问题编号, 问题数量)
_NOT_PROBLEM = re.compile(r"类别|类型|分类|编号|序号|来源|数量|个数")


def _clean_header(value: str) -> str:
    return re.sub(r"\s+", "", value).strip("*:")


def match_columns(header: list[str], given: dict[str, str | None] | None = None) -> dict[str, int]:
    """Column index per field, read from a header's cells: a cell that is a known name (:data:`HEADERS`) first, then
    one that contains one; each column one field's.  Explicit names in ``given`` (field -> header) win.  The one
    reading of a header, whether a spreadsheet's row, a table line in a report or a record's field labels."""
    cells = [_clean_header(h) for h in header]
    found: dict[str, int] = {}
    for name, col in (given or {}).items():
        if col is not None and _clean_header(col) in cells:
            found[name] = cells.index(_clean_header(col))
    for name, candidates in HEADERS.items():
        if name in found:
            continue
        taken = set(found.values())
        hit = next((i for cand in candidates for i, c in enumerate(cells) if c == cand and i not in taken), None)
        if hit is None:
            hit = next((i for cand in candidates if len(cand) >= 2 for i, c in enumerate(cells)
                        if cand in c and i not in taken and not (name == "problem" and _NOT_PROBLEM.search(c))), None)
        if hit is not None:
            found[name] = hit
    return found


def join_cell_lines(text: str) -> str:
    """``text`` with each table written one cell per line made a row a line, its cells between tabs."""
    if "序号" not in text and "编号" not in text:  # every header opens so: most texts are done here
        return text
    chars: list[str] | None = None
    for m in _HEADER.finditer(text):
        breaks = _table_breaks(text, m.start(), m.end())
        if breaks:
            chars = chars if chars is not None else list(text)
            for i in breaks:
                chars[i] = "\t"
    return text if chars is None else "".join(chars)


def _lines_from(text: str, at: int) -> list[tuple[int, int]]:
    """(start, end) of each line from ``at`` (its break at ``end``, or the text's end); none after a final break."""
    return [(s, e) for s, e, _ in lines(text, at) if s < len(text)]


def _table_breaks(text: str, start: int, header_end: int) -> list[int]:
    """The line breaks between cells of the table whose header runs from ``start`` to ``header_end``:
    the header's, then each row's (a row opens with the next number alone on its line)."""
    header = _lines_from(text[:header_end], start)
    width = len(header)
    out = [end for _, end in header[:-1]]  # the header's last break (to the first row) stays a line break
    rows = []
    lines = _lines_from(text, header_end)
    k = 0
    expected = 1
    while k < len(lines) and _is_id(text, lines[k], expected):
        row = [lines[k]]
        k += 1
        # the row's cells run to the next number's line (an empty line is an empty cell: a merged 问题类别); the
        # last row has as many cells as the header, less what it leaves empty at its end
        nxt = next((j for j in range(k, min(len(lines), k + width + 2)) if _is_id(text, lines[j], expected + 1)), None)
        if nxt is None:
            cells = lines[k:k + width - 1]
            while cells and not text[cells[-1][0]:cells[-1][1]].strip():
                cells.pop()
            if rows and len(cells) > 1 and _unlike_last_cells(text, cells[-1], rows):
                cells.pop()  # a row one cell short (its category merged with the rows above): the text goes on after it
            nxt = k + len(cells)
        row += lines[k:nxt]
        k = nxt
        rows.append(row)
        expected += 1
    if len(rows) < 2:
        return []
    for row in rows:
        joins = [end for _, end in row[:-1]]
        extra = len(row) - width
        if extra > 0:  # a cell wrapped onto a line of its own: its break stays, the longest unfinished lines first
            wrapped = sorted((r for r in row[:-1] if not text[r[0]:r[1]].rstrip().endswith(_CELL_END)),
                             key=lambda r: r[0] - r[1])[:extra]
            joins = [end for end in joins if end not in {r[1] for r in wrapped}]
        out += joins
    return out


def _unlike_last_cells(text: str, cell: tuple[int, int], rows: list[list[tuple[int, int]]]) -> bool:
    """Whether ``cell``, the last of the table's last row, is a paragraph after the table rather than a cell of its
    last column: a sentence far longer than that column's cells in every row above (长期坚持, 2024年12月底)."""
    longest = max(row[-1][1] - row[-1][0] for row in rows)
    return text[cell[1] - 1] == "。" and cell[1] - cell[0] > max(2 * longest, longest + _PARAGRAPH_MARGIN)


#: How much longer than a column's longest cell a line must be to be no cell of it (a paragraph after the table).
_PARAGRAPH_MARGIN = 20


def _is_id(text: str, line: tuple[int, int], n: int) -> bool:
    m = _ID_LINE.fullmatch(text, *line)
    return m is not None and int(m.group(1)) == n


#: A header cell that names its column's unit (反馈问题(个), 整改措施(条)), and a caption that names the table's
#: (表1 交办问题整改进展情况(单位:个)).
_COLUMN_UNIT = re.compile(r"[(]([^()\d]{1,3})[)]\s*$")
_CAPTION_UNIT = re.compile(r"单位[:]\s*([^()\s,;,。]{1,3})")
#: A count table's figure cell (11, 2.5, 81.8%), and what a cell's ends lose.
_FIGURE = re.compile(r"\d+(?:\.\d+)?%?")
_BLANK = " \t\u3000\r\n"
#: Two figures side by side (…\t7\t1): the cheap first test for a table of counts.
_FIGURES_SIDE_BY_SIDE = re.compile(r"\d[\t \u3000]+\d")
#: A line that ends in two figure cells or more (…\t7\t1, … 1 81.8%): where a table of counts may be.
_FIGURES_LINE_END = re.compile(r"(?:[\t \u3000]\d+(?:\.\d+)?%?){2,}[ \t\u3000]*$", re.M)
#: Lines above a count table's header its caption may stand on (a page line and a running title between).
_CAPTION_LINES = 4


def count_cells(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, unit, column)`` of each whole-number cell of the tables of counts in ``text``: a header of three
    names or more without a figure, then two rows or more of as many cells, each a name followed by figures only
    (党的领导方面\\t2\\t8\\t7\\t1).  A cell's unit is its column's (反馈问题(个)) or the caption's above the header
    ((单位:项)); a column without one gives none (no unit is guessed).  Percent cells are left to the quantities'
    own reading."""
    # most texts have no two figures side by side, nor a line ending in two figure cells: done here
    if _FIGURES_SIDE_BY_SIDE.search(text) is None or _FIGURES_LINE_END.search(text) is None:
        return []
    spans = [(s, e) for s, e, _ in lines(text) if s < len(text)]
    out: list[tuple[int, int, str, str]] = []
    k = 0
    while k < len(spans):
        header = _cells(text, *spans[k])
        width = len(header)
        named = width >= 3 and not any(ch.isdigit() for _, _, c in header for ch in c)  # a header names, counts nothing
        rows = []
        j = k + 1
        while named and j < len(spans):
            row = _cells(text, *spans[j])
            if len(row) != width or _FIGURE.fullmatch(row[0][2]) or not all(_FIGURE.fullmatch(c) for _, _, c in row[1:]):
                break
            rows.append(row)
            j += 1
        if len(rows) < 2:
            k += 1
            continue
        caption = next((m.group(1) for s, e in reversed(spans[max(0, k - _CAPTION_LINES):k])
                        if (m := _CAPTION_UNIT.search(text, s, e))), None)
        for col, (_, _, name) in enumerate(header[1:], 1):
            unit = (m.group(1) if (m := _COLUMN_UNIT.search(name)) else None) or caption
            if unit is None:
                continue
            out += [(a, b, unit, name) for a, b, c in (row[col] for row in rows) if not c.endswith("%")]
        k = j
    return out


def _cells(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """The cells of the line ``[s, e)``, each without its spaces: between tabs where it has one, else between runs
    of spaces."""
    out = []
    for a, b in row_cells(text, s, e, "\t" if "\t" in text[s:e] else ANY_SPACES):
        a, b = strip_span(text, a, b, lead=_BLANK, trail=_BLANK)
        out.append((a, b, text[a:b]))
    return out
