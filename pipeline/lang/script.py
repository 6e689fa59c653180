"""Traditional characters: detection, and a length-preserving conversion to simplified.

Mirror sites republish notices in traditional characters.  The extractors and the
issue-list parser read simplified text; offsets must still point into the original.
So the conversion never changes the length: OpenCC's t2s on the whole text (phrase
aware), and where a phrase conversion changed the length, character by character.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Share of convertible (traditional-only) characters among the Han characters above
#: which a text is taken as written in traditional characters.
TRADITIONAL_SHARE = 0.05
_MIN_HAN = 20


@lru_cache(maxsize=1)
def _converter():
    import opencc  # imported on first use: most texts are simplified and never need it

    return opencc.OpenCC("t2s")


#: what is not a CJK Unified Ideograph: removed by the regex engine to leave the characters counted (a
#: Python loop over 4,000 characters was a tenth of a document's time, and the detection runs on every one)
_NOT_HAN = re.compile("[^\u4e00-\u9fff]+")


def traditional_share(text: str) -> float:
    """Share of the Han characters that t2s changes (0 for simplified text)."""
    return _changed_share(_NOT_HAN.sub("", text))


def _changed_share(han: str) -> float:
    if not han:
        return 0.0
    converted = _converter().convert(han)
    if converted == han:
        return 0.0
    if len(converted) != len(han):
        converted = "".join(_converter().convert(ch) for ch in han)
    return sum(map(str.__ne__, han, converted)) / len(han)


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional characters (enough of them to matter)."""
    han = _NOT_HAN.sub("", text[:4000])
    return len(han) >= _MIN_HAN and _changed_share(han) >= TRADITIONAL_SHARE


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
