"""Mail merge: one personalised document per row (issue 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from congvan import merge
from congvan.cli import main
from congvan.forms import load_form
from conftest import EXAMPLES
from docx_read import open_docx, text_in_order

FORM = EXAMPLES / "merge" / "giay-moi.yaml"
CSV = EXAMPLES / "merge" / "moi.csv"
HEADER = "so;nguoi_duoc_moi;chuc_vu;don_vi\n"


def write_csv(tmp_path: Path, body: str, encoding="utf-8-sig", name="rows.csv") -> Path:
    path = tmp_path / name
    path.write_bytes((HEADER + body).encode(encoding))
    return path


def run(tmp_path, csv_path, capsys, *extra):
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    code = main(["render", str(FORM), "--each", str(csv_path), "-o", str(out), *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err, out


def test_each_row_gets_its_own_document_with_its_fields(tmp_path, capsys):
    code, output, out = run(tmp_path, CSV, capsys, "--name", "{stt:02d}-{don_vi}")
    assert code == 0, output
    files = sorted(p.name for p in out.glob("*.docx"))
    assert files == ["01-Sở Tài chính.docx", "02-Sở Y tế.docx", "03-Sở Giáo dục và Đào tạo.docx"]
    text = text_in_order(open_docx(out / "02-Sở Y tế.docx"))
    assert "Số: 42/GM-SNV" in text  # a column named like a field sets it
    assert "trân trọng kính mời: Bà Trần Thị Bình, Chánh Văn phòng Sở Y tế" in text
    assert "- Sở Y tế;" in text and "Sở Tài chính" not in text
    assert "written 3 of 3" in output


def test_values_print_literally(tmp_path, capsys):
    nasty = "{{ 7*7 }} {% if x %} <b>GD&ĐT</b> \"x\""
    code, output, out = run(tmp_path, write_csv(tmp_path, f"5;Ông A;Trưởng phòng;{nasty}\n"), capsys)
    assert code == 0, output
    (doc,) = out.glob("*.docx")
    assert nasty in text_in_order(open_docx(doc))


def test_bad_rows_are_reported_and_every_good_row_is_written(tmp_path, capsys):
    rows = "1;Ông A;CVP;Sở A\n0;Ông B;CVP;Sở B\n3;;CVP;Sở C\n4;Ông D;CVP;Sở D\n"
    code, output, out = run(tmp_path, write_csv(tmp_path, rows), capsys)
    assert code == 2
    assert len(list(out.glob("*.docx"))) == 2
    assert "rows with problems: 2, 3" in output
    assert "dòng 2: so" in output  # the row and the field
    assert "nguoi_duoc_moi" in output  # the empty cell's column


def test_a_column_the_form_uses_is_missing_so_nothing_is_written(tmp_path, capsys):
    path = tmp_path / "rows.csv"
    path.write_text("so;nguoi_duoc_moi;don_vi\n1;Ông A;Sở A\n", encoding="utf-8")
    code, output, out = run(tmp_path, path, capsys)
    assert code == 2 and "chuc_vu" in output and " / " in output
    assert not list(out.glob("*.docx"))


def test_cp1258_csv_is_refused_with_its_line_and_no_mojibake(tmp_path, capsys):
    path = write_csv(tmp_path, "1;Ông Lê Văn;CVP;Văn thư\n", encoding="cp1258")
    code, output, out = run(tmp_path, path, capsys)
    assert code == 2 and "UTF-8" in output and "rows.csv:2:" in output
    assert not list(out.glob("*.docx"))


def test_comma_csv_without_bom_is_read_too(tmp_path, capsys):
    path = tmp_path / "rows.csv"
    path.write_text("so,nguoi_duoc_moi,chuc_vu,don_vi\n7,Ông A,CVP,\"Sở Nội vụ, Khánh Hòa\"\n", encoding="utf-8")
    code, output, out = run(tmp_path, path, capsys)
    assert code == 0, output
    (doc,) = out.glob("*.docx")
    assert "Đề nghị Sở Nội vụ, Khánh Hòa cử người" in text_in_order(open_docx(doc))


def test_same_names_get_a_suffix_instead_of_overwriting(tmp_path, capsys):
    rows = "1;Ông A;CVP;Sở A\n2;Ông B;CVP;Sở A\n"
    code, output, out = run(tmp_path, write_csv(tmp_path, rows), capsys, "--name", "{don_vi}")
    assert code == 0, output
    assert sorted(p.name for p in out.glob("*.docx")) == ["Sở A (2).docx", "Sở A.docx"]


def test_names_cannot_escape_the_output_directory(tmp_path, capsys):
    rows = "1;Ông A;CVP;../../etc/x\n"
    code, output, out = run(tmp_path, write_csv(tmp_path, rows), capsys, "--name", "{don_vi}")
    assert code == 0, output
    (doc,) = out.glob("*.docx")
    assert doc.parent == out and "/" not in doc.name


def test_rows_listed_in_the_form_itself(tmp_path, capsys):
    text = FORM.read_text(encoding="utf-8") + (
        "danh_sach:\n  - {so: 1, nguoi_duoc_moi: Ông A, chuc_vu: CVP, don_vi: Sở A}\n"
        "  - {so: 2, nguoi_duoc_moi: Bà B, chuc_vu: CVP, don_vi: Sở B}\n")
    form = tmp_path / "form.yaml"
    form.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    assert main(["render", str(form), "-o", str(out)]) == 0
    assert len(list(out.glob("*.docx"))) == 2


def test_generator_api_and_two_processes_give_the_same_documents(tmp_path):
    data, _ = load_form(FORM)
    rows = [{"so": str(n), "nguoi_duoc_moi": f"Ông {n}", "chuc_vu": "CVP", "don_vi": f"Sở {n}"} for n in range(1, 9)]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = list(merge.each(data, rows, tmp_path / "a", name="{stt:02d}", jobs=1))
    two = list(merge.each(data, rows, tmp_path / "b", name="{stt:02d}", jobs=2))
    assert [r.row for r in one] == [r.row for r in two] == list(range(1, 9))
    assert all(r.ok for r in one + two)
    for a, b in zip(one, two):
        assert a.path.read_bytes() == b.path.read_bytes()


@pytest.mark.parametrize("pattern", ["{khong_co}", "{stt:zz}"])
def test_a_bad_name_pattern_is_a_clear_error(tmp_path, capsys, pattern):
    code, output, out = run(tmp_path, CSV, capsys, "--name", pattern)
    assert code == 2 and "--name" in output
    assert not list(out.glob("*.docx"))
