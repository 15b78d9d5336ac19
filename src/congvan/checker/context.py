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
from .view import Para, View

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
    _role_map: dict[int, tuple[str, str]] | None = None

    @property
    def profile(self) -> Profile | None:
        """The size profile the Quốc hiệu sets (12 → small, 13 → large)."""
        qh = self.found.quoc_hieu
        sizes = qh.sizes() if qh else set()
        quoc_hieu = ELEMENTS["quoc_hieu"].size
        return {quoc_hieu.small: Profile.NHO, quoc_hieu.large: Profile.LON}.get(next(iter(sizes), None))

    def where(self, para: Para) -> str:
        """The element a clerk sees ("the motto", "the agency line"), its paragraph and its text."""
        vi, en = self._roles().get(id(para), ("đoạn", "paragraph"))
        n = para.index + 1
        text = " ".join(para.text.split())
        quoted = f": “{text[:60]}{'…' if len(text) > 60 else ''}”" if text else ""
        if (vi, en) == ("đoạn", "paragraph"):
            return f"đoạn {n} / paragraph {n}{quoted}"
        return f"{vi} (đoạn {n}) / {en} (paragraph {n}){quoted}"

    def _roles(self) -> dict[int, tuple[str, str]]:
        if self._role_map is None:
            f = self.found
            named = [([f.quoc_hieu], "Quốc hiệu", "the national title"), ([f.tieu_ngu], "Tiêu ngữ", "the motto"),
                     ([f.motto_rule], "đường kẻ dưới Tiêu ngữ", "the rule under the motto"),
                     (f.parent, "dòng cơ quan chủ quản", "the parent-agency line"),
                     (f.agency, "dòng tên cơ quan ban hành", "the agency line"),
                     ([f.agency_rule], "đường kẻ dưới tên cơ quan", "the rule under the agency name"),
                     ([f.so], "dòng số, ký hiệu", "the number line"), ([f.ngay], "dòng địa danh, ngày tháng",
                                                                       "the date line"),
                     (f.vv, "dòng trích yếu V/v", "the V/v line"), (f.marks, "dấu độ khẩn, độ mật",
                                                                     "the urgency or confidentiality mark"),
                     ([f.ten_loai], "tên loại văn bản", "the type name"), (f.trich_yeu, "trích yếu", "the subject"),
                     ([f.subject_rule], "đường kẻ dưới trích yếu", "the rule under the subject"),
                     (f.kinh_gui, "dòng Kính gửi", "the Kính gửi line"), (f.body, "đoạn nội dung", "body paragraph"),
                     ([f.noi_nhan_label], "nhãn “Nơi nhận:”", "the “Nơi nhận:” label"),
                     (f.noi_nhan, "dòng nơi nhận", "a recipient line"),
                     (f.authority, "dòng quyền hạn, chức vụ", "the signer's position line"),
                     ([f.ho_ten], "họ tên người ký", "the signer's name")]
            self._role_map = {}
            for paras, vi, en in named:
                for para in paras:
                    if para is not None:
                        self._role_map.setdefault(id(para), (vi, en))
        return self._role_map

    def breach(self, rule_id: str, where: str, found: str, required: str, vi: str, en: str,
               fix: Callable[[], None] | None = None, o: int | None = None) -> None:
        """Report a breach; ``o`` files it under another ô than the rule's (a rule judging two boxes)."""
        rule = BY_ID[rule_id]
        self.findings.append(Finding(rule_id, o if o is not None else rule.o, f"{rule.vi} / {rule.en}", rule.clause,
                                     rule.severity, where, found, required, fix is not None and bool(rule.fix), vi,
                                     en))
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
