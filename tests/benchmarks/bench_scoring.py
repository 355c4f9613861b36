"""Benchmark: score a synthetic five-day event, as the live window does after every press.

150 timed trials of 4 lines, 25 time controls, 8 average trials of 5 checks (705 passes, a
re-sync each morning and noon, a few voids and re-pressed lines). Prints the median time per
full `score()` for several rule sets; the goal is under 5 ms. Run by hand (not collected by pytest):

    .venv/bin/python tests/benchmarks/bench_scoring.py [REPEATS]
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from decimal import Decimal

from mmtimer.core.crew import Crew
from mmtimer.core.events import Event, Pass, Sync, Void
from mmtimer.core.rules import load_rules, parse_rules
from mmtimer.core.scoring import score
from mmtimer.core.stage import AverageTrial, Section, Stage, TimeControl, TimedSection
from mmtimer.paths import resource

MS = 1_000_000
S = 1_000 * MS
DAYS = 5


def synthetic_event(seed: int = 7) -> tuple[Stage, list[Event]]:
    """The stage (all five days in driving order) and a plausible log of the whole event."""
    rng = random.Random(seed)
    sections: list[Section] = []
    events: list[Event] = []
    seq = 0

    def next_seq() -> int:
        nonlocal seq
        seq += 1
        return seq

    timed_left, co_left, avg_left = 150, 25, 8
    t_ns = 0
    for day in range(DAYS):
        official_ms = 8 * 3_600_000  # each day starts at 08:00 official time
        events.append(Sync(next_seq(), t_ns, official_ms))
        day_timed, day_co, day_avg = 30, 5, 2 if day < 3 else 1
        day_timed, day_co, day_avg = (
            min(day_timed, timed_left),
            min(day_co, co_left),
            min(day_avg, avg_left),
        )
        timed_left, co_left, avg_left = timed_left - day_timed, co_left - day_co, avg_left - day_avg
        plan = ["timed"] * day_timed + ["co"] * day_co + ["avg"] * day_avg
        rng.shuffle(plan)
        for index, kind in enumerate(plan):
            t_ns += rng.randint(60, 600) * S  # road section
            if index == len(plan) // 2:
                events.append(Sync(next_seq(), t_ns, official_ms + (t_ns - events[0].t_ns) // MS))
            sid = f"D{day + 1}-{kind}{index}"
            if kind == "timed":
                targets = tuple(rng.randint(5_000, 40_000) // 10 * 10 for _ in range(3))
                sections.append(TimedSection(sid, targets))
                events.append(Pass(next_seq(), t_ns, sid, 1))
                for line, target in enumerate(targets, start=2):
                    t_ns += target * MS + rng.randint(-300, 300) * MS
                    pressed = Pass(next_seq(), t_ns, sid, line)
                    events.append(pressed)
                    if rng.random() < 0.02:  # a double press, voided
                        events.append(Void(next_seq(), pressed.seq, "double press"))
                        events.append(Pass(next_seq(), t_ns + 5 * MS, sid, line))
            elif kind == "co":
                sync = max((e for e in events if isinstance(e, Sync)), key=lambda e: e.seq)
                official_now = sync.official_ms + (t_ns - sync.t_ns) // MS
                due = (official_now // 60_000 + 1) * 60_000
                sections.append(TimeControl(sid, due % 86_400_000))
                t_ns += (due - official_now + rng.randint(0, 59_000)) * MS
                events.append(Pass(next_seq(), t_ns, sid, 1))
            else:
                sync = max((e for e in events if isinstance(e, Sync)), key=lambda e: e.seq)
                start = ((sync.official_ms + (t_ns - sync.t_ns) // MS) // 60_000 + 2) * 60_000
                speeds = ((0, Decimal("48.0")), (4_000, Decimal("40.0")))
                checks = tuple(sorted(rng.sample(range(500, 12_000, 50), 5)))
                trial = AverageTrial(sid, start % 86_400_000, speeds, checks)
                sections.append(trial)
                for check in range(1, 6):
                    ideal = int(trial.ideal_ms(check)) - start % 86_400_000
                    at = sync.t_ns + (start - sync.official_ms + ideal) * MS
                    events.append(
                        Pass(next_seq(), at + rng.randint(-3_000, 3_000) * MS, sid, check)
                    )
                t_ns = max(t_ns, events[-1].t_ns)
        t_ns += 12 * 3_600 * S  # the night
    return Stage("Synthetic five-day event", "aci-2021", tuple(sections)), events


def measure(repeats: int) -> None:
    stage, events = synthetic_event()
    timed = sum(1 for s in stage.sections if isinstance(s, TimedSection))
    cos = sum(1 for s in stage.sections if isinstance(s, TimeControl))
    avgs = [s for s in stage.sections if isinstance(s, AverageTrial)]
    passes = sum(1 for e in events if isinstance(e, Pass))
    print(
        f"event: {timed} timed trials of 4 lines, {cos} time controls, {len(avgs)} average "
        f"trials of 5 checks; {len(events)} events ({passes} passes)"
    )
    points_text = resource("rules", "mille-miglia.rules.toml").read_text(encoding="utf-8")
    points_rules = parse_rules(
        points_text.replace(
            'better = "lower"',
            "points_table = [" + ", ".join(str(420 - i) for i in range(301)) + "]",
        ),
        "mm-points",
    )
    sets = [load_rules(r) for r in ("aci-2021", "year-factor", "tsd-cscc")] + [points_rules]
    crew = Crew(year=1955, coefficient=Decimal("1.45"))
    for rules in sets:
        result = score(stage, rules, crew, events)
        timings = []
        for _ in range(repeats):
            start = time.perf_counter_ns()
            score(stage, rules, crew, events)
            timings.append(time.perf_counter_ns() - start)
        timings.sort()
        median = statistics.median(timings) / 1e6
        p95 = timings[int(len(timings) * 0.95) - 1] / 1e6
        print(
            f"{rules.id:>24}: median {median:.2f} ms, min {timings[0] / 1e6:.2f} ms, "
            f"p95 {p95:.2f} ms per full scoring ({len(result.rows)} rows, total {result.total})"
        )

    half = events[: len(events) // 2]
    rules = sets[0]
    timings = []
    for _ in range(repeats):
        start = time.perf_counter_ns()
        score(stage, rules, crew, half, live=True)
        timings.append(time.perf_counter_ns() - start)
    print(
        f"{'aci-2021, live, half-way':>24}: median {statistics.median(timings) / 1e6:.2f} ms "
        "per full scoring"
    )


if __name__ == "__main__":
    measure(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
