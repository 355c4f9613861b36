"""Render replay mode and the results plot into PNGs (the README's pictures); needs no display.

    .venv/bin/python tools/replay_screenshot.py docs/images/mmtimer-replay.png \
        --plot docs/images/mmtimer-results-plot.png

The bundled 1000 Miglia example log replayed 5.23 s into PC3 (the table so far, the trial's
chronograph running, the countdown to its line 2); the plot compares the example with a second
run of the same stage, made here by moving its presses a little (a "practice" log in a temporary
folder). Nothing is written outside a temporary folder but the images.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from mmtimer.app import make_application
from mmtimer.core.clock import NS_PER_MS, FakeClock
from mmtimer.core.events import Pass
from mmtimer.paths import resource
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.i18n import translations
from mmtimer.ui.replay_window import ReplayWindow, read_replay

EXAMPLE = "mille-miglia-day1.mmlog"
# A second run: each pass moved by this many ms (by seq), as a practice drive would differ.
PRACTICE_SHIFT_MS = {3: -60, 4: 90, 6: -40, 7: 120, 8: -210, 10: 30, 11: -1_200, 12: 800}


def practice_log(folder: Path) -> Path:
    lines = Path(resource("logs", EXAMPLE)).read_text(encoding="utf-8").splitlines()
    out = []
    for text in lines:
        obj = json.loads(text)
        if obj.get("type") == "pass":
            obj["t_ns"] += PRACTICE_SHIFT_MS.get(obj["seq"], 0) * NS_PER_MS
        elif obj.get("type") == "header":
            obj["crew"]["number"] = 7
        out.append(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
    path = folder / "practice.mmlog"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="replay mode, the whole window")
    parser.add_argument("--plot", type=Path, help="the results plot with a second run")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=820)
    parser.add_argument("--language", default="en", help="en or it (View > Language)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="mmtimer-shot-"))
    app = make_application()
    load_fonts()
    translations().apply(args.language)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    replay = read_replay(Path(resource("logs", EXAMPLE)))
    starts = [e for e in replay.events if isinstance(e, Pass) and (e.section, e.line) == ("PC3", 1)]
    at_ns = starts[0].t_ns + 5_230 * NS_PER_MS  # PC3 under way: 2.77 s to its line 2
    window = ReplayWindow(replay, FakeClock(0), settings, at_ns=at_ns)
    window.resize(args.width, args.height)
    window.show()
    while not window.panel.plot.is_loaded():
        app.processEvents()
    window.panel.select_row(7)
    app.processEvents()
    window.panel.refresh()
    app.processEvents()
    image = window.grab().toImage()
    if not image.save(str(args.out)):
        print(f"{args.out}: could not write the image", file=sys.stderr)
        return 1
    print(f"{args.out}: {image.width()} x {image.height()}")
    if args.plot is not None:
        window.compare_with(read_replay(practice_log(folder)))
        window.panel.playback.to_end()
        window.panel.refresh()
        plot = window.panel.plot
        plot.resize(1000, 560)
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
