"""Appendices (Phụ lục I §III.1) and the task table of a plan (issue 3)."""

from __future__ import annotations

import re

import pdfplumber
import pytest
from docx.oxml.ns import qn
from docx.table import Table

import congvan
from congvan import rules
from conftest import to_pdf
from docx_read import blocks, look, open_docx

AGENCIES = ["Công an tỉnh", "Sở Lao động - Thương binh và Xã hội", "Sở Thông tin và Truyền thông",
            "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Sở Tư pháp", "Sở Giáo dục và Đào tạo"]


def plan(tasks: list[dict], appendices: list[dict], **changes) -> congvan.VanBan:
    data = {
        "loai": "ke-hoach",
        "co_quan_ban_hanh": {"ten": "Ủy ban nhân dân tỉnh Khánh Hòa", "viet_tat": "UBND"},
        "so": 7,
        "dia_danh": "Khánh Hòa",
        "ngay": "06/02/2025",
        "trich_yeu": "Phòng, chống mua bán người năm 2025",
        "noi_dung": [
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch; phân công chi tiết tại Phụ lục kèm theo.",
            {"muc": "Nhiệm vụ", "noi_dung": [{"nhiem_vu": tasks}]},
        ],
        "noi_nhan": ["Bộ Công an (để báo cáo)"],
        "nguoi_ky": {"thay_mat": "Ủy ban nhân dân", "ky_thay": "Chủ tịch", "chuc_vu": "Phó Chủ tịch",
                     "ho_ten": "Trần Văn B"},
        "phu_luc": appendices,
    }
    data.update(changes)
    return congvan.VanBan.model_validate(data)


def thirty_tasks() -> list[dict]:
    tasks = []
    for n in range(1, 31):
        lead = AGENCIES[n % len(AGENCIES)]
        task = {
            "noi_dung": f"Nhiệm vụ số {n}: tuyên truyền, phổ biến pháp luật về phòng, chống mua bán người"
                        f" tại các địa bàn trọng điểm, gắn với phong trào toàn dân bảo vệ an ninh Tổ quốc.",
            "chu_tri": lead,
            "phoi_hop": [a for a in AGENCIES if a != lead][: 1 + n % 3],
            "thoi_han": ["Quý III/2025", "thường xuyên", "15/8/2025"][n % 3],
        }
        if n == 5:
            task["nhiem_vu"] = [{"noi_dung": "Việc con không có phân công riêng."}]
        tasks.append(task)
    return tasks


@pytest.fixture(scope="module")
def thirty(tmp_path_factory):
    path = tmp_path_factory.mktemp("pl") / "ke-hoach.docx"
    congvan.render(plan(thirty_tasks(), [{"tieu_de": "Phân công nhiệm vụ", "bang_nhiem_vu": True}]), path)
    return path


def the_table(document) -> Table:
    return [b for b in blocks(document) if isinstance(b, Table)][-1]


def test_task_table_has_the_five_columns_in_order_and_a_repeated_header_row(thirty):
    table = the_table(open_docx(thirty))
    header = [c.text for c in table.rows[0].cells]
    assert header == ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
    tr_pr = table.rows[0]._tr.trPr
    assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr is None or r._tr.trPr.find(qn("w:tblHeader")) is None for r in table.rows[1:])
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"single"}


def test_task_table_rows_carry_every_task_with_its_lead_cooperation_and_deadline(thirty):
    table = the_table(open_docx(thirty))
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    stt = [r[0] for r in rows]
    assert stt[:7] == ["1", "2", "3", "4", "5", "5.1", "6"] and stt[-1] == "30" and len(rows) == 31
    tasks = thirty_tasks()
    second = rows[1]
    assert second[1].startswith("Nhiệm vụ số 2:")
    assert second[2] == tasks[1]["chu_tri"]
    first_two, last = tasks[1]["phoi_hop"][:-1], tasks[1]["phoi_hop"][-1]
    assert second[3] == f"{', '.join(first_two)} và {last}"
    assert second[4] == "trước ngày 15/8/2025"
    assert rows[0][4] == "thường xuyên" and rows[2][4] == "Quý III/2025"
    # A subtask without its own lead shows its parent's: a row must stand alone.
    assert rows[5][1] == "Việc con không có phân công riêng." and rows[5][2] == tasks[4]["chu_tri"]


def test_task_table_cells_are_set_in_the_table_styles(thirty):
    document = open_docx(thirty)
    table = the_table(document)
    head = look(table.rows[0].cells[1].paragraphs[0])
    cell = look(table.rows[1].cells[1].paragraphs[0])
    assert head.bold and head.size == rules.ELEMENTS["bang_tieu_de"].size.pt(rules.Profile.LON)
    assert not cell.bold and cell.align == "LEFT"


def test_appendix_heading_label_title_and_reference_line(thirty):
    document = open_docx(thirty)
    paras = [b for b in blocks(document) if not isinstance(b, Table)]
    texts = [p.text for p in paras]
    i = texts.index("Phụ lục")
    assert texts[i + 1] == "PHÂN CÔNG NHIỆM VỤ"
    assert texts[i + 2] == "(Kèm theo Kế hoạch số 07/KH-UBND ngày 06 tháng 02 năm 2025 của Ủy ban nhân dân tỉnh Khánh Hòa)"
    label, title, ref = (look(paras[i + k]) for k in range(3))
    assert label.bold and label.size == 14 and label.align == "CENTER"
    assert title.bold and title.align == "CENTER"
    assert ref.italic and not ref.bold and ref.align == "CENTER"


def test_appendix_is_its_own_section_numbered_from_one_without_a_number_on_its_first_page(thirty):
    body = open_docx(thirty).element.body
    breaks = body.findall(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:sectPr')}")
    final = body.find(qn("w:sectPr"))
    assert len(breaks) == 1  # the document's own section ends before the appendix
    for sect in (breaks[0], final):
        assert sect.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
        assert sect.find(qn("w:titlePg")) is not None
    # Long cooperating lists need the width: this appendix turns landscape, the document does not.
    assert final.find(qn("w:pgSz")).get(qn("w:orient")) == "landscape"
    assert breaks[0].find(qn("w:pgSz")).get(qn("w:orient")) is None


def test_a_narrow_table_stays_portrait(tmp_path):
    tasks = [{"noi_dung": "Tuyên truyền.", "chu_tri": "Sở Tư pháp", "thoi_han": "năm 2025"},
             {"noi_dung": "Kiểm tra.", "chu_tri": "Công an tỉnh"}]
    path = tmp_path / "kh.docx"
    congvan.render(plan(tasks, [{"bang_nhiem_vu": True}]), path)
    final = open_docx(path).element.body.find(qn("w:sectPr"))
    assert final.find(qn("w:pgSz")).get(qn("w:orient")) is None
    widths = [float(c.get(qn("w:w"))) for c in the_table(open_docx(path))._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(widths) / 1440 * 25.4 == pytest.approx(rules.TEXT_WIDTH_MM, abs=0.5)


def test_outputs_column_appears_only_when_a_task_names_one(tmp_path):
    tasks = [{"noi_dung": "Xây dựng kế hoạch.", "chu_tri": "Sở Tư pháp", "san_pham": "Kế hoạch của Sở"}]
    path = tmp_path / "kh.docx"
    congvan.render(plan(tasks, [{"bang_nhiem_vu": True}]), path)
    header = [c.text for c in the_table(open_docx(path)).rows[0].cells]
    assert header[-1] == "Sản phẩm"
    assert [c.text for c in the_table(open_docx(path)).rows[1].cells][-1] == "Kế hoạch của Sở"


def test_several_appendices_are_numbered_in_roman_and_a_text_appendix_ends_with_the_mark(tmp_path):
    path = tmp_path / "kh.docx"
    doc = plan(thirty_tasks()[:3], [{"tieu_de": "Bảng phân công", "bang_nhiem_vu": True},
                                    {"tieu_de": "Danh mục địa bàn", "noi_dung": [{"gach": ["Xã A", "Xã B"]}]}])
    congvan.render(doc, path)
    texts = [b.text for b in blocks(open_docx(path)) if not isinstance(b, Table)]
    assert "Phụ lục I" in texts and "Phụ lục II" in texts and "Phụ lục" not in texts
    assert texts[-2:] == ["- Xã A", "- Xã B./."] or texts[-1] == "- Xã B./."


def test_task_table_needs_tasks_and_an_appendix_needs_content():
    with pytest.raises(ValueError, match="bang_nhiem_vu"):
        plan([], [{"bang_nhiem_vu": True}], noi_dung=["Chỉ có đoạn văn."])
    with pytest.raises(ValueError, match="noi_dung"):
        plan([{"noi_dung": "A", "chu_tri": "B"}], [{"tieu_de": "Trống"}])


def test_pdf_header_row_repeats_on_every_appendix_page_and_numbering_restarts(thirty, soffice, tmp_path):
    (pdf_path,) = to_pdf(soffice, [thirty], tmp_path)
    with pdfplumber.open(pdf_path) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
        first = next(i for i, t in enumerate(texts) if "Kèm theo Kế hoạch" in t)
        appendix_pages = texts[first:]
        assert len(appendix_pages) >= 2
        assert all("STT" in t and "Cơ quan chủ trì" in t for t in appendix_pages)
        assert pdf.pages[first].width > pdf.pages[first].height  # landscape
        assert pdf.pages[0].width < pdf.pages[0].height
        # Page 2 of the appendix is numbered 2 at the top; its first page carries no number.
        top = [w["text"] for w in pdf.pages[first + 1].extract_words() if w["bottom"] < rules.MARGINS_MM["top"] * 72 / 25.4]
        assert top == ["2"]
        top_first = [w["text"] for w in pdf.pages[first].extract_words() if w["bottom"] < rules.MARGINS_MM["top"] * 72 / 25.4]
        assert top_first == []
        assert "Nhiệm vụ số 30:" in "".join(appendix_pages).replace("\n", " ")
        assert re.search(r"\b30\b", appendix_pages[-1])


def test_appendix_in_a_separate_file_mau_2_2(tmp_path):
    tasks = [{"noi_dung": "Tuyên truyền.", "chu_tri": "Sở Tư pháp", "thoi_han": "năm 2025"}]
    doc = plan(tasks, [{"tieu_de": "Danh mục địa bàn", "noi_dung": ["Xã A."], "tep_rieng": True}],
               ky_so="Số: 07/KH-UBND; 06/02/2025; 09:15:20 +07:00")
    main_path, separate = congvan.render_files(doc, tmp_path / "ke-hoach.docx")
    assert separate == tmp_path / "ke-hoach-phu-luc-1.docx"
    main_texts = [p.text for p in open_docx(main_path).paragraphs]
    assert "Phụ lục" not in main_texts  # not appended to the plan itself
    paras = open_docx(separate).paragraphs
    texts = [p.text for p in paras]
    assert texts[0] == "Số: 07/KH-UBND; 06/02/2025; 09:15:20 +07:00"
    assert texts[1:3] == ["Phụ lục", "DANH MỤC ĐỊA BÀN"]
    reference = texts[3]
    assert reference.startswith("(Kèm theo Kế hoạch số") and reference.endswith("của Ủy ban nhân dân tỉnh Khánh Hòa)")
    assert "07" not in reference and "2025" not in reference  # number and date left blank (Mẫu 2.2)
    assert texts[-1] == "Xã A./."
    final = open_docx(separate).element.body.find(qn("w:sectPr"))
    assert final.find(qn("w:pgNumType")).get(qn("w:start")) == "1" and final.find(qn("w:titlePg")) is not None
