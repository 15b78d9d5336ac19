"""Render a document: model → layout → DOCX bytes or file."""

from __future__ import annotations

import os
from pathlib import Path

from .docx import package, writer
from .layout import lay_out
from .model import VanBan


def render_bytes(doc: VanBan, template: str | os.PathLike | None = None) -> bytes:
    """The DOCX of ``doc`` as bytes (same input, same bytes)."""
    return writer.render_view(lay_out(doc), template)


def render(doc: VanBan, output: str | os.PathLike, template: str | os.PathLike | None = None) -> Path:
    """Write the DOCX of ``doc`` to ``output`` atomically and return its path.

    The document is rendered fully in memory first, so a failure never leaves
    a half-written file, and an existing file is replaced only on success.
    """
    data = render_bytes(doc, template)
    return package.write_atomic(output, data)
