"""Gap audit: pure functions from the output tables to review flags.

Each rule is one function ``(tables) -> list[Flag]``; :func:`audit` runs them all.  A flag
carries the document and issue it concerns, a kind, a severity (high, medium, low, info),
a plain message and the offsets of its evidence (in the issue's own document for issue
flags, in the report otherwise).

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

import json
import re
from collections.abc import Callable

import pandas as pd

from pipeline.lang.cues import COMPLETED
from pipeline.lang.text import sentence_bounds
from pipeline.matching.matcher import load_lexicon
from pipeline.outline import forward_looking_sections
from pipeline.records import Flag, Section

_SENTENCE_END = "。;\n"


def _t(tables: dict[str, pd.DataFrame], name: str) -> pd.DataFrame:
    df = tables.get(name)
    return df if df is not None else pd.DataFrame()


def _spans(value) -> dict:
    if isinstance(value, dict):
        return value
    if isinstance(value, str) and value:
        try:
            return json.loads(value)
        except ValueError:
            return {}
    return {}


def _num(value):
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _leaf_issues(issues: pd.DataFrame) -> pd.DataFrame:
    """Problems to judge: level-2 issues, plus aspects / sub-items that have no children."""
    if issues.empty:
        return issues
    parents = set(issues["parent_id"].dropna().astype(str))
    ids = issues["issue_id"].astype(str)
    level = issues["level"].astype(int)
    keep = (level == 2) | (~ids.isin(parents) & (level == 1))
    return issues[keep]


def _addressed_rows(matches: pd.DataFrame) -> pd.DataFrame:
    if matches.empty or "addressed" not in matches:
        return matches.iloc[0:0] if not matches.empty else matches
    return matches[matches["addressed"].astype(bool)]


def flag_unaddressed(tables) -> list[Flag]:
    """An issue with no place of the report answering it (severity high)."""
    issues = _leaf_issues(_t(tables, "issues"))
    addressed = set(_addressed_rows(_t(tables, "matches"))["issue_id"].astype(str)) if not _t(tables, "matches").empty else set()
    out = []
    for r in issues.to_dict("records"):
        iid = str(r["issue_id"])
        if iid in addressed:
            continue
        text = str(r.get("text") or "")
        out.append(Flag(r.get("source_doc_id"), iid, "unaddressed", "high",
                        f"问题{iid}未见整改回应:报告中没有与之对应的整改内容。({text[:40]})",
                        _int(r.get("start")), _int(r.get("end"))))
    return out


def _int(v):
    n = _num(v)
    return int(n) if n is not None else None


def _inside(df: pd.DataFrame, doc_id, start: int, end: int) -> int:
    if df.empty:
        return 0
    sel = df
    if "doc_id" in df and doc_id is not None:
        sel = df[df["doc_id"] == doc_id]
    return int(((sel["start"] >= start) & (sel["end"] <= end)).sum())


def _target_spans(tables, doc_id, kind: str, target_id) -> list[tuple[int, int, str | None]]:
    """(start, end, status) of a matched target; a heading stands for its measures (or its body)."""
    measures = _t(tables, "measures")
    sections = _t(tables, "sections")
    if not measures.empty and "doc_id" in measures:
        measures = measures[measures["doc_id"] == doc_id]
    if not sections.empty and "doc_id" in sections:
        sections = sections[sections["doc_id"] == doc_id]
    if kind == "measure":
        row = measures[measures["measure_id"] == target_id]
        return [(int(x["start"]), int(x["end"]), x.get("status")) for x in row.to_dict("records")]
    under = measures[measures["section_id"] == target_id] if not measures.empty else measures
    if not under.empty:
        return [(int(x["start"]), int(x["end"]), x.get("status")) for x in under.to_dict("records")]
    row = sections[sections["section_id"] == target_id]
    out = []
    for x in row.to_dict("records"):
        end = x.get("body_end")
        end = int(end) if _num(end) is not None else int(x["end"])
        out.append((int(x["start"]), end, None))
    return out


def _report_text(tables, doc_id) -> str | None:
    texts = tables.get("texts")  # optional: {doc_id: normalized text}
    if isinstance(texts, dict):
        return texts.get(doc_id)
    return None


def flag_weak_and_planned(tables) -> list[Flag]:
    """Addressed only by generic words (weakly_addressed) or only by plans (planned_only)."""
    matches = _addressed_rows(_t(tables, "matches"))
    if matches.empty:
        return []
    concrete = re.compile("|".join(map(re.escape, load_lexicon()["concrete"])))
    out = []
    for (doc_id, iid), grp in matches.groupby(["doc_id", "issue_id"], sort=False):
        spans = []
        for r in grp.to_dict("records"):
            spans += _target_spans(tables, doc_id, r["target_kind"], r["target_id"])
        if not spans:
            continue
        if all(st == "planned" for _, _, st in spans):
            s0 = min(s for s, _, _ in spans)
            e0 = max(e for _, e, _ in spans)
            out.append(Flag(doc_id, str(iid), "planned_only", "medium",
                            f"问题{iid}只有计划性措施(将/下一步),尚无已做的整改。", s0, e0))
            continue
        text = _report_text(tables, doc_id)
        evidence = 0
        for s, e, _ in spans:
            evidence += sum(_inside(_t(tables, n), doc_id, s, e) for n in ("quantities", "times", "citations"))
            if text is not None and concrete.search(text, s, e):
                evidence += 1
        if evidence == 0:
            s0 = min(s for s, _, _ in spans)
            e0 = max(e for _, e, _ in spans)
            out.append(Flag(doc_id, str(iid), "weakly_addressed", "medium",
                            f"问题{iid}的对应措施没有数量、时间、文件或具体动作,只有原则性表述。", s0, e0))
    return out


def flag_claim_arithmetic(tables) -> list[Flag]:
    """A claim whose parts do not add up (claims.consistent is False)."""
    claims = _t(tables, "claims")
    if claims.empty or "consistent" not in claims:
        return []
    out = []
    for r in claims.to_dict("records"):
        if r.get("consistent") is False or (isinstance(r.get("consistent"), str) and r["consistent"].lower() == "false"):
            note = r.get("note") or ""
            out.append(Flag(r.get("doc_id"), None, "claim_arithmetic", "medium",
                            f"整改数字对不上:{note}".rstrip(":"), _int(r.get("start")), _int(r.get("end"))))
    return out


def _section_records(sections: pd.DataFrame) -> list[Section]:
    """Section records back from a sections table (the columns of :class:`Section`)."""
    out = []
    for r in sections.to_dict("records"):
        parent = _int(r.get("parent_id"))
        end = _int(r.get("end")) or 0
        body_end = _int(r.get("body_end"))
        out.append(Section(int(r["section_id"]), parent, int(r.get("level") or 1), str(r.get("label") or ""),
                           str(r.get("title") or ""), _int(r.get("start")) or 0, end,
                           _int(r.get("label_start")) or 0, _int(r.get("label_end")) or 0,
                           _int(r.get("title_start")) or 0, _int(r.get("title_end")) or 0,
                           body_end if body_end is not None else end, str(r.get("marker") or "other")))
    return out


def _problem_headings(tables, doc_id) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The report's numbered problem headings (answered by measures) and their aspect headings."""
    sections = _t(tables, "sections")
    measures = _t(tables, "measures")
    if sections.empty:
        return sections, sections
    if "doc_id" in sections:
        sections = sections[sections["doc_id"] == doc_id]
    if not measures.empty and "doc_id" in measures:
        measures = measures[measures["doc_id"] == doc_id]
    if not measures.empty:
        live = measures[measures["status"] != "planned"] if "status" in measures else measures
        heads = sections[sections["section_id"].isin(set(live["section_id"].dropna()))]
    else:
        heads = sections.iloc[0:0]
    text = _report_text(tables, doc_id)
    if text is not None and not heads.empty:  # never count the plans part's headings
        forward = forward_looking_sections(text, _section_records(sections))
        heads = heads[~heads["section_id"].isin(forward)]
    if not heads.empty:  # the level most answer headings sit at, and every heading of that marker there
        level = int(heads["level"].mode().iloc[0])
        marker = heads[heads["level"] == level]["marker"].mode().iloc[0] if "marker" in heads else None
        cand = sections[(sections["level"] == level)]
        if marker is not None:
            cand = cand[cand["marker"] == marker]
        parents = set(heads["parent_id"].dropna())
        heads = cand[cand["parent_id"].isin(parents)]
    aspects = sections[sections["section_id"].isin(set(heads["parent_id"].dropna()))] if not heads.empty else heads
    return heads, aspects


_COMPARABLE = {
    "prominent_problems": ("problems", "突出问题", "numbered problem headings"),
    "aspects": ("aspects", "方面", "aspect headings"),
}


def flag_count_mismatch(tables) -> list[Flag]:
    """A claimed breakdown (12项突出问题, 4个方面, 57条措施) against what the report enumerates."""
    claims = _t(tables, "claims")
    if claims.empty:
        return []
    out = []
    measures = _t(tables, "measures")
    for r in claims.to_dict("records"):
        doc_id = r.get("doc_id")
        spans = _spans(r.get("figure_spans"))
        heads, aspects = _problem_headings(tables, doc_id)
        counts = {"prominent_problems": len(heads), "aspects": len(aspects)}
        for field, (_, word, what) in _COMPARABLE.items():
            claimed = _num(r.get(field))
            if claimed is None or counts[field] == 0:
                continue
            if int(claimed) != counts[field]:
                s, e = spans.get(field, (r.get("start"), r.get("end")))
                out.append(Flag(doc_id, None, "count_mismatch", "medium",
                                f"报告称{int(claimed)}{'个' if field == 'aspects' else '项'}{word},"
                                f"但正文只列出{counts[field]}个对应标题({what})。", _int(s), _int(e)))
        claimed_m = _num(r.get("rectification_measures"))
        if claimed_m is not None and not measures.empty:
            sel = measures[measures["doc_id"] == doc_id] if "doc_id" in measures else measures
            n_enum = int((sel["status"] != "planned").sum()) if "status" in sel else len(sel)
            if n_enum > claimed_m:
                s, e = spans.get("rectification_measures", (r.get("start"), r.get("end")))
                out.append(Flag(doc_id, None, "count_mismatch", "low",
                                f"报告称{int(claimed_m)}条整改措施,但正文列举了{n_enum}项措施,多于所称总数。",
                                _int(s), _int(e)))
    return out


def flag_overdue_deadlines(tables) -> list[Flag]:
    """A deadline before the report date whose sentence states no completion."""
    times = _t(tables, "times")
    docs = _t(tables, "documents")
    if times.empty or docs.empty or "kind" not in times:
        return []
    report_date = {r["doc_id"]: r.get("report_date") for r in docs.to_dict("records")}
    out = []
    for r in times[times["kind"] == "deadline"].to_dict("records"):
        rd = report_date.get(r.get("doc_id"))
        date = r.get("date") or r.get("end_date")
        if not isinstance(rd, str) or not isinstance(date, str) or date >= rd[: len(date)]:
            continue
        text = _report_text(tables, r.get("doc_id"))
        if text is not None:
            s = sentence_bounds(text, int(r["start"]), ends=_SENTENCE_END)[0]
            e = sentence_bounds(text, int(r["end"]), ends=_SENTENCE_END)[1]
            if COMPLETED.search(text, s, e):
                continue
        out.append(Flag(r.get("doc_id"), None, "overdue_deadline", "medium",
                        f"时限{r.get('text')}早于报告日期{rd},但未说明已完成。", _int(r.get("start")), _int(r.get("end"))))
    return out


def flag_orphan_measures(tables) -> list[Flag]:
    """A (non-planned) measure that answers no issue (severity info)."""
    measures = _t(tables, "measures")
    matches = _addressed_rows(_t(tables, "matches"))
    if measures.empty or _t(tables, "matches").empty:
        return []
    docs = set(_t(tables, "matches")["doc_id"])
    used_m = set()
    used_s = set()
    for r in matches.to_dict("records"):
        (used_m if r["target_kind"] == "measure" else used_s).add((r["doc_id"], int(r["target_id"])))
    out = []
    for r in measures.to_dict("records"):
        doc_id = r.get("doc_id")
        if doc_id not in docs or r.get("status") == "planned":
            continue
        if (doc_id, int(r["measure_id"])) in used_m or (doc_id, _int(r.get("section_id"))) in used_s:
            continue
        out.append(Flag(doc_id, None, "orphan_measure", "info",
                        f"措施“{str(r.get('title') or '')[:20]}”没有对应任何反馈问题。", _int(r.get("start")), _int(r.get("end"))))
    return out


RULES: tuple[Callable[[dict], list[Flag]], ...] = (
    flag_unaddressed,
    flag_weak_and_planned,
    flag_claim_arithmetic,
    flag_count_mismatch,
    flag_overdue_deadlines,
    flag_orphan_measures,
)


def audit(tables: dict[str, pd.DataFrame]) -> list[Flag]:
    """All flags for the tables (documents, sections, measures, claims, quantities, times,
    citations, issues, matches; optionally ``texts``: {doc_id: normalized text} so that
    sentence-level cues such as concrete verbs and completion words can be read)."""
    flags: list[Flag] = []
    for rule in RULES:
        flags.extend(rule(tables))
    return flags
