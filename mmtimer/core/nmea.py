"""NMEA 0183 sentences -> fixes, with pynmeagps doing the parsing and the checksum.

`NmeaFixes.feed_line(line)` takes one sentence at a time (a line of a file, or what a serial port
delivered) and returns the fixes it completed. An epoch (one instant of the receiver) is built
from its RMC (position, status, speed, date) and GGA (position, quality, satellites, HDOP); it is
given out as soon as both are in, or when the next epoch's first sentence arrives. A receiver
that sends only one of the two is noticed and its epochs are given out at once.

Nothing here raises on a bad sentence: it is counted (`problems`: bad checksum, malformed, cut
short, not NMEA) with its line number, and skipped. `read_nmea_file` refuses only a file that
holds no valid sentence at all (a foreign or corrupt file) with an InputError naming it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from mmtimer.core.errors import QT_TRANSLATE_NOOP, InputError, Text
from mmtimer.core.gps import Fix

NS_PER_S = 1_000_000_000
KNOTS_TO_KMH = 1.852
_VALIDATE = 0x01  # VALCKSUM: a bad checksum raises; sentences it does not know are kept
MAX_LINE = 120  # NMEA allows 82 characters; anything much longer is not a sentence
ProblemKind = str  # "bad checksum", "malformed", "cut short", "not NMEA"


@dataclass(slots=True)
class _Epoch:
    key: time
    rmc: Any = None
    gga: Any = None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _integer(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


@dataclass(slots=True)
class NmeaFixes:
    """Sentences in, fixes out (see the module's docstring)."""

    sentences: int = 0
    problems: Counter[ProblemKind] = field(default_factory=Counter)
    first_problems: list[tuple[int, str]] = field(default_factory=list)
    _epoch: _Epoch | None = None
    _date: date | None = None
    _seen_rmc: bool = False
    _seen_gga: bool = False
    _day_offset_ns: int = 0
    _last_key: time | None = None
    _learning: bool = True  # until an epoch has been closed by the next one's first sentence
    _emitted_key: time | None = None

    def _problem(self, line_no: int, kind: ProblemKind, detail: str) -> None:
        self.problems[kind] += 1
        if len(self.first_problems) < 5:
            self.first_problems.append((line_no, f"{kind}: {detail}"))

    def feed_line(self, raw: bytes | str, line_no: int = 0) -> list[Fix]:
        """One line (with or without its CR LF); the fixes it completed (often none)."""
        data = raw.encode("ascii", "replace") if isinstance(raw, str) else raw
        data = data.strip()
        if not data:
            return []
        if len(data) > MAX_LINE or not data.startswith(b"$"):
            self._problem(line_no, "not NMEA", data[:40].decode("ascii", "replace"))
            return []
        if b"*" not in data:
            self._problem(line_no, "cut short", data[:40].decode("ascii", "replace"))
            return []
        # pynmeagps is imported on the first sentence, not at every start of the app.
        from pynmeagps import NMEAReader  # noqa: PLC0415
        from pynmeagps.exceptions import (  # noqa: PLC0415
            NMEAMessageError,
            NMEAParseError,
            NMEATypeError,
        )

        try:
            message = NMEAReader.parse(data + b"\r\n", validate=_VALIDATE)
        except (NMEAParseError, NMEAMessageError, NMEATypeError, ValueError) as error:
            text = str(error)
            kind = "bad checksum" if "checksum" in text.lower() else "malformed"
            self._problem(line_no, kind, text[:80])
            return []
        except Exception as error:  # a parser's surprise must never stop a drive
            self._problem(line_no, "malformed", f"{type(error).__name__}: {str(error)[:60]}")
            return []
        if message is None:
            self._problem(line_no, "malformed", data[:40].decode("ascii", "replace"))
            return []
        self.sentences += 1
        msg_id = getattr(message, "msgID", "")
        if msg_id not in ("RMC", "GGA"):
            return []
        key = getattr(message, "time", None)
        if not isinstance(key, time):
            self._problem(line_no, "malformed", f"{msg_id} without a time")
            return []
        if key == self._emitted_key:
            return []  # a late sentence of an epoch already given out
        out: list[Fix] = []
        epoch = self._epoch
        if epoch is not None and epoch.key != key:
            self._learning = False
            out.extend(self._emit(epoch))
            epoch = None
        if epoch is None:
            epoch = self._epoch = _Epoch(key)
        if msg_id == "RMC":
            self._seen_rmc = True
            epoch.rmc = message
            day = getattr(message, "date", None)
            if isinstance(day, date):
                self._date = day
        else:
            self._seen_gga = True
            epoch.gga = message
        complete = not self._learning and (
            (epoch.rmc is not None or not self._seen_rmc)
            and (epoch.gga is not None or not self._seen_gga)
        )
        if complete:
            out.extend(self._emit(epoch))
            self._epoch = None
        return out

    def flush(self) -> list[Fix]:
        """The epoch still open (at the end of a file)."""
        epoch, self._epoch = self._epoch, None
        return [] if epoch is None else self._emit(epoch)

    def _t_ns(self, key: time) -> int:
        if self._date is not None:
            moment = datetime.combine(self._date, key.replace(tzinfo=None), tzinfo=UTC)
            epoch = datetime(1970, 1, 1, tzinfo=UTC)
            delta = moment - epoch
            return (delta.days * 86_400 + delta.seconds) * NS_PER_S + delta.microseconds * 1000
        # No date yet (GGA only): time of day, carried across midnight.
        seconds = key.hour * 3600 + key.minute * 60 + key.second
        t_ns = seconds * NS_PER_S + key.microsecond * 1000 + self._day_offset_ns
        if self._last_key is not None and key < self._last_key:
            self._day_offset_ns += 86_400 * NS_PER_S
            t_ns += 86_400 * NS_PER_S
        self._last_key = key
        return t_ns

    def _emit(self, epoch: _Epoch) -> list[Fix]:
        self._emitted_key = epoch.key
        rmc, gga = epoch.rmc, epoch.gga
        source = gga if gga is not None else rmc
        lat, lon = _number(getattr(source, "lat", None)), _number(getattr(source, "lon", None))
        if (lat is None or lon is None) and rmc is not None and source is not rmc:
            lat, lon = _number(getattr(rmc, "lat", None)), _number(getattr(rmc, "lon", None))
        quality = 0
        if gga is not None:
            quality = _integer(getattr(gga, "quality", None)) or 0
        elif rmc is not None:
            quality = 1 if getattr(rmc, "status", "") == "A" else 0
        if rmc is not None and getattr(rmc, "status", "") != "A":
            quality = 0
        if lat is None or lon is None:
            quality, lat, lon = 0, math.nan, math.nan
        speed = None
        if rmc is not None:
            knots = _number(getattr(rmc, "spd", None))
            speed = None if knots is None else knots * KNOTS_TO_KMH
        sats = hdop = None
        if gga is not None:
            sats = _integer(getattr(gga, "numSV", None))
            hdop = _number(getattr(gga, "HDOP", None))
        return [Fix(self._t_ns(epoch.key), lat, lon, quality, speed, sats, hdop)]

    def feed_lines(self, lines: Iterable[bytes | str]) -> Iterator[Fix]:
        for line_no, line in enumerate(lines, start=1):
            yield from self.feed_line(line, line_no)
        yield from self.flush()


@dataclass(frozen=True, slots=True)
class NmeaFile:
    """A recorded drive: its fixes in order, and what was wrong in it."""

    source: str
    fixes: tuple[Fix, ...]
    lines: int
    sentences: int
    problems: dict[ProblemKind, int]
    first_problems: tuple[tuple[int, str], ...]


class NmeaFileReader:
    """An NMEA log read a few lines at a time, so a window can parse it without stopping (the
    same parsing and the same verdicts as `read_nmea_file`, which reads it all at once).

    The file is read whole when made (an InputError naming it if it cannot be, or is empty);
    `step(lines)` parses up to that many more lines and returns the fixes they completed;
    `done` once every line is parsed; `result()` then gives the NmeaFile, or the InputError of a
    file that holds no valid sentence."""

    __slots__ = ("_fixes", "_lines", "_next", "_parser", "done", "source")

    def __init__(self, path: str | Path) -> None:
        self.source = str(path)
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise InputError(
                self.source,
                Text(QT_TRANSLATE_NOOP("Errors", "cannot read: %1"), error.strerror or error),
            ) from None
        self._lines = data.splitlines()
        if not self._lines:
            raise InputError(self.source, QT_TRANSLATE_NOOP("Errors", "empty: not an NMEA log"))
        self._parser = NmeaFixes()
        self._next = 0
        self._fixes: list[Fix] = []
        self.done = False

    @property
    def lines(self) -> int:
        return len(self._lines)

    @property
    def lines_read(self) -> int:
        return self._next

    def step(self, lines: int) -> list[Fix]:
        """Parse up to `lines` more lines; the fixes completed (at the end: the last epoch's)."""
        if self.done:
            return []
        parser = self._parser
        out: list[Fix] = []
        stop = min(self._next + max(lines, 1), len(self._lines))
        for index in range(self._next, stop):
            out.extend(parser.feed_line(self._lines[index], index + 1))
        self._next = stop
        if stop == len(self._lines):
            out.extend(parser.flush())
            self.done = True
        self._fixes.extend(out)
        return out

    def result(self) -> NmeaFile:
        """The whole file (every line parsed first, if not yet); InputError if it holds no valid
        sentence (a foreign or corrupt file)."""
        while not self.done:
            self.step(len(self._lines))
        parser = self._parser
        if parser.sentences == 0:
            first = parser.first_problems[0] if parser.first_problems else (1, "no sentence")
            raise InputError(
                self.source,
                Text(
                    QT_TRANSLATE_NOOP(
                        "Errors", "not an NMEA log: no valid sentence in %1 lines (%2)"
                    ),
                    len(self._lines),
                    first[1],
                ),
                line=first[0],
            )
        return NmeaFile(
            self.source,
            tuple(self._fixes),
            len(self._lines),
            parser.sentences,
            dict(parser.problems),
            tuple(parser.first_problems),
        )


def read_nmea_file(path: str | Path) -> NmeaFile:
    """Every fix in an NMEA log. InputError naming the file if it cannot be read or holds no
    valid NMEA sentence (a foreign or corrupt file). Never writes it."""
    return NmeaFileReader(path).result()


__all__ = ("NmeaFile", "NmeaFileReader", "NmeaFixes", "read_nmea_file")
