"""congvan schema"""

from __future__ import annotations

import argparse
import json

ORDER = 40


def add_parser(sub) -> None:
    s = sub.add_parser("schema", help="in JSON Schema của biểu mẫu / print the form's JSON Schema")
    s.add_argument("--co-quan", action="store_true",
                   help="JSON Schema của hồ sơ cơ quan co_quan.yaml / the agency profile's JSON Schema")
    s.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..profile import schema as profile_schema
    from ..schema import form_schema

    print(json.dumps(profile_schema() if args.co_quan else form_schema(), ensure_ascii=False, indent=2))
    return 0
