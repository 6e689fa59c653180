"""Bytes -> str for plain text and HTML, with the codec recorded.

Order (first that succeeds wins): BOM (UTF-32, UTF-8, UTF-16), a declared
charset (HTML meta), strict UTF-8, strict GB18030 guarded by a plausibility
check, BOM-less UTF-16 recognised by its NUL pattern, and finally
charset-normalizer restricted to the codecs Chinese documents actually use.
Anything else is reported as binary instead of being decoded into garbage.
"""

from __future__ import annotations

import codecs
import re

from pipeline.errors import InputError

#: Codecs charset-normalizer may choose from (Chinese documents only).
CJK_CODECS: tuple[str, ...] = (
    "gb18030",
    "gbk",
    "gb2312",
    "big5",
    "big5hkscs",
    "cp950",
    "utf_16",
    "utf_16_le",
    "utf_16_be",
)

# Declared names that are subsets of GB18030: decode with the superset so that
# a page labelled gb2312 but using GBK characters still reads.
_GB_FAMILY = {"gb2312", "gbk", "cp936", "euc_cn", "gb18030", "hz"}

# Control characters that never occur in text (tab, LF, VT, FF, CR, SUB allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
# Characters a GB18030 mis-decoding of non-GB bytes tends to produce: kana,
# Greek, Cyrillic, box drawing, private use, C1 controls.
_ODD = re.compile(r"[\u0080-\u009f\u0370-\u04ff\u2500-\u257f\u3040-\u30ff\ue000-\uf8ff]")

_BINARY_REASON = "binary content (NUL bytes / not decodable as UTF-8, GB18030 or UTF-16)"


def _control_share(text: str) -> float:
    sample = text[:200_000]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def _gb_plausible(text: str) -> bool:
    """True when ``text`` looks like real (simplified) Chinese or ASCII text.

    GB18030 decodes nearly any byte string; Big5 or binary bytes come out as
    rare characters, kana, Cyrillic or private-use code points.  Genuine
    documents have at most a few percent of characters outside GB2312.
    """
    sample = text[:50_000]
    if not sample:
        return True
    outside = sample.encode("gb2312", errors="replace").count(b"?") - sample.count("?")
    odd = len(_ODD.findall(sample))
    return (outside + odd) / len(sample) <= 0.08


def _canonical(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().strip("'\"").lower()).name
    except (LookupError, ValueError):
        return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Recognise BOM-less UTF-16 by where its NUL bytes sit (ASCII-heavy text)."""
    if len(data) % 2:
        return None
    sample = data[:4096]
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) // 2 or 1
    for codec, nul_share, other in (("utf-16-le", odd_nul, even_nul), ("utf-16-be", even_nul, odd_nul)):
        if nul_share / half >= 0.3 and other / half < 0.05:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _control_share(text) < 0.01:
                return text, codec
    return None


# Bytes that are neither control characters nor NUL: deleting them from ASCII-
# compatible data (UTF-8, GB18030, where bytes < 0x80 are always ASCII) leaves
# exactly the control characters, far faster than a regex over the text.
_NON_CONTROL = bytes(b for b in range(256) if not (b <= 0x08 or 0x0E <= b <= 0x19 or 0x1B <= b <= 0x1F or b == 0x7F))
_ASCII_COMPATIBLE = {"utf-8", "utf-8-sig", "gb18030"}


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, codec)``; raise ``InputError`` if binary.

    ``codec`` is the Python codec actually used ("utf-8", "utf-8-sig",
    "gb18030", "utf-16", "utf-32", "big5" ...).  A leading BOM is removed.
    Newlines are left as they are (the callers translate them).
    """
    text, codec = _decode(data, declared)
    if text.startswith("\ufeff"):
        text = text[1:]
    if codec in _ASCII_COMPATIBLE:
        controls = len(data.translate(None, _NON_CONTROL))
        share = controls / len(text) if text else 0.0
    else:
        share = _control_share(text)
    if share > 0.01:
        raise InputError("binary_content", "binary content (control characters in the decoded text)")
    return text, codec


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    for bom, codec in boms:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise InputError(
                    "bad_encoding", f"file starts with a {codec} byte-order mark but is not valid {codec}: {exc.reason}"
                ) from None

    if declared:
        name = _canonical(declared)
        if name:
            if name in _GB_FAMILY:
                name = "gb18030"
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                pass  # wrong declaration: fall through to the cascade

    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found:
            return found
        raise InputError("binary_content", _BINARY_REASON)

    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _gb_plausible(text):
        return text, "gb18030"

    return _charset_normalizer(data)


def _charset_normalizer(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # imported lazily: only odd files get here

    best = from_bytes(data, cp_isolation=list(CJK_CODECS)).best()
    if best is None or best.encoding is None:
        raise InputError("binary_content", _BINARY_REASON)
    codec = best.encoding
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        raise InputError("binary_content", _BINARY_REASON) from None
    if codec.replace("_", "").startswith(("gb", "hz")) and not _gb_plausible(text):
        raise InputError("binary_content", _BINARY_REASON)
    return text, _canonical(codec) or codec  # "utf_16_le" -> "utf-16-le", like the other branches


def universal_newlines(text: str) -> str:
    """"\\r\\n" and "\\r" -> "\\n", exactly as ``open(..., newline=None).read()`` does."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
