"""Batch pairing: which feedback document answers to which progress report, and why.

A batch may hold several feedback documents of one inspected unit (earlier rounds, a
news item next to the full feedback, a neighbouring district's unit of the same name).
Each report gets the candidate whose metadata agrees most, under hard rules:

* the inspected unit must agree (same unit key, or one contained in the other; the
  report's issuer stands in for a missing unit);
* a candidate is out when both documents name the inspecting body and the bodies
  differ (中共柳溪县委第一巡察组 and 县委第一巡察组 are one body), when both name the inspection start or the feedback date and those lie more
  than 90 days apart (another round), or when the feedback is dated after the report;
* agreement scores: unit 3 (contained 2), body 2, inspection start 2, feedback date 2,
  inspection end 1; dates within a month of each other score half (one side misread a
  nearby date); a missing value never counts as agreement.

A feedback that yields an issue list goes before one that does not (when the caller
can tell); ties go to the most recent feedback before the report, then to the feedback whose
text is closest to the report's (character bigram TF-IDF cosine), then to input
order.  Every choice is returned as a :class:`~pipeline.records.Pair` row naming the
cues that agreed, the number of candidates and the runner-up, so a reviewer can see
why.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.deferred import deferred_imports
from pipeline.document import DocumentResult
from pipeline.lang.cues import PARTY_ORGAN_END
from pipeline.records import Pair

with deferred_imports("sklearn"):
    from sklearn.feature_extraction.text import TfidfVectorizer

_PARENS = re.compile(r"[(（][^()（）]*[)）]")
_PARTY = re.compile(r"^(?:中共|中国共产党)")  # the party's name before an organ's or a team's
_WEIGHTS = {
    "unit": 3.0, "unit_contained": 2.0, "body": 2.0, "period": 2.0, "feedback_date": 2.0, "inspection_end": 1.0,
    "period_near": 1.0, "feedback_date_near": 1.0, "inspection_end_near": 0.5,
}
_NEAR_DAYS = 31  # dates this close are one event read twice
_ROUND_DAYS = 90  # dates further apart belong to another inspection round
_MIN_CONTAINED = 3  # characters a contained unit key needs (市委 inside 市委统战部 is no evidence)


def unit_key(unit: str | None) -> str | None:
    """The inspected unit without affiliates, party prefix and leadership suffix (市委统战部)."""
    if not unit:
        return None
    core = _PARTY.sub("", _PARENS.sub("", unit))
    core = PARTY_ORGAN_END.sub("", core)
    return core.strip() or None


def same_body(a: str, b: str) -> bool:
    """One inspecting body written two ways: with and without the party prefix and the place (中共柳溪县委第一巡察组,
    县委第一巡察组): equal once the prefix is off, or one the other's end with its team number."""
    a, b = (_PARTY.sub("", x).strip() for x in (a, b))
    short, long_ = sorted((a, b), key=len)
    return a == b or (long_.endswith(short) and bool(re.search(r"第[一二三四五六七八九十\d]+(?:巡视|巡察)组$", short)))


def _days_apart(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)
    except ValueError:
        return None if a[:7] != b[:7] else 0


def _report_units(report: DocumentResult) -> list[str]:
    """The report's names of its own unit: the inspected unit it names, and its issuer (中共澄州市交通投资集团有限公司
    委员会), which stands in for a unit named by a short form only (集团党委, 局党组)."""
    return list(dict.fromkeys(k for k in (unit_key(report.meta.inspected_unit), unit_key(report.meta.issuer)) if k))


def _feedback_day(fb: DocumentResult) -> str | None:
    m = fb.meta
    return m.feedback_date or m.report_date or m.inspection_end or m.inspection_start


@dataclass(slots=True)
class Candidate:
    feedback: DocumentResult
    index: int  # input order, the last tie-break
    score: float = 0.0
    basis: tuple[str, ...] = ()
    content: float = 0.0  # text similarity to the report (only computed to break ties)
    usable: bool = True  # the feedback yields an issue list (only asked to break ties)


def evidence(fb: DocumentResult, report: DocumentResult) -> tuple[float, tuple[str, ...]] | str:
    """(score, agreeing cues) for a feedback/report pair, or why the pair is impossible."""
    f, r = fb.meta, report.meta
    keys_r, key_f = _report_units(report), unit_key(f.inspected_unit)
    if not keys_r or not key_f:
        return "inspected unit unknown"
    basis: list[str] = []
    if key_f in keys_r:
        basis.append("unit")
    elif any(min(len(k), len(key_f)) >= _MIN_CONTAINED and (k in key_f or key_f in k) for k in keys_r):
        basis.append("unit_contained")
    else:
        return f"other unit ({key_f})"
    if f.inspecting_body and r.inspecting_body:
        if not same_body(f.inspecting_body, r.inspecting_body):
            return f"other inspecting body ({f.inspecting_body})"
        basis.append("body")
    for name, field_name in (("period", "inspection_start"), ("feedback_date", "feedback_date"), ("inspection_end", "inspection_end")):
        a, b = getattr(f, field_name), getattr(r, field_name)
        gap = _days_apart(a, b)
        if gap is None:
            continue
        if gap == 0:
            basis.append(name)
        elif gap <= _NEAR_DAYS:  # one side misread a nearby date (动员会 on the 14th for 反馈 on the 12th)
            basis.append(name + "_near")
        elif gap > _ROUND_DAYS and name != "inspection_end":
            return f"another inspection ({field_name} {a}, the report says {b})"
    day = _feedback_day(fb)
    if day and r.report_date and day[:10] > r.report_date[:10]:
        return f"dated {day} after the report ({r.report_date})"
    return sum(_WEIGHTS[b] for b in basis), tuple(basis)


def _content_similarity(report: DocumentResult, candidates: list[Candidate]) -> None:
    texts = [report.text] + [c.feedback.text for c in candidates]
    # imported here: sklearn.metrics imports scipy.stats (0.45 s), which only pairing by content needs
    from sklearn.metrics.pairwise import cosine_similarity

    matrix = TfidfVectorizer(analyzer="char", ngram_range=(2, 2), sublinear_tf=True).fit_transform(texts)
    for candidate, value in zip(candidates, cosine_similarity(matrix[0], matrix[1:])[0]):
        candidate.content = round(float(value), 4)


def _rank_key(candidate: Candidate):
    day = _feedback_day(candidate.feedback) or ""
    return (not candidate.usable, -candidate.score, _negate(day) if day else "~", -candidate.content, candidate.index)


def _negate(day: str) -> str:
    # later days sort first: map each digit d to 9-d
    return day.translate(str.maketrans("0123456789", "9876543210"))


def _reason(chosen: Candidate, report: DocumentResult, n: int, runner_up: Candidate | None) -> str:
    m = chosen.feedback.meta
    cues = {
        "unit": f"same inspected unit ({unit_key(m.inspected_unit)})",
        "unit_contained": f"inspected unit {unit_key(m.inspected_unit)} ~ {' / '.join(_report_units(report))}",
        "body": f"same inspecting body ({m.inspecting_body})",
        "period": f"same inspection start ({m.inspection_start})",
        "feedback_date": f"same feedback date ({m.feedback_date})",
        "inspection_end": f"same inspection end ({m.inspection_end})",
        "period_near": f"inspection start {m.inspection_start} against {report.meta.inspection_start}",
        "feedback_date_near": f"feedback date {m.feedback_date} against {report.meta.feedback_date}",
        "inspection_end_near": f"inspection end {m.inspection_end} against {report.meta.inspection_end}",
    }
    text = "; ".join(cues[b] for b in chosen.basis)
    if runner_up is not None:
        if chosen.usable and not runner_up.usable:
            why = "the other has no readable issue list"
        elif runner_up.score < chosen.score:
            why = f"score {chosen.score:g} against {runner_up.score:g}"
        elif _feedback_day(chosen.feedback) != _feedback_day(runner_up.feedback):
            why = f"equal score {chosen.score:g}; the more recent feedback before the report"
        elif chosen.content != runner_up.content:
            why = f"equal score {chosen.score:g}; text closer to the report ({chosen.content:.2f} against {runner_up.content:.2f})"
        else:
            why = f"equal score {chosen.score:g} and equal evidence; the first in input order"
        text += f". Chosen among {n} candidates over {runner_up.feedback.path} ({why})"
    return text


def _same_unit(key: str | None, by_unit: dict[str, list[int]]) -> list[int]:
    """Feedback indices whose unit key equals ``key`` or contains it (or the reverse), in input order."""
    if not key:
        return []
    found = list(by_unit.get(key, ()))
    if len(key) >= _MIN_CONTAINED:
        for other, indices in by_unit.items():
            if other != key and len(other) >= _MIN_CONTAINED and (key in other or other in key):
                found.extend(indices)
    return sorted(found)


@dataclass(slots=True)
class Pairing:
    """One feedback paired with one report, and the ``pairs`` row that explains it."""

    feedback: DocumentResult
    report: DocumentResult
    row: Pair


def choose_pairs(
    results: list[DocumentResult], *, has_issue_list: Callable[[DocumentResult], bool] | None = None
) -> tuple[list[Pairing], list[tuple[DocumentResult, str]]]:
    """Pair each progress report with its feedback; the unpaired documents come back with the reason.

    ``has_issue_list`` (asked only when a report has several candidates) puts the feedback
    that yields an issue list first: a news item naming the inspection but no problems
    cannot be reviewed against.
    """
    feedback = [r for r in results if r.error is None and r.meta.kind == "feedback"]
    progress = [r for r in results if r.error is None and r.meta.kind == "progress"]
    pairings: list[Pairing] = []
    unpaired: list[tuple[DocumentResult, str]] = []
    used: set[int] = set()
    passed_over: dict[int, list[str]] = {}  # feedback index -> why it was not chosen for a report of its unit
    by_unit: dict[str, list[int]] = {}  # a batch of thousands compares each report with its unit's feedback only
    for i, fb in enumerate(feedback):
        key = unit_key(fb.meta.inspected_unit)
        if key:
            by_unit.setdefault(key, []).append(i)
    for report in progress:
        candidates, refused = [], []
        for i in sorted({i for key in _report_units(report) for i in _same_unit(key, by_unit)}):
            fb = feedback[i]
            found = evidence(fb, report)
            if isinstance(found, str):
                if not found.startswith(("other unit", "inspected unit unknown")):
                    refused.append(f"{fb.path}: {found}")
                    passed_over.setdefault(i, []).append(f"{report.path}: {found}")
                continue
            candidates.append(Candidate(fb, i, found[0], found[1]))
        if not candidates:
            unit = report.meta.inspected_unit or report.meta.issuer or "unknown"
            reason = f"no feedback of the same inspected unit ({unit}) in this batch"
            if refused:
                reason += "; refused: " + "; ".join(refused)
            unpaired.append((report, reason))
            continue
        if len(candidates) > 1:
            _content_similarity(report, candidates)
            if has_issue_list is not None:
                for candidate in candidates:
                    candidate.usable = has_issue_list(candidate.feedback)
        candidates.sort(key=_rank_key)
        chosen = candidates[0]
        runner_up = candidates[1] if len(candidates) > 1 else None
        used.add(chosen.index)
        for other in candidates[1:]:
            passed_over.setdefault(other.index, []).append(
                f"{report.path} was paired with {chosen.feedback.path} (score {chosen.score:g} against {other.score:g})")
        row = Pair(
            list_doc_id=chosen.feedback.doc_id, doc_id=report.doc_id, list_path=chosen.feedback.path,
            report_path=report.path, how="paired", score=chosen.score, basis="+".join(chosen.basis),
            reason=_reason(chosen, report, len(candidates), runner_up), n_candidates=len(candidates),
            runner_up_doc_id=runner_up.feedback.doc_id if runner_up else None,
            runner_up_score=runner_up.score if runner_up else None,
        )
        pairings.append(Pairing(chosen.feedback, report, row))
    for i, fb in enumerate(feedback):
        if i in used:
            continue
        reason = f"no progress report of the same inspected unit ({fb.meta.inspected_unit or 'unknown'}) in this batch"
        if i in passed_over:
            reason = "no progress report paired: " + "; ".join(passed_over[i])
        unpaired.append((fb, reason))
    return pairings, unpaired


def pair_documents(results: list[DocumentResult]) -> tuple[list[tuple[DocumentResult, DocumentResult]], list[DocumentResult]]:
    """(feedback, progress) pairs of the same inspected unit and inspection, and the unpaired documents."""
    pairings, unpaired = choose_pairs(results)
    return [(p.feedback, p.report) for p in pairings], [doc for doc, _ in unpaired]
