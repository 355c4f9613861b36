"""Benchmark: the pacer's work in the GUI thread while a 10 Hz receiver's fixes arrive, and the
GUI thread's longest step while a recorded drive is read.

The stage window (offscreen) on the practice trial (tests/practice.py, as the README's pictures),
the generated drive played as a receiver on a fake clock: every 0.1 s a fix is folded and its
events recorded (GpsSource -> GpsRecorder -> the log), and the pacer readout is worked out and
set (PacerController.tick). Prints the median, 99th percentile and worst of each such step
(target: no stall above 4 ms), twice: in wall time, and in the GUI thread's own CPU time (which
the other processes of a shared machine do not inflate by taking the core away), each with a
bare reference measured the same way in the same run: setting one label's text. Then opening
the drive: the open call, and the longest of the reading steps (tests/ui/test_gps_source.py).
Run by hand (not collected by pytest):

    .venv/bin/python tests/benchmarks/bench_pacer.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QLabel

from mmtimer.ui.gps_source import GpsSource
from tests.practice import DRIVE, MS, practice_window

STEPS = 2_500
Clocks = tuple[Callable[[], int], Callable[[], int]]
CLOCKS: Clocks = (time.perf_counter_ns, time.thread_time_ns)


def summary(name: str, values: list[float], bare: list[float]) -> str:
    values = sorted(values)
    median = statistics.median(values)
    reference = statistics.median(bare)
    p99 = values[int(len(values) * 0.99)]
    return (
        f"  {name}: median {median:.3f} ms, 99th percentile {p99:.3f} ms, worst "
        f"{values[-1]:.3f} ms; over 4 ms: {sum(1 for v in values if v > 4)}; bare setText "
        f"median {reference:.4f} ms: ratio {median / reference:.0f} (99th: {p99 / reference:.0f})"
    )


def main() -> None:
    wall: list[float] = []
    cpu: list[float] = []
    with practice_window(gps=True) as practice:
        pacer = practice.window.pacer
        for _ in range(STEPS):
            practice.clock.advance_ns(100 * MS)
            started = [clock() for clock in CLOCKS]
            pacer.gps._play_due()  # the fix(es) due: folded, events recorded
            pacer.tick()  # the readout
            wall.append((time.perf_counter_ns() - started[0]) / 1e6)
            cpu.append((time.thread_time_ns() - started[1]) / 1e6)
            practice.app.processEvents()  # the repaint (Qt's, not timed here)
        label = QLabel()
        bare_wall: list[float] = []
        bare_cpu: list[float] = []
        for index in range(STEPS):
            started = [clock() for clock in CLOCKS]
            label.setText(f"{index:05d}")
            bare_wall.append((time.perf_counter_ns() - started[0]) / 1e6)
            bare_cpu.append((time.thread_time_ns() - started[1]) / 1e6)

        # opening the recorded drive: the call, then each step of reading it in the event loop
        gps = GpsSource(practice.clock)
        started = [clock() for clock in CLOCKS]
        problem = gps.open_file(DRIVE)
        open_ms = [(clock() - start) / 1e6 for clock, start in zip(CLOCKS, started, strict=True)]
        assert problem is None, problem
        load_wall: list[float] = []
        load_cpu: list[float] = []
        while gps.loading:
            started = [clock() for clock in CLOCKS]
            gps._load()
            load_wall.append((time.perf_counter_ns() - started[0]) / 1e6)
            load_cpu.append((time.thread_time_ns() - started[1]) / 1e6)
        gps.close()
    load = os.getloadavg()[0]
    print(
        f"pacer step with a 10 Hz fix ({STEPS} steps, load {load:.2f} on {os.cpu_count()} cores):"
    )
    print(summary("wall", wall, bare_wall))
    print(summary("GUI thread CPU", cpu, bare_cpu))
    print(
        f"opening the drive: the call {open_ms[0]:.2f} ms wall ({open_ms[1]:.2f} ms CPU); read "
        f"in {len(load_wall)} steps, longest {max(load_wall):.2f} ms wall "
        f"({max(load_cpu):.2f} ms CPU), all of them {sum(load_cpu):.0f} ms CPU"
    )


if __name__ == "__main__":
    main()
