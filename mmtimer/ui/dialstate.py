"""What the dial shows (DialState) and where its hands point (hand_angles): pure, no Qt."""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

NS_PER_MS = 1_000_000
BEAT_NS = 125_000_000  # 28,800 vph: 8 beats a second, so the hands move in eighths
BEAT_MS = BEAT_NS // NS_PER_MS
MINUTE_NS = 60_000_000_000
HOUR_NS = 60 * MINUTE_NS
MINUTE_MS = 60_000
HOUR_MS = 60 * MINUTE_MS
HALF_DAY_MS = 12 * HOUR_MS


class Stepping(Enum):
    """How the seconds hands move: in eighths of a second like the watch, or a smooth sweep."""

    EIGHTHS = "eighths"
    SWEEP = "sweep"


@dataclass(frozen=True, slots=True)
class DialState:
    """Everything the dial draws at one instant; the dial itself never reads a clock.

    `official_ms` is the official time of day in ms since midnight (None: unknown, the time
    hands rest at 12 like a watch with its crown pulled). `date` None leaves the window blank.
    """

    chrono_elapsed_ns: int = 0
    chrono_running: bool = False
    official_ms: int | None = None
    date: datetime.date | None = None
    start_stop_pressed: bool = False
    reset_pressed: bool = False


class HandAngles(NamedTuple):
    """Angles in degrees, clockwise from 12 o'clock of each dial or counter, in [0, 360).
    (A named tuple, not a dataclass: the dial makes one or two a frame, at a third of the cost.)"""

    hour_deg: float
    minute_deg: float
    small_seconds_deg: float  # counter at 3: official seconds
    chrono_seconds_deg: float  # central hand
    chrono_minutes_deg: float  # counter at 9: 30 minutes
    chrono_hours_deg: float  # counter at 6: 12 hours


def _beat_ns(t_ns: int, stepping: Stepping) -> int:
    return t_ns - t_ns % BEAT_NS if stepping is Stepping.EIGHTHS else t_ns


def hand_angles(state: DialState, stepping: Stepping) -> HandAngles:
    """Where every hand points for `state`.

    As on the watch: the seconds hands (and with them the hour and minute hands) advance in
    eighths of a second when `stepping` is EIGHTHS; the 30-minute counter jumps at each whole
    minute; the 12-hour counter moves continuously.
    """
    elapsed_ns = max(0, state.chrono_elapsed_ns)
    shown_ns = _beat_ns(elapsed_ns, stepping)
    chrono_seconds = (shown_ns % MINUTE_NS) * 360.0 / MINUTE_NS
    chrono_minutes = (elapsed_ns // MINUTE_NS) % 30 * 12.0
    chrono_hours = (shown_ns % (12 * HOUR_NS)) * 360.0 / (12 * HOUR_NS)

    if state.official_ms is None:
        hour = minute = small_seconds = 0.0
    else:
        ms = _beat_ns(state.official_ms * NS_PER_MS, stepping) // NS_PER_MS
        hour = (ms % HALF_DAY_MS) * 360.0 / HALF_DAY_MS
        minute = (ms % HOUR_MS) * 360.0 / HOUR_MS
        small_seconds = (ms % MINUTE_MS) * 360.0 / MINUTE_MS
    return HandAngles(
        hour_deg=hour,
        minute_deg=minute,
        small_seconds_deg=small_seconds,
        chrono_seconds_deg=chrono_seconds,
        chrono_minutes_deg=chrono_minutes,
        chrono_hours_deg=chrono_hours,
    )


def _turn_deg(a: float, b: float) -> float:
    d = abs(a - b) % 360.0
    return min(d, 360.0 - d)


def _next_beat_ns(t_ns: int) -> int:
    """The first beat at or after `t_ns`."""
    return -(-t_ns // BEAT_NS) * BEAT_NS


def next_move_ns(
    state: DialState,
    stepping: Stepping,
    shown: HandAngles,
    *,
    tip_r: Mapping[str, float],
    px_per_unit: float,
    min_step_px: float,
) -> int | None:
    """How long after `state`'s instant a hand will have turned `min_step_px` device pixels at
    its tip (radius `tip_r[name]` logical units, `px_per_unit` device pixels each) away from
    where it is `shown`; None if no hand moves. With EIGHTHS a hand moves only on a beat, so
    the answer is a beat; the 30-minute counter jumps at each whole minute.

    The time hands run with official time, the chronograph's only while it runs.
    """
    # (hand, degrees per ns, the clock it follows in ns or None, stepping applies)
    moving: list[tuple[str, float, int]] = []
    if state.chrono_running:
        elapsed = max(0, state.chrono_elapsed_ns)
        moving.append(("chrono_seconds", 360.0 / MINUTE_NS, elapsed))
        moving.append(("chrono_hours", 360.0 / (12 * HOUR_NS), elapsed))
    if state.official_ms is not None:
        official = state.official_ms * NS_PER_MS
        moving.append(("small_seconds", 360.0 / MINUTE_NS, official))
        moving.append(("minute", 360.0 / HOUR_NS, official))
        moving.append(("hour", 360.0 / (12 * HOUR_NS), official))
    waits: list[int] = []
    if state.chrono_running:
        waits.append(MINUTE_NS - max(0, state.chrono_elapsed_ns) % MINUTE_NS)
    now = hand_angles(state, stepping)
    for name, rate, clock_ns in moving:
        step_deg = min_step_px / max(px_per_unit * tip_r[name] * math.pi / 180.0, 1e-12)
        lag_deg = _turn_deg(getattr(now, f"{name}_deg"), getattr(shown, f"{name}_deg"))
        to_go = max(0.0, (step_deg - lag_deg) / rate)  # of the hand's own running, in ns
        if stepping is Stepping.EIGHTHS:
            # `now` shows the beat that started at `beat`: the first later beat that is far
            # enough along
            beat = clock_ns - clock_ns % BEAT_NS
            waits.append(max(_next_beat_ns(beat + math.ceil(to_go)), beat + BEAT_NS) - clock_ns)
        else:
            waits.append(math.ceil(to_go))
    return min(waits) if waits else None


def tachymeter_seconds(speed: int) -> float:
    """Where the tachymeter reads `speed` (units/hour): 3600 / speed seconds (500 at 7.2 s)."""
    return 3600.0 / speed


def tachymeter_speed_ms(elapsed_ms: int) -> int | None:
    """The speed the tachymeter shows for a unit covered in `elapsed_ms` (45 s -> 80), or None
    where the scale has no reading (under 7.2 s or over 60 s)."""
    if elapsed_ms < 7_200 or elapsed_ms > 60_000:
        return None
    return 3_600_000 // elapsed_ms
