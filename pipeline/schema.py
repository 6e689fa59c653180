"""The tables' schema: every column of every table with one dtype, on every run.

Why one declaration: a notebook, a join or a CSV read-back must see the same
columns and dtypes whether a run found a thousand rows or none.  Ids and text
are pandas ``string``; counts and offsets ``Int64`` (nullable integers); values,
scores, rates and money ``float64``; flags ``boolean``; dates ``datetime64[ms]``
(midnight; ISO ``YYYY-MM-DD`` in CSV), with the precision of a coarse date
(``day``, ``month``, ``year``) in a ``*_precision`` column of its own.  An empty
text is null (CSV and XLSX cannot tell the two apart, so neither does the build).

:func:`conform` casts a frame to its table's schema (build side and read side);
undeclared columns are kept after the declared ones, untouched, so that a new
field shows up in the schema test instead of vanishing.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

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
        "seconds": FLOAT,
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
DATE_PRECISION_COLUMNS: dict[tuple[str, str], str] = {("times", "date"): "date_precision"}

_ISO = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


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


def iso_date(value, precision: str | None = None) -> str | None:
    """A date cell as ISO text at its precision (``2022-03`` for a month): how gold and CSV write it."""
    if _missing(value):
        return None
    text = value.isoformat()[:10] if hasattr(value, "isoformat") else str(value).strip()[:10]
    if not text:
        return None
    return {"month": text[:7], "year": text[:4]}.get(precision or "", text)


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _day_text(value) -> str | None:
    """ISO day text of a date cell; YYYY-MM and YYYY stand for their first day."""
    if _missing(value):
        return None
    text = value.isoformat()[:10] if hasattr(value, "isoformat") else str(value).strip()[:10]
    return {7: text + "-01", 4: text + "-01-01", 10: text}.get(len(text))


def _to_dates(series: pd.Series) -> pd.Series:
    if str(series.dtype) == DATE:
        return series
    if pd.api.types.is_datetime64_any_dtype(series):
        return series.astype(DATE)
    if pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):  # ISO text: vectorized
        text = series.astype(STRING).str.strip().str.slice(0, 10)
        days = text.where(text.str.len() != 7, text + "-01").where(text.str.len() != 4, text + "-01-01")
        return pd.to_datetime(days, format="%Y-%m-%d", errors="coerce").astype(DATE)
    days = [_day_text(v) for v in series]
    return pd.Series(pd.to_datetime(days, format="%Y-%m-%d", errors="coerce"), index=series.index).astype(DATE)


def _to_int(series: pd.Series) -> pd.Series:
    if str(series.dtype) == INT:
        return series
    if series.dtype == object or pd.api.types.is_string_dtype(series):
        series = pd.to_numeric(series.map(lambda v: None if isinstance(v, str) and not v.strip() else v), errors="coerce")
    if pd.api.types.is_bool_dtype(series):
        return series.astype(INT)
    return pd.Series(pd.array(series.astype("float64").round(), dtype=INT), index=series.index)


def _to_bool(series: pd.Series) -> pd.Series:
    if str(series.dtype) == BOOL:
        return series
    if pd.api.types.infer_dtype(series, skipna=True) in ("boolean", "empty"):
        return series.astype(BOOL)
    truth = {"true": True, "false": False, "1": True, "0": False, "1.0": True, "0.0": False}

    def one(v):
        if _missing(v):
            return None
        return truth.get(str(v).strip().lower()) if not isinstance(v, bool) else v

    return pd.Series(pd.array([one(v) for v in series], dtype=BOOL), index=series.index)


def _to_string(series: pd.Series) -> pd.Series:
    if str(series.dtype) == STRING:
        return series
    if pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
        out = series.astype(STRING)
        return out.mask(out == "")  # an empty text is missing: CSV and XLSX cannot tell them apart

    def one(v):
        if _missing(v):
            return None
        if isinstance(v, float) and v.is_integer():  # an id that went through a float column
            return str(int(v))
        return str(v) if v != "" else None

    return pd.Series(pd.array([one(v) for v in series], dtype=STRING), index=series.index)


_CAST = {STRING: _to_string, INT: _to_int, BOOL: _to_bool, DATE: _to_dates,
         FLOAT: lambda s: pd.to_numeric(s, errors="coerce").astype(FLOAT)}


def _nulls(dtype: str, n: int) -> pd.Series:
    """``n`` missing values of ``dtype``: a column the rows did not have."""
    if dtype == DATE:
        return pd.Series(np.full(n, "NaT", dtype=DATE))
    if dtype == FLOAT:
        return pd.Series(np.full(n, np.nan))
    return pd.Series(pd.array([None] * n, dtype=dtype))


def conform(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """``frame`` with exactly its table's declared columns (missing ones added as nulls) and dtypes.

    Coarse dates (``YYYY-MM``) become their first day, their precision going to the
    precision column; columns the schema does not declare follow, unchanged.  The frame
    is assembled once from its columns (inserting them one by one cost most of a small run).
    """
    schema = SCHEMA.get(table)
    if schema is None:
        return frame
    for (name, date_column), precision_column in DATE_PRECISION_COLUMNS.items():
        if name == table and date_column in frame.columns and precision_column not in frame.columns:
            frame = frame.assign(**{precision_column: frame[date_column].map(precision_of)})
    frame = frame.reset_index(drop=True)
    n = len(frame)
    out: dict[str, pd.Series] = {}
    for column, dtype in schema.items():
        out[column] = _CAST[dtype](frame[column]) if column in frame.columns and n else _nulls(dtype, n)
    for column in frame.columns:
        if column not in schema:
            out[column] = frame[column]
    return pd.DataFrame(out, index=pd.RangeIndex(n), copy=False)


def dtypes(table: str) -> dict[str, str]:
    """The declared ``{column: dtype}`` of a table (what every run writes and reads back)."""
    return dict(SCHEMA[table])
