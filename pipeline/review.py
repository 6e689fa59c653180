"""Reviews: an issue list against a progress report -> issues, matches, flags.

Used by ``match`` (one list, one report), by ``run --issues`` (one list, every
report of a batch) and by ``run`` alone, which pairs each progress report with
the feedback document of the same inspected unit and inspection.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from operator import attrgetter

from pipeline.document import DocumentResult, analyze_text
from pipeline.errors import InputError
from pipeline.forked import forked_map
from pipeline.gcpause import collection_paused
from pipeline.matching.audit import SEVERITY, STATUS_LABELS, audit, explain, issue_statuses
from pipeline.matching.earlier import about_earlier_findings, earlier_plan, source_answers
from pipeline.matching.evidence import attach_evidence
from pipeline.issuelist.load import (  # noqa: F401  (part of this module's API)
    TABLE_SUFFIXES, IssueList, issue_list_of_document, issues_from_document, list_doc_id, load_issue_list,
)
from pipeline.extract.measures import ledger_rows
from pipeline.matching.matcher import IssueMatcher, Target, matches_from_decision, targets_and_plan_paragraphs
from pipeline.outline import forward_looking_sections
from pipeline.pairing import choose_pairs, pair_documents  # noqa: F401  (pair_documents: part of this module's API)
from pipeline.records import ErrorRecord, Flag, Issue, Match, Pair
from pipeline.report.decisions import Decisions, apply_match_decisions, apply_status_decisions, stale_flags


@dataclass(slots=True)
class Review:
    issues: list[Issue] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    statuses: dict[str, str] = field(default_factory=dict)  # problem -> verdict (reviewer's when set)
    reviewed: dict[str, str] = field(default_factory=dict)  # problem -> status a reviewer set
    pairs: list[Pair] = field(default_factory=list)  # which list was matched with which report, and why

    def __repr__(self) -> str:
        kinds: dict[str, int] = {}
        for flag in self.flags:
            kinds[flag.kind] = kinds.get(flag.kind, 0) + 1
        flags = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())) or "none"
        return (f"Review({len(self.pairs)} pairs, {len(self.issues)} issues, {len(self.matches)} matches; "
                f"flags: {flags})")


@dataclass(slots=True)
class PairReview:
    """One (issue list, report) pair and its review: what review.html and review.xlsx show."""

    issue_list: "IssueList"
    report: DocumentResult
    review: Review
    list_doc_id: str



def review(issue_list: IssueList, report: DocumentResult, *, matcher=None, fitted: bool = False,
           decisions: Decisions | None = None) -> Review:
    """Match one issue list against one analysed report and audit the result.

    ``fitted=True`` says ``matcher`` was already fitted on this list (a batch fits once).
    Records all the way: the report's plans part and its answer targets are found once, the
    matcher and the audit read them, and no table is built here (tables are made at the edge).
    ``decisions`` (a reviewer's, from review.html) accept or reject matches before the audit
    and set problems' statuses after it; those that no longer apply become stale_decision flags.
    """
    if not fitted:
        matcher = (matcher if matcher is not None else IssueMatcher()).fit(issue_list.issues)
    forward = frozenset(forward_looking_sections(report.text, report.sections))
    targets, plan_paragraphs = targets_and_plan_paragraphs(report.text, report.sections, report.measures, forward=forward)
    decision = matcher.decide(targets)
    matches = matches_from_decision(decision, targets, matcher.issue_ids_, report.doc_id)
    plan_answers = _plan_answers(matcher, decision, targets, report, forward, plan_paragraphs)
    for rows in plan_answers.values():
        matches.extend(rows)
    terms = attach_evidence(matches, issue_list.issues, report.text, matcher)
    dropped, promoted = source_answers(matches, issue_list.issues, report.text)
    plans = {id(m) for rows in plan_answers.values() for m in rows}
    for k in promoted:  # 上轮巡察…整改不彻底: answered where the report names the earlier round or the audit,
        matches[k].addressed = id(matches[k]) not in plans  # not by 整改到位 said of something else
    dropped = {id(matches[k]) for k in dropped}
    for m in matches:
        m.addressed = m.addressed and id(m) not in dropped
    plan_answers = {iid: kept for iid, rows in plan_answers.items() if (kept := [m for m in rows if id(m) not in dropped])}
    mine = decisions.for_list(list_doc_id(issue_list)) if decisions is not None else []
    issue_ids = {i.issue_id for i in issue_list.issues}
    stale = apply_match_decisions(mine, matches, report.text, issue_ids, report.doc_id)
    flags = audit(report, issue_list.issues, matches, forward=forward, plan_answers=plan_answers, terms=terms)
    statuses = issue_statuses(issue_list.issues, flags)
    flags, stale_status = apply_status_decisions(mine, statuses, flags, report.doc_id, SEVERITY, STATUS_LABELS)
    flags.extend(stale_flags(stale + stale_status, report.doc_id))
    evidence = dict(zip(matcher.issue_ids_, map(float, decision.evidence)))
    explain(matches, statuses, evidence, matcher.calibration_["threshold"])
    for rows in plan_answers.values():
        for m in rows:
            terms = f";共同关键词:{m.shared_terms}" if m.shared_terms else ""
            if m.decision == "planned_only":
                m.reason = "只在下一步计划中回应(将/拟/计划/下一步),尚无已做的整改" + terms
            elif m.decision == "weak":  # 高度重视…,将进一步加强…: the plan place answers with words only
                m.reason = "对应内容只有表态(高度重视、深刻认识、将进一步加强),没有数量、时间、文件或具体动作" + terms
    reviewed = {d.issue_id: d.status for d in mine if d.action == "status" and d.issue_id in statuses}
    return Review(issues=list(issue_list.issues), matches=matches, flags=flags, statuses=statuses, reviewed=reviewed)


def _plan_answers(matcher, decision, targets: list[Target], report: DocumentResult,
                  forward: frozenset[int], plan_paragraphs: list[Target]) -> dict[str, list[Match]]:
    """Unanswered issues that the report's plans answer: the issue's plan rows (not addressed).
    ``plan_paragraphs``: the plan paragraphs of a report in themed prose (found with ``targets``).

    The plans (planned measures, the forward-looking part) are never answer targets; an issue the
    matcher leaves unanswered is judged again with them added, and when its best place is then a
    plan, the report speaks of it only as a plan (planned_only, not unaddressed).
    """
    # and a problem about earlier findings, whose answer may be dropped yet (pipeline.matching.earlier.source_answers)
    earlier = {i for i, text in enumerate(matcher.issue_texts_) if about_earlier_findings(text)}
    open_rows = [i for i, ok in enumerate(decision.addressed) if not ok or i in earlier]
    plans = [m for m in report.measures if m.status == "planned" or m.section_id in forward]
    planned_at = {m.start for m in plans}
    parents = {s.parent_id for s in report.sections}
    plan_heads = [s for s in report.sections  # the plans part's own items (三、下一步… (一)…), not measures
                  if s.section_id in forward and s.section_id not in parents and s.start not in planned_at]
    plan_rows = [(k, row) for k, row in enumerate(ledger_rows(report.text)) if row.status == "planned"]  # 台账: 计划…
    if not open_rows or not (plans or plan_heads or plan_rows or plan_paragraphs):
        return {}
    plan_targets = [Target("measure", m.measure_id, m.start, m.end, m.section_id, -1,
                           report.text[m.start:m.end], "planned") for m in plans]
    plan_targets += [Target("section", s.section_id, s.start, s.body_end, s.section_id, -1,
                            report.text[s.start:s.body_end], "planned") for s in plan_heads]
    plan_targets += [Target("row", k, row.start, row.end, None, -1, report.text[row.start:row.end], "planned")
                     for k, row in plan_rows]
    plan_targets += plan_paragraphs
    every = targets + plan_targets
    second = matcher.decide(every)

    def plan_match(i: int, j: int) -> Match:  # a plan is not an answer: not addressed (the issue stays unanswered
        t = every[j]  # for evaluation), no rank
        return Match(matcher.issue_ids_[i], report.doc_id or "", t.kind, t.target_id,
                     round(float(second.rank_scores[i, j]), 6), None, False,
                     similarity=round(float(second.scores[i, j]), 6), target_start=t.start, target_end=t.end)

    out: dict[str, list[Match]] = {}
    for i in open_rows:
        best = int(second.ranking[i, 0]) if second.ranking.shape[1] else -1
        if best < len(targets) or not second.addressed[i] or decision.addressed[i]:
            # 上轮巡察反馈问题整改不彻底 shares only rectification's words with any place: a plan that names the earlier
            # findings' source (对上轮巡察反馈的19个问题开展“回头看”, 拟于9月上旬启动) is its answer, as answers are
            # (pipeline.matching.earlier); the best-ranked such plan, ranked above nothing
            named = None if i not in earlier else earlier_plan(
                matcher.issue_texts_[i], [every[j] for j in second.ranking[i]], report.text,
                [float(second.rank_scores[i, j]) for j in second.ranking[i]])
            if named is not None:
                out[matcher.issue_ids_[i]] = [plan_match(i, int(second.ranking[i][named]))]
            continue
        rows = [plan_match(i, j) for r, j in enumerate(second.ranking[i])
                if j >= len(targets) and second.ranked_addressed[i, r]]
        if rows:
            out[matcher.issue_ids_[i]] = rows
    return out


# --------------------------------------------------------------------------- identity


def _copies(records: list) -> list:
    """Shallow copies of records, as ``dataclasses.replace`` makes them, without its per-field
    bookkeeping (a tenth of the time: a long list's review has some 50,000 records)."""
    if not records or any(type(r) is not type(records[0]) for r in records):
        return [replace(r) for r in records]
    cls = type(records[0])
    names = [f.name for f in fields(cls)]
    if len(names) < 2 or not all(f.init for f in fields(cls)):  # positional __init__ takes every field
        return [replace(r) for r in records]
    values = attrgetter(*names)
    return [cls(*values(r)) for r in records]


def _copy(one: Review) -> Review:
    """The review as review.html reads it (flags keep the document their offsets point into)."""
    return Review(list(one.issues), _copies(one.matches), _copies(one.flags), dict(one.statuses), dict(one.reviewed))


def _identified(one: Review, list_id: str, report: DocumentResult) -> Review:
    """Every issue, match and flag of one review names its list and its report (a batch keeps them apart).

    Each issue copy carries its verdict (``status``): a batch's problems share ids across lists.
    """
    one.issues = _copies(one.issues)
    for issue in one.issues:
        issue.list_doc_id, issue.doc_id = list_id, report.doc_id
        issue.extra = {**issue.extra, "status": one.statuses.get(issue.issue_id)}
    for match in one.matches:
        match.list_doc_id = list_id
    for flag in one.flags:
        flag.list_doc_id = list_id
        flag.doc_id = report.doc_id  # the report judged (offsets of unaddressed issues point into the list)
    return one


def _list_flags(issue_list: IssueList) -> list[Flag]:
    """The list's own warnings (issue_count_mismatch), named by the list; they judge no report."""
    return [replace(f, list_doc_id=list_doc_id(issue_list), doc_id=None) for f in issue_list.flags]


def _unreviewed(issue_list: IssueList, report: DocumentResult | None) -> list[Issue]:
    """The list's issues for a report whose review failed or never ran: still data worth keeping."""
    doc_id = report.doc_id if report is not None else None
    return [replace(i, list_doc_id=list_doc_id(issue_list), doc_id=doc_id) for i in issue_list.issues]


def _role_flag(doc: DocumentResult, list_id: str | None, message: str, severity: str = "medium") -> Flag:
    return Flag(doc.doc_id, None, "role_mismatch", severity, message, list_doc_id=list_id)


def _merge(merged: Review, one: Review) -> None:
    merged.issues.extend(one.issues)
    merged.matches.extend(one.matches)
    merged.flags.extend(one.flags)


def _guarded(run, report: DocumentResult, errors: list[ErrorRecord]) -> Review | None:
    """Run one review; an unexpected failure becomes an errors row instead of sinking the batch."""
    try:
        return run()
    except Exception as exc:  # reported with its type and message, never hidden
        errors.append(ErrorRecord(report.path, "match", type(exc).__name__, f"internal error while matching: {exc}"))
        return None


@dataclass(slots=True)
class ReviewRun:
    """What one review run produced: the merged review, and the inputs that failed."""

    review: Review
    errors: list[ErrorRecord] = field(default_factory=list)
    issue_list: IssueList | None = None  # the list given (its source document, when it is one)
    pairs: list[PairReview] = field(default_factory=list)  # each (list, report) review, for the reviewer's report
    notes: list[str] = field(default_factory=list)  # fallbacks taken (a forked review redone here)


def issue_list_from_text(text: str) -> IssueList:
    """An issue list from feedback text given as a string (the API's convenience)."""
    source = analyze_text(text, path="<issues>")
    return issue_list_of_document(source)


def run_review(
    reports: list[DocumentResult],
    *,
    issues: IssueList | str | os.PathLike | None = None,
    matcher=None,
    decisions: Decisions | None = None,
    table_options: dict | None = None,
    reports_given: bool = False,
    duplicates: Sequence[tuple[str, str]] = (),
    processes: int = 1,
) -> ReviewRun:
    """The one review path: ``zhenggai match``, ``zhenggai run`` and the API all call this.

    With ``issues`` (a loaded list or a path to load), every readable report that is not a
    feedback document is matched against it (the matcher is fitted once).  Without it,
    each progress report is paired with the feedback of the same inspected unit among
    ``reports``; the unpaired documents become ``unpaired`` flags.  A list that cannot
    be read, or a review that fails, becomes an errors row; the rest goes on.

    ``reports_given`` says the caller named the reports (``match --report``): they are
    matched whatever their kind.  Documents in the wrong role (a progress report as the
    list, a feedback document as the report) get a ``role_mismatch`` flag.  Every
    (list, report) reviewed is a row of ``pairs`` saying how it was chosen.

    Each content is reviewed once: a report with the doc_id of an earlier one (the same file
    under two paths), or one in ``duplicates`` ((path, doc_id) of copies the caller did not
    read again), is left out and named by a ``duplicate`` flag and in its twin's pairs row.

    ``processes`` above 1 reviews the reports on that many cores (forked processes, see
    :func:`pipeline.forked.forked_map`): the same review, in the same order, as one process gives.
    """
    with collection_paused():  # a long list's records: no cycles, all alive until written
        return _run_review(reports, issues, matcher, decisions, table_options, reports_given, duplicates,
                           processes)


def _run_review(reports: list[DocumentResult], issues, matcher, decisions: Decisions | None,
                table_options: dict | None, reports_given: bool, duplicates: Sequence[tuple[str, str]],
                processes: int) -> ReviewRun:
    reports, copies = _distinct(reports, duplicates)
    errors: list[ErrorRecord] = []
    if issues is not None and not isinstance(issues, IssueList):
        try:
            issues = load_issue_list(issues, table_options=table_options)
        except InputError as exc:
            errors.append(ErrorRecord(str(issues), exc.stage, exc.error_type, exc.reason))
            return ReviewRun(Review(), errors)
    done = ReviewRun(Review(), errors, issues)
    if issues is not None:
        errors.extend(issues.errors)
        done.review = _review_against_list(issues, reports, done, matcher, decisions, reports_given, processes)
    else:
        done.review = _review_pairs(reports, done, decisions, processes)
    _name_copies(done.review, reports, copies)
    return done


def _reviews(jobs: list, one, done: ReviewRun, processes: int) -> list[tuple[Review | None, list[ErrorRecord]]]:
    """``one(job)`` for every job, guarded (a failure is an errors row of its report), on ``processes``
    cores; each job's review and errors, in order."""
    def guarded(job):
        errors: list[ErrorRecord] = []
        return _guarded(lambda: one(job), job[-1], errors), errors

    values, failures = forked_map(guarded, jobs, processes=processes)
    done.notes.extend(f"reports were reviewed again by the main process: the process reviewing them failed ({why})"
                      for why in failures)
    return values


def _distinct(reports: list[DocumentResult], duplicates: Sequence[tuple[str, str]]
              ) -> tuple[list[DocumentResult], list[tuple[str, str]]]:
    """The reports with each content once, and (path, doc_id) of every copy left out.

    A batch lists a copy once in its document tables (same doc_id); reviewing it again would
    repeat every issue, match and flag of its twin and write the same review.html twice.
    """
    kept: list[DocumentResult] = []
    copies = list(duplicates)
    seen: set[str] = set()
    for report in reports:
        if report.error is None and report.doc_id:
            if report.doc_id in seen:
                copies.append((report.path, report.doc_id))
                continue
            seen.add(report.doc_id)
        kept.append(report)
    return kept, copies


def _name_copies(merged: Review, reports: list[DocumentResult], copies: list[tuple[str, str]]) -> None:
    """A ``duplicate`` flag per copy left out, and the copies named in their twin's pairs rows."""
    first = {r.doc_id: r for r in reports if r.error is None and r.doc_id}  # one each, after _distinct
    by_id: dict[str, list[str]] = {}
    for path, doc_id in copies:
        by_id.setdefault(doc_id, []).append(path)
        twin = first.get(doc_id)
        listed = twin is not None and twin.meta.kind == "feedback"  # a feedback is named as a list, like unpaired
        merged.flags.append(Flag(
            None if listed else doc_id, None, "duplicate", "info",
            f"{path}: same content as {twin.path if twin is not None else 'an earlier input'} (same doc_id): "
            "reviewed once, under that path",
            list_doc_id=doc_id if listed else None))
    for pair in merged.pairs:
        also = [p for doc_id in dict.fromkeys((pair.list_doc_id, pair.doc_id)) for p in by_id.get(doc_id, ())]
        if also:
            pair.reason = "; ".join(filter(None, [pair.reason, f"the same content is also at {', '.join(also)} "
                                                                "(reviewed once)"]))


def _review_against_list(issue_list: IssueList, reports: list[DocumentResult], done: ReviewRun,
                         matcher, decisions: Decisions | None, reports_given: bool, processes: int) -> Review:
    merged = Review(flags=_list_flags(issue_list))
    list_id = list_doc_id(issue_list)
    source = issue_list.source
    if source is not None and source.meta.kind == "progress":
        merged.flags.append(_role_flag(
            source, list_id,
            f"{issue_list.path}: the issue list is a progress report; its restated problems are used as the issues "
            "(was it meant as the report?)"))
    targets = []
    for report in (r for r in reports if r.error is None):
        if report.meta.kind != "feedback" or reports_given:
            targets.append(report)
        if report.meta.kind == "feedback" and (source is None or report.doc_id != source.doc_id):
            merged.flags.append(_role_flag(
                report, list_id,
                f"{report.path}: a feedback document given as the report (were the issue list and the report swapped?)"
                if reports_given else f"{report.path}: a feedback document among the reports, not matched against the list",
                "medium" if reports_given else "info"))
    if not targets:
        merged.issues = _unreviewed(issue_list, None)
        return merged
    fitted = (matcher if matcher is not None else IssueMatcher()).fit(issue_list.issues)  # once for every report
    reviewed = _reviews([(report,) for report in targets],
                        lambda job: review(issue_list, job[0], matcher=fitted, fitted=True, decisions=decisions),
                        done, processes)
    for report, (one, errors) in zip(targets, reviewed):
        merged.pairs.append(Pair(list_id, report.doc_id, issue_list.path, report.path, "given",
                                 reason="the issue list given for every report"))
        done.errors.extend(errors)
        if one is None:
            merged.issues.extend(_unreviewed(issue_list, report))
            continue
        done.pairs.append(PairReview(issue_list, report, _copy(one), list_id))
        _merge(merged, _identified(one, list_id, report))
    return merged


def _review_pairs(results: list[DocumentResult], done: ReviewRun, decisions: Decisions | None,
                  processes: int) -> Review:
    lists: dict[str, IssueList] = {}  # each feedback's list is read once

    def list_of(fb: DocumentResult) -> IssueList:
        if fb.doc_id not in lists:
            lists[fb.doc_id] = issue_list_of_document(fb)
        return lists[fb.doc_id]

    pairings, unpaired = choose_pairs(results, has_issue_list=lambda fb: bool(list_of(fb).issues))
    jobs = [(list_of(p.feedback), p.report) for p in pairings if list_of(p.feedback).issues]
    reviewed = iter(_reviews(jobs, lambda job: review(job[0], job[1], decisions=decisions), done, processes))
    merged = Review()
    flagged: set[str] = set()  # a list's own warnings once, however many reports it is paired with
    for pairing in pairings:
        fb, report = pairing.feedback, pairing.report
        issue_list = list_of(fb)
        merged.pairs.append(pairing.row)
        if fb.doc_id not in flagged:
            flagged.add(fb.doc_id)
            merged.flags.extend(_list_flags(issue_list))
        if not issue_list.issues:
            merged.flags.append(Flag(report.doc_id, None, "no_issue_list", "medium",
                                     f"{fb.path}: feedback without a readable issue list", list_doc_id=fb.doc_id))
            continue
        one, errors = next(reviewed)
        done.errors.extend(errors)
        if one is None:  # the list itself is still data worth keeping
            merged.issues.extend(_unreviewed(issue_list, report))
            continue
        list_id = list_doc_id(issue_list)
        done.pairs.append(PairReview(issue_list, report, _copy(one), list_id))
        _merge(merged, _identified(one, list_id, report))
    for doc, reason in unpaired:
        merged.flags.append(Flag(
            doc.doc_id if doc.meta.kind == "progress" else None, None, "unpaired", "info",
            f"{doc.path}: {doc.meta.kind} document left unpaired: {reason}",
            list_doc_id=doc.doc_id if doc.meta.kind == "feedback" else None))
    return merged
