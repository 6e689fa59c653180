"""Python API: a few lines from a file or a string to pandas DataFrames."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from pipeline.batch import DOCUMENT_SUFFIXES
from pipeline.document import DocumentResult, analyze_text, process_path
from pipeline.errors import InputError
from pipeline.review import TABLE_SUFFIXES, issue_list_from_text, load_issue_list, run_review
from pipeline.tables import build_tables, match_tables

# A string longer than this, or with a newline, is text, never a path.
_MAX_PATH_CHARS = 4096


def _looks_like_path(value: str | os.PathLike) -> bool:
    """True for a path to read; raises for a string that names a missing file.

    A mistyped file name must not be analysed silently as a one-line text.
    """
    if isinstance(value, os.PathLike):
        return True
    if len(value) >= _MAX_PATH_CHARS or "\n" in value:
        return False
    path = Path(value)
    if path.is_file():
        return True
    if path.suffix.lower() in DOCUMENT_SUFFIXES | TABLE_SUFFIXES or os.sep in value:
        raise FileNotFoundError(f"no such file: {value}")
    return False


def analyze_one(path_or_text: str | os.PathLike) -> DocumentResult:
    """The records of one document (a path to read, or the text itself)."""
    if _looks_like_path(path_or_text):
        return process_path(path_or_text)
    return analyze_text(str(path_or_text))


def analyze(path_or_text: str | os.PathLike) -> dict[str, pd.DataFrame]:
    """Tables (documents, sections, quantities, times, citations, claims, measures, errors) of one document.

    >>> tables = analyze("corpus/progress_cq_tzb_2022.txt")   # doctest: +SKIP
    >>> tables["quantities"][["text", "value", "unit"]].head()  # doctest: +SKIP
    """
    return build_tables([analyze_one(path_or_text)])


def match(issues: str | os.PathLike, report: str | os.PathLike, *, matcher=None) -> dict[str, pd.DataFrame]:
    """Match an issue list (feedback document, CSV/XLSX list, or feedback text) against a report.

    Returns the report's tables plus ``issues``, ``matches`` and ``flags``.
    Raises :class:`pipeline.errors.InputError` when either input cannot be read.
    """
    issue_list = load_issue_list(issues) if _looks_like_path(issues) else issue_list_from_text(str(issues))
    report_result = analyze_one(report)
    if report_result.error is not None:
        raise InputError(report_result.error.error_type, report_result.error.message, stage=report_result.error.stage)
    outcome = run_review([report_result], issues=issue_list, matcher=matcher)
    documents = [report_result] if issue_list.source is None else [issue_list.source, report_result]
    tables = build_tables(documents)
    tables.update(match_tables(outcome.review.issues, outcome.review.matches, outcome.review.flags,
                               outcome.review.statuses))
    return tables
