"""The pacer: the ideal distance at an instant, the next change, ahead/behind, the speed to hold."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from mmtimer.core.pacer import Schedule, elapsed_since, pace
from mmtimer.core.stage import AverageTrial

NS_PER_S = 1_000_000_000
TWO_SPEEDS = AverageTrial(
    "PM1", 10 * 3_600_000, ((0, Decimal("48.0")), (5_200, Decimal("40.0"))), (2_350, 7_800)
)


def test_ideal_distance_at_48_kmh_is_13_point_3_metres_a_second_to_the_metre() -> None:
    schedule = Schedule(TWO_SPEEDS)
    assert pace(schedule, 0).ideal_m == 0
    assert pace(schedule, 75 * NS_PER_S).ideal_m == 1000  # 1 km at 48 km/h takes 75 s
    assert pace(schedule, 74_999_999_999).ideal_m == 999  # floored, never ahead of the truth
    assert pace(schedule, 60 * NS_PER_S).ideal_m == 800


def test_after_the_change_the_ideal_car_runs_at_the_new_average() -> None:
    schedule = Schedule(TWO_SPEEDS)
    at_change_ns = 390 * NS_PER_S  # 5.2 km at 48 km/h
    assert schedule.elapsed_ns(5_200) == at_change_ns
    reading = pace(schedule, at_change_ns + 90 * NS_PER_S)  # 90 s at 40 km/h = 1 km
    assert reading.ideal_m == 6_200
    assert reading.kmh == Decimal("40.0")


def test_next_change_says_where_in_how_many_metres_and_seconds() -> None:
    schedule = Schedule(TWO_SPEEDS)
    reading = pace(schedule, 300 * NS_PER_S)  # ideal at 4000 m
    assert reading.kmh == Decimal("48.0")
    change = reading.next_change
    assert change is not None
    assert (change.at_m, change.kmh_after, change.in_m) == (5_200, Decimal("40.0"), 1_200)
    assert change.in_ns == 90 * NS_PER_S
    # after the last change the next point is the end of the trial (its last check)
    later = pace(schedule, 400 * NS_PER_S).next_change
    assert later is not None and later.at_m == 7_800 and later.kmh_after is None


def test_a_car_behind_is_late_by_the_time_the_ideal_took_for_the_gap() -> None:
    schedule = Schedule(TWO_SPEEDS)
    reading = pace(schedule, 300 * NS_PER_S, car_m=3_900)  # ideal 4000 m
    assert reading.gap_m == -100
    assert reading.deviation_ns == 7_500_000_000  # 100 m at 48 km/h = 7.5 s late
    # to be at km 5.2 at its ideal time (90 s from now): 1300 m in 90 s = 52.0 km/h
    assert reading.hold_kmh == Decimal("52.0")
    assert reading.kmh == Decimal("48.0")


def test_a_car_ahead_is_early_and_holds_a_slower_speed() -> None:
    schedule = Schedule(TWO_SPEEDS)
    reading = pace(schedule, 300 * NS_PER_S, car_m=4_100)
    assert reading.gap_m == 100
    assert reading.deviation_ns == -7_500_000_000
    assert reading.hold_kmh == Decimal("44.0")  # 1100 m in 90 s


def test_before_the_start_the_ideal_car_waits_at_zero() -> None:
    reading = pace(Schedule(TWO_SPEEDS), -5 * NS_PER_S)
    assert not reading.started
    assert reading.ideal_m == 0
    assert reading.next_change is not None and reading.next_change.in_ns == 390 * NS_PER_S


def test_once_past_the_end_there_is_no_next_change_and_no_speed_to_hold() -> None:
    reading = pace(Schedule(TWO_SPEEDS), 3_600 * NS_PER_S, car_m=8_000)
    assert reading.finished
    assert reading.hold_kmh is None


def test_a_car_that_can_no_longer_make_the_change_in_time_gets_no_hold_speed() -> None:
    schedule = Schedule(TWO_SPEEDS)
    reading = pace(schedule, 395 * NS_PER_S, car_m=5_000)  # the ideal passed km 5.2 already
    assert reading.hold_kmh is None
    assert reading.deviation_ns is not None and reading.deviation_ns > 0


def test_elapsed_crosses_midnight() -> None:
    start = 23 * 3_600 * NS_PER_S + 59 * 60 * NS_PER_S
    assert elapsed_since(start, 30 * NS_PER_S) == 90 * NS_PER_S
    assert elapsed_since(start, start - NS_PER_S) == -NS_PER_S


speeds = st.decimals(min_value=Decimal("5"), max_value=Decimal("150"), places=1)


@st.composite
def trials(draw: st.DrawFn) -> AverageTrial:
    froms = sorted(set(draw(st.lists(st.integers(1, 30_000), max_size=4))))
    pairs = ((0, draw(speeds)), *((f, draw(speeds)) for f in froms))
    checks = sorted(set(draw(st.lists(st.integers(1, 40_000), min_size=1, max_size=4))))
    return AverageTrial("PM", 0, pairs, tuple(checks))


@given(trials(), st.integers(0, 40_000))
def test_distance_and_time_are_inverse_exactly(trial: AverageTrial, metres: int) -> None:
    schedule = Schedule(trial)
    elapsed = schedule.elapsed_ns(metres)
    assert schedule.distance_m(elapsed) == metres
    # and agree with the stage's own ideal time (ms), which scoring uses
    assert elapsed == trial.ideal_elapsed_ms(metres) * 1_000_000


@given(trials(), st.integers(0, 3_600 * NS_PER_S), st.integers(0, 3_600 * NS_PER_S))
def test_the_ideal_distance_never_goes_back(trial: AverageTrial, a: int, b: int) -> None:
    schedule = Schedule(trial)
    early, late = sorted((a, b))
    assert pace(schedule, early).ideal_m <= pace(schedule, late).ideal_m


@given(trials(), st.integers(1, 3_600 * NS_PER_S), st.integers(0, 40_000))
def test_ahead_and_early_go_together(trial: AverageTrial, elapsed: int, car_m: int) -> None:
    reading = pace(Schedule(trial), elapsed, car_m)
    assert reading.gap_m is not None and reading.deviation_ns is not None
    if reading.gap_m > 1:
        assert reading.deviation_ns < 0
    if reading.gap_m < -1:
        assert reading.deviation_ns > 0


@given(trials(), st.integers(1, 3_600 * NS_PER_S), st.integers(0, 40_000))
def test_holding_the_speed_brings_the_car_to_the_change_on_time(
    trial: AverageTrial, elapsed: int, car_m: int
) -> None:
    schedule = Schedule(trial)
    reading = pace(schedule, elapsed, car_m)
    if reading.hold_kmh is None or reading.next_change is None:
        return
    target = reading.next_change.at_m
    left_ns = schedule.elapsed_ns(target) - elapsed
    exact = Fraction(target - car_m) * 3_600_000_000 / left_ns
    assert abs(Fraction(reading.hold_kmh) - exact) <= Fraction(1, 20)
