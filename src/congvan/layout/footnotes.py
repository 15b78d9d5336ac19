"""Footnotes: numbered 1, 2, 3 in the order they are first referenced.

The text holds the clerk's keys (``[^nq57]``); this pass walks the laid-out
document in reading order — body, then the appendices printed in the same
file — and gives each note its number.  A note referenced a second time
prints the same number again as plain superscript (Word allows one
reference per footnote).  An appendix in a file of its own (Mẫu 2.2) is a
document of its own: its notes are numbered from 1 again.
"""

from __future__ import annotations

from dataclasses import replace

from .. import inline
from ..model import VanBan
from .view import DocumentView, Grid, GridCell, GridRow, Note, Para, Table


class _Numbering:
    def __init__(self, texts: dict[str, str]):
        self.texts = texts
        self.numbers: dict[str, int] = {}
        self.notes: list[Note] = []

    def span(self, span: inline.Span) -> inline.Span:
        key = span.note.casefold()
        if key in self.numbers:
            return replace(span, number=self.numbers[key], repeat=True)
        number = self.numbers[key] = len(self.numbers) + 1
        self.notes.append(Note(number, tuple(inline.parse(self.texts[key]))))
        return replace(span, number=number)

    def para(self, p: Para) -> Para:
        if not any(s.note for s in p.spans):
            return p
        return replace(p, spans=tuple(self.span(s) if s.note else s for s in p.spans))

    def paras(self, paras: tuple | list) -> tuple:
        return tuple(self.para(p) for p in paras)

    def flow(self, items: list) -> list:
        return [self.grid(x) if isinstance(x, Grid) else self.para(x) for x in items]

    def grid(self, g: Grid) -> Grid:
        rows = tuple(GridRow(tuple(GridCell(self.paras(c.paras), c.cols, c.merge, c.middle) for c in r.cells),
                             r.header) for r in g.rows)
        return replace(g, rows=rows)

    def table(self, t: Table | None) -> Table | None:
        if t is None:
            return None
        return Table(t.widths_mm, self.paras(t.header), tuple(tuple(self.paras(c) for c in row) for row in t.rows))


def number(view: DocumentView, doc: VanBan) -> DocumentView:
    if not doc.chu_thich:
        return view
    texts = {key.casefold(): text for key, text in doc.chu_thich.items()}
    main = _Numbering(texts)
    view.body = main.flow(view.body)
    for a in view.appendices:
        numbering = _Numbering(texts) if a.separate else main
        a.heading = list(numbering.paras(a.heading))
        a.body = numbering.flow(a.body)
        a.table = numbering.table(a.table)
        if a.separate:
            a.notes = numbering.notes
    view.notes = main.notes
    return view
