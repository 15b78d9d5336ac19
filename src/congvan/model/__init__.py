"""The typed model of an administrative document (no DOCX knowledge)."""

from .body import Block, Chuong, DanhSachNhiemVu, Dieu, Gach, Khoan, Muc, NhiemVu, NhomCoQuan, Phan, SoTien, walk
from .dates import Ngay
from .danh_so import CapSo, DanhSo
from .thoi_han import KhoangThoiGian
from .parts import BanSao, BienBan, GiayMoi, GioiThieu, LienHe, NghiPhep, NguoiKyBienBan, VanBanKemTheo
from .document import CoQuan, Luu, NguoiKy, NguoiSoanThao, NhomNoiNhan, NoiNhan, PhuLuc, VanBan

__all__ = [
    "BanSao", "BienBan", "CapSo", "DanhSo", "KhoangThoiGian", "GiayMoi", "GioiThieu", "LienHe", "NghiPhep", "NguoiKyBienBan", "VanBanKemTheo", "Block", "Chuong", "CoQuan", "Dieu", "Phan", "DanhSachNhiemVu", "Gach", "Khoan", "Luu", "Muc", "Ngay", "NguoiKy",
    "NguoiSoanThao", "NhiemVu", "NhomCoQuan", "NhomNoiNhan", "NoiNhan", "PhuLuc", "SoTien", "VanBan", "walk",
]
