"""The local worker pool's processes: forked from a zygote where one can be, else from multiprocessing's forkserver.

Apart from :mod:`pipeline.engine` so that the command line can start the pool's zygote (or
forkserver) before it imports anything more itself: the workers' imports then run on the
other core beside the main process's own start-up.
"""

from __future__ import annotations

import multiprocessing as mp

#: what the zygote (or forkserver) imports once, so that every worker forked from it starts ready; no
#: pandas: a worker frames no table and builds its Arrow rows without it (pipeline.arrays), and the
#: processes that write the tables at the end are forked from the main process, which has it
PRELOAD = ["pipeline.engine", "pipeline.document", "pipeline.parts"]


def context():
    """A forkserver context where the platform has one (workers fork from a clean, preloaded process), else spawn."""
    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(PRELOAD)
    return ctx


class ForkserverPool:
    """Workers as :class:`multiprocessing.Process` of :func:`context`: where no zygote can be forked (not
    Linux, or this process runs other threads, as a notebook's kernel does)."""

    def __init__(self):
        self.ctx = context()

    def start(self, target, *args):
        """The same as :meth:`pipeline.zygote.Zygote.start`: the process, our end of its connection, its counter."""
        parent, child = self.ctx.Pipe(duplex=True)
        counter = self.ctx.RawValue("i", 0)
        proc = self.ctx.Process(target=target, args=(child, counter, *args), daemon=True)
        proc.start()
        child.close()
        return proc, parent, counter

    def close(self) -> None:
        pass  # the forkserver is multiprocessing's, shared by every pool of this process


def start_pool():
    """The workers' zygote, forked now, with the extractors imported and warmed up in it; else a forkserver
    pool whose server starts now."""
    from pipeline.zygote import fork_zygote

    zygote = fork_zygote(preload=PRELOAD, warm=_warm_up)
    if zygote is not None:
        return zygote
    pool = ForkserverPool()
    if pool.ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
    return pool


def _warm_up() -> None:
    from pipeline.engine import warm_up

    warm_up()
