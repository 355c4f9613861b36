"""Stage-log events (FORMATS.md section 2) as frozen values: what scoring, replay and the log share.

Times: `t_ns` is the session clock (integer ns); `official_ms` is official time of day in ms since
midnight. `utc` is the wall-clock stamp as written in the log (ISO 8601, `Z`), kept as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mmtimer.core.chrono import ChronoAction

LOG_FORMAT = "mmtimer-log/1"


@dataclass(frozen=True, slots=True)
class Header:
    """The first line of a log: the stage (as JSON, as in the stage file) and the crew."""

    format: str
    app: str
    created: str
    stage: dict[str, Any]
    crew: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Sync:
    """From `t_ns` on, official time of day is `official_ms + (t - t_ns)`."""

    seq: int
    t_ns: int
    official_ms: int
    utc: str | None = None
    source: str = "manual"


@dataclass(frozen=True, slots=True)
class Pass:
    """A timing line crossed (or a time card handed in); `line` counts from 1."""

    seq: int
    t_ns: int
    section: str
    line: int
    utc: str | None = None
    source: str = "key:Space"


@dataclass(frozen=True, slots=True)
class Void:
    """The pass `ref` does not count. Nothing is ever erased."""

    seq: int
    ref: int
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Chrono:
    """A chronograph pusher (start, stop, reset, split, lap) at `t_ns`."""

    seq: int
    t_ns: int
    action: ChronoAction
    utc: str | None = None


@dataclass(frozen=True, slots=True)
class Other:
    """Any other event (notes, navigation, resume, close...): kept, skipped by scoring."""

    seq: int
    type: str
    data: dict[str, Any]
    t_ns: int | None = None


Event = Sync | Pass | Void | Chrono | Other

UNDO_EVENT = "undo"
"""FORMATS.md section 6: ``{"type": "undo", "seq": 9, "ref": 8, "t_ns": .., "utc": ..}``: the
event `ref` (a pass, a skip, a section choice, a sync, a start press) no longer counts. It is
an `Other` event (older readers skip it); `undo_ref` reads its ref. Nothing is ever erased."""
UNDOABLE = ("pass", "sync", "navigate", "start")
"""The event types an undo may name (as `passes.kind_of` names them)."""


def undo_ref(event: Event) -> int | None:
    """The seq an undo event names, or None for any other event (or an undo without a whole
    positive ref, which the log reader refuses)."""
    if isinstance(event, Other) and event.type == UNDO_EVENT:
        ref = event.data.get("ref")
        if type(ref) is int and ref >= 1:
            return ref
    return None
