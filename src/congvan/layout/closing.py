"""Kính gửi (ô 9a), Nơi nhận (ô 9b, ô 12) and the signature block (ô 7)."""

from __future__ import annotations

from .. import doctypes, inline, rules
from ..model import NoiNhan, VanBan
from ..rules import Profile
from . import geometry
from .view import Para, Signature

_LABEL = "Kính gửi"


def _clip(text: str) -> str:
    """Drop the clerk's own trailing ; or . so the rule's punctuation goes on once."""
    text = text.strip()
    return text[:-1].rstrip() if text.endswith((";", ".")) and not text.endswith("...") else text


def kinh_gui(doc: VanBan, profile: Profile) -> list[Para]:
    """One addressee on the label's line; several as a dash list under the
    colon, ";" after each and "." after the last (Phụ lục I §II.9.a)."""
    names = doc.kinh_gui
    if not names:
        return []
    # A công điện names its sender instead: "THỦ TƯỚNG CHÍNH PHỦ điện:" (Mẫu 1.6).
    label = f"{doc.dien_gui.upper()} điện" if doc.dien_gui else _LABEL
    start = rules.KINH_GUI_INDENT_MM
    if len(names) == 1 and not doc.dien_gui:
        first = f"{label}: "
        hang = geometry.text_mm(first, "kinh_gui", profile)
        return [Para("kinh_gui", (inline.Span(first + names[0]),), left_mm=start + hang, hanging_mm=hang)]
    colon_x = start + geometry.text_mm(label, "kinh_gui", profile)
    if colon_x > rules.TEXT_WIDTH_MM / 2:  # a long sender: start the list under the label's start
        colon_x = start
    dash = geometry.text_mm(f"{rules.DASH} ", "kinh_gui", profile)
    out = [Para("kinh_gui", (inline.Span(f"{label}:"),), left_mm=start, hanging_mm=0.0)]
    for index, name in enumerate(names):
        end = "." if index == len(names) - 1 else ";"
        out.append(Para("kinh_gui", (inline.Span(f"{rules.DASH} {_clip(name)}{end}"),),
                        left_mm=colon_x + dash, hanging_mm=dash))
    return out


def _item(entry: str | NoiNhan) -> str:
    if isinstance(entry, NoiNhan):
        return f"{_clip(entry.ten)} ({entry.ghi_chu})" if entry.ghi_chu else _clip(entry.ten)
    return _clip(entry)


def noi_nhan(doc: VanBan) -> list[str]:
    """Recipient lines with their punctuation; "- Như trên;" first where a
    Kính gửi block names the addressees; "- Lưu: VT, …." last."""
    items = [_item(e) for e in doc.noi_nhan]
    if doc.kinh_gui and doc.loai in doctypes.KINH_GUI_TYPES:
        if not any(item.startswith(rules.NHU_TREN) for item in items):
            items.insert(0, rules.NHU_TREN)
    lines = [f"{rules.DASH} {item};" for item in items]
    lines.append(luu_line(doc))
    return lines


def luu_line(doc: VanBan) -> str:
    units = list(doc.luu.don_vi) or ([doc.don_vi_soan_thao] if doc.don_vi_soan_thao else [])
    if not units and doc.loai == "bien-ban":  # Mẫu 1.9: "- Lưu: VT, Hồ sơ."
        units = ["Hồ sơ"]
    text = ", ".join([rules.LUU_VAN_THU, *units])
    if doc.luu.so_ban:
        text += f" ({doc.luu.so_ban})"
    line = f"{rules.DASH} Lưu: {text}."
    drafter = doc.nguoi_soan_thao
    if drafter:  # ô 12, right after the Lưu line: "PL.(300)."
        line += f" {drafter.ky_hieu}." + (f"({drafter.so_ban})." if drafter.so_ban else "")
    return line


def signature(doc: VanBan) -> Signature:
    signer = doc.nguoi_ky
    lines = [f"{marker} {text.upper()}" for marker, text in signer.authority_lines]
    if signer.chuc_vu:
        lines.append(signer.chuc_vu.upper())
    other = [line.strip().upper() for line in (signer.chuc_vu_khac or "").split("\n") if line.strip()]
    name = f"{signer.cap_bac} {signer.ho_ten}" if signer.cap_bac else signer.ho_ten
    secretary = None
    if doc.bien_ban:  # Mẫu 1.9: "THƯ KÝ" signs on the left
        secretary = (doc.bien_ban.thu_ky.chuc_danh.upper(), doc.bien_ban.thu_ky.ho_ten)
    return Signature(authority_lines=lines, other_position_lines=other, name=name, secretary=secretary,
                     image=str(signer.anh_chu_ky) if signer.anh_chu_ky else None,
                     seal=str(signer.anh_dau) if signer.anh_dau else None)


def contact_lines(doc: VanBan) -> list[str]:
    """ô 13 as the Mẫu writes it: address; phone and fax; e-mail and website."""
    c = doc.lien_he
    if c is None:
        return []
    lines = [" ".join(c.dia_chi.split())] if c.dia_chi else []
    lines.append(", ".join(p for p in (c.dien_thoai and f"ĐT: {c.dien_thoai}", c.fax and f"Fax: {c.fax}") if p))
    lines.append(", ".join(p for p in (c.email and f"E-mail: {c.email}", c.website and f"Website: {c.website}") if p))
    return [line for line in lines if line]
