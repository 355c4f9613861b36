"""The crew object of a log header, and the 1000 Miglia coefficient."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mmtimer.core.crew import (
    MM_BONUSES,
    MM_CATEGORIES,
    MM_COEFFICIENT_FORMULA,
    MM_COEFFICIENT_SOURCE,
    Crew,
    crew_from_json,
    crew_to_json,
    mille_miglia_coefficient,
)
from mmtimer.core.errors import InputError

D = Decimal


def test_the_mille_miglia_coefficient_is_the_organisers_formula() -> None:
    # millemiglia.it, "coefficienti": 1 + (period + (class - category) + bonus)
    assert MM_COEFFICIENT_FORMULA == "1 + (period + (class - category) + bonus)"
    assert "millemiglia.it" in MM_COEFFICIENT_SOURCE
    period, engine_class = D("0.35"), D("0.15")  # values from the organiser's tables
    assert mille_miglia_coefficient(period, engine_class, D(0)) == D("1.50")
    # the category is subtracted: Sport 0, Gran Turismo 0.10, Touring 0.20
    categories = dict(MM_CATEGORIES)
    assert categories == {"Sport": 0, "Gran Turismo": D("0.10"), "Touring": D("0.20")}
    assert mille_miglia_coefficient(period, engine_class, categories["Gran Turismo"]) == D("1.40")
    assert mille_miglia_coefficient(period, engine_class, categories["Touring"]) == D("1.30")
    # one bonus: 0.10 for a car that took part in a historic edition, 0.05 for one entered
    bonuses = [value for _, value in MM_BONUSES]
    assert bonuses == [0, D("0.05"), D("0.10")]
    assert mille_miglia_coefficient(period, engine_class, D(0), bonuses[2]) == D("1.60")
    assert mille_miglia_coefficient(period, engine_class, D("0.20"), bonuses[1]) == D("1.35")


@given(
    st.decimals(min_value=0, max_value=1, places=2),
    st.decimals(min_value=0, max_value=1, places=2),
    st.sampled_from([value for _, value in MM_CATEGORIES]),
    st.sampled_from([value for _, value in MM_BONUSES]),
)
def test_a_higher_category_never_raises_the_coefficient(
    period: Decimal, engine_class: Decimal, category: Decimal, bonus: Decimal
) -> None:
    value = mille_miglia_coefficient(period, engine_class, category, bonus)
    assert value == 1 + period + engine_class - category + bonus
    assert value <= mille_miglia_coefficient(period, engine_class, D(0), bonus)


def test_the_formats_example_crew() -> None:
    obj = {
        "number": 112,
        "driver": "A. Rossi",
        "navigator": "B. Bianchi",
        "car": "Alfa Romeo 6C 1750 SS",
        "year": 1929,
        "coefficient": "1.80",
    }
    crew = crew_from_json(obj, "day.mmlog")
    assert crew == Crew(112, "A. Rossi", "B. Bianchi", "Alfa Romeo 6C 1750 SS", 1929, D("1.80"))
    assert crew_to_json(crew) == obj


crews = st.builds(
    Crew,
    number=st.none() | st.integers(0, 999),
    driver=st.text(max_size=20),
    navigator=st.text(max_size=20),
    car=st.text(max_size=20),
    year=st.none() | st.integers(1886, 2030),
    coefficient=st.none() | st.decimals(min_value=D("0.01"), max_value=D(5), places=2),
)


@given(crews)
def test_crew_round_trips(crew: Crew) -> None:
    assert crew_from_json(crew_to_json(crew), "x") == crew


@pytest.mark.parametrize(
    ("obj", "key"),
    [
        ({"coefficient": 1.8}, "crew.coefficient"),
        ({"coefficient": "1,80"}, "crew.coefficient"),
        ({"coefficient": "0"}, "crew.coefficient"),
        ({"year": "1929"}, "crew.year"),
        ({"number": -1}, "crew.number"),
        ({"driver": 7}, "crew.driver"),
        ({"colour": "red"}, "crew.colour"),
        ([], "crew"),
    ],
)
def test_bad_crew_names_the_key(obj: object, key: str) -> None:
    with pytest.raises(InputError) as caught:
        crew_from_json(obj, "day.mmlog")
    assert caught.value.key == key
    assert str(caught.value).startswith(f"day.mmlog: {key}: ")
