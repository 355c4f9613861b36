"""The pacer's keys in a real X11 window (Xvfb, XTEST keys): Space starts a press-start average
trial, K confirms its next landmark; both reach the log as the navigator pressed them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.xserver import (
    REPO,
    XServer,
    start_window,
    stop,
    wait_for_lines,
    x11_marks,
)

pytestmark = x11_marks()


def test_space_starts_the_trial_and_k_confirms_the_landmark(
    xserver: XServer, tmp_path: Path
) -> None:
    log = tmp_path / "pacer.mmlog"
    stage = REPO / "resources" / "stages" / "practice-average.stage.toml"
    program, _ = start_window(
        xserver, [sys.executable, "-m", "mmtimer", str(stage), "--log", str(log)]
    )
    try:
        xserver.xdotool("key", "space")  # the start marker
        wait_for_lines(log, 2, program)
        xserver.xdotool("key", "k")  # the bridge, km 0.700
        xserver.xdotool("key", "k")  # the S-bends, km 1.250
        lines = wait_for_lines(log, 4, program)
    finally:
        stop(program)
    events = [json.loads(line) for line in lines[1:]]
    assert [e["type"] for e in events[:3]] == ["start", "distance", "distance"], events
    assert events[0]["section"] == "PM1" and events[0]["source"] == "key:Space"
    assert [(e["m"], e["source"]) for e in events[1:3]] == [(700, "landmark"), (1250, "landmark")]
