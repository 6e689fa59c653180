"""review.xlsx: the reviewer's report as a workbook, for those who sort and annotate in Excel.

Sheets 问题, 匹配, 标记, 措施, 数量, 时间; each with a frozen header row, filters, column
widths, wrapped text, and the verdicts coloured as in review.html.  Written by
:mod:`pipeline.report.workbook` (a 10,000-problem review in a second, not half a minute), which
makes every text cell-safe as the tables are (control characters, 32,767-character cells).
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.matching.audit import STATUS_LABELS, leaf_issues
from pipeline.outdir import atomic_write
from pipeline.report.workbook import Sheet, write_workbook

COLOURS = {"unaddressed": "FFCDD2", "overdue": "F8BBD0", "planned_only": "FFE0B2", "weak": "FFF9C4",
           "addressed": "C8E6C9"}
#: the fill of a verdict cell, by the verdict as the sheet shows it (已回应 …)
_FILL_BY_LABEL = {STATUS_LABELS[status]: colour for status, colour in COLOURS.items()}
_REVIEWED = {"accepted": "确认", "rejected": "否定"}  # a reviewer's decision on a match, as the sheet shows it


def _sheet(book: list[Sheet], title: str, header: list[tuple[str, int]], rows: list[list], *,
           status_col: int | None = None) -> None:
    fills = [_FILL_BY_LABEL.get(row[status_col]) for row in rows] if status_col is not None else []
    book.append(Sheet(title, header, rows, status_col, fills))


def write_review_xlsx(pair, path: str | os.PathLike) -> Path:
    """Write the workbook of one :class:`pipeline.review.PairReview` to ``path`` (atomically)."""
    report, review = pair.report, pair.review
    text = report.text
    statuses = review.statuses
    by_issue: dict[str, list] = {}
    for m in review.matches:
        by_issue.setdefault(m.issue_id, []).append(m)
    book: list[Sheet] = []
    issues = [i for i in leaf_issues(review.issues) if i.issue_id in statuses]
    rows = []
    for i in issues:
        answers = [m for m in by_issue.get(i.issue_id, []) if m.addressed]
        rows.append([i.issue_id, i.text, STATUS_LABELS[statuses[i.issue_id]], "是" if i.issue_id in review.reviewed else "",
                     i.extra.get("owner"), i.extra.get("deadline"),
                     "、".join(f"{m.target_kind}:{m.target_id}" for m in answers),
                     "\n".join(m.target_text for m in answers), "、".join(dict.fromkeys(
                         t for m in answers for t in m.shared_terms.split("、") if t))])
    _sheet(book, "问题", [("问题编号", 10), ("问题", 60), ("结论", 12), ("审阅认定", 10), ("责任单位", 14),
                         ("整改时限", 14), ("回应位置", 18), ("回应句", 70), ("共同关键词", 30)], rows, status_col=2)
    rows = [[m.issue_id, m.rank, m.score, m.similarity, f"{m.target_kind}:{m.target_id}", "是" if m.addressed else "",
             STATUS_LABELS.get(m.decision or "", m.decision), m.reason, m.shared_terms, m.target_text,
             _REVIEWED.get(m.reviewed or "", ""), m.issue_text]
            for m in review.matches]
    _sheet(book, "匹配", [("问题编号", 10), ("名次", 6), ("得分", 9), ("相似度", 9), ("位置", 14), ("回应", 6),
                         ("结论", 12), ("理由", 40), ("共同关键词", 30), ("回应句", 70), ("审阅", 8), ("问题", 50)],
           rows, status_col=6)
    rows = [[f.issue_id, f.kind, f.severity, f.message, f.start, f.end,
             text[f.start:f.end] if f.doc_id == report.doc_id and f.start is not None else ""] for f in review.flags]
    _sheet(book, "标记", [("问题编号", 10), ("类型", 16), ("严重程度", 10), ("说明", 70), ("起", 8), ("止", 8),
                         ("原文", 50)], rows)
    rows = [[m.measure_id, m.section_id, m.label, m.title, m.status, m.status_basis, m.n_quantities, m.n_times,
             m.n_citations, text[m.start:m.end]] for m in report.measures]
    _sheet(book, "措施", [("措施编号", 9), ("所属标题", 9), ("序号", 8), ("标题", 30), ("状态", 9), ("依据", 24),
                         ("数量", 6), ("时间", 6), ("文件", 6), ("原文", 80)], rows)
    rows = [[q.text, q.value, q.unit, q.approx, q.kind, q.section_id, q.start, q.end] for q in report.quantities]
    _sheet(book, "数量", [("原文", 20), ("数值", 14), ("单位", 8), ("约数", 8), ("类别", 10), ("所属标题", 9),
                         ("起", 8), ("止", 8)], rows)
    rows = [[t.text, t.kind, t.date, t.start_date, t.end_date, t.every, t.section_id, t.start, t.end] for t in report.times]
    _sheet(book, "时间", [("原文", 24), ("类别", 14), ("日期", 12), ("起始", 12), ("截止", 12), ("周期", 10),
                         ("所属标题", 9), ("起", 8), ("止", 8)], rows)
    target = Path(path)
    atomic_write(target, lambda tmp: write_workbook(tmp, book))
    return target
