"""Kills at any moment: resumed runs give the clean run's tables, redo nothing finished, leave no partial file."""

from __future__ import annotations

import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from scale_inputs import assert_same_tables, cli, leftovers, make_batch, running, start

from pipeline.outdir import IncompleteTablesError
from pipeline.tables import read_tables

SAVE = ("--save-every", "0.05", "--quiet")


def _recorded(out: Path) -> dict[int, float]:
    """fid -> last update, for every input the manifest holds a result for."""
    try:
        db = sqlite3.connect(f"file:{out / '.zhenggai' / 'manifest.sqlite'}?mode=ro", uri=True)
        try:
            return dict(db.execute("SELECT fid, updated FROM files WHERE status != 'pending' AND part IS NOT NULL"))
        finally:
            db.close()
    except sqlite3.Error:
        return {}


def _kill_when(proc, condition, *, limit: float = 120) -> bool:
    """SIGKILL ``proc`` as soon as ``condition()`` holds; False when it finished first."""
    deadline = time.monotonic() + limit
    while proc.poll() is None and time.monotonic() < deadline:
        if condition():
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.01)
    proc.communicate()
    return False


def _tables_whole_or_none(out: Path, clean: Path) -> None:
    """After a kill: no tables, or a complete set of one run, never a mix (a swap in progress is refused)."""
    try:
        tables = read_tables(out)
    except IncompleteTablesError:
        return
    if tables:
        assert_same_tables(out, clean)


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    return make_batch(tmp_path_factory.mktemp("batch") / "in", 40, pair=True)


@pytest.fixture(scope="module")
def clean(batch, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clean") / "out"
    result = cli("run", str(batch), "-o", str(out), "-j", "1", "--quiet")
    assert result.returncode == 0, result.stderr
    return out


def test_resume_after_three_kills_equals_clean_run(batch, clean, tmp_path):
    out = tmp_path / "out"
    total = len(list(batch.iterdir()))
    points = [lambda: len(_recorded(out)) >= 1,                 # after the first saved part
              lambda: len(_recorded(out)) >= total // 2,        # in the middle
              lambda: len(_recorded(out)) >= total]             # all saved: review, compaction or publication
    for jobs, condition in zip(("1", "2", "1"), points):
        killed = _kill_when(start("run", str(batch), "-o", str(out), "-j", jobs, *SAVE), condition)
        assert killed, "the run finished before the kill point"
        _tables_whole_or_none(out, clean)
    before = _recorded(out)
    assert len(before) == total
    result = cli("run", str(batch), "-o", str(out), "-j", "2", *SAVE)
    assert result.returncode == 0, result.stderr
    assert_same_tables(out, clean)
    after = _recorded(out)
    assert {fid: after[fid] for fid in before} == before, "the last resume redid a finished file"
    assert leftovers(out) == []


def test_five_random_kills_then_resume(batch, clean, tmp_path):
    out = tmp_path / "out"
    rng = random.Random(20261203)
    for _ in range(5):
        proc = start("run", str(batch), "-o", str(out), "-j", "2", *SAVE)
        time.sleep(rng.uniform(0.2, 4.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        _tables_whole_or_none(out, clean)
    result = cli("run", str(batch), "-o", str(out), *SAVE)
    assert result.returncode == 0, result.stderr
    assert_same_tables(out, clean)
    assert leftovers(out) == []


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        for task in Path(f"/proc/{todo.pop()}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found.update(children)
            todo += children
    return found


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads the process tree from /proc")
def test_a_killed_run_leaves_no_process_behind(batch, tmp_path):
    """The workers' zygote and the workers end by themselves once the run is SIGKILLed (their ends of
    its pipes close); nothing is left running the work of a dead run."""
    out = tmp_path / "out"
    proc = start("run", str(batch), "-o", str(out), "-j", "2", *SAVE)
    others: set[int] = set()
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline and not _recorded(out):
        others |= _descendants(proc.pid)
        time.sleep(0.01)
    if proc.poll() is not None:
        pytest.skip("the run ended before any document was recorded")
    others |= _descendants(proc.pid)
    assert len(others) >= 3  # the zygote and two workers
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 20
    while any(running(p) for p in others) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in others if running(p)]


def test_ctrl_c_saves_and_says_how_to_resume(batch, clean, tmp_path):
    out = tmp_path / "out"
    proc = start("run", str(batch), "-o", str(out), "-j", "1", "--save-every", "0.05")
    while proc.poll() is None and len(_recorded(out)) < 3:
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Run the same command again to resume" in err
    saved = _recorded(out)
    assert len(saved) >= 3
    result = cli("run", str(batch), "-o", str(out), *SAVE)
    assert result.returncode == 0, result.stderr
    assert_same_tables(out, clean)
