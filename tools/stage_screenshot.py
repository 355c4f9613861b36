"""Render stage mode mid-stage into a PNG (the README's picture); needs no display.

    .venv/bin/python tools/stage_screenshot.py docs/images/mmtimer-stage-mode.png
    .venv/bin/python tools/stage_screenshot.py docs/images/mmtimer-night.png --theme night \
        --width 1180 --height 720          # also: --theme daylight, --driving, --unsynced

The bundled example stage on a fake clock: synced, PC1 done (+0.12 s, -0.37 s), PC2 started and
its second line 0.04 s early, 3.2 s left to line 3. Nothing is written outside a temporary folder.
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
from PySide6.QtWidgets import QApplication

from mmtimer.app import make_application
from mmtimer.core.clock import NS_PER_MS, NS_PER_S, FakeClock
from mmtimer.core.timefmt import parse_time_of_day_ms
from mmtimer.paths import resource
from mmtimer.present.beeps import BeepKind
from mmtimer.ui.controller import Controller
from mmtimer.ui.dialogs import SyncRequest
from mmtimer.ui.endstage import CloseChoice
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.i18n import translations
from mmtimer.ui.stagewindow import StageWindow
from mmtimer.ui.triggers import EventStamper


class Silent:
    """A sound output that plays nothing (the picture has no sound, and says nothing of it)."""

    def play(self, kind: BeepKind) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=760)
    parser.add_argument("--theme", default=None, help="a theme (View > Theme): night, daylight…")
    parser.add_argument("--driving", action="store_true", help="the Driving view (D)")
    parser.add_argument("--unsynced", action="store_true", help="before the sync: the banner")
    parser.add_argument("--results", action="store_true", help="the results table (Ctrl+R)")
    parser.add_argument("--language", default="en", help="en or it (View > Language)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="mmtimer-shot-"))
    # A home of its own, so the status bar shows the log where it goes by default.
    os.environ.pop("MMTIMER_HOME", None)
    os.environ["HOME"] = str(folder)
    os.environ["XDG_DATA_HOME"] = str(folder / ".local" / "share")
    app = make_application()
    load_fonts()
    translations().apply(args.language)
    clock = FakeClock(
        1_000 * NS_PER_S, utc_start=datetime.datetime(2026, 5, 13, 12, 58, tzinfo=datetime.UTC)
    )
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = StageWindow(
        Controller(clock),
        settings,
        stamper=EventStamper(clock, "offscreen", None),
        open_sound=lambda parent: Silent(),
        ask_close=lambda parent: CloseChoice.END,  # never a modal question in a tool
    )
    if args.theme is not None:
        window.set_theme(args.theme)
    window.set_driving(args.driving)
    window.results_dock.setVisible(args.results)
    settings.setValue(
        "stage/crew",
        '{"number": 112, "driver": "Giulia Ferri", "navigator": "Marco Bassi",'
        ' "car": "Alfa Romeo 6C 1750 SS", "year": 1929}',
    )
    window.open_path(resource("stages", "mille-miglia-day1.stage.toml"))
    live = window.live
    assert live is not None
    if args.unsynced:
        clock.advance_ns(4_000 * NS_PER_MS)
        return _save(window, app, args)
    window.apply_sync(SyncRequest(clock.now_ns(), parse_time_of_day_ms("14:58:00"), "minute"))

    def press_after(ms: int) -> None:
        clock.advance_ns(ms * NS_PER_MS)
        live.press(clock.now_ns(), "key:Space")

    press_after(60_000)  # PC1 start
    press_after(15_120)
    press_after(5_630)
    press_after(95_000)  # PC2 start
    press_after(21_460)
    clock.advance_ns(6_600 * NS_PER_MS)  # 9.80 s target: 3.2 s to go
    return _save(window, app, args)


def _save(window: StageWindow, app: QApplication, args: argparse.Namespace) -> int:
    window.resize(args.width, args.height)
    window.show()
    app.processEvents()
    window.refresh()
    app.processEvents()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(args.out)):
        print(f"cannot write {args.out}", file=sys.stderr)
        return 1
    window.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
