"""The pacer's view-model: every text the pacer panel shows at one instant, Qt-free.

`pacer_view` takes the armed average trial's schedule, the time since its start (None before a
sync or before the start press), the car's distance (core.distance.CarDistance, None without a
source) and the GPS fix state, and decides every text: the ideal distance to the metre, the
imposed average, the next change (where, in how many metres and seconds), the car's distance,
ahead/behind in seconds and metres, the speed to hold to be on time at the next change, and the
distance source's state. The window and a replay hand it the same inputs (the odometer folded
from the same log events), so they show the same.

A distance that is not live (GPS lost, or only a confirmed landmark) is never shown as the car's
distance now: it is labelled with its age, ahead/behind is worked out at the instant it was read
(and says so), and no speed to hold is given from it.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from mmtimer.core.clock import NS_PER_MS, OfficialTime, SyncPoint
from mmtimer.core.distance import DISTANCE_EVENT, MM_PER_M, CarDistance, Odometer
from mmtimer.core.events import Event, Other, Sync
from mmtimer.core.gps import FixState
from mmtimer.core.pacer import START_EVENT, PaceReading, Schedule, elapsed_since, pace
from mmtimer.core.rules import RuleSet
from mmtimer.core.scoring import press_start_ns
from mmtimer.core.stage import AverageTrial, Stage
from mmtimer.core.timefmt import format_km

NS_PER_S = 1_000_000_000
ON_TIME_NS = NS_PER_S
"""Within a second of the ideal, the car is on time (green)."""


class PacerTone(enum.Enum):
    """What ahead/behind means, hence its colour."""

    NEUTRAL = "neutral"
    ON_TIME = "on-time"
    EARLY = "early"
    LATE = "late"


@dataclass(frozen=True, slots=True)
class PacerView:
    """The pacer's texts (empty where nothing is to be shown) and the tone of ahead/behind.

    `live`: the car's distance is a fresh GPS reading (else it is greyed, with its age).
    """

    title: str
    ideal_km: str
    ideal_label: str
    average: str
    next_change: str = ""
    car_km: str = ""
    car_label: str = ""
    delta_s: str = ""
    delta_m: str = ""
    hold: str = ""
    source: str = ""
    tone: PacerTone = PacerTone.NEUTRAL
    live: bool = False
    reading: PaceReading | None = None


def format_span(ns: int) -> str:
    """A duration for the pacer: ``42 s``, ``3:07``, ``1:02:07`` (whole seconds, floored)."""
    seconds = max(ns, 0) // NS_PER_S
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}" if minutes else f"{seconds} s"


def format_kmh(kmh: Decimal) -> str:
    return f"{kmh} km/h"


def format_deviation(deviation_ns: int) -> str:
    """``3.2 s late``, ``1.5 s early`` (tenths, cut), ``on time`` under a tenth."""
    tenths = abs(deviation_ns) // (NS_PER_S // 10)
    if tenths == 0:
        return "on time"
    return f"{tenths // 10}.{tenths % 10} s {'late' if deviation_ns > 0 else 'early'}"


def deviation_tone(deviation_ns: int) -> PacerTone:
    if abs(deviation_ns) < ON_TIME_NS:
        return PacerTone.ON_TIME
    return PacerTone.LATE if deviation_ns > 0 else PacerTone.EARLY


def source_text(car: CarDistance | None, fix: FixState | None, *, gps_on: bool) -> str:
    """What feeds the car's distance, and how fresh it is."""
    if not gps_on:
        if car is None:
            return "no distance source: compare with the trip meter (K: confirm a landmark)"
        return f"distance from a landmark {format_span(car.age_ns)} ago; GPS off"
    if fix is None or fix.age_ns is None:
        return "GPS: waiting for a fix"
    sats = "" if fix.sats is None else f", {fix.sats} satellites"
    rejected = f", {fix.rejected} rejected" if fix.rejected else ""
    if not fix.good:
        return f"GPS: no fix for {format_span(fix.age_ns)}{sats}: distance not live"
    return f"GPS: last fix {fix.age_ns / NS_PER_S:.1f} s ago{sats}{rejected}"


def waiting_view(schedule: Schedule, hint: str) -> PacerView:
    """The pacer before it can run (no sync yet, or no start press yet)."""
    return PacerView(
        title=f"{schedule.section.id} · average trial",
        ideal_km="-.---",
        ideal_label=hint,
        average=format_kmh(schedule.legs[0].kmh),
    )


def car_pace(
    schedule: Schedule, elapsed_ns: int, car: CarDistance | None
) -> tuple[PaceReading, PaceReading | None, bool]:
    """The pacer's readings `elapsed_ns` after the start: what to show now (the car's reading
    while its distance is live, else the ideal car's), the car's (None without a distance) and
    whether it is live. A distance that is not live is compared with the ideal at the instant
    it was read (`car.age_ns` ago), never with the ideal now: the pacer panel and the driver's
    displays both take it from here. With a live distance that is one reading, not two: its
    ideal distance is the ideal car's now."""
    if car is None:
        return pace(schedule, elapsed_ns), None, False
    if car.live:
        reading = pace(schedule, elapsed_ns, car.mm // MM_PER_M)
        return reading, reading, True
    then = pace(schedule, elapsed_ns - car.age_ns, car.mm // MM_PER_M)
    return pace(schedule, elapsed_ns), then, False


def pacer_view(
    schedule: Schedule,
    elapsed_ns: int,
    car: CarDistance | None = None,
    fix: FixState | None = None,
    *,
    gps_on: bool = False,
) -> PacerView:
    """The pacer `elapsed_ns` after the trial's start (negative before it)."""
    title = f"{schedule.section.id} · average trial"
    shown, car_reading, live = car_pace(schedule, elapsed_ns, car)
    ideal = shown  # its ideal distance is the ideal car's now, live or not
    change = shown.next_change
    if change is None:
        next_text = "end of the trial"
    else:
        what = "end" if change.kmh_after is None else format_kmh(change.kmh_after)
        next_text = (
            f"{what} at km {format_km(change.at_m)}: in {change.in_m} m, "
            f"{format_span(change.in_ns)}"
        )
    ideal_label = "ideal" if elapsed_ns >= 0 else f"start in {format_span(-elapsed_ns)}"
    view = PacerView(
        title=title,
        ideal_km=format_km(ideal.ideal_m),
        ideal_label=ideal_label,
        average=format_kmh(shown.kmh),
        next_change=next_text,
        source=source_text(car, fix, gps_on=gps_on),
        live=live,
        reading=car_reading or ideal,
    )
    if car is None or car_reading is None or car_reading.deviation_ns is None:
        return view
    deviation = car_reading.deviation_ns
    gap = car_reading.gap_m or 0
    delta_s = format_deviation(deviation)
    delta_m = f"{abs(gap)} m {'ahead' if gap >= 0 else 'behind'}"
    if live:
        car_label = "car · GPS"
        hold = ""
        if car_reading.hold_kmh is not None and change is not None:
            hold = f"hold {format_kmh(car_reading.hold_kmh)}"  # to the next change, below
    else:
        what = "landmark" if car.source == "landmark" else car.source
        if car.source == "gps":
            what = "GPS lost"
        car_label = f"car · {what} {format_span(car.age_ns)} ago"
        delta_s = f"{delta_s} then"
        hold = ""
    return PacerView(
        title=view.title,
        ideal_km=view.ideal_km,
        ideal_label=view.ideal_label,
        average=view.average,
        next_change=view.next_change,
        car_km=format_km(car.mm // MM_PER_M),
        car_label=car_label,
        delta_s=delta_s,
        delta_m=delta_m,
        hold=hold,
        source=view.source,
        tone=deviation_tone(deviation) if live else PacerTone.NEUTRAL,
        live=live,
        reading=car_reading,
    )


__all__ = (
    "ChannelPoint",
    "DistanceChannel",
    "PacerTone",
    "PacerView",
    "car_pace",
    "deviation_tone",
    "distance_channels",
    "format_deviation",
    "format_span",
    "pacer_view",
    "source_text",
    "waiting_view",
)


@dataclass(frozen=True, slots=True)
class ChannelPoint:
    """One `distance` reading of a trial as the car showed it: `t_ns` (log instant), seconds
    since the trial's start, the car's and the ideal distance (m), and ahead/behind (s, late
    positive, as scoring signs it)."""

    t_ns: int
    elapsed_s: float
    car_m: float
    ideal_m: float
    deviation_s: float


@dataclass(frozen=True, slots=True)
class DistanceChannel:
    """The distance channel of one average trial in a log, for the replay's plot."""

    section: str
    start_t_ns: int  # the log instant of the trial's start (elapsed 0)
    points: tuple[ChannelPoint, ...]

    def elapsed_s(self, t_ns: int) -> float:
        return (t_ns - self.start_t_ns) / NS_PER_S


def distance_channels(
    stage: Stage, rules: RuleSet, events: Sequence[Event]
) -> tuple[DistanceChannel, ...]:
    """Every average trial's distance readings in the log, folded by the same Odometer as the
    window, with the ideal and ahead/behind at each (only trials started and synced)."""
    official = OfficialTime()
    starts: dict[str, int] = {}
    odometers = {s.id: Odometer(s.id) for s in stage.sections if isinstance(s, AverageTrial)}
    trials = {s.id: s for s in stage.sections if isinstance(s, AverageTrial)}
    points: dict[str, list[ChannelPoint]] = {sid: [] for sid in trials}
    origin: dict[str, int] = {}
    for event in events:
        if isinstance(event, Sync):
            official.add(SyncPoint(event.t_ns, event.official_ms * NS_PER_MS))
            continue
        if not isinstance(event, Other) or event.t_ns is None:
            continue
        if event.type == START_EVENT and isinstance(event.data.get("section"), str):
            starts[event.data["section"]] = event.t_ns
            continue
        for odometer in odometers.values():
            odometer.apply_event(event)
        section_id = event.data.get("section")
        if event.type != DISTANCE_EVENT or section_id not in trials:
            continue
        trial = trials[section_id]
        now = official.official_ns(event.t_ns)
        if now is None:
            continue
        if trial.start_press:
            started = starts.get(trial.id)
            start_official = (
                None if started is None else press_start_ns(started, official, rules.average)
            )
        else:
            start_official = trial.start_ms * NS_PER_MS
        car = odometers[trial.id].at(event.t_ns)
        if start_official is None or car is None:
            continue
        elapsed = elapsed_since(start_official, now)
        schedule = Schedule(trial)
        reading = pace(schedule, elapsed, car.mm // MM_PER_M)
        origin.setdefault(trial.id, event.t_ns - elapsed)
        points[trial.id].append(
            ChannelPoint(
                event.t_ns,
                elapsed / NS_PER_S,
                car.mm / MM_PER_M,
                float(schedule.distance_m(elapsed)),
                (reading.deviation_ns or 0) / NS_PER_S,
            )
        )
    return tuple(
        DistanceChannel(sid, origin[sid], tuple(found)) for sid, found in points.items() if found
    )
