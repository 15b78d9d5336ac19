"""Văn bản: what an administrative document says, in the words a clerk uses.

The model knows nothing of DOCX: it describes the content and checks the
rules that are about content (which parts a type needs, how the ký hiệu is
composed, how the signature block may be built under Điều 13).  Where and in
what size each part is printed is the layout's business (``congvan.layout``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Iterator, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator, model_validator

from .. import doctypes, rules
from ..images import read_png
from ..rules import Profile
from .. import numbering
from .body import AssignmentStyle, Block, DanhSachNhiemVu, NhiemVu, walk
from .danh_so import DanhSoField, check_levels, levels_of, scheme_name, scheme_of, unknown_levels
from .dates import Ngay
from . import footnote
from .footnote import ChuThich
from .rule import Rule, raise_first
from .parts import BanSao, BienBan, DoKhan, DoMat, GiayMoi, GioiThieu, LienHe, NghiPhep, VanBanKemTheo
from .text import Code, KyHieu, Line, Text, not_bool

#: A trích yếu is "ngắn gọn" (Phụ lục I §II.5); real ones run 50–250 characters.
MAX_SUBJECT_CHARS = 500

if TYPE_CHECKING:  # a user's type checker sees text; pydantic checks the 29 slugs (doctypes.DOC_TYPES)
    DocTypeSlug = str
else:
    DocTypeSlug = Literal[tuple(doctypes.DOC_TYPES)]

#: How a missing part is reported, when it has words of its own.
_MISSING_PART = {
    "tham_quyen": ("missing-authority",
                   "Quyết định, nghị quyết cần dòng thẩm quyền ban hành (tham_quyen), ví dụ 'Chủ tịch Ủy ban nhân dân"
                   " tỉnh' (Mẫu 1.1–1.3) / a quyết định or nghị quyết needs its authority line (tham_quyen)"),
}

_AUTHORITY_FIELDS = ("thay_mat", "thua_lenh", "thua_uy_quyen", "ky_thay", "quyen")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CoQuan(_Model):
    """An agency (cơ quan, tổ chức) as named in the header (ô 2)."""

    ten: Text = Field(
        description="Tên cơ quan; '\\n' để tự ngắt dòng (in hoa khi trình bày) "
        "/ agency name; '\\n' forces a line break (printed in upper case)"
    )
    viet_tat: Code | None = Field(default=None, description="Chữ viết tắt dùng trong ký hiệu, ví dụ UBND / abbreviation used in the ký hiệu")


class NoiNhan(_Model):
    """One recipient line of Nơi nhận, with an optional purpose note."""

    ten: Line = Field(description="Nơi nhận, một dòng / recipient, one line")
    ghi_chu: Line | None = Field(default=None, description="Ghi chú trong ngoặc, ví dụ 'để báo cáo' / note printed in parentheses")
    ghi_chu_dong_rieng: bool = Field(
        default=False, description="In ghi chú trên dòng riêng, thụt vào dưới tên / print the note on its own indented line"
    )


class NhomNoiNhan(_Model):
    """Several recipients under one note: offices draw a right brace over the
    items and write the note beside it, "(để b/c)"."""

    nhom: list[Line] = Field(description="Các nơi nhận trong nhóm (từ hai trở lên) / the recipients of the group (two or more)")
    ghi_chu: Line = Field(description="Ghi chú chung của nhóm, ví dụ 'để b/c' / the note the group shares")

    @field_validator("nhom")
    @classmethod
    def _two_or_more(cls, items: list[str]) -> list[str]:
        if len(items) < 2:
            raise Rule(
                "group-too-small", f"Nhóm nơi nhận cần từ hai nơi nhận trở lên, đang có {len(items)}; một nơi nhận thì ghi"
                " {ten: …, ghi_chu: …} / a Nơi nhận group needs two or more recipients, it has"
                f" {len(items)}; for one recipient write {{ten: …, ghi_chu: …}}"
            )
        return items


def _recipient_kind(value: object) -> str:
    if isinstance(value, dict):
        return "NhomNoiNhan" if "nhom" in value else "NoiNhan"
    if isinstance(value, (NoiNhan, NhomNoiNhan)):
        return type(value).__name__
    return "str"


#: One entry of Nơi nhận: a name, a name with a note, or a group under one note.
MotNoiNhan = Annotated[
    Union[Annotated[Line, Tag("str")], Annotated[NoiNhan, Tag("NoiNhan")], Annotated[NhomNoiNhan, Tag("NhomNoiNhan")]],
    Discriminator(_recipient_kind),
]


class Luu(_Model):
    """The last line of Nơi nhận: ``- Lưu: VT, HC (2).``"""

    don_vi: list[Line] = Field(
        default_factory=list, description="Đơn vị soạn thảo lưu, hoặc 'Hồ sơ' (biên bản) / units keeping a copy"
    )
    so_ban: int | None = Field(default=None, gt=0, le=999, description="Số bản lưu / copies kept")
    _so_ban_not_bool = field_validator("so_ban", mode="before")(not_bool)


class NguoiSoanThao(_Model):
    """ô 12: the drafter's initials and the number of copies issued: ``PL.(300)``."""

    ky_hieu: Code = Field(description="Ký hiệu người soạn thảo, ví dụ 'PL', 'bnt', 'h5' / drafter initials")
    so_ban: int | None = Field(default=None, gt=0, le=99999, description="Số lượng bản phát hành / copies issued")
    _so_ban_not_bool = field_validator("so_ban", mode="before")(not_bool)


class PhuLuc(_Model):
    """An appendix (Phụ lục I §III.1): its title, its own body, and/or the
    table of the document's tasks (STT | nhiệm vụ | chủ trì | phối hợp | thời hạn)."""

    tieu_de: Text | None = Field(default=None, description="Tên phụ lục (in hoa khi trình bày) / appendix title")
    noi_dung: list[Block] = Field(default_factory=list, description="Nội dung phụ lục / the appendix's body")
    bang_nhiem_vu: bool = Field(
        default=False, description="Lập bảng phân công từ các nhiệm vụ của văn bản / a table of the document's tasks"
    )
    tep_rieng: bool = Field(
        default=False, description="Phụ lục điện tử trong tệp riêng (Mẫu 2.2): số, ngày để trống / appendix in a separate file"
    )

    @model_validator(mode="after")
    def _has_content(self) -> "PhuLuc":
        raise_first(self.cross_field_rules())
        return self

    def cross_field_rules(self) -> Iterator[Rule]:
        if not self.noi_dung and not self.bang_nhiem_vu:
            yield Rule("empty-appendix", "Phụ lục cần nội dung (noi_dung) hoặc bảng nhiệm vụ (bang_nhiem_vu: true)"
                       " / an appendix needs a body (noi_dung) or the task table (bang_nhiem_vu: true)", "noi_dung")


class NguoiKy(_Model):
    """The signature block (ô 7a–7c): authority, position, name (Điều 13)."""

    thay_mat: Line | None = Field(default=None, description="TM.: tập thể hoặc cơ quan, ví dụ 'Ủy ban nhân dân' / collective signed for")
    thua_lenh: Line | None = Field(default=None, description="TL.: chức vụ người đứng đầu / head's position (by order)")
    thua_uy_quyen: Line | None = Field(default=None, description="TUQ.: chức vụ người đứng đầu / head's position (by delegation)")
    ky_thay: Line | None = Field(default=None, description="KT.: chức vụ người đứng đầu / head's position (deputy signs)")
    quyen: Line | None = Field(default=None, description="Q.: chức vụ người đứng đầu / head's position (acting head)")
    chuc_vu: Line | None = Field(default=None, description="Chức vụ của người ký / the signer's position")
    chuc_vu_khac: Text | None = Field(
        default=None, description="Chức vụ khác in trên họ tên, ví dụ 'Phó Chủ tịch UBND tỉnh' / other position printed above the name"
    )
    cap_bac: Line | None = Field(
        default=None, description="Cấp bậc, học hàm, học vị trước họ tên khi ngành cho phép, ví dụ 'Thượng tướng' / rank before the name"
    )
    ho_ten: Line = Field(description="Họ và tên / full name")
    anh_chu_ky: Path | None = Field(
        default=None, description="Ảnh chữ ký (PNG màu xanh, nền trong suốt) đặt giữa chức vụ và họ tên / signature image"
    )
    anh_dau: Path | None = Field(
        default=None, description="Ảnh dấu (PNG màu đỏ, kích thước thật) trùm 1/3 chữ ký bên trái / seal image"
    )

    @field_validator("anh_chu_ky", "anh_dau")
    @classmethod
    def _png(cls, value: Path | None) -> Path | None:
        if value is not None:
            try:
                read_png(value)  # a clear error now rather than at rendering
            except ValueError as exc:
                raise Rule("bad-image", str(exc)) from None
        return value

    @model_validator(mode="after")
    def _authority_rules(self) -> "NguoiKy":
        raise_first(self.cross_field_rules())
        return self

    def cross_field_rules(self) -> Iterator[Rule]:
        if self.thua_uy_quyen and self.ky_thay:
            yield Rule("tuq-with-kt",
                       "Người được ủy quyền (TUQ.) không được ủy quyền lại, nên không ghi KT. cùng TUQ. (Điều 13.3)"
                       " / TUQ. cannot be delegated again, so it cannot be combined with KT. (Điều 13.3)", "ky_thay")
        if self.thua_lenh and self.thua_uy_quyen:
            yield Rule("tl-with-tuq", "Không ghi cùng lúc TL. và TUQ. / TL. and TUQ. exclude each other",
                       "thua_uy_quyen")
        if self.quyen and (self.ky_thay or self.thua_lenh or self.thua_uy_quyen):
            yield Rule("q-with-others",
                       "Q. (quyền) không đi cùng KT., TL. hay TUQ. / Q. cannot be combined with KT., TL. or TUQ.", "quyen")
        if not self.chuc_vu and not self.quyen:
            yield Rule("missing-position",
                       "Thiếu chức vụ người ký (chuc_vu) (Phụ lục I §II.7) / the signer's position (chuc_vu) is missing",
                       "chuc_vu")

    @property
    def authority_lines(self) -> list[tuple[str, str]]:
        """(marker, text) pairs in printing order: TM., TL./TUQ., KT., Q."""
        markers = {"thay_mat": "TM.", "thua_lenh": "TL.", "thua_uy_quyen": "TUQ.", "ky_thay": "KT.", "quyen": "Q."}
        return [(markers[f], getattr(self, f)) for f in _AUTHORITY_FIELDS if getattr(self, f)]


VanBanKemTheo.model_rebuild(_types_namespace={"NguoiKy": NguoiKy, "Literal": Literal})


class VanBan(_Model):
    """An administrative document (văn bản hành chính) under NĐ 30/2020/NĐ-CP."""

    model_config = ConfigDict(extra="forbid", title="Văn bản hành chính (NĐ 30/2020/NĐ-CP)")

    schema_: str | None = Field(default=None, alias="$schema", description="JSON Schema của biểu mẫu (cho trình soạn thảo) / schema URL for editors")
    loai: DocTypeSlug = Field(
        description="Loại văn bản, ví dụ cong-van, ke-hoach (xem 'congvan types') / document type"
    )
    co_quan_chu_quan: CoQuan | None = Field(default=None, description="Cơ quan chủ quản trực tiếp (nếu có) / direct parent agency")
    co_quan_ban_hanh: CoQuan = Field(description="Cơ quan ban hành / issuing agency")
    so: int | None = Field(default=None, gt=0, le=99999, description="Số văn bản; để trống cho văn thư điền / number; blank for the văn thư")
    _so_not_bool = field_validator("so", mode="before")(not_bool)
    ky_hieu: KyHieu | None = Field(
        default=None, description="Ký hiệu đầy đủ nếu muốn tự ghi, ví dụ KH-UBND; mặc định tự ghép / full ký hiệu override"
    )
    don_vi_soan_thao: Code | None = Field(
        default=None, description="Viết tắt đơn vị soạn thảo hoặc lĩnh vực (ký hiệu công văn, dòng Lưu) / drafting unit or field"
    )
    dia_danh: Line = Field(description="Địa danh, ví dụ 'Hà Nội', 'Thành phố Hồ Chí Minh' / place name")
    ngay: Ngay = Field(description="Ngày ban hành: 15/7/2022, hoặc 7/2022 nếu để trống ngày / date of issue")
    trich_yeu: Text | None = Field(default=None, description="Trích yếu nội dung (công văn: không gõ 'V/v') / subject")
    kinh_gui: list[Text] = Field(default_factory=list, description="Kính gửi / addressees")
    can_cu: list[Text] = Field(default_factory=list, description="Căn cứ ban hành / legal bases")
    noi_dung: list[Block] = Field(default_factory=list, description="Nội dung văn bản / the body")
    chu_thich: ChuThich = Field(default_factory=dict)
    noi_nhan: list[MotNoiNhan] = Field(
        default_factory=list, description="Nơi nhận (không gồm dòng Lưu), mỗi nơi một dòng: tên, {ten, ghi_chu},"
        " hoặc nhóm {nhom: [..], ghi_chu} in chung một ngoặc / recipients, one line each: a name, {ten, ghi_chu},"
        " or a group under one note"
    )
    nhu_tren: Literal[rules.NHU_TREN_CHOICES] = Field(  # type: ignore[valid-type]
        default="tu-dong", description="Dòng đầu Nơi nhận: 'tu-dong' (Như trên khi có Kính gửi), 'nhu-tren',"
        " 'nhu-thanh-phan', 'khong' / the first Nơi nhận line: automatic, 'Như trên', 'Như thành phần' or none"
    )
    luu: Luu = Field(default_factory=Luu, description="Dòng 'Lưu: VT, …' / archive line")
    nguoi_soan_thao: NguoiSoanThao | None = Field(default=None, description="Ký hiệu người soạn thảo, số bản phát hành (ô 12)")
    kieu_o12: str = Field(
        default=rules.DEFAULT_O12_STYLE, description="Cách ghi ô 12: " + ", ".join(f"'{k}'" for k in rules.O12_STYLES)
        + " (xem docs/forms.md) / how ô 12 is written: a style name",
        json_schema_extra={"enum": list(rules.O12_STYLES)},
    )
    kinh_gui_mot_noi: Literal[rules.KINH_GUI_ONE] = Field(  # type: ignore[valid-type]
        default="giua", description="Một nơi nhận Kính gửi: 'giua' (căn giữa dòng) hoặc 'thut-le' (thụt lề như Mẫu 1.5)"
        " / one addressee: centred, or from the Mẫu 1.5 indent"
    )
    nguoi_ky: NguoiKy = Field(description="Người ký / signature block")
    phu_luc: list[PhuLuc] = Field(default_factory=list, description="Phụ lục kèm theo / appendices")
    # Quyết định, nghị quyết (Mẫu 1.1–1.3)
    tham_quyen: Text | None = Field(
        default=None, description="Thẩm quyền ban hành (quyết định, nghị quyết): chức vụ người đứng đầu hoặc tên tập thể,"
        " ví dụ 'Chủ tịch Ủy ban nhân dân tỉnh' / the issuing authority line"
    )
    theo_de_nghi: Text | None = Field(
        default=None, description="Theo đề nghị của … hoặc 'Xét đề nghị của …' (dòng cuối phần căn cứ) / on the proposal of"
    )
    dau_cau_can_cu: Literal[";", ",", "."] | None = Field(
        default=None, description="Dấu cuối dòng căn cứ cuối cùng; mặc định '.' trước 'QUYẾT ĐỊNH:', ',' trước câu nội dung"
        " / the last căn cứ's punctuation; by default '.' before the decision line, ',' before the body sentence",
    )
    kem_theo: VanBanKemTheo | None = Field(default=None, description="Văn bản ban hành kèm theo quyết định (Mẫu 1.3)")
    # Fixed parts of Mẫu 1.6–1.10
    dien_gui: Line | None = Field(default=None, description="Công điện: cơ quan hoặc chức danh điện, ví dụ 'Thủ tướng Chính phủ'")
    giay_moi: GiayMoi | None = Field(default=None, description="Giấy mời (Mẫu 1.7)")
    gioi_thieu: GioiThieu | None = Field(default=None, description="Giấy giới thiệu (Mẫu 1.8)")
    bien_ban: BienBan | None = Field(default=None, description="Biên bản (Mẫu 1.9)")
    nghi_phep: NghiPhep | None = Field(default=None, description="Giấy nghỉ phép (Mẫu 1.10)")
    # Optional elements (Phụ lục I §III)
    do_khan: DoKhan | None = Field(default=None, description="Độ khẩn: khan, thuong-khan, hoa-toc / urgency")
    do_mat: DoMat | None = Field(default=None, description="Độ mật: mat, toi-mat, tuyet-mat / confidentiality")
    luu_hanh: Line | None = Field(default=None, description="Chỉ dẫn phạm vi lưu hành, ví dụ 'Lưu hành nội bộ' / circulation")
    du_thao: Line | bool | None = Field(default=None, description="Dấu dự thảo: true, hoặc 'Dự thảo lần 2' / draft mark")
    lien_he: LienHe | None = Field(default=None, description="Địa chỉ, điện thoại, thư điện tử … cuối trang 1 (ô 13)")
    ky_so: Line | None = Field(
        default=None, description="Dòng chữ ký số cỡ 10 góc trên phải trang 1 (ô 14, Mẫu 2.2, 3.2), ví dụ"
        " 'Số: 215/QĐ-SNV; 12/3/2025; 10:15:20 +07:00' / the 10 pt e-signature text, top right"
    )
    ban_sao: BanSao | None = Field(default=None, description="Khối bản sao dưới văn bản được sao (Mẫu 3.1) / copy block")
    danh_sach: list[dict[str, str | int | float]] = Field(
        default_factory=list, description="Danh sách trộn văn bản: mỗi dòng một văn bản, cột điền «cột» hoặc"
        " đặt trường cùng tên / mail-merge rows: one document per row"
    )
    co_chu: Profile = Field(default=Profile.LON, description="Cỡ chữ: 'lon' (13/14) hoặc 'nho' (12/13) / size profile")
    cach_phan_cong: AssignmentStyle = Field(
        default="ngoac",
        description="Cách trình bày phân công nhiệm vụ: 'ngoac' (trong ngoặc sau nhiệm vụ), 'phan-cong' (dòng in nghiêng"
        " 'Phân công nhiệm vụ: …'), 'theo-co-quan' (nhóm theo cơ quan chủ trì), 'nguyen-van' (in đúng câu đã viết,"
        " dữ liệu chủ trì, phối hợp, thời hạn vẫn dùng cho bảng phân công và công văn đôn đốc)"
        " / how task assignments are printed; 'nguyen-van': the clerk's sentences as written, the data kept",
    )
    danh_so: DanhSoField | None = Field(
        default=None, description="Kiểu đánh số đề mục: " + "; ".join(f"'{k}' {v}" for k, v in numbering.SCHEME_NOTES.items())
        + "; hoặc {kieu, cap} để sửa từng cấp; mặc định theo loại văn bản"
        " / the heading numbering scheme by name, or {kieu, cap} to change some levels; by default the type's",
    )

    @field_validator("danh_so", mode="before")
    @classmethod
    def _known_scheme(cls, value: object) -> object:
        return scheme_name(value)

    @field_validator("trich_yeu")
    @classmethod
    def _subject_is_short(cls, value: str | None) -> str | None:
        if value is not None and len(value) > MAX_SUBJECT_CHARS:
            raise Rule(
                "subject-too-long",
                f"Trích yếu dài {len(value)} ký tự; trích yếu phải ngắn gọn, tối đa {MAX_SUBJECT_CHARS} ký tự"
                f" (Phụ lục I §II.5) / the subject is {len(value)} characters; keep it under {MAX_SUBJECT_CHARS}"
            )
        return value

    @field_validator("kinh_gui", "noi_nhan")
    @classmethod
    def _no_duplicates(cls, items: list) -> list:
        seen: set[str] = set()
        names = [n for item in items for n in (item.nhom if isinstance(item, NhomNoiNhan)
                                                else [item if isinstance(item, str) else item.ten])]
        for shown in names:
            name = shown.casefold()
            if name in seen:
                raise Rule("listed-twice", f"'{shown}' được ghi hai lần / '{shown}' is listed twice")
            seen.add(name)
        return items

    @field_validator("kieu_o12")
    @classmethod
    def _known_o12_style(cls, value: str) -> str:
        if value not in rules.O12_STYLES:
            known = ", ".join(rules.O12_STYLES)
            raise Rule(
                "unknown-o12-style", f"Không có cách ghi ô 12 tên '{value}'; chọn một trong: {known}"
                f" / there is no ô 12 style named '{value}'; choose one of: {known}"
            )
        return value

    @field_validator("ky_hieu")
    @classmethod
    def _ky_hieu_has_no_spaces(cls, value: str | None) -> str | None:
        if value is not None and (not value or any(c.isspace() for c in value) or value.startswith(("-", "/"))):
            raise Rule(
                "ky-hieu-spaces",
                f"Ký hiệu '{value}' không được có dấu cách; các nhóm nối bằng '-' (Phụ lục I §II.3)"
                f" / ký hiệu '{value}' must have no spaces; groups are joined by '-'"
            )
        return value

    @property
    def doc_type(self) -> doctypes.DocType:
        return doctypes.get(self.loai)

    @model_validator(mode="after")
    def _type_rules(self) -> "VanBan":
        raise_first(self.cross_field_rules())
        return self

    @model_validator(mode="after")
    def _footnotes(self) -> "VanBan":
        footnote.check(self, self.chu_thich)
        return self

    def cross_field_rules(self) -> Iterator[Rule]:
        """The rules that compare fields, each reported at the field to change."""
        for check in self.rule_checks():
            yield from check()

    def rule_checks(self) -> list:
        """The rules in independent groups: on raw data (congvan.validation) a group
        that cannot read a wrong field is skipped, the others still run."""
        return [self._ky_hieu_parts, self._has_body, self._task_table, self._kind_rules, self._type_parts,
                self._numbering_rules]

    def _ky_hieu_parts(self) -> Iterator[Rule]:
        if self.ky_hieu is None and not self.co_quan_ban_hanh.viet_tat:
            yield Rule("missing-abbreviation",
                       "Cần chữ viết tắt của cơ quan ban hành (co_quan_ban_hanh.viet_tat) để ghép ký hiệu"
                       " / the issuing agency's abbreviation (co_quan_ban_hanh.viet_tat) is needed to compose the"
                       " ký hiệu", "co_quan_ban_hanh.viet_tat")

    def _has_body(self) -> Iterator[Rule]:
        if not self.noi_dung and not (self.giay_moi or self.gioi_thieu or self.nghi_phep or self.bien_ban):
            yield Rule("empty-body", "Văn bản chưa có nội dung (noi_dung) / the document has no body (noi_dung)",
                       "noi_dung")

    def _task_table(self) -> Iterator[Rule]:
        for index, appendix in enumerate(self.phu_luc):
            if appendix.bang_nhiem_vu and not self.tasks():
                yield Rule("task-table-without-tasks",
                           "Bảng nhiệm vụ trong phụ lục (phu_luc) cần các nhiệm vụ trong nội dung (nhiem_vu)"
                           " / the task table of an appendix (phu_luc) needs tasks (nhiem_vu) in the body",
                           f"phu_luc[{index}].bang_nhiem_vu")
                return

    def _kind_rules(self) -> Iterator[Rule]:
        kind = self.doc_type
        if kind.slug not in doctypes.NO_SUBJECT and not self.trich_yeu:
            yield Rule("missing-subject", f"{kind.name} phải có trích yếu (trich_yeu) (Phụ lục I §II.5)"
                       f" / a {kind.slug} needs a subject (trich_yeu)", "trich_yeu")
        if kind.slug == "cong-van" and not self.kinh_gui:
            yield Rule("missing-addressees", "Công văn phải có Kính gửi (kinh_gui) (Phụ lục I §II.9.a)"
                       " / a công văn needs addressees (kinh_gui)", "kinh_gui")
        if not kind.abbreviation and self.ky_hieu is None and not self.don_vi_soan_thao:
            yield Rule("missing-drafting-unit",
                       "Ký hiệu công văn gồm viết tắt cơ quan và đơn vị soạn thảo: cần don_vi_soan_thao"
                       " (Phụ lục I §II.3) / a công văn's ký hiệu needs the drafting unit (don_vi_soan_thao)",
                       "don_vi_soan_thao")

    def _type_parts(self) -> Iterator[Rule]:
        """Parts that belong to some types only, and parts a type cannot do without (doctypes.OWN_PARTS)."""
        slug = self.doc_type.slug
        for field, owners in doctypes.OWN_PARTS.items():
            if getattr(self, field) is not None and slug not in owners:
                yield Rule("part-of-other-type", f"Trường {field} chỉ dùng cho loại {', '.join(owners)} (đang là"
                           f" {slug}) / field {field} belongs to type {', '.join(owners)} only (this is {slug})", field)
        for field in doctypes.REQUIRED_PARTS.get(slug, ()):
            if not getattr(self, field):
                yield Rule(*_MISSING_PART.get(field, ("missing-part", f"{self.doc_type.name} cần trường {field}"
                                                      f" / a {slug} needs {field}")), field)

    @property
    def scheme(self) -> str:
        """The name of the numbering scheme in force (the form's, else the type's)."""
        return scheme_of(self.danh_so, numbering.scheme_for(self.loai))

    @property
    def levels(self) -> tuple[numbering.Cap, ...]:
        """The levels of the numbering scheme, the form's overrides applied."""
        return levels_of(self.danh_so, numbering.scheme_for(self.loai))

    def _numbering_rules(self) -> Iterator[Rule]:
        """The levels a form names exist in its scheme (the type's when it names
        none) and every ``cap`` in the texts can be reached."""
        unknown = unknown_levels(self.danh_so, numbering.scheme_for(self.loai), "danh_so")
        yield from unknown
        if not unknown:
            levels = self.levels
            yield from check_levels(self.noi_dung, self.scheme, levels)
            for n, item in enumerate(self.phu_luc):
                yield from check_levels(item.noi_dung, self.scheme, levels, f"phu_luc[{n}].noi_dung")
        if self.kem_theo is not None:
            default = self.kem_theo.default_scheme(self.scheme)
            unknown = unknown_levels(self.kem_theo.danh_so, default, "kem_theo.danh_so")
            yield from unknown
            if not unknown:
                name, levels = self.kem_theo.numbering(self.scheme)
                yield from check_levels(self.kem_theo.noi_dung, name, levels, "kem_theo.noi_dung")

    def tasks(self) -> list[NhiemVu]:
        """Every top-level task of the body, in order, wherever it stands."""
        return [task for block in walk(self.noi_dung) if isinstance(block, DanhSachNhiemVu) for task in block.nhiem_vu]

    @property
    def so_ky_hieu(self) -> tuple[int | None, str]:
        """The number and the composed ký hiệu (Phụ lục I §II.3)."""
        if self.ky_hieu:
            return self.so, self.ky_hieu
        issuer = self.co_quan_ban_hanh.viet_tat
        kind = self.doc_type
        if kind.abbreviation:
            return self.so, f"{kind.abbreviation}-{issuer}"
        return self.so, f"{issuer}-{self.don_vi_soan_thao}"
