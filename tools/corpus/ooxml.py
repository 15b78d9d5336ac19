"""The corpus as Word writes it, by hand: constructs Word users leave in
their files that python-docx and LibreOffice never write.

``Case.options`` picks them:

- ``header``: "table" (a borderless 2-column table), "textbox" (two floating
  text boxes in ``mc:AlternateContent``: a ``wps:txbx`` Choice and a VML
  ``v:textbox`` Fallback, Word's default inner margins 0.1"/0.05"), "tabs"
  (each header line typed once with centred tab stops);
- ``rules``: "border" (paragraph bottom border), "vml-line" (``v:line`` in
  ``w:pict``, as Word 2003 templates draw it, anchored in the text's own
  paragraph), "vml-rect" (a thin filled ``v:rect``);
- ``compat``: the compatibilityMode (14 = Word 2010, 15 = Word 2013+);
- ``split``: every run cut in two mid-word, as editing leaves it;
- ``date_field``: the date of ô 4 a DATE field with its cached result;
- ``tracked``: "fix" (a tracked change that corrects ô 4: "ngày 5" deleted,
  "ngày 05" inserted) or "breach" (the inserted text is the breach);
- ``urgency``: "textbox" (a DrawingML box with a border) or "vml" (a VML
  rectangle with a v:textbox) for the KHẨN / HỎA TỐC mark under the number,
  and the MẬT mark above it; the circulation mark (ô 11) is a text box above
  the header;
- ``cell_margin``: the header table's own left/right cell margins (twips),
  instead of Word's default 108.
"""

from __future__ import annotations

from congvan.metrics import text_width_pt

from .content import BOX_MM, HEADER_MM, SIGNATURE_MM, TNR, Case, article_parts, body_blocks, kinh_gui_lines
from .wml import (APP, CONTENT_TYPES, DOC_RELS, EMU_PER_MM, EMU_PER_PT, RELS, R, cell, core, document, field,
                  header_part, p, package, settings, styles, table, tracked)

CELL_MARGIN_PT = 108 / 20
BOX_INSET_PT = (7.2, 3.6)  # Word's default text-box insets: 0.1" left/right, 0.05" top/bottom
MM_PT = 72 / 25.4


class Writer:
    """One document: the case, and counters for shape ids and tracked-change ids."""

    def __init__(self, case: Case):
        self.case, self.doc, self.look, self.opt = case, case.doc, case.look, case.options
        self.shape = 0
        self.change = 0

    # --- runs -----------------------------------------------------------------------------------------------
    def runs(self, text: str, size: float, bold=False, italic=False, font=None) -> list[R]:
        """One run, or two cut mid-word when the file is an edited one (``split``)."""
        if not self.opt.get("split") or len(text) < 6:
            return [R(text, size, bold, italic, font)]
        cut = _mid_word(text)
        return [R(text[:cut], size, bold, italic, font), R(text[cut:], size, bold, italic, font)]

    def next_shape(self) -> int:
        self.shape += 1
        return self.shape

    # --- rules ----------------------------------------------------------------------------------------------
    def ruled(self, text_para_runs: list, column_pt: float, length_pt: float, size: float, **kw) -> list[str]:
        """The text paragraph and its rule, drawn the way ``rules`` says."""
        kind = self.opt.get("rules", "border")
        side = max(0.0, (column_pt - length_pt) / 2)
        if kind == "border":
            return [p(*text_para_runs, **kw), p(jc="center", left_pt=side, right_pt=side, border="bottom")]
        y = size * 1.15 + 1.5  # just under the line box, clear of the dot-below marks (ạ, ộ)
        n = self.next_shape()
        if kind == "dml-line":  # Word 2010+: a DrawingML line, with its VML copy for older readers
            return [p(*text_para_runs, R("", size, raw=self.dml_line(n, side, y, length_pt)), **kw)]
        style = (f"position:absolute;z-index:{251659264 + n};mso-position-horizontal-relative:text;"
                 f"mso-position-vertical-relative:text")
        if kind == "vml-line":
            shape = (f'<v:line id="_x0000_s{1025 + n}" style="{style}" from="{side:.2f}pt,{y:.2f}pt" '
                     f'to="{side + length_pt:.2f}pt,{y:.2f}pt" strokeweight=".5pt"/>')
        else:  # vml-rect: a filled rectangle 0.75 pt high
            shape = (f'<v:rect id="_x0000_s{1025 + n}" style="{style};margin-left:{side:.2f}pt;'
                     f'margin-top:{y:.2f}pt;width:{length_pt:.2f}pt;height:.75pt" fillcolor="black" stroked="f"/>')
        pict = R("", size, raw=f"<w:pict>{shape}</w:pict>")
        return [p(*text_para_runs, pict, **kw)]

    # --- header ---------------------------------------------------------------------------------------------
    def left_block(self, column_pt: float) -> list[str]:
        doc, look = self.doc, self.look
        size = look.pt("agency")
        out = [p(*self.runs(line, size)) for line in doc.parent]
        lines = list(doc.agency)
        for line in lines[:-1]:
            out.append(p(*self.runs(line, size, bold=True)))
        last = self.runs(lines[-1], size, bold=True)
        if look.agency_rule:
            longest = max(text_width_pt(line, size, bold=True) for line in lines)
            out += self.ruled(last, column_pt, look.agency_rule_ratio * longest, size)
        else:
            out.append(p(*last))
        return out

    def right_block(self, column_pt: float) -> list[str]:
        doc, look = self.doc, self.look
        qh, tn = look.pt("quoc_hieu"), look.pt("tieu_ngu")
        line = ("auto", look.national_line)
        out = [p(*self.runs(doc.national[0], qh, bold=True), line=line)]
        motto = self.runs(doc.national[1], tn, bold=True)
        kw = dict(line=line, before=look.national_gap_pt)
        if look.motto_rule and doc.national[1]:
            out += self.ruled(motto, column_pt, text_width_pt(doc.national[1], tn, bold=True), tn, **kw)
        elif doc.national[1]:
            out.append(p(*motto, **kw))
        return out

    def number_block(self, column_pt: float) -> list[str]:
        doc, look = self.doc, self.look
        out = [p(*self.runs(doc.so, look.pt("so")), before=6)]
        if doc.title is None:
            out.append(p(*self.runs(doc.subject, look.pt("vv")), before=look.so_vv_gap_pt))
        if doc.secrecy:
            out.append(self.urgency_box(column_pt, doc.secrecy))
        if doc.urgency:
            out.append(self.urgency_box(column_pt))
        return out

    def date_block(self) -> list[str]:
        doc, look = self.doc, self.look
        size = look.pt("date")
        place, _, date = doc.place_date.partition(", ")
        tracked_kind = self.opt.get("tracked")
        if self.opt.get("date_field"):
            result = self.runs(date, size, italic=True)
            content = [R(place + ", ", size, italic=True),
                       field(' DATE \\@ "\'ngày\' dd \'tháng\' M \'năm\' yyyy" ', result, size, italic=True)]
        elif tracked_kind:
            # "ngày 18 …" typed as "ngày 5 …" first, then corrected with Track Changes on (or the reverse)
            head, day, tail = date.split(" ", 2)
            wrong, right = ("5", day) if tracked_kind == "fix" else (day, day.lstrip("0") or day)
            self.change += 1
            deleted = tracked("del", self.change, [R(wrong, size, italic=True, deleted=True)])
            self.change += 1
            inserted = tracked("ins", self.change, [R(right, size, italic=True)])
            content = [R(f"{place}, {head} ", size, italic=True), deleted, inserted, R(" " + tail, size, italic=True)]
        else:
            content = self.runs(doc.place_date, size, italic=True)
        return [p(*content, before=6)]

    def dml_line(self, n: int, x_pt: float, y_pt: float, length_pt: float) -> str:
        x, y, cx = (int(v * EMU_PER_PT) for v in (x_pt, y_pt, length_pt))
        choice = (f'<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
                  f'relativeHeight="{251659264 + n}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
                  f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset>'
                  f'</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>{y}</wp:posOffset>'
                  f'</wp:positionV><wp:extent cx="{cx}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
                  f'<wp:wrapNone/><wp:docPr id="{n}" name="Straight Connector {n}"/><wp:cNvGraphicFramePr/>'
                  f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                  f'<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>'
                  f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="6350"><a:solidFill><a:srgbClr '
                  f'val="000000"/></a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
                  f'</wp:anchor></w:drawing>')
        fallback = (f'<w:pict><v:line id="Straight Connector {n}" o:spid="_x0000_s{1025 + n}" style="position:absolute;'
                    f'z-index:{251659264 + n};mso-position-horizontal-relative:text;mso-position-vertical-relative:text" '
                    f'from="{x_pt:.2f}pt,{y_pt:.2f}pt" to="{x_pt + length_pt:.2f}pt,{y_pt:.2f}pt" strokeweight=".5pt">'
                    f'<v:stroke joinstyle="miter"/></v:line></w:pict>')
        return (f'<mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice>'
                f'<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>')

    def urgency_box(self, column_pt: float, text: str | None = None) -> str:
        text, size = text or self.doc.urgency, self.look.pt("urgency")
        width_mm = BOX_MM[text]
        inner = p(R(text, size, bold=True), line=("auto", 1.0))
        kind = self.opt.get("urgency", "textbox")
        n = self.next_shape()
        x_mm = max(0.0, (column_pt / MM_PT - width_mm) / 2)
        if kind == "vml":
            shape = (f'<v:rect id="_x0000_s{1025 + n}" style="position:absolute;margin-left:{x_mm:.1f}mm;'
                     f'margin-top:3pt;width:{width_mm:.0f}mm;height:8mm;z-index:{251659264 + n};'
                     f'mso-position-horizontal-relative:text;mso-position-vertical-relative:text" strokeweight=".75pt">'
                     f'<v:textbox inset="0,0,0,0"><w:txbxContent>{inner}</w:txbxContent></v:textbox>'
                     f'<w10:wrap type="topAndBottom"/></v:rect>')
            return p(R("", size, raw=f"<w:pict>{shape}</w:pict>"), before=6)
        box = self.textbox(n, x_mm * EMU_PER_MM, 3 * EMU_PER_PT, width_mm * EMU_PER_MM, 8 * EMU_PER_MM, inner,
                           relative="column", line=True, insets=(0, 0))
        return p(R("", size, raw=box), before=6)

    def textbox(self, n: int, x: float, y: float, cx: float, cy: float, inner: str, *, relative="margin",
                line=False, insets=BOX_INSET_PT, vertical: str | None = None) -> str:
        """A floating text box: the wps Choice and its VML Fallback, both holding the same paragraphs."""
        vertical = vertical or ("paragraph" if relative == "column" else relative)
        x, y, cx, cy = (int(v) for v in (x, y, cx, cy))
        l_ins, t_ins = (int(i * EMU_PER_PT) for i in insets)
        ln = ('<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>' if line
              else "<a:ln><a:noFill/></a:ln>")
        choice = (f'<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
                  f'relativeHeight="{251659264 + n}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
                  f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="{relative}"><wp:posOffset>{x}'
                  f'</wp:posOffset></wp:positionH><wp:positionV relativeFrom="{vertical}">'
                  f'<wp:posOffset>{y}</wp:posOffset></wp:positionV><wp:extent cx="{cx}" cy="{cy}"/>'
                  f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
                  f'<wp:docPr id="{n}" name="Text Box {n}"/><wp:cNvGraphicFramePr/>'
                  f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                  f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" '
                  f'cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>{ln}</wps:spPr>'
                  f'<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx>'
                  f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="{l_ins}" tIns="{t_ins}" rIns="{l_ins}" '
                  f'bIns="{t_ins}" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData>'
                  f'</a:graphic></wp:anchor></w:drawing>')
        pt = 1 / EMU_PER_PT
        stroke = 'strokeweight=".75pt"' if line else 'stroked="f"'
        inset = f"{insets[0]}pt,{insets[1]}pt,{insets[0]}pt,{insets[1]}pt"
        fallback = (f'<w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
                    f'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" '
                    f'o:connecttype="rect"/></v:shapetype><v:shape id="Text Box {n}" o:spid="_x0000_s{1025 + n}" '
                    f'type="#_x0000_t202" style="position:absolute;margin-left:{x * pt:.2f}pt;margin-top:{y * pt:.2f}pt;'
                    f'width:{cx * pt:.2f}pt;height:{cy * pt:.2f}pt;z-index:{251659264 + n};'
                    f'mso-position-horizontal-relative:{relative};mso-position-vertical-relative:'
                    f'{"text" if vertical == "paragraph" else vertical}" filled="f" {stroke}>'
                    f'<v:textbox inset="{inset}"><w:txbxContent>{inner}</w:txbxContent></v:textbox>'
                    f'<w10:wrap type="topAndBottom"/></v:shape></w:pict>')
        return (f'<mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice>'
                f'<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>')

    def header_table(self) -> str:
        widths = HEADER_MM
        margin = self.opt.get("cell_margin")
        side = CELL_MARGIN_PT if margin is None else margin / 20
        cols = [w * MM_PT - 2 * side for w in widths]
        rows = [[cell(widths[0], *self.left_block(cols[0])), cell(widths[1], *self.right_block(cols[1]))],
                [cell(widths[0], *self.number_block(cols[0])), cell(widths[1], *self.date_block())]]
        return self.circulation() + table(widths, rows, cell_margin=margin)

    def circulation(self) -> str:
        """ô 11: the circulation mark in a bordered text box in the top margin band, over the Quốc hiệu."""
        text = self.doc.circulation
        if not text:
            return ""
        size = self.look.pt("urgency")
        width_pt = text_width_pt(text, size, bold=True) + 2 * 3 * MM_PT
        x_pt = (HEADER_MM[0] + HEADER_MM[1] / 2 - 5) * MM_PT - width_pt / 2  # centred over the right column
        inner = p(R(text, size, bold=True))
        box = self.textbox(self.next_shape(), x_pt * EMU_PER_PT, -11 * EMU_PER_MM, width_pt * EMU_PER_PT,
                           8 * EMU_PER_MM, inner, line=True, insets=(0, 2), vertical="paragraph")
        return p(R("", size, raw=box), jc=None, line=("exact", 1))

    def header_textboxes(self) -> str:
        """Two text boxes anchored in the first paragraph, as many Word users lay out the header band."""
        left_mm, right_mm, gap_mm = 70.0, 105.0, 0.0
        inset = 2 * BOX_INSET_PT[0]
        left = "".join(self.left_block(left_mm * MM_PT - inset) + self.number_block(left_mm * MM_PT - inset))
        right = "".join(self.right_block(right_mm * MM_PT - inset) + self.date_block())
        boxes = [self.textbox(self.next_shape(), -5 * EMU_PER_MM, 0, left_mm * EMU_PER_MM, 38 * EMU_PER_MM, left),
                 self.textbox(self.next_shape(), (left_mm - 5 + gap_mm) * EMU_PER_MM, 0, right_mm * EMU_PER_MM,
                              38 * EMU_PER_MM, right)]
        return p(*(R("", 14, raw=b) for b in boxes), jc=None)

    def header_tabs(self) -> str:
        """Each header line typed once: the left half, a centred tab, the right half."""
        doc, look = self.doc, self.look
        text_mm = 210 - look.margins["left"] - look.margins["right"]
        left_c, right_c = 33.0, text_mm - 50.0
        stops = (("center", round(left_c * 1440 / 25.4)), ("center", round(right_c * 1440 / 25.4)))
        size, qh, tn = look.pt("agency"), look.pt("quoc_hieu"), look.pt("tieu_ngu")
        pairs = [(doc.parent[0] if doc.parent else "", False, doc.national[0], qh, False),
                 (doc.agency[0], True, doc.national[1], tn, False)]
        out = []
        for left, left_bold, right, right_size, _ in pairs:
            out.append(p(*self.runs("\t" + left, size, bold=left_bold), *self.runs("\t" + right, right_size, bold=True),
                         jc="left", tabs=stops, line=("auto", look.national_line)))
        # both rules drawn as VML lines anchored in one empty paragraph, each centred under its text
        shapes = []
        if look.agency_rule:
            length = 0.4 * text_width_pt(doc.agency[0], size, bold=True)
            shapes.append(self._line(left_c * MM_PT - length / 2, length))
        if look.motto_rule:
            length = text_width_pt(doc.national[1], tn, bold=True)
            shapes.append(self._line(right_c * MM_PT - length / 2, length))
        out.append(p(*shapes, jc="left", line=("exact", 4)))
        place = self.runs(doc.place_date, look.pt("date"), italic=True)
        out.append(p(*self.runs("\t" + doc.so, look.pt("so")), R("\t", 13), *place, jc="left", tabs=stops, before=6))
        if doc.title is None:
            out.append(p(*self.runs(doc.subject, look.pt("vv")), jc="left", before=look.so_vv_gap_pt,
                         left_mm=max(0.0, left_c - text_width_pt(doc.subject, look.pt("vv")) / MM_PT / 2)))
        return "".join(out)

    def _line(self, x_pt: float, length_pt: float) -> R:
        n = self.next_shape()
        return R("", 13, raw=(f'<w:pict><v:line id="_x0000_s{1025 + n}" style="position:absolute;'
                              f'z-index:{251659264 + n};mso-position-horizontal-relative:margin;'
                              f'mso-position-vertical-relative:text" from="{x_pt:.2f}pt,1pt" '
                              f'to="{x_pt + length_pt:.2f}pt,1pt" strokeweight=".5pt"/></w:pict>'))

    # --- the rest of the page -------------------------------------------------------------------------------
    def title(self) -> list[str]:
        doc, look = self.doc, self.look
        if doc.title is None:
            return []
        out = [p(*self.runs(doc.title, look.pt("title"), bold=True), before=12, keep_next=True)]
        subject = self.runs(doc.subject, look.pt("subject"), bold=True)
        if look.subject_rule:
            text_pt = (210 - look.margins["left"] - look.margins["right"]) * MM_PT
            length = 0.4 * text_width_pt(doc.subject, look.pt("subject"), bold=True)
            out += self.ruled(subject, text_pt, length, look.pt("subject"))
        else:
            out.append(p(*subject))
        return out

    def body(self) -> list[str]:
        doc, look = self.doc, self.look
        size = look.pt("body")
        font = look.body_font if look.body_font != TNR else None
        out = []
        for n, line in enumerate(kinh_gui_lines(doc)):
            out.append(p(*self.runs(line, size, font=font), jc="left", before=6 if n == 0 else 0,
                         left_mm=35 if n == 0 else 45))
        for block in body_blocks(doc):
            if block.style == "center-bold":
                out.append(p(*self.runs(block.text, size, bold=True, font=font), before=6))
                continue
            if block.style == "article":
                label, rest = article_parts(block.text)
                runs = [R(label, size, bold=True, font=font), *self.runs(rest, size, font=font)]
            else:
                runs = self.runs(block.text, size, bold=block.style == "heading", italic=block.style == "italic",
                                 font=font)
            out.append(p(*runs, jc="both", before=6, first_mm=10, line=look.line))
        return out

    def signature(self) -> str:
        doc, look = self.doc, self.look
        label = self.runs("Nơi nhận:", 12, bold=look.label_bold_italic, italic=look.label_bold_italic)
        left = [p(*label, jc="left", before=12)] + [p(*self.runs(i, 11), jc="left") for i in doc.noi_nhan]
        size = look.pt("authority")
        right = [p(*self.runs(line, size, bold=True), before=12 if n == 0 else 0)
                 for n, line in enumerate(doc.authority)]
        right += [p() for _ in range(4)] + [p(*self.runs(doc.signer, size, bold=True))]
        return table(SIGNATURE_MM, [[cell(SIGNATURE_MM[0], *left), cell(SIGNATURE_MM[1], *right)]])

    def page_header(self) -> str:
        size = self.look.pt("page")
        jc = {"center": "center", "left": "left", "right": "right"}[self.look.page_number_align]
        return header_part(p(field(" PAGE ", [R("2", size)], size), jc=jc))

    def build(self) -> bytes:
        header = {"table": self.header_table, "textbox": self.header_textboxes,
                  "tabs": self.header_tabs}[self.opt.get("header", "table")]()
        body = header + "".join(self.title() + self.body()) + self.signature()
        parts = {
            "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS,
            "word/document.xml": document(body, self.look.margins),
            "word/_rels/document.xml.rels": DOC_RELS,
            "word/styles.xml": styles(self.look.pt("body")),
            "word/settings.xml": settings(self.opt.get("compat", 15)),
            "word/header1.xml": self.page_header(),
            "word/header2.xml": header_part("<w:p/>"),
            "docProps/core.xml": core(self.doc.subject), "docProps/app.xml": APP,
        }
        return package(parts)


def _mid_word(text: str) -> int:
    """A cut inside a word near the middle: "CỘNG HÒA XÃ H|ỘI …"."""
    middle = len(text) // 2
    for offset in range(len(text)):
        for at in (middle + offset, middle - offset):
            if 0 < at < len(text) and text[at - 1].isalpha() and text[at].isalpha():
                return at
    return middle


def build(case: Case) -> bytes:
    return Writer(case).build()


def build_all(cases: list[Case]) -> dict[str, bytes]:
    return {f"{c.name}.docx": build(c) for c in cases}
