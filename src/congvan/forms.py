"""Form files (YAML or JSON) → plain data with the position of every field.

The model never sees YAML: this module reads the file, remembers where each
field was written so errors can point at ``form.yaml:12:3``, and hands plain
dicts and lists to pydantic.

YAML is read the way a clerk means it: ``15/7/2022`` and ``2022-07-15`` stay
text (the model parses dates itself), ``no``/``yes``/``on``/``off`` are words,
not booleans, and ``08`` is the number 8, not an octal error.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import FormError, Position, Problem, join_path, problems_from_validation

MAX_BYTES = 5 * 1024 * 1024  # a plan with its appendices is ~50 kB; this is far above any real form
MAX_NODES = 200_000  # guards against alias bombs ("billion laughs")
MAX_DEPTH = 64

M = TypeVar("M", bound=BaseModel)


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-like scalars: fewer surprises for clerks."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp",
                           "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                           "tag:yaml.org,2002:value")]  # a lone "=" is text, not YAML 1.1's value key
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
                              list("-+0123456789."))


def _problem(file: str | None, vi: str, en: str, line: int | None = None, column: int | None = None,
             path: str = "", *, code: str) -> FormError:
    return FormError([Problem(path=path, vi=vi, en=en, file=file, line=line, column=column, code=code)])


def read_text(path: str | os.PathLike) -> str:
    """The form's text: UTF-8 (with or without BOM), NFC, size-checked."""
    raw = read_limited(path, MAX_BYTES, ("biểu mẫu", "form"))
    return decode(raw, str(path))


def read_limited(path: str | os.PathLike, limit: int, what: tuple[str, str]) -> bytes:
    """The bytes of a user's file (a form, a list of rows), refused by name when it
    is missing, unreadable or larger than ``limit`` — before reading it all."""
    name, (vi, en) = str(path), what
    try:
        raw = Path(path).read_bytes() if Path(path).stat().st_size <= limit else None
    except FileNotFoundError:
        raise _problem(name, f"Không tìm thấy tệp {vi} {name}", f"{en} file {name} not found",
                       code="not-found") from None
    except OSError as exc:
        raise _problem(name, f"Không đọc được tệp {name}: {exc.strerror}", f"cannot read {name}: {exc.strerror}",
                       code="unreadable") from None
    if raw is None:
        mb = limit // 2**20
        raise _problem(name, f"Tệp {vi} lớn hơn {mb} MB", f"the {en} file is larger than {mb} MB", code="too-large")
    return raw


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
    """Plain data and the position of every field path in the text."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except RecursionError:
        raise _too_deep(name) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if name and name.lower().endswith(".json"):
            return _parse_json(text, name)
        vi = f"Lỗi cú pháp YAML: {exc.problem or exc.context}"
        raise _problem(name, vi + _yaml_hint(exc), f"YAML syntax error: {exc.problem or exc.context}",
                       mark.line + 1 if mark else None, mark.column + 1 if mark else None, code="syntax") from None
    except yaml.YAMLError as exc:
        raise _problem(name, f"Lỗi đọc YAML: {exc}", f"YAML error: {exc}", code="syntax") from None
    if root is None:
        raise _problem(name, "Biểu mẫu trống", "the form is empty", 1, 1, code="empty-form")
    builder = _Builder(name)
    try:
        return builder.build(root, [], 0), builder.positions
    except yaml.constructor.ConstructorError as exc:  # a tag such as !!python/object: never built
        mark = exc.problem_mark
        raise _problem(name, f"Biểu mẫu dùng thẻ YAML không được phép: {exc.problem}",
                       f"the form uses a YAML tag that is not allowed: {exc.problem}",
                       mark.line + 1 if mark else None, mark.column + 1 if mark else None, code="yaml-tag") from None


def _too_deep(name: str | None) -> FormError:
    return _problem(name, f"Biểu mẫu lồng quá sâu (quá {MAX_DEPTH} cấp)", f"the form is nested deeper than {MAX_DEPTH} levels",
                    code="too-deep")


def _yaml_hint(exc: yaml.MarkedYAMLError) -> str:
    problem = str(exc.problem or "")
    if "mapping values are not allowed" in problem:
        return " (dòng có dấu ':' trong nội dung? hãy đặt cả nội dung trong dấu nháy \"…\")"
    if "found character '\\t'" in problem:
        return " (không dùng phím Tab để thụt lề, dùng dấu cách)"
    return ""


def _parse_json(text: str, name: str) -> tuple[Any, dict[str, Position]]:
    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
        data: dict = {}
        for key, value in pairs:
            if key in data:
                raise _problem(name, f"Khóa '{key}' bị lặp", f"duplicate key '{key}'", path=key, code="duplicate-key")
            data[key] = value
        return data

    try:
        return json.loads(text, object_pairs_hook=no_duplicates), {}
    except RecursionError:
        raise _too_deep(name) from None
    except json.JSONDecodeError as exc:
        raise _problem(name, f"Lỗi cú pháp JSON: {exc.msg}", f"JSON syntax error: {exc.msg}", exc.lineno, exc.colno,
                       code="syntax") from None


class _Builder:
    """Turns composed YAML nodes into plain data, recording positions."""

    def __init__(self, name: str | None):
        self.name = name
        self.positions: dict[str, Position] = {"": (1, 1)}
        self.nodes = 0
        self.constructor = _Loader("")

    def build(self, node: yaml.Node, path: list, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES or depth > MAX_DEPTH:
            raise _problem(self.name, "Biểu mẫu quá lớn hoặc lồng quá sâu (alias/anchor?)",
                           "the form is too large or too deeply nested (aliases?)",
                           node.start_mark.line + 1, node.start_mark.column + 1, code="too-deep")
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self._mark(path + [index], item)
                items.append(self.build(item, path + [index], depth + 1))
            return items
        return self.constructor.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, path: list, depth: int) -> dict:
        self.constructor.flatten_mapping(node)  # resolves "<<" merge keys
        data: dict = {}
        for key_node, value_node in node.value:
            key = self.constructor.construct_object(key_node, deep=True)
            key = unicodedata.normalize("NFC", str(key))
            where = path + [key]
            if key in data:
                raise _problem(
                    self.name, f"Khóa '{key}' bị ghi hai lần; lần sau sẽ xóa mất lần trước",
                    f"key '{key}' is written twice; the second would silently replace the first",
                    key_node.start_mark.line + 1, key_node.start_mark.column + 1, join_path(where),
                    code="duplicate-key",
                )
            self._mark(where, key_node)
            data[key] = self.build(value_node, where, depth + 1)
        return data

    def _mark(self, path: list, node: yaml.Node) -> None:
        self.positions.setdefault(join_path(path), (node.start_mark.line + 1, node.start_mark.column + 1))


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
