"""IssueMatcher: which report sections and measures answer which feedback problems.

Why the design looks like this:

* Feedback states shortfalls (学习贯彻……不够深入), reports state actions on the same
  objects (推进政治理论学习走深走实).  Both sides are rewritten before vectorizing: shortfall
  wording and generic action verbs are removed and variant names of shared objects are
  folded into one form (``models/problem_action_terms.tsv``), so the objects carry the match.
* Two views: TF-IDF over words segmented with the domain dictionary, and TF-IDF over
  character 2-3-grams (robust to segmentation and to partial overlaps such as 廉洁/廉政).
* A measure is read with its heading path; a problem heading with its whole section.
* Forward-looking parts (下一步, 巩固整改成果, 今后 …; one detector for the whole package,
  :func:`pipeline.outline.forward_looking_sections`) and planned measures are never targets.
* No global cosine cut-off.  Each issue's best score is judged against that issue's own
  score distribution over the report (robust z of a target over the median, times the share
  of the issue's terms the target covers, for the strongest of its top-k ranked targets: a
  heading's section may cover a problem its items each answer in part), the agreement between the word and
  the character view, and a structural prior (numbered problems tend to map to numbered
  headings in order).  The constants of that calibration live in ``calibration_`` and are
  saved with the model (skops).
* A scikit-learn estimator: ``fit(issues)`` learns the issue side (texts, vocabularies,
  term counts, hierarchy, calibration) into ``*_`` attributes; a report is judged without
  touching the estimator.  The IDF is per report (over the issues and that report's
  targets), so :func:`report_tfidf` computes it at decision time and nothing keeps it.
  Decisions are arrays (:class:`MatchDecision`); :func:`matches_from_decision` turns them
  into the ``Match`` records the pipeline writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import chain

import numpy as np
from scipy import sparse

from pipeline.deferred import deferred_imports
from pipeline.extract.measures import ledger_rows
from pipeline.lang.cues import (APPENDIX_LINE, CONTACT, FORWARD_INTRO, FORWARD_SPOKEN, MATTER_HEADING, NAMED_FINDING,
                               PROBLEM_REFERENCE, PROCESS_WORDS, RESTATED_HEADING, RESTATED_NAME, is_plan)
from pipeline.lang.markers import CIRCLED, ENCLOSED, PROBLEM_NUMBER
from pipeline.lang.numerals import marker_number
from pipeline.lang.text import char_pairs, lines, sentence_bounds, sentence_spans, strip_span
from pipeline.nlp.segmenter import load_segmenter
from pipeline.normalize import normalize
from pipeline.outline import forward_looking_sections
from pipeline.records import Issue, Match, Measure, Section

with deferred_imports("sklearn"):
    from sklearn.base import BaseEstimator
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
    from sklearn.utils.validation import check_is_fitted

LEXICON_NAME = "problem_action_terms.tsv"

_LABEL_RE = re.compile(r"^\s*(?:\d{1,3}[.、]|\(\d{1,3}\)|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、是]"
                       rf"|[{CIRCLED}{ENCLOSED}])")
_NONWORD_RE = re.compile(r"[\s\d.,;:!?()\[\]“”‘’\"'《》、。—…·%+\-/_]+")

DEFAULT_CALIBRATION = {
    # weight of the word view in the combined similarity (the rest is the character view)
    "word_weight": 0.5,
    # floor of the robust scale (MAD * 1.4826) of an issue's scores, for very sparse rows
    "z_scale_floor": 0.015,
    # ranking: subtract this share of a target's mean score over its 3 closest issues (hubness)
    "hub_weight": 0.25,
    # evidence = z * coverage of the strongest of the top_k ranked targets + order_weight * in_order
    #            + agreement_weight * agree
    "order_weight": 0.3,
    "agreement_weight": 0.2,
    "threshold": 1.75,
    # a heading enters the in-order alignment when z * coverage exceeds this
    "order_min_strength": 1.0,
    # ranking bonus of the targets under the heading the in-order alignment assigns
    "order_bonus": 0.02,
    # a further target of an addressed issue is also marked addressed when its z * coverage
    # reaches this fraction of the best one's
    "secondary_ratio": 0.6,
}


# ----------------------------------------------------------------------------- lexicon / text


@lru_cache(maxsize=4)
def load_lexicon(name: str = LEXICON_NAME) -> dict[str, list]:
    """shortfall / generic stop phrases, synonym pairs and object terms from ``models/``."""
    out: dict[str, list] = {"shortfall": [], "generic": [], "synonym": [], "object": []}
    raw = (resources.files("pipeline.models") / name).read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        kind = parts[0].strip()
        if kind == "synonym" and len(parts) >= 3:
            out["synonym"].append([parts[1].strip(), parts[2].strip()])
        elif kind in out and len(parts) >= 2:
            out[kind].append(parts[1].strip())
    return out


class _TextRewriter:
    """Synonym folding and stop-phrase removal compiled from a lexicon dict."""

    def __init__(self, lexicon: dict[str, list]) -> None:
        syn = {a: b for a, b in lexicon["synonym"]}
        for b in list(syn.values()) + list(lexicon["object"]):
            syn.setdefault(b, b)  # canonical forms and objects match as themselves (longest first)
        self.syn = syn
        keys = sorted(syn, key=len, reverse=True)
        self.syn_re = re.compile("|".join(map(re.escape, keys))) if keys else None
        stops = set(lexicon["shortfall"]) | set(lexicon["generic"])
        protected = set(syn.values()) | set(lexicon["object"])
        self.stops = stops
        self.stop_re = re.compile("|".join(map(re.escape, sorted(stops, key=len, reverse=True))))
        # keep objects whole: match them before stop phrases
        self.keep_re = re.compile("|".join(map(re.escape, sorted(protected, key=len, reverse=True))))

    def clean(self, text: str) -> str:
        text = _LABEL_RE.sub(" ", normalize(text))
        if self.syn_re is not None:
            text = self.syn_re.sub(lambda m: f" {self.syn[m.group(0)]} ", text)
        text = _NONWORD_RE.sub(" ", text)
        # remove stop phrases outside protected objects
        pieces = []
        pos = 0
        for m in self.keep_re.finditer(text):
            pieces.append(self.stop_re.sub(" ", text[pos:m.start()]))
            pieces.append(f" {m.group(0)} ")
            pos = m.end()
        pieces.append(self.stop_re.sub(" ", text[pos:]))
        return re.sub(r"\s+", " ", "".join(pieces)).strip()


# ----------------------------------------------------------------------------- targets


@dataclass(slots=True)
class Target:
    """A place of the report that can answer an issue."""

    kind: str  # section | measure | row (a ledger row) | paragraph (target_id: its start)
    target_id: int
    start: int
    end: int
    section_id: int | None  # the problem heading it belongs to (itself for a section)
    order: int  # index of that heading among the answer headings (structural prior)
    text: str  # what is scored: heading path + body
    status: str | None = None
    label: str = ""  # its problem heading's own marker (问题2:), where the report numbers the problems it answers


def forward_extents(text: str, sections: list[Section], forward: set[int] | frozenset[int] | None = None
                    ) -> list[tuple[int, int]]:
    """(start, end) of each forward-looking top section (:func:`pipeline.outline.forward_looking_sections`;
    ``forward``: those ids when the caller already found them, once per report)."""
    ids = forward_looking_sections(text, sections) if forward is None else forward
    return [(s.start, _before_appendix(text, s.start, s.body_end)) for s in sorted(sections, key=lambda s: s.start)
            if s.section_id in ids and s.parent_id not in ids]


def _before_appendix(text: str, start: int, end: int) -> int:
    """``end``, or where an appendix line stands inside ``[start, end)`` (附件:…整改台账): the plans part
    ends there (a ledger appended after 下一步打算 states what was done)."""
    for s, _, line in lines(text[start:end]):
        if s > 0 and APPENDIX_LINE.match(line.lstrip()):
            return start + s
    return end


def build_targets(text: str, sections: list[Section], measures: list[Measure], *,
                  forward: set[int] | frozenset[int] | None = None) -> list[Target]:
    """Answer headings (the headings measures answer) and measures, minus plans (``forward``: the
    report's forward-looking section ids, when the caller already has them)."""
    return targets_and_plan_paragraphs(text, sections, measures, forward=forward)[0]


def _line_at(text: str, pos: int) -> str:
    """The line that starts at ``pos`` (a heading), stripped."""
    end = text.find("\n", pos)
    return text[pos:end if end >= 0 else len(text)].strip()


def targets_and_plan_paragraphs(text: str, sections: list[Section], measures: list[Measure], *,
                                forward: set[int] | frozenset[int] | None = None) -> tuple[list[Target], list[Target]]:
    """:func:`build_targets`'s answer places, and the plan paragraphs of a report in themed prose (its
    :func:`prose_targets` are found once, for both)."""
    text = normalize(text)
    forward = forward_extents(text, sections, forward)
    by_id = {s.section_id: s for s in sections}

    def is_forward(pos: int) -> bool:
        return any(a <= pos < b for a, b in forward)

    def path_titles(sid: int | None) -> str:
        parts = []
        seen = set()
        while sid is not None and sid in by_id and sid not in seen:
            seen.add(sid)
            parts.append(by_id[sid].title)
            sid = by_id[sid].parent_id
        return " ".join(reversed(parts))

    rows = ledger_rows(text)
    row_lines = {row.line_start for row in rows}  # a 整改台账 row numbered 1, 2 … is a measure too: the row answers
    live = [m for m in measures if m.status != "planned" and not is_forward(m.start) and m.start not in row_lines]
    heading_ids = sorted({m.section_id for m in live if m.section_id in by_id}, key=lambda i: by_id[i].start)
    parents = {s.parent_id for s in sections}
    top = min((s.level for s in sections), default=1)
    leaves = [s.section_id for s in sorted(sections, key=lambda s: s.start)  # the leaf sections outside the plans part
              if s.section_id not in parents and s.level > top and not is_forward(s.start)]
    if not heading_ids:  # no enumerated measures: every leaf section
        heading_ids = leaves
    else:  # beside them, a leaf section without measures that restates a problem ((十)关于“X”问题 answered in one
        held = set(heading_ids)  # unnumbered paragraph among sections of 1. 2. 3.), not a measure's own heading
        measure_heads = {m.start for m in measures}
        restating = [i for i in leaves if i not in held and by_id[i].start not in measure_heads
                     and RESTATED_HEADING.match(_line_at(text, by_id[i].start))]
        # and a top heading with no sections under it whose own paragraphs answer (四、强化监督执纪\n对县人民医院违规
        # 采购…立案调查) among headings whose answers are numbered measures
        measured = {m.section_id for m in measures}
        bare = [s.section_id for s in sections if s.level == top and s.section_id not in parents
                and s.section_id not in measured and s.start not in measure_heads and not is_forward(s.start)
                and s.body_end - s.end >= MIN_PARAGRAPH
                and not _own_account(text, s.end, s.body_end)]
        heading_ids = sorted([*heading_ids, *restating, *bare], key=lambda i: by_id[i].start)
    order = {sid: k for k, sid in enumerate(heading_ids)}
    targets: list[Target] = []
    measure_starts = {m.start for m in live}
    for sid in heading_ids:
        s = by_id[sid]
        if s.start in measure_starts:  # a paragraph measure that is its own heading: keep the measure
            continue
        targets.append(Target("section", sid, s.start, s.body_end, sid, order[sid],
                              path_titles(s.parent_id) + " " + text[s.start:s.body_end], label=s.label))
    for m in live:
        targets.append(Target("measure", m.measure_id, m.start, m.end, m.section_id,
                              order.get(m.section_id, -1),
                              path_titles(m.section_id) + " " + text[m.start:m.end], m.status,
                              label=by_id[m.section_id].label if m.section_id in by_id else ""))
    for k, row in enumerate(rows):  # a 整改台账 row answers its problem
        if row.status != "planned" and not is_forward(row.start):
            targets.append(Target("row", k, row.start, row.end, None, -1, text[row.start:row.end], row.status))
    answers, plans = prose_targets(text, targets, forward)  # a report in themed prose: its paragraphs
    targets += answers
    targets.sort(key=lambda t: (t.start, t.kind != "section"))
    return targets, plans


#: the shortest body paragraph that is an answer place of its own (shorter lines are titles,
#: signatures, dates and headings the outline did not take)
MIN_PARAGRAPH = 40


def prose_places(text: str, covered: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The answer paragraphs and the plan paragraphs of a report written in themed prose (聚焦理论武装，推动
    学习走深走实。…), with no heading or enumerated measure to carry its answers: body paragraphs (lines of
    ``MIN_PARAGRAPH`` characters or more with a full stop, before an appendix line) that none of the
    ``covered`` spans (ledger rows, the plans part) touches.  Left out: the rectification's own account
    (every sentence names 巡视/巡察/整改) and the closing appeal (欢迎…监督, 联系电话).  Plans: a paragraph
    whose first sentence states only a plan, and from one that opens with 下一步/今后 on, every paragraph."""
    answers: list[tuple[int, int]] = []
    plans: list[tuple[int, int]] = []
    onward = False
    for start, end, line in lines(text):
        if start > 0 and APPENDIX_LINE.match(line.strip()):
            break
        if len(line.strip()) < MIN_PARAGRAPH or "。" not in line or any(a < end and start < b for a, b in covered):
            continue
        start, end = strip_span(text, start, end)
        first = text[start:sentence_bounds(text, start)[1]]
        spoken = FORWARD_SPOKEN.match(first) is not None  # 厅党组表示,下一步将对近三年审计、巡视发现的问题建立整改台账
        if CONTACT.search(line) or not spoken and _own_account(text, start, end):
            continue
        onward = onward or bool(FORWARD_INTRO.match(first)) or spoken
        (plans if onward or is_plan(first) else answers).append((start, end))
    return answers, plans


def _own_account(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` tells of the rectification itself (成立整改领导小组, 召开巡察整改专题会): every sentence
    names the inspection or the rectification, none a finding it handles."""
    return all(PROCESS_WORDS.search(text, a, b) and not NAMED_FINDING.search(text, a, b)
               for a, b in sentence_spans(text, start, end))


def prose_targets(text: str, targets: list[Target], forward: list[tuple[int, int]]) -> tuple[list[Target], list[Target]]:
    """Answer and plan targets of the paragraphs (:func:`prose_places`) of a report whose ``targets`` hold
    no heading and no measure (none when they do: its answers are there)."""
    if any(t.kind in ("section", "measure") for t in targets):
        return [], []
    covered = [(t.start, t.end) for t in targets] + [(r.start, r.end) for r in ledger_rows(text)] + forward
    answers, plans = prose_places(text, covered)
    return ([Target("paragraph", a, a, b, None, -1, text[a:b]) for a, b in answers],
            [Target("paragraph", a, a, b, None, -1, text[a:b], "planned") for a, b in plans])


# ----------------------------------------------------------------------------- term counts


def _analyzer(view: str, char_ngram: tuple[int, int]):
    """The term analyzer of a view: space-separated words, or character n-grams inside words."""
    if view == "word":
        return CountVectorizer(tokenizer=str.split, token_pattern=None, lowercase=False).build_analyzer()
    return CountVectorizer(analyzer="char_wb", ngram_range=tuple(char_ngram), lowercase=False).build_analyzer()


def count_terms(docs: list[str], analyzer, vocabulary: dict[str, int]) -> tuple[dict[str, int], sparse.csr_matrix]:
    """Term counts of ``docs`` in one pass; terms not in ``vocabulary`` get the next numbers in
    order of first appearance (a new dict is returned, ``vocabulary`` is not changed).

    Each row's entries are in column order, as scikit-learn's ``CountVectorizer`` leaves them
    before it renumbers the columns alphabetically.  Python touches each document's distinct
    terms once (to number the new ones); the counting and the ordering are one numpy sort of
    (row, column) keys over the whole corpus.
    """
    vocab = dict(vocabulary)
    numbers: list[int] = []
    lengths: list[int] = []
    for doc in docs:
        terms = analyzer(doc)
        for term in dict.fromkeys(terms):  # first appearances, in order
            if term not in vocab:
                vocab[term] = len(vocab)
        numbers += map(vocab.__getitem__, terms)
        lengths.append(len(terms))
    width = max(len(vocab), 1)
    rows = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)
    keys, counts = np.unique(rows * width + np.asarray(numbers, dtype=np.int64), return_counts=True)
    indptr = np.zeros(len(docs) + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys // width, minlength=len(docs)), out=indptr[1:])
    matrix = sparse.csr_matrix((counts.astype(np.float64), keys % width, indptr), shape=(len(docs), len(vocab)))
    return vocab, matrix


def report_tfidf(issue_counts, vocabulary: dict[str, int], target_docs: list[str], analyzer) -> sparse.csr_matrix:
    """L2-normed sublinear TF-IDF rows of the issues, then of one report's targets.

    The per-report transform step.  The IDF is taken over the issues and this report's targets
    (a term every place of this report uses tells little about which place answers), so it is
    computed here, per report, from the issue counts learned in ``fit`` plus the targets' counts;
    nothing is stored.  The matrix is, entry for entry, what one
    ``TfidfVectorizer(sublinear_tf=True).fit_transform(issue_docs + target_docs)`` returns:
    columns in alphabetical term order, each row's entries in order of the terms' first appearance
    (the layout scikit-learn leaves), so every sum runs in the same order and the scores are
    bit-identical to fitting one vectorizer per report.
    """
    vocab, targets = count_terms(target_docs, analyzer, vocabulary)
    n_issues = issue_counts.shape[0]
    if not vocab:  # nothing to weigh on either side: every similarity is 0
        return sparse.csr_matrix((n_issues + len(target_docs), 1))
    issues = sparse.csr_matrix((issue_counts.data, issue_counts.indices, issue_counts.indptr),
                               shape=(n_issues, len(vocab)))
    counts = sparse.vstack([issues, targets], format="csr")
    alphabetical = np.empty(len(vocab), dtype=counts.indices.dtype)
    for rank, term in enumerate(sorted(vocab)):
        alphabetical[vocab[term]] = rank
    counts = sparse.csr_matrix((counts.data, alphabetical[counts.indices], counts.indptr), shape=counts.shape)
    return sparse.csr_matrix(TfidfTransformer(sublinear_tf=True).fit_transform(counts))


# ----------------------------------------------------------------------------- decisions


#: places of no similarity (0) read beside a report's own in each issue's score distribution: a text unrelated
#: to the problem is what an answer must stand out from.  A small report (a ledger of three rows, a heading and
#: its two items) has most of its places near the problem, which made its answer no outlier (robust z 0.7 for
#: the best of five places, 0.67 for the better of two whatever the scores); in a long report they change little
UNRELATED_PLACES = 5


def _robust_z_rows(scores: np.ndarray, floor: float) -> np.ndarray:
    """Robust z of each row within itself and ``UNRELATED_PLACES`` zeros: (x - median) / max(MAD * 1.4826, floor),
    all rows at once."""
    base = scores
    if scores.shape[1]:
        base = np.hstack([scores, np.zeros((scores.shape[0], UNRELATED_PLACES))])
    med = np.median(base, axis=1, keepdims=True)
    mad = np.median(np.abs(base - med), axis=1, keepdims=True) * 1.4826
    return (scores - med) / np.maximum(mad, floor)


def _coverage_matrix(M, n_issues: int) -> np.ndarray:
    """cov[i, j]: share of issue i's squared TF-IDF mass on features present in target j.

    Issue rows are L2-normed, so the row total is 1 (0 for an empty issue).
    """
    issues = M[:n_issues].multiply(M[:n_issues])
    present = (M[n_issues:] > 0).astype(np.float64)
    return np.asarray((issues @ present.T).todense())


#: Share of a heading's problem name (关于档案管理的问题: 档案管理) whose character pairs a problem must hold for the
#: heading to name it; no other problem may hold as much.
ECHO_SHARE = 0.75


def heading_echoes(issue_texts: list[str], levels: list[int], target_texts: list[str],
                   labels: list[str] | None = None) -> np.ndarray:
    """echo[i, j]: target j's heading names problem i (八、关于档案管理的问题 over the answer to 上轮巡察指出的村级
    档案管理混乱问题整改不到位,…): the one problem holding most of the name's character pairs, at least
    :data:`ECHO_SHARE` of them.  Why: a report that answers under short names of its own shares few words with
    the feedback's long wording, yet says outright which problem each part answers.  A part whose heading is the
    problem's number alone (``labels``: 问题2:…) names the list's second problem."""
    echo = np.zeros((len(issue_texts), len(target_texts)), dtype=bool)
    problems = [i for i, level in enumerate(levels) if level == 2]
    own = {i: char_pairs(issue_texts[i]) for i in problems}
    numbers = _problem_numbers(labels, len(problems)) if labels else [None] * len(target_texts)
    for j, text in enumerate(target_texts):
        if numbers[j] is not None:  # 问题2:…, the problem named by its number alone
            echo[problems[numbers[j] - 1], j] = True
            continue
        # …(对应反馈问题第5项): the place says which problem it answers; a broad place holding several such notes says
        # it of none (its parts do)
        if len(refs := PROBLEM_REFERENCE.findall(text)) == 1:
            for n in map(int, re.findall(r"\d+", refs[0])):
                if 1 <= n <= len(problems):
                    echo[problems[n - 1], j] = True
        for m in chain(RESTATED_NAME.finditer(text), MATTER_HEADING.finditer(text)):
            name = char_pairs(m.group(1))
            if len(name) < 2:
                continue
            shares = sorted(((len(name & own[i]) / len(name), i) for i in problems), reverse=True)
            if shares and shares[0][0] >= ECHO_SHARE and (len(shares) == 1 or shares[1][0] < shares[0][0]):
                echo[shares[0][1], j] = True
    return echo


def _problem_numbers(labels: list[str], n_problems: int) -> list[int | None]:
    """Per target, the feedback problem its heading names by number (问题2:), where the report numbers its parts
    问题1 … 问题N once each, in order, one for every problem of the list; None everywhere else (a report that
    numbers afresh under each field, or numbers only the problems it answers, names none by number)."""
    found = [PROBLEM_NUMBER.match(label) for label in labels]
    values = [None if m is None else int(m.group("n")) if m.group("n").isdigit() else marker_number(m.group("n"))
              for m in found]
    numbered = [v for v in values if v is not None]
    if (not n_problems or list(dict.fromkeys(numbered)) != list(range(1, n_problems + 1))
            or any(b < a for a, b in zip(numbered, numbered[1:]))):
        return [None] * len(labels)
    return values


def _monotone_alignment(gain: np.ndarray) -> list[int]:
    """Best non-decreasing assignment of issues (rows, in order) to headings (cols, in order).

    Several issues may share a heading, any issue may stay unassigned; maximises the summed
    positive gain.  Returns the column per row (-1 = unassigned).
    """
    n, m = gain.shape
    if n == 0 or m == 0:
        return [-1] * n
    g = np.maximum(gain, 0.0)
    f = np.zeros((n + 1, m))
    for i in range(n):
        f[i + 1] = np.maximum.accumulate(f[i] + g[i])
    out = [-1] * n
    j = m - 1
    i = n - 1
    at, gain_at = f.item, g.item  # the walk back reads single numbers: Python floats, not numpy scalars
    while i >= 0:
        if j > 0 and _isclose(at(i + 1, j), at(i + 1, j - 1)):
            j -= 1
            continue
        if gain_at(i, j) > 0 and _isclose(at(i + 1, j), at(i, j) + gain_at(i, j)):
            out[i] = j
        i -= 1
    return out


def _isclose(a: float, b: float) -> bool:
    """``numpy.isclose`` on two finite numbers (its default tolerances), without building arrays."""
    return abs(a - b) <= 1e-08 + 1e-05 * abs(b)


def propagate_decisions(addressed: np.ndarray, parent_index: np.ndarray, levels: list[int]) -> np.ndarray:
    """Decisions along the issue hierarchy, deepest parents first; returns a new array.

    An aspect (level 1) with problems is addressed when one of its problems is: its own
    title is a heading-like summary that matches loosely.  A problem with concrete
    manifestations (具体表现, level 3) is addressed on its own evidence or when one of its
    manifestations is: a short manifestation carries less evidence than the problem it
    details, so it may add an answer, never veto the problem's own.
    """
    out = np.array(addressed, dtype=bool)
    parents = list(dict.fromkeys(int(p) for p in parent_index if p >= 0))  # in order of their first child
    for p in sorted(parents, key=lambda p: -levels[p]):
        any_child = bool(out[parent_index == p].any())
        out[p] = any_child if levels[p] <= 1 else (out[p] or any_child)
    return out


@dataclass(frozen=True, slots=True)
class MatchDecision:
    """One report judged against a fitted list: arrays over the issues (rows) and the report's targets.

    ``ranking[i]`` are target indices, best first (at most ``top_k``); ``ranked_addressed[i, r]``
    says whether the target at rank r+1 answers issue i; ``z``, ``coverage``, ``agreement`` and
    ``in_order`` are the parts of the evidence: of the strongest ranked target (its z * coverage).
    """

    scores: np.ndarray  # (n_issues, n_targets) combined word/character similarity
    ranking: np.ndarray  # (n_issues, k) int
    evidence: np.ndarray  # (n_issues,)
    addressed: np.ndarray  # (n_issues,) bool, after the issue hierarchy
    ranked_addressed: np.ndarray  # (n_issues, k) bool
    z: np.ndarray  # (n_issues,)
    coverage: np.ndarray  # (n_issues,)
    agreement: np.ndarray  # (n_issues,) 0.0 / 1.0
    in_order: np.ndarray  # (n_issues,) 0.0 / 1.0
    rank_scores: np.ndarray | None = None  # (n_issues, n_targets) what ranks: scores - hubness + order bonus


def matches_from_decision(decision: MatchDecision, targets: list[Target], issue_ids: list[str],
                          doc_id: str | None = None) -> list[Match]:
    """The ``Match`` records of a decision: one per ranked target, issues in list order."""
    out: list[Match] = []
    for i, iid in enumerate(issue_ids):
        for r, j in enumerate(decision.ranking[i]):
            t = targets[j]
            ranked = decision.scores if decision.rank_scores is None else decision.rank_scores
            out.append(Match(iid, doc_id or "", t.kind, t.target_id, round(float(ranked[i, j]), 6), r + 1,
                             bool(decision.ranked_addressed[i, r]), similarity=round(float(decision.scores[i, j]), 6),
                             target_start=t.start, target_end=t.end))
    return out


def _words(clean: str, seg, memo: dict[str, list[str]] | None = None) -> str:
    """Space-joined segmented words of two characters or more (single characters carry no object).

    ``memo`` (chunk -> its words) is shared by the texts of one call: the rewriter pads folded
    objects with spaces, so the same chunks recur across the problems of a list.
    """
    toks = []
    for chunk in clean.split():
        words = memo.get(chunk) if memo is not None else None
        if words is None:
            words = [w for w in (w.strip() for w in seg.cut(chunk)) if len(w) >= 2]
            if memo is not None:
                memo[chunk] = words
        toks.extend(words)
    return " ".join(toks)


def _words_all(cleans: list[str], seg) -> list[str]:
    """:func:`_words` of each cleaned text, each distinct chunk segmented once."""
    memo: dict[str, list[str]] = {}
    return [_words(c, seg, memo) for c in cleans]


def _calibration(overrides: dict | None) -> dict:
    """The default calibration with ``overrides``; an unknown key is an error, not a silent no-op."""
    unknown = set(overrides or {}) - set(DEFAULT_CALIBRATION)
    if unknown:
        raise ValueError(f"unknown calibration keys: {sorted(unknown)}; known: {sorted(DEFAULT_CALIBRATION)}")
    return {**DEFAULT_CALIBRATION, **(overrides or {})}


# ----------------------------------------------------------------------------- estimator


class IssueMatcher(BaseEstimator):
    """Scores report sections/measures against issues and decides which issues got an answer.

    A scikit-learn estimator: ``__init__`` stores the parameters as given, ``fit(issues)`` learns
    the issue side (cleaned texts, word and character-gram vocabularies and counts, the hierarchy,
    the calibration) into attributes ending with ``_`` and returns ``self``.  A report is then
    judged without changing the estimator: :meth:`score_targets`, :meth:`decision_function`,
    :meth:`predict` and :meth:`decide` return arrays over the fitted issues; :meth:`match` turns
    a decision into the ``Match`` records the pipeline uses.
    """

    def __init__(self, *, top_k: int = 3, char_ngram: tuple[int, int] = (2, 3),
                 calibration: dict | None = None, levels: tuple[int, ...] = (1, 2, 3),
                 use_order_prior: bool = True) -> None:
        self.top_k = top_k
        self.char_ngram = char_ngram
        self.calibration = calibration
        self.levels = levels
        self.use_order_prior = use_order_prior

    # -- fitting ------------------------------------------------------------------------
    def fit(self, issues: list[Issue], y=None) -> "IssueMatcher":
        """Learn the issue representations, the issue hierarchy and the calibration."""
        self.calibration_ = _calibration(self.calibration)
        lex = load_lexicon()
        self.lexicon_ = {k: [list(x) if isinstance(x, (list, tuple)) else x for x in v] for k, v in lex.items()}
        rewriter = _TextRewriter(self.lexicon_)
        seg = load_segmenter()
        kept = [it for it in issues if it.level in self.levels]
        self.issue_ids_ = [it.issue_id for it in kept]
        self.issue_parents_ = [it.parent_id for it in kept]
        self.issue_levels_ = [int(it.level) for it in kept]
        self.issue_texts_ = [it.text for it in kept]
        # a problem is described by its statement and its manifestations (具体表现) together
        details: dict[str, list[str]] = {}
        for it in kept:
            if it.level == 3 and it.parent_id is not None:
                details.setdefault(it.parent_id, []).append(it.text)
        self.issue_chars_ = [rewriter.clean(" ".join([it.text, *details.get(it.issue_id, [])]) if it.level == 2
                                            else it.text) for it in kept]
        self.issue_words_ = _words_all(self.issue_chars_, seg)
        pos = {iid: k for k, iid in enumerate(self.issue_ids_)}
        self.issue_parent_index_ = np.array([pos.get(p, -1) if p is not None else -1 for p in self.issue_parents_],
                                            dtype=np.int64)
        self.word_vocabulary_, self.issue_word_counts_ = count_terms(
            self.issue_words_, _analyzer("word", self.char_ngram), {})
        self.char_vocabulary_, self.issue_char_counts_ = count_terms(
            self.issue_chars_, _analyzer("char", self.char_ngram), {})
        return self

    # -- scoring ------------------------------------------------------------------------
    def _similarities(self, target_texts: list[str]):
        """Word-view and character-view cosines (n_issues, n_targets) and the character TF-IDF."""
        rewriter = _TextRewriter(self.lexicon_)
        seg = load_segmenter()
        t_chars = [rewriter.clean(t) for t in target_texts]
        t_words = _words_all(t_chars, seg)
        n = len(self.issue_ids_)
        W = report_tfidf(self.issue_word_counts_, self.word_vocabulary_, t_words, _analyzer("word", self.char_ngram))
        C = report_tfidf(self.issue_char_counts_, self.char_vocabulary_, t_chars, _analyzer("char", self.char_ngram))
        return (W[:n] @ W[n:].T).toarray(), (C[:n] @ C[n:].T).toarray(), C

    def score_targets(self, targets) -> np.ndarray:
        """Combined similarity, shape (n_issues, n_targets); targets are strings or :class:`Target`."""
        check_is_fitted(self)
        texts = [t.text if isinstance(t, Target) else str(t) for t in targets]
        if not texts:
            return np.zeros((len(self.issue_ids_), 0))
        sw, sc, _ = self._similarities(texts)
        w = self.calibration_["word_weight"]
        return w * sw + (1 - w) * sc

    def key_terms(self, texts: list[str]) -> list[list[str]]:
        """The words the word view sees in each text (shortfall and generic wording removed,
        variant names folded): what an issue and its answer share, shown to reviewers."""
        check_is_fitted(self)
        known = self._own_words()
        rewriter = _TextRewriter(self.lexicon_)
        seg = load_segmenter()
        memo: dict[str, list[str]] = {}
        return [(known[t] if t in known else _words(rewriter.clean(t), seg, memo)).split() for t in texts]

    def _own_words(self) -> dict[str, str]:
        """Fitted issue text -> its words, for the issues whose words came from their own text alone
        (not a problem read together with its manifestations): the list is not segmented twice."""
        detailed = {int(p) for p, level in zip(self.issue_parent_index_, self.issue_levels_) if level == 3 and p >= 0}
        return {text: words for k, (text, words, level) in enumerate(zip(self.issue_texts_, self.issue_words_,
                                                                         self.issue_levels_))
                if not (level == 2 and k in detailed)}

    # -- deciding -----------------------------------------------------------------------
    def _aligned_headings(self, strength: np.ndarray, orders: np.ndarray) -> np.ndarray:
        """Answer heading (its order) per issue from the in-order alignment, -1 for none.

        The in-order rows are the numbered problems, or the aspects of a list without problems;
        rows the alignment leaves out get -1.
        """
        cal = self.calibration_
        n_i = strength.shape[0]
        aligned = np.full(n_i, -1, dtype=np.int64)
        n_head = int(orders.max()) + 1 if orders.max() >= 0 else 0
        if not self.use_order_prior or not n_head:
            return aligned
        head_gain = np.zeros((n_i, n_head))
        for j in range(n_head):
            head_gain[:, j] = strength[:, orders == j].max(axis=1) - cal["order_min_strength"]
        top = 2 if 2 in self.issue_levels_ else 1
        rows = [i for i in range(n_i) if self.issue_levels_[i] == top]
        if rows:
            aligned[rows] = _monotone_alignment(head_gain[rows])
        return aligned

    def _inherit_headings(self, aligned: np.ndarray) -> np.ndarray:
        """A concrete manifestation inherits its problem's heading: answering it there is in order."""
        out = aligned.copy()
        for i, par in enumerate(self.issue_parent_index_):
            if self.issue_levels_[i] == 3 and par >= 0 and out[i] < 0:
                out[i] = out[par]
        return out

    def decide(self, targets: list[Target]) -> MatchDecision:
        """Rank targets per issue and decide addressed / unaddressed with per-issue calibration.

        Evidence of an issue = z * cov + order + agreement, where z is the robust z-score of a
        target within this issue's own score distribution over the report, cov the share of the
        issue's character-gram mass present in that target (how much of the problem's objects
        the answer mentions), both of the strongest (highest z * cov) of the issue's ranked
        targets: the ranking's first place may be one item of a heading whose whole section,
        ranked below it for its closeness to other problems too, is what covers the problem
        (a problem answered by two items of one heading).  Order is 1 when that target is under the heading the
        in-order alignment of numbered problems (of the aspects, in a list without problems)
        assigns, or for a 具体表现 sub-item the heading its problem was aligned to, agreement 1
        when the word and the character views pick the same heading.  Nothing is written onto
        the estimator.
        """
        check_is_fitted(self)
        n_i, n_t = len(self.issue_ids_), len(targets)
        if n_t == 0 or n_i == 0:
            return self._empty_decision(n_t)
        cal = self.calibration_
        sw, sc, C = self._similarities([t.text for t in targets])
        w = cal["word_weight"]
        s = w * sw + (1 - w) * sc
        cov = _coverage_matrix(C, n_i)
        z = _robust_z_rows(s, cal["z_scale_floor"])
        strength = np.maximum(z, 0.0) * cov  # per pair: distinctive and covering
        # a heading that names the problem it answers (关于档案管理的问题): that problem's answer, however few words
        echo = heading_echoes(self.issue_texts_, self.issue_levels_, [t.text for t in targets], [t.label for t in targets])
        strength = np.where(echo, np.maximum(strength, cal["threshold"]), strength)
        # hubness correction: a target close to every issue (a long generic section) is worth less
        hub = np.sort(s, axis=0)[-min(3, n_i):].mean(axis=0)
        rank_score = s - cal["hub_weight"] * hub + echo
        orders = np.array([t.order for t in targets])
        aligned = self._aligned_headings(strength, orders)
        for i in np.flatnonzero(aligned >= 0):
            rank_score[i, orders == aligned[i]] += cal["order_bonus"]
        aligned = self._inherit_headings(aligned)

        rows = np.arange(n_i)
        ranking = np.argsort(-rank_score, axis=1, kind="stable")[:, : max(self.top_k, 1)]
        best = ranking[:, 0]
        heading = np.array([-1 if t.section_id is None else t.section_id for t in targets])
        best_s = s[rows, best]
        agree = ((heading[sw.argmax(axis=1)] == heading[sc.argmax(axis=1)]) & (best_s > 0)).astype(np.float64)
        ranked_strength = np.take_along_axis(strength, ranking, axis=1)
        strongest = ranking[rows, ranked_strength.argmax(axis=1)]
        in_order = ((aligned >= 0) & (orders[strongest] == aligned)).astype(np.float64)
        evidence = strength[rows, strongest] + cal["order_weight"] * in_order + cal["agreement_weight"] * agree
        evidence[best_s <= 0] = 0.0
        addressed = propagate_decisions(evidence >= cal["threshold"], self.issue_parent_index_, self.issue_levels_)
        secondary = ranked_strength >= cal["secondary_ratio"] * ranked_strength[:, :1]
        secondary[:, 0] = True
        return MatchDecision(s, ranking, evidence, addressed, addressed[:, None] & secondary,
                             z[rows, strongest], cov[rows, strongest], agree, in_order, rank_score)

    def _empty_decision(self, n_targets: int) -> MatchDecision:
        """No targets or no issues: nothing ranked, nothing addressed."""
        n = len(self.issue_ids_)
        zeros = np.zeros(n)
        return MatchDecision(np.zeros((n, n_targets)), np.zeros((n, 0), dtype=np.int64), zeros,
                             np.zeros(n, dtype=bool), np.zeros((n, 0), dtype=bool), zeros, zeros, zeros, zeros)

    def decision_function(self, targets: list[Target]) -> np.ndarray:
        """Evidence per issue, shape (n_issues,): addressed when it reaches ``calibration_['threshold']``."""
        return self.decide(targets).evidence

    def predict(self, targets: list[Target]) -> np.ndarray:
        """Addressed per issue (after the issue hierarchy), boolean array of shape (n_issues,)."""
        return self.decide(targets).addressed

    def match(self, report_text: str, sections: list[Section], measures: list[Measure], *,
              doc_id: str | None = None, targets: list[Target] | None = None) -> list[Match]:
        """Top-k report places per issue, with the per-issue addressed decision on each row."""
        targets = targets if targets is not None else build_targets(report_text, sections, measures)
        return matches_from_decision(self.decide(targets), targets, self.issue_ids_, doc_id)

    # -- persistence --------------------------------------------------------------------
    # skops is imported here, not at the top: it adds ~0.9 s to every run's start-up
    # (measured), and only saving or loading a fitted matcher needs it.
    def save(self, path) -> None:
        """Persist with skops (never pickle)."""
        import skops.io as sio

        sio.dump(self, path)

    @classmethod
    def load(cls, path) -> "IssueMatcher":
        """Load a matcher saved by :meth:`save`, trusting only this module's and builtin types."""
        import skops.io as sio

        untrusted = sio.get_untrusted_types(file=path)
        allowed = [t for t in untrusted if t.startswith("pipeline.matching.matcher.") or t.startswith("builtins.")
                   or t.startswith("scipy.sparse.")]
        obj = sio.load(path, trusted=allowed)
        if not isinstance(obj, cls):
            raise TypeError(f"{path} does not hold an IssueMatcher")
        return obj
