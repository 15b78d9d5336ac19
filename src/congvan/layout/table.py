"""A table of the body (``bang``): cells on the grid, widths, orientation.

The cells come from the model already placed (``NoiDungBang.header_grid``);
here they become rows of the Word grid: a cell spanning columns is one cell
with a span, a cell spanning rows is a "restart" cell on top and a
"continue" cell in each row below.  Headings are bold and centred (the
"Tiêu đề bảng" style), cells in the "Ô bảng" style, both a step below the
body's size (rules.ELEMENTS); a column's alignment is its own.

Widths: a column the clerk sized keeps its width; the others share the rest
of the text width in proportion to the text they hold, never narrower than
their longest word.  A table that cannot fit a portrait page that way turns
landscape (Phụ lục I §I.4 allows it for tables).
"""

from __future__ import annotations

from .. import inline, rules
from ..model.table import Bang, NoiDungBang, Placed
from ..rules import Align, Profile
from . import geometry
from .view import Grid, GridCell, GridRow, Para

_PADDING = 2 * rules.TABLE_CELL_PADDING_MM
_ALIGN = {"trai": Align.LEFT, "giua": Align.CENTER, "phai": Align.RIGHT, "deu": Align.JUSTIFY}


def grid(block: Bang, profile: Profile) -> Grid:
    table = block.bang
    head, body = table.header_grid(), table.body_grid()
    heads = len(table.dau)
    aligns = [c.can for c in table.cot] or [None] * table.columns
    if table.numbering_title is not None:
        head = _numbered_head(head, heads, table.numbering_title)
        body = _numbered_body(body, len(table.dong))
        aligns = ["giua", *aligns]
    width = len(aligns)
    rows = tuple(GridRow(_row(head, r, width, aligns, header=True), header=True) for r in range(heads))
    rows += tuple(GridRow(_row(body, r, width, aligns, header=False)) for r in range(len(table.dong)))
    widths, landscape = _widths(table, head, body, width, profile)
    return Grid(widths_mm=widths, rows=rows, cant_split=not table.tach_dong, landscape=landscape,
                centred=sum(widths) < _text_width(landscape) - 0.5)


def _numbered_head(head: list[Placed], heads: int, title: str) -> list[Placed]:
    if not heads:
        return head
    shifted = [Placed(p.row, p.col + 1, p.cols, p.rows, p.text, p.can) for p in head]
    return [Placed(0, 0, 1, heads, title, "giua"), *shifted]


def _numbered_body(body: list[Placed], count: int) -> list[Placed]:
    shifted = [Placed(p.row, p.col + 1, p.cols, p.rows, p.text, p.can) for p in body]
    return [Placed(r, 0, 1, 1, str(r + 1), "giua") for r in range(count)] + shifted


def _row(cells: list[Placed], r: int, width: int, aligns: list, header: bool) -> tuple[GridCell, ...]:
    """Row r of the Word grid: the cells that start in it, and a "continue"
    cell wherever a cell from a row above reaches down into it."""
    starts = {p.col: p for p in cells if p.row == r}
    above = {p.col: p for p in cells if p.row < r < p.row + p.rows}
    out, c = [], 0
    while c < width:
        if c in starts:
            p = starts[c]
            merge = "restart" if p.rows > 1 else ""
            out.append(GridCell(_paras(p, aligns[c], header), p.cols, merge, middle=header or p.rows > 1))
        else:
            p = above[c]
            element = "bang_tieu_de" if header else "bang_o"
            out.append(GridCell((Para(element, ()),), p.cols, "continue", middle=header or p.rows > 1))
        c += p.cols
    return tuple(out)


def _paras(p: Placed, column_align: str | None, header: bool) -> tuple[Para, ...]:
    """A cell's lines as paragraphs; "\\n" starts a new one."""
    if header:
        element, align = "bang_tieu_de", p.can
    else:
        align = p.can or column_align
        element = "bang_o_giua" if align == "giua" else "bang_o"
    shown = rules.ELEMENTS[element].align
    override = _ALIGN[align].value if align and _ALIGN[align] is not shown else None
    lines = p.text.split("\n") if p.text else [""]
    return tuple(Para(element, tuple(inline.parse(line)), align=override) for line in lines)


def _text_width(landscape: bool) -> float:
    return rules.LANDSCAPE_TEXT_WIDTH_MM if landscape else rules.TEXT_WIDTH_MM


def _widths(table: NoiDungBang, head: list[Placed], body: list[Placed], width: int,
            profile: Profile) -> tuple[tuple[float, ...], bool]:
    least, wanted = _wants(head, body, width, profile)
    own = [c.rong for c in table.cot] if table.cot else [None] * table.columns
    # The numbering column is as wide as its widest number or heading, never stretched.
    given = [round(wanted[0], 1), *own] if width > table.columns else own
    floor = sum(g if g is not None else least[i] for i, g in enumerate(given))
    landscape = table.trang_ngang if table.trang_ngang is not None else floor > rules.TEXT_WIDTH_MM + 0.05
    room = _text_width(landscape)
    auto = [i for i, g in enumerate(given) if g is None]
    if not auto:
        return tuple(round(g, 1) for g in given), landscape
    left = room - sum(g for g in given if g is not None)
    out = list(given)
    for i, w in _share(auto, least, wanted, left).items():
        out[i] = max(w, _PADDING + rules.TABLE_MIN_COLUMN_MM)
    return _rounded(out, auto[-1], room), landscape


def _share(auto: list[int], least: list[float], wanted: list[float], left: float) -> dict[int, float]:
    """Room for the columns sized from their text.  If all their lines fit,
    the spare room goes to them by the size of their text; if not, a column
    whose text wants less than an equal share gets all it wants (a date or a
    name never wraps for the sake of a long column), and the long columns
    keep their longest word and share the rest."""
    out: dict[int, float] = {}
    rest, room = list(auto), left
    while rest:
        want = sum(wanted[i] for i in rest)
        if want <= left:
            return {**out, **{i: wanted[i] + (left - want) * wanted[i] / want for i in rest}}
        fair = left / len(rest)
        small = [i for i in rest if wanted[i] <= fair]
        if not small:
            break
        for i in small:
            out[i] = wanted[i]
            left -= wanted[i]
        rest = [i for i in rest if i not in small]
    if out and sum(least[i] for i in rest) > left:  # the short columns took too much: no favours
        return _wrapped(auto, least, wanted, room)
    return {**out, **_wrapped(rest, least, wanted, left)}


def _wrapped(columns: list[int], least: list[float], wanted: list[float], left: float) -> dict[int, float]:
    """Columns whose lines wrap: each keeps its longest word, the rest of the
    room by how much more its text wants."""
    base = sum(least[i] for i in columns)
    if base >= left:  # too narrow even for the longest words: shrink alike
        return {i: least[i] * max(left, 0.0) / base for i in columns}
    extra = sum(wanted[i] - least[i] for i in columns) or 1.0
    return {i: least[i] + (left - base) * (wanted[i] - least[i]) / extra for i in columns}


def _rounded(widths: list[float], last_auto: int, room: float) -> tuple[float, ...]:
    """Widths to 0.1 mm, the last column sized automatically taking the
    rounding, so the table stays exactly as wide as the text."""
    out = [round(w, 1) for w in widths]
    spare = round(room - sum(out), 1)
    if abs(spare) < 1.0:
        out[last_auto] = round(out[last_auto] + spare, 1)
    return tuple(out)


def _wants(head: list[Placed], body: list[Placed], width: int, profile: Profile) -> tuple[list[float], list[float]]:
    """Per column: the least width (its longest word) and the width its
    longest line wants; cells spanning columns count for their first one
    only by the share of their longest word."""
    least, wanted = [_PADDING] * width, [_PADDING] * width
    for cells, element in ((head, "bang_tieu_de"), (body, "bang_o")):
        for p in cells:
            if not p.text:
                continue
            lines = p.text.split("\n")
            words = max((geometry.text_mm(inline.plain(w), element, profile) for line in lines for w in line.split()),
                        default=0.0)
            whole = max(geometry.text_mm(inline.plain(line), element, profile) for line in lines)
            if element == "bang_tieu_de":  # a heading may wrap to two lines, never one word per line
                whole = max(words, whole / 2)
            share = p.cols
            for c in range(p.col, p.col + p.cols):
                least[c] = max(least[c], words / share + _PADDING)
                wanted[c] = max(wanted[c], whole / share + _PADDING)
    return least, wanted
