"""review.xlsx's own writer (pipeline.report.workbook) gives the workbook openpyxl gave: read back
with openpyxl, the same values, types, fonts, fills, alignments, widths, panes and filters."""

from __future__ import annotations

import math

import numpy as np
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from pipeline.report.workbook import Sheet, cell_text, column_letter, write_workbook

HEADER = [("编号", 10), ("问题", 60.5), ("结论", 12), ("数", 8), ("分", 9)]
ROWS = [
    ["1", "理论学习不够深入", "未回应", 3, 0.123456789012345678],
    ["002", "  前后有空格  ", "已回应", 2**60, float("nan")],
    ["3", "控制\x01字符\x1f与\t制表\n换行\r回车", None, True, float("inf")],
    ["4", "<script>&amp;</script> \"引号\" '单引号'", "", np.int64(7), np.float64(2.5)],
    ["5", "长" * 40_000, "回应薄弱", -0.0, 1e-300],
    ["6", "", "仅有计划", None, 12345678901234567.0],
]
FILLS = {"未回应": "FFCDD2", "已回应": "C8E6C9", "回应薄弱": "FFF9C4", "仅有计划": "FFE0B2"}


def _reference(path) -> None:
    """The sheet as the openpyxl version of review.xlsx wrote it: cell by cell."""
    book = Workbook()
    book.remove(book.active)
    ws = book.create_sheet("问题")
    ws.append([name for name, _ in HEADER])
    for row in ROWS:
        ws.append([cell_text(v) if isinstance(v, str) else v for v in row])
    for k, (_, width) in enumerate(HEADER, 1):
        ws.column_dimensions[get_column_letter(k)].width = width
        ws.cell(1, k).font = Font(bold=True)
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        colour = FILLS.get(line[2].value)
        if colour:
            line[2].fill = PatternFill("solid", fgColor=colour)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    book.save(path)


def _view(path) -> dict:
    book = load_workbook(path)
    out = {"sheets": book.sheetnames}
    for ws in book.worksheets:
        cells = [(c.coordinate, "nan" if isinstance(c.value, float) and math.isnan(c.value) else c.value, c.data_type,
                  c.font.b, c.fill.fill_type, c.fill.fgColor.rgb if c.fill.fill_type else None, c.alignment.wrap_text,
                  c.alignment.vertical) for row in ws.iter_rows() for c in row]
        widths = {k: d.width for k, d in ws.column_dimensions.items()}
        out[ws.title] = (cells, widths, ws.freeze_panes, ws.auto_filter.ref, ws.max_row, ws.max_column)
    return out


def test_workbook_reads_back_as_openpyxl_wrote_it(tmp_path):
    _reference(tmp_path / "reference.xlsx")
    fills = [FILLS.get(row[2]) for row in ROWS]
    write_workbook(tmp_path / "ours.xlsx", [Sheet("问题", HEADER, ROWS, 2, fills)])
    assert _view(tmp_path / "ours.xlsx") == _view(tmp_path / "reference.xlsx")
    problems = load_workbook(tmp_path / "ours.xlsx")["问题"]
    assert len(problems["B6"].value) == 32_767 and problems["B4"].value == "控制 字符 与\t制表\n换行\r回车"


def test_workbook_text_is_never_a_formula_and_sheets_keep_their_order(tmp_path):
    rows = [["=HYPERLINK(\"http://example.org\")", "+1", "@SUM(A1)"]]
    write_workbook(tmp_path / "w.xlsx", [Sheet("标记", [("a", 8), ("b", 8), ("c", 8)], rows),
                                         Sheet("空表", [("x", 8)], [])])
    book = load_workbook(tmp_path / "w.xlsx")
    assert book.sheetnames == ["标记", "空表"]
    assert [(c.value, c.data_type) for c in book["标记"][2]] == [
        ('=HYPERLINK("http://example.org")', "s"), ("+1", "s"), ("@SUM(A1)", "s")]
    assert book["空表"].auto_filter.ref == "A1:A1" and book["空表"].freeze_panes == "A2"


def test_column_letters():
    assert [column_letter(k) for k in (0, 25, 26, 51, 52, 701, 702)] == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]
