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
