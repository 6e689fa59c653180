"""Enumeration markers: the one home for how items are numbered in these texts.

Headings stand at the start of a line: ``一、`` ``(一)`` ``1.`` ``1、`` ``1 `` ``1.1`` ``(1)`` (or ``1)``) ``①`` and
restated-problem blocks ``问题一:`` / ``问题1:`` (or ``问题一`` alone on its line, the problem below it); their conventional rank (``FAMILY_RANK``)
nests them when several families are used.  Enumerations run inside a paragraph, at the
start of a clause: ``一是 二是``, ``第一, 第二``, ``其一``, ``首先 其次 再次 最后``, ``一方面 另一方面``, ``①②``,
``(1)(2)``; the same families at a line start number whole paragraphs.  ``一要`` /
``一是要`` / ``首先要`` enumerate demands, not findings (``Marker.demand``).

Text is normalized (full-width brackets and punctuation folded to ASCII); offsets are
``str`` indices.  Every item of a list must continue its numbering (:func:`runs`), which
removes dates, decimals and stray numerals (8.2021年: item 8 on a year, typed without a space).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.lang.numerals import marker_number

CN_NUM = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: Numbers Word and the input methods write as one character, each the same marker as its spelled-out form
#: (a paste or our DOCX reader keeps them, and folding them would change the text's length): ㈠ is (一),
#: ⑴ is (1), ⒈ is 1.
PAREN_CN = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
PAREN_DIGITS = "".join(map(chr, range(0x2474, 0x2488)))  # ⑴ … ⒇
DIGIT_STOPS = "".join(map(chr, range(0x2488, 0x249C)))  # ⒈ … ⒛
ENCLOSED = PAREN_CN + PAREN_DIGITS + DIGIT_STOPS
#: an enclosed number's value (㈢ 3, ⑿ 12, ⒌ 5)
ENCLOSED_VALUE: dict[str, int] = {ch: k + 1 for chars in (PAREN_CN, PAREN_DIGITS, DIGIT_STOPS) for k, ch in enumerate(chars)}
#: A footnote that defines the word its mark follows in the text (①交叉学科:指经学校…审议通过的学科方向): the mark
#: glued to that word (交叉学科①,) refers to it and opens no item.
FOOTNOTE_DEFINITION = re.compile(rf"^[ \t]*([{CIRCLED}])[^\n:：]{{1,20}}[:：](?:是指|指|即)", re.M)
#: Decoration a newspaper puts before a sub-heading (◆服务实体经济质效不高), and the bracket a heading is set in
#: (〖一、党的领导弱化〗: its 〗 ends the heading's text as its 。 would).
DECORATION = "◆◇■□●○▲△★☆▶►•·※▍▪◎➤📌📍👉🔸🔹🔶🔷✅🔺🔻⭐💡🌟✨➡〖"
#: Line-initial bullets of an unnumbered list: the decoration, and a dash (——学习贯彻…不够深入。, or a
#: single — or - (a slide's –) before a space: a slide's sub-bullet; never a page number's — 3 —).
BULLETS = tuple(DECORATION) + ("——", "— ", "- ")
#: A line that is only a page number (3, - 3 -, — 3 —, 第3页 共10页, 共10页 第3页, 3/10, Page 3 of 10): what
#: a PDF's page leaves in its text; never a bullet, never a finding.
PAGE_NUMBER_LINE = re.compile(
    r"""^[ \t]*(?:
        [-—–－―‒~\s]*\d{1,4}[-—–－―‒~\s]*                       # 3, - 3 -, —3—
      | 第\s*[\d一二三四五六七八九十百零〇]+\s*页(?:\s*[,，/、]?\s*共\s*\d+\s*页)?  # 第3页, 第 3 页 共 10 页
      | 共\s*\d+\s*页\s*[,，]?\s*第\s*\d+\s*页
      | \d{1,4}\s*/\s*\d{1,4}                                    # 3/10
      | (?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?                 # Page 3 of 10
    )[ \t]*$""",
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)
#: The space after an item's bare number (2 落实…方面), not before a count's unit or a date's (2 名, 3 %): the same
#: for a line's marker and for a line that opens an item.
_NUMBER_SPACE = r"[ \t]+(?=[^\d\s.%万亿元个项名次倍年月日])"
#: What opens a new item at a line start, in one glance and without its numbering checked (一、 (一) 1. ①
#: ◆ —— 第一 一是 问题一): a line that starts so never goes on with the line above (lang.text.soft_breaks).
ITEM_START = re.compile(rf"[ \t]*(?:[一二三四五六七八九十]+[、是]|[(][一二三四五六七八九十\d]+[)]|\d+(?:[、)]|\.(?!\d))"
                        rf"|[①-⑳{PAREN_CN}{PAREN_DIGITS}{DIGIT_STOPS}{DECORATION}—]"
                        # 1.1 / 2.3 an outline's numbers (not 16.5万元 or 3.5%, a wrapped line's amount)
                        r"|\d{1,2}\.\d{1,2}(?![\d.%万亿千百元个倍吨])"
                        # 2 落实…方面: an outline's number and a space (not 2 名, a wrapped line's count)
                        rf"|\d{{1,2}}{_NUMBER_SPACE}"
                        # 第一, / 第二是 (not 第七巡视组 or 第3次, which a wrapped line may start with)
                        rf"|第[{CN_NUM}]{{1,3}}(?:[,、:]|是)"
                        # 问题一: / 【问题2】 / 问题三 alone on its line (not 问题19起, a wrapped line's words)
                        rf"|【?问题[{CN_NUM}\d]{{1,3}}(?:[:、.】]|[ \t]*$))", re.MULTILINE)
#: A web page's breadcrumb copied with its text (首页 > 信息公开 > 巡视整改): the page's path, no title or item.
BREADCRUMB_LINE = re.compile(r"[ \t]*(?:首页|您?当前(?:的)?位置|您的位置|您现在的位置|网站首页)[^\n]{0,60}?[>›»]")
#: A line that separates a post's parts (———— 💡 巡察组肯定 ————, ------): no item goes on over it.
SEPARATOR_LINE = re.compile(r"[ \t]*(?:[—\-=_~]{4,}|—{2}[^\n]*—{2}[ \t]*$)")
#: A line that is only a zero-padded item number (01, 02 … of a post written in short lines): the item
#: is the lines below it.  Read as a number only in a text whose first one, 01, stands so.
PADDED_NUMBER_LINE = re.compile(r"[ \t]*(0[1-9]|[1-9]\d)[ \t]*")
_FIRST_PADDED = re.compile(r"(?:^|\n)[ \t]*01[ \t]*\n")


@lru_cache(maxsize=2)
def has_padded_numbers(text: str) -> bool:
    """Whether items are numbered 01, 02 … on lines of their own.  Cached for the text at hand (two: a notice
    and the part being read): :func:`scan` asks it of the whole text for every stretch it scans, thousands of
    times on a long list, and a str keeps its hash, so asking again costs no pass over the text."""
    return bool(_FIRST_PADDED.search(text))


#: Family name prefix of a bullet list (``bullet◆``, ``bullet——``).
BULLET = "bullet"

#: Conventional rank of the line-initial families (smaller = higher in the hierarchy).
FAMILY_RANK: dict[str, float] = {
    "cn_dun": 0, "problem": 0.5, "cn_paren": 1, "arabic": 2, "decimal": 2.5, "arabic_paren": 3, "arabic_close": 3.5,
    "latin": 3.75, "circled": 4,
    "ordinal": 5, "sequence": 5, "shi": 6,
}
#: Families that enumerate inside a paragraph (arabic too: 主要问题:1.…;2.…).
INLINE_FAMILIES = frozenset({"shi", "ordinal", "sequence", "circled", "arabic_paren", "yao"})
#: The value of each word of a sequence (首先 1, 其次 2; 最后 closes it whatever its length).
SEQUENCE_VALUES = {"首先": 1, "其次": 2, "再次": 3, "然后": 4, "最后": 99, "一方面": 1, "另一方面": 2}
#: How far the next item of a list may jump: previous + 1, two missing numbers tolerated.
MAX_STEP = 3

_N = rf"[{CN_NUM}]{{1,3}}"
#: A 一是…十是 label with its punctuation, as a finding's first words (四是…, continuing a run its paragraph did not open).
SHI_LABEL = re.compile(rf"{_N}是[,:]?")
_LINE = re.compile(
    rf"""
    (?P<problem>[(【]?问题(?:{_N}|\d{{1,2}})(?:[)】][:、.,]?|[:、.,]|[ \t]*$|[ \t]+(?=\S)))  # 问题一　X: a slide's title
  | (?P<cn_dun>{_N}、|第{_N}(?:部分|方面)(?:[ \t]+|[:、,]))  # 第三部分　发现的主要问题, 第一方面:…: parts named by number
  | (?P<cn_paren>[(][ \t]?{_N}[ \t]?[)][、.,:]?|[{PAREN_CN}][、.,:]?)
  | (?P<decimal>\d{{1,2}}\.\d{{1,2}}(?=[ \t]|[^\d.%万亿元个项名次倍])(?![ \t]*[%万亿元个项名次倍]))
  | (?P<arabic>\d{{1,2}}(?:、|\.(?!\d)|\.(?=(?:19|20)\d{{2}}年)|,(?=[^\d\s])|[ \t]\.[ \t]|{_NUMBER_SPACE})|[{DIGIT_STOPS}])
  | (?P<arabic_paren>[(][ \t]?\d{{1,2}}[ \t]?[)][、.,:]?|[{PAREN_DIGITS}][、.,:]?)
  | (?P<arabic_close>[ \t]?\d{{1,2}}[ \t]?[)][、.,:]?)  # 1) under (1): a level of its own where both are written
  | (?P<latin>[(]?[a-h][)][、.,:]?|[a-h]\.(?=[ \t\u4e00-\u9fff]))  # a) b) c): sub-items typed in Latin letters
  | (?P<circled>[{CIRCLED}])
    """,
    re.VERBOSE,
)
_INLINE = re.compile(
    rf"""
    (?P<shi>{_N}\n?是(?P<shi_yao>要)?[,:]?)  # 三\n是: a page-width wrap may split the label
  | (?P<yao>{_N}要(?![求点素害件务闻员事领])[,:]?)
  | (?P<ordinal>(?:第{_N}(?:个问题)?|其[{CN_NUM}])(?:[,、:]|是(?P<ord_yao>要)?))  # 第三个问题,…: a speech's items
  | (?P<sequence>(?:首先|其次|再次|然后|最后|一方面|另一方面)(?P<seq_yao>要)?[,:]?)
  | (?P<circled>[{CIRCLED}])
  | (?P<arabic_paren>(?:[(]|(?<![\d(]))\d{{1,2}}[)]|[{PAREN_DIGITS}])
  | (?P<arabic>(?<![\d.])\d{{1,2}}(?:[.、](?![\d.])|[.、](?=(?:19|20)\d{{2}}年)))
    """,
    re.VERBOSE,
)
#: A report's outline (:mod:`pipeline.outline`) reads fewer forms than a feedback's list: headings at a line
#: start in these families only (no 1.1 outline numbers, no bare "1 " numbers, no bullets: in a report's running
#: text they are figures and dates more often than headings), and inline enumerations in these.
OUTLINE_HEADING_FAMILIES = ("cn_dun", "problem", "cn_paren", "arabic", "arabic_paren", "circled")
OUTLINE_HEADING = re.compile(
    rf"""
    (?P<cn_dun>[{CN_NUM}]{{1,3}}、)
  | (?P<problem>【?问题(?:[{CN_NUM}]{{1,3}}|[0-9]{{1,2}})(?:[:：]|】))
  | (?P<cn_paren>[(（][{CN_NUM}]{{1,3}}[)）]|[{PAREN_CN}])
  | (?P<arabic>[0-9]{{1,2}}(?:\.|、|．)(?![0-9])|[{DIGIT_STOPS}])
  | (?P<arabic_paren>[(（]?[0-9]{{1,2}}[)）]|[{PAREN_DIGITS}])  # 1) as Word numbers, where a paste kept the number and lost its indent
  | (?P<circled>[{CIRCLED}])
    """,
    re.VERBOSE,
)
#: A heading line whose number a paste lost (巡察整改工作开展情况 / 落实全面从严治党战略部署方面 / 下一步工作打算): a short
#: line, no figure and no punctuation but 、“”《》, ending in a heading's noun.  Read only in a report with no 一、 heading.
BARE_HEADING = re.compile(r"[^\d\s。,;:!?()（），；：！？．.]{2,24}?"
                          r"(?:情况|方面|打算|安排|措施|成效|做法|举措|问题|体会|不足|思路|计划|进展|工作)")
#: Of those, the ones naming a field (…方面): one level under the others where a report has both.
BARE_FIELD_HEADING = re.compile(r".*方面$")
#: Inline enumerations of a report's outline, anywhere in a line (the clause-start test is the caller's).
OUTLINE_ENUMERATION = re.compile(
    rf"(?P<shi>[{CN_NUM}]{{1,3}}是)|(?P<ordinal>第[{CN_NUM}]{{1,3}}[,、:，：])|(?P<sequence>(?:首先|其次|再次|最后)[,:，：])"
    rf"|(?P<circled>[{CIRCLED}])|(?P<arabic_paren>[(（][0-9]{{1,2}}[)）]|[{PAREN_DIGITS}])"
)
_INLINE_GROUPS = ("shi", "yao", "ordinal", "sequence", "circled", "arabic_paren", "arabic")
#: What may stand before a clause-initial enumeration marker.
_CLAUSE_BREAK = set("。;:!?\n")
_WEAK_BREAK = set(",、")


@dataclass(frozen=True, slots=True)
class Marker:
    """One enumeration marker as written."""

    family: str
    value: int
    start: int
    end: int  # after the marker and its own punctuation (一、 / 一是, / 问题一:)
    line_initial: bool
    demand: bool = False  # 一要 / 一是要 / 首先要: a list of demands
    weak: bool = False  # inline after a comma: kept only inside a run

    @property
    def rank(self) -> float:
        return FAMILY_RANK.get(self.family, 7)


def marker_value(family: str, label: str) -> int | None:
    """The number a marker's ``label`` of ``family`` stands for (一、 1, (三) 3, ⑴ 1, 其次 2, b) 2, 2.3 3,
    【问题5】 5); None where the label names none. Full-width brackets count as their ASCII forms (a
    heading is read before the text is folded)."""
    if (first := label.lstrip()[:1]) in ENCLOSED_VALUE:
        return ENCLOSED_VALUE[first]
    if family == "circled":
        return CIRCLED.index(label[0]) + 1
    if family == "sequence":
        return next((v for word, v in SEQUENCE_VALUES.items() if label.startswith(word)), None)
    if family == "decimal":  # 2.3: the third item under the second heading
        return int(label.split(".")[1])
    if family == "latin":  # a) / (b) / c.
        return ord(next(ch for ch in label if "a" <= ch <= "h")) - ord("a") + 1
    core = label.strip()
    for junk in "()（）【】、.．,，:：是要第其个问题部分方面 \t\n":  # 3 . / (1 ): a word processor's numbering pasted as text
        core = core.replace(junk, "")
    if core.isdigit():
        return int(core)
    return marker_number(core)


#: A report's part that names the feedback's problem by its number only (问题2:5月14日制定印发…; 关于问题三:…;
#: 【问题5】…): the number is group ``n``.
PROBLEM_NUMBER = re.compile(rf"[ \t]*(?:关于)?(?P<open>【)?问题(?P<n>[0-9]{{1,2}}|[{CN_NUM}]{{1,3}})(?(open)】|[:：])")
#: An item number inside a line (1.修订…;2.举办…), after a field's name or a clause's end (not 4.26万元).
INLINE_NUMBER = re.compile(r"([1-9][0-9]?)[.．、](?![0-9])")
#: A sub-heading in brackets (【整改进展】, 【问题清单】, [工作成效]): a post's or a page's heading of its own.
BRACKET_HEADING = re.compile(r"[【\[]([^】\]\n]{2,40})[】\]]")


def is_bullet(family: str) -> bool:
    return family.startswith(BULLET)


def bullet_at(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """(symbol, end after it and its spaces) of a bullet at ``pos``; None when there is none or a
    numbered marker follows it (◆1、… is numbered)."""
    symbol = next((b for b in BULLETS if text.startswith(b, pos)), None)
    if symbol is None or PAGE_NUMBER_LINE.match(text[pos:end]):  # ``end``: the line's end
        return None
    symbol = symbol.strip()
    k = pos + len(symbol)
    while k < end and text[k] in " \t":
        k += 1
    if k >= end or _LINE.match(text, k, end) or text[k] in DECORATION or text[k] == "—":
        return None
    return symbol, k


def line_start(text: str, pos: int) -> int:
    """``pos`` moved past spaces and sub-heading decoration at the start of a line."""
    while pos < len(text) and (text[pos] in " \t" or text[pos] in DECORATION):
        pos += 1
    return pos


def _before(text: str, s: int) -> str:
    """The character before ``s`` past spaces and decoration; "\n" at a line start."""
    k = s - 1
    while k >= 0 and (text[k] in " \t" or text[k] in DECORATION):
        k -= 1
    return "\n" if k < 0 else text[k]


def line_family(text: str, pos: int) -> str | None:
    """The family of the numbering marker that opens the line at ``pos`` ((1), 1., 一、, ①), without a scan of the
    line's inline enumerations: a cheap question to ask of every sentence of a long list."""
    i = line_start(text, pos)
    m = _LINE.match(text, i)
    return m.lastgroup if m is not None else None


def scan(text: str, start: int = 0, end: int | None = None) -> list[Marker]:
    """Every marker candidate in ``text[start:end]`` in text order: line-initial markers of any
    family, and clause-initial inline enumerations (not inside a word: 统一是, 唯一要求).  Whether
    a marker starts a line is read from the whole text, not from ``start``."""
    end = len(text) if end is None else end
    out: list[Marker] = []
    bullets: dict[str, int] = {}  # symbol -> lines it opened so far
    padded = has_padded_numbers(text)
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        lend = end if nl < 0 else nl
        i = line_start(text, pos)
        head_end = i
        first = pos
        while first < lend and text[first] in " \t":
            first += 1
        bullet = bullet_at(text, first, lend) if _before(text, first) == "\n" else None
        if bullet is not None:
            symbol, head_end = bullet
            bullets[symbol] = bullets.get(symbol, 0) + 1
            out.append(Marker(BULLET + symbol, bullets[symbol], first, head_end, True))
        m = _LINE.match(text, i, lend) if bullet is None and _before(text, i) == "\n" else None
        if m and (text[m.end():lend].strip() or m.lastgroup == "problem" and not text[i:m.start()].strip()):
            value = marker_value(m.lastgroup, m.group())
            if value is not None:
                out.append(Marker(m.lastgroup, value, m.start(), m.end(), True))
                head_end = m.end()
        elif bullet is None and padded and (p := PADDED_NUMBER_LINE.fullmatch(text, i, lend)):
            out.append(Marker("arabic", int(p.group(1)), p.start(1), p.end(1), True))  # 01 alone: the lines below
            head_end = lend
        # a label a page-width wrap split (…;三\n是…) is read from the line it starts on
        reach = min(end, lend + 2) if nl >= 0 else lend
        for em in _INLINE.finditer(text, i, reach):
            s = em.start()
            if s >= lend:
                break
            rest_end = lend
            if em.end() > lend:  # the item's words are on the next line
                rest_end = text.find("\n", em.end(), end)
                rest_end = end if rest_end < 0 else rest_end
            if s < head_end or not text[em.end():rest_end].strip():
                continue
            family = next(k for k in _INLINE_GROUPS if em.group(k))
            prev = _before(text, s)
            initial = prev == "\n"
            if not initial and prev not in _CLAUSE_BREAK and prev not in _WEAK_BREAK and family != "circled":
                continue  # inside a word
            if family == "circled" and not initial and "\u4e00" <= prev <= "\u9fff" and em.group() in footnote_marks(text):
                continue  # 交叉学科①,: a footnote's mark
            if family == "arabic" and (initial or prev not in _CLAUSE_BREAK):
                continue  # 1. inline only after ;: or 。 (a line-initial 1. is a heading, read above)
            value = marker_value(family, em.group())
            if value is None:
                continue
            demand = family == "yao" or bool(em.group("shi_yao") or em.group("ord_yao") or em.group("seq_yao"))
            out.append(Marker("shi" if family == "yao" else family, value, s, em.end(), initial, demand,
                              prev in _WEAK_BREAK))
        if nl < 0:
            break
        pos = nl + 1
    return out


@lru_cache(maxsize=8)
def footnote_marks(text: str) -> frozenset[str]:
    """The marks of the text's definition footnotes (:data:`FOOTNOTE_DEFINITION`)."""
    return frozenset(m.group(1) for m in FOOTNOTE_DEFINITION.finditer(text)) if any(c in text for c in CIRCLED) else frozenset()


#: The next item of a run (二是, 三要, 其次, 第二, (二), 2.) opening a sentence: after a demand sentence, the next demand.
NEXT_ITEM = re.compile(rf"[ ,]*(?:[二三四五六七八九十]+[是要]|其次|再次|最后|第[二三四五六七八九十]+|[(][二三四五六七八九十]+[)]|[2-9][.、]"
                       rf"|[{PAREN_CN[1:]}{PAREN_DIGITS[1:9]}{DIGIT_STOPS[1:9]}])")


def runs(markers: list[Marker]) -> list[list[Marker]]:
    """Consistent sequences per family (1, 2, 3 …; up to two missing numbers; 最后 closes a
    首先 run), in order of their first marker.  Demand and finding markers never share a run."""
    open_runs: dict[tuple[str, bool, bool], list[Marker]] = {}
    done: list[list[Marker]] = []
    for m in markers:
        key = (m.family, m.demand, m.line_initial and m.family not in INLINE_FAMILIES)
        run = open_runs.get(key)
        limit = (run[-1].value + MAX_STEP) if run else 0
        if m.family == "sequence" and m.value == 99:
            limit = 99
        if run and run[-1].value < m.value <= limit:
            run.append(m)
        elif m.value == 1 or (m.family in ("arabic", "cn_paren", "problem") and m.line_initial and not run):
            if run:
                done.append(run)
            open_runs[key] = [m]
    done.extend(open_runs.values())
    done.sort(key=lambda r: r[0].start)
    return done
