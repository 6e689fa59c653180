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

from pipeline.issuelist.context import UNIT_HEADING
from pipeline.issuelist.items import Item, trim
from pipeline.lang.cues import FRAME, PARTY_ORGAN_END, SHORTCOMING_STRONG, UNIT_WORD
from pipeline.lang.markers import ITEM_START
from pipeline.lang.text import lines

#: A sentence announcing the units a round reported to: 分别向A、B、C反馈 / 对A及所辖B、C开展了联动巡察.
_ANNOUNCED = re.compile(r"(?:分别)?(?:向|对)(?P<list>[^。;:\n]{4,160}?)(?:分别)?(?:集中)?(?:反馈|开展|进行)")
#: What joins the names of such a list.
_LIST_JOIN = re.compile(r"、|以及|及|和|与|,")
#: A unit's name: as the layout readers' unit headings read it, a name and an organ word at its end.
_NAME = rf"[^,。;:、\s【】“”\"《》的及]{{1,24}}?{UNIT_WORD}(?:{UNIT_WORD})*(?!织|组织)"
#: Where a unit is named at a clause's start (after an optional reporting frame of the team).
_NAMED_AT = (
    # (县委第一巡察组)(在)向U反馈(时) / 对U反馈指出
    re.compile(rf"(?:[^,。;:]{{0,20}}?巡[视察]组)?(?:在)?(?:向|对)(?P<unit>{_NAME})反馈"),
    # 对U开展提级巡察后
    re.compile(rf"(?:[^,。;:]{{0,20}}?巡[视察]组)?对(?P<unit>{_NAME})开展[^,。;:]{{0,8}}?巡[视察]"),
    # U: (a label)
    re.compile(rf"(?P<unit>{_NAME}):"),
    # U存在的主要问题: / U主要存在 / U存在以下问题 / U的问题主要是 / U主要问题是
    re.compile(rf"(?P<unit>{_NAME})(?:存在的(?:主要)?问题|(?:主要)?存在(?:以下|如下)?(?:问题)?|的(?:主要)?问题(?:主要)?(?:是|有)"
               r"|(?:的)?主要问题(?:是|有)|巡[视察]发现的(?:主要)?问题)"),
)
_SUBJECT = re.compile(_NAME)
#: What may not follow a bare subject: the name is then one of a list, or a person's office (书记), or a demand.
_NOT_PREDICATE = re.compile(r"[、和及与]|书记|主要负责|负责人|要|的")
#: A name that is not an inspected unit of the round: its parts, others' units, a kind of unit.
_NOT_A_UNIT = re.compile(r"^(?:所属|下属|所辖|下辖|各|部分|个别|有的|一些|其|该|本|被巡|巡[视察]|对|在"
                         r"|[一二三四五六七八九十]+是|首先|其次|再次|最后|此外|同时|另外)"
                         r"|^[一二三四五六七八九十两几]+[家个所]")
#: The organ words a bare back-reference is made of (镇党委, 学院党委, 局党组).
_ORGAN_WORDS = re.compile(rf"(?:{UNIT_WORD}|党|本)+")


def _plausible(name: str) -> bool:
    """Whether a name may be an inspected unit's: not a part, a kind or a count of units."""
    return not _NOT_A_UNIT.match(name) and not any(c.isdigit() for c in name)


def _specific(name: str) -> bool:
    """Whether a name singles out one unit: more than organ words (镇党委 and 学院党委 point back)."""
    return _plausible(name) and not _ORGAN_WORDS.fullmatch(name)


def announced_units(text: str) -> list[str]:
    """The units named in the notice's announcements of whom the round reported to, in order."""
    out: list[str] = []
    for m in _ANNOUNCED.finditer(text):
        for piece in _LIST_JOIN.split(m.group("list")):
            piece = piece.strip()
            for prefix in ("所辖", "下辖"):
                piece = piece.removeprefix(prefix)
            if UNIT_HEADING.fullmatch(piece) and _specific(piece) and piece not in out:
                out.append(piece)
    return out


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
            hit = next((m for pattern in _NAMED_AT if (m := pattern.match(text, c, e)) and fits(m.group("unit"))), None)
            if hit:
                found.append((c, hit.group("unit"), False))
                continue
            frame = FRAME.match(text, c, e)
            for at in (c, frame.end()) if frame else (c,):
                subject = _SUBJECT.match(text, at, e) if after_frame else None
                name = subject.group() if subject and _specific(subject.group()) else None
                name = name or next((u for u in announced if text.startswith(u, at)), None)
                if name and not _NOT_PREDICATE.match(text, at + len(name)):
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
    opened: list[tuple[int, str]] = []
    for pos, name, line in mentions(text, announced):
        if pos > last:
            break
        if line and name not in announced and any(p.start <= pos < p.end for p in problems):
            continue
        if not _same_unit(name, opened[-1][1] if opened else None):
            opened.append((pos, name))
    owner: dict[int, str] = {}
    for i, p in enumerate(problems):
        before = [name for pos, name in opened if pos <= p.start]
        if before:
            owner[i] = before[-1]
    named = list(dict.fromkeys(owner[i] for i in sorted(owner, key=lambda i: problems[i].start)))
    if len(named) < 2:
        return units
    for i, name in owner.items():
        problems[i].unit = name
    return list(dict.fromkeys([*named, *units]))
