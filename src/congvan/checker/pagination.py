"""Pagination measured on the printed page (check --layout): the signature
band alone on a page, and a page left mostly blank before more content.

The decree prints the signature (ô 7) and Nơi nhận (ô 9b) right under the
body (Phụ lục I, Mục IV); a văn thư rejects a page that carries the band
with no body text above it, and a page left more than a quarter blank
(``rules.MAX_BLANK_FRACTION``) when the text goes on over the page — the
mark of a chain of keep-with-next paragraphs or a stray page break.  A page
before a text of its own (an appendix, an attached quy chế) may end short, and
so may a page before a change of orientation (a landscape table's section).
"""

from __future__ import annotations

from .. import rules
from .locate import norm

MM = 72 / 25.4
RULE_IDS = ("ban-in.khoi-ky", "ban-in.trang-trong")
NEW_PART = ("Phụ lục", "PHỤ LỤC")


def judge(ctx, pages) -> None:
    """Both pagination rules on the PDF's pages (pdfplumber)."""
    top, bottom = _margins_pt(ctx)
    lines = [_text_lines(page, top, page.height - bottom) for page in pages]
    _band_alone(ctx, lines)
    _blank_pages(ctx, pages, lines, top, bottom)


def _margins_pt(ctx) -> tuple[float, float]:
    sections = ctx.view.sections
    if sections and sections[-1].margins.get("top") and sections[-1].margins.get("bottom"):
        m = sections[-1].margins
        return abs(m["top"]) / 20, abs(m["bottom"]) / 20
    return rules.MARGINS_MM["top"] * MM, rules.MARGINS_MM["bottom"] * MM


def _text_lines(page, top: float, bottom: float) -> list[tuple[float, float, str]]:
    """(top, bottom, text) of each line inside the text area (page numbers and
    footers stand in the margins and are left out)."""
    rows: dict[int, list[dict]] = {}
    for word in page.extract_words(use_text_flow=True):
        if word["top"] >= top - 2 and word["bottom"] <= bottom + 2:
            rows.setdefault(round(word["top"]), []).append(word)
    out = []
    for key in sorted(rows):
        words = sorted(rows[key], key=lambda w: w["x0"])
        out.append((min(w["top"] for w in words), max(w["bottom"] for w in words),
                    norm(" ".join(w["text"] for w in words))))
    return out


def _band_markers(ctx) -> list[str]:
    found = ctx.found
    markers = [norm(p.text) for p in found.authority[:1]]
    if found.noi_nhan_label is not None:
        markers.append(norm(found.noi_nhan_label.text).split(":")[0])
    return [m for m in markers if m]


def _band_alone(ctx, lines) -> None:
    markers = _band_markers(ctx)
    if not markers:
        return ctx.skip("ban-in.khoi-ky", "không thấy khối chữ ký, nơi nhận", "no signature band found")
    # The band's page: the last page on which one of its first lines stands.
    for number in range(len(lines) - 1, -1, -1):
        tops = [t for t, _, text in lines[number] if any(text.startswith(m) or m in text for m in markers)]
        if tops:
            break
    else:
        return ctx.skip("ban-in.khoi-ky", "không tìm thấy khối chữ ký trên bản in",
                        "the signature band was not found on the PDF")
    band_top = min(tops)
    if number == 0 or any(bottom <= band_top + 1 for _, bottom, _ in lines[number]):
        return
    page = number + 1
    ctx.breach("ban-in.khoi-ky", f"trang {page} / page {page}", "không có nội dung phía trên / no body text above",
               "ít nhất một dòng nội dung / at least one line of the body",
               f"Trang {page} chỉ có khối chữ ký và nơi nhận, không có dòng nội dung nào phía trên",
               f"page {page} holds the signature band alone, with no body text above it")


def _starts_new_part(lines) -> bool:
    texts = [text for _, _, text in lines[:4]]
    return any(rules.QUOC_HIEU in t for t in texts) or any(t.startswith(NEW_PART) for t in texts[:2])


def _turns(pages, index: int) -> bool:
    """The next page has the other orientation: a table printed landscape in a
    section of its own (Phụ lục I §I.4) starts, or ends, there; the page before
    a section break may end short."""
    here, after = pages[index], pages[index + 1]
    return (here.width > here.height) != (after.width > after.height)


def _blank_pages(ctx, pages, lines, top: float, bottom: float) -> None:
    for index in range(len(pages) - 1):
        if not lines[index + 1] or _starts_new_part(lines[index + 1]) or _turns(pages, index):
            continue  # nothing follows, a text of its own or a landscape table starts on a new page
        height = pages[index].height - top - bottom
        last = max((b for _, b, _ in lines[index]), default=top)
        blank = (pages[index].height - bottom - last) / height
        if blank > rules.MAX_BLANK_FRACTION:
            page = index + 1
            ctx.breach("ban-in.trang-trong", f"trang {page} / page {page}", f"{blank:.0%}",
                       f"≤ {rules.MAX_BLANK_FRACTION:.0%}",
                       f"Trang {page} để trống {blank:.0%} cuối trang trong khi nội dung còn tiếp ở trang sau",
                       f"page {page} is left {blank:.0%} blank at its foot while the text goes on over the page")
