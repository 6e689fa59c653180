"""A generated corpus of bad inputs: what an analyst's crawler really brings back.

``write_bad_corpus(folder)`` writes every case and returns {file name: expectation}:
either ``("ok", check)`` (read, with something to verify) or ``("error", error_type,
words the message must contain)``.  Each case is a few kilobytes except the
pathological runs, so the whole corpus runs in seconds.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from docgen import _cid_font, write_encrypted_pdf, write_image_only_pdf, write_truncated_pdf

REPORT = Path(__file__).resolve().parents[1] / "corpus" / "progress_cq_tzb_2022.txt"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
SHORT_REPORT = (
    "中共某县委关于巡察整改进展情况的通报\n"
    "一、整改工作总体情况\n"
    "截至2022年6月底,57项整改任务已整改完成52项,基本整改完成5项。追缴资金12345678901234567890元,清退12345678901234567890万元。\n"
    "二、具体整改情况\n"
    "(一)关于理论学习不深入的问题\n"
    "一是召开党委会18次,制定《学习制度》。二是开展培训3至5场。\n"
)
FORMULA_REPORT = (
    '=HYPERLINK("http://evil.example/x","点击查看")\n'
    "一、@SUM(A1:A9)整改情况\n"
    "+召开会议3次。\n"
    "-追回资金100万元。\n"
)


def _pdf(path: Path, pages: list[str | None], *, encrypt=None) -> Path:
    """One line of text per page (None: a page with a drawn shape only, like a scan)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt=encrypt)
    for text in pages:
        if text is None:
            c.rect(72, 400, 300, 200, fill=1)
        else:
            c.setFont(_cid_font(), 12)
            for i, line in enumerate(text.split("\n")):
                c.drawString(72, 720 - 18 * i, line)
        c.showPage()
    c.save()
    return path


def _shift_xref(path: Path) -> Path:
    """Shift every xref offset by 17 bytes (what a careless editor leaves): pdfminer sees no pages."""
    data = path.read_bytes()
    at = data.rindex(b"\nxref")
    tail = re.sub(rb"(\d{10}) (\d{5}) n", lambda m: b"%010d %s n" % (int(m.group(1)) + 17, m.group(2)), data[at:])
    path.write_bytes(data[:at] + tail)
    return path


#: CIDSystemInfo (Registry, Ordering) of a page's font, and what each reader makes of it (checked with
#: pdfminer.six 20260107 and PDFium 159.0.8149): a registry written as a name makes pdfminer's CID font
#: raise (the page "could not be parsed"), PDFium reads the page; a lowercase registry hides the GB1
#: collection from pdfminer (unmapped glyphs), PDFium goes by the ordering and maps it; the Identity
#: ordering without a ToUnicode map leaves both engines without text.
FONT_DEFECTS = {
    "sound": (b"(Adobe)", b"(GB1)"),
    "registry_name": (b"/Adobe", b"(GB1)"),
    "registry_lowercase": (b"(adobe)", b"(GB1)"),
    "identity_ordering": (b"(Adobe)", b"(Identity)"),
}
#: Three pages of a short report, each with the running header and its page number.
PAGED_REPORT = (
    ("一、整改工作总体情况", "　　截至2022年6月底,57项整改任务已完成52项,", "基本完成5项。"),
    ("二、具体整改情况", "(一)关于理论学习不深入的问题", "　　一是召开党委会18次,制定《学习制度》。"),
    ("三、下一步工作打算", "　　持续巩固整改成果,2022年底前完成剩余任务。"),
)
PAGED_HEADER = "中共某县民政局委员会文件"


def _gb1_cids(text: str) -> bytes:
    """Adobe-GB1 CIDs of ``text`` as an Identity-H string (hex), the way a PDF writer embeds them."""
    from pdfminer.cmapdb import CMapDB

    unicode_to_cid = CMapDB.get_cmap("UniGB-UCS2-H")
    cids = [cid for ch in text for cid in unicode_to_cid.decode(ch.encode("utf-16-be"))]
    return b"<" + b"".join(b"%04x" % cid for cid in cids) + b">"


def _cid_font_object(defect: str) -> bytes:
    registry, ordering = FONT_DEFECTS[defect]
    return (b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [ "
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /DW 1000 "
            b"/CIDSystemInfo << /Registry %s /Ordering %s /Supplement 0 >> "
            b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
            b"/FontBBox [ -25 -254 1000 880 ] /ItalicAngle 0 /Ascent 752 /Descent -271 /CapHeight 737 /StemV 58 >> "
            b">> ] >>" % (registry, ordering))


def _page_content(number: int, lines: tuple[str, ...]) -> bytes:
    """Header at the top, the lines (a leading ideographic space is a two-character indent), page number at the foot."""
    placed = [(72, 800, PAGED_HEADER)]
    for i, line in enumerate(lines):
        indent = len(line) - len(line.lstrip("　"))
        placed.append((72 + 12 * indent, 720 - 18 * i, line.lstrip("　")))
    placed.append((290, 40, f"- {number} -"))
    ops = [b"BT /F1 12 Tf"] + [b"1 0 0 1 %d %d Tm %s Tj" % (x, y, _gb1_cids(text)) for x, y, text in placed]
    return b"\n".join(ops + [b"ET"])


def write_font_defect_pdf(path: Path, defect: str, *, pages: tuple[int, ...] = (2,)) -> Path:
    """The three-page report with the font of ``pages`` (1-based) given ``defect`` (see FONT_DEFECTS).

    Written object by object (reportlab cannot write a broken font): every page has a font of its
    own, so one page can break while the others stay sound.  The bytes are the same on every run.
    """
    objects: dict[int, bytes] = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    kids = []
    for number, lines in enumerate(PAGED_REPORT, 1):
        font, content, page_obj = 3 * number, 3 * number + 1, 3 * number + 2
        objects[font] = _cid_font_object(defect if number in pages else "sound")
        stream = _page_content(number, lines)
        objects[content] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        objects[page_obj] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 595 842 ] "
                             b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font, content))
        kids.append(b"%d 0 R" % page_obj)
    objects[2] = b"<< /Type /Pages /Count %d /Kids [ %s ] >>" % (len(kids), b" ".join(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[number] for number in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    path.write_bytes(bytes(out))
    return path


def _hidden_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    p = document.add_paragraph("一、整改情况:召开会议3次。")
    hidden = p.add_run("内部批注:此段不公开,涉及经费999万元。")
    hidden.font.hidden = True
    document.add_paragraph("二、下一步打算")
    document.save(str(path))
    return path


def write_bad_corpus(folder: Path) -> dict[str, tuple]:
    """Write the corpus into ``folder``; return the expectation of every file."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    folder.mkdir(parents=True, exist_ok=True)
    expect: dict[str, tuple] = {}

    def ok(name: str, check: str) -> None:
        expect[name] = ("ok", check)

    def error(name: str, error_type: str, *words: str) -> None:
        expect[name] = ("error", error_type, words)

    (folder / "big_amount.txt").write_text(SHORT_REPORT, encoding="utf-8")
    ok("big_amount.txt", "value_exact")
    shutil.copy(folder / "big_amount.txt", folder / "big_amount_copy.txt")
    ok("big_amount_copy.txt", "duplicate")
    (folder / "formulas.txt").write_text(FORMULA_REPORT, encoding="utf-8")
    ok("formulas.txt", "formulas")
    (folder / "long_title.txt").write_text("一、" + "整改" * 20_000 + "\n二、其他\n", encoding="utf-8")
    ok("long_title.txt", "long_cell")
    (folder / "traditional.txt").write_text(_traditional(REPORT.read_text(encoding="utf-8")[:3000]), encoding="utf-8")
    ok("traditional.txt", "traditional")
    (folder / "numeral_run.txt").write_text("一二三四五六七八九十" * 3300, encoding="utf-8")  # ~96 KB
    ok("numeral_run.txt", "fast")
    (folder / "circled_run.txt").write_text("①②③④⑤⑥⑦⑧⑨⑩" * 800, encoding="utf-8")  # 24 KB
    ok("circled_run.txt", "fast")
    (folder / "digit_run.txt").write_text("1" * 6000 + "万元", encoding="utf-8")
    ok("digit_run.txt", "fast")

    owner = StandardEncryption("", ownerPassword="owner", canPrint=0, canModify=0, canCopy=0)
    _pdf(folder / "owner_password_cid.pdf", ["巡视整改进展情况的通报\n一、整改工作召开会议18次。"], encrypt=owner)
    ok("owner_password_cid.pdf", "pypdfium2")
    _shift_xref(_pdf(folder / "xref_shifted.pdf", ["巡视整改进展情况的通报。", "二、召开会议18次。"]))
    ok("xref_shifted.pdf", "pypdfium2")
    _pdf(folder / "scanned_page.pdf", ["一、整改情况:召开会议18次。", None, "二、下一步打算。"])
    ok("scanned_page.pdf", "page 2")
    write_font_defect_pdf(folder / "page_font_defect.pdf", "registry_name")
    ok("page_font_defect.pdf", "page 2 read with PDFium")
    write_encrypted_pdf(folder / "user_password.pdf", password="secret")
    error("user_password.pdf", "encrypted_pdf", "--pdf-password")
    write_image_only_pdf(folder / "image_only.pdf")
    error("image_only.pdf", "no_text_layer", "page 1-2")
    write_truncated_pdf(SHORT_REPORT, folder / "truncated.pdf")
    expect["truncated.pdf"] = ("ok_or_error",)  # PDFium may recover what is left; either way, said
    _hidden_docx(folder / "hidden_text.docx")
    ok("hidden_text.docx", "hidden")

    for suffix in (".doc", ".wps", ".et"):
        (folder / f"legacy{suffix}").write_bytes(OLE2)
        error(f"legacy{suffix}", "unsupported_format", "convert it to")
    (folder / "empty.txt").write_bytes(b"")
    error("empty.txt", "empty_file", "empty")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    error("image.txt", "binary_content", "PNG")
    (folder / "not_a_zip.docx").write_bytes(b"this is not a zip archive at all")
    error("not_a_zip.docx", "not_a_zip", "zip")
    (folder / "html_as.pdf").write_bytes(b"<html><body>404 Not Found</body></html>")
    error("html_as.pdf", "not_a_pdf", "HTML")
    return expect


def _traditional(text: str) -> str:
    import opencc

    converted = opencc.OpenCC("s2t").convert(text)
    return converted if len(converted) == len(text) else "".join(opencc.OpenCC("s2t").convert(ch) for ch in text)
