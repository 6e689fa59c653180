"""Progress bars on stderr, with tqdm imported only when a bar is shown.

Why: importing tqdm is about 50 ms, a twentieth of a one-file run's start-up, and
neither a quiet run (``-q``) nor a run over one file shows a bar.
"""

from __future__ import annotations

from collections.abc import Iterable


class _NoBar:
    """What a hidden bar does: pass the items through, count nothing."""

    def __init__(self, iterable: Iterable | None = None):
        self.iterable = iterable if iterable is not None else ()

    def __iter__(self):
        return iter(self.iterable)

    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def progress_bar(iterable: Iterable | None = None, *, total: int | None = None, show: bool = True, **options):
    """A tqdm bar over ``iterable`` (or counting to ``total``); a silent stand-in when not ``show``n
    or when there are fewer than two items."""
    n = total if total is not None else (len(iterable) if hasattr(iterable, "__len__") else None)
    if not show or (n is not None and n < 2):
        return _NoBar(iterable)
    from tqdm import tqdm

    class Bar(tqdm):
        # no monitor thread (tqdm's, started with the first bar, kept to the end of the process): a
        # process running another thread cannot fork the worker pool's zygote (pipeline.zygote), and a
        # bar is updated at least four times a second anyway
        monitor_interval = 0

    return Bar(iterable, total=total, dynamic_ncols=True, **options)
