"""docs/ stays true to the code: generated files are current, every complete
form in the docs renders, the quick start runs as written."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import congvan
from congvan import model
from docx_read import open_docx, text_in_order

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MARKDOWN = sorted(DOCS.glob("*.md"))


def _fenced(language: str, doc: Path) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)


def test_model_reference_is_up_to_date():
    sys.path.insert(0, str(ROOT / "tools"))
    import gen_model_doc

    assert (DOCS / "model.md").read_text(encoding="utf-8") == gen_model_doc.build(), \
        "run: PYTHONPATH=src python tools/gen_model_doc.py"


def test_model_reference_lists_every_class_and_field():
    model_doc = (DOCS / "model.md").read_text(encoding="utf-8")
    for name in model.__all__:
        cls = getattr(model, name)
        if isinstance(cls, type) and hasattr(cls, "model_fields"):
            assert f"## {name}\n" in model_doc, name
            for field, info in cls.model_fields.items():
                assert f"| `{info.alias or field}` |" in model_doc, f"{name}.{field}"


#: Sub-parts whose fields a clerk types; the rest (bản sao, kèm theo) are in model.md.
VOCABULARY = [model.VanBan, model.CoQuan, model.NguoiKy, model.NhiemVu, model.PhuLuc, model.Luu,
              model.NoiNhan, model.NhomNoiNhan, model.NguoiSoanThao, model.GiayMoi, model.GioiThieu, model.BienBan, model.NghiPhep,
              model.LienHe, model.VanBanKemTheo]


@pytest.mark.parametrize("cls", VOCABULARY, ids=lambda c: c.__name__)
def test_forms_doc_explains_every_field_a_clerk_types(cls):
    forms = (DOCS / "forms.md").read_text(encoding="utf-8")
    missing = [f for f, info in cls.model_fields.items() if f"`{info.alias or f}`" not in forms]
    assert not missing


def test_glossary_names_only_fields_that_exist():
    glossary = (DOCS / "glossary.md").read_text(encoding="utf-8")
    fields = {f for name in model.__all__ for f in getattr(getattr(model, name), "model_fields", {})}
    named = set()
    for row in re.findall(r"^\|.*\| (.*) \|$", glossary, re.M):
        named |= {t for t in re.findall(r"`([^`]+)`", row) if re.fullmatch(r"[a-z_]+(\.[a-z_]+)?", t)}
    unknown = {t for t in named if not t.startswith("congvan") and not set(t.split(".")) <= fields}
    assert not unknown
    for must in ("trich_yeu", "ky_hieu", "kinh_gui", "noi_nhan", "don_vi_soan_thao", "chu_tri", "phoi_hop",
                 "can_cu", "muc", "khoan", "phu_luc", "ban_sao", "nguoi_ky.thay_mat", "nguoi_ky.ky_thay",
                 "nguoi_ky.quyen", "nguoi_ky.thua_lenh", "nguoi_ky.thua_uy_quyen", "co_quan_chu_quan"):
        assert must in named, must


@pytest.mark.parametrize("doc", MARKDOWN, ids=lambda p: p.name)
def test_docs_link_only_to_files_that_exist(doc):
    text = doc.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text):
        assert (DOCS / target).exists(), target


def test_quickstart_runs_as_written(tmp_path):
    """Step 3 (congvan new) then every Python snippet, in a fresh folder."""
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-m", "congvan", "new", "ke-hoach"], cwd=tmp_path, env=env, check=True,
                   capture_output=True, timeout=120)
    for code in _fenced("python", DOCS / "quickstart.md"):
        subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, check=True, capture_output=True,
                       timeout=120)
    assert "THÔNG BÁO" in text_in_order(open_docx(tmp_path / "thong-bao.docx"))
    assert "(Sở Nội vụ chủ trì, phối hợp với Sở Tài chính" in text_in_order(open_docx(tmp_path / "ke-hoach.docx"))


def _forms():
    for doc in MARKDOWN:
        for n, block in enumerate(_fenced("yaml", doc)):
            if re.search(r"^ho_so:", block, re.M):
                continue  # a form that uses an agency profile: tests/test_profile.py renders docs/profile.md's
            if re.search(r"^loai:", block, re.M):
                yield pytest.param(block, "yaml", id=f"{doc.stem}-yaml-{n}")
        for n, block in enumerate(_fenced("json", doc)):
            if '"loai"' in block:
                yield pytest.param(block, "json", id=f"{doc.stem}-json-{n}")


FORMS = list(_forms())


@pytest.mark.parametrize("block, kind", FORMS)
def test_every_complete_form_in_the_docs_renders(block, kind, tmp_path):
    from congvan.forms import validate_text

    doc = validate_text(congvan.VanBan, block, f"docs.{kind}")
    out = congvan.render(doc, tmp_path / "x.docx")
    text = text_in_order(open_docx(out))
    assert doc.nguoi_ky.ho_ten in text
    assert (doc.doc_type.title in text) if doc.doc_type.has_type_name else ("V/v " in text)


def test_forms_doc_has_a_complete_form_per_family_and_json():
    blocks = [(p.values[0], p.values[1]) for p in FORMS if p.id.startswith("forms-")]
    kinds = {re.search(r"^loai: (\S+)", b, re.M).group(1) for b, k in blocks if k == "yaml"}
    assert {"cong-van", "ke-hoach", "quyet-dinh", "thong-bao", "to-trinh"} <= kinds
    assert any(json.loads(b)["loai"] for b, k in blocks if k == "json")


def test_gallery_shows_every_example():
    """docs/gallery.md (tools/make_gallery.py) has page 1 of every example form."""
    gallery = (ROOT / "docs" / "gallery.md").read_text(encoding="utf-8")
    forms = sorted((ROOT / "examples").glob("[0-9]*.yaml")) + sorted((ROOT / "examples" / "merge").glob("*.yaml"))
    for form in forms:
        image = f"gallery/{form.stem}.png"
        assert f"({image})" in gallery, form.name
        assert (ROOT / "docs" / image).stat().st_size > 10_000, image


def test_check_rule_table_is_up_to_date():
    sys.path.insert(0, str(ROOT / "tools"))
    import gen_check_doc

    text = (DOCS / "check.md").read_text(encoding="utf-8")
    assert text == gen_check_doc.build(text), "run: PYTHONPATH=src python tools/gen_check_doc.py"


def test_api_doc_lists_every_public_name_and_nothing_else():
    """docs/api.md is the stable API: each name in congvan.__all__ is there, and its
    `congvan` table names nothing the package does not export."""
    import congvan

    text = (DOCS / "api.md").read_text(encoding="utf-8")
    table = text.split("## `congvan` (the names in `congvan.__all__`)", 1)[1].split("\n## ", 1)[0]
    documented = {name for cell in re.findall(r"^\| ((?:[^|\\]|\\\|)+?) \|", table, re.M)
                  for name in re.findall(r"`(\w+)", cell)} - {"name"}
    assert documented == set(congvan.__all__), (documented ^ set(congvan.__all__))
    for name in congvan.__all__:
        assert getattr(congvan, name) is not None


#: Reference pages whose Python examples must run as written, after the commands the page runs first.
RUNNABLE = {"api.md": [], "templates.md": [["template", "export", "cong-van", "-o", "mau-so.docx"]]}


@pytest.mark.parametrize("page", RUNNABLE)
def test_python_examples_of_the_reference_pages_run(page, tmp_path):
    """Each ```python block, in order, in a fresh folder that sees the examples."""
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    for command in RUNNABLE[page]:
        assert f"congvan {' '.join(command)}" in (DOCS / page).read_text(encoding="utf-8")
        subprocess.run([sys.executable, "-m", "congvan", *command], cwd=tmp_path, env=env, check=True,
                       capture_output=True, timeout=120)
    blocks = _fenced("python", DOCS / page)
    assert blocks
    for code in blocks:
        done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, f"{page}:\n{code}\n{done.stderr}"
