"""Render the two dialogs of "safe in a moving car" (issue 12) into PNGs; needs no display.

    .venv/bin/python tools/safety_screenshot.py docs/images/mmtimer-sync-jump.png \
        docs/images/mmtimer-crew-read-only.png

The bundled example stage on a fake clock, synced at 14:58:00, the crew entered before the start.
First picture: 77.34 s later the navigator presses M in the sync dialog with the official clock
17.34 s behind mmtimer's: the dialog and the question it asks (Cancel the default) side by side.
Second: C mid-stage, the crew dialog read-only, saying why. Nothing is written outside a temporary
folder.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from mmtimer.app import make_application
from mmtimer.core.clock import NS_PER_MS, NS_PER_S, FakeClock
from mmtimer.core.timefmt import parse_time_of_day_ms
from mmtimer.paths import resource
from mmtimer.ui.controller import Controller
from mmtimer.ui.dialogs import SyncRequest, jump_box
from mmtimer.ui.endstage import CloseChoice
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.stagewindow import StageWindow
from mmtimer.ui.triggers import EventStamper

GAP_PX = 16


def grab(widget: QWidget, app: QApplication) -> QPixmap:
    widget.show()
    app.processEvents()
    return widget.grab()


def side_by_side(left: QPixmap, right: QPixmap, background: QColor) -> QImage:
    """The two pictures on one ground, tops aligned."""
    width = left.width() + GAP_PX + right.width() + 2 * GAP_PX
    height = max(left.height(), right.height()) + 2 * GAP_PX
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(background)
    painter = QPainter(image)
    painter.drawPixmap(GAP_PX, GAP_PX, left)
    painter.drawPixmap(2 * GAP_PX + left.width(), GAP_PX, right)
    painter.end()
    return image


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sync_out", type=Path)
    parser.add_argument("crew_out", type=Path)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="mmtimer-shot-"))
    os.environ.pop("MMTIMER_HOME", None)
    os.environ["HOME"] = str(folder)
    os.environ["XDG_DATA_HOME"] = str(folder / ".local" / "share")
    app = make_application()
    load_fonts()
    clock = FakeClock(
        1_000 * NS_PER_S, utc_start=datetime.datetime(2026, 5, 13, 12, 58, tzinfo=datetime.UTC)
    )
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(
        "stage/crew",
        '{"number": 112, "driver": "Giulia Ferri", "navigator": "Marco Bassi",'
        ' "car": "Alfa Romeo 6C 1750 SS", "year": 1929, "coefficient": "1.80"}',
    )
    window = StageWindow(
        Controller(clock),
        settings,
        stamper=EventStamper(clock, "offscreen", None),
        open_sound=lambda parent: "no sound in a picture",
        ask_close=lambda parent: CloseChoice.END,  # never a modal question in a tool
    )
    window.open_path(resource("stages", "mille-miglia-day1.stage.toml"))
    window.apply_sync(SyncRequest(clock.now_ns(), parse_time_of_day_ms("14:58:00"), "minute"))
    window.resize(1180, 720)
    window.show()
    app.processEvents()

    # The sync: M pressed when mmtimer says 14:59:17.34; the question is asked, then answered.
    clock.advance_ns(77_340 * NS_PER_MS)
    dialog = window.show_sync_dialog()
    asked: list[str] = []

    def answer(parent: QWidget, question: str) -> bool:
        asked.append(question)
        return False  # Cancel: the picture shows the dialog as the question leaves it

    dialog.confirm = answer
    dialog.mark_minute(clock.now_ns())
    box, _ = jump_box(dialog, asked[0])
    shown = side_by_side(grab(dialog, app), grab(box, app), window.palette().window().color())
    box.close()
    dialog.close()
    args.sync_out.parent.mkdir(parents=True, exist_ok=True)
    if not shown.save(str(args.sync_out)):
        print(f"cannot write {args.sync_out}", file=sys.stderr)
        return 1
    print(f"wrote {args.sync_out}")

    # The crew, mid-stage (the log started with the sync): read-only, and why.
    crew = window.edit_crew()
    crew.adjustSize()
    picture = grab(crew, app)
    crew.close()
    args.crew_out.parent.mkdir(parents=True, exist_ok=True)
    if not picture.save(str(args.crew_out)):
        print(f"cannot write {args.crew_out}", file=sys.stderr)
        return 1
    print(f"wrote {args.crew_out}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
