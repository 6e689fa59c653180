"""Segmentation benchmark: SIGHAN 2005 PKU word F1 and domain terms kept whole.

1. SIGHAN 2005 PKU test set (``../shared/peers/sighan2005``, read in place):
   word-span precision, recall and F1 (a word counts when its character span
   matches the gold span exactly; equivalent to the official ``score`` script),
   plus recall on in-vocabulary and out-of-vocabulary gold words (OOV = not in
   ``pku_training_words.utf8``), for plain jieba (a fresh private
   ``jieba.Tokenizer``, main dictionary only) and for our ``DomainSegmenter``,
   each with HMM off and on.  Target: ours (in its setting) no more than 0.5
   point below plain jieba's better setting.
2. The real report ``corpus/progress_cq_tzb_2022.txt`` (normalized as the
   pipeline does): of the domain dictionary's terms that occur in the text, how
   many occurrences stay whole (no token boundary inside the term), for plain
   jieba and ours.

    python benchmarks/bench_segment.py [--show-split]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SIGHAN = REPO.parent / "shared" / "peers" / "sighan2005"
REPORT = REPO / "corpus" / "progress_cq_tzb_2022.txt"
MAX_DROP = 0.005  # ours may be at most 0.5 point below plain jieba's better setting

Span = tuple[int, int, int]  # (line, start, end) over the line without whitespace


def word_spans(line_no: int, words: Iterable[str]) -> set[Span]:
    """Character spans of the words, whitespace removed (tokens that are only whitespace vanish)."""
    spans: set[Span] = set()
    position = 0
    for word in words:
        width = len("".join(word.split()))
        if width:
            spans.add((line_no, position, position + width))
            position += width
    return spans


def score(
    cut: Callable[[str], list[str]], test: list[str], gold: list[str], training_words: set[str]
) -> dict[str, float]:
    """Precision, recall, F1 over exact word spans; recall on IV and OOV gold words."""
    true_pos = n_pred = n_gold = 0
    iv_hit = iv_all = oov_hit = oov_all = 0
    start = time.perf_counter()
    for line_no, (raw, gold_line) in enumerate(zip(test, gold)):
        gold_words = gold_line.split()
        gold_spans = word_spans(line_no, gold_words)
        pred_spans = word_spans(line_no, cut(raw))
        hits = gold_spans & pred_spans
        true_pos += len(hits)
        n_pred += len(pred_spans)
        n_gold += len(gold_spans)
        position = 0
        for word in gold_words:
            span = (line_no, position, position + len(word))
            position += len(word)
            if word in training_words:
                iv_all += 1
                iv_hit += span in hits
            else:
                oov_all += 1
                oov_hit += span in hits
    seconds = time.perf_counter() - start
    precision = true_pos / n_pred if n_pred else 0.0
    recall = true_pos / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "P": precision,
        "R": recall,
        "F1": f1,
        "R_iv": iv_hit / iv_all if iv_all else 0.0,
        "R_oov": oov_hit / oov_all if oov_all else 0.0,
        "seconds": seconds,
    }


def term_wholeness(
    text: str, terms: list[str], tokenize: Callable[[str], list[tuple[str, int, int]]]
) -> dict[str, object]:
    """Occurrences of the checklist terms in ``text`` and how the segmentation treats them.

    whole: no token boundary inside the occurrence; exact: the occurrence is one
    token; overlap: split only because an overlapping checklist term won (领导班子
    in 领导班子成员 against 班子成员), an ambiguity, not a loss; split: the rest.
    """
    tokens = tokenize(text)
    boundaries = {start for _, start, _ in tokens}
    token_spans = {(start, end) for _, start, end in tokens}
    term_set = set(terms)
    present = occurrences = whole = exact = 0
    overlap: list[tuple[str, int, list[str]]] = []
    split: list[tuple[str, int, list[str]]] = []
    for term in terms:
        found = False
        at = text.find(term)
        while at != -1:
            found = True
            occurrences += 1
            end = at + len(term)
            exact += (at, end) in token_spans
            if not any(b in boundaries for b in range(at + 1, end)):
                whole += 1
            else:
                pieces = [w for w, s, e in tokens if s < end and e > at]
                rival = any(any(t in piece for t in term_set if len(t) > 1) for piece in pieces)
                (overlap if rival else split).append((term, at, pieces))
            at = text.find(term, at + 1)
        present += found
    return {"terms": present, "occ": occurrences, "whole": whole, "exact": exact,
            "overlap": overlap, "split": split}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-split", action="store_true", help="list every split domain-term occurrence")
    args = parser.parse_args(argv)

    test_path, gold_path = SIGHAN / "pku_test.utf8", SIGHAN / "pku_test_gold.utf8"
    if not (test_path.exists() and gold_path.exists()):
        print(f"SIGHAN 2005 PKU data not found under {SIGHAN}: nothing to measure.", file=sys.stderr)
        return 2

    from pipeline.nlp.tokenizer import DomainSegmenter, new_jieba_tokenizer
    from pipeline.normalize import normalize

    test = test_path.read_text(encoding="utf-8").splitlines()
    gold = gold_path.read_text(encoding="utf-8").splitlines()
    words_path = SIGHAN / "pku_training_words.utf8"
    training_words = set(words_path.read_text(encoding="utf-8").split()) if words_path.exists() else set()
    assert len(test) == len(gold), "test and gold line counts differ"

    plain = new_jieba_tokenizer()
    ours = {hmm: DomainSegmenter(hmm=hmm) for hmm in (False, True)}
    systems: list[tuple[str, Callable[[str], list[str]]]] = [
        ("plain jieba, HMM off", lambda s: plain.lcut(s, HMM=False)),
        ("plain jieba, HMM on", lambda s: plain.lcut(s, HMM=True)),
        ("ours (domain dict), HMM off", ours[False].cut),
        ("ours (domain dict), HMM on", ours[True].cut),
    ]
    print(f"SIGHAN 2005 PKU test: {len(test)} lines, {sum(len(g.split()) for g in gold)} gold words "
          f"(raw text, not normalized; span scoring over the whole file)")
    print(f"{'system':32s} {'P':>7s} {'R':>7s} {'F1':>7s} {'R_iv':>7s} {'R_oov':>7s} {'sec':>6s}")
    results = {}
    for name, cut in systems:
        cut("预热")  # load the dictionary outside the timing
        result = score(cut, test, gold, training_words)
        results[name] = result
        print(f"{name:32s} {result['P']:7.4f} {result['R']:7.4f} {result['F1']:7.4f} "
              f"{result['R_iv']:7.4f} {result['R_oov']:7.4f} {result['seconds']:6.2f}")
    identical = all(
        seg.tokenize(line) == seg.tokenize_reference(line) for seg in ours.values() for line in test
    )
    print(f"ours: fast path output identical to jieba's own Tokenizer.tokenize on every PKU line "
          f"(HMM off and on): {identical}")
    plain_best = max(results["plain jieba, HMM off"]["F1"], results["plain jieba, HMM on"]["F1"])
    ours_default = results["ours (domain dict), HMM off"]["F1"]  # the pipeline's default setting
    ours_best = max(ours_default, results["ours (domain dict), HMM on"]["F1"])
    verdict = "PASS" if ours_default >= plain_best - MAX_DROP else "FAIL"
    print(f"{verdict}: ours (HMM off, the pipeline default) F1 {ours_default:.4f} vs plain jieba best "
          f"{plain_best:.4f}: {100 * (ours_default - plain_best):+.2f} points (target >= -0.50); "
          f"ours best {ours_best:.4f}")

    # Domain terms in the real report.
    text = normalize(REPORT.read_text(encoding="utf-8"))
    terms = sorted(set(ours[False].words), key=lambda w: (-len(w), w))
    print(f"\nDomain terms in {REPORT.relative_to(REPO)} ({len(text)} chars, normalized); "
          f"checklist = the {len(terms)} words of models/userdict.txt")
    print(f"{'system':32s} {'terms':>6s} {'occ':>5s} {'whole':>6s} {'exact':>6s} {'overlap':>8s} {'split':>6s}")
    checks = {}
    for name, tokenize in [
        ("plain jieba, HMM off", lambda s: list(plain.tokenize(s, HMM=False))),
        ("plain jieba, HMM on", lambda s: list(plain.tokenize(s, HMM=True))),
        ("ours (domain dict), HMM off", ours[False].tokenize),
        ("ours (domain dict), HMM on", ours[True].tokenize),
    ]:
        check = term_wholeness(text, terms, tokenize)
        checks[name] = check
        print(f"{name:32s} {check['terms']:6d} {check['occ']:5d} {check['whole']:6d} {check['exact']:6d} "
              f"{len(check['overlap']):8d} {len(check['split']):6d}")
    print("whole = no token boundary inside the occurrence (it may sit inside a longer word: 党组 in "
          "党组书记); exact = exactly one token; overlap = split only where an overlapping checklist "
          "term won (领导班子|成员 against 班子成员); split = the rest")
    ours_check = checks["ours (domain dict), HMM off"]
    verdict = "PASS" if not ours_check["split"] else "FAIL"
    print(f"{verdict}: domain-term occurrences split by ours (HMM off), overlaps aside: "
          f"{len(ours_check['split'])} of {ours_check['occ']}")
    for name, check in checks.items():
        for kind in ("split", "overlap"):
            items = check[kind]
            if items and (args.show_split or (name.startswith("ours") and kind == "split")):
                shown = ", ".join(f"{t}@{at}:{'/'.join(p)}" for t, at, p in items[:40])
                print(f"  {name} {kind}: {shown}{' ...' if len(items) > 40 else ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
