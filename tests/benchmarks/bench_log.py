"""Benchmark the stage log: appends with fsync, loading and scoring a big log, press to durable.

Run by hand (not collected by pytest); it writes in a temporary folder (TMPDIR: put it on the
disk you care about) and prints figures, never asserts them:

    .venv/bin/python tests/benchmarks/bench_log.py [--events 100000] [--presses 500]

1. Appends per second, each event acknowledged only after its fsync: one at a time (the writer
   thread waits for each event, one fsync each), and in bursts (events queued faster than the
   disk takes them share one fsync; each is still one write).
2. A log of N events (default 100,000) on a synthetic five-day event (150 timed trials of 4
   lines, 25 time controls, 8 average trials): time to read it, to score its final state once,
   to build a replay (a fold over every event) and to resume it as a live session.
3. Press to durable: the instant is read, the session records the pass, the writer appends and
   fsyncs it, the Future resolves; median and p99 over many presses, plus the time the session
   takes to answer results() after each press (what the window does).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from mmtimer.core.chrono import ChronoAction
from mmtimer.core.crew import Crew
from mmtimer.core.events import LOG_FORMAT, Chrono, Event, Header, Other, Pass, Sync, Void
from mmtimer.core.logfile import LogWriter, event_line, header_line, read_log
from mmtimer.core.replay import Replay
from mmtimer.core.rules import load_rules
from mmtimer.core.scoring import score
from mmtimer.core.session import LiveSession, new_log_header
from mmtimer.core.stage import AverageTrial, Section, Stage, TimeControl, TimedSection

MS = 1_000_000
S = 1_000 * MS
UTC0 = datetime(2026, 5, 13, 6, 0, tzinfo=UTC)
T = TypeVar("T")


def five_day_stage() -> Stage:
    sections: list[Section] = []
    rng = random.Random(5)
    timed = co = avg = 0
    for day in range(5):
        for index in range(38):
            kind = index % 8
            if kind < 6 and timed < 150:
                targets = tuple(rng.randint(5_00, 60_00) * 10 for _ in range(3))
                sections.append(TimedSection(f"D{day + 1}-PC{index}", targets))
                timed += 1
            elif kind == 6 and co < 25:
                due = (8 + index // 4) * 3_600_000 + index * 60_000
                sections.append(TimeControl(f"D{day + 1}-CO{index}", due))
                co += 1
            elif avg < 8:
                start = (9 + index // 5) * 3_600_000
                checks = tuple(1_000 * (k + 1) + 150 for k in range(5))
                sections.append(
                    AverageTrial(f"D{day + 1}-PM{index}", start, ((0, Decimal(40)),), checks)
                )
                avg += 1
    return Stage("Five days", "aci-2021", tuple(sections))


def big_log(stage: Stage, count: int, seed: int = 11) -> list[Event]:
    """`count` events: every line pressed (lines re-done many times over, as a long test would
    give), syncs, chronograph pushes, voids and notes."""
    rng = random.Random(seed)
    lines = [(s.id, line) for s in stage.sections for line in range(1, s.lines + 1)]
    events: list[Event] = []
    t_ns = 0
    running = False
    last_pass = 0
    for seq in range(1, count + 1):
        t_ns += rng.randint(1, 40) * 100 * MS
        roll = rng.random()
        if seq == 1 or roll < 0.01:
            events.append(Sync(seq, t_ns, (8 * 3_600_000 + t_ns // MS) % 86_400_000, None))
        elif roll < 0.03:
            action = ChronoAction.STOP if running else ChronoAction.START
            running = not running
            events.append(Chrono(seq, t_ns, action))
        elif roll < 0.05 and last_pass:
            events.append(Void(seq, last_pass, "double press"))
            last_pass = 0
        elif roll < 0.06:
            events.append(Other(seq, "note", {"text": "bench"}, t_ns))
        else:
            section, line = lines[seq % len(lines)]
            events.append(Pass(seq, t_ns, section, line, None, "key:Space"))
            last_pass = seq
    return events


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def bench_appends(folder: Path, count: int) -> None:
    header = Header(LOG_FORMAT, "bench", "2026-05-13T06:00:00.000Z", {}, {})
    writer = LogWriter.create(folder / "appends-one.mmlog", header)
    start = time.perf_counter()
    for seq in range(1, count + 1):
        writer.append(Pass(seq, seq * MS, "PC1", 1)).result()
    one = time.perf_counter() - start
    writer.close()
    writer = LogWriter.create(folder / "appends-burst.mmlog", header)
    start = time.perf_counter()
    futures = [writer.append(Pass(seq, seq * MS, "PC1", 1)) for seq in range(1, count * 10 + 1)]
    futures[-1].result()
    burst = time.perf_counter() - start
    writer.close()
    print(f"appends, fsync each, one at a time: {count / one:8.0f} events/s ({count} events)")
    print(f"appends, in bursts (shared fsync):  {count * 10 / burst:8.0f} events/s ({count * 10})")


def bench_big_log(folder: Path, count: int) -> None:
    stage = five_day_stage()
    rules = load_rules(stage.rules)
    crew = Crew(number=1)
    events = big_log(stage, count)
    path = folder / "big.mmlog"
    header = new_log_header(stage, crew, UTC0)
    path.write_bytes(header_line(header) + b"".join(event_line(e) for e in events))
    size_mb = path.stat().st_size / 1e6
    print(f"log of {count} events, {size_mb:.1f} MB, stage of {stage.presses} lines")
    read_s, contents = timed(lambda: read_log(path))
    assert len(contents.events) == count
    score_s, result = timed(lambda: score(stage, rules, crew, contents.events))
    print(f"  read_log:                    {read_s * 1000:7.0f} ms")
    print(f"  score the final state once:  {score_s * 1000:7.0f} ms  (total {result.total})")
    print(f"  load + score:                {(read_s + score_s) * 1000:7.0f} ms  (goal < 1000)")
    replay_s, replay = timed(lambda: Replay(contents, stage, rules, crew))
    print(f"  Replay(...) (folds lazily):  {replay_s * 1000:7.0f} ms")
    final_s, _ = timed(replay.final_state)
    print(f"  replay.final_state():        {final_s * 1000:7.0f} ms")
    middle = (replay.start_ns + replay.end_ns) // 2
    fresh = Replay(contents, stage, rules, crew)
    mid_s, _ = timed(lambda: fresh.state_at(middle))
    print(f"  replay.state_at(middle):     {mid_s * 1000:7.0f} ms")
    now_ns = replay.end_ns + S
    resume_s, _ = timed(
        lambda: LiveSession.resume(contents, stage, rules, crew, now_ns=now_ns, utc_now=UTC0)
    )
    print(f"  LiveSession.resume(...):     {resume_s * 1000:7.0f} ms")


def bench_press_to_durable(folder: Path, presses: int) -> None:
    stage = five_day_stage()
    rules = load_rules(stage.rules)
    session, writer = LiveSession.start_log(
        folder / "presses.mmlog", stage, rules, Crew(number=1), created=UTC0
    )
    session.sync(time.monotonic_ns(), 8 * 3_600_000)
    durable_us: list[float] = []
    results_us: list[float] = []
    for _ in range(presses):
        if session.armed is None:
            session.select_section(stage.sections[0].id)
        t0 = time.perf_counter_ns()
        session.press(time.monotonic_ns())
        assert session.last_ack is not None
        session.last_ack.result()
        t1 = time.perf_counter_ns()
        session.results()
        t2 = time.perf_counter_ns()
        durable_us.append((t1 - t0) / 1000)
        results_us.append((t2 - t1) / 1000)
    writer.close()
    durable_us.sort()
    results_us.sort()
    p99 = durable_us[int(len(durable_us) * 0.99) - 1]
    print(f"press to durable ({presses} presses, the stage's {stage.presses} lines):")
    print(f"  median {statistics.median(durable_us):7.0f} us   p99 {p99:7.0f} us")
    r99 = results_us[int(len(results_us) * 0.99) - 1]
    print(f"results() after each press: median {statistics.median(results_us) / 1000:.2f} ms, "
          f"p99 {r99 / 1000:.2f} ms")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--presses", type=int, default=500)
    parser.add_argument("--appends", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mmtimer-bench-") as temp:
        folder = Path(temp)
        print(f"in {folder}")
        bench_appends(folder, args.appends)
        bench_big_log(folder, args.events)
        bench_press_to_durable(folder, args.presses)


if __name__ == "__main__":
    main()
