"""What a plain start imports: the app on its bundled stage, to the first frame, must not load
the libraries only some menus need (they cost start time on every start of the day)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Loaded when their feature is first used, never by a start on a stage.
NOT_AT_START = (
    "tomlkit",
    "pynmeagps",
    "pyqtgraph",
    "PySide6.QtHttpServer",
    "PySide6.QtWebSockets",
    # the GPS sources, when one is chosen
    "PySide6.QtPositioning",
    "PySide6.QtSerialPort",
    # the beeps' output, preloaded a moment after the first frame (or at the first beep)
    "PySide6.QtMultimedia",
    # the navigator's card, when printed or exported
    "mmtimer.present.card",
    "mmtimer.ui.card_pdf",
    "mmtimer.ui.pdfpages",
    "PySide6.QtPrintSupport",
    # the event dialog, when an event is made or edited
    "mmtimer.ui.eventdialog",
    # hashlib, hmac and random with it, for a temporary file's name
    "secrets",
)

CODE = """
import sys
from mmtimer.cli import main
code = main(["--quit-after-first-frame"])
print("MODULES", " ".join(sorted(sys.modules)))
sys.exit(code)
"""


def test_a_start_on_the_bundled_stage_imports_none_of_the_feature_libraries(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["HOME"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", CODE],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("MODULES "))
    modules = set(line.split()[1:])
    assert "mmtimer.ui.stagewindow" in modules  # the start really opened the stage window
    loaded = [name for name in NOT_AT_START if name in modules]
    assert loaded == [], f"imported at start: {loaded}"
