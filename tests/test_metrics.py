"""Tests for congvan.metrics and the metrics.json built by tools/build_metrics.py."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from congvan import metrics
from congvan.metrics import (
    PT_PER_CM,
    char_width_units,
    longest_line_pt,
    text_width_pt,
    units_per_em,
    wrap_lines,
)

REPO = Path(__file__).resolve().parent.parent
BUILD_SCRIPT = REPO / "tools" / "build_metrics.py"
METRICS_JSON = REPO / "src" / "congvan" / "data" / "metrics.json"
FONT_DIR = Path("/usr/share/fonts/truetype/liberation")
FONT_FILES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bolditalic": "LiberationSerif-BoldItalic.ttf",
}
STYLES = [(False, False), (True, False), (False, True), (True, True)]

MOTTO_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
SAMPLES = [
    MOTTO_NATION,
    MOTTO,
    "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA",
    "Đắk Lắk, ngày 15 tháng 7 năm 2022",
    "BAN CHỈ ĐẠO PCTP, TNXH VÀ XDPT TOÀN DÂN BV ANTOQ TỈNH",
    "Trường Đại học Sư phạm Thành phố Hồ Chí Minh",
    "ưu tiên, ướt át, người Việt; “trích dẫn” – … ‰",
]

# Words for the randomised wrap tests (ASCII, Vietnamese, a long one).
WORDS = (
    "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG CÔNG AN "
    "Quyết định về việc ban hành Quy chế làm việc của Ủy ban nhân dân "
    "PCTP, TNXH XDPT ANTOQ Đắk Lắk ngày tháng năm 2022 "
    "KHÔNGCÓCHỖNGẮTDÒNGNÀOTRONGTỪRẤTDÀINÀY"
).split()


def _fonts_present(font_dir: Path) -> bool:
    return all((font_dir / name).is_file() for name in FONT_FILES.values())


def _font_advance(font_dir: Path, style: str, ch: str) -> int | None:
    from fontTools.ttLib import TTFont

    font = TTFont(font_dir / FONT_FILES[style], lazy=True)
    glyph = font.getBestCmap().get(ord(ch))
    width = None if glyph is None else font["hmtx"][glyph][0]
    font.close()
    return width


def _units(text: str, bold: bool = False, italic: bool = False) -> float:
    """Width in font units (size = unitsPerEm points gives units)."""
    return text_width_pt(text, units_per_em(), bold, italic)


needs_fonts = pytest.mark.skipif(
    not _fonts_present(FONT_DIR),
    reason=f"Liberation Serif TTFs not found in {FONT_DIR} (Debian: apt-get install fonts-liberation)",
)


# --- widths -----------------------------------------------------------------


def test_units_per_em_is_2048():
    assert units_per_em() == 2048


@pytest.mark.parametrize("bold,italic", STYLES)
def test_widths_are_additive(bold, italic):
    for a in SAMPLES:
        for b in SAMPLES:
            whole = text_width_pt(a + b, 13, bold, italic)
            parts = text_width_pt(a, 13, bold, italic) + text_width_pt(b, 13, bold, italic)
            assert whole == pytest.approx(parts, rel=1e-12, abs=1e-9)
    assert text_width_pt("", 13, bold, italic) == 0.0


def test_width_scales_exactly_with_size():
    w12 = text_width_pt(MOTTO_NATION, 12, bold=True)
    w13 = text_width_pt(MOTTO_NATION, 13, bold=True)
    assert w13 > w12
    assert w13 / w12 == pytest.approx(13 / 12, rel=1e-12)
    # Whole font units behind both: 12 * w13 == 13 * w12 exactly (up to float noise).
    assert 12 * w13 == pytest.approx(13 * w12, abs=1e-9)


def test_known_times_new_roman_advances():
    # Times New Roman: "M" regular is 1821/2048 em, the space 512/2048 em.
    assert char_width_units("M") == 1821
    assert char_width_units(" ") == 512
    assert text_width_pt("M", 12) == pytest.approx(12 * 1821 / 2048)
    assert text_width_pt(" ", 12) == pytest.approx(12 * 512 / 2048)
    # The no-break space is as wide as the space.
    assert char_width_units("\u00a0") == 512
    # Bold letters are wider than regular ones.
    assert char_width_units("M", bold=True) > char_width_units("M")


@needs_fonts
def test_known_advances_match_the_installed_font():
    assert _font_advance(FONT_DIR, "regular", "M") == 1821
    assert _font_advance(FONT_DIR, "regular", " ") == 512
    for style, (bold, italic) in zip(FONT_FILES, STYLES):
        for ch in "AMnWw 0.,Đđ-–":
            assert char_width_units(ch, bold, italic) == _font_advance(FONT_DIR, style, ch), (style, ch)


@pytest.mark.parametrize("bold,italic", STYLES)
def test_precomposed_vietnamese_letters_have_the_base_advance(bold, italic):
    # Diacritics sit over the base advance: Ệ is as wide as E, ữ as ư, Ợ as Ơ.
    assert char_width_units("Ệ", bold, italic) == char_width_units("E", bold, italic)
    pairs = {"ẠẢẤẦẨẪẬẮẰẲẴẶ": "A", "ỄỆẾỀ": "E", "ỈỊ": "I", "ỌỘỐỒỔỖ": "O", "ỤỦ": "U",
             "Ỳ": "Y", "ạảấậắặ": "a", "ệếềểễ": "e", "ịỉ": "i", "ọộốồổỗ": "o", "ụủ": "u",
             "ỳỵỷỹ": "y", "ớờởỡợ": "ơ", "ỚỜỞỠỢ": "Ơ", "ứừửữự": "ư", "ỨỪỬỮỰ": "Ư",
             "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ": None}
    for letters, base in pairs.items():
        for ch in letters:
            expect = base or unicodedata.normalize("NFD", ch)[0]
            assert char_width_units(ch, bold, italic) == char_width_units(expect, bold, italic), ch


def test_horn_letters_are_wider_than_their_base():
    # What Liberation Serif 2.1.5 (which draws them) says: the horn widens ơ, Ư, ư, not Ơ.
    assert char_width_units("Ơ") == char_width_units("O") == 1479
    assert (char_width_units("ơ"), char_width_units("o")) == (1083, 1024)
    assert (char_width_units("Ư"), char_width_units("U")) == (1589, 1479)
    assert (char_width_units("ư"), char_width_units("u")) == (1110, 1024)
    assert (char_width_units("Ư", bold=True), char_width_units("ư", bold=True)) == (1630, 1229)


def test_combining_marks_are_zero_width():
    for cp in range(0x0300, 0x0324):
        assert char_width_units(chr(cp)) == 0, hex(cp)


def test_nfd_input_measures_like_nfc():
    for text in SAMPLES:
        nfd = unicodedata.normalize("NFD", text)
        for bold, italic in STYLES:
            assert text_width_pt(nfd, 13, bold, italic) == text_width_pt(text, 13, bold, italic)
    # "Ệ" typed as E + dot below + circumflex.
    assert text_width_pt("E\u0323\u0302", 13) == text_width_pt("Ệ", 13) == text_width_pt("E", 13)


@pytest.mark.parametrize("bold,italic", STYLES)
def test_missing_character_falls_back_to_n(bold, italic):
    n = char_width_units("n", bold, italic)
    for ch in "中😀\u0394":  # CJK, emoji, Greek: not in the table
        assert char_width_units(ch, bold, italic) == n
    assert text_width_pt("a中b", 10, bold, italic) == pytest.approx(
        text_width_pt("anb", 10, bold, italic)
    )


def test_invisible_characters_have_no_width():
    for ch in "\u200b\ufeff\u00ad\n\t":
        assert char_width_units(ch) == 0, repr(ch)


def test_every_vietnamese_letter_is_in_the_table():
    tables = metrics._load()[1]
    letters = [chr(cp) for cp in range(0x1EA0, 0x1EFA)] + list("ĂăÂâĐđÊêÔôƠơƯưĨĩŨũ")
    letters += list("ÀÁÃÈÉÌÍÒÓÕÙÚÝàáãèéìíòóõùúý")
    for style, table in tables.items():
        missing = [ch for ch in letters if ch not in table]
        assert not missing, (style, missing)


def test_header_strings_measured_widths():
    # Pinned so that an accidental change of the table shows up.
    assert text_width_pt(MOTTO_NATION, 13, bold=True) == pytest.approx(271.2041, abs=1e-3)
    assert text_width_pt(MOTTO, 14, bold=True) == pytest.approx(171.3838, abs=1e-3)


# --- wrapping ---------------------------------------------------------------


def _has_break_opportunity(line: str) -> bool:
    return " " in line.strip(" ") or any(
        line[i] in "-\u2010" and line[i - 1] != " " and line[i + 1] != " "
        for i in range(1, len(line) - 1)
    )


def test_wrap_agency_name_in_a_6_5_cm_column():
    name = "BAN CHỈ ĐẠO PCTP, TNXH VÀ XDPT TOÀN DÂN BV ANTOQ TỈNH"
    width = 6.5 * PT_PER_CM  # 184.25 pt
    lines = wrap_lines(name, width, 13)
    # The name is 395.8 pt wide at 13 pt regular, more than twice 184.25 pt,
    # so it cannot fit on two lines: the greedy wrap gives three.
    assert text_width_pt(name, 13) == pytest.approx(395.770, abs=1e-3)
    assert lines == ["BAN CHỈ ĐẠO PCTP, TNXH VÀ", "XDPT TOÀN DÂN BV ANTOQ", "TỈNH"]
    assert " ".join(lines) == name
    assert all(text_width_pt(line, 13) <= width for line in lines)
    assert longest_line_pt(name, width, 13) == pytest.approx(text_width_pt(lines[0], 13))
    # In a column wide enough for half of it plus a word, it takes two lines.
    two = wrap_lines(name, 7.5 * PT_PER_CM, 13)
    assert len(two) == 2 and " ".join(two) == name


@pytest.mark.parametrize("bold,italic", STYLES)
def test_wrap_never_overflows_except_single_words(bold, italic):
    rng = random.Random(20200305)
    for _ in range(300):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 25)))
        size = rng.choice([11, 12, 13, 14])
        width = rng.uniform(20, 400)
        lines = wrap_lines(text, width, size, bold, italic)
        assert " ".join(lines) == text
        for i, line in enumerate(lines):
            assert line and line == line.strip(" ")
            if text_width_pt(line, size, bold, italic) > width:
                assert not _has_break_opportunity(line), (line, width)
            # Greedy: the next line's first word would not have fitted here.
            if i + 1 < len(lines):
                first = lines[i + 1].split(" ")[0]
                assert text_width_pt(line + " " + first, size, bold, italic) > width
        assert longest_line_pt(text, width, size, bold, italic) == pytest.approx(
            max(text_width_pt(line, size, bold, italic) for line in lines)
        )


def test_long_word_stays_whole_on_its_own_line():
    lines = wrap_lines("A KHÔNGCÓCHỖNGẮTDÒNGNÀO B", 40, 13)
    assert lines == ["A", "KHÔNGCÓCHỖNGẮTDÒNGNÀO", "B"]
    assert longest_line_pt("A KHÔNGCÓCHỖNGẮTDÒNGNÀO B", 40, 13) > 40


def test_explicit_newline_forces_a_break():
    text = "ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA"
    assert wrap_lines(text, 1000, 13) == ["ỦY BAN NHÂN DÂN", "TỈNH KHÁNH HÒA"]
    assert wrap_lines("a\r\nb\rc\u2028d", 1000, 13) == ["a", "b", "c", "d"]
    assert wrap_lines("a\n\nb", 1000, 13) == ["a", "", "b"]
    assert wrap_lines("", 100, 13) == [""]
    assert longest_line_pt(text, 1000, 13, bold=True) == pytest.approx(
        text_width_pt("ỦY BAN NHÂN DÂN", 13, bold=True)
    )


def test_no_break_space_and_non_breaking_hyphen_never_break():
    nbsp = "Đắk\u00a0Lắk\u00a0ngày\u00a015"
    assert wrap_lines(nbsp, 10, 13) == [nbsp]
    nbh = "PCTP\u2011TNXH\u2011XDPT"
    assert wrap_lines(nbh, 10, 13) == [nbh]
    # An ordinary hyphen between letters is a break opportunity, as in Word.
    assert wrap_lines("PCTP-TNXH-XDPT", 10, 13) == ["PCTP-", "TNXH-", "XDPT"]
    # Spaced hyphens (the motto) break at the spaces only.
    assert wrap_lines(MOTTO, 65, 13, bold=True) == ["Độc lập -", "Tự do -", "Hạnh phúc"]


def test_wrap_keeps_inner_spaces_and_drops_spaces_at_breaks():
    assert wrap_lines("a  b", 1000, 13) == ["a  b"]
    assert wrap_lines("a  b", 1, 13) == ["a", "b"]
    assert wrap_lines("  a", 1000, 13) == ["  a"]


def test_wrap_rejects_bad_width():
    with pytest.raises(ValueError):
        wrap_lines("a", 0, 13)
    with pytest.raises(ValueError):
        text_width_pt("a", -1)


# --- the data file ------------------------------------------------------------


@needs_fonts
def test_regenerating_metrics_gives_identical_bytes(tmp_path):
    out = tmp_path / "metrics.json"
    result = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--output", str(out)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == METRICS_JSON.read_bytes(), (
        "src/congvan/data/metrics.json is stale: run python3 tools/build_metrics.py"
    )


def _liberation2_dir() -> Path | None:
    for candidate in (os.environ.get("CONGVAN_LIBERATION2_DIR"), "/usr/share/fonts/truetype/liberation2"):
        if candidate and _fonts_present(Path(candidate)):
            return Path(candidate)
    return None


@pytest.mark.skipif(
    _liberation2_dir() is None,
    reason="Liberation Serif 2.x (Debian fonts-liberation2) not installed; it is the "
    "reference for the Vietnamese widths derived from 1.07.4",
)
@pytest.mark.parametrize("style,bold,italic", [(s, b, i) for s, (b, i) in zip(FONT_FILES, STYLES)])
def test_vietnamese_widths_match_a_font_that_draws_them(style, bold, italic):
    font_dir = _liberation2_dir()
    letters = [chr(cp) for cp in range(0x1EA0, 0x1EFA)] + list("ƠơƯưĐđĂăĨĩŨũ")
    for ch in letters + list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ,.;:-–"):
        assert char_width_units(ch, bold, italic) == _font_advance(font_dir, style, ch), (style, ch)
