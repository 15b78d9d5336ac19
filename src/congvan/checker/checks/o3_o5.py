"""Ô 3 (số, ký hiệu), ô 4 (địa danh, ngày tháng) and ô 5 (tên loại, trích yếu, V/v)."""

from __future__ import annotations

import re

from ... import rules
from ...doctypes import DOC_TYPES
from ...rules import ELEMENTS
from .. import edits, geometry
from ..context import TWIPS_PER_PT, Ctx, check
from ..locate import norm
from .common import element_format, missing


NUMBER = re.compile(r"^Số\s*(?P<colon>:?)\s*(?P<num>\d*)\s*/\s*(?P<code>.*)$")


@check("o3.so-ky-hieu", "so-khong-dem.docx", "ky-hieu-ttr-in-hoa.docx")
def number(ctx: Ctx) -> None:
    so = ctx.found.so
    if so is None:
        return missing(ctx, "o3.so-ky-hieu", "số, ký hiệu (“Số: …/…”)", "the number and code")
    element_format(ctx, "o3.so-ky-hieu", so, "so_ky_hieu", "Số, ký hiệu")
    text = norm(so.text)
    match = NUMBER.match(text)
    if not match or not match["colon"]:
        return ctx.breach("o3.so-ky-hieu", ctx.where(so), text, "Số: 05/KH-UBND",
                          "Số, ký hiệu viết sai: “Số:” rồi số, “/”, ký hiệu", "write “Số:”, the number, “/”, the code")
    num, code = match["num"], match["code"]
    if num and int(num) < 10 and len(num) == 1:
        ctx.breach("o3.so-ky-hieu", ctx.where(so), f"Số: {num}/", f"Số: 0{num}/",
                   "Số nhỏ hơn 10 phải thêm số 0 phía trước", "numbers below 10 take a leading 0",
                   edits.replace_text(so, f"{num}/", f"0{num}/"))
    if " " in code.strip():
        ctx.breach("o3.so-ky-hieu", ctx.where(so), code, code.replace(" ", ""),
                   "Ký hiệu không có dấu cách", "the code has no spaces")
    for group in re.split(r"[-/]", code):
        for t in DOC_TYPES.values():
            abbr = t.abbreviation
            if abbr and group != abbr and group.upper() == abbr.upper() and abbr != abbr.upper():
                ctx.breach("o3.so-ky-hieu", ctx.where(so), group, abbr,
                           f"Chữ viết tắt tên loại viết như Phụ lục III: {abbr}",
                           f"the type abbreviation is written as in Phụ lục III: {abbr}",
                           edits.replace_text(so, f"/{group}", f"/{abbr}"))


DATE = re.compile(r"^(?P<place>[^,]+),\s*ngày\s*(?P<d>\d*)\s*tháng\s*(?P<m>\d*)\s*năm\s*(?P<y>\d{4})\s*$")


@check("o4.dia-danh-ngay", "thang-03.docx", "ngay-5.docx")
def place_date(ctx: Ctx) -> None:
    ngay = ctx.found.ngay
    if ngay is None:
        if ctx.found.doc_type and ctx.found.doc_type.slug == "bien-ban":
            return ctx.not_for_this_kind("o4.dia-danh-ngay", "biên bản không có dòng địa danh, ngày tháng (Mẫu 1.9)",
                            "a biên bản has no place/date line (Mẫu 1.9)")
        return missing(ctx, "o4.dia-danh-ngay", "địa danh và ngày tháng", "the place and date")
    element_format(ctx, "o4.dia-danh-ngay", ngay, "dia_danh_ngay", "Địa danh và ngày tháng")
    text = norm(ngay.text)
    match = DATE.match(text)
    if not match:
        return ctx.breach("o4.dia-danh-ngay", ctx.where(ngay), text, "Hà Nội, ngày 05 tháng 01 năm 2025",
                          "Địa danh, ngày tháng viết sai dạng “<Địa danh>, ngày … tháng … năm …”",
                          "write “<place>, ngày … tháng … năm …”")
    day, month = match["d"], match["m"]
    if day and len(day) == 1:
        ctx.breach("o4.dia-danh-ngay", ctx.where(ngay), f"ngày {day}", f"ngày 0{day}",
                   "Ngày nhỏ hơn 10 phải thêm số 0", "days below 10 take a leading 0",
                   edits.replace_text(ngay, f"ngày {day} ", f"ngày 0{day} "))
    if month and len(month) == 1 and int(month) in (1, 2):
        ctx.breach("o4.dia-danh-ngay", ctx.where(ngay), f"tháng {month}", f"tháng 0{month}",
                   "Tháng 1, 2 phải thêm số 0", "months 1 and 2 take a leading 0",
                   edits.replace_text(ngay, f"tháng {month} ", f"tháng 0{month} "))
    if month and len(month) == 2 and month.startswith("0") and int(month) >= 3:
        ctx.breach("o4.dia-danh-ngay", ctx.where(ngay), f"tháng {month}", f"tháng {int(month)}",
                   "Chỉ tháng 1, 2 thêm số 0; từ tháng 3 không thêm", "only months 1 and 2 take a leading 0",
                   edits.replace_text(ngay, f"tháng {month} ", f"tháng {int(month)} "))


@check("o5.ten-loai")
def title(ctx: Ctx) -> None:
    found = ctx.found
    if found.ten_loai is None:
        if found.is_cong_van:
            return ctx.not_for_this_kind("o5.ten-loai", "công văn không có tên loại", "a công văn has no type name")
        return missing(ctx, "o5.ten-loai", "tên loại văn bản (hoặc “V/v” của công văn)",
                       "the type name (or a công văn's “V/v” line)")
    element_format(ctx, "o5.ten-loai", found.ten_loai, "ten_loai", "Tên loại văn bản")
    for para in found.trich_yeu:
        element_format(ctx, "o5.ten-loai", para, "trich_yeu", "Trích yếu")


@check("o5.vv", "vv-in-hoa.docx")
def vv(ctx: Ctx) -> None:
    if not ctx.found.vv:
        return ctx.not_for_this_kind("o5.vv", "không phải công văn (không có dòng V/v)", "not a công văn (no V/v line)")
    first = ctx.found.vv[0]
    if not norm(first.text).startswith("V/v "):
        ctx.breach("o5.vv", ctx.where(first), norm(first.text)[:4], "V/v ",
                   "Trích yếu công văn bắt đầu bằng “V/v” (V hoa, v thường)", "starts with “V/v” (capital V, small v)",
                   edits.replace_text(first, norm(first.text)[:3], "V/v"))
    for para in ctx.found.vv:
        element_format(ctx, "o5.vv", para, "trich_yeu_cong_van", "Trích yếu công văn")


@check("so-trich-yeu-6pt", "so-trich-yeu-sat.docx")
def number_to_subject(ctx: Ctx) -> None:
    """The V/v line stands 6 pt under Số, ký hiệu (§II.5.b): the number's space after plus the V/v's before."""
    so, vv = ctx.found.so, ctx.found.vv
    if not vv:
        return ctx.not_for_this_kind("so-trich-yeu-6pt", "không phải công văn (không có dòng V/v)",
                                     "not a công văn (no V/v line)")
    if so is None or vv[0].element is so.element:
        return ctx.skip("so-trich-yeu-6pt", "số và V/v không ở hai đoạn riêng", "the number and the V/v share a paragraph")
    want = ELEMENTS["trich_yeu_cong_van"].space_before_pt
    gap = so.gap_to(vv[0])
    low, high = rules.SO_TRICH_YEU_RANGE_PT
    if not low <= gap <= high:
        fix = edits.set_paragraphs([vv[0]], "spacing", before=str(round((want - so.after) * TWIPS_PER_PT))) \
            if so.after <= want else None
        ctx.breach("so-trich-yeu-6pt", ctx.where(vv[0]), f"{gap:g} pt", f"{want:g} pt",
                   f"Dòng V/v cách số, ký hiệu {gap:g} pt; quy định {want:g} pt",
                   f"the V/v line stands {gap:g} pt under the number; {want:g} pt required", fix)


@check("duong-ke-trich-yeu", "thieu-duong-ke-trich-yeu.docx")
def subject_rule(ctx: Ctx) -> None:
    """A typed document: a rule 1/3–1/2 of the line under its trích yếu (or its type name when it has none)."""
    found = ctx.found
    if found.ten_loai is None:
        return ctx.not_for_this_kind("duong-ke-trich-yeu", "công văn: không có đường kẻ dưới V/v",
                                     "a công văn has no rule under its V/v")
    lines = found.trich_yeu or [found.ten_loai]
    geometry.rule_length(ctx, "duong-ke-trich-yeu", found.subject_rule, lines,
                         geometry.widened(rules.SUBJECT_RULE_RATIO, geometry.RULE_TOLERANCE), ("trích yếu", "subject"))
