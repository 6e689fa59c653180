"""run at scale: check-first output folder, lock, one set of tables per folder, --jobs, time limit, Dask."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pandas as pd
import pytest
from scale_inputs import REPORT, assert_same_tables, cli, comparable, invoke, make_batch

from pipeline.engine import ProcessEngine, Task, make_tasks, run_chunk
from pipeline.outdir import IncompleteTablesError, OutputFolder
from pipeline.pool import PRELOAD, ForkserverPool
from pipeline.zygote import fork_zygote
from pipeline.tables import read_tables


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    return make_batch(tmp_path_factory.mktemp("small") / "in", 12)


# ----------------------------------------------------------------------------- check first


def test_out_that_is_a_file_stops_before_any_work(small, tmp_path):
    target = tmp_path / "out"
    target.write_text("not a folder")
    result = cli("run", str(small), "-o", str(target))
    assert result.returncode == 2
    assert "is a file, not a folder" in result.stderr
    nested = cli("run", str(small), "-o", str(target / "sub"))
    assert nested.returncode == 2
    assert "cannot write to" in nested.stderr


def test_second_run_into_a_locked_folder_stops_at_once(small, tmp_path):
    out = tmp_path / "out"
    with OutputFolder.open(out):
        started = time.monotonic()
        result = cli("run", str(small), "-o", str(out), "-q")
        assert result.returncode == 2
        assert "in use by another zhenggai run" in result.stderr
        assert f"pid {os.getpid()}" in result.stderr
        assert time.monotonic() - started < 30
    assert not (out / "documents.parquet").exists()


# ----------------------------------------------------------------------------- one set of tables


def test_tables_of_an_earlier_run_do_not_stay(small, tmp_path):
    out = tmp_path / "out"
    assert invoke("run", str(small), "-o", str(out), "-q", "-f", "csv").returncode == 0
    assert (out / "documents.csv").exists()
    (out / "notes.txt").write_text("the analyst's own file")
    assert invoke("run", str(small), "-o", str(out), "-q").returncode == 0
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert not any(n.endswith(".csv") for n in names), names
    assert "notes.txt" in names  # not a table: left alone
    assert set(read_tables(out)) >= {"documents", "quantities", "errors", "flags"}


def test_two_runs_into_one_folder_say_what_they_replace(small, tmp_path):
    out = tmp_path / "out"
    files = sorted(small.iterdir())
    assert invoke("run", *map(str, files[:6]), "-o", str(out), "-q").returncode == 0
    second = invoke("run", *map(str, files[6:]), "-o", str(out))
    assert second.returncode == 0, second.stderr
    assert "6 documents that are not among these inputs" in second.stderr
    documents = read_tables(out)["documents"]
    assert sorted(Path(p).name for p in documents["path"]) == [f.name for f in files[6:]]


def test_interrupted_publication_is_refused_then_finished(small, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert invoke("run", str(small), "-o", str(out), "-q", "-f", "csv").returncode == 0
    with OutputFolder.open(out) as folder:  # the next run's new tables, swapped in until a "kill"
        staging = folder.new_staging()
        for name in ("documents", "errors", "quantities"):
            pd.DataFrame({"new": [1]}).to_parquet(staging / f"{name}.parquet")
        real_replace = os.replace
        moved = []

        def dying_replace(src, dst):
            if moved:
                raise KeyboardInterrupt  # stands for SIGKILL in the middle of the swap
            moved.append(dst)
            real_replace(src, dst)

        monkeypatch.setattr(os, "replace", dying_replace)
        with pytest.raises(KeyboardInterrupt):
            folder.publish(["documents", "errors", "quantities", "flags"])
        monkeypatch.setattr(os, "replace", real_replace)
    with pytest.raises(IncompleteTablesError, match="Run the same"):
        read_tables(out)
    refused = invoke("eval", str(out))
    assert refused.returncode == 2 and "incomplete" in refused.stderr
    OutputFolder.open(out).close()  # the next run finishes the swap first
    tables = read_tables(out)
    assert sorted(tables) == ["documents", "errors", "quantities"]  # the new set, and only it
    assert all("new" in frame.columns and len(frame) == 1 for frame in tables.values())


# ----------------------------------------------------------------------------- jobs


def test_jobs_two_gives_the_rows_of_jobs_one(small, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert invoke("run", str(small), str(REPORT), "-o", str(one), "-q", "-j", "1").returncode == 0
    assert invoke("run", str(small), str(REPORT), "-o", str(two), "-q", "-j", "2").returncode == 0
    assert_same_tables(one, two)


def test_jobs_two_reviews_on_two_cores_as_jobs_one_does(small, tmp_path):
    """With an issue list, the reports are read again and reviewed on --jobs cores (forked): the same
    tables and the same review files as one core."""
    feedback = REPORT.parent / "feedback_cq_tzb_2022_example.txt"
    one, two = tmp_path / "one", tmp_path / "two"
    for out, jobs in ((one, "1"), (two, "2")):
        assert invoke("run", str(small), str(REPORT), "--issues", str(feedback), "-o", str(out), "-q",
                      "-j", jobs).returncode == 0
    assert_same_tables(one, two)
    assert len(read_tables(one)["pairs"]) > 2
    pages = sorted(p.name for p in one.glob("review*.html"))
    assert len(pages) > 2 and pages == sorted(p.name for p in two.glob("review*.html"))
    assert all((one / name).read_bytes() == (two / name).read_bytes() for name in pages)


def test_unchanged_files_are_skipped_changed_ones_redone(small, tmp_path):
    batch = make_batch(tmp_path / "in", 5)
    out = tmp_path / "out"
    assert invoke("run", str(batch), "-o", str(out), "-q").returncode == 0
    (batch / "doc0002.txt").write_text("第二号通报\n召开会议18次。\n", encoding="utf-8")
    os.utime(batch / "doc0003.txt")  # touched, same content
    again = invoke("run", str(batch), "-o", str(out))
    assert again.returncode == 0
    assert "4 unchanged documents already done" in again.stderr
    quantities = read_tables(out)["quantities"]
    assert "18次" in set(quantities["text"])
    fresh = invoke("run", str(batch), "-o", str(out), "--fresh")
    assert "already done" not in fresh.stderr


# ----------------------------------------------------------------------------- time limit


# with -j 1 the document runs in this test process, where hypothesis has a gc callback: an alarm landing
# in it is swallowed and reported as "unraisable" by pytest, and the next alarm ends the document
# (test_engine_an_alarm_swallowed_once_still_ends_the_document); the rows asserted below are the point
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_document_over_the_time_limit_is_a_timeout_row(tmp_path):
    batch = make_batch(tmp_path / "in", 3)
    text = REPORT.read_text(encoding="utf-8")
    (batch / "huge.txt").write_text("\n".join([text] * 250), encoding="utf-8")
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = invoke("run", str(batch), "-o", str(out), "-q", "-j", jobs, "--timeout", "1")
        assert result.returncode == 1, result.stderr
        errors = read_tables(out)["errors"]
        assert list(errors["error_type"]) == ["timeout"]
        assert Path(errors["path"][0]).name == "huge.txt"
        assert "within 1 s" in errors["message"][0]
        assert len(read_tables(out)["documents"]) == 4


def test_engine_an_alarm_swallowed_once_still_ends_the_document(monkeypatch, tmp_path):
    """Regression: the one alarm landed in hypothesis's gc callback, which only reports an exception,
    and the document ran to its end (exit 0 instead of a timeout row).  The alarm now comes again."""
    import pipeline.document
    import pipeline.engine as engine

    swallowed = []

    def swallows_the_first_alarm(path, **options):
        try:
            time.sleep(5)
        except engine.DocumentTimeout:  # as a gc callback or a destructor does: reported, not raised
            swallowed.append(path)
        time.sleep(5)
        raise AssertionError("the second alarm never came")

    monkeypatch.setattr(pipeline.document, "process_path", swallows_the_first_alarm)
    started = time.monotonic()
    result = engine.process_limited(str(tmp_path / "slow.txt"), 0.2)
    assert swallowed == [str(tmp_path / "slow.txt")]
    assert result.error is not None and result.error.error_type == "timeout"
    assert time.monotonic() - started < 0.2 + 2 * engine.ALARM_AGAIN
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no alarm left behind


def _stuck_chunk(task, timeout, progress=None):
    """A worker that ignores its alarm on ``stuck.txt`` (as C code that never returns would)."""
    if any(path.endswith("stuck.txt") for _, path in task.items):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        for i, (_, path) in enumerate(task.items):
            if path.endswith("stuck.txt"):
                time.sleep(3600)
            progress(i)
    return run_chunk(task, timeout, progress)


def _pool(kind: str):
    """The engine's workers forked from a zygote, or from multiprocessing's forkserver (the fallback)."""
    if kind == "forkserver":
        return ForkserverPool()
    pool = fork_zygote(preload=PRELOAD)
    assert pool is not None or not hasattr(os, "memfd_create"), "a thread runs beside the tests (see test_zygote)"
    return pool or ForkserverPool()


@pytest.fixture
def stuck(tmp_path, monkeypatch):
    """Six documents and ``stuck.txt``, on which _stuck_chunk hangs, in two chunks; the kill comes soon."""
    import pipeline.engine as engine_module

    monkeypatch.setattr(engine_module, "KILL_GRACE", 0.5)
    batch = make_batch(tmp_path / "in", 6)
    (batch / "stuck.txt").write_text("召开会议3次。", encoding="utf-8")
    files = sorted(batch.iterdir())
    tasks = [Task(0, tuple((i, str(p)) for i, p in enumerate(files[:4]))),
             Task(1, tuple((i, str(p)) for i, p in enumerate(files[4:], start=4)))]
    return files, tasks


@pytest.mark.parametrize("pool", ["zygote", "forkserver"])
def test_a_stuck_worker_is_killed_and_replaced(stuck, pool):
    files, tasks = stuck
    engine = ProcessEngine(2, timeout=2, work=_stuck_chunk, pool=_pool(pool))
    try:
        results = list(engine.run(tasks, lambda n: None, lambda: False))
    finally:
        engine.close()
    outcomes = {o.fid: o for r in results for o in r.outcomes}
    assert sorted(outcomes) == list(range(len(files)))
    stuck = [o for o in outcomes.values() if o.error_type == "timeout"]
    assert len(stuck) == 1 and files[stuck[0].fid].name == "stuck.txt"
    assert engine.replaced == 1
    assert all(o.status == "done" for o in outcomes.values() if o is not stuck[0])


def test_a_lost_zygote_gives_way_to_the_forkserver_and_the_run_goes_on(stuck):
    """The system killed the zygote (out of memory, say): the workers it had forked finish their work, and
    the one that replaces a stuck worker comes from multiprocessing's forkserver; the run says so."""
    files, tasks = stuck
    zygote = _pool("zygote")
    if isinstance(zygote, ForkserverPool):
        pytest.skip("no zygote here (not Linux)")
    engine = ProcessEngine(2, timeout=2, work=_stuck_chunk, pool=zygote)
    results = []
    try:
        for result in engine.run(tasks, lambda n: None, lambda: False):
            if not results:  # both workers are forked by now: the zygote is lost
                os.kill(zygote.pid, signal.SIGKILL)
            results.append(result)
    finally:
        engine.close()
    outcomes = {o.fid: o for r in results for o in r.outcomes}
    assert sorted(outcomes) == list(range(len(files)))
    assert [files[o.fid].name for o in outcomes.values() if o.status != "done"] == ["stuck.txt"]
    assert engine.replaced == 1 and isinstance(engine.pool, ForkserverPool)
    assert any("forkserver" in note for note in engine.notes)


def _crashing_chunk(task, timeout, progress=None):
    """A worker that dies (as a crash in C code would) when it reaches ``crash.txt``."""
    for i, (_, path) in enumerate(task.items):
        if path.endswith("crash.txt"):
            os._exit(3)
        progress(i)
    return run_chunk(task, timeout, progress)


@pytest.mark.parametrize("pool", ["zygote", "forkserver"])
def test_a_crashed_worker_blames_its_document_and_the_rest_is_redone(tmp_path, pool):
    """The shared counter says which document a dead worker was on, however fast the ones before it were."""
    batch = make_batch(tmp_path / "in", 7)
    (batch / "crash.txt").write_text("召开会议3次。", encoding="utf-8")
    files = sorted(batch.iterdir())
    tasks = [Task(0, tuple((i, str(p)) for i, p in enumerate(files)))]
    counted: list[int] = []
    engine = ProcessEngine(2, timeout=30, work=_crashing_chunk, pool=_pool(pool))
    try:
        results = list(engine.run(tasks, counted.append, lambda: False))
    finally:
        engine.close()
    outcomes = {o.fid: o for r in results for o in r.outcomes}
    assert sorted(outcomes) == list(range(len(files)))
    crashed = [o for o in outcomes.values() if o.error_type == "worker_crashed"]
    assert [files[o.fid].name for o in crashed] == ["crash.txt"]
    assert "exit code 3" in crashed[0].error
    assert all(o.status == "done" for o in outcomes.values() if o is not crashed[0])
    assert engine.replaced == 1 and sum(counted) == len(files)


def test_chunks_follow_input_order_and_cover_every_input():
    items = [(i, Path(f"/nonexistent/{i}.txt")) for i in range(100)]
    tasks = make_tasks(items, jobs=2)
    assert [fid for t in tasks for fid, _ in t.items] == list(range(100))
    assert len(tasks) >= 8


def test_chunks_cut_by_the_sizes_given_as_by_those_looked_up(tmp_path):
    items = []
    for i in range(60):
        path = tmp_path / f"{i}.txt"
        path.write_bytes(b"x" * (100 + 97 * i))
        items.append((i, path))
    looked = make_tasks(items, jobs=2, max_bytes=20_000)
    given = make_tasks(items, jobs=2, max_bytes=20_000, sizes=[100 + 97 * i for i in range(60)])
    assert [t.items for t in looked] == [t.items for t in given]
    assert all(sum(100 + 97 * fid for fid, _ in t.items) <= 20_000 or len(t.items) == 1 for t in given)


def test_chunks_refuse_sizes_of_another_length(tmp_path):
    """Regression: sizes not one an input were replaced in silence by looking them up."""
    items = [(i, tmp_path / f"{i}.txt") for i in range(3)]
    with pytest.raises(ValueError, match="2 sizes given for 3 inputs"):
        make_tasks(items, jobs=2, sizes=[1, 2])


# ----------------------------------------------------------------------------- Dask


@pytest.mark.dask
def test_dask_local_cluster_gives_the_local_tables(tmp_path):
    pytest.importorskip("dask.distributed")
    batch = make_batch(tmp_path / "in", 200)
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert invoke("run", str(batch), "-o", str(local), "-q", "-j", "2").returncode == 0
    # in a process of its own, as a user runs it: a Dask client leaves a thread running in its process, after
    # which no worker pool's zygote could be forked in this one (the pool would be the forkserver)
    result = cli("run", str(batch), "-o", str(dask), "-q", "-j", "2", "--engine", "dask")
    assert result.returncode == 0, result.stderr
    left, right = comparable(local), comparable(dask)
    assert sorted(left) == sorted(right)
    for name in left:
        keys = [c for c in left[name].columns if c not in ("seconds",)]
        a = left[name].sort_values(keys, ignore_index=True) if len(left[name]) else left[name]
        b = right[name].sort_values(keys, ignore_index=True) if len(right[name]) else right[name]
        pd.testing.assert_frame_equal(a, b, obj=name)
    assert_same_tables(local, dask)  # and, as it happens, in the same order


def test_streamed_run_equals_build_tables_on_duplicates_and_big_numbers(tmp_path):
    from pipeline.document import process_path
    from pipeline.tables import build_tables

    batch = make_batch(tmp_path / "in", 3)
    (batch / "big.txt").write_text("一、总体情况\n挽回经济损失123456789012345678901元,召开会议3次。\n", encoding="utf-8")
    (batch / "zz_copy.txt").write_text((batch / "doc0001.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert invoke("run", str(batch), "-o", str(out), "-q", "-j", "2").returncode == 0
    files = sorted(batch.iterdir())
    expected = build_tables([process_path(p) for p in files])
    got = read_tables(out)
    for name, frame in expected.items():
        a = got[name].drop(columns=["seconds"], errors="ignore").reset_index(drop=True)
        b = frame.drop(columns=["seconds"], errors="ignore")
        assert len(a) == len(b), name
        pd.testing.assert_frame_equal(a, read_back(b, tmp_path / name), obj=name)


def read_back(frame: pd.DataFrame, folder: Path) -> pd.DataFrame:
    """A frame as a run's reader sees it (written and read back), to compare with a run's tables."""
    from pipeline.tables import read_tables, write_tables

    write_tables({folder.name: frame}, folder)
    return read_tables(folder)[folder.name].drop(columns=["seconds"], errors="ignore").reset_index(drop=True)
