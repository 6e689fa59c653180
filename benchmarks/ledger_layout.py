"""The 整改台账 layout the ledger benchmarks generate: a 填表说明 sheet first, then the ledger
with a merged title row and a two-row header (整改情况 over 整改措施 and 完成情况); the CSV is
the same rows under a one-row header.  Shared by bench_ledger.py and bench_big_list.py."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

HEADER_TOP = ["序号", "问题类别", "问题描述", "责任单位", "整改时限", "整改情况", None]
HEADER_SUB = [None, None, None, None, None, "整改措施", "完成情况"]
HEADER_CSV = ["序号", "问题类别", "问题描述", "责任单位", "整改时限", "整改措施", "完成情况"]


def write_xlsx(path: Path, rows: Iterable[list], *, title: str) -> None:
    """A ledger as offices keep it: 填表说明 sheet first, merged title and two-row header."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "填表说明"
    book.active.append(["问题描述按反馈意见原文填写"])
    ws = book.create_sheet("整改台账")
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=7)
    ws.append(HEADER_TOP)
    ws.append(HEADER_SUB)
    for col in range(1, 6):
        ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)
    ws.merge_cells(start_row=2, start_column=6, end_row=2, end_column=7)
    for values in rows:
        ws.append(values)
    book.save(path)


def write_csv(path: Path, rows: Iterable[list]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER_CSV)
        writer.writerows(rows)
