"""Benchmark a very long log: export and replay of a generated 1,000,000-event log, each in a
fresh process, with its peak memory (ru_maxrss) and wall time; prints figures, asserts nothing.

    .venv/bin/python tests/benchmarks/bench_big_log.py [--events 1000000] [--keep DIR]

The log is the synthetic five-day event of bench_log.py (150 timed trials, 25 time controls, 8
average trials; lines re-done many times over, with syncs, voids, chronograph pushes and notes),
about 150 bytes an event. Measured, each in its own child process (so one's memory does not
hide another's):

- bare: a Python that imports mmtimer's core and reads nothing (the reference);
- read: `read_log` (every event kept in memory, what a replay needs);
- export: `mmtimer export LOG -o OUT.csv` (the command, end to end);
- replay: `Replay(read_log(LOG)).final_state()` (a replay window opened at the end).

Targets (issue 17): export under 400 MB and 30 s. The machine may be loaded: `uptime` is printed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CHILD = """
import resource, sys, time
start = time.perf_counter()
what, log = sys.argv[1], sys.argv[2]
if what == "bare":
    import mmtimer.core.replay
elif what == "read":
    from mmtimer.core.logfile import read_log
    contents = read_log(log, keep_torn=False)
    print(f"events {len(contents.events)}", file=sys.stderr)
elif what == "export":
    from mmtimer.cli import main
    code = main(["export", log, "-o", sys.argv[3]])
    assert code == 0, code
elif what == "replay":
    from mmtimer.core.logfile import read_log
    from mmtimer.core.replay import Replay
    state = Replay(read_log(log, keep_torn=False)).final_state()
    print(f"final total {state.results.total}", file=sys.stderr)
elapsed = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"{elapsed:.3f} {peak_kb}")
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


def run(what: str, log: Path, out: Path) -> tuple[float, float, str]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, what, str(log), str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{what} failed: {done.stderr[-2000:]}")
    elapsed, peak_kb = done.stdout.split()
    return float(elapsed), int(peak_kb) / 1024, done.stderr.strip().splitlines()[-1:][0:1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="make (or reuse) the log in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="mmtimer-big-"))
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / f"big-{args.events}.mmlog"
    if not log.exists():
        started = time.perf_counter()
        write_log(log, args.events)
        print(f"wrote {log} in {time.perf_counter() - started:.1f} s")
    size_mb = log.stat().st_size / 1024**2
    print(f"log: {args.events:,} events, {size_mb:.0f} MB; load: {os.getloadavg()}")
    for what in ("bare", "read", "export", "replay"):
        elapsed, peak_mb, note = run(what, log, folder / "out.csv")
        extra = f"  ({note[0]})" if note else ""
        print(f"  {what:<7} {elapsed:7.2f} s   peak {peak_mb:7.0f} MB{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
