"""Make the example stage logs in resources/logs/ and their results CSVs (golden files).

Each log is recorded by the real LiveSession and LogWriter from a scripted drive through one of
the example stages (resources/stages/), with instants from a fake clock, so the files are the same
on every run. Usage (from the checkout):

    .venv/bin/python tools/make_example_logs.py            # write what is missing
    .venv/bin/python tools/make_example_logs.py --force    # rewrite all (review the diff!)
    .venv/bin/python tools/make_example_logs.py --check    # exit 1 if a file would differ

The CSVs are golden files: tests/core/test_examples.py exports each log and compares. A change
to them must be looked at by a person, never regenerated to make a test pass.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from geographiclib.geodesic import Geodesic

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mmtimer.commands.export import export_csv  # noqa: E402
from mmtimer.core.crew import Crew  # noqa: E402
from mmtimer.core.distance import (  # noqa: E402
    CALIBRATE_EVENT,
    DISTANCE_EVENT,
    GpsRecorder,
    calibrate_data,
    distance_data,
)
from mmtimer.core.gps import Fix  # noqa: E402
from mmtimer.core.logfile import LogWriter  # noqa: E402
from mmtimer.core.nmea import read_nmea_file  # noqa: E402
from mmtimer.core.rules import load_rules  # noqa: E402
from mmtimer.core.session import LiveSession, new_log_header  # noqa: E402
from mmtimer.core.stage import AverageTrial, Stage, TimedSection, load_stage  # noqa: E402
from mmtimer.core.timefmt import parse_time_of_day_ms  # noqa: E402

NS_PER_MS = 1_000_000
EXAMPLE_APP = "mmtimer 0.1.0"  # fixed, so a version bump does not change the examples
LOGS = ROOT / "resources" / "logs"
STAGES = ROOT / "resources" / "stages"


@dataclass
class Drive:
    """A scripted drive: official times in, session-clock instants and UTC stamps out."""

    session: LiveSession
    writer: LogWriter
    utc_at_zero: datetime  # wall clock when the session clock read 0 (before any restart)
    sync_t_ns: int = 0
    sync_official_ms: int = 0
    clock_offset_ns: int = 0  # raw clock reading = log instant - offset (after a restart)

    def log_t(self, official: str | int) -> int:
        ms = parse_time_of_day_ms(official) if isinstance(official, str) else official
        return self.sync_t_ns + (ms - self.sync_official_ms) * NS_PER_MS

    def raw(self, official: str | int) -> int:
        return self.log_t(official) - self.session.offset_ns

    def utc(self, log_t_ns: int) -> datetime:
        return self.utc_at_zero + timedelta(microseconds=log_t_ns // 1000)

    def sync(self, official: str, at_log_t: int) -> None:
        self.session.sync(
            at_log_t - self.session.offset_ns,
            parse_time_of_day_ms(official),
            "manual",
            self.utc(at_log_t),
        )
        self.sync_t_ns, self.sync_official_ms = at_log_t, parse_time_of_day_ms(official)

    def press(self, official_ms: int, source: str = "key:Space") -> None:
        log_t = self.log_t(official_ms)
        self.session.press(log_t - self.session.offset_ns, source, self.utc(log_t))

    def chrono(self, action: str, official: str) -> None:
        log_t = self.log_t(official)
        self.session.chrono(action, log_t - self.session.offset_ns, self.utc(log_t))

    def timed(self, section_id: str, start: str, deviations_ms: list[int | None]) -> None:
        """Line 1 at `start`; each later line at its target plus a deviation (None: skipped)."""
        section = self.session.stage.section(section_id)
        assert isinstance(section, TimedSection)
        assert self.session.armed is not None and self.session.armed.section == section_id
        times = [parse_time_of_day_ms(start)]
        self.press(times[0])
        for line, deviation in enumerate(deviations_ms, start=2):
            reference = 0 if section.targets_from == "start" else line - 2
            ideal = times[reference] + section.target_ms(line)
            times.append(ideal if deviation is None else ideal + deviation)
            if deviation is None:
                self.session.skip_line(self.raw(ideal), self.utc(self.log_t(ideal)))
            else:
                self.press(times[-1])

    def average(self, section_id: str, deviations_ms: list[int]) -> None:
        section = self.session.stage.section(section_id)
        assert isinstance(section, AverageTrial)
        for check, deviation in enumerate(deviations_ms, start=1):
            ideal = section.ideal_ms(check)
            self.press(ideal.numerator // ideal.denominator + deviation)


def _session(
    directory: Path, name: str, crew: Crew, created: datetime
) -> tuple[Drive, Path, Stage]:
    stage = load_stage(STAGES / f"{name}.stage.toml")
    rules = load_rules(stage.rules, STAGES)
    path = directory / f"{name}.mmlog"
    header = new_log_header(stage, crew, created, base_dir=STAGES, app=EXAMPLE_APP)
    writer = LogWriter.create(path, header)
    session = LiveSession(stage, rules, crew, sink=writer)
    return Drive(session, writer, created), path, stage


def mille_miglia_day1(directory: Path) -> Path:
    """Syncs, chained trials with a double press voided and a missed tube, a time control, a
    laptop that dies and restarts (resume bridged with the wall clock), an average trial, a
    late time control."""
    crew = Crew(112, "Giulia Ferri", "Marco Bassi", "Alfa Romeo 6C 1750 SS", 1929, Decimal("1.80"))
    created = datetime(2026, 5, 13, 12, 48, 30, 120_000, tzinfo=UTC)
    drive, path, stage = _session(directory, "mille-miglia-day1", crew, created)
    drive.utc_at_zero = datetime(2026, 5, 13, 12, 50, 0, 4000, tzinfo=UTC)
    drive.sync("14:50:00.00", 0)
    drive.chrono("start", "14:51:00")
    drive.timed("PC1", "14:52:10.00", [370, -120])  # 0.37 s late, 0.12 s early
    drive.press(parse_time_of_day_ms("14:52:31.60"))  # a double press on the last line
    drive.session.void_last("double press")
    drive.timed("PC2", "14:55:00.00", [0, None, 450])  # the tube at line 3 was missed
    drive.chrono("stop", "14:56:10")
    drive.session.note(
        "fuel at Desenzano", drive.raw("14:58:00"), drive.utc(drive.log_t("14:58:00"))
    )
    # the official clock at the control: our clock had gained 0.12 s since the start
    drive.sync("15:00:00.00", drive.log_t("15:00:00.12"))
    drive.press(parse_time_of_day_ms("15:05:32.40"))  # CO1, inside its minute
    drive.writer.flush()

    # The laptop dies. It is restarted 95 s later; its new session clock reads 41.5 s.
    drive.writer.close()
    died_at = drive.log_t("15:05:40.00")
    writer, contents = LogWriter.open_existing(path)
    restart_log_t = died_at + 95_000 * NS_PER_MS
    drive.session = LiveSession.resume(
        contents,
        drive.session.stage,
        drive.session.rules,
        crew,
        now_ns=41_500 * NS_PER_MS,
        utc_now=drive.utc(restart_log_t),
        sink=writer,
    )
    drive.writer = writer
    drive.average("PM1", [700, 2_900])  # 0.7 s and 2.9 s late
    drive.timed("PC3", "15:30:00.00", [40, -120])  # both from the first line
    drive.press(parse_time_of_day_ms("15:41:05.00"))  # CO2: one minute late
    drive.session.close(drive.raw("15:42:00"), drive.utc(drive.log_t("15:42:00")))
    drive.writer.close()
    assert drive.session.armed is None and stage.presses == 14
    return path


def mille_miglia_day2(directory: Path) -> Path:
    """The same crew the next day (the example event, resources/events/): a long chain with one
    line far off (capped), a time control early, an average trial, a clean finish."""
    crew = Crew(112, "Giulia Ferri", "Marco Bassi", "Alfa Romeo 6C 1750 SS", 1929, Decimal("1.80"))
    created = datetime(2026, 5, 14, 6, 58, 10, 0, tzinfo=UTC)
    drive, path, stage = _session(directory, "mille-miglia-day2", crew, created)
    drive.utc_at_zero = datetime(2026, 5, 14, 7, 0, 0, 2000, tzinfo=UTC)
    drive.sync("09:00:00.00", 0)
    drive.timed("PC4", "09:05:00.00", [8, -23, 3_400, 61])  # a hairpin: 3.40 s late, capped
    drive.press(parse_time_of_day_ms("09:31:48.00"))  # CO3: one minute early
    drive.average("PM2", [300, -1_200, 600])
    drive.timed("PC5", "10:00:00.00", [-5, 14])
    drive.press(parse_time_of_day_ms("10:15:12.00"))  # CO4, inside its minute
    drive.session.close(drive.raw("10:16:00"), drive.utc(drive.log_t("10:16:00")))
    drive.writer.close()
    assert drive.session.armed is None and stage.presses == 13
    return path


def tsd_club(directory: Path) -> Path:
    """A TSD leg scored in hundredths of a minute: checkpoints early and late, a re-sync."""
    crew = Crew(7, "Dana Whitfield", "Sam Okafor", "Datsun 240Z", 1971)
    created = datetime(2026, 6, 20, 15, 50, 2, 500_000, tzinfo=UTC)
    drive, path, _ = _session(directory, "tsd-club", crew, created)
    drive.utc_at_zero = datetime(2026, 6, 20, 15, 55, 0, 12_000, tzinfo=UTC)
    drive.sync("08:55:00.00", 0)
    drive.press(parse_time_of_day_ms("09:00:00.30"), "pedal")  # OUT: TSD scores the cents
    drive.average("TSD1", [1_100, -2_000, 400, 31_000])  # the last one 31 s late
    drive.sync("09:28:00.00", drive.log_t("09:27:59.95"))
    drive.press(parse_time_of_day_ms("09:30:00.40"), "pedal")  # CO1
    drive.average("TSD2", [-650, 200])
    drive.press(parse_time_of_day_ms("09:55:04.50"), "pedal")  # FINISH: 7 cents late
    drive.session.close(drive.raw("09:57:00"), drive.utc(drive.log_t("09:57:00")))
    drive.writer.close()
    return path


def _true_distance_times() -> list[tuple[float, float]]:
    """(seconds into the drive, true metres) of resources/drives/practice.nmea, from the same
    simulation tools/make_drive.py wrote it with."""
    spec = importlib.util.spec_from_file_location("make_drive", ROOT / "tools" / "make_drive.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    samples, _, _ = module.simulate()
    out, metres, previous = [], 0.0, None
    for t_s, lat, lon, _, _ in samples:
        if previous is not None:
            metres += Geodesic.WGS84.Inverse(previous[0], previous[1], lat, lon)["s12"]
        out.append((t_s, metres))
        previous = (lat, lon)
    return out


def practice_average(directory: Path) -> Path:
    """The practice average trial driven on the generated drive with a GPS receiver: a start
    press, the GPS distance (the window's own recorder), a typed calibration, a landmark
    confirmed, three checks; then PM2 skipped (not driven)."""
    crew = Crew(27, "Elena Conti", "Paolo Riva", "Lancia Aurelia B20 GT", 1953)
    created = datetime(2026, 5, 13, 13, 8, 10, 0, tzinfo=UTC)
    drive, path, stage = _session(directory, "practice-average", crew, created)
    drive.utc_at_zero = datetime(2026, 5, 13, 13, 10, 0, 0, tzinfo=UTC)
    drive.sync("15:10:00.00", 0)
    session = drive.session
    zero_ns = int(drive.utc_at_zero.timestamp()) * 1_000_000_000
    recorder = GpsRecorder("PM1")
    # the drive's clock starts at 15:11:40; the car pulls away from the start marker at 15:11:48
    start_ms = parse_time_of_day_ms("15:11:48.00")
    section = stage.section("PM1")
    assert isinstance(section, AverageTrial)
    truth = _true_distance_times()
    drive_zero_ms = parse_time_of_day_ms("15:11:40.00")

    def when_at(metres: float) -> int:
        for t_s, covered in truth:
            if covered >= metres:
                return drive_zero_ms + round(t_s * 1000)
        raise ValueError(metres)

    pending = [
        (start_ms, "start"),
        (parse_time_of_day_ms("15:12:30.00"), "calibrate"),
        (when_at(1250), "landmark"),
        *((when_at(metres), f"check {n}") for n, metres in enumerate(section.checks_m, 1)),
    ]
    pending.sort()

    def act(what: str, at_ms: int) -> None:
        log_t = drive.log_t(at_ms)
        raw = log_t - session.offset_ns
        if what == "start":
            session.press(raw, "key:Space", drive.utc(log_t))
            kind, data = recorder.start("PM1")
            session.record_other(kind, data, raw)
        elif what == "calibrate":
            data = calibrate_data(Decimal("0.9985"), "typed: the car's trip meter over 10 km")
            session.record_other(CALIBRATE_EVENT, data, raw)
        elif what == "landmark":
            session.record_other(DISTANCE_EVENT, distance_data("PM1", 1_250_000, "landmark"), raw)
        else:
            drive.press(at_ms)

    for fix in read_nmea_file(ROOT / "resources" / "drives" / "practice.nmea").fixes:
        log_t = fix.t_ns - zero_ns
        fix_ms = drive.sync_official_ms + log_t // NS_PER_MS
        while pending and pending[0][0] <= fix_ms:
            at_ms, what = pending.pop(0)
            act(what, at_ms)
        if session.fold.starts.get("PM1") is None:
            continue  # the count starts at the start press
        live_fix = Fix(log_t, fix.lat, fix.lon, fix.quality, fix.speed_kmh, fix.sats, fix.hdop)
        for kind, data in recorder.add(live_fix):
            session.record_other(kind, data, log_t - session.offset_ns)
    for at_ms, what in pending:
        act(what, at_ms)
    end = drive.raw("15:20:00")
    session.skip_line(end, drive.utc(drive.log_t("15:20:00")))
    session.skip_line(end, drive.utc(drive.log_t("15:20:00")))
    session.skip_line(end, drive.utc(drive.log_t("15:20:00")))
    session.close(end, drive.utc(drive.log_t("15:20:00")))
    drive.writer.close()
    return path


EXAMPLES: dict[str, Callable[[Path], Path]] = {
    "mille-miglia-day1": mille_miglia_day1,
    "mille-miglia-day2": mille_miglia_day2,
    "practice-average": practice_average,
    "tsd-club": tsd_club,
}
CSV_VARIANTS: tuple[tuple[str, str], ...] = (("en", ".csv"), ("eu", ".eu.csv"))


def make_all(directory: Path) -> list[Path]:
    """Write every example log and its CSVs into `directory`; return the files written."""
    written: list[Path] = []
    for make in EXAMPLES.values():
        log = make(directory)
        written.append(log)
        for locale, suffix in CSV_VARIANTS:
            text, _ = export_csv(log, locale=locale)  # type: ignore[arg-type]
            out = log.with_name(log.name.removesuffix(".mmlog") + suffix)
            out.write_bytes(text.encode("utf-8"))
            written.append(out)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rewrite existing files")
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        fresh = make_all(Path(temp))
        differ = []
        for path in fresh:
            target = LOGS / path.name
            if target.exists() and target.read_bytes() == path.read_bytes():
                continue
            differ.append(target)
            if args.check:
                continue
            if target.exists() and not args.force:
                print(f"{target}: differs; --force to rewrite it", file=sys.stderr)
                continue
            LOGS.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
            print(f"wrote {target.relative_to(ROOT)}")
    if args.check and differ:
        for target in differ:
            print(f"{target}: would change", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
