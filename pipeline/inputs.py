"""Inputs of a batch: files, folders and glob patterns expanded to files, in order.

A module of its own (no pandas, no extraction) so that ``run`` can list its inputs,
and decide how many workers are worth starting, before the heavy imports.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.read.sniff import LEGACY_SUFFIXES
from pipeline.records import ErrorRecord

#: Extensions picked up when a folder is expanded (explicit files are read whatever their name).
DOCUMENT_SUFFIXES: frozenset[str] = frozenset({".txt", ".text", ".md", ".pdf", ".docx", ".html", ".htm", ".xhtml"})


@dataclass(slots=True)
class Inputs:
    #: the files' paths as strings, as ``str(Path(...))`` gives them: a batch holds tens of thousands,
    #: and a ``Path`` costs about five times the memory of its string (its parts, interned, and caches)
    files: list[str] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)  # inputs that name nothing readable
    #: each file's real path (its identity, :func:`real_paths`), found while deduplicating: the
    #: manifest keys its entries by it, and need not resolve thousands of paths again
    keys: list[str] = field(default_factory=list)
    #: each file's (size, mtime_ns) where its folder's listing gave them (None where it did not): the
    #: manifest's plan need not look at thousands of files again
    stats: list[tuple[int, int] | None] = field(default_factory=list)

    def hand_over(self) -> dict:
        """``keys`` and ``stats`` as keyword arguments of :meth:`pipeline.manifest.Manifest.plan`, no
        longer held here: a run's plan reads them once, and a batch of tens of thousands of inputs
        should not keep two objects an input to its end.  None for a list not gathered (empty: inputs
        made by hand, or handed over already), which the plan then looks up."""
        handed = {"keys": self.keys or None, "stats": self.stats or None}
        self.keys, self.stats = [], []
        return handed


#: names left out of a folder's files, with everything under them: hidden files and folders, and the
#: lock files Office and WPS leave beside an open document (~$报告.docx)
_HIDDEN = (".", "~$")


def _files_under(root: Path) -> tuple[list[tuple[str, tuple[int, int] | None]], list[tuple[str, str]]]:
    """The files under ``root`` in path order (links to files included, links to folders not
    followed, hidden names left out), each with its (size, mtime_ns), and the folders that could
    not be listed with why.

    The paths are strings built from ``str(root)``, which ``Path`` has normalized: each is the
    string its ``Path`` would give (below ".", a name without the "./" the listing adds)."""
    files: list[tuple[str, tuple[int, int] | None]] = []
    unreadable: list[tuple[str, str]] = []
    todo = [str(root)]
    while todo:
        folder = todo.pop()
        try:
            with os.scandir(folder) as entries:
                found = list(entries)
        except OSError as exc:
            unreadable.append((folder, exc.strerror or type(exc).__name__))
            continue
        for entry in found:
            if entry.name.startswith(_HIDDEN):
                continue
            path = entry.name if folder == os.curdir else entry.path
            if entry.is_dir(follow_symlinks=False):
                todo.append(path)
            elif entry.is_file():  # the type from the listing: no system call a file (one a link, kept)
                files.append((path, _size_and_time(entry)))
    return sorted(files, key=lambda item: item[0].split(os.sep)), unreadable  # Path order: part by part


def _size_and_time(entry: os.DirEntry) -> tuple[int, int] | None:
    try:
        st = entry.stat()  # cached by the listing (a link's target: by is_file)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _suffix(path: str) -> str:
    """``Path(path).suffix.lower()``: the last dot's part of the name, unless the name starts with it."""
    name = path.rpartition(os.sep)[2]
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def may_exceed(inputs: Sequence[str], n: int) -> bool:
    """Whether these input arguments may name more than ``n`` files, told without listing a folder:
    a folder or a glob pattern may; a file counts once."""
    return len(inputs) > n or any(glob.has_magic(item) or os.path.isdir(item) for item in inputs)


#: links followed one by one before os.path.realpath takes over (it detects loops)
_MAX_HOPS = 40


def real_paths(paths: Iterable[str | os.PathLike]) -> list[str]:
    """``os.path.realpath`` of each path, each folder resolved once (the inputs' identity: same file, same key).

    realpath walks every component of every path (five system calls a file, more for a link); a batch
    of thousands of files in a few folders needs one call a file (is it a link?) and one walk a folder.
    A link is followed here: its target, joined to the link's real folder, is resolved the same way.
    """
    folders: dict[str, str] = {}
    out: list[str] = []
    for path in paths:
        text = os.fspath(path)
        out.append(_real(text, folders, 0) or os.path.realpath(text))
    return out


def _real(text: str, folders: dict[str, str], hops: int) -> str | None:
    """The real path, or None where ``os.path.realpath`` must answer (a name it treats apart, a loop)."""
    head, name = os.path.split(text)
    if name in ("", ".", "..") or hops > _MAX_HOPS:
        return None
    real = folders.get(head)
    if real is None:
        real = folders[head] = os.path.realpath(head or os.curdir)
    path = os.path.join(real, name)
    try:
        target = os.readlink(path)
    except OSError:  # not a link (or not there): the path is real
        return path
    return _real(os.path.join(real, target), folders, hops + 1)  # an absolute target replaces the folder


def collect_inputs(inputs: Sequence[str | os.PathLike], *, exclude: Sequence[str | os.PathLike] = ()) -> Inputs:
    """Files, folders (recursive, known document suffixes) and glob patterns, deduplicated, in order.

    Paths are compared as strings (``os.path.realpath``), not ``Path`` objects: a folder of tens of
    thousands of files is listed in a fraction of a second, before any work starts.
    """
    found: list[tuple[str, tuple[int, int] | None]] = []
    result = Inputs()

    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files, unreadable = _files_under(path)
            for child, stat in files:
                # a report in an old format is named (an errors row), not skipped
                suffix = _suffix(child)
                if suffix in DOCUMENT_SUFFIXES or suffix in LEGACY_SUFFIXES:
                    found.append((child, stat))
            result.errors += [ErrorRecord(folder, "input", "unreadable_folder",
                                          f"the folder cannot be listed ({why}); its files were not read")
                              for folder, why in unreadable]
        elif path.is_file():
            found.append((str(path), None))
        elif glob.has_magic(str(item)):
            matches = sorted(Path(p) for p in glob.glob(str(item), recursive=True))
            files = [p for p in matches if p.is_file()]
            if not files:
                result.errors.append(ErrorRecord(str(item), "input", "no_match", "the pattern matches no file"))
            found += [(str(p), None) for p in files]
        else:
            result.errors.append(ErrorRecord(str(item), "input", "not_found", "no such file or folder"))
    seen: set[str] = set()
    skip = [os.path.realpath(p) for p in exclude]
    for (path, stat), resolved in zip(found, real_paths(path for path, _ in found)):
        if resolved not in seen and not any(resolved == s or resolved.startswith(s + os.sep) for s in skip):
            seen.add(resolved)
            result.files.append(path)
            result.keys.append(resolved)
            result.stats.append(stat)
    return result
