"""What an official-time sync would do: the jump it makes, in words, and whether to ask first.

A sync by the full minute or by a typed time sets official time outright; pressed at the wrong
moment (a stray key, the wrong minute) it moves every later target. So the sync dialog shows the
jump and asks before any jump over ``ASK_OVER_MS`` (issue 12). The first sync (no official time
yet) has nothing to jump from and never asks.
"""

from __future__ import annotations

from mmtimer.core.timefmt import DAY_MS, format_seconds, format_time_of_day

ASK_OVER_MS = 2000


def sync_jump_ms(current_ms: int | None, new_ms: int) -> int | None:
    """How far official time moves when a sync sets it to `new_ms` (ms of the day) where it
    was `current_ms`: the shorter way round midnight, in (-12 h, +12 h]. None: the first sync."""
    if current_ms is None:
        return None
    half = DAY_MS // 2
    return -((half - (new_ms - current_ms)) % DAY_MS) + half


def asks_first(jump_ms: int | None) -> bool:
    """A jump over ``ASK_OVER_MS`` (either way) is confirmed first; the first sync never is."""
    return jump_ms is not None and abs(jump_ms) > ASK_OVER_MS


def signed_s(jump_ms: int) -> str:
    """``-17.34``, ``+0.30``: seconds to the hundredth, cut toward zero, always signed."""
    text = format_seconds(jump_ms, 2)
    return text if text.startswith("-") else f"+{text}"


def jump_text(jump_ms: int) -> str:
    """``official time jumps -17.34 s``: what a sync would do."""
    return f"official time jumps {signed_s(jump_ms)} s"


def jumped_text(jump_ms: int | None) -> str:
    """What the last sync did, as the sync dialog says it."""
    if jump_ms is None:
        return "First sync: official time set."
    return f"Last sync: official time jumped {signed_s(jump_ms)} s."


def cancelled_text(jump_ms: int) -> str:
    return f"Not synced: you cancelled a jump of {signed_s(jump_ms)} s."


def jump_question(current_ms: int, new_ms: int, jump_ms: int) -> str:
    """The confirmation's text: the jump, and from which time of day to which."""
    return (
        f"This sync moves official time a long way: {jump_text(jump_ms)} "
        f"(from {format_time_of_day(current_ms)} to {format_time_of_day(new_ms)}). "
        "Every target from now on moves with it. Sync anyway?"
    )
