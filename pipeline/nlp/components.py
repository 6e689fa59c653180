"""spaCy pipeline components: one per extraction stage of :mod:`pipeline.stages`.

For users who want a ``Doc`` (tokens, ``doc.spans``, displaCy): each component runs
its stage on the ``Extraction`` kept in ``doc._.extraction`` (so a later component
reads the records of earlier ones instead of re-parsing the text), maps every record
to a token span with ``doc.char_span(..., alignment_mode="expand")`` and stores the
spans in ``doc.spans[key]`` with the record behind ``span._.record``.  The factories
declare what each component requires and assigns.  The batch path runs the same
stages without a Doc (:func:`pipeline.stages.extract`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp.extensions import SPAN_KEYS  # importing it registers the extensions
from pipeline.stages import STAGES, Extraction, Stage, run_stage


def _to_spans(doc: Doc, records: Iterable[Any], *, key: str) -> list[Span]:
    """Spans for ``records``; the records themselves go to ``doc._.records[key]``."""
    kept: list[Any] = []
    spans: list[Span] = []
    for record in records:
        span = doc.char_span(record.start, record.end, label=key.upper(), alignment_mode="expand",
                             span_id=f"{key}:{len(kept)}")
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


def _extraction(doc: Doc) -> Extraction:
    """The Doc's extraction state, created by the first component that runs."""
    if doc._.extraction is None:
        doc._.extraction = Extraction(text=doc.text, hints=dict(doc._.hints or {}))
    return doc._.extraction


class StageComponent:
    """Runs one stage; no state of its own, so nothing to initialize or serialize."""

    def __init__(self, nlp: Language, name: str, stage: Stage) -> None:
        self.name = name
        self.stage = stage

    def __call__(self, doc: Doc) -> Doc:
        extraction = _extraction(doc)
        run_stage(self.stage, extraction)
        if self.stage.span_key is not None:
            key = SPAN_KEYS[self.stage.span_key]
            doc.spans[key] = _to_spans(doc, getattr(extraction, self.stage.assigns), key=key)
        elif self.stage.assigns == "meta":
            doc._.meta = extraction.meta
        return doc

    def initialize(self, get_examples: Callable | None = None, *, nlp: Language | None = None) -> None:
        return None

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "StageComponent":
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "StageComponent":
        return self


def _declared(stage: Stage) -> tuple[list[str], list[str]]:
    """spaCy's requires/assigns strings for a stage."""
    by_assign = {s.assigns: s for s in STAGES}

    def target(s: Stage) -> str:  # spaCy validates attribute names, not span keys
        return "doc.spans" if s.span_key else f"doc._.{s.assigns}"

    return sorted({target(by_assign[r]) for r in stage.requires}), [target(stage)]


def _register(stage: Stage) -> str:
    name = f"zhenggai_{stage.name}"
    requires, assigns = _declared(stage)

    def make(nlp: Language, name: str) -> StageComponent:  # no defaults: spaCy puts them in the config
        return StageComponent(nlp, name, stage)

    Language.factory(name, requires=requires, assigns=assigns, func=make)
    return name


#: Component names in stage order (metadata needs the outline; times need the report date).
PIPE_NAMES: tuple[str, ...] = tuple(_register(stage) for stage in STAGES)
