"""How fast congvan renders a công văn, beside baselines measured in the same run.

    python benchmarks/bench_render.py [--n 300] [--memory 5000]

Renders the seed-000 công văn (2 pages) many times in one warm process and
prints the median time per document and documents/second for:

* congvan           — render_bytes(doc) of a validated model (template compiled once)
* congvan+validate  — the form's data validated into the model, then rendered
* docxtpl           — a plain docxtpl render of an equivalent template built on
                      python-docx's default base (the usual way: load, render, save)
* docxtpl-min       — the same over congvan's own minimal base package
* python-docx       — the same document built in code on the default base
* floor             — a pre-built minimal package whose document.xml is filled by
                      string templating and zipped: the practical lower bound

and the ratio of each to the floor.  --memory N renders N documents and prints
the resident memory after 10 % and after all of them (flat means no leak).
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import yaml  # noqa: E402
from docx import Document  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.shared import Pt  # noqa: E402
from docxtpl import DocxTemplate  # noqa: E402

import congvan  # noqa: E402
from congvan.docx import package  # noqa: E402
from congvan.layout import lay_out  # noqa: E402

FORM = ROOT / "examples" / "000-cong-van-bcd-dak-lak-2022.yaml"


def median_ms(fn, n: int) -> float:
    fn()  # warm: caches, imports
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def document_text(doc) -> dict:
    """The words of the công văn, so every baseline writes the same text."""
    view = lay_out(doc)
    h = view.header
    return {
        "left": [*h.parent_lines, *h.issuer_lines, h.number, h.subject_cong_van or ""],
        "right": [h.quoc_hieu, h.tieu_ngu, h.place_date],
        "body": [p.text for p in (*view.kinh_gui, *view.body)],
        "noi_nhan": list(view.noi_nhan),
        "sign": [*view.signature.authority_lines, *view.signature.other_position_lines, view.signature.name],
    }


def docx_template(base: Path | None) -> Path:
    """An equivalent docxtpl template: header table, body loop, signature table."""
    document = Document(str(base)) if base else Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).paragraphs[0].text = "{%p for line in left %}"
    table.cell(0, 0).add_paragraph("{{ line }}").alignment = WD_ALIGN_PARAGRAPH.CENTER
    table.cell(0, 0).add_paragraph("{%p endfor %}")
    table.cell(0, 1).paragraphs[0].text = "{%p for line in right %}"
    table.cell(0, 1).add_paragraph("{{ line }}").alignment = WD_ALIGN_PARAGRAPH.CENTER
    table.cell(0, 1).add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p for p in body %}")
    para = document.add_paragraph("{{ p }}")
    para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    document.add_paragraph("{%p endfor %}")
    sign = document.add_table(rows=1, cols=2)
    sign.cell(0, 0).paragraphs[0].text = "{%p for line in noi_nhan %}"
    sign.cell(0, 0).add_paragraph("{{ line }}")
    sign.cell(0, 0).add_paragraph("{%p endfor %}")
    sign.cell(0, 1).paragraphs[0].text = "{%p for line in sign %}"
    sign.cell(0, 1).add_paragraph("{{ line }}").alignment = WD_ALIGN_PARAGRAPH.CENTER
    sign.cell(0, 1).add_paragraph("{%p endfor %}")
    path = Path(tempfile.mkdtemp()) / ("min.docx" if base else "default.docx")
    document.save(str(path))
    return path


def minimal_base() -> Path:
    """congvan's own base package, with an empty body, as a python-docx document."""
    parts = package.base_parts({"default": "rIdH1", "first": "rIdH2"})
    parts["word/document.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{package.W_NS}" xmlns:r="{package.R_NS}"><w:body><w:p/>'
        "<w:sectPr/></w:body></w:document>"
    ).encode()
    path = Path(tempfile.mkdtemp()) / "base.docx"
    path.write_bytes(package.zip_parts(parts))
    return path


def render_docxtpl(template: Path, ctx: dict) -> bytes:
    tpl = DocxTemplate(str(template))
    tpl.render(ctx, autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def render_python_docx(ctx: dict) -> bytes:
    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(14)
    table = document.add_table(rows=1, cols=2)
    for col, key in ((0, "left"), (1, "right")):
        cell = table.cell(0, col)
        for i, line in enumerate(ctx[key]):
            p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(line).bold = True
    for text in ctx["body"]:
        p = document.add_paragraph(text)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Pt(28)
    sign = document.add_table(rows=1, cols=2)
    for col, key in ((0, "noi_nhan"), (1, "sign")):
        cell = sign.cell(0, col)
        for i, line in enumerate(ctx[key]):
            (cell.paragraphs[0] if i == 0 else cell.add_paragraph()).add_run(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def floor_renderer(ctx: dict):
    """The practical floor: fixed parts, one string-built document.xml, one zip."""
    parts = package.base_parts({"default": "rIdH1", "first": "rIdH2"})
    para = '<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>'
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{package.W_NS}"><w:body>'

    def render() -> bytes:
        lines = [*ctx["left"], *ctx["right"], *ctx["body"], *ctx["noi_nhan"], *ctx["sign"]]
        body = "".join(para.format(escape(line)) for line in lines)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
            archive.writestr("word/document.xml", f"{head}{body}<w:sectPr/></w:body></w:document>")
        return buf.getvalue()

    return render


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="renders per approach (median reported)")
    ap.add_argument("--memory", type=int, default=5000, help="renders for the memory check (0: skip)")
    args = ap.parse_args()

    data = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    doc = congvan.load(FORM)
    ctx = document_text(doc)
    default_tpl, min_tpl = docx_template(None), docx_template(minimal_base())
    floor = floor_renderer(ctx)

    approaches = {
        "congvan": lambda: congvan.render_bytes(doc),
        "congvan+validate": lambda: congvan.render_bytes(congvan.VanBan.model_validate(data)),
        "docxtpl": lambda: render_docxtpl(default_tpl, ctx),
        "docxtpl-min": lambda: render_docxtpl(min_tpl, ctx),
        "python-docx": lambda: render_python_docx(ctx),
        "floor": floor,
    }
    results = {name: median_ms(fn, args.n if name not in ("docxtpl", "python-docx") else max(args.n // 5, 20))
               for name, fn in approaches.items()}
    print(f"seed-000 công văn, {len(congvan.render_bytes(doc)):,} bytes; median of up to {args.n} warm renders")
    print(f"{'approach':<18}{'ms/doc':>9}{'docs/s':>9}{'× floor':>9}{'× congvan':>11}")
    for name, ms in results.items():
        print(f"{name:<18}{ms:9.2f}{1000 / ms:9.0f}{ms / results['floor']:9.1f}{ms / results['congvan']:11.1f}")

    if args.memory:
        gc.collect()
        first = max(args.memory // 10, 1)
        for _ in range(first):
            congvan.render_bytes(doc)
        gc.collect()
        early = rss_mb()
        for _ in range(args.memory - first):
            congvan.render_bytes(doc)
        gc.collect()
        late = rss_mb()
        print(f"memory: RSS {early:.1f} MB after {first} renders, {late:.1f} MB after {args.memory}"
              f" ({late - early:+.1f} MB)")


if __name__ == "__main__":
    main()
