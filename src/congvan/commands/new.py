"""congvan new <loại> [-o FILE]: a commented starter form."""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import sys
from pathlib import Path

from ._common import cannot_write, say

ORDER = 5


def add_parser(sub) -> None:
    n = sub.add_parser("new", help="tạo biểu mẫu khởi đầu có chú thích / write a commented starter form")
    n.add_argument("loai", metavar="LOẠI", help="loại văn bản, ví dụ ke-hoach, cong-van (xem 'congvan types')")
    n.add_argument("-o", "--output", help="tệp biểu mẫu (mặc định: LOẠI.yaml; '-' in ra màn hình)"
                   " / the form file to write ('-' prints it)")
    n.add_argument("--force", action="store_true", help="ghi đè tệp đã có / overwrite an existing file")
    n.add_argument("--co-quan", metavar="CO_QUAN.yaml", help="hồ sơ cơ quan: biểu mẫu ghi ho_so: và bỏ các trường hồ sơ"
                   " đã có / the agency profile: the form names it (ho_so:) and leaves out what it gives")
    n.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..doctypes import DOC_TYPES
    from ..starter import starter

    if args.loai not in DOC_TYPES:
        close = difflib.get_close_matches(args.loai, list(DOC_TYPES), n=1)
        hint_vi, hint_en = (f"; có phải '{close[0]}'?", f"; did you mean '{close[0]}'?") if close else ("", "")
        print(f"Không có loại văn bản '{args.loai}'{hint_vi} (xem 'congvan types')"
              f" / no document type '{args.loai}'{hint_en} (see 'congvan types')", file=sys.stderr)
        return 2
    path = Path(args.output or f"{args.loai}.yaml")
    text = starter(args.loai)
    if args.co_quan:
        from ..errors import CongVanError
        from ._common import print_problems

        try:
            text = with_profile(text, Path(args.co_quan), Path.cwd() if args.output == "-" else path.parent)
        except CongVanError as exc:
            print_problems(exc)
            return 2
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    if path.exists() and not args.force:
        print(f"Tệp {path} đã có; dùng --force để ghi đè / {path} exists; use --force to overwrite", file=sys.stderr)
        return 1
    try:
        _write(path, text)
        schema = _write_schema(path.parent)
    except OSError as exc:
        cannot_write(getattr(exc, "filename", None) or path, exc)
        return 1
    say(f"Đã tạo / written: {path}")
    if schema:
        say(f"JSON Schema cho trình soạn thảo / schema for editors: {schema}")
    say(f"Sửa tệp rồi chạy / edit it, then run: congvan render {path} -o {path.with_suffix('.docx').name}")
    return 0


_BLOCK = re.compile(r"^(?:# ?)?([a-z_]+):")


def with_profile(text: str, profile_path: Path, folder: Path) -> str:
    """The starter form for an office with a profile: ``ho_so:`` after ``loai:``,
    without the fields the profile gives, and the signer picked by key."""
    from .. import profile

    data = profile.read(profile_path)
    given = profile.form_fields_given_by(data)
    signers = list(data.get(profile.SIGNERS) or {})
    # Relative to the form when it is near (the pair moves together), else absolute.
    ref = Path(os.path.relpath(profile_path.resolve(), folder.resolve())).as_posix()
    if ref.startswith("../.."):
        ref = profile_path.resolve().as_posix()
    out: list[str] = []
    skipping = False
    for line in text.splitlines(keepends=True):
        block = _BLOCK.match(line)
        if block:
            key = block.group(1)
            skipping = key in given
            if key == profile.SIGNERS and signers and not line.startswith("#"):
                pick = data.get(profile.DEFAULT_SIGNER) or signers[0]
                out.append(f"nguoi_ky: {pick:<20} # người ký trong hồ sơ cơ quan: {', '.join(signers)}\n")
            if key == "loai" and not line.startswith("#"):
                out.append(line)
                out.append(f"{profile.FORM_KEY}: {ref:<24} # hồ sơ cơ quan: tên cơ quan, địa danh, người ký …"
                           " (biểu mẫu ghi gì thì lấy theo biểu mẫu)\n")
                continue
        elif not (line.startswith((" ", "\t")) or re.match(r"^#\s{2,}", line)):
            skipping = False  # a comment or blank line at the margin ends a block
        if not skipping:
            out.append(line)
    return "".join(out)


def _write(path: Path, text: str) -> None:
    from ..docx.package import write_atomic

    write_atomic(path, text.encode("utf-8"))


def _write_schema(folder: Path) -> Path | None:
    """The schema the starter's first line names, beside it, so editors check
    the form offline.  A file of that name that is not ours is left alone."""
    from ..schema import SCHEMA_ID, form_schema
    from ..starter import SCHEMA_FILE

    path = folder / SCHEMA_FILE
    text = json.dumps(form_schema(), ensure_ascii=False, indent=2) + "\n"
    if path.exists():
        try:
            current = path.read_text(encoding="utf-8")
            ours = json.loads(current).get("$id") == SCHEMA_ID
        except (OSError, ValueError, AttributeError):
            return None
        if not ours or current == text:
            return None
    _write(path, text)
    return path
