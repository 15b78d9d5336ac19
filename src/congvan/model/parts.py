"""Parts of a document that only some types or some documents carry.

* The fixed paragraphs of Mẫu 1.7–1.10 (giấy mời, giấy giới thiệu, biên bản,
  giấy nghỉ phép) as fields, so the clerk fills in what the template asks
  and congvan writes the template's wording around it.
* The optional elements of Phụ lục I §III: urgency, confidentiality,
  circulation, draft mark, contact footer.
* The text issued with a quyết định (Mẫu 1.3).
"""

from __future__ import annotations

from typing import Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .. import doctypes, numbering
from .body import Block
from .danh_so import DanhSoField, levels_of, scheme_of
from .rule import Rule, raise_first
from .dates import Ngay
from .text import Line, Text, not_bool


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GiayMoi(_Part):
    """Mẫu 1.7: "<cơ quan> trân trọng kính mời: …", "Tới dự …", Chủ trì, Thời gian, Địa điểm."""

    kinh_moi: Text = Field(description="Người/cơ quan được mời (họ tên, chức vụ, đơn vị) / the invitee")
    toi_du: Text = Field(description="Tên cuộc họp, hội nghị, hội thảo / the meeting")
    chu_tri: Line | None = Field(default=None, description="Người chủ trì / who chairs")
    thoi_gian: Text = Field(description="Thời gian, ví dụ '08 giờ 00, ngày 15 tháng 8 năm 2025' / when")
    dia_diem: Text = Field(description="Địa điểm / where")


class GioiThieu(_Part):
    """Mẫu 1.8: who is introduced, to whom, about what, valid until when."""

    ong_ba: Line = Field(description="Ông (bà): họ và tên người được giới thiệu / the person introduced")
    chuc_vu: Line | None = Field(default=None, description="Chức vụ / position")
    duoc_cu_den: Text = Field(description="Được cử đến: cơ quan, tổ chức / sent to")
    ve_viec: Text = Field(description="Về việc / about")
    gia_tri_den: Line = Field(description="Giấy có giá trị đến hết ngày, ví dụ '31/12/2025' / valid until")


class NguoiKyBienBan(_Part):
    """The secretary's block of a biên bản: title and name, no seal."""

    chuc_danh: Line = Field(default="Thư ký", description="Chức danh, mặc định 'Thư ký' / title")
    ho_ten: Line = Field(description="Họ và tên / full name")


class BienBan(_Part):
    """Mẫu 1.9: the fields of the minutes; the body is the proceedings."""

    thoi_gian_bat_dau: Text = Field(description="Thời gian bắt đầu / start")
    dia_diem: Text = Field(description="Địa điểm / place")
    thanh_phan: Text = Field(description="Thành phần tham dự / attendees")
    chu_tri: Line = Field(description="Chủ trì (chủ tọa) / chair")
    thu_ky: NguoiKyBienBan = Field(description="Thư ký (người ghi biên bản) / secretary")
    ket_thuc: Text = Field(description="Kết thúc vào, ví dụ '11 giờ 30, ngày 15 tháng 8 năm 2025' / end")


class NghiPhep(_Part):
    """Mẫu 1.10: who is granted leave, for how long, where."""

    don_ngay: Line = Field(description="Ngày của đơn đề nghị nghỉ phép, ví dụ '10/7/2025' / date of the request")
    ong_ba: Line = Field(description="Ông (bà) / the person")
    chuc_vu: Line | None = Field(default=None, description="Chức vụ / position")
    thoi_gian: Line = Field(description="Thời gian nghỉ, ví dụ '05 ngày' / duration")
    tu_ngay: Line = Field(description="Kể từ ngày / from")
    den_ngay: Line = Field(description="Đến hết ngày / to")
    tai: Text = Field(description="Nơi nghỉ phép / where")
    tinh_vao: Line = Field(
        default="nghỉ phép hằng năm", description="Được tính vào thời gian (loại nghỉ theo Bộ luật Lao động) / leave type"
    )
    xac_nhan: bool = Field(
        default=False, description="In ô xác nhận của cơ quan hoặc chính quyền nơi nghỉ phép / print the confirmation block"
    )


class LienHe(_Part):
    """ô 13: address and contacts at the foot of page 1, under a full-width rule."""

    dia_chi: Text | None = Field(default=None, description="Địa chỉ / address")
    dien_thoai: Line | None = Field(default=None, description="Điện thoại / phone")
    fax: Line | None = Field(default=None, description="Fax")
    email: Line | None = Field(default=None, description="Thư điện tử / e-mail")
    website: Line | None = Field(default=None, description="Trang thông tin điện tử / website")


class VanBanKemTheo(_Part):
    """Mẫu 1.3: the text a quyết định issues or approves (quy chế, quy định …),
    printed after it with its own title, no number or date, and — as issued —
    the signature block repeated (or its own) at its end."""

    loai: Line = Field(description="Tên loại, ví dụ 'Quy chế' / the attached text's type")
    trich_yeu: Text = Field(description="Trích yếu / subject")
    noi_dung: list[Block] = Field(min_length=1, description="Nội dung (chương, điều …) / the text")
    nguoi_ky: "Literal['nhu-quyet-dinh'] | NguoiKy | None" = Field(
        default=None, description="Khối chữ ký cuối văn bản kèm theo: 'nhu-quyet-dinh' (nhắc lại người ký quyết định) hoặc"
        " người ký riêng; bỏ trống: không in / the attached text's signature: the decision's signer repeated"
        " ('nhu-quyet-dinh') or its own; left out: none"
    )
    danh_so: DanhSoField | None = Field(
        default=None, description="Kiểu đánh số của văn bản kèm theo; mặc định theo loại của nó (Quy chế: điều khoản,"
        " Kế hoạch: I. / 1. / a)) / the attached text's numbering scheme; by default its own type's"
    )
    dong_kem_theo: Text | None = Field(
        default=None, description="Dòng '(Ban hành kèm theo …)' in ra thay cho dòng tự ghép; {loai}, {so}, {ngay}, {co_quan}"
        " được điền (số, ngày để trống cho văn thư nếu chưa có) / the reference line as printed, with"
        " {loai} {so} {ngay} {co_quan} filled in (blanks kept for the văn thư)"
    )


    def default_scheme(self, fallback: str) -> str:
        """The scheme of the attached text's own type ("Kế hoạch" → la-ma), else ``fallback``."""
        wanted = " ".join(self.loai.split()).casefold()
        for slug, kind in doctypes.DOC_TYPES.items():
            if kind.name.casefold() == wanted:
                return numbering.scheme_for(slug)
        return fallback

    def numbering(self, fallback: str) -> tuple[str, tuple]:
        default = self.default_scheme(fallback)
        return scheme_of(self.danh_so, default), levels_of(self.danh_so, default)


HinhThucSao = Literal["sao-y", "sao-luc", "trich-sao"]


class BanSao(_Part):
    """Mẫu 3.1: the copy block printed under the copied document (Phụ lục I Phần II §II)."""

    hinh_thuc: HinhThucSao = Field(description="Hình thức sao: sao-y, sao-luc, trich-sao / copy kind")
    co_quan: "CoQuanSao" = Field(description="Cơ quan thực hiện sao / the copying body")
    so: int | None = Field(default=None, gt=0, le=99999, description="Số bản sao (sổ chung các hình thức sao) / copy number")
    _so_not_bool = field_validator("so", mode="before")(not_bool)
    dia_danh: Line = Field(description="Địa danh / place")
    ngay: Ngay = Field(description="Ngày sao / date of copying")
    noi_nhan: list[Line] = Field(default_factory=list, description="Nơi nhận bản sao (không gồm dòng Lưu), mỗi nơi một dòng")
    nguoi_ky: "NguoiKySao | None" = Field(default=None, description="Người ký bản sao giấy (Mẫu 3.1) / who signs a paper copy")
    dien_tu: bool = Field(default=False, description="Bản sao điện tử (Mẫu 3.2): dòng chữ ký số thay khối sao / electronic copy")
    thoi_gian_ky: Line | None = Field(
        default=None, description="Giờ ký số của bản sao điện tử, ví dụ '10:20:30 +07:00' / signing time of an electronic copy"
    )

    @model_validator(mode="after")
    def _signed(self) -> "BanSao":
        raise_first(self.cross_field_rules())
        return self

    def cross_field_rules(self) -> Iterator[Rule]:
        if not self.dien_tu and self.nguoi_ky is None:
            yield Rule("copy-without-signer", "Bản sao giấy cần người ký (nguoi_ky)"
                       " / a paper copy needs its signer (nguoi_ky)", "nguoi_ky")


class CoQuanSao(_Part):
    ten: Text = Field(description="Tên cơ quan sao / copying body")
    viet_tat: Line = Field(description="Chữ viết tắt, ví dụ VP / abbreviation")


class NguoiKySao(_Part):
    quyen_han: Line | None = Field(default=None, description="Quyền hạn, ví dụ 'TL. Giám đốc' / authority line")
    chuc_vu: Line = Field(description="Chức vụ / position")
    ho_ten: Line = Field(description="Họ và tên / name")


DoKhan = Literal["khan", "thuong-khan", "hoa-toc"]
DoMat = Literal["mat", "toi-mat", "tuyet-mat"]

BanSao.model_rebuild()
