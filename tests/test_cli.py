import subprocess
import sys

import pandas as pd
import pytest
from conftest import CORPUS, FEEDBACK, GOLD, REPORT
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.tables import COLUMNS, DOCUMENT_TABLES, MATCH_TABLES

runner = CliRunner()


@pytest.mark.parametrize("command", [[], ["run"], ["match"], ["issues"], ["eval"]])
def test_cli_help_on_every_command(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


@pytest.mark.parametrize("width", [80, 200])
def test_cli_help_reflows_the_description_to_the_terminal(width):
    """Regression: the docstring's own line breaks were kept, so an 80-column terminal showed each
    long line wrapped with a one-word remnant ("it," / "inspected") and a wide one never joined them."""
    result = runner.invoke(app, ["run", "--help"], env={"COLUMNS": str(width)}, terminal_width=width)
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "Without it, each progress report is paired" in text
    lines = [line.rstrip() for line in result.output.splitlines()]
    start = next(i for i, line in enumerate(lines) if "With --issues" in line)
    paragraph = lines[start:lines.index("", start)]
    assert all(len(line) > width // 2 for line in paragraph[:-1]), paragraph  # filled, not ragged


def test_cli_python_dash_m_works():
    done = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    assert "run" in done.stdout and "match" in done.stdout and "eval" in done.stdout


@pytest.mark.parametrize(("chosen", "pool"), [(None, "system"), ("mimalloc", "mimalloc")])
def test_cli_arrow_allocates_from_the_system_pool_unless_chosen(chosen, pool):
    """The command sets Arrow's pool before anything imports pyarrow (its default, mimalloc, kept each
    table writer's slices); a pool the user chose is kept."""
    import os

    code = ("import sys, pipeline.cli\n"
            "def shown(pool=None):\n"
            "    import pyarrow as pa\n"
            "    print(pa.default_memory_pool().backend_name)\n"
            "pipeline.cli.main = shown\n"
            "from pipeline.__main__ import main\n"
            "sys.argv = ['zhenggai', '--help']\n"
            "main()\n")
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    if chosen:
        env["ARROW_DEFAULT_MEMORY_POOL"] = chosen
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [pool]


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["match", "--issues", str(FEEDBACK), "--report", str(REPORT)], 0, "unaddressed 7:"),  # stdout, last lines
        (["run", str(REPORT), "nope.txt"], 1, "1 documents (1 ok"),
        (["match", "--issues", "nope.txt", "--report", str(REPORT)], 2, "is not a file"),
        (["run", str(REPORT), "--jobs", "0"], 2, "--jobs"),
    ],
)
def test_cli_process_ends_with_its_code_and_all_it_said(tmp_path, args, code, said):
    """The console entry ends the process without the interpreter's teardown: the exit code and
    everything written to piped (block-buffered) streams must still come out whole."""
    done = subprocess.run([sys.executable, "-m", "pipeline", *args, "-o", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == code, done.stderr[-2000:]
    assert said in done.stdout + done.stderr


def test_cli_process_under_a_profiler_ends_as_usual(tmp_path):
    """Regression: the quick exit skipped cProfile's writing of its results."""
    stats = tmp_path / "run.prof"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(stats), "-m", "pipeline", "run", str(REPORT),
                           "-o", str(tmp_path / "out"), "-q"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert stats.stat().st_size > 0


def test_cli_run_corpus_writes_every_table(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(CORPUS), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    for name in DOCUMENT_TABLES + MATCH_TABLES:
        frame = pd.read_parquet(out / f"{name}.parquet")
        assert list(frame.columns[: len(COLUMNS[name])]) == COLUMNS[name]
    documents = pd.read_parquet(out / "documents.parquet")
    assert sorted(documents["kind"]) == ["feedback", "progress"]
    flags = pd.read_parquet(out / "flags.parquet")
    # the bundled pair is matched end to end: the two problems the report does not answer
    assert sorted(flags.loc[flags["kind"] == "unaddressed", "issue_id"]) == ["12", "7"]


def test_cli_run_bad_inputs_are_recorded_and_exit_1(tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (bad / "fake.docx").write_bytes("不是压缩包".encode())
    (bad / "good.txt").write_text(REPORT.read_text(encoding="utf-8"), encoding="gb18030")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(bad), "-o", str(out), "--quiet"])
    assert result.exit_code == 1
    errors = pd.read_parquet(out / "errors.parquet")
    assert sorted(p.rsplit("/", 1)[-1] for p in errors["path"]) == ["binary.txt", "empty.txt", "fake.docx"]
    assert errors["message"].str.len().min() > 10
    documents = pd.read_parquet(out / "documents.parquet")
    good = documents[documents["path"].str.endswith("good.txt")].iloc[0]
    assert good["encoding"] == "gb18030" and good["kind"] == "progress" and pd.isna(good["error"])
    assert documents["error"].notna().sum() == 3


def test_cli_run_unreadable_issue_list_is_an_error_row(tmp_path):
    bad_list = tmp_path / "list.csv"
    bad_list.write_bytes(b"")  # an empty problem list: an errors row, never a traceback
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(REPORT), "--issues", str(bad_list), "-o", str(out), "--quiet"])
    assert result.exit_code == 1, result.output
    errors = pd.read_parquet(out / "errors.parquet")
    assert list(errors["error_type"]) == ["unreadable_table"]
    assert (pd.read_parquet(out / "documents.parquet")["kind"] == "progress").all()


@pytest.mark.parametrize(
    "args",
    [
        ["run", "does/not/exist.txt"],
        ["run", str(REPORT), "--issues", "no/such/list.csv"],
        ["run", str(REPORT), "--format", "json"],
        ["match", "--report", str(REPORT)],
        ["eval", "no/such/folder"],
        ["frobnicate"],
    ],
)
def test_cli_usage_errors_exit_2(args, tmp_path):
    result = runner.invoke(app, [*args, "-o", str(tmp_path / "o")] if args[0] == "run" else args)
    assert result.exit_code == 2


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cli_run_other_formats(tmp_path, fmt):
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(REPORT), "-o", str(out), "--format", fmt, "--quiet"])
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        raw = (out / "quantities.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # utf-8-sig, so Excel opens Chinese correctly
        frame = pd.read_csv(out / "quantities.csv", encoding="utf-8-sig")
    else:
        frame = pd.read_excel(out / "tables.xlsx", sheet_name="quantities")
    assert (frame["text"] == "94.5亿元").any()
    assert not list(out.glob("*.tmp")) and [p.name for p in out.glob(".*")] == [".zhenggai"]  # the run's state


def test_cli_match_one_pair(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["match", "--issues", str(FEEDBACK), "--report", str(REPORT), "-o", str(out)])
    assert result.exit_code == 0, result.output
    issues = pd.read_parquet(out / "issues.parquet")
    assert (issues["level"] == 2).sum() == 12
    matches = pd.read_parquet(out / "matches.parquet")
    assert set(matches["target_kind"]) <= {"section", "measure"}
    assert "unaddressed 7" in result.output and "unaddressed 12" in result.output


def test_cli_eval_scores_a_run(tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(CORPUS), "-o", str(out), "--quiet"]).exit_code == 0
    scores = tmp_path / "scores.json"
    result = runner.invoke(app, ["eval", str(out), "--gold", str(GOLD), "--json", str(scores)])
    assert result.exit_code == 0, result.output
    import json

    data = json.loads(scores.read_text(encoding="utf-8"))
    assert data["extraction"]["citations"]["f1"] == 1.0
    assert data["extraction"]["outline"]["f1"] == 1.0
    assert "quantities" in result.output


def test_cli_run_writes_the_reviewers_report_for_the_pair(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(CORPUS), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    page = (out / "review.html").read_text(encoding="utf-8")
    assert page.index('id="issue-7"') < page.index('id="issue-1"')  # unanswered first
    assert (out / "review.xlsx").is_file()


def test_cli_ref_date_overrides_the_document_date(tmp_path):
    """--ref-date resolves relative expressions instead of the document's own date; a bad one is a usage error."""
    import pandas as pd
    from typer.testing import CliRunner

    from pipeline.cli import app

    doc = tmp_path / "rel.txt"
    doc.write_text("中共某县委关于巡察整改进展情况的通报\n今年以来，共召开专题会议5次。3月7日，召开整改推进会。\n"
                   "中共某县委员会\n2023年7月1日\n", encoding="utf-8")
    runner = CliRunner()
    own = runner.invoke(app, ["run", str(doc), "-o", str(tmp_path / "own"), "-q"])
    given = runner.invoke(app, ["run", str(doc), "-o", str(tmp_path / "given"), "-q", "--ref-date", "2021-05-04"])
    assert own.exit_code == 0 and given.exit_code == 0
    dates = {name: pd.read_parquet(tmp_path / name / "times.parquet").set_index("text")["start_date"]
             for name in ("own", "given")}
    assert str(dates["own"]["3月7日"].date()) == "2023-03-07"
    assert str(dates["given"]["3月7日"].date()) == "2021-03-07"
    assert str(dates["given"]["今年以来"].date()) == "2021-01-01"
    bad = runner.invoke(app, ["run", str(doc), "-o", str(tmp_path / "bad"), "-q", "--ref-date", "2021-13-04"])
    assert bad.exit_code == 2


def test_cli_match_checks_the_output_folder_first(tmp_path):
    """A -o that is a file stops match at once (exit 2), before the report is read."""
    target = tmp_path / "out"
    target.write_text("not a folder")
    result = CliRunner().invoke(app, ["match", "--issues", str(CORPUS / "feedback_cq_tzb_2022_example.txt"),
                                      "--report", str(CORPUS / "progress_cq_tzb_2022.txt"), "-o", str(target)])
    assert result.exit_code == 2
    assert "is a file, not a folder" in result.output


def test_cli_match_publishes_its_tables_whole(tmp_path):
    """A second match into the folder replaces the first one's tables (another format too); other files stay."""
    out = tmp_path / "out"
    args = ["match", "--issues", str(CORPUS / "feedback_cq_tzb_2022_example.txt"),
            "--report", str(CORPUS / "progress_cq_tzb_2022.txt"), "-o", str(out), "-q"]
    assert CliRunner().invoke(app, args).exit_code == 0
    assert (out / "issues.parquet").exists() and (out / "review.html").exists()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert CliRunner().invoke(app, [*args, "--format", "csv"]).exit_code == 0
    assert not list(out.glob("*.parquet"))
    assert (out / "issues.csv").exists() and (out / "review.html").exists() and (out / "notes.txt").exists()
    assert not (out / ".zhenggai" / "staging").exists() or not list((out / ".zhenggai" / "staging").iterdir())


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="no fork on this platform")
def test_cli_match_list_reader_lost_is_read_again_and_said(tmp_path, monkeypatch):
    """``match`` reads the issue list in a forked process; if that process dies, the list is read
    in the main process, the tables are the same, and the summary says so."""
    import os
    import signal

    import pipeline.cli as cli

    parent, real = os.getpid(), cli._read_list

    def dies_in_the_child(path, table_options):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, table_options)

    common = ["match", "--issues", str(FEEDBACK), "--report", str(REPORT)]
    assert runner.invoke(app, [*common, "-o", str(tmp_path / "forked")]).exit_code == 0
    monkeypatch.setattr(cli, "_read_list", dies_in_the_child)
    result = runner.invoke(app, [*common, "-o", str(tmp_path / "lost")])
    assert result.exit_code == 0, result.output
    assert ("note: the issue list was read again by the main process: the process reading it failed "
            "(exit code -9)") in result.output
    for name in MATCH_TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "forked" / f"{name}.parquet"),
                                      pd.read_parquet(tmp_path / "lost" / f"{name}.parquet"))


@pytest.mark.parametrize(
    ("args", "cores", "guess"),
    [
        (["run", "in"], 2, True),
        (["run", "in", "-o", "out", "-j", "2"], 2, True),
        (["run", "in", "--engine", "dask"], 2, True),  # not read: the pool is closed once the line is parsed
        (["run", "in", "-j", "1"], 2, False),
        (["run", "in", "--jobs", "1"], 2, False),
        (["run", "in", "-j1"], 2, False),
        (["run", "in", "--jobs=1"], 2, False),
        (["run", "in"], 1, False),
        (["run", "--help"], 2, False),
        (["match", "a", "b"], 2, False),
        ([], 2, False),
    ],
)
def test_cli_pool_first_guess_before_the_command_line_is_parsed(monkeypatch, args, cores, guess):
    from pipeline import pool

    monkeypatch.setattr(pool, "default_jobs", lambda: cores)
    assert pool.may_need_pool(args) is guess


@pytest.mark.parametrize(
    ("args", "ahead"),
    [
        (["run", "{many}"], True),  # a folder, default jobs (every core)
        (["run", "{many}", "--jobs=2"], True),
        (["run", "{many}", "-j2"], True),
        (["run", "{one}", "--fresh", "-q", "{many}"], True),  # flags take no value
        (["run", "{many}/*.txt"], True),  # a pattern may name many files
        (["run", "--", "{many}"], True),
        (["run", "{many}", "-j", "1"], False),
        (["run", "{many}", "-j1"], False),
        (["run", "{many}", "--jobs=1"], False),
        (["run", "{many}", "--engine", "dask"], False),  # no local workers
        (["run", "{one}", "-o", "{many}"], False),  # an existing output folder is not an input
        (["run", "{one}", "-o{many}"], False),
        (["run", "{one}"], False),
        (["run", "{many}", "--help"], False),
        (["run", "{many}", "-j", "two"], False),  # typer says what is wrong with it
        (["match", "{one}", "{many}"], False),
        ([], False),
    ],
)
def test_cli_pool_ahead_reads_a_run_over_many_inputs_with_workers(tmp_path, monkeypatch, args, ahead):
    """The first reading of the command line that starts the worker pool before typer parses it."""
    import typer.main

    from pipeline import cli, pool

    monkeypatch.setattr(pool, "default_jobs", lambda: 2)
    (tmp_path / "many").mkdir()
    (tmp_path / "one.txt").write_text("一、总体情况", encoding="utf-8")
    where = {"many": str(tmp_path / "many"), "one": str(tmp_path / "one.txt")}
    command = typer.main.get_command(app)
    line = [a.format(**where) for a in args]
    assert cli._pool_ahead(command, line) is ahead
    assert pool.may_need_pool(line) or not ahead  # the guess made before typer is imported says yes then too
