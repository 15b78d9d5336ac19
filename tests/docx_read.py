"""Reading a produced DOCX the way Word resolves it: run → paragraph style →
its base styles → document defaults."""

from __future__ import annotations

from dataclasses import dataclass

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


def open_docx(path):
    return docx.Document(str(path))


def blocks(document):
    """Paragraphs and tables of the body in document order."""
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document)


def all_paragraphs(document):
    """Every paragraph in reading order, table cells included (left cell first)."""
    for block in blocks(document):
        if isinstance(block, Paragraph):
            yield block
        else:
            for row in block.rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def text_in_order(document) -> str:
    return "\n".join(p.text for p in all_paragraphs(document))


def _style_chain(style):
    while style is not None:
        yield style
        style = style.base_style


def _defaults_rpr(document):
    return document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))


@dataclass
class Look:
    size: float | None
    bold: bool
    italic: bool
    align: str | None
    first_line_mm: float | None
    space_before_pt: float | None


def look(paragraph: Paragraph, run=None) -> Look:
    """The effective formatting of a run (or the paragraph's first run)."""
    document_part = paragraph.part
    run = run or (paragraph.runs[0] if paragraph.runs else None)
    chain = list(_style_chain(paragraph.style))

    def pick(run_value, attr):
        if run_value is not None:
            return run_value
        for style in chain:
            value = getattr(style.font, attr)
            if value is not None:
                return value
        return None

    size = pick(run.font.size if run else None, "size")
    if size is None:
        sz = _defaults_rpr(document_part.document).find(qn("w:sz"))
        size_pt = int(sz.get(qn("w:val"))) / 2
    else:
        size_pt = size.pt
    bold = bool(pick(run.font.bold if run else None, "bold"))
    italic = bool(pick(run.font.italic if run else None, "italic"))
    align = next((s.paragraph_format.alignment for s in chain if s.paragraph_format.alignment is not None), None)
    if paragraph.paragraph_format.alignment is not None:
        align = paragraph.paragraph_format.alignment
    first = paragraph.paragraph_format.first_line_indent
    if first is None:
        first = next((s.paragraph_format.first_line_indent for s in chain
                      if s.paragraph_format.first_line_indent is not None), None)
    before = next((s.paragraph_format.space_before for s in chain if s.paragraph_format.space_before is not None), None)
    return Look(size_pt, bold, italic, str(align).split(".")[-1].split(" ")[0] if align is not None else None,
                first.mm if first is not None else None, before.pt if before is not None else None)
