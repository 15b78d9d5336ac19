"""Pictures in WordprocessingML: the signature inline, the seal floating over it."""

from __future__ import annotations

from markupsafe import escape

_EMU_PER_MM = 36000
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def emu(mm: float) -> int:
    return round(mm * _EMU_PER_MM)


def _graphic(rid: str, name: str, pic_id: int, cx: int, cy: int) -> str:
    return (
        f'<a:graphic xmlns:a="{_A}"><a:graphicData uri="{_PIC}"><pic:pic xmlns:pic="{_PIC}">'
        f'<pic:nvPicPr><pic:cNvPr id="{pic_id}" name="{escape(name)}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
    )


def inline(rid: str, name: str, pic_id: int, width_mm: float, height_mm: float) -> str:
    """A run holding an inline picture (moves with the text)."""
    cx, cy = emu(width_mm), emu(height_mm)
    return (
        f'<w:r><w:drawing><wp:inline xmlns:wp="{_WP}" distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{pic_id}" name="{escape(name)}"/>'
        f"{_graphic(rid, name, pic_id, cx, cy)}</wp:inline></w:drawing></w:r>"
    )


def floating(rid: str, name: str, pic_id: int, width_mm: float, height_mm: float, x_mm: float, y_mm: float) -> str:
    """A run holding a picture floating in front of the text, placed x_mm from
    the left of its column and y_mm from the top of its paragraph."""
    cx, cy = emu(width_mm), emu(height_mm)
    return (
        f'<w:r><w:drawing><wp:anchor xmlns:wp="{_WP}" distT="0" distB="0" distL="0" distR="0" simplePos="0"'
        ' relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{emu(x_mm)}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{emu(y_mm)}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{pic_id}" name="{escape(name)}"/><wp:cNvGraphicFramePr/>'
        f"{_graphic(rid, name, pic_id, cx, cy)}</wp:anchor></w:drawing></w:r>"
    )


def add_images(parts: dict[str, bytes], images: dict[str, tuple[str, bytes]]) -> None:
    """Add media parts and their relationships: images = {rid: (file name, PNG bytes)}."""
    if not images:
        return
    rels_name = "word/_rels/document.xml.rels"
    rels = parts[rels_name].decode("utf-8")
    extra = "".join(f'<Relationship Id="{rid}" Type="{_IMAGE_REL}" Target="media/{name}"/>'
                    for rid, (name, _) in images.items())
    parts[rels_name] = rels.replace("</Relationships>", extra + "</Relationships>").encode("utf-8")
    for name, data in images.values():
        parts[f"word/media/{name}"] = data
