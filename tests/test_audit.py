"""Gap audit flags on the real report and on small hand-made tables."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest

from pipeline.matching.audit import audit, flag_claim_arithmetic, flag_orphan_measures, flag_overdue_deadlines, \
    flag_weak_and_planned
from pipeline.matching.issues import issues_from_feedback
from pipeline.matching.matcher import IssueMatcher
from pipeline.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "corpus" / "progress_cq_tzb_2022.txt"
EXAMPLE = ROOT / "corpus" / "feedback_cq_tzb_2022_example.txt"


def _df(rows, **extra) -> pd.DataFrame:
    return pd.DataFrame([{**extra, **asdict(r)} for r in rows])


@lru_cache(maxsize=1)
def _real_tables() -> dict:
    outline = pytest.importorskip("pipeline.outline")
    measures_mod = pytest.importorskip("pipeline.extract.measures")
    claims_mod = pytest.importorskip("pipeline.extract.claims")
    text = normalize(REPORT.read_text(encoding="utf-8"))
    doc = "report"
    secs = outline.parse_outline(text)
    meas = measures_mod.extract_measures(text, secs)
    claims = []
    for c in claims_mod.extract_claims(text):
        row = asdict(c)
        row.update(row.pop("figures"))
        row["figure_spans"] = json.dumps({k: list(v) for k, v in c.figure_spans.items()})
        row["doc_id"] = doc
        claims.append(row)
    issues = issues_from_feedback(EXAMPLE.read_text(encoding="utf-8"), doc_id="feedback")
    matches = IssueMatcher().fit(issues).match(text, secs, meas, doc_id=doc)
    tables = {"documents": pd.DataFrame([{"doc_id": doc, "report_date": "2022-07-19", "kind": "progress"}]),
              "sections": _df(secs, doc_id=doc), "measures": _df(meas, doc_id=doc), "claims": pd.DataFrame(claims),
              "issues": _df(issues), "matches": _df(matches), "texts": {doc: text}}
    for name, mod, fn in (("quantities", "pipeline.extract.quantities", "extract_quantities"),
                          ("times", "pipeline.extract.times", "extract_times"),
                          ("citations", "pipeline.extract.citations", "extract_citations")):
        try:
            module = __import__(mod, fromlist=[fn])
        except ImportError:
            continue
        f = getattr(module, fn)
        rows = f(text, anchor=dt.date(2022, 7, 19)) if name == "times" else f(text)
        tables[name] = _df(rows, doc_id=doc)
    return tables


def test_audit_real_report_flags_where_text_supports():
    tables = _real_tables()
    flags = audit(tables)
    kinds = {}
    for f in flags:
        kinds.setdefault(f.kind, []).append(f)
    assert sorted(f.issue_id for f in kinds["unaddressed"]) == ["12", "7"]
    assert all(f.severity == "high" and f.doc_id == "feedback" for f in kinds["unaddressed"])
    # 12项突出问题 claimed, 10 numbered problem headings enumerated; 4个方面 = 4 aspect headings;
    # 57条措施 vs 23 enumerated items is a granularity difference, not a mismatch.
    counts = kinds["count_mismatch"]
    text = tables["texts"]["report"]
    assert [(text[f.start:f.end], "10" in f.message) for f in counts] == [("12项突出问题", True)]
    # 57 = 52 + 5: the only checkable claim adds up.
    assert "claim_arithmetic" not in kinds


def test_audit_claim_arithmetic_fires_on_inconsistent_claim():
    claims = pd.DataFrame([{"doc_id": "d", "start": 5, "end": 40, "consistent": False, "note": "完成50+基本完成5=55, 与总数57不一致"},
                           {"doc_id": "d", "start": 50, "end": 80, "consistent": True, "note": "ok"}])
    flags = flag_claim_arithmetic({"claims": claims})
    assert [(f.kind, f.start, f.end) for f in flags] == [("claim_arithmetic", 5, 40)]
    assert "57" in flags[0].message


def _mini(status: str, with_quantity: bool):
    text = "1.加强理论学习。一是进一步加强学习,不断提高认识水平。二是召开会议3次。"
    measures = pd.DataFrame([{"doc_id": "d", "measure_id": 0, "section_id": 0, "start": 9, "end": 25, "status": status,
                              "title": "进一步加强学习"}])
    sections = pd.DataFrame([{"doc_id": "d", "section_id": 0, "parent_id": None, "level": 3, "start": 0, "end": 8,
                              "body_end": len(text), "marker": "arabic"}])
    matches = pd.DataFrame([{"issue_id": "1", "doc_id": "d", "target_kind": "measure", "target_id": 0, "score": 0.3,
                             "rank": 1, "addressed": True}])
    q = pd.DataFrame([{"doc_id": "d", "start": 12, "end": 14}]) if with_quantity else pd.DataFrame()
    return {"measures": measures, "sections": sections, "matches": matches, "quantities": q, "texts": {"d": text}}


@pytest.mark.parametrize("status,with_quantity,expected", [
    ("done", False, ["weakly_addressed"]),
    ("done", True, []),
    ("planned", False, ["planned_only"]),
])
def test_audit_weak_and_planned(status, with_quantity, expected):
    assert [f.kind for f in flag_weak_and_planned(_mini(status, with_quantity))] == expected


def test_audit_overdue_deadline_needs_no_completion():
    text = "整改任务已于2022年3月底前完成报送。清理工作于2022年5月底前完成。"
    a, b = text.index("2022年3月底前"), text.index("2022年5月底前")
    times = pd.DataFrame([{"doc_id": "d", "start": a, "end": a + 10, "text": "2022年3月底前", "kind": "deadline", "date": "2022-03-31"},
                          {"doc_id": "d", "start": b, "end": b + 10, "text": "2022年5月底前", "kind": "deadline", "date": "2022-05-31"},
                          {"doc_id": "d", "start": b, "end": b + 10, "text": "x", "kind": "deadline", "date": "2022-09-30"}])
    docs = pd.DataFrame([{"doc_id": "d", "report_date": "2022-07-19"}])
    flags = flag_overdue_deadlines({"times": times, "documents": docs, "texts": {"d": text}})
    assert [(f.kind, f.start) for f in flags] == [("overdue_deadline", b)]


def test_audit_orphan_measures_are_info():
    tables = _mini("done", True)
    tables["measures"] = pd.concat([tables["measures"], pd.DataFrame([{"doc_id": "d", "measure_id": 1, "section_id": 1,
                                    "start": 25, "end": 36, "status": "done", "title": "召开会议3次"}])])
    flags = flag_orphan_measures(tables)
    assert [(f.kind, f.severity, f.start) for f in flags] == [("orphan_measure", "info", 25)]
