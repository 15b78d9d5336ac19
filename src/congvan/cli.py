"""The ``congvan`` command: turn a filled-in form into a DOCX.

Exit codes: 0 done; 1 the output could not be written; 2 the form (or a
template) is wrong — the message names the line, the field and the rule.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DESCRIPTION = """\
congvan — soạn văn bản hành chính đúng thể thức Nghị định 30/2020/NĐ-CP.
Drafts Vietnamese administrative documents (DOCX) that follow Decree 30/2020.

Cách dùng thường gặp / common use:
  congvan render don.yaml -o cong-van.docx   # biểu mẫu → DOCX / form → DOCX
  congvan types                              # các loại văn bản / document types
  congvan schema > congvan.schema.json       # JSON Schema của biểu mẫu
"""


def _print_problems(exc) -> None:
    print("Không tạo được văn bản / the document was not created:", file=sys.stderr)
    for problem in exc.problems:
        print(f"  {problem}", file=sys.stderr)


def cmd_render(args: argparse.Namespace) -> int:
    from . import load, render
    from .errors import CongVanError

    form = Path(args.form)
    output = Path(args.output) if args.output else Path(form.stem + ".docx")
    try:
        doc = load(form)
        path = render(doc, output, template=args.template)
    except CongVanError as exc:
        _print_problems(exc)
        return 2
    except OSError as exc:
        print(f"Không ghi được tệp {output}: {exc.strerror or exc} / cannot write {output}: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    print(f"Đã tạo / written: {path}")
    return 0


def cmd_types(args: argparse.Namespace) -> int:
    from .doctypes import DOC_TYPES

    rows = [(t.slug, t.abbreviation or "—", t.name, f"Mẫu {t.mau}" if t.mau else "") for t in DOC_TYPES.values()]
    if args.json:
        keys = ("loai", "viet_tat", "ten", "mau")
        print(json.dumps([dict(zip(keys, r)) for r in rows], ensure_ascii=False, indent=2))
        return 0
    for slug, abbr, name, mau in rows:
        print(f"{slug:<17} {abbr:<5} {name:<17} {mau}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import form_schema

    print(json.dumps(form_schema(), ensure_ascii=False, indent=2))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="congvan", description=DESCRIPTION,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=_version())
    sub = p.add_subparsers(dest="command", metavar="LỆNH/COMMAND")

    r = sub.add_parser("render", help="biểu mẫu YAML/JSON → DOCX / render a form to DOCX")
    r.add_argument("form", help="tệp biểu mẫu .yaml hoặc .json / the form file")
    r.add_argument("-o", "--output", help="tệp DOCX đầu ra (mặc định: tên biểu mẫu .docx) / output DOCX")
    r.add_argument("--template", help="mẫu DOCX riêng (mặc định: mẫu theo Phụ lục III) / your own DOCX template")
    r.set_defaults(func=cmd_render)

    t = sub.add_parser("types", help="liệt kê 29 loại văn bản và chữ viết tắt / list document types")
    t.add_argument("--json", action="store_true", help="in dạng JSON / print as JSON")
    t.set_defaults(func=cmd_types)

    s = sub.add_parser("schema", help="in JSON Schema của biểu mẫu / print the form's JSON Schema")
    s.set_defaults(func=cmd_schema)
    return p


def _version() -> str:
    from . import __version__

    return f"congvan {__version__}"


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not getattr(args, "func", None):
        parser().print_help()
        return 2
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
