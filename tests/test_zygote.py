"""The worker pool's zygote: workers forked on request, their counters shared, their exit codes reported."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest
from scale_inputs import running

from pipeline.engine import ProcessEngine
from pipeline.pool import ForkserverPool, start_pool
from pipeline.zygote import Zygote, ZygoteLost, available, fork_zygote

needs_zygote = pytest.mark.skipif(not (hasattr(os, "memfd_create") and hasattr(socket, "send_fds")),
                                  reason="no memfd or descriptor passing here (not Linux)")


def _single_threaded() -> None:
    """The test process must run no other thread here, or the pool falls back to the forkserver: a test
    that leaves one running (a Dask client does) belongs in a process of its own."""
    assert available(), f"threads running beside the tests: {[t.name for t in threading.enumerate()]}"


def _echo(conn, counter, add):
    """A worker: count each message, answer it plus ``add``; None ends it."""
    while (message := conn.recv()) is not None:
        counter.value += 1
        conn.send(message + add)


def _exit_with(conn, counter, code):
    conn.recv()
    raise SystemExit(code)


@pytest.fixture
def zygote():
    _single_threaded()
    forked = fork_zygote()
    yield forked
    forked.close()


@needs_zygote
def test_zygote_worker_answers_and_shares_its_counter(zygote):
    proc, conn, counter = zygote.start(_echo, 10)
    for n in range(3):
        conn.send(n)
        assert conn.recv() == n + 10
    assert counter.value == 3
    counter.value = 0  # the main process writes it too (the engine resets it per chunk)
    conn.send(5)
    assert conn.recv() == 15 and counter.value == 1
    assert proc.is_alive()
    conn.send(None)
    proc.join(5)
    assert not proc.is_alive() and proc.exitcode == 0
    proc.close()
    conn.close()


@pytest.mark.parametrize(("code", "expected"), [(3, 3), (None, 0), ("a message", 1)])
@needs_zygote
def test_zygote_reports_a_workers_exit_code(zygote, code, expected):
    proc, conn, _ = zygote.start(_exit_with, code)
    conn.send("go")
    proc.join(5)
    assert proc.exitcode == expected


@needs_zygote
def test_zygote_reports_a_killed_worker_as_multiprocessing_does(zygote):
    proc, conn, _ = zygote.start(_echo, 0)
    proc.kill()
    proc.join(5)
    assert not proc.is_alive()
    assert proc.exitcode == -signal.SIGKILL
    with pytest.raises((EOFError, OSError)):
        conn.recv()


def _saving(signum, frame):  # a stand-in for the batch's "save what is done" on SIGTERM
    pass


@needs_zygote
def test_zygote_workers_do_not_inherit_the_main_processs_signal_handlers():
    """Regression: a zygote forked after the batch had set its SIGTERM handler (the API's path) gave the
    handler to every worker: a SIGTERM no longer ended them."""
    _single_threaded()
    previous = signal.signal(signal.SIGTERM, _saving)
    try:
        zygote = fork_zygote()
    finally:
        signal.signal(signal.SIGTERM, previous)
    try:
        proc, conn, _ = zygote.start(_echo, 0)
        conn.send(1)
        assert conn.recv() == 1  # running, past its start
        os.kill(proc.pid, signal.SIGTERM)
        proc.join(5)
        assert proc.exitcode == -signal.SIGTERM
    finally:
        zygote.close()


@needs_zygote
def test_zygote_close_ends_and_reaps_it(zygote):
    pid = zygote.pid
    proc, conn, _ = zygote.start(_echo, 0)
    conn.send(None)
    proc.join(5)
    zygote.close()
    assert not running(pid)
    zygote.close()  # again: nothing
    with pytest.raises(RuntimeError, match="closed"):
        zygote.start(_echo, 0)


def _slow_warm_up():
    time.sleep(30)


@needs_zygote
def test_zygote_that_forked_no_worker_is_ended_without_waiting_for_its_imports():
    """A run that needs no pool after all (one chunk, all done already) does not wait for it to be ready."""
    _single_threaded()
    zygote = fork_zygote(warm=_slow_warm_up)
    pid = zygote.pid
    began = time.monotonic()
    zygote.close()
    assert time.monotonic() - began < 10  # not the 30 s of its warm-up
    assert not running(pid)


@needs_zygote
def test_zygote_waits_for_its_last_worker_when_closed(zygote):
    """Its workers' exit codes still arrive: it reaps them before it ends."""
    proc, conn, _ = zygote.start(_echo, 0)
    closing = threading.Thread(target=zygote.close)
    closing.start()
    time.sleep(0.1)
    assert proc.is_alive()
    conn.send(None)
    closing.join(10)
    assert not closing.is_alive()
    proc.join(5)
    assert proc.exitcode == 0


@needs_zygote
def test_zygote_a_worker_outlives_a_dead_zygote_and_is_seen_to_end(zygote):
    """If the system kills the zygote, its workers go on: each is alive until it ends, then seen to end
    (its sentinel is a pidfd of it), with no exit code, as nobody was left to read one."""
    proc, conn, _ = zygote.start(_echo, 0)
    os.kill(zygote.pid, signal.SIGKILL)
    os.waitpid(zygote.pid, 0)
    conn.send(2)
    assert conn.recv() == 2
    if proc.pidfd is not None:
        assert proc.is_alive()
    conn.send(None)
    proc.join(10)
    assert not proc.is_alive() and proc.exitcode is None
    with pytest.raises(ZygoteLost):
        zygote.start(_echo, 0)
    zygote.close()  # reaped already: nothing to wait for


def test_zygote_is_not_forked_beside_another_thread():
    """A fork keeps only the calling thread: with another one running, the pool is multiprocessing's."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not available()
        assert fork_zygote() is None
        pool = start_pool()
        assert isinstance(pool, ForkserverPool)
        pool.close()
    finally:
        stop.set()
        other.join()


@needs_zygote
def test_zygote_fallback_to_the_forkserver_is_said():
    """Regression: beside another thread (a notebook's kernel) the workers came from the forkserver in
    silence; the run's notes now say so, and why (a fallback says that it was taken)."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        engine = ProcessEngine(2, timeout=None)
        engine.close()
    finally:
        stop.set()
        other.join()
    [note] = engine.notes
    assert "forkserver" in note and "1 other thread" in note and "results are the same" in note
    _single_threaded()
    engine = ProcessEngine(2, timeout=None)  # a zygote: nothing to say
    engine.close()
    assert engine.notes == []


@needs_zygote
def test_zygote_is_the_pool_of_a_single_threaded_process():
    _single_threaded()
    pool = start_pool()
    try:
        assert isinstance(pool, Zygote)
    finally:
        pool.close()


@needs_zygote
def test_zygote_is_forked_after_the_modules_both_sides_import():
    """The main process imports pool.SHARED before it forks the zygote (in a fresh interpreter: here the
    tests imported them long ago), so the zygote inherits them instead of importing them again."""
    code = ("import sys\n"
            "from pipeline.pool import SHARED, start_pool\n"
            "before = [m for m in SHARED if m in sys.modules]\n"
            "pool = start_pool()\n"
            "print(type(pool).__name__, before, [m for m in SHARED if m not in sys.modules])\n"
            "pool.close()\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.split("\n")[0] == "Zygote [] []", out.stderr


def test_zygote_a_progress_bar_leaves_no_thread_behind():
    """Regression: tqdm's monitor thread, started by the first bar and kept to the end of the process,
    made every later pool of that process (a notebook's second run) multiprocessing's forkserver."""
    from pipeline.progress import progress_bar

    before = threading.active_count()
    bar = progress_bar(total=10, leave=False, disable=False)
    bar.update(3)
    bar.close()
    assert threading.active_count() == before


@needs_zygote
def test_zygote_ends_when_closed_though_a_process_was_forked_from_the_main_one(tmp_path):
    """Regression: table writers forked from the main process while the workers ran kept a copy of the
    zygote's socket, so the zygote never saw it close: it was killed after 5 s.  A writer closes what
    the engine names (ProcessEngine.connections)."""
    from pipeline.compaction import TableWriters

    _single_threaded()
    engine = ProcessEngine(2, timeout=None)
    zygote = engine.pool
    for _ in range(2):
        engine._start()
    writers = TableWriters(2, fork=True, close_in_child=engine.connections())
    try:
        engine.stop()  # the workers and the zygote told to end; the writers still run
        engine.close()
        assert isinstance(zygote, Zygote) and not zygote.killed and zygote.reaped
    finally:
        writers.close()
