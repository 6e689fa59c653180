"""Write one text as TXT, PDF, DOCX and HTML test fixtures (and broken variants).

Shared by the reader tests and any test that wants the same report through
several formats.  Everything is generated into a directory the caller owns
(pytest's ``tmp_path``); nothing is committed.

- PDF: reportlab with the built-in CID font STSong-Light (pdfplumber maps its
  glyphs back to Unicode), first-line indent of two characters, a running
  header and footer, ``- n -`` page numbers, headings drawn twice slightly
  offset (fake bold), and the page break placed inside a sentence.
- DOCX: python-docx; heading labels (一、 / (一) / 1.) removed from the text
  and produced by a multi-level Word list instead.
- HTML: a government-style page with navigation, scripts, a share bar, a
  sidebar of links and a footer around the report.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

HEADER = "中共重庆市委统战部文件"
FOOTER = "重庆市委统战部巡视整改进展情况通报"

# Heading markers the DOCX generator turns into Word list levels.
_LEVELS = (
    (0, re.compile(r"^[一二三四五六七八九十]+、")),
    (1, re.compile(r"^[(（][一二三四五六七八九十]+[)）]")),
    (2, re.compile(r"^\d{1,2}[.．](?!\d)")),
)


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


# ---------------------------------------------------------------- TXT

def write_txt(text: str, path: Path, *, encoding: str = "utf-8", newline: str = "\n") -> Path:
    """``encoding`` is a Python codec ("utf-8", "utf-8-sig", "gb18030", "utf-16")."""
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


# ---------------------------------------------------------------- PDF

def _cid_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    name = "STSong-Light"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(name))
    return name


def _wrap(paragraph: str, width: float, font: str, size: float, indent: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    current = ""
    avail = width - indent
    for ch in paragraph:
        if current and stringWidth(current + ch, font, size) > avail:
            lines.append(current)
            current = ""
            avail = width
        current += ch
    if current:
        lines.append(current)
    return lines


def layout_pdf_lines(text: str, *, width: float, font_size: float) -> list[tuple[str, bool, bool]]:
    """(line, first_of_paragraph, last_of_paragraph) for every printed line."""
    font = _cid_font()
    out = []
    for para in paragraphs(text):
        wrapped = _wrap(para, width, font, font_size, indent=2 * font_size)
        for i, line in enumerate(wrapped):
            out.append((line, i == 0, i == len(wrapped) - 1))
    return out


def write_pdf(
    text: str,
    path: Path,
    *,
    pages: int = 2,
    font_size: float = 7.0,
    header: str | None = HEADER,
    footer: str | None = FOOTER,
    page_numbers: bool = True,
    fake_bold_headings: bool = True,
) -> Path:
    """Draw ``text`` on ``pages`` A4 pages; the page breaks fall inside sentences."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _cid_font()
    page_w, page_h = A4
    left, right = 72.0, 72.0
    width = page_w - left - right
    leading = font_size * 1.25
    lines = layout_pdf_lines(text, width=width, font_size=font_size)

    # Break pages after a line that is inside a paragraph and not at a sentence end.
    breaks: list[int] = []
    for k in range(1, pages):
        target = len(lines) * k // pages
        i = target
        while i < len(lines) and (lines[i - 1][2] or lines[i - 1][0].endswith(("。", ",", ";", ":"))):
            i += 1
        breaks.append(i)
    chunks = [lines[a:b] for a, b in zip([0] + breaks, breaks + [len(lines)])]
    top_y = page_h - 60
    if top_y - leading * max(len(c) for c in chunks) < 55:
        raise ValueError("text does not fit; lower font_size or raise pages")

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle("巡视整改进展情况的通报")
    for number, chunk in enumerate(chunks, start=1):
        if header:
            c.setFont(font, 9)
            c.drawCentredString(page_w / 2, page_h - 36, header)
        y = top_y
        for line, first, _last in chunk:
            c.setFont(font, font_size)
            x = left + (2 * font_size if first else 0)
            c.drawString(x, y, line)
            if fake_bold_headings and first and re.match(r"^[一二三四五六七八九十]+、", line):
                c.drawString(x + 0.3, y, line)  # the same glyphs again, offset: "fake bold"
            y -= leading
        if footer:
            c.setFont(font, 8)
            c.drawCentredString(page_w / 2, 40, footer)
        if page_numbers:
            c.setFont(font, 9)
            c.drawCentredString(page_w / 2, 26, f"- {number} -")
        c.showPage()
    c.save()
    return path


def pdf_page_break_context(text: str, *, pages: int = 2, font_size: float = 7.0) -> list[tuple[str, str]]:
    """(last line of page k, first line of page k+1) as write_pdf lays them out."""
    from reportlab.lib.pagesizes import A4

    width = A4[0] - 144.0
    lines = layout_pdf_lines(text, width=width, font_size=font_size)
    out = []
    for k in range(1, pages):
        i = len(lines) * k // pages
        while i < len(lines) and (lines[i - 1][2] or lines[i - 1][0].endswith(("。", ",", ";", ":"))):
            i += 1
        out.append((lines[i - 1][0], lines[i][0]))
    return out


def write_encrypted_pdf(path: Path, *, password: str = "secret") -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt=password)
    c.setFont(_cid_font(), 12)
    c.drawString(72, 720, "巡视整改进展情况")
    c.showPage()
    c.save()
    return path


def write_image_only_pdf(path: Path, *, pages: int = 2) -> Path:
    """Pages with only drawn shapes: what a scan without OCR looks like to a text extractor."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for _ in range(pages):
        c.setFillGray(0.3)
        c.rect(72, 400, 300, 200, fill=1)
        c.line(72, 380, 372, 380)
        c.showPage()
    c.save()
    return path


def write_truncated_pdf(text: str, path: Path) -> Path:
    buf = io.BytesIO()
    scratch = path.with_suffix(".full.pdf")
    write_pdf(text, scratch)
    data = scratch.read_bytes()
    scratch.unlink()
    buf.write(data[: len(data) // 2])
    path.write_bytes(buf.getvalue())
    return path


# ---------------------------------------------------------------- DOCX

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_LIST_XML = f"""
<w:abstractNum xmlns:w="{_W_NS}" w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
"""
_NUM_XML = f'<w:num xmlns:w="{_W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def strip_heading_label(line: str) -> tuple[int | None, str]:
    for level, pattern in _LEVELS:
        m = pattern.match(line)
        if m:
            return level, line[m.end():]
    return None, line


def write_docx(text: str, path: Path, *, auto_numbering: bool = True, title: str | None = None) -> Path:
    """One Word paragraph per line; heading labels become a Word list when ``auto_numbering``."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = docx.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstract = parse_xml(_LIST_XML)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(_NUM_XML))
    if title:
        document.core_properties.title = title
    for para in paragraphs(text):
        level, rest = strip_heading_label(para) if auto_numbering else (None, para)
        p = document.add_paragraph(rest)
        if level is not None:
            ppr = p._p.get_or_add_pPr()
            numpr = parse_xml(
                f'<w:numPr xmlns:w="{_W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
            )
            ppr.append(numpr)
        else:
            p.paragraph_format.first_line_indent = docx.shared.Pt(24)
    document.save(str(path))
    return path


# ---------------------------------------------------------------- HTML

def write_html(
    text: str,
    path: Path,
    *,
    title: str = "中共重庆市委统战部关于巡视整改进展情况的通报",
    date: str = "2022-07-19",
    meta_date: bool = False,
    content_id: str | None = "zoom",
    encoding: str = "utf-8",
) -> Path:
    """A portal page around ``text``; ``content_id=None`` leaves the content block unnamed."""
    esc = html.escape
    paras = paragraphs(text)
    body = "\n".join(f'<p style="text-indent:2em">{esc(p)}</p>' for p in paras[:-2])
    body += f"\n<p style=\"text-align:right\">{esc(paras[-2])}<br>{esc(paras[-1])}</p>" if len(paras) >= 2 else ""
    content_attr = f' id="{content_id}"' if content_id else ""
    meta = f'<meta name="PubDate" content="{date} 09:30">' if meta_date else ""
    charset = {"utf-8": "utf-8", "gb18030": "gb2312"}.get(encoding, encoding)
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
{meta}
<title>{esc(title)}_重庆市委统战部网站</title>
<style>.nav {{ color: red; }} /* 首页 导航 */</style>
<script>var siteName = "重庆统一战线网 巡视整改 一、脚本里的文字"; document.write("统计代码");</script>
</head>
<body>
<div class="header"><img src="logo.png" alt="重庆统一战线"><span>重庆统一战线网</span></div>
<div class="nav"><ul>
<li><a href="/">首页</a></li><li><a href="/a">统战要闻</a></li><li><a href="/b">巡视整改</a></li>
<li><a href="/c">政策法规</a></li><li><a href="/d">党派工作</a></li></ul></div>
<div class="position">当前位置:<a href="/">首页</a> &gt; <a href="/b">巡视整改</a></div>
<div class="main">
<div class="article">
<h1>{esc(title)}</h1>
<div class="info">发布时间:{date.replace('-', '-')} 来源:市委统战部 字号:<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
<div{content_attr} class="article-body">
{body}
</div>
<div class="bshare-custom">分享到:<a href="#">微信</a><a href="#">微博</a><a href="#">QQ空间</a></div>
<div class="print"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
</div>
<div class="sidebar"><h3>相关文章</h3><ul>
<li><a href="/x1">市委统战部召开巡视整改专题民主生活会</a></li>
<li><a href="/x2">市委第十巡视组向市委统战部反馈巡视情况</a></li>
<li><a href="/x3">全市统战系统警示教育大会召开</a></li></ul></div>
</div>
<div class="footer"><p>版权所有:中共重庆市委统战部 渝ICP备05004563号</p><p>地址:重庆市江北区北滨一路359号</p></div>
<script type="text/javascript">(function() {{ var hm = "百度统计"; }})();</script>
</body>
</html>
"""
    path.write_bytes(page.encode(encoding))
    return path


def write_all(text: str, directory: Path, *, stem: str = "report") -> dict[str, Path]:
    """The TXT, PDF, DOCX and HTML versions of ``text`` in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    return {
        "txt": write_txt(text, directory / f"{stem}.txt"),
        "pdf": write_pdf(text, directory / f"{stem}.pdf"),
        "docx": write_docx(text, directory / f"{stem}.docx"),
        "html": write_html(text, directory / f"{stem}.html"),
    }
