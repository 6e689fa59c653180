"""Enumeration markers (pipeline.lang.markers): families, values, clause starts, demand lists, runs."""

from __future__ import annotations

import pytest

from pipeline.lang.markers import marker_value, runs, scan
from pipeline.normalize import normalize


@pytest.mark.parametrize("text,expected", [
    ("一、政治建设\n二、从严治党", [("cn_dun", 1, True), ("cn_dun", 2, True)]),
    ("问题一:学习不够\n问题2:经费不规范", [("problem", 1, True), ("problem", 2, True)]),
    ("(一)学习不够\n(二)经费不规范", [("cn_paren", 1, True), ("cn_paren", 2, True)]),
    ("1.学习不够\n2、经费不规范", [("arabic", 1, True), ("arabic", 2, True)]),
    ("◆学习不够\n◆经费", [("bullet◆", 1, True), ("bullet◆", 2, True)]),
    ("▍学习不够\n▍经费", [("bullet▍", 1, True), ("bullet▍", 2, True)]),
    ("▪ 落地率低\n　— 开工仅9个\n— 2 —\n▪ 超概算", [("bullet▪", 1, True), ("bullet—", 1, True), ("bullet▪", 2, True)]),
    ("——学习不够。\n● 经费\n——党建薄弱", [("bullet——", 1, True), ("bullet●", 1, True), ("bullet——", 2, True)]),
    ("◆1、学习不够\n◆2、经费", [("arabic", 1, True), ("arabic", 2, True)]),
    ("说明——学习不够\n◆", []),
    ("7.甲不够\n8.2021年以来乙不足\n9.丙", [("arabic", 7, True), ("arabic", 8, True), ("arabic", 9, True)]),
    ("增长8.2021年", []),
    ("主要问题: 1) 学习不够; 2) 经费不规范", [("arabic_paren", 1, False), ("arabic_paren", 2, False)]),
    ("见表1)所列", []),
    # (1) over 1): two levels, not one family (blind57 10)
    ("(1)政治建设方面\n1)学习不够\n2)经费不规范\n(2)作风方面",
     [("arabic_paren", 1, True), ("arabic_close", 1, True), ("arabic_close", 2, True), ("arabic_paren", 2, True)]),
    ("1 政治建设方面\n1.1 学习不够\n1.2 经费不规范\n2 作风方面\n2.1 公车私用",
     [("arabic", 1, True), ("decimal", 1, True), ("decimal", 2, True), ("arabic", 2, True), ("decimal", 1, True)]),
    ("1.5亿元投资\n2 名干部\n3.2%的增长", []),
    ("问题一\n学习不够\n问题二\n经费不规范", [("problem", 1, True), ("problem", 2, True)]),
    ("主要是:一是学习不够;二是经费不规范", [("shi", 1, False), ("shi", 2, False)]),
    ("首先,学习不够。其次,经费不规范。最后,党建薄弱", [("sequence", 1, True), ("sequence", 2, False), ("sequence", 99, False)]),
    ("一方面,学习不够;另一方面,经费不规范", [("sequence", 1, True), ("sequence", 2, False)]),
    ("第一,学习不够。第二,经费不规范", [("ordinal", 1, True), ("ordinal", 2, False)]),
    ("具体表现为:①学习不够;②经费不规范", [("circled", 1, False), ("circled", 2, False)]),
    # a village notice typed with a comma after its number, 1. 2，3、 mixed (blind60 06); not a figure (2,000元)
    ("1.学习不够\n2，三会一课不正常\n3、账目不清", [("arabic", 1, True), ("arabic", 2, True), ("arabic", 3, True)]),
    ("2,000元未入账", []),
    # sub-items in Latin letters under a numbered problem (blind60 08)
    ("1. 责任不到位。\n  a) 研究不多;\n  b) 底数不清。", [("arabic", 1, True), ("latin", 1, True), ("latin", 2, True)]),
    # one-character numbers Word and the input methods write (blind61 09, heldout34 b): the same families
    ("㈠党建不够\n⑴学习不够\n(2)经费不规范\n㈡作风方面",
     [("cn_paren", 1, True), ("arabic_paren", 1, True), ("arabic_paren", 2, True), ("cn_paren", 2, True)]),
    ("⒈学习不够\n⒉经费不规范\n⒓台账不全", [("arabic", 1, True), ("arabic", 2, True), ("arabic", 12, True)]),
    ("具体表现为:⑴学习不够;⑵经费不规范", [("arabic_paren", 1, False), ("arabic_paren", 2, False)]),
])
def test_lang_markers_families_and_values(text, expected):
    assert [(m.family, m.value, m.line_initial) for m in scan(normalize(text))] == expected


@pytest.mark.parametrize("text", ["落实“第一议题”制度", "统一是基础", "唯一要求", "第一责任人职责"])
def test_lang_markers_not_inside_words(text):
    assert scan(text) == []


def test_lang_markers_demand_lists_are_marked():
    found = scan(normalize("巡察组要求:一是要提高站位;二是要压实责任。一要守纪律,二要讲规矩"))
    assert all(m.demand for m in found) and len(found) == 4


def test_lang_markers_runs_follow_the_numbering():
    text = normalize("1.甲\n2.乙\n2022.丙\n3.丁\n1.戊\n2.己")
    assert [[m.value for m in r] for r in runs(scan(text))] == [[1, 2, 3], [1, 2]]


def test_lang_markers_line_start_is_read_from_the_whole_text():
    text = normalize("巡察发现的主要问题:1.理论学习不深入;2.财务管理不规范。\n3.党建薄弱")
    found = scan(text, text.index(":") + 1)
    assert [(m.family, m.value, m.line_initial) for m in found] == [
        ("arabic", 1, False), ("arabic", 2, False), ("arabic", 3, True)]
    assert scan(normalize("共2022.5亿元,增长3.5%")) == []


def test_lang_markers_padded_numbers_alone_on_a_line():
    """01 / 02 alone on their lines number items in a text whose first one, 01, stands so; a bare 12 elsewhere
    numbers nothing."""
    from pipeline.lang.markers import scan

    post = "还存在一些问题\n01\n落实不到位\n02\n监管不严\n"
    assert [(m.family, m.value, m.line_initial) for m in scan(post)] == [("arabic", 1, True), ("arabic", 2, True)]
    assert scan("序号\n12\n财务管理不规范\n") == []


@pytest.mark.parametrize("family,label,value", [
    ("cn_dun", "三、", 3), ("cn_paren", "（十二）", 12), ("cn_paren", "㈣", 4), ("arabic", "7.", 7), ("arabic", "⒌", 5),
    ("arabic_paren", "(11)", 11), ("arabic_paren", "⑶", 3), ("circled", "⑤", 5), ("decimal", "2.3", 3),
    ("latin", "c)", 3), ("sequence", "其次,", 2), ("sequence", "另一方面", 2), ("shi", "四是", 4), ("ordinal", "第六，", 6),
    ("problem", "【问题5】", 5), ("problem", "问题十一：", 11), ("arabic", "3 .", 3),
])
def test_lang_markers_one_value_for_every_family(family, label, value):
    """The outline and the issue lists read a label's number in one place, full-width brackets as ASCII ones."""
    assert marker_value(family, label) == value
