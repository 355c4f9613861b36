"""CPU per second of the real stage window while a trial runs, beside a bare 60 Hz window's.

    .venv/bin/python tests/benchmarks/bench_cpu.py [--seconds 10] [--rounds 2] [--offscreen]
        [--sweep]

Runs each window in a process of its own, alternately (stage, bare, stage, bare...), under a
private Xvfb (real X11 painting, as on a laptop) or offscreen with --offscreen or when Xvfb is
missing. The stage window opens the bundled example stage and a Space press starts PC1, so the
trial's chronograph and the countdown run (the dial in eighths of a second, as the app starts;
with --sweep it sweeps, a frame whenever a hand's tip has moved 0.3 px); the bare window is 60
frames a second of a bare PySide6 dial (face cached, three line hands, bench_dial.BareDial) and a
digital readout of the same size. Each process measures its own CPU time (user + system, every
thread) over the same wall-clock interval after a second of warm-up, and prints it as ms of CPU
per second. Goal: the stage window no dearer than the bare one. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
SIZE = (1100, 660)
WARM_UP_S = 1.0


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _measure(seconds: float, frames: list[int]) -> None:
    """Run the event loop: a second of warm-up, then `seconds` measured; print the figures."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    marks: dict[str, float] = {}

    def start() -> None:
        marks["cpu"], marks["wall"], marks["frames"] = _cpu_s(), time.perf_counter(), frames[0]

    def stop() -> None:
        cpu, wall = _cpu_s() - marks["cpu"], time.perf_counter() - marks["wall"]
        print(
            json.dumps(
                {
                    "cpu_ms_per_s": cpu * 1000 / wall,
                    "frames_per_s": (frames[0] - marks["frames"]) / wall,
                    "platform": QApplication.platformName(),
                }
            ),
            flush=True,
        )
        # out at once: closing the stage window would ask whether to end the stage, and its log
        # writer is a thread of its own
        os._exit(0)

    QTimer.singleShot(round(WARM_UP_S * 1000), start)
    QTimer.singleShot(round((WARM_UP_S + seconds) * 1000), stop)
    app.exec()


def run_stage(seconds: float, sweep: bool = False) -> None:
    from PySide6.QtCore import QEvent, QObject, QSettings, Qt
    from PySide6.QtTest import QTest

    from mmtimer.app import DEFAULT_STAGE, make_application
    from mmtimer.core.clock import SystemClock
    from mmtimer.paths import resource as resource_path
    from mmtimer.ui.controller import Controller
    from mmtimer.ui.dialstate import Stepping
    from mmtimer.ui.fonts import load_fonts
    from mmtimer.ui.stagewindow import StageWindow

    app = make_application()
    load_fonts()
    folder = Path(tempfile.mkdtemp(prefix="mmtimer-bench-cpu-"))  # in /tmp, left there
    os.environ["MMTIMER_HOME"] = str(folder / "data")
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = StageWindow(
        Controller(SystemClock()),
        settings,
        ask_resume=lambda *_: False,
        open_sound=lambda _: "no sound: benchmark",
    )
    if not window.open_path(resource_path("stages", DEFAULT_STAGE), warn=False):
        raise SystemExit("the example stage did not open")
    if sweep:
        window.set_stepping(Stepping.SWEEP)
    window.resize(*SIZE)
    window.show()
    window.activateWindow()
    deadline = time.perf_counter() + 3
    while not window.isActiveWindow() and time.perf_counter() < deadline:
        app.processEvents()
    QTest.keyClick(window, Qt.Key.Key_Space)  # the start line of PC1: the trial runs
    frames = [0]

    class Count(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                frames[0] += 1
            return False

    counter = Count()
    window.dial.installEventFilter(counter)
    _measure(seconds, frames)


def run_bare(seconds: float) -> None:
    from bench_dial import BareDial
    from PySide6.QtCore import QRectF, Qt, QTimer
    from PySide6.QtGui import QColor, QPainter, QPaintEvent
    from PySide6.QtWidgets import QWidget

    from mmtimer.app import make_application
    from mmtimer.core.clock import SystemClock
    from mmtimer.present.formats import format_chrono
    from mmtimer.ui.dialstate import DialState
    from mmtimer.ui.fonts import dial_font, load_fonts

    make_application()
    load_fonts()
    clock = SystemClock()
    started = clock.now_ns()
    frames = [0]

    class BareWindow(QWidget):
        """A cached dial and a digital readout, the whole window repainted 60 times a second."""

        def __init__(self) -> None:
            super().__init__()
            self.dial = BareDial()
            self.font_ = dial_font(72, bold=True, mono=True)
            self.timer = QTimer(self)
            self.timer.setTimerType(Qt.TimerType.PreciseTimer)
            self.timer.timeout.connect(self.update)
            self.timer.start(16)

        def paintEvent(self, event: QPaintEvent) -> None:
            frames[0] += 1
            elapsed = clock.now_ns() - started
            side = min(self.height(), self.width() * 3 // 5)
            p = QPainter(self)
            p.fillRect(self.rect(), QColor("#15171a"))
            state = DialState(chrono_elapsed_ns=elapsed, chrono_running=True, official_ms=0)
            self.dial.render(p, side, state, cached=True)
            p.setFont(self.font_)
            p.setPen(QColor("#f2eee2"))
            p.drawText(
                QRectF(side + 20, 40, self.width() - side - 40, 120),
                int(Qt.AlignmentFlag.AlignLeft),
                format_chrono(elapsed),
            )
            p.end()

    window = BareWindow()
    window.resize(*SIZE)
    window.show()
    _measure(seconds, frames)


def _xvfb() -> tuple[subprocess.Popen[bytes] | None, dict[str, str]]:
    env = dict(os.environ)
    if shutil.which("Xvfb") is None:
        env["QT_QPA_PLATFORM"] = "offscreen"
        return None, env
    display = f":{120 + os.getpid() % 500}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.0)
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    return server, env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--offscreen", action="store_true")
    parser.add_argument(
        "--sweep",
        action="store_true",
        help="the stage window's dial sweeps (a frame each 16 ms, as the bare window's) instead "
        "of moving in eighths of a second like the watch",
    )
    parser.add_argument("--child", choices=("stage", "bare"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "stage":
        run_stage(args.seconds, sweep=args.sweep)
        return
    if args.child == "bare":
        run_bare(args.seconds)
        return
    server, env = (None, {**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    if not args.offscreen:
        server, env = _xvfb()
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="mmtimer-bench-config-")
    results: dict[str, list[dict[str, float | str]]] = {"stage": [], "bare": []}
    try:
        for _ in range(args.rounds):
            for child in ("stage", "bare"):
                done = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--child",
                        child,
                        "--seconds",
                        str(args.seconds),
                        *(["--sweep"] if args.sweep else []),
                    ],
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=args.seconds + 60,
                    check=False,
                )
                lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
                if done.returncode != 0 or not lines:
                    raise SystemExit(f"{child} window failed:\n{done.stdout}\n{done.stderr}")
                results[child].append(json.loads(lines[-1]))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
    platform = results["stage"][0]["platform"]
    cpu = {k: statistics.median(float(r["cpu_ms_per_s"]) for r in v) for k, v in results.items()}
    fps = {k: statistics.median(float(r["frames_per_s"]) for r in v) for k, v in results.items()}
    load = os.getloadavg()
    print(
        f"CPU per second, {SIZE[0]}x{SIZE[1]} window, {args.seconds:.0f} s x {args.rounds} "
        f"rounds each, platform {platform}, load average {load[0]:.2f} {load[1]:.2f}"
    )
    print(
        f"stage window, trial running{' (dial sweeping)' if args.sweep else ''}: "
        f"median {cpu['stage']:.1f} ms CPU/s "
        f"({cpu['stage'] / 10:.1f}% of a core; dial {fps['stage']:.0f} frames/s)"
    )
    print(
        f"bare 60 Hz window: median {cpu['bare']:.1f} ms CPU/s "
        f"({cpu['bare'] / 10:.1f}% of a core; {fps['bare']:.0f} frames/s)"
    )
    print(f"  stage / bare = {cpu['stage'] / cpu['bare']:.2f}")


if __name__ == "__main__":
    main()
