"""Stage logs (FORMATS.md section 2): the JSON-line codec, the reader and the crash-safe writer.

The log is the navigator's truth and cannot be redone, so:

- The writer never rewrites a line. Each event is one line written with one ``os.write`` (a
  short write is completed before anything else), then the file is flushed to the disk
  (``fsync``; ``F_FULLFSYNC`` on macOS, where plain ``fsync`` does not reach the platter). Only
  then is the event acknowledged as durable.
- A failed write (disk full, file removed, device gone) raises an alarm, keeps every event in
  memory in order and retries until the disk takes them. If the file disappears it is rebuilt,
  at its path, from the writer's own copy of every line. Nothing is dropped.
- The reader never writes to a log. A last line cut short by a crash is reported, kept aside in a
  file next to the log (``NAME.torn-N``) and ignored; every complete line before it counts.

Seq rule: every event's ``seq`` must rise by 1. The reader accepts a forward jump (events are
missing, e.g. lines deleted by hand) with a problem that says how many, and refuses a seq that
does not rise (a void's ``ref`` would be ambiguous) with an error naming the line.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import errno
import gc
import json
import os
import stat
import sys
import threading
import traceback
from array import array
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, InvalidStateError
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from mmtimer.core.chrono import ChronoAction
from mmtimer.core.distance import DistanceEventError, odometer_event
from mmtimer.core.errors import QT_TRANSLATE_NOOP, InputError, Message, Number, Text
from mmtimer.core.events import (
    LOG_FORMAT,
    UNDO_EVENT,
    Chrono,
    Event,
    Header,
    Other,
    Pass,
    Sync,
    Void,
)
from mmtimer.core.timefmt import DAY_MS, FormatError, format_time_of_day, parse_time_of_day_ms

LOG_SUFFIX = ".mmlog"
RESUME_EVENT = "resume"
CLOSE_EVENT = "close"
NOTE_EVENT = "note"
NAVIGATE_EVENT = "navigate"
# Average trials (FORMATS.md section 6; core.distance and core.pacer read them): the car's
# distance, its calibration, GPS fixes, and the start press of a start = "press" trial.
AVERAGE_TRIAL_TYPES = frozenset({"distance", "calibrate", "fix", "start"})
KNOWN_OTHER_TYPES = (
    frozenset({RESUME_EVENT, CLOSE_EVENT, NOTE_EVENT, NAVIGATE_EVENT, UNDO_EVENT})
    | AVERAGE_TRIAL_TYPES
)
"""Event types this program writes besides sync/pass/void/chrono; any other type is reported."""

_T = TypeVar("_T")
_HEADER_KEYS = ("type", "format", "app", "created", "stage", "crew")
MAX_SEQ = 2**53 - 1
"""The largest seq, ref or line a log may hold (every JSON reader keeps it exact)."""
MAX_NS = 2**63 - 1
"""The largest instant or other whole number in a log, either sign (a 64-bit integer: 292
years of nanoseconds). Anything beyond is refused: a number of 4,300 digits could be read but
not written back (Python's limit), so a resume after it would fail."""


# -- wall-clock stamps -------------------------------------------------------------------------
def utc_stamp(moment: datetime) -> str:
    """A timezone-aware instant as the log writes it: ``2026-05-13T08:41:00.004Z`` (ms)."""
    if moment.tzinfo is None:
        raise ValueError("a log stamp needs a timezone-aware datetime")
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_utc_stamp(text: str) -> datetime:
    """The inverse of :func:`utc_stamp` (any ISO 8601 form with a zone); ValueError if bad."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no time zone")
    return moment.astimezone(UTC)


# -- encoding ----------------------------------------------------------------------------------
def format_official(official_ms: int) -> str:
    """Official time of day as the log writes it: ``HH:MM:SS.cc``, or ``.mmm`` when the
    thousandth is not zero (never lose a millisecond the navigator typed)."""
    if not 0 <= official_ms < DAY_MS:
        raise ValueError(f"official time {official_ms} ms is not within one day")
    return format_time_of_day(official_ms, 3 if official_ms % 10 else 2)


def event_to_json(event: Event) -> dict[str, Any]:
    """An event as the JSON object of its log line (FORMATS.md section 2)."""
    obj: dict[str, Any]
    if isinstance(event, Pass):
        obj = {"type": "pass", "seq": event.seq, "t_ns": event.t_ns, "section": event.section}
        obj["line"] = event.line
        if event.utc is not None:
            obj["utc"] = event.utc
        obj["source"] = event.source
    elif isinstance(event, Sync):
        obj = {"type": "sync", "seq": event.seq, "t_ns": event.t_ns}
        obj["official"] = format_official(event.official_ms)
        if event.utc is not None:
            obj["utc"] = event.utc
        obj["source"] = event.source
    elif isinstance(event, Void):
        obj = {"type": "void", "seq": event.seq, "ref": event.ref, "reason": event.reason}
    elif isinstance(event, Chrono):
        obj = {"type": "chrono", "seq": event.seq, "t_ns": event.t_ns}
        obj["action"] = event.action.value
        if event.utc is not None:
            obj["utc"] = event.utc
    else:
        obj = {"type": event.type, "seq": event.seq}
        if event.t_ns is not None:
            obj["t_ns"] = event.t_ns
        for key, value in event.data.items():
            if key in ("type", "seq", "t_ns"):
                raise ValueError(f"event data may not override {key!r}")
            obj[key] = value
    return obj


def header_to_json(header: Header) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "type": "header",
        "format": header.format,
        "app": header.app,
        "created": header.created,
        "stage": header.stage,
        "crew": header.crew,
    }
    for key, value in header.extra.items():
        if key in obj:
            raise ValueError(f"header extra may not override {key!r}")
        obj[key] = value
    return obj


def _dumps(obj: dict[str, Any]) -> bytes:
    # ensure_ascii=False: names with accents stay readable; separators: compact, one line.
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8") + b"\n"


def event_line(event: Event) -> bytes:
    """The complete log line of an event, ending in ``\\n``."""
    return _dumps(event_to_json(event))


def header_line(header: Header) -> bytes:
    return _dumps(header_to_json(header))


# -- decoding ----------------------------------------------------------------------------------
def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _LineReader:
    """Decodes one log's objects, naming the file and line in every error."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.strings: dict[str, str] = {}

    def error(self, line: int, message: Message, key: str | None = None) -> InputError:
        return InputError(self.source, message, line=line, key=key)

    def int_key(self, obj: dict[str, Any], key: str, line: int, minimum: int | None = None) -> int:
        if key not in obj:
            raise self.error(
                line,
                Text(
                    QT_TRANSLATE_NOOP("Errors", "missing (an integer is needed in a %1 event)"),
                    obj["type"],
                ),
                key,
            )
        value = obj[key]
        if not _is_int(value):
            raise self.error(
                line, Text(QT_TRANSLATE_NOOP("Errors", "%1 is not an integer"), repr(value)), key
            )
        if minimum is not None and value < minimum:
            raise self.error(
                line, Text(QT_TRANSLATE_NOOP("Errors", "%1 is below %2"), value, minimum), key
            )
        maximum = MAX_NS if minimum is None else MAX_SEQ
        if not -MAX_NS <= value <= maximum:
            raise self.error(
                line,
                Text(
                    QT_TRANSLATE_NOOP("Errors", "%1 is out of range for a %2"), _digits(value), key
                ),
                key,
            )
        return int(value)

    def check_ints(self, value: object, line: int, key: str) -> None:
        """Refuse a whole number beyond `MAX_NS` anywhere in `value` (nested JSON)."""
        if type(value) is int:
            if not -MAX_NS <= value <= MAX_NS:
                raise self.error(
                    line,
                    Text(
                        QT_TRANSLATE_NOOP("Errors", "%1 is out of range for a log"), _digits(value)
                    ),
                    key,
                )
        elif isinstance(value, dict):
            for name, item in value.items():
                self.check_ints(item, line, f"{key}.{name}")
        elif isinstance(value, list):
            for index, item in enumerate(value, start=1):
                self.check_ints(item, line, f"{key}[{index}]")

    def str_key(
        self, obj: dict[str, Any], key: str, line: int, default: str | None = None
    ) -> str | None:
        value = obj.get(key, default)
        if value is None:
            if default is None and key not in obj:
                return None
            raise self.error(line, QT_TRANSLATE_NOOP("Errors", "must be text"), key)
        if not isinstance(value, str):
            raise self.error(
                line, Text(QT_TRANSLATE_NOOP("Errors", "%1 is not text"), repr(value)), key
            )
        return value

    def required_str(self, obj: dict[str, Any], key: str, line: int) -> str:
        if key not in obj:
            raise self.error(
                line,
                Text(
                    QT_TRANSLATE_NOOP("Errors", "missing (text is needed in a %1 event)"),
                    obj["type"],
                ),
                key,
            )
        value = self.str_key(obj, key, line)
        assert value is not None
        return value

    def header(self, obj: dict[str, Any], line: int) -> Header:
        if obj.get("type") != "header":
            raise self.error(
                line,
                QT_TRANSLATE_NOOP("Errors", 'the first line must be the header (type "header")'),
                "type",
            )
        if obj.get("format") != LOG_FORMAT:
            raise self.error(
                line,
                Text(
                    QT_TRANSLATE_NOOP(
                        "Errors", "%1 is not a log format this program reads (expected %2)"
                    ),
                    repr(obj.get("format")),
                    repr(LOG_FORMAT),
                ),
                "format",
            )
        for key in ("app", "created"):
            if not isinstance(obj.get(key), str):
                raise self.error(line, QT_TRANSLATE_NOOP("Errors", "missing or not text"), key)
        for key in ("stage", "crew"):
            if not isinstance(obj.get(key), dict):
                raise self.error(
                    line, QT_TRANSLATE_NOOP("Errors", "missing or not a JSON object"), key
                )
        extra = {k: v for k, v in obj.items() if k not in _HEADER_KEYS}
        for key, value in obj.items():
            self.check_ints(value, line, key)
        return Header(
            format=obj["format"],
            app=obj["app"],
            created=obj["created"],
            stage=obj["stage"],
            crew=obj["crew"],
            extra=extra,
        )

    def event(self, obj: dict[str, Any], line: int) -> Event:
        """One event; the common well-formed pass/sync/void is built without the key-by-key
        checks below, which give the messages when something is wrong."""
        get = obj.get
        kind = get("type")
        seq = get("seq")
        if type(seq) is int and 1 <= seq <= MAX_SEQ:
            if kind == "pass":
                t_ns, section, line_no = get("t_ns"), get("section"), get("line")
                utc, source = get("utc"), get("source", "")
                if (
                    type(t_ns) is int
                    and -MAX_NS <= t_ns <= MAX_NS
                    and type(section) is str
                    and type(line_no) is int
                    and 1 <= line_no <= MAX_SEQ
                    and (type(utc) is str or (utc is None and "utc" not in obj))
                    and type(source) is str
                ):
                    strings = self.strings  # one copy of each section and source name
                    return Pass(
                        seq,
                        t_ns,
                        strings.setdefault(section, section),
                        line_no,
                        utc,
                        strings.setdefault(source, source),
                    )
            elif kind == "void":
                ref, reason = get("ref"), get("reason", "")
                if type(ref) is int and 1 <= ref <= MAX_SEQ and type(reason) is str:
                    return Void(seq, ref, reason)
        return self._checked_event(obj, line)

    def _checked_event(self, obj: dict[str, Any], line: int) -> Event:
        kind = obj.get("type")
        if not isinstance(kind, str):
            raise self.error(
                line,
                QT_TRANSLATE_NOOP("Errors", "missing or not text (every event has a type)"),
                "type",
            )
        if kind == "header":
            raise self.error(
                line,
                QT_TRANSLATE_NOOP("Errors", "a second header: a log has one header, on line 1"),
                "type",
            )
        seq = self.int_key(obj, "seq", line, minimum=1)
        if kind == "pass":
            return Pass(
                seq=seq,
                t_ns=self.int_key(obj, "t_ns", line),
                section=self.required_str(obj, "section", line),
                line=self.int_key(obj, "line", line, minimum=1),
                utc=self.str_key(obj, "utc", line),
                source=self.str_key(obj, "source", line, "") or "",
            )
        if kind == "sync":
            official = self.required_str(obj, "official", line)
            try:
                official_ms = parse_time_of_day_ms(official, "official")
            except FormatError as exc:
                raise self.error(line, exc.text, "official") from None
            return Sync(
                seq=seq,
                t_ns=self.int_key(obj, "t_ns", line),
                official_ms=official_ms,
                utc=self.str_key(obj, "utc", line),
                source=self.str_key(obj, "source", line, "") or "",
            )
        if kind == "void":
            return Void(
                seq=seq,
                ref=self.int_key(obj, "ref", line, minimum=1),
                reason=self.str_key(obj, "reason", line, "") or "",
            )
        if kind == "chrono":
            action_text = self.required_str(obj, "action", line)
            try:
                action = ChronoAction(action_text)
            except ValueError:
                names = ", ".join(a.value for a in ChronoAction)
                raise self.error(
                    line,
                    Text(
                        QT_TRANSLATE_NOOP("Errors", "%1 is not one of %2"), repr(action_text), names
                    ),
                    "action",
                ) from None
            return Chrono(
                seq=seq,
                t_ns=self.int_key(obj, "t_ns", line),
                action=action,
                utc=self.str_key(obj, "utc", line),
            )
        if kind == UNDO_EVENT:  # FORMATS.md section 6: the seq it names
            self.int_key(obj, "ref", line, minimum=1)
        t_ns = obj.get("t_ns")
        if t_ns is not None:
            t_ns = self.int_key(obj, "t_ns", line)
        data = {k: v for k, v in obj.items() if k not in ("type", "seq", "t_ns")}
        for key, value in data.items():
            self.check_ints(value, line, key)
        return Other(seq=seq, type=kind, data=data, t_ns=t_ns)


def _digits(value: int) -> str:
    """A huge whole number for a message: its sign and how many digits (never the digits)."""
    size = len(str(abs(value))) if abs(value) < 10**4000 else int(abs(value).bit_length() * 0.30103)
    return f"{'-' if value < 0 else ''}a number of {size:,} digits" if size > 20 else str(value)


def event_from_json(obj: dict[str, Any], source: str = "<log>", line: int = 0) -> Event:
    """Decode one event object; InputError naming `source` and `line` if it is not valid."""
    return _LineReader(source).event(obj, line)


# -- reading -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class LogContents:
    """What a log holds: the header, every complete event, and what the reader had to say.

    `torn_tail`: the text of a last line cut short (None if the log ended cleanly); `torn_path`
    where it was kept aside. `valid_length`: the bytes of the log up to the last complete line (a
    writer resuming the log continues from there). `problems`: one-line messages (``FILE:LINE:
    ...``) about what was skipped or looks wrong; the events are still usable.
    """

    path: Path | None
    header: Header
    events: tuple[Event, ...]
    torn_tail: str | None = None
    torn_path: Path | None = None
    problems: tuple[str, ...] = ()
    valid_length: int = 0
    lines: Sequence[int] = ()
    """The line of the file each event came from (same order as `events`): an array of
    machine integers (8 bytes an event, not an int object each)."""

    def line_of(self, seq: int) -> int | None:
        """The file line of the event with this seq (None if there is none)."""
        index = bisect.bisect_left(self.events, seq, key=_seq_of)
        if index < len(self.events) and self.events[index].seq == seq and self.lines:
            return self.lines[index]
        return None

    @property
    def last_seq(self) -> int:
        return self.events[-1].seq if self.events else 0

    @property
    def closed(self) -> bool:
        """True when the log ends with a closing event (the session was ended on purpose)."""
        last = self.events[-1] if self.events else None
        return isinstance(last, Other) and last.type == CLOSE_EVENT


def _seq_of(event: Event) -> int:
    return event.seq


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)  # strict JSON: no NaN, Infinity
_RAW_DECODE = _DECODER.raw_decode


def _decode_line(text: str) -> Any:
    """One line's JSON value: `raw_decode` for speed (a log may hold 100,000 lines); anything
    unusual (whitespace around, an error) goes through json.loads for its message."""
    try:
        try:
            value, end = _RAW_DECODE(text)
        except ValueError:
            return _DECODER.decode(text)  # whitespace before the value, or the error's message
        if end != len(text) and text[end:].strip():
            return _DECODER.decode(text)  # raises "Extra data" with the column
    except RecursionError:
        raise ValueError("nested too deeply") from None
    return value


class _LogParser:
    """Turns a log's lines, one at a time, into the header, events and problems: what every
    reader (whole bytes, or a file read as a stream) shares. Memory: one line at a time."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.reader = _LineReader(source)
        self.header: Header | None = None
        self.problems: list[str] = []
        self.last_seq = 0
        self.number = 0  # the line last fed
        self.valid_length = 0  # bytes up to the end of the last line that counts
        self.length = 0  # bytes fed
        self._failed: tuple[int, bytes, Exception] | None = None  # a bad line, if it is the last

    def feed(self, raw: bytes) -> Event | None:
        """One line (without its ``\\n``): its event, or None (the header, a blank line, or a
        bad line that counts as torn if nothing follows it). InputError for anything else."""
        self.number += 1
        number = self.number
        self.length += len(raw) + 1
        if self._failed is not None:
            failed_number, _, exc = self._failed
            raise self.reader.error(
                failed_number,
                Text(QT_TRANSLATE_NOOP("Errors", "not a valid JSON line (%1)"), _json_reason(exc)),
            ) from None
        limit = MAX_HEADER_BYTES if self.header is None else MAX_LINE_BYTES
        if len(raw) > limit:
            raise self.reader.error(
                number,
                Text(
                    QT_TRANSLATE_NOOP(
                        "Errors", "a line of more than %1 bytes: not a stage log line"
                    ),
                    Number(f"{limit:,}"),
                ),
            )
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):  # a UTF-8 BOM an editor may add
            raw = raw[3:]
        try:
            obj = _decode_line(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            if not raw.strip():
                self.valid_length = self.length
                return None  # a blank line
            # Kept: if no line follows, it is a line cut short (e.g. a power loss left zeros
            # on disk after the last good line), reported and kept aside; else an error.
            self._failed = (number, raw + b"\n", exc)
            return None
        if type(obj) is not dict:
            raise self.reader.error(number, QT_TRANSLATE_NOOP("Errors", "not a JSON object"))
        self.valid_length = self.length
        if self.header is None:
            self.header = self.reader.header(obj, number)
            return None
        event = self.reader.event(obj, number)
        seq = event.seq
        last_seq = self.last_seq
        if seq != last_seq + 1:
            if seq <= last_seq:
                raise self.reader.error(
                    number,
                    Text(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "%1 does not rise after %2: each event's seq must be one more "
                            "than the last (a void's ref would be ambiguous)",
                        ),
                        seq,
                        last_seq,
                    ),
                    "seq",
                )
            missing = seq - last_seq - 1
            self.problems.append(
                f"{self.source}:{number}: seq jumps from {last_seq} to {seq}: "
                f"{missing} event{'s' if missing > 1 else ''} missing (edited or damaged log)"
            )
        self.last_seq = seq
        if type(event) is Other:
            if event.type not in KNOWN_OTHER_TYPES:
                self.problems.append(
                    f"{self.source}:{number}: event type {event.type!r} is unknown to this "
                    "version: kept and skipped"
                )
            elif event.type in ("distance", "calibrate"):
                try:
                    odometer_event(event)
                except DistanceEventError as error:
                    self.problems.append(f"{self.source}:{number}: {event.type}: {error}: skipped")
        return event

    def finish(self, tail: bytes) -> bytes | None:
        """After the last line: `tail` is what followed the last ``\\n`` (empty for a log that
        ends cleanly). Returns the torn bytes (None if none); InputError if nothing usable."""
        torn: bytes | None = None
        torn_number = self.number + 1
        limit = MAX_HEADER_BYTES if self.header is None else MAX_LINE_BYTES
        if len(tail) > limit:
            raise self.reader.error(
                torn_number,
                Text(
                    QT_TRANSLATE_NOOP(
                        "Errors", "a line of more than %1 bytes: not a stage log line"
                    ),
                    Number(f"{limit:,}"),
                ),
            )
        if self._failed is not None:
            torn_number, torn, _ = self._failed
            if tail:  # a bad complete line, then more: the bad line is an error
                raise self.reader.error(
                    torn_number,
                    Text(
                        QT_TRANSLATE_NOOP("Errors", "not a valid JSON line (%1)"),
                        _json_reason(self._failed[2]),
                    ),
                )
        elif tail:
            torn = tail
        if self.header is None:
            if torn is not None:
                raise self.reader.error(
                    1,
                    QT_TRANSLATE_NOOP(
                        "Errors", "the header line is cut short: the log holds nothing usable"
                    ),
                )
            raise InputError(self.source, QT_TRANSLATE_NOOP("Errors", "empty log: no header line"))
        if torn is not None:
            self.problems.append(
                f"{self.source}:{torn_number}: last line cut short (crash or power loss): ignored"
            )
        return torn


def parse_log_bytes(data: bytes, source: str = "<log>") -> tuple[LogContents, bytes | None]:
    """Parse a log's bytes. Returns the contents (path None) and the torn tail's bytes, if any.

    Raises InputError for anything but a torn last line: a bad header, a broken line in the
    middle, an event that lacks a key, a seq that does not rise.
    """
    enabled = gc.isenabled()
    gc.disable()  # 100,000 small objects: the cyclic collector would run hundreds of times
    try:
        parser = _LogParser(source)
        lines = data.split(b"\n")
        tail = lines.pop()
        events: list[Event] = []
        numbers = array("q")
        feed = parser.feed
        for raw in lines:
            event = feed(raw)
            if event is not None:
                events.append(event)
                numbers.append(parser.number)
        torn = parser.finish(tail)
        return _contents(parser, events, numbers, torn), torn
    finally:
        if enabled:
            gc.enable()


def _contents(
    parser: _LogParser, events: list[Event], numbers: Sequence[int], torn: bytes | None
) -> LogContents:
    assert parser.header is not None
    return LogContents(
        path=None,
        header=parser.header,
        events=tuple(events),
        torn_tail=torn.decode("utf-8", "replace") if torn is not None else None,
        problems=tuple(parser.problems),
        valid_length=parser.valid_length,
        lines=numbers if isinstance(numbers, array) else array("q", numbers),
    )


def _json_reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8"
    return str(exc)


def _keep_torn_tail(path: Path, torn: bytes) -> tuple[Path | None, str | None]:
    """Write the torn tail to ``NAME.torn-N`` next to the log (the same content is kept once).

    Returns the file's path, or None and the reason when it could not be written.
    """
    for number in range(1, 1000):
        candidate = path.with_name(f"{path.name}.torn-{number}")
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o644)
        except FileExistsError:
            try:
                if candidate.read_bytes() == torn:
                    return candidate, None
            except OSError:
                pass
            continue
        except OSError as exc:
            return None, exc.strerror or str(exc)
        try:
            _write_all(fd, torn)
            _flush_to_disk(fd)
        except OSError as exc:
            return None, exc.strerror or str(exc)
        finally:
            os.close(fd)
        return candidate, None
    return None, "too many torn-tail files already"


MAX_LOG_BYTES = 4 * 1024**3
"""The largest log read: 4 GiB, about 30 million events (a ten-hour stage with a press every
second is 36,000). A bigger file is refused before anything is read."""
MAX_HEADER_BYTES = 32 * 1024**2
"""The longest header line: the stage (5,000 sections are about 1 MB as JSON) and its rules."""
MAX_LINE_BYTES = 1024**2
"""The longest event line (one event is about 150 bytes; a note may be long)."""
_CHUNK = 1 << 20


class LogStream:
    """A stage log read as a stream, line by line: memory is bounded by the longest line and by
    what the caller keeps of the events (an export keeps none of them).

    Opening reads the header (`header`); iterating yields each event in order, `line` being the
    file line of the event just yielded. Once the iteration is over, `problems`, `torn` (the
    bytes of a last line cut short, or None), `valid_length` and `last_seq` say what the reader
    found. Refused with InputError (naming the file and line), before anything is read where it
    can be: not a plain file (a device, a pipe), larger than `MAX_LOG_BYTES`, a line longer
    than `MAX_HEADER_BYTES` / `MAX_LINE_BYTES`, and whatever `parse_log_bytes` refuses. Never
    writes.
    """

    def __init__(self, path: str | Path, *, max_bytes: int = MAX_LOG_BYTES) -> None:
        self.path = Path(path)
        self.source = str(self.path)
        self._parser = _LogParser(self.source)
        self._file = _open_log(self.path, max_bytes)
        self._rest = b""
        self._lines: list[bytes] = []
        self._at_end = False
        self.torn: bytes | None = None
        self.line = 0
        self.done = False
        try:
            while self._parser.header is None:
                raw = self._next_line()
                if raw is None:
                    self._finish()
                    break
                if self._parser.feed(raw) is not None:  # pragma: no cover - header first
                    raise AssertionError("an event before the header")
        except BaseException:
            self.close()
            raise
        assert self._parser.header is not None
        self.header: Header = self._parser.header

    @property
    def problems(self) -> tuple[str, ...]:
        return tuple(self._parser.problems)

    @property
    def valid_length(self) -> int:
        return self._parser.valid_length

    @property
    def last_seq(self) -> int:
        return self._parser.last_seq

    def _next_line(self) -> bytes | None:
        """The next complete line (without ``\\n``), or None at the end (the rest in _rest)."""
        while not self._lines:
            if self._at_end:
                return None
            chunk = self._file.read(_CHUNK)
            if not chunk:
                self._at_end = True
                return None
            parts = (self._rest + chunk).split(b"\n")
            self._rest = parts.pop()
            limit = MAX_HEADER_BYTES if self._parser.header is None else MAX_LINE_BYTES
            if len(self._rest) > limit:
                raise InputError(
                    self.source,
                    Text(
                        QT_TRANSLATE_NOOP(
                            "Errors", "a line of more than %1 bytes: not a stage log line"
                        ),
                        Number(f"{limit:,}"),
                    ),
                    line=self._parser.number + len(parts) + 1,
                )
            parts.reverse()
            self._lines = parts
        return self._lines.pop()

    def _finish(self) -> None:
        self.torn = self._parser.finish(self._rest)
        self.done = True
        self.close()

    def __iter__(self) -> Iterator[Event]:
        parser = self._parser
        feed = parser.feed
        try:
            while True:
                raw = self._next_line()
                if raw is None:
                    break
                event = feed(raw)
                if event is not None:
                    self.line = parser.number
                    yield event
            self._finish()
        finally:
            self.close()

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> LogStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def contents(self, events: list[Event], lines: Sequence[int]) -> LogContents:
        """The LogContents of a stream read to its end, with the events (and their lines) the
        caller kept."""
        if not self.done:
            raise ValueError("the log has not been read to its end")
        return _with_path(self.path, _contents(self._parser, events, lines, self.torn))


def _open_log(path: Path, max_bytes: int) -> BinaryIO:
    """The log file open for reading; InputError unless it is a plain file of at most
    `max_bytes` (a FIFO must not hang the open: O_NONBLOCK)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _O_BINARY)
    except (OSError, ValueError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise InputError(
            path, Text(QT_TRANSLATE_NOOP("Errors", "cannot read the log: %1"), why)
        ) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, QT_TRANSLATE_NOOP("Errors", "cannot read the log: is a folder"))
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                path,
                QT_TRANSLATE_NOOP(
                    "Errors", "is not a regular file (a device, pipe or socket): not read"
                ),
            )
        if info.st_size > max_bytes:
            raise InputError(
                path,
                Text(
                    QT_TRANSLATE_NOOP(
                        "Errors", "is %1 bytes: larger than any stage log (at most %2); not read"
                    ),
                    Number(f"{info.st_size:,}"),
                    Number(f"{max_bytes:,}"),
                ),
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb", buffering=0)
    except BaseException:
        os.close(fd)
        raise


def read_log_bytes(path: str | Path, *, max_bytes: int = MAX_LOG_BYTES) -> bytes:
    """The bytes of a log file; InputError naming it when it cannot be read, is not a plain
    file or is larger than `max_bytes`."""
    path = Path(path)
    with _open_log(path, max_bytes) as file:
        try:
            data = file.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(
                path,
                Text(QT_TRANSLATE_NOOP("Errors", "cannot read the log: %1"), exc.strerror or exc),
            ) from None
    if len(data) > max_bytes:
        raise InputError(
            path,
            Text(
                QT_TRANSLATE_NOOP("Errors", "is larger than any stage log (at most %1); not read"),
                Number(f"{max_bytes:,}"),
            ),
        )
    return data


def read_log(path: str | Path, *, keep_torn: bool = True) -> LogContents:
    """Read a stage log (as a stream: memory is what the events take). Never writes to the
    log; a torn last line is kept aside (if `keep_torn`) in ``NAME.torn-N`` next to it and
    reported in `problems`.

    Raises InputError (naming the file and line) for a log that does not follow FORMATS.md, and
    for a file that cannot be read.
    """
    enabled = gc.isenabled()
    gc.disable()  # a million small objects: the cyclic collector would run thousands of times
    try:
        with LogStream(path) as stream:
            events: list[Event] = []
            lines = array("q")  # 8 bytes a line number, not an int object each
            add_event, add_line = events.append, lines.append
            for event in stream:
                add_event(event)
                add_line(stream.line)
            contents = stream.contents(events, lines)
    finally:
        if enabled:
            gc.enable()
    torn = stream.torn
    return _keep_aside(contents, torn) if torn is not None and keep_torn else contents


def _with_path(path: Path, contents: LogContents) -> LogContents:
    return dataclasses.replace(contents, path=path)


def _keep_aside(contents: LogContents, torn: bytes) -> LogContents:
    """`contents` once its torn tail is kept in ``NAME.torn-N`` (`torn_path` None if it could
    not be, and the last problem says why)."""
    assert contents.path is not None
    problems = list(contents.problems)
    torn_path, why = _keep_torn_tail(contents.path, torn)
    if torn_path is not None:
        problems[-1] += f"; its {len(torn)} bytes are kept in {torn_path.name}"
    else:
        problems[-1] += f"; could not keep it aside: {why}"
    return dataclasses.replace(contents, torn_path=torn_path, problems=tuple(problems))


# -- low-level I/O -----------------------------------------------------------------------------
_O_BINARY: int = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _flush_to_disk(fd: int) -> None:
    """fsync, or F_FULLFSYNC on macOS: there plain fsync leaves data in the drive's cache."""
    full = _F_FULLFSYNC
    if full is not None:
        try:
            _fcntl_call(fd, full)
            return
        except OSError:
            pass  # some file systems (network, FAT) refuse F_FULLFSYNC: fsync is the best left
    os.fsync(fd)


def _fsync_directory(directory: Path) -> None:
    """Make a new file's name durable (POSIX). Windows cannot open a directory: skipped."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


if sys.platform != "win32":
    import fcntl

    _F_FULLFSYNC: int | None = getattr(fcntl, "F_FULLFSYNC", None)

    def _fcntl_call(fd: int, op: int) -> None:
        fcntl.fcntl(fd, op)

    def _lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError:
            return True  # file systems without locks: carry on unlocked
        return True

else:  # pragma: no cover - Windows
    _F_FULLFSYNC = None

    def _fcntl_call(fd: int, op: int) -> None:
        raise OSError(errno.ENOSYS, "no fcntl")

    def _lock(fd: int) -> bool:
        return True


class FileOps:
    """The system calls the writer makes; tests replace them to inject failures."""

    def open_append(self, path: Path, *, create: bool) -> int:
        flags = os.O_WRONLY | os.O_APPEND | _O_BINARY
        if create:
            flags |= os.O_CREAT | os.O_EXCL
        return os.open(path, flags, 0o644)

    def write(self, fd: int, data: bytes | memoryview) -> int:
        return os.write(fd, data)

    def flush_to_disk(self, fd: int) -> None:
        _flush_to_disk(fd)

    def same_file(self, fd: int, path: Path) -> bool:
        """Whether `path` still names the file open as `fd` (not removed or replaced)."""
        try:
            on_disk = os.stat(path)
        except FileNotFoundError:
            return False
        mine = os.fstat(fd)
        return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)

    def close(self, fd: int) -> None:
        os.close(fd)


# -- writing -----------------------------------------------------------------------------------
class LogLockedError(OSError):
    """Another mmtimer has this log open for writing."""


class LogWriterClosedError(RuntimeError):
    """append() after close()."""


@dataclass(slots=True)
class _Pending:
    line: bytes
    seq: int
    future: Future[int]
    done_bytes: int = 0  # bytes of `line` already written (a short write leaves some)


AlarmCallback = Callable[[str | None], None]
DurableCallback = Callable[[int], None]
NoticeCallback = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class WriterStats:
    """What the writer has done: for the status bar and the benchmarks."""

    durable_seq: int
    pending: int
    failures: int
    rebuilds: int
    path: Path = field(default_factory=Path)


def _call_safely(callback: Callable[[_T], None] | None, value: _T) -> None:
    """Run a caller's callback on the writer thread; its failure must not stop the writer."""
    if callback is None:
        return
    try:
        callback(value)
    except Exception:  # a callback bug must not stop the writer
        traceback.print_exc(file=sys.stderr)


class LogWriter:
    """Appends events to a stage log on a writer thread; acknowledges each once it is on disk.

    Make one with :meth:`create` (a new log: header written and on disk before it returns) or
    :meth:`open_existing` (append to a log, e.g. to resume after a crash). `append(event)` takes
    an event whose instant was read before anything else and returns at once a Future that
    resolves to the event's seq when it is durable. Callbacks run on the writer thread: a UI must
    hand them over to its own thread (a Qt signal does).

    Each event is one line written with one ``os.write``; when several events wait, each is
    written in turn and one flush to disk covers them all before any is acknowledged.

    On a failed write the writer calls `on_alarm(message)`, keeps `alarm` set to that message,
    keeps every event in memory in order and retries every `retry_interval_s` (or at once on
    `retry_now()`); when the disk takes them again it calls `on_alarm(None)`. If the log file was
    removed or replaced, it is rebuilt at its path from the writer's own copy of every line (or,
    if another file now sits there, next to it as ``NAME.recovered-N.mmlog``; `path` then says
    where the log went) and `on_notice(message)` says so.
    """

    def __init__(
        self,
        path: Path,
        fd: int,
        history: list[bytes],
        last_seq: int,
        *,
        on_alarm: AlarmCallback | None = None,
        on_durable: DurableCallback | None = None,
        on_notice: NoticeCallback | None = None,
        retry_interval_s: float = 1.0,
        ops: FileOps | None = None,
    ) -> None:
        """Use :meth:`create` or :meth:`open_existing`."""
        self._path = path
        self._fd: int | None = fd
        self._ops = ops or FileOps()
        self._history = history  # every line known durable, in order: the rebuild source
        self._last_seq = last_seq  # the last seq accepted by append()
        self._durable_seq = last_seq
        self._on_alarm = on_alarm
        self._on_durable = on_durable
        self._on_notice = on_notice
        self._retry_interval_s = retry_interval_s
        self._queue: deque[_Pending] = deque()
        self._cond = threading.Condition()
        self._alarm: str | None = None
        self._notices: list[str] = []
        self._failures = 0
        self._rebuilds = 0
        self._closing = False
        self._stopped = False
        self._kick = False
        self._thread = threading.Thread(target=self._run, name="mmtimer-log-writer", daemon=True)
        self._thread.start()

    # -- opening ---------------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: str | Path,
        header: Header,
        *,
        on_alarm: AlarmCallback | None = None,
        on_durable: DurableCallback | None = None,
        on_notice: NoticeCallback | None = None,
        retry_interval_s: float = 1.0,
        ops: FileOps | None = None,
    ) -> LogWriter:
        """Create a new log (never overwrites a file: FileExistsError) with its header on disk.

        Raises OSError when the file cannot be created or the header cannot be written: the
        caller should pick another place before the stage starts.
        """
        path = Path(path)
        ops = ops or FileOps()
        line = header_line(header)
        fd = ops.open_append(path, create=True)
        try:
            if not _lock(fd):
                raise LogLockedError(errno.EAGAIN, "the log is open in another mmtimer", str(path))
            view = memoryview(line)
            while view:
                view = view[ops.write(fd, view) :]
            ops.flush_to_disk(fd)
            _fsync_directory(path.parent)
        except BaseException:
            ops.close(fd)
            with contextlib.suppress(OSError):
                path.unlink()
            raise
        return cls(
            path,
            fd,
            [line],
            0,
            on_alarm=on_alarm,
            on_durable=on_durable,
            on_notice=on_notice,
            retry_interval_s=retry_interval_s,
            ops=ops,
        )

    @classmethod
    def open_existing(
        cls,
        path: str | Path,
        *,
        check: Callable[[LogContents], object] | None = None,
        on_alarm: AlarmCallback | None = None,
        on_durable: DurableCallback | None = None,
        on_notice: NoticeCallback | None = None,
        retry_interval_s: float = 1.0,
        ops: FileOps | None = None,
    ) -> tuple[LogWriter, LogContents]:
        """Open a log to append to it (resume). Returns the writer and what the log held.

        Nothing is changed until the log has been read whole and `check(contents)` (the caller's
        own test, e.g. that the header's stage and rules can be used) has returned: a log refused
        by either stays exactly as it was, and nothing is written beside it. Then a torn last
        line is kept aside (``NAME.torn-N``, see :func:`read_log`) and cut from the log so that
        the next event starts on a line of its own: it was never acknowledged, and its bytes are
        kept in the side file. This is the one case where the program shortens a log, and only
        by bytes it has just saved next to it. Raises InputError for a log that does not read
        cleanly, LogLockedError when another mmtimer writes it, and whatever `check` raises.
        """
        path = Path(path)
        ops = ops or FileOps()
        try:
            fd = ops.open_append(path, create=False)
        except OSError as exc:
            raise InputError(
                path,
                Text(QT_TRANSLATE_NOOP("Errors", "cannot open the log: %1"), exc.strerror or exc),
            ) from None
        try:
            if not _lock(fd):
                raise LogLockedError(errno.EAGAIN, "the log is open in another mmtimer", str(path))
            data = read_log_bytes(path)
            parsed, torn = parse_log_bytes(data, str(path))
            contents = _with_path(path, parsed)
            if check is not None:
                check(contents)
            if torn is not None:
                contents = _keep_aside(contents, torn)
                if contents.torn_path is None:
                    raise InputError(
                        path,
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "the last line is cut short and could not be kept aside; resume "
                            "refused so that nothing is lost",
                        ),
                    )
                os.ftruncate(fd, contents.valid_length)
                ops.flush_to_disk(fd)
        except BaseException:
            ops.close(fd)
            raise
        writer = cls(
            path,
            fd,
            [data[: contents.valid_length]],
            contents.last_seq,
            on_alarm=on_alarm,
            on_durable=on_durable,
            on_notice=on_notice,
            retry_interval_s=retry_interval_s,
            ops=ops,
        )
        return writer, contents

    # -- the public face ------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        """Where the log is (it moves only if a rebuild found another file at the old path)."""
        with self._cond:
            return self._path

    @property
    def alarm(self) -> str | None:
        """The message to show while events are not reaching the disk; None when all is well."""
        with self._cond:
            return self._alarm

    @property
    def notices(self) -> tuple[str, ...]:
        """Things the user should know that did not lose anything (e.g. a rebuilt log file)."""
        with self._cond:
            return tuple(self._notices)

    @property
    def last_seq(self) -> int:
        """The seq of the last event appended (durable or not)."""
        with self._cond:
            return self._last_seq

    @property
    def durable_seq(self) -> int:
        """The highest seq known to be on disk (every event up to it is)."""
        with self._cond:
            return self._durable_seq

    def stats(self) -> WriterStats:
        with self._cond:
            return WriterStats(
                self._durable_seq, len(self._queue), self._failures, self._rebuilds, self._path
            )

    def log_bytes(self) -> bytes:
        """The whole log as it should be on disk: every durable line (the header first), then
        every line still queued, in order. What a copy elsewhere must hold when the disk fails."""
        with self._cond:
            return b"".join([*self._history, *(p.line for p in self._queue)])

    def append(self, event: Event) -> Future[int]:
        """Queue `event` for the disk; the Future gives its seq once it is durable.

        `event.seq` must be one more than the last event's (ValueError otherwise: nothing is
        queued). Never blocks on I/O.
        """
        line = event_line(event)
        future: Future[int] = Future()
        with self._cond:
            if self._closing:
                raise LogWriterClosedError("the log writer is closed")
            if event.seq != self._last_seq + 1:
                raise ValueError(f"event seq {event.seq} must follow {self._last_seq}")
            self._last_seq = event.seq
            self._queue.append(_Pending(line, event.seq, future))
            self._cond.notify_all()
        return future

    def retry_now(self) -> None:
        """Retry a failed write at once (e.g. after the user freed space)."""
        with self._cond:
            self._kick = True
            self._cond.notify_all()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every appended event is durable; False if `timeout` ran out first."""
        with self._cond:
            return self._cond.wait_for(lambda: self._durable_seq >= self._last_seq, timeout)

    def settle(self, timeout: float | None = None) -> bool:
        """Wait until every appended event is durable, or until a write attempted from now on
        fails, whichever comes first (at most `timeout`); True when all is durable. A failed
        write is retried at once rather than after `retry_interval_s`. A window
        that must not freeze on a failing disk waits with this: a refused write answers at once,
        where `flush` would wait out the whole timeout."""
        with self._cond:
            failures = self._failures
            self._kick = True  # a writer waiting to retry tries again now
            self._cond.notify_all()
            self._cond.wait_for(
                lambda: self._durable_seq >= self._last_seq or self._failures > failures, timeout
            )
            return self._durable_seq >= self._last_seq

    def close(
        self,
        closing_event: Event | None = None,
        timeout: float | None = None,
        *,
        until_failure: bool = False,
    ) -> bool:
        """Append `closing_event` (normally a ``close`` event), wait until all is durable, and
        stop. Returns False, leaving the writer running and retrying, if `timeout` ran out first
        (the caller must not quit then: events are still only in memory), or with
        `until_failure` as soon as a write fails (see `settle`)."""
        if closing_event is not None:
            self.append(closing_event)
        if not (self.settle(timeout) if until_failure else self.flush(timeout)):
            return False
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._thread.join()
        return True

    # -- the writer thread ----------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._closing:
                    self._cond.wait()
                if not self._queue:  # closing, and everything is on disk
                    self._stopped = True
                    fd, self._fd = self._fd, None
                    self._cond.notify_all()
                    break
                batch = list(self._queue)
            try:
                self._write_batch(batch)
            except Exception as exc:  # the writer thread must never die
                self._failed(exc)
                with self._cond:
                    self._cond.wait_for(lambda: self._kick, self._retry_interval_s)
                    self._kick = False
                continue
            self._succeeded(batch)
        if fd is not None:
            with contextlib.suppress(OSError):
                self._ops.close(fd)

    def _write_batch(self, batch: list[_Pending]) -> None:
        """Write each pending line with one write (finishing a short one), flush to disk once,
        and check that the path still names the file written. Raises OSError on failure."""
        for attempt in range(2):
            if self._fd is None or not self._ops.same_file(self._fd, self._path):
                self._rebuild(batch)
            assert self._fd is not None
            fd = self._fd
            for pending in batch:
                while pending.done_bytes < len(pending.line):
                    view = memoryview(pending.line)[pending.done_bytes :]
                    pending.done_bytes += self._ops.write(fd, view)
            self._ops.flush_to_disk(fd)
            if self._ops.same_file(fd, self._path):
                return
            if attempt == 0:
                continue  # removed or replaced meanwhile: rebuild and write again
        raise OSError(errno.ENOENT, "the log file keeps disappearing", str(self._path))

    def _rebuild(self, batch: list[_Pending]) -> None:
        """Write every durable line into a new file at the log's path (or next to it if another
        file is there now), then switch to it; the batch is written there afresh."""
        old_path = self._path
        tmp = old_path.with_name(f"{old_path.name}.rebuild-tmp")
        with contextlib.suppress(OSError):
            tmp.unlink()
        fd = self._ops.open_append(tmp, create=True)
        try:
            for chunk in self._history:
                view = memoryview(chunk)
                while view:
                    view = view[self._ops.write(fd, view) :]
            self._ops.flush_to_disk(fd)
            target = old_path
            if os.path.lexists(target):
                target = self._free_recovery_path(old_path)
            try:
                os.link(tmp, target)  # a link never replaces a file that appeared meanwhile
                tmp.unlink()
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.ENOSYS):
                    raise
                os.rename(tmp, target)  # FAT and some others have no links: checked just above
            _fsync_directory(target.parent)
            _lock(fd)
        except BaseException:
            self._ops.close(fd)
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        old_fd = self._fd
        where = "at its place" if target == old_path else f"as {target}"
        notice = (
            f"The stage log {old_path} was removed or replaced: rebuilt {where} "
            "from the copy in memory; nothing was lost."
        )
        with self._cond:
            self._fd = fd
            self._path = target
            self._rebuilds += 1
            self._notices.append(notice)
        for pending in batch:
            pending.done_bytes = 0
        if old_fd is not None:
            with contextlib.suppress(OSError):
                self._ops.close(old_fd)
        _call_safely(self._on_notice, notice)

    @staticmethod
    def _free_recovery_path(path: Path) -> Path:
        stem = path.name[: -len(LOG_SUFFIX)] if path.name.endswith(LOG_SUFFIX) else path.name
        for number in range(1, 10_000):
            candidate = path.with_name(f"{stem}.recovered-{number}{LOG_SUFFIX}")
            if not os.path.lexists(candidate):
                return candidate
        raise OSError(errno.EEXIST, "no free name for the recovered log", str(path))

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, OSError):
            reason = "the disk is full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
        else:
            reason = f"{type(exc).__name__}: {exc}"
        with self._cond:
            self._failures += 1
            pending = len(self._queue)
            message = (
                f"The stage log is not being saved ({reason}: {self._path}). "
                f"{pending} event{'s' if pending != 1 else ''} kept in memory; retrying."
            )
            changed = message != self._alarm
            self._alarm = message
            self._cond.notify_all()  # a `settle` waiting for this attempt
        if changed:
            _call_safely(self._on_alarm, message)

    def _succeeded(self, batch: list[_Pending]) -> None:
        with self._cond:
            for _ in batch:
                self._queue.popleft()
            self._history.extend(p.line for p in batch)
            self._durable_seq = batch[-1].seq
            cleared = self._alarm is not None
            self._alarm = None
            self._cond.notify_all()
        for pending in batch:
            with contextlib.suppress(InvalidStateError):  # a caller may have cancelled it
                pending.future.set_result(pending.seq)
            _call_safely(self._on_durable, pending.seq)
        if cleared:
            _call_safely(self._on_alarm, None)
