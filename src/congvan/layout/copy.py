"""Copies (Mẫu 3.1): the copy block under the copied document.

Left: the copying body, a short rule, "Số: 05/SY-VP"; right, where the
Quốc hiệu would stand: "SAO Y" and the place and date; then Nơi nhận
(ending "- Lưu: VT.") and the signer.  No Quốc hiệu, no parent body.
"""

from __future__ import annotations

from .. import rules, vn
from ..model import VanBan
from . import geometry
from .header import _upper_lines
from .view import CopyBlock


def copy_block(doc: VanBan) -> CopyBlock | None:
    c = doc.ban_sao
    if c is None or c.dien_tu:
        return None
    label, code = rules.COPY_LABELS[c.hinh_thuc]
    issuer = _upper_lines(c.co_quan.ten)
    number = vn.pad2(c.so) if c.so is not None else rules.BLANK_NUMBER
    date = vn.ngay_thang_nam(c.ngay.ngay, c.ngay.thang, c.ngay.nam, blank=rules.BLANK_DAY)
    items = [f"{rules.DASH} {name.strip().rstrip(';.')};" for name in c.noi_nhan]
    signer = c.nguoi_ky
    authority = ([signer.quyen_han.upper()] if signer.quyen_han else []) + [signer.chuc_vu.upper()]
    left = geometry.page().header_columns[0]
    return CopyBlock(
        issuer_lines=issuer,
        issuer_rule=geometry.rule_under(issuer, "co_quan_ban_hanh", left, doc.co_chu),
        number=f"Số: {number}/{code}-{c.co_quan.viet_tat}",
        label=label,
        place_date=f"{c.dia_danh}, {date}",
        noi_nhan=[*items, f"{rules.DASH} Lưu: {rules.LUU_VAN_THU}."],
        authority_lines=authority,
        name=signer.ho_ten,
    )


def electronic_copy_stamp(doc: VanBan) -> str:
    """Mẫu 3.2, ô 14: "SAO Y; Trung tâm Lưu trữ lịch sử; 25/8/2025; 10:20:30 +07:00"."""
    c = doc.ban_sao
    if c is None or not c.dien_tu:
        return ""
    label, _ = rules.COPY_LABELS[c.hinh_thuc]
    date = f"{vn.pad2(c.ngay.ngay or 0)}/{vn.pad2(c.ngay.thang or 0)}/{c.ngay.nam}" if c.ngay.ngay else str(c.ngay.nam)
    parts = [label, " ".join(c.co_quan.ten.split()), date] + ([c.thoi_gian_ky] if c.thoi_gian_ky else [])
    return "; ".join(parts)
