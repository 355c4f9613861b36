"""A whole event as the window shows it: the days' list and the results over the event.

From `core.event.event_results` (the one scoring, the same numbers as ``mmtimer export
EVENT.event.toml``): each day's line (its state in words: driven, in progress, not yet driven, log
missing, stage missing, cannot be read; its total), which day opens next, the event's total line,
and the event's rows as one StageResult (each section named with its day, ``D2 PC4``) for the
results table and the plots, whose total is the event total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from mmtimer.core.errors import Text
from mmtimer.core.event import EventDayResult, EventResult
from mmtimer.core.results import StageResult
from mmtimer.present.formats import format_points

DRIVEN = "driven"
IN_PROGRESS = "in progress"
NOT_YET = "not yet driven"
LOG_MISSING = "log missing"
STAGE_MISSING = "stage missing"
UNREADABLE = "cannot be read"


@dataclass(frozen=True, slots=True)
class DayLine:
    """One day in the list. `openable`: its stage can be read (it can be timed or replayed)."""

    number: int
    name: str
    stage: str
    state: str
    total: str
    detail: str
    openable: bool
    detail_text: Text | None = None
    """`detail` as a window translates it (a day's problem; None: `detail` is a path)."""


def day_state(day: EventDayResult) -> str:
    """The day's state in words (DRIVEN, IN_PROGRESS, NOT_YET, LOG_MISSING, STAGE_MISSING or
    UNREADABLE)."""
    if day.status == "driven":
        return DRIVEN
    if day.status == "in progress":
        return IN_PROGRESS
    problem = day.problem or ""
    if problem.startswith("stage:"):
        missing = day.stage_path is not None and not day.stage_path.exists()
        return STAGE_MISSING if missing else UNREADABLE
    if problem.startswith("log:"):
        return UNREADABLE
    if problem.startswith("no log yet"):
        return LOG_MISSING
    return NOT_YET


def _total_text(total: Decimal | None) -> str:
    return "" if total is None else format_points(total)


def day_lines(result: EventResult) -> tuple[DayLine, ...]:
    lines = []
    for day in result.days:
        detail = day.problem or ""
        if not detail and day.log_path is not None and day.result is not None:
            detail = str(day.log_path)
        lines.append(
            DayLine(
                day.number,
                day.day.name,
                day.day.stage,
                day_state(day),
                _total_text(day.total),
                detail,
                day.stage is not None and day.status != "error",
                day.problem_text,
            )
        )
    return tuple(lines)


def next_day(result: EventResult) -> int | None:
    """The day to open next: the first in progress, else the first not driven yet (log missing
    counts: it is the day's log to be) whose stage reads; None when every day is driven."""
    for wanted in ((IN_PROGRESS,), (NOT_YET, LOG_MISSING)):
        for day, line in zip(result.days, day_lines(result), strict=True):
            if line.state in wanted and line.openable:
                return day.number
    return None


def event_total_line(result: EventResult) -> str:
    """``2 of 3 days driven · total 1234.5`` (the days not driven are not counted)."""
    days = len(result.days)
    text = f"{result.driven} of {days} day{'s' if days != 1 else ''} driven"
    if result.total is not None:
        text += f" · total {format_points(result.total)}"
    if result.event_discards:
        text += f" · {len(result.event_discards)} discarded over the event"
    if result.higher_is_better:
        text += " · higher is better"
    return text


def day_label(number: int, section: str) -> str:
    return f"D{number} {section}"


def event_stage_result(result: EventResult) -> StageResult | None:
    """Every driven day's rows in driving order, each section named with its day (``D1 PC1``),
    and the event total as the total; None when no day is driven."""
    scored = [d for d in result.days if d.result is not None]
    if not scored or result.total is None:
        return None
    rows = []
    penalties = Decimal(0)
    points: Decimal | None = None
    for day in scored:
        assert day.result is not None
        for row in day.result.rows:
            rows.append(replace(row, section=day_label(number=day.number, section=row.section)))
        penalties += day.result.penalties
        if day.result.points is not None:
            points = (points or Decimal(0)) + day.result.points
    first = scored[0].result
    assert first is not None
    coefficients = {d.result.coefficient for d in scored if d.result is not None}
    return StageResult(
        tuple(rows),
        result.total,
        first.rules_id,
        coefficient=first.coefficient if len(coefficients) == 1 else Decimal(1),
        higher_is_better=result.higher_is_better,
        messages=result.messages,
        penalties=penalties,
        points=points,
        car_factor=first.car_factor if len(coefficients) == 1 else None,
        car_year=first.car_year,
    )


__all__: Sequence[str] = (
    "DRIVEN",
    "IN_PROGRESS",
    "LOG_MISSING",
    "NOT_YET",
    "STAGE_MISSING",
    "UNREADABLE",
    "DayLine",
    "day_lines",
    "day_state",
    "event_stage_result",
    "event_total_line",
    "next_day",
)
