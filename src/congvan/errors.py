"""Errors a user sees: each names the field, the rule, and where in the form.

Every problem carries a Vietnamese and an English message, because the
clerk reads the first and the e-office developer the second. Pydantic's
errors are translated here, so the model can stay plain.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass
from typing import Any, Iterable, Mapping

Position = tuple[int, int]  # 1-based line and column in the form file


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, and where."""

    path: str  # field path in the form: "nguoi_ky.ho_ten", "noi_dung[2].nhiem_vu[0].thoi_han"
    vi: str
    en: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    value: Any = None

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.file, self.line, self.column) if p is not None)
        field = f"{self.path}: " if self.path else ""
        return f"{where + ': ' if where else ''}{field}{self.vi} / {self.en}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if data["value"] is not None and not isinstance(data["value"], (str, int, float, bool)):
            data["value"] = repr(data["value"])
        return data


class CongVanError(Exception):
    """Raised with every problem found, not only the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class FormError(CongVanError, ValueError):
    """The form (YAML/JSON or Python data) does not describe a valid document."""


class RenderError(CongVanError):
    """A template or the output could not be used."""


class LayoutWarning(UserWarning):
    """The document was written, but a line could not be laid out as the rules
    ask (an agency line too long for the header column): ``where`` names the
    field, ``vi`` and ``en`` say what happened.  ``congvan.render`` issues it
    through Python's ``warnings``; the CLI prints it, the service returns it."""

    def __init__(self, where: str, vi: str, en: str):
        super().__init__(f"{where}: {vi} / {en}")
        self.where, self.vi, self.en = where, vi, en

    def to_dict(self) -> dict[str, str]:
        return {"path": self.where, "vi": self.vi, "en": self.en}


# Pydantic error types → (Vietnamese, English); {ctx} keys come from the error's context.
_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("Thiếu trường bắt buộc", "required field is missing"),
    "extra_forbidden": ("Trường không có trong biểu mẫu", "unknown field"),
    "string_type": ("Phải là chuỗi văn bản", "must be text"),
    "int_type": ("Phải là số nguyên", "must be a whole number"),
    "int_parsing": ("Phải là số nguyên", "must be a whole number"),
    "int_from_float": ("Phải là số nguyên", "must be a whole number"),
    "bool_type": ("Phải là có/không (true/false)", "must be true or false"),
    "bool_parsing": ("Phải là có/không (true/false)", "must be true or false"),
    "list_type": ("Phải là danh sách (mỗi mục một dòng '- …')", "must be a list"),
    "dict_type": ("Phải là một nhóm trường (khóa: giá trị)", "must be a mapping of fields"),
    "model_type": ("Phải là một nhóm trường (khóa: giá trị)", "must be a mapping of fields"),
    "model_attributes_type": ("Phải là một nhóm trường (khóa: giá trị)", "must be a mapping of fields"),
    "greater_than": ("Phải lớn hơn {gt}", "must be greater than {gt}"),
    "greater_than_equal": ("Phải từ {ge} trở lên", "must be at least {ge}"),
    "less_than_equal": ("Không được lớn hơn {le}", "must be at most {le}"),
    "less_than": ("Phải nhỏ hơn {lt}", "must be less than {lt}"),
    "too_short": ("Cần ít nhất {min_length} mục", "needs at least {min_length} item(s)"),
    "too_long": ("Nhiều nhất {max_length} mục", "at most {max_length} item(s)"),
    "string_too_short": ("Không được để trống", "must not be empty"),
    "decimal_parsing": ("Phải là số", "must be a number"),
    "decimal_type": ("Phải là số", "must be a number"),
    "date_type": ("Phải là ngày", "must be a date"),
    "date_parsing": ("Phải là ngày", "must be a date"),
    "date_from_datetime_parsing": ("Phải là ngày", "must be a date"),
}

_INDEX = re.compile(r"^\d+$")
_FIELD_IN_MESSAGE = re.compile(r"\(([a-z_]+(?:\.[a-z_]+)*)\)")
_PATH_PREFIX = re.compile(r"^((?:[a-z_]+(?:\[\d+\])?\.?)+): ")
_TYPE_LABELS = {"str", "int", "float", "bool", "date", "datetime", "decimal", "none", "dict", "list"}


def join_path(parts: Iterable[str | int]) -> str:
    """("noi_dung", 2, "nhiem_vu", 0) → "noi_dung[2].nhiem_vu[0]"."""
    text = ""
    for part in parts:
        if isinstance(part, int) or _INDEX.match(str(part)):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _clean_loc(loc: tuple) -> list[str | int]:
    """Drop the labels pydantic adds for union members; keep what the user wrote."""
    return [part for part in loc if isinstance(part, int) or not _is_label(part)]


def _is_label(part: str) -> bool:
    # Block tags start with "§"; union members are named by type ("str", "NoiNhan",
    # "list[constrained-str]", "function-after[…]"); field names are lower_snake.
    return part.startswith("§") or part in _TYPE_LABELS or not re.fullmatch(r"[a-z_$][a-z0-9_]*", part)


def _split_bilingual(message: str) -> tuple[str, str]:
    message = re.sub(r"^(Value|Assertion) error, ", "", message)
    if " / " in message:
        vi, en = message.split(" / ", 1)
        return vi.strip(), en.strip()
    return message, message


def _suggest(value: Any, expected: str) -> tuple[str, str]:
    options = re.findall(r"'([^']+)'", expected)
    close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6) if options else []
    if close:
        return f"; có phải '{close[0]}'?", f"; did you mean '{close[0]}'?"
    if options and len(options) <= 6:
        listed = ", ".join(options)
        return f"; chọn một trong: {listed}", f"; choose one of: {listed}"
    return "; xem 'congvan types'" if len(options) > 6 else "", "; see 'congvan types'" if len(options) > 6 else ""


def _translate(error: Mapping[str, Any]) -> tuple[str, str]:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in ("value_error", "assertion_error", "block_kind"):
        return _split_bilingual(error["msg"])
    if kind == "literal_error":
        vi_hint, en_hint = _suggest(error.get("input"), str(ctx.get("expected", "")))
        value = error.get("input")
        return f"Giá trị '{value}' không hợp lệ{vi_hint}", f"'{value}' is not allowed{en_hint}"
    if kind == "enum":
        expected = str(ctx.get("expected", ""))
        return f"Giá trị không hợp lệ; chọn một trong: {expected}", f"not allowed; choose one of: {expected}"
    if kind in _MESSAGES:
        vi, en = _MESSAGES[kind]
        try:
            return vi.format(**ctx), en.format(**ctx)
        except (KeyError, IndexError):
            return vi, en
    return _split_bilingual(error["msg"])


def problems_from_validation(
    exc: Any, positions: Mapping[str, Position] | None = None, file: str | None = None, root: str = ""
) -> list[Problem]:
    """Translate a pydantic ValidationError into Problems located in the form.

    positions maps field paths ("nguoi_ky.ho_ten") to where the form wrote
    them; a missing field is located at its parent.
    """
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    errors = exc.errors(include_url=False)
    for error in errors:
        if _other_branch_fits_better(error, errors):
            continue
        parts = _clean_loc(tuple(error["loc"]))
        vi, en = _translate(error)
        path = join_path(parts)
        prefix = _PATH_PREFIX.match(vi)
        if prefix:  # a list validator names the item it refused: "nhiem_vu[0]: …"
            path = f"{path}.{prefix.group(1).rstrip('.')}" if path else prefix.group(1).rstrip(".")
            vi = vi[prefix.end():]
            en = _PATH_PREFIX.sub("", en, count=1)
        elif not path:
            named = _FIELD_IN_MESSAGE.search(vi)
            path = named.group(1) if named else ""
        path = f"{root}.{path}" if root and path else (path or root)
        value = None if error["type"] in ("missing",) else _shown(error.get("input"))
        if value is not None and error["type"] not in ("value_error", "block_kind") and f"'{value}'" not in vi:
            vi, en = f"{vi} (đang ghi: '{value}')", f"{en} (given: '{value}')"
        key = (path, vi)
        if key in seen:
            continue
        seen.add(key)
        line, column = locate(path, positions or {})
        problems.append(Problem(path=path, vi=vi, en=en, file=file, line=line, column=column, value=value))
    return problems


def _other_branch_fits_better(error: Mapping[str, Any], errors: list) -> bool:
    # "a recipient must be text" is noise when the user wrote a mapping and the
    # mapping branch (NoiNhan) has its own, precise complaint.
    if error["type"] != "string_type" or not isinstance(error.get("input"), dict):
        return False
    here = _clean_loc(tuple(error["loc"]))
    return any(len(_clean_loc(tuple(e["loc"]))) > len(here) and _clean_loc(tuple(e["loc"]))[:len(here)] == here
               for e in errors if e is not error)


def _shown(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return None  # a whole block: its path says enough
    return value


def locate(path: str, positions: Mapping[str, Position]) -> tuple[int | None, int | None]:
    """The position of path, or of its nearest written ancestor."""
    while path:
        if path in positions:
            return positions[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return positions.get("", (None, None))
