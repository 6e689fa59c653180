"""Where a run's parts live on disk: one folder per part, named by its number.

Apart from :mod:`pipeline.parts` (which reads and writes their Arrow tables) because
the main process removes the parts a killed run left before any work starts: without
importing pyarrow, which it needs only for the tables at the end.
"""

from __future__ import annotations

import shutil
from pathlib import Path

#: the file of one table in a part: Arrow IPC (a part is read back whole, once, by this package only)
PART_SUFFIX = ".arrow"
#: a part being written (or left half-written by a killed process): a hidden folder with this suffix
TMP_SUFFIX = ".tmp"
#: in a part's folder: the tables whose rows cannot be framed a slice at a time (see :func:`pipeline.parts.sliceable`)
WHOLE = "whole.json"


def part_dir(parts: Path, part: int) -> Path:
    return parts / f"{part:07d}"


def remove_parts(parts: Path, keep: set[int]) -> None:
    """Delete part folders that hold no current result (superseded, or never committed)."""
    if not parts.is_dir():
        return
    for folder in parts.iterdir():
        if folder.is_dir() and folder.name.isdigit() and int(folder.name) not in keep:
            shutil.rmtree(folder)
        elif folder.name.endswith(TMP_SUFFIX):  # a part a killed process was writing
            if folder.is_dir():
                shutil.rmtree(folder, ignore_errors=True)
            else:
                folder.unlink()
