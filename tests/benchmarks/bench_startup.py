"""Cold start: `mmtimer` to its first painted frame, and what the imports cost.

    .venv/bin/python tests/benchmarks/bench_startup.py [--runs 5] [--frozen dist/mmtimer/mmtimer]

Runs `python -m mmtimer --quit-after-first-frame` (and with --frozen, the PyInstaller build
too), offscreen unless QT_QPA_PLATFORM is set, and times from the spawn to the line it prints
right after the dial's first frame. Beside that wall time, the CPU time the process says it spent
to its first frame (every thread; on a loaded machine the wall time grows, this much less).
Goal: under 1.5 s from source; the frozen app at most 0.6 s (issue 18).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


FROM_SOURCE = [sys.executable, "-m", "mmtimer"]


def first_frame_s(env: dict[str, str], command: list[str] = FROM_SOURCE) -> tuple[float, float]:
    """The wall time from the spawn to the first-frame line, and the CPU time the line gives."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--quit-after-first-frame"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=30)
    if "first frame" not in line:
        raise SystemExit(f"unexpected output: {line!r}")
    cpu = re.search(r"CPU ([0-9.]+) s", line)
    return elapsed, float(cpu[1]) if cpu else float("nan")


def import_s(module: str, env: dict[str, str]) -> float:
    code = f"import time; s = time.perf_counter(); import {module}; print(time.perf_counter() - s)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return float(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--frozen", metavar="EXE", help="also time this frozen mmtimer")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # A throwaway settings home, so the benchmark never writes the user's settings.
    env["XDG_CONFIG_HOME"] = str(Path("/tmp") / "mmtimer-bench-config")
    first_frame_s(env)  # warm the OS file cache: "cold" here means a new process
    runs = [first_frame_s(env) for _ in range(args.runs)]
    times = [wall for wall, _ in runs]
    print(
        f"mmtimer to first painted frame ({env['QT_QPA_PLATFORM']}, {args.runs} runs): "
        f"median {statistics.median(times):.3f} s, max {max(times):.3f} s"
    )
    print(f"  CPU time to it: median {statistics.median(cpu for _, cpu in runs):.3f} s")
    if args.frozen:
        frozen = [str(Path(args.frozen).resolve())]
        first_frame_s(env, frozen)
        frozen_runs = [first_frame_s(env, frozen) for _ in range(args.runs)]
        frozen_times = [wall for wall, _ in frozen_runs]
        print(
            f"frozen {args.frozen} to first painted frame ({args.runs} runs): "
            f"median {statistics.median(frozen_times):.3f} s, max {max(frozen_times):.3f} s; "
            f"ratio frozen/source {statistics.median(frozen_times) / statistics.median(times):.2f}"
        )
        frozen_cpu = statistics.median(cpu for _, cpu in frozen_runs)
        print(f"  CPU time to it: median {frozen_cpu:.3f} s (goal, wall time: at most 0.6 s)")
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    for module in ("PySide6.QtWidgets", "mmtimer.ui.mainwindow", "pyqtgraph"):
        print(f"import {module}: {import_s(module, env):.3f} s (fresh process)")


if __name__ == "__main__":
    main()
