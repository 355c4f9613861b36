"""The results plots: deviation bars (early/late, the cap marked) and the cumulative penalty.

pyqtgraph costs about 0.7 s to import, so this module does not import it: the plot widgets are
made the first time the panel is shown (or `ensure_loaded` is called), never on the dial's
first-frame path. PySide6 is imported first, so pyqtgraph binds to it (DESIGN.md).

Clicking a bar (anywhere in its column, in either plot) emits `barClicked(row)`, the row's index
in driving order. A second run can be overlaid for comparison. Export is PNG only: pyqtgraph's
SVG exporter is broken with Qt >= 6.11 (pyqtgraph issue 3495).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mmtimer.core.results import StageResult
from mmtimer.core.rules import RuleSet
from mmtimer.ui.plotdata import Bar, Series, Tone, matched, scale_limit_ms, series
from mmtimer.ui.results_model import format_signed_deviation

BACKGROUND = "#15171a"
FOREGROUND = "#c9c6bd"
TONE_COLOURS = {
    Tone.EARLY: "#5aa9ff",
    Tone.LATE: "#ff6e5a",
    Tone.EXACT: "#63d471",
    Tone.MISSED: "#8a8a8a",
    Tone.PENDING: "#4a4a4a",
}
CAP_COLOUR = "#f2b233"
CURRENT_COLOUR = "#f2efe6"
SECOND_RUN_ALPHA = 110


def load_pyqtgraph() -> Any:
    """Import pyqtgraph, bound to PySide6 (imported above, and named in case PyQt is around)."""
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    import pyqtgraph  # noqa: PLC0415 (deliberately lazy: ~0.7 s)

    return pyqtgraph


def _seconds(ms: int) -> float:
    return ms / 1000.0  # for drawing only


class ResultsPlot(QWidget):
    """Two plots sharing the x axis (one slot per measurement, in driving order)."""

    barClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result: StageResult | None = None
        self._rules: RuleSet | None = None
        self._compare: StageResult | None = None
        self._names = ("", "")
        self._current: int | None = None
        self._series: Series | None = None
        self._pg: Any = None
        self._layout_widget: Any = None
        self.deviation_plot: Any = None
        self.penalty_plot: Any = None
        self._items: list[tuple[Any, Any]] = []  # (plot, item) drawn for the current data
        self._current_lines: list[tuple[Any, Any]] = []
        self._placeholder = QLabel("Results plots", self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._placeholder)
        self.setMinimumHeight(160)

    # -- loading -------------------------------------------------------------------------------
    def is_loaded(self) -> bool:
        return self._layout_widget is not None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_loaded()

    def ensure_loaded(self) -> None:
        """Make the pyqtgraph widgets (imports pyqtgraph the first time)."""
        if self._layout_widget is not None:
            return
        pg = self._pg = load_pyqtgraph()
        widget = pg.GraphicsLayoutWidget(self)
        widget.setBackground(BACKGROUND)
        widget.ci.setContentsMargins(4, 4, 8, 4)
        top = widget.addPlot(row=0, col=0)
        bottom = widget.addPlot(row=1, col=0)
        widget.ci.layout.setRowStretchFactor(0, 3)
        widget.ci.layout.setRowStretchFactor(1, 2)
        bottom.setXLink(top)
        for plot, label in ((top, "deviation (s)"), (bottom, "penalty, cumulative")):
            plot.setMenuEnabled(False)
            plot.showGrid(x=False, y=True, alpha=0.15)
            plot.setLabel("left", label, color=FOREGROUND)
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setTextPen(FOREGROUND)
                plot.getAxis(axis).setPen(FOREGROUND)
            plot.getViewBox().setMouseEnabled(x=True, y=False)
        top.addLine(y=0, pen=pg.mkPen(FOREGROUND, width=1))
        top.addLegend(offset=(10, 5), labelTextColor=FOREGROUND)
        bottom.addLegend(offset=(10, 5), labelTextColor=FOREGROUND)
        self.deviation_plot, self.penalty_plot = top, bottom
        widget.scene().sigMouseClicked.connect(self._on_scene_clicked)
        layout = self.layout()
        assert layout is not None
        layout.removeWidget(self._placeholder)
        self._placeholder.deleteLater()
        layout.addWidget(widget)
        self._layout_widget = widget
        self._redraw()

    # -- what it shows -------------------------------------------------------------------------
    def set_result(self, result: StageResult | None, rules: RuleSet | None) -> None:
        """Show `result` (scored under `rules`, for the caps)."""
        if result is self._result and rules is self._rules:
            return
        self._result, self._rules = result, rules
        self._series = None if result is None or rules is None else series(result, rules)
        self._redraw()

    def set_compare(self, result: StageResult | None, names: tuple[str, str] = ("", "")) -> None:
        """Overlay a second run (None: remove it)."""
        self._compare, self._names = result, names
        self._redraw()

    def set_current(self, row: int | None) -> None:
        """Mark the measurement the replay is at (a vertical line), or none."""
        if row == self._current:
            return
        self._current = row
        self._draw_current()

    def current(self) -> int | None:
        return self._current

    def data_series(self) -> Series | None:
        return self._series

    # -- drawing ---------------------------------------------------------------------------------
    def _redraw(self) -> None:
        pg = self._pg
        if pg is None:
            return
        top, bottom = self.deviation_plot, self.penalty_plot
        for plot, item in self._items:
            plot.removeItem(item)
        self._items = []
        data = self._series
        if data is None or not data.bars:
            self._draw_current()
            return
        compare = None
        if self._compare is not None and self._rules is not None and self._result is not None:
            limit = max(
                scale_limit_ms(self._result, self._rules),
                scale_limit_ms(self._compare, self._rules),
            )
            data = self._series = series(self._result, self._rules, limit_ms=limit)
            compare = series(self._compare, self._rules, limit_ms=limit)
        width = 0.38 if compare is not None else 0.7
        offset = width / 2 if compare is not None else 0.0
        first_name = None if compare is None else self._names[0] or "first run"
        self._draw_run(
            top, data.bars, [b.index - offset for b in data.bars], width, name=first_name
        )
        if compare is not None:
            second = matched(data, compare)
            present = [(i, b) for i, b in enumerate(second) if b is not None]
            if present:
                xs = [i + offset for i, _ in present]
                bars = tuple(b for _, b in present)
                second_name = self._names[1] or "second run"
                self._draw_run(top, bars, xs, width, second=True, name=second_name)
        self._add_caps(top, data)
        # the cumulative penalty as far as the stage has been scored (not over pending lines)
        scored = [b.index for b in data.bars if b.tone is not Tone.PENDING]
        reach = scored[-1] + 1 if scored else 0
        xs = [float(b.index) for b in data.bars[:reach]]
        self._add(
            bottom,
            pg.PlotDataItem(
                xs,
                [float(v) for v in data.cumulative[:reach]],
                pen=pg.mkPen(FOREGROUND, width=2),
                symbol="o",
                symbolSize=5,
                symbolBrush=FOREGROUND,
                symbolPen=None,
                name=None if compare is None else self._names[0] or "first run",
            ),
        )
        if compare is not None:
            by_key = {
                (b.section, b.line): c
                for b, c in zip(compare.bars, compare.cumulative, strict=True)
                if b.tone is not Tone.PENDING
            }
            points = [
                (float(b.index), float(by_key[b.section, b.line]))
                for b in data.bars
                if (b.section, b.line) in by_key
            ]
            self._add(
                bottom,
                pg.PlotDataItem(
                    [p[0] for p in points],
                    [p[1] for p in points],
                    pen=pg.mkPen(FOREGROUND, width=2, style=Qt.PenStyle.DashLine),
                    name=self._names[1] or "second run",
                ),
            )
        ticks = [[(float(i), name) for i, name in data.sections], []]
        for plot in (top, bottom):
            plot.getAxis("bottom").setTicks(ticks)
        top.setXRange(-0.6, len(data.bars) - 0.4, padding=0)
        top.setYRange(-_seconds(data.limit_ms) * 1.15, _seconds(data.limit_ms) * 1.15, padding=0)
        bottom.enableAutoRange(axis="y")
        self._draw_current()

    def _draw_run(
        self,
        plot: Any,
        bars: tuple[Bar, ...],
        xs: list[float],
        width: float,
        *,
        second: bool = False,
        name: str | None = None,
    ) -> None:
        item = self._bars(bars, xs, width, SECOND_RUN_ALPHA if second else 255)
        if name is not None:
            item.opts["name"] = name  # the legend shows the run's name with a sample
        self._add(plot, item)
        self._add_markers(plot, bars, xs)
        self._add_clipped_labels(plot, bars, xs, inside=second)

    def _add(self, plot: Any, item: Any) -> None:
        plot.addItem(item)
        self._items.append((plot, item))

    def _bars(
        self, bars: list[Bar] | tuple[Bar, ...], xs: list[float], width: float, alpha: int
    ) -> Any:
        pg = self._pg
        brushes = []
        pens = []
        for bar in bars:
            colour = QColor(TONE_COLOURS[bar.tone])
            colour.setAlpha(alpha if not bar.discarded else min(alpha, 70))
            brushes.append(pg.mkBrush(colour))
            edge = QColor(TONE_COLOURS[bar.tone])
            pens.append(pg.mkPen(edge, width=1) if alpha < 255 or bar.clipped else pg.mkPen(None))
        sample = QColor(FOREGROUND)
        sample.setAlpha(alpha)
        return pg.BarGraphItem(
            x=xs,
            height=[_seconds(bar.shown_ms) for bar in bars],
            width=width,
            brushes=brushes,
            pens=pens,
            brush=pg.mkBrush(sample),  # only the legend's sample uses it
        )

    def _add_caps(self, plot: Any, data: Series) -> None:
        """The caps as dashed steps: the deviation where each measurement's penalty stops
        growing (they change where the kind of section changes; a cap beyond the scale is not
        drawn)."""
        pg = self._pg
        bars = data.bars
        edges = [bar.index - 0.5 for bar in bars] + [bars[-1].index + 0.5]
        pen = pg.mkPen(CAP_COLOUR, width=1.5, style=Qt.PenStyle.DashLine)
        for values in (
            [bar.late_cap_ms for bar in bars],
            [bar.early_cap_ms for bar in bars],
        ):
            shown = [v if v is not None and abs(v) <= data.limit_ms else None for v in values]
            if all(v is None for v in shown):
                continue
            ys = [float("nan") if v is None else _seconds(v) for v in shown]
            self._add(
                plot,
                pg.PlotDataItem(edges, ys, stepMode="center", pen=pen, connect="finite"),
            )

    def _add_clipped_labels(
        self, plot: Any, bars: tuple[Bar, ...], xs: list[float], *, inside: bool = False
    ) -> None:
        """A bar beyond the scale says its real deviation at the edge (`inside` the bar, for
        the second run, so that two labels side by side do not overlap)."""
        pg = self._pg
        for x, bar in zip(xs, bars, strict=True):
            if not bar.clipped or bar.deviation_ms is None:
                continue
            late = bar.deviation_ms > 0
            text = pg.TextItem(
                format_signed_deviation(bar.deviation_ms),
                color=TONE_COLOURS[bar.tone],
                anchor=(0.5, 1.0) if late != inside else (0.5, 0.0),
            )
            text.setPos(x, _seconds(bar.shown_ms))
            self._add(plot, text)

    def _add_markers(self, plot: Any, bars: tuple[Bar, ...], xs: list[float]) -> None:
        """A cross on the axis for a measurement missed, a diamond for one exact to 1/100 s
        (its bar has no height)."""
        pg = self._pg
        for tone, symbol in ((Tone.MISSED, "x"), (Tone.EXACT, "d")):
            at = [x for x, bar in zip(xs, bars, strict=True) if bar.tone is tone]
            if not at:
                continue
            colour = TONE_COLOURS[tone]
            self._add(
                plot,
                pg.ScatterPlotItem(
                    at,
                    [0.0] * len(at),
                    symbol=symbol,
                    size=11,
                    pen=pg.mkPen(colour, width=2),
                    brush=pg.mkBrush(colour) if tone is Tone.EXACT else None,
                ),
            )

    def _draw_current(self) -> None:
        pg = self._pg
        if pg is None:
            return
        for plot, line in self._current_lines:
            plot.removeItem(line)
        self._current_lines = []
        data = self._series
        if self._current is None or data is None or not 0 <= self._current < len(data.bars):
            return
        pen = pg.mkPen(CURRENT_COLOUR, width=1, style=Qt.PenStyle.DotLine)
        for plot in (self.deviation_plot, self.penalty_plot):
            line = pg.InfiniteLine(pos=float(self._current), angle=90, pen=pen, movable=False)
            plot.addItem(line)
            self._current_lines.append((plot, line))

    # -- clicks and export -------------------------------------------------------------------------
    def row_at_scene(self, scene_pos: QPointF) -> int | None:
        """The measurement whose column holds this scene position (either plot), if any."""
        data = self._series
        if data is None or self._layout_widget is None:
            return None
        for plot in (self.deviation_plot, self.penalty_plot):
            box = plot.getViewBox()
            if box.sceneBoundingRect().contains(scene_pos):
                x = box.mapSceneToView(scene_pos).x()
                index = int(x + 0.5) if x > -0.5 else -1
                return index if 0 <= index < len(data.bars) else None
        return None

    def scene_pos_of(self, row: int) -> QPointF:
        """Where the bar of `row` is drawn, in scene coordinates (its middle, or just above the
        axis when it is flat): for tests and for pointing at it."""
        self.ensure_loaded()
        data = self._series
        height = 0.0 if data is None else _seconds(data.bars[row].shown_ms) / 2
        box = self.deviation_plot.getViewBox()
        point: QPointF = box.mapViewToScene(QPointF(float(row), height))
        return point

    def viewport_pos_of(self, row: int) -> QPointF:
        """`scene_pos_of(row)` in the pyqtgraph view's viewport (for a simulated click)."""
        view = self._layout_widget
        return QPointF(view.mapFromScene(self.scene_pos_of(row)))

    def graphics_view(self) -> Any:
        self.ensure_loaded()
        return self._layout_widget

    def _on_scene_clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        row = self.row_at_scene(event.scenePos())
        if row is not None:
            self.barClicked.emit(row)

    def export_png(self, path: Path) -> bool:
        """Save the plots as shown into a PNG file; False if it could not be written."""
        self.ensure_loaded()
        return bool(self._layout_widget.grab().save(str(path), "PNG"))
