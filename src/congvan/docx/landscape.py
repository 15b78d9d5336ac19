"""A body table too wide for portrait: a landscape section of its own.

Phụ lục I §I.4 allows a landscape page only for such a table.  The writer
puts markers around the table; here each pair becomes two section breaks.
The section the table stood in is cut in three: the part before keeps the
section's own properties (page 1's empty header, numbering from 1), the
table gets a landscape copy, and the part after a portrait copy — both
continuing the page numbers, with the number shown on their first page.
The properties are copied from the section the table stands in (document
or appendix), so headers, margins and a clerk's template settings stay.
"""

from __future__ import annotations

import re

from .sections import _break, _turn

START = "<!--congvan:ngang-->"
END = "<!--/congvan:ngang-->"
_SECTION = re.compile(r"<w:sectPr\b.*?</w:sectPr>", re.S)
_PAGE_SIZE = re.compile(r"<w:pgSz\b[^>]*/>")


def continued(sect: str) -> str:
    """sect without its own first page and without restarting the numbers."""
    sect = re.sub(r"<w:titlePg(?:\s[^>]*)?/>", "", sect)
    sect = re.sub(r'(<w:pgNumType\b[^>]*?)\s+w:start="\d+"', r"\1", sect)
    return re.sub(r"<w:pgNumType\s*/>", "", sect)


def split(document_xml: str) -> str:
    """document_xml with every marked table in a landscape section."""
    while START in document_xml:
        start = document_xml.index(START)
        end = document_xml.index(END, start)
        found = _SECTION.search(document_xml, end)
        if found is None:
            raise ValueError("document.xml has no w:sectPr after a landscape table")
        sect = found.group(0)
        after = continued(sect)
        turned = _PAGE_SIZE.sub(_turn, after, count=1)
        document_xml = (
            document_xml[:start] + _break(sect)
            + document_xml[start + len(START):end] + _break(turned)
            + document_xml[end + len(END):found.start()] + after + document_xml[found.end():]
        )
    return document_xml
