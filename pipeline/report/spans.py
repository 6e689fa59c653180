"""Marked-up text: a stretch of a document with classed, possibly overlapping ranges, escaped.

review.html marks evidence sentences, shared key terms, quantities, dates and cited documents
in the same text; ranges overlap, so the stretch is cut at every range boundary and each piece
gets the classes of the ranges covering it.  Every character goes through ``html.escape``.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape


def marked(text: str, start: int, end: int, ranges: Iterable[tuple[int, int, str]], *,
           anchors: Iterable[int] = ()) -> str:
    """``text[start:end]`` as escaped HTML; ``ranges`` (s, e, css class) become ``<span class>``;
    ``anchors`` are offsets that get an empty ``<a id="at-N">`` (targets of the flag links)."""
    cuts = {start, end}
    live = []
    for s, e, cls in ranges:
        s, e = max(s, start), min(e, end)
        if s < e:
            live.append((s, e, cls))
            cuts.update((s, e))
    marks = sorted({a for a in anchors if start <= a < end})
    cuts.update(marks)
    points = sorted(cuts)
    opening: dict[int, list[tuple[int, str]]] = {}
    for s, e, cls in live:
        opening.setdefault(s, []).append((e, cls))
    active: list[tuple[int, str]] = []
    out = []
    anchor_set = set(marks)
    for a, b in zip(points, points[1:]):
        active = [x for x in active if x[0] > a] + opening.get(a, [])
        if a in anchor_set:
            out.append(f'<a id="at-{a}"></a>')
        piece = escape(text[a:b])
        classes = " ".join(sorted({cls for _, cls in active}))
        out.append(f'<span class="{classes}">{piece}</span>' if classes else piece)
    return "".join(out)
