"""Choosing the driver display's screen with several screens: Qt's offscreen platform given two
(a laptop and a small dashboard monitor, then another set), the stage window on the laptop's, in
a fresh process each time (tests/ui/screens_probe.py), the settings file kept between them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]


def screens_file(folder: Path, name: str, *screens: tuple[str, int, int]) -> Path:
    entries = []
    x = 0
    for screen, width, height in screens:
        entries.append(
            {
                "name": screen,
                "x": x,
                "y": 0,
                "width": width,
                "height": height,
                "logicalDpi": 96,
                "logicalBaseDpi": 96,
                "dpr": 1,
            }
        )
        x += width
    path = folder / name
    path.write_text(json.dumps({"screens": entries}), encoding="utf-8")
    return path


def probe(screens: Path, settings: Path, log: Path, *extra: str) -> dict[str, Any]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screens}"
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.screens_probe", str(settings), str(log), *extra],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(seen, dict)
    return seen


def test_the_display_goes_on_the_other_screen_and_the_choice_is_kept(tmp_path: Path) -> None:
    two = screens_file(tmp_path, "two.json", ("laptop", 1366, 768), ("dash", 800, 480))
    settings = tmp_path / "mmtimer.ini"
    first = probe(two, settings, tmp_path / "1.mmlog", "--choose", "laptop")
    assert sorted(first["screens"]) == ["dash", "laptop"]
    assert first["stage_window"] == "laptop"
    # nothing chosen yet: full screen on the screen the stage window is not on
    assert first["opened_on"] == "dash" and first["full_screen"]
    assert first["opened_geometry"] == [1366, 0, 800, 480]
    assert first["menu"] == ["dash (800x480)", "laptop (1366x768)"]
    assert first["checked"] == ["dash"]
    # View > Driver display screen > laptop: it moves there at once
    assert first["moved_to"] == "laptop" and first["moved_geometry"] == [0, 0, 1366, 768]
    assert "screen=laptop" in settings.read_text(encoding="utf-8")

    # the next start remembers it, though another screen is free
    second = probe(two, settings, tmp_path / "2.mmlog")
    assert second["opened_on"] == "laptop" and second["checked"] == ["laptop"]
    assert second["opened_geometry"] == [0, 0, 1366, 768]

    # chosen: dash; then that monitor is not plugged in but another is: the display goes on the
    # other one, not on the stage window's, and the choice stays for when dash is back
    probe(two, settings, tmp_path / "3.mmlog", "--choose", "dash")
    other = screens_file(tmp_path, "other.json", ("laptop", 1366, 768), ("hdmi", 1024, 600))
    third = probe(other, settings, tmp_path / "4.mmlog")
    assert third["opened_on"] == "hdmi" and third["opened_geometry"] == [1366, 0, 1024, 600]
    assert "screen=dash" in settings.read_text(encoding="utf-8")
    fourth = probe(two, settings, tmp_path / "5.mmlog")
    assert fourth["opened_on"] == "dash"

    # one screen only: the display goes full screen on it
    one = screens_file(tmp_path, "one.json", ("laptop", 1366, 768))
    alone = probe(one, settings, tmp_path / "6.mmlog")
    assert alone["opened_on"] == "laptop" and alone["menu"] == ["laptop (1366x768)"]
