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
from dataclasses import dataclass, field
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
             path: str = "", *, code: str) -> FormError:
    return FormError([Problem(path=path, vi=vi, en=en, file=file, line=line, column=column, code=code)])


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
            line, column, code="not-utf8",
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
                       "the form must be a mapping of fields (loai:, co_quan_ban_hanh:, …)", 1, 1,
                       code="not-a-mapping")
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        from .validation import all_problems

        raise FormError(all_problems(cls, data, exc, positions, name)) from None


#: Fields naming a file: a relative path is read from the form's folder.
FILE_FIELDS = ("anh_chu_ky", "anh_dau")


def resolve_files(data: Any, folder: Path) -> Any:
    """Relative image paths in a form are relative to the form, not to where congvan runs."""
    if isinstance(data, dict):
        return {k: (str(folder / v) if k in FILE_FIELDS and isinstance(v, str) and v and not Path(v).is_absolute()
                    else resolve_files(v, folder)) for k, v in data.items()}
    if isinstance(data, list):
        return [resolve_files(v, folder) for v in data]
    return data


def file_paths_outside(data: Any, folder: Path, where: tuple = ()) -> list[Problem]:
    """Image paths that would leave ``folder`` (absolute, or climbing with ``..``)."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in FILE_FIELDS and isinstance(value, str) and value:
                if Path(value).is_absolute() or ".." in Path(value).parts or "\\" in value:
                    found.append(Problem(
                        path=join_path([*where, key]), value=value, code="file-path",
                        vi=f"Đường dẫn ảnh '{value}' phải là tên tệp trong thư mục ảnh của dịch vụ"
                           " (không bắt đầu bằng '/', không có '..')",
                        en=f"image path '{value}' must name a file inside the service's image folder"
                           " (no leading '/', no '..')"))
            else:
                found += file_paths_outside(value, folder, (*where, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += file_paths_outside(value, folder, (*where, index))
    return found


@dataclass
class Form:
    """A form as read, before it is a document: its plain data, where each field
    was written, the file's name, and the folder its relative image paths
    (``nguoi_ky.anh_chu_ky: anh/chu-ky.png``) are read from.

    Every path that turns a form into a document goes through here: ``congvan.load``,
    ``congvan render``, the mail merge (which personalises ``data`` row by row),
    ``follow-up`` and the service (with the operator's image folder, never the
    request's).  ``folder=None``: relative paths stay relative to the working
    directory (data built in Python).
    """

    data: Any
    positions: dict[str, Position] = field(default_factory=dict)
    name: str | None = None
    folder: Path | None = None

    @classmethod
    def read(cls, path: str | os.PathLike, co_quan: "str | os.PathLike | dict | None" = None) -> "Form":
        """A YAML/JSON form file; its images are read from the file's folder.  Its
        agency profile (``co_quan``, else ``ho_so:``, else ``co_quan.yaml`` beside
        it) is merged in here, so every path sees the same data (congvan.profile)."""
        from . import profile

        data, positions = load_form(path)
        folder = Path(path).resolve().parent
        data = profile.attach(data, positions, str(path), folder=folder, co_quan=co_quan)
        return cls(data, positions, str(path), folder)

    @classmethod
    def from_text(cls, text: str, name: str | None = None, folder: Path | None = None) -> "Form":
        data, positions = parse(unicodedata.normalize("NFC", text), name)
        return cls(data, positions, name, folder)

    def model(self, cls: type[M], data: Any = None) -> M:
        """``data`` (default: the form's own) validated as ``cls``, images found from the form's folder."""
        data = self.data if data is None else data
        if self.folder is not None:
            data = resolve_files(data, self.folder)
        return validate_data(cls, data, self.positions, self.name)


def validate_form(cls: type[M], path: str | os.PathLike, co_quan: "str | os.PathLike | dict | None" = None) -> M:
    return Form.read(path, co_quan).model(cls)


def validate_text(cls: type[M], text: str, name: str = "<form>") -> M:
    """Validate a form given as text (for services and editors)."""
    return Form.from_text(text, name).model(cls)
