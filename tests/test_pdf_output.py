"""PDF output as users get it: `congvan render -o x.pdf`, `--pdf`, `--pdfa`,
`congvan preview`, and every example laid out by LibreOffice (A4, serif glyphs
only, page numbers from page 2).  Never skipped in CI (see conftest.soffice)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

import congvan
from congvan import rules
from congvan.pdf import Office
from conftest import EXAMPLES

MM = 72 / 25.4
FORMS = sorted(EXAMPLES.glob("[0-9]*.yaml"))


def cli(*args, cwd, env=None):
    return subprocess.run([sys.executable, "-m", "congvan", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def example_pdfs(soffice, tmp_path_factory):
    """Every example, through one office process."""
    out = tmp_path_factory.mktemp("examples")
    docx = [congvan.render(congvan.load(form), out / f"{form.stem}.docx") for form in FORMS]
    with Office() as office:
        pdfs = office.convert_all([(d, d.with_suffix(".pdf")) for d in docx])
    opened = {p.stem: pdfplumber.open(p) for p in pdfs}
    yield opened
    for pdf in opened.values():
        pdf.close()


def test_every_example_is_a4_with_serif_glyphs_only(example_pdfs):
    assert len(example_pdfs) == len(FORMS) >= 14
    for name, pdf in example_pdfs.items():
        for page in pdf.pages:
            assert abs(page.width - 210 * MM) < 1 and abs(page.height - 297 * MM) < 1, name
        fonts = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}
        assert fonts and all(f.startswith("LiberationSerif") for f in fonts), (name, fonts)


def starts_a_text(page) -> bool:
    """The first page of a text of its own (the attached quy chế of Mẫu 1.3, an
    appendix): it restarts the numbering and carries no number itself."""
    text = page.extract_text() or ""
    return "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text or text.startswith("Phụ lục")


def test_every_example_numbers_its_pages_from_page_two_centred(example_pdfs):
    top_margin = rules.MARGINS_MM["top"] * MM
    numbered = 0
    for name, pdf in example_pdfs.items():
        number = 0
        for page in pdf.pages:
            number = 1 if number == 0 or starts_a_text(page) else number + 1
            marks = [w for w in page.extract_words() if w["bottom"] < top_margin]
            if number == 1:
                assert marks == [], (name, page.page_number)
                continue
            assert [w["text"] for w in marks] == [str(number)], (name, page.page_number)
            centre = (rules.MARGINS_MM["left"] * MM + page.width - rules.MARGINS_MM["right"] * MM) / 2
            assert abs((marks[0]["x0"] + marks[0]["x1"]) / 2 - centre) < 3, name
            numbered += 1
    assert numbered >= 3  # the check saw real second pages


def test_every_example_carries_its_subject_and_closing(example_pdfs):
    for form in FORMS:
        doc = congvan.load(form)
        text = " ".join((p.extract_text() or "") for p in example_pdfs[form.stem].pages)
        flat = " ".join(text.split())
        if doc.trich_yeu:
            first_words = " ".join(doc.trich_yeu.split()[:4])
            assert first_words.lower() in flat.lower(), form.name
        if doc.nguoi_ky and doc.nguoi_ky.ho_ten:
            assert doc.nguoi_ky.ho_ten in flat, form.name


def test_render_to_pdf_only_leaves_no_docx(soffice, tmp_path):
    result = cli("render", EXAMPLES / "104-to-trinh-khan.yaml", "-o", "to-trinh.pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["to-trinh.pdf"]
    with pdfplumber.open(tmp_path / "to-trinh.pdf") as pdf:
        assert "TỜ TRÌNH" in pdf.pages[0].extract_text()


def test_pdf_beside_the_docx_and_for_a_separate_appendix(soffice, tmp_path):
    form = tmp_path / "qd.yaml"
    text = (EXAMPLES / "102-quyet-dinh-thanh-lap-to-cong-tac.yaml").read_text(encoding="utf-8")
    text = text.replace("anh/", str(EXAMPLES / "anh") + "/")
    text += "\nphu_luc:\n  - tieu_de: Danh sách thành viên Tổ công tác\n    tep_rieng: true\n" \
            "    noi_dung:\n      - Ông Nguyễn Văn A, Tổ trưởng.\n"
    form.write_text(text, encoding="utf-8")
    result = cli("render", form, "--pdf", "-o", "qd.docx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["qd-phu-luc-1.docx", "qd-phu-luc-1.pdf", "qd.docx", "qd.pdf", "qd.yaml"]
    with pdfplumber.open(tmp_path / "qd-phu-luc-1.pdf") as pdf:
        assert "DANH SÁCH THÀNH VIÊN TỔ CÔNG TÁC" in pdf.pages[0].extract_text()


def test_pdfa_is_declared_pdfa_2(soffice, tmp_path):
    result = cli("render", EXAMPLES / "000-cong-van-bcd-dak-lak-2022.yaml", "--pdfa", "-o", "cv.pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = (tmp_path / "cv.pdf").read_bytes()
    assert b"<pdfaid:part>2</pdfaid:part>" in data or b'pdfaid:part="2"' in data


def test_mail_merge_pdfs_in_one_batch(soffice, tmp_path):
    result = cli("render", EXAMPLES / "merge/giay-moi.yaml", "--each", EXAMPLES / "merge/khach-moi.csv",
                 "-o", "moi", "--pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    docx = sorted((tmp_path / "moi").glob("*.docx"))
    pdfs = sorted((tmp_path / "moi").glob("*.pdf"))
    assert len(docx) == len(pdfs) == 4
    assert [p.stem for p in docx] == [p.stem for p in pdfs]


def test_preview_writes_an_a4_png(soffice, tmp_path):
    from PIL import Image

    result = cli("preview", EXAMPLES / "107-giay-moi-hoi-nghi.yaml", "-o", "p.png", "--dpi", "50", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with Image.open(tmp_path / "p.png") as image:
        width, height = image.size
    assert abs(width - 210 / 25.4 * 50) <= 2 and abs(height - 297 / 25.4 * 50) <= 2


def test_preview_of_a_page_that_does_not_exist(soffice, tmp_path):
    result = cli("preview", EXAMPLES / "107-giay-moi-hoi-nghi.yaml", "--page", "9", cwd=tmp_path)
    assert result.returncode == 2
    assert "không có trang 9" in result.stderr and "no page 9" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_without_libreoffice_a_clear_message_and_no_file(tmp_path):
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}  # python, but no soffice
    result = cli("render", EXAMPLES / "104-to-trinh-khan.yaml", "--pdf", "-o", "t.docx", cwd=tmp_path, env=env)
    assert result.returncode == 2
    assert "Chưa cài LibreOffice" in result.stderr and "LibreOffice is missing" in result.stderr
    assert "install-office" in result.stderr
    assert list(tmp_path.iterdir()) == []  # not even the DOCX: the PDF was asked for
