"""A time control in the countdown: the wait, then "in your minute" in green, then how late;
its result said in minutes as the stage panel says it; its arrival shown as pressed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mmtimer.core.csvout import result_rows
from mmtimer.core.timefmt import parse_time_of_day_ms
from mmtimer.present.driver import driver_view
from mmtimer.present.formats import format_countdown
from mmtimer.present.screen import Presenter
from mmtimer.present.tone import Tone, countdown_tone
from tests.stages import FOUR_KINDS_TEXT, MS, S, four_kinds, new_session

MINUTE = 60 * S


def test_before_during_and_after_the_due_minute() -> None:
    assert format_countdown(90 * S, MINUTE) == "1:30.00"
    assert format_countdown(0, MINUTE) == "in your minute, 60 s left"
    assert format_countdown(-12_300 * MS, MINUTE) == "in your minute, 48 s left"
    assert format_countdown(-59_990 * MS, MINUTE) == "in your minute, 1 s left"
    assert format_countdown(-MINUTE, MINUTE) == "+1 min late"
    assert format_countdown(-(3 * MINUTE + 5 * S), MINUTE) == "+3 min late"
    assert format_countdown(-11_670 * MS) == "+11.67"  # any other target: as before
    assert countdown_tone(-11_670 * MS, MINUTE) is Tone.EXACT
    assert countdown_tone(-MINUTE, MINUTE) is Tone.OVERDUE
    assert countdown_tone(-11_670 * MS) is Tone.OVERDUE


@given(st.integers(-10 * MINUTE, 10 * MINUTE))
def test_the_countdown_never_reads_late_while_a_press_scores_zero(left_ns: int) -> None:
    text = format_countdown(left_ns, MINUTE)
    on_time = -MINUTE < left_ns <= 0
    assert text.startswith("in your minute") == on_time
    assert (countdown_tone(left_ns, MINUTE) is Tone.EXACT) == on_time
    if left_ns <= -MINUTE:
        assert text == f"+{-left_ns // MINUTE} min late"


def test_the_live_countdown_the_driver_and_the_table_agree_on_a_time_control() -> None:
    session = new_session()
    presenter = Presenter(session.stage)
    session.select_section("CO1", 1, 0)
    session.sync(0, parse_time_of_day_ms("10:42:00"))  # the due minute starts now
    state = session.state(12 * S)
    screen = presenter.screen(state)
    assert screen.countdown.texts()[1] == "in your minute, 48 s left"
    assert screen.countdown.tones()[1] is Tone.EXACT
    assert screen.readouts.countdown.text == "in your minute, 48 s left"
    driver = driver_view(session.stage, screen, target=state.countdown)
    assert driver.texts()[1] == "in your minute, 48 s left"
    assert driver.left_tone() is Tone.EXACT
    session.press(16_360 * MS)  # 10:42:16.36
    screen = presenter.screen(session.state(17 * S))
    assert screen.line_results()[("CO1", 1)] == ("+0 min · 0", Tone.EXACT)
    assert screen.countdown.texts()[2] == "CO1 · time card  +0 min  0 pts"
    (row,) = [r for r in session.results().rows if r.section == "CO1"]
    assert (row.measured_ms, row.deviation_ms) == (parse_time_of_day_ms("10:42:00"), 0)
    (cells,) = [c for c in result_rows(session.results()) if c[0] == "CO1"]
    assert cells[4:7] == ["10:42:16.36", "0.00", "0"]  # as pressed; scored on the minute


def test_a_time_control_on_a_finer_unit_counts_down_to_its_due_time() -> None:
    text = FOUR_KINDS_TEXT.replace('rules = "aci-2021"', 'rules = "tsd-cscc"')
    session = new_session(four_kinds(text))
    session.select_section("CO1", 1, 0)
    session.sync(0, parse_time_of_day_ms("10:42:00"))
    countdown = session.countdown(12 * S)
    assert countdown is not None and countdown.window_ns is None
    screen = Presenter(session.stage).screen(session.state(12 * S))
    assert screen.countdown.texts()[1] == "+12.00"
    assert countdown.remaining_ns == -12 * S
