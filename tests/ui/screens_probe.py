"""A small program for tests/ui/test_driver_screens.py: the stage window on one screen of Qt's
offscreen platform given several (QT_QPA_PLATFORM=offscreen:configfile=SCREENS.json), and the
driver display opened from its View menu. Prints one JSON line of what it saw.

Usage: python -m tests.ui.screens_probe SETTINGS.ini LOG.mmlog [--choose NAME]
With --choose, View > Driver display screen > NAME is clicked while the display is open.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from mmtimer.app import make_application
from mmtimer.core.clock import SystemClock
from mmtimer.paths import resource
from mmtimer.ui.controller import Controller
from mmtimer.ui.endstage import CloseChoice
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.stagewindow import StageWindow


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("settings")
    parser.add_argument("log")
    parser.add_argument("--choose")
    args = parser.parse_args()
    app = make_application(sys.argv[:1])
    load_fonts()
    settings = QSettings(args.settings, QSettings.Format.IniFormat)
    window = StageWindow(
        Controller(SystemClock()),
        settings,
        open_sound=lambda parent: "no sound",
        ask_close=lambda parent: CloseChoice.END,
    )
    assert window.open_path(resource("stages", "mille-miglia-day1.stage.toml"), Path(args.log))
    laptop = next(s for s in QGuiApplication.screens() if s.name() == "laptop")
    window.setScreen(laptop)
    window.setGeometry(laptop.geometry().adjusted(40, 40, -40, -40))
    window.show()
    app.processEvents()
    seen: dict[str, Any] = {
        "screens": [s.name() for s in QGuiApplication.screens()],
        "primary": QGuiApplication.primaryScreen().name(),
        "stage_window": window.screen().name(),
    }
    view = window.view_menu
    display = next(a for a in view.actions() if a.text() == "&Driver display")
    display.trigger()  # View > Driver display
    app.processEvents()
    driver = window.drivers.window
    assert driver is not None
    seen["opened_on"] = driver.screen().name()
    seen["opened_geometry"] = driver.geometry().getRect()
    seen["full_screen"] = driver.isFullScreen()
    menu = next(m for m in window.findChildren(QMenu) if m.title() == "Driver display &screen")
    menu.popup(QPoint(0, 0))  # its entries are made as it opens
    app.processEvents()
    entries = {a.data(): a for a in menu.actions()}
    seen["menu"] = sorted(a.text() for a in menu.actions())
    seen["checked"] = [a.data() for a in menu.actions() if a.isChecked()]
    if args.choose:
        entries[args.choose].trigger()
        menu.hide()
        app.processEvents()
        seen["moved_to"] = driver.screen().name()
        seen["moved_geometry"] = driver.geometry().getRect()
    menu.hide()
    window.drivers.shutdown()
    window.close()
    settings.sync()
    print(json.dumps(seen), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
