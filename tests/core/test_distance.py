"""The car's distance: distance and calibrate events folded, landmarks, calibration, staleness."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mmtimer.core.distance import (
    Calibration,
    DistanceEventError,
    DistanceReading,
    MeasuredSection,
    Odometer,
    calibrate_data,
    distance_data,
    next_landmark,
    odometer_event,
    parse_factor,
)
from mmtimer.core.events import Other
from mmtimer.core.logfile import event_from_json, event_line

S = 1_000_000_000


def gps(t_s: float, metres: float) -> DistanceReading:
    return DistanceReading(round(t_s * S), round(metres * 1000), "gps", "PM1")


def test_gps_readings_move_the_distance_and_a_landmark_sets_it() -> None:
    odometer = Odometer("PM1")
    odometer.apply(DistanceReading(0, 0, "reset", "PM1"))
    odometer.apply(gps(1, 0))  # the gps count starts again at the reset
    assert odometer.at(S) is not None
    odometer.apply(gps(2, 14))
    car = odometer.at(2 * S)
    assert car is not None and car.m == 14 and car.live
    odometer.apply(DistanceReading(3 * S, 1_250_000, "landmark", "PM1"))  # the bridge: km 1.250
    car = odometer.at(3 * S)
    assert car is not None and car.m == 1250 and car.source == "landmark" and not car.live
    odometer.apply(gps(4, 28))
    car = odometer.at(4 * S)
    assert car is not None and car.m == 1264 and car.live


def test_a_calibration_scales_only_what_is_measured_after_it() -> None:
    odometer = Odometer()
    odometer.apply(gps(0, 0))
    odometer.apply(gps(10, 1000))
    odometer.apply(Calibration(10 * S, Decimal("1.02")))
    odometer.apply(gps(20, 2000))
    car = odometer.at(20 * S)
    assert car is not None and car.mm == 2_020_000 and car.factor == Decimal("1.02")


def test_between_readings_the_distance_runs_on_at_the_measured_rate_for_two_seconds() -> None:
    odometer = Odometer()
    for second in range(0, 4):
        odometer.apply(gps(second, 14 * second))  # 14 m/s
    at_half = odometer.at(round(3.5 * S))
    assert at_half is not None and at_half.mm == 49_000
    held = odometer.at(10 * S)
    assert held is not None and held.mm == 42_000 + 28_000  # carried on 2 s, then held
    assert not held.live and held.age_ns == 7 * S


def test_a_distance_older_than_the_stale_limit_is_not_live() -> None:
    odometer = Odometer()
    odometer.apply(gps(0, 0))
    fresh = odometer.at(2 * S)
    stale = odometer.at(4 * S)
    assert fresh is not None and fresh.live
    assert stale is not None and not stale.live


def test_readings_of_another_section_are_ignored() -> None:
    odometer = Odometer("PM2")
    odometer.apply(DistanceReading(0, 5_000_000, "landmark", "PM1"))
    assert odometer.at(0) is None


def test_events_round_trip_through_the_log_line_and_fold_the_same() -> None:
    events = [
        Other(1, "distance", distance_data("PM1", 0, "reset"), 0),
        Other(2, "distance", distance_data("PM1", 12_345, "gps"), S),
        Other(3, "calibrate", calibrate_data(Decimal("1.0125"), "typed"), 2 * S),
        Other(4, "distance", distance_data("PM1", 1_250_000, "landmark"), 3 * S),
    ]
    lines = [event_line(event) for event in events]
    assert json.loads(lines[1]) == {
        "type": "distance",
        "seq": 2,
        "t_ns": S,
        "section": "PM1",
        "m": 12.345,
        "source": "gps",
    }
    assert json.loads(lines[2])["factor"] == "1.0125"
    read = [event_from_json(json.loads(line)) for line in lines]
    assert read == events
    live = Odometer("PM1").fold(events)
    replayed = Odometer("PM1").fold(read)
    assert live.at(4 * S) == replayed.at(4 * S)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"m": 1, "source": "radar"}, "source 'radar'"),
        ({"source": "gps"}, "needs m"),
        ({"m": "x", "source": "gps"}, "is not a number"),
        ({"m": -1, "source": "gps"}, "negative"),
        ({"m": True, "source": "gps"}, "is not a number"),
    ],
)
def test_a_bad_distance_event_says_what_is_wrong(data: dict[str, object], message: str) -> None:
    with pytest.raises(DistanceEventError, match=message):
        odometer_event(Other(1, "distance", data, 0))


def test_a_factor_outside_half_to_double_is_refused() -> None:
    with pytest.raises(DistanceEventError, match=r"between 0\.5 and 2"):
        odometer_event(Other(1, "calibrate", {"factor": "10"}, 0))
    with pytest.raises(DistanceEventError):
        parse_factor("abc")
    assert parse_factor(" 1,0234 ") == Decimal("1.0234")


def test_a_measured_section_gives_the_factor_to_five_decimals() -> None:
    section = MeasuredSection(start_raw_mm=1_000_000, end_raw_mm=5_962_000, length_m=5_000)
    assert section.factor() == Decimal("1.00766")
    assert "road book 5.000 km, GPS 4.962 km" in section.reason()
    with pytest.raises(DistanceEventError):
        MeasuredSection(5, 5, 1000).factor()


def test_the_next_landmark_is_the_first_beyond_the_last_confirmed() -> None:
    marks = ((1250, "bridge"), (3400, "church"))
    assert next_landmark(marks, None) == (1250, "bridge")
    assert next_landmark(marks, 1_250_000) == (3400, "church")
    assert next_landmark(marks, 3_400_000) is None


@given(
    st.lists(st.integers(0, 200), min_size=1, max_size=50),
    st.decimals(min_value=Decimal("0.5"), max_value=Decimal("2"), places=4),
)
def test_the_distance_never_falls_while_the_gps_count_rises(
    steps: list[int], factor: Decimal
) -> None:
    odometer = Odometer(factor=factor)
    total = 0
    shown = []
    for index, step in enumerate(steps):
        total += step
        odometer.apply(DistanceReading(index * S, total * 1000, "gps"))
        car = odometer.at(index * S)
        assert car is not None
        shown.append(car.mm)
    assert shown == sorted(shown)
    assert abs(shown[-1] - total * 1000 * factor) <= 1
