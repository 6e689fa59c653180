"""Traditional characters: detection, and a length-preserving conversion to simplified.

Mirror sites republish notices in traditional characters.  The extractors and the
issue-list parser read simplified text; offsets must still point into the original.
So the conversion never changes the length: OpenCC's t2s on the whole text (phrase
aware), and where a phrase conversion changed the length, character by character.
"""

from __future__ import annotations

from functools import lru_cache

#: Share of convertible (traditional-only) characters among the Han characters above
#: which a text is taken as written in traditional characters.
TRADITIONAL_SHARE = 0.05
_MIN_HAN = 20


@lru_cache(maxsize=1)
def _converter():
    import opencc  # imported on first use: most texts are simplified and never need it

    return opencc.OpenCC("t2s")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def traditional_share(text: str) -> float:
    """Share of the Han characters that t2s changes (0 for simplified text)."""
    han = [ch for ch in text if _is_han(ch)]
    if not han:
        return 0.0
    converted = _converter().convert("".join(han))
    if len(converted) != len(han):
        converted = "".join(_converter().convert(ch) for ch in han)
    return sum(a != b for a, b in zip(han, converted)) / len(han)


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional characters (enough of them to matter)."""
    return sum(1 for ch in text[:4000] if _is_han(ch)) >= _MIN_HAN and traditional_share(text[:4000]) >= TRADITIONAL_SHARE


def to_simplified(text: str) -> str:
    """Simplified form of ``text`` with exactly the same length (offsets stay valid)."""
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    out = []
    for ch in text:
        one = _converter().convert(ch)
        out.append(one if len(one) == 1 else ch)
    return "".join(out)
