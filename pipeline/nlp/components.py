"""spaCy pipeline components: thin wrappers around the pure extractors.

Each extractor is a function over the normalized text that returns records with
exact character offsets.  A component runs it, maps every record to a token
span with ``doc.char_span(..., alignment_mode="expand")`` and stores the spans
in ``doc.spans[key]`` with the record in ``span._.record``.  The extractors keep
no state, so the components have nothing to initialize or serialize beyond
their name; ``to_disk``/``from_disk`` exist so ``nlp.to_disk`` round-trips.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp.extensions import SPAN_KEYS, records_of  # importing it registers the extensions


def _to_spans(doc: Doc, records: Iterable[Any], *, label: str) -> list[Span]:
    """Spans for ``records``; the records themselves go to ``doc._.records[key]``."""
    key = SPAN_KEYS[label.lower()]
    kept: list[Any] = []
    spans: list[Span] = []
    for record in records:
        span = doc.char_span(
            record.start, record.end, label=label, alignment_mode="expand", span_id=f"{key}:{len(kept)}"
        )
        if span is None:  # only when the offsets are outside the text
            continue
        kept.append(record)
        spans.append(span)
    store = doc._.records
    if store is None:
        store = {}
        doc._.records = store
    store[key] = kept
    return spans


#: ``doc.user_data`` key of the text cache (see ``_text``).
_TEXT_KEY = ("zhenggai", "text")


def _text(doc: Doc) -> str:
    """``doc.text``, built once per Doc and kept in ``doc.user_data``.

    spaCy rebuilds ``Doc.text`` from a Python ``Token`` per token on every
    access (2 ms on the 9,653-character report, ~5,000 tokens); seven
    components each asking for it cost more than all their extractors together.
    A Doc's text never changes (retokenizing keeps it), so the cache holds for
    the Doc's lifetime; the length check guards against a copied-in stale value.
    """
    cached = doc.user_data.get(_TEXT_KEY)
    if isinstance(cached, str) and len(doc) and len(cached) == doc[-1].idx + len(doc[-1].text_with_ws):
        return cached
    text = _rebuild_text(doc)
    doc.user_data[_TEXT_KEY] = text
    return text


def cache_text(doc: Doc, text: str) -> None:
    """Hand the components the text ``doc`` was made from, so none rebuilds it.

    For callers that hold the string anyway (``analyze_text``); ignored when its
    length does not match the Doc (then the components rebuild it themselves).
    """
    if len(doc) and len(text) == doc[-1].idx + len(doc[-1].text_with_ws):
        doc.user_data[_TEXT_KEY] = text


def _rebuild_text(doc: Doc) -> str:
    """``doc.text`` without a Python ``Token`` per token (about twice as fast).

    Our tokenizer never sets trailing spaces (whitespace is its own token), so
    the text is the token strings joined; any other Doc takes spaCy's own path.
    """
    if len(doc) == 0 or doc.to_array(SPACY).any():
        return doc.text
    strings = doc.vocab.strings
    return "".join(map(strings.__getitem__, doc.to_array(ORTH).tolist()))


def _anchor(doc: Doc) -> dt.date | None:
    meta = doc._.meta
    if meta is not None and meta.report_date and len(meta.report_date) == 10:
        try:
            return dt.date.fromisoformat(meta.report_date)
        except ValueError:
            return None
    return None


class _Component:
    """Shared plumbing: a name, a no-op initialize and serialization."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def initialize(self, get_examples: Callable | None = None, *, nlp: Language | None = None) -> None:
        return None

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "_Component":
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "_Component":
        return self


@Language.factory("zhenggai_outline")
class OutlineComponent(_Component):
    """Headings and enumerations -> ``doc.spans["section"]``."""

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.outline import parse_outline

        doc.spans[SPAN_KEYS["section"]] = _to_spans(doc, parse_outline(_text(doc)), label="SECTION")
        return doc


@Language.factory("zhenggai_metadata")
class MetadataComponent(_Component):
    """Document kind, title, issuer, dates -> ``doc._.meta``."""

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.metadata import extract_metadata

        hints = doc._.hints or {}
        doc._.meta = extract_metadata(
            _text(doc),
            records_of(doc, "section"),
            title_hint=hints.get("title"),
            date_hint=hints.get("publish_date"),
        )
        return doc


@Language.factory("zhenggai_citations")
class CitationComponent(_Component):
    """《…》 titles -> ``doc.spans["citation"]``."""

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.extract.citations import extract_citations

        doc.spans[SPAN_KEYS["citation"]] = _to_spans(doc, extract_citations(_text(doc)), label="CITATION")
        return doc


@Language.factory("zhenggai_quantities")
class QuantityComponent(_Component):
    """Numerals with measure words -> ``doc.spans["quantity"]``."""

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.extract.quantities import extract_quantities

        doc.spans[SPAN_KEYS["quantity"]] = _to_spans(doc, extract_quantities(_text(doc)), label="QUANTITY")
        return doc


@Language.factory("zhenggai_times")
class TimeComponent(_Component):
    """Dates, periods, deadlines, recurrences -> ``doc.spans["time"]``; anchored on the report date."""

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.extract.times import extract_times

        records = extract_times(_text(doc), anchor=_anchor(doc))
        doc.spans[SPAN_KEYS["time"]] = _to_spans(doc, records, label="TIME")
        return doc


@Language.factory("zhenggai_claims")
class ClaimComponent(_Component):
    """Aggregate rectification figures -> ``doc.spans["claim"]``."""

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.extract.claims import extract_claims

        meta = doc._.meta
        records = extract_claims(_text(doc), as_of_default=meta.as_of_date if meta else None)
        doc.spans[SPAN_KEYS["claim"]] = _to_spans(doc, records, label="CLAIM")
        return doc


@Language.factory("zhenggai_measures")
class MeasureComponent(_Component):
    """Enumerated measures with status -> ``doc.spans["measure"]``."""

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.extract.measures import extract_measures

        doc.spans[SPAN_KEYS["measure"]] = _to_spans(doc, extract_measures(_text(doc), records_of(doc, "section")), label="MEASURE")
        return doc


#: Component order: metadata needs the outline; times need the report date.
PIPE_NAMES: tuple[str, ...] = (
    "zhenggai_outline",
    "zhenggai_metadata",
    "zhenggai_citations",
    "zhenggai_quantities",
    "zhenggai_times",
    "zhenggai_claims",
    "zhenggai_measures",
)
