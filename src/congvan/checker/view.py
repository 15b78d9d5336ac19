"""A neutral view of a DOCX: paragraphs in reading order with the properties
Word would apply (document defaults → style chain → direct formatting), from
the body, table cells and text boxes alike, and the page setup of each section.

This is what lets the checker judge files Word made, not only congvan's own:
the same element may be a styled paragraph, a table cell, a text box or a
tab-separated half line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .reader import R, W, Package
from .scripts import slots, theme_fonts
from .shapes import Stroke, in_fallback, one_bordered_cell, outlined, strokes

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class Run:
    text: str
    size: float | None  # pt
    bold: bool
    italic: bool
    caps: bool
    fonts: dict[str, str]  # slot → family (theme fonts resolved through theme1.xml, else "theme:minorHAnsi")
    element: etree._Element | None = None
    hint: str = ""  # w:rFonts/@w:hint: "eastAsia" makes shared characters use the East-Asian slot
    complex: bool = False  # w:rtl or w:cs: the run is set in its complex-script font
    shared: bool = False  # one half of a run that a tab splits between the two header columns

    @property
    def shown(self) -> str:
        """The text as printed (caps formatting shows upper case)."""
        return self.text.upper() if self.caps else self.text

    def slots(self) -> set[str]:
        """The rFonts slots that render this run's text (ECMA-376 §17.3.2.26): ascii for
        U+0000–007F, hAnsi for the rest of the Latin script (Vietnamese letters), eastAsia
        and cs only for East-Asian or complex-script characters, or when hint/rtl say so."""
        return slots(self.text, self.hint, self.complex)


@dataclass(eq=False)  # identity: locate() finds paragraphs by `is`/index
class Para:
    index: int
    runs: list[Run]
    style_id: str
    style_name: str
    align: str
    ind_left: int  # twips
    ind_right: int
    first_line: int  # negative for a hanging indent
    before: float  # pt
    after: float
    line: float  # 1.0 = single
    border_bottom: bool
    where: tuple  # ("body",) | ("table", t, row, col) | ("textbox", n)
    element: etree._Element
    column: int | None = None  # 0/1 for the halves of a tab-split header line
    lines: list[Stroke] = field(default_factory=list)  # drawn line shapes anchored here
    boxed: bool = False  # a border on all four sides, in a bordered one-cell table or an outlined text box
    contextual: bool = False  # w:contextualSpacing: no space between it and a neighbour of its style
    line_rule: str = "auto"  # "auto" (line is a multiple) | "exact" | "atLeast" (line_pt is the height)
    line_pt: float | None = None

    @property
    def text(self) -> str:
        return "".join(r.shown for r in self.runs)

    @property
    def visible(self) -> list[Run]:
        return [r for r in self.runs if r.text.strip()]

    def all(self, attr: str) -> bool:
        runs = self.visible
        return bool(runs) and all(getattr(r, attr) for r in runs)

    def any(self, attr: str) -> bool:
        return any(getattr(r, attr) for r in self.visible)

    def sizes(self) -> set[float]:
        return {r.size for r in self.visible if r.size is not None}

    @property
    def upper(self) -> bool:
        text = self.text
        return any(c.isalpha() for c in text) and text == text.upper()

    def gap_to(self, below: "Para") -> float:
        """Space (pt) between this paragraph and the next one below it: this one's after plus
        that one's before, none when both suppress it (contextual spacing, same style)."""
        if self.contextual and below.contextual and self.style_id == below.style_id:
            return 0.0
        return self.after + below.before

    def label(self) -> str:
        text = " ".join(self.text.split())
        return f"đoạn {self.index + 1} / paragraph {self.index + 1}: “{text[:60]}{'…' if len(text) > 60 else ''}”"


@dataclass
class Section:
    width: int  # twips
    height: int
    orient: str
    margins: dict[str, int]
    title_page: bool
    headers: dict[str, str]  # type → part name
    element: etree._Element | None = None


@dataclass
class View:
    package: Package
    paragraphs: list[Para]
    sections: list[Section]
    headers: dict[str, list[Para]] = field(default_factory=dict)  # part → its paragraphs


class Styles:
    """Effective properties: docDefaults, then the basedOn chain, then direct."""

    def __init__(self, root: etree._Element | None):
        self.by_id: dict[str, etree._Element] = {}
        self.default_para = ""
        self.r_defaults = self.p_defaults = None
        if root is None:
            return
        for style in root.iter(w("style")):
            sid = style.get(w("styleId"), "")
            self.by_id[sid] = style
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true"):
                self.default_para = sid
        self.r_defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.p_defaults = root.find(f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}")

    def chain(self, sid: str) -> list[etree._Element]:
        """The style and its ancestors, base first."""
        seen, out = set(), []
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            out.append(self.by_id[sid])
            based = self.by_id[sid].find(w("basedOn"))
            sid = based.get(w("val")) if based is not None else ""
        return out[::-1]

    def name(self, sid: str) -> str:
        style = self.by_id.get(sid)
        node = style.find(w("name")) if style is not None else None
        return node.get(w("val"), sid) if node is not None else sid


def _on(node: etree._Element | None) -> bool | None:
    if node is None:
        return None
    return node.get(w("val"), "true").lower() not in ("0", "false", "off", "none")


def _apply_rpr(props: dict, rpr: etree._Element | None) -> None:
    if rpr is None:
        return
    fonts = rpr.find(w("rFonts"))
    if fonts is not None:
        if fonts.get(w("hint")):
            props["hint"] = fonts.get(w("hint"))
        for slot in FONT_SLOTS:
            theme = fonts.get(w(f"{slot}Theme")) or (fonts.get(w("cstheme")) if slot == "cs" else None)
            if theme:
                props["fonts"][slot] = f"theme:{theme}"
            elif fonts.get(w(slot)):
                props["fonts"][slot] = fonts.get(w(slot))
    size = rpr.find(w("sz"))
    if size is not None and size.get(w("val"), "").isdigit():
        props["size"] = int(size.get(w("val"))) / 2
    for key, tag in (("bold", "b"), ("italic", "i"), ("caps", "caps")):
        value = _on(rpr.find(w(tag)))
        if value is not None:
            props[key] = value
    if any(_on(rpr.find(w(tag))) for tag in ("rtl", "cs")):
        props["complex"] = True


def _apply_ppr(props: dict, ppr: etree._Element | None) -> None:
    if ppr is None:
        return
    jc = ppr.find(w("jc"))
    if jc is not None:
        props["align"] = {"both": "justify", "distribute": "justify", "start": "left", "end": "right"}.get(
            jc.get(w("val")), jc.get(w("val")))
    ind = ppr.find(w("ind"))
    if ind is not None:
        for key, names in (("ind_left", ("left", "start")), ("ind_right", ("right", "end"))):
            for attr in names:
                if ind.get(w(attr)) is not None:
                    props[key] = _int(ind.get(w(attr)))
        if ind.get(w("firstLine")) is not None:
            props["first_line"] = _int(ind.get(w("firstLine")))
        if ind.get(w("hanging")) is not None:
            props["first_line"] = -_int(ind.get(w("hanging")))
    spacing = ppr.find(w("spacing"))
    if spacing is not None:
        if spacing.get(w("before")) is not None:
            props["before"] = _int(spacing.get(w("before"))) / 20
        if spacing.get(w("after")) is not None:
            props["after"] = _int(spacing.get(w("after"))) / 20
        if spacing.get(w("line")) is not None:
            rule = spacing.get(w("lineRule"), "auto")
            props["line_rule"] = rule
            if rule == "auto":
                props["line"], props["line_pt"] = _int(spacing.get(w("line"))) / 240, None
            else:  # "exact", "atLeast": a height in twips
                props["line"], props["line_pt"] = 1.0, _int(spacing.get(w("line"))) / 20
    contextual = _on(ppr.find(w("contextualSpacing")))
    if contextual is not None:
        props["contextual"] = contextual
    borders = ppr.find(w("pBdr"))
    if borders is not None:
        drawn = {side: borders.find(w(side)) is not None and borders.find(w(side)).get(w("val")) not in ("nil", "none")
                 for side in ("top", "left", "bottom", "right")}
        if borders.find(w("bottom")) is not None:
            props["border_bottom"] = drawn["bottom"]
        props["boxed"] = all(drawn.values())


def _int(text: str | None) -> int:
    try:
        return int(float(text or 0))
    except ValueError:
        return 0


class Builder:
    def __init__(self, package: Package, like: "Builder | None" = None):
        """``like``: a builder of the same package whose styles and theme this one shares."""
        self.package = package
        self.styles = like.styles if like else Styles(package.styles)
        self.paragraphs: list[Para] = []
        self.boxes = 0
        self.theme = like.theme if like else theme_fonts(package)
        self.boxing = False  # inside a bordered one-cell table or an outlined text box: a stamp's box
        self._bases: dict[str, tuple[dict, dict, str]] = like._bases if like else {}

    def style_base(self, sid: str) -> tuple[dict, dict]:
        """Paragraph and run properties of a paragraph style (docDefaults, then its basedOn
        chain), computed once per style: a long document repeats a handful of styles."""
        if sid not in self._bases:
            pprops = dict(align="left", ind_left=0, ind_right=0, first_line=0, before=0.0, after=0.0, line=1.0,
                          border_bottom=False, boxed=False, line_rule="auto", line_pt=None, contextual=False)
            rbase = {"fonts": {}, "size": None, "bold": False, "italic": False, "caps": False, "hint": "",
                     "complex": False}
            _apply_ppr(pprops, self.styles.p_defaults)
            _apply_rpr(rbase, self.styles.r_defaults)
            for style in self.styles.chain(sid):
                _apply_ppr(pprops, style.find(w("pPr")))
                _apply_rpr(rbase, style.find(w("rPr")))
            self._bases[sid] = (pprops, rbase, self.styles.name(sid))
        pprops, rbase, _ = self._bases[sid]
        return dict(pprops), {**rbase, "fonts": dict(rbase["fonts"])}

    def paragraph(self, p: etree._Element, where: tuple) -> None:
        ppr = p.find(w("pPr"))
        style_node = ppr.find(w("pStyle")) if ppr is not None else None
        sid = style_node.get(w("val")) if style_node is not None else self.styles.default_para
        pprops, rbase = self.style_base(sid)
        _apply_ppr(pprops, ppr)
        pprops["boxed"] = pprops["boxed"] or self.boxing
        para = Para(len(self.paragraphs), [], sid, self._bases[sid][2], where=where, element=p, **pprops)
        self.paragraphs.append(para)
        boxes = []
        for run in _runs(p):
            props = {**rbase, "fonts": dict(rbase["fonts"])}
            rpr = run.find(w("rPr"))
            rstyle = rpr.find(w("rStyle")) if rpr is not None else None
            if rstyle is not None:
                for style in self.styles.chain(rstyle.get(w("val"))):
                    _apply_rpr(props, style.find(w("rPr")))
            _apply_rpr(props, rpr)
            fonts = {slot: self.theme.get(family, family) for slot, family in props["fonts"].items()}
            para.runs.append(Run(_run_text(run), props["size"], props["bold"], props["italic"], props["caps"],
                                 fonts, run, props["hint"], props["complex"]))
            boxes += _text_boxes(run)
        para.lines = strokes(p)
        for box in boxes:
            self.boxes += 1
            outer, self.boxing = self.boxing, outlined(box)
            self.blocks(box, ("textbox", self.boxes))
            self.boxing = outer

    def blocks(self, parent: etree._Element, where: tuple) -> None:
        for child in _content(parent):
            if child.tag == w("p"):
                self.paragraph(child, where)
            elif child.tag == w("tbl"):
                self.table(child, where)

    def table(self, tbl: etree._Element, where: tuple) -> None:
        number = sum(1 for _ in tbl.itersiblings(w("tbl"), preceding=True)) if where == ("body",) else id(tbl)
        outer, self.boxing = self.boxing, self.boxing or one_bordered_cell(tbl)
        for r, row in enumerate(tbl.findall(w("tr"))):
            for c, cell in enumerate(row.findall(w("tc"))):
                self.blocks(cell, ("table", number, r, c))
        self.boxing = outer


def _content(parent: etree._Element):
    """Block children, looking through content controls (w:sdt) and custom XML."""
    for child in parent:
        if child.tag in (w("sdt"), w("customXml")):
            inner = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if inner is not None:
                yield from _content(inner)
        else:
            yield child


def _runs(p: etree._Element):
    """Runs in order, inside hyperlinks, fields and content controls; never
    the Fallback of mc:AlternateContent (it repeats the Choice)."""
    for node in p.iter(w("r")):
        if any(a.tag == f"{{{MC}}}Fallback" for a in node.iterancestors()):
            continue
        if any(a.tag == w("txbxContent") for a in node.iterancestors() if a is not p) and _inside_box(node, p):
            continue
        yield node


def _inside_box(run: etree._Element, p: etree._Element) -> bool:
    for ancestor in run.iterancestors():
        if ancestor is p:
            return False
        if ancestor.tag == w("txbxContent"):
            return True
    return False


def _text_boxes(run: etree._Element) -> list[etree._Element]:
    out = []
    for box in run.iter(w("txbxContent")):
        if in_fallback(box):
            continue
        if not any(a.tag == w("txbxContent") for a in box.iterancestors()):
            out.append(box)
    return out


def _run_text(run: etree._Element) -> str:
    parts = []
    for node in run:
        if node.tag == w("t"):
            parts.append(node.text or "")
        elif node.tag in (w("tab"), w("ptab")):
            parts.append("\t")
        elif node.tag in (w("br"), w("cr")):
            parts.append("\n")
        elif node.tag == w("noBreakHyphen"):
            parts.append("-")
    return "".join(parts)


def _section(sect: etree._Element, rels: dict[str, str]) -> Section:
    size = sect.find(w("pgSz"))
    margin = sect.find(w("pgMar"))
    margins = {k: _int(margin.get(w(k))) if margin is not None else 0
               for k in ("top", "bottom", "left", "right", "header", "footer")}
    headers = {ref.get(w("type"), "default"): rels.get(ref.get(f"{{{R}}}id"), "")
               for ref in sect.findall(w("headerReference"))}
    return Section(
        width=_int(size.get(w("w"))) if size is not None else 0,
        height=_int(size.get(w("h"))) if size is not None else 0,
        orient=size.get(w("orient"), "portrait") if size is not None else "portrait",
        margins=margins, title_page=bool(_on(sect.find(w("titlePg")))), headers=headers, element=sect)


def build(package: Package) -> View:
    builder = Builder(package)
    body = package.document.find(w("body"))
    if body is not None:
        builder.blocks(body, ("body",))
    sections = [_section(s, package.rels) for s in package.document.iter(w("sectPr"))]
    headers = {}
    for part, root in package.parts.items():
        if "header" in part:
            sub = Builder(package, builder)
            sub.blocks(root, ("header",))
            headers[part] = sub.paragraphs
    return View(package, builder.paragraphs, sections, headers)
