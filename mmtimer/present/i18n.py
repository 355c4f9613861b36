"""The language the windows speak and how their numbers read in it (Qt-free).

The language is a choice kept in the settings: ``system`` (follow the system locale, English
for a language mmtimer has no translation of), ``en`` or ``it``. ui/i18n.py installs the
translations of the resolved language and sets it here, so the formatters of present/ write
the window's numbers in it: a decimal comma in Italian (``+0,23``, ``15:05:16,36``). Files, logs,
the CSV's documented forms and the command line never go through `window_number`, so they keep
their formats whatever the window speaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SYSTEM = "system"
# The languages mmtimer is translated into (resources/i18n/mmtimer_XX.ts); English is the source.
LANGUAGES = ("en", "it")
CHOICES = (SYSTEM, *LANGUAGES)
# Each language's name in itself: the View > Language menu shows these, never translated.
NATIVE_NAMES = {"en": "English", "it": "Italiano"}
DECIMAL_COMMA = frozenset({"it"})
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def parse_choice(value: object) -> str:
    """A stored choice, or ``system`` for anything else (an old or hand-edited setting)."""
    return value if isinstance(value, str) and value in CHOICES else SYSTEM


def resolve(choice: str, system_locale: str) -> str:
    """The language a choice means: ``system`` takes the system locale's language
    (``it_IT.UTF-8`` -> ``it``, ``it-CH`` -> ``it``), English for one mmtimer lacks."""
    if choice in LANGUAGES:
        return choice
    language = re.split(r"[_\-.@]", system_locale.strip(), maxsplit=1)[0].lower()
    return language if language in LANGUAGES else "en"


def decimal_separator(language: str) -> str:
    """``,`` for a language that writes a decimal comma, else ``.``."""
    return "," if language in DECIMAL_COMMA else "."


@dataclass
class _Current:
    language: str = "en"
    generation: int = 0  # rises at each change: what was worked out in the language before is old


_CURRENT = _Current()


def set_window_language(language: str) -> None:
    """The language the window formatters write numbers in (ui/i18n.py sets it)."""
    _CURRENT.language = language if language in LANGUAGES else "en"
    _CURRENT.generation += 1


def window_language() -> str:
    return _CURRENT.language


def language_generation() -> int:
    """A number that changes whenever the window's language is set (a cache key)."""
    return _CURRENT.generation


def uses_decimal_comma(language: str | None = None) -> bool:
    """Whether `language` (default: the window's) writes a decimal comma."""
    return (window_language() if language is None else language) in DECIMAL_COMMA


def window_number(text: str, language: str | None = None) -> str:
    """`text` (a number, time or deviation formatted with a decimal point) as the window shows
    it in `language` (default: the window's): each point between two digits becomes the
    language's separator, ``+0.23`` -> ``+0,23``, ``15:05:16.36`` -> ``15:05:16,36``."""
    separator = decimal_separator(window_language() if language is None else language)
    return text if separator == "." else _DECIMAL_POINT.sub(separator, text)
