"""Ô 1 (Quốc hiệu, Tiêu ngữ and its rule) and ô 2 (the agency names and their rule)."""

from __future__ import annotations

from ... import rules
from .. import edits, geometry
from ..context import Ctx, check
from ..locate import norm
from .common import element_format, missing


@check("o1.quoc-hieu", "quoc-hieu-khong-dam.docx")
def quoc_hieu(ctx: Ctx) -> None:
    qh = ctx.found.quoc_hieu
    if qh is None:
        return missing(ctx, "o1.quoc-hieu", f"Quốc hiệu “{rules.QUOC_HIEU}”", "the national title")
    element_format(ctx, "o1.quoc-hieu", qh, "quoc_hieu", "Quốc hiệu")


@check("o1.tieu-ngu", "tieu-ngu-gach-dai.docx")
def tieu_ngu(ctx: Ctx) -> None:
    tn = ctx.found.tieu_ngu
    if tn is None:
        return missing(ctx, "o1.tieu-ngu", f"Tiêu ngữ “{rules.TIEU_NGU}”", "the motto")
    element_format(ctx, "o1.tieu-ngu", tn, "tieu_ngu", "Tiêu ngữ")
    if norm(tn.text) != rules.TIEU_NGU:
        ctx.breach("o1.tieu-ngu", ctx.where(tn), norm(tn.text), rules.TIEU_NGU,
                   "Tiêu ngữ viết sai (gạch nối “-” có cách chữ hai bên, viết hoa chữ đầu mỗi cụm)",
                   "the motto is misspelled (hyphen with a space each side, each phrase capitalised)")


@check("quoc-hieu-gian-dong", "quoc-hieu-gian-dong.docx")
def national_spacing(ctx: Ctx) -> None:
    """Quốc hiệu and Tiêu ngữ stand on consecutive single-spaced lines (§II.1)."""
    qh, tn = ctx.found.quoc_hieu, ctx.found.tieu_ngu
    if qh is None or tn is None:
        return ctx.skip("quoc-hieu-gian-dong", "không thấy Quốc hiệu và Tiêu ngữ", "no national title and motto found")
    gap = 0.0 if qh.element is tn.element else qh.gap_to(tn)
    too_wide = qh.line_rule == "auto" and qh.line > rules.QUOC_HIEU_LINE_MAX
    if qh.line_rule == "exact" and qh.line_pt:
        too_wide = qh.line_pt > max(qh.sizes(), default=13) * rules.SINGLE_LINE_EM * rules.QUOC_HIEU_LINE_MAX
    if gap > rules.QUOC_HIEU_GAP_MAX_PT:
        fix = None if qh.element is tn.element else lambda: (
            edits.set_paragraphs([qh], "spacing", after="0")(), edits.set_paragraphs([tn], "spacing", before="0")())
        ctx.breach("quoc-hieu-gian-dong", ctx.where(tn), f"{gap:g} pt", "0 pt (dòng đơn / single)",
                   f"Quốc hiệu và Tiêu ngữ cách nhau thêm {gap:g} pt; quy định dòng đơn",
                   f"{gap:g} pt of extra space between the national title and the motto; single spacing required", fix)
    if too_wide:
        shown = f"{qh.line:g} dòng / lines" if qh.line_rule == "auto" else f"{qh.line_pt:g} pt"
        ctx.breach("quoc-hieu-gian-dong", ctx.where(qh), shown, "1 dòng / single",
                   "Quốc hiệu giãn dòng hơn dòng đơn", "the national title is spaced wider than single",
                   edits.set_paragraphs([qh], "spacing", line="240", lineRule="auto"))


@check("o1.duong-ke", "thieu-duong-ke-tieu-ngu.docx")
def motto_rule(ctx: Ctx) -> None:
    if ctx.found.tieu_ngu is None:
        return ctx.skip("o1.duong-ke", "không thấy Tiêu ngữ", "no motto found")
    geometry.rule_length(ctx, "o1.duong-ke", ctx.found.motto_rule, [ctx.found.tieu_ngu], geometry.widened(rules.MOTTO_RULE_RATIO, geometry.RULE_TOLERANCE), ("Tiêu ngữ", "motto"))


@check("o2.chu-quan", "chu-quan-dam.docx")
def parent(ctx: Ctx) -> None:
    if not ctx.found.parent and ctx.found.agency and len(ctx.found.agency) > 1 and all(
            p.all("bold") for p in ctx.found.agency) and not any("ban hành" in p.style_name.lower()
                                                                  for p in ctx.found.agency):
        return ctx.skip("o2.chu-quan", "mọi dòng tên cơ quan đều đậm: không phân biệt được dòng chủ quản",
                        "every agency line is bold: the parent-agency line cannot be told apart")
    for para in ctx.found.parent:
        element_format(ctx, "o2.chu-quan", para, "co_quan_chu_quan", "Tên cơ quan chủ quản")


@check("o2.ban-hanh")
def agency(ctx: Ctx) -> None:
    if not ctx.found.agency:
        return missing(ctx, "o2.ban-hanh", "tên cơ quan ban hành", "the issuing agency's name")
    for para in ctx.found.agency:
        element_format(ctx, "o2.ban-hanh", para, "co_quan_ban_hanh", "Tên cơ quan ban hành")


@check("o2.duong-ke", "duong-ke-co-quan-dai.docx")
def agency_rule(ctx: Ctx) -> None:
    if not ctx.found.agency:
        return ctx.skip("o2.duong-ke", "không thấy tên cơ quan ban hành", "no issuing agency found")
    geometry.rule_length(ctx, "o2.duong-ke", ctx.found.agency_rule, ctx.found.agency, rules.AGENCY_RULE_RATIO,
                 ("tên cơ quan ban hành", "issuing agency's name"))
