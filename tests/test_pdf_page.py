"""Issue 14 points 1–5 as LibreOffice prints them: header columns and agency
wraps, forced and balanced breaks, the centred addressee, the brace group and
ô 12, measured on the PDF with pdfplumber."""

from __future__ import annotations

import pdfplumber
import pytest

import congvan
from congvan import rules
from conftest import to_pdf
from test_pdf_layout import MM, line_words, span, text_area
from test_rules_phu_luc_i import cong_van

UNIVERSITY = "Trường Đại học Công Thương Thành phố Hồ Chí Minh"
GROUP = {"nhom": ["Bộ Công Thương", "Bộ Giáo dục và Đào tạo", "Ủy ban nhân dân Thành phố"], "ghi_chu": "để b/c"}


@pytest.fixture(scope="module")
def pdfs(soffice, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf-page")
    docs = {
        "uni": cong_van(co_quan_chu_quan={"ten": "Bộ Công Thương"},
                        co_quan_ban_hanh={"ten": UNIVERSITY, "viet_tat": "HUIT"},
                        kinh_gui=["Sở Giáo dục và Đào tạo"],
                        noi_nhan=[GROUP, {"ten": "Báo Sài Gòn Giải phóng", "ghi_chu": "để đưa tin",
                                          "ghi_chu_dong_rieng": True}],
                        kieu_o12="chi-so-duoi", nguoi_soan_thao={"ky_hieu": "h5", "so_ban": 30}),
        "short": cong_van(trich_yeu="nâng bậc lương\ncán bộ năm 2023"),
        "long": cong_van(kinh_gui=["Hiệu trưởng các trường Mầm non, Tiểu học, Trung học cơ sở trên địa bàn"
                                   " thị xã Đồng Xoài"],
                         trich_yeu="tiếp tục tăng cường công tác phòng, chống mua bán người và tổ chức các"
                                   " hoạt động hưởng ứng Thành"),
    }
    paths = [congvan.render(doc, out / f"{name}.docx") for name, doc in docs.items()]
    opened = {name: pdfplumber.open(p) for name, p in zip(docs, to_pdf(soffice, paths, out))}
    yield opened
    for pdf in opened.values():
        pdf.close()


def centre(words) -> float:
    x0, x1, _, _ = span(words)
    return (x0 + x1) / 2


def test_university_name_on_two_lines_beside_a_one_line_quoc_hieu(pdfs):
    page = pdfs["uni"].pages[0]
    first = line_words(page, "TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG")
    second = line_words(page, "THÀNH PHỐ HỒ CHÍ MINH")
    assert len(first) == 5 and len(second) == 5
    assert first[0]["top"] < second[0]["top"] < first[0]["top"] + 20  # the next line, not further
    assert not any(w["text"] == "THƯƠNG" and abs(w["top"] - second[0]["top"]) < 2 for w in page.extract_words())
    quoc_hieu = line_words(page, rules.QUOC_HIEU)
    assert len({round(w["top"]) for w in quoc_hieu}) == 1  # one line
    assert span(first)[1] < span(quoc_hieu)[0]  # the columns do not overlap
    assert abs(centre(first) - centre(second)) < 1.5  # both centred in the left column
    # the left column is 79.4 mm wide, reaching 6.1 mm into the left margin
    column_centre = (rules.MARGINS_MM["left"] - 6.1 + 79.4 / 2) * MM
    assert centre(first) == pytest.approx(column_centre, abs=2)


def test_short_name_columns_as_the_mau(pdfs):
    page = pdfs["short"].pages[0]
    agency = line_words(page, "SỞ NỘI VỤ")
    quoc_hieu = line_words(page, rules.QUOC_HIEU)
    left_edge = (rules.MARGINS_MM["left"] - rules.HEADER_OVERHANG_MM[0]) * MM
    assert centre(agency) == pytest.approx(left_edge + 35 * MM, abs=2)
    assert centre(quoc_hieu) == pytest.approx(left_edge + (70 + 52.5) * MM, abs=3)


def test_forced_break_in_the_vv_line(pdfs):
    page = pdfs["short"].pages[0]
    first = line_words(page, "V/v nâng bậc lương")
    second = line_words(page, "cán bộ năm 2023")
    assert first[0]["top"] + 5 < second[0]["top"] < first[0]["top"] + 20
    assert not any(w["text"] == "cán" and abs(w["top"] - first[0]["top"]) < 2 for w in page.extract_words())


def test_balanced_vv_lines_never_leave_a_word_alone(pdfs):
    page = pdfs["long"].pages[0]
    start = line_words(page, "V/v tiếp tục")[0]
    stop = line_words(page, "Kính gửi:")[0]
    column_right = start["x0"] + 80 * MM
    lines: dict[int, list[str]] = {}
    for w in page.extract_words():
        if start["top"] - 2 < w["top"] < stop["top"] - 2 and w["x1"] < column_right:
            lines.setdefault(round(w["top"]), []).append(w["text"])
    vv = [words for _, words in sorted(lines.items())]
    assert len(vv) >= 2 and len(vv[-1]) >= 2, vv
    assert vv[-1][-1] == "Thành"


def test_one_addressee_centred_on_the_text_width(pdfs):
    page = pdfs["uni"].pages[0]
    line = line_words(page, "Kính gửi: Sở Giáo dục và Đào tạo")
    left, right = text_area(page)
    assert centre(line) == pytest.approx((left + right) / 2, abs=1.5 * MM)


def test_one_long_addressee_wraps_under_its_name_in_a_centred_block(pdfs):
    page = pdfs["long"].pages[0]
    first = line_words(page, "Kính gửi:")
    words = sorted(page.extract_words(), key=lambda w: (round(w["top"]), w["x0"]))
    below = [w for w in words if 5 < w["top"] - first[0]["top"] < 20]
    name_x = next(w for w in words if abs(w["top"] - first[0]["top"]) < 2 and w["x0"] > first[-1]["x1"])["x0"]
    assert below and below[0]["x0"] == pytest.approx(name_x, abs=1.5)  # the second line starts under the name
    left, right = text_area(page)
    block_right = max(w["x1"] for w in words if -2 < w["top"] - first[0]["top"] < 20)
    assert (first[0]["x0"] + block_right) / 2 == pytest.approx((left + right) / 2, abs=3 * MM)


def test_brace_spans_the_group_with_its_note_beside_it(pdfs):
    page = pdfs["uni"].pages[0]
    items = [line_words(page, text) for text in ("- Bộ Công Thương;", "- Bộ Giáo dục và Đào tạo;",
                                                  "- Ủy ban nhân dân Thành phố;")]
    braces = [c for c in page.chars if c["text"] == "}"]
    assert len(braces) == 1
    brace = braces[0]
    note = line_words(page, "(để b/c)")
    items_right = max(span(w)[1] for w in items)
    assert items_right < brace["x0"] < note[0]["x0"]
    assert brace["x1"] - brace["x0"] < 4 * MM  # narrow: squeezed, not a wide glyph
    first_top, last_bottom = items[0][0]["top"], items[-1][0]["bottom"]
    # the glyph's ink is about 0.82 of its size in Liberation Serif (measured on the page image),
    # and its box (baseline-anchored) covers the items from the first line's top to the last's baseline
    block = last_bottom - first_top
    assert 0.75 * block <= 0.82 * brace["size"] <= 1.1 * block
    assert brace["top"] <= first_top + 2 and brace["bottom"] >= last_bottom - 0.15 * brace["size"]
    note_mid = (note[0]["top"] + note[0]["bottom"]) / 2
    assert note_mid == pytest.approx((first_top + last_bottom) / 2, abs=4)  # vertically centred
    assert all(abs(span(w)[0] - span(items[0])[0]) < 1 for w in items)  # flush left under "Nơi nhận:"
    label = line_words(page, "Nơi nhận:")
    assert span(items[0])[0] == pytest.approx(span(label)[0], abs=1)


def test_note_on_its_own_line_never_breaks(pdfs):
    page = pdfs["uni"].pages[0]
    name = line_words(page, "- Báo Sài Gòn Giải phóng")
    note = line_words(page, "(để đưa tin);")
    assert note[0]["top"] > name[0]["top"] + 5
    assert note[0]["x0"] > name[0]["x0"] + 3 * MM  # indented under the name


def test_o12_initials_print_as_subscript(pdfs):
    page = pdfs["uni"].pages[0]
    luu = line_words(page, "- Lưu:")
    unit = [c for c in page.chars if abs(c["top"] - luu[0]["top"]) < 4 and c["text"] in "TCCB"]
    sub = [c for c in page.chars if c["text"] in "h5" and abs(c["top"] - luu[0]["top"]) < 6]
    assert len(sub) == 2
    assert all(c["size"] < min(u["size"] for u in unit) - 2 for c in sub)
    assert all(c["bottom"] > max(u["bottom"] for u in unit) for c in sub)  # below the line's baseline
