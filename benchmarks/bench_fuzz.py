"""Worst-case inputs for every extractor and the outline parser: bounded work or a name.

A crawler brings back pages that are one long run of numerals, circled markers or
brackets; a pattern that rescans the run from every position turns 100 KB into
minutes and stalls a whole batch.  Each case below is ~100 KB of UTF-8; every stage
(outline, metadata, citations, quantities, times, claims, measures, a feedback's issue list) runs on it alone
and its CPU time is printed in seconds per 100 KB.  Target: every one under 1 s.

    python benchmarks/bench_fuzz.py [--kb 100] [--limit 1.0]

Exit status 1 when a stage is over the limit (so CI can run it).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from pipeline.extract.citations import extract_citations
from pipeline.extract.claims import extract_claims
from pipeline.extract.measures import extract_measures
from pipeline.extract.quantities import extract_quantities
from pipeline.extract.times import extract_times
from pipeline.issuelist import read_feedback
from pipeline.metadata import extract_metadata
from pipeline.normalize import normalize
from pipeline.outline import parse_outline

CN = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def _fill(unit: str, kb: int) -> str:
    """``unit`` repeated to ``kb`` kilobytes of UTF-8."""
    size = len(unit.encode("utf-8"))
    return unit * max(1, kb * 1024 // size)


def cases(kb: int) -> dict[str, str]:
    """Name -> text of the worst inputs found so far (each ``kb`` KB of UTF-8)."""
    half = _fill("《", kb // 2)
    return {
        "cn_numeral_run": _fill(CN, kb),
        "cn_numeral_run+年": _fill(CN, kb) + "年",
        "cn_numeral_run+万元": _fill(CN, kb) + "万元",
        "circled_run": _fill(CIRCLED, kb),
        "circled_lines": _fill("①x\n②y\n③z\n", kb),
        "digit_run": _fill("1234567890", kb),
        "digit_run+万元": _fill("1234567890", kb) + "万元",
        "digits_spaced": _fill(" 1", kb),
        "decimal_run": _fill("1.", kb),
        "nested_《》": half + "x" + "》" * len(half),
        "open_《": _fill("《", kb),
        "alternating_《》": _fill("《》", kb),
        "nested_parens": _fill("(", kb // 2) + _fill(")", kb // 2),
        "一是_inline": _fill("一是x;二是y;三是z;", kb),
        "一是_run": _fill("一是", kb),
        "markers_一、": _fill("一、x\n二、y\n三、z\n", kb),
        "markers_(一)": _fill("(一)x\n(二)y\n(三)z\n", kb),
        "markers_1.": _fill("1.x\n2.y\n3.z\n", kb),
        "markers_(1)": _fill("(1)x\n(2)y\n(3)z\n", kb),
        "markers_第一": _fill("第一,x\n第二,y\n", kb),
        # a 立行立改 lead over a list as long as the text: every item asks its marker's family (a scan each, once)
        "resolved_list": "巡察组督促对以下问题立行立改:\n" + _fill("1.x\n2.y\n3.z\n", kb),
        "mixed_markers": _fill("一是1.①(一)第一《", kb),
        "截至_run": _fill("截至", kb),
        "每_run": _fill("每", kb),
        "第_run": _fill("第", kb),
        "percent_run": _fill("%", kb),
        "claim_words": _fill("整改任务完成已整改", kb),
        "year_month_run": _fill("2022年6月", kb),
        "newlines": _fill("\n", kb),
        "no_punctuation_han": _fill("巡视整改工作推进落实", kb),
        "unit_labels": _fill("【红星社区】财务管理不规范;党建工作薄弱。\n", kb),  # a round-up's thousands of units
    }


def stages(text: str) -> dict[str, Callable[[], object]]:
    sections = parse_outline(text)
    return {
        "outline": lambda: parse_outline(text),
        "metadata": lambda: extract_metadata(text, sections),
        "citations": lambda: extract_citations(text),
        "quantities": lambda: extract_quantities(text),
        "times": lambda: extract_times(text),
        "claims": lambda: extract_claims(text),
        "measures": lambda: extract_measures(text, sections),
        "issue list": lambda: read_feedback(text),
    }


def run(kb: int, limit: float) -> int:
    worst = 0.0
    over: list[str] = []
    names = list(stages("x"))
    print(f"{'case':22s} " + " ".join(f"{n:>10s}" for n in names) + "   (s per 100 KB)")
    for name, raw in cases(kb).items():
        text = normalize(raw)
        scale = 100 * 1024 / len(raw.encode("utf-8"))
        row = []
        for stage, call in stages(text).items():
            started = time.process_time()  # CPU time: other jobs on a shared machine do not count
            call()
            seconds = (time.process_time() - started) * scale
            row.append(seconds)
            worst = max(worst, seconds)
            if seconds > limit:
                over.append(f"{name}/{stage} {seconds:.2f} s")
        print(f"{name:22s} " + " ".join(f"{s:10.3f}" for s in row), flush=True)
    print(f"worst: {worst:.3f} s per 100 KB (limit {limit} s)")
    if over:
        print("over the limit: " + ", ".join(over))
        return 1
    print("every stage under the limit")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=100, help="size of each case in KB of UTF-8")
    parser.add_argument("--limit", type=float, default=1.0, help="seconds per 100 KB")
    args = parser.parse_args(argv)
    return run(args.kb, args.limit)


if __name__ == "__main__":
    sys.exit(main())
