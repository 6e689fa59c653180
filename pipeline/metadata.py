"""Document metadata: kind, title, issuer, dates and the inspection it answers.

Everything is read from the text's own wording (the opening sentence names the
inspection, the signature block names the issuer and the date), with a span
of evidence per field so a reviewer can check it.  The date line, the inspection
period and the feedback date are read by a small date pattern local to those
fields (a period of two dates, 上旬/中旬/下旬); the as-of date by the shared
reading of 截至… in :mod:`pipeline.lang.dates`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from pipeline.lang.cues import POST_FOOT_LINE, POST_LINKS_LINE
from pipeline.lang.dates import CN_YEAR, find_as_of, year_offset_before, year_value
from pipeline.lang.markers import BREADCRUMB_LINE, CN_NUM
from pipeline.lang.numerals import int_value
from pipeline.lang.text import WRAP_SPACE, lines, page_furniture, sentence_bounds, span_back
from pipeline.reading import reading_text
from pipeline.records import DocumentMeta, Section

_NUM = r"[0-9]{1,2}|[一二三四五六七八九十]{1,3}"
_YEAR = rf"[0-9]{{4}}|{CN_YEAR}"
# A date with optional year and optional day; parts named for the parser.
_DATE_CORE = (
    rf"(?:(?P<@y>{_YEAR})年)?(?P<@m>{_NUM})月"
    rf"(?:(?P<@d>{_NUM})日|(?P<@part>上旬|中旬|下旬|初|中|底|末))?"
)


def _date_pattern(prefix: str) -> str:
    """The date pattern with its group names prefixed (two dates in one regex)."""
    return _DATE_CORE.replace("@", prefix)


_DATE = re.compile(_date_pattern(""))
_FULL_DATE = re.compile(rf"(?P<y>{_YEAR})年(?P<m>{_NUM})月(?P<d>{_NUM})日")
_ISO_DATE = re.compile(r"(?P<y>20[0-9]{2}|19[0-9]{2})[-/.](?P<m>[0-9]{1,2})[-/.](?P<d>[0-9]{1,2})")
_PERIOD = re.compile(
    _date_pattern("a") + r"\s*(?:至|到|—|-|~|～)+\s*" + _date_pattern("b")
)

_NAMES_INSPECTION = re.compile(r"巡视|巡察|进驻")  # a sentence that can hold the inspection's period
_BODY_PREFIX = r"(?:中央|省委|市委|区委|县委|州委|盟委|旗委|自治区党委|自治州党委|党委|党组)"
_INSPECTING_BODY = re.compile(
    rf"{_BODY_PREFIX}?(?:第[一二三四五六七八九十0-9]{{1,3}}|[一二三四五六七八九十0-9]{{1,3}}轮)?(?:专项)?(?:巡视|巡察)组"
)
_PLACE_STOP = set("对向在由和与及了的是为把将从于按据经、")
_TERM = re.compile(r"(?:中共)?第?[一二三四五六七八九十\d]+届")
_INSPECTION_TYPES = (
    "巡视“回头看”", "巡察“回头看”", '巡视"回头看"', '巡察"回头看"',
    "常规巡视", "专项巡视", "机动巡视", "常规巡察", "专项巡察", "机动巡察",
    "异地交叉巡察", "交叉巡察", "提级巡察", "联动巡察", "延伸巡察", "点穴式巡察",
)
_TYPE_RE = re.compile("|".join(re.escape(t) for t in _INSPECTION_TYPES))
#: The short name a text gives a unit when it first names it: (以下简称“公司”), no part of the name.
_SHORT_NAME = re.compile(r"[(（](?:以下|下文)?简称[^()（）]{1,16}[)）]")
_UNIT_TARGET = re.compile(
    r"对(?P<unit>[^,。;:!?\n]{2,60}?)(?:领导班子)?(?:开展了?|进行了?)(?:为期[^,。;]{1,10}的)?"
    r"(?P<type>[^,。;\n]{0,24}?(?:巡视|巡察)(?:“回头看”|\"回头看\")?)"  # 教育领域民生资金使用管理专项巡察
)
_UNIT_FEEDBACK = re.compile(
    r"向(?P<unit>[^,。;:!?\n]{2,60}?)(?:领导班子|主要负责同志|主要负责人|班子成员)?(?:及[^,。;]{1,20})?(?:集中)?反馈"
)
_UNIT_INSPECTED = re.compile(
    r"(?:(?<=组)|(?<=[,。;:\n])|^)(?:巡视|巡察)(?P<unit>[^,。;:!?\n“”《》的是了在对和与及巡]{2,30}?(?:党委|党组))"
)
_PRONOUN_UNIT = re.compile(r"^(?:我|本)[部局委校院厅办处室司所单位市县区镇乡街道公司集团中心会]")

_ORG_SUFFIX = re.compile(
    r"(?:部|委|会|局|厅|办|院|校|学|司|社|署|所|中心|党委|党组|公司|集团|政府|法院|检察院|支部|总支|工委|组|处|室|馆|行|站|队)$"
)
_TITLE_CUES = ("关于", "通报", "情况", "公告", "报告", "反馈", "公开", "公示", "整改", "意见", "方案", "说明")
#: A post's stamp near its top: the day and the clock time it was published (原创 某某 2025年07月16日 18:30,
#: 某某 2023-06-08 17:30 发表于…): the document's date where no signature dates it.
_POST_STAMP = re.compile(r"^[^\n]{0,40}?(?P<date>(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}))[ \t]+\d{1,2}:\d{2}\b",
                         re.M)
_PUBLISH_CUE = re.compile(r"(?:发布时间|发布日期|日期|时间)\s*[:：]?\s*")
#: The same stamp on a line of its own at a web page's foot ((发布时间:2015年12月28日)).
_PUBLISH_LINE = re.compile(r"(?m)^[ \t\u3000]*\(?(?:发布时间|发布日期)[:]?[ \t]*")
#: A news site's line under the headline (峪川新闻网 2016-04-18 来源:峪川县新闻中心): the day the item was published.
_SITE_STAMP = re.compile(r"^[^\n。]{0,30}?(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2})(?=[ \t\u3000]+(?:来源|作者|发布|编辑)|[ \t]*$)",
                         re.M)
#: A news item's dateline near its top (青枫融媒讯(记者 温雨桐)2025年7月8日, 本报讯 2024年3月5日): the day it was
#: published, the document's date where no signature dates it.
_NEWS_DATELINE = re.compile(r"^[^\n。]{0,30}?(?:讯|记者|通讯员)[^\n。]{0,30}?"
                            r"(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|(?:19|20)\d{2}-\d{1,2}-\d{1,2})", re.M)

# (pattern, weight) cues of each kind.  Presence counts, capped at two hits per
# cue, so a long report repeating one phrase does not outweigh other evidence.
_PROGRESS_CUES: tuple[tuple[str, int], ...] = (
    (r"整改进展情况", 3),
    (r"整改情况的?通报", 3),
    # a title naming the unit's own report on it (关于县委第一巡察组巡察反馈问题整改情况的报告, …的公示, …整改进展情况的
    # 通报): 关于 and 的,
    # which a feedback's demand for one (于2个月内报送整改情况报告) has not
    (r"关于[^。\n]{0,60}?整改[^。\n]{0,6}?情况的(?:报告|公示|通报)", 3),
    (r"现将[^。\n]{0,12}?情况报告如下", 2),  # the report's own lead to its leading group
    (r"整改(?:工作)?落实情况", 2),
    # a news item on the unit's meeting about its rectification (召开巡察整改工作推进会)
    (r"整改(?:工作)?推进会", 3),
    (r"已(?:整改完成|完成整改)", 3),
    (r"基本(?:整改)?完成", 1),
    (r"现将[^。]{0,30}整改[^。]{0,30}(?:予以公布|公布如下|通报如下|报告如下)", 4),
    (r"(?:予以公布|公布如下)", 1),
    (r"整改任务", 1),
    (r"立行立改", 1),
    (r"整改成效|阶段性成效", 1),
    (r"整改完成率", 2),
    (r"(?:已|均已)(?:全部)?整改到位", 2),
    (r"下一步", 1),
)
_FEEDBACK_CUES: tuple[tuple[str, int], ...] = (
    # 反馈(了)(专项/机动/提级)巡察(“回头看”)情况: the kind of inspection may stand between
    (r"反馈(?:了)?[^。\n]{0,6}?(?:巡视|巡察)[^。\n]{0,8}?(?:情况|意见)", 2),
    # a title that names the feedback and not its rectification (关于…巡察情况的反馈意见, …反馈问题清单),
    # under at most three lines of letterhead (the team's name, a 文号)
    (r"\A(?:[^\n]*\n){0,3}?(?![^\n]*整改)[^\n]{0,80}?反馈", 3),
    (r"问题线索[^。\n]{0,30}?(?:移交|转交)|(?:移交|转交)[^。\n]{0,30}?问题线索", 2),
    (r"(?:巡视|巡察)组(?:指出|认为)", 3),
    (r"主要是[:：]", 2),
    (r"发现了?(?:一些|以下|如下)问题", 2),
    (r"(?:巡视|巡察)组(?:要求|强调)", 2),
    # a formal letter: 现将巡察发现的主要问题反馈如下, 巡察组提出以下意见建议
    (r"现将[^。\n]{0,16}?(?:问题|情况)反馈如下", 2),
    (r"(?:巡视|巡察)组提出(?:以下|如下)?[^。\n]{0,6}?意见建议", 2),
    (r"反馈会|反馈意见会", 1),
    (r"(?:报送|提交)整改(?:报告|方案|落实情况)", 1),
    (r"(?:不够|不到位|不充分|不严格|不规范|有差距|有落差|偏松偏软)", 1),
)
_KIND_MIN_SCORE = 4  # below this for both kinds the document is 'other'
_STRONG_CUE = 2  # a cue of this weight is strong
# The winning kind needs this many distinct strong cues: one phrase such as 巡察组指出
# (quoted in a news item about a mobilisation meeting) or 整改落实情况 (in a news item
# about a visit) does not make a feedback or a progress document.
_MIN_STRONG_CUES = 2
_GENRE = re.compile(r"巡视|巡察")  # texts that never name an inspection are 'other'


@dataclass
class _Date:
    iso: str
    start: int
    end: int


def _iso(year: int, month: int, day: int) -> str | None:
    if not (1 <= month <= 12) or not (1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _resolve(m: re.Match, p: str, *, year: int | None, first: bool) -> tuple[str | None, int | None]:
    """ISO date of the named date groups with prefix ``p``; month-only dates resolve
    to their first (``first``) or last day, 上旬/中旬/下旬 to days 1/11/21."""
    y = m.group(p + "y")
    yv = year_value(y) if y else year
    mv = int_value(m.group(p + "m"))
    if yv is None or mv is None or not 1 <= mv <= 12:
        return None, yv
    last = calendar.monthrange(yv, mv)[1]
    d = m.group(p + "d")
    part = m.group(p + "part")
    if d:
        dv = int_value(d)
        return (_iso(yv, mv, dv) if dv else None), yv
    if part in ("底", "末"):
        return _iso(yv, mv, last), yv
    if part in ("上旬", "初"):
        return _iso(yv, mv, 1 if first else 10), yv
    if part in ("中旬", "中"):
        return _iso(yv, mv, 11 if first else 20), yv
    if part == "下旬":
        return _iso(yv, mv, 21 if first else last), yv
    return _iso(yv, mv, 1 if first else last), yv


def signature_start(text: str) -> int | None:
    """Where the closing signature block (issuer line over date line, or the date line alone) begins, if there is
    one: no item of the body reaches into it."""
    issuer, date = _signature(text)
    if date is None:
        return None
    return issuer[1] if issuer is not None and issuer[1] < date.start else date.start


def _signature(text: str) -> tuple[tuple[str, int, int] | None, _Date | None]:
    """Issuer line and date line of the closing signature block, above a post's or a page's foot."""
    body = [(ln, p) for p, _, ln in lines(text) if ln.strip()]
    # a post's or a page's foot under the article: its links to other items (往期推荐 and the titles after it), then
    # its credit and count lines
    cut = next((k for k in range(len(body) - 1, max(-1, len(body) - 20), -1) if POST_LINKS_LINE.match(body[k][0])),
               len(body))
    body = body[:cut]
    while body and POST_FOOT_LINE.match(body[-1][0]):
        body.pop()
    tail = body[-6:]
    for idx in range(len(tail) - 1, -1, -1):
        ln, p = tail[idx]
        stripped = ln.strip()
        off = p + ln.index(stripped)
        m = _FULL_DATE.fullmatch(stripped) or _ISO_DATE.fullmatch(stripped)
        issuer = None
        if not m:
            # issuer and date on one line: 中共XX委员会 2022年7月19日
            m2 = re.fullmatch(rf"(?P<org>\S{{3,40}}?)\s+(?P<date>(?:{_YEAR})年(?:{_NUM})月(?:{_NUM})日)", stripped)
            if not (m2 and _ORG_SUFFIX.search(m2.group("org"))):
                continue
            issuer = (m2.group("org"), off, off + len(m2.group("org")))
            m = _FULL_DATE.fullmatch(m2.group("date"))
            off += m2.start("date")
        yv, mv, dv = year_value(m.group("y")), int_value(m.group("m")), int_value(m.group("d"))
        iso = _iso(yv, mv, dv) if None not in (yv, mv, dv) else None
        if iso is None:
            continue
        date = _Date(iso, off, off + len(stripped if issuer is None else m.group()))
        if issuer is None and idx > 0:
            k = idx - 1
            # a joint signature (中共…街道工作委员会 over …街道办事处) is issued by the organ signing first
            while k > 0 and _names_organ(tail[k][0].strip()) and _names_organ(tail[k - 1][0].strip()):
                k -= 1
            prev, pp = tail[k]
            org = prev.strip()
            if _names_organ(org):
                o = pp + prev.index(org)
                issuer = (org, o, o + len(org))
        return issuer, date
    return None, None


def _names_organ(line: str) -> bool:
    """A signature's line that names an organ and nothing else (中共某某县委员会, 某某局党组)."""
    return 2 < len(line) <= 40 and not re.search(r"[。,;:!?]", line) and bool(
        _ORG_SUFFIX.search(line) or line.startswith("中共"))


def _closing_organ(text: str) -> tuple[str, int, int] | None:
    """The issuer of a signature with no date under it (中共江澜理工大学委员会 as the last line, its date under the
    title): the last line, when it names an organ and nothing else."""
    end = len(text.rstrip())
    start = text.rfind("\n", 0, end) + 1
    org = text[start:end].strip()
    if _names_organ(org) and not re.search(r"[()]", org):
        at = start + text[start:end].index(org)
        return org, at, at + len(org)
    return None


def _inspecting_body(text: str) -> tuple[str, int, int] | None:
    """The team that inspected, as named in ``text`` (read with a PDF's page-width wraps as spaces): found in the
    text without those spaces (集团公司党 组第二巡视组 is 集团公司党组第二巡视组), its span the one it spans here."""
    if "巡视组" not in text and "巡察组" not in text:  # what every match ends with: most texts have neither
        return None
    wraps = {m.start() for m in WRAP_SPACE.finditer(text)}
    if not wraps:
        return _team_named(text)
    kept = [i for i in range(len(text)) if i not in wraps]
    found = _team_named("".join(text[i] for i in kept))
    return None if found is None else (found[0], *span_back(kept, found[1], found[2]))


def _team_named(text: str) -> tuple[str, int, int] | None:
    for m in _INSPECTING_BODY.finditer(text):
        s, e = m.start(), m.end()
        if m.group() in ("巡视组", "巡察组") or not re.match(_BODY_PREFIX + "|第", m.group()):
            # bare 巡视组 (巡视组指出) or a numbered group with no prefix: keep looking
            if not re.match(r"第", m.group()):
                continue
        # extend left over a place name (重庆市委, 四川省委, 中共XX县委)
        j = s
        dated = False  # 1月9日校党委第二巡察组: a date's 日 is no part of the place
        while j > 0 and s - j < 8 and "\u4e00" <= text[j - 1] <= "\u9fff" and text[j - 1] not in _PLACE_STOP:
            if text[j - 1] in "日号" and j > 1 and (text[j - 2].isdigit() or text[j - 2] in CN_NUM):
                dated = True
                break
            j -= 1
        # the place ends where the line, a date or a function word does (关于校党委第二巡察组: 于)
        bounded = j == 0 or dated or not ("\u4e00" <= text[j - 1] <= "\u9fff") or text[j - 1] in _PLACE_STOP
        if j < s and bounded and m.group().startswith(
            ("省委", "市委", "县委", "区委", "州委", "党委", "党组")  # 集团公司党组第二巡视组: the organ's owner too
        ):
            term = _TERM.match(text, j, s)  # 十二届省委第七巡视组: the committee's term is no part of the team's name
            s = term.end() if term else j
        return text[s:e], s, e
    return None


#: An issuer's name as the unit it speaks of (中共雾岭乡委员会: 雾岭乡; 中共某某市自然资源局党组: 某某市自然资源局).
_ISSUER_UNIT = re.compile(r"(?:中国共产党|中共)?(?P<unit>.+?)(?:委员会|党组|党委|党工委|党总支|总支部委员会|支部委员会)?")
#: What a pronoun's noun may close a unit's name with (我校: …大学, …学院).
_PRONOUN_NOUNS = {"校": ("校", "大学", "学院")}


def _unit_of_pronoun(pronoun: str, issuer: str | None) -> str | None:
    """The unit a report names by a pronoun (对我乡开展了常规巡察), from its issuer (中共雾岭乡委员会: 雾岭乡): None when the
    issuer's name does not close with the pronoun's noun."""
    if not issuer or (m := _ISSUER_UNIT.fullmatch(issuer)) is None:
        return None
    noun = pronoun[1:]
    unit = m.group("unit")
    return unit if unit.endswith(_PRONOUN_NOUNS.get(noun, (noun,))) else None


def _unit_and_type(text: str, window_end: int, issuer: str | None = None
                   ) -> tuple[tuple[str, int, int] | None, tuple[str, int, int] | None]:
    unit = itype = None
    head = text[:window_end]
    m = _UNIT_TARGET.search(head)
    if m and (pronoun := _PRONOUN_UNIT.match(m.group("unit"))) and (own := _unit_of_pronoun(pronoun.group(), issuer)):
        unit = (own, m.start("unit"), m.start("unit") + pronoun.end())  # 对我乡开展了常规巡察, issued by 中共雾岭乡委员会
        tm = _TYPE_RE.search(m.group("type"))
        if tm:
            itype = (tm.group(), m.start("type") + tm.start(), m.start("type") + tm.end())
    elif m and not _PRONOUN_UNIT.match(m.group("unit")):
        u = m.group("unit").strip()
        us = m.start("unit") + m.group("unit").index(u)
        unit = (_SHORT_NAME.sub("", u), us, us + len(u))  # its span as written, (以下简称“公司”) included
        tm = _TYPE_RE.search(m.group("type"))
        if tm:
            itype = (tm.group(), m.start("type") + tm.start(), m.start("type") + tm.end())
    if unit is None:
        for m in _UNIT_FEEDBACK.finditer(head):
            u = m.group("unit").strip()
            if _PRONOUN_UNIT.match(u) or re.search(r"(?:巡视|巡察)组", u):
                continue
            us = m.start("unit") + m.group("unit").index(u)
            unit = (u, us, us + len(u))
            break
    if unit is None:
        m = _UNIT_INSPECTED.search(head)
        if m and not _PRONOUN_UNIT.match(m.group("unit")):
            unit = (m.group("unit"), m.start("unit"), m.end("unit"))
    if itype is None:
        tm = _TYPE_RE.search(head)
        if tm:
            itype = (tm.group(), tm.start(), tm.end())
    return unit, itype


def _inspection_period(text: str, window_end: int, body_pos: int | None,
                       report_date: str | None = None) -> tuple[str, str, int, int] | None:
    """The date range in the sentence that names the inspection (or the first one); a range without its year
    (今年3月11日至5月10日, 3月11日至5月10日) is of the report's year (+ 今年/去年's offset), not after the report."""
    # what every candidate needs, found without the pattern (tried at every position, it was a fifth of
    # the metadata's time): two months in the window, and a sentence naming the inspection
    if text.count("月", 0, window_end) < 2 or not _NAMES_INSPECTION.search(text):
        return None
    best = None
    for m in _PERIOD.finditer(text, 0, window_end):
        sent_s, sent_e = sentence_bounds(text, m.start())
        sentence = text[sent_s:sent_e]
        if not _NAMES_INSPECTION.search(sentence):
            continue
        a, year = _resolve(m, "a", year=None, first=True)
        if a is None and report_date is not None and not m.group("ay"):
            offset = year_offset_before(text, m.start())
            a, year = _resolve(m, "a", year=int(report_date[:4]) + (offset or 0), first=True)
            if a is not None and offset is None and a > report_date:  # 11月至12月 in a report of March: last year's
                a, year = _resolve(m, "a", year=int(report_date[:4]) - 1, first=True)
        if a is None:
            continue
        b, _ = _resolve(m, "b", year=year, first=False)
        if b is None:
            continue
        if b < a:  # 2021年11月至1月: the end is in the next year
            b, _ = _resolve(m, "b", year=int(a[:4]) + 1, first=False)
        cand = (a, b, m.start(), m.end())
        if body_pos is not None and sent_s <= body_pos < sent_e:
            return cand
        if best is None:
            best = cand
    return best


#: 反馈 naming the problems fed back (反馈桐溪县的4个方面23个问题, 反馈的问题), not the act of a day.
_FED_BACK_PROBLEMS = re.compile(r"[^。,;\n]{0,12}?的[^。,;\n]{0,14}?问题")


def _feedback_date(text: str, window_end: int, context_year: int | None, after: str | None, skip: tuple[int, int] | None) -> _Date | None:
    for m in re.finditer(r"反馈", text[:window_end]):
        if re.match(r"[^。,\n]{0,4}整改", text[m.end():m.end() + 8]):
            continue  # 召开巡察反馈意见整改推进会: the rectification of the feedback, not the feedback
        sent_s, _ = sentence_bounds(text, m.start())
        clause_s = max(sent_s, m.start() - 60)
        if _FED_BACK_PROBLEMS.match(text, m.end()):  # 截至10月底,省委第八巡视组反馈桐溪县的23个问题中: the problems, dated
            clause_s = max(clause_s, text.rfind(",", 0, m.start()) + 1)  # only in their own clause (于7月26日反馈的)
        found = month = None
        for dm in _DATE.finditer(text, clause_s, m.start()):
            if skip and skip[0] <= dm.start() < skip[1]:
                continue
            if dm.group("d"):
                found = dm
            elif dm.group("y") and not dm.group("part"):
                month = dm  # 2023年11月，省委第六巡视组向学校党委反馈了巡视意见: the month, said to be no more
        if found is None and month is not None:
            iso, _ = _resolve(month, "", year=None, first=True)
            if iso:
                return _Date(iso[:7], month.start(), month.end())
        if found is None:
            continue
        offset = None if found.group("y") or context_year is None else year_offset_before(text, found.start())
        iso, _ = _resolve(found, "", year=context_year + offset if offset else context_year, first=True)
        if iso and after and iso < after and not found.group("y") and not offset:
            iso, _ = _resolve(found, "", year=int(iso[:4]) + 1, first=True)
        if iso:
            return _Date(iso, found.start(), found.end())
    return None


def _as_of(text: str, report_date: str | None, context_year: int | None,
           items: list[tuple[int, int]] = ()) -> _Date | None:
    """The latest dated as-of phrase not after the report date (截至2023年9月底); 截至目前 (= the
    report date) only when no phrase states a date: the figures of a report refer to the date it names.
    A phrase inside an item of a 一是 run (``items``: their extents; 二是加快推进户厕改造,截至上月底已完成改造406户)
    dates that item's figure, and counts only where no phrase outside the items dates the report's."""
    anchor = dt.date.fromisoformat(report_date) if report_date and len(report_date) == 10 else None
    best: dict[tuple[bool, bool], _Date] = {}
    for found in find_as_of(text, anchor=anchor, ctx_year=context_year):
        if found.date is None:
            continue
        iso = found.date.isoformat()
        if report_date and iso > report_date:
            continue
        key = (any(a <= found.start < b for a, b in items), found.now)
        if key not in best or iso > best[key].iso:
            best[key] = _Date(iso, found.start, found.end)
    return best.get((False, False)) or best.get((False, True)) or best.get((True, False)) or best.get((True, True))


#: a line that holds nothing but a date (the date line under a title or above a signature)
#: a date alone on its line, or in brackets (a report's date under its title: (2023年4月26日))
_DATE_LINE = tuple(re.compile(rf"^[ \t]*\(?(?P<date>{p.pattern})\)?[ \t]*$", re.M) for p in (_FULL_DATE, _ISO_DATE))
#: the publication path of a web page (…/system/2022/03/09/…) copied with the page's text
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>0[1-9]|1[0-2])/(?P<d>0[1-9]|[12]\d|3[01])/")


def _own_date(text: str) -> _Date | None:
    """The document's own date when no signature or publish line gives one: a date line,
    else the date in the path of the page's own address."""
    for line in _DATE_LINE:
        for m in line.finditer(text):
            if iso := _parse_hint_date(m.group("date")):
                return _Date(iso, m.start("date"), m.end("date"))
    if m := _URL_DATE.search(text):
        iso = _iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if iso:
            return _Date(iso, m.start(), m.end())
    return None


def _kind(text: str) -> str:
    """feedback / progress / other by weighted cue presence (each cue counted at most twice).

    The winner needs ``_KIND_MIN_SCORE``, ``_MIN_STRONG_CUES`` distinct cues of weight >=
    ``_STRONG_CUE`` and a text that names a 巡视/巡察 at all; ties are 'other'.
    """
    text = reading_text(text)[0]  # the cues are simplified and spelled right (a no-op on the extractors' view)
    if not _GENRE.search(text):  # first: most texts of a batch never name an inspection, and the cues cost
        return "other"
    strong: dict[str, int] = {}

    def score(name: str, cues: tuple[tuple[str, int], ...]) -> int:
        total = 0
        for pattern, weight in cues:
            n = min(len(re.findall(pattern, text)), 2)
            total += n * weight
            if n and weight >= _STRONG_CUE:
                strong[name] = strong.get(name, 0) + 1
        return total

    scores = {"progress": score("progress", _PROGRESS_CUES), "feedback": score("feedback", _FEEDBACK_CUES)}
    best = max(scores, key=scores.get)
    if (
        scores[best] < _KIND_MIN_SCORE
        or scores["progress"] == scores["feedback"]
        or strong.get(best, 0) < _MIN_STRONG_CUES
    ):
        return "other"
    return best


#: The organ a title names before its 关于 (中共某某县委员会关于…的报告).
_TITLE_ISSUER = re.compile(r"([^关]{3,40}?)关于")
#: A post's column tag before its title (【巡视整改】…): no part of the title.
_TITLE_TAG = re.compile(r"【[^】]{1,10}】[ \t]*")


#: Lines at a document's top the title may follow: a web page's site name, menu, greeting and breadcrumb.
_TITLE_LINES = 8
#: A web page's menu line (首页 | 医院概况 | 新闻中心 | …): it names 公开 or 反馈 as a column, no title.
_MENU_LINE = re.compile(r"[^\n|]*(?:\|[^\n|]*){2,}")
#: A web page's greeting (您好,欢迎访问…官方网站!今天是:…).
_GREETING = re.compile(r"欢迎(?:访问|光临|您)|今天是")
#: A document number above the title (鹭城投党〔2024〕47号), with its signer where a formal document names one
#: (澄法党〔2025〕7号　　签发人:韩明远).
_DOC_NUMBER = re.compile(r"[ \t\u3000]*[^\s,。]{1,12}[〔\[(](?:19|20)\d{2}[〕\])]\d{1,4}号[ \t\u3000]*"
                         r"(?:签发人[:：][ \t\u3000]*[\u4e00-\u9fff·]{2,5}[ \t\u3000]*)?")


def _title_line(text: str) -> tuple[str, int, int] | None:
    """The title and its span: the top line, or the first below a web page's site name, menu, greeting and
    breadcrumb, past a 文号 and blank lines; an organ's name on the line above a title that opens with 关于
    (中共某某委员会\n关于…的报告) is its first part."""
    top, pos = [], 0
    while len(top) < _TITLE_LINES and pos <= len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        top.append((pos, text[pos:end]))
        if "。" in text[pos:end] or nl == -1:
            break
        pos = nl + 1
    headers = _running_headers(text)
    debris = [k for k, (_, line) in enumerate(top)
              if BREADCRUMB_LINE.match(line) or _MENU_LINE.fullmatch(line) or _GREETING.search(line)
              or line.strip() in headers]
    above = None
    for pos, line in top[debris[-1] + 1 if debris else 0:]:
        name = line.strip()
        if not name or _DOC_NUMBER.fullmatch(line):
            continue
        found = _title_of(line)
        if found is None and above is None and _names_organ(name) and name.startswith("中共"):
            above = (name, pos + line.index(name))  # 中共某某委员会 over 关于…的报告
            continue
        if found is None:
            return None
        title, s, e = found
        if above is not None and title.startswith("关于"):
            return above[0] + title, above[1], pos + e
        return (title, pos + s, pos + e) if above is None else None
    return None


def _running_headers(text: str) -> frozenset[str]:
    """The lines a PDF's pages repeat at their top (a running header, its first copy above the title)."""
    furniture = page_furniture(text)
    if not furniture:
        return frozenset()
    return frozenset(line.strip() for s, _, line in lines(text) if s in furniture and line.strip())


def _title_of(line: str) -> tuple[str, int, int] | None:
    """``line`` as a title (stripped, its column tag dropped) and its span in the line, or None."""
    title = line.strip()
    if not title or len(title) > 100 or "。" in title or title.endswith((",", ":", ";")):
        return None
    if re.match(r"[一二三四五六七八九十]+、|[(（][一二三四五六七八九十0-9]+[)）]|[0-9]+[.、]", title):
        return None
    if not any(c in title for c in _TITLE_CUES):
        return None
    s = line.index(title)
    if tag := _TITLE_TAG.match(title):  # 【巡视整改】中共…的通报
        title, s = title[tag.end():], s + tag.end()
    return title, s, s + len(title)


def _parse_hint_date(hint: str | None) -> str | None:
    if not hint:
        return None
    m = _ISO_DATE.search(hint) or _FULL_DATE.search(hint)
    if not m:
        return None
    yv, mv, dv = year_value(m.group("y")), int_value(m.group("m")), int_value(m.group("d"))
    return _iso(yv, mv, dv) if None not in (yv, mv, dv) else None


def extract_metadata(
    text: str, sections: list[Section], *, title_hint: str | None = None, date_hint: str | None = None
) -> DocumentMeta:
    """Metadata of one normalized document; ``evidence`` maps each field to its span."""
    meta = DocumentMeta()
    ev: dict[str, tuple[int, int]] = {}
    meta.kind = _kind(text)
    # The opening part (before the first heading) names the inspection; fall back
    # to the first 1,500 characters for texts without an outline.
    window_end = min(len(text), max(sections[0].start if sections else 0, 1500))

    issuer, sig_date = _signature(text)
    if issuer is None:
        issuer = _closing_organ(text)
    if issuer:
        meta.issuer = issuer[0]
        ev["issuer"] = issuer[1:]
    if sig_date:
        meta.report_date = sig_date.iso
        ev["report_date"] = (sig_date.start, sig_date.end)
    else:
        pm = _PUBLISH_CUE.search(text[:300])
        hinted = None
        if pm:
            dm = _ISO_DATE.match(text, pm.end()) or _FULL_DATE.match(text, pm.end())
            if dm:
                hinted = _parse_hint_date(dm.group())
                if hinted:
                    ev["report_date"] = (dm.start(), dm.end())
        tail = _PUBLISH_LINE.search(text, max(0, len(text) - 300)) if hinted is None else None
        if tail is not None and (dm := _ISO_DATE.match(text, tail.end()) or _FULL_DATE.match(text, tail.end())):
            hinted = _parse_hint_date(dm.group())  # a web page's foot: (发布时间:2015年12月28日)
            if hinted:
                ev["report_date"] = (dm.start(), dm.end())
        for stamp_re in (_POST_STAMP, _NEWS_DATELINE, _SITE_STAMP):  # 原创 某某发布 2025年07月16日 18:30 / …讯(记者 …)2025年7月8日
            if hinted is None and (stamp := stamp_re.search(text, 0, 300)) is not None:
                hinted = _parse_hint_date(stamp.group("date"))
                if hinted:
                    ev["report_date"] = stamp.span("date")
        meta.report_date = hinted or _parse_hint_date(date_hint)
        if meta.report_date is None and (own := _own_date(text)) is not None:
            meta.report_date = own.iso
            ev["report_date"] = (own.start, own.end)

    body = _inspecting_body(text[:window_end])
    if body:
        meta.inspecting_body = body[0]
        ev["inspecting_body"] = body[1:]
    unit, itype = _unit_and_type(text, window_end, meta.issuer)
    if unit:
        meta.inspected_unit = unit[0]
        ev["inspected_unit"] = unit[1:]
    if itype:
        meta.inspection_type = itype[0]
        ev["inspection_type"] = itype[1:]

    period = _inspection_period(text, window_end, body[1] if body else None, meta.report_date)
    context_year = int(meta.report_date[:4]) if meta.report_date else None
    if period:
        meta.inspection_start, meta.inspection_end = period[0], period[1]
        ev["inspection_start"] = ev["inspection_end"] = ev["inspection_period"] = (period[2], period[3])
        context_year = int(period[1][:4])
    fb = _feedback_date(
        text, window_end, context_year, meta.inspection_end, (period[2], period[3]) if period else None
    )
    if fb:
        meta.feedback_date = fb.iso
        ev["feedback_date"] = (fb.start, fb.end)
    items = [(x.start, x.body_end) for x in sections if x.marker == "shi"]
    as_of = _as_of(text, meta.report_date, int(meta.report_date[:4]) if meta.report_date else context_year, items)
    if as_of:
        meta.as_of_date = as_of.iso
        ev["as_of_date"] = (as_of.start, as_of.end)

    title = _title_line(text)
    if title:
        meta.title = title[0]
        ev["title"] = title[1:]
        if meta.issuer is None and (named := _TITLE_ISSUER.match(title[0])) and _names_organ(named.group(1)):
            meta.issuer = named.group(1)  # 中共某某厅党组关于…的通报, unsigned (a post): the title names its issuer
            ev["issuer"] = (title[1], title[1] + len(named.group(1)))
    elif title_hint:
        meta.title = title_hint.strip()
    elif meta.kind == "progress" and meta.issuer:
        word = "巡察" if text.count("巡察") > text.count("巡视") else "巡视"
        meta.title = f"{meta.issuer}关于{word}整改进展情况的通报"  # synthesized: no evidence span
    meta.evidence = ev
    return meta
