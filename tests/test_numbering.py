"""Numbering schemes (congvan.numbering), read back from the DOCX: labels,
paragraph styles, bold and italic runs, title case, skipped levels, per-level
overrides, and the errors a wrong scheme or level gives."""

from __future__ import annotations

import pytest

from congvan import numbering
from congvan.errors import FormError
from congvan.forms import validate_data
from congvan.model import VanBan
from congvan.render import render_bytes
from docx_read import open_docx

BASE = {
    "loai": "ke-hoach",
    "co_quan_ban_hanh": {"ten": "Ủy ban nhân dân tỉnh Khánh Hòa", "viet_tat": "UBND"},
    "dia_danh": "Khánh Hòa",
    "ngay": "18/8/2025",
    "trich_yeu": "Thực hiện công tác phòng, chống thiên tai năm 2025",
    "nguoi_ky": {"thay_mat": "Ủy ban nhân dân", "chuc_vu": "Chủ tịch", "ho_ten": "Nguyễn Tân Tuấn"},
}

#: Three levels of titled sections, an untitled item and a dash below them.
NESTED = [
    {"muc": "Mục đích, yêu cầu", "noi_dung": [
        {"muc": "Mục đích", "noi_dung": [
            {"muc": "Đối với cấp tỉnh", "noi_dung": [
                {"khoan": "Ban hành kế hoạch.", "noi_dung": [{"khoan": "Trong tháng 8."}]},
            ]},
        ]},
        {"muc": "Yêu cầu"},
    ]},
    {"muc": "Tổ chức thực hiện"},
]


def make(**changes) -> VanBan:
    """A form with these fields; its body closed by a plain paragraph (which takes the "./.")."""
    if "noi_dung" in changes:
        changes["noi_dung"] = [*changes["noi_dung"], "Kết thúc."]
    return validate_data(VanBan, {**BASE, **changes})


def paragraphs(doc: VanBan, tmp_path, name="x") -> list[tuple[str, str, list[tuple[str, bool, bool]]]]:
    """(style id, text, runs as (text, bold, italic)) for every body paragraph."""
    path = tmp_path / f"{name}.docx"
    path.write_bytes(render_bytes(doc))
    out = []
    for p in open_docx(path).paragraphs:
        runs = [(r.text, bool(r.bold), bool(r.italic)) for r in p.runs if r.text]
        out.append((p.style.style_id if p.style is not None else "", p.text, runs))
    return out


def starting(paras, prefix: str):
    return next(p for p in paras if p[1].startswith(prefix))


def texts(paras) -> list[str]:
    """Paragraph texts, the body's closing "./." taken off."""
    return [p[1].removesuffix("./.") if p[1].endswith("./.") else p[1] for p in paras]


def test_la_ma_is_roman_upper_then_1_then_1_1_then_a(tmp_path):
    paras = paragraphs(make(noi_dung=NESTED), tmp_path)
    order = [t for t in texts(paras) if t[:2] in ("I.", "II", "1.", "2.", "a)", "- ")]
    assert order == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "1.1. Đối với cấp tỉnh", "a) Ban hành kế hoạch.",
                     "- Trong tháng 8.", "2. Yêu cầu", "II. TỔ CHỨC THỰC HIỆN"]
    assert starting(paras, "I. ")[0] == "muc" and starting(paras, "1. Mục")[0] == "khoan_tieu_de"
    assert starting(paras, "a) ")[0] == "noi_dung"


def test_so_is_1_then_a_then_dash_then_plus(tmp_path):
    paras = paragraphs(make(danh_so="so", noi_dung=NESTED), tmp_path)
    assert starting(paras, "1. Mục đích, yêu cầu")[0] == "khoan_tieu_de"  # sentence case, bold
    assert "a) Mục đích" in texts(paras)
    assert "- Đối với cấp tỉnh" in texts(paras)
    assert starting(paras, "- Đối với")[0] == "tieu_de"  # a titled lead-in is not a bold heading
    assert "+ Ban hành kế hoạch." in texts(paras)
    assert "2. Tổ chức thực hiện" in texts(paras)
    assert not any(t.startswith(("I.", "1.1.")) for t in texts(paras))


def test_so_nhieu_cap_goes_four_levels_deep(tmp_path):
    paras = paragraphs(make(danh_so="so-nhieu-cap", noi_dung=NESTED), tmp_path)
    assert [t for t in texts(paras) if t[:1].isdigit() or t.startswith("a)")] == [
        "1. Mục đích, yêu cầu", "1.1. Mục đích", "1.1.1. Đối với cấp tỉnh", "a) Ban hành kế hoạch.",
        "1.2. Yêu cầu", "2. Tổ chức thực hiện"]


def test_dieu_khoan_numbers_articles_khoan_diem_and_muc_in_a_chapter(tmp_path):
    body = [{"chuong": "Quy định chung", "noi_dung": [
        {"muc": "Phạm vi", "noi_dung": [{"dieu": "Phạm vi điều chỉnh", "noi_dung": [
            {"khoan": "Quy chế này quy định:", "noi_dung": [{"khoan": "công tác văn thư;"}, {"khoan": "lưu trữ."}]}]}]}]}]
    doc = make(loai="quy-che", noi_dung=body)
    assert doc.scheme == "dieu-khoan"
    paras = texts(paragraphs(doc, tmp_path))
    at = paras.index("Chương I")
    assert paras[at:at + 6] == ["Chương I", "QUY ĐỊNH CHUNG", "Mục 1. PHẠM VI", "Điều 1. Phạm vi điều chỉnh",
                                "1. Quy chế này quy định:", "a) công tác văn thư;"]


def test_letters_follow_the_vietnamese_alphabet():
    assert [numbering.letter(n) for n in range(1, 9)] == ["a", "b", "c", "d", "đ", "e", "g", "h"]
    assert not set("fjwz") & set(numbering.letter(n) for n in range(1, 40))


def test_a_khoan_may_have_a_bold_number(tmp_path):
    doc = make(loai="cong-van", kinh_gui=["Các sở"], don_vi_soan_thao="VP",
               danh_so={"kieu": "so", "cap": {"khoan": {"khoan_so_dam": True}}},
               noi_dung=[{"khoan": "Tiếp tục bám sát nhiệm vụ."}, {"khoan": "Đẩy mạnh tuyên truyền."}])
    style, text, runs = starting(paragraphs(doc, tmp_path), "1. ")
    assert style == "noi_dung" and text == "1. Tiếp tục bám sát nhiệm vụ."
    assert runs[0] == ("1.", True, False)
    assert not any(bold for t, bold, _ in runs[1:])


def test_a_heading_may_have_a_bold_number_and_a_plain_italic_title(tmp_path):
    doc = make(danh_so={"kieu": "so", "cap": {"khoan": {"tieu_de_dam": False, "tieu_de_nghieng": True}}},
               noi_dung=[{"muc": "Thời gian học sinh nghỉ học", "noi_dung": ["Từ ngày 26/11/2018."]}])
    style, text, runs = starting(paragraphs(doc, tmp_path), "1. ")
    assert text == "1. Thời gian học sinh nghỉ học"
    assert style == "tieu_de"  # a heading style that is not bold: the runs carry the weight
    assert runs[0] == ("1.", True, False)
    assert ("Thời gian học sinh nghỉ học", False, True) in runs


def test_title_case_and_label_pattern_are_overridable(tmp_path):
    doc = make(danh_so={"kieu": "so", "cap": {"khoan": {"in_hoa": True}, "diem": {"nhan": "({1})"}}},
               noi_dung=[{"muc": "Thành phần", "noi_dung": [{"khoan": "Đại diện Sở."}, {"khoan": "Đại diện xã."}]}])
    paras = texts(paragraphs(doc, tmp_path))
    assert "1. THÀNH PHẦN" in paras
    assert "(1) Đại diện Sở." in paras and "(2) Đại diện xã." in paras


def test_label_patterns_cover_upper_letters_lower_roman_and_the_party_hyphen():
    assert [numbering.label("{A}.", n) for n in (1, 5, 7)] == ["A.", "Đ.", "G."]
    assert numbering.label("{i})", 4) == "iv)" and numbering.label("{I}-", 2) == "II-"
    assert numbering.label("{cha}{1}.", 3, "2.1.") == "2.1.3."


def test_an_item_may_skip_a_level_where_the_scheme_allows(tmp_path):
    body = [{"muc": "Nhiệm vụ", "noi_dung": [{"muc": "Tuyên truyền", "noi_dung": [
        {"khoan": "Trên báo chí.", "cap": "diem"}, {"khoan": "Tại cơ sở.", "cap": "diem"}]}]}]
    paras = texts(paragraphs(make(noi_dung=body), tmp_path))
    assert "1. Tuyên truyền" in paras
    assert "a) Trên báo chí." in paras and "b) Tại cơ sở." in paras  # 1. → a) directly, not 1.1.
    without = texts(paragraphs(make(noi_dung=[{"muc": "Nhiệm vụ", "noi_dung": [{"muc": "Tuyên truyền", "noi_dung": [
        {"khoan": "Trên báo chí."}]}]}]), tmp_path, "y"))
    assert "1.1. Trên báo chí." in without


def test_a_level_that_may_not_be_skipped_is_refused_by_name():
    body = [{"muc": "A", "noi_dung": [{"muc": "B", "noi_dung": [{"khoan": "C", "cap": "gach"}]}]}]
    with pytest.raises(FormError) as err:
        make(noi_dung=body)
    message = str(err.value)
    assert "noi_dung[0].noi_dung[0].noi_dung[0].cap" in message
    assert "diem" in message and "cannot be skipped" in message


def test_an_item_cannot_go_up_a_level():
    with pytest.raises(FormError) as err:
        make(noi_dung=[{"muc": "A", "noi_dung": [{"khoan": "B", "cap": "muc"}]}])
    assert "cannot go up" in str(err.value)


def test_unknown_scheme_and_level_names_are_refused_with_the_field():
    with pytest.raises(FormError) as err:
        make(danh_so="la-ma-2")
    assert "danh_so" in str(err.value)
    with pytest.raises(FormError) as err:
        make(danh_so={"kieu": "so", "cap": {"tieu-khoan": {"so_dam": False}}})
    assert "danh_so" in str(err.value) and "cap.tieu-khoan" in str(err.value) and "has no level" in str(err.value)
    with pytest.raises(FormError) as err:
        make(noi_dung=[{"khoan": "A", "cap": "diemm"}])
    assert "noi_dung[0]" in str(err.value) and "diemm" in str(err.value)
    with pytest.raises(FormError) as err:
        make(danh_so={"kieu": "so", "cap": {"diem": {"nhan": "{x})"}}})
    assert "nhan" in str(err.value)


def test_every_type_has_a_default_scheme_that_exists():
    from congvan import doctypes

    for slug in doctypes.DOC_TYPES:
        assert numbering.scheme_for(slug) in numbering.SCHEMES
    assert numbering.scheme_for("cong-van") == "so" and numbering.scheme_for("ke-hoach") == "la-ma"
    assert numbering.scheme_for("quyet-dinh") == "dieu-khoan"


def test_label_regex_reads_printed_labels_for_the_checker():
    levels = numbering.SCHEMES["la-ma"]
    assert numbering.label_regex(levels[0]).match("IV. TỔ CHỨC")
    assert numbering.label_regex(levels[2]).match("2.3. Tuyên truyền")
    assert numbering.label_regex(levels[3]).match("đ) Điểm")
    assert not numbering.label_regex(levels[3]).match("f) Điểm")


def test_a_form_can_override_every_overridable_field_of_a_level():
    from congvan.model.danh_so import CapSo

    assert set(CapSo.model_fields) == set(numbering.OVERRIDABLE)
