"""congvan check FILE.docx... [--format text|json] [--fix [-o OUT]] [--layout]

Exit codes: 0 no errors (warnings alone still pass); 1 at least one error;
2 a file could not be read (not a DOCX, damaged, encrypted, hostile);
3 a file is not a state administrative document under NĐ 30 (a Party
document, a letter without Quốc hiệu and Tiêu ngữ): one notice, not judged,
never fixed.  With several files the first that applies of 2, 1, 3 wins.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import _common

ORDER = 15


def add_parser(sub) -> None:
    c = sub.add_parser(
        "check", help="kiểm tra thể thức một DOCX bất kỳ / check any DOCX against Phụ lục I",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="mã thoát / exit codes:\n"
               "  0  không có lỗi (chỉ có lưu ý) / no errors (warnings alone pass)\n"
               "  1  có ít nhất một lỗi / at least one error\n"
               "  2  có tệp không đọc được / a file could not be read\n"
               "  3  có tệp không phải văn bản hành chính theo NĐ 30 (văn bản của Đảng, thư không có Quốc hiệu):\n"
               "     một thông báo, không kiểm tra, --fix từ chối / a file is not a state administrative document\n"
               "     under NĐ 30 (a Party document, a letter without Quốc hiệu): one notice, not judged, not fixed\n"
               "  nhiều tệp: 2, rồi 1, rồi 3 / several files: 2 wins, then 1, then 3")
    c.add_argument("files", nargs="+", metavar="FILE.docx", help="các tệp DOCX / DOCX files")
    c.add_argument("--format", choices=("text", "json"), default="text", help="dạng kết quả / output format")
    c.add_argument("--fix", action="store_true",
                   help="ghi bản đã sửa các lỗi máy móc (lề, phông, cỡ chữ, số 0); bản gốc giữ nguyên"
                   " / write a corrected copy; the original is untouched")
    c.add_argument("-o", "--output", help="tệp (hoặc thư mục, khi nhiều tệp) cho --fix; mặc định TEN-da-sua.docx"
                   " / file (or folder for several files) for --fix")
    c.add_argument("--layout", action="store_true",
                   help="đo thêm trên bản in PDF (cần LibreOffice) / also measure the PDF layout (needs LibreOffice)")
    c.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..checker import UnreadableDocument, check_all, fix
    from ..checker.report import to_json, to_text
    from ..checker.scope import NotAdministrative
    from ..errors import CongVanError

    reports, unreadable, fixes = [], [], []
    colour = sys.stdout.isatty() and args.format == "text"

    def refuse(name: str, exc: CongVanError) -> None:
        unreadable.append({"file": name, "problems": [p.to_dict() for p in exc.problems]})
        for problem in exc.problems:
            if isinstance(exc, UnreadableDocument):
                print(f"Không đọc được / cannot read {name}: {problem.vi} / {problem.en}", file=sys.stderr)
            else:
                print(f"{problem}", file=sys.stderr)

    names = list(args.files)
    if args.fix:
        for name in list(names):
            try:
                fixes.append(fix(name, _fix_target(args, Path(name))))
            except NotAdministrative as exc:  # its report below carries the notice
                print(f"{name}: {exc.problems[0].vi} / {exc.problems[0].en}", file=sys.stderr)
            except CongVanError as exc:
                refuse(name, exc)
                names.remove(name)
    for name, result in zip(names, check_all(names, layout=args.layout)):  # one office run for --layout
        if isinstance(result, UnreadableDocument):
            refuse(name, result)
        else:
            reports.append(result)
    if args.format == "json":
        print(to_json(reports, unreadable))
    else:
        for report in reports:
            if report.ok and _common.QUIET:
                continue  # --quiet: only the files that fail
            print(to_text(report, colour))
        for result in fixes:
            _print_fix(result)
    if unreadable:
        return 2
    if any(r.errors for r in reports):
        return 1
    return 3 if any(r.out_of_scope for r in reports) else 0


def _fix_target(args: argparse.Namespace, source: Path) -> Path:
    if args.output and len(args.files) == 1 and not Path(args.output).is_dir():
        return Path(args.output)
    folder = Path(args.output) if args.output else source.parent
    return folder / f"{source.stem}-da-sua{source.suffix or '.docx'}"


def _print_fix(result) -> None:
    _common.say(f"Đã ghi bản sửa / corrected copy written: {result.output}")
    _common.say(f"  đã sửa / fixed: {len(result.fixed)}; còn lại / remaining: {len(result.remaining)}")
    for finding in result.remaining:
        print(f"  cần sửa tay / fix by hand: [{finding.rule}] {finding.message_vi} / {finding.message_en}")
