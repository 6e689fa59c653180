"""Reviewer decisions: accept or reject a match, set a problem's status; kept across re-runs.

A decision is keyed by what survives a re-run: the issue list's doc id (content hash of the
feedback, or of the table's problems), the issue id, and for a match the target's content key
(hash of the report text it covers) with its kind and id as a hint.  ``review.html`` exports
the file; ``zhenggai match --decisions FILE`` (and ``run --decisions``) applies it.

A decision that no longer applies (another issue list, an issue id the list no longer has, a
target that is no longer among the issue's candidates) is not dropped silently: it becomes a
``stale_decision`` flag (severity info) and the command line says how many there were.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import InputError
from pipeline.records import Flag, Match

FORMAT = "zhenggai-decisions"
STATUS_VALUES = ("addressed", "weak", "planned_only", "overdue", "unaddressed")


def target_key(text: str, start: int | None, end: int | None) -> str:
    """Content key of a report place: stable while the report's text there is unchanged."""
    piece = text[start:end] if start is not None and end is not None else ""
    return hashlib.sha256(piece.encode("utf-8")).hexdigest()[:12]


@dataclass(slots=True)
class Decision:
    list_doc_id: str
    issue_id: str
    action: str  # accept, reject, status
    target: str | None = None  # "measure:14"
    target_key: str | None = None
    status: str | None = None
    note: str = ""


@dataclass(slots=True)
class Decisions:
    items: list[Decision] = field(default_factory=list)

    def for_list(self, list_doc_id: str) -> list[Decision]:
        return [d for d in self.items if d.list_doc_id == list_doc_id]


def load_decisions(path: str | os.PathLike) -> Decisions:
    """Read a decisions file exported by review.html; raises InputError for anything else."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError("unreadable_decisions", f"{path}: {exc}", stage="decisions") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("decisions"), list):
        raise InputError("not_decisions", f"{path}: not a {FORMAT} file", stage="decisions")
    out = Decisions()
    for d in data["decisions"]:
        action = d.get("action")
        if action not in ("accept", "reject", "status") or not d.get("list_doc_id") or d.get("issue_id") is None:
            continue
        if action == "status" and d.get("status") not in STATUS_VALUES:
            continue
        out.items.append(Decision(str(d["list_doc_id"]), str(d["issue_id"]), action, d.get("target"),
                                  d.get("target_key"), d.get("status"), str(d.get("note") or "")))
    return out


def dump_decisions(decisions: list[Decision]) -> str:
    """The file format (what review.html's export writes)."""
    return json.dumps({"format": FORMAT, "version": 1, "decisions": [
        {k: v for k, v in (("list_doc_id", d.list_doc_id), ("issue_id", d.issue_id), ("action", d.action),
                           ("target", d.target), ("target_key", d.target_key), ("status", d.status),
                           ("note", d.note)) if v not in (None, "")}
        for d in decisions]}, ensure_ascii=False, indent=1)


def apply_match_decisions(decisions: list[Decision], matches: list[Match], text: str, issue_ids: set[str],
                          doc_id: str | None) -> list[Decision]:
    """Accept/reject rows in place (``addressed``, ``reviewed``); returns the decisions that did not apply."""
    stale = []
    for d in decisions:
        if d.action not in ("accept", "reject"):
            continue
        rows = [m for m in matches if m.issue_id == d.issue_id]
        hit = [m for m in rows if target_key(text, m.target_start, m.target_end) == d.target_key]
        if not hit and d.issue_id in issue_ids:
            hit = [m for m in rows if f"{m.target_kind}:{m.target_id}" == d.target and d.target_key is None]
        if not hit:
            stale.append(d)
            continue
        for m in hit:
            m.addressed = d.action == "accept"
            m.reviewed = "accepted" if d.action == "accept" else "rejected"
    return stale


def apply_status_decisions(decisions: list[Decision], statuses: dict[str, str], flags: list[Flag],
                           doc_id: str | None, severity: dict[str, str], labels: dict[str, str]) -> tuple[list[Flag], list[Decision]]:
    """A reviewer's status replaces the automatic verdict: its status flags go, the reviewer's one comes.

    Returns the new flags and the decisions that did not apply (no such problem in this list).
    """
    stale = []
    chosen: dict[str, str] = {}
    for d in decisions:
        if d.action != "status":
            continue
        if d.issue_id not in statuses:
            stale.append(d)
            continue
        chosen[d.issue_id] = d.status
    kept = [f for f in flags if not (f.issue_id in chosen and f.kind in severity)]
    for iid, status in chosen.items():
        statuses[iid] = status
        if status != "addressed":
            kept.append(Flag(doc_id, iid, status, severity[status], f"审阅人认定问题{iid}为“{labels[status]}”。"))
    return kept, stale


def stale_flags(stale: list[Decision], doc_id: str | None) -> list[Flag]:
    """Decisions that no longer apply, kept visible (severity info)."""
    out = []
    for d in stale:
        what = f"{'确认' if d.action == 'accept' else '否定'}匹配{d.target or ''}" if d.action != "status" else f"状态“{d.status}”"
        out.append(Flag(doc_id, d.issue_id, "stale_decision", "info",
                        f"审阅决定不再适用(问题{d.issue_id}:{what}):本次运行中没有对应的问题或候选,未应用。"))
    return out
