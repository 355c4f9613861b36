"""Render the stage window's pacer on the practice trial, without and with GPS, offscreen.

    .venv/bin/python tools/pacer_screenshot.py docs/images/mmtimer-pacer.png \
        docs/images/mmtimer-pacer-gps.png

Without GPS: 60 s after the start press, the bridge (km 0.700) confirmed with K 3 s early. With
GPS: the generated drive (resources/drives/practice.nmea) played as a receiver for 75 s.
A fake clock and a temporary settings file and log: nothing of the user's is touched.
"""

from __future__ import annotations

import datetime
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402

from mmtimer.app import make_application  # noqa: E402
from mmtimer.core.clock import NS_PER_S, FakeClock  # noqa: E402
from mmtimer.core.timefmt import parse_time_of_day_ms  # noqa: E402
from mmtimer.paths import resource  # noqa: E402
from mmtimer.ui.controller import Controller  # noqa: E402
from mmtimer.ui.dialogs import SyncRequest  # noqa: E402
from mmtimer.ui.endstage import CloseChoice  # noqa: E402
from mmtimer.ui.fonts import load_fonts  # noqa: E402
from mmtimer.ui.stagewindow import StageWindow  # noqa: E402
from mmtimer.ui.triggers import EventStamper  # noqa: E402

MS = 1_000_000


def shoot(out: Path, *, gps: bool) -> None:
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
        assert window.open_path(
            resource("stages", "practice-average.stage.toml"), Path(folder) / "l.mmlog"
        )
        window.resize(1400, 820)
        window.show()
        app.processEvents()
        pacer = window.pacer
        window.apply_sync(SyncRequest(clock.now_ns(), parse_time_of_day_ms("15:11:40"), "typed"))
        if gps:
            pacer.open_drive(resource("drives", "practice.nmea"))
        clock.advance_ns(8 * NS_PER_S)
        live = window.live
        assert live is not None
        live.press(clock.now_ns(), "key:Space")
        if gps:
            for _ in range(750):
                clock.advance_ns(100 * MS)
                pacer.gps._play_due()
                pacer.tick()
        else:
            clock.advance_ns(60 * NS_PER_S)
            pacer.confirm_landmark()
            clock.advance_ns(4 * NS_PER_S)
        pacer.tick()
        window.refresh()
        app.processEvents()
        window.grab().save(str(out))
        print(f"{out}: {pacer.view}")
        pacer.close()
        window.close()
        app.processEvents()


if __name__ == "__main__":
    shoot(Path(sys.argv[1]), gps=False)
    shoot(Path(sys.argv[2]), gps=True)
