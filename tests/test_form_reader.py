"""One form reader for every path (issue 17.4): a form's relative image paths
are read from the form's folder whatever the working directory — through the
CLI, the mail merge and the Python API alike; the service reads them only from
the operator's image folder, never from a path the request makes up."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import congvan
from congvan.forms import Form
from congvan.server import Settings
from congvan.server import work
from conftest import EXAMPLES, ROOT

QD = EXAMPLES / "102-quyet-dinh-thanh-lap-to-cong-tac.yaml"
MEDIA = {"word/media/chu-ky.png", "word/media/dau.png"}


def congvan_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "congvan", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, timeout=120)


def media(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as z:
        return {n for n in z.namelist() if n.startswith("word/media/")}


def test_render_from_the_repository_root_finds_the_forms_images(tmp_path):
    out = tmp_path / "x.docx"
    done = congvan_cli("render", "examples/102-quyet-dinh-thanh-lap-to-cong-tac.yaml", "-o", str(out), cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert media(out) == MEDIA


def test_render_from_an_unrelated_folder_with_a_relative_form_path(tmp_path):
    elsewhere = tmp_path / "noi-khac"
    elsewhere.mkdir()
    form = os.path.relpath(QD, elsewhere)
    done = congvan_cli("render", form, "-o", "qd.docx", cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    assert media(elsewhere / "qd.docx") == MEDIA
    # Same bytes as the Python API, which has always resolved them.
    assert (elsewhere / "qd.docx").read_bytes() == congvan.render_bytes(congvan.load(QD))


def test_mail_merge_reads_images_from_the_form_folder_too(tmp_path):
    folder = tmp_path / "bieu-mau"
    shutil.copytree(EXAMPLES / "anh", folder / "anh")
    text = QD.read_text(encoding="utf-8").replace("Kính gửi", "Kính gửi")
    (folder / "qd.yaml").write_text(text + "\ndanh_sach:\n  - so: 11\n  - so: 12\n", encoding="utf-8")
    elsewhere = tmp_path / "chay-tu-day"
    elsewhere.mkdir()
    done = congvan_cli("render", str(folder / "qd.yaml"), "-o", "ra", cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    files = sorted((elsewhere / "ra").glob("*.docx"))
    assert len(files) == 2 and all(media(f) == MEDIA for f in files)


def test_a_missing_image_is_named_with_the_path_resolved_against_the_form(tmp_path):
    form = tmp_path / "qd.yaml"
    form.write_text(QD.read_text(encoding="utf-8"), encoding="utf-8")  # no anh/ beside it
    done = congvan_cli("render", "qd.yaml", "-o", "qd.docx", cwd=tmp_path)
    assert done.returncode == 2
    assert "nguoi_ky.anh_chu_ky" in done.stderr and str(tmp_path / "anh" / "chu-ky.png") in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "qd.docx").exists()


def test_the_reader_keeps_positions_name_and_folder():
    form = Form.read(QD)
    assert form.name == str(QD) and form.folder == QD.resolve().parent
    assert form.positions["nguoi_ky.anh_chu_ky"][0] > 1
    assert str(form.model(congvan.VanBan).nguoi_ky.anh_chu_ky) == str(EXAMPLES / "anh" / "chu-ky.png")


# --- the service: the operator's image folder, never the request's ---------------------------

def _qd_data() -> dict:
    return Form.read(QD).data


def test_service_reads_relative_images_from_the_operators_folder_only(tmp_path):
    settings = Settings(image_dir=EXAMPLES / "anh")
    data = _qd_data()
    data["nguoi_ky"].update(anh_chu_ky="chu-ky.png", anh_dau="dau.png")
    assert work.validated(data, settings).nguoi_ky.anh_dau == EXAMPLES / "anh" / "dau.png"
    for bad in ("../anh/dau.png", str(EXAMPLES / "anh" / "dau.png"), "/etc/passwd"):
        data["nguoi_ky"]["anh_dau"] = bad
        result = work.validate(_json(data), "application/json", settings)
        assert not result["ok"] and [p["path"] for p in result["problems"]] == ["nguoi_ky.anh_dau"]
        assert "PNG" not in str(result)  # refused before anything is read


def test_service_without_an_image_folder_refuses_image_paths():
    data = _qd_data()  # anh/chu-ky.png: relative to the form file, which a request does not have
    result = work.validate(_json(data), "application/json", Settings())
    assert not result["ok"] and {p["path"] for p in result["problems"]} == {"nguoi_ky.anh_chu_ky", "nguoi_ky.anh_dau"}


def _json(data) -> bytes:
    import json

    return json.dumps(data, ensure_ascii=False).encode()


@pytest.mark.parametrize("option", ["--image-dir"])
def test_serve_has_an_image_dir_option(option):
    done = subprocess.run([sys.executable, "-m", "congvan", "serve", "--help"], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert option in done.stdout
