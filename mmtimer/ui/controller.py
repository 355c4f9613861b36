"""The clock, and the plain chronograph window's own chronograph and time of day.

A stage window asks its stage (`LiveStage.screen`) for the trial's chronograph and official time;
it keeps no copy here. The controller's chronograph is the pushers' (the plain chronograph, or a
stage window with no stage open), and its time of day the laptop's unless given a sync of its
own (`official_time`: the screenshot command sets one; a stage's syncs never come here).
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QObject, Signal

from mmtimer.core.chrono import ChronoAction, ChronoError, Chronograph
from mmtimer.core.clock import NS_PER_MS, Clock, OfficialTime
from mmtimer.core.timefmt import DAY_MS
from mmtimer.ui.dialstate import DialState
from mmtimer.ui.errors import error_shown


class Controller(QObject):
    """Pushers in, state out. Every action reads the clock first thing (or takes the instant
    it is given, e.g. a key event's own time), then changes the core state, then signals.

    Time of day: the latest sync of `official_time` once there is one (only the plain
    chronograph's own: a stage's official time is the stage's); before any sync, the local
    wall-clock time. Both come through `official_ms(t_ns)`.
    """

    chronoChanged = Signal()
    refused = Signal(str)  # a pusher the watch would not take now (reset while running...)

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._chrono = Chronograph()
        self.official_time = OfficialTime()
        # The wall clock is read once and carried forward on the session clock, so the time of
        # day at any session instant (a key press's own instant too) is consistent with it.
        self._anchor_ns = clock.now_ns()
        self._anchor_local = clock.utc_now().astimezone()

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def chronograph(self) -> Chronograph:
        return self._chrono

    def now_ns(self) -> int:
        return self._clock.now_ns()

    # -- the pushers ---------------------------------------------------------------------------
    def start_stop(self, t_ns: int | None = None) -> None:
        """The pusher at 2 o'clock."""
        t_ns = self._clock.now_ns() if t_ns is None else t_ns
        action = ChronoAction.STOP if self._chrono.running else ChronoAction.START
        self._apply(action, t_ns)

    def reset(self, t_ns: int | None = None) -> None:
        """The pusher at 4 o'clock (refused while running, as on the watch)."""
        t_ns = self._clock.now_ns() if t_ns is None else t_ns
        self._apply(ChronoAction.RESET, t_ns)

    def split(self, t_ns: int | None = None) -> None:
        t_ns = self._clock.now_ns() if t_ns is None else t_ns
        self._apply(ChronoAction.SPLIT, t_ns)

    def lap(self, t_ns: int | None = None) -> None:
        t_ns = self._clock.now_ns() if t_ns is None else t_ns
        self._apply(ChronoAction.LAP, t_ns)

    def _apply(self, action: ChronoAction, t_ns: int) -> None:
        try:
            self._chrono = self._chrono.apply(action, t_ns)
        except ChronoError as error:
            self.refused.emit(error_shown(error))
            return
        self.chronoChanged.emit()

    # -- what the window shows -----------------------------------------------------------------
    def _local_at(self, t_ns: int) -> datetime.datetime:
        return self._anchor_local + datetime.timedelta(
            microseconds=(t_ns - self._anchor_ns) // 1000
        )

    def official_ms(self, t_ns: int) -> int | None:
        """Official time of day at `t_ns` in ms since midnight: synced, else local wall clock."""
        official_ns = self.official_time.official_ns(t_ns)
        if official_ns is not None:
            return (official_ns // NS_PER_MS) % DAY_MS
        local = self._local_at(t_ns)
        return (
            (local.hour * 60 + local.minute) * 60 + local.second
        ) * 1000 + local.microsecond // 1000

    def date_at(self, t_ns: int) -> datetime.date:
        """The local date at `t_ns` (for the date window)."""
        return self._local_at(t_ns).date()

    def dial_state(
        self, t_ns: int | None = None, *, start_pressed: bool = False, reset_pressed: bool = False
    ) -> DialState:
        """Everything the dial shows at `t_ns` (now if not given)."""
        t_ns = self._clock.now_ns() if t_ns is None else t_ns
        return DialState(
            chrono_elapsed_ns=self._chrono.elapsed_ns(t_ns),
            chrono_running=self._chrono.running,
            official_ms=self.official_ms(t_ns),
            date=self.date_at(t_ns),
            start_stop_pressed=start_pressed,
            reset_pressed=reset_pressed,
        )
