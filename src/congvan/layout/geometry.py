"""Page geometry derived from the rules: column widths and rule lengths."""

from __future__ import annotations

from .. import metrics, rules
from ..rules import Profile
from .view import Page, Rule

MM_PER_PT = 25.4 / 72


def page() -> Page:
    left_over, right_over = rules.HEADER_OVERHANG_MM
    band = rules.TEXT_WIDTH_MM + left_over + right_over
    left = round(band * rules.HEADER_LEFT_FRACTION, 1)
    sig_left = round(rules.TEXT_WIDTH_MM * rules.SIGNATURE_LEFT_FRACTION, 1)
    return Page(
        header_columns=(left, round(band - left, 1)),
        header_indent=-left_over,
        signature_columns=(sig_left, round(rules.TEXT_WIDTH_MM - sig_left, 1)),
    )


def text_mm(text: str, element: str, profile: Profile) -> float:
    el = rules.ELEMENTS[element]
    return metrics.text_width_pt(text, el.size.pt(profile), bold=el.bold, italic=el.italic) * MM_PER_PT


def longest_line_mm(lines: list[str], element: str, width_mm: float, profile: Profile) -> float:
    """Width of the widest line once each given line wraps inside width_mm."""
    el = rules.ELEMENTS[element]
    size = el.size.pt(profile)
    width_pt = width_mm / MM_PER_PT
    return max(
        (metrics.longest_line_pt(line, width_pt, size, bold=el.bold, italic=el.italic) for line in lines),
        default=0.0,
    ) * MM_PER_PT


def rule_under(lines: list[str], element: str, width_mm: float, profile: Profile) -> Rule:
    """The 1/3–1/2 rule under ô 2 and ô 5a, sized from the text it sits under."""
    return Rule(round(rules.RULE_RATIO_CHOSEN * longest_line_mm(lines, element, width_mm, profile), 1))


def motto_rule(profile: Profile) -> Rule:
    """The rule under the Tiêu ngữ: as long as the motto itself (ô 1)."""
    return Rule(round(rules.MOTTO_RULE_RATIO[0] * text_mm(rules.TIEU_NGU, "tieu_ngu", profile), 1))
