"""Themes on the whole window (issue 12): Night and Daylight colour menus, status bar, buttons,
dialogs, the table and the plots; Daylight's text reaches WCAG AAA; the Driving view's digits;
the not-synced banner; the crew above the face. Themes and views are chosen by keys typed into
the menus, as a person would."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSettings, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import NS_PER_MS, NS_PER_S, FakeClock
from mmtimer.core.events import Pass
from mmtimer.core.timefmt import parse_time_of_day_ms
from mmtimer.paths import resource
from mmtimer.present.header import NOT_SYNCED
from mmtimer.present.tone import Tone
from mmtimer.ui.appstyle import apply_theme
from mmtimer.ui.dialogs import CrewDialog, SyncRequest
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.helpdialog import shortcut_rows
from mmtimer.ui.stagelayout import OFFICIAL_MIN_PX, STAGE_COUNTDOWN_MIN_PX
from mmtimer.ui.stagewindow import StageWindow
from mmtimer.ui.themes import (
    DAY_CHROME,
    NIGHT_CHROME,
    OPAQUE_PARTS,
    THEMES,
    Chrome,
    Panel,
    Theme,
)
from mmtimer.ui.triggers import load_trigger_settings
from tests.ui.stagerig import show_active, stage_window

# Menus opened by keys pop up windows the offscreen platform cannot raise or grab the keyboard
# for (it says so); the menus work all the same.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)

STAGE = resource("stages", "mille-miglia-day1.stage.toml")
DEFAULT_SIZE = (1180, 720)


# -- contrast (WCAG 2.x) -------------------------------------------------------------------------
def luminance(colour: str) -> float:
    """WCAG relative luminance of "#rrggbb"."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    r, g, b = (channel(v) for v in (q.redF(), q.greenF(), q.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_of_known_pairs() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def text_pairs(theme: Theme) -> list[tuple[str, str, str]]:
    """Every (what, text, ground) pair a theme shows text in."""
    panel: Panel = theme.panel
    pairs = [
        ("readout", theme.readout, theme.background),
        ("readout caption", theme.readout_dim, theme.background),
        ("stage panel", panel.text, panel.background),
        ("panel header", panel.header_text, panel.header),
        ("armed line", panel.armed_text, panel.armed_background),
        ("banner", panel.banner_text, panel.banner_background),
        ("plot axes", panel.plot_text, panel.background),
        ("flash", panel.background, panel.flash),
    ]
    pairs += [
        (f"countdown {tone}", colour, panel.background) for tone, colour in panel.tones.items()
    ]
    chrome: Chrome | None = theme.chrome
    if chrome is not None:
        pairs += [
            ("window", chrome.window_text, chrome.window),
            ("table", chrome.text, chrome.base),
            ("table, alternate rows", chrome.text, chrome.alternate_base),
            ("button", chrome.button_text, chrome.button),
            ("selection", chrome.highlighted_text, chrome.highlight),
            ("link", chrome.link, chrome.window),
        ]
        for tone, colour in theme.table.items():
            pairs += [
                (f"table {tone}", colour, chrome.base),
                (f"table {tone}, alternate rows", colour, chrome.alternate_base),
            ]
    return pairs


def test_daylight_text_reaches_wcag_aaa() -> None:
    """Dark on white for sun: every text pair at least 7:1 (WCAG AAA)."""
    low = [
        (what, round(contrast(text, ground), 2))
        for what, text, ground in text_pairs(THEMES["daylight"])
        if contrast(text, ground) < 7.0
    ]
    assert low == []


def test_night_is_dim_but_readable() -> None:
    """Night keeps the eyes' night sight (nothing brighter than a dim amber) and its text
    pairs still reach 4.5:1 (WCAG AA)."""
    night = THEMES["night"]
    pairs = text_pairs(night)
    low = [(w, round(contrast(t, g), 2)) for w, t, g in pairs if contrast(t, g) < 4.5]
    assert low == []
    brightest = max(luminance(text) for _, text, _ in pairs)
    assert brightest < 0.45  # far below white's 1.0, or the old countdown's #f2efe6 (0.86)


def test_the_other_themes_panels_are_readable() -> None:
    """The race-car colours' fixed panels (countdown, stage panel) at AA or better."""
    for name in ("nero-corsa", "rosso-amarena", "verde-chiaro", "grigio-blu"):
        panel = THEMES[name].panel
        for tone, colour in panel.tones.items():
            assert contrast(colour, panel.background) >= 4.5, (name, tone)


def test_every_theme_has_every_colour() -> None:
    for theme in THEMES.values():
        for f in fields(theme):
            value = getattr(theme, f.name)
            if isinstance(value, str) and f.name not in ("name", "label"):
                assert QColor(value).isValid(), (theme.name, f.name)
        assert set(theme.panel.tones) == set(Tone)


# -- the window ----------------------------------------------------------------------------------
@dataclass
class Rig:
    window: StageWindow
    clock: FakeClock
    settings: QSettings
    qtbot: QtBot


def make_window(qtbot: QtBot, settings: QSettings, clock: FakeClock) -> StageWindow:
    return stage_window(qtbot, clock, settings)


@pytest.fixture
def rig(qtbot: QtBot, tmp_path: Path) -> Iterator[Rig]:
    load_fonts()
    clock = FakeClock(
        1_000 * NS_PER_S, utc_start=datetime.datetime(2026, 5, 13, 12, 55, tzinfo=datetime.UTC)
    )
    settings = QSettings(str(tmp_path / "mmtimer.ini"), QSettings.Format.IniFormat)
    settings.setValue(
        "stage/crew",
        '{"number": 112, "driver": "Giulia Ferri", "navigator": "Marco Bassi",'
        ' "car": "Alfa Romeo 6C 1750 SS", "year": 1929}',
    )
    window = make_window(qtbot, settings, clock)
    assert window.open_path(STAGE, tmp_path / "run.mmlog")
    show_active(qtbot, window, *DEFAULT_SIZE)
    yield Rig(window, clock, settings, qtbot)
    window.close()
    apply_theme(THEMES["nero-corsa"])  # the next test starts with the system's look


def choose_in_menu(qtbot: QtBot, window: QWidget, *mnemonics: Qt.Key) -> None:
    """Alt+the menu's mnemonic, then each mnemonic key in the menus that open."""
    qtbot.keyClick(window, mnemonics[0], Qt.KeyboardModifier.AltModifier)
    for key in mnemonics[1:]:
        popup = QApplication.activePopupWidget()
        assert isinstance(popup, QMenu), f"no menu open for {key}"
        qtbot.keyClick(popup, key)
    assert QApplication.activePopupWidget() is None
    QApplication.processEvents()  # Qt delivers the application's new palette from the loop
    window.activateWindow()  # the keyboard back to the window, as when a menu closes on X11
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def choose_theme(rig: Rig, key: Qt.Key) -> None:
    """View > Theme > the theme whose mnemonic is `key`."""
    choose_in_menu(rig.qtbot, rig.window, Qt.Key.Key_V, Qt.Key.Key_T, key)


def pixel(widget: QWidget, x: int, y: int) -> str:
    image: QImage = widget.grab().toImage()
    return image.pixelColor(x, y).name()


def test_night_covers_the_whole_window(rig: Rig) -> None:
    window = rig.window
    choose_theme(rig, Qt.Key.Key_I)  # N&ight
    assert window.theme().name == "night"
    app_palette = QApplication.palette()
    assert app_palette.color(QPalette.ColorRole.Window).name() == NIGHT_CHROME.window
    assert app_palette.color(QPalette.ColorRole.Button).name() == NIGHT_CHROME.button
    # menus, status bar, the PASS button: drawn from the night palette, not white
    assert pixel(window.menuBar(), 2, 2) == NIGHT_CHROME.window
    bar = window.statusBar()
    assert pixel(bar, 2, bar.height() // 2) == NIGHT_CHROME.window
    button = window.trigger_button
    assert pixel(button, button.width() // 2, 8) == NIGHT_CHROME.button
    # the fixed panels: the countdown and the stage panel on black, the banner dark red
    assert pixel(window.countdown, 3, 3) == THEMES["night"].panel.background
    viewport = window.stage_panel.viewport()
    assert pixel(viewport, viewport.width() - 3, viewport.height() - 3) == "#000000"
    assert f"background: {THEMES['night'].panel.background}" in window.pacer.panel.styleSheet()
    # the results table (Ctrl+R)
    rig.qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    table = window.results_dock.table
    assert window.results_dock.isVisible()
    assert table.palette().color(QPalette.ColorRole.Base).name() == NIGHT_CHROME.base
    # a dialog opened now: the crew's (C)
    rig.qtbot.keyClick(window, Qt.Key.Key_C)
    dialog = window.findChild(CrewDialog)
    assert dialog is not None
    assert dialog.palette().color(QPalette.ColorRole.Window).name() == NIGHT_CHROME.window
    assert dialog.palette().color(QPalette.ColorRole.Base).name() == NIGHT_CHROME.base
    dialog.reject()


def test_daylight_is_dark_on_white_and_stays_chosen(rig: Rig, qtbot: QtBot) -> None:
    window = rig.window
    choose_theme(rig, Qt.Key.Key_D)  # &Daylight
    assert window.theme().name == "daylight"
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == DAY_CHROME.window
    assert pixel(window.menuBar(), 2, 2) == "#ffffff"
    assert pixel(window.countdown, 3, 3) == "#ffffff"
    assert window.results_dock.model._tones[Tone.LATE].name() == THEMES["daylight"].table[Tone.LATE]
    window.close()
    # a new window with the same settings: Daylight again
    again = make_window(qtbot, rig.settings, rig.clock)
    assert again.theme().name == "daylight"
    assert again.theme_actions["daylight"].isChecked()
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == DAY_CHROME.window
    again.close()


def test_a_race_colour_gives_the_system_look_back(rig: Rig) -> None:
    before = QApplication.palette().color(QPalette.ColorRole.Window).name()
    choose_theme(rig, Qt.Key.Key_I)
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    choose_theme(rig, Qt.Key.Key_R)  # &Rosso Amarena
    assert rig.window.theme().name == "rosso-amarena"
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == before
    assert pixel(rig.window.countdown, 3, 3) == THEMES["rosso-amarena"].panel.background


def test_the_driver_window_follows_night_and_daylight(rig: Rig) -> None:
    window = rig.window
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    rig.qtbot.keyClick(window, Qt.Key.Key_D, modifiers)  # View > Driver display
    shown = window.drivers.window
    assert shown is not None
    for key, name in ((Qt.Key.Key_I, "night"), (Qt.Key.Key_D, "daylight")):
        choose_theme(rig, key)
        shown.refresh()  # its timer's next look
        assert shown._theme.name == name
        image = QImage(400, 240, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        shown.render_into(painter, QRectF(0, 0, 400, 240))
        painter.end()
        assert image.pixelColor(2, 2).name() == THEMES[name].background
    window.drivers.close_window()


def test_the_driving_view_gives_the_countdown_digits_90_px(rig: Rig) -> None:
    """At the default size the time left's digits are at least 90 px high (measured on the
    font the countdown draws with), the last deviation is large, the dial is hidden; D again
    gives the dial back, and the view is kept in the settings."""
    window = rig.window
    window.apply_sync(SyncRequest(rig.clock.now_ns(), parse_time_of_day_ms("14:58:00"), "t"))
    rig.clock.advance_ns(60_000 * NS_PER_MS)
    rig.qtbot.keyClick(window, Qt.Key.Key_Space)  # PC1 line 1
    rig.clock.advance_ns(15_100 * NS_PER_MS)
    rig.qtbot.keyClick(window, Qt.Key.Key_Space)  # PC1 line 2: +0.10
    rig.clock.advance_ns(2_000 * NS_PER_MS)
    window.refresh()
    assert window.size().toTuple() == DEFAULT_SIZE

    def digits_px() -> float:
        font = window.countdown.digits_font()
        left = window.countdown.lines()[1]
        return QFontMetricsF(font).tightBoundingRect(left).height()

    def last_px() -> float:
        rows = window.countdown.layout_rows(window.countdown.rect().toRectF())
        last = [r for r in rows if r.text == window.countdown.lines()[2]]
        return QFontMetricsF(last[0].font).tightBoundingRect("0123456789").height()

    normal = digits_px()
    rig.qtbot.keyClick(window, Qt.Key.Key_D)
    rig.qtbot.waitUntil(window.dial.isHidden)
    QApplication.processEvents()
    assert window.driving()
    assert digits_px() >= 90, digits_px()
    assert digits_px() > normal
    assert last_px() >= 45
    countdown = window.countdown.geometry()
    assert countdown.width() * countdown.height() > 0.4 * DEFAULT_SIZE[0] * DEFAULT_SIZE[1]
    assert rig.settings.value("view/driving") in (True, "true")
    rig.qtbot.keyClick(window, Qt.Key.Key_D)
    assert not window.driving() and not window.dial.isHidden()


def test_the_driving_view_is_in_the_view_menu(rig: Rig) -> None:
    choose_in_menu(rig.qtbot, rig.window, Qt.Key.Key_V, Qt.Key.Key_V)  # View > Dri&ving view
    assert rig.window.driving()
    assert "D" in [s.toString() for s in rig.window.driving_action.shortcuts()]


def test_a_docked_results_table_keeps_official_time_readable(rig: Rig) -> None:
    window = rig.window
    window.apply_sync(SyncRequest(rig.clock.now_ns(), parse_time_of_day_ms("14:58:00"), "t"))
    window.refresh()
    rig.qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert window.results_dock.isVisible()
    official = window.official_readout
    assert official._shown_px() >= OFFICIAL_MIN_PX >= 36, official._shown_px()
    assert official.width() >= QFontMetricsF(official.font()).horizontalAdvance("00:00:00")
    assert window.countdown.height() >= STAGE_COUNTDOWN_MIN_PX


def test_not_synced_shows_a_banner_until_synced_and_a_press_records(rig: Rig) -> None:
    window = rig.window
    window.refresh()
    assert window.banner.isVisible()
    assert window.banner.text() == NOT_SYNCED
    assert window.banner.height() >= 40 and window.banner.font().pixelSize() != 0
    live = window.live
    assert live is not None
    rig.qtbot.keyClick(window, Qt.Key.Key_Space)
    assert [type(e) for e in live.session.events].count(Pass) == 1  # recorded, unsynced
    window.refresh()
    assert window.banner.isVisible()
    window.apply_sync(SyncRequest(rig.clock.now_ns(), parse_time_of_day_ms("14:58:00"), "t"))
    window.refresh()
    assert not window.banner.isVisible()


def test_the_crew_is_shown_above_the_face(rig: Rig) -> None:
    header = rig.window.header
    rig.window.refresh()
    assert header.isVisible()
    text = header.text()
    assert "#112" in text and "Giulia Ferri / Marco Bassi" in text
    assert "Alfa Romeo 6C 1750 SS (1929)" in text
    assert rig.window.live is not None and rig.window.live.stage.name in text


def test_a_crew_typed_before_the_start_shows_at_once(rig: Rig) -> None:
    rig.qtbot.keyClick(rig.window, Qt.Key.Key_C)
    dialog = rig.window.findChild(CrewDialog)
    assert dialog is not None
    dialog.driver.clear()
    rig.qtbot.keyClicks(dialog.driver, "Ada Lovelace")
    rig.qtbot.keyClick(dialog.driver, Qt.Key.Key_Return)
    rig.window.refresh()
    assert "Ada Lovelace / Marco Bassi" in rig.window.header.text()


def test_f1_lists_the_driving_view_key(rig: Rig) -> None:
    rows = dict(shortcut_rows(rig.window.menuBar()))
    assert rows.get("D") == "View > Driving view"
    assert "D" not in load_trigger_settings(rig.settings).keys  # never a trigger key


def test_an_average_trials_pacer_and_countdown_fit_the_default_size(rig: Rig) -> None:
    """With the pacer shown beside the dial too, the window keeps 1180x720 (its column of
    readouts, pacer, countdown and PASS fits) and official time keeps its 40 px."""
    window = rig.window
    now = rig.clock.now_ns()
    window.apply_sync(SyncRequest(now, parse_time_of_day_ms("15:11:52"), "t"))
    assert window.live is not None and window.live.select_section("PM1", now)
    window.refresh()
    rig.qtbot.waitUntil(window.pacer.panel.isVisible)  # at the pacer's next look
    QApplication.processEvents()
    assert window.countdown.lines()[0] == "PM1 · start · at 15:12:00"
    assert window.minimumSizeHint().height() <= DEFAULT_SIZE[1]
    assert window.size().toTuple() == DEFAULT_SIZE
    assert window.official_readout._shown_px() >= OFFICIAL_MIN_PX


@pytest.mark.parametrize("theme", list(THEMES.values()), ids=lambda t: t.name)
def test_the_watchs_body_is_opaque_in_every_theme(theme: Theme) -> None:
    """The dial fills the bezel and the case's shadow only where they show around the flange,
    the dial and the bezel: a see-through one would show the background instead."""
    see_through = [part for part in OPAQUE_PARTS if QColor(getattr(theme, part)).alpha() != 255]
    assert see_through == []
