"""Speed benchmark: full extraction against bare jieba on the real report, and linearity.

All figures come from one run on the same text (``corpus/progress_cq_tzb_2022.txt``,
normalized as the pipeline does):

* bare jieba: a fresh private ``jieba.Tokenizer`` (main dictionary only),
  ``lcut`` with HMM off and on; the baseline is the faster of the two;
* our segmenter: ``DomainSegmenter.tokenize`` (the fused fast path) and
  ``tokenize_reference`` (jieba's own ``Tokenizer.tokenize``), same output;
* our tokenizer alone: a blank ``zh`` Language with ``JiebaTokenizer`` (the
  Doc with sentence starts, no components);
* full extraction: ``pipeline.nlp.language.load_nlp()`` applied to the text
  (tokenizer and every extraction component).

Targets: full extraction >= 0.5x the bare-jieba throughput (chars/s); and linear
in length: the report repeated 100 times as ONE document runs at >= 0.8x the
per-character rate of the single report.  Medians of several runs.

Then a per-component breakdown of the full extraction: the Doc made by the
tokenizer, then each ``(name, proc)`` of ``nlp.pipeline`` timed on its own
(median ms per call, share of the total, chars/s), on the single report and on
the long document, so a slow or non-linear component shows by name.

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


def component_times(nlp, text: str, *, runs: int) -> dict[str, float]:
    """Median seconds per call of the tokenizer and of every pipeline component on ``text``."""
    names = ["tokenizer"] + [name for name, _ in nlp.pipeline]
    samples: dict[str, list[float]] = {name: [] for name in names}
    for run in range(runs + 1):  # the first run warms up and is not counted
        started = time.perf_counter()
        doc = nlp.make_doc(text)
        elapsed = {"tokenizer": time.perf_counter() - started}
        for name, proc in nlp.pipeline:
            started = time.perf_counter()
            doc = proc(doc)
            elapsed[name] = time.perf_counter() - started
        if run:
            for name in names:
                samples[name].append(elapsed[name])
    return {name: statistics.median(values) for name, values in samples.items()}


def print_components(nlp, text: str, big: str, *, runs: int, big_runs: int) -> None:
    single = component_times(nlp, text, runs=runs)
    long = component_times(nlp, big, runs=big_runs)
    total, total_long = sum(single.values()), sum(long.values())
    print(f"per component (median of {runs} calls on the report, {big_runs} on the long document):")
    print(f"{'component':22s} {'ms single':>10s} {'share':>6s} {'chars/s single':>15s} {'ms long':>9s} "
          f"{'chars/s long':>13s} {'long/single':>12s}")
    for name in single:
        rate, rate_long = len(text) / single[name], len(big) / long[name]
        print(f"{name:22s} {single[name] * 1000:10.2f} {single[name] / total:6.1%} {rate:15,.0f} "
              f"{long[name] * 1000:9.1f} {rate_long:13,.0f} {rate_long / rate:12.2f}")
    rate, rate_long = len(text) / total, len(big) / total_long
    print(f"{'sum':22s} {total * 1000:10.2f} {1:6.1%} {rate:15,.0f} {total_long * 1000:9.1f} "
          f"{rate_long:13,.0f} {rate_long / rate:12.2f}")
    doc = nlp.make_doc(text)
    started = time.perf_counter()
    doc.text  # what a component pays the first time it reads the Doc's text
    print(f"(spaCy's doc.text on the report: {(time.perf_counter() - started) * 1000:.2f} ms per access; "
          f"the first component pays it once, the others read it from doc.user_data when the pipeline caches it)")


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

    from pipeline.nlp.tokenizer import JiebaTokenizer, new_jieba_tokenizer
    from pipeline.normalize import normalize

    text = normalize(REPORT.read_text(encoding="utf-8"))
    separator = "\n" if not text.endswith("\n") else ""
    big = separator.join([text] * args.repeat) if separator else text * args.repeat

    plain = new_jieba_tokenizer()
    tokenizer_only = spacy.blank("zh")
    tokenizer_only.tokenizer = JiebaTokenizer(tokenizer_only.vocab)
    tokenizer_only.max_length = max(tokenizer_only.max_length, len(big) + 1)

    try:
        from pipeline.nlp.language import load_nlp
    except ImportError as exc:  # the full pipeline is not there yet
        full = None
        print(f"full extraction not measured: cannot import load_nlp ({exc})")
    else:
        full = load_nlp()
        full.max_length = max(full.max_length, len(big) + 1)
        print(f"full extraction: load_nlp() with pipes {full.pipe_names}")

    segmenter = tokenizer_only.tokenizer.segmenter
    same = segmenter.tokenize(text) == segmenter.tokenize_reference(text)
    print(f"our segmenter's fast path gives jieba's own Tokenizer.tokenize output on the report: {same}")
    systems: list[tuple[str, Callable[[str], object]]] = [
        ("bare jieba, HMM off", lambda s: plain.lcut(s, HMM=False)),
        ("bare jieba, HMM on", lambda s: plain.lcut(s, HMM=True)),
        ("our segmenter, jieba code", segmenter.tokenize_reference),
        ("our segmenter, fast path", segmenter.tokenize),
        ("our tokenizer alone", tokenizer_only),
    ]
    if full is not None:
        systems.append(("full extraction", full))

    print(f"text: {REPORT.relative_to(REPO)}, {len(text)} chars; long document: x{args.repeat} = {len(big)} chars")
    print(f"{'system':26s} {'chars/s single':>15s} {'chars/s long':>13s} {'long/single':>12s}")
    single = median_rates(systems, text, runs=args.runs, min_seconds=0.2)
    long = median_rates(systems, big, runs=args.big_runs, min_seconds=0.0)
    for name, _func in systems:
        print(f"{name:26s} {single[name]:15,.0f} {long[name]:13,.0f} {long[name] / single[name]:12.2f}")
    baseline_name = max(("bare jieba, HMM off", "bare jieba, HMM on"), key=single.__getitem__)
    baseline = single[baseline_name]
    print(f"baseline: {baseline_name} (the faster bare setting), {baseline:,.0f} chars/s")
    tok_ratio = single["our tokenizer alone"] / baseline
    print(f"our tokenizer alone / bare jieba: {tok_ratio:.2f}x")
    measured = "full extraction" if full is not None else "our tokenizer alone"
    if full is None:
        print("NOTE: load_nlp missing; the targets below are checked on our tokenizer alone")
    ratio = single[measured] / baseline
    print(f"{verdict(ratio >= MIN_RATIO)}: {measured} throughput {single[measured]:,.0f} chars/s = "
          f"{ratio:.2f}x bare jieba (target >= {MIN_RATIO})")
    linearity = long[measured] / single[measured]
    print(f"{verdict(linearity >= MIN_LINEARITY)}: {measured} on x{args.repeat} as one document: "
          f"{linearity:.2f}x the single-report per-char rate (target >= {MIN_LINEARITY})")
    if full is not None and args.component_runs > 0:
        print_components(full, text, big, runs=args.component_runs, big_runs=args.big_runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
