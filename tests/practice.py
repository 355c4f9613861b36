"""The practice average trial in a stage window, offscreen, on a fake clock: what
tests/benchmarks/bench_pacer.py and tools/pacer_screenshot.py both set up.

`practice_window(gps=...)` opens resources/stages/practice-average.stage.toml in a StageWindow
with a temporary settings file (GPS allowed) and log, syncs the official time at 15:11:40, plays
the generated drive (resources/drives/practice.nmea) as a receiver if `gps` (read by the event
loop meanwhile, as the window would), and presses the start marker 8 s later (15:11:48).
Nothing of the user's is touched.
"""

from __future__ import annotations

import datetime
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

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

STAGE = resource("stages", "practice-average.stage.toml")
DRIVE = resource("drives", "practice.nmea")
MS = 1_000_000


@dataclass
class Practice:
    app: QApplication
    window: StageWindow
    clock: FakeClock

    def drive(self, frames: int, frame_ms: int = 100) -> None:
        """`frames` frames of the clock: the fixes due played, the pacer worked out (as the
        window's timers would, without waiting for them)."""
        pacer = self.window.pacer
        for _ in range(frames):
            self.clock.advance_ns(frame_ms * MS)
            pacer.gps._play_due()
            pacer.tick()


@contextmanager
def practice_window(*, gps: bool, size: tuple[int, int] = (1400, 820)) -> Iterator[Practice]:
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
        assert window.open_path(STAGE, Path(folder) / "l.mmlog")
        window.resize(*size)
        window.show()
        app.processEvents()
        window.apply_sync(SyncRequest(clock.now_ns(), parse_time_of_day_ms("15:11:40"), "typed"))
        if gps:
            assert window.pacer.open_drive(DRIVE)
            # the 8 s before the start: the window's event loop reads the drive meanwhile
            while window.pacer.gps.loading:
                app.processEvents()
        clock.advance_ns(8 * NS_PER_S)
        live = window.live
        assert live is not None
        live.press(clock.now_ns(), "key:Space")
        try:
            yield Practice(app, window, clock)
        finally:
            window.pacer.close()
            window.close()
            app.processEvents()
