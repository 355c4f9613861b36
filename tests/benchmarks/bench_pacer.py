"""Benchmark: the pacer's work in the GUI thread while a 10 Hz receiver's fixes arrive.

The stage window (offscreen) on the practice trial, the generated drive played as a receiver on
a fake clock: every 0.1 s a fix is folded and its events recorded (GpsSource -> GpsRecorder ->
the log), and the pacer readout is worked out and set (PacerController.tick). Prints the median,
99th percentile and worst time of each such step (target: no stall above 4 ms), with a bare
reference in the same run: setting one label's text. Run by hand (not collected by pytest):

    .venv/bin/python tests/benchmarks/bench_pacer.py
"""

from __future__ import annotations

import datetime
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from mmtimer.app import make_application
from mmtimer.core.clock import NS_PER_S, FakeClock
from mmtimer.core.timefmt import parse_time_of_day_ms
from mmtimer.paths import resource
from mmtimer.ui.controller import Controller
from mmtimer.ui.dialogs import SyncRequest
from mmtimer.ui.endstage import CloseChoice
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.stagewindow import StageWindow
from mmtimer.ui.triggers import EventStamper

MS = 1_000_000


def main() -> None:
    app = make_application()
    load_fonts()
    clock = FakeClock(
        1_000 * NS_PER_S, utc_start=datetime.datetime(2026, 5, 13, 13, 10, tzinfo=datetime.UTC)
    )
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        settings.setValue("gps/allowed", True)
        window = StageWindow(
            Controller(clock),
            settings,
            stamper=EventStamper(clock, "offscreen", None),
            open_sound=lambda parent: "no sound",
            ask_close=lambda parent: CloseChoice.END,
        )
        window.open_path(
            resource("stages", "practice-average.stage.toml"), Path(folder) / "l.mmlog"
        )
        window.show()
        app.processEvents()
        pacer = window.pacer
        window.apply_sync(SyncRequest(clock.now_ns(), parse_time_of_day_ms("15:11:40"), "typed"))
        pacer.open_drive(resource("drives", "practice.nmea"))
        clock.advance_ns(8 * NS_PER_S)
        assert window.live is not None
        window.live.press(clock.now_ns(), "key:Space")
        steps = []
        for _ in range(2_500):
            clock.advance_ns(100 * MS)
            started = time.perf_counter_ns()
            pacer.gps._play_due()  # the fix(es) due: folded, events recorded
            pacer.tick()  # the readout
            steps.append((time.perf_counter_ns() - started) / 1e6)
            app.processEvents()  # the repaint (Qt's, not timed here)
        label = QLabel()
        bare = []
        for index in range(2_500):
            started = time.perf_counter_ns()
            label.setText(f"{index:05d}")
            bare.append((time.perf_counter_ns() - started) / 1e6)
        pacer.close()
        window.close()
    steps.sort()
    load = os.getloadavg()[0]
    median = statistics.median(steps)
    print(f"pacer step with a 10 Hz fix ({len(steps)} steps, load {load:.2f}):")
    print(
        f"  median {median:.3f} ms, 99th percentile {steps[int(len(steps) * 0.99)]:.3f} ms, "
        f"worst {steps[-1]:.3f} ms (target: no stall above 4 ms)"
    )
    print(
        f"  over 4 ms: {sum(1 for s in steps if s > 4)}; bare setText median "
        f"{statistics.median(bare):.4f} ms: ratio {median / statistics.median(bare):.0f}"
    )


if __name__ == "__main__":
    main()
