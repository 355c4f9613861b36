"""The crew object of a log header, and the 1000 Miglia coefficient."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mmtimer.core.crew import Crew, crew_from_json, crew_to_json, mille_miglia_coefficient
from mmtimer.core.errors import InputError

D = Decimal


def test_mille_miglia_coefficient_published_examples() -> None:
    # period 1927-1929 = 0.35, engine over 1100 cc = 0.15, category Sport = 0.20
    assert mille_miglia_coefficient(D("0.35"), D("0.15"), D("0.20")) == D("1.70")
    # ... a model that won in 1927-57 (+0.05 MM factor), a chassis that ran a historic edition
    # (+0.05 MM bonus): the OM 665 Superba of 1927 is published at 1.80
    assert mille_miglia_coefficient(
        D("0.35"), D("0.15"), D("0.20"), mm_factor=D("0.05"), mm_bonus=D("0.05")
    ) == D("1.80")


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
