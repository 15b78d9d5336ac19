"""styles.xml generated from the rules: one Word paragraph style per element.

Each element of the decree becomes a named style ("Quốc hiệu", "Nội dung",
"Nơi nhận" …), so the document stays right when a clerk edits it in Word:
pressing Enter in a body paragraph gives another body paragraph, justified,
indented and spaced as the decree requires.  Fonts are set in all four slots
(ASCII, high ANSI, East Asian, complex script) and never through a theme, so
Word and WPS cannot substitute another font.
"""

from __future__ import annotations

from functools import cache

from .. import rules
from ..rules import Align, Element, Profile
from .ooxml import W_NS, eighths, half_points, twips

_JC = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "both"}

#: Styles that are not elements of the decree but are needed to draw it.
RULE_STYLE = "duong_ke"
SPACER_STYLE = "khoang_ky"


def _fonts() -> str:
    f = rules.FONT
    return f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/>'


def _run_props(el: Element, profile: Profile) -> str:
    sz = half_points(el.size.pt(profile))
    return (
        "<w:rPr>"
        + ("<w:b/><w:bCs/>" if el.bold else "")
        + ("<w:i/><w:iCs/>" if el.italic else "")
        + f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/></w:rPr>'
    )


def _para_props(el: Element) -> str:
    line = round(240 * rules.LINE_SPACING)
    spacing = (
        f'<w:spacing w:before="{round(el.space_before_pt * 20)}" w:after="{round(el.space_after_pt * 20)}"'
        f' w:line="{line}" w:lineRule="auto"/>'
    )
    if el.hanging_mm:
        indent = f'<w:ind w:left="{twips(el.hanging_mm)}" w:hanging="{twips(el.hanging_mm)}"/>'
    elif el.first_line_indent_mm:
        indent = f'<w:ind w:firstLine="{twips(el.first_line_indent_mm)}"/>'
    else:
        indent = ""
    outline = f'<w:outlineLvl w:val="{el.outline_level}"/>' if el.outline_level is not None else ""
    keep = "<w:keepNext/>" if el.keep_with_next else ""
    return f"<w:pPr>{keep}{spacing}{indent}<w:jc w:val=\"{_JC[el.align]}\"/>{outline}</w:pPr>"


def _style(style_id: str, name: str, ppr: str, rpr: str) -> str:
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:qFormat/>{ppr}{rpr}</w:style>'
    )


def _rule_style() -> str:
    # An empty paragraph RULE_GAP_PT high whose bottom border is the rule: the
    # gap keeps the rule off the dot-below marks of the line above.
    gap = round(rules.RULE_GAP_PT * 20)
    border = f'<w:bottom w:val="single" w:sz="{eighths(rules.RULE_WEIGHT_PT)}" w:space="0" w:color="{rules.COLOR}"/>'
    ppr = (f"<w:pPr><w:pBdr>{border}</w:pBdr>"
           f'<w:spacing w:before="0" w:after="0" w:line="{gap}" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>')
    return _style(RULE_STYLE, "Đường kẻ", ppr, '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>')


@cache
def styles_xml(profile: Profile) -> bytes:
    body = rules.ELEMENTS["noi_dung"]
    sz = half_points(body.size.pt(profile))
    parts = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">',
        "<w:docDefaults><w:rPrDefault><w:rPr>",
        _fonts(),
        f'<w:color w:val="{rules.COLOR}"/><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>',
        f'<w:lang w:val="{rules.LANGUAGE}" w:eastAsia="{rules.LANGUAGE}" w:bidi="ar-SA"/>',
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>",
        "<w:widowControl/>" if rules.WIDOW_CONTROL else '<w:widowControl w:val="0"/>',
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>',
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f"<w:rPr>{_fonts()}</w:rPr></w:style>",
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
    ]
    for key, el in rules.ELEMENTS.items():
        parts.append(_style(key, el.name_vi, _para_props(el), _run_props(el, profile)))
    parts.append(_rule_style())
    parts.append(_style(SPACER_STYLE, "Khoảng chữ ký", "<w:pPr><w:jc w:val=\"center\"/></w:pPr>",
                        _run_props(rules.ELEMENTS["quyen_han_chuc_vu"], profile)))
    parts.append("</w:styles>")
    return "".join(parts).encode("utf-8")
