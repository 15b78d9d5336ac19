"""Inline emphasis in body text, written as Markdown: ``**bold**``, ``*italic*``.

Seed 000 prints a bold deadline inside a sentence (``trước ngày 03/8/2022``)
and seed 003 italic asides (``(*nhà trọ, nhà nghỉ, khách sạn*)``).  An
unclosed marker prints literally: no text is ever dropped.
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


def plain(text: str) -> str:
    """The text a reader sees, markers removed."""
    return "".join(span.text for span in parse(text))
