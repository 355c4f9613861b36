"""Undo (Backspace): an ``undo`` event takes back the last action, whatever it was (FORMATS.md
section 6), live, in the log and in replay; nothing is erased."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mmtimer.core.errors import InputError
from mmtimer.core.events import Other, Pass, Sync, Void
from mmtimer.core.logfile import event_line, header_line, read_log
from mmtimer.core.replay import Replay
from mmtimer.core.rules import load_rules
from mmtimer.core.scoring import score
from mmtimer.core.session import Armed, LiveSession, SessionError, new_log_header
from mmtimer.core.stage import parse_stage
from tests.stages import CREW_7, FOUR_KINDS_TEXT, H_MS, MS, UTC0, S, four_kinds, new_session


def undo_refs(session: LiveSession) -> list[int]:
    return [e.data["ref"] for e in session.events if isinstance(e, Other) and e.type == "undo"]


def test_pass_pass_undo_undo_takes_back_both_and_arms_the_first_line_again() -> None:
    session = new_session()
    session.press(10 * S)
    session.press(25 * S)
    assert session.armed == Armed("PC1", 3)
    undo, undone = session.undo_last(26 * S)
    assert undone.seq == 2 and undo == Other(3, "undo", {"ref": 2}, 26 * S)
    assert session.armed == Armed("PC1", 2)
    _, undone = session.undo_last(27 * S)
    assert undone.seq == 1
    assert session.armed == Armed("PC1", 1)
    assert undo_refs(session) == [2, 1]
    assert session.fold.last_pass() is None
    assert len(session.events) == 4  # nothing erased
    with pytest.raises(SessionError, match="nothing to undo"):
        session.undo_last(28 * S)


def test_n_then_backspace_arms_the_skipped_line_again_and_voids_nothing() -> None:
    session = new_session()
    session.press(10 * S)  # PC1 line 1
    session.press(25 * S)  # line 2
    session.skip_line(30 * S)  # N: line 3 skipped, PC2 line 1 armed
    assert session.armed == Armed("PC2", 1)
    _, undone = session.undo_last(31 * S)
    assert isinstance(undone, Other) and undone.type == "navigate"
    assert session.armed == Armed("PC1", 3)
    assert session.fold.book.voided_seqs == set()
    assert session.fold.last_pass() == session.events[1]
    rows = session.results().rows
    assert rows[0].measured_ms == 15_000 and rows[0].notes == ()
    assert rows[1].notes == ("pending",)  # line 3 is to record again, not missed


def test_a_skipped_line_is_missed_at_once_and_the_total_counts_it() -> None:
    session = new_session()
    session.press(10 * S)
    session.press(25 * S)
    session.skip_line(30 * S)
    result = session.results()
    assert result.rows[1].notes == ("missed",) and result.rows[1].penalty == 300
    assert result.total == 300
    assert result.rows[2].notes == ("pending",)  # PC2: not reached yet


def test_a_section_choice_is_undone_back_to_the_line_it_left() -> None:
    session = new_session()
    session.press(10 * S)
    session.select_section("PM1", 2, 12 * S)
    assert session.armed == Armed("PM1", 2)
    session.undo_last(13 * S)
    assert session.armed == Armed("PC1", 2)


def test_a_sync_is_undone_and_the_one_before_it_applies_again() -> None:
    session = new_session()
    session.sync(0, 10 * H_MS)
    session.sync(10 * S, 11 * H_MS)  # a wrong jump
    assert session.official_ns(20 * S) == 11 * H_MS * MS + 10 * S
    _, undone = session.undo_last(20 * S)
    assert isinstance(undone, Sync) and undone.seq == 2
    assert session.official_ns(20 * S) == 10 * H_MS * MS + 20 * S
    assert session.fold.last_sync == session.events[0]
    session.undo_last(21 * S)
    assert session.official_ns(22 * S) is None
    assert session.fold.last_sync is None


def test_the_last_action_skips_what_cannot_be_undone_and_what_was() -> None:
    session = new_session()
    session.press(10 * S)
    session.note("a note", 11 * S)
    session.record_other("distance", {"m": 10, "source": "landmark"}, 12 * S)
    assert session.last_action() == session.events[0]
    session.void(1)  # an older log's Backspace: a void
    assert session.last_action() is None


def test_an_undo_of_a_start_press_lets_the_next_press_start_the_trial_again() -> None:
    text = FOUR_KINDS_TEXT.replace('start = "10:50:00"', 'start = "press"')
    session = new_session(parse_stage(text, "press.stage.toml"))
    session.sync(0, 10 * H_MS)
    session.select_section("PM1", 1, S)
    start = session.press(2 * S)
    assert isinstance(start, Other) and start.type == "start"
    assert session.countdown(3 * S) is not None
    _, undone = session.undo_last(4 * S)
    assert undone == start
    assert session.fold.needs_start("PM1") and session.countdown(5 * S) is None
    again = session.press(6 * S)
    assert isinstance(again, Other) and again.type == "start"
    assert session.fold.starts == {"PM1": 6 * S}
    result = session.results()
    assert result == score(session.stage, session.rules, session.crew, session.events, live=True)


def test_what_cannot_be_undone_is_refused_and_a_log_holding_it_says_why() -> None:
    session = new_session()
    session.press(S)
    session.note("n", 2 * S)
    session.undo(1, 3 * S)
    with pytest.raises(SessionError, match="event 3 is an undo, which cannot be undone"):
        session.undo(3)
    with pytest.raises(SessionError, match="event 2 is a note: only a pass, a skip"):
        session.undo(2)
    with pytest.raises(SessionError, match="pass 1 is already void or undone"):
        session.undo(1)
    with pytest.raises(SessionError, match="there is no event 9 before it"):
        session.undo(9)
    assert len(session.events) == 3
    # the same in a log (as if edited by hand): reported, ignored, the rest counts
    events = (*session.events, Other(4, "undo", {"ref": 3}), Other(5, "undo", {"ref": 8}))
    resumed = LiveSession(session.stage, session.rules, session.crew, events=events)
    assert resumed.problems == (
        "seq 4: undo seq 4: ignored: event 3 is an undo, which cannot be undone: do the action "
        "again instead",
        "seq 5: undo seq 5: ignored: there is no event 8 before it",
    )
    result = score(session.stage, session.rules, session.crew, events)
    assert "undo seq 4: ignored: event 3 is an undo" in result.messages[0]


def test_a_void_in_an_older_log_reads_as_it_always_did() -> None:
    session = new_session()
    session.press(10 * S)
    session.press(25 * S)
    session.void_last("undo")  # what Backspace wrote before undo events
    assert session.armed == Armed("PC1", 2)
    assert session.results().rows[0].notes == ("pending",)
    assert isinstance(session.events[-1], Void)


def test_undo_events_go_to_the_log_and_replay_shows_what_the_live_session_showed(
    tmp_path: Path,
) -> None:
    stage = four_kinds()
    rules = load_rules(stage.rules)
    path = tmp_path / "u.mmlog"
    session, writer = LiveSession.start_log(path, stage, rules, CREW_7, created=UTC0)
    session.sync(0, 10 * H_MS + 41 * 60_000, utc=UTC0)
    session.press(10 * S)
    session.press(25 * S)
    session.skip_line(30 * S)
    session.undo_last(31 * S, UTC0)  # the skip
    session.undo_last(32 * S)  # line 2
    session.press(40 * S)  # line 2 again
    assert writer.close(timeout=10)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[5]) == {
        "type": "undo",
        "seq": 5,
        "t_ns": 31 * S,
        "ref": 4,
        "utc": "2026-05-13T08:00:00.000Z",
    }
    contents = read_log(path)
    assert contents.problems == () and contents.events == session.events
    replay = Replay(contents)
    assert replay.state_at(50 * S) == session.state(50 * S)
    final = replay.state_at(40 * S)
    assert final.armed == Armed("PC1", 3)
    assert final.results.rows[0].measured_ms == 30_000
    assert replay.state_at(31 * S).armed == Armed("PC1", 3)  # the skip undone
    assert replay.state_at(32 * S).armed == Armed("PC1", 2)  # then line 2


def test_the_reader_refuses_an_undo_without_a_ref_naming_the_line(tmp_path: Path) -> None:
    stage = four_kinds()
    header = new_log_header(stage, CREW_7, UTC0)
    path = tmp_path / "bad.mmlog"
    path.write_bytes(
        header_line(header)
        + event_line(Pass(1, 0, "PC1", 1))
        + b'{"type":"undo","seq":2,"ref":"1"}\n'
    )
    with pytest.raises(InputError, match=r"bad.mmlog:3.*ref.*not an integer"):
        read_log(path)
