"""A call run by a forked process: its value, its exception, and the fallback when the process fails."""

from __future__ import annotations

import os
import signal

import pytest

from pipeline.errors import InputError
from pipeline.forked import Forked

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
