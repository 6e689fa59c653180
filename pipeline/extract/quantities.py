"""Quantities in report text: numeral + measure word, money, percentages.

``extract_quantities(text)`` takes NORMALIZED text and returns ``Quantity``
records sorted by start.  A quantity is a numeral (Arabic, Chinese or mixed,
with 万/亿 multipliers applied) followed by a measure word or unit from
``models/units.tsv`` (召开18次, 4761人次, 94.5亿元, 26万户), a percentage (30%,
百分之三十, 三成, 3个百分点), a fraction (三分之一, given in percent) or a bare
number carrying 万/亿 (投资2.5亿).  Ranges (3至5项, 5—10人) fill ``value_max``.
Approximators adjacent to the numeral (近100人, 13000余名, 800多家, 约, 超过,
至少, 左右, 以上) are part of the span and go to ``approx`` as written.

What reports write with numerals but is NOT a quantity is never emitted, by
rule first and by lexicon second, so the behaviour carries over to unseen
reports: ordinals (第 prefix, 六次全会, 十九届, 二十大), dates (年/月/日 are not
units), durations (一个月, 三个半月), frequencies (每年开展1次, 5年一次: those are
time expressions), enumeration markers, identifiers (digits glued to letters,
@, +), names and slogans (quoted short formulas “四个意识”, the pattern
一岗双责 / 三重一大, N个一 formulas, numerals inside 《》 titles, and
``models/fixed_numerals.txt``), and idioms (统一, 进一步, 一起).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from pipeline.lang.cues import appendix_names
from pipeline.lang.dates import FREQUENCY_EVERY, FREQUENCY_PER_PERIOD
from pipeline.lang.numerals import CN_DIGITS, NUMERAL_CHARS, parse_numeral
from pipeline.lang.tables import count_cells
from pipeline.lang.spans import SpanIndex
from pipeline.records import Quantity

__all__ = ["extract_quantities", "read_quantity_at", "load_units", "load_fixed_numerals", "UnitInfo"]

_CN_DIGIT_VALUES = {ch: value for ch, value in CN_DIGITS.items() if value}  # 一..九 and 两, no zeros

_ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?)"
_ARABIC_NUM = rf"{_ARABIC}(?:[余多](?=[万亿千]))?(?:万亿|千万|百万|亿|万|千)?"
_CN_NUM = (
    rf"[{NUMERAL_CHARS}]+(?:点[零〇一二三四五六七八九]+[万亿]?)?"
    r"(?:(?<=[十百千万亿])[余多几来](?:万亿|千万|百万|亿|万)?)?"
)
_ANY_NUM = rf"(?:{_ARABIC_NUM}|{_CN_NUM})"

# Order matters: 百分之X before B分之C before a plain numeral.
_TOKEN = re.compile(
    rf"(?P<pct>百分之(?P<pct_num>负?{_ANY_NUM}|百(?![分万千亿])))"  # 百分之百: all of it
    rf"|(?P<frac>(?P<den>{_ANY_NUM})分之(?P<nom>{_ANY_NUM}))"
    rf"|(?P<half>半)(?=[个斤吨米亩])"
    rf"|(?P<num>{_ANY_NUM})"
)
# Every _TOKEN match starts with one of these characters.  Python's regex engine
# tries all four branches of _TOKEN at every position of the text; jumping from
# one such character to the next with this plain class first is 3-4x faster.
_TOKEN_FIRST = re.compile(rf"[\d{NUMERAL_CHARS}半]")
_RANGE_SEP = re.compile(rf"\s*(?:至|到|~|-|——|—)\s*(?P<num2>{_ANY_NUM})")
_FILLER_AFTER = re.compile(r"[余多]")
_POST_APPROX = re.compile(r"左右|以上|以下|以内|之多|有余|上下")
# Qualifiers written before the numeral, longest first.
_PRE_APPROX = (
    "将近", "接近", "大约", "约为", "约有", "超过", "不少于", "不低于", "不下于", "不足", "不到",
    "至少", "最少", "最多", "多达", "逾", "近", "约", "上", "超", "数", "几",
)
# 数十 / 几十 / 数百 / 几千: several tens, hundreds ... (the value is the round number written)
_SEVERAL_NUMERAL = re.compile(r"^[十百千万]")
# 人数, 次数, 总数 …: 数 ending a word, not 'several'
_SEVERAL_BLOCKERS = "人次总件分指岁位函系参基变常半多少无倍度级户票页字数均"
_NEAR_BLOCKERS = "最附邻接将临贴亲靠"  # 最近3次 = the last 3, not "nearly"

_BARE_ONE_BLOCKERS = frozenset("统进唯万专同划单均逐归合如之整初纯惟择其某每第周这那另任哪")
#: 第三, 周五; and the ordinals after the first under one 第 (第1、2项, 第三、四批, 第一、二、三等奖)
_ORDINAL_PREFIX = re.compile(r"(?:第|周|星期|礼拜|初)\s*$|第[0-9一二三四五六七八九十]{1,3}(?:[、和及至][0-9一二三四五六七八九十]{1,3})*[、和及至]$")
_RANKING_PREFIX = re.compile(r"(?:前|后)$")
_CLAUSE_BREAK = re.compile(r"[,;。!?:\n、]")
_SENTENCE_PART = re.compile(r"[,;。!?:\n]")
_COUNT_BETWEEN = re.compile(r"[\d一二两三四五六七八九十]+[次场]")
_TITLE = re.compile(r"《[^《》\n]*》")
_QUOTE_OPEN = "“‘\"'「『"
_QUOTE_CLOSE = "”’\"'」』"
# 一岗双责, 三重一大, 一带一路, 一区两群, 两学一做, 一人一档: N A N' B
_NANB = re.compile(r"[一二两三四五六七八九十百千万]([^\W\d_])[一二两三四五六七八九十双]([^\W\d_])")
_NANB_LINKS = frozenset("至到或和与及行")  # 三至五项 is a range, 一行三人 a party of three, not formulas
_ID_NEIGHBOURS = frozenset("+@#_/\\&=")
_TIMES_LIKE_UNITS = frozenset({"次", "场", "场次", "轮", "轮次", "期", "批次"})
_INDEFINITE_BEFORE = re.compile(r"(?:作为|成为|是|做|当)$")
_TIME_AFTER = frozenset("年月日天周岁号时分秒代")
_SKIP_BEFORE_CHECK = re.compile(r"[多半余]")
_INNER_FILLER = re.compile(r"[余多几来]")
_HAS_BIG_MULTIPLIER = re.compile(r"[万亿]")
_ENDS_WITH_MULTIPLIER = re.compile(r"(万亿|千万|百万|亿|万|千)$")
_ENDS_WITH_BIG_UNIT = re.compile(r"[万亿千]$")
_HUNDRED_THOUSAND = re.compile(r"^[百千万][余多]?$")
_PRE_APPROX_MAX = max(len(w) for w in _PRE_APPROX)
_PRE_APPROX_LAST = frozenset(w[-1] for w in _PRE_APPROX)  # no qualifier unless the char before ends one


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """One row of ``models/units.tsv``."""

    unit: str
    kind: str
    flags: frozenset[str]
    not_before: tuple[str, ...]


@lru_cache(maxsize=1)
def load_units() -> dict[str, UnitInfo]:
    """Measure words and units keyed by their spelling (from ``models/units.tsv``)."""
    table: dict[str, UnitInfo] = {}
    raw = (resources.files("pipeline.models") / "units.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t") + ["", "", ""]
        unit, kind, flags, not_before = (p.strip() for p in parts[:4])
        table[unit] = UnitInfo(
            unit=unit,
            kind=kind,
            flags=frozenset(f for f in flags.split(",") if f),
            not_before=tuple(w for w in not_before.split(",") if w),
        )
    return table


@lru_cache(maxsize=1)
def load_fixed_numerals() -> tuple[str, ...]:
    """Numeral-bearing fixed expressions that are never quantities (longest first)."""
    raw = (resources.files("pipeline.models") / "fixed_numerals.txt").read_text(encoding="utf-8")
    entries = {line.split("#", 1)[0].strip() for line in raw.splitlines()}
    return tuple(sorted((e for e in entries if e), key=len, reverse=True))


@lru_cache(maxsize=1)
def _unit_pattern() -> re.Pattern[str]:
    units = sorted(load_units(), key=len, reverse=True)
    return re.compile("|".join(re.escape(u) for u in units))


@lru_cache(maxsize=1)
def _fixed_pattern() -> re.Pattern[str]:
    """Any fixed expression, the longest one where several start at the same place.

    Grouped by first character (一(?:岗双责|...)|两(?:...)...): the same matches as
    the flat longest-first alternation, but the engine tries one group per
    position instead of all two hundred entries.
    """
    groups: dict[str, list[str]] = {}
    for entry in load_fixed_numerals():  # longest first, kept within each group
        groups.setdefault(entry[0], []).append(entry[1:])
    return re.compile(
        "|".join(re.escape(first) + "(?:" + "|".join(re.escape(rest) for rest in rests) + ")" for first, rests in groups.items())
    )


def _masked_spans(text: str) -> SpanIndex:
    """Stretches where no quantity may start or end: fixed expressions, titles, N-A-N-B slogans."""
    units = load_units()
    spans = [m.span() for m in _fixed_pattern().finditer(text)]
    spans += [m.span() for m in _TITLE.finditer(text)]
    spans += appendix_names(text)  # 附件:1.…十二条措施: a document's name, as in 《》
    for m in _NANB.finditer(text):
        a, b = m.group(1), m.group(2)
        if a in NUMERAL_CHARS or b in NUMERAL_CHARS or a in _NANB_LINKS:
            continue
        if a not in units or b not in units:
            spans.append(m.span())
    return SpanIndex(spans)


def _is_arabic(numeral: str) -> bool:
    return numeral[:1].isdigit()


def _pre_approx(text: str, start: int, numeral: str) -> tuple[str | None, int]:
    """The qualifier written right before the numeral, and the new span start."""
    if not start or text[start - 1] not in _PRE_APPROX_LAST:
        return None, start
    head = text[max(0, start - _PRE_APPROX_MAX) : start]
    for word in _PRE_APPROX:
        if not head.endswith(word):
            continue
        begin = start - len(word)
        if word == "上" and numeral not in ("百", "千", "万") and not _HUNDRED_THOUSAND.match(numeral):
            continue  # 上百人 / 上千家 only
        if word == "近" and begin > 0 and text[begin - 1] in _NEAR_BLOCKERS:
            continue
        if word == "约" and begin > 0 and text[begin - 1] in "制节公条契大签预合违隐相邀特履":
            continue  # 制约, 节约, 公约, 签约, 预约 ...
        if word == "超" and begin > 0 and text[begin - 1] in "高赶":
            continue  # 高超, 赶超
        if word in ("数", "几") and (not _SEVERAL_NUMERAL.match(numeral)
                                    or begin > 0 and text[begin - 1] in _SEVERAL_BLOCKERS):
            continue  # 数十个, 几十户, but not 人数十 or 数3
        return word, begin
    return None, start


def _bare_unit_numeral(numeral: str) -> bool:
    """百 / 千 / 百余 without a digit: only a number when qualified (近百, 上千, 百余)."""
    return _INNER_FILLER.sub("", numeral)[:1] in ("百", "千")


def _adjacent_digit_range(numeral: str) -> tuple[int, int] | None:
    """三四个, 一两个, 七八家: two neighbouring digits mean 'three or four'."""
    if len(numeral) != 2 or any(ch not in _CN_DIGIT_VALUES for ch in numeral):
        return None
    first, second = _CN_DIGIT_VALUES[numeral[0]], _CN_DIGIT_VALUES[numeral[1]]
    if second == first + 1 and numeral != "二三":
        return first, second
    return None


def _blocked_after(text: str, end: int, unit: UnitInfo) -> bool:
    """numeral+unit continuing into another word: 一次性, 六次全会, 三个(半)月, 四部门."""
    follow = text[end : end + 6]
    skipped = _SKIP_BEFORE_CHECK.sub("", follow[:1]) + follow[1:] if follow[:1] in "多半余" else follow
    return follow.startswith(unit.not_before) or skipped.startswith(unit.not_before)


def _is_frequency(text: str, begin: int) -> bool:
    """每年开展1次, 每半年至少1次, 5年一次: counts per period belong to time expressions."""
    head = text[max(0, begin - 60) : begin]
    if FREQUENCY_PER_PERIOD.search(head):
        return True
    clause = _CLAUSE_BREAK.split(head)[-1]
    if FREQUENCY_EVERY.search(clause):
        return True
    # 每学期至少到联系高校、联系市州调研1次: the frequency's own count may follow a 、 list
    cue = None
    for cue in FREQUENCY_EVERY.finditer(_SENTENCE_PART.split(head)[-1]):
        pass
    return cue is not None and not _COUNT_BETWEEN.search(_SENTENCE_PART.split(head)[-1], cue.end())


def _inside_short_quote(text: str, begin: int, end: int) -> bool:
    """“四个意识”, “八个一”, “三个清单”: a quoted formula that starts with the numeral."""
    if begin == 0 or begin > len(text) or text[begin - 1] not in _QUOTE_OPEN:
        return False
    tail = text[end : end + 7]
    close = min((tail.find(q) for q in _QUOTE_CLOSE if q in tail), default=-1)
    return close != -1 and (end - begin) + close <= 8


def _counts_persons(text: str, end: int) -> bool:
    """个 followed by 人 that is not the start of 人民, 人员, 人才 … (the not_before list of 人)."""
    return text.startswith("人", end) and not text.startswith(load_units()["人"].not_before, end + 1)


def _series_gap(gap: str) -> bool:
    """At most a 、 or , and three Chinese characters between two 一{unit} of a series."""
    if gap[:1] in "、,":
        gap = gap[1:]
    return len(gap) <= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in gap)


def _in_one_by_one_series(text: str, start: int, end: int, unit: str) -> bool:
    """一{unit} repeated within a few characters (完成一项、审核一项; 一件一件): a distributive phrase."""
    again = "一" + unit
    after = text[end : end + 4 + len(again)]
    at = after.find(again)
    if at != -1 and _series_gap(after[:at]):
        return True
    before = text[max(0, start - 4 - len(again)) : start]
    at = before.rfind(again)
    return at != -1 and _series_gap(before[at + len(again) :])


_QUOTED_SLOGAN_MAX = 10
#: The longest quoted formula of parallel parts (“一个问题、一名领导、一套方案、一抓到底”), and its shortest run of parts.
_FORMULA_MAX, _FORMULA_PARTS = 30, 3


def _inside_quoted_slogan(text: str, begin: int, end: int) -> bool:
    """The span lies inside “…” of at most ten characters, or inside a quoted formula of three parallel parts or more
    each opening with a numeral (“一个问题、一名领导、一抓到底”): a slogan or a name, not a count."""
    return _inside_short_slogan(text, begin, end) or _inside_formula(text, begin, end)


def _inside_formula(text: str, begin: int, end: int) -> bool:
    opening = text.rfind("“", max(0, begin - _FORMULA_MAX), begin)
    if opening == -1 or "”" in text[opening + 1 : begin] or "\n" in text[opening + 1 : begin]:
        return False
    close = text.find("”", end, end + _FORMULA_MAX)
    if close == -1:
        return False
    parts = text[opening + 1 : close].split("、")
    return len(parts) >= _FORMULA_PARTS and all(p[:1] in NUMERAL_CHARS and len(p) <= 6 for p in parts)


def _inside_short_slogan(text: str, begin: int, end: int) -> bool:
    left = text[max(0, begin - _QUOTED_SLOGAN_MAX) : begin]
    open_at = max(left.rfind(q) for q in "“「")
    if open_at == -1 or any(c in left[open_at + 1 :] for c in "”」\n"):
        return False
    right = text[end : end + _QUOTED_SLOGAN_MAX]
    close_at = min((i for i in (right.find(q) for q in "”」") if i != -1), default=-1)
    if close_at == -1 or any(c in right[:close_at] for c in "“「\n"):
        return False
    return (len(left) - open_at - 1) + (end - begin) + close_at <= _QUOTED_SLOGAN_MAX


def _as_number(value: float | int) -> float | int:
    if isinstance(value, float):
        value = round(value, 6)
        if value.is_integer():
            return int(value)
    return value


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` (normalized), sorted by start; see the module docstring."""
    units = load_units()
    masked = _masked_spans(text)
    found: list[Quantity] = []
    pos = 0
    while True:
        m = _next_token(text, pos)
        if not m:
            break
        pos = m.end()
        q = _read_quantity(text, m, units, masked)
        if isinstance(q, Quantity):
            found.append(q)
            pos = q.end
    return _with_count_cells(text, found, units)


def _with_count_cells(text: str, found: list[Quantity], units: dict[str, UnitInfo]) -> list[Quantity]:
    """``found`` and the whole-number cells of the text's tables of counts (:func:`pipeline.lang.tables.count_cells`:
    党的领导方面\t2\t8 under 反馈问题(个)\t整改措施(条)), each with its column's or its caption's unit."""
    cells = count_cells(text)
    if not cells:
        return found
    taken = {(q.start, q.end) for q in found}
    for start, end, unit, _ in cells:
        if (start, end) not in taken:
            info = units.get(unit)
            found.append(Quantity(start, end, text[start:end], _as_number(float(text[start:end])), unit, None,
                                  info.kind if info is not None else "count"))
    return sorted(found, key=lambda q: q.start)


def _next_token(text: str, pos: int) -> re.Match[str] | None:
    """``_TOKEN.search(text, pos)``, trying the full pattern only where it can start."""
    while (first := _TOKEN_FIRST.search(text, pos)) is not None:
        start = first.start()
        if (m := _TOKEN.match(text, start)) is not None:
            return m
        pos = start + 1
    return None


# --------------------------------------------------------------------------- the quantity grammar
#
# A quantity is read at a numeral token in six steps; each step is a table of small
# named rules run in order.  A *veto* rule names a reason the token is not a quantity
# (the first one that holds ends the reading: ``_read_quantity`` returns its name);
# a *reader* fills the fields of the reading.  tests/test_quantity_rules.py has an
# example for every rule name.


@dataclass(slots=True)
class _Reading:
    """One quantity being read at a numeral token (local to one call, never shared)."""

    text: str
    m: re.Match[str]
    masked: SpanIndex
    start: int
    cursor: int
    before: str
    prev: str
    numeral: str = ""
    value: float | int | None = None
    value_max: float | int | None = None
    unit: UnitInfo | None = None
    unit_text: str | None = None
    percent_kind: bool = False
    value_scale: float = 1.0
    inner: str | None = None  # 余/多/几/来 inside the numeral (百余, 三十多万)
    pre_word: str | None = None
    begin: int = 0
    arabic: bool = False  # the numeral starts with a digit
    person_count: bool = False  # N个人: kind people
    approx_parts: list[str] = field(default_factory=list)


Veto = tuple[str, Callable[[_Reading], object]]


def _veto(rules: tuple[Veto, ...], r: _Reading) -> str | None:
    """The name of the first rule that holds, else None."""
    for name, holds in rules:
        if holds(r):
            return name
    return None


# 1. the token's surroundings: predicates of (previous character, the 8 characters before)
TOKEN_VETOES: tuple[tuple[str, Callable[[str, str], object]], ...] = (
    # digits glued to letters or id characters: A3, 163.com, +86
    ("identifier_neighbour", lambda prev, before: prev and (
        prev in _ID_NEIGHBOURS or (prev.isascii() and (prev.isalnum() or prev in ".-")))),
    # 第三, 周五, 星期一, 初八
    ("ordinal_prefix", lambda prev, before: _ORDINAL_PREFIX.search(before)),
)


#: the non-ASCII characters a token veto can end with (第, 周, 星期, 礼拜, 初; 第1、); ASCII ones are always checked
_TOKEN_VETO_LAST = frozenset("第周期拜初、和及至")


# 2. the numeral itself: one reader per branch of _TOKEN, each returning a veto name or None
def _read_percent(r: _Reading) -> str | None:
    """百分之三十: the percentage sign written as words."""
    r.numeral = r.m.group("pct_num")
    r.arabic = _is_arabic(r.numeral)
    r.value = parse_numeral(r.numeral)
    r.percent_kind, r.unit_text = True, "%"
    return None


def _read_fraction(r: _Reading) -> str | None:
    """三分之一: a fraction, given in percent."""
    den, nom = parse_numeral(r.m.group("den")), parse_numeral(r.m.group("nom"))
    if den in (None, 0) or nom is None:
        return "fraction_unreadable"
    r.value = round(100 * nom / den, 4)
    r.percent_kind, r.unit_text = True, "%"
    r.numeral = r.m.group("frac")
    r.arabic = _is_arabic(r.numeral)
    return None


def _read_half(r: _Reading) -> str | None:
    """半个, 半吨: one half."""
    r.numeral, r.value = "半", 0.5
    return None


# vetoes on a plain numeral, before its value is read
NUMERAL_VETOES: tuple[Veto, ...] = (
    ("lone_zero", lambda r: r.numeral[0] in "零〇" and not r.arabic and len(r.numeral) == 1),  # 清零, 零件
    # 千家万户; but 超万名, 近万人, 上万件 (a bare 万 after an approximator)
    ("leading_multiplier", lambda r: not r.arabic and r.numeral[0] in "万亿"
     and not (r.numeral in ("万", "亿") and r.prev in "超近逾上数")),
    # 统一, 进一步 (not 推进一个: there 进 ends its own word)
    ("bare_one_in_word", lambda r: not r.arabic and r.numeral == "一" and r.prev in _BARE_ONE_BLOCKERS
     and not (r.prev == "进" and r.text.startswith("个", r.start + 1))),
    # 二〇二二 (a year) or an id read digit by digit; 三四个 is a range, read below
    ("spelled_digits", lambda r: not r.arabic and len(r.numeral) > 1
     and all(ch in "零〇一二三四五六七八九" for ch in r.numeral) and _adjacent_digit_range(r.numeral) is None),
)


def _read_plain(r: _Reading) -> str | None:
    """A numeral (Arabic, Chinese or mixed; 三四个 = 3 to 4), then a range after it (3至5项)."""
    r.numeral = r.m.group("num")
    r.arabic = _is_arabic(r.numeral)
    if vetoed := _veto(NUMERAL_VETOES, r):
        return vetoed
    pair = None if r.arabic else _adjacent_digit_range(r.numeral)
    if pair:
        r.value, r.value_max = pair
    else:
        r.value = parse_numeral(r.numeral if r.numeral not in ("万", "亿") else "一" + r.numeral)  # 超万名
    if r.value is None:
        return "unreadable_numeral"
    _read_range(r)
    return None


def _read_range(r: _Reading) -> None:
    """3至5项, 5-10人, 三到五个, 10%-20%: the second number must carry a unit and be larger."""
    text, cursor, numeral = r.text, r.cursor, r.numeral
    pct_first = text.startswith("%", cursor)
    m = _RANGE_SEP.match(text, cursor + (1 if pct_first else 0))
    if not m or r.value_max is not None:
        return
    second = m.group("num2")
    v2 = parse_numeral(second)
    after = m.end()
    if v2 is None or not (_unit_pattern().match(text, after) or text.startswith("%", after)):
        return
    mult = _ENDS_WITH_MULTIPLIER.search(second)
    v1 = r.value
    if mult and not _ENDS_WITH_BIG_UNIT.search(numeral):
        v1 = parse_numeral(numeral + mult.group())  # 3至5万 = 30000 to 50000
    if v1 is not None and v1 < v2 and (_is_arabic(numeral) == _is_arabic(second)):
        r.value, r.value_max, r.cursor = v1, v2, after


NUMERAL_READERS: tuple[tuple[str, str, Callable[[_Reading], str | None]], ...] = (
    # (rule, _TOKEN group, reader)
    ("percent_words", "pct", _read_percent),
    ("fraction", "frac", _read_fraction),
    ("half", "half", _read_half),
    ("numeral", "num", _read_plain),
)


_READER_BY_GROUP = {group: reader for _name, group, reader in NUMERAL_READERS}


# 3. fillers between the numeral and the unit (13000余名, 800多家) and the unit itself
def _read_fillers(r: _Reading) -> None:
    inner = _INNER_FILLER.search(r.numeral) if not r.m.group("frac") else None
    if inner:
        r.inner = inner.group()
        r.approx_parts.append(r.inner)
    f = _FILLER_AFTER.match(r.text, r.cursor)
    if f and not inner and r.value_max is None and _unit_pattern().match(r.text, f.end()):
        r.approx_parts.append(f.group())
        r.cursor = f.end()


def _read_unit(r: _Reading, units: dict[str, UnitInfo]) -> str | None:
    """The measure word after the numeral (longest first), unless the numeral already has one (%)."""
    if r.unit_text is not None:
        return None
    um = _unit_pattern().match(r.text, r.cursor)
    if um:
        r.unit = units[um.group()]
        if _blocked_after(r.text, um.end(), r.unit):
            return "unit_continues_word"  # 一次性, 六次全会, 三个月, 四部门
        r.cursor = um.end()
        r.unit_text = r.unit.unit
        r.percent_kind = r.unit.kind == "percent"
        return None
    if not _HAS_BIG_MULTIPLIER.search(r.numeral) or r.text[r.cursor : r.cursor + 1] in _TIME_AFTER:
        return "no_unit"  # a bare number needs a unit or a multiplier; 2.5亿年 is a time span
    return None


# 4. constraints tied to the unit (only when a measure word was read)
UNIT_VETOES: tuple[Veto, ...] = (
    # 市区两级 names its members; 2级, 二十级 and 四、六级 do not
    ("appositive_single_digit", lambda r: "appositive" in r.unit.flags and (
        r.arabic or r.numeral not in "两三四五六七八九十" or len(r.numeral) != 1)),
    ("appositive_without_members", lambda r: "appositive" in r.unit.flags and not (
        r.start and "\u4e00" <= r.text[r.start - 1] <= "\u9fff")),
    ("no_bare_one", lambda r: "no_bare_one" in r.unit.flags and r.numeral == "一"),
    # 二次供水, 二级, 二等: counting uses 两, a bare 二 is an ordinal or a name
    ("bare_er", lambda r: r.numeral == "二" and r.unit.kind != "percent"),
    # 作为一名…, 是一次…: the indefinite article, not a count
    ("indefinite_one", lambda r: r.numeral == "一" and _INDEFINITE_BEFORE.search(r.text[max(0, r.start - 3) : r.start])),
    # 一件件, 一个个: reduplication means 'one by one'
    ("reduplication", lambda r: r.text.startswith(r.unit.unit[-1], r.cursor) and not r.arabic),
    # 两个“确立”: a counted slogan
    ("counted_slogan", lambda r: r.unit.unit == "个" and not r.arabic and _inside_short_quote(r.text, r.cursor + 1, r.cursor + 1)),
    ("arabic_only", lambda r: "arabic_only" in r.unit.flags and not r.arabic),
    ("chinese_only", lambda r: "chinese_only" in r.unit.flags and (r.arabic or (r.value is not None and r.value > 10))),
    # 上一篇/下一篇: a web page's links to the next item, no count
    ("page_link", lambda r: r.unit.unit == "篇" and r.numeral == "一" and r.start and r.text[r.start - 1] in "上下"),
    # 前三名, 后两位: a ranking
    ("ranking", lambda r: r.unit.unit in ("名", "位") and _RANKING_PREFIX.search(r.text[max(0, r.start - 1) : r.start])),
    # 完成一项、审核一项、销号一项, 一项一项抓, 成熟一个、启动一个: one by one, not a count
    ("one_by_one_series", lambda r: r.numeral == "一" and _in_one_by_one_series(r.text, r.start, r.cursor, r.unit.unit)),
    # 八个一, 三个一批, 两个一百年
    ("n_ge_formula", lambda r: r.unit.unit == "个" and r.cursor < len(r.text)
     and r.text[r.cursor] in "一二两三四五六七八九十" and not r.arabic),
)


def _unit_value(r: _Reading) -> None:
    """三成 = 30%; 3个百分点 keeps its own unit."""
    if r.unit.unit == "成":
        r.value_scale = 10.0
        r.unit_text = "%"
    if r.unit.unit in ("个百分点", "百分点"):
        r.unit_text = "百分点"
    if r.unit.unit == "个" and _counts_persons(r.text, r.cursor):
        r.unit_text, r.person_count = "人", True  # 7个人: persons counted with 个 (span 7个, the noun outside)


# 5. approximators before (近, 约, 超过 …) and after (左右, 以上 …) the numeral
APPROX_VETOES: tuple[Veto, ...] = (
    # 百 / 千 / 百余 without a digit: only a number when qualified (近百, 上千, 百余)
    ("bare_hundred", lambda r: r.pre_word is None and _bare_unit_numeral(r.numeral) and not r.inner
     and not r.percent_kind),  # (百分之百: the whole of it, a percentage)
    # 第近…, an ordinal before the qualifier
    ("ordinal_before_qualifier", lambda r: r.pre_word and _ORDINAL_PREFIX.search(r.text[max(0, r.begin - 4) : r.begin])),
)


def _read_approx(r: _Reading) -> str | None:
    r.pre_word, r.begin = _pre_approx(r.text, r.start, r.numeral)
    if r.pre_word:
        r.approx_parts.insert(0, r.pre_word)
    if vetoed := _veto(APPROX_VETOES, r):
        return vetoed
    post = _POST_APPROX.match(r.text, r.cursor)
    if post and r.unit_text is not None:
        r.approx_parts.append(post.group())
        r.cursor = post.end()
    return None


# 6. the whole span
SPAN_VETOES: tuple[Veto, ...] = (
    # fixed expressions, titles, N-A-N-B slogans
    ("masked", lambda r: r.masked.overlaps(r.begin, r.cursor)),
    # 10@, 3A, 5+: part of an identifier
    ("identifier_after", lambda r: r.cursor < len(r.text) and (
        r.text[r.cursor] in "+@" or (r.text[r.cursor].isascii() and r.text[r.cursor].isalpha()))),
    # “四个意识”: a quoted formula
    ("short_quote", lambda r: _inside_short_quote(r.text, r.begin, r.cursor)),
    # “综合查一次”, “一会一报”: a short quoted slogan with the count inside
    ("quoted_slogan", lambda r: not r.arabic and _inside_quoted_slogan(r.text, r.begin, r.cursor)),
    # 每年开展1次: a frequency is a time expression
    ("frequency", lambda r: r.unit is not None and r.unit.unit in _TIMES_LIKE_UNITS and _is_frequency(r.text, r.begin)),
)


def _read_quantity(text: str, m: re.Match[str], units: dict[str, UnitInfo], masked: SpanIndex) -> Quantity | str:
    """The quantity read at token ``m``, or the name of the rule that says it is none."""
    start = m.start()
    before, prev = text[max(0, start - 8) : start], text[start - 1] if start else ""
    if prev.isascii() or prev.isspace() or prev in _TOKEN_VETO_LAST:  # after any other character no token veto holds
        for name, holds in TOKEN_VETOES:  # most tokens end here: checked before the reading is made
            if holds(prev, before):
                return name
    r = _Reading(text, m, masked, start, m.end(), before, prev)
    if vetoed := _READER_BY_GROUP[m.lastgroup](r):  # the branch of _TOKEN that matched
        return vetoed
    _read_fillers(r)
    if vetoed := _read_unit(r, units):
        return vetoed
    if r.unit is not None:
        if vetoed := _veto(UNIT_VETOES, r):
            return vetoed
        _unit_value(r)
    if vetoed := _read_approx(r) or _veto(SPAN_VETOES, r):
        return vetoed
    kind = "percent" if r.percent_kind else "people" if r.person_count else (
        r.unit.kind if r.unit is not None else "count")
    value = _as_number(r.value * r.value_scale) if r.value_scale != 1.0 else _as_number(r.value)
    value_max = _as_number(r.value_max * r.value_scale) if r.value_max is not None else None
    return Quantity(
        start=r.begin,
        end=r.cursor,
        text=text[r.begin : r.cursor],
        value=value,
        unit=r.unit_text,
        approx="…".join(r.approx_parts) if r.approx_parts else None,
        kind=kind,
        value_max=value_max,
    )


def read_quantity_at(text: str, start: int) -> Quantity | str | None:
    """The quantity read at the numeral token starting at ``start`` of normalized ``text``,
    the name of the rule that vetoes it, or None when no numeral starts there (for tests
    and for explaining a miss)."""
    m = _TOKEN.match(text, start)
    if m is None:
        return None
    return _read_quantity(text, m, load_units(), _masked_spans(text))
