"""The catalogue of bad inputs (tests/bad_inputs/cases.yaml), each run as a user
would: the command in its own process, with a time and a memory limit."""

from __future__ import annotations

import errno
import json
import os
import stat
import time
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
    elif kind in ("many-scalars", "many-scalars-json"):  # issue 16: 1.2 million scalars, 2.4 MB
        data = form()
        if kind == "many-scalars":
            path = folder / "many.yaml"
            path.write_text(dump(data) + "x: [" + ",".join(["1"] * 1_200_000) + "]\n", encoding="utf-8")
        else:
            path = folder / "many.json"
            path.write_text(json.dumps(data)[:-1] + ', "x": [' + ",".join(["1"] * 1_200_000) + "]}", encoding="utf-8")
    elif kind == "ky-hieu-2m":
        path = folder / "ky-hieu-2m.yaml"
        path.write_text(dump(form(ky_hieu="A" * 2_000_000)), encoding="utf-8")
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


def run(args: list[str], cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-m", "congvan", *args], capture_output=True, input=stdin or b"",
                          timeout=TIME_LIMIT_S, env=env, cwd=cwd, preexec_fn=_limits)
    done.stdout_bytes = done.stdout
    done.stdout = done.stdout.decode("utf-8", "replace")
    done.stderr = done.stderr.decode("utf-8", "replace")
    return done


def special(kind: str, folder: Path) -> Path:
    """A path that is not a regular file: a device, a FIFO, a folder."""
    if kind.startswith("/dev/"):
        return Path(kind)
    path = folder / {"fifo": "input.fifo", "dir": "input-folder"}[kind]
    os.mkfifo(path) if kind == "fifo" else path.mkdir()
    return path


@pytest.mark.parametrize("case", [c for c in CASES if "docx" in c], ids=lambda c: c["name"])
def test_bad_docx_for_check(case, tmp_path):
    path = special(case["docx"][1:], tmp_path) if case["docx"].startswith("@") else docx_case(case["docx"], tmp_path)
    victim = plant(case.get("setup"), tmp_path)
    before = sorted(tmp_path.iterdir())
    args = [a.replace("{docx}", str(path)) for a in case.get("args", [])]
    done = run(["check", *args, str(path)], tmp_path)
    message = done.stdout + done.stderr
    assert done.returncode == case["exit"], message
    assert "Traceback" not in message and " / " in message and path.name in message
    for word in case["words"]:
        assert word in message, (word, message)
    if victim:  # a planted symlink under the old temporary name was not followed
        assert victim.read_bytes() == PREVIOUS
    if case.get("output") == "docx":
        assert [p for p in tmp_path.iterdir() if p not in before and p.suffix == ".docx"]
    else:
        assert sorted(tmp_path.iterdir()) == before  # nothing written
    assert not [p.name for p in tmp_path.rglob("*.tmp")]


def plant(setup: str | None, folder: Path) -> Path | None:
    """A symlink waiting under the temporary name `check --fix -o OUT.docx` once used."""
    if setup == "hardlink-out":  # OUT.docx is the document itself under another name
        os.link(folder / "fixable.docx", folder / "OUT.docx")
        return None
    if setup != "planted-temp":
        return None
    victim = folder / "victim.txt"
    victim.write_bytes(PREVIOUS)
    (folder / ".OUT.docx.congvan-tmp").symlink_to(victim)
    return victim


@pytest.mark.parametrize("case", [c for c in CASES if "docx" not in c], ids=lambda c: c["name"])
def test_bad_input(case, tmp_path):
    if "large" in case:
        form = large_case(case["large"], tmp_path)
    elif "path" in case:
        form = special(case["path"][1:], tmp_path)
    else:
        form = Path(shutil.copy(HERE / "files" / case["file"], tmp_path))
    for name in case.get("also", []):  # files the form names (an agency profile, an image), beside it
        shutil.copy(HERE / "files" / name, tmp_path)
    if case.get("fifo"):
        os.mkfifo(tmp_path / case["fifo"])
    original = form.read_bytes() if form.is_file() else None
    out = tmp_path / "out.docx"
    if case.get("out"):
        out = {"@form": form, "-": Path("-")}.get(case["out"]) or (
            Path(case["out"]) if case["out"].startswith("/") else tmp_path / case["out"])
    stdin, source = None, form
    if case.get("stdin"):
        stdin, form = form.read_bytes(), Path("-")
    args = ["render", str(form), *case.get("args", [])]
    if "each" in case:
        out = tmp_path / "merged"
        out.mkdir()
        rows = case["each"] if case["each"].startswith("/") else shutil.copy(HERE / "files" / case["each"], tmp_path)
        args += ["--each", str(rows), "-o", str(out)]
    else:
        args += ["-o", str(out)]
        if case.get("setup"):
            make_target(case["setup"], out, form)
        elif out.parent.exists() and str(out) != "-" and out != form and not str(out).startswith(("/proc", "/dev")):
            out.write_bytes(PREVIOUS)
    started = time.monotonic()
    done = run(args, tmp_path, stdin)
    elapsed = time.monotonic() - started
    message = (done.stdout if isinstance(done.stdout, str) else "") + done.stderr
    assert done.returncode == case["exit"], message
    assert "Traceback" not in message
    assert elapsed < case.get("seconds", TIME_LIMIT_S), f"{elapsed:.1f} s"
    for word in case.get("words", []):
        assert word in message, (word, message)
    if case["exit"] == 2:
        assert " / " in message  # Vietnamese / English
    leftovers = [p.name for p in tmp_path.rglob(".*.tmp")]
    assert not leftovers
    if original is not None:
        assert source.read_bytes() == original  # the input is never touched
    if case.get("setup"):
        target_kept(case["setup"], out, form)
    elif case["output"] == "stdout":
        piped = tmp_path / "piped.docx"
        piped.write_bytes(done.stdout_bytes)
        text = text_in_order(open_docx(piped))
        for word in case.get("text", []):
            assert word in text, word
    elif case["output"] == "none":
        if out.is_dir():
            assert not list(out.iterdir())
        elif out.exists() and out.is_file() and out != form:
            assert out.read_bytes() == PREVIOUS  # the previous file is intact
    else:
        text = text_in_order(open_docx(out))
        for word in case.get("text", []):
            assert word in text, word


def make_target(setup: str, out: Path, form: Path) -> None:
    """What stands at the output's name before the run (issue 16: outputs)."""
    if setup == "symlink-to-form":
        out.symlink_to(form)
    elif setup == "hardlink-to-form":
        os.link(form, out)
    elif setup == "read-only":
        out.write_bytes(PREVIOUS)
        out.chmod(0o444)
    elif setup == "fifo":
        os.mkfifo(out)
    elif setup == "dir":
        out.mkdir()
    elif setup == "device":  # a null device of our own: a regression must not replace the system's /dev/null
        try:
            os.mknod(out, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("making a device node needs root (where replacing one would be the danger)")
    else:
        raise ValueError(setup)


def target_kept(setup: str, out: Path, form: Path) -> None:
    if setup == "symlink-to-form":
        assert out.is_symlink() and out.resolve() == form.resolve()
    elif setup == "hardlink-to-form":
        assert os.stat(out).st_ino == os.stat(form).st_ino
    elif setup == "read-only":
        assert out.read_bytes() == PREVIOUS and not out.stat().st_mode & 0o222
    elif setup == "fifo":
        assert stat.S_ISFIFO(os.lstat(out).st_mode)
    elif setup == "dir":
        assert out.is_dir() and not list(out.iterdir())
    elif setup == "device":
        assert stat.S_ISCHR(os.lstat(out).st_mode)


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
