"""Property tests (hypothesis): every extractor and the outline parser on arbitrary text.

Arbitrary Unicode never raises; every span lies inside the text (0 <= start < end <=
len) and quotes it exactly; Chinese numerals round-trip.  The default profile runs a
few examples per property so the suite stays fast; ``HYPOTHESIS_PROFILE=bench`` runs
10,000 each (``python benchmarks/bench_properties.py``).
"""

from __future__ import annotations

import datetime as dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract.citations import extract_citations
from pipeline.extract.claims import extract_claims
from pipeline.extract.measures import extract_measures
from pipeline.extract.quantities import extract_quantities
from pipeline.extract.times import extract_times
from pipeline.lang.numerals import parse_numeral, to_chinese
from pipeline.metadata import extract_metadata
from pipeline.normalize import normalize
from pipeline.outline import parse_outline

settings.register_profile("default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "bench", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
settings.register_profile(
    "custom", parent=settings.get_profile("bench"), max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "10000"))
)
settings.load_profile("custom" if "HYPOTHESIS_MAX_EXAMPLES" in os.environ else os.environ.get("HYPOTHESIS_PROFILE", "default"))

# The pieces reports are made of: numerals, units, markers, brackets, cue words, dates.
PIECES = (
    list("一二三四五六七八九十百千万亿零〇两半0123456789.,%")
    + list("年月日号季度周天元人名次项件个户条余多近约超过以上左右")
    + list("、。,;:()《》“”\n ①②③④⑤⑩")
    + ["一是", "二是", "第一", "(一)", "1.", "(1)", "截至", "底", "前", "完成", "整改", "问题", "已整改完成",
       "基本完成", "整改任务", "下一步", "将", "每季度", "至少", "百分之", "分之", "整改完成率", "中共", "党委",
       "关于", "巡视", "巡察", "反馈", "通报", "2022年6月底", "2023年", "3至5", "—", "~", "亿元", "万元"]
)
report_like = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
any_text = st.one_of(st.text(max_size=300), report_like, st.text(alphabet=st.sampled_from(PIECES[:60]), max_size=200))


def _check_spans(text: str, records, *, quoted: str | None = "text") -> None:
    for record in records:
        assert 0 <= record.start < record.end <= len(text), (record.start, record.end, len(text))
        if quoted is not None:
            assert text[record.start : record.end] == getattr(record, quoted)


def _texts(draw_text: str) -> tuple[str, str]:
    return draw_text, normalize(draw_text)


@given(any_text)
def test_outline_spans(raw: str) -> None:
    for text in _texts(raw):
        sections = parse_outline(text)
        _check_spans(text, sections, quoted=None)
        for s in sections:
            assert text[s.label_start : s.label_end] == s.label
            assert text[s.title_start : s.title_end] == s.title
            assert s.start <= s.body_end <= len(text)


@given(any_text)
def test_quantities_spans(raw: str) -> None:
    for text in _texts(raw):
        _check_spans(text, extract_quantities(text))


@given(any_text, st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))))
def test_times_spans(raw: str, anchor) -> None:
    for text in _texts(raw):
        _check_spans(text, extract_times(text, anchor=anchor))


@given(any_text)
def test_citations_spans(raw: str) -> None:
    for text in _texts(raw):
        citations = extract_citations(text)
        _check_spans(text, citations)
        for c in citations:
            assert c.title in c.text


@given(any_text)
def test_claims_spans(raw: str) -> None:
    for text in _texts(raw):
        claims = extract_claims(text)
        _check_spans(text, claims)
        for c in claims:
            for start, end in c.figure_spans.values():
                assert c.start <= start < end <= c.end


@given(any_text)
def test_measures_spans(raw: str) -> None:
    for text in _texts(raw):
        _check_spans(text, extract_measures(text, parse_outline(text)), quoted=None)


@given(any_text)
def test_metadata_evidence_spans(raw: str) -> None:
    for text in _texts(raw):
        meta = extract_metadata(text, parse_outline(text))
        for start, end in meta.evidence.values():
            assert 0 <= start <= end <= len(text)


@given(st.integers(min_value=-(10**16) + 1, max_value=10**16 - 1))
def test_chinese_numerals_round_trip(n: int) -> None:
    assert parse_numeral(to_chinese(n)) == n
    assert parse_numeral(str(n)) == n


def test_chinese_numerals_examples() -> None:
    assert to_chinese(12305) == "一万二千三百零五"
    assert parse_numeral("一万二千三百零五") == 12305
    assert to_chinese(100010) == "十万零一十"


@given(st.text(max_size=60))
def test_parse_numeral_never_raises(text: str) -> None:
    value = parse_numeral(text)
    assert value is None or isinstance(value, (int, float))
