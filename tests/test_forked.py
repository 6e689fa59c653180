"""A call run by a forked process: its value, its exception, and the fallback when the process fails."""

from __future__ import annotations

import os
import signal
import time

import pytest

from pipeline.errors import InputError
from pipeline.forked import Forked, forked_map

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")


def _pid_and(value):
    return os.getpid(), value


def _raises_input_error(path):
    raise InputError("no_issues", f"{path}: no issue list found", stage="issues")


def _killed_in_the_child(parent):
    if os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)
    return "made here"


def _memory_error_in_the_child(parent):
    if os.getpid() != parent:
        raise MemoryError("no room")
    return "made here"


def _unpicklable(parent):
    return (lambda: None) if os.getpid() != parent else "made here"


def test_forked_value_comes_from_another_process():
    call = Forked(_pid_and, {"rows": list(range(10_000))})
    pid, value = call.result()
    assert pid != os.getpid() and value == {"rows": list(range(10_000))}
    assert call.failure is None and call.result() == (pid, value)  # asked twice, the same answer


def test_forked_exception_is_raised_here_whole():
    """Regression: InputError could not be unpickled (its stage is keyword-only)."""
    call = Forked(_raises_input_error, "list.xlsx")
    with pytest.raises(InputError) as info:
        call.result()
    assert (info.value.error_type, info.value.reason, info.value.stage) == (
        "no_issues", "list.xlsx: no issue list found", "issues")
    assert call.failure is None


@pytest.mark.parametrize(
    ("fn", "reason"),
    [
        (_killed_in_the_child, "exit code -9"),
        (_memory_error_in_the_child, "MemoryError: no room"),
        (_unpicklable, "Can't pickle"),
    ],
)
def test_forked_failed_process_is_redone_here_and_said(fn, reason):
    call = Forked(fn, os.getpid())
    assert call.result() == "made here"
    assert reason in call.failure


def test_forked_without_fork_runs_here():
    call = Forked(_pid_and, 1, fork=False)
    assert call.result() == (os.getpid(), 1) and call.failure is None


def _square_and_pid(x):
    return x * x, os.getpid()


@pytest.mark.parametrize("processes", [1, 2, 3, 7])
def test_forked_map_values_in_order_from_that_many_processes(processes):
    values, failures = forked_map(_square_and_pid, range(7), processes=processes)
    assert [v for v, _ in values] == [x * x for x in range(7)] and failures == []
    assert len({pid for _, pid in values}) == min(processes, 7)
    assert values[0][1] == os.getpid()  # the first slice is done here


def test_forked_map_a_lost_slice_is_done_here_and_said():
    parent = os.getpid()

    def dies_in_a_child(x):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return x + 1

    values, failures = forked_map(dies_in_a_child, range(6), processes=3)
    assert values == [1, 2, 3, 4, 5, 6] and failures == ["exit code -9", "exit code -9"]


@pytest.mark.parametrize("bad", [0, 2])  # 0: the slice done here (regression: the forked ones were left unwaited)
def test_forked_map_raises_what_a_slice_raised_once_all_are_done(bad):
    def fails_on(x):
        if x == bad:
            raise InputError("too_large", f"{bad} is too large")
        return x

    before = _zombie_children()
    with pytest.raises(InputError, match=f"{bad} is too large"):
        forked_map(fails_on, range(6), processes=3)  # one slice raises, the others end after
    time.sleep(0.2)  # an unwaited process would be a zombie by now
    assert _zombie_children() == before  # every process was waited for


def _zombie_children() -> set[int]:
    """This process's children that ended and were never waited for (Linux's /proc)."""
    from pathlib import Path

    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] == "Z" and int(fields[1]) == os.getpid():
            found.add(int(stat.parent.name))
    return found
