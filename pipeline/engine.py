"""Engines that run chunks of documents: in this process, in worker processes, or on Dask.

Why one task function for all of them: :func:`run_chunk` is pure (paths in,
rows and manifest outcomes out), so the in-process loop, the local worker pool
and a Dask cluster give the same rows; only scheduling differs.

The local pool is our own small one rather than ``ProcessPoolExecutor``: a
worker stuck in one document past the time limit must be killed and replaced
without losing the work queued on the others, and the executor can only kill
all of its workers at once (``BrokenProcessPool``).  Workers are forked from a
zygote (:mod:`pipeline.zygote`; multiprocessing's forkserver where none can be forked)
that has imported this module and the extractors once, so a replacement starts in
milliseconds.  The main process itself never imports the extractors unless it runs
documents (``--jobs 1``, the review).
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from multiprocessing.connection import wait
from pathlib import Path

from pipeline.pool import ForkserverPool, start_pool
from pipeline.manifest import Outcome, file_sha256
from pipeline.outdir import OutputWriteError
from pipeline.records import DocumentResult, ErrorRecord

#: seconds a worker may overrun the per-document limit (its own alarm should fire first) before it is killed
KILL_GRACE = 5.0


@dataclass(frozen=True, slots=True)
class Task:
    """A chunk of inputs, consecutive in input order: (fid, path) pairs."""

    chunk: int
    items: tuple[tuple[int, str], ...]
    pdf_password: str | None = None
    ref_date: dt.date | None = None  # --ref-date: the reference of relative expressions in every document
    parts_dir: str | None = None  # where the worker writes its rows itself (None: they travel back as tables)
    part_base: int = 0  # the part of chunk k is part_base + k (chunk ids are unique within a run)

    @property
    def part(self) -> int:
        return self.part_base + self.chunk

    def again(self, chunk: int, items: tuple[tuple[int, str], ...]) -> "Task":
        """The same work on other inputs under a new chunk id (what is left of a lost chunk)."""
        return replace(self, chunk=chunk, items=items)


@dataclass(slots=True)
class ChunkResult:
    chunk: int
    outcomes: list[Outcome]
    tables: dict = field(default_factory=dict)  # table name -> pyarrow.Table of rows with _fid (not yet written)
    part: int | None = None  # the part the rows were written to (the tables are then not carried)


class DocumentTimeout(BaseException):
    """Raised by the alarm inside a document that ran past the limit (not an Exception: nothing may swallow it)."""


def make_tasks(items: Sequence[tuple[int, str | os.PathLike]], *, jobs: int, max_docs: int = 32,
               max_bytes: int = 1 << 19, pdf_password: str | None = None, ref_date: dt.date | None = None,
               parts_dir: Path | None = None, part_base: int = 0,
               sizes: Sequence[int | None] | None = None) -> list[Task]:
    """Chunks small enough to balance ``jobs`` workers and to lose little when a worker is replaced.

    With ``parts_dir`` each chunk's rows are written by whoever runs it, as part ``part_base + chunk``:
    the tables never travel through a pipe and the main process never holds them.  ``sizes``: the
    files' sizes in bytes where the caller has them (None for one it could not read), else looked up
    (ValueError for a list of another length than ``items``)."""
    extra = {"pdf_password": pdf_password, "ref_date": ref_date,
             "parts_dir": None if parts_dir is None else str(parts_dir), "part_base": part_base}
    per_worker = max(1, -(-len(items) // (jobs * 4)))
    limit = max(1, min(max_docs, per_worker))
    if sizes is None:
        sizes = [_size(path) for _, path in items]
    elif len(sizes) != len(items):  # a caller's bug: the sizes would go with other files
        raise ValueError(f"{len(sizes)} sizes given for {len(items)} inputs")
    tasks: list[Task] = []
    current: list[tuple[int, str]] = []
    size = 0
    for (fid, path), nbytes in zip(items, sizes):
        nbytes = nbytes or 0
        if current and (len(current) >= limit or size + nbytes > max_bytes):
            tasks.append(Task(len(tasks), tuple(current), **extra))
            current, size = [], 0
        current.append((fid, str(path)))
        size += nbytes
    if current:
        tasks.append(Task(len(tasks), tuple(current), **extra))
    return tasks


def _size(path) -> int | None:
    try:
        return os.path.getsize(path)
    except OSError:
        return None


def timeout_result(path: str, seconds: float) -> DocumentResult:
    return DocumentResult(
        doc_id=None,
        path=path,
        format=Path(path).suffix.lstrip(".").lower() or None,
        error=ErrorRecord(path, "extract", "timeout",
                          f"no result within {seconds:g} s; the document was skipped (raise --timeout to allow more)"),
        seconds=seconds,
    )


def crashed_result(path: str, exitcode) -> DocumentResult:
    return DocumentResult(
        doc_id=None,
        path=path,
        format=Path(path).suffix.lstrip(".").lower() or None,
        error=ErrorRecord(path, "extract", "worker_crashed",
                          f"the worker process died (exit code {exitcode}) while processing this document"),
    )


def _on_alarm(signum, frame):
    raise DocumentTimeout()


#: seconds between further alarms after the first, until the document ends: an alarm that lands in
#: a garbage-collector callback or a destructor is only reported there, never raised, and the limit
#: was lost (the document then ran to its end; seen with hypothesis's gc callback in the test process)
ALARM_AGAIN = 0.5


def process_limited(path: str, timeout: float | None, pdf_password: str | None = None,
                    ref_date: dt.date | None = None) -> DocumentResult:
    """``process_path`` under a time limit (an alarm; only in a main thread, where signals arrive)."""
    from pipeline.document import process_path  # the extractors: imported by whoever runs documents

    if not timeout or threading.current_thread() is not threading.main_thread():
        return process_path(path, pdf_password=pdf_password, ref_date=ref_date)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, timeout, ALARM_AGAIN)
        try:
            return process_path(path, pdf_password=pdf_password, ref_date=ref_date)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except DocumentTimeout:
        return timeout_result(path, timeout)
    finally:
        signal.signal(signal.SIGALRM, previous)


def outcome_of(fid: int, sha: str | None, result: DocumentResult) -> Outcome:
    error = result.error
    return Outcome(
        fid=fid,
        sha256=sha,
        status="done" if error is None else "failed",
        error_type=None if error is None else error.error_type,
        error=None if error is None else error.message,
        doc_id=result.doc_id,
        kind=result.meta.kind if error is None else None,
        seconds=result.seconds,
    )


def results_chunk(task: Task, items: Sequence[tuple[int, str | None, DocumentResult]]) -> ChunkResult:
    """Rows and outcomes of finished documents [(fid, sha256, result)]; the rows written as the task's part
    when it names a folder."""
    from pipeline.parts import chunk_tables, write_part

    tables, stored = chunk_tables([r for _, _, r in items], [fid for fid, _, _ in items])
    outcomes = [outcome_of(fid, sha, r) for (fid, sha, _), r in zip(items, stored)]
    if task.parts_dir is None:
        return ChunkResult(task.chunk, outcomes, tables)
    try:
        write_part(Path(task.parts_dir), task.part, tables)
    except OSError as exc:  # the output folder's fault, not the documents': the run stops with it
        raise OutputWriteError.of(task.parts_dir, exc) from exc
    return ChunkResult(task.chunk, outcomes, part=task.part)


def run_chunk(task: Task, timeout: float | None = None, progress: Callable[[int], None] | None = None) -> ChunkResult:
    """Process every input of one chunk: the unit of work of every engine."""
    done = []
    for i, (fid, path) in enumerate(task.items):
        sha = file_sha256(path)
        done.append((fid, sha, process_limited(path, timeout, task.pdf_password, task.ref_date)))
        if progress is not None:
            progress(i)
    return results_chunk(task, done)


# --------------------------------------------------------------------------- engines


class InlineEngine:
    """Chunks one after the other in this process (``--jobs 1``: no start-up, no copying)."""

    def __init__(self, *, timeout: float | None):
        self.timeout = timeout
        self.notes: list[str] = []  # as every engine: what the run should say of how it ran

    def run(self, tasks: Iterable[Task], progress: Callable[[int], None], stop: Callable[[], bool]) -> Iterator[ChunkResult]:
        tasks = list(tasks)
        if tasks and self.timeout:
            warm_up()  # lazy loaders outside the time limit, as in a worker
        for task in tasks:
            if stop():
                return
            yield run_chunk(task, self.timeout, lambda i: progress(1))

    def stop(self) -> None:
        pass

    def close(self) -> None:
        pass


def warm_up() -> None:
    """Run one tiny document, so that lazy loaders run before a time limit is counted."""
    from pipeline.document import analyze_text
    from pipeline.read import read_bytes

    raw = read_bytes("一、总体情况\n截至2022年6月底,召开会议3次,整改完成率94.5%。".encode(), name="warm-up.txt")
    analyze_text(raw.text, raw=raw)


def _worker_main(conn, done, timeout: float | None, work: Callable = run_chunk) -> None:
    """A worker's loop: chunks in, results out; ``done`` (shared memory) counts the current chunk's
    finished documents, for the parent's progress bar and watchdog, without a message per document."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C means
    # what the worker inherited from the zygote (the preloaded modules) leaves the collector's
    # care: a full collection would write to every inherited object and copy its page, so each
    # worker would end up with a private copy of memory the zygote and its siblings share
    gc.freeze()
    warm_up()  # an alarm must never interrupt a first-use import (it would leave it half done)

    def finished(i: int) -> None:
        done.value = i + 1

    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            result = work(task, timeout, finished)
        except OutputWriteError as exc:  # not a crash: sent back, and the parent stops the run with it
            result = exc
        try:
            conn.send(result)
        except OSError:  # the parent was killed: nobody records the part, the next run removes it
            return


@dataclass(eq=False)
class _Worker:
    proc: object
    conn: object
    done: object  # shared int: documents of the current chunk finished (reset by the parent per chunk)


@dataclass
class _Busy:
    task: Task
    done: int = 0
    started: float = field(default_factory=time.monotonic)


class ProcessEngine:
    """``jobs`` worker processes; a worker stuck past the limit is killed and replaced.

    Progress is read from a counter each worker keeps in shared memory, four times a second: a
    message per document woke the parent thousands of times, costing it more CPU than receiving
    the results, and the counter still says exactly which document a lost worker was on.
    """

    def __init__(self, jobs: int, *, timeout: float | None, work: Callable = run_chunk, pool=None):
        self.jobs = jobs
        self.timeout = timeout
        self.work = work  # run_chunk, or a stand-in with the same signature (tests)
        # the workers' zygote: started here, before the caller starts any thread (the batch's import
        # thread), unless the command line started it already; this engine closes it
        self.pool = pool if pool is not None else start_pool()
        self.workers: list[_Worker] = []
        self.replaced = 0
        self.notes: list[str] = []  # what the run should say of how its workers were started
        if isinstance(self.pool, ForkserverPool) and self.pool.why:  # the fallback, said
            self.notes.append(f"the workers came from multiprocessing's forkserver, not from a zygote: {self.pool.why}; "
                              "the results are the same, only the workers start more slowly")

    def _start(self) -> _Worker:
        from pipeline.zygote import ZygoteLost

        try:
            proc, conn, done = self.pool.start(_worker_main, self.timeout, self.work)
        except ZygoteLost as lost:  # killed by the system, or its fork failed: the forkserver from now on
            self.pool.close()
            self.pool = ForkserverPool()
            self.notes.append(f"{lost}; the workers started after that came from multiprocessing's forkserver")
            proc, conn, done = self.pool.start(_worker_main, self.timeout, self.work)
        worker = _Worker(proc, conn, done)
        self.workers.append(worker)
        return worker

    def _kill(self, worker: _Worker) -> int | None:
        """End the worker (killed if it still runs) and free what it held; its exit code."""
        if worker.proc.is_alive():
            worker.proc.kill()
        worker.proc.join(5)
        exitcode = worker.proc.exitcode  # after the join: a process that just died may not have one yet
        try:
            worker.proc.close()
        except ValueError:  # still running after the kill (multiprocessing will not close it)
            pass
        worker.conn.close()
        self.workers.remove(worker)
        return exitcode

    @staticmethod
    def _advance(state: _Busy, worker: _Worker, progress: Callable[[int], None]) -> None:
        """Count the documents the worker finished since the last look; a finish restarts its clock."""
        done = worker.done.value
        if done != state.done:
            progress(done - state.done)
            state.done = done
            state.started = time.monotonic()

    def run(self, tasks: Iterable[Task], progress: Callable[[int], None], stop: Callable[[], bool]) -> Iterator[ChunkResult]:
        pending = deque(tasks)
        ids = itertools.count(max((t.chunk for t in pending), default=0) + 1)
        idle = [self._start() for _ in range(min(self.jobs, len(pending)))]
        busy: dict[_Worker, _Busy] = {}
        while pending or busy:
            if stop():
                return
            while idle and pending:
                worker = idle.pop()
                task = pending.popleft()
                worker.done.value = 0  # before the worker can start on it: never a count of the last chunk
                worker.conn.send(task)
                busy[worker] = _Busy(task)
            by_conn = {w.conn: w for w in busy}
            by_sentinel = {w.proc.sentinel: w for w in busy}
            for ready in wait(list(by_conn) + list(by_sentinel), timeout=0.25):
                worker = by_conn.get(ready) or by_sentinel.get(ready)
                if worker not in busy:
                    continue
                state = busy[worker]
                self._advance(state, worker, progress)
                try:
                    if ready is worker.proc.sentinel and not worker.conn.poll():
                        raise EOFError
                    result = worker.conn.recv()
                except (EOFError, OSError):  # the worker died in the middle of a document
                    del busy[worker]
                    yield self._lost(worker, state, pending, ids, progress, crashed=True)
                    idle.append(self._start())
                    continue
                del busy[worker]
                idle.append(worker)
                if isinstance(result, OutputWriteError):
                    raise result
                progress(len(result.outcomes) - state.done)
                yield result
            for worker, state in busy.items():
                self._advance(state, worker, progress)
            if self.timeout:
                now = time.monotonic()
                for worker, state in list(busy.items()):
                    if now - state.started > self.timeout + KILL_GRACE:
                        del busy[worker]
                        yield self._lost(worker, state, pending, ids, progress, crashed=False)
                        idle.append(self._start())

    def _lost(self, worker: _Worker, state: _Busy, pending: deque, ids, progress, *, crashed: bool) -> ChunkResult:
        """Record the document a dead or stuck worker was on; queue the rest of its chunk again."""
        self._advance(state, worker, progress)  # the last documents it finished count
        exitcode = self._kill(worker)
        self.replaced += 1
        at = min(state.done, len(state.task.items) - 1)  # the document it was on
        fid, path = state.task.items[at]
        rest = state.task.items[:at] + state.task.items[at + 1:]
        if rest:
            pending.appendleft(state.task.again(next(ids), rest))
        if at:
            progress(-at)  # their results were lost with the worker: counted again when redone
        progress(1)
        result = crashed_result(path, exitcode) if crashed else timeout_result(path, self.timeout)
        return results_chunk(state.task, [(fid, file_sha256(path), result)])

    def connections(self) -> list:
        """What of this process a process forked from it must close: its ends of the workers' connections
        and of the zygote's socket (a copy kept open would keep the zygote from seeing this process end)."""
        return [w.conn for w in self.workers] + self.pool.ends()

    def stop(self) -> None:
        """Tell the workers, and the zygote, to end, without waiting for them (:meth:`close` waits): a run
        goes on to its tables while they end."""
        for worker in self.workers:  # again (from close): a worker gone already is passed over
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                pass
        self.pool.shut()

    def close(self) -> None:
        self.stop()
        deadline = time.monotonic() + 2
        for worker in list(self.workers):
            worker.proc.join(max(0.0, deadline - time.monotonic()))
            self._kill(worker)
        self.pool.close()


class DaskEngine:
    """Chunks as tasks on a Dask distributed cluster (an existing scheduler, or a LocalCluster).

    Workers need the same ``zhenggai`` installed and the input paths visible (a shared
    file system).  Tasks run in the workers' threads, where no alarm can interrupt a
    document: the per-document limit is not enforced on Dask.
    """

    def __init__(self, jobs: int, *, scheduler: str | None = None):
        self.notes: list[str] = []
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # an optional extra
            raise RuntimeError('the Dask engine needs dask.distributed: pip install "zhenggai[dask]"') from exc
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)

    def run(self, tasks: Iterable[Task], progress: Callable[[int], None], stop: Callable[[], bool]) -> Iterator[ChunkResult]:
        from dask.distributed import as_completed

        futures = {self.client.submit(run_chunk, task, None, pure=False): task for task in tasks}
        for future in as_completed(list(futures)):
            if stop():
                for other in futures:
                    other.cancel()
                return
            task = futures.pop(future)
            try:
                result = future.result()
            except Exception as exc:  # a failure of the cluster, not of a document: each input says so
                items = [(fid, file_sha256(path), DocumentResult(
                    doc_id=None, path=path,
                    error=ErrorRecord(path, "extract", "engine_error", f"the Dask task failed: {type(exc).__name__}: {exc}")))
                    for fid, path in task.items]
                result = results_chunk(task, items)
            future.release()
            progress(len(result.outcomes))
            yield result

    def stop(self) -> None:
        """Close the client (and the LocalCluster) now: the run then forks no process beside its threads."""
        self.close()

    def close(self) -> None:
        if self.client is None:
            return
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None


def make_engine(name: str, jobs: int, *, timeout: float | None, scheduler: str | None, n_tasks: int, pool=None):
    """The engine of a run; ``pool``, a worker pool already started (:func:`pipeline.pool.start_pool`), is the
    local workers' (the caller closes it when no worker pool took it)."""
    if name == "dask":
        return DaskEngine(jobs, scheduler=scheduler)
    if jobs <= 1 or n_tasks <= 1:
        return InlineEngine(timeout=timeout)
    return ProcessEngine(jobs, timeout=timeout, pool=pool)
