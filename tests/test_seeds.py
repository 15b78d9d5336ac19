"""The example forms reproduce the real documents they were taken from.

Each example in ``examples/`` is the filled-in form of a real document whose
text was extracted to ``../shared/seeds/``.  Rendering the form must give back
the seed's words, in the seed's order.  Words are compared as tokens (``\\w+``
after NFC), so punctuation, spacing, line breaks and the extraction's Markdown
asterisks do not count; numbering does, since congvan prints it itself.

* A word the seed has and the DOCX lacks (``delete``/``replace``) must be one
  of the few known corrections listed per seed, each with its reason: an
  extraction error, or a number congvan computes where the document typed a
  wrong one.  Anything else is a defect of the form or of the renderer.
* Words the DOCX adds (``insert``) are the parts the extraction lost or the
  decree requires (header, "TM." line, …); their count is bounded per seed.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

import congvan
from congvan import DanhSachNhiemVu, Muc, NhiemVu
from congvan.layout.tasks import who
from conftest import EXAMPLES, SEEDS


@dataclass(frozen=True)
class Seed:
    form: str
    text: str
    #: (seed words, rendered words, reason): the only differences allowed.  The
    #: words may include a few unchanged words before the change, for context.
    corrections: tuple[tuple[str, str, str], ...] = ()
    #: The DOCX adds fewer words than this (set just above what is observed).
    insert_bound: int = 1
    insert_reason: str = ""
    #: Compare from this sentence on (the extraction garbled what precedes it).
    start: str | None = None


SEED_000 = Seed(
    form="000-cong-van-bcd-dak-lak-2022.yaml",
    text="000_2a77d1d65f8e5cd8.txt",
    corrections=(
        ("ANTOQ", "ANTQ", "header: the extraction garbled 'ANTQ' (an ninh Tổ quốc) into 'ANTOQ'"),
    ),
    insert_bound=2,
    insert_reason="observed 0: the seed keeps every word of the document; './.' is not a word",
)

SEED_003 = Seed(
    form="003-ke-hoach-ubnd-khanh-hoa-2025.yaml",
    text="003_1d92b54b65cab77a.txt",
    corrections=(),
    insert_bound=40,
    insert_reason=(
        "observed 36: the header the extraction lost (issuer 7, Quốc hiệu and Tiêu ngữ 14, 'Số: /KH-UBND' 3,"
        " 'Khánh Hòa, ngày tháng 4 năm 2025' 7) and the 'TM. ỦY BAN NHÂN DÂN' line (5)"
    ),
)

SEED_004 = Seed(
    form="004-ke-hoach-bcd-138-2021.yaml",
    text="004_1f33843afa0b937c.txt",
    corrections=(
        ("6 5", "6 4",
         "the document numbers its subtasks 6.1, 6.2, 6.3, 6.5 (skipping 6.4); congvan numbers from the nesting"),
        ("THỦ", "THỨ", "signature: the extraction read 'THỨ TRƯỞNG' (deputy minister) as 'THỦ TRƯỞNG'"),
    ),
    insert_bound=1,
    insert_reason=(
        "observed 0: task 4's assignment ends '… đặc biệt là các tỉnh thực hiện chỉ đạo điểm)' without a"
        " closing 'thực hiện'; the form gives that line as written (phan_cong), the data apart"
    ),
    start="Thực hiện Quyết định số 793",
)

SEEDS_UNDER_TEST = {"000": SEED_000, "003": SEED_003, "004": SEED_004}


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text.replace("*", "")))


def paragraphs_in_order(path) -> list[str]:
    """Every paragraph's text in document order: body paragraphs, and tables
    row by row, cell by cell (the header and signature blocks are tables).
    Cells are read from ``w:tc`` so a merged cell is read once."""
    document = Document(str(path))
    out: list[str] = []

    def walk(container) -> None:
        for child in container.iterchildren():
            if child.tag == qn("w:p"):
                out.append(Paragraph(child, document).text)
            elif child.tag == qn("w:tbl"):
                # A row that may split, with text only in its first cell,
                # continues the column above (a long Nơi nhận beside the
                # signer, layout/pagination.py): read it before the other cells.
                rows = [row for row in child.iterchildren(qn("w:tr"))]
                for index, cells in enumerate(rows):
                    if index and continues(cells):
                        continue
                    tcs = list(cells.iterchildren(qn("w:tc")))
                    walk(tcs[0])
                    for later in rows[index + 1:]:
                        if not continues(later):
                            break
                        walk(list(later.iterchildren(qn("w:tc")))[0])
                    for cell in tcs[1:]:
                        walk(cell)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    walk(content)

    walk(document.element.body)
    return out


def continues(row) -> bool:
    if row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None:
        return False
    cells = list(row.iterchildren(qn("w:tc")))
    texts = ["".join(t.text or "" for t in c.iter(qn("w:t"))).strip() for c in cells]
    return len(cells) > 1 and bool(texts[0]) and not any(texts[1:])


def render_text(doc: congvan.VanBan, tmp_path, name: str) -> list[str]:
    path = congvan.render(doc, tmp_path / f"{name}.docx")
    return paragraphs_in_order(path)


def from_sentence(words: list[str], sentence: str) -> list[str]:
    start = tokens(sentence)
    for i in range(len(words) - len(start) + 1):
        if words[i:i + len(start)] == start:
            return words[i:]
    raise AssertionError(f"'{sentence}' not found")


@dataclass(frozen=True)
class Difference:
    """One non-equal opcode of the word diff, seen from both word lists."""

    op: str
    seed_words: list[str] = field(repr=False)
    out_words: list[str] = field(repr=False)
    seed_span: tuple[int, int]
    out_span: tuple[int, int]

    @property
    def seed(self) -> list[str]:
        return self.seed_words[slice(*self.seed_span)]

    @property
    def out(self) -> list[str]:
        return self.out_words[slice(*self.out_span)]

    def reads_as(self, seed_text: str, out_text: str) -> bool:
        """The change, with up to three unchanged words before it, reads as
        the listed correction ("6 5" → "6 4" where only "5" → "4" changed)."""
        want_seed, want_out = tokens(seed_text), tokens(out_text)
        (a1, a2), (b1, b2) = self.seed_span, self.out_span
        return any(
            self.seed_words[a1 - k:a2] == want_seed and self.out_words[b1 - k:b2] == want_out
            for k in range(min(3, a1, b1) + 1)
        )


def differences(seed_words: list[str], out_words: list[str]) -> list[Difference]:
    matcher = difflib.SequenceMatcher(None, seed_words, out_words, autojunk=False)
    return [
        Difference(op, seed_words, out_words, (a1, a2), (b1, b2))
        for op, a1, a2, b1, b2 in matcher.get_opcodes()
        if op != "equal"
    ]


@pytest.mark.parametrize("key", sorted(SEEDS_UNDER_TEST))
def test_example_reproduces_its_seed(key, tmp_path):
    seed = SEEDS_UNDER_TEST[key]
    doc = congvan.load(EXAMPLES / seed.form)
    out_words = tokens("\n".join(render_text(doc, tmp_path, key)))
    seed_words = tokens((SEEDS / seed.text).read_text(encoding="utf-8"))
    if seed.start:
        seed_words, out_words = from_sentence(seed_words, seed.start), from_sentence(out_words, seed.start)

    unexplained, used, inserted = [], set(), 0
    for diff in differences(seed_words, out_words):
        if diff.op == "insert":
            inserted += len(diff.out)
            continue
        match = next(((s, o) for s, o, _ in seed.corrections if diff.reads_as(s, o)), None)
        if match:
            used.add(match)
        else:
            context = " ".join(seed_words[max(0, diff.seed_span[0] - 6):diff.seed_span[0]])
            unexplained.append(f"{diff.op}: …{context} [{' '.join(diff.seed)}] → [{' '.join(diff.out)}]")
    assert not unexplained, "seed words lost or changed:\n" + "\n".join(unexplained)
    listed = {(s, o) for s, o, _ in seed.corrections}
    assert used == listed, f"corrections listed but not needed: {listed - used}"
    assert inserted < seed.insert_bound, f"{inserted} words added ({seed.insert_reason})"


def test_seed_004_header_fields(tmp_path):
    """Seed 004's number line is garbled ("Số: 19860 / Chuyên:"): the form
    reads it as 198/KH-BCĐ; the place and date survive in the seed."""
    doc = congvan.load(EXAMPLES / SEED_004.form)
    lines = [line.strip() for line in render_text(doc, tmp_path, "004")]
    assert "Số: 198/KH-BCĐ" in lines
    assert "Hà Nội, ngày 14 tháng 5 năm 2021" in lines
    seed = (SEEDS / SEED_004.text).read_text(encoding="utf-8")
    assert "Hà Nội, ngày 14 tháng 5 năm 2021" in seed


def _tasks(blocks) -> list[NhiemVu]:
    found: list[NhiemVu] = []
    for block in blocks:
        if isinstance(block, DanhSachNhiemVu):
            found.extend(block.nhiem_vu)
        elif isinstance(block, Muc):
            found.extend(_tasks(block.noi_dung))
    return found


def _plain(text: str) -> str:
    return " ".join(text.replace("*", "").split())


def _positions(tasks: list[NhiemVu], lines: list[str]) -> list[int]:
    """Index of the paragraph that prints each task, in task order."""
    positions, start = [], 0
    for task in tasks:
        first = _plain(task.paragraphs[0])
        index = next(i for i in range(start, len(lines)) if _plain(lines[i]).endswith(first))
        positions.append(index)
        start = index + 1
    return positions


def test_seed_003_same_tasks_in_ngoac_style(tmp_path):
    """The tasks are data: printed grouped under their lead agency, as
    written (nguyen-van with theo_co_quan, as the seed) or each followed by
    its assignment in parentheses (ngoac) — the same task words, in order."""
    grouped = congvan.load(EXAMPLES / SEED_003.form)
    assert grouped.cach_phan_cong == "nguyen-van"
    inline = grouped.model_copy(update={"cach_phan_cong": "ngoac"})
    tasks = _tasks(grouped.noi_dung)
    police = [t for t in tasks if t.chu_tri == "Công an tỉnh"]
    assert len(police) == 6

    grouped_lines = [line.strip() for line in render_text(grouped, tmp_path, "grouped")]
    inline_lines = [line.strip() for line in render_text(inline, tmp_path, "inline")]

    assert "1. Công an tỉnh" in grouped_lines
    assert "(Công an tỉnh chủ trì thực hiện)" not in grouped_lines
    assert "1. Công an tỉnh" not in inline_lines
    assert inline_lines.count("(Công an tỉnh chủ trì thực hiện)") == len(police)
    # The cooperation the sentence already says is data too: ngoac prints it, nguyen-van does not.
    assert "(Sở Giáo dục và Đào tạo chủ trì, phối hợp với Công an tỉnh thực hiện)" in inline_lines
    assert not any("phối hợp: Công an tỉnh" in line for line in grouped_lines)

    # Every task is printed once, in order, each followed by its own assignment.
    positions = _positions(tasks, inline_lines)
    for number, (task, at) in enumerate(zip(tasks, positions), start=1):
        assert inline_lines[at].startswith(f"{number}. ")
        assert inline_lines[at + 1] == f"({who(task, 'ngoac')})"
    _positions(tasks, grouped_lines)

    task_words = tokens(" ".join(p for t in tasks for p in t.paragraphs))

    def printed_task_words(lines: list[str], positions: list[int]) -> list[str]:
        words = []
        for at in positions:
            words += tokens(re.sub(r"^(\d+\.|-)\s+", "", lines[at]))
        return words

    assert printed_task_words(inline_lines, positions) == task_words
    assert printed_task_words(grouped_lines, _positions(tasks, grouped_lines)) == task_words
