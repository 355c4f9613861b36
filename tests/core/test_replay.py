"""Replay: the state at any instant of a log equals what the live session showed then."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from mmtimer.core.chrono import ChronoError
from mmtimer.core.crew import Crew
from mmtimer.core.events import Pass
from mmtimer.core.logfile import event_line, header_line, parse_log_bytes
from mmtimer.core.replay import Replay
from mmtimer.core.rules import load_rules
from mmtimer.core.session import Armed, LiveSession, SessionError, SessionState, new_log_header
from mmtimer.core.stage import parse_stage
from tests.core.test_session import STAGE_TEXT

MS = 1_000_000
S = 1_000_000_000
UTC0 = datetime(2026, 5, 13, 8, 0, tzinfo=UTC)

steps = st.integers(-20 * MS, 40 * S)  # a key press may be stamped a little before the last event
ops = st.one_of(
    st.tuples(st.just("press"), steps),
    st.tuples(st.just("press"), steps),
    st.tuples(st.just("press"), steps),
    st.tuples(st.just("void_last"), st.just(0)),
    st.tuples(st.just("void"), st.integers(1, 40)),
    st.tuples(st.just("sync"), steps, st.integers(0, 86_399_999)),
    st.tuples(
        st.just("chrono"), steps, st.sampled_from(["start", "stop", "reset", "split", "lap"])
    ),
    st.tuples(st.just("skip"), steps),
    st.tuples(
        st.just("select"), steps, st.sampled_from(["PC1", "PC2", "CO1", "PM1"]), st.integers(1, 3)
    ),
    st.tuples(st.just("note"), steps),
    st.tuples(st.just("close"), steps),
)


def run(session: LiveSession, op: tuple[object, ...], t_ns: int) -> bool:
    """Do one navigator action; False if the session refused it."""
    kind = op[0]
    try:
        if kind == "press":
            session.press(t_ns)
        elif kind == "void_last":
            session.void_last("undo")
        elif kind == "void":
            session.void(int(op[1]), "by hand")  # type: ignore[call-overload]
        elif kind == "sync":
            session.sync(t_ns, int(op[2]))  # type: ignore[call-overload]
        elif kind == "chrono":
            session.chrono(str(op[2]), t_ns)
        elif kind == "skip":
            session.skip_line(t_ns)
        elif kind == "select":
            session.select_section(str(op[2]), int(op[3]), t_ns)  # type: ignore[call-overload]
        elif kind == "close":
            session.close(t_ns)
        else:
            session.note("a note", t_ns)
    except (SessionError, ChronoError):
        return False
    return True


def replay_of(session: LiveSession) -> Replay:
    header = new_log_header(session.stage, session.crew, UTC0)
    data = header_line(header) + b"".join(event_line(e) for e in session.events)
    contents, torn = parse_log_bytes(data, "prop.mmlog")
    assert torn is None and contents.events == session.events
    return Replay(contents)


@settings(max_examples=60, deadline=None)
@given(st.lists(ops, max_size=30))
def test_replay_equals_the_live_session_at_every_settled_instant(
    actions: list[tuple[object, ...]],
) -> None:
    stage = parse_stage(STAGE_TEXT, "test.stage.toml")
    session = LiveSession(stage, load_rules(stage.rules), Crew(number=7, year=1934))
    t_ns = 0
    shown: list[tuple[int, int, SessionState]] = []  # (effective instant, events, state)
    effective = 0
    for op in actions:
        step = op[1] if op[0] not in ("void_last", "void") else 0
        t_ns = max(0, t_ns + int(step))  # type: ignore[call-overload]
        before = len(session.events)
        if not run(session, op, t_ns):
            assert len(session.events) == before  # a refused action records nothing
            continue
        if op[0] not in ("void_last", "void"):
            effective = max(effective, t_ns)
        shown.append((effective, len(session.events), session.state(effective)))
    replay = replay_of(session)
    end = replay.end_ns
    assert replay.final_state() == session.state(end)
    for index, (instant, count, state) in enumerate(shown):
        settled = index + 1 == len(shown) or shown[index + 1][0] > instant
        if settled:
            assert replay.events_until(instant) == count
            assert replay.state_at(instant) == state


def test_state_at_shows_the_log_as_it_was_then() -> None:
    stage = parse_stage(STAGE_TEXT, "test.stage.toml")
    session = LiveSession(stage, load_rules(stage.rules), Crew())
    session.chrono("start", 0)
    session.press(10 * S)
    session.press(25 * S)
    session.press(25 * S + 30 * MS)
    session.void_last("double press")
    session.press(31 * S)
    replay = replay_of(session)
    assert replay.pass_instants == (10 * S, 25 * S, 25 * S + 30 * MS, 31 * S)
    early = replay.state_at(20 * S)
    assert early.armed == Armed("PC1", 2) and len(early.events) == 2
    assert early.countdown is not None and early.countdown.remaining_ns == 5 * S
    assert early.chronograph.elapsed_ns(20 * S) == 20 * S
    assert early.results.rows[0].measured_ms is None
    # the double press and its void take effect together: the dial never showed line 3 done
    double = replay.state_at(25 * S + 30 * MS)
    assert double.armed == Armed("PC1", 3) and len(double.events) == 5
    assert replay.state_at(5 * S).armed == Armed("PC1", 1)
    assert replay.state_at(-1).events == ()
    assert replay.final_state().results.rows[1].penalty == Decimal(0)
    assert replay.next_pass(10 * S) == 25 * S and replay.previous_pass(25 * S) == 10 * S
    assert replay.next_pass(31 * S) is None and replay.previous_pass(10 * S) is None
    # going back and forth gives the same answers
    assert replay.state_at(20 * S) == early
    assert isinstance(replay.events[-1], Pass)
