"""The replay's distance channel: the car's distance against the ideal, and ahead/behind, along
each average trial of the log, with a line at the replay instant.

The series come from present.pacer.distance_channels (the same Odometer fold as the window), so
the plot shows what the car showed. pyqtgraph is imported only when the plot is first shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from mmtimer.present.pacer import DistanceChannel
from mmtimer.ui.plots import BACKGROUND, FOREGROUND, load_pyqtgraph

CAR = "#7ab8ff"
IDEAL = "#c9c6bd"
DEVIATION = "#ffb45e"


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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.setMinimumHeight(160)

    def ensure_loaded(self) -> None:
        if self._widget is not None or self.channel is None:
            return
        pg = load_pyqtgraph()
        widget = self._widget = pg.GraphicsLayoutWidget(self)
        widget.setBackground(BACKGROUND)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(widget)
        channel = self.channel
        xs = [p.elapsed_s for p in channel.points]
        distance = widget.addPlot(row=0, col=0, title=f"{channel.section}: distance (km)")
        distance.addLegend(offset=(10, 10))
        distance.plot(
            xs,
            [p.ideal_m / 1000 for p in channel.points],
            pen=pg.mkPen(IDEAL, width=1),
            name="ideal",
        )
        distance.plot(
            xs, [p.car_m / 1000 for p in channel.points], pen=pg.mkPen(CAR, width=2), name="car"
        )
        deviation = widget.addPlot(row=1, col=0, title="ahead (-) / behind (+), s")
        deviation.setXLink(distance)
        deviation.addLine(y=0, pen=pg.mkPen(FOREGROUND, width=1))
        deviation.plot(
            xs, [p.deviation_s for p in channel.points], pen=pg.mkPen(DEVIATION, width=2)
        )
        deviation.setLabel("bottom", "s since the start")
        for plot in (distance, deviation):
            line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#ff5c5c", width=1))
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
