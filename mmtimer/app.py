"""The only place a QApplication is made."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QLabel

from mmtimer import __version__


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
    label = QLabel(f"mmtimer {__version__}")
    label.resize(480, 320)
    label.show()
    return app.exec()
