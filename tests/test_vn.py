"""Rules of congvan.vn: dates per NĐ 30 Phụ lục I §II.4, numbers and amounts as an accountant writes them."""

from __future__ import annotations

import datetime
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from congvan.vn import doc_so, ngay_ngan, ngay_thang_nam, nghin, pad2, so_tien, so_tien_bang_chu

# --- pad2 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "00"), (1, "01"), (5, "05"), (9, "09"), (10, "10"), (31, "31"), (99, "99"), (125, "125"), (12345, "12345")],
)
def test_pad2_numbers_below_ten_get_a_leading_zero(n, expected):
    assert pad2(n) == expected


def test_pad2_rejects_negative_numbers():
    with pytest.raises(ValueError):
        pad2(-1)


@pytest.mark.parametrize("bad", [True, 5.0, "5", None])
def test_pad2_rejects_non_integers(bad):
    with pytest.raises(TypeError):
        pad2(bad)


# --- ngay_thang_nam: full dates ---------------------------------------------


@pytest.mark.parametrize(
    ("day", "month", "year", "expected"),
    [
        (6, 7, 2023, "ngày 06 tháng 7 năm 2023"),
        (5, 1, 2021, "ngày 05 tháng 01 năm 2021"),
        (29, 6, 2019, "ngày 29 tháng 6 năm 2019"),
        (15, 2, 2024, "ngày 15 tháng 02 năm 2024"),
        (10, 12, 2024, "ngày 10 tháng 12 năm 2024"),
    ],
)
def test_date_phrase_examples_from_nd30(day, month, year, expected):
    assert ngay_thang_nam(day, month, year) == expected


_MONTH_TEXT = {1: "01", 2: "02", 3: "3", 4: "4", 5: "5", 6: "6", 7: "7", 8: "8", 9: "9", 10: "10", 11: "11", 12: "12"}
_DAY_TEXT = {1: "01", 9: "09", 10: "10", 31: "31"}


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("day", sorted(_DAY_TEXT))
def test_date_phrase_pads_days_below_ten_and_only_months_one_and_two(day, month):
    # Literal table, not the rule re-implemented: tháng 01, 02 padded; 3..12 never.
    expected = f"ngày {_DAY_TEXT[day]} tháng {_MONTH_TEXT[month]} năm 2024"
    assert ngay_thang_nam(day, month, 2024) == expected


@pytest.mark.parametrize("year", [1000, 2025, 9999])
def test_date_phrase_year_has_four_digits(year):
    assert ngay_thang_nam(1, 3, year).endswith(f"năm {year}")


# --- ngay_thang_nam: partial dates (draft left for the văn thư) ---------------


def test_partial_date_blank_day_leaves_the_default_four_space_gap():
    assert ngay_thang_nam(None, 7, 2022) == "ngày    tháng 7 năm 2022"


def test_partial_date_blank_day_and_month():
    assert ngay_thang_nam(None, None, 2022) == "ngày    tháng    năm 2022"


def test_partial_date_blank_month_only():
    assert ngay_thang_nam(15, None, 2022) == "ngày 15 tháng    năm 2022"


def test_partial_date_blank_month_one_is_still_padded():
    assert ngay_thang_nam(None, 1, 2022) == "ngày    tháng 01 năm 2022"


def test_partial_date_custom_blank_is_the_whole_gap():
    assert ngay_thang_nam(None, 7, 2022, blank=" ..... ") == "ngày ..... tháng 7 năm 2022"
    assert ngay_thang_nam(None, None, 2022, blank="\t") == "ngày\ttháng\tnăm 2022"


# --- ngay_thang_nam: ranges ---------------------------------------------------


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [
        (0, 7, 2022),
        (32, 7, 2022),
        (-1, 7, 2022),
        (1, 0, 2022),
        (1, 13, 2022),
        (None, 13, 2022),
        (1, 1, 999),
        (1, 1, 10000),
        (None, None, 22),
    ],
)
def test_date_phrase_rejects_out_of_range_parts(day, month, year):
    with pytest.raises(ValueError):
        ngay_thang_nam(day, month, year)


def test_date_phrase_leaves_calendar_validity_to_the_caller():
    # 31 February passes the range check: the model layer checks the calendar.
    assert ngay_thang_nam(31, 2, 2024) == "ngày 31 tháng 02 năm 2024"


@pytest.mark.parametrize(("day", "month", "year"), [("6", 7, 2023), (6, 7.0, 2023), (6, 7, "2023"), (True, 7, 2023)])
def test_date_phrase_rejects_non_integer_parts(day, month, year):
    with pytest.raises(TypeError):
        ngay_thang_nam(day, month, year)


# --- ngay_ngan ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (datetime.date(2022, 6, 24), "24/6/2022"),
        (datetime.date(2021, 2, 9), "09/02/2021"),
        (datetime.date(2022, 3, 3), "03/3/2022"),
        (datetime.date(2022, 8, 3), "03/8/2022"),
        (datetime.date(2021, 1, 5), "05/01/2021"),
        (datetime.date(2024, 12, 31), "31/12/2024"),
        (datetime.date(2024, 10, 10), "10/10/2024"),
        (datetime.datetime(2023, 7, 6, 14, 30), "06/7/2023"),
    ],
)
def test_short_date_pads_day_and_only_months_one_and_two(d, expected):
    assert ngay_ngan(d) == expected


def test_short_date_rejects_strings():
    with pytest.raises(TypeError):
        ngay_ngan("2022-06-24")


# --- nghin --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (0, "0"),
        (999, "999"),
        (1000, "1.000"),
        (1500000, "1.500.000"),
        (1500000000, "1.500.000.000"),
        (-1500, "-1.500"),
        (-1500000, "-1.500.000"),
        (1500000.5, "1.500.000,5"),
        (-1500.25, "-1.500,25"),
        (0.5, "0,5"),
        (Decimal("1234.50"), "1.234,50"),
        (Decimal("1234.5"), "1.234,5"),
        (Decimal("1234"), "1.234"),
        (Decimal("-1234.567"), "-1.234,567"),
        (Decimal("0.00000015"), "0,00000015"),
        (Decimal("1E+3"), "1.000"),
        (Decimal("-0"), "0"),
        ("1234.50", "1.234,50"),
        ("  -2500000.00 ", "-2.500.000,00"),
        ("1500000", "1.500.000"),
        (Decimal("123456789012345678901234.5"), "123.456.789.012.345.678.901.234,5"),
    ],
)
def test_nghin_uses_thousand_dots_and_decimal_comma(x, expected):
    assert nghin(x) == expected


def test_nghin_agrees_with_babel_on_sixty_thousand_numbers():
    """congvan formats numbers itself (babel is 36 MB of CLDR for two characters);
    babel stays in the test extra as the reference, like num2words for doc_so."""
    babel_numbers = pytest.importorskip("babel.numbers")
    import random

    rng = random.Random(17)
    floats = ([rng.uniform(-1e9, 1e9) for _ in range(20000)] + [rng.uniform(-10, 10) for _ in range(20000)]
              + [round(rng.uniform(0, 100), 4) for _ in range(10000)] + [0.0005, 0.0015, 0.0025, 2.5, 1e16, 0.1 + 0.2])
    ints = [rng.randint(-10**20, 10**20) for _ in range(5000)]
    for x in floats + ints:
        expected = babel_numbers.format_decimal(x, locale="vi")
        assert nghin(x) == ("0" if expected == "-0" else expected), x  # babel's "-0" for -0.0004 is a flaw
    for _ in range(5000):
        d = Decimal(rng.randint(-10**12, 10**12)).scaleb(-rng.randint(0, 8))
        places = max(0, -d.as_tuple().exponent)
        pattern = "#,##0" + ("." + "0" * places if places else "")
        assert nghin(d) == babel_numbers.format_decimal(d, format=pattern, locale="vi"), d


def test_nghin_formats_numbers_babel_cannot():
    assert nghin(10**40) == "10" + ".000" * 13
    assert nghin(-0.0004) == "0"


@pytest.mark.parametrize("bad", ["1,5", "1.500.000", "abc", "", "nan", "Infinity", float("nan"), float("inf"), Decimal("NaN")])
def test_nghin_rejects_text_and_values_that_are_not_finite_numbers(bad):
    with pytest.raises(ValueError):
        nghin(bad)


@pytest.mark.parametrize("bad", [True, None, [1]])
def test_nghin_rejects_non_numbers(bad):
    with pytest.raises(TypeError):
        nghin(bad)


# --- doc_so -------------------------------------------------------------------

# As a Vietnamese accountant reads them (literal strings, written by hand).
ACCOUNTANT_READINGS = [
    (0, "không"),
    (1, "một"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi bốn"),
    (25, "hai mươi lăm"),
    (50, "năm mươi"),
    (55, "năm mươi lăm"),
    (91, "chín mươi mốt"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1010, "một nghìn không trăm mười"),
    (1015, "một nghìn không trăm mười lăm"),
    (2024, "hai nghìn không trăm hai mươi bốn"),
    (10000, "mười nghìn"),
    (15015, "mười lăm nghìn không trăm mười lăm"),
    (100000, "một trăm nghìn"),
    (105000, "một trăm linh năm nghìn"),
    (1000000, "một triệu"),
    (1000005, "một triệu không trăm linh năm"),
    (1050000, "một triệu không trăm năm mươi nghìn"),
    (1500000, "một triệu năm trăm nghìn"),
    (21000000, "hai mươi mốt triệu"),
    (1000000000, "một tỷ"),
    (1500000000, "một tỷ năm trăm triệu"),
    (10**12, "một nghìn tỷ"),
    (10**15, "một triệu tỷ"),
    (10**18, "một tỷ tỷ"),
    (123456789, "một trăm hai mươi ba triệu bốn trăm năm mươi sáu nghìn bảy trăm tám mươi chín"),
    (999999999, "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"),
    (1000001000, "một tỷ không trăm linh một nghìn"),
    (5000000005, "năm tỷ không trăm linh năm"),
    (1001000000, "một tỷ không trăm linh một triệu"),
    (1001 * 10**9, "một nghìn không trăm linh một tỷ"),
    (10**12 + 5, "một nghìn tỷ không trăm linh năm"),
    (2_500_750_000, "hai tỷ năm trăm triệu bảy trăm năm mươi nghìn"),
    (10**21, "một nghìn tỷ tỷ"),
]


@pytest.mark.parametrize(("n", "expected"), ACCOUNTANT_READINGS)
def test_doc_so_reads_like_an_accountant(n, expected):
    assert doc_so(n) == expected


def test_doc_so_table_covers_at_least_forty_amounts():
    assert len({n for n, _ in ACCOUNTANT_READINGS}) >= 40


@pytest.mark.parametrize(("n", "expected"), [(11, "mười một"), (21, "hai mươi mốt"), (101, "một trăm linh một"), (81, "tám mươi mốt")])
def test_doc_so_one_after_tens_of_twenty_or_more_is_mot(n, expected):
    assert doc_so(n) == expected


@pytest.mark.parametrize(
    ("n", "expected"), [(15, "mười lăm"), (45, "bốn mươi lăm"), (105, "một trăm linh năm"), (5, "năm"), (5005, "năm nghìn không trăm linh năm")]
)
def test_doc_so_five_after_a_ten_is_lam(n, expected):
    assert doc_so(n) == expected


@pytest.mark.parametrize(("n", "expected"), [(24, "hai mươi bốn"), (34, "ba mươi bốn"), (14, "mười bốn")])
def test_doc_so_four_is_bon_never_tu(n, expected):
    assert doc_so(n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [(105, "một trăm lẻ năm"), (2005, "hai nghìn không trăm lẻ năm"), (1000005, "một triệu không trăm lẻ năm"), (15, "mười lăm")],
)
def test_doc_so_le_option_says_le_instead_of_linh(n, expected):
    assert doc_so(n, le=True) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1000, "một ngàn"), (2024, "hai ngàn không trăm hai mươi bốn"), (10**12, "một ngàn tỷ"), (1500000, "một triệu năm trăm ngàn")],
)
def test_doc_so_nghin_option_chooses_ngan(n, expected):
    assert doc_so(n, nghin="ngàn") == expected


@pytest.mark.parametrize(("n", "expected"), [(-5, "âm năm"), (-15, "âm mười lăm"), (-2024, "âm hai nghìn không trăm hai mươi bốn")])
def test_doc_so_negative_numbers_start_with_am(n, expected):
    assert doc_so(n) == expected


@pytest.mark.parametrize("bad", [1.5, 2.0, "5", Decimal("5"), True, None])
def test_doc_so_accepts_whole_numbers_only(bad):
    with pytest.raises(TypeError):
        doc_so(bad)


def test_doc_so_never_uses_forbidden_combinations():
    # Over a sweep that hits every tens/units pair in every group position.
    forbidden = ("mươi một", "mười mốt", "mươi năm", "mười năm", "mươi tư", "linh mười", "linh mươi", "  ")
    for n in list(range(0, 2000)) + list(range(0, 10**7, 9973)) + list(range(10**9, 10**9 + 10**6, 997)):
        words = doc_so(n)
        assert words == words.strip() and words == words.lower(), n
        for bad in forbidden:
            assert bad not in words, (n, words)


def test_doc_so_later_groups_below_one_hundred_say_khong_tram():
    for n in range(1001, 1100):
        assert doc_so(n).startswith("một nghìn không trăm "), n


# num2words is right for 0..999 (with "lẻ") and for amounts whose later groups
# all have hundreds; it is only a cross-check there, never the reference.
@pytest.mark.parametrize(
    "n", list(range(1000)) + [1000, 21000000, 123456789, 999999999, 1500000000, 10**12, 2_500_750_000]
)
def test_doc_so_agrees_with_num2words_where_num2words_is_right(n):
    num2words = pytest.importorskip("num2words").num2words
    assert doc_so(n, le=True) == num2words(n, lang="vi")


# --- so_tien_bang_chu -----------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (1500000000, "Một tỷ năm trăm triệu đồng"),
        (2024, "Hai nghìn không trăm hai mươi bốn đồng"),
        (0, "Không đồng"),
        (1, "Một đồng"),
        (15015, "Mười lăm nghìn không trăm mười lăm đồng"),
        (Decimal("1050000"), "Một triệu không trăm năm mươi nghìn đồng"),
        ("1000005", "Một triệu không trăm linh năm đồng"),
        (" 21000000 ", "Hai mươi mốt triệu đồng"),
        (10**18, "Một tỷ tỷ đồng"),
    ],
)
def test_amount_in_words_is_capitalised_and_ends_with_the_unit(amount, expected):
    assert so_tien_bang_chu(amount) == expected


def test_amount_in_words_other_unit():
    assert so_tien_bang_chu(25, unit="USD") == "Hai mươi lăm USD"
    assert so_tien_bang_chu(25, unit="") == "Hai mươi lăm"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("1500000.5"), "Một triệu năm trăm nghìn phẩy năm đồng"),
        ("1500000.5", "Một triệu năm trăm nghìn phẩy năm đồng"),
        (1500000.5, "Một triệu năm trăm nghìn phẩy năm đồng"),
        (Decimal("0.25"), "Không phẩy hai năm đồng"),
        (Decimal("12.05"), "Mười hai phẩy không năm đồng"),
        (Decimal("1234.50"), "Một nghìn hai trăm ba mươi bốn phẩy năm đồng"),
        (Decimal("1500000.00"), "Một triệu năm trăm nghìn đồng"),
        (Decimal("0.00000015"), "Không phẩy không không không không không không một năm đồng"),
    ],
)
def test_amount_in_words_reads_the_fraction_digit_by_digit_after_phay(amount, expected):
    assert so_tien_bang_chu(amount) == expected


@pytest.mark.parametrize(
    "bad", [-1, -1500000, Decimal("-0.5"), "-5", "abc", "", "1.500.000", "1,5", None, True, [1], Decimal("NaN"), "Infinity", float("inf")]
)
def test_amount_in_words_rejects_negatives_and_non_numbers(bad):
    with pytest.raises(ValueError, match="Số tiền phải là số không âm / amount must be a non-negative number"):
        so_tien_bang_chu(bad)


# --- so_tien --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        (1500000000, "đồng", "1.500.000.000 đồng (Bằng chữ: Một tỷ năm trăm triệu đồng)"),
        (2024, "đồng", "2.024 đồng (Bằng chữ: Hai nghìn không trăm hai mươi bốn đồng)"),
        (0, "đồng", "0 đồng (Bằng chữ: Không đồng)"),
        (Decimal("1500000.5"), "đồng", "1.500.000,5 đồng (Bằng chữ: Một triệu năm trăm nghìn phẩy năm đồng)"),
        ("1234.50", "đồng", "1.234,50 đồng (Bằng chữ: Một nghìn hai trăm ba mươi bốn phẩy năm đồng)"),
        (1500, "USD", "1.500 USD (Bằng chữ: Một nghìn năm trăm USD)"),
        (1500, "", "1.500 (Bằng chữ: Một nghìn năm trăm)"),
    ],
)
def test_so_tien_gives_figures_then_words(amount, unit, expected):
    assert so_tien(amount, unit) == expected


def test_so_tien_default_unit_is_dong():
    assert so_tien(1000000) == "1.000.000 đồng (Bằng chữ: Một triệu đồng)"


@pytest.mark.parametrize("bad", [-1, "x", None])
def test_so_tien_rejects_negatives_and_non_numbers(bad):
    with pytest.raises(ValueError, match="amount must be a non-negative number"):
        so_tien(bad)


# --- module hygiene ---------------------------------------------------------------


def test_importing_vn_does_not_import_babel():
    # Load the file itself, so the check is about vn.py, not the package __init__.
    path = Path(__file__).resolve().parents[1] / "src" / "congvan" / "vn.py"
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('vn_alone', {str(path)!r})\n"
        "spec.loader.exec_module(importlib.util.module_from_spec(spec))\n"
        "print(sorted(m for m in ('babel', 'num2words') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
