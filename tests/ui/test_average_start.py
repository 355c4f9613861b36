"""The countdown and the beeps run to every instant the crew must hit (issue 12), the start of an
average trial included: before a timed start the countdown runs to the start, then to the first
check; the beeps play for each."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import NS_PER_MS, NS_PER_S, FakeClock
from mmtimer.core.crew import Crew
from mmtimer.core.results import SectionKind
from mmtimer.core.rules import load_rules
from mmtimer.core.session import START_HOLD_NS, Countdown, LiveSession
from mmtimer.core.stage import load_stage
from mmtimer.core.timefmt import parse_time_of_day_ms
from mmtimer.paths import resource
from mmtimer.present.beeps import BeepKind, BeepSchedule, BeepSettings
from mmtimer.ui.dialogs import SyncRequest
from mmtimer.ui.livestage import LiveStage

STAGE = resource("stages", "mille-miglia-day1.stage.toml")  # PM1 starts at 15:12:00
START_MS = parse_time_of_day_ms("15:12:00")


def test_the_core_counts_down_to_an_average_trials_start_then_to_its_first_check() -> None:
    stage = load_stage(STAGE)
    session = LiveSession(stage, load_rules(stage.rules), Crew())
    session.select_section("PM1")
    session.sync(0, START_MS - 90_000)  # 15:10:30 at t = 0
    assert session.countdown(0) == Countdown(
        "PM1", 1, SectionKind.AVERAGE, START_MS, 90 * NS_PER_S, start=True
    )
    before = session.countdown(89 * NS_PER_S)
    assert before is not None and before.start and before.remaining_ns == NS_PER_S
    at_start = session.countdown(90 * NS_PER_S)  # the start itself, and a moment after it
    assert at_start is not None and at_start.start and at_start.remaining_ns == 0
    held = session.countdown(90 * NS_PER_S + START_HOLD_NS - 1)
    assert held is not None and held.start
    after = session.countdown(90 * NS_PER_S + START_HOLD_NS)  # then the first check
    assert after is not None and not after.start and after.line == 1
    assert after.target_ms == parse_time_of_day_ms("15:15:31")


@pytest.fixture
def live(qtbot: QtBot, tmp_path: Path) -> LiveStage:
    stage = load_stage(STAGE)
    return LiveStage(stage, load_rules(stage.rules), Crew(), tmp_path / "t.mmlog", FakeClock(0))


def test_the_window_says_start_and_when(live: LiveStage) -> None:
    live.select_section("PM1", 0)
    live.sync(SyncRequest(0, START_MS - 20_000, "typed"))
    state = live.countdown_state(0)
    assert state.target_label == "PM1 · start · at 15:12:00"
    assert state.left_ns == 20 * NS_PER_S
    screen = live.screen(0)
    assert screen.readouts.countdown.note == "PM1 · start"
    state = live.countdown_state(21 * NS_PER_S)
    assert state.target_label == "PM1 · check 1 · ideal 15:15:31.00"


def test_beeps_count_down_to_the_start_and_again_to_the_first_check(live: LiveStage) -> None:
    """The default beeps (5 short, 1 long) play before the start, then all again before the
    first check: the start and the check are two targets."""
    live.select_section("PM1", 0)
    live.sync(SyncRequest(0, START_MS - 10_000, "typed"))  # 10 s before the start
    schedule = BeepSchedule(BeepSettings())
    played: list[tuple[int, BeepKind]] = []
    end_ns = (10 + 212 + 2) * NS_PER_S  # past the first check (3 min 31 s after the start)
    for t_ns in range(0, end_ns, 50 * NS_PER_MS):
        beep = schedule.due(t_ns, live.beep_target(t_ns))
        if beep is not None:
            played.append((t_ns // NS_PER_MS, beep.kind))
    start_ms, check_ms = 10_000, 10_000 + 211_000
    short, long = BeepKind.SHORT, BeepKind.LONG
    expected = [(start_ms - k * 1000, short) for k in (5, 4, 3, 2, 1)] + [(start_ms, long)]
    expected += [(check_ms - k * 1000, short) for k in (5, 4, 3, 2, 1)] + [(check_ms, long)]
    assert played == expected
