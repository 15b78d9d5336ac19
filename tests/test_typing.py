"""Typing (issue 17.3): a user's script against the public API passes mypy --strict and
pyright --strict (tests/typing/sample.py) — the model's fields declare their defaults
as ``Field(default=…)``, which type checkers read, and congvan ships py.typed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SAMPLE = ROOT / "tests" / "typing" / "sample.py"
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if not found:
        message = f"{name} is missing: pip install '.[test]'"
        if os.environ.get("CI") or os.environ.get("CONGVAN_REQUIRE_OFFICE"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def test_mypy_strict_accepts_a_users_script(tmp_path):
    done = subprocess.run([_tool("mypy"), "--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"),
                           str(SAMPLE)], capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success: no issues found" in done.stdout


def test_pyright_strict_accepts_a_users_script(tmp_path):
    if not shutil.which("node"):
        pytest.fail("pyright needs node: ./scripts/install-node") if os.environ.get("CONGVAN_REQUIRE_OFFICE") \
            else pytest.skip("node is missing: ./scripts/install-node")
    config = tmp_path / "pyrightconfig.json"
    config.write_text('{"typeCheckingMode": "strict", "pythonVersion": "3.11"}', encoding="utf-8")
    env = {**os.environ, "PYRIGHT_PYTHON_IGNORE_WARNINGS": "1"}  # no look-up of a newer pyright
    done = subprocess.run([_tool("pyright"), "--project", str(config), "--pythonpath", sys.executable, str(SAMPLE)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 errors" in done.stdout


def test_the_sample_runs_and_uses_the_public_names_only(tmp_path):
    import ast

    tree = ast.parse(SAMPLE.read_text(encoding="utf-8"))
    modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert {m for m in modules if m and m.startswith("congvan")} == {"congvan"}  # nothing internal
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    done = subprocess.run([sys.executable, str(SAMPLE)], capture_output=True, text=True, cwd=tmp_path, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert done.returncode == 0, done.stderr
    assert "ke-hoach.docx" in done.stdout and "missing" in done.stdout
