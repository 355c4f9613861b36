"""`mmtimer screenshot OUT.png`: the main window rendered offscreen at a chosen state."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mmtimer.core.timefmt import FormatError, parse_duration_ms, parse_time_of_day_ms

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

EXIT_OK = 0
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "Render the main window offscreen, at a given state, into a PNG."
    parser.add_argument("out", metavar="OUT.png", help="the image to write")
    parser.add_argument("--theme", default="nero-corsa", help="dial colour (default nero-corsa)")
    parser.add_argument(
        "--size", type=int, default=1280, metavar="PX", help="window width in pixels (1280)"
    )
    parser.add_argument(
        "--chrono",
        default="0",
        metavar="SECONDS",
        help="chronograph reading, stopped: seconds as 1417.62 or 23:37.62 (default 0)",
    )
    parser.add_argument(
        "--time", default="10:09:36", metavar="HH:MM:SS", help="official time of day (10:09:36)"
    )
    parser.add_argument(
        "--date", default="2026-05-13", metavar="YYYY-MM-DD", help="date in the window"
    )
    parser.add_argument(
        "--sweep", action="store_true", help="chronograph hand sweeps instead of stepping"
    )


def _fail(message: str) -> int:
    print(f"mmtimer screenshot: {message}", file=sys.stderr)
    return EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    """Render and save; a bad argument is a one-line message and exit 2, never a traceback."""
    from mmtimer.ui.themes import THEMES

    if args.theme not in THEMES:
        return _fail(f"--theme {args.theme!r}: choose one of {', '.join(THEMES)}")
    if not 320 <= args.size <= 8000:
        return _fail(f"--size {args.size}: give a width from 320 to 8000 pixels")
    try:
        chrono_ms = parse_duration_ms(args.chrono, "--chrono")
        official_ms = parse_time_of_day_ms(args.time, "--time")
        day = datetime.date.fromisoformat(args.date)
    except FormatError as error:
        return _fail(str(error))
    except ValueError:
        return _fail(f"--date {args.date!r} is not a date like 2026-05-13")
    out = Path(args.out)
    if out.suffix.lower() != ".png":
        return _fail(f"{out}: the image is written as PNG; name it OUT.png")
    if not out.parent.is_dir():
        return _fail(f"{out.parent}: no such folder")

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    image = render_window(
        theme=args.theme,
        width=args.size,
        chrono_ms=chrono_ms,
        official_ms=official_ms,
        day=day,
        sweep=args.sweep,
    )
    if not image.save(str(out)):
        return _fail(f"{out}: could not write the image")
    print(f"{out}: {image.width()} x {image.height()}")
    return EXIT_OK


def render_window(
    *, theme: str, width: int, chrono_ms: int, official_ms: int, day: datetime.date, sweep: bool
) -> QImage:
    """The main window at that state, as an image (a temporary settings file, never the user's)."""
    import tempfile

    from PySide6.QtCore import QMessageLogContext, QSettings, QtMsgType, qInstallMessageHandler

    from mmtimer.app import make_application
    from mmtimer.core.clock import NS_PER_MS, FakeClock, SyncPoint
    from mmtimer.ui.controller import Controller
    from mmtimer.ui.dialstate import Stepping
    from mmtimer.ui.fonts import load_fonts
    from mmtimer.ui.mainwindow import MainWindow

    def quiet(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        # The offscreen platform warns that it has no window manager; nothing to tell the user.
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(quiet)
    app = make_application()
    load_fonts()
    noon = datetime.datetime.combine(day, datetime.time(12)).astimezone()
    clock = FakeClock(0, utc_start=noon.astimezone(datetime.UTC))
    controller = Controller(clock)
    if chrono_ms:
        controller.start_stop(0)
        clock.set_ns(chrono_ms * NS_PER_MS)
        controller.start_stop()
    controller.official_time.add(SyncPoint(clock.now_ns(), official_ms * NS_PER_MS))
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "screenshot.ini"), QSettings.Format.IniFormat)
        window = MainWindow(controller, settings)
        window.set_theme(theme)
        window.set_stepping(Stepping.SWEEP if sweep else Stepping.EIGHTHS)
        window.resize(width, round(width * 0.6))
        window.show()
        app.processEvents()
        window.refresh()
        image = window.grab().toImage()
        window.close()
        window.deleteLater()
        app.processEvents()
    qInstallMessageHandler(previous)
    return image
