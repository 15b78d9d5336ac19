"""Follow-up letters: one công văn per lead agency of a plan (issue 3)."""

from __future__ import annotations

import pytest

import congvan
from congvan import followup
from congvan.cli import main
from conftest import EXAMPLES
from docx_read import open_docx, text_in_order

PLAN = EXAMPLES / "004-ke-hoach-bcd-138-2021.yaml"


@pytest.fixture(scope="module")
def plan():
    return congvan.load(PLAN)


def test_one_letter_per_lead_agency_listing_only_its_tasks(plan):
    made = list(followup.letters(plan, "15/12/2025", don_vi_soan_thao="VP"))
    leads = [agency for agency, _ in followup.lead_agencies(plan)]
    assert [agency for agency, _ in made] == leads and "Bộ Công an" in leads
    agency, letter = next((a, l) for a, l in made if a == "Bộ Công an")
    assert letter.loai == "cong-van" and letter.kinh_gui == ["Bộ Công an"] and letter.so is None
    items = next(b for b in letter.noi_dung if isinstance(b, congvan.Gach)).gach
    own = dict(followup.lead_agencies(plan))["Bộ Công an"]
    assert len(items) == len(own)
    assert all(item.endswith(";") for item in items[:-1]) and items[-1].endswith(".")


def test_letter_renders_with_reference_deadline_in_bold_and_nhu_tren(plan, tmp_path):
    _, letter = next(iter(followup.letters(plan, "15/12/2025", don_vi_soan_thao="VP", ngay="20/11/2025")))
    path = congvan.render(letter, tmp_path / "l.docx")
    document = open_docx(path)
    text = text_in_order(document)
    assert "Số:" in text and "/BCĐ-VP" in text
    assert "Hà Nội, ngày 20 tháng 11 năm 2025" in text
    assert "V/v báo cáo kết quả thực hiện Kế hoạch số 198/KH-BCĐ ngày 14/5/2021" in " ".join(text.split())
    assert "- Như trên;" in text
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "15/12/2025" in bold


def test_bad_deadline_and_missing_unit_are_named(plan):
    with pytest.raises(congvan.FormError, match="han_bao_cao"):
        list(followup.letters(plan, "sớm", don_vi_soan_thao="VP"))
    with pytest.raises(congvan.FormError, match="don_vi_soan_thao"):
        list(followup.letters(plan, "15/12/2025"))


def test_cli_writes_one_file_per_agency(tmp_path, capsys):
    code = main(["follow-up", str(PLAN), "--han", "15/12/2025", "--don-vi", "VP", "-o", str(tmp_path / "moi")])
    assert code == 0, capsys.readouterr().err
    files = sorted((tmp_path / "moi").glob("*.docx"))  # the folder is made
    assert len(files) == len(followup.lead_agencies(congvan.load(PLAN)))
    assert any(f.name == "bao-cao-Bộ Công an.docx" for f in files)
    assert all("/" not in f.name and ":" not in f.name for f in files)
