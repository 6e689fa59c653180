"""Batches: expand inputs to files, then process them resumably into an output folder.

Never stops on a bad file.  The pieces live in their own modules: the output folder
(:mod:`pipeline.outdir`), the manifest (:mod:`pipeline.manifest`), streamed parts
(:mod:`pipeline.parts`) and the engines that run the work (:mod:`pipeline.engine`);
this module plans a run and puts them together.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import signal
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pipeline
import pipeline.models
from pipeline.engine import ProcessEngine, make_engine, make_tasks
from pipeline.inputs import DOCUMENT_SUFFIXES, Inputs, collect_inputs  # noqa: F401  (re-exported)
from pipeline.manifest import Manifest
from pipeline.outdir import OutputWriteError, writing
from pipeline.partfiles import remove_parts
from pipeline.progress import progress_bar
from pipeline.records import DocumentResult
from pipeline.rows import DOCUMENT_TABLES


def iter_results(
    files: Sequence[str | os.PathLike], *, limits=None, progress: bool = True, pdf_password: str | None = None,
    ref_date: dt.date | None = None,
) -> Iterator[DocumentResult]:
    """Process files one by one (lazily), with a tqdm bar on stderr (the API's path: results in memory)."""
    from pipeline.document import process_path

    for path in progress_bar(files, show=progress, unit="file", leave=False):
        yield process_path(path, limits=limits, pdf_password=pdf_password, ref_date=ref_date)


# --------------------------------------------------------------------------- a batch run at scale


class Interrupted(Exception):
    """The run was stopped (Ctrl-C, SIGTERM) after saving what was done."""

    def __init__(self, done: int, total: int):
        super().__init__(f"{done} of {total} documents saved")
        self.done, self.total = done, total


@dataclass(slots=True)
class BatchOptions:
    jobs: int = 1
    timeout: float | None = 60.0
    engine: str = "local"  # local, dask
    scheduler: str | None = None
    fresh: bool = False
    fmt: str = "parquet"
    progress: bool = True
    flush_seconds: float = 2.0  # a kill loses at most this much finished work
    flush_docs: int = 2000
    pdf_password: str | None = None
    ref_date: dt.date | None = None  # --ref-date (results made with another one are not reused)


@dataclass(slots=True)
class BatchReport:
    tables: dict  # errors, the review tables and the documents' SUMMARY_COLUMNS (every table whole for xlsx)
    n_documents: int
    n_skipped: int
    n_processed: int
    notes: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    stale_decisions: int = 0


def code_fingerprint() -> str:
    """Hash of the package's code and data: results made by other code are not reused.

    No option enters it: --jobs, --engine and --save-every do not change rows, and --timeout
    only decides which documents fail (failed ones are retried anyway).
    """
    digest = hashlib.sha256()
    for root in (Path(pipeline.__file__).parent, Path(pipeline.models.__file__).parent):
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".txt", ".tsv", ".json", ".skops"} and "__pycache__" not in path.parts:
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


#: inputs from which the tables are compacted by several processes: below, compacting takes less
#: than starting them (a forkserver not yet running takes 0.5 s; a one-file run took 1.4 s instead of 0.8)
PARALLEL_COMPACTION = 1000


class _Sink:
    """Records finished chunks in the manifest, a few seconds' worth per transaction.

    A chunk's rows are already in its part when a worker wrote them; rows that came back
    as tables (the Dask engine, a document a lost worker was on) are written here first.
    A kill loses at most the unrecorded chunks: their parts are removed at the next start.
    """

    def __init__(self, manifest, parts_dir: Path, options: BatchOptions, part_base: int):
        self.manifest, self.parts_dir, self.options, self.part_base = manifest, parts_dir, options, part_base
        self.pending: list[tuple[int, list]] = []
        self.n_pending = 0
        self.last = time.monotonic()
        self.saved = 0

    def add(self, result) -> None:
        part = result.part
        if part is None:  # raising OSError here stops the run (see writing)
            part = self.part_base + result.chunk
            from pipeline.parts import write_part  # pyarrow, imported where first needed (see _finish)

            write_part(self.parts_dir, part, result.tables)
        self.pending.append((part, result.outcomes))
        self.n_pending += len(result.outcomes)
        if self.n_pending >= self.options.flush_docs or time.monotonic() - self.last >= self.options.flush_seconds:
            self.flush()

    def flush(self) -> None:
        self.last = time.monotonic()
        if not self.pending:
            return
        self.manifest.record_parts(self.pending)
        self.saved += self.n_pending
        self.pending, self.n_pending = [], 0


class _ImportThread(threading.Thread):
    """Imports modules on a thread of its own, started at once, in order; a failure is left for the import
    that needs the module to raise (this one only saves it the time).

    The main thread may import some of the same modules meanwhile (the part of a lost worker's
    document is written there): each module's import lock makes one wait for the other, and as the
    package's imports form no cycle, neither can wait for the other in turn."""

    def __init__(self, *names: str):
        super().__init__(name=f"import {', '.join(names)}", daemon=True)
        self.modules = names
        self.start()

    def run(self) -> None:
        from pipeline.zygote import import_ahead  # imported already: a worker pool was started

        import_ahead(self.modules)


def _stop_flag():
    """A flag the first Ctrl-C (or SIGTERM) sets so the run can save its work; a second Ctrl-C stops at once."""
    flag = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        return flag, lambda: None
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def handler(signum, frame):
        if flag.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        flag.set()
        print("\nstopping: saving the documents already done (Ctrl-C again to stop at once)", file=sys.stderr)

    for sig in previous:
        signal.signal(sig, handler)

    def restore():
        for sig, old in previous.items():
            signal.signal(sig, old)

    return flag, restore


def run_batch(
    inputs: Inputs,
    folder,
    options: BatchOptions,
    *,
    issues=None,
    decisions=None,
    table_options: dict | None = None,
    pool=None,
) -> BatchReport:
    """Extract the files of ``inputs`` (:func:`collect_inputs`; its errors become errors rows) into
    ``folder`` (an open :class:`~pipeline.outdir.OutputFolder`), resumably.

    ``pool``: the local workers' zygote or forkserver (:func:`pipeline.pool.start_pool`), started by
    the caller before it had threads or imports to make; closed by this run, used or not.
    The plan takes the listing's keys and stats from ``inputs`` (:meth:`Inputs.hand_over`): a batch
    of tens of thousands of files does not keep them to its end.

    Finished documents are streamed to parts and recorded in the manifest as they come;
    unchanged finished files of an earlier run into the same folder are not processed
    again.  Then the review runs over the reports that need one, the tables are compacted
    in input order and published whole.
    """
    notes: list[str] = []
    engine = None
    writers = None  # the table writers, forked while the last chunks are done (pipeline.compaction.TableWriters)
    database = (sqlite3.OperationalError,)  # the manifest's writes (the plan also reads the inputs: theirs)
    with writing(folder.path, failures=database):
        manifest = Manifest(folder.manifest_path)
    try:
        with writing(folder.path, failures=database):
            if options.fresh:
                manifest.reset()
            if not manifest.adopt(code_fingerprint() + (f"|ref_date={options.ref_date}" if options.ref_date else "")):
                notes.append(f"the results kept in {folder.path} were made by another version of zhenggai; "
                             "they are not reused")
            with writing(folder.path):
                remove_parts(folder.parts, keep=manifest.live_parts())  # parts of a killed run never recorded
            planned = manifest.plan(inputs.files, **inputs.hand_over())
            todo = [p for p in planned if p.todo]  # references to the plan's entries: a pointer an input
            skipped = len(planned) - len(todo)
            others = manifest.others([p.fid for p in planned])
            if others:
                notes.append(f"{folder.path} also holds results of earlier runs for {others} documents that are "
                             "not among these inputs: the new tables leave them out (their results stay kept "
                             "for a later run; --fresh forgets them)")
            if skipped:
                notes.append(f"{skipped} unchanged documents already done in {folder.path} were not processed "
                             "again (--fresh to redo them)")
            manifest.start_run(" ".join(sys.argv), len(planned))
            part_base = manifest.new_part()
        # local workers write their rows themselves; a Dask worker may not see the output folder
        tasks = make_tasks([(p.fid, p.path) for p in todo], jobs=options.jobs,
                           pdf_password=options.pdf_password, ref_date=options.ref_date,
                           parts_dir=folder.parts if options.engine == "local" else None, part_base=part_base,
                           sizes=[p.size for p in todo])
        sink = _Sink(manifest, folder.parts, options, part_base)
        flag, restore = _stop_flag()
        bar = progress_bar(total=len(planned), show=options.progress, initial=skipped, unit="doc", leave=False,
                           smoothing=0.1)
        engine = make_engine(options.engine, options.jobs, timeout=options.timeout, scheduler=options.scheduler,
                             n_tasks=len(tasks), pool=pool)
        ended = False
        # the table writer's pandas (0.3 s), imported while the workers go on, not after them: on a thread
        # of its own with a worker pool, which starts while this process waits for the pool's zygote;
        # with the Parquet writer and its pandas bridge (imported where a table is first written, 0.03 s),
        # which the table writers forked from this process then have from the start
        tables_import = (_ImportThread("pipeline.tables", "pyarrow.parquet", "pyarrow.pandas_compat")
                         if isinstance(engine, ProcessEngine) else None)
        ahead = (tables_import is not None and options.engine == "local" and options.fmt != "xlsx"
                 and len(planned) >= PARALLEL_COMPACTION)
        try:
            for done, result in enumerate(engine.run(tasks, bar.update, flag.is_set)):  # workers raise OutputWriteError
                with writing(folder.path):  # and so do the parts and the manifest written here
                    sink.add(result)
                if done == 0 and tables_import is None:
                    import pipeline.tables  # noqa: F401
                if ahead and writers is None and done + 1 + options.jobs >= len(tasks) and not tables_import.is_alive():
                    from pipeline.compaction import TableWriters

                    tables_import.join()  # ended: no thread runs beside this one at the fork
                    writers = TableWriters(options.jobs, fork=True, close_in_child=engine.connections())
            ended = True
        finally:
            notes += engine.notes
            if tables_import is not None:
                tables_import.join()  # before anything is forked from this process (the table writers, the review)
            bar.close()
            engine.stop()  # the workers and their zygote end while the tables are written (reaped below)
            if pool is not None and not isinstance(engine, ProcessEngine):  # not taken by the engine (all done
                pool.close()  # already, one chunk, Dask): ended here; the engine's ends with it, below
            try:
                with writing(folder.path):
                    sink.flush()  # what is done is recorded, however the loop ended
            except OutputWriteError:
                if ended:  # else the loop's own exception is the one to report
                    raise
            finally:
                restore()
        if flag.is_set():
            manifest.finish_run("interrupted")
            raise Interrupted(skipped + sink.saved, len(planned))
        with writing(folder.path):
            report = _finish(planned, folder, manifest, options, inputs.errors, issues, decisions, table_options,
                             writers)
            report.n_skipped, report.n_processed = skipped, len(todo)
            report.notes[:0] = notes
            manifest.finish_run("done")
            remove_parts(folder.parts, keep=manifest.live_parts())
        return report
    finally:
        if writers is not None:  # not taken by the tables (the run ended before them): ended here
            writers.close()
        if engine is not None:
            engine.close()
        manifest.close()
        if pool is not None:
            pool.close()


def _reviewed(status: str, kind: str | None, issues) -> bool:
    """Whether a finished input takes part in the review: feedback and reports, or with an issue list
    given (``--issues``), every document but feedback."""
    if status != "done":
        return False
    return kind in ("feedback", "progress") if issues is None else kind != "feedback"


def _review(reviewed: Sequence[tuple[str, str | None]], issues, decisions, table_options, pdf_password, ref_date,
            jobs: int):
    """The review over the reports that take part (``reviewed``: their paths and content ids, in input
    order): re-read (extraction is pure), then ``run_review`` once, both on ``jobs`` cores (forked
    processes; :func:`pipeline.forked.forked_map`)."""
    candidates, duplicates, seen = [], [], set()  # each content once: a copy is named, not re-read
    for path, doc_id in reviewed:
        if doc_id and doc_id in seen:
            duplicates.append((path, doc_id))
            continue
        seen.add(doc_id)
        candidates.append(path)
    if not candidates and issues is None:
        return None  # nothing to pair or match
    # imported here, not at the top: the matcher's scikit-learn costs about 1 s of start-up that a
    # batch without feedback or reports (or a one-file run) never needs
    from pipeline.document import process_path
    from pipeline.forked import forked_map
    from pipeline.review import run_review

    results, failures = forked_map(lambda path: process_path(path, pdf_password=pdf_password, ref_date=ref_date),
                                   candidates, processes=jobs)
    outcome = run_review(results, issues=issues, decisions=decisions, table_options=table_options,
                         duplicates=duplicates, processes=jobs)
    outcome.notes[:0] = [f"reports were read again by the main process: the process reading them failed ({why})"
                         for why in failures]
    return outcome


def _finish(planned, folder, manifest, options: BatchOptions, input_errors, issues, decisions,
            table_options, writers=None) -> BatchReport:
    # pandas and pyarrow are imported while the first chunks are done (see run_batch): with --jobs N
    # the main process imports them beside the workers, neither before they get their first chunks
    # nor after them
    from pipeline.compaction import Compaction, TableJob
    from pipeline.parts import compact
    from pipeline.schema import COLUMNS  # it imports the claims extractor (claim figures are columns): not needed to plan
    from pipeline.tables import match_tables, table_frame, write_tables

    # one pass over the manifest's entries, which are not kept (a tuple and four strings an input):
    # the parts in input order, the copies, the reports to review
    entries = manifest.entries([p.fid for p in planned])
    missing = [p.path for p in planned if entries[p.fid][1] is None or entries[p.fid][0] == "pending"]
    if missing:  # cannot happen unless the manifest was edited by hand
        raise RuntimeError(f"{len(missing)} inputs have no results, e.g. {missing[0]}")
    order = [(p.fid, entries[p.fid][1]) for p in planned]
    first: dict[str, str] = {}
    duplicates: dict[int, str] = {}  # same content as an earlier input: listed once, as build_tables does
    reviewed: list[tuple[str, str | None]] = []
    for p in planned:
        status, _, kind, _, doc_id = entries[p.fid]
        if status == "done" and doc_id:
            if doc_id in first:
                duplicates[p.fid] = first[doc_id]
            else:
                first[doc_id] = p.path
        if _reviewed(status, kind, issues):
            reviewed.append((p.path, doc_id))
    del entries, first
    staging = folder.new_staging()
    # the document tables are written in slices by `jobs` processes while this one does the review;
    # the errors table (it takes the review's errors) and an XLSX workbook are framed whole here
    whole = set(DOCUMENT_TABLES) if options.fmt == "xlsx" else {"errors"}
    with Compaction([TableJob(name, folder.parts, order, staging, options.fmt, duplicates)
                     for name in DOCUMENT_TABLES if name not in whole],
                    processes=options.jobs if len(planned) >= PARALLEL_COMPACTION else 1,
                    fork=options.engine == "local", writers=writers) as compaction:
        # cores for forked processes: --jobs, with the local engine only (a Dask client's threads may
        # have left locks that a fork would inherit)
        cores = options.jobs if options.engine == "local" else 1
        outcome = _review(reviewed, issues, decisions, table_options, options.pdf_password,
                          options.ref_date, cores)
        files = None
        if outcome is not None and outcome.pairs:
            from pipeline.report.write import ReviewFiles  # lazy, like run_review

            files = ReviewFiles(outcome.pairs, staging, fork=cores > 1)  # review.html and review.xlsx, beside the tables
        extra = list(input_errors) + (list(outcome.errors) if outcome is not None else [])
        tables: dict = {}
        for name in DOCUMENT_TABLES:
            if name in whole:
                tables[name] = table_frame(name, compact(
                    folder.parts, order, name, duplicates=duplicates,
                    extra_rows=[asdict(e) for e in extra] if name == "errors" else ()))
        if outcome is None:
            review_tables = match_tables([], [], [])
        else:
            review = outcome.review
            review_tables = match_tables(review.issues, review.matches, review.flags, review.statuses,
                                         pairs=review.pairs)
        if options.fmt != "xlsx":  # while the document tables are written
            write_tables({"errors": tables["errors"], **review_tables}, staging, fmt=options.fmt)
        compacted = compaction.results()
    if compacted.get("documents") is not None:
        tables["documents"] = compacted["documents"]
    tables.update(review_tables)
    if options.fmt == "xlsx":
        write_tables(tables, staging, fmt="xlsx")
    stale = 0
    notes = compaction.notes + (outcome.notes if outcome is not None else [])
    if files is not None:
        files.result()  # published with the tables
        notes += files.notes
        stale = sum(1 for pair in outcome.pairs for f in pair.review.flags if f.kind == "stale_decision")
    written = folder.publish(list(COLUMNS), info={"run": manifest.run, "inputs": len(planned)})
    return BatchReport(tables=tables, n_documents=len(planned), n_skipped=0, n_processed=0, written=written,
                       notes=notes, stale_decisions=stale)
