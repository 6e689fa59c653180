"""Streamed results: rows of finished documents written as parts, compacted at the end.

Why: a batch over tens of thousands of files must not hold every result in
memory, nor lose an hour of work to a kill.  Workers turn each chunk of results
into Arrow tables of *rows* (the same rows :func:`pipeline.tables.build_tables`
frames, plus ``_fid``, the manifest id of the input) and write them as a part
(Arrow IPC files: read back once, whole and fast); at the end :func:`compact`
gathers the current rows of the current inputs, in input order, a slice of inputs
at a time, exactly as ``build_tables`` would over all results: the tables do not
depend on how the work was split into chunks, parts, slices or runs.

The compaction's ``pyarrow.compute`` and numpy are imported in the functions that use
them: a worker only writes parts, and its pool's zygote is ready 0.05 s sooner
without them.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyarrow as pa

from pipeline.arrays import column, ids
from pipeline.partfiles import PART_SUFFIX, TMP_SUFFIX, WHOLE, part_dir
from pipeline.records import DocumentResult, ErrorRecord
from pipeline.rows import DOCUMENT_TABLES, OWN_ROWS, document_rows, duplicate_warnings
from pipeline.schema import COLUMNS

FID = "_fid"
_OPTIONAL = b"zhenggai.optional"  # schema metadata: columns some rows did not have (claim figures)
_BIG = b"zhenggai.bigint"  # schema metadata: integer columns written as digits (values beyond int64)
_EXACT = b"zhenggai.exact"  # schema metadata: columns with integers a float cannot hold (an _exact column follows)
_FLOAT_EXACT = 2**53  # beyond this an integer needs its exact digits beside it (see cells.exact_columns)


_INT64 = (-(2**63), 2**63 - 1)


def _big(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and not _INT64[0] <= value <= _INT64[1]


def _inexact(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) > _FLOAT_EXACT


def _arrow(rows: list[dict], fids: list[int]) -> pa.Table:
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    optional = [c for c in columns if any(c not in row for row in rows)]
    data = {c: [row.get(c) for row in rows] for c in columns}
    # integers beyond int64 (a 20-digit amount) travel as their digits and come back as ints
    exact = [c for c, values in data.items() if any(_inexact(v) for v in values)]
    big = [c for c in exact if any(_big(v) for v in data[c])]  # beyond int64 is beyond 2**53: only those columns
    for c in big:
        data[c] = [str(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in data[c]]
    arrays = {c: column(values) for c, values in data.items()}
    arrays[FID] = ids(fids)
    table = pa.table(arrays)
    meta = {}
    if optional:
        meta[_OPTIONAL] = json.dumps(optional).encode()
    if big:
        meta[_BIG] = json.dumps(big).encode()
    if exact:
        meta[_EXACT] = json.dumps(exact).encode()
    return table.replace_schema_metadata(meta) if meta else table


def _failed(result: DocumentResult, exc: Exception) -> DocumentResult:
    message = f"results could not be stored: {type(exc).__name__}: {str(exc)[:200]}"
    return DocumentResult(
        doc_id=result.doc_id, path=result.path, format=result.format, encoding=result.encoding,
        error=ErrorRecord(result.path, "write", "unstorable_value", message), seconds=result.seconds,
    )


def chunk_tables(results: Sequence[DocumentResult], fids: Sequence[int]) -> tuple[dict[str, pa.Table], list[DocumentResult]]:
    """Arrow tables of the rows of ``results`` (tagged with their fids), and the results as stored.

    A document whose values Arrow cannot hold becomes an errors row instead of sinking the chunk.
    """
    try:
        return _chunk_tables(results, fids), list(results)
    except (pa.ArrowException, OverflowError, TypeError, ValueError):
        pass
    kept: list[DocumentResult] = []
    for result, fid in zip(results, fids):
        try:
            _chunk_tables([result], [fid])
            kept.append(result)
        except (pa.ArrowException, OverflowError, TypeError, ValueError) as exc:
            kept.append(_failed(result, exc))
    return _chunk_tables(kept, fids), kept


def _chunk_tables(results: Sequence[DocumentResult], fids: Sequence[int]) -> dict[str, pa.Table]:
    rows: dict[str, list[dict]] = {name: [] for name in DOCUMENT_TABLES}
    owners: dict[str, list[int]] = {name: [] for name in DOCUMENT_TABLES}
    for result, fid in zip(results, fids):
        for name, some in document_rows(result).items():
            rows[name].extend(some)
            owners[name].extend([fid] * len(some))
    return {name: _arrow(rows[name], owners[name]) for name in DOCUMENT_TABLES}


def concat(tables: Sequence[pa.Table]) -> pa.Table:
    """Tables of one kind from several chunks or parts (null columns take the others' type)."""
    optional: set[str] = set()
    big: set[str] = set()
    for table in tables:
        meta = table.schema.metadata or {}
        optional.update(json.loads(meta.get(_OPTIONAL, b"[]")))
        big.update(json.loads(meta.get(_BIG, b"[]")))
    if big:  # the same column as digits everywhere, so that the parts concatenate
        tables = [_digits(t, big) for t in tables]
    plain = [t.replace_schema_metadata(None) for t in tables]
    try:
        merged = pa.concat_tables(plain, promote_options="permissive")
    except (pa.ArrowTypeError, pa.ArrowInvalid):  # one column of two kinds (e.g. a number kept as text)
        merged = pa.concat_tables([_as_text(t) for t in plain], promote_options="permissive")
    present = set(merged.column_names)
    for table in tables:  # a column missing from a whole chunk was missing from those rows
        optional.update(present - set(table.column_names))
    meta = {}
    if optional:
        meta[_OPTIONAL] = json.dumps(sorted(optional)).encode()
    if big:
        meta[_BIG] = json.dumps(sorted(big)).encode()
    return merged.replace_schema_metadata(meta) if meta else merged


def _digits(table: pa.Table, big: set[str]) -> pa.Table:
    import pyarrow.compute as pc  # the compaction's (see the module's docstring)

    meta = table.schema.metadata or {}
    done = set(json.loads(meta.get(_BIG, b"[]")))
    for i, field in enumerate(table.schema):
        if field.name in big and field.name not in done and not pa.types.is_null(field.type):
            table = table.set_column(i, field.name, pc.cast(table.column(i), pa.string()))
    return table


def _as_text(table: pa.Table) -> pa.Table:
    import pyarrow.compute as pc

    for i, field in enumerate(table.schema):
        if field.name != FID and not pa.types.is_string(field.type) and not pa.types.is_null(field.type):
            table = table.set_column(i, field.name, pc.cast(table.column(i), pa.string()))
    return table


def _number(text: str):
    """Digits back to the int they were; a float written by a cast back to a float."""
    try:
        return int(text)
    except ValueError:
        return float(text)


#: one thread: a part's tables are small, and starting the writer's thread pool for each took longer
#: than compressing them (1,000 news texts: 0.16 -> 0.07 s of writing)
_IPC_OPTIONS = pa.ipc.IpcWriteOptions(compression="lz4", use_threads=False)
_IPC_READ = pa.ipc.IpcReadOptions(use_threads=False)


def _write_ipc(path: Path, table: pa.Table) -> None:
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema, options=_IPC_OPTIONS) as writer:
        writer.write_table(table)


def read_part_table(parts: Path, part: int, name: str) -> pa.Table:
    """One table of a part: its bytes read at once and decoded on this thread (a part's files are
    small: mapping each, and the reader's thread pool, took 7 times longer; 1,568 files: 0.65 -> 0.09 s)."""
    data = (part_dir(parts, part) / f"{name}{PART_SUFFIX}").read_bytes()
    return pa.ipc.open_file(pa.py_buffer(data), options=_IPC_READ).read_all()


def _needs_whole(name: str, table: pa.Table) -> bool:
    """Integers a float cannot hold (an ``_exact`` column follows them), or a column the schema does not declare."""
    meta = table.schema.metadata or {}
    known = set(COLUMNS.get(name, ())) | {FID}
    return _BIG in meta or _EXACT in meta or any(column not in known for column in table.column_names)


def write_part(parts: Path, part: int, tables: dict[str, pa.Table]) -> Path:
    """Write one part (an Arrow file per table) and return its folder; the tables that need the whole
    path are named in the part's ``whole.json`` (written only when there are any), so that
    :func:`sliceable` reads no table to know.

    The files are written in a hidden folder renamed into place once they are all there: a part's
    folder is whole or absent (one rename a part, not one a table)."""
    folder = part_dir(parts, part)
    parts.mkdir(parents=True, exist_ok=True)
    staging = parts / f".{folder.name}.{secrets.token_hex(6)}{TMP_SUFFIX}"
    staging.mkdir()
    try:
        whole = sorted(name for name, table in tables.items() if _needs_whole(name, table))
        if whole:
            (staging / WHOLE).write_text(json.dumps(whole), encoding="utf-8")
        for name, table in tables.items():
            _write_ipc(staging / f"{name}{PART_SUFFIX}", table)
        if folder.exists():  # written again: what is left of a lost chunk, under the same part
            shutil.rmtree(folder)
        os.rename(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder


#: at most so many inputs, and so many rows, per slice when a table is framed and written a slice
#: at a time: a compaction process's memory follows its largest slice (about 5 KB a row framed),
#: and later inputs of a batch can have twice the rows of its first thousand
SLICE_DOCS = 1000
SLICE_ROWS = 2000


def sliceable(parts: Path, order: Sequence[tuple[int, int]], name: str) -> bool:
    """Whether the table can be framed a slice of inputs at a time and give the frame built whole.

    Slices are framed alike when every column is declared (so each slice gets the same
    columns and dtypes); a column the schema does not declare, or integers too large for a
    float (which get an ``_exact`` column beside them), send the table down the whole path.
    The parts said so when they were written (:data:`WHOLE`).
    """
    for part in sorted({part for _, part in order}):
        marker = part_dir(parts, part) / WHOLE
        if marker.exists() and name in json.loads(marker.read_text(encoding="utf-8")):
            return False
    return True


def compact(parts: Path, order: Sequence[tuple[int, int]], name: str, *, extra_rows: Sequence[dict] = (),
            duplicates: dict[int, str] | None = None) -> list[dict]:
    """The rows of one document table over the inputs ``order`` [(fid, part)], in that order
    (``extra_rows`` after them: the errors of inputs that are not documents, and of the review),
    for :func:`pipeline.tables.table_frame` to frame whole: the path of the tables that
    :func:`compact_tables` cannot give in slices.

    ``duplicates`` {fid: first path}: inputs with the content of an earlier one keep their documents
    and errors rows only, as in ``build_tables``.
    """
    table = next(compact_tables(parts, order, name, duplicates=duplicates))
    return ([] if table is None else _rows(table, name, duplicates or {})) + list(extra_rows)


def compact_tables(parts: Path, order: Sequence[tuple[int, int]], name: str, *,
                   duplicates: dict[int, str] | None = None, slice_docs: int | None = None,
                   slice_rows: int | None = None) -> Iterator[pa.Table | None]:
    """The rows of one document table over the inputs ``order`` [(fid, part)], in that order, as Arrow
    tables (with ``_fid``; None for a slice without rows), a slice at a time: consecutive inputs, at
    most ``slice_docs`` of them and, unless one input alone has more, ``slice_rows`` rows (all at once
    when both are None).  Inputs with the content of an earlier one (``duplicates``) keep their
    documents and errors rows only.  A part is read once and kept only while a later input needs it,
    so memory follows the slice, not the batch.  Tables whose columns are all declared and hold no
    integers beyond a float's range (:func:`sliceable`) are framed from these by
    :func:`pipeline.tables.arrow_frame`; the others go through :func:`compact`'s rows."""
    import pyarrow.compute as pc

    last_use = {part: i for i, (_, part) in enumerate(order)}
    cache: dict[int, tuple[pa.Table, dict[int, int]]] = {}  # part -> (its table, rows per fid when counted)
    piece: list[tuple[int, int]] = []
    rows = 0
    for i, (fid, part) in enumerate(order):
        if part not in cache:
            table = read_part_table(parts, part, name)
            counts = pc.value_counts(table.column(FID)) if slice_rows else None
            cache[part] = table, ({} if counts is None else
                                  dict(zip(counts.field("values").to_pylist(), counts.field("counts").to_pylist())))
        n = cache[part][1].get(fid, 0)
        if piece and ((slice_docs and len(piece) >= slice_docs) or (slice_rows and rows + n > slice_rows)):
            yield _slice_table(piece, name, duplicates or {}, cache)
            for done in {p for _, p in piece if last_use[p] < i}:
                cache.pop(done, None)
            piece, rows = [], 0
        piece.append((fid, part))
        rows += n
    yield _slice_table(piece, name, duplicates or {}, cache)  # the last slice (None for no inputs)


def _slice_table(piece: Sequence[tuple[int, int]], name: str, duplicates: dict[int, str],
                 cache: dict[int, tuple[pa.Table, dict[int, int]]]) -> pa.Table | None:
    """The rows of one slice of inputs, from their parts (read already), in input order."""
    import numpy as np
    import pyarrow.compute as pc

    position = {fid: i for i, (fid, _) in enumerate(piece)}
    by_part: dict[int, list[int]] = defaultdict(list)
    for fid, part in piece:
        by_part[part].append(fid)
    tables = []
    for part, fids in sorted(by_part.items()):
        table = cache[part][0]
        tables.append(table.filter(pc.is_in(table.column(FID), value_set=pa.array(fids, pa.int64()))))
    if not tables:
        return None
    table = concat(tables)
    if duplicates and name not in OWN_ROWS:
        table = table.filter(pc.invert(pc.is_in(table.column(FID), value_set=pa.array(list(duplicates), pa.int64()))))
    keys = np.fromiter((position[f] for f in table.column(FID).to_pylist()), dtype=np.int64, count=table.num_rows)
    return table.take(pa.array(np.argsort(keys, kind="stable")))


def _rows(table: pa.Table, name: str, duplicates: dict[int, str]) -> list[dict]:
    optional = set(json.loads((table.schema.metadata or {}).get(_OPTIONAL, b"[]")))
    fids = table.column(FID).to_pylist() if duplicates and name == "documents" else None
    rows = table.drop_columns([FID]).to_pylist() if FID in table.column_names else table.to_pylist()
    if fids is not None:
        notes = duplicate_warnings(fids, [row["warnings"] for row in rows], duplicates)
        for row, note in zip(rows, notes):
            row["warnings"] = note
    if optional:
        rows = [{k: v for k, v in row.items() if v is not None or k not in optional} for row in rows]
    for column in json.loads((table.schema.metadata or {}).get(_BIG, b"[]")):
        for row in rows:
            if isinstance(row.get(column), str):
                row[column] = _number(row[column])
    return rows
