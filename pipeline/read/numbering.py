"""Rebuild Word's automatic list labels (一、 / （一） / 1. / ①) from numbering.xml.

Word stores the label of an auto-numbered paragraph only as a rule (numFmt,
lvlText, start) plus a counter that exists at render time.  The outline parser
needs the label in the text, so we replay the counters in document order:
counters belong to the abstract numbering definition (instances that point
to the same definition continue each other, as in Word) and a ``startOverride``
restarts a level the first time its instance is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_CN_UNITS = ("", "十", "百", "千")
_LEGAL_UNITS = ("", "拾", "佰", "仟")
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def _chinese(n: int, digits: str = _CN_DIGITS, units: tuple[str, ...] = _CN_UNITS) -> str:
    """1 -> 一, 10 -> 十, 11 -> 十一, 20 -> 二十, 105 -> 一百零五 (up to 9999, else digits)."""
    if n <= 0 or n > 9999:
        return str(n)
    out = []
    zero = False
    text = str(n)
    for pos, ch in enumerate(text):
        d = int(ch)
        unit = units[len(text) - pos - 1]
        if d == 0:
            zero = True
            continue
        if zero and out:
            out.append(digits[0])
        zero = False
        out.append(digits[d] + unit)
    result = "".join(out)
    if digits is _CN_DIGITS and 10 <= n < 20:
        result = result[1:]  # 一十一 -> 十一
    return result


def _circled(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return str(n)


def _letters(n: int) -> str:
    if n <= 0:
        return str(n)
    letter = chr(ord("a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    table = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
             (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = []
    for value, sym in table:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in Word's ``numFmt`` ``fmt``."""
    if fmt in {"chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"}:
        return _chinese(n)
    if fmt in {"chineseLegalSimplified", "japaneseLegal"}:
        return _chinese(n, _CN_LEGAL, _LEGAL_UNITS)
    if fmt in {"ideographDigital", "taiwaneseDigital", "koreanDigital"}:
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _HEAVENLY_STEMS[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _EARTHLY_BRANCHES[(n - 1) % 12]
    if fmt in {"decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"}:
        return _circled(n)
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."
    if fmt in {"decimalFullWidth", "decimalFullWidth2"}:
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return str(n)


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    legal: bool = False
    style: str | None = None


@dataclass(slots=True)
class Instance:
    abstract_id: str
    levels: dict[int, Level]
    start_overrides: dict[int, int] = field(default_factory=dict)


def _val(el, name: str) -> str | None:
    child = el.find(W + name) if el is not None else None
    return child.get(W + "val") if child is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _parse_level(lvl) -> Level:
    return Level(
        start=_int(_val(lvl, "start"), 1),
        fmt=_val(lvl, "numFmt") or "decimal",
        text=_val(lvl, "lvlText") if _val(lvl, "lvlText") is not None else "",
        suffix=_val(lvl, "suff") or "tab",
        legal=lvl.find(W + "isLgl") is not None,
        style=_val(lvl, "pStyle"),
    )


class Numbering:
    """Definitions from numbering.xml plus the running counters of one document."""

    def __init__(self, numbering_el) -> None:
        abstracts: dict[str, dict[int, Level]] = {}
        self.instances: dict[str, Instance] = {}
        if numbering_el is not None:
            for abstract in numbering_el.iter(W + "abstractNum"):
                levels = {_int(lvl.get(W + "ilvl"), 0): _parse_level(lvl) for lvl in abstract.iter(W + "lvl")}
                abstracts[abstract.get(W + "abstractNumId")] = levels
            for num in numbering_el.iter(W + "num"):
                abstract_id = _val(num, "abstractNumId")
                if abstract_id not in abstracts:
                    continue
                levels = dict(abstracts[abstract_id])
                overrides: dict[int, int] = {}
                for override in num.iter(W + "lvlOverride"):
                    ilvl = _int(override.get(W + "ilvl"), 0)
                    start = _val(override, "startOverride")
                    if start is not None:
                        overrides[ilvl] = _int(start, 1)
                    lvl = override.find(W + "lvl")
                    if lvl is not None:
                        levels[ilvl] = _parse_level(lvl)
                self.instances[num.get(W + "numId")] = Instance(abstract_id, levels, overrides)
        self._counters: dict[str, list[int | None]] = {}
        self._used: set[str] = set()

    def level_for_style(self, num_id: str, style_id: str) -> int:
        inst = self.instances.get(num_id)
        if inst:
            for ilvl, level in inst.levels.items():
                if level.style == style_id:
                    return ilvl
        return 0

    def next_label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the counter of (num_id, ilvl); return (label, separator) or None (no label)."""
        inst = self.instances.get(num_id)
        if inst is None or ilvl not in inst.levels:
            return None
        counters = self._counters.setdefault(inst.abstract_id, [None] * 10)
        if num_id not in self._used:
            self._used.add(num_id)
            for lvl, start in inst.start_overrides.items():
                if 0 <= lvl < 10:
                    counters[lvl] = start - 1
                    for deeper in range(lvl + 1, 10):
                        counters[deeper] = None
        level = inst.levels[ilvl]
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = None
        if level.fmt in {"bullet", "none"}:
            return None
        label = level.text
        for k in range(9, 0, -1):
            token = f"%{k}"
            if token not in label:
                continue
            ref = inst.levels.get(k - 1, Level())
            value = counters[k - 1]
            if value is None:
                value = ref.start
                counters[k - 1] = value
            fmt = "decimal" if level.legal else ref.fmt
            label = label.replace(token, format_number(value, fmt))
        separator = " " if level.suffix == "space" else ""
        return label, separator
