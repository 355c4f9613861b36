"""Exact parsing and formatting of durations, times of day and distances (integers, never floats).

Units: durations and times of day in milliseconds (``*_ms``), distances in metres (``*_m``).
FORMATS.md allows at most 3 decimals for durations and distances, so both are exact integers.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from mmtimer.core.errors import QT_TRANSLATE_NOOP, Message, MessageError, Number, Text

MS_PER_S = 1000
MS_PER_MIN = 60_000
MS_PER_H = 3_600_000
DAY_MS = 24 * MS_PER_H
MAX_DURATION_MS = 999 * MS_PER_H
"""The longest duration read (a target, a chronograph reading): 999 h."""
MAX_DISTANCE_M = 1_000_000_000
"""The longest distance read: 1,000,000 km."""
MAX_DIGITS = 15
"""The most digits read before, and after, a decimal point: more is never a real value, and
Python refuses to turn a text of more than 4,300 digits into a number at all."""

# What a value is in a message ("duration '1x' is not a duration"): a word the window translates.
WHAT_NUMBER = Text(QT_TRANSLATE_NOOP("Errors", "number"))
WHAT_DURATION = Text(QT_TRANSLATE_NOOP("Errors", "duration"))
WHAT_TIME_OF_DAY = Text(QT_TRANSLATE_NOOP("Errors", "time of day"))
WHAT_DISTANCE = Text(QT_TRANSLATE_NOOP("Errors", "distance"))
WHAT_SECONDS = Text(QT_TRANSLATE_NOOP("Errors", "seconds"))


class FormatError(MessageError):
    """A value does not follow the expected form; the message says what was expected. `text` is
    the message (a marked template and its arguments, see errors.py) for a window to translate."""


# re.ASCII: digits are 0-9 only ("١٥.٠٠" or full-width digits are not the format).
_DECIMAL = re.compile(r"(?P<sign>[+-]?)(?P<int>\d+)(?:\.(?P<frac>\d+))?", re.ASCII)
_MIN_SEC = re.compile(r"(?P<sign>[+-]?)(?P<min>\d+):(?P<sec>\d{2})(?:\.(?P<frac>\d+))?", re.ASCII)
_TIME_OF_DAY = re.compile(
    r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.(?P<frac>\d+))?)?", re.ASCII
)


def _float_text(value: float, what: Message) -> str:
    """A TOML float as the decimal it was written as (``6.5`` -> ``"6.5"``), exactly.

    FORMATS.md allows numbers with up to 3 decimals; ``repr`` gives the shortest text that reads
    back as the same float, which for such a literal is the literal itself.
    """
    if not math.isfinite(value):
        raise FormatError(
            Text(QT_TRANSLATE_NOOP("Errors", "%1 %2 is not a number"), what, shown(value))
        )
    return format(Decimal(repr(value)), "f")


def shown(value: object, limit: int = 40) -> str:
    """`repr(value)` for a message, cut to `limit` characters (a crafted value may be huge)."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 5]}...{text[-1]}"


def _check_digits(whole: str, frac: str | None, what: Message, value: object) -> None:
    if len(whole) > MAX_DIGITS or (frac is not None and len(frac) > MAX_DIGITS):
        raise FormatError(
            Text(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "%1 %2 has more digits than any %3 (at most %4 before and after the point)",
                ),
                what,
                shown(value),
                what,
                MAX_DIGITS,
            )
        )


def _fraction_to_units(frac: str | None, digits: int, what: Message, text: str) -> int:
    if not frac:
        return 0
    if len(frac) > digits:
        raise FormatError(
            Text(
                QT_TRANSLATE_NOOP("Errors", "%1 %2 has more than %3 decimals"),
                what,
                shown(text),
                digits,
            )
        )
    return int(frac.ljust(digits, "0"))


def _check_plain(text: str, what: Message) -> str:
    stripped = text.strip()
    if "," in stripped:
        raise FormatError(
            Text(
                QT_TRANSLATE_NOOP("Errors", "%1 %2: use a decimal point, not a comma"),
                what,
                shown(text),
            )
        )
    return stripped


def parse_decimal_scaled(text: str, digits: int, what: Message = WHAT_NUMBER) -> int:
    """Parse ``"15.00"`` exactly as an integer in units of 10**-digits (``"15.00"``, 3 -> 15000)."""
    stripped = _check_plain(text, what)
    match = _DECIMAL.fullmatch(stripped)
    if match is None:
        raise FormatError(
            Text(
                QT_TRANSLATE_NOOP("Errors", "%1 %2 is not a decimal number like 15.00"),
                what,
                shown(text),
            )
        )
    _check_digits(match["int"], match["frac"], what, text)
    value: int = int(match["int"]) * 10**digits + _fraction_to_units(
        match["frac"], digits, what, text
    )
    return -value if match["sign"] == "-" else value


def parse_duration_ms(value: str | int | float, what: Message = WHAT_DURATION) -> int:
    """A duration: seconds as ``"15.00"``, ``21`` or ``"1:02.50"`` (1 min 2.50 s) -> ms.

    A TOML float (``6.5``) is read as the decimal it was written as, with at most 3 decimals
    (FORMATS.md: "strings or numbers of seconds with at most 3 decimals").
    """
    if isinstance(value, bool):
        raise FormatError(
            Text(QT_TRANSLATE_NOOP("Errors", "%1 %2 is not a duration"), what, shown(value))
        )
    if isinstance(value, int):
        if abs(value) > MAX_DURATION_MS // MS_PER_S:
            raise FormatError(
                Text(
                    QT_TRANSLATE_NOOP("Errors", "%1 %2 is longer than %3"),
                    what,
                    shown(value),
                    _hours(MAX_DURATION_MS),
                )
            )
        ms = value * MS_PER_S
    elif isinstance(value, str | float):
        stripped = _check_plain(value, what) if isinstance(value, str) else _float_text(value, what)
        min_sec = _MIN_SEC.fullmatch(stripped)
        if min_sec is not None:
            _check_digits(min_sec["min"], min_sec["frac"], what, value)
            seconds = int(min_sec["sec"])
            if seconds >= 60:
                raise FormatError(
                    Text(
                        QT_TRANSLATE_NOOP("Errors", "%1 %2: seconds must be below 60"),
                        what,
                        shown(value),
                    )
                )
            ms = (
                int(min_sec["min"]) * MS_PER_MIN
                + seconds * MS_PER_S
                + _fraction_to_units(min_sec["frac"], 3, what, stripped)
            )
            if min_sec["sign"] == "-":
                ms = -ms
        else:
            if _DECIMAL.fullmatch(stripped) is None:
                raise FormatError(
                    Text(
                        QT_TRANSLATE_NOOP(
                            "Errors", "%1 %2 is not seconds like 15.00, 21 or 1:02.50"
                        ),
                        what,
                        shown(value),
                    )
                )
            ms = parse_decimal_scaled(stripped, 3, what)
    else:
        raise FormatError(
            Text(QT_TRANSLATE_NOOP("Errors", "%1 %2 is not a duration"), what, shown(value))
        )
    if ms < 0:
        raise FormatError(
            Text(QT_TRANSLATE_NOOP("Errors", "%1 %2 is negative"), what, shown(value))
        )
    if ms > MAX_DURATION_MS:
        raise FormatError(
            Text(
                QT_TRANSLATE_NOOP("Errors", "%1 %2 is longer than %3"),
                what,
                shown(value),
                _hours(MAX_DURATION_MS),
            )
        )
    return ms


def _hours(ms: int) -> Text:
    return Text(QT_TRANSLATE_NOOP("Errors", "%1 hours"), ms // MS_PER_H)


def parse_time_of_day_ms(value: str, what: Message = WHAT_TIME_OF_DAY) -> int:
    """``"HH:MM"``, ``"HH:MM:SS"`` or ``"HH:MM:SS.cc"`` (24 h) -> ms since midnight."""
    if not isinstance(value, str):
        raise FormatError(
            Text(
                QT_TRANSLATE_NOOP("Errors", '%1 %2 must be a string like "10:42" or "10:50:00"'),
                what,
                shown(value),
            )
        )
    match = _TIME_OF_DAY.fullmatch(value.strip())
    if match is None:
        raise FormatError(
            Text(
                QT_TRANSLATE_NOOP(
                    "Errors", '%1 %2 is not a time of day like "10:42" or "10:50:00"'
                ),
                what,
                shown(value),
            )
        )
    hours, minutes = int(match["h"]), int(match["m"])
    seconds = int(match["s"] or 0)
    if hours > 23 or minutes > 59 or seconds > 59:
        raise FormatError(
            Text(QT_TRANSLATE_NOOP("Errors", "%1 %2 is not a valid 24 h time"), what, shown(value))
        )
    return (
        hours * MS_PER_H
        + minutes * MS_PER_MIN
        + seconds * MS_PER_S
        + _fraction_to_units(match["frac"], 3, what, value)
    )


def parse_km_m(value: str | int | float, what: Message = WHAT_DISTANCE) -> int:
    """A distance in km with at most 3 decimals (``"2.350"``) -> metres."""
    if isinstance(value, bool):
        raise FormatError(
            Text(QT_TRANSLATE_NOOP("Errors", "%1 %2 is not a distance"), what, shown(value))
        )
    if isinstance(value, int):
        if abs(value) > MAX_DISTANCE_M // 1000:
            raise FormatError(
                Text(
                    QT_TRANSLATE_NOOP("Errors", "%1 %2 is more than %3 km"),
                    what,
                    shown(value),
                    Number(f"{MAX_DISTANCE_M // 1000:,}"),
                )
            )
        metres = value * 1000
    elif isinstance(value, float):
        metres = parse_decimal_scaled(_float_text(value, what), 3, what)
    elif isinstance(value, str):
        metres = parse_decimal_scaled(value, 3, what)
    else:
        raise FormatError(
            Text(QT_TRANSLATE_NOOP("Errors", "%1 %2 is not a distance in km"), what, shown(value))
        )
    if metres < 0:
        raise FormatError(
            Text(QT_TRANSLATE_NOOP("Errors", "%1 %2 is negative"), what, shown(value))
        )
    if metres > MAX_DISTANCE_M:
        raise FormatError(
            Text(
                QT_TRANSLATE_NOOP("Errors", "%1 %2 is more than %3 km"),
                what,
                shown(value),
                Number(f"{MAX_DISTANCE_M // 1000:,}"),
            )
        )
    return metres


def parse_decimal(value: str | int | float, what: Message = WHAT_NUMBER) -> Decimal:
    """A decimal given as a string or an integer (``"48.0"``, ``"1.80"``), exactly; at most
    `MAX_DIGITS` digits before and after the point."""
    if isinstance(value, bool):
        raise FormatError(
            Text(QT_TRANSLATE_NOOP("Errors", "%1 %2 is not a number"), what, shown(value))
        )
    if isinstance(value, int):
        if abs(value) >= 10**MAX_DIGITS:
            raise FormatError(
                Text(
                    QT_TRANSLATE_NOOP("Errors", "%1 %2 has more digits than any %3"),
                    what,
                    shown(value),
                    what,
                )
            )
        return Decimal(value)
    if isinstance(value, float):
        text = _float_text(value, what)
    elif isinstance(value, str):
        text = _check_plain(value, what)
    else:
        raise FormatError(
            Text(QT_TRANSLATE_NOOP("Errors", "%1 %2 is not a number"), what, shown(value))
        )
    match = _DECIMAL.fullmatch(text)
    if match is None:
        raise FormatError(
            Text(QT_TRANSLATE_NOOP("Errors", "%1 %2 is not a decimal number"), what, shown(value))
        )
    _check_digits(match["int"], match["frac"], what, value)
    return Decimal(text)


def format_duration(ms: int, decimals: int = 2) -> str:
    """ms -> ``m:ss.cc`` (``decimals`` 2) or ``m:ss.mmm`` (3); truncates, never rounds up."""
    sign = "-" if ms < 0 else ""
    ms = abs(ms)
    minutes, rest = divmod(ms, MS_PER_MIN)
    seconds, frac_ms = divmod(rest, MS_PER_S)
    if decimals == 3:
        return f"{sign}{minutes}:{seconds:02d}.{frac_ms:03d}"
    if decimals == 2:
        return f"{sign}{minutes}:{seconds:02d}.{frac_ms // 10:02d}"
    if decimals == 0:
        return f"{sign}{minutes}:{seconds:02d}"
    raise ValueError("decimals must be 0, 2 or 3")


def format_time_of_day(ms: int, decimals: int = 2) -> str:
    """ms since midnight -> ``HH:MM:SS.cc`` (wraps past midnight); truncates."""
    ms %= DAY_MS
    hours, rest = divmod(ms, MS_PER_H)
    minutes, rest = divmod(rest, MS_PER_MIN)
    seconds, frac_ms = divmod(rest, MS_PER_S)
    base = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    if decimals == 0:
        return base
    if decimals == 2:
        return f"{base}.{frac_ms // 10:02d}"
    if decimals == 3:
        return f"{base}.{frac_ms:03d}"
    raise ValueError("decimals must be 0, 2 or 3")


def format_seconds(ms: int, decimals: int = 2) -> str:
    """ms -> signed decimal seconds (``-0.37``), truncated toward zero to `decimals`."""
    sign = "-" if ms < 0 else ""
    ms = abs(ms)
    whole, frac = divmod(ms, MS_PER_S)
    if decimals == 0:
        return f"{sign}{whole}"
    frac_text = f"{frac:03d}"[:decimals]
    return f"{sign}{whole}.{frac_text}"


def format_km(metres: int) -> str:
    """Metres -> km with 3 decimals (``2.350``)."""
    return f"{metres // 1000}.{metres % 1000:03d}"


def parse_seconds_ms(value: str, what: Message = WHAT_SECONDS) -> int:
    """Signed decimal seconds (``"-0.37"``) -> ms; the inverse of :func:`format_seconds`."""
    return parse_decimal_scaled(value, 3, what)
