"""Layout as a real office suite draws it: render to PDF with LibreOffice and
measure positions with pdfplumber.  These tests never skip in CI."""

from __future__ import annotations

import re
import statistics

import pdfplumber
import pytest

import congvan
from congvan import rules
from conftest import EXAMPLES, to_pdf
from test_rules_phu_luc_i import cong_van, ke_hoach

MM = 72 / 25.4  # PDF points per mm


@pytest.fixture(scope="module")
def pdfs(soffice, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf")
    docs = {
        "cv000": congvan.load(EXAMPLES / "000-cong-van-bcd-dak-lak-2022.yaml"),
        "cv": cong_van(),
        "kh": ke_hoach(),
    }
    paths = []
    for name, doc in docs.items():
        paths.append(congvan.render(doc, out / f"{name}.docx"))
    pdf_paths = to_pdf(soffice, paths, out)
    opened = {name: pdfplumber.open(p) for name, p in zip(docs, pdf_paths)}
    yield opened
    for pdf in opened.values():
        pdf.close()


def line_words(page, text: str):
    """The words of the first text line that starts with `text`."""
    words = page.extract_words(keep_blank_chars=False, use_text_flow=True)
    lines: dict[float, list] = {}
    for w in words:
        lines.setdefault(round(w["top"]), []).append(w)
    for top in sorted(lines):
        ws = sorted(lines[top], key=lambda w: w["x0"])
        joined = " ".join(w["text"] for w in ws)
        if text in joined:
            start = joined.index(text)
            count = len(text.split())
            offset = len(joined[:start].split())
            return ws[offset:offset + count]
    raise AssertionError(f"{text!r} not found on the page")


def span(words):
    return words[0]["x0"], words[-1]["x1"], words[0]["top"], words[0]["bottom"]


def text_area(page):
    left = rules.MARGINS_MM["left"] * MM
    right = page.width - rules.MARGINS_MM["right"] * MM
    return left, right


def horizontal_rules(page):
    """Thin horizontal strokes: paragraph borders come out as lines or thin rects."""
    found = [(l["x0"], l["x1"], l["top"]) for l in page.lines if abs(l["top"] - l["bottom"]) < 1.5]
    found += [(r["x0"], r["x1"], r["top"]) for r in page.rects if r["height"] < 1.5 and r["width"] > 10]
    return found


def test_all_glyphs_come_from_the_serif_font(pdfs):
    for name, pdf in pdfs.items():
        fonts = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}
        assert fonts and all(f.startswith("LiberationSerif") for f in fonts), (name, fonts)


def test_quoc_hieu_in_the_right_column_and_agency_in_the_left(pdfs):
    page = pdfs["cv"].pages[0]
    left, right = text_area(page)
    centre = (left + right) / 2
    x0, x1, top, _ = span(line_words(page, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    assert (x0 + x1) / 2 > centre  # its centre lies in the right half
    assert x1 <= page.width - 5 * MM  # and it stays on one line inside the page
    ax0, ax1, _, _ = span(line_words(page, "SỞ NỘI VỤ"))
    assert (ax0 + ax1) / 2 < centre
    _, _, parent_top, _ = span(line_words(page, "UBND TỈNH BẮC NINH"))
    assert abs(parent_top - top) < 3  # the first lines of both columns stand level


def test_number_and_date_on_one_line(pdfs):
    for name in ("cv", "kh", "cv000"):
        page = pdfs[name].pages[0]
        number = line_words(page, "Số:")
        date = line_words(page, "ngày")
        assert abs(number[0]["bottom"] - date[0]["bottom"]) < 2.5, name


def test_rule_under_motto_as_long_as_the_motto_and_centred_under_it(pdfs):
    page = pdfs["cv"].pages[0]
    x0, x1, _, bottom = span(line_words(page, "Độc lập - Tự do - Hạnh phúc"))
    below = [r for r in horizontal_rules(page) if 0 < r[2] - bottom < 12 and r[0] > (x0 - 20)]
    assert below, "no rule under the Tiêu ngữ"
    r0, r1, _ = below[0]
    assert abs((r1 - r0) - (x1 - x0)) < 3  # within 1 mm of the motto's length
    assert abs((r0 + r1) / 2 - (x0 + x1) / 2) < 3


def test_rule_under_issuer_a_third_to_half_of_its_line_and_centred(pdfs):
    page = pdfs["cv"].pages[0]
    x0, x1, _, bottom = span(line_words(page, "SỞ NỘI VỤ"))
    below = [r for r in horizontal_rules(page) if 0 < r[2] - bottom < 12 and r[1] < page.width / 2]
    assert below, "no rule under the issuing agency"
    r0, r1, _ = below[0]
    width = x1 - x0
    assert width / 3 - 1 <= (r1 - r0) <= width / 2 + 1
    assert abs((r0 + r1) / 2 - (x0 + x1) / 2) < 3


def test_rules_do_not_touch_the_text_above(pdfs):
    page = pdfs["cv000"].pages[0]
    for text in ("Độc lập - Tự do - Hạnh phúc", "XDPT TOÀN DÂN BV ANTQ TỈNH"):
        *_, bottom = span(line_words(page, text))
        below = [r for r in horizontal_rules(page) if -1 < r[2] - bottom < 12]
        assert below and below[0][2] - bottom >= 1.0, text


def test_page_numbers_centred_in_the_top_margin_from_page_two_only(pdfs):
    pdf = pdfs["cv000"]
    assert len(pdf.pages) >= 2
    top_margin = rules.MARGINS_MM["top"] * MM
    first = [w for w in pdf.pages[0].extract_words() if w["bottom"] < top_margin]
    assert first == []
    for number, page in enumerate(pdf.pages[1:], start=2):
        marks = [w for w in page.extract_words() if w["bottom"] < top_margin]
        assert [w["text"] for w in marks] == [str(number)]
        left, right = text_area(page)
        assert abs((marks[0]["x0"] + marks[0]["x1"]) / 2 - (left + right) / 2) < 3


def test_signature_block_in_the_right_half_level_with_noi_nhan(pdfs):
    for name, first_line in (("cv", "KT. GIÁM ĐỐC"), ("kh", "TM. ỦY BAN NHÂN DÂN")):
        page = pdfs[name].pages[-1]
        label = line_words(page, "Nơi nhận:")
        authority = line_words(page, first_line)
        left, right = text_area(page)
        assert authority[0]["x0"] > (left + right) / 2 - 10
        assert abs(label[0]["top"] - authority[0]["top"]) < 4, name


def test_body_is_justified_inside_the_margins(pdfs):
    page = pdfs["cv000"].pages[0]
    left, right = text_area(page)
    rights = [w["x1"] for w in page.extract_words() if w["top"] > 330]
    assert max(rights) <= right + 1.5
    # justified lines end at the right margin: many lines share the same right edge
    edges = [round(x) for x in rights]
    assert edges.count(statistics.mode(edges)) >= 8


def test_page_count_is_a4(pdfs):
    for pdf in pdfs.values():
        page = pdf.pages[0]
        assert abs(page.width - 210 * MM) < 1 and abs(page.height - 297 * MM) < 1
