"""`mmtimer screenshot` and the start-up check `mmtimer --quit-after-first-frame`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from mmtimer.cli import main


def test_screenshot_writes_the_window_at_that_state(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "window.png"
    args = ["screenshot", str(out), "--size", "800", "--theme", "rosso-amarena"]
    code = main([*args, "--chrono", "23:37.62", "--time", "10:09:36", "--date", "2026-05-13"])
    assert code == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 480)
    assert "800 x 480" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--theme", "tangerine"], "--theme 'tangerine'"),
        (["--chrono", "1,5"], "decimal point"),
        (["--time", "25:00"], "not a valid 24 h time"),
        (["--date", "13/05/2026"], "not a date"),
        (["--size", "10"], "--size 10"),
    ],
)
def test_screenshot_refuses_bad_arguments_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    code = main(["screenshot", str(tmp_path / "x.png"), *extra])
    assert code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "x.png").exists()


@pytest.mark.slow
def test_the_app_starts_paints_a_frame_and_quits(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "mmtimer", "--quit-after-first-frame"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "mmtimer: first frame painted" in done.stdout


def test_the_window_does_not_import_pyqtgraph() -> None:
    """pyqtgraph costs about 0.7 s to import: it must not delay the dial's first frame."""
    code = (
        "import sys\nimport mmtimer.app, mmtimer.ui.mainwindow, mmtimer.commands.screenshot\n"
        "print(sorted(m for m in sys.modules if m.startswith('pyqtgraph')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"
