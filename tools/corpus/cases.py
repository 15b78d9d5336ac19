"""Every corpus file: which tool writes it, what it says, how it is set and
what a checker must report.  Rule ids are those of
src/congvan/checker/registry.py; the ones below marked NEW are the ids the
rules of issue 15 item 3 take (the checker adds them).
"""

from __future__ import annotations

from dataclasses import replace

from .content import (BAO_CAO, CONG_VAN, DANG, GIAY_MOI, KE_HOACH, MARGINS, QUYET_DINH, THONG_BAO, TO_TRINH,
                      Case, Look)

# NEW rule ids (issue 15, item 3)
SO_VV_6PT = "so-trich-yeu-6pt"  # 6 pt between Số and V/v (Phụ lục I II.5.b)
QH_GIAN_DONG = "quoc-hieu-gian-dong"  # Quốc hiệu and Tiêu ngữ single-spaced (II.1)
GIAN_DONG_EXACT = "gian-dong-exact"  # "Exactly"/"At least" line spacing beyond 1.5 lines (II.6.e)
KY_THAY_CHUC_VU = "ky-thay-chuc-vu"  # KT./TL. block without the signer's own position (II.7)
DUONG_KE_TRICH_YEU = "duong-ke-trich-yeu"  # rule under a typed document's trích yếu (II.5.a)
CO_CHU = "co-chu.dong-bo"  # sizes coherent between elements (Mục V, chú thích 1)

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
]

CASES: list[Case] = [*PYTHON_DOCX]
