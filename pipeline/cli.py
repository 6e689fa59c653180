"""Command-line interface (typer).  Exit codes: 0 all inputs ok, 1 some failed, 2 usage error."""

from __future__ import annotations

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
)


class TableFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    xlsx = "xlsx"


def _echo(message: str) -> None:
    typer.echo(message, err=True)


def _summary(results, seconds: float, out: Path) -> str:
    ok = [r for r in results if r.error is None]
    failed = [r for r in results if r.error is not None]
    pages = sum(r.n_pages or 0 for r in ok)
    chars = sum(len(r.text) for r in ok)
    return (
        f"{len(results)} documents ({len(ok)} ok, {len(failed)} failed), {pages} PDF pages, "
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


def _write_reviews(outcome, out: Path, quiet: bool) -> None:
    """review.html and review.xlsx per pair; says how many decisions no longer applied."""
    from pipeline.report.write import write_review_files

    written = write_review_files(outcome.pairs, out)
    stale = sum(1 for pair in outcome.pairs for f in pair.review.flags if f.kind == "stale_decision")
    if not quiet:
        pages = [p for p in written if p.suffix == ".html"]
        if pages:
            _echo(f"reviewer's report: {', '.join(str(p) for p in pages)} (+ .xlsx)")
        if stale:
            _echo(f"{stale} decisions no longer apply (listed as stale_decision flags)")


def _report_errors(tables) -> None:
    for error in tables["errors"].itertuples():
        _echo(f"error: {error.path}: [{error.stage}/{error.error_type}] {error.message}")


@app.command()
def run(
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
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    pdf_password: Annotated[
        Optional[str], typer.Option("--pdf-password", help="Password of encrypted PDF inputs.")
    ] = None,
) -> None:
    """Extract the tables from every input document, and match reports against issue lists.

    With --issues, every progress report is matched against that list.  Without it,
    each progress report is paired with the feedback document of the same inspected
    unit found in the inputs; unpaired documents are listed as flags.
    """
    from pipeline.batch import collect_inputs, iter_results
    from pipeline.review import run_review
    from pipeline.tables import build_tables, match_tables, write_tables

    if issues is not None and not issues.is_file():
        raise typer.BadParameter(f"{issues} is not a file", param_hint="--issues")
    started = time.perf_counter()
    collected = collect_inputs(inputs, exclude=[out])
    if not collected.files and not collected.errors:
        raise typer.BadParameter("no input documents found", param_hint="INPUTS")
    if not collected.files:
        for error in collected.errors:
            _echo(f"error: {error.path}: {error.message}")
        raise typer.Exit(code=2)
    chosen = _decisions(decisions)
    results = list(iter_results(collected.files, progress=not quiet, pdf_password=pdf_password))
    outcome = run_review(results, issues=issues, decisions=chosen)
    tables = build_tables(results, extra_errors=collected.errors + outcome.errors)
    tables.update(match_tables(outcome.review.issues, outcome.review.matches, outcome.review.flags,
                               outcome.review.statuses))
    write_tables(tables, out, fmt=fmt.value)
    _write_reviews(outcome, out, quiet)
    if not quiet:
        _report_errors(tables)
        _echo(_summary(results, time.perf_counter() - started, out))
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
    pdf_password: Annotated[
        Optional[str], typer.Option("--pdf-password", help="Password of an encrypted PDF report.")
    ] = None,
) -> None:
    """Match one issue list against one progress report: issues, matches and gap flags, and the
    reviewer's report (review.html, review.xlsx); --decisions applies a reviewer's decisions."""
    from pipeline.document import process_path
    from pipeline.review import run_review
    from pipeline.tables import build_tables, match_tables, write_tables

    for option, path in (("--issues", issues), ("--report", report)):
        if not path.is_file():
            raise typer.BadParameter(f"{path} is not a file", param_hint=option)
    chosen = _decisions(decisions)
    started = time.perf_counter()
    report_result = process_path(report, pdf_password=pdf_password)
    outcome = run_review([report_result], issues=issues, decisions=chosen)
    review = outcome.review
    source = outcome.issue_list.source if outcome.issue_list is not None else None
    tables = build_tables(([source] if source is not None else []) + [report_result], extra_errors=outcome.errors)
    tables.update(match_tables(review.issues, review.matches, review.flags, review.statuses))
    write_tables(tables, out, fmt=fmt.value)
    _write_reviews(outcome, out, quiet)
    if not quiet:
        _report_errors(tables)
        flags = tables["flags"]
        n_issues = int((tables["issues"]["level"] == 2).sum()) if len(tables["issues"]) else 0
        unaddressed = flags[flags["kind"] == "unaddressed"] if len(flags) else flags
        _echo(
            f"{n_issues} problems, {len(unaddressed)} unaddressed, {len(flags)} flags "
            f"in {time.perf_counter() - started:.2f} s -> {out}"
        )
        for row in unaddressed.itertuples():
            _echo(f"  unaddressed {row.issue_id}: {row.message}")
    raise typer.Exit(code=1 if len(tables["errors"]) else 0)


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
    from pipeline.tables import read_tables

    if not out.is_dir():
        raise typer.BadParameter(f"{out} is not a folder", param_hint="OUT")
    if not gold.is_dir():
        raise typer.BadParameter(f"{gold} is not a folder", param_hint="--gold")
    tables = read_tables(out)
    scores = {"extraction": evaluate_extraction(tables, gold)}
    if any(gold.glob("*.alignment.json")):
        scores["alignment"] = evaluate_alignments(tables, gold)
    typer.echo(format_report(scores))
    if json_out is not None:
        from pipeline.tables import atomic_write

        payload = json.dumps(scores, ensure_ascii=False, indent=1, default=str)
        atomic_write(json_out, lambda tmp: tmp.write_text(payload, encoding="utf-8"))


def main() -> None:
    """Console entry point."""
    import logging

    import jieba

    # jieba logs its dictionary loading at DEBUG level on its own logger (the level
    # is set when jieba is imported, hence the import first); the command line
    # keeps stderr for the progress bar, errors and the summary.
    logging.getLogger(jieba.__name__).setLevel(logging.WARNING)
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
