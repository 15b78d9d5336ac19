"""The body (ô 6) as structure, never as pre-formatted paragraphs.

A body is a list of blocks:

* a plain string — a paragraph (``**bold**`` and ``*italic*`` allowed);
* ``muc`` — a section with a title; numbered by its depth through the
  document's scheme (``danh_so``): ``I.`` (title in upper case), ``1.``,
  ``1.1.``, ``a)`` in a plan, ``1.``, ``a)``, ``-`` in a công văn;
* ``khoan`` — a numbered item without a title, numbered the same way; both
  may name their level (``cap``) to skip one the scheme lets them skip;
* ``gach`` — lead-in items (``- …``, or ``+``, ``*``, ``–``);
* ``nhiem_vu`` — tasks, each with who leads (chủ trì), who cooperates (phối
  hợp) and a deadline, printed in the style the document chooses;
* ``so_tien`` — an amount, printed in figures and in words;
* ``phan``, ``chuong`` — a part or chapter: "Phần I" / "Chương II" on its own
  line, its title in upper case below (quyết định, quy chế, quy định);
* ``dieu`` — an article: "**Điều 1.** Title", numbered through the whole
  text; its khoản are numbered 1., 2. and its điểm a), b).

Numbering is never typed by the clerk: it follows the nesting, restarts in
each section and uses the Vietnamese letters for điểm (a b c d đ e g …);
the schemes are data in ``congvan.numbering``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated, Iterator, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, Tag, WithJsonSchema, field_validator, model_validator

from .. import numbering
from .rule import Rule, raise_first
from .table import Bang
from .thoi_han import Deadline, parse_deadline
from .text import Line, Text


#: How tasks are printed: their assignment in brackets (seed 004), in an italic
#: line (seed 000), grouped under the lead agency (seed 003), or the clerk's
#: sentences exactly as written, the data kept for the table and follow-ups.
AssignmentStyle = Literal["phan-cong", "ngoac", "theo-co-quan", "nguyen-van"]


class _Block(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _known_level(value: str | None) -> str | None:
    if value is not None and value not in numbering.ALL_LEVEL_NAMES:
        known = ", ".join(numbering.ALL_LEVEL_NAMES)
        raise Rule("unknown-level", f"Không có cấp đánh số '{value}'; các cấp: {known}"
                         f" / there is no numbering level '{value}'; the levels are: {known}")
    return value


LeadIn = Literal[numbering.LEAD_INS]  # type: ignore[valid-type]
#: A level of the document's numbering scheme, by name (``numbering.SCHEMES``).
LevelName = Annotated[str, AfterValidator(_known_level)]


class Muc(_Block):
    """A titled section: "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"."""

    muc: Line = Field(description="Tiêu đề mục (không gõ số thứ tự) / section title, without its number")
    noi_dung: list["Block"] = Field(default_factory=list, description="Nội dung của mục / the section's blocks")
    cap: LevelName | None = Field(
        default=None, description="Cấp đánh số nếu không theo độ sâu, ví dụ 'diem' để in a) ngay dưới 1."
        " (xem danh_so) / the numbering level, when not the nesting's (e.g. 'diem': a) right under 1.)"
    )


class Phan(_Block):
    """A part: "Phần I" then its title in upper case (Phụ lục I §II.6.đ)."""

    phan: Line = Field(description="Tiêu đề phần (không gõ 'Phần I') / the part's title")
    noi_dung: list["Block"] = Field(default_factory=list, description="Nội dung của phần / the part's content")


class Chuong(_Block):
    """A chapter: "Chương I" then its title in upper case (Phụ lục I §II.6.đ)."""

    chuong: Line = Field(description="Tiêu đề chương (không gõ 'Chương I') / the chapter's title")
    noi_dung: list["Block"] = Field(default_factory=list, description="Các điều của chương / the chapter's articles")


class Dieu(_Block):
    """An article: "Điều 1. Title", bold, numbered through the whole text."""

    dieu: Line | None = Field(default=None, description="Tiêu đề điều (không gõ 'Điều 1.') / the article's title")
    noi_dung: list["Block"] = Field(default_factory=list, description="Nội dung: đoạn văn, khoản, điểm / its content")

    @model_validator(mode="after")
    def _not_empty(self) -> "Dieu":
        raise_first(self.cross_field_rules())
        return self

    def cross_field_rules(self) -> Iterator[Rule]:
        if not self.dieu and not self.noi_dung:
            yield Rule("empty-article", "Điều cần tiêu đề (dieu) hoặc nội dung (noi_dung)"
                       " / an article needs a title or content", "dieu")


class Khoan(_Block):
    """A numbered item without a title: "1. Tổ chức quán triệt …"."""

    khoan: Text = Field(description="Nội dung khoản/điểm (không gõ số thứ tự) / the item's text, without its number")
    noi_dung: list["Block"] = Field(default_factory=list, description="Các ý con / nested blocks")
    cap: LevelName | None = Field(
        default=None, description="Cấp đánh số nếu không theo độ sâu, ví dụ 'diem' để in a) ngay dưới 1."
        " (xem danh_so) / the numbering level, when not the nesting's (e.g. 'diem': a) right under 1.)"
    )


class Gach(_Block):
    """Dash items: "- Phát huy sức mạnh …"."""

    gach: list[Text] = Field(min_length=1, description="Các ý gạch đầu dòng / dash items")
    dau_dong: LeadIn = Field(
        default="-", description="Dấu đầu dòng: '-', '+', '*' hoặc '–' (gạch ngang dài) / the lead-in mark"
    )


#: An amount: a number, or text with Vietnamese thousands dots ("1.500.000").
_AMOUNT = {"anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": r"^\s*[0-9][0-9.]*(,[0-9]+)?\s*$"}]}

#: A form may name one cooperating agency as text or several as a list.
_ONE_OR_MANY = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}


class NhiemVu(_Block):
    """A task: what to do, who leads, who cooperates, by when.

    Printed as a numbered item followed by its assignment, in the style the
    document chooses (``cach_phan_cong``), or grouped under its lead agency.
    """

    noi_dung: Text | list[Text] = Field(
        description="Nội dung nhiệm vụ; nhiều đoạn thì viết thành danh sách / the task; a list for several paragraphs"
    )
    chu_tri: Line | None = Field(default=None, description="Cơ quan chủ trì / lead agency")
    phoi_hop: Annotated[list[Line], WithJsonSchema(_ONE_OR_MANY)] = Field(
        default_factory=list, description="Cơ quan phối hợp: một tên hoặc danh sách / cooperating agencies"
    )
    thuc_hien: Line | None = Field(
        default=None, description="Cơ quan thực hiện khi không có một cơ quan chủ trì / performers when nobody leads"
    )
    thoi_han: Deadline = None
    san_pham: Text | None = Field(default=None, description="Sản phẩm / expected output")
    phan_cong: Text | None = Field(
        default=None, description="Câu phân công đúng như văn bản viết, in thay câu tự ghép (kiểu ngoac, phan-cong,"
        " theo-co-quan); chu_tri, phoi_hop, thoi_han vẫn là dữ liệu / the assignment as the document words it,"
        " printed instead of the composed one; the data stays"
    )
    nhiem_vu: list["NhiemVu"] = Field(default_factory=list, description="Nhiệm vụ con / subtasks")

    @field_validator("phoi_hop", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @field_validator("thoi_han", mode="before")
    @classmethod
    def _check_deadline(cls, value: object) -> object:
        return parse_deadline(value)

    @property
    def paragraphs(self) -> list[str]:
        return [self.noi_dung] if isinstance(self.noi_dung, str) else list(self.noi_dung)

    @property
    def has_assignment(self) -> bool:
        return bool(self.chu_tri or self.thuc_hien)


class NhomCoQuan(_Block):
    """How one lead agency's group is headed when tasks are grouped by agency."""

    ten: Line = Field(description="Cơ quan chủ trì, đúng như ghi ở chu_tri / the lead agency, as in chu_tri")
    tieu_de: Text | None = Field(
        default=None, description="Tiêu đề in ra, giữ nguyên dấu câu, ví dụ 'Sở Tài chính:' hoặc 'Đề nghị Tòa án nhân dân"
        " tỉnh' (mặc định: tên cơ quan) / the heading as printed, punctuation kept (default: the name)"
    )
    mo_dau: Text | list[Text] | None = Field(
        default=None, description="Đoạn dẫn dưới tiêu đề cơ quan, trước các nhiệm vụ / lead-in text under the heading"
    )


TaskMark = Literal[("so", "khong", *numbering.LEAD_INS)]  # type: ignore[valid-type]


class DanhSachNhiemVu(_Block):
    """A list of tasks (the heart of a kế hoạch)."""

    nhiem_vu: list[NhiemVu] = Field(min_length=1, description="Các nhiệm vụ / the tasks")
    cach_phan_cong: "AssignmentStyle | None" = Field(
        default=None, description="Cách trình bày riêng cho danh sách này (mặc định: cach_phan_cong của văn bản)"
        " / this list's assignment style (default: the document's)"
    )
    dau_dong: TaskMark | None = Field(
        default=None, description="Đầu dòng mỗi nhiệm vụ: 'so' (đánh số theo cấp), '-', '+', '*', '–' hoặc 'khong';"
        " mọi nhiệm vụ trong nhóm in như nhau / each task's mark: numbered, a lead-in, or none; the same for all"
    )
    cap: LevelName | None = Field(
        default=None, description="Cấp đánh số của các nhiệm vụ (xem danh_so) / the numbering level of the tasks"
    )
    theo_co_quan: bool = Field(
        default=False, description="Với kiểu nguyen-van: nhóm các nhiệm vụ dưới tiêu đề cơ quan chủ trì, câu văn in như đã viết"
        " / with the nguyen-van style: group the tasks under their lead agency, sentences as written"
    )
    co_quan: list[NhomCoQuan] = Field(
        default_factory=list, description="Tiêu đề, đoạn dẫn của từng nhóm cơ quan / each agency group's heading and lead-in"
    )

    @model_validator(mode="after")
    def _every_task_has_a_lead(self) -> "DanhSachNhiemVu":
        raise_first(self.cross_field_rules())
        return self

    def cross_field_rules(self) -> Iterator[Rule]:
        for index, task in enumerate(self.nhiem_vu):
            yield from _check_lead(task, inherited=False, path=f"nhiem_vu[{index}]")
        leads = {task.chu_tri or task.thuc_hien for task in self.nhiem_vu}
        for index, group in enumerate(self.co_quan):
            if group.ten not in leads:
                yield Rule("group-without-task", f"'{group.ten}' không chủ trì nhiệm vụ nào của danh sách"
                           f" / '{group.ten}' leads no task of this list", f"co_quan[{index}].ten")


def _check_lead(task: NhiemVu, inherited: bool, path: str) -> Iterator[Rule]:
    # A subtask may rely on its parent's assignment (seed 004: 3.3–3.8 under 3).
    has = task.has_assignment or inherited
    if not has and not task.nhiem_vu:
        yield Rule("task-without-lead", "Nhiệm vụ chưa có cơ quan chủ trì (chu_tri) hoặc thực hiện (thuc_hien)"
                   " / the task names no lead agency (chu_tri) nor performers (thuc_hien)", f"{path}.chu_tri")
    for index, sub in enumerate(task.nhiem_vu):
        yield from _check_lead(sub, inherited=has, path=f"{path}.nhiem_vu[{index}]")
    if not has and task.nhiem_vu and not all(s.has_assignment for s in task.nhiem_vu):
        yield Rule("task-without-lead", "Nhiệm vụ chưa có cơ quan chủ trì (chu_tri) / the task names no lead agency",
                   f"{path}.chu_tri")


class SoTien(_Block):
    """An amount: ``1.500.000.000 đồng (Bằng chữ: Một tỷ năm trăm triệu đồng)``."""

    so_tien: Annotated[Decimal, WithJsonSchema(_AMOUNT)] = Field(description="Số tiền (đồng) / amount in đồng")
    noi_dung: Text | None = Field(default=None, description="Câu dẫn trước số tiền, ví dụ 'Tổng kinh phí:' / lead-in text")

    @field_validator("so_tien", mode="before")
    @classmethod
    def _amount(cls, value: object) -> object:
        if isinstance(value, bool):  # YAML true/false is not an amount (Decimal(True) is 1)
            raise ValueError(f"Số tiền phải là số, không phải {str(value).lower()} / the amount must be a number,"
                             f" not {str(value).lower()}")
        try:
            amount = Decimal(str(value).replace(".", "").replace(",", ".")) if isinstance(value, str) else Decimal(value)
        except (InvalidOperation, TypeError, ValueError):
            raise Rule("wrong-type", f"Số tiền '{value}' không phải là số / amount '{value}' is not a number") from None
        if amount < 0:
            raise Rule("out-of-range", f"Số tiền không được âm ({value}) / amount must not be negative ({value})")
        return amount


def _block_kind(value: object) -> str | None:
    if isinstance(value, str):
        return "§doan"
    if isinstance(value, dict):
        for key in ("muc", "khoan", "gach", "nhiem_vu", "so_tien", "phan", "chuong", "dieu", "bang"):
            if key in value:
                return f"§{key}"
        return None
    kinds = ((Muc, "muc"), (Khoan, "khoan"), (Gach, "gach"), (DanhSachNhiemVu, "nhiem_vu"), (SoTien, "so_tien"),
             (Phan, "phan"), (Chuong, "chuong"), (Dieu, "dieu"), (Bang, "bang"))
    for cls, key in kinds:
        if isinstance(value, cls):
            return f"§{key}"
    return None


Block = Annotated[
    Union[
        Annotated[Text, Tag("§doan")],
        Annotated[Muc, Tag("§muc")],
        Annotated[Khoan, Tag("§khoan")],
        Annotated[Gach, Tag("§gach")],
        Annotated[DanhSachNhiemVu, Tag("§nhiem_vu")],
        Annotated[SoTien, Tag("§so_tien")],
        Annotated[Phan, Tag("§phan")],
        Annotated[Chuong, Tag("§chuong")],
        Annotated[Dieu, Tag("§dieu")],
        Annotated[Bang, Tag("§bang")],
    ],
    Discriminator(
        _block_kind,
        custom_error_type="block_kind",
        custom_error_message=(
            "Khối nội dung phải là một đoạn văn hoặc có một trong các khóa muc, khoan, gach, nhiem_vu, so_tien,"
            " phan, chuong, dieu, bang / a body block must be a paragraph or have one of the keys muc, khoan, gach,"
            " nhiem_vu, so_tien, phan, chuong, dieu, bang"
        ),
    ),
]

Muc.model_rebuild()
Khoan.model_rebuild()
Phan.model_rebuild()
Chuong.model_rebuild()
Dieu.model_rebuild()
NhiemVu.model_rebuild()



def walk(blocks: list) -> Iterator[object]:
    """Every block, depth first, in reading order."""
    for block in blocks:
        yield block
        if isinstance(block, (Muc, Khoan, Phan, Chuong, Dieu)):
            yield from walk(block.noi_dung)
