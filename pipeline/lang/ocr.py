"""Characters a scan's OCR (or a hurried typist) got wrong, where the context leaves no doubt.

Published notices are often copied out of scanned PDFs: 2024年1月18曰 (曰 for 日), 己完成6个
(己 for 已), 尚末完成 (末 for 未), 整改到位o (o for 。).  Each wrong form breaks a fact the
extractors rely on (a date, a done cue, a negation, a sentence end) and none of them is a
word of these texts in that context.  Each repair replaces one character by one, so every
offset stays valid; the extractors read the repaired view, the records quote the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lang.dates import CN_NUM_CHARS
from pipeline.lang.text import HAN_CHAR, HAN_RANGE


@dataclass(frozen=True, slots=True)
class Repair:
    """``wrong`` becomes ``right`` where the character before it is in ``before`` (any, if None), or is a Chinese
    character or a closing ” or ） (``after_han``), and is not in ``not_before``, and the text after it matches ``after``."""

    name: str
    wrong: str
    right: str
    after: re.Pattern
    before: str | None = None
    not_before: str = ""
    after_han: bool = False

    def applies(self, text: str, i: int) -> bool:
        prev = text[i - 1] if i else ""
        if prev and prev in self.not_before:
            return False
        if self.after_han and not (prev and (prev in "”）" or HAN_CHAR.match(prev))):
            return False
        if self.before is not None and (not prev or prev not in self.before):
            return False
        return self.after.match(text, i + 1) is not None


#: 曰 never ends a day in a date; 己 before a verb or adverb is 已 unless a word of its own holds it
#: (自己, 知己, 克己, 律己, 利己, 舍己, 异己, 推己, 一己, 为己任, 视如己出) or it is a year's stem (己亥);
#: 末 before a verb is 未 unless it ends a period or a word (年末, 月末, 季末, 周末, 期末, 始末, 本末, “十四五”末);
#: a Latin o between a Chinese character (not a numeral: 二O一七 is a year) and a line end or a
#: Chinese character is a full stop
REPAIRS: tuple[Repair, ...] = (
    Repair("曰→日 (a date's day)", "曰", "日", re.compile(""), before="0123456789" + CN_NUM_CHARS),
    Repair("己→已 (already)", "己", "已",
           re.compile("(?![亥巳卯丑未酉任见方身])[完经整建制落开全基办查收退追下出印修清处按于达累形组召发移立到实初取有被将陆先逐纳通列结归解上报签兑拨投启部]"),
           not_before="自知克律利舍异推一为修正损如"),  # 视如己出
    Repair("末→未 (not yet)", "末", "未",
           re.compile("[完按能达落整及建开严有经到全发执履形认纳做实见办收处制通予作进设查采明签公报如曾兑足]"),
           not_before="年月季周期始本旬岁世末学篇句卷节日度”"),  # “十四五”末
    Repair("o→。 (a full stop)", "oO", "。", re.compile(f"\n|$|[{HAN_RANGE}“（]"), after_han=True, not_before=CN_NUM_CHARS),
)
_BY_CHAR = {ch: r for r in REPAIRS for ch in r.wrong}
#: every character a repair starts from: one scan finds them (most texts have none but 末 and o)
_CANDIDATES = re.compile("[" + "".join(_BY_CHAR) + "]")


def repair_ocr(text: str) -> tuple[str, dict[str, int]]:
    """``text`` with every repair made (the same length), and how many of each were made."""
    counts: dict[str, int] = {}
    fixes: list[tuple[int, str]] = []
    for m in _CANDIDATES.finditer(text):
        i = m.start()
        repair = _BY_CHAR[m.group()]
        if repair.applies(text, i):
            fixes.append((i, repair.right))
            counts[repair.name] = counts.get(repair.name, 0) + 1
    if not fixes:
        return text, counts
    chars = list(text)
    for i, right in fixes:
        chars[i] = right
    return "".join(chars), counts
