"""HTML reader (lxml): the main text of a (government) web page.

Pages wrap a report in navigation, banners, share bars, related-link lists
and footers.  We drop what is never content (scripts, styles, forms, nav,
header/footer/aside, link-dense blocks, elements whose id/class says nav,
menu, footer, share, breadcrumb, sidebar, copyright ...), then choose the main
block: a container with a well-known content id/class (zoom, TRS_Editor,
content, article ...) if it holds most of the text, otherwise the smallest
element that still holds most of the page's text.  Block elements become line
breaks; the title and publish date come from the page's metadata or the
"发布时间: ..." line before pruning.
"""

from __future__ import annotations

import re

from pipeline.errors import InputError
from pipeline.limits import Limits
from pipeline.read.encoding import decode_bytes, universal_newlines
from pipeline.read.layout import tidy_lines
from pipeline.records import RawDocument

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button",
              "select", "input", "textarea", "template", "svg", "canvas", "object", "embed", "map", "link", "meta")
_JUNK_NAME = re.compile(
    r"(?:^|[\s_\-])(?:nav|navbar|navigation|menu|menus|footer|foot|share|bshare|sharebar|breadcrumb|crumb|crumbs|"
    r"position|location|sidebar|side|copyright|banner|topbar|toolbar|login|search|related|relate|comment|comments|"
    r"ad|ads|advert|qrcode|ewm|print|fontsize|font-size)(?:$|[\s_\-\d])",
    re.IGNORECASE,
)
_CONTENT_NAME = re.compile(
    r"^(?:zoom|content|contents|article|articlecontent|article[-_]content|article[-_]body|trs_editor|trs_ueditor|"
    r"custom_unionstyle|main[-_]?content|maincontent|pages_content|page[-_]content|detail|detail[-_]content|"
    r"news[-_]?content|newscontent|art[-_]con|arc[-_]content|view|view[-_]content|text|con|txt|main[-_]?text|"
    r"xxgk[-_]content|bt[-_]content|wzy[-_]content|ccontent|con[-_]text|content[-_]text|zw|zhengwen)$",
    re.IGNORECASE,
)
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
               "table", "tr", "tbody", "thead", "tfoot", "blockquote", "pre", "dl", "dt", "dd", "center", "address",
               "figure", "figcaption", "hr", "caption", "body", "html"}
_CELL_TAGS = {"td", "th"}
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
# Whitespace from source line wrapping ("\x01" below) vanishes between two Han
# characters; a typed space is kept (as one space), as a browser shows it.
_WRAP = "\x01"
_SOURCE_WS = re.compile(r"[ \t\n\r\f]+")
_RUN = re.compile(r"[ \x01]+")
_HAN_PUNCT = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’—…]")
_COUNTED = re.compile(r"[\u3400-\u9fff]|[A-Za-z0-9]+")

_DATE_META = ("pubdate", "publishdate", "publish_date", "publishtime", "article:published_time", "og:release_date",
              "dc.date", "dc.date.issued", "dc.date.created", "dcterms.issued", "dcterms.created", "firstpublishedtime",
              "releasedate", "weibo:article:create_at", "createdate", "maketime")
_TITLE_META = ("articletitle", "og:title", "title", "dc.title")
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")
_DATE_LINE = re.compile(
    r"(?:发布时间|发布日期|发文日期|成文日期|发稿时间|更新时间|日期|时间|发布于)\s*[:：]?\s*" + _DATE.pattern
)
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|--|—|\s-\s)\s*")


def read_html(data: bytes, *, limits: Limits) -> RawDocument:
    if len(data) > limits.max_html_bytes:
        raise InputError("too_large", f"HTML page is {len(data):,} bytes, limit is {limits.max_html_bytes:,}")
    match = _META_CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii", "ignore") if match else None
    source, codec = decode_bytes(data, declared=declared)
    source = _XML_DECL.sub("", universal_newlines(source), count=1)
    if not source.strip():
        raise InputError("empty_file", "HTML page is empty")

    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(source)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError("corrupt_html", f"HTML could not be parsed: {str(exc)[:160]}") from None

    metas = _metas(root)
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        _remove(el)
    for el in list(root.iter(*_DROP_TAGS)):
        if el.tag in {"header", "footer"} and _CONTENT_NAME.match(el.get("id") or ""):
            continue
        _remove(el)
    page_text = "\n".join(_render(root))
    title = _title(root, metas)
    date = _publish_date(metas, page_text)

    _prune_named(root)
    _prune_link_lists(root)
    main = _main_block(root)
    lines = tidy_lines(_render(main))
    text = "\n".join(lines)
    if not text:
        raise InputError("empty_file", "HTML page holds no text")
    limits.check_chars(text)
    return RawDocument(text=text, format="html", encoding=codec, title=title, publish_date=date)


def _remove(el) -> None:
    """Drop an element but keep the text that follows it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _metas(root) -> dict[str, str]:
    out: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
        value = (meta.get("content") or "").strip()
        if key and value and key not in out:
            out[key] = value
    return out


def _clean(text: str) -> str:
    return _HTML_SPACE.sub(" ", text).strip()


def _title(root, metas: dict[str, str]) -> str | None:
    for key in _TITLE_META:
        if metas.get(key):
            return _clean(metas[key])
    page_title = None
    title_el = root.find(".//title")
    if title_el is not None and title_el.text_content().strip():
        page_title = _clean(title_el.text_content())
    for tag in ("h1", "h2"):
        for heading in root.iter(tag):
            text = _clean(heading.text_content())
            if 4 <= len(text) <= 120 and (page_title is None or text in page_title or page_title in text):
                return text
    if page_title:
        pieces = [p for p in _TITLE_SPLIT.split(page_title) if p]
        return pieces[0] if pieces else page_title  # "article title_site name" is the usual order
    return None


def _iso(match: re.Match) -> str | None:
    year, month, day = (int(g) for g in match.groups())
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _publish_date(metas: dict[str, str], page_text: str) -> str | None:
    for key in _DATE_META:
        value = metas.get(key)
        if value:
            match = _DATE.search(value)
            if match and _iso(match):
                return _iso(match)
    match = _DATE_LINE.search(page_text[:5000])
    if match:
        return _iso(match)
    return None


def _names(el) -> str:
    return f"{el.get('id') or ''} {el.get('class') or ''}".strip()


def _is_content_name(el) -> bool:
    ident = el.get("id") or ""
    if ident and _CONTENT_NAME.match(ident):
        return True
    return any(_CONTENT_NAME.match(token) for token in (el.get("class") or "").split())


def _prune_named(root) -> None:
    """Drop nav/menu/footer/share... blocks, unless one holds most of the page's text.

    The guard keeps a page whose whole layout sits in, say, ``<div class="main-nav-wrap">``.
    """
    body = root.find("body")
    total = _count((body if body is not None else root).text_content())
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el is root or el is body or el.getparent() is None:
            continue
        names = _names(el)
        if names and _JUNK_NAME.search(names) and not _is_content_name(el):
            if total and _count(el.text_content()) > 0.5 * total:
                continue
            _remove(el)


def _count(text: str) -> int:
    return len(_COUNTED.findall(text))


def _prune_link_lists(root) -> None:
    """Remove blocks that are mostly links (menus, related-article lists)."""
    for el in list(root.iter("ul", "ol", "dl", "div", "table", "section")):
        if el.getparent() is None or _is_content_name(el):
            continue
        total = _count(el.text_content())
        if total == 0:
            continue
        linked = sum(_count(a.text_content()) for a in el.iter("a"))
        if linked / total > 0.5:
            _remove(el)


def _depth(el) -> int:
    depth = 0
    while el is not None:
        depth += 1
        el = el.getparent()
    return depth


def _main_block(root):
    body = root.find("body")
    if body is None:
        body = root
    total = _count(body.text_content())
    if total == 0:
        return body
    named = [(el, _count(el.text_content())) for el in body.iter() if isinstance(el.tag, str) and _is_content_name(el)]
    named = [(el, n) for el, n in named if n >= 0.4 * total and n >= 20]
    if named:
        best = max(n for _, n in named)
        close = [el for el, n in named if n >= 0.85 * best]
        return max(close, key=_depth)
    node, node_count = body, total
    while True:
        children = [(child, _count(child.text_content())) for child in node if isinstance(child.tag, str)]
        if not children:
            return node
        child, count = max(children, key=lambda pair: pair[1])
        if count < 0.7 * node_count or child.tag in _CELL_TAGS or child.tag in {"p", "li", "tr"}:
            return node
        node, node_count = child, count


def _render(el) -> list[str]:
    pieces: list[str] = []
    _render_into(el, pieces)
    text = "".join(pieces)
    return [_RUN.sub(_collapse, line) for line in text.split("\n")]


def _collapse(match: re.Match) -> str:
    run = match.group()
    if " " in run:
        return " "
    line, start, end = match.string, match.start(), match.end()
    if start > 0 and end < len(line) and _HAN_PUNCT.match(line[start - 1]) and _HAN_PUNCT.match(line[end]):
        return ""
    return " "


def _source_ws(match: re.Match) -> str:
    return _WRAP if "\n" in match.group() or "\r" in match.group() else " "


def _render_into(el, pieces: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "br":
        pieces.append("\n")
    else:
        block = tag in _BLOCK_TAGS
        if block:
            pieces.append("\n")
        if el.text and tag:
            pieces.append(_SOURCE_WS.sub(_source_ws, el.text))
        for child in el:
            _render_into(child, pieces)
        if tag in _CELL_TAGS:
            pieces.append("\t")
        if block:
            pieces.append("\n")
    if el.tail:
        pieces.append(_SOURCE_WS.sub(_source_ws, el.tail))
