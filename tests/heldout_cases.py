"""The held-out documents and how to score one of them (shared by tests/test_heldout.py and
benchmarks/heldout_report.py).

Each document in ``tests/fixtures/heldout`` has a gold file in ``gold/``; a
document is scored alone, with a scratch gold folder holding only its gold, by
``pipeline.evaluate.evaluate_extraction`` (pairing is by ``document.file``).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

HELDOUT = Path(__file__).resolve().parent / "fixtures" / "heldout"
GOLD = HELDOUT / "gold"
DOCUMENTS = {
    "a_county_xuncha_progress": HELDOUT / "a_county_xuncha_progress.txt",
    "b_provincial_restated_progress": HELDOUT / "b_provincial_restated_progress.txt",
    "c_central_feedback_news": HELDOUT / "c_central_feedback_news.txt",
    "d_soe_progress_page": HELDOUT / "d_soe_progress_page.html",
}
# The DOCX variant of (a): generated from its text, scored with (a)'s gold.
DOCX_VARIANT = ("a_county_xuncha_progress_docx", "a_county_xuncha_progress")


HELDOUT2 = HELDOUT.parent / "heldout2"


def documents_in(directory: Path) -> dict[str, Path]:
    """stem -> document path for every gold file in ``directory/gold`` (a second held-out set)."""
    out = {}
    for gold in sorted((directory / "gold").glob("*.gold.json")):
        name = json.loads(gold.read_text(encoding="utf-8"))["document"]["file"]
        out[gold.name[: -len(".gold.json")]] = directory / name
    return out


def load_gold(stem: str, *, gold_dir: Path = GOLD) -> dict:
    return json.loads((gold_dir / f"{stem}.gold.json").read_text(encoding="utf-8"))


def score(tables: dict, gold: dict, *, file_name: str | None = None) -> dict:
    """Scores of one document's tables against one gold (``file_name`` re-targets the gold's file)."""
    from pipeline.evaluate import evaluate_extraction

    gold = dict(gold)
    if file_name:
        gold["document"] = dict(gold["document"], file=file_name)
    with tempfile.TemporaryDirectory() as scratch:
        (Path(scratch) / "doc.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        return evaluate_extraction(tables, scratch)


def write_docx_variant(directory: Path) -> Path:
    """(a) as a DOCX whose 一、/（一） labels are Word automatic numbering (tests/docgen.py)."""
    import docgen

    text = DOCUMENTS["a_county_xuncha_progress"].read_text(encoding="utf-8")
    return docgen.write_docx(text, directory / "a_county_xuncha_progress.docx")


def summary(scores: dict, tables: dict, gold: dict) -> dict[str, float | str | None]:
    """The per-category figures the report prints and the tests assert."""
    doc = tables["documents"].iloc[0] if len(tables["documents"]) else None
    out: dict[str, float | str | None] = {
        "kind": None if doc is None else doc["kind"],
        "kind_ok": float(doc is not None and doc["kind"] == gold["document"].get("kind")),
    }
    for name in ("outline", "document", "quantities", "quantities_lenient", "times", "times_lenient",
                 "citations", "claims", "claim_figures", "measures"):
        out[name] = scores[name]["f1"]
    out["parent_acc"] = scores["outline"].get("parent_accuracy")
    out["excluded_hits"] = scores["quantities"].get("excluded_hits")
    out["status_acc"] = scores["measures"].get("status_accuracy")
    wrong = [k for k, v in scores["document"]["fields"].get(gold["document"]["file"], {}).items() if not v["correct"]]
    out["fields_wrong"] = ",".join(wrong) or "-"
    return out
