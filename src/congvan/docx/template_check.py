"""Checking a DOCX template before it is used: every tag must be one congvan fills.

A template written the docxtpl way with the form's own names (``{{ trich_yeu }}``)
would fail deep inside Jinja at the first render, or print nothing where the
clerk expected text.  Here each part's paragraphs are read as text (Word splits
a tag over several runs; their texts are joined), the docxtpl tags
(``{{p …}}``, ``{%p …%}``, ``{%tr …%}``) are read as Jinja, and every name is
held against the vocabulary in ``tags.TAGS``; a problem names the tag, the part
and the paragraph (counted from 1, tables included) with the paragraph's text.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import jinja2
from jinja2 import nodes

from ..errors import Problem
from .tags import LOOP_NAMES, TAGS, suggestions

_PARAGRAPH_OR_TEXT = re.compile(r"<w:p(?=[\s>/])[^>]*?(/?)>|</w:p>|<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
_DOCXTPL_PREFIX = re.compile(r"(\{[{%])-?(?:p|r|tr|tc)\s")
_SIMPLE_TAG = re.compile(r"\{\{(p?)\s*-?\s*([A-Za-z_]\w*)\s*-?\}\}")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_PART_NAMES = {"word/document.xml": ("nội dung", "document body"), "docProps/core.xml": ("thuộc tính tệp", "file properties")}


def paragraphs(xml: str) -> list[str]:
    """The text of each paragraph, in document order (a text box's own paragraphs apart)."""
    texts: list[str] = []
    open_ones: list[int] = []
    for match in _PARAGRAPH_OR_TEXT.finditer(xml):
        token = match.group(0)
        if token.startswith("<w:t"):
            if open_ones:
                texts[open_ones[-1]] += html.unescape(match.group(2))
        elif token == "</w:p>":
            if open_ones:
                open_ones.pop()
        else:
            texts.append("")
            if not match.group(1):  # <w:p/> is empty and closed at once
                open_ones.append(len(texts) - 1)
    return texts


def _lines(part: str, xml: str) -> list[str]:
    if part.startswith("word/"):
        return paragraphs(xml)
    return [html.unescape(re.sub(r"<[^>]+>", " ", xml))]  # core.xml: no paragraphs, one line


def check(path: Path, parts: dict[str, str]) -> tuple[list[Problem], set[str]]:
    """Problems of the template's tags, and the names it uses."""
    problems: list[Problem] = []
    used: set[str] = set()
    for part, xml in parts.items():
        lines = _lines(part, xml)
        text = "\n".join(lines).translate(_QUOTES)
        if "{" not in text:
            continue
        found, names = _check_part(path, part, lines, text)
        problems += found
        used |= names
    return problems, used


def _check_part(path: Path, part: str, lines: list[str], text: str) -> tuple[list[Problem], set[str]]:
    try:
        tree = jinja2.Environment().parse(_DOCXTPL_PREFIX.sub(r"\1 ", text))
    except jinja2.TemplateSyntaxError as exc:
        return [_problem(path, part, lines, exc.lineno, "template-syntax", exc.message or "",
                         f"lỗi cú pháp trong thẻ: {exc.message}", f"a syntax error in a tag: {exc.message}")], set()
    bound = {n.name for node in tree.find_all((nodes.For, nodes.Assign)) for n in node.target.find_all(nodes.Name)}
    bound |= set(LOOP_NAMES)
    problems, used = [], set()
    for node in tree.find_all(nodes.Name):
        if node.ctx != "load" or node.name in bound:
            continue
        if node.name in TAGS:
            used.add(node.name)
            continue
        close = suggestions(node.name)
        hint = (f"; có phải {_listed(close)}?", f"; did you mean {_listed(close)}?") if close else ("", "")
        problems.append(_problem(
            path, part, lines, node.lineno, "unknown-tag", node.name,
            f"thẻ '{node.name}' không phải tên congvan điền vào mẫu{hint[0]} (xem docs/templates.md)",
            f"tag '{node.name}' is not a name congvan fills in{hint[1]} (see docs/templates.md)"))
    for line, match in _simple_tags(text):
        problems += _kind_problem(path, part, lines, line, match.group(2), paragraph_tag=bool(match.group(1)))
    return problems, used


def _simple_tags(text: str):
    for number, line in enumerate(text.split("\n"), start=1):
        for match in _SIMPLE_TAG.finditer(line):
            yield number, match


def _kind_problem(path: Path, part: str, lines: list[str], line: int, name: str, paragraph_tag: bool) -> list[Problem]:
    tag = TAGS.get(name)
    if tag is None or (tag.kind == "paragraphs") == paragraph_tag:
        return []
    right = tag.written(name)
    return [_problem(path, part, lines, line, "wrong-tag-kind", name,
                     f"thẻ '{name}' phải viết là {right}", f"tag '{name}' must be written {right}")]


def _listed(names: list[str]) -> str:
    return " hay ".join(f"'{n}'" for n in names) if len(names) < 3 else ", ".join(f"'{n}'" for n in names)


def where(part: str, paragraph: int | None) -> tuple[str, str]:
    vi_part, en_part = _PART_NAMES.get(part, (part, part))
    if paragraph is None or not part.startswith("word/"):
        return f"{part} ({vi_part})", f"{part} ({en_part})"
    return f"{part} ({vi_part}), đoạn {paragraph}", f"{part} ({en_part}), paragraph {paragraph}"


def _problem(path: Path, part: str, lines: list[str], line: int | None, code: str, value: str,
             vi: str, en: str) -> Problem:
    at_vi, at_en = where(part, line)
    shown = " ".join(lines[line - 1].split())[:80] if line and 0 < line <= len(lines) else ""
    quote = f": '{shown}'" if shown else ""
    return Problem(path="", file=str(path), value=value, code=code,
                   vi=f"Mẫu {path.name}, {at_vi}{quote} — {vi}", en=f"template {path.name}, {at_en}{quote} — {en}")
