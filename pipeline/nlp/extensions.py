"""Extension attributes used by the pipeline components.

Registered when this module is imported (spaCy's convention); registration is
idempotent, so importing twice or from several processes is harmless.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

#: doc.spans keys written by the components, one per record type.
SPAN_KEYS: dict[str, str] = {
    "section": "section",
    "quantity": "quantity",
    "time": "time",
    "citation": "citation",
    "claim": "claim",
    "measure": "measure",
}


def _span_record(span: Span):
    """The record behind a component's span, found through the span's id ``"<key>:<index>"``.

    Records live in ``doc._.records[key]``: spaCy keys span extension values by
    character offsets only, so a heading and a measure expanded to the same
    tokens would overwrite each other's value if it were stored on the span.
    """
    key, sep, index = span.id_.rpartition(":")
    records = span.doc._.records
    if not sep or records is None or key not in records:
        return None
    return records[key][int(index)]


def records_of(doc: Doc, key: str) -> list:
    """A copy of the records a component stored under ``SPAN_KEYS[key]`` (empty if none)."""
    return list((doc._.records or {}).get(SPAN_KEYS[key], []))


def register_extensions() -> None:
    """Register ``Doc._.meta``, ``Doc._.doc_id``, ``Doc._.records`` and ``Span._.record``."""
    if not Doc.has_extension("meta"):
        Doc.set_extension("meta", default=None)  # DocumentMeta
    if not Doc.has_extension("doc_id"):
        Doc.set_extension("doc_id", default=None)
    if not Doc.has_extension("hints"):
        Doc.set_extension("hints", default=None)  # reader hints: title, publish_date
    if not Doc.has_extension("extraction"):
        Doc.set_extension("extraction", default=None)  # pipeline.stages.Extraction filled by the components
    if not Doc.has_extension("records"):
        Doc.set_extension("records", default=None)  # {span key: [records in span order]}
    if not Span.has_extension("record"):
        # The record (Quantity, TimeExpr, ...) behind the span.  Its own start/end
        # are exact character offsets; the span itself is expanded to token bounds.
        Span.set_extension("record", getter=_span_record)


register_extensions()
