"""Scoring an extracted issue list against a feedback notice's gold problem list.

Pairing rule (issue: issue lists from real feedback): a predicted problem and a gold
problem pair up when their overlap covers at least half of each; pairs are one to one,
taken greedily by overlap.  Level-2 problems are scored; manifestations (level 3) and
aspects (level 1) are scored apart by the same rule.  A predicted problem that covers
half of a gold non-problem (praise, demand, pledge …) is counted as such a confusion.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.pairing import unit_key

Span = tuple[int, int]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _pairs(pred: list[Span], gold: list[Span]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) that each cover half of the other."""
    candidates = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = _overlap(p, g)
            if ov and 2 * ov >= p[1] - p[0] and 2 * ov >= g[1] - g[0]:
                candidates.append((ov, i, j))
    used_p, used_g, out = set(), set(), []
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


@dataclass(slots=True)
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Tally") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def tally(pred: Iterable[Span], gold: Iterable[Span]) -> Tally:
    pred, gold = list(pred), list(gold)
    n = len(_pairs(pred, gold))
    return Tally(n, len(pred) - n, len(gold) - n)


@dataclass(slots=True)
class NoticeScore:
    name: str
    layout: str
    problems: Tally
    manifestations: Tally
    aspects: Tally
    non_problems_listed: int  # predicted problems that are gold praise/demand/pledge …
    listed: bool  # the run produced a list at all
    #: multi-unit notices: share of paired problems with the gold unit, named with or without its party organ
    #: (省林业厅党组 for 省林业厅, 滨江市委 for 滨江市: pipeline.pairing.unit_key)
    unit_agreement: float | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)


def _spans(items: Iterable[dict]) -> list[Span]:
    return [(int(i["start"]), int(i["end"])) for i in items]


def score_notice(name: str, gold: dict, predicted: list[dict], *, error: str | None = None) -> NoticeScore:
    """Score one notice; ``predicted`` rows carry level, start, end and (optionally) unit."""
    by_level = {lv: [p for p in predicted if int(p["level"]) == lv and p.get("start") is not None] for lv in (1, 2, 3)}
    pred_problems = _spans(by_level[2])
    gold_problems = _spans(gold["problems"])
    confused = 0
    non_problems = _spans(gold.get("non_problems", []))
    for p in pred_problems:
        if any(2 * _overlap(p, g) >= (g[1] - g[0]) for g in non_problems) and not any(
                _overlap(p, g) for g in gold_problems):
            confused += 1
    unit_agreement = None
    if any(g.get("unit") for g in gold["problems"]):
        pairs = _pairs(pred_problems, gold_problems)
        same = sum(1 for i, j in pairs if unit_key(by_level[2][i].get("unit")) == unit_key(gold["problems"][j].get("unit")))
        unit_agreement = same / len(pairs) if pairs else 0.0
    return NoticeScore(
        name=name,
        layout=gold.get("layout", "?"),
        problems=tally(pred_problems, gold_problems),
        manifestations=tally(_spans(by_level[3]), _spans(gold.get("manifestations", []))),
        aspects=tally(_spans(by_level[1]), _spans(gold.get("aspects", []))),
        non_problems_listed=confused,
        listed=bool(predicted),
        unit_agreement=unit_agreement,
        error=error,
    )


def summarize(scores: list[NoticeScore]) -> dict:
    """Micro-averaged figures overall and per layout."""
    overall, manif, aspects = Tally(), Tally(), Tally()
    layouts: dict[str, Tally] = {}
    for s in scores:
        overall.add(s.problems)
        manif.add(s.manifestations)
        aspects.add(s.aspects)
        layouts.setdefault(s.layout, Tally()).add(s.problems)
    return {
        "notices": len(scores),
        "problems": overall.as_dict(),
        "manifestations": manif.as_dict(),
        "aspects": aspects.as_dict(),
        "layouts": {k: v.as_dict() for k, v in sorted(layouts.items())},
        "without_list": [s.name for s in scores if not s.listed and s.problems.fn],
        "non_problems_listed": sum(s.non_problems_listed for s in scores),
    }
