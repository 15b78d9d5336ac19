"""congvan.validate (issue 17.2): every problem of a form at once, each with a
stable code and the path of the field to change; the service answers with the
same problems; docs/api.md lists the codes from the code."""

from __future__ import annotations

import inspect
import json
import re
import sys
import typing
from pathlib import Path

import pytest

import congvan
from congvan.errors import CODES
from conftest import EXAMPLES, ROOT

CONG_VAN = EXAMPLES / "000-cong-van-bcd-dak-lak-2022.yaml"


def good() -> dict:
    from congvan.forms import load_form

    return load_form(CONG_VAN)[0]


def found(problems) -> set[tuple[str, str]]:
    return {(p.code, p.path) for p in problems}


def test_a_valid_form_has_no_problems():
    assert congvan.validate(good()) == []
    assert congvan.validate(CONG_VAN.read_text(encoding="utf-8")) == []
    assert congvan.validate(Path(EXAMPLES / "102-quyet-dinh-thanh-lap-to-cong-tac.yaml")) == []


def test_cross_field_rules_report_at_the_field_not_the_parent():
    data = good()
    data["nguoi_ky"] = {"ho_ten": "Nguyễn Văn A", "thua_uy_quyen": "Chủ tịch", "ky_thay": "Chủ tịch"}
    assert found(congvan.validate(data)) == {("tuq-with-kt", "nguoi_ky.ky_thay"),
                                             ("missing-position", "nguoi_ky.chuc_vu")}


def test_cross_field_rules_are_reported_while_other_fields_are_still_wrong():
    data = good()
    data["so"] = "abc"                                   # a field error …
    data["kinh_gui"] = []                                # … and rules pydantic would never reach
    data["nguoi_ky"]["thua_lenh"] = "Chủ tịch"
    data["nguoi_ky"]["thua_uy_quyen"] = "Giám đốc"
    data["noi_dung"].append({"nhiem_vu": [{"noi_dung": "Tuyên truyền"}]})
    problems = congvan.validate(data)
    assert found(problems) >= {("wrong-type", "so"), ("missing-addressees", "kinh_gui"),
                               ("tl-with-tuq", "nguoi_ky.thua_uy_quyen"),
                               ("task-without-lead", f"noi_dung[{len(data['noi_dung']) - 1}].nhiem_vu[0].chu_tri")}
    assert len(found(problems)) == len(problems)  # each once


def test_problems_from_text_carry_line_and_column_at_the_field():
    text = CONG_VAN.read_text(encoding="utf-8").replace("ho_ten:", "thua_uy_quyen: Giám đốc\n  ky_thay: X\n  ho_ten:")
    (problem,) = congvan.validate(text, name="don.yaml")
    line = text.splitlines().index("  ky_thay: X") + 1
    assert (problem.code, problem.path, problem.file, problem.line, problem.column) == \
        ("tuq-with-kt", "nguoi_ky.ky_thay", "don.yaml", line, 3)


@pytest.mark.parametrize("text, code", [
    ("loai: cong-van\nloai: ke-hoach\n", "duplicate-key"),
    ("loai: [cong-van\n", "syntax"),
    ("", "empty-form"),
    ("- a\n- b\n", "not-a-mapping"),
])
def test_reading_problems_are_problems_with_codes(text, code):
    (problem,) = congvan.validate(text)
    assert problem.code == code and problem.vi and problem.en


@pytest.mark.parametrize("change, code, path", [
    ({"loai": "cong-vann"}, "not-a-choice", "loai"),
    ({"mau_la": 1}, "unknown-field", "mau_la"),
    ({"ky_hieu": "BCĐ CAT"}, "ky-hieu-spaces", "ky_hieu"),
    ({"trich_yeu": "a\u200bb"}, "invisible-character", "trich_yeu"),
    ({"ngay": "31/02/2025"}, "not-a-calendar-date", "ngay"),
    ({"ngay": "hôm qua"}, "bad-date", "ngay"),
    ({"kinh_gui": ["Sở Y tế", "Sở Y tế"]}, "listed-twice", "kinh_gui"),
    ({"dia_danh": None}, "wrong-type", "dia_danh"),
    ({"giay_moi": {"kinh_moi": "Ông A"}}, "part-of-other-type", "giay_moi"),
])
def test_each_kind_of_problem_has_its_code(change, code, path):
    data = {**good(), **change}
    assert (code, path) in found(congvan.validate(data))


def test_every_code_used_in_the_source_is_listed():
    # The checker's findings have rule ids of their own (docs/check.md); everything else makes Problems.
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "congvan").rglob("*.py")
                       if "checker" not in p.parts)
    used = set(re.findall(r'Rule\(\s*"([a-z0-9-]+)"', source)) | set(re.findall(r'code="([a-z0-9-]+)"', source))
    assert used and used <= set(CODES), used - set(CODES)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", c) for c in CODES)


def test_api_doc_lists_the_codes_from_the_code():
    sys.path.insert(0, str(ROOT / "tools"))
    import gen_api_codes

    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert text == gen_api_codes.build(text), "run: PYTHONPATH=src python tools/gen_api_codes.py"
    for code in CODES:
        assert f"| `{code}` |" in text


def test_validate_is_typed():
    hints = typing.get_type_hints(congvan.validate)
    assert hints["return"] == list[congvan.Problem]
    assert "form" in inspect.signature(congvan.validate).parameters


def test_the_service_returns_the_same_codes():
    pytest.importorskip("fastapi")
    from congvan.server import Settings
    from congvan.server import work

    data = good()
    data["so"] = "abc"
    data["nguoi_ky"]["ky_thay"] = "Trưởng ban"
    data["nguoi_ky"]["thua_uy_quyen"] = "Trưởng ban"
    body = json.dumps(data, ensure_ascii=False).encode()
    result = work.validate(body, "application/json", Settings())
    assert {(p["code"], p["path"]) for p in result["problems"]} == found(congvan.validate(data))
    with pytest.raises(Exception) as caught:
        work.render(body, "application/json", "docx", None, Settings())
    assert {(p.code, p.path) for p in caught.value.problems} == found(congvan.validate(data))
