"""Decide a file's format from its bytes (the extension is only a hint).

Reports arrive misnamed: PDFs saved as ``.txt``, HTML error pages saved as
``.pdf``, old Word ``.doc`` files renamed ``.docx``.  The magic bytes decide;
the extension only chooses the error message when the content fits no format.
"""

from __future__ import annotations

import io
import os
import re
import zipfile

from pipeline.errors import InputError

# Binary formats we recognise only to name them in the error message.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"MZ", "a Windows executable"),
    (b"BZh", "a bzip2 archive"),
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_MARKERS = re.compile(rb"<(?:html|!doctype\s+html|body|head[\s>]|meta\s)", re.IGNORECASE)
_HTML_EXT = {".html", ".htm", ".shtml", ".xhtml", ".jhtml", ".asp", ".aspx", ".jsp", ".php"}
_DOCX_EXT = {".docx", ".docm", ".dotx", ".dotm"}


#: Old binary office formats (Word, WPS Writer, Excel, WPS Spreadsheets, PowerPoint, WPS
#: Presentation) that the readers cannot open: named in the errors table, never skipped.
LEGACY_SUFFIXES: dict[str, str] = {
    ".doc": "Word 97-2003 (.doc)", ".wps": "WPS Writer (.wps)", ".et": "WPS Spreadsheets (.et)",
    ".xls": "Excel 97-2003 (.xls)", ".ppt": "PowerPoint 97-2003 (.ppt)", ".dps": "WPS Presentation (.dps)",
}


def legacy_format_error(ext: str) -> InputError:
    """The errors row of an old binary office file: what it is and how to make it readable."""
    what = LEGACY_SUFFIXES.get(ext, "legacy Microsoft Office/WPS file (OLE2 .doc/.xls/.wps/.et)")
    target = "XLSX or CSV" if ext in (".et", ".xls") else "DOCX or PDF"
    return InputError("unsupported_format", f"{what} cannot be read; convert it to {target} first (open it in WPS or Office and Save As)")


def extension(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def _looks_html(data: bytes) -> bool:
    head = data[:2048]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16"
        try:
            head = data[:4096].decode(codec, errors="ignore").encode("ascii", errors="ignore")
        except UnicodeError:  # pragma: no cover - errors="ignore" never raises
            return False
    return _HTML_MARKERS.search(head, 0, 1024) is not None


def sniff(data: bytes, name: str) -> str:
    """Return "pdf", "docx", "html" or "txt" for ``data``; raise for unsupported content."""
    ext = extension(name)
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data)
    if data.startswith(_OLE2):
        raise legacy_format_error(ext)
    if ext in _DOCX_EXT:
        raise InputError("not_a_zip", "not a DOCX: file is not a zip archive")
    if ext == ".pdf":
        kind = "an HTML page" if _looks_html(data) else "no %PDF header"
        raise InputError("not_a_pdf", f"not a PDF: {kind}")
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise InputError("binary_content", f"binary content ({what}), not a document")
    if ext in _HTML_EXT or _looks_html(data):
        return "html"
    return "txt"


def _sniff_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError("corrupt_docx", f"broken zip archive: {exc}") from None
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith("xl/") for n in names):
        what = "an Excel workbook (xlsx)"
    elif any(n.startswith("ppt/") for n in names):
        what = "a PowerPoint file (pptx)"
    elif "content.xml" in names:
        what = "an OpenDocument file"
    else:
        what = "a zip archive without word/document.xml"
    raise InputError("unsupported_format", f"not a DOCX: {what}")
