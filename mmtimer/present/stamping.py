"""The event stamper's mapping: an input event's millisecond timestamp onto the session clock.

Pure: the window's `EventStamper` (ui/triggers.py) reads the session clock first thing in the
handler and hands that reading, the event's timestamp and, where the OS has one, the event's age
on its own clock (`core.clock.EventClock`) to `map_event`, which decides (see ui/triggers.py's
module docstring for why):

- the event clock's age, when it makes sense (at most 1 ms ahead, at most `MAX_LAG_NS` old);
- otherwise an estimate of the offset between the two clocks: at most ``handled - event`` for
  every event, so the smallest such difference over the last 30 s (`OffsetEstimator`, reset when
  it jumps, e.g. after a sleep); X11's 32-bit wrap is undone; a stamp is never later than the
  handling instant;
- without a usable timestamp (Windows, offscreen, 0): the handling instant.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from mmtimer.core.clock import NS_PER_MS, NS_PER_S

MAX_LAG_NS = 5 * NS_PER_S  # an older "event" is from another clock: do not trust it


@dataclass(frozen=True, slots=True)
class Stamp:
    """A session instant for an input event, how it was found, and when the handler ran."""

    t_ns: int
    handled_ns: int
    method: str  # "event-clock", "estimated" or "handled"


class OffsetEstimator:
    """Smallest (handled - event) over a window: the offset of an unknown event clock."""

    WINDOW_NS = 30 * NS_PER_S

    def __init__(self, max_lag_ns: int = MAX_LAG_NS) -> None:
        self._max_lag_ns = max_lag_ns
        self._samples: deque[tuple[int, int]] = deque()  # (handled_ns, offset_ns)
        self._last_full_ms: int | None = None

    def stamp(self, event_ms: int, handled_ns: int) -> int:
        full_ms = event_ms
        if self._last_full_ms is not None:  # undo a 32-bit wrap relative to the last event
            full_ms = self._last_full_ms + ((event_ms - self._last_full_ms) % (1 << 32))
            if full_ms - self._last_full_ms >= 1 << 31:  # an older event (or a reset clock)
                full_ms -= 1 << 32
        self._last_full_ms = full_ms
        offset = handled_ns - (full_ms * NS_PER_MS + NS_PER_MS // 2)
        while self._samples and handled_ns - self._samples[0][0] > self.WINDOW_NS:
            self._samples.popleft()
        if self._samples and offset - min(o for _, o in self._samples) > self._max_lag_ns:
            self._samples.clear()  # the clocks jumped apart (a sleep, another server)
        self._samples.append((handled_ns, offset))
        best = min(o for _, o in self._samples)
        return min(handled_ns, full_ms * NS_PER_MS + NS_PER_MS // 2 + best)


def map_event(
    event_ms: int,
    handled_ns: int,
    *,
    timestamped: bool,
    lag_ns: int | None,
    estimator: OffsetEstimator,
) -> Stamp:
    """The session instant of an event with timestamp `event_ms`, handled at `handled_ns`.

    `timestamped`: the platform's events carry the moment the window system saw them;
    `lag_ns`: the event's age on the OS event clock (None: no such clock here).
    """
    if not timestamped or event_ms <= 0:
        return Stamp(handled_ns, handled_ns, "handled")
    if lag_ns is not None and -NS_PER_MS <= lag_ns <= MAX_LAG_NS:
        return Stamp(handled_ns - max(0, lag_ns), handled_ns, "event-clock")
    return Stamp(estimator.stamp(event_ms, handled_ns), handled_ns, "estimated")
