"""The driver's view: its countdown reads and colours as the stage window's, and its average
trial part comes from the core's pacer."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from mmtimer.core.clock import NS_PER_MS, NS_PER_S
from mmtimer.core.distance import CarDistance
from mmtimer.core.pacer import Schedule, pace
from mmtimer.core.stage import AverageTrial
from mmtimer.present.driver import (
    DriverView,
    average_from_pace,
    average_view,
    format_left_ms,
    view_json,
)
from mmtimer.present.formats import format_signed_deviation
from mmtimer.present.tone import Tone, deviation_tone, left_tone


@given(st.integers(min_value=-(10**7), max_value=10**8))
def test_time_left_reads_as_the_stage_window_shows_it(left_ms: int) -> None:
    text = format_left_ms(left_ms)
    cs = -(-left_ms // 10) if left_ms > 0 else -left_ms // 10
    assert text.startswith("+") == (left_ms <= -10)
    parts = text.lstrip("+").split(":")
    seconds = float(parts[-1]) + sum(
        int(p) * 60 ** (len(parts) - 1 - i) for i, p in enumerate(parts[:-1])
    )
    assert round(seconds * 100) == cs
    assert left_tone(left_ms * NS_PER_MS) == (
        "overdue"
        if left_ms <= 0
        else "near"
        if left_ms <= 5000
        else "warn"
        if left_ms <= 10_000
        else "normal"
    )


def test_the_last_line_and_the_average_in_words() -> None:
    view = DriverView(
        t_ns=0,
        stage="Day 1",
        armed_label="PM1 · check 1 · ideal 15:15:31.50",
        target_id="PM1/1/123",
        left_ms=3_200,
        kind="average",
        last_label="PC3 · line 2",
        last_deviation_ms=-120,
        last_points=Decimal("12"),
        last_note="",
        total_label="So far",
        total=Decimal("40"),
        average=average_from_pace(pace(Schedule(TRIAL), 60 * NS_PER_S, car_m=820)),
        ended=False,
    )
    armed, left, last, bottom = view.texts()
    assert (armed, left) == ("PM1 · check 1 · ideal 15:15:31.50", "3.20")
    assert last == "PC3 · line 2  -0.12 s  12 pts"
    assert bottom == "48.0 km/h  ·  ahead 1.5 s  ·  hold 47.8"  # the ideal car is at 800 m
    assert view.tones()[1:3] == (Tone.NEAR, Tone.EARLY)
    assert format_signed_deviation(-9) == "0.00" and deviation_tone(-9) == Tone.EXACT


TRIAL = AverageTrial(
    id="PM1",
    start_ms=10 * 3_600_000,
    speeds=((0, Decimal("48.0")), (5200, Decimal("40.0"))),
    checks_m=(2350, 7800),
)


def test_the_average_comes_from_the_cores_pacer() -> None:
    schedule = Schedule(TRIAL)
    before = average_from_pace(pace(schedule, -60 * NS_PER_S))
    assert before.ideal_m is None and before.speed_kmh == Decimal("48.0")
    assert before.next_change_m == 5200 and before.next_speed_kmh == Decimal("40.0")
    at_6km = int(schedule.elapsed_ns(6000))
    after = average_from_pace(pace(schedule, at_6km))
    assert after.speed_kmh == Decimal("40.0") and after.next_change_m == 7800
    assert after.next_speed_kmh is None  # the trial's end
    assert after.ideal_m is not None and 5999 <= after.ideal_m <= 6000
    assert after.ahead_ms is None and after.hold_kmh is None  # no car distance
    # with the car 100 m behind the ideal: behind by the time those 100 m take at 40 km/h
    behind = average_from_pace(pace(schedule, at_6km, car_m=5900))
    assert behind.ahead_m == -100
    assert behind.ahead_ms == -9000
    assert behind.hold_kmh is not None and behind.hold_kmh > Decimal("40.0")


def test_the_cars_distance_gives_ahead_behind_and_a_stale_one_says_so() -> None:
    schedule = Schedule(TRIAL)
    at_1km = int(schedule.elapsed_ns(1000))  # the ideal car at km 1.000 (75 s at 48 km/h)
    assert average_view(schedule, at_1km, None) == average_from_pace(pace(schedule, at_1km))
    # live GPS: the car at km 1.100, 7.5 s ahead (100 m at 48 km/h), an average to hold
    live = average_view(
        schedule, at_1km, CarDistance(1_100_000, "gps", 200 * NS_PER_MS, True, Decimal(1))
    )
    assert (live.car_m, live.ahead_m, live.ahead_ms) == (1100, 100, 7500)
    assert live.distance_live and not live.stale and live.hold_kmh is not None
    # a landmark confirmed at km 0.700 30 s ago (when the ideal car was at 0.600): 7.5 s ahead
    # then, not now; no average to hold from it
    landmark = CarDistance(700_000, "landmark", 30 * NS_PER_S, False, Decimal(1))
    stale = average_view(schedule, at_1km, landmark)
    assert stale.stale and not stale.distance_live and stale.hold_kmh is None
    assert (stale.car_m, stale.ahead_m, stale.ahead_ms) == (700, 100, 7500)
    assert stale.ideal_m == 1000  # the ideal car now
    view = DriverView(
        t_ns=0,
        stage="Day 1",
        armed_label="PM1 · check 1",
        target_id=None,
        left_ms=None,
        kind="average",
        last_label="",
        last_deviation_ms=None,
        last_points=None,
        last_note="",
        total_label="",
        total=None,
        average=stale,
        ended=False,
    )
    assert view.texts()[3] == "48.0 km/h  ·  ahead 7.5 s then (landmark 30 s ago)"
    assert view.tones()[3] == Tone.IDLE  # greyed: not live
    feed = view_json(view)["average"]
    assert feed["car_km"] == "0.700" and feed["ahead_ms"] == 7500
    assert feed["distance_live"] is False and feed["distance_age_ms"] == 30_000
    assert feed["distance_source"] == "landmark" and feed["hold_kmh"] is None
    lost = average_view(
        schedule, at_1km, CarDistance(1_000_000, "gps", 12 * NS_PER_S, False, Decimal(1))
    )
    assert lost.stale_words() == "GPS lost 12 s ago"
    live_view = replace(view, average=live)
    assert live_view.texts()[3].startswith("48.0 km/h  ·  ahead 7.5 s  ·  hold ")
    assert live_view.tones()[3] == Tone.NORMAL
