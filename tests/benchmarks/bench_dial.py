"""Dial benchmarks: paint time per frame (cached against full redraw) and event-loop stalls.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_dial.py [--seconds 10]

Prints figures; asserts nothing (timings depend on the machine). Beside mmtimer's dial it paints
a bare PySide6 dial of the same size (face cached, three line hands), frame for frame in the same
run. Goals: a cached frame no dearer than the bare dial's, a full redraw within 2x of the bare
one's; while the window animates at 60 fps, the event loop's longest stall p99 < 4 ms and
max < 10 ms.

The cached frames are timed back to back (the layers warm in the CPU's caches), then with 4 MB
and with 64 MB streamed through memory before each frame of either dial (EVICTIONS_MB): how
warm the caches are between two frames of the running window is not known here, and a cold
cache costs the dial, which reads from several layers, more than the bare dial. The real
window's figure is bench_cpu.py's.

A frame's time is the CPU time of the whole process, every thread: Qt may hand a fill to its pool
of GUI threads, and the battery pays for that too. Both dials paint as mmtimer runs, with every
fill on the painting thread (mmtimer.app.SERIAL_FILLS); MMTIMER_QT_THREAD_POOL=1 in the
environment leaves Qt's pool on, as a bare PySide6 program has it.
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap, QRegion
from PySide6.QtWidgets import QApplication

from mmtimer.app import SERIAL_FILLS, make_application
from mmtimer.core.clock import SystemClock
from mmtimer.ui.controller import Controller
from mmtimer.ui.dial import DialWidget
from mmtimer.ui.dialstate import DialState, Stepping, hand_angles
from mmtimer.ui.fonts import dial_font, load_fonts
from mmtimer.ui.mainwindow import MainWindow

S = 1_000_000_000


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))
    return ordered[index]


class BareDial:
    """The reference: a bare PySide6 dial of the same size, as the analogclock example would
    draw it: the face (ring, 60 ticks, 12 numerals) cached in a pixmap at the device's ratio,
    then three hands as antialiased lines and a dot, every frame over the whole square."""

    def __init__(self) -> None:
        self._face: QPixmap | None = None
        self._key: tuple[int, float] = (0, 0.0)

    def _paint_face(self, p: QPainter, side: int) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.translate(side / 2, side / 2)
        p.scale(side / 1000, side / 1000)
        p.setPen(QPen(QColor("#c8c8c8"), 12))
        p.setBrush(QColor("#202225"))
        p.drawEllipse(QPointF(0, 0), 420, 420)
        for k in range(60):
            p.setPen(QPen(QColor("#e8e8e8"), 6 if k % 5 == 0 else 2))
            p.drawLine(QPointF(0, -400), QPointF(0, -370 if k % 5 == 0 else 385))
            p.rotate(6)
        p.setFont(dial_font(60, bold=True))
        for hour in range(1, 13):
            angle = math.radians(hour * 30)
            centre = QPointF(300 * math.sin(angle), -300 * math.cos(angle))
            p.drawText(QRectF(centre.x() - 50, centre.y() - 40, 100, 80),
                       int(Qt.AlignmentFlag.AlignCenter), str(hour))  # fmt: skip

    def _face_pixmap(self, side: int, dpr: float) -> QPixmap:
        if self._face is None or self._key != (side, dpr):
            face = QPixmap(round(side * dpr), round(side * dpr))
            face.setDevicePixelRatio(dpr)
            face.fill(Qt.GlobalColor.transparent)
            painter = QPainter(face)
            self._paint_face(painter, side)
            painter.end()
            self._face, self._key = face, (side, dpr)
        return self._face

    def render(self, p: QPainter, side: int, state: DialState, *, cached: bool) -> None:
        dpr = p.device().devicePixelRatioF()
        p.fillRect(QRectF(0, 0, side, side), QColor("#15171a"))
        if cached:
            p.drawPixmap(QPointF(0, 0), self._face_pixmap(side, dpr))
        else:
            p.save()
            self._paint_face(p, side)
            p.restore()
        angles = hand_angles(state, Stepping.SWEEP)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.translate(side / 2, side / 2)
        p.scale(side / 1000, side / 1000)
        for deg, length, width, colour in (
            (angles.hour_deg, 200, 18, "#f0f0f0"),
            (angles.minute_deg, 300, 12, "#f0f0f0"),
            (angles.chrono_seconds_deg, 330, 4, "#e03030"),
        ):
            p.save()
            p.rotate(deg)
            pen = QPen(QColor(colour), width)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            p.setPen(pen)
            p.drawLine(QPointF(0, 40), QPointF(0, -length))
            p.restore()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#e03030"))
        p.drawEllipse(QPointF(0, 0), 12, 12)
        p.restore()


def _states(frames: int) -> list[DialState]:
    """60 frames a second of a running trial: the chronograph and official time advance."""
    return [
        DialState(
            chrono_elapsed_ns=frame * 16_666_667 + 1417 * S,
            chrono_running=True,
            official_ms=36_576_000 + frame * 17,
            date=datetime.date(2026, 5, 13),
        )
        for frame in range(frames + 3)
    ]


def _timed(action: Callable[[], None]) -> float:
    """ms of the process's CPU time for `action`, every thread (Qt's pool of GUI threads, when
    on, paints part of a fill): steadier than the wall clock when other work shares the machine,
    and what the battery pays."""
    start = time.process_time_ns()
    action()
    return (time.process_time_ns() - start) / 1e6


EVICTIONS_MB = (0, 4, 64)
"""What is streamed through memory before each cached frame: nothing (frames back to back, the
layers warm in the CPU's caches), 4 MB (more than this machine's 1 MB L2 of a core: what other
painting and the X server might do between two frames 16 ms apart), 64 MB (twice its 32 MB L3:
every layer cold)."""


class Evictor:
    """Streams `mb` megabytes through memory: half of them read, half written (a copy of one
    buffer into another)."""

    def __init__(self, mb: int) -> None:
        self.source = bytearray(mb * 1024 * 512)
        self.target = bytearray(len(self.source))

    def __call__(self) -> None:
        self.target[:] = self.source


def _dials(side: int) -> tuple[DialWidget, BareDial]:
    dial = DialWidget(theme="nero-corsa")
    dial.set_stepping(Stepping.SWEEP)
    dial.resize(side, side)
    return dial, BareDial()


def _into(image: QImage, paint: Callable[[QPainter], None]) -> None:
    painter = QPainter(image)
    paint(painter)
    painter.end()


def cached_times(side: int, dpr: float, frames: int, evict_mb: int) -> dict[str, list[float]]:
    """ms per cached frame, mmtimer's dial and the bare one interleaved frame by frame (so both
    see the same load), `evict_mb` MB streamed before each: `dial cached` is a frame as the
    widget paints it (set_state, then the regions it asked for, into the same image frame after
    frame, as the window's backing store); `dial cached whole` the whole cached square (back to
    back only)."""
    dial, bare = _dials(side)
    evict = Evictor(evict_mb) if evict_mb else None
    # Each way of painting into its own image, as each window has its own backing store: a
    # frame finds its own pixels as cold or as warm as the others find theirs (one image shared
    # by the others but not by the dial's frame left the dial's colder).
    screen, bare_image, whole_image = (_image(side, dpr) for _ in range(3))
    times: dict[str, list[float]] = {"dial cached": [], "bare cached": [], "dial cached whole": []}
    size = QSize(side, side)

    def widget_frame(region: QRegion | None) -> None:
        painter = QPainter(screen)
        if region is not None:
            painter.setClipRegion(region)
        dial.render_dial(painter, size, widget_frame=True, region=region)
        painter.end()

    for frame, state in enumerate(_states(frames)):
        if evict is not None:
            evict()
        # set_state is work the bare dial does not do (it finds what moved): timed with the frame
        set_state_ms = _timed(partial(dial.set_state, state))
        # the first frame is the whole widget, as when it is shown
        region = dial.requested_region() if frame else None
        dial._requested = []  # what a paint event does
        runs: dict[str, Callable[[], None]] = {
            "dial cached": partial(widget_frame, region),
            "bare cached": partial(
                _into, bare_image, partial(bare.render, side=side, state=state, cached=True)
            ),
        }
        if evict is None:
            runs["dial cached whole"] = partial(
                _into, whole_image, partial(dial.render_dial, size=size, widget_frame=True)
            )
        for name, run in runs.items():
            if evict is not None and name != "dial cached":
                evict()  # (the dial's frame was evicted for before its set_state)
            elapsed = _timed(run) + (set_state_ms if name == "dial cached" else 0.0)
            if frame >= 3:  # the first frames build the caches
                times[name].append(elapsed)
    return times


def full_times(side: int, dpr: float, frames: int) -> dict[str, list[float]]:
    """ms per full redraw (every layer painted again), the dial's and the bare one's in turn."""
    dial, bare = _dials(side)
    full_image, bare_image = _image(side, dpr), _image(side, dpr)
    size = QSize(side, side)
    times: dict[str, list[float]] = {"dial full": [], "bare full": []}
    for frame, state in enumerate(_states(frames)):
        dial.set_state(state)
        dial._requested = []
        runs: dict[str, Callable[[], None]] = {
            "dial full": partial(
                _into, full_image, partial(dial.render_dial, size=size, cached=False)
            ),
            "bare full": partial(
                _into, bare_image, partial(bare.render, side=side, state=state, cached=False)
            ),
        }
        for name, run in runs.items():
            elapsed = _timed(run)
            if frame >= 2:
                times[name].append(elapsed)
    return times


def bench_paint(frames: int) -> None:
    print(f"Paint time per frame, 600 px dial, {frames} frames of a running trial at 60 fps")
    for dpr in (1.0, 2.0):
        r = f"ratio {dpr:.0f}"
        for evict_mb in EVICTIONS_MB:
            times = cached_times(600, dpr, frames, evict_mb)
            med = {name: statistics.median(v) for name, v in times.items() if v}
            ratio = med["dial cached"] / med["bare cached"]
            if evict_mb:
                print(
                    f"  with {evict_mb} MB streamed before each frame: dial "
                    f"{med['dial cached']:.3f} ms, bare {med['bare cached']:.3f} ms, "
                    f"dial / bare cached = {ratio:.2f}"
                )
                continue
            print(
                f"dial cached frame, {r}: median {med['dial cached']:.3f} ms "
                f"(p95 {percentile(times['dial cached'], 95):.3f}; only the regions that "
                "changed; frames back to back)"
            )
            print(
                f"bare cached frame, {r}: median {med['bare cached']:.3f} ms "
                f"(p95 {percentile(times['bare cached'], 95):.3f})"
            )
            print(f"  dial / bare cached = {ratio:.2f}")
            print(
                f"dial cached whole frame, {r}: median {med['dial cached whole']:.3f} ms "
                f"(every pixel from the caches; dial / bare = "
                f"{med['dial cached whole'] / med['bare cached']:.2f})"
            )
        times = full_times(600, dpr, max(3, frames // 3))
        med = {name: statistics.median(v) for name, v in times.items()}
        print(
            f"dial full redraw, {r}: median {med['dial full']:.2f} ms "
            f"(p95 {percentile(times['dial full'], 95):.2f})"
        )
        print(
            f"bare full redraw, {r}: median {med['bare full']:.2f} ms "
            f"(p95 {percentile(times['bare full'], 95):.2f})"
        )
        print(f"  dial / bare full = {med['dial full'] / med['bare full']:.2f}")
    # What a rebuild of the cache costs (a resize, a theme or a screen change).
    dial = DialWidget(theme="nero-corsa")
    rebuilds = []
    for k in range(10):
        start = time.perf_counter_ns()
        dial.layers.static = None
        dial.layers.static_pixmap(600 + k % 2, 1.0)
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
        f"Event-loop stalls, {seconds:g} s animating ({stepping.value}, repaint every "
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
    pool = "on (Qt's default)" if SERIAL_FILLS[0] not in os.environ else f"off ({SERIAL_FILLS[0]})"
    print(
        f"Qt platform: {app.platformName()}, Python {sys.version.split()[0]}, "
        f"GUI thread pool {pool}"
    )
    bench_paint(args.frames)
    bench_resize(max(20, args.frames // 5))
    for stepping in (Stepping.SWEEP, Stepping.EIGHTHS):
        bench_stalls(app, args.seconds, stepping)


if __name__ == "__main__":
    main()
