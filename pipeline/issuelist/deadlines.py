"""Deadlines the team set for a single problem in its demands (对未按期竣工验收的项目,要…于2024年10月31日前
全部完成竣工验收): the problem's 整改时限, as a ledger's column would give it.

Why: a reviewer holds the unit to the date the feedback named; the audit then calls a problem past that
date and said unfinished overdue.  A demand's deadline belongs to the one problem whose words its clause
shares most (a deadline for the whole list, 2024年底前全部整改到位, shares none and belongs to none).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from pipeline.extract.times import extract_times
from pipeline.issuelist.items import Item
from pipeline.issuelist.parts import Sentence
from pipeline.lang.cues import DEADLINE_MODAL, NAMED_PROBLEM, OWN_DEADLINE_MODAL, REPORT_DUE, REST_OF_PROBLEMS
from pipeline.lang.dates import num, shift
from pipeline.lang.spans import SpanIndex
from pipeline.lang.text import char_pairs, sentence_bounds

#: Character pairs of the genre's own words that tie a demand to no problem in particular.
_GENERIC = frozenset({"整改", "问题", "要求", "完成", "落实", "工作", "全部", "及时", "切实", "督促", "加强",
                      "进一步", "一步", "组织", "单位", "党组", "党委", "巡察", "巡视", "规定", "有关"})
#: Character pairs a demand's clause must share with its problem, beyond the generic ones.
MIN_SHARED = 4


def _pairs(text: str) -> frozenset[str]:
    return char_pairs(text) - _GENERIC


#: A length of time as the times extractor gives it (P2M, P30D).
_LENGTH = re.compile(r"P(\d+(?:\.\d+)?)([YMWD])")
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}


def _counted(t, since: Callable[[], dt.date | None]) -> str | None:
    """A deadline counted from the feedback (要在2个月内解决到位) with the day it falls on, the day of the
    feedback not counted: 2个月内(即2025年6月18日前); None when it is no such length or the day is unknown."""
    length = _LENGTH.fullmatch(t.duration or "")
    start = since() if length else None
    if start is None:
        return None
    end = shift(start, float(length[1]), _UNITS[length[2]])
    return f"{t.text}(即{end.year}年{end.month}月{end.day}日前)"


def _own_deadlines(text: str, problems: Sequence[Item], since: Callable[[], dt.date | None]) -> dict[int, str]:
    """Index of a problem -> the time limit its own words set (2.物资采购不规范,…②名录长期未动态调整,要在2个月内
    整改到位): the first one written right after a modal (要在, 要于, 务必), in the problem or its examples."""
    out: dict[int, str] = {}
    for k, p in enumerate(problems):
        for x in (p, *p.children):
            # the problem's own sentence goes on to its demand, which the item leaves out (…整改不到位,巡察组要求于
            # 2025年2月底前完成对账)
            end = max(x.end, sentence_bounds(text, max(x.start, x.end - 1), ends="。;\n")[1]) if x is p else x.end
            for t in extract_times(text[x.start:end]):
                start = x.start + t.start
                if t.kind != "deadline" or not OWN_DEADLINE_MODAL.search(text, max(x.start, start - 4), start):
                    continue
                words = t.text if isinstance(t.date or t.end_date, str) else _counted(t, since)
                after = sentence_bounds(text, x.start + t.end, ends=",。;")[1]
                if words is not None and not REPORT_DUE.search(text, x.start + t.end, after):
                    out[k] = words
                    break
            if k in out:
                break
    return out


def demanded_deadlines(text: str, sents: Sequence[Sentence], problems: Sequence[Item], *,
                       since: Callable[[], dt.date | None] = lambda: None) -> dict[int, str]:
    """Index of a problem in ``problems`` -> the deadline (its words, 2024年10月31日前) a demand sets for it;
    ``since()``: the day of the feedback, for a deadline counted from it (要在2个月内…)."""
    # a problem's words and its examples' (比如…滞留的危房改造补助资金: the demand names what the example does)
    pairs = [_pairs(text[p.start:p.end]).union(*(_pairs(text[c.start:c.end]) for c in p.children)) for p in problems]
    # the findings are the problems' own sentences, whatever role a sentence was read in: a demand
    # paragraph's run (一是…，对X问题，要…于2024年6月30日前…) reads like a run of findings
    found = SpanIndex((x.start, x.end) for p in problems for x in (p, *p.children))
    out = _own_deadlines(text, problems, since)
    rest = None  # 其余问题要在3个月内整改完成: for every problem no other demand gave a deadline, once they all have
    for sent in sents:
        if sent.role == "lead" or found.overlaps(sent.start, sent.end):
            continue
        for t in extract_times(text[sent.start:sent.end]):
            if t.kind != "deadline":
                continue
            words = t.text if isinstance(t.date or t.end_date, str) else _counted(t, since)
            if words is None:
                continue
            a, b = sentence_bounds(text, sent.start + t.start, ends="。;")
            if not DEADLINE_MODAL.search(text, a, sent.start + t.start):
                continue  # a date something was done by (已于…前完成), not one the team set
            after = sentence_bounds(text, sent.start + t.end, ends=",。;")[1]
            if REPORT_DUE.search(text, sent.start + t.end, after):
                continue  # the date a report is due by, not a problem's
            named = _named_problems(text[a:b], problems)
            if named:  # 对问题六中多收的费用,应于2024年1月31日前全部退还 / 对问题2、问题4…: the problems it names
                for k in named:
                    out.setdefault(k, words)
                continue
            if REST_OF_PROBLEMS.search(text, a, sent.start + t.start):
                rest = rest or words
                continue
            clause = _pairs(text[a:b])
            shared = [len(clause & mine) for mine in pairs]
            best = max(shared, default=0)
            if best >= MIN_SHARED and shared.count(best) == 1:
                out.setdefault(shared.index(best), words)
    if rest is not None:
        for k in range(len(problems)):
            out.setdefault(k, rest)
    return out


def _named_problems(clause: str, problems: Sequence[Item]) -> list[int]:
    """Indexes of the problems a demand's clause names by their numbers (问题六, 问题2、问题4, 第3个问题), each
    where one problem of the list carries that number; empty when it names none."""
    out = []
    for m in NAMED_PROBLEM.finditer(clause):
        value = num(m.group(1) or m.group(2))
        hits = [k for k, p in enumerate(problems) if p.number is not None and num(p.number) == value]
        if value is not None and len(hits) == 1:
            out.append(hits[0])
    return out
