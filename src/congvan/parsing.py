"""Form text (YAML or JSON) → plain data and the position of every field, with
guards that stop *while* reading, not after.

A form is a document a clerk may receive from elsewhere, so the reader assumes
nothing about it:

- YAML is composed by a Composer that counts nodes and depth as it goes and
  watches a deadline: a 2.4 MB form of 1.2 million scalars is refused after
  ``MAX_NODES`` nodes instead of being built in full (34 s and 808 MB before);
- explicit tags are refused by name (``!foo``, ``!!timestamp 2024-02-30``,
  ``!!binary``): a form holds text, numbers, true/false, lists and mappings;
- numbers a document never needs are refused by name: integers of more than
  ``MAX_INT_DIGITS`` digits, floats that overflow (``1e400`` → inf), NaN;
- JSON is parsed as JSON by the ``json`` module (fast, exact), then a small
  position finder walks the text once for line:column of every field,
  counting nodes and depth, and refusing a key written twice with its place.

Every problem is a located, bilingual FormError, never a traceback.
"""

from __future__ import annotations

import bisect
import json
import math
import re
import time
import unicodedata
from json.decoder import scanstring
from json.scanner import NUMBER_RE
from typing import Any

import yaml

from .errors import FormError, Position, Problem, join_path

MAX_NODES = 200_000  # a 10,000-task plan is ~50,000; also guards against alias bombs ("billion laughs")
MAX_DEPTH = 64
MAX_INT_DIGITS = 18  # a document number has at most 5 digits, an amount in đồng at most 15
PARSE_SECONDS = 10.0  # a real form parses in milliseconds

_STR, _INT, _FLOAT, _BOOL, _NULL = (f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null"))
_SEQ, _MAP, _MERGE = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", "tag:yaml.org,2002:merge"
_SCALAR_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _MERGE}


def problem(name: str | None, vi: str, en: str, line: int | None = None, column: int | None = None,
            path: str = "", *, code: str) -> FormError:
    return FormError([Problem(path=path, vi=vi, en=en, file=name, line=line, column=column, code=code)])


def too_deep(name: str | None, line: int | None = None, column: int | None = None) -> FormError:
    return problem(name, f"Biểu mẫu lồng quá sâu (quá {MAX_DEPTH} cấp)", f"the form is nested deeper than {MAX_DEPTH} levels",
                   line, column, code="too-deep")


def too_large(name: str | None, line: int | None = None, column: int | None = None) -> FormError:
    return problem(name, f"Biểu mẫu quá lớn: hơn {MAX_NODES:,} mục (alias/anchor?)".replace(",", "."),
                   f"the form is too large: more than {MAX_NODES:,} items (aliases?)", line, column,
                   code="too-large")


def too_slow(name: str | None, line: int | None = None, column: int | None = None) -> FormError:
    return problem(name, f"Đọc biểu mẫu quá {PARSE_SECONDS:g} giây: biểu mẫu quá lớn",
                   f"reading the form took over {PARSE_SECONDS:g} s: the form is too large", line, column,
                   code="too-large")


def _bad_number(name, text: str, line=None, column=None, path="") -> FormError:
    shown = text if len(text) <= 24 else f"{text[:12]}…({len(text)} ký tự / characters)"
    return problem(name, f"Số {shown} quá lớn hoặc không hữu hạn: văn bản không cần số có hơn {MAX_INT_DIGITS} chữ số",
                   f"the number {shown} is too large or not finite: a document needs no number of more than"
                   f" {MAX_INT_DIGITS} digits", line, column, path, code="number-too-large")


# --- YAML ------------------------------------------------------------------------------------

class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-like scalars (fewer surprises for clerks) and a
    Composer that counts nodes and depth, and watches the clock, as it composes."""

    def __init__(self, stream):
        super().__init__(stream)
        self.form_name: str | None = None
        self._nodes = 0
        self._depth = 0
        self._deadline = time.monotonic() + PARSE_SECONDS

    def compose_node(self, parent, index):
        self._nodes += 1
        self._depth += 1
        try:
            if self._nodes > MAX_NODES or self._depth > MAX_DEPTH or not self._nodes % 4096:
                mark = self.peek_event().start_mark
                where = (self.form_name, mark.line + 1, mark.column + 1)
                if self._nodes > MAX_NODES:
                    raise too_large(*where)
                if self._depth > MAX_DEPTH:
                    raise too_deep(*where)
                if time.monotonic() > self._deadline:
                    raise too_slow(*where)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_Loader.yaml_implicit_resolvers = {
    # a lone "=" is text, not YAML 1.1's value key
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in (_BOOL, "tag:yaml.org,2002:timestamp", _INT, _FLOAT, "tag:yaml.org,2002:value")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Loader.add_implicit_resolver(_INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Loader.add_implicit_resolver(_FLOAT, re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
                              list("-+0123456789."))


def parse_yaml(text: str, name: str | None = None) -> tuple[Any, dict[str, Position]]:
    loader = _Loader(text)
    loader.form_name = name
    try:
        root = loader.get_single_node()
    except RecursionError:
        raise too_deep(name) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        vi = f"Lỗi cú pháp YAML: {exc.problem or exc.context}"
        raise problem(name, vi + _yaml_hint(exc), f"YAML syntax error: {exc.problem or exc.context}",
                      mark.line + 1 if mark else None, mark.column + 1 if mark else None, code="syntax") from None
    except yaml.YAMLError as exc:
        raise problem(name, f"Lỗi đọc YAML: {exc}", f"YAML error: {exc}", code="syntax") from None
    finally:
        loader.dispose()
    if root is None:
        raise problem(name, "Biểu mẫu trống", "the form is empty", 1, 1, code="empty-form")
    builder = _Builder(name)
    return builder.build(root, [], 0), builder.positions


def _yaml_hint(exc: yaml.MarkedYAMLError) -> str:
    text = str(exc.problem or "")
    if "mapping values are not allowed" in text:
        return " (dòng có dấu ':' trong nội dung? hãy đặt cả nội dung trong dấu nháy \"…\")"
    if "found character '\\t'" in text:
        return " (không dùng phím Tab để thụt lề, dùng dấu cách)"
    return ""


class _Builder:
    """Turns composed YAML nodes into plain data, recording positions; counts
    nodes again here, because aliases make a small tree expand."""

    def __init__(self, name: str | None):
        self.name = name
        self.positions: dict[str, Position] = {"": (1, 1)}
        self.nodes = 0
        self.constructor = _Loader("")

    def build(self, node: yaml.Node, path: list, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES or depth > MAX_DEPTH:
            raise problem(self.name, "Biểu mẫu quá lớn hoặc lồng quá sâu (alias/anchor?)",
                          "the form is too large or too deeply nested (aliases?)", *_at(node), code="too-large")
        if isinstance(node, yaml.MappingNode):
            self._tag(node, _MAP, path)
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            self._tag(node, _SEQ, path)
            items = []
            for index, item in enumerate(node.value):
                self._mark(path + [index], item)
                items.append(self.build(item, path + [index], depth + 1))
            return items
        return self.scalar(node, path)

    def scalar(self, node: yaml.ScalarNode, path: list) -> Any:
        self._tag(node, None, path)
        if node.tag == _INT and len(node.value.lstrip("+-").lstrip("0")) > MAX_INT_DIGITS:
            raise _bad_number(self.name, node.value, *_at(node), join_path(path))
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise problem(self.name, f"Giá trị '{node.value[:40]}' không đọc được ({exc})",
                          f"the value '{node.value[:40]}' cannot be read ({exc})", *_at(node), join_path(path),
                          code="syntax") from None
        if isinstance(value, float) and not math.isfinite(value):
            raise _bad_number(self.name, node.value, *_at(node), join_path(path))
        return value

    def _tag(self, node: yaml.Node, expected: str | None, path: list) -> None:
        if (node.tag == expected) if expected else (node.tag in _SCALAR_TAGS):
            return
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise problem(self.name, f"Thẻ YAML {tag} không được dùng trong biểu mẫu: ghi giá trị như văn bản thường"
                      " (ngày: \"15/7/2025\")",
                      f"the YAML tag {tag} is not allowed in a form: write the value as plain text"
                      " (dates: \"15/7/2025\")", *_at(node), join_path(path), code="yaml-tag")

    def _mapping(self, node: yaml.MappingNode, path: list, depth: int) -> dict:
        self.constructor.flatten_mapping(node)  # resolves "<<" merge keys
        data: dict = {}
        for key_node, value_node in node.value:
            key = unicodedata.normalize("NFC", str(self.scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode)
                                                   else self.build(key_node, path, depth + 1)))
            where = path + [key]
            if key in data:
                raise problem(
                    self.name, f"Khóa '{key}' bị ghi hai lần; lần sau sẽ xóa mất lần trước",
                    f"key '{key}' is written twice; the second would silently replace the first",
                    *_at(key_node), join_path(where), code="duplicate-key",
                )
            self._mark(where, key_node)
            data[key] = self.build(value_node, where, depth + 1)
        return data

    def _mark(self, path: list, node: yaml.Node) -> None:
        self.positions.setdefault(join_path(path), _at(node))


def _at(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


# --- JSON ------------------------------------------------------------------------------------

def parse_json(text: str, name: str | None = None) -> tuple[Any, dict[str, Position]]:
    """JSON by the json module, with number guards; then positions, duplicates,
    node count and depth from one walk over the text."""
    def big_int(digits: str) -> int:
        if len(digits.lstrip("-").lstrip("0")) > MAX_INT_DIGITS:
            raise _NumberRefused(digits)
        return int(digits)

    def finite(digits: str) -> float:
        value = float(digits)
        if not math.isfinite(value):
            raise _NumberRefused(digits)
        return value

    def constant(word: str) -> float:
        raise _NumberRefused(word)

    try:
        data = json.loads(text, parse_int=big_int, parse_float=finite, parse_constant=constant)
    except _NumberRefused as exc:
        finder = _Positions(text, name)
        index = text.find(exc.args[0])
        raise _bad_number(name, exc.args[0], *finder.where(max(index, 0))) from None
    except RecursionError:
        raise too_deep(name) from None
    except json.JSONDecodeError as exc:
        raise problem(name, f"Lỗi cú pháp JSON: {exc.msg}", f"JSON syntax error: {exc.msg}", exc.lineno, exc.colno,
                      code="syntax") from None
    finder = _Positions(text, name)
    finder.walk()
    return data, finder.positions


class _NumberRefused(ValueError):
    pass


_WS = re.compile(r"[ \t\n\r]*")


class _Positions:
    """line:column of every field path of a JSON text already known to be valid."""

    def __init__(self, text: str, name: str | None):
        self.text, self.name = text, name
        self.lines = [0] + [m.end() for m in re.finditer("\n", text)]
        self.positions: dict[str, Position] = {"": (1, 1)}
        self.nodes = 0

    def where(self, index: int) -> Position:
        line = bisect.bisect_right(self.lines, index)
        return line, index - self.lines[line - 1] + 1

    def walk(self) -> None:
        self._value(_WS.match(self.text, 0).end(), [], 0)

    def _value(self, i: int, path: list, depth: int) -> int:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise too_large(self.name, *self.where(i))
        if depth > MAX_DEPTH:
            raise too_deep(self.name, *self.where(i))
        char = self.text[i]
        if char == "{":
            return self._object(i + 1, path, depth)
        if char == "[":
            return self._array(i + 1, path, depth)
        if char == '"':
            return scanstring(self.text, i + 1)[1]
        match = NUMBER_RE.match(self.text, i)
        if match:
            return match.end()
        for word in ("true", "false", "null"):
            if self.text.startswith(word, i):
                return i + len(word)
        raise problem(self.name, "Lỗi cú pháp JSON", "JSON syntax error", *self.where(i), code="syntax")  # not reached: loads passed

    def _object(self, i: int, path: list, depth: int) -> int:
        seen: set[str] = set()
        i = self._skip(i)
        if self.text[i] == "}":
            return i + 1
        while True:
            start = i
            key, i = scanstring(self.text, i + 1)
            where = path + [key]
            if key in seen:
                raise problem(self.name, f"Khóa '{key}' bị lặp: ghi hai lần, lần sau sẽ xóa mất lần trước",
                              f"duplicate key '{key}': written twice, the second would silently replace the first",
                              *self.where(start), join_path(where), code="duplicate-key")
            seen.add(key)
            self.positions.setdefault(join_path(where), self.where(start))
            i = self._value(self._skip(self._skip(i) + 1), where, depth + 1)
            i = self._skip(i)
            if self.text[i] == ",":
                i = self._skip(i + 1)
                continue
            return i + 1

    def _array(self, i: int, path: list, depth: int) -> int:
        i = self._skip(i)
        if self.text[i] == "]":
            return i + 1
        index = 0
        while True:
            self.positions.setdefault(join_path(path + [index]), self.where(i))
            i = self._skip(self._value(i, path + [index], depth + 1))
            if self.text[i] == ",":
                i, index = self._skip(i + 1), index + 1
                continue
            return i + 1

    def _skip(self, i: int) -> int:
        return _WS.match(self.text, i).end()
