"""congvan render FORM -o OUT.docx; with --each ROWS.csv (or a danh_sach in the
form) one document per row."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ._common import cannot_write, print_problems

ORDER = 10


def add_parser(sub) -> None:
    r = sub.add_parser("render", help="biểu mẫu YAML/JSON → DOCX / render a form to DOCX")
    r.add_argument("form", help="tệp biểu mẫu .yaml hoặc .json / the form file")
    r.add_argument("-o", "--output", help="tệp DOCX (mặc định: tên biểu mẫu .docx); với --each: thư mục"
                   " / output DOCX; with --each: output directory")
    r.add_argument("--template", help="mẫu DOCX riêng (mặc định: mẫu theo Phụ lục III) / your own DOCX template")
    r.add_argument("--each", metavar="CSV", help="trộn văn bản: một văn bản mỗi dòng của tệp CSV / mail merge")
    r.add_argument("--name", default=None, metavar="MẪU",
                   help="tên tệp khi trộn, ví dụ '{stt:03d}-{don_vi}' (cột của CSV) / file name pattern")
    r.add_argument("--jobs", type=int, default=1, help="số tiến trình khi trộn / processes for a merge")
    r.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import load, render
    from ..errors import CongVanError
    from ..forms import load_form

    form = Path(args.form)
    try:
        data, _ = load_form(form)
        rows_in_form = isinstance(data, dict) and data.get("danh_sach")
        if args.each or rows_in_form:
            return merge(args, data)
        doc = load(form)
        output = Path(args.output) if args.output else Path(form.stem + ".docx")
        path = render(doc, output, template=args.template)
    except CongVanError as exc:
        print_problems(exc)
        return 2
    except OSError as exc:
        cannot_write(args.output or form.stem + ".docx", exc)
        return 1
    print(f"Đã tạo / written: {path}")
    return 0


def merge(args: argparse.Namespace, data: dict) -> int:
    from .. import merge as mm

    rows = mm.read_rows(args.each) if args.each else [{k: str(v) for k, v in r.items()} for r in data["danh_sach"]]
    outdir = Path(args.output or ".")
    if not outdir.is_dir():
        print(f"Không có thư mục {outdir} / no directory {outdir}", file=sys.stderr)
        return 1
    name = args.name or mm.DEFAULT_NAME
    source = args.each or args.form
    progress = Progress(len(rows))
    bad = []
    for result in mm.each(data, rows, outdir, name, source, jobs=max(1, args.jobs)):
        progress.step(result)
        if not result.ok:
            bad.append(result)
    progress.done()
    written = len(rows) - len(bad)
    print(f"Đã tạo {written}/{len(rows)} văn bản trong {outdir} / written {written} of {len(rows)} documents")
    if bad:
        print(f"Dòng lỗi / rows with problems: {', '.join(str(r.row) for r in bad)}", file=sys.stderr)
        for result in bad:
            for problem in result.problems:
                print(f"  {problem}", file=sys.stderr)
        return 2
    return 0


class Progress:
    """A progress bar on stderr when it is a terminal; nothing otherwise."""

    def __init__(self, total: int):
        self.total, self.count, self.start = total, 0, time.monotonic()
        self.tty = sys.stderr.isatty()

    def step(self, result) -> None:
        self.count += 1
        if not self.tty:
            return
        width = 30
        filled = width * self.count // max(self.total, 1)
        rate = self.count / max(time.monotonic() - self.start, 1e-6)
        mark = "" if result.ok else f"  dòng {result.row} lỗi"
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.count}/{self.total}"
                         f"  {rate:.0f} văn bản/giây{mark}   ")
        sys.stderr.flush()

    def done(self) -> None:
        if self.tty:
            sys.stderr.write("\n")
