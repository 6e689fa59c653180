"""Write review.html and review.xlsx for every (issue list, report) pair of a run."""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.gcpause import collection_paused
from pipeline.report.html import review_pieces
from pipeline.report.xlsx import write_review_xlsx
from pipeline.outdir import atomic_write


def review_stem(pair, n_pairs: int) -> str:
    """``review`` for a run with one pair; ``review_{list}_{report}`` (8 hex digits each) otherwise."""
    if n_pairs == 1:
        return "review"
    return f"review_{pair.list_doc_id[:8]}_{(pair.report.doc_id or 'unknown')[:8]}"


def _write_pieces(path: Path, pieces: list[str]) -> None:
    """UTF-8 text written piece by piece: the same bytes as the joined text, without a second and a
    third copy of a 70 MB page (joined, then encoded) in memory."""
    with open(path, "wb") as handle:
        handle.writelines(piece.encode("utf-8") for piece in pieces)


def write_review_files(pairs, out_dir: str | os.PathLike) -> list[Path]:
    """review.html and review.xlsx per pair in ``out_dir`` (atomic writes); the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for pair in pairs:
        stem = review_stem(pair, len(pairs))
        with collection_paused():  # a long list's cards and rows: no cycles, all alive until written
            html_path = out / f"{stem}.html"
            atomic_write(html_path, lambda tmp, pieces=review_pieces(pair): _write_pieces(tmp, pieces))
            written += [html_path, write_review_xlsx(pair, out / f"{stem}.xlsx")]
    return written
