"""Text structure facts: sentence and clause ends, lines, span trimming.

Offsets everywhere are ``str`` indices into the normalized text (full-width
punctuation already folded to ASCII: 。 stays, ！？；：， become !?;:,).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pipeline.lang.markers import ITEM_START

#: A sentence ends at these (a semicolon ends an inline item: ①…;②…;).
SENTENCE_ENDS = "。!?;\n"
#: A full stop in the strict sense: a semicolon does not end the sentence.
FULL_STOPS = "。!?\n"
#: A clause ends at these (commas and the enumeration comma 、 included).
CLAUSE_ENDS = ",、。;:!?\n"
#: The same ends before normalization (a Doc may be made from raw text).
RAW_SENTENCE_ENDS = SENTENCE_ENDS + "！？；"
#: Closing quotes and brackets that stay with the sentence they close.
CLOSERS = "”’」』）)】〕\"'"


def sentence_spans(text: str, start: int = 0, end: int | None = None, *,
                   ends: str = SENTENCE_ENDS) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text[start:end]``: a run of non-terminators and the
    terminator after it (a line break is not included), leading spaces skipped."""
    for m in _sentence_pattern(ends).finditer(text, start, len(text) if end is None else end):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        if s < e:
            yield s, e


@lru_cache(maxsize=8)
def _sentence_pattern(ends: str) -> re.Pattern[str]:
    body = re.escape(ends)
    closing = re.escape(ends.replace("\n", ""))
    return re.compile(rf"[^{body}]+[{closing}]?")


def sentence_bounds(text: str, pos: int, *, ends: str = FULL_STOPS) -> tuple[int, int]:
    """The sentence around ``pos``: from after the previous terminator to the next one (excluded)."""
    start = max(text.rfind(ch, 0, pos) for ch in ends) + 1
    stops = [i for i in (text.find(ch, pos) for ch in ends) if i != -1]
    return start, (min(stops) if stops else len(text))


def lines(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, line)`` for every line (``end`` before the newline)."""
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def strip_span(text: str, start: int, end: int, *, lead: str = " \t\n", trail: str = " \t\n") -> tuple[int, int]:
    """Shrink ``[start, end)`` past the characters of ``lead`` at its start and ``trail`` at its end."""
    while start < end and text[start] in lead:
        start += 1
    while end > start and text[end - 1] in trail:
        end -= 1
    return start, end


#: Shortest full line of a hard-wrapped text (a PDF's page width is 25-40 characters of body text).
_WRAP_MIN = 20


@lru_cache(maxsize=8)
def soft_breaks(text: str) -> frozenset[int]:
    """Line breaks that only wrap a line at the page width (a text copied out of a PDF): after a line as
    long as the text's usual full line, before a line that opens no new item.  Empty for a text written
    one paragraph a line, whose line lengths do not bunch at one width."""
    spans = [(s, e, len(line.strip())) for s, e, line in lines(text) if line.strip()]
    if len(spans) < 6:
        return frozenset()
    counts: dict[int, int] = {}
    for _, _, n in spans:
        if n >= _WRAP_MIN:
            counts[n] = counts.get(n, 0) + 1
    if not counts:
        return frozenset()
    width = max(counts, key=lambda n: (counts.get(n - 1, 0) + counts[n] + counts.get(n + 1, 0), counts[n], n))
    full = sum(counts.get(n, 0) for n in (width - 1, width, width + 1))
    if full < max(4, 0.3 * len(spans)):
        return frozenset()
    soft = set()
    for (s, e, n), (s2, _, _) in zip(spans, spans[1:]):
        if n >= width - 2 and s2 == e + 1 and not ITEM_START.match(text, s2):
            soft.add(e)
    return frozenset(soft)
