"""Command-line interface (typer).  Exit codes: 0 all inputs ok, 1 some failed, 2 usage error."""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    name="zhenggai",
    help="Analyse inspection rectification documents (巡视/巡察整改): structure, extraction, matching, gap audit.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
)


class TableFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    xlsx = "xlsx"


SHEET_HELP = "Sheet of an XLSX issue list or ledger (name or 0-based index); default: the sheet whose header names a problem column."


def _echo(message: str) -> None:
    typer.echo(message, err=True)


def _summary(tables, seconds: float, out: Path) -> str:
    documents = tables["documents"]
    failed = int(documents["error"].notna().sum())
    pages = int(documents["n_pages"].fillna(0).sum())
    chars = int(documents["n_chars"].fillna(0).sum())
    return (
        f"{len(documents)} documents ({len(documents) - failed} ok, {failed} failed), {pages} PDF pages, "
        f"{chars:,} characters in {seconds:.2f} s -> {out}"
    )


def _decisions(path: Path | None):
    """The reviewer's decisions file, or a usage error that says why it cannot be used."""
    from pipeline.errors import InputError
    from pipeline.report.decisions import load_decisions

    if path is None:
        return None
    try:
        return load_decisions(path)
    except InputError as exc:
        raise typer.BadParameter(exc.reason, param_hint="--decisions") from exc


def _read_list(path: Path, table_options: dict | None):
    """The issue list of ``match`` (what its forked reader runs): the collector paused, as in
    run_review (a 10,000-row ledger's cells are a million objects, none of them in a cycle)."""
    from pipeline.gcpause import collection_paused
    from pipeline.issuelist.load import load_issue_list

    with collection_paused():
        return load_issue_list(path, table_options=table_options)


def _said_reviews(outcome, files, shown: Path, quiet: bool) -> None:
    """Wait for review.html and review.xlsx (``files``: a :class:`pipeline.report.write.ReviewFiles`),
    named as they will be in the folder ``shown``; say where they are, and how many decisions no
    longer applied."""
    written = files.result()
    stale = sum(1 for pair in outcome.pairs for f in pair.review.flags if f.kind == "stale_decision")
    if not quiet:
        for note in files.notes:
            _echo(f"note: {note}")
        pages = [shown / p.name for p in written if p.suffix == ".html"]
        if pages:
            _echo(f"reviewer's report: {', '.join(str(p) for p in pages)} (+ .xlsx)")
        if stale:
            _echo(f"{stale} decisions no longer apply (listed as stale_decision flags)")


#: --ref-date, the same option on run and match
RefDateOption = Annotated[
    Optional[str],
    typer.Option("--ref-date", help="Reference date (YYYY-MM-DD) of relative expressions (今年以来, 3月7日), "
                 "instead of each document's own date."),
]


def _ref_date(value: str | None):
    """``--ref-date`` as a date; a malformed one is a usage error (exit 2)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint="--ref-date") from None


def _report_errors(tables) -> None:
    for error in tables["errors"].itertuples():
        _echo(f"error: {error.path}: [{error.stage}/{error.error_type}] {error.message}")
    flags = tables.get("flags")
    if flags is not None:  # documents in the wrong role (a report given as the issue list, or the reverse)
        for flag in flags[flags["kind"] == "role_mismatch"].itertuples():
            _echo(f"warning: {flag.message}")


def _output_folder(out: Path):
    """The output folder, checked first (a bad -o stops before any input is read: exit 2) and locked."""
    from pipeline.outdir import OutputFolder, OutputFolderError

    try:
        return OutputFolder.open(out)
    except OutputFolderError as exc:
        _echo(f"error: {exc}")
        raise typer.Exit(code=2) from None


def _version(value: bool) -> None:
    if value:
        from pipeline import __version__

        typer.echo(f"zhenggai {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Analyse inspection rectification documents (巡视/巡察整改): structure, extraction, matching, gap audit."""


class Engine(str, Enum):
    local = "local"
    dask = "dask"


#: a run starts its worker pool early over more inputs than this a job (fewer are soon done)
POOL_INPUTS_PER_JOB = 4


@app.command()
def run(
    ctx: typer.Context,
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (searched recursively) or glob patterns.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder for the tables.")] = Path("out"),
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="Table format.")] = TableFormat.parquet,
    issues: Annotated[
        Optional[Path],
        typer.Option("--issues", help="Issue list (feedback document, CSV or XLSX) to match every progress report against."),
    ] = None,
    decisions: Annotated[
        Optional[Path],
        typer.Option("--decisions", help="Reviewer decisions exported from review.html, applied to this run."),
    ] = None,
    jobs: Annotated[
        Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores).")
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0, help="Seconds one document may take before it becomes a timeout error (0: no limit).")
    ] = 60.0,
    fresh: Annotated[bool, typer.Option("--fresh", help="Redo every document, ignoring the results kept in OUT.")] = False,
    engine: Annotated[Engine, typer.Option("--engine", help="local processes, or a Dask distributed cluster.")] = Engine.local,
    scheduler: Annotated[
        Optional[str],
        typer.Option("--scheduler", help="Address of a Dask scheduler (tcp://host:8786); without it --engine dask starts a local cluster."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    sheet: Annotated[Optional[str], typer.Option("--sheet", help=SHEET_HELP)] = None,
    pdf_password: Annotated[
        Optional[str], typer.Option("--pdf-password", help="Password of encrypted PDF inputs.")
    ] = None,
    ref_date: RefDateOption = None,
    flush_seconds: Annotated[
        float, typer.Option("--save-every", min=0, hidden=True, help="Seconds between two saves of finished documents.")
    ] = 2.0,
) -> None:
    """Extract the tables from every input document, and match reports against issue lists.

    With --issues, every progress report is matched against that list.  Without it,
    each progress report is paired with the feedback document of the same inspected
    unit found in the inputs; unpaired documents are listed as flags.

    Documents are saved as they finish: a run that is stopped (Ctrl-C, a crash, a kill)
    resumes when the same command is run again, redoing only what was not finished.
    """
    from pipeline.inputs import collect_inputs

    if issues is not None and not issues.is_file():
        raise typer.BadParameter(f"{issues} is not a file", param_hint="--issues")
    reference = _ref_date(ref_date)  # a malformed date stops before any work
    if scheduler and engine is not Engine.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    chosen = _decisions(decisions)
    started = time.perf_counter()
    with _output_folder(out) as folder:  # check first: a bad -o is found before any document is read
        collected = collect_inputs(inputs, exclude=[out])
        if not collected.files and not collected.errors:
            raise typer.BadParameter("no input documents found", param_hint="INPUTS")
        if not collected.files:
            for error in collected.errors:
                _echo(f"error: {error.path}: {error.message}")
            raise typer.Exit(code=2)
        from pipeline.pool import default_jobs, settle_pool

        jobs = jobs or default_jobs()
        # the pool main started before the command line was parsed, else one started now: the workers'
        # imports run beside ours (about a second on two cores)
        pool = settle_pool((ctx.obj or {}).pop("pool", None),
                           engine is Engine.local and jobs > 1 and len(collected.files) > POOL_INPUTS_PER_JOB * jobs)
        from pipeline.batch import BatchOptions, Interrupted, run_batch
        from pipeline.outdir import OutputWriteError

        options = BatchOptions(
            jobs=jobs, timeout=timeout or None, engine=engine.value, scheduler=scheduler,
            fresh=fresh, fmt=fmt.value, progress=not quiet, flush_seconds=flush_seconds, pdf_password=pdf_password,
            ref_date=reference,
        )
        try:
            report = run_batch(collected, folder, options, issues=issues, decisions=chosen,
                               table_options={"sheet": sheet} if sheet else None, pool=pool)
        except OutputWriteError as failure:
            if folder.manifest_path.exists():
                kept = (f"the documents it had recorded are kept in {out}: run the same command again once the "
                        "folder can be written, to go on from them")
            else:  # the folder, or its state, was removed under the run: nothing is kept to go on from
                kept = f"{out} no longer holds what it had recorded (was it removed?): the same command starts over"
            _echo(f"error: {failure}. The run stopped; {kept}.")
            raise typer.Exit(code=2) from None
        except Interrupted as stop:
            _echo(f"interrupted: {stop.done} of {stop.total} documents are saved in {out}; the tables there are "
                  f"still those of the last complete run. Run the same command again to resume.")
            raise typer.Exit(code=130) from None
    tables = report.tables
    if not quiet:
        for note in report.notes:
            _echo(f"note: {note}")
        pages = [p for p in report.written if p.suffix == ".html"]
        if pages:
            _echo(f"reviewer's report: {', '.join(str(p) for p in pages)} (+ .xlsx)")
        if report.stale_decisions:
            _echo(f"{report.stale_decisions} decisions no longer apply (listed as stale_decision flags)")
        _report_errors(tables)
        _echo(_summary(tables, time.perf_counter() - started, out))
    raise typer.Exit(code=1 if len(tables["errors"]) else 0)


@app.command()
def match(
    issues: Annotated[Path, typer.Option("--issues", help="Feedback document or CSV/XLSX problem list (问题清单).")],
    report: Annotated[Path, typer.Option("--report", help="The progress report to check.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder for the tables.")] = Path("out"),
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="Table format.")] = TableFormat.parquet,
    decisions: Annotated[
        Optional[Path],
        typer.Option("--decisions", help="Reviewer decisions exported from review.html, applied to this run."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
    sheet: Annotated[Optional[str], typer.Option("--sheet", help=SHEET_HELP)] = None,
    pdf_password: Annotated[
        Optional[str], typer.Option("--pdf-password", help="Password of an encrypted PDF report.")
    ] = None,
    ref_date: RefDateOption = None,
) -> None:
    """Match one issue list against one progress report: issues, matches and gap flags, and the
    reviewer's report (review.html, review.xlsx); --decisions applies a reviewer's decisions."""
    for option, path in (("--issues", issues), ("--report", report)):
        if not path.is_file():
            raise typer.BadParameter(f"{path} is not a file", param_hint=option)
    chosen = _decisions(decisions)
    reference = _ref_date(ref_date)
    started = time.perf_counter()
    with _output_folder(out) as folder:  # check first, as run does
        from pipeline.forked import Forked

        table_options = {"sheet": sheet} if sheet else None
        listed = Forked(_read_list, issues, table_options)  # on the other core, beside the imports below
        from pipeline.document import process_path
        from pipeline.errors import InputError
        from pipeline.outdir import OutputWriteError, writing
        from pipeline.report.write import ReviewFiles
        from pipeline.review import run_review
        from pipeline.schema import COLUMNS
        from pipeline.tables import build_tables, match_tables, write_tables

        report_result = process_path(report, pdf_password=pdf_password, ref_date=reference)
        try:
            issue_list = listed.result()
        except InputError:  # run_review reads it again, to the same reason, and makes it an errors row
            issue_list = issues
        outcome = run_review([report_result], issues=issue_list, decisions=chosen,
                             table_options=table_options, reports_given=True)
        if listed.failure and not quiet:
            _echo(f"note: the issue list was read again by the main process: the process reading it failed "
                  f"({listed.failure})")
        review = outcome.review
        source = outcome.issue_list.source if outcome.issue_list is not None else None
        try:
            with writing(out):
                staging = folder.new_staging()  # published whole: never a mix with an earlier run's tables
                files = ReviewFiles(outcome.pairs, staging)  # beside the tables, on the other core
                tables = build_tables(([source] if source is not None else []) + [report_result],
                                      extra_errors=outcome.errors)
                tables.update(match_tables(review.issues, review.matches, review.flags, review.statuses,
                                           pairs=review.pairs))
                write_tables(tables, staging, fmt=fmt.value)
                _said_reviews(outcome, files, out, quiet)
                folder.publish(list(COLUMNS), info={"command": "match"})
        except OutputWriteError as failure:
            _echo(f"error: {failure}. The tables in {out} are still those of the last complete run.")
            raise typer.Exit(code=2) from None
    if not quiet:
        _report_errors(tables)
        flags = tables["flags"]
        n_issues = int((tables["issues"]["level"] == 2).sum()) if len(tables["issues"]) else 0
        unaddressed = flags[flags["kind"] == "unaddressed"] if len(flags) else flags
        _echo(
            f"{n_issues} problems, {len(unaddressed)} unaddressed, {len(flags)} flags "
            f"in {time.perf_counter() - started:.2f} s -> {out}"
        )
        if len(unaddressed):  # one write: a long list has thousands of these lines
            _echo("\n".join(f"  unaddressed {iid}: {message}"
                            for iid, message in zip(unaddressed["issue_id"], unaddressed["message"])))
    raise typer.Exit(code=1 if len(tables["errors"]) else 0)


@app.command(name="issues")
def issues_command(
    inputs: Annotated[list[Path], typer.Argument(help="Feedback documents (or ledgers) whose issue lists to write.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder for the editable issue tables.")] = Path("out"),
    sheet: Annotated[Optional[str], typer.Option("--sheet", help=SHEET_HELP)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Write each input's issue list as an editable table (issues.xlsx and issues.csv, Chinese headers).

    Correct it, then give the edited file to match --issues or run --issues. With several inputs each list is written as NAME.issues.xlsx / NAME.issues.csv. The lists' own warnings (announced count not reached) go to flags.csv, unreadable inputs and ledger rows to errors.csv.
    """  # noqa: E501  (one paragraph per line: the help text is wrapped by the terminal)
    from pipeline.errors import InputError
    from pipeline.issuelist import write_issue_table
    from pipeline.records import ErrorRecord
    from pipeline.review import load_issue_list
    from pipeline.outdir import atomic_write
    from pipeline.tables import error_frame, match_tables

    for path in inputs:
        if not path.is_file():
            raise typer.BadParameter(f"{path} is not a file", param_hint="INPUTS")
    out.mkdir(parents=True, exist_ok=True)
    errors, flags = [], []
    for path in inputs:
        try:
            issue_list = load_issue_list(path, table_options={"sheet": sheet} if sheet else None)
        except InputError as exc:
            errors.append(ErrorRecord(str(path), exc.stage, exc.error_type, exc.reason))
            continue
        errors.extend(issue_list.errors)
        flags.extend(issue_list.flags)
        stem = "issues" if len(inputs) == 1 else f"{path.stem}.issues"
        written = write_issue_table(issue_list.issues, out, source=str(path), stem=stem)
        if not quiet:
            levels = [i.level for i in issue_list.issues]
            hows = sorted({str(i.extra.get("how")) for i in issue_list.issues if i.level == 2})
            _echo(f"{path}: {levels.count(1)} aspects, {levels.count(2)} problems, {levels.count(3)} manifestations "
                  f"({', '.join(hows)}) -> {', '.join(str(w) for w in written)}")
    for name, frame in (("flags", match_tables([], [], flags)["flags"]), ("errors", error_frame(errors))):
        atomic_write(out / f"{name}.csv", lambda tmp, f=frame: f.to_csv(tmp, index=False, encoding="utf-8-sig"))
    if not quiet:
        for flag in flags:
            _echo(f"warning: {flag.message}")
        for error in errors:
            _echo(f"error: {error.path}: [{error.stage}/{error.error_type}] {error.message}")
    raise typer.Exit(code=1 if errors else 0)


@app.command(name="eval")
def evaluate(
    out: Annotated[Path, typer.Argument(help="Output folder of a run (Parquet, CSV or XLSX tables).")],
    gold: Annotated[Path, typer.Option("--gold", help="Folder of *.gold.json and *.alignment.json files.")] = Path(
        "corpus/gold"
    ),
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the scores as JSON here.")] = None,
) -> None:
    """Score a run's tables against gold annotations: precision, recall and F1 per category."""
    import json

    from pipeline.evaluate import evaluate_alignments, evaluate_extraction, format_report
    from pipeline.outdir import IncompleteTablesError
    from pipeline.tables import read_tables

    if not out.is_dir():
        raise typer.BadParameter(f"{out} is not a folder", param_hint="OUT")
    if not gold.is_dir():
        raise typer.BadParameter(f"{gold} is not a folder", param_hint="--gold")
    try:
        tables = read_tables(out)
    except IncompleteTablesError as exc:
        _echo(f"error: {exc}")
        raise typer.Exit(code=2) from None
    scores = {"extraction": evaluate_extraction(tables, gold)}
    if any(gold.glob("*.alignment.json")):
        scores["alignment"] = evaluate_alignments(tables, gold)
    typer.echo(format_report(scores))
    if json_out is not None:
        from pipeline.outdir import atomic_write

        payload = json.dumps(scores, ensure_ascii=False, indent=1, default=str)
        atomic_write(json_out, lambda tmp: tmp.write_text(payload, encoding="utf-8"))


def main(pool=None) -> None:
    """The command line; ``pool``: a worker pool started on a first guess (:func:`pipeline.pool.start_pool_early`),
    kept if the command needs one, else closed."""
    import logging

    # jieba logs its dictionary loading at DEBUG level on its own logger, and sets that
    # level when it is imported; a filter outlives that without importing jieba here
    # (0.3 s of start-up that most commands never need).  The command line keeps stderr
    # for the progress bar, errors and the summary.
    logging.getLogger("jieba").addFilter(lambda record: record.levelno >= logging.WARNING)
    command = typer.main.get_command(app)  # what app() would build: built once, read first
    from pipeline.pool import settle_pool

    # what run finds in its context's obj: the pool, started before typer parses the command line and run
    # lists its inputs, which run_batch closes
    shared = {"pool": settle_pool(pool, _pool_ahead(command, sys.argv[1:]))}
    try:
        command(standalone_mode=True, obj=shared)
    except SystemExit as exc:
        _close_pool(shared)
        _exit_now(exc.code)
    except KeyboardInterrupt:  # pragma: no cover
        _close_pool(shared)
        _exit_now(130)


def _close_pool(shared: dict) -> None:
    """End a pool that no run took (the command stopped before, on a usage error): its zygote is reaped."""
    pool = shared.pop("pool", None)
    if pool is not None:
        pool.close()


def _pool_ahead(command, args: list[str]) -> bool:
    """Whether ``args`` read as a ``run`` with local workers over more inputs than one chunk a worker,
    the same test ``run`` makes once it has listed its inputs (where it starts the pool if it
    is not running yet).  A first reading, before typer's, of the options ``run`` declares: a wrong
    answer only moves when the pool starts, or starts one that run closes unused."""
    commands = getattr(command, "commands", {})
    if not args or args[0] != "run" or "run" not in commands:
        return False
    options = {opt: param for param in commands["run"].params if param.param_type_name == "option" for opt in param.opts}
    values: dict[str, str] = {}
    inputs: list[str] = []
    tokens = iter(args[1:])
    for token in tokens:
        name, equals, value = token.partition("=")
        if token == "--":  # the rest are inputs
            inputs += tokens
        elif name in options and not options[name].is_flag:  # --jobs 2, --jobs=2, -j 2
            values[options[name].name] = value if equals else next(tokens, "")
        elif token[:2] in options and not options[token[:2]].is_flag:  # -j2
            values[options[token[:2]].name] = token[2:]
        elif token == "--help":
            return False
        elif not token.startswith("-"):
            inputs.append(token)
    try:
        from pipeline.pool import default_jobs

        jobs = int(values.get("jobs") or default_jobs())
    except ValueError:
        return False
    from pipeline.inputs import may_exceed

    local = values.get("engine", Engine.local.value) == Engine.local.value
    return local and jobs > 1 and may_exceed(inputs, POOL_INPUTS_PER_JOB * jobs)


def _exit_now(code) -> None:
    """End the process once the command has ended, without the interpreter's teardown.

    The teardown frees every object one by one (jieba's 500,000-word dictionary, a 10,000-problem
    review): 0.1 to 0.2 s after everything was written.  What it does that matters is done here
    first: the exit handlers (multiprocessing's, logging's) and the standard streams flushed.
    An exception that escaped a command is not caught: it ends the process as usual; so does a
    run under a profiler or a tracer (cProfile, coverage), which writes its results at the end.
    """
    import atexit
    import logging

    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit("message"), as the interpreter would show it
        print(code, file=sys.stderr)
        code = 1
    try:
        atexit._run_exitfuncs()
        logging.shutdown()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # a closed pipe: nothing more can be said there
                pass
        os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
