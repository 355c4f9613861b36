"""The time table of an average trial (tabella di marcia): the ideal time every 100 m.

`time_table(section, every_m)` gives one row per step (10 m to 1 km) from the start to the trial's
end, plus a row at each speed change, check and landmark that falls between steps, each marked.
The ideal is exact (a Fraction of ms); the table shows it cut to the hundredth, as a time of day,
or with ``start = "press"`` as the time elapsed since the press. `table_csv` writes it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from mmtimer.core.pacer import Schedule
from mmtimer.core.rules import KindRules
from mmtimer.core.stage import AverageTrial, Stage
from mmtimer.core.timefmt import DAY_MS, MS_PER_H, MS_PER_MIN, MS_PER_S, format_km

NS_PER_MS = 1_000_000
MIN_STEP_M = 10
MAX_STEP_M = 1000
DEFAULT_STEP_M = 100
CSV_COLUMNS = ("section", "km", "ideal", "mark")
BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class TableRow:
    """The ideal at `metres`: `ideal_ms` exact (official time of day, or elapsed since the press
    when `elapsed`); `marks` name what is there (``check 1``, ``40.0 km/h``, a landmark)."""

    section: str
    metres: int
    ideal_ms: Fraction
    elapsed: bool
    marks: tuple[str, ...] = ()
    kmh_change: bool = False
    check: int | None = None

    @property
    def ideal_text(self) -> str:
        """``HH:MM:SS.cc``: the exact ideal cut to the hundredth."""
        return format_ideal(self.ideal_ms, elapsed=self.elapsed)


def format_ideal(ideal_ms: Fraction, *, elapsed: bool = False) -> str:
    """An exact ideal (ms) as ``HH:MM:SS.cc``, cut (never rounded up) to the hundredth.

    A time of day wraps past midnight; an elapsed time counts its hours on.
    """
    ms = ideal_ms.numerator // ideal_ms.denominator
    if not elapsed:
        ms %= DAY_MS
    hours, rest = divmod(ms, MS_PER_H)
    minutes, rest = divmod(rest, MS_PER_MIN)
    seconds, frac = divmod(rest, MS_PER_S)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{frac // 10:02d}"


def check_step(every_m: int) -> int:
    """`every_m` if it is a step the table allows (10 m to 1 km, whole metres), else ValueError."""
    if not MIN_STEP_M <= every_m <= MAX_STEP_M:
        raise ValueError(f"the step must be from 0.010 to 1.000 km, not {format_km(every_m)} km")
    return every_m


def time_table(section: AverageTrial, every_m: int = DEFAULT_STEP_M) -> tuple[TableRow, ...]:
    """Rows from km 0 to the trial's end every `every_m`, with its marked points in between."""
    check_step(every_m)
    schedule = Schedule(section)
    marks: dict[int, list[str]] = {}
    changes: set[int] = set()
    checks: dict[int, int] = {}
    for index, leg in enumerate(schedule.legs):
        if index:
            marks.setdefault(leg.from_m, []).append(f"{leg.kmh} km/h")
            changes.add(leg.from_m)
    for number, metres in enumerate(section.checks_m, start=1):
        marks.setdefault(metres, []).append(f"check {number}")
        checks[metres] = number
    for metres, label in section.landmarks:
        marks.setdefault(metres, []).append(label or "landmark")
    points = set(range(0, schedule.end_m + 1, every_m)) | set(marks) | {schedule.end_m}
    start_ms = 0 if section.start_press else section.start_ms
    rows = []
    for metres in sorted(points):
        ideal = start_ms + schedule.elapsed_ns(metres) / NS_PER_MS
        head = [f"start {schedule.legs[0].kmh} km/h"] if metres == 0 else []
        rows.append(
            TableRow(
                section.id,
                metres,
                ideal,
                section.start_press,
                tuple(head + marks.get(metres, [])),
                metres in changes,
                checks.get(metres),
            )
        )
    return tuple(rows)


def average_sections(stage: Stage, section_id: str | None = None) -> tuple[AverageTrial, ...]:
    """The stage's average trials (or the one named), ValueError naming what is there if none."""
    averages = tuple(s for s in stage.sections if isinstance(s, AverageTrial))
    if section_id is not None:
        chosen = tuple(s for s in averages if s.id == section_id)
        if not chosen:
            known = ", ".join(s.id for s in averages) or "none"
            raise ValueError(
                f"no average trial {section_id!r} in the stage (average trials: {known})"
            )
        return chosen
    if not averages:
        raise ValueError("the stage has no average-speed trial")
    return averages


def table_csv(rows: Iterable[TableRow]) -> str:
    """The time table as CSV: UTF-8 BOM, ``section,km,ideal,mark`` (km with 3 decimals, ideal
    ``HH:MM:SS.cc`` cut to the hundredth, mark the points separated by ``; ``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        mark = "; ".join(row.marks)
        if mark.startswith(("=", "+", "-", "@")):
            mark = "'" + mark
        writer.writerow((row.section, format_km(row.metres), row.ideal_text, mark))
    return BOM + buffer.getvalue()


def rounding_note(
    rules: KindRules, rules_id: str, document: Literal["table", "card"] = "table"
) -> str:
    """How the rule set puts an exact ideal on its unit when it scores, for the printed
    `document` (the driver's time table or the navigator's card) that shows the ideal."""
    how = "rounded to the nearest" if rules.ideal_rounding == "round" else "cut down to the"
    return (
        f"Scoring ({rules_id}): the exact ideal is {how} {rules.unit} before it is compared; "
        f"this {document} shows it cut to the hundredth."
    )


__all__: Sequence[str] = (
    "CSV_COLUMNS",
    "TableRow",
    "average_sections",
    "check_step",
    "format_ideal",
    "rounding_note",
    "table_csv",
    "time_table",
)
