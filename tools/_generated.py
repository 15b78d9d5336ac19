"""The one way the doc generators write: the text between two markers of a
document is replaced by a fresh table, the prose around it is kept."""

from __future__ import annotations

from pathlib import Path


def between(text: str, start: str, end: str, table: str) -> str:
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{table}\n{end}{tail}"


def rewrite(doc: Path, start: str, end: str, table: str) -> None:
    doc.write_text(between(doc.read_text(encoding="utf-8"), start, end, table), encoding="utf-8")
