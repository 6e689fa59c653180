"""Python API: a few lines from a file or a string to pandas DataFrames."""

from __future__ import annotations

import glob
import os
from collections.abc import Sequence
from pathlib import Path


from pipeline.batch import DOCUMENT_SUFFIXES, collect_inputs, iter_results
from pipeline.document import DocumentResult, analyze_text, process_path
from pipeline.errors import InputError
from pipeline.progress import progress_bar
from pipeline.records import ErrorRecord
from pipeline.review import TABLE_SUFFIXES, issue_list_from_text, load_issue_list, run_review
from pipeline.tables import Tables, build_tables, match_tables

PathOrText = str | os.PathLike

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


def _is_batch(inputs) -> bool:
    """A list, a folder or a glob pattern (a string with a newline is text)."""
    if isinstance(inputs, (list, tuple)):
        return True
    name = os.fspath(inputs)
    if "\n" in name or len(name) >= _MAX_PATH_CHARS:
        return False
    return Path(name).is_dir() or (glob.has_magic(name) and not Path(name).is_file())


def analyze_batch(
    inputs: PathOrText | Sequence[PathOrText], *, progress: bool = True
) -> tuple[list[DocumentResult], list[ErrorRecord]]:
    """Results of a folder (recursively), a list of files or glob patterns, and the inputs that name nothing."""
    collected = collect_inputs([inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs))
    results = iter_results(collected.files, progress=False)
    return list(progress_bar(results, total=len(collected.files), show=progress, unit="file")), collected.errors


def analyze(
    inputs: PathOrText | Sequence[PathOrText], *, review: bool = False, progress: bool = True
) -> Tables:
    """Tables (documents, sections, quantities, times, citations, claims, measures, errors) of the inputs.

    ``inputs``: one file, the text itself, a folder (searched recursively, as ``zhenggai run``)
    or a list of files and folders; a batch shows a progress bar.  ``review=True`` also pairs
    each progress report with its feedback among the inputs and adds issues, matches, flags
    and pairs, the tables ``zhenggai run`` writes.

    >>> tables = analyze("corpus/progress_cq_tzb_2022.txt")   # doctest: +SKIP
    >>> tables["quantities"][["text", "value", "unit"]].head()  # doctest: +SKIP
    >>> corpus = analyze("corpus", review=True)                  # doctest: +SKIP
    """
    if _is_batch(inputs):
        results, input_errors = analyze_batch(inputs, progress=progress)
    else:
        results, input_errors = [analyze_one(inputs)], []
    if not review:
        return Tables(build_tables(results, extra_errors=input_errors))
    outcome = run_review(results)
    tables = Tables(build_tables(results, extra_errors=input_errors + outcome.errors))
    review_ = outcome.review
    tables.update(match_tables(review_.issues, review_.matches, review_.flags, review_.statuses, pairs=review_.pairs))
    return tables


def match(issues: str | os.PathLike, report: str | os.PathLike, *, matcher=None) -> Tables:
    """Match an issue list (feedback document, CSV/XLSX list, or feedback text) against a report.

    Returns the report's tables plus ``issues``, ``matches``, ``flags`` and ``pairs``.
    Raises :class:`pipeline.errors.InputError` when either input cannot be read.
    """
    issue_list = load_issue_list(issues) if _looks_like_path(issues) else issue_list_from_text(str(issues))
    report_result = analyze_one(report)
    if report_result.error is not None:
        raise InputError(report_result.error.error_type, report_result.error.message, stage=report_result.error.stage)
    outcome = run_review([report_result], issues=issue_list, matcher=matcher, reports_given=True)
    documents = [report_result] if issue_list.source is None else [issue_list.source, report_result]
    tables = Tables(build_tables(documents, extra_errors=outcome.errors))  # a review that failed is a row, not silence
    review = outcome.review
    tables.update(match_tables(review.issues, review.matches, review.flags, review.statuses, pairs=review.pairs))
    return tables
