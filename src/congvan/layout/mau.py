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


def fields_before(doc: VanBan) -> list[Para]:
    if doc.giay_moi:
        m = doc.giay_moi
        lines = [f"{issuer_name(doc)} trân trọng kính mời: {m.kinh_moi}", f"Tới dự {m.toi_du}"]
        lines += [f"Chủ trì: {m.chu_tri}"] if m.chu_tri else []
        lines += [f"Thời gian: {m.thoi_gian}", f"Địa điểm: {m.dia_diem}"]
        return [para("noi_dung", line) for line in lines]
    if doc.gioi_thieu:
        g = doc.gioi_thieu
        lines = [f"{issuer_name(doc)} trân trọng giới thiệu:", f"Ông (bà): {g.ong_ba}"]
        lines += [f"Chức vụ: {g.chuc_vu}"] if g.chuc_vu else []
        lines += [f"Được cử đến: {g.duoc_cu_den}", f"Về việc: {g.ve_viec}"]
        return [para("noi_dung", line) for line in lines]
    if doc.bien_ban:
        b = doc.bien_ban
        lines = [f"Thời gian bắt đầu: {b.thoi_gian_bat_dau}", f"Địa điểm: {b.dia_diem}",
                 f"Thành phần tham dự: {b.thanh_phan}", f"Chủ trì (chủ tọa): {b.chu_tri}",
                 f"Thư ký (người ghi biên bản): {b.thu_ky.ho_ten}",
                 "Nội dung (theo diễn biến cuộc họp/hội nghị/hội thảo):"]
        return [para("noi_dung", line) for line in lines]
    if doc.nghi_phep:
        n = doc.nghi_phep
        lines = [f"Xét Đơn đề nghị nghỉ phép ngày {n.don_ngay} của ông (bà) {n.ong_ba}, {issuer_name(doc)} cấp cho:",
                 f"Ông (bà): {n.ong_ba}"]
        lines += [f"Chức vụ: {n.chuc_vu}"] if n.chuc_vu else []
        lines += [f"Được nghỉ phép trong thời gian {n.thoi_gian} kể từ ngày {n.tu_ngay}"
                  f" đến hết ngày {n.den_ngay} tại {n.tai}."]
        return [para("noi_dung", line) for line in lines]
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
