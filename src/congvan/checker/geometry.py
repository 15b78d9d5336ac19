"""Lengths in the DOCX: the width a paragraph's text has (its table cell or
text box, less their inner margins), the printed width of its longest line,
and the length of a rule drawn under it, judged against a ratio of that line."""

from __future__ import annotations

from .. import rules
from ..metrics import PT_PER_MM, longest_line_pt
from .context import EMU_PER_TWIP, TWIPS_PER_PT, Ctx
from .locate import norm
from .shapes import VML, WP, vml_length, vml_style
from .view import Para, w

WORD_CELL_MARGIN_TWIPS = 108  # Word's "Normal Table": 0.19 cm left and right
RULE_TOLERANCE = 0.03  # a rule measured in the DOCX: 3 % either way of its ratio


def rule_length(ctx: Ctx, rule_id: str, rule_para: Para | None, lines: list[Para], ratio: tuple[float, float],
                 names: tuple[str, str]) -> None:
    what, what_en = names
    if rule_para is None:
        return ctx.breach(rule_id, ctx.where(lines[-1]), "không có / none", "đường kẻ liền / a solid rule",
                          f"Thiếu đường kẻ dưới {what}", f"no rule under the {what_en}")
    if rule_para.lines:
        return stroke_length(ctx, rule_id, rule_para, lines, ratio, names)
    width = cell_width_twips(rule_para)
    if width is None and rule_para.where == ("body",) and ctx.view.sections:  # in the body: the page's text width
        section = ctx.view.sections[0]
        width = section.width - section.margins.get("left", 0) - section.margins.get("right", 0)
    if rule_para.text.strip() or not width:
        return ctx.skip(rule_id, "đường kẻ không đo được trên DOCX; dùng --layout để đo trên bản in",
                        "the rule cannot be measured in the DOCX; use --layout to measure it on the PDF")
    length_pt = (width - rule_para.ind_left - rule_para.ind_right) / TWIPS_PER_PT
    line_pt = max(printed_line_pt(p) for p in lines)
    low, high = ratio
    share = length_pt / line_pt
    too = not low * line_pt - 2 <= length_pt <= high * line_pt + 2
    off = abs(rule_para.ind_left - rule_para.ind_right) > 30 or rule_para.align not in ("center", "both", "justify")
    if too and off:  # one rule, one finding: a rule drawn across its column is both too long and off centre
        ctx.breach(rule_id, ctx.where(rule_para), f"{share:.2f} × dòng chữ / of the line, lệch / off centre",
                   f"{low:.2f}–{high:.2f} × dòng chữ / of the line, căn giữa / centred",
                   f"Đường kẻ dưới {what} dài {share:.2f} lần dòng chữ và không căn giữa",
                   f"the rule under the {what_en} is {share:.2f} times the line and not centred")
    elif too:
        ctx.breach(rule_id, ctx.where(rule_para), f"{share:.2f} × dòng chữ / of the line",
                   f"{low:.2f}–{high:.2f} × dòng chữ / of the line",
                   f"Đường kẻ dưới {what} dài {share:.2f} lần dòng chữ",
                   f"the rule under the {what_en} is {share:.2f} times the line")
    elif off:
        ctx.breach(rule_id, ctx.where(rule_para), "lệch / off centre", "căn giữa / centred",
                   f"Đường kẻ dưới {what} phải căn giữa", f"the rule under the {what_en} must be centred")


def stroke_length(ctx: Ctx, rule_id: str, rule_para: Para, lines: list[Para], ratio, names) -> None:
    """A drawn line: its length from the shape; which one, when two share a paragraph, by the text's side."""
    what, what_en = names
    strokes = sorted(rule_para.lines, key=lambda s: s.centre_pt or 0)
    stroke = strokes[-1] if lines[-1].column == 1 else strokes[0]
    line_pt = max(printed_line_pt(p) for p in lines)
    low, high = ratio
    if not low * line_pt - 2 <= stroke.length_pt <= high * line_pt + 2:
        share = stroke.length_pt / line_pt
        ctx.breach(rule_id, ctx.where(rule_para), f"{share:.2f} × dòng chữ / of the line",
                   f"{low:.2f}–{high:.2f} × dòng chữ / of the line", f"Đường kẻ dưới {what} dài {share:.2f} lần dòng chữ",
                   f"the rule under the {what_en} is {share:.2f} times the line")


def printed_line_pt(para: Para) -> float:
    """Width of the longest printed line of ``para``: a long name wraps in its column."""
    size = max(para.sizes(), default=rules.ELEMENTS["co_quan_ban_hanh"].size.large)
    cell = cell_width_twips(para)
    room = (cell - para.ind_left - para.ind_right) / TWIPS_PER_PT if cell else rules.TEXT_WIDTH_MM * PT_PER_MM
    return longest_line_pt(norm(para.text), room, size, bold=para.all("bold"))


WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
BOX_INSET_EMU = 91440  # a text box's default inner margin, left and right: 0.1 in (DrawingML and VML alike)


def cell_width_twips(para: Para) -> int | None:
    """The width the paragraph's text has: its table cell less the cell margins, or
    its text box less the box's inner margins; None in the body (the page decides)."""
    cell = next((a for a in para.element.iterancestors() if a.tag in (w("tc"), w("txbxContent"))), None)
    if cell is None:
        return None
    if cell.tag == w("txbxContent"):
        return box_width_twips(cell)
    width = cell.find(f"{w('tcPr')}/{w('tcW')}")
    if width is not None and width.get(w("type"), "dxa") == "dxa" and int(width.get(w("w"), "0") or 0) > 0:
        full = int(width.get(w("w"), "0") or 0)
    else:
        full = _grid_width(cell)
        if full is None:
            return None
    return full - sum(cell_margin(cell, side) for side in ("left", "right"))


def _grid_width(cell) -> int | None:
    """A cell without a width in twips (auto, pct): the table grid's columns it spans."""
    row, table = cell.getparent(), next((a for a in cell.iterancestors() if a.tag == w("tbl")), None)
    grid = [int(c.get(w("w"), "0") or 0) for c in table.iterfind(f"{w('tblGrid')}/{w('gridCol')}")] if table is not None else []
    column = 0
    for tc in row.iterfind(w("tc")):
        span_node = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
        span = int(span_node.get(w("val"), "1")) if span_node is not None else 1
        if tc is cell:
            widths = grid[column:column + span]
            return sum(widths) if len(widths) == span and all(widths) else None
        column += span
    return None


def box_width_twips(box) -> int | None:
    """A text box's inner width: the shape's width less its inner margins (bodyPr
    lIns/rIns, or the VML v:textbox inset), Word's 0.1 in each side when unset."""
    for ancestor in box.iterancestors():
        if ancestor.tag == f"{{{WPS}}}wsp":
            body = ancestor.find(f"{{{WPS}}}bodyPr")
            insets = sum(int(body.get(k, BOX_INSET_EMU)) if body is not None else BOX_INSET_EMU
                         for k in ("lIns", "rIns"))
            extent = next((a.find(f"{{{WP}}}extent") for a in ancestor.iterancestors()
                           if a.tag in (f"{{{WP}}}anchor", f"{{{WP}}}inline")), None)
            if extent is None:
                return None
            return int((int(extent.get("cx", "0")) - insets) / EMU_PER_TWIP)
        if ancestor.tag in (f"{{{VML}}}shape", f"{{{VML}}}rect"):
            width_pt = vml_style(ancestor.get("style", "")).get("width")
            if not width_pt:
                return None
            textbox = ancestor.find(f"{{{VML}}}textbox")
            inset = (textbox.get("inset", "") if textbox is not None else "").split(",")
            default = BOX_INSET_EMU / 12700
            left, right = (vml_length(inset[i]) if len(inset) > i and inset[i].strip() else default for i in (0, 2))
            return int((width_pt - left - right) * TWIPS_PER_PT)
    return None


def cell_margin(cell, side: str) -> int:
    """Text stands inside the cell's margins: its own, else the table's, else Word's default."""
    table = next(a for a in cell.iterancestors() if a.tag == w("tbl"))
    for where in (f"{w('tcPr')}/{w('tcMar')}", f"{w('tblPr')}/{w('tblCellMar')}"):
        holder = (cell if where.startswith(w("tcPr")) else table).find(where)
        node = None if holder is None else (holder.find(w(side)) if holder.find(w(side)) is not None
                                            else holder.find(w("start" if side == "left" else "end")))
        if node is not None and node.get(w("type"), "dxa") == "dxa":
            return int(node.get(w("w"), "0") or 0)
    return WORD_CELL_MARGIN_TWIPS


def widened(ratio: tuple[float, float], tolerance: float) -> tuple[float, float]:
    return ratio[0] * (1 - tolerance), ratio[1] * (1 + tolerance)
