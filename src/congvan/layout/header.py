"""The header band (ô 1–5) and the title block."""

from __future__ import annotations

from .. import rules, vn
from ..model import VanBan
from ..rules import Profile
from . import geometry
from .view import Box, Header, Page, Title


def _upper_lines(text: str) -> list[str]:
    # A hyphenated range such as 2023-2024 must not break in a narrow column.
    return [line.strip().upper().replace("-", "\u2011") for line in text.split("\n") if line.strip()]


def number_line(doc: VanBan) -> str:
    number, code = doc.so_ky_hieu
    shown = vn.pad2(number) if number is not None else rules.BLANK_NUMBER
    return f"Số: {shown}/{code}"


def place_date(doc: VanBan) -> str:
    if doc.loai == "bien-ban":  # Mẫu 1.9 has no place and date line
        return ""
    d = doc.ngay
    return f"{doc.dia_danh}, {vn.ngay_thang_nam(d.ngay, d.thang, d.nam, blank=rules.BLANK_DAY)}"


def subject_cong_van(doc: VanBan) -> str:
    text = doc.trich_yeu or ""
    if text[:4].lower() == "v/v ":
        text = text[4:]
    return "V/v " + text.replace("\n", " ")


def header(doc: VanBan, page: Page, profile: Profile) -> Header:
    issuer = _upper_lines(doc.co_quan_ban_hanh.ten)
    parent = _upper_lines(doc.co_quan_chu_quan.ten) if doc.co_quan_chu_quan else []
    left_width = page.header_columns[0]
    return Header(
        parent_lines=parent,
        issuer_lines=issuer,
        issuer_rule=geometry.rule_under(issuer, "co_quan_ban_hanh", left_width, profile),
        number=number_line(doc),
        place_date=place_date(doc),
        quoc_hieu=rules.QUOC_HIEU,
        tieu_ngu=rules.TIEU_NGU,
        motto_rule=geometry.motto_rule(profile),
        subject_cong_van=subject_cong_van(doc) if not doc.doc_type.has_type_name else None,
        marks=marks(doc, profile),
        circulation=_box(doc.luu_hanh.upper(), "luu_hanh", profile) if doc.luu_hanh else None,
        draft=_box(draft_text(doc), "du_thao", profile) if doc.du_thao else None,
    )


def _box(text: str, element: str, profile: Profile, width_mm: float | None = None) -> Box:
    width = width_mm or round(geometry.text_mm(text, element, profile) + 2 * rules.BOX_PADDING_MM, 1)
    return Box(text, element, width, rules.BOX_HEIGHT_MM)


def marks(doc: VanBan, profile: Profile) -> list[Box]:
    """ô 10a (độ mật) above ô 10b (độ khẩn), under the number (Phụ lục I §IV)."""
    out = []
    if doc.do_mat:
        out.append(_box(rules.CONFIDENTIALITY[doc.do_mat], "do_mat", profile))
    if doc.do_khan:
        text, width = rules.URGENCY[doc.do_khan]
        out.append(_box(text, "do_khan", profile, width))
    return out


def draft_text(doc: VanBan) -> str:
    return rules.DRAFT_MARK if doc.du_thao is True else str(doc.du_thao).upper()


def title(doc: VanBan, profile: Profile) -> Title | None:
    kind = doc.doc_type
    if not kind.has_type_name:
        return None
    lines = [line.strip() for line in (doc.trich_yeu or "").split("\n") if line.strip()]
    rule = geometry.rule_under(lines or [kind.title], "trich_yeu" if lines else "ten_loai",
                               rules.TEXT_WIDTH_MM, profile)
    return Title(type_name=kind.title, subject_lines=lines, subject_rule=rule)
