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



# ------------------------------------------------ PDF, as WPS/Word export it

GOV_TITLE = "中共重庆市委统战部关于巡视整改进展情况的通报"
# 版头: the issuer's name in red, on page 1 only (GB/T 9704 layout).
GOV_MASTHEAD = "中共重庆市委统战部文件"
GOV_TABLE = [
    ["序号", "反馈问题", "整改措施", "完成情况"],
    ["1", "学习贯彻习近平总书记关于统一战线工作的重要思想不够深入", "制定理论学习中心组年度学习计划,开展专题学习研讨6次", "已完成"],
    ["2", "落实意识形态工作责任制有差距", "修订意识形态工作责任制实施细则,每半年专题研究1次", "已完成"],
    ["3", "干部队伍建设统筹谋划不够", "制定干部队伍建设规划(2022—2026年)", "持续推进"],
]
_MM = 72 / 25.4


def gov_page_number(number: int) -> str:
    """The page number as GB/T 9704 prints it: an em dash on each side."""
    return f"— {number} —"


def _runs(paragraph: str, *, heading_size: float, body_size: float) -> list[tuple[str, float, bool]]:
    """Style runs (text, size, bold) of one paragraph.

    一、 headings are set bold and larger (黑体 in the original); the lead
    phrase of a (一) paragraph up to the first 。 is set bold at body size on the
    same line as the body that follows (楷体 in the original).
    """
    if re.match(r"^[一二三四五六七八九十]+、", paragraph):
        return [(paragraph, heading_size, True)]
    m = re.match(r"^[(（][一二三四五六七八九十]+[)）][^。]{1,60}。", paragraph)
    if m:
        return [(m.group(), body_size, True), (paragraph[m.end():], body_size, False)]
    return [(paragraph, body_size, False)]


class _PagesFull(Exception):
    """Raised inside the layout once ``max_pages`` pages are out."""


class _GovLayout:
    """Flows styled paragraphs down the columns and pages of one canvas."""

    def __init__(self, path: Path, *, font_size: float, leading: float, columns: int, bold: str,
                 justify: bool, page_numbers: bool, max_pages: int | None, title: str | None):
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas

        self.font = _cid_font()
        self.size, self.leading, self.columns = font_size, leading, columns
        self.bold, self.justify, self.page_numbers, self.max_pages = bold, justify, page_numbers, max_pages
        self.page_w, self.page_h = A4
        self.left, self.right, self.top, self.bottom = 28 * _MM, 26 * _MM, 37 * _MM, 35 * _MM
        self.width = self.page_w - self.left - self.right
        self.gutter = 2 * font_size
        self.col_w = (self.width - self.gutter * (columns - 1)) / columns
        self.canvas = canvas.Canvas(str(path), pagesize=A4)
        if title:
            self.canvas.setTitle(title)
        self.page, self.col, self.y = 1, 0, self.page_h - self.top
        self.column_top = self.y

    def width_of(self, text: str, size: float) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(text, self.font, size)

    def masthead(self, text: str) -> None:
        c = self.canvas
        size = 30.0
        while self.width_of(text, size) > self.width:
            size -= 1
        c.setFillColorRGB(0.85, 0, 0)
        c.setStrokeColorRGB(0.85, 0, 0)
        c.setFont(self.font, size)
        c.drawCentredString(self.page_w / 2, self.y - size, text)
        rule = self.y - size - 14
        c.setLineWidth(1.5)
        c.line(self.left, rule, self.page_w - self.right, rule)
        c.setFillColorRGB(0, 0, 0)
        c.setStrokeColorRGB(0, 0, 0)
        self.y = self.column_top = rule - 24

    def title(self, text: str) -> None:
        size = self.size + 6
        self.canvas.setFont(self.font, size)
        self.y -= size
        self.canvas.drawCentredString(self.page_w / 2, self.y, text)
        self.y -= size
        self.column_top = self.y

    def finish_page(self) -> None:
        if self.page_numbers:
            label = gov_page_number(self.page)
            self.canvas.setFont(self.font, self.size)
            y = self.bottom - 7 * _MM - self.size
            w = self.width_of(label, self.size)
            x = self.page_w - self.right - self.size - w if self.page % 2 else self.left + self.size
            self.canvas.drawString(x, y, label)
        self.canvas.showPage()
        self.page += 1
        self.col, self.y = 0, self.page_h - self.top
        self.column_top = self.y
        if self.max_pages and self.page > self.max_pages:
            raise _PagesFull

    def room(self, height: float) -> None:
        if self.y - height >= self.bottom:
            return
        if self.col + 1 < self.columns:
            self.col += 1
            self.y = self.column_top
        else:
            self.finish_page()

    def wrap(self, runs, indent: float):
        """Lines of a styled paragraph: each a list of (char, size, bold) and its natural width."""
        lines, current, used, avail = [], [], 0.0, self.col_w - indent
        for text, size, bold in runs:
            for ch in text:
                w = self.width_of(ch, size)
                if current and used + w > avail + 0.01:
                    lines.append((current, used))
                    current, used, avail = [], 0.0, self.col_w
                current.append((ch, size, bold))
                used += w
        if current:
            lines.append((current, used))
        return lines

    def glyphs(self, x: float, y: float, glyphs, spacing: float) -> None:
        """One text object per style run, justified with character spacing (Tc) as word processors do."""
        c = self.canvas
        runs: list[tuple[str, float, bool]] = []
        for ch, size, bold in glyphs:
            if runs and runs[-1][1:] == (size, bold):
                runs[-1] = (runs[-1][0] + ch, size, bold)
            else:
                runs.append((ch, size, bold))
        for text, size, bold in runs:
            for dx in ((0.0, 0.3) if bold and self.bold == "double" else (0.0,)):
                t = c.beginText(x + dx, y)
                t.setFont(self.font, size)
                t.setCharSpace(spacing)
                if bold and self.bold == "stroke":
                    t.setTextRenderMode(2)
                    c.setLineWidth(size / 30)
                t.textOut(text)
                c.drawText(t)
            x += self.width_of(text, size) + spacing * len(text)

    def paragraph(self, runs) -> None:
        indent = 2 * self.size
        wrapped = self.wrap(runs, indent)
        for i, (glyphs, natural) in enumerate(wrapped):
            height = max(g[1] for g in glyphs) * self.leading
            self.room(height)
            self.y -= height
            first, last = i == 0, i == len(wrapped) - 1
            x = self.left + self.col * (self.col_w + self.gutter) + (indent if first else 0)
            avail = self.col_w - (indent if first else 0)
            spare = avail - natural if self.justify and not last and len(glyphs) > 1 else 0.0
            self.glyphs(x, self.y, glyphs, spare / max(1, len(glyphs) - 1))

    def table(self, rows: list[list[str]]) -> None:
        """A ruled grid over the full width, the first column narrow (序号), cells wrapped."""
        size = self.size - 2
        n = len(rows[0])
        widths = [3 * size] + [(self.width - 3 * size) / (n - 1)] * (n - 1)
        pad, lead = 3.0, size * 1.3
        c = self.canvas
        self.y -= lead
        for row in rows:
            cells = []
            for cell, w in zip(row, widths):
                lines, cur = [], ""
                for ch in cell:
                    if cur and self.width_of(cur + ch, size) > w - 2 * pad:
                        lines.append(cur)
                        cur = ""
                    cur += ch
                lines.append(cur)
                cells.append(lines)
            height = max(len(lines) for lines in cells) * lead + 2 * pad
            self.room(height)
            x, top = self.left, self.y
            c.setFont(self.font, size)
            c.setLineWidth(0.6)
            for lines, w in zip(cells, widths):
                c.rect(x, top - height, w, height)
                for k, line in enumerate(lines):
                    c.drawString(x + pad, top - pad - (k + 1) * lead + (lead - size) / 2, line)
                x += w
            self.y = top - height
        self.y -= lead


def write_gov_pdf(
    text: str,
    path: Path,
    *,
    font_size: float = 14.0,
    heading_size: float | None = None,
    leading: float = 1.55,
    columns: int = 1,
    title: str | None = GOV_TITLE,
    masthead: str | None = GOV_MASTHEAD,
    page_numbers: bool = True,
    bold: str = "stroke",
    justify: bool = True,
    table: list[list[str]] | None = None,
    table_after: int = 3,
    max_pages: int | None = None,
) -> Path:
    """``text`` laid out the way WPS/Word export a government report.

    A4 with GB/T 9704 margins (37/35/28/26 mm), a red masthead, a red rule
    and a centred title on page 1 only, first-line indents of two characters,
    justified lines (the spare width goes between the characters), 一、
    headings larger and bold, (一) lead phrases bold inline, page numbers
    ``— n —`` under the text block on the right of odd and the left of even
    pages.  ``bold`` is "stroke" (text render mode 2, what WPS writes for a
    font without a bold face) or "double" (the glyphs drawn twice, slightly
    offset).  ``columns=2`` flows the text down two columns per page;
    ``table`` (rows of cells) is drawn as a ruled grid after paragraph
    ``table_after``.  The text flows onto as many pages as it needs, or
    stops after ``max_pages`` full pages.
    """
    layout = _GovLayout(path, font_size=font_size, leading=leading, columns=columns, bold=bold,
                        justify=justify, page_numbers=page_numbers, max_pages=max_pages, title=title)
    heading_size = heading_size or font_size + 2
    try:
        if masthead:
            layout.masthead(masthead)
        if title:
            layout.title(title)
        for number, para in enumerate(paragraphs(text)):
            layout.paragraph(_runs(para, heading_size=heading_size, body_size=font_size))
            if table and number == table_after:
                layout.table(table)
        layout.finish_page()
    except _PagesFull:
        pass
    layout.canvas.save()
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
