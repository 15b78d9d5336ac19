"""Packaging (issue 17.6): the runtime dependencies are exactly what the code imports,
optional ones sit in their extras, the licence and metadata are there.  The built wheel
itself is installed and used from an empty folder by scripts/check-wheel (run by
scripts/test, hence by .ci/run)."""

from __future__ import annotations

import ast
import sys
import tomllib

from conftest import ROOT

SRC = ROOT / "src" / "congvan"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
#: Import name → distribution name, where they differ.
DISTRIBUTION = {"yaml": "pyyaml"}


def _name(requirement: str) -> str:
    for stop in "<>=!~[; ":
        requirement = requirement.split(stop)[0]
    return requirement.strip().lower()


def third_party_imports(files) -> set[str]:
    found = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                     else [])
            for name in names:
                top = name.split(".")[0]
                if top != "congvan" and top not in sys.stdlib_module_names:
                    found.add(DISTRIBUTION.get(top, top))
    return found


def test_runtime_dependencies_are_exactly_what_the_code_imports():
    core = [p for p in SRC.rglob("*.py") if "server" not in p.relative_to(SRC).parts and p.name != "serve.py"]
    imported = third_party_imports(core) - {"pdfplumber"}  # --layout only, imported where it is used
    assert {_name(r) for r in PYPROJECT["dependencies"]} == imported


def test_the_extras_cover_what_their_modules_import():
    extras = {k: {_name(r) for r in v} for k, v in PYPROJECT["optional-dependencies"].items()}
    runtime = {_name(r) for r in PYPROJECT["dependencies"]}
    server = third_party_imports((SRC / "server").rglob("*.py")) | third_party_imports([SRC / "commands" / "serve.py"])
    assert server - runtime == extras["server"]
    assert "pdfplumber" in extras["layout"] and "pdfplumber" in third_party_imports(SRC.rglob("*.py"))
    assert {"num2words", "babel", "python-docx"} <= extras["test"]  # cross-checks and reading DOCX in tests
    assert not {"babel", "num2words", "python-multipart", "python-docx"} & runtime


def test_licence_urls_classifiers_and_typing_marker():
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert PYPROJECT["license"] == {"text": "MIT"}
    assert "License :: OSI Approved :: MIT License" in PYPROJECT["classifiers"]
    assert "Typing :: Typed" in PYPROJECT["classifiers"]
    assert {"Homepage", "Documentation", "Source", "Issues"} <= set(PYPROJECT["urls"])
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "py.typed" in package_data["package-data"]["congvan"] and (SRC / "py.typed").exists()


def test_the_sdist_leaves_out_the_tests_it_could_not_run():
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8")
    assert "prune tests" in manifest and "include LICENSE" in manifest


def test_ci_builds_and_installs_the_wheel():
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert "./scripts/check-wheel" in script.split("exec ")[0]  # before the tests, so a failure fails CI
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().endswith("exec ./scripts/test")
