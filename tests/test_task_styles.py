"""One set of tasks, four printed styles (cach_phan_cong); the data stays the
same for the appendix's task table and the follow-up letters.  Deadlines as
dates, ranges and periods, typed."""

from __future__ import annotations

import datetime as dt

import pytest

from congvan import followup
from congvan.errors import FormError
from congvan.forms import validate_data
from congvan.layout.appendix import task_rows
from congvan.model import VanBan
from congvan.model.thoi_han import KhoangThoiGian
from congvan.render import render_bytes
from docx_read import open_docx

TASKS = [
    {"noi_dung": "Công an tỉnh chủ động phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh rà soát các đường dây.",
     "chu_tri": "Công an tỉnh", "phoi_hop": "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "thoi_han": "29/6 - 09/7/2026"},
    {"noi_dung": "Giao Sở Tài chính chủ trì, phối hợp với các sở bố trí kinh phí, báo cáo trước ngày 15/12/2025.",
     "chu_tri": "Sở Tài chính", "phoi_hop": ["Sở Nội vụ", "Sở Tư pháp"], "thoi_han": "15/12/2025",
     "san_pham": "Báo cáo"},
    {"noi_dung": "Công an tỉnh tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.",
     "chu_tri": "Công an tỉnh", "thoi_han": "thường xuyên"},
]

FORM = {
    "loai": "ke-hoach",
    "co_quan_ban_hanh": {"ten": "Ủy ban nhân dân tỉnh Phú Thọ", "viet_tat": "UBND"},
    "don_vi_soan_thao": "VP",
    "dia_danh": "Phú Thọ",
    "ngay": "18/8/2025",
    "trich_yeu": "Phòng, chống mua bán người năm 2026",
    "noi_dung": [{"muc": "Nhiệm vụ", "noi_dung": [{"nhiem_vu": TASKS}]}, "Kết thúc."],
    "phu_luc": [{"tieu_de": "Phân công nhiệm vụ", "bang_nhiem_vu": True}],
    "nguoi_ky": {"thay_mat": "Ủy ban nhân dân", "chuc_vu": "Chủ tịch", "ho_ten": "Bùi Văn Quang"},
}

STYLES = ["ngoac", "phan-cong", "theo-co-quan", "nguyen-van"]


def make(style: str, **list_fields) -> VanBan:
    data = {**FORM, "cach_phan_cong": style}
    data["noi_dung"] = [{"muc": "Nhiệm vụ", "noi_dung": [{"nhiem_vu": TASKS, **list_fields}]}, "Kết thúc."]
    return validate_data(VanBan, data)


def lines(doc: VanBan, tmp_path, name: str) -> list[tuple[str, str, bool]]:
    path = tmp_path / f"{name}.docx"
    path.write_bytes(render_bytes(doc))
    out = []
    for p in open_docx(path).paragraphs:
        italic = bool(p.runs) and all(r.italic or (p.style.font.italic and r.italic is None) for r in p.runs)
        out.append((p.style.style_id, p.text, italic))
    return out


def texts(found) -> list[str]:
    return [t for _, t, _ in found]


def test_ngoac_adds_the_assignment_in_brackets(tmp_path):
    out = texts(lines(make("ngoac"), tmp_path, "ngoac"))
    assert "1. " + TASKS[0]["noi_dung"] in out
    assert ("(Công an tỉnh chủ trì, phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh thực hiện;"
            " thời hạn: 29/6 - 09/7/2026)") in out
    assert ("(Sở Tài chính chủ trì, phối hợp với Sở Nội vụ và Sở Tư pháp thực hiện; thời hạn: trước ngày"
            " 15/12/2025; sản phẩm: Báo cáo)") in out


def test_phan_cong_adds_an_italic_line(tmp_path):
    found = lines(make("phan-cong"), tmp_path, "pc")
    line = next(x for x in found if x[1].startswith("Phân công nhiệm vụ: Công an tỉnh chủ trì, phối hợp Bộ Chỉ huy"))
    assert line[0] == "phan_cong" and line[2]


def test_theo_co_quan_groups_under_the_lead_agency(tmp_path):
    out = texts(lines(make("theo-co-quan"), tmp_path, "tcq"))
    assert "1. Công an tỉnh" in out and "2. Sở Tài chính" in out
    assert "- " + TASKS[0]["noi_dung"] + " (phối hợp: Bộ Chỉ huy Bộ đội Biên phòng tỉnh; thời hạn: 29/6 - 09/7/2026)" in out
    # a lone task keeps the old, seed-003 print: a plain paragraph
    assert any(t.startswith("Giao Sở Tài chính") for t in out)


def test_nguyen_van_prints_the_text_exactly_as_written(tmp_path):
    out = texts(lines(make("nguyen-van"), tmp_path, "nv"))
    assert out.count("1. " + TASKS[0]["noi_dung"]) == 1
    assert "2. " + TASKS[1]["noi_dung"] in out
    assert not any("chủ trì thực hiện" in t or "Phân công" in t or "(phối hợp" in t or "thời hạn:" in t for t in out)


def test_nguyen_van_with_dashes_marks_every_task_alike(tmp_path):
    out = texts(lines(make("nguyen-van", dau_dong="-"), tmp_path, "dash"))
    assert ["- " + t["noi_dung"] in out for t in TASKS] == [True, True, True]


def test_nguyen_van_grouped_keeps_the_heading_punctuation_and_a_lead_in(tmp_path):
    doc = make("nguyen-van", theo_co_quan=True, dau_dong="-", co_quan=[
        {"ten": "Sở Tài chính", "tieu_de": "Sở Tài chính:", "mo_dau": "Chủ trì tham mưu về kinh phí, cụ thể:"}])
    found = lines(doc, tmp_path, "grp")
    out = texts(found)
    at = out.index("2. Sở Tài chính:")
    assert found[at][0] == "khoan_tieu_de"
    assert out[at + 1] == "Chủ trì tham mưu về kinh phí, cụ thể:"
    assert out[at + 2] == "- " + TASKS[1]["noi_dung"]  # the lone task keeps its dash
    assert "1. Công an tỉnh" in out


def test_a_group_heading_for_an_agency_that_leads_nothing_is_refused():
    with pytest.raises(FormError) as err:
        make("nguyen-van", theo_co_quan=True, co_quan=[{"ten": "Sở Y tế", "tieu_de": "Sở Y tế:"}])
    assert "co_quan[0].ten" in str(err.value) and "Sở Y tế" in str(err.value)


@pytest.mark.parametrize("style", STYLES)
def test_the_task_table_and_follow_up_letters_come_from_the_same_data(style):
    doc = make(style)
    reference = make("ngoac")
    assert task_rows(doc.tasks()) == task_rows(reference.tasks())
    rows = task_rows(doc.tasks())
    assert rows[0]["chu_tri"] == "Công an tỉnh" and rows[0]["thoi_han"] == "29/6 - 09/7/2026"
    assert rows[1]["phoi_hop"] == "Sở Nội vụ và Sở Tư pháp" and rows[1]["san_pham"] == "Báo cáo"
    letters = dict(followup.letters(doc, han_bao_cao="20/12/2025", ngay="01/12/2025"))
    assert list(letters) == ["Công an tỉnh", "Sở Tài chính"]
    items = next(b for b in letters["Công an tỉnh"].noi_dung if hasattr(b, "gach")).gach
    assert items[0].endswith("(thời hạn: 29/6 - 09/7/2026);")
    assert items[1].endswith("(thời hạn: thường xuyên).")


@pytest.mark.parametrize("written, start, end", [
    ("29/6/2026 - 09/7/2026", dt.date(2026, 6, 29), dt.date(2026, 7, 9)),
    ("29/6 - 09/7/2026", dt.date(2026, 6, 29), dt.date(2026, 7, 9)),
    ("từ ngày 29/6/2026 đến ngày 09/7/2026", dt.date(2026, 6, 29), dt.date(2026, 7, 9)),
    ("từ ngày 01/7 đến hết ngày 30/9/2024", dt.date(2024, 7, 1), dt.date(2024, 9, 30)),
    ("15/12/2025 – 31/12/2025", dt.date(2025, 12, 15), dt.date(2025, 12, 31)),
])
def test_a_range_is_typed_and_printed_as_written(written, start, end):
    data = {**FORM, "noi_dung": [{"nhiem_vu": [{**TASKS[0], "thoi_han": written}]}]}
    deadline = validate_data(VanBan, data).tasks()[0].thoi_han
    assert isinstance(deadline, KhoangThoiGian)
    assert (deadline.tu, deadline.den) == (start, end)
    assert task_rows(validate_data(VanBan, data).tasks())[0]["thoi_han"] == written


def test_a_range_given_as_fields_prints_in_words():
    data = {**FORM, "noi_dung": [{"nhiem_vu": [{**TASKS[0], "thoi_han": {"tu": "01/7/2026", "den": "31/7/2026"}}]}]}
    rows = task_rows(validate_data(VanBan, data).tasks())
    assert rows[0]["thoi_han"] == "từ ngày 01/7/2026 đến ngày 31/7/2026"


@pytest.mark.parametrize("written, words", [
    ("09/7/2026 - 29/6/2026", ["thoi_han", "09/7/2026", "before the start"]),
    ({"tu": "31/7/2026", "den": "01/7/2026"}, ["thoi_han", "before the start"]),
    ("29/6 - 09/7", ["thoi_han", "no year"]),
    ("30/2 - 09/7/2026", ["thoi_han", "calendar"]),
    ("sớm nhất có thể", ["thoi_han", "neither a date"]),
])
def test_a_bad_deadline_is_refused_with_the_field(written, words):
    data = {**FORM, "noi_dung": [{"nhiem_vu": [{**TASKS[0], "thoi_han": written}]}]}
    with pytest.raises(FormError) as err:
        validate_data(VanBan, data)
    message = str(err.value)
    assert all(w in message for w in words), message


def test_a_period_stays_text_and_thuong_xuyen_is_accepted():
    doc = make("ngoac")
    assert doc.tasks()[2].thoi_han == "thường xuyên"
    assert doc.tasks()[1].thoi_han == dt.date(2025, 12, 15)


def test_nguyen_van_tasks_nested_under_a_numbered_heading_take_2_1(tmp_path):
    tasks = [{"noi_dung": "Công an tỉnh: chủ trì, theo dõi, đôn đốc.", "chu_tri": "Công an tỉnh"},
             {"noi_dung": "Sở Tài chính: bố trí kinh phí thực hiện.", "chu_tri": "Sở Tài chính",
              "thoi_han": "từ ngày 01/7 đến ngày 31/7/2026"}]
    data = {**FORM, "cach_phan_cong": "nguyen-van", "noi_dung": [{"muc": "Tổ chức thực hiện", "noi_dung": [
        {"muc": "Công tác tuyên truyền", "noi_dung": ["Tuyên truyền rộng rãi."]},
        {"muc": "Phân công", "noi_dung": [{"nhiem_vu": tasks}]}]}, "Kết thúc."]}
    out = texts(lines(validate_data(VanBan, data), tmp_path, "nested"))
    assert "2. Phân công" in out
    assert "2.1. Công an tỉnh: chủ trì, theo dõi, đôn đốc." in out
    assert "2.2. Sở Tài chính: bố trí kinh phí thực hiện." in out
    rows = task_rows(validate_data(VanBan, data).tasks())
    assert rows[1]["thoi_han"] == "từ ngày 01/7 đến ngày 31/7/2026"


@pytest.mark.parametrize("style, printed", [
    ("ngoac", "(Công an tỉnh chủ trì, đặc biệt là các xã biên giới)"),
    ("phan-cong", "Phân công nhiệm vụ: Công an tỉnh chủ trì, đặc biệt là các xã biên giới."),
])
def test_the_assignment_as_the_document_words_it(style, printed, tmp_path):
    tasks = [{**TASKS[0], "phan_cong": "(Công an tỉnh chủ trì, đặc biệt là các xã biên giới)"}, TASKS[2]]
    data = {**FORM, "cach_phan_cong": style, "noi_dung": [{"nhiem_vu": tasks}, "Kết thúc."]}
    doc = validate_data(VanBan, data)
    out = texts(lines(doc, tmp_path, style))
    assert out.count(printed) == 1
    assert task_rows(doc.tasks())[0]["phoi_hop"] == "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"  # the data is kept
