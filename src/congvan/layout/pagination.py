"""Where the signature band may break (issue 14, point 6).

The band is one table row that never splits, held to the last body
paragraph, so the signer never stands on a page without body text above it.
A band with a long Nơi nhận would then move to the next page whole and leave
the page before it blank by its height; when the band is taller than
``rules.MAX_BLANK_FRACTION`` of a page, the Nơi nhận items that reach below
the signer's name go into a second row that may break across pages.  The
signer's column (ô 7, 8) always stays in the first row, in one piece.

Heights are estimated from the font metrics (the same wrap the header
uses); an item that wraps counts its lines.
"""

from __future__ import annotations

from .. import images, metrics, rules
from ..rules import Profile
from .geometry import MM_PER_PT
from .view import Page, Signature

PT_PER_MM = 1 / MM_PER_PT
#: Single line spacing of Times New Roman / Liberation Serif, in ems (the checker measures with the same).
LINE_EM = rules.SINGLE_LINE_EM


def _lines_pt(text: str, element: str, width_mm: float, profile: Profile) -> float:
    el = rules.ELEMENTS[element]
    size = el.size.pt(profile)
    count = len(metrics.wrap_lines(text, width_mm * PT_PER_MM, size, bold=el.bold, italic=el.italic))
    return count * size * LINE_EM


def signer_height_pt(s: Signature, width_mm: float, profile: Profile) -> float:
    """The signer's column: authority lines, the gap (or the images), the name."""
    height = sum(_lines_pt(line, "quyen_han_chuc_vu", width_mm, profile) for line in s.authority_lines)
    height += sum(_lines_pt(line, "chuc_vu_khac", width_mm, profile) for line in s.other_position_lines)
    height += _lines_pt(s.name, "ho_ten", width_mm, profile)
    spacer = rules.ELEMENTS["quyen_han_chuc_vu"].size.pt(profile) * LINE_EM
    if s.image or s.seal:
        tallest = max(images.read_png(path).size_mm(default)[1] for path, default in
                      ((s.image, rules.SIGNATURE_IMAGE_WIDTH_MM), (s.seal, rules.SEAL_DIAMETER_MM)) if path)
        return height + 2 * spacer + tallest * PT_PER_MM
    return height + rules.SIGNATURE_GAP_LINES * spacer


def recipients_split(lines: list[str], signature: Signature, page: Page, profile: Profile) -> int | None:
    """How many Nơi nhận lines stand beside the signer (the rest continue in
    a row that may break), or None when the band is short enough to keep whole."""
    left_mm, right_mm = page.signature_columns
    label = _lines_pt(rules.NOI_NHAN_LABEL, "noi_nhan_nhan", left_mm, profile)
    # The first line of an item starts at the cell's edge (the hanging indent
    # moves only the lines after it).
    heights = [_lines_pt(line, "noi_nhan", left_mm, profile) for line in lines]
    signer = signer_height_pt(signature, right_mm, profile)
    band = max(label + sum(heights), signer) + rules.SIGNATURE_SPACE_BEFORE_PT
    text_height = (rules.PAGE_HEIGHT_MM - rules.MARGINS_MM["top"] - rules.MARGINS_MM["bottom"]) * PT_PER_MM
    if band <= rules.MAX_BLANK_FRACTION * text_height:
        return None
    # Enough items that the left column reaches the signer's name: the second
    # row then continues the list without a gap.
    left, count = label, 0
    while count < len(lines) and left < signer:
        left += heights[count]
        count += 1
    return count if count < len(lines) else None
