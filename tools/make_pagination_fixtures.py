"""Build the pagination fixtures of ``check --layout`` (tests/fixtures/pagination/):
công văn made the way Word users make them (python-docx, the building blocks
of tools/make_fixtures.py), long enough to run over a page.

* ``trang-sach-hai-trang.docx``: the body runs onto page 2, the signature under its last lines — clean;
* ``trang-khoi-ky-mot-minh.docx``: a page break (Ctrl+Enter) before the signature band, which then
  stands alone on page 2 — ban-in.khoi-ky;
* ``trang-trong-mot-nua.docx``: a page break after a few paragraphs leaves half of page 1 blank
  while the text goes on — ban-in.trang-trong.

tests/test_pagination.py says what each must yield and checks the committed
files equal a fresh build.

    PYTHONPATH=src .venv/bin/python tools/make_pagination_fixtures.py
"""

from __future__ import annotations

import io
import sys
from datetime import datetime
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_fixtures import CLEAN, FIXED_TIME, JUSTIFY, LEFT, OUT, _fixed_zip, fonts_everywhere, header_table, page, para, signature  # noqa: E402

from congvan import rules  # noqa: E402

TEXT = ("Các cơ quan, đơn vị rà soát danh mục hồ sơ của cơ quan, đơn vị mình, đối chiếu với thời hạn bảo quản"
        " theo quy định, lập danh sách hồ sơ, tài liệu hết giá trị và đề xuất biện pháp xử lý; kết quả gửi về"
        " Sở Nội vụ (qua Văn phòng Sở) để tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định.")


def build(paragraphs: int, break_after: int | None = None, break_before_band: bool = False) -> bytes:
    document = docx.Document()
    fonts_everywhere(document)
    document.element.body.remove(document.element.body[0]) if len(document.element.body) > 1 else None
    page(document, CLEAN)
    header_table(document, CLEAN)
    para(document, CLEAN.kinh_gui, 14, align=LEFT, before=6).paragraph_format.left_indent = Mm(rules.KINH_GUI_INDENT_MM)
    for n in range(paragraphs):
        text = f"{n + 1}. {TEXT}" + ("./." if n == paragraphs - 1 else "")
        p = para(document, text, 14, align=JUSTIFY, before=6)
        p.paragraph_format.first_line_indent = Mm(10)
        if n + 1 == break_after:
            p.add_run().add_break(WD_BREAK.PAGE)
    if break_before_band:
        para(document, "", 14).add_run().add_break(WD_BREAK.PAGE)
    signature(document, CLEAN)
    props = document.core_properties
    props.author = props.last_modified_by = "Văn thư"
    props.created = props.modified = datetime(*FIXED_TIME)
    props.revision = 1
    # python-docx's template writes <w:zoom w:bestFit="1"/>; the schema (and so Word) wants w:percent too
    document.settings.element.find(qn("w:zoom")).set(qn("w:percent"), "100")
    out = io.BytesIO()
    document.save(out)
    return _fixed_zip(out.getvalue())


#: file name → (paragraphs, page break after paragraph n, page break before the band)
FIXTURES = {
    "trang-sach-hai-trang.docx": (12, None, False),
    "trang-khoi-ky-mot-minh.docx": (8, None, True),
    "trang-trong-mot-nua.docx": (5, 3, False),
}


def main(argv: list[str]) -> int:
    out = OUT / "pagination"
    out.mkdir(parents=True, exist_ok=True)
    for name, spec in FIXTURES.items():
        (out / name).write_bytes(build(*spec))
    print(f"{len(FIXTURES)} tệp / files → {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
