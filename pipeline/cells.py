"""Cell safety for the written tables: exact big numbers, no formulas, no silent cuts.

Document text is hostile input that ends up in spreadsheets colleagues open:

* a cell beginning with ``=``, ``+``, ``-`` or ``@`` is a formula to Excel and
  LibreOffice (``=HYPERLINK(...)`` becomes a live link); in CSV such text gets a
  leading ``'`` (the spreadsheet convention for "this is text"), and
  :func:`csv_unescape` takes it off again when the tables are read back;
* in XLSX every text cell is stored as a string, never a formula;
* Excel holds at most 32,767 characters per cell: a longer text is cut with a visible
  marker, and every cut cell is listed (sheet ``truncated_cells``);
* an amount of 20 digits does not fit a 64-bit integer column (and a float rounds it):
  the column is stored as floating point and the exact digits go into ``<column>_exact``
  (text), so the value is kept and the approximation is flagged, instead of losing every
  table at write time.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

#: Leading characters that make a spreadsheet read a cell as a formula (with tab and CR,
#: which some spreadsheets strip before looking).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXCEL_MAX_CHARS = 32_767
_INT64 = (-(2**63), 2**63 - 1)
_FLOAT_EXACT = 2**53  # every integer up to here is exact as a float
_CONTROL = {c: " " for c in range(32) if c not in (9, 10, 13)}


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if frame[c].dtype == object or str(frame[c].dtype).startswith(("str", "string"))]


def exact_columns(rows: list[dict], columns: Sequence[str]) -> list[str]:
    """``columns`` plus ``<column>_exact`` after each column holding an integer a float cannot hold.

    pandas turns a column of integers with one null into float64, which rounds beyond 2^53
    (a 20-digit amount): the exact digits are written into the rows as text first.
    """
    exact: set[str] = set()
    for row in rows:
        big = [key for key, value in row.items()  # one comprehension per row: tables have 50,000 rows
               if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _FLOAT_EXACT]
        for key in big:
            row[f"{key}_exact"] = str(row[key])
            exact.add(key)
    if not exact:
        return list(columns)
    out: list[str] = []
    for column in columns:
        out.append(column)
        if column in exact:
            out.append(f"{column}_exact")
    return out


def exact_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns holding integers beyond int64: as float64, with the exact digits in ``<column>_exact``."""
    out = frame
    for column in list(frame.columns):
        if frame[column].dtype != object:
            continue
        values = frame[column].tolist()
        big = [isinstance(v, int) and not isinstance(v, bool) and not _INT64[0] <= v <= _INT64[1] for v in values]
        if not any(big):
            continue
        if out is frame:
            out = frame.copy()
        out[column] = pd.array([float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None
                                for v in values], dtype="Float64")
        if f"{column}_exact" in out.columns:  # already written by exact_columns
            continue
        exact = pd.array([str(v) if flag else None for v, flag in zip(values, big)], dtype="string")
        position = list(out.columns).index(column) + 1
        out.insert(position, f"{column}_exact", exact)
    return out


def _needs_quote(value) -> bool:
    # a text already written '=… is quoted too, so that csv_unescape is an exact inverse
    return isinstance(value, str) and (value.startswith(FORMULA_START) or value[:1] == "'" and value[1:].startswith(FORMULA_START))


def _neutralize(value):
    return "'" + value if _needs_quote(value) else value


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as formulas get a leading ``'``."""
    # any() over the values: Series.map on a pandas string column answers in that string dtype
    columns = [c for c in _text_columns(frame) if any(_needs_quote(v) for v in frame[c])]
    if not columns:
        return frame
    out = frame.copy()
    for column in columns:
        out[column] = out[column].map(_neutralize)
    return out


def csv_unescape(frame: pd.DataFrame) -> pd.DataFrame:
    """Undo :func:`csv_safe` on a table read back from CSV."""
    for column in _text_columns(frame):
        values = frame[column]
        # a plain bool mask: Series.map on a pandas string column answers in that string dtype
        hit = pd.Series([isinstance(v, str) and v[:1] == "'" and _needs_quote(v[1:]) for v in values],
                        index=values.index, dtype=bool)
        if hit.any():
            frame[column] = values.where(~hit, values.str.slice(1))
    return frame


def _cut_marker(length: int) -> str:
    return f"…[截断: 原文{length}字, 全文见 Parquet/CSV 输出]"


def excel_safe(frame: pd.DataFrame, sheet: str) -> tuple[pd.DataFrame, list[dict]]:
    """Control characters blanked, cells over Excel's limit cut with a marker; the cuts listed."""
    out = frame.copy()
    cuts: list[dict] = []
    for column in _text_columns(out):
        cells = []
        for row, value in enumerate(out[column].tolist()):
            if isinstance(value, str):
                value = value.translate(_CONTROL)
                if len(value) > EXCEL_MAX_CHARS:
                    marker = _cut_marker(len(value))
                    cuts.append({"sheet": sheet, "row": row + 2, "column": column, "length": len(value)})
                    value = value[: EXCEL_MAX_CHARS - len(marker)] + marker
            cells.append(value)
        out[column] = pd.Series(cells, index=out.index, dtype=object)
    return out, cuts


def no_formulas(worksheet) -> None:
    """Store every cell openpyxl took for a formula (text beginning with ``=``) as a string."""
    for row in worksheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
