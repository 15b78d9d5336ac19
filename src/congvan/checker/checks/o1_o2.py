"""Ô 1 (Quốc hiệu, Tiêu ngữ and its rule) and ô 2 (the agency names and their rule)."""

from __future__ import annotations

from ... import rules
from .. import geometry
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
