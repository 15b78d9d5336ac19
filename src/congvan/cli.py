"""The ``congvan`` command: turn a filled-in form into a DOCX.

Exit codes (``EXIT_CODES``, printed by ``congvan --help`` and listed in docs/cli.md):
0 done; 1 a finding or a file problem — ``check`` found an error, or an output could
not be written; 2 the input is wrong — a form, a row, a template, an option, a DOCX that
cannot be read — and the message names the line, the field and the rule; 130 stopped.
"""

from __future__ import annotations

import argparse
import os
import sys

from . import commands

#: What each exit code means, for every command (checked against the commands in tests/test_cli.py).
EXIT_CODES: list[tuple[int, str, str]] = [
    (0, "xong; với check: không có lỗi (chỉ lưu ý vẫn đạt); với template check: mẫu dùng được",
     "done; for check: no errors (warnings alone pass); for template check: the template is usable"),
    (1, "check: văn bản có lỗi thể thức; lệnh khác: không ghi được tệp đầu ra (hoặc tệp đã có, thiếu --force),"
        " serve không chạy được",
     "check: the document breaks a rule; other commands: an output could not be written (or exists and"
     " --force is missing), serve could not start"),
    (2, "đầu vào sai: biểu mẫu, dòng danh sách trộn thư (các dòng đúng vẫn được tạo), mẫu DOCX, tùy chọn, tệp DOCX"
        " không đọc được; thông báo chỉ rõ dòng, trường và quy tắc",
     "bad input: a form, a mail-merge row (the good rows are still written), a DOCX template, an option, a DOCX"
     " that cannot be read; the message names the line, the field and the rule"),
    (130, "dừng bằng Ctrl+C khi trộn thư", "interrupted (Ctrl+C) during a mail merge"),
]

DESCRIPTION = """\
congvan — soạn văn bản hành chính đúng thể thức Nghị định 30/2020/NĐ-CP.
Drafts Vietnamese administrative documents (DOCX) that follow Decree 30/2020.

Cách dùng thường gặp / common use:
  congvan render don.yaml -o cong-van.docx   # biểu mẫu → DOCX / form → DOCX
  congvan types                              # các loại văn bản / document types
  congvan schema > congvan.schema.json       # JSON Schema của biểu mẫu
"""


def exit_codes_text() -> str:
    import textwrap

    lines = ["Mã thoát / exit codes:"]
    for code, vi, en in EXIT_CODES:
        lines += textwrap.wrap(vi, 86, initial_indent=f"  {code:<4}", subsequent_indent=" " * 6)
        lines += textwrap.wrap(en, 86, initial_indent=" " * 6, subsequent_indent=" " * 6)
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="congvan", description=DESCRIPTION, epilog=exit_codes_text(),
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=_version())
    p.add_argument("-q", "--quiet", action="store_true",
                   help="chỉ in lỗi, không in thông báo đã tạo tệp / print problems only, not what was written")
    sub = p.add_subparsers(dest="command", metavar="LỆNH/COMMAND")
    for module in commands.modules():
        module.add_parser(sub)
    for command in sub.choices.values():  # "congvan render -q …" as well as "congvan -q render …"
        _add_quiet(command)
    return p


def _add_quiet(command: argparse.ArgumentParser) -> None:
    command.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                         help="chỉ in lỗi / print problems only")
    for action in command._actions:  # nested sub-commands: congvan template export -q
        if isinstance(action, argparse._SubParsersAction):
            for nested in action.choices.values():
                _add_quiet(nested)


def _version() -> str:
    from . import __version__

    return f"congvan {__version__}"


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from .commands import _common

    _common.QUIET = bool(getattr(args, "quiet", False))
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
