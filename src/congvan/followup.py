"""From a plan to the letters that follow it.

After a kế hoạch is issued, the văn thư sends each lead agency a công văn
asking it to report on the tasks it leads, by a date.  ``letters(plan, …)``
builds those công văn, one per lead agency, from the plan's own tasks: the
same data, not retyped.

    for agency, letter in congvan.followup.letters(plan, han_bao_cao="15/12/2025"):
        congvan.render(letter, f"{agency}.docx")
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from . import vn
from .errors import FormError, Problem
from .forms import validate_data
from .layout.tasks import deadline_text
from .inline import NOTE
from .model import Gach, Ngay, NguoiKy, NhiemVu, VanBan
from .model.dates import parse_date_input


def lead_agencies(plan: VanBan) -> list[tuple[str, list[NhiemVu]]]:
    """Each lead agency with the tasks it leads (subtasks included), in plan order."""
    groups: dict[str, list[NhiemVu]] = {}

    def visit(task: NhiemVu) -> None:
        lead = task.chu_tri or task.thuc_hien
        if lead:
            groups.setdefault(lead, []).append(task)
        for sub in task.nhiem_vu:
            visit(sub)

    for task in plan.tasks():
        visit(task)
    return list(groups.items())


def plan_number(plan: VanBan) -> str:
    """"Kế hoạch số 198/KH-BCĐ ngày 14/5/2021"."""
    number, code = plan.so_ky_hieu
    shown = f"{vn.pad2(number)}/{code}" if number is not None else f"…/{code}"
    d = plan.ngay
    date = f" ngày {vn.ngay_ngan(dt.date(d.nam, d.thang, d.ngay))}" if d.ngay and d.thang else ""
    return f"{plan.doc_type.name} số {shown}{date}"


def _task_lines(tasks: list[NhiemVu]) -> list[str]:
    """Dash items: ";" after each, "." after the last (as a list in a body is punctuated)."""
    lines = []
    for task in tasks:
        # The plan's footnote markers stay with the plan: the letter quotes the task alone.
        text = " ".join(NOTE.sub("", task.paragraphs[0]).split()).rstrip(" ;.:")
        deadline = deadline_text(task.thoi_han)
        lines.append(f"{text} (thời hạn: {deadline})" if deadline else text)
    return [line + (";" if i < len(lines) - 1 else ".") for i, line in enumerate(lines)]


def _report_by(value: dt.date | str) -> dt.date:
    try:
        parts = parse_date_input(value)
        return dt.date(parts["nam"], parts["thang"], parts["ngay"])
    except (KeyError, TypeError, ValueError):
        raise FormError([Problem(
            path="han_bao_cao", value=str(value),
            vi=f"Hạn báo cáo '{value}' phải là một ngày đầy đủ, ví dụ 15/12/2025",
            en=f"report deadline '{value}' must be a full date, e.g. 15/12/2025",
        )]) from None


def letters(
    plan: VanBan,
    han_bao_cao: dt.date | str,
    *,
    ngay: Ngay | dt.date | str | None = None,
    don_vi_soan_thao: str | None = None,
    nguoi_ky: NguoiKy | None = None,
) -> Iterator[tuple[str, VanBan]]:
    """One công văn per lead agency of the plan: (agency, letter).

    The letters leave their number blank for the văn thư; their date is
    ``ngay`` or this month with the day blank.  The issuer, place, drafting
    unit and signer are the plan's unless given.
    """
    deadline = _report_by(han_bao_cao)
    unit = don_vi_soan_thao or plan.don_vi_soan_thao
    if not unit:
        raise FormError([Problem(
            path="don_vi_soan_thao",
            vi="Cần đơn vị soạn thảo để ghép ký hiệu công văn (ví dụ BCĐ-CAT): ghi don_vi_soan_thao trong kế hoạch"
               " hoặc dùng --don-vi VP",
            en="the drafting unit is needed for the công văn's ký hiệu: set don_vi_soan_thao in the plan"
               " or pass --don-vi VP",
        )])
    today = dt.date.today()
    reference = f"{plan_number(plan)} của {_name(plan)}"
    for agency, tasks in lead_agencies(plan):
        yield agency, validate_data(VanBan, {
            "loai": "cong-van",
            "co_quan_chu_quan": plan.co_quan_chu_quan,
            "co_quan_ban_hanh": plan.co_quan_ban_hanh,
            "don_vi_soan_thao": unit,
            "dia_danh": plan.dia_danh,
            "ngay": ngay or {"thang": today.month, "nam": today.year},
            "trich_yeu": f"báo cáo kết quả thực hiện {plan_number(plan)}",
            "kinh_gui": [agency],
            "noi_dung": [
                f"Thực hiện {reference} về {_lower_first(plan.trich_yeu or '')}, đề nghị {agency} báo cáo"
                " kết quả thực hiện các nhiệm vụ được giao chủ trì, gồm:",
                Gach(gach=_task_lines(tasks)),
                f"Báo cáo nêu rõ kết quả đạt được, khó khăn, vướng mắc và đề xuất, kiến nghị; gửi về"
                f" {_name(plan)} trước ngày **{vn.ngay_ngan(deadline)}** để tổng hợp.",
                f"Đề nghị {agency} quan tâm, thực hiện.",
            ],
            "luu": plan.luu,
            "nguoi_ky": nguoi_ky or plan.nguoi_ky,
            "co_chu": plan.co_chu,
        })


def _lower_first(text: str) -> str:
    text = " ".join(text.split())
    # Keep proper names and acronyms: lower only a capital followed by a lower-case letter.
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _name(plan: VanBan) -> str:
    return " ".join(plan.co_quan_ban_hanh.ten.split())
