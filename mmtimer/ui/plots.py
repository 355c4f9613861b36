"""The results plots: deviation bars (early/late, the cap marked) and the cumulative penalty.

pyqtgraph costs about 0.7 s to import, so this module does not import it: the plot widgets are
made just after the panel's first paint (or when `ensure_loaded` is called), never on the dial's
or the replay's first-frame path. PySide6 is imported first, so pyqtgraph binds to it (DESIGN.md).

Clicking a bar (anywhere in its column, in either plot) emits `barClicked(row)`, the row's index
in driving order. A second run can be overlaid for comparison; the runs are named in a line
above the plots, never in a legend over the bars. The value of a bar beyond the scale is written
in a band kept outside the scale, or the bar gets an arrow at the edge (ui/plotlabels.py).
Export is PNG only: pyqtgraph's SVG exporter is broken with Qt >= 6.11 (pyqtgraph issue 3495).
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mmtimer.core.results import StageResult
from mmtimer.core.rules import RuleSet
from mmtimer.present.tone import Tone
from mmtimer.ui.i18n import retranslated
from mmtimer.ui.plotaxis import local_axes, refresh_numbers
from mmtimer.ui.plotdata import Bar, Series, matched, scale_limit_ms, series
from mmtimer.ui.plotlabels import BarLabels, Placed
from mmtimer.ui.themes import DARK_PANEL, Panel

BACKGROUND = DARK_PANEL.background
FOREGROUND = DARK_PANEL.plot_text


def plot_tones(panel: Panel) -> dict[Tone, str]:
    """The bars' colours under a theme's panel colours."""
    return {
        Tone.EARLY: panel.tone(Tone.EARLY),
        Tone.LATE: panel.tone(Tone.LATE),
        Tone.EXACT: panel.tone(Tone.EXACT),
        Tone.MISSED: panel.tone(Tone.IDLE),
        Tone.PENDING: panel.plot_pending,
    }


TONE_COLOURS = plot_tones(DARK_PANEL)
CAP_COLOUR = DARK_PANEL.cap
CURRENT_COLOUR = DARK_PANEL.tone(Tone.NORMAL)
SECOND_RUN_ALPHA = 110
DISCARDED_ALPHA = 70


def load_pyqtgraph() -> Any:
    """Import pyqtgraph, bound to PySide6 (imported above, and named in case PyQt is around)."""
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    import pyqtgraph  # noqa: PLC0415 (deliberately lazy: ~0.7 s)

    return pyqtgraph


def _seconds(ms: int) -> float:
    return ms / 1000.0  # for drawing only


def make_items(pg: Any, top: Any, bottom: Any) -> dict[str, Any]:
    """Every item the plots use (but the bar labels), made once; a redraw only gives them new
    data."""

    def bars() -> Any:
        item = pg.BarGraphItem(x=[0.0], height=[0.0], width=0.7)  # each bar has its brush
        top.addItem(item)
        return item

    def scatter(plot: Any, symbol: str, colour: str, filled: bool) -> Any:
        item = pg.ScatterPlotItem(
            symbol=symbol,
            size=11,
            pen=pg.mkPen(colour, width=2),
            brush=pg.mkBrush(colour) if filled else None,
        )
        plot.addItem(item)
        return item

    cap_pen = pg.mkPen(CAP_COLOUR, width=1.5, style=Qt.PenStyle.DashLine)
    items = {
        "bars": bars(),
        "bars_b": bars(),
        "cap_late": pg.PlotDataItem(pen=cap_pen),
        "cap_early": pg.PlotDataItem(pen=cap_pen),
        "missed": scatter(top, "x", TONE_COLOURS[Tone.MISSED], False),
        "exact": scatter(top, "d", TONE_COLOURS[Tone.EXACT], True),
        "beyond_late": scatter(top, "arrow_up", TONE_COLOURS[Tone.LATE], True),
        "beyond_early": scatter(top, "arrow_down", TONE_COLOURS[Tone.EARLY], True),
        "cumulative": pg.PlotDataItem(
            pen=pg.mkPen(FOREGROUND, width=2),
            symbol="o",
            symbolSize=5,
            symbolBrush=FOREGROUND,
            symbolPen=None,
        ),
        "cumulative_b": pg.PlotDataItem(
            pen=pg.mkPen(FOREGROUND, width=2, style=Qt.PenStyle.DashLine)
        ),
    }
    top.addItem(items["cap_late"])
    top.addItem(items["cap_early"])
    bottom.addItem(items["cumulative"])
    bottom.addItem(items["cumulative_b"])
    return items


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
        self._compare_series: Series | None = None
        self._items: dict[str, Any] = {}  # made once pyqtgraph is loaded (`make_items`)
        self._brushes: dict[tuple[Tone, int], Any] = {}
        self._pens: dict[tuple[Tone, bool], Any] = {}
        self.bar_labels: BarLabels | None = None  # the values beyond the scale, once loaded
        self._current_lines: list[Any] = []
        self._zero_line: Any = None
        self._panel = DARK_PANEL
        self._tones = plot_tones(DARK_PANEL)
        self.names_line = QLabel(self)  # the compared runs, named above the plots
        self.names_line.setTextFormat(Qt.TextFormat.RichText)
        self._style_names_line()
        self.names_line.setVisible(False)
        self._load_scheduled = False
        self._placeholder: QLabel | None = QLabel(self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.names_line)
        layout.addWidget(self._placeholder)
        self.setMinimumHeight(160)
        retranslated(self, self.retranslate)

    def retranslate(self) -> None:
        """The plots' words in the current language (again at each LanguageChange)."""
        if self._placeholder is not None:
            self._placeholder.setText(self.tr("Results plots"))
        if self._pg is not None:
            self._restyle()
            self._redraw()  # the bar labels' numbers
            self._set_names(self.names_line.isVisible())

    def _axis_labels(self) -> tuple[str, str]:
        return self.tr("deviation (s)"), self.tr("penalty, cumulative")

    # -- colours -------------------------------------------------------------------------------
    @property
    def panel(self) -> Panel:
        return self._panel

    def set_panel(self, panel: Panel) -> None:
        """Take the theme's fixed colours (the plots stay readable under Night and Daylight)."""
        if panel == self._panel:
            return
        self._panel = panel
        self._tones = plot_tones(panel)
        self._style_names_line()
        if self._pg is not None:
            self._restyle()
            self._redraw()

    def _style_names_line(self) -> None:
        panel = self._panel
        self.names_line.setStyleSheet(
            f"background: {panel.background}; color: {panel.plot_text}; padding: 2px 8px;"
        )

    def _restyle(self) -> None:
        """Recolour the loaded plots' ground, axes and items."""
        pg, panel, tones = self._pg, self._panel, self._tones
        text = panel.plot_text
        self._layout_widget.setBackground(panel.background)
        for plot, label in zip(
            (self.deviation_plot, self.penalty_plot), self._axis_labels(), strict=True
        ):
            plot.setLabel("left", label, color=text)
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setTextPen(text)
                plot.getAxis(axis).setPen(text)
            refresh_numbers(plot)  # the numbers in the language (again after a change)
        if self._zero_line is not None:
            self._zero_line.setPen(pg.mkPen(text, width=1))
        items = self._items
        cap_pen = pg.mkPen(panel.cap, width=1.5, style=Qt.PenStyle.DashLine)
        items["cap_late"].setPen(cap_pen)
        items["cap_early"].setPen(cap_pen)
        for name, tone, filled in (
            ("missed", Tone.MISSED, False),
            ("exact", Tone.EXACT, True),
            ("beyond_late", Tone.LATE, True),
            ("beyond_early", Tone.EARLY, True),
        ):
            items[name].setPen(pg.mkPen(tones[tone], width=2))
            items[name].setBrush(pg.mkBrush(tones[tone]) if filled else None)
        items["cumulative"].setPen(pg.mkPen(text, width=2))
        items["cumulative"].setSymbolBrush(text)
        items["cumulative_b"].setPen(pg.mkPen(text, width=2, style=Qt.PenStyle.DashLine))
        current = pg.mkPen(panel.tone(Tone.NORMAL), width=1, style=Qt.PenStyle.DotLine)
        for line in self._current_lines:
            line.setPen(current)
        self._brushes.clear()
        self._pens.clear()

    # -- loading -------------------------------------------------------------------------------
    def is_loaded(self) -> bool:
        return self._layout_widget is not None

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._layout_widget is None and not self._load_scheduled:
            # once the window's first frame is painted: importing pyqtgraph takes ~0.7 s
            self._load_scheduled = True
            QTimer.singleShot(0, self, self.ensure_loaded)

    def ensure_loaded(self) -> None:
        """Make the pyqtgraph widgets (imports pyqtgraph the first time)."""
        if self._layout_widget is not None:
            return
        pg = self._pg = load_pyqtgraph()
        widget = pg.GraphicsLayoutWidget(self)
        widget.setBackground(self._panel.background)
        widget.ci.setContentsMargins(4, 4, 8, 4)
        top = widget.addPlot(row=0, col=0, axisItems=local_axes(pg))
        bottom = widget.addPlot(row=1, col=0, axisItems=local_axes(pg))
        widget.ci.layout.setRowStretchFactor(0, 3)
        widget.ci.layout.setRowStretchFactor(1, 2)
        bottom.setXLink(top)
        for plot, label in zip((top, bottom), self._axis_labels(), strict=True):
            plot.setMenuEnabled(False)
            plot.showGrid(x=False, y=True, alpha=0.15)
            plot.setLabel("left", label, color=FOREGROUND)
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setTextPen(FOREGROUND)
                plot.getAxis(axis).setPen(FOREGROUND)
            plot.getViewBox().setMouseEnabled(x=True, y=False)
        self._zero_line = top.addLine(y=0, pen=pg.mkPen(FOREGROUND, width=1))
        self.deviation_plot, self.penalty_plot = top, bottom
        self._items = make_items(pg, top, bottom)
        self.bar_labels = BarLabels(pg, top, self._items)
        self._layout_widget = widget
        self._restyle()
        widget.scene().sigMouseClicked.connect(self._on_scene_clicked)
        assert self.bar_labels is not None
        top.getViewBox().sigResized.connect(self.bar_labels.fit_scale)
        top.getViewBox().sigXRangeChanged.connect(self.bar_labels.place)
        layout = self.layout()
        assert layout is not None
        if self._placeholder is not None:
            layout.removeWidget(self._placeholder)
            self._placeholder.deleteLater()
            # gone: a change of language after the plots loaded must not touch it (it did,
            # and the RuntimeError in the language watcher crashed PySide6)
            self._placeholder = None
        layout.addWidget(widget)
        self._layout_widget = widget
        self._redraw()

    # -- what it shows -------------------------------------------------------------------------
    def set_result(self, result: StageResult | None, rules: RuleSet | None) -> None:
        """Show `result` (scored under `rules`, for the caps)."""
        if result is self._result and rules is self._rules:
            return
        self._result, self._rules = result, rules
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

    def compare_series(self) -> Series | None:
        return self._compare_series

    # -- drawing ---------------------------------------------------------------------------------
    def _compute(self) -> None:
        result, rules, compare = self._result, self._rules, self._compare
        if result is None or rules is None:
            self._series = self._compare_series = None
            return
        if compare is None:
            self._series, self._compare_series = series(result, rules), None
            return
        limit = max(scale_limit_ms(result, rules), scale_limit_ms(compare, rules))
        self._series = series(result, rules, limit_ms=limit)
        self._compare_series = series(compare, rules, limit_ms=limit)

    def _redraw(self) -> None:
        self._compute()
        if self._pg is None or self.bar_labels is None:
            return
        items, labels = self._items, self.bar_labels
        data, compare = self._series, self._compare_series
        labels.set_series(data, 2 if compare is not None else 1)
        if data is None or not data.bars:
            for item in items.values():
                item.setVisible(False)
            labels.hide()
            self._draw_current()
            return
        for item in items.values():
            item.setVisible(True)
        width = 0.38 if compare is not None else 0.7
        offset = width / 2 if compare is not None else 0.0
        first_xs = [b.index - offset for b in data.bars]
        placed: list[Placed] = [(x, b, False) for x, b in zip(first_xs, data.bars, strict=True)]
        self._set_bars(items["bars"], data.bars, first_xs, width, second=False)
        second_bars: tuple[Bar, ...] = ()
        if compare is not None:
            present = [(i, b) for i, b in enumerate(matched(data, compare)) if b is not None]
            second_xs = [i + offset for i, _ in present]
            second_bars = tuple(b for _, b in present)
            placed += [(x, b, True) for x, b in zip(second_xs, second_bars, strict=True)]
            self._set_bars(items["bars_b"], second_bars, second_xs, width, second=True)
        items["bars_b"].setVisible(bool(second_bars))
        self._set_caps(data)
        self._set_markers(placed)
        self._set_cumulative(data, compare)
        self._set_names(compare is not None)
        ticks = [[(float(i), name) for i, name in data.sections], []]
        for plot in (self.deviation_plot, self.penalty_plot):
            plot.getAxis("bottom").setTicks(ticks)
        self.deviation_plot.setXRange(-0.6, len(data.bars) - 0.4, padding=0)
        labels.fit_scale()
        self.penalty_plot.enableAutoRange(axis="y")
        self._draw_current()

    def _brush(self, tone: Tone, alpha: int) -> Any:
        key = (tone, alpha)
        brush = self._brushes.get(key)
        if brush is None:
            colour = QColor(self._tones[tone])
            colour.setAlpha(alpha)
            brush = self._brushes[key] = self._pg.mkBrush(colour)
        return brush

    def _pen(self, tone: Tone, outlined: bool) -> Any:
        key = (tone, outlined)
        pen = self._pens.get(key)
        if pen is None:
            pg = self._pg
            pen = pg.mkPen(self._tones[tone], width=1) if outlined else pg.mkPen(None)
            self._pens[key] = pen
        return pen

    def _set_bars(
        self, item: Any, bars: tuple[Bar, ...], xs: list[float], width: float, *, second: bool
    ) -> None:
        alpha = SECOND_RUN_ALPHA if second else 255
        item.setOpts(
            x=xs,
            height=[_seconds(bar.shown_ms) for bar in bars],
            width=width,
            brushes=[
                self._brush(bar.tone, min(alpha, DISCARDED_ALPHA) if bar.discarded else alpha)
                for bar in bars
            ],
            pens=[self._pen(bar.tone, second or bar.clipped) for bar in bars],
        )

    def _set_caps(self, data: Series) -> None:
        """The caps as dashed steps: the deviation where each measurement's penalty stops
        growing (they change where the kind of section changes; a cap beyond the scale is not
        drawn)."""
        bars = data.bars
        edges = [bar.index - 0.5 for bar in bars] + [bars[-1].index + 0.5]
        for name, values in (
            ("cap_late", [bar.late_cap_ms for bar in bars]),
            ("cap_early", [bar.early_cap_ms for bar in bars]),
        ):
            ys = [
                _seconds(v) if v is not None and abs(v) <= data.limit_ms else float("nan")
                for v in values
            ]
            self._items[name].setData(edges, ys, stepMode="center", connect="finite")

    def _set_markers(self, placed: list[Placed]) -> None:
        """A cross on the axis for a measurement missed, a diamond for one exact to 1/100 s (its
        bar has no height); for one beyond the scale, a label with its real deviation in the
        band outside the scale (ui/plotlabels.py decides which fit)."""

        def points(keep: Callable[[Bar], bool]) -> dict[str, Any]:
            chosen = [(x, bar) for x, bar, _ in placed if keep(bar)]
            return {"x": [x for x, _ in chosen], "y": [0.0 for _ in chosen]}

        items = self._items
        items["missed"].setData(**points(lambda b: b.tone is Tone.MISSED))
        items["exact"].setData(**points(lambda b: b.tone is Tone.EXACT))
        assert self.bar_labels is not None
        self.bar_labels.set_bars(placed, self._panel, self._tones)

    def shown_labels(self) -> list[tuple[str, QRectF]]:
        """The bar values written on the plot, with where they are (scene coordinates)."""
        return [] if self.bar_labels is None else self.bar_labels.shown()

    def _set_cumulative(self, data: Series, compare: Series | None) -> None:
        """The cumulative penalty as far as the stage has been scored (not over pending
        lines), of each run."""

        def scored(run: Series, keys: list[tuple[str, int]]) -> tuple[list[float], list[float]]:
            by_key = {
                (b.section, b.line): c
                for b, c in zip(run.bars, run.cumulative, strict=True)
                if b.tone is not Tone.PENDING
            }
            chosen = [(i, by_key[key]) for i, key in enumerate(keys) if key in by_key]
            return [float(i) for i, _ in chosen], [float(c) for _, c in chosen]

        keys = [(b.section, b.line) for b in data.bars]
        self._items["cumulative"].setData(*scored(data, keys))
        if compare is None:
            self._items["cumulative_b"].setData([], [])
            self._items["cumulative_b"].setVisible(False)
        else:
            self._items["cumulative_b"].setData(*scored(compare, keys))

    def _set_names(self, comparing: bool) -> None:
        """Name the two runs above the plots: solid bars and line, pale bars and dashed line."""
        self.names_line.setVisible(comparing)
        if not comparing:
            return
        first = html.escape(self._names[0] or self.tr("first run"))
        second = html.escape(self._names[1] or self.tr("second run"))
        self.names_line.setText(
            f"<span style='color:{self._panel.plot_text}'>&#9632;&#9472;&#9472;</span> {first}"
            "&nbsp;&nbsp;&nbsp;&nbsp;"
            f"<span style='color:#777'>&#9633;&#9476;&#9476;</span> {second}"
        )

    def _draw_current(self) -> None:
        pg = self._pg
        if pg is None:
            return
        data = self._series
        row = self._current
        visible = row is not None and data is not None and 0 <= row < len(data.bars)
        if not self._current_lines:
            current = self._panel.tone(Tone.NORMAL)
            pen = pg.mkPen(current, width=1, style=Qt.PenStyle.DotLine)
            for plot in (self.deviation_plot, self.penalty_plot):
                line = pg.InfiniteLine(pos=0.0, angle=90, pen=pen, movable=False)
                plot.addItem(line)
                self._current_lines.append(line)
        for line in self._current_lines:
            line.setVisible(visible)
            if visible:
                line.setValue(float(row or 0))

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
        """Save the plots as shown (with the compared runs' names) into a PNG file; False if it
        could not be written."""
        self.ensure_loaded()
        return bool(self.grab().save(str(path), "PNG"))  # with the runs' names above
