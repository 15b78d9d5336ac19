"""The typed model of an administrative document (no DOCX knowledge)."""

from .body import Block, DanhSachNhiemVu, Gach, Khoan, Muc, NhiemVu, SoTien, walk
from .dates import Ngay
from .document import CoQuan, Luu, NguoiKy, NguoiSoanThao, NoiNhan, PhuLuc, VanBan

__all__ = [
    "Block", "CoQuan", "DanhSachNhiemVu", "Gach", "Khoan", "Luu", "Muc", "Ngay", "NguoiKy",
    "NguoiSoanThao", "NhiemVu", "NoiNhan", "PhuLuc", "SoTien", "VanBan", "walk",
]
