"""What a stage adds to its time controls: a leg factor and a maximum lateness (docs/files.md).

- **Leg factor.** Some events weigh a leg's time controls differently (the Rallye Monte-Carlo
  Historique halves time-control penalties on its concentration leg). A time-control section may
  carry ``leg_factor = "0.5"``, or a stage-level ``[[leg]]`` (``from``/``to`` section ids,
  inclusive, and ``factor``) covers a range of sections; the time controls in it take the
  factor. A rule set lists the factors it allows (``[time_control] leg_factors``); a factor it
  does not allow is not applied, and the row and a message say so.
- **Maximum lateness.** ``max_late_min`` (whole minutes) on the stage, or on one time control,
  is the most a control may be late. Where the rule set states what happens beyond it
  (``[time_control] beyond_max_late``, aci-2021: 1000), a control handed in later scores that
  penalty with the note ``beyond max time``; the leg factor does not scale it (it stands for an
  exclusion). Where the rule set states nothing, the control is scored as late and a message
  says so.

"Beyond" counts as the rule set counts: the control's lateness in whole units (after each time
is put on the unit) is more than the maximum in the same units; with ACI's 1-minute unit and
``max_late_min = 15``, 15 minutes late is within the maximum, 16 is beyond.

Kept apart from `mmtimer.core.stage` (which reads the fields through the helpers here) and
`mmtimer.core.scoring` (which calls `apply_control_terms` on each time-control row).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from mmtimer.core.clock import NS_PER_MS
from mmtimer.core.errors import QT_TRANSLATE_NOOP, Text
from mmtimer.core.results import ResultRow, SectionKind
from mmtimer.core.rules import KindRules
from mmtimer.core.timefmt import MS_PER_MIN, FormatError, parse_decimal
from mmtimer.core.tomlfile import KeyPath, Reader, describe

if TYPE_CHECKING:  # stage.py reads its fields through this module
    from mmtimer.core.stage import Section, TimeControl

BEYOND_MAX = "beyond max time"
CAPPED = "capped"
MAX_LATE_LIMIT_MIN = 24 * 60


@dataclass(frozen=True, slots=True)
class Leg:
    """A range of sections, `first` to `last` (ids, inclusive, in driving order), whose time
    controls take `factor`."""

    first: str
    last: str
    factor: Decimal
    name: str = ""

    def label(self, number: int) -> str:
        return self.name or f"leg {number}"


@dataclass(frozen=True, slots=True)
class ControlTerms:
    """What the stage says about one time control: its leg factor (and where it comes from) and
    its maximum lateness in minutes."""

    leg_factor: Decimal | None = None
    leg: str = ""
    max_late_min: int | None = None


def _as_time_control(section: Section) -> TimeControl | None:
    return cast("TimeControl", section) if section.kind is SectionKind.TIME_CONTROL else None


# ---------------------------------------------------------------------------------------------
# Reading and writing the stage fields


def parse_leg_factor(value: Any, path: KeyPath, r: Reader) -> Decimal:
    """A factor such as ``"0.5"`` (above 0)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise r.error(
            path,
            Text(
                QT_TRANSLATE_NOOP("Errors", 'must be a number like "0.5", not %1'), describe(value)
            ),
        )
    try:
        factor = parse_decimal(value, Text(QT_TRANSLATE_NOOP("Errors", "leg factor")))
    except FormatError as error:
        raise r.error(path, error.text) from None
    if not factor.is_finite() or factor <= 0:
        raise r.error(
            path,
            Text(
                QT_TRANSLATE_NOOP("Errors", "a leg factor multiplies penalties: above 0, not %1"),
                repr(value),
            ),
        )
    return factor


def parse_max_late_min(value: Any, path: KeyPath, r: Reader) -> int:
    """Whole minutes, 0 to a day."""
    if isinstance(value, str) and re.fullmatch(r"[0-9]{1,6}", value.strip()):
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        raise r.error(
            path,
            Text(
                QT_TRANSLATE_NOOP("Errors", "must be whole minutes like 15, not %1"),
                describe(value),
            ),
        )
    if not 0 <= value <= MAX_LATE_LIMIT_MIN:
        raise r.error(
            path,
            Text(
                QT_TRANSLATE_NOOP("Errors", "must be 0 to %1 minutes, not %2"),
                MAX_LATE_LIMIT_MIN,
                value,
            ),
        )
    return value


def parse_legs(raw: Any, sections: Sequence[Section], r: Reader) -> tuple[Leg, ...]:
    """The stage's ``[[leg]]`` tables, checked against its sections: each names two sections in
    driving order; legs do not overlap; a time control inside a leg has no ``leg_factor`` of its
    own."""
    items = r.array(raw, ("leg",))
    order = {section.id: index for index, section in enumerate(sections)}
    legs: list[Leg] = []
    spans: list[tuple[int, int, int]] = []
    for number, item in enumerate(items, start=1):
        at: KeyPath = ("leg", number)
        table = r.table(item, at)
        r.refuse_unknown(table, ("name", "from", "to", "factor"), at)
        ends: dict[str, str] = {}
        for key in ("from", "to"):
            if key not in table:
                raise r.error(
                    (*at, key),
                    Text(
                        QT_TRANSLATE_NOOP("Errors", "missing: the id of the leg's %1 section"),
                        _END[key],
                    ),
                )
            ends[key] = r.string(table[key], (*at, key)).strip()
            if ends[key] not in order:
                raise r.error(
                    (*at, key),
                    Text(
                        QT_TRANSLATE_NOOP("Errors", "the stage has no section %1"), repr(ends[key])
                    ),
                )
        first, last = order[ends["from"]], order[ends["to"]]
        if last < first:
            raise r.error(
                (*at, "to"),
                Text(
                    QT_TRANSLATE_NOOP(
                        "Errors", "%1 comes before %2: from is the leg's first section"
                    ),
                    repr(ends["to"]),
                    repr(ends["from"]),
                ),
            )
        if "factor" not in table:
            raise r.error(
                (*at, "factor"),
                QT_TRANSLATE_NOOP("Errors", 'missing: the multiplier, e.g. factor = "0.5"'),
            )
        factor = parse_leg_factor(table["factor"], (*at, "factor"), r)
        name = r.string(table.get("name", ""), (*at, "name"), empty=True).strip()
        for other_first, other_last, other in spans:
            if first <= other_last and other_first <= last:
                raise r.error(
                    at,
                    Text(
                        QT_TRANSLATE_NOOP(
                            "Errors", "overlaps leg %1: a section is in one leg at most"
                        ),
                        other,
                    ),
                )
        for section in sections[first : last + 1]:
            control = _as_time_control(section)
            if control is not None and control.leg_factor is not None:
                raise r.error(
                    at,
                    Text(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "%1 is in this leg and has its own leg_factor: keep one of them",
                        ),
                        section.id,
                    ),
                )
        spans.append((first, last, number))
        legs.append(Leg(ends["from"], ends["to"], factor, name))
    return tuple(legs)


_END = {"from": "first", "to": "last"}


def leg_to_json(leg: Leg) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if leg.name:
        out["name"] = leg.name
    out["from"] = leg.first
    out["to"] = leg.last
    out["factor"] = str(leg.factor)
    return out


# ---------------------------------------------------------------------------------------------
# Scoring


def control_terms(
    sections: Sequence[Section], legs: Sequence[Leg], max_late_min: int | None
) -> dict[str, ControlTerms]:
    """The terms of every time control that has any (section id -> terms); `sections` in driving
    order, `max_late_min` the stage's own."""
    by_first = {leg.first: (number, leg) for number, leg in enumerate(legs, start=1)}
    out: dict[str, ControlTerms] = {}
    current: tuple[int, Leg] | None = None
    for section in sections:
        if section.id in by_first:
            current = by_first[section.id]
        control = _as_time_control(section)
        if control is not None:
            factor, source = control.leg_factor, ""
            if factor is None and current is not None:
                factor, source = current[1].factor, current[1].label(current[0])
            own_max = control.max_late_min
            maximum = own_max if own_max is not None else max_late_min
            if factor is not None or maximum is not None:
                out[section.id] = ControlTerms(factor, source, maximum)
        if current is not None and section.id == current[1].last:
            current = None
    return out


def _exact(value: Decimal) -> Decimal:
    """A product without trailing zeros of the factor's places: 100 x 0.5 = 50, not 50.0."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def apply_control_terms(
    row: ResultRow,
    terms: ControlTerms,
    rules: KindRules,
    rules_id: str,
    messages: list[str],
) -> ResultRow:
    """A scored time-control row under its terms (see the module doc for the order)."""
    if terms.max_late_min is not None and row.deviation_ms is not None and row.deviation_ms > 0:
        late_units = rules.units(row.deviation_ms * NS_PER_MS)
        max_units = terms.max_late_min * MS_PER_MIN * NS_PER_MS // rules.unit_ns
        if late_units > max_units:
            late_min = row.deviation_ms // MS_PER_MIN
            if rules.beyond_max_late is not None:
                notes = tuple(note for note in row.notes if note != CAPPED)
                return _with(row, rules.beyond_max_late, (*notes, BEYOND_MAX))
            messages.append(
                f"{row.section}: {late_min} min late, beyond the stage's maximum of "
                f"{terms.max_late_min} min, but {rules_id} states no penalty beyond the "
                "maximum time: scored as late"
            )
    factor = terms.leg_factor
    if factor is None or factor == 1:
        return row
    where = f" ({terms.leg})" if terms.leg else ""
    if not rules.allows_leg_factor(factor):
        allowed = ", ".join(str(f) for f in rules.leg_factors) or "none"
        messages.append(
            f"{row.section}: leg factor {factor}{where} not applied: "
            f"{rules_id} allows {allowed} for time controls"
        )
        return _with(row, row.penalty, (*row.notes, f"leg factor {factor} not allowed"))
    return _with(row, _exact(row.penalty * factor), (*row.notes, f"leg factor {factor}"))


def _with(row: ResultRow, penalty: Decimal, notes: tuple[str, ...]) -> ResultRow:
    return ResultRow(
        row.section,
        row.kind,
        row.line,
        row.target_ms,
        row.measured_ms,
        row.deviation_ms,
        penalty,
        notes,
        row.points,
        row.raw_measured_ms,
        row.reference_line,
    )


def leg_summary(terms: Mapping[str, ControlTerms]) -> dict[str, str]:
    """Readable terms per time control, for `mmtimer check`: ``leg factor 0.5 (concentration),
    at most 15 min late``."""
    out = {}
    for section_id, term in terms.items():
        parts = []
        if term.leg_factor is not None:
            parts.append(f"leg factor {term.leg_factor}" + (f" ({term.leg})" if term.leg else ""))
        if term.max_late_min is not None:
            parts.append(f"at most {term.max_late_min} min late")
        out[section_id] = ", ".join(parts)
    return out
