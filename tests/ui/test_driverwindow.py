"""The driver window: what it shows of a live stage as it is pressed, in every theme, and that it
never keeps a key (a trigger pressed while it has the keyboard reaches the stage window)."""

from __future__ import annotations

import os
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import NS_PER_MS, NS_PER_S, FakeClock
from mmtimer.core.crew import Crew
from mmtimer.core.rules import load_rules
from mmtimer.core.stage import load_stage
from mmtimer.core.timefmt import parse_time_of_day_ms
from mmtimer.paths import resource
from mmtimer.present.tone import Tone
from mmtimer.ui.dialogs import SyncRequest
from mmtimer.ui.driverwindow import LIGHT_TONES, DriverWindow, live_view
from mmtimer.ui.livestage import LiveStage
from mmtimer.ui.themes import THEMES, Theme

pytestmark = pytest.mark.gui
STAGE = resource("stages", "mille-miglia-day1.stage.toml")


@pytest.fixture
def live(qtbot: QtBot, tmp_path: Path) -> LiveStage:
    stage = load_stage(STAGE)
    clock = FakeClock(500 * NS_PER_S)
    return LiveStage(stage, load_rules(stage.rules), Crew(), tmp_path / "t.mmlog", clock)


def advance(live: LiveStage, ms: int) -> int:
    assert isinstance(live.clock, FakeClock)
    live.clock.advance_ns(ms * NS_PER_MS)
    return live.clock.now_ns()


def paint(window: DriverWindow, width: int = 960, height: int = 540) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    window.render_into(painter, QRectF(0, 0, width, height))
    painter.end()
    return image


def colours(image: QImage) -> set[str]:
    return {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    }


def test_the_window_follows_the_stage(qtbot: QtBot, live: LiveStage) -> None:
    window = DriverWindow(THEMES["nero-corsa"], lambda: live_view(live))
    qtbot.addWidget(window)
    window.refresh()
    assert window.texts()[:2] == ("PC1 · line 1 · press at the start line", "--.--")
    live.press(advance(live, 1000), "key:Space")
    advance(live, 11_000)
    window.refresh()
    assert window.texts()[:3] == ("PC1 · line 2", "4.00", "PC1 · line 1  start")
    assert window.tones()[1].value == "near"
    live.press(advance(live, 4040), "key:Space")
    window.refresh()
    armed, left, last, bottom = window.texts()
    assert (armed, left, last, bottom) == (
        "PC1 · line 3",
        "6.00",
        "PC1 · line 2  +0.04 s  4 pts",
        "So far 4 pts",
    )
    assert window.tones()[2].value == "late"
    image = paint(window)
    assert QColor("#ff6e5a").name() in colours(image)  # the late deviation, in red
    shots = os.environ.get("MMTIMER_DRIVER_SHOTS")
    image.save(str(Path(shots) / "mmtimer-driver-window.png") if shots else "/dev/null", "PNG")


def test_an_average_trial_shows_the_imposed_average(qtbot: QtBot, live: LiveStage) -> None:
    window = DriverWindow(THEMES["nero-corsa"], lambda: live_view(live))
    qtbot.addWidget(window)
    assert live.select_section("PM1", advance(live, 1000))
    window.refresh()
    assert window.view is not None and window.view.average is None  # no official time yet
    # synced: PM1 started at 15:12:00 at 40 km/h; 3 min later the ideal car is at km 2.000
    live.sync(SyncRequest(advance(live, 1000), parse_time_of_day_ms("15:15:00"), "typed"))
    window.refresh()
    average = window.view.average
    assert average is not None
    assert (average.speed_kmh, average.ideal_m) == (Decimal("40.0"), 2000)
    assert (average.next_change_m, average.next_speed_kmh) == (3000, Decimal("35.0"))
    assert average.next_in_ms == 90_000
    assert window.texts()[3] == "40.0 km/h  ·  ahead/behind: no distance"


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_theme_paints_readable_text(qtbot: QtBot, live: LiveStage, name: str) -> None:
    theme: Theme = THEMES[name]
    window = DriverWindow(theme, lambda: live_view(live))
    qtbot.addWidget(window)
    live.press(advance(live, 1000), "key:Space")
    window.refresh()
    image = paint(window, 640, 360)
    seen = colours(image)
    assert QColor(theme.background).name() in seen
    assert len(seen) > 20  # antialiased digits on the background


class KeySink(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.keys: list[tuple[int, int]] = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keys.append((event.key(), event.timestamp()))


def test_a_key_that_reaches_the_driver_window_goes_to_the_stage_window(
    qtbot: QtBot, live: LiveStage
) -> None:
    stage_window = KeySink()
    qtbot.addWidget(stage_window)
    window = DriverWindow(THEMES["night"], lambda: live_view(live))
    qtbot.addWidget(window)
    window.key_target = stage_window
    assert window.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert window.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    press = QKeyEvent(
        QKeyEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " "
    )
    press.setTimestamp(123_456)
    window.event(press)
    qtbot.keyClick(window, Qt.Key.Key_Backspace)
    assert stage_window.keys == [(Qt.Key.Key_Space, 123_456), (Qt.Key.Key_Backspace, 0)]


def test_a_light_theme_gets_dark_tones(qtbot: QtBot, live: LiveStage) -> None:
    """A daylight theme (light background): the tones are the darker ones that read in sun."""
    daylight = replace(THEMES["nero-corsa"], name="daylight-test", background="#f4f1e8")
    window = DriverWindow(daylight, lambda: live_view(live))
    qtbot.addWidget(window)
    live.press(advance(live, 1000), "key:Space")
    live.press(advance(live, 15_200), "key:Space")  # 0.20 s late
    window.refresh()
    seen = colours(paint(window))
    assert LIGHT_TONES[Tone.LATE].name() in seen
    assert QColor("#ff6e5a").name() not in seen  # not the dark theme's light red


def test_the_chosen_screen_is_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QGuiApplication

    from mmtimer.ui.driverdisplays import KEY_SCREEN, DriverDisplays

    host = QWidget()
    qtbot.addWidget(host)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    displays = DriverDisplays(host, settings, lambda: None, lambda: THEMES["night"])
    screen = QGuiApplication.screens()[-1]
    displays.choose_screen(screen.name())
    assert settings.value(KEY_SCREEN) == screen.name()
    assert displays.chosen_screen() is screen
    window = displays.open_window()
    assert window.screen() is screen and window.texts()[0] == "no stage open"
    displays.shutdown()
