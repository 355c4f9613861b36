"""`mmtimer gps DRIVE.nmea [--json]`: the distance the window would measure from a recorded drive.

The same code as the window: each fix goes through core.distance.GpsRecorder (the GPS track of
core.gps) and the distance events it makes are folded by the same Odometer the pacer reads. It
prints the distance, the fixes used and rejected (and why), and what was wrong with the file's
sentences, so a navigator can check a receiver before the event. ``--json``: the same as one
JSON object on the last line. A file that is not NMEA is one line naming it, and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from mmtimer.core.distance import GpsRecorder, Odometer
from mmtimer.core.errors import InputError
from mmtimer.core.events import Other
from mmtimer.core.gps import REJECTED
from mmtimer.core.nmea import NmeaFile, read_nmea_file

EXIT_OK = 0
EXIT_BAD_INPUT = 2
NS_PER_S = 1_000_000_000
LOST_NS = 3 * NS_PER_S
"""A gap between usable fixes longer than this is reported as a loss of fix."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Measure a recorded GPS drive (NMEA 0183) as the window would: distance, fixes used "
        "and rejected."
    )
    parser.add_argument("drive", help="an NMEA log (.nmea, .log, .txt)")
    parser.add_argument(
        "--json", action="store_true", help="also print one JSON object on the last line"
    )


def run(args: argparse.Namespace) -> int:
    return gps(Path(args.drive), as_json=args.json, out=sys.stdout, err=sys.stderr)


def measure(drive: NmeaFile) -> dict[str, Any]:
    """The figures `mmtimer gps` prints, from the fixes of a drive."""
    recorder = GpsRecorder("gps")
    odometer = Odometer()
    seq = 0
    kind, data = recorder.start("gps")
    odometer.apply_event(Other(seq, kind, data, 0))
    lost: list[tuple[int, int]] = []  # (from, to) ns since the first fix
    first = drive.fixes[0].t_ns if drive.fixes else 0
    last_good: int | None = None
    last_t = first
    for fix in drive.fixes:
        for kind, data in recorder.add(fix):
            seq += 1
            odometer.apply_event(Other(seq, kind, data, fix.t_ns))
        if recorder.track.last_verdict not in REJECTED:
            if last_good is not None and fix.t_ns - last_good > LOST_NS:
                lost.append((last_good - first, fix.t_ns - first))
            last_good = fix.t_ns
        last_t = fix.t_ns
    track = recorder.track
    car = odometer.at(odometer.last.t_ns) if odometer.last is not None else None
    by_verdict = {verdict: count for verdict, count in sorted(track.counts.items())}
    return {
        "file": drive.source,
        "distance_m": 0.0 if car is None else car.mm / 1000,
        "fixes": track.used,
        "rejected": track.rejected,
        "verdicts": by_verdict,
        "epochs": len(drive.fixes),
        "duration_s": round((last_t - first) / NS_PER_S, 1),
        "lines": drive.lines,
        "sentences": drive.sentences,
        "bad_lines": dict(sorted(drive.problems.items())),
        "fix_lost": [
            {"from_s": round(a / NS_PER_S, 1), "for_s": round((b - a) / NS_PER_S, 1)}
            for a, b in lost
        ],
    }


def _text(figures: dict[str, Any], drive: NmeaFile) -> list[str]:
    km = figures["distance_m"] / 1000
    lines = [
        f"{figures['file']}: {km:.3f} km in {figures['duration_s']:.1f} s",
        f"fixes: {figures['fixes']} used, {figures['rejected']} rejected, of {figures['epochs']}",
    ]
    why = ", ".join(f"{count} {verdict}" for verdict, count in figures["verdicts"].items())
    if why:
        lines.append(f"  by verdict: {why}")
    bad = figures["bad_lines"]
    lines.append(
        f"sentences: {figures['sentences']} read of {figures['lines']} lines"
        + (
            ""
            if not bad
            else "; skipped: " + ", ".join(f"{count} {kind}" for kind, count in bad.items())
        )
    )
    for line_no, what in drive.first_problems:
        lines.append(f"  {drive.source}:{line_no}: {what}")
    for gap in figures["fix_lost"]:
        lines.append(f"no fix for {gap['for_s']:.1f} s from {gap['from_s']:.1f} s")
    return lines


def gps(path: Path, *, as_json: bool, out: TextIO, err: TextIO) -> int:
    try:
        drive = read_nmea_file(path)
    except InputError as error:
        print(f"mmtimer gps: {error}", file=err)
        return EXIT_BAD_INPUT
    figures = measure(drive)
    for line in _text(figures, drive):
        print(line, file=out)
    if as_json:
        print(json.dumps(figures, separators=(",", ":")), file=out)
    return EXIT_OK
