"""The results plots: their data, the lazy pyqtgraph import, clicking a bar, PNG export."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from mmtimer.core.logfile import read_log
from mmtimer.core.replay import Replay
from mmtimer.core.results import StageResult
from mmtimer.core.rules import load_rules
from mmtimer.paths import resource
from mmtimer.present.tone import Tone
from mmtimer.ui.plotdata import cap_deviation_ms, matched, series
from mmtimer.ui.plots import ResultsPlot
from tests.ui.image_testing import assert_image_approved, use_fixed_theme


def example(name: str = "mille-miglia-day1.mmlog") -> Replay:
    return Replay(read_log(resource("logs", name)))


def test_caps_are_where_the_penalty_stops_growing() -> None:
    aci = load_rules("aci-2021")
    assert cap_deviation_ms(aci.timed, early=True) == -3_000
    assert cap_deviation_ms(aci.timed, early=False) == 3_000
    assert cap_deviation_ms(aci.time_control, early=False) == 180_000  # 3 minutes
    tsd = load_rules("tsd-cscc")  # 1 point per 1/100 minute (0.6 s), 300 at most
    assert cap_deviation_ms(tsd.timed, early=False) == 180_000
    for kind in (aci.timed, aci.time_control, aci.average, tsd.timed):
        for early in (True, False):
            cap = cap_deviation_ms(kind, early=early)
            if cap is not None:  # the penalty at the cap is the cap, and one unit less is less
                limit = kind.early_cap if early else kind.late_cap
                assert kind.penalty(cap * 1_000_000)[0] == limit
                step = kind.unit_ns * (1 if early else -1)
                assert kind.penalty(cap * 1_000_000 + step)[0] < limit


def test_series_follow_the_rows() -> None:
    replay = example()
    result = replay.final_state().results
    data = series(result, replay.rules)
    assert len(data.bars) == len(result.rows)
    assert [b.tone for b in data.bars[:4]] == [Tone.LATE, Tone.EARLY, Tone.EXACT, Tone.MISSED]
    assert data.limit_ms == 3_000  # the timed trials' cap sets the scale
    co2 = data.bars[-1]
    assert co2.deviation_ms == 60_000 and co2.shown_ms == 3_000 and co2.clipped
    assert data.cumulative[-1] == result.penalties
    assert data.sections[:3] == ((0, "PC1"), (2, "PC2"), (5, "CO1"))
    rows = list(result.rows)
    rows[3] = replace(rows[3], notes=(*rows[3].notes, "discarded"))
    discarded = series(replace(result, rows=tuple(rows)), replay.rules)
    assert discarded.cumulative[3] == discarded.cumulative[2]  # a discarded row adds nothing
    pending = replay.state_at(replay.start_ns + 1).results
    assert {b.tone for b in series(pending, replay.rules).bars} == {Tone.PENDING}
    assert matched(data, series(replace(result, rows=tuple(rows[:3])), replay.rules))[3] is None


def test_importing_the_plots_does_not_import_pyqtgraph() -> None:
    code = (
        "import sys; import mmtimer.ui.plots, mmtimer.ui.replay_window; "
        "assert 'pyqtgraph' not in sys.modules, 'pyqtgraph imported'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def shown_plot(qtbot: QtBot, result: StageResult, replay: Replay) -> ResultsPlot:
    plot = ResultsPlot()
    qtbot.addWidget(plot)
    plot.set_result(result, replay.rules)
    assert not plot.is_loaded()  # nothing drawn until shown
    plot.resize(800, 480)
    plot.show()
    qtbot.waitExposed(plot)
    qtbot.waitUntil(plot.is_loaded, timeout=5000)  # just after the first frame
    return plot


def test_clicking_a_bar_emits_its_row(qtbot: QtBot) -> None:
    replay = example()
    plot = shown_plot(qtbot, replay.final_state().results, replay)
    view = plot.graphics_view()
    for row in (0, 4, 10):
        at = plot.viewport_pos_of(row).toPoint()
        with qtbot.waitSignal(plot.barClicked, timeout=2000) as blocker:
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
        assert blocker.args == [row]
    assert plot.row_at_scene(plot.scene_pos_of(7)) == 7
    # right of the last bar: nothing
    far = plot.scene_pos_of(10)
    far.setX(far.x() + 10_000)
    assert plot.row_at_scene(far) is None


def test_a_second_run_is_overlaid_and_the_plot_exports_as_png(qtbot: QtBot, tmp_path: Path) -> None:
    replay = example()
    result = replay.final_state().results
    rows = [replace(r, penalty=r.penalty + 1) for r in result.rows]
    plot = shown_plot(qtbot, result, replay)
    assert not plot._items["bars_b"].isVisible() and plot.compare_series() is None
    plot.set_compare(replace(result, rows=tuple(rows), total=Decimal(1)), ("event", "practice"))
    second = plot.compare_series()
    assert second is not None and second.cumulative[-1] == result.penalties + len(rows)
    assert plot._items["bars_b"].isVisible() and plot._items["cumulative_b"].isVisible()
    plot.set_current(3)
    assert plot.current() == 3
    assert [line.value() for line in plot._current_lines if line.isVisible()] == [3.0, 3.0]
    plot.set_current(None)
    assert not any(line.isVisible() for line in plot._current_lines)
    path = tmp_path / "plot.png"
    assert plot.export_png(path)
    image = QImage(str(path))
    assert image.width() >= 700 and image.height() >= 400
    plot.set_compare(None)
    assert not plot._items["bars_b"].isVisible()
    plot.set_result(None, None)
    assert not any(item.isVisible() for item in plot._items.values())


def far_off(result: StageResult, deviations_ms: dict[int, int]) -> StageResult:
    """`result` with some rows measured far off (beyond the plot's scale)."""
    rows = list(result.rows)
    for index, deviation in deviations_ms.items():
        rows[index] = replace(rows[index], deviation_ms=deviation)
    return replace(result, rows=tuple(rows))


def settled(qtbot: QtBot, plot: ResultsPlot, size: tuple[int, int]) -> None:
    """Wait until the plots' layout has followed a resize (pyqtgraph lays out on events) and
    then stays put: the axes' widths follow their tick labels a turn or two later, which moved
    the plots sideways in an image taken too soon (seen under load)."""
    box = plot.deviation_plot.getViewBox()
    qtbot.waitUntil(lambda: plot.graphics_view().width() == size[0] and box.width() > size[0] * 0.8)
    plot.grab()  # a first frame: the axes measure their labels as they paint
    boxes = (box, plot.penalty_plot.getViewBox())
    seen: list[object] = []

    def still() -> bool:
        seen.append(tuple(b.sceneBoundingRect() for b in boxes))
        return len(seen) >= 4 and len(set(map(repr, seen[-4:]))) == 1

    qtbot.waitUntil(still, timeout=5000)


def marker_rects(plot: ResultsPlot) -> list[QRectF]:
    """Where each marker (cross, diamond, arrow) is drawn, in scene coordinates."""
    box = plot.deviation_plot.getViewBox()
    rects = []
    for name in ("missed", "exact", "beyond_late", "beyond_early"):
        for point in plot._items[name].points():
            centre = box.mapViewToScene(point.pos())
            half = point.size() / 2 + 1
            rects.append(QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half))
    return rects


@pytest.mark.parametrize("size", [(760, 340), (1000, 560), (520, 260)])
def test_bar_values_stay_in_the_plot_clear_of_markers_and_each_other(
    qtbot: QtBot, size: tuple[int, int]
) -> None:
    replay = example()
    result = replay.final_state().results
    # both runs beyond the scale at PC1·2 (late) and CO1 (10 minutes early), side by side
    first = far_off(result, {0: 4_120, 5: -600_000, 10: 60_000})
    second = far_off(result, {0: 5_000, 4: 12_340, 5: -540_000, 10: 61_000})
    plot = shown_plot(qtbot, first, replay)
    plot.set_compare(second, ("#112 mille-miglia-day1", "#7 practice"))
    plot.resize(*size)
    settled(qtbot, plot, size)
    inside = plot.deviation_plot.getViewBox().sceneBoundingRect()
    labels = plot.shown_labels()
    texts = [text for text, _ in labels]
    if size[0] >= 760:  # room for every value
        assert sorted(texts) == sorted(
            ["+4.12", "-600.00", "+60.00", "+5.00", "+12.34", "-540.00", "+61.00"]
        )
    if size[1] >= 340:
        assert labels, "no value written at all"
    markers = marker_rects(plot)
    for text, rect in labels:
        assert inside.contains(rect), f"{text} leaves the plot"
        assert not any(rect.intersects(m) for m in markers), f"{text} overprints a marker"
    for i, (text, rect) in enumerate(labels):
        for other, other_rect in labels[i + 1 :]:
            assert not rect.intersects(other_rect), f"{text} overlaps {other}"
    # a bar beyond the scale whose value is not written gets an arrow
    arrows = len(plot._items["beyond_late"].points()) + len(plot._items["beyond_early"].points())
    assert len(labels) + arrows == 7
    # the runs are named above the plots, not over the bars
    assert plot.names_line.isVisible() and "#7 practice" in plot.names_line.text()
    assert plot.names_line.geometry().bottom() < plot.graphics_view().geometry().top() + 1


def test_the_plots_at_the_replay_windows_size_match_the_approved_image(qtbot: QtBot) -> None:
    use_fixed_theme()  # the names line and the frame follow the application palette
    replay = example()
    result = replay.final_state().results
    first = far_off(result, {5: -600_000})
    second = far_off(result, {0: 520, 4: 12_340, 5: -540_000})
    plot = shown_plot(qtbot, first, replay)
    plot.set_compare(second, ("#112 mille-miglia-day1", "#7 practice"))
    plot.resize(760, 340)
    settled(qtbot, plot, (760, 340))
    plot.set_current(7)
    assert_image_approved(plot.grab().toImage(), "plots-compare-760x340")
