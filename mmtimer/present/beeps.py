"""The beep schedule: which countdown beep is due at an instant, from the target alone (pure).

By default a short beep at 5, 4, 3, 2 and 1 s before the target and a long one at the target
(`BeepSettings`). `BeepSchedule.due(now, target)` says which beep to start now: a mark plays at
most once per target; a mark whose moment passed more than ``STALE_NS`` ago (a busy GUI, a line
armed late) is skipped rather than played late; each beep starts ``lead_ms`` early to make up for
the audio output's latency. The Qt side (timer, sounds, flash) is ui/beeper.py.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from enum import StrEnum

from mmtimer.core.clock import NS_PER_MS


class BeepKind(StrEnum):
    SHORT = "short"
    LONG = "long"


DEFAULT_SHORT_MS: tuple[int, ...] = (-5000, -4000, -3000, -2000, -1000)
DEFAULT_LONG_MS: tuple[int, ...] = (0,)


@dataclass(frozen=True, slots=True)
class BeepSettings:
    """When to beep, in ms relative to the target (negative: before it), and the output lead."""

    short_ms: tuple[int, ...] = DEFAULT_SHORT_MS
    long_ms: tuple[int, ...] = DEFAULT_LONG_MS
    lead_ms: int = 0
    sound: bool = True

    def __post_init__(self) -> None:
        if not 0 <= self.lead_ms <= 1000:
            raise ValueError("the beep lead must be between 0 and 1000 ms")

    def marks(self) -> tuple[tuple[int, BeepKind], ...]:
        """Every mark in time order; a long beep wins where both are set at one moment."""
        kinds = {m: BeepKind.SHORT for m in self.short_ms} | {
            m: BeepKind.LONG for m in self.long_ms
        }
        return tuple(sorted(kinds.items()))


@dataclass(frozen=True, slots=True)
class Target:
    """The next target: which one (any hashable, e.g. ``("PC1", 3)``) and its session instant."""

    key: Hashable
    t_ns: int


@dataclass(frozen=True, slots=True)
class Beep:
    kind: BeepKind
    mark_ms: int
    target: Target


class BeepSchedule:
    """Decides, from the target and the instant alone, which beep is due (pure, no Qt)."""

    STALE_NS = 250 * NS_PER_MS  # later than this after its moment, a beep would mislead

    def __init__(self, settings: BeepSettings) -> None:
        self.settings = settings
        self._key: Hashable = None
        self._done: set[int] = set()

    def _play_ns(self, target: Target, mark_ms: int) -> int:
        return target.t_ns + (mark_ms - self.settings.lead_ms) * NS_PER_MS

    def _follow(self, target: Target) -> None:
        if target.key != self._key:
            self._key = target.key
            self._done = set()

    def due(self, now_ns: int, target: Target | None) -> Beep | None:
        """The beep to start now, if any; marks passed or played are not played again."""
        if target is None:
            return None
        self._follow(target)
        due: Beep | None = None
        for mark_ms, kind in self.settings.marks():
            if mark_ms in self._done:
                continue
            play_ns = self._play_ns(target, mark_ms)
            if now_ns < play_ns:
                break
            self._done.add(mark_ms)
            if now_ns - play_ns < self.STALE_NS:
                due = Beep(kind, mark_ms, target)  # a later due mark replaces an earlier one
        return due

    def next_ns(self, now_ns: int, target: Target | None) -> int | None:
        """When the next mark of this target falls due (None: nothing left to play)."""
        if target is None:
            return None
        self._follow(target)
        pending = [
            self._play_ns(target, mark_ms)
            for mark_ms, _ in self.settings.marks()
            if mark_ms not in self._done
        ]
        return min(pending, default=None)
