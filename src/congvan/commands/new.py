"""congvan new <loại> [-o FILE]: a commented starter form."""

from __future__ import annotations

import argparse
import difflib
import json
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
    if args.output == "-":
        sys.stdout.write(starter(args.loai))
        return 0
    path = Path(args.output or f"{args.loai}.yaml")
    if path.exists() and not args.force:
        print(f"Tệp {path} đã có; dùng --force để ghi đè / {path} exists; use --force to overwrite", file=sys.stderr)
        return 1
    try:
        _write(path, starter(args.loai))
        schema = _write_schema(path.parent)
    except OSError as exc:
        cannot_write(getattr(exc, "filename", None) or path, exc)
        return 1
    say(f"Đã tạo / written: {path}")
    if schema:
        say(f"JSON Schema cho trình soạn thảo / schema for editors: {schema}")
    say(f"Sửa tệp rồi chạy / edit it, then run: congvan render {path} -o {path.with_suffix('.docx').name}")
    return 0


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
