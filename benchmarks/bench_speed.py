"""Speed benchmark: extraction against bare jieba on the real report, and linearity.

All figures come from one run on the same text (``corpus/progress_cq_tzb_2022.txt``,
normalized as the pipeline does):

* bare jieba: a fresh private ``jieba.Tokenizer`` (main dictionary only),
  ``lcut`` with HMM off and on; the baseline is the faster of the two;
* our segmenter: ``DomainSegmenter.tokenize`` (jieba's own route over the domain dictionary);
* our tokenizer alone: a blank ``zh`` Language with ``JiebaTokenizer`` (the Doc, no components);
* extraction: ``pipeline.stages.extract`` on the text (every stage, no tokens: the batch path);
* Doc path: ``load_nlp()(text)`` (tokenizer and every component: the same stages plus doc.spans).

Targets: extraction >= 0.5x the bare-jieba throughput (chars/s); linear in length: the
report repeated 100 times as ONE document runs at >= 0.8x the per-character rate of the
single report.  Medians of several runs.  Then a per-stage breakdown of the extraction
(median ms per call, share, chars/s) on the single report and on the long document, so a
slow or non-linear stage shows by name.

    python benchmarks/bench_speed.py [--runs 7] [--big-runs 3] [--repeat 100] [--component-runs 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "corpus" / "progress_cq_tzb_2022.txt"
MIN_RATIO = 0.5
MIN_LINEARITY = 0.8


def timed_rate(func: Callable[[str], object], text: str, *, min_seconds: float) -> float:
    """chars/s of one run: the call repeated until ``min_seconds`` have passed (at least once)."""
    calls = 0
    start = time.perf_counter()
    while True:
        func(text)
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return calls * len(text) / elapsed


def median_rates(
    systems: list[tuple[str, Callable[[str], object]]], text: str, *, runs: int, min_seconds: float
) -> dict[str, float]:
    """Median chars/s per system; the runs are interleaved so background load hits all alike."""
    for _name, func in systems:
        func(text)  # warm-up: dictionaries and lazy loaders outside the timing
    rates: dict[str, list[float]] = {name: [] for name, _ in systems}
    for _ in range(runs):
        for name, func in systems:
            rates[name].append(timed_rate(func, text, min_seconds=min_seconds))
    return {name: statistics.median(values) for name, values in rates.items()}


def stage_times(text: str, *, runs: int) -> dict[str, float]:
    """Median seconds per call of every extraction stage on ``text`` (in stage order)."""
    from pipeline.stages import STAGES, Extraction, run_stage

    samples: dict[str, list[float]] = {stage.name: [] for stage in STAGES}
    for run in range(runs + 1):  # the first run warms up and is not counted
        extraction = Extraction(text=text)
        for stage in STAGES:
            started = time.perf_counter()
            run_stage(stage, extraction)
            if run:
                samples[stage.name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in samples.items()}


def print_stages(text: str, big: str, *, runs: int, big_runs: int) -> None:
    single = stage_times(text, runs=runs)
    long = stage_times(big, runs=big_runs)
    total, total_long = sum(single.values()), sum(long.values())
    print(f"per stage (median of {runs} calls on the report, {big_runs} on the long document):")
    print(f"{'stage':22s} {'ms single':>10s} {'share':>6s} {'chars/s single':>15s} {'ms long':>9s} "
          f"{'chars/s long':>13s} {'long/single':>12s}")
    for name in single:
        rate, rate_long = len(text) / single[name], len(big) / long[name]
        print(f"{name:22s} {single[name] * 1000:10.2f} {single[name] / total:6.1%} {rate:15,.0f} "
              f"{long[name] * 1000:9.1f} {rate_long:13,.0f} {rate_long / rate:12.2f}")
    rate, rate_long = len(text) / total, len(big) / total_long
    print(f"{'sum':22s} {total * 1000:10.2f} {1:6.1%} {rate:15,.0f} {total_long * 1000:9.1f} "
          f"{rate_long:13,.0f} {rate_long / rate:12.2f}")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs on the single report (median)")
    parser.add_argument("--big-runs", type=int, default=3, help="runs on the repeated report (median)")
    parser.add_argument("--repeat", type=int, default=100, help="copies of the report in the long document")
    parser.add_argument("--component-runs", type=int, default=30,
                        help="calls on the report for the per-component breakdown (0: skip it)")
    args = parser.parse_args(argv)

    import spacy

    from pipeline.nlp.language import load_nlp
    from pipeline.nlp.tokenizer import JiebaTokenizer, new_jieba_tokenizer
    from pipeline.normalize import normalize
    from pipeline.stages import extract

    text = normalize(REPORT.read_text(encoding="utf-8"))
    separator = "\n" if not text.endswith("\n") else ""
    big = separator.join([text] * args.repeat) if separator else text * args.repeat

    plain = new_jieba_tokenizer()
    tokenizer_only = spacy.blank("zh")
    tokenizer_only.tokenizer = JiebaTokenizer(tokenizer_only.vocab)
    tokenizer_only.max_length = max(tokenizer_only.max_length, len(big) + 1)
    doc_path = load_nlp()
    doc_path.max_length = max(doc_path.max_length, len(big) + 1)
    segmenter = tokenizer_only.tokenizer.segmenter
    systems: list[tuple[str, Callable[[str], object]]] = [
        ("bare jieba, HMM off", lambda s: plain.lcut(s, HMM=False)),
        ("bare jieba, HMM on", lambda s: plain.lcut(s, HMM=True)),
        ("our segmenter", segmenter.tokenize),
        ("our tokenizer alone", tokenizer_only),
        ("extraction", extract),
        ("Doc path", doc_path),
    ]
    print(f"text: {REPORT.relative_to(REPO)}, {len(text)} chars; long document: x{args.repeat} = {len(big)} chars")
    print(f"{'system':26s} {'chars/s single':>15s} {'chars/s long':>13s} {'long/single':>12s}")
    single = median_rates(systems, text, runs=args.runs, min_seconds=0.2)
    long = median_rates(systems, big, runs=args.big_runs, min_seconds=0.0)
    for name, _func in systems:
        print(f"{name:26s} {single[name]:15,.0f} {long[name]:13,.0f} {long[name] / single[name]:12.2f}")
    baseline_name = max(("bare jieba, HMM off", "bare jieba, HMM on"), key=single.__getitem__)
    baseline = single[baseline_name]
    print(f"baseline: {baseline_name} (the faster bare setting), {baseline:,.0f} chars/s")
    for measured in ("extraction", "Doc path"):
        ratio = single[measured] / baseline
        print(f"{verdict(ratio >= MIN_RATIO)}: {measured} throughput {single[measured]:,.0f} chars/s = "
              f"{ratio:.2f}x bare jieba (target >= {MIN_RATIO})")
    linearity = long["extraction"] / single["extraction"]
    print(f"{verdict(linearity >= MIN_LINEARITY)}: extraction on x{args.repeat} as one document: "
          f"{linearity:.2f}x the single-report per-char rate (target >= {MIN_LINEARITY})")
    if args.component_runs > 0:
        print_stages(text, big, runs=args.component_runs, big_runs=args.big_runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
