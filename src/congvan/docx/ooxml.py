"""The one place that writes WordprocessingML.

Small functions returning XML fragments as strings.  Child elements are
emitted in the order the OOXML schema requires (Word reports a file as
damaged otherwise, even where LibreOffice does not).  Text is escaped here
and nowhere else.
"""

from __future__ import annotations

from markupsafe import escape

from ..inline import Span

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# --- units --------------------------------------------------------------------

def twips(mm: float) -> int:
    """Millimetres → twentieths of a point (the unit of indents and widths)."""
    return round(mm * 1440 / 25.4)


def half_points(pt: float) -> int:
    """Points → half-points (the unit of w:sz)."""
    return round(pt * 2)


def eighths(pt: float) -> int:
    """Points → eighths of a point (the unit of border widths)."""
    return round(pt * 8)


# --- runs ---------------------------------------------------------------------

def text_xml(text: str) -> str:
    """Escaped run content; "\\n" becomes a line break, "\\t" a tab."""
    out = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if chunk:
                out.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return "".join(out)


def run(span: Span) -> str:
    props = ("<w:b/><w:bCs/>" if span.bold else "") + ("<w:i/><w:iCs/>" if span.italic else "")
    props += '<w:vertAlign w:val="subscript"/>' if span.subscript else ""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f"<w:r>{rpr}{text_xml(span.text)}</w:r>"


# --- paragraphs ---------------------------------------------------------------

def ind(left: float | None = None, right: float | None = None, hanging: float | None = None,
        first_line: float | None = None) -> str:
    attrs = []
    if left is not None:
        attrs.append(f'w:left="{twips(left)}"')
    if right is not None:
        attrs.append(f'w:right="{twips(right)}"')
    if hanging is not None:
        attrs.append(f'w:hanging="{twips(hanging)}"')
    elif first_line is not None:
        attrs.append(f'w:firstLine="{twips(first_line)}"')
    return f"<w:ind {' '.join(attrs)}/>" if attrs else ""


def jc(align: str | None) -> str:
    """A paragraph's own alignment (after w:ind in w:pPr); "justify" is Word's "both"."""
    return f'<w:jc w:val="{"both" if align == "justify" else align}"/>' if align else ""


def brace_paragraph(style: str, glyph: str, size_pt: float, scale_percent: int, line_pt: float) -> str:
    """A tall, narrow glyph (the "}" of a Nơi nhận group): set at size_pt,
    squeezed to scale_percent of its width, on an exact line of line_pt so the
    row is no taller than the items it spans."""
    sz = half_points(size_pt)
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:spacing w:before="0" w:after="0" w:line="{round(line_pt * 20)}"'
        f' w:lineRule="exact"/></w:pPr><w:r><w:rPr><w:w w:val="{scale_percent}"/><w:sz w:val="{sz}"/>'
        f'<w:szCs w:val="{sz}"/></w:rPr><w:t>{escape(glyph)}</w:t></w:r></w:p>'
    )


def keep_next(keep: bool | None) -> str:
    """A paragraph's own keep-with-next, over its style's ("" = the style's).
    Comes before w:ind in w:pPr, as the schema orders them."""
    if keep is None:
        return ""
    return "<w:keepNext/>" if keep else '<w:keepNext w:val="0"/>'


def paragraph(style: str, spans: tuple[Span, ...] | list[Span] = (), indent: str = "") -> str:
    runs = "".join(run(s) for s in spans if s.text)
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{indent}</w:pPr>{runs}</w:p>'


def empty_paragraph(style: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr></w:p>'


def rule_paragraph(style: str, cell_width_mm: float, length_mm: float) -> str:
    """A centred rule of length_mm: an empty paragraph whose bottom border is
    cut to length by equal left and right indents (robust in Word, LibreOffice
    and WPS, unlike a floating line shape)."""
    side = max((cell_width_mm - length_mm) / 2, 0)
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{ind(left=side, right=side)}</w:pPr></w:p>'


def page_field(style: str) -> str:
    """A centred PAGE field: the page number, computed by the word processor."""
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>2</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def boxed_paragraph(style: str, text: str, cell_width_mm: float, box_width_mm: float, height_mm: float,
                    border_pt: float, color: str) -> str:
    """A word in a single-line box box_width_mm × height_mm, centred in its
    cell: paragraph borders cut to width by equal indents, an exact line height."""
    side = max((cell_width_mm - box_width_mm) / 2, 0)
    border = "".join(f'<w:{edge} w:val="single" w:sz="{eighths(border_pt)}" w:space="0" w:color="{color}"/>'
                     for edge in ("top", "left", "bottom", "right"))
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:pBdr>{border}</w:pBdr>'
        f'<w:spacing w:line="{twips(height_mm)}" w:lineRule="exact"/>{ind(left=side, right=side)}</w:pPr>'
        f"{run(Span(text))}</w:p>"
    )


def ruled_paragraph(style: str, spans, border_pt: float, color: str) -> str:
    """A paragraph with a full-width rule above it (the footer of ô 13)."""
    border = f'<w:pBdr><w:top w:val="single" w:sz="{eighths(border_pt)}" w:space="1" w:color="{color}"/></w:pBdr>'
    return paragraph(style, spans, border)


# --- tables -------------------------------------------------------------------

_NO_BORDERS = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


def table_open(columns_mm: tuple[float, ...], indent_mm: float = 0.0, top_pt: float = 0.0) -> str:
    """A borderless fixed-layout table: the widths are written in the grid and
    in every cell, since LibreOffice ignores widths without a fixed layout
    and WPS collapses tables without both."""
    total = sum(twips(c) for c in columns_mm)
    grid = "".join(f'<w:gridCol w:w="{twips(c)}"/>' for c in columns_mm)
    return (
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{total}" w:type="dxa"/>'
        f'<w:tblInd w:w="{twips(indent_mm)}" w:type="dxa"/>'
        f"<w:tblBorders>{_NO_BORDERS}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="{round(top_pt * 20)}" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"'
        ' w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    )


def row_open(cant_split: bool = True) -> str:
    return "<w:tr><w:trPr><w:cantSplit/></w:trPr>" if cant_split else "<w:tr>"


def cell(width_mm: float, content: str, top_pt: float | None = None, valign: str = "") -> str:
    """A cell; ``top_pt`` overrides the table's top cell margin; ``valign`` centres its content ("center")."""
    # A cell must end with a paragraph, or Word reports the file as damaged.
    if not content.rstrip().endswith("</w:p>"):
        content += "<w:p/>"
    mar = f'<w:tcMar><w:top w:w="{round(top_pt * 20)}" w:type="dxa"/></w:tcMar>' if top_pt is not None else ""
    v = f'<w:vAlign w:val="{valign}"/>' if valign else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{twips(width_mm)}" w:type="dxa"/>{mar}{v}</w:tcPr>{content}</w:tc>'


def _borders(pt: float, color: str) -> str:
    size = eighths(pt)
    return "".join(f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="{color}"/>'
                   for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


def grid_table(columns_mm: tuple[float, ...], header: list[str], rows: list[list[str]], border_pt: float,
               color: str, padding_mm: float) -> str:
    """A bordered fixed-layout table whose first row repeats on every page
    (tblHeader).  header and rows hold each cell's paragraphs as XML."""
    total = sum(twips(c) for c in columns_mm)
    grid = "".join(f'<w:gridCol w:w="{twips(c)}"/>' for c in columns_mm)
    pad = twips(padding_mm)
    head = '<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' + "".join(
        cell(w, c) for w, c in zip(columns_mm, header)) + "</w:tr>"
    body = "".join("<w:tr>" + "".join(cell(w, c) for w, c in zip(columns_mm, row)) + "</w:tr>" for row in rows)
    return (
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{total}" w:type="dxa"/>'
        f"<w:tblBorders>{_borders(border_pt, color)}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{pad}" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"'
        ' w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{head}{body}</w:tbl>"
    )


# --- section --------------------------------------------------------------------

def section(page_mm: tuple[float, float], margins_mm: dict[str, float], header_mm: float, footer_mm: float,
            header_ids: dict[str, str], footer_ids: dict[str, str] | None = None) -> str:
    """Page size, margins and the header references; titlePg gives page 1 its
    own (empty) header so it carries no page number."""
    refs = "".join(f'<w:headerReference w:type="{kind}" r:id="{rid}"/>' for kind, rid in header_ids.items())
    refs += "".join(f'<w:footerReference w:type="{kind}" r:id="{rid}"/>' for kind, rid in (footer_ids or {}).items())
    width, height = page_mm
    m = margins_mm
    return (
        f"<w:sectPr>{refs}"
        f'<w:pgSz w:w="{twips(width)}" w:h="{twips(height)}"/>'
        f'<w:pgMar w:top="{twips(m["top"])}" w:right="{twips(m["right"])}" w:bottom="{twips(m["bottom"])}"'
        f' w:left="{twips(m["left"])}" w:header="{twips(header_mm)}" w:footer="{twips(footer_mm)}" w:gutter="0"/>'
        '<w:pgNumType w:start="1"/><w:titlePg/></w:sectPr>'
    )
