"""Dial benchmarks: paint time per frame (cached against full redraw) and event-loop stalls.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_dial.py [--seconds 10]

Prints figures; asserts nothing (timings depend on the machine). Goals (issue "The Classic
Chronograph"): cached frame at most a quarter of a full redraw; while the dial animates at
60 fps, the event loop's longest stall p99 < 4 ms and max < 10 ms.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from mmtimer.app import make_application
from mmtimer.core.clock import SystemClock
from mmtimer.ui.controller import Controller
from mmtimer.ui.dial import DialWidget
from mmtimer.ui.dialstate import DialState, Stepping
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.mainwindow import MainWindow

S = 1_000_000_000


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))
    return ordered[index]


def paint_times(side: int, dpr: float, cached: bool, frames: int) -> list[float]:
    """ms per frame to paint the whole dial at `side` logical px and ratio `dpr`."""
    dial = DialWidget(theme="nero-corsa")
    dial.set_stepping(Stepping.SWEEP)
    physical = round(side * dpr)
    image = QImage(physical, physical, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    times = []
    for frame in range(frames + 3):
        dial.set_state(
            DialState(
                chrono_elapsed_ns=frame * 16_666_667 + 1417 * S,
                chrono_running=True,
                official_ms=36_576_000 + frame * 17,
                date=datetime.date(2026, 5, 13),
            )
        )
        painter = QPainter(image)
        start = time.perf_counter_ns()
        dial.render_dial(painter, QSize(side, side), cached=cached)
        painter.end()  # the raster engine draws as it goes; end() flushes nothing costly
        elapsed_ms = (time.perf_counter_ns() - start) / 1e6
        if frame >= 3:  # the first frames build the caches
            times.append(elapsed_ms)
    return times


def bench_paint(frames: int) -> None:
    print(f"Paint time per frame, 600 px dial, {frames} frames (ms)")
    print(f"{'ratio':>5} {'layers':>8} {'median':>8} {'p95':>8}")
    for dpr in (1.0, 2.0):
        results = {}
        for cached in (False, True):
            times = paint_times(600, dpr, cached, frames)
            results[cached] = statistics.median(times)
            label = "cached" if cached else "full"
            print(
                f"{dpr:>5.0f} {label:>8} {statistics.median(times):>8.2f} "
                f"{percentile(times, 95):>8.2f}"
            )
        print(f"      cached / full = {results[True] / results[False]:.2f}")
    # What a rebuild of the cache costs (a resize, a theme or a screen change).
    dial = DialWidget(theme="nero-corsa")
    rebuilds = []
    for k in range(10):
        start = time.perf_counter_ns()
        dial._static = None
        dial._static_pixmap(600 + k % 2, 1.0)
        rebuilds.append((time.perf_counter_ns() - start) / 1e6)
    print(f"static cache rebuild at 600 px, ratio 1: median {statistics.median(rebuilds):.2f} ms")


def bench_resize(frames: int) -> None:
    """A window edge dragged from 500 to 700 px, one frame per size, at ratio 1 and 2: frames
    while the size is still changing scale the old layers; without that each repaints them."""
    for dpr in (1.0, 2.0):
        results = {}
        for scale in (False, True):
            dial = DialWidget(theme="nero-corsa")
            first = _image(500, dpr)
            painter = QPainter(first)
            dial.render_dial(painter, QSize(500, 500))  # the layers of the start size
            painter.end()
            times = []
            for k in range(frames):
                side = 500 + k % 200
                if scale:
                    dial._settle.start()  # what resizeEvent does while the edge moves
                image = _image(side, dpr)
                painter = QPainter(image)
                start = time.perf_counter_ns()
                dial.render_dial(painter, QSize(side, side), widget_frame=True)
                painter.end()
                times.append((time.perf_counter_ns() - start) / 1e6)
            dial._settle.stop()
            results[scale] = times
        full, scaled = results[False], results[True]
        print(
            f"resize frame, ratio {dpr:.0f}: repainting the layers median "
            f"{statistics.median(full):.2f} ms (p95 {percentile(full, 95):.2f}), "
            f"scaling the old ones median {statistics.median(scaled):.2f} ms "
            f"(p95 {percentile(scaled, 95):.2f})"
        )


def _image(side: int, dpr: float) -> QImage:
    image = QImage(round(side * dpr), round(side * dpr), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    return image


def bench_stalls(app: QApplication, seconds: float, stepping: Stepping) -> None:
    """A 1 ms probe timer measures how late the event loop lets it run while the window
    animates at 60 fps: a key press would wait that long."""
    with_settings = QSettings(str(Path("/tmp") / "mmtimer-bench.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Controller(SystemClock()), with_settings)
    window.set_stepping(stepping)
    window.controller.start_stop()
    window.resize(1180, 720)
    window.show()
    window.activateWindow()
    deadline = time.perf_counter() + 2
    while not window.isActiveWindow() and time.perf_counter() < deadline:
        app.processEvents()
    painted = [0]
    original = window.dial.paintEvent

    def counting_paint(event: object) -> None:
        painted[0] += 1
        original(event)  # type: ignore[arg-type]

    window.dial.paintEvent = counting_paint  # type: ignore[method-assign]
    gaps: list[float] = []
    last = [time.perf_counter_ns()]
    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)

    def on_probe() -> None:
        now = time.perf_counter_ns()
        gaps.append((now - last[0]) / 1e6 - 1.0)  # ms later than asked
        last[0] = now

    probe.timeout.connect(on_probe)
    probe.start(1)
    intervals: list[int | None] = []
    QTimer.singleShot(round(seconds * 500), lambda: intervals.append(window.repaint_interval_ms()))
    QTimer.singleShot(round(seconds * 1000), app.quit)
    app.exec()
    probe.stop()
    interval = intervals[0] if intervals else None
    window.close()
    late = [max(0.0, g) for g in gaps[5:]]
    print(
        f"Event-loop stalls, {seconds:.0f} s animating ({stepping.value}, repaint every "
        f"{interval} ms, {painted[0] / seconds:.0f} dial frames/s): "
        f"p99 {percentile(late, 99):.2f} ms, "
        f"max {max(late):.2f} ms, median {statistics.median(late):.3f} ms over {len(late)} probes"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    app = make_application()
    load_fonts()
    print(f"Qt platform: {app.platformName()}, Python {sys.version.split()[0]}")
    bench_paint(args.frames)
    bench_resize(max(20, args.frames // 5))
    for stepping in (Stepping.SWEEP, Stepping.EIGHTHS):
        bench_stalls(app, args.seconds, stepping)


if __name__ == "__main__":
    main()
