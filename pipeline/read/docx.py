"""DOCX reader (python-docx for the package, our own walk over the body XML).

The body is walked in document order so tables stay where they are (one line
per row, cells separated by a tab).  Auto-numbered paragraphs get their label
rebuilt (see :mod:`pipeline.read.numbering`) because reports often number
their headings with Word lists, so the label never appears in the text.
Deleted revisions, field codes, fallback copies of drawings and hidden text
(``w:vanish``, directly or through a character style: Word does not show or
print it) are skipped; text boxes are emitted after the paragraph that anchors them.
"""

from __future__ import annotations

import io
import zipfile

from pipeline.errors import InputError
from pipeline.limits import Limits
from pipeline.read.layout import tidy_lines
from pipeline.read.numbering import W, Numbering
from pipeline.records import RawDocument

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = W + "p", W + "tbl", W + "tr", W + "tc", W + "sdt", W + "sdtContent"
_T, _TAB, _BR, _CR = W + "t", W + "tab", W + "br", W + "cr"
_NB_HYPHEN, _SYM, _TXBX = W + "noBreakHyphen", W + "sym", W + "txbxContent"
_SKIP = {W + "del", W + "delText", W + "instrText", W + "delInstrText", W + "pPr", W + "rPr", W + "moveFrom",
         _MC + "Fallback", W + "footnoteReference", W + "endnoteReference", W + "commentReference"}
_CONTAINERS = {W + "customXml", W + "ins", W + "moveTo", W + "smartTag", W + "hyperlink"}
_R, _RPR, _VANISH, _RSTYLE, _STYLE = W + "r", W + "rPr", W + "vanish", W + "rStyle", W + "style"
_OFF = {"0", "false", "off"}


def read_docx(data: bytes, *, limits: Limits) -> RawDocument:
    _check_package(data, limits)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        numbering = Numbering(_numbering_element(document))
        styles = _StyleNumbering(document, numbering)
    except InputError:
        raise
    except Exception as exc:  # python-docx/lxml raise many types on damaged packages
        raise InputError("corrupt_docx", f"corrupt DOCX: {type(exc).__name__}: {str(exc)[:160]}") from None

    walker = _BodyWalker(numbering, styles, _hidden_styles(document))
    try:
        walker.blocks(body)
    except RecursionError:
        raise InputError("too_deep", "DOCX body nests too deeply") from None
    if walker.hidden_chars:
        walker.warnings.append(f"{walker.hidden_chars} characters of hidden text (w:vanish) not read")
    lines = tidy_lines([ln for block in walker.out for ln in block.split("\n")])
    text = "\n".join(lines)
    limits.check_chars(text)
    if not text:
        raise InputError("empty_file", "DOCX document body holds no text")
    title = None
    try:
        title = (document.core_properties.title or "").strip() or None
    except Exception:  # damaged core.xml is not worth failing the document
        title = None
    return RawDocument(text=text, format="docx", encoding=None, title=title, warnings=walker.warnings)


def _check_package(data: bytes, limits: Limits) -> None:
    """Zip-bomb and nesting guards, before python-docx inflates anything."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError("not_a_zip", "not a DOCX: file is not a zip archive") from None
    with archive:
        limits.check_zip(archive, kind="DOCX", max_bytes=limits.max_docx_uncompressed_bytes)
        try:
            info = archive.getinfo("word/document.xml")
        except KeyError:
            raise InputError("corrupt_docx", "not a DOCX: word/document.xml is missing") from None
        if info.file_size > limits.max_docx_xml_bytes:
            raise InputError("too_large", f"word/document.xml is {info.file_size:,} bytes, limit is {limits.max_docx_xml_bytes:,}")
        _check_depth(archive, info, limits.max_xml_depth)


def _check_depth(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_depth: int) -> None:
    from lxml import etree

    depth = 0
    try:
        with archive.open(info) as stream:
            for event, _ in etree.iterparse(stream, events=("start", "end"), resolve_entities=False, no_network=True,
                                            huge_tree=True):
                if event == "start":
                    depth += 1
                    if depth > max_depth:
                        raise InputError("too_deep", f"DOCX body XML nests deeper than {max_depth} elements")
                else:
                    depth -= 1
    except InputError:
        raise
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise InputError("corrupt_docx", f"corrupt DOCX: word/document.xml: {str(exc)[:160]}") from None


def _numbering_element(document):
    try:
        part = document.part.numbering_part
    except (NotImplementedError, KeyError):
        return None
    return part.element if part is not None else None


class _StyleNumbering:
    """numPr inherited from paragraph styles (heading styles linked to a list)."""

    def __init__(self, document, numbering: Numbering) -> None:
        self._numbering = numbering
        self._own: dict[str, tuple[str | None, str | None]] = {}
        self._based_on: dict[str, str] = {}
        try:
            styles_el = document.styles.element
        except Exception:
            styles_el = None
        if styles_el is None:
            return
        for style in styles_el.iter(W + "style"):
            sid = style.get(W + "styleId")
            if not sid:
                continue
            based = style.find(W + "basedOn")
            if based is not None:
                self._based_on[sid] = based.get(W + "val")
            ppr = style.find(W + "pPr")
            numpr = ppr.find(W + "numPr") if ppr is not None else None
            if numpr is not None:
                num = numpr.find(W + "numId")
                lvl = numpr.find(W + "ilvl")
                self._own[sid] = (
                    num.get(W + "val") if num is not None else None,
                    lvl.get(W + "val") if lvl is not None else None,
                )

    def resolve(self, style_id: str) -> tuple[str | None, int | None]:
        seen = set()
        sid: str | None = style_id
        while sid and sid not in seen:
            seen.add(sid)
            if sid in self._own:
                num_id, ilvl = self._own[sid]
                if num_id is None:
                    return None, None
                if ilvl is None:
                    return num_id, self._numbering.level_for_style(num_id, style_id)
                try:
                    return num_id, int(ilvl)
                except ValueError:
                    return num_id, 0
            sid = self._based_on.get(sid)
        return None, None


class _BodyWalker:
    def __init__(self, numbering: Numbering, styles: _StyleNumbering, hidden_styles: frozenset[str]) -> None:
        self.numbering = numbering
        self.styles = styles
        self.hidden_styles = hidden_styles
        self.hidden_chars = 0
        self.out: list[str] = []
        self.warnings: list[str] = []

    def blocks(self, container) -> None:
        for child in container:
            tag = child.tag
            if tag == _P:
                self.paragraph(child)
            elif tag == _TBL:
                self.table(child)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self.blocks(content)
            elif tag in _CONTAINERS:
                self.blocks(child)

    def _cell_text(self, cell) -> str:
        saved, self.out = self.out, []
        self.blocks(cell)
        pieces = tidy_lines([ln for block in self.out for ln in block.split("\n")])
        self.out = saved
        return " ".join(pieces)

    def table(self, tbl) -> None:
        for row in tbl.iter(_TR):
            if row.getparent() is not tbl and row.getparent().getparent() is not tbl:
                continue  # rows of nested tables are read through their cell
            cells = [self._cell_text(tc) for tc in row if tc.tag == _TC]
            if not cells:
                cells = [self._cell_text(tc) for tc in row.iter(_TC) if tc.getparent() is row]
            line = "\t".join(cells)
            if line.strip():
                self.out.append(line)

    def paragraph(self, p) -> None:
        pieces: list[str] = []
        boxes: list = []
        hidden: list[str] = []
        _collect(p, pieces, boxes, self.hidden_styles, hidden)
        self.hidden_chars += sum(len(h) for h in hidden)
        text = "".join(pieces)
        label = self._label(p)
        if label:
            mark, separator = label
            if text.strip() and not text.lstrip(" \t\u3000").startswith(mark):
                text = mark + separator + text.lstrip(" \t\u3000")
        self.out.append(text)
        for box in boxes:
            self.blocks(box)

    def _label(self, p) -> tuple[str, str] | None:
        ppr = p.find(W + "pPr")
        num_id: str | None = None
        ilvl: int | None = None
        if ppr is not None:
            numpr = ppr.find(W + "numPr")
            if numpr is not None:
                num = numpr.find(W + "numId")
                lvl = numpr.find(W + "ilvl")
                num_id = num.get(W + "val") if num is not None else None
                try:
                    ilvl = int(lvl.get(W + "val")) if lvl is not None else None
                except (TypeError, ValueError):
                    ilvl = 0
            if num_id is None or ilvl is None:
                style = ppr.find(W + "pStyle")
                if style is not None:
                    style_num, style_lvl = self.styles.resolve(style.get(W + "val"))
                    num_id = num_id or style_num
                    ilvl = ilvl if ilvl is not None else style_lvl
        if not num_id or num_id == "0":
            return None
        return self.numbering.next_label(num_id, ilvl or 0)


def _on(element) -> bool:
    """A toggle property (w:vanish) is on unless its w:val says off."""
    return (element.get(W + "val") or "true").lower() not in _OFF


def _hidden_styles(document) -> frozenset[str]:
    """Ids of the styles that hide their text (w:vanish in the style's run properties)."""
    try:
        root = document.styles.element
    except Exception:  # a package without styles.xml hides nothing through styles
        return frozenset()
    out = set()
    for style in root.iter(_STYLE):
        rpr = style.find(_RPR)
        vanish = rpr.find(_VANISH) if rpr is not None else None
        if vanish is not None and _on(vanish):
            out.add(style.get(W + "styleId"))
    return frozenset(out)


def _hidden_run(run, hidden_styles: frozenset[str]) -> bool:
    rpr = run.find(_RPR)
    if rpr is None:
        return False
    vanish = rpr.find(_VANISH)
    if vanish is not None:
        return _on(vanish)
    style = rpr.find(_RSTYLE)
    return style is not None and style.get(W + "val") in hidden_styles


def _collect(el, pieces: list[str], boxes: list, hidden_styles: frozenset[str] = frozenset(),
             hidden: list[str] | None = None) -> None:
    """Visible text of a paragraph, in order; text boxes are set aside, hidden runs go to ``hidden``."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _R and _hidden_run(child, hidden_styles):
            if hidden is not None:
                _collect(child, hidden, [], hidden_styles)
            continue
        if tag == _T:
            pieces.append(child.text or "")
        elif tag == _TAB:
            pieces.append("\t")
        elif tag == _BR or tag == _CR:
            pieces.append("\n")
        elif tag == _NB_HYPHEN:
            pieces.append("-")
        elif tag == _SYM:
            code = child.get(W + "char") or ""
            try:
                value = int(code, 16)
            except ValueError:
                continue
            if value < 0xE000 or value > 0xF8FF:  # symbol-font private-use glyphs carry no meaning
                pieces.append(chr(value))
        elif tag == _TXBX:
            boxes.append(child)
        else:
            _collect(child, pieces, boxes, hidden_styles, hidden)
