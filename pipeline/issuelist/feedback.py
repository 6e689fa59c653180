"""The issue list of a feedback notice, in every way notices are written.

Order of work: normalize (and read the notice as :func:`pipeline.reading.reading_text` does: simplified
characters, OCR misreadings repaired, with the same length, so every span points into the original); give each
sentence its role; find the findings part; read it (:mod:`pipeline.issuelist.layouts`);
when nothing is found there, fall back to the sentences that state shortcomings — a notice
that states problems never ends without a list.  Every problem says how it was found
(``how``) and how sure that is (``confidence``); a count the notice announces and the list
does not reach gives an ``issue_count_mismatch`` flag.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cache

from pipeline.issuelist.fields import issue_extra
from pipeline.issuelist.counts import Announced, announced_count, count_flag
from pipeline.issuelist.deadlines import demanded_deadlines
from pipeline.issuelist.items import Item, make_problem, strip_frame, top_level_split
from pipeline.issuelist.context import CONFIDENCE, UNIT_LABEL
from pipeline.issuelist.layouts import holds_field_lines, read_records, read_zone
from pipeline.issuelist.units import announced_at, announced_units, resolve_units
from pipeline.issuelist.parts import CLOSING_ROLES, Sentence, after_demands, appendix_zone, findings_zone, sentences, title_end
from pipeline.lang.cues import (
    APPENDIX_REFERENCE, CLOSING_FINDING, PLAN_FIELD, SHORTCOMING_STRONG, TEAM_FEEDBACK_FRAME, UNIT_FEEDBACK_LEAD,
)
from pipeline.lang.text import at_line_start, char_pairs, lines, span_back, unwrapped
from pipeline.normalize import normalize
from pipeline.reading import reading_text
from pipeline.records import Flag, Issue


@dataclass(slots=True)
class FeedbackList:
    """A notice's issue list with what the notice itself says about it."""

    issues: list[Issue]
    announced: Announced | None = None
    notes: tuple[str, ...] = ()  # how the notice was read (traditional characters converted, OCR misreadings repaired)
    flags: list[Flag] = field(default_factory=list)


def _fallback(text: str, sents: list[Sentence]) -> list[Item]:
    """Every finding sentence (and ;-group) of the notice, when no layout was recognised."""
    first_line_end = title_end(text)
    out = []
    for sent in sents:
        if sent.role not in ("finding", "lead") or sent.start < first_line_end or sent.body >= sent.end:
            continue  # a lead counts with what follows its colon (主要表现在:A、B等方面)
        for a, b in top_level_split(text, sent.body, sent.end, ";"):
            a = strip_frame(text, a, b)
            if not SHORTCOMING_STRONG.search(text, a, b):
                continue
            item = make_problem(text, a, b, how="fallback", confidence=CONFIDENCE["fallback"])
            if item is not None:
                out.append(item)
    return out


#: Problems a notice's body lists before it points to an appendix that lists others (三、…详见附件): both count.
_BODY_LIST_MIN = 3


def _feedback_day(text: str) -> dt.date | None:
    """The day the notice says the feedback was given (2025年4月18日,…反馈巡察情况), if it says; else, for the
    feedback letter itself (…的反馈意见, signed 2021年1月22日), the day it is dated."""
    from pipeline.metadata import extract_metadata  # the one home of the document's dates
    from pipeline.outline import parse_outline

    meta = extract_metadata(text, parse_outline(text))
    day = meta.feedback_date or (meta.report_date if meta.kind == "feedback" else None)
    return dt.date.fromisoformat(day) if isinstance(day, str) and len(day) == 10 else None


def _closing_findings(text: str, sents: list[Sentence], problems: list[Item]) -> list[Item]:
    """The findings the team adds after the list, each a sentence of its own in its voice (问题八:… then
    巡察组还指出,上轮巡察…整改不到位。), up to the demands: problems the list's own reading left out."""
    if not problems:
        return []
    last = max(x.end for p in problems for x in (p, *p.children))
    out = []
    for k, sent in enumerate(sents):
        if sent.start < last:
            continue
        if PLAN_FIELD.match(text, sent.start, sent.end):
            continue  # the last problem's own 整改要求:…, not yet the demands
        if sent.role == "demand" and _closing_after(text, sents, k):
            continue  # the team's demand on the last item, then 最后,巡察组还指出,…
        if sent.role in CLOSING_ROLES:
            break
        frame = CLOSING_FINDING.match(text, sent.start, sent.end)
        if sent.role != "finding" or frame is None or not SHORTCOMING_STRONG.search(text, frame.end(), sent.end):
            continue
        item = make_problem(text, strip_frame(text, sent.start, sent.end), sent.end, how="prose",
                            confidence=CONFIDENCE["prose"])
        if item is not None:
            out.append(item)
    return out


def _singled_out(text: str, problems: list[Item]) -> list[Item]:
    """The problems without a sentence that singles one of the listed ones out (A、B、C等问题。其中,B问题较为
    突出,如…): that sentence is no problem of its own, and its examples are B's."""
    out: list[Item] = []
    for p in problems:
        if text.startswith("其中", p.start) and out:
            start = p.start + 2 + text.startswith(",", p.start + 2)
            comma = text.find(",", start, p.end)
            head = text[start:comma if comma > 0 else p.end]  # 集体“三资”管理混乱问题较为突出
            named = next((q for q in reversed(out) if text[q.start:q.end] in head), None)
            if named is not None:
                named.children.extend(p.children)
                continue
        out.append(p)
    return out


def _closing_after(text: str, sents: list[Sentence], k: int) -> bool:
    """Whether the sentence after the demands at ``k`` opens a line with the team's closing finding (巡察组还指出,…)."""
    nxt = after_demands(sents, k)
    return (nxt is not None and at_line_start(text, nxt.start)
            and CLOSING_FINDING.match(text, nxt.start, nxt.end) is not None)


def _apart(text: str, body: list[Item], appendix: list[Item]) -> bool:
    """Whether the appendix lists other problems than the body's own list (of three or more): none of its
    problems shares half its character pairs with one of the body's (a summary in the body, the list in
    the appendix, is not apart)."""
    if len(body) < _BODY_LIST_MIN:
        return False

    def pairs(item: Item) -> frozenset[str]:
        return char_pairs(text[item.start:item.end])

    seen = [pairs(p) for p in body]
    return not any(len(mine & theirs) >= 0.5 * len(mine) for mine in map(pairs, appendix) for theirs in seen)


def _round_up(text: str, sents: list[Sentence]) -> tuple[list[Item], list[Item], list[str]] | None:
    """A round-up of one inspection round: a paragraph per unit, each opened by 某巡视组向X反馈指出: and
    read up to its own demands as the findings of that unit; None unless two units or more are named so."""
    heads = [(m.end(), m.group("unit"), e) for s, e, _ in lines(text) if (m := UNIT_FEEDBACK_LEAD.match(text, s, e))]
    if len(heads) < 2:
        heads = _framed_heads(text)
    units = list(dict.fromkeys(unit for _, unit, _ in heads))
    if len(units) < 2:
        return None
    aspects: list[Item] = []
    problems: list[Item] = []
    for k, (start, unit, line_end) in enumerate(heads):
        # a unit's findings run on past its line when the lines after it list them (…主要存在以下问题:\n1.…\n2.…)
        # up to the next unit's paragraph or the first demand, clue, pledge or contact
        stop = text.rfind("\n", 0, heads[k + 1][0]) + 1 if k + 1 < len(heads) else len(text)
        line_end = line_end if text[line_end - 1:line_end] != ":" else stop
        end = next((x.start for x in sents if start <= x.start < line_end and x.role in CLOSING_ROLES), line_end)
        found = read_zone(text, start, end, sents, unit=unit)
        aspects += found[0]
        problems += found[1]
    return aspects, problems, units


def _framed_heads(text: str) -> list[tuple[int, str, int]]:
    """(where its findings start, unit, line end) of each paragraph of a round-up that opens with the team's
    frame and then one of the units the notice announced (市委第一巡察组反馈指出,市住建局党组存在的主要问题:A;B /
    …指出,市农业农村局党组贯彻落实…有差距,一是…): the findings start after the unit's label, else at its name
    (the subject of the first finding).  None unless every announced unit opens such a paragraph: a
    paragraph written otherwise (柳河镇中心学校党支部的问题主要是:…) would be left out of the round-up."""
    announced = announced_units(text)
    heads = []
    opened = set()
    for s, e, _ in lines(text):
        if (lead := UNIT_FEEDBACK_LEAD.match(text, s, e)) and (unit := announced_at(text, lead.start("unit"), e, announced)):
            at = lead.end()  # …同时向县第二中学党总支反馈了巡察情况。巡察发现,… among the framed ones
        elif (frame := TEAM_FEEDBACK_FRAME.match(text, s, e)) and (unit := announced_at(text, frame.end(), e, announced)):
            label = UNIT_LABEL.match(text, frame.end(), e)
            at = label.end() if label and label.group("unit") == unit else frame.end()
        else:
            continue
        heads.append((at, unit, e))
        opened.add(next(u for u in announced if unit.startswith(u)))
    return heads if opened == set(announced) else []


def _assign_units(text: str, problems: list[Item], units: list[str]) -> None:
    """A unit on every problem of a multi-unit notice; none for a notice about one unit."""
    if len(units) < 2:
        for p in problems:
            p.unit = None
        return
    for p in problems:
        for u in units:
            if text.startswith(u, p.start):
                p.unit = u
                break


def _issues(text: str, aspects: list[Item], problems: list[Item], doc_id: str | None,
            deadlines: dict[int, str]) -> list[Issue]:
    """Issue records with the list's own numbering where it is unique, else 1..n / A1..An; ``deadlines``:
    a problem's index -> the deadline the demands set for it."""
    used = {id(a) for p in problems for a in _aspect_chain(p)}
    used_aspects = [a for a in aspects if id(a) in used]
    aspect_ids: dict[int, str] = {}
    numbered = all(a.number for a in used_aspects) and len({a.number for a in used_aspects}) == len(used_aspects)
    for k, a in enumerate(used_aspects, 1):
        aspect_ids[id(a)] = a.number if numbered else f"A{k}"
    numbers = [p.number for p in problems]
    own = all(numbers) and len(set(numbers)) == len(numbers) and not (set(numbers) & set(aspect_ids.values()))
    out: list[Issue] = []
    emitted: set[int] = set()
    for k, p in enumerate(problems, 1):
        a = p.aspect if p.aspect is not None and id(p.aspect) in aspect_ids else None
        for x in reversed(_aspect_chain(p)):  # a section before the aspects under it
            if id(x) not in emitted:
                emitted.add(id(x))
                parent = aspect_ids[id(x.aspect)] if x.aspect is not None else None
                out.append(Issue(aspect_ids[id(x)], parent, 1, text[x.start:x.end], doc_id, x.start, x.end,
                                 label=x.label, extra=issue_extra(how=x.how, confidence=x.confidence)))
        pid = p.number if own else str(k)
        aspect_text = text[a.start:a.end] if a is not None else None
        out.append(Issue(pid, aspect_ids.get(id(a)) if a is not None else None, 2, text[p.start:p.end], doc_id,
                         p.start, p.end, label=p.label,
                         extra=issue_extra(aspect=aspect_text, unit=p.unit, how=p.how, confidence=p.confidence,
                                           deadline=deadlines.get(k - 1))))
        for j, c in enumerate(p.children, 1):
            out.append(Issue(f"{pid}.{j}", pid, 3, text[c.start:c.end], doc_id, c.start, c.end, label=c.label,
                             extra=issue_extra(aspect=aspect_text, unit=p.unit, how=c.how, confidence=c.confidence)))
    return out


def _aspect_chain(problem: Item) -> list[Item]:
    """The problem's aspect and the sections over it, innermost first."""
    chain, a = [], problem.aspect
    while a is not None:
        chain.append(a)
        a = a.aspect
    return chain


def read_feedback(text: str, *, doc_id: str | None = None) -> FeedbackList:
    """The issue list of one feedback notice (``text`` as read; normalized here).  A notice copied out of a PDF
    is read as written before the page wrapped it (:func:`pipeline.lang.text.unwrapped`); what is found there
    is mapped back, each span then taking the line breaks and page lines inside it."""
    text = normalize(text)
    view, notes = reading_text(text)
    flat, where = unwrapped(view)
    aspects, problems, deadlines, announced = _read(flat)
    if where:
        _move([*aspects, *problems], where)
        if announced is not None:
            start, end = span_back(where, announced.start, announced.end)
            announced = replace(announced, start=start, end=end)
    issues = _issues(text, aspects, problems, doc_id, deadlines)
    n_aspects = sum(1 for i in issues if i.level == 1 and i.parent_id is None)  # the top level: what a count names
    n_problems = sum(1 for i in issues if i.level == 2)
    flag = count_flag(announced, n_problems, n_aspects, doc_id)
    return FeedbackList(issues, announced, notes, [flag] if flag else [])


def _move(items: list[Item], where: list[int]) -> None:
    """Offsets into the unwrapped text -> offsets into the text (``where``: :func:`pipeline.lang.text.unwrapped`);
    each item once, however many problems share it as their aspect."""
    seen: set[int] = set()
    stack = list(items)
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        item.start, item.end = span_back(where, item.start, item.end)
        stack.extend(item.children)
        if item.aspect is not None:
            stack.append(item.aspect)


def _read(plain: str) -> tuple[list[Item], list[Item], dict[int, str], Announced | None]:
    """Aspects, problems, the deadlines the demands set them and the announced count of a notice's text."""
    sents = sentences(plain)
    zone = findings_zone(plain, sents)
    aspects: list[Item] = []
    problems: list[Item] = []
    units: list[str] = []
    appendix = appendix_zone(plain)
    if zone is not None and appendix is not None:  # the notice ends where its appendix begins
        zone = (zone[0], min(zone[1], appendix[0])) if zone[0] < appendix[0] else None
    if zone is not None:
        aspects, problems, units = read_zone(plain, *zone, sents)
    round_up = _round_up(plain, sents)  # 省委第N巡视组向X反馈指出:… a paragraph per unit
    if round_up is not None and len(round_up[1]) >= len(round_up[2]):  # a problem or more a unit: its structure
        aspects, problems, units = round_up
    records = read_records(plain)  # 【问题1】 问题类别：… 问题描述：…: a ledger written as records
    if records is not None and (len(records[1]) > len(problems) or len(records[1]) == len(problems) and any(
            holds_field_lines(plain, p.start, p.end) for p in problems)):  # 【问题1】 items that swallowed their fields
        aspects, problems = records
    elif appendix is not None and (not problems or APPENDIX_REFERENCE.search(plain)):
        listed = read_zone(plain, *appendix[1:], sents)  # 共反馈13个问题(详见附件): the list is the appendix's
        if listed[1] and _apart(plain, problems, listed[1]):  # the body's list and more in the appendix
            aspects, problems = aspects + listed[0], problems + listed[1]
        elif listed[1]:
            aspects, problems, units = listed
    if not problems:
        problems = _fallback(plain, sents)
        aspects = []
    first = min((p.start for p in problems), default=zone[0] if zone else len(plain))
    announced = announced_count(plain, (first, zone[1] if zone else len(plain)))
    if not aspects and _counts_fields(problems, announced):
        aspects, problems = _lifted(problems)
    if not aspects:
        aspects, problems = _verdict_lines_over_lists(plain, problems)
    problems = _singled_out(plain, problems) + _closing_findings(plain, sents, problems)
    units = resolve_units(plain, problems, units)  # 向桃坪镇党委反馈时 / 【桂园社区】 / 柳湾村党支部存在…
    _assign_units(plain, problems, units)
    # 要…于2024年10月31日前全部完成: that problem's 时限; 要在2个月内…: counted from the day of the feedback
    deadlines = demanded_deadlines(plain, sents, problems, since=cache(lambda: _feedback_day(plain)))
    return aspects, problems, deadlines, announced


def _verdict_lines_over_lists(text: str, problems: list[Item]) -> tuple[list[Item], list[Item]]:
    """Unnumbered lines of one sentence each, every one over a paragraph of ;-separated findings (全面从严治党主体责任
    落实不到位。\n党组研究部署…不经常,…;社有资产管理混乱,…。), two such groups or more: each line is the field of the
    findings below it, not a finding beside them.  Else the problems as they were read, and no aspects."""
    heads = [k for k, p in enumerate(problems) if p.how == "prose" and not p.children and _whole_line(text, p)]
    groups: list[tuple[int, int]] = []
    for n, k in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else len(problems)
        below = problems[k + 1:stop]
        line_end = text.find("\n", problems[k].end)
        if len(below) < 2 or any(q.how != "semicolon" for q in below) or line_end < 0 or below[0].start <= line_end:
            return [], problems
        groups.append((k, stop))
    if len(groups) < 2 or groups[0][0] != 0:
        return [], problems
    aspects, kept = [], []
    for k, stop in groups:
        head = problems[k]
        aspect = Item(1, head.start, head.end, "heading", head.confidence)
        aspects.append(aspect)
        for q in problems[k + 1:stop]:
            q.aspect = aspect
            kept.append(q)
    return aspects, kept


def _whole_line(text: str, item: Item) -> bool:
    """Whether the item is all its line holds (but its terminal punctuation)."""
    ls = text.rfind("\n", 0, item.start) + 1
    le = text.find("\n", item.end)
    le = len(text) if le < 0 else le
    return not text[ls:item.start].strip() and not text[item.end:le].strip(" 。;")


def _counts_fields(problems: list[Item], announced: Announced | None) -> bool:
    """Whether the notice's own count says the problems read are its fields and their examples its problems
    (反馈了4个方面12个问题: four headings, each over three ;-groups): as many problems as fields announced, every
    one with examples, and as many examples in all as problems announced."""
    return (announced is not None and announced.aspects is not None and announced.problems is not None
            and announced.aspects != announced.problems and len(problems) == announced.aspects
            and all(p.children for p in problems) and sum(len(p.children) for p in problems) == announced.problems)


def _lifted(problems: list[Item]) -> tuple[list[Item], list[Item]]:
    """The problems as the fields (aspects) and their examples as the problems under them, a level up."""
    aspects: list[Item] = []
    lifted: list[Item] = []
    for p in problems:
        aspect = Item(1, p.start, p.end, p.how, p.confidence, label=p.label, number=p.number, unit=p.unit)
        aspects.append(aspect)
        lifted += [Item(2, c.start, c.end, c.how, c.confidence, label=c.label, aspect=aspect, unit=p.unit)
                   for c in p.children]
    return aspects, lifted


def issues_from_feedback(text: str, *, doc_id: str | None = None) -> list[Issue]:
    """Aspects (1), problems (2) and manifestations (3) of a feedback notice, in text order."""
    return read_feedback(text, doc_id=doc_id).issues
