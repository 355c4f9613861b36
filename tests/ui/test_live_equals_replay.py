"""The live stage and the replay of the log it wrote show the same at every instant.

Random sequences of presses, undos (Backspace: of a pass, a skip, a section choice, a sync, a
start press, whatever came last), voids (as older logs have them), skips, choices of any line,
syncs, nudges and the end of the stage go through `LiveStage` (the real log writer, a real
file); the log is read back and replayed; at every event's instant (and at instants between
events) the screen model the live window showed (`LiveStage.screen`) must equal the one the
replay shows (`Presenter.screen` of `Replay.state_at`): countdown, line results, armed line,
current row, total, dial, readouts and status words. Each event takes effect at its instant in
replay, a void at the instant of the event before it (core/replay.py), so a live screen is
compared at the instant it belongs to.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication

from mmtimer.core.clock import NS_PER_MS, NS_PER_S, FakeClock
from mmtimer.core.crew import Crew
from mmtimer.core.events import Other, Void
from mmtimer.core.logfile import read_log
from mmtimer.core.passes import kind_of
from mmtimer.core.replay import Replay
from mmtimer.core.rules import load_rules
from mmtimer.core.stage import parse_stage
from mmtimer.core.timefmt import parse_time_of_day_ms
from mmtimer.present.screen import Presenter, Screen
from mmtimer.ui.dialogs import SyncRequest
from mmtimer.ui.livestage import LiveStage
from tests.stages import RACE_TEXT

STAGE = parse_stage(RACE_TEXT, "live-equals-replay.stage.toml")
RULES = load_rules(STAGE.rules)
SECTIONS = [s.id for s in STAGE.sections]
TEN_AM_MS = parse_time_of_day_ms("10:00")


@dataclass(frozen=True)
class Act:
    kind: str  # press, undo, void, skip, select, sync, nudge, wait, look, end
    wait_ms: int = 0
    section: str = ""
    official_ms: int = 0
    line: int = 1


acts = st.one_of(
    st.builds(Act, st.just("press"), st.integers(0, 6000)),
    st.builds(Act, st.just("void"), st.integers(0, 3000)),
    st.builds(Act, st.just("undo"), st.integers(0, 3000)),
    st.builds(Act, st.just("undo"), st.integers(0, 3000)),
    st.builds(Act, st.just("skip"), st.integers(0, 3000)),
    st.builds(
        Act,
        st.just("select"),
        st.integers(0, 3000),
        st.sampled_from(SECTIONS),
        st.just(0),
        st.integers(1, 3),
    ),
    st.builds(
        Act,
        st.just("sync"),
        st.integers(0, 3000),
        st.just(""),
        st.integers(TEN_AM_MS - 120_000, TEN_AM_MS + 240_000),
    ),
    st.builds(Act, st.just("nudge"), st.integers(0, 3000)),
    st.builds(Act, st.just("look"), st.integers(1, 20_000)),
)


def run_live(actions: list[Act], end: bool, folder: Path) -> tuple[LiveStage, dict[int, Screen]]:
    """Drive the live stage; the screens it showed, by log instant (the latest at each)."""
    clock = FakeClock(1000 * NS_PER_S)
    live = LiveStage(STAGE, RULES, Crew(number=7), folder / "run.mmlog", clock)
    shown: dict[int, Screen] = {}
    effective: int | None = None  # the instant the latest event took effect (core/replay.py)

    def recorded(before: int) -> None:
        nonlocal effective
        events = live.session.events
        for event in events[before:]:
            if not isinstance(event, Void) and event.t_ns is not None:
                effective = event.t_ns if effective is None else max(effective, event.t_ns)
        if len(events) > before and effective is not None:
            # a void takes effect with the event before it: what was shown after that event
            # and before the void is not what the log says about those instants
            for t_ns in [t for t in shown if t > effective]:
                del shown[t_ns]
            shown[effective] = live.screen(effective)

    for act in actions:
        clock.advance_ns(act.wait_ms * NS_PER_MS)
        now = clock.now_ns()
        before = len(live.session.events)
        if act.kind == "press":
            live.press(now, "key:Space")
        elif act.kind == "undo":
            live.undo_last(now)
        elif act.kind == "void" and live.started and live.session.fold.unvoided_passes():
            live.session.void_last("undo")  # what Backspace wrote before undo events
        elif act.kind == "skip":
            live.skip_line(now)
        elif act.kind == "select":
            live.select_section(act.section, now, act.line)
        elif act.kind == "sync":
            live.sync(SyncRequest(now, act.official_ms, "manual"))
        elif act.kind == "nudge":
            official = live.official_ms(now)
            if official is not None:
                live.sync(SyncRequest(now, official + 100, "nudge"))
        recorded(before)
        if act.kind == "look" and effective is not None:
            shown[now] = live.screen(now)  # between events: the countdown runs on
    if end:
        clock.advance_ns(500 * NS_PER_MS)
        before = len(live.session.events)
        assert live.close(clock.now_ns())
        recorded(before)
        clock.advance_ns(4 * NS_PER_S)
        if live.started:
            shown[clock.now_ns()] = live.screen(clock.now_ns())  # the dial stopped at the end
    else:
        assert live.keep_open()
    return live, shown


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(actions=st.lists(acts, min_size=1, max_size=40), end=st.booleans())
def test_the_replay_shows_what_the_live_stage_showed(
    qapp: QApplication, actions: list[Act], end: bool
) -> None:
    with tempfile.TemporaryDirectory(prefix="mmtimer-live-replay-") as tmp:
        live, shown = run_live(actions, end, Path(tmp))
        if not live.started:
            assert shown == {}
            return
        assert_the_replay_shows(live, shown)


def assert_the_replay_shows(live: LiveStage, shown: dict[int, Screen]) -> None:
    replay = Replay(read_log(live.log_path))
    assert replay.events == live.session.events
    presenter = Presenter(replay.stage)
    for t_ns, screen in sorted(shown.items()):
        assert presenter.screen(replay.state_at(t_ns)) == screen, f"at {t_ns}"


def undone_kinds(live: LiveStage) -> list[str]:
    """The type of each event an undo took back, in order (a skip or choice: navigate)."""
    events = {e.seq: e for e in live.session.events}
    refs = [e.data["ref"] for e in live.session.events if isinstance(e, Other) and e.type == "undo"]
    return [kind_of(events[ref]) for ref in refs]


def test_each_kind_of_undo_shows_the_same_live_and_in_replay(
    qapp: QApplication, tmp_path: Path
) -> None:
    """Backspace after each kind of action, and twice in a row: the same screens both ways."""
    actions = [
        Act("sync", 0, "", TEN_AM_MS),
        Act("press", 1000),  # PC1 line 1
        Act("press", 4000),  # line 2
        Act("undo", 300),  # the pass of line 2
        Act("undo", 300),  # and of line 1: PC1 line 1 armed again
        Act("press", 500),
        Act("skip", 500),  # N: line 2 missed at once
        Act("look", 500),
        Act("undo", 300),  # N undone: line 2 armed again, nothing voided
        Act("select", 500, "PM2", 0, 1),  # G: any line
        Act("press", 500),  # PM2's start press
        Act("look", 2000),
        Act("undo", 300),  # the start press: PM2 waits for its start again
        Act("undo", 300),  # the choice of PM2: PC1 line 2 armed again
        Act("sync", 500, "", TEN_AM_MS + 60_000),  # a wrong jump
        Act("look", 500),
        Act("undo", 300),  # the sync: 10:00 applies again
        Act("look", 1000),
    ]
    live, shown = run_live(actions, False, tmp_path)
    assert undone_kinds(live) == [
        "pass", "pass", "navigate", "start", "navigate", "sync",
    ]  # fmt: skip
    assert not any(isinstance(e, Void) for e in live.session.events)
    assert live.session.armed is not None
    assert (live.session.armed.section, live.session.armed.line) == ("PC1", 2)
    assert_the_replay_shows(live, shown)


def test_after_a_void_the_current_row_is_the_line_before_live_and_in_replay(
    qapp: QApplication, tmp_path: Path
) -> None:
    """Three passes on PC1, then Backspace: both mark PC1 line 2 as the row just measured, and
    both name the armed line "PC1 · line 3" (replay used to say line 3 and "line N")."""
    actions = [Act("press", 1000), Act("press", 4000), Act("press", 3000), Act("undo", 500)]
    live, shown = run_live(actions, False, tmp_path)
    last = max(shown)
    assert shown[last].current_row == ("PC1", 2)
    assert shown[last].armed == ("PC1", 3)
    replay = Replay(read_log(live.log_path))
    screen = Presenter(replay.stage).screen(replay.state_at(last))
    assert screen == shown[last]
    assert screen.current_row == ("PC1", 2)
    assert screen.countdown.target_label == "PC1 · line 3"
    assert screen.readouts.countdown.note == "PC1 · line 3"


def test_a_time_control_is_named_the_same_live_and_in_replay(
    qapp: QApplication, tmp_path: Path
) -> None:
    actions = [Act("sync", 0, "", TEN_AM_MS), Act("select", 1000, "CO1")]
    live, shown = run_live(actions, False, tmp_path)
    last = max(shown)
    replay = Replay(read_log(live.log_path))
    screen = Presenter(replay.stage).screen(replay.state_at(last))
    assert screen == shown[last]
    assert screen.readouts.countdown.note == "CO1 · time card"
    assert screen.countdown.target_label == "CO1 · time card · due 10:01"
