"""pipeline.read.xlsx_cells against openpyxl: every worksheet's values (and their types), rows and
merged ranges as ``load_workbook(data_only=True)`` and ``iter_rows(values_only=True)`` give them,
on workbooks written by openpyxl, by the project's own writer and by hand (the XML other programs
write: shared strings with rich text and phonetic runs, cells and rows without references,
cached formula results, errors, ISO dates, a workbook part elsewhere, the 1904 epoch)."""

from __future__ import annotations

import datetime as dt
import warnings
import zipfile

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.chart import BarChart, Reference
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from pipeline.read.xlsx_cells import read_sheets
from pipeline.report.workbook import Sheet as OutSheet, write_workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _openpyxl_view(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(path, data_only=True)
    return [(ws.title, [tuple(r) for r in ws.iter_rows(values_only=True)],
             sorted((r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges))
            for ws in book.worksheets]


def _our_view(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [(s.title, s.rows, sorted(s.merged)) for s in read_sheets(path)]


def _typed(view):
    """Values with their types: 1 == 1.0 == True, but a reader must not turn one into another."""
    return [(title, [tuple((type(v).__name__, v) for v in row) for row in rows], merged)
            for title, rows, merged in view]


# ----------------------------------------------------------------------------- workbooks


def _mixed_types(path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "台账"
    ws.append(["序号", "问题描述", "金额", "完成", "日期", "时刻", "时长", "公式", "错误"])
    ws.append([1, "理论学习不够深入\n第二行", 1.5, True, dt.datetime(2022, 6, 30), dt.time(8, 30),
               dt.timedelta(hours=36), "=1+1", "#N/A"])
    ws.append([2.0, "  前后空格  ", -3, False, dt.date(1900, 2, 28), None, None, None, None])
    ws.append([None, "_x000D_ 与 x005F_ 原样", 1e20, None, dt.datetime(2023, 1, 1, 12, 0, 0)])
    ws.cell(row=7, column=12, value="远处的单元格")  # gaps: rows 5-6 and columns J-K empty
    book.save(path)


def _merged_layout(path):
    """The ledger layout: a 填表说明 sheet, a merged title, a two-row header; a merge past the
    data, a hidden sheet, an empty sheet and a sheet with a merge and nothing else."""
    book = openpyxl.Workbook()
    book.active.title = "填表说明"
    book.active.append(["问题描述按反馈意见原文填写"])
    ws = book.create_sheet("整改台账")
    ws.append(["巡视反馈问题整改台账"])
    ws.merge_cells("A1:G1")
    ws.append(["序号", "问题类别", "问题描述", "责任单位", "整改时限", "整改情况", None])
    ws.append([None, None, None, None, None, "整改措施", "完成情况"])
    for col in "ABCDE":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("F2:G2")
    ws.append([1, "政治建设", "议事规则执行不严格", "办公室", "2022年6月底", "修订规则", "已完成"])
    ws.merge_cells("A6:J8")  # beyond every written cell
    hidden = book.create_sheet("隐藏")
    hidden.sheet_state = "hidden"
    hidden.append(["隐藏的表", 3])
    book.create_sheet("空表")
    only = book.create_sheet("只有合并")
    only.merge_cells("B2:C3")
    book.save(path)


def _epoch_1904(path):
    book = openpyxl.Workbook()
    book.epoch = CALENDAR_MAC_1904
    ws = book.active
    ws.append([dt.datetime(2022, 7, 19), dt.date(2021, 12, 31), 45])
    book.save(path)


def _number_formats(path):
    book = openpyxl.Workbook()
    ws = book.active
    for k, (fmt, value) in enumerate([('yyyy"年"m"月"d"日"', 44742), ("0.00", 44742), ("[h]:mm:ss", 1.25),
                                      ("@", 12), ("m/d", 44561.5), ("General", 7), ("h:mm", 0.75)], 1):
        cell = ws.cell(row=k, column=1, value=value)
        cell.number_format = fmt
    book.save(path)


def _rich_text_and_chartsheet(path):
    book = openpyxl.Workbook()
    ws = book.active
    ws["A1"] = CellRichText(["整改", TextBlock(InlineFont(b=True), "不到位"), "问题"])
    ws["A2"] = 3
    ws["A3"] = 4
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=1, min_row=2, max_row=3))
    book.create_chartsheet("图").add_chart(chart)
    book.create_sheet("后面的表").append(["图表之后"])
    book.save(path)


def _own_writer(path):
    write_workbook(path, [OutSheet("问题", [("编号", 8), ("问题", 40), ("相似度", 10)],
                                   [["1", "议事规则执行不严格", 0.812345], ["2", "=SUM(A1)", None], ["3", "", 1.0]],
                                   fill_col=1, fills=["FFCDD2", None, "C8E6C9"]),
                          OutSheet("空", [("列", 8)], [])])


def _zip(path, parts: dict[str, str]):
    with zipfile.ZipFile(path, "w") as book:
        for name, text in parts.items():
            book.writestr(name, text.encode("utf-8"))


def _hand_written(path, *, workbook="xl/workbook.xml", date1904="", style0_date=False):
    """XML as other programs write it: what openpyxl itself never writes."""
    folder = workbook.rsplit("/", 1)[0]
    wb_name = workbook.rsplit("/", 1)[1]
    content_types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{workbook}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/strings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>")
    book = (f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><workbookPr{date1904}/><sheets>'
            '<sheet name="WPS表" sheetId="1" r:id="rId1"/><sheet name="缺失" sheetId="2" r:id="rId2"/>'
            '<sheet name="第二" sheetId="3" state="veryHidden" r:id="rId3"/></sheets></workbook>')
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="/xl/worksheets/a.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/missing.xml"/>'
            f'<Relationship Id="rId3" Type="{REL}/worksheet" Target="../xl/worksheets/b.xml"/></Relationships>')
    strings = (f'<sst xmlns="{MAIN}">'
               "<si><t>问题描述</t></si>"
               '<si><r><rPr><b/></rPr><t>落实</t></r><r><t xml:space="preserve"> 不到位 </t></r>'
               "<rPh sb=\"0\" eb=\"1\"><t>ラク</t></rPh></si>"
               "<si><t/></si><si><t>a_x005F_x000D_b</t></si><si><t>第一行\n第二行</t></si></sst>")
    styles = (f'<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/m/d"/></numFmts>'
              f'<cellXfs count="4"><xf numFmtId="{14 if style0_date else 0}"/><xf numFmtId="176"/>'
              '<xf numFmtId="2"/><xf numFmtId="22"/></cellXfs></styleSheet>')
    sheet_a = (f'<worksheet xmlns="{MAIN}"><sheetData>'
               '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
               '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>'
               '<row r="2"><c r="A2"><v>12</v></c><c r="B2" s="1"><v>44742</v></c><c r="C2" s="2"><v>3.50</v></c>'
               '<c r="D2" s="3"><v>44742.5</v></c><c r="E2" t="b"><v>1</v></c><c r="F2" t="str"><f>A1</f><v>问题描述</v></c>'
               '<c r="G2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="H2"><f>1+1</f></c><c r="I2"><v></v></c></row>'
               '<row><c><v>1E3</v></c><c t="inlineStr"><is><t>行内</t></is></c><c t="inlineStr"/><c/>'
               '<c t="d"><v>2022-07-19T08:30:00</v></c><c t="d"><v>2022-07-19</v></c><c s="1"><v>0.25</v></c></row>'
               '<row r="5" spans="1:3"><c r="C5" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c>'
               '<c r="B5" t="n"><v>-7</v></c></row>'
               '</sheetData><mergeCells count="1"><mergeCell ref="H2:I3"/></mergeCells></worksheet>')
    sheet_b = f'<worksheet xmlns="{MAIN}"><sheetData><row r="3"><c r="B3" t="s"><v>0</v></c></row></sheetData></worksheet>'
    _zip(path, {"[Content_Types].xml": content_types, workbook: book, f"{folder}/_rels/{wb_name}.rels": rels,
                "xl/strings.xml": strings, "xl/styles.xml": styles, "xl/worksheets/a.xml": sheet_a,
                "xl/worksheets/b.xml": sheet_b})


WORKBOOKS = {
    "mixed_types": _mixed_types,
    "merged_layout": _merged_layout,
    "epoch_1904": _epoch_1904,
    "number_formats": _number_formats,
    "rich_text_and_chartsheet": _rich_text_and_chartsheet,
    "own_writer": _own_writer,
    "hand_written": _hand_written,
    "hand_written_elsewhere_1904": lambda p: _hand_written(p, workbook="book/main.xml", date1904=' date1904="1"'),
    "hand_written_style0_date": lambda p: _hand_written(p, style0_date=True, date1904=' date1904="false"'),
}


@pytest.mark.parametrize("name", sorted(WORKBOOKS))
def test_xlsx_cells_read_as_openpyxl_reads(tmp_path, name):
    path = tmp_path / f"{name}.xlsx"
    WORKBOOKS[name](path)
    ours = _our_view(path)
    assert ours, "every workbook here has a worksheet"
    assert _typed(ours) == _typed(_openpyxl_view(path))


@pytest.mark.parametrize("name, sheet, row, expected", [
    ("hand_written", "WPS表", 0, ("问题描述", "落实 不到位 ", "", "a_x000D_b", "第一行\n第二行", None, None, None, None)),
    ("hand_written", "WPS表", 1, (12, dt.datetime(2022, 6, 30), 3.5, dt.datetime(2022, 6, 30, 12), True, "问题描述",
                                  "#DIV/0!", None, None)),
    ("hand_written", "WPS表", 2, (1000.0, "行内", None, None, dt.datetime(2022, 7, 19, 8, 30), dt.date(2022, 7, 19),
                                  dt.time(6), None, None)),
    ("hand_written", "WPS表", 4, (None, -7, "富文本", None, None, None, None, None, None)),
    ("hand_written", "第二", 2, (None, "问题描述")),
    ("hand_written_elsewhere_1904", "WPS表", 1, (12, dt.datetime(2026, 7, 1), 3.5, dt.datetime(2026, 7, 1, 12), True,
                                                 "问题描述", "#DIV/0!", None, None)),
    ("hand_written_style0_date", "WPS表", 1, (dt.datetime(1900, 1, 12), dt.datetime(2022, 6, 30), 3.5,
                                              dt.datetime(2022, 6, 30, 12), True, "问题描述", "#DIV/0!", None, None)),
    ("merged_layout", "整改台账", 0, ("巡视反馈问题整改台账", None, None, None, None, None, None, None, None, None)),
    ("merged_layout", "只有合并", 2, (None, None, None)),
])
def test_xlsx_cells_values(tmp_path, name, sheet, row, expected):
    path = tmp_path / f"{name}.xlsx"
    WORKBOOKS[name](path)
    sheets = {s.title: s for s in read_sheets(path)}
    assert "缺失" not in sheets and "图" not in sheets  # a sheet whose part is missing, a chartsheet
    assert sheets[sheet].rows[row] == expected
    assert [type(v) for v in sheets[sheet].rows[row]] == [type(v) for v in expected]


@pytest.mark.parametrize("parts, error", [
    ({"[Content_Types].xml": "<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'/>"}, OSError),
    ({"[Content_Types].xml": "<Types"}, ValueError),
    ({}, KeyError),
])
def test_xlsx_cells_unreadable_workbooks_raise(tmp_path, parts, error):
    path = tmp_path / "bad.xlsx"
    _zip(path, parts)
    with pytest.raises(error):
        read_sheets(path)
