"""The `mmtimer` command without a window."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mmtimer import __version__
from mmtimer.cli import main


def test_version_prints_without_a_window() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mmtimer", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={"PATH": "", "QT_QPA_PLATFORM": "none-such"},  # any attempt at a window would fail
    )
    assert done.stdout.strip() == f"mmtimer {__version__}"


def test_version_does_not_import_qt() -> None:
    code = (
        "import sys\nfrom mmtimer.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().endswith("False")


def test_the_drivers_displays_are_refused_with_a_replay(capsys: pytest.CaptureFixture[str]) -> None:
    """A log opens in a replay window, which has no driver: the options say so and stop before
    any window (exit 2), rather than being silently ignored."""
    log = "resources/logs/mille-miglia-day1.mmlog"
    assert main([log, "--driver-window"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "mmtimer: --driver-window: the driver's displays follow a stage being timed, and "
        f"{log} opens in a replay window; open the stage (.stage.toml) to time it\n"
    )
    assert main([log, "--driver-page", "8765", "--driver-window"]) == 2
    assert "--driver-window and --driver-page: " in capsys.readouterr().err
    done = subprocess.run(
        [sys.executable, "-m", "mmtimer", log, "--driver-page", "8765"],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "", "QT_QPA_PLATFORM": "none-such"},  # refused before any window
    )
    assert done.returncode == 2 and done.stderr.startswith("mmtimer: --driver-page: ")
