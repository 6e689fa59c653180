import json
from pathlib import Path

import pytest

from pipeline.extract.citations import extract_citations
from pipeline.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpus" / "gold" / "progress_cq_tzb_2022.gold.json"


def test_citations_gold_report_all_found_exactly():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    text = normalize((ROOT / "corpus" / gold["document"]["file"]).read_text(encoding="utf-8"))
    expected = {(c["start"], c["end"], c["text"], c["title"]) for c in gold["documents_cited"]}
    found = {(c.start, c.end, c.text, c.title) for c in extract_citations(text)}
    assert found == expected
    assert len(found) == 33


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("制定《整改方案》。", [("《整改方案》", "整改方案")]),
        ("学习《关于学习《条例》的通知》。", [("《关于学习《条例》的通知》", "关于学习《条例》的通知")]),
        # 〈〉 fold to 《》 in normalization, so nested titles written with them stay nested
        (normalize("印发《关于贯彻〈条例〉的实施办法》"), [("《关于贯彻《条例》的实施办法》", "关于贯彻《条例》的实施办法")]),
        ("《A》、《B》", [("《A》", "A"), ("《B》", "B")]),
        ("《甲《乙《丙》》丁》", [("《甲《乙《丙》》丁》", "甲《乙《丙》》丁")]),
    ],
)
def test_citations_balanced_and_nested(text, expected):
    assert [(c.text, c.title) for c in extract_citations(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("印发《未闭合的标题\n下一段《完整》", ["《完整》"]),  # open at line end: dropped
        ("《外层未闭合《内层》继续\n", ["《内层》"]),  # complete inner pair recovered
        ("多余的》右括号《正常》", ["《正常》"]),  # stray close ignored
        ("空的《》标题", []),
        ("没有书名号", []),
    ],
)
def test_citations_unbalanced_skipped(text, expected):
    assert [c.text for c in extract_citations(text)] == expected


def test_citations_offsets_point_into_text():
    text = "前文\n根据《中国共产党统一战线工作条例》和《条例》要求"
    for c in extract_citations(text):
        assert text[c.start : c.end] == c.text
        assert c.text == f"《{c.title}》"
