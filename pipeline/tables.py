"""The one place where records become pandas DataFrames and files.

Column names and order follow the output contract (README, "Tables"); extra
columns come after the contract's.  Writing is atomic: each file is written to
a temporary name in the output folder and renamed into place, so a crash never
leaves a half-written table.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from pipeline.casting import conform
from pipeline.cells import csv_safe, csv_unescape, exact_columns, exact_numbers, excel_safe, no_formulas
from pipeline.gcpause import collection_paused
from pipeline.outdir import atomic_write, check_complete
from pipeline.records import DocumentResult, ErrorRecord, Flag, Issue, Match, Pair
from pipeline.rows import (  # noqa: F401  (DOCUMENT_TABLES and MATCH_TABLES re-exported)
    DOCUMENT_TABLES, MATCH_TABLES, document_rows, duplicate_warnings, mark_duplicate, record_row,
)
from pipeline.schema import COLUMNS, SCHEMA, columns  # noqa: F401  (COLUMNS re-exported)


class Tables(dict):
    """``{table name: DataFrame}`` as returned by the API: a dict whose repr lists the tables and their sizes."""

    def _sizes(self) -> list[tuple[str, int, int]]:
        return [(name, len(frame), frame.shape[1]) for name, frame in self.items() if isinstance(frame, pd.DataFrame)]

    def __repr__(self) -> str:
        rows = ", ".join(f"{name} {n}" for name, n, _ in self._sizes())
        return f"Tables({rows})  # rows per table; tables[name] is a DataFrame"

    def _repr_html_(self) -> str:
        body = "".join(f"<tr><td>{name}</td><td>{n}</td><td>{k}</td></tr>" for name, n, k in self._sizes())
        return f"<table><tr><th>table</th><th>rows</th><th>columns</th></tr>{body}</table>"


def claim_columns() -> list[str]:
    return columns("claims")


def _frame(rows: list[dict], table: str) -> pd.DataFrame:
    """The table's frame with the schema's columns and dtypes; integers a float cannot hold keep their
    exact digits in ``<column>_exact`` (text) beside the column."""
    exact_columns(rows, columns(table))
    return conform(exact_numbers(pd.DataFrame(rows)), table)


def table_frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """One document table from its rows (columns and dtypes of the schema)."""
    return _frame(rows, name)


def arrow_frame(name: str, table, *, duplicates: dict[int, str] | None = None) -> pd.DataFrame:
    """One document table from an Arrow table of its rows (``_fid`` included; None for no rows), as
    :func:`table_frame` frames the same rows, without making a Python dict of each row first.

    Only for tables whose columns are all declared and hold no integer beyond a float's range
    (:func:`pipeline.parts.sliceable`); conform then gives the same columns, dtypes and values.
    """
    if table is None:
        return conform(pd.DataFrame(), name)
    frame = table.to_pandas()
    fids = frame.pop("_fid") if "_fid" in frame.columns else None
    if duplicates and name == "documents" and fids is not None:
        frame["warnings"] = duplicate_warnings(fids.tolist(), frame["warnings"].tolist(), duplicates)
    return conform(frame, name)


def document_frames(rows: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    """The document tables from their rows."""
    return {name: table_frame(name, rows[name]) for name in DOCUMENT_TABLES}


def build_tables(
    results: Iterable[DocumentResult],
    *,
    extra_errors: Iterable[ErrorRecord] = (),
) -> dict[str, pd.DataFrame]:
    """Turn per-document results into the contract's tables (one row per record).

    The same content under two paths has one ``doc_id``: its records are listed once, under
    the first path, and the later path's documents row says whose duplicate it is.  Parts
    of a document that could not be read (PDF pages) are rows of ``errors``.
    """
    rows: dict[str, list[dict]] = {name: [] for name in DOCUMENT_TABLES}
    first_path: dict[str, str] = {}
    for result in results:
        some = document_rows(result)
        if result.error is None:
            if result.doc_id in first_path:
                mark_duplicate(some, first_path[result.doc_id])
            else:
                first_path[result.doc_id] = result.path
        for name, part in some.items():
            rows[name].extend(part)
    rows["errors"].extend(record_row(e) for e in extra_errors)
    return document_frames(rows)


def _match_row(match: Match, dumped: dict[tuple, str]) -> dict:
    """A match as a row, its evidence spans as JSON (``dumped``: spans -> JSON, shared by the rows of
    one table: a long list's candidates point at the same few thousand sentences)."""
    row = record_row(match)
    if match.evidence:
        spans = tuple(map(tuple, match.evidence))
        text = dumped.get(spans)
        if text is None:
            text = dumped[spans] = json.dumps([list(span) for span in spans])
        row["evidence"] = text
    else:
        row["evidence"] = None
    return row


def match_tables(
    issues: Iterable[Issue], matches: Iterable[Match], flags: Iterable[Flag],
    statuses: dict[str, str] | None = None, *, pairs: Iterable[Pair] = (),
) -> dict[str, pd.DataFrame]:
    """The issue-list tables: issues (each problem's verdict in ``status`` when given), matches, flags, pairs.

    The cyclic collector waits meanwhile (:mod:`pipeline.gcpause`): a long list's rows hold no cycles.
    """
    with collection_paused():
        dumped: dict[tuple, str] = {}
        issue_rows = []
        for issue in issues:
            row = record_row(issue)
            extra = dict(row.pop("extra", None) or {})
            row.update({k: v for k, v in extra.items() if k not in row})
            if statuses is not None and "status" not in extra:  # a batch's issue copies carry their own
                row["status"] = statuses.get(issue.issue_id)
            issue_rows.append(row)
        return {
            "issues": _frame(issue_rows, "issues"),
            "matches": _frame([_match_row(m, dumped) for m in matches], "matches"),
            "flags": _frame([record_row(f) for f in flags], "flags"),
            "pairs": _frame([record_row(p) for p in pairs], "pairs"),
        }


def error_frame(errors: Iterable[ErrorRecord]) -> pd.DataFrame:
    """Error records as an ``errors`` table."""
    return _frame([record_row(e) for e in errors], "errors")


# --------------------------------------------------------------------------- writing

FORMATS = ("parquet", "csv", "xlsx")


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | os.PathLike, *, fmt: str = "parquet") -> list[Path]:
    """Write each table to ``out_dir`` (``name.parquet`` / ``name.csv``, or one ``tables.xlsx``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        target = out / "tables.xlsx"

        def write_book(tmp: Path) -> None:
            cuts: list[dict] = []
            with pd.ExcelWriter(tmp, engine="openpyxl", date_format="YYYY-MM-DD", datetime_format="YYYY-MM-DD") as book:
                for name, frame in tables.items():
                    safe, cut = excel_safe(exact_numbers(frame), name[:31])
                    cuts += cut
                    safe.to_excel(book, sheet_name=name[:31], index=False)
                if cuts:  # never a silent cut: where, and how long the text was
                    pd.DataFrame(cuts).to_excel(book, sheet_name="truncated_cells", index=False)
                for sheet in book.sheets.values():
                    no_formulas(sheet)

        atomic_write(target, write_book)
        return [target]
    return [write_frames(name, [frame], out, fmt=fmt) for name, frame in tables.items()]


#: the Parquet tables' codec: zstd rather than pyarrow's default (snappy), after which a process that had
#: written a table in slices kept 2-3 MB more of memory with every slice, up to 11-13 MB more for a
#: documents table of 6,260 rows in 7 slices (malloc_trim gave none of it back); 3-5 MB with zstd.
#: Any Parquet reader (pandas, pyarrow, polars, DuckDB, Spark) reads it
PARQUET_COMPRESSION = "zstd"


def write_frames(name: str, frames: Iterable[pd.DataFrame], out_dir: str | os.PathLike, *, fmt: str) -> Path:
    """Write one table from consecutive frames of its rows (Parquet row groups, CSV lines), atomically.

    The file reads back as :func:`write_tables` would have written the frames concatenated; the
    frames must share their columns and dtypes (frames of :func:`table_frame` over declared columns do).
    """
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"a table is written frame by frame only as parquet or csv, not {fmt!r}")
    target = Path(out_dir) / f"{name}.{fmt}"

    def write(tmp: Path) -> None:
        if fmt == "csv":
            with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
                for k, frame in enumerate(frames):
                    if k == 0 or len(frame):
                        csv_safe(exact_numbers(frame)).to_csv(handle, index=False, header=k == 0)
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        writer = None
        try:
            for frame in frames:
                if writer is not None and not len(frame):
                    continue
                # one thread: pyarrow's threads for a frame of more than 100 rows a column cost more
                # than they gave (the 7 document tables of 1,000 files: 203 -> 178 ms in one process;
                # of all 6,260: 1.24 -> 1.19 s), and with --jobs N the N table writers share N cores
                table = pa.Table.from_pandas(exact_numbers(frame), preserve_index=False, nthreads=1,
                                             schema=None if writer is None else writer.schema)
                if writer is None:
                    writer = pq.ParquetWriter(tmp, table.schema, compression=PARQUET_COMPRESSION)
                writer.write_table(table)
        finally:
            if writer is not None:
                writer.close()

    atomic_write(target, write)
    return target


def _read_csv(path: Path) -> pd.DataFrame:
    if path.stem not in SCHEMA:  # a table this module does not declare: pandas' own inference
        return pd.read_csv(path, encoding="utf-8-sig")
    # every cell as text first, so an id column never goes through float (3 -> 3.0)
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False, na_values=[""])
    return conform(frame, path.stem)


def read_tables(out_dir: str | os.PathLike) -> Tables:
    """Read back whatever tables a run wrote (Parquet, CSV or the XLSX workbook), with the schema's dtypes.

    Whatever the format, a declared table comes back with the columns and dtypes it was
    built with (ids as strings, counts as ``Int64``, dates as dates), empty or not.
    Raises :class:`pipeline.outdir.IncompleteTablesError` for a folder that a killed run
    left in the middle of replacing its tables (a mix of two runs must never be read).
    """
    folder = Path(out_dir)
    check_complete(folder)
    tables = Tables()
    book = folder / "tables.xlsx"
    if book.exists():
        for name, frame in pd.read_excel(book, sheet_name=None, dtype=object).items():
            tables[name] = conform(frame, name)
    for path in sorted(folder.glob("*.csv")):
        tables[path.stem] = csv_unescape(_read_csv(path))
    for path in sorted(folder.glob("*.parquet")):
        tables[path.stem] = conform(pd.read_parquet(path), path.stem)
    return tables
