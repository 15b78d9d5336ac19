"""Pagination (issue 14, point 6), measured in LibreOffice's PDF.

Keep-with-next holds a heading to its first paragraph, "QUYẾT ĐỊNH:" to
Điều 1 and the last body paragraph to the signature band — nothing else; the
band never stands on a page without body text above it; Căn cứ lines break
across pages; no page but the last is left more than a quarter blank.  The
two forms below failed before the fix (a third of page 1 blank; the band
alone on a new page); ``check --layout`` reports both faults.
"""

from __future__ import annotations

import copy
import hashlib
import subprocess
import sys

import pdfplumber
import pytest
import yaml
from lxml import etree

import congvan
from congvan import rules
from congvan.forms import validate_data
from congvan.model import VanBan
from conftest import EXAMPLES, ROOT, to_pdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MM = 72 / 25.4
FIXTURES = ROOT / "tests" / "fixtures" / "pagination"
VALIDATOR = ROOT.parent / "shared" / "tools" / "ooxml_validate.py"
sys.path.insert(0, str(ROOT / "tools"))

CAN_CU = ("Căn cứ Nghị định số {}/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ quy định chi tiết một số"
          " điều của Luật về công tác văn thư")
ARTICLES = (
    "Thành lập Tổ công tác kiểm tra công tác văn thư, lưu trữ năm 2025 gồm các ông (bà) có tên trong danh sách"
    " kèm theo.",
    "Tổ công tác có nhiệm vụ kiểm tra việc soạn thảo, ban hành văn bản và lập hồ sơ, báo cáo kết quả trước ngày"
    " 30/11/2025.",
    "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Nội vụ huyện và"
    " các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
)
CLOSING = ("Các cơ quan, đơn vị, địa phương căn cứ chức năng, nhiệm vụ được giao chủ động triển khai thực hiện, bảo"
           " đảm tiến độ, chất lượng và hiệu quả; định kỳ báo cáo kết quả về Ủy ban nhân dân tỉnh.")


def _form(name: str) -> dict:
    return yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))


def quyet_dinh(can_cu: int) -> VanBan:
    """Example 102 with many Căn cứ and three one-paragraph articles ("Điều 1. text")."""
    data = _form("102-quyet-dinh-thanh-lap-to-cong-tac.yaml")
    data["nguoi_ky"] = {k: v for k, v in data["nguoi_ky"].items() if not k.startswith("anh_")}
    data["can_cu"] = [CAN_CU.format(n + 10) for n in range(can_cu)]
    data["noi_dung"] = [{"dieu": None, "noi_dung": [text]} for text in ARTICLES]
    return validate_data(VanBan, data)


def ke_hoach(extra: int) -> VanBan:
    """Example 003 (17 Nơi nhận lines) with ``extra`` closing paragraphs."""
    data = _form("003-ke-hoach-ubnd-khanh-hoa-2025.yaml")
    data["noi_dung"] = list(data["noi_dung"]) + [CLOSING] * extra
    return validate_data(VanBan, data)


#: name → document; each failed before the fix (measured: see the notes of issue 14).
CASES = {
    "qd-8-can-cu": lambda: quyet_dinh(8),  # was: 37 % of page 1 blank, QUYẾT ĐỊNH: … signature on page 2
    "qd-12-can-cu": lambda: quyet_dinh(12),
    "qd-20-can-cu": lambda: quyet_dinh(20),  # Căn cứ run onto page 2
    "kh-3": lambda: ke_hoach(3),  # was: the band alone on page 7, page 6 30 % blank
    "kh-5": lambda: ke_hoach(5),
    "kh-9": lambda: ke_hoach(9),
}


class Printed:
    """Each page's text lines inside the text area: (top, bottom, text)."""

    def __init__(self, path):
        with pdfplumber.open(path) as pdf:
            self.pages = [self._lines(p) for p in pdf.pages]
            self.height = pdf.pages[0].height

    @staticmethod
    def _lines(page):
        top, bottom = rules.MARGINS_MM["top"] * MM, page.height - rules.MARGINS_MM["bottom"] * MM
        rows: dict[int, list] = {}
        for w in page.extract_words(use_text_flow=True):
            if w["top"] >= top - 2 and w["bottom"] <= bottom + 2:
                rows.setdefault(round(w["top"]), []).append(w)
        return [(min(w["top"] for w in ws), max(w["bottom"] for w in ws),
                 " ".join(w["text"] for w in sorted(ws, key=lambda w: w["x0"]))) for _, ws in sorted(rows.items())]

    def page_of(self, text: str) -> int:
        found = [n for n, lines in enumerate(self.pages) if any(text in t for _, _, t in lines)]
        assert found, f"{text!r} not printed"
        return found[0]

    def blank(self, n: int) -> float:
        area = self.height - (rules.MARGINS_MM["top"] + rules.MARGINS_MM["bottom"]) * MM
        last = max(b for _, b, _ in self.pages[n])
        return (self.height - rules.MARGINS_MM["bottom"] * MM - last) / area

    def above(self, n: int, text: str) -> list[str]:
        top = min(t for t, _, line in self.pages[n] if text in line)
        return [line for _, b, line in self.pages[n] if b <= top + 1]


@pytest.fixture(scope="module")
def printed(soffice, tmp_path_factory):
    out = tmp_path_factory.mktemp("pagination")
    paths = [congvan.render(make(), out / f"{name}.docx") for name, make in CASES.items()]
    return {name: Printed(pdf) for name, pdf in zip(CASES, to_pdf(soffice, paths, out))}


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_page_but_the_last_is_more_than_a_quarter_blank(printed, name):
    pdf = printed[name]
    for n in range(len(pdf.pages) - 1):
        assert pdf.blank(n) <= rules.MAX_BLANK_FRACTION, f"page {n + 1} is {pdf.blank(n):.0%} blank"


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_signature_band_has_body_text_above_it(printed, name):
    pdf = printed[name]
    page = pdf.page_of("Nơi nhận:")
    assert pdf.page_of("Nguyễn Văn Thành" if name.startswith("qd") else "Nguyễn Tân Tuấn") == page
    assert pdf.above(page, "Nơi nhận:"), f"the band stands alone on page {page + 1}"
    assert pdf.page_of("./.") == page  # the last body lines are on the band's page


@pytest.mark.parametrize("name", ["qd-8-can-cu", "qd-12-can-cu", "qd-20-can-cu"])
def test_quyet_dinh_stays_with_dieu_1_and_articles_flow(printed, name):
    pdf = printed[name]
    assert pdf.page_of("QUYẾT ĐỊNH:") == pdf.page_of("Điều 1.")
    if name == "qd-8-can-cu":  # was: everything from QUYẾT ĐỊNH: on page 2
        assert pdf.page_of("QUYẾT ĐỊNH:") == 0


def test_can_cu_lines_break_across_pages(printed):
    pdf = printed["qd-20-can-cu"]
    pages = {pdf.page_of(CAN_CU.format(n + 10)[:40]) for n in range(20)}
    assert pages == {0, 1}


@pytest.mark.parametrize("name", ["kh-3", "kh-5", "kh-9"])
def test_a_long_noi_nhan_continues_under_the_signer(printed, name):
    """The band's signer stays in one piece; the Nơi nhận list may run over the page, in order."""
    pdf = printed[name]
    signer = [pdf.page_of(text) for text in ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Tân Tuấn")]
    assert len(set(signer)) == 1
    lines = [line for page in pdf.pages for _, _, line in page]
    order = [next(i for i, line in enumerate(lines) if text in line)
             for text in ("Nơi nhận:", "Ban Chỉ đạo 138/CP", "Lãnh đạo Văn phòng UBND", "Lưu: VT")]
    assert order == sorted(order)


# --- the DOCX: which paragraphs hold to the next ------------------------------------


def _body(doc: VanBan):
    import zipfile, io  # noqa: E401

    with zipfile.ZipFile(io.BytesIO(congvan.render_bytes(doc))) as z:
        return etree.fromstring(z.read("word/document.xml")), etree.fromstring(z.read("word/styles.xml"))


def _keep(p, styles) -> bool:
    own = p.find(f"{W}pPr/{W}keepNext")
    if own is not None:
        return own.get(f"{W}val") not in ("0", "false")
    style = p.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
    node = styles.find(f"{W}style[@{W}styleId='{style}']/{W}pPr/{W}keepNext")
    return node is not None


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def test_only_headings_quyet_dinh_and_the_last_paragraph_keep_with_next():
    document, styles = _body(quyet_dinh(3))
    paras = [p for p in document.find(f"{W}body").iterchildren(f"{W}p") if _text(p).strip()]
    kept = [_text(p) for p in paras if _keep(p, styles)]
    texts = [_text(p) for p in paras]
    assert any(t.startswith("Căn cứ") for t in texts)
    assert not any(t.startswith("Căn cứ") for t in kept)  # Căn cứ may break across pages
    assert "QUYẾT ĐỊNH:" in kept
    articles = [t for t in kept if t.startswith("Điều")]
    assert articles == [texts[-1]] and texts[-1].startswith("Điều 3.")  # only the last, held to the band


def test_in_a_long_text_only_headings_keep_with_next():
    """Mẫu 1.3 (chapters, titled articles, khoản): every paragraph held to the
    next is a heading — an element whose rule keeps it, and for an article a
    title line all in bold — except the last, held to the signature band."""
    doc = congvan.load(EXAMPLES / "103-quyet-dinh-ban-hanh-quy-che.yaml")
    document, styles = _body(doc)
    headings = {key for key, el in rules.ELEMENTS.items() if el.keep_with_next}
    before_band = [p for p in document.find(f"{W}body").iterchildren(f"{W}p")
                   if (p.getnext() is not None and p.getnext().tag == f"{W}tbl" and _text(p).endswith("./."))]
    assert len(before_band) == 1 and _keep(before_band[0], styles)
    kept = [p for p in document.iter(f"{W}p") if _text(p).strip() and _keep(p, styles) and p is not before_band[0]]
    assert len(kept) > 5
    for p in kept:
        style = p.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
        assert style in headings, _text(p)
        if style == "dieu":
            runs = [r for r in p.iter(f"{W}r") if (r.findtext(f"{W}t") or "").strip()]
            assert all(r.find(f"{W}rPr/{W}b") is not None for r in runs), _text(p)


def test_widow_control_and_the_bands_rows():
    document, styles = _body(ke_hoach(0))
    assert styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr/{W}widowControl") is not None
    band = document.find(f"{W}body").findall(f"{W}tbl")[-1]
    rows = band.findall(f"{W}tr")
    assert len(rows) == 2
    assert rows[0].find(f"{W}trPr/{W}cantSplit") is not None  # the signer never splits
    assert rows[1].find(f"{W}trPr/{W}cantSplit") is None  # the rest of Nơi nhận may
    assert "Nguyễn Tân Tuấn" in _text(rows[0]) and "Lưu: VT" in _text(rows[1])
    short = congvan.load(EXAMPLES / "000-cong-van-bcd-dak-lak-2022.yaml")
    assert len(_body(short)[0].find(f"{W}body").findall(f"{W}tbl")[-1].findall(f"{W}tr")) == 1


@pytest.mark.skipif(not VALIDATOR.exists(), reason="the Word-strict validator is in ../shared/tools")
def test_the_split_band_is_valid_ooxml(tmp_path):
    path = congvan.render(ke_hoach(3), tmp_path / "kh.docx")
    done = subprocess.run([sys.executable, str(VALIDATOR), str(path)], capture_output=True, text=True)
    assert "ooxml_errors=0" in done.stdout, done.stdout[-2000:]


# --- check --layout: the fixtures ------------------------------------------------------

#: file → the pagination findings it must yield (exactly these).
LAYOUT = {
    "trang-sach-hai-trang.docx": set(),
    "trang-khoi-ky-mot-minh.docx": {"ban-in.khoi-ky"},
    "trang-trong-mot-nua.docx": {"ban-in.trang-trong"},
}


def test_fixtures_equal_a_fresh_build():
    from make_pagination_fixtures import FIXTURES as SPECS, build

    assert set(SPECS) == set(LAYOUT) == {p.name for p in FIXTURES.glob("*.docx")}
    for name, spec in SPECS.items():
        assert hashlib.sha256(build(*spec)).digest() == hashlib.sha256((FIXTURES / name).read_bytes()).digest(), name


@pytest.mark.parametrize("name", sorted(LAYOUT))
def test_fixtures_are_schema_valid_as_word_writes_them(name):
    done = subprocess.run([sys.executable, str(VALIDATOR), str(FIXTURES / name)], capture_output=True, text=True)
    assert "ooxml_errors=0" in done.stdout, done.stdout[-2000:]


@pytest.mark.parametrize("name", sorted(LAYOUT))
def test_fixtures_break_no_rule_of_the_docx_itself(name):
    assert congvan.check(FIXTURES / name).findings == []


def test_check_layout_reports_pagination_faults(soffice):
    names = sorted(LAYOUT)
    reports = congvan.check_all([FIXTURES / n for n in names], layout=True)
    for name, report in zip(names, reports):
        found = {f.rule for f in report.findings if f.rule in ("ban-in.khoi-ky", "ban-in.trang-trong")}
        assert found == LAYOUT[name], [(f.rule, f.where, f.found) for f in report.findings]
        assert not {n.rule for n in report.not_evaluated} & {"ban-in.khoi-ky", "ban-in.trang-trong"}
    khoi_ky = next(f for f in reports[names.index("trang-khoi-ky-mot-minh.docx")].findings if f.rule == "ban-in.khoi-ky")
    assert khoi_ky.where.startswith("trang 2") and khoi_ky.severity == "warning" and "Mục IV" in khoi_ky.clause
    trong = next(f for f in reports[names.index("trang-trong-mot-nua.docx")].findings if f.rule == "ban-in.trang-trong")
    assert trong.where.startswith("trang 1") and int(trong.found.rstrip("%")) > 25


def test_rendered_forms_that_used_to_fail_pass_check_layout(soffice):
    reports = congvan.check_all([congvan.render_bytes(CASES[n]()) for n in ("qd-8-can-cu", "kh-3")], layout=True)
    for report in reports:
        assert not [f for f in report.findings if f.rule in ("ban-in.khoi-ky", "ban-in.trang-trong")]


def test_a_template_without_the_continuation_row_keeps_every_recipient(tmp_path):
    """A clerk's template made before the band could split (no noi_nhan_more tag):
    the whole Nơi nhận stays in its one row, nothing is lost."""
    import io
    import re
    import zipfile

    from congvan.docx.writer import template_path

    source = template_path("1.4")
    with zipfile.ZipFile(source) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    rows = re.findall(r"<w:tr>(?:(?!<w:tr>).)*?noi_nhan_more(?:(?!<w:tr>).)*?</w:tr>", xml, re.S)
    endif = re.findall(r"<w:tr>(?:(?!<w:tr>).)*?\{%tr endif %\}(?:(?!<w:tr>).)*?</w:tr>", xml, re.S)
    assert len(rows) == 2 and endif
    for row in rows + endif[-1:]:
        xml = xml.replace(row, "", 1)
    parts["word/document.xml"] = xml.encode("utf-8")
    old = tmp_path / "mau-cu.docx"
    with zipfile.ZipFile(old, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    doc = ke_hoach(3)
    document = etree.fromstring(zipfile.ZipFile(io.BytesIO(congvan.render_bytes(doc, old))).read("word/document.xml"))
    band = document.find(f"{W}body").findall(f"{W}tbl")[-1]
    assert len(band.findall(f"{W}tr")) == 1
    text = _text(band)
    assert "Ban Chỉ đạo 138/CP" in text and "Lưu: VT" in text and "Nguyễn Tân Tuấn" in text
