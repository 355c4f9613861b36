"""The main window: pushers and shortcuts drive the chronograph; views and settings persist."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from mmtimer.core.chrono import ChronoAction
from mmtimer.core.clock import FakeClock
from mmtimer.present.formats import format_chrono
from mmtimer.ui.controller import Controller
from mmtimer.ui.dial import Pusher
from mmtimer.ui.dialstate import Stepping
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.helpdialog import KeyboardHelp
from mmtimer.ui.mainwindow import (
    ACTIVE_INTERVAL_MS,
    INACTIVE_INTERVAL_MS,
    MainWindow,
)

S = 1_000_000_000


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """A temporary INI file: the user's settings are never touched."""
    return QSettings(str(tmp_path / "mmtimer.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(100 * S, utc_start=datetime.datetime(2026, 5, 13, 8, 0, tzinfo=datetime.UTC))


@pytest.fixture
def window(qtbot: QtBot, clock: FakeClock, settings: QSettings) -> Iterator[MainWindow]:
    load_fonts()
    win = MainWindow(Controller(clock), settings)
    qtbot.addWidget(win)
    win.resize(1000, 600)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    yield win


def elapsed(window: MainWindow, clock: FakeClock) -> int:
    return window.controller.chronograph.elapsed_ns(clock.now_ns())


def test_clicking_the_painted_pushers_starts_stops_and_resets(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    dial = window.dial
    start = dial.pusher_centre(Pusher.START_STOP).toPoint()
    reset = dial.pusher_centre(Pusher.RESET).toPoint()
    qtbot.mouseClick(dial, Qt.MouseButton.LeftButton, pos=start)
    assert window.controller.chronograph.running
    clock.advance_ns(12_345_000_000)
    window.refresh()
    assert window.chrono_readout.text() == "0:00:12.34"  # truncated, never rounded up
    qtbot.mouseClick(dial, Qt.MouseButton.LeftButton, pos=start)
    assert not window.controller.chronograph.running
    clock.advance_ns(5 * S)
    assert elapsed(window, clock) == 12_345_000_000
    qtbot.mouseClick(dial, Qt.MouseButton.LeftButton, pos=reset)
    assert elapsed(window, clock) == 0
    window.refresh()
    assert window.chrono_readout.text() == "0:00:00.00"


def test_shortcuts_start_split_lap_stop_and_reset(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_S)
    assert window.controller.chronograph.running
    assert window.dial.pressed_pushers() == (True, False)  # the pusher shows the key press
    clock.advance_ns(10 * S)
    qtbot.keyClick(window, Qt.Key.Key_P)
    clock.advance_ns(2 * S)
    qtbot.keyClick(window, Qt.Key.Key_L)
    window.refresh()
    assert window.mark_readout.caption() == "LAP 1"
    assert window.mark_readout.text() == "0:00:12.00"
    marks = window.controller.chronograph.marks
    assert [(m.action, m.elapsed_ns) for m in marks] == [
        (ChronoAction.SPLIT, 10 * S),
        (ChronoAction.LAP, 12 * S),
    ]
    clock.advance_ns(1 * S)
    qtbot.keyClick(window, Qt.Key.Key_S)
    assert not window.controller.chronograph.running
    assert elapsed(window, clock) == 13 * S
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert elapsed(window, clock) == 0
    assert window.controller.chronograph.marks == ()
    clock.advance_ns(1 * S)  # past the flash, the pushers are drawn up again
    window.refresh()
    assert window.dial.pressed_pushers() == (False, False)


def test_space_is_left_for_the_timing_line(window: MainWindow) -> None:
    keys = {seq.toString() for action in window.findChildren(QAction) for seq in action.shortcuts()}
    assert "Space" not in keys
    assert {"S", "P", "L", "R", "F1", "F11"} <= keys


def test_a_refused_reset_says_why_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_S)
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert window.controller.chronograph.running
    assert "stop the chronograph" in window.statusBar().currentMessage().lower()


def test_the_readouts_follow_the_clock_not_the_timer(window: MainWindow, clock: FakeClock) -> None:
    window.controller.start_stop()
    clock.advance_ns(3723 * S + 990_000_000)
    window.refresh()
    assert window.chrono_readout.text() == "1:02:03.99"
    assert window.chrono_readout.note() == "running"
    assert window.official_readout.note() == "local clock"
    local = datetime.datetime(2026, 5, 13, 8, 0, tzinfo=datetime.UTC).astimezone()
    later = local + datetime.timedelta(seconds=3723.99)
    assert window.official_readout.text() == later.strftime("%H:%M:%S")


def test_keyboard_help_lists_every_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.show_keyboard_help()
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    listed = {keys for keys, _ in rows}
    for action in window.findChildren(QAction):
        for seq in action.shortcuts():
            assert any(seq.toString() in keys for keys in listed), action.text()
    assert ("S", "Chronograph > Start / stop") in rows
    assert any("pusher at 4" in keys for keys, _ in rows)


def test_f1_opens_the_help(qtbot: QtBot, window: MainWindow) -> None:
    assert window.findChildren(KeyboardHelp) == []
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialogs = window.findChildren(KeyboardHelp)
    assert len(dialogs) == 1
    assert dialogs[0].isVisible()


def test_colour_and_stepping_persist(
    qtbot: QtBot, clock: FakeClock, settings: QSettings, window: MainWindow
) -> None:
    window.theme_actions["verde-chiaro"].trigger()
    window.stepping_actions[Stepping.SWEEP].trigger()
    assert window.dial.theme().name == "verde-chiaro"
    assert window.dial.stepping() is Stepping.SWEEP
    window.resize(700, 450)  # within the offscreen screen (800 x 600)
    window.close()
    again = MainWindow(Controller(clock), settings)
    qtbot.addWidget(again)
    assert again.dial.theme().name == "verde-chiaro"
    assert again.theme_actions["verde-chiaro"].isChecked()
    assert again.dial.stepping() is Stepping.SWEEP
    assert again.stepping_actions[Stepping.SWEEP].isChecked()
    assert (again.width(), again.height()) == (700, 450)


def test_unknown_settings_fall_back_to_defaults(
    qtbot: QtBot, clock: FakeClock, settings: QSettings
) -> None:
    settings.setValue("dial/theme", "tangerine")
    settings.setValue("dial/stepping", "quartz")
    win = MainWindow(Controller(clock), settings)
    qtbot.addWidget(win)
    assert win.dial.theme().name == "nero-corsa"
    assert win.dial.stepping() is Stepping.EIGHTHS


def test_repaints_fast_when_active_slow_when_inactive_none_when_hidden(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.repaint_interval_ms() == ACTIVE_INTERVAL_MS
    monkeypatch.setattr(window, "isActiveWindow", lambda: False)
    window._update_repaint_rate()
    assert window.repaint_interval_ms() == INACTIVE_INTERVAL_MS
    window.showMinimized()
    qtbot.waitUntil(lambda: window.repaint_interval_ms() is None, timeout=2000)
    window.showNormal()
    qtbot.waitUntil(lambda: window.repaint_interval_ms() is not None, timeout=2000)
    window.hide()
    assert window.repaint_interval_ms() is None


def test_full_screen_toggles(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    assert window.full_screen_action.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=2000)


def test_first_paint_callback_runs_once(
    qtbot: QtBot, clock: FakeClock, settings: QSettings
) -> None:
    win = MainWindow(Controller(clock), settings)
    qtbot.addWidget(win)
    calls: list[int] = []
    win.call_after_first_paint(lambda: calls.append(1))
    win.show()
    qtbot.waitUntil(lambda: calls == [1], timeout=2000)
    win.dial.repaint()
    assert calls == [1]


@pytest.mark.parametrize(
    ("elapsed_ns", "text"),
    [
        (0, "0:00:00.00"),
        (9_999_999, "0:00:00.00"),
        (61_230_000_000, "0:01:01.23"),
        (-5, "0:00:00.00"),
    ],
)
def test_format_chrono(elapsed_ns: int, text: str) -> None:
    assert format_chrono(elapsed_ns) == text


def test_the_window_looks_again_only_when_something_shown_will_change(
    window: MainWindow, clock: FakeClock
) -> None:
    """Timers only schedule: stopped, the next look is the small seconds' next beat (or the
    official time's next second); running, the readout's hundredths need every frame."""
    window.refresh()
    stopped = window._repaint_timer.remainingTime()
    assert window._repaint_timer.isSingleShot()
    assert ACTIVE_INTERVAL_MS < stopped <= 126
    window.controller.start_stop(clock.now_ns())
    window.refresh()
    assert window._repaint_timer.remainingTime() <= ACTIVE_INTERVAL_MS
    assert window.repaint_interval_ms() == ACTIVE_INTERVAL_MS
