"""The corpus as LibreOffice Writer saves it: each document is built as a
flat ODF text file (FODT), an ODT, or an HTML page, the way a Writer user
would set it (paragraph styles, a borderless table, a bottom border as the
rule, a "First Page" page style with no header followed by "Default Page
Style" with a centred page number), then written as DOCX by
``soffice --headless --convert-to docx``.  LibreOffice's own output is kept
as it is, only the zip entry times and docProps dates are fixed.

``Case.options``: ``source`` = "fodt" (default) | "odt" (the FODT saved as ODT
first, then converted) | "html".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from congvan.metrics import text_width_pt

from .content import HEADER_MM, SIGNATURE_MM, TNR, Case, article_parts, body_blocks, kinh_gui_lines
from .wml import esc
from .zipfix import fixed_zip

MM_PT = 72 / 25.4
CELL_PAD_MM = 1.9  # the cell padding set on the header table cells (Writer's default is 0.1 cm)


class Styles:
    """Automatic paragraph and text styles, one per distinct set of properties."""

    def __init__(self):
        self.para: dict[tuple, str] = {}
        self.text: dict[tuple, str] = {}

    def p(self, **props) -> str:
        key = tuple(sorted(props.items()))
        return self.para.setdefault(key, f"P{len(self.para) + 1}")

    def t(self, size: float, bold=False, italic=False, font=TNR) -> str:
        key = (size, bold, italic, font)
        return self.text.setdefault(key, f"T{len(self.text) + 1}")

    def xml(self) -> str:
        out = []
        for key, name in self.para.items():
            props = dict(key)
            master = props.pop("master", None)
            pp = " ".join(f'{k.replace("__", ":")}="{v}"' for k, v in props.items())
            attr = f' style:master-page-name="{master}"' if master else ""
            out.append(f'<style:style style:name="{name}" style:family="paragraph" style:parent-style-name="Standard"'
                       f'{attr}><style:paragraph-properties {pp}/></style:style>')
        for (size, bold, italic, font), name in self.text.items():
            out.append(f'<style:style style:name="{name}" style:family="text"><style:text-properties '
                       f'style:font-name="{font}" fo:font-size="{size}pt" style:font-size-asian="{size}pt" '
                       f'style:font-size-complex="{size}pt" fo:font-weight="{"bold" if bold else "normal"}" '
                       f'style:font-weight-asian="{"bold" if bold else "normal"}" '
                       f'fo:font-style="{"italic" if italic else "normal"}"/></style:style>')
        return "".join(out)


class Fodt:
    def __init__(self, case: Case):
        self.case, self.doc, self.look = case, case.doc, case.look
        self.s = Styles()

    def para(self, text: str = "", size: float = 14, bold=False, italic=False, align="center", before=0.0,
             left_pt=0.0, right_pt=0.0, first_mm=0.0, border=False, line=("auto", 1.0), spans=None,
             font=TNR) -> str:
        props = {"fo__text-align": {"left": "start", "both": "justify"}.get(align, align),
                 "fo__margin-top": f"{before}pt", "fo__margin-bottom": "0pt",
                 "fo__margin-left": f"{left_pt:.2f}pt", "fo__margin-right": f"{right_pt:.2f}pt",
                 "fo__text-indent": f"{first_mm}mm"}
        kind, value = line
        if kind == "auto":
            props["fo__line-height"] = f"{round(value * 100)}%"
        elif kind == "exact":
            props["fo__line-height"] = f"{value}pt"
        else:
            props["style__line-height-at-least"] = f"{value}pt"
        if border:
            props["fo__border-bottom"] = "0.5pt solid #000000"
            props["fo__padding"] = "0pt"
        style = self.s.p(**props)
        spans = spans if spans is not None else ([(text, bold, italic)] if text else [])
        inner = "".join(f'<text:span text:style-name="{self.s.t(size, b, i, font)}">{esc(t)}</text:span>'
                        for t, b, i in spans)
        return f'<text:p text:style-name="{style}">{inner}</text:p>'

    def rule(self, column_pt: float, length_pt: float) -> str:
        side = max(0.0, (column_pt - length_pt) / 2)
        return self.para(size=6, left_pt=side, right_pt=side, border=True, line=("auto", 1.0))

    def table(self, name: str, widths_mm, rows: list[list[list[str]]]) -> str:
        cols = "".join(f'<table:table-column table:style-name="{name}.{chr(65 + n)}"/>' for n in range(len(widths_mm)))
        body = "".join("<table:table-row>" + "".join(
            f'<table:table-cell table:style-name="{name}.cell" office:value-type="string">{"".join(c)}'
            f'</table:table-cell>' for c in row) + "</table:table-row>" for row in rows)
        return f'<table:table table:name="{name}" table:style-name="{name}">{cols}{body}</table:table>'

    @staticmethod
    def table_styles(name: str, widths_mm, master: str = "") -> str:
        """A table's styles; ``master`` starts the page style (the header table opens "First Page")."""
        total = sum(widths_mm)
        starts = f' style:master-page-name="{master}"' if master else ""
        out = [f'<style:style style:name="{name}" style:family="table"{starts}><style:table-properties '
               f'style:width="{total}mm" table:align="center"/></style:style>',
               f'<style:style style:name="{name}.cell" style:family="table-cell"><style:table-cell-properties '
               f'fo:padding-left="{CELL_PAD_MM}mm" fo:padding-right="{CELL_PAD_MM}mm" fo:padding-top="0mm" '
               f'fo:padding-bottom="0mm" fo:border="none"/></style:style>']
        for n, w in enumerate(widths_mm):
            out.append(f'<style:style style:name="{name}.{chr(65 + n)}" style:family="table-column">'
                       f'<style:table-column-properties style:column-width="{w}mm"/></style:style>')
        return "".join(out)

    def header(self) -> str:
        doc, look = self.doc, self.look
        cols = [w * MM_PT - 2 * CELL_PAD_MM * MM_PT for w in HEADER_MM]
        size = look.pt("agency")
        left = [self.para(line, size) for line in doc.parent] + [self.para(line, size, bold=True) for line in doc.agency]
        if look.agency_rule:
            longest = max(text_width_pt(x, size, bold=True) for x in doc.agency)
            left.append(self.rule(cols[0], look.agency_rule_ratio * longest))
        qh, tn = look.pt("quoc_hieu"), look.pt("tieu_ngu")
        line = ("auto", look.national_line)
        right = [self.para(doc.national[0], qh, bold=True, line=line),
                 self.para(doc.national[1], tn, bold=True, line=line, before=look.national_gap_pt)]
        if look.motto_rule:
            right.append(self.rule(cols[1], text_width_pt(doc.national[1], tn, bold=True)))
        number = [self.para(doc.so, look.pt("so"), before=6)]
        if doc.title is None:
            number.append(self.para(doc.subject, look.pt("vv"), before=look.so_vv_gap_pt))
        date = [self.para(doc.place_date, look.pt("date"), italic=True, before=6)]
        return self.table("Header", HEADER_MM, [[left, right], [number, date]])

    def rest(self) -> str:
        doc, look = self.doc, self.look
        out = []
        if doc.title:
            out.append(self.para(doc.title, look.pt("title"), bold=True, before=12))
            out.append(self.para(doc.subject, look.pt("subject"), bold=True))
            if look.subject_rule:
                text_pt = (210 - look.margins["left"] - look.margins["right"]) * MM_PT
                out.append(self.rule(text_pt, 0.4 * text_width_pt(doc.subject, look.pt("subject"), bold=True)))
        size = look.pt("body")
        for n, line in enumerate(kinh_gui_lines(doc)):
            out.append(self.para(line, size, align="left", before=6 if n == 0 else 0,
                                 left_pt=(35 if n == 0 else 45) * MM_PT))
        for block in body_blocks(doc):
            if block.style == "center-bold":
                out.append(self.para(block.text, size, bold=True, before=6))
                continue
            spans = [(block.text, block.style == "heading", block.style == "italic")]
            if block.style == "article":
                label, rest = article_parts(block.text)
                spans = [(label, True, False), (rest, False, False)]
            out.append(self.para(size=size, align="both", before=6, first_mm=10, line=look.line, spans=spans,
                                 font=look.body_font))
        label = self.look.label_bold_italic
        left = [self.para("Nơi nhận:", 12, bold=label, italic=label, align="left", before=12)]
        left += [self.para(item, 11, align="left") for item in doc.noi_nhan]
        a = look.pt("authority")
        right = [self.para(line, a, bold=True, before=12 if n == 0 else 0) for n, line in enumerate(doc.authority)]
        right += [self.para(size=a) for _ in range(4)] + [self.para(doc.signer, a, bold=True)]
        out.append(self.table("Signature", SIGNATURE_MM, [[left, right]]))
        return "".join(out)

    def build(self) -> str:
        look = self.look
        body = self.header() + self.rest()
        m = look.margins
        page_align = {"center": "center", "left": "start", "right": "end"}[look.page_number_align]
        page_size = look.pt("page")
        layout = (f'fo:page-width="210mm" fo:page-height="297mm" style:print-orientation="portrait" '
                  f'fo:margin-bottom="{m["bottom"]}mm" fo:margin-left="{m["left"]}mm" fo:margin-right="{m["right"]}mm"')
        fonts = (f'<office:font-face-decls><style:font-face style:name="{TNR}" svg:font-family="&apos;{TNR}&apos;" '
                 f'style:font-family-generic="roman" style:font-pitch="variable"/>'
                 + ("" if look.body_font == TNR else
                    f'<style:font-face style:name="{look.body_font}" svg:font-family="{look.body_font}" '
                    f'style:font-family-generic="swiss" style:font-pitch="variable"/>')
                 + "</office:font-face-decls>")
        return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{esc(self.doc.subject)}</dc:title><meta:initial-creator>Văn thư</meta:initial-creator></office:meta>
{fonts}
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:orphans="2" fo:widows="2"/>
<style:text-properties style:font-name="{TNR}" fo:font-size="{look.pt("body")}pt" fo:language="vi" fo:country="VN"
 style:font-name-asian="{TNR}" style:font-name-complex="{TNR}" style:font-size-asian="{look.pt("body")}pt"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
<style:paragraph-properties fo:text-align="{page_align}"/><style:text-properties fo:font-size="{page_size}pt"/></style:style>
</office:styles>
<office:automatic-styles>
{self.table_styles("Header", HEADER_MM, "First_20_Page")}{self.table_styles("Signature", SIGNATURE_MM)}{self.s.xml()}
<style:page-layout style:name="pm1"><style:page-layout-properties {layout} fo:margin-top="10mm"/>
<style:header-style><style:header-footer-properties fo:min-height="{m["top"] - 10}mm" fo:margin-bottom="4mm"
 fo:margin-left="0mm" fo:margin-right="0mm" style:dynamic-spacing="false"/></style:header-style></style:page-layout>
<style:page-layout style:name="pm2"><style:page-layout-properties {layout} fo:margin-top="{m["top"]}mm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header>
<text:p text:style-name="Header"><text:page-number text:select-page="current">2</text:page-number></text:p>
</style:header></style:master-page>
<style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="pm2"
 style:next-style-name="Standard"/>
</office:master-styles>
<office:body><office:text>{body}</office:text></office:body></office:document>
'''


def html(case: Case) -> str:
    """The document as a web page: what a clerk gets from a web form or a mail, opened in Writer."""
    doc, look = case.doc, case.look

    def para(text, size, bold=False, italic=False, align="center", before=0, indent_mm=0, left_mm=0, border=""):
        style = (f"font-family:'Times New Roman'; font-size:{size}pt; text-align:{align}; margin:{before}pt 0 0 "
                 f"{left_mm}mm; text-indent:{indent_mm}mm;"
                 + (" font-weight:bold;" if bold else "") + (" font-style:italic;" if italic else "") + border)
        return f'<p style="{style}">{esc(text)}</p>'

    def rule(width_pt):
        return (f'<hr style="width:{width_pt:.0f}pt; height:0; border:none; border-top:0.5pt solid #000000; '
                f'margin:1pt auto 0 auto;" align="center"/>')

    size = look.pt("agency")
    left = "".join(para(x, size) for x in doc.parent) + "".join(para(x, size, bold=True) for x in doc.agency)
    left += rule(0.4 * max(text_width_pt(x, size, bold=True) for x in doc.agency)) if look.agency_rule else ""
    tn = look.pt("tieu_ngu")
    right = para(doc.national[0], look.pt("quoc_hieu"), bold=True) + para(doc.national[1], tn, bold=True)
    right += rule(text_width_pt(doc.national[1], tn, bold=True)) if look.motto_rule else ""
    number = para(doc.so, 13, before=6) + ("" if doc.title else para(doc.subject, look.pt("vv"), before=6))
    date = para(doc.place_date, look.pt("date"), italic=True, before=6)
    w0, w1 = HEADER_MM
    header = (f'<table style="border-collapse:collapse; width:{w0 + w1}mm" cellpadding="0" cellspacing="0">'
              f'<tr><td style="width:{w0}mm; vertical-align:top">{left}</td><td style="width:{w1}mm; '
              f'vertical-align:top">{right}</td></tr><tr><td style="vertical-align:top">{number}</td>'
              f'<td style="vertical-align:top">{date}</td></tr></table>')
    parts = [header]
    if doc.title:
        parts += [para(doc.title, look.pt("title"), bold=True, before=12), para(doc.subject, look.pt("subject"),
                                                                                 bold=True)]
        if look.subject_rule:
            parts.append(rule(0.4 * text_width_pt(doc.subject, look.pt("subject"), bold=True)))
    body = look.pt("body")
    for n, line in enumerate(kinh_gui_lines(doc)):
        parts.append(para(line, body, align="left", before=6 if n == 0 else 0, left_mm=35 if n == 0 else 45))
    for block in body_blocks(doc):
        if block.style == "center-bold":
            parts.append(para(block.text, body, bold=True, before=6))
        else:
            parts.append(para(block.text, body, bold=block.style == "heading", italic=block.style == "italic",
                              align="justify", before=6, indent_mm=10))
    left = para("Nơi nhận:", 12, bold=True, italic=True, align="left", before=12)
    left += "".join(para(i, 11, align="left") for i in doc.noi_nhan)
    a = look.pt("authority")
    right = "".join(para(x, a, bold=True, before=12 if n == 0 else 0) for n, x in enumerate(doc.authority))
    right += "<p>&nbsp;</p>" * 3 + para(doc.signer, a, bold=True)
    parts.append(f'<table style="border-collapse:collapse; width:{sum(SIGNATURE_MM)}mm" cellpadding="0" '
                 f'cellspacing="0"><tr><td style="width:{SIGNATURE_MM[0]}mm; vertical-align:top">{left}</td>'
                 f'<td style="width:{SIGNATURE_MM[1]}mm; vertical-align:top">{right}</td></tr></table>')
    m = look.margins
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{esc(doc.subject)}</title>'
            f'<style>@page {{ size: 210mm 297mm; margin: {m["top"]}mm {m["right"]}mm {m["bottom"]}mm {m["left"]}mm }}'
            f'</style></head><body>{"".join(parts)}</body></html>')


def soffice(args: list[str], home: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        raise RuntimeError("soffice is missing: run ./scripts/install-office")
    subprocess.run([office, f"-env:UserInstallation={(home / 'profile').as_uri()}", "--headless", "--norestore",
                    "--nolockcheck", *args], check=True, capture_output=True, timeout=300,
                   env={**os.environ, "SAL_USE_VCLPLUGIN": "svp"})


def build_all(cases: list[Case]) -> dict[str, bytes]:
    """Every case through one office process per step (ODT first where asked, then DOCX)."""
    with tempfile.TemporaryDirectory(prefix="corpus-office-") as work:
        work = Path(work)
        src, odt, out = work / "src", work / "odt", work / "out"
        for d in (src, odt, out):
            d.mkdir()
        inputs, via_odt = [], []
        for case in cases:
            source = case.options.get("source", "fodt")
            if source == "html":
                path = src / f"{case.name}.html"
                path.write_text(html(case), encoding="utf-8")
            else:
                path = src / f"{case.name}.fodt"
                path.write_text(Fodt(case).build(), encoding="utf-8")
            (via_odt if source == "odt" else inputs).append(path)
        if via_odt:
            soffice(["--convert-to", "odt", "--outdir", str(odt), *map(str, via_odt)], work)
            inputs += sorted(odt.glob("*.odt"))
        html_inputs = [p for p in inputs if p.suffix == ".html"]
        others = [p for p in inputs if p.suffix != ".html"]
        if others:
            soffice(["--convert-to", 'docx:MS Word 2007 XML', "--outdir", str(out), *map(str, others)], work)
        if html_inputs:
            soffice(["--infilter=HTML (StarWriter)", "--convert-to", 'docx:MS Word 2007 XML', "--outdir", str(out),
                     *map(str, html_inputs)], work)
        return {f"{c.name}.docx": fixed_zip((out / f"{c.name}.docx").read_bytes()) for c in cases}
