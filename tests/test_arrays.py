"""Arrow arrays built from buffers are the arrays ``pyarrow.array`` gives, and import no pandas."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.arrays import column, ids


def _outcome(build, values):
    try:
        return build(values), None
    except Exception as exc:  # the kind of failure is part of the contract
        return None, type(exc)


def _same(ours: pa.Array, theirs: pa.Array) -> bool:
    if ours.type != theirs.type or len(ours) != len(theirs) or ours.null_count != theirs.null_count:
        return False
    for a, b in zip(ours.to_pylist(), theirs.to_pylist()):
        if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
            continue
        if type(a) is not type(b) or a != b:
            return False
    return True


def assert_as_pyarrow(values: list) -> None:
    ours, our_error = _outcome(column, values)
    theirs, their_error = _outcome(pa.array, values)
    assert our_error is their_error, values
    if theirs is not None:
        assert _same(ours, theirs), (values, ours, theirs)
        ours.validate(full=True)


@pytest.mark.parametrize("values", [
    [], [None], [None, None],
    ["整改", None, ""], ["a"], [""],
    [1, None, -5], [-(2**63), 2**63 - 1], [1, 2**63], [-(2**63) - 1],
    [1.5, None, 2], [1.5, 2**53], [1.5, 2**53 + 1], [0.5, -(2**53) - 1], [float("nan"), None], [1.0, True],
    [True, None, False], [True, 1], [False] * 9 + [None] * 8,
    ["a", 1], ["\ud800"], [b"bytes"], [[1, 2]],
])
def test_arrays_column_is_pyarrow_array(values):
    assert_as_pyarrow(values)


_VALUE = st.one_of(st.none(), st.text(max_size=6), st.integers(-(2**64), 2**64), st.floats(allow_nan=True),
                   st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.lists(_VALUE, max_size=40) | st.lists(st.one_of(st.none(), st.integers(-(2**70), 2**70)), max_size=40)
       | st.lists(st.one_of(st.none(), st.text()), max_size=40) | st.lists(st.one_of(st.none(), st.floats()), max_size=40)
       | st.lists(st.one_of(st.none(), st.booleans()), max_size=40))
def test_arrays_column_is_pyarrow_array_on_random_columns(values):
    assert_as_pyarrow(values)


@pytest.mark.parametrize("values", [[], [0], [3, -1, 2**62]])
def test_arrays_ids_are_int64_even_when_empty(values):
    assert ids(values).equals(pa.array(values, pa.int64()))


_WORKER = """
import sys
sys.path.insert(0, {repo!r})
from pipeline.engine import Task, run_chunk
result = run_chunk(Task(0, tuple(enumerate({paths!r})), parts_dir={parts!r}))
assert result.part == 0 and len(result.outcomes) == {n}
print(sorted(m for m in sys.modules if m == "pandas" or m.startswith("pandas.")))
"""


def test_arrays_a_worker_writes_its_part_without_pandas(tmp_path):
    """Regression guard: the workers' zygote does not import pandas (pipeline.pool.PRELOAD) because a
    worker never needs it; a worker that did would pay 0.3 s on its first chunk."""
    repo = Path(__file__).parents[1]
    paths = [str(p) for p in sorted((repo / "corpus").glob("*.txt"))]
    code = _WORKER.format(repo=str(repo), paths=paths, parts=str(tmp_path / "parts"), n=len(paths))
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "[]"
