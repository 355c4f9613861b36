"""The recorded drive played as a receiver (simulation) is read a few lines at a time: opening
it parses nothing yet, the window's event loop reads it on while fixes play, and a file that is
not a drive is said in one line once found out - the GUI thread never parses the whole file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import NS_PER_S, FakeClock
from mmtimer.core.errors import InputError
from mmtimer.core.gps import Fix
from mmtimer.core.nmea import NmeaFileReader, read_nmea_file
from mmtimer.paths import resource
from mmtimer.ui.gps_source import LOAD_LINES, GpsMode, GpsSource

pytestmark = pytest.mark.gui
DRIVE = resource("drives", "practice.nmea")


def source(qtbot: QtBot) -> tuple[GpsSource, FakeClock, list[Fix], list[str]]:
    clock = FakeClock(100 * NS_PER_S)
    gps = GpsSource(clock)
    fixes: list[Fix] = []
    said: list[str] = []
    gps.fix.connect(fixes.append)
    gps.status.connect(said.append)
    return gps, clock, fixes, said


def test_opening_a_drive_reads_it_in_steps_while_it_plays(qtbot: QtBot) -> None:
    gps, clock, fixes, said = source(qtbot)
    assert gps.open_file(DRIVE) is None
    reader = gps._reader
    assert reader is not None and reader.lines_read == 0  # nothing parsed in the call itself
    assert gps.mode is GpsMode.FILE and gps.loading
    assert said == ["GPS: simulating practice.nmea"]
    gps._play_due()  # the first fix is due at once: only the lines it needs are parsed
    assert len(fixes) == 1 and reader.lines_read <= LOAD_LINES
    clock.advance_ns(2 * NS_PER_S)
    gps._play_due()
    # 10 Hz: 2 s of it, from the lines those fixes need (RMC and GGA each, a few others) and
    # at most one step more; not the file's 5,700
    assert len(fixes) == 21 and reader.lines_read <= 3 * 21 + LOAD_LINES < reader.lines // 20
    # the event loop reads the rest ahead, step by step, while the drive plays on
    qtbot.waitUntil(lambda: not gps.loading, timeout=60_000)
    whole = read_nmea_file(DRIVE)
    assert said[-1] == f"GPS: simulating practice.nmea ({len(whole.fixes)} fixes)"
    clock.advance_ns(10_000 * NS_PER_S)
    gps._play_due()
    assert len(fixes) == len(whole.fixes)  # every fix, once, in order, on the session clock
    first = whole.fixes[0].t_ns
    assert [f.t_ns - 100 * NS_PER_S for f in fixes] == [f.t_ns - first for f in whole.fixes]
    assert [(f.lat, f.lon, f.quality) for f in fixes] == [
        (f.lat, f.lon, f.quality) for f in whole.fixes
    ]
    assert said[-1] == "GPS: the simulated drive has ended" and gps.mode is GpsMode.OFF


def test_a_file_that_is_not_a_drive_is_said_once_found_out(qtbot: QtBot, tmp_path: Path) -> None:
    gps, _clock, fixes, said = source(qtbot)
    foreign = tmp_path / "notes.nmea"
    foreign.write_text("".join(f"shopping list item {n}\n" for n in range(500)), encoding="utf-8")
    assert gps.open_file(foreign) is None  # not known yet: nothing parsed in the call
    qtbot.waitUntil(lambda: gps.mode is GpsMode.OFF, timeout=30_000)
    assert fixes == []
    with pytest.raises(InputError) as whole:
        NmeaFileReader(foreign).result()
    assert said[-1] == f"GPS: {whole.value}"
    assert said[-1].startswith(f"GPS: {foreign}") and "not an NMEA log" in said[-1]
    # a file that cannot be read, or is empty, is refused at once
    empty = tmp_path / "empty.nmea"
    empty.write_bytes(b"")
    assert gps.open_file(empty) == f"GPS: {empty}: empty: not an NMEA log"
    assert gps.open_file(tmp_path / "gone.nmea") is not None and gps.mode is GpsMode.OFF
