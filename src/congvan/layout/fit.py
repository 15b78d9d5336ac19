"""Where lines break: balanced breaks for agency names, trích yếu and V/v.

Word wraps greedily, so a name or a subject one word too long for its
column leaves that word alone on the last line ("… CÔNG / THƯƠNG / …",
"… Thành"); offices break such lines by hand at balanced points.  congvan
computes those points from the font metrics (``congvan.metrics``) and
inserts the breaks itself: each line then fits its column and Word has
nothing left to wrap.  A clerk's own ``\\n`` is always kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import rules
from ..rules import Profile
from . import geometry


@dataclass(frozen=True)
class Notice:
    """A line that could not be laid out as asked: printed by the CLI, returned by the API."""

    where: str  # the field, e.g. "co_quan_ban_hanh.ten"
    vi: str
    en: str

    def __str__(self) -> str:
        return f"{self.where}: {self.vi} / {self.en}"


def units(text: str) -> list[str]:
    """The words between which a line may break.  A range joined by a dash
    ("2021 - 2026", "2023‑2024") stays one unit, so it never breaks inside."""
    out: list[str] = []
    glue = False
    for word in text.split():
        if out and (glue or word in rules.RANGE_JOINERS):
            out[-1] += " " + word
            glue = word in rules.RANGE_JOINERS
            continue
        out.append(word)
        glue = False
    return out


_PUNCTUATION = ",;:.()\"“”'‘’"


def _starts_place(rest: list[str]) -> bool:
    """Does a line starting with these words start a place or a unit?"""
    head = " ".join(rest[:3]).upper()
    return any(head == w or head.startswith(w + " ") for w in rules.HEADER_BREAK_BEFORE)


def _inside_word(words: list[str], j: int) -> bool:
    """Would a break before words[j] split a two-syllable word or a listed phrase ("THÀNH / PHỐ")?"""
    last, first = (w.strip(_PUNCTUATION).upper() for w in (words[j - 1].split()[-1], words[j].split()[0]))
    pair = f"{last} {first}"
    return pair in rules.WORDS or any(pair in phrase for phrase in rules.HEADER_BREAK_BEFORE if " " in phrase)


def break_cost(words: list[str], j: int, penalty_mm: float) -> float:
    """What a line break before words[j] costs, in mm of the longest line."""
    if _inside_word(words, j):
        return rules.BREAK_INSIDE_WORD_MM
    if words[j - 1].endswith(rules.BREAK_AFTER) or _starts_place(words[j:]):
        return 0.0
    return penalty_mm


def partition(words: list[str], count: int, limit_mm: float, element: str, profile: Profile,
              penalty_mm: float = rules.BREAK_PENALTY_MM) -> list[str] | None:
    """``words`` on exactly ``count`` lines, each at most ``limit_mm`` wide and
    none a single word alone (when there are words enough), the longest line
    as short as it can be.  A break where offices would not break counts
    against its line (``break_cost``).  None when impossible."""
    n = len(words)
    if count > n:
        return None
    widths, space = _widths(tuple(words), element, profile)
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    alone_ok = n < 2 * count  # too few words for every line to hold two
    costs = [0.0] + [break_cost(words, j, penalty_mm) for j in range(1, n)] + [0.0]
    inf = float("inf")
    # best[m][j]: the smallest longest-line cost of words[:j] on m lines, and where the last line starts
    best = [[(inf, -1)] * (n + 1) for _ in range(count + 1)]
    best[0][0] = (0.0, -1)
    for m in range(1, count + 1):
        for j in range(m, n - (count - m) + 1):
            for i in range(j - 1, m - 2, -1):  # the line words[i:j], longer as i falls
                width = prefix[j] - prefix[i] + space * (j - i - 1)
                if width > limit_mm:
                    break
                before = best[m - 1][i][0]
                if before == inf or (j - i == 1 and not alone_ok and " " not in words[i]):
                    continue
                cost = max(before, width + costs[j])
                if cost < best[m][j][0]:
                    best[m][j] = (cost, i)
    if best[count][n][0] == inf:
        return None
    lines, j = [], n
    for m in range(count, 0, -1):
        i = best[m][j][1]
        lines.insert(0, " ".join(words[i:j]))
        j = i
    return lines


def greedy_count(words: list[str], limit_mm: float, element: str, profile: Profile) -> int:
    """How many lines Word's greedy wrap would make."""
    widths, space = _widths(tuple(words), element, profile)
    count, current = 1, -1.0  # current: the line's width so far (-1: empty)
    for width in widths:
        trial = width if current < 0 else current + space + width
        if current >= 0 and trial > limit_mm:
            count, current = count + 1, width
        else:
            current = trial
    return count


@lru_cache(maxsize=1024)
def _widths(words: tuple[str, ...], element: str, profile: Profile) -> tuple[list[float], float]:
    return [geometry.text_mm(w, element, profile) for w in words], geometry.text_mm(" ", element, profile)


@lru_cache(maxsize=512)
def _balanced(text: str, limit_mm: float, element: str, profile: Profile) -> tuple[str, ...]:
    return tuple(_balance(text, limit_mm, element, profile))


def balanced(text: str, limit_mm: float, element: str, profile: Profile) -> list[str]:
    """One line broken at balanced points (see ``_balance``); the same line is laid out once."""
    return list(_balanced(text, limit_mm, element, profile))


def _balance(text: str, limit_mm: float, element: str, profile: Profile) -> list[str]:
    """One line as Word would wrap it, but broken at balanced points: as many
    lines as the greedy wrap needs (one more if that is the only way to keep
    a word from standing alone), each as long as the others."""
    words = units(text)
    if not words:
        return []
    if geometry.text_mm(" ".join(words), element, profile) <= limit_mm:
        return [" ".join(words)]
    count = greedy_count(words, limit_mm, element, profile)
    for k in (count, count + 1):
        found = partition(words, k, limit_mm, element, profile)
        if found:
            return found
    return [" ".join(words)]  # a word wider than the column: Word cuts it; the caller warns


def clerk_lines(text: str) -> list[str]:
    """The lines the clerk wrote: "\\n" breaks, blank lines dropped."""
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def agency(text: str, element: str, profile: Profile, default_mm: float, max_mm: float,
           where: str) -> tuple[list[str], list[Notice]]:
    """The lines of an agency name (already upper case) in a column that is
    ``default_mm`` wide and may widen to ``max_mm``.

    The clerk's "\\n" decides where given.  Otherwise a name that fits the
    column stays on one line; a longer one takes the fewest lines that fit the
    widest column, broken at balanced points (so the column widens rather than
    a third line appear: "TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG / THÀNH PHỐ HỒ CHÍ MINH")."""
    notices: list[Notice] = []
    given = clerk_lines(text)
    if len(given) > 1:
        lines = []
        for line in given:
            if geometry.text_mm(line, element, profile) > max_mm:
                notices.append(_too_wide(where, line, max_mm))
                lines.extend(balanced(line, max_mm, element, profile))
            else:
                lines.append(line)
        return lines, notices
    if not given:
        return [], notices
    words = units(given[0])
    if geometry.text_mm(given[0], element, profile) <= default_mm:
        return [given[0]], notices
    for count in range(2, rules.HEADER_MAX_LINES + 1):
        found = partition(words, count, max_mm, element, profile, rules.HEADER_BREAK_PENALTY_MM)
        if found:
            return found, notices
    notices.append(_too_wide(where, given[0], max_mm))
    return balanced(given[0], max_mm, element, profile), notices


def _too_wide(where: str, line: str, max_mm: float) -> Notice:
    return Notice(
        where,
        f"dòng “{line}” không vừa cột tiêu đề (tối đa {max_mm:.0f} mm) nên bị ngắt; hãy viết tắt hoặc"
        " tự ngắt dòng bằng \\n",
        f"the line “{line}” does not fit the header column (at most {max_mm:.0f} mm) and breaks;"
        " abbreviate it or break it yourself with \\n",
    )
