"""Backspace in a real X11 window under Xvfb, with real XTEST keys (tests/xserver.py has the
server and the window): N then Backspace arms the skipped line again and voids nothing; pass,
pass, Backspace, Backspace takes back both passes. The log says so, line by line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mmtimer.core.logfile import read_log
from mmtimer.core.replay import Replay
from mmtimer.core.session import Armed
from tests.xserver import (
    REPO,
    XServer,
    quit_keeping_the_stage_open,
    start_window,
    stop,
    wait_for_lines,
    x11_marks,
)

pytestmark = x11_marks()
STAGE = REPO / "resources" / "stages" / "mille-miglia-day1.stage.toml"


def test_n_then_backspace_and_two_passes_then_two_backspaces(
    xserver: XServer, tmp_path: Path
) -> None:
    log = tmp_path / "undo.mmlog"
    program, _ = start_window(
        xserver, [sys.executable, "-m", "mmtimer", str(STAGE), "--log", str(log)]
    )
    # each key through XTEST, and the log line it makes before the next (header = line 1)
    script = [
        ("space", 2),  # PC1 line 1
        ("space", 3),  # PC1 line 2
        ("n", 4),  # PC1 line 3 skipped: PC2 line 1 armed
        ("BackSpace", 5),  # the skip undone: PC1 line 3 armed again
        ("BackSpace", 6),  # the pass of line 2 undone
        ("BackSpace", 7),  # and the pass of line 1: PC1 line 1 armed again
        ("space", 8),  # PC1 line 1 again
    ]
    try:
        for key, lines in script:
            xserver.xdotool("key", key)
            got = wait_for_lines(log, lines, program)
            assert len(got) >= lines, (key, got)
        quit_keeping_the_stage_open(xserver, program)  # Ctrl+Q, Return: kept open
    finally:
        stop(program)
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()[1:]]
    assert [(e["type"], e.get("ref")) for e in events] == [
        ("pass", None),
        ("pass", None),
        ("navigate", None),
        ("undo", 3),  # the skip, not the pass before it
        ("undo", 2),
        ("undo", 1),
        ("pass", None),
        ("note", None),  # Ctrl+Q, "Keep the stage open": kept_open
    ]
    assert events[-1]["kept_open"] is True
    assert events[2]["action"] == "skip" and events[2]["skipped_line"] == 3
    assert not [e for e in events if e["type"] == "void"]  # nothing voided
    replay = Replay(read_log(log))
    at = [e["t_ns"] for e in events]
    assert replay.state_at(at[2]).armed == Armed("PC2", 1)
    assert replay.state_at(at[3]).armed == Armed("PC1", 3)  # the skipped line, armed again
    assert replay.state_at(at[3]).last_pass is not None  # line 2 still counts
    assert replay.state_at(at[5]).armed == Armed("PC1", 1)
    assert replay.state_at(at[5]).last_pass is None  # both passes taken back
    final = replay.final_state()
    assert final.armed == Armed("PC1", 2)
    assert final.last_pass is not None and final.last_pass.seq == 7
