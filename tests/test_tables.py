import json

import pandas as pd
import pytest
from conftest import REPORT

from pipeline.document import analyze_text
from pipeline.records import ErrorRecord, Flag, Issue, Match
from pipeline.tables import (
    COLUMNS,
    DOCUMENT_TABLES,
    build_tables,
    claim_columns,
    match_tables,
    read_tables,
    write_tables,
)


@pytest.fixture(scope="module")
def tables(nlp, report_text):
    return build_tables([analyze_text(report_text, path=str(REPORT))])


def test_tables_contract_columns_come_first(tables):
    for name in DOCUMENT_TABLES:
        expected = claim_columns() if name == "claims" else COLUMNS[name]
        assert list(tables[name].columns) == expected


def test_tables_offsets_point_into_the_text(tables, report_text):
    for name in ("quantities", "times", "citations", "claims"):
        frame = tables[name]
        assert len(frame) > 0
        for row in frame.itertuples():
            assert report_text[row.start : row.end] == row.text
    for row in tables["sections"].itertuples():
        assert report_text[row.label_start : row.label_end] == row.label
        assert report_text[row.title_start : row.title_end] == row.title


def test_tables_items_carry_their_section(tables):
    sections = tables["sections"].set_index("section_id")
    for row in tables["quantities"].itertuples():
        assert pd.notna(row.section_id)
        section = sections.loc[row.section_id]
        assert section["start"] <= row.start < max(section["body_end"], section["end"])


def test_tables_measure_counts_match_items(tables):
    quantities = tables["quantities"]
    for row in tables["measures"].itertuples():
        inside = ((quantities["start"] >= row.start) & (quantities["end"] <= row.end)).sum()
        assert row.n_quantities == inside


def test_tables_money_value_has_multiplier_applied(tables):
    row = tables["quantities"].set_index("text").loc["94.5亿元"]
    assert row["value"] == 9_450_000_000 and row["unit"] == "元" and row["kind"] == "money"


def test_tables_claim_figures_are_columns(tables):
    claim = tables["claims"][tables["claims"]["total"].notna()].iloc[0]
    assert (claim["total"], claim["completed"], claim["basically_completed"]) == (57, 52, 5)
    assert claim["as_of"] == pd.Timestamp("2022-06-30") and bool(claim["consistent"]) is True
    spans = json.loads(claim["figure_spans"])
    assert spans["completed"] == [1263, 1270]


def test_tables_failed_document_is_kept_with_its_error():
    from pipeline.document import DocumentResult

    failed = DocumentResult(doc_id=None, path="x.pdf", format="pdf", error=ErrorRecord("x.pdf", "read", "encrypted_pdf", "PDF is encrypted"))
    tables = build_tables([failed])
    assert tables["documents"].loc[0, "error"] == "encrypted_pdf: PDF is encrypted"
    assert tables["errors"].to_dict("records") == [
        {"path": "x.pdf", "stage": "read", "error_type": "encrypted_pdf", "message": "PDF is encrypted"}
    ]


def test_tables_match_tables_keep_string_issue_ids():
    issues = [Issue("一", None, 1, "方面", "d", 0, 2, "一、"), Issue("1", "一", 2, "问题", "d", 3, 5, "1.", extra={"owner": "办公室"})]
    tables = match_tables(issues, [Match("1", "r", "section", 3, 0.5, 1, True)], [Flag("r", "1", "unaddressed", "high", "m", 3, 5)])
    parents = tables["issues"]["parent_id"]
    assert pd.isna(parents.iloc[0]) and parents.iloc[1] == "一"
    assert list(tables["issues"].columns) == COLUMNS["issues"]
    owner = tables["issues"]["owner"]
    assert pd.isna(owner.iloc[0]) and owner.iloc[1] == "办公室" and tables["issues"]["confidence"].dtype == "float64"
    empty = match_tables([], [], [])["issues"]
    assert list(empty.columns) == COLUMNS["issues"] and (empty.dtypes == tables["issues"].dtypes).all()
    assert tables["matches"]["target_id"].dtype == "Int64"


@pytest.mark.parametrize("fmt", ["parquet", "csv", "xlsx"])
def test_tables_round_trip_every_format(tables, tmp_path, fmt):
    write_tables(tables, tmp_path, fmt=fmt)
    back = read_tables(tmp_path)
    assert set(back) == set(tables)
    assert len(back["quantities"]) == len(tables["quantities"])
    assert list(back["quantities"]["text"]) == list(tables["quantities"]["text"])


def test_tables_write_is_atomic(tables, tmp_path, monkeypatch):
    write_tables(tables, tmp_path)
    before = (tmp_path / "quantities.parquet").read_bytes()

    def boom(self, table, *args, **kwargs):  # the file is open and half written when the disk fills up
        raise OSError("disk full")

    import pyarrow.parquet as pq

    monkeypatch.setattr(pq.ParquetWriter, "write_table", boom)
    with pytest.raises(OSError):
        write_tables(tables, tmp_path)
    assert (tmp_path / "quantities.parquet").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_tables_unknown_format_is_rejected(tables, tmp_path):
    with pytest.raises(ValueError):
        write_tables(tables, tmp_path, fmt="json")


def test_tables_parquet_files_are_zstd_and_read_back_as_written(tmp_path):
    """The Parquet codec is zstd (pipeline.tables.PARQUET_COMPRESSION: with snappy a table process kept
    more memory with every slice it wrote); a table written in slices reads back whole."""
    import pandas as pd
    import pyarrow.parquet as pq

    from pipeline.tables import write_frames

    frames = [pd.DataFrame({"path": [f"报告{i}.txt" for i in range(k, k + 3)], "n": range(k, k + 3)}) for k in (0, 3)]
    path = write_frames("demo", iter(frames), tmp_path, fmt="parquet")
    meta = pq.ParquetFile(path).metadata
    assert meta.num_row_groups == 2
    assert {meta.row_group(g).column(c).compression for g in range(2) for c in range(meta.num_columns)} == {"ZSTD"}
    pd.testing.assert_frame_equal(pd.read_parquet(path), pd.concat(frames, ignore_index=True))
