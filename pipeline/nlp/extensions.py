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


def register_extensions() -> None:
    """Register ``Doc._.meta``, ``Doc._.doc_id`` and ``Span._.record``."""
    if not Doc.has_extension("meta"):
        Doc.set_extension("meta", default=None)  # DocumentMeta
    if not Doc.has_extension("doc_id"):
        Doc.set_extension("doc_id", default=None)
    if not Doc.has_extension("hints"):
        Doc.set_extension("hints", default=None)  # reader hints: title, publish_date
    if not Span.has_extension("record"):
        # The record (Quantity, TimeExpr, ...) behind the span.  Its own start/end
        # are exact character offsets; the span itself is expanded to token bounds.
        Span.set_extension("record", default=None)


register_extensions()
