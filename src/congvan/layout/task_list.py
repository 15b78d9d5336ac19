"""Task lists (``nhiem_vu``) in the body: numbered, bulleted or grouped.

The same tasks print in four styles (``cach_phan_cong``): with their
assignment in brackets (``ngoac``) or in an italic line (``phan-cong``),
grouped under their lead agency (``theo-co-quan``), or exactly as the clerk
wrote them (``nguyen-van``), the agency being the subject of the sentence.
In every style chu_tri, phoi_hop, thoi_han and san_pham stay data: the
appendix's task table and the follow-up letters read them, not the text.
"""

from __future__ import annotations

from ..model import DanhSachNhiemVu, NhiemVu, VanBan
from ..model.body import NhomCoQuan
from .levels import Level, heading, item, para
from .tasks import assignment_paragraph, group_by_lead, task_detail
from .view import Para

#: The mark of a subtask printed as a lead-in item under a task (seed 003).
SUBTASK_MARK = "+"


def tasks(block: DanhSachNhiemVu, level: Level, counters: dict[int, int], doc: VanBan) -> list[Para]:
    """The list's paragraphs; ``counters`` (per level) continue the numbering
    of the items around the list."""
    style = block.cach_phan_cong or doc.cach_phan_cong
    level = level.at(block.cap)
    if style == "theo-co-quan" or (style == "nguyen-van" and block.theo_co_quan):
        return _grouped(block, level, counters, style)
    out: list[Para] = []
    for task in block.nhiem_vu:
        if block.dau_dong in (None, "so"):
            out.extend(numbered(task, level, _next(counters, level), style))
        else:
            out.extend(marked(task, _mark(block.dau_dong), style))
    return out


def _next(counters: dict[int, int], level: Level) -> int:
    counters[level.index] = counters.get(level.index, 0) + 1
    return counters[level.index]


def _mark(dau_dong: str | None) -> str:
    return "" if dau_dong in (None, "khong") else dau_dong


def numbered(task: NhiemVu, level: Level, n: int, style: str) -> list[Para]:
    """"1. Task" (its paragraphs, its subtasks 1.1., 1.2.), then its assignment."""
    label = level.label(n)
    first, *rest = task.paragraphs
    out = [item(level.cap, label, first)]
    out.extend(para("noi_dung", text) for text in rest)
    child = level.child(label)
    for index, sub in enumerate(task.nhiem_vu, start=1):
        out.extend(numbered(sub, child, index, style))
    if style == "theo-co-quan":  # under the agency's heading: only what the heading does not say
        if detail := task_detail(task):
            out.append(para("noi_dung", f"({detail})"))
    elif style != "nguyen-van":
        if assignment := assignment_paragraph(task, style):
            out.append(assignment)
    return out


def marked(task: NhiemVu, mark: str, style: str) -> list[Para]:
    """"- Task" (or no mark): its paragraphs, then "+ subtask"; the assignment
    in brackets unless the text says it (nguyen-van)."""
    first, *rest = task.paragraphs
    detail = "" if style == "nguyen-van" else task_detail(task)
    first = f"{first} ({detail})" if detail and not rest else first
    out = [para("noi_dung", first, mark)]
    out.extend(para("noi_dung", text) for text in rest)
    if detail and rest:
        out.append(para("noi_dung", f"({detail})"))
    for sub in task.nhiem_vu:
        out.extend(para("noi_dung", text, SUBTASK_MARK) for text in sub.paragraphs)
    return out


def _grouped(block: DanhSachNhiemVu, level: Level, counters: dict[int, int], style: str) -> list[Para]:
    """Tasks under their lead agency's numbered heading (seed 003).  Unless the
    list sets ``dau_dong``, a group's tasks are dash items, or one plain
    paragraph when the agency has a single task (as seed 003 prints them)."""
    groups = {g.ten: g for g in block.co_quan}
    out: list[Para] = []
    for lead, group in group_by_lead(block.nhiem_vu):
        label = level.label(_next(counters, level))
        info = groups.get(lead, NhomCoQuan(ten=lead))
        out.append(heading(level.cap, label, info.tieu_de or lead))
        lead_in = info.mo_dau or []
        out.extend(para("noi_dung", text) for text in ([lead_in] if isinstance(lead_in, str) else lead_in))
        if block.dau_dong == "so":
            child = level.child(label)
            for n, task in enumerate(group, start=1):
                out.extend(numbered(task, child, n, "nguyen-van" if style == "nguyen-van" else "theo-co-quan"))
            continue
        if block.dau_dong is None:
            mark = "-" if len(group) > 1 or any(t.nhiem_vu for t in group) else ""
        else:
            mark = _mark(block.dau_dong)
        for task in group:
            out.extend(marked(task, mark, style))
    return out
