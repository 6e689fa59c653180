"""Golden outputs: every table the pipeline writes for the bundled corpus and the held-out fixtures.

The refactoring guard (issue: one home per language fact): the same inputs must give the same
tables, row for row, before and after a change that claims to keep behaviour.  A change that
alters outputs on purpose rewrites the snapshot with ``python tests/golden_outputs.py --write``
and says why in its commit message.

Cases: the bundled corpus run end to end (pairing included); every held-out document analysed
alone; every issue list of ``tests/fixtures`` matched against its report.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SNAPSHOT = FIXTURES / "golden" / "outputs.json"
VOLATILE = {"seconds"}  # wall-clock columns


def _frame_text(frame: pd.DataFrame) -> str:
    frame = frame.drop(columns=[c for c in frame.columns if c in VOLATILE])
    return frame.to_csv(index=False, lineterminator="\n")


def _tables_text(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    return {name: _frame_text(frame) for name, frame in sorted(tables.items()) if isinstance(frame, pd.DataFrame)}


def _pairs() -> list[tuple[str, Path, Path]]:
    pairs = []
    for path in sorted(FIXTURES.glob("**/*.alignment.json")):
        if "feedback_corpus" in path.parts:
            continue
        spec = json.loads(path.read_text(encoding="utf-8"))
        pairs.append((path.name.removesuffix(".alignment.json"), ROOT / spec["feedback"], ROOT / spec["report"]))
    return pairs


def _documents() -> list[Path]:
    docs = []
    for folder in ("heldout", "heldout2"):
        docs += sorted(p for p in (FIXTURES / folder).iterdir() if p.suffix in {".txt", ".html"})
    return docs


def snapshot(only: set[str] | None = None) -> dict[str, dict[str, str]]:
    """{case: {table: CSV text}} computed with the current code (``only``: just those cases).

    Fixtures added after the snapshot was written are not compared until it is rewritten.
    """
    import tempfile

    from pipeline.api import analyze, match
    from pipeline.tables import read_tables

    cases: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        from typer.testing import CliRunner

        from pipeline.cli import app

        out = Path(scratch) / "out"
        result = CliRunner().invoke(app, ["run", str(ROOT / "corpus"), "-o", str(out), "--quiet"])
        assert result.exit_code == 0, result.output
        tables = read_tables(out)
        for frame in tables.values():  # paths differ between checkouts
            for column in [c for c in frame.columns if c == "path" or c.endswith("_path")]:
                frame[column] = frame[column].map(lambda p: Path(p).name if isinstance(p, str) else p)
        cases["run:corpus"] = _tables_text(tables)
    for path in _documents():
        if only is not None and f"analyze:{path.name}" not in only:
            continue
        tables = analyze(path)
        tables["documents"]["path"] = path.name
        cases[f"analyze:{path.name}"] = _tables_text(tables)
    for name, feedback, report in _pairs():
        if only is not None and f"match:{name}" not in only:
            continue
        tables = match(feedback, report)
        tables["documents"]["path"] = tables["documents"]["path"].map(lambda p: Path(p).name)
        for column in ("list_path", "report_path"):
            tables["pairs"][column] = tables["pairs"][column].map(lambda p: Path(p).name if isinstance(p, str) else p)
        cases[f"match:{name}"] = _tables_text(tables)
    return cases


def main(argv: list[str]) -> int:
    stored = None if "--write" in argv else json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    current = snapshot(None if stored is None else set(stored))
    if stored is None:
        SNAPSHOT.write_text(json.dumps(current, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {SNAPSHOT} ({len(current)} cases)")
        return 0
    diff = [f"{case}/{table}" for case in sorted(set(stored) | set(current))
            for table in sorted(set(stored.get(case, {})) | set(current.get(case, {})))
            if stored.get(case, {}).get(table) != current.get(case, {}).get(table)]
    print("identical" if not diff else "differs: " + ", ".join(diff))
    return 1 if diff else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
