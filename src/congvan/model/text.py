"""Text fields: Unicode NFC, no XML-illegal characters, no silent loss.

TCVN 6909:2001 is Unicode; text pasted from PDFs often arrives decomposed
(NFD), which looks right on screen but breaks search and comparison in the
PDF, so every text field is normalised to NFC on input.  Characters that XML
1.0 cannot carry (C0 controls other than tab/newline, U+FFFE/U+FFFF, lone
surrogates) are rejected with the field's name rather than dropped.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator

from .rule import Rule

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Invisible characters: zero-width spaces and joiners, word joiners, a BOM
# inside text, and bidirectional controls (which can make printed text read
# differently from what was typed).  Refused by name, never dropped silently.
# Tag characters (U+E0000–U+E007F) are invisible too and can smuggle text past a reader.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f]")
# Line and paragraph separators break a line where Word shows no break: not in one-line fields.
_LINE_BREAKS = re.compile("[\u2028\u2029\x85]")
#: The longest a single field may be: a whole body paragraph fits many times.
MAX_FIELD_CHARS = 20_000
#: The longest one-line field (a name, a place, a position): a real one is under 200.
MAX_LINE_CHARS = 1_000
#: The longest ký hiệu: real ones ("KH-UBND", "QĐ-BCĐ-VP") are under 30.
MAX_KY_HIEU_CHARS = 60


def not_bool(cls, value: object) -> object:
    """For numeric fields: ``field_validator("so", mode="before")(not_bool)``.
    YAML's true/false would otherwise count as 1/0 ("so: true" printed "Số: 01")."""
    if isinstance(value, bool):
        raise Rule("wrong-type", f"Phải là số, không phải {str(value).lower()}"
                   f" / must be a number, not {str(value).lower()}")
    return value


def _to_str(value: object) -> object:
    # Numbers typed into a text field (e.g. a ward called 10) are text.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def clean(value: str) -> str:
    """NFC, CRLF → LF, reject XML-illegal characters, trim the ends."""
    _max_length(value, MAX_FIELD_CHARS)  # first: the checks below need not scan two million characters
    match = _ILLEGAL.search(value)
    if match:
        code = f"U+{ord(match.group()):04X}"
        raise Rule(
            "control-character",
            f"Có ký tự điều khiển không hợp lệ {code} ở vị trí {match.start() + 1} — xóa ký tự này"
            f" / contains the control character {code} at position {match.start() + 1},"
            " which a DOCX cannot hold — remove it"
        )
    match = _INVISIBLE.search(value)
    if match:
        code = f"U+{ord(match.group()):04X}"
        raise Rule(
            "invisible-character",
            f"Có ký tự ẩn {code} ({unicodedata.name(match.group(), 'không tên')}) ở vị trí {match.start() + 1}"
            f" — thường do dán từ web/PDF; xóa ký tự này / contains the invisible character {code} at position"
            f" {match.start() + 1} (often pasted from the web or a PDF) — remove it"
        )
    value = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    return value.strip()


def _max_length(value: str, limit: int) -> str:
    if len(value) > limit:
        raise Rule(
            "too-long",
            f"Trường dài {len(value)} ký tự, quá {limit}; hãy rút gọn hoặc chia thành nhiều đoạn"
            f" / the field is {len(value)} characters long, over {limit}: shorten it or split it into paragraphs"
        )
    return value


def _single_line(value: str) -> str:
    _max_length(value, MAX_LINE_CHARS)
    match = _LINE_BREAKS.search(value)
    if match:
        code = f"U+{ord(match.group()):04X}"
        raise Rule("multi-line", f"Trường này chỉ được có một dòng: có ký tự ngắt dòng {code} ở vị trí"
                   f" {match.start() + 1} / this field must be a single line: it holds the line break {code}"
                   f" at position {match.start() + 1}")
    if "\n" in value:
        raise Rule("multi-line", "Trường này chỉ được có một dòng / this field must be a single line")
    if "\t" in value:
        raise Rule("tab", "Trường này không được có ký tự Tab; dùng dấu cách"
                   " / this field must not hold a tab; use spaces")
    return value


def _not_blank(value: str) -> str:
    if not value:
        raise Rule("empty", "Không được để trống / must not be empty")
    return value


#: Free text; may hold line breaks ("\n") where the clerk wants them.
Text = Annotated[str, BeforeValidator(_to_str), AfterValidator(clean), AfterValidator(_not_blank)]
#: One line of text.
Line = Annotated[Text, AfterValidator(_single_line)]

#: A full ký hiệu ("KH-UBND"): cleaned like every text field, one line, short.
KyHieu = Annotated[Line, AfterValidator(lambda value: _max_length(value, MAX_KY_HIEU_CHARS))]

_CODE_RE = re.compile(r"^[0-9A-Za-zÀ-ỹĐđ().]{1,30}$")


def _code(value: str) -> str:
    if not _CODE_RE.match(value):
        raise Rule(
            "bad-abbreviation",
            f"Chữ viết tắt '{value}' không hợp lệ: không có dấu cách, '-' hay '/', tối đa 30 ký tự"
            " (Phụ lục I §II.3)"
            f" / abbreviation '{value}' is invalid: no spaces, '-' or '/' inside, at most 30 characters"
        )
    return value


#: An abbreviation inside a ký hiệu: no spaces, no "-" or "/" (they separate groups).
Code = Annotated[str, BeforeValidator(_to_str), AfterValidator(clean), AfterValidator(_code)]
