"""Evidence on the match rows: what a reviewer needs to check a verdict in seconds.

For each candidate (issue, report place): the problem text, the sentences of the place that
answer it (those sharing most of the issue's key terms), and the shared key terms.  The key
terms are the matcher's own word view (:meth:`IssueMatcher.key_terms`), so what is shown is
what was scored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.lang.text import STATEMENT_ENDS, char_pairs, sentence_spans
from pipeline.records import Issue, Match

MAX_SENTENCES = 2


@dataclass(frozen=True, slots=True)
class AnswerTerms:
    """The key terms the evidence was chosen by: of each problem with candidates, and of each
    sentence of their places (``(start, end)`` as :func:`pipeline.lang.text.sentence_spans` cuts them).
    The audit reads them to tell which problem a sentence of a shared place speaks of."""

    issues: dict[str, frozenset[str]]
    sentences: dict[tuple[int, int], frozenset[str]]
    #: the key terms of each problem's examples (比如…, its level-3 items): a sentence on them is on the subject
    examples: dict[str, frozenset[str]] = field(default_factory=dict)


def term_bigrams(terms: frozenset[str]) -> frozenset[str]:
    """The two-character pieces of key terms: 专题学习 and 学习贯彻 speak of one subject (学习) though
    no whole term is shared."""
    return frozenset().union(*map(char_pairs, terms))


def attach_evidence(matches: Sequence[Match], issues: Sequence[Issue], text: str, matcher) -> AnswerTerms:
    """Fill ``issue_text``, ``target_text``, ``shared_terms`` and ``evidence`` of each match in place;
    the key terms used, for the audit."""
    by_id = {i.issue_id: i for i in issues}
    wanted = sorted({m.issue_id for m in matches if m.issue_id in by_id})
    examples: dict[str, list[str]] = {}  # a problem's examples (its level-3 items), segmented with the problems
    for i in issues:
        if i.level == 3 and i.parent_id in by_id:
            examples.setdefault(i.parent_id, []).append(i.text)
    with_examples = [iid for iid in wanted if iid in examples]
    found = matcher.key_terms([by_id[i].text for i in wanted] + ["。".join(examples[i]) for i in with_examples])
    issue_terms = {iid: list(dict.fromkeys(terms)) for iid, terms in zip(wanted, found)}
    example_terms = dict(zip(with_examples, found[len(wanted):]))
    places = {(m.target_start, m.target_end) for m in matches
              if m.target_start is not None and m.target_end is not None}
    place_spans = {place: list(sentence_spans(text, *place, ends=STATEMENT_ENDS)) for place in sorted(places)}
    sentences = sorted({sp for spans in place_spans.values() for sp in spans})  # each segmented once per report
    sentence_terms = dict(zip(sentences, map(set, matcher.key_terms([text[a:b] for a, b in sentences]))))
    place_terms = {place: set().union(*(sentence_terms[sp] for sp in spans)) for place, spans in place_spans.items()}
    # (place, shared terms) -> (shared_terms, evidence, target_text): a long list's 30,000 candidates
    # have a few thousand distinct ones, each chosen once
    chosen: dict[tuple[tuple[int, int], tuple[str, ...]], tuple[str, list[tuple[int, int]], str]] = {}
    for m in matches:
        issue = by_id.get(m.issue_id)
        m.issue_text = issue.text if issue is not None else ""
        if m.target_start is None or m.target_end is None:
            continue
        place = (m.target_start, m.target_end)
        found = place_terms[place]
        shared = tuple(t for t in issue_terms.get(m.issue_id, []) if t in found)
        hit = chosen.get((place, shared))
        if hit is None:
            spans = place_spans[place]
            shared_set = set(shared)
            ranked = sorted(spans, key=lambda sp: -len(sentence_terms[sp] & shared_set))
            best = [sp for sp in ranked[:MAX_SENTENCES] if sentence_terms[sp] & shared_set] or spans[:1]
            best.sort()
            hit = chosen[(place, shared)] = ("、".join(shared), best, "…".join(text[a:b].strip() for a, b in best))
        m.shared_terms, m.target_text = hit[0], hit[2]
        m.evidence = list(hit[1])  # each match its own list
    return AnswerTerms({iid: frozenset(terms) for iid, terms in issue_terms.items()},
                       {sp: frozenset(terms) for sp, terms in sentence_terms.items()},
                       {iid: frozenset(terms) for iid, terms in example_terms.items()})
