"""The corpus as the npm ``docx`` package writes it (tools/corpus/npm/build.js,
docx pinned in package.json / package-lock.json).  This module lays each
document out as plain JSON — paragraphs with their runs, sizes, indents,
borders, and the two tables — and build.js turns it into docx objects with
the package's ordinary API.  ``scripts/install-node`` installs node, npm and
the package."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from congvan.metrics import text_width_pt

from .content import BOX_MM, HEADER_MM, SIGNATURE_MM, TNR, Case, article_parts, body_blocks, kinh_gui_lines
from .wml import twips_mm
from .zipfix import fixed_zip

HERE = Path(__file__).resolve().parent / "npm"
CELL_MARGIN_PT = 108 / 20  # docx writes no cell margins: Word's default 0.19 cm applies
MM_PT = 72 / 25.4


def run(text, size, bold=False, italic=False, font=None) -> dict:
    return {"text": text, "size": size, "bold": bold, "italic": italic, "font": font}


def para(text="", size=14, bold=False, italic=False, align="center", before=0.0, **kw) -> dict:
    out = {"align": align, "before": round(before * 20), "runs": [run(text, size, bold, italic)] if text else []}
    out.update(kw)
    return out


def rule(column_pt: float, length_pt: float) -> dict:
    side = round(max(0.0, (column_pt - length_pt) / 2) * 20)
    return para(left=side, right=side, rule=True)


def spec(case: Case) -> dict:
    doc, look = case.doc, case.look
    widths = [twips_mm(w) for w in HEADER_MM]
    cols = [w / 20 - 2 * CELL_MARGIN_PT for w in widths]
    size = look.pt("agency")
    left = [para(x, size) for x in doc.parent] + [para(x, size, bold=True) for x in doc.agency]
    if look.agency_rule:
        longest = max(text_width_pt(x, size, bold=True) for x in doc.agency)
        left.append(rule(cols[0], look.agency_rule_ratio * longest))
    qh, tn = look.pt("quoc_hieu"), look.pt("tieu_ngu")
    right = [para(doc.national[0], qh, bold=True), para(doc.national[1], tn, bold=True)]
    if look.motto_rule:
        right.append(rule(cols[1], text_width_pt(doc.national[1], tn, bold=True)))
    number = [para(doc.so, look.pt("so"), before=6)]
    if doc.title is None:
        number.append(para(doc.subject, look.pt("vv"), before=look.so_vv_gap_pt))
    for mark in (doc.secrecy, doc.urgency):
        if mark:  # a bordered paragraph narrowed to the stamp's width (Phụ lục I III.3)
            side = round(max(0.0, cols[0] - BOX_MM[mark] * MM_PT) / 2 * 20)
            number.append(para(mark, look.pt("urgency"), bold=True, before=6, left=side, right=side, box=True))
    date = [para(doc.place_date, look.pt("date"), italic=True, before=6)]
    blocks: list[dict] = [{"table": {"widths": widths, "rows": [[left, right], [number, date]]}}]
    if doc.title:
        blocks.append(para(doc.title, look.pt("title"), bold=True, before=12))
        blocks.append(para(doc.subject, look.pt("subject"), bold=True))
        if look.subject_rule:
            text_pt = (210 - look.margins["left"] - look.margins["right"]) * MM_PT
            blocks.append(rule(text_pt, 0.4 * text_width_pt(doc.subject, look.pt("subject"), bold=True)))
    body = look.pt("body")
    font = None if look.body_font == TNR else look.body_font
    kind, value = look.line
    line = {"rule": kind, "value": round(value * 240) if kind == "auto" else round(value * 20)}
    for n, text in enumerate(kinh_gui_lines(doc)):
        blocks.append(para(text, body, align="left", before=6 if n == 0 else 0, left=twips_mm(35 if n == 0 else 45)))
    for block in body_blocks(doc):
        if block.style == "center-bold":
            blocks.append(para(block.text, body, bold=True, before=6))
            continue
        runs = [run(block.text, body, block.style == "heading", block.style == "italic", font)]
        if block.style == "article":
            label, rest = article_parts(block.text)
            runs = [run(label, body, True, False, font), run(rest, body, False, False, font)]
        blocks.append({"align": "both", "before": 120, "first": twips_mm(10), "line": line, "runs": runs})
    bi = look.label_bold_italic
    sig_left = [para("Nơi nhận:", 12, bold=bi, italic=bi, align="left", before=12)]
    sig_left += [para(x, 11, align="left") for x in doc.noi_nhan]
    a = look.pt("authority")
    sig_right = [para(x, a, bold=True, before=12 if n == 0 else 0) for n, x in enumerate(doc.authority)]
    sig_right += [para(size=a) for _ in range(4)] + [para(doc.signer, a, bold=True)]
    blocks.append({"table": {"widths": [twips_mm(w) for w in SIGNATURE_MM], "rows": [[sig_left, sig_right]]}})
    return {
        "file": f"{case.name}.docx", "title": doc.subject, "body_size": body,
        "page": {"margins": {k: twips_mm(v) for k, v in look.margins.items()},
                 "number_align": look.page_number_align, "number_size": look.pt("page")},
        "blocks": blocks,
    }


def ensure_package() -> None:
    """node and the pinned docx package (scripts/install-node installs both)."""
    if not shutil.which("node"):
        raise RuntimeError("node is missing: run ./scripts/install-node")
    if not (HERE / "node_modules" / "docx").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=HERE, check=True, timeout=300)


def build_all(cases: list[Case]) -> dict[str, bytes]:
    ensure_package()
    with tempfile.TemporaryDirectory(prefix="corpus-npm-") as work:
        specs = Path(work, "specs.json")
        specs.write_text(json.dumps([spec(c) for c in cases], ensure_ascii=False), encoding="utf-8")
        subprocess.run(["node", str(HERE / "build.js"), str(specs), work], check=True, timeout=300)
        return {f"{c.name}.docx": fixed_zip(Path(work, f"{c.name}.docx").read_bytes()) for c in cases}
