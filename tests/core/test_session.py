"""The live session: armed line, countdown, voids, navigation, the log sink, and resume."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from mmtimer.core.chrono import ChronoAction, ChronoError
from mmtimer.core.crew import Crew
from mmtimer.core.errors import InputError
from mmtimer.core.events import LOG_FORMAT, Header, Other, Pass, Void
from mmtimer.core.logfile import LogContents, LogWriter, read_log
from mmtimer.core.logfile import header_line as encode_header
from mmtimer.core.results import SectionKind
from mmtimer.core.rules import load_rules
from mmtimer.core.scoring import score
from mmtimer.core.session import (
    RULES_FILE_KEY,
    Armed,
    Countdown,
    LiveSession,
    SessionError,
    log_inputs,
    new_log_header,
)
from mmtimer.core.stage import parse_stage, stage_to_json
from tests.stages import FOUR_KINDS_TEXT as STAGE_TEXT
from tests.stages import H_MS, MS, UTC0, S, new_session
from tests.stages import four_kinds as make_stage

WAIT = 10.0


def test_presses_walk_the_lines_of_the_stage_in_order() -> None:
    session = new_session()
    seen = []
    for n in range(9):
        seen.append(session.armed)
        session.press(n * S)
    assert seen == [
        Armed("PC1", 1), Armed("PC1", 2), Armed("PC1", 3),
        Armed("PC2", 1), Armed("PC2", 2), Armed("PC2", 3),
        Armed("CO1", 1), Armed("PM1", 1), Armed("PM1", 2),
    ]  # fmt: skip
    assert session.armed is None
    with pytest.raises(SessionError, match="last line is done"):
        session.press(10 * S)
    assert [e.seq for e in session.events] == list(range(1, 10))


def test_results_are_the_scoring_of_the_events() -> None:
    session = new_session()
    session.press(10 * S)
    session.press(25 * S + 370 * MS)
    result = session.results()
    assert result == score(session.stage, session.rules, session.crew, session.events, live=True)
    assert result.rows[1].notes == ("pending",)  # not reached yet: no penalty while driving
    assert result.rows[0].penalty == Decimal(37)
    assert session.results() is result  # not rescored when nothing changed
    session.press(31 * S)
    assert session.results() is not result


def test_timed_countdown_is_target_minus_time_since_the_reference_line() -> None:
    session = new_session()
    assert session.countdown(0) is None  # line 1 has no target
    session.press(10 * S)
    assert session.countdown(12 * S) == Countdown("PC1", 2, SectionKind.TIMED, 15_000, 13 * S, 1)
    session.press(25 * S)
    assert session.countdown(30 * S) == Countdown("PC1", 3, SectionKind.TIMED, 6_000, S, 2)
    assert session.countdown(33 * S).remaining_ns == -2 * S  # type: ignore[union-attr]
    session.press(31 * S)
    session.press(100 * S)  # PC2 line 1; targets from the start line
    session.press(108 * S)
    assert session.countdown(110 * S) == Countdown(
        "PC2", 3, SectionKind.TIMED, 17_500, 7_500 * MS, 1
    )


def test_a_countdown_after_a_skipped_line_runs_from_the_last_recorded_line() -> None:
    session = new_session()
    session.skip_line(0)
    assert session.armed == Armed("PC1", 2)
    assert session.countdown(S) is None  # no reference time at all
    session.select_section("PC1", 1, 1 * S)
    session.press(2 * S)
    session.skip_line(3 * S)
    countdown = session.countdown(4 * S)
    assert countdown == Countdown("PC1", 3, SectionKind.TIMED, 21_000, 19 * S, 1)


def test_time_control_and_average_countdowns_use_official_time() -> None:
    session = new_session()
    session.select_section("CO1")
    assert session.countdown(0) is None  # no sync yet
    session.sync(0, 10 * H_MS + 40 * 60_000)  # 10:40:00 at t = 0
    assert session.official_ns(5 * S) == (10 * H_MS + 40 * 60_000) * MS + 5 * S
    countdown = session.countdown(30 * S)
    assert countdown == Countdown(
        "CO1", 1, SectionKind.TIME_CONTROL, 10 * H_MS + 42 * 60_000, 90 * S, window_ns=60 * S
    )
    session.press(125 * S)
    assert session.armed == Armed("PM1", 1)
    # until the start (10:50:00, at t = 600 s) and a second after it: the start
    assert session.countdown(599 * S) == Countdown(
        "PM1", 1, SectionKind.AVERAGE, 10 * H_MS + 50 * 60_000, S, start=True
    )
    # then 1 km at 36 km/h = 100 s after 10:50:00
    assert session.countdown(601 * S) == Countdown(
        "PM1", 1, SectionKind.AVERAGE, 10 * H_MS + 51 * 60_000 + 40_000, 99 * S
    )


def test_a_time_control_countdown_runs_to_the_start_of_its_due_minute() -> None:
    stage = parse_stage(STAGE_TEXT.replace('due = "10:42"', 'due = "10:42:30"'), "t.stage.toml")
    session = LiveSession(stage, load_rules("aci-2021"), Crew())
    session.select_section("CO1")
    session.sync(0, 10 * H_MS + 40 * 60_000)  # 10:40:00 at t = 0
    countdown = session.countdown(0)
    assert countdown == Countdown(
        "CO1", 1, SectionKind.TIME_CONTROL, 10 * H_MS + 42 * 60_000, 120 * S, window_ns=60 * S
    )


def test_countdowns_go_the_short_way_round_midnight() -> None:
    session = new_session()
    session.select_section("CO1")  # due 10:42
    session.sync(0, 23 * H_MS)  # 23:00: 10:42 is 11 h 42 min ahead, not 12 h 18 min ago
    countdown = session.countdown(0)
    assert countdown is not None and countdown.remaining_ns == (11 * H_MS + 42 * 60_000) * MS
    session.sync(S, 10 * H_MS + 43 * 60_000)  # 10:43: a minute past
    countdown = session.countdown(S)
    assert countdown is not None and countdown.remaining_ns == -60 * S


def test_void_last_undoes_a_press_and_arms_its_line_again() -> None:
    session = new_session()
    session.press(10 * S)
    session.press(25 * S)
    session.press(25 * S + 40 * MS)  # a double press recorded as line 3
    void = session.void_last("double press")
    assert void == Void(4, 3, "double press")
    assert session.armed == Armed("PC1", 3)
    session.press(31 * S)
    assert session.results().rows[1].measured_ms == 6_000
    assert session.results().rows[1].notes == ()


def test_voiding_an_old_pass_does_not_move_the_armed_line() -> None:
    session = new_session()
    for n in range(4):
        session.press(n * S)
    session.void(2, "wrong")
    assert session.armed == Armed("PC2", 2)
    assert session.results().rows[0].notes == ("missed", "void")


def test_what_cannot_be_voided_gets_a_clear_message_and_nothing_is_recorded() -> None:
    session = new_session()
    with pytest.raises(SessionError, match="there is no pass to void"):
        session.void_last()
    session.sync(0, 10 * H_MS)
    session.press(S)
    session.void(2)
    with pytest.raises(SessionError, match=r"event 3 is a void: a void cannot be undone"):
        session.void(3)
    with pytest.raises(SessionError, match=r"event 1 is a sync, not a pass"):
        session.void(1)
    with pytest.raises(SessionError, match=r"pass 2 is already void"):
        session.void(2)
    with pytest.raises(SessionError, match=r"there is no event 9"):
        session.void(9)
    assert len(session.events) == 3


def test_navigation_is_checked_and_logged() -> None:
    session = new_session()
    with pytest.raises(SessionError, match=r"no section 'PC9' \(it has PC1, PC2, CO1, PM1\)"):
        session.select_section("PC9")
    with pytest.raises(SessionError, match=r"PC1 has lines 1 to 3, not 4"):
        session.select_section("PC1", 4)
    event = session.select_section("PM1", 2, 5 * S, UTC0)
    assert event == Other(
        1,
        "navigate",
        {"action": "select", "section": "PM1", "line": 2, "utc": "2026-05-13T08:00:00.000Z"},
        5 * S,
    )
    session.skip_line(6 * S)
    assert session.armed is None
    with pytest.raises(SessionError, match="nothing to skip"):
        session.skip_line()


def test_a_refused_chronograph_push_records_nothing() -> None:
    session = new_session()
    with pytest.raises(ChronoError):
        session.chrono("stop", S)
    session.chrono("start", S)
    session.chrono(ChronoAction.SPLIT, 3 * S)
    assert session.chronograph.elapsed_ns(5 * S) == 4 * S
    assert len(session.events) == 2


def record_some(session: LiveSession) -> None:
    session.sync(0, 10 * H_MS + 40 * 60_000, utc=UTC0)
    session.chrono("start", S, utc=UTC0 + timedelta(seconds=1))
    session.press(10 * S, utc=UTC0 + timedelta(seconds=10))
    session.press(25 * S + 370 * MS, utc=UTC0 + timedelta(seconds=25))
    session.press(26 * S, utc=UTC0 + timedelta(seconds=26))
    session.void_last("double press")


def test_the_sink_gets_every_event_and_a_resume_finds_the_session_as_it_was(
    tmp_path: Path,
) -> None:
    stage = make_stage()
    rules = load_rules(stage.rules)
    crew = Crew(number=7, year=1934)
    session, writer = LiveSession.start_log(tmp_path / "a.mmlog", stage, rules, crew, created=UTC0)
    record_some(session)
    assert session.last_ack is not None and session.last_ack.result(WAIT) == 6
    writer.close(timeout=WAIT)  # stopped without a closing event, as a crash leaves a log
    contents = read_log(tmp_path / "a.mmlog")
    assert contents.events == session.events and not contents.closed
    assert log_inputs(contents) == (stage, rules, crew)

    writer2, contents2 = LogWriter.open_existing(tmp_path / "a.mmlog")
    resumed = LiveSession.resume(
        contents2,
        stage,
        rules,
        crew,
        now_ns=40 * S,
        utc_now=UTC0 + timedelta(seconds=40),
        sink=writer2,
    )
    assert resumed.armed == session.armed == Armed("PC1", 3)
    assert resumed.chronograph == session.chronograph
    assert resumed.chronograph.elapsed_ns(40 * S) == 39 * S
    assert resumed.results() == score(stage, rules, crew, resumed.events, live=True)
    resume = resumed.events[-1]
    assert isinstance(resume, Other) and resume.type == "resume" and resume.t_ns == 40 * S
    assert resume.data["clock"] == "continued" and resume.data["offset_ns"] == 0
    resumed.press(41 * S)
    resumed.close(42 * S)
    assert writer2.close(timeout=WAIT)
    final = read_log(tmp_path / "a.mmlog")
    assert final.closed and [e.seq for e in final.events] == list(range(1, 10))


def resume_after(
    session: LiveSession, now_ns: int, utc_now: datetime, restarted: bool = False
) -> LiveSession:
    header = new_log_header(session.stage, session.crew, UTC0)
    contents = LogContents(None, header, session.events)
    return LiveSession.resume(
        contents,
        session.stage,
        session.rules,
        session.crew,
        now_ns=now_ns,
        utc_now=utc_now,
        restarted=restarted,
    )


def test_a_restarted_clock_is_bridged_with_the_wall_clock() -> None:
    session = new_session()
    record_some(session)  # last stamped event: t = 26 s at UTC0 + 26 s
    # the laptop restarted: its clock reads 3 s, 100 s of wall time after the last stamp
    resumed = resume_after(session, 3 * S, UTC0 + timedelta(seconds=126))
    resume = resumed.events[-1]
    assert isinstance(resume, Other)
    assert resume.data["clock"] == "bridged"
    assert resume.t_ns == 126 * S and resume.data["offset_ns"] == 123 * S
    assert (
        "the session clock reads 3.000 s, before the log's last instant 26.000 s"
        in (resume.data["reason"])
    )
    assert (
        "bridged with the wall clock: 100.000 s since 2026-05-13T08:00:26.000Z (seq 5)"
        in (resume.data["reason"])
    )
    assert resumed.chronograph.elapsed_ns(resumed.log_ns(4 * S)) == 126 * S
    press = resumed.press(5 * S)  # the clock read 5 s: log instant 128 s
    assert press.t_ns == 128 * S and press.line == 3
    # a second crash in the same boot: the clock continues, the offset stays
    again = resume_after(resumed, 9 * S, UTC0 + timedelta(seconds=132))
    assert again.events[-1].data["clock"] == "continued"  # type: ignore[union-attr]
    assert again.offset_ns == 123 * S and again.events[-1].t_ns == 132 * S  # type: ignore[union-attr]


def test_a_clock_that_disagrees_with_the_wall_clock_or_a_restart_flag_is_bridged() -> None:
    session = new_session()
    record_some(session)
    # a new boot whose clock happens to be past the log: the wall clock tells
    resumed = resume_after(session, 500 * S, UTC0 + timedelta(seconds=60))
    assert resumed.events[-1].data["clock"] == "bridged"  # type: ignore[union-attr]
    assert "counted 474.000 s" in resumed.events[-1].data["reason"]  # type: ignore[union-attr]
    assert resumed.events[-1].t_ns == 60 * S  # type: ignore[union-attr]
    flagged = resume_after(session, 60 * S, UTC0 + timedelta(seconds=60), restarted=True)
    assert flagged.events[-1].data["clock"] == "bridged"  # type: ignore[union-attr]
    calm = resume_after(session, 60 * S, UTC0 + timedelta(seconds=60, milliseconds=500))
    assert calm.events[-1].data["clock"] == "continued"  # type: ignore[union-attr]


def test_a_wall_clock_behind_the_log_still_moves_the_log_forward() -> None:
    session = new_session()
    record_some(session)
    resumed = resume_after(session, 0, UTC0)  # wall clock set back, session clock restarted
    resume = resumed.events[-1]
    assert resume.t_ns == 26 * S + 1  # type: ignore[union-attr]
    assert "wall clock is behind the log" in resume.data["reason"]  # type: ignore[union-attr]


def test_a_log_naming_things_the_stage_lacks_resumes_with_clear_messages(tmp_path: Path) -> None:
    stage = make_stage()
    header_line = new_log_header(stage, Crew(), UTC0)
    path = tmp_path / "odd.mmlog"
    path.write_bytes(
        encode_header(header_line)
        + b'{"type":"pass","seq":1,"t_ns":5,"section":"PC9","line":1,"source":"key"}\n'
        + b'{"type":"pass","seq":2,"t_ns":6,"section":"PC1","line":1,"source":"key"}\n'
        + b'{"type":"void","seq":3,"ref":2,"reason":"oops"}\n'
        + b'{"type":"void","seq":4,"ref":3,"reason":"undo the undo"}\n'
        + b'{"type":"pass","seq":5,"t_ns":7,"section":"PC1","line":7,"source":"key"}\n'
    )
    contents = read_log(path)
    session = LiveSession.resume(
        contents, stage, load_rules("aci-2021"), Crew(), now_ns=10, utc_now=UTC0
    )
    void_of_void = (
        "void seq 4: ignored: event 3 is a void: a void cannot be undone; "
        "press the line again instead"
    )
    assert session.problems == (
        f"{path}:2: pass seq 1: ignored: the stage has no section 'PC9'",
        f"{path}:5: {void_of_void}",
        f"{path}:6: pass seq 5: ignored: PC1 has lines 1 to 3, not 7",
    )
    assert session.armed == Armed("PC1", 1)
    # scoring says the same, in the same words (one rule: core/passes.py)
    messages = session.results().messages
    assert "pass seq 1: ignored: the stage has no section 'PC9'" in messages
    assert void_of_void in messages


def test_a_rules_file_is_embedded_so_the_log_scores_elsewhere(tmp_path: Path) -> None:
    rules_text = (Path(load_rules("aci-2021").origin or "")).read_text(encoding="utf-8")
    rules_text = rules_text.replace('id = "aci-2021"', 'id = "club-2026"')
    (tmp_path / "club.rules.toml").write_text(rules_text, encoding="utf-8")
    stage_text = STAGE_TEXT.replace('rules = "aci-2021"', 'rules = "club.rules.toml"')
    (tmp_path / "s.stage.toml").write_text(stage_text, encoding="utf-8")
    stage = parse_stage(stage_text, "s.stage.toml", tmp_path)
    rules = load_rules(stage.rules, tmp_path)
    session, writer = LiveSession.start_log(
        tmp_path / "a.mmlog", stage, rules, Crew(), created=UTC0, base_dir=tmp_path
    )
    session.press(S)
    writer.close(timeout=WAIT)
    (tmp_path / "club.rules.toml").unlink()  # another machine: only the log travels
    contents = read_log(tmp_path / "a.mmlog")
    assert contents.header.extra[RULES_FILE_KEY]["path"] == "club.rules.toml"
    _, embedded, _ = log_inputs(contents)
    assert embedded.id == "club-2026" and embedded == rules


def test_a_log_whose_rules_file_is_lost_asks_for_rules(tmp_path: Path) -> None:
    stage_text = STAGE_TEXT.replace('rules = "aci-2021"', 'rules = "gone.rules.toml"')
    stage = parse_stage(stage_text, "s.stage.toml")
    header = Header(
        LOG_FORMAT, "mmtimer 0.1.0", "2026-05-13T08:00:00.000Z", stage_to_json(stage), {}
    )
    contents = LogContents(tmp_path / "a.mmlog", header, ())
    with pytest.raises(InputError) as caught:
        log_inputs(contents)
    assert str(caught.value).startswith(
        f"{tmp_path / 'a.mmlog'}:1: stage.rules: the stage is scored by rule-set file "
        "'gone.rules.toml', which the log does not embed and which is not a readable rule "
        "set beside the log (only that folder is looked in); give the rules explicitly"
    )
    assert str(caught.value).endswith("give the rules explicitly")
    assert log_inputs(contents, rules_ref="tsd-cscc")[1].id == "tsd-cscc"


def test_passes_are_stamped_with_the_instant_given() -> None:
    session = new_session()
    event = session.press(123_456_789, source="pedal", utc=UTC0)
    assert event == Pass(1, 123_456_789, "PC1", 1, "2026-05-13T08:00:00.000Z", "pedal")


def test_resume_log_opens_reads_and_resumes_in_one_step(tmp_path: Path) -> None:
    stage = make_stage()
    session, writer = LiveSession.start_log(
        tmp_path / "a.mmlog", stage, load_rules(stage.rules), Crew(number=7), created=UTC0
    )
    record_some(session)
    writer.close(timeout=WAIT)
    with (tmp_path / "a.mmlog").open("ab") as log:
        log.write(b'{"type":"pass","seq":7,"t_ns":')  # the power went while writing a line
    resumed, writer2 = LiveSession.resume_log(
        tmp_path / "a.mmlog", now_ns=50 * S, utc_now=UTC0 + timedelta(seconds=50)
    )
    assert resumed.armed == Armed("PC1", 3) and resumed.crew == Crew(number=7)
    resume = resumed.events[-1]
    assert isinstance(resume, Other) and resume.data["torn_tail"] == "a.mmlog.torn-1"
    assert writer2.close(timeout=WAIT)
    final = read_log(tmp_path / "a.mmlog")
    assert final.problems == () and final.events[-1] == resume


def test_closing_turns_pending_lines_into_missed_ones_and_ends_recording() -> None:
    session = new_session()
    session.press(10 * S)
    assert session.results().rows[0].notes == ("pending",)
    session.close(20 * S)
    assert session.results().rows[0].notes == ("missed",)
    assert session.results() == score(session.stage, session.rules, session.crew, session.events)
    with pytest.raises(SessionError, match="the stage log is closed: resume it"):
        session.press(30 * S)
    assert len(session.events) == 2
