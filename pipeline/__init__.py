"""zhenggai: analysis of inspection rectification reports (巡视/巡察整改).

The public API is :func:`analyze` (a document, a text, a folder or a list of
files to tables), :func:`match` (an issue list against a report) and
:func:`read_tables` (a run's output folder, with the schema's dtypes).  All
return pandas DataFrames keyed by the table names of the output contract.
"""

from __future__ import annotations

__all__ = ["analyze", "match", "read_tables", "__version__"]


def _version() -> str:
    """One source of truth: the version in pyproject.toml, as installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("zhenggai")
    except PackageNotFoundError:  # pragma: no cover - a checkout used without installing
        return "0+unknown"


def __getattr__(name: str):
    # Looked up lazily so `import pipeline` stays cheap (no spaCy, no jieba, not even the
    # installed packages' metadata: every worker pool's zygote or forkserver imports this package first).
    if name == "__version__":
        return _version()
    if name == "analyze":
        from pipeline.api import analyze

        return analyze
    if name == "match":
        from pipeline.api import match

        return match
    if name == "read_tables":
        from pipeline.tables import read_tables

        return read_tables
    raise AttributeError(name)
