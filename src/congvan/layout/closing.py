"""Kính gửi (ô 9a), Nơi nhận (ô 9b, ô 12) and the signature block (ô 7)."""

from __future__ import annotations

from .. import doctypes, inline, rules
from ..inline import Span
from ..model import NhomNoiNhan, NoiNhan, VanBan
from ..rules import Profile
from . import fit, geometry
from .view import Para, Recipient, RecipientGroup, Signature

_LABEL = "Kính gửi"
NBSP = "\u00a0"


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
        if doc.kinh_gui_mot_noi == "giua":
            return [one_addressee(f"{label}: ", names[0], profile)]
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


def one_addressee(label: str, name: str, profile: Profile) -> Para:
    """"Kính gửi: Bộ Nội vụ" centred on the text width.  A name too long for
    one line wraps at balanced points (or the clerk's "\n") under its own
    start, the whole block centred: the label hangs to its left."""
    width = rules.TEXT_WIDTH_MM - rules.HEADER_FIT_SLACK_MM
    line = f"{label}{' '.join(name.split())}"
    if "\n" not in name and geometry.text_mm(line, "kinh_gui_mot", profile) <= width:
        return Para("kinh_gui_mot", (Span(line),))
    hang = geometry.text_mm(label, "kinh_gui_mot", profile)
    lines = [part for given in fit.clerk_lines(name)
             for part in fit.balanced(given, width - hang, "kinh_gui_mot", profile)]
    block = hang + max(geometry.text_mm(x, "kinh_gui_mot", profile) for x in lines)
    left = max((rules.TEXT_WIDTH_MM - block) / 2, 0.0)
    return Para("kinh_gui_mot", (Span(label + "\n".join(lines)),), left_mm=round(left + hang, 1),
                hanging_mm=round(hang, 1), align="left")


def _note(text: str) -> str:
    """"(để b/c)": a note never breaks inside."""
    return f"({NBSP.join(text.strip().strip('()').split())})"


def _first_line(doc: VanBan, items: list[str]) -> str | None:
    """"Như trên" (or "Như thành phần") first, where the form asks for it or a
    Kính gửi block names the addressees (§II.9.b), unless the clerk wrote it."""
    choice = doc.nhu_tren
    if choice == "khong":
        return None
    if choice == "tu-dong":
        if not (doc.kinh_gui and doc.loai in doctypes.KINH_GUI_TYPES):
            return None
        choice = "nhu-tren"
    if any(item.startswith(tuple(rules.NHU_TREN_LINES.values())) for item in items):
        return None
    return rules.NHU_TREN_LINES[choice]


def _names(doc: VanBan) -> list[str]:
    return [n for e in doc.noi_nhan for n in (e.nhom if isinstance(e, NhomNoiNhan) else [getattr(e, "ten", e)])]


def recipients(doc: VanBan, column_mm: float, profile: Profile) -> list[Recipient | RecipientGroup]:
    """Nơi nhận as drawn: one line per recipient ("- …;"), a note in brackets
    after it or on its own indented line, a group of recipients under one
    brace and note, and last the Lưu line with ô 12 (Phụ lục I §II.9.b)."""
    out: list[Recipient | RecipientGroup] = []
    first = _first_line(doc, [_clip(n) for n in _names(doc)])
    if first:
        out.append(Recipient((Span(f"{rules.DASH} {first};"),)))
    for entry in doc.noi_nhan:
        if isinstance(entry, NhomNoiNhan):
            out.append(_group(entry, column_mm, profile))
        elif isinstance(entry, NoiNhan) and entry.ghi_chu and entry.ghi_chu_dong_rieng:
            out.append(Recipient((Span(f"{rules.DASH} {_clip(entry.ten)}"),), note_line=f"{_note(entry.ghi_chu)};"))
        elif isinstance(entry, NoiNhan) and entry.ghi_chu:
            out.append(Recipient((Span(f"{rules.DASH} {_clip(entry.ten)} {_note(entry.ghi_chu)};"),)))
        else:
            out.append(Recipient((Span(f"{rules.DASH} {_clip(getattr(entry, 'ten', entry))};"),)))
    out.append(Recipient(luu_spans(doc)))
    return out


def column_wanted_mm(recipients: list[Recipient | RecipientGroup], profile: Profile) -> float:
    """How wide the Nơi nhận column would have to be for its widest one-line
    recipient not to break (lines too long for any column are left to wrap)."""
    limit = rules.TEXT_WIDTH_MM * rules.SIGNATURE_LEFT_FRACTION_MAX
    widths = [geometry.text_mm("".join(s.text for s in r.spans), "noi_nhan", profile) + rules.HEADER_FIT_SLACK_MM
              for r in recipients if isinstance(r, Recipient)]
    return max((w for w in widths if w <= limit), default=0.0)


def signer_needs_mm(sig: Signature, profile: Profile) -> float:
    """The signer's column must hold its longest line (ô 7a, 7b) and the signature image."""
    lines = [(x, "quyen_han_chuc_vu") for x in sig.authority_lines]
    lines += [(x, "chuc_vu_khac") for x in sig.other_position_lines] + [(sig.name, "ho_ten")]
    widest = max(geometry.text_mm(text, element, profile) for text, element in lines)
    return widest + 2 * rules.HEADER_FIT_SLACK_MM


def _group(entry: NhomNoiNhan, column_mm: float, profile: Profile) -> RecipientGroup:
    note = _note(entry.ghi_chu)
    note_mm = max(geometry.text_mm(note, "noi_nhan_ghi_chu", profile) + rules.HEADER_FIT_SLACK_MM, rules.NOTE_MIN_MM)
    items_mm = round(column_mm - rules.BRACE_COLUMN_MM - note_mm, 1)
    items = tuple(f"{rules.DASH} {_clip(name)};" for name in entry.nhom)
    hang = rules.ELEMENTS["noi_nhan"].hanging_mm
    lines = sum(fit.greedy_count(fit.units(item), items_mm - hang, "noi_nhan", profile) for item in items)
    return RecipientGroup(items=items, note=note, item_lines=lines,
                          widths_mm=(items_mm, rules.BRACE_COLUMN_MM, round(column_mm - items_mm - rules.BRACE_COLUMN_MM, 1)))


def luu_spans(doc: VanBan) -> tuple[Span, ...]:
    """"- Lưu: VT, HC (2)." with ô 12 written in the document's style
    (rules.O12_STYLES): "PL.(300)." after it, "KGVX(bnt)" or subscript
    "KTTH"+"h5" glued to the drafting unit."""
    style = rules.O12_STYLES[doc.kieu_o12]
    units = list(doc.luu.don_vi) or ([doc.don_vi_soan_thao] if doc.don_vi_soan_thao else [])
    if not units and doc.loai == "bien-ban":  # Mẫu 1.9: "- Lưu: VT, Hồ sơ."
        units = ["Hồ sơ"]
    drafter = doc.nguoi_soan_thao
    initials = drafter.ky_hieu.upper() if drafter and style.case == "hoa" else (drafter.ky_hieu if drafter else "")
    copies = style.copies.format(n=drafter.so_ban) if drafter and drafter.so_ban else ""
    pieces: list[Span] = []
    glued = drafter and style.initials != "sau"
    for n, unit in enumerate(units):
        pieces.append(Span((", " if n else "") + unit))
        if n == 0 and glued:
            pieces.append(Span(f"({initials})" if style.initials == "ngoac" else initials,
                               subscript=style.initials == "chi-so-duoi"))
    if glued and not units:  # no unit named: the initials stand alone
        pieces.append(Span(f"({initials})" if style.initials == "ngoac" else initials,
                           subscript=style.initials == "chi-so-duoi"))
    if doc.luu.so_ban:
        pieces.append(Span(f" ({doc.luu.so_ban})"))
    vt = Span(rules.LUU_VAN_THU)
    if style.van_thu == "dau":
        pieces = [vt, *([Span(", ")] if pieces else []), *pieces]
    else:
        pieces = [*pieces, *([Span(", ")] if pieces else []), vt]
    tail = "."
    if drafter and style.initials == "sau":  # ô 12, right after the Lưu line: "PL.(300)."
        tail += f" {initials}." + (f"{copies}." if copies else "")
    elif copies:
        tail = f".{copies}."
    return (Span(f"{rules.DASH} Lưu: "), *pieces, Span(tail))


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
