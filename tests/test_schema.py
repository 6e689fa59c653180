"""The tables' schema: the same columns and dtypes on every run, in every format, empty or not."""

import pandas as pd
import pytest
from conftest import FEEDBACK, REPORT
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.records import Issue
from pipeline.casting import conform, iso_date
from pipeline.schema import SCHEMA, precision_of
from pipeline.tables import match_tables, read_tables, write_tables


def _dtypes(tables: dict[str, pd.DataFrame]) -> dict[str, dict[str, str]]:
    return {name: dict(frame.dtypes.astype(str)) for name, frame in sorted(tables.items())}


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """The corpus (every table filled) and a folder of one unreadable and one unrelated file (tables empty)."""
    root = tmp_path_factory.mktemp("runs")
    sparse = root / "sparse"
    sparse.mkdir()
    (sparse / "empty.txt").write_bytes(b"")
    (sparse / "note.txt").write_text("会议通知:请各单位于下周报送材料。\n", encoding="utf-8")
    out = {}
    for name, source in (("full", [str(REPORT), str(FEEDBACK)]), ("sparse", [str(sparse)])):
        result = CliRunner().invoke(app, ["run", *source, "-o", str(root / f"out_{name}"), "--quiet"])
        assert result.exit_code in (0, 1), result.output
        out[name] = read_tables(root / f"out_{name}")
    return out


def test_schema_two_runs_have_the_same_columns_and_dtypes(two_runs):
    full, sparse = two_runs["full"], two_runs["sparse"]
    assert len(full["matches"]) > 0 and len(full["claims"]) > 0 and len(full["pairs"]) == 1
    assert len(sparse["matches"]) == 0 and len(sparse["claims"]) == 0 and len(sparse["pairs"]) == 0
    assert _dtypes(full) == _dtypes(sparse)
    assert _dtypes(full) == {name: SCHEMA[name] for name in sorted(full)}


def test_schema_parquet_read_by_pandas_alone_keeps_the_dtypes(two_runs, tmp_path):
    """A notebook reading the Parquet files without our reader sees the same dtypes."""
    write_tables(two_runs["sparse"], tmp_path)
    raw = {path.stem: pd.read_parquet(path) for path in tmp_path.glob("*.parquet")}
    assert _dtypes(raw) == _dtypes(two_runs["sparse"])


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_schema_every_format_reads_back_with_the_same_dtypes_and_values(two_runs, tmp_path, fmt):
    for name, tables in two_runs.items():
        write_tables(tables, tmp_path / name, fmt=fmt)
        back = read_tables(tmp_path / name)
        assert _dtypes(back) == _dtypes(tables), name
        for table, frame in tables.items():
            pd.testing.assert_frame_equal(back[table], frame, check_exact=False, obj=f"{name}/{table}")


def test_schema_csv_ids_read_back_as_strings(tmp_path):
    issues = [Issue("3", None, 2, "问题", None, None, None, list_doc_id="00ab", doc_id="0012"),
              Issue("3.10", "3", 3, "表现", None, None, None)]
    write_tables(match_tables(issues, [], []), tmp_path, fmt="csv")
    back = read_tables(tmp_path)["issues"]
    assert list(back["issue_id"]) == ["3", "3.10"] and back["parent_id"].iloc[1] == "3"
    assert back["list_doc_id"].iloc[0] == "00ab" and back["doc_id"].iloc[0] == "0012"
    assert str(back["level"].dtype) == "Int64"


def test_schema_dates_are_dates_with_their_precision():
    frame = conform(pd.DataFrame({"date": ["2022-03", "2022-06-30", None, "2022"]}), "times")
    assert str(frame["date"].dtype) == "datetime64[ms]"
    assert list(frame["date_precision"]) == ["month", "day", pd.NA, "year"]
    assert frame["date"].iloc[0] == pd.Timestamp("2022-03-01")
    assert [iso_date(d, p if p is not pd.NA else None) for d, p in zip(frame["date"], frame["date_precision"])] == [
        "2022-03", "2022-06-30", None, "2022"]
    assert precision_of("2022-03-31") == "day"


def test_schema_counts_are_integers_in_claims(two_runs):
    claims = two_runs["full"]["claims"]
    assert str(claims["total"].dtype) == "Int64" and str(claims["rate"].dtype) == "float64"
    assert str(claims["refunded_amount"].dtype) == "float64"
