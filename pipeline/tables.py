"""The one place where records become pandas DataFrames and files.

Column names and order follow the output contract (README, "Tables"); extra
columns come after the contract's.  Writing is atomic: each file is written to
a temporary name in the output folder and renamed into place, so a crash never
leaves a half-written table.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import fields
from pathlib import Path

import pandas as pd

from pipeline.cells import csv_safe, csv_unescape, exact_columns, exact_numbers, excel_safe, no_formulas
from pipeline.document import DocumentResult
from pipeline.outdir import check_complete
from pipeline.records import ErrorRecord, Flag, Issue, Match, Pair
from pipeline.schema import SCHEMA, columns, conform

#: column names per table, in order (the schema in :mod:`pipeline.schema` also fixes their dtypes)
COLUMNS: dict[str, list[str]] = {name: columns(name) for name in SCHEMA}

#: Tables written by ``run`` on documents alone; the matching tables join them when issues are given.
DOCUMENT_TABLES: tuple[str, ...] = (
    "documents", "sections", "quantities", "times", "citations", "claims", "measures", "errors",
)
MATCH_TABLES: tuple[str, ...] = ("issues", "matches", "flags", "pairs")


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


def _row(record) -> dict:
    """A record's fields as a row, shallow: ``dataclasses.asdict`` deep-copies every value (most of build time)."""
    names = getattr(type(record), "__slots__", None) or [f.name for f in fields(record)]
    return {name: getattr(record, name) for name in names}


def _title_source(result: DocumentResult) -> str | None:
    title = result.meta.title
    if not title:
        return None
    if title in result.text:
        return "text"
    return "metadata" if result.format in {"html", "docx", "pdf"} else "synthesized"


def _document_row(result: DocumentResult) -> dict:
    meta = result.meta
    return {
        "doc_id": result.doc_id,
        "path": result.path,
        "format": result.format,
        "encoding": result.encoding,
        "kind": meta.kind if result.error is None else None,
        "title": meta.title,
        "issuer": meta.issuer,
        "report_date": meta.report_date,
        "inspecting_body": meta.inspecting_body,
        "inspected_unit": meta.inspected_unit,
        "inspection_start": meta.inspection_start,
        "inspection_end": meta.inspection_end,
        "feedback_date": meta.feedback_date,
        "as_of_date": meta.as_of_date,
        "n_chars": len(result.text) if result.error is None else None,
        "n_pages": result.n_pages,
        "error": None if result.error is None else f"{result.error.error_type}: {result.error.message}",
        "inspection_type": meta.inspection_type,
        "title_source": _title_source(result),
        "evidence": json.dumps({k: list(v) for k, v in meta.evidence.items()}, ensure_ascii=False)
        if meta.evidence
        else None,
        "warnings": "; ".join(result.warnings) or None,
        "seconds": round(result.seconds, 4),
    }


def _item_rows(result: DocumentResult, items: Iterable, *, drop: Sequence[str] = ()) -> list[dict]:
    rows = []
    for item in items:
        row = {"doc_id": result.doc_id, **_row(item)}
        for key in drop:
            row.pop(key, None)
        row["page"] = result.page_of(item.start)
        rows.append(row)
    return rows


def _claim_rows(result: DocumentResult) -> list[dict]:
    rows = []
    for claim in result.claims:
        row = {
            "doc_id": result.doc_id,
            "start": claim.start,
            "end": claim.end,
            "text": claim.text,
            "subject": claim.subject,
            "as_of": claim.as_of,
            "consistent": claim.consistent,
            "note": claim.note,
            "figure_spans": json.dumps({k: list(v) for k, v in claim.figure_spans.items()}, ensure_ascii=False),
            "section_id": claim.section_id,
            "page": result.page_of(claim.start),
        }
        row.update(claim.figures)
        rows.append(row)
    return rows


def document_rows(result: DocumentResult) -> dict[str, list[dict]]:
    """The rows one document contributes to each document table (a batch streams these per part)."""
    rows: dict[str, list[dict]] = {name: [] for name in DOCUMENT_TABLES}
    rows["documents"].append(_document_row(result))
    if result.error is not None:
        rows["errors"].append(_row(result.error))
        return rows
    rows["errors"].extend(_row(e) for e in result.partial_errors)
    rows["sections"].extend(_item_rows(result, result.sections))
    rows["quantities"].extend(_item_rows(result, result.quantities))
    rows["times"].extend(_item_rows(result, result.times))
    rows["citations"].extend(_item_rows(result, result.citations))
    rows["claims"].extend(_claim_rows(result))
    rows["measures"].extend(_item_rows(result, result.measures))
    return rows


#: tables whose rows a duplicate (same content as an earlier input) keeps: its own documents row and errors
OWN_ROWS = ("documents", "errors")


def duplicate_note(first: str) -> str:
    return f"duplicate of {first} (same content, same doc_id): its rows are listed once, under that path"


def mark_duplicate(rows: dict[str, list[dict]], first: str) -> None:
    """A later input with the content of ``first``: its records are listed once, under the first path."""
    for name in rows:
        if name not in OWN_ROWS:
            rows[name] = []
    for row in rows["documents"]:
        row["warnings"] = "; ".join(filter(None, [row["warnings"], duplicate_note(first)]))


def table_frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """One document table from its rows (columns and dtypes of the schema)."""
    return _frame(rows, name)


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
    rows["errors"].extend(_row(e) for e in extra_errors)
    return document_frames(rows)


def _match_row(match: Match) -> dict:
    row = _row(match)
    row["evidence"] = json.dumps([list(span) for span in match.evidence]) if match.evidence else None
    return row


def match_tables(
    issues: Iterable[Issue], matches: Iterable[Match], flags: Iterable[Flag],
    statuses: dict[str, str] | None = None, *, pairs: Iterable[Pair] = (),
) -> dict[str, pd.DataFrame]:
    """The issue-list tables: issues (each problem's verdict in ``status`` when given), matches, flags, pairs."""
    issue_rows = []
    for issue in issues:
        row = _row(issue)
        extra = dict(row.pop("extra", None) or {})
        row.update({k: v for k, v in extra.items() if k not in row})
        if statuses is not None and "status" not in extra:  # a batch's issue copies carry their own
            row["status"] = statuses.get(issue.issue_id)
        issue_rows.append(row)
    return {
        "issues": _frame(issue_rows, "issues"),
        "matches": _frame([_match_row(m) for m in matches], "matches"),
        "flags": _frame([_row(f) for f in flags], "flags"),
        "pairs": _frame([_row(p) for p in pairs], "pairs"),
    }


def error_frame(errors: Iterable[ErrorRecord]) -> pd.DataFrame:
    """Error records as an ``errors`` table."""
    return _frame([_row(e) for e in errors], "errors")


# --------------------------------------------------------------------------- writing

FORMATS = ("parquet", "csv", "xlsx")


def atomic_write(target: Path, write) -> None:
    """Call ``write(tmp)`` on a temporary file beside ``target``, then rename it into place.

    The temporary file is created with mode 0666 minus the umask, like any file the user
    writes (``mkstemp``'s 0600 left a shared output folder unreadable to colleagues).
    """
    tmp = str(target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp")
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        write(Path(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | os.PathLike, *, fmt: str = "parquet") -> list[Path]:
    """Write each table to ``out_dir`` (``name.parquet`` / ``name.csv``, or one ``tables.xlsx``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
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
    for name, frame in tables.items():
        target = out / f"{name}.{fmt}"
        frame = exact_numbers(frame)
        if fmt == "parquet":
            atomic_write(target, lambda tmp, f=frame: f.to_parquet(tmp, index=False))
        else:
            atomic_write(target, lambda tmp, f=csv_safe(frame): f.to_csv(tmp, index=False, encoding="utf-8-sig"))
        written.append(target)
    return written


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
