"""review.html: one self-contained page per (issue list, report) pair, for the reviewer.

Why a page and not only tables: a reviewer checks each verdict against the sentences that
support it.  The page shows a summary (verdict counts, claims and their checks, document
flags), then one card per problem, unanswered first, with its evidence sentences marked in
context (shared key terms, quantities, dates, cited documents) and its other candidates; every
flag links to its place in the full report text at the bottom.  Filters by status, aspect and
unit; the reviewer accepts or rejects matches and sets statuses, and exports the decisions
(:mod:`pipeline.report.decisions`) for the next run.  CSS and JS are inline (the template
``models/review_template.html``), nothing is fetched, and every piece of document text is
escaped (text containing ``<script>`` shows as text).
"""

from __future__ import annotations

import json
from functools import lru_cache
from html import escape
from importlib import resources

from pipeline.matching.audit import STATUS_LABELS, STATUSES, leaf_issues
from pipeline.records import Issue, Match
from pipeline.report.decisions import target_key
from pipeline.report.spans import marked

CONTEXT = 60  # characters of context shown around an evidence sentence
FLAG_LABELS = {"unaddressed": "未回应", "weak": "回应薄弱", "planned_only": "仅有计划", "overdue": "逾期未完成",
               "count_mismatch": "数量不符", "claim_arithmetic": "数字对不上", "overdue_deadline": "时限已过",
               "orphan_measure": "无对应问题的措施", "stale_decision": "过期的审阅决定", "unpaired": "未配对",
               "duplicate": "重复文件"}


@lru_cache(maxsize=1)
def template() -> str:
    return (resources.files("pipeline.models") / "review_template.html").read_text(encoding="utf-8")


def _script_json(value) -> str:
    """JSON safe inside <script>: no '<', '>' or '&' left to end the element."""
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026"))


def _item_ranges(report, start: int, end: int) -> list[tuple[int, int, str]]:
    out = []
    for items, cls in ((report.quantities, "q"), (report.times, "t"), (report.citations, "c")):
        out += [(x.start, x.end, cls) for x in items if x.end > start and x.start < end]
    return out


class _Evidence:
    """The evidence sentences of one page, each marked once per set of key terms (and the page's
    recurring texts, escaped once).

    A long list is answered by the same few places of the report: 10,000 problems have some
    30,000 candidates but a few hundred distinct (sentence, key terms) pairs.  Per page, never kept.
    """

    def __init__(self, report) -> None:
        self.report = report
        self._html: dict[tuple[int, int, tuple[str, ...]], str] = {}
        self._keys: dict[tuple[int | None, int | None], str] = {}
        self._candidates: dict[tuple[str, tuple[tuple[int, int], ...]], str] = {}
        self._escaped: dict[str, str] = {}

    def sentences(self, m: Match) -> str:
        """A candidate's evidence sentences, marked: the same (key terms, sentences) recur across a list."""
        spans = tuple(m.evidence)
        found = self._candidates.get((m.shared_terms, spans))
        if found is None:
            terms = tuple(t for t in m.shared_terms.split("、") if t)
            found = self._candidates[(m.shared_terms, spans)] = "".join(self.context(s, e, terms) for s, e in spans)
        return found

    def escaped(self, text: str) -> str:
        """``html.escape`` once per distinct text, for what recurs across cards (reasons, places, aspects, units)."""
        found = self._escaped.get(text)
        if found is None:
            found = self._escaped[text] = escape(text)
        return found

    def context(self, s: int, e: int, terms: tuple[str, ...]) -> str:
        """One evidence sentence in its context, marked, with its link to the full text."""
        found = self._html.get((s, e, terms))
        if found is None:
            text = self.report.text
            a, b = max(0, s - CONTEXT), min(len(text), e + CONTEXT)
            ranges = [(s, e, "ev")] + _term_ranges(text, s, e, list(terms)) + _item_ranges(self.report, a, b)
            found = self._html[(s, e, terms)] = (
                f'<div class="ctx">{"…" if a > 0 else ""}{marked(text, a, b, ranges)}{"…" if b < len(text) else ""}'
                f' <a class="goto" href="#at-{s}">原文</a></div>')
        return found

    def key(self, m: Match) -> str:
        """The content key of a candidate's place (decisions are keyed by it)."""
        place = (m.target_start, m.target_end)
        found = self._keys.get(place)
        if found is None:
            found = self._keys[place] = target_key(self.report.text, m.target_start, m.target_end)
        return found


def _term_ranges(text: str, start: int, end: int, terms: list[str]) -> list[tuple[int, int, str]]:
    out = []
    for term in terms:
        pos = text.find(term, start, end)
        while pos != -1:
            out.append((pos, pos + len(term), "k"))
            pos = text.find(term, pos + len(term), end)
    return out


def _aspect(issue: Issue, by_id: dict[str, Issue]) -> str:
    seen = set()
    node = issue
    while node.parent_id is not None and node.parent_id in by_id and node.parent_id not in seen:
        seen.add(node.parent_id)
        node = by_id[node.parent_id]
    if node is issue and issue.level != 1:
        return str(issue.extra.get("aspect") or "")
    return (node.label or "") + node.text[len(node.label or ""):][:24] if node.level == 1 else ""


#: how a candidate's place and a reviewer's decision on it are shown
PLACE_LABELS = {"section": "标题", "measure": "措施", "row": "台账行", "paragraph": "段落"}
REVIEWED_LABELS = {"accepted": "已确认", "rejected": "已否定"}


def _candidate_html(evidence: _Evidence, m: Match, key: str) -> str:
    where = PLACE_LABELS.get(m.target_kind, m.target_kind)
    rank = "计划" if m.rank is None else f"第{m.rank}名"
    state = REVIEWED_LABELS.get(m.reviewed or "", "")
    return (f'<div class="cand{" ans" if m.addressed else ""}" data-target="{evidence.escaped(f"{m.target_kind}:{m.target_id}")}" '
            f'data-key="{key}" data-addressed="{int(m.addressed)}">'
            f'<div class="meta"><b>{rank}</b> {where}{m.target_id} · 得分{m.score:.3f} · '
            f'{"回应" if m.addressed else "候选"}<span class="rv">{state}</span>'
            f'<button class="acc" type="button">确认匹配</button><button class="rej" type="button">否定匹配</button></div>'
            f'<div class="why">{evidence.escaped(m.reason or "")}</div>'
            f'{evidence.sentences(m)}</div>')


@lru_cache(maxsize=None)
def _status_options(reviewed: str | None) -> str:
    """The status choices of a card, the reviewer's one selected (the same few strings on every card)."""
    return "".join(f'<option value="{s}"{" selected" if s == reviewed else ""}>{STATUS_LABELS[s]}</option>'
                   for s in STATUSES)


def _card_html(pair, evidence: _Evidence, issue: Issue, status: str, rows: list[Match], flags, aspect: str,
               unit: str) -> str:
    report = pair.report
    iid = escape(issue.issue_id)
    reviewed = pair.review.reviewed.get(issue.issue_id)
    options = _status_options(reviewed)
    flag_items = "".join(
        f'<li class="flag {evidence.escaped(f.kind)}">{evidence.escaped(FLAG_LABELS.get(f.kind, f.kind))}:{escape(f.message)}'
        + (f' <a href="#at-{f.start}">原文</a>' if f.start is not None and f.doc_id == report.doc_id else "")
        + "</li>" for f in flags)
    answers = [m for m in rows if m.addressed or (m.rank is None and status == "planned_only")]
    if status == "unaddressed" or not answers:  # the closest place, to see why it falls short
        shown, rest = rows[:1], rows[1:]
    else:
        shown, rest = answers, [m for m in rows if m not in answers]
    shown_html = "".join(_candidate_html(evidence, m, evidence.key(m)) for m in shown) or '<p class="none">没有候选内容。</p>'
    rest_html = "".join(_candidate_html(evidence, m, evidence.key(m)) for m in rest)
    heading = "回应内容" if answers and status != "unaddressed" else "最接近的内容(未达回应标准)"
    return (f'<section class="card s-{status}" id="issue-{iid}" data-issue="{iid}" '
            f'data-status="{status}" data-aspect="{evidence.escaped(aspect)}" data-unit="{evidence.escaped(unit)}">'
            f'<header><span class="badge s-{status}">{STATUS_LABELS[status]}</span>'
            f'{"<span class=reviewed>审阅人认定</span>" if reviewed else ""}'
            f'<span class="iid">问题{iid}</span><span class="ptext">{escape(issue.text)}</span></header>'
            f'<div class="sub">方面:{evidence.escaped(aspect or "—")} · 责任单位:{evidence.escaped(unit or "—")}'
            f'{" · 整改时限:" + evidence.escaped(str(issue.extra.get("deadline"))) if issue.extra.get("deadline") else ""}'
            f'<label class="setst">审阅状态 <select class="status"><option value="">(自动)</option>{options}</select></label></div>'
            f'{"<ul class=flags>" + flag_items + "</ul>" if flag_items else ""}'
            f'<h4>{heading}</h4>{shown_html}'
            f'<details><summary>其他候选({len(rest)})</summary>{rest_html}'
            f'</details></section>')


def _summary_html(pair, statuses: dict[str, str], doc_flags) -> str:
    report = pair.report
    counts = {s: sum(1 for v in statuses.values() if v == s) for s in STATUSES}
    cells = "".join(f'<div class="count s-{s}"><b>{counts[s]}</b><span>{STATUS_LABELS[s]}</span></div>'
                    for s in ("addressed", "weak", "planned_only", "overdue", "unaddressed"))
    claims = "".join(
        f'<li><a href="#at-{c.start}">{escape(c.text[:90])}</a> '
        f'<span class="chk {"ok" if c.consistent else ("bad" if c.consistent is False else "na")}">'
        f'{"核对一致" if c.consistent else ("核对不一致" if c.consistent is False else "无可核对")}</span>'
        f'{"(" + escape(c.note) + ")" if c.note else ""}</li>' for c in report.claims)
    flags = "".join(
        f'<li class="flag {escape(f.kind)}">{escape(FLAG_LABELS.get(f.kind, f.kind))}:{escape(f.message)}'
        + (f' <a href="#at-{f.start}">原文</a>' if f.start is not None and f.doc_id == report.doc_id else "") + "</li>"
        for f in doc_flags)
    return (f'<div class="counts"><div class="count total"><b>{len(statuses)}</b><span>问题</span></div>{cells}</div>'
            f'<h3>整改数字及核对</h3><ul class="claims">{claims or "<li>报告中没有整改数字。</li>"}</ul>'
            + (f'<h3>报告层面的标记</h3><ul class="flags">{flags}</ul>' if flags else ""))


def render_review(pair) -> str:
    """The page for one :class:`pipeline.review.PairReview`."""
    return "".join(review_pieces(pair))  # one join: the cards of a long list are tens of megabytes


def review_pieces(pair) -> list[str]:
    """The page for one :class:`pipeline.review.PairReview` as consecutive pieces (a card each), for
    writing it without joining and encoding it whole first (a long list's page is 70 MB)."""
    report, review = pair.report, pair.review
    issues = list(review.issues)
    by_id = {i.issue_id: i for i in issues}
    statuses = review.statuses
    rank = {s: n for n, s in enumerate(STATUSES)}
    leaves = [i for i in leaf_issues(issues) if i.issue_id in statuses]
    order = sorted(range(len(leaves)), key=lambda n: (rank[statuses[leaves[n].issue_id]], n))
    rows: dict[str, list[Match]] = {}
    for m in review.matches:
        rows.setdefault(m.issue_id, []).append(m)
    issue_flags: dict[str, list] = {}
    doc_flags = []
    for f in review.flags:
        (issue_flags.setdefault(f.issue_id, []) if f.issue_id in statuses else doc_flags).append(f)
    cards, aspects, units = [], [], []
    evidence = _Evidence(report)
    for n in order:
        issue = leaves[n]
        aspect, unit = _aspect(issue, by_id), str(issue.extra.get("owner") or "")
        aspects.append(aspect)
        units.append(unit)
        cards.append(_card_html(pair, evidence, issue, statuses[issue.issue_id], sorted(
            rows.get(issue.issue_id, []), key=lambda m: (m.rank is None and not m.addressed, m.rank or 0)),
            issue_flags.get(issue.issue_id, []), aspect, unit))
    anchors = [f.start for f in review.flags if f.start is not None and f.doc_id == report.doc_id]
    anchors += [s for m in review.matches for s, _ in m.evidence] + [c.start for c in report.claims]
    ranges = [(f.start, f.end, "fl") for f in review.flags
              if f.start is not None and f.end is not None and f.doc_id == report.doc_id]
    ranges += [(s, e, "ev") for m in review.matches if m.addressed for s, e in m.evidence]
    full = marked(report.text, 0, len(report.text), ranges + _item_ranges(report, 0, len(report.text)), anchors=anchors)
    options = lambda values: "".join(f'<option value="{escape(v)}">{escape(v)}</option>'  # noqa: E731
                                     for v in dict.fromkeys(x for x in values if x))
    title = report.meta.title or report.path
    data = {"list_doc_id": pair.list_doc_id, "report_doc_id": report.doc_id,
            "decisions": [{"issue_id": iid, "action": "status", "status": st} for iid, st in review.reviewed.items()]
            + [{"issue_id": m.issue_id, "action": "accept" if m.reviewed == "accepted" else "reject",
                "target": f"{m.target_kind}:{m.target_id}", "target_key": target_key(report.text, m.target_start, m.target_end)}
               for m in review.matches if m.reviewed]}
    head = (f'<h1>整改审阅:{escape(title)}</h1><p class="src">报告:{escape(report.path)}'
            f'{" · " + escape(report.meta.issuer) if report.meta.issuer else ""}'
            f'{" · 报告日期 " + escape(report.meta.report_date) if report.meta.report_date else ""}'
            f' · 问题清单:{escape(pair.issue_list.path or "(文本)")}</p>')
    filters = (f'<div class="filters"><label>状态 <select id="f-status"><option value="">全部</option>'
               + "".join(f'<option value="{s}">{STATUS_LABELS[s]}</option>' for s in STATUSES)
               + f'</select></label><label>方面 <select id="f-aspect"><option value="">全部</option>{options(aspects)}</select></label>'
               f'<label>责任单位 <select id="f-unit"><option value="">全部</option>{options(units)}</select></label>'
               f'<span id="shown"></span><button id="export" type="button">导出审阅决定</button></div>'
               f'<textarea id="export-text" readonly hidden></textarea>')
    page = template().replace("<!--TITLE-->", escape(f"整改审阅:{title}")).replace("/*DATA*/null", _script_json(data))
    before, after = page.split("<!--BODY-->", 1)
    return [before, f'{head}<h2>概况</h2>{_summary_html(pair, statuses, doc_flags)}',
            f'<h2>逐项问题</h2>{filters}<div id="cards">', *cards, '</div>',
            f'<h2 id="report-text">报告全文</h2><pre id="report">{full}</pre>', after]
