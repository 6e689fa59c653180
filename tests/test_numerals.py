"""parse_numeral: one numeral string -> its value, or None when malformed."""

from __future__ import annotations

import pytest

from pipeline.lang.numerals import parse_numeral


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18", 18),
        ("1,200", 1200),
        ("10,000.233", 10000.233),
        ("２．２", 2.2),
        (".5", 0.5),
        ("十八", 18),
        ("二十七", 27),
        ("一万二千", 12000),
        ("一百零一万一千", 1011000),
        ("四千零五万", 40050000),
        ("四亿五千六百四十二万零一十五", 456420015),
        ("两", 2),
        ("〇", 0),
        ("半", 0.5),
        ("半百", 50),
        ("十五点七", 15.7),
        ("三点五万", 35000),
        ("两千万点五五四四", 20000000.5544),
    ],
)
def test_numerals_plain_values(text: str, expected: float) -> None:
    assert parse_numeral(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("94.5亿", 9450000000),
        ("1.2万", 12000),
        ("26万", 260000),
        ("4.78万亿", 4780000000000),
        ("10万万", 1000000000),
        ("3万4000", 34000),
        ("200亿零四千230", 20000004230),
        ("1,100.9亿", 110090000000),
    ],
)
def test_numerals_mixed_multipliers(text: str, expected: int) -> None:
    value = parse_numeral(text)
    assert value == expected
    assert isinstance(value, int)  # exact, no float residue (94.5 * 1e8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一万三", 13000),
        ("四百五", 450),
        ("百三", 130),
        ("十三万五", 135000),
        ("一千零五", 1005),  # 零 blocks the short form
        ("一七二零", 1720),
        ("一七二零点一三四", 1720.134),
        ("壹拾万零叁仟肆佰伍拾叁", 103453),
        ("兩千六", 2600),
        ("十余万", 100000),
        ("二十几万", 200000),
        ("负三十二", -32),
        ("-10.1万", -101000),
    ],
)
def test_numerals_colloquial_and_variant_forms(text: str, expected: float) -> None:
    assert parse_numeral(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三分之一", 1 / 3),
        ("百分之三十", 0.3),
        ("一又二分之一", 1.5),
        ("16分之5", 0.3125),
        ("1/2", 0.5),
        ("1 3/5", 1.6),
    ],
)
def test_numerals_fractions(text: str, expected: float) -> None:
    assert parse_numeral(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    ["", "万", "负", "零点", "点零", "10..1万", "10.1万零100", "十一十二", "零点零大", "元整", "2e5", "40k", "两两", "五兆"],
)
def test_numerals_rejects_malformed(text: str) -> None:
    assert parse_numeral(text) is None
