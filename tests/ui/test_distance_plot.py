"""The replay's distance plot under each theme: Daylight draws dark lines on white, Night and the
race-car colours light ones on the dark ground, each line distinct from its ground (WCAG 2.x's
3:1 for graphics), and a change of theme recolours a plot already drawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import NS_PER_S, FakeClock
from mmtimer.paths import resource
from mmtimer.ui.appstyle import apply_theme
from mmtimer.ui.pacer_plot import distance_colours
from mmtimer.ui.replay_window import KEY_THEME, ReplayWindow, read_replay
from mmtimer.ui.themes import THEMES
from tests.ui.test_themes import contrast

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_line_stands_out_from_the_ground(name: str) -> None:
    c = distance_colours(THEMES[name].panel)
    for line in (c.text, c.ideal, c.car, c.deviation, c.cursor):
        assert contrast(line, c.background) >= 3.0, (name, line, c.background)


def test_a_change_of_theme_recolours_the_drawn_plot(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat)
    settings.setValue(KEY_THEME, "daylight")
    window = ReplayWindow(
        read_replay(resource("logs", "practice-average.mmlog")),
        FakeClock(0),
        settings,
        at_ns=200 * NS_PER_S,
    )
    qtbot.addWidget(window)
    try:
        window.show()
        plot = window.panel.distance_plot
        qtbot.waitUntil(lambda: plot._widget is not None, timeout=10_000)
        day = THEMES["daylight"].panel
        assert plot._widget.backgroundBrush().color() == QColor(day.background)
        car_pens = [i.opts["pen"].color() for i in plot._widget.getItem(0, 0).listDataItems()]
        assert QColor(distance_colours(day).car) in car_pens
        window.panel.set_theme("night")
        night = distance_colours(THEMES["night"].panel)
        assert plot._widget.backgroundBrush().color() == QColor(night.background)
        pens = [i.opts["pen"].color() for i in plot._widget.getItem(0, 0).listDataItems()]
        assert QColor(night.car) in pens and QColor(night.ideal) in pens
        assert plot._cursors[0].value() == plot.channel.elapsed_s(200 * NS_PER_S)  # kept
    finally:
        window.close()
        apply_theme(THEMES["nero-corsa"])  # the next test starts with the system's look
