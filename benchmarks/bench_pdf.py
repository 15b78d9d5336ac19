"""DOCX → PDF: one office process for a batch against LibreOffice started per document.

    .venv/bin/python benchmarks/bench_pdf.py [--n 100]

Renders the seed-000 công văn (2 pages) n times as DOCX, then converts them

* batch        — congvan.pdf.Office.convert_all: one soffice run for all n
* per document — one soffice run per file, the way a shell loop calls it
                 (same warm profile each time, so only the start-up is repeated)

and prints seconds, documents/second and the ratio.  Needs LibreOffice.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import congvan  # noqa: E402
from congvan.pdf import PDF_FILTER, Office, find_office  # noqa: E402


def make_docx(work: Path, n: int) -> list[Path]:
    doc = congvan.load(ROOT / "examples" / "000-cong-van-bcd-dak-lak-2022.yaml")
    return [congvan.render(doc, work / f"cv-{i:04d}.docx") for i in range(n)]


def batch(docx: list[Path], out: Path) -> float:
    start = time.perf_counter()
    with Office() as office:
        office.convert_all([(d, out / f"{d.stem}.pdf") for d in docx])
    return time.perf_counter() - start


def per_document(docx: list[Path], out: Path, profile: Path) -> float:
    soffice = find_office()
    start = time.perf_counter()
    for d in docx:
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--convert-to", PDF_FILTER, "--outdir", str(out), str(d)],
                       check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    n = parser.parse_args().n
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docx = make_docx(work, n)
        for name in ("batch", "single", "profile"):
            (work / name).mkdir()
        per_document(docx[:1], work / "single", work / "profile")  # create the profile outside the timing
        t_batch = batch(docx, work / "batch")
        t_single = per_document(docx, work / "single", work / "profile")
        made = len(list((work / "batch").glob("*.pdf"))), len(list((work / "single").glob("*.pdf")))
    print(f"{n} documents (seed 000, 2 pages) to PDF, PDFs made: {made[0]} batch, {made[1]} per document")
    print(f"{'way':<14}{'seconds':>9}{'docs/s':>9}{'ratio':>8}")
    for name, seconds in (("batch", t_batch), ("per document", t_single)):
        print(f"{name:<14}{seconds:>9.1f}{n / seconds:>9.1f}{seconds / t_batch:>7.1f}×")


if __name__ == "__main__":
    main()
