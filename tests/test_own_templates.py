"""Own templates (issue 17.1): export a built-in template, check a template's tags
before use (unknown or misspelled tags named with part and paragraph, bilingual,
exit 2 / TemplateError / HTTP 422), the tag vocabulary is the code's, and a custom
template renders while the checker names where it breaks Phụ lục I."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import congvan
from congvan.docx import template as docx_template
from congvan.docx.tags import TAGS
from congvan.docx.writer import context, template_path
from congvan.layout import lay_out
from conftest import EXAMPLES, ROOT
from docx_read import open_docx, text_in_order

CONG_VAN = EXAMPLES / "000-cong-van-bcd-dak-lak-2022.yaml"
KE_HOACH = EXAMPLES / "003-ke-hoach-ubnd-khanh-hoa-2025.yaml"
VALIDATOR = ROOT.parent / "shared" / "tools" / "ooxml_validate.py"


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "congvan", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, timeout=120)


def edited(source: Path, target: Path, change) -> Path:
    """A copy of a DOCX with word/document.xml changed by change(xml) -> xml."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            out.writestr(item, data)
    return target


def docxtpl_style(tmp_path: Path) -> Path:
    """What an integrator writes first: the form's own names, one tag split by Word over two runs."""
    def change(xml: str) -> str:
        xml = xml.replace("{{ subject_cong_van }}", "V/v {{ trich_yeu }}", 1)
        return xml.replace("{{ number }}", "Số: {{ so_ky_</w:t></w:r><w:r><w:t>hieu }}", 1)
    return edited(template_path("1.5"), tmp_path / "cua-so.docx", change)


# --- export --------------------------------------------------------------------------------

@pytest.mark.parametrize("name, mau", [("cong-van", "1.5"), ("ke-hoach", "1.4"), ("1.9", "1.9"), ("quyet-dinh", "1.4")])
def test_export_writes_the_built_in_template_with_every_tag_it_uses(tmp_path, name, mau):
    done = cli("template", "export", name, "-o", "mau.docx", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "mau.docx").read_bytes() == template_path(mau).read_bytes()
    listed = set(re.search(r"tags it uses: (.*)", done.stdout).group(1).split(", "))
    assert listed == docx_template.load(tmp_path / "mau.docx").used
    assert {"number", "place_date", "body", "issuer_lines", "name", "noi_nhan_block"} <= listed


def test_an_exported_template_renders_the_same_bytes_as_the_built_in_one(tmp_path):
    cli("template", "export", "ke-hoach", "-o", "mau.docx", cwd=tmp_path)
    doc = congvan.load(KE_HOACH)
    assert congvan.render_bytes(doc, tmp_path / "mau.docx") == congvan.render_bytes(doc)


def test_export_refuses_an_unknown_mau_and_keeps_an_existing_file(tmp_path):
    assert cli("template", "export", "2.7", cwd=tmp_path).returncode == 2
    (tmp_path / "mau.docx").write_bytes(b"mine")
    assert cli("template", "export", "-o", "mau.docx", cwd=tmp_path).returncode == 1
    assert (tmp_path / "mau.docx").read_bytes() == b"mine"


# --- check before use ------------------------------------------------------------------------

def test_cli_names_each_unknown_tag_with_part_and_paragraph_and_exits_2(tmp_path):
    bad = docxtpl_style(tmp_path)
    done = cli("render", str(CONG_VAN), "--template", str(bad), "-o", "x.docx", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr and not (tmp_path / "x.docx").exists()
    lines = [line for line in done.stderr.splitlines() if "word/document.xml" in line]
    assert len(lines) == 2
    assert "'so_ky_hieu'" in lines[0] and "đoạn 14" in lines[0] and "paragraph 14" in lines[0]
    assert "'number'" in lines[0]  # the suggestion
    assert "'trich_yeu'" in lines[1] and "đoạn 16" in lines[1] and "'subject_cong_van'" in lines[1]
    checked = cli("template", "check", str(bad), cwd=tmp_path)
    assert checked.returncode == 2 and sum("word/document.xml" in line for line in checked.stderr.splitlines()) == 2


def test_paragraph_numbers_count_every_paragraph_of_the_part(tmp_path):
    bad = docxtpl_style(tmp_path)
    with pytest.raises(congvan.TemplateError) as caught:
        docx_template.load(bad)
    from congvan.docx.template_check import paragraphs

    with zipfile.ZipFile(bad) as z:
        texts = paragraphs(z.read("word/document.xml").decode())
    assert texts[13] == "Số: {{ so_ky_hieu }}" and texts[15] == "V/v {{ trich_yeu }}"  # paragraphs 14 and 16
    assert [p.code for p in caught.value.problems] == ["unknown-tag", "unknown-tag"]
    assert [p.value for p in caught.value.problems] == ["so_ky_hieu", "trich_yeu"]


def test_the_api_raises_a_congvan_error(tmp_path):
    doc = congvan.load(CONG_VAN)
    with pytest.raises(congvan.CongVanError) as caught:
        congvan.render(doc, tmp_path / "x.docx", template=docxtpl_style(tmp_path))
    assert isinstance(caught.value, congvan.TemplateError) and isinstance(caught.value, congvan.RenderError)
    assert all(p.vi and p.en and p.file for p in caught.value.problems)
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("change, code, name", [
    (lambda x: x.replace("{{p body }}", "{{ body }}"), "wrong-tag-kind", "body"),
    (lambda x: x.replace("{{ number }}", "{{p number }}"), "wrong-tag-kind", "number"),
    (lambda x: x.replace("{{ number }}", "{{ number "), "template-syntax", ""),
    (lambda x: x.replace("{%p for line in issuer_lines %}", "{%p for line in co_quan %}"), "unknown-tag", "co_quan"),
])
def test_each_kind_of_template_problem(tmp_path, change, code, name):
    bad = edited(template_path("1.5"), tmp_path / "t.docx", change)
    with pytest.raises(congvan.TemplateError) as caught:
        docx_template.load(bad)
    assert caught.value.problems[0].code == code
    if name:
        assert f"'{name}'" in caught.value.problems[0].vi


def test_a_template_without_a_place_for_the_content_is_refused_not_silent(tmp_path):
    cong_van_template = template_path("1.5")  # no {{ type_name }}, no subject_lines
    with pytest.raises(congvan.TemplateError) as caught:
        congvan.render_bytes(congvan.load(KE_HOACH), cong_van_template)
    assert {p.value for p in caught.value.problems} == {"type_name", "subject_lines"}
    assert all(p.code == "missing-tag" for p in caught.value.problems)


def test_the_service_answers_422_template_invalid(tmp_path):
    pytest.importorskip("fastapi")
    from congvan.server import Settings, work
    from congvan.server.problems import ApiProblem

    docxtpl_style(tmp_path)
    settings = Settings(template_dir=tmp_path)
    path = work.template_path("cua-so", settings)
    with pytest.raises(ApiProblem) as caught:
        work.render(CONG_VAN.read_bytes(), "application/yaml", "docx", path, settings)
    assert caught.value.status == 422 and caught.value.kind == "template-invalid"
    assert {p.value for p in caught.value.problems} == {"so_ky_hieu", "trich_yeu"}


# --- the vocabulary is the code's ---------------------------------------------------------

@pytest.mark.parametrize("form", [CONG_VAN, KE_HOACH, EXAMPLES / "109-bien-ban-hop.yaml"], ids=lambda p: p.stem[:3])
def test_the_context_fills_exactly_the_documented_tags(form):
    assert set(context(lay_out(congvan.load(form)))) == set(TAGS)


def test_every_built_in_template_uses_only_documented_tags_and_passes_its_own_check():
    for mau in ("1.4", "1.5", "1.9"):
        used = docx_template.load(template_path(mau)).used
        assert used and used <= set(TAGS)


def test_templates_doc_lists_the_vocabulary_from_the_code():
    sys.path.insert(0, str(ROOT / "tools"))
    import gen_template_doc

    text = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    assert text == gen_template_doc.build(text), "run: PYTHONPATH=src python tools/gen_template_doc.py"
    for name, tag in TAGS.items():
        assert f"| `{name}` |" in text and tag.vi in text and tag.en in text


# --- a custom template: layout kept where it can be, the checker names the rest ----------

def test_a_letterhead_logo_in_the_first_page_header_survives_and_validates(tmp_path):
    pytest.importorskip("docx")
    from docx import Document
    from docx.shared import Mm

    cli("template", "export", "-o", "mau.docx", cwd=tmp_path)
    template = Document(str(tmp_path / "mau.docx"))
    template.sections[0].first_page_header.paragraphs[0].add_run().add_picture(
        str(EXAMPLES / "anh" / "logo.png"), width=Mm(18))
    template.save(str(tmp_path / "logo.docx"))
    out = congvan.render(congvan.load(CONG_VAN), tmp_path / "x.docx", template=tmp_path / "logo.docx")
    with zipfile.ZipFile(out) as z:
        header = z.read("word/header2.xml").decode()
        rels = z.read("word/_rels/header2.xml.rels").decode()
        names = z.namelist()
    assert "<w:drawing>" in header and "media/" in rels and any(n.startswith("word/media/") for n in names)
    assert "BAN CHỈ ĐẠO" in text_in_order(open_docx(out))
    assert congvan.check(out).ok
    done = subprocess.run([sys.executable, str(VALIDATOR), str(out)], capture_output=True, text=True)
    assert "ooxml_errors=0" in done.stdout, done.stdout + done.stderr


def test_a_template_with_a_changed_margin_renders_and_check_reports_the_margin(tmp_path):
    narrow = edited(template_path("1.5"), tmp_path / "le.docx",
                    lambda xml: re.sub(r'w:left="\d+"', 'w:left="1134"', xml, count=1))
    out = congvan.render(congvan.load(CONG_VAN), tmp_path / "x.docx", template=narrow)
    report = congvan.check(out)
    assert [f.rule for f in report.errors] == ["trang.le"]
    assert "20.0 mm" in str(report.errors[0])
    # The styles stay the decree's whatever the template's say.
    with zipfile.ZipFile(out) as z, zipfile.ZipFile(congvan.render(congvan.load(CONG_VAN), tmp_path / "y.docx")) as y:
        assert z.read("word/styles.xml") == y.read("word/styles.xml")
