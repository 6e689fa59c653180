"""Evidence on the match rows: what a reviewer needs to check a verdict in seconds.

For each candidate (issue, report place): the problem text, the sentences of the place that
answer it (those sharing most of the issue's key terms), and the shared key terms.  The key
terms are the matcher's own word view (:meth:`IssueMatcher.key_terms`), so what is shown is
what was scored.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.lang.text import sentence_spans
from pipeline.records import Issue, Match

MAX_SENTENCES = 2


def attach_evidence(matches: Sequence[Match], issues: Sequence[Issue], text: str, matcher) -> None:
    """Fill ``issue_text``, ``target_text``, ``shared_terms`` and ``evidence`` of each match in place."""
    by_id = {i.issue_id: i for i in issues}
    wanted = sorted({m.issue_id for m in matches if m.issue_id in by_id})
    issue_terms = dict(zip(wanted, matcher.key_terms([by_id[i].text for i in wanted])))
    sentence_terms: dict[tuple[int, int], set[str]] = {}  # a sentence is segmented once per report
    for m in matches:
        issue = by_id.get(m.issue_id)
        m.issue_text = issue.text if issue is not None else ""
        if m.target_start is None or m.target_end is None:
            continue
        spans = list(sentence_spans(text, m.target_start, m.target_end))
        todo = [sp for sp in spans if sp not in sentence_terms]
        if todo:  # key_terms builds its rewriter per call: once per match was most of a 10,000-row list's time
            for sp, terms in zip(todo, matcher.key_terms([text[a:b] for a, b in todo])):
                sentence_terms[sp] = set(terms)
        terms = list(dict.fromkeys(issue_terms.get(m.issue_id, [])))
        shared = [t for t in terms if any(t in sentence_terms[sp] for sp in spans)]
        m.shared_terms = "、".join(shared)
        ranked = sorted(spans, key=lambda sp: -len(sentence_terms[sp] & set(shared)))
        best = [sp for sp in ranked[:MAX_SENTENCES] if sentence_terms[sp] & set(shared)] or spans[:1]
        best.sort()
        m.evidence = best
        m.target_text = "…".join(text[a:b].strip() for a, b in best)
