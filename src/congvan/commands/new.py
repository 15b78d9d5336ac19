"""congvan new <loại> [-o FILE]: a commented starter form."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

from ._common import cannot_write

ORDER = 5


def add_parser(sub) -> None:
    n = sub.add_parser("new", help="tạo biểu mẫu khởi đầu có chú thích / write a commented starter form")
    n.add_argument("loai", metavar="LOẠI", help="loại văn bản, ví dụ ke-hoach, cong-van (xem 'congvan types')")
    n.add_argument("-o", "--output", help="tệp biểu mẫu (mặc định: LOẠI.yaml) / the form file to write")
    n.add_argument("--force", action="store_true", help="ghi đè tệp đã có / overwrite an existing file")
    n.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..docx.package import write_atomic
    from ..doctypes import DOC_TYPES
    from ..schema import form_schema
    from ..starter import SCHEMA_FILE, starter

    if args.loai not in DOC_TYPES:
        close = difflib.get_close_matches(args.loai, list(DOC_TYPES), n=1)
        hint_vi, hint_en = (f"; có phải '{close[0]}'?", f"; did you mean '{close[0]}'?") if close else ("", "")
        print(f"Không có loại văn bản '{args.loai}'{hint_vi} (xem 'congvan types')"
              f" / no document type '{args.loai}'{hint_en} (see 'congvan types')", file=sys.stderr)
        return 2
    path = Path(args.output or f"{args.loai}.yaml")
    if path.exists() and not args.force:
        print(f"Tệp {path} đã có; dùng --force để ghi đè / {path} exists; use --force to overwrite", file=sys.stderr)
        return 1
    try:
        write_atomic(path, starter(args.loai).encode("utf-8"))
        schema = path.parent / SCHEMA_FILE
        if not schema.exists():
            write_atomic(schema, json.dumps(form_schema(), ensure_ascii=False, indent=2).encode("utf-8"))
    except OSError as exc:
        cannot_write(path, exc)
        return 1
    print(f"Đã tạo / written: {path}")
    print(f"Sửa tệp rồi chạy / edit it, then run: congvan render {path} -o {path.with_suffix('.docx').name}")
    return 0
