"""The parts of a feedback notice: which sentences state findings, and where the findings part is.

A notice mixes the meeting report, the team's focus, praise, the findings, demands and
suggestions, clue transfers, the unit's pledge and contact lines.  Each sentence gets one
role from the cue tables of :mod:`pipeline.lang.cues`; the findings part (the *zone*) runs
from the first announcement of findings (发现了一些问题,主要是: …) — or, when there is none,
from the first sentence stating a shortcoming — to the first demand, clue, pledge or contact
sentence after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lang.cues import (
    ASPECT_LEAD, CASE_REPORT, CHECKED_WHETHER, DEMAND_HEADING, GAP_VERDICT, CLUE, QUESTION, SPEAKER_TAG, CLUE_HANDED, CONTACT, DEMAND_LEAD, DEMAND_SENTENCE, FOCUS, MEETING, OBJECT_LIST, PLEDGE, PRAISE, PROBLEM_LEAD_META,
    APPENDIX_LINE, APPENDIX_REFERENCE, FINDINGS_HANDED_ON, FINDINGS_SUMMARY, LISTED_AFTER_LEAD, PLAN_FIELD, PLAN_LIST_HEADING, PRAISE_TURN_GAP, RESOLVED, SHORTCOMING_STRONG, STILL_WRONG,
    TEAM_FOCUS, TEAM_PLAN, UNIT_HEADING, WORK_TALLY, YARDSTICK,
)
from pipeline.lang.markers import BRACKET_HEADING, ITEM_START, NEXT_ITEM, line_family, runs, scan
from pipeline.lang.text import CLOSERS, at_line_start, lines, page_furniture, sentence_bounds, soft_breaks

#: Roles that end the findings part.
CLOSING_ROLES = frozenset({"demand", "clue", "pledge", "contact"})
#: Roles that are never findings.
NON_FINDING_ROLES = frozenset({"meeting", "focus", "praise", "demand", "clue", "pledge", "contact", "lead", "resolved",
                               "summary", "case", "question"})
_SENTENCE = re.compile(r"[^。!?\n]+")
#: Where the praise of a sentence turns to its findings (…取得的成效,但也…; …的成效,同时指出,…).
_BUT = re.compile(r",(?:(?:但|但是|然而)(?:也|仍|还)?|同时(?:也|还)?(?:指出|发现|认为)[,:]?)")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (terminator excluded) and what it does; ``body`` is where its own content
    starts (after a lead colon 主要是: or after the praise before ,但)."""

    start: int
    end: int
    role: str  # meeting, focus, praise, lead, finding, resolved, summary, case, question, demand, clue, pledge, contact, other
    body: int


def _is_lead(clause: str) -> bool:
    """Whether the clause announces findings; not one that lists them, A、B…等问题, whose last item may hold a
    lead's words (…、以往巡察和审计发现问题整改不到位等问题)."""
    body = clause.strip(" ,")
    return bool(PROBLEM_LEAD_META.search(body)) and not OBJECT_LIST.search(body)


def _yardstick_lead(t: str) -> bool:
    """但对照全面从严治党要求,还存在以下问题: 要求 is the measure the findings are held against, not a demand; the
    lead ends at its colon where the list follows in the same sentence (…,仍存在一些差距:一是…;二是…)."""
    colon = t.find(":")
    clauses = (t[:colon] if colon > 0 else t).split(",")
    return len(clauses) > 1 and bool(YARDSTICK.search(clauses[0] + ",")) and _is_lead(clauses[-1])


def _own_deadline(t: str, demand: int) -> bool:
    """An item of the list, or a field's paragraph (在…方面,A不到位,…), that states its shortcoming and then its own time
    limit (2.物资采购不规范,①…;②…,要在2个月内整改到位 / …须于2024年12月31日前整改到位): a finding, whose demand
    is its own, not the first of the demands."""
    return demand > 0 and bool(ITEM_START.match(t) or ASPECT_LEAD.match(t)) and bool(SHORTCOMING_STRONG.search(t, 0, demand))


def _role(text: str, s: int, e: int, previous: str | None) -> tuple[str, int]:
    if tag := SPEAKER_TAG.match(text, s, e):  # (同期声·巡察组组长 孙慧敏)对巡察指出的问题,学校要…
        s = tag.end()
    if (tag := BRACKET_HEADING.match(text, s, e)) and DEMAND_HEADING.search(tag.group(1)):
        return "demand", s  # 【整改建议】制定…计划: the team's advice after a finding, no finding
    t = text[s:e]
    demand_lead = bool(DEMAND_LEAD.search(t)) and not _yardstick_lead(t)
    if demand_lead:  # 巡察组要求, / 整改要求如下: — before any lead reading
        return "demand", s
    colon = t.find(":")
    if colon > 0 and _is_lead(t[:colon].split(",")[-1]):
        return "lead", s + colon + 1
    if colon > 0 and not t[colon + 1:].strip() and FINDINGS_HANDED_ON.search(t, 0, colon):
        return "lead", s + colon + 1  # …把发现的问题按性质归类,请…对照认领、逐项整改: with the list below it
    if GAP_VERDICT.fullmatch(t.rstrip()):
        return "summary", s  # ”徐志刚说,“但是对照…要求,医院党委在管党治党上还有明显差距。: the findings as a whole
    if APPENDIX_REFERENCE.search(t) and not colon > 0 and not SHORTCOMING_STRONG.search(t):
        return "lead", e  # …还存在一些问题,现以问题清单形式予以反馈(见附表): the list is there, none stated here
    if CONTACT.search(t):
        return "contact", s
    if CLUE.search(t) and (not SHORTCOMING_STRONG.search(t) or CLUE_HANDED.search(t)):  # 问题线索发现、移送不积极,
        return "clue", s  # …偏低; 线索查处的占比达62%: findings that speak of clues; 线索6件,涉及违规…,已移交: a clue
    if PLEDGE.search(t):
        return "pledge", s
    if QUESTION.match(text, e) and not any(SHORTCOMING_STRONG.search(q) for q in re.findall(r"“([^”]*)”", t)):
        return "question", s  # 医院发展定位是否充分体现了…?: a question put to the unit (巡察指出“A不到位”,进展如何? quotes a finding)
    if CASE_REPORT.search(t):
        return "case", s  # 邻县粮库原主任王某…被开除党籍: another unit's case
    demand = DEMAND_SENTENCE.search(t)
    if demand and _own_deadline(t, demand.start()):
        return "finding", s
    if demand_lead or demand or (previous == "demand" and (
            t.lstrip(" ,").startswith("要") or NEXT_ITEM.match(t) and not SHORTCOMING_STRONG.search(t))):
        return "demand", s  # 一是…。二是…: the demands' run goes on; not 第二,X不够有力: the findings' (a demand after each)
    strong = SHORTCOMING_STRONG.search(t)
    if (FOCUS.search(t) and (not strong or WORK_TALLY.search(t)) or TEAM_FOCUS.match(t)
            or TEAM_PLAN.search(t, 0, colon if colon > 0 else len(t)) or CHECKED_WHETHER.search(t)):
        return "focus", s
    if (done := RESOLVED.search(t)) and not STILL_WRONG.search(t, done.end()):
        return "resolved", s  # an earlier finding already put right
    if FINDINGS_SUMMARY.match(t.lstrip(" ,“”")):
        return "summary", s  # 上述问题,有的是…: about the findings, not one of them
    clauses = t.split(",")
    if _is_lead(clauses[-1]):
        return "lead", e
    if (listed := LISTED_AFTER_LEAD.search(t)) and _is_lead(t[:listed.start()].split(",")[-1]):
        return "lead", s + listed.start() + 1  # …还存在一些问题,主要是A不到位、B不严格: the list after it
    but = _BUT.search(t)
    if but and PRAISE.search(t[:but.start()]):
        rest = t[but.end():]
        clauses = rest.split(",")
        if _is_lead(clauses[-1]) and not SHORTCOMING_STRONG.search(clauses[0]) or (
                PRAISE_TURN_GAP.fullmatch(clauses[-1]) and not any(SHORTCOMING_STRONG.search(c) for c in clauses[:-1])):
            return "lead", e
        if SHORTCOMING_STRONG.search(rest):
            return "finding", s + but.end()
        return "praise", s
    if FOCUS.search(t) and not strong:
        return "focus", s
    if MEETING.search(t) and not strong:
        return "meeting", s
    if PRAISE.search(t) and not strong:
        return "praise", s
    if strong:
        return "finding", s
    return "other", s


def sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` (split at 。!? and line ends, not at ;) with its role."""
    out: list[Sentence] = []
    previous = None
    resolved_list: str | None = None  # after a resolved lead ending with its colon: its items' marker family ("" before the first)
    soft = soft_breaks(text)  # a line wrapped at the page width does not end its sentence
    furniture = page_furniture(text)  # a page's number and running header are no sentence
    spans: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text):
        if m.start() in furniture and not (spans and spans[-1][1] in soft):
            continue
        if spans and spans[-1][1] in soft and m.start() == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], m.end())
        else:
            spans.append(m.span())
    for s, e in spans:
        while s < e and text[s] in " \t":
            s += 1
        if s >= e or not text[s:e].strip(CLOSERS + " \t"):
            continue  # 。) after (整改要求:…。): the bracket closes the sentence before, it is none of its own
        role, body = _role(text, s, e, previous)
        family = _item_family(text, s) if resolved_list is not None else None  # asked only after a resolved lead
        if resolved_list is not None and family is not None and resolved_list in ("", family):
            role, body = "resolved", s  # 督促学校对以下问题立行立改:(1)…;(2)…;(3)对2名违规…教师进行了诫勉谈话: what was put right
            resolved_list = family
        else:
            resolved_list = "" if role == "resolved" and text[e - 1] == ":" else None
        out.append(Sentence(s, e, role, body))
        previous = role
    return out


def _item_family(text: str, s: int) -> str | None:
    """The family of the list marker a sentence opens with ((1), 1., ①), if it opens with one."""
    return line_family(text, s) if ITEM_START.match(text, s) else None


def title_end(text: str) -> int:
    """End of the title line (the first line when short and without 。 or :), else 0."""
    nl = text.find("\n")
    title = text[:nl] if nl > 0 else ""
    return nl if title and len(title) <= 80 and not re.search(r"[。:;]", title) else 0


def _holds_run(text: str, s: int, e: int) -> bool:
    """Whether ``[s, e)`` holds a run of two enumerated items or more (一是…二是…)."""
    return any(len(run) >= 2 for run in runs(scan(text, s, e)))


def findings_zone(text: str, sents: list[Sentence]) -> tuple[int, int] | None:
    """``(start, end)`` of the findings part, or None when no sentence announces or states one.

    A title line (the first line, short, without 。 or :) never opens it; a lead followed at once by
    another (a heading that names the part) opens it after the last.  It ends at the first demand, clue,
    pledge or contact sentence after its start.
    """
    first_line_end = title_end(text)
    first = next((k for k, sent in enumerate(sents)
                  if sent.start >= first_line_end and sent.role in ("lead", "finding")), None)
    if first is None:
        return None
    start = sents[first].body  # after a lead's colon (or the lead itself), or where the finding starts
    own_list = _holds_run(text, sents[first].body, sents[first].end)  # …存在以下问题:一是…;二是…: opens the part itself
    for sent in sents[first + 1:]:  # 现将…反馈如下。 … then the part's heading 二、巡察发现的主要问题: after it
        if sent.role == "finding" or own_list or (sent.role == "lead" and sent.body < sent.end):
            break  # (一)…方面。主要是:A;B;C: a lead that states the findings itself is inside the part
        if (sent.role == "lead" and sent.body == sent.end and text[sent.end:sent.end + 1] in ("\n", "")
                and (at_line_start(text, sent.start) or not ITEM_START.match(text, text.rfind("\n", 0, sent.start) + 1))):
            # not (二)…方面。存在以下问题: an aspect's own lead; …做了大量工作,但也存在一些问题和不足: the team's; a lead
            # heading with a sibling further on ((一)“回头看”发现的新问题 … (二)上次巡视反馈问题整改不到位的情况): the
            # first field of the part, inside it
            start = sent.start if _opens_series(text, sent.start) else sent.body
    for sent in sents[first:]:  # a plan: 三、问题清单及整改措施, before any finding of the part
        if sent.role == "finding" and sent.start >= start:
            break
        if sent.start >= start and PLAN_LIST_HEADING.match(text, sent.start, sent.end):
            start = sent.end
            break
    end = len(text)
    for k in range(first + 1, len(sents)):
        sent = sents[k]
        if sent.start >= start and (sent.role in CLOSING_ROLES and not _findings_resume(text, sents, k) or (
                sent.role == "resolved" and text[sent.end - 1] == ":" and at_line_start(text, sent.start))):
            end = sent.start  # …督促…对以下问题立行立改: over its list ends the findings as a demand does
            break
    return _first_heading_over(text, start, end), end


#: How far after a heading its sibling is looked for (a field of findings is a few thousand characters at most).
_SIBLING_REACH = 20_000


def _opens_series(text: str, s: int) -> bool:
    """Whether the line at ``s`` opens with a list marker whose next value opens a later line that heads more findings
    ((一)“回头看”发现的新问题 … (二)上次巡视反馈问题整改不到位的情况)."""
    line_end = sentence_bounds(text, s, ends="\n")[1]
    head = next((m for m in scan(text, s, line_end) if m.line_initial and m.start <= s + 2), None)
    if head is None or head.value is None:
        return False
    sibling = next((m for m in scan(text, head.end, min(len(text), head.end + _SIBLING_REACH))
                    if m.line_initial and m.family == head.family and m.value == head.value + 1), None)
    if sibling is None:
        return False
    line = text[sibling.end:sentence_bounds(text, sibling.end, ends="\n")[1]]
    # a sibling that heads more findings (…问题整改不到位的情况), not the demands (三、整改意见) nor the unit's work
    return bool(SHORTCOMING_STRONG.search(line)) and not DEMAND_HEADING.match(line)


def _first_heading_over(text: str, start: int, end: int) -> int:
    """Where the part starts when its first lead or finding stands under the first of its unit or field headings
    (一、江丰高速公路运营管理有限公司 then 巡察组指出,…存在一些问题:一是…, and 二、… 三、… further on; 一、党的领导
    作用发挥方面 then 一是…;二是…): at that heading, so that the part holds its run of units or fields."""
    line = text.rfind("\n", 0, start) + 1
    before = text.rfind("\n", 0, max(line - 1, 0)) + 1
    if line == 0 or "。" in text[before:line]:
        return start
    head = next((m for m in scan(text, before, line - 1) if m.line_initial and not m.demand), None)
    title = text[head.end:line - 1].strip() if head is not None else ""
    if head is None or head.value != 1 or not (UNIT_HEADING.fullmatch(title) or ASPECT_LEAD.fullmatch(title)):
        return start  # not 一、巡察反馈问题情况 over 县委第二巡察组共反馈了…,具体如下: (二、 the unit's own work)
    later = [m for m in scan(text, start, end) if m.line_initial and m.family == head.family and not m.demand]
    return before if later and later[0].value == 2 else start


def _findings_resume(text: str, sents: list[Sentence], k: int) -> bool:
    """Whether the demand ``sents[k]`` is one the team made after a finding, in the list (第一,X。…。巡察组要求,…。\n
    第二,Y不够有力。… / 1.X。\n整改要求:…\n2.Y。): the next sentence after its demands opens a line with the list's
    next item and is a finding; the next field's heading may stand between them (…\n整改要求:…\n二、巡察移交问题
    线索…方面\n4.Y。), and such a heading is no clue or demand of its own."""
    nxt = after_demands(sents, k) if sents[k].role == "demand" else sents[k]
    if nxt is not None and _field_heading(text, nxt):
        following = sents.index(nxt) + 1
        nxt = sents[following] if following < len(sents) else None
    elif sents[k].role != "demand":
        return False
    if nxt is None or PLAN_FIELD.match(text, sents[k].start, sents[k].end) and line_family(text, nxt.start) == "problem":
        return False  # 问题1:X。\n整改要求:…: a plan's field, read with its problem block
    return nxt.role == "finding" and at_line_start(text, nxt.start) and bool(ITEM_START.match(text, nxt.start))


def _field_heading(text: str, sent: Sentence) -> bool:
    """Whether a sentence is a field's heading line of its own (二、巡察移交问题线索和信访件办理方面)."""
    head = ITEM_START.match(text, sent.start)
    return (head is not None and at_line_start(text, sent.start) and text[sent.end:sent.end + 1] in ("\n", "")
            and ASPECT_LEAD.fullmatch(text, head.end(), sent.end) is not None)


def after_demands(sents: list[Sentence], k: int) -> Sentence | None:
    """The first sentence after ``sents[k]`` that is no demand: what follows a run of the team's demands."""
    return next((x for x in sents[k + 1:] if x.role != "demand"), None)


def appendix_zone(text: str) -> tuple[int, int, int] | None:
    """``(mark, start, end)`` of the appendix: where its 附件 line stands (the last one: 附件 / 附件1 /
    附件：title) and its body past its title line; None when there is none.  A notice's list may
    stand there (共反馈13个问题(详见附件))."""
    spans = [(s + len(line) - len(line.lstrip()), e) for s, e, line in lines(text) if line.strip()]
    marks = [k for k, (a, b) in enumerate(spans) if APPENDIX_LINE.match(text, a, b)]
    if not marks:
        return None
    k = marks[-1] + 1
    if k < len(spans):
        a, b = spans[k]
        title = text[a:b].strip()
        if "。" not in title and "\t" not in title and len(title) <= 60 and not ITEM_START.match(title) and k + 1 < len(spans):
            k += 1  # the appendix's own title (not a table's header row: 序号\t问题\t整改要求)
    return (spans[marks[-1]][0], spans[k][0], len(text)) if k < len(spans) else None
