"""Whole-command throughput of this checkout against another commit, measured in the same run.

Usage: python benchmarks/bench_against_commit.py REV [--files N] [--runs 3]

Checks REV out into a temporary git worktree with its own virtual environment (system
site-packages, the project installed editable without dependencies), then times
``zhenggai run`` over the first N texts of ../shared/scale/news (read in place through
symlinks) with each checkout, runs interleaved, and prints the medians and their ratio.
Start-up is measured apart (``zhenggai run`` on one small file) and netted out.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "scale" / "news"


def _install(checkout: Path, venv: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--no-deps", "-e", str(checkout)], check=True,
                   stdout=subprocess.DEVNULL)
    return venv / "bin" / "zhenggai"


def _time(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if not NEWS.is_dir():
        print(f"{NEWS} is absent: nothing measured")
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        inputs = scratch / "news"
        inputs.mkdir()
        names = sorted(os.listdir(NEWS))[: args.files]
        for name in names:
            (inputs / name).symlink_to(NEWS / name)
        chars = sum(len((NEWS / n).read_text(encoding="utf-8")) for n in names)
        small = scratch / "one.txt"
        small.write_text("市委巡视组反馈意见。", encoding="utf-8")
        other = scratch / "other"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(other), args.rev], check=True)
        try:
            commands = {"this checkout": (ROOT, _install(ROOT, scratch / "venv-this")),
                        args.rev: (other, _install(other, scratch / "venv-other"))}
            totals = {name: [] for name in commands}
            startups = {name: [] for name in commands}
            for run in range(args.runs):
                for name, (cwd, exe) in commands.items():
                    startups[name].append(_time([str(exe), "run", str(small), "-o", str(scratch / f"s{run}"), "-q"], cwd))
                    totals[name].append(_time([str(exe), "run", str(inputs), "-o", str(scratch / f"o{run}"), "-q"], cwd))
                    shutil.rmtree(scratch / f"o{run}", ignore_errors=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=False)
    print(f"{len(names)} files, {chars:,} characters; {os.cpu_count()} cores; medians of {args.runs} runs")
    net = {}
    for name in totals:
        total, startup = statistics.median(totals[name]), statistics.median(startups[name])
        net[name] = max(total - startup, 1e-9)
        print(f"{name:16s} total {total:7.2f} s, start-up {startup:5.2f} s, net {net[name]:7.2f} s = "
              f"{chars / net[name]:,.0f} chars/s")
    print(f"ratio this/{args.rev} (net chars/s): {net[args.rev] / net['this checkout']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
