"""What reading a findings part keeps open (the current aspect and unit), and the facts every
layout reader shares: how sure each way of finding is, unit names, aspect lead-ins."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.issuelist.items import Item, trim
from pipeline.lang.cues import ASPECT_LEAD, NOT_A_FIELD, SHORTCOMING_STRONG, UNIT_HEADING, UNIT_WORD

#: How sure each way of finding a problem is (a problem without a shortcoming cue loses 0.2).
CONFIDENCE = {"heading": 0.9, "numbered": 0.95, "bullet": 0.9, "table": 0.95, "shi-enumeration": 0.9,
              "semicolon": 0.8, "clause": 0.75, "prose": 0.65, "fallback": 0.4}
#: ``how`` of a problem numbered by each marker family.
HOW_OF_FAMILY = {"cn_dun": "numbered", "cn_paren": "numbered", "arabic": "numbered", "arabic_paren": "numbered",
                 "arabic_close": "numbered", "latin": "numbered", "circled": "numbered", "problem": "numbered", "shi": "shi-enumeration",
                 "ordinal": "shi-enumeration", "sequence": "shi-enumeration"}
#: A unit label opening a paragraph or a lead (市民政局党组: / 对县审计局党组巡察发现的主要问题:).
UNIT_LABEL = re.compile(
    rf"(?:[^,。:;]{{0,6}}(?:发现|指出)[,])?(?:对)?(?P<unit>[^,。:;、]{{1,24}}?{UNIT_WORD})"
    r"(?:(?:巡[视察])?(?:中)?(?:发现|反馈|指出)(?:的)?|(?:主要)?存在(?:的)?(?:以下|如下)?|的)?"
    r"(?:主要)?(?:问题|不足)?(?:主要)?(?:是|有|如下)?:"
)


@dataclass(slots=True)
class Context:
    """What the paragraphs read so far opened: the current aspect (and the section over it) and unit."""

    aspect: Item | None = None
    unit: str | None = None
    section: Item | None = None  # the heading over the aspects (一、…方面 over (一)…): every aspect opened under it is its
    aspects: list[Item] = field(default_factory=list)
    units: list[str] = field(default_factory=list)


def new_aspect(text: str, s: int, e: int, ctx: Context, *, number: str | None = None, label: str | None = None) -> Item:
    s, e = trim(text, s, e)
    aspect = Item(1, s, e, "heading", 0.9, label=label, number=number, aspect=ctx.section)
    ctx.aspect = aspect
    ctx.aspects.append(aspect)
    return aspect


def attach(items: list[Item], ctx: Context) -> list[Item]:
    for it in items:
        it.aspect = ctx.aspect
        it.unit = ctx.unit
    return items


def aspect_lead(text: str, s: int, e: int):
    """An aspect lead-in (在…方面 / 党的建设方面) at ``s`` that names a field, not a shortcoming."""
    m = ASPECT_LEAD.match(text, s, e)
    return m if m and not SHORTCOMING_STRONG.search(m.group(1)) and m.group(1) not in NOT_A_FIELD else None


def open_unit(text: str, s: int, e: int, ctx: Context) -> bool:
    """A heading line that is a unit's name opens that unit (multi-unit notices)."""
    s, e = trim(text, s, e)
    if not UNIT_HEADING.fullmatch(text, s, e) or SHORTCOMING_STRONG.search(text, s, e) or "方面" in text[s:e]:
        return False
    ctx.unit = text[s:e]
    if ctx.unit not in ctx.units:
        ctx.units.append(ctx.unit)
    ctx.aspect = None
    return True
