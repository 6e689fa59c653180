"""Answers to a problem about earlier findings in general (上轮巡察反馈问题整改不彻底, 审计发现问题整改不到位).

Why a rule of its own: such a problem shares only the words of rectification itself (问题, 整改,
到位) with any place of a report, so the matcher ranks a paragraph on 安全生产 (已整改到位405处) or a
下一步 promise (持续巩固整改成果) as its answer.  A place answers it only where it names those findings'
source: the earlier round or the audit (上轮, 审计); the blind pairs'
reviewers cited such a place for every problem of this kind they found answered.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from pipeline.lang.cues import ABOUT_THE_PROBLEMS, AUDIT_SOURCE, EARLIER_FINDINGS_PROBLEM, NAMES_EARLIER_FINDINGS
from pipeline.records import Issue, Match


def about_earlier_findings(text: str) -> bool:
    """Whether a problem speaks of earlier findings' rectification in general: it opens so, and every
    later clause speaks of those problems, none of a field (…，村级集体资产清产核资工作推进缓慢 does)."""
    opening = EARLIER_FINDINGS_PROBLEM.match(text)
    if opening is None:
        return False
    clauses = [c for c in re.split(r"[,，;；。]", text[opening.end():]) if c.strip()]
    return all(ABOUT_THE_PROBLEMS.search(c) for c in clauses[1:])


def source_answers(matches: Sequence[Match], issues: Sequence[Issue], text: str) -> tuple[set[int], set[int]]:
    """(dropped, promoted): indices of the matches that answer a problem about earlier findings from a place
    that does not name them (no answer to it: a reviewer's acceptance still makes one), and of the best-ranked
    place naming them that the matcher ranked above nothing (score > 0), where no other place answers it."""
    # problem -> whether an audit is among the sources it names (else a place must name the earlier round)
    general = {i.issue_id: bool(AUDIT_SOURCE.search(i.text)) for i in issues
               if i.level == 2 and about_earlier_findings(i.text)}
    # and their examples (上轮巡察指出的内控制度不健全问题,仅修订1项制度): answered too only where the source is named
    general |= {i.issue_id: general[i.parent_id] for i in issues if i.level == 3 and i.parent_id in general}
    dropped: set[int] = set()
    named: dict[str, int] = {}  # problem -> its best-ranked place that names the earlier findings
    answered: set[str] = set()
    for k, m in enumerate(matches):
        if m.issue_id not in general or m.target_start is None:
            continue
        names = [hit.group() for hit in NAMES_EARLIER_FINDINGS.finditer(text, m.target_start, m.target_end)]
        if any(general[m.issue_id] or not AUDIT_SOURCE.fullmatch(name) for name in names):
            answered |= {m.issue_id} if m.addressed else set()
            if m.score > 0 and (m.issue_id not in named or _rank(m) < _rank(matches[named[m.issue_id]])):
                named[m.issue_id] = k
        elif m.addressed:
            dropped.add(k)
    promoted = {k for iid, k in named.items() if iid not in answered}
    return dropped, promoted


def _rank(m: Match) -> float:
    """A match's rank among its problem's places; a plan place added after the ranking has none: last."""
    return math.inf if m.rank is None else m.rank


def earlier_plan(problem: str, ranked: Sequence, text: str, scores: Sequence[float]) -> int | None:
    """For a problem about earlier findings in general (:func:`about_earlier_findings`, asked by the caller), the rank
    of the best-ranked plan place (``ranked``: the targets in rank order, plans marked ``planned``; ``scores`` theirs)
    that names the findings' source as :func:`source_answers` asks of an answer, with a score above nothing; None
    otherwise."""
    audit_named = bool(AUDIT_SOURCE.search(problem))
    for r, (target, score) in enumerate(zip(ranked, scores)):
        if target.status != "planned" or score <= 0:  # the plans only: every answer target is a live place
            continue
        names = [hit.group() for hit in NAMES_EARLIER_FINDINGS.finditer(text, target.start, target.end)]
        if any(audit_named or not AUDIT_SOURCE.fullmatch(name) for name in names):
            return r
    return None
