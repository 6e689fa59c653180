"""Which inspected unit each problem of a notice on several units belongs to.

Why a pass of its own over the whole notice: a round-up names its units in as many ways as it
has paragraphs (a line that is the unit's name, 【桂园社区】, 向桃坪镇党委反馈时, 对柳湾村党总支开展
提级巡察后, 县第一中学党委存在的主要问题:, or the bare subject 县第二中学党总支落实…), often before
the part the layout readers take as the findings.  Every mention is found once; each problem
belongs to the last unit named before it.  A name as bare as 镇党委 or 学院党委 points back to the
unit already open and names none.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from pipeline.issuelist.items import Item, trim
from pipeline.lang.cues import (
    FRAME, NOT_AFTER_A_UNIT_SUBJECT, NOT_AN_INSPECTED_UNIT, PARTY_ORGAN_AFTER, PARTY_ORGAN_END, SHORTCOMING_STRONG,
    UNIT_HEADING, UNIT_NAME, UNIT_NAMED_AT,
    UNIT_ORGAN_WORDS, UNITS_ANNOUNCED, UNITS_LIST_AND, UNITS_LIST_CLOSER, UNITS_LIST_JOIN,
)
from pipeline.lang.markers import ITEM_START
from pipeline.lang.text import lines

_SUBJECT = re.compile(UNIT_NAME)


def _plausible(name: str) -> bool:
    """Whether a name may be an inspected unit's: not a part, a kind or a count of units."""
    return not NOT_AN_INSPECTED_UNIT.match(name) and not any(c.isdigit() for c in name)


def _specific(name: str) -> bool:
    """Whether a name singles out one unit: more than organ words (镇党委 and 学院党委 point back)."""
    return _plausible(name) and not UNIT_ORGAN_WORDS.fullmatch(name)


def announced_units(text: str) -> list[str]:
    """The units named in the notice's announcements of whom the round reported to, in order."""
    out: list[str] = []
    for m in UNITS_ANNOUNCED.finditer(text):
        for piece in (name for part in UNITS_LIST_JOIN.split(m.group("list")) for name in _names_joined(part)):
            piece = UNITS_LIST_CLOSER.sub("", piece.strip())
            for prefix in ("所辖", "下辖"):
                piece = piece.removeprefix(prefix)
            if UNIT_HEADING.fullmatch(piece) and _specific(piece) and piece not in out:
                out.append(piece)
    return out


def announced_at(text: str, at: int, end: int, announced: list[str]) -> str | None:
    """The announced unit named at ``at``, as written there: with the organ the text adds to the announced
    name (桃源村 announced, 桃源村党总支 written)."""
    name = next((u for u in announced if text.startswith(u, at)), None)
    if name is not None and (organ := PARTY_ORGAN_AFTER.match(text, at + len(name), end)):
        name += organ.group()
    return name


def _names_joined(part: str) -> list[str]:
    """The names in one piece of a list of units: A和B is two where A is a whole name (ends in its organ),
    one otherwise (市住房和城乡建设局党组)."""
    for m in UNITS_LIST_AND.finditer(part):
        if UNIT_HEADING.fullmatch(part[:m.start()].strip()):
            return [part[:m.start()], *_names_joined(part[m.end():])]
    return [part]


def _clause_starts(text: str, s: int, e: int) -> list[int]:
    return [s] + [i + 1 for i in range(s, e) if text[i] in ",:;。"]


def _line_name(text: str, s: int, e: int) -> tuple[int, str] | None:
    """A line that is a unit's name (after its number or in 【】), or opens with 【unit】."""
    s, e = trim(text, s, e)
    marker = ITEM_START.match(text, s, e)
    if marker:
        s = trim(text, marker.end(), e)[0]
    bracket = re.match(r"[【\[](?P<unit>[^】\]]{2,24})[】\]]", text[s:e])
    name = bracket.group("unit") if bracket else text[s:e]
    if (UNIT_HEADING.fullmatch(name) and "方面" not in name and not SHORTCOMING_STRONG.search(name)
            and _plausible(name)):
        return s, name
    return None


def mentions(text: str, announced: list[str]) -> list[tuple[int, str, bool]]:
    """Every place the notice names one of its units: (offset, the name as written, whether the name is
    a line of its own), in order.  A line, or a label at a line's start, may name a unit barely (镇党委:);
    elsewhere a name must single one out, or be announced."""
    found: list[tuple[int, str, bool]] = []
    for s, e, _ in lines(text):
        named = _line_name(text, s, e)
        if named:
            found.append((*named, text[named[0]] not in "【["))
            continue
        previous = None
        for c in _clause_starts(text, s, e):
            after_frame = previous is not None and bool(FRAME.fullmatch(text, previous, c))
            previous = c
            c = trim(text, c, e)[0]
            fits = _plausible if c == trim(text, s, e)[0] else _specific
            hit = next((m for pattern in UNIT_NAMED_AT if (m := pattern.match(text, c, e)) and fits(m.group("unit"))), None)
            if hit:
                found.append((c, hit.group("unit"), False))
                continue
            frame = FRAME.match(text, c, e)
            for at in (c, frame.end()) if frame else (c,):
                subject = _SUBJECT.match(text, at, e) if after_frame else None
                name = announced_at(text, at, e, announced)  # whole: 集团有限公司党委
                name = name or (subject.group() if subject and _specific(subject.group()) else None)
                if name and not NOT_AFTER_A_UNIT_SUBJECT.match(text, at + len(name)):
                    found.append((c, name, False))
                    break
    return found


def _abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` with characters left out (县法院党组 for 县人民法院党组)."""
    rest = iter(long)
    return len(short) < len(long) and all(ch in rest for ch in short)


def _same_unit(name: str, open_name: str | None) -> bool:
    """Whether ``name`` points back to the unit already open: the open name shortened (镇党委 after 桃坪镇党委,
    县法院党组 after 县人民法院党组), with or without its organ (省体育局 / 省体育局党组), or organ words the
    open name has (局党组 after 县文化旅游广电体育局)."""
    if open_name is None:
        return False
    if name.startswith(open_name) or _abbreviates(name, open_name) or name == open_name:
        return True
    return not _specific(name) and PARTY_ORGAN_END.sub("", name) in open_name


def resolve_units(text: str, problems: list[Item], units: list[str]) -> list[str]:
    """Give each problem the unit last named before it, where the notice names two units or more
    with problems of their own; ``units`` (the layout readers' own) is returned unchanged otherwise.
    A line that is a name and begins a problem (临床科室党支部 / 作用发挥不充分, in a post of short lines)
    opens a unit only where the notice announced it.  Returns the units in the order they own problems."""
    if not problems:
        return units
    announced = announced_units(text)
    last = max(p.start for p in problems)
    spans = sorted((p.start, p.end) for p in problems)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))  # the furthest end of the problems starting up to each

    def inside(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        return k >= 0 and reach[k] > pos

    opened: list[tuple[int, str]] = []
    for pos, name, line in mentions(text, announced):
        if pos > last:
            break
        if line and name not in announced and inside(pos):
            continue
        if not _same_unit(name, opened[-1][1] if opened else None):
            opened.append((pos, name))
    at = [pos for pos, _ in opened]
    owner: dict[int, str] = {}
    for i, p in enumerate(problems):
        k = bisect_right(at, p.start) - 1  # the unit named last before the problem
        if k >= 0:
            owner[i] = opened[k][1]
    named = list(dict.fromkeys(owner[i] for i in sorted(owner, key=lambda i: problems[i].start)))
    if len(named) < 2:
        return units
    for i, name in owner.items():
        problems[i].unit = name
    return list(dict.fromkeys([*named, *units]))
