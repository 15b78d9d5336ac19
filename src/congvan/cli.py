"""The ``congvan`` command: turn a filled-in form into a DOCX.

Exit codes: 0 done; 1 the output could not be written; 2 the form (or a
template) is wrong — the message names the line, the field and the rule.
"""

from __future__ import annotations

import argparse
import os
import sys

from . import commands

DESCRIPTION = """\
congvan — soạn văn bản hành chính đúng thể thức Nghị định 30/2020/NĐ-CP.
Drafts Vietnamese administrative documents (DOCX) that follow Decree 30/2020.

Cách dùng thường gặp / common use:
  congvan render don.yaml -o cong-van.docx   # biểu mẫu → DOCX / form → DOCX
  congvan types                              # các loại văn bản / document types
  congvan schema > congvan.schema.json       # JSON Schema của biểu mẫu
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="congvan", description=DESCRIPTION,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=_version())
    sub = p.add_subparsers(dest="command", metavar="LỆNH/COMMAND")
    for module in commands.modules():
        module.add_parser(sub)
    return p


def _version() -> str:
    from . import __version__

    return f"congvan {__version__}"


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not getattr(args, "func", None):
        parser().print_help()
        return 2
    try:
        return args.func(args)
    except BrokenPipeError:  # `congvan check *.docx | head`: the reader left, which is not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit flush stays quiet
        return 0


if __name__ == "__main__":
    sys.exit(main())
