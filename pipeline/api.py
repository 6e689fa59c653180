"""Python API: a few lines from a file or a string to pandas DataFrames."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from pipeline.document import DocumentResult, analyze_text, process_path
from pipeline.tables import build_tables

# A string longer than this, or with a newline, is text, never a path.
_MAX_PATH_CHARS = 4096


def _looks_like_path(value: str | os.PathLike) -> bool:
    if isinstance(value, os.PathLike):
        return True
    return len(value) < _MAX_PATH_CHARS and "\n" not in value and Path(value).is_file()


def analyze_one(path_or_text: str | os.PathLike, *, nlp=None) -> DocumentResult:
    """The records of one document (a path to read, or the text itself)."""
    if nlp is None:
        from pipeline.nlp.language import load_nlp

        nlp = load_nlp()
    if _looks_like_path(path_or_text):
        return process_path(path_or_text, nlp=nlp)
    return analyze_text(str(path_or_text), nlp=nlp)


def analyze(path_or_text: str | os.PathLike, *, nlp=None) -> dict[str, pd.DataFrame]:
    """Tables (documents, sections, quantities, times, citations, claims, measures, errors) of one document.

    >>> tables = analyze("corpus/progress_cq_tzb_2022.txt")   # doctest: +SKIP
    >>> tables["quantities"][["text", "value", "unit"]].head()  # doctest: +SKIP
    """
    return build_tables([analyze_one(path_or_text, nlp=nlp)])
