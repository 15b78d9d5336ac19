"""Numbered paragraphs: a level of the document's scheme → label and spans.

The scheme (``congvan.numbering``) says how a level's number and title look;
the paragraph's Word style carries what the level has in common with its
element (``rules.ELEMENTS``), the runs carry the rest.  A heading whose
number or title is not bold cannot sit in a bold style, so it takes the
plain heading style ``tieu_de`` and its runs say what is bold.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import inline, numbering, rules
from .view import Para

#: The heading style for a level whose number or title is not bold.
PLAIN_HEADING = "tieu_de"


@dataclass(frozen=True)
class Level:
    """Where an item sits: the scheme's levels, its index, its parent's label."""

    levels: tuple[numbering.Cap, ...]
    index: int = 0
    parent: str = ""  # "3." for the children of item 3: "{cha}{1}." → "3.1."

    @property
    def cap(self) -> numbering.Cap:
        return self.levels[min(self.index, len(self.levels) - 1)]

    def label(self, n: int) -> str:
        return numbering.label(self.cap.nhan, n, self.parent)

    def child(self, label: str) -> "Level":
        return Level(self.levels, self.index + 1, label)

    def at(self, name: str | None) -> "Level":
        """The level of an item that names its own (``cap``; checked by the model)."""
        if not name:
            return self
        return Level(self.levels, numbering.jump(self.levels, self.index, name), self.parent)

    def entered(self, has_heading: bool) -> "Level":
        index = numbering.enter(self.levels, self.index, has_heading)
        return self if index == self.index else Level(self.levels, index, self.parent)


def para(element: str, text: str, prefix: str = "", **indents: float) -> Para:
    spans = ([inline.Span(prefix + " ")] if prefix else []) + inline.parse(text)
    return Para(element, tuple(spans), **indents)


def _number(label: str, bold: bool, italic: bool) -> list[inline.Span]:
    if not (bold or italic):
        return [inline.Span(label + " ")]
    return [inline.Span(label, bold, italic), inline.Span(" ")]


def heading(cap: numbering.Cap, label: str, title: str) -> Para:
    """A titled section: "I. MỤC ĐÍCH, YÊU CẦU", "1. Thời gian nghỉ học"."""
    element = cap.doan
    style = rules.ELEMENTS[element]
    if (style.bold and not (cap.so_dam and cap.tieu_de_dam)) or (
            style.italic and not (cap.so_nghieng and cap.tieu_de_nghieng)):
        element, style = PLAIN_HEADING, rules.ELEMENTS[PLAIN_HEADING]
    text = title.upper() if cap.in_hoa else title
    number = _number(label, cap.so_dam and not style.bold, cap.so_nghieng and not style.italic)
    words = inline.parse(text, cap.tieu_de_dam and not style.bold, cap.tieu_de_nghieng and not style.italic)
    return Para(element, tuple(number + words))


def item(cap: numbering.Cap, label: str, text: str) -> Para:
    """An untitled item (khoản, task): "1. Tổ chức …", "**1.** Tiếp tục …"."""
    if not label:
        return para("noi_dung", text)
    return Para("noi_dung", tuple(_number(label, cap.khoan_so_dam, cap.khoan_so_nghieng) + inline.parse(text)))
