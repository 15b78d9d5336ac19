"""Find the elements of Phụ lục I in a document, whoever made it.

Elements are recognised by what they say (the Quốc hiệu, "Số:", "ngày …
tháng … năm", "V/v", "Kính gửi", "Nơi nhận:") and by where they sit relative
to each other: same table cell, same text box, same half of a tab-separated
line.  Style names are used only as a hint when Word's styles name the thing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace

from .. import rules
from ..doctypes import DOC_TYPES, DocType
from .view import Para, View

HEADER_SPAN = 25  # the header band lies within the first paragraphs of page 1
MARKS = ("LƯU HÀNH", "XEM XONG", "DỰ THẢO", "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC", "HOẢ TỐC", "MẬT", "TỐI MẬT",
         "TUYỆT MẬT", "TÀI LIỆU THU HỒI", "SAO Y", "SAO LỤC", "TRÍCH SAO")
#: How a parent-body line (ô 2, first line) usually begins, and how an issuing body's name begins.
PARENT_STARTS = ("UBND ", "ỦY BAN NHÂN DÂN TỈNH", "ỦY BAN NHÂN DÂN THÀNH PHỐ", "BỘ ", "TỈNH ỦY", "HĐND ", "TỔNG CỤC ")
AGENCY_STARTS = ("SỞ ", "PHÒNG ", "BAN ", "VĂN PHÒNG", "CỤC ", "VỤ ", "TRƯỜNG ", "TRUNG TÂM ", "CHI CỤC ",
                 "THANH TRA", "HỘI ĐỒNG", "BỆNH VIỆN", "ỦY BAN NHÂN DÂN")
DATE_LINE = re.compile(r"^\s*[^,\d]{2,60},\s*ngày\b.*\btháng\b.*\bnăm\b", re.IGNORECASE)


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", " ".join(text.replace("\u00a0", " ").split()))
    return text.replace("HOÀ", "HÒA").replace("Hoà", "Hòa").replace("HOẢ", "HỎA")


@dataclass
class Found:
    quoc_hieu: Para | None = None
    tieu_ngu: Para | None = None
    motto_rule: Para | None = None
    parent: list[Para] = field(default_factory=list)
    agency: list[Para] = field(default_factory=list)
    agency_rule: Para | None = None
    so: Para | None = None
    ngay: Para | None = None
    vv: list[Para] = field(default_factory=list)
    marks: list[Para] = field(default_factory=list)  # urgency, confidentiality, circulation boxes (ô 10, 11)
    ten_loai: Para | None = None
    doc_type: DocType | None = None
    trich_yeu: list[Para] = field(default_factory=list)
    subject_rule: Para | None = None  # the rule under the trích yếu (or the type name) of a typed document
    kinh_gui: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    noi_nhan_label: Para | None = None
    noi_nhan: list[Para] = field(default_factory=list)
    authority: list[Para] = field(default_factory=list)
    ho_ten: Para | None = None

    @property
    def is_cong_van(self) -> bool:
        return bool(self.vv) and self.ten_loai is None


def split_tabs(para: Para) -> list[Para]:
    """"<tab>UBND TỈNH X<tab>CỘNG HÒA …" → its left and right halves (leading tabs only indent)."""
    if "\t" not in para.text.strip("\t "):
        return [para]
    left: list = []
    right: list = []
    side = left
    for run in para.runs:
        pieces = []
        for n, piece in enumerate(run.text.split("\t")):
            if n and side is left and (any(r.text.strip() for r in left)
                                       or any(r.text.strip() for _, r in pieces)):
                side = right
            if piece:
                pieces.append((side, replace(run, text=piece)))
        shared = len({id(s) for s, _ in pieces if _.text.strip()}) > 1  # one run, text in both halves
        for s, piece in pieces:
            s.append(replace(piece, shared=shared) if shared else piece)
    halves = [replace(para, runs=part, column=col) for col, part in enumerate((left, right)) if part]
    return halves or [para]


def _place(p: Para) -> tuple:
    """The container a paragraph belongs to: one table cell, text box or line half."""
    return p.where, p.column


def _column(p: Para) -> tuple:
    """A table column across rows: a long Nơi nhận continues in the band's next row."""
    where = p.where[:2] + p.where[3:] if p.where[0] == "table" else p.where
    return where, p.column


def locate(view: View) -> Found:
    found = Found()
    paras = [h for p in view.paragraphs for h in (split_tabs(p) if p.index < HEADER_SPAN else [p])]
    texts = [norm(p.text) for p in paras]
    head = [i for i, p in enumerate(paras) if p.index < HEADER_SPAN]
    found.quoc_hieu = _first(paras, head, lambda t: t.upper() == rules.QUOC_HIEU, texts)
    found.tieu_ngu = _first(paras, head, lambda t: t.startswith("Độc lập") and "Hạnh phúc" in t, texts)
    found.so = _first(paras, head, lambda t: re.match(r"^Số\s*[:.]", t) is not None or t.startswith("Số "), texts)
    found.ngay = _first(paras, head, lambda t: DATE_LINE.match(t) is not None, texts)
    if found.tieu_ngu:
        found.motto_rule = _rule_after(paras, found.tieu_ngu)
    _agency(found, paras, texts, head)
    after = _after_number_row(found, paras)
    _title_and_addressees(found, paras, texts, after)
    _closing(found, paras, texts)
    _body(found, paras, after)
    return found


def _first(paras, indexes, test, texts) -> Para | None:
    for i in indexes:
        if texts[i] and test(texts[i]):
            return paras[i]
    return None


def _rule_after(paras: list[Para], line: Para) -> Para | None:
    """The rule under a line: its own bottom border or a drawn line, or an empty
    paragraph just below (same cell, box or line) carrying either."""
    if line.border_bottom or line.lines:
        return line
    at = paras.index(line)
    for p in paras[at + 1:at + 3]:
        if p.where == line.where and not p.text.strip() and (p.border_bottom or p.lines):
            return p
        if p.text.strip() and _place(p) == _place(line):
            break
    return None


def _agency(found: Found, paras, texts, head) -> None:
    stop = paras.index(found.so) if found.so else (head[-1] + 1 if head else 0)
    qh_place = _place(found.quoc_hieu) if found.quoc_hieu else None
    lines = [p for i, p in enumerate(paras[:stop]) if texts[i] and p is not found.quoc_hieu
             and p is not found.tieu_ngu and _place(p) != qh_place and not _is_mark(texts[i])
             and texts[i].upper() == texts[i]]
    if found.so and found.so.where[0] == "table":  # the agency sits in Số's column
        lines = [p for p in lines if p.where[:2] == found.so.where[:2] and p.where[3] == found.so.where[3]]
    named = [p for p in lines if "chủ quản" in p.style_name.lower()]
    if named:
        found.parent = named
        found.agency = [p for p in lines if p not in named]
    else:
        first_bold = next((n for n, p in enumerate(lines) if p.all("bold")), 0)
        if first_bold == 0 and len(lines) > 1 and _parent_like(lines):
            first_bold = 1  # "UBND TỈNH X" over "SỞ Y", both bold: the first is still the parent
        found.parent, found.agency = lines[:first_bold], lines[first_bold:]
    if found.agency:
        found.agency_rule = _rule_after(paras, found.agency[-1])


def _parent_like(lines: list[Para]) -> bool:
    """The first line names a parent body and the next starts a new name, not a wrapped half."""
    first, second = norm(lines[0].text), norm(lines[1].text)
    return first.startswith(PARENT_STARTS) and second.startswith(AGENCY_STARTS)


def _is_mark(text: str) -> bool:
    return any(text.startswith(m) for m in MARKS) or text.startswith("V/v")


def _after_number_row(found: Found, paras: list[Para]) -> int:
    """Index in paras just after Số / date / V/v (the end of the header band)."""
    anchors = [p for p in (found.so, found.ngay) if p]
    if not anchors:
        return 0
    last = max(paras.index(p) for p in anchors)
    so = found.so
    if so is None:
        return last + 1
    in_table = so.where[0] == "table"
    for at in range(paras.index(so) + 1, len(paras)):
        p, text = paras[at], norm(paras[at].text)
        if not in_table and p.index == so.index:  # the date, right half of a tab-split line
            last = at
            continue
        if in_table and p.where[:2] != so.where[:2]:
            break
        same_column = not in_table or p.where[3] == so.where[3]
        if text and (_is_mark(text) or p.boxed) and not text.startswith("V/v"):
            found.marks.append(p)  # the HỎA TỐC box under the V/v is no line of it
        elif same_column and text and (text.lower().startswith("v/v") or (found.vv and in_table and not found.marks)):
            found.vv.append(p)
        elif not in_table and text:
            break
        last = at
    return last + 1


def _title_and_addressees(found: Found, paras, texts, start: int) -> None:
    titles = {norm(t.title): t for t in DOC_TYPES.values()}
    i = start
    while i < len(paras) and i < start + 8:
        text = texts[i]
        if text and found.ten_loai is None and text.upper() in titles and text == text.upper():
            found.ten_loai, found.doc_type = paras[i], titles[text.upper()]
            i += 1
            while i < len(paras) and texts[i] and paras[i].align == "center" and len(found.trich_yeu) < 4 \
                    and not texts[i].startswith("Kính gửi"):
                found.trich_yeu.append(paras[i])
                i += 1
            found.subject_rule = _rule_after(paras, (found.trich_yeu or [found.ten_loai])[-1])
            continue
        if text.startswith("Kính gửi"):
            found.kinh_gui.append(paras[i])
            i += 1
            # addressee lines follow; the one ending in "." is the last, and a dash item of the
            # body (laid out as body text, not as the list above it) is not one of them
            inline = text.split(":", 1)[-1].strip()  # "Kính gửi: Sở Tư pháp": one addressee, on this line
            while not inline and i < len(paras) and texts[i].startswith(("-", "–", "+")) \
                    and not texts[i - 1].endswith(".") \
                    and (len(found.kinh_gui) == 1 or paras[i].align == found.kinh_gui[1].align):
                found.kinh_gui.append(paras[i])
                i += 1
            break
        i += 1
    if found.is_cong_van:
        found.doc_type = DOC_TYPES.get("cong-van")


def _closing(found: Found, paras, texts) -> None:
    for i in range(len(paras) - 1, -1, -1):
        if texts[i].startswith("Nơi nhận"):
            found.noi_nhan_label = label = paras[i]
            found.noi_nhan = [p for p in paras[i + 1:] if _column(p) == _column(label) and norm(p.text)]
            if label.where[0] == "table":
                beside = [p for p in paras if p.where[:3] == label.where[:3] and p.where != label.where]
            else:
                beside = _signature_before(paras, texts, i)
            _signature(found, beside)
            return


def _signature_before(paras, texts, label_at: int) -> list[Para]:
    out = []
    for j in range(label_at - 1, -1, -1):
        if texts[j].endswith("./.") or len(out) > 8:
            break
        out.insert(0, paras[j])
    return out


def _signature(found: Found, block: list[Para]) -> None:
    lines = [p for p in block if norm(p.text)]
    names = [p for p in lines if not p.upper]
    if not names and len(lines) > 1 and _gap_before(block, lines[-1]):
        names = lines[-1:]  # a name such as "A B" reads as upper case; the signing space marks it
    found.ho_ten = names[-1] if names else None
    found.authority = [p for p in lines if p.upper and (found.ho_ten is None or p.index < found.ho_ten.index)]


def _gap_before(block: list[Para], line: Para) -> bool:
    """An empty paragraph (the space for the signature) just above ``line``."""
    at = block.index(line)
    return at > 0 and not norm(block[at - 1].text)


def _body(found: Found, paras, start: int) -> None:
    begin = paras.index(found.kinh_gui[-1]) + 1 if found.kinh_gui else (
        paras.index(found.trich_yeu[-1]) + 1 if found.trich_yeu else start)
    end = len(paras)
    for p in [found.noi_nhan_label, *found.authority]:
        if p is not None and p in paras:
            end = min(end, paras.index(p))
    found.body = [p for p in paras[begin:end] if p.where == ("body",) and norm(p.text)]
