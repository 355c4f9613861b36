"""Cold start: `mmtimer` to its first painted frame, and what the imports cost.

    .venv/bin/python tests/benchmarks/bench_startup.py [--runs 5] [--frozen dist/mmtimer/mmtimer]

Runs `python -m mmtimer --quit-after-first-frame` (and with --frozen, the PyInstaller build
too), offscreen unless QT_QPA_PLATFORM is set, and times from the spawn to the line it prints
right after the dial's first frame. Goal: under 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


FROM_SOURCE = [sys.executable, "-m", "mmtimer"]


def first_frame_s(env: dict[str, str], command: list[str] = FROM_SOURCE) -> float:
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
    return elapsed


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
    times = [first_frame_s(env) for _ in range(args.runs)]
    print(
        f"mmtimer to first painted frame ({env['QT_QPA_PLATFORM']}, {args.runs} runs): "
        f"median {statistics.median(times):.3f} s, max {max(times):.3f} s"
    )
    if args.frozen:
        frozen = [str(Path(args.frozen).resolve())]
        first_frame_s(env, frozen)
        frozen_times = [first_frame_s(env, frozen) for _ in range(args.runs)]
        print(
            f"frozen {args.frozen} to first painted frame ({args.runs} runs): "
            f"median {statistics.median(frozen_times):.3f} s, max {max(frozen_times):.3f} s; "
            f"ratio frozen/source {statistics.median(frozen_times) / statistics.median(times):.2f}"
        )
    for module in ("PySide6.QtWidgets", "mmtimer.ui.mainwindow", "pyqtgraph"):
        print(f"import {module}: {import_s(module, env):.3f} s (fresh process)")


if __name__ == "__main__":
    main()
