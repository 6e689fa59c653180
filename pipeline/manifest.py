"""The manifest of a run's output folder: what became of each input (SQLite).

Why SQLite: one file, transactions, and it survives SIGKILL; a batch commits
each flushed part together with the status of the documents in it, so a
document is either recorded with the rows that hold its results or not at all.

One row per input file: its resolved path (the key), the path as given, size
and mtime (a cheap test for "unchanged"), the SHA-256 of its bytes, status
(``done``, ``failed``), the error, doc_id and kind, and the part holding its
rows.  A rerun skips unchanged ``done`` files, retries ``failed`` ones and
processes new or changed ones.  ``meta`` keeps the fingerprint of the code and
options that produced the rows: when it changes, nothing is reused.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.inputs import real_paths

SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    fid INTEGER PRIMARY KEY,
    key TEXT UNIQUE NOT NULL,
    path TEXT NOT NULL,
    size INTEGER,
    mtime_ns INTEGER,
    sha256 TEXT,
    status TEXT NOT NULL DEFAULT 'pending',
    error_type TEXT,
    error TEXT,
    doc_id TEXT,
    kind TEXT,
    part INTEGER,
    seconds REAL,
    run INTEGER,
    updated REAL
);
CREATE TABLE IF NOT EXISTS parts (part INTEGER PRIMARY KEY, run INTEGER, n_docs INTEGER, created REAL);
CREATE TABLE IF NOT EXISTS runs (
    run INTEGER PRIMARY KEY, started REAL, finished REAL, status TEXT, command TEXT, n_inputs INTEGER
);
"""


@dataclass(frozen=True, slots=True)
class Planned:
    """One input of this run: its manifest id, whether its results must be (re)computed, and its size in
    bytes as the plan found it (None: it could not be read), which the chunks are cut by."""

    fid: int
    path: str
    todo: bool
    size: int | None = None


@dataclass(slots=True)
class Outcome:
    """What processing one input gave, as the manifest records it."""

    fid: int
    sha256: str | None
    status: str  # done, failed
    error_type: str | None = None
    error: str | None = None
    doc_id: str | None = None
    kind: str | None = None
    seconds: float = 0.0


def file_sha256(path: str | os.PathLike) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


class Manifest:
    """The SQLite manifest of one output folder (one writer: the run holding the folder's lock)."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.db = sqlite3.connect(self.path, isolation_level=None)  # explicit transactions below
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self.run: int | None = None

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------------ meta
    def get(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def reset(self) -> None:
        """Forget every recorded input and part (``--fresh``, or code/options changed)."""
        with self._transaction():
            self.db.execute("DELETE FROM files")
            self.db.execute("DELETE FROM parts")

    def adopt(self, fingerprint: str) -> bool:
        """Use the manifest for results of ``fingerprint``; False (and reset) when it held others."""
        stored = self.get("fingerprint")
        known = self.db.execute("SELECT COUNT(*) FROM files").fetchone()[0]
        reusable = stored == fingerprint and self.get("schema") == SCHEMA_VERSION
        if not reusable:
            self.reset()
        self.set("fingerprint", fingerprint)
        self.set("schema", SCHEMA_VERSION)
        return reusable or not known

    # ------------------------------------------------------------------ runs
    def start_run(self, command: str, n_inputs: int) -> int:
        cur = self.db.execute(
            "INSERT INTO runs(started, status, command, n_inputs) VALUES (?, 'running', ?, ?)",
            (time.time(), command, n_inputs),
        )
        self.run = cur.lastrowid
        return self.run

    def finish_run(self, status: str) -> None:
        if self.run is not None:
            self.db.execute("UPDATE runs SET finished = ?, status = ? WHERE run = ?", (time.time(), status, self.run))

    # ------------------------------------------------------------------ planning
    def plan(self, files: Sequence[str | os.PathLike], keys: Sequence[str] | None = None,
             stats: Sequence[tuple[int, int] | None] | None = None) -> list[Planned]:
        """Register every input; say which ones need processing (new, changed, failed or unfinished).

        ``keys``: the files' real paths, and ``stats``: their (size, mtime_ns) (None for one not
        known), where the caller has them (:class:`pipeline.inputs.Inputs`); one of another length than
        ``files`` is a caller's bug (its entries could not be told apart from another file's): ValueError."""
        for name, given in (("keys", keys), ("stats", stats)):
            if given is not None and len(given) != len(files):
                raise ValueError(f"{len(given)} {name} given for {len(files)} inputs")
        planned: list[Planned] = []
        if keys is None:
            keys = real_paths(files)
        if stats is None:
            stats = [None] * len(files)
        # an empty manifest has no entry to look up, but for an input given twice (its first entry)
        fresh = self.db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None
        added: set[str] = set()
        with self._transaction():
            for path, key, stat in zip(files, keys, stats):
                path = str(path)  # the shown path, as a string (one a Path gave: Path's own)
                if stat is None:
                    try:
                        st = os.stat(path)
                        stat = st.st_size, st.st_mtime_ns
                    except OSError:
                        stat = None, None
                size, mtime = stat
                row = None if fresh and key not in added else self.db.execute(
                    "SELECT fid, path, size, mtime_ns, sha256, status, part FROM files WHERE key = ?", (key,)
                ).fetchone()
                if row is None:
                    cur = self.db.execute(
                        "INSERT INTO files(key, path, size, mtime_ns) VALUES (?, ?, ?, ?)", (key, path, size, mtime)
                    )
                    planned.append(Planned(cur.lastrowid, path, True, size))
                    added.add(key)
                    continue
                fid, shown, old_size, old_mtime, sha, status, part = row
                done = status == "done" and part is not None and shown == path and size is not None
                if done and (old_size, old_mtime) != (size, mtime):
                    # touched or changed: unchanged content keeps its results
                    done = size == old_size and file_sha256(path) == sha
                    if done:
                        self.db.execute("UPDATE files SET mtime_ns = ? WHERE fid = ?", (mtime, fid))
                if not done:
                    self.db.execute(
                        "UPDATE files SET path = ?, size = ?, mtime_ns = ?, status = 'pending' WHERE fid = ?",
                        (path, size, mtime, fid),
                    )
                planned.append(Planned(fid, path, not done, size))
        return planned

    def others(self, fids: Sequence[int]) -> int:
        """Recorded inputs that are not among ``fids`` (inputs of earlier runs only)."""
        total = self.db.execute("SELECT COUNT(*) FROM files").fetchone()[0]
        return total - len(set(fids))

    # ------------------------------------------------------------------ recording
    def new_part(self) -> int:
        row = self.db.execute("SELECT COALESCE(MAX(part), 0) + 1 FROM parts").fetchone()
        return int(row[0])

    def record_parts(self, written: Sequence[tuple[int, Sequence[Outcome]]]) -> None:
        """Commit written parts and the outcomes of their documents, in one transaction (one sync to disk)."""
        now = time.time()
        with self._transaction():
            self.db.executemany(
                "INSERT INTO parts(part, run, n_docs, created) VALUES (?, ?, ?, ?)",
                [(part, self.run, len(outcomes), now) for part, outcomes in written],
            )
            self.db.executemany(
                "UPDATE files SET sha256 = ?, status = ?, error_type = ?, error = ?, doc_id = ?, kind = ?, "
                "part = ?, seconds = ?, run = ?, updated = ? WHERE fid = ?",
                [(o.sha256, o.status, o.error_type, o.error, o.doc_id, o.kind, part, o.seconds, self.run, now, o.fid)
                 for part, outcomes in written for o in outcomes],
            )

    # ------------------------------------------------------------------ reading
    def entries(self, fids: Sequence[int]) -> dict[int, tuple]:
        """fid -> (status, part, kind, error_type, doc_id) for the given inputs."""
        out: dict[int, tuple] = {}
        for start in range(0, len(fids), 500):
            chunk = list(fids[start:start + 500])
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT fid, status, part, kind, error_type, doc_id FROM files WHERE fid IN ({marks})", chunk
            ):
                out[row[0]] = row[1:]
        return out

    def live_parts(self) -> set[int]:
        """Parts that hold the current results of some recorded input."""
        return {row[0] for row in self.db.execute("SELECT DISTINCT part FROM files WHERE part IS NOT NULL")}

    def forget_parts(self, parts: Iterable[int]) -> None:
        with self._transaction():
            self.db.executemany("DELETE FROM parts WHERE part = ?", [(p,) for p in parts])

    def _transaction(self):
        db = self.db

        class _Tx:
            def __enter__(self_inner):
                db.execute("BEGIN IMMEDIATE")

            def __exit__(self_inner, kind, value, tb):
                db.execute("COMMIT" if kind is None else "ROLLBACK")

        return _Tx()
