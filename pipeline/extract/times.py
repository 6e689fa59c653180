"""Time expressions in rectification reports: dates, periods, as-of, deadlines, recurrences, durations.

``extract_times`` scans normalized text left to right.  At each plausible start it
tries every matcher (recurrence, as-of, duration, counted relative period, calendar
expression) and keeps the longest match, so 2022年上半年 wins over 2022年 and
每年开展1次 over 每年.  Calendar expressions are an atom (see
:mod:`pipeline.lang.dates`) plus an operator: a range (至/到/-), 以来 / 至今 /
起 (since), 前 / 之前 (deadline), 截至 (as-of).

Resolution: a year-less month or day takes the year of the nearest preceding explicit
date in the text (a range's second endpoint takes the first's), else the anchor's;
deictic words (今年, 全年, bare 上半年, 近年来, 以来) are resolved against ``anchor``,
the report date; without an anchor their dates stay None.

Conventions (where readings differ between tools, ours is fixed here):

* Edge words are one day: 年底/年末 = Dec 31, 年初/年伊始 = Jan 1, 6月底 = 06-30,
  月初 = the 1st, 一季度末 = 03-31.  (JioNLP reads them as stretches: Nov-Dec, days 25-31.)
* "N units 以来/来" starts exactly N units before the anchor; with 多/余 (3个多月以来,
  两年多来) the start is floored to the unit's start (more than N units, so from the
  start of that month or year).  A fractional month is whole months plus the fraction
  of 30 days (半月 = 15 days).
* 未来/今后 N units include the anchor day and end the day before the same date N
  units later.  "N日内 / 两个月内 / 3年半以内": in running text only the length is kept
  (the start is usually an event: 收到反馈后30日内), kind deadline after a modal or
  于/在, else duration; given alone it is a deadline counted from the anchor, the start
  day not counted (Civil Code art. 201: 60日内 from 06-14 ends 08-13).
* 前两年 = the two calendar years before the anchor year (only after a clause boundary or
  a comparison word); 前三年/前五年 are usually "the first N years" of something and are
  not emitted.  Ordinals counted from an unstated event (第七年, 第三天起) are not emitted.
* Eras: 80年代 is the latest such decade begun by the anchor year (1980s; 20年代 = 2020s
  in 2022); 上世纪/本世纪/二十世纪 + decade; N世纪 = (N-1)00..(N-1)99; 初/中期/末 are
  the first, middle and last three years of a decade, twenty years of a century.
* Two-digit years fall within 89 years before and 10 after the anchor, restricted to
  1900-2099 (anchor 1973: 九零年 -> 1990).
* A list of days (9月10日、11日) emits each day; a run of consecutive days is also
  emitted as one composite period, like a range.

Kinds: date (a day or a month), period (explicit years, quarters, half-years, ranges,
"X以来"), relative_period (deictic: 今年来, 全年, bare 上半年, 近三年), as_of, deadline,
recurrence, duration.  A range of two dates is emitted three times, as the composite
period and as its two endpoints (the gold convention).  Vague or event-anchored words
(常态化, 长期, 今后, 当前, 下一步, 培训期间) are never emitted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from pipeline.lang.dates import (
    FREQUENCY_EVERY,
    CN_NUM_CHARS,
    MONTH_NUM,
    NUM,
    ONE_EACH_PERIOD,
    RANGE_SEP,
    Atom,
    UNTIL_SUFFIX,
    YEAR_ZERO_STANDINS,
    as_of_at,
    num,
    parse_atom,
    shift,
)
from pipeline.lang.cues import DEMANDED, plan_cue
from pipeline.lang.spans import SpanIndex
from pipeline.lang.text import sentence_bounds
from pipeline.records import TimeExpr

# Positions where a time expression can start (a superset, checked by the matchers).
# The numeral look-ahead is bounded (no time numeral is 25 characters long): unbounded,
# it rescanned a long run of numerals from every position of it (quadratic).
_TRIGGER = re.compile(
    rf"(?<![0-9.])[0-9]"
    rf"|[{CN_NUM_CHARS}半仨俩](?=[{CN_NUM_CHARS}{YEAR_ZERO_STANDINS}]{{0,24}}(?:多|余)?(?:个)?(?:多|余|半)?(?:年|月|季|日|号|天|周|星期|世纪|小时|钟头|分钟|载))"
    r"|上世纪|本世纪|这个?世纪|今明两|明后两|前两年"
    r"|每|截[至止]|到目前|近|最近|过去|今年|本年|去年|上年|明年|下年|前年|后年|大[前后]年|次年|全年"
    r"|[上下]半年|本月|这个?月|当月|[上下]一?个?月|这一年|[上下]一年|本季度|上个?季度|下个?季度|第[一二三四1-4]季度"
    r"|今后|未来"
    r"|为期|历时|用时|耗时|限期|期限为|满(?=[0-9一二两三四五六七八九十半])|年[底末初内]|连续"
    r"|十[一二三四五六七八九]五|[三四五六七八九]五(?=时期|期间)|暑期|暑假|寒假|任期内"
)
# Starts that begin with common characters (“, 中, 国, 春 …): found with str.find per keyword
# instead of stopping the scanner at every such character (the matchers check the rest).
_RARE_KEYWORDS = ("“十", "春季学期", "秋季学期", "本学期", "这学期", "这个学期", "当学期", "元旦", "春节", "清明", "五一", "劳动", "端午", "中秋", "国庆")


def _rare_starts(text: str) -> list[int]:
    starts = set()
    for word in _RARE_KEYWORDS:
        at = text.find(word)
        while at != -1:
            starts.add(at - 1 if at and text[at - 1] == "“" else at)  # “中秋”期间: from the quote
            at = text.find(word, at + 1)
    return sorted(starts)
# Every _TRIGGER match starts with one of these characters (a test derives the set from
# the pattern).  Jumping between them with a plain class before trying the long
# alternation is several times faster than _TRIGGER.search on its own.
_TRIGGER_FIRST = re.compile(rf"[0-9{CN_NUM_CHARS}半仨俩上下本这今明前后每截到近最过去大次全当第未为历用耗限年期满连暑寒任]")
# 2023—2025年: a span of years whose first year is written without 年
# 2021-2022学年, 2020-2021年度 (and 2019-2020 listed before one): a school year, September to August
_SCHOOL_YEAR = re.compile(r"(?P<a>(?:19|20)\d{2})\s*(?:—+|-+|~|～|－+)\s*(?P<b>(?:19|20)\d{2})(?P<tail>学年|年度)?")
_SCHOOL_YEAR_NEXT = re.compile(r"、(?:19|20)\d{2}\s*(?:—+|-+|~|～|－+)\s*(?:19|20)\d{2}(?:学年|年度)")
_YEAR_SPAN = re.compile(rf"(?P<a>(?:19|20)\d{{2}})\s*{RANGE_SEP}\s*(?P<b>(?:19|20)\d{{2}})年(?![0-9度底末初内])")
# Web addresses (image links in scraped news): their /2022/07/10/ path parts are not dates
_URL = re.compile(r"(?:https?://|www\.)[!-~]+")
_CONNECTOR = re.compile(rf"(?:起)?{RANGE_SEP}")
_UNTIL_NOW = re.compile(r"(?:起)?(?:至|到)(?:今|目前|现在)")
_SINCE = re.compile(r"以来|来(?![自源说看到临访信电华渝之往回去])|起(?![草步诉点作来到见因码身居])|开始")
# 前 that ends a deadline, not the start of 前后, 前列, 前期, 前提, 前三 ...
_NOT_BEFORE_WORD = rf"(?![后列沿期夕景{CN_NUM_CHARS}\d]|提(?![出交请供报]))"  # 前提 (premise), but 3月底前提出
_DEADLINE = re.compile(rf"(?:之前|以前|前){_NOT_BEFORE_WORD}")
_WITHIN = re.compile(r"内(?![容部外涵在设])")
# a date named as a time limit before it (修复时限为2025年11月30日, 整改期限:2024年6月30日): a deadline without its 前
_DEADLINE_NAMED = re.compile(r"(?:时限|期限|截止时间|截止日期)(?:为|是|定为)?[:：]?\s*$")

_UNIT = {
    "年": "year", "年度": "year", "半年": "half_year", "季度": "quarter", "季": "quarter",
    "月": "month", "周": "week", "星期": "week", "礼拜": "week", "天": "day", "日": "day",
    "学期": "half_year",  # a school term: two a year
    "载": "year",  # 73载春秋
}
_EVERY_TAIL = {
    "year": re.compile(rf"{MONTH_NUM}月(?:(?:3[01]|[12]\d|0?[1-9]|[一二三四五六七八九十]{1,3})[日号])?"),
    "month": re.compile(r"(?:3[01]|[12]\d|0?[1-9]|[一二三四五六七八九十]{1,3})[日号]|[底末初]"),
    "quarter": re.compile(r"[末初]"),
    # 每周三为接访日: the day of the week (not 每周三次, three times a week)
    "week": re.compile(r"[一二三四五六日天](?![次回遍天场个名])"),
}
#: One more day of the week after the first (每周二、周四 / 每周一和周五 / 每周二、四).
_MORE_WEEKDAYS = re.compile(r"[、和及](?:周|星期)?[一二三四五六日天](?![次回遍天场个名])")
_COUNT_AFTER = re.compile(
    rf"(?P<q0>不少于|不低于|至少|最少)?"
    rf"[^,。;:!?\n每]{{0,25}}?(?P<q>不少于|不低于|至少|最少|不超过|不多于|原则上)?(?P<c>{NUM})次(?![数序])"
)
_INTERVAL = re.compile(rf"(?P<n>{NUM})(?:个)?(?P<u>年|月|季度|周|星期|天)(?:开展|举行|召开|进行)?(?P<c>{NUM})次(?![数序])")
_DURATION = re.compile(
    rf"(?P<pre>为期|满|连续|用了?)(?P<n>{NUM}|半)(?:个)?(?P<more>多|余)?(?P<u>年(?!代)|月|季度|周|星期|天|日)(?P<half>半)?(?P<t>时间)?"
)
# 挂职期限为2年, 历时九年, 已有40多年历史, 账龄3年以上: a length after a word that names it (the word outside the span)
_LENGTH_LEAD = re.compile(r"(?:期限为?|时间为?|时长为?|周期为?|期为|历时|用时|耗时|坚持|长达|已有|已经|账龄|工龄|党龄|教龄)$")
_LENGTH_TAIL = re.compile(r"历史|之久|春秋|时间(?!内|表|节点|段)")
_LENGTH = re.compile(
    rf"(?P<n>{NUM}|半)(?:个)?(?P<more>多|余)?(?P<u>年|月|季度|周|星期|天|日|载)(?P<half>半)?(?P<more2>多|以上)?(?![度底末初内前后以来])"
)
# 一个半小时, 10分钟: a clock length is a duration wherever it stands (not 每…, 第…, …内/前/后)
_CLOCK = re.compile(rf"(?P<n>{NUM})(?:个)?(?P<half>半)?(?P<u>小时|钟头|分钟)(?![内前后以])")
# 五千年, 5000多年(来): a length of millennia is a duration, never a datable period
_MILLENNIA = re.compile(r"(?P<n>[1-9]\d{3,}|[一二两三四五六七八九十]千|[一二两三四五六七八九十]万)(?P<more>多|余)?年(?![代度底末初内前后])")
_COUNT_START = frozenset("0123456789" + CN_NUM_CHARS + "半仨俩")  # where a counted length can start
# 压缩至10个工作日, 由3—5个工作日缩短, 挂职6—12个月, 用3至5年时间: a length in working days, or a range of lengths
# (its lower bound; not 2021至2023年, two years named)
_SPAN = re.compile(rf"(?P<n>{NUM})(?:[—\-~至到](?P<n2>{NUM}))?个(?P<u>工作日)(?!内)"
                   rf"|(?P<a>{NUM})[—\-~至到](?P<b>{NUM})(?:个(?P<u2>月|工作日)|(?P<u3>年|周|天))(?![度底末初内前后以来])")
_SPAN_MAX = 100  # a range of lengths counts fewer: 2021至2023年 names years
_LIMIT = re.compile(rf"限期(?P<n>{NUM}|半)(?:个)?(?P<u>年|月|季度|周|星期|天|日)(?:内)?")
_HALF_YEAR = re.compile(r"半年(?!度|来|以来)")
_RECENT = re.compile(
    rf"(?:最近|近|过去(?:的)?)(?P<n>{NUM}|几|些)?(?:个)?(?P<u>年|月|季度|周|星期|天|日)(?P<lai>来|以来)?"
)
_SINCE_COUNT = re.compile(
    rf"(?P<n>{NUM}|半)(?P<more1>多|余)?(?:个)?(?P<more>多|余)?(?P<half0>(?<=个)半)?(?P<u>年|月|季度|周|天)(?P<more2>多|余)?(?P<half>半)?"
    r"(?:来|以来)(?![自源说看到])"
)
_AHEAD = re.compile(rf"(?:今后|未来)(?:的)?(?P<n>{NUM})(?:个)?(?P<u>年|月|季度|周|天|日)(?:内|以内|之内|里)?")
# "within N units" (30日内, 两个月内, 3年半以内); 月 needs 个 or 半 (3月内 is "within March")
_WITHIN_COUNT = re.compile(
    rf"(?P<n>{NUM}|半)(?P<more1>多)?(?P<ge>个)?(?P<half0>(?<=个)半)?(?P<u>年|月|季度|周|星期|天|日)(?P<half>半)?(?:以内|之内|内)(?![容部外涵在设地陆乱蒙核])"
)
_DEADLINE_CUE = re.compile(r"(?:于|须|需|应|要|务必|必须|力争|争取|限|在)$")
# a length counted from the feedback or a notice (在反馈后2个月内整改到位, 收到本通知后30日内): a time limit
_FROM_EVENT = re.compile(r"(?:反馈|收到[^,。;]{0,12}?|印发|下发)(?:意见|通知)?(?:之)?后$")
# 前两年, "a couple of years back": the two calendar years before the anchor year, only after a
# clause boundary or a comparison word (前三年, 前五年 and 大学前两年 are mostly "the first N years" of something)
_PRIOR_YEARS = re.compile(r"前(?P<n>两)年(?![度级底末初内前后])")
_PRIOR_YEARS_PREV = set(" \n,.;:!?。、比较于与和同从在对")
# a list of days after a dated day: 9月10号,11号,12号
_DAY_LIST_SEP = re.compile(r"(?:、|,|，|和|及|与)")
_AGO = re.compile(
    rf"(?P<n>{NUM}|半)(?P<more1>多)?(?:个)?(?P<more>多)?(?P<half0>(?<=个)半)?(?P<u>年|月|季度|周|天|日)(?P<more2>多)?(?P<half>半)?(?P<dir>以前|之前|前|以后|之后|后){_NOT_BEFORE_WORD}"
)


class _State:
    """Per-call scanning state: the anchor and the year context."""

    __slots__ = ("anchor", "ctx_year", "lenient", "later", "report")

    def __init__(self, anchor: dt.date | None, lenient: bool, report: bool = False) -> None:
        self.anchor = anchor
        self.report = report  # a report on work done: its dates past the signing are the year before's
        self.ctx_year: int | None = None
        self.lenient = lenient
        # the last look for a later year: (searched from, the sentence's end, the first year found)
        self.later: tuple[int, int, re.Match | None] = (0, -1, None)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _from_atom(text: str, start: int, atom: Atom) -> TimeExpr:
    date = None
    if atom.point:
        date = _iso(atom.start_date)
    elif atom.kind == "date" and atom.granularity == "month" and atom.start_date:
        date = atom.start_date.strftime("%Y-%m")
    return TimeExpr(
        start=start, end=atom.end, text=text[start:atom.end], kind=atom.kind, date=date,
        start_date=_iso(atom.start_date), end_date=_iso(atom.end_date), granularity=atom.granularity,
    )


def _unit_count(n_text: str | None, unit_text: str, *, half: bool = False, more: bool = False) -> tuple[float, str] | None:
    """(count, unit) of "3个月", "半年", "两年半"; None when the count is vague."""
    unit = _UNIT[unit_text]
    if n_text in (None, ""):
        n: float = 1
    elif n_text == "半":
        n = 0.5
    else:
        value = num(n_text)
        if value is None:
            return None
        n = value
    if half:
        n += 0.5
    if unit == "half_year":
        return n * 6, "month"
    if unit == "quarter":
        return n * 3, "month"
    return n, unit


def _has_half(m: re.Match) -> bool:
    """两年半 or 两个半月: a half unit written after the unit or between 个 and the unit."""
    groups = m.re.groupindex
    return bool(m.group("half") or ("half0" in groups and m.group("half0")))


def _iso_duration(n: float, unit: str) -> str:
    if unit == "year" and not float(n).is_integer():
        n, unit = n * 12, "month"
    letter = {"year": "Y", "month": "M", "week": "W", "day": "D"}[unit]
    value = int(n) if float(n).is_integer() else round(n, 2)
    return f"P{value}{letter}"


def _every_label(n_text: str | None, unit_text: str) -> str | None:
    if n_text == "半" and unit_text == "年":
        return "half_year"
    if unit_text == "半月":  # 每半月听取一次: twice a month
        return "half_month" if n_text in (None, "") else None
    unit = _UNIT[unit_text]
    if n_text in (None, ""):
        return unit
    n = num(n_text)
    if not n:
        return None
    return unit if n == 1 else f"{n} {unit}"


# --- matchers: each returns (end, [TimeExpr ...], context year or None) or None ------------

Match = tuple[int, list[TimeExpr], int | None]


def _match_recurrence(text: str, i: int, st: _State) -> Match | None:
    m = FREQUENCY_EVERY.match(text, i)
    if m is not None and m.group("u") and m.group("u") not in _UNIT and m.group("u") != "半月":
        m = None  # 每旬, 每届, 每轮: a frequency, with no calendar unit to count it in
    if m is not None and m.group("term"):
        c = _COUNT_AFTER.match(text, m.end())
        count = num(c.group("c")) if c else None
        if not count:
            return None  # 任期内 alone is no recurrence
        at_least = c.group("q") in ("不少于", "不低于", "至少", "最少") or c.group("q0")
        expr = TimeExpr(i, c.end(), text[i:c.end()], "recurrence", every="term",
                        times=None if at_least else count, min_times=count if at_least else None)
        return c.end(), [expr], None
    if m is not None:
        n_text, unit_text = m.group("n"), m.group("u")
        if n_text == "半" and unit_text != "年":
            return None
        every = _every_label(n_text, unit_text)
        if every is None:
            return None
        end = m.end()
        tail = _EVERY_TAIL.get(every)
        days = 0  # 每周二、周四: the days of the week named, two or more a count per week
        if tail and (t := tail.match(text, end)):
            end, days = t.end(), 1
            while every == "week" and (more := _MORE_WEEKDAYS.match(text, end)):
                end, days = more.end(), days + 1
        times = days if days >= 2 else None
        min_times = None
        if c := _COUNT_AFTER.match(text, end):
            count = num(c.group("c"))
            if count:
                end = c.end()
                if c.group("q") in ("不少于", "不低于", "至少", "最少") or c.group("q0"):
                    min_times = count
                else:
                    times = count
        expr = TimeExpr(i, end, text[i:end], "recurrence", every=every, times=times, min_times=min_times)
        return end, [expr], None
    if m := ONE_EACH_PERIOD.match(text, i):  # 一周一调度
        return m.end(), [TimeExpr(i, m.end(), m.group(0), "recurrence", every=_UNIT[m.group("u")], times=1)], None
    if m := _INTERVAL.match(text, i):
        if i and (text[i - 1].isdigit() or text[i - 1] in CN_NUM_CHARS + "每第"):
            return None
        every = _every_label(m.group("n"), m.group("u"))
        count = num(m.group("c"))
        if every is None or not count:
            return None
        return m.end(), [TimeExpr(i, m.end(), m.group(0), "recurrence", every=every, times=count)], None
    return None


def _match_as_of(text: str, i: int, st: _State) -> Match | None:
    found = as_of_at(text, i, anchor=st.anchor, ctx_year=st.ctx_year, lenient=st.lenient)
    if found is None:
        return None
    expr = TimeExpr(i, found.end, text[i:found.end], "as_of", date=_iso(found.date), granularity="day")
    return found.end, [expr], found.year


def _match_duration(text: str, i: int, st: _State) -> Match | None:
    if m := _DURATION.match(text, i):
        if m.group("pre").startswith("用") and not m.group("t"):
            return None
        uc = _unit_count(m.group("n"), m.group("u"), half=_has_half(m))
        if uc is None:
            return None
        return m.end(), [TimeExpr(i, m.end(), m.group(0), "duration", duration=_iso_duration(*uc))], None
    if text[i] not in _COUNT_START:
        return _match_limit_or_half(text, i)
    if (m := _SPAN.match(text, i)) and not (i and (text[i - 1] in "每第隔" or text[i - 1].isdigit())):
        n = num(m.group("n") or m.group("a"))
        if n and (m.group("u3") is None or n < _SPAN_MAX):
            unit = {"月": "M", "年": "Y", "周": "W"}.get(m.group("u2") or m.group("u3"), "D")
            return m.end(), [TimeExpr(i, m.end(), m.group(0), "duration", duration=f"P{int(n)}{unit}")], None
    ahead = text[i : i + 16]
    if ((_LENGTH_LEAD.search(text, max(0, i - 4), i) or _LENGTH_TAIL.search(ahead))
            and (m := _LENGTH.match(text, i)) and (_LENGTH_LEAD.search(text, max(0, i - 4), i)
                                                   or _LENGTH_TAIL.match(text, m.end()))):
        if i and (text[i - 1].isdigit() or text[i - 1] in CN_NUM_CHARS):
            return None
        uc = _unit_count(m.group("n"), m.group("u"), half=_has_half(m))
        if uc is None:
            return None
        return m.end(), [TimeExpr(i, m.end(), m.group(0), "duration", duration=_iso_duration(*uc))], None
    if ("时" in ahead or "钟" in ahead) and (m := _CLOCK.match(text, i)) and not (i and text[i - 1] in "每第" + CN_NUM_CHARS or i and text[i - 1].isdigit()):
        n = num(m.group("n"))
        if n:
            minutes = n * (1 if m.group("u") == "分钟" else 60) + (30 if m.group("half") else 0)
            hours, rest = divmod(minutes, 60)
            iso = "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest else "")
            return m.end(), [TimeExpr(i, m.end(), m.group(0), "duration", duration=iso)], None
    if "年" in ahead and (m := _MILLENNIA.match(text, i)) and not (i and (text[i - 1].isdigit() or text[i - 1] in CN_NUM_CHARS)):
        n = int(m.group("n")) if m.group("n").isdigit() else num(m.group("n"))
        if n and n >= 1000:
            return m.end(), [TimeExpr(i, m.end(), m.group(0), "duration", duration=f"P{n}Y")], None
    return _match_limit_or_half(text, i)


def _match_limit_or_half(text: str, i: int) -> Match | None:
    """限期N个月 (a deadline of that length) and a bare 半年 (six months)."""
    if m := _LIMIT.match(text, i):
        uc = _unit_count(m.group("n"), m.group("u"))
        if uc is None:
            return None
        return m.end(), [TimeExpr(i, m.end(), m.group(0), "deadline", duration=_iso_duration(*uc))], None
    if m := _HALF_YEAR.match(text, i):
        if i and text[i - 1] in "上下每近前后个一多大" + CN_NUM_CHARS:
            return None
        return m.end(), [TimeExpr(i, m.end(), m.group(0), "duration", duration="P6M")], None
    return None


def _match_relative(text: str, i: int, st: _State) -> Match | None:
    anchor = st.anchor
    prev = text[i - 1] if i else "\n"
    if (m := _RECENT.match(text, i)) and prev not in "接附将靠贴临逼最":
        n_text, unit_text = m.group("n"), m.group("u")
        if n_text in (None, "几", "些"):
            if unit_text != "年":  # 近日, 近期 and the like are vague
                return None
            start = None
        else:
            uc = _unit_count(n_text, unit_text)
            if uc is None:
                return None
            start = _iso(shift(anchor, -uc[0], uc[1])) if anchor else None
        return m.end(), [TimeExpr(i, m.end(), m.group(0), "relative_period", start_date=start, end_date=_iso(anchor))], None
    if m := _AHEAD.match(text, i):
        uc = _unit_count(m.group("n"), m.group("u"))
        if uc is None:
            return None
        end = _iso(shift(anchor, uc[0], uc[1]) - dt.timedelta(days=1)) if anchor else None
        return m.end(), [TimeExpr(i, m.end(), m.group(0), "relative_period", start_date=_iso(anchor), end_date=end)], None
    if prev.isdigit() or prev in CN_NUM_CHARS + "几数多余第每个":
        return None
    if m := _SINCE_COUNT.match(text, i):
        uc = _unit_count(m.group("n"), m.group("u"), half=_has_half(m))
        if uc is None:
            return None
        start = None
        if anchor:
            day = shift(anchor, -uc[0], uc[1])
            if m.group("more1") or m.group("more") or m.group("more2"):
                day = _floor(day, uc[1])
            start = _iso(day)
        return m.end(), [TimeExpr(i, m.end(), m.group(0), "relative_period", start_date=start, end_date=_iso(anchor))], None
    if m := _WITHIN_COUNT.match(text, i):
        return _within(text, i, m, st)
    if (m := _PRIOR_YEARS.match(text, i)) and (prev in _PRIOR_YEARS_PREV or i == 0):
        n = num(m.group("n"))
        start = end = None
        if anchor and n:
            start, end = _iso(dt.date(anchor.year - n, 1, 1)), _iso(dt.date(anchor.year - 1, 12, 31))
        return m.end(), [TimeExpr(i, m.end(), m.group(0), "relative_period", start_date=start, end_date=end,
                                  granularity="year")], None
    if m := _AGO.match(text, i):
        uc = _unit_count(m.group("n"), m.group("u"), half=_has_half(m))
        if uc is None:
            return None
        n, unit = uc
        direction = m.group("dir")
        sign = -1 if direction.endswith("前") else 1
        start = end = None
        more = m.group("more1") or m.group("more") or m.group("more2")
        if anchor and more and direction == "前":
            # 80多年前: between 80 and 90 years before the anchor (the next round number bounds it)
            step = 100 if n >= 100 and n % 100 == 0 else 10 if n >= 10 and n % 10 == 0 else 1
            lo, hi = shift(anchor, -(n + step), unit) + dt.timedelta(days=1), shift(anchor, -n, unit)
            return m.end(), [TimeExpr(i, m.end(), m.group(0), "relative_period", start_date=_iso(lo),
                                      end_date=_iso(hi))], None
        if anchor:
            day = shift(anchor, sign * n, unit)
            if unit == "month" and not float(n).is_integer():  # 半月后, 两个半月前: day-precise
                lo = hi = day
            elif unit == "year" and float(n).is_integer():
                lo, hi = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
            elif unit in ("year", "month"):
                lo, hi = day.replace(day=1), shift(day.replace(day=1), 1, "month") - dt.timedelta(days=1)
            else:
                lo = hi = day
            if len(direction) == 2:  # 以前/之前: open start, 以后/之后: open end
                lo, hi = (None, hi) if sign < 0 else (lo, None)
            start, end = _iso(lo), _iso(hi)
        return m.end(), [TimeExpr(i, m.end(), m.group(0), "relative_period", start_date=start, end_date=end)], None
    return None


def _floor(day: dt.date, unit: str) -> dt.date:
    """Start of the unit containing ``day`` ("3个多月以来": more than 3 months, so from the month's start)."""
    if unit == "year":
        return day.replace(month=1, day=1)
    if unit == "month":
        return day.replace(day=1)
    return day


def _within(text: str, i: int, m: re.Match, st: _State) -> Match | None:
    """"Within N units" (30日内, 两个月内, 3年半以内).

    In running text the start is rarely stated and is usually an event (收到反馈后30日内,
    一年内撰写了…), so the expression keeps only its length: kind deadline when a
    modal or 于/在 precedes it (于2个月内报送), else duration.  Given alone
    (``parse_time_expression``) it is counted from the anchor, the start day not
    counted (Civil Code art. 201: 60日内 from 06-14 ends 08-13).
    """
    if m.group("u") == "月" and not (m.group("ge") or m.group("n") == "半" or m.group("half")):
        return None
    prev = text[i - 1] if i else "\n"
    if prev in "年月日号" or m.group("more1"):
        return None
    uc = _unit_count(m.group("n"), m.group("u"), half=_has_half(m))
    if uc is None:
        return None
    duration = _iso_duration(*uc)
    if st.lenient and st.anchor:
        end = shift(st.anchor, uc[0], uc[1])
        expr = TimeExpr(i, m.end(), m.group(0), "deadline", date=_iso(end), granularity="day", duration=duration)
        return m.end(), [expr], None
    counted = _DEADLINE_CUE.search(text, max(0, i - 2), i) or _FROM_EVENT.search(text, max(0, i - 16), i)
    kind = "deadline" if counted else "duration"
    return m.end(), [TimeExpr(i, m.end(), m.group(0), kind, duration=duration)], None


def _day_list(text: str, j: int, atom: Atom, st: _State) -> list[Atom]:
    """Further days after a dated day: 9月10号,11号,12号 (each a later day of the same month)."""
    days: list[Atom] = []
    last = atom
    while (sep := _DAY_LIST_SEP.match(text, j)) is not None:
        nxt = parse_atom(text, sep.end(), ctx_year=last.year, anchor=st.anchor, lenient=False, ctx_month=last.month)
        if (nxt is None or nxt.granularity != "day" or not nxt.point or nxt.month != atom.month
                or not nxt.start_date or not last.start_date or nxt.start_date <= last.start_date):
            break
        days.append(nxt)
        last, j = nxt, nxt.end
    return days


def _school_year(text: str, i: int) -> Match | None:
    """2021-2022学年, 2020-2021年度, 2019-2020、2020-2021年度: September of the first year to August of the second."""
    if not text.startswith(("19", "20"), i) or (y := _SCHOOL_YEAR.match(text, i)) is None or i and text[i - 1].isdigit():
        return None
    a, b = int(y.group("a")), int(y.group("b"))
    if b != a + 1 or not (y.group("tail") or _SCHOOL_YEAR_NEXT.match(text, y.end())):
        return None
    expr = TimeExpr(i, y.end(), y.group(0), "period", start_date=f"{a:04d}-09-01", end_date=f"{b:04d}-08-31",
                    granularity="month")
    return y.end(), [expr], b


def _match_calendar(text: str, i: int, st: _State) -> Match | None:
    if found := _school_year(text, i):
        return found
    if (y := _YEAR_SPAN.match(text, i)) and (i == 0 or not text[i - 1].isdigit()):
        a, b = int(y.group("a")), int(y.group("b"))
        if a < b <= a + 50:
            expr = TimeExpr(i, y.end(), y.group(0), "period", start_date=f"{a:04d}-01-01", end_date=f"{b:04d}-12-31",
                            granularity="year")
            return y.end(), [expr], b
    atom = parse_atom(text, i, ctx_year=st.ctx_year, anchor=st.anchor, lenient=st.lenient)
    if atom is None:
        return None
    ctx = atom.year if atom.explicit_year else None
    j = atom.end
    head = _from_atom(text, i, atom)
    # range: A 至 B
    if (c := _CONNECTOR.match(text, j)) and not _UNTIL_NOW.match(text, j):
        year = atom.year if atom.year else st.ctx_year
        second = parse_atom(text, c.end(), ctx_year=year, anchor=st.anchor, lenient=st.lenient,
                            ctx_month=atom.month if atom.granularity == "day" else None)
        if second is not None and (second.kind != "relative_period" or atom.kind == "relative_period"):
            if (not second.explicit_year and second.start_date and atom.start_date
                    and second.start_date < atom.start_date and second.granularity in ("day", "month")):
                second = parse_atom(text, c.end(), ctx_year=(year or 0) + 1, anchor=st.anchor,
                                    lenient=st.lenient, ctx_month=atom.month if atom.granularity == "day" else None)
            end = second.end
            if u := UNTIL_SUFFIX.match(text, end):
                end = u.end()
            tail = _from_atom(text, c.end(), second)
            whole = TimeExpr(
                i, end, text[i:end], "period", start_date=_iso(atom.start_date), end_date=_iso(second.end_date),
                granularity=atom.granularity if atom.granularity == second.granularity else "day", composite=True,
            )
            ctx2 = second.year if second.year and (second.explicit_year or ctx) else ctx
            return end, [whole, head, tail], ctx2
    if atom.point and atom.granularity == "day" and atom.month and (more := _day_list(text, j, atom, st)):
        exprs = [head]
        prev_atom, prev_end = atom, j
        consecutive = True
        for nxt in more:
            start = _DAY_LIST_SEP.match(text, prev_end).end()
            exprs.append(_from_atom(text, start, nxt))
            consecutive &= (nxt.start_date - prev_atom.start_date).days == 1
            prev_atom, prev_end = nxt, nxt.end
        if consecutive:  # a run of days is also one period, like a range
            exprs.insert(0, TimeExpr(i, prev_end, text[i:prev_end], "period", start_date=_iso(atom.start_date),
                                     end_date=_iso(prev_atom.end_date), granularity="day", composite=True))
        return prev_end, exprs, ctx
    kind_since = "relative_period" if atom.kind == "relative_period" else "period"
    if u := _UNTIL_NOW.match(text, j):
        expr = TimeExpr(i, u.end(), text[i:u.end()], kind_since, start_date=_iso(atom.start_date),
                        end_date=_iso(st.anchor), granularity=atom.granularity)
        return u.end(), [expr], ctx
    if s := _SINCE.match(text, j):
        if s.group(0) == "来" and atom.explicit_year and atom.granularity != "year":
            s = None  # 3月来 is rare and usually 来 starts the next word
    if s:
        anchor = st.anchor
        end_date = anchor
        if s.group(0) in ("起", "开始") and anchor and atom.start_date and anchor < atom.start_date:
            end_date = None
        expr = TimeExpr(i, s.end(), text[i:s.end()], kind_since, start_date=_iso(atom.start_date),
                        end_date=_iso(end_date), granularity=atom.granularity)
        return s.end(), [expr], ctx
    if d := _DEADLINE.match(text, j):
        expr = TimeExpr(i, d.end(), text[i:d.end()], "deadline", date=_iso(atom.end_date),
                        granularity="day")
        return d.end(), [expr], ctx
    if atom.granularity == "year" and (w := _WITHIN.match(text, j)):
        head.end, head.text = w.end(), text[i:w.end()]
        return w.end(), [head], ctx
    if _DEADLINE_NAMED.search(text, max(0, i - 8), i):
        return j, [TimeExpr(i, j, text[i:j], "deadline", date=_iso(atom.end_date), granularity="day")], ctx
    return j, [head], ctx


_MATCHERS: tuple[Callable[[str, int, _State], Match | None], ...] = (
    _match_calendar, _match_as_of, _match_recurrence, _match_relative, _match_duration,
)


def _next_trigger(text: str, pos: int) -> int:
    """Start of ``_TRIGGER.search(text, pos)`` (-1 if none), trying it only where it can start."""
    while (first := _TRIGGER_FIRST.search(text, pos)) is not None:
        i = first.start()
        if _TRIGGER.match(text, i):
            return i
        pos = i + 1
    return -1


_SENTENCE_END = re.compile(r"[。!?;\n]")
_EXPLICIT_YEAR = re.compile(r"(?<![0-9])((?:19|20)\d{2})年(?!代)")


def _later_year(text: str, i: int, st: _State) -> int | None:
    """The first four-digit year written later in the sentence at ``i``.

    Triggers come left to right, so the last answer holds while ``i`` is in the same sentence
    and not past the year found: a sentence is searched once, not once per trigger (100 KB
    without a full stop took 74 s).
    """
    lo, end, m = st.later
    same_sentence = lo <= i < end
    if not (same_sentence and (m is None or i <= m.start())):
        if not same_sentence:
            stop = _SENTENCE_END.search(text, i)
            end = stop.start() if stop else len(text)
        m = _EXPLICIT_YEAR.search(text, i, end)
        st.later = (i, end, m)
    return int(m.group(1)) if m else None


#: How far back a cited title's opening 《 is looked for.
_TITLE_REACH = 80


def _in_title(text: str, i: int) -> bool:
    """Whether ``i`` lies inside a cited title (after a 《 not yet closed)."""
    k = text.rfind("《", max(0, i - _TITLE_REACH), i)
    return k >= 0 and text.find("》", k, i) < 0


def _scan(text: str, st: _State, *, every_position: bool = False) -> list[TimeExpr]:
    out: list[TimeExpr] = []
    pos = 0
    n = len(text)
    rare = _rare_starts(text) if not every_position else []
    r = 0
    while pos < n:
        if every_position:
            i = pos
        else:
            i = _next_trigger(text, pos)
            while r < len(rare) and rare[r] < pos:
                r += 1
            if r < len(rare) and (i < 0 or rare[r] < i):
                i = rare[r]
            if i < 0:
                break
        if st.ctx_year is not None and text.find("\n", pos, i) != -1:
            st.ctx_year = None  # a year written in an earlier paragraph does not date this one's months
        if st.ctx_year is None and st.anchor is None and (later := _later_year(text, i, st)):
            st.ctx_year = later  # 4月16日,2023年国际…: with no other reference, the sentence's own year
        best: Match | None = None
        for matcher in _MATCHERS:
            try:
                found = matcher(text, i, st)
            except (ValueError, OverflowError):  # a count that leaves the calendar (一万年来)
                found = None
            if found and found[0] > i and (best is None or found[0] > best[0]):
                best = found
        if best is None:
            pos = i + 1
            continue
        end, exprs, ctx = best
        if st.ctx_year is None and ctx is None and st.anchor is not None:  # the anchor's year: not for a past after it
            for t in exprs:
                if _said_as_past(text, t, st.anchor, report=st.report):
                    _year_back(t)
        out.extend(exprs)
        # 《…行动计划(2025—2027年)》: a title's years date nothing after it; nor does a span of years (对2022年至
        # 2024年的科研经费开展自查): the stretch looked back on, not the year the text goes on in (原定10月底前印发)
        if ctx and not _in_title(text, i) and not _spans_years(exprs):
            st.ctx_year = ctx
        pos = end
    out.sort(key=lambda t: (t.start, -t.end))
    return out


#: A clause that says its act is done (相关制度已于10月印发, 已于9月26日印发).
_DONE_IN_CLAUSE = re.compile(r"已(?:于|在|经)")


def _said_as_past(text: str, t: TimeExpr, anchor: dt.date, *, report: bool = False) -> bool:
    """Whether a year-less date (or period) that took the anchor's year lies after the anchor where the text can only
    mean the past: a date whose clause says the act is done (相关制度已于10月印发, a report of 2025-01-15), or, in a
    ``report`` on work done, any date or period of a sentence that neither plans nor demands (7月15日,局党组召开专题
    会议…; 8月至10月,先后召开…).  Then it is the year before's (an as-of is read so where it is read,
    :func:`pipeline.lang.dates.as_of_at`).  Elsewhere a day said alone may be an event to come (a notice of 10月27日
    至11月27日在…展出): it keeps the anchor's year."""
    first = t.date or t.start_date
    if t.kind not in ("date", "period") or not first or "年" in t.text or first[:10] <= anchor.isoformat():
        return False
    if t.kind == "date" and _DONE_IN_CLAUSE.search(text, *sentence_bounds(text, t.start, ends=",;。\n")):
        return True
    a, b = sentence_bounds(text, t.start, ends="。;\n")
    return report and not plan_cue().search(text, a, b) and not DEMANDED.search(text, a, b)


def _year_back(t: TimeExpr) -> None:
    """The same dates one year earlier (a 2月29日 becomes 2月28日)."""
    def back(iso: str | None) -> str | None:
        if not iso:
            return iso
        year, rest = int(iso[:4]) - 1, iso[4:]
        if rest.startswith("-02-29"):
            rest = "-02-28" + rest[6:]
        return f"{year:04d}{rest}"
    t.date, t.start_date, t.end_date = back(t.date), back(t.start_date), back(t.end_date)


def _spans_years(exprs: list[TimeExpr]) -> bool:
    """Whether a match is a period over several whole years (2022年至2024年)."""
    return any(t.kind == "period" and t.start_date and t.end_date and t.start_date[:4] != t.end_date[:4]
               for t in exprs)


def extract_times(text: str, *, anchor: dt.date | None = None, report: bool = False) -> list[TimeExpr]:
    """Every time expression in NORMALIZED ``text``, sorted by start.

    ``anchor`` is the report date; it resolves deictic expressions (今年以来, 全年,
    bare 上半年, 近年来) and year-less dates when no year precedes them.  ``report``: the text reports work done
    (a progress report), so a year-less date past the anchor outside a plan is the year before's.
    """
    found = _scan(text, _State(anchor, lenient=False, report=report))
    for t in found:
        _mark_resolved(t)
    urls = SpanIndex(m.span() for m in _URL.finditer(text))
    if not urls.spans:
        return found
    return [t for t in found if not urls.overlaps(t.start, t.end)]


_DATED_KINDS = frozenset({"date", "as_of", "deadline", "period", "relative_period"})


def _mark_resolved(t: TimeExpr) -> None:
    """Say whether a dated expression got its dates (a relative one needs a reference date)."""
    if t.kind in _DATED_KINDS and t.duration is None:
        t.resolved = bool(t.date or t.start_date or t.end_date)


def parse_time_expression(expr: str, *, anchor: dt.date | None = None) -> TimeExpr | None:
    """Normalize one expression given alone (peer suites, user input).

    Accepts a few forms that are unsafe inside running text (2018, 09-01,
    20240307, 24年) and tolerates leading 从/自/于/在.  Returns the expression that
    covers most of the string, or None.
    """
    text = expr.strip()
    lead = re.match(r"(?:从|自|于|在)", text)
    offset = lead.end() if lead else 0
    found = _scan(text[offset:], _State(anchor, lenient=True), every_position=True)
    if not found:
        return None
    best = max(found, key=lambda t: (t.end - t.start, t.composite))
    _mark_resolved(best)
    best.start += offset
    best.end += offset
    return best
