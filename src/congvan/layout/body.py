"""The body (ô 6): blocks → numbered, styled paragraphs.

Numbering follows the nesting through the levels of the document's scheme
(``congvan.numbering``: ``I.`` → ``1.`` → ``1.1.`` → ``a)`` for a plan,
``1.`` → ``a)`` → ``-`` for a công văn …), restarting inside every parent; an
item may name a deeper level (``cap``) where the scheme lets it skip one.  A
list with no titled section passes over the Roman level and starts at ``1.``.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import replace

from .. import inline, numbering, rules, vn
from ..model import Chuong, DanhSachNhiemVu, Dieu, Gach, Khoan, Muc, Phan, SoTien, VanBan
from ..model.body import Block, walk
from ..model.table import Bang
from . import table
from . import task_list
from .levels import Level, heading, item, para
from .view import Para

roman, letter = numbering.roman, numbering.letter

#: Articles are numbered through the whole text, across its chapters.
_ARTICLES: ContextVar[dict[int, int]] = ContextVar("articles", default={})


def number_articles(items: list[Block]) -> dict[int, int]:
    articles = [b for b in walk(items) if isinstance(b, Dieu)]
    return {id(b): n for n, b in enumerate(articles, start=1)}


#: The numbering scheme of the text being laid out: (name, levels).  An
#: attached text has its own (a kế hoạch issued by a quyết định numbers I., 1.).
_SCHEME: ContextVar[tuple[str, tuple[numbering.Cap, ...]] | None] = ContextVar("scheme", default=None)


def text_blocks(items: list[Block], doc: VanBan, scheme: tuple[str, tuple] | None = None) -> list[Para]:
    """A whole text (body, appendix, attached text): its articles numbered from 1,
    in ``scheme`` (name, levels), by default the document's."""
    scheme = scheme or (doc.scheme, doc.levels)
    tokens = _ARTICLES.set(number_articles(items)), _SCHEME.set(scheme)
    try:
        return blocks(items, Level(scheme[1]), doc)
    finally:
        _ARTICLES.reset(tokens[0])
        _SCHEME.reset(tokens[1])


def _scheme(doc: VanBan) -> tuple[str, tuple[numbering.Cap, ...]]:
    return _SCHEME.get() or (doc.scheme, doc.levels)


def blocks(items: list[Block], level: Level, doc: VanBan) -> list[Para]:
    out: list[Para] = []
    level = level.entered(any(isinstance(b, Muc) for b in items))
    counters: dict[int, int] = {}  # per level: items naming a deeper level count apart
    parts = {Phan: 0, Chuong: 0}
    for block in items:
        if isinstance(block, str):
            out.append(para("noi_dung", block))
        elif isinstance(block, (Phan, Chuong)):
            parts[type(block)] += 1
            out.extend(part(block, parts[type(block)], doc))
        elif isinstance(block, Dieu):
            out.extend(article(block, doc))
        elif isinstance(block, (Muc, Khoan)):
            at = level.at(block.cap)
            counters[at.index] = counters.get(at.index, 0) + 1
            out.extend(numbered(block, at, counters[at.index], doc))
        elif isinstance(block, DanhSachNhiemVu):
            out.extend(task_list.tasks(block, level, counters, doc))
        elif isinstance(block, Gach):
            out.extend(para("noi_dung", text, block.dau_dong) for text in block.gach)
        elif isinstance(block, SoTien):
            lead = f"{block.noi_dung} " if block.noi_dung else ""
            out.append(para("noi_dung", lead + vn.so_tien(block.so_tien)))
        elif isinstance(block, Bang):
            out.append(table.grid(block, doc.co_chu))
    return out


def part(block: Phan | Chuong, n: int, doc: VanBan) -> list[Para]:
    """"Phần I" / "Chương II" on its own line, the title in upper case below."""
    key, title = ("phan", block.phan) if isinstance(block, Phan) else ("chuong", block.chuong)
    head = [Para("chuong_nhan", (inline.Span(numbering.label(numbering.PART_LABELS[key], n)),)),
            Para("chuong_tieu_de", (inline.Span(title.upper()),))]
    return head + blocks(block.noi_dung, Level(_scheme(doc)[1]), doc)


def article(block: Dieu, doc: VanBan) -> list[Para]:
    """"**Điều 1. Title**", or "**Điều 1.** text" when the article has no title."""
    label = numbering.label(numbering.ARTICLE_LABEL, _ARTICLES.get().get(id(block), 1))
    children = list(block.noi_dung)
    if block.dieu:
        head = Para("dieu", (inline.Span(f"{label} {block.dieu}", bold=True),))
    elif children and isinstance(children[0], str):
        # "Điều 1. text" is a paragraph, not a heading: holding it to the next
        # chains Điều 1, 2, 3 and the signature onto a new page (issue 14).
        head = Para("dieu", (inline.Span(label, bold=True), inline.Span(" "), *inline.parse(children.pop(0))),
                    keep=rules.KEEP_ARTICLE_WITH_TEXT)
    else:
        head = Para("dieu", (inline.Span(label, bold=True),))
    return [head, *blocks(children, Level(numbering.article_levels(*_scheme(doc))), doc)]


def numbered(block: Muc | Khoan, level: Level, n: int, doc: VanBan) -> list[Para]:
    label = level.label(n)
    if isinstance(block, Muc):
        head = heading(level.cap, label, block.muc)
    else:
        head = item(level.cap, label, block.khoan)
    return [head, *blocks(block.noi_dung, level.child(label), doc)]


def body(doc: VanBan) -> list[Para]:
    from . import mau  # the fixed wording of Mẫu 1.1–1.10

    paras = mau.opening(doc)
    paras.extend(mau.fields_before(doc))
    paras.extend(text_blocks(doc.noi_dung, doc))
    paras.extend(mau.fields_after(doc))
    return keep_with_signature(close_with_end_mark(paras))


def keep_with_signature(paras: list[Para]) -> list[Para]:
    """The last body paragraph holds to the signature band, so the band never
    stands on a page without body text above it (rules.KEEP_LAST_WITH_SIGNATURE)."""
    if not paras or not rules.KEEP_LAST_WITH_SIGNATURE:
        return paras
    return [*paras[:-1], replace(paras[-1], keep=True)]


def can_cu_lines(doc: VanBan) -> list[Para]:
    """Căn cứ: one per line, ";" after each (§II.6.a); "Theo đề nghị của …" or
    "Xét đề nghị của …" closes them in a quyết định (Mẫu 1.2).  The last ends
    with "." before the decision line and "," before the body's sentence,
    unless the form says (``dau_cau_can_cu``).  Italic, except in the types
    whose real documents print them upright (tờ trình)."""
    lines = [line.rstrip(" ;.,") for line in doc.can_cu]
    if doc.theo_de_nghi:
        text = doc.theo_de_nghi.strip().rstrip(" ;.,")
        kept = text.lower().startswith(tuple(o.lower() for o in rules.DE_NGHI_OPENINGS))
        lines.append(text if kept else f"{rules.DE_NGHI_OPENINGS[0]} của {text}")
    sentence = doc.loai not in rules.DECISION_LINE and bool(doc.noi_dung) and isinstance(doc.noi_dung[0], str)
    default = rules.CAN_CU_LAST["sentence" if sentence else "decision"]
    last = doc.dau_cau_can_cu or default
    element = "noi_dung" if doc.loai in rules.CAN_CU_UPRIGHT else "can_cu"
    return [para(element, line + (";" if i < len(lines) - 1 else last)) for i, line in enumerate(lines)]


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
        return [*paras[:-1], replace(last, spans=(*spans, inline.Span(rules.END_MARK)))]
    text = tail.text.rstrip()
    if text.endswith(".") and not text.endswith("..."):
        text = text[:-1]
    spans[-1] = inline.Span(text + rules.END_MARK, tail.bold, tail.italic)
    return [*paras[:-1], replace(last, spans=tuple(spans))]
