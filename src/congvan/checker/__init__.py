"""congvan check: does a DOCX — ours or Word's — follow Phụ lục I of NĐ 30/2020?

    report = check("cong-van.docx")           # Report: findings, not evaluated rules
    result = fix("cong-van.docx", "sua.docx")  # a corrected copy; the original untouched
"""

from __future__ import annotations

import os

from .findings import Finding, FixResult, NotEvaluated, Report
from .reader import UnreadableDocument, read
from .registry import RULES, Rule

__all__ = ["Finding", "FixResult", "NotEvaluated", "Report", "Rule", "RULES", "UnreadableDocument", "check", "fix"]


def _run(source, layout: bool, name: str | None = None):
    from .checks import CHECKS, run_all
    from .locate import locate
    from .view import build

    package = read(source, name)
    view = build(package)
    ctx = run_all(view, locate(view))
    if layout:
        from .layout import measure

        measure(ctx, package.raw)
    else:
        for rule in RULES:
            if rule.layout:
                ctx.skip(rule.id, "chưa đo trên bản in: dùng --layout (cần LibreOffice)",
                         "not measured on the PDF: use --layout (needs LibreOffice)")
    report = Report(package.name, ctx.findings, ctx.skipped, len(CHECKS) + (2 if layout else 0), ctx.not_applicable)
    return report, ctx, package


def check(source: str | os.PathLike | bytes, *, layout: bool = False, name: str | None = None) -> Report:
    """Check one DOCX (a path or its bytes). Raises UnreadableDocument when it cannot be read."""
    return _run(source, layout, name)[0]


def fix(source: str | os.PathLike | bytes, dest: str | os.PathLike) -> FixResult:
    """Write a corrected copy of ``source`` to ``dest``: margins, fonts, sizes,
    weights, leading zeros. Returns what was fixed and what is left."""
    from .repair import apply

    return apply(source, dest, _run)
