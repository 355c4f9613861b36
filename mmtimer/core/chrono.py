"""The chronograph, as the watch behaves: start/stop at 2 o'clock, reset at 4, split and lap.

Pure state over session instants (integer ns): every method takes the instant it happens at,
so a press is stamped when the key went down, not when the handler ran, and the chronograph can be
rebuilt exactly from a log. Nothing here reads a clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

from mmtimer.core.errors import QT_TRANSLATE_NOOP, MessageError, Text


class ChronoError(MessageError):
    """A pusher was pressed in a state where the watch does not allow it."""


class ChronoAction(Enum):
    """What a pusher did; the names are the ones written to the log."""

    START = "start"
    STOP = "stop"
    RESET = "reset"
    SPLIT = "split"
    LAP = "lap"


@dataclass(frozen=True, slots=True)
class Mark:
    """A split or lap taken at `t_ns`, showing `elapsed_ns` on the chronograph."""

    action: ChronoAction
    t_ns: int
    elapsed_ns: int


@dataclass(frozen=True, slots=True)
class Chronograph:
    """Immutable chronograph state; each pusher returns the next state.

    `accumulated_ns` is the time counted in earlier runs (before the last stop); while running,
    `started_ns` is the instant of the last start.
    """

    accumulated_ns: int = 0
    started_ns: int | None = None
    marks: tuple[Mark, ...] = field(default=())

    @property
    def running(self) -> bool:
        return self.started_ns is not None

    def elapsed_ns(self, t_ns: int) -> int:
        """Time shown at instant `t_ns` (never negative, frozen while stopped)."""
        if self.started_ns is None:
            return self.accumulated_ns
        return self.accumulated_ns + max(0, t_ns - self.started_ns)

    # -- the pushers --------------------------------------------------------------------------
    def start_stop(self, t_ns: int) -> Chronograph:
        """The pusher at 2 o'clock: start when stopped, stop when running."""
        return self.stop(t_ns) if self.running else self.start(t_ns)

    def start(self, t_ns: int) -> Chronograph:
        if self.running:
            raise ChronoError(QT_TRANSLATE_NOOP("Errors", "the chronograph is already running"))
        return replace(self, started_ns=t_ns)

    def stop(self, t_ns: int) -> Chronograph:
        if self.started_ns is None:
            raise ChronoError(QT_TRANSLATE_NOOP("Errors", "the chronograph is not running"))
        return replace(self, accumulated_ns=self.elapsed_ns(t_ns), started_ns=None)

    def reset(self) -> Chronograph:
        """The pusher at 4 o'clock: back to zero, only when stopped (as on the watch)."""
        if self.running:
            raise ChronoError(
                QT_TRANSLATE_NOOP("Errors", "stop the chronograph before resetting it")
            )
        return Chronograph()

    def split(self, t_ns: int) -> Chronograph:
        """Record the elapsed time at `t_ns` without stopping (a split)."""
        return self._mark(ChronoAction.SPLIT, t_ns)

    def lap(self, t_ns: int) -> Chronograph:
        """End a lap at `t_ns`; lap times are the differences between successive laps."""
        return self._mark(ChronoAction.LAP, t_ns)

    def _mark(self, action: ChronoAction, t_ns: int) -> Chronograph:
        if not self.running:
            raise ChronoError(
                Text(QT_TRANSLATE_NOOP("Errors", "%1 needs a running chronograph"), action.value)
            )
        mark = Mark(action, t_ns, self.elapsed_ns(t_ns))
        return replace(self, marks=(*self.marks, mark))

    def apply(self, action: ChronoAction, t_ns: int) -> Chronograph:
        """Apply a logged action (used by replay and resume)."""
        if action is ChronoAction.START:
            return self.start(t_ns)
        if action is ChronoAction.STOP:
            return self.stop(t_ns)
        if action is ChronoAction.RESET:
            return self.reset()
        if action is ChronoAction.SPLIT:
            return self.split(t_ns)
        return self.lap(t_ns)

    # -- derived values --------------------------------------------------------------------------
    def lap_times_ns(self, t_ns: int) -> tuple[int, ...]:
        """Every completed lap's duration, then the lap running at `t_ns` (they add up)."""
        times: list[int] = []
        previous = 0
        for mark in self.marks:
            if mark.action is ChronoAction.LAP:
                times.append(mark.elapsed_ns - previous)
                previous = mark.elapsed_ns
        times.append(self.elapsed_ns(t_ns) - previous)
        return tuple(times)

    @property
    def last_mark(self) -> Mark | None:
        return self.marks[-1] if self.marks else None
