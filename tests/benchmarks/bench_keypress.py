"""Key press to pass recorded, with the stage window live and the dial animating.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_keypress.py [--presses 1000]
        [--sections 5000]

Each press is a Space key event posted to the window's QWindow (where the platform plugin hands a
real key to Qt) at a random moment between frames; the figure is the time from posting it to the
session having recorded the pass (LiveSession.press returned: the pass is in the session and
queued to the log writer's thread, which fsyncs it apart). Also printed: how long the event
waited in the queue before the handler read the clock, and the whole handler (scoring and
repainting the panel included). The stage is one timed trial of presses + 1 lines; the log is a
real file with fsync. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent

from mmtimer.app import make_application
from mmtimer.core.clock import NS_PER_MS, SystemClock
from mmtimer.ui.controller import Controller
from mmtimer.ui.endstage import CloseChoice
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.stagewindow import StageWindow


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def describe(name: str, values_ns: list[int]) -> str:
    ms = [v / NS_PER_MS for v in values_ns]
    return (
        f"{name:<44} median {statistics.median(ms):7.3f} ms   p99 {percentile(ms, 99):7.3f} ms"
        f"   max {max(ms):7.3f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument(
        "--sections",
        type=int,
        default=0,
        help="instead: a stage of this many timed sections of 2 lines (issue 17: 5,000)",
    )
    args = parser.parse_args()
    app = make_application()
    load_fonts()
    folder = Path(tempfile.mkdtemp(prefix="mmtimer-bench-"))
    os.environ["MMTIMER_HOME"] = str(folder)
    stage_path = folder / "long.stage.toml"
    head = 'format = "mmtimer-stage/1"\nname = "benchmark"\nrules = "aci-2021"\n'
    if args.sections:
        body = "".join(
            f'[[section]]\nid = "PC{n}"\nkind = "timed"\ntargets = ["1.00"]\n'
            for n in range(1, args.sections + 1)
        )
    else:
        targets = ", ".join(['"1.00"'] * args.presses)
        body = f'[[section]]\nid = "PC1"\nkind = "timed"\ntargets = [{targets}]\n'
    stage_path.write_text(head + body, encoding="utf-8")
    clock = SystemClock()
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = StageWindow(
        Controller(clock),
        settings,
        open_sound=lambda parent: "no sound",
        ask_close=lambda parent: CloseChoice.END,  # never a modal question in a benchmark
    )
    window.open_path(stage_path, folder / "bench.mmlog")
    window.resize(1400, 760)
    window.show()
    window.activateWindow()
    handle = window.windowHandle()
    live = window.live
    assert live is not None and handle is not None

    posted: list[int] = []
    recorded: list[int] = []
    handler_read: list[int] = []
    handler_done: list[int] = []
    original_press = live.session.press

    def press(t_ns: int, source: str = "key:Space", utc: object = None) -> object:
        handler_read.append(t_ns)  # offscreen: the stamp is the clock read first in the handler
        event = original_press(t_ns, source, utc)  # type: ignore[arg-type]
        recorded.append(clock.now_ns())
        return event

    live.session.press = press  # type: ignore[method-assign]
    live.changed.connect(lambda: handler_done.append(clock.now_ns()))
    rng = random.Random(args.seed)

    interval: list[int | None] = []

    def post_one() -> None:
        if not interval:
            interval.append(window.repaint_interval_ms())
        if len(posted) >= args.presses:
            QTimer.singleShot(200, app.quit)
            return
        event = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " "
        )
        posted.append(clock.now_ns())
        QCoreApplication.postEvent(handle, event)
        QTimer.singleShot(rng.randint(8, 40), post_one)  # land anywhere between frames

    QTimer.singleShot(500, post_one)  # let the first frames settle
    app.exec()
    window.close()
    count = min(len(posted), len(recorded))
    print(
        f"{count} presses, dial repainting every {window.repaint_interval_ms() or 16} ms, "
        f"platform {app.platformName()}, log {live.log_path} (fsync on the writer thread)"
    )
    print(
        describe(
            "key event -> pass recorded in the session",
            [r - p for p, r in zip(posted[:count], recorded[:count], strict=True)],
        )
    )
    print(
        describe(
            "  of which queued before the handler ran",
            [h - p for p, h in zip(posted[:count], handler_read[:count], strict=True)],
        )
    )
    print(
        describe(
            "whole handler (rescore, panel, repaint asked)",
            [d - p for p, d in zip(posted[:count], handler_done[:count], strict=True)],
        )
    )
    stats = live.writer.stats() if live.writer is not None else None
    if stats is not None:
        print(f"log: durable seq {stats.durable_seq}, write failures {stats.failures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
