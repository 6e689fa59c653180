"""read stage: bytes or a path -> :class:`~pipeline.records.RawDocument`.

The format is sniffed from the content (see :mod:`pipeline.read.sniff`); the
extension only matters when the content fits no format.  Every failure on
bad input is an :class:`~pipeline.errors.InputError` with a stable
``error_type`` and a reason a user can act on; no library exception escapes.
Text is returned un-normalized with "\\n" newlines and no BOM; the caller runs
:func:`pipeline.normalize.normalize`, which keeps every offset (including
``page_starts``) valid.
"""

from __future__ import annotations

import os

from pipeline.errors import InputError
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.read.sniff import LEGACY_SUFFIXES, extension, legacy_format_error, sniff
from pipeline.records import RawDocument

__all__ = ["read_document", "read_bytes", "Limits", "DEFAULT_LIMITS"]


def read_document(
    path: str | os.PathLike, *, limits: Limits | None = None, pdf_password: str | None = None
) -> RawDocument:
    """Read the file at ``path`` (any supported format) into a RawDocument."""
    limits = limits or DEFAULT_LIMITS
    p = os.fspath(path)
    try:
        with open(p, "rb") as handle:  # one open + fstat instead of exists/is_file/stat
            size = os.fstat(handle.fileno()).st_size
            if size > limits.max_file_bytes:
                raise InputError("too_large", f"file is {size:,} bytes, limit is {limits.max_file_bytes:,}")
            data = handle.read()
    except FileNotFoundError:
        raise InputError("not_found", f"no such file: {p}") from None
    except IsADirectoryError:
        raise InputError("not_a_file", f"not a regular file: {p}") from None
    except OSError as exc:
        raise InputError("unreadable", f"cannot read file: {exc.strerror or exc}") from None
    return read_bytes(data, name=os.path.basename(p), limits=limits, pdf_password=pdf_password)


def read_bytes(
    data: bytes, *, name: str = "<bytes>", limits: Limits | None = None, pdf_password: str | None = None
) -> RawDocument:
    """Read a document given as bytes; ``name`` (a file name) is only a hint for the format.

    ``pdf_password`` opens encrypted PDFs (user password; owner-only files open without it).
    """
    limits = limits or DEFAULT_LIMITS
    ext = extension(name)
    if ext in LEGACY_SUFFIXES and not data:
        raise legacy_format_error(ext)  # (an OLE2 one is named by sniff; HTML saved as .doc is read)
    if not data:
        raise InputError("empty_file", "file is empty")
    if len(data) > limits.max_file_bytes:
        raise InputError("too_large", f"file is {len(data):,} bytes, limit is {limits.max_file_bytes:,}")
    kind = sniff(data, name)
    try:
        doc = _dispatch(kind, data, limits, pdf_password)
    except InputError:
        raise
    except RecursionError:
        raise InputError(f"corrupt_{kind}", f"{kind.upper()} structure nests too deeply") from None
    except MemoryError:
        raise InputError("too_large", "out of memory while reading the file") from None
    except Exception as exc:  # a library failing on malformed input is bad input, not a crash
        raise InputError(f"corrupt_{kind}", f"corrupt {kind.upper()}: {type(exc).__name__}: {str(exc)[:160]}") from None
    expected = {".txt": "txt", ".text": "txt", ".pdf": "pdf", ".docx": "docx", ".htm": "html", ".html": "html"}
    if ext in expected and expected[ext] != kind:
        doc.warnings.insert(0, f"content is {kind.upper()} although the name ends in {ext}")
    return doc


def _dispatch(kind: str, data: bytes, limits: Limits, pdf_password: str | None) -> RawDocument:
    if kind == "pdf":
        from pipeline.read.pdf import read_pdf

        return read_pdf(data, limits=limits, password=pdf_password)
    if kind == "docx":
        from pipeline.read.docx import read_docx

        return read_docx(data, limits=limits)
    if kind == "html":
        from pipeline.read.html import read_html

        return read_html(data, limits=limits)
    from pipeline.read.txt import read_txt

    return read_txt(data, limits=limits)
