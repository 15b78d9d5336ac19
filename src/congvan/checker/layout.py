"""Rules measured on the laid-out page (LibreOffice → PDF → pdfplumber):
what the DOCX alone cannot tell, such as how long a drawn rule is or which
pages a number actually appears on."""

from __future__ import annotations

import io

from .. import rules
from . import pagination
from .context import Ctx
from .locate import norm

MM = 72 / 25.4
RULE_TOLERANCE = 0.05  # a rule measured on the PDF: 5 % either way (word boxes include side bearings)
RULE_GAP_PT = 36  # a rule drawn as the border of an empty paragraph sits a line (up to 1.5 lines) below the text


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
        pagination.judge(ctx, pdf.pages)


def _skip_all(ctx: Ctx, vi: str, en: str) -> None:
    for rule_id in ("ban-in.duong-ke", "ban-in.so-trang", *pagination.RULE_IDS):
        ctx.skip(rule_id, vi, en)


def _lines(page) -> dict[int, list[dict]]:
    lines: dict[int, list[dict]] = {}
    for word in page.extract_words(use_text_flow=True):
        lines.setdefault(round(word["top"]), []).append(word)
    return lines


def _span(page, text: str, below: float = -1.0) -> tuple[float, float, float] | None:
    """x0, x1 and bottom of ``text`` where its words stand in order on the page, under
    ``below``; a line that wraps in its column is followed onto the next lines (then
    x0, x1 are those of its widest printed piece, bottom that of its last)."""
    wanted = _plain(text).split()
    lines = [sorted(words, key=lambda w: w["x0"]) for top, words in sorted(_lines(page).items()) if top > below]
    for start in range(len(lines)):
        rest, pieces = wanted, []
        for words in lines[start:]:
            piece = _longest_prefix(words, rest)
            if piece is None:
                break
            pieces.append((piece[0]["x0"], piece[-1]["x1"], piece[-1]["bottom"]))
            rest = rest[len(piece):]
            if not rest:
                x0, x1, _ = max(pieces, key=lambda s: s[1] - s[0])
                return x0, x1, pieces[-1][2]
    return None


def _plain(text: str) -> str:
    """The non-breaking hyphen congvan puts in "GIÁO DỤC‑ĐÀO TẠO" prints as, and is read back as, "-"."""
    return text.replace("\u2011", "-").replace("\u00ad", "")


def _longest_prefix(words: list[dict], wanted: list[str]) -> list[dict] | None:
    """The words of one printed line that spell the longest start of ``wanted`` (all of it if it fits)."""
    tokens = [_plain(w["text"]) for w in words]
    for size in range(len(wanted), 0, -1):
        for at in range(len(tokens) - size + 1):
            if tokens[at:at + size] == wanted[:size] and (size == len(wanted) or at + size == len(tokens)
                                                          or words[at + size]["x0"] - words[at + size - 1]["x1"] > 20):
                return words[at:at + size]
    return None


def _rule_below(page, x0: float, x1: float, bottom: float) -> tuple[float, float] | None:
    strokes = [(l["x0"], l["x1"], l["top"]) for l in page.lines if abs(l["top"] - l["bottom"]) < 1.5]
    strokes += [(r["x0"], r["x1"], r["top"]) for r in page.rects if r["height"] < 1.5 and r["width"] > 10]
    # a rule drawn as a thin filled shape (VML v:rect, a DrawingML rectangle) prints as a closed path
    strokes += [(c["x0"], c["x1"], c["top"]) for c in page.curves if c["height"] < 1.5 and c["x1"] - c["x0"] > 10]
    centre = (x0 + x1) / 2
    below = sorted((s for s in strokes if 0 < s[2] - bottom < RULE_GAP_PT and s[0] < centre < s[1]), key=lambda s: s[2])
    return (below[0][0], below[0][1]) if below else None


def _printed_lines(paras) -> list[str]:
    """The lines a paragraph prints as (a name broken with line breaks prints as several)."""
    return [norm(line) for para in paras for line in para.text.split("\n") if norm(line)]


def _rules_on_page_one(ctx: Ctx, page) -> None:
    """The rules under the motto (ô 1) and the agency name (ô 2) as printed.  A
    multi-line agency name: the rule stands under its last line and is measured
    against its longest (docs/decisions.md).  Where the PDF measured a rule, its verdict
    replaces the DOCX estimate, so one defect is reported once."""
    checks = []
    if ctx.found.tieu_ngu:
        low, high = rules.MOTTO_RULE_RATIO
        checks.append(([norm(ctx.found.tieu_ngu.text)], (low * (1 - RULE_TOLERANCE), high * (1 + RULE_TOLERANCE)),
                       ("Tiêu ngữ", "motto"), 1, "o1.duong-ke"))
    if ctx.found.agency:
        checks.append((_printed_lines(ctx.found.agency), rules.AGENCY_RULE_RATIO, ("tên cơ quan ban hành", "agency name"),
                       2, "o2.duong-ke"))
    if not checks:
        return ctx.skip("ban-in.duong-ke", "không thấy Tiêu ngữ, tên cơ quan", "no motto or agency name found")
    for lines, ratio, names, o, docx_rule in checks:
        if _measure_rule(ctx, page, lines, ratio, names, o):
            # a printed length is what the DOCX can only estimate: the PDF's verdict replaces it
            ctx.findings[:] = [f for f in ctx.findings if f.rule != docx_rule]


def _one_per_defect(ctx: Ctx, start: int, docx_rule: str, pdf_saw_it: bool) -> None:
    """Page numbers: the PDF's findings (ctx.findings[start:]) and the DOCX's ``docx_rule``
    findings judge the same numbers.  The DOCX reading of a header is exact, so when both
    see a defect the DOCX finding stays (the PDF's is the same defect again); when only the
    PDF sees one, it stays; when the PDF shows every page right, the DOCX doubt goes."""
    pdf = ctx.findings[start:]
    docx = [f for f in ctx.findings[:start] if f.rule == docx_rule]
    if pdf and docx:
        del ctx.findings[start:]
    elif not pdf and docx and pdf_saw_it:
        ctx.findings[:] = [f for f in ctx.findings if f.rule != docx_rule]


def _measure_rule(ctx: Ctx, page, lines: list[str], ratio, names, o: int) -> bool:
    """Judge one rule on the page; False when its text is not found there (not evaluated)."""
    (low, high), (vi, en) = ratio, names
    spans: list = []
    for text in lines:  # each line under the one before it
        spans.append(_span(page, text, spans[-1][2] - 2 if spans and spans[-1] else -1.0))
    if not lines or any(s is None for s in spans):
        missing = next((t for t, s in zip(lines, spans) if s is None), "")
        ctx.skip("ban-in.duong-ke", f"không tìm thấy “{missing}” trên bản in", f"“{missing}” not found on the PDF")
        return False
    x0, x1, _ = max(spans, key=lambda s: s[1] - s[0])  # the longest line
    bottom = max(s[2] for s in spans)  # under the last line
    where = f"{vi}, trang 1 / the {en}, page 1: {' '.join(lines)[:60]}"
    rule = _rule_below(page, x0, x1, bottom)
    if rule is None:
        ctx.breach("ban-in.duong-ke", where, "không có / none", "đường kẻ / a rule",
                   f"Bản in không có đường kẻ dưới {vi}", f"the PDF shows no rule under the {en}", o=o)
        return True
    share = (rule[1] - rule[0]) / (x1 - x0)
    too = not low - 0.02 <= share <= high + 0.02
    off = abs((rule[0] + rule[1]) / 2 - (x0 + x1) / 2) > 3
    if too:  # its centring is part of the same defect: one finding
        ctx.breach("ban-in.duong-ke", where, f"{share:.2f}" + (", lệch / off centre" if off else ""),
                   f"{low:.2f}–{high:.2f}", f"Đường kẻ dưới {vi} dài {share:.2f} lần dòng chữ dài nhất trên bản in"
                   + (", không căn giữa" if off else ""),
                   f"on the PDF the rule under the {en} is {share:.2f} times its longest line"
                   + (", not centred" if off else ""), o=o)
    elif off:
        ctx.breach("ban-in.duong-ke", where, "lệch / off centre", "căn giữa / centred",
                   f"Đường kẻ dưới {vi} không căn giữa", f"the rule under the {en} is not centred", o=o)
    return True


def _page_numbers(ctx: Ctx, pages) -> None:
    """Page numbers as printed, against the document's own margins (w:pgMar), not congvan's;
    one finding per defect with the DOCX reading of the same numbers (_one_per_defect)."""
    left, right, top = (_margin_pt(ctx, side) for side in ("left", "right", "top"))
    marks = [[w for w in p.extract_words() if w["bottom"] < top and w["text"].isdigit()] for p in pages]
    start = len(ctx.findings)
    if marks[0]:
        ctx.breach("ban-in.so-trang", "trang 1 / page 1", marks[0][0]["text"], "không / none",
                   "Bản in có số trang ở trang 1", "the PDF numbers page 1")
    # one page: only "none on page 1" can be seen; the DOCX reading of the header's number stands
    for number, (page, found) in enumerate(zip(pages[1:], marks[1:]), start=2):
        if not found:
            text = page.extract_text() or ""
            if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in norm(text) or text.startswith("Phụ lục"):
                continue  # a text of its own (an attached quy chế, an appendix) starts its numbering again
            ctx.breach("ban-in.so-trang", f"trang {number} / page {number}", "không có / none", str(number),
                       f"Trang {number} không có số trang ở lề trên", f"page {number} has no number in the top margin")
            break
        centre = (left + page.width - right) / 2
        mid = (found[0]["x0"] + found[0]["x1"]) / 2
        if abs(mid - centre) > 5:
            ctx.breach("ban-in.so-trang", f"trang {number} / page {number}", f"x = {mid / MM:.0f} mm",
                       f"x = {centre / MM:.0f} mm", "Số trang không căn giữa", "the page number is not centred")
            break
    _one_per_defect(ctx, start, "trang.so-trang", len(pages) > 1)


def _margin_pt(ctx: Ctx, side: str) -> float:
    sections = ctx.view.sections
    twips = sections[0].margins.get(side) if sections else None
    return twips / 20 if twips else rules.MARGINS_MM[side] * MM
