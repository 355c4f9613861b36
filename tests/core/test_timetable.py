"""The time table: the ideal every step, the marked points, the CSV form."""

from __future__ import annotations

import csv
import io
import itertools
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mmtimer.core.rules import load_rules
from mmtimer.core.stage import AverageTrial
from mmtimer.core.timetable import format_ideal, rounding_note, table_csv, time_table

PM = AverageTrial(
    "PM1",
    10 * 3_600_000 + 50 * 60_000,
    ((0, Decimal("48.0")), (5_200, Decimal("40.0"))),
    (2_350, 7_800),
    ((1_250, "bridge"),),
)


def test_every_100_m_with_the_marked_points_in_between() -> None:
    rows = time_table(PM)
    km = [row.metres for row in rows]
    assert km[:4] == [0, 100, 200, 300]
    assert 2_350 in km and 5_200 in km and 1_250 in km and km[-1] == 7_800
    assert len(km) == 79 + 2  # 0..7800 every 100 (79 rows), check 1 at 2350, the bridge at 1250
    by_m = {row.metres: row for row in rows}
    assert by_m[100].ideal_text == "10:50:07.50"  # 100 m at 48 km/h = 7.5 s
    assert by_m[2_350].marks == ("check 1",) and by_m[2_350].check == 1
    assert by_m[5_200].marks == ("40.0 km/h",) and by_m[5_200].kmh_change
    assert by_m[1_250].marks == ("bridge",)
    assert by_m[0].marks == ("start 48.0 km/h",)
    assert by_m[7_800].ideal_ms == PM.ideal_ms(2)


def test_the_ideal_is_cut_to_the_hundredth_never_rounded_up() -> None:
    assert format_ideal(Fraction(36_000_009_999, 1000)) == "10:00:00.00"
    assert format_ideal(Fraction(36_000_019_999, 1000)) == "10:00:00.01"
    assert format_ideal(Fraction(25 * 3_600_000), elapsed=False) == "01:00:00.00"
    assert format_ideal(Fraction(25 * 3_600_000), elapsed=True) == "25:00:00.00"


def test_a_press_start_table_gives_times_elapsed_from_the_press() -> None:
    press = AverageTrial("PM", 0, ((0, Decimal("36")),), (1_000,), start_press=True)
    rows = time_table(press, 500)
    assert [(row.metres, row.ideal_text) for row in rows] == [
        (0, "00:00:00.00"),
        (500, "00:00:50.00"),
        (1_000, "00:01:40.00"),
    ]
    assert all(row.elapsed for row in rows)


def test_the_step_is_10_m_to_1_km() -> None:
    assert len(time_table(PM, 10)) == 781
    for bad in (9, 1001, 0):
        with pytest.raises(ValueError, match=r"0\.010 to 1\.000 km"):
            time_table(PM, bad)


def test_csv_columns_and_forms() -> None:
    text = table_csv(time_table(PM, 1000))
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == ["section", "km", "ideal", "mark"]
    assert rows[1] == ["PM1", "0.000", "10:50:00.00", "start 48.0 km/h"]
    assert ["PM1", "2.350", "10:52:56.25", "check 1"] in rows


def test_the_rounding_note_says_what_the_rule_set_does() -> None:
    rules = load_rules("aci-2021")
    assert "cut down to the 1s" in rounding_note(rules.average, rules.id)
    assert rounding_note(rules.average, rules.id).endswith(
        "this table shows it cut to the hundredth."
    )
    card = rounding_note(rules.average, rules.id, "card")
    assert card.endswith("; this card shows it cut to the hundredth.")


speeds = st.decimals(min_value=Decimal("5"), max_value=Decimal("150"), places=1)


@given(
    st.lists(st.integers(1, 20_000), max_size=3, unique=True),
    st.lists(speeds, min_size=4, max_size=4),
    st.integers(10, 1000),
)
def test_ideals_rise_and_every_change_and_check_has_its_row(
    froms: list[int], kmh: list[Decimal], step: int
) -> None:
    pairs = ((0, kmh[0]), *((f, kmh[i + 1]) for i, f in enumerate(sorted(froms))))
    trial = AverageTrial("PM", 0, pairs, (20_000,))
    rows = time_table(trial, step)
    assert all(a.ideal_ms < b.ideal_ms for a, b in itertools.pairwise(rows))
    metres = {row.metres for row in rows}
    assert set(froms) <= metres and 20_000 in metres
    assert set(range(0, 20_001, step)) <= metres
