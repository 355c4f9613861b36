"""`mmtimer --smoke`: prove an installed or frozen mmtimer works, without a display or a person.

It builds the main window offscreen, paints one frame and checks pixels were drawn, loads the
built-in rule sets, then opens and scores the bundled example log and compares its CSV with the
bundled golden CSV, draws the replay's plots (pyqtgraph), plays the beeps (when there is an
audio output), writes a PDF page, serves a page on 127.0.0.1 with QtHttpServer, loads QtWebSockets,
QtPositioning and QtSerialPort, and loads Qt's and mmtimer's translations: each a feature the
frozen build must not lose to mmtimer.spec's exclusions. It prints each step; exit status 0 only
if every step passed.
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


def _wait(app: QApplication, done: Callable[[], bool], seconds: float) -> bool:
    deadline = time.perf_counter() + seconds
    while not done() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.005)
    return done()


def _sounds() -> str:
    """The beeps through QtMultimedia: with an audio output, each WAV loads and plays; without
    one, QtMultimedia still loads (the window then flashes and says "no sound")."""
    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

    from mmtimer.app import make_application
    from mmtimer.ui.beeper import SOUND_FILES

    app = make_application()
    outputs = QMediaDevices.audioOutputs()
    if not outputs:
        names = ", ".join(SOUND_FILES.values())
        for name in SOUND_FILES.values():
            if not resource("sounds", name).is_file():
                raise RuntimeError(f"{name} is missing")
        return f"QtMultimedia loaded; no audio output here, so {names} were not played"
    played = []
    for name in SOUND_FILES.values():
        effect = QSoundEffect()
        effect.setSource(QUrl.fromLocalFile(str(resource("sounds", name))))

        def loaded(e: QSoundEffect = effect) -> bool:
            return e.status() != QSoundEffect.Status.Loading

        def stopped(e: QSoundEffect = effect) -> bool:
            return not e.isPlaying()

        if not _wait(app, loaded, 5):
            raise RuntimeError(f"{name} still loading after 5 s")
        if effect.status() != QSoundEffect.Status.Ready:
            raise RuntimeError(f"{name}: QSoundEffect status {effect.status().name}")
        effect.play()
        if not _wait(app, effect.isPlaying, 2):
            raise RuntimeError(f"{name} loaded but did not play")
        _wait(app, stopped, 3)
        played.append(name)
    return f"played {', '.join(played)} on {outputs[0].description()}"


def _pdf() -> str:
    """A page written with QPdfWriter (QtGui): text in the dial's font and a dial image."""
    from PySide6.QtCore import QMarginsF, QRectF
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    from mmtimer.app import make_application
    from mmtimer.ui.dial import DialWidget
    from mmtimer.ui.fonts import dial_font, load_fonts

    make_application()
    load_fonts()
    with tempfile.TemporaryDirectory(prefix="mmtimer-smoke-") as folder:
        path = Path(folder) / "smoke.pdf"
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(15, 15, 15, 15))
        writer.setResolution(300)
        painter = QPainter(writer)
        painter.setFont(dial_font(60, bold=True))
        painter.drawText(QRectF(0, 0, 2000, 200), "mmtimer time card 10:42")
        dial = DialWidget()
        painter.drawImage(QRectF(0, 300, 1200, 1200), dial.render_image(600))
        painter.end()
        data = path.read_bytes()
    if not data.startswith(b"%PDF-") or len(data) < 10_000:
        raise RuntimeError(f"the PDF looks wrong ({len(data)} bytes)")
    return f"one A4 page, {len(data) // 1024} KB, text and a dial image"


def _network_modules() -> str:
    """The modules of the driver page and the GPS: a QHttpServer on 127.0.0.1 answers a GET
    over a QTcpSocket; QtWebSockets, QtPositioning and QtSerialPort load and list."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtHttpServer import QHttpServer
    from PySide6.QtNetwork import QHostAddress, QTcpServer, QTcpSocket
    from PySide6.QtPositioning import QGeoPositionInfoSource
    from PySide6.QtSerialPort import QSerialPortInfo
    from PySide6.QtWebSockets import QWebSocketServer

    from mmtimer.app import make_application

    app = make_application()
    server = QHttpServer()

    def page(_request: object) -> str:
        return "mmtimer smoke"

    server.route("/", page)
    tcp = QTcpServer()
    if not tcp.listen(QHostAddress(QHostAddress.SpecialAddress.LocalHost), 0):
        raise RuntimeError(f"cannot listen on 127.0.0.1: {tcp.errorString()}")
    if not server.bind(tcp):
        raise RuntimeError("QHttpServer did not bind")
    client = QTcpSocket()
    client.connectToHost(QHostAddress(QHostAddress.SpecialAddress.LocalHost), tcp.serverPort())
    answer = QByteArray()

    def read(*_: object) -> None:
        answer.append(client.readAll())

    client.readyRead.connect(read)
    if not _wait(app, lambda: client.state() == QTcpSocket.SocketState.ConnectedState, 3):
        raise RuntimeError("could not connect to the local HTTP server")
    client.write(QByteArray(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
    if not _wait(app, lambda: b"mmtimer smoke" in answer.data(), 3):
        raise RuntimeError(f"the local HTTP server answered {answer.data()[:80]!r}")
    sockets = QWebSocketServer("mmtimer", QWebSocketServer.SslMode.NonSecureMode)
    if not sockets.listen(QHostAddress(QHostAddress.SpecialAddress.LocalHost), 0):
        raise RuntimeError(f"QWebSocketServer cannot listen: {sockets.errorString()}")
    sockets.close()
    client.close()
    tcp.close()
    sources = QGeoPositionInfoSource.availableSources()
    ports = QSerialPortInfo.availablePorts()
    return (
        f"QHttpServer on 127.0.0.1 answered 200, QWebSocketServer listened; position sources "
        f"{', '.join(sources) or 'none'}; {len(ports)} serial ports"
    )


def _translations() -> str:
    """Qt's own translations load (qtbase_it), and every mmtimer .qm shipped loads."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    from mmtimer.app import make_application

    make_application()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator()
    if not qt.load("qtbase_it", folder):
        raise RuntimeError(f"qtbase_it.qm not found in {folder}")
    QCoreApplication.installTranslator(qt)
    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    QCoreApplication.removeTranslator(qt)
    if cancel == "Cancel":
        raise RuntimeError("qtbase_it loaded but does not translate Cancel")
    from mmtimer.ui.i18n import qm_file

    # mmtimer's own: shipped in the frozen build, else compiled into the user's cache now
    qm, problem = qm_file("it")
    if qm is None:
        raise RuntimeError(f"mmtimer_it.qm: {problem}")
    mine = QTranslator()
    if not mine.load(str(qm)):
        raise RuntimeError(f"{qm} does not load")
    QCoreApplication.installTranslator(mine)
    quit_text = QCoreApplication.translate("FaceWindow", "&Quit")
    QCoreApplication.removeTranslator(mine)
    if quit_text == "&Quit":
        raise RuntimeError(f"{qm} loaded but does not translate &Quit")
    return (
        f"qtbase_it: Cancel -> {cancel}; {qm.name} ({qm.stat().st_size} bytes, {qm.parent}): "
        f"&Quit -> {quit_text}"
    )


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
        ("sounds", _sounds),
        ("PDF writing", _pdf),
        ("network, GPS and serial modules", _network_modules),
        ("translations", _translations),
        ("driver page and driver window", _driver_displays),
    ]
    passed = [_step(name, action) for name, action in steps]
    print(f"smoke: {sum(passed)} of {len(passed)} steps passed")
    return 0 if all(passed) else 1
