"""The page as offices issue it (issue 14, points 1–5), read from the DOCX:
a header that fits any agency, chosen and balanced line breaks, one
addressee centred, Nơi nhận groups under a brace, ô 12 styles."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from docx.oxml.ns import qn

import congvan
import congvan.forms
import congvan.layout
from congvan import metrics, rules
from congvan.errors import FormError
from docx_read import all_paragraphs, blocks, open_docx
from test_rules_phu_luc_i import cong_van, ke_hoach

VALIDATE = Path(__file__).resolve().parents[2] / "shared" / "tools" / "ooxml_validate.py"
TWIPS_PER_MM = 1440 / 25.4
UNIVERSITY = "Trường Đại học Công Thương Thành phố Hồ Chí Minh"


def render(tmp_path, doc, name="doc.docx"):
    path = tmp_path / name
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        congvan.render(doc, path)
    return open_docx(path), [w.message for w in caught]


def header_table(document):
    return next(b for b in blocks(document) if not hasattr(b, "runs"))


def grid_mm(table) -> list[float]:
    grid = table._tbl.find(qn("w:tblGrid"))
    return [int(c.get(qn("w:w"))) / TWIPS_PER_MM for c in grid.findall(qn("w:gridCol"))]


def indent_mm(table) -> float:
    return int(table._tbl.tblPr.find(qn("w:tblInd")).get(qn("w:w"))) / TWIPS_PER_MM


def agency_lines(table) -> list[str]:
    cell = table.rows[0].cells[0]
    return [p.text for p in cell.paragraphs if p.style.style_id == "co_quan_ban_hanh"]


def width_mm(text, pt, bold=False, italic=False) -> float:
    return metrics.text_width_pt(text, pt, bold=bold, italic=italic) / metrics.PT_PER_MM


def validate(path) -> None:
    out = subprocess.run([sys.executable, str(VALIDATE), str(path)], capture_output=True, text=True)
    assert out.stdout.strip().endswith("ooxml_errors=0 files=1"), out.stdout[-2000:]


# --- 1. the header fits its agency ---------------------------------------------------------

def test_short_agency_keeps_the_mau_columns(tmp_path):
    document, caught = render(tmp_path, cong_van())
    table = header_table(document)
    left, right = grid_mm(table)
    assert (round(left, 1), round(right, 1)) == (70.0, 105.0)
    assert indent_mm(table) == pytest.approx(-5.0, abs=0.1)
    assert not caught


def test_university_name_breaks_after_cong_thuong_and_the_left_column_widens(tmp_path):
    doc = cong_van(co_quan_chu_quan={"ten": "Bộ Công Thương"},
                   co_quan_ban_hanh={"ten": UNIVERSITY, "viet_tat": "HUIT"})
    document, caught = render(tmp_path, doc)
    table = header_table(document)
    assert agency_lines(table) == ["TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG", "THÀNH PHỐ HỒ CHÍ MINH"]
    left, right = grid_mm(table)
    longest = width_mm("TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG", 13, bold=True)
    assert 77.5 < longest < left <= longest + 1.5  # ~78 mm of text, and the column follows it
    assert right >= width_mm(rules.QUOC_HIEU, 13, bold=True)  # the Quốc hiệu keeps its one line
    assert left + right <= rules.TEXT_WIDTH_MM + sum(rules.HEADER_OVERHANG_MAX_MM) + 0.1
    assert -indent_mm(table) <= rules.HEADER_OVERHANG_MAX_MM[0]
    assert not caught


def test_rule_under_the_agency_is_a_third_to_half_of_the_longest_line(tmp_path):
    document, _ = render(tmp_path, cong_van(co_quan_ban_hanh={"ten": UNIVERSITY, "viet_tat": "HUIT"}))
    cell = header_table(document).rows[0].cells[0]
    rule = next(p for p in cell.paragraphs if p.style.style_id == "duong_ke")
    ind = rule._p.pPr.find(qn("w:ind"))
    cell_mm = int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) / TWIPS_PER_MM
    length = cell_mm - (int(ind.get(qn("w:left"))) + int(ind.get(qn("w:right")))) / TWIPS_PER_MM
    longest = width_mm("TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG", 13, bold=True)
    assert longest / 3 <= length <= longest / 2


def test_clerk_newline_decides_the_agency_lines(tmp_path):
    doc = cong_van(co_quan_ban_hanh={"ten": "Ủy ban nhân dân tỉnh\nKhánh Hòa", "viet_tat": "UBND"})
    document, _ = render(tmp_path, doc)
    assert agency_lines(header_table(document)) == ["ỦY BAN NHÂN DÂN TỈNH", "KHÁNH HÒA"]  # not the balanced split


@pytest.mark.parametrize("name", [
    "Ban Chỉ đạo kỳ thi tốt nghiệp trung học phổ thông tỉnh Khánh Hòa năm 2025 - 2026",
    "Hội đồng nhân dân tỉnh Khánh Hòa khóa VII nhiệm kỳ 2021-2026",
    "Ủy ban nhân dân tỉnh Khánh Hòa",
    "Sở Thông tin và Truyền thông tỉnh Phú Thọ",
])
def test_balanced_agency_lines_never_leave_a_word_alone_nor_break_a_range(tmp_path, name):
    document, _ = render(tmp_path, cong_van(co_quan_ban_hanh={"ten": name, "viet_tat": "X"}))
    table = header_table(document)
    lines = agency_lines(table)
    left = grid_mm(table)[0]
    assert len(lines) >= 2
    assert all(len(line.split()) >= 2 for line in lines), lines
    assert all(width_mm(line, 13, bold=True) <= left for line in lines), lines
    assert " ".join(lines).replace("\u2011", "-") == " ".join(name.upper().split())
    for a, b in zip(lines, lines[1:]):  # no line ends or starts inside "2025 - 2026" / "2021‑2026"
        assert not a.endswith(("-", "\u2011")) and not b.startswith(("-", "\u2011", "2026"))


def test_province_name_breaks_before_the_place():
    doc = cong_van(co_quan_ban_hanh={"ten": "Ủy ban nhân dân tỉnh Khánh Hòa", "viet_tat": "UBND"})
    assert congvan.layout.lay_out(doc).header.issuer_lines == ["ỦY BAN NHÂN DÂN", "TỈNH KHÁNH HÒA"]


TOO_LONG = "Trung tâm Kiểm soát bệnh tật và Quản lý chất lượng thuốc Thành phố\nHồ Chí Minh"


def test_a_line_that_cannot_fit_warns_in_the_python_api(tmp_path):
    doc = cong_van(co_quan_ban_hanh={"ten": TOO_LONG, "viet_tat": "HCDC"})
    with pytest.warns(congvan.LayoutWarning) as caught:
        congvan.render(doc, tmp_path / "w.docx")
    warning = caught[0].message
    assert warning.where == "co_quan_ban_hanh.ten"
    assert "KIỂM SOÁT BỆNH TẬT" in warning.vi and "does not fit" in warning.en
    assert (tmp_path / "w.docx").is_file()  # written all the same, broken at balanced points
    lines = agency_lines(header_table(open_docx(tmp_path / "w.docx")))
    assert lines[-1] == "HỒ CHÍ MINH" and all(len(x.split()) >= 2 for x in lines)


def test_a_line_that_cannot_fit_warns_on_the_cli_in_both_languages(tmp_path):
    form = tmp_path / "f.json"
    data = json.loads(cong_van(co_quan_ban_hanh={"ten": TOO_LONG, "viet_tat": "HCDC"}).model_dump_json(
        exclude_defaults=True))
    form.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "congvan", "render", str(form), "-o", str(tmp_path / "f.docx")],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "Cảnh báo / warning: co_quan_ban_hanh.ten:" in out.stderr
    assert "không vừa cột tiêu đề" in out.stderr and "does not fit the header column" in out.stderr


# --- 2. chosen and balanced line breaks ------------------------------------------------------

def vv_paragraph(document):
    return next(p for p in all_paragraphs(document) if p.text.startswith("V/v"))


def test_vv_keeps_the_clerks_break(tmp_path):
    document, _ = render(tmp_path, cong_van(trich_yeu="nâng bậc lương\nnăm 2023"))
    vv = vv_paragraph(document)
    assert vv.text == "V/v nâng bậc lương\nnăm 2023"
    assert len(vv._p.findall(f".//{qn('w:br')}")) == 1


def test_vv_breaks_at_balanced_points_never_one_word_last(tmp_path):
    subject = "tiếp tục tăng cường công tác phòng, chống mua bán người và tổ chức các hoạt động hưởng ứng Thành"
    document, _ = render(tmp_path, cong_van(trich_yeu=subject))
    lines = vv_paragraph(document).text.split("\n")
    column = grid_mm(header_table(document))[0]
    assert len(lines) >= 2 and len(lines[-1].split()) >= 2, lines
    assert all(width_mm(line, 13) <= column for line in lines)
    widths = [width_mm(line, 13) for line in lines]
    assert max(widths) - min(widths) < column / 2  # balanced, not a full line and a stub


def title_lines(document) -> list[str]:
    return [p.text for p in all_paragraphs(document) if p.style.style_id == "trich_yeu"]


def test_title_keeps_the_clerks_break_and_balances_the_rest(tmp_path):
    subject = ("Thực hiện công tác phòng, chống mua bán người năm 2025 trên địa bàn tỉnh Khánh Hòa\n"
               "giai đoạn 2025 - 2030")
    document, _ = render(tmp_path, ke_hoach(trich_yeu=subject))
    lines = title_lines(document)
    assert lines[-1] == "giai đoạn 2025 - 2030"
    assert len(lines) == 3 and all(len(line.split()) >= 2 for line in lines)
    # greedy wrapping would leave "Khánh Hòa" alone; balanced lines are close in length
    a, b = (width_mm(line, 14, bold=True) for line in lines[:2])
    assert abs(a - b) < 25


# --- 3. one addressee --------------------------------------------------------------------------

def kinh_gui_paragraphs(document):
    return [p for p in all_paragraphs(document) if p.text.startswith("Kính gửi")]


def test_one_addressee_is_centred_on_the_label_line_with_space_around(tmp_path):
    document, _ = render(tmp_path, cong_van(kinh_gui=["Bộ Nội vụ"]))
    (p,) = kinh_gui_paragraphs(document)
    assert p.text == "Kính gửi: Bộ Nội vụ"
    assert p.style.style_id == "kinh_gui_mot"
    style = document.styles["Kính gửi (một nơi)"]
    assert style.paragraph_format.alignment == 1  # centre
    assert style.paragraph_format.space_before.pt >= 12 and style.paragraph_format.space_after.pt >= 6
    assert p._p.pPr.find(qn("w:ind")) is None  # no indent of its own: centred on the text width


def test_one_long_addressee_wraps_under_itself_and_the_block_is_centred(tmp_path):
    name = "Hiệu trưởng các trường Mầm non, Tiểu học, Trung học cơ sở trên địa bàn thị xã Đồng Xoài"
    document, _ = render(tmp_path, cong_van(kinh_gui=[name]))
    (p,) = kinh_gui_paragraphs(document)
    lines = p.text.split("\n")
    assert len(lines) == 2 and len(lines[-1].split()) >= 2
    ind = p._p.pPr.find(qn("w:ind"))
    hang = int(ind.get(qn("w:hanging"))) / TWIPS_PER_MM
    left = int(ind.get(qn("w:left"))) / TWIPS_PER_MM
    assert hang == pytest.approx(width_mm("Kính gửi: ", 14), abs=0.2)
    block = hang + max(width_mm(lines[0][len("Kính gửi: "):], 14), width_mm(lines[1], 14))
    assert (left - hang) + block / 2 == pytest.approx(rules.TEXT_WIDTH_MM / 2, abs=1.0)


def test_one_addressee_from_the_mau_indent_when_asked(tmp_path):
    document, _ = render(tmp_path, cong_van(kinh_gui=["Bộ Nội vụ"], kinh_gui_mot_noi="thut-le"))
    (p,) = kinh_gui_paragraphs(document)
    assert p.style.style_id == "kinh_gui"
    left = int(p._p.pPr.find(qn("w:ind")).get(qn("w:left"))) / TWIPS_PER_MM
    assert left > rules.KINH_GUI_INDENT_MM


def test_several_addressees_keep_the_mau_1_5_list(tmp_path):
    document, _ = render(tmp_path, cong_van())
    paras = [p for p in all_paragraphs(document) if p.style.style_id == "kinh_gui"]
    assert [p.text for p in paras] == ["Kính gửi:", "- Bộ Nội vụ;", "- Bộ Tài chính;", "- Bộ Kế hoạch và Đầu tư."]
    label = int(paras[0]._p.pPr.find(qn("w:ind")).get(qn("w:left"))) / TWIPS_PER_MM
    assert label == pytest.approx(rules.KINH_GUI_INDENT_MM, abs=0.1)


# --- 4. Nơi nhận --------------------------------------------------------------------------------

GROUP = {"nhom": ["Bộ Nội vụ", "Bộ Tài chính", "Văn phòng Chính phủ"], "ghi_chu": "để b/c"}


def signature_table(document):
    return [b for b in blocks(document) if not hasattr(b, "runs")][-1]


def test_a_group_is_a_nested_table_items_brace_note(tmp_path):
    doc = cong_van(noi_nhan=[GROUP, "Các phòng thuộc Sở"])
    document, _ = render(tmp_path, doc)
    cell = signature_table(document).rows[0].cells[0]
    (nested,) = cell.tables
    items, brace, note = nested.rows[0].cells
    assert [p.text for p in items.paragraphs] == ["- Bộ Nội vụ;", "- Bộ Tài chính;", "- Văn phòng Chính phủ;"]
    assert brace.text == "}" and note.text == "(để\u00a0b/c)"
    for c in (items, brace, note):
        assert c._tc.tcPr.find(qn("w:vAlign")).get(qn("w:val")) == "center"
    run = brace.paragraphs[0].runs[0]._r.rPr
    assert int(run.find(qn("w:sz")).get(qn("w:val"))) == round(2 * 3 * rules.BRACE_PT_PER_LINE)
    assert run.find(qn("w:w")).get(qn("w:val")) == str(rules.BRACE_SCALE_PERCENT)
    widths = sum(int(c.get(qn("w:w"))) for c in nested._tbl.find(qn("w:tblGrid")))
    outer = int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w")))
    assert abs(widths - outer) <= 3  # the group spans the Nơi nhận column
    lines = [p.text for p in cell.paragraphs]  # the cell's own lines: before and after the group
    assert lines[:2] == ["Nơi nhận:", "- Như trên;"] and lines[-2:] == ["- Các phòng thuộc Sở;", "- Lưu: VT, TCCB (2). PL.(300)."]
    validate(tmp_path / "doc.docx")


def test_a_group_with_one_item_is_a_clear_error():
    with pytest.raises(Exception) as info:
        congvan.forms.validate_data(congvan.VanBan, {**cong_van().model_dump(mode="json", by_alias=True,
                                                                                   exclude_none=True),
                                                     "noi_nhan": [{"nhom": ["Bộ Nội vụ"], "ghi_chu": "để b/c"}]})
    assert isinstance(info.value, FormError)
    (problem,) = info.value.problems
    assert problem.path == "noi_nhan[0].nhom"
    assert "từ hai nơi nhận trở lên" in problem.vi and "two or more recipients" in problem.en


def test_a_note_on_its_own_indented_line(tmp_path):
    doc = cong_van(noi_nhan=[{"ten": "Báo Khánh Hòa", "ghi_chu": "để đưa tin", "ghi_chu_dong_rieng": True}])
    document, _ = render(tmp_path, doc)
    cell = signature_table(document).rows[0].cells[0]
    texts = [p.text for p in cell.paragraphs]
    at = texts.index("- Báo Khánh Hòa")
    note = cell.paragraphs[at + 1]
    assert note.text == "(để\u00a0đưa\u00a0tin);"  # never "(để đưa / tin);"
    assert int(note._p.pPr.find(qn("w:ind")).get(qn("w:left"))) == round(rules.NOTE_INDENT_MM * TWIPS_PER_MM)


@pytest.mark.parametrize("choice, first", [("nhu-thanh-phan", "- Như thành phần;"), ("nhu-tren", "- Như trên;")])
def test_nhu_thanh_phan_offered_beside_nhu_tren(tmp_path, choice, first):
    doc = ke_hoach(nhu_tren=choice)
    document, _ = render(tmp_path, doc)
    cell = signature_table(document).rows[0].cells[0]
    assert [p.text for p in cell.paragraphs][1] == first


def test_no_first_line_when_asked_and_never_twice(tmp_path):
    document, _ = render(tmp_path, cong_van(nhu_tren="khong"))
    assert "- Như trên;" not in [p.text for p in signature_table(document).rows[0].cells[0].paragraphs]
    document, _ = render(tmp_path, cong_van(noi_nhan=["Như thành phần", "Sở Tài chính"]), "b.docx")
    texts = [p.text for p in signature_table(document).rows[0].cells[0].paragraphs]
    assert texts[1:3] == ["- Như thành phần;", "- Sở Tài chính;"]


# --- 5. ô 12 styles ---------------------------------------------------------------------------

O12 = {
    "nghi-dinh": ("- Lưu: VT, TCCB (2). PL.(300).", None),
    "don-vi": ("- Lưu: VT, TCCB(bnt) (2).(300).", None),
    "chi-so-duoi": ("- Lưu: VT, TCCBh5 (2).(300).", "h5"),
    "don-vi-vt-sau": ("- Lưu: TCCB(bnt) (2), VT.(300).", None),
    "chi-so-duoi-vt-sau": ("- Lưu: TCCBh5 (2), VT.(300).", "h5"),
}


@pytest.mark.parametrize("style", list(O12))
def test_o12_in_each_style(tmp_path, style):
    initials = "PL" if style == "nghi-dinh" else ("h5" if "chi-so" in style else "bnt")
    doc = cong_van(kieu_o12=style, nguoi_soan_thao={"ky_hieu": initials, "so_ban": 300})
    document, _ = render(tmp_path, doc)
    last = signature_table(document).rows[0].cells[0].paragraphs[-1]
    expected, subscript = O12[style]
    assert last.text == expected
    sub = [r.text for r in last.runs if r._r.rPr is not None and r._r.rPr.find(qn("w:vertAlign")) is not None]
    assert sub == ([subscript] if subscript else [])
    if subscript:
        validate(tmp_path / "doc.docx")


def test_the_decree_style_without_copies_and_without_a_drafter(tmp_path):
    document, _ = render(tmp_path, cong_van(kieu_o12="don-vi", nguoi_soan_thao={"ky_hieu": "bnt"},
                                            luu={"don_vi": ["KGVX"]}))
    assert signature_table(document).rows[0].cells[0].paragraphs[-1].text == "- Lưu: VT, KGVX(bnt)."
    document, _ = render(tmp_path, cong_van(nguoi_soan_thao=None), "b.docx")
    assert signature_table(document).rows[0].cells[0].paragraphs[-1].text == "- Lưu: VT, TCCB (2)."


def test_an_unknown_o12_style_is_a_clear_bilingual_error():
    data = {**cong_van().model_dump(mode="json", by_alias=True, exclude_none=True), "kieu_o12": "kieu-la"}
    with pytest.raises(FormError) as info:
        congvan.forms.validate_data(congvan.VanBan, data)
    (problem,) = info.value.problems
    assert problem.path == "kieu_o12"
    assert "Không có cách ghi ô 12 tên 'kieu-la'" in problem.vi
    assert "no ô 12 style named 'kieu-la'" in problem.en and "chi-so-duoi" in problem.en


# --- the Nơi nhận column -----------------------------------------------------------------------

def test_nơi_nhan_column_is_the_mau_measure_and_widens_so_a_recipient_line_does_not_break(tmp_path):
    base = round(rules.TEXT_WIDTH_MM * rules.SIGNATURE_LEFT_FRACTION, 1)
    document, _ = render(tmp_path, cong_van())
    assert grid_mm(signature_table(document))[0] == pytest.approx(base, abs=0.1)
    item = "Phó CVP UBND tỉnh (đ/c Nguyễn Tiến Dũng)"  # 76 mm at 11 pt, seed 000
    document, _ = render(tmp_path, cong_van(noi_nhan=[item]), "b.docx")
    left, right = grid_mm(signature_table(document))
    line = width_mm(f"- {item};", 11)
    assert base < line < left <= rules.TEXT_WIDTH_MM * rules.SIGNATURE_LEFT_FRACTION_MAX + 0.1
    assert right >= width_mm("KT. GIÁM ĐỐC", 14, bold=True) and left + right == pytest.approx(rules.TEXT_WIDTH_MM, abs=0.1)
    too_long = "Bộ trưởng Bộ Công an, Phó Trưởng ban Thường trực Ban Chỉ đạo 138/CP, Ban Chỉ đạo phòng, chống tội phạm"
    document, _ = render(tmp_path, cong_van(noi_nhan=[too_long]), "c.docx")
    assert grid_mm(signature_table(document))[0] == pytest.approx(base, abs=0.1)  # it wraps anyway


def test_an_agency_profile_sets_the_o12_style_and_the_kinh_gui_and_noi_nhan_habits(tmp_path):
    """Issue 14.7 fills VanBan fields: the house style of points 3–5 is declared once per agency."""
    (tmp_path / "co_quan.yaml").write_text(
        "co_quan_ban_hanh: {ten: Trường Đại học Công Thương Thành phố Hồ Chí Minh, viet_tat: HUIT}\n"
        "dia_danh: Thành phố Hồ Chí Minh\nkieu_o12: don-vi\nnhu_tren: nhu-tren\nkinh_gui_mot_noi: thut-le\n"
        "noi_nhan:\n  - {nhom: [Bộ Công Thương, Bộ Giáo dục và Đào tạo], ghi_chu: để b/c}\n"
        "luu: {don_vi: [ĐT]}\nnguoi_soan_thao: {ky_hieu: bnt}\n"
        "nguoi_ky: {hieu-truong: {chuc_vu: Hiệu trưởng, ho_ten: Nguyễn Văn An}}\n", encoding="utf-8")
    (tmp_path / "form.yaml").write_text(
        "loai: cong-van\ndon_vi_soan_thao: ĐT\nngay: 25/11/2025\ntrich_yeu: tổ chức kỳ thi\n"
        "kinh_gui: [Sở Giáo dục và Đào tạo]\nnoi_dung: [Trân trọng./.]\nnoi_nhan: [Các khoa thuộc Trường]\n",
        encoding="utf-8")
    document, _ = render(tmp_path, congvan.load(tmp_path / "form.yaml"))
    cell = signature_table(document).rows[0].cells[0]
    assert [p.text for p in cell.paragraphs] == ["Nơi nhận:", "- Như trên;", "- Các khoa thuộc Trường;",
                                                 "- Lưu: VT, ĐT(bnt)."]
    assert [c.text for c in cell.tables[0].rows[0].cells][1:] == ["}", "(để\u00a0b/c)"]
    (p,) = kinh_gui_paragraphs(document)
    assert p.style.style_id == "kinh_gui"  # the agency prints its one addressee from the Mẫu's indent
    assert agency_lines(header_table(document)) == ["TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG", "THÀNH PHỐ HỒ CHÍ MINH"]
