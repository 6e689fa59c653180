"""Pausing Python's cyclic garbage collector while a long review's records are made.

Why: a 10,000-problem review makes some 50,000 records (issues, matches, flags), then the rows
of the tables and of review.xlsx.  They hold no reference cycles and live until the review is
written, yet every full collection walks all of them again: half a second of such a review went
to collections that freed nothing.  Reference counting still frees everything as before; only
the cycle detector waits until the block ends, and is left as it was found (enabled or not).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector's own state is restored after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
