"""congvan — soạn văn bản hành chính đúng thể thức Nghị định 30/2020/NĐ-CP.

Draft Vietnamese administrative documents as DOCX that follow Decree
30/2020/NĐ-CP (Phụ lục I) to the letter::

    import congvan
    doc = congvan.load("examples/000-cong-van-bcd-dak-lak-2022.yaml")
    congvan.render(doc, "cong-van.docx")
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Mapping

from .errors import CongVanError, FormError, LayoutWarning, Problem, RenderError, TemplateError
from .model import (
    CoQuan, DanhSachNhiemVu, Gach, Khoan, Luu, Muc, Ngay, NguoiKy, NguoiSoanThao, NhiemVu, NhomNoiNhan, NoiNhan, PhuLuc,
    SoTien, VanBan,
)
from .render import render, render_bytes, render_files

__version__ = "0.1.0"


def load(path: str | os.PathLike[str], co_quan: str | os.PathLike[str] | dict[str, Any] | None = None) -> VanBan:
    """Read a form (YAML or JSON) and validate it; errors name the line and field.
    ``co_quan``: the agency profile (a co_quan.yaml or its data); by default the
    form's ``ho_so:`` or a ``co_quan.yaml`` beside the form (docs/profile.md)."""
    from .forms import validate_form

    return validate_form(VanBan, path, co_quan)


def validate(form: Mapping[str, Any] | str | os.PathLike[str], *, name: str | None = None) -> list[Problem]:
    """Every problem of a form at once, each with a stable ``code``, the field
    ``path`` it concerns and a Vietnamese / English message; ``[]`` when valid.

    ``form``: the form's data (a mapping, e.g. parsed JSON), its YAML/JSON text
    (a ``str``), or a form file (a ``Path``; its images are read from its folder).
    """
    from .validation import validate as validate_form_data

    return validate_form_data(form, name=name)


_CHECKER = ("check", "check_all", "fix", "Report", "Finding", "UnreadableDocument")

if TYPE_CHECKING:  # type checkers see the checker's real signatures; at run time it loads on first use
    from .checker import Finding, Report, UnreadableDocument, check, check_all, fix


def __getattr__(name: str) -> Any:
    """``congvan.check`` and its types, imported on first use (lxml is not needed to render)."""
    if name in _CHECKER:
        from . import checker

        return getattr(checker, name)
    raise AttributeError(f"module 'congvan' has no attribute {name!r}")


__all__ = [
    "check", "check_all", "fix", "Report", "Finding", "UnreadableDocument",
    "CoQuan", "CongVanError", "DanhSachNhiemVu", "FormError", "Gach", "Khoan", "LayoutWarning", "Luu", "Muc", "Ngay",
    "NguoiKy", "NguoiSoanThao", "NhiemVu", "NhomNoiNhan", "NoiNhan", "PhuLuc", "Problem", "RenderError", "SoTien",
    "TemplateError", "VanBan", "load", "render", "render_bytes", "render_files", "validate", "__version__",
]
