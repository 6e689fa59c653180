"""Figures of the outline, metadata and measures extractors on the gold report.

Usage: python benchmarks/structure_gold.py [gold.json] [text]
Prints outline exact/level/parent counts and false headings, metadata fields
right (value and evidence span), measures exact spans and status accuracy.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pipeline.extract.measures import extract_measures
from pipeline.metadata import extract_metadata
from pipeline.normalize import normalize
from pipeline.outline import parse_outline

ROOT = Path(__file__).resolve().parents[1]


def main(gold_path: Path, text_path: Path) -> None:
    text = normalize(text_path.read_text(encoding="utf-8"))
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    sections = parse_outline(text)

    by_start = {s.start: s for s in sections}
    gold_outline = gold["outline"]
    exact = level = parent = 0
    for g in gold_outline:
        s = by_start.get(g["start"])
        if s is None:
            continue
        spans = (s.start, s.end, s.label_start, s.label_end, s.title_start, s.title_end)
        exact += spans == (g["start"], g["end"], g["label_start"], g["label_end"], g["title_start"], g["title_end"])
        level += s.level == g["level"]
        p = sections[s.parent_id].start if s.parent_id is not None else None
        gp = gold_outline[g["parent"]]["start"] if g["parent"] is not None else None
        parent += p == gp
    false = len({s.start for s in sections} - {g["start"] for g in gold_outline})
    n = len(gold_outline)
    print(f"outline: gold {n}, found {len(sections)}, exact spans {exact}/{n}, level {level}/{n}, parent {parent}/{n}, false headings {false}")

    meta = extract_metadata(text, sections)
    doc = gold["document"]
    fields = ["issuer", "report_date", "inspecting_body", "inspected_unit", "inspection_type", "feedback_date", "as_of_date"]
    right = 0
    for f in fields:
        ev = doc["evidence"][f]
        ok = getattr(meta, f) == doc[f] and meta.evidence.get(f) == (ev["start"], ev["end"])
        right += ok
        if not ok:
            print(f"  metadata wrong: {f}: {getattr(meta, f)!r} {meta.evidence.get(f)} vs {doc[f]!r} {(ev['start'], ev['end'])}")
    ev = doc["evidence"]["inspection_period"]
    period_ok = [meta.inspection_start, meta.inspection_end] == doc["inspection_period"] and meta.evidence.get(
        "inspection_start"
    ) == (ev["start"], ev["end"])
    right += period_ok
    print(f"metadata: {right}/{len(fields) + 1} fields right (value and evidence span); kind={meta.kind}; title={meta.title!r}")

    measures = extract_measures(text, sections)
    by_span = {(m.start, m.end): m for m in measures}
    gm = gold["measures"]
    found = [by_span.get((g["start"], g["end"])) for g in gm]
    n_exact = sum(m is not None for m in found)
    status = sum(m is not None and m.status == g["status"] for m, g in zip(found, gm))
    print(
        f"measures: gold {len(gm)}, found {len(measures)}, exact spans {n_exact}/{len(gm)}, "
        f"status accuracy {status}/{len(gm)} = {status / len(gm):.3f}"
    )
    for m, g in zip(found, gm):
        if m is not None and m.status != g["status"]:
            print(f"  status wrong: {g['label']} {g['title']}: {m.status} ({m.status_basis}) vs {g['status']}")


if __name__ == "__main__":
    gold_arg = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "corpus" / "gold" / "progress_cq_tzb_2022.gold.json"
    text_arg = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "corpus" / "progress_cq_tzb_2022.txt"
    main(gold_arg, text_arg)
