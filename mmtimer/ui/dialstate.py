"""What the dial shows (DialState) and where its hands point (hand_angles): pure, no Qt."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import Enum

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


@dataclass(frozen=True, slots=True)
class HandAngles:
    """Angles in degrees, clockwise from 12 o'clock of each dial or counter, in [0, 360)."""

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


def tachymeter_seconds(speed: int) -> float:
    """Where the tachymeter reads `speed` (units/hour): 3600 / speed seconds (500 at 7.2 s)."""
    return 3600.0 / speed


def tachymeter_speed_ms(elapsed_ms: int) -> int | None:
    """The speed the tachymeter shows for a unit covered in `elapsed_ms` (45 s -> 80), or None
    where the scale has no reading (under 7.2 s or over 60 s)."""
    if elapsed_ms < 7_200 or elapsed_ms > 60_000:
        return None
    return 3_600_000 // elapsed_ms
