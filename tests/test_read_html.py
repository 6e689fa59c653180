"""HTML details: main-block choice without a known id, charsets, dates, whitespace."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docgen  # noqa: E402

from pipeline.read import read_bytes, read_document  # noqa: E402

SAMPLE = (Path(__file__).resolve().parents[1] / "corpus" / "progress_cq_tzb_2022.txt").read_text(encoding="utf-8")
PARAS = docgen.paragraphs(SAMPLE)


@pytest.mark.parametrize("content_id", ["zoom", None])
def test_read_html_main_block_with_and_without_known_id(content_id, tmp_path):
    path = docgen.write_html(SAMPLE, tmp_path / "p.html", content_id=content_id)
    doc = read_document(path)
    assert doc.text.split("\n") == PARAS
    assert "相关文章" not in doc.text and "当前位置" not in doc.text


def test_read_html_meta_charset_gb2312_and_meta_date(tmp_path):
    path = docgen.write_html(SAMPLE, tmp_path / "g.html", encoding="gb18030", meta_date=True, date="2022-07-20")
    doc = read_document(path)
    assert doc.encoding == "gb18030"
    assert doc.publish_date == "2022-07-20"  # the meta tag wins over the 发布时间 line
    assert doc.text.split("\n") == PARAS


def test_read_html_whitespace_and_breaks():
    page = (
        "<html><head><title>通知 - 某市政府网</title></head><body><div id='content'>"
        "<p>第一段文字很长,源代码在这里\n      换行了。</p><p>百年统战 砥砺初心</p>"
        "<p>中共某市委<br/>2022年7月19日</p><table><tr><td>序号</td><td>问题</td></tr></table>"
        "</div></body></html>"
    ).encode("utf-8")
    doc = read_bytes(page, name="x.html")
    assert doc.text.split("\n") == [
        "第一段文字很长,源代码在这里换行了。",
        "百年统战 砥砺初心",
        "中共某市委",
        "2022年7月19日",
        "序号\t问题",
    ]
    assert doc.title == "通知"


def test_read_html_sniffed_without_extension():
    page = "<!DOCTYPE html><html><body><p>发布日期:2021年3月5日</p><p>正文内容。</p></body></html>"
    doc = read_bytes(page.encode("utf-8"), name="download")
    assert doc.format == "html"
    assert doc.publish_date == "2021-03-05"


def test_read_html_junk_named_wrapper_holding_the_page_is_kept():
    page = (
        "<html><body><div class='nav-wrap'><ul><li><a href='/'>首页</a></li></ul>"
        "<div class='main'><p>" + "整改工作扎实推进。" * 20 + "</p><p>第二段。</p></div></div></body></html>"
    )
    doc = read_bytes(page.encode("utf-8"), name="a.html")
    assert doc.text.split("\n") == ["整改工作扎实推进。" * 20, "第二段。"]
