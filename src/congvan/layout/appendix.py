"""Appendices (Phụ lục I §III.1, Mẫu 2.1) and the task table of a plan.

Each appendix starts on a new page with its own page numbers: the label
("Phụ lục", or "Phụ lục I", "Phụ lục II" when there are several), its title
in upper case, and the italic line tying it to the document
("(Kèm theo Kế hoạch số 198/KH-BCĐ ngày 14 tháng 5 năm 2021 của …)").
"""

from __future__ import annotations

from .. import inline, rules, vn
from ..model import NhiemVu, PhuLuc, VanBan
from ..rules import Profile
from . import geometry
from .body import close_with_end_mark, roman, text_blocks
from .tasks import deadline_text, join_agencies
from .view import Appendix, Para, Table

_PADDING = 2 * rules.TABLE_CELL_PADDING_MM


def appendices(doc: VanBan) -> list[Appendix]:
    many = len(doc.phu_luc) > 1
    attached = [attached_text(doc)] if doc.kem_theo else []
    return attached + [appendix(doc, item, roman(n) if many else "") for n, item in enumerate(doc.phu_luc, start=1)]


def attached_text(doc: VanBan) -> Appendix:
    """Mẫu 1.3: the quy chế/quy định a quyết định issues, on its own pages: the
    header without number or date, its type and subject, "(Ban hành kèm theo
    Quyết định số …)" (or "(Kèm theo …)"), its chapters and articles, and the
    signature block when the form asks for it (``nguoi_ky``)."""
    from . import closing, header as head

    profile, text = doc.co_chu, doc.kem_theo
    full = head.header(doc, head.page_for(doc, profile), profile)
    full.number, full.place_date, full.subject_cong_van, full.marks = "", "", None, []
    full.circulation = full.draft = None
    subject = [line.strip() for line in text.trich_yeu.split("\n") if line.strip()]
    reference = attached_reference(doc)
    heading = [Para("ten_loai", (inline.Span(text.loai.upper()),))]
    heading += [Para("trich_yeu", (inline.Span(line),)) for line in subject]
    heading.append(Para("phu_luc_kem_theo", (inline.Span(reference),)))
    rule = geometry.rule_under([reference], "phu_luc_kem_theo", rules.TEXT_WIDTH_MM, profile)
    body = close_with_end_mark(text_blocks(text.noi_dung, doc, text.numbering(doc.scheme)))
    signature = None
    if text.nguoi_ky is not None:
        signer = doc.nguoi_ky if text.nguoi_ky == "nhu-quyet-dinh" else text.nguoi_ky
        signature = closing.signature(doc.model_copy(update={"nguoi_ky": signer}))
        signature.image = signature.seal = None  # signing images belong to the decision's page
    return Appendix(heading=heading, rule=rule, body=body, table=None, landscape=False, header=full,
                    signature=signature)


def attached_reference(doc: VanBan) -> str:
    """"(Ban hành kèm theo Quyết định số    /QĐ-UBND ngày    tháng 7 năm 2025 của …)",
    or the form's own line with {loai} {so} {ngay} {co_quan} filled in."""
    text = doc.kem_theo
    verb = rules.ISSUED_WITH["regulation" if text.loai.strip().lower() in rules.REGULATION_TYPES else "other"]
    number, date, issuer = _reference_parts(doc)
    if text.dong_kem_theo:
        line = " ".join(text.dong_kem_theo.split())
        for key, value in (("{loai}", doc.doc_type.name), ("{so}", number), ("{ngay}", date), ("{co_quan}", issuer)):
            line = line.replace(key, value)
        return line if line.startswith("(") else f"({line})"
    return f"({verb} {doc.doc_type.name} số {number} {date} của {issuer})"


def _reference_parts(doc: VanBan) -> tuple[str, str, str]:
    """"05/QĐ-UBND" (number blank for the văn thư if not yet issued), the date
    with its blanks, the issuer's name."""
    number, code = doc.so_ky_hieu
    shown = vn.pad2(number) if number is not None else rules.BLANK_NUMBER
    d = doc.ngay
    date = vn.ngay_thang_nam(d.ngay, d.thang, d.nam, blank=rules.BLANK_DAY)
    return f"{shown}/{code}", date, " ".join(doc.co_quan_ban_hanh.ten.split())


def appendix(doc: VanBan, item: PhuLuc, number: str) -> Appendix:
    profile = doc.co_chu
    label = f"{rules.PHU_LUC} {number}".strip()
    heading = [Para("phu_luc_nhan", (inline.Span(label),))]
    if item.tieu_de:
        heading += [Para("phu_luc_tieu_de", (inline.Span(line.strip().upper()),))
                    for line in item.tieu_de.split("\n") if line.strip()]
    reference = reference_line(doc, electronic=item.tep_rieng)
    heading.append(Para("phu_luc_kem_theo", (inline.Span(reference),)))
    rule = geometry.rule_under([reference], "phu_luc_kem_theo", rules.TEXT_WIDTH_MM, profile)
    body = text_blocks(item.noi_dung, doc)
    table = task_table(doc.tasks(), profile) if item.bang_nhiem_vu else None
    if table is None:
        body = close_with_end_mark(body)
    landscape = table is not None and sum(table.widths_mm) > rules.TEXT_WIDTH_MM + 0.05
    return Appendix(heading=heading, rule=rule, body=body, table=table, landscape=landscape, separate=item.tep_rieng)


def reference_line(doc: VanBan, electronic: bool = False) -> str:
    """"(Kèm theo Kế hoạch số 05/KH-UBND ngày 06 tháng 7 năm 2023 of Ủy ban nhân dân tỉnh …)".
    An appendix in a file of its own (Mẫu 2.2) leaves number and date blank:
    the e-signature on the file carries them."""
    issuer = " ".join(doc.co_quan_ban_hanh.ten.split())
    if electronic:
        gap = rules.BLANK_DAY
        return f"(Kèm theo {doc.doc_type.name} số{gap}ngày{gap}tháng{gap}năm{gap}của {issuer})"
    number, date, issuer = _reference_parts(doc)
    return f"({rules.ISSUED_WITH['other']} {doc.doc_type.name} số {number} {date} của {issuer})"


# --- the task table ------------------------------------------------------------------

def task_rows(tasks: list[NhiemVu]) -> list[dict[str, str]]:
    """One row per task and subtask: "1", "1.1" …; a subtask without its own
    assignment shows its parent's, since a table row must stand alone."""
    rows: list[dict[str, str]] = []

    def add(task: NhiemVu, stt: str, lead: str, coop: list[str]) -> None:
        own_lead = task.chu_tri or task.thuc_hien
        lead, coop = (own_lead, task.phoi_hop) if own_lead else (lead, task.phoi_hop or coop)
        rows.append({
            "stt": stt,
            "noi_dung": "\n".join(task.paragraphs),
            "chu_tri": lead or "",
            "phoi_hop": join_agencies(coop) if coop else "",
            "thoi_han": deadline_text(task.thoi_han) or "",
            "san_pham": task.san_pham or "",
        })
        for n, sub in enumerate(task.nhiem_vu, start=1):
            add(sub, f"{stt}.{n}", lead, coop)

    for n, task in enumerate(tasks, start=1):
        add(task, str(n), "", [])
    return rows


def task_table(tasks: list[NhiemVu], profile: Profile) -> Table:
    rows = task_rows(tasks)
    columns = [c for c in rules.TASK_TABLE_COLUMNS if c[0] != "san_pham" or any(r["san_pham"] for r in rows)]
    widths = column_widths(columns, rows, profile)
    header = tuple(Para("bang_tieu_de", (inline.Span(title),)) for _, title, _ in columns)
    body = tuple(
        tuple(_cell(key, row[key]) for key, _, _ in columns)
        for row in rows
    )
    return Table(widths_mm=widths, header=header, rows=body)


def _cell(key: str, text: str) -> tuple[Para, ...]:
    element = "bang_o_giua" if key in ("stt", "thoi_han") else "bang_o"
    return tuple(Para(element, tuple(inline.parse(line))) for line in text.split("\n")) or (Para(element, ()),)


def column_widths(columns, rows, profile: Profile) -> tuple[float, ...]:
    """Narrow columns as wide as their text wants (up to their cap); the task
    column takes the rest.  If it would be narrower than the minimum, the
    appendix turns landscape and the widths are laid out again."""
    for text_width in (rules.TEXT_WIDTH_MM, rules.LANDSCAPE_TEXT_WIDTH_MM):
        fixed = {key: _wanted(key, title, cap, rows, profile) for key, title, cap in columns if key != "noi_dung"}
        content = text_width - sum(fixed.values())
        if content >= rules.TASK_TABLE_CONTENT_MIN_MM:
            break
    return tuple(round(content if key == "noi_dung" else fixed[key], 1) for key, _, _ in columns)


def _wanted(key: str, title: str, cap: float | None, rows, profile: Profile) -> float:
    # A heading may wrap to two lines, never one word per line.
    head_words = max(max(geometry.text_mm(w, "bang_tieu_de", profile) for w in title.split()),
                     geometry.text_mm(title, "bang_tieu_de", profile) / 2)
    cells = [row[key] for row in rows if row[key]]
    longest_word = max((geometry.text_mm(w, "bang_o", profile) for c in cells for w in c.split()), default=0.0)
    whole = max((geometry.text_mm(c, "bang_o", profile) for c in cells), default=0.0)
    floor = max(head_words, longest_word) + _PADDING
    if cap is None:  # STT: as wide as its widest label or heading
        return round(max(floor, geometry.text_mm(title, "bang_tieu_de", profile) + _PADDING), 1)
    return round(max(floor, min(cap, whole + _PADDING)), 1)
