"""Benchmark: the bundled NMEA drive measured by the window's GPS code, and the cost of one fix.

Prints the distance error against the drive's true length (target: under 0.5%) and the time to
fold one fix as the window does (GpsRecorder: the track's filters and geodesic, the events it
makes, the Odometer folding them; target: under 1 ms, so a 10 Hz receiver costs under 1% of the
GUI thread), with a bare reference in the same run: one geodesic on WGS84 (geographiclib), the
least a fix can cost. Run by hand (not collected by pytest):

    .venv/bin/python tests/benchmarks/bench_gps.py [REPEATS]
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys
import time
import tomllib

from mmtimer.core.distance import GpsRecorder, Odometer
from mmtimer.core.events import Other
from mmtimer.core.gps import geodesic_m
from mmtimer.core.nmea import read_nmea_file
from mmtimer.paths import resource


def main(repeats: int = 5) -> None:
    drive = read_nmea_file(resource("drives", "practice.nmea"))
    truth = tomllib.loads(resource("drives", "practice.toml").read_text())["true_length_m"]
    per_fix: list[float] = []
    worst: list[float] = []
    measured = 0.0
    for _ in range(repeats):
        recorder = GpsRecorder("PM1")
        odometer = Odometer("PM1")
        kind, data = recorder.start("PM1")
        odometer.apply_event(Other(0, kind, data, 0))
        seq = 0
        times = []
        for fix in drive.fixes:
            started = time.perf_counter_ns()
            for kind, data in recorder.add(fix):
                seq += 1
                odometer.apply_event(Other(seq, kind, data, fix.t_ns))
            odometer.at(fix.t_ns)
            times.append(time.perf_counter_ns() - started)
        per_fix.append(statistics.median(times) / 1000)
        worst.append(sorted(times)[int(len(times) * 0.99)] / 1000)
        car = odometer.at(odometer.last.t_ns if odometer.last else 0)
        measured = 0.0 if car is None else car.mm / 1000
    bare = []
    points = [(f.lat, f.lon) for f in drive.fixes if f.has_position]
    for _ in range(repeats):
        started = time.perf_counter_ns()
        for a, b in itertools.pairwise(points):
            geodesic_m(a[0], a[1], b[0], b[1])
        bare.append((time.perf_counter_ns() - started) / max(len(points) - 1, 1) / 1000)
    error = (measured - truth) / truth * 100
    load = os.getloadavg()[0]
    print(f"drive: {len(drive.fixes)} fixes at 10 Hz, true length {truth:.3f} m (load {load:.2f})")
    print(f"measured {measured:.1f} m: error {error:+.3f}% (target under 0.5%)")
    fold = statistics.median(per_fix)
    reference = statistics.median(bare)
    print(
        f"fold one fix: median {fold:.0f} us, 99th percentile {statistics.median(worst):.0f} us "
        f"(target under 1000 us); one geodesic alone {reference:.0f} us: "
        f"ratio {fold / reference:.1f}"
    )
    print(f"at 10 Hz: {fold * 10 / 1e4:.2f}% of one core")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
