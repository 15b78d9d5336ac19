"""Mail merge of many letters from one form, beside baselines measured in the same run.

    python benchmarks/bench_merge.py [--n 1000] [--baseline-n 100]

The seed-000 công văn is sent to --n addressees (one DOCX each, written to a
temporary directory) with congvan's merge in one process and in two, and the
same letters are made by a plain docxtpl render and by python-docx in code
(on fewer letters: they are 15–20× slower).  Prints documents per second and
the ratios.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_render  # noqa: E402
import congvan  # noqa: E402
from congvan import merge  # noqa: E402
from congvan.forms import load_form  # noqa: E402


def rows(n: int) -> list[dict[str, str]]:
    return [{"kinh_gui": f"Ủy ban nhân dân xã số {i}", "so": str(i)} for i in range(1, n + 1)]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--baseline-n", type=int, default=100)
    args = ap.parse_args()
    data, _ = load_form(bench_render.FORM)
    doc = congvan.load(bench_render.FORM)
    ctx = bench_render.document_text(doc)
    template = bench_render.docx_template(None)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for jobs in (1, 2):
            out = Path(tmp) / f"j{jobs}"
            out.mkdir()
            seconds = timed(lambda: [r for r in merge.each(data, rows(args.n), out, jobs=jobs)])
            assert len(list(out.glob("*.docx"))) == args.n
            results[f"congvan merge, {jobs} process{'es' if jobs > 1 else ''}"] = args.n / seconds
        out = Path(tmp) / "tpl"
        out.mkdir()

        def docxtpl_letters():
            for i, row in enumerate(rows(args.baseline_n), start=1):
                (out / f"{i}.docx").write_bytes(bench_render.render_docxtpl(template, {**ctx, "left": [row["kinh_gui"]]}))

        def python_docx_letters():
            for i, row in enumerate(rows(args.baseline_n), start=1):
                (out / f"p{i}.docx").write_bytes(bench_render.render_python_docx({**ctx, "left": [row["kinh_gui"]]}))

        results["docxtpl (plain render + save)"] = args.baseline_n / timed(docxtpl_letters)
        results["python-docx (built in code)"] = args.baseline_n / timed(python_docx_letters)
    base = results["congvan merge, 1 process"]
    print(f"mail merge, seed-000 công văn; {args.n} letters for congvan, {args.baseline_n} for the baselines;"
          f" {os.cpu_count()} CPUs")
    print(f"{'approach':<32}{'docs/s':>10}{'× congvan (1 process)':>24}")
    for name, rate in results.items():
        print(f"{name:<32}{rate:10.0f}{rate / base:24.2f}")


if __name__ == "__main__":
    main()
