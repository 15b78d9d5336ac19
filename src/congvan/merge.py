"""Mail merge (trộn thư): one personalised document per row.

A clerk writes one form and a list of recipients (a CSV saved from Excel, or
a YAML/JSON list); congvan writes one DOCX per row::

    from congvan import merge

    rows = merge.read_rows("khach-moi.csv")
    for result in merge.each("giay-moi.yaml", rows, outdir="giay-moi"):
        print(result)            # "dòng 2 / row 2: giay-moi/001-Sở Tài chính.docx"

A row personalises the form in two ways:

* a column whose header is a field path of the form (``kinh_gui``,
  ``nguoi_ky.ho_ten``, ``noi_nhan[0]``, ``so``, ``ngay`` …) sets that field;
  a list field (``kinh_gui``, ``noi_nhan`` …) takes one item per line of the
  cell; an empty cell keeps what the form says;
* ``«column»`` anywhere in the form's text is replaced by the row's cell
  (the marks Word shows for a merge field).

Cells are literal text: ``«…»``, Jinja or XML inside a value print as
typed, and a placeholder whose cell is missing or empty is a problem of that
row, never a gap in a document.  Every bad row is reported with its row
number; the good rows are written all the same.
"""

from __future__ import annotations

import copy
import csv
import difflib
import io
import multiprocessing
import os
import re
import typing
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from pydantic import BaseModel

from . import inline
from .errors import CongVanError, FormError, Problem, join_path
from .forms import Form, decode, load_form, read_limited
from .model import VanBan
from .naming import safe_file_name
from .validation import alternatives as _alternatives

#: The form key that may carry the rows inside the form itself.
ROWS_KEY = "danh_sach"
#: A placeholder in the form's text, as Word shows a merge field: ``«ten»``, ``« Họ tên »``.
#: Guillemets never start a YAML value's syntax (``{{…}}`` would) and ``{{ }}`` stays
#: ordinary text, printed as typed.
PLACEHOLDER = re.compile(r"«\s*([^«»\n]*?)\s*»")
#: Built-in names of the file-name pattern besides the columns.
BUILT_IN_NAMES = ("stt", "dong", "nguoi_nhan")
MAX_ROWS_BYTES = 50 * 1024 * 1024

# A column name as a program writes it: "ho_ten", "nguoi_ky.ho_ten", "noi_nhan[0]".
_COLUMN_LIKE = re.compile(r"^[a-z][a-z0-9_]*(?:\[\d+\])*(?:\.[a-z0-9_]+(?:\[\d+\])*)*$")
_PATH_PART = re.compile(r"([a-z_]+)|\[(\d+)\]")
_NAME_FIELD = re.compile(r"\{([^{}:]+)(?::([^{}]*))?\}")
# UTF-8 read as Windows-1252 and saved again (Excel's "ANSI" round trip): "Sá»Ÿ", "Ä‘", "Æ°".
_DOUBLE_ENCODED = re.compile("á[º»]|Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                             "\u2013-\u2122]|Ä[‘ƒ\u0090]|Æ[°¡¯]")
# Letters of TCVN3 (ABC) text read as Latin-1 that Vietnamese Unicode never uses: "Uû ban nh©n d©n".
_TCVN3_SIGNS = set("¡¢£¤¥¦§¨©ª¬®¯±²³´µ¶¸¹º¼½¾¿ÆÇËÎÏÑÖ×ØÞßäåæçëîïñö÷øûüþ")
_VIETNAMESE_ONLY = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")


# ---------------------------------------------------------------------------
# Rows


@dataclass(frozen=True)
class Row:
    """One row of the recipients' list.

    ``stt`` counts data rows from 1; ``line`` is where the row stands in its
    file (the spreadsheet row number for a CSV, header = 1), so a clerk finds
    it in Excel.  ``values`` maps column → cell text (``None``: the row has no
    such cell); a YAML/JSON row may give a list for a list field.
    """

    stt: int
    line: int
    values: Mapping[str, str | tuple[str, ...] | None]
    file: str | None = None
    problems: tuple[Problem, ...] = ()

    def problem(self, column: str, vi: str, en: str, value: Any = None) -> Problem:
        return Problem(path=column, vi=vi, en=en, file=self.file, line=self.line if self.file else None, value=value)


def read_rows(path: str | os.PathLike[str]) -> list[Row]:
    """The rows of a CSV (comma, semicolon or tab; UTF-8 with or without BOM)
    or of a YAML/JSON file holding a list of mappings (column: value)."""
    if Path(path).suffix.lower() in (".yaml", ".yml", ".json"):
        return _rows_from_data(*load_form(path), str(path))
    return read_csv(path)


def read_csv(path: str | os.PathLike[str]) -> list[Row]:
    """Rows of a CSV file; the first row names the columns.

    Refuses a file that is not UTF-8 (Windows-1258, TCVN3 …) with the line of
    the first bad byte, so no document ever carries mojibake.
    """
    name = str(path)
    raw = read_limited(path, MAX_ROWS_BYTES, ("danh sách", "list"))
    return parse_csv(_decode_csv(raw, name), name)


def parse_csv(text: str, name: str | None = None) -> list[Row]:
    """Rows of CSV text (already decoded); the first row names the columns."""
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise _file_error(name, f"Tệp CSV hỏng: {exc}", f"malformed CSV: {exc}", reader.line_num) from None
    # Excel rows: the header is row 1; blank rows (";;;") keep their number but are skipped.
    numbered = [(n, cells) for n, cells in enumerate(records, start=1) if any(c.strip() for c in cells)]
    if not numbered:
        raise _file_error(name, "Tệp danh sách trống: dòng đầu phải là tên các cột",
                          "the list is empty: its first row must name the columns", 1)
    (_, header), body = numbered[0], numbered[1:]
    columns = _header(header, body, name)
    if not body:
        raise _file_error(name, "Tệp danh sách chỉ có dòng tiêu đề, không có dòng nào để trộn",
                          "the list has a header row but no rows to merge", 1)
    return [_csv_row(stt, line, cells, columns, name) for stt, (line, cells) in enumerate(body, start=1)]


def _decode_csv(raw: bytes, name: str) -> str:
    try:
        return decode(raw, name)
    except FormError as exc:
        hint_vi = " Trong Excel: File → Save As → 'CSV UTF-8 (Comma delimited)'."
        hint_en = " In Excel: File → Save As → 'CSV UTF-8 (Comma delimited)'."
        raise FormError([replace(p, vi=p.vi + "." + hint_vi, en=p.en + "." + hint_en) for p in exc.problems]) from None


def _delimiter(text: str) -> str:
    """Excel writes ';' where the decimal mark is a comma (Vietnamese settings)."""
    first = next(csv.reader(io.StringIO(text.split("\n", 1)[0])), [])
    header = ",".join(first)  # commas inside quoted names do not count
    counts = {d: header.count(d) for d in ";\t"}
    counts[","] = max(len(first) - 1, 0)
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _header(cells: list[str], body: list[tuple[int, list[str]]], name: str | None) -> list[str]:
    columns = [" ".join(c.split()) for c in cells]
    while columns and not columns[-1] and not any(len(r) >= len(columns) and r[len(columns) - 1].strip()
                                                  for _, r in body):
        columns.pop()  # Excel's trailing empty columns
    seen: dict[str, str] = {}
    for index, column in enumerate(columns, start=1):
        if not column:
            raise _file_error(name, f"Cột thứ {index} ở dòng tiêu đề chưa có tên",
                              f"column {index} of the header row has no name", 1)
        if _key(column) in seen:
            raise _file_error(name, f"Cột '{column}' có hai lần ở dòng tiêu đề",
                              f"column '{column}' appears twice in the header row", 1)
        seen[_key(column)] = column
    return columns


def _csv_row(stt: int, line: int, cells: list[str], columns: list[str], name: str | None) -> Row:
    values: dict[str, str | None] = {c: None for c in columns}
    for column, cell in zip(columns, cells):
        values[column] = _cell(cell)
    row = Row(stt, line, values, name)
    problems = [row.problem("", f"Dòng {line} có {len(cells)} ô, nhiều hơn {len(columns)} cột ở dòng tiêu đề"
                                f" (thừa dấu phân cách?)",
                            f"row {line} has {len(cells)} cells, more than the {len(columns)} header columns"
                            " (a stray delimiter?)")] if any(c.strip() for c in cells[len(columns):]) else []
    problems += _garbled(row)
    return replace(row, problems=tuple(problems))


def _rows_from_data(data: Any, positions: Mapping[str, tuple[int, int]], name: str | None,
                    root: str = "") -> list[Row]:
    """Rows given as a list of mappings (a YAML/JSON file, or the form's danh_sach)."""
    if not isinstance(data, list) or not data:
        raise FormError([Problem(path=root, file=name, line=positions.get(root, (None,))[0],
                                 vi="Danh sách trộn thư phải là một danh sách các dòng (- cột: giá trị)",
                                 en="the merge list must be a non-empty list of rows (- column: value)")])
    rows = []
    for stt, item in enumerate(data, start=1):
        where = join_path([root, stt - 1] if root else [stt - 1])
        line = positions.get(where, (stt, None))[0]
        if not isinstance(item, dict):
            item = {}
            problems = [Problem(where, "Mỗi dòng phải là một nhóm 'cột: giá trị'", "each row must be a mapping"
                                " of 'column: value'", name, line)]
        else:
            problems = []
        values = {" ".join(str(k).split()): _value(v) for k, v in item.items()}
        row = Row(stt, line, values, name)
        bad = [k for k, v in item.items() if isinstance(v, dict) or (isinstance(v, list) and any(
            isinstance(x, (dict, list)) for x in v))]
        problems += [row.problem(k, "Giá trị phải là chữ hoặc danh sách chữ; dùng khóa dạng 'nguoi_ky.ho_ten'",
                                 "a value must be text or a list of text; use keys like 'nguoi_ky.ho_ten'")
                     for k in bad]
        rows.append(replace(row, problems=tuple(problems) + tuple(_garbled(row))))
    return rows


def rows_from(items: Iterable[Row | Mapping[str, Any]]) -> list[Row]:
    """Rows from Python: Row objects as they are, mappings numbered from 1."""
    rows = []
    for stt, item in enumerate(items, start=1):
        if isinstance(item, Row):
            rows.append(item)
        else:
            row = Row(stt, stt, {" ".join(str(k).split()): _value(v) for k, v in item.items()})
            rows.append(replace(row, problems=tuple(_garbled(row))))
    return rows


def _cell(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _value(value: Any) -> str | tuple[str, ...] | None:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return tuple(_cell(str(v)) for v in value if not isinstance(v, (dict, list)))
    if isinstance(value, dict):
        return None
    return _cell(str(value))


def _garbled(row: Row) -> list[Problem]:
    """Cells that are valid UTF-8 but hold text garbled by a wrong encoding."""
    problems = []
    for column, value in row.values.items():
        for text in (value,) if isinstance(value, str) else (value or ()):
            if _DOUBLE_ENCODED.search(text):
                kind_vi, kind_en = "UTF-8 bị đọc nhầm thành Windows-1252", "UTF-8 misread as Windows-1252"
            elif sum(c in _TCVN3_SIGNS for c in text) >= 3 and not _VIETNAMESE_ONLY.search(text):
                kind_vi, kind_en = "chữ TCVN3 (ABC)", "TCVN3 (ABC) text"
            else:
                continue
            problems.append(row.problem(
                column, f"Ô '{column}' có chữ lỗi mã ({kind_vi}): '{text[:40]}'; hãy sửa lại dữ liệu"
                f" và lưu với mã UTF-8", f"cell '{column}' holds garbled text ({kind_en}):"
                f" '{text[:40]}'; fix the data and save it as UTF-8", text))
            break
    return problems


def _file_error(name: str | None, vi: str, en: str, line: int | None = None) -> FormError:
    return FormError([Problem(path="", vi=vi, en=en, file=name, line=line)])


def _key(name: str) -> str:
    """Column names match whatever the case and spacing: 'Họ tên' = 'họ  TÊN'."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


# ---------------------------------------------------------------------------
# The form, ready to be merged


@dataclass(frozen=True)
class Slot:
    """A text of the form that holds placeholders: where it is and its names."""

    path: tuple[str | int, ...]
    text: str
    names: tuple[str, ...]


@dataclass
class MergeForm(Form):
    """A form (as ``congvan.forms`` reads it) with its placeholders found and
    the rows it carries taken out: the single document, ready to be personalised."""

    slots: list[Slot] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)

    @classmethod
    def read(cls, form: "str | os.PathLike[str] | Mapping[str, Any] | VanBan | Form") -> "MergeForm":
        """From a form file, form data (dict), a VanBan or a Form already read."""
        if isinstance(form, MergeForm):
            return form
        if isinstance(form, Form):
            return cls.of(form)
        if isinstance(form, VanBan):
            return cls.of(Form(form.model_dump(by_alias=True, exclude_unset=True)))
        if isinstance(form, Mapping):
            return cls.of(Form(copy.deepcopy(dict(form))))
        return cls.of(Form.read(form))

    @classmethod
    def of(cls, form: Form) -> "MergeForm":
        if not isinstance(form.data, dict):
            return cls(form.data, form.positions, form.name, form.folder)  # model() explains it
        data = dict(form.data)
        listed = data.pop(ROWS_KEY, None)
        rows = _rows_from_data(listed, form.positions, form.name, ROWS_KEY) if listed else []
        return cls(data, form.positions, form.name, form.folder, list(_slots(data, ())), rows)

    @property
    def placeholder_names(self) -> list[str]:
        return list(dict.fromkeys(n for slot in self.slots for n in slot.names))

    def document(self) -> VanBan:
        """The form as one document, placeholders printed as they stand."""
        return self.model(VanBan)

    def unfilled(self) -> list[str]:
        return unfilled(self.data)

    def malformed(self) -> list[Problem]:
        """Texts with a '«' that opens no placeholder (in a merge, every
        guillemet pair is a placeholder)."""
        return [self._at(slot.path, "Chỗ trộn thư viết sai: viết «tên cột», ví dụ «ho_ten»; thiếu dấu » hoặc tên",
                         "malformed placeholder: write «column», e.g. «ho_ten»; a » or the name is missing")
                for slot in self.slots if "«" in PLACEHOLDER.sub("", slot.text) or "" in slot.names]

    def _at(self, path: tuple, vi: str, en: str) -> Problem:
        where = join_path(path)
        line, column = self.positions.get(where, (None, None))
        return Problem(path=where, vi=vi, en=en, file=self.name, line=line, column=column)


def unfilled(data: Any) -> list[str]:
    """Placeholders that look like column names (``«ho_ten»``), which a
    document rendered without rows prints as they stand."""
    names = dict.fromkeys(n for slot in _slots(data, ()) for n in slot.names)
    return [n for n in names if _COLUMN_LIKE.match(n)]


def placeholders(text: str) -> list[str]:
    """The column names a text asks for: 'Kính gửi «ten».' → ['ten']."""
    return PLACEHOLDER.findall(text)


def _slots(node: Any, path: tuple) -> Iterator[Slot]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _slots(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _slots(value, path + (index,))
    elif isinstance(node, str) and "«" in node:
        yield Slot(path, node, tuple(placeholders(node)))


# ---------------------------------------------------------------------------
# Columns that set a field by its path


@dataclass(frozen=True)
class FieldColumn:
    column: str
    path: tuple[str | int, ...]
    is_list: bool


def field_columns(columns: Iterable[str], name: str | None = None) -> list[FieldColumn]:
    """The columns whose header is a field path of the form; an unknown path
    under a real field (``nguoi_ky.hoten``) is refused with a suggestion."""
    found = []
    for column in columns:
        if not _COLUMN_LIKE.match(column) or column.split(".")[0].split("[")[0] not in VanBan.model_fields:
            continue
        parts = tuple(int(i) if i else f for f, i in _PATH_PART.findall(column))
        annotation = _annotation_at(parts, column, name)
        found.append(FieldColumn(column, parts, isinstance(parts[-1], str) and _list_item(annotation) is not None))
    return found


def _annotation_at(parts: tuple, column: str, name: str | None) -> Any:
    """The type the model declares at a field path, walking lists and unions."""
    annotation: Any = VanBan
    for part in parts:
        if isinstance(part, int):
            known, step = [], _list_item(annotation)
        else:
            fields = {k: f for model in reversed(_models_in(annotation)) for k, f in model.model_fields.items()}
            known, step = list(fields), fields[part].annotation if part in fields else None
        if step is None:
            close = difflib.get_close_matches(str(part), known, n=1)
            hint = (f"; có phải '{close[0]}'?", f"; did you mean '{close[0]}'?") if close else ("", "")
            raise FormError([Problem(column, f"Cột '{column}' không phải trường của biểu mẫu{hint[0]}",
                                     f"column '{column}' is not a field of the form{hint[1]}", name,
                                     1 if name else None)])
        annotation = step
    return annotation


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models a field may hold: a body block may be Muc, Khoan, Gach …"""
    return [a for a in _alternatives(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]


def _list_item(annotation: Any) -> Any:
    return next((typing.get_args(a)[0] for a in _alternatives(annotation) if typing.get_origin(a) is list), None)


def _put(data: dict, path: tuple, value: Any) -> None:
    """Set data at path, creating the groups on the way; raises LookupError."""
    node: Any = data
    for here, after in zip(path, path[1:]):
        if isinstance(here, int):
            if here >= len(node):
                raise IndexError(len(node))
            node = node[here]
        else:
            if node.get(here) is None:
                node[here] = [] if isinstance(after, int) else {}
            node = node[here]
        if not isinstance(node, list if isinstance(after, int) else dict):
            raise LookupError(join_path(path))
    last = path[-1]
    if isinstance(last, int):
        if last > len(node):
            raise IndexError(len(node))
        node[last:last + 1] = [value]
    else:
        node[last] = value


# ---------------------------------------------------------------------------
# One row → one document


@dataclass(frozen=True)
class Plan:
    """Everything a worker needs to turn a row into a document (picklable)."""

    form: MergeForm
    fields: tuple[FieldColumn, ...]
    template: str | None = None


def plan(form: MergeForm, rows: list[Row], template: str | os.PathLike[str] | None = None) -> Plan:
    """Check once what every row would otherwise repeat: every column the form
    uses exists, field columns are real fields, the rest of the form is valid."""
    if form.malformed():
        raise FormError(form.malformed())
    columns = list(dict.fromkeys(c for row in rows for c in row.values))
    known = {_key(c) for c in columns}
    missing = [n for n in form.placeholder_names if _key(n) not in known]
    if missing:
        slot = next(s for s in form.slots if missing[0] in s.names)
        listed = ", ".join(columns) or "—"
        source = rows[0].file or "danh sách"
        raise FormError([form._at(slot.path, f"Biểu mẫu dùng «{missing[0]}» nhưng {source} không có cột"
                                  f" '{missing[0]}' (các cột: {listed}); dòng đầu của tệp CSV phải là tên cột",
                                  f"the form uses «{missing[0]}» but {source} has no column '{missing[0]}'"
                                  f" (columns: {listed}); the CSV's first row must name the columns")])
    fields = tuple(field_columns(columns, rows[0].file))
    _check_rest_of_form(form, [f.path for f in fields] + [s.path for s in form.slots])
    return Plan(form, fields, str(template) if template is not None else None)


def _check_rest_of_form(form: MergeForm, personal: list[tuple]) -> None:
    """Problems in the parts no row changes are the form's, reported once."""
    try:
        form.model(VanBan)
    except FormError as exc:
        mine = [p for p in exc.problems if not any(_related(p.path, join_path(path)) for path in personal)]
        if mine:
            raise FormError(mine) from None


def _related(a: str, b: str) -> bool:
    return a == b or a.startswith((b + ".", b + "[")) or b.startswith((a + ".", a + "["))


def personalise(plan: Plan, row: Row) -> tuple[VanBan | None, tuple[Problem, ...]]:
    """The row's document, or the row's problems."""
    if row.problems:
        return None, row.problems
    values, problems = _placeholder_values(plan.form, row)
    if problems:
        return None, problems
    data = copy.deepcopy(plan.form.data)
    for slot in plan.form.slots:
        problems += _fill(data, slot, values, row)
    for column in plan.fields:
        problems += _set_field(data, column, row)
    if problems:
        return None, tuple(problems)
    try:
        return plan.form.model(VanBan, data), ()
    except FormError as exc:
        return None, tuple(_locate_in_row(p, plan, row) for p in exc.problems)


def _placeholder_values(form: MergeForm, row: Row) -> tuple[dict[str, str], list[Problem]]:
    """The row's text for every placeholder, or one problem per missing/empty cell."""
    cells = {_key(column): value for column, value in row.values.items()}
    values, problems = {}, []
    for name in form.placeholder_names:
        value = cells.get(_key(name))
        where = ", ".join(join_path(s.path) for s in form.slots if name in s.names)
        if value is None:
            problems.append(row.problem(name, f"Dòng này thiếu ô '{name}' mà biểu mẫu dùng ở {where}",
                                        f"this row has no cell '{name}', which the form uses in {where}"))
        elif not isinstance(value, str):
            problems.append(row.problem(name, f"Ô '{name}' là danh sách, không đặt được vào «{name}»",
                                        f"cell '{name}' is a list and cannot go into «{name}»"))
        elif not value:
            problems.append(row.problem(name, f"Ô '{name}' để trống mà biểu mẫu dùng ở {where}",
                                        f"cell '{name}' is empty but the form uses it in {where}"))
        else:
            values[name] = value
    return values, problems


def _fill(data: dict, slot: Slot, values: Mapping[str, str], row: Row) -> list[Problem]:
    text = PLACEHOLDER.sub(lambda m: values[m.group(1)], slot.text)  # one pass: a value is never re-read
    emphasis = _emphasis_from_values(slot.text, text, values)
    if emphasis:
        return [row.problem(emphasis, f"Ô '{emphasis}' có dấu '*' sẽ bị đọc thành chữ đậm/nghiêng ở"
                            f" {join_path(slot.path)}", f"cell '{emphasis}' holds '*' that would turn into"
                            f" bold/italic in {join_path(slot.path)}", values[emphasis])]
    _put(data, slot.path, text)
    return []


def _emphasis_from_values(template: str, text: str, values: Mapping[str, str]) -> str | None:
    """The column whose '*' would be read as Markdown emphasis, if any (the
    body's '**bold**' has no escape, and a value must print as typed)."""
    uses = placeholders(template)
    starred = [n for n in dict.fromkeys(uses) if "*" in values[n]]
    if not starred:
        return None
    expected = inline.plain(PLACEHOLDER.sub("x", template)).count("*") + sum(
        values[n].count("*") * uses.count(n) for n in starred)
    return starred[0] if inline.plain(text).count("*") != expected else None


def _set_field(data: dict, column: FieldColumn, row: Row) -> list[Problem]:
    value = row.values.get(column.column)
    if value is None or value == "" or value == ():
        return []  # an empty cell keeps what the form says
    if column.is_list:
        value = [line.strip() for line in (value.split("\n") if isinstance(value, str) else value) if line.strip()]
    elif not isinstance(value, str):
        value = "\n".join(value)
    try:
        _put(data, column.path, value)
    except IndexError as exc:
        return [row.problem(column.column, f"Biểu mẫu chỉ có {exc.args[0]} mục, không có {column.column}",
                            f"the form has only {exc.args[0]} item(s), so there is no {column.column}")]
    except LookupError:
        return [row.problem(column.column, f"Không đặt được {column.column}: trường này trong biểu mẫu là chữ,"
                            " không phải nhóm trường", f"cannot set {column.column}: the form has text there,"
                            " not a group of fields")]
    return []


def _locate_in_row(problem: Problem, plan: Plan, row: Row) -> Problem:
    """A problem in a field a column set points at the row, not the form."""
    for column in plan.fields:
        if _related(problem.path, join_path(column.path)):
            return replace(problem, file=row.file, line=row.line if row.file else None, column=None)
    return problem


# ---------------------------------------------------------------------------
# Rows → files


@dataclass(frozen=True)
class MergeResult:
    """What became of one row: the file written, or why not."""

    row: Row
    path: Path | None = None
    problems: tuple[Problem, ...] = ()
    doc: VanBan | None = None  # set by documents(); each() writes files instead
    cannot_write: bool = False  # the document was fine, the file system refused it

    @property
    def ok(self) -> bool:
        return not self.problems

    def __str__(self) -> str:
        head = f"dòng {self.row.line} / row {self.row.line}"
        if self.ok:
            return f"{head}: {self.path}" if self.path else head
        return "\n".join(f"{head}: {p}" for p in self.problems)


def documents(form: Any, rows: Iterable[Row | Mapping[str, Any]] | str | os.PathLike[str] | None = None) -> Iterator[MergeResult]:
    """Validated documents, one per row, without writing anything."""
    merge_form, row_list = _inputs(form, rows)
    the_plan = plan(merge_form, row_list)
    for row in row_list:
        doc, problems = personalise(the_plan, row)
        yield MergeResult(row, problems=problems, doc=doc)


def each(form: Any, rows: Iterable[Row | Mapping[str, Any]] | str | os.PathLike[str] | None = None, *,
         outdir: str | os.PathLike[str], name: str | None = None, template: str | os.PathLike[str] | None = None,
         jobs: int = 1) -> Iterator[MergeResult]:
    """Write one DOCX per row into ``outdir``; yield each row's result in order.

    ``form``: a form file, form data or a VanBan.  ``rows``: a CSV/YAML/JSON
    file, Rows or mappings, or None for the form's own ``danh_sach`` list.
    ``name``: the file-name pattern (default ``{stt:03d}-{nguoi_nhan}``): any
    column, ``stt``, ``dong`` (the row's line) and ``nguoi_nhan`` (the first
    addressee of the row's document); names are made safe for every file
    system and a repeated name gets " (2)" instead of overwriting.
    ``jobs``: processes rendering in parallel (0: one per core).

    Problems that concern every row (a column the form uses is absent, a bad
    pattern, an invalid form) raise FormError before anything is written.
    """
    _check_jobs(jobs)
    merge_form, row_list = _inputs(form, rows)
    the_plan = plan(merge_form, row_list, template)
    pattern = NamePattern.parse(name or DEFAULT_NAME, row_list)
    folder = Path(outdir)
    folder.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    for done in _render_all(the_plan, row_list, jobs):
        if done.problems:
            yield MergeResult(done.row, problems=done.problems)
            continue
        path = folder / safe_file_name(pattern.format(done.row, done.recipient), ".docx", used)
        yield _write(done.row, path, done.data)


#: More processes than this only cost memory: rendering a letter takes a millisecond.
MAX_JOBS = 32


def _check_jobs(jobs: int) -> None:
    if isinstance(jobs, bool) or not isinstance(jobs, int) or not 0 <= jobs <= MAX_JOBS:
        raise FormError([Problem("--jobs", f"Số tiến trình {jobs} không hợp lệ: từ 0 (mọi lõi) đến {MAX_JOBS}",
                                 f"{jobs} processes is not allowed: 0 (every core) to {MAX_JOBS}", value=str(jobs))])


def _inputs(form: Any, rows: Any) -> tuple[MergeForm, list[Row]]:
    merge_form = MergeForm.read(form)
    if rows is None:
        row_list = merge_form.rows
    elif isinstance(rows, (str, os.PathLike)):
        row_list = read_rows(rows)
    else:
        row_list = rows_from(rows)
    if not row_list:
        raise FormError([Problem(ROWS_KEY, "Chưa có danh sách để trộn thư: dùng --each DANH_SACH.csv hoặc"
                                 f" khóa {ROWS_KEY} trong biểu mẫu", "no rows to merge: use --each LIST.csv"
                                 f" or the form key {ROWS_KEY}", merge_form.name)])
    return merge_form, row_list


def _write(row: Row, path: Path, data: bytes) -> MergeResult:
    from .docx.package import write_atomic

    try:
        return MergeResult(row, write_atomic(path, data))
    except OSError as exc:
        refused = getattr(exc, "problems", None)  # the output policy's own bilingual reason
        vi, en = (refused[0].vi, refused[0].en) if refused else (exc.strerror or str(exc),) * 2
        return MergeResult(row, problems=(row.problem("", f"Không ghi được tệp {path}: {vi}",
                                                      f"cannot write {path}: {en}"),), cannot_write=True)


class _Rendered(typing.NamedTuple):
    row: Row
    data: bytes | None
    problems: tuple[Problem, ...]
    recipient: str = ""


# Rendering runs in this process or in a pool; files are named and written here,
# so names are unique and a failed row never takes a name.
_WORKER_PLAN: Plan | None = None


def _render_all(the_plan: Plan, rows: list[Row], jobs: int) -> Iterator[_Rendered]:
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(rows)))
    if jobs == 1:
        yield from (_render_row(the_plan, row) for row in rows)
        return
    with multiprocessing.get_context().Pool(jobs, initializer=_start_worker, initargs=(the_plan,)) as pool:
        yield from pool.imap(_render_in_worker, rows, chunksize=max(1, min(16, len(rows) // (jobs * 8))))


def _start_worker(the_plan: Plan) -> None:
    global _WORKER_PLAN
    _WORKER_PLAN = the_plan


def _render_in_worker(row: Row) -> _Rendered:
    assert _WORKER_PLAN is not None
    return _render_row(_WORKER_PLAN, row)


def _render_row(the_plan: Plan, row: Row) -> _Rendered:
    from .render import render_bytes

    doc, problems = personalise(the_plan, row)
    if doc is None:
        return _Rendered(row, None, problems)
    try:
        return _Rendered(row, render_bytes(doc, the_plan.template), (), recipient(doc))
    except CongVanError as exc:
        return _Rendered(row, None, tuple(exc.problems))


# ---------------------------------------------------------------------------
# File names

#: Files are numbered in row order and named after whom each document is for.
DEFAULT_NAME = "{stt:03d}-{nguoi_nhan}"
RECIPIENT_CHARS = 80


def recipient(doc: VanBan) -> str:
    """Whom the document is for, short enough for a file name: the first
    Kính gửi, the invitee, the person introduced or on leave, or the first
    Nơi nhận."""
    first_recipient = doc.noi_nhan[0] if doc.noi_nhan else None
    candidates = [doc.kinh_gui[0] if doc.kinh_gui else None,
                  doc.giay_moi and doc.giay_moi.kinh_moi,
                  doc.gioi_thieu and doc.gioi_thieu.ong_ba,
                  doc.nghi_phep and doc.nghi_phep.ong_ba,
                  getattr(first_recipient, "ten", None) or (first_recipient.nhom[0] if hasattr(first_recipient, "nhom")
                                                             else first_recipient)]
    text = " ".join(next((c for c in candidates if c), "").split())
    if len(text) <= RECIPIENT_CHARS:
        return text
    return text[:RECIPIENT_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:")


@dataclass(frozen=True)
class NamePattern:
    """A file-name pattern: ``{stt:03d}-{ten}.docx`` (str.format-like fields)."""

    text: str

    @classmethod
    def parse(cls, text: str, rows: list[Row]) -> "NamePattern":
        columns = list(dict.fromkeys(c for row in rows for c in row.values))
        known = {_key(c) for c in columns} | set(BUILT_IN_NAMES)
        for match in _NAME_FIELD.finditer(text):
            field_name, spec = match.group(1), match.group(2) or ""
            if _key(field_name) not in known:
                listed = ", ".join([*BUILT_IN_NAMES, *columns])
                raise _name_error(text, f"dùng {{{field_name}}} nhưng không có cột đó (dùng được: {listed})",
                                  f"uses {{{field_name}}}, which is not a column (known: {listed})")
            if not _spec_ok(spec):
                raise _name_error(text, f"có định dạng '{spec}' không hợp lệ (ví dụ đúng: {{stt:03d}};"
                                  f" độ rộng tối đa {MAX_NAME_WIDTH})",
                                  f"has an invalid format '{spec}' (e.g. {{stt:03d}}; at most {MAX_NAME_WIDTH} wide)")
        return cls(text[:-5] if text.lower().endswith(".docx") else text)

    def format(self, row: Row, recipient: str = "") -> str:
        cells = {_key(c): v for c, v in row.values.items()}
        builtins = {"stt": str(row.stt), "dong": str(row.line), "nguoi_nhan": recipient}
        for key, value in builtins.items():
            cells.setdefault(key, value)  # a column of that name wins (spreadsheets often have STT)

        def one(match: re.Match) -> str:
            value = cells.get(_key(match.group(1)))
            value = ", ".join(value) if isinstance(value, tuple) else (value or "")
            spec = match.group(2) or ""
            try:
                return format(int(value) if value.isdigit() else value, spec)
            except ValueError:
                return value
        return _NAME_FIELD.sub(one, self.text)


#: The widest field in a file-name pattern: a file name holds at most 255 bytes.
MAX_NAME_WIDTH = 64
_WIDTHS = re.compile(r"\d+")


def _spec_ok(spec: str) -> bool:
    # Checked before formatting: '{stt:1000000000d}' would build a 1 GB string (23 s, 1 GB measured).
    if any(int(width) > MAX_NAME_WIDTH for width in _WIDTHS.findall(spec)):
        return False
    for sample in (1, "x"):
        try:
            format(sample, spec)
            return True
        except ValueError:
            pass
    return False


def _name_error(pattern: str, vi: str, en: str) -> FormError:
    return FormError([Problem("--name", f"Mẫu tên tệp '{pattern}' {vi}", f"the file-name pattern '{pattern}' {en}",
                              value=pattern)])
