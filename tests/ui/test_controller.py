"""The controller: pushers read the clock first, then the core changes, then a signal."""

from __future__ import annotations

import datetime

from pytestqt.qtbot import QtBot

from mmtimer.core.clock import FakeClock, SyncPoint
from mmtimer.ui.controller import Controller

S = 1_000_000_000


def make(start_ns: int = 5 * S) -> tuple[FakeClock, Controller]:
    clock = FakeClock(start_ns, utc_start=datetime.datetime(2026, 5, 13, 8, 0, tzinfo=datetime.UTC))
    return clock, Controller(clock)


def test_pushers_read_the_clock_when_given_no_instant(qtbot: QtBot) -> None:
    clock, controller = make()
    with qtbot.waitSignal(controller.chronoChanged, timeout=100):
        controller.start_stop()
    assert controller.chronograph.started_ns == 5 * S
    clock.advance_ns(12_340_000_000)
    controller.split()
    clock.advance_ns(1 * S)
    controller.lap()
    controller.start_stop()
    assert controller.chronograph.elapsed_ns(clock.now_ns()) == 13_340_000_000
    marks = controller.chronograph.marks
    assert [m.elapsed_ns for m in marks] == [12_340_000_000, 13_340_000_000]
    controller.reset()
    assert controller.chronograph.elapsed_ns(clock.now_ns()) == 0


def test_pushers_use_the_instant_they_are_given(qtbot: QtBot) -> None:
    clock, controller = make()
    controller.start_stop(t_ns=2 * S)  # e.g. a key event's own timestamp, earlier than now
    assert controller.chronograph.started_ns == 2 * S
    controller.start_stop(t_ns=4 * S)
    assert controller.chronograph.elapsed_ns(clock.now_ns()) == 2 * S


def test_a_refused_pusher_changes_nothing_and_says_why(qtbot: QtBot) -> None:
    _, controller = make()
    controller.start_stop()
    before = controller.chronograph
    with (
        qtbot.waitSignal(controller.refused, timeout=100) as refused,
        qtbot.assertNotEmitted(controller.chronoChanged),
    ):
        controller.reset()
    assert "stop" in refused.args[0]
    assert controller.chronograph is before


def test_official_time_is_the_local_clock_until_a_sync(qtbot: QtBot) -> None:
    clock, controller = make()
    local = datetime.datetime(2026, 5, 13, 8, 0, tzinfo=datetime.UTC).astimezone()
    expected = ((local.hour * 60 + local.minute) * 60 + local.second) * 1000
    assert controller.official_ms(clock.now_ns()) == expected
    assert controller.official_ms(clock.now_ns() + 1_500_000_000) == expected + 1500
    assert controller.date_at(clock.now_ns()) == local.date()
    # A sync (the live-stage work adds them) takes over from its instant on.
    controller.official_time.add(SyncPoint(10 * S, (10 * 3600 + 41 * 60) * S))
    assert controller.official_ms(10 * S) == (10 * 3600 + 41 * 60) * 1000
    assert controller.official_ms(12 * S) == (10 * 3600 + 41 * 60 + 2) * 1000
    assert controller.official_ms(9 * S) == expected + 4000  # before the sync: wall clock


def test_dial_state_at_an_instant(qtbot: QtBot) -> None:
    clock, controller = make()
    controller.start_stop()
    clock.advance_ns(61 * S)
    state = controller.dial_state(start_pressed=True)
    assert state.chrono_elapsed_ns == 61 * S
    assert state.chrono_running
    assert state.start_stop_pressed and not state.reset_pressed
    assert controller.dial_state(clock.now_ns() - 1 * S).chrono_elapsed_ns == 60 * S
