"""One document from bytes or text to records: the pure per-file step of a batch.

``process_path`` never raises for bad input: it returns a result whose
``error`` is set, so a batch records it and goes on.  Nothing here keeps state
between calls: extraction runs the stages of :mod:`pipeline.stages` over the text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from pathlib import Path

from pipeline.errors import InputError
from pipeline.lang.spans import ItemCounter, SectionLocator
from pipeline.normalize import normalize
from pipeline.read import read_document
from pipeline.records import DocumentResult, ErrorRecord, RawDocument
from pipeline.stages import extract
from pipeline.reading import reading_text, reading_view, restore_quotes


def make_doc_id(text: str) -> str:
    """Stable id: a hash of the normalized text (same content, same id)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def analyze_text(
    text: str,
    *,
    path: str = "<text>",
    raw: RawDocument | None = None,
    normalized: bool = False,
    ref_date: dt.date | None = None,
) -> DocumentResult:
    """Run every extraction stage over one text and collect its records (no tokens needed).

    ``ref_date`` overrides the document's own date as the reference of relative expressions.
    """
    started = time.perf_counter()
    norm = text if normalized else normalize(text)
    view = reading_view(norm)
    hints = {"title": raw.title, "publish_date": raw.publish_date} if raw is not None else {}
    if view.converted and hints.get("title"):
        hints["title"] = reading_text(hints["title"])[0]
    found = extract(view.view, hints=hints, ref_date=ref_date)
    restore_quotes(view, found)
    result = DocumentResult(
        doc_id=make_doc_id(norm),
        path=path,
        format=raw.format if raw else "text",
        encoding=raw.encoding if raw else None,
        text=norm,
        n_pages=len(raw.page_starts) if raw and raw.page_starts else None,
        page_starts=raw.page_starts if raw else None,
        meta=found.meta,
        sections=found.sections,
        quantities=found.quantities,
        times=found.times,
        citations=found.citations,
        claims=found.claims,
        measures=found.measures,
        warnings=list(raw.warnings) if raw else [],
        partial_errors=[ErrorRecord(path, "read", kind, message) for kind, message in raw.errors] if raw else [],
    )
    result.warnings.extend(view.notes)
    if not normalized and norm.count("\t") > text.count("\t"):
        result.warnings.extend(_tables_read(text, norm))
    _attach_sections(result)
    result.seconds = time.perf_counter() - started
    return result


def _tables_read(text: str, norm: str) -> list[str]:
    """What the document says of the tables normalization made a row a line (:mod:`pipeline.lang.tables`)."""
    made = [a for a, b in zip(text, norm) if b == "\t" and a != "\t"]
    commas = made.count(",")
    out = []
    if commas:
        out.append(f"a table pasted as CSV was read a row a line ({commas} commas between cells read as tabs)")
    if len(made) > commas:
        out.append(f"a table copied one cell per line was read a row a line ({len(made) - commas} cell breaks read as tabs)")
    return out


def _attach_sections(result: DocumentResult) -> None:
    """Fill ``section_id`` of every item and the per-measure counts."""
    locator = SectionLocator(result.sections)
    for items in (result.quantities, result.times, result.citations, result.claims):
        for item in items:
            item.section_id = locator.locate(item.start)
    if not result.measures:
        return
    quantities, times, citations = ItemCounter(result.quantities), ItemCounter(result.times), ItemCounter(result.citations)
    for measure in result.measures:
        measure.n_quantities = quantities.count(measure.start, measure.end)
        measure.n_times = times.count(measure.start, measure.end)
        measure.n_citations = citations.count(measure.start, measure.end)


def process_path(path: str | os.PathLike, *, limits=None, pdf_password: str | None = None,
                 ref_date: dt.date | None = None) -> DocumentResult:
    """Read, normalize and analyze one file; bad input becomes ``result.error``."""
    shown = str(path)
    started = time.perf_counter()
    try:
        raw = read_document(path, limits=limits, pdf_password=pdf_password)
    except InputError as exc:
        return DocumentResult(
            doc_id=None,
            path=shown,
            format=Path(shown).suffix.lstrip(".").lower() or None,
            error=ErrorRecord(path=shown, stage=exc.stage, error_type=exc.error_type, message=exc.reason),
            seconds=time.perf_counter() - started,
        )
    except OSError as exc:
        return DocumentResult(
            doc_id=None,
            path=shown,
            error=ErrorRecord(path=shown, stage="read", error_type="os_error", message=str(exc)),
            seconds=time.perf_counter() - started,
        )
    try:
        return analyze_text(raw.text, path=shown, raw=raw, ref_date=ref_date)
    except Exception as exc:  # an extractor bug must not sink the batch; it is reported, not hidden
        return DocumentResult(
            doc_id=make_doc_id(normalize(raw.text)),
            path=shown,
            format=raw.format,
            encoding=raw.encoding,
            error=ErrorRecord(
                path=shown, stage="extract", error_type=type(exc).__name__, message=f"internal error: {exc}"
            ),
            seconds=time.perf_counter() - started,
        )
