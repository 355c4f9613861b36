"""What the driver sees: the countdown to the next target, the armed line, the last deviation and,
in an average trial, the imposed average (and ahead/behind once the car's distance is known).

Qt-free and clock-free like the core (it moves into mmtimer/present/ with the screen model): the
driver window and the driver page both render a `DriverView`, and `view_json` gives the page's
feed as plain JSON values. The countdown is given as the time left at the view's instant plus an
identity of its target (``target_id``: section, line and the target's log instant), so a view
that draws with its own clock (the phone page) can tell a new target from the same one seen again.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from mmtimer.core.clock import NS_PER_MS
from mmtimer.core.csvout import format_deviation_s, format_number
from mmtimer.core.pacer import PaceReading
from mmtimer.core.session import Countdown
from mmtimer.core.stage import Stage
from mmtimer.core.timefmt import format_km

FEED_VERSION = 1
WARN_MS = 10_000  # the countdown turns amber 10 s before the target (as the stage window's)
NEAR_MS = 5_000  # and red through the beeps
EXACT_MS = 10  # a deviation under 1/100 s shows as 0.00: exact


class CountdownLike(Protocol):
    """What the driver view takes from the stage window's countdown readout (its
    ``CountdownState``): the same words, so both windows agree."""

    @property
    def target_label(self) -> str: ...
    @property
    def left_ns(self) -> int | None: ...
    @property
    def last_label(self) -> str: ...
    @property
    def last_deviation_ms(self) -> int | None: ...
    @property
    def last_penalty(self) -> Decimal | None: ...
    @property
    def last_note(self) -> str: ...
    @property
    def total(self) -> Decimal | None: ...
    @property
    def total_label(self) -> str: ...


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


def average_from_pace(reading: PaceReading) -> AverageView:
    """The driver's part of a pacer reading."""
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

    @property
    def last_tone(self) -> str:
        """``early`` (blue), ``late`` (red), ``exact`` (green) or ``idle`` (not measured)."""
        return deviation_tone(self.last_deviation_ms)

    def left_tone(self, left_ms: int | None = None) -> str:
        """The countdown's tone at `left_ms` (default: at the view's instant)."""
        return left_tone(self.left_ms if left_ms is None else left_ms)


def deviation_tone(deviation_ms: int | None) -> str:
    """The tone of a deviation, as the stage window colours it."""
    if deviation_ms is None:
        return "idle"
    if abs(deviation_ms) < EXACT_MS:
        return "exact"
    return "late" if deviation_ms > 0 else "early"


def left_tone(left_ms: int | None) -> str:
    """The countdown's tone: amber from 10 s before the target, red from 5 s and after it."""
    if left_ms is None:
        return "idle"
    if left_ms <= 0:
        return "overdue"
    if left_ms <= NEAR_MS:
        return "near"
    if left_ms <= WARN_MS:
        return "warn"
    return "normal"


def format_left_ms(left_ms: int) -> str:
    """Time left to 1/100 s as the stage window shows it: ``12.34``, ``1:02.50``; past the
    target ``+0.12``. Before the target the hundredths round up (``0.00`` exactly at it)."""
    if left_ms > 0:
        cs = -(-left_ms // 10)
        sign = ""
    else:
        cs = -left_ms // 10
        sign = "+" if cs else ""
    seconds, hundredths = divmod(cs, 100)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}.{hundredths:02d}"
    if minutes:
        return f"{sign}{minutes}:{seconds:02d}.{hundredths:02d}"
    return f"{sign}{seconds}.{hundredths:02d}"


def format_deviation(deviation_ms: int) -> str:
    """Signed seconds to 1/100, cut toward zero as the CSV writes them: ``+0.37``, ``0.00``."""
    text = format_deviation_s(deviation_ms)
    return text if text.startswith("-") or text == "0.00" else f"+{text}"


def format_points(value: Decimal) -> str:
    """Penalty points without needless zeros: ``37``, ``1.5``."""
    text = format_number(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def driver_view(
    stage: Stage,
    countdown: CountdownLike,
    *,
    t_ns: int,
    armed: tuple[str, int] | None,
    target: Countdown | None,
    pace: PaceReading | None = None,
    ended: bool,
) -> DriverView:
    """The driver's view at `t_ns`, from the stage window's countdown readout (its words and
    tones), the core's countdown (`target`: what it runs to) and, in an average trial, the
    core's pacer reading."""
    target_id = None
    left_ms = None
    kind = None
    if target is not None and countdown.left_ns is not None:
        target_id = f"{target.section}/{target.line}/{t_ns + target.remaining_ns}"
        left_ms = _floor_ms(countdown.left_ns)
        kind = target.kind.value
    if armed is not None and not ended and kind is None:
        section = next((s for s in stage.sections if s.id == armed[0]), None)
        if section is not None:
            kind = section.kind.value
    average = None if pace is None or ended else average_from_pace(pace)
    return DriverView(
        t_ns=t_ns,
        stage=stage.name,
        armed_label=countdown.target_label,
        target_id=target_id,
        left_ms=left_ms,
        kind=kind,
        last_label=countdown.last_label,
        last_deviation_ms=countdown.last_deviation_ms,
        last_points=countdown.last_penalty,
        last_note=countdown.last_note,
        total_label=countdown.total_label,
        total=countdown.total,
        average=average,
        ended=ended,
    )


def _floor_ms(ns: int) -> int:
    return ns // NS_PER_MS


def view_json(view: DriverView) -> dict[str, Any]:
    """The page's feed: a `DriverView` as JSON values (numbers as integers or exact strings)."""
    last: dict[str, Any] | None = None
    if view.last_label:
        deviation = view.last_deviation_ms
        last = {
            "label": view.last_label,
            "deviation_ms": deviation,
            "deviation": None if deviation is None else format_deviation(deviation),
            "points": None if view.last_points is None else format_points(view.last_points),
            "note": view.last_note,
            "tone": view.last_tone,
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
        }
    return {
        "v": FEED_VERSION,
        "stage": view.stage,
        "t_ns": view.t_ns,
        "armed": view.armed_label,
        "kind": view.kind,
        "target": None
        if view.target_id is None or view.left_ms is None
        else {
            "id": view.target_id,
            "left_ms": view.left_ms,
            "left": format_left_ms(view.left_ms),
            "tone": view.left_tone(),
        },
        "last": last,
        "total": None
        if view.total is None
        else {"label": view.total_label, "points": format_points(view.total)},
        "average": average,
        "ended": view.ended,
        "thresholds": {"warn_ms": WARN_MS, "near_ms": NEAR_MS, "exact_ms": EXACT_MS},
    }
