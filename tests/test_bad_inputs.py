"""The generated bad-input corpus (tests/badgen.py) through ``zhenggai run``: nothing lost,
nothing wrong in silence, nothing gets in.

Every file is either read (and checked) or an errors row with a clear reason, while the
batch goes on; the exit code is 1 because something failed.  Then the unsafe-output
cases on CSV and XLSX, output modes, and the worst-case patterns at a small size.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest
from badgen import FORMULA_REPORT, write_bad_corpus
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.tables import read_tables

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("bad")
    return folder, write_bad_corpus(folder)


@pytest.fixture(scope="module")
def run(corpus, tmp_path_factory) -> tuple[int, dict[str, pd.DataFrame], float]:
    folder, _ = corpus
    out = tmp_path_factory.mktemp("out")
    started = time.perf_counter()
    result = runner.invoke(app, ["run", str(folder), "-o", str(out), "--quiet"])
    seconds = time.perf_counter() - started
    return result.exit_code, read_tables(out), seconds


def _doc(tables, name: str) -> pd.Series:
    docs = tables["documents"]
    return docs[docs["path"].str.endswith(os.sep + name)].iloc[0]


def _errors(tables, name: str) -> pd.DataFrame:
    errors = tables["errors"]
    return errors[errors["path"].str.endswith(os.sep + name)]


def test_every_file_is_read_or_an_errors_row_and_the_exit_code_says_so(corpus, run):
    _, expect = corpus
    code, tables, _ = run
    assert code == 1
    assert len(tables["documents"]) == len(expect)
    for name, expectation in expect.items():
        doc = _doc(tables, name)
        if expectation[0] == "error":
            _, error_type, words = expectation
            rows = _errors(tables, name)
            assert list(rows["error_type"]) == [error_type], name
            for word in words:
                assert word in rows["message"].iloc[0], (name, rows["message"].iloc[0])
            assert pd.isna(doc["doc_id"])
        elif expectation[0] == "ok":
            assert pd.isna(doc["error"]), (name, doc["error"])
            assert doc["n_chars"] > 0
        else:  # recovered or reported, never silent
            assert pd.isna(doc["error"]) or len(_errors(tables, name)) == 1


def test_20_digit_amount_is_kept_exactly(run):
    _, tables, _ = run
    q = tables["quantities"]
    row = q[q["text"] == "12345678901234567890万元"].iloc[0]
    assert row["value_exact"] == "123456789012345678900000"  # beyond any 64-bit integer
    assert row["value"] == pytest.approx(1.2345678901234568e23)
    row = q[q["text"] == "12345678901234567890元"].iloc[0]
    assert row["value_exact"] == "12345678901234567890"


def test_same_content_under_two_paths_is_said_and_not_duplicated(run):
    _, tables, _ = run
    first, copy = _doc(tables, "big_amount.txt"), _doc(tables, "big_amount_copy.txt")
    assert first["doc_id"] == copy["doc_id"]
    assert "duplicate of" in copy["warnings"] and first["path"] in copy["warnings"]
    q = tables["quantities"]
    assert (q["text"] == "12345678901234567890元").sum() == 1


def test_pdfs_pdfplumber_cannot_open_are_read_by_pypdfium2(run):
    _, tables, _ = run
    for name in ("owner_password_cid.pdf", "xref_shifted.pdf"):
        doc = _doc(tables, name)
        assert "read with pypdfium2" in doc["warnings"]
        assert doc["n_chars"] > 10
    sections = tables["sections"]
    owner_id = _doc(tables, "owner_password_cid.pdf")["doc_id"]
    assert "一、" in set(sections[sections["doc_id"] == owner_id]["label"])


def test_an_unreadable_page_is_an_errors_row_with_its_page_number(run):
    _, tables, _ = run
    rows = _errors(tables, "scanned_page.pdf")
    assert list(rows["error_type"]) == ["unreadable_page"]
    assert rows["message"].iloc[0].startswith("page 2:")
    doc = _doc(tables, "scanned_page.pdf")
    assert pd.isna(doc["error"]) and doc["n_pages"] == 3


def test_pdf_password_opens_an_encrypted_pdf(corpus, tmp_path):
    folder, _ = corpus
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(folder / "user_password.pdf"), "-o", str(out), "-q", "--pdf-password", "secret"])
    assert result.exit_code == 0
    assert read_tables(out)["documents"]["n_chars"].iloc[0] > 0
    wrong = runner.invoke(app, ["run", str(folder / "user_password.pdf"), "-o", str(tmp_path / "o2"), "-q", "--pdf-password", "x"])
    assert wrong.exit_code == 1
    assert "does not open it" in read_tables(tmp_path / "o2")["errors"]["message"].iloc[0]


def test_hidden_docx_text_is_not_read(run):
    _, tables, _ = run
    doc = _doc(tables, "hidden_text.docx")
    assert "hidden text (w:vanish) not read" in doc["warnings"]
    q = tables["quantities"]
    assert not (q["doc_id"] == doc["doc_id"]).any() or "999万元" not in set(q["text"])
    assert doc["n_chars"] < 30


def test_traditional_report_is_converted_for_extraction_and_quotes_the_original(run):
    _, tables, _ = run
    doc = _doc(tables, "traditional.txt")
    assert "traditional characters" in doc["warnings"]
    mine = tables["quantities"][tables["quantities"]["doc_id"] == doc["doc_id"]]
    assert len(mine) >= 5
    assert any("條" in t or "項" in t or "萬" in t or "億" in t for t in mine["text"])


def test_pathological_runs_do_not_stall_the_batch(run):
    _, tables, seconds = run
    for name in ("numeral_run.txt", "circled_run.txt", "digit_run.txt"):
        assert _doc(tables, name)["seconds"] < 5, name
    assert seconds < 60


def test_csv_cells_never_start_a_formula(corpus, tmp_path):
    folder, _ = corpus
    out = tmp_path / "csv"
    result = runner.invoke(app, ["run", str(folder / "formulas.txt"), "-o", str(out), "-q", "-f", "csv"])
    assert result.exit_code == 0
    for path in out.glob("*.csv"):
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            for cell in line.split(","):
                assert not cell.lstrip('"').startswith(("=", "+", "-", "@")), (path.name, cell)
    sections = read_tables(out)["sections"]
    assert "@SUM(A1:A9)整改情况" in set(sections["title"])  # read back as written


def test_xlsx_cells_are_strings_never_formulas_and_long_cells_are_listed(corpus, tmp_path):
    import openpyxl

    folder, _ = corpus
    shutil.copy(folder / "formulas.txt", tmp_path / "formulas.txt")
    shutil.copy(folder / "long_title.txt", tmp_path / "long_title.txt")
    out = tmp_path / "xlsx"
    result = runner.invoke(app, ["run", str(tmp_path / "formulas.txt"), str(tmp_path / "long_title.txt"), "-o", str(out), "-q", "-f", "xlsx"])
    assert result.exit_code == 0
    book = openpyxl.load_workbook(out / "tables.xlsx")
    assert not any(cell.data_type == "f" for sheet in book for row in sheet.iter_rows() for cell in row)
    titles = [c.value for c in book["sections"]["F"]]
    assert "@SUM(A1:A9)整改情况" in titles
    long = next(t for t in titles if isinstance(t, str) and len(t) > 30_000)
    assert len(long) == 32_767 and long.endswith("全文见 Parquet/CSV 输出]")
    cut = pd.read_excel(out / "tables.xlsx", sheet_name="truncated_cells")
    assert {"sheet", "row", "column", "length"} <= set(cut.columns) and 40_000 in set(cut["length"])
    assert FORMULA_REPORT.splitlines()[0] not in titles  # a plain line, not a heading


def test_output_files_follow_the_umask(corpus, tmp_path):
    folder, _ = corpus
    previous = os.umask(0o022)
    try:
        runner.invoke(app, ["run", str(folder / "formulas.txt"), "-o", str(tmp_path / "o"), "-q"])
    finally:
        os.umask(previous)
    modes = {str(p): p.stat().st_mode & 0o777 for p in (tmp_path / "o").rglob("*") if p.is_file()}  # the run's state too
    assert modes and set(modes.values()) == {0o644}, modes


def test_worst_case_patterns_are_linear():
    """The cases that were quadratic, at 3 KB and 24 KB: eight times the text must not take 64 times the
    CPU time (a quadratic pattern); the best of two runs, so a busy machine does not count."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_fuzz import cases, stages

    from pipeline.normalize import normalize

    quadratic_before = ("cn_numeral_run", "circled_run", "digit_run+万元", "一是_inline", "markers_第一", "markers_1.")

    def timing(kb: int) -> dict[tuple[str, str], float]:
        out = {}
        for name, raw in cases(kb).items():
            if name not in quadratic_before:
                continue  # the full list: python benchmarks/bench_fuzz.py
            for stage, call in stages(normalize(raw)).items():
                best = float("inf")
                for _ in range(2):
                    started = time.process_time()
                    call()
                    best = min(best, time.process_time() - started)
                out[name, stage] = best
        return out

    small, large = timing(3), timing(24)
    slow = {k: (small[k], v) for k, v in large.items() if v > 0.1 and v > 24 * small[k]}
    assert not slow, slow
