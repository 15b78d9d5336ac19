"""congvan types [--json]"""

from __future__ import annotations

import argparse
import json

ORDER = 30


def add_parser(sub) -> None:
    t = sub.add_parser("types", help="liệt kê 29 loại văn bản và chữ viết tắt / list document types")
    t.add_argument("--json", action="store_true", help="in dạng JSON / print as JSON")
    t.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..doctypes import DOC_TYPES

    rows = [(t.slug, t.abbreviation or "—", t.name, f"Mẫu {t.mau}" if t.mau else "") for t in DOC_TYPES.values()]
    if args.json:
        keys = ("loai", "viet_tat", "ten", "mau")
        print(json.dumps([dict(zip(keys, r)) for r in rows], ensure_ascii=False, indent=2))
        return 0
    for slug, abbr, name, mau in rows:
        print(f"{slug:<17} {abbr:<5} {name:<17} {mau}")
    return 0
