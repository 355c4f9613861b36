"""Where the hands point for a given state (pure: no Qt)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mmtimer.ui.dialstate import (
    DialState,
    Stepping,
    hand_angles,
    tachymeter_seconds,
    tachymeter_speed_ms,
)

S = 1_000_000_000
MS = 1_000_000


def chrono(elapsed_ns: int) -> DialState:
    return DialState(chrono_elapsed_ns=elapsed_ns, chrono_running=True)


def test_at_rest_every_hand_points_to_12() -> None:
    angles = hand_angles(DialState(), Stepping.EIGHTHS)
    assert angles.chrono_seconds_deg == angles.chrono_minutes_deg == 0.0
    assert angles.chrono_hours_deg == angles.hour_deg == angles.minute_deg == 0.0
    assert angles.small_seconds_deg == 0.0


def test_chronograph_seconds_hand() -> None:
    assert hand_angles(chrono(15 * S), Stepping.EIGHTHS).chrono_seconds_deg == 90.0
    assert hand_angles(chrono(45 * S), Stepping.SWEEP).chrono_seconds_deg == 270.0
    assert hand_angles(chrono(60 * S), Stepping.SWEEP).chrono_seconds_deg == 0.0


def test_eighths_step_like_a_28800_vph_movement() -> None:
    # 15.124 s is still the beat of 15.000 s; 15.125 s is the next beat (0.75 degrees on).
    assert hand_angles(chrono(15_124 * MS), Stepping.EIGHTHS).chrono_seconds_deg == 90.0
    assert hand_angles(chrono(15_125 * MS), Stepping.EIGHTHS).chrono_seconds_deg == 90.75
    assert hand_angles(chrono(15_100 * MS), Stepping.SWEEP).chrono_seconds_deg == pytest.approx(
        90.6
    )


def test_minute_counter_jumps_at_each_whole_minute_and_turns_in_30() -> None:
    assert hand_angles(chrono(59_999 * MS), Stepping.SWEEP).chrono_minutes_deg == 0.0
    assert hand_angles(chrono(60 * S), Stepping.SWEEP).chrono_minutes_deg == 12.0
    assert hand_angles(chrono(23 * 60 * S + 37 * S), Stepping.SWEEP).chrono_minutes_deg == 276.0
    assert hand_angles(chrono(30 * 60 * S), Stepping.SWEEP).chrono_minutes_deg == 0.0


def test_hour_counter_turns_in_12_hours() -> None:
    assert hand_angles(chrono(3600 * S), Stepping.SWEEP).chrono_hours_deg == 30.0
    assert hand_angles(chrono(6 * 3600 * S), Stepping.SWEEP).chrono_hours_deg == 180.0
    assert hand_angles(chrono(90 * 60 * S), Stepping.SWEEP).chrono_hours_deg == 45.0


def test_time_of_day_hands() -> None:
    state = DialState(official_ms=((10 * 60 + 9) * 60 + 36) * 1000)
    angles = hand_angles(state, Stepping.EIGHTHS)
    assert angles.hour_deg == pytest.approx((10 + 9 / 60 + 36 / 3600) * 30)
    assert angles.minute_deg == pytest.approx((9 + 36 / 60) * 6)
    assert angles.small_seconds_deg == pytest.approx(216.0)
    # Past noon the hour hand goes round again; the small seconds step in eighths too.
    afternoon = hand_angles(DialState(official_ms=(15 * 3600 + 7) * 1000 + 130), Stepping.EIGHTHS)
    assert afternoon.hour_deg == pytest.approx(90 + 7.125 / 3600 * 30)
    assert afternoon.small_seconds_deg == pytest.approx(7.125 * 6)


def test_unknown_time_of_day_rests_the_time_hands_at_12() -> None:
    angles = hand_angles(DialState(official_ms=None, chrono_elapsed_ns=5 * S), Stepping.SWEEP)
    assert (angles.hour_deg, angles.minute_deg, angles.small_seconds_deg) == (0.0, 0.0, 0.0)
    assert angles.chrono_seconds_deg == 30.0


@settings(max_examples=200)
@given(
    elapsed_ns=st.integers(min_value=0, max_value=100 * 3600 * S),
    official_ms=st.integers(min_value=0, max_value=86_400_000 - 1),
    stepping=st.sampled_from(Stepping),
)
def test_every_angle_is_on_the_dial(elapsed_ns: int, official_ms: int, stepping: Stepping) -> None:
    angles = hand_angles(DialState(elapsed_ns, True, official_ms), stepping)
    for value in (
        angles.hour_deg,
        angles.minute_deg,
        angles.small_seconds_deg,
        angles.chrono_seconds_deg,
        angles.chrono_minutes_deg,
        angles.chrono_hours_deg,
    ):
        assert 0.0 <= value < 360.0
    if stepping is Stepping.EIGHTHS:
        assert (angles.chrono_seconds_deg / 0.75) == pytest.approx(
            round(angles.chrono_seconds_deg / 0.75)
        )


@settings(max_examples=100)
@given(st.integers(min_value=0, max_value=59_000), st.integers(min_value=1, max_value=999))
def test_seconds_hand_never_goes_back_within_a_minute(start_ms: int, step_ms: int) -> None:
    end_ms = min(start_ms + step_ms, 59_999)
    for stepping in Stepping:
        a = hand_angles(chrono(start_ms * MS), stepping).chrono_seconds_deg
        b = hand_angles(chrono(end_ms * MS), stepping).chrono_seconds_deg
        assert b >= a


def test_tachymeter_scale() -> None:
    # RULES.md: 45 s over 1 km = 80 km/h; 20 s = 180; the scale runs from 500 to 60.
    assert tachymeter_speed_ms(45_000) == 80
    assert tachymeter_speed_ms(20_000) == 180
    assert tachymeter_speed_ms(7_200) == 500
    assert tachymeter_speed_ms(60_000) == 60
    assert tachymeter_speed_ms(7_199) is None
    assert tachymeter_speed_ms(60_001) is None
    assert tachymeter_seconds(500) == 7.2
    assert tachymeter_seconds(60) == 60.0


def test_next_move_waits_for_the_step_that_shows() -> None:
    from mmtimer.ui.dialstate import next_move_ns

    tips = {
        name: 300.0
        for name in (
            "chrono_seconds",
            "chrono_hours",
            "small_seconds",
            "minute",
            "hour",
            "chrono_minutes",
        )
    }
    state = DialState(chrono_elapsed_ns=1_000_000_000, chrono_running=True, official_ms=None)
    shown = hand_angles(state, Stepping.EIGHTHS)
    # in eighths the chronograph hand moves at its next beat
    wait = next_move_ns(
        state, Stepping.EIGHTHS, shown, tip_r=tips, px_per_unit=0.6, min_step_px=0.3
    )
    assert wait == 125_000_000
    # sweeping, it moves as soon as its tip has gone 0.3 px: 6 deg/s at 180 px is 18.8 px/s
    wait = next_move_ns(state, Stepping.SWEEP, shown, tip_r=tips, px_per_unit=0.6, min_step_px=0.3)
    assert wait is not None and 10_000_000 < wait < 25_000_000
    stopped = DialState(chrono_elapsed_ns=1_000_000_000, official_ms=None)
    assert (
        next_move_ns(stopped, Stepping.SWEEP, shown, tip_r=tips, px_per_unit=0.6, min_step_px=0.3)
        is None
    )
