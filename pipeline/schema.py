"""The tables' schema: every column of every table with one dtype, on every run.

Why one declaration: a notebook, a join or a CSV read-back must see the same
columns and dtypes whether a run found a thousand rows or none.  Ids and text
are pandas ``string``; counts and offsets ``Int64`` (nullable integers); values,
scores, rates and money ``float64``; flags ``boolean``; dates ``datetime64[ms]``
(midnight; ISO ``YYYY-MM-DD`` in CSV), with the precision of a coarse date
(``day``, ``month``, ``year``) in a ``*_precision`` column of its own.  An empty
text is null (CSV and XLSX cannot tell the two apart, so neither does the build).

This module only declares (it imports no pandas: worker processes and the start
of a run need the column lists, not a DataFrame); :func:`pipeline.casting.conform`
casts a frame to its table's schema, on the build side and on the read side.
"""

from __future__ import annotations

import re

from pipeline.extract.claims import CLAIM_FIELDS

STRING = "string"
INT = "Int64"
FLOAT = "float64"
BOOL = "boolean"
DATE = "datetime64[ms]"

#: the money figures of claims, in yuan (may carry fractions); every other figure is a count
MONEY_FIGURES: frozenset[str] = frozenset({"refunded_amount", "recovered_amount", "losses_recovered", "funds_recovered"})

#: precision of a date written as YYYY-MM-DD, YYYY-MM or YYYY
PRECISIONS: tuple[str, ...] = ("day", "month", "year")


def _s(*names: str) -> dict[str, str]:
    return {name: STRING for name in names}


def _i(*names: str) -> dict[str, str]:
    return {name: INT for name in names}


def _claim_schema() -> dict[str, str]:
    schema = {**_s("doc_id"), **_i("start", "end"), **_s("text", "subject")}
    figures = ["total", "completed", "basically_completed", "in_progress", "not_completed", "rate"]
    figures += [name for name in CLAIM_FIELDS if name not in figures]
    for name in figures[:6]:
        schema[name] = FLOAT if name == "rate" else INT
    schema.update({"as_of": DATE, "consistent": BOOL, "note": STRING})
    for name in figures[6:]:
        schema[name] = FLOAT if name in MONEY_FIGURES else INT
    schema.update({"figure_spans": STRING, **_i("section_id", "page")})
    return schema


#: table -> {column: dtype}, in column order (the output contract's columns first)
SCHEMA: dict[str, dict[str, str]] = {
    "documents": {
        **_s("doc_id", "path", "format", "encoding", "kind", "title", "issuer"),
        "report_date": DATE,
        **_s("inspecting_body", "inspected_unit"),
        "inspection_start": DATE, "inspection_end": DATE, "feedback_date": DATE, "as_of_date": DATE,
        **_i("n_chars", "n_pages"),
        **_s("error", "inspection_type", "title_source", "evidence", "warnings"),
        "seconds": FLOAT, "feedback_date_precision": STRING,
    },
    "sections": {
        **_s("doc_id"), **_i("section_id", "parent_id", "level"), **_s("label", "title"),
        **_i("start", "end", "label_start", "label_end", "title_start", "title_end", "body_end"),
        **_s("marker"), **_i("page"),
    },
    "quantities": {
        **_s("doc_id"), **_i("start", "end"), **_s("text"), "value": FLOAT, **_s("unit", "approx", "kind"),
        **_i("section_id"), "value_max": FLOAT, **_i("page"),
    },
    "times": {
        **_s("doc_id"), **_i("start", "end"), **_s("text", "kind"),
        "date": DATE, "start_date": DATE, "end_date": DATE,
        **_s("every"), **_i("times", "min_times", "section_id"), **_s("granularity", "duration"),
        "composite": BOOL, "resolved": BOOL, **_i("page"), "date_precision": STRING,
    },
    "citations": {**_s("doc_id"), **_i("start", "end"), **_s("text"), **_i("section_id"), **_s("title"), **_i("page")},
    "claims": _claim_schema(),
    "measures": {
        **_s("doc_id"), **_i("measure_id", "section_id", "start", "end"), **_s("title", "status"),
        **_i("n_quantities", "n_times", "n_citations"), **_s("label", "status_basis"), **_i("page"),
    },
    "issues": {
        **_s("issue_id", "list_doc_id", "doc_id", "parent_id"), **_i("level"), **_s("text", "source_doc_id"),
        **_i("start", "end"), **_s("label", "aspect", "unit", "how"), "confidence": FLOAT,
        **_s("owner", "deadline", "measures", "progress", "status"),
    },
    "matches": {
        **_s("issue_id", "list_doc_id", "doc_id", "target_kind"), **_i("target_id"), "score": FLOAT,
        **_i("rank"), "addressed": BOOL, **_s("issue_text", "target_text", "shared_terms", "decision", "reason"),
        "similarity": FLOAT, "reviewed": STRING, **_i("target_start", "target_end"), "evidence": STRING,
    },
    "flags": {**_s("list_doc_id", "doc_id", "issue_id", "kind", "severity", "message"), **_i("start", "end")},
    "pairs": {
        **_s("list_doc_id", "doc_id", "list_path", "report_path", "how"), "score": FLOAT, **_s("basis", "reason"),
        **_i("n_candidates"), **_s("runner_up_doc_id"), "runner_up_score": FLOAT,
    },
    "errors": _s("path", "stage", "error_type", "message"),
}

#: date column -> its precision column (only dates that can be coarser than a day have one)
DATE_PRECISION_COLUMNS: dict[tuple[str, str], str] = {
    ("times", "date"): "date_precision",
    ("documents", "feedback_date"): "feedback_date_precision",  # 2023年11月，…反馈了巡视意见
}

_ISO = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


#: column names per table, in order
COLUMNS: dict[str, list[str]] = {name: list(spec) for name, spec in SCHEMA.items()}


def columns(table: str) -> list[str]:
    return list(SCHEMA[table])


def precision_of(value) -> str | None:
    """``day``/``month``/``year`` for an ISO date string as written (2022-03-31, 2022-03, 2022)."""
    if not isinstance(value, str):
        return None
    m = _ISO.fullmatch(value.strip()[:10])
    if m is None:
        return None
    return "day" if m.group(3) else "month" if m.group(2) else "year"


def dtypes(table: str) -> dict[str, str]:
    """The declared ``{column: dtype}`` of a table (what every run writes and reads back)."""
    return dict(SCHEMA[table])
