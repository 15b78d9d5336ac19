"""Write docs/model.md from the pydantic models (a test keeps it up to date).

    PYTHONPATH=src python tools/gen_model_doc.py
"""

from __future__ import annotations

import sys
import typing
from pathlib import Path

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from congvan import model  # noqa: E402

INTRO = """# Mô hình văn bản / the document model

Generated from `congvan.model` by `tools/gen_model_doc.py`: do not edit by hand.
A form (YAML or JSON) uses exactly these field names; `congvan schema` prints the
same as JSON Schema. Body blocks (`noi_dung`) are described in docs/forms.md.

"""

ORDER = ["VanBan", "CoQuan", "NguoiKy", "NoiNhan", "Luu", "NguoiSoanThao", "Ngay", "Muc", "Khoan", "Gach",
         "DanhSachNhiemVu", "NhiemVu", "SoTien", "Phan", "Chuong", "Dieu", "PhuLuc", "GiayMoi", "GioiThieu",
         "BienBan", "NguoiKyBienBan", "NghiPhep", "LienHe", "VanBanKemTheo", "BanSao"]


def type_name(annotation) -> str:
    text = repr(annotation) if not isinstance(annotation, type) else annotation.__name__
    for junk in ("typing.", "congvan.model.body.", "congvan.model.document.", "congvan.model.parts.",
                 "congvan.model.dates.", "congvan.rules.", "Annotated[", "NoneType"):
        text = text.replace(junk, "" if junk != "NoneType" else "None")
    return text.split(", FieldInfo")[0].split(", Tag(")[0].replace("<class '", "").replace("'>", "")


def describe(cls: type[BaseModel]) -> str:
    doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    rows = ["| trường / field | kiểu / type | bắt buộc / required | mô tả / description |", "|---|---|---|---|"]
    for name, info in cls.model_fields.items():
        key = info.alias or name
        required = "có" if info.is_required() else f"không (mặc định `{_default(info)}`)"
        kind = _short(info.annotation)
        rows.append(f"| `{key}` | {kind} | {required} | {(info.description or '').replace('|', '/')} |")
    return f"## {cls.__name__}\n\n{doc}\n\n" + "\n".join(rows) + "\n"


def _default(info) -> str:
    if info.default_factory is not None:
        return "[]" if info.default_factory is list else "…"
    value = info.default
    return "null" if value is None or value is PydanticUndefined else str(getattr(value, "value", value))


def _short(annotation) -> str:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _short(typing.get_args(annotation)[0])
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return " \\| ".join(_short(a) for a in typing.get_args(annotation))
    if origin is list:
        return f"list[{_short(typing.get_args(annotation)[0])}]"
    if origin is typing.Literal:
        return " \\| ".join(f"`{a}`" for a in typing.get_args(annotation))
    if annotation is type(None):
        return "null"
    name = getattr(annotation, "__name__", None)
    return name or type_name(annotation)


def build() -> str:
    parts = [INTRO]
    for name in ORDER:
        parts.append(describe(getattr(model, name)))
    return "\n".join(parts)


if __name__ == "__main__":
    (ROOT / "docs" / "model.md").write_text(build(), encoding="utf-8")
    print("wrote docs/model.md")
