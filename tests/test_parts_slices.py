"""Compaction a slice of inputs at a time gives the tables built whole, in every format."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from scale_inputs import assert_same_tables, invoke, make_batch, run_order

import pipeline.compaction
from pipeline.tables import read_tables


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    return make_batch(tmp_path_factory.mktemp("slices") / "in", 23, pair=True)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
@pytest.mark.parametrize(("slice_docs", "slice_rows"), [(1, 10**6), (4, 10**6), (1000, 1), (1000, 7)])
def test_parts_compact_in_slices_equals_whole(batch, tmp_path, monkeypatch, fmt, slice_docs, slice_rows):
    """Slices of inputs (bounded in inputs or in rows, one input with more rows than the bound alone)."""
    whole = tmp_path / "whole"
    assert invoke("run", str(batch), "-o", str(whole), "-q", "-j", "1", "--format", fmt).returncode == 0
    monkeypatch.setattr(pipeline.compaction, "SLICE_DOCS", slice_docs)
    monkeypatch.setattr(pipeline.compaction, "SLICE_ROWS", slice_rows)
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
    monkeypatch.setattr(pipeline.compaction, "SLICE_ROWS", 10**6)
    out = tmp_path / "out"
    assert invoke("run", str(folder), "-o", str(out), "-q", "-j", "1").returncode == 0
    tables = read_tables(out)
    assert tables["quantities"]["value_exact"].dropna().tolist() == ["12345678901234567890"]
    assert tables["claims"]["recovered_amount_exact"].dropna().tolist() == ["12345678901234567890"]
    assert pq.ParquetFile(out / "quantities.parquet").num_row_groups == 1  # the whole path
    assert pq.ParquetFile(out / "times.parquet").num_row_groups > 1  # the other tables still in slices


def test_parts_slices_hold_at_most_the_rows_bound(batch, tmp_path):
    """Slices follow rows as well as inputs: none exceeds the bound unless one input alone does."""
    from pipeline.parts import FID, compact_tables

    out = tmp_path / "out"
    assert invoke("run", str(batch), "-o", str(out), "-q", "-j", "1").returncode == 0
    order = run_order(batch, out)
    whole = next(compact_tables(out / ".zhenggai" / "parts", order, "quantities"))
    slices = [t for t in compact_tables(out / ".zhenggai" / "parts", order, "quantities", slice_docs=1000,
                                        slice_rows=10) if t is not None]
    assert sum(t.num_rows for t in slices) == whole.num_rows and len(slices) > 1
    assert all(t.num_rows <= 10 or len(set(t.column(FID).to_pylist())) == 1 for t in slices)
    assert any(t.num_rows > 10 for t in slices)  # the batch has inputs over the bound: each a slice alone
    assert [f for t in slices for f in t.column(FID).to_pylist()] == whole.column(FID).to_pylist()


def _tables(value: int) -> dict:
    import pyarrow as pa

    return {"documents": pa.table({"doc_id": [f"d{value}"], "_fid": [value]}),
            "errors": pa.table({"message": [None], "_fid": [value]})}


def test_parts_a_part_is_whole_or_absent_and_written_again_whole(tmp_path):
    """A part's folder appears by one rename once every file is there; the part of a lost chunk,
    written again under the same number, replaces it whole."""
    from pipeline.partfiles import part_dir
    from pipeline.parts import read_part_table, write_part

    parts = tmp_path / "parts"
    write_part(parts, 7, _tables(1))
    write_part(parts, 7, _tables(2))
    assert read_part_table(parts, 7, "documents").column("_fid").to_pylist() == [2]
    assert sorted(p.name for p in part_dir(parts, 7).iterdir()) == ["documents.arrow", "errors.arrow"]
    assert [p.name for p in parts.iterdir()] == ["0000007"]  # no staging folder left behind


def test_parts_a_part_left_half_written_is_removed(tmp_path):
    """A process killed while writing leaves a hidden staging folder: never read, removed at the next run."""
    from pipeline.partfiles import remove_parts
    from pipeline.parts import write_part

    parts = tmp_path / "parts"
    write_part(parts, 1, _tables(1))
    half = parts / ".0000002.0a1b2c3d4e5f.tmp"
    half.mkdir()
    (half / "documents.arrow").write_bytes(b"ARROW1")
    (parts / ".stray.arrow.0a1b.tmp").write_bytes(b"")  # an earlier version's file being written
    remove_parts(parts, keep={1})
    assert [p.name for p in parts.iterdir()] == ["0000001"]


def test_parts_a_failed_write_leaves_nothing(tmp_path, monkeypatch):
    import pipeline.parts
    from pipeline.parts import write_part

    def broken(path, table):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pipeline.parts, "_write_ipc", broken)
    parts = tmp_path / "parts"
    with pytest.raises(OSError):
        write_part(parts, 3, _tables(3))
    assert list(parts.iterdir()) == []
