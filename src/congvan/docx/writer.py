"""Turns a laid-out document into the template's context and a DOCX."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from .. import images, rules
from ..inline import Span
from ..layout.view import Appendix, Box, CopyBlock, DocumentView, Para
from ..rules import Profile
from . import bands, drawing, ooxml, package, sections, template
from . import frame
from .frame import TEMPLATE_FILES
from ..layout.geometry import page as page_geometry
from .styles import RULE_STYLE, SPACER_STYLE, styles_xml

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


def template_path(mau: str) -> Path:
    return TEMPLATES_DIR / TEMPLATE_FILES[mau]


def _para_xml(p: Para) -> str:
    props = ooxml.keep_next(p.keep) + ooxml.ind(left=p.left_mm, hanging=p.hanging_mm, first_line=p.first_line_mm)
    return ooxml.paragraph(p.element, p.spans, props + ooxml.jc(p.align))


def _paras(paras: list[Para]) -> Markup:
    return Markup("".join(_para_xml(p) for p in paras))


_box_xml = bands._box_xml


def _contact(lines: list[str]) -> Markup:
    if not lines:
        return Markup("")
    first = ooxml.ruled_paragraph("lien_he", (Span(lines[0]),), rules.RULE_WEIGHT_PT, rules.COLOR)
    return Markup(first + "".join(ooxml.paragraph("lien_he", (Span(line),)) for line in lines[1:]))


def _signature_gap(s, column_mm: float) -> str:
    """ô 7c and ô 8: empty lines for a handwritten signature, or the signature
    image centred with the seal over its left third; a bookmark marks the place
    for signing tools either way."""
    mark = rules.SIGNATURE_BOOKMARK
    start, end = f'<w:bookmarkStart w:id="0" w:name="{mark}"/>', '<w:bookmarkEnd w:id="0"/>'
    if not s.image and not s.seal:
        gap = ooxml.empty_paragraph(SPACER_STYLE) * rules.SIGNATURE_GAP_LINES
        return gap.replace("</w:pPr>", "</w:pPr>" + start + end, 1)
    runs = ""
    sig_w = sig_h = 0.0
    if s.image:
        sig = images.read_png(s.image)
        sig_w, sig_h = sig.size_mm(rules.SIGNATURE_IMAGE_WIDTH_MM)
        runs += drawing.inline(IMAGE_IDS["chu_ky"], "ChuKy", 101, sig_w, sig_h)
    if s.seal:
        seal = images.read_png(s.seal)
        seal_w, seal_h = seal.size_mm(rules.SEAL_DIAMETER_MM)
        sig_left = (column_mm - sig_w) / 2
        x = sig_left + sig_w * rules.SEAL_OVERLAP - seal_w if s.image else (column_mm - seal_w) / 2
        y = (sig_h - seal_h) / 2 if s.image else 0.0
        runs += drawing.floating(IMAGE_IDS["dau"], "DauCoQuan", 102, seal_w, seal_h, x, y)
    para = f'<w:p><w:pPr><w:pStyle w:val="{SPACER_STYLE}"/></w:pPr>{start}{runs}{end}</w:p>'
    spacer = ooxml.empty_paragraph(SPACER_STYLE)
    return spacer + para + spacer


#: Relationship ids of the signing images.
IMAGE_IDS = {"chu_ky": "rIdChuKy", "dau": "rIdDauCoQuan"}


def _image_parts(s) -> dict[str, tuple[str, bytes]]:
    found = {}
    if s.image:
        found[IMAGE_IDS["chu_ky"]] = ("chu-ky.png", images.read_png(s.image).data)
    if s.seal:
        found[IMAGE_IDS["dau"]] = ("dau.png", images.read_png(s.seal).data)
    return found


def context(view: DocumentView) -> dict:
    h, s, geo = view.header, view.signature, view.page
    left, right = geo.header_columns
    ctx = {
        # Nơi nhận as drawn (groups under a brace are nested tables): a whole fragment;
        # "noi_nhan" below gives the same lines as text, for templates that loop over them.
        "noi_nhan_block": Markup(bands.noi_nhan_block(view.recipients[:view.noi_nhan_split])),
        "noi_nhan_more_block": Markup(bands.noi_nhan_block(view.recipients[view.noi_nhan_split:])
                                      if view.noi_nhan_split is not None else ""),
        "parent_lines": h.parent_lines,
        "issuer_lines": h.issuer_lines,
        "rule_agency": Markup(ooxml.rule_paragraph(RULE_STYLE, left, h.issuer_rule.length_mm)),
        "quoc_hieu": h.quoc_hieu,
        "tieu_ngu": h.tieu_ngu,
        "rule_motto": Markup(ooxml.rule_paragraph(RULE_STYLE, right, h.motto_rule.length_mm)),
        "number": h.number,
        "place_date": h.place_date,
        "subject_cong_van": bands.with_breaks(h.subject_cong_van or ""),
        "kinh_gui": _paras(view.kinh_gui),
        "body": _paras(view.body),
        "noi_nhan": view.noi_nhan[:view.noi_nhan_split],
        "noi_nhan_more": view.noi_nhan[view.noi_nhan_split:] if view.noi_nhan_split is not None else [],
        "authority_lines": s.authority_lines,
        "signature_gap": Markup(_signature_gap(s, geo.signature_columns[1])),
        "secretary_gap": Markup(ooxml.empty_paragraph(SPACER_STYLE) * rules.SIGNATURE_GAP_LINES),
        "other_position_lines": s.other_position_lines,
        "name": s.name,
        "title": view.meta.get("title", ""),
        "subject": view.meta.get("subject", ""),
        "type_name": "", "subject_lines": [], "rule_subject": Markup(""),
        "header_marks": Markup("".join(_box_xml(b, left) for b in h.marks)),
        "circulation": Markup(_box_xml(h.circulation, right) if h.circulation else ""),
        "draft_mark": Markup(_box_xml(h.draft, left) if h.draft else ""),
        "contact": _contact(view.contact_lines),
        "e_stamp": Markup(ooxml.paragraph("ky_so", (Span(view.e_stamp),)) if view.e_stamp else ""),
        "secretary_title": s.secretary[0] if s.secretary else "",
        "secretary_name": s.secretary[1] if s.secretary else "",
    }
    if view.title:
        t = view.title
        ctx["type_name"] = t.type_name
        ctx["subject_lines"] = t.subject_lines
        length = t.subject_rule.length_mm if t.subject_rule else 0
        ctx["rule_subject"] = Markup(ooxml.rule_paragraph(RULE_STYLE, rules.TEXT_WIDTH_MM, length))
    return ctx


def _copy_xml(c: CopyBlock, geo) -> str:
    """Mẫu 3.1: full-width rule, then the copying body's block and its signer."""
    left, right = geo.header_columns
    p = ooxml.paragraph
    xml = ooxml.empty_paragraph(SPACER_STYLE) + ooxml.rule_paragraph(RULE_STYLE, rules.TEXT_WIDTH_MM, rules.TEXT_WIDTH_MM)
    names = "".join(p("co_quan_ban_hanh", (Span(t),)) for t in c.issuer_lines)
    names += ooxml.rule_paragraph(RULE_STYLE, left, c.issuer_rule.length_mm) + p("so_ky_hieu", (Span(c.number),))
    label = p("hinh_thuc_sao", (Span(c.label),)) + p("dia_danh_ngay", (Span(c.place_date),))
    xml += (ooxml.table_open((left, right), geo.header_indent) + ooxml.row_open()
            + ooxml.cell(left, names) + ooxml.cell(right, label) + "</w:tr></w:tbl>")
    s_left, s_right = geo.signature_columns
    recipients = p("noi_nhan_nhan", (Span(rules.NOI_NHAN_LABEL),)) + "".join(p("noi_nhan", (Span(x),)) for x in c.noi_nhan)
    signer = "".join(p("quyen_han_chuc_vu", (Span(x),)) for x in c.authority_lines)
    signer += ooxml.empty_paragraph(SPACER_STYLE) * rules.SIGNATURE_GAP_LINES + p("ho_ten", (Span(c.name),))
    xml += (ooxml.table_open((s_left, s_right), 0.0, top_pt=rules.SIGNATURE_SPACE_BEFORE_PT) + ooxml.row_open()
            + ooxml.cell(s_left, recipients) + ooxml.cell(s_right, signer) + "</w:tr></w:tbl>")
    return xml + ooxml.empty_paragraph(SPACER_STYLE)


def _confirmation_xml(lines: list[str], geo) -> str:
    """Mẫu 1.10: the confirmation block in the left column, room to sign below."""
    left, right = geo.signature_columns
    content = "".join(ooxml.paragraph("xac_nhan", (Span(x),)) for x in lines)
    content += ooxml.empty_paragraph(SPACER_STYLE) * rules.SIGNATURE_GAP_LINES
    return (ooxml.table_open((left, right), 0.0, top_pt=rules.SIGNATURE_SPACE_BEFORE_PT) + ooxml.row_open()
            + ooxml.cell(left, content) + ooxml.cell(right, "") + "</w:tr></w:tbl>" + ooxml.empty_paragraph(SPACER_STYLE))


def _attached_signature_xml(s, geo) -> str:
    """The signature block at the end of an attached text: the right column
    of the signature band, nothing on the left (no Nơi nhận there)."""
    left, right = geo.signature_columns
    p = ooxml.paragraph
    signer = "".join(p("quyen_han_chuc_vu", (Span(x),)) for x in s.authority_lines)
    signer += ooxml.empty_paragraph(SPACER_STYLE) * rules.SIGNATURE_GAP_LINES
    signer += "".join(p("chuc_vu_khac", (Span(x),)) for x in s.other_position_lines) + p("ho_ten", (Span(s.name),))
    return (ooxml.table_open((left, right), 0.0, top_pt=rules.SIGNATURE_SPACE_BEFORE_PT) + ooxml.row_open()
            + ooxml.cell(left, ooxml.empty_paragraph(SPACER_STYLE)) + ooxml.cell(right, signer) + "</w:tr></w:tbl>"
            + ooxml.empty_paragraph(SPACER_STYLE))


def _appendix_xml(a: Appendix, geo) -> str:
    width = rules.LANDSCAPE_TEXT_WIDTH_MM if a.landscape else rules.TEXT_WIDTH_MM
    xml = bands.header_band(a.header, with_number=False) if a.header else ""
    xml += "".join(_para_xml(p) for p in a.heading)
    xml += ooxml.rule_paragraph(RULE_STYLE, width, a.rule.length_mm)
    xml += "".join(_para_xml(p) for p in a.body)
    if a.table:
        t = a.table
        header = [_para_xml(h) for h in t.header]
        rows = [["".join(_para_xml(p) for p in cell) for cell in row] for row in t.rows]
        xml += ooxml.grid_table(t.widths_mm, header, rows, rules.TABLE_BORDER_PT, rules.COLOR,
                                rules.TABLE_CELL_PADDING_MM)
        xml += ooxml.empty_paragraph(SPACER_STYLE)  # Word needs a paragraph after a table
    if a.signature:
        xml += _attached_signature_xml(a.signature, geo)
    return xml


def render_view(view: DocumentView, template_file: str | Path | None = None) -> bytes:
    tpl = template.load(template_file or template_path(view.mau))
    ctx = context(view)
    if "noi_nhan_more" not in tpl.used:  # a template made before the band could split: one list
        ctx["noi_nhan"], ctx["noi_nhan_more"] = view.noi_nhan, []
    if "noi_nhan_more_block" not in tpl.used:
        ctx["noi_nhan_block"], ctx["noi_nhan_more_block"] = Markup(bands.noi_nhan_block(view.recipients)), Markup("")
    parts = tpl.render(ctx)
    xml = bands.fit_header_table(parts["word/document.xml"].decode("utf-8"), page_geometry(), view.page)
    parts["word/document.xml"] = bands.fit_signature_table(xml, page_geometry(), view.page).encode("utf-8")
    if view.confirmation:
        xml = sections.before_final_section(parts["word/document.xml"].decode("utf-8"),
                                            _confirmation_xml(view.confirmation, view.page))
        parts["word/document.xml"] = xml.encode("utf-8")
    if view.copy:
        xml = sections.before_final_section(parts["word/document.xml"].decode("utf-8"), _copy_xml(view.copy, view.page))
        parts["word/document.xml"] = xml.encode("utf-8")
    inside = [a for a in view.appendices if not a.separate]
    if inside:
        xml = parts["word/document.xml"].decode("utf-8")
        xml = sections.with_appendices(xml, [(_appendix_xml(a, view.page), a.landscape) for a in inside])
        parts["word/document.xml"] = xml.encode("utf-8")
    parts["word/styles.xml"] = styles_xml(Profile(view.profile))
    drawing.add_images(parts, _image_parts(view.signature))
    return package.zip_parts(parts)


def appendix_packages(view: DocumentView) -> list[bytes]:
    """Mẫu 2.2: each appendix marked separate as a DOCX of its own, with the
    ô 14 text at the top right and its pages numbered from 1."""
    out = []
    for a in (a for a in view.appendices if a.separate):
        parts = package.base_parts(frame.HEADER_IDS)
        stamp = ooxml.paragraph("ky_so", (Span(view.e_stamp),)) if view.e_stamp else ""
        page = (rules.PAGE_HEIGHT_MM, rules.PAGE_WIDTH_MM) if a.landscape else (rules.PAGE_WIDTH_MM, rules.PAGE_HEIGHT_MM)
        sect = ooxml.section(page, rules.MARGINS_MM, rules.HEADER_DISTANCE_MM, rules.FOOTER_DISTANCE_MM,
                             frame.HEADER_IDS, {"first": package.FOOTER_FIRST_ID})
        if a.landscape:
            sect = sect.replace("<w:pgSz ", '<w:pgSz w:orient="landscape" ', 1)
        parts["word/document.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{ooxml.W_NS}" xmlns:r="{ooxml.R_NS}"><w:body>'
            f"{stamp}{_appendix_xml(a, view.page)}{sect}</w:body></w:document>"
        ).encode("utf-8")
        parts["word/footer1.xml"] = package.empty_footer()
        parts["docProps/core.xml"] = package.core(a.heading[0].text, view.meta.get("subject", ""))
        parts["word/styles.xml"] = styles_xml(Profile(view.profile))
        out.append(package.zip_parts(parts))
    return out
