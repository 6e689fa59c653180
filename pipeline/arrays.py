"""Arrow arrays of plain Python values (texts, whole numbers, decimals, flags, nulls), built from their buffers.

Why not ``pyarrow.array``: on the first list it converts, it imports pandas (0.3 s) only to ask
whether the list is a pandas object.  A worker process frames no table; built here, its rows
never import pandas, so the pool's zygote does not import it before the first worker can start.

The array is the one ``pyarrow.array`` gives: the same type (``string``, ``int64``, ``double``,
``bool``, ``null``) and the same values.  Any other column (a date, a list, an integer beyond
int64, a mix of kinds that ``pyarrow.array`` promotes or refuses) is left to ``pyarrow.array``
itself, which gives it, or raises, as it always did.
"""

from __future__ import annotations

from array import array
from itertools import accumulate

import numpy as np
import pyarrow as pa

NoneType = type(None)

#: the largest whole number that ``pyarrow.array`` turns into a double beside decimals (beyond, it refuses)
_EXACT_IN_DOUBLE = 2**53


def _bits(flags: bytes) -> pa.Buffer:
    """A bitmap (least significant bit first) of one byte per value, 0 or 1."""
    return pa.py_buffer(np.packbits(np.frombuffer(flags, dtype=np.uint8), bitorder="little"))


def _validity(values: list, nullable: bool) -> tuple[pa.Buffer | None, int]:
    if not nullable:
        return None, 0
    present = bytes(v is not None for v in values)
    return _bits(present), len(values) - sum(present)


def _filled(values: list, validity, zero):
    """The values with each null as ``zero`` (its slot is masked by ``validity``), or as they are without nulls."""
    return values if validity is None else [zero if v is None else v for v in values]


def _text(values: list, validity, nulls: int) -> pa.Array | None:
    try:
        encoded = [b"" if v is None else v.encode("utf-8") for v in values]
    except UnicodeEncodeError:  # a lone surrogate: pyarrow.array raises it
        return None
    offsets = array("i")
    try:
        offsets.extend(accumulate(map(len, encoded), initial=0))
    except OverflowError:  # past 2 GB of text: pyarrow.array chunks it
        return None
    buffers = [validity, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))]
    return pa.Array.from_buffers(pa.string(), len(values), buffers, null_count=nulls)


def _whole(values: list, validity, nulls: int) -> pa.Array | None:
    try:
        data = array("q", _filled(values, validity, 0))
    except OverflowError:  # beyond int64
        return None
    return pa.Array.from_buffers(pa.int64(), len(values), [validity, pa.py_buffer(data)], null_count=nulls)


def _decimal(values: list, validity, nulls: int, with_whole: bool) -> pa.Array | None:
    if with_whole and any(type(v) is int and abs(v) > _EXACT_IN_DOUBLE for v in values):
        return None  # pyarrow.array refuses a whole number a double cannot hold
    data = array("d", _filled(values, validity, 0.0))
    return pa.Array.from_buffers(pa.float64(), len(values), [validity, pa.py_buffer(data)], null_count=nulls)


def _flag(values: list, validity, nulls: int) -> pa.Array:
    data = _bits(bytes(v is True for v in values))
    return pa.Array.from_buffers(pa.bool_(), len(values), [validity, data], null_count=nulls)


def column(values: list) -> pa.Array:
    """``pyarrow.array(values)``, without importing pandas for the plain kinds of value."""
    kinds = set(map(type, values))
    nullable = NoneType in kinds
    kinds.discard(NoneType)
    if not kinds:
        return pa.nulls(len(values))
    validity, nulls = _validity(values, nullable)
    built = None
    if kinds == {str}:
        built = _text(values, validity, nulls)
    elif kinds == {int}:
        built = _whole(values, validity, nulls)
    elif kinds == {float} or kinds == {float, int}:
        built = _decimal(values, validity, nulls, int in kinds)
    elif kinds == {bool}:
        built = _flag(values, validity, nulls)
    return pa.array(values) if built is None else built


def ids(values: list[int]) -> pa.Array:
    """``pyarrow.array(values, pa.int64())`` of whole numbers that are never null: int64 even when empty."""
    return pa.Array.from_buffers(pa.int64(), len(values), [None, pa.py_buffer(array("q", values))])
