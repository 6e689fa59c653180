"""Offset look-ups over sorted spans: overlap tests, innermost sections, items inside a span.

Every look-up is a bisect, so long documents stay linear; these are the one home for
"which span holds this offset" questions (quantity masks, URL masks, section ids, per-measure counts, PDF pages).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence


class SpanIndex:
    """Sorted, possibly overlapping spans with an O(log n) overlap test."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.max_len = max((e - s for s, e in self.spans), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps any span."""
        j = bisect_left(self.starts, end) - 1
        while j >= 0 and self.starts[j] > start - self.max_len:
            if self.spans[j][1] > start:
                return True
            j -= 1
        return False


class SectionLocator:
    """Innermost section containing an offset, by heading start and body end.

    Sections are records with ``start``, ``end``, ``body_end``, ``level`` and ``section_id``.
    """

    def __init__(self, sections: Sequence) -> None:
        self._sections = sorted(sections, key=lambda s: s.start)
        self._starts = [s.start for s in self._sections]
        # No section reaches further than this past its start, so the walk back from an
        # offset stops there instead of at the first section (quadratic on long texts).
        self._reach = max((max(s.body_end, s.end) - s.start for s in self._sections), default=0)

    def locate(self, offset: int) -> int | None:
        i = bisect_right(self._starts, offset) - 1
        best = None
        while i >= 0 and self._starts[i] > offset - self._reach:
            section = self._sections[i]
            if section.start <= offset < max(section.body_end, section.end):
                if best is None or section.level > best.level:
                    best = section
                if section.level == 1:
                    break
            i -= 1
        return None if best is None else best.section_id


class ItemCounter:
    """How many items (records with ``start``/``end``) lie within ``[start, end)``."""

    def __init__(self, items: Iterable) -> None:
        spans = sorted((item.start, item.end) for item in items)
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def count(self, start: int, end: int) -> int:
        lo = bisect_left(self._starts, start)
        hi = bisect_right(self._starts, end)
        return sum(1 for e in self._ends[lo:hi] if e <= end)


def page_of(page_starts: Sequence[int] | None, offset: int) -> int | None:
    """1-based page holding ``offset`` (None without page offsets)."""
    if not page_starts:
        return None
    return bisect_right(page_starts, offset)
