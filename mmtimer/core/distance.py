"""The car's distance in an average trial, folded from the log's `distance` and `calibrate` events.

One interface for every source (FORMATS.md section 6): a source reads metres from the trial's
start (`gps`: the GPS track folded by core.gps, before the factor; `landmark`: the road book's km
the navigator confirmed or typed; `reset`: the start), and `Odometer` folds those readings with
the calibration factor into the distance the window shows. The live window records an event and
folds it; a replay folds the same events: so a replay shows exactly what the car showed.

- A `gps` reading is the receiver's count from the trial's start (the window starts it again at
  each `reset`); it moves the distance on by (reading - reading at the last anchor) x factor.
- A `landmark` reading sets the distance to the road book's; later `gps` readings count on from
  it. A `reset` (the trial's start, normally 0 m) does the same and starts the gps count at 0.
- `calibrate`: from here on measured distances are multiplied by `factor` (the distance so far is
  kept; only what is measured after it is scaled).

Distances inside are integer millimetres (the log writes metres with at most 3 decimals, read as
decimals); the factor is an exact Decimal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from mmtimer.core.errors import QT_TRANSLATE_NOOP, MessageError, Number, Text
from mmtimer.core.events import Event, Other
from mmtimer.core.gps import REJECTED, Fix, GpsTrack
from mmtimer.core.timefmt import format_km

DISTANCE_EVENT = "distance"
CALIBRATE_EVENT = "calibrate"
FIX_EVENT = "fix"
DistanceSource = Literal["gps", "landmark", "reset"]
SOURCES: tuple[DistanceSource, ...] = ("gps", "landmark", "reset")
MM_PER_M = 1000
NS_PER_S = 1_000_000_000
MIN_FACTOR = Decimal("0.5")
MAX_FACTOR = Decimal("2")
"""A calibration outside 0.5..2 is a mistake (a km typed as metres), not a tyre."""

EXTRAPOLATE_NS = 2 * NS_PER_S
"""How long after a gps reading the distance is carried on at the measured rate (a 1 Hz receiver
steps 14 m at 50 km/h; the readout stays calm). Past that it holds, and the window says stale."""
RATE_WINDOW_NS = NS_PER_S
"""The rate is taken over at least this long (integer readings at 10 Hz are too coarse alone)."""


class DistanceEventError(MessageError):
    """A distance or calibrate event whose fields are not of the form; the message says which."""


def _decimal(value: Any, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise DistanceEventError(
            Text(QT_TRANSLATE_NOOP("Errors", "%1 %2 is not a number"), what, repr(value))
        )
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        raise DistanceEventError(
            Text(QT_TRANSLATE_NOOP("Errors", "%1 %2 is not a number"), what, repr(value))
        ) from None
    if not number.is_finite():
        raise DistanceEventError(
            Text(QT_TRANSLATE_NOOP("Errors", "%1 %2 is not a number"), what, repr(value))
        )
    return number


def metres_to_mm(value: Any) -> int:
    """A log's `m` (a number or a decimal string of metres) -> integer mm (rounded)."""
    return int((_decimal(value, "m") * MM_PER_M).to_integral_value())


def mm_to_json(mm: int) -> int | float:
    """Integer mm -> the number the log writes (metres; whole metres as an integer)."""
    return mm // MM_PER_M if mm % MM_PER_M == 0 else mm / MM_PER_M


def check_factor(factor: Decimal) -> Decimal:
    """`factor` if it is a believable calibration, else DistanceEventError saying why."""
    if not factor.is_finite() or not MIN_FACTOR <= factor <= MAX_FACTOR:
        raise DistanceEventError(
            Text(
                QT_TRANSLATE_NOOP(
                    "Errors", "a calibration factor must be between %1 and %2, not %3"
                ),
                Number(str(MIN_FACTOR)),
                Number(str(MAX_FACTOR)),
                factor,
            )
        )
    return factor


def distance_data(section: str, mm: int, source: DistanceSource) -> dict[str, Any]:
    """The fields of a `distance` event (an `Other` event's data)."""
    return {"section": section, "m": mm_to_json(mm), "source": source}


def calibrate_data(factor: Decimal, reason: str) -> dict[str, Any]:
    """The fields of a `calibrate` event: the factor is written as a decimal string."""
    return {"factor": str(check_factor(factor)), "reason": reason}


@dataclass(frozen=True, slots=True)
class DistanceReading:
    """One `distance` event: at `t_ns`, the source read `mm` from the trial's start."""

    t_ns: int
    mm: int
    source: DistanceSource
    section: str | None = None


@dataclass(frozen=True, slots=True)
class Calibration:
    """One `calibrate` event: from `t_ns` on, measured distances are multiplied by `factor`."""

    t_ns: int
    factor: Decimal
    reason: str = ""


OdometerEvent = DistanceReading | Calibration


def odometer_event(event: Event) -> OdometerEvent | None:
    """The odometer's view of a log event: a reading, a calibration, or None for any other.

    DistanceEventError if it is a distance/calibrate event whose fields are wrong.
    """
    if not isinstance(event, Other) or event.type not in (DISTANCE_EVENT, CALIBRATE_EVENT):
        return None
    if event.t_ns is None:
        raise DistanceEventError(
            Text(QT_TRANSLATE_NOOP("Errors", "a %1 event needs t_ns"), event.type)
        )
    data = event.data
    if event.type == DISTANCE_EVENT:
        source = data.get("source")
        if source not in SOURCES:
            raise DistanceEventError(
                Text(
                    QT_TRANSLATE_NOOP("Errors", "source %1 is not one of %2"),
                    repr(source),
                    ", ".join(SOURCES),
                )
            )
        if "m" not in data:
            raise DistanceEventError(
                QT_TRANSLATE_NOOP(
                    "Errors", "a distance event needs m (metres from the trial's start)"
                )
            )
        mm = metres_to_mm(data["m"])
        if mm < 0:
            raise DistanceEventError(
                Text(QT_TRANSLATE_NOOP("Errors", "m %1 is negative"), repr(data["m"]))
            )
        section = data.get("section")
        if section is not None and not isinstance(section, str):
            raise DistanceEventError(
                Text(QT_TRANSLATE_NOOP("Errors", "section %1 is not text"), repr(section))
            )
        checked: DistanceSource = source
        return DistanceReading(event.t_ns, mm, checked, section)
    if "factor" not in data:
        raise DistanceEventError(QT_TRANSLATE_NOOP("Errors", "a calibrate event needs factor"))
    reason = data.get("reason", "")
    return Calibration(
        event.t_ns,
        check_factor(_decimal(data["factor"], "factor")),
        reason if isinstance(reason, str) else str(reason),
    )


@dataclass(frozen=True, slots=True)
class CarDistance:
    """The car's distance at one instant, and how much to trust it.

    - `mm`: the distance (carried on at the measured rate for up to 2 s after a gps reading).
    - `source`: what set it last (`gps`, `landmark`, `reset`).
    - `age_ns`: since the reading it comes from.
    - `live`: a gps reading fresh enough (within `stale_ns`) to show as the car's distance now;
      otherwise the value is what the car had at its reading, `age_ns` ago.
    """

    mm: int
    source: DistanceSource
    age_ns: int
    live: bool
    factor: Decimal

    @property
    def m(self) -> int:
        return self.mm // MM_PER_M


class Odometer:
    """Folds `distance` and `calibrate` events (in log order) into the car's distance.

    Readings of another section than `section` (when given) are ignored; events must come with
    rising `t_ns` (the log's order).
    """

    __slots__ = (
        "_anchor_mm",
        "_anchor_raw_mm",
        "_readings",
        "factor",
        "last",
        "last_raw_mm",
        "section",
        "shown_mm",
    )

    def __init__(self, section: str | None = None, factor: Decimal = Decimal(1)) -> None:
        self.section = section
        self.factor = factor
        self._anchor_mm = 0  # shown distance at the last anchor (landmark, reset, calibration)
        self._anchor_raw_mm = 0  # the gps reading at that anchor
        self.last_raw_mm: int | None = None  # the latest gps reading (None before one)
        self.shown_mm: int | None = None  # the distance as of the latest reading
        self.last: DistanceReading | None = None
        self._readings: list[tuple[int, int]] = []  # recent (t_ns, shown mm) of gps readings

    def copy(self) -> Odometer:
        other = Odometer(self.section, self.factor)
        other._anchor_mm = self._anchor_mm
        other._anchor_raw_mm = self._anchor_raw_mm
        other.last_raw_mm = self.last_raw_mm
        other.shown_mm = self.shown_mm
        other.last = self.last
        other._readings = self._readings.copy()
        return other

    def _scaled(self, raw_mm: int) -> int:
        scaled = Decimal(raw_mm - self._anchor_raw_mm) * self.factor
        return self._anchor_mm + int(scaled.to_integral_value())

    def apply(self, event: OdometerEvent) -> None:
        if isinstance(event, Calibration):
            if self.shown_mm is not None:
                self._anchor_mm = self.shown_mm
            if self.last_raw_mm is not None:
                self._anchor_raw_mm = self.last_raw_mm
            self.factor = event.factor
            return
        if self.section is not None and event.section not in (None, self.section):
            return
        if event.source == "gps":
            self.last_raw_mm = event.mm
            self.shown_mm = self._scaled(event.mm)
            self._readings.append((event.t_ns, self.shown_mm))
            cutoff = event.t_ns - 4 * RATE_WINDOW_NS
            while len(self._readings) > 2 and self._readings[1][0] <= cutoff:
                del self._readings[0]
        elif event.source == "reset":  # the trial's start: the gps count starts again at 0
            self._anchor_mm = event.mm
            self._anchor_raw_mm = 0
            self.last_raw_mm = None
            self.shown_mm = event.mm
            self._readings.clear()
        else:  # a landmark: the distance is the road book's; the gps count carries on from it
            self._anchor_mm = event.mm
            self._anchor_raw_mm = self.last_raw_mm if self.last_raw_mm is not None else 0
            self.shown_mm = event.mm
            self._readings.clear()
        self.last = event

    def fold(self, events: Iterable[Event]) -> Odometer:
        """Take every event in turn; a malformed distance or calibrate event is skipped (the log
        reader reports it, naming its line)."""
        for event in events:
            self.apply_event(event)
        return self

    def apply_event(self, event: Event) -> bool:
        """Take one log event if it is the odometer's; whether it changed anything."""
        try:
            parsed = odometer_event(event)
        except DistanceEventError:
            return False
        if parsed is None:
            return False
        self.apply(parsed)
        return True

    def rate_mm_per_s(self) -> int | None:
        """The gps distance rate over about the last second (None with fewer than two)."""
        if len(self._readings) < 2:
            return None
        t_last, mm_last = self._readings[-1]
        t_ns, mm = self._readings[0]
        for earlier in reversed(self._readings[:-1]):
            t_ns, mm = earlier
            if t_last - t_ns >= RATE_WINDOW_NS:
                break
        if t_last - t_ns <= 0 or t_last - t_ns > 4 * RATE_WINDOW_NS:
            return None
        return (mm_last - mm) * NS_PER_S // (t_last - t_ns)

    def at(self, t_ns: int, stale_ns: int = 3 * NS_PER_S) -> CarDistance | None:
        """The car's distance at `t_ns` (at or after the latest event), or None before any."""
        last = self.last
        if last is None or self.shown_mm is None:
            return None
        age = max(t_ns - last.t_ns, 0)
        mm = self.shown_mm
        if last.source == "gps":
            rate = self.rate_mm_per_s()
            if rate is not None and rate > 0:
                mm += rate * min(age, EXTRAPOLATE_NS) // NS_PER_S
        return CarDistance(
            mm, last.source, age, last.source == "gps" and age <= stale_ns, self.factor
        )


@dataclass(frozen=True, slots=True)
class MeasuredSection:
    """Calibration on the organiser's measured section: the gps reading (raw mm, before any
    factor) at its start and end marks, and its length in the road book."""

    start_raw_mm: int
    end_raw_mm: int
    length_m: int

    def factor(self) -> Decimal:
        """The factor that makes the measured length the road book's (5 decimals)."""
        measured = self.end_raw_mm - self.start_raw_mm
        if measured <= 0:
            raise DistanceEventError(
                QT_TRANSLATE_NOOP("Errors", "the measured section's end is not after its start")
            )
        if self.length_m <= 0:
            raise DistanceEventError(
                QT_TRANSLATE_NOOP("Errors", "the measured section's length must be more than 0 km")
            )
        factor = (Decimal(self.length_m * MM_PER_M) / Decimal(measured)).quantize(
            Decimal("0.00001")
        )
        return check_factor(factor)

    def reason(self) -> str:
        measured = (self.end_raw_mm - self.start_raw_mm) // MM_PER_M
        book = format_km(self.length_m)
        return f"measured section: road book {book} km, GPS {format_km(measured)} km"


def parse_factor(text: str) -> Decimal:
    """A typed factor (``1.0234``; a comma is taken as the decimal point)."""
    try:
        factor = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise DistanceEventError(
            Text(QT_TRANSLATE_NOOP("Errors", "%1 is not a number like 1.0234"), repr(text))
        ) from None
    return check_factor(factor)


def next_landmark(
    landmarks: Iterable[tuple[int, str]], confirmed_mm: int | None
) -> tuple[int, str] | None:
    """The next landmark to confirm: the first beyond the last one confirmed (`confirmed_mm`, the
    latest landmark reading; None before any), or None after the last."""
    for metres, label in landmarks:
        if confirmed_mm is None or metres * MM_PER_M > confirmed_mm:
            return metres, label
    return None


__all__ = (
    "CALIBRATE_EVENT",
    "DISTANCE_EVENT",
    "FIX_EVENT",
    "Calibration",
    "CarDistance",
    "DistanceEventError",
    "DistanceReading",
    "GpsRecorder",
    "MeasuredSection",
    "Odometer",
    "calibrate_data",
    "distance_data",
    "fix_data",
    "next_landmark",
    "odometer_event",
    "parse_factor",
)


DISTANCE_EVERY_NS = NS_PER_S // 2
"""A gps `distance` event at most twice a second (the readout runs on at the measured rate in
between, the same live and in replay): an hour of driving is about 7,200 lines."""
FIX_EVERY_NS = NS_PER_S
"""A `fix` event (for a replay to redraw the track) at most once a second."""


class GpsRecorder:
    """Fixes in, the log events to record out: the window and the example logs use it alike.

    `add(fix)` folds the fix into the GPS track (core.gps) and returns the ``(type, data)`` of
    the events to record now: a `distance` (source ``gps``, metres from the trial's start,
    before the factor) when the count moved and the last one is 0.5 s old, a `fix` once a
    second. `start(section)` starts the count at 0 for a new trial (record the `reset` event
    it returns). Fixes carry the session clock's instant (`Fix.t_ns`).
    """

    def __init__(self, section: str, track: GpsTrack | None = None) -> None:
        self.track = track or GpsTrack()
        self.section = section
        self._last_distance_ns: int | None = None
        self._last_fix_ns: int | None = None
        self._last_mm: int | None = None

    def start(self, section: str) -> tuple[str, dict[str, Any]]:
        self.section = section
        self.track.reset()
        self._last_distance_ns = None
        self._last_mm = None
        return DISTANCE_EVENT, distance_data(section, 0, "reset")

    def add(self, fix: Fix) -> list[tuple[str, dict[str, Any]]]:
        verdict = self.track.add(fix)
        out: list[tuple[str, dict[str, Any]]] = []
        if verdict in REJECTED:
            return out
        if self._last_fix_ns is None or fix.t_ns - self._last_fix_ns >= FIX_EVERY_NS:
            self._last_fix_ns = fix.t_ns
            out.append((FIX_EVENT, fix_data(fix)))
        mm = round(self.track.distance_m * MM_PER_M / 100) * 100  # to the decimetre
        due = self._last_distance_ns is None or (
            fix.t_ns - self._last_distance_ns >= DISTANCE_EVERY_NS
        )
        if due and mm != self._last_mm:
            self._last_distance_ns = fix.t_ns
            self._last_mm = mm
            out.append((DISTANCE_EVENT, distance_data(self.section, mm, "gps")))
        return out


def fix_data(fix: Fix) -> dict[str, Any]:
    """The fields of a `fix` event (FORMATS.md section 6), plus satellites and HDOP if known."""
    data: dict[str, Any] = {
        "lat": round(fix.lat, 7),
        "lon": round(fix.lon, 7),
        "speed_kmh": None if fix.speed_kmh is None else round(fix.speed_kmh, 1),
        "quality": fix.quality,
    }
    if fix.sats is not None:
        data["sats"] = fix.sats
    if fix.hdop is not None:
        data["hdop"] = fix.hdop
    return data
