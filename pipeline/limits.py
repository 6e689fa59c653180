"""Resource limits for the readers.

A batch over thousands of files must not be taken down by one hostile or
broken input (a zip bomb posing as DOCX, a 50,000-page PDF, a 2 GB log file
named ``.txt``).  Every reader checks these limits early and raises
``InputError`` with a ``too_large`` / ``too_many_pages`` / ``too_many_entries``
/ ``too_deep`` code instead of exhausting memory.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.errors import InputError

_MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Upper bounds applied while reading one document.

    Defaults are generous for real reports (the longest provincial reports are
    a few hundred pages) and small enough to keep one worker's memory bounded.
    """

    #: Size of the input file or byte string (200 MB).
    max_file_bytes: int = 200 * _MB
    #: Pages of a PDF (2,000).
    max_pdf_pages: int = 2000
    #: Sum of the uncompressed sizes of all members of a DOCX zip (500 MB).
    max_docx_uncompressed_bytes: int = 500 * _MB
    #: Uncompressed size of ``word/document.xml`` alone (100 MB).
    max_docx_xml_bytes: int = 100 * _MB
    #: Members in a DOCX or XLSX zip (5,000; Word and Excel write a few dozen).
    max_zip_entries: int = 5000
    #: Sum of the uncompressed sizes of all members of an XLSX problem list (200 MB; a
    #: 10,000-row ledger inflates to 9 MB).
    max_xlsx_uncompressed_bytes: int = 200 * _MB
    #: Element nesting depth of the DOCX body XML (256, libxml2's own default cap).
    max_xml_depth: int = 256
    #: Size of an HTML page (50 MB).
    max_html_bytes: int = 50 * _MB
    #: Characters of decoded text, any format (50 million).
    max_chars: int = 50_000_000

    def check_zip(self, archive, *, kind: str, max_bytes: int) -> None:
        """Raise ``too_many_entries`` / ``too_large`` for a zip bomb posing as ``kind`` (DOCX, XLSX),
        from the sizes ``archive`` (a ``zipfile.ZipFile``) declares: ``ZipFile.read`` inflates no more."""
        infos = archive.infolist()
        if len(infos) > self.max_zip_entries:
            raise InputError("too_many_entries", f"{kind} zip has {len(infos):,} members, limit is {self.max_zip_entries:,}")
        total = sum(info.file_size for info in infos)
        if total > max_bytes:
            raise InputError("too_large", f"{kind} inflates to {total:,} bytes, limit is {max_bytes:,}")

    def check_chars(self, text: str) -> None:
        """Raise ``too_large`` when decoded ``text`` is longer than ``max_chars``."""
        if len(text) > self.max_chars:
            raise InputError("too_large", f"text has {len(text):,} characters, limit is {self.max_chars:,}")


DEFAULT_LIMITS = Limits()

__all__ = ["Limits", "DEFAULT_LIMITS"]
