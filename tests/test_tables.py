"""Tables in the body (issue 13, point 3): real Word tables with header rows
repeated on every page, rows that do not split, merged cells, widths in the
grid and in every cell, a numbering column, and a landscape section when the
table cannot fit a portrait page."""

from __future__ import annotations

import subprocess
import sys

import pytest
from docx.oxml.ns import qn

import congvan
from congvan import rules
from congvan.forms import validate_data
from conftest import ROOT
from docx_read import open_docx
from test_rules_phu_luc_i import ke_hoach

VALIDATOR = ROOT.parent / "shared" / "tools" / "ooxml_validate.py"
TWIPS_PER_MM = 1440 / 25.4

TIMETABLE = {"bang": {
    "dau": [[{"noi_dung": "Thời gian", "gop_dong": 2}, {"noi_dung": "Phòng ban đào tạo", "gop_cot": 2}],
            ["Sáng", "Chiều"]],
    "dong": [["Ngày 02/01/2012", "Văn phòng", "Phòng **Bưu chính**"],
             [{"noi_dung": "Ngày 03/01/2012", "gop_dong": 2}, "Phòng Viễn thông", "Phòng CNTT"],
             ["Thanh tra", "Phòng *Báo chí*"]],
}}


def plan_with(*blocks, **changes) -> congvan.VanBan:
    body = ["Để triển khai, Sở ban hành Kế hoạch như sau:", *blocks, "Các phòng triển khai thực hiện."]
    return ke_hoach(noi_dung=body, **changes)


def body_tables(path):
    """The bordered tables of the body (the header and signature bands have no borders)."""
    document = open_docx(path)
    found = []
    for tbl in document.element.body.iter(qn("w:tbl")):
        top = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}/{qn('w:top')}")
        if top is not None and top.get(qn("w:val")) == "single":
            found.append(tbl)
    return found


def cells(row):
    return row.findall(qn("w:tc"))


def prop(cell, name):
    el = cell.find(f"{qn('w:tcPr')}/{qn('w:' + name)}")
    return None if el is None else el.get(qn("w:val"))


def text(el) -> str:
    return "".join(t.text for t in el.iter(qn("w:t")))


def validate(*paths) -> str:
    done = subprocess.run([sys.executable, str(VALIDATOR), *map(str, paths)], capture_output=True, text=True)
    return done.stdout + done.stderr


def test_merged_header_cells_are_real_word_merges(tmp_path):
    path = congvan.render(plan_with(TIMETABLE), tmp_path / "kh.docx")
    (table,) = body_tables(path)
    rows = table.findall(qn("w:tr"))
    assert len(rows) == 5
    head1, head2, row1, row2, row3 = (cells(r) for r in rows)
    assert [prop(c, "vMerge") for c in head1] == ["restart", None]
    assert [prop(c, "gridSpan") for c in head1] == [None, "2"]
    assert [prop(c, "vMerge") for c in head2] == ["continue", None, None]
    assert [text(c) for c in head2] == ["", "Sáng", "Chiều"]
    # A cell merged down in the body: "restart" on top, "continue" below, its row listing the rest.
    assert [prop(c, "vMerge") for c in row2] == ["restart", None, None]
    assert [prop(c, "vMerge") for c in row3] == ["continue", None, None]
    assert [text(c) for c in row3] == ["", "Thanh tra", "Phòng Báo chí"]
    assert len(row1) == 3


def test_header_rows_repeat_and_rows_do_not_split(tmp_path):
    path = congvan.render(plan_with(TIMETABLE), tmp_path / "kh.docx")
    (table,) = body_tables(path)
    rows = table.findall(qn("w:tr"))
    header = [r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for r in rows]
    assert header == [True, True, False, False, False]
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)


def test_rows_may_split_when_asked(tmp_path):
    table = {"bang": {**TIMETABLE["bang"], "tach_dong": True}}
    (tbl,) = body_tables(congvan.render(plan_with(table), tmp_path / "kh.docx"))
    rows = tbl.findall(qn("w:tr"))
    assert [r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows] == [True, True, False, False, False]


def test_widths_are_fixed_in_the_grid_and_every_cell(tmp_path):
    """LibreOffice ignores widths without a fixed layout and the grid; WPS
    collapses a table without both (TRAPS.md)."""
    (table,) = body_tables(congvan.render(plan_with(TIMETABLE), tmp_path / "kh.docx"))
    props = table.find(qn("w:tblPr"))
    assert props.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    grid = [int(c.get(qn("w:w"))) for c in table.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
    assert len(grid) == 3
    assert abs(sum(grid) - rules.TEXT_WIDTH_MM * TWIPS_PER_MM) <= 3  # the table fills the text width
    assert int(props.find(qn("w:tblW")).get(qn("w:w"))) == sum(grid)
    head = cells(table.findall(qn("w:tr"))[0])
    assert int(head[0].find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w"))) == grid[0]
    assert int(head[1].find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w"))) == grid[1] + grid[2]


def test_auto_widths_keep_short_columns_on_one_line(tmp_path):
    """A date column never wraps for the sake of a long text column."""
    long_text = "Tuyên truyền, phổ biến pháp luật về phòng, chống mua bán người tại các địa bàn trọng điểm. " * 2
    table = {"bang": {"dau": ["Ngày", "Nội dung"], "dong": [["15/12/2025", long_text]]}}
    (tbl,) = body_tables(congvan.render(plan_with(table), tmp_path / "kh.docx"))
    grid = [int(c.get(qn("w:w"))) / TWIPS_PER_MM for c in tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
    from congvan.layout.geometry import text_mm

    assert grid[0] >= text_mm("15/12/2025", "bang_o", rules.Profile.LON) + 2 * rules.TABLE_CELL_PADDING_MM
    assert grid[0] < 40 < grid[1]


def test_given_widths_alignment_and_numbering_column(tmp_path):
    table = {"bang": {
        "stt": True,
        "cot": [{"rong": 90}, {"rong": 30, "can": "phai"}],
        "dau": ["Nội dung", "Kinh phí (đồng)"],
        "dong": [["Tập huấn", "15.000.000"], ["Hội nghị", "8.000.000"], ["In tài liệu", "2.500.000"]],
    }}
    (tbl,) = body_tables(congvan.render(plan_with(table), tmp_path / "kh.docx"))
    rows = tbl.findall(qn("w:tr"))
    assert [text(cells(r)[0]) for r in rows] == ["STT", "1", "2", "3"]
    grid = [int(c.get(qn("w:w"))) for c in tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
    assert grid[1:] == [round(90 * TWIPS_PER_MM), round(30 * TWIPS_PER_MM)]
    money = cells(rows[1])[2].find(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:jc')}")
    assert money is not None and money.get(qn("w:val")) == "right"
    stt = cells(rows[1])[0].find(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val"))
    assert stt == "bang_o_giua"
    # Narrower than the text: centred between the margins.
    assert tbl.find(f"{qn('w:tblPr')}/{qn('w:jc')}").get(qn("w:val")) == "center"


def test_cells_use_the_table_styles_and_inline_emphasis(tmp_path):
    (tbl,) = body_tables(congvan.render(plan_with(TIMETABLE), tmp_path / "kh.docx"))
    rows = tbl.findall(qn("w:tr"))
    styles = {p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) for p in rows[0].iter(qn("w:p"))}
    assert styles == {"bang_tieu_de"}
    bold = [r for r in cells(rows[2])[2].iter(qn("w:r")) if r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None]
    assert [text(r) for r in bold] == ["Bưu chính"]
    italic = [r for r in cells(rows[4])[2].iter(qn("w:r")) if r.find(f"{qn('w:rPr')}/{qn('w:i')}") is not None]
    assert [text(r) for r in italic] == ["Báo chí"]
    # The sizes a table may use (rules.ELEMENTS: one step below the body).
    assert rules.ELEMENTS["bang_o"].size.pt(rules.Profile.LON) == 13


def test_a_table_in_an_appendix_and_in_a_section(tmp_path):
    doc = plan_with({"muc": "Lịch đào tạo", "noi_dung": [TIMETABLE]},
                    phu_luc=[{"tieu_de": "Lịch chi tiết", "noi_dung": ["Lịch như sau:", TIMETABLE]}])
    path = congvan.render(doc, tmp_path / "kh.docx")
    assert len(body_tables(path)) == 2
    assert "ooxml_errors=0" in validate(path)


def test_a_body_ending_with_a_table_ends_with_the_mark(tmp_path):
    doc = ke_hoach(noi_dung=["Lịch như sau:", TIMETABLE])
    path = congvan.render(doc, tmp_path / "kh.docx")
    document = open_docx(path)
    texts = [p.text for p in document.paragraphs]
    assert rules.END_MARK in texts


def wide_table(columns: int = 14) -> dict:
    heads = [f"Chỉ tiêu số {n} năm kế hoạch" for n in range(1, columns + 1)]
    return {"bang": {"dau": heads, "dong": [[f"Giá trị thực hiện {n}" for n in range(columns)]] * 3}}


def test_a_table_too_wide_for_portrait_gets_a_landscape_section(tmp_path):
    path = congvan.render(plan_with(wide_table()), tmp_path / "kh.docx")
    document = open_docx(path)
    sects = list(document.element.body.iter(qn("w:sectPr")))
    assert len(sects) == 3  # before the table, the table, after it
    sizes = [s.find(qn("w:pgSz")) for s in sects]
    assert [z.get(qn("w:orient")) for z in sizes] == [None, "landscape", None]
    assert int(sizes[1].get(qn("w:w"))) > int(sizes[1].get(qn("w:h")))
    # Page 1 alone has its own (empty) header and starts the numbering; the
    # later sections continue it and show the number on their first page.
    assert [s.find(qn("w:titlePg")) is not None for s in sects] == [True, False, False]
    starts = [s.find(qn("w:pgNumType")) for s in sects]
    assert starts[0].get(qn("w:start")) == "1"
    assert all(p is None or p.get(qn("w:start")) is None for p in starts[1:])
    # Every section keeps the document's headers.
    assert all(s.findall(qn("w:headerReference")) for s in sects)
    (tbl,) = body_tables(path)
    grid = [int(c.get(qn("w:w"))) for c in tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
    assert abs(sum(grid) - rules.LANDSCAPE_TEXT_WIDTH_MM * TWIPS_PER_MM) <= 5
    assert "ooxml_errors=0" in validate(path)


def test_landscape_can_be_asked_or_refused(tmp_path):
    asked = {"bang": {**TIMETABLE["bang"], "trang_ngang": True}}
    path = congvan.render(plan_with(asked), tmp_path / "asked.docx")
    sects = list(open_docx(path).element.body.iter(qn("w:sectPr")))
    assert [s.find(qn("w:pgSz")).get(qn("w:orient")) for s in sects] == [None, "landscape", None]
    refused = {"bang": {**wide_table()["bang"], "trang_ngang": False}}
    path = congvan.render(plan_with(refused), tmp_path / "refused.docx")
    assert len(list(open_docx(path).element.body.iter(qn("w:sectPr")))) == 1


def test_a_landscape_table_in_an_appendix_turns_the_appendix(tmp_path):
    doc = plan_with(phu_luc=[{"tieu_de": "Chỉ tiêu", "noi_dung": [wide_table()]}])
    path = congvan.render(doc, tmp_path / "kh.docx")
    sects = list(open_docx(path).element.body.iter(qn("w:sectPr")))
    assert [s.find(qn("w:pgSz")).get(qn("w:orient")) for s in sects] == [None, "landscape"]


def test_outputs_with_tables_validate(tmp_path):
    doc = plan_with(TIMETABLE, wide_table(), {"bang": {**TIMETABLE["bang"], "stt": "TT"}})
    path = congvan.render(doc, tmp_path / "kh.docx")
    example = congvan.render(congvan.load(ROOT / "examples" / "010-ke-hoach-stttt-phu-tho.yaml"),
                             tmp_path / "010.docx")
    assert "ooxml_errors=0" in validate(path, example)


@pytest.mark.parametrize("table, path, words", [
    ({"dau": ["A", "B"], "dong": [["1", "2", "3"]]}, "bang.dong[0][2]", ["vượt quá 2 cột", "longer than the header"]),
    ({"dau": ["A", "B", "C"], "dong": [["1", "2"]]}, "bang.dong[0]", ["2 ô", "fills 2 of the table's 3"]),
    ({"dau": ["A", "B", "C"], "dong": [["1", {"noi_dung": "2", "gop_dong": 2}, "3"], [{"noi_dung": "x", "gop_cot": 2}, "y"]]},
     "bang.dong[1][0]", ["chồng lên", "overlaps"]),
    ({"dau": ["A", "B"], "dong": [[{"noi_dung": "1", "gop_dong": 3}, "2"], ["3"]]}, "bang.dong[0][0]",
     ["gộp 3 dòng", "spans 3 rows"]),
    ({"cot": [10, 20, 30], "dau": ["A", "B"], "dong": [["1", "2"]]}, "bang.cot", ["khai báo 3 cột", "3 are declared"]),
    ({"cot": [200, 100], "dau": ["A", "B"], "dong": [["1", "2"]]}, "bang.cot", ["trang nằm ngang", "landscape"]),
])
def test_bad_tables_are_refused_with_their_path(table, path, words):
    with pytest.raises(congvan.FormError) as caught:
        validate_data(congvan.VanBan, _form({"bang": table}))
    problems = caught.value.problems
    assert [p.path for p in problems] == [f"noi_dung[1].{path}"]
    assert problems[0].code.startswith("table-")
    message = " ".join(f"{p.vi} / {p.en}" for p in problems)
    assert all(w in message for w in words), message


def _form(block: dict) -> dict:
    doc = plan_with(TIMETABLE)
    data = doc.model_dump(mode="json", exclude_defaults=True, by_alias=True)
    data["noi_dung"] = ["Lịch như sau:", block]
    return data


def test_the_html_preview_shows_the_table_with_its_merges():
    from congvan.server.preview import preview_html

    html = preview_html(plan_with(TIMETABLE))
    table = html[html.index('<table class="bang"'):html.index("</table>")]
    assert table.count("<tr>") == 5
    assert 'rowspan="2"' in table and 'colspan="2"' in table
    assert "<b>Bưu chính</b>" in table and "<i>Báo chí</i>" in table
