"""Write review.html and review.xlsx for every (issue list, report) pair of a run."""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.forked import Forked
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


def _paths(pairs, out: Path, suffix: str) -> list[Path]:
    return [out / f"{review_stem(pair, len(pairs))}{suffix}" for pair in pairs]


def _write_pages(pairs, out: Path) -> list[Path]:
    paths = _paths(pairs, out, ".html")
    for pair, path in zip(pairs, paths):
        with collection_paused():  # a long list's cards: no cycles, all alive until written
            atomic_write(path, lambda tmp, pieces=review_pieces(pair): _write_pieces(tmp, pieces))
    return paths


def _write_books(pairs, out: Path) -> list[Path]:
    paths = _paths(pairs, out, ".xlsx")
    for pair, path in zip(pairs, paths):
        with collection_paused():  # and its rows
            write_review_xlsx(pair, path)
    return paths


def _in_order(pages: list[Path], books: list[Path]) -> list[Path]:
    return [path for pair in zip(pages, books) for path in pair]


def write_review_files(pairs, out_dir: str | os.PathLike) -> list[Path]:
    """review.html and review.xlsx per pair in ``out_dir`` (atomic writes); the paths written."""
    return ReviewFiles(pairs, out_dir, fork=False).result()


class ReviewFiles:
    """review.html and review.xlsx, written beside other work: each by a forked process of its own
    where the platform forks (:class:`~pipeline.forked.Forked`), while the caller frames and writes
    the tables (a 10,000-problem review: the tables, the workbook and the page take half a second to
    a second of one core each); here, in order, where it does not fork.

    :meth:`result` waits for both and gives the paths written.  A bug raises here; a forked process
    that failed (killed, out of memory) is not trusted: its files are written again here, and
    :attr:`notes` says that this fallback was taken.
    """

    def __init__(self, pairs, out_dir: str | os.PathLike, *, fork: bool = True):
        self.pairs, self.out = list(pairs), Path(out_dir)
        self.notes: list[str] = []
        self.written: list[Path] | None = None
        self.out.mkdir(parents=True, exist_ok=True)
        fork = fork and bool(self.pairs)
        self.pages = Forked(_write_pages, self.pairs, self.out, fork=fork)
        self.books = Forked(_write_books, self.pairs, self.out, fork=fork)

    def result(self) -> list[Path]:
        if self.written is None:
            pages, books = self.pages.result(), self.books.result()
            for name, call in (("review.html", self.pages), ("review.xlsx", self.books)):
                if call.failure:
                    self.notes.append(f"{name} was written again by the main process: "
                                      f"the process writing it failed ({call.failure})")
            self.written = _in_order(pages, books)
        return self.written
