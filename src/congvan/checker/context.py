"""What every check works with: the located elements, the findings so far,
the corrections --fix may apply, and the table of check functions.

A check registers itself with ``@check(rule_id, *fixtures)``: the fixtures are
the files (tests/fixtures, tests/fixtures/rules) that show its breach, so the
rule, its code and its evidence sit together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..rules import ELEMENTS, Profile
from .findings import Finding, NotEvaluated
from .locate import Found
from .registry import BY_ID
from .view import View

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20
EMU_PER_TWIP = 635
CHECKS: dict[str, Callable[["Ctx"], None]] = {}
FIXTURES: dict[str, tuple[str, ...]] = {}  # rule id → fixture files that breach it


def check(rule_id: str, *fixtures: str):
    """Register a check for ``rule_id``; ``fixtures`` name the files that breach it."""
    def register(fn):
        CHECKS[rule_id] = fn
        FIXTURES[rule_id] = fixtures
        return fn
    return register


@dataclass
class Ctx:
    view: View
    found: Found
    findings: list[Finding] = field(default_factory=list)
    skipped: list[NotEvaluated] = field(default_factory=list)
    not_applicable: list[NotEvaluated] = field(default_factory=list)  # the rule has nothing to judge in this kind
    fixes: list[Callable[[], None]] = field(default_factory=list)

    @property
    def profile(self) -> Profile | None:
        """The size profile the Quốc hiệu sets (12 → small, 13 → large)."""
        qh = self.found.quoc_hieu
        sizes = qh.sizes() if qh else set()
        quoc_hieu = ELEMENTS["quoc_hieu"].size
        return {quoc_hieu.small: Profile.NHO, quoc_hieu.large: Profile.LON}.get(next(iter(sizes), None))

    def breach(self, rule_id: str, where: str, found: str, required: str, vi: str, en: str,
               fix: Callable[[], None] | None = None) -> None:
        rule = BY_ID[rule_id]
        self.findings.append(Finding(rule_id, rule.o, f"{rule.vi} / {rule.en}", rule.clause, rule.severity, where,
                                     found, required, fix is not None and bool(rule.fix), vi, en))
        if fix is not None and rule.fix:
            self.fixes.append(fix)

    def skip(self, rule_id: str, vi: str, en: str) -> None:
        """The file does not let the rule judge: reported, never a silent pass."""
        rule = BY_ID[rule_id]
        self.skipped.append(NotEvaluated(rule_id, f"{rule.vi} / {rule.en}", vi, en))

    def not_for_this_kind(self, rule_id: str, vi: str, en: str) -> None:
        """The rule does not apply to this kind of document (no V/v line in a quyết định)."""
        rule = BY_ID[rule_id]
        self.not_applicable.append(NotEvaluated(rule_id, f"{rule.vi} / {rule.en}", vi, en))
