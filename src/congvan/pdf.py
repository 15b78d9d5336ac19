"""DOCX → PDF (and page images) through LibreOffice, headless.

LibreOffice is the only free office suite that lays out a DOCX the way Word
does; starting it costs about a second, converting a page a few milliseconds.
So a batch goes through ONE office process (``Office.convert_all``: one
``soffice --convert-to`` call for every file) and each ``Office`` keeps its own
profile, so it neither collides with a clerk's open LibreOffice nor pays the
first-start profile creation twice.  Every output is written to a temporary
folder and moved into place: never a half-written PDF.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Iterable, Sequence

from .errors import CongVanError, Problem

# How long an office process may take: start-up, then per document.
START_S = 90
PER_DOCUMENT_S = 20

# LibreOffice's PDF export filter; SelectPdfVersion 2 = PDF/A-2b (archival).
PDF_FILTER = "pdf:writer_pdf_Export"
PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


class OfficeMissing(CongVanError):
    """LibreOffice (or poppler, for images) is not installed."""

    def __init__(self, program: str = "LibreOffice", script: str = "./scripts/install-office"):
        super().__init__([Problem(
            path="", vi=f"Chưa cài {program}, cần để xuất PDF: chạy {script}",
            en=f"{program} is missing, it is needed for PDF output: run {script}",
        )])


class ConversionFailed(CongVanError):
    """LibreOffice ran but produced no PDF (a damaged DOCX, a timeout)."""

    def __init__(self, docx: Path, reason: str):
        super().__init__([Problem(
            path="", file=str(docx), vi=f"LibreOffice không chuyển được sang PDF: {reason}",
            en=f"LibreOffice could not convert it to PDF: {reason}",
        )])


def find_office() -> str:
    """The soffice program, or OfficeMissing with the command that installs it."""
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    raise OfficeMissing()


def find_poppler() -> str:
    path = shutil.which("pdftoppm")
    if not path:
        raise OfficeMissing("poppler-utils (pdftoppm)")
    return path


class Office:
    """One office process and profile for a batch of conversions::

        with Office() as office:
            office.convert_all([(a_docx, a_pdf), (b_docx, b_pdf)])
    """

    def __init__(self, *, pdfa: bool = False):
        self.soffice = find_office()
        self.pdfa = pdfa
        self._home: tempfile.TemporaryDirectory | None = None

    def __enter__(self) -> Office:
        self._home = tempfile.TemporaryDirectory(prefix="congvan-office-")
        return self

    def __exit__(self, *exc) -> None:
        if self._home:
            self._home.cleanup()
            self._home = None

    def convert(self, docx: Path, pdf: Path | None = None, *, pdfa: bool | None = None) -> Path:
        pdf = Path(pdf) if pdf else Path(docx).with_suffix(".pdf")
        self.convert_all([(Path(docx), pdf)], pdfa=pdfa)
        return pdf

    def convert_all(self, pairs: Iterable[tuple[Path, Path]], *, pdfa: bool | None = None,
                    keep_going: bool = False) -> list[Path | None]:
        """Every (docx, pdf) pair in one soffice call. Inputs are copied under
        numbered names first, so two ``to-trinh.docx`` from different folders
        cannot overwrite each other's PDF.  With ``keep_going`` a file the
        office could not print gives None instead of failing the batch."""
        pairs = [(Path(d), Path(p)) for d, p in pairs]
        if not pairs:
            return []
        home = self._home.name if self._home else None
        if home is None:
            with self:
                return self.convert_all(pairs, pdfa=pdfa, keep_going=keep_going)
        pdfa = self.pdfa if pdfa is None else pdfa
        with tempfile.TemporaryDirectory(prefix="congvan-pdf-", dir=home) as work:
            work_dir = Path(work)
            inputs = [_stage(docx, work_dir / f"{i:05d}.docx") for i, (docx, _) in enumerate(pairs)]
            self._run(inputs, work_dir / "out", home, pdfa)
            placed: list[Path | None] = []
            for i, (docx, pdf) in enumerate(pairs):
                try:
                    placed.append(_place(work_dir / "out" / f"{i:05d}.pdf", docx, pdf))
                except ConversionFailed:
                    if not keep_going:
                        raise
                    placed.append(None)
            return placed

    def _run(self, inputs: Sequence[Path], outdir: Path, home: str, pdfa: bool) -> None:
        command = [
            self.soffice, f"-env:UserInstallation={Path(home, 'profile').as_uri()}",
            "--headless", "--norestore", "--nolockcheck",
            "--convert-to", PDFA_FILTER if pdfa else PDF_FILTER, "--outdir", str(outdir), *map(str, inputs),
        ]
        timeout = START_S + PER_DOCUMENT_S * len(inputs)
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False,
                           env={**os.environ, "SAL_USE_VCLPLUGIN": "svp"}, preexec_fn=_office_memory)
        except subprocess.TimeoutExpired:
            raise ConversionFailed(inputs[0], f"quá {timeout} giây / over {timeout} s") from None


def _office_memory() -> None:
    """In the office child: lift the service worker's soft address-space cap
    (server/pool.py), which fits congvan but not LibreOffice's mappings."""
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def _stage(docx: Path, staged: Path) -> Path:
    if not docx.is_file():
        raise ConversionFailed(docx, "không có tệp / no such file")
    try:
        os.link(docx, staged)
    except OSError:
        shutil.copyfile(docx, staged)
    return staged


def _place(made: Path, docx: Path, pdf: Path) -> Path:
    """Move a finished PDF into place under the output policy (``congvan.files``)."""
    from .files import copy_atomic

    if not made.is_file() or made.stat().st_size == 0:
        raise ConversionFailed(docx, "không có PDF / no PDF was produced")
    pdf.parent.mkdir(parents=True, exist_ok=True)
    return copy_atomic(made, pdf)


def to_pdf(docx: Path, pdf: Path | None = None, *, pdfa: bool = False) -> Path:
    """One DOCX to PDF (beside it unless ``pdf`` is given)."""
    with Office(pdfa=pdfa) as office:
        return office.convert(Path(docx), pdf)


def docx_bytes_to_pdf(data: bytes, *, pdfa: bool = False) -> bytes:
    """For services: DOCX bytes in, PDF bytes out, nothing left on disk."""
    with Office(pdfa=pdfa) as office, tempfile.TemporaryDirectory(prefix="congvan-bytes-") as work:
        docx = Path(work, "van-ban.docx")
        docx.write_bytes(data)
        return office.convert(docx, Path(work, "van-ban.pdf")).read_bytes()


def docx_bytes_to_pdfs(documents: Sequence[bytes]) -> list[bytes | None]:
    """Several DOCX in one office run; None where LibreOffice made no PDF of one,
    so one damaged file does not cost the batch its other PDFs."""
    with Office() as office, tempfile.TemporaryDirectory(prefix="congvan-bytes-") as work:
        pairs = []
        for n, data in enumerate(documents):
            docx = Path(work, f"{n:05d}.docx")
            docx.write_bytes(data)
            pairs.append((docx, docx.with_suffix(".pdf")))
        return [pdf.read_bytes() if pdf else None for pdf in office.convert_all(pairs, keep_going=True)]


def page_images(pdf: Path, out_pattern: str | Path, *, pages: Sequence[int] = (1,), dpi: int = 100) -> list[Path]:
    """PNG images of some pages: ``out_pattern`` may hold ``{page}``
    (``trang-{page}.png``); a single page without it is written as named."""
    from .files import copy_atomic

    pdftoppm = find_poppler()
    out_pattern = str(out_pattern)
    made = []
    for page in pages:
        target = Path(out_pattern.format(page=page) if "{page}" in out_pattern else out_pattern)
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="congvan-png-") as work:
            stem = Path(work, "trang")
            result = subprocess.run(
                [pdftoppm, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                 str(pdf), str(stem)], capture_output=True, timeout=60, check=False)
            png = stem.with_suffix(".png")
            if result.returncode or not png.is_file():
                raise CongVanError([Problem(path="page", vi=f"Văn bản không có trang {page}",
                                            en=f"the document has no page {page}")])
            copy_atomic(png, target)  # the output policy: never over an input or a device
        made.append(target)
    return made
