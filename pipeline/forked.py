"""One call run by a forked process beside the caller's own work, its value sent back.

Why: a command that must do two independent pieces of work (read a 10,000-row problem list
while importing the matcher; write a 70 MB review page while framing the tables) leaves one of
a laptop's cores idle.  A fork shares everything the parent has imported and built, costs a
millisecond, and needs no pool.

The two ways a forked call can end are kept apart, as ``concurrent.futures`` keeps them:

* the call raised: :meth:`Forked.result` raises the same exception here (a bug or a bad input
  behaves as if the call had been made here);
* the process failed (killed, out of memory, a value or exception that cannot be pickled): it is
  not trusted, the call is made again here, and :attr:`Forked.failure` says why, so that the
  caller can say that this fallback was taken.

Where the platform does not fork (or the caller says not to), the call is made here at once.
"""

from __future__ import annotations

import gc
import os
import pickle
import traceback
from collections.abc import Callable

#: first byte of the child's message: a pickled value, a pickled exception, or a text (what failed)
VALUE, RAISED, FAILED = b"V", b"R", b"F"


class Forked:
    """``fn(*args, **kwargs)`` in a forked process; :meth:`result` gives its value (or raises its exception)."""

    def __init__(self, fn: Callable, *args, fork: bool = True, **kwargs):
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.failure: str | None = None  # why the forked process failed (the call was then made here)
        self._done = False
        self._value = None
        self._error: BaseException | None = None
        if not fork or not hasattr(os, "fork"):
            self._here()
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: one message, then gone without running the parent's exit handlers
            os.close(read)
            gc.freeze()  # what it inherited is not its collector's to walk (nor to copy, page by page)
            code = 0
            try:
                _send(write, fn, args, kwargs)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._pipe = pid, read

    def _here(self) -> None:
        try:
            self._value = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # noqa: BLE001 - kept, raised by result() as the child's would be
            self._error = exc
        self._done = True

    def result(self):
        """The call's value; its exception raised here; the call made here if the process failed."""
        if not self._done:
            with os.fdopen(self._pipe, "rb") as pipe:
                message = pipe.read()
            _, status = os.waitpid(self._pid, 0)
            code = os.waitstatus_to_exitcode(status)
            kind, body = message[:1], message[1:]
            if kind == VALUE and code == 0:
                self._value, self._done = pickle.loads(body), True
            elif kind == RAISED and code == 0:
                self._error, self._done = pickle.loads(body), True
            else:
                said = body.decode("utf-8", "replace").strip().splitlines() if kind == FAILED else []
                self.failure = said[-1] if said else f"exit code {code}"
                self._here()
        if self._error is not None:
            raise self._error
        return self._value


def _send(fd: int, fn: Callable, args, kwargs) -> None:
    """The child's side: run the call, write one message (value, exception, or what failed)."""
    try:
        try:
            value = fn(*args, **kwargs)
        except MemoryError:  # the process's trouble, not the call's: made again in the parent
            raise
        except Exception as exc:  # the call raised: the parent raises the same
            message = RAISED + pickle.dumps(exc, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.loads(message[1:])  # an exception that cannot be rebuilt there is a failure
        else:
            message = VALUE + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:
        message = FAILED + traceback.format_exc(limit=3)[-2000:].encode("utf-8", "replace")
    with os.fdopen(fd, "wb") as pipe:
        pipe.write(message)


def forked_map(fn: Callable, items, *, processes: int) -> tuple[list, list[str]]:
    """``[fn(x) for x in items]`` over ``processes`` cores: the items in consecutive slices, the first
    done here, each other by a forked process of its own (:class:`Forked`: ``fn`` and the items are
    inherited, not pickled; only the values come back).  The values in the items' order, and why a
    forked slice failed and was done here instead (empty when none did)."""
    items = list(items)
    n = min(processes, len(items))
    if n <= 1:
        return [fn(x) for x in items], []
    bounds = [len(items) * k // n for k in range(n + 1)]
    others = [Forked(_each, fn, items[bounds[k]:bounds[k + 1]]) for k in range(1, n)]
    values, failures, raised = [], [], None
    try:
        values = _each(fn, items[:bounds[1]])
    except BaseException as exc:  # noqa: BLE001 - raised below, once the forked slices are waited for too
        raised = exc
    for call in others:  # every process waited for, even after one (or this one) raised
        try:
            values.extend(call.result())
        except BaseException as exc:  # noqa: BLE001 - raised below, once all are done
            raised = raised or exc
        if call.failure:
            failures.append(call.failure)
    if raised is not None:
        raise raised
    return values, failures


def _each(fn: Callable, items: list) -> list:
    return [fn(x) for x in items]
