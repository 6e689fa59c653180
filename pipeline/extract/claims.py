"""Aggregate claims: sentences that state rectification figures, one named field per figure.

A progress report sums up its work in a few sentences ("将反馈意见细化分解为4个方面
12项突出问题28个具体表现", "57项整改任务,已整改完成52项、基本整改完成5项",
"新建制度13项", "给予党纪政务处分5人", "清退违规资金18.6万元").  Analysts compare
exactly these figures across units, so each one becomes a named field.

How a figure is found: every numeral followed by a measure word (项, 个, 人, 次,
万元, % ...) is a candidate; the cue lexicon ``models/claim_fields.tsv`` says
which field it is from the words right before it (``pre``: 整改完成52项,
新建制度13项) or right after the measure word (``post``: 4个方面, 57项整改任务,
18次部务会会议).  The figure span runs from the start of the ``pre`` cue (or the
numeral) to the end of the ``post`` cue (or the measure word).  A numeral no cue
fits is not a figure, and a sentence without figures is not a claim, so ordinary
counts (培训班次61个4761人次) never become claims.

Values: counts as numbers; money in yuan with 万元/亿元 applied; ``rate`` is the
percentage as written (整改完成率90.5% -> 90.5, not 0.905) so its stated precision
survives.

Consistency (``consistent``/``note``): completed + basically_completed +
in_progress + not_completed = total when the total and at least two parts are
stated; every part (and 立行立改) is at most the total; rate = completed / total
to the stated precision; the breakdown is ordered aspects <= problems <=
manifestations.  When ``total`` is not stated, the counted measures (or problems)
serve as the denominator and the note says so.  ``consistent`` is None when there
is nothing to check.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib.resources import files

from pipeline.lang.dates import FREQUENCY_EVERY, find_as_of
from pipeline.lang.numerals import CN_DIGITS, NUMERAL_CHARS, parse_numeral
from pipeline.lang.text import sentence_spans
from pipeline.records import Claim

# Every figure field a claim can carry, in a stable order (one claims-table column each).
CLAIM_FIELDS: tuple[str, ...] = (
    # breakdown of the feedback
    "aspects",  # 4个方面
    "prominent_problems",  # 12项突出问题 / 15个问题
    "specific_manifestations",  # 28个具体表现
    "specific_problems",  # N个具体问题
    "suggestions",  # 46条具体意见 / 意见建议
    "rectification_measures",  # 57条具体整改措施 / 制定整改措施128项
    # progress
    "total",  # 57项整改任务 (the tasks whose progress is reported)
    "completed",  # 已整改完成52项 / 已完成 / 完成整改
    "basically_completed",  # 基本整改完成5项 / 基本完成
    "in_progress",  # 正在整改 / 持续推进 / 推进中
    "not_completed",  # 未完成 / 尚未整改到位 / 其余N项
    "long_term",  # 需长期坚持N项 (a part of the total, like in_progress)
    "rate",  # 整改完成率94.5% -> 94.5 (percent as written)
    "immediate",  # 立行立改问题8个
    # problems carried over from earlier rounds
    "previous_round_unrectified_problems",  # 上轮巡视未整改到位的3个问题
    "theme_education_unrectified_problems",  # 主题教育检视出未整改到位的1个问题
    "audit_unrectified_problems",  # 审计发现未整改到位的11个问题
    "previous_round_problems",  # 上轮巡视反馈的23个问题 (re-checked, whatever their state)
    "audit_problems",  # 审计发现的15个问题
    # rules
    "new_rules",  # 新建制度13项
    "revised_rules",  # 修订完善制度5项
    "rules_new_or_revised",  # 建立健全制度机制X项 / 制定修订制度X项 (not split)
    "repealed_rules",  # 废止N项
    # accountability (people unless noted)
    "party_and_government_sanctions",  # 给予党纪政务处分5人
    "party_sanctions",  # 党纪处分
    "government_sanctions",  # 政务处分
    "organizational_handling",  # 组织处理
    "admonishment",  # 诫勉(谈话)
    "criticism_education",  # 批评教育
    "reminder_talks",  # 谈话提醒 / 提醒谈话
    "ordered_self_examination",  # 责令检查
    "accountability_people",  # 问责 / 追责问责
    "cases_transferred",  # 问题线索 移交/移送纪检监察机关 (cases or clues)
    "cases_filed",  # 立案
    # money, in yuan
    "refunded_amount",  # 清退 / 退还 / 退赔
    "recovered_amount",  # 追缴 / 追回 / 收缴
    "losses_recovered",  # 挽回(经济)损失
    "funds_recovered",  # 收回 / 回收 资金
    # rectification meetings held
    "party_affairs_meetings",  # 18次部务会会议 / 党组会议
    "progress_meetings",  # 3次巡视整改推进会议 / 调度会
    "special_meetings",  # 专题会议 / 专题研究
)

# Subject label per cue group, in the order labels are joined.
GROUP_SUBJECTS: dict[str, str] = {
    "breakdown": "反馈问题分解与整改措施",
    "progress": "整改任务",
    "carried_over": "未整改到位的遗留问题",
    "rules": "制度建设",
    "accountability": "追责问责",
    "money": "资金追缴",
    "meetings": "整改会议",
}

UNIT_CLASSES: dict[str, frozenset[str]] = {
    "items": frozenset("项 个 条 件 类 处 批 份 家".split()),
    "major_items": frozenset({"大项"}),  # 13大项: the problems of a feedback
    "sub_items": frozenset({"子项"}),  # 38子项: its specific problems
    "people": frozenset("人次 人 名".split()),
    "cases": frozenset("件次 件 起 条 个 人次 人 名".split()),
    "meetings": frozenset("场次 次 场 轮".split()),
    "money": frozenset("亿元 万元 千元 元".split()),
    "percent": frozenset({"%"}),
}
MONEY_MULTIPLIERS: dict[str, int] = {"亿元": 100_000_000, "万元": 10_000, "千元": 1_000, "元": 1}

_UNITS_RE = "亿元|万元|千元|元|人次|件次|场次|%|大项|子项|项|个|条|件|类|处|批|份|家|人|名|起|次|场|轮"
# A numeral (not an ordinal 第N, not a distributive 每N) followed by an optional 余/多 and a measure word.
_FIGURE_NUMERAL = re.compile(
    rf"(?<![\d.第每{NUMERAL_CHARS}])"
    rf"(?:百分之(?P<cnpct>[{NUMERAL_CHARS}点]+)"
    rf"|(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|[{NUMERAL_CHARS}]+)(?P<approx>余|多)?(?P<unit>{_UNITS_RE}))"
)
_CLAUSE_BREAK = re.compile(r"[,。;:!?\n]")
# Words allowed between a pre cue and its numeral (新建制度共13项, 完成率达94.5%).
#: between a cue and its numeral: a word of amount, or the colon of an 指标:数值 line (新建制度:19项)
_FILLER = r"(?::)?(?:共计|合计|总计|累计|共|计|达到|达|为|了|约|近|超过|逾)?"
_GAP = r"[^,、。;:!?\n\d《》“”]"
# An optional rectification noun, then the end of the clause.
_CLAUSE_END = r"(?:(?:整改)?(?:问题|任务|事项|措施))?(?=[,、。;:!?\n()]|$)"
_CONTEXTS: dict[str, re.Pattern[str]] = {
    "rect": re.compile(r"巡视|巡察|整改|反馈(?:意见|问题|的问题)|检视|督查|审计|问题清单|立行立改|具体措施|销号"),
    "disc": re.compile(r"纪检|纪委|监委|监察|司法|公安|检察"),
    "rules": re.compile(r"制度"),  # 新制定制度27项、修订41项: the noun written once for the whole list
    "previous": re.compile(r"上一?轮|上次巡|回头看"),  # problems carried over from an earlier round
}

_CN_DIGIT_VALUES: dict[str, int] = {ch: v for ch, v in CN_DIGITS.items() if ch != "两"}  # 〇零一..九, read digit by digit


@dataclass(frozen=True, slots=True)
class FieldCue:
    """One row of the cue lexicon, compiled."""

    field: str
    group: str
    pre: re.Pattern[str] | None
    post: re.Pattern[str] | None
    units: frozenset[str]
    context: re.Pattern[str] | None


def _compile_part(pattern: str, *, anchor_end: bool) -> re.Pattern[str] | None:
    if not pattern:
        return None
    body = pattern.replace("{g}", _GAP).replace("{end}", _CLAUSE_END)
    if anchor_end:
        return re.compile(rf"(?:{body}){_FILLER}$")
    return re.compile(rf"(?:{body})")


@lru_cache(maxsize=1)
def load_field_cues() -> tuple[FieldCue, ...]:
    """The cue lexicon from ``models/claim_fields.tsv``, in priority order."""
    text = (files("pipeline.models") / "claim_fields.tsv").read_text(encoding="utf-8")
    cues: list[FieldCue] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * 6)[:6]
        field, group, pre, post, units, context = (c.strip() for c in cells)
        if field not in CLAIM_FIELDS:
            raise ValueError(f"claim_fields.tsv: unknown field {field!r}")
        cues.append(
            FieldCue(
                field=field,
                group=group,
                pre=_compile_part(pre, anchor_end=True),
                post=_compile_part(post, anchor_end=False),
                units=UNIT_CLASSES[units],
                context=_CONTEXTS[context] if context else None,
            )
        )
    # A verb cue before the numeral outranks a noun after it (已整改完成10个问题 is
    # `completed`, not `prominent_problems`), so rows with ``pre`` are tried first.
    return tuple(sorted(cues, key=lambda c: c.pre is None))


def _number_value(match: re.Match[str]) -> tuple[int | float | None, str, int]:
    """(value, unit, decimals as written) of one figure numeral."""
    if match.group("cnpct") is not None:
        whole, _, frac = match.group("cnpct").partition("点")
        value = parse_numeral(whole)
        if value is None:
            return None, "%", 0
        if frac:
            if not all(ch in _CN_DIGIT_VALUES for ch in frac):
                return None, "%", 0
            digits = "".join(str(_CN_DIGIT_VALUES[ch]) for ch in frac)
            value = float(f"{int(value)}.{digits}")
        return value, "%", len(frac)
    num, unit = match.group("num"), match.group("unit")
    value = parse_numeral(num)
    decimals = len(num.partition(".")[2]) if "." in num else 0
    if value is not None and unit in MONEY_MULTIPLIERS:
        scaled = Decimal(str(value)) * MONEY_MULTIPLIERS[unit]
        value = int(scaled) if scaled == scaled.to_integral_value() else float(scaled)
    return value, unit, decimals


def parse_as_of(sentence: str, *, default: str | None = None) -> str | None:
    """ISO date of the first 截至… phrase in the sentence (截至2022年6月底 -> 2022-06-30), read by
    :func:`pipeline.lang.dates.as_of_at`; 截至目前 gives ``default``; no 截至 gives None."""
    anchor = dt.date.fromisoformat(default) if default and len(default) == 10 else None
    year = int(default[:4]) if default and default[:4].isdigit() else None
    found = next(find_as_of(sentence, anchor=anchor, ctx_year=year), None)
    if found is None:
        return None
    if found.now:
        return default
    return found.date.isoformat() if found.date else None


def _fmt(value: float | int) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def check_consistency(figures: dict[str, float | int], *, rate_decimals: int = 1) -> tuple[bool | None, str | None]:
    """Arithmetic check of one claim's figures -> (consistent, note); (None, None) if nothing to check."""
    ok: list[str] = []
    bad: list[str] = []
    denominator_field = next((f for f in ("total", "rectification_measures", "prominent_problems", "specific_problems")
                              if f in figures), None)
    part_labels = {
        "completed": "完成",
        "basically_completed": "基本完成",
        "in_progress": "正在整改",
        "not_completed": "未完成",
        "long_term": "长期坚持",
    }
    parts = [(f, figures[f]) for f in part_labels if f in figures]
    rest = [(f, v) for f, v in parts if f not in ("completed", "not_completed")]
    if "not_completed" in figures and rest and abs(sum(v for _, v in rest) - figures["not_completed"]) < 1e-9:
        # 已完成86项,其余11项中基本完成7项、需长期坚持4项: the rest is broken down, not added again
        ok.append("+".join(f"{part_labels[f]}{_fmt(v)}" for f, v in rest) + f"=其余{_fmt(figures['not_completed'])}")
        parts = [(f, v) for f, v in parts if f in ("completed", "not_completed")]
    if denominator_field is not None and parts:
        den = figures[denominator_field]
        den_label = "总数" if denominator_field == "total" else {"rectification_measures": "整改措施数", "prominent_problems": "问题数",
                                                             "specific_problems": "具体问题数"}[denominator_field]
        if len(parts) >= 2:
            total_parts = sum(v for _, v in parts)
            expr = "+".join(f"{part_labels[f]}{_fmt(v)}" for f, v in parts) + f"={_fmt(total_parts)}"
            if abs(total_parts - den) < 1e-9:
                ok.append(f"{expr}, 与{den_label}{_fmt(den)}一致")
            else:
                bad.append(f"{expr}, 与{den_label}{_fmt(den)}不符")
        for f, v in parts + ([("immediate", figures["immediate"])] if "immediate" in figures else []):
            label = part_labels.get(f, "立行立改")
            if v > den:
                bad.append(f"{label}{_fmt(v)}大于{den_label}{_fmt(den)}")
    if "rate" in figures and denominator_field is not None and figures[denominator_field]:
        den = figures[denominator_field]
        stated = figures["rate"]
        tolerance = 10 ** (-rate_decimals) + 1e-9
        checked = False
        if "completed" in figures:
            computed = figures["completed"] / den * 100
            checked = True
            if abs(computed - stated) < tolerance:
                ok.append(f"完成率{_fmt(stated)}%与{_fmt(figures['completed'])}/{_fmt(den)}={computed:.{rate_decimals + 2}f}%一致")
            else:
                with_basic = (figures["completed"] + figures.get("basically_completed", 0)) / den * 100
                if "basically_completed" in figures and abs(with_basic - stated) < tolerance:
                    ok.append(f"完成率{_fmt(stated)}%与(完成+基本完成)/{_fmt(den)}={with_basic:.{rate_decimals + 2}f}%一致")
                else:
                    bad.append(f"完成率{_fmt(stated)}%与{_fmt(figures['completed'])}/{_fmt(den)}={computed:.{rate_decimals + 2}f}%不符")
        if not checked and stated > 100:
            bad.append(f"完成率{_fmt(stated)}%超过100%")
    chain = [(f, label) for f, label in (("aspects", "方面"), ("prominent_problems", "问题"), ("specific_manifestations", "具体表现")) if f in figures]
    if len(chain) >= 2:
        values = [figures[f] for f, _ in chain]
        expr = "≤".join(f"{_fmt(figures[f])}个{label}" for f, label in chain)
        if all(a <= b for a, b in zip(values, values[1:])):
            ok.append(f"{expr}, 层级一致")
        else:
            bad.append(f"{expr}不成立")
    if not ok and not bad:
        return None, None
    return (not bad), "; ".join(bad + ok)


def _choose_cue(
    sentence: str,
    m: re.Match[str],
    unit: str,
    clause_start: int,
    cues: tuple[FieldCue, ...],
    context_hits: dict[re.Pattern[str], bool] | None = None,
) -> tuple[FieldCue, int, int] | None:
    """The cue naming this numeral and the figure span (sentence-relative).

    Cues before the numeral outrank cues after it (已整改完成10个问题 is
    ``completed``); among those, the longest cue wins (完成整改任务52项 is
    ``completed``, not the ``total`` cue 整改任务; 基本整改完成 beats 整改完成),
    then file order.  Without a fitting ``pre`` cue the first fitting ``post`` cue wins.
    ``context_hits`` memoizes ``cue.context.search(sentence)`` across the numerals of
    one sentence (a few context patterns shared by dozens of cues).
    """
    if context_hits is None:
        context_hits = {}
    pre_text = sentence[clause_start : m.start()]
    post_text = sentence[m.end() :]
    best: tuple[FieldCue, int, int] | None = None
    for cue in cues:
        if unit not in cue.units:
            continue
        if cue.pre is None and best is not None:
            break  # post-only rows come after all pre rows
        if cue.context is not None:
            hit = context_hits.get(cue.context)
            if hit is None:
                hit = context_hits[cue.context] = cue.context.search(sentence) is not None
            if not hit:
                continue
        span_start, span_end = m.start(), m.end()
        if cue.pre is not None:
            pm = cue.pre.search(pre_text)
            if pm is None:
                continue
            span_start = clause_start + pm.start()
        if cue.post is not None:
            qm = cue.post.match(post_text)
            if qm is None:
                continue
            span_end = m.end() + qm.end()
        if cue.pre is None:
            return cue, span_start, span_end
        if best is None or span_start < best[1]:
            best = (cue, span_start, span_end)
    return best


def _claim_from_sentence(
    text: str,
    start: int,
    end: int,
    cues: tuple[FieldCue, ...],
    as_of_default: str | None,
    cues_by_unit: dict[str, tuple[FieldCue, ...]] | None = None,
) -> Claim | None:
    sentence = text[start:end]
    if cues_by_unit is None:
        cues_by_unit = {}
    context_hits: dict[re.Pattern[str], bool] = {}
    figures: dict[str, float | int] = {}
    spans: dict[str, tuple[int, int]] = {}
    groups: list[str] = []
    rate_decimals = 1
    prev_end = 0  # sentence-relative end of the previous numeral or figure span
    for m in _FIGURE_NUMERAL.finditer(sentence):
        if m.start() < prev_end:
            continue  # inside the post cue of the previous figure
        value, unit, decimals = _number_value(m)
        clause_start = prev_end
        for b in _CLAUSE_BREAK.finditer(sentence, prev_end, m.start()):
            if b.group() == ":" and b.end() == m.start():
                continue  # 新建制度:19项, an 指标:数值 line: the label is the numeral's cue
            clause_start = b.end()
        prev_end = m.end()
        if value is None or m.group("num") == "一":
            continue  # 一个/一项 written in characters is the indefinite article, not a count
        if _not_a_figure(sentence, m):
            continue
        if FREQUENCY_EVERY.search(sentence, clause_start, m.start()):
            continue  # 每季度至少召开1次: a frequency, not a count of things done
        unit_cues = cues_by_unit.get(unit)
        if unit_cues is None:  # the cues for this measure word, in priority order
            unit_cues = cues_by_unit[unit] = tuple(c for c in cues if unit in c.units)
        chosen = _choose_cue(sentence, m, unit, clause_start, unit_cues, context_hits)
        if chosen is None:
            continue
        cue, span_start, span_end = chosen
        prev_end = span_end
        if cue.field in figures and not _CUMULATIVE.search(sentence, clause_start, m.start()):
            continue  # a second figure for the same field: keep the first, unless it is the running total (累计完成28条)
        figures[cue.field] = value
        spans[cue.field] = (start + span_start, start + span_end)
        if cue.field == "rate":
            rate_decimals = decimals
        if cue.group not in groups:
            groups.append(cue.group)
    if not figures:
        return None
    consistent, note = check_consistency(figures, rate_decimals=rate_decimals)
    subject = "、".join(GROUP_SUBJECTS.get(g, g) for g in sorted(groups, key=list(GROUP_SUBJECTS).index))
    ordered = {f: figures[f] for f in CLAIM_FIELDS if f in figures}
    return Claim(
        start=start,
        end=end,
        text=sentence,
        subject=subject,
        figures=ordered,
        figure_spans={f: spans[f] for f in ordered},
        as_of=parse_as_of(sentence, default=as_of_default),
        consistent=consistent,
        note=note,
    )


#: A running total after the figures it sums (截至1月底已完成19条,2月份又完成9条,截至2月底累计完成28条): the one to keep.
_CUMULATIVE = re.compile(r"累计")
_RANGE_BEFORE = re.compile(rf"(?:\d|[{NUMERAL_CHARS}])(?:至|到|-|—|~)$")
_RANGE_AFTER = re.compile(rf"(?:至|到|-|—|~)(?:\d|[{NUMERAL_CHARS}])")


def _not_a_figure(sentence: str, m: re.Match[str]) -> bool:
    """A numeral that states no aggregate: inside a 《…》 title (《…十项措施》 names a set), either end of
    a range (每人牵头1至2个问题), or an indeterminate 数十/几十."""
    start = m.start()
    opened = sentence.rfind("《", 0, start)
    if opened != -1 and sentence.find("》", opened, start) == -1:
        return True
    if _RANGE_BEFORE.search(sentence, max(0, start - 3), start) or (
            m.group("num") and _RANGE_AFTER.match(sentence, start + len(m.group("num")))):
        return True
    return start > 0 and sentence[start - 1] in "数几"


def extract_claims(text: str, *, as_of_default: str | None = None) -> list[Claim]:
    """One Claim per sentence that states at least one named aggregate figure.

    ``as_of_default`` (ISO date, usually the report's as-of or report date) fills
    ``as_of`` when a sentence says 截至目前 without a calendar date.
    """
    cues = load_field_cues()
    cues_by_unit: dict[str, tuple[FieldCue, ...]] = {}
    claims: list[Claim] = []
    for start, end in sentence_spans(text):
        if not _FIGURE_NUMERAL.search(text, start, end):
            continue
        claim = _claim_from_sentence(text, start, end, cues, as_of_default, cues_by_unit)
        if claim is not None:
            claims.append(claim)
    return claims
