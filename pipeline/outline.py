"""Outline parser: headings and enumerations of a rectification text.

Two kinds of markers are recognised, because reports use them differently:

* **headings**, only at the start of a line: ``一、`` / ``(一)`` / ``1.`` ``1、``
  / ``(1)`` / ``①``, and line-initial ``第一,`` (rare);
* **enumerations** inside running text, at the start of a clause: ``一是 二是``,
  ``第一, 第二``, ``首先 其次 再次 最后``.

Headings nest by the conventional rank of their family (一、 > (一) > 1. >
(1) > ①), so a document that skips a level still nests correctly.  An
enumeration run nests under whatever heading (or enumeration item) is open
where it starts.  Every marker must continue a numbering sequence (up to two
missing numbers tolerated, see ``pipeline.lang.markers.MAX_STEP``), which removes decimals, dates
and stray list numbers.  Levels are depths in the resulting tree.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from pipeline.lang.cues import (
    ACTION_LEAD, FORWARD_INTRO, FORWARD_LEAD, FORWARD_PLANS_TITLE, FORWARD_SPOKEN, FORWARD_TITLE, MATTER_HEADING, PAGE_CONTROL, concrete_act,
    is_restated_problem,
)
from pipeline.lang.markers import (
    BARE_FIELD_HEADING, BARE_HEADING, BRACKET_HEADING, BULLET, BULLETS, DECORATION, FAMILY_RANK, INLINE_NUMBER,
    MAX_STEP, OUTLINE_ENUMERATION, OUTLINE_HEADING, OUTLINE_HEADING_FAMILIES, SEPARATOR_LINE, bullet_at,
    FOOTNOTE_DEFINITION, footnote_marks, is_bullet, line_start, marker_value,
)
from pipeline.lang.text import page_furniture
from pipeline.records import Section

#: The families of heading a report's outline reads (:data:`pipeline.lang.markers.OUTLINE_HEADING`), each ranked
#: by convention (:data:`pipeline.lang.markers.FAMILY_RANK`: 一、 > (一) > 1. > (1) > ①); restated-problem blocks
#: 问题一: rank where they first appear (:func:`_rank_where_first`).
HEADING_RANK: dict[str, float] = {family: FAMILY_RANK[family] for family in OUTLINE_HEADING_FAMILIES}
#: Headings that lost their numbers (:func:`_bare_headings`): above every numbered family, the fields under the parts.
HEADING_RANK.update({"bare": -1.0, "bare_field": -0.5})
#: A post's unnumbered headings (【…】, bullets) where none is open above them: at the top.
_UNNUMBERED_RANK = -2.0


def _is_heading_family(family: str) -> bool:
    return family in HEADING_RANK or family == BRACKET or is_bullet(family)


_CLAUSE_BREAK = set("。;:!?；：！？")  # a strong clause start
_WEAK_BREAK = set(",，、")  # a comma: accepted only inside a run of >= 2 items
_TITLE_END = set("。!?;:；：！？")
_OPEN_QUOTES = {"“": "”", "《": "》", "‘": "’", "(": ")", "（": "）"}


@dataclass
class _Cand:
    family: str
    value: int
    label_start: int
    label_end: int
    line_initial: bool
    para_end: int  # end of the line (paragraph) holding the marker
    strong: bool = True  # preceded by a clause break or line start


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


#: The first characters of the bullets (a line whose first is none of them opens no bullet: asked once a line).
_BULLET_STARTS = frozenset(b[0] for b in BULLETS)
#: The family of a sub-heading in brackets alone on its line (【整改进展】): a post's heading, ranked where it first
#: appears, as bullets are.
BRACKET = "bracket"


def _line_candidates(text: str, lstart: int, lend: int, unnumbered: dict[str, int]) -> list[_Cand]:
    """Heading marker at the start of a line plus clause-initial enumerations in it; a post's unnumbered headings
    (【…】 alone on a line, ■ / ● / ▶ bullets) numbered by their count so far (``unnumbered``, per family)."""
    out: list[_Cand] = []
    i = lstart
    while i < lend and text[i] in " \t":
        i += 1
    m = OUTLINE_HEADING.match(text, i, lend)
    if m is None and i < lend and text[i] in DECORATION:  # 📌一、整改工作总体情况 / ◆1、…: the numbered heading it decorates
        m = OUTLINE_HEADING.match(text, line_start(text, i), lend)
    head_end = i
    # text[x:lend].strip() is non-empty iff x < content_end (one strip per line, not per marker:
    # a line of thousands of markers was quadratic)
    content_end = lstart + len(text[lstart:lend].rstrip())
    if m and m.end() < content_end:  # a marker alone on its line is not a heading
        fam = m.lastgroup
        val = marker_value(fam, m.group())
        if val is not None:
            out.append(_Cand(fam, val, m.start(), m.end(), True, lend))
            head_end = m.end()
    elif (not m and i < lend and text[i] in _BULLET_STARTS and (bullet := bullet_at(text, i, lend)) is not None
          and not OUTLINE_HEADING.match(text, bullet[1], lend)):
        fam = BULLET + bullet[0]  # ■ 关于…的问题 / ● 修订《…》… (a numbered line after its bullet is read as numbered)
        unnumbered[fam] = unnumbered.get(fam, 0) + 1
        out.append(_Cand(fam, unnumbered[fam], i, i + len(bullet[0]), True, lend))
        head_end = bullet[1]
    elif not m and text.startswith(("【", "["), i) and (bracket := BRACKET_HEADING.match(text, i, lend)) \
            and bracket.end() == content_end and not PAGE_CONTROL.match(text, i, lend):  # not 【相关阅读】
        unnumbered[BRACKET] = unnumbered.get(BRACKET, 0) + 1  # 【整改进展】 alone on its line: its title in brackets
        out.append(_Cand(BRACKET, unnumbered[BRACKET], i, i, True, lend))
        head_end = i
    if not out and (found := _inline_number_run(text, i, lend)) is not None:
        run, after_colon = found
        # 整改措施:1.修订…;2.举办… / 下一步,…将…盯住不放:1.…;2.…;3.…: items numbered inline after a colon
        for k, num in enumerate(INLINE_NUMBER.finditer(text, run, lend)):
            if k and text[num.start() - 1] not in ";。":
                continue
            out.append(_Cand("arabic", int(num.group(1)), num.start(), num.end(), False, lend, True))
        values = [c.value for c in out]
        if values and values[0] == 1 and (not after_colon or values[:2] == [1, 2]):
            return out
        out = []
    # 【整改进展】一是…: a tag leading the line's run, which it opens as a colon would
    lead_tag = BRACKET_HEADING.match(text, i, lend) if text.startswith(("【", "["), i) else None
    in_cells = text.count("\t", lstart, lend) >= 2  # a table's row: an enumeration in a cell is the cell's content
    for em in OUTLINE_ENUMERATION.finditer(text, lstart, lend):
        s = em.start()
        if s < head_end or em.end() >= content_end or in_cells:
            continue  # part of the line heading, nothing follows the marker, or inside a table's cell
        fam = em.lastgroup
        val = marker_value(fam, em.group())
        if val is None:
            continue
        j = s - 1
        while j >= lstart and text[j] in " \t":
            j -= 1
        if j < lstart or (j + 1 == head_end and head_end > i):
            strong, initial = True, j < lstart
        elif text[j] in _CLAUSE_BREAK or (text[j] in "】]" and lead_tag is not None and lead_tag.end() == j + 1):
            strong, initial = True, False  # …;二是 / 整改情况:一是 / 【整改进展】一是
        elif text[j] in _WEAK_BREAK:
            strong, initial = False, False
        elif fam == "circled":
            if em.group() in footnote_marks(text):
                continue  # 交叉学科①,: the mark of a footnote that defines the word
            strong, initial = False, False  # 镇党委①建立…;②…: a circled number is never part of a word
        else:
            continue  # inside a word: 统一是, 之一是, 唯一是 ...
        out.append(_Cand(fam, val, s, em.end(), initial, lend, strong))
    if out and out[0].line_initial and out[0].family == "circled" and any(
        c.family == "circled" and c.value == out[0].value + 1 for c in out[1:]
    ):
        # ①… ; ②… ; ③… in one paragraph: the line-initial ① opens an inline run, not a heading
        out[0].line_initial = False
    return out


def _accept_enumerations(cands: list[_Cand]) -> list[_Cand]:
    """Keep enumeration markers that form a consistent run (一是 -> 二是 -> 三是).

    A run starts at value 1; each next item of the same family must follow within
    ``MAX_STEP``.  A run of one item is kept only when it starts a sentence.  A
    comma-preceded item is kept only inside a run of two or more.
    """
    keep: list[_Cand] = []
    by_family: dict[str, list[list[_Cand]]] = {}
    for c in cands:
        runs = by_family.setdefault(c.family, [])
        if c.value == 1:
            runs.append([c])
            continue
        if runs:
            prev = runs[-1][-1]
            limit = 99 if c.family == "sequence" else prev.value + MAX_STEP
            if prev.value < c.value <= limit:
                runs[-1].append(c)
    for runs in by_family.values():
        for run in runs:
            if len(run) == 1:
                if run[0].strong and run[0].family == "shi":
                    keep.extend(run)
                continue
            keep.extend(run)
    keep.sort(key=lambda c: c.label_start)
    return keep


def _title_end(text: str, start: int, limit: int) -> int:
    """End of the lead phrase: the first 。(or ;:!?) outside quotes/brackets, or ``limit``."""
    closers: list[str] = []
    i = start
    while i < limit:
        ch = text[i]
        if closers and ch == closers[-1]:
            closers.pop()
        elif ch in _OPEN_QUOTES:
            closers.append(_OPEN_QUOTES[ch])
        elif not closers and ch in _TITLE_END:
            return i
        i += 1
    return limit


def _rstrip_pos(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n,，、":
        end -= 1
    return end


def _inline_number_run(text: str, i: int, lend: int) -> tuple[int, bool] | None:
    """Where a line's inline numbered items start, and whether only a colon leads them: after a field's name
    (整改措施:1.…), or after the colon of the plans' lead (下一步,…将…盯住不放:1.…;2.…) when 1. follows it, else None
    (整改措施及成效:1.…。2.… is the answer's text, read with its problem). After a colon alone the caller keeps the
    run only when its second item is 2. after a ; or 。."""
    if text.startswith(("整改", "落实"), i) and (lead := ACTION_LEAD.match(text, i, lend)) \
            and INLINE_NUMBER.match(text, lead.end(), lend):
        return lead.end(), False
    colon = text.find(":", i, lend)
    if colon < 0 or not (first := INLINE_NUMBER.match(text, colon + 1, lend)) or first.group(1) != "1" \
            or not FORWARD_SPOKEN.search(text, i, colon):
        return None
    return colon + 1, True


def _rank_where_first(family: str, stack: list[int], rank_of: list[float], inline_of: list[bool]) -> float:
    """A heading family's rank: its conventional one, except restated-problem blocks (问题1:), which stand
    wherever the report puts them: under 一、 in some reports, under (一) in others (the rank just below
    the deepest heading open where the first one appears)."""
    if family in HEADING_RANK and family != "problem":
        return float(HEADING_RANK[family])
    base = HEADING_RANK.get(family, _UNNUMBERED_RANK)  # bullets and 【…】: wherever the post puts them first
    open_headings = [rank_of[k] for k in stack if not inline_of[k]]
    return max(base, open_headings[-1] + 0.5) if open_headings else base


def _head_end(text: str) -> int:
    """Where the document's head ends (title, subtitle, by-line): at the first line that ends a sentence."""
    stop = min((k for k in (text.find("。"), text.find("!"), text.find("?")) if k >= 0), default=len(text))
    return text.rfind("\n", 0, stop) + 1


def parse_outline(text: str) -> list[Section]:
    """Sections of ``text`` (normalized) in text order, with tree links and spans."""
    lines = _lines(text)
    # Pass 1: candidates per line, then the enumeration runs, reset at each heading line.
    heading_cands: list[_Cand] = []
    enum_groups: list[list[_Cand]] = [[]]
    unnumbered: dict[str, int] = {}
    head = _head_end(text)
    furniture = page_furniture(text)
    for lstart, lend in lines:
        if lstart in furniture and FOOTNOTE_DEFINITION.match(text, lstart, lend):
            continue  # a page's footnote (①交叉学科:指…): no heading, no item
        cands = _line_candidates(text, lstart, lend, unnumbered)
        if lstart < head:  # ——省委巡视反馈问题整改完成率达89.6% under a title: its subtitle, no item of a list
            cands = [c for c in cands if c.family != BULLET + "——"]
        for c in cands:
            if c.line_initial and _is_heading_family(c.family):
                heading_cands.append(c)
                enum_groups.append([])
            else:
                enum_groups[-1].append(c)
    enums: list[_Cand] = []
    for group in enum_groups:
        enums.extend(_accept_enumerations(group))
    if not any(c.family == "cn_dun" for c in heading_cands):  # a paste that lost the 一、 of its parts
        heading_cands = sorted(heading_cands + _bare_headings(text, lines, heading_cands), key=lambda c: c.label_start)

    # Pass 2: walk headings and enumerations in order, building the tree.
    events = sorted(heading_cands + enums, key=lambda c: c.label_start)
    heading_ids = {id(c) for c in heading_cands}
    sections: list[Section] = []
    rank_of: list[float] = []
    inline_of: list[bool] = []
    stack: list[int] = []  # indices into sections
    last_value: dict[tuple[str, int | None, bool], int] = {}  # (family, parent, heading?) -> last value
    global_last: dict[str, int] = {}
    family_rank: dict[str, float] = {}
    run_parent: dict[str, int | None] = {}
    current_line_end = -1
    for c in events:
        if c.para_end != current_line_end:
            # a new line closes the inline enumeration items of the previous one
            while stack and inline_of[stack[-1]]:
                stack.pop()
            current_line_end = c.para_end
        is_heading = id(c) in heading_ids
        if is_heading:
            rank = family_rank.setdefault(c.family, _rank_where_first(c.family, stack, rank_of, inline_of))
            popped = list(stack)
            while popped and rank_of[popped[-1]] >= rank:
                popped.pop()
            parent = popped[-1] if popped else None
            prev = last_value.get((c.family, parent, True))
            if prev is not None:
                ok = prev < c.value <= prev + MAX_STEP
            else:
                ok = c.value == 1 or c.value == global_last.get(c.family, 0) + 1
            if not ok:
                continue
            stack[:] = popped
            run_parent.clear()
        else:
            if c.value == 1 or c.family not in run_parent:
                parent = stack[-1] if stack else None
                run_parent[c.family] = parent
            parent = run_parent[c.family]
            while stack and stack[-1] != parent:
                stack.pop()
            rank = (rank_of[parent] if parent is not None else -1.0) + 0.5
        last_value[(c.family, parent, is_heading)] = c.value
        global_last[c.family] = c.value
        sid = len(sections)
        level = sections[parent].level + 1 if parent is not None else 1
        title_start = c.label_end
        while title_start < c.para_end and text[title_start] in " \t,，:：、":
            title_start += 1
        sections.append(
            Section(
                section_id=sid,
                parent_id=parent,
                level=level,
                label=text[c.label_start : c.label_end],
                title="",
                start=c.label_start,
                end=c.label_end,
                label_start=c.label_start,
                label_end=c.label_end,
                title_start=title_start,
                title_end=title_start,
                body_end=c.para_end,
                marker=c.family,
            )
        )
        rank_of.append(rank)
        inline_of.append(not c.line_initial)
        stack.append(sid)

    _fill_extents(text, sections, inline_of, events_para_end={s.section_id: s.body_end for s in sections})
    return sections


def _bare_headings(text: str, lines: list[tuple[int, int]], numbered: list[_Cand]) -> list[_Cand]:
    """Lines that are headings with their numbers lost (:data:`BARE_HEADING`), each over a paragraph or a numbered
    heading, never the title (the first line) nor at the end: two or more, or nothing (one such line is as
    likely a short remark).  The …方面 fields are one level under the others where the report has both."""
    heads = {c.label_start for c in numbered}
    found: list[tuple[int, int]] = []
    for k, (lstart, lend) in enumerate(lines[1:-1], start=1):
        a = lstart + len(text[lstart:lend]) - len(text[lstart:lend].lstrip())
        b = _rstrip_pos(text, a, lend)
        nxt_start, nxt_end = lines[k + 1]
        nxt = text[nxt_start:nxt_end].strip()
        if a >= b or a in heads or not BARE_HEADING.fullmatch(text, a, b):
            continue
        if nxt_start in heads or len(nxt) >= 20 and nxt[-1] in "。!?;" or BARE_HEADING.fullmatch(nxt):
            found.append((a, b))
    if len(found) < 2:
        return []
    fields = [BARE_FIELD_HEADING.match(text, a, b) is not None for a, b in found]
    nested = any(fields) and not all(fields)
    counts: dict[str, int] = {}
    out = []
    for (a, b), field in zip(found, fields):
        family = "bare_field" if nested and field else "bare"
        counts[family] = counts.get(family, 0) + 1
        out.append(_Cand(family, counts[family], a, a, True, b))
    return out


def _fill_extents(text: str, sections: list[Section], inline_of: list[bool], *, events_para_end: dict[int, int]) -> None:
    """Titles (lead phrase) and body ends, now that every marker is known."""
    n = len(sections)
    text_end = _rstrip_pos(text, 0, len(text))
    following = _first_non_descendants(sections)
    rules = _rule_lines(text) if n else []
    for k, sec in enumerate(sections):
        para_end = events_para_end[k]
        nxt = sections[k + 1].start if k + 1 < n else len(text)
        limit = min(para_end, nxt)
        t_end = _rstrip_pos(text, sec.title_start, _title_end(text, sec.title_start, limit))
        sec.title_end = max(t_end, sec.title_start)
        sec.title = text[sec.title_start : sec.title_end]
        sec.end = sec.title_end if sec.title_end > sec.title_start else sec.label_end
        # body: up to the next section that is not a descendant
        j = following[k]
        body_end = sections[j].start if j < n else text_end
        if inline_of[k]:
            body_end = min(body_end, para_end)
        k_rule = bisect.bisect_right(rules, sec.end)  # a post's rule between its parts (————) closes the section above it
        if k_rule < len(rules) and rules[k_rule] < body_end:
            body_end = rules[k_rule]
        sec.body_end = max(_rstrip_pos(text, sec.start, body_end), sec.end)


def _rule_lines(text: str) -> list[int]:
    """Starts of the separator lines (————), in order: found once a text, looked up per section."""
    return [m.start() for m in _RULE_LINE.finditer(text)]


_RULE_LINE = re.compile(rf"(?m)^(?:{SEPARATOR_LINE.pattern})")


def _first_non_descendants(sections: list[Section]) -> list[int]:
    """For each section, the index of the first later section outside its subtree (``n`` if none).

    Linear: a subtree built from the heading stack is the block right after its root
    (checked with subtree sizes and last descendants); only a non-contiguous subtree,
    which the stack never builds, falls back to walking parent chains.  A chain of
    thousands of nested markers (①…⑩ repeated) was cubic with the walk alone.
    """
    n = len(sections)
    size = [0] * n
    last = list(range(n))
    for j in range(n - 1, -1, -1):
        p = sections[j].parent_id
        if p is not None:
            size[p] += size[j] + 1
            last[p] = max(last[p], last[j])
    following = []
    for k in range(n):
        if last[k] == k + size[k]:
            following.append(k + size[k] + 1)
            continue
        j = k + 1
        while j < n and _is_descendant(sections, j, k):  # pragma: no cover - not built by parse_outline
            j += 1
        following.append(j)
    return following


def _is_descendant(sections: list[Section], j: int, k: int) -> bool:
    p = sections[j].parent_id
    while p is not None:
        if p == k:
            return True
        p = sections[p].parent_id
    return False


# --------------------------------------------------------------------------- forward-looking part

_SENTENCE_SPLIT = re.compile(r"[。\n]")


def forward_looking_sections(text: str, sections: list[Section]) -> set[int]:
    """Ids of the top sections about the future (plans, never results) and all their descendants.

    A top section (a top-level heading, not an enumeration item) is forward-looking when
    its title says so (下一步工作打算, 巩固整改成果), when the first sentence of its lead
    (the text between its title and its first sub-heading) holds such a cue or the second
    one opens with it (三、…。下一步,…), or, for the last top section, when its
    introduction speaks of 下一步/今后 anywhere in its first 400 characters.  Measures,
    matching, issue lists and the audit all read the plans part from here.
    """
    if not sections:
        return set()
    ordered = sorted(sections, key=lambda s: s.start)
    by_id = {s.section_id: s for s in ordered}
    # an ordinal part over a run of its own (第三、巩固整改成果\n下一步,…一是…) is a top section, as a heading is
    parts = ordinal_parts(sections)
    tops = [s for s in ordered if s.parent_id is None and (s.marker not in ("shi", "ordinal", "sequence")
                                                           or s.section_id in parts)]
    # first child after the title and first later section of each top, without a scan per top
    # (a page of thousands of top headings made that quadratic)
    first_child: dict[int, int] = {}
    for s in ordered:
        parent = by_id.get(s.parent_id) if s.parent_id is not None else None
        if parent is not None and s.start > parent.end and s.parent_id not in first_child:
            first_child[s.parent_id] = s.start
    starts = [s.start for s in ordered]
    ids: set[int] = set()
    for k, top in enumerate(tops):
        later = bisect.bisect_right(starts, top.start)
        if top.section_id in first_child:
            stop = first_child[top.section_id]
        else:
            stop = starts[later] if later < len(starts) else (top.body_end or len(text))
        intro = text[top.end:min(stop, top.end + 400)]
        sentences = [x.strip() for x in _SENTENCE_SPLIT.split(intro.strip())][:2]
        lead_cue = bool(sentences) and bool(FORWARD_LEAD.search(sentences[0])) or (
            len(sentences) > 1 and bool(FORWARD_LEAD.match(sentences[1]))) or bool(
            re.search(r"[,。]下一步[,]", intro[:120]))
        # the last top section speaks of 下一步 early on: the plans part, unless it is a problem's answer: its heading
        # restates the problem (五、关于班子凝聚力不强问题。/ 七、X整顿问题。/ 问题6:… / 八、班子建设的事), or its own paragraph
        # states what was done before the plans' line ((七)经费使用方面。<acts>\n下一步,…)
        forward_at = FORWARD_INTRO.search(intro)
        last_cue = (k == len(tops) - 1 and forward_at is not None and top.marker != "problem"
                    and not is_restated_problem(top.title) and not MATTER_HEADING.match(top.title)
                    and not ("\n" in intro[:forward_at.start()] and concrete_act(intro, 0, forward_at.start())))
        titled = FORWARD_TITLE.search(top.title) is not None and not (
            # 五、健全长效机制,巩固整改成果 before 六、下一步工作打算: the lasting mechanisms built, the plans after them
            FORWARD_INTRO.search(top.title) is None and any(FORWARD_PLANS_TITLE.search(t.title) for t in tops[k + 1:]))
        if titled or lead_cue or last_cue:
            ids.add(top.section_id)
    return with_descendants(sections, ids)


def ordinal_parts(sections: list[Section]) -> set[int]:
    """Ids of the parts named by an ordinal over a run of 一是 items of their own (第一、压实整改责任\n…一是…;二是…, a
    speech's 第一,… over 一是 lines): headings, not items of a run."""
    marker = {s.section_id: s.marker for s in sections}
    return {s.parent_id for s in sections if s.marker == "shi" and marker.get(s.parent_id) in ("ordinal", "sequence")}


def with_descendants(sections: list[Section], ids: set[int]) -> set[int]:
    """``ids`` and every section below them."""
    children: dict[int, list[int]] = {}
    for s in sections:
        if s.parent_id is not None:
            children.setdefault(s.parent_id, []).append(s.section_id)
    out = set(ids)
    todo = list(ids)
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in out:
                out.add(child)
                todo.append(child)
    return out
