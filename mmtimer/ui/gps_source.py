"""Where GPS fixes come from in the window: a USB receiver, the platform's location, or a file.

- A USB (or Bluetooth serial) receiver: its NMEA sentences read with QSerialPort and parsed by
  core.nmea (pynmeagps): the very code `mmtimer gps` runs on a recorded drive.
- The platform's own location source (Qt Positioning: geoclue2 on Linux, CoreLocation, Windows
  location), when the system has one; it gives positions, not NMEA: its fixes carry no
  satellite count, and a position Qt reports invalid is a fix without quality.
- An NMEA file played at its own pace for practice (simulation mode), through core.nmea as well.

Every fix is stamped with the session clock when it arrives (the receiver's own time is not the
session's), then emitted as `fix(Fix)`. Nothing here waits: opening a port that is not there,
a receiver unplugged mid-trial or a platform without a source is a `status(str)` message and
the source goes quiet; the pacer then shows "no fix for N s" and never a stale distance as live.
A timer only schedules the file's playback; which fixes are due is read from the clock.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QIODevice, QObject, QTimer, Signal

from mmtimer.core.clock import Clock
from mmtimer.core.errors import InputError
from mmtimer.core.gps import Fix
from mmtimer.core.nmea import NmeaFileReader, NmeaFixes
from mmtimer.ui.errors import error_shown

if TYPE_CHECKING:  # QtPositioning and QtSerialPort load when a source is chosen, not at start
    from PySide6.QtPositioning import QGeoPositionInfo, QGeoPositionInfoSource
    from PySide6.QtSerialPort import QSerialPort

NS_PER_MS = 1_000_000
PLAYBACK_TICK_MS = 20
LOAD_LINES = 10
"""Lines of a recorded drive parsed in one step (under 1 ms of pynmeagps unloaded, 1-3 ms on a
loaded machine)."""
LOAD_EVERY_MS = 5
MAX_BUFFER = 4096


class GpsMode(enum.Enum):
    OFF = "off"
    SERIAL = "serial"
    PLATFORM = "platform"
    FILE = "file"


def serial_ports() -> list[str]:
    """The serial ports this machine has (a USB receiver is usually ttyUSB0 or ttyACM0)."""
    from PySide6.QtSerialPort import QSerialPortInfo  # noqa: PLC0415

    return [info.portName() for info in QSerialPortInfo.availablePorts()]


class GpsSource(QObject):
    """One source at a time (see the module docstring). ``fix(object)``: a core.gps.Fix;
    ``status(str)``: what happened, for the status bar."""

    fix = Signal(object)
    status = Signal(str)

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.mode = GpsMode.OFF
        self.description = ""
        self._serial: QSerialPort | None = None
        self._platform: QGeoPositionInfoSource | None = None
        self._parser = NmeaFixes()
        self._buffer = b""
        self._playback: list[Fix] = []
        self._played = 0
        self._play_start_ns = 0
        self._first_t_ns: int | None = None
        self._reader: NmeaFileReader | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(PLAYBACK_TICK_MS)
        self._timer.timeout.connect(self._play_due)
        self._loader = QTimer(self)  # reads a drive ahead while the window is idle
        self._loader.setInterval(LOAD_EVERY_MS)
        self._loader.timeout.connect(self._load)

    # -- opening and closing -----------------------------------------------------------------
    def close(self, message: str = "") -> None:
        self._timer.stop()
        self._loader.stop()
        self._reader = None
        serial, self._serial = self._serial, None
        if serial is not None:
            serial.close()
            serial.deleteLater()
        platform, self._platform = self._platform, None
        if platform is not None:
            platform.stopUpdates()
            platform.deleteLater()
        self._playback = []
        was = self.mode
        self.mode = GpsMode.OFF
        self.description = ""
        if message:
            self.status.emit(message)
        elif was is not GpsMode.OFF:
            self.status.emit(self.tr("GPS off"))

    def open_serial(self, port: str, baud: int = 9600) -> str | None:
        """Read NMEA from a serial port; the reason it cannot, or None."""
        from PySide6.QtSerialPort import QSerialPort  # noqa: PLC0415

        self.close()
        serial = QSerialPort(self)
        serial.setPortName(port)
        serial.setBaudRate(baud)
        if not serial.open(QIODevice.OpenModeFlag.ReadOnly):
            reason = serial.errorString()
            serial.deleteLater()
            return self.tr("GPS: cannot open %1: %2").replace("%1", port).replace("%2", reason)
        serial.readyRead.connect(self._read_serial)
        serial.errorOccurred.connect(self._serial_error)
        self._serial = serial
        self._parser = NmeaFixes()
        self._buffer = b""
        self.mode = GpsMode.SERIAL
        self.description = self.tr("USB receiver %1").replace("%1", port)
        self.status.emit(
            self.tr("GPS: reading %1 at %2 baud").replace("%1", port).replace("%2", str(baud))
        )
        return None

    def open_platform(self) -> str | None:
        from PySide6.QtPositioning import QGeoPositionInfoSource  # noqa: PLC0415

        self.close()
        source: QGeoPositionInfoSource | None = QGeoPositionInfoSource.createDefaultSource(self)
        if source is None:
            return self.tr("GPS: this system has no location source")
        source.positionUpdated.connect(self._platform_position)
        source.errorOccurred.connect(
            lambda error: self.status.emit(
                self.tr("GPS: the location source failed (%1)").replace("%1", error.name)
            )
        )
        source.setUpdateInterval(100)
        source.startUpdates()
        self._platform = source
        self.mode = GpsMode.PLATFORM
        self.description = f"location source {source.sourceName()}"
        self.status.emit(self.tr("GPS: %1").replace("%1", self.description))
        return None

    def open_file(self, path: Path) -> str | None:
        """Play a recorded drive at its own pace, from now (simulation, for practice).

        The file is parsed a few lines at a time (`LOAD_LINES`), never all at once in the GUI
        thread (a 5-minute drive is some 6,000 sentences, 1-2 s of pynmeagps): each playback
        tick first parses what it needs, and an idle timer parses ahead between ticks. A file
        that turns out to hold no valid sentence stops the simulation with its one-line error
        (`status`), as a file that cannot be read does at once (the return value)."""
        self.close()
        try:
            reader = NmeaFileReader(path)
        except InputError as error:
            return self.tr("GPS: %1").replace("%1", error_shown(error))
        self._reader = reader
        self._play_start_ns = self.clock.now_ns()
        self._first_t_ns = None
        self._playback = []
        self._played = 0
        self.mode = GpsMode.FILE
        self.description = f"simulation {path.name}"
        self._timer.start()
        self._loader.start()
        self.status.emit(self.tr("GPS: simulating %1").replace("%1", path.name))
        return None

    @property
    def loading(self) -> bool:
        """A recorded drive is still being read."""
        return self._reader is not None

    def _load(self, lines: int = LOAD_LINES) -> None:
        """Parse the next `lines` lines of the drive being read (the idle timer's step)."""
        reader = self._reader
        if reader is None:
            self._loader.stop()
            return
        for fix in reader.step(lines):
            if self._first_t_ns is None:
                self._first_t_ns = fix.t_ns
            first = self._first_t_ns
            self._playback.append(
                Fix(
                    fix.t_ns - first,
                    fix.lat,
                    fix.lon,
                    fix.quality,
                    fix.speed_kmh,
                    fix.sats,
                    fix.hdop,
                )
            )
        if not reader.done:
            return
        self._reader = None
        self._loader.stop()
        try:
            drive = reader.result()
        except InputError as error:
            self.close(self.tr("GPS: %1").replace("%1", error_shown(error)))
            return
        if not drive.fixes:
            self.close(self.tr("GPS: %1: no fix in the file").replace("%1", str(drive.source)))
            return
        self.status.emit(
            self.tr("GPS: simulating %1 (%2 fixes)")
            .replace("%1", Path(drive.source).name)
            .replace("%2", str(len(drive.fixes)))
        )

    # -- fixes in --------------------------------------------------------------------------
    def _emit(self, fix: Fix) -> None:
        self.fix.emit(fix)

    def feed_nmea(self, data: bytes) -> None:
        """Bytes as a receiver sent them (the serial port's, or a test's)."""
        self._buffer += data
        if len(self._buffer) > MAX_BUFFER and b"\n" not in self._buffer:
            self._buffer = b""  # no line end in 4 kB: not NMEA at this speed
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            for fix in self._parser.feed_line(line):
                now = self.clock.now_ns()
                self._emit(
                    Fix(now, fix.lat, fix.lon, fix.quality, fix.speed_kmh, fix.sats, fix.hdop)
                )

    def _read_serial(self) -> None:
        serial = self._serial
        if serial is not None:
            self.feed_nmea(bytes(serial.readAll().data()))

    def _serial_error(self, error: QSerialPort.SerialPortError) -> None:
        from PySide6.QtSerialPort import QSerialPort  # noqa: PLC0415

        if error in (QSerialPort.SerialPortError.NoError, QSerialPort.SerialPortError.TimeoutError):
            return
        serial = self._serial
        reason = serial.errorString() if serial is not None else str(error)
        self.close(
            self.tr(
                "GPS: the receiver stopped (%1): no distance from GPS until it is back"
            ).replace("%1", reason)
        )

    def _platform_position(self, info: QGeoPositionInfo) -> None:
        from PySide6.QtPositioning import QGeoPositionInfo  # noqa: PLC0415

        coordinate = info.coordinate()
        valid = info.isValid() and coordinate.isValid()
        speed = None
        if info.hasAttribute(QGeoPositionInfo.Attribute.GroundSpeed):
            speed = info.attribute(QGeoPositionInfo.Attribute.GroundSpeed) * 3.6
        self._emit(
            Fix(
                self.clock.now_ns(),
                coordinate.latitude() if valid else float("nan"),
                coordinate.longitude() if valid else float("nan"),
                1 if valid else 0,
                speed,
            )
        )

    def _play_due(self) -> None:
        elapsed = self.clock.now_ns() - self._play_start_ns
        fixes = self._playback
        # the fixes due must be parsed first: read on until one lies ahead (or the file ends)
        while self._reader is not None and (not fixes or fixes[-1].t_ns <= elapsed):
            self._load()
        if self.mode is not GpsMode.FILE:
            return  # the file turned out not to be a drive: closed, said
        while self._played < len(fixes) and fixes[self._played].t_ns <= elapsed:
            fix = fixes[self._played]
            self._played += 1
            self._emit(
                Fix(
                    self._play_start_ns + fix.t_ns,
                    fix.lat,
                    fix.lon,
                    fix.quality,
                    fix.speed_kmh,
                    fix.sats,
                    fix.hdop,
                )
            )
        if self._played >= len(fixes) and self._reader is None:
            self.close(self.tr("GPS: the simulated drive has ended"))
