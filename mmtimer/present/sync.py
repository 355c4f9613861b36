"""What an official-time sync would do: the jump it makes, and whether to ask first.

A sync by the full minute or by a typed time sets official time outright; pressed at the wrong
moment (a stray key, the wrong minute) it moves every later target. So the sync dialog shows the
jump and asks before any jump over ``ASK_OVER_MS`` (issue 12). The first sync (no official time
yet) has nothing to jump from and never asks. The sentences are the dialog's (ui/dialogs.py),
so they can be translated there.
"""

from __future__ import annotations

from mmtimer.core.timefmt import DAY_MS, format_seconds

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
