"""The only place a QApplication is made."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from mmtimer import __version__
from mmtimer.core.clock import SystemClock
from mmtimer.core.errors import InputError
from mmtimer.core.rules import load_rules
from mmtimer.core.stage import load_stage
from mmtimer.paths import resource
from mmtimer.ui.controller import Controller
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.stagewindow import StageWindow

DEFAULT_STAGE = "mille-miglia-day1.stage.toml"


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


def _check_stage(path: Path) -> str | None:
    """The error a stage file would give (before any window opens), or None."""
    try:
        stage = load_stage(path)
        load_rules(stage.rules, path.parent)
    except InputError as error:
        return str(error)
    return None


def _run_replay(path: Path, args: argparse.Namespace) -> int:
    """`mmtimer LOG.mmlog`: the log in a replay window (results, plots, replay, export)."""
    from mmtimer.ui.replay_window import ReplayWindow, read_replay  # noqa: PLC0415

    try:
        replay = read_replay(path)
    except InputError as error:
        print(f"mmtimer: {error}", file=sys.stderr)
        return 2
    app = make_application()
    load_fonts()
    window = ReplayWindow(replay, SystemClock(), QSettings())
    if getattr(args, "quit_after_first_frame", False):

        def report() -> None:
            print("mmtimer: first frame painted", flush=True)
            QTimer.singleShot(0, app.quit)

        window.call_after_first_paint(report)
    window.show()
    return app.exec()


def run_app(args: argparse.Namespace) -> int:
    """Start the window on a stage (default: the bundled example) and run the event loop."""
    file = getattr(args, "file", None)
    path = Path(file) if file else resource("stages", DEFAULT_STAGE)
    log = getattr(args, "log", None)
    log_path = Path(log) if log else None
    if path.suffix == ".mmlog":
        return _run_replay(path, args)
    problem = _check_stage(path)
    if problem is not None:
        print(f"mmtimer: {problem}", file=sys.stderr)
        return 2
    if log_path is not None and log_path.exists():
        print(f"mmtimer: {log_path} exists: a log is never overwritten", file=sys.stderr)
        return 2
    app = make_application()
    load_fonts()
    controller = Controller(SystemClock())
    window = StageWindow(controller, QSettings())
    window.open_path(path, log_path)
    if getattr(args, "quit_after_first_frame", False):

        def report() -> None:
            print("mmtimer: first frame painted", flush=True)
            QTimer.singleShot(0, app.quit)

        window.call_after_first_paint(report)
    window.show()
    return app.exec()
