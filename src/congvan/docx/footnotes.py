"""Footnotes as Word writes them: word/footnotes.xml and what points to it.

The part opens with the separator (id -1) and the continuation separator
(id 0) that Word and LibreOffice draw above the notes; the notes follow
with ids 1, 2, 3 — the numbers the layout gave them.  Each note is a
paragraph in the "footnote text" style starting with its own number
(w:footnoteRef) in the "footnote reference" style, which is superscript.
Word's own style names, so a note the clerk adds in Word looks the same.
A document without notes gets none of this: its bytes do not change.
"""

from __future__ import annotations

import re

from .. import rules
from ..layout.view import Note
from ..rules import Profile
from . import ooxml
from .styles import _para_props, _run_props

PART = "word/footnotes.xml"
RELATIONSHIP_ID = "rIdFootnotes"
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_IDS = '<w:footnote w:id="-1"/><w:footnote w:id="0"/>'


def footnotes_xml(notes: list[Note]) -> bytes:
    spacing = '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    parts = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{ooxml.W_NS}"'
        f' xmlns:r="{ooxml.R_NS}">',
        f'<w:footnote w:type="separator" w:id="-1"><w:p>{spacing}<w:r><w:separator/></w:r></w:p></w:footnote>',
        f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p>{spacing}<w:r><w:continuationSeparator/></w:r>'
        "</w:p></w:footnote>",
    ]
    ref = f'<w:r><w:rPr><w:rStyle w:val="{rules.FOOTNOTE_REFERENCE_STYLE}"/></w:rPr><w:footnoteRef/></w:r>'
    for note in notes:
        runs = "".join(ooxml.run(s) for s in note.spans if s.text)
        parts.append(
            f'<w:footnote w:id="{note.number}"><w:p><w:pPr><w:pStyle w:val="{rules.FOOTNOTE_TEXT_STYLE}"/></w:pPr>'
            f'{ref}<w:r><w:t xml:space="preserve"> </w:t></w:r>{runs}</w:p></w:footnote>'
        )
    parts.append("</w:footnotes>")
    return "".join(parts).encode("utf-8")


def _styles(profile: Profile) -> str:
    el = rules.FOOTNOTE_TEXT
    text = (
        f'<w:style w:type="paragraph" w:styleId="{rules.FOOTNOTE_TEXT_STYLE}"><w:name w:val="{el.name_vi}"/>'
        f'<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        f"{_para_props(el)}{_run_props(el, profile)}</w:style>"
    )
    reference = (
        f'<w:style w:type="character" w:styleId="{rules.FOOTNOTE_REFERENCE_STYLE}">'
        f'<w:name w:val="{rules.FOOTNOTE_REFERENCE_NAME}"/><w:basedOn w:val="DefaultParagraphFont"/>'
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    )
    return text + reference


# Children of w:settings that come after w:footnotePr (ECMA-376 CT_Settings).
_AFTER_FOOTNOTE_PR = ("endnotePr", "compat", "docVars", "rsids", "m:mathPr", "attachedSchema", "themeFontLang",
                      "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
                      "captions", "readModeInkLockDown", "smartTagType", "sl:schemaLibrary", "shapeDefaults",
                      "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


def _insert_before_first(xml: str, names: tuple[str, ...], closing: str, fragment: str) -> str:
    found = [m.start() for name in names for m in [re.search(rf"<(?:w:)?{re.escape(name)}\b", xml)] if m]
    at = min(found) if found else xml.rindex(closing)
    return xml[:at] + fragment + xml[at:]


def add_notes(parts: dict[str, bytes], notes: list[Note], profile: Profile) -> None:
    """The footnotes part, its relationship and content type, the two styles,
    and settings naming the separators (as Word writes them)."""
    if not notes:
        return
    parts[PART] = footnotes_xml(notes)
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    if RELATIONSHIP_ID not in rels:
        rel = f'<Relationship Id="{RELATIONSHIP_ID}" Type="{_REL_TYPE}" Target="footnotes.xml"/>'
        parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", rel + "</Relationships>").encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    if "/word/footnotes.xml" not in types:
        override = f'<Override PartName="/word/footnotes.xml" ContentType="{_CONTENT_TYPE}"/>'
        parts["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode("utf-8")
    styles = parts["word/styles.xml"].decode("utf-8")
    if f'w:styleId="{rules.FOOTNOTE_TEXT_STYLE}"' not in styles:
        parts["word/styles.xml"] = styles.replace("</w:styles>", _styles(profile) + "</w:styles>").encode("utf-8")
    settings = parts["word/settings.xml"].decode("utf-8")
    if "<w:footnotePr" not in settings:
        fragment = f"<w:footnotePr>{_IDS}</w:footnotePr>"
        parts["word/settings.xml"] = _insert_before_first(settings, _AFTER_FOOTNOTE_PR, "</w:settings>",
                                                          fragment).encode("utf-8")
