"""The typed model of an administrative document (no DOCX knowledge)."""

from .body import Block, Chuong, DanhSachNhiemVu, Dieu, Gach, Khoan, Muc, NhiemVu, Phan, SoTien, walk
from .dates import Ngay
from .parts import BanSao, BienBan, GiayMoi, GioiThieu, LienHe, NghiPhep, NguoiKyBienBan, VanBanKemTheo
from .document import CoQuan, Luu, NguoiKy, NguoiSoanThao, NhomNoiNhan, NoiNhan, PhuLuc, VanBan

__all__ = [
    "BanSao", "BienBan", "GiayMoi", "GioiThieu", "LienHe", "NghiPhep", "NguoiKyBienBan", "VanBanKemTheo", "Block", "Chuong", "CoQuan", "Dieu", "Phan", "DanhSachNhiemVu", "Gach", "Khoan", "Luu", "Muc", "Ngay", "NguoiKy",
    "NguoiSoanThao", "NhiemVu", "NhomNoiNhan", "NoiNhan", "PhuLuc", "SoTien", "VanBan", "walk",
]
