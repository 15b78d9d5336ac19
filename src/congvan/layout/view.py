"""What goes where: the neutral result of laying out a document.

The layout turns the model into paragraphs named after the decree's
elements (``rules.ELEMENTS`` keys) with their text already cased and
punctuated; the DOCX writer only translates this into XML.  Lengths are mm.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..inline import Span


@dataclass(frozen=True)
class Para:
    element: str  # key of rules.ELEMENTS
    spans: tuple[Span, ...]
    left_mm: float | None = None  # indents that differ from the element's own
    hanging_mm: float | None = None
    first_line_mm: float | None = None
    align: str | None = None  # an alignment that differs from the element's own (rules.Align value)
    #: keep-with-next when it differs from the element's rule: False for an
    #: article whose text follows its number (not a heading), True for the
    #: last body paragraph, held to the signature band (rules.KEEP_*).
    keep: bool | None = None

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class Rule:
    """A centred horizontal rule of a given length under a line of text."""

    length_mm: float


@dataclass(frozen=True)
class Box:
    """A word in a single-line box: urgency, confidentiality, circulation, draft."""

    text: str
    element: str
    width_mm: float
    height_mm: float


@dataclass
class Header:
    parent_lines: list[str]  # ô 2, not bold
    issuer_lines: list[str]  # ô 2, bold
    issuer_rule: Rule
    number: str  # ô 3: "Số: 05/KH-UBND"
    place_date: str  # ô 4
    quoc_hieu: str
    tieu_ngu: str
    motto_rule: Rule
    subject_cong_van: str | None  # ô 5b: "V/v …"
    marks: list[Box] = field(default_factory=list)  # ô 10a, 10b under the number
    circulation: Box | None = None  # ô 11 above the Quốc hiệu
    draft: Box | None = None  # above the agency name (house style)
    columns: tuple[float, float] = (70.0, 105.0)  # the header band's columns, fitted to the text (mm)
    indent_mm: float = -5.0  # how far the band reaches into the left margin (negative)


@dataclass
class Title:
    type_name: str  # ô 5a "KẾ HOẠCH"
    subject_lines: list[str]
    subject_rule: Rule | None


@dataclass(frozen=True)
class Recipient:
    """One Nơi nhận line: "- Sở Tài chính;"; a note on its own line under it
    when ``note_line`` is given; spans so ô 12 may set initials as subscript."""

    spans: tuple[Span, ...]
    note_line: str = ""

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans) + (f" {self.note_line}" if self.note_line else "")


@dataclass(frozen=True)
class RecipientGroup:
    """Several recipients under one note: a right brace spans the items and
    the note stands beside it, "(để b/c);"."""

    items: tuple[str, ...]
    note: str
    item_lines: int  # printed lines of the items (a long item wraps), for the brace's height
    widths_mm: tuple[float, float, float]  # items, brace, note

    @property
    def text(self) -> str:
        return " ".join(self.items) + f" {self.note}"


@dataclass
class Signature:
    authority_lines: list[str]  # ô 7a
    other_position_lines: list[str]  # ô 7b, above the name
    name: str  # ô 7b
    secretary: tuple[str, str] | None = None  # biên bản: (title, name) signing on the left
    image: str | None = None  # ô 7c: signature PNG (path)
    seal: str | None = None  # ô 8: seal PNG (path)


@dataclass(frozen=True)
class Page:
    """Column widths and page geometry, mm."""

    header_columns: tuple[float, float]
    header_indent: float
    signature_columns: tuple[float, float]


@dataclass(frozen=True)
class Table:
    """A bordered table: a header row repeated on every page, then the rows.
    Each cell is a list of paragraphs; widths in mm add up to the text width."""

    widths_mm: tuple[float, ...]
    header: tuple[Para, ...]
    rows: tuple[tuple[tuple[Para, ...], ...], ...]


@dataclass
class Appendix:
    """One appendix, on its own pages with its own page numbers (§III.1)."""

    heading: list[Para]  # "Phụ lục I", the title, "(Kèm theo … )"
    rule: Rule  # the short rule under the reference line (Mẫu 2.1)
    body: list[Para]
    table: Table | None
    landscape: bool
    header: Header | None = None  # a text issued with a quyết định has its own header (Mẫu 1.3)
    separate: bool = False  # Mẫu 2.2: in a file of its own
    signature: "Signature | None" = None  # an attached text's own signature block (Mẫu 1.3)


@dataclass
class CopyBlock:
    """Mẫu 3.1: under the copied document, after a full-width rule."""

    issuer_lines: list[str]
    issuer_rule: Rule
    number: str  # "Số: 05/SY-VP"
    label: str  # "SAO Y"
    place_date: str
    noi_nhan: list[str]
    authority_lines: list[str]
    name: str


@dataclass
class DocumentView:
    mau: str  # template of Phụ lục III: "1.4", "1.5"
    profile: str
    header: Header
    title: Title | None
    kinh_gui: list[Para]
    body: list[Para]
    noi_nhan: list[str]  # lines, "- " and punctuation included (plain text, for previews)
    signature: Signature
    page: Page
    meta: dict[str, str] = field(default_factory=dict)
    appendices: list[Appendix] = field(default_factory=list)
    contact_lines: list[str] = field(default_factory=list)  # ô 13, foot of page 1
    e_stamp: str = ""  # ô 14, top right of page 1
    copy: CopyBlock | None = None
    confirmation: list[str] = field(default_factory=list)  # Mẫu 1.10, lower left
    recipients: list[Recipient | RecipientGroup] = field(default_factory=list)  # Nơi nhận as drawn
    notices: list = field(default_factory=list)  # fit.Notice: lines that could not be laid out as asked
    #: Nơi nhận lines beside the signer; the rest continue in a band row that
    #: may break across pages (layout/pagination.py).  None: all beside the signer.
    noi_nhan_split: int | None = None
