"""The parts of the page that vary per document beyond their text.

* The header band's column widths follow the agency's name
  (``layout.header.page_for``): the template keeps the Mẫu's widths, so it
  stays an ordinary Word table a clerk can edit, and ``fit_header_table``
  moves them to the fitted ones after rendering.  A text issued with a
  quyết định (Mẫu 1.3) gets its header band built here whole.
* Nơi nhận reaches the template as one fragment (``{{p noi_nhan_block }}``):
  a group of recipients is a small nested table, items | brace | note.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .. import rules
from ..inline import Span
from ..layout.view import Box, Header, Page, Recipient, RecipientGroup
from . import ooxml
from .styles import RULE_STYLE


def _box_xml(box: Box, cell_width_mm: float) -> str:
    return ooxml.boxed_paragraph(box.element, box.text, cell_width_mm, box.width_mm, box.height_mm,
                                 rules.BOX_BORDER_PT, rules.COLOR)


def _p(style: str, text: str) -> str:
    return ooxml.paragraph(style, (Span(text),))


def header_band(h: Header, with_number: bool = True) -> str:
    """The borderless two-column table at the top of page 1: agency names and
    their rule | Quốc hiệu, Tiêu ngữ and its rule; then Số | place and date on
    one row; the V/v line under the number; the urgency and secrecy boxes.
    Without the number (a text issued with a quyết định, Mẫu 1.3) only the first row."""
    left, right = h.columns
    names = "".join(_p("co_quan_chu_quan", t) for t in h.parent_lines)
    names += "".join(_p("co_quan_ban_hanh", t) for t in h.issuer_lines)
    names += ooxml.rule_paragraph(RULE_STYLE, left, h.issuer_rule.length_mm)
    motto = _box_xml(h.circulation, right) if h.circulation and with_number else ""
    motto += _p("quoc_hieu", h.quoc_hieu) + _p("tieu_ngu", h.tieu_ngu)
    motto += ooxml.rule_paragraph(RULE_STYLE, right, h.motto_rule.length_mm)
    rows = [(names, motto)]
    if with_number:
        # ô 3 and ô 4 share a row so that "Số:" and the date stand on one line.
        rows.append((_p("so_ky_hieu", h.number), _p("dia_danh_ngay", h.place_date)))
        if h.subject_cong_van is not None:  # ô 5b: V/v centred under the number, "\n" → line break
            rows.append((_p("trich_yeu_cong_van", h.subject_cong_van), ""))
        if h.marks:  # ô 10a, 10b under the number
            rows.append(("".join(_box_xml(b, left) for b in h.marks), ""))
    body = "".join(ooxml.row_open() + ooxml.cell(left, a) + ooxml.cell(right, b) + "</w:tr>" for a, b in rows)
    return ooxml.table_open((left, right), h.indent_mm) + body + "</w:tbl>"


def with_breaks(text: str) -> Markup:
    """Text for a ``{{ … }}`` tag inside a run, each "\\n" a line break (the V/v line's chosen breaks)."""
    return Markup('</w:t><w:br/><w:t xml:space="preserve">').join(escape(line) for line in text.split("\n"))


def fit_header_table(xml: str, default: Page, fitted: Page) -> str:
    """Move the template's header table from the Mẫu's columns to the ones
    fitted to this document (``layout.header.page_for``).  A template whose
    header table has other widths (one's own, edited in Word) keeps them."""
    if (default.header_columns, default.header_indent) == (fitted.header_columns, fitted.header_indent):
        return xml
    start = xml.find("<w:tbl>")
    end = xml.find("</w:tbl>", start)
    if start < 0 or end < 0:
        return xml
    (dl, dr), (fl, fr) = ((ooxml.twips(a), ooxml.twips(b)) for a, b in (default.header_columns, fitted.header_columns))
    table = xml[start:end]
    grid = f'<w:gridCol w:w="{dl}"/><w:gridCol w:w="{dr}"/>'
    if grid not in table:
        return xml
    table = table.replace(grid, f'<w:gridCol w:w="{fl}"/><w:gridCol w:w="{fr}"/>')
    table = table.replace(f'<w:tblW w:w="{dl + dr}" ', f'<w:tblW w:w="{fl + fr}" ')
    table = table.replace(f'<w:tblInd w:w="{ooxml.twips(default.header_indent)}" ',
                          f'<w:tblInd w:w="{ooxml.twips(fitted.header_indent)}" ')
    cell = '<w:tcW w:w="{}" w:type="dxa"/>'
    table = table.replace(cell.format(dl), cell.format("LEFT")).replace(cell.format(dr), cell.format(fr))
    table = table.replace(cell.format("LEFT"), cell.format(fl))
    return xml[:start] + table + xml[end:]


def fit_signature_table(xml: str, default: Page, fitted: Page) -> str:
    """Move the template's signature band (Nơi nhận | signer) to the fitted columns."""
    if default.signature_columns == fitted.signature_columns:
        return xml
    (dl, dr), (fl, fr) = ((ooxml.twips(a), ooxml.twips(b)) for a, b in (default.signature_columns,
                                                                           fitted.signature_columns))
    grid = f'<w:gridCol w:w="{dl}"/><w:gridCol w:w="{dr}"/>'
    at = xml.rfind(grid)
    if at < 0:
        return xml
    start = xml.rfind("<w:tbl>", 0, at)
    cell = '<w:tcW w:w="{}" w:type="dxa"/>'
    head, tail = xml[:start], xml[start:]
    # every row of the band (a long Nơi nhận continues in a second row); nested group tables
    # and what follows (copy block, appendices: added later) have widths of their own
    tail = tail.replace(grid, f'<w:gridCol w:w="{fl}"/><w:gridCol w:w="{fr}"/>', 1)
    tail = tail.replace(cell.format(dl), cell.format("LEFT")).replace(cell.format(dr), cell.format(fr))
    tail = tail.replace(cell.format("LEFT"), cell.format(fl))
    return head + tail


def recipient_xml(r: Recipient) -> str:
    xml = ooxml.paragraph("noi_nhan", r.spans)
    if r.note_line:  # the note on its own line, indented under the name
        xml += ooxml.paragraph("noi_nhan", (Span(r.note_line),), ooxml.ind(left=rules.NOTE_INDENT_MM, hanging=0.0))
    return xml


def group_xml(g: RecipientGroup) -> str:
    """Items | a "}" as tall as they are | the note, vertically centred."""
    items_mm, brace_mm, note_mm = g.widths_mm
    height = g.item_lines * rules.NOI_NHAN_LINE_PT
    items = "".join(_p("noi_nhan", item) for item in g.items)
    brace = ooxml.brace_paragraph("noi_nhan_ghi_chu", rules.BRACE_CHAR, g.item_lines * rules.BRACE_PT_PER_LINE,
                                  rules.BRACE_SCALE_PERCENT, height)
    return (ooxml.table_open(g.widths_mm) + ooxml.row_open()
            + ooxml.cell(items_mm, items, valign="center") + ooxml.cell(brace_mm, brace, valign="center")
            + ooxml.cell(note_mm, _p("noi_nhan_ghi_chu", g.note), valign="center") + "</w:tr></w:tbl>")


def noi_nhan_block(recipients: list[Recipient | RecipientGroup]) -> str:
    return "".join(group_xml(r) if isinstance(r, RecipientGroup) else recipient_xml(r) for r in recipients)
