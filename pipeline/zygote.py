"""Worker processes forked from a zygote: a plain fork of this process that imported their modules once.

Why not only multiprocessing's forkserver (still the fallback, :mod:`pipeline.pool`): it starts
two new interpreters, the server and a resource tracker, and the server begins its imports only
once both are up; on two cores that put 0.15 s before the first worker and cost 0.1 s of CPU.
A zygote is forked at once, while this process has a single thread, inherits what is already
imported, and runs a warm-up once for all the workers it forks.

Protocol, over one ``SOCK_SEQPACKET`` socket pair: a request is a pickled ``(target, args)``
with three descriptors: the worker's end of its connection, the memfd of its progress counter
and the write end of its status pipe. The reply is ``P`` and the worker's pid, or ``E`` and why
no worker was forked. The zygote reaps its workers and writes each one's exit code into its
status pipe. The worker's sentinel is a pidfd of it where the kernel has them (readable once the
worker has ended, whether or not the zygote still lives to say how), else the read end of that pipe.
"""

from __future__ import annotations

import ctypes
import importlib
import mmap
import os
import pickle
import select
import signal
import socket
import struct
import sys
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait

_CODE = struct.Struct("i")  # a worker's exit code, as multiprocessing gives it (-N: killed by signal N)
_PID = struct.Struct("q")
_COUNTER = ctypes.sizeof(ctypes.c_int)


def why_not() -> str | None:
    """Why no zygote can be forked here, or None: one needs Linux's memfd and descriptor passing, and
    no other thread (a fork keeps only the calling thread: a lock another one held would stay held
    in the child)."""
    if not (hasattr(os, "fork") and hasattr(os, "memfd_create") and hasattr(socket, "send_fds")):
        return "this system cannot fork one (no fork, memfd or descriptor passing: not Linux)"
    others = threading.active_count() - 1
    if others:
        return (f"this process runs {others} other thread{'s' if others > 1 else ''} (a notebook's kernel does), "
                "which a fork would not carry over")
    return None


def available() -> bool:
    """Whether a zygote can be forked here (:func:`why_not` says why not)."""
    return why_not() is None


def _counter(memfd: int) -> ctypes.c_int:
    """The progress counter in the shared memory ``memfd`` holds (which stays mapped once it is closed)."""
    return ctypes.c_int.from_buffer(mmap.mmap(memfd, _COUNTER))


def _flush_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass


def _end_child(body: Callable[[], object]):
    """Run ``body`` in a forked child, then end the child with its exit code (a ``SystemExit``'s, 1 after
    an error), without the teardown of what it inherited."""
    code = 1
    try:
        body()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        traceback.print_exc()
    finally:
        _flush_streams()
        os._exit(code)


def import_ahead(names: Sequence[str]) -> None:
    """Import ``names`` before they are needed; a failure is left for the import that needs the module to
    raise again, where it is reported (a worker's document, the command's message)."""
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:
            pass


def _pidfd(pid: int) -> int | None:
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):  # not Linux 5.3 or later
        return None


#: seconds to wait for a worker's exit code once it has ended (the zygote reaps it at once)
CODE_WAIT = 2.0


class ZygoteWorker:
    """What the pool needs of a worker forked by the zygote, as :class:`multiprocessing.Process` offers it."""

    def __init__(self, pid: int, status: int):
        self.pid, self.status = pid, status
        self.pidfd = _pidfd(pid)
        self.sentinel = self.pidfd if self.pidfd is not None else status
        self._code: int | None = None
        self._ended = False

    def _collect(self, timeout: float | None = 0.0) -> bool:
        """Whether the worker has ended (its exit code read, if the zygote was there to write it)."""
        if self._ended:
            return True
        if not wait([self.sentinel], timeout):
            return False
        if self.status == self.sentinel or wait([self.status], CODE_WAIT):
            data = os.read(self.status, _CODE.size)
            if len(data) == _CODE.size:
                self._code = _CODE.unpack(data)[0]
        self._ended = True
        return True

    def is_alive(self) -> bool:
        return not self._collect()

    def join(self, timeout: float | None = None) -> None:
        self._collect(timeout)

    @property
    def exitcode(self) -> int | None:
        self._collect()
        return self._code

    def kill(self) -> None:
        if self._collect():
            return
        try:
            if self.pidfd is not None:  # never another process that got its pid
                signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
            else:
                os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def close(self) -> None:
        if self.status >= 0:
            self._ended = True
            for fd in {self.status, self.sentinel}:
                os.close(fd)
            self.status = self.sentinel = -1


class ZygoteLost(RuntimeError):
    """No worker can be forked: the zygote was closed, has died (the system killed it), or its fork failed."""


class Zygote:
    """The main process's side: :meth:`start` asks for a worker, :meth:`close` ends the zygote."""

    def __init__(self, pid: int, sock: socket.socket):
        self.pid, self.sock = pid, sock
        self.started = 0  # workers forked
        self.reaped = False
        self.killed = False  # it had not ended when closed, and was killed

    def start(self, target: Callable, *args) -> tuple[ZygoteWorker, Connection, ctypes.c_int]:
        """Fork a worker that runs ``target(connection, counter, *args)``; its process, our end of the
        connection and the counter (an int in memory shared with the worker)."""
        if self.sock is None:
            raise ZygoteLost("the worker pool's zygote was closed")
        ours, theirs = socket.socketpair()
        memfd = os.memfd_create("zhenggai-progress")
        os.ftruncate(memfd, _COUNTER)
        counter = _counter(memfd)
        code_r, code_w = os.pipe()  # the zygote writes the worker's exit code into code_w
        try:
            socket.send_fds(self.sock, [pickle.dumps((target, args))], [theirs.fileno(), memfd, code_w])
            reply = self.sock.recv(4096)
        except OSError as exc:
            reply = b"E" + f"it is gone ({exc})".encode()
        finally:
            theirs.close()
            os.close(memfd)
            os.close(code_w)
        if reply[:1] != b"P":
            os.close(code_r)
            ours.close()
            why = reply[1:].decode(errors="replace") or "it is gone"
            raise ZygoteLost(f"the worker pool's zygote could not start a worker: {why}")
        self.started += 1
        return ZygoteWorker(_PID.unpack(reply[1:])[0], code_r), Connection(ours.detach()), counter

    def ends(self) -> list:
        """This process's end of the zygote's socket while it is open: what a process forked from this
        one must close, or the zygote would not see this one close it."""
        return [] if self.sock is None else [self.sock]

    def shut(self) -> None:
        """Tell the zygote to end once its last workers have (it sees its socket close); fork no more."""
        if self.sock is not None:
            self.sock.close()
            self.sock = None

    def close(self, timeout: float = 5.0) -> None:
        """End the zygote (it waits for its last workers first) and reap it; again, nothing.

        One that forked no worker is killed: it may still be importing, and nothing of it is needed."""
        if self.reaped:
            return
        self.shut()
        self.reaped = True
        if not self.started:
            timeout = 0.0
        deadline = time.monotonic() + timeout
        while True:
            try:
                pid, _ = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:
                return
            if pid:
                return
            if time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                self.killed = True
                return
            time.sleep(0.002)


def fork_zygote(*, preload: Sequence[str] = (), warm: Callable[[], object] | None = None) -> Zygote | None:
    """Fork a zygote that imports ``preload`` and runs ``warm`` (failures are left for the workers to
    meet and report); None where :func:`available` says no."""
    if not available():
        return None
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    _flush_streams()  # else the child would write again what this process had buffered
    pid = os.fork()
    if pid == 0:  # the zygote
        def serve():
            ours.close()
            _serve(theirs, preload, warm)

        _end_child(serve)
    theirs.close()
    return Zygote(pid, ours)


def _serve(sock: socket.socket, preload: Sequence[str], warm) -> None:
    """The zygote's loop: fork a worker per request, write each one's exit code once it ends; after the
    main process closed its end (or died), wait for the last workers and end."""
    # signals as a new interpreter has them (a handler the main process had installed, e.g. the batch's
    # "save on SIGTERM", is not the zygote's or a worker's), and Ctrl-C is the main process's to handle
    for signum in signal.valid_signals():
        try:
            if callable(signal.getsignal(signum)):
                signal.signal(signum, signal.SIG_DFL)
        except (OSError, ValueError):
            pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import_ahead(preload)
    if warm is not None:
        try:
            warm()
        except Exception:
            pass
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.signal(signal.SIGCHLD, lambda signum, frame: None)  # a handler, so the wake-up pipe is written
    signal.set_wakeup_fd(wake_w)
    statuses: dict[int, int] = {}  # worker pid -> the write end of its status pipe
    listening = True
    while listening or statuses:
        ready = select.select([sock, wake_r] if listening else [wake_r], [], [], 1.0)[0]
        if wake_r in ready:
            while True:
                try:
                    if not os.read(wake_r, 512):
                        break
                except BlockingIOError:
                    break
        _reap(statuses)
        if listening and sock in ready:
            try:
                message, fds, _, _ = socket.recv_fds(sock, 1 << 16, 3)
            except OSError:
                message, fds = b"", []
            if not message:
                listening = False
                for fd in fds:
                    os.close(fd)
                continue
            reply = _fork_worker(message, fds, statuses, [sock.fileno(), wake_r, wake_w])
            try:
                sock.send(reply)
            except OSError:
                listening = False


def _fork_worker(message: bytes, fds: list[int], statuses: dict[int, int], private: list[int]) -> bytes:
    if len(fds) != 3:
        for fd in fds:
            os.close(fd)
        return b"E" + f"{len(fds)} descriptors received, 3 expected".encode()
    conn_fd, memfd, status = fds
    try:
        target, args = pickle.loads(message)
        pid = os.fork()
    except Exception as exc:
        for fd in fds:
            os.close(fd)
        return b"E" + f"{type(exc).__name__}: {exc}".encode()
    if pid == 0:  # the worker: all of it inside _end_child, which never returns to the zygote's loop
        def work():
            signal.set_wakeup_fd(-1)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            for fd in [*private, status, *statuses.values()]:
                os.close(fd)
            counter = _counter(memfd)
            os.close(memfd)
            target(Connection(conn_fd), counter, *args)

        _end_child(work)
    os.close(conn_fd)
    os.close(memfd)
    statuses[pid] = status
    return b"P" + _PID.pack(pid)


def _reap(statuses: dict[int, int]) -> None:
    """Collect every ended worker and write its exit code where the main process waits for it."""
    while statuses:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        fd = statuses.pop(pid, None)
        if fd is None:
            continue
        try:
            os.write(fd, _CODE.pack(os.waitstatus_to_exitcode(status)))
        except OSError:
            pass
        os.close(fd)
