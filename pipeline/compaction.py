"""The document tables written from the streamed parts: each table on its own, in parallel over the run's cores.

Why: with ``--jobs N`` the tables used to be compacted by the main process alone after the
workers had finished, so one core idled for the last seconds of every batch.  The tables do
not depend on each other (each has its own file in each part), so each is written by one
process: the largest first, the main process meanwhile free for the review.  A table is the
same file whichever process writes it, since the same function writes it.

A process writes into a hidden folder of its own under the staging folder, and the main process
moves the finished file into place: a process left behind by a killed run can only ever write
where no run looks (the next run empties the staging folder).
"""

from __future__ import annotations

import gc
import os
import shutil
import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.partfiles import PART_SUFFIX, part_dir
from pipeline.parts import SLICE_DOCS, SLICE_ROWS, compact, compact_tables, sliceable

#: what a run keeps of the documents table for its summary (the table itself is written in slices)
SUMMARY_COLUMNS = ("path", "kind", "error", "n_pages", "n_chars")


@dataclass(frozen=True, slots=True)
class TableJob:
    """One document table to write: where its parts are, the inputs in order, where it goes."""

    name: str
    parts: Path
    order: Sequence[tuple[int, int]]  # [(fid, part)] in input order
    staging: Path
    fmt: str  # parquet or csv
    duplicates: dict[int, str] = field(default_factory=dict)  # {fid: first path with the same content}

    @property
    def folder(self) -> Path:
        """Where the writing process puts the table before the main process moves it into staging."""
        return self.staging / f".{self.name}.compacting"

    def weight(self) -> int:
        """Bytes of the table's parts: the largest tables are started first."""
        total = 0
        for part in {part for _, part in self.order}:
            try:
                total += (part_dir(self.parts, part) / f"{self.name}{PART_SUFFIX}").stat().st_size
            except OSError:
                pass
        return total


def write_table(job: TableJob):
    """Write one table into the job's folder, a slice of inputs at a time where it can be; the
    documents table's summary columns come back (None for the other tables)."""
    from pipeline.tables import arrow_frame, table_frame, write_frames  # pandas: not in the workers' start-up

    job.folder.mkdir(parents=True, exist_ok=True)
    if sliceable(job.parts, job.order, job.name):  # memory follows a slice, not the batch
        frames = (arrow_frame(job.name, piece, duplicates=job.duplicates) for piece in
                  compact_tables(job.parts, job.order, job.name, duplicates=job.duplicates,
                                 slice_docs=SLICE_DOCS, slice_rows=SLICE_ROWS))
    else:  # columns a slice may lack (exact digits of huge integers): framed whole
        frames = iter([table_frame(job.name, compact(job.parts, job.order, job.name, duplicates=job.duplicates))])
    summary = []
    if job.name == "documents":
        frames = _keeping(frames, summary)
    write_frames(job.name, frames, job.folder, fmt=job.fmt)
    if not summary:
        return None
    import pandas as pd

    return pd.concat(summary, ignore_index=True)


def _keeping(frames, kept: list):
    """Pass the documents table's frames through, keeping their summary columns."""
    for frame in frames:
        kept.append(frame[list(SUMMARY_COLUMNS)])
        yield frame


def _settle(job: TableJob) -> None:
    """Move a written table from the job's folder into staging."""
    target = f"{job.name}.{job.fmt}"
    os.replace(job.folder / target, job.staging / target)
    shutil.rmtree(job.folder, ignore_errors=True)


def _serve(conn, write: Callable, inherited: Sequence = ()) -> None:
    """A compaction process: jobs in, what ``write`` returned (or the exception it raised) out, until told to stop.

    Reading jobs from a pipe whose other end only the main process holds, the process ends
    when that end closes, however the main process ended (a pool's shared queue would keep
    its processes waiting forever after a SIGKILL of the run).  A process forked from the main
    process got copies of the main process's ends (``inherited``: its own, its elder siblings'):
    they are closed first, or the ends would never close.
    """
    for end in inherited:
        end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides what Ctrl-C means
    gc.freeze()  # as a worker does (pipeline.engine): inherited pages stay shared with its parent
    # pyarrow's own buffers from the C allocator: Arrow's default (mimalloc) kept what each slice had
    # used, so a table's process grew with every slice (2-5 MB a slice, measured). Arrow's C++ keeps
    # its default pool: the command sets that one for all its processes (pipeline.__main__.ARROW_POOL)
    import pyarrow as pa

    pa.set_memory_pool(pa.system_memory_pool())
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            answer = (True, write(job))
        except Exception as exc:  # raised again in the main process, as if it had written the table
            answer = (False, exc)
        try:
            conn.send(answer)
        except OSError:  # the main process was killed: the table stays in a folder no run looks at
            return


def _context(fork: bool):
    """Processes forked from this one where it may fork (it has imported the table writer's pandas
    already: the workers' zygote has not, so that they start without it), else multiprocessing's
    forkserver (beside a Dask client, whose threads may hold locks a fork would inherit)."""
    import multiprocessing as mp

    if fork and "fork" in mp.get_all_start_methods():
        return mp.get_context("fork")
    from pipeline.pool import context

    return context()


class TableWriters:
    """``processes`` processes that write tables (:func:`_serve`), started before there are tables to
    write: a run forks them while its last chunks are done, so that the end of the workers is not
    followed by the forks (20-30 ms of one core, with the other idle).

    ``close_in_child``: what else of this process a forked writer must not keep (the worker pool's
    connections: a writer's copy of the zygote's socket would keep the zygote waiting for an end)."""

    def __init__(self, processes: int, *, write: Callable = write_table, fork: bool = False,
                 close_in_child: Sequence = ()):
        ctx = _context(fork)
        forked = ctx.get_start_method() == "fork"
        ours: list = []  # the main process's ends: a forked process closes its copies of them
        self.ready: list = []  # (connection, process), each waiting for a table
        for _ in range(processes):
            parent, child = ctx.Pipe(duplex=True)
            ours.append(parent)
            inherited = (*ours, *close_in_child) if forked else ()
            process = ctx.Process(target=_serve, args=(child, write, inherited), daemon=True)
            process.start()
            child.close()
            self.ready.append((parent, process))

    def take(self) -> list:
        """The processes, for a :class:`Compaction` to hand tables to (and to end)."""
        ready, self.ready = self.ready, []
        return ready

    def close(self) -> None:
        """End the processes no compaction took (the run ended before its tables)."""
        _end(self.take())


def _end(idle) -> None:
    for conn, process in idle:
        try:
            conn.send(None)
        except OSError:  # already gone
            pass
        process.join(5)
        conn.close()


class Compaction:
    """The document tables of a run, handed to ``processes`` processes (written inline for one) on
    entry, collected by :meth:`results`; a context manager, so that the processes end with it.

    ``writers``: processes started ahead (:class:`TableWriters`), used instead of starting others."""

    def __init__(self, jobs: Sequence[TableJob], *, processes: int, write: Callable = write_table,
                 fork: bool = False, writers: TableWriters | None = None):
        self.jobs = sorted(jobs, key=lambda job: -job.weight())
        self.write = write  # write_table, or a stand-in with its signature (tests)
        self.notes: list[str] = []
        self.pending = list(self.jobs)
        self.running: dict = {}  # connection -> (process, the job it writes)
        self.idle: list = []
        ready = writers.take() if writers is not None else []
        if processes > 1 and len(self.jobs) > 1:
            wanted = min(processes, len(self.jobs))
            if not ready:
                ready = TableWriters(wanted, write=write, fork=fork).take()
            for conn, process in ready:
                self._hand(conn, process)  # more processes than tables: the others idle, ended on exit
        else:
            self.idle += ready

    def _hand(self, conn, process) -> None:
        """Give the process the next table, if any is left."""
        if self.pending:
            job = self.pending.pop(0)
            conn.send(job)
            self.running[conn] = (process, job)
        else:
            self.idle.append((conn, process))

    def results(self) -> dict[str, object]:
        """Wait for every table, move each into staging; ``{name: what write_table returned}``.

        A process that died (killed by the system) is not its table's fault: the table is
        written here instead, and :attr:`notes` says so.
        """
        from multiprocessing.connection import wait

        out: dict[str, object] = {}
        while self.running:
            for conn in wait(list(self.running)):
                process, job = self.running.pop(conn)
                try:
                    ok, answer = conn.recv()
                except (EOFError, OSError):
                    self.notes.append(f"the {job.name} table was written by the main process: "
                                      "the process writing it was lost")
                    out[job.name] = self.write(job)
                    conn.close()
                    continue
                if not ok:
                    self.idle.append((conn, process))
                    raise answer
                out[job.name] = answer
                self._hand(conn, process)
        for job in self.pending:  # no process (one core), or every process lost
            out[job.name] = self.write(job)
        self.pending = []
        for job in self.jobs:
            _settle(job)
        return out

    def __enter__(self) -> "Compaction":
        return self

    def __exit__(self, *exc) -> None:
        _end(self.idle)
        for conn, (process, _) in self.running.items():  # left by an error: their tables are not needed
            process.kill()
            process.join(5)
            conn.close()
        self.idle, self.running = [], {}
