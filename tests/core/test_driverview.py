"""The driver's view: pure (no Qt), its formats agree with the stage window's, and the ideal
distance of an average trial is the inverse of the core's ideal time."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from mmtimer.core.clock import NS_PER_S
from mmtimer.core.pacer import Schedule, pace
from mmtimer.core.stage import AverageTrial
from mmtimer.driverview import (
    average_from_pace,
    deviation_tone,
    format_deviation,
    format_left_ms,
    left_tone,
)


def test_importing_the_driver_view_loads_no_qt() -> None:
    code = (
        "import sys, mmtimer.driverview\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph') or m.startswith('mmtimer.ui'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == ""


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
    assert left_tone(left_ms) == (
        "overdue"
        if left_ms <= 0
        else "near"
        if left_ms <= 5000
        else "warn"
        if left_ms <= 10_000
        else "normal"
    )


def test_deviations_and_their_tones() -> None:
    assert format_deviation(40) == "+0.04"
    assert format_deviation(-9) == "0.00" and deviation_tone(-9) == "exact"
    assert format_deviation(-120) == "-0.12" and deviation_tone(-120) == "early"
    assert deviation_tone(10) == "late" and deviation_tone(None) == "idle"


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
