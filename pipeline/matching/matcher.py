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
  score distribution over the report (robust z of the best target over the median,
  margin over the runner-up outside the best target's section), the agreement between the
  word and the character view, and a structural prior (numbered problems tend to map to
  numbered headings in order).  The constants of that calibration live in
  ``calibration_`` and are saved with the model (skops).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.feature_extraction.text import TfidfVectorizer

from pipeline.normalize import normalize
from pipeline.outline import forward_looking_sections
from pipeline.records import Issue, Match, Measure, Section

LEXICON_NAME = "problem_action_terms.tsv"

_LABEL_RE = re.compile(r"^\s*(?:\d{1,3}[.、]|\(\d{1,3}\)|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、是]|[①-⑳])")
_NONWORD_RE = re.compile(r"[\s\d.,;:!?()\[\]“”‘’\"'《》、。—…·%+\-/_]+")

DEFAULT_CALIBRATION = {
    # weight of the word view in the combined similarity (the rest is the character view)
    "word_weight": 0.5,
    # floor of the robust scale (MAD * 1.4826) of an issue's scores, for very sparse rows
    "z_scale_floor": 0.015,
    # ranking: subtract this share of a target's mean score over its 3 closest issues (hubness)
    "hub_weight": 0.25,
    # evidence = z_best * coverage_best + order_weight * in_order + agreement_weight * agree
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
    out: dict[str, list] = {"shortfall": [], "generic": [], "synonym": [], "object": [], "concrete": []}
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


class _FallbackSegmenter:
    """A private jieba.Tokenizer with the lexicon's objects, used until the domain one exists."""

    def __init__(self, words: list[str]) -> None:
        import jieba

        self._tok = jieba.Tokenizer()
        for w in words:
            self._tok.add_word(w, freq=20000)

    def cut(self, text: str) -> list[str]:
        return list(self._tok.cut(text, HMM=False))


@lru_cache(maxsize=1)
def _segmenter():
    try:
        from pipeline.nlp.tokenizer import load_segmenter
    except ImportError:
        return _FallbackSegmenter(load_lexicon()["object"])
    return load_segmenter()


# ----------------------------------------------------------------------------- targets


@dataclass(slots=True)
class Target:
    """A place of the report that can answer an issue."""

    kind: str  # section | measure
    target_id: int
    start: int
    end: int
    section_id: int | None  # the problem heading it belongs to (itself for a section)
    order: int  # index of that heading among the answer headings (structural prior)
    text: str  # what is scored: heading path + body
    status: str | None = None


def forward_extents(text: str, sections: list[Section]) -> list[tuple[int, int]]:
    """(start, end) of each forward-looking top section (:func:`pipeline.outline.forward_looking_sections`)."""
    ids = forward_looking_sections(text, sections)
    return [(s.start, s.body_end) for s in sorted(sections, key=lambda s: s.start)
            if s.section_id in ids and s.parent_id not in ids]


def build_targets(text: str, sections: list[Section], measures: list[Measure]) -> list[Target]:
    """Answer headings (the headings measures answer) and measures, minus plans."""
    text = normalize(text)
    forward = forward_extents(text, sections)
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

    live = [m for m in measures if m.status != "planned" and not is_forward(m.start)]
    heading_ids = sorted({m.section_id for m in live if m.section_id in by_id}, key=lambda i: by_id[i].start)
    if not heading_ids:  # no enumerated measures: the leaf sections outside the plans part
        parents = {s.parent_id for s in sections}
        top = min((s.level for s in sections), default=1)
        heading_ids = [s.section_id for s in sorted(sections, key=lambda s: s.start)
                       if s.section_id not in parents and s.level > top and not is_forward(s.start)]
    order = {sid: k for k, sid in enumerate(heading_ids)}
    targets: list[Target] = []
    measure_starts = {m.start for m in live}
    for sid in heading_ids:
        s = by_id[sid]
        if s.start in measure_starts:  # a paragraph measure that is its own heading: keep the measure
            continue
        targets.append(Target("section", sid, s.start, s.body_end, sid, order[sid],
                              path_titles(s.parent_id) + " " + text[s.start:s.body_end]))
    for m in live:
        targets.append(Target("measure", m.measure_id, m.start, m.end, m.section_id,
                              order.get(m.section_id, -1),
                              path_titles(m.section_id) + " " + text[m.start:m.end], m.status))
    targets.sort(key=lambda t: (t.start, t.kind != "section"))
    return targets


# ----------------------------------------------------------------------------- estimator


def _robust_z(row: np.ndarray, floor: float) -> np.ndarray:
    med = np.median(row)
    mad = np.median(np.abs(row - med)) * 1.4826
    return (row - med) / max(mad, floor)


def _coverage_matrix(M, n_issues: int) -> np.ndarray:
    """cov[i, j]: share of issue i's squared TF-IDF mass on features present in target j.

    Issue rows are L2-normed, so the row total is 1 (0 for an empty issue).
    """
    issues = M[:n_issues].multiply(M[:n_issues])
    present = (M[n_issues:] > 0).astype(np.float64)
    return np.asarray((issues @ present.T).todense())


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
    while i >= 0:
        if j > 0 and np.isclose(f[i + 1, j], f[i + 1, j - 1]):
            j -= 1
            continue
        if g[i, j] > 0 and np.isclose(f[i + 1, j], f[i, j] + g[i, j]):
            out[i] = j
        i -= 1
    return out


class IssueMatcher(BaseEstimator):
    """Scores report sections/measures against issues and decides which issues got an answer.

    Parameters are stored as given (scikit-learn convention); ``fit`` learns the issue
    representations and copies the calibration into ``calibration_``.
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
    def fit(self, issues: list[Issue], y=None):
        """Learn the issue representations (cleaned text, word tokens) and the calibration."""
        lex = load_lexicon()
        self.lexicon_ = {k: [list(x) if isinstance(x, (list, tuple)) else x for x in v] for k, v in lex.items()}
        rw = _TextRewriter(self.lexicon_)
        seg = _segmenter()
        self.calibration_ = dict(DEFAULT_CALIBRATION)
        self.calibration_.update(self.calibration or {})
        kept = [it for it in issues if it.level in self.levels]
        self.issue_ids_ = [it.issue_id for it in kept]
        self.issue_parents_ = [it.parent_id for it in kept]
        self.issue_levels_ = [int(it.level) for it in kept]
        self.issue_texts_ = [it.text for it in kept]
        self.issue_chars_ = [rw.clean(it.text) for it in kept]
        self.issue_words_ = [self._words(c, seg) for c in self.issue_chars_]
        return self

    @staticmethod
    def _words(clean: str, seg) -> str:
        toks = []
        for chunk in clean.split():
            for w in seg.cut(chunk):
                w = w.strip()
                if len(w) >= 2:
                    toks.append(w)
        return " ".join(toks)

    # -- scoring ------------------------------------------------------------------------
    def _views(self, target_texts: list[str], *, with_matrices: bool = False):
        rw = _TextRewriter(self.lexicon_)
        seg = _segmenter()
        t_chars = [rw.clean(t) for t in target_texts]
        t_words = [self._words(c, seg) for c in t_chars]
        n = len(self.issue_ids_)
        wv = TfidfVectorizer(tokenizer=str.split, token_pattern=None, lowercase=False, sublinear_tf=True)
        cv = TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(self.char_ngram), lowercase=False,
                             sublinear_tf=True)
        from scipy import sparse

        empty = sparse.csr_matrix((n + len(target_texts), 1))
        try:
            W = wv.fit_transform(self.issue_words_ + t_words).tocsr()
        except ValueError:  # empty vocabulary
            W = empty
        try:
            C = cv.fit_transform(self.issue_chars_ + t_chars).tocsr()
        except ValueError:
            C = empty
        sw = (W[:n] @ W[n:].T).toarray()
        sc = (C[:n] @ C[n:].T).toarray()
        if with_matrices:
            return sw, sc, W, C
        return sw, sc

    def score_targets(self, targets) -> np.ndarray:
        """Combined similarity, shape (n_issues, n_targets); targets are strings or :class:`Target`."""
        texts = [t.text if isinstance(t, Target) else str(t) for t in targets]
        if not texts:
            return np.zeros((len(self.issue_ids_), 0))
        sw, sc = self._views(texts)
        w = self.calibration_["word_weight"]
        return w * sw + (1 - w) * sc

    # -- deciding -----------------------------------------------------------------------
    def decide(self, targets: list[Target]) -> dict:
        """Rank targets per issue and decide addressed / unaddressed with per-issue calibration.

        Evidence of an issue = z * cov + order + agreement, where z is the robust z-score of
        the best target within this issue's own score distribution over the report, cov the
        share of the issue's character-gram mass present in that target (how much of the
        problem's objects the answer mentions), order 1 when the target is the heading the
        in-order alignment of numbered problems (of the aspects, in a list without problems)
        assigns, or for a 具体表现 sub-item the heading its problem was aligned to, agreement 1 when the word and the
        character views pick the same heading.  Returns ``ranking`` (issue -> [(target
        index, score)]), ``evidence``, ``addressed`` and per-issue ``details``.
        """
        cal = self.calibration_
        texts = [t.text for t in targets]
        n_i, n_t = len(self.issue_ids_), len(targets)
        if n_t == 0 or n_i == 0:
            return {"ranking": {i: [] for i in self.issue_ids_}, "evidence": {i: 0.0 for i in self.issue_ids_},
                    "addressed": {i: False for i in self.issue_ids_}, "details": {}}
        sw, sc, W, C = self._views(texts, with_matrices=True)
        w = cal["word_weight"]
        s = w * sw + (1 - w) * sc
        cov = _coverage_matrix(C, n_i)
        z = np.vstack([_robust_z(s[i], cal["z_scale_floor"]) for i in range(n_i)])
        strength = np.maximum(z, 0.0) * cov  # per pair: distinctive and covering
        # hubness correction: a target close to every issue (a long generic section) is worth less
        hub = np.sort(s, axis=0)[-min(3, n_i):].mean(axis=0)
        rank_score = s - cal["hub_weight"] * hub

        orders = np.array([t.order for t in targets])
        n_head = int(orders.max()) + 1 if orders.max() >= 0 else 0
        aligned = [-1] * n_i
        if self.use_order_prior and n_head:
            head_gain = np.zeros((n_i, n_head))
            for j in range(n_head):
                head_gain[:, j] = strength[:, orders == j].max(axis=1) - cal["order_min_strength"]
            # the in-order rows: the numbered problems, or the aspects of a list that has no problems
            top = 2 if 2 in self.issue_levels_ else 1
            rows = [i for i in range(n_i) if self.issue_levels_[i] == top]
            for r, a in zip(rows, _monotone_alignment(head_gain[rows]) if rows else []):
                aligned[r] = a
            for i, a in enumerate(aligned):
                if a >= 0:
                    rank_score[i, orders == a] += cal["order_bonus"]
            # a concrete manifestation inherits its problem's heading: answering it there is in order
            pos = {iid: k for k, iid in enumerate(self.issue_ids_)}
            for i in range(n_i):
                par = pos.get(self.issue_parents_[i]) if self.issue_levels_[i] == 3 else None
                if par is not None and aligned[i] < 0:
                    aligned[i] = aligned[par]

        ranking, evidence, addressed, details = {}, {}, {}, {}
        for i, iid in enumerate(self.issue_ids_):
            idx = np.argsort(-rank_score[i], kind="stable")
            b = int(idx[0])
            wbest, cbest = int(np.argmax(sw[i])), int(np.argmax(sc[i]))
            agree = float(targets[wbest].section_id == targets[cbest].section_id and s[i, b] > 0)
            in_order = float(aligned[i] >= 0 and targets[b].order == aligned[i])
            ev = float(strength[i, b] + cal["order_weight"] * in_order + cal["agreement_weight"] * agree)
            if s[i, b] <= 0:
                ev = 0.0
            ranking[iid] = [(int(j), float(s[i, j])) for j in idx[: max(self.top_k, 1)]]
            evidence[iid] = ev
            addressed[iid] = bool(ev >= cal["threshold"])
            details[iid] = {"z": float(z[i, b]), "cov": float(cov[i, b]), "agree": agree,
                            "in_order": in_order, "best": float(s[i, b]),
                            "strength": [float(strength[i, j]) for j in idx[: max(self.top_k, 1)]]}
        self._propagate(addressed)
        return {"ranking": ranking, "evidence": evidence, "addressed": addressed, "details": details}

    def _propagate(self, addressed: dict[str, bool]) -> None:
        """Decisions along the issue hierarchy, deepest level first.

        An aspect (level 1) with problems is addressed when one of its problems is: its own
        title is a heading-like summary that matches loosely.  A problem with concrete
        manifestations (具体表现, level 3) is addressed on its own evidence or when one of its
        manifestations is: a short manifestation carries less evidence than the problem it
        details, so it may add an answer, never veto the problem's own.
        """
        kids: dict[str, list[str]] = {}
        for iid, par in zip(self.issue_ids_, self.issue_parents_):
            if par is not None:
                kids.setdefault(par, []).append(iid)
        level = dict(zip(self.issue_ids_, self.issue_levels_))
        for iid in sorted(kids, key=lambda i: -level.get(i, 0)):
            if iid not in addressed:
                continue
            any_child = any(addressed.get(k, False) for k in kids[iid])
            addressed[iid] = any_child if level[iid] <= 1 else (addressed[iid] or any_child)

    def match(self, report_text: str, sections: list[Section], measures: list[Measure], *,
              doc_id: str | None = None, targets: list[Target] | None = None) -> list[Match]:
        """Top-k report places per issue, with the per-issue addressed decision on each row."""
        targets = targets if targets is not None else build_targets(report_text, sections, measures)
        res = self.decide(targets)
        ratio = self.calibration_["secondary_ratio"]
        out: list[Match] = []
        for iid in self.issue_ids_:
            rk = res["ranking"][iid]
            if not rk:
                continue
            st = res["details"][iid]["strength"]
            for r, (j, sc) in enumerate(rk, 1):
                t = targets[j]
                ok = res["addressed"][iid] and (r == 1 or st[r - 1] >= ratio * st[0])
                out.append(Match(iid, doc_id or "", t.kind, t.target_id, round(sc, 6), r, bool(ok)))
        return out

    # -- persistence --------------------------------------------------------------------
    def save(self, path) -> None:
        """Persist with skops (never pickle)."""
        import skops.io as sio

        sio.dump(self, path)

    @classmethod
    def load(cls, path) -> "IssueMatcher":
        import skops.io as sio

        untrusted = sio.get_untrusted_types(file=path)
        allowed = [t for t in untrusted if t.startswith("pipeline.matching.matcher.") or t.startswith("builtins.")]
        obj = sio.load(path, trusted=allowed)
        if not isinstance(obj, cls):
            raise TypeError(f"{path} does not hold an IssueMatcher")
        return obj
