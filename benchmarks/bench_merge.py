"""Mail merge of 1,000 letters from one form, beside baselines measured in the same run.

    python benchmarks/bench_merge.py [--n 1000] [--baseline-n 200]

The seed-000 công văn becomes a merge form (the ``kinh_gui`` and ``so``
columns set those fields, ``«co_quan»`` fills a sentence of the body) and is
sent to --n addressees listed in a CSV (UTF-8 with BOM, ';' as Excel writes
it).  Each approach writes one DOCX file per letter into a temporary folder,
in one process and in two:

* congvan        — ``congvan.merge.each``: CSV read, every row validated,
                   rendered, written atomically (temp file, fsync, rename)
* congvan, no fsync — the same with the writer's fsync skipped, to show what
                   durability costs on this disk
* docxtpl        — the usual plain render: load an equivalent template built
                   on python-docx's default base, render (autoescape), save
* python-docx    — the same letter built in code on the default base, saved

The baselines get the letter's text ready-made (no validation, no layout), so
they measure the DOCX work alone; they run --baseline-n letters (they are
slower) and are reported per document.  Prints documents per second, the
speed-up of two processes and the ratios to congvan.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from docx import Document  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.shared import Pt  # noqa: E402
from docxtpl import DocxTemplate  # noqa: E402

from congvan import merge  # noqa: E402
from congvan.forms import load_form  # noqa: E402
from congvan.layout import lay_out  # noqa: E402

FORM = ROOT / "examples" / "000-cong-van-bcd-dak-lak-2022.yaml"
AGENCIES = ["Công an", "Sở Tư pháp", "Sở Y tế", "Ủy ban nhân dân", "Đoàn Thanh niên", "Hội Liên hiệp Phụ nữ"]


def merge_form() -> dict:
    """Seed 000 with a placeholder: the closing paragraph names its addressee."""
    data, _ = load_form(FORM)
    data["noi_dung"][-1] = data["noi_dung"][-1].replace("Đề nghị", "Đề nghị «co_quan» và", 1)
    return data


def write_rows(folder: Path, n: int) -> Path:
    path = folder / "dia-chi.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["so", "kinh_gui", "co_quan"])
        for i in range(1, n + 1):
            agency = f"{AGENCIES[i % len(AGENCIES)]} huyện số {i}"
            out.writerow([i, agency, agency])
    return path


# --- the baselines: the same letter, text ready-made -------------------------------------------


def letter_text(data: dict) -> dict:
    """The words of the letter with {so}, {kinh_gui}, {co_quan} left to fill."""
    data = {**data, "so": 999, "kinh_gui": ["@KINH_GUI@"]}
    data["noi_dung"] = [*data["noi_dung"][:-1], data["noi_dung"][-1].replace("«co_quan»", "@CO_QUAN@")]
    (result,) = merge.documents(data, [{"_": "x"}])
    view = lay_out(result.doc)
    h, sign = view.header, view.signature
    return {
        "left": [*h.parent_lines, *h.issuer_lines, h.number, h.subject_cong_van or ""],
        "right": [h.quoc_hieu, h.tieu_ngu, h.place_date],
        "body": [p.text for p in (*view.kinh_gui, *view.body)],
        "noi_nhan": list(view.noi_nhan),
        "sign": [*sign.authority_lines, *sign.other_position_lines, sign.name],
    }


def personal(ctx: dict, row: dict) -> dict:
    def fill(line: str) -> str:
        return line.replace("999", row["so"]).replace("@KINH_GUI@", row["kinh_gui"]).replace("@CO_QUAN@", row["co_quan"])
    return {key: [fill(line) for line in lines] for key, lines in ctx.items()}


def docxtpl_template(folder: Path) -> Path:
    """An equivalent docxtpl template: header table, body loop, signature table."""
    document = Document()
    for key, cells in (("head", ("left", "right")), ("foot", ("noi_nhan", "sign"))):
        table = document.add_table(rows=1, cols=2)
        for col, name in enumerate(cells):
            cell = table.cell(0, col)
            cell.paragraphs[0].text = f"{{%p for line in {name} %}}"
            cell.add_paragraph("{{ line }}").alignment = WD_ALIGN_PARAGRAPH.CENTER
            cell.add_paragraph("{%p endfor %}")
        if key == "head":
            document.add_paragraph("{%p for p in body %}")
            document.add_paragraph("{{ p }}").alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            document.add_paragraph("{%p endfor %}")
    path = folder / "mau.docx"
    document.save(str(path))
    return path


def docxtpl_letter(template: Path, ctx: dict, path: Path) -> None:
    tpl = DocxTemplate(str(template))
    tpl.render(ctx, autoescape=True)
    tpl.save(str(path))


def python_docx_letter(ctx: dict, path: Path) -> None:
    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(14)
    for keys in (("left", "right"), None, ("noi_nhan", "sign")):
        if keys is None:
            for text in ctx["body"]:
                p = document.add_paragraph(text)
                p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                p.paragraph_format.first_line_indent = Pt(28)
            continue
        table = document.add_table(rows=1, cols=2)
        for col, key in enumerate(keys):
            cell = table.cell(0, col)
            for i, line in enumerate(ctx[key]):
                p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.add_run(line)
    document.save(str(path))


_JOB: dict = {}


def _baseline_init(job: dict) -> None:
    _JOB.update(job)


def _baseline_chunk(rows: list[dict]) -> int:
    for row in rows:
        ctx = personal(_JOB["ctx"], row)
        path = Path(_JOB["out"]) / f"{row['so']}.docx"
        if _JOB["kind"] == "docxtpl":
            docxtpl_letter(Path(_JOB["template"]), ctx, path)
        else:
            python_docx_letter(ctx, path)
    return len(rows)


def run_baseline(kind: str, job: dict, rows: list[dict], processes: int) -> float:
    """Documents per second of a baseline, in one process or a pool."""
    job = {**job, "kind": kind}
    chunks = [rows[i::processes * 4] for i in range(processes * 4)]
    start = time.perf_counter()
    if processes == 1:
        _baseline_init(job)
        done = sum(_baseline_chunk(chunk) for chunk in chunks)
    else:
        with multiprocessing.Pool(processes, initializer=_baseline_init, initargs=(job,)) as pool:
            done = sum(pool.map(_baseline_chunk, chunks))
    return done / (time.perf_counter() - start)


def run_congvan(form: dict, rows_csv: Path, out: Path, processes: int, fsync: bool = True) -> float:
    start = time.perf_counter()
    if fsync:
        results = list(merge.each(form, rows_csv, outdir=out, jobs=processes))
    else:
        with mock.patch("os.fsync"):
            results = list(merge.each(form, rows_csv, outdir=out, jobs=processes))
    seconds = time.perf_counter() - start
    assert all(r.ok for r in results) and len(list(out.glob("*.docx"))) == len(results), "a letter failed"
    return len(results) / seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="letters merged by congvan")
    ap.add_argument("--baseline-n", type=int, default=200, help="letters made by each baseline")
    args = ap.parse_args()

    form = merge_form()
    ctx = letter_text(form)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows_csv = write_rows(folder, args.n)
        rows = [{"so": str(i), "kinh_gui": f"Cơ quan số {i}", "co_quan": f"Cơ quan số {i}"}
                for i in range(1, args.baseline_n + 1)]
        job = {"ctx": ctx, "template": str(docxtpl_template(folder))}
        rates: dict[str, dict[int, float]] = {}
        for processes in (1, 2):
            def out(name: str) -> Path:
                path = folder / f"{name}-{processes}"
                path.mkdir()
                return path

            rates.setdefault("congvan", {})[processes] = run_congvan(form, rows_csv, out("cv"), processes)
            rates.setdefault("congvan, no fsync", {})[processes] = run_congvan(
                form, rows_csv, out("cv-nofsync"), processes, fsync=False)
            for kind in ("docxtpl", "python-docx"):
                rates.setdefault(kind, {})[processes] = run_baseline(kind, {**job, "out": str(out(kind))}, rows,
                                                                     processes)

    print(f"mail merge of the seed-000 công văn: {args.n} letters (congvan), {args.baseline_n} per baseline;"
          f" {os.cpu_count()} CPUs; one DOCX file per letter")
    print(f"{'approach':<20}{'1 process':>12}{'2 processes':>13}{'speed-up':>10}{'congvan is':>13}")
    for name, by_jobs in rates.items():
        one, two = by_jobs[1], by_jobs[2]
        ratio = "" if name.startswith("congvan") else f"{rates['congvan'][1] / one:6.1f}× faster"
        print(f"{name:<20}{one:10.0f}/s{two:11.0f}/s{two / one:9.2f}×  {ratio}")


if __name__ == "__main__":
    main()
