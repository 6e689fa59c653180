"""Issue lists (问题清单): the readers live in :mod:`pipeline.issuelist`; this module keeps the
names the matching code and the tests import."""

from __future__ import annotations

from pathlib import Path

from pipeline.issuelist.feedback import issues_from_feedback, read_feedback
from pipeline.issuelist.ledger import Ledger, read_ledger
from pipeline.issuelist.report import issues_from_report
from pipeline.records import Issue


def issues_from_table(path, *, id_col=None, problem_col=None, aspect_col=None, owner_col=None,
                      deadline_col=None, sheet=None) -> list[Issue]:
    """Issues of a CSV/XLSX problem list or ledger (rows that cannot be read: see :func:`read_ledger`)."""
    return read_ledger(Path(path), sheet=sheet, id_col=id_col, problem_col=problem_col, aspect_col=aspect_col,
                       owner_col=owner_col, deadline_col=deadline_col).issues


__all__ = ["Ledger", "issues_from_feedback", "issues_from_report", "issues_from_table", "read_feedback", "read_ledger"]
