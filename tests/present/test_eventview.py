"""The event as the window lists it: days' states and totals, the next day, the event's rows."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from mmtimer.core.event import event_results, load_event
from mmtimer.paths import resource
from mmtimer.present.eventview import (
    DRIVEN,
    LOG_MISSING,
    NOT_YET,
    STAGE_MISSING,
    day_lines,
    event_stage_result,
    event_total_line,
    next_day,
)
from tests.core.test_event import make_event


def test_worked_example_as_listed(tmp_path: Path) -> None:
    # make_event's docstring counts it by hand (aci-2021 rates): day 1 = 37 + 12 + 0 = 49,
    # day 2 = 300 (capped) + 2 = 302, day 3 has no log, day 4's stage file is missing.
    # Event = 49 + 302 = 351 over 2 of 4 days.
    result = event_results(load_event(make_event(tmp_path, count=0, scope="stage")), tmp_path)
    lines = day_lines(result)
    assert [(d.state, d.total) for d in lines] == [
        (DRIVEN, "49"),
        (DRIVEN, "302"),
        (NOT_YET, ""),
        (STAGE_MISSING, ""),
    ]
    assert "day4.stage.toml" in lines[3].detail and not lines[3].openable
    assert lines[2].openable
    assert next_day(result) == 3
    assert event_total_line(result) == "2 of 4 days driven · total 351"
    whole = event_stage_result(result)
    assert whole is not None
    assert [r.section for r in whole.rows] == ["D1 PC1", "D1 PC1", "D1 CO1", "D2 PC1", "D2 PM1"]
    assert [r.penalty for r in whole.rows] == [37, 12, 0, 300, 2]
    assert whole.total == Decimal(351) and whole.penalties == Decimal(351)


def test_discards_over_the_event_show_in_the_event_rows(tmp_path: Path) -> None:
    # One discard over the event: the worst timed measurement is day 2's capped 300, so the
    # event is 49 + 2 = 51 and that row is noted discarded.
    result = event_results(load_event(make_event(tmp_path, count=1, scope="event")), tmp_path)
    assert [d.total for d in day_lines(result)] == ["49", "2", "", ""]
    assert event_total_line(result) == "2 of 4 days driven · total 51 · 1 discarded over the event"
    whole = event_stage_result(result)
    assert whole is not None and whole.total == Decimal(51)
    assert [("discarded" in r.notes) for r in whole.rows] == [False, False, False, True, False]


def test_a_named_log_not_there_is_log_missing_and_opens_next(tmp_path: Path) -> None:
    result = event_results(
        load_event(make_event(tmp_path, count=0, scope="stage", day3_log=True)), tmp_path
    )
    line = day_lines(result)[2]
    assert line.state == LOG_MISSING and "day3.mmlog" in line.detail
    assert next_day(result) == 3  # the day's log is to be written there


def test_the_example_event() -> None:
    result = event_results(load_event(resource("events", "mille-miglia-2027.event.toml")))
    assert [d.state for d in day_lines(result)] == [DRIVEN, DRIVEN, NOT_YET]
    assert next_day(result) == 3
    assert event_stage_result(result) is not None
