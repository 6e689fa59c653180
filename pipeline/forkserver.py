"""The process context of the local worker pool, and starting its forkserver early.

Apart from :mod:`pipeline.engine` so that the command line can start the forkserver
before it imports the extractors itself: the forkserver's imports then run on the
other core beside the main process's own.
"""

from __future__ import annotations

import multiprocessing as mp

#: what the forkserver imports once, so that every worker forked from it starts ready; no pandas:
#: a worker frames no table and builds its Arrow rows without it (pipeline.arrays), and the
#: processes that write the tables at the end are forked from the main process, which has it
PRELOAD = ["pipeline.engine", "pipeline.document", "pipeline.parts"]


def context():
    """A forkserver context where the platform has one (workers fork from a clean, preloaded process), else spawn."""
    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(PRELOAD)
    return ctx


def start_early() -> None:
    """Start the forkserver now, so that its imports overlap with the main process's own start-up."""
    if "forkserver" in mp.get_all_start_methods():
        from multiprocessing import forkserver

        context()
        forkserver.ensure_running()
