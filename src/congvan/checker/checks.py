"""One function per rule of the registry.  Each looks at the located elements,
reports each breach with what it found and what the decree requires, and says
"not evaluated" when the document does not let it judge (never a silent pass).
A breach --fix can correct carries the correction with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .. import rules
from ..doctypes import DOC_TYPES
from ..metrics import PT_PER_MM, longest_line_pt, text_width_pt
from ..rules import ELEMENTS, Profile
from .findings import Finding, NotEvaluated
from .locate import Found, norm
from .registry import BY_ID
from .view import FONT_SLOTS, WP, Para, View, w

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20
EMU_PER_TWIP = 635
WORD_CELL_MARGIN_TWIPS = 108  # Word's "Normal Table": 0.19 cm left and right
RULE_TOLERANCE = 0.03  # a rule measured in the DOCX: 3 % either way of its ratio
INDENT_TOLERANCE_TWIPS = 30  # about 0.5 mm: Word's cm ↔ twips rounding
LONG = 80  # characters: a paragraph long enough to wrap, so its alignment shows
CHECKS: dict[str, Callable[["Ctx"], None]] = {}


def check(rule_id: str):
    def register(fn):
        CHECKS[rule_id] = fn
        return fn
    return register


@dataclass
class Ctx:
    view: View
    found: Found
    findings: list[Finding] = field(default_factory=list)
    skipped: list[NotEvaluated] = field(default_factory=list)
    not_applicable: list[NotEvaluated] = field(default_factory=list)  # the rule has nothing to judge in this kind
    fixes: list[Callable[[], None]] = field(default_factory=list)

    @property
    def profile(self) -> Profile | None:
        """The size profile the Quốc hiệu sets (12 → small, 13 → large)."""
        qh = self.found.quoc_hieu
        sizes = qh.sizes() if qh else set()
        quoc_hieu = ELEMENTS["quoc_hieu"].size
        return {quoc_hieu.small: Profile.NHO, quoc_hieu.large: Profile.LON}.get(next(iter(sizes), None))

    def breach(self, rule_id: str, where: str, found: str, required: str, vi: str, en: str,
               fix: Callable[[], None] | None = None) -> None:
        rule = BY_ID[rule_id]
        self.findings.append(Finding(rule_id, rule.o, f"{rule.vi} / {rule.en}", rule.clause, rule.severity, where,
                                     found, required, fix is not None and bool(rule.fix), vi, en))
        if fix is not None and rule.fix:
            self.fixes.append(fix)

    def skip(self, rule_id: str, vi: str, en: str) -> None:
        """The file does not let the rule judge: reported, never a silent pass."""
        rule = BY_ID[rule_id]
        self.skipped.append(NotEvaluated(rule_id, f"{rule.vi} / {rule.en}", vi, en))

    def not_for_this_kind(self, rule_id: str, vi: str, en: str) -> None:
        """The rule does not apply to this kind of document (no V/v line in a quyết định)."""
        rule = BY_ID[rule_id]
        self.not_applicable.append(NotEvaluated(rule_id, f"{rule.vi} / {rule.en}", vi, en))


# --- formatting helpers ---------------------------------------------------------------------------

def _pt(size: float) -> str:
    return f"{size:g} pt"


def _set_runs(para: Para, **props) -> Callable[[], None]:
    """A fix: direct run formatting on every run of the paragraph."""
    def apply() -> None:
        for run in para.runs:
            if run.element is None:
                continue
            rpr = run.element.find(w("rPr"))
            if rpr is None:
                rpr = run.element.makeelement(w("rPr"), {})
                run.element.insert(0, rpr)
            for key, value in props.items():
                _set_prop(rpr, key, value)
    return apply


def _set_paragraphs(paras: list[Para], tag: str, **attrs: str | None) -> Callable[[], None]:
    """A fix: set (or, with None, remove) attributes of one pPr child on each paragraph."""
    def apply() -> None:
        for para in paras:
            ppr = para.element.find(w("pPr"))
            if ppr is None:
                ppr = para.element.makeelement(w("pPr"), {})
                para.element.insert(0, ppr)
            node = ppr.find(w(tag))
            if node is None:
                node = ppr.makeelement(w(tag), {})
                _insert_in_order(ppr, node)
            for name, value in attrs.items():
                node.attrib.pop(w(name), None) if value is None else node.set(w(name), value)
    return apply


#: pPr children in schema order (CT_PPrBase), so Word never calls the fixed file damaged.
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
             "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc")


RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
             "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
             "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
             "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")
SECT_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
              "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
              "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange")


def _insert_in_order(parent, node, order: tuple[str, ...] = PPR_ORDER) -> None:
    """Insert ``node`` before the first sibling the schema puts after it."""
    rank = order.index(node.tag.split("}")[1])
    for at, child in enumerate(parent):
        name = child.tag.split("}")[1]
        if name not in order or order.index(name) > rank:
            parent.insert(at, node)
            return
    parent.append(node)


def _set_prop(rpr, key: str, value) -> None:
    tags = {"size": ("sz", "szCs"), "bold": ("b", "bCs"), "italic": ("i", "iCs")}[key]
    for tag in tags:
        node = rpr.find(w(tag))
        if node is None:
            node = rpr.makeelement(w(tag), {})
            _insert_in_order(rpr, node, RPR_ORDER)
        node.set(w("val"), str(int(value * 2)) if key == "size" else ("1" if value else "0"))


def element_format(ctx: Ctx, rule_id: str, para: Para, key: str, what: str) -> None:
    """Size within its range, weight, slant and case as ELEMENTS[key] sets them."""
    element = ELEMENTS[key]
    allowed = sorted({element.size.small, element.size.large})
    wanted = element.size.pt(ctx.profile or rules.DEFAULT_PROFILE)
    bad = sorted(s for s in para.sizes() if s not in allowed)
    span = "–".join(_pt(s) for s in allowed)
    if bad:
        ctx.breach(rule_id, para.label(), ", ".join(map(_pt, bad)), span,
                   f"{what}: cỡ chữ {', '.join(map(_pt, bad))}, quy định {span}",
                   f"{what}: size {', '.join(map(_pt, bad))}, required {span}", _set_runs(para, size=wanted))
    for attr, vi, en in (("bold", "đậm", "bold"), ("italic", "nghiêng", "italic")):
        want = getattr(element, attr)
        has = para.all(attr) if want else para.any(attr)
        if has != want:
            not_vi, not_en = ("", "") if want else ("không ", "not ")
            ctx.breach(rule_id, para.label(), en if has else f"not {en}", f"{not_en}{en}",
                       f"{what}: phải {not_vi}{vi}", f"{what}: must be {not_en}{en}", _set_runs(para, **{attr: want}))
    if element.upper and not para.upper:
        ctx.breach(rule_id, para.label(), "chữ thường / lower case", "IN HOA / UPPER CASE",
                   f"{what}: phải viết IN HOA", f"{what}: must be in upper case")


def missing(ctx: Ctx, rule_id: str, vi: str, en: str) -> None:
    ctx.breach(rule_id, "trang 1 / page 1", "không có / none", vi, f"Thiếu {vi}", f"{en} is missing")


# --- page ---------------------------------------------------------------------------------------

@check("trang.kho-giay")
def page_size(ctx: Ctx) -> None:
    width, height = (round(rules.PAGE_WIDTH_MM * TWIPS_PER_MM), round(rules.PAGE_HEIGHT_MM * TWIPS_PER_MM))
    if not ctx.view.sections:
        return ctx.skip("trang.kho-giay", "văn bản không khai báo khổ giấy", "the document declares no page size")
    for n, sec in enumerate(ctx.view.sections, start=1):
        short, long = sorted((sec.width, sec.height))
        if abs(short - width) > 20 or abs(long - height) > 20:
            ctx.breach("trang.kho-giay", f"phần {n} / section {n}", f"{short / TWIPS_PER_MM:.0f}×{long / TWIPS_PER_MM:.0f} mm",
                       "A4 210×297 mm", "Khổ giấy không phải A4", "the paper is not A4", _fix_page(sec))
        elif n == 1 and sec.width > sec.height:
            ctx.breach("trang.kho-giay", "phần 1 / section 1", "ngang / landscape", "dọc / portrait",
                       "Trang đầu phải in dọc (chỉ bảng biểu mới được in ngang)",
                       "page 1 must be portrait (only tables may turn the page)", _fix_page(sec))


def _fix_page(sec) -> Callable[[], None]:
    def apply() -> None:
        size = sec.element.find(w("pgSz"))
        if size is None:
            size = sec.element.makeelement(w("pgSz"), {})
            _insert_in_order(sec.element, size, SECT_ORDER)
        size.set(w("w"), str(round(rules.PAGE_WIDTH_MM * TWIPS_PER_MM)))
        size.set(w("h"), str(round(rules.PAGE_HEIGHT_MM * TWIPS_PER_MM)))
        size.attrib.pop(w("orient"), None)
    return apply


@check("trang.le")
def margins(ctx: Ctx) -> None:
    for n, sec in enumerate(ctx.view.sections, start=1):
        for side, (low, high) in rules.MARGIN_RANGES_MM.items():
            mm = sec.margins.get(side, 0) / TWIPS_PER_MM
            if not low - 0.3 <= mm <= high + 0.3:
                ctx.breach("trang.le", f"phần {n} / section {n}", f"{side} {mm:.1f} mm", f"{low}–{high} mm",
                           f"Lề {_SIDE_VI[side]} {mm:.1f} mm, quy định {low}–{high} mm",
                           f"{side} margin {mm:.1f} mm, required {low}–{high} mm", _fix_margin(sec, side))


_SIDE_VI = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


def _fix_margin(sec, side: str) -> Callable[[], None]:
    def apply() -> None:
        margin = sec.element.find(w("pgMar"))
        if margin is None:
            margin = sec.element.makeelement(w("pgMar"), {})
            _insert_in_order(sec.element, margin, SECT_ORDER)
        margin.set(w(side), str(round(rules.MARGINS_MM[side] * TWIPS_PER_MM)))
    return apply


@check("phong-chu")
def fonts(ctx: Ctx) -> None:
    wrong: dict[str, Para] = {}
    for para in ctx.view.paragraphs + [p for ps in ctx.view.headers.values() for p in ps]:
        for run in para.visible:
            for slot in FONT_SLOTS:
                family = run.fonts.get(slot)
                if family and family != rules.FONT and family not in wrong:
                    wrong[family] = para
            if not run.fonts.get("ascii") and "(không khai báo / unset)" not in wrong:
                wrong["(không khai báo / unset)"] = para
    if wrong:
        first = next(iter(wrong.values()))
        families = ", ".join(wrong)
        ctx.breach("phong-chu", first.label(), families, rules.FONT,
                   f"Phông chữ {families}; quy định {rules.FONT}", f"font {families}; required {rules.FONT}",
                   lambda: _fix_fonts(ctx.view))


def _fix_fonts(view: View) -> None:
    roots = [view.package.document, view.package.styles, *view.package.parts.values()]
    for root in roots:
        if root is None:
            continue
        for rpr in list(root.iter(w("rPr"))):
            if rpr.getparent() is not None and rpr.getparent().tag == w("pPr"):
                continue  # paragraph-mark formatting: harmless, left alone
            fonts = rpr.find(w("rFonts"))
            if fonts is None:
                fonts = rpr.makeelement(w("rFonts"), {})
                _insert_in_order(rpr, fonts, RPR_ORDER)
            for attr in list(fonts.attrib):
                if attr.endswith("Theme") or attr.endswith("theme"):
                    del fonts.attrib[attr]
            for slot in FONT_SLOTS:
                fonts.set(w(slot), rules.FONT)
    for run in view.package.document.iter(w("r")):
        if run.find(w("rPr")) is None:
            rpr = run.makeelement(w("rPr"), {})
            run.insert(0, rpr)
            rpr.append(rpr.makeelement(w("rFonts"), {w(s): rules.FONT for s in FONT_SLOTS}))


# --- header band (ô 1–5) ----------------------------------------------------------------------------

@check("o1.quoc-hieu")
def quoc_hieu(ctx: Ctx) -> None:
    qh = ctx.found.quoc_hieu
    if qh is None:
        return missing(ctx, "o1.quoc-hieu", f"Quốc hiệu “{rules.QUOC_HIEU}”", "the national title")
    element_format(ctx, "o1.quoc-hieu", qh, "quoc_hieu", "Quốc hiệu")


@check("o1.tieu-ngu")
def tieu_ngu(ctx: Ctx) -> None:
    tn = ctx.found.tieu_ngu
    if tn is None:
        return missing(ctx, "o1.tieu-ngu", f"Tiêu ngữ “{rules.TIEU_NGU}”", "the motto")
    element_format(ctx, "o1.tieu-ngu", tn, "tieu_ngu", "Tiêu ngữ")
    if norm(tn.text) != rules.TIEU_NGU:
        ctx.breach("o1.tieu-ngu", tn.label(), norm(tn.text), rules.TIEU_NGU,
                   "Tiêu ngữ viết sai (gạch nối “-” có cách chữ hai bên, viết hoa chữ đầu mỗi cụm)",
                   "the motto is misspelled (hyphen with a space each side, each phrase capitalised)")


def _rule_length(ctx: Ctx, rule_id: str, rule_para: Para | None, lines: list[Para], ratio: tuple[float, float],
                 names: tuple[str, str]) -> None:
    what, what_en = names
    if rule_para is None:
        return ctx.breach(rule_id, lines[-1].label(), "không có / none", "đường kẻ liền / a solid rule",
                          f"Thiếu đường kẻ dưới {what}", f"no rule under the {what_en}")
    if rule_para.lines:
        return _stroke_length(ctx, rule_id, rule_para, lines, ratio, names)
    width = _cell_width_twips(rule_para)
    if rule_para.text.strip() or width is None:
        return ctx.skip(rule_id, "đường kẻ không đo được trên DOCX; dùng --layout để đo trên bản in",
                        "the rule cannot be measured in the DOCX; use --layout to measure it on the PDF")
    length_pt = (width - rule_para.ind_left - rule_para.ind_right) / TWIPS_PER_PT
    line_pt = max(_line_pt(p) for p in lines)
    low, high = ratio
    if not low * line_pt - 2 <= length_pt <= high * line_pt + 2:
        ctx.breach(rule_id, rule_para.label(), f"{length_pt / line_pt:.2f} × dòng chữ / of the line",
                   f"{low:.2f}–{high:.2f} × dòng chữ / of the line",
                   f"Đường kẻ dưới {what} dài {length_pt / line_pt:.2f} lần dòng chữ",
                   f"the rule under the {what_en} is {length_pt / line_pt:.2f} times the line")
    if abs(rule_para.ind_left - rule_para.ind_right) > 30 or rule_para.align not in ("center", "both", "justify"):
        ctx.breach(rule_id, rule_para.label(), "lệch / off centre", "căn giữa / centred",
                   f"Đường kẻ dưới {what} phải căn giữa", f"the rule under the {what_en} must be centred")


def _stroke_length(ctx: Ctx, rule_id: str, rule_para: Para, lines: list[Para], ratio, names) -> None:
    """A drawn line: its length from the shape; which one, when two share a paragraph, by the text's side."""
    what, what_en = names
    strokes = sorted(rule_para.lines, key=lambda s: s.centre_pt or 0)
    stroke = strokes[-1] if lines[-1].column == 1 else strokes[0]
    line_pt = max(_line_pt(p) for p in lines)
    low, high = ratio
    if not low * line_pt - 2 <= stroke.length_pt <= high * line_pt + 2:
        share = stroke.length_pt / line_pt
        ctx.breach(rule_id, rule_para.label(), f"{share:.2f} × dòng chữ / of the line",
                   f"{low:.2f}–{high:.2f} × dòng chữ / of the line", f"Đường kẻ dưới {what} dài {share:.2f} lần dòng chữ",
                   f"the rule under the {what_en} is {share:.2f} times the line")


def _line_pt(para: Para) -> float:
    """Width of the longest printed line of ``para``: a long name wraps in its column."""
    size = max(para.sizes(), default=rules.ELEMENTS["co_quan_ban_hanh"].size.large)
    cell = _cell_width_twips(para)
    room = (cell - para.ind_left - para.ind_right) / TWIPS_PER_PT if cell else rules.TEXT_WIDTH_MM * PT_PER_MM
    return longest_line_pt(norm(para.text), room, size, bold=para.all("bold"))


def _cell_width_twips(para: Para) -> int | None:
    cell = next((a for a in para.element.iterancestors() if a.tag in (w("tc"), w("txbxContent"))), None)
    if cell is None:
        return None
    if cell.tag == w("txbxContent"):  # a text box: the width of its shape
        extent = next((a.find(f"{{{WP}}}extent") for a in cell.iterancestors() if a.tag == f"{{{WP}}}anchor"), None)
        return int(int(extent.get("cx", "0")) / EMU_PER_TWIP) if extent is not None else None
    width = cell.find(f"{w('tcPr')}/{w('tcW')}")
    if width is None or width.get(w("type"), "dxa") != "dxa":
        return None
    return int(width.get(w("w"), "0") or 0) - sum(_cell_margin(cell, side) for side in ("left", "right"))


def _cell_margin(cell, side: str) -> int:
    """Text stands inside the cell's margins: its own, else the table's, else Word's default."""
    table = next(a for a in cell.iterancestors() if a.tag == w("tbl"))
    for where in (f"{w('tcPr')}/{w('tcMar')}", f"{w('tblPr')}/{w('tblCellMar')}"):
        holder = (cell if where.startswith(w("tcPr")) else table).find(where)
        node = None if holder is None else (holder.find(w(side)) if holder.find(w(side)) is not None
                                            else holder.find(w("start" if side == "left" else "end")))
        if node is not None and node.get(w("type"), "dxa") == "dxa":
            return int(node.get(w("w"), "0") or 0)
    return WORD_CELL_MARGIN_TWIPS


def _widened(ratio: tuple[float, float], tolerance: float) -> tuple[float, float]:
    return ratio[0] * (1 - tolerance), ratio[1] * (1 + tolerance)


@check("o1.duong-ke")
def motto_rule(ctx: Ctx) -> None:
    if ctx.found.tieu_ngu is None:
        return ctx.skip("o1.duong-ke", "không thấy Tiêu ngữ", "no motto found")
    _rule_length(ctx, "o1.duong-ke", ctx.found.motto_rule, [ctx.found.tieu_ngu], _widened(rules.MOTTO_RULE_RATIO, RULE_TOLERANCE), ("Tiêu ngữ", "motto"))


@check("o2.chu-quan")
def parent(ctx: Ctx) -> None:
    if not ctx.found.parent and ctx.found.agency and len(ctx.found.agency) > 1 and all(
            p.all("bold") for p in ctx.found.agency) and not any("ban hành" in p.style_name.lower()
                                                                  for p in ctx.found.agency):
        return ctx.skip("o2.chu-quan", "mọi dòng tên cơ quan đều đậm: không phân biệt được dòng chủ quản",
                        "every agency line is bold: the parent-agency line cannot be told apart")
    for para in ctx.found.parent:
        element_format(ctx, "o2.chu-quan", para, "co_quan_chu_quan", "Tên cơ quan chủ quản")


@check("o2.ban-hanh")
def agency(ctx: Ctx) -> None:
    if not ctx.found.agency:
        return missing(ctx, "o2.ban-hanh", "tên cơ quan ban hành", "the issuing agency's name")
    for para in ctx.found.agency:
        element_format(ctx, "o2.ban-hanh", para, "co_quan_ban_hanh", "Tên cơ quan ban hành")


@check("o2.duong-ke")
def agency_rule(ctx: Ctx) -> None:
    if not ctx.found.agency:
        return ctx.skip("o2.duong-ke", "không thấy tên cơ quan ban hành", "no issuing agency found")
    _rule_length(ctx, "o2.duong-ke", ctx.found.agency_rule, ctx.found.agency, rules.AGENCY_RULE_RATIO,
                 ("tên cơ quan ban hành", "issuing agency's name"))


NUMBER = re.compile(r"^Số\s*(?P<colon>:?)\s*(?P<num>\d*)\s*/\s*(?P<code>.*)$")


@check("o3.so-ky-hieu")
def number(ctx: Ctx) -> None:
    so = ctx.found.so
    if so is None:
        return missing(ctx, "o3.so-ky-hieu", "số, ký hiệu (“Số: …/…”)", "the number and code")
    element_format(ctx, "o3.so-ky-hieu", so, "so_ky_hieu", "Số, ký hiệu")
    text = norm(so.text)
    match = NUMBER.match(text)
    if not match or not match["colon"]:
        return ctx.breach("o3.so-ky-hieu", so.label(), text, "Số: 05/KH-UBND",
                          "Số, ký hiệu viết sai: “Số:” rồi số, “/”, ký hiệu", "write “Số:”, the number, “/”, the code")
    num, code = match["num"], match["code"]
    if num and int(num) < 10 and len(num) == 1:
        ctx.breach("o3.so-ky-hieu", so.label(), f"Số: {num}/", f"Số: 0{num}/",
                   "Số nhỏ hơn 10 phải thêm số 0 phía trước", "numbers below 10 take a leading 0",
                   _replace_text(so, f"{num}/", f"0{num}/"))
    if " " in code.strip():
        ctx.breach("o3.so-ky-hieu", so.label(), code, code.replace(" ", ""),
                   "Ký hiệu không có dấu cách", "the code has no spaces")
    for group in re.split(r"[-/]", code):
        for t in DOC_TYPES.values():
            abbr = t.abbreviation
            if abbr and group != abbr and group.upper() == abbr.upper() and abbr != abbr.upper():
                ctx.breach("o3.so-ky-hieu", so.label(), group, abbr,
                           f"Chữ viết tắt tên loại viết như Phụ lục III: {abbr}",
                           f"the type abbreviation is written as in Phụ lục III: {abbr}",
                           _replace_text(so, f"/{group}", f"/{abbr}"))


def _replace_text(para: Para, old: str, new: str) -> Callable[[], None] | None:
    """A fix that edits text, possible only when one run holds the whole of ``old``."""
    for run in para.runs:
        if run.element is not None and old in "".join(t.text or "" for t in run.element.iter(w("t"))):
            def apply(run=run) -> None:
                for t in run.element.iter(w("t")):
                    if t.text and old in t.text:
                        t.text = t.text.replace(old, new, 1)
                        return
            return apply
    return None


DATE = re.compile(r"^(?P<place>[^,]+),\s*ngày\s*(?P<d>\d*)\s*tháng\s*(?P<m>\d*)\s*năm\s*(?P<y>\d{4})\s*$")


@check("o4.dia-danh-ngay")
def place_date(ctx: Ctx) -> None:
    ngay = ctx.found.ngay
    if ngay is None:
        if ctx.found.doc_type and ctx.found.doc_type.slug == "bien-ban":
            return ctx.not_for_this_kind("o4.dia-danh-ngay", "biên bản không có dòng địa danh, ngày tháng (Mẫu 1.9)",
                            "a biên bản has no place/date line (Mẫu 1.9)")
        return missing(ctx, "o4.dia-danh-ngay", "địa danh và ngày tháng", "the place and date")
    element_format(ctx, "o4.dia-danh-ngay", ngay, "dia_danh_ngay", "Địa danh và ngày tháng")
    text = norm(ngay.text)
    match = DATE.match(text)
    if not match:
        return ctx.breach("o4.dia-danh-ngay", ngay.label(), text, "Hà Nội, ngày 05 tháng 01 năm 2025",
                          "Địa danh, ngày tháng viết sai dạng “<Địa danh>, ngày … tháng … năm …”",
                          "write “<place>, ngày … tháng … năm …”")
    day, month = match["d"], match["m"]
    if day and len(day) == 1:
        ctx.breach("o4.dia-danh-ngay", ngay.label(), f"ngày {day}", f"ngày 0{day}",
                   "Ngày nhỏ hơn 10 phải thêm số 0", "days below 10 take a leading 0",
                   _replace_text(ngay, f"ngày {day} ", f"ngày 0{day} "))
    if month and len(month) == 1 and int(month) in (1, 2):
        ctx.breach("o4.dia-danh-ngay", ngay.label(), f"tháng {month}", f"tháng 0{month}",
                   "Tháng 1, 2 phải thêm số 0", "months 1 and 2 take a leading 0",
                   _replace_text(ngay, f"tháng {month} ", f"tháng 0{month} "))
    if month and len(month) == 2 and month.startswith("0") and int(month) >= 3:
        ctx.breach("o4.dia-danh-ngay", ngay.label(), f"tháng {month}", f"tháng {int(month)}",
                   "Chỉ tháng 1, 2 thêm số 0; từ tháng 3 không thêm", "only months 1 and 2 take a leading 0",
                   _replace_text(ngay, f"tháng {month} ", f"tháng {int(month)} "))


@check("o5.ten-loai")
def title(ctx: Ctx) -> None:
    found = ctx.found
    if found.ten_loai is None:
        if found.is_cong_van:
            return ctx.not_for_this_kind("o5.ten-loai", "công văn không có tên loại", "a công văn has no type name")
        return missing(ctx, "o5.ten-loai", "tên loại văn bản (hoặc “V/v” của công văn)",
                       "the type name (or a công văn's “V/v” line)")
    element_format(ctx, "o5.ten-loai", found.ten_loai, "ten_loai", "Tên loại văn bản")
    for para in found.trich_yeu:
        element_format(ctx, "o5.ten-loai", para, "trich_yeu", "Trích yếu")


@check("o5.vv")
def vv(ctx: Ctx) -> None:
    if not ctx.found.vv:
        return ctx.not_for_this_kind("o5.vv", "không phải công văn (không có dòng V/v)", "not a công văn (no V/v line)")
    first = ctx.found.vv[0]
    if not norm(first.text).startswith("V/v "):
        ctx.breach("o5.vv", first.label(), norm(first.text)[:4], "V/v ",
                   "Trích yếu công văn bắt đầu bằng “V/v” (V hoa, v thường)", "starts with “V/v” (capital V, small v)",
                   _replace_text(first, norm(first.text)[:3], "V/v"))
    for para in ctx.found.vv:
        element_format(ctx, "o5.vv", para, "trich_yeu_cong_van", "Trích yếu công văn")


@check("o9a.kinh-gui")
def kinh_gui(ctx: Ctx) -> None:
    paras = ctx.found.kinh_gui
    if not paras:
        if ctx.found.is_cong_van:
            return missing(ctx, "o9a.kinh-gui", "“Kính gửi:”", "“Kính gửi:”")
        return ctx.not_for_this_kind("o9a.kinh-gui", "văn bản không có Kính gửi", "the document has no Kính gửi")
    head = norm(paras[0].text)
    if not head.startswith("Kính gửi:"):
        ctx.breach("o9a.kinh-gui", paras[0].label(), head[:12], "Kính gửi:",
                   "“Kính gửi” phải có dấu hai chấm", "“Kính gửi” takes a colon")
    for para in paras:
        element_format(ctx, "o9a.kinh-gui", para, "kinh_gui", "Kính gửi")
    items = paras[1:]
    for n, para in enumerate(items):
        text, last = norm(para.text), n == len(items) - 1
        end = "." if last else ";"
        if not text.endswith(end):
            ctx.breach("o9a.kinh-gui", para.label(), text[-1:], end,
                       f"Dòng Kính gửi {'cuối ' if last else ''}kết thúc bằng “{end}”",
                       f"{'the last ' if last else 'an '}addressee line ends with “{end}”")


# --- body (ô 6) ----------------------------------------------------------------------------------

@check("o6.noi-dung")
def body(ctx: Ctx) -> None:
    paras = ctx.found.body
    if not paras:
        return ctx.skip("o6.noi-dung", "không thấy nội dung", "no body text found")
    allowed = {ELEMENTS["noi_dung"].size.small, ELEMENTS["noi_dung"].size.large}
    off = [p for p in paras if len(norm(p.text)) > LONG and p.align != "justify"]
    if off:
        ctx.breach("o6.noi-dung", _several(off), off[0].align, "justify",
                   f"{len(off)} đoạn nội dung không căn đều hai lề", f"{len(off)} body paragraphs are not justified",
                   _set_paragraphs(off, "jc", val="both"))
    sized = [p for p in paras if p.sizes() - allowed]
    if sized:
        sizes = sorted({s for p in sized for s in p.sizes() - allowed})
        wanted = ELEMENTS["noi_dung"].size.pt(ctx.profile or rules.DEFAULT_PROFILE)
        ctx.breach("o6.noi-dung", _several(sized), ", ".join(map(_pt, sizes)), "–".join(map(_pt, sorted(allowed))),
                   f"{len(sized)} đoạn nội dung cỡ chữ {', '.join(map(_pt, sizes))}",
                   f"{len(sized)} body paragraphs in {', '.join(map(_pt, sizes))}",
                   lambda: [_set_runs(p, size=wanted)() for p in sized])


def _several(paras: list[Para]) -> str:
    more = f" (+{len(paras) - 1})" if len(paras) > 1 else ""
    return paras[0].label() + more


@check("o6.thut-dong")
def indent(ctx: Ctx) -> None:
    paras = [p for p in ctx.found.body if len(norm(p.text)) > LONG and p.align == "justify"]
    if not paras:
        return ctx.skip("o6.thut-dong", "không có đoạn nội dung dài", "no long body paragraph")
    allowed = [round(mm * TWIPS_PER_MM) for mm in rules.FIRST_LINE_INDENTS_MM]
    cm = [f"{mm / 10:g}" for mm in rules.FIRST_LINE_INDENTS_MM]
    off = [p for p in paras if min(abs(p.first_line - a) for a in allowed) > INDENT_TOLERANCE_TWIPS]
    if off:
        ctx.breach("o6.thut-dong", _several(off), f"{off[0].first_line / TWIPS_PER_MM / 10:.2f} cm",
                   " / ".join(c.replace(".", ",") for c in cm) + " cm",
                   f"{len(off)} đoạn thụt đầu dòng khác {' hoặc '.join(c.replace('.', ',') for c in cm)} cm",
                   f"{len(off)} paragraphs indent their first line other than {' or '.join(cm)} cm",
                   _set_paragraphs(off, "ind", firstLine=str(allowed[0]), hanging=None))
    tight = [p for p in paras if p.before + p.after < rules.PARAGRAPH_SPACING_PT - 0.1]
    if tight:
        ctx.breach("o6.thut-dong", _several(tight), _pt(tight[0].before + tight[0].after), "≥ 6 pt",
                   f"{len(tight)} đoạn cách nhau dưới 6 pt", f"{len(tight)} paragraphs less than 6 pt apart",
                   _set_paragraphs(tight, "spacing", before=str(round(rules.PARAGRAPH_SPACING_PT * TWIPS_PER_PT))))
    low, high = rules.LINE_SPACING_RANGE
    spaced = [p for p in paras if not low - 0.01 <= p.line <= high + 0.01]
    if spaced:
        ctx.breach("o6.thut-dong", _several(spaced), f"{spaced[0].line:g}", f"{low:g}–{high:g}",
                   "Giãn dòng từ một dòng đến 1,5 dòng", "line spacing from single to 1.5 lines")


@check("o6.ket-thuc")
def end_mark(ctx: Ctx) -> None:
    if not ctx.found.body:
        return ctx.skip("o6.ket-thuc", "không thấy nội dung", "no body text found")
    last = ctx.found.body[-1]
    if not norm(last.text).endswith(rules.END_MARK):
        ctx.breach("o6.ket-thuc", last.label(), norm(last.text)[-3:], rules.END_MARK,
                   "Nội dung kết thúc bằng “./.” như mọi mẫu của Phụ lục III",
                   "the body ends with “./.” as in every template of Phụ lục III")


@check("co-chu.dong-bo")
def sizes_together(ctx: Ctx) -> None:
    profile = ctx.profile
    if profile is None:
        return ctx.skip("co-chu.dong-bo", "cỡ chữ Quốc hiệu không hợp lệ", "the national title's size is not valid")
    for key, para in (("tieu_ngu", ctx.found.tieu_ngu), ("dia_danh_ngay", ctx.found.ngay)):
        if para is None:
            continue
        want = ELEMENTS[key].size.pt(profile)
        sizes = para.sizes()
        if sizes and sizes != {want} and sizes <= {ELEMENTS[key].size.small, ELEMENTS[key].size.large}:
            ctx.breach("co-chu.dong-bo", para.label(), ", ".join(map(_pt, sorted(sizes))), _pt(want),
                       f"Quốc hiệu cỡ {_pt(ELEMENTS['quoc_hieu'].size.pt(profile))} thì {ELEMENTS[key].name_vi} cỡ"
                       f" {_pt(want)}", f"with the national title at {_pt(ELEMENTS['quoc_hieu'].size.pt(profile))},"
                       f" {ELEMENTS[key].name_vi} is {_pt(want)}", _set_runs(para, size=want))


# --- signature and recipients (ô 7, ô 9b) ------------------------------------------------------------

MARKER = re.compile(r"^(T\s*[./]?\s*M|K\s*[./]?\s*T|T\s*[./]?\s*L|T\s*[./]?\s*U\s*[./]?\s*Q|Q)\s*[.:/]?\s*(?=\S)")


@check("o7.quyen-han")
def authority(ctx: Ctx) -> None:
    lines = ctx.found.authority
    if not lines:
        return missing(ctx, "o7.quyen-han", "quyền hạn, chức vụ người ký", "the signer's position")
    first = norm(lines[0].text)
    match = MARKER.match(first)
    if match and not first.startswith(tuple(f"{m} " for m in rules.QUYEN_HAN)):
        token = match.group(0).strip()
        canonical = re.sub(r"[\s./:]", "", token) + "."
        if canonical in rules.QUYEN_HAN and token != canonical:
            ctx.breach("o7.quyen-han", lines[0].label(), token, canonical,
                       f"Viết “{canonical}” (chữ in hoa, dấu chấm, rồi cách)", f"write “{canonical}” then a space",
                       _replace_text(lines[0], token, canonical))
    for para in lines:
        element_format(ctx, "o7.quyen-han", para, "quyen_han_chuc_vu", "Quyền hạn, chức vụ")


@check("o7.ho-ten")
def signer(ctx: Ctx) -> None:
    if ctx.found.ho_ten is None:
        return missing(ctx, "o7.ho-ten", "họ tên người ký", "the signer's name")
    element_format(ctx, "o7.ho-ten", ctx.found.ho_ten, "ho_ten", "Họ tên người ký")


@check("o9b.nhan")
def noi_nhan_label(ctx: Ctx) -> None:
    label = ctx.found.noi_nhan_label
    if label is None:
        return missing(ctx, "o9b.nhan", "“Nơi nhận:”", "“Nơi nhận:”")
    if norm(label.text) != rules.NOI_NHAN_LABEL:
        ctx.breach("o9b.nhan", label.label(), norm(label.text), rules.NOI_NHAN_LABEL,
                   "Viết “Nơi nhận:” (có dấu hai chấm)", "write “Nơi nhận:” with its colon")
    element_format(ctx, "o9b.nhan", label, "noi_nhan_nhan", "Nơi nhận")


@check("o9b.dong")
def noi_nhan_items(ctx: Ctx) -> None:
    items = _items(ctx.found.noi_nhan)
    if not items:
        return ctx.skip("o9b.dong", "không thấy các dòng nơi nhận", "no recipient lines found")
    for paras in items:
        element_format(ctx, "o9b.dong", paras[0], "noi_nhan", "Dòng nơi nhận")
    for n, paras in enumerate(items):
        text, last = norm(" ".join(p.text for p in paras)), n == len(items) - 1
        if not text.startswith("-"):
            ctx.breach("o9b.dong", paras[0].label(), text[:1], "-", "Mỗi dòng nơi nhận bắt đầu bằng “-”",
                       "each recipient line starts with “-”")
        end = "." if last else ";"
        ending = re.sub(r"\s*[A-ZĐ]{1,6}\.\(\d+\)\.?$", "", text) if last else text  # ô 12: "PL.(300)"
        if not (ending.endswith(end) or text.endswith(end)):
            ctx.breach("o9b.dong", paras[-1].label(), text[-1:], end,
                       f"Dòng nơi nhận {'cuối ' if last else ''}kết thúc bằng “{end}”",
                       f"{'the last ' if last else 'a '}recipient line ends with “{end}”")
    last = norm(items[-1][0].text)
    if not re.match(r"^-\s*Lưu\s*:", last):
        ctx.breach("o9b.dong", items[-1][0].label(), last[:20], "- Lưu: VT, …",
                   "Dòng cuối nơi nhận là “- Lưu: VT, …”", "the last recipient line is “- Lưu: VT, …”")
    elif "VT" not in last:
        ctx.breach("o9b.dong", items[-1][0].label(), last[:30], "- Lưu: VT, …",
                   "Dòng “Lưu” ghi văn thư (VT) trước", "the “Lưu” line names the văn thư (VT) first")


def _items(paras: list[Para]) -> list[list[Para]]:
    """Recipient lines; a line that continues the previous item joins it."""
    items: list[list[Para]] = []
    for para in paras:
        text = norm(para.text)
        if items and not text.startswith("-") and not norm(items[-1][-1].text).endswith((";", ".")):
            items[-1].append(para)
        else:
            items.append([para])
    return items


# --- page numbers (static) --------------------------------------------------------------------------

@check("trang.so-trang")
def page_numbers(ctx: Ctx) -> None:
    sections = ctx.view.sections
    if not sections:
        return ctx.skip("trang.so-trang", "văn bản không có phần trang", "the document has no section")
    first = sections[0]
    package = ctx.view.package
    with_page = {part for part, root in package.parts.items() if _has_page_field(root)}
    if not with_page:
        return ctx.skip("trang.so-trang", "không có số trang: cần nếu văn bản dài hơn một trang (--layout đếm trang)",
                        "no page numbers: needed if the document runs past page 1 (--layout counts pages)")
    footers = [p for p in with_page if "footer" in p]
    if footers:
        ctx.breach("trang.so-trang", "chân trang / footer", "chân trang / footer", "lề trên / top margin",
                   "Số trang đặt giữa lề trên, không ở chân trang", "page numbers go in the top margin, not the footer")
    page_one = first.headers.get("first") if first.title_page else first.headers.get("default")
    if page_one in with_page:
        ctx.breach("trang.so-trang", "trang 1 / page 1", "có số trang / numbered", "không / none",
                   "Trang 1 không đánh số (chọn “Different First Page”)",
                   "page 1 carries no number (“Different First Page”)")
    default = first.headers.get("default")
    for para in ctx.view.headers.get(default, []):
        if _has_page_field(para.element) and para.align != "center":
            ctx.breach("trang.so-trang", "đầu trang / header", para.align, "center",
                       "Số trang căn giữa", "page numbers are centred")


def _has_page_field(root) -> bool:
    for node in root.iter(w("instrText")):
        if re.search(r"\bPAGE\b", node.text or ""):
            return True
    return any(re.search(r"\bPAGE\b", n.get(w("instr"), "")) for n in root.iter(w("fldSimple")))


def run_all(view: View, found: Found) -> Ctx:
    ctx = Ctx(view, found)
    for rule_id, fn in CHECKS.items():
        fn(ctx)
    return ctx
