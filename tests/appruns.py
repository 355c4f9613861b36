"""Run the mmtimer window in a process of its own, offscreen, until its first frame: for what only
the command line does (a bad file named on it opens the window with the error, then exits 2).
In-process, the window's event loop would never return."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_window(*args: str, timeout_s: float = 120) -> subprocess.CompletedProcess[str]:
    """`mmtimer ARGS --quit-after-first-frame`, offscreen, with this test's folders."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "mmtimer", *args, "--quit-after-first-frame"],
        capture_output=True,
        text=True,
        timeout=timeout_s,
        env=env,
        cwd=REPO,
        check=False,
    )


def mmtimer_lines(stderr: str) -> list[str]:
    """mmtimer's own lines on stderr (Qt's platform plugin may add warnings of its own)."""
    return [line for line in stderr.splitlines() if line.startswith("mmtimer:")]
