"""The live stage and the replay of the log it wrote show the same at every instant.

Random sequences of presses, voids, skips, section choices, syncs, nudges and the end of the
stage go through `LiveStage` (the real log writer, a real file); the log is read back and
replayed; at every event's instant (and at instants between events) the screen model the live
window showed (`LiveStage.screen`) must equal the one the replay shows (`Presenter.screen` of
`Replay.state_at`): countdown, line results, armed line, current row, total, dial, readouts and
status words. Each event takes effect at its instant in replay, a void at the instant of the
event before it (core/replay.py), so a live screen is compared at the instant it belongs to.
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
from mmtimer.core.events import Void
from mmtimer.core.logfile import read_log
from mmtimer.core.replay import Replay
from mmtimer.core.rules import load_rules
from mmtimer.core.stage import parse_stage
from mmtimer.core.timefmt import parse_time_of_day_ms
from mmtimer.present.screen import Presenter, Screen
from mmtimer.ui.dialogs import SyncRequest
from mmtimer.ui.livestage import LiveStage

STAGE_TEXT = """
format = "mmtimer-stage/1"
name = "live equals replay"
rules = "aci-2021"

[[section]]
id = "PC1"
kind = "timed"
targets = ["4.00", "3.00"]

[[section]]
id = "CO1"
kind = "time-control"
due = "10:01"

[[section]]
id = "PC2"
kind = "timed"
targets = ["2.00", "5.00"]
targets_from = "start"

[[section]]
id = "PM1"
kind = "average"
start = "10:02:00"
speed_kmh = "36"
checks_km = ["0.050", "0.100"]
"""
STAGE = parse_stage(STAGE_TEXT, "live-equals-replay.stage.toml")
RULES = load_rules(STAGE.rules)
SECTIONS = [s.id for s in STAGE.sections]
TEN_AM_MS = parse_time_of_day_ms("10:00")


@dataclass(frozen=True)
class Act:
    kind: str  # press, void, skip, select, sync, nudge, wait, look, end
    wait_ms: int = 0
    section: str = ""
    official_ms: int = 0


acts = st.one_of(
    st.builds(Act, st.just("press"), st.integers(0, 6000)),
    st.builds(Act, st.just("void"), st.integers(0, 3000)),
    st.builds(Act, st.just("skip"), st.integers(0, 3000)),
    st.builds(Act, st.just("select"), st.integers(0, 3000), st.sampled_from(SECTIONS)),
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
        elif act.kind == "void":
            live.void_last()
        elif act.kind == "skip":
            live.skip_line(now)
        elif act.kind == "select":
            live.select_section(act.section, now)
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
        replay = Replay(read_log(live.log_path))
        assert replay.events == live.session.events
        presenter = Presenter(replay.stage)
        for t_ns, screen in sorted(shown.items()):
            assert presenter.screen(replay.state_at(t_ns)) == screen, f"at {t_ns}"


def test_after_a_void_the_current_row_is_the_line_before_live_and_in_replay(
    qapp: QApplication, tmp_path: Path
) -> None:
    """Three passes on PC1, then Backspace: both mark PC1 line 2 as the row just measured, and
    both name the armed line "PC1 · line 3" (replay used to say line 3 and "line N")."""
    actions = [Act("press", 1000), Act("press", 4000), Act("press", 3000), Act("void", 500)]
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
