"""Build tests/fixtures/rules/*.docx: small hand-written OOXML documents (the
way Word and LibreOffice write them, not through congvan or python-docx), each
showing one construct the checker must read right or one rule it must catch:

- correct files (``sach-*``) that must yield no error: fonts in the Latin slots
  only or through the theme, rules drawn in VML or as thin DrawingML
  rectangles, text boxes with inner margins and an ``mc:Fallback`` copy,
  urgency and confidentiality boxes, a multi-line agency name, 30/20 mm
  margins, "Exactly" line spacing within single…1.5 lines, a date split
  across runs;
- one file per newly checked rule (the decree's text: Phụ lục I II.1, II.5.b,
  II.6, II.7, II.5.a; footnote 1 of the Mẫu chữ table);
- two documents out of NĐ 30's scope (a Party document, a plain letter).

tests/test_check_rules.py holds what each must yield; every file is valid
against the OOXML schemas (../shared/tools/ooxml_validate.py).

    .venv/bin/python tools/make_rule_fixtures.py
"""

from __future__ import annotations

import io
import sys
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from congvan import rules  # noqa: E402
from congvan.metrics import text_width_pt  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "rules"
TNR = rules.FONT
TW = 20  # twips per pt
EMU_PT = 12700
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W_NS}" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:w10="urn:schemas-microsoft-com:office:word" mc:Ignorable="wps"')
LEFT_TW, RIGHT_TW = 3969, 5953  # header columns (twips), as congvan's and the Mẫu's
CELL_MARGIN_TW = 108  # Word's default left/right cell margin


@dataclass
class Spec:
    """A công văn (or kế hoạch) written as Word writes it; each field one construct or one breach."""

    title: str | None = None  # "KẾ HOẠCH": a typed document
    header: str = "table"  # "table" | "textbox"
    strokes: str = "border"  # how the rules are drawn: "border" | "vml-line" | "vml-rect" | "dml-rect"
    fonts: str = "all"  # "all" four slots | "latin" (ascii/hAnsi only) | "theme"
    margins: dict = field(default_factory=lambda: dict(rules.MARGINS_MM))
    national: bool = True  # False: no Quốc hiệu, no Tiêu ngữ (a plain letter)
    party: bool = False  # "ĐẢNG CỘNG SẢN VIỆT NAM" instead of the Quốc hiệu
    quoc_hieu_after: float = 0  # pt between Quốc hiệu and Tiêu ngữ
    quoc_hieu_line: float = 1.0
    agency: tuple = ("SỞ NỘI VỤ",)
    parent: str = "UBND TỈNH KHÁNH HÒA"
    so: str | tuple = "Số: 12/SNV-VP"  # a tuple: the runs Word split it into
    vv_before: float = 6
    date: tuple = ("Khánh Hòa, ngày 08 tháng 9 năm 2025",)  # the runs of the date line, as Word splits them
    date_size: float = 14
    mark: str | None = None  # "para" | "table" | "textbox": an urgency box under the V/v
    subject_rule: bool = True  # the rule under a typed document's trích yếu
    body_line: tuple | None = None  # ("exact"|"atLeast", pt) for the body's line spacing
    marker: tuple = ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    sizes: dict = field(default_factory=dict)  # element → size override (co-chu.dong-bo)
    page_numbers: bool = True
    body_repeat: int = 1  # the body paragraphs this many times (6: two pages, so page 2 shows its number)


BODY = [
    "Thực hiện Kế hoạch số 45/KH-UBND ngày 10 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh về công tác văn thư, "
    "lưu trữ năm 2025, Sở Nội vụ đề nghị các cơ quan, đơn vị rà soát danh mục hồ sơ của cơ quan mình, cập nhật "
    "các hồ sơ phát sinh trong năm và gửi về Sở trước ngày 30 tháng 9 năm 2025 để tổng hợp.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các cơ quan, đơn vị phản ánh về Sở Nội vụ "
    "(qua Phòng Văn thư - Lưu trữ, số điện thoại 0258.3822.111) để được hướng dẫn, giải quyết kịp thời./.",
]


# --- runs and paragraphs ------------------------------------------------------------------------------

def rpr(spec: Spec, size: float, bold=False, italic=False) -> str:
    fonts = {"all": f'<w:rFonts w:ascii="{TNR}" w:hAnsi="{TNR}" w:eastAsia="{TNR}" w:cs="{TNR}"/>',
             "latin": f'<w:rFonts w:ascii="{TNR}" w:hAnsi="{TNR}" w:eastAsia="SimSun" w:cs="Arial"/>',
             "theme": ""}[spec.fonts]
    return (f"<w:rPr>{fonts}{'<w:b/><w:bCs/>' if bold else ''}{'<w:i/><w:iCs/>' if italic else ''}"
            f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/></w:rPr>')


def run(spec: Spec, text: str, size: float, bold=False, italic=False) -> str:
    return f'<w:r>{rpr(spec, size, bold, italic)}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(spec: Spec, text="", size=13.0, bold=False, italic=False, align="center", before=0.0, after=0.0,
         line: tuple | None = None, border=None, ind: tuple | None = None, first=0, runs: str | None = None,
         box=False) -> str:
    """A paragraph, its pPr children in schema order."""
    ppr = ""
    if box:
        side = '<w:{0} w:val="single" w:sz="6" w:space="1" w:color="000000"/>'
        ppr += "<w:pBdr>" + "".join(side.format(s) for s in ("top", "left", "bottom", "right")) + "</w:pBdr>"
    elif border:
        ppr += '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
    spacing = f'w:before="{round(before * TW)}" w:after="{round(after * TW)}"'
    if line:
        rule, value = line
        spacing += f' w:line="{round(value * (240 if rule == "auto" else TW))}" w:lineRule="{rule}"'
    ppr += f"<w:spacing {spacing}/>"
    if ind or first:
        left, right = ind or (0, 0)
        ppr += f'<w:ind w:left="{round(left)}" w:right="{round(right)}" w:firstLine="{round(first)}"/>'
    ppr += f'<w:jc w:val="{align}"/>'
    ppr += rpr(spec, size, bold, italic)
    body = runs if runs is not None else (run(spec, text, size, bold, italic) if text else "")
    return f"<w:p><w:pPr>{ppr}</w:pPr>{body}</w:p>"


# --- drawn rules ------------------------------------------------------------------------------------

_ids = iter(range(1, 10_000))


def stroke(spec: Spec, length_pt: float, room_pt: float) -> str:
    """An empty paragraph carrying a rule of ``length_pt``, centred in ``room_pt``, drawn as spec.strokes says."""
    if spec.strokes == "border":
        side = (room_pt - length_pt) / 2 * TW
        return para(spec, size=6, border=True, ind=(side, side))
    left = (room_pt - length_pt) / 2
    n = next(_ids)
    if spec.strokes == "vml-line":
        shape = (f'<v:line id="Line {n}" style="position:absolute;z-index:{n};mso-position-horizontal-relative:text;'
                 f'mso-position-vertical-relative:text" from="{left:.1f}pt,2pt" to="{left + length_pt:.1f}pt,2pt" '
                 f'strokeweight=".75pt"/>')
    elif spec.strokes == "vml-rect":
        shape = (f'<v:rect id="Rect {n}" style="position:absolute;margin-left:{left:.1f}pt;margin-top:2pt;'
                 f'width:{length_pt:.1f}pt;height:.75pt;z-index:{n}" fillcolor="black" stroked="f"/>')
    else:
        return para(spec, size=6, align="left", runs=_dml_rect(n, left, length_pt))
    return para(spec, size=6, align="left", runs=f"<w:r><w:pict>{shape}</w:pict></w:r>")


def _dml_rect(n: int, left_pt: float, length_pt: float) -> str:
    """A thin filled rectangle (how some templates draw a rule), DrawingML."""
    cx, cy, x = round(length_pt * EMU_PT), round(0.75 * EMU_PT), round(left_pt * EMU_PT)
    return (f'<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{n}" '
            f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>25400</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
            f'<wp:docPr id="{n}" name="Hình chữ nhật {n}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
            f'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr/>'
            f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
            f'<a:ln><a:noFill/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
            f'</w:drawing></w:r>')


# --- the header band -------------------------------------------------------------------------------

def size(spec: Spec, key: str, default: float) -> float:
    return spec.sizes.get(key, default)


def left_column(spec: Spec, room_pt: float) -> str:
    out = para(spec, spec.parent, size(spec, "parent", 13)) if spec.parent else ""
    agency_pt = size(spec, "agency", 13)
    for line in spec.agency:
        out += para(spec, line, agency_pt, bold=True)
    longest = max(text_width_pt(line, agency_pt, bold=True) for line in spec.agency)
    out += stroke(spec, 0.42 * longest, room_pt)
    if isinstance(spec.so, tuple):
        out += para(spec, size=13, before=6, runs="".join(run(spec, piece, 13) for piece in spec.so))
    else:
        out += para(spec, spec.so, 13, before=6)
    if not spec.title:
        out += para(spec, "V/v rà soát danh mục hồ sơ năm 2025", 13, before=spec.vv_before)
        if spec.mark == "para":  # as congvan and many Word users do: a boxed paragraph
            room = (LEFT_TW - 2 * CELL_MARGIN_TW) / TW
            side = (room - 30 * 72 / 25.4) / 2 * TW
            out += para(spec, "HỎA TỐC", 13, bold=True, before=6, box=True, ind=(side, side))
    return out


def right_column(spec: Spec, room_pt: float) -> str:
    if spec.party:
        head = "ĐẢNG CỘNG SẢN VIỆT NAM"
        return (para(spec, head, 15, bold=True) + stroke(spec, text_width_pt(head, 15, bold=True), room_pt)
                + para(spec, "".join(spec.date), 14, italic=True, before=6, align="right"))
    out = ""
    if spec.national:
        qh_size, tn_size = size(spec, "quoc_hieu", 13), size(spec, "tieu_ngu", 14)
        out += para(spec, rules.QUOC_HIEU, qh_size, bold=True, after=spec.quoc_hieu_after,
                    line=("auto", spec.quoc_hieu_line) if spec.quoc_hieu_line != 1.0 else None)
        out += para(spec, rules.TIEU_NGU, tn_size, bold=True)
        out += stroke(spec, text_width_pt(rules.TIEU_NGU, tn_size, bold=True), room_pt)
    date_size = size(spec, "date", spec.date_size)
    runs = "".join(run(spec, piece, date_size, italic=True) for piece in spec.date)
    out += para(spec, size=date_size, italic=True, before=6, runs=runs)
    return out


def cell(width_tw: int, inner: str, borders: bool = False) -> str:
    edge = "".join(f'<w:{s} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
                   for s in ("top", "left", "bottom", "right"))
    tc_borders = f"<w:tcBorders>{edge}</w:tcBorders>" if borders else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width_tw}" w:type="dxa"/>{tc_borders}</w:tcPr>{inner}</w:tc>'


def table(widths: list[int], rows: list[list[str]], borders=False, indent_tw=0) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    props = (f'<w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
             f'<w:tblInd w:w="{indent_tw}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
             '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
             'w:noHBand="0" w:noVBand="0"/></w:tblPr>')
    body = "".join("<w:tr>" + "".join(cell(w, c, borders) for w, c in zip(widths, row)) + "</w:tr>" for row in rows)
    return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def header(spec: Spec) -> str:
    if spec.header == "textbox":
        return header_boxes(spec)
    left = left_column(spec, (LEFT_TW - 2 * CELL_MARGIN_TW) / TW)
    right = right_column(spec, (RIGHT_TW - 2 * CELL_MARGIN_TW) / TW)
    out = table([LEFT_TW, RIGHT_TW], [[left, right]], indent_tw=-113)
    if spec.mark == "table":  # a confidentiality stamp as a bordered one-cell table (Word keeps a paragraph between)
        out += para(spec, size=6) + table([1400], [[para(spec, "MẬT", 13, bold=True)]], borders=True, indent_tw=600)
    if spec.mark == "textbox":
        out += para(spec, size=13, align="left", runs=_box_run(spec, 99, 0, 30 * 72 / 25.4, 8 * 72 / 25.4,
                                                                  para(spec, "KHẨN", 13, bold=True), ins=(3, 1)))
    return out


INS_DEFAULT_PT = 7.2  # Word's text box inner margin, left and right (0.1 in)


def header_boxes(spec: Spec) -> str:
    """The header in two text boxes, with Word's default inner margins and a VML fallback copy."""
    left_w, right_w = 70 * 72 / 25.4, 105 * 72 / 25.4
    inner_left = left_column(spec, left_w - 2 * INS_DEFAULT_PT)
    inner_right = right_column(spec, right_w - 2 * INS_DEFAULT_PT)
    runs = (_box_run(spec, 1, 0, left_w, 130, inner_left, ins=None)
            + _box_run(spec, 2, 75 * 72 / 25.4, right_w, 90, inner_right, ins=None))
    return para(spec, size=13, align="left", runs=runs)


def _box_run(spec: Spec, n: int, x_pt: float, w_pt: float, h_pt: float, inner: str, ins) -> str:
    """A text box as Word 2010+ writes it: mc:Choice (wps) and an mc:Fallback (VML) with the same text."""
    cx, cy, x = round(w_pt * EMU_PT), round(h_pt * EMU_PT), round(x_pt * EMU_PT)
    body_pr = "<wps:bodyPr/>" if ins is None else (
        f'<wps:bodyPr lIns="{round(ins[0] * EMU_PT)}" tIns="0" rIns="{round(ins[0] * EMU_PT)}" bIns="0"/>')
    inset = "" if ins is None else f' inset="{ins[0]}pt,0,{ins[0]}pt,0"'
    box_border = "<a:ln><a:noFill/></a:ln>" if ins is None else (
        '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>')
    choice = (f'<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{n}" '
              f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
              f'<wp:positionH relativeFrom="margin"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
              f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
              f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
              f'<wp:docPr id="{n}" name="Text Box {n}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
              f'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
              f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
              f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>{box_border}</wps:spPr>'
              f'<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx>{body_pr}</wps:wsp></a:graphicData>'
              f'</a:graphic></wp:anchor></w:drawing>')
    fallback = (f'<w:pict><v:shape id="Text Box {n}" o:spid="_x0000_s{1024 + n}" type="#_x0000_t202" '
                f'style="position:absolute;margin-left:{x_pt:.1f}pt;margin-top:0;width:{w_pt:.1f}pt;height:{h_pt:.1f}pt;'
                f'z-index:{n};mso-position-horizontal-relative:margin" filled="f" stroked="{"f" if ins is None else "t"}">'
                f'<v:textbox{inset}><w:txbxContent>{inner}</w:txbxContent></v:textbox>'
                f'<w10:wrap type="topAndBottom"/></v:shape></w:pict>')
    return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice>'
            f'<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>')


# --- body and closing ----------------------------------------------------------------------------------

def body(spec: Spec) -> str:
    out = ""
    if spec.title:
        out += para(spec, spec.title, 14, bold=True, before=18)
        out += para(spec, "Rà soát danh mục hồ sơ năm 2025", 14, bold=True)
        if spec.subject_rule:
            subject = text_width_pt("Rà soát danh mục hồ sơ năm 2025", 14, bold=True)
            room = (rules.PAGE_WIDTH_MM - spec.margins["left"] - spec.margins["right"]) * 72 / 25.4
            out += stroke(spec, 0.42 * subject, room)
    else:
        out += para(spec, "Kính gửi: Các sở, ban, ngành tỉnh.", 14, align="left", before=6,
                    ind=(rules.KINH_GUI_INDENT_MM * 56.7, 0))
    for text in BODY * spec.body_repeat:
        out += para(spec, text, size(spec, "body", 14), align="both", before=6, first=567, line=spec.body_line)
    return out


def signature(spec: Spec) -> str:
    left = para(spec, "Nơi nhận:", 12, bold=True, italic=True, align="left", before=12)
    for item in ("- Như trên;", "- Lưu: VT, VP."):
        left += para(spec, item, 11, align="left")
    right = ""
    sign_size = size(spec, "signature", 14)
    for n, line in enumerate(spec.marker):
        right += para(spec, line, sign_size, bold=True, before=12 if n == 0 else 0)
    right += "".join(para(spec, "", 14) for _ in range(4))
    right += para(spec, "Phan Văn Đức", size(spec, "name", sign_size), bold=True)
    return table([4253, 5103], [[left, right]])


# --- the package -----------------------------------------------------------------------------------

def section(spec: Spec) -> str:
    mm = {k: round(v * 1440 / 25.4) for k, v in spec.margins.items()}
    refs = ('<w:headerReference w:type="default" r:id="rIdH1"/><w:headerReference w:type="first" r:id="rIdH2"/>'
            if spec.page_numbers else "")
    title = "<w:titlePg/>" if spec.page_numbers else ""
    return (f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="{mm["top"]}" w:right="{mm["right"]}" '
            f'w:bottom="{mm["bottom"]}" w:left="{mm["left"]}" w:header="567" w:footer="567" w:gutter="0"/>'
            f'{title}</w:sectPr>')


def document_xml(spec: Spec) -> str:
    body_xml = header(spec) + body(spec) + signature(spec)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>'
            f"{body_xml}{section(spec)}</w:body></w:document>")


def styles_xml(spec: Spec) -> str:
    fonts = ('<w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" '
             'w:cstheme="minorBidi"/>' if spec.fonts == "theme" else
             f'<w:rFonts w:ascii="{TNR}" w:hAnsi="{TNR}" w:eastAsia="{"SimSun" if spec.fonts == "latin" else TNR}" '
             f'w:cs="{"Arial" if spec.fonts == "latin" else TNR}"/>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">'
            f'<w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:sz w:val="28"/><w:szCs w:val="28"/>'
            '<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
            '</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
            '<w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal">'
            '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>'
            '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
            '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
            '</w:tblCellMar></w:tblPr></w:style></w:styles>')


THEME = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme">'
         '<a:themeElements><a:clrScheme name="Office"><a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1>'
         '<a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/>'
         '</a:lt2><a:accent1><a:srgbClr val="4F81BD"/></a:accent1><a:accent2><a:srgbClr val="C0504D"/></a:accent2>'
         '<a:accent3><a:srgbClr val="9BBB59"/></a:accent3><a:accent4><a:srgbClr val="8064A2"/></a:accent4>'
         '<a:accent5><a:srgbClr val="4BACC6"/></a:accent5><a:accent6><a:srgbClr val="F79646"/></a:accent6>'
         '<a:hlink><a:srgbClr val="0000FF"/></a:hlink><a:folHlink><a:srgbClr val="800080"/></a:folHlink>'
         '</a:clrScheme><a:fontScheme name="Văn bản"><a:majorFont><a:latin typeface="Times New Roman"/>'
         '<a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Times New Roman"/>'
         '<a:ea typeface="MS Mincho"/><a:cs typeface="Arial"/></a:minorFont></a:fontScheme>'
         '<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
         '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
         '</a:fillStyleLst><a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>'
         '<a:ln w="25400"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="38100"><a:solidFill>'
         '<a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle>'
         '<a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/>'
         '</a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
         '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
         '</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>')


def header_part(spec: Spec, numbered: bool) -> str:
    number = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText>'
              '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r>'
              '<w:fldChar w:fldCharType="end"/></w:r>') if numbered else ""
    inner = para(spec, size=14, runs=number)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {NS}>{inner}</w:hdr>'


def package(spec: Spec) -> dict[str, str]:
    rels = ['<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'styles" Target="styles.xml"/>']
    types = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'wordprocessingml.document.main+xml"/>',
             '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'wordprocessingml.styles+xml"/>']
    parts = {"word/document.xml": document_xml(spec), "word/styles.xml": styles_xml(spec)}
    if spec.fonts == "theme":
        parts["word/theme/theme1.xml"] = THEME
        rels.append('<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships/theme" Target="theme/theme1.xml"/>')
        types.append('<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-'
                     'officedocument.theme+xml"/>')
    if spec.page_numbers:
        for rid, name, numbered in (("rIdH1", "header1.xml", True), ("rIdH2", "header2.xml", False)):
            parts[f"word/{name}"] = header_part(spec, numbered)
            rels.append(f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        f'relationships/header" Target="{name}"/>')
            types.append(f'<Override PartName="/word/{name}" ContentType="application/vnd.openxmlformats-'
                         'officedocument.wordprocessingml.header+xml"/>')
    rel_ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts["word/_rels/document.xml.rels"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                             f'<Relationships xmlns="{rel_ns}">{"".join(rels)}</Relationships>')
    parts["_rels/.rels"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{rel_ns}">'
                            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                            'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' + "".join(types) + "</Types>")
    return parts


def build(spec: Spec) -> bytes:
    global _ids
    _ids = iter(range(1, 10_000))  # the same shape ids on every build
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in sorted(package(spec).items(), key=lambda kv: kv[0] != "[Content_Types].xml"):
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), text.encode("utf-8"),
                       compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


BASE = Spec()
TYPED = Spec(title="KẾ HOẠCH", so="Số: 12/KH-SNV")

#: name → (spec, the rule ids it must yield; empty for a correct file).
FIXTURES: dict[str, tuple[Spec, set[str]]] = {
    # correct documents: the constructs of issue 15 §2
    "sach-phong-latin.docx": (replace(BASE, fonts="latin"), set()),
    "sach-phong-theme.docx": (replace(BASE, fonts="theme"), set()),
    "sach-vml-line.docx": (replace(BASE, strokes="vml-line"), set()),
    "sach-vml-rect.docx": (replace(BASE, strokes="vml-rect"), set()),
    "sach-dml-rect.docx": (replace(BASE, strokes="dml-rect"), set()),
    "sach-hop-le-trong.docx": (replace(BASE, header="textbox"), set()),
    "sach-hoa-toc.docx": (replace(BASE, mark="para"), set()),
    "sach-mat-bang.docx": (replace(BASE, mark="table"), set()),
    "sach-khan-hop.docx": (replace(BASE, mark="textbox"), set()),
    "sach-co-quan-hai-dong.docx": (replace(BASE, agency=("TRUNG TÂM LƯU TRỮ", "TỈNH")), set()),
    "sach-le-30-20.docx": (replace(BASE, margins={"top": 20, "bottom": 20, "left": 30, "right": 20}, body_repeat=6),
                           set()),
    "sach-dong-exact.docx": (replace(BASE, body_line=("exact", 18)), set()),
    "sach-ngay-tach.docx": (replace(BASE, date=("Khánh Hòa, ngày ", "0", "8 tháng ", "9 năm 20", "25")), set()),
    "sach-ke-hoach.docx": (TYPED, set()),
    # one breach each: the rules issue 15 §3 adds
    "so-trich-yeu-sat.docx": (replace(BASE, vv_before=0), {"so-trich-yeu-6pt"}),
    "quoc-hieu-gian-dong.docx": (replace(BASE, quoc_hieu_after=12), {"quoc-hieu-gian-dong"}),
    "gian-dong-exact.docx": (replace(BASE, body_line=("exact", 30)), {"gian-dong-exact"}),
    "gian-dong-at-least.docx": (replace(BASE, body_line=("atLeast", 28)), {"gian-dong-exact"}),
    "kt-thieu-chuc-vu.docx": (replace(BASE, marker=("KT. GIÁM ĐỐC",)), {"ky-thay-chuc-vu"}),
    "kt-chuc-vu-chu-thuong.docx": (replace(BASE, marker=("KT. GIÁM ĐỐC", "Phó Giám đốc")), {"o7.quyen-han"}),
    "thieu-duong-ke-trich-yeu.docx": (replace(TYPED, subject_rule=False), {"duong-ke-trich-yeu"}),
    "co-chu-chu-ky-lech.docx": (replace(BASE, sizes={"name": 13}), {"co-chu.dong-bo"}),
    "ngay-5-tach.docx": (replace(BASE, date=("Khánh Hòa, ngày ", "8", " tháng ", "9 năm 2025")), {"o4.dia-danh-ngay"}),
    "so-5-tach.docx": (replace(BASE, so=("Số: ", "5", "/SNV-VP")), {"o3.so-ky-hieu"}),  # --fix: "05" in the digit run
    "hop-ngay-8.docx": (replace(BASE, header="textbox", date=("Khánh Hòa, ngày 8 tháng 9 năm 2025",)),
                        {"o4.dia-danh-ngay"}),  # --fix mends the mc:Fallback copy too
    # not state administrative documents under NĐ 30
    "dang-cong-van.docx": (replace(BASE, party=True, parent="ĐẢNG BỘ TỈNH KHÁNH HÒA", agency=("BAN TỔ CHỨC",),
                                   marker=("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ")), {"pham-vi"}),
    "thu-khong-quoc-hieu.docx": (replace(BASE, national=False), {"pham-vi"}),
}


def main(argv: list[str]) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (spec, _) in FIXTURES.items():
        (OUT / name).write_bytes(build(spec))
    print(f"{len(FIXTURES)} fixtures → {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
