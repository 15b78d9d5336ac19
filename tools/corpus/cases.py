"""Every corpus file: which tool writes it, what it says, how it is set and
what a checker must report.  Rule ids are those of
src/congvan/checker/registry.py; the ones below marked NEW are the ids the
rules of issue 15 item 3 take (the checker adds them).
"""

from __future__ import annotations

from dataclasses import replace

from .content import (BAO_CAO, CONG_VAN, DANG, GIAY_MOI, KE_HOACH, MARGINS, QUYET_DINH, THONG_BAO, THU,
                      TO_TRINH, Case, Look)

# NEW rule ids (issue 15, item 3)
SO_VV_6PT = "so-trich-yeu-6pt"  # 6 pt between Số and V/v (Phụ lục I II.5.b)
QH_GIAN_DONG = "quoc-hieu-gian-dong"  # Quốc hiệu and Tiêu ngữ single-spaced (II.1)
GIAN_DONG_EXACT = "gian-dong-exact"  # "Exactly"/"At least" line spacing beyond 1.5 lines (II.6.e)
KY_THAY_CHUC_VU = "ky-thay-chuc-vu"  # KT./TL. block without the signer's own position (II.7)
DUONG_KE_TRICH_YEU = "duong-ke-trich-yeu"  # rule under a typed document's trích yếu (II.5.a)
CO_CHU = "co-chu.dong-bo"  # sizes coherent between elements (Mục V, chú thích 1)
NEW_IDS = (SO_VV_6PT, QH_GIAN_DONG, GIAN_DONG_EXACT, KY_THAY_CHUC_VU, DUONG_KE_TRICH_YEU)

SMALL = Look(small=True)
LEGAL = {"top": 20.0, "bottom": 20.0, "left": 30.0, "right": 20.0}


def _no_position(doc):
    """A KT. block with the name right under "KT. GIÁM ĐỐC": the deputy's own position line is missing."""
    return replace(doc, authority=doc.authority[:1])


PYTHON_DOCX = [
    Case("pd-cong-van", "python-docx", CONG_VAN),
    Case("pd-ke-hoach", "python-docx", KE_HOACH),
    Case("pd-quyet-dinh", "python-docx", QUYET_DINH),
    Case("pd-to-trinh-nho", "python-docx", TO_TRINH, SMALL, construct="the 12/13 size profile"),
    Case("pd-thong-bao", "python-docx", THONG_BAO),
    Case("pd-giay-moi-le-30-20", "python-docx", GIAY_MOI, Look(margins=LEGAL), construct="margins 30/20 mm"),
    Case("pd-phong-arial", "python-docx", CONG_VAN, Look(body_font="Arial"), expect=("phong-chu",),
         breach="body runs in Arial (font.name sets the ascii and hAnsi slots)"),
    Case("pd-noi-dung-12", "python-docx", BAO_CAO, Look(body_pt=12), expect=("o6.noi-dung", "o9a.kinh-gui"),
         breach="body and Kính gửi at 12 pt"),
    Case("pd-ngay-5-thang-3", "python-docx", replace(TO_TRINH, place_date="Nghệ An, ngày 5 tháng 3 năm 2025"),
         expect=("o4.dia-danh-ngay",), breach="“ngày 5 tháng 3”: no leading 0 on the day"),
    Case("pd-so-vv-sat", "python-docx", CONG_VAN, Look(so_vv_gap_pt=0), expect=(SO_VV_6PT,),
         breach="no 6 pt between Số and V/v"),
    Case("pd-gian-dong-exact", "python-docx", KE_HOACH, Look(line=("exact", 30)), expect=(GIAN_DONG_EXACT,),
         breach="body line spacing Exactly 30 pt (about 1.9 lines of 14 pt)"),
    Case("pd-kt-thieu-chuc-vu", "python-docx", _no_position(THONG_BAO), expect=(KY_THAY_CHUC_VU,),
         breach="“KT. CỤC TRƯỞNG” with no “PHÓ CỤC TRƯỞNG” line"),
    Case("pd-gian-dong-at-least", "python-docx", TO_TRINH, Look(line=("atLeast", 28)), expect=(GIAN_DONG_EXACT,),
         breach="body line spacing At least 28 pt (about 1.7 lines of 14 pt)"),
]

#: python-docx's template writes <w:zoom w:bestFit="1"/> without the required w:percent: kept as python-docx writes it.
PD_SCHEMA = "python-docx: w:zoom without w:percent (its own template)"
PYTHON_DOCX = [replace(c, schema=PD_SCHEMA, schema_error="}zoom'") for c in PYTHON_DOCX]

CASES: list[Case] = [*PYTHON_DOCX]

HOA_TOC = replace(CONG_VAN, urgency="HỎA TỐC", so="Số: 216/SNV-VP",
                  subject="V/v báo cáo khẩn tình hình thiệt hại do bão số 5")
KHAN = replace(GIAY_MOI, urgency="KHẨN")
MAT_LUU_HANH = replace(CONG_VAN, secrecy="MẬT", urgency="KHẨN", circulation="LƯU HÀNH NỘI BỘ", so="Số: 217/SNV-VP",
                       subject="V/v kết quả xác minh hồ sơ nhân sự")


def _ox(name, doc, look=Look(), construct="", **options):
    return Case(name, "ooxml", doc, look, construct=construct, options=options)


OOXML = [
    _ox("ox-vml-line", CONG_VAN, construct="rules as VML v:line in w:pict, anchored in the text's paragraph",
        rules="vml-line", compat=14),
    _ox("ox-vml-rect", KE_HOACH, construct="rules as thin filled VML v:rect", rules="vml-rect", compat=14),
    _ox("ox-hop-van-ban", TO_TRINH, construct="header in two text boxes (mc:AlternateContent: wps:txbx + "
        "v:textbox), Word's default insets", header="textbox"),
    _ox("ox-tab-compat14", BAO_CAO, construct="header typed with centred tab stops, VML rules, compatibilityMode 14",
        header="tabs", compat=14),
    _ox("ox-tach-run-truong", THONG_BAO, construct="runs split mid-word, PAGE and DATE fields", split=True,
        date_field=True),
    _ox("ox-sua-doi", CONG_VAN, construct="tracked changes: “ngày 5” deleted, “ngày 18” inserted", tracked="fix"),
    _ox("ox-le-30-20", QUYET_DINH, Look(margins=LEGAL), construct="legal margins 30/20 mm"),
    _ox("ox-hoa-toc", HOA_TOC, construct="HỎA TỐC box (DrawingML text box with a border) under the V/v",
        urgency="textbox"),
    _ox("ox-khan-vml", KHAN, construct="KHẨN box as a VML rectangle with a v:textbox under the number",
        urgency="vml", compat=14),
    _ox("ox-nho-hop-van-ban", GIAY_MOI, SMALL, construct="the 12/13 profile in text boxes, VML rules",
        header="textbox", rules="vml-line"),
    _ox("ox-dml-line", THONG_BAO, construct="rules as DrawingML lines (wps:cNvCnPr) in mc:AlternateContent with a "
        "VML v:line Fallback, as Word 2010+ writes them", rules="dml-line"),
    _ox("ox-mat-luu-hanh", MAT_LUU_HANH, construct="ô 11 “LƯU HÀNH NỘI BỘ” box in the top margin, ô 10a “MẬT” and "
        "ô 10b “KHẨN” boxes under the V/v", urgency="textbox"),
    _ox("ox-o-le-0", QUYET_DINH, construct="header table with its own cell margins 0 (rules measured against "
        "the full cell)", cell_margin=0),
    Case("ox-dang-ke-hoach", "ooxml", DANG, scope="out",
         construct="Party document (ĐẢNG CỘNG SẢN VIỆT NAM, no Quốc hiệu): out of NĐ 30's scope"),
    # breached
    Case("ox-vml-thieu-ke-tieu-ngu", "ooxml", CONG_VAN, Look(motto_rule=False), expect=("o1.duong-ke",),
         breach="no rule under the motto (the agency's is a VML line)",
         options={"rules": "vml-line", "compat": 14}),
    Case("ox-hop-van-ban-ngay-5", "ooxml", replace(TO_TRINH, place_date="Nghệ An, ngày 5 tháng 7 năm 2025"),
         expect=("o4.dia-danh-ngay",), breach="“ngày 5” in a text box (Choice and Fallback copies)",
         options={"header": "textbox"}),
    Case("ox-tach-run-arial", "ooxml", KE_HOACH, Look(body_font="Arial"), expect=("phong-chu",),
         breach="body runs split mid-word, Arial in the ascii/hAnsi slots", options={"split": True}),
    Case("ox-sua-doi-thang-03", "ooxml", replace(CONG_VAN, place_date="Khánh Hòa, ngày 18 tháng 03 năm 2025"),
         expect=("o4.dia-danh-ngay",), breach="a tracked insertion leaves “tháng 03”",
         options={"tracked": "breach"}),
    Case("ox-le-trai-25", "ooxml", BAO_CAO, Look(margins={**MARGINS, "left": 25.0}), expect=("trang.le",),
         breach="left margin 25 mm"),
    Case("ox-so-trang-phai", "ooxml", KE_HOACH, Look(page_number_align="right"), expect=("trang.so-trang",),
         breach="page number right-aligned in the header"),
    Case("ox-hoa-toc-kt-thieu-chuc-vu", "ooxml", _no_position(HOA_TOC), expect=(KY_THAY_CHUC_VU,),
         breach="HỎA TỐC box, and “KT. GIÁM ĐỐC” with no “PHÓ GIÁM ĐỐC” line", options={"urgency": "textbox"}),
    Case("ox-hop-van-ban-co-chu-lech", "ooxml", GIAY_MOI, Look(quoc_hieu_pt=12), expect=(CO_CHU,),
         breach="Quốc hiệu 12 pt with Tiêu ngữ 14 pt (text boxes)", options={"header": "textbox"}),
    Case("ox-ke-co-quan-dai", "ooxml", GIAY_MOI, Look(agency_rule_ratio=0.9), expect=("o2.duong-ke",),
         breach="the rule under a two-line agency name is 0.9 of its longest line"),
    Case("ox-thu-cong-ty", "ooxml", THU, Look(motto_rule=False), scope="out",
         construct="a company's letter: no Quốc hiệu, no Tiêu ngữ — out of NĐ 30's scope"),
    Case("ox-tab-quoc-hieu-gian-dong", "ooxml", THONG_BAO, Look(national_line=1.5), expect=(QH_GIAN_DONG,),
         breach="Quốc hiệu and Tiêu ngữ at 1.5 lines (tab header)", options={"header": "tabs"}),
]

CASES += OOXML


def _lo(name, doc, look=Look(), construct="", **options):
    return Case(name, "libreoffice", doc, look, construct=construct, options=options)


LIBREOFFICE = [
    _lo("lo-cong-van", CONG_VAN, construct="FODT → DOCX: table header, border rules, First Page style"),
    _lo("lo-ke-hoach", KE_HOACH, construct="FODT → DOCX"),
    _lo("lo-quyet-dinh-odt", QUYET_DINH, construct="FODT → ODT → DOCX", source="odt"),
    _lo("lo-bao-cao-nho", BAO_CAO, SMALL, construct="the 12/13 profile, FODT → DOCX"),
    _lo("lo-to-trinh-le-30-20", TO_TRINH, Look(margins=LEGAL), construct="margins 30/20 mm"),
    Case("lo-quoc-hieu-gian-dong", "libreoffice", THONG_BAO, Look(national_gap_pt=6, national_line=1.5),
         expect=(QH_GIAN_DONG,), breach="6 pt and 1.5 lines between Quốc hiệu and Tiêu ngữ"),
    Case("lo-thieu-ke-tieu-ngu", "libreoffice", GIAY_MOI, Look(motto_rule=False), expect=("o1.duong-ke",),
         breach="no rule under the motto"),
    Case("lo-le-trai-25", "libreoffice", CONG_VAN, Look(margins={**MARGINS, "left": 25.0}), expect=("trang.le",),
         breach="left margin 25 mm"),
    Case("lo-so-trang-trai", "libreoffice", KE_HOACH, Look(page_number_align="left"), expect=("trang.so-trang",),
         breach="page number at the left of the header"),
    Case("lo-to-trinh-khong-ke-trich-yeu", "libreoffice", TO_TRINH, Look(subject_rule=False),
         expect=(DUONG_KE_TRICH_YEU,), breach="no rule under the trích yếu of a tờ trình"),
    Case("lo-html-thong-bao", "libreoffice", THONG_BAO, expect=("o1.duong-ke", "o2.duong-ke", DUONG_KE_TRICH_YEU),
         options={"source": "html"},
         construct="an HTML page opened in Writer (HTML (StarWriter)) and saved as DOCX",
         breach="the <hr> rules lose their width: all three rules span their whole column or line"),
]

CASES += LIBREOFFICE


def _nd(name, doc, look=Look(), construct=""):
    return Case(name, "docx-npm", doc, look, construct=construct)


DOCX_NPM = [
    _nd("nd-cong-van", CONG_VAN, construct="npm docx 9.5.1: Table, Paragraph borders, PageNumber.CURRENT"),
    _nd("nd-quyet-dinh", QUYET_DINH),
    _nd("nd-to-trinh", TO_TRINH),
    _nd("nd-giay-moi-nho", GIAY_MOI, SMALL, construct="the 12/13 profile"),
    Case("nd-co-chu-lech", "docx-npm", KE_HOACH, Look(quoc_hieu_pt=12), expect=(CO_CHU,),
         breach="Quốc hiệu 12 pt with Tiêu ngữ 14 pt"),
    Case("nd-bao-cao-khong-ke-trich-yeu", "docx-npm", BAO_CAO, Look(subject_rule=False),
         expect=(DUONG_KE_TRICH_YEU,), breach="no rule under the trích yếu of a báo cáo"),
    Case("nd-thang-02-co-12", "docx-npm", replace(THONG_BAO, place_date="Hà Nội, ngày 03 tháng 2 năm 2025"),
         Look(body_pt=12), expect=("o4.dia-danh-ngay", "o6.noi-dung"),
         breach="“tháng 2” without its 0, and the body at 12 pt"),
    Case("nd-hoa-toc", "docx-npm", HOA_TOC, construct="HỎA TỐC as a bordered paragraph under the V/v",
         schema="docx 9.5.1: a four-sided paragraph border is written top, bottom, left, right (the schema "
         "wants top, left, bottom, right)", schema_error="}left'"),
    Case("nd-ke-co-quan-ngan", "docx-npm", QUYET_DINH, Look(agency_rule_ratio=0.2), expect=("o2.duong-ke",),
         breach="the rule under a two-line agency name is 0.2 of its longest line"),
    Case("nd-noi-nhan-thuong", "docx-npm", CONG_VAN, Look(label_bold_italic=False), expect=("o9b.nhan",),
         breach="“Nơi nhận:” neither bold nor italic"),
]

CASES += DOCX_NPM
