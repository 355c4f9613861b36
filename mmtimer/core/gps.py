"""GPS fixes folded into distance along the road (geographiclib geodesics on WGS84).

`GpsTrack.add(fix)` takes each fix as it comes (from core.nmea, or from Qt Positioning in the
window: the same fold) and says whether it was used and why not:

- no quality (GGA quality 0, RMC status V, no position), or a horizontal dilution above
  `max_hdop`: rejected, the track waits;
- a fix not later than the last one: rejected (`stale`);
- a position jump (further from the last fix than the car could have gone at `max_kmh`, plus
  `jump_margin_m` of GPS error): rejected. After `jump_confirm` such fixes in a row that agree
  with each other, the track takes the new place as its anchor without counting the gap
  (`regained`), so one bad fix costs nothing and a real jump does not stop the count for good;
- stopped (reported speed under `stop_kmh` and within `stop_radius_m` of the anchor): used for the
  fix state but adds nothing, so the jitter of a parked car never turns into metres;
- otherwise the geodesic from the anchor to the fix is added once it is at least `min_step_m`
  (short noisy steps at 10 Hz add up to more than the road; a chord of a few metres on a curve
  loses far less).

`distance_m` is the raw distance (before any calibration factor: core.distance scales it).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from geographiclib.geodesic import Geodesic

NS_PER_S = 1_000_000_000
_WGS84 = Geodesic.WGS84
_INVERSE_MASK = Geodesic.DISTANCE

Verdict = Literal["used", "stopped", "no fix", "poor", "stale", "jump", "regained"]
REJECTED: frozenset[Verdict] = frozenset({"no fix", "poor", "stale", "jump"})


@dataclass(frozen=True, slots=True)
class Fix:
    """One position from a receiver.

    `t_ns`: when it was taken (the receiver's UTC time for a file; the session clock live).
    `quality`: 0 none, 1 GPS, 2 DGPS, 4/5 RTK, 6 estimated (dead reckoning)... as in GGA.
    `speed_kmh`, `sats`, `hdop`: None when the receiver did not say.
    """

    t_ns: int
    lat: float
    lon: float
    quality: int
    speed_kmh: float | None = None
    sats: int | None = None
    hdop: float | None = None

    @property
    def has_position(self) -> bool:
        return (
            math.isfinite(self.lat)
            and math.isfinite(self.lon)
            and -90 <= self.lat <= 90
            and -180 <= self.lon <= 180
        )


def geodesic_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The geodesic distance in metres between two points on WGS84."""
    result = _WGS84.Inverse(lat1, lon1, lat2, lon2, _INVERSE_MASK)
    distance: float = result["s12"]
    return distance


_A = _WGS84.a
_E2 = _WGS84.f * (2 - _WGS84.f)


def near_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The distance in metres between two nearby points, on WGS84's local radii of curvature at
    their mean latitude: within a millimetre of the geodesic over a few hundred metres, and a
    few times cheaper. For the track's thresholds only (jumps, a stop, the least step);
    every metre counted is a geodesic."""
    phi = math.radians((lat1 + lat2) / 2)
    sin_phi = math.sin(phi)
    w2 = 1 - _E2 * sin_phi * sin_phi
    prime = _A / math.sqrt(w2)  # prime vertical radius
    meridian = prime * (1 - _E2) / w2
    dlon = (lon2 - lon1 + 540) % 360 - 180
    return math.hypot(
        math.radians(lat2 - lat1) * meridian, math.radians(dlon) * prime * math.cos(phi)
    )


@dataclass(frozen=True, slots=True)
class TrackSettings:
    max_hdop: float = 10.0
    max_kmh: float = 250.0
    jump_margin_m: float = 30.0
    jump_confirm: int = 3
    stop_kmh: float = 3.0
    stop_radius_m: float = 25.0
    min_step_m: float = 4.0
    usable_qualities: frozenset[int] = frozenset({1, 2, 3, 4, 5, 8})
    """6 (estimated, dead reckoning) and 7 (manual) are not measurements: not counted."""


@dataclass(frozen=True, slots=True)
class FixState:
    """What the window says about the receiver at an instant.

    `age_ns` since the last usable fix (None before one); `sats` and `quality` of the latest fix;
    `last_verdict` of the latest fix; `good` when a usable fix is at most `stale_ns` old.
    """

    good: bool
    age_ns: int | None
    sats: int | None
    quality: int | None
    last_verdict: Verdict | None
    used: int
    rejected: int


class GpsTrack:
    """Folds fixes, in the order received, into a raw distance along the road."""

    __slots__ = (
        "_anchor",
        "_last_t_ns",
        "_last_used",
        "_suspects",
        "counts",
        "distance_m",
        "last_fix",
        "last_good",
        "last_verdict",
        "settings",
    )

    def __init__(self, settings: TrackSettings | None = None) -> None:
        self.settings = settings or TrackSettings()
        self.distance_m = 0.0
        self.counts: Counter[Verdict] = Counter()
        self._anchor: Fix | None = None  # where the counted distance ends
        self._last_used: Fix | None = None  # the latest fix taken as true (for jump checks)
        self._suspects: list[Fix] = []  # fixes rejected as a jump, in a row
        self._last_t_ns: int | None = None
        self.last_fix: Fix | None = None
        self.last_good: Fix | None = None
        self.last_verdict: Verdict | None = None

    @property
    def used(self) -> int:
        return self.counts["used"] + self.counts["stopped"] + self.counts["regained"]

    @property
    def rejected(self) -> int:
        return sum(count for verdict, count in self.counts.items() if verdict in REJECTED)

    def reset(self) -> None:
        """Start counting from 0 at the next fix (the fix state carries on)."""
        self.distance_m = 0.0
        self._anchor = None

    def add(self, fix: Fix) -> Verdict:
        verdict = self._judge(fix)
        self.counts[verdict] += 1
        self.last_fix = fix
        self.last_verdict = verdict
        if verdict not in REJECTED:
            self.last_good = fix
        return verdict

    def _judge(self, fix: Fix) -> Verdict:
        s = self.settings
        if self._last_t_ns is not None and fix.t_ns <= self._last_t_ns:
            return "stale"
        if fix.quality not in s.usable_qualities or not fix.has_position:
            self._last_t_ns = fix.t_ns
            return "no fix"
        self._last_t_ns = fix.t_ns
        if fix.hdop is not None and (not math.isfinite(fix.hdop) or fix.hdop > s.max_hdop):
            return "poor"
        last = self._last_used
        if last is None:
            self._take(fix)
            return "used"
        dt_s = (fix.t_ns - last.t_ns) / NS_PER_S
        from_last = near_m(last.lat, last.lon, fix.lat, fix.lon)
        if from_last > s.max_kmh / 3.6 * dt_s + s.jump_margin_m:
            return self._jump(fix)
        self._suspects.clear()
        anchor = self._anchor
        if anchor is None:
            self._take(fix)
            return "used"
        # The thresholds on the cheap local distance; the step counted is the geodesic (at 10 Hz
        # most fixes are under the least step: a geodesic for one fix in three or so).
        near = near_m(anchor.lat, anchor.lon, fix.lat, fix.lon)
        self._last_used = fix
        if fix.speed_kmh is not None and fix.speed_kmh < s.stop_kmh and near < s.stop_radius_m:
            return "stopped"
        if near >= s.min_step_m:
            self.distance_m += geodesic_m(anchor.lat, anchor.lon, fix.lat, fix.lon)
            self._anchor = fix
        return "used"

    def _take(self, fix: Fix) -> None:
        self._anchor = fix
        self._last_used = fix

    def _jump(self, fix: Fix) -> Verdict:
        s = self.settings
        suspects = self._suspects
        if suspects:
            previous = suspects[-1]
            dt_s = (fix.t_ns - previous.t_ns) / NS_PER_S
            gap = near_m(previous.lat, previous.lon, fix.lat, fix.lon)
            if gap > s.max_kmh / 3.6 * dt_s + s.jump_margin_m:
                suspects.clear()  # the suspects do not agree either: start a new run
        suspects.append(fix)
        if len(suspects) >= s.jump_confirm:
            suspects.clear()
            self._take(fix)  # the car is there now; the gap is not counted
            return "regained"
        return "jump"

    def state(self, now_ns: int, stale_ns: int = 3 * NS_PER_S) -> FixState:
        good = self.last_good
        age = None if good is None else max(now_ns - good.t_ns, 0)
        last = self.last_fix
        return FixState(
            good=age is not None and age <= stale_ns,
            age_ns=age,
            sats=None if last is None else last.sats,
            quality=None if last is None else last.quality,
            last_verdict=self.last_verdict,
            used=self.used,
            rejected=self.rejected,
        )


__all__ = (
    "REJECTED",
    "Fix",
    "FixState",
    "GpsTrack",
    "TrackSettings",
    "Verdict",
    "geodesic_m",
    "near_m",
)
