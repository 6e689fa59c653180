import copy
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.evaluate import evaluate_extraction, format_report, prf, time_value_matches

ROOT = Path(__file__).resolve().parents[1]
GOLD_FILE = ROOT / "corpus" / "gold" / "progress_cq_tzb_2022.gold.json"
DOC_ID = "d1"


def _gold() -> dict:
    return json.loads(GOLD_FILE.read_text(encoding="utf-8"))


def _time_row(item: dict) -> dict:
    v = item["value"]
    row = {"doc_id": DOC_ID, "start": item["start"], "end": item["end"], "text": item["text"], "kind": item["kind"],
           "date": None, "start_date": None, "end_date": None, "every": None, "times": None, "min_times": None,
           "granularity": None, "duration": None, "composite": bool(item.get("composite"))}
    if "every" in v:
        row.update(every=v["every"].replace("years", "year"), times=v["times"], min_times=v["min_times"])
    elif "months" in v:
        row["duration"] = f"P{v['months']}M"
    elif "date" in v:
        row.update(date=v["date"], granularity=v.get("granularity"), start_date=v.get("start"), end_date=v.get("end"))
    else:
        row.update(start_date=v["start"], end_date=v["end"])
    return row


def tables_from_gold(gold: dict) -> dict[str, pd.DataFrame]:
    """A perfect run's tables, written by hand from the gold (independent of the extractors)."""
    doc = gold["document"]
    documents = pd.DataFrame([{
        "doc_id": DOC_ID, "path": f"/somewhere/{doc['file']}", "format": "txt", "kind": "progress",
        "issuer": doc["issuer"], "report_date": doc["report_date"], "inspecting_body": doc["inspecting_body"],
        "inspected_unit": doc["inspected_unit"], "inspection_type": doc["inspection_type"],
        "inspection_start": doc["inspection_period"][0], "inspection_end": doc["inspection_period"][1],
        "feedback_date": doc["feedback_date"], "as_of_date": doc["as_of_date"], "n_chars": 9653,
    }])
    sections = pd.DataFrame([
        {"doc_id": DOC_ID, "section_id": i, "parent_id": o["parent"], "level": o["level"], "label": o["label"],
         "title": o["title"], "start": o["start"], "end": o["end"]}
        for i, o in enumerate(gold["outline"])
    ])
    quantities = pd.DataFrame([
        {"doc_id": DOC_ID, **{k: q[k] for k in ("start", "end", "text", "value", "unit", "approx", "kind")}}
        for q in gold["quantities"]
    ])
    times = pd.DataFrame([_time_row(t) for t in gold["times"]])
    citations = pd.DataFrame([
        {"doc_id": DOC_ID, **{k: c[k] for k in ("start", "end", "text", "title")}} for c in gold["documents_cited"]
    ])
    claims = pd.DataFrame([
        {"doc_id": DOC_ID, "start": c["start"], "end": c["end"], "text": c["text"], "subject": c["subject"],
         "as_of": c["as_of"], **c["figures"],
         "figure_spans": json.dumps({k: [s["start"], s["end"]] for k, s in c["figure_spans"].items()})}
        for c in gold["claims"]
    ])
    measures = pd.DataFrame([
        {"doc_id": DOC_ID, "measure_id": i, "start": m["start"], "end": m["end"], "label": m["label"],
         "title": m["title"], "status": m["status"]}
        for i, m in enumerate(gold["measures"])
    ])
    return {"documents": documents, "sections": sections, "quantities": quantities, "times": times,
            "citations": citations, "claims": claims, "measures": measures}


@pytest.fixture()
def gold_dir(tmp_path):
    folder = tmp_path / "gold"
    folder.mkdir()
    shutil.copy(GOLD_FILE, folder / GOLD_FILE.name)
    return folder


def test_evaluate_perfect_prediction_scores_one(gold_dir):
    scores = evaluate_extraction(tables_from_gold(_gold()), gold_dir)
    for category in ("outline", "document", "quantities", "quantities_lenient", "times", "times_lenient",
                     "citations", "claims", "claim_figures", "measures"):
        assert scores[category]["f1"] == 1.0, (category, scores[category])
        assert scores[category]["fp"] == 0
    gold = _gold()
    assert scores["quantities"]["tp"] == len(gold["quantities"]) == 68
    assert scores["citations"]["tp"] == 33
    assert scores["outline"]["parent_accuracy"] == 1.0
    assert scores["measures"]["status_accuracy"] == 1.0
    assert scores["quantities"]["excluded_hits"] == 0
    assert scores["claim_figures"]["span_correct"] == scores["claim_figures"]["tp"] == 11
    assert scores["times"]["value_accuracy"] == 1.0
    assert scores["_gold_files"][GOLD_FILE.name] == {"doc_id": DOC_ID, "matched_by": "path"}
    json.dumps(scores)  # serializable


@pytest.mark.parametrize(
    ("table", "category", "gold_key"),
    [
        ("quantities", "quantities", "quantities"),
        ("times", "times", "times"),
        ("citations", "citations", "documents_cited"),
        ("measures", "measures", "measures"),
        ("sections", "outline", "outline"),
        ("claims", "claims", "claims"),
    ],
)
def test_evaluate_dropped_item_lowers_recall(gold_dir, table, category, gold_key):
    tables = tables_from_gold(_gold())
    # drop the last row (never the composite range at the start of the times list)
    tables[table] = tables[table].iloc[:-1]
    scores = evaluate_extraction(tables, gold_dir)
    assert scores[category]["fn"] == 1
    assert scores[category]["fp"] == 0
    assert scores[category]["recall"] < 1.0
    assert scores[category]["precision"] == 1.0


def test_evaluate_prediction_on_trap_counted(gold_dir):
    gold = _gold()
    tables = tables_from_gold(gold)
    trap = next(e for e in gold["excluded"] if e["why"] == "slogan")
    extra = {"doc_id": DOC_ID, "start": trap["start"], "end": trap["end"], "text": trap["text"], "value": 2,
             "unit": "个", "approx": None, "kind": "count"}
    tables["quantities"] = pd.concat([tables["quantities"], pd.DataFrame([extra])], ignore_index=True)
    scores = evaluate_extraction(tables, gold_dir)
    assert scores["quantities"]["excluded_hits"] == 1
    assert scores["quantities"]["fp"] == 1
    assert scores["quantities_lenient"]["fp"] == 1


def test_evaluate_lenient_accepts_overlap_with_same_value(gold_dir):
    gold = _gold()
    tables = tables_from_gold(gold)
    q = tables["quantities"]
    q.loc[0, "end"] = q.loc[0, "end"] - 1  # "18次" -> "18"
    scores = evaluate_extraction(tables, gold_dir)
    assert scores["quantities"]["fn"] == 1 and scores["quantities"]["fp"] == 1
    assert scores["quantities_lenient"]["f1"] == 1.0
    q.loc[0, "value"] = 19
    scores = evaluate_extraction(tables, gold_dir)
    assert scores["quantities_lenient"]["fn"] == 1


def test_evaluate_times_neutral_and_composite_alternatives(gold_dir):
    gold = _gold()
    tables = tables_from_gold(gold)
    times = tables["times"]
    neutral = gold["times_not_annotated"][0]
    extra = _time_row({"start": neutral["start"], "end": neutral["end"], "text": neutral["text"], "kind": "date",
                       "value": {"date": "2022-01-12"}})
    # drop the composite range: its endpoint dates stand in for it
    without_range = times[~times["composite"]]
    tables["times"] = pd.concat([without_range, pd.DataFrame([extra])], ignore_index=True)
    scores = evaluate_extraction(tables, gold_dir)
    assert scores["times"]["f1"] == 1.0
    # the range alone (no endpoints) is fine too
    endpoints = [(t["start"], t["end"]) for t in gold["times"] if not t.get("composite") and t["end"] <= 26]
    keep = [(s, e) not in endpoints for s, e in zip(times["start"], times["end"])]
    tables["times"] = times[keep]
    scores = evaluate_extraction(tables, gold_dir)
    assert scores["times"]["f1"] == 1.0 and scores["times_lenient"]["f1"] == 1.0


def test_evaluate_claim_figure_wrong_value_and_peripheral_neutral(gold_dir):
    gold = _gold()
    tables = tables_from_gold(gold)
    claims = tables["claims"]
    claims.loc[claims["total"].notna(), "completed"] = 50
    p = gold["claims_peripheral"][0]
    peripheral = {"doc_id": DOC_ID, "start": p["start"], "end": p["end"], "text": p["text"], **p["figures"]}
    tables["claims"] = pd.concat([claims, pd.DataFrame([peripheral])], ignore_index=True)
    scores = evaluate_extraction(tables, gold_dir)
    assert scores["claims"]["f1"] == 1.0
    assert scores["claim_figures"]["fn"] == 1 and scores["claim_figures"]["fp"] == 1


def test_evaluate_document_field_wrong_and_pairing_by_n_chars(tmp_path):
    gold = _gold()
    tables = tables_from_gold(gold)
    tables["documents"].loc[0, "path"] = "renamed.txt"
    tables["documents"].loc[0, "issuer"] = "别的单位"
    corpus = tmp_path / "corpus"
    (corpus / "gold").mkdir(parents=True)
    shutil.copy(GOLD_FILE, corpus / "gold" / GOLD_FILE.name)
    shutil.copy(ROOT / "corpus" / gold["document"]["file"], corpus / gold["document"]["file"])
    scores = evaluate_extraction(tables, corpus / "gold")
    assert scores["_gold_files"][GOLD_FILE.name]["matched_by"] == "n_chars"
    assert scores["document"]["fn"] == 1 and scores["document"]["fp"] == 1
    assert scores["document"]["fields"][gold["document"]["file"]]["issuer"]["correct"] is False
    assert "issuer" in format_report(scores)


def test_evaluate_missing_document_counts_everything_missed(gold_dir):
    tables = tables_from_gold(_gold())
    tables["documents"] = tables["documents"].iloc[0:0]
    scores = evaluate_extraction(tables, gold_dir)
    assert scores["citations"]["tp"] == 0 and scores["citations"]["fn"] == 33
    assert "no document" in format_report(scores)


@pytest.mark.parametrize(
    ("gold_value", "row", "expected"),
    [
        ({"date": "2022-01-12"}, {"date": "2022-01-12"}, True),
        ({"date": "2022-03", "granularity": "month", "start": "2022-03-01", "end": "2022-03-31"},
         {"date": None, "start_date": "2022-03-01", "end_date": "2022-03-31"}, True),
        ({"start": "2022-01-01", "end": "2022-06-30"}, {"start_date": "2022-01-01", "end_date": "2022-06-30"}, True),
        ({"start": "2022-01-01", "end": "2022-06-30"}, {"start_date": "2022-01-01", "end_date": "2022-12-31"}, False),
        ({"start": None, "end": "2022-07-19", "fuzzy": True}, {"start_date": "2019-01-01", "end_date": "2022-07-19"}, True),
        ({"every": "5 years", "times": 1, "min_times": None}, {"every": "5 year", "times": 1, "min_times": float("nan")}, True),
        ({"every": "half_year", "times": None, "min_times": 1}, {"every": "half_year", "times": None, "min_times": 1}, True),
        ({"every": "month", "times": None, "min_times": None}, {"every": "month", "times": 1, "min_times": None}, False),
        ({"months": 6}, {"duration": "P6M"}, True),
        ({"months": 1}, {"duration": "P1Y"}, False),
        ({"date": "2022-06-30"}, {"date": pd.Timestamp("2022-06-30")}, True),
    ],
)
def test_evaluate_time_value_normalizer(gold_value, row, expected):
    assert time_value_matches(gold_value, row) is expected


def test_evaluate_prf_edges():
    assert prf(0, 0, 0)["f1"] == 1.0
    assert prf(0, 3, 0)["precision"] == 0.0
    assert prf(2, 0, 2) == {"tp": 2, "fp": 0, "fn": 2, "precision": 1.0, "recall": 0.5, "f1": 0.6667}


def test_evaluate_report_nested_groups(gold_dir):
    scores = {"extraction": evaluate_extraction(tables_from_gold(_gold()), gold_dir), "alignment": {"hit@1": 0.9}}
    text = format_report(scores)
    assert "== extraction ==" in text and "citations" in text and "hit@1" in text
