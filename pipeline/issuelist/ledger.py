"""Ledgers (整改台账, CSV/XLSX) as offices keep them.

Offices put title rows above the header, keep the ledger on another sheet than the first
(behind a 填表说明 sheet), merge a group header over two columns (整改情况 over 整改措施 and
完成情况), and put a 问题类别 beside the 问题描述.  So the header is *found*: on every sheet
(or the one named), the row among the first ones whose cells name a problem column and the
most other known columns; a second header row below a merged group header completes it.
The description is the problem; the category is its aspect.  Ids are kept as written (1,
never 1.0).  A row with an empty problem cell or a repeated id is an error row naming the
sheet and the row, never a silent drop.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import InputError
from pipeline.lang.tables import match_columns  # the one reading of a header's names
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.normalize import normalize
from pipeline.issuelist.editable import HEADERS as HEADERS_EDITABLE, is_issue_table, issues_from_rows
from pipeline.issuelist.fields import issue_extra
from pipeline.records import ErrorRecord, Issue

_HEADER_SCAN_ROWS = 15
_TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".tsv", ".txt")


@dataclass(slots=True)
class Ledger:
    """What a ledger holds: its issues, the rows that could not be read, where it was found."""

    issues: list[Issue]
    errors: list[ErrorRecord] = field(default_factory=list)
    sheet: str | None = None
    header_row: int = 1  # 1-based, as a spreadsheet shows it
    columns: dict[str, str] = field(default_factory=dict)  # field -> header as written


def _cell(value) -> str:
    """A cell as written: 1 (not 1.0) for a whole number, trimmed text otherwise."""
    if value is None:
        return ""
    if isinstance(value, str) and re.fullmatch(r"\d+\.0", value.strip()):
        return value.strip()[:-2]  # an id a spreadsheet program wrote as a float
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return normalize(str(value)).strip()


def _cell_rows(rows) -> list[list[str]]:
    """Every row's cells as written (:func:`_cell`), each distinct value read once: a ledger repeats its
    units, deadlines and categories over thousands of rows."""
    seen: dict[tuple[type, object], str] = {}
    out = []
    for row in rows:
        line = []
        for value in row:
            key = (type(value), value)  # 1, 1.0 and True are equal keys: their cells differ
            try:
                cell = seen.get(key)
                if cell is None:
                    cell = seen[key] = _cell(value)
            except TypeError:  # an unhashable value: read it as it is
                cell = _cell(value)
            line.append(cell)
        out.append(line)
    return out


def _header(rows: list[list[str]], given) -> tuple[int, list[str], int] | None:
    """(row index, header cells, score) of the best header among the first rows.

    A header row under a merged group header (整改情况 over 整改措施 | 完成情况) completes it:
    the lower row's names win where it has one.
    """
    best = None
    for r, row in enumerate(rows[:_HEADER_SCAN_ROWS]):
        if sum(1 for c in row if c) < 2:
            continue  # a title row over merged cells
        if is_issue_table(row):
            return r, list(row), 99
        cols = match_columns(row, given)
        if "problem" not in cols:
            continue
        found = (r, list(row), len(cols))
        if r + 1 < len(rows):
            below = rows[r + 1]
            merged = [below[i] if i < len(below) and below[i] else (row[i] if i < len(row) else "")
                      for i in range(max(len(row), len(below)))]
            merged_cols = match_columns(merged, given)
            problem_cell = below[cols["problem"]] if cols["problem"] < len(below) else ""
            if len(merged_cols) > len(cols) and "problem" in merged_cols and len(problem_cell) <= 12:
                found = (r + 1, merged, len(merged_cols))
        if best is None or found[2] > best[2]:
            best = found
    return best


def _xlsx_sheets(path: Path, limits: Limits) -> list[tuple[str, list[list[str]]]]:
    from pipeline.read.xlsx_cells import read_sheets

    out = []
    try:
        sheets = read_sheets(path, limits=limits)
    except InputError as exc:  # a zip bomb: the same reason, said of the problem list
        raise InputError(exc.error_type, f"{path}: {exc.reason}", stage="issues") from None
    for sheet in sheets:
        rows = _cell_rows(sheet.rows)
        for r1, c1, r2, c2 in sheet.merged:  # a merged cell's value fills the cells it covers
            value = rows[r1 - 1][c1 - 1] if r1 - 1 < len(rows) else ""
            for r in range(r1 - 1, min(r2, len(rows))):
                for c in range(c1 - 1, min(c2, len(rows[r]))):
                    rows[r][c] = rows[r][c] or value
        out.append((sheet.title, rows))
    return out


def _csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            decoded = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError("unknown_encoding", f"{path}: neither UTF-8 nor GB18030", stage="issues")
    if not decoded.strip():
        raise InputError("unreadable_table", f"{path}: not a readable problem list (empty file)", stage="issues")
    if path.suffix.lower() == ".tsv":
        delimiter = "\t"
    else:
        try:
            delimiter = csv.Sniffer().sniff(decoded[:4096], delimiters=",\t;").delimiter
        except csv.Error:
            delimiter = ","
    rows = _cell_rows(csv.reader(io.StringIO(decoded), delimiter=delimiter))
    if max((len(r) for r in rows), default=0) < 2:
        raise InputError("unreadable_table", f"{path}: not a readable problem list (no delimiter, one column)", stage="issues")
    return rows


def sheets_of(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> list[tuple[str | None, list[list[str]]]]:
    """Every sheet of the file as rows of cells as written; InputError when unreadable or over ``limits``."""
    suffix = path.suffix.lower()
    if suffix not in _TABLE_SUFFIXES and suffix != ".xls":
        raise InputError("unsupported_format", f"{path}: not a CSV or XLSX problem list", stage="issues")
    if not path.exists():
        raise InputError("unreadable_file", f"{path}: file not found", stage="issues")
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise InputError("too_large", f"{path}: file is {size:,} bytes, limit is {limits.max_file_bytes:,}",
                             stage="issues")
        if suffix in (".xlsx", ".xlsm"):
            return list(_xlsx_sheets(path, limits))
        if suffix == ".xls":
            raise InputError("unsupported_format", f"{path}: old .xls workbooks are not read; save it as .xlsx", stage="issues")
        return [(None, _csv_rows(path))]
    except OSError as exc:
        raise InputError("unreadable_file", f"{path}: {exc.strerror or exc}", stage="issues") from exc
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError("unreadable_table", f"{path}: not a readable problem list ({exc})", stage="issues") from exc


def read_ledger(path, *, sheet: str | int | None = None, id_col=None, problem_col=None, aspect_col=None,
                owner_col=None, deadline_col=None, measures_col=None, progress_col=None) -> Ledger:
    """The ledger's issues: aspects (问题类别, level 1, "A1"…) and problems (level 2, ids as written).

    ``sheet`` names the sheet (or its 0-based index); without it the sheet whose header
    matches best is read.  Raises InputError when no sheet has a problem column.
    """
    path = Path(path)
    given = {"id": id_col, "problem": problem_col, "aspect": aspect_col, "owner": owner_col,
             "deadline": deadline_col, "measures": measures_col, "progress": progress_col}
    sheets = sheets_of(path)
    if sheet is not None:
        names = [n for n, _ in sheets]
        if isinstance(sheet, int) or (isinstance(sheet, str) and sheet.isdigit() and sheet not in names):
            idx = int(sheet)
            if not 0 <= idx < len(sheets):
                raise InputError("no_sheet", f"{path}: no sheet {sheet} (sheets: {', '.join(map(str, names))})", stage="issues")
            sheets = [sheets[idx]]
        elif sheet in names:
            sheets = [sheets[names.index(sheet)]]
        else:
            raise InputError("no_sheet", f"{path}: no sheet {sheet!r} (sheets: {', '.join(map(str, names))})", stage="issues")
    best = None
    for name, rows in sheets:
        found = _header(rows, given)
        if found is not None and (best is None or found[2] > best[2][2]):
            best = (name, rows, found)
    if best is None:
        headers = [r for _, rows in sheets for r in rows[:1]]
        raise InputError("no_problem_column", f"{path}: no problem column (问题描述/存在问题/问题 …) among {headers[:1]}",
                         stage="issues")
    name, rows, (r, header, _) = best
    if is_issue_table(header):  # the reviewer's edited list (zhenggai issues): read back as written
        issues, errors = issues_from_rows(path, header, rows[r + 1:], r + 2, sheet=name)
        return Ledger(issues, errors, name, r + 1, {HEADERS_EDITABLE[h]: h for h in header if h in HEADERS_EDITABLE})
    cols = match_columns(header, given)
    return _rows_to_issues(path, name, rows[r + 1:], r + 2, header, cols)


def _rows_to_issues(path: Path, sheet: str | None, rows: list[list[str]], first_row: int, header: list[str],
                    cols: dict[str, int]) -> Ledger:
    where = f"sheet {sheet!r} " if sheet else ""
    doc_id = path.name
    issues: list[Issue] = []
    errors: list[ErrorRecord] = []
    aspects: dict[str, str] = {}
    seen: dict[str, int] = {}

    def get(row: list[str], name: str) -> str | None:
        i = cols.get(name)
        value = row[i] if i is not None and i < len(row) else ""
        return value or None

    for k, row in enumerate(rows):
        row_no = first_row + k
        if not any(row):
            continue
        problem = get(row, "problem")
        if problem is None:
            errors.append(ErrorRecord(str(path), "issues", "empty_problem",
                                      f"{path.name}: {where}row {row_no}: empty problem cell ({header[cols['problem']]}); row not read"))
            continue
        iid = get(row, "id") or str(len(seen) + 1)
        if iid in seen:
            errors.append(ErrorRecord(str(path), "issues", "duplicate_id",
                                      f"{path.name}: {where}row {row_no}: id {iid} already used on row {seen[iid]}; row not read"))
            continue
        seen[iid] = row_no
        aspect = get(row, "aspect")
        parent = None
        if aspect:
            if aspect not in aspects:
                aspects[aspect] = f"A{len(aspects) + 1}"
                issues.append(Issue(aspects[aspect], None, 1, aspect, doc_id, None, None,
                                    extra=issue_extra(how="table", confidence=1.0)))
            parent = aspects[aspect]
        issues.append(Issue(iid, parent, 2, problem, doc_id, None, None, extra=issue_extra(
            aspect=aspect, how="table", confidence=1.0, owner=get(row, "owner"), deadline=get(row, "deadline"),
            measures=get(row, "measures"), progress=get(row, "progress"))))
    columns = {name: header[i] for name, i in cols.items()}
    return Ledger(issues, errors, sheet, first_row - 1, columns)
