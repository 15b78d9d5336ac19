"""The gallery: page 1 of every example as LibreOffice lays it out.

    .venv/bin/python tools/make_gallery.py   # → docs/gallery.md, docs/gallery/*.png

One office process for every document (congvan.pdf.Office); images at 60 dpi
in 48 colours, so the whole gallery stays small enough for the repository.
Needs LibreOffice and poppler (scripts/install-office) and Pillow.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import congvan  # noqa: E402
from congvan.merge import MergeForm  # noqa: E402
from congvan.pdf import Office, page_images  # noqa: E402

EXAMPLES = ROOT / "examples"
OUT = ROOT / "docs" / "gallery"
DPI = 60


def sources() -> list[tuple[str, Path]]:
    """(title, form) for every example form, numbered ones first."""
    forms = sorted(EXAMPLES.glob("[0-9]*.yaml")) + sorted((EXAMPLES / "merge").glob("*.yaml"))
    return [(f.relative_to(EXAMPLES).as_posix(), f) for f in forms]


def render_all(work: Path) -> list[tuple[str, Path]]:
    docx = []
    for title, form in sources():
        doc = MergeForm.read(form).document() if "merge/" in title else congvan.load(form)
        docx.append((title, congvan.render(doc, work / f"{form.stem}.docx")))
    with Office() as office:
        pdfs = office.convert_all([(d, d.with_suffix(".pdf")) for _, d in docx])
    return [(title, pdf) for (title, _), pdf in zip(docx, pdfs)]


def shrink(png: Path) -> None:
    with Image.open(png) as image:
        small = image.convert("RGB").quantize(48)  # keeps the blue signature and red seal
    small.save(png, optimize=True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    lines = ["# Gallery — page 1 of every example", "",
             "Made by `tools/make_gallery.py` (LibreOffice, 60 dpi). Each image was compared with its Mẫu in",
             "Phụ lục III; [compare/](compare/) shows them side by side.", ""]
    with tempfile.TemporaryDirectory() as work:
        for title, pdf in render_all(Path(work)):
            png = OUT / f"{Path(title).stem}.png"
            page_images(pdf, png, dpi=DPI)
            shrink(png)
            lines += [f"## `examples/{title}`", "", f"![{title}](gallery/{png.name})", ""]
    (ROOT / "docs" / "gallery.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(list(OUT.glob('*.png')))} images → {OUT}")


if __name__ == "__main__":
    main()
