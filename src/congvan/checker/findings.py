"""What the checker reports: findings, rules it could not judge, the report."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Finding:
    rule: str
    o: int | None
    name: str  # the rule's short name, Vietnamese / English
    clause: str
    severity: str  # "error" | "warning"
    where: str  # paragraph and the offending text, or "trang/page"
    found: str
    required: str
    fixable: bool
    message_vi: str
    message_en: str

    def __str__(self) -> str:
        return f"{self.message_vi} / {self.message_en}"


@dataclass(frozen=True)
class NotEvaluated:
    rule: str
    name: str
    reason_vi: str
    reason_en: str


@dataclass
class Report:
    file: str
    findings: list[Finding] = field(default_factory=list)
    not_evaluated: list[NotEvaluated] = field(default_factory=list)
    rules_checked: int = 0
    not_applicable: list[NotEvaluated] = field(default_factory=list)  # rules this kind of document has no use for
    scope: object | None = None  # an OutOfScope notice: not a document NĐ 30 governs, so nothing was judged

    @property
    def out_of_scope(self) -> bool:
        return self.scope is not None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def ok(self) -> bool:
        """No errors, and a document the decree governs."""
        return not self.errors and self.scope is None

    def to_dict(self) -> dict:
        return {
            "file": self.file, "ok": self.ok, "errors": len(self.errors), "warnings": len(self.warnings),
            "rules_checked": self.rules_checked,
            "findings": [asdict(f) for f in self.findings],
            "not_evaluated": [asdict(n) for n in self.not_evaluated],
            "not_applicable": [asdict(n) for n in self.not_applicable],
            "out_of_scope": None if self.scope is None else asdict(self.scope),
        }


@dataclass
class FixResult:
    source: str
    output: str | None
    fixed: list[Finding]
    remaining: list[Finding]
