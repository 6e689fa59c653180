"""Reading one unmarked paragraph of the findings part.

A paragraph may open a unit (X党委:) or an aspect (在…方面,), then hold an inline 一是/二是 run,
;-separated problems, the one-sentence central style (;-groups = aspects, ,-clauses =
problems), object lists (存在A、B、C等问题: one problem per element that states its own
shortcoming) or running prose (a one-clause headline sentence takes its elaboration; 比如/
有的 sentences are the examples of the finding before them).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pipeline.issuelist.context import CONFIDENCE, HOW_OF_FAMILY, UNIT_LABEL, Context, aspect_lead, attach, new_aspect
from pipeline.issuelist.items import (
    Item, clause_count, example_items, example_marks, make_problem, starts_with_example, strip_frame, top_level_split,
    trim,
)
from pipeline.issuelist.parts import NON_FINDING_ROLES, Sentence
from pipeline.lang.cues import (
    ASPECT_LIST_CUE, ASPECT_VERDICT, EVIDENCE_FRAME, CATEGORY_HEAD, CENTRAL_TEAM, CLOSING_OPENER, ELEMENTS_CLOSER, EVIDENCE_OPENER, FINDINGS_SUMMARY, EXAMPLE_SUBJECT, EXAMPLES_OPEN, GROUP_FIELD,
    INSTANCE_START, LEAD_VERB, LIST_CLOSER, LIST_OF_FINDINGS, PLAN_FIELD,
    CONSEQUENCE, PROBLEM_LEAD_META, RESOLVED, SHORTCOMING, SHORTCOMING_STRONG, STILL_WRONG, SUBJECT_LEAD, UNIT_SUBJECT, counts_findings,
)
from pipeline.lang.markers import ITEM_START, Marker, runs, scan
from pipeline.lang.text import mask_quoted, quotes


def _sentence_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    return top_level_split(text, s, e, "。!?")


def _is_lead_sentence(text: str, s: int, e: int) -> bool:
    return bool(PROBLEM_LEAD_META.search(text[s:e].split(",")[-1].strip(" ,:")))


def list_after_lead(text: str, s: int, e: int) -> int | None:
    """Where the list starts when ``[s, e)`` opens on a lead (公司党委在…方面存在不足,主要是:) over a ;-list of two
    items or more, after its colon; None otherwise."""
    colon = text.find(":", s, e)
    if colon <= s or text.find("。", s, colon) >= 0 or not _is_lead_sentence(text, s, colon):
        return None
    return colon + 1 if len(top_level_split(text, colon + 1, e, ";")) >= 2 else None


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
        a = aspect_lead(text, s, e)
        if a:
            new_aspect(text, s, a.end(1), ctx)
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
    """Problems of one unmarked paragraph ``[s, e)`` (which may open an aspect or a unit); a paragraph
    that holds several fields, each an 在…方面: lead-in over its own 一是 run, is read a field at a time.
    A plan's field line under its problem (问题1:X。\n整改措施:A;B。\n责任单位:…) states none: its ; are no list."""
    if PLAN_FIELD.match(text, s, e):
        return []
    fields = _field_starts(text, s, e)
    if fields:
        bounds = [s, *fields, e]
        return [item for k, (a, b) in enumerate(zip(bounds, bounds[1:]))
                for item in _read_paragraph(text, a, b, ctx, sents, after_colon=after_colon and k == 0)]
    return _read_paragraph(text, s, e, ctx, sents, after_colon=after_colon)


def _field_starts(text: str, s: int, e: int) -> list[int]:
    """Starts of the sentences after the first that open a field (在…方面:) over an inline run or a ;-list of their own."""
    starts = []
    for a, b in _sentence_spans(text, s, e)[1:]:
        lead = aspect_lead(text, a, e)
        if lead is not None and (len(_inline_run(text, lead.end(), b)) >= 2
                                 or len(top_level_split(text, lead.end(), b, ";")) >= 2) \
                or _verdict_clause_over_run(text, a, b) is not None:
            starts.append(a)
    return starts


def _verdict_clause(text: str, s: int, e: int) -> int | None:
    """The end of the first clause of the sentence at ``s`` when it is one short verdict (落实全面从严治党责任不到位,…),
    else None."""
    s = trim(text, s, e)[0]
    comma, stop = text.find(",", s, e), text.find("。", s, e)
    if comma < 0 or 0 <= stop < comma:
        return None
    return comma if _verdict_over_run(text, (s, comma), comma) else None


def _verdict_clause_over_run(text: str, a: int, b: int) -> int | None:
    """The end of the sentence's verdict clause (:func:`_verdict_clause`) when an inline run of its own follows it
    (落实全面从严治党责任不到位,一是…;二是…), else None."""
    comma = _verdict_clause(text, a, b)
    if comma is None:
        return None
    run = _inline_run(text, comma + 1, b)
    return comma if len(run) >= 2 and not text[comma + 1:run[0].start].strip() else None


def _read_paragraph(text: str, s: int, e: int, ctx: Context, sents: list[Sentence], *, after_colon: bool) -> list[Item]:
    # 主要是: — the central inspection's formula: its ;-groups are aspects whatever their length
    central = after_colon and (text.endswith(("主要是:", "主要有:", "反馈指出:"), 0, trim(text, s, e)[0])
                               or bool(CENTRAL_TEAM.search(text, 0, _NOTICE_HEAD)))
    if after_colon and (fields := _named_fields(text, s, e)):
        # 主要是:党风廉政建设方面,A,B;作风建设方面,C,D。: every ;-group names its field first, its clauses the findings
        first_end = fields[-1][1]  # the first sentence's end: its last group's
        rest = _sentence_spans(text, first_end, e) if first_end < e else []
        return _oneliner(text, fields, ctx) + _rest(
            text, rest, [top_level_split(text, a, b, ";") for a, b in rest], ctx, sents)
    s, unit_seen, aspect_seen = _prefix(text, s, e, ctx)
    sentences = _stating_sentences(text, s, e) if e - s >= 4 else []
    if not sentences:
        return []
    run = _inline_run(text, sentences[0][0], e)
    if run:
        # 贯彻落实…有差距。一方面,A;另一方面,B: a verdict sentence of its own over the run is the run's field, where no
        # heading has set one
        verdict = not aspect_seen and ctx.aspect is None and _verdict_over_run(text, sentences[0], run[0].start)
        if verdict:
            new_aspect(text, *sentences[0], ctx)
        elif not aspect_seen and (clause := _verdict_clause_over_run(text, *sentences[0])) is not None:
            verdict = True  # 贯彻落实…有差距,一是A;二是B: the verdict clause before the run is its field
            new_aspect(text, sentences[0][0], clause, ctx)
        items, stop = _run_items(text, run, e, under_verdict=verdict)
        if stop < e and len(_inline_run(text, stop, e)) >= 2:  # 同时,巡察组还发现一些新的问题:一是…: a run of its own
            out = _fields_of_run(text, items, ctx, sents) + _read_paragraph(
                text, trim(text, stop, e)[0], e, ctx, sents, after_colon=False)
        else:
            rest = _sentence_spans(text, stop, e) if stop < e else []
            out = _fields_of_run(text, items, ctx, sents) + _rest(
                text, rest, [top_level_split(text, a, b, ";") for a, b in rest], ctx, sents)
        if verdict:
            ctx.aspect = None  # the paragraph's own field: the next paragraph's verdict heads its own
        return out
    groups = [top_level_split(text, a, b, ";") for a, b in sentences]
    stating = [len(g) for (a, b), g in zip(sentences, groups)
               if not starts_with_example(text, strip_frame(text, a, b), b)]  # examples are no list
    if (after_colon and not (unit_seen or aspect_seen) and (central or not ctx.unit)
            and _one_sentence_style(text, groups[0], central)):
        out = _oneliner(text, groups[0], ctx)
        k = 1  # 同时,上一轮巡视反馈问题整改不到位,A,B,C。: one more group of the formula, in a sentence of its own
        while k < len(sentences) and len(groups[k]) == 1 and (opener := CLOSING_OPENER.match(text, sentences[k][0])) \
                and clause_count(text, opener.end(), sentences[k][1]) >= 3:
            out += _oneliner(text, [(opener.end(), sentences[k][1])], ctx)
            k += 1
        return out + _rest(text, sentences[k:], groups[k:], ctx, sents)
    if not aspect_seen and not ctx.aspects and _headline_over_list(text, sentences, groups, stating):
        # 监管执法存在薄弱环节。A;B in a notice of such paragraphs (no field read before it): one problem, its verdict
        # and what bears it out; where fields were read (在…方面,一是…), the same shape is a field of its own
        item = make_problem(text, sentences[0][0], sentences[-1][1], how="prose", confidence=CONFIDENCE["prose"])
        return attach([item], ctx) if item is not None else []
    local_aspect = not aspect_seen and _standalone_aspect(text, sentences, groups, stating, ctx)
    how = "semicolon" if sum(stating) > len(stating) else "prose"
    out = _rest(text, sentences, groups, ctx, sents, how=how, after_colon=after_colon, after_lead=aspect_seen)
    if local_aspect:  # a stand-alone evaluative sentence heads its own paragraph only
        ctx.aspect = None
    return out


#: The longest verdict sentence over a run that can be its field (贯彻落实党中央决策部署和市委工作要求有差距).
VERDICT_CHARS = 30


def _verdict_over_run(text: str, first: tuple[int, int], run_start: int) -> bool:
    """Whether the paragraph's first sentence, ending right before its run, is one short verdict clause."""
    a, b = first
    return (b <= run_start and not text[b:run_start].strip(" 。") and b - a <= VERDICT_CHARS
            and clause_count(text, a, b) == 1 and bool(SHORTCOMING_STRONG.search(text, a, b)))


def _fields_of_run(text: str, items: list[Item], ctx: Context, sents: list[Sentence]) -> list[Item]:
    """The items of an inline run, attached; an item that names a field and lists its findings (一是在党的领导方面,
    存在A、B、C等问题) is that field (an aspect) over those findings, when they are two or more."""
    out: list[Item] = []
    fields = _verdict_items(text, items, ctx, sents) if ctx.aspect is None else {}
    for k, item in enumerate(items):
        if k in fields:
            new_aspect(text, item.start, fields[k][0], ctx)
            out += attach(fields[k][1], ctx)
            continue
        lead = aspect_lead(text, item.start, item.end)
        if lead is not None:
            scratch = Context(unit=ctx.unit, units=list(ctx.units))
            bound = items[k + 1].start if k + 1 < len(items) else len(text)
            stops = [i for i in (text.find(";", item.end, bound), text.find("。", item.end, bound)) if i >= 0]
            end = min(stops) if stops else item.end  # with its list's closer (等问题), which the item leaves out
            found = _read_paragraph(text, lead.end(), end, scratch, sents, after_colon=False)
            if len(found) >= 2:
                new_aspect(text, item.start, lead.end(1), ctx)
                out += attach(found, ctx)
                continue
            if _names_field_only(text, item, lead):  # 一是在X方面,有的A,有的B: the field, over A and B
                new_aspect(text, item.start, lead.end(1), ctx)
                out += attach([Item(2, c.start, c.end, item.how, item.confidence) for c in item.children], ctx)
                continue
        out += attach([item], ctx)
    return out


def _names_field_only(text: str, item: Item, lead) -> bool:
    """Whether an item states nothing before its examples but the field it is in (在…方面,有的A,有的B): the
    examples are then the field's problems, as under a heading, not the examples of a finding."""
    return len(item.children) >= 2 and item.end <= lead.end() and not SHORTCOMING_STRONG.search(text, item.start, item.end)


#: Items of a run whose findings are ;-lists after a verdict sentence that make the run's items fields (at least).
_VERDICT_LISTS = 2


def _verdict_items(text: str, items: list[Item], ctx: Context, sents: list[Sentence]) -> dict[int, tuple[int, list[Item]]]:
    """The items of an inline run that are fields, by index: (end of the verdict, its findings).  一是X有差距。A;B;C。
    二是Y落实不力。D;E。: where two items at least open with a one-clause verdict sentence over a ;-list, each such item
    is its verdict's field over the findings after it, one a ;-group (a single finding too, as the run's others are
    fields); else none is (一是X不到位。A,B。 alone: the verdict and its elaboration, one finding)."""
    heads: dict[int, tuple[int, list[Item]]] = {}
    lists = 0
    for k, item in enumerate(items):
        dot = text.find("。", item.start, item.end)
        if dot < 0 or not _verdict_over_run(text, (item.start, dot + 1), dot + 1):
            continue
        rest = trim(text, dot + 1, item.end)
        if rest[1] - rest[0] < 4:
            continue
        scratch = Context(unit=ctx.unit, units=list(ctx.units))
        found = _read_paragraph(text, rest[0], rest[1], scratch, sents, after_colon=False)
        if found and not scratch.aspects:
            heads[k] = (dot, found)
            lists += len(top_level_split(text, *rest, ";")) >= 2
    return heads if lists >= _VERDICT_LISTS else {}


def _stating_sentences(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The paragraph's sentences without the meta ones at its start (在…方面,巡视组指出的问题主要有以下
    几点。 announces, it states nothing); a lead's own list after its colon is kept."""
    sentences = _sentence_spans(text, s, e)
    if sentences and (listed := list_after_lead(text, *sentences[0])) is not None:
        # 公司党委在…方面存在不足,主要是:A;B;C: the verdict and its lead announce the list after the colon
        sentences[0] = (listed, sentences[0][1])
        return sentences
    if len(sentences) >= 2 and (colon := text.find(":", *sentences[0])) > sentences[0][0] \
            and _is_lead_sentence(text, sentences[0][0], colon):
        # 巡察发现的主要问题:A。B。C。: the lead and the first finding share the first sentence
        sentences[0] = (colon + 1, sentences[0][1])
        return sentences
    # (a count's name may hold a shortcoming's words: 共发现问题12个,其中…整改不到位的5个,新发现问题7个 states none)
    while sentences and _is_lead_sentence(text, *sentences[0]) and (not SHORTCOMING_STRONG.search(
            text, sentences[0][0], sentences[0][1] - 6) or counts_findings(text[sentences[0][0]:sentences[0][1]])):
        lead_s, lead_e = sentences.pop(0)
        colon = text.find(":", lead_s, lead_e)
        if colon > 0:
            sentences.insert(0, (colon + 1, lead_e))
            break
    return sentences


#: Characters at a notice's start that name its issuer (title, first paragraph).
_NOTICE_HEAD = 300

#: Clauses a ;-group holds on average in the one-sentence style after another lead than 主要是: (an aspect
#: and its problems: 党的领导弱化,A,B;); two a group are a finding and its elaboration (食堂管理混乱,账目混同;).
_ONELINER_CLAUSES = 2.5
#: Most ;-groups of a one-sentence list after the central formula's 主要是: (2015: six fields).
_CENTRAL_GROUPS = 8


def _named_fields(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The ;-groups of the first sentence of ``[s, e)`` when there are two or more and each opens with a field's
    lead-in and goes on with findings (作风建设方面,A,B), else []: the one-sentence style with its fields named."""
    sentences = _sentence_spans(text, s, e)
    groups = top_level_split(text, *sentences[0], ";") if sentences else []
    if len(groups) < 2:
        return []
    for a, b in groups:
        a, b = trim(text, a, b)
        lead = aspect_lead(text, a, b)
        if (lead is None or text[lead.end(1):lead.end()] != "," or clause_count(text, lead.end(), b) < 1
                or _inline_run(text, lead.end(), b)):  # 在…方面,一是A,二是B: the field's own run, read as such
            return []
    return groups


def _one_sentence_style(text: str, groups: list[tuple[int, int]], central: bool) -> bool:
    """2–5 ;-groups of ,-clauses right after the lead (up to :data:`_CENTRAL_GROUPS` after 主要是:): the groups are
    aspects, the clauses problems (two clauses a group on average; after 主要是: any group with two)."""
    if not 2 <= len(groups) <= (_CENTRAL_GROUPS if central else 5):  # the central formula ran to six groups and more
        return False
    counts = [clause_count(text, a, b) for a, b in groups]
    # after 主要是: any group of two will do, up to five groups; more are fields only when they hold findings each
    return sum(counts) / len(counts) >= _ONELINER_CLAUSES or central and len(groups) <= 5 and max(counts) >= 2


def _headline_over_list(text: str, sentences, groups, stating) -> bool:
    """A paragraph of two sentences: a one-clause verdict (落实全面从严治党责任有差距。) and a ;-list that bears it out
    (局党组研究…不经常,…;对所属单位监督管理不严,…), not one listing objects (存在A、B、C等问题。)."""
    if not (len(sentences) == 2 and len(groups[0]) == 1 and clause_count(text, *sentences[0]) == 1
            and max(stating[1:] or [0]) >= 2):
        return False
    a, b = sentences[0]
    return not (text.count("、", a, b) >= 1 and LIST_CLOSER.search(text[a:b].rstrip("。")))


def _standalone_aspect(text: str, sentences, groups, stating, ctx: Context) -> bool:
    """A one-clause evaluative first sentence over a ;-list (防范化解重大风险不够有力。巡视指出,A;B;C)
    is the aspect of that list; the sentences are shifted past it in place."""
    if not (len(sentences) >= 2 and len(groups[0]) == 1 and clause_count(text, *sentences[0]) == 1
            and max(stating[1:] or [0]) >= 2):
        return False
    a, b = sentences[0]
    if text.count("、", a, b) >= 1 and LIST_CLOSER.search(text[a:b].rstrip("。")):
        return False  # 该行党委存在A、B、C等问题。其中,C问题突出表现在:…: a list of its own, not a verdict
    new_aspect(text, *sentences[0], ctx)
    del sentences[0], groups[0]
    first = strip_frame(text, *sentences[0])
    sentences[0] = (first, sentences[0][1])
    groups[0] = top_level_split(text, first, sentences[0][1], ";")
    return True


#: One-clause finding sentences that make a paragraph a list written as sentences (three in four of them, at least).
_SENTENCE_LIST = 4


def _rest(text: str, sentences: list[tuple[int, int]], groups_per_sentence: list[list[tuple[int, int]]], ctx: Context,
          sents: list[Sentence], *, how: str = "semicolon", after_colon: bool = False,
          after_lead: bool = False) -> list[Item]:
    """Problems of sentences read one by one: examples join the problem before them, a headline
    sentence takes its elaboration, every other sentence or ;-group is a problem; after a field
    lead-in (在…方面,突出表现在:) every ,-clause is one."""
    out: list[Item] = []
    absorbed = False
    # A。B。C。D。, each a one-clause finding: a list written as sentences, where no sentence elaborates another
    verdicts = [len(g) == 1 and clause_count(text, a, b) == 1 and SHORTCOMING_STRONG.search(text, a, b) is not None
                for (a, b), g in zip(sentences, groups_per_sentence)] if len(sentences) >= _SENTENCE_LIST else []
    sentence_list = bool(verdicts) and sum(verdicts) * 4 >= 3 * len(verdicts)
    for k, ((a, b), groups) in enumerate(zip(sentences, groups_per_sentence)):
        a = strip_frame(text, a, b)
        lead_in = aspect_lead(text, a, b)
        if lead_in and k > 0:
            new_aspect(text, a, lead_in.end(1), ctx)
            a = strip_frame(text, lead_in.end(), b)
            groups = top_level_split(text, a, b, ";")
            absorbed = True
        listed = _field_list(text, a, b, ctx, after_lead=bool(lead_in and k > 0) or (after_lead and k == 0))
        if listed is not None:
            out.extend(listed)
            absorbed = True
            continue
        if k > 0 and out and not out[-1].children and out[-1].start >= sentences[k - 1][0] \
                and (cue := LIST_OF_FINDINGS.match(text, a, b)) and not ITEM_START.match(text, trim(text, cue.end(), b)[0]):
            # “两个责任”落实不到位,…。主要表现在:A、B、C等问题 (blind50 10): the verdict names the field of the findings
            # listed after it, as (一)X。主要表现在:… does; under a field's own heading (一、关于…) it adds none
            verdict = out.pop()
            if ctx.aspect is None:
                new_aspect(text, verdict.start, verdict.end, ctx)
            listed = _field_list(text, a, b, ctx, after_lead=True)
            if listed is None:  # A、B、C等问题 / A、B、C等: one finding an element
                body_s, body_e = trim(text, cue.end(), b)
                closer = ELEMENTS_CLOSER.search(text, body_s, body_e)
                parts = (top_level_split(text, body_s, closer.start(), "、")  # closed by 等(问题): each a finding
                         if closer and "," not in text[body_s:closer.start()] else _elements(text, body_s, body_e))
                listed = attach(_clause_problems(text, parts), ctx)
            out.extend(listed)
            absorbed = True
            continue
        if starts_with_example(text, a, b) and out:
            out[-1].children.extend(example_items(text, a, b, how=out[-1].how, confidence=out[-1].confidence))
            continue
        if _non_finding(text, a, b, sents):
            continue
        if CLOSING_OPENER.match(text, trim(text, sentences[k][0], b)[0]):
            ctx.aspect = None
        single = len(groups) == 1
        opening = trim(text, *sentences[k])[0]  # 她还提到,…: the sentence opens with a reporting frame; 巡察发现,…
        framed = a != opening and not EVIDENCE_FRAME.match(text, opening, b)  # after a headline: its evidence
        if single and out and not absorbed and k >= 1 and not (sentence_list and verdicts[k - 1] and verdicts[k]) \
                and _absorbs(text, out[-1], sentences[k - 1], (a, b), groups_per_sentence[k - 1], framed=framed):
            merged = make_problem(text, out[-1].start, b, how="prose", confidence=CONFIDENCE["prose"],
                                  label=out[-1].label, number=out[-1].number)
            if merged is not None:
                merged.children = out[-1].children + merged.children
                merged.aspect, merged.unit = out[-1].aspect, out[-1].unit
                out[-1] = merged
                absorbed = True
                continue
        examples_open = False  # a group of this sentence opened a run of examples (…不严,如:A;B)
        for gs, ge in groups:
            gs = strip_frame(text, gs, ge)
            field = _field_clauses(text, gs, ge, ctx)
            if field is not None:  # (巡视发现,)X在…方面,A,B,C: the field and its clauses
                out.extend(field)
                continue
            if out and (starts_with_example(text, gs, ge) or examples_open and INSTANCE_START.match(text, gs)
                        and not EXAMPLES_OPEN.search(text, gs, ge)):  # 比如A;再如B / 如:2户…;1名…
                out[-1].children.extend(example_items(text, gs, ge, how=out[-1].how, confidence=out[-1].confidence))
                continue
            examples_open = bool(EXAMPLES_OPEN.search(text, gs, ge))
            listed = after_colon and k == 0 and len(groups) == 1
            out.extend(attach(_group_items(text, gs, ge, how, listed=listed), ctx))
        absorbed = k > 0
    return out


def _field_list(text: str, a: int, b: int, ctx: Context, *, after_lead: bool) -> list[Item] | None:
    """A field's problems as ,-clauses after its cue: 在…方面有差距,突出表现在:A,B,C (the lead-in and
    its verdict are the aspect), or 突出表现在A,B right after a 在…方面, lead-in; None for another sentence."""
    verdict = ASPECT_VERDICT.match(text, a, b)
    if verdict is not None:
        new_aspect(text, a, verdict.end(1), ctx)
        cue = ASPECT_LIST_CUE.match(text, trim(text, verdict.end(), b)[0], b)
    elif after_lead:
        cue = ASPECT_LIST_CUE.match(text, a, b)
    else:
        return None
    if cue is None:
        return None
    listed = clause_list(text, cue.end(), b)
    if not listed:
        return None if verdict is None else attach(_group_items(text, cue.end(), b, "clause"), ctx)
    return attach(listed, ctx)


def clause_list(text: str, a: int, b: int, *, each_stating: bool = False) -> list[Item]:
    """The findings a field's cue lists (表现为:A,B,C / 表现为:A,A';B,B'): a problem a ;-group, else a ,-clause; none
    unless two or more, or, with ``each_stating``, unless each states its own shortcoming (表现为:A不彻底,至今仍有4个
    未整改到位: one finding and its figure)."""
    groups = top_level_split(text, a, b, ";")
    clauses = groups if len(groups) >= 2 else top_level_split(text, a, b, ",")
    if len(clauses) < 2 or each_stating and not all(SHORTCOMING_STRONG.search(text, x, y) for x, y in clauses):
        return []
    return _clause_problems(text, clauses)


def _with_consequences(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each clause that tells what the one before it caused (:data:`~pipeline.lang.cues.CONSEQUENCE`:
    …决策不够严谨,部分项目造成国有资产损失) joined to that one: a finding and its consequence are one problem."""
    joined: list[tuple[int, int]] = []
    for a, b in spans:
        if joined and CONSEQUENCE.match(text, trim(text, a, b)[0], b):
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    return joined


def _clause_problems(text: str, spans: list[tuple[int, int]]) -> list[Item]:
    """One problem per clause (or list element), those that leave one."""
    items = [make_problem(text, a, b, how="clause", confidence=CONFIDENCE["clause"])
             for a, b in _with_consequences(text, spans)]
    return [x for x in items if x is not None]


def _field_clauses(text: str, s: int, e: int, ctx: Context) -> list[Item] | None:
    """One problem per ,-clause after a field lead-in at a group's start (after its frame and subject:
    巡视发现,X党组在…方面,A,B,C), when every clause states a shortcoming; the problems after its lead verb
    when one follows it (在…方面,存在A、B的问题); None otherwise."""
    m = GROUP_FIELD.match(text, s, e)
    if m is None:
        return None
    if LEAD_VERB.match(text, m.end(), e):  # 在…方面,存在A、B的问题: the field, and the list after its lead
        found = _group_items(text, m.end(), e, "semicolon")
        if found:
            new_aspect(text, m.start(1), m.end(1), ctx)
            return attach(found, ctx)
        return None
    clauses = top_level_split(text, m.end(), e, ",")
    if len(clauses) < 2 or not all(SHORTCOMING.search(text, a, b) for a, b in clauses):
        return None
    new_aspect(text, m.start(1), m.end(1), ctx)
    return attach(_clause_problems(text, clauses), ctx)


def _non_finding(text: str, a: int, b: int, sents: list[Sentence]) -> bool:
    """Whether the first sentence that holds ``a`` or starts in ``[a, b)`` is no finding (found by bisection: the
    sentences are in text order, and a list of thousands of items asks once per item)."""
    k = bisect_right(sents, a, key=lambda x: x.end)
    if k == len(sents):
        return False
    x = sents[k]
    if x.start <= a or x.start < b:
        return x.role in NON_FINDING_ROLES and x.role != "lead" or (
            x.role == "lead" and not SHORTCOMING_STRONG.search(text, a, b))
    return False


#: The longest clause of a headline written as two short verdicts (制度建设滞后,内控机制不健全。), and the fewest
#: clauses of the sentence that elaborates it (…等制度多年未修订,信息化监管平台覆盖不全,部分库点仍以…): two verdicts
#: followed by two more (作风不够扎实,服务意识不强) are findings of their own.
_VERDICT_CLAUSE = 8
_ELABORATION_CLAUSES = 3


def _verdict_pair(text: str, item: Item) -> bool:
    """A headline of two short clauses, each a verdict of its own (制度建设滞后,内控机制不健全): the sentence after
    it elaborates it, as after a one-clause headline."""
    clauses = top_level_split(text, item.start, item.end, ",")
    return len(clauses) == 2 and all(b - a <= _VERDICT_CLAUSE and SHORTCOMING.search(text, a, b) for a, b in clauses)


def _absorbs(text: str, prev: Item, prev_span, span, prev_groups, *, framed: bool = False) -> bool:
    """A one-clause headline sentence takes the next sentence as its elaboration (or any first
    sentence takes one whose subject is an example subject: 一些子企业…); never one that opens
    with 同时,/此外, or a reporting frame (她还提到,), and never after an element of a closed list."""
    if len(prev_groups) != 1 or prev.children or prev.how == "clause" or framed:
        return False  # an element of a closed list (存在A、B等问题。) takes nothing after it; 她还提到,…: a finding
    if LIST_CLOSER.search(text, *trim(text, *prev_span)):
        return False  # 社区党委存在理论学习流于形式的问题。: a finding closed as one, no headline
    start = trim(text, *span)[0]
    if CLOSING_OPENER.match(text, start):
        return False  # 同时,/此外,: a finding of its own
    example = bool(EXAMPLE_SUBJECT.match(text, start) or EVIDENCE_OPENER.match(text, start))
    headline = clause_count(text, strip_frame(text, *prev_span), prev_span[1]) == 1 or (
        _verdict_pair(text, prev) and clause_count(text, *span) >= _ELABORATION_CLAUSES)
    if not SHORTCOMING.search(text, *span) and not example:
        # 违规发放津贴补贴。下属剧院…以演出补助名义发放津贴,共计21.5万元。: on the headline's own line, what
        # it did wrong told without a cue word is still its elaboration, no finding of its own
        return headline and "\n" not in text[prev_span[1]:start]
    return headline or example


def _quoted_findings(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The insides of the quotes in ``[s, e)`` when each states a shortcoming and the words around them state none
    (a reporter's frame: 刘国强指出,市委“…”“…”,同时“…”); else none."""
    spans = quotes(text, s, e)
    if len(spans) < 2 or not all(SHORTCOMING.search(text, a, b) for a, b in spans):
        return []
    first = spans[0][0] - 1
    lead = text[s:first].rstrip()
    # what announces them before a colon (他还点出了…方面存在的问题:“A”“B”) is no finding of its own
    outside = mask_quoted(text[first:e] if lead.endswith(":") else text[s:e])
    return [] if SHORTCOMING.search(outside) else spans


def _group_items(text: str, s: int, e: int, how: str, *, listed: bool = False) -> list[Item]:
    """One ;-group: an object list (存在A、B、C等问题) gives one problem per element, else one problem; none for an
    earlier finding put right (对…反馈的“X”问题已完成整改,相关制度得到加强;但…: what follows is the finding)."""
    s, e = trim(text, s, e)
    if (done := RESOLVED.search(text, s, e)) and not STILL_WRONG.search(text, done.end(), e) \
            and not SHORTCOMING_STRONG.search(mask_quoted(text[s:e])):
        return []
    if len(quoted := _quoted_findings(text, s, e)) >= 2:
        return _clause_problems(text, quoted)  # 他指出,市委“A不多,B不快”“C不力”: a speaker's findings, a quote each
    lead = LEAD_VERB.match(text, s, e) or _subject_lead(text, s, e)
    body_s = lead.end() if lead else s
    marks_end = e
    marks = [x for x, _ in example_marks(text, body_s, e) if x > body_s]  # examples stay with the last element
    if marks:
        marks_end = trim(text, body_s, marks[0])[1]
    closer = LIST_CLOSER.search(text, body_s, marks_end)
    clauses = top_level_split(text, body_s, marks_end, ",")
    one_clause = len(clauses) == 1
    # 石门镇党委A有偏差,B缓慢,C不规范,D不力,E不严等问题较为突出: every clause states its own shortcoming, a list
    stating = (closer is not None and len(clauses) >= 3
               and all(SHORTCOMING_STRONG.search(text, a, min(b, closer.start())) for a, b in clauses))
    if stating and lead is None and (subject := UNIT_SUBJECT.match(text, body_s, clauses[0][1])):
        body_s = subject.end()  # the unit named before its first finding is no part of it
    if (lead or listed or one_clause or stating) and closer and closer.end() == marks_end:
        # after a lead (存在/主要表现在:) every ,-clause is an element; a bare A、B等问题 only
        # splits when each part states its own shortcoming
        inner = _inner_lead(text, body_s, closer.start()) if lead is None else None
        if inner is not None and not SHORTCOMING.search(text, body_s, inner - 2):
            body_s = inner  # X党支部在落实…、规范…方面存在A、B、C等5个方面问题: the list is after 存在
        elements = _elements(text, body_s, closer.start())
        if len(elements) >= 2:
            items = _clause_problems(text, elements)
            if items and marks:
                tail = make_problem(text, items[-1].start, e, how="clause", confidence=CONFIDENCE["clause"])
                if tail is not None:
                    items[-1].children = tail.children
            return items
    if (lead is not None and closer is None and not marks and LEAD_VERB.match(text, s, e) and "、" in text[body_s:e]
            and clause_count(text, body_s, e) == 1):
        # 主要是A不到位、B不严格、C不规范, one clause with no closer: each part that states its own shortcoming is one
        elements = _elements(text, body_s, e)
        if len(elements) >= 2:
            return _clause_problems(text, elements)
    framed = lead is not None and closer is not None and closer.end() == marks_end  # X存在A等问题: A
    item = make_problem(text, body_s if framed else s, e, how=how, confidence=CONFIDENCE[how])
    if item is not None and how == "prose" and not SHORTCOMING.search(text, item.start, item.end):
        return []  # background in running prose (全院现有17个研究所…), not a finding
    return [item] if item is not None else []


def _inner_lead(text: str, s: int, e: int) -> int | None:
    """After the first 存在 of a subject's own first clause (X在…方面存在A、B…): where its list starts, if any."""
    comma = text.find(",", s, e)
    at = text.find("存在", s, e if comma < 0 else comma)
    return at + 2 if at >= 0 else None


def _subject_lead(text: str, s: int, e: int):
    """局党组存在… when the group is a 存在…等问题 frame (a finding would keep its subject)."""
    m = SUBJECT_LEAD.match(text, s, e)
    if m and LIST_CLOSER.search(text, m.end(), e) and not SHORTCOMING_STRONG.search(text, s, m.end()):
        return m
    return None


#: 等 followed by the predicate the elements before it share (等重点工作力度不够), not by a closer (等问题)
_SHARED_AFTER_DENG = re.compile(r"等(?!(?:问题|现象|情况|方面|领域)?$)[^、]{2,}$")


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
        # A、B等重点工作力度不够: 等 and a predicate after it in the last part share that predicate
        shared = _SHARED_AFTER_DENG.search(text, last_a, last_b)
        elements = [] if shared else _stating_runs(text, parts)
        if len(elements) >= 2:
            out.extend(elements)
        else:
            out.append((a, b))
    return out


def _stating_runs(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """、-parts joined up to the next that states a shortcoming (储备粮轮换“以陈顶新”、“转圈粮”风险隐患较大: one
    element; 库存粮食数量、质量管控不到位: one); none when the last part states none (A、B等制度: no list)."""
    out, start = [], None
    for x, y in parts:
        start = x if start is None else start
        if SHORTCOMING.search(text, x, y) and y - start >= 4:
            out.append((start, y))
            start = None
    return out if start is None else []


def _oneliner(text: str, groups: list[tuple[int, int]], ctx: Context) -> list[Item]:
    out = []
    for gs, ge in groups:
        gs, ge = trim(text, gs, ge)
        clauses = top_level_split(text, gs, ge, ",")
        head = trim(text, *clauses[0])
        named = len(clauses) > 1 and (CATEGORY_HEAD.fullmatch(text, *head) or (
            (lead := aspect_lead(text, *head)) is not None and lead.end(1) == head[1]))
        new_aspect(text, *(head if named else (gs, ge)), ctx)  # a category head names the field alone
        ctx.aspect.how = "semicolon"
        if named:
            clauses = clauses[1:]  # the field's name: no finding of its own
        for a, b in _with_consequences(text, clauses):  # 主要表现在A、B、C等问题: an object list, one problem an element that states its own
            out.extend(attach(_group_items(text, a, b, "clause", listed=True), ctx))
    return out


def _inline_run(text: str, s: int, e: int) -> list[Marker]:
    """The longest run of finding markers (一是…二是…) inside ``[s, e)``, if any."""
    found = [m for m in scan(text, s, e) if not m.demand and (
        m.family in ("shi", "ordinal", "sequence", "circled", "arabic_paren", "arabic_close") or m.family == "arabic" and not m.line_initial)]
    best: list[Marker] = []
    for run in runs(found):
        if len(run) >= 2 and len(run) > len(best):
            best = run
    if best and text[s:best[0].start].count("。") > 1:
        return []  # the run sits deep inside prose: examples, not the paragraph's list
    return best


def _opens_on_verdict(text: str, s: int, e: int) -> bool:
    """Whether the sentence at ``s`` opens with a verdict clause (:func:`_verdict_clause`) of a field's length
    (巡视整改不到位,上轮巡视指出的…问题出现反弹。): a finding of the next field, no part of a run's last item before it."""
    comma = _verdict_clause(text, s, e)
    return comma is not None and comma - trim(text, s, e)[0] <= _VERDICT_CLAUSE_CHARS


#: The longest verdict clause that opens a field's sentence (巡视整改不到位, 落实新时代党的组织路线不到位).
_VERDICT_CLAUSE_CHARS = 16


def _run_items(text: str, run: list[Marker], e: int, *, under_verdict: bool = False) -> tuple[list[Item], int]:
    """Items of an inline run, and where the last one stops (a closing 此外… sentence after the
    list is read on its own; under a field's verdict, so is a sentence that opens on the next field's)."""
    how = HOW_OF_FAMILY.get(run[0].family, "shi-enumeration")
    bounds = [m.start for m in run] + [e]
    out = []
    stop = e
    for k, m in enumerate(run):
        stop = bounds[k + 1]
        if k + 1 == len(run):
            dot = text.find("。", m.end, e)
            nxt = trim(text, dot + 1, e)[0] if dot > 0 else e
            if dot > 0 and (CLOSING_OPENER.match(text, nxt) or FINDINGS_SUMMARY.match(text, nxt, e)
                            or under_verdict and _opens_on_verdict(text, dot + 1, e)):
                stop = dot
        item = make_problem(text, m.end, stop, how=how, confidence=CONFIDENCE[how],
                            label=text[m.start:m.end].strip(",: \t"), number=None)
        if item is not None:
            out.append(item)
    return out, stop
