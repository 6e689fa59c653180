"""Reading the findings part line by line, in whatever layout it is written.

Numbered lines (一、 / (一) / 1. / (1) / ① / 问题一: / 一是 / 第一, / 首先,) nest by family
rank: the top family is the aspect level when its lines are bare headings (or field
lead-ins with their list on the line), the next family numbers the problems, and lower
families inside a problem are its manifestations.  Bare lines are aspect lines (在…方面),
unit headings (市教育局党组), newspaper sub-headings (a short line naming a problem, its body
the manifestations; also 【…】 and ◆ forms) or a demands heading (整改意见) that ends the
findings.  Every other paragraph is read by :func:`pipeline.issuelist.paragraphs.read_paragraph`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pipeline.issuelist.context import (
    CONFIDENCE, HOW_OF_FAMILY, UNIT_LABEL, Context, aspect_lead, attach, new_aspect, open_unit,
)
from pipeline.issuelist.items import Item, example_items, make_problem, starts_with_example, top_level_split, trim
from pipeline.issuelist.paragraphs import VERDICT_CHARS, clause_list, list_after_lead, read_paragraph
from pipeline.issuelist.parts import Sentence
from pipeline.lang.cues import (
    BYLINE, CATEGORY_HEAD, CLOSING_FINDING, CLOSING_OPENER, CONTINUATION, DEMAND_HEADING, EVIDENCE_OPENER, EXAMPLE_LEAD, EXAMPLE_SUBJECT, FINDINGS_LIST_LEAD, RECTIFICATION_HEADING,
    ASPECT_LIST_CUE, PRAISE, RESOLVED, SHORTCOMING, SHORTCOMING_STRONG,
)
from pipeline.lang.markers import BRACKET_HEADING, DECORATION, FAMILY_RANK, SEPARATOR_LINE, Marker, is_bullet, line_start, runs, scan
from pipeline.lang.tables import match_columns
from pipeline.lang.text import FULL_STOPS, cell_separator, mask_quoted, page_furniture, row_cells, sentence_spans, soft_breaks, strip_span

_SUBHEADING_MAX = 32
#: Families whose numbers are the list's own problem ids (1., (一), 问题三); 一是/①/首先 count 1..n.
_OWN_NUMBERS = frozenset({"cn_dun", "cn_paren", "arabic", "arabic_paren", "arabic_close", "problem"})


def _lines(text: str, zs: int, ze: int) -> list[tuple[int, int]]:
    """The non-empty lines of ``[zs, ze)``; a line wrapped at the page width goes on over its break."""
    soft = soft_breaks(text)
    furniture = page_furniture(text)  # a page's number and running header: in no list
    out, pos = [], zs
    while pos < ze:
        nl = text.find("\n", pos, ze)
        while nl in soft:
            nl = text.find("\n", nl + 1, ze)
        le = ze if nl < 0 else nl
        if text[pos:le].strip() and pos not in furniture:
            out.append((pos, le))
        pos = le + 1
    return out


def _is_subheading(text: str, s: int, e: int) -> bool:
    body = text[line_start(text, s):e].strip()
    if not body or len(body) > _SUBHEADING_MAX or body[-1] in "。;:," or BYLINE.match(body):
        return False
    return not re.search(r"[,;。:]", body)


def _heading_like(text: str, m: Marker, le: int) -> bool:
    """A bare heading (一、党的领导弱化, 一、党的领导弱化,贯彻落实决策部署不够有力: a verdict and its field, one
    line without a sentence's end), or a field lead-in with its list after it ((一)政治建设方面。一是…)."""
    title = text[m.end:le].strip()
    if aspect_lead(text, trim(text, m.end, le)[0], le):
        return True
    if not 0 < len(title) <= 40 or re.search(r"[;。]", title.rstrip("。")):
        return False
    return "," not in title or title.count(",") == 1 and not title.endswith("。")  # a sentence is no heading


def _unfinished(text: str, s: int, e: int) -> bool:
    """A line that ends no sentence and holds none (a heading, not a finding written out)."""
    title = text[s:e].strip()
    return bool(title) and not re.search(r"[;。!?]", title)


@dataclass(slots=True)
class LineStructure:
    """The lines of a findings part and how they are numbered."""

    lines: list[tuple[int, int]]
    marker: dict[int, Marker]  # line start -> the numbering marker opening the line
    ranks: dict[str, float]  # marker family -> its rank here (smaller = higher)
    aspect_family: str | None
    problem_family: str | None
    problem_rank: float | None
    section_family: str | None = None  # headings over the aspects (一、 over (一) aspects over 1. problems)
    heads_runs: dict[str, bool] = field(default_factory=dict)  # family -> every line of it heads a run (asked once)


def line_structure(text: str, zs: int, ze: int) -> LineStructure:
    """Which marker family numbers the aspects and which the problems.

    The top family is the aspect level when all its lines are bare headings (or field lead-ins
    with their list on the line) and something stands under them; else it numbers the problems.
    """
    lines = _lines(text, zs, ze)
    decorated = [ls for ls, le in lines if text[ls:le].lstrip()[:1] in DECORATION and _is_subheading(text, ls, le)]
    line0 = text.rfind("\n", 0, zs) + 1  # scanned from the real line start: 主要问题:1.… is inline
    found = [m for m in scan(text, line0, ze) if not m.demand and m.line_initial and m.start >= zs]
    # ◆ sub-headings are the problems, numbers under them (1. 2.) number manifestations; over 一是 runs,
    # which enumerate findings, they are aspects, and under (一) headings, the problems of those aspects
    shi_runs = any(m.family in ("shi", "ordinal", "sequence") for m in found)
    headed = bool(decorated) and any(not is_bullet(m.family) and m.start < decorated[0] for m in found)
    if len(decorated) >= 2 and not shi_runs and not headed:
        return LineStructure(lines, {}, {}, None, None, -1.0)
    line_runs = [r for r in runs(found)
                 if len(r) >= 2 or r[0].family in ("problem", "cn_dun", "arabic", "cn_paren", "decimal") and r[0].value == 1]
    marked = {m.start: m for r in line_runs for m in r}
    marker = {}
    for ls, le in lines:
        m = marked.get(line_start(text, ls)) or marked.get(trim(text, ls, le)[0])  # ◆ bullets start at the symbol
        if m is not None:
            marker[ls] = m
    ranks = _ranks([marker[ls] for ls, _ in lines if ls in marker])
    families = sorted(ranks, key=ranks.get)
    aspect_family = problem_family = None
    if families:
        top = families[0]
        top_lines = [(ls, le) for ls, le in lines if ls in marker and marker[ls].family == top]
        lead_ins = all(aspect_lead(text, trim(text, marker[ls].end, le)[0], le) for ls, le in top_lines)
        # a long verdict heading (一、学习贯彻…不够深入,落实立德树人根本任务有差距) over numbered lines of a lower
        # family: no sentence, and a list below it, so a heading whatever its length
        lower = sum(1 for ls, _ in lines if ls in marker and len(families) > 1 and marker[ls].family == families[1])
        over_a_list = lower >= 2 and all(_unfinished(text, marker[ls].end, le) for ls, le in top_lines)
        if (all(_heading_like(text, marker[ls], le) for ls, le in top_lines) or over_a_list) and (
                len(lines) > len(top_lines) or lead_ins) and not _labelled_with_examples(text, lines, marker, top):
            aspect_family = top
            problem_family = families[1] if len(families) > 1 else None
        else:
            problem_family = top
    section_family = None
    if aspect_family is not None and len(families) > 2 and not is_bullet(families[2]):
        # 一、…方面 / (一)…有差距 / 1.…: two levels of bare headings over numbered findings (numbered on
        # across the headings or again under each): the sections, the aspects, the problems
        mid_lines = [(ls, le) for ls, le in lines if ls in marker and marker[ls].family == problem_family]
        low = sum(1 for ls, _ in lines if ls in marker and marker[ls].family == families[2])
        if low >= 2 and all(_heading_like(text, marker[ls], le) and _is_subheading(text, ls, le) for ls, le in mid_lines):
            section_family, aspect_family, problem_family = aspect_family, problem_family, families[2]
    return LineStructure(lines, marker, ranks, aspect_family, problem_family, ranks.get(problem_family), section_family)


def own_numbering(st: LineStructure) -> dict[int, LineStructure]:
    """The structure each aspect's block is read with, by the index of its heading line, where the aspects number
    their problems each in a family of its own (一、…方面 over (一)(二), 二、 over 1. 2. 3., 三、 over ①②③): a
    block whose numbered lines are all of one family lower than the aspects' has that family for its problems.
    Empty where one family numbers them all, or where a block mixes families (problems and their examples)."""
    if st.aspect_family is None:
        return {}
    heads = [k for k, (ls, _) in enumerate(st.lines) if ls in st.marker and st.marker[ls].family == st.aspect_family]
    own: dict[int, str] = {}
    for a, b in zip(heads, heads[1:] + [len(st.lines)]):
        families = {st.marker[ls].family for ls, _ in st.lines[a + 1:b] if ls in st.marker}
        if len(families) != 1:
            return {}
        own[a] = families.pop()
    if len(set(own.values())) < 2 or any(st.ranks[f] <= st.ranks[st.aspect_family] for f in own.values()):
        return {}
    return {k: replace(st, problem_family=f, problem_rank=st.ranks[f]) for k, f in own.items()}


def _labelled_with_examples(text: str, lines: list[tuple[int, int]], marker: dict[int, Marker], family: str) -> bool:
    """Whether ``family`` is 问题N: labels, each over a line of its examples (问题1:…作用发挥不充分。 then
    具体表现:(1)…;(2)…): problems by their label, whatever is numbered in their examples."""
    if family != "problem":
        return False
    below = [lines[k + 1] for k, (ls, _) in enumerate(lines[:-1]) if marker.get(ls) is not None
             and marker[ls].family == family and lines[k + 1][0] not in marker]
    return bool(below) and all(starts_with_example(text, line_start(text, ls), le) for ls, le in below)


def _ranks(markers: list[Marker]) -> dict[str, float]:
    """Each family's rank: the numbered families' conventional one (问题N: blocks under a lower family's first
    heading rank just below it); a bullet family ranks just under
    the lowest numbered family seen before its first line (一、 then ◆ then ●: aspect, problem,
    example), above them all when it comes first (◆ sub-heading, then 1. 2. under it)."""
    ranks: dict[str, float] = {}
    below, bullets = -1.0, 0
    for m in markers:
        if m.family in ranks:
            continue
        if is_bullet(m.family):
            bullets += 1
            ranks[m.family] = below + 0.5 + bullets / 100
        else:
            ranks[m.family] = FAMILY_RANK.get(m.family, 7)
            if m.family == "problem" and below >= ranks[m.family]:
                ranks[m.family] = below + 0.25  # (一)…有差距 over 问题1: blocks: the blocks are that heading's problems
            below = max(below, ranks[m.family])
    return ranks


def read_zone(text: str, zs: int, ze: int, sents: list[Sentence], *,
              unit: str | None = None) -> tuple[list[Item], list[Item], list[str]]:
    """(aspects, problems, unit labels) of the findings part ``[zs, ze)``; ``unit``: the unit all of it is about,
    where the caller knows it (a round-up's paragraph)."""
    ctx = Context(unit=unit, units=[unit] if unit else [])
    label = UNIT_LABEL.match(text, line_start(text, text.rfind("\n", 0, zs) + 1), zs)
    if label and label.end() == zs:  # 巡察发现,东湖街道党工委主要存在以下问题:一是…
        ctx.unit = label.group("unit")
        ctx.units.append(ctx.unit)
    ze = _before_demands(text, zs, ze)
    zs = _header_lines_start(text, zs)
    st = line_structure(text, zs, ze)
    blocks = own_numbering(st)
    after_colon = zs > 0 and text[zs - 1] == ":"
    problems: list[Item] = []
    after_problem = False  # the line before ended a problem
    i = 0
    while i < len(st.lines):
        ls, le = st.lines[i]
        m = st.marker.get(ls)
        if _demand_heading(text, m.end if m is not None else line_start(text, ls), le) and (
                m is None or m.family in (st.aspect_family, st.problem_family, st.section_family)):
            break  # 三、整改意见: the demands part
        table = _table_header(text, ls, le)
        column_lines = _column_lines(text, st, i) if table is None else None
        if table is not None:
            items, i = _table_rows(text, st, i, table, ctx)
        elif column_lines is not None:
            items, i = _cell_line_rows(text, st, i, column_lines, ctx)
        elif m is not None and m.family == st.section_family:
            # the aspects' own heading (一、…方面 over (一)…): the field of the aspects under it, and of a problem
            # right under it where it has no aspects (四、…整改方面 over 12.…)
            ctx.section = None
            ctx.section = new_aspect(text, m.end, le, ctx, number=_number(text, m), label=text[m.start:m.end].strip())
            items, i = [], i + 1
        elif m is not None and m.family == st.aspect_family:
            st = blocks.get(i, st)  # the family this aspect numbers its problems in
            items, i = _marked_heading(text, st, i, ctx, sents)
        elif m is not None and m.family == st.problem_family:
            items, i = _marked_problem(text, st, i, ctx, sents)
        elif after_problem and m is None and starts_with_example(text, line_start(text, ls), le):
            last = problems[-1]  # 比如… on a line of its own right after a problem: its examples
            last.children.extend(example_items(text, line_start(text, ls), le, how=last.how, confidence=last.confidence))
            items, i = [], i + 1
        else:
            items, i = _bare_line(text, st, i, ctx, sents, after_colon=after_colon and ls <= zs)
        problems.extend(items)
        after_problem = bool(items)
    _filed_under_tags(text, problems, ctx)
    return ctx.aspects, problems, ctx.units


def _filed_under_tags(text: str, problems: list[Item], ctx: Context) -> None:
    """Problems that open with the tag of the category they are filed under (- [政治建设] A / 【廉洁建设】B, two or
    more, under no field read otherwise): the tag is their aspect, one for each run of the same tag, and no part
    of the problem."""
    tags = [(p, m) for p in problems if p.aspect is None and (m := BRACKET_HEADING.match(text, p.start, p.end))
            and text[m.end():p.end].strip() and not SHORTCOMING_STRONG.search(m.group(1))]
    if len(tags) < 2:
        return
    named = None
    for p, m in tags:
        if named is None or text[named.start:named.end] != m.group(1).strip():
            named = new_aspect(text, m.start(1), m.end(1), ctx)
        p.aspect = named
        p.start = trim(text, m.end(), p.end)[0]


def _marked_heading(text: str, st: LineStructure, i: int, ctx: Context, sents) -> tuple[list[Item], int]:
    """一、… heading: an aspect (or a unit); a shortcoming heading over a bare prose body is a problem."""
    ls, le = st.lines[i]
    m = st.marker[ls]
    label = text[m.start:m.end]
    body_end = _block_end(text, st, i, stop_on_sub=True)
    has_structure = any(st.marker.get(l2) is not None for l2, _ in st.lines[i + 1:body_end]) or any(
        len([x for x in scan(text, *st.lines[j]) if not x.demand]) >= 2 for j in range(i + 1, body_end))
    lead_in = aspect_lead(text, trim(text, m.end, le)[0], le)
    body_s, body_e = (st.lines[i + 1][0], st.lines[body_end - 1][1]) if body_end > i + 1 else (le, le)
    if (not has_structure and st.problem_family is None and not lead_in and body_end > i + 1
            and text[le - 1] not in ",、" and _headlined_lines(text, body_s, body_e)):
        # 二、…存在薄弱环节\n管党治党责任传导不到位。集团党委对…不够。\n医疗领域…不力。对…存在漏洞。部分…: a field over
        # findings a line each, headline and elaboration one problem
        new_aspect(text, m.end, le, ctx, number=label.strip("()、.,: "), label=label)
        found = [make_problem(text, line_start(text, a), b, how="prose", confidence=CONFIDENCE["prose"])
                 for a, b in _lines(text, body_s, body_e) if text[a:b].strip()]
        return attach([p for p in found if p is not None], ctx), body_end
    if (not has_structure and st.problem_family is None and not lead_in and body_end > i + 1
            and text[le - 1] not in ",、" and _states_own_problems(text, body_s, body_e)):
        # 二、全面从严治党存在薄弱环节\n党委主体责任落实不够有力,…。医疗收费行为不规范,…。: a field over the
        # findings its paragraph states one a sentence, not a problem whose examples they would be
        new_aspect(text, m.end, le, ctx, number=label.strip("()、.,: "), label=label)
        return read_paragraph(text, st.lines[i + 1][0], st.lines[body_end - 1][1], ctx, sents), body_end
    if not has_structure and st.problem_family is None and SHORTCOMING_STRONG.search(text, m.end, le) and not lead_in:
        # 一是X有差距,\n城区学校…尚未化解。 (a post in short lines): the line's sentence goes on below it
        last = i
        while text[st.lines[last][1] - 1] in ",、" and last + 1 < body_end:
            last += 1
        return attach(_subheading_problem(text, m.end, st.lines[last][1], st.lines, last, body_end, label=label),
                      ctx), body_end
    if open_unit(text, m.end, le, ctx):
        return [], i + 1
    new_aspect(text, m.end, lead_in.end(1) if lead_in else le, ctx, number=label.strip("()、.,: "), label=label)
    if lead_in and text[lead_in.end():le].strip(" 。,:"):  # (一)政治建设方面。一是…;二是…
        rest, end = trim(text, lead_in.end(), le)
        cue = ASPECT_LIST_CUE.match(text, rest, end)
        listed = clause_list(text, cue.end(), end, each_stating=True) if cue else []  # 一、…方面。表现为:A,B,C: a problem a clause
        return (attach(listed, ctx) if listed else read_paragraph(text, lead_in.end(), le, ctx, sents)), i + 1
    return [], i + 1


def _marked_problem(text: str, st: LineStructure, i: int, ctx: Context, sents) -> tuple[list[Item], int]:
    """1./(一)/问题一:/一是 line: one problem, over its continuation lines and lower-numbered sub-items."""
    m = st.marker[st.lines[i][0]]
    if m.family in _INLINE_RUN_FAMILIES and _run_goes_on_inline(text, m, st.lines[i][1]):
        # 一是A;二是B;三是C on one line under its field's heading (四是… opening the next): a paragraph of items
        return read_paragraph(text, line_start(text, st.lines[i][0]), st.lines[i][1], ctx, sents), i + 1
    stop = text.find("。", m.end, st.lines[i][1])
    if stop > 0 and text.find(":", stop, st.lines[i][1]) > 0 and open_unit(text, m.end, stop, ctx):
        # (一)县图书馆党支部。巡察发现的主要问题有:一是…;二是…: a unit's name, then its findings on the same line
        return read_paragraph(text, stop + 1, st.lines[i][1], ctx, sents), i + 1
    bare = not text[m.end:st.lines[i][1]].strip()  # 问题一 alone on its line: the problem is the lines below
    end_idx = _block_end(text, st, i, bare=bare)
    how = "bullet" if is_bullet(m.family) else HOW_OF_FAMILY.get(m.family, "numbered")
    item = make_problem(text, m.end, st.lines[end_idx - 1][1], how=how, confidence=CONFIDENCE[how],
                        label=text[m.start:m.end].strip(), number=_number(text, m))
    if (item is not None and st.aspect_family is None and _heads_its_run(text, item, st.lines[i][1])
            and (aspect_lead(text, item.start, item.end) or _every_line_heads_a_run(text, st, m.family))):
        return _aspect_over_run(text, item, ctx), end_idx
    if item is not None and st.aspect_family is None and (last := _last_field_finding(text, st, m, item, ctx)):
        return last, end_idx
    if item is not None and st.aspect_family is None and end_idx == i + 1 and (
            found := _verdict_over_sentences(text, item, ctx, number=_number(text, m), label=text[m.start:m.end].strip())):
        return found, end_idx  # 第一,党的领导弱化问题仍然存在。一些校领导…。部分院系…。少数教师…。
    if item is not None and st.aspect_family is None and end_idx == i + 1:
        listed = _listed_after_heading(text, m.end, st.lines[i][1], ctx, sents)
        if listed:  # (一)党委政治核心作用发挥不够充分。主要表现在:A、B、C等问题。: a field over its list
            return listed, end_idx
    return attach([item] if item is not None else [], ctx), end_idx


def _last_field_finding(text: str, st: LineStructure, m: Marker, item: Item, ctx: Context) -> list[Item]:
    """The last line of a level of fields over runs, stating its verdict and then one finding without a run
    ((四)巡察、审计发现问题整改不到位。对上轮…整改不彻底。): a field as its siblings are, over that one finding."""
    if item.children or not _every_line_heads_a_run(text, st, m.family):
        return []
    stop = _verdict_end(text, item.start, item.end)
    if stop is None:
        return []
    found = make_problem(text, stop + 1, item.end, how=item.how, confidence=item.confidence)
    if found is None:
        return []
    new_aspect(text, item.start, stop, ctx, number=item.number, label=item.label)
    return attach([found], ctx)


#: Families whose items a paragraph runs inline (一是…二是…, 第一…第二…).
_INLINE_RUN_FAMILIES = ("shi", "ordinal")


def _run_goes_on_inline(text: str, m: Marker, e: int) -> bool:
    """Whether the line the marker ``m`` opens goes on with the run's next item (一是…;二是…)."""
    nxt = next((x for x in scan(text, m.end, e) if x.family == m.family and not x.demand), None)
    return nxt is not None and m.value is not None and nxt.value == m.value + 1


def _listed_after_heading(text: str, s: int, e: int, ctx: Context, sents) -> list[Item]:
    """The problems of a numbered line that opens with a short verdict sentence and lists its findings after it
    under a lead (主要表现在:A、B、C等问题, 存在A、B、C等问题, 主要是:A;B;C): the verdict is their aspect.  None for
    a headline and its elaboration, which is one problem."""
    stop = _verdict_end(text, s, e)
    if stop is None:
        return []
    rest = stop + 1
    while rest < e and text[rest] in " \t":
        rest += 1
    body = text[rest:e]
    # a lead (or 表现为: under a field's name, …方面。表现为:A,B), not ;-clauses (an elaboration may run so); (1)(2) under
    # the lead are its manifestations
    cue = ASPECT_LIST_CUE.match(body)
    listed = FINDINGS_LIST_LEAD.match(body) or cue and (_names_field(text, s, stop) or _groups_listed(text, cue, rest, e))
    if not listed or scan(text, rest, e):
        return []
    scratch = Context(unit=ctx.unit, units=list(ctx.units))
    found = read_paragraph(text, rest, e, scratch, sents)
    if len(found) == 1 and cue:  # 表现为:A,B,C: a problem a clause
        found = clause_list(text, rest + cue.end(), trim(text, rest, e)[1], each_stating=True) or found
    fewest = 1 if _names_field(text, s, stop) else 2  # (四)巡视整改落实不到位方面。主要表现为:A: a field, however few
    if len(found) < fewest or not all(SHORTCOMING.search(text, p.start, p.end) for p in found):
        return []
    new_aspect(text, s, stop, ctx)
    return attach(found, ctx)


def _verdict_end(text: str, s: int, e: int) -> int | None:
    """Where the short verdict sentence opening ``[s, e)`` ends (its 。): one clause, at most :data:`VERDICT_CHARS`
    long; None for a headline with clauses, or a part that opens on the stop of the sentence before it."""
    stop = text.find("。", s, e)
    if stop < 0 or stop - s > VERDICT_CHARS or "," in text[s:stop] or not text[s:stop].strip():
        return None
    return stop


def _verdict_over_sentences(text: str, item: Item, ctx: Context, *, number: str | None, label: str) -> list[Item]:
    """A numbered paragraph that opens with a short verdict and goes on with findings a sentence each, most of
    them about some of the unit's people or parts (一些校领导…。部分院系…。少数教师…): the verdict is the field,
    each sentence a problem.  Not a headline over its elaboration (figures, 其中…), which is one problem."""
    stop = _verdict_end(text, item.start, item.end)
    if stop is None:
        return []
    spans = [trim(text, a, b) for a, b in sentence_spans(text, stop + 1, item.end, ends="。")]
    spans = [(a, b) for a, b in spans if b > a]
    if len(spans) < 2 or not all(SHORTCOMING.search(text, a, b) for a, b in spans):
        return []
    if 3 * sum(bool(EXAMPLE_SUBJECT.match(text, a, b)) for a, b in spans) < 2 * len(spans):
        return []
    found = [p for a, b in spans if (p := make_problem(text, a, b, how=item.how, confidence=item.confidence))]
    if len(found) < 2:
        return []
    new_aspect(text, item.start, stop, ctx, number=number, label=label)
    return attach(found, ctx)


def _heading_open(text: str, ctx: Context) -> bool:
    """Whether the aspect open is a heading of its own line (一、关于作风建设), not a paragraph's opening verdict."""
    aspect = ctx.aspect
    if aspect is None:
        return False
    line_end = text.find("\n", aspect.end)
    return not text[aspect.end:len(text) if line_end < 0 else line_end].strip(" 。:")


def _groups_listed(text: str, cue: re.Match, rest: int, e: int) -> bool:
    """Whether what a verdict's 表现在:/表现为: (``cue``, matched at ``rest``) lists are findings a ;-group each
    (…有差距。表现在:A;B;C), each stating its shortcoming; not a problem's examples, which 具体表现为: opens."""
    groups = top_level_split(text, rest + cue.end(), e, ";")
    return (cue.group().endswith(":") and not cue.group().startswith("具体") and len(groups) >= 2
            and all(SHORTCOMING.search(text, a, b) for a, b in groups))


#: Inline runs that number problems under a heading of their own line ((一)X有差距。一是A;二是B / 一是X有偏差。①A;②B),
#: where (1)(2) number the examples of a problem
_PROBLEM_RUN_LABEL = re.compile(r"[一二三四五六七八九十]+是|[①-⑳]")


def _names_field(text: str, s: int, e: int) -> bool:
    """Whether ``[s, e)`` names a field: an aspect lead-in (党的建设方面), or one of the central formula's category
    heads before 方面 (党的领导弱化方面, whose words would read as a shortcoming)."""
    return aspect_lead(text, s, e) is not None or (
        text[s:e].rstrip("。 ").endswith("方面") and CATEGORY_HEAD.match(text, s, e) is not None)


def _heads_its_run(text: str, item: Item, line_end: int) -> bool:
    """A numbered line whose one-sentence heading is followed, on the same line, by a 一是/① run stating
    its own shortcomings: the heading is the field (an aspect) and the run its problems, in a findings
    part whose lines number no aspect of their own."""
    run = item.children
    field = _names_field(text, item.start, item.end)  # 一、…方面。(1)A;(2)B: a field over its problems
    if not run or EXAMPLE_LEAD.search(text, item.end, run[0].start) and not field:  # 具体表现为:①…: its examples,
        return False  # but a field's (（一）党的领导弱化方面。主要表现为:①…;②…) are its problems
    return (len(run) >= 2 and (field or all(_PROBLEM_RUN_LABEL.fullmatch(c.label or "") for c in run))
            and run[-1].end <= line_end and "。" not in text[item.start:item.end].rstrip("。")
            and sum(bool(SHORTCOMING.search(text, c.start, c.end)) for c in run) >= len(run) - 1)


def _every_line_heads_a_run(text: str, st: LineStructure, family: str) -> bool:
    """Whether the lines the family numbers go on, after their first sentence, with a 一是/① run (all, or all but
    the last): then the lines are a level of fields over their runs; where only some do (2、X。①A;②B among plain 1、 3、 4、), the
    runs are those problems' examples, not problems of a field (blind23 w10).  A line naming a field
    (一、…方面。(1)A;(2)B) is one whatever the others do."""
    def heads(ls: int, le: int) -> bool:
        stop = text.find("。", ls, le)
        # a field's heading (…方面。) is one, whatever follows it on its line
        return stop >= 0 and (text[ls:stop].endswith("方面") or bool(_PROBLEM_RUN_LABEL.search(text, stop, le)))

    if family not in st.heads_runs:  # a long list asks it once per line: answered once
        # every line, or every one but the last, two at least: (一)党的领导弱化,…。一是A;二是B … (四)巡察、审计发现
        # 问题整改不到位。2017年…: a last field with one finding of its own, as notices of 2016-2019 close
        found = [heads(ls, le) for ls, le in st.lines if ls in st.marker and st.marker[ls].family == family]
        st.heads_runs[family] = all(found) or len(found) >= 3 and all(found[:-1])
    return st.heads_runs[family]


def _aspect_over_run(text: str, item: Item, ctx: Context) -> list[Item]:
    """The heading of ``item`` as an aspect, its run's items as the problems under it."""
    new_aspect(text, item.start, item.end, ctx, number=item.number, label=item.label)
    ctx.aspect.how = item.how
    problems = [make_problem(text, c.start, c.end, how="shi-enumeration", confidence=CONFIDENCE["shi-enumeration"],
                             label=c.label) for c in item.children]
    return attach([p for p in problems if p is not None], ctx)


def _bare_line(text: str, st: LineStructure, i: int, ctx: Context, sents, *, after_colon: bool) -> tuple[list[Item], int]:
    """An unnumbered line: 【…】 or plain sub-heading, aspect line, unit heading, or a paragraph."""
    ls, le = st.lines[i]
    body = line_start(text, ls)
    bracket = BRACKET_HEADING.match(text, body, le)
    if bracket and not text[bracket.end():le].strip() and i + 1 < len(st.lines) and list_after_lead(
            text, *st.lines[i + 1]) is not None:  # the paragraph right below, 巡察还指出,… too
        # 【管党治党“两个责任”落实不够到位】 alone on its line, over …有差距,主要是:A;B;C: the field of that list
        new_aspect(text, bracket.start(1), bracket.end(1), ctx)
        return [], i + 1
    if bracket and SHORTCOMING.search(bracket.group(1)):  # 【审评审批廉洁风险突出】个别审评人员…
        body_end = _block_end(text, st, i, stop_on_sub=True)
        item = make_problem(text, bracket.start(1), bracket.end(1), how="heading", confidence=CONFIDENCE["heading"],
                            examples=False)
        if item is None:
            return [], body_end
        item.children = example_items(text, bracket.end(), st.lines[body_end - 1][1], how="heading",
                                      confidence=CONFIDENCE["heading"])
        return attach([item], ctx), body_end
    if bracket and open_unit(text, bracket.start(1), bracket.end(1), ctx):  # 【桂园社区】党委会议记录不规范;…
        return read_paragraph(text, bracket.end(), le, ctx, sents), i + 1
    aspect_line = aspect_lead(text, body, le)
    if aspect_line and not text[aspect_line.end():le].strip(" 。:,"):
        new_aspect(text, body, aspect_line.end(1), ctx)
        return [], i + 1
    if _over_its_manifestations(text, st, i):  # 党的领导弱化,“两个责任”落实不力。\n表现在A。\n表现在B。
        new_aspect(text, body, trim(text, body, le)[1], ctx)
        return [], i + 1
    if _lost_number_heading(text, st, i):  # 党的建设缺失,基层党组织建设薄弱 / 1.…: a heading whose 一、 was lost
        new_aspect(text, body, le, ctx)
        return [], i + 1
    if _is_subheading(text, ls, le):
        if i + 1 < len(st.lines) and BYLINE.match(text, line_start(text, st.lines[i + 1][0]), st.lines[i + 1][1]):
            return [], i + 1  # a news item's subtitle over its byline: it restates findings told below
        if open_unit(text, body, le, ctx):
            return [], i + 1
        if i + 1 < len(st.lines) and st.marker.get(st.lines[i + 1][0]) is None:
            body_end = _block_end(text, st, i, stop_on_sub=True)
            block_end = st.lines[body_end - 1][1]
            if not SHORTCOMING.search(text, body, le) and (
                    _demand_heading(text, body, le) or PRAISE.search(text, body, le)
                    or not SHORTCOMING.search(text, le, block_end)):
                # a sub-heading over something else (以巡促改 推动整改落地见效); a heading without a
                # shortcoming word of its own (作风建设仍需持续用力) is a problem when its body states findings
                return [], body_end
            if (not _literal_shortcoming(text, body, le) and _states_problems(text, st.lines[i + 1][0], block_end)
                    or _findings_a_line(text, st.lines[i + 1:body_end])):
                # ■ 教育民生还有“痛点”: a field named by a quoted figure of speech, over two findings or more; a
                # verdict line over findings a line each (党的领导作用发挥不够充分 / A。/ B。, a Word paste's lost numbers)
                new_aspect(text, body, le, ctx)
                return [], i + 1
            return attach(_subheading_problem(text, body, le, st.lines, i, body_end), ctx), body_end
    # 贯彻落实…有差距。表现在:A;B;C, a paragraph a field: the verdict the aspect, a problem a ;-group; not under a
    # field's own heading line (一、关于作风建设 / “四风”问题依然存在。主要表现在:…: the verdict sums the field's problems up)
    if not _heading_open(text, ctx) and (listed := _listed_after_heading(text, body, le, ctx, sents)):
        return listed, i + 1
    # ● 低保审核把关不严,如:… under ■ sub-headings: the paragraph past its bullet
    return read_paragraph(text, body, le, ctx, sents, after_colon=after_colon), i + 1


def _over_its_manifestations(text: str, st: LineStructure, i: int) -> bool:
    """A verdict line of its own, one sentence, over lines that each open with 表现在/表现为 (a field's verdict, then
    its problems a line each): the field.  Not over 具体表现为: (blind52 02: a sub-heading over its examples)."""
    body, le = line_start(text, st.lines[i][0]), st.lines[i][1]
    if i + 1 >= len(st.lines) or ASPECT_LIST_CUE.match(text, body, le) or "。" in text[body:le].rstrip("。"):
        return False
    nxt = line_start(text, st.lines[i + 1][0])
    cue = ASPECT_LIST_CUE.match(text, nxt, st.lines[i + 1][1])
    # 具体表现为:… is the problem's own examples (a sub-heading stating it over them), not a field's problems
    return (st.marker.get(st.lines[i + 1][0]) is None and bool(SHORTCOMING_STRONG.search(text, body, le))
            and cue is not None and not cue.group().startswith("具体"))


def _lost_number_heading(text: str, st: LineStructure, i: int) -> bool:
    """A bare line that heads the numbered items after it (a Word document pasted as text loses its 一、 but
    keeps its 1. 2.): a verdict and its field at most (one comma, no sentence's end), and the next line opens a
    numbered item that continues a run already open before this line, or opens it; or, the 1. 2. lost too, a
    line that opens with a category head of the central formula over a line that ends a sentence."""
    ls, le = st.lines[i]
    title = text[line_start(text, ls):le].strip()
    if not 6 <= len(title) <= 40 or re.search(r"[;。:\t]", title) or title.count(",") > 1 or i + 1 >= len(st.lines):
        return False
    nxt = st.marker.get(st.lines[i + 1][0])
    if nxt is None and CATEGORY_HEAD.match(title) and text[st.lines[i + 1][1] - 1] in FULL_STOPS:
        return True  # 党的领导弱化,国资监管职能履行不到位 over findings a line each, both numberings lost
    if nxt is None or nxt.family not in ("arabic", "cn_paren"):
        return False
    before = [m for k, (a, _) in enumerate(st.lines[:i]) if (m := st.marker.get(a)) is not None and m.family == nxt.family]
    return nxt.value == 1 and not before or bool(before) and before[-1].value + 1 == nxt.value


def _literal_shortcoming(text: str, s: int, e: int) -> bool:
    """A heading that states a shortcoming in plain words (教师队伍建设统筹不够), not only by a quoted figure of
    speech (管党治党存在“宽松软”, 队伍建设存在“短板”): then it names the problem itself."""
    return bool(SHORTCOMING_STRONG.search(mask_quoted(text[s:e])))


def _states_own_problems(text: str, s: int, e: int) -> bool:
    """Whether a paragraph states two findings or more, each a sentence with a strong shortcoming word of its own;
    a sentence opening with 比如 gives the one before it an example, and none opens as a bare example or its
    evidence (部分…, 2023年…)."""
    found = 0
    for a, b in sentence_spans(text, s, e, ends=FULL_STOPS):
        a = trim(text, a, b)[0]
        if EXAMPLE_LEAD.match(text, a, b) and found:
            continue
        if EXAMPLE_LEAD.match(text, a, b) or EXAMPLE_SUBJECT.match(text, a, b) or EVIDENCE_OPENER.match(text, a, b):
            return False
        if not SHORTCOMING_STRONG.search(text, a, b):
            return False
        found += 1
    return found >= 2


def _headlined_lines(text: str, s: int, e: int) -> bool:
    """Whether a body is two lines or more, each opening with a short headline of a shortcoming of its own
    (管党治党责任传导不到位。集团党委对…督促指导不够,…): a problem a line, headline and elaboration."""
    spans = [(a, b) for a, b in _lines(text, s, e) if text[a:b].strip()]
    if len(spans) < 2:
        return False
    for a, b in spans:
        a = line_start(text, a)
        stop = text.find("。", a, b)
        if stop < 0 or stop - a > _HEADLINE_MAX or not SHORTCOMING_STRONG.search(text, a, stop):
            return False
    return True


#: The longest headline a finding's line opens with (医疗领域廉洁风险防控不力。…).
_HEADLINE_MAX = 30


def _states_problems(text: str, s: int, e: int) -> bool:
    """Whether the body under a sub-heading states two findings or more of its own (sentences with a shortcoming
    word, none opening with an example's marker): the sub-heading is then their field (an aspect), not a
    problem whose examples they would be."""
    found = 0
    for a, b in sentence_spans(text, s, e, ends=FULL_STOPS):
        if EXAMPLE_LEAD.match(text, a, b):
            return False
        found += bool(SHORTCOMING.search(text, a, b))
    return found >= 2


def _findings_a_line(text: str, body: list[tuple[int, int]]) -> bool:
    """Whether the lines under a sub-heading are two findings or more, each a line of its own that states a
    shortcoming, says nothing put right (立行立改, 已完成整改: the findings part has ended) and opens with no example's
    marker (blind52 06: a Word paste that lost 一、 and 1.)."""
    stated = [(a, b) for a, b in body if text[a:b].strip()]
    return len(stated) >= 2 and all(SHORTCOMING.search(text, a, b) and not RESOLVED.search(text, a, b)
                                    and not EXAMPLE_LEAD.match(text, line_start(text, a), b)
                                    and text[a:b].rstrip()[-1:] in FULL_STOPS for a, b in stated)


#: A table's closing row (合计 | | 4个方面共9个问题): a count, not a problem.
_TOTAL_ROW = re.compile(r"[ \t]*(?:合计|小计|总计|共计)")


def _cells(text: str, s: int, e: int, sep: str = "\t") -> list[tuple[int, int]]:
    """The cells of a table row, each trimmed as a finding is."""
    return [trim(text, a, b) for a, b in row_cells(text, s, e, sep)]


def _table_header(text: str, s: int, e: int) -> tuple[dict[str, int], str] | None:
    """The columns of a table's header line (序号 问题类别 问题描述, named as a ledger names them) and its
    cell separator, or None."""
    sep = cell_separator(text, s, e, spaces=True)
    if sep is None:
        return None
    columns = match_columns([text[a:b] for a, b in _cells(text, s, e, sep)])
    return (columns, sep) if "problem" in columns else None


def _category(text: str, a: int, b: int, aspects: dict[str, Item], ctx: Context) -> None:
    """A row's category cell (or a record's 问题类别) opens its aspect: one aspect per category name, however
    many rows repeat it; an empty cell keeps the one open (a merged cell)."""
    if b > a:
        name = text[a:b]
        if name not in aspects:
            aspects[name] = new_aspect(text, a, b, ctx)
        ctx.aspect = aspects[name]


def _table_rows(text: str, st: LineStructure, i: int, header: tuple[dict[str, int], str],
                ctx: Context) -> tuple[list[Item], int]:
    """The rows under a table header: the problem cell is the problem, the category cell its aspect
    (one aspect per category, however many rows repeat it), or a marked line of its own between rows
    (一、…方面 above rows 1-3: a merged category row copied as a line)."""
    columns, sep = header
    width = len(_cells(text, *st.lines[i], sep))
    aspects: dict[str, Item] = {}
    out: list[Item] = []
    j = i + 1
    while j < len(st.lines):
        if cell_separator(text, *st.lines[j], spaces=True) != sep:
            ls, le = st.lines[j]
            m = st.marker.get(ls)
            if m is None or j + 1 >= len(st.lines) or cell_separator(text, *st.lines[j + 1], spaces=True) != sep:
                break
            new_aspect(text, m.end, le, ctx, label=text[m.start:m.end].strip(), number=_number(text, m))
            j += 1
            continue
        cells = _cells(text, *st.lines[j], sep)
        j += 1
        at = columns.get("aspect", width)
        if len(cells) == width - 1 and at < len(cells) and cells[at][1] > cells[at][0] \
                and text[slice(*cells[at])] not in aspects:
            # a row one cell short, its category cell a finding: the category is merged with the rows above (a web
            # table's rowspan) and left out; an empty cell or a category already read keeps the cells in place
            cells = [*cells[:at], (cells[at][0], cells[at][0]), *cells[at:]]
        if columns["problem"] >= len(cells) or _TOTAL_ROW.match(text, *cells[0]):
            continue
        if "aspect" in columns and columns["aspect"] < len(cells):
            _category(text, *cells[columns["aspect"]], aspects, ctx)
        label = text[slice(*cells[columns["id"]])] if "id" in columns and columns["id"] < len(cells) else None
        item = make_problem(text, *cells[columns["problem"]], how="table", confidence=CONFIDENCE["table"],
                            label=label or None, number=label or None)
        if item is not None:
            out.extend(attach([item], ctx))
    return out, j


#: The longest cell a header line copied one cell a line holds (序号 / 反馈问题 / 整改措施 / 整改进展).
_HEADER_CELL_MAX = 12
_ROW_ID = re.compile(r"[ \t]*\d{1,3}[ \t]*")


def _header_lines_start(text: str, zs: int) -> int:
    """``zs``, or the start of a table's header that the zone starts right after (序号\t问题类别\t具体问题…: the
    rows under it are read as the table's), or inside, copied one cell a line (序号 / 反馈问题 | 整改措施 / …:
    a header cell named like a lead opened the zone after it)."""
    if zs > 0 and text[zs - 1] == "\n":  # at a line's start: the table's header line just above it
        above = text.rfind("\n", 0, zs - 1) + 1
        if _table_header(text, above, zs - 1) is not None:
            return above
    if text[zs:zs + 1] != "\n":  # the zone starts at the end of a line, or it starts no header's lines
        return zs
    cells: list[tuple[int, str]] = []  # (line start, cell) of the short lines before zs, nearest first
    pos = zs
    while pos > 0 and len(cells) < 4:
        ls = text.rfind("\n", 0, pos - 1) + 1
        cell = text[ls:pos].strip()
        if not cell or len(cell) > _HEADER_CELL_MAX:
            break
        cells.append((ls, cell))
        pos = ls
    if not cells:
        return zs
    after = [c.strip() for c in text[zs + 1:].split("\n", 5)[:5]]
    names = [c for _, c in reversed(cells)] + [c for c in after if c and len(c) <= _HEADER_CELL_MAX][:4]
    columns = match_columns(names)
    return cells[-1][0] if {"id", "problem"} <= columns.keys() and columns["id"] == 0 else zs


def _column_lines(text: str, st: LineStructure, i: int) -> tuple[dict[str, int], int] | None:
    """The columns of a table copied one cell a line (a Word table pasted as text), read from its header's
    lines starting at line ``i``, and how many there are; None unless they name a problem and an id column."""
    names: list[str] = []
    for ls, le in st.lines[i:i + 8]:
        cell = text[ls:le].strip()
        if not cell or len(cell) > _HEADER_CELL_MAX or ls in st.marker or _ROW_ID.fullmatch(cell):
            break
        names.append(cell)
    if len(names) < 3:
        return None
    columns = match_columns(names)
    return (columns, len(names)) if {"id", "problem"} <= set(columns) and columns["id"] == 0 else None


def _cell_line_rows(text: str, st: LineStructure, i: int, header: tuple[dict[str, int], int],
                    ctx: Context) -> tuple[list[Item], int]:
    """The rows of a table copied one cell a line: each row its id's line and the cells after it; a line
    of the list's own heading family between rows ((一)…方面, a merged category row) opens an aspect, and so does
    a 问题类别 cell (the rows under it with that cell left empty share it)."""
    columns, width = header
    out: list[Item] = []
    j = i + width
    while j < len(st.lines):
        ls, le = st.lines[j]
        cells = _row_cells(text, le, width - 1) if _ROW_ID.fullmatch(text, ls, le) else None
        if cells is None and _ROW_ID.fullmatch(text, ls, le) and j + width <= len(st.lines):
            cells = [st.lines[j + k] for k in range(1, width)]  # blank lines between cells too: the non-empty ones
        if cells is not None:
            if "aspect" in columns and text[slice(*cells[columns["aspect"] - 1])].strip():
                new_aspect(text, *cells[columns["aspect"] - 1], ctx)  # 国有资产监管, over the rows that leave it empty
            a, b = trim(text, *cells[columns["problem"] - 1])
            item = make_problem(text, a, b, how="table", confidence=CONFIDENCE["table"],
                                label=text[ls:le].strip(), number=text[ls:le].strip())
            if item is not None:
                out.extend(attach([item], ctx))
            last = cells[-1][1]
            while j < len(st.lines) and st.lines[j][0] <= last:
                j += 1
        elif ls in st.marker and j + 1 < len(st.lines) and _ROW_ID.fullmatch(text, *st.lines[j + 1]):
            m = st.marker[ls]
            new_aspect(text, m.end, le, ctx, label=text[m.start:m.end].strip(), number=_number(text, m))
            j += 1
        else:
            break
    return out, j


def _row_cells(text: str, id_end: int, n: int) -> list[tuple[int, int]] | None:
    """The ``n`` lines after a row's id line, an empty one an empty cell, when the line after them is the next row's
    id or no cell of this table (else the table leaves blank lines between its cells, and they are none)."""
    cells, pos = [], id_end + 1
    for _ in range(n):
        if pos > len(text):
            return None
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        cells.append((pos, end))
        pos = end + 1
    if not any(text[a:b].strip() for a, b in cells) or not text[slice(*cells[-1])].strip():
        return None
    nl = text.find("\n", pos)
    following = text[pos:len(text) if nl < 0 else nl].strip()
    return cells if not following or _ROW_ID.fullmatch(following) or len(following) > _HEADER_CELL_MAX else None


#: A record's field line (问题描述：…, 问题类别：…): a short field name, a colon, the value.
_FIELD_LINE = re.compile(r"[ \t]*([^,。;:\n]{2,10})[:]")
#: A further field on the same line, after a run of spaces or a tab (问题类型:X　　问题描述:Y).
_FIELD_BESIDE = re.compile(r"(?:[ \t]{2,}|\t)([^,。;:\n \t]{2,10})[:]")


def holds_field_lines(text: str, s: int, e: int) -> bool:
    """Whether ``[s, e)`` runs over a record's field lines (问题类别:…\n问题描述:…) or holds its fields side by side
    (问题类型:X　　问题描述:Y): a record read as one item."""
    return (any(_FIELD_LINE.match(text, k + 1, e) for k in range(s, e) if text[k] == "\n")
            or _FIELD_LINE.match(text, s, e) is not None and _FIELD_BESIDE.search(text, s, e) is not None)


def read_records(text: str) -> tuple[list[Item], list[Item]] | None:
    """(aspects, problems) of a list written as records (【问题1】 then 问题类别：… / 问题描述：… /
    整改时限：… lines), its fields named as a ledger's columns; None unless two records name a problem."""
    fields: list[tuple[str, int, int]] = []  # (field, value start, value end)
    for ls, le in _lines(text, 0, len(text)):
        m = _FIELD_LINE.match(text, ls, le)
        if m is None:
            continue
        # 问题类型:X　　问题描述:Y: fields side by side on one line, each after a run of spaces
        labels = [m, *(n for n in _FIELD_BESIDE.finditer(text, m.end(), le))]
        for k, label in enumerate(labels):
            field = next(iter(match_columns([label.group(1)])), None)
            if field in ("problem", "aspect"):
                end = labels[k + 1].start() if k + 1 < len(labels) else le
                fields.append((field, *trim(text, label.end(), end)))
    if sum(1 for f, _, _ in fields if f == "problem") < 2:
        return None
    ctx = Context()
    aspects: dict[str, Item] = {}
    problems: list[Item] = []
    for field, a, b in fields:
        if field == "aspect":
            _category(text, a, b, aspects, ctx)
        elif field == "problem":
            item = make_problem(text, a, b, how="table", confidence=CONFIDENCE["table"])
            if item is not None:
                problems.extend(attach([item], ctx))
    return ctx.aspects, problems


def _before_demands(text: str, zs: int, ze: int) -> int:
    """Where the part's demands heading (三、意见建议 / 整改要求：) stands in ``[zs, ze)``, else ``ze``: its own
    numbered lines ((一)提高政治站位…) must not count in how the findings are numbered."""
    for ls, le in _lines(text, zs, ze):
        body = line_start(text, ls)
        head = next((m for m in scan(text, body, le) if m.line_initial and m.start == body), None)
        if head is not None and _demand_heading(text, head.end, le):
            return ls
    return ze


def _demand_heading(text: str, s: int, e: int) -> bool:
    """A heading of the demands (三、整改意见) or of the unit's own rectification work (二、整改工作开展情况)."""
    title = text[s:e].strip(" 。:")
    return (0 < len(title) <= 16 and "\t" not in title  # 序号\t问题\t整改要求: a table's header, no heading
            and bool(DEMAND_HEADING.search(title) or RECTIFICATION_HEADING.search(title))
            and not SHORTCOMING_STRONG.search(title))


def _number(text: str, m: Marker) -> str | None:
    if m.family not in _OWN_NUMBERS:
        return None
    label = text[m.start:m.end]
    core = re.sub(r"[()【】、.,:是第其问题\s]", "", label)
    return core or str(m.value)


def _block_end(text: str, st: LineStructure, i: int, *, stop_on_sub: bool = False, bare: bool = False) -> int:
    """Index of the first line after line ``i`` that starts the next block: a marker of the problems'
    rank or higher, an aspect line, a closing 此外 paragraph, a sub-heading (for sub-heading bodies),
    or a new paragraph after a finished sentence (for numbered items, unless their label stands
    ``bare`` on its own line)."""
    lines = st.lines
    j = i + 1
    while j < len(lines):
        ls, le = lines[j]
        m = st.marker.get(ls)
        if m is not None:
            if st.problem_rank is None or st.ranks[m.family] <= st.problem_rank:
                break
            j += 1
            continue
        body = line_start(text, ls)
        lead_in = aspect_lead(text, body, le)
        if lead_in and not text[lead_in.end():le].strip(" 。:,"):
            break
        if SEPARATOR_LINE.match(text, ls, le):
            break  # ———— 立行立改 ————: a post's next part
        if CLOSING_OPENER.match(text, body, le) or CLOSING_FINDING.match(text, body, le):
            break  # 此外,… / 巡察组还指出,…: a closing finding of its own
        if stop_on_sub:
            if _is_subheading(text, ls, le) or BRACKET_HEADING.match(text, body, le):
                break
        elif not bare and text[lines[j - 1][1] - 1] in "。;!?:" and not CONTINUATION.match(text, body):
            break  # a new paragraph after a finished sentence (but 其中,…): not part of this item
        j += 1
    return j


def _subheading_problem(text: str, s: int, e: int, lines, i: int, body_end: int, label: str | None = None) -> list[Item]:
    s = line_start(text, s)
    item = make_problem(text, s, e, how="heading", confidence=CONFIDENCE["heading"], label=label, examples=False)
    if item is None:
        return []
    if body_end > i + 1:
        bs, be = lines[i + 1][0], lines[body_end - 1][1]
        item.children = example_items(text, bs, be, how="heading", confidence=CONFIDENCE["heading"])
    return [item]


# --------------------------------------------------------------------------- paragraphs
