"""congvan follow-up PLAN --han 15/12/2025 -o DIR: one công văn per lead agency."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ._common import cannot_write, print_problems, say

ORDER = 25


def add_parser(sub) -> None:
    f = sub.add_parser(
        "follow-up",
        help="từ kế hoạch: công văn đề nghị từng cơ quan chủ trì báo cáo / letters asking each lead agency to report",
    )
    f.add_argument("plan", help="biểu mẫu kế hoạch .yaml/.json / the plan's form")
    f.add_argument("--han", required=True, metavar="NGÀY", help="hạn gửi báo cáo, ví dụ 15/12/2025 / report deadline")
    f.add_argument("--ngay", help="ngày của công văn (mặc định: tháng này, để trống ngày) / the letters' date")
    f.add_argument("--don-vi", dest="don_vi", help="đơn vị soạn thảo (mặc định: của kế hoạch) / drafting unit")
    f.add_argument("-o", "--outdir", default=".", help="thư mục ghi các công văn / output directory")
    f.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import load, render
    from ..errors import CongVanError
    from ..followup import letters
    from ..naming import safe_file_name

    outdir = Path(args.outdir)
    try:
        plan = load(args.plan)
        made = list(letters(plan, args.han, ngay=args.ngay, don_vi_soan_thao=args.don_vi))
    except CongVanError as exc:
        print_problems(exc)
        return 2
    if not made:
        print("Kế hoạch không có nhiệm vụ nào có cơ quan chủ trì / the plan has no task with a lead agency",
              file=sys.stderr)
        return 2
    try:
        outdir.mkdir(parents=True, exist_ok=True)  # as the mail merge does: the folder is the user's intent
    except OSError as exc:
        cannot_write(outdir, exc)
        return 1
    used: set[str] = set()
    for agency, letter in made:
        path = outdir / safe_file_name(f"bao-cao-{agency}", ".docx", used)
        try:
            render(letter, path)
        except OSError as exc:
            cannot_write(path, exc)
            return 1
        say(f"Đã tạo / written: {path}  ({agency})")
    return 0
