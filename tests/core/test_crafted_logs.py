"""Crafted and damaged logs (issue 17): huge numbers are refused by line, and a resume that is
refused leaves the log and its folder exactly as they were."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mmtimer.core.crew import Crew
from mmtimer.core.errors import InputError
from mmtimer.core.logfile import MAX_NS, MAX_SEQ, LogWriter, event_line, read_log
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
