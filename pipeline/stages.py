"""The extraction stages of one text, in order, each declaring what it requires and assigns.

One table (``STAGES``) drives both ways extraction runs:

* :func:`extract` over the normalized text, with no tokens: the batch and API path.
  No extractor reads tokens (they are grammars over characters), so this path does
  not pay for word segmentation, which was two thirds of the time per document;
* the spaCy components of :mod:`pipeline.nlp.components`, one per stage, for users who
  want a ``Doc``: each runs the same stage on the same ``Extraction`` and also puts its
  records in ``doc.spans``.

A stage reads the records of the stages it requires from the ``Extraction`` (the
outline for metadata and measures, the report date for times, the as-of date for
claims) and never re-parses the text for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pipeline.extract.citations import extract_citations
from pipeline.extract.claims import extract_claims
from pipeline.extract.measures import extract_measures
from pipeline.extract.quantities import extract_quantities
from pipeline.extract.times import extract_times
from pipeline.lang.text import reflowed, span_back, unwrapped
from pipeline.metadata import extract_metadata
from pipeline.outline import parse_outline
from pipeline.records import Citation, Claim, DocumentMeta, Measure, Quantity, Section, TimeExpr


@dataclass(slots=True)
class Extraction:
    """The records of one normalized text, filled stage by stage."""

    text: str
    hints: dict[str, Any] = field(default_factory=dict)  # reader hints: title, publish_date
    sections: list[Section] = field(default_factory=list)
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    citations: list[Citation] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    ref_date: dt.date | None = None  # the caller's reference date (--ref-date), over the document's own
    flowing: str | None = None  # the text with its page-width wraps as spaces (flow())
    flat: tuple[str, list[int]] | None = None  # the text without its page-width wraps, and where each character is (unwrap())

    def flow(self) -> str:
        """The text with a PDF's page-width line wraps as spaces (:func:`pipeline.lang.text.reflowed`), at the
        same offsets: what a heading, a measure, a dated sentence of the metadata, a claim or a cited title broken
        across lines is read in (the text itself for a text written one paragraph a line)."""
        if self.flowing is None:
            self.flowing = reflowed(self.text)
        return self.flowing

    def unwrap(self) -> tuple[str, list[int]]:
        """The text without a PDF's page-width wraps and the page lines between them (:func:`pipeline.lang.text.unwrapped`),
        and where each of its characters stands in the text: what a figure or a date broken across lines (8\n个,
        5月1\n6日) is read in; the text itself and no positions for a text written one paragraph a line."""
        if self.flat is None:
            self.flat = unwrapped(self.text)
        return self.flat

    def reference_date(self) -> dt.date | None:
        """The anchor of relative expressions (今年以来, 3月7日): the caller's ``ref_date`` when
        given, else the document's own date."""
        return self.ref_date or self.report_date()

    def now(self) -> str | None:
        """What 截至目前 means: the reference date (ISO), else the document's as-of date."""
        ref = self.reference_date()
        return ref.isoformat() if ref else self.meta.as_of_date

    def report_date(self) -> dt.date | None:
        """The document's own date (a full ISO date), the anchor of relative expressions."""
        value = self.meta.report_date
        if value and len(value) == 10:
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return None
        return None


@dataclass(frozen=True, slots=True)
class Stage:
    """One extraction step: ``run`` reads ``requires`` from the Extraction and returns ``assigns``."""

    name: str
    requires: tuple[str, ...]
    assigns: str
    run: Callable[[Extraction], Any]
    span_key: str | None = None  # doc.spans key of its records (None: a Doc attribute)


def _as_written(records: list, text: str) -> list:
    """Records found in :meth:`Extraction.flow`, their ``text`` as the document writes it (its line breaks);
    a citation's title without them."""
    for r in records:
        r.text = text[r.start:r.end]
        if isinstance(r, Citation):
            r.title = text[r.start + 1:r.end - 1].replace("\n", "")
    return records


def _found_unwrapped(extract_from: Callable[[str], list], x: "Extraction") -> list:
    """Records found in :meth:`Extraction.unwrap`, their spans and texts mapped back to the document's text (a span
    then holds the line break, and the page lines, it crossed)."""
    flat, where = x.unwrap()
    records = extract_from(flat)
    if not where:
        return records
    for r in records:
        r.start, r.end = span_back(where, r.start, r.end)
        r.text = x.text[r.start:r.end]
        if isinstance(r, Claim):  # and each figure's span (办结\n197件)
            r.figure_spans = {name: span_back(where, *span) for name, span in r.figure_spans.items()}
    return records


def _titles_as_written(records: list, flowing: str, text: str) -> list:
    """Sections (or measures) found in :meth:`Extraction.flow`, their titles as the document writes them,
    without the line breaks a PDF wrapped them at (强化督\n查督办: 强化督查督办)."""
    if flowing is text:
        return records
    for r in records:
        if isinstance(r, Section):
            r.title = text[r.title_start:r.title_end].replace("\n", "")
        elif r.title and (at := flowing.find(r.title, r.start, r.end)) >= 0:
            r.title = text[at:at + len(r.title)].replace("\n", "")
    return records


def _names_as_written(meta: DocumentMeta, flowing: str, text: str) -> DocumentMeta:
    """The document's names (issuer, inspecting body, inspected unit) found in :meth:`Extraction.flow`, without the
    space a PDF's wrap became there (雁汀省\n能源投资集团有限公司党委 read as 雁汀省 能源投资集团有限公司党委)."""
    if flowing is text:
        return meta
    for name in ("issuer", "inspecting_body", "inspected_unit"):
        value, span = getattr(meta, name), meta.evidence.get(name)
        if isinstance(value, str) and span and flowing[span[0]:span[1]] != text[span[0]:span[1]]:
            setattr(meta, name, value.replace(flowing[span[0]:span[1]], text[span[0]:span[1]].replace("\n", "")))
    return meta


STAGES: tuple[Stage, ...] = (
    Stage("outline", (), "sections", lambda x: _titles_as_written(parse_outline(x.flow()), x.flow(), x.text), "section"),
    Stage("metadata", ("sections",), "meta", lambda x: _names_as_written(extract_metadata(
        x.flow(), x.sections, title_hint=x.hints.get("title"), date_hint=x.hints.get("publish_date")), x.flow(), x.text)),
    Stage("citations", (), "citations", lambda x: _as_written(extract_citations(x.flow()), x.text), "citation"),
    Stage("quantities", (), "quantities", lambda x: _found_unwrapped(extract_quantities, x), "quantity"),
    Stage("times", ("meta",), "times",
          lambda x: _found_unwrapped(lambda flat: extract_times(flat, anchor=x.reference_date(),
                                                                report=x.meta.kind == "progress"), x), "time"),
    Stage("claims", ("meta",), "claims", lambda x: _found_unwrapped(lambda flat: extract_claims(flat, as_of_default=x.now()), x),
          "claim"),
    Stage("measures", ("sections",), "measures",
          lambda x: _titles_as_written(extract_measures(x.flow(), x.sections), x.flow(), x.text), "measure"),
)


def run_stage(stage: Stage, extraction: Extraction) -> None:
    setattr(extraction, stage.assigns, stage.run(extraction))


def extract(text: str, *, hints: dict[str, Any] | None = None, ref_date: dt.date | None = None) -> Extraction:
    """Every stage over one normalized text, in order.

    ``ref_date`` overrides the document's own date (date line, signature, page address) as the
    reference for relative expressions and year-less dates.
    """
    extraction = Extraction(text=text, hints=dict(hints or {}), ref_date=ref_date)
    for stage in STAGES:
        run_stage(stage, extraction)
    return extraction
