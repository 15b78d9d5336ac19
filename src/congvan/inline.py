"""Inline emphasis in body text, written as Markdown: ``**bold**``, ``*italic*``.

Seed 000 prints a bold deadline inside a sentence (``trước ngày 03/8/2022``)
and seed 003 italic asides (``(*nhà trọ, nhà nghỉ, khách sạn*)``).  An
unclosed marker prints literally: no text is ever dropped.

A footnote marker, Markdown's ``[^1]``, becomes a span of its own with no
text and ``note`` set to its key; the layout numbers the notes 1, 2, 3 in
the order they are first referenced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    subscript: bool = False  # ô 12 initials set as subscript ("KTTH" + "h5")
    note: str = ""  # a footnote reference: the clerk's key ("1", "nq57")
    number: int = 0  # its number, set by the layout (1, 2, 3 …)
    repeat: bool = False  # a second reference to a note already referenced


#: A footnote marker: "[^1]", "[^nq57]" (no spaces or "]" in the key).
NOTE = re.compile(r"\[\^([^\]\s]+)\]")


def note_keys(text: str) -> list[str]:
    """The footnote keys referenced in text, in order."""
    return NOTE.findall(text) if "[^" in text else []


# A marker opens only where no letter or digit stands before it and closes only
# where none follows, so "5*3" or "A*B" stay literal.
_OPEN, _CLOSE = r"(?<![\w*])", r"(?![\w*])"
_TOKEN = re.compile(
    rf"{_OPEN}\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*{_CLOSE}"
    rf"|{_OPEN}\*\*(?=\S)(.+?)(?<=\S)\*\*{_CLOSE}"
    rf"|{_OPEN}\*(?=[^\s*])(.+?)(?<=[^\s*])\*{_CLOSE}",
    re.S,
)


def parse(text: str, bold: bool = False, italic: bool = False) -> list[Span]:
    """Split text into spans; nested emphasis inside ** ** is honoured."""
    if "[^" in text and NOTE.search(text):
        return _with_notes(text, bold, italic)
    if "*" not in text:  # most paragraphs: skip the regex
        return [Span(text, bold, italic)] if text else []
    spans: list[Span] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            spans.append(Span(text[pos:match.start()], bold, italic))
        both, strong, emph = match.groups()
        if both is not None:
            spans.extend(parse(both, True, True))
        elif strong is not None:
            spans.extend(parse(strong, True, italic))
        else:
            spans.extend(parse(emph, bold, True))
        pos = match.end()
    if pos < len(text):
        spans.append(Span(text[pos:], bold, italic))
    return spans


def _with_notes(text: str, bold: bool, italic: bool) -> list[Span]:
    # Emphasis first, then markers inside each span, so "**trước ngày 15/12[^1]**"
    # keeps its bold and a marker never breaks a pair of asterisks.
    spans: list[Span] = []
    for span in parse(NOTE.sub(lambda m: f"\x00{m.group(1)}\x00", text), bold, italic):
        for i, piece in enumerate(span.text.split("\x00")):
            if i % 2:
                spans.append(Span("", span.bold, span.italic, note=piece))
            elif piece:
                spans.append(Span(piece, span.bold, span.italic))
    return spans


def plain(text: str) -> str:
    """The text a reader sees, markers removed."""
    return "".join(span.text for span in parse(text))
