"""Mail merge: one personalised document per row of a table.

A row personalises the form in two ways:

* a column named like a field of the form (``kinh_gui``, ``so``,
  ``nguoi_ky.ho_ten``, ``noi_nhan[0]``) sets that field;
* any column fills the placeholders ``«cột»`` (Word's merge-field marks) or
  ``[[cột]]`` written anywhere in the form's text.

Values are inserted as text, never interpreted: ``{{ x }}``, ``<b>`` or ``&``
in a cell print as typed.  Rows come from a CSV file (UTF-8, with or without
Excel's BOM; ``,`` ``;`` or tab) or from the form's own ``danh_sach`` list.

    for result in congvan.merge.each(form_data, rows, outdir="out"):
        print(result.row, result.path or result.problems)
"""

from __future__ import annotations

import copy
import csv
import io
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .errors import CongVanError, FormError, Problem
from .forms import MAX_BYTES, decode, validate_data
from .model import VanBan
from .naming import safe_file_name

PLACEHOLDER = re.compile(r"«\s*([^«»\n]+?)\s*»|\[\[\s*([^\[\]\n]+?)\s*\]\]")
DEFAULT_NAME = "{stt:03d}"
ROWS_KEY = "danh_sach"


@dataclass
class MergeResult:
    row: int  # 1-based data row (the CSV's line is row + 1 with its header)
    path: Path | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.path is not None


# --- rows ------------------------------------------------------------------------------

def read_rows(path: str | os.PathLike) -> list[dict[str, str]]:
    """The rows of a CSV file as dicts, header names as keys (NFC, trimmed)."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise FormError([Problem("", f"Không đọc được tệp {name}: {exc.strerror}",
                                 f"cannot read {name}: {exc.strerror}", file=name)]) from None
    if len(raw) > MAX_BYTES * 4:
        raise FormError([Problem("", "Tệp danh sách quá lớn", "the table file is too large", file=name)])
    text = decode(raw, name)  # refuses cp1258/TCVN3 with the line of the first bad byte
    return parse_rows(text, name)


def parse_rows(text: str, name: str = "<csv>") -> list[dict[str, str]]:
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        raise FormError([Problem("", "Tệp danh sách không có dòng tiêu đề cột",
                                 "the table has no header row", file=name, line=1)])
    keys = [unicodedata.normalize("NFC", h.strip()) for h in header]
    rows = []
    for line_no, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue  # Excel leaves empty lines at the end
        if len(cells) > len(keys):
            raise FormError([Problem("", f"Dòng {line_no} có {len(cells)} ô, nhiều hơn {len(keys)} cột tiêu đề",
                                     f"line {line_no} has {len(cells)} cells, more than the {len(keys)} columns",
                                     file=name, line=line_no)])
        values = [unicodedata.normalize("NFC", c.strip()) for c in cells] + [""] * (len(keys) - len(cells))
        rows.append(dict(zip(keys, values)))
    return rows


# --- one row -----------------------------------------------------------------------------

def placeholders(data: Any) -> set[str]:
    """Every «cột» / [[cột]] the form's text uses."""
    found: set[str] = set()
    for text in _strings(data):
        found.update(a or b for a, b in PLACEHOLDER.findall(text))
    return found


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def personalise(data: dict, row: dict[str, str]) -> dict:
    """A copy of the form's data with the row's fields set and placeholders filled."""
    out = _fill(copy.deepcopy(data), row)
    for column, value in row.items():
        if _is_field(column):
            _set(out, column, value)
    out.pop(ROWS_KEY, None)
    return out


def _fill(node: Any, row: dict[str, str]) -> Any:
    if isinstance(node, str):
        return PLACEHOLDER.sub(lambda m: row.get(m.group(1) or m.group(2), m.group(0)), node)
    if isinstance(node, dict):
        return {k: _fill(v, row) for k, v in node.items()}
    if isinstance(node, list):
        return [_fill(v, row) for v in node]
    return node


_PATH = re.compile(r"^[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*$")
_LIST_FIELDS = {"kinh_gui", "noi_nhan", "can_cu"}


def _is_field(column: str) -> bool:
    top = column.split(".")[0].split("[")[0]
    return bool(_PATH.match(column)) and top in VanBan.model_fields and top != ROWS_KEY


def _set(data: dict, path: str, value: str) -> None:
    parts = [p for p in re.split(r"\.|(\[\d+\])", path) if p]
    node: Any = data
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        key: Any = int(part[1:-1]) if part.startswith("[") else part
        if last:
            if isinstance(key, str) and key in _LIST_FIELDS and node is data:
                value = [v.strip() for v in value.split(";") if v.strip()]  # several addressees: "A; B"
            if isinstance(node, list):
                while len(node) <= key:
                    node.append("")
            node[key] = value
            return
        nxt = parts[i + 1]
        default: Any = [] if nxt.startswith("[") else {}
        if isinstance(node, list):
            while len(node) <= key:
                node.append(copy.deepcopy(default))
            node = node[key]
        else:
            node = node.setdefault(key, default)


# --- the batch -----------------------------------------------------------------------------

def check_columns(data: dict, rows: list[dict[str, str]], file: str | None = None) -> None:
    """Refuse a table that lacks a column the form uses, before writing anything."""
    if not rows:
        raise FormError([Problem("", "Danh sách không có dòng nào", "the table has no rows", file=file)])
    missing = sorted(placeholders(data) - set(rows[0]))
    if missing:
        listed = ", ".join(missing)
        raise FormError([Problem("", f"Biểu mẫu dùng cột không có trong danh sách: {listed}",
                                 f"the form uses columns the table does not have: {listed}", file=file, line=1)])


def file_name(pattern: str, n: int, row: dict[str, str]) -> str:
    values = {"stt": n, **{k: v for k, v in row.items() if k.isidentifier()}}
    try:
        stem = pattern.format_map(values)
    except (KeyError, ValueError, IndexError) as exc:
        raise FormError([Problem("--name", f"Mẫu tên tệp '{pattern}' không dùng được: {exc}",
                                 f"file name pattern '{pattern}' is not usable: {exc}")]) from None
    return stem[:-5] if stem.lower().endswith(".docx") else stem


def plan(data: dict, rows: Iterable[dict[str, str]], outdir: str | os.PathLike = ".", name: str = DEFAULT_NAME,
         file: str | None = None) -> list[tuple[int, dict[str, str], Path]]:
    """(row number, row, output path) for every row; names made unique here,
    once, so that no two rows ever write the same file, however many processes render."""
    rows = list(rows)
    check_columns(data, rows, file)
    used: set[str] = set()
    return [(n, row, Path(outdir) / safe_file_name(file_name(name, n, row), ".docx", used))
            for n, row in enumerate(rows, start=1)]


def render_row(data: dict, n: int, row: dict[str, str], path: Path, file: str | None = None) -> MergeResult:
    """One row's document, or its problems (field paths prefixed with the row)."""
    from .render import render

    empty = sorted(c for c in placeholders(data) if not row.get(c))
    if empty:
        listed = ", ".join(empty)
        return MergeResult(n, problems=[Problem(f"dòng {n}", f"ô trống ở cột {listed}", f"empty cell in {listed}",
                                                file=file, line=n + 1)])
    try:
        render(validate_data(VanBan, personalise(data, row), None, file), path)
    except CongVanError as exc:
        return MergeResult(n, problems=[_in_row(p, n, file) for p in exc.problems])
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return MergeResult(n, problems=[Problem(f"dòng {n}", f"không ghi được tệp: {reason}",
                                                f"cannot write the file: {reason}", file=file, line=n + 1)])
    return MergeResult(n, path=path)


def each(data: dict, rows: Iterable[dict[str, str]], outdir: str | os.PathLike = ".",
         name: str = DEFAULT_NAME, file: str | None = None, jobs: int = 1) -> Iterator[MergeResult]:
    """Render one document per row; yields each row's result as it is done
    (in row order).  A bad row yields its problems and the batch goes on;
    each file is written atomically.  jobs > 1 renders in that many processes."""
    entries = plan(data, rows, outdir, name, file)
    if jobs <= 1 or len(entries) < 2:
        for n, row, path in entries:
            yield render_row(data, n, row, path, file)
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(jobs, initializer=_init_worker, initargs=(data, file)) as pool:
        yield from pool.imap(_worker, entries, chunksize=max(1, min(64, len(entries) // (jobs * 4))))


_WORKER: dict[str, Any] = {}


def _init_worker(data: dict, file: str | None) -> None:
    _WORKER.update(data=data, file=file)


def _worker(entry: tuple[int, dict[str, str], Path]) -> MergeResult:
    n, row, path = entry
    return render_row(_WORKER["data"], n, row, path, _WORKER["file"])


def _in_row(p: Problem, n: int, file: str | None) -> Problem:
    return Problem(f"dòng {n}: {p.path}" if p.path else f"dòng {n}", p.vi, p.en, file=file, line=n + 1, value=p.value)
