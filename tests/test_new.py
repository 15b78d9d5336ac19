"""congvan new <loại>: a commented starter form that renders as written (issue 3)."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from congvan.cli import main
from congvan.doctypes import DOC_TYPES, NO_SUBJECT
from congvan.starter import TYPES, starter
from docx_read import open_docx, text_in_order

TOP_LEVEL_KEY = re.compile(r"^([a-z_]+):")


def test_the_type_table_covers_exactly_the_29_types():
    assert set(TYPES) == set(DOC_TYPES) and len(TYPES) == 29


@pytest.mark.parametrize("slug", sorted(DOC_TYPES))
def test_starter_renders_as_written_for_every_type(tmp_path, capsys, slug):
    form = tmp_path / f"{slug}.yaml"
    assert main(["new", slug, "-o", str(form)]) == 0
    text = form.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=congvan.schema.json\n")
    out = tmp_path / f"{slug}.docx"
    assert main(["render", str(form), "-o", str(out)]) == 0, capsys.readouterr().err
    rendered = text_in_order(open_docx(out))
    kind, issuer = DOC_TYPES[slug], yaml.safe_load(text)["co_quan_ban_hanh"]["viet_tat"]
    if kind.abbreviation:
        assert kind.name.upper() in rendered and f"/{kind.abbreviation}-{issuer}" in rendered
    else:
        assert "V/v " in rendered and f"/{issuer}-VP" in rendered
    assert (slug in NO_SUBJECT) == ("trich_yeu:" not in text)


@pytest.mark.parametrize("slug", sorted(DOC_TYPES))
def test_every_top_level_field_is_explained_in_vietnamese(slug):
    lines = starter(slug).splitlines()
    bare = [line for line in lines if TOP_LEVEL_KEY.match(line) and " # " not in line and line != f"loai: {slug}"]
    assert not bare
    assert "(ô 3)" in starter(slug) and "Phụ lục I" in starter(slug)


def test_comments_line_up_in_one_column():
    columns = {line.index(" # ") for line in starter("cong-van").splitlines()
               if " # " in line and not line.lstrip().startswith("#") and len(line.split(" # ")[0].rstrip()) < 30}
    assert columns == {30}


@pytest.mark.parametrize("slug, needed", [
    ("cong-van", {"kinh_gui", "don_vi_soan_thao", "trich_yeu"}),
    ("to-trinh", {"kinh_gui", "trich_yeu"}),
    ("bao-cao", {"kinh_gui"}),
    ("quyet-dinh", {"can_cu", "tham_quyen", "theo_de_nghi"}),
    ("nghi-quyet", {"can_cu", "tham_quyen"}),
    ("cong-dien", {"dien_gui", "do_khan", "kinh_gui"}),
    ("giay-moi", {"giay_moi"}),
    ("bien-ban", {"bien_ban"}),
])
def test_each_family_gets_the_fields_its_template_needs(slug, needed):
    assert needed <= set(yaml.safe_load(starter(slug)))


def test_a_plan_starter_has_tasks_as_data():
    form = yaml.safe_load(starter("ke-hoach"))
    tasks = [b["nhiem_vu"] for m in form["noi_dung"] if isinstance(m, dict) for b in m.get("noi_dung", [])
             if isinstance(b, dict) and "nhiem_vu" in b][0]
    assert all(t["chu_tri"] and t["thoi_han"] for t in tasks) and any(t.get("phoi_hop") for t in tasks)
    assert form["cach_phan_cong"] == "theo-co-quan"


def test_kinh_gui_addressees_are_not_listed_again_in_noi_nhan():
    # "- Như trên;" stands for them (Phụ lục I §II.9.a).
    for slug in ("cong-van", "to-trinh", "bao-cao"):
        form = yaml.safe_load(starter(slug))
        assert not {r.split(" (")[0] for r in form["noi_nhan"]} & set(form["kinh_gui"])


def test_new_then_edit_then_render_as_a_clerk_would(tmp_path, capsys):
    form = tmp_path / "ke-hoach.yaml"
    assert main(["new", "ke-hoach", "-o", str(form)]) == 0
    out = capsys.readouterr().out
    assert f"congvan render {form} -o ke-hoach.docx" in out
    text = form.read_text(encoding="utf-8")
    text = re.sub(r"^so: ", "so: 7 ", text, count=1, flags=re.M)
    text = text.replace("Tổ chức tập huấn nghiệp vụ văn thư", "Tổ chức tập huấn nghiệp vụ lưu trữ")
    text = text.replace("cach_phan_cong: theo-co-quan", "cach_phan_cong: ngoac")
    form.write_text(text, encoding="utf-8")
    assert main(["render", str(form), "-o", str(tmp_path / "kh.docx")]) == 0
    rendered = text_in_order(open_docx(tmp_path / "kh.docx"))
    assert "Số: 07/KH-SNV" in rendered and "Tổ chức tập huấn nghiệp vụ lưu trữ" in rendered
    assert "(Sở Nội vụ chủ trì, phối hợp với Sở Tài chính" in rendered
    schema = json.loads((tmp_path / "congvan.schema.json").read_text(encoding="utf-8"))
    assert "loai" in schema["properties"]


def test_a_foreign_schema_file_is_left_alone(tmp_path):
    (tmp_path / "congvan.schema.json").write_text('{"mine": true}', encoding="utf-8")
    assert main(["new", "cong-van", "-o", str(tmp_path / "cv.yaml")]) == 0
    assert (tmp_path / "congvan.schema.json").read_text(encoding="utf-8") == '{"mine": true}'


def test_dash_prints_the_form(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "to-trinh", "-o", "-"]) == 0
    assert capsys.readouterr().out == starter("to-trinh") and not list(tmp_path.iterdir())


def test_unknown_type_suggests_the_closest(tmp_path, capsys):
    assert main(["new", "ke-hoac", "-o", str(tmp_path / "x.yaml")]) == 2
    err = capsys.readouterr().err
    assert "có phải 'ke-hoach'" in err and "did you mean 'ke-hoach'" in err
    assert not list(tmp_path.iterdir())


def test_never_overwrites_without_force(tmp_path, capsys):
    form = tmp_path / "cv.yaml"
    form.write_text("my work", encoding="utf-8")
    assert main(["new", "cong-van", "-o", str(form)]) == 1
    assert "--force" in capsys.readouterr().err
    assert form.read_text(encoding="utf-8") == "my work"
    assert main(["new", "cong-van", "-o", str(form), "--force"]) == 0
    assert form.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_an_unwritable_place_is_a_bilingual_error(tmp_path, capsys):
    assert main(["new", "cong-van", "-o", str(tmp_path / "no" / "such" / "cv.yaml")]) == 1
    err = capsys.readouterr().err
    assert "Không ghi được" in err and "cannot write" in err
