"""The values of the deviation bars beyond the scale, written in bands outside it, or arrows.

The deviation plot's scale is set by the timed trials (ui/plotdata.py); a bar beyond it is drawn
to the edge, and its real deviation is written in a band kept outside the scale, one line per
run, sized in pixels so a label is never cut at the plot's edge. Where labels would run out of
the plot or touch one another (or there are more than `MAX_LABELS`), the bar gets an arrow just
inside the scale's edge instead: its value is in the table. `BarLabels` owns the labels, decides
which fit, and sets the deviation plot's y range for the bands; `ResultsPlot` (ui/plots.py) tells
it what is drawn and when the plot is resized or scrolled.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF

from mmtimer.present.formats import format_signed_deviation
from mmtimer.present.i18n import window_number
from mmtimer.present.tone import Tone
from mmtimer.ui.plotdata import Bar, Series
from mmtimer.ui.themes import Panel

MAX_LABELS = 24  # the real deviation of a bar beyond the scale is written while there are few
LABEL_GAP_PX = 3  # between a label and the scale's edge, and between two labels

Placed = tuple[float, Bar, bool]  # a bar's x, the bar, and whether it is the second run's


def _seconds(ms: int) -> float:
    return ms / 1000.0  # for drawing only


class BarLabels:
    """The labels of the bars beyond the scale of `plot` (pyqtgraph's PlotItem), and the arrows
    (`items["beyond_late"]`, `items["beyond_early"]`: scatter items) for those not written."""

    def __init__(self, pg: Any, plot: Any, items: dict[str, Any]) -> None:
        self._plot = plot
        self._items = items
        self._series: Series | None = None
        self._label_bars: list[Placed] = []  # what each label is for
        self._arrowed: list[Placed] = []  # too many labels: arrows only
        self._band_lines = 1  # label lines kept outside the scale, on each side
        self._placing = False
        self._labels: list[Any] = []
        for _ in range(MAX_LABELS):
            label = pg.TextItem("")
            label.setVisible(False)
            plot.addItem(label)
            self._labels.append(label)

    def set_series(self, data: Series | None, band_lines: int) -> None:
        """What the plot draws now (None: nothing; no label is placed), and how many label
        lines each band holds (one per run)."""
        self._series = data
        self._band_lines = band_lines

    def hide(self) -> None:
        for label in self._labels:
            label.setVisible(False)

    def set_bars(self, placed: list[Placed], panel: Panel, tones: dict[Tone, str]) -> None:
        """Label each clipped bar of `placed` with its real deviation, in its tone (the second
        run's in the panel's text tone); too many: arrows only. `place` decides which fit."""
        clipped = [
            (x, bar, second)
            for x, bar, second in placed
            if bar.clipped and bar.deviation_ms is not None
        ]
        self._label_bars = clipped if len(clipped) <= MAX_LABELS else []
        self._arrowed = [] if self._label_bars else clipped
        for label, (_, bar, second) in zip(self._labels, self._label_bars, strict=False):
            assert bar.deviation_ms is not None
            colour = panel.tone(Tone.NORMAL) if second else tones[bar.tone]
            label.setText(window_number(format_signed_deviation(bar.deviation_ms)), colour)

    def fit_scale(self) -> None:
        """The deviation plot's y range: the scale, and beyond it on each side a band as high as
        the label lines it holds (in pixels: a short plot keeps whole labels); then the labels
        are placed."""
        data = self._series
        if data is None or not data.bars:
            return
        box = self._plot.getViewBox()
        height_px = box.height()
        line_px = self._label_height_px() + LABEL_GAP_PX
        limit = _seconds(data.limit_ms) * 1.04
        band_px = self._band_lines * line_px + LABEL_GAP_PX
        if height_px > 2 * band_px + 20:
            edge = limit * height_px / (height_px - 2 * band_px)
        else:  # too short for labels: the scale alone
            edge = limit * 1.15
        self._placing = True  # one placement, after the range is set
        self._plot.setYRange(-edge, edge, padding=0)
        self._placing = False
        self.place()

    def _label_height_px(self) -> float:
        sample = self._labels[0] if self._labels else None
        if sample is None:
            return 16.0
        height: float = sample.textItem.boundingRect().height()
        return height

    def place(self) -> None:
        """Each label in its run's line of the band beyond the scale, over its bar; a label
        that would run out of the plot sideways or touch the one before on its line is not
        drawn, and its bar gets an arrow at the scale's edge instead."""
        if self._placing or self._series is None:
            return
        box = self._plot.getViewBox()
        box.updateMatrix()  # pyqtgraph defers it to the next paint; the labels need it now
        inside = box.sceneBoundingRect()
        limit = _seconds(self._series.limit_ms)
        arrows = [(x, bar) for x, bar, _ in self._arrowed]
        last_right: dict[tuple[bool, bool], float] = {}
        for label in self._labels:
            label.setVisible(False)
        for label, (x, bar, second) in zip(self._labels, self._label_bars, strict=False):
            late = bar.shown_ms > 0
            line = 1 if second else 0
            # anchor: the fraction of the label's own size that sits at its point
            anchor_y = 1.0 + line + 0.15 if late else -line - 0.15
            label.setAnchor((0.5, anchor_y))
            label.setPos(x, limit * 1.04 if late else -limit * 1.04)
            label.setVisible(True)
            label.updateTransform(force=True)  # else it keeps the last paint's view scale
            rect: QRectF = label.sceneBoundingRect()
            # over the first or last bar: slide it sideways into the plot, still over its bar
            shift = max(0.0, rect.right() - inside.right()) - max(0.0, inside.left() - rect.left())
            if shift and rect.width() > 0 and abs(shift) < rect.width() / 2:
                label.setAnchor((0.5 + shift / rect.width(), anchor_y))
                rect = label.sceneBoundingRect()
            key = (late, second)
            fits = (
                inside.contains(rect)
                and rect.left() >= last_right.get(key, float("-inf")) + LABEL_GAP_PX
            )
            if fits:
                last_right[key] = rect.right()
            else:
                label.setVisible(False)
                arrows.append((x, bar))
        self._set_arrows(arrows, limit)

    def _set_arrows(self, arrows: list[tuple[float, Bar]], limit: float) -> None:
        """Arrows just inside the scale's edge, for bars beyond it whose value is not written."""
        box = self._plot.getViewBox()
        height_px = max(box.height(), 1.0)
        span = box.viewRange()[1][1] - box.viewRange()[1][0]
        inset = span * 8 / height_px  # half an arrow's height, in data units
        for name, late in (("beyond_late", True), ("beyond_early", False)):
            chosen = [(x, bar) for x, bar in arrows if (bar.shown_ms > 0) == late]
            y = limit - inset if late else -limit + inset
            self._items[name].setData([x for x, _ in chosen], [y for _ in chosen])

    def shown(self) -> list[tuple[str, QRectF]]:
        """The bar values written on the plot, with where they are (scene coordinates)."""
        return [
            (label.textItem.toPlainText(), label.sceneBoundingRect())
            for label in self._labels
            if label.isVisible()
        ]
