"""The reviewer's editable issue table: written by ``zhenggai issues``, read back by match/run --issues."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.issuelist import write_issue_table
from pipeline.issuelist.editable import HEADERS
from pipeline.review import load_issue_list

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "fixtures" / "feedback_corpus" / "dev"
NOTICES = [
    ROOT / "corpus" / "feedback_cq_tzb_2022_example.txt",  # aspects, numbered problems
    DEV / "d13_problem_blocks_prov_healthcare_security.txt",  # manifestations
    DEV / "d20_multi_unit_townships.txt",  # units
    DEV / "d32_shi_central_trad.txt",  # traditional characters
]


@pytest.mark.parametrize("notice", NOTICES, ids=lambda p: p.stem)
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_issues_editable_round_trip_is_identical(tmp_path, notice, suffix):
    issues = load_issue_list(notice).issues
    written = write_issue_table(issues, tmp_path, source=str(notice))
    path = next(p for p in written if p.suffix == suffix)
    assert load_issue_list(path).issues == issues


def test_issues_editable_headers_are_chinese_and_documented(tmp_path):
    issues = load_issue_list(NOTICES[0]).issues
    xlsx = write_issue_table(issues, tmp_path)[0]
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["问题清单", "说明"]
    header = [c.value for c in book["问题清单"][1]]
    assert header == list(HEADERS) and header[:6] == ["编号", "上级编号", "层级", "方面", "单位", "问题"]
    assert book["问题清单"]["A3"].value == "1" and book["问题清单"]["A3"].number_format == "@"


def test_issues_edited_table_is_read_as_edited(tmp_path):
    issues = load_issue_list(NOTICES[0]).issues
    xlsx = write_issue_table(issues, tmp_path)[0]
    book = openpyxl.load_workbook(xlsx)
    ws = book["问题清单"]
    ws["F3"] = "理论学习不够深入（审核人改写）"
    ws.delete_rows(4)  # the reviewer drops problem 2
    ws.append(["13", "四", "2", None, None, "人工补充的问题：信访台账不完整", None, None, None, None, None, None, None,
               "办公室", "2024年底"])
    book.save(xlsx)
    edited = load_issue_list(xlsx).issues
    by_id = {i.issue_id: i for i in edited}
    assert by_id["1"].text == "理论学习不够深入(审核人改写)" and "2" not in by_id  # normalized like every text
    added = by_id["13"]
    assert (added.level, added.parent_id, added.start, added.extra["how"], added.extra["owner"]) == (
        2, "四", None, "edited", "办公室")


def test_issues_command_writes_tables_that_match_reads_back(tmp_path):
    out = tmp_path / "list"
    notice = DEV / "d14_problem_blocks_county_education_bureau.txt"  # announces 9 problems, lists 8
    result = CliRunner().invoke(app, ["issues", str(notice), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {"issues.xlsx", "issues.csv", "flags.csv", "errors.csv"}
    assert "issue_count_mismatch" in (out / "flags.csv").read_text(encoding="utf-8-sig")
    report = ROOT / "corpus" / "progress_cq_tzb_2022.txt"
    matched = tmp_path / "matched"
    result = CliRunner().invoke(app, ["match", "--issues", str(out / "issues.xlsx"), "--report", str(report),
                                      "-o", str(matched), "--format", "csv", "-q"])
    assert result.exit_code == 0, result.output
    import pandas as pd

    table = pd.read_csv(matched / "issues.csv", encoding="utf-8-sig", dtype={"issue_id": str})
    assert list(table.loc[table["level"] == 2, "issue_id"]) == [str(k) for k in range(1, 9)]


def test_issues_command_several_inputs_and_a_bad_one(tmp_path):
    out = tmp_path / "lists"
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["issues", str(NOTICES[0]), str(NOTICES[1]), str(bad), "-o", str(out), "-q"])
    assert result.exit_code == 1
    assert (out / f"{NOTICES[0].stem}.issues.xlsx").exists() and (out / f"{NOTICES[1].stem}.issues.csv").exists()
    assert "empty.txt" in (out / "errors.csv").read_text(encoding="utf-8-sig")


def test_issues_run_reads_an_edited_ledger_sheet(tmp_path):
    """run --issues with --sheet: a list kept on a named sheet of a workbook."""
    issues = load_issue_list(NOTICES[0]).issues
    xlsx = write_issue_table(issues, tmp_path / "list")[0]
    book = openpyxl.load_workbook(xlsx)
    book.move_sheet("说明", offset=-1)  # the explanation sheet first, as offices do
    book.save(xlsx)
    out = tmp_path / "run"
    result = CliRunner().invoke(app, ["run", str(ROOT / "corpus" / "progress_cq_tzb_2022.txt"), "--issues", str(xlsx),
                                      "--sheet", "问题清单", "-o", str(out), "--format", "csv", "-q"])
    assert result.exit_code == 0, result.output
    import pandas as pd

    table = pd.read_csv(out / "issues.csv", encoding="utf-8-sig", dtype={"issue_id": str})
    assert len(table) == len(issues) and set(table["how"]) == {"heading", "numbered"}


def test_issues_of_a_progress_report_are_its_restated_problems():
    """A progress report given as the list: its restated problem headings, not its own sentences."""
    issues = load_issue_list(ROOT / "corpus" / "progress_cq_tzb_2022.txt").issues
    problems = [i for i in issues if i.level == 2]
    assert len(problems) == 10 and problems[0].text == "推进政治理论学习走深走实"  # 2 of the 12 are not restated
    assert {i.extra["how"] for i in problems} == {"numbered"}
