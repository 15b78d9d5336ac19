"""Attached texts as issued (Mẫu 1.3) and the small points of issue 13:
"Xét đề nghị", the last căn cứ's punctuation, tờ trình căn cứ upright,
line breaks inside list items kept or refused."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from congvan.errors import FormError
from congvan.forms import validate_data
from congvan.model import VanBan
from congvan.render import render_bytes
from conftest import EXAMPLES, ROOT
from docx_read import look, open_docx

QD = yaml.safe_load((EXAMPLES / "103-quyet-dinh-ban-hanh-quy-che.yaml").read_text(encoding="utf-8"))


def render(data: dict, tmp_path, name: str = "x"):
    path = tmp_path / f"{name}.docx"
    path.write_bytes(render_bytes(validate_data(VanBan, data)))
    return open_docx(path)


def attached_part(document) -> list:
    """Paragraphs (and table cells' paragraphs) after the quyết định's section break."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    children = list(document.element.body.iterchildren())
    cut = next(i for i, c in enumerate(children) if c.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None)
    out = []
    for child in children[cut + 1:]:
        if child.tag == qn("w:p"):
            out.append(Paragraph(child, document))
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                for cell in row.cells:
                    out.extend(cell.paragraphs)
    return out


def test_an_attached_regulation_is_issued_with_ban_hanh_kem_theo(tmp_path):
    texts = [p.text for p in attached_part(render(QD, tmp_path))]
    assert "(Ban hành kèm theo Quyết định số 215/QĐ-SNV ngày 12 tháng 3 năm 2025 của Sở Nội vụ)" in texts


def test_an_attached_plan_is_kem_theo(tmp_path):
    data = {**QD, "kem_theo": {**QD["kem_theo"], "loai": "Kế hoạch"}}
    texts = [p.text for p in attached_part(render(data, tmp_path))]
    assert any(t.startswith("(Kèm theo Quyết định số 215/QĐ-SNV") for t in texts)


def test_the_reference_line_can_be_set_and_keeps_the_blanks_for_the_van_thu(tmp_path):
    data = {**QD, "so": None, "ngay": "3/2025",
            "kem_theo": {**QD["kem_theo"], "dong_kem_theo": "Ban hành kèm theo Quyết định số {so} {ngay} của Giám đốc Sở Nội vụ"}}
    data = {k: v for k, v in data.items() if v is not None}
    paras = attached_part(render(data, tmp_path))
    line = next(p for p in paras if p.text.startswith("(Ban hành kèm theo"))
    assert line.text.endswith("của Giám đốc Sở Nội vụ)")
    assert "số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/QĐ-SNV" in line.text  # the number left blank
    assert "tháng 3 năm 2025" in line.text and "ngày " in line.text
    assert look(line).italic


def test_the_attached_text_repeats_the_decisions_signer(tmp_path):
    data = {**QD, "kem_theo": {**QD["kem_theo"], "nguoi_ky": "nhu-quyet-dinh"}}
    paras = attached_part(render(data, tmp_path))
    texts = [p.text for p in paras]
    assert "GIÁM ĐỐC" in texts and "Lê Thị Minh Hà" in texts
    assert texts.index("Lê Thị Minh Hà") > texts.index("GIÁM ĐỐC")
    name = next(p for p in paras if p.text == "Lê Thị Minh Hà")
    assert look(name).bold
    assert texts.index("GIÁM ĐỐC") > max(i for i, t in enumerate(texts) if t.startswith("Điều"))


def test_the_attached_text_may_have_its_own_signer(tmp_path):
    own = {"thay_mat": "Hội đồng", "chuc_vu": "Chủ tịch", "ho_ten": "Trần Văn Bình"}
    data = {**QD, "kem_theo": {**QD["kem_theo"], "nguoi_ky": own}}
    texts = [p.text for p in attached_part(render(data, tmp_path))]
    assert "TM. HỘI ĐỒNG" in texts and "Trần Văn Bình" in texts and "Lê Thị Minh Hà" not in texts


def test_no_signature_on_the_attached_text_unless_asked(tmp_path):
    texts = [p.text for p in attached_part(render(QD, tmp_path))]
    assert "Lê Thị Minh Hà" not in texts


def test_the_attached_signature_is_valid_word(tmp_path):
    data = {**QD, "kem_theo": {**QD["kem_theo"], "nguoi_ky": "nhu-quyet-dinh"}}
    path = tmp_path / "sig.docx"
    path.write_bytes(render_bytes(validate_data(VanBan, data)))
    out = subprocess.run([sys.executable, str(ROOT.parent / "shared" / "tools" / "ooxml_validate.py"), str(path)],
                         capture_output=True, text=True)
    assert "ooxml_errors=0" in out.stdout, out.stdout + out.stderr


# --- căn cứ ----------------------------------------------------------------------------

def can_cu(document) -> list:
    return [p for p in document.paragraphs if p.text.startswith(("Căn cứ", "Theo đề nghị", "Xét đề nghị"))]


def test_xet_de_nghi_is_kept_and_ends_before_quyet_dinh_with_a_full_stop(tmp_path):
    data = {**QD, "theo_de_nghi": "Xét đề nghị của Chánh Văn phòng Sở"}
    lines = can_cu(render(data, tmp_path))
    assert lines[-1].text == "Xét đề nghị của Chánh Văn phòng Sở."
    assert all(p.text.endswith(";") for p in lines[:-1])
    assert look(lines[0]).italic


def test_theo_de_nghi_still_gets_its_words(tmp_path):
    assert can_cu(render(QD, tmp_path))[-1].text == "Theo đề nghị của Chánh Văn phòng Sở."


def test_a_to_trinh_prints_its_can_cu_upright_with_a_comma_before_the_sentence(tmp_path):
    document = render(yaml.safe_load((EXAMPLES / "006-to-trinh-th-dong-kho-1-2010.yaml").read_text(encoding="utf-8")),
                      tmp_path)
    lines = can_cu(document)
    assert len(lines) == 2
    assert lines[0].text.endswith(";") and lines[1].text.endswith("cấp tiểu học,")
    assert not any(look(p).italic for p in lines)


def test_the_last_can_cu_punctuation_can_be_chosen(tmp_path):
    data = yaml.safe_load((EXAMPLES / "006-to-trinh-th-dong-kho-1-2010.yaml").read_text(encoding="utf-8"))
    data["dau_cau_can_cu"] = ";"
    assert can_cu(render(data, tmp_path))[-1].text.endswith("cấp tiểu học;")


# --- line breaks in list items -----------------------------------------------------------

def test_a_line_break_in_a_dash_item_is_a_real_line_break(tmp_path):
    data = {**QD, "loai": "thong-bao", "tham_quyen": None, "kem_theo": None, "can_cu": [], "theo_de_nghi": None,
            "trich_yeu": "Về việc nghỉ lễ", "noi_dung": [{"gach": ["Dòng một\nDòng hai", "Dòng ba"]}]}
    data = {k: v for k, v in data.items() if v not in (None, [])}
    document = render(data, tmp_path)
    para = next(p for p in document.paragraphs if p.text.startswith("- Dòng một"))
    assert para._p.xpath(".//w:br"), "the break is a <w:br/>, not a space"


def test_a_line_break_in_a_noi_nhan_item_is_refused_by_name():
    data = {**QD, "noi_nhan": ["Như Điều 3\nUBND tỉnh"]}
    with pytest.raises(FormError) as err:
        validate_data(VanBan, data)
    assert "noi_nhan[0]" in str(err.value) and "single line" in str(err.value)


def test_an_attached_plan_numbers_as_a_plan_not_as_the_decision(tmp_path):
    plan = {"loai": "Kế hoạch", "trich_yeu": "Phòng, chống thiên tai năm 2025", "noi_dung": [
        {"muc": "Mục đích, yêu cầu", "noi_dung": [{"muc": "Mục đích", "noi_dung": ["Chủ động ứng phó."]}]}]}
    texts = [p.text for p in attached_part(render({**QD, "kem_theo": plan}, tmp_path))]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts and "1. Mục đích" in texts  # not "Mục 1." of a normative text
    own = {**plan, "danh_so": "so"}
    texts = [p.text for p in attached_part(render({**QD, "kem_theo": own}, tmp_path, "own"))]
    assert "1. Mục đích, yêu cầu" in texts and "a) Mục đích" in texts


def test_an_attached_texts_unknown_level_is_refused_at_its_field():
    plan = {"loai": "Kế hoạch", "trich_yeu": "Kế hoạch", "danh_so": {"cap": {"cong": {"so_dam": False}}},
            "noi_dung": ["Nội dung."]}
    with pytest.raises(FormError) as err:
        validate_data(VanBan, {**QD, "kem_theo": plan})
    assert "kem_theo.danh_so.cap.cong" in str(err.value) and "la-ma" in str(err.value)
