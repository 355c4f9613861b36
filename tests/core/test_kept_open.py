"""A log kept open on purpose ("Keep the stage open") ends with a note ``kept_open: true``; the
resume question reads it (core/resume.py ``kept_open``), a crash leaves none."""

from __future__ import annotations

from mmtimer.core.events import Other, Pass
from mmtimer.core.resume import kept_open


def test_only_a_last_note_with_kept_open_true_says_kept_open() -> None:
    a_pass = Pass(1, 100, "PC1", 1)
    kept = Other(2, "note", {"text": "kept open", "kept_open": True}, 200)
    assert kept_open([a_pass, kept])
    assert not kept_open([])
    assert not kept_open([a_pass])  # a crash: no note
    assert not kept_open([kept, Pass(3, 300, "PC1", 2)])  # resumed, then a crash
    assert not kept_open([a_pass, Other(2, "note", {"text": "a free note"}, 200)])
    assert not kept_open([a_pass, Other(2, "note", {"text": "x", "kept_open": "yes"}, 200)])
