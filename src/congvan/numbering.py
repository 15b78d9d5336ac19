"""Heading and item numbering as data: the schemes real documents use.

Phụ lục I §II.6 fixes how a normative text is divided (phần, chương, mục,
điều, khoản, điểm) and Mẫu chữ 6.b shows a plan's headings (``I.`` bold upper
case, ``1.`` bold, ``1.1.``, ``a)``), but the decree is silent on how a công
văn, a thông báo or a báo cáo numbers its points.  Real offices use a few
ladders; each is a *scheme* here, chosen by name per document (``danh_so``)
with a default per type, and every level of it can be overridden.

A level (:class:`Cap`) says how its label is written and how a heading at
that level looks.  Label patterns use these placeholders:

``{I}`` Roman numeral (``{i}`` in lower case), ``{1}`` Arabic numeral, ``{a}``
Vietnamese letter (a b c d đ e g h …, from ``rules.DIEM_LETTERS``; ``{A}`` in
upper case), ``{cha}`` the parent's
label as printed (so ``{cha}{1}.`` under ``2.`` gives ``2.1.``).  A pattern
without a counter (``-``, ``+``, ``*``, ``–``) is a lead-in mark.

This module holds data and the few functions that read it; the renderer
(``layout/body.py``) and the checker can both use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

from . import rules


@dataclass(frozen=True)
class Cap:
    """One level of a numbering scheme."""

    ten: str  # the level's name, as a form may cite it ("khoan", "diem")
    nhan: str  # label pattern: "{I}.", "{1}.", "{cha}{1}.", "{a})", "({1})", "-", "+"
    doan: str = "khoan_tieu_de"  # rules.ELEMENTS key of a heading (titled muc) at this level
    in_hoa: bool = False  # heading title in upper case
    so_dam: bool = True  # a heading's number bold
    so_nghieng: bool = False
    tieu_de_dam: bool = True  # a heading's title bold
    tieu_de_nghieng: bool = False
    khoan_so_dam: bool = False  # the number of an untitled item (khoản, task) bold
    khoan_so_nghieng: bool = False
    chi_muc: bool = False  # used only by lists holding a titled section; others start one level down
    bo_qua_duoc: bool = False  # an item may skip over this level (``cap:`` naming a deeper one)


#: The fields of a level a form may override (all but the name and the paragraph style).
OVERRIDABLE = tuple(f.name for f in fields(Cap) if f.name not in ("ten", "doan"))

#: Placeholders a label pattern may use.
COUNTERS = ("{I}", "{i}", "{1}", "{a}", "{A}")
PLACEHOLDERS = (*COUNTERS, "{cha}")
_PATTERN = re.compile(r"^(?:[^{}]|\{I\}|\{i\}|\{1\}|\{a\}|\{A\}|\{cha\})+$")

#: Lead-in marks for dash items (Gach ``dau_dong``) and task lists: hyphen
#: (the common one), plus, asterisk, en dash, as real documents print them.
LEAD_INS = ("-", "+", "*", "–")

# The levels real documents use, shared by the schemes below.
_LA_MA = Cap("muc", "{I}.", doan="muc", in_hoa=True, chi_muc=True)
_KHOAN = Cap("khoan", "{1}.")
_TIEU_KHOAN = Cap("tieu-khoan", "{cha}{1}.", bo_qua_duoc=True)
_TIEU_KHOAN_2 = Cap("tieu-khoan-2", "{cha}{1}.", bo_qua_duoc=True)
_DIEM = Cap("diem", "{a})")
_GACH = Cap("gach", rules.DASH)
# Below a) a công văn's titled points are lead-ins, not headings: upright, not bold.
_GACH_Y = Cap("gach", rules.DASH, so_dam=False, tieu_de_dam=False)
_CONG_Y = Cap("cong", "+", so_dam=False, tieu_de_dam=False)

#: Built-in schemes, outermost level first.  The last level repeats below itself.
SCHEMES: dict[str, tuple[Cap, ...]] = {
    # Long plans, programmes, reports with parts (Mẫu chữ 6.b): I. UPPER / 1. / 1.1. / a) / -
    "la-ma": (_LA_MA, _KHOAN, _TIEU_KHOAN, _DIEM, _GACH),
    # Công văn, thông báo, báo cáo: 1. Title (bold, sentence case) / a) / - / +
    "so": (_KHOAN, _DIEM, _GACH_Y, _CONG_Y),
    # Four-level plans: 1. / 1.1. / 1.1.1. / a) / -
    "so-nhieu-cap": (_KHOAN, _TIEU_KHOAN, _TIEU_KHOAN_2, _DIEM, _GACH_Y),
    # Normative texts (§II.6.đ): Mục inside a chương, then khoản 1., điểm a), dashes;
    # Phần, Chương and Điều are their own blocks (PART_LABELS, ARTICLE_LABEL).
    "dieu-khoan": (Cap("muc", "Mục {1}.", doan="muc", in_hoa=True, chi_muc=True), _KHOAN, _DIEM, _GACH),
}

#: What each scheme is, for forms, errors and the docs.
SCHEME_NOTES = {
    "la-ma": "I. / 1. / 1.1. / a) / - (kế hoạch, chương trình, đề án dài / long plans)",
    "so": "1. / a) / - / + (công văn, thông báo, báo cáo)",
    "so-nhieu-cap": "1. / 1.1. / 1.1.1. / a) / - (kế hoạch bốn cấp / four-level plans)",
    "dieu-khoan": "Phần / Chương / Mục / Điều / khoản 1. / điểm a) (văn bản có điều khoản / normative texts)",
}

#: Default scheme per document type: what real documents of the type use
#: (the decree is silent outside normative texts; see docs/decisions.md).
DEFAULT_SCHEME = "so"
TYPE_SCHEMES: dict[str, str] = {
    **{slug: "la-ma" for slug in ("ke-hoach", "chuong-trinh", "phuong-an", "de-an", "du-an", "huong-dan",
                                  "to-trinh", "bien-ban")},
    **{slug: "dieu-khoan" for slug in ("nghi-quyet", "quyet-dinh", "quy-che", "quy-dinh", "hop-dong",
                                       "ban-ghi-nho", "ban-thoa-thuan")},
    # Everything else (công văn, thư công, thông báo, báo cáo, chỉ thị, công điện, giấy mời,
    # giấy giới thiệu, giấy nghỉ phép, giấy ủy quyền, phiếu …) numbers 1. / a) / -.
}

#: Parts and chapters: the word and a Roman numeral on their own line (§II.6.đ).
PART_LABELS = {"phan": "Phần {I}", "chuong": "Chương {I}"}
#: Articles, numbered through the whole text: "Điều 1." bold.
ARTICLE_LABEL = "Điều {1}."
#: Inside an article: the normative scheme's levels from khoản on.
ARTICLE_FROM = "khoan"


def scheme_for(doc_type: str) -> str:
    return TYPE_SCHEMES.get(doc_type, DEFAULT_SCHEME)


def level_names(scheme: tuple[Cap, ...]) -> list[str]:
    return [cap.ten for cap in scheme]


#: Every level name any built-in scheme knows (a form's ``cap:`` must be one).
ALL_LEVEL_NAMES = tuple(dict.fromkeys(cap.ten for levels in SCHEMES.values() for cap in levels))


def resolve(name: str, overrides: dict[str, dict] | None = None) -> tuple[Cap, ...]:
    """The levels of scheme ``name`` with a form's per-level overrides applied.
    Unknown names raise KeyError; the model validates them before."""
    levels = SCHEMES[name]
    if not overrides:
        return levels
    return tuple(replace(cap, **overrides[cap.ten]) if cap.ten in overrides else cap for cap in levels)


def article_levels(name: str, levels: tuple[Cap, ...]) -> tuple[Cap, ...]:
    """The levels inside an article: the document's own when it numbers by
    articles (``dieu-khoan``, possibly overridden), else the built-in ones."""
    source = levels if name == "dieu-khoan" else SCHEMES["dieu-khoan"]
    return source[level_names(source).index(ARTICLE_FROM):]


# --- numbers -------------------------------------------------------------------

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    out = ""
    for value, sym in _ROMAN:
        while n >= value:
            out, n = out + sym, n - value
    return out


def letter(n: int) -> str:
    """a, b, … y, then aa, bb … (the Vietnamese alphabet: no f, j, w, z)."""
    letters = rules.DIEM_LETTERS
    return letters[(n - 1) % len(letters)] * ((n - 1) // len(letters) + 1)


def label(pattern: str, n: int, parent: str = "") -> str:
    """The label of item ``n`` under a parent labelled ``parent``."""
    if "{" not in pattern:
        return pattern
    return (pattern.replace("{cha}", parent).replace("{I}", roman(n)).replace("{i}", roman(n).lower())
            .replace("{1}", str(n)).replace("{a}", letter(n)).replace("{A}", letter(n).upper()))


def valid_pattern(pattern: str) -> bool:
    return bool(_PATTERN.match(pattern)) and len(pattern) <= 20


def label_regex(cap: Cap) -> re.Pattern:
    """A regex matching the labels of a level at the start of a paragraph (for the checker)."""
    parts = re.split(r"(\{I\}|\{i\}|\{1\}|\{a\}|\{A\}|\{cha\})", cap.nhan)
    letters = "|".join(rules.DIEM_LETTERS)
    tokens = {"{I}": "[IVXLCDM]+", "{i}": "[ivxlcdm]+", "{1}": "[0-9]+", "{a}": f"(?:{letters})+",
              "{A}": f"(?:{letters.upper()})+", "{cha}": r"(?:[0-9IVXLCDM]+\.)+"}
    return re.compile("^" + "".join(tokens.get(p, re.escape(p)) for p in parts) + r"(?=\s)")


# --- walking the levels (shared by the renderer and the model's checks) ----------

def enter(levels: tuple[Cap, ...], index: int, has_heading: bool) -> int:
    """The level a list starts at: a level kept for titled sections (``chi_muc``,
    the Roman "I.") is passed over by a list that holds none."""
    while index < len(levels) - 1 and levels[index].chi_muc and not has_heading:
        index += 1
    return index


def jump(levels: tuple[Cap, ...], index: int, name: str) -> int:
    """The level an item that names its level (``cap``) takes, from the
    level its list is at.  It may go deeper only over skippable levels."""
    names = level_names(levels)
    if name not in names:
        known = ", ".join(names)
        raise ValueError(f"cấp '{name}' không có trong kiểu đánh số này; các cấp: {known}"
                         f" / level '{name}' is not in this numbering scheme; its levels: {known}")
    target = names.index(name)
    here = min(index, len(levels) - 1)
    if target < here:
        raise ValueError(
            f"cấp '{name}' cao hơn cấp của danh sách ('{names[here]}'): không thể lùi cấp"
            f" / level '{name}' is above its list's level ('{names[here]}'): an item cannot go up"
        )
    blocked = [cap.ten for cap in levels[here:target] if not (cap.bo_qua_duoc or cap.chi_muc)]
    if blocked:
        raise ValueError(
            f"không thể bỏ qua cấp '{blocked[0]}' để đến cấp '{name}' (đặt bo_qua_duoc: true cho cấp đó trong danh_so)"
            f" / level '{blocked[0]}' cannot be skipped to reach '{name}' (set bo_qua_duoc: true for it in danh_so)"
        )
    return target
