"""The driver display in a real X11 window under Xvfb, with real XTEST keys: opened from the
command line it leaves the keyboard with the stage window, and a Space that lands on it anyway
(a window manager gave it the focus) is recorded by the stage window, stamped by the X server."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from mmtimer.core.resume import inspect_log
from mmtimer.core.stage import load_stage
from tests.xserver import (
    REPO,
    XServer,
    interval_errors_ms,
    quit_keeping_the_stage_open,
    send_spaces,
    start_program,
    stop,
    wait_for_lines,
    x11_marks,
)

pytestmark = x11_marks()

TOLERANCE_MS = 20


def windows_of(server: XServer, pid: int, count: int) -> dict[str, str]:
    """The program's visible windows by title, once it shows `count` of them."""
    deadline = time.monotonic() + 30
    names: dict[str, str] = {}
    while time.monotonic() < deadline:
        names = server.window_names(pid)
        if len(names) >= count:
            return names
        time.sleep(0.1)  # polling another process's windows
    pytest.fail(f"the windows did not appear: {names}")


def test_the_driver_display_never_keeps_a_trigger_key(xserver: XServer, tmp_path: Path) -> None:
    log = tmp_path / "x11.mmlog"
    stage = REPO / "resources" / "stages" / "mille-miglia-day1.stage.toml"
    program = start_program(
        xserver, [sys.executable, "-m", "mmtimer", str(stage), "--log", str(log), "--driver-window"]
    )
    try:
        names = windows_of(xserver, program.pid, 2)
        driver = names.pop("mmtimer · driver")
        (stage_window,) = names.values()
        # the stage window has the keyboard: three presses
        xserver.xdotool("windowfocus", "--sync", stage_window)
        sent = send_spaces(xserver, [0.4, 0.7])
        wait_for_lines(log, 1 + 3, program)
        # the driver display is given the keyboard (as a window manager might, on a tap)
        xserver.xdotool("windowfocus", "--sync", driver)
        sent += send_spaces(xserver, [0.5])
        wait_for_lines(log, 1 + 5, program)
        xserver.xdotool("windowfocus", "--sync", stage_window)
        quit_keeping_the_stage_open(xserver, program)  # Ctrl+Q, Return: kept open
    finally:
        stop(program)
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    passes = [e for e in events if e["type"] == "pass"]
    assert [(p["section"], p["line"]) for p in passes] == [
        ("PC1", 1),
        ("PC1", 2),
        ("PC1", 3),
        ("PC2", 1),
        ("PC2", 2),
    ]
    assert inspect_log(log, load_stage(stage)).passes == 5
    # the X server's stamps, also for the presses that went to the driver display: the
    # intervals match those sent (the gap between the two bursts included)
    errors = interval_errors_ms([p["t_ns"] for p in passes], sent)
    print(f"interval errors (ms): {errors}")
    assert max(errors) <= TOLERANCE_MS, f"interval errors (ms): {errors}"
