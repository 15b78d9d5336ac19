"""One test per rule of Phụ lục I, on DOCX files congvan renders.

Each test opens the produced file with python-docx and checks the element as
Word would resolve it (run → paragraph style → defaults).
"""

from __future__ import annotations

import re
import zipfile

import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

import congvan
from congvan import rules
from congvan.model import VanBan
from docx_read import all_paragraphs, blocks, look, open_docx

TEXT_WIDTH = rules.TEXT_WIDTH_MM


def cong_van(**changes) -> VanBan:
    data = {
        "loai": "cong-van",
        "co_quan_chu_quan": {"ten": "UBND tỉnh Bắc Ninh"},  # the parent line may abbreviate (§II.2)
        "co_quan_ban_hanh": {"ten": "Sở Nội vụ", "viet_tat": "SNV"},
        "don_vi_soan_thao": "TCCB",
        "so": 5,
        "dia_danh": "Bắc Ninh",
        "ngay": "2023-07-06",
        "trich_yeu": "nâng bậc lương năm 2023",
        "kinh_gui": ["Bộ Nội vụ", "Bộ Tài chính", "Bộ Kế hoạch và Đầu tư"],
        "noi_dung": ["Thực hiện Thông tư số 03/2021/TT-BNV, Sở Nội vụ đề nghị như sau:",
                     {"khoan": "Rà soát danh sách."}, {"khoan": "Báo cáo kết quả."}],
        "noi_nhan": ["Giám đốc Sở (để báo cáo)"],
        "luu": {"don_vi": ["TCCB"], "so_ban": 2},
        "nguoi_soan_thao": {"ky_hieu": "PL", "so_ban": 300},
        "nguoi_ky": {"ky_thay": "Giám đốc", "chuc_vu": "Phó Giám đốc", "ho_ten": "Nguyễn Văn A"},
    }
    data.update(changes)
    return VanBan.model_validate(data)


def ke_hoach(**changes) -> VanBan:
    data = {
        "loai": "ke-hoach",
        "co_quan_ban_hanh": {"ten": "Ủy ban nhân dân tỉnh Khánh Hòa", "viet_tat": "UBND"},
        "so": 12,
        "dia_danh": "Khánh Hòa",
        "ngay": "05/01/2021",
        "trich_yeu": "Thực hiện công tác phòng, chống mua bán người năm 2021",
        "noi_dung": [
            "Để triển khai, UBND tỉnh ban hành Kế hoạch như sau:",
            {"muc": "Mục đích, yêu cầu", "noi_dung": [
                {"muc": "Mục đích", "noi_dung": [{"gach": ["Ý thứ nhất", "Ý thứ hai"]}]},
                {"muc": "Yêu cầu", "noi_dung": [{"khoan": "Điểm một", "noi_dung": [
                    {"khoan": f"Điểm con {i}"} for i in range(1, 7)]}]},
            ]},
            {"muc": "Tổ chức thực hiện", "noi_dung": ["Các sở, ngành triển khai thực hiện."]},
        ],
        "noi_nhan": ["Bộ Công an (để báo cáo)", "Các sở, ban, ngành"],
        "luu": {"don_vi": ["NC"]},
        "nguoi_ky": {"thay_mat": "Ủy ban nhân dân", "ky_thay": "Chủ tịch", "chuc_vu": "Phó Chủ tịch",
                     "ho_ten": "Trần Văn B"},
    }
    data.update(changes)
    return VanBan.model_validate(data)


@pytest.fixture(scope="module")
def cv(tmp_path_factory):
    path = tmp_path_factory.mktemp("cv") / "cv.docx"
    congvan.render(cong_van(), path)
    return open_docx(path)


@pytest.fixture(scope="module")
def kh(tmp_path_factory):
    path = tmp_path_factory.mktemp("kh") / "kh.docx"
    congvan.render(ke_hoach(), path)
    return open_docx(path)


def find(document, pattern: str):
    for p in all_paragraphs(document):
        if re.search(pattern, p.text):
            return p
    raise AssertionError(f"no paragraph matches {pattern!r}")


def header_table(document):
    return next(b for b in blocks(document) if not hasattr(b, "runs"))


# --- §I: page ---------------------------------------------------------------------

def test_page_is_a4_portrait_with_margins_inside_the_ranges(cv):
    section = cv.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    for side, (lo, hi) in rules.MARGIN_RANGES_MM.items():
        value = getattr(section, f"{side}_margin").mm
        assert lo - 0.05 <= value <= hi + 0.05, (side, value)


def test_times_new_roman_in_every_font_slot_and_no_theme_fonts(tmp_path):
    path = tmp_path / "f.docx"
    congvan.render(cong_van(), path)
    with zipfile.ZipFile(path) as z:
        styles = z.read("word/styles.xml").decode()
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
    fonts = re.search(r"<w:rPrDefault><w:rPr><w:rFonts ([^>]*)/>", styles).group(1)
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert f'w:{slot}="Times New Roman"' in fonts
    assert "Theme" not in xml  # asciiTheme etc. would let Word substitute the theme font
    assert set(re.findall(r'<w:rFonts [^>]*', xml) and re.findall(r'w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"', " ".join(re.findall(r"<w:rFonts [^>]*", xml)))) == {"Times New Roman"}


def test_page_numbers_centred_in_header_from_page_two_and_none_on_page_one(cv):
    section = cv.sections[0]
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == ""
    default = section.header.paragraphs[0]
    assert "PAGE" in default._p.xml and "fldChar" in default._p.xml
    assert look(default).align == "CENTER"
    assert look(default).size == rules.ELEMENTS["so_trang"].size.large


# --- ô 1, ô 2: header band ----------------------------------------------------------

def test_header_is_a_borderless_fixed_two_column_table_with_widths_in_grid_and_cells(cv):
    table = header_table(cv)
    xml = table._tbl.xml
    assert '<w:tblLayout w:type="fixed"/>' in xml
    grid = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', xml)]
    assert len(grid) == 2 and grid[0] < grid[1]
    cells = [int(w) for w in re.findall(r'<w:tcW w:w="(\d+)"', xml)]
    assert cells[:2] == grid
    assert 'w:val="single"' not in xml.split("<w:tblBorders>")[1].split("</w:tblBorders>")[0]


def test_quoc_hieu_upper_bold_and_tieu_ngu_bold_in_the_right_column(cv):
    right = header_table(cv).rows[0].cells[1]
    qh, tn = right.paragraphs[0], right.paragraphs[1]
    assert qh.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert tn.text == "Độc lập - Tự do - Hạnh phúc"
    assert look(qh).bold and look(qh).size == 13 and look(qh).align == "CENTER"
    assert look(tn).bold and look(tn).size == 14 and look(tn).align == "CENTER"


def _rule_length_mm(paragraph, cell_width_mm):
    ind = paragraph._p.pPr.find(qn("w:ind"))
    left = int(ind.get(qn("w:left"))) / 56.6929
    right = int(ind.get(qn("w:right"))) / 56.6929
    return cell_width_mm - left - right


def _cell_width_mm(cell):
    return int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) / 56.6929


def test_rule_under_tieu_ngu_is_as_long_as_the_motto(cv):
    from congvan.metrics import text_width_pt

    right = header_table(cv).rows[0].cells[1]
    rule = right.paragraphs[2]
    assert rule.text == "" and "w:bottom" in rule.style.element.xml
    motto_mm = text_width_pt(rules.TIEU_NGU, 14, bold=True) * 25.4 / 72
    assert _rule_length_mm(rule, _cell_width_mm(right)) == pytest.approx(motto_mm, abs=0.3)


def test_parent_agency_upper_not_bold_issuer_upper_bold(cv):
    left = header_table(cv).rows[0].cells[0]
    parent, issuer = left.paragraphs[0], left.paragraphs[1]
    assert parent.text == "UBND TỈNH BẮC NINH" and not look(parent).bold
    assert issuer.text == "SỞ NỘI VỤ" and look(issuer).bold
    assert look(parent).size == look(issuer).size == 13


def test_rule_under_issuer_is_a_third_to_half_of_its_text_and_centred(cv):
    from congvan.metrics import text_width_pt

    left = header_table(cv).rows[0].cells[0]
    rule = left.paragraphs[2]
    ind = rule._p.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:left")) == ind.get(qn("w:right"))  # centred
    name_mm = text_width_pt("SỞ NỘI VỤ", 13, bold=True) * 25.4 / 72
    length = _rule_length_mm(rule, _cell_width_mm(left))
    assert name_mm / 3 <= length <= name_mm / 2


def test_rule_has_space_above_so_it_never_touches_dot_below_marks(cv):
    xml = cv.styles.element.xml
    style = xml.split('w:styleId="duong_ke"')[1].split("</w:style>")[0]
    assert 'w:lineRule="exact"' in style
    assert int(re.search(r'w:line="(\d+)"', style).group(1)) >= 40  # ≥ 2 pt


# --- ô 3, ô 4, ô 5 ---------------------------------------------------------------------

def test_number_padded_below_ten_and_ky_hieu_composed_without_spaces(cv, kh):
    assert header_table(cv).rows[1].cells[0].paragraphs[0].text == "Số: 05/SNV-TCCB"
    assert header_table(kh).rows[1].cells[0].paragraphs[0].text == "Số: 12/KH-UBND"
    assert look(header_table(cv).rows[1].cells[0].paragraphs[0]).size == 13


def test_blank_number_and_day_for_the_van_thu_to_fill(tmp_path):
    path = tmp_path / "d.docx"
    congvan.render(cong_van(so=None, ngay="7/2022"), path)
    table = header_table(open_docx(path))
    assert re.fullmatch(r"Số: \s{4,}/SNV-TCCB", table.rows[1].cells[0].paragraphs[0].text)
    assert re.fullmatch(r"Bắc Ninh, ngày \s{3,}tháng 7 năm 2022", table.rows[1].cells[1].paragraphs[0].text)


def test_place_and_date_italic_on_the_same_row_as_the_number(cv, kh):
    date = header_table(cv).rows[1].cells[1].paragraphs[0]
    assert date.text == "Bắc Ninh, ngày 06 tháng 7 năm 2023"
    assert look(date).italic and not look(date).bold and look(date).size == 14
    assert header_table(kh).rows[1].cells[1].paragraphs[0].text == "Khánh Hòa, ngày 05 tháng 01 năm 2021"


def test_cong_van_vv_line_under_the_number_regular_12_13(cv):
    vv = header_table(cv).rows[2].cells[0].paragraphs[0]
    assert vv.text == "V/v nâng bậc lương năm 2023"
    assert not look(vv).bold and look(vv).size == 13 and look(vv).align == "CENTER"
    assert look(vv).space_before_pt == 6


def test_typed_document_title_upper_bold_and_subject_bold_with_rule(kh):
    title = find(kh, "^KẾ HOẠCH$")
    subject = find(kh, "^Thực hiện công tác")
    assert look(title).bold and look(title).size == 14 and look(title).align == "CENTER"
    assert look(subject).bold and not look(subject).italic and look(subject).align == "CENTER"
    rule = subject._p.getnext()
    assert "duong_ke" in rule.xml


def test_cong_van_has_no_type_name_line(cv):
    assert not any(p.text == "CÔNG VĂN" for p in all_paragraphs(cv))


# --- ô 9a Kính gửi -----------------------------------------------------------------------

def test_kinh_gui_several_addressees_dash_list_under_the_colon(cv):
    label = find(cv, "^Kính gửi:$")
    items = [find(cv, r"^- Bộ Nội vụ;$"), find(cv, r"^- Bộ Tài chính;$"), find(cv, r"^- Bộ Kế hoạch và Đầu tư\.$")]
    from congvan.metrics import text_width_pt

    start = int(label._p.pPr.find(qn("w:ind")).get(qn("w:left")))
    colon_x = start + text_width_pt("Kính gửi", 14) * 20
    for item in items:
        ind = item._p.pPr.find(qn("w:ind"))
        dash_x = int(ind.get(qn("w:left"))) - int(ind.get(qn("w:hanging")))
        assert abs(dash_x - colon_x) < 15  # twips: the dash stands under the colon


def test_kinh_gui_single_addressee_on_the_label_line_without_final_punctuation(tmp_path):
    path = tmp_path / "one.docx"
    congvan.render(cong_van(kinh_gui=["Bộ Nội vụ"]), path)
    assert find(open_docx(path), "^Kính gửi").text == "Kính gửi: Bộ Nội vụ"


# --- ô 6 body ----------------------------------------------------------------------------

def test_body_justified_first_line_indent_and_spacing(cv):
    p = find(cv, "^Thực hiện Thông tư")
    lk = look(p)
    assert lk.align == "JUSTIFY" and lk.size == 14 and not lk.bold
    assert lk.first_line_mm == pytest.approx(rules.FIRST_LINE_INDENT_MM, abs=0.1)
    assert 10 <= lk.first_line_mm <= 12.7 and lk.space_before_pt >= 6


def test_headings_numbered_by_depth_roman_arabic_nested_letters(kh):
    texts = [p.text for p in all_paragraphs(kh)]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts and "II. TỔ CHỨC THỰC HIỆN" in texts
    assert "1. Mục đích" in texts and "2. Yêu cầu" in texts
    assert "2.1. Điểm một" in texts  # under "2. Yêu cầu"
    letters = [t.split(")")[0] for t in texts if re.match(r"^[a-zđ]\) Điểm con", t)]
    assert letters == ["a", "b", "c", "d", "đ", "e"]
    assert look(find(kh, "^I. MỤC")).bold and look(find(kh, "^1. Mục đích")).bold
    assert not look(find(kh, "^a\\) Điểm con")).bold


def test_numbering_restarts_in_every_section(kh):
    texts = [p.text for p in all_paragraphs(kh)]
    assert texts.index("1. Mục đích") < texts.index("2. Yêu cầu")
    assert sum(t.startswith("1. ") for t in texts) == 1 + 0  # only "1. Mục đích"; II has no items


def test_dash_items_are_literal_dashes_not_word_bullets(kh):
    item = find(kh, "^- Ý thứ nhất$")
    assert "numPr" not in item._p.xml


def test_body_ends_with_the_closing_mark(cv, kh):
    assert find(cv, "Báo cáo kết quả").text.endswith("./.")
    assert find(kh, "triển khai thực hiện").text.endswith("thực hiện./.")


# --- ô 7, ô 9b: signature band ------------------------------------------------------------

def signature_table(document):
    return [b for b in blocks(document) if not hasattr(b, "runs")][-1]


def test_noi_nhan_label_12_bold_italic_items_11_with_punctuation(cv):
    left = signature_table(cv).rows[0].cells[0]
    label, *items = left.paragraphs
    assert label.text == "Nơi nhận:" and look(label).bold and look(label).italic and look(label).size == 12
    texts = [p.text for p in items]
    assert texts[0] == "- Như trên;"  # công văn: Như trên first
    assert texts[1] == "- Giám đốc Sở (để báo cáo);"
    assert texts[-1] == "- Lưu: VT, TCCB (2). PL.(300)."
    assert all(look(p).size == 11 and not look(p).bold for p in items)
    assert all(t.startswith("- ") for t in texts)
    assert all(t.endswith(";") for t in texts[:-1])


def test_noi_nhan_level_with_the_first_authority_line(cv):
    row = signature_table(cv).rows[0]
    assert row.cells[0].paragraphs[0].text == "Nơi nhận:"
    assert row.cells[1].paragraphs[0].text == "KT. GIÁM ĐỐC"
    # both first in their cells of one row, neither with space before: they stand level
    assert look(row.cells[0].paragraphs[0]).space_before_pt == look(row.cells[1].paragraphs[0]).space_before_pt


def test_signature_authority_upper_bold_and_name_bold_centred(kh):
    right = signature_table(kh).rows[0].cells[1]
    texts = [p.text for p in right.paragraphs if p.text]
    assert texts == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn B"]
    for p in right.paragraphs:
        if p.text:
            assert look(p).bold and look(p).align == "CENTER" and look(p).size == 14


def test_size_profile_small_moves_every_ranged_element_together(tmp_path):
    path = tmp_path / "small.docx"
    congvan.render(cong_van(co_chu="nho"), path)
    d = open_docx(path)
    table = header_table(d)
    assert look(table.rows[0].cells[1].paragraphs[0]).size == 12  # Quốc hiệu
    assert look(table.rows[0].cells[1].paragraphs[1]).size == 13  # Tiêu ngữ
    assert look(table.rows[1].cells[1].paragraphs[0]).size == 13  # place/date
    assert look(table.rows[1].cells[0].paragraphs[0]).size == 13  # Số: fixed 13
    assert look(find(d, "^Thực hiện Thông tư")).size == 13
    assert look(signature_table(d).rows[0].cells[0].paragraphs[0]).size == 12  # Nơi nhận: fixed


# --- package ---------------------------------------------------------------------------------

def test_same_input_gives_byte_identical_docx():
    assert congvan.render_bytes(cong_van()) == congvan.render_bytes(cong_van())


def test_xml_special_characters_print_literally_in_every_field(tmp_path):
    nasty = "GD&ĐT <5%> \"ngoặc\" 'đơn' {{ x }} {% if %}"
    doc = cong_van(
        co_quan_ban_hanh={"ten": f"Sở {nasty}", "viet_tat": "SGDĐT"},
        trich_yeu=nasty, kinh_gui=[nasty, "Bộ Nội vụ"], noi_dung=[nasty, {"khoan": nasty}],
        noi_nhan=[nasty], nguoi_ky={"chuc_vu": nasty, "ho_ten": nasty},
    )
    path = tmp_path / "x.docx"
    congvan.render(doc, path)
    text = "\n".join(p.text for p in all_paragraphs(open_docx(path)))
    assert text.count("GD&ĐT <5%> \"ngoặc\" 'đơn' {{ x }} {% if %}") >= 5
    assert "GD&ĐT <5%>".upper() in text  # the upper-cased agency and position
