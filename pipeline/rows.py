"""Records as rows: the plain dicts each document contributes to each table.

Why apart from :mod:`pipeline.tables`: worker processes turn their results into rows
and stream them to Parquet parts; they never frame a table, so they never import
pandas (a third of a second of every worker's start-up).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields
from functools import lru_cache
from operator import attrgetter

from pipeline.records import DocumentResult

#: Tables written by ``run`` on documents alone; the matching tables join them when issues are given.
DOCUMENT_TABLES: tuple[str, ...] = (
    "documents", "sections", "quantities", "times", "citations", "claims", "measures", "errors",
)
MATCH_TABLES: tuple[str, ...] = ("issues", "matches", "flags", "pairs")


def record_row(record) -> dict:
    """A record's fields as a row, shallow: ``dataclasses.asdict`` deep-copies every value (most of build time)."""
    names, values = _fields_of(type(record))
    return dict(zip(names, values(record)))


@lru_cache(maxsize=None)
def _fields_of(cls) -> tuple[tuple[str, ...], Callable]:
    """A record type's field names, and a getter of all their values at once (a tuple)."""
    names = tuple(getattr(cls, "__slots__", None) or [f.name for f in fields(cls)])
    if len(names) == 1:
        return names, lambda record: (getattr(record, names[0]),)
    return names, attrgetter(*names)


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
        row = {"doc_id": result.doc_id, **record_row(item)}
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
        rows["errors"].append(record_row(result.error))
        return rows
    rows["errors"].extend(record_row(e) for e in result.partial_errors)
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


def with_duplicate_note(warnings, first: str) -> str:
    """A document's warnings with the note that it repeats ``first`` (no warnings: None, or NaN in a frame)."""
    return "; ".join(filter(None, [warnings if isinstance(warnings, str) else None, duplicate_note(first)]))


def duplicate_warnings(fids: Sequence[int], warnings: Sequence, duplicates: dict[int, str]) -> list:
    """The documents' warnings with the duplicate note of each input that repeats an earlier one."""
    return [with_duplicate_note(w, duplicates[fid]) if fid in duplicates else w for fid, w in zip(fids, warnings)]


def mark_duplicate(rows: dict[str, list[dict]], first: str) -> None:
    """A later input with the content of ``first``: its records are listed once, under the first path."""
    for name in rows:
        if name not in OWN_ROWS:
            rows[name] = []
    for row in rows["documents"]:
        row["warnings"] = with_duplicate_note(row["warnings"], first)
