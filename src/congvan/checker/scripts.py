"""Which rFonts slot renders which text (ECMA-376 §17.3.2.26), and the theme's fonts.

Word picks a run's font by the characters it holds: ``ascii`` for U+0000–007F,
``hAnsi`` for the rest of the Latin script (every Vietnamese letter), ``eastAsia``
for CJK, ``cs`` for complex scripts (or when ``w:rtl``/``w:cs`` say so).  A slot
that renders none of the text cannot make the document's font wrong.
"""

from __future__ import annotations

import re

from .reader import Package

A = "http://schemas.openxmlformats.org/drawingml/2006/main"

EAST_ASIAN_RANGES = ((0x1100, 0x11FF), (0x2E80, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xF900, 0xFAFF),
                     (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x2FFFF))
COMPLEX_RANGES = ((0x0590, 0x08FF), (0x0900, 0x0DFF), (0x0E00, 0x0EFF), (0x0F00, 0x0FFF), (0x1780, 0x17FF),
                  (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))


def _char_class(ranges) -> re.Pattern:
    return re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in ranges) + "]")


_EAST_ASIAN, _COMPLEX, _ASCII = _char_class(EAST_ASIAN_RANGES), _char_class(COMPLEX_RANGES), re.compile("[\x00-\x7f]")



def slots(text: str, hint: str = "", complex_script: bool = False) -> set[str]:
    """The slots that render ``text``; eastAsia/cs only for such characters or hint/rtl."""
    text = "".join(text.split())
    if not text:
        return set()
    if complex_script:
        return {"cs"}
    out: set[str] = set()
    if _COMPLEX.search(text):
        out.add("cs")
    if _EAST_ASIAN.search(text):
        out.add("eastAsia")
    latin = _EAST_ASIAN.sub("", _COMPLEX.sub("", text))
    if _ASCII.search(latin):
        out.add("ascii")
    if not latin.isascii():
        out.add("eastAsia" if hint == "eastAsia" else "hAnsi")
    return out


def theme_fonts(package: Package) -> dict[str, str]:
    """"theme:minorHAnsi" → the typeface theme1.xml names for it (minor/major × latin, ea, cs)."""
    theme = next((root for part, root in package.parts.items() if part.startswith("word/theme/")), None)
    out: dict[str, str] = {}
    if theme is None:
        return out
    for kind in ("minor", "major"):
        font = theme.find(f".//{{{A}}}{kind}Font")
        if font is None:
            continue
        for slot, tag in (("Ascii", "latin"), ("HAnsi", "latin"), ("EastAsia", "ea"), ("Bidi", "cs")):
            face = font.find(f"{{{A}}}{tag}")
            if face is not None and face.get("typeface"):
                out[f"theme:{kind}{slot}"] = face.get("typeface")
    return out
