"""Chinese and Arabic numeral strings to numbers.

``parse_numeral`` reads one numeral as written in a report or a form and
returns its value with every multiplier applied, or ``None`` when the string
is not one well-formed numeral.  It accepts:

- Arabic digits with decimals and thousands separators (``4,565``, ``10,000.233``,
  ``.5``), full-width digits, a sign (``-``, ``负``);
- Chinese numerals with units (十八, 二十七, 一万二千, 一百零一万一千, 四千零五万),
  the colloquial short forms (一万三 = 13000, 四百五 = 450, 百三 = 130), 两, 〇/零,
  半 (0.5; 半百 = 50), traditional and financial forms (萬, 億, 兩, 壹, 貳, 拾, 佰 ...),
  digit-by-digit readings (一七二零 = 1720) and 点 decimals (十五点七, 三点五万);
- Arabic digits mixed with Chinese multipliers (94.5亿, 1.2万, 3万4000, 200亿零四千230,
  4.78万亿, 10万万);
- vague fillers inside a numeral (十余万, 三百多万, 二十几万: the filler is dropped;
  the approximation itself is reported by the quantity extractor, not here);
- fractions (三分之一, 百分之三十 = 0.3, 16分之5, 1/2, 1 3/5, 一又二分之一).

Not accepted (``None``): scientific notation (2e5), powers (2^5), letter suffixes
(40k), 兆 (10^6 or 10^12 depending on region), dozens (一打) and malformed input
(10..1万, 零点, 十一十二).  Values are exact: Decimal arithmetic, ``int`` when
integral.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation, localcontext
from functools import lru_cache

#: Every character a Chinese numeral is written with (digits, 两, the zeros and the place words up to 亿).
NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"
CN_DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9,
}
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}

# Traditional, financial and variant forms folded to the simplified set above.
_VARIANTS = str.maketrans({
    "萬": "万", "億": "亿", "兩": "两", "倆": "两", "俩": "两", "壹": "一", "弌": "一", "幺": "一",
    "贰": "二", "貳": "二", "弍": "二", "叁": "三", "參": "三", "叄": "三", "肆": "四", "伍": "五",
    "陆": "六", "陸": "六", "柒": "七", "捌": "八", "玖": "九", "拾": "十", "佰": "百", "仟": "千",
    "點": "点", "負": "负", "幾": "几", "〇": "零", "○": "零", "Ｏ": "零",
    # full-width ASCII that may reach us un-normalized
    "．": ".", "，": ",", "／": "/", "－": "-", "＋": "+",
    **{chr(0xFF10 + i): str(i) for i in range(10)},
})
# 廿 and 卅 are two-character numbers in one glyph.
_MULTI_CHAR = (("廿", "二十"), ("卅", "三十"), ("皕", "二百"))

_ARABIC_RUN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")
_ARABIC_ONLY = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")
_SLASH_FRACTION = re.compile(r"^(?:(\d+)\s+)?(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)$")
_FILLERS = re.compile(r"[余多几来]")
_WHITESPACE = re.compile(r"\s+")
_POINT_FRACTION = re.compile(r"([零一二三四五六七八九0-9]+)(.*)$")
_DIGIT_CHARS = frozenset("零一二三四五六七八九")  # digit-by-digit readings never use 两
#: Longest string read as one numeral.  A run of thousands of digits is not an amount
#: (and its ``int`` cannot even be printed); every real figure is far shorter.
MAX_NUMERAL_CHARS = 40
_PRECISION = 2 * MAX_NUMERAL_CHARS


def _to_number(value: Decimal) -> int | float:
    """``int`` when integral, else ``float`` (plain numbers for the tables)."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _prepare(text: str) -> str:
    """Fold variants; whitespace inside a numeral is dropped later (not in a b/c)."""
    s = text.translate(_VARIANTS)
    for glyph, spelled in _MULTI_CHAR:
        s = s.replace(glyph, spelled)
    return s


def _parse_digit_string(s: str) -> Decimal | None:
    """一七二零 -> 1720, 一二点三零 -> 12.30 (digit-by-digit readings)."""
    head, sep, tail = s.partition("点")
    if not head or not set(head) <= _DIGIT_CHARS or (sep and (not tail or not set(tail) <= _DIGIT_CHARS)):
        return None
    digits = "".join(str(CN_DIGITS[ch]) for ch in head)
    if sep:
        digits += "." + "".join(str(CN_DIGITS[ch]) for ch in tail)
    return Decimal(digits)


def _parse_integer_part(s: str) -> Decimal | None:
    """Grammar walk over digits, 十百千 and 万亿 (Arabic runs allowed as digits)."""
    total = Decimal(0)  # everything closed by a big unit
    small = Decimal(0)  # the running section below the current big unit
    current: Decimal | None = None  # a digit not yet closed by a unit
    last_small: int | None = None  # the last 十/百/千 in this section (must decrease)
    last_big: int | None = None
    prev_kind = None  # "digit", "arabic", "small", "big", "zero"
    last_unit_value = 0  # value of the unit right before a trailing bare digit
    zero_seen = False
    decimal_scaled = False  # 10.1万: nothing but further big units may follow
    i = 0
    while i < len(s):
        ch = s[i]
        arabic = _ARABIC_RUN.match(s, i)
        if arabic:
            if prev_kind in ("digit", "arabic") or decimal_scaled:
                return None
            current = Decimal(arabic.group().replace(",", ""))
            prev_kind = "arabic"
            i = arabic.end()
            continue
        if ch == "零":
            if prev_kind in ("digit", "arabic"):
                return None
            zero_seen = True
            prev_kind = "zero"
        elif ch in CN_DIGITS or ch == "半":
            if prev_kind in ("digit", "arabic") or decimal_scaled:
                return None
            current = Decimal("0.5") if ch == "半" else Decimal(CN_DIGITS[ch])
            prev_kind = "digit"
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            if decimal_scaled or (last_small is not None and unit >= last_small):
                return None
            if current is not None and current != current.to_integral_value():
                if current != Decimal("0.5"):  # 半百 is fine, 1.5百 is not report notation
                    return None
            small += (Decimal(1) if current is None else current) * unit
            current, last_small, prev_kind = None, unit, "small"
            last_unit_value, zero_seen = unit, False
        elif ch in CN_BIG_UNITS:
            unit = CN_BIG_UNITS[ch]
            chunk = small + (current or 0)
            was_decimal = current is not None and current != current.to_integral_value()
            if last_big is None or unit >= last_big:
                if chunk == 0 and total == 0:
                    return None  # a bare 万 / 亿 is not a number
                total = (total + chunk) * unit
            else:
                if decimal_scaled:
                    return None
                total += chunk * unit
            decimal_scaled = decimal_scaled or was_decimal
            small, current, last_small, last_big, prev_kind = Decimal(0), None, None, unit, "big"
            last_unit_value, zero_seen = unit, False
        else:
            return None
        i += 1
    if current is not None:
        if prev_kind == "digit" and not zero_seen and last_unit_value >= 100 and current == current.to_integral_value():
            # colloquial short form: 一万三 = 13000, 四百五 = 450, 百三 = 130
            current = current * last_unit_value / 10
        small += current
    return total + small


def _parse_plain(s: str) -> Decimal | None:
    """A numeral without sign or fraction: Arabic, Chinese, mixed, 点 decimals."""
    if not s:
        return None
    if _ARABIC_ONLY.match(s) and any(ch.isdigit() for ch in s):
        return Decimal(s.replace(",", ""))
    if s == "半":
        return Decimal("0.5")
    if len(s) > 1 and set(s.replace("点", "")) <= _DIGIT_CHARS:
        return _parse_digit_string(s)
    if "点" in s:
        head, _, tail = s.partition("点")
        if not head or not tail or "点" in tail:
            return None
        frac = _POINT_FRACTION.match(tail)
        if not frac:
            return None
        frac_digits = "".join(str(CN_DIGITS[ch]) if ch in CN_DIGITS else ch for ch in frac.group(1))
        trailing = frac.group(2)
        whole = _parse_integer_part(head)
        if whole is None:
            return None
        value = whole + Decimal("0." + frac_digits)
        if trailing:  # 三点五万, 二点二亿
            if whole >= 10 and any(u in head for u in "万亿"):
                return None
            for ch in trailing:
                if ch not in CN_BIG_UNITS:
                    return None
                value *= CN_BIG_UNITS[ch]
        return value
    return _parse_integer_part(s)


def _parse_signed(s: str) -> Decimal | None:
    sign = 1
    while s[:1] in ("负", "-", "−"):
        sign, s = -sign, s[1:]
    if s.startswith("+"):
        s = s[1:]
    value = _parse_plain(s)
    return None if value is None else sign * value


def _parse_fraction(s: str) -> Decimal | float | None:
    """B分之C, A又B分之C, a/b, a b/c."""
    if "/" in s and s[:1] in ("负", "-"):
        inner = _parse_fraction(s[1:])
        return None if inner is None else -inner
    slash = _SLASH_FRACTION.match(s)
    if slash:
        whole, num, den = slash.groups()
        if float(den) == 0:
            return None
        value = Decimal(num) / Decimal(den)
        return value + Decimal(whole) if whole else value
    whole_part = Decimal(0)
    if "又" in s:
        head, _, s = s.partition("又")
        whole = _parse_signed(head)
        if whole is None or "又" in s:
            return None
        whole_part = whole
    den_text, _, num_text = s.partition("分之")
    den, num = _parse_signed(den_text), _parse_signed(num_text)
    if den is None or num is None or den == 0:
        return None
    value = num / den
    if whole_part < 0:
        return whole_part - value
    return whole_part + value


def parse_numeral(text: str) -> int | float | None:
    """Value of one numeral (``"94.5亿"`` -> 9450000000, ``"半"`` -> 0.5), else ``None``.

    Memoized: extraction asks for the same few numerals (一, 2022, 12 ...) over and
    over, and the Decimal grammar walk is the costliest step of a quantity.  The
    result is an immutable int, float or None, so sharing it is safe.
    """
    return _parse_numeral_cached(text)


@lru_cache(maxsize=8192)
def _parse_numeral_cached(text: str) -> int | float | None:
    s = _prepare(text.strip())
    if "/" not in s:
        s = _WHITESPACE.sub("", s)
    s = _FILLERS.sub("", s) if len(s) > 1 else s
    if not s or len(s) > MAX_NUMERAL_CHARS:
        return None
    try:
        with localcontext() as ctx:
            ctx.prec = _PRECISION  # exact for every numeral under the length cap (20 digits × 亿亿)
            if "分之" in s or "/" in s:
                value = _parse_fraction(s)
            else:
                value = _parse_signed(s)
    except (InvalidOperation, KeyError, ValueError):
        return None
    if value is None:
        return None
    if isinstance(value, Decimal):
        # fractions: 1/3 has no exact decimal; round to 12 places for stable output
        if value != value.to_integral_value() and len(value.as_tuple().digits) > 15:
            return float(round(value, 12))
        return _to_number(value)
    return value


_MARKER_DIGITS = {ch: i for i, ch in enumerate("一二三四五六七八九", start=1)}


def marker_number(s: str) -> int | None:
    """Value of an enumeration marker's numeral (一 .. 九十九, as in 十二、 / 二十是), else None.

    Stricter than :func:`parse_numeral`: markers never use 两, 零 or 百.
    """
    if not s or any(ch not in _MARKER_DIGITS and ch != "十" for ch in s):
        return None
    if "十" not in s:
        return _MARKER_DIGITS[s] if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return None
    return (_MARKER_DIGITS[tens] if tens else 1) * 10 + (_MARKER_DIGITS[ones] if ones else 0)


def int_value(s: str | None) -> int | None:
    """Integer value of a numeral as written in a date (2022, 二〇二二, 十二, 3), else None."""
    if not s:
        return None
    value = parse_numeral(s)
    if value is None or isinstance(value, float) and not value.is_integer():
        return None
    return int(value)


_WRITE_DIGITS = "零一二三四五六七八九"
_WRITE_SMALL = ("", "十", "百", "千")


def _four(section: int) -> str:
    """0 < section < 10000 written out: 1203 -> 一千二百零三, 10 -> 一十 (a leading 一十 is dropped later)."""
    out = []
    zero = False
    for power in (3, 2, 1, 0):
        digit = section // 10**power % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_WRITE_DIGITS[digit] + _WRITE_SMALL[power])
    return "".join(out)


def _grouped(n: int, size: int, unit: str, lower) -> str:
    """``n`` as (n // 10^size) ``unit`` + the rest, with 零 where the rest skips a digit."""
    high, low = divmod(n, 10**size)
    if not high:
        return lower(low)
    text = lower(high) + unit
    if low:
        text += ("零" if low < 10 ** (size - 1) else "") + lower(low)
    return text


def to_chinese(n: int) -> str:
    """An integer in Chinese numerals, the inverse of :func:`parse_numeral`
    (12305 -> 一万二千三百零五, 100010 -> 十万零一十, 3800000000000 -> 三万八千亿, -3 -> 负三)."""
    if n < 0:
        return "负" + to_chinese(-n)
    if n == 0:
        return "零"
    if n >= 10**16:
        raise ValueError(f"{n} is too large to write with 万 and 亿 (limit 10^16)")
    text = _grouped(n, 8, "亿", lambda m: _grouped(m, 4, "万", _four))
    return text[1:] if text.startswith("一十") else text  # 一十五 -> 十五, 一十万 -> 十万


#: 一支(队伍), 一批, 一个: the indefinite one of official prose (打造一支…队伍)
_INDEFINITE_ONE = re.compile(r"一[\u4e00-\u9fff]")


def indefinite_one(quantity) -> bool:
    """A quantity of one written 一 and its classifier (一支, 一批): an article, no figure of what was done
    (written 1, it is one)."""
    return quantity.value == 1 and bool(_INDEFINITE_ONE.fullmatch(quantity.text))
