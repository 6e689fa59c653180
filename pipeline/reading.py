"""The text the extractors read, beside the one the records quote: traditional characters converted, OCR misreadings repaired,
markdown marks blanked.

Mirror sites republish reports in traditional characters, and notices are copied out of
scans (2024年1月18曰, 己完成): the extractors' cue words, units and lexicons are simplified
and spelled right, so they found little and said nothing.  The text is converted and
repaired for extraction only (both keep the length, so every offset found in the view is
valid in the original), then every quoted text of the records (span texts, titles,
labels, metadata names) is taken back from the original at the same place.  Vocabulary
fields (units, kinds, statuses) stay as the extractors normalized them.  Each change is
said in the document's warnings.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.lang.ocr import repair_ocr
from pipeline.lang.script import is_traditional, to_simplified
from pipeline.lang.text import blank_markdown

#: Record fields that quote the document (restored from the original text).
QUOTED_FIELDS = ("text", "title", "label")
#: Metadata fields that quote the document.
QUOTED_META = ("title", "issuer", "inspecting_body", "inspected_unit")
TRADITIONAL_WARNING = ("text in traditional characters: converted to simplified for extraction "
                       "(offsets and quoted text refer to the original)")


def ocr_warning(counts: dict[str, int]) -> str:
    """What the repairs of :func:`pipeline.lang.ocr.repair_ocr` were, for the document's warnings."""
    done = "、".join(f"{name} ×{n}" for name, n in counts.items())
    return f"OCR misreadings read as repaired for extraction: {done} (offsets and quoted text refer to the original)"


@dataclass(frozen=True, slots=True)
class ReadingView:
    """The text extraction reads (``view``) beside the original one (``original``), and what was changed."""

    original: str
    view: str
    notes: tuple[str, ...] = ()

    @property
    def converted(self) -> bool:
        return self.view is not self.original

    def quote(self, value, hint: int | None = None):
        """``value`` (found in the view) as written in the original; unchanged if not found."""
        if not isinstance(value, str) or not value or not self.converted:
            return value
        at = -1
        if hint is not None and 0 <= hint and self.view.startswith(value, hint):
            at = hint
        if at < 0 and hint is not None and hint >= 0:
            at = self.view.find(value, hint)
        if at < 0:
            at = self.view.find(value)
        if at < 0 and "\n" not in value:  # a title joined from its lines (line 1 line 2): the lines as written, joined
            flat = self.view.replace("\n", " ")
            at = flat.find(value)
            return self.original[at : at + len(value)].replace("\n", " ") if at >= 0 else value
        return self.original[at : at + len(value)] if at >= 0 else value


def reading_text(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` as the extractors read it (simplified if written in traditional characters, OCR
    misreadings repaired; the same length, ``text`` itself when nothing changed) and what changed."""
    notes: list[str] = []
    view = text
    if is_traditional(text):
        simplified = to_simplified(text)
        if len(simplified) == len(text):
            view = simplified
            notes.append(TRADITIONAL_WARNING)
    repaired, counts = repair_ocr(view)
    if counts:
        view = repaired
        notes.append(ocr_warning(counts))
    plain, marks = blank_markdown(view)
    if marks:
        view = plain
        notes.append(f"markdown marks (**, #, >) read as spaces for extraction: {marks} (offsets and quoted text refer to "
                     "the original)")
    return view, tuple(notes)


def reading_view(text: str) -> ReadingView:
    """:func:`reading_text` of ``text`` beside ``text``."""
    view, notes = reading_text(text)
    return ReadingView(text, view, notes) if notes else ReadingView(text, text)


def restore_quotes(view: ReadingView, found) -> None:
    """Put the original text back into every quoted field of an ``Extraction``'s records."""
    if not view.converted:
        return
    for name in ("sections", "quantities", "times", "citations", "claims", "measures"):
        for record in getattr(found, name):
            for field_name in QUOTED_FIELDS:
                if hasattr(record, field_name):
                    hint = _hint(record, field_name)
                    setattr(record, field_name, view.quote(getattr(record, field_name), hint))
    meta = found.meta
    for field_name in QUOTED_META:
        span = meta.evidence.get(field_name)
        setattr(meta, field_name, view.quote(getattr(meta, field_name), span[0] if span else None))


def _hint(record, field_name: str) -> int | None:
    """Where the field's text starts in the document, when the record says so."""
    if field_name == "label" and hasattr(record, "label_start"):
        return record.label_start
    if field_name == "title" and hasattr(record, "title_start"):
        return record.title_start
    return getattr(record, "start", None)
