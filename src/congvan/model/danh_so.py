"""``danh_so``: which numbering scheme a document uses, and its overrides.

The schemes themselves are data in ``congvan.numbering``; a form names one
(``danh_so: so``) or names one and changes some of its levels::

    danh_so:
      kieu: la-ma
      cap:
        khoan: {khoan_so_dam: true}        # "**1.** Tiếp tục …"
        diem: {nhan: "({1})"}              # (1), (2) instead of a), b)

Numbering never comes from the clerk's text: the label is computed from
the nesting, the level says how it looks.
"""

from __future__ import annotations

from typing import Annotated, Iterator, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator, model_validator

from .. import numbering
from .rule import Rule

SchemeName = Literal[tuple(numbering.SCHEMES)]  # type: ignore[valid-type]


class CapSo(BaseModel):
    """Overrides of one level; a field left out keeps the scheme's value."""

    model_config = ConfigDict(extra="forbid")

    nhan: str | None = Field(
        default=None, description="Mẫu nhãn: {I} số La Mã ({i} chữ thường), {1} số Ả Rập, {a} chữ cái tiếng Việt ({A} in hoa),"
        " {cha} nhãn cấp trên; ví dụ '{1}.', '{cha}{1}.', '{a})', '({1})', '{I}-', '-', '+' / label pattern"
    )
    in_hoa: bool | None = Field(default=None, description="Tiêu đề in hoa / heading title in upper case")
    so_dam: bool | None = Field(default=None, description="Số của tiêu đề in đậm / a heading's number bold")
    so_nghieng: bool | None = Field(default=None, description="Số của tiêu đề in nghiêng / a heading's number italic")
    tieu_de_dam: bool | None = Field(default=None, description="Tiêu đề in đậm / heading title bold")
    tieu_de_nghieng: bool | None = Field(default=None, description="Tiêu đề in nghiêng / heading title italic")
    khoan_so_dam: bool | None = Field(default=None, description="Số của khoản (không tiêu đề) in đậm / an item's number bold")
    khoan_so_nghieng: bool | None = Field(default=None, description="Số của khoản in nghiêng / an item's number italic")
    chi_muc: bool | None = Field(
        default=None, description="Cấp chỉ dùng khi danh sách có mục có tiêu đề / used only by lists holding a titled section"
    )
    bo_qua_duoc: bool | None = Field(
        default=None, description="Cho phép nhảy qua cấp này (khoản ghi 'cap') / items may skip over this level"
    )

    @field_validator("nhan")
    @classmethod
    def _pattern(cls, value: str | None) -> str | None:
        if value is not None and not numbering.valid_pattern(value):
            raise Rule("bad-label-pattern", 
                f"Mẫu nhãn '{value}' không hợp lệ: chỉ dùng {', '.join(numbering.PLACEHOLDERS)} và dấu, tối đa 20 ký tự"
                f" / label pattern '{value}' is invalid: use only {', '.join(numbering.PLACEHOLDERS)} and punctuation,"
                " at most 20 characters"
            )
        return value

    def changes(self) -> dict:
        return {k: v for k, v in self.model_dump().items() if v is not None}


class DanhSo(BaseModel):
    """A numbering scheme by name, with some of its levels changed."""

    model_config = ConfigDict(extra="forbid")

    kieu: SchemeName | None = Field(
        default=None, description="Kiểu đánh số: " + "; ".join(f"'{k}' {v}" for k, v in numbering.SCHEME_NOTES.items())
        + "; mặc định theo loại văn bản / the scheme; by default the type's"
    )
    cap: dict[str, CapSo] = Field(
        default_factory=dict, description="Sửa từng cấp theo tên cấp (muc, khoan, tieu-khoan, diem, gach …)"
        " / per-level overrides by level name"
    )

    @model_validator(mode="after")
    def _levels_exist(self) -> "DanhSo":
        # With the scheme named, a wrong level is reported here, at its line;
        # without it the document's type decides the scheme (checked in VanBan).
        if self.kieu:
            names = numbering.level_names(numbering.SCHEMES[self.kieu])
            for name in self.cap:
                if name not in names:
                    raise unknown_level(self.kieu, name, f"cap.{name}")
        return self


#: The ``danh_so`` field: a scheme's name, or {kieu, cap}.
DanhSoField = Annotated[
    Union[Annotated[SchemeName, Tag("§ten")], Annotated[DanhSo, Tag("§chi_tiet")]],
    Discriminator(lambda v: "§ten" if isinstance(v, str) else "§chi_tiet"),
]


def scheme_of(danh_so: "str | DanhSo | None", default: str) -> str:
    """The scheme in force: the one the form names, else ``default`` (the type's)."""
    chosen = danh_so.kieu if isinstance(danh_so, DanhSo) else danh_so
    return chosen or default


def levels_of(danh_so: "str | DanhSo | None", default: str) -> tuple:
    overrides = danh_so.cap if isinstance(danh_so, DanhSo) else {}
    return numbering.resolve(scheme_of(danh_so, default), {k: v.changes() for k, v in overrides.items()})


def unknown_levels(danh_so: "str | DanhSo | None", default: str, field: str) -> list[Rule]:
    """Overridden levels the scheme in force does not have (its name may come from the type)."""
    if not isinstance(danh_so, DanhSo):
        return []
    scheme = scheme_of(danh_so, default)
    names = numbering.level_names(numbering.SCHEMES[scheme])
    return [unknown_level(scheme, name, f"{field}.cap.{name}") for name in danh_so.cap if name not in names]


def scheme_name(value: object) -> object:
    """A scheme given by name must be a known one: one clear error, not a union's two."""
    if isinstance(value, str) and value not in numbering.SCHEMES:
        known = ", ".join(numbering.SCHEMES)
        raise Rule("unknown-scheme", f"Không có kiểu đánh số '{value}'; các kiểu: {known}"
                         f" / there is no numbering scheme '{value}'; the schemes are: {known}")
    return value


def unknown_level(scheme: str, name: str, field: str = "") -> Rule:
    known = ", ".join(numbering.level_names(numbering.SCHEMES[scheme]))
    return Rule(
        "unknown-level",
        f"Kiểu đánh số '{scheme}' không có cấp '{name}'; các cấp: {known}"
        f" / numbering scheme '{scheme}' has no level '{name}'; its levels: {known}",
        field,
    )


def check_levels(blocks: list, scheme: str, levels: tuple, path: str = "noi_dung") -> Iterator[Rule]:
    """Every ``cap`` a block names is a level of the document's scheme that it
    can reach from where it stands (the same walk the renderer makes)."""
    from .body import Chuong, DanhSachNhiemVu, Dieu, Khoan, Muc, Phan

    found: list[Rule] = []

    def walk(items: list, lv: tuple, index: int, where: str) -> None:
        index = numbering.enter(lv, index, any(isinstance(b, Muc) for b in items))
        for n, block in enumerate(items):
            here = f"{where}[{n}]"
            if isinstance(block, (Muc, Khoan, DanhSachNhiemVu)):
                at = index
                if block.cap:
                    try:
                        at = numbering.jump(lv, index, block.cap)
                    except ValueError as exc:
                        found.append(Rule("unreachable-level", str(exc), f"{here}.cap"))
                if not isinstance(block, DanhSachNhiemVu):
                    walk(block.noi_dung, lv, at + 1, f"{here}.noi_dung")
            elif isinstance(block, (Phan, Chuong)):
                walk(block.noi_dung, lv, 0, f"{here}.noi_dung")
            elif isinstance(block, Dieu):
                walk(block.noi_dung, numbering.article_levels(scheme, lv), 0, f"{here}.noi_dung")

    walk(blocks, levels, 0, path)
    yield from found
