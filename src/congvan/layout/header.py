"""The header band (ô 1–5) and the title block."""

from __future__ import annotations

from functools import lru_cache

from .. import rules, vn
from ..model import VanBan
from ..rules import Profile
from . import fit, geometry
from .fit import Notice
from .view import Box, Header, Page, Title


def _upper(text: str) -> str:
    # A hyphenated range such as 2023-2024 must not break in a narrow column.
    return text.upper().replace("-", "\u2011")


def _upper_lines(text: str) -> list[str]:
    return [_upper(line) for line in fit.clerk_lines(text)]


@lru_cache(maxsize=256)
def _fit_agency(text: str, element: str, profile: Profile, where: str) -> tuple[tuple[str, ...], tuple[Notice, ...]]:
    default = geometry.page().header_columns[0] - rules.HEADER_FIT_SLACK_MM
    widest = geometry.left_column_max_mm(profile) - rules.HEADER_FIT_SLACK_MM
    lines, notices = fit.agency(_upper(text), element, profile, default, widest, where)
    return tuple(lines), tuple(notices)


def agency_lines(doc: VanBan, profile: Profile) -> tuple[list[str], list[str], list[Notice]]:
    """ô 2: the parent's and the issuer's lines, and what could not be fitted."""
    parent, parent_notes = (_fit_agency(doc.co_quan_chu_quan.ten, "co_quan_chu_quan", profile, "co_quan_chu_quan.ten")
                            if doc.co_quan_chu_quan else ((), ()))
    issuer, issuer_notes = _fit_agency(doc.co_quan_ban_hanh.ten, "co_quan_ban_hanh", profile, "co_quan_ban_hanh.ten")
    return list(parent), list(issuer), [*parent_notes, *issuer_notes]


def page_for(doc: VanBan, profile: Profile) -> Page:
    """The page geometry with header columns fitted to this document's agency
    lines and its place-and-date line."""
    parent, issuer, _ = agency_lines(doc, profile)
    return _page_for(tuple(parent), tuple(issuer), place_date(doc), profile)


@lru_cache(maxsize=256)
def _page_for(parent: tuple[str, ...], issuer: tuple[str, ...], date: str, profile: Profile) -> Page:
    widths = [geometry.text_mm(line, "co_quan_chu_quan", profile) for line in parent]
    widths += [geometry.text_mm(line, "co_quan_ban_hanh", profile) for line in issuer]
    slack = rules.HEADER_FIT_SLACK_MM
    right = geometry.text_mm(date, "dia_danh_ngay", profile) + slack if date else 0.0
    return geometry.page(max(widths, default=0.0) + slack, right, profile)


def number_line(doc: VanBan) -> str:
    number, code = doc.so_ky_hieu
    shown = vn.pad2(number) if number is not None else rules.BLANK_NUMBER
    return f"Số: {shown}/{code}"


def place_date(doc: VanBan) -> str:
    if doc.loai == "bien-ban":  # Mẫu 1.9 has no place and date line
        return ""
    d = doc.ngay
    return f"{doc.dia_danh}, {vn.ngay_thang_nam(d.ngay, d.thang, d.nam, blank=rules.BLANK_DAY)}"


def subject_cong_van(doc: VanBan, width_mm: float, profile: Profile) -> str:
    """ô 5b: "V/v …" on the clerk's lines ("\n" kept), each broken at
    balanced points inside the column; the breaks arrive as "\n"."""
    text = doc.trich_yeu or ""
    if text[:4].lower() == "v/v ":
        text = text[4:]
    lines = fit.clerk_lines("V/v " + text)
    limit = width_mm - rules.HEADER_FIT_SLACK_MM
    return "\n".join(part for line in lines for part in fit.balanced(line, limit, "trich_yeu_cong_van", profile))


def header(doc: VanBan, page: Page, profile: Profile) -> Header:
    parent, issuer, _ = agency_lines(doc, profile)
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
        subject_cong_van=subject_cong_van(doc, left_width, profile) if not doc.doc_type.has_type_name else None,
        marks=marks(doc, profile),
        circulation=_box(doc.luu_hanh.upper(), "luu_hanh", profile) if doc.luu_hanh else None,
        draft=_box(draft_text(doc), "du_thao", profile) if doc.du_thao else None,
        columns=page.header_columns,
        indent_mm=page.header_indent,
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
    """ô 5a: the type name, then the trích yếu on the clerk's lines, each
    broken at balanced points (never one word alone on the last line)."""
    kind = doc.doc_type
    if not kind.has_type_name:
        return None
    limit = rules.TEXT_WIDTH_MM - rules.HEADER_FIT_SLACK_MM
    lines = [part for line in fit.clerk_lines(doc.trich_yeu or "")
             for part in fit.balanced(line, limit, "trich_yeu", profile)]
    rule = geometry.rule_under(lines or [kind.title], "trich_yeu" if lines else "ten_loai",
                               rules.TEXT_WIDTH_MM, profile)
    return Title(type_name=kind.title, subject_lines=lines, subject_rule=rule)
