"""One function per rule of the registry, one module per group of ô:
``page`` (Mục I), ``o1_o2``, ``o3_o5``, ``o6``, ``o7_o9``.  Each check looks at
the located elements, reports each breach with what it found and what the
decree requires, and says "not evaluated" when the document does not let it
judge (never a silent pass).  A breach --fix can correct carries the
correction with it.
"""

from __future__ import annotations

from ..context import CHECKS, FIXTURES, Ctx, check
from ..locate import Found
from ..registry import RULES
from ..view import View
from . import o1_o2, o3_o5, o6, o7_o9, page  # noqa: F401  (registers the checks)

__all__ = ["CHECKS", "FIXTURES", "Ctx", "check", "run_all"]


def run_all(view: View, found: Found) -> Ctx:
    """Every check, in the registry's order (the order of the report)."""
    ctx = Ctx(view, found)
    for rule in RULES:
        if rule.id in CHECKS:
            CHECKS[rule.id](ctx)
    return ctx
