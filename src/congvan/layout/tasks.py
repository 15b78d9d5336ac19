"""Task assignments in the styles real plans use (``nguyen-van`` adds none).

* ``ngoac`` — a parenthesised line after the task (seed 004):
  ``(Bộ Công an chủ trì, phối hợp với … thực hiện)``
* ``phan-cong`` — an italic line (seed 000):
  ``Phân công nhiệm vụ: Công an tỉnh chủ trì thực hiện.``
* ``theo-co-quan`` — tasks grouped under their lead agency (seed 003).
"""

from __future__ import annotations

import datetime as dt

from .. import inline, vn
from ..model import NhiemVu
from ..model.thoi_han import KhoangThoiGian
from .view import Para

#: Wording per style: the cooperation verb, the frame of the line, its element.
STYLES = {
    "ngoac": {"phoi_hop": "phối hợp với", "frame": "({})", "element": "noi_dung"},
    "phan-cong": {"phoi_hop": "phối hợp", "frame": "Phân công nhiệm vụ: {}.", "element": "phan_cong"},
    "theo-co-quan": {"phoi_hop": "phối hợp với", "frame": "({})", "element": "noi_dung"},
}


def join_agencies(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


def deadline_text(deadline: dt.date | KhoangThoiGian | str | None) -> str | None:
    """"trước ngày 15/12/2025", a range as the clerk wrote it ("29/6 - 09/7/2026"),
    or the period as written ("Quý III/2025", "thường xuyên")."""
    if deadline is None:
        return None
    if isinstance(deadline, dt.date):
        return f"trước ngày {vn.ngay_ngan(deadline)}"
    if isinstance(deadline, KhoangThoiGian):
        return deadline.text
    return deadline


def who(task: NhiemVu, style: str) -> str | None:
    """"X chủ trì, phối hợp với Y thực hiện" and its variants."""
    verb = STYLES[style]["phoi_hop"]
    coop = f"{verb} {join_agencies(task.phoi_hop)} " if task.phoi_hop else ""
    if task.chu_tri:
        return f"{task.chu_tri} chủ trì, {coop}thực hiện" if coop else f"{task.chu_tri} chủ trì thực hiện"
    if task.thuc_hien:
        return f"{task.thuc_hien} {coop}thực hiện"
    return None


def assignment_paragraph(task: NhiemVu, style: str) -> Para | None:
    spec = STYLES[style]
    if task.phan_cong:  # the document's own words: framed, never added to
        return Para(spec["element"], tuple(inline.parse(spec["frame"].format(as_written(task.phan_cong, style)))))
    text = who(task, style)
    if text is None:
        return None
    extra = [f"thời hạn: {d}" for d in [deadline_text(task.thoi_han)] if d]
    extra += [f"sản phẩm: {task.san_pham}"] if task.san_pham else []
    if extra:
        text = "; ".join([text, *extra])
    return Para(spec["element"], tuple(inline.parse(spec["frame"].format(text))))


def as_written(text: str, style: str) -> str:
    """The clerk's assignment without the frame the style adds: "(…)" or
    "Phân công nhiệm vụ: ….", so typing it with or without them prints once."""
    text = " ".join(text.split())
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    if style == "phan-cong":
        text = text.removeprefix("Phân công nhiệm vụ:").strip().rstrip(".")
    return text


def task_detail(task: NhiemVu) -> str:
    """Cooperation and deadline of a task printed under its lead agency (or
    the document's own assignment words, ``phan_cong``)."""
    if task.phan_cong:
        return as_written(task.phan_cong, "theo-co-quan")
    parts = []
    if task.phoi_hop:
        parts.append(f"phối hợp: {join_agencies(task.phoi_hop)}")
    if d := deadline_text(task.thoi_han):
        parts.append(f"thời hạn: {d}")
    if task.san_pham:
        parts.append(f"sản phẩm: {task.san_pham}")
    return "; ".join(parts)


def group_by_lead(tasks: list[NhiemVu]) -> list[tuple[str, list[NhiemVu]]]:
    """Tasks grouped by lead agency, agencies in order of first appearance."""
    groups: dict[str, list[NhiemVu]] = {}
    for task in tasks:
        lead = task.chu_tri or task.thuc_hien or ""
        groups.setdefault(lead, []).append(task)
    return list(groups.items())
