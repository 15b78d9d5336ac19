"""congvan schema: the form's JSON Schema validates every example (issue 3)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from congvan.cli import main
from congvan.forms import load_form
from congvan.schema import form_schema
from conftest import EXAMPLES, ROOT

FORMS = sorted(p for p in EXAMPLES.rglob("*.yaml") if p.name != "co_quan.yaml")  # profiles: test_profile.py
SCHEMA_LINE = "# yaml-language-server: $schema="


@pytest.fixture(scope="module")
def validator():
    schema = form_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_cli_prints_the_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].endswith("2020-12/schema") and "co_quan_ban_hanh" in schema["then"]["required"]


@pytest.mark.parametrize("form", FORMS, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_every_example_validates_and_declares_the_schema(validator, form):
    data, _ = load_form(form)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors
    first = form.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(SCHEMA_LINE)
    assert (form.parent / first.removeprefix(SCHEMA_LINE)).resolve() == ROOT / "docs" / "congvan.schema.json"


BREAKAGES = {
    "unknown type": lambda d: d.update(loai="cong-vann"),
    "signer without a name": lambda d: d["nguoi_ky"].pop("ho_ten"),
    "date in words": lambda d: d.update(ngay="hôm qua"),
    "misspelt field": lambda d: d.update(trich_yeuu="x"),
    "size profile": lambda d: d.update(co_chu="vua"),
    "assignment style": lambda d: d.update(cach_phan_cong="bang"),
    "unknown block": lambda d: d["noi_dung"].append({"kinh_phi": "10 triệu"}),
    "number as text": lambda d: d.update(so="mười hai"),
    "task without content": lambda d: d["noi_dung"].append({"nhiem_vu": [{"chu_tri": "Sở Tư pháp"}]}),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_a_broken_form_fails_the_schema(validator, breakage):
    data, _ = load_form(FORMS[0])
    assert not list(validator.iter_errors(data))
    BREAKAGES[breakage](data)
    assert list(validator.iter_errors(data)), breakage


def test_every_field_has_a_vietnamese_title_and_a_description():
    schema = form_schema()
    wrong = []
    for name, definition in [("VanBan", schema), *schema["$defs"].items()]:
        for field, prop in definition.get("properties", {}).items():
            auto = field.replace("_", " ").title()  # what pydantic would have written
            if not prop.get("description") or not prop.get("title") or prop["title"] == auto:
                wrong.append(f"{name}.{field}: {prop.get('title')}")
    assert not [w for w in wrong if not w.startswith(("LienHe.fax", "LienHe.email", "LienHe.website"))], wrong
    assert schema["properties"]["co_quan_ban_hanh"]["title"] == "Cơ quan ban hành"
    assert schema["properties"]["ngay"]["title"] == "Ngày ban hành"


def test_committed_schema_file_is_up_to_date():
    sys.path.insert(0, str(ROOT / "tools"))
    import gen_schema

    assert (ROOT / "docs" / "congvan.schema.json").read_text(encoding="utf-8") == gen_schema.text(), \
        "run: PYTHONPATH=src python tools/gen_schema.py"
