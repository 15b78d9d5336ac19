"""Rules measured on the laid-out page (LibreOffice → PDF → pdfplumber):
what the DOCX alone cannot tell, such as how long a drawn rule is or which
pages a number actually appears on."""

from __future__ import annotations

import io

from .. import rules
from .context import Ctx
from .locate import norm

MM = 72 / 25.4
RULE_TOLERANCE = 0.05  # a rule measured on the PDF: 5 % either way (word boxes include side bearings)
RULE_GAP_PT = 24  # a rule drawn as the border of an empty paragraph sits a line below the text


def measure(ctx: Ctx, docx: bytes, pdf_bytes: bytes | None = None) -> None:
    """Judge the layout rules on the PDF of ``docx`` (made here unless given)."""
    try:
        import pdfplumber

        if pdf_bytes is None:
            from ..pdf import docx_bytes_to_pdf
            pdf_bytes = docx_bytes_to_pdf(docx)
    except ImportError:
        return _skip_all(ctx, "thiếu pdfplumber: pip install 'congvan[layout]'",
                         "pdfplumber is missing: pip install 'congvan[layout]'")
    except Exception as exc:  # OfficeMissing, ConversionFailed: the reason is in the message
        return _skip_all(ctx, f"không tạo được bản in: {exc}", f"no PDF could be made: {exc}")
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        _rules_on_page_one(ctx, pdf.pages[0])
        _page_numbers(ctx, pdf.pages)


def _skip_all(ctx: Ctx, vi: str, en: str) -> None:
    for rule_id in ("ban-in.duong-ke", "ban-in.so-trang"):
        ctx.skip(rule_id, vi, en)


def _lines(page) -> dict[int, list[dict]]:
    lines: dict[int, list[dict]] = {}
    for word in page.extract_words(use_text_flow=True):
        lines.setdefault(round(word["top"]), []).append(word)
    return lines


def _span(page, text: str) -> tuple[float, float, float] | None:
    """x0, x1 and bottom of ``text`` where it stands on a line of the page."""
    for top, words in sorted(_lines(page).items()):
        words.sort(key=lambda w: w["x0"])
        joined = " ".join(w["text"] for w in words)
        if text in joined:
            before = len(joined[:joined.index(text)].split())
            count = len(text.split())
            chosen = words[before:before + count]
            return chosen[0]["x0"], chosen[-1]["x1"], chosen[-1]["bottom"]
    return None


def _rule_below(page, x0: float, x1: float, bottom: float) -> tuple[float, float] | None:
    strokes = [(l["x0"], l["x1"], l["top"]) for l in page.lines if abs(l["top"] - l["bottom"]) < 1.5]
    strokes += [(r["x0"], r["x1"], r["top"]) for r in page.rects if r["height"] < 1.5 and r["width"] > 10]
    centre = (x0 + x1) / 2
    below = sorted((s for s in strokes if 0 < s[2] - bottom < RULE_GAP_PT and s[0] < centre < s[1]), key=lambda s: s[2])
    return (below[0][0], below[0][1]) if below else None


def _rules_on_page_one(ctx: Ctx, page) -> None:
    checks = []
    if ctx.found.tieu_ngu:
        low, high = rules.MOTTO_RULE_RATIO
        checks.append((norm(ctx.found.tieu_ngu.text), (low * (1 - RULE_TOLERANCE), high * (1 + RULE_TOLERANCE)),
                       "Tiêu ngữ", "motto"))
    if ctx.found.agency:
        longest = max(ctx.found.agency, key=lambda p: len(norm(p.text)))
        checks.append((norm(longest.text), rules.AGENCY_RULE_RATIO, "tên cơ quan ban hành", "agency name"))
    if not checks:
        return ctx.skip("ban-in.duong-ke", "không thấy Tiêu ngữ, tên cơ quan", "no motto or agency name found")
    for text, (low, high), vi, en in checks:
        span = _span(page, text)
        if span is None:
            ctx.skip("ban-in.duong-ke", f"không tìm thấy “{text}” trên bản in", f"“{text}” not found on the PDF")
            continue
        x0, x1, bottom = span
        rule = _rule_below(page, x0, x1, bottom)
        if rule is None:
            ctx.breach("ban-in.duong-ke", f"trang 1: {text}", "không có / none", "đường kẻ / a rule",
                       f"Bản in không có đường kẻ dưới {vi}", f"the PDF shows no rule under the {en}")
            continue
        ratio = (rule[1] - rule[0]) / (x1 - x0)
        if not low - 0.02 <= ratio <= high + 0.02:
            ctx.breach("ban-in.duong-ke", f"trang 1: {text}", f"{ratio:.2f}", f"{low:.2f}–{high:.2f}",
                       f"Đường kẻ dưới {vi} dài {ratio:.2f} lần dòng chữ trên bản in",
                       f"on the PDF the rule under the {en} is {ratio:.2f} times its line")
        if abs((rule[0] + rule[1]) / 2 - (x0 + x1) / 2) > 3:
            ctx.breach("ban-in.duong-ke", f"trang 1: {text}", "lệch / off centre", "căn giữa / centred",
                       f"Đường kẻ dưới {vi} không căn giữa", f"the rule under the {en} is not centred")


def _page_numbers(ctx: Ctx, pages) -> None:
    top = rules.MARGINS_MM["top"] * MM
    marks = [[w for w in p.extract_words() if w["bottom"] < top and w["text"].isdigit()] for p in pages]
    if marks[0]:
        ctx.breach("ban-in.so-trang", "trang 1 / page 1", marks[0][0]["text"], "không / none",
                   "Bản in có số trang ở trang 1", "the PDF numbers page 1")
    if len(pages) == 1:
        return
    for number, (page, found) in enumerate(zip(pages[1:], marks[1:]), start=2):
        if not found:
            text = page.extract_text() or ""
            if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in norm(text) or text.startswith("Phụ lục"):
                continue  # a text of its own (an attached quy chế, an appendix) starts its numbering again
            ctx.breach("ban-in.so-trang", f"trang {number} / page {number}", "không có / none", str(number),
                       f"Trang {number} không có số trang ở lề trên", f"page {number} has no number in the top margin")
            return
        centre = (rules.MARGINS_MM["left"] * MM + page.width - rules.MARGINS_MM["right"] * MM) / 2
        mid = (found[0]["x0"] + found[0]["x1"]) / 2
        if abs(mid - centre) > 5:
            ctx.breach("ban-in.so-trang", f"trang {number} / page {number}", f"x = {mid / MM:.0f} mm",
                       f"x = {centre / MM:.0f} mm", "Số trang không căn giữa", "the page number is not centred")
            return
