"""`python -m pipeline ...` and the ``zhenggai`` command.

The worker pool's zygote is forked first, when the command line may need one (:func:`pipeline.pool.start_pool_early`),
before the command-line interface is imported: typer and the commands' declarations take 0.04 s
that the workers' imports would otherwise wait for.
"""

import sys


def main() -> None:
    from pipeline.pool import start_pool_early

    pool = start_pool_early(sys.argv[1:])
    from pipeline.cli import main as cli_main

    cli_main(pool=pool)


if __name__ == "__main__":
    main()
