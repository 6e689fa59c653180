"""Inputs of a batch: files, folders and glob patterns expanded to files, in order.

A module of its own (no pandas, no extraction) so that ``run`` can list its inputs,
and decide how many workers are worth starting, before the heavy imports.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.read.sniff import LEGACY_SUFFIXES
from pipeline.records import ErrorRecord

#: Extensions picked up when a folder is expanded (explicit files are read whatever their name).
DOCUMENT_SUFFIXES: frozenset[str] = frozenset({".txt", ".text", ".md", ".pdf", ".docx", ".html", ".htm", ".xhtml"})


@dataclass(slots=True)
class Inputs:
    files: list[Path] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)  # inputs that name nothing readable


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") or part.startswith("~$") for part in path.parts[len(root.parts):])


def collect_inputs(inputs: Sequence[str | os.PathLike], *, exclude: Sequence[str | os.PathLike] = ()) -> Inputs:
    """Files, folders (recursive, known document suffixes) and glob patterns, deduplicated, in order.

    Paths are compared as strings (``os.path.realpath``), not ``Path`` objects: a folder of tens of
    thousands of files is listed in a fraction of a second, before any work starts.
    """
    result = Inputs()
    seen: set[str] = set()
    skip = [os.path.realpath(p) for p in exclude]

    def add(path: Path) -> None:
        resolved = os.path.realpath(path)
        if resolved not in seen and not any(resolved == s or resolved.startswith(s + os.sep) for s in skip):
            seen.add(resolved)
            result.files.append(path)

    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*"), key=lambda p: p.parts):  # Path order, without Path.__lt__
                if not child.is_file() or _is_hidden(child, path):
                    continue
                if child.suffix.lower() in DOCUMENT_SUFFIXES:
                    add(child)
                elif child.suffix.lower() in LEGACY_SUFFIXES:  # a report in an old format is named, not skipped
                    add(child)
        elif path.is_file():
            add(path)
        elif glob.has_magic(str(item)):
            matches = sorted(Path(p) for p in glob.glob(str(item), recursive=True))
            files = [p for p in matches if p.is_file()]
            if not files:
                result.errors.append(ErrorRecord(str(item), "input", "no_match", "the pattern matches no file"))
            for p in files:
                add(p)
        else:
            result.errors.append(ErrorRecord(str(item), "input", "not_found", "no such file or folder"))
    return result
