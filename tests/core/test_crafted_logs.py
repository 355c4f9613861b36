"""Crafted and damaged logs (issue 17): huge numbers are refused by line, and a resume that is
refused leaves the log and its folder exactly as they were."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mmtimer.core.crew import Crew
from mmtimer.core.errors import InputError
from mmtimer.core.logfile import (
    MAX_LINE_BYTES,
    MAX_NS,
    MAX_SEQ,
    LogStream,
    LogWriter,
    event_line,
    parse_log_bytes,
    read_log,
)
from mmtimer.core.rules import load_rules
from mmtimer.core.session import LiveSession
from mmtimer.core.stage import load_stage
from mmtimer.paths import resource

STAGE = resource("stages", "mille-miglia-day1.stage.toml")
UTC0 = datetime(2026, 5, 13, 8, 0, tzinfo=UTC)
S = 1_000_000_000


def write_log(path: Path, presses: int = 2) -> Path:
    stage = load_stage(STAGE)
    session, writer = LiveSession.start_log(
        path, stage, load_rules(stage.rules), Crew(number=7), created=UTC0
    )
    for n in range(presses):
        session.press((10 + n) * S, utc=UTC0)
    assert writer.close(timeout=5)
    return path


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def resume(path: Path) -> None:
    _session, writer = LiveSession.resume_log(path, now_ns=100 * S, utc_now=UTC0)
    writer.close(timeout=5)


# -- item 2: a seq (or any number) of thousands of digits --------------------------------------
@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        (b'"seq":2,', b'"seq":' + b"9" * 4300 + b",", "seq"),
        (b'"seq":2,', b'"seq":' + str(MAX_SEQ + 1).encode() + b",", "seq"),
        (b'"line":2,', b'"line":' + b"9" * 4000 + b",", "line"),
        (b'"t_ns":11000000000', b'"t_ns":' + str(MAX_NS + 1).encode(), "t_ns"),
        (b'"t_ns":11000000000', b'"t_ns":-' + b"9" * 4300, "t_ns"),
    ],
)
def test_a_log_with_a_huge_number_is_refused_at_its_line_and_not_resumed(
    tmp_path: Path, old: bytes, new: bytes, key: str
) -> None:
    log = write_log(tmp_path / "out.mmlog")
    data = log.read_bytes()
    head, last = data.rstrip(b"\n").rsplit(b"\n", 1)
    assert old in last
    log.write_bytes(head + b"\n" + last.replace(old, new) + b"\n")
    before = files_in(tmp_path)
    with pytest.raises(InputError) as caught:
        read_log(log)
    assert str(caught.value).startswith(f"{log}:3: {key}: ")
    assert "out of range" in str(caught.value) and len(str(caught.value)) < 200
    with pytest.raises(InputError):
        resume(log)
    assert files_in(tmp_path) == before


def test_a_huge_number_inside_another_event_or_the_header_is_refused(tmp_path: Path) -> None:
    log = write_log(tmp_path / "out.mmlog")
    huge = int("9" * 4300)
    resume_line = json.dumps(
        {"type": "resume", "seq": 3, "t_ns": 12 * S, "clock": "continued", "offset_ns": 1}
    ).replace('"offset_ns": 1', f'"offset_ns": {huge}')
    with log.open("a", encoding="utf-8") as file:
        file.write(resume_line + "\n")
    with pytest.raises(InputError) as caught:
        read_log(log)
    assert str(caught.value).startswith(f"{log}:4: offset_ns: ")
    header, rest = log.read_bytes().split(b"\n", 1)
    obj = json.loads(header)
    obj["crew"]["year"] = huge
    log.write_bytes(json.dumps(obj).encode() + b"\n" + rest)
    with pytest.raises(InputError) as caught:
        read_log(log)
    assert str(caught.value).startswith(f"{log}:1: crew.year: ")


def test_the_largest_numbers_a_log_may_hold_round_trip(tmp_path: Path) -> None:
    log = write_log(tmp_path / "out.mmlog", presses=0)
    line = {"type": "note", "seq": 1, "t_ns": MAX_NS, "text": "x", "n": -MAX_NS}
    with log.open("a", encoding="utf-8") as file:
        file.write(json.dumps(line) + "\n")
    contents = read_log(log)
    assert contents.events[0].t_ns == MAX_NS
    assert event_line(contents.events[0]).decode() == json.dumps(line, separators=(",", ":")) + (
        "\n"
    )


# -- item 5: validate before the torn tail is cut -----------------------------------------------
def test_a_resume_refused_for_its_header_leaves_a_torn_log_and_its_folder_alone(
    tmp_path: Path,
) -> None:
    log = write_log(tmp_path / "out.mmlog")
    header, rest = log.read_bytes().split(b"\n", 1)
    obj = json.loads(header)
    obj["stage"]["rules"] = "gone.rules.toml"  # not built in, not embedded, not beside the log
    log.write_bytes(json.dumps(obj).encode() + b"\n" + rest + b'{"type":"pass","seq":3,"t_')
    before = files_in(tmp_path)
    with pytest.raises(InputError, match="give the rules explicitly"):
        resume(log)
    assert files_in(tmp_path) == before  # not cut, no torn-N file beside it
    with pytest.raises(KeyError):  # whatever the caller's check raises refuses the log
        LogWriter.open_existing(log, check=lambda contents: contents.header.stage["nope"])
    assert files_in(tmp_path) == before


def test_a_resume_that_is_accepted_still_keeps_the_torn_tail_aside(tmp_path: Path) -> None:
    log = write_log(tmp_path / "out.mmlog")
    torn = b'{"type":"pass","seq":3,"t_'
    with log.open("ab") as file:
        file.write(torn)
    resume(log)
    assert (tmp_path / "out.mmlog.torn-1").read_bytes() == torn
    contents = read_log(log)
    assert contents.torn_tail is None and contents.events[-1].type == "resume"


# -- item 11: waiting on a failing disk ends at the first refused write --------------------------
def test_settle_answers_at_the_first_failed_write_and_close_can_too(tmp_path: Path) -> None:
    import errno
    import time

    from tests.core.test_logfile import HEADER, FaultyOps, passes

    ops = FaultyOps()
    writer = LogWriter.create(tmp_path / "a.mmlog", HEADER, ops=ops, retry_interval_s=3600)
    ops.fail_write = errno.ENOSPC
    for event in passes(1, 2):
        writer.append(event)
    started = time.monotonic()
    assert not writer.settle(timeout=30)  # the disk refused: no need to wait 30 s
    assert not writer.settle(timeout=30)  # again: the waiting retry is made at once
    assert not writer.close(timeout=30, until_failure=True)
    assert time.monotonic() - started < 10
    assert writer.alarm is not None and "full" in writer.alarm
    ops.fail_write = None
    assert writer.settle(timeout=10)  # the retry it asks for now succeeds
    assert writer.close(timeout=10, until_failure=True)
    assert [e.seq for e in read_log(tmp_path / "a.mmlog").events] == [1, 2]


# -- item 4: logs are read as a stream; absurd sizes are refused before they are read ----------
def test_a_stream_and_the_whole_bytes_read_the_same(tmp_path: Path, monkeypatch: Any) -> None:
    from mmtimer.core import logfile

    monkeypatch.setattr(logfile, "_CHUNK", 7)  # lines cut across reads everywhere
    log = write_log(tmp_path / "out.mmlog", presses=5)
    data = log.read_bytes()
    for variant in (
        data,
        b"\xef\xbb\xbf" + data,
        data + b"\n\n",
        data + b'{"type":"pass","se',
        data + b"\x00\x00\x00\n",
        data.replace(b"\n", b"\r\n"),
    ):
        path = tmp_path / "v.mmlog"
        path.write_bytes(variant)
        whole, torn = parse_log_bytes(variant, str(path))
        streamed = read_log(path, keep_torn=False)
        assert streamed == dataclasses.replace(whole, path=path)
        assert (streamed.torn_tail is None) == (torn is None)


@given(st.binary(max_size=300), st.integers(1, 40))
@settings(max_examples=150, deadline=None)
def test_any_bytes_stream_as_they_parse(tail: bytes, chunk: int) -> None:
    import tempfile

    from mmtimer.core import logfile

    head = (
        b'{"type":"header","format":"mmtimer-log/1","app":"a","created":"c","stage":{},"crew":{}}\n'
    )
    for data in (tail, head + tail):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "x.mmlog"
            path.write_bytes(data)
            old = logfile._CHUNK
            logfile._CHUNK = chunk
            try:
                try:
                    expected: object = dataclasses.replace(
                        parse_log_bytes(data, str(path))[0], path=path
                    )
                except InputError as error:
                    expected = str(error)
                try:
                    got: object = read_log(path, keep_torn=False)
                except InputError as error:
                    got = str(error)
            finally:
                logfile._CHUNK = old
            assert got == expected


@pytest.mark.skipif(sys.platform == "win32", reason="devices and FIFOs are POSIX")
def test_a_device_or_a_pipe_is_not_a_log(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.mmlog"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), fifo, tmp_path):
        with pytest.raises(InputError) as caught:
            read_log(path)
        assert str(caught.value).startswith(f"{path}: ")


def test_a_log_too_big_or_a_line_too_long_is_refused_by_line(tmp_path: Path) -> None:
    log = write_log(tmp_path / "out.mmlog")
    with pytest.raises(InputError, match="larger than any stage log"):
        LogStream(log, max_bytes=100)
    with log.open("ab") as file:
        file.write(b'{"type":"note","seq":3,"text":"' + b"x" * (MAX_LINE_BYTES + 10) + b'"}\n')
    with pytest.raises(InputError) as caught:
        read_log(log)
    assert str(caught.value).startswith(f"{log}:4: a line of more than 1,048,576 bytes")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS")
def test_a_huge_sparse_file_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.mmlog"
    with big.open("wb") as file:
        file.truncate(2 * 1024**3)  # 2 GB of zeros, no newline: costs no disk
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (400 * 2**20, 400 * 2**20))\n"
        "from mmtimer.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "export", str(big)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert (
        done.stderr
        == f"mmtimer export: {big}:1: a line of more than 33,554,432 bytes: not a stage log line\n"
    )
