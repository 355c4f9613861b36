"""Exact parsing and formatting of durations, times of day and distances."""

from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mmtimer.core import timefmt as tf


@pytest.mark.parametrize(
    ("text", "ms"),
    [
        ("15.00", 15_000),
        ("6.00", 6_000),
        (21, 21_000),
        ("1:02.50", 62_500),
        ("0.001", 1),
        ("21", 21_000),
        (" 7.2 ", 7_200),
        ("10:00", 600_000),
        (21.0, 21_000),
        (6.5, 6_500),
        (15.125, 15_125),
        (0.1, 100),
    ],
)
def test_durations(text: str | int | float, ms: int) -> None:
    assert tf.parse_duration_ms(text) == ms


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("15,00", "decimal point, not a comma"),
        ("-1.00", "negative"),
        ("abc", "not seconds"),
        ("1.0001", "more than 3 decimals"),
        ("1:60.00", "below 60"),
        (15.0001, "more than 3 decimals"),
        (float("nan"), "not a number"),
        ("١٥.٠٠", "not seconds"),
        (True, "not a duration"),
    ],
)
def test_bad_durations_say_what_is_wrong(text: object, message: str) -> None:
    with pytest.raises(tf.FormatError, match=message):
        tf.parse_duration_ms(text)  # type: ignore[arg-type]


def test_times_of_day() -> None:
    assert tf.parse_time_of_day_ms("10:42") == (10 * 60 + 42) * 60_000
    assert tf.parse_time_of_day_ms("10:50:00") == (10 * 3600 + 50 * 60) * 1000
    assert tf.parse_time_of_day_ms("10:41:00.00") == (10 * 3600 + 41 * 60) * 1000
    assert tf.parse_time_of_day_ms("23:59:59.99") == 86_399_990
    for bad in ("25:00", "10:60", "10:00:61", "1042", "10.42", ""):
        with pytest.raises(tf.FormatError):
            tf.parse_time_of_day_ms(bad)


def test_distances_and_decimals() -> None:
    assert tf.parse_km_m("2.350") == 2350
    assert tf.parse_km_m(7) == 7000
    assert tf.parse_decimal("48.0") == Decimal("48.0")
    assert tf.parse_decimal("1.80") == Decimal("1.80")
    with pytest.raises(tf.FormatError, match="comma"):
        tf.parse_km_m("2,350")


def test_formatting_truncates_never_rounds() -> None:
    assert tf.format_duration(62_509) == "1:02.50"
    assert tf.format_duration(62_509, 3) == "1:02.509"
    assert tf.format_time_of_day(38_460_999) == "10:41:00.99"
    assert tf.format_seconds(-370) == "-0.37"
    assert tf.format_seconds(1_239) == "1.23"
    assert tf.format_km(2350) == "2.350"


@given(st.integers(0, 10**9))
def test_duration_round_trip(ms: int) -> None:
    assert tf.parse_duration_ms(tf.format_duration(ms, 3)) == ms
    assert tf.parse_duration_ms(tf.format_seconds(ms, 3)) == ms


@given(st.integers(0, tf.DAY_MS - 1))
def test_time_of_day_round_trip(ms: int) -> None:
    assert tf.parse_time_of_day_ms(tf.format_time_of_day(ms, 3)) == ms


@given(st.integers(-(10**9), 10**9))
def test_signed_seconds_round_trip(ms: int) -> None:
    assert tf.parse_seconds_ms(tf.format_seconds(ms, 3)) == ms


@given(st.integers(0, 10**8))
def test_km_round_trip(metres: int) -> None:
    assert tf.parse_km_m(tf.format_km(metres)) == metres


@given(st.text(max_size=20))
def test_random_text_parses_or_gets_a_clean_error(text: str) -> None:
    for parse in (tf.parse_duration_ms, tf.parse_time_of_day_ms, tf.parse_km_m, tf.parse_decimal):
        with contextlib.suppress(tf.FormatError):
            parse(text)
