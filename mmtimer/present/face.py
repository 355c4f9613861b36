"""The chronograph face: what the dial and the readouts beside it show (pure).

One face for the plain chronograph window (the pushers' chronograph, the laptop's clock),
the stage window (the current trial's chronograph, official time from the stage's syncs) and
the replay (which adds the next target and the total: `Screen.readouts`). The widget that draws
it is ui/chronoface.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from mmtimer.core.chrono import ChronoAction, Chronograph
from mmtimer.present.formats import format_chrono, format_official
from mmtimer.present.screen import ReadoutView, Screen

LOCAL_CLOCK = "local clock"


@dataclass(frozen=True, slots=True)
class FaceView:
    """The dial's hands (chronograph and time of day) and the readouts beside it."""

    chrono_elapsed_ns: int
    chrono_running: bool
    official_ms: int | None
    chrono: ReadoutView
    mark: ReadoutView
    official: ReadoutView


def _official_readout(official_ms: int | None, synced: bool) -> ReadoutView:
    return ReadoutView(
        "OFFICIAL TIME", format_official(official_ms, 0), "" if synced else LOCAL_CLOCK
    )


def chronograph_face(
    chrono: Chronograph, t_ns: int, official_ms: int | None, *, synced: bool
) -> FaceView:
    """The plain chronograph at `t_ns`: its time, its last split or lap, the time of day
    (`synced`: official; else the laptop's clock, said under it)."""
    elapsed = chrono.elapsed_ns(t_ns)
    mark = chrono.last_mark
    if mark is None:
        mark_readout = ReadoutView("SPLIT / LAP", "", dimmed=True)
    elif mark.action is ChronoAction.LAP:
        laps = chrono.lap_times_ns(t_ns)
        mark_readout = ReadoutView(f"LAP {len(laps) - 1}", format_chrono(laps[-2]))
    else:
        splits = sum(1 for m in chrono.marks if m.action is ChronoAction.SPLIT)
        mark_readout = ReadoutView(f"SPLIT {splits}", format_chrono(mark.elapsed_ns))
    return FaceView(
        elapsed,
        chrono.running,
        official_ms,
        ReadoutView("CHRONOGRAPH", format_chrono(elapsed), "running" if chrono.running else ""),
        mark_readout,
        _official_readout(official_ms, synced),
    )


def stage_face(screen: Screen, local_ms: int) -> FaceView:
    """The stage window's face: the current trial's chronograph (no splits or laps) and
    official time from the stage's syncs, the laptop's clock (`local_ms`) before the first."""
    dial = screen.dial
    synced = dial.official_ms is not None
    official_ms = dial.official_ms if dial.official_ms is not None else local_ms
    return FaceView(
        dial.chrono_elapsed_ns,
        dial.chrono_running,
        official_ms,
        screen.readouts.chrono,
        ReadoutView("SPLIT / LAP", "", dimmed=True),
        _official_readout(official_ms, synced),
    )
