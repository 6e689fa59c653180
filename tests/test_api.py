from conftest import FEEDBACK, REPORT

import pipeline


def test_api_analyze_path_and_text_agree():
    from_path = pipeline.analyze(REPORT)
    from_text = pipeline.analyze(REPORT.read_text(encoding="utf-8"))
    assert from_path["documents"].loc[0, "doc_id"] == from_text["documents"].loc[0, "doc_id"]
    assert from_path["quantities"]["text"].tolist() == from_text["quantities"]["text"].tolist()
    assert from_path["documents"].loc[0, "format"] == "txt"
    assert from_text["documents"].loc[0, "format"] == "text"


def test_api_analyze_returns_dataframes_for_notebooks():
    tables = pipeline.analyze(str(REPORT))
    counts = tables["measures"].groupby("status").size()
    assert counts.sum() == 23
    assert tables["documents"].loc[0, "kind"] == "progress"


def test_api_analyze_bad_file_gives_error_table(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj <<")
    tables = pipeline.analyze(bad)
    assert len(tables["errors"]) == 1
    assert tables["documents"].loc[0, "error"]


def test_api_match_feedback_against_report():
    tables = pipeline.match(FEEDBACK, REPORT)
    assert {"issues", "matches", "flags", "documents"} <= set(tables)
    flags = tables["flags"]
    assert sorted(flags.loc[flags["kind"] == "unaddressed", "issue_id"]) == ["12", "7"]


def test_api_match_accepts_feedback_text():
    tables = pipeline.match(FEEDBACK.read_text(encoding="utf-8"), REPORT)
    assert (tables["issues"]["level"] == 2).sum() == 12


def test_api_missing_file_name_is_not_read_as_text():
    import pytest

    with pytest.raises(FileNotFoundError):
        pipeline.analyze("no_such_report.txt")
    with pytest.raises(FileNotFoundError):
        pipeline.match("corpus/no_such_list.csv", REPORT)
    # a short text without a path shape is still text
    assert pipeline.analyze("召开18次部务会会议。")["quantities"]["text"].tolist() == ["18次"]


def test_api_analyze_a_folder_or_a_list_as_one_batch(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    tables = pipeline.analyze(folder, progress=False)
    assert sorted(tables["documents"]["path"].map(lambda p: p.rsplit("/", 1)[-1])) == ["a.txt", "empty.txt"]
    assert list(tables["errors"]["error_type"]) == ["empty_file"]
    listed = pipeline.analyze([REPORT, FEEDBACK, tmp_path / "missing.txt"], progress=False, review=True)
    assert len(listed["documents"]) == 2 and list(listed["errors"]["error_type"]) == ["not_found"]
    assert len(listed["pairs"]) == 1 and {"issues", "matches", "flags"} <= set(listed)


def test_api_results_have_readable_reprs():
    from pipeline.api import analyze_one
    from pipeline.review import load_issue_list

    tables = pipeline.analyze(REPORT)
    assert repr(tables).startswith("Tables(documents 1, sections ") and "\n" not in repr(tables)
    result = analyze_one(REPORT)
    assert repr(result).startswith("DocumentResult(") and len(repr(result)) < 300
    assert len(repr(result.claims[0])) < 400 and repr(result.quantities[0]).startswith("Quantity(start=")
    assert repr(load_issue_list(FEEDBACK)).endswith("4 aspects, 12 problems, 0 manifestations)")


def test_api_version_is_the_installed_one():
    from importlib.metadata import version

    from typer.testing import CliRunner

    from pipeline.cli import app

    assert pipeline.__version__ == version("zhenggai")
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"zhenggai {pipeline.__version__}"


def test_api_match_names_a_review_that_failed(monkeypatch):
    """pairs_blind45 s5: the review of the pair failed and match() returned problems with no status and an empty
    errors table; the failure is an errors row, as in a batch."""
    import pipeline.review

    def broken(*args, **kwargs):
        raise TypeError("a broken rule")

    monkeypatch.setattr(pipeline.review, "review", broken)
    tables = pipeline.match(FEEDBACK, REPORT)
    errors = tables["errors"]
    assert list(errors["stage"]) == ["match"] and list(errors["error_type"]) == ["TypeError"]
    assert "a broken rule" in errors["message"].iloc[0] and tables["issues"]["status"].isna().all()
