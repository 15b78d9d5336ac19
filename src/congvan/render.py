"""Render a document: model → layout → DOCX bytes or file."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from .docx import package, writer
from .errors import LayoutWarning
from .layout import lay_out
from .layout.view import DocumentView
from .model import VanBan


def warn_notices(view: DocumentView, stacklevel: int = 3) -> None:
    """Each line the layout could not fit as a LayoutWarning (see ``warnings``)."""
    for notice in view.notices:
        warnings.warn(LayoutWarning(notice.where, notice.vi, notice.en), stacklevel=stacklevel)


def render_bytes(doc: VanBan, template: str | os.PathLike[str] | None = None) -> bytes:
    """The DOCX of ``doc`` as bytes (same input, same bytes); a line that
    could not be fitted is reported as a :class:`congvan.LayoutWarning`."""
    view = lay_out(doc)
    warn_notices(view)
    return writer.render_view(view, template)


def render(doc: VanBan, output: str | os.PathLike[str], template: str | os.PathLike[str] | None = None) -> Path:
    """Write the DOCX of ``doc`` to ``output`` atomically and return its path.

    The document is rendered fully in memory first, so a failure never leaves
    a half-written file, and an existing file is replaced only on success.
    Appendices kept in files of their own (``tep_rieng``, Mẫu 2.2) are written
    beside it: see :func:`render_files`.
    """
    return render_files(doc, output, template)[0]


def render_files(doc: VanBan, output: str | os.PathLike[str],
                 template: str | os.PathLike[str] | None = None) -> list[Path]:
    """The document and its separate appendices ("<name>-phu-luc-1.docx" …), all
    rendered in memory before the first file is written."""
    view = lay_out(doc)
    warn_notices(view)
    main = writer.render_view(view, template)
    extra = writer.appendix_packages(view)
    target = Path(output)
    paths = [package.write_atomic(target, main)]
    for n, data in enumerate(extra, start=1):
        paths.append(package.write_atomic(target.with_name(f"{target.stem}-phu-luc-{n}{target.suffix}"), data))
    return paths
