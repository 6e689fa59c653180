"""Plain-text reader: decode, translate newlines, nothing else.

The text is kept exactly as ``open(path, encoding=codec).read()`` would give
it (minus a BOM), so gold offsets computed that way stay valid.
"""

from __future__ import annotations

from pipeline.errors import InputError
from pipeline.limits import Limits
from pipeline.read.encoding import decode_bytes, universal_newlines
from pipeline.records import RawDocument


def read_txt(data: bytes, *, limits: Limits) -> RawDocument:
    text, codec = decode_bytes(data)
    text = universal_newlines(text)
    limits.check_chars(text)
    if not text or text.isspace():  # no copy of the text, unlike strip()
        raise InputError("empty_file", "file holds only whitespace")
    return RawDocument(text=text, format="txt", encoding=codec)
