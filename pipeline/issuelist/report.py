"""Problems a progress report restates (关于“……”问题的整改, 针对“……”问题, or numbered problem
headings outside the forward-looking part): the issue list when no feedback is at hand."""

from __future__ import annotations

from dataclasses import replace

from pipeline.issuelist.fields import issue_extra
from pipeline.lang.cues import NUMBERED_RESTATEMENT, QUOTED_RESTATEMENT, RESTATED_LEAD, RESTATED_LIST_LEAD
from pipeline.lang.text import FULL_STOPS, at_line_start, sentence_bounds, strip_span
from pipeline.normalize import normalize
from pipeline.outline import forward_looking_sections
from pipeline.records import Issue, Section


def issues_from_report(text: str, sections: list[Section], *, doc_id: str | None = None) -> list[Issue]:
    """Problems a progress report restates.

    Quoted restatements (关于“……”问题的整改, 针对“……”问题) win; otherwise the numbered
    problem headings (1. / (1) / 问题一: level headings outside the forward-looking part), each
    under its enclosing aspect heading.
    """
    text = normalize(text)
    listed = _restated_list(text, doc_id)
    if listed:
        return listed
    quoted = list(QUOTED_RESTATEMENT.finditer(text))
    if quoted:  # and the headings of the same report that name their problem without quotes
        spans = {m.span(1) for m in quoted}
        spans |= {m.span(1) for m in NUMBERED_RESTATEMENT.finditer(text)
                  if not any(a < m.end(1) and m.start(1) < b for a, b in spans)}
        return [Issue(str(k), None, 2, text[a:b], doc_id, a, b, extra=issue_extra(how="heading", confidence=0.8))
                for k, (a, b) in enumerate(sorted(spans), 1)]
    forward = forward_looking_sections(text, sections)
    by_id = {s.section_id: s for s in sections}
    problems = [s for s in sections if s.marker in ("arabic", "arabic_paren", "problem") and s.section_id not in forward
                and at_line_start(text, s.start)]  # headings, not a (1)(2) run inside a line
    if not problems:
        return []
    top = min(s.level for s in problems)
    problems = [s for s in problems if s.level == top]
    issues: list[Issue] = []
    aspects: dict[int, str] = {}
    for k, s in enumerate(problems, 1):
        parent = by_id.get(s.parent_id) if s.parent_id is not None else None
        pid = None
        if parent is not None and parent.level >= 2 or (parent is not None and parent.marker == "cn_paren"):
            if parent.section_id not in aspects:
                aspects[parent.section_id] = f"A{len(aspects) + 1}"
                issues.append(Issue(aspects[parent.section_id], None, 1, parent.title, doc_id,
                                    parent.start, parent.end, label=parent.label,
                                    extra=issue_extra(how="heading", confidence=0.7)))
            pid = aspects[parent.section_id]
        start, end = _problem_span(text, s)
        aspect = by_id[s.parent_id].title if pid else None
        issues.append(Issue(str(k), pid, 2, text[start:end], doc_id, start, end, label=s.label,
                            extra=issue_extra(aspect=aspect, how="numbered", confidence=0.7)))
        examples = [c for c in sections if c.parent_id == s.section_id and c.marker in ("arabic_paren", "circled")
                    and text.rfind("\n", 0, c.start) < start]  # on the problem's own line
        for j, c in enumerate(examples, 1):  # 问题三:…短板。具体表现为:(1)…;(2)…: the problem's manifestations
            a, b = strip_span(text, c.title_start, c.title_end)
            issues.append(Issue(f"{k}.{j}", str(k), 3, text[a:b], doc_id, a, b, label=c.label,
                                extra=issue_extra(aspect=aspect, how="numbered", confidence=0.7)))
    return issues


def _restated_list(text: str, doc_id: str | None) -> list[Issue]:
    """The problems of a report's sentence that lists the feedback's (反馈指出的问题…,分别是:A;B;C。), read as a
    feedback's list is (:func:`pipeline.issuelist.feedback.read_feedback`); none where no such sentence lists
    two or more."""
    from pipeline.issuelist.feedback import read_feedback

    for lead in RESTATED_LIST_LEAD.finditer(text):
        start = lead.end()
        end = sentence_bounds(text, start, ends=FULL_STOPS)[1]
        found = read_feedback(text[start:end], doc_id=doc_id).issues
        if sum(i.level == 2 for i in found) >= 2:
            return [replace(i, start=None if i.start is None else i.start + start,
                            end=None if i.end is None else i.end + start,
                            extra={**i.extra, "how": "restated list"}) for i in found]
    return []


def _problem_span(text: str, section: Section) -> tuple[int, int]:
    """The problem a numbered heading states: its title, or, for a field label (1.问题:…), the statement
    after the colon up to the end of its sentence."""
    if not RESTATED_LEAD.fullmatch(text, section.title_start, min(len(text), section.title_end + 1)):
        return section.title_start, section.title_end
    start = section.title_end + 1
    return strip_span(text, start, sentence_bounds(text, start, ends="。\n")[1])
