"""The crew and car (the log header's ``crew``, FORMATS.md section 2); 1000 Miglia coefficient."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

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


def crew_from_json(obj: Any, source: str) -> Crew:
    """A crew from the log header's ``crew`` object; bad values are InputErrors naming the key.

    Every key is optional; unknown keys are refused (a typo would silently lose a coefficient).
    """
    r = Reader(source)
    if not isinstance(obj, Mapping):
        raise r.error(("crew",), f"must be an object, not {describe(obj)}")
    for key in obj:
        if key not in _KEYS:
            raise r.error(("crew", str(key)), f"unknown key (expected one of: {', '.join(_KEYS)})")
    number = obj.get("number")
    if number is not None:
        number = r.integer(number, ("crew", "number"), minimum=0)
    year = obj.get("year")
    if year is not None:
        year = r.integer(year, ("crew", "year"), minimum=1)
        if year > 9999:
            raise r.error(("crew", "year"), f"{year} is not a car's year")
    coefficient: Decimal | None = None
    raw_coefficient = obj.get("coefficient")
    if raw_coefficient is not None:
        if isinstance(raw_coefficient, bool) or not isinstance(raw_coefficient, str | int):
            raise r.error(
                ("crew", "coefficient"),
                f'must be a string like "1.80", not {describe(raw_coefficient)}',
            )
        try:
            coefficient = parse_decimal(raw_coefficient, "coefficient")
        except FormatError as error:
            raise r.error(("crew", "coefficient"), str(error)) from None
        if coefficient <= 0:
            raise r.error(("crew", "coefficient"), f"must be above 0, not {raw_coefficient!r}")
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


def mille_miglia_coefficient(
    period: Decimal,
    engine_class: Decimal,
    category: Decimal,
    mm_factor: Decimal = Decimal(0),
    mm_bonus: Decimal = Decimal(0),
) -> Decimal:
    """The 1000 Miglia car coefficient: 1 + period + class + category + MM factor + MM bonus.

    The organiser's table gives each component (RULES.md quotes a few: period 1927-1929 = 0.35,
    engine over 1100 cc = 0.15, category Sport = 0.20, MM factor 0.05, MM bonus 0.05); mmtimer
    does not carry the table, so the caller supplies the components.
    """
    return Decimal(1) + period + engine_class + category + mm_factor + mm_bonus
