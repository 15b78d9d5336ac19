"""congvan check on what congvan renders: every example, the mail merge and a
follow-up pass with zero errors; the report, JSON and exit codes hold."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import congvan
from conftest import EXAMPLES, ROOT

FORMS = sorted(EXAMPLES.glob("*.yaml"))


def run_cli(*args, cwd=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "congvan", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120)


@pytest.mark.parametrize("form", FORMS, ids=[f.stem for f in FORMS])
def test_every_example_passes_with_zero_errors(form):
    data = congvan.render_bytes(congvan.load(form))
    report = congvan.check(data, name=form.name)
    assert report.errors == [], "\n".join(f"{f.rule}: {f.where}: {f.message_en}" for f in report.errors)
    assert report.ok


def test_checker_sees_the_elements_of_an_example():
    """Zero errors must mean "judged and passed": the rules ran on found elements."""
    report = congvan.check(congvan.render_bytes(congvan.load(EXAMPLES / "000-cong-van-bcd-dak-lak-2022.yaml")))
    skipped = {n.rule for n in report.not_evaluated}
    for rule in ("o1.quoc-hieu", "o1.tieu-ngu", "o1.duong-ke", "o2.ban-hanh", "o2.duong-ke", "o3.so-ky-hieu",
                 "o4.dia-danh-ngay", "o5.vv", "o9a.kinh-gui", "o6.noi-dung", "o7.quyen-han", "o9b.dong"):
        assert rule not in skipped


def test_layout_rules_are_not_evaluated_without_layout():
    report = congvan.check(congvan.render_bytes(congvan.load(FORMS[0])))
    skipped = {n.rule: n for n in report.not_evaluated}
    assert "ban-in.duong-ke" in skipped and "--layout" in skipped["ban-in.duong-ke"].reason_en


def test_cli_exit_0_and_json_shape(tmp_path):
    out = tmp_path / "cv.docx"
    out.write_bytes(congvan.render_bytes(congvan.load(FORMS[0])))
    done = run_cli("check", "--format", "json", out)
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads(done.stdout)
    report = data["reports"][0]
    assert report["ok"] is True and report["errors"] == 0 and report["findings"] == []
    assert data["rules"]["trang.le"]["clause"].startswith("Phụ lục I")


def test_cli_exit_2_for_a_file_that_is_not_a_docx(tmp_path):
    bad = tmp_path / "ghi-chu.docx"
    bad.write_text("không phải DOCX", encoding="utf-8")
    done = run_cli("check", bad)
    assert done.returncode == 2
    assert "not a DOCX" in done.stderr and "không phải" in done.stderr and "Traceback" not in done.stderr


def test_every_example_passes_on_the_printed_page(soffice):
    """--layout on every example in one office run: rule lengths and page numbers measured on
    the PDF LibreOffice makes, each of them measured (not skipped)."""
    datas = [congvan.render_bytes(congvan.load(form)) for form in FORMS]
    for form, report in zip(FORMS, congvan.check_all(datas, layout=True)):
        assert report.errors == [], (form.name, [(f.rule, f.where, f.found, f.message_en) for f in report.errors])
        assert not {n.rule for n in report.not_evaluated} & {"ban-in.duong-ke", "ban-in.so-trang"}, \
            (form.name, [(n.rule, n.reason_en) for n in report.not_evaluated])


@pytest.mark.parametrize("form, rows", [("giay-moi.yaml", "khach-moi.csv"), ("cong-van-cac-xa.yaml", "cac-xa.csv")])
def test_merged_documents_pass(form, rows):
    from congvan import merge

    made = list(merge.documents(EXAMPLES / "merge" / form, EXAMPLES / "merge" / rows))
    assert made and all(item.ok for item in made)
    for item in made[:3]:
        report = congvan.check(congvan.render_bytes(item.doc))
        assert report.errors == [], [(f.rule, f.message_en) for f in report.errors]


def test_follow_up_letters_pass():
    from congvan import followup

    plan = congvan.load(EXAMPLES / "004-ke-hoach-bcd-138-2021.yaml")
    letters = list(followup.letters(plan, "15/12/2025", don_vi_soan_thao="VP", ngay="20/11/2025"))
    assert len(letters) >= 2
    for _, letter in letters:
        report = congvan.check(congvan.render_bytes(letter))
        assert report.errors == [], [(f.rule, f.message_en) for f in report.errors]


def test_output_piped_into_a_reader_that_stops_early_is_not_a_crash():
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    fixtures = sorted((ROOT / "tests" / "fixtures").glob("*.docx"))
    done = subprocess.run(f"{sys.executable} -m congvan check {' '.join(map(str, fixtures))} | head -1",
                          shell=True, capture_output=True, text=True, env=env, timeout=120)
    assert done.stdout.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
