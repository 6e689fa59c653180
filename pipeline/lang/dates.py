"""Grammar pieces for Chinese calendar expressions: numerals, calendar atoms, date arithmetic.

An *atom* is the smallest self-contained calendar reference: a year (2022年, 今年),
a part of a year (2022年上半年, 一季度, 年底), a month (2022年3月, 三月份) or a day
(2022年1月14日, 11月12日, 6月底).  :mod:`pipeline.extract.times` combines atoms with
operators (ranges, 以来, 前, 截至 ...) into :class:`~pipeline.records.TimeExpr` rows.
Everything here is pure: text and a position in, a value out.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pipeline.lang.numerals import parse_numeral

CN_DIGIT_CHARS = "〇零○一二三四五六七八九"
#: a year in Chinese digits typed (or OCR'd) with a Latin O, o or the digit 0 for 〇: 二O一七年, 二0二三年
YEAR_ZERO_STANDINS = "Oo0"
_CN_YEAR_DIGITS = CN_DIGIT_CHARS + YEAR_ZERO_STANDINS
#: a year in four Chinese digits (二〇二三, 二○二三, 二零二三, 二O二三): a pattern, for other modules' regexes
CN_YEAR = rf"[{_CN_YEAR_DIGITS}]{{4}}"
CN_NUM_CHARS = CN_DIGIT_CHARS + "十两百千"
# a small count as written in reports: 3, 十二, 两, 二十几 is not accepted (vague)
NUM = rf"(?:\d{{1,3}}(?![\d.])|[{CN_NUM_CHARS}仨俩]{{1,4}})"

MONTH_NUM = r"(?:1[0-2]|0?[1-9]|十[一二]|[一二三四五六七八九十])"
_DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9]|三十一|三十|二十[一二三四五六七八九]|二十|十[一二三四五六七八九]|[一二三四五六七八九十])"
RANGE_SEP = r"(?:至|到|-+|—+|~|～|－+)"

# 初 as an edge word (年初, 月初), not the first character of 初步, 初心, 初级 ...
_EDGE_EARLY = r"初(?![步心衷级审次期稿选])"

_YEAR4 = re.compile(rf"((?:19|20)\d{{2}}|{CN_YEAR})年")
_YEAR4_LENIENT = re.compile(rf"((?:1\d|20)\d{{2}}|{CN_YEAR})年")
_YEAR2 = re.compile(rf"(\d{{2}}|[{CN_DIGIT_CHARS}]{{2}})年")
# year written without 年 followed by a month: only in single-expression mode ("2018", "2008.03")
_YEAR_BARE = re.compile(r"((?:19|20)\d{2})(?![\d年])")
_REL_YEAR = re.compile(r"大前年|大后年|今年|本年|去年|上一?年|明年|下一?年|前年|后年|次年|这一年")
_REL_YEAR_OFFSET = {
    "大前年": -3, "大后年": 3, "今年": 0, "本年": 0, "去年": -1, "上年": -1,
    "明年": 1, "下年": 1, "前年": -2, "后年": 2, "次年": 1, "上一年": -1, "下一年": 1, "这一年": 0,
}
_YEAR_SUFFIX = re.compile(
    r"(?P<du>度)"
    r"|(?P<half>[上下])半年"
    r"|(?:第)?(?P<q>[一二三四1-4])(?:个)?季度(?P<qe>末|初|底)?"
    r"|前(?P<qn>[一二三两1-3])(?:个)?季度"
    r"|(?P<first>首)(?P<fu>季度|月)"
    r"|(?P<pm>[前后])(?P<mn>[一二三四五六七八九十两]{1,2}|\d{1,2})(?:个)?月(?!份)"
    rf"|年?(?P<edge>底|末|{_EDGE_EARLY}|伊始)"
    rf"|第(?P<nth>{MONTH_NUM})个月"
    r"|(?P<whole>全年)"
    r"|(?P<term>[春秋])季?学期(?P<te>末|底|初|开学)?"
    r"|(?P<vac>暑期|暑假|寒假)"
)
_MONTH = re.compile(rf"({MONTH_NUM})(?:月份|月)(?!度)")
_MONTH_RANGE = re.compile(rf"({MONTH_NUM}){RANGE_SEP}({MONTH_NUM})(?:月份|月)")
_DAY = re.compile(rf"({_DAY_NUM})[日号]")
_DAY_RANGE = re.compile(rf"({_DAY_NUM}){RANGE_SEP}({_DAY_NUM})[日号]")
_MONTH_EDGE = re.compile(rf"月?(底|末|{_EDGE_EARLY}|上旬|中旬|下旬)")
_REL_MONTH = re.compile(r"(本|这个?|当|上一?个?|下一?个?)月(?!份?度)")
_REL_DAY = re.compile(r"大前天|大后天|今天|今日|本日|昨天|昨日|明天|明日|前天|后天|全天(?!候)")
_REL_DAY_OFFSET = {"大前天": -3, "大后天": 3, "今天": 0, "今日": 0, "本日": 0, "全天": 0, "昨天": -1, "昨日": -1,
                   "明天": 1, "明日": 1, "前天": -2, "后天": 2}
_BARE_HALF = re.compile(r"([上下])半年")
_BARE_QUARTER = re.compile(r"(?:第)?([一二三四1-4])季度(末|初|底)?|(本|上个?|下个?)季度(末|初|底)?")
_BARE_YEAR_EDGE = re.compile(rf"年(底|末|{_EDGE_EARLY})")
# a bare 年内 / 年底 is the anchor year's unless it ends a longer word (今年底, 三年内, 每年初)
_NOT_BEFORE_BARE_YEAR = CN_NUM_CHARS + "今去明前后本上下次当全每近"
_NUMERIC_DATE = re.compile(r"((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")
_COMPACT_DATE = re.compile(r"((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_NUMERIC_MONTH = re.compile(r"((?:19|20)\d{2})[.](0[1-9]|1[0-2])(?![\d.])")
# lenient only: 2022 11 23, 1994.01-19 (separators that differ or are spaces)
_LOOSE_DATE = re.compile(r"((?:19|20)\d{2})(?:\s+|[-/.])(\d{1,2})(?:\s+|[-/.])(\d{1,2})(?!\d)")
# eras: 上世纪80年代, 二十世纪九十年代末期, 18世纪, 80年代, 1980年代
_CENTURY = re.compile(r"(?:(上|本|这个?)世纪|(\d{1,2}|[一二三四五六七八九十]{1,3})世纪)")
_NOT_DECADE = r"(?![表理言价码收办购课替号写职])"  # 2020年代表学校: 年 + 代表
_DECADE = re.compile(rf"([1-9]0|[一二三四五六七八九]十|〇|零)年代{_NOT_DECADE}")
# two adjacent decades: 五六十年代, 六、七十年代
_DECADE_PAIR = re.compile(rf"([一二三四五六七八九])、?([一二三四五六七八九])十年代{_NOT_DECADE}")
_ERA_EDGE = re.compile(r"(初期|前期|初|中期|中叶|末期|后期|末)")
_ERA_EDGE_SHARE = {"初期": 0, "前期": 0, "初": 0, "中期": 1, "中叶": 1, "末期": 2, "后期": 2, "末": 2}
# 今明两年, 明后两年, 今明两天: two adjacent deictic units
_TWO_DEICTIC = re.compile(r"(今明|明后)两(年|天|日)")
# a month's first/last N days: 本月前两天, 4月前4天, 上月最后五天
_MONTH_DAYS = re.compile(rf"(?:的)?(前|头|最后)({NUM})天")
_NUMERIC_MD = re.compile(r"(0?[1-9]|1[0-2])[-·/](0?[1-9]|[12]\d|3[01])(?![\d-])")


@dataclass(slots=True)
class Atom:
    """A resolved calendar reference found at some position of a text."""

    end: int  # text position just after the atom
    start_date: dt.date | None
    end_date: dt.date | None
    granularity: str  # day, month, quarter, half_year, year
    kind: str  # date, period, relative_period
    year: int | None  # calendar year it lies in, when known
    explicit_year: bool  # the year is written as a numeral (sets the context year)
    month: int | None = None
    point: bool = False  # a single day (2022年1月14日, 6月底)


def year_offset_before(text: str, pos: int) -> int | None:
    """The year offset of a relative year word (今年 0, 去年 -1, 前年 -2 …) that ends right at ``pos``, else None."""
    for m in _REL_YEAR.finditer(text, max(0, pos - 3), pos):
        if m.end() == pos:
            return _REL_YEAR_OFFSET.get(m.group(), 0)
    return None


def num(text: str) -> int | None:
    """Integer value of a small numeral (3, 十二, 两, colloquial 仨 and 俩), None when not one."""
    value = parse_numeral(text.replace("仨", "三").replace("俩", "两"))
    if value is None or isinstance(value, float) and not value.is_integer():
        return None
    return int(value)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` later (earlier), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shift(day: dt.date, n: float, unit: str) -> dt.date:
    """``day`` moved by ``n`` units (year, half_year, quarter, month, week, day).

    A fractional month count moves by whole months, then the fraction as days of a
    30-day month (半月 = 15 days, 两个半月 = 2 months + 15 days).
    """
    if unit in ("year", "half_year", "quarter", "month"):
        per = {"year": 12, "half_year": 6, "quarter": 3, "month": 1}[unit]
        months = n * per
        whole = int(months)
        moved = add_months(day, whole)
        if abs(months - whole) > 1e-9:
            moved += dt.timedelta(days=round((months - whole) * 30))
        return moved
    days = {"week": 7, "day": 1}[unit]
    return day + dt.timedelta(days=round(n * days))


def two_digit_year(yy: int, anchor: dt.date | None) -> int:
    """The year ending in ``yy`` within 89 years before and 10 years after the anchor (98年 -> 1998).

    Two-digit years in Chinese prose are 19yy or 20yy; when the window falls outside
    1900-2099 (an old anchor), the nearer of 19yy and 20yy is taken (anchor 1973: 九零年 -> 1990).
    """
    ref = anchor.year if anchor else dt.date.today().year
    year = ref - ref % 100 + yy
    if year > ref + 10:
        year -= 100
    elif year < ref - 89:
        year += 100
    if not 1900 <= year <= 2099:
        year = min((1900 + yy, 2000 + yy), key=lambda y: abs(y - ref))
    return year


def year_value(text: str) -> int | None:
    """A year's number, written in digits or Chinese digits (二O一七 included); None if neither."""
    if text.isdigit():
        return int(text)
    if any(c in CN_DIGIT_CHARS for c in text):  # 二O一七: the stand-ins are 〇 beside Chinese digits only
        return num(text.translate(_ZERO_OF_STANDIN))
    return None


_ZERO_OF_STANDIN = str.maketrans({c: "〇" for c in YEAR_ZERO_STANDINS})


def _year_span(y: int | None) -> tuple[dt.date, dt.date] | tuple[None, None]:
    """Jan 1 and Dec 31 of year ``y``, (None, None) when the year is unknown."""
    return (dt.date(y, 1, 1), dt.date(y, 12, 31)) if y else (None, None)


def _valid_day(year: int | None, month: int, day: int) -> bool:
    limit = calendar.monthrange(year if year else 2000, month)[1]
    return 1 <= day <= limit


def _day_atom(end: int, year: int | None, month: int, day: int, *, explicit: bool) -> Atom | None:
    if not _valid_day(year, month, day):
        return None
    date = dt.date(year, month, day) if year else None
    return Atom(end, date, date, "day", "date", year, explicit, month, point=True)


def _month_atom(end: int, year: int | None, month: int, *, explicit: bool, kind: str = "date") -> Atom:
    if year:
        return Atom(end, dt.date(year, month, 1), month_end(year, month), "month", kind, year, explicit, month)
    return Atom(end, None, None, "month", kind, None, explicit, month)


def _year_part(text: str, j: int, year: int | None, explicit: bool, kind: str, lenient: bool = False) -> Atom:
    """The suffix after a year (度, 上半年, 一季度, 底, 前三个月 ... or a month), or the year itself."""
    y = year
    if (m := _MONTH_RANGE.match(text, j)) and not text.startswith("月", m.start(2) - 1):
        m1, m2 = num(m.group(1)), num(m.group(2))
        if m1 and m2 and m1 < m2:
            start = dt.date(y, m1, 1) if y else None
            end = month_end(y, m2) if y else None
            return Atom(m.end(), start, end, "month", "period", y, explicit)
    if atom := _month_part(text, j, y, explicit=explicit, lenient=lenient):
        return atom
    m = _YEAR_SUFFIX.match(text, j)
    if m is None:
        return Atom(j, *_year_span(y), "year", kind, y, explicit)
    end = m.end()
    if m.group("term") or m.group("vac"):
        lo, hi = _season(m.group("term") or m.group("vac"), y) if y else (None, None)
        if m.group("te"):  # 春季学期末, 秋季学期开学: the term's last or first month, a point to date a deadline by
            return _term_edge(end, lo, hi, m.group("te"), y, explicit)
        return Atom(end, lo, hi, "month", kind, y, explicit)
    if m.group("du") or m.group("whole"):
        return Atom(end, *_year_span(y), "year", kind, y, explicit)
    if m.group("half"):
        first = m.group("half") == "上"
        rng = ((dt.date(y, 1, 1), dt.date(y, 6, 30)) if first else (dt.date(y, 7, 1), dt.date(y, 12, 31))) if y else (None, None)
        return Atom(end, *rng, "half_year", kind, y, explicit)
    if m.group("q"):
        return _quarter(end, y, num(m.group("q")) or int(m.group("q")), m.group("qe"), explicit, kind)
    if m.group("qn"):
        n = num(m.group("qn"))
        rng = (dt.date(y, 1, 1), month_end(y, 3 * n)) if y else (None, None)
        return Atom(end, *rng, "quarter", kind, y, explicit)
    if m.group("first"):
        months = 3 if m.group("fu") == "季度" else 1
        rng = (dt.date(y, 1, 1), month_end(y, months)) if y else (None, None)
        return Atom(end, *rng, "quarter" if months == 3 else "month", kind, y, explicit)
    if m.group("nth"):
        month = num(m.group("nth"))
        return _month_atom(end, y, month, explicit=explicit, kind="date")
    if m.group("pm"):
        n = num(m.group("mn"))
        if not n or n > 12:
            return Atom(j, *_year_span(y), "year", kind, y, explicit)
        if m.group("pm") == "前":
            rng = (dt.date(y, 1, 1), month_end(y, n)) if y else (None, None)
        else:
            rng = (dt.date(y, 13 - n, 1), dt.date(y, 12, 31)) if y else (None, None)
        return Atom(end, *rng, "month", kind, y, explicit)
    edge = "初" if m.group("edge") == "伊始" else m.group("edge")
    date = (dt.date(y, 1, 1) if edge == "初" else dt.date(y, 12, 31)) if y else None
    return Atom(end, date, date, "day", "date", y, explicit, 1 if edge == "初" else 12, point=True)


def _quarter(end: int, y: int | None, q: int, edge: str | None, explicit: bool, kind: str) -> Atom:
    if not y:
        return Atom(end, None, None, "quarter", kind, None, explicit)
    if edge:
        month = 3 * q - 2 if edge == "初" else 3 * q
        date = dt.date(y, month, 1) if edge == "初" else month_end(y, month)
        return Atom(end, date, date, "day", "date", y, explicit, month, point=True)
    return Atom(end, dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q), "quarter", kind, y, explicit)


def _month_days(text: str, k: int, year: int | None, month: int, explicit: bool) -> Atom | None:
    """The first or last N days of a month (本月前两天, 上月最后五天), N at most 15."""
    m = _MONTH_DAYS.match(text, k)
    if m is None:
        return None
    n = num(m.group(2))
    if not n or n > 15:
        return None
    if not year:
        return Atom(m.end(), None, None, "day", "period", None, explicit, month)
    last = month_end(year, month)
    if m.group(1) == "最后":
        lo, hi = last - dt.timedelta(days=n - 1), last
    else:
        lo, hi = dt.date(year, month, 1), dt.date(year, month, n)
    return Atom(m.end(), lo, hi, "day", "period", year, explicit, month)


_BARE_DAY_END = re.compile(rf"({_DAY_NUM})(?=$|{RANGE_SEP})")


#: A month's thirds (上旬 the 1st to the 10th, 中旬 to the 20th, 下旬 to its end).
TEN_DAYS = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31)}


def _ten_days(end: int, year: int | None, month: int, edge: str, explicit: bool) -> Atom:
    """The period of 6月中旬 / 本月上旬 (its days unknown without the year)."""
    lo, hi = TEN_DAYS[edge]
    if not year:
        return Atom(end, None, None, "day", "period", None, explicit, month)
    hi = min(hi, month_end(year, month).day)
    return Atom(end, dt.date(year, month, lo), dt.date(year, month, hi), "day", "period", year, explicit, month)


def _month_part(text: str, j: int, year: int | None, *, explicit: bool, lenient: bool = False) -> Atom | None:
    """A month (and day, or 底/初/旬) starting at ``j`` in a known or unknown year."""
    m = _MONTH.match(text, j)
    if m is None:
        return None
    month = num(m.group(1))
    if not month:
        return None
    k = m.end()
    if (d := _DAY_RANGE.match(text, k)) and text[d.start(2) - 1] not in "日号":
        d1, d2 = num(d.group(1)), num(d.group(2))
        if d1 and d2 and d1 < d2 and _valid_day(year, month, d2):
            rng = (dt.date(year, month, d1), dt.date(year, month, d2)) if year else (None, None)
            return Atom(d.end(), *rng, "day", "period", year, explicit, month)
    d = _DAY.match(text, k) or (_BARE_DAY_END.match(text, k) if lenient else None)
    if d:
        day = num(d.group(1))
        if day and (atom := _day_atom(d.end(), year, month, day, explicit=explicit)):
            return atom
    if atom := _month_days(text, k, year, month, explicit):
        return atom
    if e := _MONTH_EDGE.match(text, k):
        edge = e.group(1)
        if edge in TEN_DAYS:
            return _ten_days(e.end(), year, month, edge, explicit)
        date = (dt.date(year, month, 1) if edge == "初" else month_end(year, month)) if year else None
        return Atom(e.end(), date, date, "day", "date", year, explicit, month, point=True)
    return _month_atom(k, year, month, explicit=explicit)


def _era_span(k: int, text: str, first_year: int, length: int) -> Atom:
    """A decade or century starting in ``first_year``, narrowed by 初/中期/末 (thirds, or
    the first/middle/last 20 years of a century)."""
    lo, hi = first_year, first_year + length - 1
    if e := _ERA_EDGE.match(text, k):
        part = _ERA_EDGE_SHARE[e.group(1)]
        if length == 10:
            lo, hi = ((first_year, first_year + 2), (first_year + 3, first_year + 6), (first_year + 7, first_year + 9))[part]
        else:
            lo, hi = ((first_year, first_year + 19), (first_year + 40, first_year + 59), (first_year + 80, first_year + 99))[part]
        k = e.end()
    return Atom(k, dt.date(lo, 1, 1), dt.date(hi, 12, 31), "year", "period", None, False)


def _decade_value(token: str) -> int | None:
    if token in ("〇", "零"):
        return 0
    value = int(token) if token.isdigit() else num(token)
    return value if value is not None and value % 10 == 0 and value < 100 else None


def _decade_pair(text: str, i: int, base: int | None, ref: int = 0) -> Atom | None:
    """五六十年代 = the 1950s and 1960s (the two digits must be adjacent decades)."""
    m = _DECADE_PAIR.match(text, i)
    if m is None:
        return None
    d1, d2 = num(m.group(1)), num(m.group(2))
    if not d1 or d2 != d1 + 1:
        return None
    if base is None:
        base = 2000 if 2000 + 10 * d1 <= ref else 1900
    return Atom(m.end(), dt.date(base + 10 * d1, 1, 1), dt.date(base + 10 * d2 + 9, 12, 31), "year", "period", None, False)


def _reference_year(anchor: dt.date | None) -> int:
    """The anchor's year, else this year's (asked only when an era is written: the
    clock is read once per era, not at every position of an unanchored text)."""
    return anchor.year if anchor else dt.date.today().year


def _era(text: str, i: int, anchor: dt.date | None) -> Atom | None:
    """上世纪80年代, 二十世纪九十年代末期, 18世纪初, or a bare decade (80年代: the latest
    such decade that has begun by the anchor year, so 80年代 -> 1980s, 20年代 -> 2020s in 2022)."""
    if m := _CENTURY.match(text, i):
        ref = _reference_year(anchor)
        if m.group(1):
            century = ref // 100 + (0 if m.group(1) != "上" else -1)  # zero-based: 1900s -> 19
        else:
            c = int(m.group(2)) if m.group(2).isdigit() else num(m.group(2))
            if not c or c > 30:
                return None
            century = c - 1
        base = century * 100
        if pair := _decade_pair(text, m.end(), base):
            return pair
        if d := _DECADE.match(text, m.end()):
            dd = _decade_value(d.group(1))
            if dd is not None:
                return _era_span(d.end(), text, base + dd, 10)
        return _era_span(m.end(), text, base, 100)
    if _DECADE_PAIR.match(text, i) and (pair := _decade_pair(text, i, None, _reference_year(anchor))):
        return pair
    if d := _DECADE.match(text, i):
        dd = _decade_value(d.group(1))
        if dd is None or d.group(1) in ("〇", "零"):
            return None
        ref = _reference_year(anchor)
        year = 2000 + dd if 2000 + dd <= ref else 1900 + dd
        return _era_span(d.end(), text, year, 10)
    return None


# --------------------------------------------------------------------------- school and holiday periods

#: School terms and vacations of year ``y`` as (first month, first day, months long): the autumn term
#: runs into January of the next year (2022年秋季学期 = 2022-09-01..2023-01-31), the winter
#: vacation is January-February, the summer one July-August.
_SEASONS = {"秋": (9, 5), "春": (2, 6), "暑期": (7, 2), "暑假": (7, 2), "寒假": (1, 2)}


def _season(name: str, y: int) -> tuple[dt.date, dt.date]:
    first, months = _SEASONS[name]
    lo = dt.date(y, first, 1)
    return lo, add_months(lo, months) - dt.timedelta(days=1)


_FESTIVAL_NAMES = {"元旦": "元旦", "春节": "春节", "清明": "清明", "五一": "劳动节", "劳动": "劳动节",
                   "端午": "端午", "中秋": "中秋", "国庆": "国庆"}
_FESTIVAL = r"(?:元旦|春节|清明|五一|劳动|端午|中秋|国庆)(?:国际劳动)?节?"
#: 中秋、国庆期间, 春节假期, “五一”期间: holidays named with 期间/假期 (one span for a list of them)
_FESTIVALS = re.compile(rf"“?{_FESTIVAL}”?(?:(?:、|和|及|与)“?{_FESTIVAL}”?)*(?:期间|假期|长假|小长假)")
_FESTIVAL_NAME = re.compile(r"元旦|春节|清明|五一|劳动|端午|中秋|国庆")
# 暑期社会实践, 寒假作业: the season names an activity, not a time
_VACATION = re.compile(r"(?:暑期|暑假|寒假|[春秋]季学期(?P<te>末|底|初|开学)?|(?P<this>本|这个?|当)学期)"
                       r"(?!社会|实践|学校|班|课程|项目|营|档|作业|工|生|读书|调研|专项)")


def _term_edge(end: int, lo: dt.date | None, hi: dt.date | None, edge: str, y: int | None, explicit: bool) -> Atom:
    """学期末 / 学期初 / 学期开学: the last month of the term, or its first, as one day of it (its last, its first)."""
    day = (hi if edge in ("末", "底") else lo) if lo else None
    return Atom(end, day, day, "month", "date", y if day is None else day.year, explicit, day.month if day else None,
                point=True)


def _term_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The school term a day falls in (a day of August: the autumn term about to begin)."""
    if 2 <= day.month <= 7:
        return _season("春", day.year)
    return _season("秋", day.year if day.month >= 8 else day.year - 1)


#: “十四五”时期, 十三五期间: a five-year plan period (the 3rd plan began in 1966, each lasts five years)
_PLAN = re.compile(r"(“)?(十[一二三四五六七八九]|[三四五六七八九])五(?(1)”)(?:时期|期间)?")


def _inside_title(text: str, i: int) -> bool:
    """Position ``i`` lies inside a 《…》 title on its line."""
    opened = text.rfind("《", max(0, i - 60), i)
    return opened != -1 and text.find("》", opened, i) == -1 and "\n" not in text[opened:i]


@lru_cache(maxsize=1)
def holidays() -> dict[tuple[int, str], tuple[dt.date, dt.date]]:
    """{(year, festival): (first day off, last day off)} from ``models/holidays.tsv``."""
    table = {}
    raw = (resources.files("pipeline.models") / "holidays.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            year, name, lo, hi = line.split("\t")[:4]
            table[(int(year), name)] = (dt.date.fromisoformat(lo), dt.date.fromisoformat(hi))
    return table


def _nearest_year(anchor: dt.date, span_of: Callable[[int], tuple[dt.date, dt.date] | None]) -> tuple[dt.date, dt.date] | None:
    """The yearly period (this year's, last year's or next year's) nearest to ``anchor``: a report
    written in November means the summer just past and the winter vacation to come."""
    best = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        span = span_of(y)
        if span is None:
            continue
        lo, hi = span
        distance = 0 if lo <= anchor <= hi else min(abs((lo - anchor).days), abs((hi - anchor).days))
        if best is None or distance < best[0]:
            best = (distance, span)
    return best[1] if best else None


def _festival_span(names: list[str], y: int) -> tuple[dt.date, dt.date] | None:
    spans = [holidays().get((y, name)) for name in names]
    if any(span is None for span in spans):
        return None
    return min(lo for lo, _ in spans), max(hi for _, hi in spans)


# --------------------------------------------------------------------------- the atom grammar
#
# ``parse_atom`` tries the rules of ATOM_RULES in order at one position; the first rule
# that reads an atom wins.  A rule returns the Atom, None (not this rule: try the next)
# or False (no atom can start here: stop).  Rules marked lenient run only when the
# caller knows the whole string is a time expression.  tests/test_atom_rules.py has an
# example for every rule name.


@dataclass(slots=True)
class _AtomQuery:
    """One position to read an atom at, with its context."""

    text: str
    i: int
    prev: str  # the character before ``i`` ("\n" at the start)
    ctx_year: int | None
    anchor: dt.date | None
    lenient: bool
    ctx_month: int | None

    @property
    def anchor_year(self) -> int | None:
        return self.anchor.year if self.anchor else None

    @property
    def context_year(self) -> int | None:
        """The year a year-less month or day lies in: the text's year context, else the anchor's."""
        return self.ctx_year or self.anchor_year


AtomRule = Callable[[_AtomQuery], "Atom | None | bool"]


def _glued_to_number(q: _AtomQuery) -> bool | None:
    """3.5月, 12月 read from its second digit: never an atom (2.上半年清收…: a word after an item's number is one)."""
    return False if q.prev.isdigit() or q.prev == "." and q.text[q.i].isdigit() else None


def _era_rule(q: _AtomQuery) -> Atom | None:
    """上世纪80年代, 二十世纪九十年代末期, 五六十年代 (not after a numeral: 一九八〇年代 is a year)."""
    return _era(q.text, q.i, q.anchor) if q.prev not in CN_NUM_CHARS else None


def _two_deictic_years(q: _AtomQuery) -> Atom | None:
    """今明两年, 明后两天: two adjacent deictic units."""
    m = _TWO_DEICTIC.match(q.text, q.i)
    if m is None:
        return None
    anchor = q.anchor
    if not anchor:
        return Atom(m.end(), None, None, "year" if m.group(2) == "年" else "day", "relative_period", None, False)
    first = 0 if m.group(1) == "今明" else 1
    if m.group(2) == "年":
        y = anchor.year + first
        return Atom(m.end(), dt.date(y, 1, 1), dt.date(y + 1, 12, 31), "year", "relative_period", y, False)
    lo = anchor + dt.timedelta(days=first)
    return Atom(m.end(), lo, lo + dt.timedelta(days=1), "day", "relative_period", lo.year, False)


def _four_digit_year(q: _AtomQuery) -> Atom | None | bool:
    """2022年 (and what follows it: 上半年, 3月14日, 底 …); 1990年代 is a decade, 2015年代 nothing."""
    m = (_YEAR4_LENIENT if q.lenient else _YEAR4).match(q.text, q.i)
    if m is None:
        return None
    year = year_value(m.group(1))
    if not year or year < 1000:
        return None
    if re.match(rf"代{_NOT_DECADE}", q.text[m.end():m.end() + 2]):
        return _era_span(m.end() + 1, q.text, year, 10) if year % 10 == 0 else False
    return _year_part(q.text, m.end(), year, True, "period", q.lenient)


def _two_digit_year(q: _AtomQuery) -> Atom | None:
    """98年3月, 二二年5月: a two-digit year only with a month or day after it (or alone, lenient)."""
    m = _YEAR2.match(q.text, q.i)
    if m is None or q.prev in CN_NUM_CHARS:
        return None
    if not (m.group(1).isdigit() or all(c in CN_DIGIT_CHARS for c in m.group(1))):
        return None
    yy = year_value(m.group(1))
    if yy is None:
        return None
    atom = _year_part(q.text, m.end(), two_digit_year(yy, q.anchor), True, "period", q.lenient)
    if q.lenient and q.i == 0 and atom.end == len(q.text) or atom.granularity in ("month", "day"):
        return atom
    return None


def _relative_year(q: _AtomQuery) -> Atom | None:
    """今年, 去年底, 明年上半年 (not the 前年 of 三年前年…)."""
    m = _REL_YEAR.match(q.text, q.i)
    if m is None or m.group(0) in ("前年", "后年") and q.prev in CN_NUM_CHARS + "年":
        return None
    year = q.anchor.year + _REL_YEAR_OFFSET[m.group(0)] if q.anchor else None
    return _year_part(q.text, m.end(), year, False, "relative_period", q.lenient)


def _numeric_date(q: _AtomQuery) -> Atom | None:
    """2022-01-14, 2022/1/14, 2022.1.14 (the same separator twice)."""
    m = _NUMERIC_DATE.match(q.text, q.i)
    if m is None:
        return None
    y, mo, d = int(m.group(1)), int(m.group(3)), int(m.group(4))
    return _day_atom(m.end(), y, mo, d, explicit=True) if 1 <= mo <= 12 else None


def _loose_date(q: _AtomQuery) -> Atom | None:
    """2022 11 23, 1994.01-19 (lenient: separators that differ or are spaces)."""
    m = _LOOSE_DATE.match(q.text, q.i)
    if m is None:
        return None
    mo, d = int(m.group(2)), int(m.group(3))
    return _day_atom(m.end(), int(m.group(1)), mo, d, explicit=True) if 1 <= mo <= 12 else None


def _compact_date(q: _AtomQuery) -> Atom | None:
    """20240307 (lenient)."""
    m = _COMPACT_DATE.match(q.text, q.i)
    if m is None:
        return None
    return _day_atom(m.end(), int(m.group(1)), int(m.group(2)), int(m.group(3)), explicit=True)


def _numeric_month(q: _AtomQuery) -> Atom | None:
    """2008.03 (lenient)."""
    m = _NUMERIC_MONTH.match(q.text, q.i)
    return _month_atom(m.end(), int(m.group(1)), int(m.group(2)), explicit=True) if m else None


def _bare_year(q: _AtomQuery) -> Atom | None:
    """2018 without 年 (lenient)."""
    m = _YEAR_BARE.match(q.text, q.i)
    if m is None:
        return None
    y = int(m.group(1))
    return Atom(m.end(), dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "period", y, True)


def _numeric_month_day(q: _AtomQuery) -> Atom | None:
    """09-01, 9/1 (lenient): in the context year."""
    m = _NUMERIC_MD.match(q.text, q.i)
    if m is None:
        return None
    return _day_atom(m.end(), q.context_year, int(m.group(1)), int(m.group(2)), explicit=False)


def _relative_month(q: _AtomQuery) -> Atom | None:
    """本月, 上个月15日, 下月底, 本月中旬, 本月前两天."""
    m = _REL_MONTH.match(q.text, q.i)
    if m is None:
        return None
    if q.anchor:
        rel = m.group(1)
        offset = -1 if rel.startswith("上") else 1 if rel.startswith("下") else 0
        base = add_months(q.anchor.replace(day=1), offset)
        y, mo = base.year, base.month
    else:
        return Atom(m.end(), None, None, "month", "relative_period", None, False)
    k = m.end()
    if d := _DAY.match(q.text, k):
        day = num(d.group(1))
        if day and (atom := _day_atom(d.end(), y, mo, day, explicit=False)):
            return atom
    if atom := _month_days(q.text, k, y, mo, False):
        return atom
    if (e := _MONTH_EDGE.match(q.text, k)) and e.group(1) in ("底", "末", "初"):
        date = dt.date(y, mo, 1) if e.group(1) == "初" else month_end(y, mo)
        return Atom(e.end(), date, date, "day", "date", y, False, mo, point=True)
    if e and e.group(1) in TEN_DAYS:  # 本月中旬, 上月下旬
        return _ten_days(e.end(), y, mo, e.group(1), False)
    return _month_atom(k, y, mo, explicit=False, kind="relative_period")


def _lone_day(q: _AtomQuery) -> Atom | None:
    """15日 given alone (lenient): a day of the anchor's month."""
    if q.i != 0 or not q.anchor or (m := _DAY.match(q.text, q.i)) is None or m.end() != len(q.text):
        return None
    day = num(m.group(1))
    return _day_atom(m.end(), q.anchor.year, q.anchor.month, day, explicit=False) if day else None


def _relative_day(q: _AtomQuery) -> Atom | None:
    """今天, 昨日, 后天 (lenient: in running text they are rarely calendar days)."""
    m = _REL_DAY.match(q.text, q.i)
    if m is None:
        return None
    date = q.anchor + dt.timedelta(days=_REL_DAY_OFFSET[m.group(0)]) if q.anchor else None
    return Atom(m.end(), date, date, "day", "date", date.year if date else None, False, point=True)


_NOT_BEFORE_MONTH = CN_NUM_CHARS + "个第每"  # 三个月, 第3月, 每月: not calendar months


def _month_range(q: _AtomQuery) -> Atom | None:
    """3-5月, 三至五月: a year-less range of months in the context year."""
    if q.prev in _NOT_BEFORE_MONTH:
        return None
    m = _MONTH_RANGE.match(q.text, q.i)
    if m is None or q.text[m.start(2) - 1] == "月":
        return None
    m1, m2 = num(m.group(1)), num(m.group(2))
    if not (m1 and m2 and m1 < m2):
        return None
    year = q.context_year
    rng = (dt.date(year, m1, 1), month_end(year, m2)) if year else (None, None)
    return Atom(m.end(), *rng, "month", "period", year, False)


def _year_less_month(q: _AtomQuery) -> Atom | None:
    """6月, 6月14日, 6月底, 6月上旬 in the context year."""
    if q.prev in _NOT_BEFORE_MONTH:
        return None
    return _month_part(q.text, q.i, q.context_year, explicit=False, lenient=q.lenient)


def _context_day(q: _AtomQuery) -> Atom | None:
    """22日 after 8月11日至: a bare day in the month of the range's first endpoint."""
    if q.prev in _NOT_BEFORE_MONTH or not q.ctx_month:
        return None
    d = _DAY.match(q.text, q.i) or (_BARE_DAY_END.match(q.text, q.i) if q.lenient else None)
    if not d:
        return None
    day = num(d.group(1))
    return _day_atom(d.end(), q.context_year, q.ctx_month, day, explicit=False) if day else None


def _bare_half_year(q: _AtomQuery) -> Atom | None:
    """上半年, 下半年 alone: the anchor's year."""
    m = _BARE_HALF.match(q.text, q.i)
    if m is None or q.prev in "每近前后个一":
        return None
    y = q.anchor_year
    if y:
        return _year_part(q.text, q.i, y, False, "relative_period")
    return Atom(m.end(), None, None, "half_year", "relative_period", None, False)


def _bare_quarter(q: _AtomQuery) -> Atom | None:
    """一季度, 第三季度末, 本季度, 上个季度: the anchor's year (or the quarter next to it)."""
    m = _BARE_QUARTER.match(q.text, q.i)
    if m is None or q.prev in "每近前后个" + CN_NUM_CHARS:
        return None
    if m.group(1):
        n = num(m.group(1)) or int(m.group(1))
        return _quarter(m.end(), q.anchor_year, n, m.group(2), False, "relative_period")
    if q.anchor:
        rel = m.group(3)
        offset = 0 if rel == "本" else (-1 if rel.startswith("上") else 1)
        base = add_months(q.anchor.replace(day=1), 3 * offset)
        n = (base.month - 1) // 3 + 1
        return _quarter(m.end(), base.year, n, m.group(4), False, "relative_period")
    return Atom(m.end(), None, None, "quarter", "relative_period", None, False)


def _whole_year(q: _AtomQuery) -> Atom | None:
    """全年 alone: the anchor's year; 年内 alone: a deadline at its end (not the 年内 of 三年内, 今年内)."""
    text, i, prev = q.text, q.i, q.prev
    if text.startswith("全年", i) and prev not in "年度" and not prev.isdigit():
        return Atom(i + 2, *_year_span(q.anchor_year), "year", "relative_period", q.anchor_year, False)
    if text.startswith("年内", i) and prev not in _NOT_BEFORE_BARE_YEAR and not prev.isdigit():
        y = q.anchor_year
        day = dt.date(y, 12, 31) if y else None
        return Atom(i + 2, day, day, "day", "deadline", y, False, 12, point=True)
    return None


def _bare_year_edge(q: _AtomQuery) -> Atom | None:
    """年底, 年初 alone: a day of the year an earlier date of its paragraph names (于2015年8月…,明确年底前…: 2015's),
    else of the anchor's year (not the 年底 of 今年底, 每年初)."""
    m = _BARE_YEAR_EDGE.match(q.text, q.i)
    if m is None or q.prev in _NOT_BEFORE_BARE_YEAR or q.prev.isdigit():
        return None
    y = q.anchor_year
    if q.ctx_year and y and q.ctx_year < y:  # not 纳入2024年预算,力争年底前: a later year is no date of an event
        y = q.ctx_year
    edge = m.group(1)
    date = (dt.date(y, 1, 1) if edge == "初" else dt.date(y, 12, 31)) if y else None
    return Atom(m.end(), date, date, "day", "date", y, False, 1 if edge == "初" else 12, point=True)


def _vacation(q: _AtomQuery) -> Atom | None:
    """暑期, 寒假, 秋季学期 without a year: the one nearest to the anchor."""
    m = _VACATION.match(q.text, q.i)
    if m is None or q.prev in "年今去明本":
        return None
    if m.group("this"):  # 本学期: the term the anchor falls in
        lo, hi = _term_of(q.anchor) if q.anchor else (None, None)
        return Atom(m.end(), lo, hi, "month", "relative_period", lo.year if lo else None, False)
    name = m.group(0)
    edge = m.group("te")
    key = name[0] if "学期" in name else name
    span = _nearest_year(q.anchor, lambda y: _season(key, y)) if q.anchor else None
    lo, hi = span if span else (None, None)
    if edge:
        return _term_edge(m.end(), lo, hi, edge, None, False)
    return Atom(m.end(), lo, hi, "month", "relative_period", lo.year if lo else None, False)


def _festival(q: _AtomQuery) -> Atom | None:
    """中秋、国庆期间, 春节假期: the official days off (models/holidays.tsv), the year nearest the anchor."""
    m = _FESTIVALS.match(q.text, q.i)
    if m is None:
        return None
    names = [_FESTIVAL_NAMES[n] for n in _FESTIVAL_NAME.findall(m.group(0))]
    span = _nearest_year(q.anchor, lambda y: _festival_span(names, y)) if q.anchor else None
    lo, hi = span if span else (None, None)
    return Atom(m.end(), lo, hi, "day", "relative_period", lo.year if lo else None, False)


def _plan_period(q: _AtomQuery) -> Atom | None:
    """“十四五”时期 = 2021-2025: the Nth five-year plan (N >= 3) began in 1966 + 5 (N - 3)."""
    m = _PLAN.match(q.text, q.i) if "五" in q.text[q.i : q.i + 4] else None
    if m is None or q.prev in CN_NUM_CHARS or (m.group(1) is None and q.prev == "第"):
        return None
    n = num(m.group(2))
    if not n or n < 3 or not m.group(0).endswith(("时期", "期间")) and (
            m.group(1) is None or not _inside_title(q.text, q.i)):
        return None  # 十四五 alone names a plan (“十四五”规划纲要), a period only with 时期/期间 or in a title
    first = 1966 + 5 * (n - 3)
    return Atom(m.end(), dt.date(first, 1, 1), dt.date(first + 4, 12, 31), "year", "period", None, False)


_DIGITS = "0123456789"
_SMALL_CN = "一二三四五六七八九十"

#: (rule, lenient only, first characters it can start with (None: any), reader), tried in this order.
ATOM_RULES: tuple[tuple[str, bool, str | None, AtomRule], ...] = (
    ("glued_to_number", False, None, _glued_to_number),
    ("era", False, "上本这〇零" + _DIGITS + _SMALL_CN, _era_rule),
    ("two_deictic", False, "今明", _two_deictic_years),
    ("four_digit_year", False, "12" + CN_DIGIT_CHARS, _four_digit_year),
    ("two_digit_year", False, _DIGITS + CN_DIGIT_CHARS, _two_digit_year),
    ("relative_year", False, "大今本去上明下前后次这", _relative_year),
    ("numeric_date", False, "12", _numeric_date),
    ("loose_date", True, "12", _loose_date),
    ("compact_date", True, "12", _compact_date),
    ("numeric_month", True, "12", _numeric_month),
    ("bare_year", True, "12", _bare_year),
    ("numeric_month_day", True, _DIGITS, _numeric_month_day),
    ("relative_month", False, "本这当上下", _relative_month),
    ("lone_day", True, _DIGITS + _SMALL_CN, _lone_day),
    ("relative_day", True, "大今本昨明前后全", _relative_day),
    ("month_range", False, _DIGITS + _SMALL_CN, _month_range),
    ("year_less_month", False, _DIGITS + _SMALL_CN, _year_less_month),
    ("context_day", False, _DIGITS + _SMALL_CN, _context_day),
    ("bare_half_year", False, "上下", _bare_half_year),
    ("bare_quarter", False, "第本上下一二三四1234", _bare_quarter),
    ("whole_year", False, "全年", _whole_year),
    ("bare_year_edge", False, "年", _bare_year_edge),
    ("vacation", False, "暑寒春秋本这当", _vacation),
    ("festival", False, "“元春清五劳端中国", _festival),
    ("plan_period", False, "“十三四五六七八九", _plan_period),
)


def _rules_by_first_char(lenient: bool) -> tuple[dict[str, tuple], tuple]:
    """{first character: the rules that can start with it, in table order}, and the rules for any other character.

    Most positions the time scanner asks about can start only a few rules; looking them
    up by character keeps the table as fast as the hand-written cascade it replaced.
    """
    rows = [(name, first, rule) for name, lenient_only, first, rule in ATOM_RULES if lenient or not lenient_only]
    chars = {ch for _name, first, _rule in rows if first for ch in first}
    by_char = {ch: tuple((name, rule) for name, first, rule in rows if first is None or ch in first) for ch in chars}
    return by_char, tuple((name, rule) for name, first, rule in rows if first is None)


_DISPATCH = {lenient: _rules_by_first_char(lenient) for lenient in (False, True)}


def atom_rule(
    text: str,
    i: int,
    *,
    ctx_year: int | None,
    anchor: dt.date | None,
    lenient: bool = False,
    ctx_month: int | None = None,
) -> tuple[str, Atom] | None:
    """The rule that reads the atom at ``i`` and the atom, or None (see ``parse_atom``)."""
    by_char, other = _DISPATCH[lenient]
    rules = by_char.get(text[i], other) if i < len(text) else other
    if rules is other:
        return None  # only the any-character guard applies, and it never reads an atom
    q = _AtomQuery(text, i, text[i - 1] if i > 0 else "\n", ctx_year, anchor, lenient, ctx_month)
    for name, rule in rules:
        found = rule(q)
        if found is False:
            return None
        if found is not None:
            return name, found
    return None


def parse_atom(
    text: str,
    i: int,
    *,
    ctx_year: int | None,
    anchor: dt.date | None,
    lenient: bool = False,
    ctx_month: int | None = None,
) -> Atom | None:
    """The calendar atom starting exactly at ``i``, or None.

    ``ctx_year`` resolves year-less months and days (the nearest preceding
    explicit year); ``anchor`` (the report date) resolves deictic words (今年, 上半年).
    ``ctx_month`` allows a bare day (the second endpoint of 8月11日至22日).
    ``lenient`` also accepts forms that are only safe when the caller knows the
    whole string is a time expression (2018, 09-01, 20240307, 24年).
    """
    found = atom_rule(text, i, ctx_year=ctx_year, anchor=anchor, lenient=lenient, ctx_month=ctx_month)
    return found[1] if found else None


# --------------------------------------------------------------------------- as-of (截至…)

#: The as-of cue: 截至 / 截止 (到 / 至), optionally followed by spaces.
AS_OF_CUE = re.compile(r"(?:截至到?|截止到?|截止至)\s*")
#: 截至目前 and its kin: the as-of date is the document's own date.
AS_OF_NOW = re.compile(r"(?:截至到?|截止到?|截止至|到)\s*(?:目前|当前|现在|今|发稿时?|本通报发布时?)(?:为止)?")
UNTIL_SUFFIX = re.compile(r"为止|止")  # 至2022年6月为止, 截至…止


@dataclass(slots=True, frozen=True)
class AsOf:
    """One 截至… phrase: its span, the date it states (None when unresolved), and whether it means 'now'."""

    start: int
    end: int
    date: dt.date | None
    now: bool = False
    year: int | None = None  # the explicit year written in the phrase (sets the year context)


def as_of_at(text: str, i: int, *, anchor: dt.date | None, ctx_year: int | None = None,
             lenient: bool = False) -> AsOf | None:
    """The as-of phrase starting exactly at ``i`` (截至2022年6月底 -> 2022-06-30; 截至目前 -> ``anchor``).

    The date is the last day of the atom after the cue; a year-less month takes ``ctx_year``
    (else the anchor's year), and the year before where that puts it after the anchor (截至12月31日 in a report of
    2025-01-15 is 2024-12-31: the figures stand at a date already past).  The one reading of 截至 for times, claims
    and metadata.
    """
    if m := AS_OF_NOW.match(text, i):
        return AsOf(i, m.end(), anchor, now=True)
    m = AS_OF_CUE.match(text, i)
    if m is None:
        return None
    atom = parse_atom(text, m.end(), ctx_year=ctx_year, anchor=anchor, lenient=lenient)
    if atom is None:
        return None
    end = atom.end
    if tail := UNTIL_SUFFIX.match(text, end):
        end = tail.end()
    date = atom.end_date
    if (date is not None and anchor is not None and not atom.explicit_year and date > anchor
            and ctx_year in (None, anchor.year)):
        date = _year_before(date)
    return AsOf(i, end, date, year=atom.year if atom.explicit_year else None)


def _year_before(day: dt.date) -> dt.date:
    """The same day a year earlier (29 February becomes the 28th)."""
    return day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day)


_AS_OF_START = re.compile(r"截[至止]|到\s*(?:目前|当前|现在|今|发稿|本通报)")


def find_as_of(text: str, start: int = 0, end: int | None = None, *, anchor: dt.date | None,
               ctx_year: int | None = None):
    """Every as-of phrase in ``text[start:end]``, in order."""
    stop = len(text) if end is None else end
    for m in _AS_OF_START.finditer(text, start, stop):
        found = as_of_at(text, m.start(), anchor=anchor, ctx_year=ctx_year)
        if found is not None and found.end <= stop:
            yield found


# --------------------------------------------------------------------------- frequencies (每月, 每半年…)

#: 每年 / 每半年 / 每季度 / 每2个月 / 每学期 …: the one reading of "every so long", for the recurrences
#: (:mod:`pipeline.extract.times`) and for the counts it makes a frequency, never a quantity or a claim figure:
#: the number (``n``), the unit (``u``) or a term of office (``term``).
FREQUENCY_EVERY = re.compile(
    rf"每(?:隔)?(?P<n>{NUM})?(?:个)?(?P<u>半年|半月|季度|年度|年|月|周|星期|礼拜|旬|天|日|季|学期|届|轮)(?!度)"
    r"|(?P<term>任期内)"  # 任期内至少审计1次: once per term of office
)
#: 一周一调度 / 一月一通报 / 一季一督查: the working rhythm reports set themselves, once a period (its action, from a
#: short table, closes the span: 一年一度 or 一村一策 is none).
ONE_EACH_PERIOD = re.compile(r"一(?P<u>年|季度|季|月|周|天|日)一(?:调度|通报|督查|督办|研判|会商|报告|分析|检查|考核|评估|盘点"
                             r"|汇报|总结|排查|巡查|提醒|点评|约谈|晾晒|更新|公示|对账|推进|讲评)")
#: A clause that is only a date or a period (2023年 / 2024年1—11月 / 截至6月底): it dates what follows it.
TIME_ONLY = re.compile(r"(?:截至|截止)?[\d一二三四五六七八九十〇零—\-~至到年月日度上下半季底末初以来,]+")
#: 5年一次 / 两个月1次: a period length right before the count.
FREQUENCY_PER_PERIOD = re.compile(r"(?:\d+|[一二两三四五六七八九十半]+)个?(?:年|月|季度|周|星期|天|日|学期)$")
