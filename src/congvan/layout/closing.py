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
    start = rules.KINH_GUI_INDENT_MM
    if len(names) == 1:
        label = f"{_LABEL}: "
        hang = geometry.text_mm(label, "kinh_gui", profile)
        return [Para("kinh_gui", (inline.Span(label + names[0]),), left_mm=start + hang, hanging_mm=hang)]
    colon_x = start + geometry.text_mm(_LABEL, "kinh_gui", profile)
    dash = geometry.text_mm(f"{rules.DASH} ", "kinh_gui", profile)
    out = [Para("kinh_gui", (inline.Span(f"{_LABEL}:"),), left_mm=start, hanging_mm=0.0)]
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
    return Signature(authority_lines=lines, other_position_lines=other, name=name)
