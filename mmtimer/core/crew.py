"""The crew and car (the log header's ``crew``, FORMATS.md section 2); 1000 Miglia coefficient."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from mmtimer.core.errors import QT_TRANSLATE_NOOP, Text
from mmtimer.core.timefmt import FormatError, parse_decimal
from mmtimer.core.tomlfile import Reader, describe

_KEYS = ("number", "driver", "navigator", "car", "year", "coefficient")


@dataclass(frozen=True, slots=True)
class Crew:
    """Who drives what: `year` feeds a year factor, `coefficient` a coefficient car factor."""

    number: int | None = None
    driver: str = ""
    navigator: str = ""
    car: str = ""
    year: int | None = None
    coefficient: Decimal | None = None


def crew_parts(crew: Crew) -> list[str]:
    """What identifies the crew, the parts that are set: ``#112``, ``Giulia Ferri / Marco
    Bassi``, ``Alfa Romeo 6C 1750 SS (1929)`` (the window's header and the CSV join them)."""
    parts: list[str] = []
    if crew.number is not None:
        parts.append(f"#{crew.number}")
    names = " / ".join(name for name in (crew.driver, crew.navigator) if name)
    if names:
        parts.append(names)
    car = crew.car
    if crew.year is not None:
        car = f"{car} ({crew.year})" if car else str(crew.year)
    if car:
        parts.append(car)
    return parts


def crew_from_json(obj: Any, source: str) -> Crew:
    """A crew from the log header's ``crew`` object; bad values are InputErrors naming the key.

    Every key is optional; unknown keys are refused (a typo would silently lose a coefficient).
    """
    r = Reader(source)
    if not isinstance(obj, Mapping):
        raise r.error(
            ("crew",), Text(QT_TRANSLATE_NOOP("Errors", "must be an object, not %1"), describe(obj))
        )
    for key in obj:
        if key not in _KEYS:
            raise r.error(
                ("crew", str(key)),
                Text(
                    QT_TRANSLATE_NOOP("Errors", "unknown key (expected one of: %1)"),
                    ", ".join(_KEYS),
                ),
            )
    number = obj.get("number")
    if number is not None:
        number = r.integer(number, ("crew", "number"), minimum=0)
    year = obj.get("year")
    if year is not None:
        year = r.integer(year, ("crew", "year"), minimum=1)
        if year > 9999:
            raise r.error(
                ("crew", "year"), Text(QT_TRANSLATE_NOOP("Errors", "%1 is not a car's year"), year)
            )
    coefficient: Decimal | None = None
    raw_coefficient = obj.get("coefficient")
    if raw_coefficient is not None:
        if isinstance(raw_coefficient, bool) or not isinstance(raw_coefficient, str | int):
            raise r.error(
                ("crew", "coefficient"),
                Text(
                    QT_TRANSLATE_NOOP("Errors", 'must be a string like "1.80", not %1'),
                    describe(raw_coefficient),
                ),
            )
        try:
            coefficient = parse_decimal(
                raw_coefficient, Text(QT_TRANSLATE_NOOP("Errors", "coefficient"))
            )
        except FormatError as error:
            raise r.error(("crew", "coefficient"), error.text) from None
        if coefficient <= 0:
            raise r.error(
                ("crew", "coefficient"),
                Text(QT_TRANSLATE_NOOP("Errors", "must be above 0, not %1"), repr(raw_coefficient)),
            )
    texts = {}
    for key in ("driver", "navigator", "car"):
        value = obj.get(key, "")
        texts[key] = "" if value is None else r.string(value, ("crew", key), empty=True)
    return Crew(
        number=number,
        driver=texts["driver"],
        navigator=texts["navigator"],
        car=texts["car"],
        year=year,
        coefficient=coefficient,
    )


def crew_to_json(crew: Crew) -> dict[str, Any]:
    """The log header's ``crew`` object: unknown values left out, the coefficient as a string."""
    out: dict[str, Any] = {}
    if crew.number is not None:
        out["number"] = crew.number
    out["driver"] = crew.driver
    out["navigator"] = crew.navigator
    out["car"] = crew.car
    if crew.year is not None:
        out["year"] = crew.year
    if crew.coefficient is not None:
        out["coefficient"] = str(crew.coefficient)
    return out


MM_COEFFICIENT_FORMULA = "1 + (period + (class - category) + bonus)"
"""The 1000 Miglia coefficient as the organiser's coefficient page writes it."""
MM_COEFFICIENT_SOURCE = 'the organiser\'s coefficient page (millemiglia.it, "coefficienti")'
"""Where `MM_COEFFICIENT_FORMULA` and the category and bonus values are published. Editions
differ: the 2016 and 2021 eligible-cars pages write 1 + {period + class + category} +
{MM factor + MM bonus}; the coefficient printed on the entry list is what counts."""

MM_CATEGORIES: tuple[tuple[str, Decimal], ...] = (
    ("Sport", Decimal("0")),
    ("Gran Turismo", Decimal("0.10")),
    ("Touring", Decimal("0.20")),
)
"""The category coefficient, subtracted (the organiser's coefficient page)."""

MM_BONUSES: tuple[tuple[str, Decimal], ...] = (
    ("none", Decimal("0")),
    ("entered in a historic 1000 Miglia, did not take part", Decimal("0.05")),
    ("took part in a historic 1000 Miglia", Decimal("0.10")),
)
"""The bonus of this very car (by chassis number), from the same page."""


def mille_miglia_coefficient(
    period: Decimal,
    engine_class: Decimal,
    category: Decimal,
    bonus: Decimal = Decimal(0),
) -> Decimal:
    """The 1000 Miglia car coefficient: 1 + (period + (class - category) + bonus).

    As `MM_COEFFICIENT_SOURCE` writes it: the category subtracted (`MM_CATEGORIES`: Sport 0,
    Gran Turismo 0.10, Touring 0.20) and one bonus (`MM_BONUSES`: 0.10 for a car that took part
    in a historic edition, 0.05 for one entered). The period and class values are the
    organiser's tables; mmtimer does not carry them, so the caller supplies them.
    """
    return Decimal(1) + (period + (engine_class - category) + bonus)
