"""Reports as a clerk reads them (grouped by ô, coloured only on a terminal)
and as an e-office pipeline reads them (JSON)."""

from __future__ import annotations

import json

from .findings import Report
from .registry import BY_ID

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "ok": "\033[32m", "dim": "\033[2m", "end": "\033[0m"}
_LABEL = {"error": "LỖI / ERROR", "warning": "LƯU Ý / WARNING"}


def _paint(text: str, key: str, colour: bool) -> str:
    return f"{_COLOURS[key]}{text}{_COLOURS['end']}" if colour else text


def _group(o: int | None) -> str:
    return f"Ô số {o} / box {o}" if o is not None else "Trang, phông chữ / page and fonts"


def to_text(report: Report, colour: bool = False) -> str:
    lines = [f"{report.file}:"]
    if report.scope is not None:
        lines.append(_paint(f"  NGOÀI PHẠM VI / OUT OF SCOPE: {report.scope.vi} / {report.scope.en}", "warning", colour))
        return "\n".join(lines)
    groups: dict[int | None, list] = {}
    for finding in report.findings:
        groups.setdefault(finding.o, []).append(finding)
    for o in sorted(groups, key=lambda k: (k is not None, k or 0)):
        lines.append(f"  {_group(o)}")
        for f in groups[o]:
            lines.append(f"    {_paint(_LABEL[f.severity], f.severity, colour)} [{f.rule}] {f.message_vi} / {f.message_en}")
            lines.append(f"      ở / where: {f.where}")
            lines.append(f"      thấy / found: {f.found} — cần / required: {f.required}")
            lines.append(_paint(f"      {f.clause}{' · sửa được bằng --fix / --fix can repair it' if f.fixable else ''}",
                                "dim", colour))
    for item in report.not_evaluated:
        lines.append(_paint(f"  chưa đánh giá / not evaluated [{item.rule}] {item.reason_vi} / {item.reason_en}",
                            "dim", colour))
    errors, warnings = len(report.errors), len(report.warnings)
    if report.ok:
        summary = _paint(f"  Đạt: không có lỗi ({warnings} lưu ý) / passes: no errors ({warnings} warnings)", "ok", colour)
    else:
        summary = _paint(f"  Không đạt: {errors} lỗi, {warnings} lưu ý / fails: {errors} errors, {warnings} warnings",
                         "error", colour)
    lines.append(summary)
    return "\n".join(lines)


def to_json(reports: list[Report], unreadable: list[dict]) -> str:
    data = {"reports": [r.to_dict() for r in reports], "unreadable": unreadable,
            "rules": {rule.id: {"o": rule.o, "name": rule.name, "clause": rule.clause, "severity": rule.severity,
                                "fix": rule.fix or None, "layout": rule.layout} for rule in BY_ID.values()}}
    return json.dumps(data, ensure_ascii=False, indent=2)
