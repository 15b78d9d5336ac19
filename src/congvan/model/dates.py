"""Dates as a clerk writes them: full, or partial for a draft.

A draft often leaves the day (and the number) blank for the văn thư to fill
in at issuance: seed 000 prints ``ngày    tháng 7 năm 2022``.  Forms may give
``15/7/2022``, ``2022-07-15``, or a mapping ``{thang: 7, nam: 2022}``.
"""

from __future__ import annotations

import datetime as dt
import re

from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .text import not_bool

from .rule import Rule, raise_first

_DMY = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_MY = re.compile(r"^\s*(?:tháng\s*)?(\d{1,2})\s*/\s*(\d{4})\s*$")
#: The spellings above, for the JSON Schema (editors check forms with it).
DATE_PATTERN = (r"^\s*(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{4}-\d{1,2}-\d{1,2}"
                r"|(tháng\s*)?\d{1,2}\s*/\s*\d{4})\s*$")


def _bad_date(text: str) -> ValueError:
    return Rule(
        "bad-date",
        f"Ngày '{text}' không đúng dạng: viết 15/7/2022, 2022-07-15, hoặc 7/2022 nếu chưa có ngày"
        f" / date '{text}' is not in a known form: write 15/7/2022, 2022-07-15, or 7/2022 when the day is left blank"
    )


def parse_date_input(value: object) -> object:
    """Turn the accepted spellings into a mapping of day, month, year."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return {"ngay": value.day, "thang": value.month, "nam": value.year}
    if not isinstance(value, str):
        return value
    if m := _DMY.match(value):
        return {"ngay": int(m[1]), "thang": int(m[2]), "nam": int(m[3])}
    if m := _ISO.match(value):
        return {"ngay": int(m[3]), "thang": int(m[2]), "nam": int(m[1])}
    if m := _MY.match(value):
        return {"thang": int(m[1]), "nam": int(m[2])}
    raise _bad_date(value)


class Ngay(BaseModel):
    """Ngày ban hành: a date whose day or month may still be blank."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ngay: int | None = Field(default=None, ge=1, le=31, description="Ngày (để trống nếu văn thư điền khi ban hành) / day")
    thang: int | None = Field(default=None, ge=1, le=12, description="Tháng / month")
    nam: int = Field(ge=1945, le=2200, description="Năm, 4 chữ số / year")
    _not_bool = field_validator("ngay", "thang", "nam", mode="before")(not_bool)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        # Forms write dates as text; the mapping form is for programs.
        spelled = {"type": "string", "pattern": DATE_PATTERN, "examples": ["15/7/2022", "7/2022", "2022-07-15"]}
        return {"anyOf": [spelled, handler(core_schema)]}

    @model_validator(mode="before")
    @classmethod
    def _accept_spellings(cls, value: object) -> object:
        return parse_date_input(value)

    @model_validator(mode="after")
    def _real_calendar_date(self) -> "Ngay":
        raise_first(self.cross_field_rules())
        return self

    def cross_field_rules(self) -> Iterator[Rule]:
        if self.ngay is not None and self.thang is None:
            yield Rule("day-without-month", "Có ngày thì phải có tháng / a day needs a month", "thang")
        elif self.ngay is not None:
            try:
                dt.date(self.nam, self.thang, self.ngay)
            except ValueError:
                text = f"{self.ngay:02d}/{self.thang:02d}/{self.nam}"
                # At the date itself: a form writes it as one text, "31/02/2025".
                yield Rule("not-a-calendar-date", f"Ngày {text} không có trong lịch / {text} is not a calendar date")

    @property
    def is_complete(self) -> bool:
        return self.ngay is not None and self.thang is not None

    def as_date(self) -> dt.date | None:
        return dt.date(self.nam, self.thang, self.ngay) if self.is_complete else None
