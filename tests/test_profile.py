"""The agency profile (co_quan.yaml, issue 14 point 7): an office writes its
names, place, signers, ô 13, Lưu and Nơi nhận habits once; forms leave them out.
The proof: a form without them, rendered through the profile, is byte for byte
the same form with them written in."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

import congvan
from congvan import profile
from congvan.cli import main
from congvan.forms import Form
from conftest import EXAMPLES, ROOT

PROFILES = EXAMPLES / "co-quan"
SO_TAI_CHINH = PROFILES / "co_quan.yaml"


def write(folder: Path, name: str, data: dict | str) -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def bare_form(**extra) -> dict:
    """Example 104 without what the profile gives."""
    data = yaml.safe_load((PROFILES / "104-to-trinh-khan.yaml").read_text(encoding="utf-8"))
    data.pop("ho_so")
    data.update(extra)
    return data


def test_a_form_through_its_profile_equals_the_form_written_in_full():
    full = congvan.render_bytes(congvan.load(EXAMPLES / "104-to-trinh-khan.yaml"))
    assert congvan.render_bytes(congvan.load(PROFILES / "104-to-trinh-khan.yaml")) == full


def test_the_three_ways_to_name_a_profile_give_the_same_document(tmp_path):
    full = congvan.render_bytes(congvan.load(EXAMPLES / "104-to-trinh-khan.yaml"))
    named = tmp_path / "ho-so"
    named.mkdir()
    shutil.copy(SO_TAI_CHINH, named / "stc.yaml")
    by_key = write(tmp_path, "a.yaml", bare_form(ho_so="ho-so/stc.yaml"))
    bare = write(tmp_path, "b.yaml", bare_form())
    assert congvan.render_bytes(congvan.load(by_key)) == full  # ho_so: relative to the form
    assert congvan.render_bytes(congvan.load(bare, co_quan=named / "stc.yaml")) == full  # --co-quan
    shutil.copy(SO_TAI_CHINH, tmp_path / "co_quan.yaml")
    assert congvan.render_bytes(congvan.load(bare)) == full  # co_quan.yaml beside the form
    inline = yaml.safe_load(SO_TAI_CHINH.read_text(encoding="utf-8"))
    assert congvan.render_bytes(congvan.load(write(tmp_path, "c.yaml", bare_form(ho_so=inline)))) == full


def test_the_form_wins_scalars_objects_field_by_field_lists_replaced_noi_nhan_appended(tmp_path):
    shutil.copy(SO_TAI_CHINH, tmp_path / "co_quan.yaml")
    form = bare_form(dia_danh="Nha Trang", co_quan_ban_hanh={"ten": "Sở Tài chính tỉnh Khánh Hòa"},
                     luu={"don_vi": ["NS"]}, noi_nhan=["Kho bạc Nhà nước tỉnh", "Giám đốc, các PGĐ Sở"],
                     lien_he={"email": "vanthu.stc@khanhhoa.gov.vn"})
    doc = congvan.load(write(tmp_path, "f.yaml", form))
    assert doc.dia_danh == "Nha Trang"  # scalar: the form's
    assert (doc.co_quan_ban_hanh.ten, doc.co_quan_ban_hanh.viet_tat) == ("Sở Tài chính tỉnh Khánh Hòa", "STC")
    assert doc.lien_he.email == "vanthu.stc@khanhhoa.gov.vn" and doc.lien_he.dien_thoai == "0258.3822.512"
    assert doc.luu.don_vi == ["NS"]  # a list: replaced
    assert doc.noi_nhan == ["Kho bạc Nhà nước tỉnh", "Giám đốc, các PGĐ Sở"]  # appended, not repeated


def test_signers_by_key_by_default_or_the_forms_own(tmp_path):
    shutil.copy(SO_TAI_CHINH, tmp_path / "co_quan.yaml")
    by_key = congvan.load(write(tmp_path, "a.yaml", bare_form(nguoi_ky="pho-giam-doc")))
    assert (by_key.nguoi_ky.ky_thay, by_key.nguoi_ky.ho_ten) == ("Giám đốc", "Lê Văn Hưng")
    form = bare_form()
    form.pop("nguoi_ky")
    assert congvan.load(write(tmp_path, "b.yaml", form)).nguoi_ky.ho_ten == "Trần Quốc Bảo"  # nguoi_ky_mac_dinh
    own = {"quyen": "Giám đốc", "chuc_vu": None, "ho_ten": "Phạm Thị Lan"}
    signer = congvan.load(write(tmp_path, "c.yaml", bare_form(nguoi_ky=own))).nguoi_ky
    assert (signer.quyen, signer.ho_ten, signer.ky_thay) == ("Giám đốc", "Phạm Thị Lan", None)  # never mixed


def test_any_field_of_the_form_may_be_an_agency_default(tmp_path):
    data = yaml.safe_load(SO_TAI_CHINH.read_text(encoding="utf-8"))
    data.update(co_chu="nho", nguoi_soan_thao={"ky_hieu": "VT", "so_ban": 3}, cach_phan_cong="theo-co-quan",
                danh_so="so")  # a field the numbering work added: a default with no change to the profile
    write(tmp_path, "co_quan.yaml", data)
    form = bare_form()
    form.pop("nguoi_soan_thao")
    doc = congvan.load(write(tmp_path, "f.yaml", form))
    assert doc.co_chu.value == "nho" and doc.nguoi_soan_thao.ky_hieu == "VT" and doc.cach_phan_cong == "theo-co-quan"
    assert doc.danh_so == "so"
    assert set(profile.allowed_fields()) >= set(congvan.VanBan.model_fields) - set(profile.PER_DOCUMENT) - {"schema_"}


def test_ho_so_false_turns_the_profile_beside_the_form_off(tmp_path):
    shutil.copy(SO_TAI_CHINH, tmp_path / "co_quan.yaml")
    with pytest.raises(congvan.FormError) as caught:
        congvan.load(write(tmp_path, "f.yaml", bare_form(ho_so=False)))
    assert "co_quan_ban_hanh" in str(caught.value)


@pytest.mark.parametrize("text, code, words", [
    ("co_quan_ban_hanh:\n  ten: Sở Tài chính\n  viet_tat: STC\ndia_danh: Khánh Hòa\nnguoi_nhan: [Sở Nội vụ]\n",
     "profile-unknown-field", ["co_quan.yaml:5:1", "nguoi_nhan", "noi_nhan", "unknown field"]),
    ("dia_danh: Khánh Hòa\nngay: 01/01/2025\n", "profile-per-document", ["co_quan.yaml:2:1", "ngay", "each document"]),
    ("dia_danh: Khánh Hòa\nnguoi_ky:\n  giam-doc:\n    ho_ten: Trần Quốc Bảo\n", "missing-position",
     ["co_quan.yaml:3:3", "nguoi_ky.giam-doc.chuc_vu", "chuc_vu"]),
    ("dia_danh: Khánh Hòa\nnguoi_ky_mac_dinh: giam-doc\n", "profile-unknown-signer", ["co_quan.yaml:2:1", "giam-doc"]),
    ("co_quan_ban_hanh: Sở Tài chính\n", "wrong-type", ["co_quan.yaml:1:1", "co_quan_ban_hanh"]),
])
def test_a_bad_profile_is_located_in_the_profile(tmp_path, text, code, words):
    write(tmp_path, "co_quan.yaml", text)
    with pytest.raises(congvan.FormError) as caught:
        congvan.load(write(tmp_path, "f.yaml", bare_form()))
    message = str(caught.value)
    assert code in {p.code for p in caught.value.problems}, message
    for word in words:
        assert word in message, (word, message)
    assert " / " in message


def test_an_unknown_signer_key_is_located_in_the_form(tmp_path):
    shutil.copy(SO_TAI_CHINH, tmp_path / "co_quan.yaml")
    with pytest.raises(congvan.FormError) as caught:
        congvan.load(write(tmp_path, "f.yaml", bare_form(nguoi_ky="chanh-van-phong")))
    (problem,) = caught.value.problems
    assert problem.code == "profile-unknown-signer" and problem.file.endswith("f.yaml") and problem.line
    assert "giam-doc, pho-giam-doc" in problem.vi


def test_the_mail_merge_and_every_reader_see_the_profile(tmp_path):
    shutil.copy(SO_TAI_CHINH, tmp_path / "co_quan.yaml")
    path = write(tmp_path, "f.yaml", bare_form())
    form = Form.read(path)
    assert "ho_so" not in form.data and form.data["co_quan_ban_hanh"]["viet_tat"] == "STC"


def test_profile_schema_is_published_and_validates_the_example():
    schema = profile.schema()
    Draft202012Validator.check_schema(schema)
    assert json.loads((ROOT / "docs" / "co_quan.schema.json").read_text(encoding="utf-8")) == schema
    data = yaml.safe_load(SO_TAI_CHINH.read_text(encoding="utf-8"))
    assert not list(Draft202012Validator(schema).iter_errors(data))
    data["nguoi_nhan"] = []
    assert list(Draft202012Validator(schema).iter_errors(data))


def test_cli_schema_co_quan(capsys):
    assert main(["schema", "--co-quan"]) == 0
    assert json.loads(capsys.readouterr().out)["$id"] == profile.SCHEMA_ID


def test_cli_render_with_co_quan(tmp_path, capsys):
    path = write(tmp_path, "f.yaml", bare_form())
    out = tmp_path / "f.docx"
    assert main(["render", str(path), "--co-quan", str(SO_TAI_CHINH), "-o", str(out)]) == 0
    assert out.read_bytes() == congvan.render_bytes(congvan.load(EXAMPLES / "104-to-trinh-khan.yaml"))


@pytest.mark.parametrize("loai", ["cong-van", "ke-hoach", "quyet-dinh", "giay-moi", "to-trinh", "bien-ban"])
def test_new_writes_a_form_that_uses_the_profile(tmp_path, loai, capsys):
    shutil.copy(SO_TAI_CHINH, tmp_path / "co_quan.yaml")
    path = tmp_path / f"{loai}.yaml"
    assert main(["new", loai, "--co-quan", str(tmp_path / "co_quan.yaml"), "-o", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["ho_so"] == "co_quan.yaml" and data["nguoi_ky"] == "giam-doc"
    assert not {"co_quan_ban_hanh", "co_quan_chu_quan", "dia_danh", "lien_he", "luu"} & set(data)
    doc = congvan.load(path)
    assert doc.co_quan_ban_hanh.viet_tat == "STC" and doc.nguoi_ky.ho_ten == "Trần Quốc Bảo"
    assert "Giám đốc, các PGĐ Sở" in [n if isinstance(n, str) else n.ten for n in doc.noi_nhan]
    schema = json.loads((tmp_path / "congvan.schema.json").read_text(encoding="utf-8"))
    assert not list(Draft202012Validator(schema).iter_errors(data))  # the editor accepts it


def test_new_with_a_bad_profile_writes_nothing(tmp_path, capsys):
    bad = write(tmp_path, "co_quan.yaml", "dia_danh: Khánh Hòa\nten_co_quan: Sở\n")
    assert main(["new", "cong-van", "--co-quan", str(bad), "-o", str(tmp_path / "cv.yaml")]) == 2
    assert not (tmp_path / "cv.yaml").exists()
    assert "ten_co_quan" in capsys.readouterr().err


def test_the_docs_profile_and_form_render_as_documented(tmp_path):
    import re

    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "docs" / "profile.md").read_text(encoding="utf-8"), re.S)
    profile_text, form_text = blocks
    write(tmp_path, "co_quan.yaml", profile_text)
    doc = congvan.load(write(tmp_path, "giay-moi.yaml", form_text))
    assert doc.nguoi_ky.ho_ten == "Lê Văn Hưng" and doc.co_quan_ban_hanh.viet_tat == "STC"
    assert doc.noi_nhan == ["Như thành phần mời", "Giám đốc, các PGĐ Sở"]
    congvan.render(doc, tmp_path / "giay-moi.docx")


@pytest.mark.parametrize("form", sorted(p for p in PROFILES.glob("*.yaml") if p.name != "co_quan.yaml"),
                         ids=lambda p: p.stem)
def test_the_profile_examples_pass_check(form):
    report = congvan.check(congvan.render_bytes(congvan.load(form)), name=form.name)
    assert report.errors == [], [(f.rule, f.message_en) for f in report.errors]


def test_a_mail_merge_takes_the_profile_once_for_every_row(tmp_path):
    shutil.copy(SO_TAI_CHINH, tmp_path / "co_quan.yaml")
    form = bare_form(ho_so="co_quan.yaml", kinh_gui=["«don_vi»"],
                     danh_sach=[{"don_vi": "Sở Nội vụ"}, {"don_vi": "Sở Tư pháp"}])
    path = write(tmp_path, "tron.yaml", form)
    out = tmp_path / "ra"
    assert main(["render", str(path), "-o", str(out)]) == 0
    files = sorted(out.glob("*.docx"))
    assert len(files) == 2
    for file, name in zip(files, ("Sở Nội vụ", "Sở Tư pháp")):
        report = congvan.check(file)
        assert report.errors == []
        import zipfile

        xml = zipfile.ZipFile(file).read("word/document.xml").decode("utf-8")
        assert name in xml and "SỞ TÀI CHÍNH" in xml and "Trần Quốc Bảo" in xml
