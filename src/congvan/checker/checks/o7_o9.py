"""Ô 7 (quyền hạn, chức vụ, họ tên) and ô 9 (Kính gửi, Nơi nhận)."""

from __future__ import annotations

import re

from ... import rules
from .. import edits
from ..context import Ctx, check
from ..locate import norm
from ..view import Para
from .common import element_format, missing


MARKER = re.compile(r"^(T\s*[./]?\s*M|K\s*[./]?\s*T|T\s*[./]?\s*L|T\s*[./]?\s*U\s*[./]?\s*Q|Q)\s*[.:/]?\s*(?=\S)")


@check("o7.quyen-han", "kt-thieu-cham.docx")
def authority(ctx: Ctx) -> None:
    lines = ctx.found.authority
    if not lines:
        return missing(ctx, "o7.quyen-han", "quyền hạn, chức vụ người ký", "the signer's position")
    first = norm(lines[0].text)
    match = MARKER.match(first)
    if match and not first.startswith(tuple(f"{m} " for m in rules.QUYEN_HAN)):
        token = match.group(0).strip()
        canonical = re.sub(r"[\s./:]", "", token) + "."
        if canonical in rules.QUYEN_HAN and token != canonical:
            ctx.breach("o7.quyen-han", ctx.where(lines[0]), token, canonical,
                       f"Viết “{canonical}” (chữ in hoa, dấu chấm, rồi cách)", f"write “{canonical}” then a space",
                       edits.replace_text(lines[0], token, canonical))
    for para in lines + _between(ctx, lines[-1], ctx.found.ho_ten):
        element_format(ctx, "o7.quyen-han", para, "quyen_han_chuc_vu", "Quyền hạn, chức vụ")


ON_BEHALF = re.compile(r"^(KT|K/T|TL|T/L|TUQ)\s*[.:]?\s+\S")


@check("ky-thay-chuc-vu", "kt-thieu-chuc-vu.docx")
def own_position(ctx: Ctx) -> None:
    """KT., TL., TUQ. name the head's position; the line under it names the signer's own (§II.7.b, Điều 13)."""
    paras = ctx.found.authority
    if not paras or ctx.found.ho_ten is None:
        return ctx.skip("ky-thay-chuc-vu", "không thấy khối chữ ký", "no signature block found")
    lines = [(para, norm(line)) for para in paras for line in para.text.split("\n") if norm(line)]
    marked = [n for n, (_, text) in enumerate(lines) if ON_BEHALF.match(text)]
    if marked and marked[-1] == len(lines) - 1 and not _between(ctx, paras[-1], ctx.found.ho_ten):
        para, text = lines[-1]
        marker = text.split()[0]
        ctx.breach("ky-thay-chuc-vu", ctx.where(para), text, f"{text} / <CHỨC VỤ NGƯỜI KÝ>",
                   f"Sau “{marker}” phải có dòng chức vụ của người ký (ví dụ: PHÓ GIÁM ĐỐC)",
                   f"after “{marker}” a line gives the signer's own position (e.g. PHÓ GIÁM ĐỐC)")


def _between(ctx: Ctx, last: Para | None, name: Para | None) -> list[Para]:
    """Lines between the authority block and the name, in the same cell or box: a position
    written in lower case (o7.quyen-han judges its case).  "(Đã ký)", "(ký)" of a copy and
    "[daky]" placeholders are no position."""
    if last is None or name is None:
        return []
    return [para for para in ctx.view.paragraphs[last.index + 1:name.index]
            if para.where == last.where and norm(para.text) and not norm(para.text).startswith(("(", "["))]


@check("o7.ho-ten", "ho-ten-khong-dam.docx")
def signer(ctx: Ctx) -> None:
    if ctx.found.ho_ten is None:
        return missing(ctx, "o7.ho-ten", "họ tên người ký", "the signer's name")
    element_format(ctx, "o7.ho-ten", ctx.found.ho_ten, "ho_ten", "Họ tên người ký")


@check("o9b.nhan", "nhan-noi-nhan-thuong.docx")
def noi_nhan_label(ctx: Ctx) -> None:
    label = ctx.found.noi_nhan_label
    if label is None:
        return missing(ctx, "o9b.nhan", "“Nơi nhận:”", "“Nơi nhận:”")
    if norm(label.text) != rules.NOI_NHAN_LABEL:
        ctx.breach("o9b.nhan", ctx.where(label), norm(label.text), rules.NOI_NHAN_LABEL,
                   "Viết “Nơi nhận:” (có dấu hai chấm)", "write “Nơi nhận:” with its colon")
    element_format(ctx, "o9b.nhan", label, "noi_nhan_nhan", "Nơi nhận")


@check("o9b.dong", "noi-nhan-thieu-cham-phay.docx", "thieu-dong-luu.docx")
def noi_nhan_items(ctx: Ctx) -> None:
    items = _items(ctx.found.noi_nhan)
    if not items:
        return ctx.skip("o9b.dong", "không thấy các dòng nơi nhận", "no recipient lines found")
    for paras in items:
        element_format(ctx, "o9b.dong", paras[0], "noi_nhan", "Dòng nơi nhận")
    for n, paras in enumerate(items):
        text, last = norm(" ".join(p.text for p in paras)), n == len(items) - 1
        if not text.startswith("-"):
            ctx.breach("o9b.dong", ctx.where(paras[0]), text[:1], "-", "Mỗi dòng nơi nhận bắt đầu bằng “-”",
                       "each recipient line starts with “-”")
        end = "." if last else ";"
        ending = re.sub(r"\s*[A-ZĐ]{1,6}\.\(\d+\)\.?$", "", text) if last else text  # ô 12: "PL.(300)"
        if not (ending.endswith(end) or text.endswith(end)):
            ctx.breach("o9b.dong", ctx.where(paras[-1]), text[-1:], end,
                       f"Dòng nơi nhận {'cuối ' if last else ''}kết thúc bằng “{end}”",
                       f"{'the last ' if last else 'a '}recipient line ends with “{end}”")
    last = norm(items[-1][0].text)
    if not re.match(r"^-\s*Lưu\s*:", last):
        ctx.breach("o9b.dong", ctx.where(items[-1][0]), last[:20], "- Lưu: VT, …",
                   "Dòng cuối nơi nhận là “- Lưu: VT, …”", "the last recipient line is “- Lưu: VT, …”")
    elif "VT" not in last:
        ctx.breach("o9b.dong", ctx.where(items[-1][0]), last[:30], "- Lưu: VT, …",
                   "Dòng “Lưu” ghi văn thư (VT) trước", "the “Lưu” line names the văn thư (VT) first")


def _items(paras: list[Para]) -> list[list[Para]]:
    """Recipient lines; a line that continues the previous item joins it."""
    items: list[list[Para]] = []
    for para in paras:
        text = norm(para.text)
        if items and not text.startswith("-") and not norm(items[-1][-1].text).endswith((";", ".")):
            items[-1].append(para)
        else:
            items.append([para])
    return items


@check("o9a.kinh-gui", "kinh-gui-thieu-hai-cham.docx")
def kinh_gui(ctx: Ctx) -> None:
    paras = ctx.found.kinh_gui
    if not paras:
        if ctx.found.is_cong_van:
            return missing(ctx, "o9a.kinh-gui", "“Kính gửi:”", "“Kính gửi:”")
        return ctx.not_for_this_kind("o9a.kinh-gui", "văn bản không có Kính gửi", "the document has no Kính gửi")
    head = norm(paras[0].text)
    if not head.startswith("Kính gửi:"):
        ctx.breach("o9a.kinh-gui", ctx.where(paras[0]), head[:12], "Kính gửi:",
                   "“Kính gửi” phải có dấu hai chấm", "“Kính gửi” takes a colon")
    for para in paras:
        element_format(ctx, "o9a.kinh-gui", para, "kinh_gui", "Kính gửi")
    items = paras[1:]
    for n, para in enumerate(items):
        text, last = norm(para.text), n == len(items) - 1
        end = "." if last else ";"
        if not text.endswith(end):
            ctx.breach("o9a.kinh-gui", ctx.where(para), text[-1:], end,
                       f"Dòng Kính gửi {'cuối ' if last else ''}kết thúc bằng “{end}”",
                       f"{'the last ' if last else 'an '}addressee line ends with “{end}”")
