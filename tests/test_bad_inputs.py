"""The catalogue of bad inputs (tests/bad_inputs/cases.yaml), each run as a user
would: the command in its own process, with a time and a memory limit."""

from __future__ import annotations

import errno
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import congvan
from conftest import ROOT
from docx_read import open_docx, text_in_order

HERE = Path(__file__).resolve().parent / "bad_inputs"
CASES = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))
TIME_LIMIT_S = 120  # a guard against hangs, not a speed target
MEMORY_LIMIT = 2 * 1024**3
PREVIOUS = b"previous document"


def large_case(kind: str, folder: Path) -> Path:
    sys.path.insert(0, str(HERE))
    from make_cases import dump, form

    if kind == "plan-10000":
        tasks = [{"noi_dung": f"Nhiệm vụ số {n}.", "chu_tri": f"Sở {n % 20}"} for n in range(1, 10001)]
        data = form(loai="ke-hoach", kinh_gui=None, don_vi_soan_thao=None, noi_dung=[{"nhiem_vu": tasks}])
        path = folder / "ke-hoach-10000.yaml"
        path.write_text(dump(data), encoding="utf-8")
    elif kind == "yaml-bomb":
        lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
        lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
                  f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]" for i in range(9)]
        path = folder / "bomb.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif kind == "deep-json":
        path = folder / "deep.json"
        path.write_text('{"a":' * 10000 + "1" + "}" * 10000, encoding="utf-8")
    elif kind == "big-file":
        path = folder / "big.yaml"
        path.write_text(dump(form()) + ("# " + "x" * 98 + "\n") * 62_000, encoding="utf-8")
    else:
        raise ValueError(kind)
    return path


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def docx_case(kind: str, folder: Path) -> Path:
    sys.path.insert(0, str(HERE))
    from make_cases import docx_case as make

    good = congvan.render_bytes(congvan.load(ROOT / "examples" / "000-cong-van-bcd-dak-lak-2022.yaml"))
    path = folder / f"{kind}.docx"
    path.write_bytes(make(kind, good))
    return path


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "congvan", *args], capture_output=True, text=True,
                          timeout=TIME_LIMIT_S, env=env, cwd=cwd, preexec_fn=_limits)


@pytest.mark.parametrize("case", [c for c in CASES if "docx" in c], ids=lambda c: c["name"])
def test_bad_docx_for_check(case, tmp_path):
    path = docx_case(case["docx"], tmp_path)
    before = sorted(tmp_path.iterdir())
    done = run(["check", str(path)], tmp_path)
    message = done.stdout + done.stderr
    assert done.returncode == case["exit"], message
    assert "Traceback" not in message and " / " in message and path.name in message
    for word in case["words"]:
        assert word in message, (word, message)
    assert sorted(tmp_path.iterdir()) == before  # nothing written


@pytest.mark.parametrize("case", [c for c in CASES if "docx" not in c], ids=lambda c: c["name"])
def test_bad_input(case, tmp_path):
    form = large_case(case["large"], tmp_path) if "large" in case else Path(
        shutil.copy(HERE / "files" / case["file"], tmp_path))
    for name in case.get("also", []):  # files the form names (an agency profile), beside it
        shutil.copy(HERE / "files" / name, tmp_path)
    out = tmp_path / "out.docx"
    if case.get("out"):
        out = Path(case["out"]) if case["out"].startswith("/") else tmp_path / case["out"]
    args = ["render", str(form), *case.get("args", [])]
    if "each" in case:
        out = tmp_path / "merged"
        out.mkdir()
        args += ["--each", str(shutil.copy(HERE / "files" / case["each"], tmp_path)), "-o", str(out)]
    else:
        args += ["-o", str(out)]
        if out.parent.exists() and not str(out).startswith("/proc"):
            out.write_bytes(PREVIOUS)
    done = run(args, tmp_path)
    message = done.stdout + done.stderr
    assert done.returncode == case["exit"], message
    assert "Traceback" not in message
    for word in case.get("words", []):
        assert word in message, (word, message)
    if case["exit"] == 2:
        assert " / " in message  # Vietnamese / English
    leftovers = [p.name for p in tmp_path.rglob(".*.tmp")]
    assert not leftovers
    if case["output"] == "none":
        if out.is_dir():
            assert not list(out.iterdir())
        elif out.exists():
            assert out.read_bytes() == PREVIOUS  # the previous file is intact
    else:
        text = text_in_order(open_docx(out))
        for word in case.get("text", []):
            assert word in text, word


def test_catalogue_has_at_least_thirty_cases_and_every_file_is_used():
    assert len(CASES) >= 30 and len([c for c in CASES if "docx" in c]) >= 4
    used = {c.get("file") for c in CASES} | {c.get("each") for c in CASES} | {n for c in CASES for n in c.get("also", [])}
    assert {p.name for p in (HERE / "files").iterdir()} <= used


def test_disk_full_leaves_the_previous_file_and_no_temporary(tmp_path, monkeypatch):
    doc = congvan.load(ROOT / "examples" / "000-cong-van-bcd-dak-lak-2022.yaml")
    out = tmp_path / "cv.docx"
    out.write_bytes(PREVIOUS)
    real_write = os.write

    def full(fd, data):  # the disk fills up half-way through
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("congvan.docx.package.os.fsync", lambda fd: full(fd, b""))
    with pytest.raises(OSError) as caught:
        congvan.render(doc, out)
    assert caught.value.errno == errno.ENOSPC
    assert out.read_bytes() == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["cv.docx"]
    assert real_write  # os.write itself untouched
