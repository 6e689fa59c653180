"""Chinese and Arabic numeral strings to numbers.

``parse_numeral`` accepts one numeral as written in a report: Arabic digits
(with decimals and thousands separators), Chinese digits and units
(十八, 二十七, 一万二千, 两, 〇, 半), mixed forms (94.5亿, 1.2万) and returns
the value with the multiplier applied, or ``None`` when the string is not a
numeral.
"""

from __future__ import annotations

import re

CN_DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "俩": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

_ARABIC = re.compile(r"^[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?$")


def _int_or_float(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _parse_cn_section(s: str) -> int | None:
    """Value of a numeral below 万 (一千二百三十四, 十八, 二〇二二 as digits)."""
    if not s:
        return 0
    if all(ch in CN_DIGITS for ch in s) and len(s) > 1:
        # digit-by-digit reading (二〇二二)
        return int("".join(str(CN_DIGITS[ch]) for ch in s))
    total, digit = 0, None
    for ch in s:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            total += (1 if digit is None else digit) * CN_SMALL_UNITS[ch]
            digit = None
        else:
            return None
    if digit is not None:
        total += digit
    return total


def _parse_big(s: str) -> float | None:
    """Split on 亿 then 万, each part either Arabic or Chinese."""
    for unit_char, unit_value in (("亿", 100_000_000), ("億", 100_000_000), ("万", 10_000), ("萬", 10_000)):
        if unit_char in s:
            head, _, tail = s.partition(unit_char)
            head_value = _parse_big(head) if head else 1
            tail_value = _parse_big(tail) if tail else 0
            if head_value is None or tail_value is None:
                return None
            return head_value * unit_value + tail_value
    if _ARABIC.match(s):
        return float(s.replace(",", ""))
    value = _parse_cn_section(s)
    return None if value is None else float(value)


def parse_numeral(text: str) -> int | float | None:
    """Value of one numeral (``"94.5亿"`` -> 9450000000, ``"半"`` -> 0.5)."""
    s = text.strip()
    if not s:
        return None
    if s == "半":
        return 0.5
    value = _parse_big(s)
    return None if value is None else _int_or_float(value)
