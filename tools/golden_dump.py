"""A normalised dump of every committed example's rendered DOCX, for the
"old forms render as before" test (tests/test_golden.py).

    python tools/golden_dump.py            # rewrite tests/golden/*.txt
    python tools/golden_dump.py --check    # exit 1 and list the examples that differ

One line per paragraph: its style, its paragraph properties (indents,
spacing, keep-with-next … as canonical XML, so any change of layout shows),
then its runs with adjacent runs of the same bold/italic merged (a run split
that Word does not show is not a difference) and line breaks as "⏎".  Tables,
rows and cells are marked; section properties (page size, orientation, page
numbering) are kept.  Every XML part of the package that carries text is
dumped (document, headers, footers, footnotes), and so is every separate
appendix file (Mẫu 2.2).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
GOLDEN = ROOT / "tests" / "golden"
#: Seed forms as they were before they used the new capabilities: kept so that
#: what they exercise (plain numbers, theo-co-quan headings from chu_tri) stays tested.
OLD_FORMS = ROOT / "tests" / "old_forms"
_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes)\.xml$")


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _canon(element) -> str:
    if element is None:
        return ""
    text = etree.tostring(element, encoding="unicode")
    return re.sub(r'\sxmlns(:\w+)?="[^"]*"', "", text)


def _flag(rpr, tag: str) -> bool:
    if rpr is None:
        return False
    found = rpr.find(_q(tag))
    return found is not None and found.get(_q("val"), "1") not in ("0", "false")


def _runs(p) -> str:
    merged: list[list] = []
    for run in p.iter(_q("r")):
        rpr = run.find(_q("rPr"))
        key = ("b" if _flag(rpr, "b") else "") + ("i" if _flag(rpr, "i") else "")
        text = ""
        for child in run:
            if child.tag == _q("t"):
                text += child.text or ""
            elif child.tag in (_q("br"), _q("cr")):
                text += "⏎"
            elif child.tag == _q("tab"):
                text += "⇥"
            elif child.tag in (_q("fldChar"), _q("instrText"), _q("drawing"), _q("footnoteReference")):
                text += f"«{etree.QName(child).localname}{(':' + child.text) if child.text else ''}»"
        if not text:
            continue
        if merged and merged[-1][0] == key:
            merged[-1][1] += text
        else:
            merged.append([key, text])
    return "".join(f"[{k}]{t}" if k else t for k, t in merged)


def _dump_part(root, out: list[str], depth: int = 0) -> None:
    pad = "  " * depth
    for child in root:
        if child.tag == _q("p"):
            ppr = child.find(_q("pPr"))
            style = ppr.find(_q("pStyle")).get(_q("val")) if ppr is not None and ppr.find(_q("pStyle")) is not None else ""
            props = ""
            if ppr is not None:
                rest = [c for c in ppr if c.tag not in (_q("pStyle"),)]
                props = "".join(_canon(c) for c in rest if c.tag != _q("sectPr"))
                sect = ppr.find(_q("sectPr"))
                if sect is not None:
                    out.append(f"{pad}SECT {_sect(sect)}")
            out.append(f"{pad}P {style} {props} | {_runs(child)}")
        elif child.tag == _q("tbl"):
            out.append(f"{pad}TBL {_canon(child.find(_q('tblGrid')))}")
            for row in child.findall(_q("tr")):
                out.append(f"{pad}  ROW {_canon(row.find(_q('trPr')))}")
                for cell in row.findall(_q("tc")):
                    out.append(f"{pad}    CELL {_canon(cell.find(_q('tcPr')))}")
                    _dump_part(cell, out, depth + 3)
        elif child.tag == _q("sectPr"):
            out.append(f"{pad}SECT {_sect(child)}")
        elif child.tag in (_q("footnote"), _q("body")):
            out.append(f"{pad}{etree.QName(child).localname.upper()} {child.get(_q('id'), '')}")
            _dump_part(child, out, depth + 1)


def _sect(sect) -> str:
    keep = [c for c in sect if c.tag in (_q("pgSz"), _q("pgMar"), _q("pgNumType"), _q("titlePg"), _q("type"))]
    return "".join(_canon(c) for c in keep)


def dump_docx(data: bytes) -> str:
    out: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in sorted(n for n in z.namelist() if _PARTS.match(n)):
            out.append(f"== {name}")
            root = etree.fromstring(z.read(name))
            _dump_part(root, out)
    return "\n".join(out) + "\n"


def examples() -> list[Path]:
    """Every committed form: the examples, the mail-merge forms, the web form's samples."""
    found = [*(ROOT / "examples").glob("*.yaml"), *(ROOT / "examples" / "merge").glob("*.yaml"),
             *(ROOT / "src" / "congvan" / "server" / "static" / "vi-du").glob("*.json"),
             *OLD_FORMS.glob("*.yaml")]
    return sorted(found)


def golden_name(example: Path) -> str:
    if example.is_relative_to(OLD_FORMS):
        return "old__" + example.stem
    rel = example.relative_to(ROOT / "examples") if example.is_relative_to(ROOT / "examples") else Path(example.name)
    return "__".join(rel.with_suffix("").parts)


def dump_example(path: Path) -> str:
    import congvan
    from congvan.docx import writer
    from congvan.layout import lay_out

    doc = congvan.load(path)
    view = lay_out(doc)
    parts = [dump_docx(writer.render_view(view))]
    parts += [f"=== phu-luc-{n}\n" + dump_docx(d) for n, d in enumerate(writer.appendix_packages(view), start=1)]
    return "".join(parts)


def golden_path(example: Path) -> Path:
    return GOLDEN / (golden_name(example) + ".txt")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("names", nargs="*", help="only these examples (file stems)")
    args = parser.parse_args()
    GOLDEN.mkdir(parents=True, exist_ok=True)
    bad = []
    for example in examples():
        if args.names and golden_name(example) not in args.names:
            continue
        text = dump_example(example)
        target = golden_path(example)
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                bad.append(example.name)
        else:
            target.write_text(text, encoding="utf-8")
    for name in bad:
        print(f"differs: {name}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
