"""An issue list from a file: a feedback document or a CSV/XLSX problem list, and its identity.

Apart from :mod:`pipeline.review` (which imports the matcher and scikit-learn): reading a list
needs neither, so ``match`` can read it in a forked process while it imports them itself.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.document import DocumentResult, process_path
from pipeline.errors import InputError
from pipeline.issuelist.feedback import read_feedback
from pipeline.issuelist.ledger import read_ledger
from pipeline.issuelist.report import issues_from_report
from pipeline.records import ErrorRecord, Flag, Issue

TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".xlsx", ".xlsm", ".xls"})


@dataclass(slots=True)
class IssueList:
    """An issue list and the document it came from (None for a CSV/XLSX table)."""

    issues: list[Issue]
    source: DocumentResult | None = None
    path: str | None = None
    errors: list[ErrorRecord] = field(default_factory=list)  # ledger rows that could not be read
    flags: list[Flag] = field(default_factory=list)  # the list's own warnings (issue_count_mismatch)

    def __repr__(self) -> str:
        levels = [sum(1 for i in self.issues if i.level == k) for k in (1, 2, 3)]
        where = self.path or (self.source.path if self.source is not None else None)
        return (f"IssueList({where!r}, list_doc_id={list_doc_id(self)!r}, {levels[0]} aspects, {levels[1]} problems, "
                f"{levels[2]} manifestations)")


def list_doc_id(issue_list: IssueList) -> str:
    """The list's identity: its feedback document's id, or a hash of a table's problems."""
    if issue_list.source is not None and issue_list.source.doc_id:
        return issue_list.source.doc_id
    ids = {i.source_doc_id for i in issue_list.issues if i.source_doc_id}
    if len(ids) == 1:
        return ids.pop()
    payload = "\n".join(f"{i.issue_id}\t{i.text}" for i in issue_list.issues)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def issue_list_of_document(result: DocumentResult) -> IssueList:
    """The issue list a document states: a feedback list (with its count warning), or the
    problems a progress report restates."""
    if result.meta.kind == "progress":  # a report's restated problems, never its own sentences
        restated = issues_from_report(result.text, result.sections, doc_id=result.doc_id)
        if restated:
            return IssueList(issues=restated, source=result, path=result.path)
    found = read_feedback(result.text, doc_id=result.doc_id)
    return IssueList(issues=found.issues, source=result, path=result.path, flags=found.flags)


def issues_from_document(result: DocumentResult) -> list[Issue]:
    """Issues restated by a document: a feedback list, or the problems a report restates."""
    return issue_list_of_document(result).issues


def load_issue_list(path: str | os.PathLike, *, table_options: dict | None = None) -> IssueList:
    """Read an issue list from a feedback document or a CSV/XLSX problem list; raises InputError."""
    path = Path(path)
    if path.suffix.lower() in TABLE_SUFFIXES:
        ledger = read_ledger(path, **(table_options or {}))
        issue_list = IssueList(issues=ledger.issues, path=str(path), errors=ledger.errors)
    else:
        source = process_path(path)
        if source.error is not None:
            raise InputError(source.error.error_type, source.error.message, stage="issues")
        issue_list = issue_list_of_document(source)
        issue_list.path = str(path)
    if not issue_list.issues:
        raise InputError("no_issues", f"{path}: no issue list found (no problem rows, and no sentence states a shortcoming)",
                         stage="issues")
    return issue_list
