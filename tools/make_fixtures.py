"""Build tests/fixtures/*.docx: documents made the way Word users make them
(python-docx from scratch, not congvan's renderer), one clean and each of the
others with exactly one breach of Phụ lục I.  tests/test_check_fixtures.py
holds the table of what each must yield and checks the committed files equal
a fresh build.

    PYTHONPATH=src .venv/bin/python tools/make_fixtures.py
"""

from __future__ import annotations

import io
import sys
import zipfile
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Mm, Pt, Twips

from congvan import rules
from congvan.metrics import text_width_pt

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
FIXED_TIME = (2025, 8, 18, 8, 0, 0)
TNR = rules.FONT
WORD_CELL_MARGIN = Twips(108)
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT


@dataclass
class Spec:
    """A hand-made công văn (or tờ trình); each field is one thing a clerk may get wrong."""

    header: str = "table"  # "table" | "textbox" | "tabs"
    paper: tuple = (210, 297)
    margins: dict = field(default_factory=lambda: dict(rules.MARGINS_MM))
    parent: str = "UBND TỈNH KHÁNH HÒA"
    parent_bold: bool = False
    agency: str = "SỞ NỘI VỤ"
    agency_rule_ratio: float | None = 0.42
    quoc_hieu_size: float = 13
    quoc_hieu_bold: bool = True
    tieu_ngu: str = rules.TIEU_NGU
    tieu_ngu_size: float = 14
    motto_rule: bool = True
    so: str = "Số: 12/SNV-VP"
    date: str = "Khánh Hòa, ngày 18 tháng 8 năm 2025"
    date_size: float = 14
    title: str | None = None  # "TỜ TRÌNH" for a typed document
    subject: str = "V/v rà soát danh mục hồ sơ năm 2025"
    kinh_gui: str = "Kính gửi: Các sở, ban, ngành tỉnh."
    body_align: object = JUSTIFY
    body_indent_mm: float = 10
    body_size: float = 14
    body_font: str = TNR
    end_mark: str = "./."
    marker: str = "KT. GIÁM ĐỐC"
    name_bold: bool = True
    label: str = "Nơi nhận:"
    label_bold: bool = True
    items: tuple = ("- Như trên;", "- Giám đốc Sở (để báo cáo);", "- Lưu: VT, VP.")
    first_page_number: bool = False


BODY = ("Thực hiện Kế hoạch số 09/KH-UBND ngày 03/3/2025 của Ủy ban nhân dân tỉnh về công tác văn thư, lưu trữ "
        "năm 2025, Sở Nội vụ đề nghị các sở, ban, ngành rà soát danh mục hồ sơ của cơ quan, đơn vị mình.",
        "Kết quả rà soát gửi về Sở Nội vụ (qua Văn phòng Sở) trước ngày 15 tháng 9 năm 2025 để tổng hợp, báo cáo "
        "Ủy ban nhân dân tỉnh theo quy định")


def run(paragraph, text, size, bold=False, italic=False, font=TNR):
    r = paragraph.add_run(text)
    r.font.size, r.font.bold, r.font.italic = Pt(size), bold, italic
    if font != TNR:
        r.font.name = font
        r._element.rPr.rFonts.set(qn("w:eastAsia"), font)
    return r


def para(container, text="", size=13, bold=False, italic=False, align=CENTER, before=0, font=TNR):
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(before), Pt(0), 1.0
    if text:
        run(p, text, size, bold, italic, font)
    return p


#: w:pPr children that follow w:pBdr in the schema: the border goes before the first of them (Word repairs
#: a file whose w:pBdr comes after w:jc).
AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
              "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
              "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
              "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
              "w:rPr", "w:sectPr", "w:pPrChange")


def bordered(container, width_pt: float, ratio: float, text_pt: float):
    """An empty paragraph whose bottom border is the rule: its indents leave ``ratio`` × the text line."""
    p = para(container)
    side = max(0.0, (width_pt - ratio * text_pt) / 2)
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = Pt(side)
    p._p.get_or_add_pPr().insert_element_before(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'),
        *AFTER_PBDR)
    return p


def fonts_everywhere(document) -> None:
    """Word's blank document names theme fonts; a careful clerk sets Times New Roman in every slot."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rfonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{slot}"), TNR)


def page(document, spec: Spec) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(spec.paper[0]), Mm(spec.paper[1])
    if spec.paper[0] > spec.paper[1]:
        section.orientation = WD_ORIENT.LANDSCAPE
    m = spec.margins
    section.top_margin, section.bottom_margin = Mm(m["top"]), Mm(m["bottom"])
    section.left_margin, section.right_margin = Mm(m["left"]), Mm(m["right"])
    section.header_distance = section.footer_distance = Mm(rules.HEADER_DISTANCE_MM)
    section.different_first_page_header_footer = not spec.first_page_number
    number = section.header.paragraphs[0]
    number.alignment = CENTER
    number._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="28"/>'
                               f'</w:rPr><w:t>2</w:t></w:r></w:fldSimple>'))


def left_column(container, spec: Spec, width_pt: float) -> None:
    para(container, spec.parent, 13, bold=spec.parent_bold)
    para(container, spec.agency, 13, bold=True)
    if spec.agency_rule_ratio:
        bordered(container, width_pt, spec.agency_rule_ratio, text_width_pt(spec.agency, 13, bold=True))


def right_column(container, spec: Spec, width_pt: float) -> None:
    para(container, rules.QUOC_HIEU, spec.quoc_hieu_size, bold=spec.quoc_hieu_bold)
    para(container, spec.tieu_ngu, spec.tieu_ngu_size, bold=True)
    if spec.motto_rule:
        bordered(container, width_pt, 1.0, text_width_pt(spec.tieu_ngu, spec.tieu_ngu_size, bold=True))


def header_table(document, spec: Spec) -> None:
    widths = (Twips(3969), Twips(5953))
    table = document.add_table(rows=2, cols=2)
    table.autofit = False
    for col, width in zip(table._tbl.tblGrid.iterchildren(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(width.twips))  # Word keeps the grid equal to the cells; LibreOffice lays out by it
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    top, bottom = table.rows
    margins = 2 * WORD_CELL_MARGIN.pt  # Word's default cell margins: the text stands inside them
    left_column(top.cells[0], spec, widths[0].pt - margins)
    right_column(top.cells[1], spec, widths[1].pt - margins)
    para(bottom.cells[0], spec.so, 13, before=6)
    if not spec.title:
        para(bottom.cells[0], spec.subject, 13, before=6)
    para(bottom.cells[1], spec.date, spec.date_size, italic=True, before=6)


def header_textboxes(document, spec: Spec) -> None:
    """Two floating text boxes, as many Word users lay out the header band."""
    anchor = para(document)
    for n, (x_mm, w_mm, fill) in enumerate(((0, 70, "left"), (75, 105, "right"))):
        holder = docx.Document()  # a scratch body to build the box's paragraphs with python-docx
        box = holder.add_paragraph()._p.getparent()
        box.remove(box[0])
        width = Mm(w_mm).pt
        if fill == "left":
            left_column(holder, spec, width)
            para(holder, spec.so, 13, before=6)
            if not spec.title:
                para(holder, spec.subject, 13, before=6)
        else:
            right_column(holder, spec, width)
            para(holder, spec.date, spec.date_size, italic=True, before=6)
        inner = "".join(docx.oxml.xmlchemy.serialize_for_reading(p) for p in box.iterchildren(qn("w:p")))
        anchor._p.append(parse_xml(_textbox_xml(n + 1, Mm(x_mm), Mm(w_mm), Mm(40), inner)))


def _textbox_xml(n: int, x: Emu, cx: Emu, cy: Emu, inner: str) -> str:
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
    return (f'<w:r {ns}><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
            f'relativeHeight="{n}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:posOffset>{int(x)}</wp:posOffset>'
            f'</wp:positionH><wp:positionV relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{int(cx)}" cy="{int(cy)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
            f'<wp:docPr id="{n}" name="Hộp văn bản {n}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
            f'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
            f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{int(cx)}" cy="{int(cy)}"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
            f'<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr lIns="0" tIns="0" rIns="0" '
            f'bIns="0"/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')


def header_tabs(document, spec: Spec) -> None:
    """Each header line typed once: left half, a centred tab, right half."""
    left_pt, right_pt = Mm(70).pt, Mm(rules.TEXT_WIDTH_MM - 75).pt

    def line(left, right, left_bold, right_bold, right_size, italic=False, before=0):
        p = para(document, before=before, align=LEFT)
        stops = p.paragraph_format.tab_stops
        stops.add_tab_stop(Pt(left_pt / 2), alignment=1)
        stops.add_tab_stop(Mm(75) + Pt(right_pt / 2), alignment=1)
        run(p, "\t" + left, 13, left_bold)
        run(p, "\t" + right, right_size, right_bold, italic)

    line(spec.parent, rules.QUOC_HIEU, spec.parent_bold, spec.quoc_hieu_bold, spec.quoc_hieu_size)
    line(spec.agency, spec.tieu_ngu, True, True, spec.tieu_ngu_size)
    rules_line = para(document)  # both rules drawn as line shapes, each centred under its text
    if spec.agency_rule_ratio:
        length = spec.agency_rule_ratio * text_width_pt(spec.agency, 13, bold=True)
        rules_line._p.append(parse_xml(_line_xml(1, Pt(left_pt / 2 - length / 2), Pt(length))))
    if spec.motto_rule:
        length = text_width_pt(spec.tieu_ngu, spec.tieu_ngu_size, bold=True)
        rules_line._p.append(parse_xml(_line_xml(2, Mm(75) + Pt(right_pt / 2 - length / 2), Pt(length))))
    line(spec.so, spec.date, False, False, spec.date_size, italic=True, before=6)
    if not spec.title:
        para(document, spec.subject, 13, align=LEFT, before=6).paragraph_format.left_indent = Pt(0)


def _line_xml(n: int, x: Emu, cx: Emu) -> str:
    """A horizontal line shape, as Word's Insert → Shapes → Line writes it (without the VML fallback)."""
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
    return (f'<w:r {ns}><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
            f'relativeHeight="{n + 10}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:posOffset>{int(x)}</wp:posOffset>'
            f'</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{int(cx)}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
            f'<wp:docPr id="{n + 10}" name="Đường kẻ {n}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
            f'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvCnPr/>'
            f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{int(cx)}" cy="0"/></a:xfrm>'
            f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/>'
            f'</a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
            f'</w:drawing></w:r>')


def body(document, spec: Spec) -> None:
    if spec.title:
        para(document, spec.title, 14, bold=True, before=18)
        para(document, spec.subject, 14, bold=True)
        text_pt = Mm(spec.paper[0] - spec.margins["left"] - spec.margins["right"]).pt
        bordered(document, text_pt, rules.RULE_RATIO_CHOSEN, text_width_pt(spec.subject, 14, bold=True))
    para(document, spec.kinh_gui, 14, align=LEFT, before=6).paragraph_format.left_indent = Mm(rules.KINH_GUI_INDENT_MM)
    for n, text in enumerate(BODY):
        text = text + (spec.end_mark if n == len(BODY) - 1 else "")
        p = para(document, text, spec.body_size, align=spec.body_align, before=6,
                 font=spec.body_font if n == 0 else TNR)
        p.paragraph_format.first_line_indent = Mm(spec.body_indent_mm)


def signature(document, spec: Spec) -> None:
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    for cell in (left, right):
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    para(left, spec.label, 12, bold=spec.label_bold, italic=spec.label_bold, align=LEFT, before=12)
    for item in spec.items:
        para(left, item, 11, align=LEFT)
    para(right, spec.marker, 14, bold=True, before=12)
    para(right, "PHÓ GIÁM ĐỐC", 14, bold=True)
    for _ in range(4):
        para(right, "", 14)
    para(right, "Phan Văn Đức", 14, bold=spec.name_bold)


def build(spec: Spec) -> bytes:
    document = docx.Document()
    fonts_everywhere(document)
    document.element.body.remove(document.element.body[0]) if len(document.element.body) > 1 else None
    page(document, spec)
    {"table": header_table, "textbox": header_textboxes, "tabs": header_tabs}[spec.header](document, spec)
    body(document, spec)
    signature(document, spec)
    # python-docx's template writes <w:zoom w:bestFit="1"/>; the schema (and so Word) wants w:percent too
    document.settings.element.find(qn("w:zoom")).set(qn("w:percent"), "100")
    props = document.core_properties
    props.author = props.last_modified_by = "Văn thư"
    props.created = props.modified = datetime(*FIXED_TIME)
    props.revision = 1
    out = io.BytesIO()
    document.save(out)
    return _fixed_zip(out.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same bytes on every run: fixed entry times and order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


CLEAN = Spec()
TO_TRINH = replace(CLEAN, title="TỜ TRÌNH", subject="Về việc đề nghị phê duyệt danh mục hồ sơ năm 2025",
                   so="Số: 12/TTr-SNV", kinh_gui="Kính gửi: Ủy ban nhân dân tỉnh Khánh Hòa.")

#: file name → the document; tests/test_check_fixtures.py says what each must yield.
FIXTURES: dict[str, Spec] = {
    "sach-bang.docx": CLEAN,
    "sach-hop-van-ban.docx": replace(CLEAN, header="textbox"),
    "sach-tab.docx": replace(CLEAN, header="tabs"),
    "sach-to-trinh.docx": TO_TRINH,
    "kho-letter.docx": replace(CLEAN, paper=(215.9, 279.4)),
    "le-trai-25.docx": replace(CLEAN, margins={**rules.MARGINS_MM, "left": 25}),
    "phong-arial.docx": replace(CLEAN, body_font="Arial"),
    "so-trang-trang-1.docx": replace(CLEAN, first_page_number=True),
    "quoc-hieu-khong-dam.docx": replace(CLEAN, quoc_hieu_bold=False),
    "tieu-ngu-gach-dai.docx": replace(CLEAN, tieu_ngu="Độc lập – Tự do – Hạnh phúc"),
    "thieu-duong-ke-tieu-ngu.docx": replace(CLEAN, motto_rule=False),
    "chu-quan-dam.docx": replace(CLEAN, parent_bold=True),
    "duong-ke-co-quan-dai.docx": replace(CLEAN, agency_rule_ratio=0.9),
    "so-khong-dem.docx": replace(CLEAN, so="Số: 5/SNV-VP"),
    "ky-hieu-ttr-in-hoa.docx": replace(TO_TRINH, so="Số: 12/TTR-SNV"),
    "thang-03.docx": replace(CLEAN, date="Khánh Hòa, ngày 18 tháng 03 năm 2025"),
    "ngay-5.docx": replace(CLEAN, date="Khánh Hòa, ngày 5 tháng 8 năm 2025"),
    "co-chu-lech.docx": replace(CLEAN, quoc_hieu_size=12),
    "vv-in-hoa.docx": replace(CLEAN, subject="V/V rà soát danh mục hồ sơ năm 2025"),
    "kinh-gui-thieu-hai-cham.docx": replace(CLEAN, kinh_gui="Kính gửi các sở, ban, ngành tỉnh."),
    "noi-dung-canh-trai.docx": replace(CLEAN, body_align=LEFT),
    "khong-thut-dong.docx": replace(CLEAN, body_indent_mm=0),
    "noi-dung-co-12.docx": replace(CLEAN, body_size=12),
    "thieu-ket-thuc.docx": replace(CLEAN, end_mark="."),
    "kt-thieu-cham.docx": replace(CLEAN, marker="KT GIÁM ĐỐC"),
    "ho-ten-khong-dam.docx": replace(CLEAN, name_bold=False),
    "nhan-noi-nhan-thuong.docx": replace(CLEAN, label_bold=False),
    "noi-nhan-thieu-cham-phay.docx": replace(CLEAN, items=("- Như trên", "- Giám đốc Sở (để báo cáo);",
                                                             "- Lưu: VT, VP.")),
    "thieu-dong-luu.docx": replace(CLEAN, items=("- Như trên;", "- Giám đốc Sở (để báo cáo).")),
}


def main(argv: list[str]) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, spec in FIXTURES.items():
        (OUT / name).write_bytes(build(spec))
    print(f"{len(FIXTURES)} tệp / files → {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
