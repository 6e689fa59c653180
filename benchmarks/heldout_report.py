"""Per-document, per-category figures on the held-out documents (tests/fixtures/heldout).

Usage: python benchmarks/heldout_report.py [--json] [--dir tests/fixtures/heldout2]

With ``--dir`` the documents are those of that folder's ``gold/*.gold.json`` (no DOCX variant).

Four documents in styles other than the bundled sample (county 巡察 report with
full-width numbering, provincial report with restated-problem headings, central
feedback news item, HTML page with ①②③ and a problem table) plus a DOCX variant
of the first, each scored alone against its hand-made gold with the project's
own ``evaluate_extraction``.  F1 per category; 'lenient' = overlap and same value.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import heldout_cases as hc  # noqa: E402

COLUMNS = ("kind", "outline", "parent_acc", "document", "quantities", "quantities_lenient", "excluded_hits",
           "times", "times_lenient", "citations", "claims", "claim_figures", "measures", "status_acc")
SHORT = {"quantities_lenient": "qty_len", "quantities": "qty", "times_lenient": "time_len", "times": "time",
         "claim_figures": "claim_fig", "excluded_hits": "traps", "parent_acc": "parent", "status_acc": "status",
         "document": "doc", "citations": "cite"}


def run(directory: Path | None = None) -> dict[str, dict]:
    from pipeline.api import analyze
    rows: dict[str, dict] = {}
    if directory is not None:
        for stem, path in hc.documents_in(directory).items():
            gold = hc.load_gold(stem, gold_dir=directory / "gold")
            tables = analyze(path)
            rows[stem] = hc.summary(hc.score(tables, gold), tables, gold)
        return rows
    for stem, path in hc.DOCUMENTS.items():
        gold = hc.load_gold(stem)
        tables = analyze(path)
        rows[stem] = hc.summary(hc.score(tables, gold), tables, gold)
    with tempfile.TemporaryDirectory() as scratch:
        docx_path = hc.write_docx_variant(Path(scratch))
        stem, gold_stem = hc.DOCX_VARIANT
        gold = hc.load_gold(gold_stem)
        tables = analyze(docx_path)
        rows[stem] = hc.summary(hc.score(tables, gold, file_name=docx_path.name), tables, gold)
    return rows


def _cell(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def main(argv: list[str]) -> None:
    directory = Path(argv[argv.index("--dir") + 1]).resolve() if "--dir" in argv else None
    rows = run(directory)
    if "--json" in argv:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    heads = [SHORT.get(c, c) for c in COLUMNS]
    width = max(len(k) for k in rows) + 2
    print(f"{'document':<{width}}" + "".join(f"{h:>10}" for h in heads))
    for stem, row in rows.items():
        print(f"{stem:<{width}}" + "".join(f"{_cell(row[c]):>10}" for c in COLUMNS))
    numeric = [c for c in COLUMNS if c not in ("kind", "excluded_hits")]
    means = {c: sum(r[c] for r in rows.values() if r[c] is not None) / max(1, sum(r[c] is not None for r in rows.values()))
             for c in numeric}
    print(f"{'mean':<{width}}" + "".join(f"{_cell(means.get(c)) if c in means else '':>10}" for c in COLUMNS))
    for stem, row in rows.items():
        if row["fields_wrong"] != "-":
            print(f"  {stem}: document fields wrong: {row['fields_wrong']}")


if __name__ == "__main__":
    main(sys.argv[1:])
