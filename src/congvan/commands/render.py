"""congvan render FORM -o OUT.docx   (or -o OUT.pdf, or --pdf for both)

With ``--each ROWS`` (a CSV/YAML/JSON list), or a ``danh_sach`` in the form,
it is a mail merge: one document per row, written into a folder.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

from ..errors import LayoutWarning
from ..files import STDIO
from . import _common
from ._common import cannot_write, print_problems, say

ORDER = 10


def add_parser(sub) -> None:
    r = sub.add_parser("render", help="biểu mẫu YAML/JSON → DOCX / render a form to DOCX")
    r.add_argument("form", help="tệp biểu mẫu .yaml hoặc .json ('-': đọc từ đầu vào chuẩn) / the form file ('-': standard input)")
    r.add_argument("-o", "--output", help="tệp DOCX đầu ra (mặc định: tên biểu mẫu .docx; '-': đầu ra chuẩn); khi trộn thư: thư mục"
                   " (mặc định: tên biểu mẫu) / output DOCX ('-': standard output); for a mail merge: the folder")
    r.add_argument("--template", help="mẫu DOCX riêng (mặc định: mẫu theo Phụ lục III) / your own DOCX template")
    r.add_argument("--co-quan", metavar="CO_QUAN.yaml", help="hồ sơ cơ quan (mặc định: ho_so: trong biểu mẫu, hoặc"
                   " co_quan.yaml cạnh biểu mẫu) / the agency profile (default: the form's ho_so:, or co_quan.yaml"
                   " beside the form)")
    pdf = r.add_argument_group("PDF (LibreOffice)")
    pdf.add_argument("--pdf", action="store_true",
                     help="thêm bản PDF cạnh mỗi DOCX (-o x.pdf: chỉ PDF) / a PDF beside each DOCX (-o x.pdf: PDF only)")
    pdf.add_argument("--pdfa", action="store_true", help="PDF/A-2b để lưu trữ / archival PDF/A-2b")
    merge = r.add_argument_group("trộn thư / mail merge")
    merge.add_argument("--each", metavar="DANH_SACH",
                       help="tệp CSV (hoặc YAML/JSON) các dòng: mỗi dòng một văn bản, cột điền «cột» hoặc đặt trường"
                       " cùng tên / a CSV (or YAML/JSON) of rows: one document per row")
    merge.add_argument("--name", metavar="MẪU",
                       help="tên tệp, ví dụ '{stt:03d}-{don_vi}' (cột, stt, dong, nguoi_nhan); mặc định"
                       " '{stt:03d}-{nguoi_nhan}' / file-name pattern")
    merge.add_argument("--jobs", type=int, default=1, metavar="N",
                       help="số tiến trình (0: mọi lõi; mặc định 1) / processes (0: every core)")
    r.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import CongVanError
    from ..forms import Form
    from ..merge import ROWS_KEY, MergeForm

    try:
        form = Form.read(args.form, co_quan=args.co_quan)
        if args.each or (isinstance(form.data, dict) and form.data.get(ROWS_KEY)):
            return render_each(args, MergeForm.of(form))
        return render_one(args, form)
    except CongVanError as exc:
        print_problems(exc)
        return 2


def render_one(args: argparse.Namespace, form) -> int:
    from .. import render_files
    from ..merge import unfilled
    from ..model import VanBan

    if args.output == STDIO:
        return render_to_stdout(args, form)
    output = Path(args.output) if args.output else Path(_stem(args.form) + ".docx")
    pdf_only = output.suffix.lower() == ".pdf"
    want_pdf = pdf_only or args.pdf or args.pdfa
    office = _office(args.pdfa) if want_pdf else None  # before writing anything: no DOCX without its PDF
    doc = form.model(VanBan)
    docx = output.with_name(f".{output.stem}.congvan-tmp.docx") if pdf_only else output
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", LayoutWarning)
            paths = render_files(doc, docx, template=args.template)
        print_layout_warnings(caught)
        if office:
            pdfs = to_pdfs(office, paths, pdf_only, output)
    except OSError as exc:
        cannot_write(output, exc)
        return 1
    finally:
        if pdf_only:
            for path in output.parent.glob(f".{output.stem}.congvan-tmp*.docx"):
                path.unlink(missing_ok=True)
    marks = ", ".join(f"«{name}»" for name in unfilled(form.data))
    if marks:
        print(f"Lưu ý: {marks} được in nguyên văn; dùng --each DANH_SACH.csv để điền"
              f" / note: {marks} printed as they stand; use --each LIST.csv to fill them in", file=sys.stderr)
    for path in (pdfs if pdf_only else paths + (pdfs if office else [])):
        say(f"Đã tạo / written: {path}")
    return 0


def _stem(form: str) -> str:
    return "van-ban" if form == STDIO else Path(form).stem  # a form read from standard input


def render_to_stdout(args: argparse.Namespace, form) -> int:
    """``-o -``: the DOCX on standard output (for pipes and e-office scripts)."""
    from ..docx import writer
    from ..files import write_atomic
    from ..layout import lay_out

    if args.pdf or args.pdfa:
        print("-o - ghi DOCX ra đầu ra chuẩn; PDF cần tên tệp (-o x.pdf)"
              " / -o - writes the DOCX to standard output; PDF needs a file name (-o x.pdf)", file=sys.stderr)
        return 2
    from ..model import VanBan

    view = lay_out(form.model(VanBan))
    if writer.appendix_packages(view):
        print("Văn bản có phụ lục là tệp riêng (tep_rieng): không ghi nhiều tệp ra đầu ra chuẩn, hãy dùng -o TÊN.docx"
              " / the document has appendices in files of their own: several files cannot go to standard output;"
              " use -o NAME.docx", file=sys.stderr)
        return 2
    write_atomic(STDIO, writer.render_view(view, args.template))
    return 0


def print_layout_warnings(caught) -> None:
    """A line the layout could not fit, on stderr in both languages; the file is written."""
    for item in caught:
        w = item.message
        if isinstance(w, LayoutWarning):
            print(f"Cảnh báo / warning: {w.where}: {w.vi} / {w.en}", file=sys.stderr)
        else:
            warnings.showwarning(item.message, item.category, item.filename, item.lineno)


def _office(pdfa: bool = False):
    from ..pdf import Office

    return Office(pdfa=pdfa)


def to_pdfs(office, docx_paths: list[Path], pdf_only: bool, output: Path) -> list[Path]:
    """The PDF of each DOCX in one office run. With ``-o x.pdf`` the PDFs take
    the output's name (``x.pdf``, ``x-phu-luc-1.pdf``)."""
    def pdf_for(docx: Path) -> Path:
        if not pdf_only:
            return docx.with_suffix(".pdf")
        rest = docx.stem.removeprefix(f".{output.stem}.congvan-tmp")
        return output.with_name(f"{output.stem}{rest}.pdf")

    with office:
        return office.convert_all([(p, pdf_for(p)) for p in docx_paths])


def render_each(args: argparse.Namespace, form) -> int:
    """The mail merge: every good row is written, every bad row reported."""
    from ..merge import each, read_rows

    outdir = Path(args.output) if args.output else Path(_stem(args.form))
    if outdir.suffix.lower() in (".docx", ".pdf") or args.output == STDIO:
        print(f"Khi trộn thư, -o là thư mục chứa các văn bản, không phải tệp {outdir}"
              f" / for a mail merge, -o names a folder, not the file {outdir}", file=sys.stderr)
        return 2
    office = _office(args.pdfa) if args.pdf or args.pdfa else None
    rows = read_rows(args.each) if args.each else form.rows
    progress = Progress(len(rows))
    results = []
    try:
        for result in each(form, rows, outdir=outdir, name=args.name, template=args.template, jobs=args.jobs):
            results.append(result)
            progress.update(result)
    except OSError as exc:  # the folder itself cannot be made
        progress.close()
        cannot_write(outdir, exc)
        return 1
    except KeyboardInterrupt:
        progress.close()
        print(f"Đã dừng sau {len(results)} dòng / interrupted after {len(results)} rows", file=sys.stderr)
        return 130
    progress.close()
    if office:
        written = [r.path for r in results if r.ok and r.path]
        print(f"Đang xuất {len(written)} PDF / converting {len(written)} to PDF …", file=sys.stderr)
        to_pdfs(office, written, False, outdir)  # the whole batch through one office process
    return summary(results, outdir)


def summary(results: list, outdir: Path) -> int:
    """Written N of M; then each failed row with its reasons. Exit code: 1 when
    a file could not be written, 2 when a row was wrong, 0 when all went well."""
    failed = [r for r in results if not r.ok]
    written = len(results) - len(failed)
    say(f"Đã tạo {written}/{len(results)} văn bản trong {outdir}"
          f" / written {written} of {len(results)} documents to {outdir}", file=sys.stderr)
    if not failed:
        return 0
    rows = ", ".join(str(r.row.line) for r in failed)
    print(f"Không tạo được {len(failed)} văn bản, dòng {rows} / {len(failed)} not created, rows {rows}:",
          file=sys.stderr)
    for result in failed:
        print(f"  {result}".replace("\n", "\n  "), file=sys.stderr)
    return 1 if any(r.cannot_write for r in failed) else 2


class Progress:
    """A bar on stderr when it is a terminal; one plain line per row otherwise
    (written files on stdout, so a script can read them)."""

    WIDTH = 30
    EVERY_S = 0.1  # redrawing costs more than rendering a letter

    def __init__(self, total: int, stream=None):
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() and not _common.QUIET
        self.total, self.done, self.failed = total, 0, 0
        self.start = self.drawn = time.monotonic()

    def update(self, result) -> None:
        self.done += 1
        self.failed += not result.ok
        if not self.tty:
            if result.ok:
                say(f"Đã tạo / written: {result.path}")
            else:
                print(f"dòng {result.row.line} / row {result.row.line}: không tạo được / not created",
                      file=self.stream)
            return
        now = time.monotonic()
        if now - self.drawn >= self.EVERY_S or self.done == self.total:
            self.drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        filled = self.WIDTH * self.done // max(self.total, 1)
        rate = self.done / max(now - self.start, 1e-9)
        failed = f"  {self.failed} lỗi/failed" if self.failed else ""
        self.stream.write(f"\r[{'█' * filled}{'·' * (self.WIDTH - filled)}] {self.done}/{self.total}"
                          f"  {100 * self.done // max(self.total, 1)}%  {rate:.0f}/s{failed} ")
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self.done:
            self.stream.write("\n")
            self.stream.flush()
