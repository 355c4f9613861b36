"""Seeking in a replay: checkpoints and scoring folds give the answers of a fold from the start."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mmtimer.core.crew import Crew
from mmtimer.core.events import Event, Pass, Void
from mmtimer.core.logfile import LogContents, event_line, header_line, parse_log_bytes
from mmtimer.core.replay import Replay
from mmtimer.core.rules import load_rules
from mmtimer.core.scoring import score
from mmtimer.core.session import LiveSession, SessionFold, SessionState, new_log_header
from mmtimer.core.stage import load_stage, parse_stage
from mmtimer.paths import resource
from tests.core.test_replay import UTC0, ops, run
from tests.core.test_session import STAGE_TEXT

S = 1_000_000_000
MS = 1_000_000


def reference_state(replay: Replay, t_ns: int) -> SessionState:
    """The state at `t_ns` the slow, obvious way: fold from the start, score the prefix (lines
    not reached yet pending until the closing event)."""
    count = replay.events_until(t_ns)
    fold = SessionFold(replay.stage, replay.rules, replay._where)
    for event in replay.events[:count]:
        fold.apply(event)
    results = score(
        replay.stage, replay.rules, replay.crew, replay.events[:count], live=not fold.closed
    )
    return SessionState.of(fold, t_ns, replay.events[:count], results)


def reference_fold(replay: Replay, t_ns: int) -> SessionFold:
    fold = SessionFold(replay.stage, replay.rules)
    for event in replay.events[: replay.events_until(t_ns)]:
        fold.apply(event)
    return fold


def reference_closed(replay: Replay, t_ns: int) -> bool:
    return reference_fold(replay, t_ns).closed


def contents_of(session: LiveSession, events: tuple[Event, ...] | None = None) -> LogContents:
    header = new_log_header(session.stage, session.crew, UTC0)
    chosen = session.events if events is None else events
    data = header_line(header) + b"".join(event_line(e) for e in chosen)
    contents, torn = parse_log_bytes(data, "seek.mmlog")
    assert torn is None
    return contents


def recorded(actions: list[tuple[object, ...]]) -> LiveSession:
    stage = parse_stage(STAGE_TEXT, "test.stage.toml")
    session = LiveSession(stage, load_rules(stage.rules), Crew(number=7, year=1934))
    t_ns = 0
    for op in actions:
        step = op[1] if op[0] not in ("void_last", "void") else 0
        t_ns = max(0, t_ns + int(step))  # type: ignore[call-overload]
        run(session, op, t_ns)
    return session


@settings(max_examples=60, deadline=None)
@given(
    st.lists(ops, max_size=30),
    st.integers(1, 4),
    st.lists(st.tuples(st.floats(-0.1, 1.1), st.integers(0, 3)), max_size=12),
)
def test_any_seek_order_gives_the_state_of_a_fold_from_the_start(
    actions: list[tuple[object, ...]],
    every: int,
    seeks: list[tuple[float, int]],
) -> None:
    session = recorded(actions)
    replay = Replay(contents_of(session), checkpoint_every=every)
    assert replay.causal
    span = replay.end_ns - replay.start_ns
    for fraction, prepare in seeks:
        if prepare:
            replay.prepare(prepare)
        t_ns = replay.start_ns + int(span * fraction)
        assert replay.state_at(t_ns) == reference_state(replay, t_ns)
        assert replay.closed_at(t_ns) == reference_closed(replay, t_ns)
        assert replay.trial_chronograph_at(t_ns) == reference_fold(replay, t_ns).trial_chronograph(
            t_ns
        )
    assert replay.final_state() == session.state(replay.end_ns)
    assert replay.final_results() == score(replay.stage, replay.rules, replay.crew, replay.events)
    assert replay.problems == session.problems


def test_a_log_with_a_void_naming_a_later_seq_is_replayed_without_checkpoints() -> None:
    stage = parse_stage(STAGE_TEXT, "test.stage.toml")
    session = LiveSession(stage, load_rules(stage.rules), Crew())
    events: tuple[Event, ...] = (
        Pass(1, 1 * S, "PC1", 1),
        Void(2, 3, "names the next pass"),
        Pass(3, 17 * S, "PC1", 2),
        Pass(4, 30 * S, "PC1", 3),
    )
    replay = Replay(contents_of(session, events), checkpoint_every=1)
    assert not replay.causal
    for t_ns in (31 * S, 2 * S, 20 * S, 0, 17 * S):
        assert replay.state_at(t_ns) == reference_state(replay, t_ns)
    assert replay.prepare(10)


def test_nothing_is_folded_beyond_what_was_asked_until_prepare() -> None:
    session = recorded([("press", 10 * S)] * 6)
    replay = Replay(contents_of(session), checkpoint_every=2)
    replay.state_at(replay.start_ns)
    assert replay._frontier.count == 1 and not replay.prepared
    assert not replay.prepare(2)
    assert replay.prepare(100) and replay.prepared
    assert replay.state_at(replay.start_ns) == reference_state(replay, replay.start_ns)
    assert replay.pass_instant("PC1", 2) == 20 * S
    assert replay.pass_instant("CO1", 1) is None


def test_results_are_final_from_the_closing_event_on() -> None:
    session = recorded([("press", 10 * S), ("press", 15 * S)])
    session.close(40 * S)
    replay = Replay(contents_of(session), checkpoint_every=2)
    before, after = replay.state_at(39 * S), replay.state_at(40 * S)
    assert not replay.closed_at(39 * S) and replay.closed_at(40 * S)
    assert "pending" in before.results.rows[-1].notes
    assert "missed" in after.results.rows[-1].notes
    assert after.results == replay.final_results() == session.results()
    assert before == reference_state(replay, 39 * S)


def test_utc_at_carries_the_latest_stamp() -> None:
    session = recorded([])
    session.press(10 * S, utc=UTC0)
    session.press(25 * S)
    replay = Replay(contents_of(session))
    at = replay.utc_at(40 * S)
    assert at is not None and (at - UTC0).total_seconds() == 30
    before = replay.utc_at(0)  # before any stamp: the log's creation, at its first instant
    assert before is not None and (before - UTC0).total_seconds() == -10


def test_every_attribute_of_the_session_fold_is_classified_for_snapshots() -> None:
    """A new mutable attribute of SessionFold must be copied by snapshot() (or shared on
    purpose): add it to SNAPSHOT_COPIED, else snapshots would share it by mistake."""
    stage = parse_stage(STAGE_TEXT, "test.stage.toml")
    fold = SessionFold(stage, load_rules(stage.rules))
    immutable_or_fixed = {
        "stage",
        "rules",
        "_where",
        "_sections",
        "_next_section",
        "armed",
        "chronograph",
        "offset_ns",
        "last_t_ns",
        "anchor",
        "last_seq",
        "closed",
        "closed_ns",
        "last_sync",
        "_last_press",
    }
    classified = immutable_or_fixed | set(SessionFold.SNAPSHOT_COPIED)
    classified |= set(SessionFold.SNAPSHOT_SHARED)
    assert set(vars(fold)) == classified
    copy = fold.snapshot()
    for name in SessionFold.SNAPSHOT_COPIED:
        assert getattr(copy, name) is not getattr(fold, name)


def test_the_trial_chronograph_runs_from_the_reference_line_and_stops_at_the_chain_end() -> None:
    session = recorded([])
    session.press(10 * S)  # PC1 line 1
    session.press(25 * S)  # line 2 at 15 s: line 3 runs from here
    session.press(31 * S)  # line 3: the chain is done
    replay = Replay(contents_of(session))
    assert not replay.trial_chronograph_at(5 * S).running
    running = replay.trial_chronograph_at(20 * S)
    assert running.running and running.elapsed_ns(20 * S) == 10 * S
    assert replay.trial_chronograph_at(27 * S).elapsed_ns(27 * S) == 2 * S
    done = replay.trial_chronograph_at(60 * S)
    assert not done.running and done.elapsed_ns(60 * S) == 6 * S
    assert done == session.fold.trial_chronograph(60 * S)


def test_after_a_trial_timed_from_its_first_line_the_chronograph_shows_what_was_scored() -> None:
    """PC3 of the example times both targets from its first line: after line 3 the dial shows
    line 1 to line 3 (what was scored), not the last lap from line 2 (issue 20)."""
    stage = load_stage(resource("stages", "mille-miglia-day1.stage.toml"))
    session = LiveSession(stage, load_rules(stage.rules), Crew(number=7, year=1934))
    session.select_section("PC3", t_ns=0)
    session.press(10 * S)  # PC3 line 1
    session.press(18 * S + 40 * MS)  # line 2 at 8.04 s from line 1
    session.press(27 * S + 380 * MS)  # line 3 at 17.38 s from line 1 (9.34 s after line 2)
    row = next(r for r in session.results().rows if (r.section, r.line) == ("PC3", 3))
    assert row.deviation_ms == -120  # scored from line 1: 17.38 against 17.50
    done = session.fold.trial_chronograph(60 * S)
    assert not done.running and done.elapsed_ns(60 * S) == 17 * S + 380 * MS
    replay = Replay(contents_of(session))
    assert replay.trial_chronograph_at(60 * S) == done


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(ops, st.booleans()), max_size=30), st.integers(1, 5))
def test_after_the_whole_log_is_folded_a_seek_to_any_event_is_a_fold_from_the_start(
    actions: list[tuple[tuple[object, ...], bool]], every: int
) -> None:
    """Checkpoints share the folds' record of the log with the fold that went on to its end (and
    with each other): seeking back to every event, last first, still gives a fold from scratch."""
    session = recorded([])
    t_ns = 0
    for op, undo in actions:
        t_ns += 0 if op[0] in ("void_last", "void") else int(op[1])  # type: ignore[call-overload]
        run(session, op, t_ns)
        if undo and not session.fold.closed and session.last_action() is not None:
            session.undo_last(t_ns)  # an undo of a pass, skip, section choice or sync
    replay = Replay(contents_of(session), checkpoint_every=every)
    assert replay.prepare(len(replay.events))
    for count in range(len(replay.events), -1, -1):
        t_ns = replay.effective_ns(count)
        assert replay.state_at(t_ns) == reference_state(replay, t_ns)
    assert replay.final_state() == session.state(replay.end_ns)
