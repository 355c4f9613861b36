"""What scoring produces: one row per measurement and the stage total (FORMATS.md section 3)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class SectionKind(StrEnum):
    TIMED = "timed"
    TIME_CONTROL = "time-control"
    AVERAGE = "average"


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One scored measurement.

    `target_ms`/`measured_ms`: a duration (timed trials) or official time of day in ms since
    midnight (time controls, average trials). `deviation_ms` is measured minus target, late is
    positive. `notes` are words such as "missed", "void", "capped", "discarded".
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


@dataclass(frozen=True, slots=True)
class StageResult:
    """All rows in driving order, and the total after car factor and discards."""

    rows: tuple[ResultRow, ...]
    total: Decimal
    rules_id: str
    coefficient: Decimal = Decimal(1)
    higher_is_better: bool = False
    messages: tuple[str, ...] = field(default=())
