"""The language choice and the window's numbers in it (present/i18n.py, no Qt)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mmtimer.present.i18n import (
    decimal_separator,
    parse_choice,
    resolve,
    set_window_language,
    uses_decimal_comma,
    window_language,
    window_number,
)


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    set_window_language("en")


def test_system_follows_the_locale_english_otherwise() -> None:
    assert resolve("system", "it_IT.UTF-8") == "it"
    assert resolve("system", "it-CH") == "it"
    assert resolve("system", "de_DE") == "en"
    assert resolve("system", "C") == "en"
    assert resolve("en", "it_IT") == "en"
    assert resolve("it", "en_US") == "it"


def test_a_stored_choice_that_is_not_one_means_system() -> None:
    assert parse_choice("it") == "it"
    assert parse_choice("klingon") == "system"
    assert parse_choice(None) == "system"


def test_italian_writes_a_decimal_comma() -> None:
    assert decimal_separator("it") == ","
    assert decimal_separator("en") == "."
    assert window_number("+0.23", "it") == "+0,23"
    assert window_number("15:05:16.36", "it") == "15:05:16,36"
    assert window_number("PC1 · line 2 · +0.12 s · 12", "it") == "PC1 · line 2 · +0,12 s · 12"
    assert window_number("+0.23", "en") == "+0.23"


def test_only_points_between_digits_change() -> None:
    assert window_number("day1.mmlog · 1.5", "it") == "day1.mmlog · 1,5"
    assert window_number("--.--", "it") == "--.--"


def test_the_window_language_is_what_was_set() -> None:
    assert window_language() == "en"
    assert window_number("0.50") == "0.50"
    set_window_language("it")
    assert uses_decimal_comma()
    assert window_number("0.50") == "0,50"
    set_window_language("xx")
    assert window_language() == "en"
