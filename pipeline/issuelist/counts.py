"""Counts a notice announces (反馈了…3个方面10个问题, 共反馈问题16个) and the warning when the
list found has another size: the reviewer is told, nothing is silently trusted."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lang.numerals import int_value
from pipeline.records import Flag

_N = r"(\d{1,3}|[一二三四五六七八九十两]{1,3})"
_ASPECTS_PROBLEMS = re.compile(rf"{_N}个方面(?:的)?{_N}(?:个|项|条)(?:具体|突出)?问题")
_PROBLEMS = re.compile(rf"(?:问题|反馈问题){_N}(?:个|项|条)|(?<!方面){_N}(?:个|项|条)(?:具体|突出)?问题(?!线索)")
_ASPECTS = re.compile(rf"{_N}个方面(?:的)?(?:突出|主要)?问题")


@dataclass(frozen=True, slots=True)
class Announced:
    """What the notice says it lists."""

    problems: int | None
    aspects: int | None
    start: int
    end: int
    text: str


def announced_count(text: str, zone: tuple[int, int] | None = None) -> Announced | None:
    """The count of problems (or of aspects) the notice announces: before its findings part
    (反馈会…共反馈问题10个 / 发现3个方面9个问题,主要是:), or closing a list inside it (…等5个方面问题);
    a number inside a finding (审计发现的12个问题整改不到位) is no announcement."""
    start, end = zone if zone is not None else (len(text), len(text))
    found = _first(text, 0, start)
    if found is None:
        closing = [m for m in re.finditer(r"等", text[start:end])]
        for m in closing:
            found = _first(text, start + m.end(), start + m.end() + 16, anchored=True)
            if found is not None:
                break
    return found


def _first(text: str, start: int, end: int, *, anchored: bool = False) -> Announced | None:
    for pattern, kind in ((_ASPECTS_PROBLEMS, "both"), (_PROBLEMS, "problems"), (_ASPECTS, "aspects")):
        m = pattern.match(text, start, end) if anchored else pattern.search(text, start, end)
        if m is None:
            continue
        values = [int_value(g) for g in m.groups() if g]
        if kind == "both":
            return Announced(values[1], values[0], m.start(), m.end(), m.group())
        if kind == "problems":
            return Announced(values[0], None, m.start(), m.end(), m.group())
        return Announced(None, values[0], m.start(), m.end(), m.group())
    return None


def count_flag(announced: Announced | None, n_problems: int, n_aspects: int, doc_id: str | None) -> Flag | None:
    """An ``issue_count_mismatch`` info flag naming both numbers, or None when they agree."""
    if announced is None:
        return None
    if announced.problems is not None:
        said, found, what = announced.problems, n_problems, "问题"
    elif n_aspects:
        said, found, what = announced.aspects, n_aspects, "方面"
    else:
        said, found, what = announced.aspects, n_problems, "问题"
    if said is None or said == found:
        return None
    message = (f"反馈意见称“{announced.text}”（{said}个{what}），问题清单识别出{found}个{what}，"
               f"请核对是否有遗漏或误识别")
    return Flag(doc_id, None, "issue_count_mismatch", "info", message, announced.start, announced.end)
