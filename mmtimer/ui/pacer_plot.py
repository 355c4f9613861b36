"""The replay's distance channel: the car's distance against the ideal, and ahead/behind, along
each average trial of the log, with a line at the replay instant.

The series come from present.pacer.distance_channels (the same Odometer fold as the window), so
the plot shows what the car showed. pyqtgraph is imported only when the plot is first shown.
Its colours come from the theme's panel (`distance_colours`): light lines on the race-car
colours' and Night's dark ground, dark ones on Daylight's white.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from mmtimer.present.pacer import DistanceChannel
from mmtimer.present.tone import Tone
from mmtimer.ui.i18n import retranslated
from mmtimer.ui.plotaxis import local_axes
from mmtimer.ui.plots import load_pyqtgraph
from mmtimer.ui.themes import DARK_PANEL, Panel


@dataclass(frozen=True, slots=True)
class DistanceColours:
    background: str
    text: str  # axes, titles, the zero line
    ideal: str
    car: str
    deviation: str
    cursor: str  # the replay instant


def distance_colours(panel: Panel) -> DistanceColours:
    """The plot's colours from a theme's panel: its ground and text, the early tone for the car
    (as the results plots draw early), the caps' colour for ahead/behind, the late tone for the
    instant."""
    return DistanceColours(
        background=panel.background,
        text=panel.plot_text,
        ideal=panel.plot_text,
        car=panel.tone(Tone.EARLY),
        deviation=panel.cap,
        cursor=panel.tone(Tone.LATE),
    )


class DistancePlot(QWidget):
    """Two plots sharing the x axis (seconds since the trial's start): km, and seconds off."""

    def __init__(
        self, channels: tuple[DistanceChannel, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.channels = channels
        self.channel: DistanceChannel | None = channels[0] if channels else None
        self._cursors: list[Any] = []
        self._widget: Any = None
        self._t_ns: int | None = None
        self.colours = distance_colours(DARK_PANEL)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.setMinimumHeight(160)
        # drawn again in the new language (its titles and legend are painted by pyqtgraph)
        retranslated(self, self._redraw)

    def ensure_loaded(self) -> None:
        if self._widget is not None or self.channel is None:
            return
        pg = load_pyqtgraph()
        self._widget = pg.GraphicsLayoutWidget(self)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self._widget)
        self._draw()

    def set_panel(self, panel: Panel) -> None:
        """Take the theme's fixed colours (drawn again at once if the plot is loaded)."""
        colours = distance_colours(panel)
        if colours == self.colours:
            return
        self.colours = colours
        self._redraw()

    def _redraw(self) -> None:
        if self._widget is not None:
            self._widget.clear()
            self._draw()
            if self._t_ns is not None:
                self.set_instant(self._t_ns)

    def _draw(self) -> None:
        pg, widget, channel, c = load_pyqtgraph(), self._widget, self.channel, self.colours
        assert channel is not None
        widget.setBackground(c.background)
        self._cursors = []
        xs = [p.elapsed_s for p in channel.points]
        distance = widget.addPlot(row=0, col=0, axisItems=local_axes(pg))
        distance.setTitle(self.tr("%1: distance (km)").replace("%1", channel.section), color=c.text)
        legend = distance.addLegend(offset=(10, 10))
        legend.setLabelTextColor(c.text)
        distance.plot(
            xs,
            [p.ideal_m / 1000 for p in channel.points],
            pen=pg.mkPen(c.ideal, width=1),
            name=self.tr("ideal"),
        )
        distance.plot(
            xs,
            [p.car_m / 1000 for p in channel.points],
            pen=pg.mkPen(c.car, width=2),
            name=self.tr("car"),
        )
        deviation = widget.addPlot(row=1, col=0, axisItems=local_axes(pg))
        deviation.setTitle(self.tr("ahead (-) / behind (+), s"), color=c.text)
        deviation.setXLink(distance)
        deviation.addLine(y=0, pen=pg.mkPen(c.text, width=1))
        deviation.plot(
            xs, [p.deviation_s for p in channel.points], pen=pg.mkPen(c.deviation, width=2)
        )
        deviation.setLabel("bottom", self.tr("s since the start"), color=c.text)
        for plot in (distance, deviation):
            for side in ("left", "bottom"):
                axis = plot.getAxis(side)
                axis.setPen(pg.mkPen(c.text))
                axis.setTextPen(pg.mkPen(c.text))
            line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(c.cursor, width=1))
            plot.addItem(line)
            self._cursors.append(line)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._widget is None and self.channel is not None:
            QTimer.singleShot(0, self, self._load_now)  # after the window's first frame

    def _load_now(self) -> None:
        self.ensure_loaded()
        if self._t_ns is not None:
            self.set_instant(self._t_ns)

    def set_instant(self, t_ns: int) -> None:
        """Move the line to the replay instant (once the plot is loaded)."""
        self._t_ns = t_ns
        if self.channel is None or self._widget is None:
            return
        x = self.channel.elapsed_s(t_ns)
        for line in self._cursors:
            line.setValue(x)
