"""Record types: one dataclass per row of an output table.

Every extractor returns these and nothing else, so the table writer is the only
place that knows about pandas.  Offsets are ``str`` indices into the document's
normalized text, end exclusive.  Fields follow the output contract in the
README; fields beyond the contract are documented there too.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from pipeline.lang.spans import page_of


def _short(value: Any, width: int = 30) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 2] + "…" + text[-1]


def brief_repr(obj: Any) -> str:
    """``Kind(field=value, …)`` with long values cut: a notebook shows a record on one line."""
    parts = []
    for f in fields(obj):
        value = getattr(obj, f.name)
        if value is None or value == {} or value == []:
            continue
        parts.append(f"{f.name}={_short(value)}")
    return f"{type(obj).__name__}({', '.join(parts)})"


@dataclass(slots=True)
class RawDocument:
    """What a reader gives back: text plus where it came from."""
    __repr__ = brief_repr


    text: str  # decoded, newlines as "\n", not yet normalized
    format: str  # txt, pdf, docx, html
    encoding: str | None = None  # codec used for bytes -> str (txt, html)
    page_starts: list[int] | None = None  # PDF: offset of the first char of each page
    title: str | None = None  # HTML <title>/og:title, DOCX core title, PDF info title
    publish_date: str | None = None  # ISO date found in page metadata (HTML)
    warnings: list[str] = field(default_factory=list)  # non-fatal reading notes
    # parts that could not be read while the rest could (a PDF page): (error_type, message),
    # each one a row of the errors table
    errors: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class Section:
    """A heading of the outline (一、 / (一) / 1. / (1) / ① / 一是 ...).

    ``start``/``end`` cover label + title (the heading itself); ``body_end`` is
    where the section's extent ends (next heading of the same or higher level,
    or the end of the enclosing section).
    """
    __repr__ = brief_repr


    section_id: int
    parent_id: int | None
    level: int
    label: str
    title: str
    start: int
    end: int
    label_start: int
    label_end: int
    title_start: int
    title_end: int
    body_end: int
    marker: str  # marker family: cn_dun (一、), cn_paren ((一)), arabic (1.), arabic_paren ((1)), circled (①), shi (一是), ordinal (第一)


@dataclass(slots=True)
class Quantity:
    __repr__ = brief_repr

    start: int
    end: int
    text: str
    value: float | int
    unit: str | None
    approx: str | None  # the qualifier as written: 余, 多, 近, 约, 左右, 以上, 不少于, 至少, 超过 ...
    kind: str  # count, people, times, money, percent
    value_max: float | int | None = None  # ranges: 3至5项 -> value 3, value_max 5
    section_id: int | None = None


@dataclass(slots=True)
class TimeExpr:
    __repr__ = brief_repr

    start: int
    end: int
    text: str
    kind: str  # date, period, relative_period, as_of, deadline, recurrence, duration
    date: str | None = None  # ISO YYYY-MM-DD (or YYYY-MM / YYYY for coarser dates)
    start_date: str | None = None
    end_date: str | None = None
    every: str | None = None  # recurrence unit: day, week, month, quarter, half_year, year, or "5 year"
    times: int | None = None  # recurrences: exact count per period
    min_times: int | None = None  # recurrences: at least this many per period
    granularity: str | None = None  # day, month, quarter, half_year, year
    duration: str | None = None  # ISO 8601 duration for kind duration (P1M, P6M ...)
    composite: bool = False  # a range whose endpoints are also emitted as dates
    section_id: int | None = None
    resolved: bool | None = None  # a dated kind whose dates are known (False: no reference date); None for lengths and recurrences


@dataclass(slots=True)
class Citation:
    __repr__ = brief_repr

    start: int
    end: int
    text: str  # with the 《》
    title: str  # without the outer 《》
    section_id: int | None = None


@dataclass(slots=True)
class Claim:
    """A sentence stating aggregate rectification figures."""
    __repr__ = brief_repr


    start: int
    end: int
    text: str
    subject: str
    figures: dict[str, float | int] = field(default_factory=dict)  # field name -> value
    figure_spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    as_of: str | None = None
    consistent: bool | None = None  # None when there is nothing to check
    note: str | None = None
    section_id: int | None = None


@dataclass(slots=True)
class Measure:
    __repr__ = brief_repr

    measure_id: int
    section_id: int | None
    start: int
    end: int
    label: str | None  # 一是 / 二是 ..., None for a paragraph without enumeration
    title: str
    status: str  # done, ongoing, planned
    status_basis: str | None = None  # the cue words that decided the status
    n_quantities: int = 0
    n_times: int = 0
    n_citations: int = 0


@dataclass(slots=True)
class DocumentMeta:
    __repr__ = brief_repr

    kind: str = "other"  # feedback, progress, other
    title: str | None = None
    issuer: str | None = None
    report_date: str | None = None
    inspecting_body: str | None = None
    inspected_unit: str | None = None
    inspection_type: str | None = None
    inspection_start: str | None = None
    inspection_end: str | None = None
    feedback_date: str | None = None
    as_of_date: str | None = None
    evidence: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> (start, end)


@dataclass(slots=True)
class Issue:
    issue_id: str
    parent_id: str | None
    level: int  # 1 aspect, 2 problem, 3 manifestation
    text: str
    source_doc_id: str | None
    start: int | None
    end: int | None
    label: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # owner, deadline ... from tables
    list_doc_id: str | None = None  # the issue list's document (a table list: the hash of its file)
    doc_id: str | None = None  # the report the list was matched against (null before matching)

    __repr__ = brief_repr


@dataclass(slots=True)
class Match:
    """A candidate answer: one report place ranked for one issue, with the evidence a reviewer reads."""

    issue_id: str
    doc_id: str
    target_kind: str  # section, measure, row (of a 整改台账 in the report)
    target_id: int
    score: float  # the ranking score: rank 1 has the highest
    rank: int | None  # None: a plan place, judged after the ranking (it answers no problem)
    addressed: bool = False
    similarity: float | None = None  # combined word/character cosine, before the ranking corrections
    issue_text: str = ""
    target_text: str = ""  # the answering sentence(s) of the target
    shared_terms: str = ""  # key terms of the issue found in the target, joined with 、
    decision: str | None = None  # the issue's verdict: addressed, weak, planned_only, overdue, unaddressed
    reason: str | None = None  # why, in a sentence for the reviewer
    reviewed: str | None = None  # accepted / rejected by a reviewer's decision
    target_start: int | None = None
    target_end: int | None = None
    evidence: list[tuple[int, int]] = field(default_factory=list)  # answering sentences (report offsets)
    list_doc_id: str | None = None  # the issue list the issue comes from

    __repr__ = brief_repr


@dataclass(slots=True)
class Flag:
    doc_id: str | None
    issue_id: str | None
    kind: str
    severity: str  # high, medium, low, info
    message: str
    start: int | None = None
    end: int | None = None
    list_doc_id: str | None = None  # the issue list (null for flags about a document alone)

    __repr__ = brief_repr


@dataclass(slots=True)
class Pair:
    """Which issue list was matched with which report, and why (a row of ``pairs``)."""

    list_doc_id: str | None
    doc_id: str
    list_path: str | None
    report_path: str
    how: str  # given (--issues / match) or paired (found in the batch)
    score: float | None = None  # pairing score of the chosen feedback (paired only)
    basis: str | None = None  # the cues that agreed: unit, body, period, feedback_date, order, content
    reason: str | None = None  # a plain sentence for the reviewer
    n_candidates: int = 1  # feedback documents that could have been paired
    runner_up_doc_id: str | None = None
    runner_up_score: float | None = None

    __repr__ = brief_repr


@dataclass(slots=True)
class ErrorRecord:
    __repr__ = brief_repr

    path: str
    stage: str  # read, normalize, nlp, match, write
    error_type: str
    message: str


@dataclass(slots=True)
class DocumentResult:
    """Everything extracted from one document (or why it could not be read)."""

    doc_id: str | None
    path: str
    format: str | None = None
    encoding: str | None = None
    text: str = ""
    n_pages: int | None = None
    page_starts: list[int] | None = None
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    sections: list[Section] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: ErrorRecord | None = None
    # parts lost while the rest was read (an unreadable PDF page): rows of the errors table
    partial_errors: list[ErrorRecord] = field(default_factory=list)
    seconds: float = 0.0

    def page_of(self, offset: int) -> int | None:
        """1-based page holding ``offset`` (PDF only)."""
        return page_of(self.page_starts, offset)

    def __repr__(self) -> str:
        # the text and the record lists are too long to print: say what the document is and how much was found
        if self.error is not None:
            return f"DocumentResult({self.path!r}, error={self.error.error_type!r}: {self.error.message!r})"
        counts = ", ".join(f"{len(getattr(self, name))} {name}" for name in
                           ("sections", "quantities", "times", "citations", "claims", "measures"))
        title = self.meta.title if self.meta.title is None or len(self.meta.title) <= 30 else self.meta.title[:29] + "…"
        return (f"DocumentResult({self.path!r}, doc_id={self.doc_id!r}, kind={self.meta.kind!r}, title={title!r}, "
                f"{len(self.text):,} chars; {counts})")
