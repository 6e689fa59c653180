"""`python -m pipeline ...` and the ``zhenggai`` command.

The worker pool's zygote is forked first, when the command line may need one (:func:`pipeline.pool.start_pool_early`),
before the command-line interface is imported: typer and the commands' declarations take 0.04 s
that the workers' imports would otherwise wait for.
"""

import os
import sys

#: Arrow's buffers from the C library's allocator in every process of a command, unless the user
#: chose another (Arrow reads this once, when it first allocates): its default, mimalloc, reserved a
#: region of its own in every table writer and kept what each slice of a table had used. A
#: 1,000-file ``-j 2`` run's process tree peaked 25 MB lower (184 -> 159 MB), and was no slower
ARROW_POOL = ("ARROW_DEFAULT_MEMORY_POOL", "system")


def main() -> None:
    os.environ.setdefault(*ARROW_POOL)  # before anything imports pyarrow (the pool's zygote does, next)
    from pipeline.pool import start_pool_early

    pool = start_pool_early(sys.argv[1:])
    from pipeline.cli import main as cli_main

    cli_main(pool=pool)


if __name__ == "__main__":
    main()
