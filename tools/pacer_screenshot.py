"""Render the stage window's pacer on the practice trial, without and with GPS, offscreen.

    .venv/bin/python tools/pacer_screenshot.py docs/images/mmtimer-pacer.png \
        docs/images/mmtimer-pacer-gps.png

The practice trial as tests/practice.py sets it up (the benchmark's too): the start pressed at
15:11:48. Without GPS: 60 s later, the bridge (km 0.700) confirmed with K 3 s early. With GPS:
the generated drive (resources/drives/practice.nmea) played as a receiver for 75 s.
A fake clock and a temporary settings file and log: nothing of the user's is touched.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mmtimer.core.clock import NS_PER_S  # noqa: E402
from tests.practice import practice_window  # noqa: E402


def shoot(out: Path, *, gps: bool) -> None:
    with practice_window(gps=gps) as practice:
        window, pacer = practice.window, practice.window.pacer
        if gps:
            practice.drive(750)
        else:
            practice.clock.advance_ns(60 * NS_PER_S)
            pacer.confirm_landmark()
            practice.clock.advance_ns(4 * NS_PER_S)
        pacer.tick()
        window.refresh()
        practice.app.processEvents()
        window.grab().save(str(out))
        print(f"{out}: {pacer.view}")


if __name__ == "__main__":
    shoot(Path(sys.argv[1]), gps=False)
    shoot(Path(sys.argv[2]), gps=True)
