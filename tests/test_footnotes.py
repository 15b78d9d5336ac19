"""Footnotes (issue 13, point 4): ``[^key]`` in the text, ``chu_thich`` for
the notes → real Word footnotes, numbered 1, 2, 3 in the order of first
reference, in word/footnotes.xml with its separators."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

import congvan
from congvan import rules
from congvan.forms import validate_data
from test_rules_phu_luc_i import ke_hoach
from test_tables import validate

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def noted(**changes) -> congvan.VanBan:
    """A plan referencing note "b" before note "a", "b" twice, a note in a
    căn cứ-free body's table cell and one with emphasis in its text."""
    data = {
        "noi_dung": [
            "Thực hiện Nghị quyết số 57-NQ/TW[^b] của Bộ Chính trị và Kế hoạch số 12/KH-UBND[^a], Sở ban hành:",
            {"muc": "Mục đích", "noi_dung": [{"gach": ["Theo Nghị quyết 57[^b], chuyển đổi số toàn diện."]}]},
            {"bang": {"dau": ["Nội dung", "Căn cứ"], "dong": [["Tập huấn", "Quyết định số 5[^qd]"]]}},
            "Các phòng triển khai thực hiện.",
        ],
        "chu_thich": {
            "a": "Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh.",
            "b": "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của **Bộ Chính trị** về *đột phá* phát triển khoa học.",
            "qd": "Quyết định số 5/QĐ-UBND ngày 02/01/2025.",
        },
    }
    data.update(changes)
    return ke_hoach(**data)


def parts(path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(path) as z:
        return {name: etree.fromstring(z.read(name)) for name in z.namelist() if name.endswith((".xml", ".rels"))}


def note_texts(footnotes) -> dict[str, str]:
    return {n.get(f"{{{W}}}id"): "".join(n.itertext()) for n in footnotes.findall("w:footnote", NS)}


def test_footnotes_part_has_the_separators_and_the_notes(tmp_path):
    p = parts(congvan.render(noted(), tmp_path / "kh.docx"))
    notes = p["word/footnotes.xml"]
    kinds = [(n.get(f"{{{W}}}id"), n.get(f"{{{W}}}type")) for n in notes.findall("w:footnote", NS)]
    assert kinds == [("-1", "separator"), ("0", "continuationSeparator"), ("1", None), ("2", None), ("3", None)]
    assert notes.find("w:footnote[@w:type='separator']//w:separator", NS) is not None
    assert notes.find("w:footnote[@w:type='continuationSeparator']//w:continuationSeparator", NS) is not None
    # Each note opens with its own number (footnoteRef) in the reference style.
    for note in notes.findall("w:footnote[@w:id='1']", NS):
        ref = note.find(".//w:footnoteRef/..", NS)
        assert ref.find("w:rPr/w:rStyle", NS).get(f"{{{W}}}val") == rules.FOOTNOTE_REFERENCE_STYLE
        assert note.find("w:p/w:pPr/w:pStyle", NS).get(f"{{{W}}}val") == rules.FOOTNOTE_TEXT_STYLE


def test_notes_are_numbered_in_the_order_of_first_reference(tmp_path):
    p = parts(congvan.render(noted(), tmp_path / "kh.docx"))
    texts = note_texts(p["word/footnotes.xml"])
    assert texts["1"].strip().startswith("Nghị quyết số 57-NQ/TW")  # "b", referenced first
    assert texts["2"].strip().startswith("Kế hoạch số 12/KH-UBND")  # "a"
    assert texts["3"].strip().startswith("Quyết định số 5/QĐ-UBND")  # "qd", in a table cell
    body = p["word/document.xml"]
    refs = [r.get(f"{{{W}}}id") for r in body.iter(f"{{{W}}}footnoteReference")]
    assert refs == ["1", "2", "3"]  # one reference per note, in reading order
    # The second reference to "b" repeats its number as superscript text.
    runs = [r for r in body.iter(f"{{{W}}}r") if r.find("w:rPr/w:rStyle", NS) is not None
            and r.find("w:rPr/w:rStyle", NS).get(f"{{{W}}}val") == rules.FOOTNOTE_REFERENCE_STYLE]
    shown = [r.find("w:footnoteReference", NS).get(f"{{{W}}}id") if r.find("w:footnoteReference", NS) is not None
             else r.find("w:t", NS).text for r in runs]
    assert shown == ["1", "2", "1", "3"]


def test_reference_sits_where_the_marker_was(tmp_path):
    p = parts(congvan.render(noted(), tmp_path / "kh.docx"))
    body = p["word/document.xml"]
    para = next(x for x in body.iter(f"{{{W}}}p") if "Nghị quyết số 57-NQ/TW" in "".join(x.itertext()))
    items = []
    for r in para.findall("w:r", NS):
        items.append("¹" if r.find("w:footnoteReference", NS) is not None else "".join(r.itertext()))
    joined = "".join(items)
    assert "57-NQ/TW¹ của Bộ Chính trị" in joined
    assert "[^" not in "".join(body.itertext())


def test_note_text_keeps_its_emphasis(tmp_path):
    p = parts(congvan.render(noted(), tmp_path / "kh.docx"))
    note = p["word/footnotes.xml"].find("w:footnote[@w:id='1']", NS)
    bold = ["".join(r.itertext()) for r in note.iter(f"{{{W}}}r") if r.find("w:rPr/w:b", NS) is not None]
    italic = ["".join(r.itertext()) for r in note.iter(f"{{{W}}}r") if r.find("w:rPr/w:i", NS) is not None]
    assert bold == ["Bộ Chính trị"] and italic == ["đột phá"]


def test_package_declares_the_part_styles_and_settings(tmp_path):
    p = parts(congvan.render(noted(), tmp_path / "kh.docx"))
    types = etree.tostring(p["[Content_Types].xml"]).decode()
    assert 'PartName="/word/footnotes.xml"' in types and "footnotes+xml" in types
    rels = p["word/_rels/document.xml.rels"]
    targets = {r.get("Target"): r.get("Type") for r in rels}
    assert targets["footnotes.xml"].endswith("/footnotes")
    styles = p["word/styles.xml"]
    text_style = styles.find(f"w:style[@w:styleId='{rules.FOOTNOTE_TEXT_STYLE}']", NS)
    assert text_style.find("w:name", NS).get(f"{{{W}}}val") == "footnote text"
    size = text_style.find("w:rPr/w:sz", NS).get(f"{{{W}}}val")
    assert int(size) == 2 * rules.FOOTNOTE_TEXT.size.pt(rules.Profile.LON)
    # The decree's font, from Normal (set in all four slots there).
    assert text_style.find("w:basedOn", NS).get(f"{{{W}}}val") == "Normal"
    normal = styles.find("w:style[@w:styleId='Normal']/w:rPr/w:rFonts", NS)
    assert normal.get(f"{{{W}}}ascii") == normal.get(f"{{{W}}}eastAsia") == rules.FONT
    ref = styles.find(f"w:style[@w:styleId='{rules.FOOTNOTE_REFERENCE_STYLE}']", NS)
    assert ref.get(f"{{{W}}}type") == "character"
    assert ref.find("w:rPr/w:vertAlign", NS).get(f"{{{W}}}val") == "superscript"
    ids = [f.get(f"{{{W}}}id") for f in p["word/settings.xml"].findall("w:footnotePr/w:footnote", NS)]
    assert ids == ["-1", "0"]


def test_a_document_without_notes_has_no_footnotes_part(tmp_path):
    p = parts(congvan.render(ke_hoach(), tmp_path / "kh.docx"))
    assert "word/footnotes.xml" not in p
    assert "footnotes" not in etree.tostring(p["[Content_Types].xml"]).decode()


def test_notes_in_can_cu_and_in_an_appendix(tmp_path):
    doc = noted(loai="quyet-dinh", tham_quyen="Chủ tịch Ủy ban nhân dân tỉnh",
                trich_yeu="Về việc ban hành Kế hoạch",
                can_cu=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015[^luat]"],
                phu_luc=[{"tieu_de": "Danh sách", "noi_dung": ["Theo Quyết định số 5[^qd]."]}],
                chu_thich={"luat": "Sửa đổi, bổ sung năm 2019.", "a": "A.", "b": "B.", "qd": "QĐ 5."})
    p = parts(congvan.render(doc, tmp_path / "qd.docx"))
    texts = note_texts(p["word/footnotes.xml"])
    assert texts["1"].strip() == "Sửa đổi, bổ sung năm 2019."  # the căn cứ come first
    refs = [r.get(f"{{{W}}}id") for r in p["word/document.xml"].iter(f"{{{W}}}footnoteReference")]
    assert refs == ["1", "2", "3", "4"]
    # "qd" is referenced in the body's table and again in the appendix: one note.
    assert len(texts) == 2 + 4


def test_a_separate_appendix_numbers_its_notes_from_one(tmp_path):
    doc = noted(phu_luc=[{"tieu_de": "Danh sách", "tep_rieng": True, "noi_dung": ["Theo Kế hoạch[^a]."]}])
    path = congvan.render(doc, tmp_path / "kh.docx")
    appendix = tmp_path / "kh-phu-luc-1.docx"
    assert appendix.exists()
    texts = note_texts(parts(appendix)["word/footnotes.xml"])
    assert texts["1"].strip().startswith("Kế hoạch số 12/KH-UBND")
    assert "ooxml_errors=0" in validate(path, appendix)


def test_outputs_with_footnotes_validate(tmp_path):
    path = congvan.render(noted(), tmp_path / "kh.docx")
    assert "ooxml_errors=0" in validate(path)


def _form(**changes) -> dict:
    data = noted().model_dump(mode="json", exclude_defaults=True, by_alias=True)
    data.update(changes)
    return data


@pytest.mark.parametrize("changes, path, words", [
    ({"chu_thich": {"a": "A.", "qd": "Q."}}, "noi_dung[0]", ["[^b]", "chưa có nội dung", "has no text"]),
    ({"chu_thich": {"a": "A.", "b": "B.", "qd": "Q.", "c": "C."}}, "chu_thich", ["'c'", "không được dẫn",
                                                                               "never referenced"]),
    ({"trich_yeu": "Kế hoạch[^a] chuyển đổi số"}, "trich_yeu", ["chỉ đặt được", "may stand only"]),
    ({"chu_thich": {"a": "A[^b].", "b": "B.", "qd": "Q."}}, "chu_thich", ["another note"]),
])
def test_bad_footnotes_are_refused_with_their_path(changes, path, words):
    with pytest.raises(congvan.FormError) as caught:
        validate_data(congvan.VanBan, _form(**changes))
    problems = caught.value.problems
    assert [p.path for p in problems] == [path], problems
    assert problems[0].code.startswith("footnote-")
    message = " ".join(f"{p.vi} / {p.en}" for p in problems)
    assert all(w in message for w in words), message


def test_a_marker_in_a_table_cell_names_the_row(tmp_path):
    with pytest.raises(congvan.FormError) as caught:
        validate_data(congvan.VanBan, _form(chu_thich={"a": "A.", "b": "B."}))
    assert [p.path for p in caught.value.problems] == ["noi_dung[2].bang.dong[0][1]"]
    assert caught.value.problems[0].code == "footnote-without-text"


def test_follow_up_letters_quote_tasks_without_the_plans_markers():
    from congvan.followup import letters

    plan = ke_hoach(noi_dung=[{"nhiem_vu": [{"noi_dung": "Rà soát theo Nghị quyết 57[^1].", "chu_tri": "Sở Nội vụ",
                                             "thoi_han": "15/12/2025"}]}],
                    chu_thich={"1": "Nghị quyết số 57-NQ/TW."})
    (agency, letter), = letters(plan, "20/12/2025", don_vi_soan_thao="VP")
    text = " ".join(str(b) for b in letter.noi_dung)
    assert "Rà soát theo Nghị quyết 57" in text and "[^" not in text


def test_a_marker_in_an_upper_case_heading_keeps_its_note(tmp_path):
    """The Roman-level title is printed in upper case; its marker still finds its note."""
    doc = ke_hoach(noi_dung=[{"muc": "Mục đích[^nq]", "noi_dung": ["Chuyển đổi số."]}], chu_thich={"nq": "Nghị quyết."})
    p = parts(congvan.render(doc, tmp_path / "kh.docx"))
    assert note_texts(p["word/footnotes.xml"])["1"].strip() == "Nghị quyết."
    heading = next(x for x in p["word/document.xml"].iter(f"{{{W}}}p") if "MỤC ĐÍCH" in "".join(x.itertext()))
    assert heading.find(".//w:footnoteReference", NS) is not None
