"""Alignment scoring against ``*.alignment.json`` gold (gap detection and ranking).

Hit rule (documented choice): a predicted target is a hit for an issue when it is one of
the gold ``addressed_by`` places:

* a section whose heading start equals a gold heading's start;
* a measure whose start equals a gold measure's start;
* and, leniently, a measure lying inside a gold heading's section (the gold names the
  whole heading, so each of its measures answers the issue), or a heading whose section
  contains a gold measure (the heading is the measure's own answer heading).

Gap detection scores the issues predicted unaddressed against the gold ones (empty
``addressed_by``).  hit@1, recall@3 (some hit among the top 3) and MRR (1 / rank of the
first hit among the emitted ranks, 0 if none) are over the gold-addressed issues.  A gold
whose problems carry ``manifestations`` (具体表现 sub-items, ids "3.1" …) gets the same
figures for them under ``manifestations``, apart from the problems' own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from pipeline.normalize import normalize
from pipeline.records import Measure, Section


def _ends_at_next_heading(starts_levels: list[tuple[int, int]], default: int) -> list[int]:
    """End of each heading (given in text order) at the next heading at or above its level."""
    ends = []
    for k, (_, level) in enumerate(starts_levels):
        ends.append(next((s for s, lv in starts_levels[k + 1:] if lv <= level), default))
    return ends


def _section_extents(sections_df: pd.DataFrame) -> dict[int, tuple[int, int]]:
    """(start, body_end) per section id; a table without ``body_end`` ends each heading at the next one."""
    rows = sections_df.sort_values("start").to_dict("records")
    fallback = _ends_at_next_heading([(r["start"], r["level"]) for r in rows], 10**12)
    out = {}
    for r, end in zip(rows, fallback):
        be = r.get("body_end")
        out[int(r["section_id"])] = (int(r["start"]), int(end if be is None or pd.isna(be) else be))
    return out


def _gold_places(entry: dict, ext_by_start: dict[int, tuple[int, int]]):
    """(kind, start, extent) per gold place; extent is the heading's section extent."""
    places = []
    for p in entry.get("addressed_by", []):
        if "measure" in p:
            places.append(("measure", int(p["start"]), None))
        else:
            places.append(("section", int(p["start"]), ext_by_start.get(int(p["start"]))))
    return places


def _is_hit(kind: str, start: int, extent: tuple[int, int] | None, places) -> bool:
    for gk, gs, gext in places:
        if gk == "section":
            if kind == "section" and start == gs:
                return True
            if kind == "measure" and gext is not None and gext[0] <= start < gext[1]:
                return True
        else:
            if kind == "measure" and start == gs:
                return True
            if kind == "section" and extent is not None and extent[0] <= gs < extent[1]:
                return True
    return False


def evaluate_alignment(issues_df: pd.DataFrame, matches_df: pd.DataFrame, sections_df: pd.DataFrame,
                       measures_df: pd.DataFrame, gold_alignment_path) -> dict:
    """Gap precision/recall, hit@1, recall@3 and MRR of ``matches_df`` against the gold."""
    gold = json.loads(Path(gold_alignment_path).read_text(encoding="utf-8"))
    issues_df, problem = _issues_of_gold_list(issues_df, gold)
    if problem:
        return {"error": problem}
    ext = _section_extents(sections_df)
    ext_by_start = {s: (s, e) for s, e in ext.values()}
    m_start = {int(r["measure_id"]): int(r["start"]) for r in measures_df.to_dict("records")}
    ids = set(str(x) for x in issues_df["issue_id"])
    by_issue: dict[str, list[dict]] = {}
    for r in matches_df.to_dict("records"):
        if pd.isna(r["rank"]):  # a plan row (the 下一步 part speaks of an unanswered problem): no candidate
            continue
        by_issue.setdefault(str(r["issue_id"]), []).append(r)
    res = _score_entries(gold["issues"], by_issue, ids, ext, ext_by_start, m_start)
    subs = [x for e in gold["issues"] for x in e.get("manifestations", [])]
    if subs:  # sub-item (具体表现) gold: the same figures, kept apart from the problems'
        res["manifestations"] = _score_entries(subs, by_issue, ids, ext, ext_by_start, m_start)
    return res


def _score_entries(entries: list[dict], by_issue: dict, ids: set, ext: dict, ext_by_start: dict,
                   m_start: dict) -> dict:
    """Gap detection and ranking figures over one level of gold entries."""
    gold_gap, pred_gap = set(), set()
    hit1 = rec3 = 0
    rr = 0.0
    n_addr = 0
    per_issue = {}
    for entry in entries:
        iid = str(entry["id"])
        rows = sorted(by_issue.get(iid, []), key=lambda r: r["rank"])
        addressed_pred = any(bool(r.get("addressed")) for r in rows)
        if iid not in ids or not addressed_pred:
            pred_gap.add(iid)
        places = _gold_places(entry, ext_by_start)
        if not places:
            gold_gap.add(iid)
            per_issue[iid] = {"gold": "unaddressed", "predicted_addressed": addressed_pred}
            continue
        n_addr += 1
        first = None
        for r in rows:
            kind = r["target_kind"]
            tid = int(r["target_id"])
            start = ext[tid][0] if kind == "section" else m_start.get(tid, -1)
            extent = ext.get(tid) if kind == "section" else None
            if _is_hit(kind, start, extent, places):
                first = int(r["rank"])
                break
        hit1 += first == 1
        rec3 += first is not None and first <= 3
        rr += 1.0 / first if first else 0.0
        per_issue[iid] = {"gold": "addressed", "first_hit_rank": first, "predicted_addressed": addressed_pred}
    tp = len(gold_gap & pred_gap)
    precision = tp / len(pred_gap) if pred_gap else (1.0 if not gold_gap else 0.0)
    recall = tp / len(gold_gap) if gold_gap else 1.0
    return {
        "n_issues": len(entries),
        "n_addressed": n_addr,
        "gap_precision": precision,
        "gap_recall": recall,
        "gap_predicted": sorted(pred_gap, key=_id_key),
        "gap_gold": sorted(gold_gap, key=_id_key),
        "hit_at_1": hit1 / n_addr if n_addr else 0.0,
        "hits_at_1": hit1,
        "recall_at_3": rec3 / n_addr if n_addr else 0.0,
        "hits_at_3": rec3,
        "mrr": rr / n_addr if n_addr else 0.0,
        "per_issue": per_issue,
    }


_TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xlsm", ".xls")


def _issues_of_gold_list(issues_df: pd.DataFrame, gold: dict) -> tuple[pd.DataFrame, str | None]:
    """The issues of the list the gold annotates, or a reason why the run holds none.

    A CSV/XLSX problem list has no document row, so its issues are recognised by their
    ``source_doc_id`` (the table's file name): a gold for a table scores only that table's
    issues, and a gold for a feedback document never scores a table's issues (ids 1..n of two
    different lists would otherwise be compared).
    """
    if "source_doc_id" not in issues_df.columns or issues_df.empty:
        return issues_df, None
    name = Path(str(gold.get("feedback") or "")).name
    sources = set(issues_df["source_doc_id"].dropna().astype(str))
    from_tables = {s for s in sources if s.lower().endswith(_TABLE_SUFFIXES)}
    if name.lower().endswith(_TABLE_SUFFIXES):
        kept = issues_df[issues_df["source_doc_id"].astype(str) == name]
        return (kept, None) if len(kept) else (kept, f"the run holds no issues from {name}")
    if from_tables and from_tables == sources:
        return issues_df, f"the run's issues come from {', '.join(sorted(from_tables))}, not from {name}"
    # the feedback document may be absent from the run (eval cannot filter by it): the list
    # must still be the gold's own, judged by the texts under the gold's ids
    text_of = dict(zip(issues_df["issue_id"].astype(str), issues_df["text"].astype(str))) \
        if "text" in issues_df.columns else {}
    entries = [e for e in gold.get("issues", []) if e.get("text")]
    same = sum(_same_text(text_of.get(str(e["id"]), ""), e["text"]) for e in entries)
    if entries and text_of and same * 2 < len(entries):
        return issues_df, f"the run's issue list is not {name} ({same} of {len(entries)} issue texts agree)"
    return issues_df, None


def _same_text(found: str, gold: str) -> bool:
    """The gold's issue under its id: equal, or one inside the other (a list's spans may leave out
    the marker, the closing 。 or the 具体表现 of a problem that the gold's span includes)."""
    a, b = normalize(found).strip(), normalize(gold).strip()
    return bool(a) and (a == b or a in b or b in a)


def _id_key(x: str):
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in x.split("."))


def structure_from_gold(gold_path) -> tuple[list[Section], list[Measure]]:
    """Sections and measures rebuilt from a ``*.gold.json`` (a stand-in for development and tests).

    Measures answer the heading named last in their ``problem_path``; a paragraph measure
    (no 一是 list) answers its own heading.
    """
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    outline = gold["outline"]
    n_chars = max(o["end"] for o in outline) + 10**6
    sections = []
    marker_of = {"、": "cn_dun", ")": "cn_paren", ".": "arabic", "是": "shi"}
    ends = _ends_at_next_heading([(o["start"], o["level"]) for o in outline], n_chars)
    for k, (o, be) in enumerate(zip(outline, ends)):
        sections.append(Section(k, o["parent"], o["level"], o["label"], o["title"], o["start"], o["end"],
                                o["label_start"], o["label_end"], o["title_start"], o["title_end"], be,
                                marker_of.get(o["label"][-1], "other")))
    measures = []
    for k, m in enumerate(gold["measures"]):
        oi = m["outline_index"]
        sec = sections[oi]
        answer = sec.parent_id if sec.marker == "shi" else sec.section_id
        measures.append(Measure(k, answer, m["start"], m["end"], m["label"], m["title"], m["status"],
                                m.get("status_basis")))
    return sections, measures
