"""Compaction a slice of inputs at a time gives the tables built whole, in every format."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from scale_inputs import assert_same_tables, invoke, make_batch

import pipeline.compaction
from pipeline.tables import read_tables


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    return make_batch(tmp_path_factory.mktemp("slices") / "in", 23, pair=True)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
@pytest.mark.parametrize("slice_docs", [1, 4])
def test_parts_compact_in_slices_equals_whole(batch, tmp_path, monkeypatch, fmt, slice_docs):
    whole = tmp_path / "whole"
    assert invoke("run", str(batch), "-o", str(whole), "-q", "-j", "1", "--format", fmt).returncode == 0
    monkeypatch.setattr(pipeline.compaction, "SLICE_DOCS", slice_docs)
    sliced = tmp_path / "sliced"
    assert invoke("run", str(batch), "-o", str(sliced), "-q", "-j", "1", "--format", fmt).returncode == 0
    assert_same_tables(whole, sliced)
    if fmt == "parquet":  # the slices really were written one by one
        assert pq.ParquetFile(sliced / "quantities.parquet").num_row_groups > 1
        assert pq.ParquetFile(whole / "quantities.parquet").num_row_groups == 1
    else:
        assert (whole / "quantities.csv").read_bytes() == (sliced / "quantities.csv").read_bytes()


def test_parts_huge_integers_take_the_whole_path(tmp_path, monkeypatch):
    """A 20-digit amount gets an exact-digits column that other slices would lack: that table is framed whole."""
    folder = make_batch(tmp_path / "in", 5)
    (folder / "big.txt").write_text("第9号通报\n追回资金12345678901234567890元,整改完成3项。\n", encoding="utf-8")
    monkeypatch.setattr(pipeline.compaction, "SLICE_DOCS", 1)
    out = tmp_path / "out"
    assert invoke("run", str(folder), "-o", str(out), "-q", "-j", "1").returncode == 0
    tables = read_tables(out)
    assert tables["quantities"]["value_exact"].dropna().tolist() == ["12345678901234567890"]
    assert tables["claims"]["recovered_amount_exact"].dropna().tolist() == ["12345678901234567890"]
    assert pq.ParquetFile(out / "quantities.parquet").num_row_groups == 1  # the whole path
    assert pq.ParquetFile(out / "times.parquet").num_row_groups > 1  # the other tables still in slices
