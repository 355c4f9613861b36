"""The driver's displays from the stage window: View > Driver display and View > Driver page,
driven by keys on the example stage (fake clock); the page read back over loopback."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QKeyEvent, QPainter
from pytestqt.qtbot import QtBot

from mmtimer.app import open_driver_displays
from mmtimer.cli import _app_parser
from mmtimer.core.clock import NS_PER_MS, NS_PER_S, FakeClock
from mmtimer.paths import resource
from mmtimer.present.tone import Tone
from mmtimer.ui.driverdisplays import DriverPageDialog
from mmtimer.ui.stagewindow import StageWindow
from tests.ui.stagerig import fake_clock, own_settings, show_active, stage_window
from tests.ui.test_driverpage import get
from tests.ui.test_pacer import DRIVE, make_rig
from tests.ui.test_pacer import sync as pacer_sync

pytestmark = pytest.mark.gui
STAGE = resource("stages", "mille-miglia-day1.stage.toml")


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[StageWindow]:
    window = stage_window(qtbot, fake_clock(), own_settings(tmp_path))
    window.drivers.page_host = "127.0.0.1"  # tests listen on loopback only
    assert window.open_path(STAGE, tmp_path / "run.mmlog")
    show_active(qtbot, window, 1200, 720)
    yield window
    window.close()


def clock_of(window: StageWindow) -> FakeClock:
    clock = window.controller.clock
    assert isinstance(clock, FakeClock)
    return clock


def test_view_driver_display_follows_the_presses(qtbot: QtBot, window: StageWindow) -> None:
    action = window.drivers.window_action
    assert action.text() == "&Driver display" and not action.isChecked()
    action.trigger()  # View > Driver display
    driver = window.drivers.window
    assert driver is not None and driver.isVisible() and driver.isFullScreen()
    assert driver.texts()[0] == "PC1 · line 1 · press at the start line"
    qtbot.keyClick(window, Qt.Key.Key_Space)  # PC1's start
    clock_of(window).advance_ns(3_000 * NS_PER_S // 1000)
    qtbot.waitUntil(lambda: driver.texts()[0] == "PC1 · line 2", timeout=2000)
    assert driver.texts()[1] == "12.00"  # 15.00 s to line 2, 3 s gone
    # a trigger key that lands on the driver window is recorded all the same, with its stamp
    clock_of(window).advance_ns(12_100 * NS_PER_MS)
    press = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier)
    driver.event(press)
    qtbot.waitUntil(lambda: driver.texts()[0] == "PC1 · line 3", timeout=2000)
    assert "+0.10 s" in driver.texts()[2]
    shots = os.environ.get("MMTIMER_DRIVER_SHOTS")
    if shots:
        image = QImage(1280, 720, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        driver.render_into(painter, QRectF(0, 0, 1280, 720))
        painter.end()
        image.save(str(Path(shots) / "mmtimer-driver-window.png"))
    # the dial colour chosen in the stage window is the driver window's too
    window.set_theme("night")
    qtbot.waitUntil(lambda: driver._theme.name == "night", timeout=2000)
    action.trigger()
    assert window.drivers.window is None and not action.isChecked()


def test_view_driver_page_serves_the_stage_and_shows_its_qr_code(
    qtbot: QtBot, window: StageWindow, capsys: pytest.CaptureFixture[str]
) -> None:
    window.settings.setValue("driver/port", 0)  # any free port
    window.drivers.start_page(0)
    server = window.drivers.server
    assert server is not None and server.running and window.drivers.page_action.isChecked()
    out = capsys.readouterr().out
    assert f"driver page: http://127.0.0.1:{server.port}/?key={server.key}\n" in out
    dialog = window.findChild(DriverPageDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.address.text() == server.url()
    assert not dialog.qr.pixmap().isNull() and dialog.qr.pixmap().width() >= 200
    assert window.isActiveWindow()  # the keyboard stays with the stage window
    shots = os.environ.get("MMTIMER_DRIVER_SHOTS")
    if shots:
        dialog.grab().save(str(Path(shots) / "mmtimer-driver-page-dialog.png"))
    qtbot.keyClick(window, Qt.Key.Key_Space)
    reply = get(qtbot, f"http://127.0.0.1:{server.port}/state?key={server.key}")
    assert json.loads(reply.body)["view"]["armed"] == "PC1 · line 2"
    window.drivers.page_action.trigger()  # View > Driver page again: off
    assert window.drivers.server is None and not window.drivers.page_action.isChecked()
    assert get(qtbot, f"http://127.0.0.1:{server.port}/state?key={server.key}").status == 0


def test_the_command_line_opens_both(qtbot: QtBot, window: StageWindow) -> None:
    args = _app_parser().parse_args(["--driver-window", "--driver-page", "8765"])
    assert args.driver_window and args.driver_page == 8765
    with pytest.raises(SystemExit):
        _app_parser().parse_args(["--driver-page", "http"])
    args.driver_page = 0  # any free port here
    open_driver_displays(window, args)
    assert window.drivers.window is not None and window.drivers.window.isVisible()
    assert window.drivers.server is not None and window.drivers.server.running
    window.drivers.shutdown()
    assert window.drivers.window is None and window.drivers.server is None


def test_the_cars_distance_reaches_the_driver_window_and_page(qtbot: QtBot, tmp_path: Path) -> None:
    """The pacer's distance (a landmark confirmed with K, then the simulated drive as a receiver)
    gives ahead/behind on the driver window and the page; a landmark's is shown as stale."""
    rig = make_rig(qtbot, tmp_path)
    window = rig.window
    window.drivers.page_host = "127.0.0.1"
    try:
        window.drivers.start_page(0)
        server = window.drivers.server
        assert server is not None
        driver = window.drivers.open_window()

        def state() -> dict[str, Any]:
            url = f"http://127.0.0.1:{server.port}/state?key={server.key}"
            average = json.loads(get(qtbot, url).body)["view"]["average"]
            assert isinstance(average, dict)
            return average

        pacer_sync(rig, "15:11:40")
        rig.clock.advance_ns(8 * NS_PER_S)
        rig.key(Qt.Key.Key_Space)  # the start marker: the schedule runs from here
        rig.clock.advance_ns(60 * NS_PER_S)
        driver.refresh()
        assert driver.texts()[3] == "40.0 km/h  ·  ahead/behind: no distance"
        rig.key(Qt.Key.Key_K)  # the bridge at km 0.700, 3 s before its ideal time
        rig.clock.advance_ns(4 * NS_PER_S)
        driver.refresh()
        assert driver.texts()[3] == "40.0 km/h  ·  ahead 3.0 s then (landmark 4 s ago)"
        assert driver.tones()[3] == Tone.IDLE
        average = state()
        assert average["car_km"] == "0.700" and average["ahead_ms"] == 3000
        assert average["distance_live"] is False and average["distance_source"] == "landmark"
        assert average["hold_kmh"] is None

        # GPS: the recorded drive as a receiver, 20 s of it: live, with an average to hold
        assert window.pacer.open_drive(DRIVE)
        for _ in range(200):
            rig.clock.advance_ns(100 * NS_PER_MS)
            window.pacer.gps._play_due()
            window.pacer.tick()
        driver.refresh()
        pacer = window.pacer.view
        assert pacer is not None and pacer.live
        bottom = driver.texts()[3]
        assert " then " not in bottom and "  ·  hold " in bottom, bottom
        assert driver.tones()[3] == Tone.NORMAL
        average = state()
        assert average["distance_live"] is True and average["distance_source"] == "gps"
        assert average["car_km"] == pacer.car_km and average["hold_kmh"] is not None
        # the same ahead/behind as the pacer panel (its metres; seconds to the tenth, cut)
        assert f"{abs(average['ahead_m'])} m" in pacer.delta_m
    finally:
        window.drivers.shutdown()
        window.close()
