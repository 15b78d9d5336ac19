"""Page geometry derived from the rules: column widths and rule lengths."""

from __future__ import annotations

from .. import metrics, rules
from ..rules import Profile
from .view import Page, Rule

MM_PER_PT = 25.4 / 72


def page(left_needed_mm: float = 0.0, right_wanted_mm: float = 0.0, profile: Profile | None = None) -> Page:
    """Columns of the header band and the signature band.

    The header band starts as the Mẫu draws it (40 : 60, reaching 5 mm into
    each margin).  A left column that needs more room (a long agency name)
    widens up to what the right column leaves, the right column keeping the
    Quốc hiệu and the Tiêu ngữ on one line each; the band then reaches further
    into the left margin, up to ``rules.HEADER_OVERHANG_MAX_MM``.  The right
    column also widens, within the same bound, for a long place-and-date line.
    """
    left_over, right_over = rules.HEADER_OVERHANG_MM
    band = rules.TEXT_WIDTH_MM + left_over + right_over
    left = round(band * rules.HEADER_LEFT_FRACTION, 1)
    right = round(band - left, 1)
    if left_needed_mm or right_wanted_mm:
        widest = header_band_max_mm()
        right_min = right_column_min_mm(profile or rules.DEFAULT_PROFILE)
        left = round(min(max(left, left_needed_mm), widest - right_min), 1)
        right = round(max(band - left, right_min, min(right_wanted_mm, widest - left)), 1)
    extra = max(left + right - band, 0.0)
    sig_left = round(rules.TEXT_WIDTH_MM * rules.SIGNATURE_LEFT_FRACTION, 1)
    return Page(
        header_columns=(left, right),
        header_indent=round(-left_over - extra, 1),
        signature_columns=(sig_left, round(rules.TEXT_WIDTH_MM - sig_left, 1)),
    )


def signature_columns(left_wanted_mm: float, right_needed_mm: float) -> tuple[float, float]:
    """The Nơi nhận | signer columns: the Mẫu's measure (SIGNATURE_LEFT_FRACTION of the
    text width), widened up to SIGNATURE_LEFT_FRACTION_MAX for a recipient line that
    would otherwise break, as long as the signer's column keeps its longest line."""
    base = round(rules.TEXT_WIDTH_MM * rules.SIGNATURE_LEFT_FRACTION, 1)
    widest = min(rules.TEXT_WIDTH_MM * rules.SIGNATURE_LEFT_FRACTION_MAX, rules.TEXT_WIDTH_MM - right_needed_mm)
    left = round(max(base, min(left_wanted_mm, widest)), 1)
    return left, round(rules.TEXT_WIDTH_MM - left, 1)


def header_band_max_mm() -> float:
    return rules.TEXT_WIDTH_MM + sum(rules.HEADER_OVERHANG_MAX_MM)


def right_column_min_mm(profile: Profile) -> float:
    """The Quốc hiệu and the Tiêu ngữ each on one line, with the fit slack."""
    return round(max(text_mm(rules.QUOC_HIEU, "quoc_hieu", profile), text_mm(rules.TIEU_NGU, "tieu_ngu", profile))
                 + rules.HEADER_FIT_SLACK_MM, 1)


def left_column_max_mm(profile: Profile) -> float:
    return header_band_max_mm() - right_column_min_mm(profile)


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
