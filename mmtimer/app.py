"""The only place a QApplication is made.

A bad file named on the command line (`mmtimer bad.stage.toml`, or a double-click on one) still
prints its one line on stderr and ends with exit status 2, but first the window opens with no
stage and the error in a message box naming the file and the line (``problem_window``): a person
without a terminal sees it too (issue 12). The subcommands keep their one line and exit 2.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mmtimer import __version__
from mmtimer.core.clock import Clock, SystemClock
from mmtimer.core.errors import InputError
from mmtimer.core.event import load_event
from mmtimer.core.resume import ResumableLog, inspect_log
from mmtimer.core.rules import load_rules
from mmtimer.core.stage import load_stage
from mmtimer.paths import resource
from mmtimer.ui.controller import Controller
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.i18n import install_language
from mmtimer.ui.memory import REPLAY_MEMORY
from mmtimer.ui.resume import ResumeAsker
from mmtimer.ui.stagewindow import OutputOpener, StageWindow

if TYPE_CHECKING:  # imported when a log is opened: stage mode starts without it
    from mmtimer.ui.replay_window import ReplayWindow

DEFAULT_STAGE = "mille-miglia-day1.stage.toml"

SERIAL_FILLS = ("QT_NO_GUI_THREADPOOL", "1")
"""Qt's switch that keeps its image work on the calling thread. Without it Qt's raster engine
hands every fill of 96 or more spans (a rectangle 96 rows tall, an antialiased disc 60 px tall)
to a pool of threads and waits for them. For what the dial paints each frame (a hand's sprite,
the glass over the hand's box) the hand-off costs more than the fill: on a 2-core machine the
glass blended over a 170 px box took 79 us of CPU across the threads against 17 us on this
thread alone, a dial frame two to three times the CPU, and the static layers' rebuild was slower
even by the clock (tests/benchmarks/bench_dial.py with MMTIMER_QT_THREAD_POOL=1). The switch is
process-wide: a smooth QImage.scaled or convertToFormat of a photograph-sized image (which
mmtimer does not do) takes longer by the clock without the pool. Qt reads only whether the
variable is set, once, when it first paints; `make_application` sets it."""

KEEP_QT_POOL = "MMTIMER_QT_THREAD_POOL"
"""Set to 1 to leave Qt's pool of threads on (to measure it, or on a machine of many cores)."""


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with mmtimer's names (QSettings keys derive from them)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if os.environ.get(KEEP_QT_POOL) != "1":
        os.environ.setdefault(*SERIAL_FILLS)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("mmtimer")
    app.setApplicationName("mmtimer")
    app.setApplicationVersion(__version__)
    # A folded replay's objects live as long as it does: keep them out of the cyclic collector's
    # walks (a 100-250 ms pause in a seek otherwise); process-wide, so decided here (ui/memory.py).
    REPLAY_MEMORY.keep = gc.freeze
    REPLAY_MEMORY.release = gc.unfreeze
    return app


def _check_stage(path: Path) -> str | None:
    """The error a stage file would give (before any window opens), or None."""
    try:
        stage = load_stage(path)
        load_rules(stage.rules, path.parent)
    except InputError as error:
        return str(error)
    return None


def _check_event(path: Path) -> str | None:
    """The error an event file would give (before any window opens), or None. A day whose
    stage or log is missing is no error: the window lists it and opens the rest."""
    try:
        load_event(path)
    except InputError as error:
        return str(error)
    return None


def check_log_option(stage_path: Path, log_path: Path) -> str | None:
    """Why ``--log OUT`` cannot serve the stage, or None: OUT is a new file, or a log of this
    stage left without a closing event (the window resumes it). Only reads: a refused OUT (closed,
    another stage's, unreadable) is left as it was."""
    if not log_path.exists():
        return None
    try:
        inspect_log(log_path, load_stage(stage_path))
    except InputError as error:
        return str(error)
    return None


def _decline_resume(parent: QWidget | None, candidate: ResumableLog) -> bool:
    return False


def prepare_window(
    args: argparse.Namespace,
    *,
    clock: Clock | None = None,
    settings: QSettings | None = None,
    ask_resume: ResumeAsker | None = None,
    open_sound: OutputOpener | None = None,
    language: bool = False,
) -> StageWindow | str:
    """The window `run_app` shows, open on the stage (or log) of `args`; or the one-line error
    that stops before any window (exit status 2). A stage without ``--log`` may ask whether to
    resume its log left open (not with --quit-after-first-frame, which must not wait).
    `language`: install the language kept in the settings first (the launcher; tests run in
    English unless they choose)."""
    file = getattr(args, "file", None)
    path = Path(file) if file else resource("stages", DEFAULT_STAGE)
    log = getattr(args, "log", None)
    log_path = Path(log) if log else None
    quick = bool(getattr(args, "quit_after_first_frame", False))
    event = path.name.endswith(".event.toml")
    if event:
        problem = _check_event(path)
        if problem is None and log_path is not None:
            problem = f"--log {log_path}: an event names its days' logs (Edit event)"
        if problem is not None:
            return problem
    elif path.suffix != ".mmlog":
        problem = _check_stage(path)
        if problem is None and log_path is not None:
            problem = check_log_option(path, log_path)
        if problem is not None:
            return problem
    make_application()
    load_fonts()
    settings = settings if settings is not None else QSettings()
    if language:
        install_language(settings)
    controller = Controller(clock or SystemClock())
    window = StageWindow(
        controller,
        settings,
        open_sound=open_sound,
        ask_resume=ask_resume or (_decline_resume if quick else None),
    )
    if event:  # its days listed, the next one open to time (none: the window waits)
        if not window.events.open_event(path, warn=False):
            window.close()
            window.deleteLater()
            return window.open_error or f"{path}: cannot be opened"
        return window
    if not window.open_path(path, log_path, warn=False):
        window.close()
        window.deleteLater()
        return window.open_error or f"{path}: cannot be opened"
    return window


def _run_replay(path: Path, args: argparse.Namespace) -> int:
    """`mmtimer LOG.mmlog`: the log in a replay window (results, plots, replay, export)."""
    from mmtimer.ui.replay_window import ReplayWindow, read_replay  # noqa: PLC0415

    try:
        replay = read_replay(path)
    except InputError as error:
        return _run_problem(str(error), "Cannot open the log", args)
    app = make_application()
    load_fonts()
    install_language(QSettings())
    window = ReplayWindow(replay, SystemClock(), QSettings())
    return _show_and_run(app, window, args)


def _show_and_run(
    app: QApplication,
    window: StageWindow | ReplayWindow,
    args: argparse.Namespace,
    box: QMessageBox | None = None,
) -> int:
    """Show `window` (and `box` over it) and run the event loop; with --quit-after-first-frame,
    say when the first frame is painted, with the process's CPU time to it, and quit (start-up
    checks and benchmarks). At the first frame the garbage collector, off since the start
    (mmtimer/cli.py), is turned on, the objects of the start frozen out of its walks."""
    quit_after = bool(getattr(args, "quit_after_first_frame", False))

    def first_frame() -> None:
        if quit_after:
            cpu = time.process_time()  # every thread, since the process began
            print(f"mmtimer: first frame painted (CPU {cpu:.3f} s)", flush=True)
            QTimer.singleShot(0, app.quit)
        gc.freeze()
        gc.enable()

    window.call_after_first_paint(first_frame)
    window.show()
    if box is not None:
        box.open()  # window-modal, and it does not block: the event loop runs on
    return app.exec()


def open_title(problem: str, path: Path | None, log: Path | None = None) -> str:
    """The error box's title for a file of the command line that cannot be opened."""
    if log is not None and problem.startswith((str(log), f"--log {log}")):
        return "Cannot use the log"
    if path is not None and path.suffix == ".mmlog":
        return "Cannot open the log"
    if path is not None and path.name.endswith(".event.toml"):
        return "Cannot open the event"
    return "Cannot open the stage"


def problem_window(
    problem: str,
    title: str,
    *,
    clock: Clock | None = None,
    settings: QSettings | None = None,
    open_sound: OutputOpener | None = None,
) -> tuple[StageWindow, QMessageBox]:
    """The window with no stage open and the box that says `problem` (its file and line) over
    it, not yet shown: File > Open chooses another file."""
    make_application()
    load_fonts()
    settings = settings if settings is not None else QSettings()
    install_language(settings)
    window = StageWindow(Controller(clock or SystemClock()), settings, open_sound=open_sound)
    window.open_error = problem
    window._show_no_stage("Nothing open: File > Open to choose a stage or a log")
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, problem, QMessageBox.StandardButton.Ok, window
    )
    box.setInformativeText("Correct the file, or choose another with File > Open.")
    return window, box


def _run_problem(problem: str, title: str, args: argparse.Namespace) -> int:
    """A bad file of the command line: its one line on stderr, then the window with the error
    shown; exit status 2 once it closes."""
    print(f"mmtimer: {problem}", file=sys.stderr, flush=True)
    window, box = problem_window(problem, title)
    _show_and_run(make_application(), window, args, box)
    return 2


def run_app(args: argparse.Namespace) -> int:
    """Start the window on a stage (default: the bundled example) and run the event loop; a
    log (``.mmlog``) opens in a replay window instead."""
    file = getattr(args, "file", None)
    if file and Path(file).suffix == ".mmlog" and not getattr(args, "log", None):
        return _run_replay(Path(file), args)
    prepared = prepare_window(args, language=True)
    if isinstance(prepared, str):
        log = getattr(args, "log", None)
        title = open_title(prepared, Path(file) if file else None, Path(log) if log else None)
        return _run_problem(prepared, title, args)
    window = prepared
    app = make_application()
    open_driver_displays(window, args)
    return _show_and_run(app, window, args)


def open_driver_displays(window: StageWindow, args: argparse.Namespace) -> None:
    """``--driver-window`` and ``--driver-page PORT``: the driver's displays from the start (a
    page that cannot listen is said on stderr and in the status bar; the stage goes on)."""
    port = getattr(args, "driver_page", None)
    if port is not None:
        window.drivers.start_page(port)
    if getattr(args, "driver_window", False):
        window.drivers.open_window()
