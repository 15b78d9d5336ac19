"""The body (ô 6): blocks → numbered, styled paragraphs.

Numbering follows the nesting (Mẫu chữ 6.b): ``I.`` → ``1.`` → ``1.1.`` →
``a)`` → ``-``, restarting inside every parent.  A body whose top level has
no titled section starts at ``1.`` (a công văn's numbered points).
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

from .. import inline, rules, vn
from ..model import Chuong, DanhSachNhiemVu, Dieu, Gach, Khoan, Muc, NhiemVu, Phan, SoTien, VanBan
from ..model.body import Block, walk
from ..model.table import Bang
from . import table
from .tasks import assignment_paragraph, group_by_lead, task_detail
from .view import Para

_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
          "XVI", "XVII", "XVIII", "XIX", "XX"]


def roman(n: int) -> str:
    if n <= len(_ROMAN):
        return _ROMAN[n - 1]
    values = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
              (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, sym in values:
        while n >= value:
            out, n = out + sym, n - value
    return out


def letter(n: int) -> str:
    letters = rules.DIEM_LETTERS
    return letters[(n - 1) % len(letters)] * ((n - 1) // len(letters) + 1)


@dataclass(frozen=True)
class Level:
    """Where an item sits: its numbering scheme and its parent's number."""

    schemes: tuple[str, ...]
    parent: str = ""  # "3." for the children of item 3, used by "3.1."

    @property
    def scheme(self) -> str:
        return self.schemes[0] if self.schemes else "dash"

    def label(self, n: int) -> str:
        scheme = self.scheme
        if scheme == "roman":
            return f"{roman(n)}."
        if scheme == "arabic":
            return f"{n}."
        if scheme == "arabic_nested":
            return f"{self.parent}{n}."
        if scheme == "letter":
            return f"{letter(n)})"
        return rules.DASH

    def child(self, label: str) -> "Level":
        rest = self.schemes[1:] if self.schemes else ()
        parent = label if self.scheme in ("arabic", "arabic_nested") else ""
        # "1.1." needs an arabic parent; under a roman or letter level, nest plain.
        if rest[:1] == ("arabic_nested",) and not parent:
            rest = rest[1:]
        return Level(rest, parent)


def top_level(blocks: list[Block]) -> Level:
    levels = rules.NUMBERING_LEVELS
    if any(isinstance(b, Muc) for b in blocks):
        return Level(levels)
    return Level(levels[1:])


def para(element: str, text: str, prefix: str = "", **indents: float) -> Para:
    spans = ([inline.Span(prefix + " ")] if prefix else []) + inline.parse(text)
    return Para(element, tuple(spans), **indents)


#: Articles are numbered through the whole text, across its chapters.
_ARTICLES: ContextVar[dict[int, int]] = ContextVar("articles", default={})


def number_articles(items: list[Block]) -> dict[int, int]:
    articles = [b for b in walk(items) if isinstance(b, Dieu)]
    return {id(b): n for n, b in enumerate(articles, start=1)}


def text_blocks(items: list[Block], doc: VanBan) -> list[Para]:
    """A whole text (body, appendix, attached text): its articles numbered from 1."""
    token = _ARTICLES.set(number_articles(items))
    try:
        return blocks(items, top_level(items), doc)
    finally:
        _ARTICLES.reset(token)


def blocks(items: list[Block], level: Level, doc: VanBan) -> list[Para]:
    out: list[Para] = []
    counter = 0
    parts = {Phan: 0, Chuong: 0}
    for block in items:
        if isinstance(block, str):
            out.append(para("noi_dung", block))
            continue
        if isinstance(block, (Phan, Chuong)):
            parts[type(block)] += 1
            out.extend(part(block, parts[type(block)], doc))
            continue
        if isinstance(block, Dieu):
            out.extend(article(block, doc))
            continue
        if isinstance(block, (Muc, Khoan)):
            counter += 1
            out.extend(numbered(block, level, counter, doc))
        elif isinstance(block, DanhSachNhiemVu):
            produced, counter = tasks(block, level, counter, doc)
            out.extend(produced)
        elif isinstance(block, Gach):
            out.extend(para("noi_dung", item, rules.DASH) for item in block.gach)
        elif isinstance(block, SoTien):
            lead = f"{block.noi_dung} " if block.noi_dung else ""
            out.append(para("noi_dung", lead + vn.so_tien(block.so_tien)))
        elif isinstance(block, Bang):
            out.append(table.grid(block, doc.co_chu))
    return out


def part(block: Phan | Chuong, n: int, doc: VanBan) -> list[Para]:
    """"Phần I" / "Chương II" on its own line, the title in upper case below."""
    word, title = ("Phần", block.phan) if isinstance(block, Phan) else ("Chương", block.chuong)
    head = [Para("chuong_nhan", (inline.Span(f"{word} {roman(n)}"),)),
            Para("chuong_tieu_de", (inline.Span(title.upper()),))]
    return head + blocks(block.noi_dung, top_level(block.noi_dung), doc)


def article(block: Dieu, doc: VanBan) -> list[Para]:
    """"**Điều 1. Title**", or "**Điều 1.** text" when the article has no title."""
    label = f"Điều {_ARTICLES.get().get(id(block), 1)}."
    children = list(block.noi_dung)
    if block.dieu:
        head = Para("dieu", (inline.Span(f"{label} {block.dieu}", bold=True),))
    elif children and isinstance(children[0], str):
        head = Para("dieu", (inline.Span(label, bold=True), inline.Span(" "), *inline.parse(children.pop(0))))
    else:
        head = Para("dieu", (inline.Span(label, bold=True),))
    return [head, *blocks(children, Level(rules.ARTICLE_LEVELS), doc)]


def numbered(block: Muc | Khoan, level: Level, n: int, doc: VanBan) -> list[Para]:
    label = level.label(n)
    if isinstance(block, Muc):
        element = "muc" if level.scheme == "roman" else "khoan_tieu_de"
        title = block.muc.upper() if rules.ELEMENTS[element].upper else block.muc
        head = para(element, title, label)
    else:
        head = para("noi_dung", block.khoan, label)
    return [head, *blocks(block.noi_dung, level.child(label), doc)]


def tasks(block: DanhSachNhiemVu, level: Level, counter: int, doc: VanBan) -> tuple[list[Para], int]:
    style = doc.cach_phan_cong
    out: list[Para] = []
    if style == "theo-co-quan":
        for lead, group in group_by_lead(block.nhiem_vu):
            counter += 1
            label = level.label(counter)
            out.append(para("khoan_tieu_de", lead, label))
            dash = len(group) > 1 or any(t.nhiem_vu for t in group)
            for task in group:
                out.extend(task_as_item(task, dash))
        return out, counter
    for task in block.nhiem_vu:
        counter += 1
        out.extend(task_numbered(task, level, counter, doc))
    return out, counter


def task_numbered(task: NhiemVu, level: Level, n: int, doc: VanBan) -> list[Para]:
    label = level.label(n)
    first, *rest = task.paragraphs
    out = [para("noi_dung", first, label)]
    out.extend(para("noi_dung", text) for text in rest)
    child = level.child(label)
    for index, sub in enumerate(task.nhiem_vu, start=1):
        out.extend(task_numbered(sub, child, index, doc))
    assignment = assignment_paragraph(task, doc.cach_phan_cong)
    if assignment:
        out.append(assignment)
    return out


def task_as_item(task: NhiemVu, dash: bool) -> list[Para]:
    """A task under its lead agency's heading (seed 003): a dash item, or a
    plain paragraph when the agency has a single task."""
    first, *rest = task.paragraphs
    detail = task_detail(task)
    first = f"{first} ({detail})" if detail and not rest else first
    out = [para("noi_dung", first, rules.DASH if dash else "")]
    out.extend(para("noi_dung", text) for text in rest)
    if detail and rest:
        out.append(para("noi_dung", f"({detail})"))
    for sub in task.nhiem_vu:
        out.extend(para("noi_dung", text, "+") for text in sub.paragraphs)
    return out


def body(doc: VanBan) -> list[Para]:
    from . import mau  # the fixed wording of Mẫu 1.1–1.10

    paras = mau.opening(doc)
    paras.extend(mau.fields_before(doc))
    paras.extend(text_blocks(doc.noi_dung, doc))
    paras.extend(mau.fields_after(doc))
    return close_with_end_mark(paras)


def can_cu_lines(doc: VanBan) -> list[Para]:
    """Căn cứ: italic, one per line, ";" after each and "." after the last
    (§II.6.a); "Theo đề nghị của …" closes them in a quyết định (Mẫu 1.2)."""
    lines = [line.rstrip(" ;.,") for line in doc.can_cu]
    if doc.theo_de_nghi:
        text = doc.theo_de_nghi.strip().rstrip(" ;.,")
        lines.append(text if text.lower().startswith("theo đề nghị") else f"Theo đề nghị của {text}")
    return [para("can_cu", line + (";" if i < len(lines) - 1 else ".")) for i, line in enumerate(lines)]


def close_with_end_mark(paras: list[Para]) -> list[Para]:
    """Every template of Phụ lục III ends the content with "./."."""
    if not paras:
        return paras
    last = paras[-1]
    if not isinstance(last, Para):  # a body ending with a table: the mark on a line of its own
        return [*paras, Para("noi_dung", (inline.Span(rules.END_MARK),))]
    if last.text.rstrip().endswith(rules.END_MARK):
        return paras
    spans = list(last.spans)
    tail = spans[-1]
    if tail.note:  # "… hiệu quả[^1]": the mark follows the footnote's number
        spans.append(inline.Span(rules.END_MARK))
        return [*paras[:-1], Para(last.element, tuple(spans), last.left_mm, last.hanging_mm, last.first_line_mm)]
    text = tail.text.rstrip()
    if text.endswith(".") and not text.endswith("..."):
        text = text[:-1]
    spans[-1] = inline.Span(text + rules.END_MARK, tail.bold, tail.italic)
    return [*paras[:-1], Para(last.element, tuple(spans), last.left_mm, last.hanging_mm, last.first_line_mm)]
