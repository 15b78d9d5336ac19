"""Bad input: the CLI exits non-zero, names the field and the rule in Vietnamese
and English, and writes no file (an existing one stays intact)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from congvan.cli import main
from conftest import EXAMPLES
from docx_read import open_docx, text_in_order

GOOD = yaml.safe_load((EXAMPLES / "000-cong-van-bcd-dak-lak-2022.yaml").read_text(encoding="utf-8"))


def write_form(tmp_path: Path, data: dict, name: str = "form.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run(tmp_path, data, capsys, out_name="out.docx"):
    form = write_form(tmp_path, data)
    out = tmp_path / out_name
    code = main(["render", str(form), "-o", str(out)])
    return code, capsys.readouterr().err, out


def changed(**changes):
    data = {k: v for k, v in GOOD.items()}
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


CASES = {
    # name: (changes, words the message must carry)
    "missing_issuer": ({"co_quan_ban_hanh": None}, ["co_quan_ban_hanh", "Thiếu", "missing"]),
    "missing_signer_name": ({"nguoi_ky": {"chuc_vu": "Trưởng ban"}}, ["nguoi_ky.ho_ten", "Thiếu", "missing"]),
    "unknown_type": ({"loai": "cong-vann"}, ["loai", "cong-van"]),
    "unknown_field": ({"trich_yue": "x"}, ["trich_yue"]),
    "impossible_date": ({"ngay": "31/02/2024"}, ["ngay", "31/02/2024", "calendar"]),
    "number_zero": ({"so": 0}, ["so", "0"]),
    "number_negative": ({"so": -5}, ["so", "-5"]),
    "control_character": ({"trich_yeu": "tiếp tục\x07 tăng cường"}, ["trich_yeu", "U+0007"]),
    "cong_van_without_addressees": ({"kinh_gui": []}, ["kinh_gui", "Kính gửi"]),
    "signer_without_position": ({"nguoi_ky": {"ho_ten": "Võ Văn Cảnh"}}, ["nguoi_ky", "chuc_vu"]),
    "tuq_with_kt": ({"nguoi_ky": {"thua_uy_quyen": "Giám đốc", "ky_thay": "Giám đốc", "chuc_vu": "Phó Giám đốc",
                                  "ho_ten": "A"}}, ["nguoi_ky", "TUQ.", "Điều 13"]),
    "task_without_lead": ({"noi_dung": [{"nhiem_vu": [{"noi_dung": "Làm việc A"}]}]}, ["noi_dung[0]", "chu_tri"]),
    "bad_deadline": ({"noi_dung": [{"nhiem_vu": [{"noi_dung": "A", "chu_tri": "B", "thoi_han": "sớm"}]}]},
                     ["thoi_han", "sớm"]),
    "code_with_space": ({"don_vi_soan_thao": "C AT"}, ["don_vi_soan_thao", "C AT"]),
    "negative_amount": ({"noi_dung": [{"so_tien": -5}]}, ["noi_dung[0].so_tien", "âm", "negative"]),
    "amount_not_a_number": ({"noi_dung": [{"so_tien": "mười triệu"}]}, ["noi_dung[0].so_tien", "mười triệu"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_form_exits_2_names_field_and_rule_and_writes_nothing(tmp_path, capsys, name):
    changes, words = CASES[name]
    code, err, out = run(tmp_path, changed(**changes), capsys)
    assert code == 2, err
    for word in words:
        assert word in err, (word, err)
    assert " / " in err  # Vietnamese / English
    assert not out.exists()
    assert not list(tmp_path.glob(".out.docx.*"))  # no temporary left behind


def test_bad_form_leaves_an_existing_output_intact(tmp_path, capsys):
    out = tmp_path / "out.docx"
    out.write_bytes(b"previous")
    code, _, _ = run(tmp_path, changed(ngay="31/02/2024"), capsys)
    assert code == 2 and out.read_bytes() == b"previous"


def test_error_points_at_the_form_line(tmp_path, capsys):
    code, err, _ = run(tmp_path, changed(so=0), capsys)
    form_text = (tmp_path / "form.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(form_text, start=1) if text.startswith("so:"))
    assert f"form.yaml:{line}:" in err


def test_nfd_text_is_normalised_to_nfc(tmp_path, capsys):
    decomposed = unicodedata.normalize("NFD", "tiếp tục tăng cường công tác phòng, chống mua bán người")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    code, err, out = run(tmp_path, changed(trich_yeu=decomposed), capsys)
    assert code == 0, err
    text = text_in_order(open_docx(out))
    # the V/v line breaks at balanced points (a line break inside its paragraph)
    assert "V/v tiếp tục tăng cường công tác phòng, chống mua bán người" in " ".join(text.split())
    assert unicodedata.normalize("NFC", text) == text


def test_output_in_a_missing_directory_is_a_clear_error(tmp_path, capsys):
    form = write_form(tmp_path, GOOD)
    code = main(["render", str(form), "-o", str(tmp_path / "no" / "such" / "dir" / "x.docx")])
    err = capsys.readouterr().err
    assert code == 1 and "Không ghi được" in err and "cannot write" in err


def test_missing_form_file_is_a_clear_error(tmp_path, capsys):
    code = main(["render", str(tmp_path / "absent.yaml"), "-o", str(tmp_path / "x.docx")])
    err = capsys.readouterr().err
    assert code == 2 and "absent.yaml" in err
    assert not (tmp_path / "x.docx").exists()


def test_output_file_gets_ordinary_permissions(tmp_path, capsys):
    import os
    import stat

    code, _, out = run(tmp_path, GOOD, capsys)
    assert code == 0
    old = os.umask(0)
    os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~old
