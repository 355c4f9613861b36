"""Stage logs: the line codec, the reader's answers to damaged files, and the writer's promises."""

from __future__ import annotations

import errno
import json
import os
import threading
from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mmtimer.core.chrono import ChronoAction
from mmtimer.core.errors import InputError
from mmtimer.core.events import LOG_FORMAT, Chrono, Event, Header, Other, Pass, Sync, Void
from mmtimer.core.logfile import (
    FileOps,
    LogLockedError,
    LogWriter,
    LogWriterClosedError,
    event_from_json,
    event_line,
    format_official,
    parse_log_bytes,
    parse_utc_stamp,
    read_log,
    utc_stamp,
)

WAIT = 10.0  # seconds a test waits for the writer thread at most (it normally takes < 1 ms)

HEADER = Header(
    format=LOG_FORMAT,
    app="mmtimer 0.1.0",
    created="2026-05-13T07:58:12.120Z",
    stage={"format": "mmtimer-stage/1", "name": "Test", "rules": "aci-2021", "section": []},
    crew={"number": 112, "driver": "Àlfa Ünd", "coefficient": "1.80"},
)


def header_text() -> str:
    return json.dumps(
        {
            "type": "header",
            "format": LOG_FORMAT,
            "app": "mmtimer 0.1.0",
            "created": "2026-05-13T07:58:12.120Z",
            "stage": {},
            "crew": {},
        },
        separators=(",", ":"),
    )


def write_log(path: Path, *lines: str, end: str = "\n") -> bytes:
    data = ("\n".join([header_text(), *lines]) + end).encode()
    path.write_bytes(data)
    return data


PASS_1 = '{"type":"pass","seq":1,"t_ns":100,"section":"PC1","line":1,"source":"key:Space"}'
PASS_2 = '{"type":"pass","seq":2,"t_ns":200,"section":"PC1","line":2,"source":"key:Space"}'


# -- the codec ---------------------------------------------------------------------------------
def test_lines_are_exactly_as_formats_md_shows() -> None:
    sync = Sync(1, 0, 10 * 3_600_000 + 41 * 60_000, "2026-05-13T08:41:00.004Z", "manual")
    assert event_line(sync) == (
        b'{"type":"sync","seq":1,"t_ns":0,"official":"10:41:00.00",'
        b'"utc":"2026-05-13T08:41:00.004Z","source":"manual"}\n'
    )
    assert event_line(Pass(3, 611250000000, "PC1", 1, None, "key:Space")) == (
        b'{"type":"pass","seq":3,"t_ns":611250000000,"section":"PC1","line":1,'
        b'"source":"key:Space"}\n'
    )
    assert event_line(Void(5, 4, "double press")) == (
        b'{"type":"void","seq":5,"ref":4,"reason":"double press"}\n'
    )
    assert event_line(Chrono(6, 7, ChronoAction.START)) == (
        b'{"type":"chrono","seq":6,"t_ns":7,"action":"start"}\n'
    )


def test_official_time_keeps_a_thousandth_when_there_is_one() -> None:
    assert format_official(38_460_000) == "10:41:00.00"
    assert format_official(38_460_123) == "10:41:00.123"
    with pytest.raises(ValueError, match="within one day"):
        format_official(86_400_000)


def test_utc_stamps_round_trip_to_the_millisecond() -> None:
    moment = datetime(2026, 5, 13, 8, 41, 0, 4321, tzinfo=UTC)
    assert utc_stamp(moment) == "2026-05-13T08:41:00.004Z"
    assert parse_utc_stamp("2026-05-13T08:41:00.004Z") == moment.replace(microsecond=4000)
    with pytest.raises(ValueError):
        utc_stamp(datetime(2026, 5, 13))


texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
seqs = st.integers(1, 10**9)
instants = st.integers(-(2**62), 2**62)
utcs = st.none() | st.just("2026-05-13T08:41:00.004Z")
events: st.SearchStrategy[Event] = st.one_of(
    st.builds(Sync, seqs, instants, st.integers(0, 86_399_999), utcs, texts),
    st.builds(Pass, seqs, instants, texts, st.integers(1, 99), utcs, texts),
    st.builds(Void, seqs, seqs, texts),
    st.builds(Chrono, seqs, instants, st.sampled_from(list(ChronoAction)), utcs),
    st.builds(
        Other,
        seqs,
        st.sampled_from(["note", "resume", "close", "x-future"]),
        st.dictionaries(
            texts.filter(lambda k: k not in ("type", "seq", "t_ns")),
            # whole numbers beyond 64 bits are refused by the reader (MAX_NS), by design
            st.none() | st.booleans() | st.integers(-(2**63 - 1), 2**63 - 1) | texts,
            max_size=3,
        ),
        st.none() | instants,
    ),
)


@given(events)
def test_every_event_round_trips_through_its_line(event: Event) -> None:
    line = event_line(event)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert event_from_json(json.loads(line)) == event


def test_a_bad_event_names_line_and_key() -> None:
    with pytest.raises(InputError, match=r"^x.mmlog:7: line: 0 is below 1$"):
        event_from_json(
            {"type": "pass", "seq": 3, "t_ns": 1, "section": "A", "line": 0}, "x.mmlog", 7
        )
    with pytest.raises(InputError, match=r"x.mmlog:2: t_ns: '12' is not an integer"):
        event_from_json({"type": "chrono", "seq": 3, "t_ns": "12", "action": "start"}, "x.mmlog", 2)
    with pytest.raises(InputError, match=r"action: 'go' is not one of start, stop"):
        event_from_json({"type": "chrono", "seq": 3, "t_ns": 1, "action": "go"}, "x.mmlog", 2)
    with pytest.raises(InputError, match=r"official: .*not a time of day"):
        event_from_json({"type": "sync", "seq": 1, "t_ns": 1, "official": "25h"}, "x.mmlog", 2)
    with pytest.raises(InputError, match=r"seq: missing"):
        event_from_json({"type": "void", "ref": 1}, "x.mmlog", 2)


# -- reading -----------------------------------------------------------------------------------
def test_a_clean_log_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    write_log(path, PASS_1, PASS_2)
    contents = read_log(path)
    assert [e.seq for e in contents.events] == [1, 2]
    assert contents.problems == () and contents.torn_tail is None
    assert contents.valid_length == path.stat().st_size
    assert not contents.closed


def test_a_torn_last_line_is_reported_kept_aside_and_the_log_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    data = write_log(path, PASS_1, '{"type":"pass","seq":2,"t_ns":2', end="")
    before = path.stat()
    contents = read_log(path)
    assert [e.seq for e in contents.events] == [1]
    assert contents.torn_tail == '{"type":"pass","seq":2,"t_ns":2'
    assert contents.torn_path == tmp_path / "a.mmlog.torn-1"
    assert contents.torn_path.read_bytes() == b'{"type":"pass","seq":2,"t_ns":2'
    assert contents.problems == (
        f"{path}:3: last line cut short (crash or power loss): ignored; "
        "its 31 bytes are kept in a.mmlog.torn-1",
    )
    assert path.read_bytes() == data and path.stat().st_mtime_ns == before.st_mtime_ns
    # reading again keeps the same tail once, not a second copy
    assert read_log(path).torn_path == contents.torn_path
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.mmlog", "a.mmlog.torn-1"]


def test_a_complete_last_line_that_is_not_json_counts_as_torn(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    write_log(path, PASS_1, "\0\0\0\0")  # power loss: zeros where the last line should be
    contents = read_log(path, keep_torn=False)
    assert [e.seq for e in contents.events] == [1]
    assert contents.torn_tail == "\0\0\0\0\n" and contents.torn_path is None
    assert "3: last line cut short" in contents.problems[0]


def test_garbage_in_the_middle_is_an_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    data = write_log(path, PASS_1, '{"type":"pass",oops}', PASS_2)
    with pytest.raises(InputError) as caught:
        read_log(path)
    assert str(caught.value).startswith(f"{path}:3: not a valid JSON line (")
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.mmlog"]


def test_an_unknown_event_type_is_kept_as_other_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    write_log(
        path,
        PASS_1,
        '{"type":"lap-marker","seq":2,"t_ns":5,"colour":"red"}',
        PASS_2.replace('"seq":2', '"seq":3'),
    )
    contents = read_log(path)
    assert contents.events[1] == Other(2, "lap-marker", {"colour": "red"}, 5)
    assert contents.problems == (
        f"{path}:3: event type 'lap-marker' is unknown to this version: kept and skipped",
    )


def test_seq_that_jumps_is_reported_and_seq_that_falls_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    write_log(path, PASS_1, PASS_2.replace('"seq":2', '"seq":5'))
    assert read_log(path).problems == (
        f"{path}:3: seq jumps from 1 to 5: 3 events missing (edited or damaged log)",
    )
    write_log(path, PASS_1, PASS_2.replace('"seq":2', '"seq":1'))
    with pytest.raises(InputError, match=r":3: seq: 1 does not rise after 1"):
        read_log(path)


@pytest.mark.parametrize(
    ("first_line", "message"),
    [
        ("", r"empty log: no header line"),
        (PASS_1, r":1: type: the first line must be the header"),
        (
            header_text().replace(LOG_FORMAT, "mmtimer-log/9"),
            r":1: format: 'mmtimer-log/9' is not a log format this program reads",
        ),
        (header_text().replace('"stage":{}', '"stage":3'), r":1: stage: missing or not a JSON"),
        ("[1, 2]", r":1: not a JSON object"),
    ],
)
def test_a_bad_header_is_refused(tmp_path: Path, first_line: str, message: str) -> None:
    path = tmp_path / "a.mmlog"
    path.write_text(first_line + "\n" if first_line else "")
    with pytest.raises(InputError, match=message):
        read_log(path)


def test_a_second_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    write_log(path, PASS_1, header_text(), PASS_2)
    with pytest.raises(InputError, match=r":3: type: a second header"):
        read_log(path)


def test_a_bom_and_crlf_line_ends_are_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    path.write_bytes(b"\xef\xbb\xbf" + f"{header_text()}\r\n{PASS_1}\r\n".encode())
    contents = read_log(path)
    assert len(contents.events) == 1 and contents.problems == ()
    assert contents.valid_length == path.stat().st_size


def test_a_missing_log_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"cannot read the log"):
        read_log(tmp_path / "nope.mmlog")


@settings(max_examples=200)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_give_contents_or_a_clean_error(data: bytes) -> None:
    for candidate in (data, header_text().encode() + b"\n" + data):
        try:
            parse_log_bytes(candidate, "x.mmlog")
        except InputError as exc:
            assert str(exc).startswith("x.mmlog")


# -- writing -----------------------------------------------------------------------------------
def passes(first: int, count: int) -> list[Pass]:
    return [Pass(seq, seq * 1000, "PC1", 1) for seq in range(first, first + count)]


def test_the_writer_acknowledges_each_event_once_it_is_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    acked: list[int] = []
    writer = LogWriter.create(path, HEADER, on_durable=acked.append)
    assert read_log(path).header == HEADER  # the header is on disk before create returns
    futures = [writer.append(p) for p in passes(1, 50)]
    assert [f.result(WAIT) for f in futures] == list(range(1, 51))
    assert writer.durable_seq == 50
    assert read_log(path).events == tuple(passes(1, 50))
    assert writer.close(Other(51, "close", {}, 99), timeout=WAIT)
    assert acked == list(range(1, 52))
    assert read_log(path).closed
    with pytest.raises(LogWriterClosedError):
        writer.append(Pass(52, 1, "PC1", 1))


def test_the_writer_refuses_a_seq_out_of_order_and_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    writer = LogWriter.create(path, HEADER)
    with pytest.raises(ValueError, match="seq 2 must follow 0"):
        writer.append(Pass(2, 1, "PC1", 1))
    writer.append(Pass(1, 1, "PC1", 1))
    with pytest.raises(ValueError, match="seq 1 must follow 1"):
        writer.append(Pass(1, 1, "PC1", 1))
    writer.close(timeout=WAIT)
    with pytest.raises(FileExistsError):
        LogWriter.create(path, HEADER)
    assert len(read_log(path).events) == 1


def test_open_existing_continues_the_seq(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    writer = LogWriter.create(path, HEADER)
    for event in passes(1, 3):
        writer.append(event)
    writer.close(timeout=WAIT)
    writer, contents = LogWriter.open_existing(path)
    assert contents.last_seq == 3 and writer.last_seq == 3
    writer.append(Other(4, "resume", {"clock": "continued"}, 5000)).result(WAIT)
    writer.close(timeout=WAIT)
    assert [e.seq for e in read_log(path).events] == [1, 2, 3, 4]


def test_resuming_a_torn_log_keeps_the_tail_aside_and_starts_a_clean_line(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    write_log(path, PASS_1, '{"type":"pass","se', end="")
    writer, contents = LogWriter.open_existing(path)
    assert contents.torn_tail == '{"type":"pass","se'
    assert (tmp_path / "a.mmlog.torn-1").read_bytes() == b'{"type":"pass","se'
    writer.append(Pass(2, 200, "PC1", 2)).result(WAIT)
    writer.close(timeout=WAIT)
    again = read_log(path)
    assert [e.seq for e in again.events] == [1, 2] and again.problems == ()


@pytest.mark.skipif(os.name == "nt", reason="flock")
def test_a_log_being_written_cannot_be_opened_by_a_second_writer(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    writer = LogWriter.create(path, HEADER)
    with pytest.raises(LogLockedError):
        LogWriter.open_existing(path)
    writer.close(timeout=WAIT)
    LogWriter.open_existing(path)[0].close(timeout=WAIT)


class FaultyOps(FileOps):
    """Real file operations, with failures switched on and off by the test."""

    def __init__(self) -> None:
        self.fail_write: int | None = None  # errno to raise on every write
        self.fail_open: int | None = None
        self.short_writes = 0  # how many next writes write only half
        self.writes = 0

    def write(self, fd: int, data: bytes | memoryview) -> int:
        self.writes += 1
        if self.fail_write is not None:
            raise OSError(self.fail_write, os.strerror(self.fail_write))
        if self.short_writes and len(data) > 1:
            self.short_writes -= 1
            return os.write(fd, data[: len(data) // 2])
        return super().write(fd, data)

    def open_append(self, path: Path, *, create: bool) -> int:
        if self.fail_open is not None:
            raise OSError(self.fail_open, os.strerror(self.fail_open), str(path))
        return super().open_append(path, create=create)


class AlarmWatch:
    """Collects alarm callbacks and lets a test wait for one (no sleeping)."""

    def __init__(self) -> None:
        self.messages: list[str | None] = []
        self._cond = threading.Condition()

    def __call__(self, message: str | None) -> None:
        with self._cond:
            self.messages.append(message)
            self._cond.notify_all()

    def wait_for(self, count: int) -> None:
        with self._cond:
            assert self._cond.wait_for(lambda: len(self.messages) >= count, WAIT)


def test_a_full_disk_raises_the_alarm_keeps_events_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    ops = FaultyOps()
    alarms = AlarmWatch()
    writer = LogWriter.create(path, HEADER, ops=ops, on_alarm=alarms, retry_interval_s=3600)
    writer.append(Pass(1, 1, "PC1", 1)).result(WAIT)
    ops.fail_write = errno.ENOSPC
    pending = [writer.append(p) for p in passes(2, 5)]
    alarms.wait_for(1)
    assert alarms.messages[0] is not None and "the disk is full" in alarms.messages[0]
    assert writer.alarm == alarms.messages[0]
    assert not any(f.done() for f in pending)
    assert [e.seq for e in read_log(path).events] == [1]
    ops.fail_write = None
    ops.short_writes = 2  # the disk takes the next lines only half at a time
    writer.retry_now()
    assert [f.result(WAIT) for f in pending] == [2, 3, 4, 5, 6]
    alarms.wait_for(2)
    assert alarms.messages[-1] is None and writer.alarm is None
    assert read_log(path).events == (Pass(1, 1, "PC1", 1), *passes(2, 5))
    assert writer.stats().failures >= 1
    writer.close(timeout=WAIT)


def test_log_bytes_hold_the_durable_lines_then_the_queued_ones(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    ops = FaultyOps()
    alarms = AlarmWatch()
    writer = LogWriter.create(path, HEADER, ops=ops, on_alarm=alarms, retry_interval_s=3600)
    writer.append(Pass(1, 1, "PC1", 1)).result(WAIT)
    assert writer.log_bytes() == path.read_bytes()  # healthy: exactly the file
    ops.fail_write = errno.ENOSPC
    for event in passes(2, 3):
        writer.append(event)
    alarms.wait_for(1)
    assert [e.seq for e in read_log(path).events] == [1]  # the disk has only the first
    data = writer.log_bytes()
    assert data.startswith(path.read_bytes())  # the header and the durable event first
    contents, torn = parse_log_bytes(data)
    assert torn is None and contents.problems == ()
    assert contents.header == HEADER
    assert contents.events == (Pass(1, 1, "PC1", 1), *passes(2, 3))
    ops.fail_write = None
    writer.retry_now()
    assert writer.close(timeout=WAIT)
    assert path.read_bytes() == data  # what the disk got in the end is what log_bytes said


def test_close_waits_and_reports_when_the_disk_keeps_failing(tmp_path: Path) -> None:
    ops = FaultyOps()
    writer = LogWriter.create(tmp_path / "a.mmlog", HEADER, ops=ops, retry_interval_s=3600)
    ops.fail_write = errno.EIO
    writer.append(Pass(1, 1, "PC1", 1))
    assert writer.close(Other(2, "close", {}, 2), timeout=0.05) is False
    ops.fail_write = None
    writer.retry_now()
    assert writer.close(timeout=WAIT)
    assert [e.seq for e in read_log(tmp_path / "a.mmlog").events] == [1, 2]


def test_a_removed_log_is_rebuilt_at_its_place(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    notices: list[str] = []
    writer = LogWriter.create(path, HEADER, on_notice=notices.append)
    for event in passes(1, 3):
        writer.append(event)
    writer.flush(WAIT)
    path.unlink()
    writer.append(Pass(4, 4000, "PC1", 1)).result(WAIT)
    assert read_log(path).events == tuple(passes(1, 4))
    assert writer.path == path and writer.stats().rebuilds == 1
    assert notices and "rebuilt at its place" in notices[0] and "nothing was lost" in notices[0]
    writer.close(timeout=WAIT)


def test_a_replaced_log_is_rebuilt_beside_the_other_file(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    writer = LogWriter.create(path, HEADER)
    writer.append(Pass(1, 1, "PC1", 1)).result(WAIT)
    path.unlink()
    path.write_text("someone else's file")
    writer.append(Pass(2, 2, "PC1", 2)).result(WAIT)
    assert path.read_text() == "someone else's file"
    assert writer.path == tmp_path / "a.recovered-1.mmlog"
    assert [e.seq for e in read_log(writer.path).events] == [1, 2]
    writer.close(timeout=WAIT)


def test_a_log_whose_folder_cannot_take_it_waits_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    ops = FaultyOps()
    alarms = AlarmWatch()
    writer = LogWriter.create(path, HEADER, ops=ops, on_alarm=alarms, retry_interval_s=3600)
    path.unlink()
    ops.fail_open = errno.EACCES  # e.g. the folder became read-only
    pending = writer.append(Pass(1, 1, "PC1", 1))
    alarms.wait_for(1)
    assert "Permission denied" in (writer.alarm or "")
    assert not pending.done()
    ops.fail_open = None
    writer.retry_now()
    assert pending.result(WAIT) == 1
    assert [e.seq for e in read_log(path).events] == [1]
    writer.close(timeout=WAIT)


def test_a_failing_callback_does_not_stop_the_writer(tmp_path: Path) -> None:
    def boom(seq: int) -> None:
        raise RuntimeError(f"UI bug at {seq}")

    writer = LogWriter.create(tmp_path / "a.mmlog", HEADER, on_durable=boom)
    futures: list[Future[int]] = [writer.append(p) for p in passes(1, 3)]
    assert [f.result(WAIT) for f in futures] == [1, 2, 3]
    writer.close(timeout=WAIT)


def test_each_event_knows_its_line_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    write_log(path, "", PASS_1, "  ", PASS_2.replace('"seq":2', '"seq":4'))
    contents = read_log(path)
    assert list(contents.lines) == [3, 5]  # an array of machine integers
    assert contents.line_of(1) == 3 and contents.line_of(4) == 5 and contents.line_of(2) is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (PASS_2 + " " + PASS_2, r":3: not a valid JSON line \(Extra data at column"),
        ('{"a":1},{"b":"', r":3: not a valid JSON line"),
        (PASS_2.replace('"source":"key:Space"', '"source":null'), r":3: source: must be text"),
        (PASS_2.replace('"line":2', '"line":true'), r":3: line: True is not an integer"),
        (PASS_2.replace('"seq":2', '"seq":2.0'), r":3: seq: 2.0 is not an integer"),
        ('{"type":"void","seq":2,"ref":1,"reason":null}', r":3: reason: must be text"),
        ('{"type":"void","seq":2,"ref":0}', r":3: ref: 0 is below 1"),
        ('{"seq":2,"ref":0}', r":3: type: missing or not text"),
        ('"just text"', r":3: not a JSON object"),
    ],
)
def test_a_bad_line_in_the_middle_is_named_exactly(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "a.mmlog"
    write_log(path, PASS_1, line, PASS_2.replace('"seq":2', '"seq":3'))
    with pytest.raises(InputError, match=message):
        read_log(path)


def test_lines_with_spaces_around_and_a_null_utc_are_read_as_the_slow_path_would(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.mmlog"
    write_log(path, "  " + PASS_1 + "  ", PASS_2.replace('"line":2', '"line":2,"utc":null'))
    with pytest.raises(InputError, match=r":3: utc: must be text"):
        read_log(path)
    write_log(path, "  " + PASS_1 + " \t")
    assert read_log(path).events == (Pass(1, 100, "PC1", 1, None, "key:Space"),)


def test_a_line_that_is_not_utf8_in_the_middle_is_named(tmp_path: Path) -> None:
    path = tmp_path / "a.mmlog"
    path.write_bytes(
        header_text().encode() + b"\n" + PASS_1.encode() + b"\n\xff\xfe\n" + PASS_1.encode()
    )
    with pytest.raises(InputError, match=r":3: not a valid JSON line \(not UTF-8\)"):
        read_log(path, keep_torn=False)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[" * 100_000, "nested too deeply"),
        (" " + "[" * 100_000, "nested too deeply"),
        ('{"type":"note","seq":2,"x":NaN}', "NaN is not a JSON number"),
        ('{"type":"note","seq":2,"x":-Infinity}', "-Infinity is not a JSON number"),
        ('{"type":"note","seq":2,"x":' + "9" * 5000 + "}", "integer string conversion"),
    ],
)
def test_json_that_python_would_choke_on_is_a_clean_error(
    tmp_path: Path, line: str, reason: str
) -> None:
    path = tmp_path / "a.mmlog"
    write_log(path, PASS_1, line, PASS_2)
    with pytest.raises(InputError, match=rf":3: not a valid JSON line \(.*{reason}"):
        read_log(path)


def test_a_rebuild_works_where_the_file_system_has_no_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)  # as on a FAT-formatted USB stick
    path = tmp_path / "a.mmlog"
    writer = LogWriter.create(path, HEADER)
    writer.append(Pass(1, 1, "PC1", 1)).result(WAIT)
    path.unlink()
    writer.append(Pass(2, 2, "PC1", 2)).result(WAIT)
    assert [e.seq for e in read_log(path).events] == [1, 2]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.mmlog"]
    writer.close(timeout=WAIT)
