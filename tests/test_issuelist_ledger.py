"""Ledgers (整改台账) as offices keep them, generated with openpyxl: title rows, the ledger behind a
填表说明 sheet, two-row merged headers, 问题类别 beside 问题描述; ids as written; bad rows reported."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from pipeline.errors import InputError
from pipeline.issuelist import read_ledger
from pipeline.review import load_issue_list, run_review
from pipeline.tables import match_tables

ROWS = [
    (1, "政治建设", "理论学习中心组学习不够深入", "办公室", "2024年6月底", "制定学习计划", "已完成"),
    (2, "政治建设", "议事协调机构作用发挥不充分", "研究室", "长期坚持", "修订议事规则", "推进中"),
    (3, "从严治党", "课题经费管理不规范", "机关党委", "2024年3月", "出台经费管理办法", "已完成"),
]
HEADER = ["序号", "问题类别", "问题描述", "责任单位", "整改时限", "整改措施", "完成情况"]


def _title_rows(path):
    """A merged title row and a date line above the header."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["某某局巡察反馈问题整改台账"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append(["填报单位：某某局", None, None, None, "填报日期：2024年5月"])
    ws.append(HEADER)
    for row in ROWS:
        ws.append(list(row))
    book.save(path)


def _second_sheet(path):
    """A 填表说明 sheet first, the ledger on the second."""
    book = openpyxl.Workbook()
    book.active.title = "填表说明"
    book.active.append(["1. 问题描述按反馈意见原文填写"])
    book.active.append(["2. 整改时限填写具体日期"])
    ws = book.create_sheet("整改台账")
    ws.append(HEADER)
    for row in ROWS:
        ws.append(list(row))
    book.save(path)


def _two_row_header(path):
    """序号/问题类别/问题描述/责任单位/整改时限 merged over two rows, 整改情况 over 整改措施 | 完成情况."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["序号", "问题类别", "问题描述", "责任单位", "整改时限", "整改情况", None])
    ws.append([None, None, None, None, None, "整改措施", "完成情况"])
    for col in range(1, 6):
        ws.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
    ws.merge_cells(start_row=1, start_column=6, end_row=1, end_column=7)
    for row in ROWS:
        ws.append(list(row))
    book.save(path)


def _csv_with_category(path):
    """A CSV (GB18030, as spreadsheet programs save it) with 问题类别 before 存在问题."""
    with open(path, "w", encoding="gb18030", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["序号", "问题类别", "存在问题", "责任单位", "整改时限", "整改措施", "完成情况"])
        for row in ROWS:
            writer.writerow(row)


LAYOUTS = {"title_rows.xlsx": _title_rows, "second_sheet.xlsx": _second_sheet, "two_row_header.xlsx": _two_row_header,
           "category.csv": _csv_with_category}


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_issues_ledger_layouts_read_every_problem(tmp_path, name):
    path = tmp_path / name
    LAYOUTS[name](path)
    ledger = read_ledger(path)
    problems = [i for i in ledger.issues if i.level == 2]
    assert [(p.issue_id, p.text) for p in problems] == [(str(r[0]), r[2]) for r in ROWS]
    assert [p.parent_id for p in problems] == ["A1", "A1", "A2"]
    assert [i.text for i in ledger.issues if i.level == 1] == ["政治建设", "从严治党"]
    first = problems[0].extra
    assert (first["aspect"], first["owner"], first["deadline"], first["measures"], first["progress"]) == ROWS[0][1:2] + ROWS[0][3:]
    assert {p.extra["how"] for p in problems} == {"table"} and ledger.errors == []


def test_issues_ledger_sheet_chosen_by_name_or_index(tmp_path):
    path = tmp_path / "book.xlsx"
    _second_sheet(path)
    assert read_ledger(path, sheet="整改台账").sheet == "整改台账"
    assert len(read_ledger(path, sheet="1").issues) == 5
    with pytest.raises(InputError) as info:
        read_ledger(path, sheet="填表说明")
    assert info.value.error_type == "no_problem_column"
    with pytest.raises(InputError) as info:
        read_ledger(path, sheet="没有这张表")
    assert info.value.error_type == "no_sheet" and "整改台账" in info.value.reason


def test_issues_ledger_empty_problem_and_duplicate_id_are_error_rows(tmp_path):
    path = tmp_path / "bad.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "台账"
    ws.append(HEADER)
    ws.append([1, "政治建设", "理论学习不够深入", "办公室", None, None, None])
    ws.append([2, "政治建设", None, "研究室", None, None, None])  # empty problem cell
    ws.append([1, "从严治党", "经费管理不规范", "机关党委", None, None, None])  # id 1 again
    ws.append([None] * 7)  # an empty row is no error
    book.save(path)
    ledger = read_ledger(path)
    assert [i.issue_id for i in ledger.issues if i.level == 2] == ["1"]
    assert [(e.stage, e.error_type) for e in ledger.errors] == [("issues", "empty_problem"), ("issues", "duplicate_id")]
    assert "'台账' row 3" in ledger.errors[0].message and "'台账' row 4" in ledger.errors[1].message


def test_issues_ledger_ids_as_written(tmp_path):
    path = tmp_path / "ids.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["编号", "存在问题"])
    for iid, text in ((1, "甲问题不够规范"), (2.0, "乙问题不到位"), ("3-1", "丙问题滞后"), ("（四）", "丁问题薄弱")):
        ws.append([iid, text])
    book.save(path)
    assert [i.issue_id for i in read_ledger(path).issues] == ["1", "2", "3-1", "(四)"]


def test_issues_ledger_columns_reach_the_issues_table(tmp_path):
    path = tmp_path / "ledger.xlsx"
    _two_row_header(path)
    issue_list = load_issue_list(path)
    frame = match_tables(issue_list.issues, [], [])["issues"]
    row = frame[frame["issue_id"] == "3"].iloc[0]
    assert (row["owner"], row["deadline"], row["measures"], row["progress"], row["aspect"]) == (
        "机关党委", "2024年3月", "出台经费管理办法", "已完成", "从严治党")


def test_issues_ledger_errors_reach_the_run(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("序号,问题描述\n1,理论学习不够深入\n2,\n", encoding="utf-8")
    outcome = run_review([], issues=path)
    assert [e.error_type for e in outcome.errors] == ["empty_problem"]
    assert [i.issue_id for i in outcome.review.issues] == ["1"]


def test_issues_ledger_500_rows(tmp_path):
    """The 500-row ledger reads whole (its time is printed by benchmarks/bench_ledger.py)."""
    path = tmp_path / "big.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["巡察反馈问题整改台账（500条）"])
    ws.append(HEADER)
    for k in range(1, 501):
        ws.append([k, f"类别{k % 7}", f"第{k}项问题整改不到位，制度执行不严", f"单位{k % 13}", "2024年12月", f"措施{k}", "推进中"])
    book.save(path)
    ledger = read_ledger(path)
    problems = [i for i in ledger.issues if i.level == 2]
    assert len(problems) == 500 and problems[-1].issue_id == "500" and ledger.errors == []


def _ledger_with_padding(path, members: int = 0, padding: int = 0):
    """The three-row ledger, plus ``members`` extra zip members and one member of ``padding`` zero bytes."""
    import zipfile

    _title_rows(path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        for k in range(members):
            archive.writestr(f"xl/media/pad{k}.bin", b"")
        if padding:
            archive.writestr("xl/media/zeros.bin", b"\0" * padding)
    return path


@pytest.mark.parametrize(
    ("limits", "error_type"),
    [
        ({"max_zip_entries": 40}, "too_many_entries"),
        ({"max_xlsx_uncompressed_bytes": 5_000_000}, "too_large"),
        ({"max_file_bytes": 10_000}, "too_large"),
    ],
)
def test_issues_ledger_zip_bomb_is_refused_before_inflating(tmp_path, limits, error_type):
    """Regression: our own XLSX reader (which replaced openpyxl) first had no zip-bomb guard."""
    from pipeline.issuelist.ledger import sheets_of
    from pipeline.limits import Limits

    path = _ledger_with_padding(tmp_path / "bomb.xlsx", members=50, padding=8_000_000)
    assert path.stat().st_size > 10_000
    assert len(sheets_of(path)) == 1  # fine with the defaults
    with pytest.raises(InputError) as info:
        sheets_of(path, limits=Limits(**limits))
    assert (info.value.error_type, info.value.stage) == (error_type, "issues")
    assert str(path) in info.value.reason and "limit is" in info.value.reason


def test_issues_ledger_zip_bomb_at_the_default_limit_is_an_error_row(tmp_path):
    path = _ledger_with_padding(tmp_path / "bomb.xlsx", padding=201 * 1024 * 1024)
    assert path.stat().st_size < 1024 * 1024  # zeros deflate a thousandfold
    with pytest.raises(InputError) as info:
        load_issue_list(path)
    assert info.value.error_type == "too_large" and "XLSX inflates to" in info.value.reason


_LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{k} "{("&lol" + (str(k - 1) if k > 1 else "") + ";") * 10}">' for k in range(1, 10))
           + "]>")
_EXTERNAL = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize(("doctype", "entity", "said"), [
    (_LAUGHS, "&lol9;", "amplification"),  # a billion laughs: a gigabyte from 1 KB
    (_EXTERNAL, "&xxe;", "undefined entity"),  # an external entity is never fetched
])
def test_issues_ledger_entity_attacks_are_refused(tmp_path, doctype, entity, said):
    """Our own XLSX reader parses with expat: its amplification limit and its refusal of external
    entities keep both attacks out; the list becomes an error row (the reason says which)."""
    import zipfile

    plain = tmp_path / "plain.xlsx"
    book = openpyxl.Workbook()
    book.active.append(HEADER[:3])
    book.active.append([1, "政治建设", "PROBLEM"])
    book.save(plain)
    hostile = tmp_path / "hostile.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(hostile, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8").split("?>", 1)[-1]
                assert "PROBLEM" in text
                data = ('<?xml version="1.0"?>' + doctype + text.replace("PROBLEM", entity)).encode("utf-8")
            out.writestr(item, data)
    with pytest.raises(InputError) as info:
        load_issue_list(hostile)
    assert info.value.error_type == "unreadable_table" and said in info.value.reason
