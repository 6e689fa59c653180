"""Document tables written from the parts by several processes are the files one process writes."""

from __future__ import annotations

import multiprocessing as mp
import os
from pathlib import Path

import pandas as pd
import pytest
from scale_inputs import assert_same_tables, invoke, make_batch, run_order

from pipeline.compaction import Compaction, TableJob, TableWriters, write_table
from pipeline.outdir import OutputFolder
from pipeline.rows import DOCUMENT_TABLES

TABLES = [name for name in DOCUMENT_TABLES if name != "errors"]  # the errors table is framed whole by the run


@pytest.fixture(scope="module")
def done_run(tmp_path_factory) -> tuple[Path, list[tuple[int, int]]]:
    """A finished run's parts and its inputs in order [(fid, part)], read from its manifest."""
    root = tmp_path_factory.mktemp("compaction")
    batch = make_batch(root / "in", 24, pair=True)
    out = root / "out"
    assert invoke("run", str(batch), "-o", str(out), "-q", "-j", "1").returncode == 0
    return out / ".zhenggai" / "parts", run_order(batch, out)


def _compact(parts: Path, order, staging: Path, fmt: str, **options) -> tuple[dict, list[str]]:
    staging.mkdir(parents=True)
    jobs = [TableJob(name, parts, order, staging, fmt) for name in TABLES]
    with Compaction(jobs, **options) as compaction:
        summaries = compaction.results()
    return summaries, compaction.notes


@pytest.mark.parametrize("ahead", [1, 2, 3])
def test_compaction_writers_started_ahead_write_the_files_of_one_process(done_run, tmp_path, ahead):
    """Processes forked before the tables are known (as a run forks them while its last chunks are done),
    as many as the run's cores or more, write the same files; each ends with the compaction."""
    parts, order = done_run
    _compact(parts, order, tmp_path / "one", "parquet", processes=1)
    writers = TableWriters(ahead, fork=True)
    processes = [process for _, process in writers.ready]
    two, notes = _compact(parts, order, tmp_path / "two", "parquet", processes=2, fork=True, writers=writers)
    assert notes == [] and writers.ready == []
    for name in sorted(p.name for p in (tmp_path / "one").iterdir()):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert [process.exitcode for process in processes] == [0] * ahead  # ended, not killed


def _dying_write(job: TableJob):
    """write_table, except that a pool process writing the times table dies as a crash in C code would."""
    if job.name == "times" and mp.parent_process() is not None:
        os._exit(3)
    return write_table(job)


@pytest.mark.parametrize("fork", [False, True], ids=["forkserver", "fork"])
@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_compaction_processes_write_the_files_of_one_process(done_run, tmp_path, fmt, fork):
    parts, order = done_run
    one, notes_one = _compact(parts, order, tmp_path / "one", fmt, processes=1)
    two, notes_two = _compact(parts, order, tmp_path / "two", fmt, processes=2, fork=fork)
    assert notes_one == notes_two == []
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(f"{name}.{fmt}" for name in TABLES)
    assert sorted(p.name for p in (tmp_path / "two").iterdir()) == names  # no working folder left
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert set(one) == set(two) == set(TABLES)
    pd.testing.assert_frame_equal(one["documents"], two["documents"])
    assert list(one["documents"].columns) == ["path", "kind", "error", "n_pages", "n_chars"]
    assert len(one["documents"]) == len(order)
    assert all(one[name] is None for name in TABLES if name != "documents")


@pytest.mark.parametrize("fork", [False, True], ids=["forkserver", "fork"])
def test_compaction_a_lost_process_is_written_by_the_main_process_and_said(done_run, tmp_path, fork):
    parts, order = done_run
    _compact(parts, order, tmp_path / "one", "parquet", processes=1)
    _, notes = _compact(parts, order, tmp_path / "lost", "parquet", processes=2, write=_dying_write, fork=fork)
    assert "the times table was written by the main process: the process writing it was lost" in notes
    for path in sorted((tmp_path / "one").iterdir()):
        assert (tmp_path / "lost" / path.name).read_bytes() == path.read_bytes(), path.name


def test_outdir_new_staging_removes_a_compaction_folder_left_by_a_killed_run(tmp_path):
    with OutputFolder.open(tmp_path / "out") as folder:
        left = folder.new_staging() / ".times.compacting"
        left.mkdir()
        (left / "times.parquet").write_bytes(b"half")
        (folder.staging / "documents.parquet").write_bytes(b"old")
        assert list(folder.new_staging().iterdir()) == []
    left.mkdir()
    (left / "times.parquet").write_bytes(b"half")
    with OutputFolder.open(tmp_path / "out") as folder:  # and so does the recovery of a folder a run died in
        assert list(folder.staging.iterdir()) == []


def _slow_write(job: TableJob):
    import time

    time.sleep(1.5)
    return write_table(job)


_KILLED_RUN = """
import sys, time
sys.path.insert(0, {tests!r})
from pathlib import Path
from pipeline.compaction import Compaction, TableJob
from test_compaction import TABLES, _slow_write
parts, staging = Path({parts!r}), Path({staging!r})
order = {order!r}
compaction = Compaction([TableJob(name, parts, order, staging, "parquet") for name in TABLES], processes=2,
                        write=_slow_write, fork={fork!r})
print(" ".join(str(process.pid) for process, _ in compaction.running.values()), flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
@pytest.mark.parametrize("fork", [False, True], ids=["forkserver", "fork"])
def test_compaction_processes_end_when_the_run_is_killed(done_run, tmp_path, fork):
    """Regression: a process pool's shared queue kept its processes (and their forkserver) alive for
    ever after a SIGKILL of the run; each process now ends once its table is done."""
    import signal
    import subprocess
    import sys
    import time

    parts, order = done_run
    (tmp_path / "staging").mkdir()
    code = _KILLED_RUN.format(tests=str(Path(__file__).parent), parts=str(parts), staging=str(tmp_path / "staging"),
                              order=order, fork=fork)
    run = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    pids = [int(pid) for pid in run.stdout.readline().split()]
    assert len(pids) == 2 and all(_alive(pid) for pid in pids)
    run.send_signal(signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in pids)


def _failing_write(job: TableJob):
    if job.name == "times":
        raise ValueError("a bug in the times table")
    return write_table(job)


@pytest.mark.parametrize("processes", [1, 2])
def test_compaction_an_error_in_a_table_is_raised_in_the_main_process(done_run, tmp_path, processes):
    parts, order = done_run
    with pytest.raises(ValueError, match="a bug in the times table"):
        _compact(parts, order, tmp_path / "staging", "parquet", processes=processes, write=_failing_write)


@pytest.mark.parametrize(("threshold", "processes"), [(1, 2), (10**6, 1)])
def test_compaction_a_run_uses_processes_only_for_a_large_batch(tmp_path, monkeypatch, threshold, processes):
    """Regression: a one-file run started two compaction processes (and their forkserver): 1.4 s instead of
    0.8 s.  Below the threshold the run compacts in its own process; above it, in processes, with the
    tables of a run with --jobs 1."""
    import pipeline.batch
    import pipeline.compaction

    batch = make_batch(tmp_path / "in", 12, pair=True)
    inline = tmp_path / "inline"
    assert invoke("run", str(batch), "-o", str(inline), "-q", "-j", "1").returncode == 0
    seen: list[int] = []
    real = pipeline.compaction.Compaction

    def spy(jobs, *, processes, **options):
        seen.append(processes)
        return real(jobs, processes=processes, **options)

    monkeypatch.setattr(pipeline.batch, "PARALLEL_COMPACTION", threshold)
    monkeypatch.setattr(pipeline.compaction, "Compaction", spy)  # imported by the run when it compacts
    out = tmp_path / "out"
    assert invoke("run", str(batch), "-o", str(out), "-q", "-j", "2").returncode == 0
    assert seen == [processes]
    assert_same_tables(inline, out)


def test_compaction_writers_are_forked_with_no_other_thread_running(tmp_path, monkeypatch):
    """With a worker pool the run imports the table writer's pandas on a thread; the table writers are
    forked from the run's process, so that thread must have ended by then (a fork copies a thread's
    locks, not the thread)."""
    import threading
    import time

    import pipeline.batch
    import pipeline.compaction

    slow_run = pipeline.batch._ImportThread.run

    def slow(self):
        time.sleep(2)  # longer than the work: without the wait for it, it would still run at the fork
        slow_run(self)

    threads: list[list[str]] = []
    real = pipeline.compaction.Compaction

    def spy(jobs, **options):
        threads.append(sorted(t.name for t in threading.enumerate() if t is not threading.main_thread()))
        return real(jobs, **options)

    monkeypatch.setattr(pipeline.batch._ImportThread, "run", slow)
    monkeypatch.setattr(pipeline.batch, "PARALLEL_COMPACTION", 1)
    monkeypatch.setattr(pipeline.compaction, "Compaction", spy)
    batch = make_batch(tmp_path / "in", 12)
    assert invoke("run", str(batch), "-o", str(tmp_path / "out"), "-q", "-j", "2").returncode == 0
    assert len(threads) == 1 and not [name for name in threads[0] if name.startswith("import ")]


def test_compaction_writers_are_forked_ahead_once_the_last_chunks_are_out(tmp_path, monkeypatch):
    """A large run with a worker pool forks its table writers while its last chunks are done, with no
    other thread running (the import thread has ended), and its tables are those of --jobs 1."""
    import threading

    import pipeline.batch
    import pipeline.compaction

    batch = make_batch(tmp_path / "in", 40)
    inline = tmp_path / "inline"
    assert invoke("run", str(batch), "-o", str(inline), "-q", "-j", "1").returncode == 0
    started: list[list[str]] = []
    real = pipeline.compaction.TableWriters

    def spy(processes, **options):
        started.append(sorted(t.name for t in threading.enumerate() if t is not threading.main_thread()))
        return real(processes, **options)

    monkeypatch.setattr(pipeline.batch, "PARALLEL_COMPACTION", 1)
    monkeypatch.setattr(pipeline.compaction, "TableWriters", spy)
    out = tmp_path / "out"
    assert invoke("run", str(batch), "-o", str(out), "-q", "-j", "2").returncode == 0
    assert started == [[]]
    assert_same_tables(inline, out)
