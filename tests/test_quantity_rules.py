"""The quantity grammar, rule by rule: one example per named rule of pipeline.extract.quantities.

Each veto example names the token (its first occurrence in the text) and the rule that must
reject it; each reader example gives the quantity read.  A test checks that every rule of
the tables has an example, so a new rule comes with one.
"""

from __future__ import annotations

import pytest

from pipeline.extract import quantities as q
from pipeline.extract.quantities import read_quantity_at
from pipeline.normalize import normalize
from pipeline.records import Quantity

VETO_EXAMPLES = [
    # (rule, text, token as written)
    ("identifier_neighbour", "编号A3项", "3"),
    ("ordinal_prefix", "第三次会议", "三"),
    ("fraction_unreadable", "零分之一", "零分之一"),
    ("lone_zero", "清零见底", "零"),
    ("leading_multiplier", "千家万户", "万"),
    ("bare_one_in_word", "统一战线", "一"),
    ("spelled_digits", "二〇二二年", "二〇二二"),
    ("unreadable_numeral", "共十十项", "十十"),
    ("unit_continues_word", "一次性补助", "一"),
    ("no_unit", "共有13000", "13000"),
    ("appositive_single_digit", "达到2级", "2"),
    ("appositive_without_members", "四级联动", "四"),
    ("no_bare_one", "大家一起。", "一"),
    ("bare_er", "二次供水", "二"),
    ("indefinite_one", "作为一名党员", "一"),
    ("reduplication", "一件件抓落实", "一"),
    ("counted_slogan", "两个“确立”", "两"),
    ("arabic_only", "写了三字。", "三"),
    ("chinese_only", "提高15成", "15"),
    ("ranking", "进入前三名", "三"),
    ("page_link", "上一篇:集团召开会议", "一"),
    ("one_by_one_series", "完成一项、审核一项", "一"),
    ("n_ge_formula", "八个一任务", "八"),
    ("bare_hundred", "百人会", "百"),
    ("ordinal_before_qualifier", "第约5次", "5"),
    ("masked", "做到两个维护", "两"),
    ("identifier_after", "完成5项A", "5"),
    ("short_quote", "做到“六个到位”", "六"),
    ("quoted_slogan", "推行“综合查一次”改革", "一"),
    ("frequency", "每年开展1次督查", "1"),
]

READER_EXAMPLES = [
    # (rule, text, span, value, value_max, unit, approx)
    ("percent_words", "达到百分之三十", "百分之三十", 30, None, "%", None),
    ("fraction", "占三分之一", "三分之一", 33.3333, None, "%", None),
    ("half", "半个", "半个", 0.5, None, "个", None),
    ("numeral", "召开会议18次", "18次", 18, None, "次", None),
    ("numeral", "完成3至5项", "3至5项", 3, 5, "项", None),
    ("numeral", "三四个", "三四个", 3, 4, "个", None),
    ("numeral", "覆盖13000余名", "13000余名", 13000, None, "名", "余"),
    ("numeral", "挽回损失超过1000万元", "超过1000万元", 10000000, None, "元", "超过"),
    ("numeral", "三成以上", "三成以上", 30, None, "%", "以上"),
]

_UNIT_STEP_RULES = ("unit_continues_word", "no_unit")


def _token_start(text: str, token: str) -> int:
    return text.index(token)


@pytest.mark.parametrize(("rule", "text", "token"), VETO_EXAMPLES, ids=[row[0] for row in VETO_EXAMPLES])
def test_quantity_rule_vetoes(rule: str, text: str, token: str) -> None:
    text = normalize(text)
    assert read_quantity_at(text, _token_start(text, token)) == rule
    assert all(found.start > text.index(token) or found.end <= text.index(token) for found in q.extract_quantities(text))


@pytest.mark.parametrize(("rule", "text", "span", "value", "value_max", "unit", "approx"), READER_EXAMPLES)
def test_quantity_rule_readers(rule, text, span, value, value_max, unit, approx) -> None:
    text = normalize(text)
    found = q.extract_quantities(text)
    if span is None:
        assert found == []
        return
    (got,) = found
    assert isinstance(got, Quantity)
    assert (got.text, got.value, got.value_max, got.unit, got.approx) == (span, pytest.approx(value), value_max, unit, approx)


def test_every_quantity_rule_has_an_example() -> None:
    names = {name for name, _ in q.TOKEN_VETOES + q.NUMERAL_VETOES + q.UNIT_VETOES + q.APPROX_VETOES + q.SPAN_VETOES}
    names |= {"fraction_unreadable", "unreadable_numeral", *_UNIT_STEP_RULES}
    readers = {name for name, _group, _reader in q.NUMERAL_READERS}
    assert names == {row[0] for row in VETO_EXAMPLES}
    assert readers == {row[0] for row in READER_EXAMPLES}
