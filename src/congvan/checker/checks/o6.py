"""Ô 6: the body text, and the sizes of the elements rising and falling together."""

from __future__ import annotations

from typing import Callable

from ... import rules
from ...rules import ELEMENTS
from .. import edits
from ..context import TWIPS_PER_MM, TWIPS_PER_PT, Ctx, check
from ..locate import norm
from .common import LONG, pt, several


INDENT_TOLERANCE_TWIPS = 30  # about 0.5 mm: Word's cm ↔ twips rounding


@check("o6.noi-dung", "noi-dung-canh-trai.docx", "noi-dung-co-12.docx")
def body(ctx: Ctx) -> None:
    paras = ctx.found.body
    if not paras:
        return ctx.skip("o6.noi-dung", "không thấy nội dung", "no body text found")
    allowed = {ELEMENTS["noi_dung"].size.small, ELEMENTS["noi_dung"].size.large}
    off = [p for p in paras if len(norm(p.text)) > LONG and p.align != "justify"]
    if off:
        ctx.breach("o6.noi-dung", several(ctx, off), off[0].align, "justify",
                   f"{len(off)} đoạn nội dung không căn đều hai lề", f"{len(off)} body paragraphs are not justified",
                   edits.set_paragraphs(off, "jc", val="both"))
    sized = [p for p in paras if p.sizes() - allowed]
    if sized:
        sizes = sorted({s for p in sized for s in p.sizes() - allowed})
        wanted = ELEMENTS["noi_dung"].size.pt(ctx.profile or rules.DEFAULT_PROFILE)
        ctx.breach("o6.noi-dung", several(ctx, sized), ", ".join(map(pt, sizes)), "–".join(map(pt, sorted(allowed))),
                   f"{len(sized)} đoạn nội dung cỡ chữ {', '.join(map(pt, sizes))}",
                   f"{len(sized)} body paragraphs in {', '.join(map(pt, sizes))}",
                   _all([edits.set_runs(p, size=wanted) for p in sized]))


@check("o6.thut-dong", "khong-thut-dong.docx")
def indent(ctx: Ctx) -> None:
    paras = [p for p in ctx.found.body if len(norm(p.text)) > LONG and p.align == "justify"]
    if not paras:
        return ctx.skip("o6.thut-dong", "không có đoạn nội dung dài", "no long body paragraph")
    allowed = [round(mm * TWIPS_PER_MM) for mm in rules.FIRST_LINE_INDENTS_MM]
    cm = [f"{mm / 10:g}" for mm in rules.FIRST_LINE_INDENTS_MM]
    off = [p for p in paras if min(abs(p.first_line - a) for a in allowed) > INDENT_TOLERANCE_TWIPS]
    if off:
        ctx.breach("o6.thut-dong", several(ctx, off), f"{off[0].first_line / TWIPS_PER_MM / 10:.2f} cm",
                   " / ".join(c.replace(".", ",") for c in cm) + " cm",
                   f"{len(off)} đoạn thụt đầu dòng khác {' hoặc '.join(c.replace('.', ',') for c in cm)} cm",
                   f"{len(off)} paragraphs indent their first line other than {' or '.join(cm)} cm",
                   edits.set_paragraphs(off, "ind", firstLine=str(allowed[0]), hanging=None))
    tight = [p for p in paras if p.before + p.after < rules.PARAGRAPH_SPACING_PT - 0.1]
    if tight:
        ctx.breach("o6.thut-dong", several(ctx, tight), pt(tight[0].before + tight[0].after), "≥ 6 pt",
                   f"{len(tight)} đoạn cách nhau dưới 6 pt", f"{len(tight)} paragraphs less than 6 pt apart",
                   edits.set_paragraphs(tight, "spacing", before=str(round(rules.PARAGRAPH_SPACING_PT * TWIPS_PER_PT))))
    low, high = rules.LINE_SPACING_RANGE
    spaced = [p for p in paras if not low - 0.01 <= p.line <= high + 0.01]
    if spaced:
        ctx.breach("o6.thut-dong", several(ctx, spaced), f"{spaced[0].line:g}", f"{low:g}–{high:g}",
                   "Giãn dòng từ một dòng đến 1,5 dòng", "line spacing from single to 1.5 lines")


@check("gian-dong-exact", "gian-dong-exact.docx", "gian-dong-at-least.docx")
def exact_spacing(ctx: Ctx) -> None:
    """An "Exactly" or "At least" line height, as lines of its text: single to 1.5 (§II.6.e)."""
    paras = [p for p in ctx.found.body if p.line_rule in ("exact", "atLeast") and p.line_pt]
    if not paras:
        return
    low, high = rules.LINE_SPACING_RANGE
    off = []
    for para in paras:
        single = max(para.sizes(), default=ELEMENTS["noi_dung"].size.large) * rules.SINGLE_LINE_EM
        lines = para.line_pt / single if para.line_rule == "exact" else max(1.0, para.line_pt / single)
        if not low - rules.EXACT_LINE_TOLERANCE <= lines <= high * (1 + rules.EXACT_LINE_TOLERANCE / 2):
            off.append((para, lines))
    if off:
        para, lines = off[0]
        kind = {"exact": ("chính xác", "Exactly"), "atLeast": ("tối thiểu", "At least")}[para.line_rule]
        ctx.breach("gian-dong-exact", several(ctx, [p for p, _ in off]), f"{kind[1]} {para.line_pt:g} pt ≈ {lines:.2f}",
                   f"{low:g}–{high:g}", f"{len(off)} đoạn giãn dòng “{kind[0]}” {para.line_pt:g} pt ≈ {lines:.2f} dòng;"
                   f" quy định từ dòng đơn đến 1,5 dòng", f"{len(off)} paragraphs spaced “{kind[1]}” {para.line_pt:g} pt"
                   f" ≈ {lines:.2f} lines; single to 1.5 lines required")


@check("o6.ket-thuc", "thieu-ket-thuc.docx")
def end_mark(ctx: Ctx) -> None:
    if not ctx.found.body:
        return ctx.skip("o6.ket-thuc", "không thấy nội dung", "no body text found")
    last = ctx.found.body[-1]
    if not norm(last.text).endswith(rules.END_MARK):
        ctx.breach("o6.ket-thuc", ctx.where(last), norm(last.text)[-3:], rules.END_MARK,
                   "Nội dung kết thúc bằng “./.” như mọi mẫu của Phụ lục III",
                   "the body ends with “./.” as in every template of Phụ lục III")


@check("co-chu.dong-bo", "co-chu-lech.docx", "co-chu-chu-ky-lech.docx")
def sizes_together(ctx: Ctx) -> None:
    """Footnote 1 of the Mẫu chữ table: sizes chosen from a range rise and fall
    together — the Quốc hiệu's size sets the Tiêu ngữ's and the date's — and
    the lines of one element share one size."""
    profile = ctx.profile
    if profile is None:
        return ctx.skip("co-chu.dong-bo", "cỡ chữ Quốc hiệu không hợp lệ", "the national title's size is not valid")
    for key, para, o in (("tieu_ngu", ctx.found.tieu_ngu, 1), ("dia_danh_ngay", ctx.found.ngay, 4)):
        if para is None:
            continue
        want = ELEMENTS[key].size.pt(profile)
        sizes = para.sizes()
        if sizes and sizes != {want} and sizes <= {ELEMENTS[key].size.small, ELEMENTS[key].size.large}:
            ctx.breach("co-chu.dong-bo", ctx.where(para), ", ".join(map(pt, sorted(sizes))), pt(want),
                       f"Quốc hiệu cỡ {pt(ELEMENTS['quoc_hieu'].size.pt(profile))} thì {ELEMENTS[key].name_vi} cỡ"
                       f" {pt(want)}", f"with the national title at {pt(ELEMENTS['quoc_hieu'].size.pt(profile))},"
                       f" {ELEMENTS[key].name_vi} is {pt(want)}", o=o)
    found = ctx.found
    groups = ((2, "tên cơ quan", "the agency name", found.parent + found.agency),
              (5, "tên loại và trích yếu", "the type name and subject",
               [p for p in [found.ten_loai, *found.trich_yeu] if p is not None]),
              (5, "trích yếu V/v", "the V/v line", found.vv),
              (7, "chức vụ và họ tên người ký", "the signer's position and name",
               [*found.authority, *([found.ho_ten] if found.ho_ten else [])]))
    for o, vi, en, paras in groups:
        _one_size(ctx, o, vi, en, paras)


def _one_size(ctx: Ctx, o: int, vi: str, en: str, paras) -> None:
    """The lines of one element in one size (both within the element's range: a size
    outside it is the element's own rule's breach, not this one's)."""
    sizes = sorted({s for p in paras for s in p.sizes()})
    if len(sizes) < 2:
        return
    odd = [p for p in paras if p.sizes() and p.sizes() != {sizes[-1]}]
    shown = ", ".join(map(pt, sizes))
    ctx.breach("co-chu.dong-bo", several(ctx, odd or paras), shown, "một cỡ / one size",
               f"Các dòng {vi} (ô {o}) không cùng cỡ chữ ({shown})", f"the lines of {en} (ô {o}) differ in size"
               f" ({shown})", o=o)


def _all(fixes: list) -> Callable[[], None] | None:
    """One fix of several paragraphs, or none if any of them may not be fixed (refuse, don't guess)."""
    if not fixes or any(f is None for f in fixes):
        return None
    return lambda: [f() for f in fixes]
