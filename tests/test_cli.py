"""CLI conventions (issue 17.7): --version, --quiet, and exit codes that mean the same
for every command, printed by --help and listed in docs/cli.md from congvan.cli."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import congvan
from congvan.cli import EXIT_CODES, main
from conftest import EXAMPLES, ROOT

CONG_VAN = EXAMPLES / "000-cong-van-bcd-dak-lak-2022.yaml"
FAILS_CHECK = ROOT / "tests" / "fixtures" / "le-trai-25.docx"  # a left margin outside 30–35 mm


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "congvan", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, timeout=120)


def test_version():
    done = run("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"congvan {congvan.__version__}"


def test_help_lists_every_exit_code():
    done = run("--help")
    assert done.returncode == 0
    for code, vi, en in EXIT_CODES:
        assert f"  {code} " in done.stdout
        assert en.split(";")[0] in " ".join(done.stdout.split())


def test_cli_doc_is_generated_from_the_code():
    sys.path.insert(0, str(ROOT / "tools"))
    import gen_cli_doc

    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert text == gen_cli_doc.build(text), "run: PYTHONPATH=src python tools/gen_cli_doc.py"


@pytest.mark.parametrize("where", ["before", "after"])
def test_quiet_prints_nothing_when_all_goes_well(tmp_path, capsys, where):
    args = ["render", str(CONG_VAN), "-o", str(tmp_path / "x.docx")]
    assert main(["-q", *args] if where == "before" else [*args, "--quiet"]) == 0
    out = capsys.readouterr()
    assert out.out == "" and out.err == "" and (tmp_path / "x.docx").stat().st_size > 5000
    assert main(args) == 0 and "written" in capsys.readouterr().out  # and the flag does not stick


def test_quiet_still_prints_problems(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(CONG_VAN.read_text(encoding="utf-8").replace("dia_danh:", "dia_danhh:"), encoding="utf-8")
    assert main(["-q", "render", str(bad), "-o", str(tmp_path / "x.docx")]) == 2
    assert "dia_danhh" in capsys.readouterr().err


def test_quiet_check_prints_only_the_files_that_fail(tmp_path, capsys):
    good = congvan.render(congvan.load(CONG_VAN), tmp_path / "tot.docx")
    assert main(["check", "-q", str(good)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["check", "-q", str(good), str(FAILS_CHECK)]) == 1
    out = capsys.readouterr().out
    assert "le-trai-25.docx" in out and "tot.docx" not in out


def test_quiet_mail_merge_has_no_progress_lines(tmp_path, capsys):
    merge = EXAMPLES / "merge"
    assert main(["-q", "render", str(merge / "cong-van-cac-xa.yaml"), "--each", str(merge / "cac-xa.csv"),
                 "-o", str(tmp_path / "out")]) == 0
    out = capsys.readouterr()
    assert out.out == "" and out.err == "" and len(list((tmp_path / "out").glob("*.docx"))) > 1


def test_each_exit_code_is_what_the_table_says(tmp_path, capsys):
    """0 done; 1 check found an error / an output cannot be written; 2 bad input."""
    assert main(["render", str(CONG_VAN), "-o", str(tmp_path / "x.docx")]) == 0
    assert main(["check", str(FAILS_CHECK)]) == 1
    assert main(["render", str(CONG_VAN), "-o", str(tmp_path / "khong-co" / "x.docx")]) == 1
    assert main(["new", "cong-van", "-o", str(tmp_path / "x.docx")]) == 1  # exists, no --force
    assert main(["render", str(tmp_path / "khong-co.yaml")]) == 2
    assert main(["new", "cong-vann"]) == 2
    (tmp_path / "rong.docx").write_bytes(b"not a docx")
    assert main(["check", str(tmp_path / "rong.docx")]) == 2
    assert main(["template", "check", str(tmp_path / "rong.docx")]) == 2
    assert main([]) == 2
    assert {code for code, _, _ in EXIT_CODES} == {0, 1, 2, 130}
    capsys.readouterr()
