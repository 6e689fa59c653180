"""The issue list as a table the reviewer corrects, and reading the corrected table back.

``zhenggai issues`` writes ``issues.xlsx`` and ``issues.csv`` with the Chinese headers of
:data:`HEADERS`; ``match --issues`` / ``run --issues`` read the edited file back.  A list
written and read back unchanged gives identical issues: every field of the record has a
column, ids and offsets are written as text and read back as they were.

Column mapping (header → issues-table column):

==========  ===============  ==========  ===============
编号        issue_id          问题        text
上级编号    parent_id         识别方式    how
层级        level             置信度      confidence
方面        aspect            来源文件    source (the file the list came from)
单位        unit              文档编号    source_doc_id
标记        label             起 / 止     start / end
责任单位    owner             整改时限    deadline
整改措施    measures          完成情况    progress
==========  ===============  ==========  ===============
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pipeline.errors import InputError
from pipeline.issuelist.fields import EXTRA_FIELDS, issue_extra
from pipeline.records import ErrorRecord, Issue

#: Header as the reviewer reads it -> field.
HEADERS: dict[str, str] = {
    "编号": "issue_id", "上级编号": "parent_id", "层级": "level", "方面": "aspect", "单位": "unit",
    "问题": "text", "识别方式": "how", "置信度": "confidence", "来源文件": "source", "文档编号": "source_doc_id",
    "起": "start", "止": "end", "标记": "label", "责任单位": "owner", "整改时限": "deadline",
    "整改措施": "measures", "完成情况": "progress",
}
FIELDS = {v: k for k, v in HEADERS.items()}
#: The headers that make a table an edited issue list rather than an office ledger.
SIGNATURE = ("编号", "层级", "问题", "识别方式")
_NOTE = [
    ("说明", "本表由 zhenggai issues 生成，可直接修改后用 match --issues / run --issues 读回。"),
    ("编号", "问题编号：问题用原文编号（1、一）或 1..n，方面为 A1..，具体表现为 问题编号.序号；可改，但不可重复"),
    ("上级编号", "所属方面（问题）、所属问题（具体表现）或所属上级方面（方面下的方面）的编号，可空"),
    ("层级", "1 方面，2 问题，3 具体表现"),
    ("问题", "问题原文；可改写、补充，删除整行即删除该问题"),
    ("识别方式", "heading 标题, numbered 编号, shi-enumeration 一是/第一, semicolon 分号, clause 逗号分句, "
             "prose 叙述, fallback 兜底（短板词句子）, table 台账, edited 人工"),
    ("置信度", "0–1，识别的把握程度；人工新增的行可留空"),
    ("来源文件 / 文档编号 / 起 / 止", "问题在反馈文件中的位置（字符偏移，规范化文本）；人工新增的行留空"),
]


def _row(issue: Issue, source: str | None) -> dict[str, str]:
    extra = issue.extra or {}
    values = {
        "issue_id": issue.issue_id, "parent_id": issue.parent_id, "level": issue.level, "text": issue.text,
        "source_doc_id": issue.source_doc_id, "start": issue.start, "end": issue.end, "label": issue.label,
        "source": source, **{k: extra.get(k) for k in EXTRA_FIELDS},
    }
    return {FIELDS[k]: "" if v is None else str(v) for k, v in values.items()}


def write_issue_table(issues: list[Issue], out_dir, *, source: str | None = None, stem: str = "issues") -> list[Path]:
    """``issues.xlsx`` (a 问题清单 sheet and a 说明 sheet) and ``issues.csv`` (UTF-8 with BOM) in ``out_dir``."""
    import openpyxl

    from pipeline.outdir import atomic_write

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    headers = list(HEADERS)
    rows = [_row(i, source) for i in issues]

    def write_xlsx(tmp: Path) -> None:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "问题清单"
        sheet.append(headers)
        for row in rows:
            sheet.append([row[h] for h in headers])
        for cell in sheet[1]:
            cell.number_format = "@"
        for column in sheet.iter_cols(min_row=2):
            for cell in column:
                cell.number_format = "@"  # text: ids stay 1, never 1.0
        sheet.freeze_panes = "A2"
        sheet.column_dimensions["F"].width = 80
        note = book.create_sheet("说明")
        for item in _NOTE:
            note.append(list(item))
        book.save(tmp)

    def write_csv(tmp: Path) -> None:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([row[h] for h in headers])
        tmp.write_text(buffer.getvalue(), encoding="utf-8-sig")

    targets = [out / f"{stem}.xlsx", out / f"{stem}.csv"]
    atomic_write(targets[0], write_xlsx)
    atomic_write(targets[1], write_csv)
    return targets


def is_issue_table(header: list[str]) -> bool:
    """Whether a header row is the one :func:`write_issue_table` writes (possibly with columns removed)."""
    cells = {h.strip() for h in header}
    return all(h in cells for h in SIGNATURE)


def _int(value: str, name: str, where: str) -> int | None:
    if value == "":
        return None
    try:
        return int(float(value))
    except ValueError:
        raise InputError("bad_value", f"{where}: {name} {value!r} is not a number", stage="issues") from None


def issues_from_rows(path: Path, header: list[str], rows: list[list[str]], first_row: int, *,
                     sheet: str | None = None) -> tuple[list[Issue], list[ErrorRecord]]:
    """Issues of an edited issue table (its header row, the data rows after it) and the rows that
    could not be read (empty 问题, repeated 编号, a level or offset that is not a number)."""
    index = {HEADERS[h.strip()]: i for i, h in enumerate(header) if h.strip() in HEADERS}
    where_sheet = f"sheet {sheet!r} " if sheet else ""
    out: list[Issue] = []
    errors: list[ErrorRecord] = []
    seen: dict[str, int] = {}
    for k, row in enumerate(rows):
        row_no = first_row + k
        where = f"{path.name}: {where_sheet}row {row_no}"
        cell = {name: (row[i].strip() if i < len(row) and row[i] is not None else "") for name, i in index.items()}
        if not any(cell.values()):
            continue
        if not cell.get("text"):
            errors.append(ErrorRecord(str(path), "issues", "empty_problem", f"{where}: empty 问题 cell; row not read"))
            continue
        iid = cell.get("issue_id") or str(k + 1)
        if iid in seen:
            errors.append(ErrorRecord(str(path), "issues", "duplicate_id",
                                      f"{where}: 编号 {iid} already used on row {seen[iid]}; row not read"))
            continue
        try:
            level = _int(cell.get("level", ""), "层级", where) or 2
            start, end = _int(cell.get("start", ""), "起", where), _int(cell.get("end", ""), "止", where)
            confidence = float(cell["confidence"]) if cell.get("confidence") else None
        except (InputError, ValueError) as exc:
            errors.append(ErrorRecord(str(path), "issues", "bad_value", f"{where}: {exc}; row not read"))
            continue
        seen[iid] = row_no
        extra = issue_extra(**{name: (cell.get(name) or None) for name in EXTRA_FIELDS if name != "confidence"},
                            confidence=confidence)
        extra["how"] = extra["how"] or "edited"
        out.append(Issue(iid, cell.get("parent_id") or None, level, cell["text"], cell.get("source_doc_id") or None,
                         start, end, label=cell.get("label") or None, extra=extra))
    return out, errors
