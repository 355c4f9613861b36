"""Benchmark a very long log: export and replay of a generated 1,000,000-event log, each in a
fresh process, with that process's own peak memory and its CPU time; prints figures, asserts
nothing.

    .venv/bin/python tests/benchmarks/bench_big_log.py [--events 1000000] [--keep DIR] [--runs 3]

The log is the synthetic five-day event of bench_log.py (150 timed trials, 25 time controls, 8
average trials; lines re-done many times over, with syncs, voids, chronograph pushes and notes),
about 100 bytes an event. It is written by a child process too, so this parent stays small.
Measured, each in a fresh child process:

- json: the bare reference, a plain Python loop that json-loads every line of the log and keeps
  nothing (what reading the file costs at the least); every other figure is also printed as a
  ratio to it;
- import: a Python that imports mmtimer's core and the command line and reads nothing;
- read: `read_log` (every event kept in memory, what a replay window holds);
- export: `mmtimer export LOG -o OUT.csv` (the command, end to end);
- replay: `Replay(read_log(LOG)).final_state()` (a replay window opened at the end).

Peak memory is the child's own high-water resident set (Linux: VmHWM of /proc/self/status, which
starts afresh at exec; elsewhere ru_maxrss, which on Linux would also count the memory of the
parent it was forked from). Time is the child's CPU time (user + system, from its start): the
wall clock is printed too but is noisy on a shared machine. With --runs N each child runs N times
(alternating) and the medians are printed. Targets (issue 17): export and replay under 400 MB,
export under 30 s. The load (`os.getloadavg`) is printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CHILD = """
import resource, sys, time
wall = time.perf_counter()
what, log = sys.argv[1], sys.argv[2]
note = ""
if what == "json":
    import json
    with open(log, "rb") as file:
        for line in file:
            json.loads(line)
elif what == "import":
    import mmtimer.core.replay, mmtimer.cli
elif what == "read":
    from mmtimer.core.logfile import read_log
    contents = read_log(log, keep_torn=False)
    note = f"events {len(contents.events)}"
elif what == "export":
    from mmtimer.cli import main
    code = main(["export", log, "-o", sys.argv[3]])
    assert code == 0, code
elif what == "replay":
    from mmtimer.core.logfile import read_log
    from mmtimer.core.replay import Replay
    state = Replay(read_log(log, keep_torn=False)).final_state()
    note = f"final total {state.results.total}"
wall = time.perf_counter() - wall
usage = resource.getrusage(resource.RUSAGE_SELF)
peak_kb = None
try:
    with open("/proc/self/status", encoding="ascii") as status:
        for row in status:
            if row.startswith("VmHWM:"):
                peak_kb = int(row.split()[1])
except OSError:
    pass
if peak_kb is None:
    peak_kb = usage.ru_maxrss // (1024 if sys.platform == "darwin" else 1)
print(f"{usage.ru_utime + usage.ru_stime:.3f} {wall:.3f} {peak_kb} {note}")
"""

WRITER = """
import sys
from pathlib import Path
from tests.benchmarks.bench_big_log import write_log
write_log(Path(sys.argv[1]), int(sys.argv[2]))
"""


def write_log(path: Path, count: int) -> None:
    from mmtimer.core.crew import Crew
    from mmtimer.core.logfile import event_line, header_line
    from mmtimer.core.session import new_log_header
    from tests.benchmarks.bench_log import UTC0, big_log, five_day_stage

    stage = five_day_stage()
    header = new_log_header(stage, Crew(number=1), UTC0)
    with path.open("wb") as file:
        file.write(header_line(header))
        step = 100_000
        events = big_log(stage, count)
        for start in range(0, count, step):
            file.write(b"".join(event_line(e) for e in events[start : start + step]))


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def run(what: str, log: Path, out: Path) -> tuple[float, float, float, str]:
    """(CPU seconds, wall seconds, peak MB, note) of one fresh child doing `what`."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, what, str(log), str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=child_env(),
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{what} failed: {done.stderr[-2000:]}")
    cpu, wall, peak_kb, *note = done.stdout.split(maxsplit=3)
    return float(cpu), float(wall), int(peak_kb) / 1024, " ".join(note).strip()


MEASURES = ("json", "import", "read", "export", "replay")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="make (or reuse) the log in this folder")
    parser.add_argument("--runs", type=int, default=1, help="runs of each child (medians)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="mmtimer-big-"))
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / f"big-{args.events}.mmlog"
    if not log.exists():
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", WRITER, str(log), str(args.events)],
            cwd=ROOT,
            env=child_env(),
            check=True,
        )
        print(f"wrote {log} in {time.perf_counter() - started:.1f} s")
    size_mb = log.stat().st_size / 1024**2
    print(f"log: {args.events:,} events, {size_mb:.0f} MB; load: {os.getloadavg()}")
    figures: dict[str, list[tuple[float, float, float, str]]] = {m: [] for m in MEASURES}
    for _ in range(max(1, args.runs)):
        for what in MEASURES:
            figures[what].append(run(what, log, folder / "out.csv"))
    median = statistics.median
    base_cpu = median(f[0] for f in figures["json"])
    base_peak = median(f[2] for f in figures["json"])
    runs = f"median of {args.runs} runs" if args.runs > 1 else "one run"
    print(f"each a fresh process ({runs}); ratios against json (a bare json.loads loop):")
    for what in MEASURES:
        cpu = median(f[0] for f in figures[what])
        wall = median(f[1] for f in figures[what])
        peak = median(f[2] for f in figures[what])
        note = figures[what][-1][3]
        print(
            f"  {what:<7} CPU {cpu:7.2f} s (x{cpu / base_cpu:5.1f})   wall {wall:7.2f} s   "
            f"peak {peak:7.0f} MB (x{peak / base_peak:5.1f})" + (f"  ({note})" if note else "")
        )
    print(f"load after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
