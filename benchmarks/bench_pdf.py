"""PDF reading benchmark: ``read_document`` against the text-extraction floors.

Generates government-report PDFs of realistic shape with ``tests/docgen.py``
(A4, 14 pt CJK text, ~800-900 characters a page, masthead on page 1, page
numbers "— n —"; the real report repeated) at 2, 20 and 200 pages, plus a
two-column and a table variant at 20 pages, and times on each in the same run:

- ``read_document``  the pipeline's PDF reader (everything it undoes included);
- ``plumber``        pdfplumber ``page.extract_text()`` alone, pages closed;
- ``pdfium``         pypdfium2 text extraction alone (``get_text_range``).

Every (file, method) runs in a fresh subprocess so the peak RSS it reports
(``ru_maxrss`` minus the RSS after imports) belongs to that job alone.
Prints pages/s (median of ``--repeat`` runs in that subprocess), the peak
RSS growth, and the ratio of ``read_document`` to each floor.

    python benchmarks/bench_pdf.py [--repeat 3] [--pages 2 20 200] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "corpus" / "progress_cq_tzb_2022.txt"
METHODS = ("read_document", "plumber", "pdfium")


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _run_once(method: str, path: Path) -> int:
    """Extract the text of ``path`` with ``method``; returns the number of characters."""
    if method == "read_document":
        from pipeline.read import read_document

        return len(read_document(path).text)
    if method == "plumber":
        import pdfplumber

        n = 0
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                n += len(page.extract_text() or "")
                page.close()
        return n
    if method == "pdfium":
        import pypdfium2 as pdfium

        n = 0
        pdf = pdfium.PdfDocument(str(path))
        try:
            for index in range(len(pdf)):
                page = pdf[index]
                textpage = page.get_textpage()
                n += len(textpage.get_text_range())
                textpage.close()
                page.close()
        finally:
            pdf.close()
        return n
    raise ValueError(method)


def _worker(method: str, path: Path, repeat: int) -> None:
    # import everything the method needs before the RSS baseline
    import pdfplumber  # noqa: F401
    import pypdfium2  # noqa: F401

    import pipeline.read.pdf  # noqa: F401

    base = _rss_mb()
    times, chars = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        chars = _run_once(method, path)
        times.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"seconds": statistics.median(times), "chars": chars, "peak_mb": peak - base}))


def _measure(method: str, path: Path, repeat: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", method, str(path), "--repeat", str(repeat)],
        check=True, capture_output=True, text=True, cwd=REPO,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _generate(folder: Path, pages_list: list[int]) -> list[tuple[str, Path, int]]:
    sys.path.insert(0, str(REPO / "tests"))
    import docgen

    text = REPORT.read_text(encoding="utf-8")
    copies = max(pages_list) // 10 + 2  # one copy fills ~11 pages
    long_text = "\n".join([text] * copies)
    jobs = []
    for pages in pages_list:
        path = folder / f"gov_{pages}p.pdf"
        docgen.write_gov_pdf(long_text, path, max_pages=pages)
        jobs.append((f"{pages} pages", path, pages))
    path = folder / "gov_20p_two_columns.pdf"
    docgen.write_gov_pdf(long_text, path, max_pages=20, columns=2)
    jobs.append(("20 pages, 2 columns", path, 20))
    path = folder / "gov_20p_table.pdf"
    docgen.write_gov_pdf(long_text, path, max_pages=20, table=docgen.GOV_TABLE)
    jobs.append(("20 pages, table", path, 20))
    return jobs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per (file, method); the median is reported")
    parser.add_argument("--pages", type=int, nargs="+", default=[2, 20, 200])
    parser.add_argument("--keep", type=Path, default=None, help="write the PDFs here and keep them")
    parser.add_argument("--worker", nargs=2, metavar=("METHOD", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        _worker(args.worker[0], Path(args.worker[1]), args.repeat)
        return 0

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        jobs = _generate(folder, args.pages)
        header = f"{'document':<22}{'method':<15}{'pages/s':>9}{'chars/s':>11}{'peak RSS +MB':>14}{'chars':>9}"
        print(header)
        print("-" * len(header))
        for label, path, pages in jobs:
            results = {}
            for method in METHODS:
                repeat = 1 if pages >= 100 and method == "read_document" and args.repeat > 1 else args.repeat
                results[method] = r = _measure(method, path, repeat)
                print(f"{label:<22}{method:<15}{pages / r['seconds']:>9.1f}{r['chars'] / r['seconds']:>11,.0f}"
                      f"{r['peak_mb']:>14.1f}{r['chars']:>9,}")
            mine = results["read_document"]["seconds"]
            print(f"{'':<22}read_document is {mine / results['plumber']['seconds']:.2f}x the time of plumber, "
                  f"{mine / results['pdfium']['seconds']:.1f}x pdfium")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
