"""Reading a 500-row ledger (整改台账): time of read_ledger on a generated XLSX and CSV.

Usage: python benchmarks/bench_ledger.py [--rows 500] [--repeat 3]

The XLSX has a merged title row above a two-row merged header (整改情况 over 整改措施 |
完成情况), the ledger on the second sheet behind a 填表说明 sheet; the CSV is the same rows.
Target: under 2 s for 500 rows.  Prints the best of ``--repeat`` runs per format.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

HEADER_TOP = ["序号", "问题类别", "问题描述", "责任单位", "整改时限", "整改情况", None]
HEADER_SUB = [None, None, None, None, None, "整改措施", "完成情况"]


def _row(k: int) -> list:
    return [k, f"类别{k % 7}", f"第{k}项问题：理论学习制度执行不严，学用结合不够紧密", f"单位{k % 13}", "2024年12月底",
            f"制定第{k}项整改措施，建立长效机制", "推进中" if k % 3 else "已完成"]


def make_xlsx(path: Path, rows: int) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "填表说明"
    book.active.append(["问题描述按反馈意见原文填写"])
    ws = book.create_sheet("整改台账")
    ws.append(["巡察反馈问题整改台账"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=7)
    ws.append(HEADER_TOP)
    ws.append(HEADER_SUB)
    for col in range(1, 6):
        ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)
    ws.merge_cells(start_row=2, start_column=6, end_row=2, end_column=7)
    for k in range(1, rows + 1):
        ws.append(_row(k))
    book.save(path)


def make_csv(path: Path, rows: int) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["序号", "问题类别", "问题描述", "责任单位", "整改时限", "整改措施", "完成情况"])
        for k in range(1, rows + 1):
            writer.writerow(_row(k))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    from pipeline.issuelist import read_ledger

    with tempfile.TemporaryDirectory() as tmp:
        for name, make in (("ledger.xlsx", make_xlsx), ("ledger.csv", make_csv)):
            path = Path(tmp) / name
            make(path, args.rows)
            best = float("inf")
            for _ in range(args.repeat):
                started = time.perf_counter()
                ledger = read_ledger(path)
                best = min(best, time.perf_counter() - started)
            problems = sum(1 for i in ledger.issues if i.level == 2)
            status = "ok" if best < 2.0 and problems == args.rows and not ledger.errors else "FAIL"
            print(f"{name:12} {problems} problems, {len(ledger.errors)} error rows, sheet {ledger.sheet!r}, "
                  f"header row {ledger.header_row}: {best:.3f} s (target < 2 s) {status}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
