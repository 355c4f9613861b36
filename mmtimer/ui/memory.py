"""What a long replay does with its millions of objects: a policy the launcher sets, not a widget.

A long log is millions of objects (events, folds, checkpoints) that live as long as the replay:
a full collection of Python's cyclic garbage collector walks them all, a pause of 100-250 ms in
the middle of a seek (tests/benchmarks/bench_replay.py). `gc.freeze()` moves every object alive
out of its reach - a process-wide act, so no widget does it by itself: the replay panel calls
`REPLAY_MEMORY.keep` once its log is folded and `REPLAY_MEMORY.release` when it stops, and
mmtimer/app.py (`make_application`) sets them to `gc.freeze` / `gc.unfreeze`. Elsewhere (tests,
an embedding program) they do nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


def _nothing() -> None:
    return None


@dataclass(slots=True)
class MemoryPolicy:
    keep: Callable[[], None] = _nothing
    release: Callable[[], None] = _nothing


REPLAY_MEMORY = MemoryPolicy()
