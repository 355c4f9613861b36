"""The only place a QApplication is made."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from mmtimer import __version__
from mmtimer.core.clock import SystemClock
from mmtimer.ui.controller import Controller
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.mainwindow import MainWindow


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with mmtimer's names (QSettings keys derive from them)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("mmtimer")
    app.setApplicationName("mmtimer")
    app.setApplicationVersion(__version__)
    return app


def run_app(args: argparse.Namespace) -> int:
    """Start the window and run the event loop until it closes."""
    app = make_application()
    load_fonts()
    controller = Controller(SystemClock())
    window = MainWindow(controller, QSettings())
    file = getattr(args, "file", None)
    if file:
        window.statusBar().showMessage(f"{file}: stages and logs open in a later version", 8000)
    if getattr(args, "quit_after_first_frame", False):

        def report() -> None:
            print("mmtimer: first frame painted", flush=True)
            QTimer.singleShot(0, app.quit)

        window.call_after_first_paint(report)
    window.show()
    return app.exec()
