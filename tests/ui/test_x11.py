"""A real X11 window under Xvfb: keys sent through XTEST keep their intervals (DESIGN.md).

Xvfb has no window manager: the window gets focus with `xdotool windowfocus --sync`, then keys go
without `--window` (XTEST); keys sent to a window directly are synthetic and Qt ignores them.
The X server stamps each key event; mmtimer carries that stamp onto its session clock, so the
intervals between recorded presses match the intervals sent even while the GUI thread is busy.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from mmtimer.core.clock import NS_PER_MS, SystemClock
from mmtimer.core.stage import load_stage
from mmtimer.ui.resume import inspect_log

pytestmark = [pytest.mark.x11, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
MISSING = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
if MISSING:
    pytestmark.append(
        pytest.mark.skip(
            reason=f"{' and '.join(MISSING)} not installed (apt-get install -y "
            "--no-install-recommends xvfb xauth xdotool; .ci/run installs them)"
        )
    )


@dataclass
class XServer:
    display: str
    env: dict[str, str]

    def xdotool(self, *args: str, timeout: float = 20) -> str:
        done = subprocess.run(
            ["xdotool", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
        return done.stdout


@pytest.fixture(scope="module")
def xserver() -> Iterator[XServer]:
    """Xvfb on a free display (it picks one and tells us through -displayfd), no TCP."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-nolisten", "tcp", "-screen", "0", "800x600x24"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd, "r") as pipe:
            number = pipe.readline().strip()
        if not number:
            pytest.fail("Xvfb did not start")
        env = dict(os.environ)
        env.update(DISPLAY=f":{number}", QT_QPA_PLATFORM="xcb")
        env.pop("WAYLAND_DISPLAY", None)
        yield XServer(f":{number}", env)
    finally:
        server.terminate()
        server.wait(timeout=10)


def start_window(xserver: XServer, argv: list[str]) -> tuple[subprocess.Popen[bytes], str]:
    """Start a Qt program on the X server, find its window and give it the keyboard focus."""
    env = dict(xserver.env)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    for key in ("MMTIMER_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):  # this test's own folders
        if key in os.environ:
            env[key] = os.environ[key]
    program = subprocess.Popen(
        argv, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        found = xserver.xdotool("search", "--sync", "--onlyvisible", "--pid", str(program.pid))
    except subprocess.TimeoutExpired:
        program.kill()
        _, err = program.communicate(timeout=10)
        pytest.fail(f"no window appeared: {err.decode(errors='replace')[-2000:]}")
    window_id = found.split()[0]
    xserver.xdotool("windowfocus", "--sync", window_id)
    return program, window_id


def send_spaces(xserver: XServer, gaps_s: list[float]) -> None:
    """Space, then after each gap another Space: one xdotool process, so the gaps are exact."""
    chain = ["key", "--delay", "20", "space"]
    for gap in gaps_s:
        chain += ["sleep", f"{gap:.3f}", "key", "--delay", "20", "space"]
    xserver.xdotool(*chain, timeout=60)


def stop(program: subprocess.Popen[bytes]) -> None:
    program.terminate()
    try:
        program.wait(timeout=10)
    except subprocess.TimeoutExpired:
        program.kill()
        program.wait(timeout=10)


def wait_for_lines(path: Path, count: int, program: subprocess.Popen[bytes]) -> list[str]:
    """Poll the program's output file until it holds `count` lines (the program runs apart)."""
    clock = SystemClock()
    deadline = clock.now_ns() + 20_000 * NS_PER_MS
    while clock.now_ns() < deadline:
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        if len(lines) >= count:
            return lines
        if program.poll() is not None:
            break
        time.sleep(0.05)  # polling another process's file, not making logic happen
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


# Gaps between presses (s): uneven, so an interval cannot match by luck.
GAPS_S = [0.35, 0.8, 0.21, 1.3, 0.5, 0.65]
TOLERANCE_MS = 20


def test_probe_window_records_the_intervals_sent_despite_a_busy_gui(
    xserver: XServer, tmp_path: Path
) -> None:
    out = tmp_path / "presses.txt"
    # The probe blocks its GUI thread 120 ms out of every 240: presses are handled late.
    program, _ = start_window(
        xserver, [sys.executable, "tests/ui/x11_probe.py", str(out), "--busy-ms", "120"]
    )
    try:
        send_spaces(xserver, GAPS_S)
        lines = wait_for_lines(out, len(GAPS_S) + 1, program)
    finally:
        stop(program)
    assert len(lines) == len(GAPS_S) + 1, lines
    rows = [line.split() for line in lines]
    assert {row[2] for row in rows} == {"event-clock"}, "X11 timestamps were not used"
    assert {row[3] for row in rows} == {"key:Space"}
    stamped = [int(row[0]) for row in rows]
    handled = [int(row[1]) for row in rows]
    key_ms = 20  # `key --delay 20`: each key is held 10 ms and followed by 10 ms
    sent_ms = [gap * 1000 + key_ms for gap in GAPS_S]
    got_ms = [(b - a) / NS_PER_MS for a, b in itertools.pairwise(stamped)]
    errors = [abs(g - s) for g, s in zip(got_ms, sent_ms, strict=True)]
    late_ms = [(h - t) / NS_PER_MS for h, t in zip(handled, stamped, strict=True)]
    print(f"interval errors (ms): {errors}; handled late (ms): {late_ms}")
    assert max(errors) <= TOLERANCE_MS, f"intervals {got_ms} against {sent_ms}"
    # and the stamps really did not follow the handling: some presses waited for the busy GUI
    assert max(late_ms) > TOLERANCE_MS, f"the GUI was never busy at a press: {late_ms}"


def test_mmtimer_logs_the_intervals_sent(xserver: XServer, tmp_path: Path) -> None:
    """The real app on the bundled stage: PC1 (3 lines) and PC2 (4 lines) take the 7 presses."""
    log = tmp_path / "x11.mmlog"
    stage = REPO / "resources" / "stages" / "mille-miglia-day1.stage.toml"
    program, _ = start_window(
        xserver, [sys.executable, "-m", "mmtimer", str(stage), "--log", str(log)]
    )
    try:
        send_spaces(xserver, GAPS_S)
        wait_for_lines(log, 1 + len(GAPS_S) + 1, program)  # the header, then the passes
        xserver.xdotool("key", "ctrl+q")  # File > Quit mid-stage: mmtimer asks first
        found = xserver.xdotool("search", "--sync", "--onlyvisible", "--name", "Quit mmtimer")
        xserver.xdotool("windowfocus", "--sync", found.split()[0])
        xserver.xdotool("key", "Return")  # the default: quit and keep the stage open
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
        ("PC2", 3),
        ("PC2", 4),
    ]
    assert {p["source"] for p in passes} == {"key:Space"}
    assert events[-1]["type"] == "pass"  # no closing event: the next start offers to resume
    assert inspect_log(log, load_stage(stage)).passes == 7
    key_ms = 20
    sent_ms = [gap * 1000 + key_ms for gap in GAPS_S]
    got_ms = [(b["t_ns"] - a["t_ns"]) / NS_PER_MS for a, b in itertools.pairwise(passes)]
    errors = [abs(g - s) for g, s in zip(got_ms, sent_ms, strict=True)]
    print(f"mmtimer interval errors (ms): {errors}")
    assert max(errors) <= TOLERANCE_MS, f"intervals {got_ms} against {sent_ms}"
