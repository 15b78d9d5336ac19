"""Vietnamese numbers, dates and amounts as NĐ 30/2020/NĐ-CP documents write them.

Pure functions, no I/O, and no locale library: the only locale data congvan
needs (thousands dot, decimal comma) is two characters, so :func:`nghin` formats
numbers itself instead of loading babel's 36 MB of CLDR data.

Why not num2words for Vietnamese (measured with num2words 0.5.x, ``lang="vi"``):

* a group below 100 after a higher group loses "không trăm" and gets "lẻ":
  2024 -> "hai nghìn lẻ hai mươi bốn" (accountant: "hai nghìn không trăm hai
  mươi bốn"), 1001 -> "một nghìn lẻ một", 1010 -> "một nghìn lẻ mười",
  15015 -> "mười lăm nghìn lẻ mười lăm", 1000005 -> "một triệu lẻ năm";
* a group 10..99 after a higher group drops "không trăm" entirely:
  1050000 -> "một triệu năm mươi nghìn", 1000001000 -> "một tỷ một nghìn";
* large amounts: 10**15 -> "một trăm nghìn tỷ" (it is "một triệu tỷ"),
  10**18 -> "một Quintillion", 1001 * 10**9 -> "một nghìn tỷ một tỷ";
* -5 -> "mười lăm" (the sign becomes a bogus "mười"), 0.5 -> "không phẩy năm
  mươi".
It is right for 0..999 when asked for "lẻ" (``doc_so(n, le=True)``), and the
tests use it as a cross-check on that range only.
"""

from __future__ import annotations

import datetime
import decimal

__all__ = [
    "doc_so",
    "nghin",
    "ngay_ngan",
    "ngay_thang_nam",
    "pad2",
    "so_tien",
    "so_tien_bang_chu",
]

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 10**9
_AMOUNT_ERROR = "Số tiền phải là số không âm / amount must be a non-negative number"


def _require_int(value: object, what: str) -> int:
    # bool is an int subclass; True as a day or an amount is always a bug.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} phải là số nguyên / {what} must be an int, got {value!r}")
    return value


def pad2(n: int) -> str:
    """Two-digit form (số có 2 chữ số) for Số and days: 5 -> "05", 10 -> "10", 125 -> "125"."""
    n = _require_int(n, "n")
    if n < 0:
        raise ValueError(f"Số không được âm / number must not be negative, got {n}")
    return f"{n:02d}"


def _month(month: int) -> str:
    # NĐ 30 Phụ lục I §II.4: only January and February take a leading zero,
    # so that "tháng 01"/"tháng 02" cannot be altered into 11/12 by hand.
    return f"{month:02d}" if month < 3 else str(month)


def ngay_thang_nam(day: int | None, month: int | None, year: int, blank: str = "    ") -> str:
    """Official date phrase (ngày ... tháng ... năm ...): "ngày 06 tháng 7 năm 2023".

    Day below 10 is padded, only months 1 and 2 are padded, year has 4 digits.
    A day or month left as None (văn thư fills it in at issuance) becomes
    ``blank``, which is the whole gap between the two words:
    ``ngày    tháng 7 năm 2022`` with the default four spaces, as in the
    model forms of NĐ 30.  Ranges are checked (day 1-31, month 1-12, year
    1000-9999); whether the date exists in the calendar is the caller's job.
    """
    year = _require_int(year, "year")
    if not 1000 <= year <= 9999:
        raise ValueError(f"Năm phải có 4 chữ số / year must have 4 digits, got {year}")
    if month is not None:
        month = _require_int(month, "month")
        if not 1 <= month <= 12:
            raise ValueError(f"Tháng phải từ 1 đến 12 / month must be 1-12, got {month}")
    if day is not None:
        day = _require_int(day, "day")
        if not 1 <= day <= 31:
            raise ValueError(f"Ngày phải từ 1 đến 31 / day must be 1-31, got {day}")
    day_part = blank if day is None else f" {pad2(day)} "
    month_part = blank if month is None else f" {_month(month)} "
    return f"ngày{day_part}tháng{month_part}năm {year}"


def ngay_ngan(d: datetime.date) -> str:
    """Short date for running text (ngày viết tắt): "24/6/2022", "09/02/2021", "03/3/2022".

    Same padding rule as the full phrase: day padded, month padded only for 1 and 2.
    """
    if not isinstance(d, datetime.date):
        raise TypeError(f"d phải là datetime.date / d must be a datetime.date, got {d!r}")
    return f"{pad2(d.day)}/{_month(d.month)}/{d.year:04d}"


def nghin(x: int | float | decimal.Decimal | str) -> str:
    """Number with thousands dots and decimal comma (dấu chấm hàng nghìn, dấu phẩy thập phân).

    1500000 -> "1.500.000", 1500000.5 -> "1.500.000,5", -1500 -> "-1.500".
    Decimal and str keep exactly the decimals the caller wrote
    (Decimal("1234.50") -> "1.234,50"); str is read in Python notation
    (``"1234.50"``), not in Vietnamese notation.  A float shows at most three
    decimals, rounded half to even, trailing zeros dropped (as CLDR's "vi"
    pattern #,##0.### does; checked against babel in tests/test_vn.py).
    """
    if isinstance(x, bool):
        raise TypeError(f"x phải là số / x must be a number, got {x!r}")
    if isinstance(x, int):
        return _grouped(decimal.Decimal(x), 0)
    if isinstance(x, float):
        if x != x or x in (float("inf"), float("-inf")):
            raise ValueError(f"x phải là số hữu hạn / x must be finite, got {x!r}")
        text = _grouped(decimal.Decimal(repr(x)), FLOAT_DECIMALS)
        return text.rstrip("0").rstrip(",") if "," in text else text
    if isinstance(x, str):
        value = _parse_decimal(x)
        if value is None:
            raise ValueError(f"'{x}' không phải là số / '{x}' is not a number")
    elif isinstance(x, decimal.Decimal):
        value = x
    else:
        raise TypeError(f"x phải là số / x must be a number, got {x!r}")
    if not value.is_finite():
        raise ValueError(f"x phải là số hữu hạn / x must be finite, got {x!r}")
    return _grouped(value, max(0, -value.as_tuple().exponent))


#: Decimals a float is shown with, at most (CLDR "vi": #,##0.###).
FLOAT_DECIMALS = 3


def _grouped(value: decimal.Decimal, places: int) -> str:
    """value rounded to places decimals: "." between thousands, "," before the decimals, never "-0"."""
    digits = len(value.as_tuple().digits) + max(0, value.as_tuple().exponent) + places + 2
    context = decimal.Context(prec=max(28, digits), rounding=decimal.ROUND_HALF_EVEN)
    rounded = value.quantize(decimal.Decimal(1).scaleb(-places), context=context)
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    head = len(whole) % 3 or 3
    groups = [whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)]
    sign = "-" if rounded < 0 else ""  # a value that rounds to zero has no sign
    return sign + ".".join(groups) + ("," + fraction if fraction else "")


def _parse_decimal(text: str) -> decimal.Decimal | None:
    try:
        value = decimal.Decimal(text.strip())
    except decimal.InvalidOperation:
        return None
    return value if value.is_finite() else None


def _tens_units(tens: int, units: int, linh: str) -> list[str]:
    """Words for the last two digits of a group whose hundreds were said."""
    if tens == 0:
        return [] if units == 0 else [linh, _DIGITS[units]]
    words = ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    if units == 0:
        return words
    if units == 5:
        word = "lăm"  # after any ten: mười lăm, hai mươi lăm
    elif units == 1 and tens >= 2:
        word = "mốt"  # hai mươi mốt, but mười một
    else:
        word = _DIGITS[units]  # 4 stays "bốn": accountants do not write "tư"
    return words + [word]


def _group(n: int, full: bool, linh: str) -> list[str]:
    """Words for 1..999; ``full`` says the hundreds even when zero ("không trăm")."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    if hundreds == 0 and not full:
        if tens == 0:
            return [_DIGITS[units]]
        return _tens_units(tens, units, linh)
    return [_DIGITS[hundreds], "trăm"] + _tens_units(tens, units, linh)


def _read(n: int, leading: bool, linh: str, thousand: str) -> list[str]:
    """Words for n >= 1; ``leading`` is False once a higher part has been said."""
    if n >= _BILLION:
        # "tỷ" is said once per block of nine digits, so the part above it is
        # read as a number of its own: 10**12 "một nghìn tỷ", 10**18 "một tỷ tỷ",
        # 1001 * 10**9 "một nghìn không trăm linh một tỷ".
        high, low = divmod(n, _BILLION)
        words = _read(high, leading, linh, thousand) + ["tỷ"]
        if low:
            words += _read(low, False, linh, thousand)
        return words
    words: list[str] = []
    for value, scale in ((n // 10**6, "triệu"), (n // 1000 % 1000, thousand), (n % 1000, "")):
        if value == 0:
            continue  # an all-zero group is not read at all
        words += _group(value, full=not leading, linh=linh)
        if scale:
            words.append(scale)
        leading = False
    return words


def doc_so(n: int, le: bool = False, nghin: str = "nghìn") -> str:
    """Whole number in Vietnamese words (đọc số), as an accountant reads it, lower case.

    2024 -> "hai nghìn không trăm hai mươi bốn", 105 -> "một trăm linh năm",
    10**18 -> "một tỷ tỷ", -5 -> "âm năm".  ``le=True`` says "lẻ" instead of
    "linh"; ``nghin="ngàn"`` chooses the southern word for thousand.
    """
    n = _require_int(n, "n")
    if n == 0:
        return _DIGITS[0]
    words = _read(abs(n), True, "lẻ" if le else "linh", nghin)
    if n < 0:
        words.insert(0, "âm")
    return " ".join(words)


def _amount(amount: object) -> decimal.Decimal:
    """The amount as a non-negative finite Decimal, or ValueError naming the rule."""
    if isinstance(amount, bool):
        raise ValueError(f"{_AMOUNT_ERROR}: {amount!r}")
    if isinstance(amount, decimal.Decimal):
        value: decimal.Decimal | None = amount
    elif isinstance(amount, int):
        value = decimal.Decimal(amount)
    elif isinstance(amount, float):
        # repr gives the shortest digits that round-trip: 1500000.5 stays 1500000.5.
        value = _parse_decimal(repr(amount))
    elif isinstance(amount, str):
        value = _parse_decimal(amount)
    else:
        value = None
    if value is None or not value.is_finite() or value < 0:
        raise ValueError(f"{_AMOUNT_ERROR}: {amount!r}")
    return abs(value) if value.is_zero() else value  # no "-0"


def _words(value: decimal.Decimal) -> str:
    whole = int(value)
    words = doc_so(whole)
    fraction = value - whole
    if fraction:
        # Digit by digit after "phẩy" (1500000.5 -> "... phẩy năm"), the way a
        # decimal is read aloud; trailing zeros carry no value and are not read.
        digits = format(fraction.normalize(), "f").split(".")[1]  # "f": never "1.5E-7"
        words += " phẩy " + " ".join(_DIGITS[int(c)] for c in digits)
    return words


def so_tien_bang_chu(amount: int | decimal.Decimal | str, unit: str = "đồng") -> str:
    """Amount in words (số tiền bằng chữ), capitalised, ending with the unit.

    1500000000 -> "Một tỷ năm trăm triệu đồng", 0 -> "Không đồng".  A
    fractional part is read digit by digit after "phẩy":
    Decimal("1500000.5") -> "Một triệu năm trăm nghìn phẩy năm đồng".
    Negative amounts and non-numbers raise ValueError.
    """
    words = _words(_amount(amount))
    if unit:
        words = f"{words} {unit}"
    return words[0].upper() + words[1:]


def so_tien(amount: int | decimal.Decimal | str, unit: str = "đồng") -> str:
    """Amount in figures and words (số tiền bằng số và bằng chữ).

    "1.500.000.000 đồng (Bằng chữ: Một tỷ năm trăm triệu đồng)".
    """
    value = _amount(amount)  # one conversion, so the figures and the words agree
    figures = nghin(value)
    if unit:
        figures = f"{figures} {unit}"
    return f"{figures} (Bằng chữ: {so_tien_bang_chu(value, unit)})"
