"""Render the event view into PNGs (the README's pictures); needs no display.

    .venv/bin/python tools/event_screenshot.py docs/images/mmtimer-event.png \
        --plot docs/images/mmtimer-event-plot.png

The bundled example event (resources/events/mille-miglia-2027.event.toml) opened in the stage
window: its days listed (days 1 and 2 driven from the example logs, day 3 not yet driven and
open to time, with the event's crew), the whole event's results in the table; the plot shows the
whole event's deviations and cumulative penalty. The data folder is a temporary one: nothing is
written outside it but the images.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["MMTIMER_HOME"] = tempfile.mkdtemp(prefix="mmtimer-shot-")

from PySide6.QtCore import QSettings, Qt

from mmtimer.app import make_application
from mmtimer.core.clock import NS_PER_S, FakeClock
from mmtimer.paths import resource
from mmtimer.ui.controller import Controller
from mmtimer.ui.eventpanel import WHOLE_EVENT
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.plots import ResultsPlot
from mmtimer.ui.stagewindow import StageWindow
from mmtimer.ui.triggers import EventStamper


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the stage window with the event dock")
    parser.add_argument("--plot", type=Path, help="the whole event's plot")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    folder = Path(os.environ["MMTIMER_HOME"])
    app = make_application()
    load_fonts()
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    clock = FakeClock(1_000 * NS_PER_S)
    window = StageWindow(
        Controller(clock),
        settings,
        stamper=EventStamper(clock, "offscreen", None),
        open_sound=lambda parent: "no sound in a screenshot",
        ask_resume=lambda parent, candidate: False,
    )
    window.resize(args.width, args.height)
    if not window.open_path(resource("events", "mille-miglia-2027.event.toml"), warn=False):
        print(f"cannot open the example event: {window.open_error}", file=sys.stderr)
        return 1
    window.show()
    dock = window.events.dock
    window.resizeDocks([dock], [args.width * 11 // 20], Qt.Orientation.Horizontal)
    panel = dock.panel
    panel.choose_day(WHOLE_EVENT)
    for _ in range(5):
        app.processEvents()
    image = window.grab().toImage()
    if not image.save(str(args.out)):
        print(f"{args.out}: could not write the image", file=sys.stderr)
        return 1
    print(f"{args.out}: {image.width()} x {image.height()}")
    if args.plot is not None:
        shown, rules = panel.shown()  # the whole event, as the dock's Plots tab draws it
        plot = ResultsPlot()
        plot.set_result(shown, rules)
        plot.resize(1000, 560)
        plot.show()
        plot.ensure_loaded()
        while plot.graphics_view().width() != 1000:  # pyqtgraph lays out on events
            app.processEvents()
        app.processEvents()
        if not plot.export_png(args.plot):
            print(f"{args.plot}: could not write the image", file=sys.stderr)
            return 1
        print(f"{args.plot}: written")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
