"""Example 010 reproduces the real Sở plan it was taken from
(../shared/real_docs/kehoach_STTTT-PhuTho.txt): its words in order, and its
timetable as a table whose header cells are merged across rows and columns."""

from __future__ import annotations

from docx import Document
from docx.oxml.ns import qn

import congvan
from conftest import EXAMPLES, ROOT
from test_seeds import differences, render_text, tokens

FORM = EXAMPLES / "010-ke-hoach-stttt-phu-tho.yaml"
SOURCE = ROOT.parent / "shared" / "real_docs" / "kehoach_STTTT-PhuTho.txt"
#: The only words allowed to differ, each with its reason.
CORRECTIONS = {
    (("TRUYỂN",), ("TRUYỀN",)): "the source's header misspells 'TRUYỀN' (the body spells it right)",
}
#: The source has every word of the document (header included): the DOCX adds none.
INSERT_BOUND = 1


def _source_words() -> list[str]:
    text = SOURCE.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    return tokens(text.replace("|", " "))


def test_example_010_reproduces_the_source(tmp_path):
    out = tokens("\n".join(render_text(congvan.load(FORM), tmp_path, "010")))
    unexplained, inserted, used = [], 0, set()
    for diff in differences(_source_words(), out):
        change = (tuple(diff.seed), tuple(diff.out))
        if diff.op == "insert":
            inserted += len(diff.out)
        elif change in CORRECTIONS:
            used.add(change)
        else:
            unexplained.append(f"{diff.op}: {diff.seed} → {diff.out}")
    assert not unexplained, "source words lost or changed:\n" + "\n".join(unexplained)
    assert used == set(CORRECTIONS)
    assert inserted < INSERT_BOUND, f"{inserted} words added"


def test_example_010_timetable_structure(tmp_path):
    path = congvan.render(congvan.load(FORM), tmp_path / "010.docx")
    body = Document(str(path)).element.body
    tables = [t for t in body.iter(qn("w:tbl")) if t.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}/{qn('w:top')}")
              is not None and t.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}/{qn('w:top')}").get(qn("w:val")) == "single"]
    assert len(tables) == 1
    rows = tables[0].findall(qn("w:tr"))
    assert len(rows) == 6  # two header rows, four days
    first, second = rows[0].findall(qn("w:tc")), rows[1].findall(qn("w:tc"))
    assert first[0].find(f"{qn('w:tcPr')}/{qn('w:vMerge')}").get(qn("w:val")) == "restart"
    assert first[1].find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}").get(qn("w:val")) == "2"
    assert second[0].find(f"{qn('w:tcPr')}/{qn('w:vMerge')}").get(qn("w:val")) == "continue"
    assert ["".join(t.text for t in c.iter(qn("w:t"))) for c in second[1:]] == ["Sáng", "Chiều"]
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for r in rows[:2])
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None for r in rows[2:])


def test_example_010_signs_without_authority_and_leaves_blanks(tmp_path):
    lines = [line.strip() for line in render_text(congvan.load(FORM), tmp_path, "010")]
    assert "GIÁM ĐỐC" in lines and not any(line.startswith(("TM.", "KT.")) for line in lines)
    assert any(line.replace("\u00a0", " ").split() == ["Số:", "/KH-STTTT"] for line in lines)
    assert any("tháng 12 năm 2011" in line and "ngày" in line for line in lines)


def test_example_010_numbers_its_points_as_printed(tmp_path):
    """I.–III., then 1., 2. …, and under "2." the points a) … đ) directly (no 2.1.)."""
    lines = [line.strip() for line in render_text(congvan.load(FORM), tmp_path, "010")]
    labels = [line.split()[0] for line in lines if line and line.split()[0] in
              ("I.", "II.", "III.", "1.", "2.", "3.", "4.", "5.", "a)", "b)", "c)", "d)", "đ)", "2.1.")]
    assert labels == ["I.", "II.", "1.", "2.", "a)", "b)", "c)", "d)", "đ)", "III.", "1.", "2.", "3.", "4.", "5."]
