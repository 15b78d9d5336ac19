"""Hand-made DOCX (tests/fixtures, built by tools/make_fixtures.py the way Word
users make them): each broken file yields exactly its expected finding, the
clean ones none; --fix repairs the mechanical breaches and leaves the original."""

from __future__ import annotations

import hashlib
import sys

import pytest

import congvan
from conftest import ROOT
from test_check import run_cli

FIXTURES = ROOT / "tests" / "fixtures"
sys.path.insert(0, str(ROOT / "tools"))

#: file → the rules it breaks (exactly these, nothing else).
EXPECTED = {
    "sach-bang.docx": set(),  # header as a table
    "sach-hop-van-ban.docx": set(),  # header in two text boxes
    "sach-tab.docx": set(),  # header typed with tabs, rules drawn as line shapes
    "sach-to-trinh.docx": set(),  # a typed document: type name and subject instead of V/v
    "kho-letter.docx": {"trang.kho-giay"},
    "le-trai-25.docx": {"trang.le"},
    "phong-arial.docx": {"phong-chu"},
    "so-trang-trang-1.docx": {"trang.so-trang"},
    "quoc-hieu-khong-dam.docx": {"o1.quoc-hieu"},
    "tieu-ngu-gach-dai.docx": {"o1.tieu-ngu"},
    "thieu-duong-ke-tieu-ngu.docx": {"o1.duong-ke"},
    "chu-quan-dam.docx": {"o2.chu-quan"},
    "duong-ke-co-quan-dai.docx": {"o2.duong-ke"},
    "so-khong-dem.docx": {"o3.so-ky-hieu"},
    "ky-hieu-ttr-in-hoa.docx": {"o3.so-ky-hieu"},
    "thang-03.docx": {"o4.dia-danh-ngay"},
    "ngay-5.docx": {"o4.dia-danh-ngay"},
    "co-chu-lech.docx": {"co-chu.dong-bo"},
    "vv-in-hoa.docx": {"o5.vv"},
    "kinh-gui-thieu-hai-cham.docx": {"o9a.kinh-gui"},
    "noi-dung-canh-trai.docx": {"o6.noi-dung"},
    "khong-thut-dong.docx": {"o6.thut-dong"},
    "noi-dung-co-12.docx": {"o6.noi-dung"},
    "thieu-ket-thuc.docx": {"o6.ket-thuc"},
    "kt-thieu-cham.docx": {"o7.quyen-han"},
    "ho-ten-khong-dam.docx": {"o7.ho-ten"},
    "nhan-noi-nhan-thuong.docx": {"o9b.nhan"},
    "noi-nhan-thieu-cham-phay.docx": {"o9b.dong"},
    "thieu-dong-luu.docx": {"o9b.dong"},
}
#: What the offending text is, so a finding is not just any finding of that rule.
FOUND = {
    "thang-03.docx": "tháng 03", "ngay-5.docx": "ngày 5", "so-khong-dem.docx": "5/", "ky-hieu-ttr-in-hoa.docx": "TTR",
    "le-trai-25.docx": "25", "phong-arial.docx": "Arial", "kt-thieu-cham.docx": "KT", "vv-in-hoa.docx": "V/V",
    "kho-letter.docx": "216", "noi-dung-co-12.docx": "12", "tieu-ngu-gach-dai.docx": "–",
}
#: Fixable breaches that --fix must clear completely.
FIXABLE = ["kho-letter.docx", "le-trai-25.docx", "phong-arial.docx", "quoc-hieu-khong-dam.docx", "chu-quan-dam.docx",
           "so-khong-dem.docx", "thang-03.docx", "ngay-5.docx", "vv-in-hoa.docx", "noi-dung-canh-trai.docx",
           "khong-thut-dong.docx", "noi-dung-co-12.docx", "ho-ten-khong-dam.docx", "nhan-noi-nhan-thuong.docx"]


def test_the_table_covers_every_fixture():
    assert {p.name for p in FIXTURES.glob("*.docx")} == set(EXPECTED)


def test_committed_fixtures_equal_a_fresh_build():
    import make_fixtures

    for name, spec in make_fixtures.FIXTURES.items():
        fresh = make_fixtures.build(spec)
        assert hashlib.sha256(fresh).digest() == hashlib.sha256((FIXTURES / name).read_bytes()).digest(), \
            f"{name}: run tools/make_fixtures.py"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_fixture_yields_exactly_its_finding(name):
    report = congvan.check(FIXTURES / name)
    assert {f.rule for f in report.findings} == EXPECTED[name], \
        "\n".join(f"{f.rule}: {f.where}: {f.found}: {f.message_en}" for f in report.findings)
    for finding in report.findings:
        assert finding.where and finding.required and finding.clause.startswith(("Phụ lục I", "Phụ lục III"))
        assert finding.message_vi and finding.message_en and finding.message_vi != finding.message_en
    if name in FOUND:
        assert any(FOUND[name] in f.found for f in report.findings), [f.found for f in report.findings]


@pytest.mark.parametrize("name", [n for n in EXPECTED if n.startswith("sach")])
def test_clean_files_are_judged_not_skipped(name):
    """No finding must mean the elements were found and judged."""
    report = congvan.check(FIXTURES / name)
    skipped = {n.rule for n in report.not_evaluated}
    judged = {"trang.le", "phong-chu", "o1.quoc-hieu", "o1.tieu-ngu", "o1.duong-ke", "o2.chu-quan", "o2.ban-hanh",
              "o2.duong-ke", "o3.so-ky-hieu", "o4.dia-danh-ngay", "o6.noi-dung", "o6.thut-dong", "o7.quyen-han",
              "o7.ho-ten", "o9b.nhan", "o9b.dong", "trang.so-trang"}
    assert not judged & skipped, judged & skipped


def test_warning_alone_exits_0_and_error_exits_1():
    assert run_cli("check", FIXTURES / "thieu-ket-thuc.docx").returncode == 0
    done = run_cli("check", FIXTURES / "thang-03.docx")
    assert done.returncode == 1
    assert "tháng 03" in done.stdout and "Ô số 4" in done.stdout and "Mục II.4" in done.stdout


@pytest.mark.parametrize("name", FIXABLE)
def test_fix_clears_mechanical_breaches_and_keeps_the_original(name, tmp_path):
    before = (FIXTURES / name).read_bytes()
    result = congvan.fix(FIXTURES / name, tmp_path / "sua.docx")
    assert (FIXTURES / name).read_bytes() == before
    assert result.remaining == [] and {f.rule for f in result.fixed} == EXPECTED[name]
    assert congvan.check(tmp_path / "sua.docx").ok
    import docx

    docx.Document(str(tmp_path / "sua.docx"))  # still a DOCX python-docx opens


def test_fix_lists_what_it_cannot_fix(tmp_path):
    result = congvan.fix(FIXTURES / "thieu-dong-luu.docx", tmp_path / "sua.docx")
    assert [f.rule for f in result.remaining] == ["o9b.dong"] and result.fixed == []


def test_cli_fix_writes_a_copy(tmp_path):
    out = tmp_path / "da-sua.docx"
    done = run_cli("check", "--fix", "-o", out, FIXTURES / "le-trai-25.docx")
    assert out.exists() and "đã sửa / fixed: 1" in done.stdout
    assert congvan.check(out).ok


def test_fix_refuses_to_overwrite_the_original(tmp_path):
    copy = tmp_path / "a.docx"
    copy.write_bytes((FIXTURES / "le-trai-25.docx").read_bytes())
    with pytest.raises(congvan.CongVanError):
        congvan.fix(copy, copy)
    assert copy.read_bytes() == (FIXTURES / "le-trai-25.docx").read_bytes()


#: What check --layout reports (through LibreOffice), each defect once: a rule measured on the PDF
#: under its ban-in id (replacing the DOCX estimate), page numbers by the DOCX's exact reading.
LAYOUT = {"sach-bang.docx": set(), "sach-hop-van-ban.docx": set(), "sach-tab.docx": set(),
          "duong-ke-co-quan-dai.docx": {"ban-in.duong-ke"}, "thieu-duong-ke-tieu-ngu.docx": {"ban-in.duong-ke"},
          "so-trang-trang-1.docx": {"trang.so-trang"}}


@pytest.mark.parametrize("name", sorted(LAYOUT))
def test_layout_measures_agree_with_the_docx(name, soffice):
    report = congvan.check(FIXTURES / name, layout=True)
    assert {f.rule for f in report.findings} == LAYOUT[name], [(f.rule, f.found, f.message_en) for f in report.findings]
    assert not {n.rule for n in report.not_evaluated} & {"ban-in.duong-ke", "ban-in.so-trang"}


def test_a_folder_is_printed_in_one_office_run(soffice, tmp_path, monkeypatch):
    """check_all(..., layout=True): one batch conversion; an unreadable file keeps its place."""
    import congvan.pdf

    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 not really")
    monkeypatch.setattr(congvan.pdf, "docx_bytes_to_pdf", lambda *a, **k: pytest.fail("converted one by one"))
    names = ["so-trang-trang-1.docx", "sach-tab.docx", "thieu-duong-ke-tieu-ngu.docx"]
    results = congvan.check_all([bad, *(FIXTURES / n for n in names)], layout=True)
    assert isinstance(results[0], congvan.UnreadableDocument)
    for name, report in zip(names, results[1:]):
        assert report.file.endswith(name)
        assert {f.rule for f in report.findings} == LAYOUT[name]
        assert not {n.rule for n in report.not_evaluated} & {"ban-in.duong-ke", "ban-in.so-trang"}


def test_cli_checks_several_files_and_exits_2_if_one_is_unreadable(tmp_path):
    bad = tmp_path / "ghi-chu.docx"
    bad.write_text("không phải DOCX", encoding="utf-8")
    done = run_cli("check", FIXTURES / "sach-bang.docx", bad, FIXTURES / "thang-03.docx")
    assert done.returncode == 2
    assert done.stdout.index("sach-bang.docx") < done.stdout.index("thang-03.docx")
    assert "tháng 03" in done.stdout and "ghi-chu.docx" in done.stderr


def test_each_check_names_fixtures_that_breach_it():
    """The fixture names written beside each check (``@check(rule, *fixtures)``) exist and yield that rule."""
    from congvan.checker.checks import FIXTURES as NAMED

    for rule, names in NAMED.items():
        for name in names:
            path = FIXTURES / name if (FIXTURES / name).exists() else FIXTURES / "rules" / name
            assert rule in {f.rule for f in congvan.check(path).findings}, (rule, name)
