"""Speed-ups that must not change any output: each fast path against the plain form it replaces."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from pipeline.extract import citations, claims, quantities, times
from pipeline.lang import numerals
from pipeline.lang.spans import SpanIndex
from pipeline.lang.text import sentence_spans
from pipeline.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "corpus" / "progress_cq_tzb_2022.txt"
# Edge cases of the scanners: 半 without a classifier, fractions, percentages, full-width
# digits, years, eras, deictic words, a URL, brackets nested and unbalanced.
TRICKY = (
    "半年来召开会议3次,半数以上,三分之一,百分之三十,1,200.5万元,２０２２年,近五年来,上世纪80年代,"
    "每季度至少1次,截至2022年6月底,年底前完成,今明两年,五六十年代,一岗双责,“四个意识”,第十巡视组,"
    "http://x.cn/2022/07/10/a.png 《关于《条例》的通知》》《未闭合\n《一》《》 百千万亿 〇零 两个一百年"
)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [normalize(REPORT.read_text(encoding="utf-8")), TRICKY, normalize(TRICKY)]


# --- first-character classes ----------------------------------------------------------------


def _first_items(seq) -> tuple[list, bool]:
    """What the first consumed character of a parsed pattern can be, and whether it can be empty."""
    from re import _constants as c

    items: list = []
    for op, av in seq:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero width: the first character comes later
        if op is c.LITERAL:
            return items + [("lit", av)], False
        if op is c.IN:
            for sub_op, sub_av in av:
                if sub_op is c.LITERAL:
                    items.append(("lit", sub_av))
                elif sub_op is c.RANGE:
                    items.append(("range", sub_av))
                elif sub_op is c.CATEGORY and sub_av is c.CATEGORY_DIGIT:
                    items.append(("digit", None))
                else:
                    raise AssertionError(f"unsupported class item {sub_op} in a leading position")
            return items, False
        if op is c.BRANCH:
            nullable = False
            for branch in av[1]:
                sub, empty = _first_items(branch)
                items += sub
                nullable |= empty
            if not nullable:
                return items, False
            continue
        if op is c.SUBPATTERN:
            sub, empty = _first_items(av[-1])
            items += sub
            if not empty:
                return items, False
            continue
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, _high, inner = av
            sub, empty = _first_items(inner)
            items += sub
            if low > 0 and not empty:
                return items, False
            continue
        raise AssertionError(f"unsupported op {op} in a leading position")
    return items, True


_DIGITS = [chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000 and chr(cp).isdecimal()]


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (quantities._TOKEN, quantities._TOKEN_FIRST),
        (times._TRIGGER, times._TRIGGER_FIRST),
    ],
    ids=["quantity-token", "time-trigger"],
)
def test_fastpaths_first_class_covers_every_start(pattern: re.Pattern[str], first: re.Pattern[str]) -> None:
    """Every character a match can start with is in the prefilter class (derived from the pattern)."""
    try:
        from re import _parser
    except ImportError:  # pragma: no cover - CPython < 3.11
        pytest.skip("re._parser is CPython 3.11+")
    items, nullable = _first_items(_parser.parse(pattern.pattern).data)
    assert not nullable
    chars: set[str] = set()
    for kind, value in items:
        if kind == "lit":
            chars.add(chr(value))
        elif kind == "range":
            chars.update(chr(cp) for cp in range(value[0], value[1] + 1))
        else:
            chars.update(ch for ch in _DIGITS if re.match(r"\d", ch))
    missing = sorted(ch for ch in chars if not first.fullmatch(ch))
    assert missing == []


def test_fastpaths_quantity_token_scan_equals_search(texts: list[str]) -> None:
    for text in texts:
        for pos in range(len(text) + 1):
            plain = quantities._TOKEN.search(text, pos)
            fast = quantities._next_token(text, pos)
            assert (plain.span() if plain else None) == (fast.span() if fast else None)
            if plain:
                assert plain.groupdict() == fast.groupdict()


def test_fastpaths_time_trigger_scan_equals_search(texts: list[str]) -> None:
    for text in texts:
        for pos in range(len(text) + 1):
            plain = times._TRIGGER.search(text, pos)
            assert times._next_trigger(text, pos) == (plain.start() if plain else -1)


def test_fastpaths_fixed_numerals_grouped_equals_flat(texts: list[str]) -> None:
    entries = quantities.load_fixed_numerals()
    flat = re.compile("|".join(re.escape(e) for e in entries))
    for text in [*texts, "".join(entries), ",".join(entries), "".join(reversed(entries))]:
        assert [m.span() for m in quantities._fixed_pattern().finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_fastpaths_span_index_overlap_equals_brute_force() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        cuts = sorted(rng.sample(range(50), rng.randint(2, 10)))
        spans = [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts) - 1, 2)]
        start = rng.randint(0, 50)
        end = rng.randint(start, 52)
        assert SpanIndex(spans).overlaps(start, end) == any(start < e and s < end for s, e in spans)


# --- memoized and pre-filtered helpers -------------------------------------------------------


@pytest.mark.parametrize("numeral", ["一", "十八", "1,200.5万", "三分之一", "半", "二〇二二", "十余万", " 3 ", "负5", "万", ""])
def test_fastpaths_parse_numeral_memo_matches_uncached(numeral: str) -> None:
    uncached = numerals._parse_numeral_cached.__wrapped__
    assert numerals.parse_numeral(numeral) == uncached(numeral)
    assert numerals.parse_numeral(numeral) == uncached(numeral)  # second call comes from the memo


def test_fastpaths_claim_cues_prefiltered_by_unit_same_choice(texts: list[str]) -> None:
    cues = claims.load_field_cues()
    for text in texts:
        for start, end in sentence_spans(text):
            sentence = text[start:end]
            memo: dict = {}
            for m in claims._FIGURE_NUMERAL.finditer(sentence):
                _value, unit, _decimals = claims._number_value(m)
                for clause_start in (0, m.start()):
                    plain = claims._choose_cue(sentence, m, unit, clause_start, cues)
                    unit_cues = tuple(c for c in cues if unit in c.units)
                    assert claims._choose_cue(sentence, m, unit, clause_start, unit_cues, memo) == plain


def _pairs_char_loop(text: str, start: int, end: int) -> list[tuple[int, int]]:
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i in range(start, end):
        if text[i] == "《":
            stack.append(i)
        elif text[i] == "》" and stack:
            pairs.append((stack.pop(), i))
    return pairs


def test_fastpaths_citation_brackets_equal_char_loop(texts: list[str]) -> None:
    rng = random.Random(3)
    samples = [*texts] + ["".join(rng.choice("《》a中") for _ in range(rng.randint(0, 30))) for _ in range(300)]
    for text in samples:
        for start, end in ((0, len(text)), (1, max(1, len(text) - 1))):
            assert citations._pairs_in_line(text, start, end) == _pairs_char_loop(text, start, end)


# --- the Doc path and the plain path ---------------------------------------------------------


def test_fastpaths_components_match_plain_stages(texts: list[str]) -> None:
    """The spaCy components give the same records as the stages run on the plain text."""
    from pipeline.nlp.language import load_nlp
    from pipeline.stages import STAGES, extract

    nlp = load_nlp()
    for text in texts:
        doc = nlp(text)
        plain = extract(text)
        assert doc._.meta == plain.meta
        for stage in STAGES:
            if stage.span_key:
                assert doc._.records[stage.span_key] == getattr(plain, stage.assigns), stage.name


# --- section lookup and per-measure counts (document.py) -------------------------------------


def _locate_walk_all(sections: list, offset: int) -> int | None:
    """The lookup as it was: walk back over every earlier section."""
    ordered = sorted(sections, key=lambda s: s.start)
    best = None
    for section in reversed([s for s in ordered if s.start <= offset]):
        if section.start <= offset < max(section.body_end, section.end):
            if best is None or section.level > best.level:
                best = section
            if section.level == 1:
                break
    return None if best is None else best.section_id


def test_fastpaths_section_locator_and_counts_equal_brute_force() -> None:
    from pipeline.lang.spans import ItemCounter, SectionLocator
    from pipeline.records import Quantity, Section

    rng = random.Random(11)
    for _ in range(200):
        sections = []
        for k in range(rng.randint(0, 12)):
            start = rng.randint(0, 200)
            end = start + rng.randint(0, 10)
            sections.append(
                Section(section_id=k, parent_id=None, level=rng.randint(1, 4), label="", title="", start=start,
                        end=end, label_start=start, label_end=start, title_start=start, title_end=end,
                        body_end=end + rng.randint(-5, 120), marker="cn_dun")
            )
        locator = SectionLocator(sections)
        for offset in range(0, 330, 3):
            assert locator.locate(offset) == _locate_walk_all(sections, offset)
        items = []
        for _ in range(rng.randint(0, 30)):
            start = rng.randint(0, 300)
            items.append(Quantity(start=start, end=start + rng.randint(0, 15), text="", value=1, unit=None, approx=None,
                                  kind="count"))
        inside = ItemCounter(items)
        for _ in range(20):
            start = rng.randint(0, 300)
            end = start + rng.randint(0, 80)
            assert inside.count(start, end) == sum(1 for q in items if start <= q.start and q.end <= end)
