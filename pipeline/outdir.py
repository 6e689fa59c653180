"""The output folder of a run: checked first, locked, and published whole.

Why a module of its own: a batch may run for an hour, so a bad ``-o`` must be
found before any document is read; two runs must not write into one folder at
once; and a kill at any moment must leave the last complete set of tables (or
none), never a mix of two runs, nor tables of an earlier run that this one did
not write (``eval`` would score them).

Layout::

    OUT/NAME.parquet|csv, OUT/tables.xlsx   the published tables
    OUT/.zhenggai/lock                      held (flock) while a run writes here
    OUT/.zhenggai/manifest.sqlite           per-input status (pipeline.manifest)
    OUT/.zhenggai/parts/                    streamed per-batch results
    OUT/.zhenggai/staging/                  the next set of tables, before publication
    OUT/.zhenggai/publish.json              journal: present only while tables are swapped
    OUT/.zhenggai/published.json            which files the last publication wrote

Publication deletes the old tables, then renames the staged ones in, with the
journal on disk the whole time; a run that finds a journal finishes the swap
before anything else, and :func:`check_complete` lets readers refuse a folder
caught mid-swap.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import sqlite3
import tempfile
import time
import weakref
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

STATE = ".zhenggai"
#: file names that are tables of some run (any format), removed when a new run publishes
TABLE_SUFFIXES = (".parquet", ".csv")


def _drop_inherited_lock(ref: weakref.ref) -> None:
    """In a forked child: close its copy of the folder's lock descriptor (the parent's lock stays held)."""
    folder = ref()
    if folder is not None and folder._lock_fd is not None:
        try:
            os.close(folder._lock_fd)
        except OSError:
            pass
        folder._lock_fd = None


class OutputFolderError(Exception):
    """The output folder cannot be used (a file, not writable, or locked by another run)."""


class OutputWriteError(OutputFolderError):
    """A run could not write into its output folder any more (a full disk, the folder removed or
    made read-only): the run stops; what was recorded before stays, for the next run to go on from."""

    @classmethod
    def of(cls, where: str | os.PathLike, exc: BaseException) -> "OutputWriteError":
        errno = getattr(exc, "errno", None)
        why = os.strerror(errno) if isinstance(errno, int) and errno > 0 else str(exc)
        return cls(f"cannot write to {where}: {why}")


#: what writing into the output folder raises when it cannot: the file system's errors, the manifest's
WRITE_FAILURES: tuple[type[Exception], ...] = (OSError, sqlite3.OperationalError)


@contextmanager
def writing(where: str | os.PathLike, *, failures: tuple[type[Exception], ...] = WRITE_FAILURES):
    """Where a command writes into its output folder (parts, the manifest, the tables): a failure there
    (a full disk, the folder removed or made read-only) becomes one clear :class:`OutputWriteError`
    instead of a traceback; what was recorded before it stays, and the next run goes on from it.
    ``failures`` narrows what is the folder's fault where the same code also reads the inputs."""
    try:
        yield
    except OutputWriteError:
        raise
    except failures as exc:
        raise OutputWriteError.of(where, exc) from exc


class IncompleteTablesError(Exception):
    """The folder was left mid-publication by a killed run."""


def state_dir(out: str | os.PathLike) -> Path:
    return Path(out) / STATE


def _write_json(path: Path, payload: dict) -> None:
    tmp = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # mode follows the umask, as the tables do
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, ensure_ascii=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def check_complete(out: str | os.PathLike) -> None:
    """Raise :class:`IncompleteTablesError` when a publication was interrupted in ``out``."""
    if (state_dir(out) / "publish.json").exists():
        raise IncompleteTablesError(
            f"{out}: a run was stopped while it replaced these tables; the set is incomplete. "
            f"Run the same `zhenggai run ... -o {out}` again: it finishes the replacement first."
        )


@dataclass
class OutputFolder:
    """A checked, locked output folder (use as a context manager, or call :meth:`close`)."""

    path: Path
    _lock_fd: int | None = None

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, out: str | os.PathLike) -> "OutputFolder":
        """Check that ``out`` can hold tables and lock it; raise OutputFolderError with the reason."""
        path = Path(out)
        if path.exists() and not path.is_dir():
            raise OutputFolderError(f"{path} is a file, not a folder; choose another -o")
        try:
            path.mkdir(parents=True, exist_ok=True)
            state = state_dir(path)
            state.mkdir(exist_ok=True)
            fd, probe = tempfile.mkstemp(prefix=".write-check.", dir=path)
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            raise OutputFolderError(f"cannot write to {path}: {exc.strerror or exc}") from None
        folder = cls(path)
        folder._lock()
        try:
            folder.recover()
        except BaseException:
            folder.close()
            raise
        return folder

    def _lock(self) -> None:
        import fcntl

        lock = state_dir(self.path) / "lock"
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = ""
            try:
                holder = Path(lock).read_text(encoding="utf-8").strip()
            except OSError:
                pass
            os.close(fd)
            raise OutputFolderError(
                f"{self.path} is in use by another zhenggai run ({holder or 'unknown process'}); "
                f"wait for it to finish or choose another -o"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} on {socket.gethostname()}, since {time.strftime('%Y-%m-%d %H:%M:%S')}".encode())
        self._lock_fd = fd  # the lock lives as long as this descriptor (the kernel drops it if we die)
        # and as long as any copy of it: a process forked from this one (a table writer, the review)
        # closes its copy as it starts, so that a run killed while one still works leaves the folder free
        if hasattr(os, "register_at_fork"):
            os.register_at_fork(after_in_child=lambda ref=weakref.ref(self): _drop_inherited_lock(ref))

    def close(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> "OutputFolder":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ places
    @property
    def state(self) -> Path:
        return state_dir(self.path)

    @property
    def staging(self) -> Path:
        return self.state / "staging"

    @property
    def parts(self) -> Path:
        return self.state / "parts"

    @property
    def manifest_path(self) -> Path:
        return self.state / "manifest.sqlite"

    # ------------------------------------------------------------------ recovery
    def recover(self) -> None:
        """Finish an interrupted publication and remove half-written files of a killed run."""
        journal = self.state / "publish.json"
        if journal.exists():
            self._swap(json.loads(journal.read_text(encoding="utf-8")))
        for folder in (self.path, self.state, self.parts):
            if folder.is_dir():
                for tmp in folder.glob(".*.tmp"):
                    tmp.unlink(missing_ok=True)
        for part in self.parts.glob("*/.*.tmp") if self.parts.is_dir() else ():
            part.unlink(missing_ok=True)
        if self.staging.exists():
            _empty(self.staging)

    def new_staging(self) -> Path:
        """An empty staging folder for the next set of tables."""
        self.staging.mkdir(exist_ok=True)
        _empty(self.staging)
        return self.staging

    # ------------------------------------------------------------------ publication
    def published(self) -> dict:
        """What the last publication wrote: ``{"files": [...], "run": ..., "inputs": n}`` or {}."""
        record = self.state / "published.json"
        if not record.exists():
            return {}
        try:
            return json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _old_tables(self, table_names) -> list[str]:
        """Files in the folder that are tables of an earlier run (of any format)."""
        names = set(self.published().get("files", []))
        for name in table_names:
            names.update(f"{name}{suffix}" for suffix in TABLE_SUFFIXES)
        names.add("tables.xlsx")
        return sorted(n for n in names if (self.path / n).exists())

    def publish(self, table_names, info: dict | None = None) -> list[Path]:
        """Replace the folder's tables by the staged files: all of them, and only them."""
        new = sorted(p.name for p in self.staging.iterdir() if not p.name.startswith("."))
        plan = {"new": new, "old": self._old_tables(table_names), "info": info or {}}
        _write_json(self.state / "publish.json", plan)
        self._swap(plan)
        return [self.path / name for name in new]

    def _swap(self, plan: dict) -> None:
        # idempotent, so a run that finds the journal can do it again: an old table that the new
        # set replaces is overwritten by the rename (never deleted: it may already be the new one)
        for name in set(plan["old"]) - set(plan["new"]):
            (self.path / name).unlink(missing_ok=True)
        for name in plan["new"]:
            staged = self.staging / name
            if staged.exists():
                os.replace(staged, self.path / name)
        _write_json(self.state / "published.json", {"files": plan["new"], **plan.get("info", {})})
        (self.state / "publish.json").unlink(missing_ok=True)


def _empty(folder: Path) -> None:
    """Remove what a folder holds: files, and the folders tables are compacted in (:mod:`pipeline.compaction`)."""
    for stale in folder.iterdir():
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink()


def atomic_write(target: Path, write) -> None:
    """Call ``write(tmp)`` on a temporary file beside ``target``, then rename it into place.

    The temporary file is created with mode 0666 minus the umask, like any file the user
    writes (``mkstemp``'s 0600 left a shared output folder unreadable to colleagues).
    """
    tmp = str(target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp")
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        write(Path(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
