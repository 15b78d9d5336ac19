"""Write docs/model.md from the pydantic models (a test keeps it up to date).

    PYTHONPATH=src python tools/gen_model_doc.py

Every class reachable from ``VanBan`` gets a section with each field's form
name, type (with its limits), whether it is required or its default, and its
description, so the reference can never drift from the code.
"""

from __future__ import annotations

import enum
import sys
import types
import typing
from pathlib import Path

import annotated_types as at
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from congvan import model  # noqa: E402

INTRO = """# Mô hình văn bản / the document model

Generated from `congvan.model` by `tools/gen_model_doc.py`: do not edit by hand.
A form (YAML or JSON) uses exactly these field names; `congvan schema` prints the
same as JSON Schema. How to fill in a form: [forms.md](forms.md); the words:
[glossary.md](glossary.md).

Types: `str` is text (Markdown emphasis allowed in body text), `Ngay` a date written
`15/7/2025` or `7/2025`, `Block` one block of the body (below); `A | null` may be left out.

"""

BLOCK_DOC = """## Block

One block of a body (`noi_dung`): a plain paragraph (`str`), or a mapping whose key
says what it is: [Muc](#muc) (`muc:`), [Khoan](#khoan) (`khoan:`), [Gach](#gach)
(`gach:`), [DanhSachNhiemVu](#danhsachnhiemvu) (`nhiem_vu:`), [SoTien](#sotien)
(`so_tien:`), [Phan](#phan) (`phan:`), [Chuong](#chuong) (`chuong:`), [Dieu](#dieu)
(`dieu:`), [Bang](#bang) (`bang:`, a table). Numbering follows the nesting; it is never typed.
Footnote markers `[^key]` may stand in any body text, their texts in `chu_thich`.
"""

#: The most used parts first; anything else reachable from VanBan follows.
FIRST = ["VanBan", "CoQuan", "Ngay", "NguoiKy", "NoiNhan", "Luu", "NguoiSoanThao", "Muc", "Khoan", "Gach",
         "DanhSachNhiemVu", "NhiemVu", "SoTien", "Phan", "Chuong", "Dieu", "PhuLuc"]

BLOCK_CLASSES = {model.Muc, model.Khoan, model.Gach, model.DanhSachNhiemVu, model.SoTien, model.Phan,
                 model.Chuong, model.Dieu, model.Bang}


def classes() -> list[type[BaseModel]]:
    """Every model class reachable from VanBan, most used first."""
    found: dict[str, type[BaseModel]] = {}

    def visit(cls: type[BaseModel]) -> None:
        if cls.__name__ in found:
            return
        found[cls.__name__] = cls
        for info in cls.model_fields.values():
            for inner in _models_in(info.annotation):
                visit(inner)

    visit(model.VanBan)
    return [found[n] for n in FIRST if n in found] + [c for n, c in found.items() if n not in FIRST]


def _models_in(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def describe(cls: type[BaseModel]) -> str:
    doc = " ".join((cls.__doc__ or "").strip().split("\n\n")[0].split())
    rows = ["| trường / field | kiểu / type | bắt buộc / required | mô tả / description |", "|---|---|---|---|"]
    for name, info in cls.model_fields.items():
        required = "có" if info.is_required() else f"không (mặc định `{_default(info)}`)"
        kind = type_name(info.annotation) + _limits(info.metadata)
        description = (info.description or "").replace("|", "/").replace("\n", " ")
        rows.append(f"| `{info.alias or name}` | {kind} | {required} | {description} |")
    return f"## {cls.__name__}\n\n{doc}\n\n" + "\n".join(rows) + "\n"


def _default(info) -> str:
    if info.default_factory is not None:
        return "[]" if info.default_factory is list else "{}"
    value = info.default
    if value is None or value is PydanticUndefined:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    return str(getattr(value, "value", value))


def _limits(metadata: list) -> str:
    words = []
    for item in metadata:
        for attr, sign in (("gt", ">"), ("ge", "≥"), ("lt", "<"), ("le", "≤")):
            if isinstance(item, getattr(at, attr.capitalize())):
                words.append(f"{sign} {getattr(item, attr)}")
        if isinstance(item, at.MinLen):
            words.append(f"ít nhất {item.min_length} / at least {item.min_length}")
    return f" ({', '.join(words)})" if words else ""


def type_name(annotation) -> str:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        if set(_models_in(annotation)) >= BLOCK_CLASSES:
            return "[Block](#block)"
        return " \\| ".join(type_name(a) for a in args)
    if origin is list:
        return f"list[{type_name(args[0])}]"
    if origin is dict:
        return "dict"
    if origin is typing.Literal:
        return " \\| ".join(f"`{a}`" for a in args)
    if annotation is type(None):
        return "null"
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return " \\| ".join(f"`{m.value}`" for m in annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    return getattr(annotation, "__name__", str(annotation))


def build() -> str:
    found = classes()
    index = " · ".join(f"[{c.__name__}](#{c.__name__.lower()})" for c in found) + " · [Block](#block)"
    return INTRO + index + "\n\n" + "\n".join(describe(c) for c in found) + "\n" + BLOCK_DOC


if __name__ == "__main__":
    (ROOT / "docs" / "model.md").write_text(build(), encoding="utf-8")
    print("wrote docs/model.md")
