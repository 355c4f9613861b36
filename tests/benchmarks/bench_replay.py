"""Benchmark replay in the window: open a 100,000-event log, first frame, then seeks across it.

Run by hand (not collected by pytest); prints figures, never asserts them:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_replay.py [--events 100000]

The log is the synthetic five-day event of bench_log.py (150 timed trials, 25 time controls, 8
average trials: 660 lines, each re-done many times over, with syncs, voids, chronograph pushes
and notes). Goals (issue 6): first frame under 1 s, a seek under 50 ms.

1. Time to first frame: from reading the file (read_log) to the replay window's first paint
   (the dial and the table), in a running application with Qt imported. A log of up to 20,000
   events opens at its end (the final results: the whole log is folded first); a longer one at its
   start, and is folded while the window is idle. Both are measured (--events and 20,000). The
   plots load pyqtgraph just after the first frame; that time is printed too.
2. Seeks in the window: random instants across the log, each a seek plus a full refresh (core
   state, table, plots, dial and readouts) plus the repaint, before the idle folding has finished
   (a seek beyond what was folded folds up to it) and after.
3. The same seeks in the core alone (`Replay.state_at`), and the memory the checkpoints take.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication

from mmtimer.core.clock import FakeClock
from mmtimer.core.crew import Crew
from mmtimer.core.logfile import event_line, header_line, read_log
from mmtimer.core.replay import Replay
from mmtimer.core.session import new_log_header
from mmtimer.ui.replay_window import ReplayWindow
from tests.benchmarks.bench_log import UTC0, big_log, five_day_stage


def write_big_log(folder: Path, count: int, name: str = "big.mmlog") -> Path:
    stage = five_day_stage()
    events = big_log(stage, count)
    path = folder / name
    header = new_log_header(stage, Crew(number=1), UTC0)
    path.write_bytes(header_line(header) + b"".join(event_line(e) for e in events))
    return path


class FirstPaint(QObject):
    """Notes the moment a widget first paints."""

    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
        return False


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def summary(label: str, times: list[float]) -> None:
    times = sorted(times)
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    print(
        f"  {label:<44} median {ms(statistics.median(times))}  p95 {ms(p95)}  "
        f"max {ms(times[-1])}  ({len(times)} seeks)"
    )


def first_frame(app: QApplication, path: Path, folder: Path, clock: FakeClock) -> ReplayWindow:
    """Open the log in a window, print the time to its first frame; the window stays open."""
    from mmtimer.ui.replay_window import ReplayWindow

    settings = QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat)
    start = time.perf_counter()
    contents = read_log(path, keep_torn=False)
    read_done = time.perf_counter()
    window = ReplayWindow(contents, clock, settings)
    built = time.perf_counter()
    watcher = FirstPaint()
    window.panel.dial.installEventFilter(watcher)
    table_watcher = FirstPaint()
    window.panel.table.viewport().installEventFilter(table_watcher)
    window.resize(1400, 860)
    window.show()
    while watcher.at is None or table_watcher.at is None:
        app.processEvents()
    first = max(watcher.at, table_watcher.at)
    while not window.panel.plot.is_loaded():
        app.processEvents()
    app.processEvents()
    plots = time.perf_counter()
    replay = window.replay
    at = "end" if window.panel.playback.position_ns() == replay.end_ns else "start"
    print(
        f"log of {len(replay.events)} events ({path.stat().st_size / 1e6:.1f} MB), "
        f"opened at its {at}:"
    )
    print(f"  read_log                                  {ms(read_done - start)}")
    print(f"  window built                              {ms(built - read_done)}")
    print(f"  first frame painted, from reading         {ms(first - start)}  (goal < 1000 ms)")
    print(f"  plots drawn (pyqtgraph imported)          {ms(plots - start)}")
    return window


def bench_window(app: QApplication, path: Path, seeks: int, folder: Path) -> None:
    from mmtimer.ui.fonts import load_fonts

    load_fonts()
    clock = FakeClock(0)
    window = first_frame(app, path, folder, clock)
    panel = window.panel
    replay = window.replay
    rng = random.Random(7)

    def seek_once(low: int | None = None, high: int | None = None) -> float:
        t_ns = rng.randint(replay.start_ns if low is None else low, high or replay.end_ns)
        t0 = time.perf_counter()
        panel.playback.seek(t_ns)
        panel.refresh()
        window.repaint()  # paint now, not when the event loop gets to it
        return time.perf_counter() - t0

    cold = [seek_once() for _ in range(max(3, seeks // 10))]
    summary("seek + refresh + paint, before idle folding", cold)
    t0 = time.perf_counter()
    while not replay.prepared:
        app.processEvents()
    print(f"  idle folding of the rest of the log took  {ms(time.perf_counter() - t0)}")
    warm = [seek_once() for _ in range(seeks)]
    summary("seek + refresh + paint (goal < 50 ms)", warm)
    # the log spans days: a seek to another date repaints the dial's static layer (its date
    # window is cached with the dial face), about 25 ms; seeks within an hour of the log do not
    hour = replay.start_ns + (replay.end_ns - replay.start_ns) // 3
    within = [seek_once(hour, hour + 3_600 * 10**9) for _ in range(seeks)]
    summary("the same, within one hour of the log", within)

    # playing: one frame (a look at the clock and a repaint) at x16
    panel.playback.to_start()
    panel.playback.set_speed(16)
    panel.playback.play()
    frames = []
    for _ in range(120):
        clock.advance_ns(16_000_000)
        t0 = time.perf_counter()
        panel.refresh()
        window.repaint()
        frames.append(time.perf_counter() - t0)
    summary("a frame while playing at x16", frames)
    window.close()
    app.processEvents()
    if len(replay.events) > 20_000:
        smaller = write_big_log(folder, 20_000, "smaller.mmlog")
        first_frame(app, smaller, folder, FakeClock(0)).close()


def bench_core(path: Path, seeks: int) -> None:
    contents = read_log(path, keep_torn=False)
    tracemalloc.start()
    replay = Replay(contents)
    t0 = time.perf_counter()
    replay.prepare(len(contents.events))
    folded = time.perf_counter() - t0
    memory = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print("core:")
    print(f"  fold the whole log, with checkpoints      {ms(folded)} (under tracemalloc)")
    print(f"  replay state with its checkpoints         {memory / 1e6:7.1f} MB")
    rng = random.Random(8)
    times = []
    for _ in range(seeks):
        t_ns = rng.randint(replay.start_ns, replay.end_ns)
        t0 = time.perf_counter()
        replay.state_at(t_ns)
        times.append(time.perf_counter() - t0)
    summary("Replay.state_at, random instants", times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seeks", type=int, default=100)
    args = parser.parse_args()
    from mmtimer.app import make_application

    app = make_application()  # with the launcher's memory policy (ui/memory.py)
    with tempfile.TemporaryDirectory(prefix="mmtimer-bench-") as temp:
        folder = Path(temp)
        path = write_big_log(folder, args.events)
        bench_window(app, path, args.seeks, folder)
        bench_core(path, args.seeks)


if __name__ == "__main__":
    main()
