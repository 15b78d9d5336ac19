"""Each template of Phụ lục III (Mẫu 1.1–1.10) and the optional elements of
Phụ lục I §III, checked on the example that uses it (issue 4)."""

from __future__ import annotations

import re
import zipfile

import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

import congvan
import congvan.layout.geometry
from congvan import rules
from conftest import EXAMPLES
from docx_read import all_paragraphs, blocks, look, open_docx

MM_PER_TWIP = 25.4 / 1440


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("mau")
    cache = {}

    def get(stem: str):
        if stem not in cache:
            (form,) = EXAMPLES.glob(f"{stem}*.yaml")
            path = congvan.render(congvan.load(form), out / f"{form.stem}.docx")
            cache[stem] = path
        return cache[stem]

    return get


def texts(document) -> list[str]:
    return [p.text for p in all_paragraphs(document)]


def para(document, pattern: str) -> Paragraph:
    for p in all_paragraphs(document):
        if re.search(pattern, p.text):
            return p
    raise AssertionError(f"no paragraph matches {pattern!r}")


def body_paragraphs(document) -> list[Paragraph]:
    return [b for b in blocks(document) if isinstance(b, Paragraph)]


# --- Mẫu 1.1–1.3: nghị quyết, quyết định -----------------------------------------------

def test_nghi_quyet_authority_can_cu_and_quyet_nghi(rendered):
    d = open_docx(rendered("101"))
    t = texts(d)
    assert "NGHỊ QUYẾT" in t
    i = t.index("HỘI ĐỒNG NHÂN DÂN XÃ TÂN PHƯỚC")
    assert t[i + 1] == "KHÓA XII, KỲ HỌP THỨ MƯỜI"
    authority = look(para(d, "^HỘI ĐỒNG NHÂN DÂN XÃ TÂN PHƯỚC$"))
    assert authority.bold and authority.align == "CENTER"
    can_cu = [p for p in body_paragraphs(d) if p.text.startswith(("Căn cứ", "Theo đề nghị"))]
    assert all(look(p).italic for p in can_cu)
    assert [p.text[-1] for p in can_cu] == [";", ";", "."]
    assert can_cu[-1].text.startswith("Theo đề nghị của Thường trực Hội đồng nhân dân xã")
    decision = para(d, "^QUYẾT NGHỊ:$")
    assert look(decision).bold and look(decision).align == "CENTER"
    assert t.index("QUYẾT NGHỊ:") > t.index(can_cu[-1].text)


def test_articles_bold_label_numbered_in_order_and_nhu_dieu_first(rendered):
    d = open_docx(rendered("102"))
    articles = [p for p in body_paragraphs(d) if re.match(r"Điều \d+\.", p.text)]
    assert [p.text.split(".")[0] for p in articles] == ["Điều 1", "Điều 2", "Điều 3"]
    for p in articles:
        assert p.runs[0].text.startswith("Điều") and look(p, p.runs[0]).bold
        assert not look(p, p.runs[-1]).bold  # the article's text itself is regular
        assert look(p).first_line_mm == pytest.approx(rules.FIRST_LINE_INDENT_MM, abs=0.1)
    t = texts(d)
    after_article_1 = t[t.index(articles[0].text) + 1:t.index(articles[1].text)]
    assert [x.split(" ")[0] for x in after_article_1] == ["1.", "2.", "3."]  # khoản restart in each điều
    items = [x for x in t if x.startswith("- ")]
    assert items[0] == "- Như Điều 3;" and "- Như trên;" not in items
    assert "QUYẾT ĐỊNH:" in t and "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CAM LÂM" in t


def test_attached_text_has_its_own_header_title_reference_and_no_signature(rendered):
    d = open_docx(rendered("103"))
    body = d.element.body
    breaks = body.findall(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:sectPr')}")
    assert len(breaks) == 1  # the quyết định's section, then the attached text's
    children = list(body.iterchildren())
    cut = next(i for i, c in enumerate(children) if c.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None)
    attached = [Paragraph(c, d) if c.tag == qn("w:p") else Table(c, d) for c in children[cut + 1:]
                if c.tag in (qn("w:p"), qn("w:tbl"))]
    header = next(b for b in attached if isinstance(b, Table))
    header_text = " ".join(p.text for row in header.rows for c in row.cells for p in c.paragraphs)
    assert "SỞ NỘI VỤ" in header_text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header_text
    assert "Số:" not in header_text and "ngày" not in header_text
    lines = [b.text for b in attached if isinstance(b, Paragraph) and b.text]
    assert lines[:3] == ["QUY CHẾ", "Công tác văn thư, lưu trữ của Sở Nội vụ",
                         "(Ban hành kèm theo Quyết định số 215/QĐ-SNV ngày 12 tháng 3 năm 2025 của Sở Nội vụ)"]
    reference = next(b for b in attached if isinstance(b, Paragraph) and b.text.startswith("(Ban hành kèm theo"))
    assert look(reference).italic
    assert lines[3:5] == ["Chương I", "QUY ĐỊNH CHUNG"]
    chapter = next(b for b in attached if isinstance(b, Paragraph) and b.text == "Chương I")
    assert look(chapter).bold and look(chapter).align == "CENTER"
    # Articles are numbered through the text, across its chapters.
    assert [x.split(".")[0] for x in lines if x.startswith("Điều")] == ["Điều 1", "Điều 2", "Điều 3"]
    assert "a) số dưới 10 ghi thêm số 0 phía trước;" in lines
    assert lines[-1].endswith("./.")
    assert not any("Nơi nhận" in x for x in lines)  # the quyết định carries the signature


# --- Mẫu 1.4 with the optional elements ---------------------------------------------------

def _box_width_mm(p: Paragraph, cell_width_mm: float) -> float:
    ind = p._p.pPr.find(qn("w:ind"))
    return cell_width_mm - (int(ind.get(qn("w:left"))) + int(ind.get(qn("w:right")))) * MM_PER_TWIP


def test_urgency_box_is_framed_bold_and_20_by_8_mm(rendered):
    d = open_docx(rendered("104"))
    box = para(d, "^KHẨN$")
    borders = box._p.pPr.find(qn("w:pBdr"))
    assert {b.tag.split("}")[1] for b in borders} == {"top", "left", "bottom", "right"}
    assert look(box).bold
    cell = box._p.getparent()
    width = int(cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w"))) * MM_PER_TWIP
    assert _box_width_mm(box, width) == pytest.approx(20.0, abs=0.2)
    height = int(box._p.pPr.find(qn("w:spacing")).get(qn("w:line"))) * MM_PER_TWIP
    assert height == pytest.approx(rules.BOX_HEIGHT_MM, abs=0.1)
    t = texts(d)
    assert t.index("KHẨN") > t.index("Số: 09/TTr-STC")  # ô 10b under the number


def test_draft_mark_above_the_header_and_kinh_gui_kept_in_a_typed_document(rendered):
    d = open_docx(rendered("104"))
    first = next(iter(blocks(d)))
    assert isinstance(first, Paragraph) and first.text == "DỰ THẢO LẦN 2"
    assert "Kính gửi: Ủy ban nhân dân tỉnh Khánh Hòa" in texts(d)
    assert "- Lưu: VT, KHTC (2). NVH.(5)." in texts(d)
    assert "- Như trên;" in texts(d)  # a tờ trình with a Kính gửi
    assert ("Tổng kinh phí đề nghị bổ sung: 1.500.000.000 đồng (Bằng chữ: Một tỷ năm trăm triệu đồng)"
            in texts(d))


def test_contact_footer_on_page_one_only_under_a_full_width_rule(rendered):
    path = rendered("104")
    with zipfile.ZipFile(path) as z:
        footer = z.read("word/footer1.xml").decode()
        document = z.read("word/document.xml").decode()
    assert re.search(r'<w:footerReference w:type="first" r:id="[^"]+"/>', document)
    assert 'w:type="default"' not in re.findall(r"<w:footerReference[^>]*>", document)[0]
    assert "<w:top w:val=\"single\"" in footer
    assert "Số 4 Phan Chu Trinh" in footer and "ĐT: 0258.3822.512, Fax: 0258.3822.513" in footer
    assert "E-mail: stc@khanhhoa.gov.vn, Website: stc.khanhhoa.gov.vn" in footer


def test_no_contact_no_marks_when_not_asked(rendered):
    path = rendered("102")
    with zipfile.ZipFile(path) as z:
        footer = z.read("word/footer1.xml").decode()
    assert "<w:t" not in footer
    assert not any(p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None and p.text
                   for p in all_paragraphs(open_docx(path)))


# --- Mẫu 1.6–1.10 ------------------------------------------------------------------------

def test_cong_dien_sender_line_and_recipients_hoa_toc_30_mm(rendered):
    d = open_docx(rendered("106"))
    t = texts(d)
    i = t.index("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:")
    assert t[i + 1:i + 3] == ["- Giám đốc các Sở, Thủ trưởng các ban, ngành tỉnh;",
                              "- Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố."]
    assert "CÔNG ĐIỆN" in t and "Kính gửi:" not in t
    box = para(d, "^HỎA TỐC$")
    cell = box._p.getparent()
    width = int(cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w"))) * MM_PER_TWIP
    assert _box_width_mm(box, width) == pytest.approx(30.0, abs=0.2)


def test_giay_moi_fields_in_the_template_order(rendered):
    t = texts(open_docx(rendered("107")))
    start = t.index(next(x for x in t if x.startswith("Sở Nội vụ trân trọng kính mời: ")))
    assert [x.split(":")[0] for x in t[start + 2:start + 5]] == ["Chủ trì", "Thời gian", "Địa điểm"]
    assert t[start + 1] == "Tới dự Hội nghị tập huấn nghiệp vụ văn thư, lưu trữ năm 2025."
    assert "GIẤY MỜI" in t and "Số: 35/GM-SNV" in t


def test_giay_gioi_thieu_has_no_subject_and_closes_with_validity(rendered):
    t = texts(open_docx(rendered("108")))
    i = t.index("GIẤY GIỚI THIỆU")
    assert t[i + 1] == ""  # the rule under the type name, no trích yếu
    assert "Ông (bà): Nguyễn Thị Thanh Tâm" in t
    assert "Giấy này có giá trị đến hết ngày 30/9/2025./." in t
    assert t[t.index("Nơi nhận:") + 1:t.index("Nơi nhận:") + 3] == ["- Như trên;", "- Lưu: VT."]


def test_bien_ban_no_place_date_two_signatures_then_noi_nhan(rendered):
    d = open_docx(rendered("109"))
    t = texts(d)
    assert not any(re.search(r"ngày \d+ tháng \d+ năm", x) and x.startswith("Khánh Hòa") for x in t)
    assert "Cuộc họp kết thúc vào 16 giờ 30 cùng ngày./." in t
    signatures = [b for b in blocks(d) if isinstance(b, Table)][-1]
    left, right = (c.paragraphs for c in signatures.rows[0].cells)
    assert left[0].text == "THƯ KÝ" and left[-1].text == "Võ Thị Ngọc Ánh"
    assert right[0].text == "CHỦ TỌA" and right[-1].text == "Lê Thị Minh Hà"
    assert t.index("Nơi nhận:") > t.index("Lê Thị Minh Hà")
    assert "- Lưu: VT, Hồ sơ." in t


def test_giay_nghi_phep_sentences(rendered):
    t = texts(open_docx(rendered("110")))
    assert "Xét Đơn đề nghị nghỉ phép ngày 10/7/2025 của ông (bà) Trần Văn Phúc, Sở Nội vụ cấp cho:" in t
    assert ("Được nghỉ phép trong thời gian 05 ngày kể từ ngày 21/7/2025 đến hết ngày 25/7/2025"
            " tại xã Diên Lạc, tỉnh Khánh Hòa.") in t
    assert "Số ngày nghỉ phép nêu trên được tính vào thời gian nghỉ phép hằng năm./." in t
    # The optional confirmation block, lower left, under the signatures (Mẫu 1.10).
    label = "Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép"
    assert t.index(label) > t.index("Đặng Minh Khoa")
    assert t[t.index(label) + 1] == "(Chữ ký, dấu)"


# --- the model refuses what the templates do not allow --------------------------------------

BASE = {"co_quan_ban_hanh": {"ten": "Sở Nội vụ", "viet_tat": "SNV"}, "dia_danh": "Khánh Hòa", "ngay": "1/8/2025",
        "nguoi_ky": {"chuc_vu": "Giám đốc", "ho_ten": "A"}}


@pytest.mark.parametrize("data, words", [
    ({"loai": "quyet-dinh", "trich_yeu": "Về việc A", "noi_dung": [{"dieu": "A"}]}, ["tham_quyen"]),
    ({"loai": "cong-van", "don_vi_soan_thao": "VP", "trich_yeu": "A", "kinh_gui": ["B"], "noi_dung": ["C"],
      "giay_moi": {"kinh_moi": "A", "toi_du": "B", "thoi_gian": "C", "dia_diem": "D"}}, ["giay_moi", "giay-moi"]),
    ({"loai": "bien-ban", "trich_yeu": "Họp", "noi_dung": ["A"]}, ["bien_ban"]),
    ({"loai": "cong-dien", "trich_yeu": "A", "kinh_gui": ["B"], "noi_dung": ["C"]}, ["dien_gui"]),
    ({"loai": "thong-bao", "trich_yeu": "A", "noi_dung": ["B"], "do_khan": "gap"}, ["do_khan"]),
    ({"loai": "thong-bao", "trich_yeu": "A", "noi_dung": ["B"],
      "kem_theo": {"loai": "Quy chế", "trich_yeu": "A", "noi_dung": ["B"]}}, ["kem_theo"]),
])
def test_parts_a_template_does_not_allow_are_refused_by_name(data, words):
    from congvan.forms import validate_data

    with pytest.raises(congvan.FormError) as caught:
        validate_data(congvan.VanBan, {**BASE, **data})
    message = str(caught.value)
    assert all(w in message for w in words), message


# --- Mẫu 3.1 and ô 14 -------------------------------------------------------------------------

def test_copy_block_under_a_full_width_rule_with_its_own_number_label_and_signer(rendered):
    d = open_docx(rendered("301"))
    items = list(blocks(d))
    tables = [b for b in items if isinstance(b, Table)]
    copy_head, copy_sign = tables[-2], tables[-1]
    rule = items[items.index(copy_head) - 1]
    ind = rule._p.pPr.find(qn("w:ind"))
    assert rule._p.pPr.find(qn("w:pStyle")).get(qn("w:val")) == "duong_ke"
    assert int(ind.get(qn("w:left"))) == 0 and int(ind.get(qn("w:right"))) == 0  # the whole text width
    left, right = (c.paragraphs for c in copy_head.rows[0].cells)
    assert [p.text for p in left if p.text] == ["TRUNG TÂM LƯU TRỮ LỊCH SỬ", "Số: 05/SY-TTLT"]
    assert right[0].text == "SAO Y" and look(right[0]).bold
    assert right[1].text == "Khánh Hòa, ngày 25 tháng 8 năm 2025" and look(right[1]).italic
    recipients, signer = (c.paragraphs for c in copy_sign.rows[0].cells)
    assert [p.text for p in recipients] == ["Nơi nhận:", "- Phòng Văn thư - Lưu trữ;", "- Lưu: VT."]
    assert signer[0].text == "GIÁM ĐỐC" and signer[-1].text == "Nguyễn Văn Bình"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in " ".join(p.text for p in left + right)


def test_e_signature_text_top_right_10pt(tmp_path):
    form = EXAMPLES / "102-quyet-dinh-thanh-lap-to-cong-tac.yaml"
    doc = congvan.load(form).model_copy(update={"ky_so": "Số: 1254/QĐ-UBND; 06/02/2025; 09:15:20 +07:00"})
    d = open_docx(congvan.render(doc, tmp_path / "x.docx"))
    first = next(iter(blocks(d)))
    assert first.text == "Số: 1254/QĐ-UBND; 06/02/2025; 09:15:20 +07:00"
    assert look(first).size == 10 and look(first).align == "RIGHT"


# --- electronic signing (ô 7c, ô 8) -------------------------------------------------------------

def test_signature_image_centred_and_seal_over_its_left_third_at_actual_size(rendered):
    path = rendered("102")
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        document = z.read("word/document.xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert {"word/media/chu-ky.png", "word/media/dau.png"} <= set(names)
    assert 'Target="media/chu-ky.png"' in rels and 'Target="media/dau.png"' in rels
    emu = 36000
    inline = re.search(r'<wp:inline[^>]*><wp:extent cx="(\d+)" cy="(\d+)"/><wp:docPr id="\d+" name="ChuKy"', document)
    sig_w, sig_h = int(inline.group(1)) / emu, int(inline.group(2)) / emu
    assert sig_w == pytest.approx(540 / 300 * 25.4, abs=0.1)  # the PNG's own size (300 dpi)
    anchor = re.search(r'<wp:positionH relativeFrom="column"><wp:posOffset>(-?\d+)</wp:posOffset></wp:positionH>'
                       r'<wp:positionV relativeFrom="paragraph"><wp:posOffset>(-?\d+)</wp:posOffset></wp:positionV>'
                       r'<wp:extent cx="(\d+)" cy="(\d+)"/>.*?name="DauCoQuan"', document)
    x, seal_w = int(anchor.group(1)) / emu, int(anchor.group(3)) / emu
    assert seal_w == pytest.approx(425 / 300 * 25.4, abs=0.1)  # actual size: 36 mm
    column = congvan.layout.geometry.page().signature_columns[1]
    sig_left = (column - sig_w) / 2
    assert x + seal_w == pytest.approx(sig_left + sig_w / 3, abs=0.2)  # covers the left third
    # The picture sits between the position line and the name, and a bookmark marks it.
    d = open_docx(path)
    signer = [b for b in blocks(d) if isinstance(b, Table)][-1].rows[0].cells[1]
    order = [("img" if p._p.xpath(".//w:drawing") else p.text) for p in signer.paragraphs]
    assert order.index("img") > order.index("PHÓ CHỦ TỊCH") and order.index("img") < order.index("Nguyễn Văn Thành")
    assert f'w:name="{rules.SIGNATURE_BOOKMARK}"' in document


def test_a_form_naming_a_missing_or_non_png_image_is_refused(tmp_path):
    from congvan.forms import validate_form

    form = tmp_path / "qd.yaml"
    text = (EXAMPLES / "102-quyet-dinh-thanh-lap-to-cong-tac.yaml").read_text(encoding="utf-8")
    (tmp_path / "anh").mkdir()
    (tmp_path / "anh" / "dau.png").write_bytes(b"GIF89a not a png")
    form.write_text(text, encoding="utf-8")
    with pytest.raises(congvan.FormError) as caught:
        validate_form(congvan.VanBan, form)
    message = str(caught.value)
    assert "nguoi_ky.anh_chu_ky" in message and "nguoi_ky.anh_dau" in message and "PNG" in message


def test_electronic_copy_carries_the_o14_text_and_no_paper_copy_block(rendered):
    d = open_docx(rendered("302"))
    first = next(iter(blocks(d)))
    assert first.text == "SAO Y; Trung tâm Lưu trữ lịch sử; 25/08/2025; 10:20:30 +07:00"
    assert look(first).size == 10 and look(first).align == "RIGHT"
    assert "Số: 05/SY-TTLT" not in texts(d) and texts(d).count("SAO Y") == 0
