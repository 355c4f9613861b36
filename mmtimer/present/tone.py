"""What a shown value means, hence its colour: one `Tone` for the countdown, the stage panel,
the results table and the plots (each view maps it to its own colours)."""

from __future__ import annotations

from enum import StrEnum

from mmtimer.core.clock import NS_PER_MS

WARN_NS = 10_000 * NS_PER_MS  # amber from 10 s before the target
NEAR_NS = 5_000 * NS_PER_MS  # red through the beeps
EXACT_MS = 10  # a deviation under 1/100 s shows as 0.00: exact


class Tone(StrEnum):
    """What a readout, a line's result or a bar means."""

    NORMAL = "normal"
    WARN = "warn"
    NEAR = "near"
    OVERDUE = "overdue"
    EARLY = "early"
    LATE = "late"
    EXACT = "exact"
    IDLE = "idle"
    MISSED = "missed"
    PENDING = "pending"


def left_tone(left_ns: int | None) -> Tone:
    """The countdown's tone: amber from 10 s before the target, red from 5 s and after it."""
    if left_ns is None:
        return Tone.IDLE
    if left_ns <= 0:
        return Tone.OVERDUE
    if left_ns <= NEAR_NS:
        return Tone.NEAR
    if left_ns <= WARN_NS:
        return Tone.WARN
    return Tone.NORMAL


def countdown_tone(left_ns: int | None, window_ns: int | None = None) -> Tone:
    """`left_tone`, but green (exact) through a time control's due minute (`window_ns` long
    from the countdown's target: a press then scores 0), and red only after it."""
    if left_ns is not None and window_ns is not None and -window_ns < left_ns <= 0:
        return Tone.EXACT
    return left_tone(left_ns)


def deviation_tone(deviation_ms: int | None) -> Tone:
    """Early (blue), late (red), or exact to the hundredth (green); IDLE when not measured."""
    if deviation_ms is None:
        return Tone.IDLE
    if abs(deviation_ms) < EXACT_MS:  # shows as 0.00
        return Tone.EXACT
    return Tone.LATE if deviation_ms > 0 else Tone.EARLY
