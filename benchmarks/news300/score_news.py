"""Score the pipeline on the 300 annotated news sentences (issue: extraction that holds on unseen text).

Each sentence is scored inside its whole document: the file of ``../shared/scale/news`` is
analysed as a user would (``pipeline.document.process_path``), so the document's own date is
the reference for relative expressions, then the predicted quantities and times lying inside
the sentence's span are compared with ``gold.jsonl`` (format: ``check_gold.py``).

Matching is by exact span.  A gold item without a prediction of the same span is a miss; a
prediction whose span is neither a gold item of its kind nor a ``neutral`` span is a false
positive; a matched item whose values differ is a wrong value.
  error rate = (false positives + misses + wrong values) / gold items, for quantities and times.
Quantity values: value, unit, value_max (approx reported apart).  Time values by gold kind:
date/as_of/deadline the date; period/relative_period start and end (a relative period's bound the gold
leaves open is not compared); duration the ISO duration;
recurrence every, times, min_times.  "Unresolved" counts gold-resolved times whose matched
prediction has no date at all, in documents with a document date (gold ``doc_date``).

    python benchmarks/news300/score_news.py [--json FILE] [--errors] [--news DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# ../shared/scale/news next to the checkout (a worktree may sit one level deeper)
NEWS = next((p / "shared" / "scale" / "news" for p in HERE.parents if (p / "shared" / "scale" / "news").is_dir()),
            HERE.parents[2] / "shared" / "scale" / "news")
DATED_KINDS = ("date", "as_of", "deadline", "period", "relative_period")


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _span(sentence: str, item: dict) -> tuple[int, int]:
    """Offsets of the item's ``occurrence``-th hit in the (normalized) sentence."""
    from pipeline.normalize import normalize

    text, occurrence = normalize(item["text"]), item.get("occurrence", 1)
    at = -len(text)
    for _ in range(occurrence):
        at = sentence.find(text, at + len(text))
    return at, at + len(text)


def _num(value) -> float | None:
    return None if value is None else round(float(value), 4)


def quantity_diff(gold: dict, pred) -> list[str]:
    out = []
    if _num(gold["value"]) != _num(pred.value):
        out.append(f"value {pred.value} != {gold['value']}")
    if gold.get("unit") != pred.unit:
        out.append(f"unit {pred.unit} != {gold.get('unit')}")
    if _num(gold.get("value_max")) != _num(pred.value_max):
        out.append(f"value_max {pred.value_max} != {gold.get('value_max')}")
    return out


def time_diff(gold: dict, pred) -> list[str]:
    kind = gold["kind"]
    if kind in ("date", "as_of", "deadline"):
        got = pred.date or (pred.start_date if pred.start_date == pred.end_date else None)
        return [] if got == gold.get("date") else [f"date {got} != {gold.get('date')}"]
    if kind in ("period", "relative_period"):
        got = (pred.start_date, pred.end_date)
        want = (gold.get("start_date"), gold.get("end_date"))
        if kind == "relative_period" and None in want:
            # a bound the annotator left open (近五年来: "start not fixed") is not compared, as
            # pipeline.evaluate does for the fuzzy bounds of the report gold
            got = tuple(g if w is not None else None for g, w in zip(got, want))
        return [] if got == want else [f"period {got} != {want}"]
    if kind == "duration":
        return [] if pred.duration == gold.get("duration") else [f"duration {pred.duration} != {gold.get('duration')}"]
    if kind == "recurrence":
        got = (pred.every, pred.times, pred.min_times)
        want = (gold.get("every"), gold.get("times"), gold.get("min_times"))
        return [] if got == want else [f"recurrence {got} != {want}"]
    return []


def _unresolved(pred) -> bool:
    return pred.kind in DATED_KINDS and not (pred.date or pred.start_date or pred.end_date)


def score(errors: list[dict] | None = None, news: Path = NEWS) -> dict:
    from pipeline.document import process_path
    from pipeline.normalize import normalize

    sentences, gold_rows = _rows("sentences.jsonl"), _rows("gold.jsonl")
    counts = {k: {"gold": 0, "pred": 0, "tp": 0, "fp": 0, "miss": 0, "wrong": 0} for k in ("quantities", "times")}
    approx_wrong = unresolved = unresolved_pred = dated_gold = 0
    results: dict[str, object] = {}
    for sent, gold in zip(sentences, gold_rows):
        path = news / sent["file"]
        if path.name not in results:
            results[path.name] = process_path(path)
        result = results[path.name]
        if result.error is not None:
            raise SystemExit(f"{path}: {result.error}")
        lo, hi = sent["start"], sent["end"]
        sent = dict(sent, sentence=normalize(sent["sentence"]))  # gold spans are raw; the pipeline's text is normalized
        if result.text[lo:hi] != sent["sentence"]:
            raise SystemExit(f"id {sent['id']}: sentence offsets do not point into the analysed text")
        neutral = {_span(sent["sentence"], n) for n in gold["neutral"]}
        has_date = bool(gold.get("doc_date"))
        for key, preds, diff in (("quantities", result.quantities, quantity_diff), ("times", result.times, time_diff)):
            c = counts[key]
            want = {_span(sent["sentence"], g): g for g in gold[key]}
            got = {(p.start - lo, p.end - lo): p for p in preds if lo <= p.start and p.end <= hi}
            c["gold"] += len(want)
            for span, g in want.items():
                p = got.get(span)
                if p is None:
                    c["miss"] += 1
                    if errors is not None:
                        errors.append({"id": sent["id"], "kind": key, "error": "miss", "text": g["text"], "gold": g})
                    continue
                bad = diff(g, p)
                if bad:
                    c["wrong"] += 1
                    if errors is not None:
                        errors.append({"id": sent["id"], "kind": key, "error": "wrong", "text": g["text"], "why": bad})
                else:
                    c["tp"] += 1
                if key == "quantities" and (g.get("approx") or None) != (p.approx or None):
                    approx_wrong += 1
                if key == "times" and has_date and g.get("resolved") and g["kind"] in DATED_KINDS:
                    dated_gold += 1
                    if _unresolved(p):
                        unresolved += 1
            for span, p in got.items():
                if key == "times" and has_date and _unresolved(p):
                    unresolved_pred += 1
                if span in want or span in neutral or (key == "times" and p.composite):
                    continue  # a composite range repeats its endpoint rows (an alternative, as in pipeline.evaluate)
                c["fp"] += 1
                if errors is not None:
                    errors.append({"id": sent["id"], "kind": key, "error": "false_positive", "text": p.text,
                                   "sentence": sent["sentence"]})
            c["pred"] += len(got)
    out: dict[str, object] = {}
    for key, c in counts.items():
        c["error_rate"] = round((c["fp"] + c["miss"] + c["wrong"]) / c["gold"], 4) if c["gold"] else None
        out[key] = c
    out["quantity_approx_wrong"] = approx_wrong
    out["dated_gold_times_in_dated_documents"] = dated_gold
    out["unresolved_where_document_has_date"] = unresolved
    out["predicted_unresolved_in_dated_documents"] = unresolved_pred
    out["sentences"] = len(sentences)
    return out


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", help="write the figures to this file")
    ap.add_argument("--errors", action="store_true", help="print every error")
    ap.add_argument("--news", type=Path, default=NEWS, help="folder of the news files (default ../shared/scale/news)")
    args = ap.parse_args(argv)
    errors: list[dict] | None = [] if args.errors else None
    out = score(errors, args.news)
    for key in ("quantities", "times"):
        c = out[key]
        print(f"{key:10s} gold {c['gold']:4d} pred {c['pred']:4d} correct {c['tp']:4d} | false pos {c['fp']:3d} "
              f"misses {c['miss']:3d} wrong {c['wrong']:3d} | error rate {c['error_rate']:.3f}")
    print(f"quantity approximators differing: {out['quantity_approx_wrong']}")
    print(f"dates left unresolved where the document has a date: {out['unresolved_where_document_has_date']} "
          f"of {out['dated_gold_times_in_dated_documents']} gold-resolved (any predicted: "
          f"{out['predicted_unresolved_in_dated_documents']})")
    if errors is not None:
        for e in errors:
            print(json.dumps(e, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
