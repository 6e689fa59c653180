"""Text structure facts: sentence and clause ends, lines, span trimming.

Offsets everywhere are ``str`` indices into the normalized text (full-width
punctuation already folded to ASCII: 。 stays, ！？；：， become !?;:,).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pipeline.lang.markers import CIRCLED, FOOTNOTE_DEFINITION, ITEM_START, PADDED_NUMBER_LINE, PAGE_NUMBER_LINE, SHI_LABEL

#: The CJK Unified Ideographs: a Chinese character (as a range inside a character class, and as a pattern).
HAN_RANGE = "\u4e00-\u9fff"
HAN_CHAR = re.compile(f"[{HAN_RANGE}]")
#: A sentence ends at these (a semicolon ends an inline item: ①…;②…;).
SENTENCE_ENDS = "。!?;\n"
#: What ends a statement of an answer place: a sentence's end, or a table cell's (序号\t问题\t措施\t时限\t进展:
#: each cell says one thing, the problem restated, what was done, the date set).
STATEMENT_ENDS = SENTENCE_ENDS + "\t"
#: A full stop in the strict sense: a semicolon does not end the sentence.
FULL_STOPS = "。!?\n"
#: A clause ends at these (commas and the enumeration comma 、 included).
CLAUSE_ENDS = ",、。;:!?\n"
#: The same ends before normalization (a Doc may be made from raw text).
RAW_SENTENCE_ENDS = SENTENCE_ENDS + "！？；"
#: Closing quotes and brackets that stay with the sentence they close.
CLOSERS = "”’」』）)】〕\"'"


def sentence_spans(text: str, start: int = 0, end: int | None = None, *,
                   ends: str = SENTENCE_ENDS) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text[start:end]``: a run of non-terminators and the
    terminator after it (a line break is not included), leading spaces skipped."""
    for m in _sentence_pattern(ends).finditer(text, start, len(text) if end is None else end):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        if s < e:
            yield s, e


@lru_cache(maxsize=8)
def _sentence_pattern(ends: str) -> re.Pattern[str]:
    body = re.escape(ends)
    closing = re.escape(ends.replace("\n", ""))
    return re.compile(rf"[^{body}]+[{closing}]?")


def sentence_bounds(text: str, pos: int, *, ends: str = FULL_STOPS) -> tuple[int, int]:
    """The sentence around ``pos``: from after the previous terminator to the next one (excluded)."""
    start = max(text.rfind(ch, 0, pos) for ch in ends) + 1
    stops = [i for i in (text.find(ch, pos) for ch in ends) if i != -1]
    return start, (min(stops) if stops else len(text))


def lines(text: str, start: int = 0) -> Iterator[tuple[int, int, str]]:
    """``(start, end, line)`` for every line from ``start`` (``end`` before the newline)."""
    pos = start
    for line in text[start:].split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def char_pairs(text: str) -> frozenset[str]:
    """The two-character pieces of ``text``: how near two short Chinese statements are in wording (专题学习
    and 学习贯彻 share 学习) where no whole word is shared."""
    return frozenset(text[k:k + 2] for k in range(len(text) - 1))


#: Quotes and book titles: their words are named, not said (“头雁计划”, 《…计划》, 存在“宽松软”).
_QUOTED = re.compile(r"“[^“”]*”|《[^《》]*》|\"[^\"\n]*\"")


#: A WeChat or web editor's markdown copied with the text: **bold** around a heading or a headline, ## before a
#: heading, > before a quoted line.  Formatting, not words: read as spaces (:func:`blank_markdown`).
_MARKDOWN_MARKS = re.compile(r"\*\*(?=[^*\n]+?\*\*)|(?<=[^*\s])\*\*|^[ \t]*#{1,6}(?=[ \t])|^[ \t]*>(?=[ \t])", re.M)


def blank_markdown(text: str) -> tuple[str, int]:
    """``text`` with its markdown marks (:data:`_MARKDOWN_MARKS`) as spaces, the length kept, and how many there
    were: **一、…方面** opens its line with 一、 and ends with its words."""
    if "**" not in text and "#" not in text and ">" not in text:
        return text, 0
    count = 0

    def blank(m: re.Match) -> str:
        nonlocal count
        count += 1
        return " " * len(m.group())

    return _MARKDOWN_MARKS.sub(blank, text), count


def quotes(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The insides of the quotes “…” in ``[start, end)`` (of the innermost, where one quote holds another)."""
    return [(m.start() + 1, m.end() - 1) for m in _QUOTED.finditer(text, start, len(text) if end is None else end)
            if m.group()[0] == "“"]


def mask_quoted(text: str) -> str:
    """``text`` with the inside of its quotes and book titles blanked (□), offsets kept: cue words there are
    named, not said."""
    return _QUOTED.sub(lambda m: m.group()[0] + "□" * (len(m.group()) - 2) + m.group()[-1], text)


def at_line_start(text: str, pos: int) -> bool:
    """Whether only spaces stand between the start of ``pos``'s line and ``pos`` (a heading's number, not an item
    of a run inside the line)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def strip_span(text: str, start: int, end: int, *, lead: str = " \t\n", trail: str = " \t\n") -> tuple[int, int]:
    """Shrink ``[start, end)`` past the characters of ``lead`` at its start and ``trail`` at its end."""
    while start < end and text[start] in lead:
        start += 1
    while end > start and text[end - 1] in trail:
        end -= 1
    return start, end


#: Fewest lines between two bare page numbers (a page of text holds more).
_PAGE_LINES_MIN = 8
#: A page's footnotes above its number: a rule (——————, ______), then notes opening with their mark (①…, [1]…, 注:…).
_FOOTNOTE_RULE = re.compile(r"[ \t]*[—_\-─━]{6,}[ \t]*")
_FOOTNOTE_MARK = re.compile(rf"[ \t]*(?:[{CIRCLED}]|\[\d{{1,2}}\]|注\d?[:：])")
_FOOTNOTE_LINES_MAX = 10
#: A page's header met once (the text ends on the next page): a short line after the page number, made of the
#: characters of the document's title block (泷河农商银行巡察反馈意见 under 关于对泷河农村商业银行党委巡察情况的反馈意见).
_HEADER_CHARS_MAX = 30
_HEADER_SHARE = 0.6


@lru_cache(maxsize=8)
def page_furniture(text: str) -> frozenset[int]:
    """Starts of the lines a printed page left in a text copied out of it: page numbers (— 3 —, 第1页 共4页)
    and the running header or footer beside them (the same line after two page numbers or more).
    They belong to no sentence and no list."""
    all_lines = list(lines(text))
    numbered = [k for k, (_, _, line) in enumerate(all_lines) if line.strip() and PAGE_NUMBER_LINE.match(line)]
    # a bare number is a page's only when pages lie between them: lines 1 / 2 / 3 close together
    # are the ids of a table's rows copied one cell a line
    bare = [k for k in numbered if all_lines[k][2].strip().isdigit()]
    close: set[int] = set()
    for k, k2 in zip(bare, bare[1:]):
        if k2 - k < _PAGE_LINES_MIN:
            close.update((k, k2))
    numbers = [k for k in numbered if k not in close]
    if not numbers:
        return frozenset()
    out = {all_lines[k][0] for k in numbers}
    beside: dict[str, list[int]] = {}  # the first line after and the last line before each page number
    blank: dict[int, list[int]] = {}  # page number -> the blank lines between it and those neighbours
    after: dict[int, int] = {}  # page number -> the first line after it (a running header met once)
    for k in numbers:
        for step in (1, -1):
            other = k + step
            while 0 <= other < len(all_lines) and not all_lines[other][2].strip():
                blank.setdefault(k, []).append(all_lines[other][0])
                other += step
            if 0 <= other < len(all_lines):
                beside.setdefault(all_lines[other][2].strip(), []).append(all_lines[other][0])
                if step == 1:
                    after[k] = other
    for line, starts in beside.items():
        if len(starts) >= 2 and len(line) <= 60 and not ITEM_START.match(line):
            out.update(starts)
    for starts in blank.values():  # the empty lines a page's end and its header leave around the number
        out.update(starts)
    head = set(HAN_CHAR.findall("".join(line for _, _, line in all_lines[:4])))
    for k in numbers:
        out.update(_footnotes_above(all_lines, k))
        if k in after and _header_like(all_lines[after[k]][2], head):
            out.add(all_lines[after[k]][0])
    return frozenset(out)


def _footnotes_above(all_lines: list[tuple[int, int, str]], k: int) -> list[int]:
    """Starts of the footnote lines (and their rule) right above the page number on line ``k``; without a rule, the
    definition notes (①交叉学科:指…) that run to the page number, each with the lines its wrap left."""
    top = None
    for r in range(k - 1, max(-1, k - 1 - _FOOTNOTE_LINES_MAX), -1):
        if _FOOTNOTE_RULE.fullmatch(all_lines[r][2]):
            notes = [j for j in range(r + 1, k) if all_lines[j][2].strip()]
            if notes and _FOOTNOTE_MARK.match(all_lines[notes[0]][2]):
                return [all_lines[j][0] for j in range(r, k)]
            return []
        if FOOTNOTE_DEFINITION.match(all_lines[r][2]) and _notes_to(all_lines, r, k):
            top = r
    return [all_lines[j][0] for j in range(top, k)] if top is not None else []


def _notes_to(all_lines: list[tuple[int, int, str]], r: int, k: int) -> bool:
    """Whether lines ``r`` to ``k`` are notes: each opens on its definition's mark or goes on a note above it that
    did not end its sentence."""
    for j in range(r + 1, k):
        line, above = all_lines[j][2], all_lines[j - 1][2].rstrip()
        if not (FOOTNOTE_DEFINITION.match(line) or above and above[-1] not in "。;；!?"):
            return False
    return True


def _header_like(line: str, head: set[str]) -> bool:
    line = line.strip()
    if not line or len(line) > _HEADER_CHARS_MAX or ITEM_START.match(line) or line[-1] in "。;:,，；：":
        return False
    han = HAN_CHAR.findall(line)
    return len(han) >= 4 and sum(c in head for c in han) >= _HEADER_SHARE * len(han)


#: A post written in short lines (a WeChat post: 党委领导下的院长负责制 / 落实不到位 / …): its lines' median
#: length at most this, over at least that many lines.
_SHORT_LINE = 12
_SHORT_LINES_MIN = 20


#: …or, where a quarter of its lines or more end with a comma (县委第四巡察组,\n向县教育体育局党组反馈…), at most
#: this: a line that ends with a comma ends no paragraph.
_PHRASE_LINE = 18
_COMMA_ENDED = 0.25


def _short_lined(text: str, spans: list[tuple[int, int, int]]) -> bool:
    """Whether the text is a post written in short lines (see :data:`_SHORT_LINE`, :data:`_PHRASE_LINE`)."""
    median = sorted(n for _, _, n in spans)[len(spans) // 2]
    if median <= _SHORT_LINE:
        return True
    commas = sum(1 for _, e, _ in spans if text[e - 1] in ",、")
    return median <= _PHRASE_LINE and commas >= _COMMA_ENDED * len(spans)


#: Fewest row ids counting up from 1, each a line of its own, that make short lines a table's cells.
_COUNTED_ROWS = 3


def _counted_rows(text: str, spans: list[tuple[int, int, int]]) -> bool:
    """Whether the lines hold a table's row ids counting up from 1, each alone on its line (1 / 2 / 3 …), with
    cells between them: a table copied one cell a line, not a post in short lines."""
    want, found = 1, 0
    for s, e, _ in spans:
        if text[s:e].strip() == str(want):
            want, found = want + 1, found + 1
    return found >= _COUNTED_ROWS


def _short_line_breaks(text: str, spans: list[tuple[int, int, int]]) -> frozenset[int]:
    """The breaks of a text written in short lines that go on with the same statement: every break between
    two lines, but before a line that opens an item (01, ——, ▲ …), around a zero-padded number's line, and
    at a blank line."""
    soft = set()
    for (s, e, _), (s2, e2, _) in zip(spans, spans[1:]):
        if s2 == e + 1 and not ITEM_START.match(text, s2) and not PADDED_NUMBER_LINE.fullmatch(text, s, e) \
                and not PADDED_NUMBER_LINE.fullmatch(text, s2, e2):
            soft.add(e)
    return frozenset(soft)


#: A table row's cell separators: a tab (a table copied out of a document or a sheet, as the DOCX, HTML and PDF
#: readers write a row), or a bar (a table typed or exported as text: 序号 | 问题类别 | 问题描述), which a row
#: holds at least twice, or once with a space either side (问题类型 | 问题描述: a two-column table).
CELL_SEPARATORS = ("\t", "|", "｜")


#: Columns lined up with spaces (序号  问题类别      问题表现      整改时限): a run of two spaces or more between cells,
#: which :func:`cell_separator` names by this string.
SPACE_GAP = re.compile(r"(?<=\S)[ \u3000]{2,}(?=\S)")
SPACE_SEPARATOR = "  "


#: Cells between any run of spaces (a table of counts whose figures stand a space apart: 党的领导方面 2 8 7 1), which
#: :func:`row_cells` takes as a separator though :func:`cell_separator` never names it.
ANY_SPACES = " "
_SPACE_RUN = re.compile(r"[ \u3000]+")
#: what a row's ends lose before its cells are read (not a tab: a row's first or last cell may be empty)
_ROW_PADDING = " \u3000\r\n"


def row_cells(text: str, s: int, e: int, sep: str = "\t") -> list[tuple[int, int]]:
    """Where the cells of the table row ``text[s:e]`` lie, as the separator ``sep`` splits it (a tab, a bar,
    :data:`SPACE_SEPARATOR` or :data:`ANY_SPACES`).  Only a tab row keeps the spaces at its ends: elsewhere they are
    no cell, nor is a bar that opens or closes the row (| a | b |).  The cells are not trimmed: callers trim a cell
    as what they read from it needs."""
    if sep != "\t":
        s, e = strip_span(text, s, e, lead=_ROW_PADDING, trail=_ROW_PADDING)
    if sep in (SPACE_SEPARATOR, ANY_SPACES):
        gaps = [m.span() for m in (SPACE_GAP if sep == SPACE_SEPARATOR else _SPACE_RUN).finditer(text, s, e)]
    else:
        if sep != "\t":
            s += text.startswith(sep, s)
            e -= e > s and text[e - 1] == sep
        gaps = [(k, k + 1) for k in range(s, e) if text[k] == sep]
    bounds = [s, *(x for gap in gaps for x in gap), e]
    return [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]


def cell_separator(text: str, s: int = 0, e: int | None = None, *, spaces: bool = False) -> str | None:
    """The cell separator of the line ``text[s:e]``; None for a line that is no table row.  With ``spaces``, a line of
    three cells or more lined up with runs of spaces is a row too (its separator :data:`SPACE_SEPARATOR`), where the
    caller reads its cells between those runs."""
    e = len(text) if e is None else e
    if "\t" in text[s:e]:
        return "\t"
    bar = next((bar for bar in CELL_SEPARATORS[1:] if text.count(bar, s, e) >= 2 or text.find(f" {bar} ", s, e) >= 0),
               None)
    if bar is None and spaces and len(SPACE_GAP.findall(text, s, e)) >= 2:
        return SPACE_SEPARATOR
    return bar


#: A paragraph's first-line indent: two spaces, or an ideographic space.
INDENTS = ("\u3000", "  ")
#: Shortest full line of a hard-wrapped text (a PDF's page width is 25-40 characters of body text).
_WRAP_MIN = 20
#: What a page's wrap never splits (18.6, 1420, GDP): a line ends short when the next one opens with a run that did not fit.
_UNSPLIT = re.compile(r"[0-9A-Za-z.%]+")


def _page_width(spans: list[tuple[int, int, int]], least: float = 0) -> tuple[int, int]:
    """(the usual width of a full line, in half-width units, and how many lines are within a character of it) of
    the lines ``spans`` measured; (0, 0) when fewer than ``least`` are long enough to be a full line."""
    counts: dict[int, int] = {}
    for _, _, n in spans:
        if n >= 2 * _WRAP_MIN:
            counts[n] = counts.get(n, 0) + 1
    if not counts or sum(counts.values()) < least:
        return 0, 0
    get = counts.get
    near = {n: c + get(n - 1, 0) + get(n + 1, 0) + get(n - 2, 0) + get(n + 2, 0) for n, c in counts.items()}
    width = max(counts, key=lambda n: (near[n], counts[n], n))
    return width, near[width]


#: What stands half as wide as a Chinese character on a page.
_NARROW = re.compile(r"[0-9A-Za-z.%/+ -]")


def _half_widths(text: str, s: int, e: int) -> int:
    """How wide ``text[s:e]`` stands on a page, without the spaces at its ends, in half-width units: a Chinese
    character or full-width mark (the normalizer's ASCII punctuation was one) two, a digit, a Latin letter and
    the marks that go with them (. % - / +) one."""
    s, e = strip_span(text, s, e, lead=" \t\u3000", trail=" \t\u3000\r")
    return 2 * (e - s) - len(_NARROW.findall(text, s, e))


@lru_cache(maxsize=8)
def soft_breaks(text: str, *, short_lines: bool = True) -> frozenset[int]:
    """Line breaks that only wrap a line at the page width (a text copied out of a PDF): after a line as
    long as the text's usual full line, before a line that opens no new item.  Empty for a text written
    one paragraph a line, whose line lengths do not bunch at one width.  ``short_lines``: also the breaks of
    a post written in short lines (a WeChat post, slides), whose lines are phrases as much as wraps."""
    furniture = page_furniture(text)  # a page's number and header lie inside the line they interrupt
    # a paragraph's first line is as wide as the others with its two-character indent
    spans = [(s, e, len(line.strip()) + 2 * line.startswith(INDENTS)) for s, e, line in lines(text)
             if line.strip() and s not in furniture]
    if len(spans) < 6:
        return frozenset()
    if len(spans) >= _SHORT_LINES_MIN and _short_lined(text, spans):
        if _counted_rows(text, spans):  # a table copied one cell a line: its lines are cells, none goes on
            return frozenset()
        return _short_line_breaks(text, spans) if short_lines else frozenset()
    # a page wraps at a width, which a count of characters may miss: a digit or a Latin letter is half as wide as
    # a Chinese character (…2023年10月16日至12月22日… fills the line with 44 characters where 38 fill it elsewhere).
    # A break is a wrap under either measure, each against its own usual full line.  A row of a table lined up
    # with spaces is as wide as the others by design: no full line of prose.
    rows = {s for s, e, _ in spans if SPACE_GAP.search(text, s, e)} if SPACE_GAP.search(text) else set()
    # a text whose paragraphs open indented (公文's two-character indent) starts a paragraph at every indent
    indented = sum(text.startswith(INDENTS, s) for s, _, _ in spans) >= 3
    soft: set[int] = set()
    for measured, unit in (([(s, e, 2 * n) for s, e, n in spans], 2),
                           ([(s, e, _half_widths(text, s, e) + 4 * text.startswith(INDENTS, s)) for s, e, _ in spans], 1)):
        least = max(4, 0.3 * len(spans))
        width, full = _page_width([x for x in measured if x[0] not in rows], least)
        if full >= least:
            soft |= _wraps(text, measured, width, unit, furniture, indented=indented)
    return frozenset(soft)


def _wraps(text: str, spans: list[tuple[int, int, int]], width: int, unit: int, furniture: frozenset[int], *,
           indented: bool) -> set[int]:
    """The breaks after the lines ``spans`` (measured in half-width units) that are full at ``width``, before a
    line that opens no new item; ``unit``: how wide the measure takes a character of a run that did not fit."""
    soft = set()
    for (s, e, n), (s2, _, _) in zip(spans, spans[1:]):
        between = [k for k in range(e, s2) if text[k] == "\n"]  # the break, and those of furniture lines
        unsplit = _UNSPLIT.match(text, s2)
        # …清退违规所得共计\n18.6万元。: full had the number fitted; not after a sentence's end (a paragraph's last line)
        fitted = n + unit * len(unsplit.group()) if unsplit and text[e - 1] not in FULL_STOPS + ";:" else n
        # an item marker opens a new line, but for 二是…: a run of them goes on inside a paragraph
        # a line that leaves a cited title open (…学校修订《云湖农业大学\n“十四五”…》) ends no paragraph, however short
        open_title = text.rfind("《", s, e) > text.rfind("》", s, e)
        if ((fitted >= width - 4 or open_title and n >= 2 * _WRAP_MIN) and (not ITEM_START.match(text, s2) or SHI_LABEL.match(text, s2))
                and not (indented and text.startswith(INDENTS, s2))
                and all(k + 1 == s2 or k + 1 in furniture for k in between)):
            soft.update(between)
    return soft


def unwrapped(text: str) -> tuple[str, list[int]]:
    """``text`` as written before a PDF's page wrapped it: without the breaks that only wrap a line at the page
    width (:func:`soft_breaks`, not a short-line post's) and the page furniture between such lines (— 2 —), so
    that a phrase broken across lines (在…方\n面, 三是\n…) reads whole; and where each of its characters (and
    its end) stands in ``text``, to map what is found there back.  ``text`` itself and no positions when it has
    no such wraps."""
    soft = soft_breaks(text, short_lines=False)
    if not soft:
        return text, []
    furniture = page_furniture(text)
    dropped = set(soft)
    for s, e, _ in lines(text):  # a page's number or header line between two wrapped lines goes with the wraps
        if s in furniture and s - 1 in soft:
            dropped.update(range(s, e + 1))
    where = [k for k in range(len(text)) if k not in dropped]
    where.append(len(text))
    return "".join(text[k] for k in where[:-1]), where


def span_back(where: list[int], start: int, end: int) -> tuple[int, int]:
    """A span found in :func:`unwrapped`'s text, as ``(start, end)`` in the text it was unwrapped from (``where``: its
    positions): the end right after the span's last character, so a span holds the breaks inside it, not after it."""
    return where[start], where[end - 1] + 1 if end > start else where[end]


#: A space between two Chinese characters: where :func:`reflowed` put a PDF's wrap (该项工作长 期坚持); a cue read across it
#: is read with it taken out.
WRAP_SPACE = re.compile(f"(?<=[{HAN_RANGE}]) (?=[{HAN_RANGE}])")


def reflowed(text: str) -> str:
    """``text`` with the line breaks that only wrap a line at the page width (:func:`soft_breaks`, not a short-line
    post's: its lines are phrases, separator lines and headings as much as wraps) as spaces: the same length, so
    a sentence or a title a PDF broke across lines reads whole at the same offsets."""
    soft = soft_breaks(text, short_lines=False)
    if not soft:
        return text
    chars = list(text)
    for k in soft:
        chars[k] = " "
    return "".join(chars)
