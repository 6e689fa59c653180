"""Speed of the two grammars (quantity reader, time atoms) against another checkout's copy.

Loads ``pipeline/extract/quantities.py``, ``pipeline/lang/dates.py`` and
``pipeline/extract/times.py`` of BASELINE (a git revision of this repository) as
private modules next to the current ones, then times ``extract_quantities`` and
``extract_times`` of both on the same texts (the bundled report and the news files in
../shared/scale/news), runs interleaved, medians reported.  Outputs are compared too.

    python benchmarks/bench_grammars.py [--baseline main] [--runs 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent.parent / "shared" / "scale" / "news"


def _load(name: str, source: str):
    spec = importlib.util.spec_from_loader(name, loader=None)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    exec(compile(source, f"<{name}>", "exec"), module.__dict__)
    return module


def baseline_modules(rev: str):
    show = lambda path: subprocess.run(["git", "-C", str(REPO), "show", f"{rev}:{path}"], check=True,
                                       capture_output=True, text=True).stdout
    quantities = _load("_base_quantities", show("pipeline/extract/quantities.py"))
    dates = _load("_base_dates", show("pipeline/lang/dates.py"))
    times = _load("_base_times", show("pipeline/extract/times.py").replace("from pipeline.lang.dates import",
                                                                            "from _base_dates import"))
    return quantities, times, dates


def texts() -> list[str]:
    from pipeline.normalize import normalize

    out = [normalize((REPO / "corpus" / "progress_cq_tzb_2022.txt").read_text(encoding="utf-8"))]
    if NEWS.is_dir():
        out += [normalize(p.read_text(encoding="utf-8")) for p in sorted(NEWS.glob("*.txt"))[:300]]
    return out


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline", default="main")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    from pipeline.extract import quantities, times

    base_q, base_t, _ = baseline_modules(args.baseline)
    docs = texts()
    anchor = dt.date(2022, 7, 1)
    systems = {
        "quantities (current)": lambda t: quantities.extract_quantities(t),
        "quantities (baseline)": lambda t: base_q.extract_quantities(t),
        "times (current)": lambda t: times.extract_times(t, anchor=anchor),
        "times (baseline)": lambda t: base_t.extract_times(t, anchor=anchor),
    }
    same_q = all(quantities.extract_quantities(t) == base_q.extract_quantities(t) for t in docs)
    same_t = all(times.extract_times(t, anchor=anchor) == base_t.extract_times(t, anchor=anchor) for t in docs)
    n_chars = sum(len(t) for t in docs)
    rates: dict[str, list[float]] = {k: [] for k in systems}
    for _ in range(args.runs):
        for name, func in systems.items():
            start = time.perf_counter()
            for t in docs:
                func(t)
            rates[name].append(n_chars / (time.perf_counter() - start))
    print(f"{len(docs)} texts, {n_chars} chars, {args.runs} interleaved runs; outputs identical: "
          f"quantities {same_q}, times {same_t}")
    for name, values in rates.items():
        print(f"  {name:<24} {statistics.median(values) / 1e6:6.2f} M chars/s")
    for kind in ("quantities", "times"):
        ratio = statistics.median(rates[f"{kind} (current)"]) / statistics.median(rates[f"{kind} (baseline)"])
        print(f"  {kind}: current / baseline = {ratio:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
