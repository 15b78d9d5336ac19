"""The corpus as python-docx writes it, with the calls a user of python-docx
makes: ``style.font.name``, ``paragraph_format``, ``add_table``, ``add_run``
with ``bold``/``italic``.  ``font.name`` sets only the ascii and hAnsi font
slots (eastAsia stays the template's theme font): such a document renders in
Times New Roman all the same, which is the point of these files.  Rules under
the agency name and the motto are paragraph bottom borders (the recipe users
copy), the page number a PAGE field in a header with "different first page".

python-docx's own template writes ``<w:zoom w:bestFit="1"/>`` without the
required ``w:percent``: left as python-docx writes it (the table says so).
"""

from __future__ import annotations

import io
from datetime import datetime

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips

from congvan.metrics import text_width_pt

from .content import HEADER_MM, SIGNATURE_MM, TNR, Case, article_parts, body_blocks, kinh_gui_lines
from .zipfix import fixed_zip

CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
ALIGN = {"center": CENTER, "left": LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}
CELL_MARGIN_PT = Twips(108).pt  # Word's default left and right cell margins
#: pPr children that come after w:pBdr in the schema: the border goes before the first of them.
AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
              "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
              "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
              "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
              "w:rPr", "w:sectPr", "w:pPrChange")


def add(container, text="", size=14, bold=False, italic=False, align=CENTER, before=0, font=None):
    p = container.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_before = Pt(before)
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = 1.0
    if text:
        r = p.add_run(text)
        r.font.size, r.bold, r.italic = Pt(size), bold, italic
        if font:
            r.font.name = font
    return p


def rule_under(container, column_pt: float, length_pt: float):
    """An empty paragraph whose bottom border, between its indents, is the rule."""
    p = add(container)
    side = max(0.0, (column_pt - length_pt) / 2)
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = Pt(side)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    p._p.get_or_add_pPr().insert_element_before(border, *AFTER_PBDR)
    return p


def page_field(paragraph, size: float) -> None:
    """PAGE as a complex field, the way the python-docx recipes write it."""
    def part(kind=None, instr=None, text=None):
        r = paragraph.add_run()
        r.font.size = Pt(size)
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            r._r.append(el)
        if instr:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = instr
            r._r.append(el)
        if text:
            r.text = text

    part("begin"), part(instr=" PAGE "), part("separate"), part(text="2"), part("end")


def setup(document, case: Case) -> None:
    look = case.look
    normal = document.styles["Normal"]
    normal.font.name = TNR
    normal.font.size = Pt(look.pt("body"))
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    m = look.margins
    section.top_margin, section.bottom_margin = Mm(m["top"]), Mm(m["bottom"])
    section.left_margin, section.right_margin = Mm(m["left"]), Mm(m["right"])
    section.header_distance = section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = ALIGN[look.page_number_align]
    page_field(number, look.pt("page"))


def header(document, case: Case) -> None:
    doc, look = case.doc, case.look
    widths = tuple(Mm(w) for w in HEADER_MM)
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
        for cell in column.cells:
            cell.width = width
    (left, right), (left2, right2) = (row.cells for row in table.rows)
    for cell in (left, right, left2, right2):
        cell._tc.remove(cell.paragraphs[0]._p)
    size = look.pt("agency")
    for line in doc.parent:
        add(left, line, size)
    for line in doc.agency:
        add(left, line, size, bold=True)
    if look.agency_rule:
        longest = max(text_width_pt(line, size, bold=True) for line in doc.agency)
        rule_under(left, widths[0].pt - 2 * CELL_MARGIN_PT, look.agency_rule_ratio * longest)
    qh, tn = look.pt("quoc_hieu"), look.pt("tieu_ngu")
    first = add(right, doc.national[0], qh, bold=True)
    second = add(right, doc.national[1], tn, bold=True)
    for p in (first, second):
        p.paragraph_format.line_spacing = look.national_line
    second.paragraph_format.space_before = Pt(look.national_gap_pt)
    if look.motto_rule:
        rule_under(right, widths[1].pt - 2 * CELL_MARGIN_PT, text_width_pt(doc.national[1], tn, bold=True))
    add(left2, doc.so, look.pt("so"), before=6)
    if doc.title is None:
        add(left2, doc.subject, look.pt("vv"), before=look.so_vv_gap_pt)
    if doc.urgency:
        box = add(left2, doc.urgency, look.pt("urgency"), bold=True, before=6)
        box_border(box, widths[0].pt - 2 * CELL_MARGIN_PT, text_width_pt(doc.urgency, 13, bold=True) + 24)
    add(right2, doc.place_date, look.pt("date"), italic=True, before=6)


def box_border(p, column_pt: float, width_pt: float) -> None:
    """A boxed mark (KHẨN, HỎA TỐC): a paragraph border on four sides, narrowed by its indents."""
    side = max(0.0, (column_pt - width_pt) / 2)
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = Pt(side)
    border = OxmlElement("w:pBdr")
    for edge in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
            el.set(qn(key), value)
        border.append(el)
    p._p.get_or_add_pPr().insert_element_before(border, *AFTER_PBDR)


def title(document, case: Case) -> None:
    doc, look = case.doc, case.look
    if doc.title is None:
        return
    add(document, doc.title, look.pt("title"), bold=True, before=12)
    add(document, doc.subject, look.pt("subject"), bold=True)
    if look.subject_rule:
        text_pt = Mm(210 - look.margins["left"] - look.margins["right"]).pt
        rule_under(document, text_pt, 0.4 * text_width_pt(doc.subject, look.pt("subject"), bold=True))


def body(document, case: Case) -> None:
    doc, look = case.doc, case.look
    size = look.pt("body")
    for n, line in enumerate(kinh_gui_lines(doc)):
        p = add(document, line, size, align=LEFT, before=6 if n == 0 else 0)
        p.paragraph_format.left_indent = Mm(35 if n == 0 else 45)
    for block in body_blocks(doc):
        if block.style == "center-bold":
            add(document, block.text, size, bold=True, before=6)
            continue
        p = add(document, "", size, align=JUSTIFY, before=6)
        p.paragraph_format.first_line_indent = Mm(10)
        kind, value = look.line
        if kind == "auto":
            p.paragraph_format.line_spacing = value
        else:
            p.paragraph_format.line_spacing = Pt(value)
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY if kind == "exact" \
                else WD_LINE_SPACING.AT_LEAST
        parts = [(block.text, block.style == "heading", block.style == "italic")]
        if block.style == "article":
            label, rest = article_parts(block.text)
            parts = [(label, True, False), (rest, False, False)]
        for text, bold, italic in parts:
            r = p.add_run(text)
            r.font.size, r.bold, r.italic = Pt(size), bold, italic
            if look.body_font != TNR:
                r.font.name = look.body_font


def signature(document, case: Case) -> None:
    doc, look = case.doc, case.look
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = table.rows[0].cells
    for cell, width in zip((left, right), SIGNATURE_MM):
        cell.width = Mm(width)
        cell._tc.remove(cell.paragraphs[0]._p)
    add(left, "Nơi nhận:", 12, bold=look.label_bold_italic, italic=look.label_bold_italic, align=LEFT, before=12)
    for item in doc.noi_nhan:
        add(left, item, 11, align=LEFT)
    size = look.pt("authority")
    for n, line in enumerate(doc.authority):
        add(right, line, size, bold=True, before=12 if n == 0 else 0)
    for _ in range(4):
        add(right, "", size)
    add(right, doc.signer, size, bold=True)


def build(case: Case) -> bytes:
    document = docx.Document()
    setup(document, case)
    header(document, case)
    title(document, case)
    body(document, case)
    signature(document, case)
    props = document.core_properties
    props.author = props.last_modified_by = "Văn thư"
    props.created = props.modified = datetime(2025, 8, 18, 8, 0, 0)
    props.revision = 1
    props.title = case.doc.subject
    out = io.BytesIO()
    document.save(out)
    return fixed_zip(out.getvalue())


def build_all(cases: list[Case]) -> dict[str, bytes]:
    return {f"{c.name}.docx": build(c) for c in cases}
