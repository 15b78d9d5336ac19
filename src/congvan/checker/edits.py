"""The corrections --fix applies, as closures a check attaches to its finding.
Each edits the XML in place and inserts new children in the order the OOXML
schema requires, so Word never calls the fixed file damaged."""

from __future__ import annotations

from typing import Callable

from .view import Para, w


def set_runs(para: Para, **props) -> Callable[[], None] | None:
    """A fix: direct run formatting on every run of the paragraph.  None (no fix)
    when a run also holds text of the other half of a tab-split line: formatting
    it would change the neighbour too, and --fix refuses rather than guesses."""
    if any(run.shared for run in para.runs):
        return None

    def apply() -> None:
        for run in para.runs:
            if run.element is None:
                continue
            rpr = run.element.find(w("rPr"))
            if rpr is None:
                rpr = run.element.makeelement(w("rPr"), {})
                run.element.insert(0, rpr)
            for key, value in props.items():
                set_prop(rpr, key, value)
    return apply


def set_paragraphs(paras: list[Para], tag: str, **attrs: str | None) -> Callable[[], None]:
    """A fix: set (or, with None, remove) attributes of one pPr child on each paragraph."""
    def apply() -> None:
        for para in paras:
            ppr = para.element.find(w("pPr"))
            if ppr is None:
                ppr = para.element.makeelement(w("pPr"), {})
                para.element.insert(0, ppr)
            node = ppr.find(w(tag))
            if node is None:
                node = ppr.makeelement(w(tag), {})
                insert_in_order(ppr, node)
            for name, value in attrs.items():
                node.attrib.pop(w(name), None) if value is None else node.set(w(name), value)
    return apply


#: pPr children in schema order (CT_PPrBase), so Word never calls the fixed file damaged.
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
             "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc")


RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
             "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
             "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
             "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")
SECT_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
              "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
              "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange")


def insert_in_order(parent, node, order: tuple[str, ...] = PPR_ORDER) -> None:
    """Insert ``node`` before the first sibling the schema puts after it."""
    rank = order.index(node.tag.split("}")[1])
    for at, child in enumerate(parent):
        name = child.tag.split("}")[1]
        if name not in order or order.index(name) > rank:
            parent.insert(at, node)
            return
    parent.append(node)


def set_prop(rpr, key: str, value) -> None:
    tags = {"size": ("sz", "szCs"), "bold": ("b", "bCs"), "italic": ("i", "iCs")}[key]
    for tag in tags:
        node = rpr.find(w(tag))
        if node is None:
            node = rpr.makeelement(w(tag), {})
            insert_in_order(rpr, node, RPR_ORDER)
        node.set(w("val"), str(int(value * 2)) if key == "size" else ("1" if value else "0"))


def replace_text(para: Para, old: str, new: str) -> Callable[[], None] | None:
    """A fix that edits text, also across runs (Word splits "ngày 5" into "ngày ", "5"):
    only the characters that differ between ``old`` and ``new`` change, in the run
    that holds them; every other character and run stays as it was.  None when
    ``old`` does not occur exactly once in the paragraph's text nodes."""
    nodes = [t for run in para.runs if run.element is not None for t in run.element.iter(w("t"))]
    text = "".join(node.text or "" for node in nodes)
    if not old or text.count(old) != 1:
        return None
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    start = text.index(old) + prefix
    end = text.index(old) + len(old) - suffix
    insert = new[prefix:len(new) - suffix]

    def apply() -> None:
        spans, position = [], 0
        for node in nodes:
            value = node.text or ""
            spans.append((node, position, value))
            position += len(value)
        # the run that holds the first changed character gets the new ones ("8" → "08" stays in the digit's run)
        host = next((s for s in spans if s[1] <= start < s[1] + len(s[2])), None) or \
            next(s for s in reversed(spans) if s[1] + len(s[2]) == start)
        for node, low, value in spans:
            cut_from, cut_to = max(start, low), min(end, low + len(value))
            edited = value[:cut_from - low] + value[cut_to - low:] if cut_from < cut_to else value
            if node is host[0]:
                edited = edited[:start - low] + insert + edited[start - low:]
            if edited != value:
                node.text = edited
                if edited != edited.strip():
                    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return apply
