"""The third-party corpus (tests/fixtures/corpus, built by tools/build_corpus.py):
documents written by python-docx, LibreOffice, the npm docx package and by
hand as Word writes them, with their expected findings (expected.yaml).

- the committed files are what the builders write today (byte for byte where the
  tool is deterministic and the same version; else the build runs and its files
  check the same);
- every file that stands for a Word or LibreOffice file is schema-valid;
- `congvan check` gives, per file, exactly the results recorded in baseline.json:
  a better (or worse) checker changes them, and the change is recorded on purpose
  with `tools/corpus_score.py --update-baseline`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter

import pytest

import congvan
from congvan.checker.registry import BY_ID
from conftest import ROOT

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
VALIDATOR = ROOT.parent / "shared" / "tools" / "ooxml_validate.py"
sys.path.insert(0, str(ROOT / "tools"))

import build_corpus  # noqa: E402
import corpus_score  # noqa: E402
from corpus.cases import CASES, NEW_IDS  # noqa: E402

TABLE = corpus_score.load_table()
BASELINE = json.loads((CORPUS / "baseline.json").read_text(encoding="utf-8"))


def _required() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("CONGVAN_REQUIRE_OFFICE"))


def test_the_table_covers_every_file_and_is_what_the_cases_say():
    assert {p.name for p in CORPUS.glob("*.docx")} == set(TABLE)
    assert (CORPUS / "expected.yaml").read_text(encoding="utf-8") == build_corpus.expected_yaml(CASES), \
        "run tools/build_corpus.py"


def test_the_corpus_is_large_mixed_and_half_correct():
    status = Counter(entry["status"] for entry in TABLE.values())
    tools = Counter(entry["tool"] for entry in TABLE.values())
    assert len(TABLE) >= 40
    assert abs(status["correct"] - status["breached"]) <= 2, status
    assert set(tools) == {"python-docx", "libreoffice", "docx-npm", "ooxml"} and min(tools.values()) >= 6, tools
    for name, entry in TABLE.items():
        if entry["status"] == "breached":
            # one or two defects; one cause (the HTML <hr> losing its width) may break all three rules
            assert 1 <= len(entry["expect"] or entry["expect_layout"]) <= 3, name
            assert entry["breach"], name


def test_expected_rule_ids_are_the_checkers_or_the_announced_new_ones():
    for name, entry in TABLE.items():
        for rule in entry["expect"] + entry["expect_layout"]:
            assert rule in BY_ID or rule in NEW_IDS, f"{name}: unknown rule {rule}"
            assert not rule.startswith("ban-in.") or rule in entry["expect_layout"], name


@pytest.mark.parametrize("tool", ["python-docx", "ooxml"])
def test_committed_files_equal_a_fresh_build(tool):
    for name, data in build_corpus.build(tool, CASES).items():
        assert data == (CORPUS / name).read_bytes(), f"{name}: run tools/build_corpus.py"


def _same_or_same_findings(tool: str, made: dict[str, bytes]) -> None:
    recorded = json.loads((CORPUS / "versions.json").read_text())[tool]
    current = build_corpus.versions()[tool]
    for name, data in made.items():
        committed = (CORPUS / name).read_bytes()
        if current == recorded:
            assert data == committed, f"{name}: run tools/build_corpus.py"
        else:  # another version of the tool: the build runs and says the same things
            fresh, old = congvan.check(data), congvan.check(committed)
            assert sorted(f.rule for f in fresh.findings) == sorted(f.rule for f in old.findings), name


def test_libreoffice_files_equal_a_fresh_build(soffice):
    _same_or_same_findings("libreoffice", build_corpus.build("libreoffice", CASES))


def test_docx_npm_files_equal_a_fresh_build():
    if not shutil.which("node") or not shutil.which("npm"):
        if _required():
            pytest.fail("node/npm missing: run ./scripts/install-node")
        pytest.skip("node/npm missing: run ./scripts/install-node")
    subprocess.run([str(ROOT / "scripts" / "install-node")], check=True, timeout=600)
    _same_or_same_findings("docx-npm", build_corpus.build("docx-npm", CASES))


def test_every_word_or_libreoffice_file_is_schema_valid():
    """0 errors on each file whose table entry says valid; a file whose tool writes invalid
    markup (python-docx's w:zoom without w:percent, the npm docx's border order) has exactly
    that error and no other."""
    files = sorted(CORPUS.glob("*.docx"))
    done = subprocess.run([sys.executable, str(VALIDATOR), *map(str, files)], capture_output=True, text=True,
                          check=True)
    errors = [line for line in done.stdout.splitlines() if line.startswith("OOXML:")]
    by_file = Counter(line.split(":")[1].strip() for line in errors)
    for name, entry in TABLE.items():
        if entry["schema"] == "valid":
            assert by_file[name] == 0, [e for e in errors if f" {name}:" in e]
        else:
            mine = [e for e in errors if f" {name}:" in e]
            assert mine and all(entry["schema_error"] in e for e in mine), mine
    assert done.stdout.strip().endswith(f"files={len(files)}")


def test_check_gives_the_recorded_results_on_every_file():
    """Any change against baseline.json fails: record an improvement with
    `tools/corpus_score.py --update-baseline` (and say so in docs/check.md)."""
    rows = corpus_score.run(layout=False)
    assert corpus_score.per_file(rows) == BASELINE["static"]["files"], \
        "\n" + corpus_score.text_table([r for r in rows if corpus_score.per_file([r])[r.file]
                                        != BASELINE["static"]["files"].get(r.file)])
    assert corpus_score.figures(rows) == BASELINE["static"]["figures"]


def test_check_layout_gives_the_recorded_results(soffice):
    if "layout" not in BASELINE:
        pytest.fail("no layout baseline: run tools/corpus_score.py --layout --update-baseline")
    rows = corpus_score.run(layout=True)
    assert corpus_score.per_file(rows) == BASELINE["layout"]["files"]


def test_score_script_prints_the_figures():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "corpus_score.py")], capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    figures = BASELINE["static"]["figures"]
    assert f"{figures['breaches_found']}/{figures['breaches_expected']}" in done.stdout
    assert f"false errors (correct half): {figures['false_errors_correct']} " in done.stdout
    for name in TABLE:
        assert name in done.stdout


def test_the_hand_made_fixtures_are_schema_valid_too():
    """tests/fixtures/*.docx (tools/make_fixtures.py) stand for Word files: 0 schema errors."""
    files = sorted((ROOT / "tests" / "fixtures").glob("*.docx"))
    done = subprocess.run([sys.executable, str(VALIDATOR), *map(str, files)], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip().splitlines()[-1] == f"ooxml_errors=0 files={len(files)}", done.stdout[-2000:]


def test_docs_check_md_shows_the_recorded_table_and_figures():
    rows = corpus_score.run(layout=False)
    layout = BASELINE.get("layout", {}).get("figures")
    assert corpus_score.doc_section() == corpus_score.markdown(rows, corpus_score.figures(rows), layout), \
        "run tools/corpus_score.py --update-baseline"
