"""A run whose output folder can no longer be written (a full disk): one clear error, exit 2, and the
same command goes on from what was recorded, to the tables of a clean run."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from scale_inputs import assert_same_tables, invoke, make_batch

from pipeline.engine import ProcessEngine, Task, run_chunk
from pipeline.outdir import OutputWriteError
from pipeline.tables import read_tables

FULL = OSError(errno.ENOSPC, "Error writing bytes to file")


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[Path, Path]:
    """Twelve reports and the folder of their clean run."""
    root = tmp_path_factory.mktemp("faults")
    inputs = make_batch(root / "in", 12)
    clean = root / "clean"
    assert invoke("run", str(inputs), "-o", str(clean), "-q", "-j", "1").returncode == 0
    return inputs, clean


def _fails_after(real, calls: int):
    count = {"n": 0}

    def write(*args, **kwargs):
        count["n"] += 1
        if count["n"] > calls:
            raise FULL
        return real(*args, **kwargs)

    return write


def _assert_stopped_clearly(ran, out: Path) -> None:
    assert ran.returncode == 2
    assert f"error: cannot write to {out}" in ran.stderr and "No space left on device" in ran.stderr
    assert "run the same command again" in ran.stderr
    assert "Traceback" not in ran.stderr


def test_scale_a_full_disk_while_parts_are_written_stops_the_run_and_the_next_run_goes_on(batch, tmp_path,
                                                                                           monkeypatch):
    import pipeline.parts

    inputs, clean = batch
    out = tmp_path / "out"
    with monkeypatch.context() as patch:
        patch.setattr(pipeline.parts, "_write_ipc", _fails_after(pipeline.parts._write_ipc, 30))
        _assert_stopped_clearly(invoke("run", str(inputs), "-o", str(out), "-q", "-j", "1"), out)
    assert not (out / "documents.parquet").exists()  # no tables of a part of the inputs
    ran = invoke("run", str(inputs), "-o", str(out), "-j", "1")
    assert ran.returncode == 0
    assert "unchanged documents already done" in ran.stderr  # the recorded ones were not redone
    assert_same_tables(clean, out)


def test_scale_a_full_disk_while_the_tables_are_written_keeps_the_last_tables(batch, tmp_path, monkeypatch):
    import pipeline.tables

    inputs, clean = batch
    out = tmp_path / "out"
    assert invoke("run", str(inputs), "-o", str(out), "-q", "-j", "1", "--fresh").returncode == 0
    before = read_tables(out)
    with monkeypatch.context() as patch:
        patch.setattr(pipeline.tables, "write_frames", _fails_after(pipeline.tables.write_frames, 2))
        _assert_stopped_clearly(invoke("run", str(inputs), "-o", str(out), "-q", "-j", "1", "--fresh"), out)
    after = read_tables(out)  # the last complete tables, untouched
    assert sorted(before) == sorted(after) and all(len(before[k]) == len(after[k]) for k in before)
    assert invoke("run", str(inputs), "-o", str(out), "-q", "-j", "1").returncode == 0
    assert_same_tables(clean, out)


def _full_disk_chunk(task, timeout, progress=None):
    """A worker whose part cannot be written: what results_chunk raises on a full disk."""
    raise OutputWriteError.of(task.parts_dir or "parts", FULL)


def test_engine_a_worker_that_cannot_write_stops_the_run_without_a_crash(batch):
    inputs, _ = batch
    files = sorted(inputs.iterdir())
    tasks = [Task(k, ((k, str(files[k])),), parts_dir="/nowhere") for k in range(4)]
    engine = ProcessEngine(2, timeout=30, work=_full_disk_chunk)
    try:
        with pytest.raises(OutputWriteError, match="No space left on device"):
            list(engine.run(tasks, lambda n: None, lambda: False))
        assert engine.replaced == 0  # not taken for a crash: no document blamed, no worker replaced
    finally:
        engine.close()


def test_engine_results_chunk_names_the_output_folder_when_its_part_cannot_be_written(batch, tmp_path):
    inputs, _ = batch
    blocked = tmp_path / "file_not_folder"
    blocked.write_text("x")
    task = Task(0, ((0, str(sorted(inputs.iterdir())[0])),), parts_dir=str(blocked / "parts"))
    with pytest.raises(OutputWriteError, match=f"cannot write to {blocked / 'parts'}"):
        run_chunk(task)


def _full_disk(*args, **kwargs):
    raise FULL


def test_cli_match_on_a_full_disk_says_so_and_keeps_the_last_tables(tmp_path, monkeypatch):
    from pipeline.outdir import OutputFolder

    corpus = Path(__file__).parents[1] / "corpus"
    args = ["match", "--issues", str(corpus / "feedback_cq_tzb_2022_example.txt"),
            "--report", str(corpus / "progress_cq_tzb_2022.txt"), "-o", str(tmp_path / "m"), "-q"]
    assert invoke(*args).returncode == 0
    before = read_tables(tmp_path / "m")
    with monkeypatch.context() as patch:
        patch.setattr(OutputFolder, "publish", _full_disk)
        ran = invoke(*args)
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    assert f"error: cannot write to {tmp_path / 'm'}: No space left on device" in ran.stderr
    after = read_tables(tmp_path / "m")
    assert sorted(before) == sorted(after) and all(len(before[k]) == len(after[k]) for k in before)


def _database_full(*args, **kwargs):
    import sqlite3

    raise sqlite3.OperationalError("database or disk is full")


def test_scale_a_full_disk_at_the_start_stops_the_run_clearly(batch, tmp_path, monkeypatch):
    from pipeline.manifest import Manifest

    inputs, clean = batch
    out = tmp_path / "out"
    with monkeypatch.context() as patch:
        patch.setattr(Manifest, "start_run", _database_full)
        ran = invoke("run", str(inputs), "-o", str(out), "-q", "-j", "1")
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    assert f"error: cannot write to {out}: database or disk is full" in ran.stderr
    assert invoke("run", str(inputs), "-o", str(out), "-q", "-j", "1").returncode == 0
    assert_same_tables(clean, out)


def test_scale_an_output_folder_removed_under_the_run_is_said_so(batch, tmp_path, monkeypatch):
    """Regression: the one-line error said the recorded documents were "kept in" a folder that had
    been deleted under the run."""
    import shutil

    import pipeline.parts

    inputs, clean = batch
    out = tmp_path / "out"

    def removed(*args, **kwargs):
        shutil.rmtree(out, ignore_errors=True)
        raise FileNotFoundError(errno.ENOENT, "No such file or directory")

    with monkeypatch.context() as patch:
        patch.setattr(pipeline.parts, "_write_ipc", removed)
        ran = invoke("run", str(inputs), "-o", str(out), "-q", "-j", "1")
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    assert f"error: cannot write to {out}" in ran.stderr
    assert "no longer holds what it had recorded" in ran.stderr and "kept in" not in ran.stderr
    assert invoke("run", str(inputs), "-o", str(out), "-q", "-j", "1").returncode == 0
    assert_same_tables(clean, out)
