"""Footnotes (chú thích): ``[^1]`` in the text, the note's text beside it.

A clerk writes the marker where the note is referenced, Markdown style, and
the notes once for the whole document::

    can_cu:
      - Căn cứ Nghị quyết số 57-NQ/TW[^1] …
    chu_thich:
      1: Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị …

Keys are any word ("1", "nq57"); the printed numbers are 1, 2, 3 in the
order the notes are first referenced, restarting in every document.
Markers stand in the body's text: căn cứ, "Theo đề nghị", paragraphs,
items, table cells, and the bodies of appendices and attached texts.  A
marker without its note, a note nobody references and a marker anywhere
else are refused with the field's path.
"""

from __future__ import annotations

from typing import Annotated, Iterator

from pydantic import BaseModel, BeforeValidator, Field

from ..inline import note_keys
from .rule import Rule
from .text import Text


def _keys_as_text(value: object) -> object:
    # YAML reads "1:" as the number 1: a key is text.
    if isinstance(value, dict):
        return {str(k): v for k, v in value.items()}
    return value


#: The document's footnotes: key → text.
ChuThich = Annotated[
    dict[str, Text],
    BeforeValidator(_keys_as_text),
    Field(description="Chú thích cuối trang: khóa → nội dung; trong văn bản ghi [^khóa] tại chỗ dẫn"
          " / footnotes: key → text; reference one with [^key] in the text"),
]

#: Top-level fields whose text may reference a note, and the nested bodies.
_WITH_NOTES = ("can_cu", "theo_de_nghi", "noi_dung")
_BODIES = (("kem_theo", "noi_dung"), ("phu_luc", "noi_dung"))


def _strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    """(path, text) of every string under value, in reading order."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}")


def references(doc: BaseModel) -> list[tuple[str, str]]:
    """(path, key) of every marker where markers may stand, in reading order."""
    found: list[tuple[str, str]] = []
    for name in _WITH_NOTES:
        found += [(p, k) for p, text in _strings(getattr(doc, name), name) for k in note_keys(text)]
    for owner, field in _BODIES:
        value = getattr(doc, owner)
        items = value if isinstance(value, list) else [value] if value is not None else []
        for index, item in enumerate(items):
            where = f"{owner}[{index}]" if isinstance(value, list) else owner
            found += [(p, k) for p, text in _strings(getattr(item, field), f"{where}.{field}")
                      for k in note_keys(text)]
    return found


def _as_json(doc: BaseModel) -> bytes:
    try:
        return doc.__pydantic_serializer__.to_json(doc)
    except ValueError:  # cannot happen with the model's own types; then walk it all
        return b"[^"


def check(doc: BaseModel, notes: dict[str, str]) -> None:
    """Every marker has its note, every note is referenced, no marker elsewhere."""
    # Most documents have no notes: one pass of the fast serializer finds that out.
    if not notes and b"[^" not in _as_json(doc):
        return
    found = references(doc)
    allowed = {p for p, _ in found}
    for path, text in _strings(doc, ""):
        keys = note_keys(text)
        if keys and path not in allowed and not path.startswith("chu_thich"):
            raise Rule("footnote-misplaced",
                       f"chú thích [^{keys[0]}] chỉ đặt được trong nội dung, căn cứ và phụ lục"
                       " / a footnote marker may stand only in the body, the căn cứ and appendices", path)
    folded: dict[str, str] = {}
    for key, text in notes.items():
        if key.casefold() in folded:
            raise Rule("footnote-key-twice", f"khóa '{key}' trùng với '{folded[key.casefold()]}'"
                       f" / key '{key}' repeats '{folded[key.casefold()]}'", "chu_thich")
        folded[key.casefold()] = key
        if note_keys(text):
            raise Rule("footnote-in-footnote", f"chú thích '{key}' không được chứa dấu chú thích khác"
                       f" / note '{key}' must not reference another note", "chu_thich")
    used = set()
    for path, key in found:
        if key.casefold() not in folded:
            raise Rule("footnote-without-text", f"dấu chú thích [^{key}] chưa có nội dung trong chu_thich"
                       f" / the footnote marker [^{key}] has no text in chu_thich", path)
        used.add(key.casefold())
    for key in notes:
        if key.casefold() not in used:
            raise Rule("footnote-not-referenced",
                       f"chú thích '{key}' không được dẫn ở đâu (thiếu [^{key}] trong văn bản)"
                       f" / note '{key}' is never referenced (no [^{key}] in the text)", "chu_thich")
