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
    #: What is wrong, for programs: a stable code from CODES ("missing", "tuq-with-kt" …).
    code: str = "invalid"

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

    def __reduce__(self):  # so it survives the trip back from a worker process, whatever __init__ takes
        return (_rebuild, (type(self), self.problems))


def _rebuild(cls: type, problems: list[Problem]) -> CongVanError:
    error = cls.__new__(cls)
    CongVanError.__init__(error, problems)
    return error


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


class TemplateError(RenderError):
    """A DOCX template cannot be used: an unknown or misspelled tag, a tag of the
    wrong kind, a Jinja syntax error, a tag Word has split, a missing place for
    content; each problem names the tag, the part and the paragraph."""


#: Every problem code, with what it means (Vietnamese, English).  The codes are
#: stable: programs test them, messages may be reworded.  docs/api.md lists them
#: from here (tools/gen_api_codes.py; tests/test_validate.py keeps it true).
CODES: dict[str, tuple[str, str]] = {
    # reading the form
    "not-found": ("Không tìm thấy tệp", "the file does not exist"),
    "unreadable": ("Không đọc được tệp", "the file cannot be read"),
    "too-large": ("Tệp hoặc biểu mẫu quá lớn", "the file or form is too large"),
    "not-utf8": ("Tệp không phải UTF-8", "the file is not UTF-8"),
    "syntax": ("Lỗi cú pháp YAML/JSON", "YAML/JSON syntax error"),
    "duplicate-key": ("Một khóa được ghi hai lần", "a key is written twice"),
    "too-deep": ("Biểu mẫu lồng quá sâu", "the form is nested too deeply"),
    "empty-form": ("Biểu mẫu trống", "the form is empty"),
    "not-a-mapping": ("Biểu mẫu phải là một nhóm trường", "the form must be a mapping of fields"),
    "not-a-regular-file": ("Không phải tệp thường (thiết bị, FIFO, thư mục)",
                           "not a regular file (a device, a FIFO, a folder)"),
    "output-refused": ("Không ghi vào đó: tệp đầu vào, thiết bị hoặc tệp chỉ đọc",
                       "not written there: an input, a device or a read-only file"),
    "yaml-tag": ("Thẻ YAML không được dùng (!foo, !!timestamp …)", "a YAML tag that is not allowed (!foo, !!timestamp …)"),
    "number-too-large": ("Số quá lớn hoặc không hữu hạn", "a number too large or not finite"),
    # one field
    "missing": ("Thiếu trường bắt buộc", "a required field is missing"),
    "unknown-field": ("Trường không có trong biểu mẫu", "a field the form does not have"),
    "wrong-type": ("Sai kiểu giá trị (chữ, số, danh sách, nhóm trường …)", "the value has the wrong type"),
    "not-a-choice": ("Giá trị không thuộc các lựa chọn", "the value is not one of the choices"),
    "out-of-range": ("Số ngoài khoảng cho phép", "the number is out of range"),
    "too-few": ("Danh sách ít mục hơn cần", "the list has too few items"),
    "too-many": ("Danh sách nhiều mục hơn cho phép", "the list has too many items"),
    "empty": ("Trường để trống", "the field is empty"),
    "too-long": ("Trường quá dài", "the field is too long"),
    "multi-line": ("Trường một dòng có xuống dòng", "a single-line field holds a line break"),
    "tab": ("Trường có ký tự Tab", "the field holds a tab"),
    "control-character": ("Ký tự điều khiển DOCX không chứa được", "a control character a DOCX cannot hold"),
    "invisible-character": ("Ký tự ẩn (dán từ web/PDF)", "an invisible character (pasted from the web or a PDF)"),
    "bad-abbreviation": ("Chữ viết tắt sai dạng", "a malformed abbreviation"),
    "ky-hieu-spaces": ("Ký hiệu có dấu cách hoặc bắt đầu bằng '-', '/'", "the ký hiệu has spaces or starts with '-', '/'"),
    "bad-date": ("Ngày viết sai dạng", "a date in an unknown form"),
    "not-a-calendar-date": ("Ngày không có trong lịch", "not a calendar date"),
    "bad-deadline": ("Thời hạn không phải ngày hay khoảng thời gian", "a deadline that is neither a date nor a period"),
    "bad-image": ("Ảnh chữ ký/dấu không đọc được hoặc không phải PNG", "the signature/seal image is unreadable or not a PNG"),
    "subject-too-long": ("Trích yếu quá dài", "the subject is too long"),
    "listed-twice": ("Một nơi nhận được ghi hai lần", "a recipient is listed twice"),
    "group-too-small": ("Nhóm nơi nhận chỉ có một nơi nhận", "a Nơi nhận group with fewer than two recipients"),
    "unknown-o12-style": ("Cách ghi ô 12 không có", "an ô 12 style that does not exist"),
    "bad-block": ("Khối nội dung không rõ loại", "a body block of no known kind"),
    "unknown-scheme": ("Kiểu đánh số không có", "a numbering scheme that does not exist"),
    "unknown-level": ("Cấp đánh số không có trong kiểu đánh số", "a numbering level the scheme does not have"),
    "bad-label-pattern": ("Mẫu nhãn đánh số sai dạng", "a malformed numbering label pattern"),
    "range-end-before-start": ("Khoảng thời gian kết thúc trước khi bắt đầu", "a range that ends before it starts"),
    "invalid": ("Giá trị không hợp lệ (lỗi khác)", "an invalid value (other)"),
    # rules that compare fields, reported at the field to change
    "day-without-month": ("Có ngày mà không có tháng", "a day without a month"),
    "empty-article": ("Điều không có tiêu đề lẫn nội dung", "an article with neither title nor content"),
    "task-without-lead": ("Nhiệm vụ chưa có cơ quan chủ trì", "a task without a lead agency"),
    "group-without-task": ("Nhóm cơ quan không chủ trì nhiệm vụ nào", "an agency group that leads no task"),
    "unreachable-level": ("Cấp đánh số không đến được từ chỗ đứng", "a numbering level the item cannot reach"),
    "empty-appendix": ("Phụ lục không có nội dung", "an appendix with no content"),
    "copy-without-signer": ("Bản sao giấy chưa có người ký", "a paper copy without its signer"),
    "tuq-with-kt": ("TUQ. cùng KT. (Điều 13.3)", "TUQ. together with KT. (Điều 13.3)"),
    "tl-with-tuq": ("TL. cùng TUQ.", "TL. together with TUQ."),
    "q-with-others": ("Q. cùng KT., TL. hay TUQ.", "Q. together with KT., TL. or TUQ."),
    "missing-position": ("Thiếu chức vụ người ký", "the signer's position is missing"),
    "missing-abbreviation": ("Thiếu chữ viết tắt của cơ quan ban hành", "the issuing agency's abbreviation is missing"),
    "empty-body": ("Văn bản chưa có nội dung", "the document has no body"),
    "task-table-without-tasks": ("Bảng nhiệm vụ mà văn bản không có nhiệm vụ", "a task table without tasks"),
    "missing-subject": ("Thiếu trích yếu", "the subject (trích yếu) is missing"),
    "missing-addressees": ("Công văn thiếu Kính gửi", "a công văn without addressees"),
    "part-of-other-type": ("Trường của loại văn bản khác", "a part that belongs to another document type"),
    "missing-authority": ("Thiếu dòng thẩm quyền ban hành", "the authority line is missing"),
    "missing-part": ("Thiếu phần bắt buộc của loại văn bản", "a part the document type needs is missing"),
    "missing-drafting-unit": ("Thiếu đơn vị soạn thảo cho ký hiệu công văn", "the drafting unit for the ký hiệu is missing"),
    # the agency profile (co_quan.yaml, congvan.profile)
    "profile-unknown-field": ("Trường không có trong hồ sơ cơ quan", "a field the agency profile does not have"),
    "profile-per-document": ("Trường của từng văn bản ghi trong hồ sơ cơ quan",
                             "a field of each document written in the agency profile"),
    "profile-unknown-signer": ("Hồ sơ cơ quan không có người ký với khóa này", "the agency profile has no signer of that key"),
    "profile-not-configured": ("Dịch vụ chưa có thư mục hồ sơ cơ quan", "the service has no folder of agency profiles"),
    "profile-path-not-allowed": ("Hồ sơ cơ quan phải là tên trong thư mục của dịch vụ, không là đường dẫn",
                                 "an agency profile must be a name in the service's folder, not a path"),
    # DOCX templates (--template)
    "unknown-tag": ("Thẻ trong mẫu không phải tên congvan điền", "a template tag congvan does not fill"),
    "wrong-tag-kind": ("Thẻ viết sai kiểu ({{ }}, {{p }}, vòng lặp)", "a tag written as the wrong kind"),
    "template-syntax": ("Lỗi cú pháp thẻ trong mẫu", "a syntax error in a template's tags"),
    "broken-tag": ("Thẻ bị Word tách hỏng", "a tag Word has split apart"),
    "missing-tag": ("Mẫu thiếu chỗ cho nội dung văn bản có", "the template has no place for content the document has"),
    "not-a-docx": ("Mẫu không phải tệp .docx", "the template is not a .docx file"),
    # the service
    "file-path": ("Đường dẫn tệp dịch vụ không đọc", "a file path the service does not read"),
    "one-document-per-request": ("Một yêu cầu chỉ tạo một văn bản", "one document per request"),
    "too-many-blocks": ("Vượt số khối nội dung dịch vụ nhận", "more blocks than the service takes"),
    "separate-file": ("Phụ lục là tệp riêng", "an appendix in a file of its own"),
}

#: Pydantic error types → problem codes.
_CODES_OF_TYPES = {
    "missing": "missing", "extra_forbidden": "unknown-field", "literal_error": "not-a-choice", "enum": "not-a-choice",
    "greater_than": "out-of-range", "greater_than_equal": "out-of-range", "less_than": "out-of-range",
    "less_than_equal": "out-of-range", "too_short": "too-few", "too_long": "too-many", "string_too_short": "empty",
    "block_kind": "bad-block", "union_tag_invalid": "bad-block",
}
_WRONG_TYPE = re.compile(r"_(type|parsing|from_float|from_datetime_parsing)$")


def code_of(error: Mapping[str, Any]) -> str:
    """The problem code of one pydantic error."""
    rule = (error.get("ctx") or {}).get("error")
    if getattr(rule, "code", None):
        return rule.code
    kind = error["type"]
    if kind in _CODES_OF_TYPES:
        return _CODES_OF_TYPES[kind]
    return "wrong-type" if _WRONG_TYPE.search(kind) else "invalid"


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
        rule_field = getattr((error.get("ctx") or {}).get("error"), "field", "")
        path = join_path([*parts, rule_field] if rule_field else parts)
        prefix = None if rule_field else _PATH_PREFIX.match(vi)
        if prefix:  # a list validator names the item it refused: "nhiem_vu[0]: …"
            path = f"{path}.{prefix.group(1).rstrip('.')}" if path else prefix.group(1).rstrip(".")
            vi = vi[prefix.end():]
            en = _PATH_PREFIX.sub("", en, count=1)
        elif not path and not rule_field:
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
        problems.append(Problem(path=path, vi=vi, en=en, file=file, line=line, column=column, value=value,
                                code=code_of(error)))
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
