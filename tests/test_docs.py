"""docs/ stays true to the code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import congvan

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def test_model_reference_is_up_to_date():
    sys.path.insert(0, str(ROOT / "tools"))
    import gen_model_doc

    assert (DOCS / "model.md").read_text(encoding="utf-8") == gen_model_doc.build(), \
        "run: PYTHONPATH=src python tools/gen_model_doc.py"


def test_every_model_field_is_in_the_model_reference():
    model_doc = (DOCS / "model.md").read_text(encoding="utf-8")
    for name, info in congvan.VanBan.model_fields.items():
        assert f"`{info.alias or name}`" in model_doc


def test_glossary_names_the_fields_it_mentions():
    glossary = (DOCS / "glossary.md").read_text(encoding="utf-8")
    fields = set(re.findall(r"`([a-z_]+)(?:\.[a-z_]+)?`", glossary))
    known = set(congvan.VanBan.model_fields) | {"ky_hieu", "so_tien", "cach_phan_cong", "nhiem_vu", "chu_tri",
                                                 "phoi_hop", "thoi_han", "san_pham", "gach", "muc", "khoan",
                                                 "dieu", "chuong", "phan", "viet_tat", "nguoi_ky", "loai",
                                                 "nho", "lon"}
    unknown = {f for f in fields if f not in known and not f.startswith(("rules", "congvan", "cong"))}
    assert not unknown, unknown


@pytest.mark.parametrize("doc", ["quickstart.md", "decisions.md", "glossary.md", "model.md", "forms.md", "merge.md"])
def test_docs_exist_and_link_only_to_files_that_exist(doc):
    text = (DOCS / doc).read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#:]+)\)", text):
        assert (DOCS / target).exists(), target


def test_quickstart_python_snippet_runs(tmp_path):
    text = (DOCS / "quickstart.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    subprocess.run([sys.executable, "-c", code], cwd=tmp_path, check=True, capture_output=True, timeout=120,
                   env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert (tmp_path / "thong-bao.docx").stat().st_size > 1000


def _yaml_forms():
    for doc in sorted(DOCS.glob("*.md")):
        for n, block in enumerate(re.findall(r"```yaml\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)):
            if re.search(r"^loai:", block, re.M):
                yield pytest.param(block, id=f"{doc.stem}-{n}")


@pytest.mark.parametrize("block", list(_yaml_forms()))
def test_every_complete_form_in_the_docs_renders(block, tmp_path):
    from congvan.forms import validate_text

    doc = validate_text(congvan.VanBan, block, "docs.yaml")
    assert congvan.render(doc, tmp_path / "x.docx").stat().st_size > 1000


def test_forms_doc_has_one_form_per_family():
    blocks = [p.values[0] for p in _yaml_forms()]
    kinds = {re.search(r"^loai: (\S+)", b, re.M).group(1) for b in blocks}
    assert {"cong-van", "ke-hoach", "quyet-dinh", "thong-bao"} <= kinds
