"""Is the file a state administrative document under NĐ 30 at all?

A Party document (its header says "ĐẢNG CỘNG SẢN VIỆT NAM", Hướng dẫn
36-HD/VPTW sets its layout) or a letter with neither Quốc hiệu nor Tiêu ngữ is
not one: judging it against Phụ lục I would give a dozen false errors, and
``--fix`` would "correct" what its own rules require ("T/M" → "TM.").  Such a
file gets one notice, an exit code of its own, and no fix.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import rules
from ..errors import CongVanError, Problem
from .locate import HEADER_SPAN, Found, norm
from .view import View

PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"


@dataclass(frozen=True)
class OutOfScope:
    kind: str  # "dang" (a Party document) | "khong-quoc-hieu" (no Quốc hiệu, no Tiêu ngữ)
    vi: str
    en: str

    def __str__(self) -> str:
        return f"{self.vi} / {self.en}"


class NotAdministrative(CongVanError):
    """--fix refuses a document that NĐ 30 does not govern."""

    def __init__(self, name: str, scope: OutOfScope):
        super().__init__([Problem(path="", file=name, vi=f"không sửa: {scope.vi}", en=f"not fixed: {scope.en}")])
        self.scope = scope


def out_of_scope(view: View, found: Found) -> OutOfScope | None:
    if found.quoc_hieu is not None or found.tieu_ngu is not None:
        return None
    head = [norm(p.text).upper() for p in view.paragraphs if p.index < HEADER_SPAN]
    if any(rules.QUOC_HIEU in text or "ĐỘC LẬP - TỰ DO - HẠNH PHÚC" in text for text in head):
        return None  # the national title is there, written in a way locate did not read: judge it
    if any(text.startswith(PARTY) or PARTY in text for text in head):
        return OutOfScope("dang", "văn bản của Đảng (“ĐẢNG CỘNG SẢN VIỆT NAM”) trình bày theo Hướng dẫn 36-HD/VPTW,"
                                  " không theo Nghị định 30/2020/NĐ-CP: không kiểm tra",
                          "a Party document (“ĐẢNG CỘNG SẢN VIỆT NAM”) follows Hướng dẫn 36-HD/VPTW, not Decree"
                          " 30/2020/NĐ-CP: not checked")
    return OutOfScope("khong-quoc-hieu", "không có Quốc hiệu và Tiêu ngữ: không phải văn bản hành chính theo Nghị định"
                                         " 30/2020/NĐ-CP, không kiểm tra (nếu là văn bản hành chính, hãy thêm"
                                         " Quốc hiệu và Tiêu ngữ)",
                      "no national title and motto: not a state administrative document under Decree 30/2020/NĐ-CP,"
                      " not checked (if it is one, add the national title and motto)")
