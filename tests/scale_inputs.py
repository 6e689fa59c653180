"""Small generated batches for the scale tests: distinct documents made from the bundled corpus."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
REPORT = CORPUS / "progress_cq_tzb_2022.txt"


def make_batch(folder: Path, n: int, *, pair: bool = False) -> Path:
    """``n`` distinct documents (slices of the bundled report with their own numbers), plus the corpus pair."""
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs = [p for p in REPORT.read_text(encoding="utf-8").split("\n") if p.strip()]
    for i in range(n):
        start = (i * 7) % max(1, len(paragraphs) - 12)
        body = "\n".join(paragraphs[start:start + 4 + i % 9])
        body = re.sub(r"\d+", lambda m, i=i: str(int(m.group()) + i), body)
        (folder / f"doc{i:04d}.txt").write_text(f"第{i}号通报\n{body}\n", encoding="utf-8")
    if pair:
        for path in CORPUS.glob("*.txt"):
            shutil.copy(path, folder / path.name)
    return folder


def cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """``zhenggai`` in a fresh interpreter (a real process: it can be killed)."""
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=ROOT, **kwargs)


class Ran:
    """What an in-process ``zhenggai`` call gave: its exit code and everything it printed."""

    def __init__(self, returncode: int, stderr: str):
        self.returncode, self.stderr = returncode, stderr


def invoke(*args: str) -> Ran:
    """``zhenggai`` in this process (no interpreter start-up: for tests that do not kill it)."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Ran(result.exit_code, result.output)


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)


def comparable(out: Path) -> dict[str, pd.DataFrame]:
    """The tables of a run without the wall-clock column."""
    from pipeline.tables import read_tables

    return {name: frame.drop(columns=[c for c in ("seconds",) if c in frame.columns])
            for name, frame in read_tables(out).items()}


def assert_same_tables(a: Path, b: Path) -> None:
    left, right = comparable(a), comparable(b)
    assert sorted(left) == sorted(right)
    for name in left:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


def leftovers(out: Path) -> list[Path]:
    """Half-written or unfinished files anywhere in an output folder."""
    found = [p for p in out.rglob("*") if p.is_file() and (p.name.endswith(".tmp") or p.name == "publish.json")]
    staging = out / ".zhenggai" / "staging"
    if staging.is_dir():
        found += list(staging.iterdir())
    return found


def run_order(batch: Path, out: Path) -> list[tuple[int, int]]:
    """The inputs of a finished run into ``out`` over the files of ``batch``, in order, as [(fid, part)]
    (from its manifest): what compaction is given."""
    from pipeline.manifest import Manifest

    manifest = Manifest(out / ".zhenggai" / "manifest.sqlite")
    try:
        planned = manifest.plan(sorted(batch.iterdir()))
        entries = manifest.entries([p.fid for p in planned])
    finally:
        manifest.close()
    return [(p.fid, entries[p.fid][1]) for p in planned]


def running(pid: int) -> bool:
    """Whether process ``pid`` exists and has not ended (a zombie left for its parent has ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
