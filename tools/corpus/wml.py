"""A small WordprocessingML writer for the hand-written corpus files: a
paragraph, a run, a table, the package parts, each with its children in the
order the OOXML schema requires (Word repairs a file otherwise).  Only what
tools/corpus/ooxml.py needs; congvan's own writer is src/congvan/docx/ooxml.py.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape as _escape

from .content import TNR

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w10": "urn:schemas-microsoft-com:office:word",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "wp14": "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
}
ROOT_NS = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items()) + ' mc:Ignorable="w14 wp14"'
TWIP_PER_PT = 20
EMU_PER_PT = 12700
EMU_PER_MM = 36000


def esc(text: str) -> str:
    return _escape(text, {'"': "&quot;"})


def twips_mm(mm: float) -> int:
    return round(mm * 1440 / 25.4)


@dataclass(frozen=True)
class R:
    """A run of text and its formatting."""

    text: str
    size: float = 14
    bold: bool = False
    italic: bool = False
    font: str | None = None  # rFonts on the run; None = the document default
    east_asia: str | None = None
    raw: str = ""  # markup placed in the run instead of text (w:fldChar, w:drawing, w:pict …)
    deleted: bool = False  # the text is w:delText (inside w:del)

    def xml(self) -> str:
        props = []
        if self.font or self.east_asia:
            fonts = ""
            if self.font:
                fonts += f' w:ascii="{self.font}" w:hAnsi="{self.font}"'
            if self.east_asia:
                fonts += f' w:eastAsia="{self.east_asia}"'
            props.append(f"<w:rFonts{fonts}/>")
        if self.bold:
            props.append("<w:b/><w:bCs/>")
        if self.italic:
            props.append("<w:i/><w:iCs/>")
        half = round(self.size * 2)
        props.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
        rpr = f"<w:rPr>{''.join(props)}</w:rPr>"
        if self.raw:
            return f"<w:r>{rpr}{self.raw}</w:r>"
        tag = "w:delText" if self.deleted else "w:t"
        pieces = self.text.split("\t")
        body = "<w:tab/>".join(f'<{tag} xml:space="preserve">{esc(p)}</{tag}>' if p else "" for p in pieces)
        return f"<w:r>{rpr}{body}</w:r>"


def p(*content, jc: str | None = "center", before: float = 0, after: float = 0, line: tuple = ("auto", 1.0),
      left_mm: float = 0, right_mm: float = 0, first_mm: float = 0, left_pt: float | None = None,
      right_pt: float | None = None, border: str = "", tabs: tuple = (), keep_next: bool = False) -> str:
    """A paragraph; ``content`` is runs (R) or ready markup (str: w:ins, w:del, fields).
    ``border`` is "bottom" (a rule) or "box"."""
    ppr = []
    if keep_next:
        ppr.append("<w:keepNext/>")
    if border:
        edge = '<w:{0} w:val="single" w:sz="6" w:space="1" w:color="000000"/>'
        edges = ("bottom",) if border == "bottom" else ("top", "left", "bottom", "right")
        ppr.append("<w:pBdr>" + "".join(edge.format(e) for e in edges) + "</w:pBdr>")
    if tabs:
        ppr.append("<w:tabs>" + "".join(f'<w:tab w:val="{kind}" w:pos="{pos}"/>' for kind, pos in tabs) + "</w:tabs>")
    kind, value = line
    line_attr = (f'w:line="{round(value * 240)}" w:lineRule="auto"' if kind == "auto"
                 else f'w:line="{round(value * TWIP_PER_PT)}" w:lineRule="{kind}"')
    ppr.append(f'<w:spacing w:before="{round(before * TWIP_PER_PT)}" w:after="{round(after * TWIP_PER_PT)}" '
               f'{line_attr}/>')
    left = round(left_pt * TWIP_PER_PT) if left_pt is not None else twips_mm(left_mm)
    right = round(right_pt * TWIP_PER_PT) if right_pt is not None else twips_mm(right_mm)
    if left or right or first_mm:
        first = f' w:firstLine="{twips_mm(first_mm)}"' if first_mm else ""
        ppr.append(f'<w:ind w:left="{left}" w:right="{right}"{first}/>')
    if jc:
        ppr.append(f'<w:jc w:val="{jc}"/>')
    inner = "".join(c.xml() if isinstance(c, R) else c for c in content)
    return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{inner}</w:p>"


def cell(width_mm: float, *paragraphs: str) -> str:
    return (f'<w:tc><w:tcPr><w:tcW w:w="{twips_mm(width_mm)}" w:type="dxa"/></w:tcPr>'
            f'{"".join(paragraphs) or "<w:p/>"}</w:tc>')


def table(widths_mm: tuple[float, ...], rows: list[list[str]], jc: str = "center", cell_margin: int | None = None) -> str:
    """A borderless fixed-layout table (grid widths written: LibreOffice lays out by them);
    ``cell_margin`` (twips) replaces the style's left/right cell margins."""
    total = sum(twips_mm(w) for w in widths_mm)
    grid = "".join(f'<w:gridCol w:w="{twips_mm(w)}"/>' for w in widths_mm)
    none = "".join(f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    body = "".join("<w:tr>" + "".join(r) + "</w:tr>" for r in rows)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="{jc}"/>'
            f'<w:tblBorders>{none}</w:tblBorders><w:tblLayout w:type="fixed"/>{_cell_mar(cell_margin)}'
            f'<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            f'w:noHBand="0" w:noVBand="0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>')


def _cell_mar(twips: int | None) -> str:
    if twips is None:
        return ""
    return (f'<w:tblCellMar><w:left w:w="{twips}" w:type="dxa"/><w:right w:w="{twips}" w:type="dxa"/>'
            f'</w:tblCellMar>')


def field(instr: str, result: list[R], size: float = 14, bold: bool = False, italic: bool = False) -> str:
    """A complex field (fldChar begin / instrText / separate / cached result / end)."""
    def char(kind: str) -> str:
        return R("", size, bold, italic, raw=f'<w:fldChar w:fldCharType="{kind}"/>').xml()

    instr_run = R("", size, bold, italic, raw=f'<w:instrText xml:space="preserve">{esc(instr)}</w:instrText>').xml()
    return char("begin") + instr_run + char("separate") + "".join(r.xml() for r in result) + char("end")


def tracked(kind: str, n: int, runs: list[R]) -> str:
    """w:ins or w:del around runs, as Word writes a tracked change."""
    return (f'<w:{kind} w:id="{n}" w:author="Văn thư" w:date="2025-08-18T08:00:00Z">'
            + "".join(r.xml() for r in runs) + f"</w:{kind}>")


# --- the package --------------------------------------------------------------------------------------------

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/header1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/word/header2.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')

RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" '
    'Target="docProps/app.xml"/></Relationships>')

DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" '
    'Target="settings.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" '
    'Target="header1.xml"/>'
    '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" '
    'Target="header2.xml"/></Relationships>')


def styles(size: float, default_font: str = TNR) -> str:
    half = round(size * 2)
    fonts = f'w:ascii="{default_font}" w:hAnsi="{default_font}" w:eastAsia="{default_font}" w:cs="{default_font}"'
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts {fonts}/>'
            f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>'
            '</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
            '</w:style>'
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
            '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
            '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>'
            '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs>'
            '</w:pPr></w:style></w:styles>')


def settings(compat_mode: int, extra_compat: str = "") -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>'
            '<w:characterSpacingControl w:val="doNotCompress"/>'
            f'<w:compat>{extra_compat}<w:compatSetting w:name="compatibilityMode" '
            f'w:uri="http://schemas.microsoft.com/office/word" w:val="{compat_mode}"/></w:compat>'
            '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>')


def header_part(paragraphs: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {ROOT_NS}>{paragraphs}</w:hdr>'


def sect_pr(margins: dict, header_mm: float = 10) -> str:
    m = {k: twips_mm(v) for k, v in margins.items()}
    return (f'<w:sectPr><w:headerReference w:type="default" r:id="rId3"/>'
            f'<w:headerReference w:type="first" r:id="rId4"/>'
            f'<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="{m["top"]}" w:right="{m["right"]}" '
            f'w:bottom="{m["bottom"]}" w:left="{m["left"]}" w:header="{twips_mm(header_mm)}" '
            f'w:footer="{twips_mm(10)}" w:gutter="0"/><w:cols w:space="720"/><w:titlePg/>'
            f'<w:docGrid w:linePitch="360"/></w:sectPr>')


def document(body: str, margins: dict) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {ROOT_NS}><w:body>{body}'
            f'{sect_pr(margins)}</w:body></w:document>')


def core(title: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{esc(title)}</dc:title><dc:creator>Văn thư</dc:creator>'
            '<cp:lastModifiedBy>Văn thư</cp:lastModifiedBy><cp:revision>3</cp:revision>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2025-08-18T08:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-08-18T08:00:00Z</dcterms:modified>'
            '</cp:coreProperties>')


APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
       '<Template>Normal.dotm</Template><Application>Microsoft Office Word</Application><AppVersion>16.0000'
       '</AppVersion></Properties>')


def package(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(entry, text.encode("utf-8"))
    return out.getvalue()
