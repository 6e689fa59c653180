"""The local worker pool's processes: forked from a zygote where one can be, else from multiprocessing's forkserver.

Apart from :mod:`pipeline.engine`, and importing nothing at its top, so that the command can
start the pool's zygote (or forkserver) before it imports anything more itself, the
command-line interface included: the workers' imports then run on the other core beside the
main process's own start-up (all but those both sides need, :data:`SHARED`, imported first).
"""

from __future__ import annotations

import os

#: what the zygote (or forkserver) imports once, so that every worker forked from it starts ready; no
#: pandas: a worker frames no table and builds its Arrow rows without it (pipeline.arrays), and the
#: processes that write the tables at the end are forked from the main process, which has it
PRELOAD = ["pipeline.engine", "pipeline.document", "pipeline.parts"]

#: what of PRELOAD the main process imports too (the engine; pyarrow, numpy and the rows of the
#: parts, for the tables): imported before the zygote is forked, so once, not once on each side.
#: The two sides' imports and the table writer's pandas together ask more of two cores than they
#: have while the first workers wait: 0.1 s of work less there made a 1,000-file ``-j 2`` run
#: 3-5% faster (alternated A/B runs, 20 rounds)
SHARED = ["pyarrow", "pipeline.engine", "pipeline.parts"]


def default_jobs() -> int:
    """Worker processes when --jobs is not given: the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def context():
    """A forkserver context where the platform has one (workers fork from a clean, preloaded process), else spawn."""
    import multiprocessing as mp

    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(PRELOAD)
    return ctx


class ForkserverPool:
    """Workers as :class:`multiprocessing.Process` of :func:`context`: where no zygote can be forked (not
    Linux, or this process runs other threads, as a notebook's kernel does)."""

    def __init__(self, why: str = ""):
        self.ctx = context()
        self.why = why  # why no zygote could be forked, when that is why this pool was chosen

    def start(self, target, *args):
        """The same as :meth:`pipeline.zygote.Zygote.start`: the process, our end of its connection, its counter."""
        parent, child = self.ctx.Pipe(duplex=True)
        counter = self.ctx.RawValue("i", 0)
        proc = self.ctx.Process(target=target, args=(child, counter, *args), daemon=True)
        proc.start()
        child.close()
        return proc, parent, counter

    def ends(self) -> list:
        """The same as :meth:`pipeline.zygote.Zygote.ends`: none (the forkserver is multiprocessing's)."""
        return []

    def shut(self) -> None:
        pass

    def close(self) -> None:
        pass  # the forkserver is multiprocessing's, shared by every pool of this process


def start_pool():
    """The workers' zygote, forked now, with the extractors imported and warmed up in it; else a forkserver
    pool whose server starts now."""
    from pipeline.zygote import fork_zygote, import_ahead, why_not

    why = why_not()
    if why is None:
        import_ahead(SHARED)
        zygote = fork_zygote(preload=PRELOAD, warm=_warm_up)
        if zygote is not None:
            return zygote
        why = why_not() or "no zygote could be forked"
    pool = ForkserverPool(why)
    if pool.ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
    return pool


def may_need_pool(args: list[str]) -> bool:
    """A first guess, before the command line is parsed, from the command's name and an explicit
    ``--jobs 1`` only: whether it may be a ``run`` with several jobs.  It says yes whenever the
    command line interface's own reading (``cli._pool_ahead``) does, and more often: that reading
    then closes a pool it does not need before it forked any worker (a run over few inputs, on Dask)."""
    if args[:1] != ["run"] or "--help" in args or default_jobs() < 2:
        return False
    pairs = zip(args, args[1:])
    return not ({"-j1", "--jobs=1"} & set(args) or any(a in ("-j", "--jobs") and b == "1" for a, b in pairs))


def settle_pool(pool, needed: bool):
    """The pool a command goes on with: ``pool`` (started now if there is none) when one is ``needed``,
    else None, ``pool`` closed (a first guess that was wrong)."""
    if needed:
        return pool if pool is not None else start_pool()
    if pool is not None:
        pool.close()
    return None


def start_pool_early(args: list[str]):
    """The pool, started now if :func:`may_need_pool`, else None."""
    return start_pool() if may_need_pool(args) else None


def _warm_up() -> None:
    from pipeline.engine import warm_up

    warm_up()
