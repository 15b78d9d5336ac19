"""Previews of page 1 for the web page: a PNG when LibreOffice is there,
otherwise an HTML page of the same text with the decree's sizes and weights.

The HTML is built from the layout (the same paragraphs the DOCX gets) and
the element table in ``rules``; every piece of user text is escaped.  It is
a reading aid, not a page-exact rendering: the PNG is.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

from .. import rules
from ..inline import Span
from ..layout import lay_out
from ..layout.view import Grid, Para
from ..model import VanBan
from ..rules import Profile

PNG_DPI = 80


def first_page_png(pdf: bytes, timeout: float) -> bytes:
    """Page 1 of a PDF as PNG (pdftoppm, from poppler)."""
    tool = shutil.which("pdftoppm")
    if not tool:
        raise FileNotFoundError("pdftoppm")
    with tempfile.TemporaryDirectory(prefix="congvan-preview-") as tmp:
        source = Path(tmp) / "van-ban.pdf"
        source.write_bytes(pdf)
        subprocess.run([tool, "-png", "-r", str(PNG_DPI), "-f", "1", "-l", "1", "-singlefile",
                        str(source), str(Path(tmp) / "trang-1")],
                       check=True, capture_output=True, timeout=timeout)
        return (Path(tmp) / "trang-1.png").read_bytes()


def _css(profile: Profile) -> str:
    m = rules.MARGINS_MM
    lines = [
        f"body{{margin:0;background:#eee;font-family:'{rules.FONT}','Liberation Serif',serif;color:#000}}",
        f".trang{{background:#fff;width:{rules.PAGE_WIDTH_MM}mm;min-height:{rules.PAGE_HEIGHT_MM}mm;box-sizing:border-box;"
        f"margin:8px auto;padding:{m['top']}mm {m['right']}mm {m['bottom']}mm {m['left']}mm}}",
        "p{margin:0;line-height:1.15}.cot,.ky{display:flex}.ky{margin-top:12pt}.cot>div,.ky>div{flex:none}",
        ".gach{border-top:0.5pt solid #000;margin:2pt auto 4pt}",
        ".bang{width:100%;margin-top:6pt}.bang td{border:0.5pt solid #000;padding:0 1.5mm;vertical-align:middle}",
    ]
    for name, el in rules.ELEMENTS.items():
        style = [f"font-size:{el.size.pt(profile):g}pt", f"text-align:{el.align.value}"]
        style += ["font-weight:bold"] if el.bold else []
        style += ["font-style:italic"] if el.italic else []
        style += [f"text-indent:{el.first_line_indent_mm:g}mm"] if el.first_line_indent_mm else []
        style += [f"margin-top:{el.space_before_pt:g}pt"] if el.space_before_pt else []
        style += [f"margin-bottom:{el.space_after_pt:g}pt"] if el.space_after_pt else []
        lines.append(f".{name}{{{';'.join(style)}}}")
    return "\n".join(lines)


def _spans(spans: tuple[Span, ...]) -> str:
    out = []
    for span in spans:
        if span.note:
            out.append(f"<sup>{span.number}</sup>")
            continue
        text = html.escape(span.text).replace("\n", "<br>")
        text = f"<b>{text}</b>" if span.bold else text
        out.append(f"<i>{text}</i>" if span.italic else text)
    return "".join(out)


def _p(element: str, text: str) -> str:
    return f'<p class="{element}">{html.escape(text).replace(chr(10), "<br>")}</p>'


def _para(p: Para | Grid) -> str:
    if isinstance(p, Grid):
        return _grid(p)
    return f'<p class="{p.element}">{_spans(p.spans)}</p>'


def _grid(g: Grid) -> str:
    """A body table as an HTML table with the same spans."""
    rows = []
    for row in g.rows:
        cells = []
        for c in row.cells:
            if c.merge == "continue":
                continue
            rowspan = _rowspan(g, row, c) if c.merge == "restart" else 1
            cells.append(f'<td colspan="{c.cols}" rowspan="{rowspan}">{"".join(_para(p) for p in c.paras)}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table class="bang" style="border-collapse:collapse">{"".join(rows)}</table>'


def _rowspan(g: Grid, row, c) -> int:
    start = g.rows.index(row)
    col = sum(x.cols for x in row.cells[:row.cells.index(c)])
    n = 1
    for below in g.rows[start + 1:]:
        at, found = 0, None
        for x in below.cells:
            if at == col:
                found = x
                break
            at += x.cols
        if found is None or found.merge != "continue":
            break
        n += 1
    return n


def _rule(length_mm: float) -> str:
    return f'<div class="gach" style="width:{length_mm:.1f}mm"></div>'


def _columns(kind: str, widths_mm: tuple[float, float], indent_mm: float, left: str, right: str) -> str:
    """Two columns as wide as the DOCX table's (the header table starts left of the margin)."""
    return (f'<div class="{kind}" style="margin-left:{indent_mm:g}mm"><div style="width:{widths_mm[0]:g}mm">{left}'
            f'</div><div style="width:{widths_mm[1]:g}mm">{right}</div></div>')


def preview_html(doc: VanBan) -> str:
    """A standalone HTML page with the document's text laid out like the DOCX."""
    view = lay_out(doc)
    h, s = view.header, view.signature
    left = "".join(_p("co_quan_chu_quan", t) for t in h.parent_lines)
    left += "".join(_p("co_quan_ban_hanh", t) for t in h.issuer_lines) + _rule(h.issuer_rule.length_mm)
    left += _p("so_ky_hieu", h.number) + (_p("trich_yeu_cong_van", h.subject_cong_van) if h.subject_cong_van else "")
    right = _p("quoc_hieu", h.quoc_hieu) + _p("tieu_ngu", h.tieu_ngu) + _rule(h.motto_rule.length_mm)
    right += _p("dia_danh_ngay", h.place_date)
    parts = [_columns("cot", view.page.header_columns, view.page.header_indent, left, right)]
    if view.title:
        parts.append(_p("ten_loai", view.title.type_name))
        parts += [_p("trich_yeu", line) for line in view.title.subject_lines]
        if view.title.subject_rule:
            parts.append(_rule(view.title.subject_rule.length_mm))
    parts += [_para(p) for p in (*view.kinh_gui, *view.body)]
    recipients = _p("noi_nhan_nhan", rules.NOI_NHAN_LABEL) + "".join(_p("noi_nhan", x) for x in view.noi_nhan)
    signer = "".join(_p("quyen_han_chuc_vu", x) for x in s.authority_lines)
    signer += "<br>" * rules.SIGNATURE_GAP_LINES + "".join(_p("chuc_vu_khac", x) for x in s.other_position_lines)
    signer += _p("ho_ten", s.name)
    parts.append(_columns("ky", view.page.signature_columns, 0.0, recipients, signer))
    title = html.escape(view.meta.get("title", ""))
    return (f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{_css(Profile(view.profile))}</style></head>"
            f'<body><div class="trang">{"".join(parts)}</div></body></html>')
