"""The fixed wording of Phụ lục III's templates around the clerk's content.

Mẫu 1.1–1.3 open with the authority line, the căn cứ and "QUYẾT ĐỊNH:";
Mẫu 1.7–1.10 are forms whose sentences are set by the decree and whose
blanks the clerk fills.  The sentences below are the templates' own.
"""

from __future__ import annotations

from .. import rules
from ..model import VanBan
from .body import can_cu_lines, para
from .view import Para


def issuer_name(doc: VanBan) -> str:
    return " ".join(doc.co_quan_ban_hanh.ten.split())


def opening(doc: VanBan) -> list[Para]:
    """Authority line, căn cứ, then "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:" (Mẫu 1.1–1.3)."""
    lines = [line.strip() for line in (doc.tham_quyen or "").split("\n") if line.strip()]
    out = [para("tham_quyen", line.upper()) for line in lines]
    out.extend(can_cu_lines(doc))
    decision = rules.DECISION_LINE.get(doc.loai)
    if decision:
        out.append(para("quyet_dinh", decision))
    return out


def _labelled(pairs: list[tuple[str, str | None]]) -> list[str]:
    """"Chủ trì: …", "Thời gian: …" — a field the clerk left out is not printed."""
    return [f"{label}: {value}" for label, value in pairs if value]


def fields_before(doc: VanBan) -> list[Para]:
    return [para("noi_dung", line) for line in _fields_before(doc)]


def _fields_before(doc: VanBan) -> list[str]:
    issuer = issuer_name(doc)
    if m := doc.giay_moi:
        return [f"{issuer} trân trọng kính mời: {m.kinh_moi}", f"Tới dự {m.toi_du}",
                *_labelled([("Chủ trì", m.chu_tri), ("Thời gian", m.thoi_gian), ("Địa điểm", m.dia_diem)])]
    if g := doc.gioi_thieu:
        return [f"{issuer} trân trọng giới thiệu:",
                *_labelled([("Ông (bà)", g.ong_ba), ("Chức vụ", g.chuc_vu), ("Được cử đến", g.duoc_cu_den),
                            ("Về việc", g.ve_viec)])]
    if b := doc.bien_ban:
        return [*_labelled([("Thời gian bắt đầu", b.thoi_gian_bat_dau), ("Địa điểm", b.dia_diem),
                            ("Thành phần tham dự", b.thanh_phan), ("Chủ trì (chủ tọa)", b.chu_tri),
                            ("Thư ký (người ghi biên bản)", b.thu_ky.ho_ten)]),
                "Nội dung (theo diễn biến cuộc họp/hội nghị/hội thảo):"]
    if n := doc.nghi_phep:
        return [f"Xét Đơn đề nghị nghỉ phép ngày {n.don_ngay} của ông (bà) {n.ong_ba}, {issuer} cấp cho:",
                *_labelled([("Ông (bà)", n.ong_ba), ("Chức vụ", n.chuc_vu)]),
                f"Được nghỉ phép trong thời gian {n.thoi_gian} kể từ ngày {n.tu_ngay} đến hết ngày {n.den_ngay}"
                f" tại {n.tai}."]
    return []


def fields_after(doc: VanBan) -> list[Para]:
    if doc.gioi_thieu:
        return [para("noi_dung", "Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ."),
                para("noi_dung", f"Giấy này có giá trị đến hết ngày {doc.gioi_thieu.gia_tri_den}.")]
    if doc.bien_ban:
        return [para("noi_dung", f"Cuộc họp kết thúc vào {doc.bien_ban.ket_thuc}.")]
    if doc.nghi_phep:
        return [para("noi_dung", f"Số ngày nghỉ phép nêu trên được tính vào thời gian {doc.nghi_phep.tinh_vao}.")]
    return []


def confirmation(doc: VanBan) -> list[str]:
    """Mẫu 1.10's optional block: who confirms the place of leave signs and seals here."""
    if not (doc.nghi_phep and doc.nghi_phep.xac_nhan):
        return []
    return ["Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép", "(Chữ ký, dấu)"]
