"""The checker on files made outside congvan (tests/fixtures/rules, written by
tools/make_rule_fixtures.py as Word and LibreOffice write OOXML; the corpus of
tests/fixtures/corpus): no false error on a correct file, each newly checked
rule caught, documents NĐ 30 does not govern set apart, and a --fix that
changes nothing but the runs it mends."""

from __future__ import annotations

import difflib
import hashlib
import subprocess
import sys
import zipfile

import pytest
from lxml import etree

import congvan
from conftest import EXAMPLES, ROOT
from test_check import run_cli

RULES_DIR = ROOT / "tests" / "fixtures" / "rules"
sys.path.insert(0, str(ROOT / "tools"))
import make_rule_fixtures as made  # noqa: E402

OUT_OF_SCOPE = "pham-vi"  # in the table: the file gets the out-of-scope notice, no finding
NEW_RULES = ("so-trich-yeu-6pt", "quoc-hieu-gian-dong", "gian-dong-exact", "ky-thay-chuc-vu", "duong-ke-trich-yeu",
             "co-chu.dong-bo")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
VALIDATOR = ROOT.parent / "shared" / "tools" / "ooxml_validate.py"


def _errors(report) -> set[str]:
    return {f.rule for f in report.errors}


def test_committed_rule_fixtures_equal_a_fresh_build():
    assert {p.name for p in RULES_DIR.glob("*.docx")} == set(made.FIXTURES)
    for name, (spec, _) in made.FIXTURES.items():
        assert hashlib.sha256(made.build(spec)).digest() == hashlib.sha256((RULES_DIR / name).read_bytes()).digest(), \
            f"{name}: run tools/make_rule_fixtures.py"


@pytest.mark.skipif(not VALIDATOR.exists(), reason="../shared/tools/ooxml_validate.py is not beside the repository")
def test_rule_fixtures_are_schema_valid():
    done = subprocess.run([sys.executable, str(VALIDATOR), *map(str, sorted(RULES_DIR.glob("*.docx")))],
                          capture_output=True, text=True, timeout=300)
    assert done.stdout.strip().endswith(f"ooxml_errors=0 files={len(made.FIXTURES)}"), done.stdout[-2000:]


@pytest.mark.parametrize("name", sorted(made.FIXTURES))
def test_each_rule_fixture_yields_exactly_its_errors(name):
    report = congvan.check(RULES_DIR / name)
    expected = made.FIXTURES[name][1]
    if OUT_OF_SCOPE in expected:
        assert report.out_of_scope and report.findings == [] and not report.ok
        assert report.scope.vi and report.scope.en and report.scope.vi != report.scope.en
        return
    assert not report.out_of_scope
    assert _errors(report) | ({f.rule for f in report.findings} & expected) == expected, \
        "\n".join(f"{f.rule}: {f.where}: {f.found}: {f.message_en}" for f in report.findings)


@pytest.mark.parametrize("rule", NEW_RULES)
def test_each_new_rule_has_a_failing_and_a_passing_fixture(rule):
    failing = [n for n, (_, want) in made.FIXTURES.items() if rule in want]
    assert failing, f"no fixture breaches {rule}"
    judged = []
    for name, (_, want) in made.FIXTURES.items():
        if want:
            continue
        report = congvan.check(RULES_DIR / name)
        if rule not in {n.rule for n in report.not_evaluated + report.not_applicable}:
            judged.append(name)
            assert rule not in {f.rule for f in report.findings}, name
    assert judged, f"no correct fixture where {rule} is judged"
    from congvan.checker.registry import BY_ID

    assert BY_ID[rule].clause.startswith("Phụ lục I")


def test_the_new_rules_name_the_element_and_file_it_under_its_box():
    report = congvan.check(RULES_DIR / "so-trich-yeu-sat.docx")
    (finding,) = report.findings
    assert finding.o == 5 and "V/v" in finding.where and finding.found == "0 pt" and finding.required == "6 pt"
    (finding,) = congvan.check(RULES_DIR / "kt-thieu-chuc-vu.docx").findings
    assert finding.o == 7 and "KT. GIÁM ĐỐC" in finding.where and "PHÓ GIÁM ĐỐC" in finding.message_vi
    (finding,) = congvan.check(RULES_DIR / "co-chu-chu-ky-lech.docx").findings
    assert finding.o == 7 and "13 pt, 14 pt" in finding.found


def test_a_rule_paragraph_is_named_as_the_rule_not_an_empty_paragraph():
    report = congvan.check(ROOT / "tests" / "fixtures" / "duong-ke-co-quan-dai.docx")
    (finding,) = report.findings
    assert "the rule under the agency name" in finding.where and "“”" not in finding.where


# --- congvan's own output with every optional mark ------------------------------------------------

OPTIONAL = [{"do_khan": "hoa-toc"}, {"do_khan": "thuong-khan", "do_mat": "mat"}, {"do_mat": "tuyet-mat"},
            {"luu_hanh": "Lưu hành nội bộ"}, {"do_khan": "khan", "do_mat": "toi-mat", "luu_hanh": "Xem xong trả lại"}]


@pytest.mark.parametrize("extra", OPTIONAL, ids=lambda e: "-".join(f"{k}={v}" for k, v in e.items()))
def test_congvan_marks_pass_and_fix_leaves_them_alone(extra, tmp_path):
    """Issue 15: the HỎA TỐC box under the V/v was read as part of it, and --fix made it 13 pt, not bold."""
    doc = congvan.load(EXAMPLES / "000-cong-van-bcd-dak-lak-2022.yaml")
    data = congvan.render_bytes(doc.model_validate({**doc.model_dump(exclude_none=True, by_alias=True), **extra}))
    report = congvan.check(data)
    assert report.ok, [(f.rule, f.where, f.message_en) for f in report.findings]
    source = tmp_path / "cv.docx"
    source.write_bytes(data)
    result = congvan.fix(source, tmp_path / "sua.docx")
    assert result.fixed == []
    before, after = (zipfile.ZipFile(p).read("word/document.xml") for p in (source, tmp_path / "sua.docx"))
    assert etree.tostring(etree.fromstring(before), method="c14n") == etree.tostring(etree.fromstring(after),
                                                                                      method="c14n")


def test_a_multi_line_agency_name_with_a_shorter_last_line_passes():
    doc = congvan.load(EXAMPLES / "000-cong-van-bcd-dak-lak-2022.yaml")
    data = congvan.render_bytes(doc)
    assert "\n" in doc.co_quan_ban_hanh.ten and congvan.check(data).ok


# --- documents NĐ 30 does not govern --------------------------------------------------------------------

def test_out_of_scope_exit_code_3_and_fix_refuses(tmp_path):
    party = RULES_DIR / "dang-cong-van.docx"
    done = run_cli("check", party)
    assert done.returncode == 3 and "OUT OF SCOPE" in done.stdout and "Hướng dẫn 36" in done.stdout
    assert "Ô số" not in done.stdout  # no NĐ 30 finding at all
    out = tmp_path / "sua.docx"
    done = run_cli("check", "--fix", "-o", out, party)
    assert done.returncode == 3 and not out.exists() and "not fixed" in done.stderr
    with pytest.raises(congvan.CongVanError):
        congvan.fix(party, out)
    assert "3 " in run_cli("check", "--help").stdout.split("exit codes:")[1]
    # an error elsewhere in the batch outranks the notice
    assert run_cli("check", party, ROOT / "tests" / "fixtures" / "thang-03.docx").returncode == 1


def test_out_of_scope_in_json():
    import json

    data = json.loads(run_cli("check", "--format", "json", RULES_DIR / "thu-khong-quoc-hieu.docx").stdout)
    report = data["reports"][0]
    assert report["out_of_scope"]["kind"] == "khong-quoc-hieu" and report["ok"] is False and report["findings"] == []


# --- --fix never harms -------------------------------------------------------------------------------------

def _shape(data: bytes) -> dict:
    """What --fix must not change: per part, the count of each structural element, and every paragraph's text."""
    kinds = {"p": f"{{{W}}}p", "tbl": f"{{{W}}}tbl", "tc": f"{{{W}}}tc", "drawing": f"{{{W}}}drawing",
             "pict": f"{{{W}}}pict", "fldChar": f"{{{W}}}fldChar", "fldSimple": f"{{{W}}}fldSimple",
             "instrText": f"{{{W}}}instrText", "sectPr": f"{{{W}}}sectPr", "ins": f"{{{W}}}ins", "del": f"{{{W}}}del",
             "txbx": f"{{{W}}}txbxContent", "br": f"{{{W}}}br", "tab": f"{{{W}}}tab"}
    out = {}
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        names = sorted(n for n in z.namelist() if n.startswith("word/") and n.endswith(".xml"))
        for name in names:
            root = etree.fromstring(z.read(name))
            counts = {k: sum(1 for _ in root.iter(tag)) for k, tag in kinds.items()}
            paras = list(root.iter(f"{{{W}}}p"))  # held, so each element keeps one proxy
            own: dict = {p: [] for p in paras}  # a paragraph's own text, not that of its text boxes
            for node in root.iter(f"{{{W}}}t", f"{{{W}}}delText", f"{{{W}}}instrText"):
                holder = next((a for a in node.iterancestors(f"{{{W}}}p")), None)
                if holder is not None:
                    own[holder].append(node.text or "")
            texts = ["".join(own[p]) for p in paras]
            out[name] = (counts, texts)
        out["parts"] = names
    return out


#: Text edits --fix may make (a leading 0, a month's 0, "V/v", a type abbreviation, a marker's dot): ≤ 2 characters.
MAX_EDIT = 2


def _corpus_and_fixtures():
    files = sorted((ROOT / "tests" / "fixtures").glob("*.docx")) + sorted(RULES_DIR.glob("*.docx"))
    files += sorted((ROOT / "tests" / "fixtures" / "corpus").glob("*.docx"))
    return files


@pytest.mark.parametrize("path", _corpus_and_fixtures(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fix_changes_nothing_outside_the_runs_it_fixes(path, tmp_path):
    before = congvan.check(path)
    if before.out_of_scope:
        return
    out = tmp_path / "sua.docx"
    result = congvan.fix(path, out)
    fixed_rules = {f.rule for f in result.fixed}
    # re-checked: nothing new appears, and what --fix claims to fix is gone
    after = congvan.check(out)
    assert {(f.rule, f.found) for f in after.findings} <= {(f.rule, f.found) for f in before.findings}, \
        [(f.rule, f.where, f.found) for f in after.findings]
    assert not {f.rule for f in after.findings if f.fixable} & fixed_rules - {f.rule for f in result.remaining}
    old, new = _shape(path.read_bytes()), _shape(out.read_bytes())
    assert old["parts"] == new["parts"]
    text_fixes = sum(1 for f in result.fixed if f.rule in ("o3.so-ky-hieu", "o4.dia-danh-ngay", "o5.vv",
                                                             "o7.quyen-han"))
    changed = 0
    for part in old["parts"]:
        (old_counts, old_texts), (new_counts, new_texts) = old[part], new[part]
        assert old_counts == new_counts, (part, old_counts, new_counts)
        for a, b in zip(old_texts, new_texts):
            if a != b:
                changed += 1
                edit = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in
                           difflib.SequenceMatcher(None, a, b).get_opcodes() if op != "equal")
                assert edit <= MAX_EDIT, (part, a, b)
    # each text fix edits one paragraph, and its twin copy in an mc:Fallback text box
    assert changed <= 2 * text_fixes, (changed, text_fixes)


def test_fix_mends_the_fallback_copy_of_a_text_box(tmp_path):
    out = tmp_path / "sua.docx"
    result = congvan.fix(RULES_DIR / "hop-ngay-8.docx", out)
    assert [f.rule for f in result.fixed] == ["o4.dia-danh-ngay"] and result.remaining == []
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    mc = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
    for branch in ("Choice", "Fallback"):
        texts = ["".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for node in root.iter(f"{mc}{branch}")
                 for p in node.iter(f"{{{W}}}p")]
        assert "Khánh Hòa, ngày 08 tháng 9 năm 2025" in texts, branch


def test_fix_mends_a_number_split_across_runs(tmp_path):
    out = tmp_path / "sua.docx"
    result = congvan.fix(RULES_DIR / "so-5-tach.docx", out)
    assert [f.rule for f in result.fixed] == ["o3.so-ky-hieu"] and result.remaining == []
    runs = [t.text for t in etree.fromstring(zipfile.ZipFile(out).read("word/document.xml")).iter(f"{{{W}}}t")]
    at = runs.index("Số: ")
    assert runs[at:at + 3] == ["Số: ", "05", "/SNV-VP"]


def test_fix_mends_a_date_split_across_runs_in_the_digit_run(tmp_path):
    out = tmp_path / "sua.docx"
    result = congvan.fix(RULES_DIR / "ngay-5-tach.docx", out)
    assert [f.rule for f in result.fixed] == ["o4.dia-danh-ngay"]
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    runs = [t.text for t in root.iter(f"{{{W}}}t")]
    at = runs.index("Khánh Hòa, ngày ")
    assert runs[at:at + 4] == ["Khánh Hòa, ngày ", "08", " tháng ", "9 năm 2025"]


@pytest.mark.skipif(not VALIDATOR.exists(), reason="../shared/tools/ooxml_validate.py is not beside the repository")
def test_fixed_files_stay_schema_valid(tmp_path):
    outs = []
    for name, (_, want) in made.FIXTURES.items():
        if want and OUT_OF_SCOPE not in want:
            outs.append(tmp_path / name)
            congvan.fix(RULES_DIR / name, outs[-1])
    done = subprocess.run([sys.executable, str(VALIDATOR), *map(str, outs)], capture_output=True, text=True,
                          timeout=300)
    assert done.stdout.strip().endswith(f"ooxml_errors=0 files={len(outs)}"), done.stdout[-2000:]


# --- --layout: the printed page ----------------------------------------------------------------------

def test_layout_agrees_and_reports_each_defect_once(soffice):
    """Every rule fixture printed in one office run: the same errors as without --layout (the
    PDF's measure replacing the DOCX estimate of a rule), rules under the agency filed under ô 2,
    page numbers centred against the document's own 30/20 mm margins, a multi-line agency name's
    rule found under its last line."""
    names = sorted(made.FIXTURES)
    for name, report in zip(names, congvan.check_all([RULES_DIR / n for n in names], layout=True)):
        expected = made.FIXTURES[name][1]
        if OUT_OF_SCOPE in expected:
            assert report.out_of_scope
            continue
        assert _errors(report) | ({f.rule for f in report.findings} & expected) == expected, \
            (name, [(f.rule, f.where, f.found) for f in report.findings])
        assert not {n.rule for n in report.not_evaluated} & {"ban-in.duong-ke", "ban-in.so-trang"}, \
            (name, [(n.rule, n.reason_en) for n in report.not_evaluated])


def test_a_rule_defect_is_reported_once_with_layout_under_its_box(soffice):
    """Seen in the DOCX and on the PDF: one finding, the DOCX's (it names the element); seen
    only on the PDF: the PDF's, filed under the element's ô."""
    report = congvan.check(ROOT / "tests" / "fixtures" / "duong-ke-co-quan-dai.docx", layout=True)
    (finding,) = report.findings
    assert finding.rule == "o2.duong-ke" and finding.o == 2 and "agency name" in finding.where
    report = congvan.check(ROOT / "tests" / "fixtures" / "so-trang-trang-1.docx", layout=True)
    assert [f.rule for f in report.findings] == ["trang.so-trang"]
    from congvan.checker.context import Ctx
    from congvan.checker.layout import _one_per_defect

    ctx = Ctx(None, None)
    ctx.breach("ban-in.duong-ke", "w", "f", "r", "vi", "en", o=2)
    _one_per_defect(ctx, 0, "o2.duong-ke", True)
    assert [(f.rule, f.o) for f in ctx.findings] == [("ban-in.duong-ke", 2)]


def test_congvan_multi_line_agency_passes_on_the_printed_page(soffice):
    doc = congvan.load(EXAMPLES / "000-cong-van-bcd-dak-lak-2022.yaml")
    data = doc.model_dump(exclude_none=True, by_alias=True)
    data["co_quan_ban_hanh"]["ten"] = "Trung tâm Công nghệ thông tin\nTỉnh"  # the last line far shorter
    report = congvan.check(congvan.render_bytes(doc.model_validate(data)), layout=True)
    assert report.ok and "ban-in.duong-ke" not in {n.rule for n in report.not_evaluated}, \
        ([(f.rule, f.where) for f in report.findings], [(n.rule, n.reason_en) for n in report.not_evaluated])


def test_fix_refuses_a_run_that_holds_both_halves_of_a_tab_line():
    """"SỞ NỘI VỤ<tab>Độc lập …" typed in one run: bolding the agency half would bold the motto too."""
    from congvan.checker import edits
    from congvan.checker.locate import split_tabs
    from congvan.checker.view import Para, Run

    element = etree.fromstring(f'<w:r xmlns:w="{W}"><w:t>SỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc</w:t></w:r>')
    run = Run("SỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc", 13, False, False, False, {}, element)
    para = Para(0, [run], "", "", "left", 0, 0, 0, 0, 0, 1.0, False, ("body",), element)
    left, right = split_tabs(para)
    assert left.text == "SỞ NỘI VỤ" and right.text.startswith("Độc lập")
    assert edits.set_runs(left, bold=True) is None and edits.set_runs(right, size=14) is None
    alone = Run("SỞ NỘI VỤ", 13, False, False, False, {}, element)
    assert edits.set_runs(Para(0, [alone], "", "", "left", 0, 0, 0, 0, 0, 1.0, False, ("body",), element),
                          bold=True) is not None
