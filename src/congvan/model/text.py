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
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
#: The longest a single field may be: a whole body paragraph fits many times.
MAX_FIELD_CHARS = 20_000


def _to_str(value: object) -> object:
    # Numbers typed into a text field (e.g. a ward called 10) are text.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def clean(value: str) -> str:
    """NFC, CRLF → LF, reject XML-illegal characters, trim the ends."""
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
    if len(value) > MAX_FIELD_CHARS:
        raise Rule(
            "too-long",
            f"Trường dài {len(value)} ký tự, quá {MAX_FIELD_CHARS}; hãy chia thành nhiều đoạn"
            f" / the field is {len(value)} characters long, over {MAX_FIELD_CHARS}: split it into paragraphs"
        )
    value = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    return value.strip()


def _single_line(value: str) -> str:
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
