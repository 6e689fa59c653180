"""Shared text-shaping helpers for readers that rebuild text from a layout.

PDF, DOCX and HTML readers emit one paragraph per line, lines stripped, no
blank lines: the same shape as a plain-text report, so the body text of every
format agrees with the TXT up to whitespace and downstream line-based rules
(outline headings start a line) behave the same.
"""

from __future__ import annotations

_WS_STRIP = " \t\u3000\u00a0\u200b\ufeff\u2002\u2003\u2009\x0b\x0c"


def join_separator(last: str, first: str) -> str:
    """What goes between two pieces of one paragraph: a space only between two Latin letters."""
    if last.isascii() and first.isascii() and last.isalpha() and first.isalpha():
        return " "
    return ""


def strip_line(line: str) -> str:
    return line.strip(_WS_STRIP)


def tidy_lines(lines: list[str]) -> list[str]:
    """Strip every line and drop the empty ones."""
    out = []
    for line in lines:
        line = strip_line(line)
        if line:
            out.append(line)
    return out
