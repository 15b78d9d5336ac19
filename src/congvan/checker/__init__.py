"""congvan check: does a DOCX — ours or Word's — follow Phụ lục I of NĐ 30/2020?

    report = check("cong-van.docx")           # Report: findings, not evaluated rules
    result = fix("cong-van.docx", "sua.docx")  # a corrected copy; the original untouched
"""

from __future__ import annotations

import os
from typing import Iterable

from .findings import Finding, FixResult, NotEvaluated, Report
from .reader import UnreadableDocument, read
from .registry import RULES, Rule

__all__ = ["Finding", "FixResult", "NotEvaluated", "Report", "Rule", "RULES", "UnreadableDocument", "check",
           "check_all", "fix"]


def _run(source, layout: bool, name: str | None = None, *, package=None, pdf: bytes | None = None):
    from .checks import CHECKS, run_all
    from .locate import locate
    from .view import build

    from .context import Ctx
    from .scope import out_of_scope

    package = package or read(source, name)
    view = build(package)
    found = locate(view)
    scope = out_of_scope(view, found)
    if scope is not None:  # one notice, no NĐ 30 finding (and --fix refuses)
        return Report(package.name, scope=scope), Ctx(view, found), package
    ctx = run_all(view, found)
    if layout:
        from .layout import measure

        measure(ctx, package.raw, pdf)
    else:
        for rule in RULES:
            if rule.layout:
                ctx.skip(rule.id, "chưa đo trên bản in: dùng --layout (cần LibreOffice)",
                         "not measured on the PDF: use --layout (needs LibreOffice)")
    report = Report(package.name, ctx.findings, ctx.skipped, len(CHECKS) + (sum(r.layout for r in RULES) if layout else 0), ctx.not_applicable)
    return report, ctx, package


def check(source: str | os.PathLike[str] | bytes, *, layout: bool = False, name: str | None = None) -> Report:
    """Check one DOCX (a path or its bytes). Raises UnreadableDocument when it cannot be read."""
    return _run(source, layout, name)[0]


def check_all(sources: Iterable[str | os.PathLike[str] | bytes], *,
              layout: bool = False) -> list[Report | UnreadableDocument]:
    """Check several DOCX; with ``layout`` they are printed in one office run
    (about 15× faster than one run each). An unreadable file gives its
    UnreadableDocument in its place and is never handed to the office suite."""
    packages: list = []
    for source in sources:
        try:
            packages.append(read(source))
        except UnreadableDocument as exc:
            packages.append(exc)
    readable = [p for p in packages if not isinstance(p, UnreadableDocument)]
    pdfs: dict[int, bytes | None] = {}
    if layout and readable:
        try:
            from ..pdf import docx_bytes_to_pdfs

            pdfs = dict(zip(map(id, readable), docx_bytes_to_pdfs([p.raw for p in readable])))
        except Exception:  # no office: each file then says why its layout rules were not evaluated
            pdfs = {}
    out: list[Report | UnreadableDocument] = []
    for package in packages:
        if isinstance(package, UnreadableDocument):
            out.append(package)
            continue
        pdf = pdfs.get(id(package))
        # without a PDF from the batch, the file tries alone and its report says why it failed
        out.append(_run(None, layout, package=package, pdf=pdf)[0])
    return out


def fix(source: str | os.PathLike[str] | bytes, dest: str | os.PathLike[str]) -> FixResult:
    """Write a corrected copy of ``source`` to ``dest``: margins, fonts, sizes,
    weights, leading zeros. Returns what was fixed and what is left."""
    from .repair import apply

    return apply(source, dest, _run)
