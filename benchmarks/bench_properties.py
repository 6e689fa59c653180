"""The hypothesis properties at 10,000 examples each (the test suite runs a few dozen).

Every extractor and the outline parser on arbitrary Unicode and report-like text: no
exception, every span inside the text and quoting it; Chinese numerals round-trip.

    python benchmarks/bench_properties.py [--examples 10000]

Prints each property with its example count and time, then the pytest summary; exit
status is pytest's.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="examples per property (profile 'bench' is 10,000)")
    args = parser.parse_args(argv)
    env = dict(os.environ, HYPOTHESIS_PROFILE="bench")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--hypothesis-show-statistics",
               str(REPO / "tests" / "test_properties.py")]
    if args.examples != 10_000:
        env["HYPOTHESIS_MAX_EXAMPLES"] = str(args.examples)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    for line in done.stdout.splitlines():
        stripped = line.strip()
        if stripped.startswith(("tests/", "- during generate phase", "- Stopped because")) or "passed" in stripped or "failed" in stripped:
            print(stripped)
    if done.returncode:
        print(done.stdout[-4000:], done.stderr[-2000:], sep="\n")
        print(f"FAILED: a property does not hold (pytest exit {done.returncode}) after {seconds:.0f} s")
    else:
        print(f"every property held at {args.examples:,} examples each ({seconds:.0f} s)")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
