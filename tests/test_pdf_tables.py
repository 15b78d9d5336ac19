"""Body tables and footnotes as LibreOffice prints them (pdfplumber):
a long table repeats its header rows on the next page, a wide one is on a
landscape page, a footnote stands at the foot of its page."""

from __future__ import annotations

import pdfplumber
import pytest

import congvan
from congvan import rules
from conftest import to_pdf
from test_rules_phu_luc_i import ke_hoach

MM = 72 / 25.4

LONG = {"bang": {
    "stt": True,
    "dau": [[{"noi_dung": "Thời gian", "gop_dong": 2}, {"noi_dung": "Phòng ban đào tạo", "gop_cot": 2}],
            ["Sáng", "Chiều"]],
    "dong": [[f"Ngày {d:02d}/01/2026", f"Lớp sáng số {d}", f"Lớp chiều số {d}"] for d in range(1, 41)],
}}
WIDE = {"bang": {"dau": [f"Chỉ tiêu số {n} năm kế hoạch" for n in range(1, 15)],
                 "dong": [[f"Giá trị {n}" for n in range(14)]] * 3}}


@pytest.fixture(scope="module")
def pdfs(soffice, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf-tables")
    docs = {
        "long": ke_hoach(noi_dung=["Lịch đào tạo như sau:", LONG, "Các phòng thực hiện."]),
        "wide": ke_hoach(noi_dung=["Chỉ tiêu như sau:", WIDE, "Các phòng thực hiện."]),
        "note": ke_hoach(
            noi_dung=["Thực hiện Nghị quyết số 57-NQ/TW[^1] của Bộ Chính trị, Sở ban hành Kế hoạch như sau:",
                      {"muc": "Mục đích", "noi_dung": ["Chuyển đổi số toàn diện trong cơ quan."]}],
            chu_thich={1: "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học."}),
    }
    paths = [congvan.render(doc, out / f"{name}.docx") for name, doc in docs.items()]
    opened = {name: pdfplumber.open(p) for name, p in zip(docs, to_pdf(soffice, paths, out))}
    yield opened
    for pdf in opened.values():
        pdf.close()


def first(page, text: str):
    """The first word run of text on the page (top, x0)."""
    words = page.extract_words(use_text_flow=True)
    needle = text.split()
    for i in range(len(words) - len(needle) + 1):
        if [w["text"] for w in words[i:i + len(needle)]] == needle:
            return words[i]
    return None


def test_a_long_table_repeats_its_header_rows_on_the_next_page(pdfs):
    pdf = pdfs["long"]
    assert len(pdf.pages) >= 2
    for page in pdf.pages[:2]:
        head, sub = first(page, "Phòng ban đào tạo"), first(page, "Sáng")
        assert head is not None and sub is not None, f"header rows missing on page {page.page_number}"
        assert head["top"] < sub["top"]
    page2 = pdf.pages[1]
    rows = [w for w in page2.extract_words() if w["text"] == "Ngày"]
    assert rows, "no body row on page 2"
    assert first(page2, "Sáng")["top"] < min(w["top"] for w in rows)
    # The rows did not split: every date's row keeps its two classes on its line.
    text = page2.extract_text()
    assert "Lớp sáng số" in text and "Lớp chiều số" in text


def test_a_wide_table_is_printed_on_a_landscape_page(pdfs):
    pdf = pdfs["wide"]
    shapes = [(round(p.width), round(p.height)) for p in pdf.pages]
    assert shapes[0][0] < shapes[0][1]  # page 1 portrait
    landscape = [p for p in pdf.pages if p.width > p.height]
    assert len(landscape) == 1
    assert first(landscape[0], "Chỉ tiêu số 14") is not None
    assert first(pdf.pages[0], "Chỉ tiêu số 1") is None  # the table is not on the portrait page
    after = pdf.pages[pdf.pages.index(landscape[0]) + 1]
    assert after.width < after.height and "Các phòng thực hiện" in after.extract_text()
    # The landscape page carries its page number (the numbering continues).
    assert str(landscape[0].page_number) in landscape[0].extract_text().split()


def test_a_footnote_stands_at_the_foot_of_its_page(pdfs):
    page = pdfs["note"].pages[0]
    note = first(page, "Nghị quyết số 57-NQ/TW ngày")
    assert note is not None, "footnote text not on page 1"
    body_words = [w for w in page.extract_words() if w["top"] < note["top"]]
    body_bottom = max(w["bottom"] for w in body_words)
    assert note["top"] > body_bottom
    bottom_margin = page.height - rules.MARGINS_MM["bottom"] * MM
    assert note["bottom"] <= bottom_margin + 1
    assert note["top"] > page.height * 0.75  # at the foot, not under the text
    # Its size is the footnote size, smaller than the body's.
    chars = [c for c in page.chars if c["top"] >= note["top"] - 1 and c["text"].strip()]
    sizes = {round(c["size"]) for c in chars if c["text"].isalpha()}
    assert sizes == {round(rules.FOOTNOTE_TEXT.size.pt(rules.Profile.LON))}
    # The reference in the text is a small raised "1".
    marks = [c for c in page.chars if c["text"] == "1" and c["top"] < note["top"] - 5
             and c["size"] < rules.BODY.pt(rules.Profile.LON) - 2]
    assert marks


def test_the_checker_finds_nothing_wrong_with_tables_and_footnotes(soffice):
    """`congvan check --layout` on documents with body tables (long, landscape, merged)
    and footnotes, and on example 010: no error and no warning (no false findings)."""
    from conftest import EXAMPLES

    docs = [
        ke_hoach(noi_dung=["Lịch đào tạo như sau:", LONG, "Các phòng thực hiện."]),
        ke_hoach(noi_dung=["Chỉ tiêu như sau:", WIDE, "Các phòng thực hiện."]),
        ke_hoach(noi_dung=["Thực hiện Nghị quyết số 57-NQ/TW[^1], Sở ban hành Kế hoạch như sau:", LONG],
                 chu_thich={1: "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị."}),
        congvan.load(EXAMPLES / "010-ke-hoach-stttt-phu-tho.yaml"),
    ]
    reports = congvan.check_all([congvan.render_bytes(d) for d in docs], layout=True)
    for report in reports:
        bad = [f"{f.rule}: {f.message_en}" for f in report.findings if f.severity in ("error", "warning")]
        assert report.ok and not bad, bad
