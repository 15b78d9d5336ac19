"""Form files (YAML or JSON) → plain data with the position of every field.

The model never sees YAML: this module reads the file, remembers where each
field was written so errors can point at ``form.yaml:12:3``, and hands plain
dicts and lists to pydantic.

YAML is read the way a clerk means it: ``15/7/2022`` and ``2022-07-15`` stay
text (the model parses dates itself), ``no``/``yes``/``on``/``off`` are words,
not booleans, and ``08`` is the number 8, not an octal error.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import parsing
from .errors import FormError, Position, Problem, join_path, problems_from_validation
from .files import STDIO, FileRefused, read_bounded

MAX_BYTES = 5 * 1024 * 1024  # a plan with its appendices is ~50 kB; this is far above any real form
# The guards that stop while reading (node count, depth, number size, a deadline) live in .parsing.
MAX_NODES, MAX_DEPTH = parsing.MAX_NODES, parsing.MAX_DEPTH

M = TypeVar("M", bound=BaseModel)


def _problem(file: str | None, vi: str, en: str, line: int | None = None, column: int | None = None,
             path: str = "") -> FormError:
    return FormError([Problem(path=path, vi=vi, en=en, file=file, line=line, column=column)])


def read_text(path: str | os.PathLike) -> str:
    """The form's text: UTF-8 (with or without BOM), NFC, size-checked."""
    raw = read_limited(path, MAX_BYTES, ("biểu mẫu", "form"))
    return decode(raw, str(path))


def read_limited(path: str | os.PathLike, limit: int, what: tuple[str, str]) -> bytes:
    """The bytes of a user's file (a form, a list of rows) under the input policy of
    ``congvan.files``: a regular file (or ``-``, standard input), at most ``limit``
    bytes read whatever ``stat`` says; refused by name otherwise."""
    try:
        return read_bounded(path, limit, what)
    except FileRefused as exc:
        raise FormError(exc.problems) from None


def decode(raw: bytes, name: str | None = None) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _problem(
            name,
            "Tệp không phải UTF-8 (có thể lưu bằng bảng mã Windows-1258 hay TCVN3): hãy lưu lại với mã UTF-8",
            "the file is not UTF-8 (perhaps Windows-1258 or TCVN3): save it again as UTF-8",
            line, column,
        ) from None
    return unicodedata.normalize("NFC", text)


def parse(text: str, name: str | None = None) -> tuple[Any, dict[str, Position]]:
    """Plain data and the position of every field path in the text: JSON for a
    ``.json`` file (or standard input that starts with ``{``), YAML otherwise."""
    if name and (name.lower().endswith(".json") or (name == STDIO and text.lstrip().startswith("{"))):
        return parsing.parse_json(text, name)
    return parsing.parse_yaml(text, name)


def load_form(path: str | os.PathLike) -> tuple[Any, dict[str, Position]]:
    """Read a YAML/JSON form: (data, positions)."""
    return parse(read_text(path), str(path))


def validate_data(cls: type[M], data: Any, positions: dict[str, Position] | None = None,
                  name: str | None = None) -> M:
    """Validate plain data as cls; every problem becomes a located FormError."""
    if not isinstance(data, dict):
        raise _problem(name, "Biểu mẫu phải là một nhóm trường (loai:, co_quan_ban_hanh:, …)",
                       "the form must be a mapping of fields (loai:, co_quan_ban_hanh:, …)", 1, 1)
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        raise FormError(problems_from_validation(exc, positions or {}, name)) from None


#: Fields naming a file: a relative path is read from the form's folder.
FILE_FIELDS = ("anh_chu_ky", "anh_dau")


def resolve_files(data: Any, folder: Path) -> Any:
    """Relative image paths in a form are relative to the form, not to where congvan runs."""
    if isinstance(data, dict):
        return {k: (str(folder / v) if k in FILE_FIELDS and isinstance(v, str) and not Path(v).is_absolute()
                    else resolve_files(v, folder)) for k, v in data.items()}
    if isinstance(data, list):
        return [resolve_files(v, folder) for v in data]
    return data


def validate_form(cls: type[M], path: str | os.PathLike) -> M:
    data, positions = load_form(path)
    return validate_data(cls, resolve_files(data, Path(path).resolve().parent), positions, str(path))


def validate_text(cls: type[M], text: str, name: str = "<form>") -> M:
    """Validate a form given as text (for services and editors)."""
    data, positions = parse(unicodedata.normalize("NFC", text), name)
    return validate_data(cls, data, positions, name)
