"""zhenggai: analysis of inspection rectification reports (巡视/巡察整改).

The public API is :func:`analyze` (one document or text to tables) and
:func:`match` (an issue list against a report).  Both return pandas
DataFrames keyed by the table names of the output contract.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:  # one source of truth: the version in pyproject.toml, as installed
    __version__ = version("zhenggai")
except PackageNotFoundError:  # pragma: no cover - a checkout used without installing
    __version__ = "0+unknown"

__all__ = ["analyze", "match", "__version__"]


def __getattr__(name: str):
    # Imported lazily so `import pipeline` stays cheap (no spaCy, no jieba).
    if name == "analyze":
        from pipeline.api import analyze

        return analyze
    if name == "match":
        from pipeline.api import match

        return match
    raise AttributeError(name)
