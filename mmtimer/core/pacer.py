"""The pacer of an average-speed trial: where the car should be now, and how far it is off.

From the trial's start (an official time, or the navigator's press with ``start = "press"``) and
its speed table, `Schedule` gives the ideal distance at any instant and the ideal time at any
distance, exactly (Fractions: no float of seconds is ever added). `pace` turns that, with the
car's distance when one is known, into what the window shows: the ideal distance to the metre,
the imposed average now, the next change (at what km, in how many metres and seconds), and
ahead/behind in seconds and metres with the speed to hold to be on time at the next change.

Signs follow scoring (FORMATS.md section 3): a deviation is late positive. `gap_m` is the car's
distance minus the ideal distance: positive when the car is ahead of the schedule.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from mmtimer.core.clock import DAY_NS
from mmtimer.core.stage import AverageTrial

START_EVENT = "start"
"""The log event of the navigator's press at the start marker of a ``start = "press"`` trial:
``{"type": "start", "seq": .., "t_ns": .., "section": "PM1", "source": "key:Space"}``. The last
one of a section counts (press again to redo it); readers that do not know it skip it."""

NS_PER_KMH_METRE = 3_600_000_000
"""Covering 1 m at 1 km/h takes 3.6 s: ideal ns = metres * 3.6e9 / kmh."""


@dataclass(frozen=True, slots=True)
class Leg:
    """One stretch of the speed table: from `from_m` (to the next leg's start) at `kmh`, which
    the ideal car reaches `from_ns` after the start."""

    from_m: int
    kmh: Decimal
    from_ns: Fraction
    ns_per_m: Fraction = Fraction(0)
    """The exact time one metre takes at `kmh` (set by Schedule: Fraction(Decimal) is slow)."""


class Schedule:
    """The ideal motion of an average trial: distance <-> elapsed time since its start, exact.

    `end_m` is where the trial ends for the pacer: its last check (or a later speed change or
    landmark). Past it the last average holds on.
    """

    __slots__ = ("_from_m", "_from_ns", "end_m", "legs", "section")

    def __init__(self, section: AverageTrial) -> None:
        self.section = section
        legs: list[Leg] = []
        elapsed = Fraction(0)
        for index, (from_m, kmh) in enumerate(section.speeds):
            if index:
                previous = section.speeds[index - 1]
                elapsed += Fraction((from_m - previous[0]) * NS_PER_KMH_METRE) / Fraction(
                    previous[1]
                )
            legs.append(Leg(from_m, kmh, elapsed, NS_PER_KMH_METRE / Fraction(kmh)))
        self.legs = tuple(legs)
        self._from_m = [leg.from_m for leg in legs]
        self._from_ns = [leg.from_ns for leg in legs]
        landmarks = [metres for metres, _ in section.landmarks]
        self.end_m = max([*section.checks_m, legs[-1].from_m, *landmarks])

    def leg_at_m(self, metres: Fraction | int) -> Leg:
        """The leg whose average applies at distance `metres` (a change point starts its leg)."""
        index = max(bisect.bisect_right(self._from_m, metres) - 1, 0)
        return self.legs[index]

    def leg_at_ns(self, elapsed_ns: Fraction | int) -> Leg:
        index = max(bisect.bisect_right(self._from_ns, elapsed_ns) - 1, 0)
        return self.legs[index]

    def elapsed_ns(self, metres: Fraction | int) -> Fraction:
        """Exact ideal time from the start to `metres` (0 at or before the start)."""
        if metres <= 0:
            return Fraction(0)
        leg = self.leg_at_m(metres)
        return leg.from_ns + (metres - leg.from_m) * leg.ns_per_m

    def distance_m(self, elapsed_ns: Fraction | int) -> Fraction:
        """Exact ideal distance `elapsed_ns` after the start (0 before it)."""
        if elapsed_ns <= 0:
            return Fraction(0)
        leg = self.leg_at_ns(elapsed_ns)
        return leg.from_m + (elapsed_ns - leg.from_ns) / leg.ns_per_m

    def next_change_m(self, metres: Fraction | int) -> int | None:
        """The first speed change strictly after `metres`, or None after the last one."""
        index = bisect.bisect_right(self._from_m, metres)
        return self._from_m[index] if index < len(self._from_m) else None


@dataclass(frozen=True, slots=True)
class NextChange:
    """The next point where the imposed average changes (or, after the last change, the end of
    the trial: `kmh_after` None). `in_m` from the car (or from the ideal car without a distance);
    `in_ns` until the ideal car gets there."""

    at_m: int
    kmh_after: Decimal | None
    in_m: int
    in_ns: int


@dataclass(frozen=True, slots=True)
class PaceReading:
    """What the pacer shows at one instant.

    - `elapsed_ns`: since the start (negative before it; then the ideal car waits at 0).
    - `ideal_m`: the ideal distance, floored to the metre.
    - `kmh`: the imposed average at the car's distance (the ideal car's without one).
    - `car_m`: the car's distance in metres (None without a distance source).
    - `deviation_ns`: time now minus the ideal time at the car's distance: late positive.
    - `gap_m`: car distance minus ideal distance: ahead positive.
    - `hold_kmh`: the average to hold from here to be on time at the next change (None once the
      car can no longer make it: its ideal time there has passed).
    """

    section: str
    elapsed_ns: int
    ideal_m: int
    kmh: Decimal
    next_change: NextChange | None
    car_m: int | None = None
    deviation_ns: int | None = None
    gap_m: int | None = None
    hold_kmh: Decimal | None = None

    @property
    def started(self) -> bool:
        return self.elapsed_ns >= 0

    @property
    def finished(self) -> bool:
        """The reference car (the real one if known) is at or past the trial's end."""
        return self.next_change is None


def elapsed_since(start_official_ns: int, official_ns: int) -> int:
    """Official time `official_ns` minus the start, across midnight (within half a day)."""
    delta = (official_ns - start_official_ns) % DAY_NS
    return delta - DAY_NS if delta >= DAY_NS // 2 else delta


def _floor(value: Fraction | int) -> int:
    return value.numerator // value.denominator


def _round(value: Fraction | int) -> int:
    """To the nearest whole number, halves up (floor of value + 1/2, without a new Fraction)."""
    return (2 * value.numerator + value.denominator) // (2 * value.denominator)


def pace(
    schedule: Schedule,
    elapsed_ns: int,
    car_m: Fraction | int | None = None,
) -> PaceReading:
    """The pacer at `elapsed_ns` after the start, with the car at `car_m` metres if known."""
    ideal = schedule.distance_m(elapsed_ns)
    reference = ideal if car_m is None else car_m
    leg = schedule.leg_at_m(reference)
    change_m = schedule.next_change_m(reference)
    next_change: NextChange | None = None
    target_m: int | None = None
    left_ns = Fraction(0)  # the ideal car's time to target_m
    if change_m is not None:
        target_m = change_m
        kmh_after: Decimal | None = schedule.leg_at_m(change_m).kmh
    elif reference < schedule.end_m:
        target_m = schedule.end_m
        kmh_after = None
    since_start = max(elapsed_ns, 0)
    if target_m is not None:
        left_ns = schedule.elapsed_ns(target_m) - since_start
        next_change = NextChange(target_m, kmh_after, _floor(target_m - reference), _round(left_ns))
    if car_m is None:
        return PaceReading(schedule.section.id, elapsed_ns, _floor(ideal), leg.kmh, next_change)
    deviation = since_start - schedule.elapsed_ns(car_m)
    hold: Decimal | None = None
    if target_m is not None and left_ns > 0:
        kmh = (target_m - car_m) * NS_PER_KMH_METRE / left_ns
        hold = (Decimal(_round(kmh * 10)) / 10).quantize(Decimal("0.1"))
    return PaceReading(
        schedule.section.id,
        elapsed_ns,
        _floor(ideal),
        leg.kmh,
        next_change,
        _floor(car_m),
        _round(deviation),
        _round(car_m - ideal),
        hold,
    )


__all__ = ("Leg", "NextChange", "PaceReading", "Schedule", "elapsed_since", "pace")
