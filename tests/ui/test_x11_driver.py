"""The driver display in a real X11 window under Xvfb, with real XTEST keys: opened from the
command line it leaves the keyboard with the stage window, and a Space that lands on it anyway
(a window manager gave it the focus) is recorded by the stage window, stamped by the X server."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mmtimer.core.resume import inspect_log
from mmtimer.core.stage import load_stage
from tests.ui.test_x11 import (
    MISSING,
    REPO,
    XServer,
    interval_errors_ms,
    send_spaces,
    stop,
    wait_for_lines,
    xserver,  # noqa: F401 - the fixture, shared with test_x11.py
)

pytestmark = [pytest.mark.x11, pytest.mark.slow]
if MISSING:
    pytestmark.append(pytest.mark.skip(reason=f"{' and '.join(MISSING)} not installed"))

TOLERANCE_MS = 20


def windows_of(server: XServer, pid: int, count: int) -> dict[str, str]:
    """The program's visible windows by title, once it shows `count` of them."""
    deadline = time.monotonic() + 30
    names: dict[str, str] = {}
    while time.monotonic() < deadline:
        try:
            found = server.xdotool("search", "--onlyvisible", "--pid", str(pid)).split()
        except subprocess.CalledProcessError:
            found = []  # none yet
        names = {server.xdotool("getwindowname", w).strip(): w for w in found}
        if len(names) >= count:
            return names
        time.sleep(0.1)  # polling another process's windows
    pytest.fail(f"the windows did not appear: {names}")


def test_the_driver_display_never_keeps_a_trigger_key(xserver: XServer, tmp_path: Path) -> None:  # noqa: F811
    log = tmp_path / "x11.mmlog"
    stage = REPO / "resources" / "stages" / "mille-miglia-day1.stage.toml"
    env = dict(xserver.env)
    env["PYTHONPATH"] = str(REPO)
    program = subprocess.Popen(
        [sys.executable, "-m", "mmtimer", str(stage), "--log", str(log), "--driver-window"],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
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
        xserver.xdotool("key", "ctrl+q")
        found = xserver.xdotool("search", "--sync", "--onlyvisible", "--name", "Leave the stage")
        xserver.xdotool("windowfocus", "--sync", found.split()[0])
        xserver.xdotool("key", "Return")  # keep the stage open and quit
        program.wait(timeout=20)
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
