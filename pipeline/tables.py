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
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from pipeline.cells import csv_safe, csv_unescape, exact_columns, exact_numbers, excel_safe, no_formulas
from pipeline.document import DocumentResult
from pipeline.extract.claims import CLAIM_FIELDS
from pipeline.records import ErrorRecord, Flag, Issue, Match

COLUMNS: dict[str, list[str]] = {
    "documents": [
        "doc_id", "path", "format", "encoding", "kind", "title", "issuer", "report_date",
        "inspecting_body", "inspected_unit", "inspection_start", "inspection_end", "feedback_date",
        "as_of_date", "n_chars", "n_pages", "error",
        "inspection_type", "title_source", "evidence", "warnings", "seconds",
    ],
    "sections": [
        "doc_id", "section_id", "parent_id", "level", "label", "title", "start", "end",
        "label_start", "label_end", "title_start", "title_end", "body_end", "marker", "page",
    ],
    "quantities": [
        "doc_id", "start", "end", "text", "value", "unit", "approx", "kind", "section_id",
        "value_max", "page",
    ],
    "times": [
        "doc_id", "start", "end", "text", "kind", "date", "start_date", "end_date", "every", "times",
        "min_times", "section_id", "granularity", "duration", "composite", "page",
    ],
    "citations": ["doc_id", "start", "end", "text", "section_id", "title", "page"],
    "claims": [
        "doc_id", "start", "end", "text", "subject", "total", "completed", "basically_completed",
        "in_progress", "not_completed", "rate", "as_of", "consistent", "note",
    ],  # + one column per claim field, then figure_spans, section_id, page
    "measures": [
        "doc_id", "measure_id", "section_id", "start", "end", "title", "status", "n_quantities",
        "n_times", "n_citations", "label", "status_basis", "page",
    ],
    "issues": ["issue_id", "parent_id", "level", "text", "source_doc_id", "start", "end", "label"],
    "matches": ["issue_id", "doc_id", "target_kind", "target_id", "score", "rank", "addressed", "issue_text",
                "target_text", "shared_terms", "decision", "reason", "similarity", "reviewed", "target_start",
                "target_end", "evidence"],
    "flags": ["doc_id", "issue_id", "kind", "severity", "message", "start", "end"],
    "errors": ["path", "stage", "error_type", "message"],
}

#: Tables written by ``run`` on documents alone; the matching tables join them when issues are given.
DOCUMENT_TABLES: tuple[str, ...] = (
    "documents", "sections", "quantities", "times", "citations", "claims", "measures", "errors",
)
MATCH_TABLES: tuple[str, ...] = ("issues", "matches", "flags")

_INT_COLUMNS = {
    "section_id", "parent_id", "level", "start", "end", "label_start", "label_end", "title_start",
    "title_end", "body_end", "measure_id", "n_quantities", "n_times", "n_citations", "times",
    "min_times", "n_chars", "n_pages", "page", "target_id", "rank", "target_start", "target_end",
}


def claim_columns() -> list[str]:
    base = COLUMNS["claims"]
    extra = [name for name in CLAIM_FIELDS if name not in base]
    return base + extra + ["figure_spans", "section_id", "page"]


def _frame(rows: list[dict], columns: Sequence[str], *, ints: frozenset[str] | set[str] = _INT_COLUMNS) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=exact_columns(rows, columns))
    for column in frame.columns:
        if column in ints:
            frame[column] = frame[column].astype("Int64")
    return frame


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
        row = {"doc_id": result.doc_id, **asdict(item)}
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
        row = _document_row(result)
        rows["documents"].append(row)
        if result.error is not None:
            rows["errors"].append(asdict(result.error))
            continue
        rows["errors"].extend(asdict(e) for e in result.partial_errors)
        if result.doc_id in first_path:
            note = f"duplicate of {first_path[result.doc_id]} (same content, same doc_id): its rows are listed once, under that path"
            row["warnings"] = "; ".join(filter(None, [row["warnings"], note]))
            continue
        first_path[result.doc_id] = result.path
        rows["sections"].extend(_item_rows(result, result.sections))
        rows["quantities"].extend(_item_rows(result, result.quantities))
        rows["times"].extend(_item_rows(result, result.times))
        rows["citations"].extend(_item_rows(result, result.citations))
        rows["claims"].extend(_claim_rows(result))
        rows["measures"].extend(_item_rows(result, result.measures))
    rows["errors"].extend(asdict(e) for e in extra_errors)
    tables = {name: _frame(rows[name], COLUMNS[name]) for name in DOCUMENT_TABLES if name != "claims"}
    tables["claims"] = _frame(rows["claims"], claim_columns())
    if not tables["claims"].empty:
        tables["claims"]["consistent"] = tables["claims"]["consistent"].astype("boolean")
    return {name: tables[name] for name in DOCUMENT_TABLES}


def _match_row(match: Match) -> dict:
    row = asdict(match)
    row["evidence"] = json.dumps([list(span) for span in match.evidence]) if match.evidence else None
    return row


def match_tables(issues: Iterable[Issue], matches: Iterable[Match], flags: Iterable[Flag],
                 statuses: dict[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """The issue-list tables: issues (with each problem's verdict in ``status`` when given), matches, flags."""
    issue_rows = []
    for issue in issues:
        row = asdict(issue)
        extra = row.pop("extra", {}) or {}
        row.update({k: v for k, v in extra.items() if k not in row})
        if statuses is not None:
            row["status"] = statuses.get(issue.issue_id)
        issue_rows.append(row)
    issue_columns = COLUMNS["issues"] + sorted(
        {k for row in issue_rows for k in row} - set(COLUMNS["issues"])
    )
    return {
        # issue ids are the list's own labels (strings), so only level and offsets are integers
        "issues": _frame(issue_rows, issue_columns, ints={"level", "start", "end"}),
        "matches": _frame([_match_row(m) for m in matches], COLUMNS["matches"]),
        "flags": _frame([asdict(f) for f in flags], COLUMNS["flags"]),
    }


def error_frame(errors: Iterable[ErrorRecord]) -> pd.DataFrame:
    """Error records as an ``errors`` table."""
    return _frame([asdict(e) for e in errors], COLUMNS["errors"])


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
            with pd.ExcelWriter(tmp, engine="openpyxl") as book:
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


def read_tables(out_dir: str | os.PathLike) -> dict[str, pd.DataFrame]:
    """Read back whatever tables a run wrote (Parquet, CSV or the XLSX workbook)."""
    folder = Path(out_dir)
    tables: dict[str, pd.DataFrame] = {}
    book = folder / "tables.xlsx"
    if book.exists():
        tables.update(pd.read_excel(book, sheet_name=None))
    for path in sorted(folder.glob("*.csv")):
        tables[path.stem] = csv_unescape(pd.read_csv(path, encoding="utf-8-sig"))
    for path in sorted(folder.glob("*.parquet")):
        tables[path.stem] = pd.read_parquet(path)
    return tables
