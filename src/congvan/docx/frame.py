"""Builds the Word-editable templates in ``templates/`` from the rules.

A template is an ordinary DOCX a clerk can open in Word: the header and
signature bands as borderless two-column tables, each element in its named
style, and docxtpl tags (``{{ number }}``, ``{%p for line in … %}``) where the
document's content goes.  Fragments that must be measured (the rules under
the agency name, the motto and the trích yếu; the Kính gửi block; the body;
Nơi nhận, whose groups are nested tables) arrive whole through ``{{p … }}``
tags.  The header table's widths are the Mẫu's; the writer moves them to the
columns fitted to each document's agency name.

``python tools/build_templates.py`` rewrites the files; a test checks that the
committed templates equal what this module builds, so they never drift from
the rules.
"""

from __future__ import annotations

from .. import rules
from ..inline import Span
from ..layout.geometry import page as page_geometry
from . import package
from .ooxml import R_NS, W_NS, cell, paragraph, row_open, section, table_open

#: File name of each template in templates/, by Mẫu of Phụ lục III.
TEMPLATE_FILES = {
    "1.4": "mau-1.4-van-ban-co-ten-loai.docx",
    "1.5": "mau-1.5-cong-van.docx",
    "1.9": "mau-1.9-bien-ban.docx",
}

HEADER_IDS = {"default": "rIdHeaderDefault", "first": "rIdHeaderFirst"}


def _p(style: str, text: str) -> str:
    return paragraph(style, (Span(text),))


def _tag(tag: str) -> str:
    """A paragraph holding only a docxtpl paragraph-level tag."""
    return f"<w:p><w:r><w:t>{tag}</w:t></w:r></w:p>"


def _loop(var: str, style: str) -> str:
    return _tag(f"{{%p for line in {var} %}}") + _p(style, "{{ line }}") + _tag("{%p endfor %}")


def header_band(mau: str) -> str:
    # Widths as the Mẫu draws them; writer.fit_header_table moves them to each
    # document's fitted columns (a long agency name widens the left one).
    geo = page_geometry()
    left, right = geo.header_columns
    # The circulation note (ô 11) stands above the Quốc hiệu, when there is one.
    names = _loop("parent_lines", "co_quan_chu_quan") + _loop("issuer_lines", "co_quan_ban_hanh")
    names += _tag("{{p rule_agency }}")
    motto = _tag("{{p circulation }}") + _p("quoc_hieu", "{{ quoc_hieu }}") + _p("tieu_ngu", "{{ tieu_ngu }}")
    motto += _tag("{{p rule_motto }}")
    # ô 3 and ô 4 share a row so that "Số:" and the date stand on one line.
    number = _p("so_ky_hieu", "{{ number }}")
    rows = (
        row_open() + cell(left, names) + cell(right, motto) + "</w:tr>"
        + row_open() + cell(left, number) + cell(right, _p("dia_danh_ngay", "{{ place_date }}")) + "</w:tr>"
    )
    if mau == "1.5":  # ô 5b: V/v centred under the number
        rows += row_open() + cell(left, _p("trich_yeu_cong_van", "{{ subject_cong_van }}")) + cell(right, "") + "</w:tr>"
    # ô 10a, 10b: confidentiality and urgency boxes under the number, only when present.
    # docxtpl replaces a row holding a {%tr %} tag by the tag itself.
    rows += (row_open() + cell(left, _tag("{%tr if header_marks %}")) + cell(right, "") + "</w:tr>"
             + row_open() + cell(left, _tag("{{p header_marks }}")) + cell(right, "") + "</w:tr>"
             + row_open() + cell(left, _tag("{%tr endif %}")) + cell(right, "") + "</w:tr>")
    return table_open((left, right), geo.header_indent) + rows + "</w:tbl>"


def title_block() -> str:
    return _p("ten_loai", "{{ type_name }}") + _loop("subject_lines", "trich_yeu") + _tag("{{p rule_subject }}")


def signature_band() -> str:
    geo = page_geometry()
    left, right = geo.signature_columns
    recipients = _p("noi_nhan_nhan", rules.NOI_NHAN_LABEL) + _tag("{{p noi_nhan_block }}")
    signer = (
        _loop("authority_lines", "quyen_han_chuc_vu")
        + _tag("{{p signature_gap }}")
        + _loop("other_position_lines", "chuc_vu_khac")
        + _p("ho_ten", "{{ name }}")
    )
    # A long Nơi nhận continues in a second row that may break across pages
    # (layout/pagination.py); the first row, with the signer, never splits.
    more = (row_open() + cell(left, _tag("{%tr if noi_nhan_more %}")) + cell(right, "") + "</w:tr>"
            + row_open(cant_split=False) + cell(left, _tag("{{p noi_nhan_more_block }}"), top_pt=0)
            + cell(right, "", top_pt=0) + "</w:tr>"
            + row_open() + cell(left, _tag("{%tr endif %}")) + cell(right, "") + "</w:tr>")
    return (
        table_open((left, right), 0.0, top_pt=rules.SIGNATURE_SPACE_BEFORE_PT)
        + row_open() + cell(left, recipients) + cell(right, signer) + "</w:tr>" + more + "</w:tbl>"
    )


def minutes_signature_band() -> str:
    """Mẫu 1.9: the secretary signs on the left, the chair on the right;
    Nơi nhận follows below both."""
    geo = page_geometry()
    left, right = geo.signature_columns
    secretary = (_p("quyen_han_chuc_vu", "{{ secretary_title }}") + _tag("{{p secretary_gap }}")
                 + _p("ho_ten", "{{ secretary_name }}"))
    chair = (
        _loop("authority_lines", "quyen_han_chuc_vu") + _tag("{{p signature_gap }}")
        + _loop("other_position_lines", "chuc_vu_khac") + _p("ho_ten", "{{ name }}")
    )
    table = (table_open((left, right), 0.0, top_pt=rules.SIGNATURE_SPACE_BEFORE_PT)
             + row_open() + cell(left, secretary) + cell(right, chair) + "</w:tr></w:tbl>")
    return (table + _p("noi_nhan_nhan", rules.NOI_NHAN_LABEL) + _tag("{{p noi_nhan_block }}")
            + _tag("{{p noi_nhan_more_block }}"))


def document_xml(mau: str) -> str:
    # Typed documents may carry a Kính gửi too (tờ trình, báo cáo, công điện).
    middle = (title_block() if mau != "1.5" else "") + _tag("{{p kinh_gui }}")
    sect = section((rules.PAGE_WIDTH_MM, rules.PAGE_HEIGHT_MM), rules.MARGINS_MM,
                   rules.HEADER_DISTANCE_MM, rules.FOOTER_DISTANCE_MM, HEADER_IDS,
                   {"first": package.FOOTER_FIRST_ID})
    signatures = minutes_signature_band() if mau == "1.9" else signature_band()
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
        # A draft mark (house style: NĐ 30 has none) stands above the header band.
        # ô 14, the 10 pt e-signature text, stands first, at the top right of page 1.
        + _tag("{{p e_stamp }}") + _tag("{{p draft_mark }}") + header_band(mau) + middle + _tag("{{p body }}") + signatures + sect
        + "</w:body></w:document>"
    )


def build(mau: str) -> bytes:
    """The template package for one Mẫu, as bytes."""
    parts = package.base_parts(HEADER_IDS)
    parts["word/document.xml"] = document_xml(mau).encode("utf-8")
    return package.zip_parts(parts)
