"""congvan preview FORM -o trang-1.png [--page N] [--dpi D]

A quick look at a page as the office suite lays it out, without opening Word.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from ._common import cannot_write, print_problems, say

ORDER = 15


def add_parser(sub) -> None:
    p = sub.add_parser("preview", help="ảnh một trang của văn bản (PNG) / a page of the document as PNG")
    p.add_argument("form", help="tệp biểu mẫu .yaml hoặc .json / the form file")
    p.add_argument("-o", "--output", help="tệp PNG (mặc định: tên biểu mẫu -trang-N.png); có thể chứa {page}"
                   " / the PNG file; may hold {page}")
    p.add_argument("--page", type=int, nargs="+", default=[1], metavar="N", help="trang (mặc định 1) / pages")
    p.add_argument("--dpi", type=int, default=100, help="độ phân giải (mặc định 100) / resolution")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import load, render
    from ..errors import CongVanError
    from ..files import check_output
    from ..pdf import find_poppler, page_images, to_pdf

    pattern = args.output or f"{Path(args.form).stem}-trang-{{page}}.png"
    if len(args.page) > 1 and "{page}" not in pattern:
        pattern = str(Path(pattern).with_suffix("")) + "-{page}.png"
    try:
        find_poppler()
        doc = load(args.form)
        for page in args.page:  # before LibreOffice runs: an output the policy refuses is refused at once
            check_output(pattern.format(page=page) if "{page}" in pattern else pattern)
        with tempfile.TemporaryDirectory(prefix="congvan-preview-") as work:
            pdf = to_pdf(render(doc, Path(work, "van-ban.docx")))
            made = page_images(pdf, pattern, pages=args.page, dpi=args.dpi)
    except OSError as exc:  # first: an output refused by the policy is an OSError and a CongVanError
        cannot_write(pattern, exc)
        return 1
    except CongVanError as exc:
        print_problems(exc)
        return 2
    for path in made:
        say(f"Đã tạo / written: {path}")
    return 0
