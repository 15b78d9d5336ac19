"""Shapes a header is drawn with: the rules under the motto and the agency name
(DrawingML lines and thin rectangles, VML lines, rectangles and shapes in
``w:pict``), and the boxes of urgency and confidentiality stamps (a bordered
one-cell table, an outlined text box).  Never the ``mc:Fallback`` copy of a
shape: it repeats the ``mc:Choice``."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .reader import W

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _int(text: str | None) -> int:
    try:
        return int(float(text or 0))
    except ValueError:
        return 0


@dataclass(frozen=True)
class Stroke:
    """A straight line drawn as a shape (how Word users draw the header rules)."""

    length_pt: float
    centre_pt: float | None  # from the margin, when the anchor says so


WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
EMU_PER_PT = 12700
LINE_SHAPES = ("line", "straightConnector1")


THIN_PT = 2.0  # a shape this thin and longer than MIN_RULE_PT is a drawn rule
MIN_RULE_PT = 10.0
VML = "urn:schemas-microsoft-com:vml"


def strokes(p: etree._Element) -> list[Stroke]:
    """Rules drawn as shapes anchored in the paragraph: DrawingML lines and thin
    rectangles (their length from the extent), VML lines, rectangles and shapes
    in w:pict (old Word templates).  Never the mc:Fallback copy of a shape."""
    out = []
    for anchor in p.iter(f"{{{WP}}}anchor", f"{{{WP}}}inline"):
        geom = anchor.find(f".//{{{A}}}prstGeom")
        extent = anchor.find(f"{{{WP}}}extent")
        if geom is None or extent is None or in_fallback(anchor):
            continue
        length, height = _int(extent.get("cx")) / EMU_PER_PT, _int(extent.get("cy")) / EMU_PER_PT
        is_rule = geom.get("prst") in LINE_SHAPES or (
            geom.get("prst") == "rect" and height <= THIN_PT and length >= MIN_RULE_PT
            and anchor.find(f".//{{{W}}}txbxContent") is None)
        if not is_rule:
            continue
        offset = anchor.find(f"{{{WP}}}positionH/{{{WP}}}posOffset")
        centre = _int(offset.text) / EMU_PER_PT + length / 2 if offset is not None else None
        out.append(Stroke(length, centre))
    for shape in p.iter(f"{{{VML}}}line", f"{{{VML}}}rect", f"{{{VML}}}shape"):
        if in_fallback(shape) or shape.find(f"{{{VML}}}textbox") is not None:
            continue
        stroke = _vml_stroke(shape)
        if stroke is not None:
            out.append(stroke)
    return out


def in_fallback(node: etree._Element) -> bool:
    return any(a.tag == f"{{{MC}}}Fallback" for a in node.iterancestors())


def _vml_stroke(shape: etree._Element) -> Stroke | None:
    style = vml_style(shape.get("style", ""))
    if shape.tag == f"{{{VML}}}line":
        start, end = (_vml_point(shape.get(k, "0,0")) for k in ("from", "to"))
        length, height = abs(end[0] - start[0]), abs(end[1] - start[1])
        left = min(start[0], end[0])
    else:
        length, height = style.get("width", 0.0), style.get("height", 0.0)
        left = style.get("margin-left", style.get("left", 0.0))
    if height > THIN_PT or length < MIN_RULE_PT:
        return None
    return Stroke(length, left + length / 2)


_UNITS_PT = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, "pc": 12.0, "": 0.75}


def vml_length(value: str) -> float:
    """A VML length ("12pt", "1.5in", ".75pt", "120") in points; a bare number is in pixels."""
    value = value.strip()
    number = value.rstrip("abcdefghijklmnopqrstuvwxyz%")
    try:
        return float(number or 0) * _UNITS_PT.get(value[len(number):], 0.0)
    except ValueError:
        return 0.0


def vml_style(style: str) -> dict[str, float]:
    out = {}
    for item in style.split(";"):
        key, _, value = item.partition(":")
        if key.strip() in ("width", "height", "margin-left", "left", "margin-top", "top"):
            out[key.strip()] = vml_length(value)
    return out


def _vml_point(text: str) -> tuple[float, float]:
    x, _, y = text.partition(",")
    return vml_length(x), vml_length(y)


def _drawn(borders: etree._Element | None) -> bool:
    return borders is not None and all(
        (b := borders.find(w(side))) is not None and b.get(w("val")) not in ("nil", "none")
        for side in ("top", "left", "bottom", "right"))


def one_bordered_cell(tbl: etree._Element) -> bool:
    """A table of one cell with a border all round: how Word users draw a KHẨN or MẬT stamp."""
    cells = tbl.findall(f"{w('tr')}/{w('tc')}")
    if len(cells) != 1:
        return False
    return _drawn(cells[0].find(f"{w('tcPr')}/{w('tcBorders')}")) or _drawn(tbl.find(f"{w('tblPr')}/{w('tblBorders')}"))


def outlined(box: etree._Element) -> bool:
    """A text box whose shape has a visible outline (DrawingML a:ln with a fill, or VML stroked)."""
    for ancestor in box.iterancestors():
        if ancestor.tag == "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}wsp":
            line = ancestor.find(f".//{{{A}}}ln")
            return line is not None and line.find(f"{{{A}}}noFill") is None and len(line) > 0
        if ancestor.tag == f"{{{VML}}}shape":
            return ancestor.get("stroked", "t") not in ("f", "false")
    return False
