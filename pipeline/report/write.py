"""Write review.html and review.xlsx for every (issue list, report) pair of a run."""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.gcpause import collection_paused
from pipeline.report.html import render_review
from pipeline.report.xlsx import write_review_xlsx
from pipeline.outdir import atomic_write


def review_stem(pair, n_pairs: int) -> str:
    """``review`` for a run with one pair; ``review_{list}_{report}`` (8 hex digits each) otherwise."""
    if n_pairs == 1:
        return "review"
    return f"review_{pair.list_doc_id[:8]}_{(pair.report.doc_id or 'unknown')[:8]}"


def write_review_files(pairs, out_dir: str | os.PathLike) -> list[Path]:
    """review.html and review.xlsx per pair in ``out_dir`` (atomic writes); the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for pair in pairs:
        stem = review_stem(pair, len(pairs))
        with collection_paused():  # a long list's cards and rows: no cycles, all alive until written
            page = render_review(pair)
            html_path = out / f"{stem}.html"
            # encoded whole then written: a text-mode write encodes tens of megabytes in small pieces (2x the time)
            atomic_write(html_path, lambda tmp, data=page.encode("utf-8"): tmp.write_bytes(data))
            written += [html_path, write_review_xlsx(pair, out / f"{stem}.xlsx")]
    return written
