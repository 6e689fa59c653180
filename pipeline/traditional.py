"""Extraction of a text written in traditional characters, with records pointing into the original.

Mirror sites republish reports in traditional characters; the extractors' cue words,
units and lexicons are simplified, so they found almost nothing and said nothing.  The
text is converted for extraction only (``to_simplified`` keeps the length, so every
offset found in the converted view is valid in the original), then every quoted text of
the records (span texts, titles, labels, metadata names) is taken back from the
original at the same place.  Vocabulary fields (units, kinds, statuses) stay as the
extractors normalized them.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.lang.script import is_traditional, to_simplified

#: Record fields that quote the document (restored from the original text).
QUOTED_FIELDS = ("text", "title", "label")
#: Metadata fields that quote the document.
QUOTED_META = ("title", "issuer", "inspecting_body", "inspected_unit")
WARNING = "text in traditional characters: converted to simplified for extraction (offsets and quoted text refer to the original)"


@dataclass(frozen=True, slots=True)
class ScriptView:
    """The text extraction reads (``view``) beside the original one (``original``)."""

    original: str
    view: str

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
        return self.original[at : at + len(value)] if at >= 0 else value


def script_view(text: str) -> ScriptView:
    """A simplified view of ``text`` when it is written in traditional characters, else ``text`` itself."""
    if is_traditional(text):
        view = to_simplified(text)
        if len(view) == len(text):
            return ScriptView(text, view)
    return ScriptView(text, text)


def restore_quotes(view: ScriptView, found) -> None:
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
