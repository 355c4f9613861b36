"""A small X11 program for tests/ui/test_x11.py: records trigger presses via mmtimer.ui.triggers.

Usage: python tests/ui/x11_probe.py OUT.txt [--busy-ms N]
Each press appends "t_ns handled_ns method source" to OUT.txt (flushed). With --busy-ms, a
timer blocks the GUI thread for N ms every 2 N ms, so presses are handled late at random.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from mmtimer.core.clock import SystemClock
from mmtimer.ui.triggers import EventStamper, Trigger, TriggerPress


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--busy-ms", type=int, default=0)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    clock = SystemClock()
    trigger = Trigger(EventStamper.for_this_platform(clock))
    window = QLabel(f"x11 probe on {app.platformName()}")
    window.setWindowTitle("mmtimer-x11-probe")
    window.resize(320, 120)
    out = open(args.out, "a", encoding="utf-8")  # noqa: SIM115 - open for the program's life

    def record(press: TriggerPress) -> None:
        out.write(f"{press.t_ns} {press.handled_ns} {press.method} {press.source}\n")
        out.flush()

    trigger.pressed.connect(record)
    trigger.attach(window)
    if args.busy_ms:
        busy_ns = args.busy_ms * 1_000_000

        def block() -> None:
            start = clock.now_ns()
            while clock.now_ns() - start < busy_ns:
                pass

        timer = QTimer(window)
        timer.timeout.connect(block)
        timer.start(2 * args.busy_ms)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
