"""Text widths in Times New Roman, for sizing rules and predicting line wraps.

Decree 30/2020 wants, for instance, the rule under the agency name to be 1/3 to
1/2 as long as the name's line, and the rule under the motto "Độc lập - Tự do -
Hạnh phúc" exactly as long as the motto.  Word does not tell us how wide a line
of text is, so congvan measures it: the advance widths of Liberation Serif
(metric-compatible with Times New Roman) are stored in ``data/metrics.json``,
built once by ``tools/build_metrics.py``.  This module only reads that table:
it needs nothing but the standard library.

Widths are plain sums of advance widths: Word does not kern by default, and
nothing here models letter-spacing, character scaling or Word's own rounding
of widths to its layout grid, so expect agreement to a fraction of a point per
line, not to the exact pixel.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from pathlib import Path

__all__ = [
    "text_width_pt",
    "wrap_lines",
    "longest_line_pt",
    "units_per_em",
    "char_width_units",
    "PT_PER_MM",
    "PT_PER_CM",
]

_METRICS_PATH = Path(__file__).with_name("data") / "metrics.json"

PT_PER_MM = 72 / 25.4
PT_PER_CM = 72 / 2.54

# Characters Word draws with no advance: controls (line and paragraph breaks
# are handled by wrap_lines; a tab's width depends on tab stops and is not
# modelled) and the invisible format characters.  A soft hyphen is invisible
# unless Word breaks the line at it, which wrap_lines does not do.
_ZERO_WIDTH = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")

# Explicit line breaks inside one string: "\n", "\r\n", "\r", vertical tab (what
# Word stores for Shift+Enter in plain text), and the Unicode line/paragraph
# separators.
_LINE_BREAKS = ("\r\n", "\r", "\x0b", "\u2028", "\u2029")

# Word breaks a line after an ordinary hyphen standing between two non-spaces
# ("PCTP-TNXH" may wrap as "PCTP-" / "TNXH").  U+2011 NON-BREAKING HYPHEN and
# U+00A0 NO-BREAK SPACE never allow a break.
_BREAK_AFTER = frozenset("-\u2010")


def _style_key(bold: bool, italic: bool) -> str:
    if bold and italic:
        return "bolditalic"
    if bold:
        return "bold"
    if italic:
        return "italic"
    return "regular"


@cache
def _load() -> tuple[int, dict[str, dict[str, int]]]:
    data = json.loads(_METRICS_PATH.read_text(encoding="ascii"))
    tables: dict[str, dict[str, int]] = {}
    for style, runs in data["styles"].items():
        table: dict[str, int] = {}
        for run in runs:
            first = run[0]
            for offset, width in enumerate(run[1:]):
                table[chr(first + offset)] = width
        for ch in _ZERO_WIDTH:
            table[ch] = 0
        tables[style] = table
    return int(data["units_per_em"]), tables


def units_per_em() -> int:
    """Units per em of the stored metrics (2048 for Liberation Serif)."""
    return _load()[0]


def char_width_units(ch: str, bold: bool = False, italic: bool = False) -> int:
    """Advance width of one character, in font units, with the fallback applied.

    A character missing from the table (CJK, emoji, rare symbols: nothing a
    Vietnamese document normally uses, since the table covers every Vietnamese
    letter and the usual punctuation) counts as wide as "n" in the same style.
    Word would draw such a character from some fallback font whose width we
    cannot know; "n" is a typical, mid-width letter (half an em in Times), so
    the estimate stays close for the odd symbol and never collapses to zero,
    which would make a rule too short or a wrap too optimistic.
    """
    if len(ch) != 1:
        raise ValueError(f"expected one character, got {ch!r}")
    return _width_units(ch, _load()[1][_style_key(bold, italic)])


def _width_units(text: str, table: dict[str, int]) -> int:
    fallback = table["n"]
    total = 0
    for ch in text:
        width = table.get(ch)
        if width is None:
            width = 0 if unicodedata.category(ch) == "Cc" else fallback
        total += width
    return total


def text_width_pt(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
    """Width in points of ``text`` set on one line at ``size_pt`` points.

    The text is normalised to NFC first, so "Ệ" typed as E + U+0323 + U+0302
    measures the same as the precomposed letter.  Precomposed Vietnamese
    letters are measured directly from the table.  Line breaks and tabs count
    zero: use :func:`wrap_lines` / :func:`longest_line_pt` for several lines.
    """
    if size_pt < 0:
        raise ValueError(f"size_pt must not be negative, got {size_pt}")
    upem, tables = _load()
    text = unicodedata.normalize("NFC", text)
    return _width_units(text, tables[_style_key(bold, italic)]) * size_pt / upem


def _paragraphs(text: str) -> list[str]:
    for brk in _LINE_BREAKS:
        text = text.replace(brk, "\n")
    return text.split("\n")


def _segments(paragraph: str) -> list[tuple[str, str]]:
    """Split a paragraph into (body, trailing spaces) units between break points.

    A break is allowed after a run of spaces (U+0020 only) or after a hyphen
    that stands between two non-spaces.  Text with no break opportunity, such
    as "Đắk Lắk" joined by U+00A0 or "PCTP" and "TNXH" joined by U+2011,
    stays in one unit.
    """
    segments: list[tuple[str, str]] = []
    body_start = 0
    i = 0
    n = len(paragraph)
    while i < n:
        ch = paragraph[i]
        if ch == " ":
            j = i
            while j < n and paragraph[j] == " ":
                j += 1
            segments.append((paragraph[body_start:i], paragraph[i:j]))
            body_start = i = j
            continue
        if (
            ch in _BREAK_AFTER
            and i > body_start
            and i + 1 < n
            and paragraph[i + 1] != " "
        ):
            segments.append((paragraph[body_start : i + 1], ""))
            body_start = i + 1
        i += 1
    if body_start < n or not segments:
        segments.append((paragraph[body_start:], ""))
    return segments


def wrap_lines(
    text: str, width_pt: float, size_pt: float, bold: bool = False, italic: bool = False
) -> list[str]:
    """Greedy word wrap into lines at most ``width_pt`` wide, the way Word does it.

    * Lines break at spaces; the spaces at a break are dropped (Word lets them
      hang past the margin), so for text with single spaces and no hyphens
      ``" ".join(lines) == text``.
    * A line may also break after a hyphen between two non-spaces ("A-B" ->
      "A-" / "B").  U+2011 non-breaking hyphen and U+00A0 no-break space never
      break.
    * "\\n" (and "\\r\\n", "\\r", U+000B, U+2028, U+2029) forces a break.
    * A word wider than ``width_pt`` is put on a line of its own and left
      whole, so that line is wider than ``width_pt``.  (Word itself would cut
      such a word between letters; for layout checks an overflowing line is
      the more useful answer.)

    Text is normalised to NFC.  An empty paragraph gives an empty line.
    """
    if not width_pt > 0:
        raise ValueError(f"width_pt must be positive, got {width_pt}")
    if size_pt < 0:
        raise ValueError(f"size_pt must not be negative, got {size_pt}")
    upem, tables = _load()
    table = tables[_style_key(bold, italic)]
    # Compare in font units scaled by the size; allow for float noise.
    limit = width_pt * upem / size_pt if size_pt else float("inf")
    limit += 1e-6

    lines: list[str] = []
    for paragraph in _paragraphs(unicodedata.normalize("NFC", text)):
        current = ""  # the line so far, without its trailing spaces
        current_w = 0
        pending = ""  # spaces after `current`: kept only if the line goes on
        pending_w = 0
        for body, spaces in _segments(paragraph):
            body_w = _width_units(body, table)
            # Break only if the line already holds something: a word too wide
            # for an empty line stays whole on a line of its own.
            if current and current_w + pending_w + body_w > limit:
                lines.append(current)
                current, current_w = body, body_w
            else:
                current += pending + body
                current_w += pending_w + body_w
            pending, pending_w = spaces, _width_units(spaces, table)
        lines.append(current)
    return lines


def longest_line_pt(
    text: str, width_pt: float, size_pt: float, bold: bool = False, italic: bool = False
) -> float:
    """Width in points of the widest line :func:`wrap_lines` produces."""
    return max(
        (text_width_pt(line, size_pt, bold, italic) for line in wrap_lines(text, width_pt, size_pt, bold, italic)),
        default=0.0,
    )
