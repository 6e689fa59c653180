"""Reading a 500-row ledger (整改台账): time of read_ledger on a generated XLSX and CSV.

Usage: python benchmarks/bench_ledger.py [--rows 500] [--repeat 3]

The XLSX has a merged title row above a two-row merged header (整改情况 over 整改措施 |
完成情况), the ledger on the second sheet behind a 填表说明 sheet; the CSV is the same rows.
Target: under 2 s for 500 rows.  Prints the best of ``--repeat`` runs per format.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from ledger_layout import write_csv, write_xlsx  # beside this script


def _row(k: int) -> list:
    return [k, f"类别{k % 7}", f"第{k}项问题：理论学习制度执行不严，学用结合不够紧密", f"单位{k % 13}", "2024年12月底",
            f"制定第{k}项整改措施，建立长效机制", "推进中" if k % 3 else "已完成"]


def make_xlsx(path: Path, rows: int) -> None:
    write_xlsx(path, (_row(k) for k in range(1, rows + 1)), title="巡察反馈问题整改台账")


def make_csv(path: Path, rows: int) -> None:
    write_csv(path, (_row(k) for k in range(1, rows + 1)))


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
