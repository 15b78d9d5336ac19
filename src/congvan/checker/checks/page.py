"""The page (Phụ lục I, Phần I, Mục I): paper, margins, fonts, page numbers."""

from __future__ import annotations

import re
from typing import Callable

from ... import rules
from .. import edits
from ..context import TWIPS_PER_MM, Ctx, check
from ..view import FONT_SLOTS, Para, View, w


@check("trang.kho-giay", "kho-letter.docx")
def page_size(ctx: Ctx) -> None:
    width, height = (round(rules.PAGE_WIDTH_MM * TWIPS_PER_MM), round(rules.PAGE_HEIGHT_MM * TWIPS_PER_MM))
    if not ctx.view.sections:
        return ctx.skip("trang.kho-giay", "văn bản không khai báo khổ giấy", "the document declares no page size")
    for n, sec in enumerate(ctx.view.sections, start=1):
        short, long = sorted((sec.width, sec.height))
        if abs(short - width) > 20 or abs(long - height) > 20:
            ctx.breach("trang.kho-giay", f"phần {n} / section {n}", f"{short / TWIPS_PER_MM:.0f}×{long / TWIPS_PER_MM:.0f} mm",
                       "A4 210×297 mm", "Khổ giấy không phải A4", "the paper is not A4", _fix_page(sec))
        elif n == 1 and sec.width > sec.height:
            ctx.breach("trang.kho-giay", "phần 1 / section 1", "ngang / landscape", "dọc / portrait",
                       "Trang đầu phải in dọc (chỉ bảng biểu mới được in ngang)",
                       "page 1 must be portrait (only tables may turn the page)", _fix_page(sec))


def _fix_page(sec) -> Callable[[], None]:
    def apply() -> None:
        size = sec.element.find(w("pgSz"))
        if size is None:
            size = sec.element.makeelement(w("pgSz"), {})
            edits.insert_in_order(sec.element, size, edits.SECT_ORDER)
        size.set(w("w"), str(round(rules.PAGE_WIDTH_MM * TWIPS_PER_MM)))
        size.set(w("h"), str(round(rules.PAGE_HEIGHT_MM * TWIPS_PER_MM)))
        size.attrib.pop(w("orient"), None)
    return apply


@check("trang.le", "le-trai-25.docx")
def margins(ctx: Ctx) -> None:
    for n, sec in enumerate(ctx.view.sections, start=1):
        for side, (low, high) in rules.MARGIN_RANGES_MM.items():
            mm = sec.margins.get(side, 0) / TWIPS_PER_MM
            if not low - 0.3 <= mm <= high + 0.3:
                ctx.breach("trang.le", f"phần {n} / section {n}", f"{side} {mm:.1f} mm", f"{low}–{high} mm",
                           f"Lề {_SIDE_VI[side]} {mm:.1f} mm, quy định {low}–{high} mm",
                           f"{side} margin {mm:.1f} mm, required {low}–{high} mm", _fix_margin(sec, side))


_SIDE_VI = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


def _fix_margin(sec, side: str) -> Callable[[], None]:
    def apply() -> None:
        margin = sec.element.find(w("pgMar"))
        if margin is None:
            margin = sec.element.makeelement(w("pgMar"), {})
            edits.insert_in_order(sec.element, margin, edits.SECT_ORDER)
        margin.set(w(side), str(round(rules.MARGINS_MM[side] * TWIPS_PER_MM)))
    return apply


@check("phong-chu", "phong-arial.docx")
def fonts(ctx: Ctx) -> None:
    """Judge the font slots that render the text: ascii/hAnsi for Vietnamese, the
    East-Asian and complex-script slots only where such characters (or w:hint) use them."""
    wrong: dict[str, Para] = {}
    unset = "(không khai báo / unset)"
    for para in ctx.view.paragraphs + [p for ps in ctx.view.headers.values() for p in ps]:
        for run in para.visible:
            for slot in sorted(run.slots()):
                family = run.fonts.get(slot) or (run.fonts.get("ascii") if slot == "hAnsi" else None) or unset
                if family != rules.FONT and family not in wrong:
                    wrong[family] = para
    if wrong:
        first = next(iter(wrong.values()))
        families = ", ".join(wrong)
        ctx.breach("phong-chu", ctx.where(first), families, rules.FONT,
                   f"Phông chữ {families}; quy định {rules.FONT}", f"font {families}; required {rules.FONT}",
                   lambda: _fix_fonts(ctx.view))


def _fix_fonts(view: View) -> None:
    roots = [view.package.document, view.package.styles, *view.package.parts.values()]
    for root in roots:
        if root is None:
            continue
        for rpr in list(root.iter(w("rPr"))):
            if rpr.getparent() is not None and rpr.getparent().tag == w("pPr"):
                continue  # paragraph-mark formatting: harmless, left alone
            fonts = rpr.find(w("rFonts"))
            if fonts is None:
                fonts = rpr.makeelement(w("rFonts"), {})
                edits.insert_in_order(rpr, fonts, edits.RPR_ORDER)
            for attr in list(fonts.attrib):
                if attr.endswith("Theme") or attr.endswith("theme"):
                    del fonts.attrib[attr]
            for slot in FONT_SLOTS:
                fonts.set(w(slot), rules.FONT)
    for run in view.package.document.iter(w("r")):
        if run.find(w("rPr")) is None:
            rpr = run.makeelement(w("rPr"), {})
            run.insert(0, rpr)
            rpr.append(rpr.makeelement(w("rFonts"), {w(s): rules.FONT for s in FONT_SLOTS}))


@check("trang.so-trang", "so-trang-trang-1.docx")
def page_numbers(ctx: Ctx) -> None:
    sections = ctx.view.sections
    if not sections:
        return ctx.skip("trang.so-trang", "văn bản không có phần trang", "the document has no section")
    first = sections[0]
    package = ctx.view.package
    with_page = {part for part, root in package.parts.items() if _has_page_field(root)}
    if not with_page:
        return ctx.skip("trang.so-trang", "không có số trang: cần nếu văn bản dài hơn một trang (--layout đếm trang)",
                        "no page numbers: needed if the document runs past page 1 (--layout counts pages)")
    footers = [p for p in with_page if "footer" in p]
    if footers:
        ctx.breach("trang.so-trang", "chân trang / footer", "chân trang / footer", "lề trên / top margin",
                   "Số trang đặt giữa lề trên, không ở chân trang", "page numbers go in the top margin, not the footer")
    page_one = first.headers.get("first") if first.title_page else first.headers.get("default")
    if page_one in with_page:
        ctx.breach("trang.so-trang", "trang 1 / page 1", "có số trang / numbered", "không / none",
                   "Trang 1 không đánh số (chọn “Different First Page”)",
                   "page 1 carries no number (“Different First Page”)")
    default = first.headers.get("default")
    for para in ctx.view.headers.get(default, []):
        if _has_page_field(para.element) and para.align != "center":
            ctx.breach("trang.so-trang", "đầu trang / header", para.align, "center",
                       "Số trang căn giữa", "page numbers are centred")


def _has_page_field(root) -> bool:
    for node in root.iter(w("instrText")):
        if re.search(r"\bPAGE\b", node.text or ""):
            return True
    return any(re.search(r"\bPAGE\b", n.get(w("instr"), "")) for n in root.iter(w("fldSimple")))
