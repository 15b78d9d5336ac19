"""congvan new <loại>: a commented starter form that renders as written (issue 3)."""

from __future__ import annotations

import json

import pytest

from congvan.cli import main
from congvan.doctypes import DOC_TYPES
from docx_read import open_docx, text_in_order


@pytest.mark.parametrize("slug", sorted(DOC_TYPES))
def test_starter_renders_as_written_for_every_type(tmp_path, capsys, slug):
    form = tmp_path / f"{slug}.yaml"
    assert main(["new", slug, "-o", str(form)]) == 0
    text = form.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=congvan.schema.json")
    assert text.count("#") > 15  # every field explained
    out = tmp_path / f"{slug}.docx"
    assert main(["render", str(form), "-o", str(out)]) == 0, capsys.readouterr().err
    rendered = text_in_order(open_docx(out))
    kind = DOC_TYPES[slug]
    if kind.abbreviation:
        assert kind.name.upper() in rendered and f"/{kind.abbreviation}-SNV" in rendered
    else:
        assert "V/v " in rendered and "/SNV-VP" in rendered


def test_new_then_edit_then_render_as_a_clerk_would(tmp_path, capsys):
    form = tmp_path / "ke-hoach.yaml"
    assert main(["new", "ke-hoach", "-o", str(form)]) == 0
    out = capsys.readouterr().out
    assert "congvan render" in out
    text = form.read_text(encoding="utf-8").replace("so:    ", "so: 7 ", 1)
    text = text.replace("Tổ chức tập huấn nghiệp vụ văn thư", "Tổ chức tập huấn nghiệp vụ lưu trữ")
    form.write_text(text, encoding="utf-8")
    assert main(["render", str(form), "-o", str(tmp_path / "kh.docx")]) == 0
    rendered = text_in_order(open_docx(tmp_path / "kh.docx"))
    assert "Số: 07/KH-SNV" in rendered and "Tổ chức tập huấn nghiệp vụ lưu trữ" in rendered
    schema = json.loads((tmp_path / "congvan.schema.json").read_text(encoding="utf-8"))
    assert "loai" in schema["properties"]


def test_unknown_type_suggests_the_closest(tmp_path, capsys):
    assert main(["new", "ke-hoac", "-o", str(tmp_path / "x.yaml")]) == 2
    err = capsys.readouterr().err
    assert "ke-hoach" in err and " / " in err
    assert not (tmp_path / "x.yaml").exists()


def test_never_overwrites_without_force(tmp_path, capsys):
    form = tmp_path / "cv.yaml"
    form.write_text("my work", encoding="utf-8")
    assert main(["new", "cong-van", "-o", str(form)]) == 1
    assert form.read_text(encoding="utf-8") == "my work"
    assert main(["new", "cong-van", "-o", str(form), "--force"]) == 0
    assert form.read_text(encoding="utf-8").startswith("# yaml-language-server")
