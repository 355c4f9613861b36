"""What the driver sees: the countdown to the next target, the armed line, the last deviation and,
in an average trial, the imposed average (and ahead/behind once the car's distance is known).

Built from the same `Screen` the stage window renders (its countdown readout: the same words and
tones), the core's countdown (what it runs to) and the core's pacer reading. The driver window
and the driver page both render a `DriverView`; `view_json` gives the page's feed as plain JSON
values (docs/files.md, "Driver page feed"). The countdown is given as the time left at the view's
instant plus an identity of its target (``target_id``: section, line and the target's log
instant), so a view that draws with its own clock (the phone page) can tell a new target from
the same one seen again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from mmtimer.core.clock import NS_PER_MS
from mmtimer.core.distance import CarDistance
from mmtimer.core.pacer import PaceReading, Schedule
from mmtimer.core.session import Countdown
from mmtimer.core.stage import Stage
from mmtimer.core.timefmt import format_km
from mmtimer.present.formats import format_countdown, format_points, format_signed_deviation
from mmtimer.present.pacer import car_pace, format_span
from mmtimer.present.screen import Screen
from mmtimer.present.tone import (
    EXACT_MS,
    NEAR_NS,
    WARN_NS,
    Tone,
    countdown_tone,
    deviation_tone,
)

FEED_VERSION = 1


@dataclass(frozen=True, slots=True)
class AverageView:
    """An average trial as the driver needs it, from the core's pacer (`core.pacer.pace`): the
    imposed average now, the ideal distance, the next change, and - once the car's distance is
    known - ahead/behind in time (``ahead_ms``, positive: ahead of the ideal) and metres, and
    the average to hold to be on time at the next change. Without a distance those are None and
    the views say so."""

    speed_kmh: Decimal
    ideal_m: int | None  # the ideal distance now, None before the start
    next_change_m: int | None  # where the imposed average changes next (or the trial ends)
    next_speed_kmh: Decimal | None
    next_in_ms: int | None  # until the ideal car gets there
    ahead_ms: int | None = None
    ahead_m: int | None = None
    hold_kmh: Decimal | None = None
    car_m: int | None = None  # the car's distance (None: no distance source)
    distance_live: bool = False  # a fresh GPS reading; else ahead/behind is as of its reading
    distance_age_ms: int | None = None  # since the reading the car's distance comes from
    distance_source: str | None = None  # gps, landmark, reset

    @property
    def stale(self) -> bool:
        """Ahead/behind is known but not live: it is as the car was `distance_age_ms` ago."""
        return self.ahead_ms is not None and not self.distance_live

    def stale_words(self) -> str:
        """How old a stale ahead/behind is: ``GPS lost 12 s ago``, ``landmark 1:05 ago``."""
        what = {"gps": "GPS lost", "reset": "start"}.get(self.distance_source or "", "landmark")
        return f"{what} {format_span((self.distance_age_ms or 0) * NS_PER_MS)} ago"


def average_from_pace(reading: PaceReading) -> AverageView:
    """The driver's part of a pacer reading (with the car's distance in it: taken as live)."""
    change = reading.next_change
    return AverageView(
        speed_kmh=reading.kmh,
        ideal_m=reading.ideal_m if reading.started else None,
        next_change_m=None if change is None else change.at_m,
        next_speed_kmh=None if change is None else change.kmh_after,
        next_in_ms=None if change is None else change.in_ns // NS_PER_MS,
        ahead_ms=None if reading.deviation_ns is None else -reading.deviation_ns // NS_PER_MS,
        ahead_m=reading.gap_m,
        hold_kmh=reading.hold_kmh,
        car_m=reading.car_m,
        distance_live=reading.car_m is not None,
    )


def average_view(schedule: Schedule, elapsed_ns: int, car: CarDistance | None) -> AverageView:
    """The driver's average `elapsed_ns` after the trial's start with the car's distance `car`
    (the odometer's, as the pacer panel gets it; None: no source). As the pacer panel: the
    imposed average and the next change follow the car while its distance is live, else the
    ideal car; a distance that is not live gives ahead/behind as of its reading (marked stale,
    with its age) and no average to hold."""
    now, reading, live = car_pace(schedule, elapsed_ns, car)
    if car is None or reading is None:
        return average_from_pace(now)
    return replace(
        average_from_pace(now),
        ahead_ms=None if reading.deviation_ns is None else -reading.deviation_ns // NS_PER_MS,
        ahead_m=reading.gap_m,
        hold_kmh=reading.hold_kmh if live else None,
        car_m=car.m,
        distance_live=live,
        distance_age_ms=car.age_ns // NS_PER_MS,
        distance_source=car.source,
    )


@dataclass(frozen=True, slots=True)
class DriverView:
    """Everything the driver's displays show at log instant `t_ns`."""

    t_ns: int
    stage: str
    armed_label: str  # "PC2 · line 3", or the hint ("press at the start line", "Stage done")
    target_id: str | None  # None: no countdown (see armed_label)
    left_ms: int | None  # time left to the target at t_ns; negative once passed
    kind: str | None  # the armed section's kind: timed, time-control, average
    last_label: str
    last_deviation_ms: int | None
    last_points: Decimal | None
    last_note: str
    total_label: str
    total: Decimal | None
    average: AverageView | None
    ended: bool
    window_ms: int | None = None  # a time control's due minute (see `CountdownState`)

    @property
    def last_tone(self) -> Tone:
        """Early (blue), late (red), exact (green) or idle (not measured)."""
        return deviation_tone(self.last_deviation_ms)

    def left_tone(self, left_ms: int | None = None) -> Tone:
        """The countdown's tone at `left_ms` (default: at the view's instant)."""
        left = self.left_ms if left_ms is None else left_ms
        window = None if self.window_ms is None else self.window_ms * NS_PER_MS
        return countdown_tone(None if left is None else left * NS_PER_MS, window)

    def texts(self) -> tuple[str, str, str, str]:
        """The four texts a driver display shows: the armed line, the time left, the last
        line's result, and the average (or the running total)."""
        left = "--.--" if self.left_ms is None else format_left_ms(self.left_ms, self.window_ms)
        last = ""
        if self.last_label:
            parts = [self.last_label]
            if self.last_deviation_ms is not None:
                parts.append(f"{format_signed_deviation(self.last_deviation_ms)} s")
            if self.last_points is not None:
                parts.append(f"{format_points(self.last_points)} pts")
            if self.last_note:
                parts.append(self.last_note)
            last = "  ".join(parts)
        bottom = ""
        if self.average is not None:
            a = self.average
            if a.ahead_ms is not None:
                seconds = f"{abs(a.ahead_ms) / 1000:.1f} s"
                ahead = f"ahead {seconds}" if a.ahead_ms >= 0 else f"behind {seconds}"
                if a.stale:
                    ahead += f" then ({a.stale_words()})"
                elif a.hold_kmh is not None:
                    ahead += f"  ·  hold {a.hold_kmh}"
            else:
                ahead = "ahead/behind: no distance"
            bottom = f"{a.speed_kmh} km/h  ·  {ahead}"
        elif self.total is not None:
            bottom = f"{self.total_label} {format_points(self.total)} pts"
        return (self.armed_label, left, last, bottom)

    def tones(self) -> tuple[Tone, Tone, Tone, Tone]:
        """The tone of each of the four texts."""
        return (
            Tone.NORMAL if self.target_id else Tone.IDLE,
            self.left_tone(),
            self.last_tone,
            Tone.IDLE if self.average is not None and self.average.stale else Tone.NORMAL,
        )


def format_left_ms(left_ms: int, window_ms: int | None = None) -> str:
    """Time left to 1/100 s as the stage window shows it (`formats.format_countdown`)."""
    window = None if window_ms is None else window_ms * NS_PER_MS
    return format_countdown(left_ms * NS_PER_MS, window)


def driver_view(
    stage: Stage,
    screen: Screen,
    *,
    target: Countdown | None,
    pace: PaceReading | None = None,
    average: AverageView | None = None,
) -> DriverView:
    """The driver's view of `screen` (the stage window's), with the core's countdown (`target`:
    what it runs to) and, in an average trial, the core's pacer reading (`pace`) or the
    average already worked out with the car's distance (`average`, from `average_view`)."""
    if average is None and pace is not None:
        average = average_from_pace(pace)
    countdown = screen.countdown
    ended = screen.ended
    target_id = None
    left_ms = None
    window_ms = None
    kind = None
    if target is not None and countdown.left_ns is not None and not ended:
        target_id = f"{target.section}/{target.line}/{screen.t_ns + target.remaining_ns}"
        left_ms = countdown.left_ns // NS_PER_MS
        window_ms = None if target.window_ns is None else target.window_ns // NS_PER_MS
        kind = target.kind.value
    if screen.armed is not None and kind is None:
        section = next((s for s in stage.sections if s.id == screen.armed[0]), None)
        if section is not None:
            kind = section.kind.value
    return DriverView(
        t_ns=screen.t_ns,
        stage=stage.name,
        armed_label=countdown.target_label or countdown.hint,
        target_id=target_id,
        left_ms=left_ms,
        kind=kind,
        last_label=countdown.last_label,
        last_deviation_ms=countdown.last_deviation_ms,
        last_points=countdown.last_penalty,
        last_note=countdown.last_note,
        total_label=countdown.total_label,
        total=countdown.total,
        average=None if ended else average,
        ended=ended,
        window_ms=window_ms,
    )


def view_json(view: DriverView) -> dict[str, Any]:
    """The page's feed: a `DriverView` as JSON values (numbers as integers or exact strings)."""
    last: dict[str, Any] | None = None
    if view.last_label:
        deviation = view.last_deviation_ms
        last = {
            "label": view.last_label,
            "deviation_ms": deviation,
            "deviation": None if deviation is None else format_signed_deviation(deviation),
            "points": None if view.last_points is None else format_points(view.last_points),
            "note": view.last_note,
            "tone": view.last_tone.value,
        }
    average: dict[str, Any] | None = None
    if view.average is not None:
        a = view.average
        average = {
            "speed_kmh": str(a.speed_kmh),
            "ideal_km": None if a.ideal_m is None else format_km(a.ideal_m),
            "next_change_km": None if a.next_change_m is None else format_km(a.next_change_m),
            "next_speed_kmh": None if a.next_speed_kmh is None else str(a.next_speed_kmh),
            "next_in_ms": a.next_in_ms,
            "ahead_ms": a.ahead_ms,
            "ahead_m": a.ahead_m,
            "hold_kmh": None if a.hold_kmh is None else str(a.hold_kmh),
            "car_km": None if a.car_m is None else format_km(a.car_m),
            "distance_live": a.distance_live,
            "distance_age_ms": a.distance_age_ms,
            "distance_source": a.distance_source,
        }
    target: dict[str, Any] | None = None
    if view.target_id is not None and view.left_ms is not None:
        target = {
            "id": view.target_id,
            "left_ms": view.left_ms,
            "left": format_left_ms(view.left_ms, view.window_ms),
            "window_ms": view.window_ms,
            "tone": view.left_tone().value,
        }
    return {
        "v": FEED_VERSION,
        "stage": view.stage,
        "t_ns": view.t_ns,
        "armed": view.armed_label,
        "kind": view.kind,
        "target": target,
        "last": last,
        "total": None
        if view.total is None
        else {"label": view.total_label, "points": format_points(view.total)},
        "average": average,
        "ended": view.ended,
        "thresholds": {
            "warn_ms": WARN_NS // NS_PER_MS,
            "near_ms": NEAR_NS // NS_PER_MS,
            "exact_ms": EXACT_MS,
        },
    }
