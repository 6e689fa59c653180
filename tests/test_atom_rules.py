"""The calendar-atom grammar, rule by rule: one example per named rule of pipeline.lang.dates.ATOM_RULES.

Each example gives a text, the position, the context and the atom the rule must read (or
None for a rule that stops the reading).  Tests check that every rule has an example and
that each rule's first-character set (the dispatch that keeps the table fast) admits
every position at which the rule reads an atom.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.lang import dates
from pipeline.lang.dates import atom_rule, parse_atom
from pipeline.normalize import normalize

REPO = Path(__file__).resolve().parents[1]
A = dt.date(2022, 7, 15)  # the anchor (report date) of the examples
D = dt.date

EXAMPLES = [
    # (rule, text, token where the atom starts, lenient, ctx_year, ctx_month, expected (text read, start, end, granularity, kind))
    ("glued_to_number", "13.5月", "5月", False, None, None, None),
    ("era", "上世纪80年代", "上世纪", False, None, None, ("上世纪80年代", D(1980, 1, 1), D(1989, 12, 31), "year", "period")),
    ("two_deictic", "今明两年", "今明两年", False, None, None, ("今明两年", D(2022, 1, 1), D(2023, 12, 31), "year", "relative_period")),
    ("four_digit_year", "2022年上半年", "2022", False, None, None, ("2022年上半年", D(2022, 1, 1), D(2022, 6, 30), "half_year", "period")),
    ("two_digit_year", "98年3月", "98", False, None, None, ("98年3月", D(1998, 3, 1), D(1998, 3, 31), "month", "date")),
    ("relative_year", "去年底", "去年底", False, None, None, ("去年底", D(2021, 12, 31), D(2021, 12, 31), "day", "date")),
    ("numeric_date", "2022-01-14", "2022", False, None, None, ("2022-01-14", D(2022, 1, 14), D(2022, 1, 14), "day", "date")),
    ("loose_date", "2022 11 23", "2022", True, None, None, ("2022 11 23", D(2022, 11, 23), D(2022, 11, 23), "day", "date")),
    ("compact_date", "20240307", "2024", True, None, None, ("20240307", D(2024, 3, 7), D(2024, 3, 7), "day", "date")),
    ("numeric_month", "2008.03", "2008", True, None, None, ("2008.03", D(2008, 3, 1), D(2008, 3, 31), "month", "date")),
    ("bare_year", "2018", "2018", True, None, None, ("2018", D(2018, 1, 1), D(2018, 12, 31), "year", "period")),
    ("numeric_month_day", "09-01", "09", True, None, None, ("09-01", D(2022, 9, 1), D(2022, 9, 1), "day", "date")),
    ("relative_month", "上个月底", "上个月底", False, None, None, ("上个月底", D(2022, 6, 30), D(2022, 6, 30), "day", "date")),
    ("lone_day", "15日", "15日", True, None, None, ("15日", D(2022, 7, 15), D(2022, 7, 15), "day", "date")),
    ("relative_day", "昨天", "昨天", True, None, None, ("昨天", D(2022, 7, 14), D(2022, 7, 14), "day", "date")),
    ("month_range", "于3-5月开展", "3", False, 2021, None, ("3-5月", D(2021, 3, 1), D(2021, 5, 31), "month", "period")),
    ("year_less_month", "于6月底前完成", "6", False, 2021, None, ("6月底", D(2021, 6, 30), D(2021, 6, 30), "day", "date")),
    ("context_day", "至22日", "22", False, 2021, 8, ("22日", D(2021, 8, 22), D(2021, 8, 22), "day", "date")),
    ("bare_half_year", "上半年", "上半年", False, None, None, ("上半年", D(2022, 1, 1), D(2022, 6, 30), "half_year", "relative_period")),
    ("bare_quarter", "三季度", "三季度", False, None, None, ("三季度", D(2022, 7, 1), D(2022, 9, 30), "quarter", "relative_period")),
    ("whole_year", "全年开展", "全年", False, None, None, ("全年", D(2022, 1, 1), D(2022, 12, 31), "year", "relative_period")),
    ("bare_year_edge", "于年底前", "年底", False, None, None, ("年底", D(2022, 12, 31), D(2022, 12, 31), "day", "date")),
    ("vacation", "利用寒假组织", "寒假", False, None, None, ("寒假", D(2022, 1, 1), D(2022, 2, 28), "month", "relative_period")),  # nearer than 2023
    ("festival", "春节假期", "春节", False, None, None, ("春节假期", D(2022, 1, 31), D(2022, 2, 6), "day", "relative_period")),
    ("plan_period", "“十三五”时期", "“", False, None, None, ("“十三五”时期", D(2016, 1, 1), D(2020, 12, 31), "year", "period")),
]


@pytest.mark.parametrize(("rule", "text", "token", "lenient", "ctx_year", "ctx_month", "expected"), EXAMPLES,
                         ids=[row[0] for row in EXAMPLES])
def test_atom_rule(rule, text, token, lenient, ctx_year, ctx_month, expected) -> None:
    i = text.index(token)
    found = atom_rule(text, i, ctx_year=ctx_year, anchor=A, lenient=lenient, ctx_month=ctx_month)
    if expected is None:  # a stopping rule: no atom, and no later rule tried
        assert found is None
        rules = {name: reader for name, _lenient, _first, reader in dates.ATOM_RULES}
        assert rules[rule](dates._AtomQuery(text, i, text[i - 1], ctx_year, A, lenient, ctx_month)) is False
        return
    name, atom = found
    assert name == rule
    assert (text[i:atom.end], atom.start_date, atom.end_date, atom.granularity, atom.kind) == expected


def test_lenient_rules_stay_out_of_running_text() -> None:
    assert parse_atom("2018", 0, ctx_year=None, anchor=A) is None
    assert parse_atom("2018", 0, ctx_year=None, anchor=A, lenient=True) is not None


def test_every_atom_rule_has_an_example() -> None:
    assert [row[0] for row in dates.ATOM_RULES] == [row[0] for row in EXAMPLES]


def _sample_texts() -> list[str]:
    texts = [normalize((REPO / "corpus" / "progress_cq_tzb_2022.txt").read_text(encoding="utf-8"))]
    texts += [row[1] for row in EXAMPLES]
    texts.append("1990年代,五六十年代,明后两天,二〇二二年3月,本季度末,下个季度,大前年,年初,全天,本月前两天,3月10日至15日")
    return texts


@pytest.mark.parametrize("lenient", [False, True])
def test_atom_rule_first_characters_admit_every_reading(lenient: bool) -> None:
    for text in _sample_texts():
        for i in range(len(text)):
            q = dates._AtomQuery(text, i, text[i - 1] if i else "\n", 2022, A, lenient, 3)
            for name, lenient_only, first, reader in dates.ATOM_RULES:
                if lenient_only and not lenient or first is None:
                    continue
                found = reader(q)
                if found not in (None, False):
                    assert text[i] in first, (name, text[i : i + 10])
