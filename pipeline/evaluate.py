"""Score a run's tables against the ``*.gold.json`` annotations (the ``eval`` command).

Each gold file annotates one document; it is paired with the ``documents`` row
whose ``path`` has the gold's file name (fallback: the same ``n_chars`` as the
annotated text, when that text sits next to the gold folder).  Only predictions
of paired documents are scored; counts are summed over documents (micro average).

Categories (each a dict with tp, fp, fn, precision, recall, f1 and extras):

- ``outline``: sections matching a gold heading on (start, end, level, label);
  extra ``parent_correct``/``parent_accuracy`` over the matched ones (the parent
  is compared by its span).
- ``document``: the metadata fields (issuer, report_date, inspecting_body,
  inspected_unit, inspection_type, inspection_start/end against the gold
  inspection_period, feedback_date, as_of_date).  tp = right value, fn = gold
  value not produced correctly, fp = a produced value that is wrong.  Strings are
  compared after the pipeline's normalization, dates as ISO.
- ``quantities`` (exact span) and ``quantities_lenient`` (overlap and the same
  value); extra ``excluded_hits``: emitted quantities overlapping a gold
  ``excluded`` trap (they are also false positives).
- ``times`` (exact span) and ``times_lenient`` (overlap and the same normalized
  value, see :func:`time_value_matches`).  Predictions overlapping
  ``times_not_annotated`` and matching no gold item are neutral.  A composite
  range and its endpoint dates are alternatives: if the range is found its
  endpoints are not required, if any endpoint is found the range is not required.
- ``citations``: exact span; extra ``title_correct``.
- ``claims``: sentence exact span; predictions on ``claims_peripheral`` sentences
  are neutral.  ``claim_figures``: per gold figure, tp when the matched sentence
  carries the same field with the same value; extras ``span_correct`` (figure
  span exact) and ``as_of_correct``.
- ``measures``: exact span; extra ``status_accuracy`` over the matched ones.

``evaluate_extraction`` returns plain JSON-serializable data; ``format_report``
prints it as a table.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.matching.evaluate import evaluate_alignment
from pipeline.normalize import normalize
from pipeline.casting import iso_date

DOCUMENT_FIELDS: tuple[str, ...] = (
    "issuer",
    "report_date",
    "inspecting_body",
    "inspected_unit",
    "inspection_type",
    "inspection_start",
    "inspection_end",
    "feedback_date",
    "as_of_date",
)
_DATE_FIELDS = {"report_date", "inspection_start", "inspection_end", "feedback_date", "as_of_date"}
# claims-table columns that are not figures
_CLAIM_NON_FIGURES = {
    "doc_id", "start", "end", "text", "subject", "as_of", "consistent", "note", "figure_spans",
    "section_id", "page",
}
CATEGORY_ORDER: tuple[str, ...] = (
    "outline", "document", "quantities", "quantities_lenient", "times", "times_lenient",
    "citations", "claims", "claim_figures", "measures",
)


# --------------------------------------------------------------------------- small helpers


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _clean(value: Any) -> Any:
    """None for NaN/NA, plain Python scalars otherwise."""
    if _missing(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            return value.item()
        except (ValueError, AttributeError):
            return value
    return value


def _int(value: Any) -> int | None:
    value = _clean(value)
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _same_number(a: Any, b: Any) -> bool:
    a, b = _clean(a), _clean(b)
    if a is None or b is None:
        return a is None and b is None
    try:
        fa, fb = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return math.isclose(fa, fb, rel_tol=1e-9, abs_tol=1e-9)


def _iso(value: Any) -> str | None:
    """A date-ish cell as an ISO string (YYYY-MM-DD, or coarser as written)."""
    value = _clean(value)
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    s = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]00:00:00", s):
        return s[:10]
    return s or None


def _text(value: Any) -> str | None:
    value = _clean(value)
    if value is None:
        return None
    s = normalize(str(value)).strip()
    return s or None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """tp/fp/fn with precision, recall and F1 (empty sides score 1.0 only when nothing was missed)."""
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _greedy_match(
    gold: list[dict], pred: list[dict], fits: Callable[[dict, dict], bool]
) -> tuple[dict[int, int], set[int]]:
    """One-to-one matching: gold index -> pred index; the same-span prediction first, then text order."""
    used: set[int] = set()
    pairs: dict[int, int] = {}
    order = sorted(range(len(pred)), key=lambda j: (pred[j]["start"], pred[j]["end"]))
    for i in sorted(range(len(gold)), key=lambda i: (gold[i]["start"], gold[i]["end"])):
        g = gold[i]
        # an exact-span prediction is preferred, so lenient matching does not pair crosswise
        for j in sorted(order, key=lambda j: (pred[j]["start"], pred[j]["end"]) != (g["start"], g["end"])):
            if j not in used and fits(gold[i], pred[j]):
                pairs[i] = j
                used.add(j)
                break
    return pairs, used


def _exact(g: dict, p: dict) -> bool:
    return g["start"] == p["start"] and g["end"] == p["end"]


def _rows(table: pd.DataFrame | None, doc_id: Any) -> list[dict]:
    """Rows of one document with integer start/end, NaN as None."""
    if table is None or table.empty or "doc_id" not in table.columns:
        return []
    rows = []
    for record in table[table["doc_id"].astype(str) == str(doc_id)].to_dict("records"):
        row = {k: _clean(v) for k, v in record.items()}
        if "start" in row:
            row["start"], row["end"] = _int(row.get("start")), _int(row.get("end"))
            if row["start"] is None or row["end"] is None:
                continue
        rows.append(row)
    return rows


class _Tally:
    """tp/fp/fn plus named extra counters, summed over documents."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {"tp": 0, "fp": 0, "fn": 0}

    def add(self, **counts: int) -> None:
        for key, value in counts.items():
            self.counts[key] = self.counts.get(key, 0) + int(value)

    def result(self, ratios: dict[str, tuple[str, str]] | None = None) -> dict[str, Any]:
        out: dict[str, Any] = prf(self.counts["tp"], self.counts["fp"], self.counts["fn"])
        out.update({k: v for k, v in self.counts.items() if k not in out})
        for name, (num, den) in (ratios or {}).items():
            d = self.counts.get(den, 0)
            out[name] = round(self.counts.get(num, 0) / d, 4) if d else None
        return out


# --------------------------------------------------------------------------- time values


def _norm_every(value: Any) -> str | None:
    value = _clean(value)
    if value is None:
        return None
    s = str(value).strip().lower().replace("-", "_")
    m = re.fullmatch(r"(\d+)\s*([a-z_]+?)s?", s)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        return unit if n == 1 else f"{n} {unit}"
    return s[:-1] if s.endswith("s") and s[:-1] in {"day", "week", "month", "quarter", "year", "half_year"} else s


_DURATION = re.compile(r"P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?$")


def _duration_parts(value: Any) -> tuple[float, float] | None:
    """(months, days) of an ISO 8601 duration such as P1M, P6M, P1Y, P2W."""
    value = _clean(value)
    if value is None:
        return None
    m = _DURATION.match(str(value).strip().upper())
    if not m:
        return None
    years, months, weeks, days = (float(x) if x else 0.0 for x in m.groups())
    return years * 12 + months, weeks * 7 + days


def time_value_matches(gold_value: dict, pred: dict) -> bool:
    """Whether a times-table row carries the gold ``value``.

    Gold forms: {date}; {start, end}; {date, granularity, start, end} (a month);
    {every, times, min_times} (recurrence); {months}/{days}/{years} (duration).
    Null gold bounds of a fuzzy period are not compared.
    """
    if not isinstance(gold_value, dict):
        return False
    if "every" in gold_value:
        return (
            _norm_every(gold_value.get("every")) == _norm_every(pred.get("every"))
            and _same_number(gold_value.get("times"), pred.get("times"))
            and _same_number(gold_value.get("min_times"), pred.get("min_times"))
        )
    if any(k in gold_value for k in ("months", "days", "years", "weeks")):
        parts = _duration_parts(pred.get("duration"))
        if parts is None:
            return False
        months = float(gold_value.get("years", 0)) * 12 + float(gold_value.get("months", 0))
        days = float(gold_value.get("weeks", 0)) * 7 + float(gold_value.get("days", 0))
        return math.isclose(parts[0], months) and math.isclose(parts[1], days)
    if gold_value.get("date") is not None:
        if iso_date(_clean(pred.get("date")), _clean(pred.get("date_precision"))) == gold_value["date"]:
            return True
        # a month (or other coarse date) may be given as its first and last day instead
        if gold_value.get("start") and gold_value.get("end"):
            return _iso(pred.get("start_date")) == gold_value["start"] and _iso(pred.get("end_date")) == gold_value["end"]
        return False
    if "start" in gold_value or "end" in gold_value:
        for gold_key, pred_key in (("start", "start_date"), ("end", "end_date")):
            expected = gold_value.get(gold_key)
            if expected is None and gold_value.get("fuzzy"):
                continue
            if _iso(pred.get(pred_key)) != expected:
                return False
        return True
    return False


# --------------------------------------------------------------------------- categories


def _score_spans(
    tally: _Tally,
    gold: list[dict],
    pred: list[dict],
    fits: Callable[[dict, dict], bool],
    *,
    neutral: Iterable[tuple[int, int]] = (),
    alternatives: list[tuple[int, list[int]]] = (),
) -> tuple[dict[int, int], set[int]]:
    """Match, then count; returns the pairs and the unused predictions (before neutrals)."""
    pairs, used = _greedy_match(gold, pred, fits)
    not_required: set[int] = set()
    for composite, parts in alternatives:
        if composite in pairs:
            not_required.update(p for p in parts if p not in pairs)
        elif any(p in pairs for p in parts):
            not_required.add(composite)
    neutral = list(neutral)
    fp = 0
    for j, p in enumerate(pred):
        if j in used:
            continue
        span = (p["start"], p["end"])
        if any(_overlaps(span, n) for n in neutral):
            continue
        fp += 1
    fn = sum(1 for i in range(len(gold)) if i not in pairs and i not in not_required)
    tally.add(tp=len(pairs), fp=fp, fn=fn)
    return pairs, used


def _composite_groups(gold_times: list[dict]) -> list[tuple[int, list[int]]]:
    groups = []
    for i, g in enumerate(gold_times):
        if g.get("composite"):
            parts = [
                k
                for k, h in enumerate(gold_times)
                if k != i and not h.get("composite") and h["start"] >= g["start"] and h["end"] <= g["end"]
            ]
            groups.append((i, parts))
    return groups


def _score_outline(tally: _Tally, gold: dict, sections: list[dict]) -> None:
    outline = gold.get("outline", [])
    pred = [dict(s, level=_int(s.get("level"))) for s in sections]

    def fits(g: dict, p: dict) -> bool:
        return _exact(g, p) and g["level"] == p["level"] and _text(g["label"]) == _text(p.get("label"))

    pairs, _ = _score_spans(tally, outline, pred, fits)
    by_id = {_int(s.get("section_id")): s for s in pred}
    correct = 0
    for i, j in pairs.items():
        gold_parent = outline[i].get("parent")
        gold_span = None if gold_parent is None else (outline[gold_parent]["start"], outline[gold_parent]["end"])
        parent = by_id.get(_int(pred[j].get("parent_id")))
        pred_span = None if parent is None else (parent["start"], parent["end"])
        correct += gold_span == pred_span
    tally.add(parent_correct=correct)


def _score_document(tally: _Tally, gold: dict, row: dict, details: dict) -> None:
    block = gold.get("document", {})
    expected: dict[str, Any] = {name: block.get(name) for name in DOCUMENT_FIELDS}
    period = block.get("inspection_period")
    if isinstance(period, (list, tuple)) and len(period) == 2:
        expected["inspection_start"], expected["inspection_end"] = period
    fields = {}
    for name in DOCUMENT_FIELDS:
        want = expected.get(name)
        got = _iso(row.get(name)) if name in _DATE_FIELDS else _text(row.get(name))
        want_n = _iso(want) if name in _DATE_FIELDS else _text(want)
        ok = want_n is not None and got == want_n
        if want_n is None and got is None:
            continue
        fields[name] = {"gold": want_n, "pred": got, "correct": ok}
        tally.add(tp=int(ok), fn=int(want_n is not None and not ok), fp=int(got is not None and not ok))
    details[gold.get("document", {}).get("file", "?")] = fields


def _score_quantities(exact: _Tally, lenient: _Tally, gold: dict, pred: list[dict]) -> None:
    items = gold.get("quantities", [])
    pairs, _ = _score_spans(exact, items, pred, _exact)
    exact.add(
        value_correct=sum(_same_number(items[i].get("value"), pred[j].get("value")) for i, j in pairs.items()),
        unit_correct=sum(_text(items[i].get("unit")) == _text(pred[j].get("unit")) for i, j in pairs.items()),
        kind_correct=sum(items[i].get("kind") == pred[j].get("kind") for i, j in pairs.items()),
    )
    _score_spans(
        lenient,
        items,
        pred,
        lambda g, p: _overlaps((g["start"], g["end"]), (p["start"], p["end"])) and _same_number(g.get("value"), p.get("value")),
    )
    traps = [(e["start"], e["end"]) for e in gold.get("excluded", [])]
    hits = sum(1 for p in pred if any(_overlaps((p["start"], p["end"]), t) for t in traps))
    exact.add(excluded_hits=hits)
    lenient.add(excluded_hits=hits)


def _score_times(exact: _Tally, lenient: _Tally, gold: dict, pred: list[dict]) -> None:
    items = gold.get("times", [])
    neutral = [(n["start"], n["end"]) for n in gold.get("times_not_annotated", [])]
    groups = _composite_groups(items)
    pairs, _ = _score_spans(exact, items, pred, _exact, neutral=neutral, alternatives=groups)
    exact.add(
        value_correct=sum(time_value_matches(items[i].get("value"), pred[j]) for i, j in pairs.items()),
        kind_correct=sum(items[i].get("kind") == pred[j].get("kind") for i, j in pairs.items()),
    )
    _score_spans(
        lenient,
        items,
        pred,
        lambda g, p: _overlaps((g["start"], g["end"]), (p["start"], p["end"])) and time_value_matches(g.get("value"), p),
        neutral=neutral,
        alternatives=groups,
    )


def _score_citations(tally: _Tally, gold: dict, pred: list[dict]) -> None:
    items = gold.get("documents_cited", [])
    pairs, _ = _score_spans(tally, items, pred, _exact)
    tally.add(title_correct=sum(_text(items[i].get("title")) == _text(pred[j].get("title")) for i, j in pairs.items()))


def _figure_spans(value: Any) -> dict[str, tuple[int, int]]:
    value = _clean(value)
    if value is None:
        return {}
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return {}
    if not isinstance(value, dict):
        return {}
    out = {}
    for key, span in value.items():
        if isinstance(span, dict):
            span = (span.get("start"), span.get("end"))
        try:
            out[str(key)] = (int(span[0]), int(span[1]))
        except (TypeError, ValueError, IndexError):
            continue
    return out


def _pred_figures(row: dict) -> dict[str, Any]:
    return {
        k: v
        for k, v in row.items()
        if k not in _CLAIM_NON_FIGURES and v is not None and not isinstance(v, (str, bool))
    }


def _score_claims(sentences: _Tally, figures: _Tally, gold: dict, pred: list[dict]) -> None:
    items = gold.get("claims", [])
    peripheral = [(c["start"], c["end"]) for c in gold.get("claims_peripheral", [])]
    pairs, used = _score_spans(sentences, items, pred, _exact, neutral=peripheral)
    tp = fp = fn = span_ok = as_of_ok = 0
    for i, g in enumerate(items):
        gold_figures = g.get("figures", {})
        if i not in pairs:
            fn += len(gold_figures)
            continue
        row = pred[pairs[i]]
        got = _pred_figures(row)
        spans = _figure_spans(row.get("figure_spans"))
        for name, value in gold_figures.items():
            if name in got and _same_number(got[name], value):
                tp += 1
                gold_span = g.get("figure_spans", {}).get(name)
                if gold_span and spans.get(name) == (gold_span["start"], gold_span["end"]):
                    span_ok += 1
            else:
                fn += 1
        fp += sum(1 for name, value in got.items() if not (name in gold_figures and _same_number(gold_figures[name], value)))
        as_of_ok += _iso(row.get("as_of")) == g.get("as_of")
    for j, row in enumerate(pred):
        if j in used or any(_overlaps((row["start"], row["end"]), n) for n in peripheral):
            continue
        fp += len(_pred_figures(row))
    sentences.add(as_of_correct=as_of_ok)
    figures.add(tp=tp, fp=fp, fn=fn, span_correct=span_ok)


def _score_measures(tally: _Tally, gold: dict, pred: list[dict]) -> None:
    items = gold.get("measures", [])
    pairs, _ = _score_spans(tally, items, pred, _exact)
    tally.add(
        status_matched=len(pairs),
        status_correct=sum(items[i].get("status") == pred[j].get("status") for i, j in pairs.items()),
    )


# --------------------------------------------------------------------------- pairing and driver


def _pair_document(gold: dict, documents: pd.DataFrame, gold_dir: Path) -> tuple[dict | None, str | None]:
    """The documents row annotated by this gold file, and how it was found."""
    if documents is None or documents.empty:
        return None, None
    rows = [{k: _clean(v) for k, v in r.items()} for r in documents.to_dict("records")]
    name = gold.get("document", {}).get("file")
    if name:
        for row in rows:
            path = row.get("path")
            if path and os.path.basename(str(path).replace("\\", "/")) == name:
                return row, "path"
        for candidate in (gold_dir.parent / name, gold_dir / name):
            if candidate.is_file():
                n_chars = len(candidate.read_text(encoding="utf-8"))
                for row in rows:
                    if _int(row.get("n_chars")) == n_chars:
                        return row, "n_chars"
                break
    return None, None


def evaluate_extraction(tables: dict[str, pd.DataFrame], gold_dir: str | os.PathLike) -> dict:
    """Scores per category (see the module docstring) over every ``*.gold.json`` in ``gold_dir``."""
    gold_dir = Path(gold_dir)
    tallies = {name: _Tally() for name in CATEGORY_ORDER}
    document_details: dict[str, Any] = {}
    paired: dict[str, Any] = {}
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        row, how = _pair_document(gold, tables.get("documents"), gold_dir)
        paired[gold_path.name] = {"doc_id": None if row is None else str(row.get("doc_id")), "matched_by": how}
        if row is None:
            # nothing produced for this document: every gold item is missed
            row, doc_id = {}, None
        else:
            doc_id = row.get("doc_id")
        rows = {name: _rows(tables.get(name), doc_id) if doc_id is not None else [] for name in
                ("sections", "quantities", "times", "citations", "claims", "measures")}
        _score_outline(tallies["outline"], gold, rows["sections"])
        _score_document(tallies["document"], gold, row, document_details)
        _score_quantities(tallies["quantities"], tallies["quantities_lenient"], gold, rows["quantities"])
        _score_times(tallies["times"], tallies["times_lenient"], gold, rows["times"])
        _score_citations(tallies["citations"], gold, rows["citations"])
        _score_claims(tallies["claims"], tallies["claim_figures"], gold, rows["claims"])
        _score_measures(tallies["measures"], gold, rows["measures"])
    ratios = {
        "outline": {"parent_accuracy": ("parent_correct", "tp")},
        "quantities": {"value_accuracy": ("value_correct", "tp")},
        "times": {"value_accuracy": ("value_correct", "tp")},
        "measures": {"status_accuracy": ("status_correct", "status_matched")},
    }
    scores: dict[str, Any] = {name: tallies[name].result(ratios.get(name)) for name in CATEGORY_ORDER}
    scores["document"]["fields"] = document_details
    scores["_gold_files"] = paired
    return scores


def _doc_id_by_name(documents: pd.DataFrame | None, name: str | None) -> str | None:
    if documents is None or documents.empty or not name:
        return None
    base = os.path.basename(str(name).replace("\\", "/"))
    for row in documents.to_dict("records"):
        path = row.get("path")
        if path and os.path.basename(str(path).replace("\\", "/")) == base and not _missing(row.get("doc_id")):
            return str(row["doc_id"])
    return None


def _unprefixed(frame: pd.DataFrame, columns: Iterable[str], prefix: str) -> pd.DataFrame:
    """Issue ids of a batch with several issue lists carry ``<feedback doc_id[:8]>:``; strip it."""
    out = frame.copy()
    for column in columns:
        if column in out.columns:
            out[column] = out[column].map(
                lambda v: v[len(prefix):] if isinstance(v, str) and v.startswith(prefix) else v
            )
    return out


def evaluate_alignments(tables: dict[str, pd.DataFrame], gold_dir: str | os.PathLike) -> dict:
    """Gap detection and ranking scores for every ``*.alignment.json`` in ``gold_dir``.

    The gold names its feedback and report files; they are found in the run's
    ``documents`` table by file name.  An issue list read from a CSV/XLSX table
    (no feedback document) is taken as is.
    """

    results: dict[str, Any] = {}
    documents = tables.get("documents")
    for gold_path in sorted(Path(gold_dir).glob("*.alignment.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        report_id = _doc_id_by_name(documents, gold.get("report"))
        if report_id is None or "matches" not in tables or "issues" not in tables:
            results[gold_path.name] = {"error": "the run holds no matches for this report"}
            continue
        feedback_id = _doc_id_by_name(documents, gold.get("feedback"))
        issues = tables["issues"]
        if feedback_id is not None and "source_doc_id" in issues.columns:
            issues = issues[issues["source_doc_id"] == feedback_id]
        if "doc_id" in issues.columns:  # one copy of the list per report it was matched against
            issues = issues[issues["doc_id"] == report_id]
        prefix = f"{feedback_id[:8]}:" if feedback_id else ""  # outputs written before issues carried list_doc_id
        matches = tables["matches"][tables["matches"]["doc_id"] == report_id]
        if feedback_id is not None and "list_doc_id" in matches.columns:
            matches = matches[matches["list_doc_id"] == feedback_id]
        if prefix:
            issues = _unprefixed(issues, ("issue_id", "parent_id"), prefix)
            matches = _unprefixed(matches, ("issue_id",), prefix)
            matches = matches[matches["issue_id"].isin(set(issues["issue_id"]))]
        sections = tables["sections"][tables["sections"]["doc_id"] == report_id]
        measures = tables["measures"][tables["measures"]["doc_id"] == report_id]
        results[gold_path.name] = evaluate_alignment(issues, matches, sections, measures, gold_path)
    return results


# --------------------------------------------------------------------------- report


def _is_metrics(value: Any) -> bool:
    return isinstance(value, dict) and {"precision", "recall", "f1"} <= set(value)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.1f}"
    return str(value)


def _category_table(scores: dict) -> list[str]:
    names = [n for n in CATEGORY_ORDER if n in scores] + [n for n in scores if n not in CATEGORY_ORDER]
    lines = [f"{'category':<20}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>9}{'R':>9}{'F1':>9}  extra"]
    for name in names:
        value = scores[name]
        if not _is_metrics(value):
            continue
        extras = ", ".join(
            f"{k}={_fmt(v)}"
            for k, v in value.items()
            if k not in {"tp", "fp", "fn", "precision", "recall", "f1"} and not isinstance(v, (dict, list))
        )
        lines.append(
            f"{name:<20}{value['tp']:>6}{value['fp']:>6}{value['fn']:>6}"
            f"{value['precision']:>9.4f}{value['recall']:>9.4f}{value['f1']:>9.4f}  {extras}"
        )
    document = scores.get("document")
    if _is_metrics(document):
        for gold_file, fields in document.get("fields", {}).items():
            wrong = [f"{k}: {v['pred']!r} (gold {v['gold']!r})" for k, v in fields.items() if not v["correct"]]
            if wrong:
                lines.append(f"  document fields wrong in {gold_file}: " + "; ".join(wrong))
    for gold_file, info in scores.get("_gold_files", {}).items():
        if info.get("doc_id") is None:
            lines.append(f"  {gold_file}: no document in the tables (all its items count as missed)")
    return lines


def _alignment_lines(results: dict) -> list[str]:
    lines = [f"{'gold':<48}{'issues':>7}{'gap P':>8}{'gap R':>8}{'hit@1':>10}{'recall@3':>10}{'MRR':>8}"]
    for name, r in results.items():
        if not isinstance(r, dict) or "n_issues" not in r:
            lines.append(f"{name:<48}{r.get('error') if isinstance(r, dict) else _fmt(r)}")
            continue
        if "error" in r:
            lines.append(f"{name:<48}{r['error']}")
            continue
        n = r["n_addressed"]
        lines.append(
            f"{name:<48}{r['n_issues']:>7}{r['gap_precision']:>8.3f}{r['gap_recall']:>8.3f}"
            f"{r['hits_at_1']:>6}/{n:<3}{r['hits_at_3']:>6}/{n:<3}{r['mrr']:>8.3f}"
        )
        lines.append(f"{'':<4}unaddressed predicted {r['gap_predicted']} / gold {r['gap_gold']}")
    return lines


def format_report(scores: dict) -> str:
    """Human-readable table of ``evaluate_extraction`` scores (nested score groups get a heading each)."""
    lines: list[str] = []
    if any(_is_metrics(v) for v in scores.values()):
        return "\n".join(_category_table(scores))
    for group, value in scores.items():
        lines.append(f"== {group} ==")
        if group == "alignment" and isinstance(value, dict):
            lines.extend(_alignment_lines(value))
        elif isinstance(value, dict) and any(_is_metrics(v) for v in value.values()):
            lines.extend(_category_table(value))
        elif isinstance(value, dict):
            lines.extend(f"{k:<28}{_fmt(v) if not isinstance(v, (dict, list)) else json.dumps(v, ensure_ascii=False)}"
                         for k, v in value.items())
        else:
            lines.append(_fmt(value))
        lines.append("")
    return "\n".join(lines).rstrip()
