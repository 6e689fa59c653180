"""Measures: the enumerated actions of a report, with a done/ongoing/planned status.

A measure is either one enumeration item (一是… up to the next item or the end
of its paragraph) or, where a numbered problem heading has no enumeration
under it, the heading's paragraph: one measure per paragraph when its body is
narrative prose of several (each line that follows a finished sentence and
ends one is a paragraph of its own; the team's words, closing lines and
restated problems stay with the paragraph before them).  Which headings count
as "numbered problems" is read from the document itself: the (family, level)
of the headings that do carry enumerations elsewhere.

Status is a weighted vote of cue words (``models/status_cues.tsv``):

* ``planned`` when the measure lies in the forward-looking section (下一步…, as
  :func:`pipeline.outline.forward_looking_sections` finds it),
  or when future cues outweigh the other two together;
* ``ongoing`` when a decisive cue is present (weight >= ``DECISIVE`` of :mod:`pipeline.lang.cues`: an action
  stated as only started, 启动/筹建/正在/尚未), or when ongoing cues reach
  ``_ONGOING_MIN`` and the done cues are less than ``_DONE_OVER_ONGOING`` times
  the ongoing weight (a continuing core action is not cancelled by a few
  completed side steps, but a single "持续" among many completed deliverables
  is);
* ``done`` otherwise.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from pipeline.lang.cues import (
    ACTION_LEAD, APPENDIX_LINE, CLOSING_FORMULA, CLUE, CONTACT, DECISIVE, DONE_STATED, DEMAND_LEAD, DONE_OPENING, FORWARD_INTRO, FORWARD_SPOKEN, PLEDGE, PROBLEM_VERDICT, PROGRESS_FIELD, PROGRESS_SO_FAR, RECORD_PROBLEM, REST_PLANNED, SHORTCOMING, PAGE_TAIL, PLAN_MADE, SUPERVISION_INVITED, TEAM_VOICE, concrete_act, is_restated_problem, only_plans, plan_cue,
    OVERVIEW_TITLE, OWN_SHORTCOMINGS_TITLE, status_cues,
)
from pipeline.lang.markers import is_bullet, runs, scan
from pipeline.lang.tables import RECORD_FIELD_LINE, match_columns
from pipeline.lang.text import (
    CELL_SEPARATORS, CLOSERS, FULL_STOPS, WRAP_SPACE, at_line_start, cell_separator, char_pairs, lines, mask_quoted,
    page_furniture, row_cells, sentence_bounds, sentence_spans, strip_span,
)
# forward_looking_sections: the one plans-part detector (re-exported)
from pipeline.metadata import signature_start
from pipeline.outline import forward_looking_sections, ordinal_parts, with_descendants
from pipeline.records import Measure, Section

ENUM_MARKERS = ("shi", "ordinal", "sequence")
_ONGOING_MIN = 2
_DONE_OVER_ONGOING = 3.0


def score_status(text: str) -> dict[str, tuple[int, list[str]]]:
    """Weight and matched cue phrases per status for one measure text.

    The extra key ``"decisive"`` holds the decisive ongoing cues found.

    Within a status, a position already covered by an earlier (stronger) row is
    not counted again, so 持续推进 counts once, not as 持续 + 推进.
    """
    masked = mask_quoted(text)
    out: dict[str, tuple[int, list[str]]] = {}
    covered: dict[str, set[int]] = {}
    planned_from = _planned_clauses(masked)
    made = _plans_made(text, masked)
    for status, weight, pattern in status_cues():
        total, cues = out.get(status, (0, []))
        taken = covered.setdefault(status, set())
        for m in pattern.finditer(masked):
            span = set(range(m.start(), m.end()))
            if span & taken:
                continue
            if status != "planned" and m.start() in planned_from:
                continue  # 计划于9月底前启动…: what a plan names is not yet started or done
            if status == "done" and m.start() in made:
                continue  # 已制定…工作方案,将于11月启动: the plan is made, the act still ahead
            taken |= span
            total += weight
            cues.append(text[m.start() : m.end()])
            if status == "ongoing" and weight >= DECISIVE:
                dec_total, dec_cues = out.get("decisive", (0, []))
                out["decisive"] = (dec_total + weight, dec_cues + [text[m.start() : m.end()]])
        out[status] = (total, cues)
    return out


_CLAUSE = re.compile(r"[^,;。!?:\n]+")
#: an ongoing cue that modifies the title's verb (持续纠治, 不断深化, 常态化开展), not a tally
_TITLE_ONGOING = re.compile(r"(?:持续|不断|常态化|逐步|长期坚持)(?=[\u4e00-\u9fff])")


def _planned_clauses(masked: str) -> set[int]:
    """Positions after a planned cue in its own clause (the verbs a plan governs)."""
    planned = [pattern for status, _weight, pattern in status_cues() if status == "planned"]
    out: set[int] = set()
    for clause in _CLAUSE.finditer(masked):
        first = min((m.end() for p in planned if (m := p.search(masked, clause.start(), clause.end()))), default=None)
        if first is not None:
            out.update(range(first, clause.end()))
    return out


def _plans_made(text: str, masked: str) -> set[int]:
    """Positions of a plan made (:data:`PLAN_MADE`, its draft's name in the title: 《…(草案)》) that a plan cue
    follows in its sentence (``masked``: the text with quotes and titles masked)."""
    out: set[int] = set()
    for made in PLAN_MADE.finditer(text):
        stop = sentence_bounds(masked, made.end(), ends="。;!?\n")[1]
        if plan_cue().search(masked, made.end(), stop):
            out.update(range(made.start(), made.end()))
    return out


def _progress_after_plan(text: str) -> str | None:
    """Where the text, after a plan of its own, says how far the plan has come (目前已完成…), or says so before a plan
    for the rest (目前已选派6名…,计划年底前累计选派15名): that phrase."""
    masked = mask_quoted(text)
    planned = [m.start() for status, _w, pattern in status_cues() if status == "planned" and (m := pattern.search(masked))]
    so_far = PROGRESS_SO_FAR.search(masked, min(planned)) if planned else None
    if so_far is None and planned and (before := PROGRESS_SO_FAR.search(masked)) and REST_PLANNED.search(masked, before.end()):
        so_far = before
    return text[so_far.start():so_far.end()] if so_far else None


def decide_status(text: str, *, forward_looking: bool = False, title: str | None = None) -> tuple[str, str | None]:
    """(status, basis) by the rule in the module docstring; an ongoing cue on the title's own verb
    (三是持续纠治…) is the one closest to the measure's action and decides first."""
    if title and not forward_looking and (cue := _TITLE_ONGOING.match(title)):
        return "ongoing", f"title: {cue.group()}"
    scores = score_status(WRAP_SPACE.sub("", text))  # a PDF's wrap, read as a space, inside a cue (该项工作长 期坚持)
    p, p_cues = scores.get("planned", (0, []))
    o, o_cues = scores.get("ongoing", (0, []))
    d, d_cues = scores.get("done", (0, []))
    if forward_looking:
        return "planned", "; ".join(["forward-looking section"] + p_cues)
    if p > 0 and p > o + d:
        return "planned", "; ".join(p_cues)
    if p > 0 and (so_far := _progress_after_plan(text)):  # 计划…建成…,目前已完成设备招标: under way
        return "ongoing", "; ".join(p_cues + [so_far])
    if "decisive" in scores or (o >= _ONGOING_MIN and d < _DONE_OVER_ONGOING * o):
        return "ongoing", "; ".join(o_cues)
    return "done", ("; ".join(d_cues) or None)


def _is_enumeration(sec: Section, text: str, next_start: int | None = None) -> bool:
    """一是/第一/首先 items, and ① or (1) items written inline (a line-initial ① counts when ② follows on its line)."""
    if sec.marker in ENUM_MARKERS:
        return True
    if sec.marker not in ("circled", "arabic_paren"):
        return False
    if not at_line_start(text, sec.start):
        return True
    return next_start is not None and "\n" not in text[sec.start : next_start]


def _enumeration_ids(text: str, sections: list[Section]) -> set[int]:
    ordered = sorted(sections, key=lambda s: s.start)
    # the next item of the same run (same marker, same parent), found in one backward pass:
    # searching forward from each item was quadratic in a page of thousands of ① markers
    following: dict[tuple[str, int | None], int] = {}
    next_start: list[int | None] = [None] * len(ordered)
    for k in range(len(ordered) - 1, -1, -1):
        key = (ordered[k].marker, ordered[k].parent_id)
        next_start[k] = following.get(key)
        following[key] = ordered[k].start
    out = set()
    for k, s in enumerate(ordered):
        if _is_enumeration(s, text, next_start[k]):
            out.add(s.section_id)
    return out - ordinal_parts(sections)  # a heading over its own run: the run's items are the measures


def _last_of_one_line_runs(text: str, items: list[Section]) -> dict[int, int]:
    """Section id -> its line's end, for the last item of a run whose items each start a line and fill it (一是…\n二是…\n
    三是…\n这些成绩的取得,…): it is one line as the others are; the paragraphs after it close the part."""
    runs_of: dict[tuple[int | None, str], list[Section]] = {}
    for s in sorted(items, key=lambda sec: sec.start):
        runs_of.setdefault((s.parent_id, s.marker), []).append(s)
    out = {}
    for run in runs_of.values():
        last = run[-1]
        if len(run) < 2 or not all(at_line_start(text, s.start) for s in run):
            continue
        if any("\n" in text[s.start:s.body_end].strip() for s in run[:-1]):
            continue
        line_end = text.find("\n", last.start, last.body_end)
        if line_end > 0 and text[line_end:last.body_end].strip():
            out[last.section_id] = line_end
    return out


def _own_shortcomings(sections: list[Section], forward: set[int]) -> set[int]:
    """The sections inside a part that owns up to the unit's shortcomings (:data:`OWN_SHORTCOMINGS_TITLE`), not a plans
    part: their items state problems."""
    return with_descendants(sections, {s.section_id for s in sections if s.parent_id is None
                                       and s.section_id not in forward and OWN_SHORTCOMINGS_TITLE.search(s.title)})


def _reported_requirements(text: str, first: Section) -> bool:
    """Whether a run of items is introduced as the inspection team's findings or demands
    (巡视组要求/指出…一是…): those lists are not the reporting unit's measures."""
    line_start = text.rfind("\n", 0, first.start) + 1
    if at_line_start(text, first.start):
        line_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
    intro = text[max(line_start, first.start - 300) : first.start]
    return bool(TEAM_VOICE.search(intro))


def _marker_starts_run(sec: Section) -> bool:
    return sec.label.startswith(("一是", "第一", "首先", "①"))


def _actions_start(text: str, sec: Section) -> int | None:
    """Where the actions of a problem's paragraph begin: its heading when the heading states an
    action ((1)健全理论学习制度), else after the heading and the sentences that restate the problem
    (关于…的问题, 问题表现：…, shortfall wording with no action); None when nothing but the restated
    problem is there (a restated problem is not a measure)."""
    for k, (a, b) in enumerate(sentence_spans(text, sec.title_start, sec.body_end)):
        piece = text[a:b]
        lead = ACTION_LEAD.match(piece.strip())
        if lead:
            return a + piece.index(lead.group()) + len(lead.group())
        if k == 0 and sec.marker == "problem" and _restates_its_problem(piece):
            continue  # 问题8:校办企业管理混乱。: the block's title is the problem
        if piece.strip(" 。;\n") and not is_restated_problem(piece):
            return a
    return None


def _restates_its_problem(sentence: str) -> bool:
    """The first sentence of a 问题N: block as its problem's name (校办企业管理混乱。): what is wrong, with no act and no
    figure of what was done (问题1:4月至6月,局党组组织开展专项整治行动,…督促整改问题58个。 is the answer itself)."""
    return bool(SHORTCOMING.search(sentence)) and not (concrete_act(sentence) or DONE_STATED.search(sentence)
                                                       or any(ch.isdigit() for ch in sentence))


#: A paragraph that is not the reporting unit's action: the inspection team's words, findings handed on,
#: demands and the unit's pledge (a feedback notice's closing parts), closing lines.
_NOT_THE_UNITS = re.compile("|".join(f"(?:{p})" for p in (
    f"^(?:{TEAM_VOICE.pattern})", DEMAND_LEAD.pattern, CLUE.pattern, PLEDGE.pattern, CONTACT.pattern)))


def _paragraph_pieces(text: str, acted: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs of a problem's body from ``acted`` (where its actions begin) to ``end``.

    A line is a paragraph (every reader emits one paragraph per line); a new one starts only
    after a line that ends a sentence (a hard-wrapped line goes on), and only when it is prose
    of its own: it ends a sentence, is not the inspection team's words (巡视组要求…, 线索…移交,
    X提出意见建议), not a pledge (X表示,…), not a closing line (欢迎…监督, 联系电话) and not a
    restated problem alone.  Anything else stays with the paragraph before it.  The first piece starts at ``acted``, the last ends at ``end``.
    """
    pieces = [[acted, end]]
    furniture = page_furniture(text)  # a page's footnotes and number start no paragraph
    pos = text.find("\n", acted, end)
    while pos != -1:
        line_start = pos + 1
        line_end = text.find("\n", line_start, end)
        line_end = end if line_end == -1 else line_end
        before = text[pieces[-1][0]:pos].rstrip().rstrip(CLOSERS)
        line = text[line_start:line_end].strip().rstrip(CLOSERS)
        if (before and before[-1] in FULL_STOPS and line and (line[-1] in FULL_STOPS or FORWARD_INTRO.match(line))
                and line_start not in furniture  # 下一步,… wrapped by a page's width opens the plans all the same
                and not _NOT_THE_UNITS.search(line) and not PROGRESS_FIELD.match(line)
                and not all(is_restated_problem(text[a:b]) for a, b in sentence_spans(text, line_start, line_end))):
            pieces[-1][1] = pieces[-1][0] + len(text[pieces[-1][0]:pos].rstrip())  # not the blank line between
            pieces.append([line_start, end])
        pos = text.find("\n", line_start, end)
    return [(a, b) for a, b in pieces]


def _lead_phrase(text: str, start: int, end: int) -> str:
    """A paragraph's title: up to its first full stop or its line end."""
    stop = min((i for i in (text.find(ch, start, end) for ch in FULL_STOPS) if i != -1), default=end)
    return text[start:stop].strip()


def _before_problem_verdict(text: str, start: int, end: int) -> int:
    """Where an item's own words end: before a closing sentence that judges the whole problem."""
    for a, b in sentence_spans(text, start, end, ends=FULL_STOPS):
        if a > start and PROBLEM_VERDICT.match(text, a, b):
            return a
    return end


def _closing_start(text: str) -> int:
    """Where the closing formula (特此报告。) and the signature under it begin, or a notice's invitation to supervise
    (欢迎…监督), or a web page's tail (责任编辑:…, 【相关阅读】), or the signature itself: the earliest, else the end."""
    found = [m.start() for m in CLOSING_FORMULA.finditer(text)]
    invited = [m.start() for m in SUPERVISION_INVITED.finditer(text)]
    tail = PAGE_TAIL.search(text)  # a web page's 责任编辑: / 【相关阅读】 after the article
    signed = signature_start(text)  # 中共…委员会\n2024年9月20日 with no 特此报告 above it
    return min(found[-1] if found else len(text), invited[-1] if invited else len(text), tail.start() if tail else len(text),
               len(text) if signed is None else signed)


def extract_measures(text: str, sections: list[Section]) -> list[Measure]:
    """Measures of one normalized document, in text order; none reaches into the closing formula and signature."""
    closing = _closing_start(text)
    by_id = {s.section_id: s for s in sections}
    enum_ids = _enumeration_ids(text, sections)
    has_children = {s.parent_id for s in sections if s.parent_id is not None}
    forward = forward_looking_sections(text, sections)
    owned_up = _own_shortcomings(sections, forward)

    # (marker, level) of the headings that carry enumerations: the problem level.  The
    # forward-looking section's plans (三、下一步… ①…②…) say nothing about it.
    problem_levels = {
        (by_id[s.parent_id].marker, by_id[s.parent_id].level)
        for s in sections
        if s.section_id in enum_ids
        and s.parent_id is not None
        and s.parent_id not in enum_ids
        and s.parent_id not in forward
    }
    if not problem_levels:
        # the level most leaves are at (the deepest of equals): a measure's own (1)(2) sub-points on lines of their
        # own are leaves below it, taken under their measure below, and do not make the measures' level a parent's
        leaves = [s for s in sections if s.section_id not in has_children and s.section_id not in enum_ids]
        counted = Counter(s.level for s in leaves if s.section_id not in forward) or Counter(s.level for s in leaves)
        if counted:
            level = max(counted, key=lambda lv: (counted[lv], lv))
            problem_levels = {(s.marker, s.level) for s in leaves if s.level == level}

    units: list[tuple[Section, int | None, str | None]] = []  # (section, answered heading, label)
    run_voice: dict[tuple[int | None, str], bool] = {}  # (parent, marker) -> run introduced as the team's words
    for s in sorted(sections, key=lambda sec: sec.start):
        if s.section_id in owned_up:
            continue
        if s.section_id in enum_ids:
            if s.parent_id is None or s.parent_id not in enum_ids:
                key = (s.parent_id, s.marker)
                if key not in run_voice or _marker_starts_run(s):
                    run_voice[key] = _reported_requirements(text, s)
                if not run_voice[key]:
                    units.append((s, s.parent_id, s.label))
        elif (s.marker, s.level) in problem_levels and (s.section_id not in has_children
                                                         or _answered_before_plans(text, s, sections, enum_ids)):
            if not OVERVIEW_TITLE.search(s.title):  # 一、整改进展总体情况: the work as a whole, no problem's answer
                units.append((s, s.section_id, s.label))
        elif (s.section_id not in has_children and s.parent_id is not None and s.parent_id not in forward
              and (by_id[s.parent_id].marker, by_id[s.parent_id].level) in problem_levels):
            units.append((s, s.parent_id, s.label))  # (1)… or ① on lines of their own under a problem heading
        elif (s.section_id not in has_children and s.parent_id in forward and s.parent_id not in enum_ids
              and (is_bullet(s.marker) or s.marker == "circled")):
            units.append((s, s.parent_id, s.label))  # the plans part's list items on lines of their own: ●… / ①…

    one_line_end = _last_of_one_line_runs(text, [u[0] for u in units if u[0].section_id in enum_ids])
    measures: list[Measure] = []
    enumerated: set[int] = set()  # the sections that enumerated measures answer (a table there sums them up)
    for s, answered, label in sorted(units, key=lambda u: u[0].start):
        pieces = [(s.start, one_line_end.get(s.section_id, s.body_end))]
        if s.section_id not in enum_ids and answered == s.section_id:  # a problem's paragraph: its restated problem is no action
            acted = _actions_start(text, s)
            if acted is None:
                continue
            # a 整改台账 in the paragraph's body: its rows are the measures (_ledger_measures), not part of one
            end = _before_ledger(text, acted, s.body_end)
            if end < s.body_end and _only_table_lead(text, max(acted, s.end), end):
                continue  # nothing but the heading above the table, its lead-in (…列表如下:) and its caption
            pieces = _paragraph_pieces(text, acted, end)
            plans = next((k for k, (a, _) in enumerate(pieces) if k and FORWARD_INTRO.match(text, a)), len(pieces))
            pieces = pieces[:plans]  # 下一步,…将… after the last problem's answer: the report's plans, no answer of it
            pieces[0] = (s.start, pieces[0][1])  # the first paragraph keeps its heading
        else:
            enumerated.update((answered, s.start))
            acted = s.start
        inline = s.section_id in enum_ids or s.marker == "arabic" and not at_line_start(text, s.start)  # …:1.…;2.…
        forward_looking = s.section_id in forward or (inline and _plans_paragraph(text, s.start))
        for k, (start, end) in enumerate(pieces):
            if start >= closing:
                break
            if end > closing:  # 2.…减少45%。\n\n特此报告。\n\n中共…委员会\n2026年1月22日: the item ends before them
                end = start + len(text[start:closing].rstrip())
            title = s.title if k == 0 else _lead_phrase(text, start, end)
            own_end = end  # (3)拟于年底前….该问题已基本完成整改。: the closing verdict is the problem's, not the item's
            if s.section_id in enum_ids:
                own_end = _before_problem_verdict(text, max(start, acted), end)
            progress = _record_progress(text, start) if s.section_id in enum_ids and not forward_looking else None
            if progress is not None:  # 整改措施:①…②…\n…\n完成情况:…: the item's part of the record's progress line
                status, basis = _item_progress(text, max(start, acted), own_end, *progress)
            else:
                status, basis = _block_status(text, max(start, acted), own_end, forward_looking=forward_looking,
                                              title=title)
            shown_end = _item_end(text, start, end)
            if shown_end < end and progress is None and not forward_looking:
                # 3.计划于…\n整改责任人:…\n整改进展:基本完成: the item's own words decide first, the record's progress line
                # where they say nothing (its siblings above never see that line)
                own = decide_status(text[max(start, acted):shown_end], title=title)
                if own[1] is not None:
                    status, basis = own
            measures.append(
                Measure(
                    measure_id=len(measures),
                    section_id=answered,
                    start=start,
                    end=shown_end,  # not the record's field lines after it
                    label=label if k == 0 else None,
                    title=title,
                    status=status,
                    status_basis=basis,
                )
            )
    return measures + _ledger_measures(text, sections, measures, enumerated)


def _block_status(text: str, start: int, end: int, *, forward_looking: bool, title: str) -> tuple[str, str | None]:
    """A measure's status: from its own progress line where it has one (整改措施:…\n整改进展:计划推进。拟于…), as a
    ledger row's from its 完成情况 cell, else from all its words."""
    field = PROGRESS_FIELD.search(text, start, end)
    if field is None or forward_looking:
        return decide_status(text[start:end], forward_looking=forward_looking, title=title)
    said = text[field.end():end]
    if only_plans(said):
        return "planned", f"{field.group()} only plans"
    opening = DONE_OPENING.match(said)
    if opening and "decisive" not in score_status(said):  # 已完成,并长期坚持: done, and kept up
        return "done", f"{field.group()}{opening.group()}"
    return decide_status(said)


#: Shared two-character pieces an item needs with a clause of the progress line to be the one it speaks of.
_ITEM_PIECES = 1


def _record_progress(text: str, pos: int) -> tuple[int, int] | None:
    """``(start, end)`` of the progress field (完成情况:…) of the record (问题:… / 整改措施:… / 责任人:… / 完成时限:… /
    完成情况:…) whose measures line holds ``pos``: on a later line of the same record (before a blank line or the
    next record's problem line, :data:`pipeline.lang.cues.RECORD_PROBLEM`), else None."""
    line_end = text.find("\n", pos)
    while line_end != -1:
        start = line_end + 1
        line_end = text.find("\n", start)
        end = len(text) if line_end == -1 else line_end
        if not text[start:end].strip() or RECORD_PROBLEM.match(text, start):
            return None
        field = PROGRESS_FIELD.match(text, start + len(text[start:end]) - len(text[start:end].lstrip()))
        if field is not None:
            return field.end(), end
    return None


def _item_progress(text: str, start: int, end: int, a: int, b: int) -> tuple[str, str | None]:
    """An item's status from its record's progress line ``[a, b)``: from the clause that speaks of it (shares most
    of its two-character pieces: 专项清查和追责问责已完成; 委托代理记账…未能按期完成,…正在推进), else ongoing where its
    own words say so (…未能按期完成,目前正在补办…; 持续推进…), else from the line's opening (正在推进。…) or all of it."""
    said = text[a:b]
    # its own pieces: a document's title too (制定《…实施方案》 is answered by 实施方案已于…印发), not those its
    # siblings on the line share (社区, 财务), nor figures
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    rest = text[line_start:start] + "\n" + text[end:len(text) if line_end == -1 else line_end]
    mine = {p for p in char_pairs(text[start:end]) - char_pairs(rest) if not any(ch.isdigit() for ch in p)}
    clauses = sorted(((len(mine & char_pairs(text[c:d])), c, d) for c, d in sentence_spans(text, a, b, ends=";。")),
                     reverse=True)
    best = clauses[0] if clauses else (0, a, b)
    if best[0] >= _ITEM_PIECES and len(clauses) > 1 and best[0] > clauses[1][0]:
        status, basis = decide_status(text[best[1]:best[2]])
        return status, f"完成情况: {basis}" if basis else "完成情况"
    own, own_basis = decide_status(text[start:end])
    if own == "ongoing":  # 二是…原定3月15日前完成,…未能按期完成,目前正在补办… under 整改进展:基本完成。: its own words
        return own, own_basis
    if only_plans(said):
        return "planned", "完成情况 only plans"
    opening = DONE_OPENING.match(said)
    if opening and "decisive" not in score_status(said):
        return "done", f"完成情况: {opening.group()}"
    return decide_status(said)


def _answered_before_plans(text: str, s: Section, sections: list[Section], enum_ids: set[int]) -> bool:
    """Whether a problem heading whose only children are the plans' items ((七)经费使用方面。<acts>\n下一步,…:一是…二是…,
    the report's closing plans run on under its last field) answers its problem in its own words before them."""
    children = [c for c in sections if c.parent_id == s.section_id]
    if not children or not all(c.section_id in enum_ids and _plans_paragraph(text, c.start) for c in children):
        return False
    own_end = text.rfind("\n", s.end, min(c.start for c in children))  # its own lines, not the plans' line
    return own_end != -1 and concrete_act(text[s.end:own_end])


def _plans_paragraph(text: str, pos: int) -> bool:
    """Whether the paragraph holding an inline item at ``pos`` opens with the plans (下一步,集团党委将…,第一,…;第二,…), or
    its item's sentence has them in its lead (陈立衡表示,下一步,桐溪县将从三个方面持续用力:一是…;二是…): its items are
    plans, as a forward-looking section's are, though no heading names that part."""
    start = text.rfind("\n", 0, pos) + 1
    if pos <= start:
        return False
    lead_start = max(start, text.rfind("。", 0, pos) + 1)
    colon = text.find(":", lead_start, pos)
    return FORWARD_INTRO.match(text, start) is not None or colon > 0 and FORWARD_SPOKEN.search(text, lead_start, colon) is not None


def _item_end(text: str, start: int, end: int) -> int:
    """Where an item's own text ends: before its record's field lines (3.计划于…。\n整改责任人:…\n整改时限:…\n整改进展:…)
    or the page furniture after it, else ``end``: the fields are the record's, the page's foot no one's."""
    pos = text.find("\n", start, end)
    while pos != -1:
        if RECORD_FIELD_LINE.match(text, pos + 1) or _appendix_line(text, pos + 1):
            return start + len(text[start:pos].rstrip())
        pos = text.find("\n", pos + 1, end)
    return _before_page_foot(text, start, end)


def _appendix_line(text: str, pos: int) -> bool:
    """Whether the line at ``pos`` opens an appendix (附件 / 附件:…整改台账): what follows is no item's."""
    end = text.find("\n", pos)
    return APPENDIX_LINE.fullmatch(text[pos:end if end >= 0 else len(text)].strip()) is not None


def _before_page_foot(text: str, start: int, end: int) -> int:
    """``end``, or where the text ends before the page furniture its last lines are (a page's footnotes, number and
    running header after the item's last sentence: ①交叉学科:指…\n- 1 -\n云湖农业大学…通报)."""
    furniture = page_furniture(text)
    if not furniture:
        return end
    cut = end
    while (ls := text.rfind("\n", start, cut)) != -1 and ls + 1 in furniture:
        cut = ls
    return start + len(text[start:cut].rstrip()) if cut < end else end


#: A table's lead-in (现将…整改情况列表如下:) or its caption (…主要问题整改情况表, …整改台账): a line that only
#: introduces the table below it.
_TABLE_LEAD = re.compile(r"[^\n]*(?::|表|台账|清单)[ \t]*")


def _only_table_lead(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` above a table holds nothing but lines that introduce it (:data:`_TABLE_LEAD`)."""
    return all(_TABLE_LEAD.fullmatch(line.strip()) for line in text[start:end].split("\n") if line.strip())


def _before_ledger(text: str, start: int, end: int) -> int:
    """Where the first 整改台账 inside ``[start, end)`` begins (its header line), else ``end``."""
    first = next((row for row in ledger_rows(text) if start <= row.line_start < end), None)
    if first is None:
        return end
    header = text.rfind("\n", 0, max(0, first.line_start - 1)) + 1  # the line above the first row names the columns
    return max(start, header) if cell_separator(text[header:first.line_start]) else first.line_start


def _ledger_measures(text: str, sections: list[Section], measures: list[Measure], enumerated: set[int]) -> list[Measure]:
    """The rows of a 整改台账 in the report that no enumerated measure covers, one measure each (from its 序号 to its
    last cell, a wrapped cell included): a row states what was done for one problem, its status read from its
    整改进展 cell.  Not a table under enumerated measures (主要问题整改清单如下: after the last ① of a heading that
    the report's measures already answer, ``enumerated``: those sections' ids and starts): that table sums up
    what they said; nor one appended after the report (附件 then the 整改台账) when the body has measures of its own:
    it restates, a row a problem, what they said."""
    appendix = _appendix_start(text, max((m.start for m in measures), default=len(text)))
    taken = sorted((m.start, m.end) for m in measures)
    taken_starts = [a for a, _ in taken]
    reach = list(accumulate((b for _, b in taken), max))  # the furthest end of the measures started so far
    answered = enumerated
    ordered = sorted(sections, key=lambda sec: sec.start)
    starts = [sec.start for sec in ordered]
    out: list[Measure] = []
    for row in ledger_rows(text):
        k = bisect_right(taken_starts, row.line_start)
        if k and reach[k - 1] > row.line_start or row.line_start >= appendix:  # inside a measure, or appended
            continue
        k = bisect_right(starts, row.line_start)
        holder = ordered[k - 1] if k else None  # the last section opened before the row
        if holder is not None and (holder.section_id in answered or holder.start in answered):
            continue
        section_id = holder.section_id if holder else None
        items = _cell_items(text, *row.measures) if row.measures else []
        if len(items) < 2:
            out.append(Measure(measure_id=len(measures) + len(out), section_id=section_id, start=row.line_start,
                               end=row.end, label=row.label, title=row.problem, status=row.status, status_basis=row.basis))
            continue
        for a, b in items:  # several measures in the cell: each its own, the row's status unless it is a plan
            status, basis = decide_status(text[a:b])
            if status != "planned":
                status, basis = row.status, row.basis
            out.append(Measure(measure_id=len(measures) + len(out), section_id=section_id, start=a, end=b,
                               label=row.label, title=_lead_phrase(text, a, b), status=status, status_basis=basis))
    return out


def _appendix_start(text: str, after: int) -> int:
    """Where the first appendix line (附件 / 附件:…整改台账) after ``after`` opens, else the text's end."""
    nl = text.find("\n", after)
    if nl < 0:
        return len(text)
    return next((a for a, _, _ in lines(text, nl + 1) if _appendix_line(text, a)), len(text))


def _cell_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The measures a ledger's 整改措施 cell enumerates, a run of markers from the cell's start ((1)…;(2)…); none
    otherwise: a cell of ;-separated acts is one measure in one annotator's reading (heldout4 b) and several in
    another's (heldout6 b), so it stays whole, as a row."""
    start, end = strip_span(text, start, end)
    run = next((r for r in runs(scan(text, start, end)) if r[0].start == start and len(r) >= 2), None)
    if run is None:
        return []
    cuts = [m.start for m in run] + [end]
    return [strip_span(text, a, b) for a, b in zip(cuts, cuts[1:])]


class LedgerRow(NamedTuple):
    """One row of a rectification ledger inside a report, from its problem's cell to the row's end."""

    start: int
    end: int
    label: str | None  # its 序号
    problem: str
    status: str  # done, ongoing, planned
    basis: str | None
    deadline: tuple[int, int] | None = None  # its 完成时限 cell: the date it was set, no evidence of what was done
    line_start: int = 0  # where its line starts (its 序号)
    problem_end: int = 0  # where its problem's cell ends
    measures: tuple[int, int] | None = None  # its 整改措施 cell


#: A cell that is a number alone: a count, where a ledger's problem cell states a problem.
_COUNT_CELL = re.compile(r"\s*\d+(?:\.\d+)?\s*")


@lru_cache(maxsize=8)
def ledger_rows(text: str) -> tuple[LedgerRow, ...]:
    """The rows of a rectification ledger inside the report (序号\t问题\t整改措施\t完成时限\t完成情况, as the
    DOCX, HTML and PDF readers write a table's rows, or with | between the cells).  A row states what was done for
    one problem; its status is read from its 完成情况 cell, else from its cells after the problem's."""
    if not any(sep in text for sep in CELL_SEPARATORS):
        return ()
    out = []
    columns = None
    width = 0
    sep = "\t"
    all_lines = list(lines(text))
    i = 0
    while i < len(all_lines):
        start, end, line = all_lines[i]
        i += 1
        if columns is None and (found_sep := cell_separator(line)) is not None:
            sep = found_sep  # a header's separator is its rows'
        if sep not in line:
            # a category line between the rows ((一)落实教育惠民政策方面): the table goes on when a row follows
            if not (columns is not None and i < len(all_lines) and len(row_cells(text, *all_lines[i][:2], sep)) == width):
                columns = None
            continue
        cells = row_cells(text, start, end, sep)
        if columns is None:
            found = match_columns([text[a:b].strip() for a, b in cells])
            if "problem" in found and ({"measures", "progress"} & found.keys()):
                columns, width = found, len(cells)
            continue
        # a cell wrapped onto the next line(s) (…建立公开招租制度;\n对欠租户依法催缴\t国有资产管理处\t…): the row
        # goes on while it has fewer cells than the header and the next line completes it, no more
        while len(cells) < width and i < len(all_lines) and all_lines[i][2].strip():
            more = row_cells(text, *all_lines[i][:2], sep)
            if len(cells) + len(more) - 1 > width:
                break
            cells = [*cells[:-1], (cells[-1][0], more[0][1]), *more[1:]]
            end = all_lines[i][1]
            i += 1
        k = columns["problem"]
        if k >= len(cells) or not text[slice(*cells[k])].strip() or _COUNT_CELL.fullmatch(text, *cells[k]):
            continue  # 党的领导方面\t2\t8\t7\t1: a table of counts (反馈问题(个)), no problem's row
        at, problem_end = cells[k]  # the problem's cell: the row's id is no figure of it
        p = columns.get("progress")
        said = text[slice(*cells[p])] if p is not None and p < len(cells) and text[slice(*cells[p])].strip() else None
        # the status: its 完成情况 cell where it has one, else the cells after the problem's
        status, basis = decide_status(said if said is not None else text[problem_end + 1:end])
        if said is not None and only_plans(said):
            status, basis = "planned", "完成情况: only plans"
        label = text[slice(*cells[columns["id"]])].strip() if "id" in columns and columns["id"] < len(cells) else None
        d, c = columns.get("deadline"), columns.get("measures")
        deadline = cells[d] if d is not None and d < len(cells) else None
        measures = cells[c] if c is not None and c < len(cells) and text[slice(*cells[c])].strip() else None
        out.append(LedgerRow(at, end, label or None, text[at:problem_end].strip(), status, basis, deadline, start,
                             problem_end, measures))
    return tuple(out)
