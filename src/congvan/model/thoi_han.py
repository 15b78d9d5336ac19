"""Deadlines of tasks (``thoi_han``), typed: a date, a range, or a period.

Real plans write a deadline as a date ("15/12/2025"), a range ("từ ngày
29/6/2026 đến ngày 09/7/2026", "29/6/2026 - 09/7/2026", "29/6 - 09/7/2026")
or a period ("Quý III/2025", "tháng 7/2025", "thường xuyên").  A date and a
range are parsed, checked against the calendar and kept typed (the task
table, the follow-up letters and the checker read them); a range keeps the
words the clerk wrote, so the document prints them as written.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .dates import parse_date_input
from .rule import Rule


class KhoangThoiGian(BaseModel):
    """A range: from a day to a day, both included."""

    model_config = ConfigDict(extra="forbid")

    tu: dt.date = Field(description="Từ ngày / from")
    den: dt.date = Field(description="Đến ngày / to")
    nguyen_van: str | None = Field(default=None, description="Cách viết trong văn bản / as written in the document")

    @model_validator(mode="before")
    @classmethod
    def _dates(cls, data: object) -> object:
        if isinstance(data, dict):
            data = dict(data)
            for key in ("tu", "den"):
                if isinstance(data.get(key), str):
                    data[key] = _one_date(data[key], f"thoi_han.{key}")
        return data

    @model_validator(mode="after")
    def _in_order(self) -> "KhoangThoiGian":
        if self.den < self.tu:
            shown = self.nguyen_van or f"{_short(self.tu)} - {_short(self.den)}"
            raise Rule(
                "range-end-before-start",
                f"Thời hạn '{shown}': ngày kết thúc {_short(self.den)} trước ngày bắt đầu {_short(self.tu)}"
                f" / deadline '{shown}': the end {_short(self.den)} is before the start {_short(self.tu)}"
            )
        return self

    @property
    def text(self) -> str:
        return self.nguyen_van or f"từ ngày {_short(self.tu)} đến ngày {_short(self.den)}"


def _short(d: dt.date) -> str:
    from .. import vn

    return vn.ngay_ngan(d)


def _one_date(text: str, where: str = "thoi_han") -> dt.date:
    parts = parse_date_input(text.strip())
    if not (isinstance(parts, dict) and parts.get("ngay")):
        raise Rule("bad-deadline", f"'{text}' không phải một ngày đầy đủ / '{text}' is not a full date")
    try:
        return dt.date(parts["nam"], parts["thang"], parts["ngay"])
    except ValueError:
        raise Rule("not-a-calendar-date", f"Ngày '{text}' không có trong lịch / '{text}' is not a calendar date") from None


_DAY = r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?"
#: "từ ngày 29/6/2026 đến (hết) ngày 09/7/2026", "29/6/2026 - 09/7/2026", "29/6 - 09/7/2026".
_RANGE = re.compile(
    rf"^(?:từ\s+(?:ngày\s+)?)?{_DAY}\s*(?:-|–|đến\s+(?:hết\s+)?(?:ngày\s+)?)\s*{_DAY}$", re.IGNORECASE
)

_PERIOD = re.compile(
    r"^(thường xuyên|hằng năm|hàng năm|hằng quý|hằng tháng|"
    r"quý (I|II|III|IV)/\d{4}|"
    r"(6|06) tháng (đầu|cuối) năm \d{4}|"
    r"tháng \d{1,2}/\d{4}|"
    r"năm \d{4}|"
    r"(trước|trong|từ|đến|trước ngày|từ ngày|đến ngày) .+)$",
    re.IGNORECASE,
)


def _range(text: str) -> KhoangThoiGian | None:
    match = _RANGE.match(text)
    if not match:
        return None
    d1, m1, y1, d2, m2, y2 = match.groups()
    if y1 is None and y2 is None:
        raise Rule(
            "bad-deadline",
            f"Thời hạn '{text}' thiếu năm; ví dụ 29/6 - 09/7/2026 / deadline '{text}' has no year; e.g. 29/6 - 09/7/2026"
        )
    y1, y2 = y1 or y2, y2 or y1
    try:
        start, end = dt.date(int(y1), int(m1), int(d1)), dt.date(int(y2), int(m2), int(d2))
    except ValueError:
        raise Rule("not-a-calendar-date", f"Thời hạn '{text}' có ngày không có trong lịch / deadline '{text}' holds a date"
                         " that is not in the calendar") from None
    return KhoangThoiGian(tu=start, den=end, nguyen_van=text)


def parse_deadline(value: object) -> object:
    """A date, a range, or a period such as "Quý III/2025" or "thường xuyên"."""
    if value is None or isinstance(value, (dt.date, dt.datetime, KhoangThoiGian, dict)):
        return value
    if not isinstance(value, str):
        raise Rule(
            "bad-deadline",
            "Thời hạn phải là ngày, khoảng ngày hoặc kỳ / a deadline must be a date, a range or a period"
        )
    text = value.strip()
    try:
        parts = parse_date_input(text)
    except ValueError:
        parts = None
    if isinstance(parts, dict) and "ngay" in parts:
        try:
            return dt.date(parts["nam"], parts["thang"], parts["ngay"])
        except ValueError:
            raise Rule("not-a-calendar-date",
                       f"Ngày '{text}' không có trong lịch / '{text}' is not a calendar date") from None
    found = _range(" ".join(text.split()))
    if found is not None:
        return found
    if _PERIOD.match(text):
        return text
    raise Rule(
        "bad-deadline",
        f"Thời hạn '{text}' không phải ngày, khoảng ngày hay kỳ (ví dụ: 15/8/2025, 29/6 - 09/7/2026,"
        f" từ ngày 01/7 đến ngày 30/9/2025, Quý III/2025, tháng 7/2025, năm 2025, thường xuyên)"
        f" / deadline '{text}' is neither a date, a range nor a period"
        " (e.g. 15/8/2025, 29/6 - 09/7/2026, Quý III/2025, tháng 7/2025, năm 2025, thường xuyên)"
    )


Deadline = Annotated[
    Union[dt.date, KhoangThoiGian, str, None],
    Field(description="Thời hạn: ngày (15/8/2025), khoảng (29/6 - 09/7/2026; từ ngày … đến ngày …; hoặc {tu, den}),"
          " kỳ (Quý III/2025, tháng 7/2025) hoặc 'thường xuyên' / deadline: a date, a range or a period"),
]
