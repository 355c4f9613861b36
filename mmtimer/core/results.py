"""What scoring produces: one row per measurement and the stage total (FORMATS.md section 3)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from mmtimer.core.crew import Crew


class SectionKind(StrEnum):
    TIMED = "timed"
    TIME_CONTROL = "time-control"
    AVERAGE = "average"


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One scored measurement.

    `target_ms`/`measured_ms`: a duration (timed trials) or official time of day in ms since
    midnight (time controls, average trials). `deviation_ms` is measured minus target, late is
    positive. `notes` are words such as "missed", "void", "capped", "discarded", "unsynced".
    `raw_measured_ms` is what was measured before each crossing was put on the rule set's unit;
    `reference_line` is the line a timed measurement was taken from (None for other kinds).
    """

    section: str
    kind: SectionKind
    line: int
    target_ms: int
    measured_ms: int | None
    deviation_ms: int | None
    penalty: Decimal
    notes: tuple[str, ...] = ()
    points: Decimal | None = None
    raw_measured_ms: int | None = None
    reference_line: int | None = None


@dataclass(frozen=True, slots=True)
class StageResult:
    """All rows in driving order, and the total after car factor and discards.

    `coefficient` is the car factor applied to the total (1 when none is). `penalties` and
    `points` are the sums over the rows that count, before the factor; `car_factor` is the crew's
    factor under the rule set's model even where it is only reported (1000 Miglia without a
    points table); `car_year` feeds the "older car" tie-break. `stage_name` and `crew`: whose
    result of which stage (the CSV's total row names them); empty and None when not known.
    """

    rows: tuple[ResultRow, ...]
    total: Decimal
    rules_id: str
    coefficient: Decimal = Decimal(1)
    higher_is_better: bool = False
    messages: tuple[str, ...] = field(default=())
    penalties: Decimal = Decimal(0)
    points: Decimal | None = None
    car_factor: Decimal | None = None
    car_year: int | None = None
    stage_name: str = ""
    crew: Crew | None = None
