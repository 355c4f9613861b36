"""LiveStage: the session and its log, and what the window reads of them at an instant."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import NS_PER_MS, NS_PER_S, FakeClock
from mmtimer.core.crew import Crew
from mmtimer.core.logfile import read_log
from mmtimer.core.rules import load_rules
from mmtimer.core.stage import load_stage
from mmtimer.core.timefmt import parse_time_of_day_ms
from mmtimer.paths import resource
from mmtimer.present.beeps import Target
from mmtimer.ui.dialogs import SyncRequest
from mmtimer.ui.livestage import LiveStage

STAGE = resource("stages", "mille-miglia-day1.stage.toml")


@pytest.fixture
def live(qtbot: QtBot, tmp_path: Path) -> LiveStage:
    stage = load_stage(STAGE)
    clock = FakeClock(500 * NS_PER_S)
    return LiveStage(stage, load_rules(stage.rules), Crew(), tmp_path / "t.mmlog", clock)


def advance(live: LiveStage, ms: int) -> int:
    assert isinstance(live.clock, FakeClock)
    live.clock.advance_ns(ms * NS_PER_MS)
    return live.clock.now_ns()


def test_the_dial_runs_the_current_trial(live: LiveStage) -> None:
    assert not live.trial_chronograph(live.clock.now_ns()).running
    start = advance(live, 1000)
    live.press(start, "key:Space")
    chrono = live.trial_chronograph(advance(live, 7000))
    assert chrono.running and chrono.elapsed_ns(live.clock.now_ns()) == 7 * NS_PER_S
    live.press(advance(live, 8000), "key:Space")  # line 2 at 15.00: line 3 runs from here
    assert live.trial_chronograph(live.clock.now_ns()).elapsed_ns(advance(live, 2000)) == (
        2 * NS_PER_S
    )
    live.press(advance(live, 4000), "key:Space")  # line 3: the chain is done
    done = live.trial_chronograph(advance(live, 30_000))
    assert not done.running and done.elapsed_ns(live.clock.now_ns()) == 6 * NS_PER_S


def test_the_running_total_counts_only_lines_done(live: LiveStage) -> None:
    live.press(advance(live, 1000), "key:Space")
    live.press(advance(live, 15_200), "key:Space")  # +0.20: 20
    assert live.running_total() == ("So far", Decimal(20))
    assert set(live.line_results()) == {("PC1", 2)}  # the rest is pending, not missed
    assert live.skip_line(advance(live, 1000))  # PC1 line 3 left behind
    live.press(advance(live, 5000), "key:Space")  # PC2's start: PC1 line 3 is now missed
    assert live.running_total() == ("So far", Decimal(320))
    assert set(live.line_results()) == {("PC1", 2), ("PC1", 3)}
    assert live.line_results()[("PC1", 3)][0] == "missed · 300"
    # jumping ahead and passing leaves PC2, CO1 and PM1 behind, missed
    assert live.select_section("PC3", advance(live, 1000))
    live.press(advance(live, 1000), "key:Space")
    assert len(live.done_rows()) == 2 + 3 + 1 + 2
    assert live.countdown_state(live.clock.now_ns()).total_label == "So far"


def test_a_double_press_is_flagged_and_backspace_undoes_it(live: LiveStage) -> None:
    first = live.press(advance(live, 1000), "key:Space")
    second = live.press(advance(live, 200), "key:Space", guarded=True)
    assert first.recorded is not None and second.recorded is not None
    assert second.message == "Double press? Backspace undoes it."
    state = live.countdown_state(live.clock.now_ns())
    assert "double press? Backspace undoes it" in state.last_note
    done = live.undo_last(advance(live, 100))
    assert done is not None and done[0].data["ref"] == second.recorded.seq
    assert done[1] == second.recorded
    assert live.presenter.undone(done[1]).startswith("Undone: the pass of PC1 · line 2")
    assert live.session.armed is not None and live.session.armed.line == 2
    state = live.countdown_state(live.clock.now_ns())
    assert state.last_label == "PC1 · line 1" and state.last_note == "start"


def test_time_controls_and_average_trials_count_down_on_official_time(live: LiveStage) -> None:
    live.select_section("CO1", live.clock.now_ns())
    assert live.beep_target(live.clock.now_ns()) is None  # no official time yet
    sync_at = live.clock.now_ns()
    live.sync(SyncRequest(sync_at, parse_time_of_day_ms("15:04:50"), "typed"))
    state = live.countdown_state(live.clock.now_ns())
    assert state.target_label == "CO1 · time card · due 15:05"
    assert state.left_ns == 10 * NS_PER_S
    assert live.beep_target(live.clock.now_ns()) == Target(("CO1", 1), sync_at + 10 * NS_PER_S)
    live.press(advance(live, 30_000), "key:Space")
    assert live.line_results()[("CO1", 1)][0] == "+0 min · 0"
    state = live.countdown_state(live.clock.now_ns())
    assert state.target_label == "PM1 · start · at 15:12:00"  # before the trial's start
    advance(live, 7 * 60_000)  # 15:12:20
    state = live.countdown_state(live.clock.now_ns())
    assert state.target_label == "PM1 · check 1 · ideal 15:15:31.00"


def test_the_crew_can_change_until_the_log_starts(live: LiveStage, tmp_path: Path) -> None:
    assert live.set_crew(Crew(number=7, coefficient=Decimal("1.25")))
    assert not (tmp_path / "t.mmlog").exists()
    live.press(advance(live, 1000), "key:Space")
    assert not live.set_crew(Crew(number=8))
    assert live.close(advance(live, 1000))
    contents = read_log(tmp_path / "t.mmlog")
    assert contents.header.crew["number"] == 7
    assert contents.closed


def test_after_the_last_line_a_press_asks_for_a_section(live: LiveStage) -> None:
    live.select_section("CO2", live.clock.now_ns())
    live.press(advance(live, 1000), "key:Space")
    assert live.session.armed is None
    outcome = live.press(advance(live, 1000), "key:Space")
    assert outcome.recorded is None and "choose a section" in outcome.message
    assert live.running_total()[0] == "Total"
    assert live.countdown_state(live.clock.now_ns()).target_label == "Stage done"


def test_closing_an_unstarted_stage_writes_nothing(live: LiveStage, tmp_path: Path) -> None:
    assert live.close(live.clock.now_ns())
    assert not (tmp_path / "t.mmlog").exists()
