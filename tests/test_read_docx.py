"""DOCX details: numbering rules, restarts, style-linked lists, tables, revisions."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml

from pipeline.read import read_document
from pipeline.read.numbering import format_number

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _add_list(document, num_id: int, levels: list[tuple[str, str]], *, start_override: int | None = None,
              abstract_id: int | None = None, style_links: dict[int, str] | None = None) -> None:
    numbering = document.part.numbering_part.element
    abstract_id = abstract_id if abstract_id is not None else num_id
    if numbering.find(f"{{{W_NS}}}abstractNum[@{{{W_NS}}}abstractNumId='{abstract_id}']") is None:
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            + (f'<w:pStyle w:val="{style_links[i]}"/>' if style_links and i in style_links else "")
            + f'<w:lvlText w:val="{text}"/></w:lvl>'
            for i, (fmt, text) in enumerate(levels)
        )
        abstract = parse_xml(f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>')
        first_num = numbering.find(f"{{{W_NS}}}num")
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_override}"/></w:lvlOverride>'
        if start_override else ""
    )
    numbering.append(parse_xml(
        f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
    ))


def _numbered(document, text: str, num_id: int, ilvl: int):
    p = document.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    ))
    return p


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCountingThousand", "十一"),
        (20, "chineseCounting", "二十"), (105, "chineseCountingThousand", "一百零五"),
        (3, "ideographTraditional", "丙"), (2, "decimalEnclosedCircle", "②"), (21, "decimalEnclosedCircle", "㉑"),
        (7, "decimal", "7"), (4, "upperRoman", "IV"), (12, "chineseLegalSimplified", "壹拾贰"),
        (3, "decimalFullWidth", "３"), (2, "lowerLetter", "b"),
    ],
)
def test_read_docx_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_read_docx_labels_restart_and_multilevel(tmp_path):
    document = docx.Document()
    _add_list(document, 107, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."),
                            ("decimal", "（%4）"), ("decimalEnclosedCircle", "%5")])
    _numbered(document, "总体情况", 107, 0)
    _numbered(document, "提高站位。正文", 107, 1)
    _numbered(document, "学习制度", 107, 2)
    _numbered(document, "细项", 107, 3)
    _numbered(document, "圈号", 107, 4)
    _numbered(document, "圈号二", 107, 4)
    _numbered(document, "第二个学习", 107, 2)
    _numbered(document, "加强领导", 107, 1)
    _numbered(document, "重新从1开始", 107, 2)
    _numbered(document, "第二部分", 107, 0)
    _numbered(document, "三、已经写了标号", 107, 0)  # label typed by hand too: not doubled
    _add_list(document, 108, [("decimal", "%1.")], abstract_id=107, start_override=1)
    _numbered(document, "新列表从头开始", 108, 0)
    path = tmp_path / "n.docx"
    document.save(str(path))
    lines = read_document(path).text.split("\n")
    assert lines == [
        "一、总体情况", "（一）提高站位。正文", "1.学习制度", "（1）细项", "①圈号", "②圈号二", "2.第二个学习",
        "（二）加强领导", "1.重新从1开始", "二、第二部分", "三、已经写了标号", "一、新列表从头开始",
    ]


def test_read_docx_style_linked_heading_numbering(tmp_path):
    document = docx.Document()
    _add_list(document, 105, [("chineseCounting", "%1、")], style_links={0: "Heading1"})
    styles = document.styles.element
    heading = styles.find(f"{{{W_NS}}}style[@{{{W_NS}}}styleId='Heading1']")
    ppr = heading.find(f"{{{W_NS}}}pPr")
    if ppr is None:
        ppr = parse_xml(f'<w:pPr xmlns:w="{W_NS}"/>')
        heading.append(ppr)
    ppr.insert(0, parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:numId w:val="105"/></w:numPr>'))
    document.add_heading("强化责任担当", level=1)
    document.add_paragraph("正文段落。")
    document.add_heading("深挖问题根源", level=1)
    path = tmp_path / "s.docx"
    document.save(str(path))
    assert read_document(path).text.split("\n") == ["一、强化责任担当", "正文段落。", "二、深挖问题根源"]


def test_read_docx_tables_in_order_and_title(tmp_path):
    document = docx.Document()
    document.core_properties.title = "问题清单"
    document.add_paragraph("表前段落。")
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([("序号", "问题", "责任单位"), ("1", "学习不够深入", "办公室")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 1).add_paragraph("第二段")
    document.add_paragraph("表后段落。")
    path = tmp_path / "t.docx"
    document.save(str(path))
    doc = read_document(path)
    assert doc.title == "问题清单"
    assert doc.text.split("\n") == ["表前段落。", "序号\t问题\t责任单位", "1\t学习不够深入 第二段\t办公室", "表后段落。"]


def test_read_docx_skips_deleted_revisions_and_field_codes(tmp_path):
    document = docx.Document()
    p = document.add_paragraph("保留")
    p._p.append(parse_xml(f'<w:del xmlns:w="{W_NS}" w:id="1" w:author="a"><w:r><w:delText>删除的</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins xmlns:w="{W_NS}" w:id="2" w:author="a"><w:r><w:t>插入的</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:instrText> PAGE </w:instrText></w:r>'))
    p._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:tab/><w:t>文字</w:t><w:br/><w:t>下一行</w:t></w:r>'))
    path = tmp_path / "r.docx"
    document.save(str(path))
    assert read_document(path).text == "保留插入的\t文字\n下一行"


def test_read_docx_enclosed_numbers_nest_in_the_outline(tmp_path):
    """Word's decimalEnclosedParen / decimalEnclosedFullstop numbers (⑴, ⒈) are the reader's labels: the outline
    read them as no heading, and the items under (一) were lost (heldout34 b, a Word export with ㈠ and ⑴)."""
    from pipeline.outline import parse_outline

    document = docx.Document()
    _add_list(document, 109, [("chineseCounting", "（%1）"), ("decimalEnclosedFullstop", "%2"),
                              ("decimalEnclosedParen", "%3")])
    _numbered(document, "关于党建工作融合不够的问题", 109, 0)
    _numbered(document, "修订议事规则。已完成。", 109, 1)
    _numbered(document, "健全支部。已完成。", 109, 1)
    _numbered(document, "细化清单。", 109, 2)
    _numbered(document, "关于采购监管不严的问题", 109, 0)
    path = tmp_path / "e.docx"
    document.save(str(path))
    text = read_document(path).text
    assert text.split("\n")[1:4] == ["⒈修订议事规则。已完成。", "⒉健全支部。已完成。", "⑴细化清单。"]
    sections = parse_outline(text)
    assert [(s.level, s.marker, text[s.label_start:s.label_end]) for s in sections] == [
        (1, "cn_paren", "（一）"), (2, "arabic", "⒈"), (2, "arabic", "⒉"), (3, "arabic_paren", "⑴"),
        (1, "cn_paren", "（二）"),
    ]
