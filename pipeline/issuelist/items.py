"""One finding's span: frames, lead verbs and list closers off; examples split off as manifestations.

Span conventions (tests/fixtures/feedback_corpus/SPEC.md): a problem starts after its marker,
its reporting frame (巡视指出,) and its lead verb (存在 / 主要是 / 表现在), ends without its
terminal punctuation and list closer (等问题 / 的问题), and ends before its first example
marker (比如 / 例如 / 具体表现为 / 有的 / ① / (1)); each example is a level-3 manifestation
without its marker word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pipeline.lang.cues import (
    CLOSING_OPENER, CONCESSION_OPENING, CONCESSION_TURN, DEMAND_SENTENCE, EXAMPLE_INSIDE, EXAMPLE_LEAD, EXAMPLE_PLACE, EXAMPLE_SUBJECT, FRAME, LEAD_VERB, LIST_CLOSER, PLAN_FIELD,
    ADVICE, RESOLVED, SHORTCOMING, SPEECH_INTRO, TEAM_DEMAND, TRAILING_DEMAND, YARDSTICK,
)
from pipeline.lang.markers import CIRCLED, DECORATION, SHI_LABEL, Marker, is_bullet, runs, scan
from pipeline.lang.text import page_furniture

_LEAD_JUNK = " \t\n,;:、。"
_TRAIL_JUNK = " \t\n,;:、。!?〗"
#: A heading's own count in brackets at its end ((4个), (共3个问题)).
_COUNT_TAIL = re.compile(r"\((?:共)?[0-9一二三四五六七八九十]{1,3}(?:个|项|条)(?:问题)?\)$")
_OPEN = {"“": "”", "(": ")", "《": "》", "‘": "’", "\"": "\""}
_CLAUSE_START = set(",;:。\n")


@dataclass(slots=True)
class Item:
    """A found aspect (1), problem (2) or manifestation (3) before it becomes an :class:`Issue`."""

    level: int
    start: int
    end: int
    how: str
    confidence: float
    label: str | None = None
    number: str | None = None  # the list's own numbering (一, 3), when written
    aspect: "Item | None" = None
    unit: str | None = None
    children: list["Item"] = field(default_factory=list)


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """``[s, e)`` without spaces and separators at either end (the terminal 。 too), and without a quote
    mark whose other half lies outside it (a finding cut out of quoted speech)."""
    while True:
        while s < e and text[s] in _LEAD_JUNK:
            s += 1
        while e > s and (text[e - 1] in _TRAIL_JUNK or text[e - 1] == "." and not text[e - 2:e - 1].isdigit()):
            e -= 1  # an ASCII full stop after a word ends it too (not the point of 1.5)
        if s < e and (text[s] == "”" or text[s] == "“" and "”" not in text[s + 1:e]):
            s += 1
        elif e > s and (text[e - 1] == "“" or text[e - 1] == "”" and "“" not in text[s:e - 1]):
            e -= 1
        elif (nl := text.rfind("\n", s, e)) >= 0 and nl + 1 in page_furniture(text):
            e = nl  # a page's number or running header after the item's last line
        elif e - s > 6 and text[e - 1] == ")" and (m := _COUNT_TAIL.search(text, s, e)) is not None:
            e = m.start()  # 党的领导弱化方面的问题(4个): the count its heading gives, no words of it
        else:
            return s, e


def strip_frame(text: str, s: int, e: int) -> int:
    """Start after reporting frames (此外, 巡视组还指出, 谈话中不少干部反映,) at ``s``."""
    for _ in range(3):
        s, e = trim(text, s, e)
        m = (SPEECH_INTRO.match(text, s, e) or CLOSING_OPENER.match(text, s, e) or FRAME.match(text, s, e)
             or YARDSTICK.match(text, s, e))
        if not m or m.end() == s or m.end() >= e:
            break
        if m.re is FRAME and text[m.end() - 1] not in ",:" and text[m.end() - 1] != "了" and not LEAD_VERB.match(
                text, m.end(), e):
            break  # 发现 inside a finding's own words; 也发现存在…: a frame before its lead verb
        s = m.end()
    return trim(text, s, e)[0]


def past_concession(text: str, s: int, e: int) -> int:
    """``s`` moved past a concession that states no shortcoming (医保经办窗口作风有所转变,但异地就医…时限偏长), or
    only an earlier one put right (上轮反馈的X问题虽已完成整改,但长效机制建设滞后): the finding is what follows its
    turn (但); ``s`` itself where the part before the turn finds fault too."""
    turn = next((m for a, _ in top_level_split(text, s, e, ",")[1:] if (m := CONCESSION_TURN.match(text, a - 1, e))), None)
    if turn is None or not SHORTCOMING.search(text, turn.end(), e) or (
            SHORTCOMING.search(text, s, turn.start()) and not RESOLVED.search(text, s, turn.start())):
        return s
    return trim(text, turn.end(), e)[0]


def clean(text: str, s: int, e: int) -> tuple[int, int]:
    """A finding's span: frame, lead verb, closer and terminal punctuation off; a circled number at its start
    (a run of one, (二)…方面。①X。, numbers nothing the scanner could pair) is no word of the finding."""
    s, e = trim(text, s, e)
    if s < e and text[s] in CIRCLED:
        s, e = trim(text, s + 1, e)
    if (shi := SHI_LABEL.match(text, s, e)) and shi.end() < e:  # 四是… continuing a run the paragraph did not open
        s, e = trim(text, shi.end(), e)
    s = strip_frame(text, s, e)
    if opening := CONCESSION_OPENING.match(text, s, e):
        s = trim(text, opening.end(), e)[0]
    s = past_concession(text, s, e)
    m = LEAD_VERB.match(text, s, e)
    if m and e - m.end() >= 4:
        s = m.end()
    s, e = trim(text, s, e)
    c = LIST_CLOSER.search(text, s, e)
    if c and c.end() == e and c.start() - s >= 4:
        e = c.start()
    return trim(text, s, e)


def top_level_split(text: str, s: int, e: int, seps: str) -> list[tuple[int, int]]:
    """``[s, e)`` cut at ``seps`` outside quotes and brackets; quoted speech (a quote that holds a
    sentence or a list: “…不到位;…。”) is no bracket, its separators cut."""
    parts, closers, pos = [], [], s
    for i in range(s, e):
        ch = text[i]
        if closers and ch == closers[-1]:
            closers.pop()
        elif ch == "“" and _speech(text, i, e):
            continue
        elif ch in _OPEN and not (ch == "\"" and closers and closers[-1] == "\""):
            closers.append(_OPEN[ch])
        elif not closers and ch in seps:
            parts.append((pos, i))
            pos = i + 1
    parts.append((pos, e))
    return [(a, b) for a, b in parts if text[a:b].strip(_LEAD_JUNK)]


#: A quotation that is speech, not a term: it holds a clause break or runs this long.
_SPEECH_MIN = 24


def _speech(text: str, i: int, e: int) -> bool:
    """Whether the quote opening at ``i`` is reported speech (its ”, if any before ``e``, is then skipped too)."""
    close = text.find("”", i + 1, e)
    inner = text[i + 1:close if close >= 0 else e]
    return close < 0 or len(inner) >= _SPEECH_MIN or any(ch in inner for ch in ";。")


def example_marks(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """(marker start, marker end) of clause-initial example markers in ``[s, e)``; a bracketed
    example (如…) starts at its bracket."""
    out = []
    for m in EXAMPLE_INSIDE.finditer(text, s, e):
        j = m.start() - 1
        while j >= s and (text[j] in " \t" or text[j] in DECORATION):  # 👉比如,…
            j -= 1
        if j < s or text[j] in _CLAUSE_START or text[j] in "(“":
            end = m.end()
            while end < e and text[end] in ",:":
                end += 1
            out.append((j if j >= s and text[j] in "(“" else m.start(), end))
    return out


def _sub_markers(text: str, s: int, e: int) -> list[Marker]:
    """Inline sub-item markers (①②, (1)(2), 一是二是) or bullet lines (● …) forming a run inside ``[s, e)``."""
    found = [m for m in scan(text, s, e) if not m.demand and (
        m.family in ("circled", "arabic_paren", "arabic_close", "latin", "shi", "ordinal", "arabic") or is_bullet(m.family))]
    best: list[Marker] = []
    for run in runs([replace(m, line_initial=False) for m in found]):  # 1. on a line, 2. after it: one run
        if len(run) >= 2 and len(run) > len(best):
            best = run
    return best


def past_example_lead(text: str, s: int, e: int) -> int:
    """``s`` moved past example markers (比如,有的… counts as two) and the decoration before them (👉比如)."""
    while s < e and text[s] in DECORATION:
        s += 1
    if place := EXAMPLE_PLACE.match(text, s, e):  # 在收购环节,有的库点…
        s = place.end()
    while (m := EXAMPLE_LEAD.match(text, s, e)) and m.end() < e:
        s = trim(text, m.end(), e)[0]
    return s


def _split_examples(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Example spans in ``[s, e)`` (the part after the first example marker)."""
    pieces: list[tuple[int, int]] = []
    cuts = sorted({a for a, _ in example_marks(text, s, e)} | {s})
    for k, a in enumerate(cuts):
        b = cuts[k + 1] if k + 1 < len(cuts) else e
        if text[a] == "(" and text.find(")", a, b) > 0:  # (如A;B): the examples inside the bracket
            a, b = a + 1, text.find(")", a, b)
        for ps, pe in top_level_split(text, a, b, ";。"):
            pieces.append((ps, pe))
    out = []
    for ps, pe in pieces:
        ps, pe = trim(text, ps, pe)
        ps = past_example_lead(text, ps, pe)
        # 部分A不严,个别B不规范: two examples; 部分A不严,新增B不达标: one
        clauses = top_level_split(text, ps, pe, ",")
        cut = [ps] + [a for a, _ in clauses[1:] if EXAMPLE_SUBJECT.match(text, trim(text, a, pe)[0])]
        for k, a in enumerate(cut):
            b = cut[k + 1] if k + 1 < len(cut) else pe
            a2, b2 = clean(text, a, b)
            if b2 - a2 >= 4:
                out.append((a2, b2))
    return out


def _one_instance(text: str, s: int, marks: list[tuple[int, int]], e: int) -> bool:
    """Whether the only example is one 有的 clause after a comma in a short sentence (选人用人不规范,有的干部“带病提拔”:
    two clauses, or three at most): the finding's own instance, said in the same breath, not a list of its examples."""
    if len(marks) != 1:
        return False
    a, b = marks[0]
    if not (text.startswith("有的", a) and text[a - 1:a] == ","):
        return False
    before, after = text.count(",", s, a - 1), text.count(",", b, e)
    return (before + after <= 1 and not any(ch in text[b:e] for ch in ";。")
            and not EXAMPLE_SUBJECT.search(text, b, e) and not EXAMPLE_INSIDE.search(text, b, e))


def make_problem(text: str, s: int, e: int, *, how: str, confidence: float, label: str | None = None,
                 number: str | None = None, examples: bool = True) -> Item | None:
    """A problem over ``[s, e)`` with its manifestations split off; None when nothing is left.  A plan's
    fields after it (整改目标：, 整改措施：, 完成时限：…) are not part of it."""
    s, e = trim(text, s, e)
    if TEAM_DEMAND.match(text, s, e) or ADVICE.match(text, s, e):
        return None  # the team's demand or advice, a clause of its own after the finding
    field = PLAN_FIELD.search(text, s, e)
    if field is not None and field.start() > s:
        s, e = trim(text, s, field.start())
    demand = TRAILING_DEMAND.search(text, s, e)
    if demand is not None and demand.start() > s:
        s, e = trim(text, s, demand.start())
    children: list[Item] = []
    if examples:
        sub = _sub_markers(text, s, e)
        marks = example_marks(text, s, e)
        if marks and text.startswith("突出表现", marks[0][0]) and not SHORTCOMING.search(text, s, marks[0][0]):
            marks = []  # 张德海说,突出表现在:A;B: the findings' lead after a speaker, no examples of a finding before it
        if sub and (not marks or sub[0].start <= marks[0][0] + 8):
            cut = sub[0].start
            lead = list(example_marks(text, s, cut))
            problem_end = lead[0][0] if lead else cut
            bounds = [m.start for m in sub] + [e]
            for k, m in enumerate(sub):
                a, b = clean(text, m.end, bounds[k + 1])
                if b - a >= 2:
                    children.append(Item(3, a, b, how, confidence, label=text[m.start:m.end].strip(",: \t")))
            e = problem_end
        elif marks and not _one_instance(text, s, marks, e):
            first = marks[0][0]
            if first > s:
                for a, b in _split_examples(text, first, e):
                    children.append(Item(3, a, b, how, confidence))
                e = first
    s, e = clean(text, s, e)
    if e - s < 4 or DEMAND_SENTENCE.match(text[s:e]):
        return None  # too short, or a demand (要…, 一是要…) numbered like a finding
    cue = SHORTCOMING.search(text, s, e)
    return Item(2, s, e, how, round(confidence if cue else confidence - 0.2, 2), label=label, number=number,
                children=children)


def example_items(text: str, s: int, e: int, *, how: str, confidence: float) -> list[Item]:
    """Manifestations written as a body of sentences (under a sub-heading) or after 比如."""
    out: list[Item] = []
    sub = _sub_markers(text, s, e)
    if sub:
        bounds = [m.start for m in sub] + [e]
        for k, m in enumerate(sub):
            a, b = clean(text, m.end, bounds[k + 1])
            if b - a >= 2:
                out.append(Item(3, a, b, how, confidence, label=text[m.start:m.end].strip(",: \t")))
        return out
    for ss, se in top_level_split(text, s, e, "。;!?\n"):
        ss = strip_frame(text, ss, se)
        ss = past_example_lead(text, ss, se)
        marks = [a for a, _ in example_marks(text, ss, se) if a > ss]
        head_end = marks[0] if marks else se
        a, b = clean(text, ss, head_end)
        if b - a >= 4:
            out.append(Item(3, a, b, how, confidence))
        if marks:
            out.extend(Item(3, a, b, how, confidence) for a, b in _split_examples(text, marks[0], se))
    return out


def clause_count(text: str, s: int, e: int) -> int:
    return len(top_level_split(text, s, e, ","))


def starts_with_example(text: str, s: int, e: int) -> bool:
    s, e = trim(text, s, e)
    if place := EXAMPLE_PLACE.match(text, s, e):
        s = place.end()
    return bool(EXAMPLE_LEAD.match(text, s, e))


