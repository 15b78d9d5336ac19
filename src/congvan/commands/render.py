"""congvan render FORM -o OUT.docx"""

from __future__ import annotations

import argparse
from pathlib import Path

from ._common import cannot_write, print_problems

ORDER = 10


def add_parser(sub) -> None:
    r = sub.add_parser("render", help="biểu mẫu YAML/JSON → DOCX / render a form to DOCX")
    r.add_argument("form", help="tệp biểu mẫu .yaml hoặc .json / the form file")
    r.add_argument("-o", "--output", help="tệp DOCX đầu ra (mặc định: tên biểu mẫu .docx) / output DOCX")
    r.add_argument("--template", help="mẫu DOCX riêng (mặc định: mẫu theo Phụ lục III) / your own DOCX template")
    r.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import load, render
    from ..errors import CongVanError

    form = Path(args.form)
    output = Path(args.output) if args.output else Path(form.stem + ".docx")
    try:
        doc = load(form)
        path = render(doc, output, template=args.template)
    except CongVanError as exc:
        print_problems(exc)
        return 2
    except OSError as exc:
        cannot_write(output, exc)
        return 1
    print(f"Đã tạo / written: {path}")
    return 0
