"""Gap audit: pure functions from one review's records to flags.

The audit reads what the review already holds, as records: the report's
:class:`~pipeline.document.DocumentResult` (sections, measures, claims, quantities, times,
citations, metadata and text), the issue list's :class:`~pipeline.records.Issue` records and
the :class:`~pipeline.records.Match` records, plus the report's forward-looking sections,
found once per report by the review.  No table is built here: tables are made once, at the
edge.  Each rule is one function ``(AuditCase) -> list[Flag]``; :func:`audit` runs them all.
A flag carries the document and issue it concerns, a kind, a severity (high, medium, low,
info), a plain message and the offsets of its evidence (in the issue's own document for
issue flags, in the report otherwise).

Which counts are comparable (count_mismatch): a claimed number of aspects (4个方面) is
compared with the aspect-level headings that hold the report's problem headings, and a
claimed number of problems (12项突出问题) with the report's numbered problem headings (the
headings its measures answer).  A claimed number of measures (57条措施/任务) belongs to the
rectification plan, whose items the report bundles into fewer enumerated measures (一是…),
so fewer enumerated items than claimed measures is the normal granularity difference; only
more enumerated measures than claimed is flagged.  Manifestations (28个具体表现) are not
restated one by one in reports and are not compared.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from pipeline.document import DocumentResult
from pipeline.extract.measures import ledger_rows
from pipeline.extract.times import extract_times
from pipeline.lang.cues import (
    ABIDES_BY, COMPLETED, COUNTED_PART, COUNTS_ON, DONE_STATED, GENERIC_ACT, GENERIC_TOPIC, MEETING_ACT, MISSED_PLAN, hollow_pledge, PARTIAL_DONE, STILL_AHEAD, conduct_objects, is_plan, nothing_done_yet, is_restated_problem, stated_act, stock_figure, unfinished_cue,
)
from pipeline.lang.dates import month_end
from pipeline.lang.numerals import indefinite_one
from pipeline.lang.spans import ItemCounter
from pipeline.lang.text import CELL_SEPARATORS, STATEMENT_ENDS, char_pairs, sentence_bounds, sentence_spans
from pipeline.matching.evidence import AnswerTerms, term_bigrams
from pipeline.normalize import normalize
from pipeline.outline import forward_looking_sections
from pipeline.records import Flag, Issue, Match, Section

_SENTENCE_END = "。;\n"


@dataclass(frozen=True, slots=True)
class AuditCase:
    """One review as the audit reads it: the report, the issue list, the matches, and the
    report's forward-looking (plans) sections, computed once per report by the review."""

    report: DocumentResult
    issues: Sequence[Issue]
    matches: Sequence[Match]
    forward: frozenset[int]
    #: issues the report answers only in its plans part (下一步… or planned measures): issue id -> the plan rows
    plan_answers: dict[str, list[Match]] = field(default_factory=dict)
    #: the key terms of the problems and of the sentences of their places (from the evidence), when known
    terms: AnswerTerms | None = None

    @property
    def addressed(self) -> list[Match]:
        return [m for m in self.matches if m.addressed]


def leaf_issues(issues: Sequence[Issue]) -> list[Issue]:
    """Problems to judge: level-2 issues, plus aspects that have no children."""
    parents = {i.parent_id for i in issues if i.parent_id is not None}
    return [i for i in issues if i.level == 2 or (i.level == 1 and i.issue_id not in parents)]


def _due_later(report: DocumentResult, row) -> bool:
    """Whether a ledger row's 完成时限 is a date after the report's own (2026年6月30日 in a report of 2025-07-30)."""
    signed = report.meta.report_date or report.meta.as_of_date
    if row.deadline is None or not isinstance(signed, str):
        return False
    due = next((t.date or t.end_date for t in extract_times(report.text[slice(*row.deadline)])
                if isinstance(t.date or t.end_date, str)), None)
    return due is not None and len(due) == len(signed) == 10 and due > signed


def target_spans(report: DocumentResult, kind: str, target_id: int) -> list[tuple[int, int, str | None]]:
    """(start, end, status) of a matched target; a heading stands for its measures (or its body); a ledger
    row (整改台账 in the report) for itself."""
    if kind == "measure":
        return [(m.start, m.end, m.status) for m in report.measures if m.measure_id == target_id]
    if kind == "paragraph":  # a loose paragraph of a report in prose: its id is where it starts
        end = report.text.find("\n", target_id)
        return [(target_id, len(report.text) if end < 0 else end, None)]
    if kind == "row":
        rows = ledger_rows(report.text)
        if target_id >= len(rows):
            return []
        row = rows[target_id]
        # a row whose 完成情况 says only 正在推进 (or a plan) by a date still to come: its 整改措施 are what was set, nothing done
        # yet (a row due 长期坚持 is a standing commitment: its measures are judged as they are), unless they say what is
        # done already (…;紫荆苑、枫林小区已完工,其余2个小区已完成施工招标)
        last = max(report.text.rfind(sep, row.start, row.end) for sep in CELL_SEPARATORS) + 1
        bare = (row.status in ("ongoing", "planned") and last > row.start
                and nothing_done_yet(report.text[last:row.end]) and _due_later(report, row)
                and not DONE_STATED.search(report.text, row.problem_end, last))
        return [(row.start, row.end, "planned" if bare else row.status)]
    under = [(m.start, m.end, m.status) for m in report.measures if m.section_id == target_id]
    if under:
        return under
    return [(s.start, s.body_end, None) for s in report.sections if s.section_id == target_id]


_HOLLOW = "问题{}只有表态(高度重视、深刻认识、将进一步加强),没有数量、时间、文件或具体动作。"


def _hollow_answer(text: str, problem: str, plans: Sequence[Match]) -> tuple[int, int] | None:
    """The sentence of the plan places nearest the problem in wording, when it is attitude and intent only
    (:func:`pipeline.lang.cues.hollow_pledge`): the report answers the problem with words, not with a plan."""
    mine = char_pairs(problem)
    best, best_shared = None, 0
    for m in plans:
        for a, b in sentence_spans(text, m.target_start, m.target_end, ends=STATEMENT_ENDS):
            if is_restated_problem(text[a:b]):
                continue  # (二)针对…的问题: the problem restated, no answer
            shared = len(mine & char_pairs(text[a:b]))
            if shared > best_shared:
                best, best_shared = (a, b), shared
    return best if best is not None and hollow_pledge(text, *best) else None


def flag_unaddressed(case: AuditCase) -> list[Flag]:
    """An issue with no place of the report answering it (severity high)."""
    addressed = {m.issue_id for m in case.addressed}
    out = []
    for issue in leaf_issues(case.issues):
        if issue.issue_id in addressed:
            continue
        plans = case.plan_answers.get(issue.issue_id)
        if plans and (hollow := _hollow_answer(case.report.text, issue.text, plans)) is not None:
            out.append(Flag(case.report.doc_id, issue.issue_id, "weak", "medium", _HOLLOW.format(issue.issue_id), *hollow))
            continue
        if plans:
            s0, e0 = min(m.target_start for m in plans), max(m.target_end for m in plans)
            out.append(Flag(case.report.doc_id, issue.issue_id, "planned_only", "medium",
                            f"问题{issue.issue_id}只在下一步计划中提到(将/拟/计划/下一步),尚无已做的整改。", s0, e0))
            continue
        if (named := _named_only(case.report.text, issue.text)) is not None:
            out.append(Flag(case.report.doc_id, issue.issue_id, "weak", "medium",
                            f"问题{issue.issue_id}在报告中只被点名提及,没有对应的整改内容。", *named))
            continue
        out.append(Flag(issue.source_doc_id, issue.issue_id, "unaddressed", "high",
                        f"问题{issue.issue_id}未见整改回应:报告中没有与之对应的整改内容。({issue.text[:40]})",
                        issue.start, issue.end))
    return out


#: Shortest headline of a problem that names it when a report repeats it word for word.
_HEADLINE_MIN = 6


def _named_only(text: str, problem: str) -> tuple[int, int] | None:
    """The sentence of the report that repeats the problem's headline word for word (对巡察指出的干部人事档案管理不规范
    等问题,党组高度重视,要求…深刻反思): the report names the problem and, no place answering it, says nothing
    done about it."""
    headline = re.split(r"[,;。:]", problem, maxsplit=1)[0].strip()
    at = text.find(headline) if len(headline) >= _HEADLINE_MIN else -1
    return None if at < 0 else sentence_bounds(text, at, ends=_SENTENCE_END)


def answered_sentences(case: AuditCase) -> dict[tuple[int, int], dict[str, float]]:
    """Each sentence of a place the matcher ranked for a leaf problem -> those problems, each with its score
    there (infinite where the place answers it; a place ranked below the problem's typical one, with a
    score of 0 or less, is left out)."""
    leaves = {i.issue_id for i in leaf_issues(case.issues)}
    out: dict[tuple[int, int], dict[str, float]] = {}
    sentences_of: dict[tuple[str, int], list[tuple[int, int]]] = {}  # a place's sentences, cut once
    for m in case.matches:
        score = float("inf") if m.addressed else m.score
        if m.issue_id not in leaves or score is None or score <= 0:
            continue
        key = (m.target_kind, m.target_id)
        if key not in sentences_of:
            sentences_of[key] = [sp for s, e, _ in target_spans(case.report, *key)
                                 for sp in sentence_spans(case.report.text, s, e, ends=STATEMENT_ENDS)]
        for sp in sentences_of[key]:
            ranked = out.setdefault(sp, {})
            ranked[m.issue_id] = max(score, ranked.get(m.issue_id, score))
    return out


def speaks_of_another(mine: frozenset[str], rivals: Iterable[frozenset[str]]) -> bool:
    """Whether a sentence that shares the key terms ``mine`` with this problem speaks of another
    problem answered at the same place instead (``rivals``: the terms it shares with each of them):
    that problem shares more of its key terms, and not merely more of the same ones: this problem
    shares none, or words that are not all among that problem's (another subject, as 院长负责制
    beside 三重一大 in one paragraph; two problems on one subject both own the sentence)."""
    return any(len(theirs) > len(mine) and not (mine and mine <= theirs) for theirs in rivals)


def own_sentences(terms: AnswerTerms | None, sentences: Sequence[tuple[int, int]], issue_id: str,
                  rivals: Callable[[tuple[int, int]], Iterable[frozenset[str]]]) -> list[tuple[int, int]]:
    """The sentences of one place that answer this problem: all but those that speak of another
    problem instead (:func:`speaks_of_another`; ``rivals(sentence)``: the key terms the sentence
    shares with each problem answered there); the ones sharing most of its key terms always stay.
    Without the terms (an audit of bare records) every sentence stays."""
    if terms is None:
        return list(sentences)
    key = terms.issues.get(issue_id, frozenset())
    mine = [terms.sentences.get(sp, frozenset()) & key for sp in sentences]
    top = max(map(len, mine), default=0)
    examples = terms.examples.get(issue_id, frozenset())
    pieces = term_bigrams(key)

    def on_subject(sp: tuple[int, int], shared: frozenset[str]) -> bool:
        """Shares a key term or a piece of one, or a term of the problem's examples (补发高龄津贴 for 惠民政策
        落实有偏差, 比如高龄津贴漏发); a place sharing none at all is judged whole."""
        words = terms.sentences.get(sp, frozenset())
        return bool(shared) or not top or bool(term_bigrams(words) & pieces) or bool(words & examples)

    return [sp for sp, shared in zip(sentences, mine)
            if (top and len(shared) == top) or on_subject(sp, shared) and not speaks_of_another(shared, rivals(sp))]


def sentence_rivals(case: AuditCase, answered: dict) -> Callable[[tuple[int, int], float], frozenset[frozenset[str]]]:
    """``rivals(sentence, floor)``: the key terms the sentence shares with each problem answered there at a
    score of ``floor`` or more (``answered``: :func:`answered_sentences`), for :func:`own_sentences`."""
    @cache
    def rivals(sentence: tuple[int, int], floor: float) -> frozenset[frozenset[str]]:  # distinct: a long list repeats them
        words = case.terms.sentences.get(sentence) if case.terms is not None else None
        if not words:
            return frozenset()
        return frozenset(words & case.terms.issues.get(other, frozenset())
                         for other, score in answered.get(sentence, {}).items() if score >= floor)

    return rivals


def flag_weak_and_planned(case: AuditCase) -> list[Flag]:
    """Addressed only by generic words (weak) or only by plans (planned_only: every answering
    measure is planned, or every answering sentence states a plan, :func:`pipeline.lang.cues.is_plan`).

    Weak: the answering places hold no quantity, no date, no cited document and no concrete act
    (:func:`pipeline.lang.cues.concrete_act`: a bare completion claim, 已完成整改, is none), counting
    only the sentences that answer this problem (:func:`own_sentences`): in a place that answers
    several problems, a sentence about another of them lends this one nothing.

    A sentence that restates the problem (1.关于…的问题。, :func:`pipeline.lang.cues.is_restated_problem`)
    answers nothing: it is neither a plan nor evidence (its figures are the problem's)."""
    groups: dict[tuple[str, str], list[Match]] = {}
    for m in case.addressed:
        groups.setdefault((m.doc_id, m.issue_id), []).append(m)
    if not groups:
        return []
    report = case.report
    # figures and dates of how things stand (目前共有中层干部236名) are no evidence of what was done
    figures = [q for q in report.quantities if not indefinite_one(q) and not stock_figure(report.text, q.start)]
    times = [t for t in report.times if not stock_figure(report.text, t.start)]
    # a document only abided by (严格执行《…条例》) is none the unit made
    cited = [c for c in report.citations if not ABIDES_BY.search(report.text, max(0, c.start - 6), c.start)]
    counters = [ItemCounter(found) for found in (figures, times, cited)]
    # a ledger row's 完成时限 is the deadline it was set, no evidence of what was done
    rows = ledger_rows(report.text)
    set_in_row = _in_deadline_cell(rows)
    row_counters = [counters[0], ItemCounter([t for t in times if t.kind != "deadline" and not set_in_row(t)]),
                    counters[2]]
    # a sentence of a shared place speaks of whichever problem it answers there and shares most of its terms,
    # or of one that ranks the place as high as half this problem's score without answering there
    # (廉政风险点 beside 主体责任 in one paragraph, that problem answered by a ledger row)
    answered = answered_sentences(case)
    leaves = {i.issue_id for i in leaf_issues(case.issues)}  # an aspect speaks of its problems' sentences
    # a long list's problems are answered by the same few places: each looked at once per call

    @cache
    def place_spans(kind: str, target_id) -> list[tuple[int, int, str | None]]:
        return target_spans(report, kind, target_id)

    @cache
    def states_plan(a: int, b: int) -> bool:
        return is_plan(report.text[a:b])

    @cache
    def restates(a: int, b: int) -> bool:  # a ledger row's problem cell is the problem, restated
        b = a + len(report.text[a:b].rstrip())  # a cell's sentence ends with its tab
        return is_restated_problem(report.text[a:b]) or any(r.start <= a and b <= r.problem_end for r in rows)

    @cache
    def evidence_in(s: int, e: int) -> int:
        if restates(s, e):
            return 0
        counted = row_counters if any(row.line_start <= s and e <= row.end for row in rows) else counters
        return sum(counter.count(s, e) for counter in counted) + stated_act(report.text, s, e)

    @cache
    def generic_only(s: int, e: int, kind: re.Pattern = GENERIC_ACT) -> bool:
        """Every clause with evidence educates or pledges (观看警示教育片3场次), or (``MEETING_ACT``) only met."""
        said = [(a, b) for a, b in sentence_spans(report.text, s, e, ends=",;。") if evidence_in(a, b)]
        return bool(said) and all(kind.search(report.text, a, b) for a, b in said)

    texts = {i.issue_id: i.text for i in case.issues}

    def answer_start(a: int, b: int) -> int:  # a ledger row's words begin past its problem cell (the problem restated)
        row = next((r for r in rows if r.start <= a and b <= r.end), None)
        return max(a, row.problem_end) if row is not None else a

    def answer_words(a: int, b: int) -> str:
        return report.text[answer_start(a, b):b]

    @cache
    def sentences_of(s: int, e: int) -> tuple[tuple[int, int], ...]:
        return tuple(sentence_spans(report.text, s, e, ends=STATEMENT_ENDS)) or ((s, e),)

    rivals = sentence_rivals(case, answered)

    out = []
    for (doc_id, iid), grp in groups.items():
        spans = [span for m in grp for span in place_spans(m.target_kind, m.target_id)]
        if not spans:
            continue
        s0, e0 = min(s for s, _, _ in spans), max(e for _, e, _ in spans)
        counted: set[tuple[int, int]] = set()
        for m in grp:  # a heading's place is all its measures: one sharing none of the problem's terms is another's
            place = [sp for s, e, _ in dict.fromkeys(place_spans(m.target_kind, m.target_id)) for sp in sentences_of(s, e)
                     if not restates(*sp)]  # the problem restated (问题3:X。) shares its words and answers nothing
            floor = (m.score or 0.0) / 2
            counted.update(own_sentences(case.terms, place, iid, lambda sp: rivals(sp, floor)) if iid in leaves
                           else place)
        told = sorted(counted)
        whole = [sp for m in grp for s, e, _ in dict.fromkeys(place_spans(m.target_kind, m.target_id))
                 for sp in sentences_of(s, e)]

        def planned(sp: tuple[int, int]) -> bool:  # a plan's sentence, or one of a planned measure
            return states_plan(*sp) or any(st == "planned" and s <= sp[0] < e for s, e, st in spans)

        sentences = [(a, b) for m in grp for a, b in m.evidence if not restates(a, b)]
        # plans and generic words only (深化审批制度改革。…拟于6月底前形成初步成果): the plans are all it says
        if (all(st == "planned" for _, _, st in spans) or (sentences and all(states_plan(a, b) for a, b in sentences))
                or (any(map(planned, told)) and all(planned(sp) or not evidence_in(*sp) for sp in told))):
            if told and all(hollow_pledge(report.text, answer_start(a, b), b) for a, b in told):  # 高度重视…,将进一步加强…
                out.append(Flag(doc_id, iid, "weak", "medium", _HOLLOW.format(iid), s0, e0))
                continue
            out.append(Flag(doc_id, iid, "planned_only", "medium",
                            f"问题{iid}只有计划性措施(将/下一步),尚无已做的整改。", s0, e0))
            continue
        # a plan's figures are its aims; a place whose every act educates or pledges (观看警示教育片3场次,签订廉洁承诺书)
        # answers only a problem of that kind
        kind = MEETING_ACT if GENERIC_TOPIC.search(texts.get(iid, "")) else GENERIC_ACT
        generic = all(generic_only(a, b, kind) for a, b in told if not planned((a, b)) and evidence_in(a, b))
        evidence = 0 if generic else sum(evidence_in(a, b) for a, b in told if not planned((a, b)))
        mine = conduct_objects(texts.get(iid, ""))
        if generic and any(evidence_in(a, b) for a, b in told):
            out.append(Flag(doc_id, iid, "weak", "medium",
                            f"问题{iid}的对应措施只有警示教育、签订承诺书一类的通用做法,没有针对该问题的具体整改。", s0, e0))
        # 公务用车管理不规范 answered by 修订《公务接待管理办法》: eight-point-rule objects, none of them the problem's
        elif mine and (said := conduct_objects("".join(answer_words(a, b) for a, b in whole if not restates(a, b)))) \
                and not mine & said:
            out.append(Flag(doc_id, iid, "weak", "medium",
                            f"问题{iid}说的是{'、'.join(sorted(mine))},对应措施针对的却是{'、'.join(sorted(said))}。", s0, e0))
        elif evidence == 0:
            out.append(Flag(doc_id, iid, "weak", "medium",
                            f"问题{iid}的对应措施没有数量、时间、文件或具体动作,只有原则性表述。", s0, e0))
    return out


def flag_claim_arithmetic(case: AuditCase) -> list[Flag]:
    """A claim whose parts do not add up (``Claim.consistent`` is False)."""
    return [Flag(case.report.doc_id, None, "claim_arithmetic", "medium",
                 f"整改数字对不上:{c.note or ''}".rstrip(":"), c.start, c.end)
            for c in case.report.claims if c.consistent is False]


def _mode(values: list):
    """The most frequent value; the smallest among ties (as ``pandas.Series.mode().iloc[0]``)."""
    counts = Counter(values)
    top = max(counts.values())
    return min(v for v, n in counts.items() if n == top)


def problem_headings(case: AuditCase) -> tuple[list[Section], list[Section]]:
    """The report's numbered problem headings (answered by measures) and their aspect headings."""
    sections = case.report.sections
    by_id = {s.section_id: s for s in sections}

    def answered(m) -> int | None:  # a measure that is its own heading ((1)健全… ) answers the one above
        sec = by_id.get(m.section_id)
        return sec.parent_id if sec is not None and sec.start == m.start else m.section_id

    live = {answered(m) for m in case.report.measures if m.status != "planned"} - {None}
    heads = [s for s in sections if s.section_id in live and s.section_id not in case.forward]
    if not heads:
        return [], []
    # the level most answer headings sit at, and every heading of that marker there
    level = _mode([s.level for s in heads])
    marker = _mode([s.marker for s in heads if s.level == level])
    parents = {s.parent_id for s in heads if s.parent_id is not None}
    heads = [s for s in sections if s.level == level and s.marker == marker and s.parent_id in parents]
    aspect_ids = {s.parent_id for s in heads if s.parent_id is not None}
    if len(aspect_ids) < 2:  # one part heading (二、整改落实情况) over every problem: no aspects restated
        aspect_ids = set()
    return heads, [s for s in sections if s.section_id in aspect_ids]


_COMPARABLE = {
    "prominent_problems": ("problems", "突出问题", "numbered problem headings"),
    "aspects": ("aspects", "方面", "aspect headings"),
}


def flag_count_mismatch(case: AuditCase) -> list[Flag]:
    """A claimed breakdown (12项突出问题, 4个方面, 57条措施) against what the report enumerates."""
    report = case.report
    if not report.claims:
        return []
    heads, aspects = problem_headings(case)
    counts = {"prominent_problems": len(heads), "aspects": len(aspects)}
    n_enum = sum(1 for m in report.measures if m.status != "planned")
    out = []
    said: set[tuple[str, float]] = set()  # the same figure restated (3个方面9个问题 … 反馈的9个问题中) is flagged once
    for claim in report.claims:
        if claim.section_id in case.forward:  # 将尚未完成的2个问题…: a plan about some problems, not their count
            continue
        for field, (_, word, what) in _COMPARABLE.items():
            claimed = claim.figures.get(field)
            if claimed is None or counts[field] == 0 or (field, claimed) in said:
                continue
            said.add((field, claimed))
            if int(claimed) != counts[field]:
                s, e = claim.figure_spans.get(field, (claim.start, claim.end))
                out.append(Flag(report.doc_id, None, "count_mismatch", "medium",
                                f"报告称{int(claimed)}{'个' if field == 'aspects' else '项'}{word},"
                                f"但正文只列出{counts[field]}个对应标题({what})。", s, e))
        claimed_m = claim.figures.get("rectification_measures")
        if claimed_m is not None and report.measures and n_enum > claimed_m and ("measures", claimed_m) not in said:
            said.add(("measures", claimed_m))
            s, e = claim.figure_spans.get("rectification_measures", (claim.start, claim.end))
            out.append(Flag(report.doc_id, None, "count_mismatch", "low",
                            f"报告称{int(claimed_m)}条整改措施,但正文列举了{n_enum}项措施,多于所称总数。", s, e))
    return out


def _in_deadline_cell(rows) -> Callable[[object], bool]:
    """``set_in_row(t)``: whether the time ``t`` stands in a ledger row's 完成时限 cell (the date the row was set, a
    deadline however it is written: 2024年9月30日).  The cells are looked up by bisection: a long ledger has
    thousands of rows and of dates, and each date was once compared with every row."""
    cells = sorted(row.deadline for row in rows if row.deadline is not None)  # cells of distinct rows: disjoint
    starts = [a for a, _ in cells]

    def set_in_row(t) -> bool:
        k = bisect_right(starts, t.start) - 1
        return k >= 0 and t.end <= cells[k][1]

    return set_in_row


def _passed(date: str, day: str) -> bool:
    """Whether ``date`` (ISO, at its precision: 2023, 2023-07, 2023-07-31) lies before ``day``'s period of
    the same precision: a month-only deadline has passed only once its month is over."""
    return date < day[: len(date)]


def _over_by(date: str, day: str) -> bool:
    """Whether ``date``'s whole period (a year, a month or a day) is over by the end of ``day`` (ISO): a
    deadline of 2023年12月底前 is, by 截至2023年12月底, and what was unfinished then missed it."""
    if _passed(date, day):
        return True
    if len(day) != 10:
        return False
    if len(date) == 4:
        return day == f"{date}-12-31"
    if len(date) == 7:
        return day == month_end(int(date[:4]), int(date[5:7])).isoformat()
    return date == day


def flag_overdue_deadlines(case: AuditCase) -> list[Flag]:
    """A deadline before the report date whose sentence states no completion."""
    report = case.report
    rd = report.meta.report_date
    if not isinstance(rd, str):
        return []
    out = []
    for t in report.times:
        date = t.date or t.end_date
        if t.kind != "deadline" or not isinstance(date, str) or not _passed(date, rd):
            continue
        s = sentence_bounds(report.text, t.start, ends=_SENTENCE_END)[0]
        e = sentence_bounds(report.text, t.end, ends=_SENTENCE_END)[1]
        if _done_in(report.text, s, e):  # (a share done, 已完成工程量的70%, is none)
            continue
        out.append(Flag(report.doc_id, None, "overdue_deadline", "medium",
                        f"时限{t.text}早于报告日期{rd},但未说明已完成。", t.start, t.end))
    return out


def ledger_deadline(issue: Issue) -> str | None:
    """The ISO date of an issue's ledger deadline (整改时限 of a CSV/XLSX list), None when it has none
    (长期坚持, 立行立改) or it cannot be read."""
    raw = issue.extra.get("deadline")
    if not isinstance(raw, str) or not raw.strip():
        return None
    for t in extract_times(normalize(raw)):
        date = t.date if t.kind == "deadline" else (t.end_date or t.date)
        if isinstance(date, str):
            return date
    return None


def report_date(report: DocumentResult) -> str | None:
    """The date the report speaks at: its signature date, else the date its figures refer to."""
    return report.meta.report_date or report.meta.as_of_date


def flag_overdue_issues(case: AuditCase) -> list[Flag]:
    """Overdue problems (severity high), by either of two deadlines:

    * a deadline of the problem (a ledger's 整改时限, or the one the feedback's demands set for it)
      passed at the report's date with no completed (done) measure answering the issue, or with the
      place answering it saying last that the work is unfinished;
    * a deadline the report itself set where it answers the problem (明确于9月底前…), passed at the
      date its figures refer to (截至…, else its date), and stated as not finished there (仍在推进,
      尚未…: :func:`pipeline.lang.cues.unfinished_cue`) with no completion of it
      (:data:`pipeline.lang.cues.COMPLETED`) after the last thing said unfinished: a completion
      before it is of a part (已完成报名和笔试,面试正在组织中).  The flag points at that stretch of
      the report.
    """
    rd = report_date(case.report)
    if not rd:
        return []
    done: dict[str, bool] = {}
    for m in case.addressed:
        spans = target_spans(case.report, m.target_kind, m.target_id)
        done[m.issue_id] = done.get(m.issue_id, False) or any(st == "done" for _, _, st in spans)
    out = []
    deadlines: dict[object, str | None] = {}  # a ledger repeats its few deadlines (2022年6月底) over many rows
    restating = _restating_sections(case.report)
    own = _own_overdue(case, restating)
    for issue in leaf_issues(case.issues):
        raw = issue.extra.get("deadline")
        if raw not in deadlines:
            deadlines[raw] = ledger_deadline(issue)
        deadline = deadlines[raw]
        passed = deadline is not None and _passed(deadline, rd)
        if passed and not done.get(issue.issue_id):
            out.append(Flag(case.report.doc_id, issue.issue_id, "overdue", "high",
                            f"问题{issue.issue_id}的整改时限{issue.extra.get('deadline')}已过(报告日期{rd}),"
                            f"但报告中没有已完成的对应措施。", None, None))
        elif passed and (late := _said_unfinished(case, issue.issue_id, restating)) is not None:
            out.append(Flag(case.report.doc_id, issue.issue_id, "overdue", "high",
                            f"问题{issue.issue_id}的整改时限{issue.extra.get('deadline')}已过(报告日期{rd}),"
                            f"报告称尚未完成。", *late))
        elif issue.issue_id in own:
            t, start, end, as_of = own[issue.issue_id]
            out.append(Flag(case.report.doc_id, issue.issue_id, "overdue", "high",
                            f"问题{issue.issue_id}的整改时限{t.text}已过(截至{as_of}),报告称尚未完成。", start, end))
        elif (missed := _missed_plan(case, issue.issue_id, rd)) is not None:
            t, start, end = missed
            out.append(Flag(case.report.doc_id, issue.issue_id, "overdue", "high",
                            f"问题{issue.issue_id}只有计划,计划的时限{t.text}到报告日期{rd}已过,报告没有说已完成。",
                            start, end))
    return out


def _missed_plan(case: AuditCase, issue_id: str, rd: str):
    """(deadline, start, end) of a plan that alone answers the problem and whose own date had passed by the
    report's date (计划于2024年3月底前完成, in a 公示 of 4月10日): the work was due and is still a plan."""
    if any(m.issue_id == issue_id for m in case.addressed):
        return None
    text = case.report.text
    for m in case.plan_answers.get(issue_id, ()):
        for t in extract_times(text[m.target_start:m.target_end]):
            due = t.date or t.end_date
            if t.kind == "deadline" and isinstance(due, str) and _over_by(due, rd):
                a = m.target_start + t.start
                s, e = sentence_bounds(text, a, ends=_SENTENCE_END)
                return t, s, e
    return None


def _completions(text: str, s: int, e: int) -> list[re.Match]:
    """The completions said in ``[s, e)``, of the whole work, not of a share (已完成工程量的70%)."""
    return [done for done in COMPLETED.finditer(text, s, e) if not PARTIAL_DONE.match(text, done.end(), e)]


def _done_in(text: str, s: int, e: int) -> bool:
    """Whether ``[s, e)`` says the work is done: a completion of the whole, not of a share (已完成工程量的70%)."""
    return bool(_completions(text, s, e))


def _last_unfinished(text: str, a: int, e: int) -> tuple[int, int] | None:
    """The sentence of ``[a, e)`` that last says something is unfinished (仍在推进, 尚未…), with its stop,
    when no completion follows it (a completion before it is of a part: 已完成笔试,面试正在组织中)."""
    late = None
    for late in unfinished_cue().finditer(text, a, e):
        pass
    if late is None:
        return None
    # a ledger row's later cell (完成情况: 已完成) is its label, no completion of what its measures cell leaves unfinished
    cell_end = text.find("\t", late.end(), e)
    if any(not COUNTED_PART.match(text, done.end()) for done in _completions(text, late.end(), e if cell_end < 0 else cell_end)):
        return None  # …正在推进,已完成清查任务的65% / …至今尚未完成,目前已完成1个工程的核查: a part done is no completion
    s, b = sentence_bounds(text, late.start(), ends=_SENTENCE_END)
    return s, b + (b < len(text) and text[b] in "。;")


def _spans_about(report: DocumentResult, m: Match, spans,
                 restating: dict[int, tuple[int, int]]) -> list[tuple[int, int]]:
    """The measures of the place (``spans``: its target spans) that speak of the match's problem: those holding one
    of its answering sentences; all of them in a section whose heading restates the problem (1.关于“X”的问题:
    一是…已完成。二是…未能在3月31日前完成,仍在推进 speaks of it too), and so for a measure of such a section
    (整改措施:一是…;二是… then 整改成效:原定于5月底前追回,目前已追回29.6万元,剩余12.2万元正在追缴;
    ``restating``: :func:`_restating_sections`)."""
    text = report.text
    whole = not m.evidence or (m.target_kind == "section" and any(is_restated_problem(text[a:b]) for a, b in m.evidence))
    out = [(s, e) for s, e, _ in spans if whole or any(s <= a < e for a, _ in m.evidence)]
    if m.target_kind == "measure" and m.target_id in restating:
        out.append(restating[m.target_id])  # its lines beyond the measures too (整改成效:…)
    return out


def _restating_sections(report: DocumentResult) -> dict[int, tuple[int, int]]:
    """Measure id -> the extent of its section, for the measures of a section whose heading restates a problem
    (（五）关于“X”的问题); computed once per audit."""
    restated = {x.section_id: (x.end, x.body_end) for x in report.sections
                if is_restated_problem(report.text[x.start:x.end])}
    return {x.measure_id: restated[x.section_id] for x in report.measures if x.section_id in restated}


def _said_unfinished(case: AuditCase, issue_id: str,
                     restating: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    """Where a place answering the problem (a measure holding one of its answering sentences) says last
    that the work is unfinished, if one does."""
    for m in case.addressed:
        if m.issue_id != issue_id:
            continue
        for s, e in _spans_about(case.report, m, target_spans(case.report, m.target_kind, m.target_id), restating):
            late = _last_unfinished(case.report.text, s, e)
            if late is not None:
                return late
    return None


def _own_overdue(case: AuditCase, restating: dict[int, tuple[int, int]]) -> dict[str, tuple]:
    """Problem -> (deadline, start, end, as-of) of a passed deadline of the report's own text in a
    measure that answers it (one holding an answering sentence), stated as unfinished, not completed
    after that."""
    report = case.report
    as_of = report.meta.as_of_date or report.meta.report_date
    if not isinstance(as_of, str):
        return {}
    rows = ledger_rows(report.text)
    signed = report.meta.report_date if isinstance(report.meta.report_date, str) else as_of

    def missed(t) -> bool:  # 原计划于3月底前完成: a date the report itself says was missed, passed at its signing; and
        # 将于2023年12月31日前清收… still a plan in a report signed after it (2024年1月12日): due, and no word of it done
        a = sentence_bounds(report.text, t.start, ends=_SENTENCE_END)[0]
        return bool(MISSED_PLAN.search(report.text, a, t.start) or t.kind == "deadline" and STILL_AHEAD.search(report.text, a, t.start))

    # a ledger's 完成情况 says how a row stands when the ledger is published, not at the as-of date of the
    # narrative's figures (截至6月末…, signed 9月10日: a row due 8月31日 and 尚未开工 is overdue)
    set_in_row = _in_deadline_cell(rows)
    passed = [t for t in report.times if isinstance(t.date or t.end_date, str)
              and _over_by(t.date or t.end_date, signed if missed(t) or set_in_row(t) else as_of)
              and (t.kind == "deadline" or set_in_row(t))]
    if not passed:
        return {}
    text = report.text
    out: dict[str, tuple] = {}
    spans_of = cache(lambda kind, target_id: target_spans(report, kind, target_id))
    # a place answering two problems in turn (清理白条…。同时,着手制定《…办法》,应于9月底前出台,目前已形成征求
    # 意见稿): a deadline in a sentence that shares more key terms with another problem is that one's, though the
    # sentence's evidence may serve both (对2个后进村党支部…原定于三季度末前完成整顿转化 is the 软弱涣散 problem's date,
    # not that of 三会一课 in the 党支部 next to it: :func:`speaks_of_another` lets both own the sentence)
    rivals = sentence_rivals(case, answered_sentences(case))

    def own(m: Match, s: int, e: int, t) -> bool:
        if case.terms is None or set_in_row(t):  # a ledger row's 完成时限 is its own problem's
            return True
        spans = list(sentence_spans(text, s, e, ends=STATEMENT_ENDS))
        k = next((k for k, sp in enumerate(spans) if sp[0] <= t.start < sp[1]), None)
        if k is None:
            return True
        mine = case.terms.issues.get(m.issue_id, frozenset())
        floor = (m.score or 0.0) / 2
        # a sentence that names no problem's matter and counts on from the one before it (另1家原计划于9月底前查结,…尚未查结)
        # speaks of that one's (群众举报的2家民营医院…,已对其中1家查结)
        while (k > 0 and COUNTS_ON.match(text, spans[k][0]) and not case.terms.sentences.get(spans[k], frozenset()) & mine
               and not any(rivals(spans[k], floor))):
            k -= 1
        shared = case.terms.sentences.get(spans[k], frozenset()) & mine
        return not any(len(theirs) > len(shared) for theirs in rivals(spans[k], floor))

    for m in case.addressed:
        if m.issue_id in out:
            continue
        for s, e in _spans_about(report, m, spans_of(m.target_kind, m.target_id), restating):
            for t in passed:
                if not s <= t.start < e or not own(m, s, e, t):
                    continue
                a, b = sentence_bounds(text, t.start, ends=_SENTENCE_END)
                # a ledger row is one statement: its measures cell may say what is unfinished (剩余4.7万元正在追缴)
                late = _last_unfinished(text, s if set_in_row(t) else a, e)
                if late is None and missed(t) and not _done_in(text, t.end, e):
                    late = (a, b)  # 该项工作原定于8月底前完成。: the date it was due, and no word of it done since
                    # (工程原定于6月底前完工,…目前已完成工程量的70%: a share done is no word of it done)
                if late is None:
                    continue
                out[m.issue_id] = (t, a, late[1], as_of[:10])
                break
            if m.issue_id in out:
                break
    return out


def flag_orphan_measures(case: AuditCase) -> list[Flag]:
    """A (non-planned) measure that answers no issue (severity info)."""
    if not case.matches:
        return []
    used_m = {m.target_id for m in case.addressed if m.target_kind == "measure"}
    used_s = {m.target_id for m in case.addressed if m.target_kind == "section"}
    doc_id = case.report.doc_id
    return [Flag(doc_id, None, "orphan_measure", "info", f"措施“{m.title[:20]}”没有对应任何反馈问题。", m.start, m.end)
            for m in case.report.measures
            if m.status != "planned" and m.measure_id not in used_m and m.section_id not in used_s]


RULES: tuple[Callable[[AuditCase], list[Flag]], ...] = (
    flag_unaddressed,
    flag_weak_and_planned,
    flag_claim_arithmetic,
    flag_count_mismatch,
    flag_overdue_deadlines,
    flag_overdue_issues,
    flag_orphan_measures,
)


def audit(report: DocumentResult, issues: Sequence[Issue], matches: Sequence[Match], *,
          forward: frozenset[int] | set[int] | None = None,
          plan_answers: dict[str, list[Match]] | None = None, terms: AnswerTerms | None = None) -> list[Flag]:
    """All flags of one report against one issue list and its matches.

    ``forward``: the report's forward-looking section ids when the caller already has them
    (a review computes them once per report); found here otherwise.  ``plan_answers``: the
    unanswered issues that the report's plans answer (see :func:`pipeline.review.review`).
    ``terms``: the key terms the evidence was chosen by (:func:`pipeline.matching.evidence.attach_evidence`).
    """
    if forward is None:
        forward = forward_looking_sections(report.text, report.sections)
    case = AuditCase(report, issues, matches, frozenset(forward), dict(plan_answers or {}), terms)
    return [flag for rule in RULES for flag in rule(case)]


# --------------------------------------------------------------------------- verdicts

#: Verdict of a problem, most severe first; the flag kind that sets it is the same word.
STATUSES = ("unaddressed", "overdue", "planned_only", "weak", "addressed")
STATUS_LABELS = {"unaddressed": "未回应", "overdue": "逾期未完成", "planned_only": "仅有计划", "weak": "回应薄弱",
                 "addressed": "已回应"}
SEVERITY = {"unaddressed": "high", "overdue": "high", "planned_only": "medium", "weak": "medium"}


def issue_statuses(issues: Sequence[Issue], flags: Sequence[Flag]) -> dict[str, str]:
    """The verdict of every problem: its most severe status flag, else addressed."""
    rank = {k: n for n, k in enumerate(STATUSES)}
    out = {i.issue_id: "addressed" for i in leaf_issues(issues)}
    for f in flags:
        if f.issue_id in out and f.kind in rank and rank[f.kind] < rank[out[f.issue_id]]:
            out[f.issue_id] = f.kind
    return out


def explain(matches: Sequence[Match], statuses: dict[str, str], evidence: dict[str, float], threshold: float) -> None:
    """Set ``decision`` (the problem's verdict) and ``reason`` (why, in Chinese) on every match row."""
    for m in matches:
        status = statuses.get(m.issue_id)
        m.decision = status
        ev = evidence.get(m.issue_id)
        score = "" if ev is None else f"证据分{ev:.2f}(阈值{threshold:.2f})"
        terms = f";共同关键词:{m.shared_terms}" if m.shared_terms else ";没有共同关键词"
        if m.reviewed == "accepted":
            m.reason = "审阅人确认此处回应了该问题" + terms
        elif m.reviewed == "rejected":
            m.reason = "审阅人否定此处为该问题的回应"
        elif status is None:
            m.reason = "上级条目(方面),按其下问题判断" + terms
        elif m.addressed and status == "addressed":
            m.reason = f"回应该问题:{score}" + terms
        elif m.addressed and status == "weak":
            m.reason = "有对应内容,但没有数量、时间、文件或具体动作,只有原则性表述" + terms
        elif status == "planned_only" and m.addressed:
            m.reason = "对应内容只有计划(将/拟/计划/下一步),尚无已做的整改" + terms
        elif m.addressed and status == "overdue":
            m.reason = "整改时限已过,对应措施尚未完成" + terms
        elif status in ("unaddressed", "planned_only"):
            m.reason = f"未达回应标准:{score}" + terms
        else:
            m.reason = "其他候选:相似但不及首选" + terms
