"""Modules a library imports at start-up that our commands never use, imported when first used.

Why: ``import sklearn.base`` imports ``scipy.stats`` (sklearn.utils.fixes; 0.45 s, its
distributions build their docstrings) and ``import jieba`` imports ``pkg_resources`` (0.2 s);
every ``zhenggai`` command paid both, and none calls either.  While such a library is imported,
each module of its row in :data:`DEFERRED` that is not yet loaded is a stand-in in
``sys.modules``; the first attribute read through a stand-in imports the real module and answers
from it, so code that does use it gets exactly what it would have had.  After the import the
stand-ins leave ``sys.modules``: a later ``import scipy.stats`` is the ordinary import.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager

#: library -> modules its import pulls in that our code does not use (measured with -X importtime)
DEFERRED: dict[str, tuple[str, ...]] = {
    "sklearn": ("scipy.stats",),
    "jieba": ("pkg_resources",),
}


class _StandIn(types.ModuleType):
    """A module not imported yet: any attribute read imports the real one and reads it there."""

    def __getattr__(self, name: str):
        if sys.modules.get(self.__name__) is self:  # needed while the library is being imported
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


@contextmanager
def deferred_imports(library: str) -> Iterator[None]:
    """Import ``library`` inside this block: its :data:`DEFERRED` modules are stand-ins meanwhile."""
    placed = [name for name in DEFERRED[library] if name not in sys.modules]
    for name in placed:
        sys.modules[name] = _StandIn(name)
    try:
        yield
    finally:
        for name in placed:
            if isinstance(sys.modules.get(name), _StandIn):
                del sys.modules[name]
