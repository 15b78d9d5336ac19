"""A table in the body (``bang``): header rows, body rows, merged cells.

Written the way a clerk draws it, row by row, left to right::

    - bang:
        cot: [{rong: 45}, {can: giua}, {can: giua}]
        dau:
          - [{noi_dung: "Thời gian", gop_dong: 2}, {noi_dung: Phòng ban đào tạo, gop_cot: 2}]
          - [Sáng, Chiều]
        dong:
          - [Ngày 02/01/2012 (thứ 2), Văn phòng, Phòng Bưu chính]

A cell is text, or ``{noi_dung, gop_cot, gop_dong, can}`` when it spans
columns (``gop_cot``) or rows (``gop_dong``).  As in HTML, a row lists only
the cells that start in it: a position covered by a cell from a row above is
skipped.  Every row must then fill exactly the table's columns; a cell that
runs over another, past the last column or below the last row of its part
(header or body) is refused with the row's path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from .. import rules
from .rule import Rule
from .text import Line, _to_str, clean

#: Alignment of a column or a cell: left, centre, right, justified.
Can = Literal["trai", "giua", "phai", "deu"]


def _none_is_empty(value: object) -> object:
    return "" if value is None else _to_str(value)


#: A cell's text: may be empty ("" or nothing), may hold line breaks ("\n").
CellText = Annotated[str, BeforeValidator(_none_is_empty), AfterValidator(clean)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class O(_Model):
    """A cell that spans columns or rows, or is aligned on its own."""

    noi_dung: CellText = Field(default="", description="Nội dung ô; '\\n' xuống dòng trong ô / the cell's text")
    gop_cot: int = Field(default=1, ge=1, le=60, description="Số cột ô chiếm (gộp ngang) / columns the cell spans")
    gop_dong: int = Field(default=1, ge=1, le=1000, description="Số dòng ô chiếm (gộp dọc) / rows the cell spans")
    can: Can | None = Field(default=None, description="Căn lề riêng của ô: trai, giua, phai, deu / the cell's alignment")


#: A cell: its text, or a mapping when it is merged or aligned on its own; "" is an empty cell.
Cell = Union[CellText, O]


class Cot(_Model):
    """One column: its width and the alignment of its cells."""

    rong: float | None = Field(
        default=None, gt=0, le=300, description="Độ rộng cột (mm); bỏ trống để tự tính theo nội dung / width in mm; blank: from the text"
    )
    can: Can | None = Field(default=None, description="Căn lề các ô của cột: trai (mặc định), giua, phai, deu / alignment")


@dataclass(frozen=True)
class Placed:
    """A cell put on the grid: its top-left position and its extent."""

    row: int
    col: int
    cols: int
    rows: int
    text: str
    can: str | None


class NoiDungBang(_Model):
    """What a table holds (the value of ``bang``)."""

    cot: list[Cot] = Field(
        default_factory=list, description="Các cột: độ rộng (mm) và căn lề; bỏ trống để tự tính / the columns"
    )
    dau: list[list[Cell]] = Field(
        default_factory=list,
        description="Các dòng tiêu đề (lặp lại đầu mỗi trang); một dòng có thể viết thẳng là danh sách ô"
        " / header rows, repeated on every page; a single row may be written as a plain list of cells",
    )
    dong: list[list[Cell]] = Field(min_length=1, description="Các dòng nội dung / the body rows")
    stt: bool | Line = Field(
        default=False, description="Thêm cột số thứ tự tự đánh số (true, hoặc tên cột, ví dụ 'TT') / a numbering column"
    )
    trang_ngang: bool | None = Field(
        default=None, description="In bảng trên trang nằm ngang; mặc định tự chọn khi bảng quá rộng / landscape page (auto)"
    )
    tach_dong: bool = Field(
        default=False, description="Cho phép một dòng bị ngắt sang trang sau / let a row break across pages"
    )

    @field_validator("dau", mode="before")
    @classmethod
    def _one_row(cls, value: object) -> object:
        # "dau: [STT, Nội dung]" is one header row, the commonest case.
        if isinstance(value, list) and value and not any(isinstance(v, list) for v in value):
            return [value]
        return value

    @field_validator("cot", mode="before")
    @classmethod
    def _widths(cls, value: object) -> object:
        # "cot: [15, null, 40]": a bare number is a width.
        if isinstance(value, list):
            return [{"rong": v} if isinstance(v, (int, float)) and not isinstance(v, bool) or v is None else v
                    for v in value]
        return value

    @model_validator(mode="after")
    def _grid_fits(self) -> "NoiDungBang":
        width = self.columns
        if self.cot and len(self.cot) != width:
            raise Rule("table-columns-mismatch",
                       f"dòng đầu của bảng có {width} cột nhưng khai báo {len(self.cot)} cột"
                       f" / the table's first row has {width} columns but {len(self.cot)} are declared", "cot")
        for part in ("dau", "dong"):
            place(getattr(self, part), width, part)
        given = sum(c.rong or 0 for c in self.cot)
        if given > rules.LANDSCAPE_TEXT_WIDTH_MM:
            raise Rule("table-too-wide",
                       f"các cột rộng {given:g} mm, quá bề rộng trang nằm ngang ({rules.LANDSCAPE_TEXT_WIDTH_MM} mm)"
                       f" / the columns are {given:g} mm wide, wider than a landscape page's text"
                       f" ({rules.LANDSCAPE_TEXT_WIDTH_MM} mm)", "cot")
        return self

    @property
    def columns(self) -> int:
        """Columns of the clerk's own grid (the numbering column not counted):
        as many as the first row fills, the first header row or else the first body row."""
        first = self.dau[0] if self.dau else self.dong[0]
        return sum(_span(c)[0] for c in first)

    @property
    def numbering_title(self) -> str | None:
        if self.stt is False:
            return None
        return rules.TABLE_NUMBER_HEADING if self.stt is True else str(self.stt)

    def header_grid(self) -> list[Placed]:
        return place(self.dau, self.columns, "dau")

    def body_grid(self) -> list[Placed]:
        return place(self.dong, self.columns, "dong")


def _span(cell: str | O) -> tuple[int, int]:
    return (1, 1) if isinstance(cell, str) else (cell.gop_cot, cell.gop_dong)


def place(rows: list[list[str | O]], width: int, part: str) -> list[Placed]:
    """The cells of rows on a grid width columns wide, HTML style: a row's
    cells fill the positions not covered from above, left to right."""
    covered: set[tuple[int, int]] = set()
    out: list[Placed] = []
    for r, row in enumerate(rows):
        c = 0
        for index, cell in enumerate(row):
            while (r, c) in covered:
                c += 1
            cols, nrows = _span(cell)
            where = f"{part}[{r}][{index}]"
            if c + cols > width:
                raise Rule("table-row-too-long",
                           f"ô vượt quá {width} cột của bảng (dòng dài hơn dòng tiêu đề)"
                           f" / the cell runs past the table's {width} columns (the row is longer than the header)",
                           where)
            if r + nrows > len(rows):
                raise Rule("table-merge-too-long",
                           f"ô gộp {nrows} dòng nhưng chỉ còn {len(rows) - r} dòng"
                           f" / the cell spans {nrows} rows but only {len(rows) - r} remain", where)
            cells = {(r + i, c + j) for i in range(nrows) for j in range(cols)}
            if cells & covered:
                raise Rule("table-cells-overlap", "ô chồng lên một ô đã gộp từ dòng trên"
                           " / the cell overlaps a cell merged from a row above", where)
            covered |= cells
            text, align = (cell, None) if isinstance(cell, str) else (cell.noi_dung, cell.can)
            out.append(Placed(r, c, cols, nrows, text, align))
            c += cols
        filled = sum(1 for (rr, _) in covered if rr == r)
        if filled != width:
            raise Rule("table-row-too-short",
                       f"dòng có {filled} ô, bảng có {width} cột; ô trống ghi \"\""
                       f" / the row fills {filled} of the table's {width} columns; write \"\" for an empty cell",
                       f"{part}[{r}]")
    return out


class Bang(BaseModel):
    """A table block of the body: ``{bang: {dau: …, dong: …}}``."""

    model_config = ConfigDict(extra="forbid")

    bang: NoiDungBang = Field(description="Bảng: dòng tiêu đề, dòng nội dung, cột / a table")
