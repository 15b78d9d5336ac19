"""Sections after the document's own: one per appendix.

Each appendix starts on a new page, numbers its pages from 1 again with no
number on its first page (Phụ lục I §III.1.đ), and turns landscape only when
its table needs it (§I.4).  The appendix sections copy the document's own
section properties (page, margins, headers) from the rendered template, so a
template a clerk re-styled in Word keeps its settings in the appendices.
"""

from __future__ import annotations

import re

_FINAL_SECTION = re.compile(r"<w:sectPr\b.*?</w:sectPr>(?=\s*</w:body>)", re.S)
_PAGE_SIZE = re.compile(r'<w:pgSz\b[^>]*/>')
_NUMBERING = re.compile(r'<w:pgNumType\b[^>]*/>')


def with_appendices(document_xml: str, appendices: list[tuple[str, bool]]) -> str:
    """document_xml with (content XML, landscape) appendices appended, each in its own section."""
    if not appendices:
        return document_xml
    match = _FINAL_SECTION.search(document_xml)
    if match is None:
        raise ValueError("the template's document.xml has no final w:sectPr")
    main = match.group(0)
    out = [document_xml[:match.start()], _break(main)]
    for index, (content, landscape) in enumerate(appendices):
        sect = appendix_section(main, landscape)
        out.append(content)
        out.append(sect if index == len(appendices) - 1 else _break(sect))
    out.append(document_xml[match.end():])
    return "".join(out)


def before_final_section(document_xml: str, content: str) -> str:
    """content appended to the document's last section (the copy block of Mẫu 3.1)."""
    match = _FINAL_SECTION.search(document_xml)
    if match is None:
        raise ValueError("the template's document.xml has no final w:sectPr")
    return document_xml[:match.start()] + content + document_xml[match.start():]


def _break(sect: str) -> str:
    # A section ends at a paragraph that carries its properties.
    return f"<w:p><w:pPr>{sect}</w:pPr></w:p>"


def appendix_section(main: str, landscape: bool) -> str:
    """The document's section properties, numbering restarted at 1, first page
    without a number; children kept in the order the schema requires."""
    sect = main
    restart = '<w:pgNumType w:start="1"/>'
    if _NUMBERING.search(sect):
        sect = _NUMBERING.sub(restart, sect, count=1)
    else:
        sect = _insert_before(sect, ("cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection",
                                     "bidi", "rtlGutter", "docGrid"), restart)
    if "<w:titlePg/>" not in sect and "<w:titlePg " not in sect:
        sect = _insert_before(sect, ("textDirection", "bidi", "rtlGutter", "docGrid"), "<w:titlePg/>")
    if landscape:
        sect = _PAGE_SIZE.sub(_turn, sect, count=1)
    return sect


def _insert_before(sect: str, later: tuple[str, ...], xml: str) -> str:
    positions = [m.start() for name in later for m in [re.search(rf"<w:{name}\b", sect)] if m]
    at = min(positions) if positions else sect.rindex("</w:sectPr>")
    return sect[:at] + xml + sect[at:]


def _turn(match: re.Match) -> str:
    attrs = dict(re.findall(r'w:(\w+)="([^"]*)"', match.group(0)))
    width, height = sorted((int(attrs["w"]), int(attrs["h"])))
    return f'<w:pgSz w:w="{height}" w:h="{width}" w:orient="landscape"/>'
