"""Cited documents: every balanced 《…》 in the normalized text.

Reports cite the rules they issued or studied (《中国共产党统一战线工作条例》),
sometimes with a title nested inside a title (《关于学习《条例》的通知》, also
written with 〈〉 which normalization folds to 《》).  Brackets are matched with
a stack so a nested title stays inside its outer citation; only outermost pairs
are emitted.  A bracket left open at the end of a line is a typo or a line
break inside a title we cannot repair, so it is dropped (titles never span
paragraphs), while complete pairs inside it are still recovered; a stray 》 is
ignored.
"""

from __future__ import annotations

import re

from pipeline.records import Citation

OPEN = "《"
CLOSE = "》"
# A "title" longer than this within one line is almost surely an unclosed
# bracket swallowing running text; such pairs are not reported.
MAX_TITLE_CHARS = 200
_BRACKET = re.compile(f"[{OPEN}{CLOSE}]")


def _pairs_in_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Matched (open, close) index pairs in text[start:end], innermost first."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for m in _BRACKET.finditer(text, start, end):  # only the brackets, not every character
        i = m.start()
        if text[i] == OPEN:
            stack.append(i)
        elif stack:
            pairs.append((stack.pop(), i))
    return pairs


def _outermost(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the pairs not contained in another pair, in text order."""
    result: list[tuple[int, int]] = []
    for open_i, close_i in sorted(pairs, key=lambda p: (p[0], -p[1])):
        if result and open_i > result[-1][0] and close_i < result[-1][1]:
            continue
        result.append((open_i, close_i))
    return result


def extract_citations(text: str) -> list[Citation]:
    """All outermost balanced 《…》 spans; ``text`` keeps the brackets, ``title`` drops the outer ones."""
    citations: list[Citation] = []
    line_start = 0
    n = len(text)
    while line_start <= n:
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = n
        if text.find(OPEN, line_start, line_end) >= 0:
            for open_i, close_i in _outermost(_pairs_in_line(text, line_start, line_end)):
                title = text[open_i + 1 : close_i]
                if not title.strip() or len(title) > MAX_TITLE_CHARS:
                    continue
                citations.append(
                    Citation(start=open_i, end=close_i + 1, text=text[open_i : close_i + 1], title=title)
                )
        line_start = line_end + 1
    return citations
