"""`mmtimer --smoke`: prove an installed or frozen mmtimer works, without a display or a person.

It builds the main window offscreen, paints one frame and checks pixels were drawn, loads the
built-in rule sets, then opens and scores the bundled example log and compares its CSV with the
bundled golden CSV. It prints each step; exit status 0 only if every step passed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mmtimer import __version__
from mmtimer.paths import resource, resources_dir

if TYPE_CHECKING:  # Qt is imported only when the step runs
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication, QMainWindow

EXAMPLE_LOG = ("logs", "mille-miglia-day1.mmlog")
EXAMPLE_CSV = ("logs", "mille-miglia-day1.csv")


def _step(name: str, action: Callable[[], str]) -> bool:
    started = time.perf_counter()
    try:
        detail = action()
    except Exception as error:  # a smoke test reports every failure, whatever its kind
        print(f"FAIL  {name}: {type(error).__name__}: {error}", flush=True)
        return False
    elapsed_ms = (time.perf_counter() - started) * 1000
    print(f"ok    {name} ({elapsed_ms:.0f} ms): {detail}", flush=True)
    return True


def _first_frame(app: QApplication, window: QMainWindow) -> QImage:
    """Show `window`, grab a frame, then close and delete it while the application still runs
    (a window left for the interpreter's exit to destroy can take Qt down with it)."""
    from PySide6.QtCore import QEvent, Qt

    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.resize(1100, 660)
    window.show()
    app.processEvents()
    image = window.grab().toImage()
    window.close()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    return image


def _stage_window() -> str:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QColor

    from mmtimer.app import DEFAULT_STAGE, make_application
    from mmtimer.core.clock import SystemClock
    from mmtimer.ui.controller import Controller
    from mmtimer.ui.fonts import load_fonts
    from mmtimer.ui.stagewindow import StageWindow

    app = make_application()
    families = load_fonts()
    with tempfile.TemporaryDirectory(prefix="mmtimer-smoke-") as folder:
        # settings and data folder of its own: the user's are never read or written; the stage's
        # log would only be created at the first press, and none is made here
        os.environ["MMTIMER_HOME"] = str(Path(folder) / "data")
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = StageWindow(Controller(SystemClock()), settings, ask_resume=lambda *_: False)
        if not window.open_path(resource("stages", DEFAULT_STAGE), warn=False):
            raise RuntimeError(f"the example stage {DEFAULT_STAGE} did not open")
        image = _first_frame(app, window)
        del window, settings
    colours = {
        QColor(image.pixel(x, y)).rgb()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    if image.isNull() or len(colours) < 50:
        raise RuntimeError(f"the frame looks blank ({len(colours)} colours)")
    return (
        f"{DEFAULT_STAGE}: {image.width()}x{image.height()} px, {len(colours)} colours sampled, "
        f"platform {app.platformName()}, fonts {families or 'system'}"
    )


def _replay_example_log() -> str:
    from PySide6.QtCore import QSettings

    from mmtimer.app import make_application
    from mmtimer.core.clock import SystemClock
    from mmtimer.ui.replay_window import ReplayWindow, read_replay

    app = make_application()
    replay = read_replay(resource(*EXAMPLE_LOG))
    with tempfile.TemporaryDirectory(prefix="mmtimer-smoke-") as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = ReplayWindow(replay, SystemClock(), settings)
        plot = window.panel.plot
        plot.ensure_loaded()  # imports pyqtgraph: a build without it fails here
        rows = window.panel.table.model().rowCount()
        loaded = plot.is_loaded()
        image = _first_frame(app, window)
        del window, settings
    if not loaded:
        raise RuntimeError("the results plot did not load pyqtgraph")
    if rows < 2:
        raise RuntimeError(f"the results table shows {rows} rows")
    return f"{image.width()}x{image.height()} px, {rows} table rows, plots drawn with pyqtgraph"


def _rule_sets() -> str:
    from mmtimer.core.rules import builtin_rule_ids, load_rules

    ids = builtin_rule_ids()
    for rule_id in ids:
        load_rules(rule_id)
    if not ids:
        raise RuntimeError("no built-in rule sets found")
    return ", ".join(ids)


def _score_example_log() -> str:
    from mmtimer.commands.export import export_csv

    log = resource(*EXAMPLE_LOG)
    text, _warnings = export_csv(log)
    if text.encode("utf-8") != resource(*EXAMPLE_CSV).read_bytes():
        raise RuntimeError(f"the CSV of {log.name} differs from {EXAMPLE_CSV[-1]}")
    total = text.strip().splitlines()[-1]
    return f"{log.name} scored, CSV equals the golden file; {total}"


def _driver_displays() -> str:
    """The driver page served on loopback and read back (QtHttpServer, QtWebSockets, qrcode and
    the page's files in the build), and the driver window painted."""
    import json
    import threading
    import urllib.request

    from PySide6.QtCore import QCoreApplication, QRectF
    from PySide6.QtGui import QImage, QPainter

    from mmtimer.app import DEFAULT_STAGE, make_application
    from mmtimer.core.clock import SystemClock
    from mmtimer.core.crew import Crew
    from mmtimer.core.rules import load_rules
    from mmtimer.core.stage import load_stage
    from mmtimer.ui.driverpage import DriverPageServer, qr_image
    from mmtimer.ui.driverwindow import DriverWindow, live_view
    from mmtimer.ui.livestage import LiveStage
    from mmtimer.ui.themes import THEMES

    make_application()
    stage = load_stage(resource("stages", DEFAULT_STAGE))
    with tempfile.TemporaryDirectory(prefix="mmtimer-smoke-") as folder:
        live = LiveStage(
            stage, load_rules(stage.rules), Crew(), Path(folder) / "t.mmlog", SystemClock()
        )
        server = DriverPageServer(lambda: live_view(live), port=0, host="127.0.0.1")
        if not server.start():
            raise RuntimeError(server.error)
        answers: list[bytes] = []

        def fetch() -> None:
            for path in (f"/state?key={server.key}", f"/?key={server.key}"):
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{server.port}{path}", timeout=10
                ) as r:
                    answers.append(r.read())

        worker = threading.Thread(target=fetch, daemon=True)
        worker.start()
        deadline = time.monotonic() + 10
        while worker.is_alive() and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.005)
        server.stop()
        if len(answers) != 2:
            raise RuntimeError("the driver page did not answer on loopback")
        view = json.loads(answers[0])["view"]
        if b"WebSocket" not in answers[1]:
            raise RuntimeError("the driver page came without its script")
        window = DriverWindow(THEMES["nero-corsa"], lambda: live_view(live))
        window.refresh()
        image = QImage(640, 360, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        window.render_into(painter, QRectF(0, 0, 640, 360))
        painter.end()
        window.deleteLater()
    qr = qr_image(server.url("127.0.0.1"), 200)
    return (
        f"page {len(answers[1])} bytes, state armed {view['armed']!r}; window "
        f"{image.width()}x{image.height()} px; QR {qr.width()} px"
    )


def run_smoke() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    frozen = getattr(sys, "frozen", False)
    print(f"mmtimer {__version__} smoke test ({'frozen' if frozen else 'from source'})")
    print(f"      resources: {resources_dir()}")
    steps = [
        ("stage window, one frame", _stage_window),
        ("built-in rule sets", _rule_sets),
        ("example log", _score_example_log),
        ("replay window and plots", _replay_example_log),
        ("driver page and driver window", _driver_displays),
    ]
    passed = [_step(name, action) for name, action in steps]
    print(f"smoke: {sum(passed)} of {len(passed)} steps passed")
    return 0 if all(passed) else 1
