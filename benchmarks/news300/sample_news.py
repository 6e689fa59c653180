"""Draw the 300 news sentences of the news-text check (issue: extraction that generalizes).

Deterministic: seed 2026, at most one sentence per file, sentences of 15-220 characters that
contain a digit or a Chinese numeral, from ``../shared/scale/news`` read in place.  Writes
``sentences.jsonl``: file name, sentence offsets into the file's text and the sentence itself.
Usage: python benchmarks/news300/sample_news.py
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEWS = HERE.parents[2] / "shared" / "scale" / "news"
SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
NUMERAL = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万两][个项次名人年月日天件条场期批家]")
N_SENTENCES = 300


def candidates(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        if 15 <= e - s <= 220 and NUMERAL.search(text, s, e) and "http" not in text[s:e]:
            spans.append((s, e))
    return spans


def main() -> None:
    rng = random.Random(2026)
    files = sorted(NEWS.glob("*.txt"))
    rng.shuffle(files)
    rows = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        spans = candidates(text)
        if not spans:
            continue
        s, e = rng.choice(spans)
        rows.append({"id": len(rows) + 1, "file": path.name, "start": s, "end": e, "sentence": text[s:e]})
        if len(rows) == N_SENTENCES:
            break
    with open(HERE / "sentences.jsonl", "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} sentences written")


if __name__ == "__main__":
    main()
