"""congvan template export [MẪU] -o my.docx | congvan template check my.docx

``export`` writes the built-in template of a Mẫu (1.4 văn bản có tên loại, 1.5
công văn, 1.9 biên bản; or a document type such as ``ke-hoach``) as a DOCX to
edit in Word: the agency's letterhead, a logo in the first-page header, its own
fonts in the header band — and keeps every tag it uses (listed on stdout).
``check`` reads a template as ``render --template`` does and names every
unknown, misspelled or wrongly written tag with its part and paragraph.

Exit codes: 0 done / the template is usable; 1 the file could not be written;
2 an unknown Mẫu or type, or the template has problems.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ._common import cannot_write, print_problems, say

ORDER = 30
DEFAULT_MAU = "1.5"


def add_parser(sub) -> None:
    t = sub.add_parser("template", help="mẫu DOCX riêng: xuất mẫu có sẵn, kiểm tra mẫu / your own DOCX template")
    actions = t.add_subparsers(dest="action", metavar="export|check", required=True)
    e = actions.add_parser("export", help="ghi mẫu có sẵn của một Mẫu để sửa trong Word / write a built-in template")
    e.add_argument("mau", nargs="?", default=DEFAULT_MAU, metavar="MẪU",
                   help="1.4, 1.5 (mặc định), 1.9 hoặc loại văn bản (ke-hoach, cong-van, bien-ban …)"
                   " / a Mẫu or a document type")
    e.add_argument("-o", "--output", help="tệp DOCX (mặc định: mau-<MẪU>.docx) / the DOCX to write")
    e.add_argument("--force", action="store_true", help="ghi đè tệp đã có / overwrite an existing file")
    e.set_defaults(func=run_export)
    c = actions.add_parser("check", help="kiểm tra các thẻ của một mẫu DOCX / check a template's tags")
    c.add_argument("template", metavar="MẪU.docx", help="tệp mẫu / the template")
    c.set_defaults(func=run_check)


def mau_of(name: str) -> str | None:
    """The built-in template's Mẫu for a Mẫu number or a document type."""
    from ..docx.frame import TEMPLATE_FILES
    from ..doctypes import DOC_TYPES

    if name in TEMPLATE_FILES:
        return name
    kind = DOC_TYPES.get(name)
    if kind is None:
        return None
    if not kind.has_type_name:
        return "1.5"
    return "1.9" if kind.slug == "bien-ban" else "1.4"


def run_export(args: argparse.Namespace) -> int:
    from ..docx import template
    from ..docx.frame import TEMPLATE_FILES
    from ..docx.package import write_atomic
    from ..docx.writer import template_path

    mau = mau_of(args.mau)
    if mau is None:
        known = ", ".join(TEMPLATE_FILES)
        print(f"Không có Mẫu '{args.mau}': dùng {known} hoặc một loại văn bản (xem 'congvan types')"
              f" / no Mẫu '{args.mau}': use {known} or a document type (see 'congvan types')", file=sys.stderr)
        return 2
    source = template_path(mau)
    output = Path(args.output or f"mau-{mau}.docx")
    if output.exists() and not args.force:
        print(f"Tệp {output} đã có; dùng --force để ghi đè / {output} exists; use --force to overwrite",
              file=sys.stderr)
        return 1
    try:
        write_atomic(output, source.read_bytes())
    except OSError as exc:
        cannot_write(output, exc)
        return 1
    say(f"Đã tạo / written: {output} (Mẫu {mau})")
    say("Các thẻ trong mẫu / tags it uses: " + ", ".join(sorted(template.load(source).used)))
    say(f"Sửa trong Word rồi dùng / edit it in Word, then: congvan render FORM.yaml --template {output}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from ..docx import template
    from ..errors import CongVanError

    try:
        loaded = template.load(args.template)
    except CongVanError as exc:
        print_problems(exc, heading="Mẫu không dùng được / the template cannot be used:")
        return 2
    say(f"Mẫu dùng được / the template is usable: {args.template}")
    say("Các thẻ / tags: " + ", ".join(sorted(loaded.used)))
    return 0
