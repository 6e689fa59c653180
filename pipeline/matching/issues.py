"""Issue lists (问题清单) from the three places reviewers find them.

* a feedback document (反馈): ``一、`` aspects with ``1.`` numbered problems, ``一是/二是``
  enumerations, or the central-inspection single sentence "主要是:A,B;C,D;…" where
  semicolons separate aspects and commas separate problems;
* a CSV/XLSX problem list with configurable (or auto-detected) columns;
* a progress report that restates its problems (关于“……”问题的整改, 针对“……”问题, or
  numbered problem headings).

Issue ids follow the source's own numbering so a reviewer recognises them: numbered
problems keep their number ("1".."12"), aspects keep their numeral ("一") or get
"A1".. when unnumbered, sub-items are "1.1", "1.2" ...  Levels: 1 aspect, 2 problem,
3 concrete manifestation (具体表现).  Offsets point into the normalized text.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.errors import InputError
from pipeline.normalize import normalize
from pipeline.lang.cues import MANIFESTATION_LEAD, PROBLEM_LIST_LEAD
from pipeline.outline import forward_looking_sections
from pipeline.records import Issue, Section
from pipeline.issuelist.feedback import issues_from_feedback  # noqa: F401  (the one reader of notices)

_CN_DIGITS = "一二三四五六七八九十"
_ASPECT_RE = re.compile(rf"^[ \t]*([{_CN_DIGITS}]{{1,3}})、")
_ASPECT_PAREN_RE = re.compile(rf"^[ \t]*\(([{_CN_DIGITS}]{{1,3}})\)")
_PROBLEM_RE = re.compile(r"^[ \t]*(\d{1,3})(?:[.、](?!\d)|\s)")
_PROBLEM_PAREN_RE = re.compile(r"^[ \t]*\((\d{1,3})\)")
_SUB_RE = re.compile(r"(?:^|(?<=[。;,:]))\s*(?:([①-⑳])|\((\d{1,2})\)|([一二三四五六七八九十]{1,2})是)")
_SHI_RE = re.compile(r"([一二三四五六七八九十]{1,2})是[,:]?")
_CLAUSE_SPLIT_RE = re.compile(r"[,;。]")


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past whitespace and stray punctuation at both ends."""
    junk = " \t\n,;:。、"
    while start < end and text[start] in junk:
        start += 1
    while end > start and text[end - 1] in " \t\n,;:、":
        end -= 1
    return start, end


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def _manifestations(text: str, start: int, end: int, parent: str, doc_id: str | None) -> list[Issue]:
    """Explicitly enumerated sub-items (①, (1), 一是) or a 具体表现: list inside a problem."""
    body = text[start:end]
    marks = [m for m in _SUB_RE.finditer(body)]
    out: list[Issue] = []
    if len(marks) >= 2:
        bounds = [m.start() + (len(m.group(0)) - len(m.group(0).lstrip())) for m in marks] + [len(body)]
        for k, m in enumerate(marks):
            s, e = _strip_span(text, start + bounds[k], start + bounds[k + 1])
            e -= text[s:e].endswith("。")  # the problem's closing stop is not part of its last item
            if e > s:
                out.append(Issue(f"{parent}.{k + 1}", parent, 3, text[s:e], doc_id, s, e, label=m.group(0).strip()))
        return out
    lead = MANIFESTATION_LEAD.search(body)
    if lead:
        pos = lead.end()
        k = 0
        for part in re.finditer(r"[^;。]+", body[pos:]):
            s, e = _strip_span(text, start + pos + part.start(), start + pos + part.end())
            if e - s >= 4:
                k += 1
                out.append(Issue(f"{parent}.{k}", parent, 3, text[s:e], doc_id, s, e))
    return out


def _from_numbered_lines(text: str, doc_id: str | None) -> list[Issue]:
    """Line-structured feedback: aspect headings and numbered problem paragraphs."""
    issues: list[Issue] = []
    aspect: str | None = None
    aspect_seen: set[str] = set()
    for ls, le, line in _lines(text):
        m = _ASPECT_RE.match(line) or _ASPECT_PAREN_RE.match(line)
        if m and not _PROBLEM_RE.match(line):
            aid = m.group(1)
            if aid in aspect_seen:  # a second 一、 series (e.g. the demands part) ends the list
                aid = f"{aid}'"
            aspect_seen.add(aid)
            s, e = _strip_span(text, ls + m.start(1), le)
            aspect = aid
            issues.append(Issue(aid, None, 1, text[s:e], doc_id, s, e, label=m.group(0).strip()))
            continue
        m = _PROBLEM_RE.match(line) or _PROBLEM_PAREN_RE.match(line)
        if m:
            pid = m.group(1)
            s, e = _strip_span(text, ls + m.start(0) + (len(m.group(0)) - len(m.group(0).lstrip())), le)
            issues.append(Issue(pid, aspect, 2, text[s:e], doc_id, s, e, label=m.group(0).strip()))
            body_start = s + len(m.group(0).strip())
            issues.extend(_manifestations(text, body_start, e, pid, doc_id))
    return issues


def _lead_list_region(text: str) -> tuple[int, int] | None:
    """The stretch after "主要是:" up to the end of its paragraph.

    Several lead-ins may occur (a title may quote the phrase); the one followed by the
    most clause separators before its sentence end is the list.
    """
    best, best_n = None, 0
    for m in PROBLEM_LIST_LEAD.finditer(text):
        end = text.find("\n", m.end())
        if end < 0:
            end = len(text)
        if end - m.end() < 8:  # a lead-in that only introduces a line-structured list
            continue
        stop = text.find("。", m.end(), end)
        region = text[m.end(): end if stop < 0 else stop]
        if "”" in region[:1] or region.count("”") > region.count("“"):  # inside a quotation
            continue
        n = len(re.findall(r"[,;]", region)) + len(_SHI_RE.findall(text, m.end(), end))
        if n > best_n:
            best, best_n = (m.end(), end), n
    return best


def _from_shi_enumeration(text: str, start: int, end: int, doc_id: str | None) -> list[Issue]:
    """"主要是:一是……;二是……" : each 一是 item is a problem."""
    marks = [m for m in _SHI_RE.finditer(text, start, end)
             if m.start() == start or text[m.start() - 1] in ";。,:\n "]
    if len(marks) < 2:
        return []
    issues = []
    for k, m in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else end
        s, e = _strip_span(text, m.end(), stop)
        if e > s:
            issues.append(Issue(str(k + 1), None, 2, text[s:e], doc_id, s, e, label=m.group(0).rstrip(",:")))
    return issues


def _from_one_sentence(text: str, start: int, end: int, doc_id: str | None) -> list[Issue]:
    """Central-inspection style: ';' separates aspects, ',' separates problems."""
    stop = text.find("。", start, end)
    stop = end if stop < 0 else stop
    issues: list[Issue] = []
    groups = []
    pos = start
    for m in re.finditer(r";", text[start:stop]):
        groups.append((pos, start + m.start()))
        pos = start + m.end()
    groups.append((pos, stop))
    n_problem = 0
    multi = len(groups) > 1
    for g, (gs, ge) in enumerate(groups, 1):
        gs, ge = _strip_span(text, gs, ge)
        if ge <= gs:
            continue
        aid = f"A{g}" if multi else None
        if multi:
            issues.append(Issue(aid, None, 1, text[gs:ge], doc_id, gs, ge))
        pos = gs
        for m in list(re.finditer(r",", text[gs:ge])) + [None]:
            ce = gs + m.start() if m else ge
            s, e = _strip_span(text, pos, ce)
            if e - s >= 2:
                n_problem += 1
                issues.append(Issue(str(n_problem), aid, 2, text[s:e], doc_id, s, e))
            pos = gs + m.end() if m else ge
    return issues


def _old_issues_from_feedback(text: str, *, doc_id: str | None = None) -> list[Issue]:
    """Issues of a feedback document, in document order.

    Tries, in order: numbered problem lines (1. …) under 一、 aspects; an 一是/二是
    enumeration after the lead-in; the one-sentence central style after the lead-in.
    """
    text = normalize(text)
    lead = _lead_list_region(text)
    numbered = _from_numbered_lines(text[lead[0]:] if lead else text, doc_id)
    if lead and numbered:
        off = lead[0]
        for it in numbered:
            it.start += off
            it.end += off
    if any(it.level == 2 for it in numbered):
        return numbered
    if lead:
        shi = _from_shi_enumeration(text, *lead, doc_id)
        if shi:
            return shi
        return _from_one_sentence(text, *lead, doc_id)
    return numbered


# ----------------------------------------------------------------------------- tables

_ID_HEADERS = ("序号", "编号", "问题编号", "id", "ID", "No", "no")
_PROBLEM_HEADERS = ("问题描述", "存在问题", "问题内容", "主要问题", "突出问题", "问题", "problem", "issue")
_ASPECT_HEADERS = ("方面", "问题类别", "类别", "类型", "领域", "aspect", "category")
_OWNER_HEADERS = ("责任单位", "责任人", "责任领导", "牵头单位", "责任部门", "owner")
_DEADLINE_HEADERS = ("整改时限", "完成时限", "时限", "完成时间", "截止时间", "deadline")


def _find_column(columns: list[str], candidates: tuple[str, ...]) -> str | None:
    clean = {c: normalize(str(c)).strip() for c in columns}
    for cand in candidates:  # exact names first, in priority order
        for c, n in clean.items():
            if n == cand:
                return c
    for cand in candidates:
        if len(cand) < 2:
            continue
        for c, n in clean.items():
            if cand in n:
                return c
    return None


def _read_table(path: Path, sheet):
    """The problem list as a frame; every way a file can fail to parse is an InputError
    (a row of the errors table), never a traceback that loses the batch."""
    import csv
    import io
    import zipfile

    import pandas as pd

    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".xls", ".csv", ".tsv", ".txt"):
        raise InputError("unsupported_format", f"{path}: not a CSV or XLSX problem list")
    try:
        if suffix in (".xlsx", ".xlsm", ".xls"):
            return pd.read_excel(path, sheet_name=sheet if sheet is not None else 0, dtype=str)
        sep = "\t" if suffix == ".tsv" else None
        raw = path.read_bytes()
        for enc in ("utf-8-sig", "gb18030"):
            try:
                decoded = raw.decode(enc)
            except UnicodeDecodeError:
                continue
            return pd.read_csv(io.StringIO(decoded), sep=sep, engine="python", dtype=str)
    except OSError as exc:
        raise InputError("unreadable_file", f"{path}: {exc.strerror or exc}") from exc
    except (ValueError, ImportError, csv.Error, zipfile.BadZipFile) as exc:  # pandas' parser errors are ValueErrors
        raise InputError("unreadable_table", f"{path}: not a readable problem list ({exc})") from exc
    raise InputError("unknown_encoding", f"{path}: neither UTF-8 nor GB18030")


def issues_from_table(path, *, id_col=None, problem_col=None, aspect_col=None, owner_col=None,
                      deadline_col=None, sheet=None) -> list[Issue]:
    """Issues of a CSV/XLSX problem list; columns auto-detected from header names when not given.

    Aspects become level-1 issues ("A1".. in order of first appearance), problems level 2
    with the table's own id (or the row number); owner and deadline go into ``extra``.
    """
    path = Path(path)
    df = _read_table(path, sheet)
    cols = [str(c) for c in df.columns]
    df.columns = cols
    problem_col = problem_col or _find_column(cols, _PROBLEM_HEADERS)
    if problem_col is None or problem_col not in cols:
        raise InputError("no_problem_column", f"{path}: no problem column among {cols}", stage="match")
    id_col = id_col or _find_column(cols, _ID_HEADERS)
    aspect_col = aspect_col or _find_column([c for c in cols if c != problem_col], _ASPECT_HEADERS)
    owner_col = owner_col or _find_column(cols, _OWNER_HEADERS)
    deadline_col = deadline_col or _find_column(cols, _DEADLINE_HEADERS)
    issues: list[Issue] = []
    aspects: dict[str, str] = {}
    doc_id = path.name
    for row_no, row in enumerate(df.itertuples(index=False), 1):
        rec = dict(zip(cols, row))
        problem = rec.get(problem_col)
        if problem is None or str(problem).strip() in ("", "nan"):
            continue
        problem = normalize(str(problem)).strip()
        parent = None
        if aspect_col:
            a = rec.get(aspect_col)
            if a is not None and str(a).strip() not in ("", "nan"):
                a = normalize(str(a)).strip()
                if a not in aspects:
                    aspects[a] = f"A{len(aspects) + 1}"
                    issues.append(Issue(aspects[a], None, 1, a, doc_id, None, None))
                parent = aspects[a]
        iid = str(rec.get(id_col)).strip() if id_col and rec.get(id_col) is not None else ""
        if iid in ("", "nan"):
            iid = str(row_no)
        if iid.endswith(".0") and iid[:-2].isdigit():
            iid = iid[:-2]
        extra = {}
        for key, col in (("owner", owner_col), ("deadline", deadline_col)):
            if col and rec.get(col) is not None and str(rec.get(col)).strip() not in ("", "nan"):
                extra[key] = normalize(str(rec.get(col))).strip()
        issues.append(Issue(iid, parent, 2, problem, doc_id, None, None, extra=extra))
    return issues


# ----------------------------------------------------------------------------- reports

_QUOTED_PROBLEM_RE = re.compile(r"(?:关于|针对)“([^”]{4,120})”(?:等)?(?:的)?问题")


def issues_from_report(text: str, sections: list[Section], *, doc_id: str | None = None) -> list[Issue]:
    """Problems a progress report restates.

    Quoted restatements (关于“……”问题的整改, 针对“……”问题) win; otherwise the numbered
    problem headings (1. / (1) level headings outside the forward-looking part), each
    under its enclosing aspect heading.
    """
    text = normalize(text)
    quoted = list(_QUOTED_PROBLEM_RE.finditer(text))
    if quoted:
        return [Issue(str(k), None, 2, m.group(1), doc_id, m.start(1), m.end(1))
                for k, m in enumerate(quoted, 1)]
    forward = forward_looking_sections(text, sections)
    by_id = {s.section_id: s for s in sections}
    problems = [s for s in sections if s.marker in ("arabic", "arabic_paren") and s.section_id not in forward]
    if not problems:
        return []
    top = min(s.level for s in problems)
    problems = [s for s in problems if s.level == top]
    issues: list[Issue] = []
    aspects: dict[int, str] = {}
    for k, s in enumerate(problems, 1):
        parent = by_id.get(s.parent_id) if s.parent_id is not None else None
        pid = None
        if parent is not None and parent.level >= 2 or (parent is not None and parent.marker == "cn_paren"):
            if parent.section_id not in aspects:
                aspects[parent.section_id] = f"A{len(aspects) + 1}"
                issues.append(Issue(aspects[parent.section_id], None, 1, parent.title, doc_id,
                                    parent.start, parent.end, label=parent.label))
            pid = aspects[parent.section_id]
        issues.append(Issue(str(k), pid, 2, s.title, doc_id, s.start, s.end, label=s.label))
    return issues
