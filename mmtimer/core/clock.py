"""The session clock (integer ns) and official time of day: the only module that reads time.

Which OS clock, and why (DESIGN.md, "Clocks"):

- Linux: ``CLOCK_BOOTTIME``. Monotonic, and it keeps counting while the laptop sleeps, where
  ``CLOCK_MONOTONIC`` (Python's ``time.monotonic``) stops.
- macOS: ``CLOCK_MONOTONIC`` through ``clock_gettime``, which Apple documents as continuing to
  increment while the system is asleep (it is ``mach_continuous_time``); Python's own
  ``time.monotonic`` uses ``mach_absolute_time``, which stops during sleep.
- Windows: ``time.perf_counter_ns`` (QueryPerformanceCounter, sub-microsecond); before Python 3.13
  ``time.monotonic`` ticks in 15.6 ms steps.
- Elsewhere: ``time.monotonic_ns``.

A session instant means nothing on its own; only differences between instants of one session do.
Official time of day comes from syncs: from a sync at session instant ``t_ns`` saying the
official clock read ``official``, official time at ``t`` is ``official + (t - t_ns)``.
"""

from __future__ import annotations

import bisect
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

NS_PER_S = 1_000_000_000
NS_PER_MS = 1_000_000
DAY_NS = 86_400 * NS_PER_S
HALF_DAY_NS = DAY_NS // 2


def wrap_day_ns(delta_ns: int) -> int:
    """A difference of two times of day taken the short way round midnight, in
    [-12 h, +12 h): 23:59 to 00:01 is +2 min, not -23 h 58 min (a stage is never 12 hours
    late). The one midnight rule: scoring's deviations and the live countdown use it."""
    return (delta_ns + HALF_DAY_NS) % DAY_NS - HALF_DAY_NS


class Clock(Protocol):
    """What the rest of mmtimer may ask about time."""

    def now_ns(self) -> int:
        """The session instant: monotonic integer nanoseconds."""
        ...

    def utc_now(self) -> datetime:
        """Wall-clock time, timezone-aware UTC (for log stamps and bridging restarts)."""
        ...


def _pick_session_source() -> tuple[str, Callable[[], int]]:
    if sys.platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
        boottime = time.CLOCK_BOOTTIME
        return "CLOCK_BOOTTIME", lambda: time.clock_gettime_ns(boottime)
    if sys.platform == "darwin" and hasattr(time, "CLOCK_MONOTONIC"):
        monotonic = time.CLOCK_MONOTONIC
        return "CLOCK_MONOTONIC (counts sleep on macOS)", lambda: time.clock_gettime_ns(monotonic)
    if sys.platform == "win32":
        return "perf_counter", time.perf_counter_ns
    return "monotonic", time.monotonic_ns


def _pick_event_source() -> tuple[str, Callable[[], int]] | None:
    if sys.platform.startswith("linux") and hasattr(time, "CLOCK_MONOTONIC"):
        monotonic = time.CLOCK_MONOTONIC
        return "CLOCK_MONOTONIC", lambda: time.clock_gettime_ns(monotonic)
    if sys.platform == "darwin" and hasattr(time, "CLOCK_UPTIME_RAW"):
        uptime = time.CLOCK_UPTIME_RAW
        return "CLOCK_UPTIME_RAW", lambda: time.clock_gettime_ns(uptime)
    return None


class EventClock:
    """The OS clock that window-system input timestamps count, read next to the session clock.

    - Linux, X11: the X server's time is ``CLOCK_MONOTONIC`` in ms, truncated to 32 bits (Xorg's
      ``GetTimeInMillis``); Wayland compositors stamp input with the same clock in practice.
    - macOS: ``NSEvent.timestamp`` counts since boot without sleep (``mach_absolute_time``), which
      is ``CLOCK_UPTIME_RAW``. Not verified on a Mac; the caller checks every mapping it makes.
    - Elsewhere (Windows): None; Qt's timestamp is only the moment it handled the event.

    ``lag_ns(event_ms)`` is how long ago, on that clock, an event stamped ``event_ms`` happened.
    The session clock (``CLOCK_BOOTTIME`` on Linux) differs from this one by the time slept, so
    only this lag, never the absolute value, is carried onto the session clock.
    """

    def __init__(self, read_ns: Callable[[], int], source_name: str) -> None:
        self._read_ns = read_ns
        self.source_name = source_name

    @classmethod
    def system(cls) -> EventClock | None:
        """This platform's event clock, or None where input timestamps have no usable clock."""
        picked = _pick_event_source()
        return None if picked is None else cls(picked[1], picked[0])

    def now_ns(self) -> int:
        return self._read_ns()

    def lag_ns(self, event_ms: int, wrap_bits: int = 32) -> int:
        """Nanoseconds from an event stamped ``event_ms`` (ms, maybe wrapped) to now.

        The stamp is unwrapped to the latest value at or before now that agrees with it modulo
        ``2**wrap_bits`` ms (X11 time wraps every 49.7 days). A millisecond stamp is truncated, so
        the true moment lies in [event_ms, event_ms + 1 ms): the lag is measured to its middle.
        """
        now_ns = self._read_ns()
        modulus = 1 << wrap_bits
        now_ms = now_ns // NS_PER_MS
        event_full_ms = now_ms - ((now_ms - event_ms) % modulus)
        return now_ns - (event_full_ms * NS_PER_MS + NS_PER_MS // 2)


class SystemClock:
    """The real clock of this machine."""

    def __init__(self) -> None:
        self.source_name, self._read = _pick_session_source()

    def now_ns(self) -> int:
        return self._read()

    def utc_now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock for tests and replay: it moves only when told to."""

    def __init__(self, start_ns: int = 0, utc_start: datetime | None = None) -> None:
        self._now_ns = start_ns
        self._start_ns = start_ns
        self._utc_start = utc_start or datetime(2026, 5, 13, 8, 0, tzinfo=UTC)

    def now_ns(self) -> int:
        return self._now_ns

    def utc_now(self) -> datetime:
        return self._utc_start + timedelta(microseconds=(self._now_ns - self._start_ns) // 1000)

    def set_ns(self, t_ns: int) -> None:
        if t_ns < self._now_ns:
            raise ValueError("a monotonic clock cannot go back")
        self._now_ns = t_ns

    def advance_ns(self, delta_ns: int) -> None:
        self.set_ns(self._now_ns + delta_ns)

    def advance_s(self, seconds: float | int) -> None:
        """Advance by a number of seconds (tests only; rounds to the nanosecond)."""
        self.advance_ns(round(seconds * NS_PER_S))


@dataclass(frozen=True, slots=True)
class SyncPoint:
    """At session instant `t_ns` the official clock read `official_ns` (ns since midnight)."""

    t_ns: int
    official_ns: int


class OfficialTime:
    """Official time of day from the latest sync at or before an instant.

    The one implementation of that rule: the window's controller, the live session's fold and
    scoring all ask it. Syncs at the same instant apply in the order they were added (the later
    wins), which for a log is the order of their seq.
    """

    __slots__ = ("_offsets_ns", "_t_ns")

    def __init__(self, syncs: Iterable[SyncPoint] = ()) -> None:
        self._t_ns: list[int] = []  # sorted
        self._offsets_ns: list[int] = []  # official ns minus session ns, in the same order
        for sync in syncs:
            self.add(sync)

    def add(self, sync: SyncPoint) -> None:
        """Add a sync; a later sync applies from its own instant on."""
        index = bisect.bisect_right(self._t_ns, sync.t_ns)
        self._t_ns.insert(index, sync.t_ns)
        self._offsets_ns.insert(index, sync.official_ns - sync.t_ns)

    def copy(self) -> OfficialTime:
        """An independent copy (replay snapshots carry on from it)."""
        copy = OfficialTime()
        copy._t_ns = self._t_ns.copy()
        copy._offsets_ns = self._offsets_ns.copy()
        return copy

    @property
    def syncs(self) -> tuple[SyncPoint, ...]:
        return tuple(
            SyncPoint(t, t + offset) for t, offset in zip(self._t_ns, self._offsets_ns, strict=True)
        )

    def _index(self, t_ns: int) -> int:
        return bisect.bisect_right(self._t_ns, t_ns) - 1

    def sync_at(self, t_ns: int) -> SyncPoint | None:
        """The sync that applies at `t_ns`, or None before the first sync."""
        index = self._index(t_ns)
        if index < 0:
            return None
        return SyncPoint(self._t_ns[index], self._t_ns[index] + self._offsets_ns[index])

    def offset_ns(self, t_ns: int) -> int | None:
        """What to add to the session instant `t_ns` to get official time, None if unsynced."""
        index = self._index(t_ns)
        return self._offsets_ns[index] if index >= 0 else None

    def official_ns(self, t_ns: int) -> int | None:
        """Official time at `t_ns` in ns since midnight (may pass 24 h), or None if unsynced."""
        offset = self.offset_ns(t_ns)
        return None if offset is None else t_ns + offset
