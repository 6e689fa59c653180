"""Reading the findings part in whatever layout it is written.

Lines first: numbered lines (一、 / (一) / 1. / (1) / ① / 问题一: / 一是 / 第一, / 首先,) nest
by family rank; the top family is the aspect level when its lines are bare headings, and the
next family numbers the problems.  Bare lines are aspect lines (在…方面) or newspaper
sub-headings (a short line naming a problem, its body the manifestations).  Every other
paragraph is read on its own (:func:`read_paragraph`): unit labels (X党委:), aspect lead-ins
(在…方面,), an inline 一是/二是 run, ;-separated problems, the one-sentence central style
(;-groups = aspects, ,-clauses = problems), object lists (存在A、B、C等问题) and running prose
(a headline sentence with its elaboration, 比如/有的 examples).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.issuelist.items import (
    Item, clause_count, example_items, example_marks, make_problem, starts_with_example, strip_frame, top_level_split,
    trim,
)
from pipeline.issuelist.parts import NON_FINDING_ROLES, Sentence
from pipeline.lang.cues import (
    ASPECT_LEAD, CLOSING_OPENER, EXAMPLE_SUBJECT, LEAD_VERB, LIST_CLOSER, PROBLEM_LEAD_META, SHORTCOMING,
    SHORTCOMING_STRONG, SUBJECT_LEAD, DEMAND_HEADING,
)
from pipeline.lang.markers import Marker, line_start, runs, scan

#: How sure each way of finding a problem is (a problem without a shortcoming cue loses 0.2).
CONFIDENCE = {"heading": 0.9, "numbered": 0.95, "shi-enumeration": 0.9, "semicolon": 0.8, "clause": 0.75,
              "prose": 0.65, "fallback": 0.4}
_HOW_OF_FAMILY = {"cn_dun": "numbered", "cn_paren": "numbered", "arabic": "numbered", "arabic_paren": "numbered",
                  "circled": "numbered", "problem": "numbered", "shi": "shi-enumeration",
                  "ordinal": "shi-enumeration", "sequence": "shi-enumeration"}
_ORG = r"(?:党委|党组|党工委|党总支|党支部|支部|委员会|局|镇|乡|街道|社区|公司|集团|学校|医院|中心|学院|大学)"
#: A unit label opening a paragraph (市民政局党组: / 翠苑社区党委存在的主要问题是:).
UNIT_LABEL = re.compile(
    rf"(?:[^,。:;]{{0,6}}(?:发现|指出)[,])?(?:对)?(?P<unit>[^,。:;、]{{2,24}}?{_ORG})"
    r"(?:(?:巡[视察])?(?:中)?(?:发现|反馈|指出)(?:的)?|(?:主要)?存在(?:的)?(?:以下|如下)?|的)?"
    r"(?:主要)?(?:问题|不足)?(?:是|有|如下)?:"
)
_SUBHEADING_MAX = 32
#: A bracketed sub-heading at a line start with its body after it (【…】…).
BRACKET_HEADING = re.compile(r"[【\[]([^】\]\n]{2,40})[】\]]")
#: A heading that names an inspected unit (一、市教育局党组): opens that unit, not an aspect.
UNIT_HEADING = re.compile(rf"[^,。;:、]{{2,24}}?{_ORG}")
#: Families whose numbers are the list's own problem ids (1., (一), 问题三); 一是/①/首先 count 1..n.
_OWN_NUMBERS = frozenset({"cn_dun", "cn_paren", "arabic", "arabic_paren", "problem"})


@dataclass(slots=True)
class Context:
    """What the paragraphs read so far opened: the current aspect and unit."""

    aspect: Item | None = None
    unit: str | None = None
    aspects: list[Item] = field(default_factory=list)
    units: list[str] = field(default_factory=list)


def _lines(text: str, zs: int, ze: int) -> list[tuple[int, int]]:
    out, pos = [], zs
    while pos < ze:
        nl = text.find("\n", pos, ze)
        le = ze if nl < 0 else nl
        if text[pos:le].strip():
            out.append((pos, le))
        pos = le + 1
    return out


def _new_aspect(text: str, s: int, e: int, ctx: Context, *, number: str | None = None, label: str | None = None) -> Item:
    s, e = trim(text, s, e)
    aspect = Item(1, s, e, "heading", 0.9, label=label, number=number)
    ctx.aspect = aspect
    ctx.aspects.append(aspect)
    return aspect


def _attach(items: list[Item], ctx: Context) -> list[Item]:
    for it in items:
        it.aspect = ctx.aspect
        it.unit = ctx.unit
    return items


def _is_subheading(text: str, s: int, e: int) -> bool:
    body = text[line_start(text, s):e].strip()
    if not body or len(body) > _SUBHEADING_MAX or body[-1] in "。;:,":
        return False
    return not re.search(r"[,;。:]", body)


def _heading_like(text: str, m: Marker, le: int) -> bool:
    """A bare heading (一、党的领导弱化), or a field lead-in with its list after it ((一)政治建设方面。一是…)."""
    title = text[m.end:le].strip()
    if _aspect_lead(text, trim(text, m.end, le)[0], le):
        return True
    return 0 < len(title) <= 40 and not re.search(r"[,;。]", title.rstrip("。"))


def read_zone(text: str, zs: int, ze: int, sents: list[Sentence]) -> tuple[list[Item], list[Item], list[str]]:
    """(aspects, problems, unit labels) of the findings part ``[zs, ze)``."""
    ctx = Context()
    line_s = text.rfind("\n", 0, zs) + 1
    label = UNIT_LABEL.match(text, line_start(text, line_s), zs)
    if label and label.end() == zs:  # 巡察发现,东湖街道党工委主要存在以下问题:一是…
        ctx.unit = label.group("unit")
        ctx.units.append(ctx.unit)
    problems: list[Item] = []
    lines = _lines(text, zs, ze)
    markers = [m for m in scan(text, zs, ze) if not m.demand]
    line_runs = [r for r in runs([m for m in markers if m.line_initial])
                 if len(r) >= 2 or r[0].family in ("problem", "cn_dun", "arabic", "cn_paren") and r[0].value == 1]
    marked = {m.start: m for r in line_runs for m in r}
    line_marker: dict[int, Marker] = {}
    for ls, le in lines:
        m = marked.get(line_start(text, ls))
        if m is not None:
            line_marker[ls] = m
    families = sorted({m.family for m in line_marker.values()}, key=lambda f: min(
        m.rank for m in line_marker.values() if m.family == f))
    aspect_family = problem_family = None
    if families:
        top = families[0]
        top_lines = [(ls, le) for ls, le in lines if ls in line_marker and line_marker[ls].family == top]
        lead_ins = all(_aspect_lead(text, trim(text, line_marker[ls].end, le)[0], le) for ls, le in top_lines)
        if all(_heading_like(text, line_marker[ls], le) for ls, le in top_lines) and (
                len(lines) > len(top_lines) or lead_ins):
            aspect_family = top
            problem_family = families[1] if len(families) > 1 else None
        else:
            problem_family = top
    problem_rank = None
    if problem_family:
        problem_rank = min(m.rank for m in line_marker.values() if m.family == problem_family)
    i = 0
    first_colon = zs > 0 and text[zs - 1] == ":"
    while i < len(lines):
        ls, le = lines[i]
        m = line_marker.get(ls)
        if _demand_heading(text, m.end if m is not None else line_start(text, ls), le) and (
                m is None or m.family in (aspect_family, problem_family)):
            break  # 三、整改意见: the demands part
        if m is not None and m.family == aspect_family:
            # a marked heading: an aspect, unless a bare prose body follows a shortcoming heading
            body_end = _block_end(text, lines, i, line_marker, problem_rank, stop_on_sub=True)
            has_structure = any(line_marker.get(l2) is not None for l2, _ in lines[i + 1:body_end]) or any(
                len([x for x in scan(text, lines[j][0], lines[j][1]) if not x.demand]) >= 2 for j in range(i + 1, body_end))
            title_s = m.end
            if not has_structure and problem_family is None and SHORTCOMING_STRONG.search(text, title_s, le) \
                    and not _aspect_lead(text, trim(text, title_s, le)[0], le):
                problems.extend(_attach(_subheading_problem(text, title_s, le, lines, i, body_end, label=text[m.start:m.end]), ctx))
                i = body_end
                continue
            if _open_unit(text, title_s, le, ctx):
                i += 1
                continue
            lead_in = _aspect_lead(text, trim(text, title_s, le)[0], le)
            title_e = lead_in.end(1) if lead_in else le
            _new_aspect(text, title_s, title_e, ctx, number=text[m.start:m.end].strip("()、.,: "), label=text[m.start:m.end])
            if lead_in and text[lead_in.end():le].strip(" 。,:"):  # (一)政治建设方面。一是…;二是…
                problems.extend(read_paragraph(text, lead_in.end(), le, ctx, sents))
            i += 1
            continue
        if m is not None and m.family == problem_family:
            end_idx = _block_end(text, lines, i, line_marker, problem_rank)
            e = lines[end_idx - 1][1]
            item = make_problem(text, m.end, e, how=_HOW_OF_FAMILY.get(m.family, "numbered"),
                                confidence=CONFIDENCE[_HOW_OF_FAMILY.get(m.family, "numbered")],
                                label=text[m.start:m.end].strip(), number=_number(text, m))
            if item is not None:
                problems.extend(_attach([item], ctx))
            i = end_idx
            continue
        body = line_start(text, ls)
        bracket = BRACKET_HEADING.match(text, body, le)
        if bracket and SHORTCOMING.search(bracket.group(1)):  # 【审评审批廉洁风险突出】个别审评人员…
            body_end = _block_end(text, lines, i, line_marker, problem_rank, stop_on_sub=True)
            item = make_problem(text, bracket.start(1), bracket.end(1), how="heading", confidence=CONFIDENCE["heading"],
                                examples=False)
            if item is not None:
                item.children = example_items(text, bracket.end(), lines[body_end - 1][1], how="heading",
                                              confidence=CONFIDENCE["heading"])
                problems.extend(_attach([item], ctx))
            i = body_end
            continue
        aspect_line = _aspect_lead(text, body, le)
        if aspect_line and not text[aspect_line.end():le].strip(" 。:,"):
            _new_aspect(text, body, aspect_line.end(1), ctx)
            i += 1
            continue
        if _is_subheading(text, ls, le) and _open_unit(text, body, le, ctx):
            i += 1
            continue
        if _is_subheading(text, ls, le) and i + 1 < len(lines) and line_marker.get(lines[i + 1][0]) is None:
            body_end = _block_end(text, lines, i, line_marker, problem_rank, stop_on_sub=True)
            if SHORTCOMING.search(text, body, le):
                problems.extend(_attach(_subheading_problem(text, body, le, lines, i, body_end), ctx))
            i = body_end
            continue
        problems.extend(read_paragraph(text, ls, le, ctx, sents, after_colon=first_colon and ls <= zs))
        i += 1
    return ctx.aspects, problems, ctx.units


def _aspect_lead(text: str, s: int, e: int):
    """An aspect lead-in (在…方面 / 党的建设方面) at ``s`` that names a field, not a shortcoming."""
    m = ASPECT_LEAD.match(text, s, e)
    return m if m and not SHORTCOMING_STRONG.search(m.group(1)) else None


def _demand_heading(text: str, s: int, e: int) -> bool:
    title = text[s:e].strip(" 。:")
    return 0 < len(title) <= 16 and bool(DEMAND_HEADING.search(title)) and not SHORTCOMING_STRONG.search(title)


def _open_unit(text: str, s: int, e: int, ctx: Context) -> bool:
    """A heading line that is a unit's name opens that unit (multi-unit notices)."""
    s, e = trim(text, s, e)
    if not UNIT_HEADING.fullmatch(text, s, e) or SHORTCOMING_STRONG.search(text, s, e) or "方面" in text[s:e]:
        return False
    ctx.unit = text[s:e]
    if ctx.unit not in ctx.units:
        ctx.units.append(ctx.unit)
    ctx.aspect = None
    return True


def _number(text: str, m: Marker) -> str | None:
    if m.family not in _OWN_NUMBERS:
        return None
    label = text[m.start:m.end]
    core = re.sub(r"[()、.,:是第其问题\s]", "", label)
    return core or str(m.value)


def _block_end(text: str, lines: list[tuple[int, int]], i: int, line_marker: dict[int, Marker],
               rank: float | None, *, stop_on_sub: bool = False) -> int:
    """Index of the first line after line ``i`` that starts the next block."""
    j = i + 1
    while j < len(lines):
        ls, le = lines[j]
        m = line_marker.get(ls)
        prev_end = text[lines[j - 1][1] - 1] if lines[j - 1][1] > lines[j - 1][0] else "。"
        if m is not None:
            if rank is None or m.rank <= rank:
                break
            j += 1
            continue
        body = line_start(text, ls)
        lead_in = _aspect_lead(text, body, le)
        if lead_in and not text[lead_in.end():le].strip(" 。:,"):
            break
        if CLOSING_OPENER.match(text, body, le):
            break  # 此外,…: a closing finding of its own
        if stop_on_sub:
            if _is_subheading(text, ls, le) or BRACKET_HEADING.match(text, body, le):
                break
            j += 1
            continue
        if prev_end in "。;!?:" :
            break  # a new paragraph after a finished sentence: not part of this item
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

def _sentence_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    return top_level_split(text, s, e, "。!?")


def _is_lead_sentence(text: str, s: int, e: int) -> bool:
    return bool(PROBLEM_LEAD_META.search(text[s:e].split(",")[-1].strip(" ,:")))


def _prefix(text: str, s: int, e: int, ctx: Context) -> tuple[int, bool, bool]:
    """Past unit labels, aspect lead-ins and frames at a paragraph's start.

    Returns (new start, unit label seen, aspect lead-in seen).
    """
    unit_seen = aspect_seen = False
    for _ in range(4):
        s = trim(text, s, e)[0]
        u = UNIT_LABEL.match(text, s, e)
        if u:
            ctx.unit = u.group("unit")
            if ctx.unit not in ctx.units:
                ctx.units.append(ctx.unit)
            ctx.aspect = None
            unit_seen = True
            s = u.end()
            continue
        a = _aspect_lead(text, s, e)
        if a:
            _new_aspect(text, s, a.end(1), ctx)
            aspect_seen = True
            s = a.end()
            continue
        if CLOSING_OPENER.match(text, s, e):
            ctx.aspect = None
        s2 = strip_frame(text, s, e)
        if s2 != s:
            s = s2
            continue
        break
    return s, unit_seen, aspect_seen


def read_paragraph(text: str, s: int, e: int, ctx: Context, sents: list[Sentence], *, after_colon: bool = False) -> list[Item]:
    """Problems of one unmarked paragraph ``[s, e)`` (which may open an aspect or a unit)."""
    # 主要是: — the central inspection's formula: its ;-groups are aspects whatever their length
    central = after_colon and text.endswith(("主要是:", "主要有:"), 0, trim(text, s, e)[0])
    s, unit_seen, aspect_seen = _prefix(text, s, e, ctx)
    if e - s < 4:
        return []
    # a meta sentence (在…方面,巡视组指出的问题主要有以下几点。) announces, it states nothing
    sentences = [(a, b) for a, b in _sentence_spans(text, s, e)]
    while sentences and _is_lead_sentence(text, *sentences[0]) and not SHORTCOMING_STRONG.search(
            text, sentences[0][0], sentences[0][1] - 6):
        lead_s, lead_e = sentences.pop(0)
        colon = text.find(":", lead_s, lead_e)
        if colon > 0:
            sentences.insert(0, (colon + 1, lead_e))
            break
    if not sentences:
        return []
    s = sentences[0][0]
    run = _inline_run(text, s, e)
    if run:
        items, stop = _run_items(text, run, e)
        rest = [(a, b) for a, b in _sentence_spans(text, stop, e)] if stop < e else []
        return _attach(items, ctx) + _rest(text, rest, [top_level_split(text, a, b, ";") for a, b in rest], ctx, sents)
    groups_per_sentence = [top_level_split(text, a, b, ";") for a, b in sentences]
    stating = [len(g) for (a, b), g in zip(sentences, groups_per_sentence)
               if not starts_with_example(text, strip_frame(text, a, b), b)]  # examples are no list
    n_groups = sum(stating)
    # the one-sentence central style: ;-groups are aspects, ,-clauses its problems
    if after_colon and not unit_seen and ctx.unit is None and not aspect_seen and len(groups_per_sentence[0]) >= 2:
        g = groups_per_sentence[0]
        mean = sum(clause_count(text, a, b) for a, b in g) / len(g)
        if len(g) <= 5 and (mean >= 2 or central and max(clause_count(text, a, b) for a, b in g) >= 2):
            return _oneliner(text, g, ctx) + _rest(text, sentences[1:], groups_per_sentence[1:], ctx, sents)
    # a stand-alone evaluative first sentence over a ;-list: the aspect
    local_aspect = False
    if len(sentences) >= 2 and len(groups_per_sentence[0]) == 1 and clause_count(text, *sentences[0]) == 1 \
            and max(stating[1:] or [0]) >= 2 and not aspect_seen:
        _new_aspect(text, *sentences[0], ctx)
        local_aspect = True
        sentences, groups_per_sentence = sentences[1:], groups_per_sentence[1:]
        first = strip_frame(text, sentences[0][0], sentences[0][1])
        sentences[0] = (first, sentences[0][1])
        groups_per_sentence[0] = top_level_split(text, first, sentences[0][1], ";")
    how = "semicolon" if n_groups > len(stating) else "prose"
    out = _rest(text, sentences, groups_per_sentence, ctx, sents, how=how, after_colon=after_colon)
    if local_aspect:  # a stand-alone evaluative sentence heads its own paragraph only
        ctx.aspect = None
    return out


def _rest(text: str, sentences: list[tuple[int, int]], groups_per_sentence: list[list[tuple[int, int]]], ctx: Context,
          sents: list[Sentence], *, how: str = "semicolon", after_colon: bool = False) -> list[Item]:
    """Problems of sentences read one by one: examples join the problem before them, a headline
    sentence takes its elaboration, every other sentence or ;-group is a problem."""
    out: list[Item] = []
    absorbed = False
    for k, ((a, b), groups) in enumerate(zip(sentences, groups_per_sentence)):
        a = strip_frame(text, a, b)
        lead_in = _aspect_lead(text, a, b)
        if lead_in and k > 0:
            _new_aspect(text, a, lead_in.end(1), ctx)
            a = strip_frame(text, lead_in.end(), b)
            groups = top_level_split(text, a, b, ";")
            absorbed = True
        if starts_with_example(text, a, b) and out:
            out[-1].children.extend(example_items(text, a, b, how=out[-1].how, confidence=out[-1].confidence))
            continue
        if _non_finding(text, a, b, sents):
            continue
        if CLOSING_OPENER.match(text, trim(text, sentences[k][0], b)[0]):
            ctx.aspect = None
        single = len(groups) == 1
        if single and out and not absorbed and k >= 1 and _absorbs(text, out[-1], sentences[k - 1], (a, b), groups_per_sentence[k - 1]):
            merged = make_problem(text, out[-1].start, b, how="prose", confidence=CONFIDENCE["prose"],
                                  label=out[-1].label, number=out[-1].number)
            if merged is not None:
                merged.children = out[-1].children + merged.children
                merged.aspect, merged.unit = out[-1].aspect, out[-1].unit
                out[-1] = merged
                absorbed = True
                continue
        for gs, ge in groups:
            gs = strip_frame(text, gs, ge)
            if starts_with_example(text, gs, ge) and out:  # 比如A;再如B
                out[-1].children.extend(example_items(text, gs, ge, how=out[-1].how, confidence=out[-1].confidence))
                continue
            listed = after_colon and k == 0 and len(groups) == 1
            out.extend(_attach(_group_items(text, gs, ge, how, listed=listed), ctx))
        absorbed = k > 0
    return out


def _non_finding(text: str, a: int, b: int, sents: list[Sentence]) -> bool:
    for x in sents:
        if x.start <= a < x.end or a <= x.start < b:
            return x.role in NON_FINDING_ROLES and x.role != "lead" or (
                x.role == "lead" and not SHORTCOMING_STRONG.search(text, a, b))
    return False


def _absorbs(text: str, prev: Item, prev_span, span, prev_groups) -> bool:
    """A one-clause headline sentence takes the next sentence as its elaboration (or any first
    sentence takes one whose subject is an example subject: 一些子企业…)."""
    if len(prev_groups) != 1 or prev.children:
        return False
    if not SHORTCOMING.search(text, *span) and not EXAMPLE_SUBJECT.match(text, span[0]):
        return False
    headline = clause_count(text, strip_frame(text, *prev_span), prev_span[1]) == 1
    return headline or bool(EXAMPLE_SUBJECT.match(text, trim(text, *span)[0]))


def _group_items(text: str, s: int, e: int, how: str, *, listed: bool = False) -> list[Item]:
    """One ;-group: an object list (存在A、B、C等问题) gives one problem per element, else one problem."""
    s, e = trim(text, s, e)
    lead = LEAD_VERB.match(text, s, e) or _subject_lead(text, s, e)
    body_s = lead.end() if lead else s
    marks_end = e
    marks = [x for x, _ in example_marks(text, body_s, e) if x > body_s]  # examples stay with the last element
    if marks:
        marks_end = trim(text, body_s, marks[0])[1]
    closer = LIST_CLOSER.search(text, body_s, marks_end)
    one_clause = len(top_level_split(text, body_s, marks_end, ",")) == 1
    if (lead or listed or one_clause) and closer and closer.end() == marks_end:
        # after a lead (存在/主要表现在:) every ,-clause is an element; a bare A、B等问题 only
        # splits when each part states its own shortcoming
        elements = _elements(text, body_s, closer.start())
        if len(elements) >= 2:
            items = [make_problem(text, a, b, how="clause", confidence=CONFIDENCE["clause"]) for a, b in elements]
            items = [x for x in items if x is not None]
            if items and marks:
                tail = make_problem(text, items[-1].start, e, how="clause", confidence=CONFIDENCE["clause"])
                if tail is not None:
                    items[-1].children = tail.children
            return items
    framed = lead is not None and closer is not None and closer.end() == marks_end  # X存在A等问题: A
    item = make_problem(text, body_s if framed else s, e, how=how, confidence=CONFIDENCE[how])
    if item is not None and how == "prose" and not SHORTCOMING.search(text, item.start, item.end):
        return []  # background in running prose (全院现有17个研究所…), not a finding
    return [item] if item is not None else []


def _subject_lead(text: str, s: int, e: int):
    """局党组存在… when the group is a 存在…等问题 frame (a finding would keep its subject)."""
    m = SUBJECT_LEAD.match(text, s, e)
    if m and LIST_CLOSER.search(text, m.end(), e) and not SHORTCOMING_STRONG.search(text, s, m.end()):
        return m
    return None


def _elements(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Elements of an object list: ,-clauses, each cut at 、 (and a last 和/及) when every part states
    its own shortcoming (A不到位、B松散和C不规范); a shared predicate (A、B等制度落实不到位) stays whole."""
    out = []
    for a, b in top_level_split(text, s, e, ","):
        parts = top_level_split(text, a, b, "、")
        last_a, last_b = parts[-1]
        joined = re.search(r"[和及与]", text[last_a:last_b])
        if len(parts) >= 2 and joined:
            j = last_a + joined.start()
            if SHORTCOMING_STRONG.search(text, last_a, j) and SHORTCOMING_STRONG.search(text, j + 1, last_b):
                parts = parts[:-1] + [(last_a, j), (j + 1, last_b)]
        if len(parts) >= 2 and all(SHORTCOMING.search(text, x, y) and y - x >= 4 for x, y in parts):
            out.extend(parts)
        else:
            out.append((a, b))
    return out


def _oneliner(text: str, groups: list[tuple[int, int]], ctx: Context) -> list[Item]:
    out = []
    for gs, ge in groups:
        gs, ge = trim(text, gs, ge)
        _new_aspect(text, gs, ge, ctx)
        ctx.aspect.how = "semicolon"
        for a, b in top_level_split(text, gs, ge, ","):
            item = make_problem(text, a, b, how="clause", confidence=CONFIDENCE["clause"])
            if item is not None:
                out.extend(_attach([item], ctx))
    return out


def _inline_run(text: str, s: int, e: int) -> list[Marker]:
    """The longest run of finding markers (一是…二是…) inside ``[s, e)``, if any."""
    found = [m for m in scan(text, s, e) if not m.demand and m.family in ("shi", "ordinal", "sequence", "circled", "arabic_paren")]
    best: list[Marker] = []
    for run in runs(found):
        if len(run) >= 2 and len(run) > len(best):
            best = run
    if best and text[s:best[0].start].count("。") > 1:
        return []  # the run sits deep inside prose: examples, not the paragraph's list
    return best


def _run_items(text: str, run: list[Marker], e: int) -> tuple[list[Item], int]:
    """Items of an inline run, and where the last one stops (a closing 此外… sentence after the
    list is read on its own)."""
    how = _HOW_OF_FAMILY.get(run[0].family, "shi-enumeration")
    bounds = [m.start for m in run] + [e]
    out = []
    stop = e
    for k, m in enumerate(run):
        stop = bounds[k + 1]
        if k + 1 == len(run):
            dot = text.find("。", m.end, e)
            if dot > 0 and CLOSING_OPENER.match(text, trim(text, dot + 1, e)[0]):
                stop = dot
        item = make_problem(text, m.end, stop, how=how, confidence=CONFIDENCE[how],
                            label=text[m.start:m.end].strip(",:"), number=None)
        if item is not None:
            out.append(item)
    return out, stop
