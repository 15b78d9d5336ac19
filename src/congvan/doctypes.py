"""The 29 types of administrative document (Điều 7) and their abbreviations
(Phụ lục III §I), as data.

The abbreviation is printed exactly as Phụ lục III writes it, mixed case
included (QyĐ, CTr, TTr): the decree's own table overrides the "chữ in hoa"
wording of Phụ lục I (see docs/decisions.md).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocType:
    slug: str  # the key used in forms: "ke-hoach"
    name: str  # tên loại as written in running text: "Kế hoạch"
    abbreviation: str | None  # ký hiệu loại; công văn and thư công have none
    mau: str | None  # template of Phụ lục III §II that lays it out
    stt: int | None  # row of the Phụ lục III table

    @property
    def title(self) -> str:
        """The type name as printed in ô 5a: upper case."""
        return self.name.upper()

    @property
    def has_type_name(self) -> bool:
        """Công văn and thư công carry no type-name line (ô 5a)."""
        return self.abbreviation is not None


_TABLE = [
    # slug, name, abbreviation, Mẫu, STT in Phụ lục III
    ("nghi-quyet", "Nghị quyết", "NQ", "1.1", 1),
    ("quyet-dinh", "Quyết định", "QĐ", "1.2", 2),
    ("chi-thi", "Chỉ thị", "CT", "1.4", 3),
    ("quy-che", "Quy chế", "QC", "1.4", 4),
    ("quy-dinh", "Quy định", "QyĐ", "1.4", 5),
    ("thong-cao", "Thông cáo", "TC", "1.4", 6),
    ("thong-bao", "Thông báo", "TB", "1.4", 7),
    ("huong-dan", "Hướng dẫn", "HD", "1.4", 8),
    ("chuong-trinh", "Chương trình", "CTr", "1.4", 9),
    ("ke-hoach", "Kế hoạch", "KH", "1.4", 10),
    ("phuong-an", "Phương án", "PA", "1.4", 11),
    ("de-an", "Đề án", "ĐA", "1.4", 12),
    ("du-an", "Dự án", "DA", "1.4", 13),
    ("bao-cao", "Báo cáo", "BC", "1.4", 14),
    ("bien-ban", "Biên bản", "BB", "1.9", 15),
    ("to-trinh", "Tờ trình", "TTr", "1.4", 16),
    ("hop-dong", "Hợp đồng", "HĐ", None, 17),
    ("cong-dien", "Công điện", "CĐ", "1.6", 18),
    ("ban-ghi-nho", "Bản ghi nhớ", "BGN", None, 19),
    ("ban-thoa-thuan", "Bản thỏa thuận", "BTT", None, 20),
    ("giay-uy-quyen", "Giấy ủy quyền", "GUQ", "1.4", 21),
    ("giay-moi", "Giấy mời", "GM", "1.7", 22),
    ("giay-gioi-thieu", "Giấy giới thiệu", "GGT", "1.8", 23),
    ("giay-nghi-phep", "Giấy nghỉ phép", "GNP", "1.10", 24),
    ("phieu-gui", "Phiếu gửi", "PG", "1.4", 25),
    ("phieu-chuyen", "Phiếu chuyển", "PC", "1.4", 26),
    ("phieu-bao", "Phiếu báo", "PB", "1.4", 27),
    ("cong-van", "Công văn", None, "1.5", None),
    ("thu-cong", "Thư công", None, None, None),
]

DOC_TYPES: dict[str, DocType] = {row[0]: DocType(*row) for row in _TABLE}

#: Copy kinds (Phụ lục III §I, STT 28–30).
COPY_KINDS = {"sao-y": ("Bản sao y", "SY"), "trich-sao": ("Bản trích sao", "TrS"), "sao-luc": ("Bản sao lục", "SL")}

#: Types that do not take a trích yếu (Mẫu 1.8, 1.10).
NO_SUBJECT = frozenset({"giay-gioi-thieu", "giay-nghi-phep"})

#: Types whose Nơi nhận starts with "- Như trên;" because they carry a Kính gửi
#: (Phụ lục I §II.9.a): công văn, and tờ trình / báo cáo sent upward.
KINH_GUI_TYPES = frozenset({"cong-van", "to-trinh", "bao-cao"})


#: Parts of a form that belong to some types only (Mẫu 1.3, 1.6–1.10): field → the types that take it.
OWN_PARTS: dict[str, tuple[str, ...]] = {
    "giay_moi": ("giay-moi",),
    "gioi_thieu": ("giay-gioi-thieu",),
    "bien_ban": ("bien-ban",),
    "nghi_phep": ("giay-nghi-phep",),
    "dien_gui": ("cong-dien",),
    "kem_theo": ("quyet-dinh",),
}

#: Parts a type cannot do without (beyond what every document needs).
REQUIRED_PARTS: dict[str, tuple[str, ...]] = {
    "bien-ban": ("bien_ban",),
    "cong-dien": ("dien_gui",),
    "quyet-dinh": ("tham_quyen",),
    "nghi-quyet": ("tham_quyen",),
}


def get(slug: str) -> DocType:
    return DOC_TYPES[slug]
