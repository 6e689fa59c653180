"""Casting frames to the schema of :mod:`pipeline.schema`, on the build side and on the read side.

:func:`conform` gives a frame exactly its table's declared columns and dtypes;
undeclared columns are kept after the declared ones, untouched, so that a new
field shows up in the schema test instead of vanishing.  Kept apart from the
declarations because it needs pandas, which a worker process never imports.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline.schema import BOOL, DATE, DATE_PRECISION_COLUMNS, FLOAT, INT, SCHEMA, STRING, precision_of


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
