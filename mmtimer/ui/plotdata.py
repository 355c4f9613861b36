"""What the results plots draw, from a StageResult and its rule set: pure, no Qt, no pyqtgraph.

One bar per measurement in driving order: its deviation (late up, early down), and the
deviation at which the rule set's cap is reached (where the penalty stops growing), drawn as a
line; and the cumulative penalty along the stage (rows that count: discarded and pending ones add
nothing). Values stay integers (ms) and Decimals here; the plot turns them into floats for
drawing only.

Scale: timed trials are measured to 1/100 s, time controls in minutes, average trials in
seconds, so one scale cannot show them all. The plot's scale is set by the timed trials (their
cap, or their largest deviation); a bar beyond it is drawn to the edge and says its value
(`clipped`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from mmtimer.core.clock import NS_PER_MS
from mmtimer.core.results import ResultRow, SectionKind, StageResult
from mmtimer.core.rules import KindRules, RuleSet
from mmtimer.present.tone import EXACT_MS, Tone


@dataclass(frozen=True, slots=True)
class Bar:
    """One measurement. `shown_ms`: the deviation within the plot's scale (0 when not
    measured; `clipped` when it was beyond); `early_cap_ms` (negative) / `late_cap_ms`: where
    the cap is reached (None: no cap)."""

    index: int
    section: str
    line: int
    kind: SectionKind
    deviation_ms: int | None
    shown_ms: int
    clipped: bool
    tone: Tone
    penalty: Decimal
    discarded: bool
    early_cap_ms: int | None
    late_cap_ms: int | None

    @property
    def label(self) -> str:
        return (
            self.section if self.kind is SectionKind.TIME_CONTROL else f"{self.section}·{self.line}"
        )


@dataclass(frozen=True, slots=True)
class Series:
    """Every bar in driving order, the cumulative penalty after each, the section starts
    (index, section id) for the axis, and the scale: bars are drawn within +-`limit_ms`."""

    bars: tuple[Bar, ...]
    cumulative: tuple[Decimal, ...]
    sections: tuple[tuple[int, str], ...]
    total: Decimal
    limit_ms: int


def cap_deviation_ms(rules: KindRules, *, early: bool) -> int | None:
    """The smallest deviation (ms, negative when early) that costs the cap on that side, or None
    when that side has no cap (or costs nothing). ACI timed trials: 300 points at 1 per 1/100 s
    -> 3000 ms."""
    if early:
        rate, cap = rules.early_per_unit, rules.early_cap
    else:
        rate, cap = rules.late_per_unit, rules.late_cap
    if cap is None or rate <= 0:
        return None
    units = int((cap / rate).to_integral_value(rounding=ROUND_CEILING))  # whole units to the cap
    ms = units * rules.unit_ns // NS_PER_MS
    return -ms if early else ms


def tone_of(row: ResultRow) -> Tone:
    if "pending" in row.notes:
        return Tone.PENDING
    if row.deviation_ms is None:
        return Tone.MISSED
    if abs(row.deviation_ms) < EXACT_MS:
        return Tone.EXACT
    return Tone.LATE if row.deviation_ms > 0 else Tone.EARLY


MIN_LIMIT_MS = 1_000


def scale_limit_ms(result: StageResult, rules: RuleSet) -> int:
    """The deviation the plot's scale reaches: the timed trials' cap (the larger side), else
    the largest timed deviation; without timed trials, the largest deviation (at least 1 s)."""
    timed = [row for row in result.rows if row.kind is SectionKind.TIMED]
    if timed:
        caps = [
            cap_deviation_ms(rules.timed, early=True),
            cap_deviation_ms(rules.timed, early=False),
        ]
        known = [abs(cap) for cap in caps if cap is not None]
        if known:
            return max(known)
    rows = timed or list(result.rows)
    return max([MIN_LIMIT_MS, *(abs(r.deviation_ms) for r in rows if r.deviation_ms is not None)])


def series(result: StageResult, rules: RuleSet, *, limit_ms: int | None = None) -> Series:
    """The plots' data for `result`, scored under `rules`; `limit_ms`: the scale (by default
    `scale_limit_ms`; two runs drawn together share one)."""
    limit = scale_limit_ms(result, rules) if limit_ms is None else limit_ms
    bars: list[Bar] = []
    cumulative: list[Decimal] = []
    sections: list[tuple[int, str]] = []
    running = Decimal(0)
    for index, row in enumerate(result.rows):
        kind_rules = rules.for_kind(row.kind)
        deviation = row.deviation_ms or 0
        shown = max(-limit, min(limit, deviation))
        discarded = "discarded" in row.notes
        tone = tone_of(row)
        bars.append(
            Bar(
                index=index,
                section=row.section,
                line=row.line,
                kind=row.kind,
                deviation_ms=row.deviation_ms,
                shown_ms=shown,
                clipped=shown != deviation,
                tone=tone,
                penalty=row.penalty,
                discarded=discarded,
                early_cap_ms=cap_deviation_ms(kind_rules, early=True),
                late_cap_ms=cap_deviation_ms(kind_rules, early=False),
            )
        )
        if not discarded and tone is not Tone.PENDING:
            running += row.penalty
        cumulative.append(running)
        if not sections or sections[-1][1] != row.section:
            sections.append((index, row.section))
    return Series(tuple(bars), tuple(cumulative), tuple(sections), result.total, limit)


def matched(first: Series, second: Series) -> list[Bar | None]:
    """The second run's bar for each of the first run's bars (same section and line), or None."""
    by_key = {(bar.section, bar.line): bar for bar in second.bars}
    return [by_key.get((bar.section, bar.line)) for bar in first.bars]
