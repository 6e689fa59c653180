"""Reading benchmark: pipeline.read over the news texts in ../shared/scale/news.

Prints files/s and MB/s (median of ``--passes`` passes), the encodings found
and the errors, and the same figures for a plain ``Path.read_text(encoding=
"utf-8")`` over the same files measured in the same run, with the ratio.

    python benchmarks/bench_read.py [--limit N] [--passes 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "scale" / "news"


def _read_all(files: list[Path]) -> tuple[float, Counter, Counter]:
    from pipeline.errors import InputError
    from pipeline.read import read_document

    encodings: Counter = Counter()
    errors: Counter = Counter()
    start = time.perf_counter()
    for path in files:
        try:
            doc = read_document(path)
        except InputError as exc:
            errors[exc.error_type] += 1
            continue
        encodings[f"{doc.format}/{doc.encoding}"] += 1
    return time.perf_counter() - start, encodings, errors


def _baseline(files: list[Path]) -> tuple[float, int]:
    failures = 0
    start = time.perf_counter()
    for path in files:
        try:
            path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            failures += 1
    return time.perf_counter() - start, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="read only the first N files (sorted by name)")
    parser.add_argument("--passes", type=int, default=3, help="timed passes; the median is reported")
    args = parser.parse_args(argv)

    if not NEWS.is_dir():
        print(f"benchmark data not found: {NEWS} (expected ../shared/scale/news beside the checkout)", file=sys.stderr)
        return 2
    files = sorted(p for p in NEWS.rglob("*") if p.is_file())
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"no files under {NEWS}", file=sys.stderr)
        return 2
    total_mb = sum(p.stat().st_size for p in files) / 1e6

    ours: list[float] = []
    base: list[float] = []
    encodings = errors = Counter()
    base_failures = 0
    for _ in range(max(1, args.passes)):
        # alternate the two so that both see the same page-cache state
        elapsed, encodings, errors = _read_all(files)
        ours.append(elapsed)
        elapsed, base_failures = _baseline(files)
        base.append(elapsed)

    t_ours, t_base = statistics.median(ours), statistics.median(base)
    n = len(files)
    print(f"files: {n}   size: {total_mb:.1f} MB   passes: {len(ours)} (median reported)")
    print(f"pipeline.read.read_document : {n / t_ours:9.0f} files/s  {total_mb / t_ours:7.1f} MB/s  ({t_ours:.3f} s)")
    print(f"Path.read_text(utf-8)       : {n / t_base:9.0f} files/s  {total_mb / t_base:7.1f} MB/s  ({t_base:.3f} s)")
    print(f"ratio (ours / baseline throughput): {t_base / t_ours:.2f}")
    print("formats/encodings: " + ", ".join(f"{k}={v}" for k, v in encodings.most_common()))
    print("errors: " + (", ".join(f"{k}={v}" for k, v in errors.most_common()) or "none"))
    print(f"baseline decode failures: {base_failures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
