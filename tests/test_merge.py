"""Mail merge: one personalised document per row (issue 3).

Each test opens the DOCX files the merge wrote and checks the row's own
addressee and fields are in its document and nobody else's; bad input is
refused by name (file, row, column), Vietnamese / English."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
import yaml

import congvan
from congvan import merge
from congvan.cli import main
from congvan.commands.render import Progress
from conftest import EXAMPLES
from docx_read import look, open_docx, text_in_order, all_paragraphs

GIAY_MOI = EXAMPLES / "merge" / "giay-moi.yaml"
KHACH_MOI = EXAMPLES / "merge" / "khach-moi.csv"
CONG_VAN = EXAMPLES / "merge" / "cong-van-cac-xa.yaml"
CAC_XA = EXAMPLES / "merge" / "cac-xa.csv"
HEADER = "kinh_gui;ten_xa;chi_tieu;han"


def write_csv(tmp_path: Path, *lines: str, header: str = HEADER, encoding: str = "utf-8-sig",
              name: str = "rows.csv") -> Path:
    path = tmp_path / name
    path.write_bytes("\n".join([header, *lines, ""]).encode(encoding))
    return path


def render_each(tmp_path, capsys, form, rows, *extra):
    out = tmp_path / "out"
    code = main(["render", str(form), "--each", str(rows), "-o", str(out), *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err, out


def docs_in(out: Path) -> list[Path]:
    return sorted(out.glob("*.docx")) if out.exists() else []


def text(path: Path) -> str:
    return text_in_order(open_docx(path))


def cp1258(text: str) -> bytes:
    """Text as Excel saves it in Windows-1258: base letters plus combining tone marks."""
    out = b""
    for ch in text:
        for candidate in (ch, unicodedata.normalize("NFD", ch)):
            for cut in range(len(candidate), 0, -1):
                head = unicodedata.normalize("NFC", candidate[:cut])
                try:
                    out += head.encode("cp1258") + candidate[cut:].encode("cp1258")
                    break
                except UnicodeEncodeError:
                    continue
            else:
                continue
            break
    return out


# --- every row gets its own document ------------------------------------------------------


def test_each_guest_gets_an_invitation_with_their_own_name_number_and_unit(tmp_path, capsys):
    code, output, out = render_each(tmp_path, capsys, GIAY_MOI, KHACH_MOI)
    assert code == 0, output
    files = docs_in(out)
    assert [f.name for f in files] == [
        "001-Ông Nguyễn Văn An, Chánh Văn phòng Sở Tài chính.docx",
        "002-Bà Trần Thị Bình, Chánh Văn phòng Sở Y tế.docx",
        "003-Ông Lê Minh Châu, Trưởng phòng Tổ chức cán bộ Sở Giáo dục và Đào tạo.docx",
        "004-Bà Phạm Thị Dung, Chánh Văn phòng Sở Nông nghiệp và Môi trường.docx",
    ]
    units = ["Sở Tài chính", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường"]
    for number, (path, unit) in enumerate(zip(files, units), start=35):
        words = text(path)
        assert f"Số: {number}/GM-SNV" in words  # the column 'so' sets the field
        assert f"trân trọng kính mời: {path.stem[4:]}" in words  # «xung_ho» «ho_ten», «chuc_vu» «don_vi»
        assert f"- {unit};" in words  # «don_vi» in Nơi nhận
        assert not [u for u in units if u != unit and u in words]  # nobody else's unit
        assert "«" not in words
    assert "Đề nghị Bà bố trí thời gian" in text(files[1])
    assert "written 4 of 4" in output


def test_a_merged_document_is_the_same_as_the_form_filled_in_by_hand(tmp_path, capsys):
    code, output, out = render_each(tmp_path, capsys, GIAY_MOI, KHACH_MOI)
    assert code == 0, output
    form = GIAY_MOI.read_text(encoding="utf-8")
    for column, value in {"xung_ho": "Bà", "ho_ten": "Trần Thị Bình", "chuc_vu": "Chánh Văn phòng",
                          "don_vi": "Sở Y tế"}.items():
        form = form.replace(f"«{column}»", value)
    data = yaml.safe_load(form)
    data["so"] = 36
    by_hand = congvan.render_bytes(congvan.VanBan.model_validate(data))
    assert docs_in(out)[1].read_bytes() == by_hand  # same styles, same layout, same bytes


def test_kinh_gui_column_sets_the_addressee_and_placeholders_fill_subject_and_body(tmp_path, capsys):
    code, output, out = render_each(tmp_path, capsys, CONG_VAN, CAC_XA, "--name", "{stt:02d}-{ten_xa}")
    assert code == 0, output
    files = docs_in(out)
    assert files[0].name == "01-xã Cam Lâm.docx" and files[4].name == "05-đặc khu Trường Sa.docx"
    words = text(files[4])
    assert "Kính gửi: Ủy ban nhân dân đặc khu Trường Sa" in words
    # the V/v line breaks at balanced points: a line break inside its paragraph
    assert "V/v chỉnh lý tài liệu tồn đọng tại Ủy ban nhân dân đặc khu Trường Sa" in words.replace("\n", " ")
    assert "1. Chỉnh lý hoàn chỉnh 20 mét giá tài liệu tồn đọng" in words
    assert "trước ngày 31/10/2025" in words and "Cam Lâm" not in words
    deadline = next(p for p in all_paragraphs(open_docx(files[4])) if "trước ngày 31/10/2025" in p.text)
    run = next(r for r in deadline.runs if "31/10/2025" in r.text)
    assert look(deadline, run).bold  # the form's **…** around «han» still applies to the value


def test_several_addressees_in_one_cell_one_per_line(tmp_path, capsys):
    rows = write_csv(tmp_path, '"Ủy ban nhân dân xã Cam Lâm\nỦy ban nhân dân xã Cam Hải";hai xã;10;30/9/2025')
    code, output, out = render_each(tmp_path, capsys, CONG_VAN, rows)
    assert code == 0, output
    words = text(docs_in(out)[0])
    assert "- Ủy ban nhân dân xã Cam Lâm;" in words and "- Ủy ban nhân dân xã Cam Hải." in words


def test_columns_named_like_fields_set_any_field(tmp_path):
    rows = [{"ten_xa": "xã A", "chi_tieu": "5", "han": "1/10/2025", "kinh_gui": "UBND xã A", "so": "127",
             "ngay": "12/8/2025", "nguoi_ky.ho_ten": "Nguyễn Thị Hoa", "noi_nhan[0]": "UBND xã A (để thực hiện)",
             "noi_nhan[3]": "Phòng Văn thư - Lưu trữ"}]
    (result,) = merge.documents(CONG_VAN, rows)
    assert result.ok, result
    doc = result.doc
    assert (doc.so, doc.ngay.ngay, doc.ngay.thang) == (127, 12, 8)
    assert doc.nguoi_ky.ho_ten == "Nguyễn Thị Hoa" and doc.nguoi_ky.chuc_vu == "Phó Giám đốc"
    assert doc.noi_nhan == ["UBND xã A (để thực hiện)", "UBND tỉnh (để báo cáo)", "Giám đốc Sở",
                            "Phòng Văn thư - Lưu trữ"]


def test_an_empty_cell_of_a_field_column_keeps_what_the_form_says(tmp_path):
    rows = [{"kinh_gui": "", "ten_xa": "xã A", "chi_tieu": "5", "han": "1/10/2025"}]
    (result,) = merge.documents(CONG_VAN, rows)
    assert result.ok and result.doc.kinh_gui == ["Ủy ban nhân dân xã"]


def test_a_column_that_is_almost_a_field_is_refused_with_a_suggestion(tmp_path, capsys):
    rows = write_csv(tmp_path, "UBND xã A;xã A;5;1/10/2025;Lê Văn B", header=HEADER + ";nguoi_ky.hoten")
    code, output, out = render_each(tmp_path, capsys, CONG_VAN, rows)
    assert code == 2 and "nguoi_ky.hoten" in output and "ho_ten" in output and " / " in output
    assert not docs_in(out)


# --- what a CSV from Excel looks like ----------------------------------------------------------


def test_bom_semicolon_csv_is_read_with_clean_column_names():
    rows = merge.read_rows(KHACH_MOI)
    assert KHACH_MOI.read_bytes().startswith(b"\xef\xbb\xbf")
    assert list(rows[0].values) == ["so", "xung_ho", "ho_ten", "chuc_vu", "don_vi"]
    assert [r.line for r in rows] == [2, 3, 4, 5]  # spreadsheet rows: the header is row 1


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_comma_semicolon_and_tab_are_recognised(tmp_path, delimiter):
    header = delimiter.join(["ten", "don_vi"])
    path = write_csv(tmp_path, delimiter.join(["Ông A", '"Sở Nội vụ, Khánh Hòa"']), header=header, encoding="utf-8")
    (row,) = merge.read_rows(path)
    assert dict(row.values) == {"ten": "Ông A", "don_vi": "Sở Nội vụ, Khánh Hòa"}


def test_decomposed_text_is_normalised_to_nfc(tmp_path):
    path = write_csv(tmp_path, unicodedata.normalize("NFD", "Ủy ban nhân dân xã Ấp;xã Ấp;5;1/10/2025"))
    (row,) = merge.read_rows(path)
    assert row.values["kinh_gui"] == "Ủy ban nhân dân xã Ấp" == unicodedata.normalize("NFC", row.values["kinh_gui"])


def test_blank_rows_and_empty_trailing_columns_from_excel_are_ignored(tmp_path):
    path = write_csv(tmp_path, "UBND xã A;xã A;5;1/10/2025;;", ";;;;;", "UBND xã B;xã B;6;1/10/2025;;",
                     header=HEADER + ";;")
    rows = merge.read_rows(path)
    assert [r.line for r in rows] == [2, 4] and list(rows[0].values) == HEADER.split(";")
    assert not any(r.problems for r in rows)


def test_cp1258_csv_is_refused_naming_file_and_line_and_nothing_is_written(tmp_path, capsys):
    path = tmp_path / "rows.csv"
    path.write_bytes(cp1258("\n".join([HEADER, "Ủy ban nhân dân xã Ấp;xã Ấp;5;1/10/2025", ""])))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    code, output, out = render_each(tmp_path, capsys, CONG_VAN, path)
    assert code == 2
    assert "rows.csv:2:" in output and "UTF-8" in output and "Windows-1258" in output and " / " in output
    assert "CSV UTF-8" in output  # how to save it from Excel
    assert not docs_in(out)


def test_utf8_garbled_by_an_ansi_round_trip_is_refused_for_that_row_only(tmp_path, capsys):
    garbled = "Ủy ban nhân dân xã Ấp".encode("utf-8").decode("cp1252", errors="replace")
    path = write_csv(tmp_path, "UBND xã A;xã A;5;1/10/2025", f"{garbled};xã B;5;1/10/2025")
    code, output, out = render_each(tmp_path, capsys, CONG_VAN, path)
    assert code == 2 and len(docs_in(out)) == 1
    assert "rows.csv:3: kinh_gui" in output and "Windows-1252" in output


def test_tcvn3_letters_saved_as_utf8_are_refused_for_their_row(tmp_path, capsys):
    path = write_csv(tmp_path, "Uû ban nh©n d©n x· Cam L©m;xã A;5;1/10/2025", "Ủy ban nhân dân xã Ấp;xã B;5;1/10/2025")
    code, output, out = render_each(tmp_path, capsys, CONG_VAN, path)
    assert code == 2 and "rows.csv:2: kinh_gui" in output and "TCVN3" in output
    assert [f.name for f in docs_in(out)] == ["002-Ủy ban nhân dân xã Ấp.docx"]


def test_a_csv_without_a_header_row_is_explained(tmp_path, capsys):
    path = write_csv(tmp_path, "UBND xã B;xã B;5;1/10/2025", header="UBND xã A;xã A;5;1/10/2025")
    code, output, out = render_each(tmp_path, capsys, CONG_VAN, path)
    assert code == 2 and "ten_xa" in output and "dòng đầu" in output and "first row must name the columns" in output
    assert not docs_in(out)


# --- bad rows ---------------------------------------------------------------------------------


def test_a_column_the_form_uses_is_missing_so_nothing_is_written(tmp_path, capsys):
    path = write_csv(tmp_path, "UBND xã A;xã A;5", header="kinh_gui;ten_xa;chi_tieu")
    code, output, out = render_each(tmp_path, capsys, CONG_VAN, path)
    assert code == 2 and "«han»" in output and "columns" in output and "noi_dung[2].khoan" in output
    assert not out.exists()


def test_bad_rows_are_reported_by_row_and_column_and_every_good_row_is_written(tmp_path, capsys):
    path = write_csv(tmp_path, "UBND xã A;xã A;5;1/10/2025",
                     "UBND xã B;xã B;5",  # row 3: no cell for «han»
                     "UBND xã C;;5;1/10/2025",  # row 4: «ten_xa» empty
                     "UBND xã D;xã D;5;1/10/2025",
                     "UBND xã E;xã E;5;1/10/2025;thừa",  # row 6: more cells than columns
                     header=HEADER)
    code, output, out = render_each(tmp_path, capsys, CONG_VAN, path)
    assert code == 2
    assert [f.name for f in docs_in(out)] == ["001-UBND xã A.docx", "004-UBND xã D.docx"]
    assert "rows 3, 4, 6" in output
    assert "rows.csv:3: han:" in output and "no cell 'han'" in output
    assert "rows.csv:4: ten_xa:" in output and "empty" in output and "trich_yeu, noi_dung[0]" in output
    assert "rows.csv:6:" in output and "more than the 4 header columns" in output


def test_a_bad_value_in_a_field_column_points_at_the_row_not_the_form(tmp_path, capsys):
    path = write_csv(tmp_path, "UBND xã A;xã A;5;1/10/2025;0;", "UBND xã B;xã B;5;1/10/2025;;31/2/2025",
                     header=HEADER + ";so;ngay")
    code, output, out = render_each(tmp_path, capsys, CONG_VAN, path)
    assert code == 2 and not docs_in(out)
    assert "rows.csv:2: so:" in output and "'0'" in output
    assert "rows.csv:3: ngay:" in output and "31/02/2025 is not a calendar date" in output


def test_values_print_literally_jinja_xml_and_placeholders_included(tmp_path, capsys):
    nasty = "{{ 7*7 }} {% if x %} <w:p/> &amp; ]]> GD&ĐT «ten_xa» \"x\""
    path = write_csv(tmp_path, f'UBND xã A;"{nasty.replace(chr(34), chr(34) * 2)}";5;1/10/2025')
    code, output, out = render_each(tmp_path, capsys, CONG_VAN, path)
    assert code == 0, output
    words = text(docs_in(out)[0])
    assert f"V/v chỉnh lý tài liệu tồn đọng tại Ủy ban nhân dân {nasty}" in words.replace("\n", " ")
    assert f"đề nghị Ủy ban nhân dân {nasty} thực hiện" in words


def test_an_asterisk_that_would_turn_into_emphasis_is_a_problem_of_its_row(tmp_path, capsys):
    path = write_csv(tmp_path, "UBND xã A;xã A;*20*;1/10/2025", "UBND xã B;xã B;5*3;1/10/2025")
    code, output, out = render_each(tmp_path, capsys, CONG_VAN, path)
    assert code == 2 and "rows.csv:2: chi_tieu" in output and "bold/italic" in output
    (written,) = docs_in(out)
    assert "Chỉnh lý hoàn chỉnh 5*3 mét giá" in text(written)  # a lone '*' prints as typed


# --- names ------------------------------------------------------------------------------------


def test_same_names_get_a_suffix_and_a_failed_row_takes_no_name(tmp_path, capsys):
    path = write_csv(tmp_path, "UBND xã A;xã A;5;1/10/2025", "UBND xã A;xã A;5;", "UBND xã A;xã A;6;1/10/2025",
                     "UBND XÃ A;xã A;7;1/10/2025")
    code, output, out = render_each(tmp_path, capsys, CONG_VAN, path, "--name", "{kinh_gui}.docx")
    assert code == 2
    names = {f.name for f in docs_in(out)}
    assert names == {"UBND xã A.docx", "UBND xã A (2).docx", "UBND XÃ A (3).docx"}  # case-blind file systems too
    assert "rows 3:" in output
    assert "6 mét giá" in text(out / "UBND xã A (2).docx")


def test_names_cannot_leave_the_output_folder_and_keep_vietnamese_letters(tmp_path, capsys):
    path = write_csv(tmp_path, "UBND xã A;../../etc/passwd;5;1/10/2025", 'UBND xã B;"a/b\\c:d*?<>|";5;1/10/2025',
                     "UBND xã C;Đắk Lắk;5;1/10/2025")
    code, output, out = render_each(tmp_path, capsys, CONG_VAN, path, "--name", "{ten_xa}")
    assert code == 0, output
    files = docs_in(out)
    assert len(files) == 3 and all(f.parent == out for f in files)
    assert not any(set(f.name) & set('/\\:*?"<>|') for f in files) and not any(".." in f.name for f in files)
    assert (out / "Đắk Lắk.docx").exists()


@pytest.mark.parametrize("pattern,words", [("{khong_co}", ["khong_co", "ten_xa"]), ("{stt:zz}", ["zz"])])
def test_a_bad_name_pattern_is_a_clear_error_before_anything_is_written(tmp_path, capsys, pattern, words):
    code, output, out = render_each(tmp_path, capsys, CONG_VAN, CAC_XA, "--name", pattern)
    assert code == 2 and "--name" in output and " / " in output
    assert all(w in output for w in words)
    assert not docs_in(out)


def test_a_docx_path_is_not_a_folder_for_a_merge(tmp_path, capsys):
    code = main(["render", str(CONG_VAN), "--each", str(CAC_XA), "-o", str(tmp_path / "x.docx")])
    assert code == 2 and "folder" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


# --- rows elsewhere ---------------------------------------------------------------------------


def test_rows_listed_in_the_form_itself_merge_without_each(tmp_path, capsys, monkeypatch):
    form = tmp_path / "moi.yaml"
    form.write_text(GIAY_MOI.read_text(encoding="utf-8") + (
        "danh_sach:\n"
        "  - {so: 1, xung_ho: Ông, ho_ten: Hồ Văn A, chuc_vu: Chánh Văn phòng, don_vi: Sở Xây dựng}\n"
        "  - {so: 2, xung_ho: Bà, ho_ten: Vũ Thị B, chuc_vu: Chánh Văn phòng, don_vi: Sở Tư pháp}\n"),
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["render", str(form)]) == 0, capsys.readouterr()
    files = docs_in(tmp_path / "moi")  # the form's name is the default folder
    assert len(files) == 2 and "Bà Vũ Thị B, Chánh Văn phòng Sở Tư pháp" in text(files[1])


def test_rows_from_a_json_or_yaml_list_may_give_several_addressees(tmp_path, capsys):
    path = tmp_path / "rows.yaml"
    path.write_text("- kinh_gui: [UBND xã A, UBND xã B]\n  ten_xa: hai xã\n  chi_tieu: 10\n  han: 1/10/2025\n"
                    "- {kinh_gui: UBND xã C, ten_xa: xã C, chi_tieu: 7, han: 2/10/2025, so: 0}\n", encoding="utf-8")
    code, output, out = render_each(tmp_path, capsys, CONG_VAN, path)
    assert code == 2 and "rows.yaml:5: so:" in output
    (written,) = docs_in(out)
    assert "- UBND xã A;" in text(written) and "- UBND xã B." in text(written)


def test_a_merge_form_rendered_alone_prints_its_placeholders_and_says_so(tmp_path, capsys):
    out = tmp_path / "xem-thu.docx"
    assert main(["render", str(GIAY_MOI), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "«xung_ho», «ho_ten», «chuc_vu», «don_vi»" in err and "--each" in err
    assert "kính mời: «xung_ho» «ho_ten», «chuc_vu» «don_vi»" in text(out)


def test_an_unclosed_placeholder_stops_the_merge(tmp_path, capsys):
    form = tmp_path / "form.yaml"
    form.write_text(CONG_VAN.read_text(encoding="utf-8").replace("trước ngày «han»", "trước ngày «han"),
                    encoding="utf-8")
    code, output, out = render_each(tmp_path, capsys, form, CAC_XA)
    assert code == 2 and "noi_dung[2].khoan" in output and "«column»" in output
    assert not out.exists()


def test_a_problem_of_the_form_itself_is_reported_once_not_per_row(tmp_path, capsys):
    form = tmp_path / "form.yaml"
    form.write_text(CONG_VAN.read_text(encoding="utf-8").replace("  ho_ten: Phan Văn Đức\n", ""), encoding="utf-8")
    code, output, out = render_each(tmp_path, capsys, form, CAC_XA)
    assert code == 2 and output.count("nguoi_ky.ho_ten") == 1 and "form.yaml:" in output
    assert not out.exists()


# --- the Python API ---------------------------------------------------------------------------


def test_each_is_a_generator_that_writes_as_it_goes(tmp_path):
    results = merge.each(CONG_VAN, CAC_XA, outdir=tmp_path, name="{stt}")
    first = next(results)
    assert first.ok and first.row.stt == 1 and first.path == tmp_path / "1.docx"
    assert docs_in(tmp_path) == [first.path]  # the other rows are not rendered yet
    rest = list(results)
    assert [r.row.line for r in rest] == [3, 4, 5, 6] and len(docs_in(tmp_path)) == 5


def test_rows_as_python_mappings_and_problems_as_data(tmp_path):
    rows = [{"kinh_gui": "UBND xã A", "ten_xa": "xã A", "chi_tieu": 5, "han": "1/10/2025"},
            {"kinh_gui": "UBND xã B", "ten_xa": "xã B", "chi_tieu": 6}]
    good, bad = merge.each(CONG_VAN, rows, outdir=tmp_path)
    assert good.ok and good.path.exists() and "5 mét giá" in text(good.path)
    assert not bad.ok and bad.path is None and (bad.row.stt, bad.row.line) == (2, 2)
    assert [(p.path, p.file, p.line) for p in bad.problems] == [("han", None, None)]  # no file to point into
    assert str(bad).startswith("dòng 2 / row 2: han: ")


def test_two_processes_write_the_same_bytes_in_the_same_order(tmp_path):
    rows = [{"kinh_gui": f"UBND xã {n}", "ten_xa": f"xã {n}", "chi_tieu": n, "han": "1/10/2025"}
            for n in range(1, 41)]
    rows[7]["han"] = ""
    one = list(merge.each(CONG_VAN, rows, outdir=tmp_path / "a", jobs=1))
    two = list(merge.each(CONG_VAN, rows, outdir=tmp_path / "b", jobs=2))
    assert [r.row.stt for r in two] == list(range(1, 41))
    assert [r.ok for r in one] == [r.ok for r in two] and sum(not r.ok for r in two) == 1
    for a, b in zip(one, two):
        assert (a.path and a.path.name) == (b.path and b.path.name)
        assert a.path is None or a.path.read_bytes() == b.path.read_bytes()


def test_the_form_may_be_a_vanban_or_its_data():
    doc = congvan.load(EXAMPLES / "000-cong-van-bcd-dak-lak-2022.yaml")
    rows = [{"kinh_gui": "Công an tỉnh\nSở Tư pháp", "so": "88"}]
    for form in (doc, doc.model_dump(by_alias=True, exclude_unset=True)):
        (result,) = merge.documents(form, rows)
        assert result.ok and result.doc.kinh_gui == ["Công an tỉnh", "Sở Tư pháp"] and result.doc.so == 88
        assert result.doc.noi_dung == doc.noi_dung


# --- the terminal -----------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_bar_on_a_terminal_and_plain_lines_otherwise(tmp_path, capsys):
    results = list(merge.each(CONG_VAN, CAC_XA, outdir=tmp_path))
    screen = Terminal()
    bar = Progress(len(results), screen)
    for result in results:
        bar.update(result)
    bar.close()
    drawn = screen.getvalue()
    assert drawn.startswith("\r[") and "5/5  100%" in drawn and drawn.endswith("\n")
    assert "written" not in drawn

    log = io.StringIO()
    plain = Progress(len(results), log)
    for result in results:
        plain.update(result)
    assert capsys.readouterr().out.count("Đã tạo / written: ") == 5 and "\r" not in log.getvalue()
