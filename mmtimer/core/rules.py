"""Rule sets (``mmtimer-rules/1``, RULES.md): how an organiser turns deviations into penalties.

A rule set is data: per section kind a unit, early and late rates and caps, how each crossing is
rounded to the unit, what a missed measurement scores; then the car factor, discards, an optional
points table and the tie-break chain. The five built-in sets are TOML files in
``resources/rules/`` read through `mmtimer.paths.resource`, so an organiser's variant is a copy
with a few values changed. Unknown keys and impossible values are `InputError`s naming the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Literal

from mmtimer.core.clock import NS_PER_MS
from mmtimer.core.errors import QT_TRANSLATE_NOOP, InputError, Message, Text
from mmtimer.core.results import SectionKind
from mmtimer.core.timefmt import FormatError, parse_decimal
from mmtimer.core.tomlfile import (
    KeyLocator,
    KeyPath,
    Reader,
    decode_utf8,
    describe,
    parse_toml,
    read_text,
)
from mmtimer.paths import resource

RULES_FORMAT = "mmtimer-rules/1"

UNIT_NS: dict[str, int] = {
    "0.01s": 10 * NS_PER_MS,
    "0.1s": 100 * NS_PER_MS,
    "1s": 1_000 * NS_PER_MS,
    "0.01min": 600 * NS_PER_MS,
    "1min": 60_000 * NS_PER_MS,
}
"""The units a rule set may count in, in nanoseconds (all whole milliseconds)."""

Rounding = Literal["truncate", "round"]
ROUNDINGS: tuple[Rounding, ...] = ("truncate", "round")
MissedReference = Literal["last-recorded", "missed"]
Factor = Literal["none", "year", "coefficient"]
Better = Literal["lower", "higher"]
DiscardScope = Literal["stage", "event"]

TIE_BREAKS: dict[str, str] = {
    "most_zeros": "more measurements with 0 penalties",
    "most_ones": "more measurements with 1 penalty",
    "least_sum_of_squares": "lower sum of the squared penalties",
    "first_better_row": "better result at the first measurement where the crews differ",
    "older_car": "older car (earlier year)",
}
"""The tie-break criteria a rule set may chain, and what each prefers."""

_BUILTIN_IDS = ("aci-2021", "mille-miglia", "tsd-cscc", "monte-carlo-historique", "year-factor")
_ZERO = Decimal(0)


def builtin_rule_ids() -> list[str]:
    """The ids of the rule sets shipped with mmtimer."""
    return list(_BUILTIN_IDS)


def looks_like_rules_path(ref: str) -> bool:
    """Whether a stage's `rules` value names a file rather than a built-in id."""
    return ref.endswith(".toml") or "/" in ref or "\\" in ref


@dataclass(frozen=True, slots=True)
class KindRules:
    """How one kind of section is scored.

    - `unit`: what is counted (``0.01s``, ``0.1s``, ``1s``, ``0.01min``, ``1min``).
    - `early_per_unit` / `late_per_unit`: points per whole unit of deviation on each side.
    - `early_cap` / `late_cap`: the most a measurement can cost on that side (None: no cap).
    - `rounding`: how each crossing (official time, or session instant when unsynced) is put on
      the unit before differences are taken: ``truncate`` (as timing systems stamp) or ``round``
      (nearest, halves up).
    - `missed`: the penalty of a measurement that could not be taken.
    - `missed_line_reference` (timed trials): when a line in the middle of a chain is missing,
      the next line is measured from the last recorded line against the sum of the targets in
      between (``last-recorded``), or is itself scored as missed (``missed``).
    - `ideal_rounding` (average trials): how the exact ideal time at a check is put on the unit.
    - `leg_factors` (time controls): the multipliers a stage may give the time controls of a leg
      (a section's ``leg_factor`` or a ``[[leg]]``'s ``factor``); 1 is always allowed.
    - `beyond_max_late` (time controls): the penalty of a control handed in later than the
      stage's maximum lateness (``max_late_min``); None: the rule set states none, and such a
      control is scored as late.
    """

    unit: str
    early_per_unit: Decimal
    late_per_unit: Decimal
    early_cap: Decimal | None
    late_cap: Decimal | None
    missed: Decimal
    rounding: Rounding = "truncate"
    missed_line_reference: MissedReference = "last-recorded"
    ideal_rounding: Rounding = "truncate"
    leg_factors: tuple[Decimal, ...] = ()
    beyond_max_late: Decimal | None = None
    unit_ns: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.unit not in UNIT_NS:
            raise ValueError(f"unknown unit {self.unit!r}")
        object.__setattr__(self, "unit_ns", UNIT_NS[self.unit])

    def on_unit(self, t_ns: int) -> int:
        """A crossing instant (ns) put on the unit by `rounding`: truncate or nearest."""
        unit = self.unit_ns
        if self.rounding == "truncate":
            return (t_ns // unit) * unit
        return ((t_ns + unit // 2) // unit) * unit

    def allows_leg_factor(self, factor: Decimal) -> bool:
        """Whether a stage may multiply these penalties by `factor` (1 always: no change)."""
        return factor == 1 or factor in self.leg_factors

    def units(self, deviation_ns: int) -> int:
        """Whole units in a deviation (its size; a part of a unit does not count)."""
        return abs(deviation_ns) // self.unit_ns

    def penalty(self, deviation_ns: int) -> tuple[Decimal, bool]:
        """(penalty, capped) for a signed deviation in ns; negative is early."""
        if deviation_ns < 0:
            rate, cap = self.early_per_unit, self.early_cap
        elif deviation_ns > 0:
            rate, cap = self.late_per_unit, self.late_cap
        else:
            return _ZERO, False
        points = rate * (abs(deviation_ns) // self.unit_ns)
        if cap is not None and points > cap:
            return cap, True
        return points, False


@dataclass(frozen=True, slots=True)
class RuleSet:
    """A whole rule set (see RULES.md, "Rule-set files").

    - `factor`: the car factor model. ``none``; ``year`` (1.YY, YY = the last two digits of the
      car's year); ``coefficient`` (the crew's own coefficient, e.g. the 1000 Miglia one).
    - `factor_on_penalties`: without a points table, whether the factor multiplies the penalty
      total (a year factor does; the 1000 Miglia coefficient multiplies points, so its built-in
      set only reports it). With a points table the factor always multiplies the points.
    - `discard_count` / `discard_kinds`: how many of the worst measurements of those kinds drop;
      `discard_scope`: from each stage (``stage``), or from the whole event's measurements
      (``event``: a stage alone then drops none, `core.event` drops them over the days).
    - `points_table`: points for 0, 1, 2... penalties (penalties past its end get the last
      entry); with one, higher totals are better.
    - `tie_break`: criteria from `TIE_BREAKS`, tried in order when totals are equal.
    """

    id: str
    timed: KindRules
    time_control: KindRules
    average: KindRules
    name: str = ""
    source: str = ""
    factor: Factor = "none"
    factor_on_penalties: bool = True
    discard_count: int = 0
    discard_kinds: tuple[SectionKind, ...] = (SectionKind.TIMED,)
    discard_scope: DiscardScope = "stage"
    points_table: tuple[Decimal, ...] | None = None
    better: Better = "lower"
    tie_break: tuple[str, ...] = ()
    origin: str = field(default="", compare=False)

    def for_kind(self, kind: SectionKind) -> KindRules:
        """The parameters of one section kind."""
        if kind is SectionKind.TIMED:
            return self.timed
        if kind is SectionKind.TIME_CONTROL:
            return self.time_control
        return self.average

    @property
    def higher_is_better(self) -> bool:
        return self.better == "higher"


# ---------------------------------------------------------------------------------------------
# Loading


def load_rules(ref: str, base_dir: Path | None = None) -> RuleSet:
    """A built-in rule set by id, or a ``.rules.toml`` file (relative paths from `base_dir`)."""
    if ref in _BUILTIN_IDS:
        return _load_builtin(ref)
    if not looks_like_rules_path(ref):
        known = ", ".join(_BUILTIN_IDS)
        raise InputError(
            ref,
            Text(
                QT_TRANSLATE_NOOP(
                    "Errors", "unknown rule set: built-in sets are %1; or give a .rules.toml path"
                ),
                known,
            ),
        )
    path = Path(ref)
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    return load_rules_file(path)


def load_rules_file(path: str | Path) -> RuleSet:
    """Read and check one rule-set file. Never writes it."""
    return parse_rules(read_text(path), str(path))


@cache
def _load_builtin(rule_id: str) -> RuleSet:
    rules = load_rules_file(resource("rules", f"{rule_id}.rules.toml"))
    if rules.id != rule_id:  # a packaging mistake, not a user's
        raise InputError(
            rules.origin,
            Text(QT_TRANSLATE_NOOP("Errors", "built-in file has id %1"), repr(rules.id)),
            key="id",
        )
    return rules


def parse_rules_bytes(data: bytes, source: str) -> RuleSet:
    """`parse_rules` for raw bytes (they must be UTF-8)."""
    return parse_rules(decode_utf8(data, source), source)


def parse_rules(text: str, source: str) -> RuleSet:
    """Check a rule set given as TOML text."""
    document = parse_toml(text, source)
    return rules_from_mapping(document, Reader(source, KeyLocator(text)))


_TOP_KEYS = (
    "format",
    "id",
    "name",
    "source",
    "better",
    "factor",
    "factor_on_penalties",
    "tie_break",
    "points_table",
    "timed",
    "time_control",
    "average",
    "discard",
)
_KIND_TABLES: dict[str, SectionKind] = {
    "timed": SectionKind.TIMED,
    "time_control": SectionKind.TIME_CONTROL,
    "average": SectionKind.AVERAGE,
}
_COMMON_KIND_KEYS = (
    "unit",
    "points_per_unit",
    "early_points_per_unit",
    "late_points_per_unit",
    "cap",
    "early_cap",
    "late_cap",
    "rounding",
    "missed",
)
_DISCARD_KINDS = {kind.value: kind for kind in SectionKind}


def rules_from_mapping(doc: Any, r: Reader) -> RuleSet:
    """A rule set from a parsed document (TOML or JSON), checked key by key."""
    if not isinstance(doc, Mapping):
        raise r.error(
            (),
            Text(QT_TRANSLATE_NOOP("Errors", "a rule set must be a table, not %1"), describe(doc)),
        )
    r.refuse_unknown(doc, _TOP_KEYS, ())
    if "format" not in doc:
        raise r.error(
            ("format",),
            Text(
                QT_TRANSLATE_NOOP("Errors", 'missing: a rule set starts with format = "%1"'),
                RULES_FORMAT,
            ),
        )
    if r.string(doc["format"], ("format",)) != RULES_FORMAT:
        raise r.error(
            ("format",),
            Text(QT_TRANSLATE_NOOP("Errors", '%1 is not "%2"'), repr(doc["format"]), RULES_FORMAT),
        )
    for key in ("id", "timed", "time_control", "average"):
        if key not in doc:
            raise r.error(
                (key,),
                QT_TRANSLATE_NOOP("Errors", "missing")
                if key == "id"
                else Text(QT_TRANSLATE_NOOP("Errors", "missing: the [%1] table"), key),
            )
    rule_id = r.string(doc["id"], ("id",)).strip()
    kinds = {name: _kind_rules(doc[name], name, r) for name in _KIND_TABLES}

    factor = r.choice(doc.get("factor", "none"), ("factor",), ("none", "year", "coefficient"))
    factor_on_penalties = r.boolean(doc.get("factor_on_penalties", True), ("factor_on_penalties",))
    points_table = _points_table(doc["points_table"], r) if "points_table" in doc else None
    if points_table is not None and factor == "year":
        raise r.error(
            ("points_table",),
            QT_TRANSLATE_NOOP(
                "Errors",
                "a year factor multiplies penalties (lower is better); with a "
                'points table use factor = "coefficient" or "none"',
            ),
        )
    default_better = "higher" if points_table is not None else "lower"
    better = r.choice(doc.get("better", default_better), ("better",), ("lower", "higher"))
    if better != default_better:
        raise r.error(
            ("better",),
            QT_TRANSLATE_NOOP(
                "Errors", 'with a points_table higher totals are better (better = "higher")'
            )
            if points_table is not None
            else QT_TRANSLATE_NOOP(
                "Errors",
                'penalties: lower is better (better = "lower"); "higher" needs a points_table',
            ),
        )

    tie_break: list[str] = []
    for index, item in enumerate(r.array(doc.get("tie_break", []), ("tie_break",)), start=1):
        tie_break.append(r.choice(item, ("tie_break", index), tuple(TIE_BREAKS)))
    if len(set(tie_break)) != len(tie_break):
        raise r.error(("tie_break",), QT_TRANSLATE_NOOP("Errors", "a criterion is listed twice"))

    discard_count = 0
    discard_kinds: tuple[SectionKind, ...] = (SectionKind.TIMED,)
    discard_scope: DiscardScope = "stage"
    if "discard" in doc:
        discard = r.table(doc["discard"], ("discard",))
        r.refuse_unknown(discard, ("count", "kinds", "scope"), ("discard",))
        if "scope" in discard:
            scope = r.choice(discard["scope"], ("discard", "scope"), ("stage", "event"))
            discard_scope = "event" if scope == "event" else "stage"
        discard_count = r.integer(discard.get("count", 0), ("discard", "count"), minimum=0)
        raw_kinds = r.array(discard.get("kinds", ["timed"]), ("discard", "kinds"))
        chosen = [
            _DISCARD_KINDS[r.choice(item, ("discard", "kinds", i), tuple(_DISCARD_KINDS))]
            for i, item in enumerate(raw_kinds, start=1)
        ]
        if discard_count and not chosen:
            raise r.error(
                ("discard", "kinds"),
                QT_TRANSLATE_NOOP("Errors", "name the kinds whose worst results drop"),
            )
        discard_kinds = tuple(chosen)

    return RuleSet(
        id=rule_id,
        timed=kinds["timed"],
        time_control=kinds["time_control"],
        average=kinds["average"],
        name=r.string(doc.get("name", rule_id), ("name",)),
        source=r.string(doc.get("source", ""), ("source",), empty=True),
        factor="year" if factor == "year" else "coefficient" if factor == "coefficient" else "none",
        factor_on_penalties=factor_on_penalties,
        discard_count=discard_count,
        discard_kinds=discard_kinds,
        discard_scope=discard_scope,
        points_table=points_table,
        better="higher" if better == "higher" else "lower",
        tie_break=tuple(tie_break),
        origin=r.source,
    )


def _decimal(value: Any, path: KeyPath, r: Reader, what: Message) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise r.error(
            path,
            Text(
                QT_TRANSLATE_NOOP("Errors", 'must be a number like "1" or "300", not %1'),
                describe(value),
            ),
        )
    try:
        number = parse_decimal(value, what)
    except FormatError as error:
        raise r.error(path, error.text) from None
    if number < 0:
        raise r.error(
            path, Text(QT_TRANSLATE_NOOP("Errors", "must not be negative, not %1"), repr(value))
        )
    return number


def _cap(value: Any, path: KeyPath, r: Reader) -> Decimal | None:
    if value == "none":
        return None
    return _decimal(value, path, r, "cap")


def _kind_rules(raw: Any, name: str, r: Reader) -> KindRules:
    at: KeyPath = (name,)
    table = r.table(raw, at)
    allowed: tuple[str, ...] = _COMMON_KIND_KEYS
    if name == "timed":
        allowed = (*allowed, "missed_line_reference")
    if name == "average":
        allowed = (*allowed, "ideal_rounding")
    if name == "time_control":
        allowed = (*allowed, "leg_factors", "beyond_max_late")
    r.refuse_unknown(table, allowed, at)
    if "unit" not in table:
        raise r.error(
            (*at, "unit"),
            Text(QT_TRANSLATE_NOOP("Errors", "missing: one of %1"), ", ".join(UNIT_NS)),
        )
    unit = r.choice(table["unit"], (*at, "unit"), tuple(UNIT_NS))

    both = table.get("points_per_unit")
    if both is None and not ("early_points_per_unit" in table and "late_points_per_unit" in table):
        raise r.error(
            (*at, "points_per_unit"),
            QT_TRANSLATE_NOOP("Errors", "missing: points for each unit of deviation"),
        )
    rates = {}
    for side in ("early", "late"):
        key = f"{side}_points_per_unit"
        value = table.get(key, both)
        rates[side] = _decimal(value, (*at, key if key in table else "points_per_unit"), r, key)
    caps = {}
    for side in ("early", "late"):
        key = f"{side}_cap"
        if key in table:
            caps[side] = _cap(table[key], (*at, key), r)
        elif "cap" in table:
            caps[side] = _cap(table["cap"], (*at, "cap"), r)
        else:
            caps[side] = None

    rounding = r.choice(table.get("rounding", "truncate"), (*at, "rounding"), ROUNDINGS)
    missed_raw = table.get("missed", "cap")
    if missed_raw == "cap":
        finite = [cap for cap in caps.values() if cap is not None]
        if not finite:
            raise r.error(
                (*at, "missed"),
                QT_TRANSLATE_NOOP(
                    "Errors",
                    'missed = "cap" needs a cap: give the penalty of a missed '
                    'measurement as a number, e.g. missed = "300"',
                ),
            )
        missed = max(finite)
    else:
        missed = _decimal(missed_raw, (*at, "missed"), r, "missed")

    reference = r.choice(
        table.get("missed_line_reference", "last-recorded"),
        (*at, "missed_line_reference"),
        ("last-recorded", "missed"),
    )
    ideal = r.choice(table.get("ideal_rounding", "truncate"), (*at, "ideal_rounding"), ROUNDINGS)
    leg_factors: list[Decimal] = []
    for index, item in enumerate(r.array(table.get("leg_factors", []), (*at, "leg_factors")), 1):
        path = (*at, "leg_factors", index)
        factor = _decimal(item, path, r, Text(QT_TRANSLATE_NOOP("Errors", "leg factor")))
        if factor <= 0:
            raise r.error(
                path,
                Text(
                    QT_TRANSLATE_NOOP(
                        "Errors", "a leg factor multiplies penalties: above 0, not %1"
                    ),
                    repr(item),
                ),
            )
        if factor in leg_factors:
            raise r.error(path, Text(QT_TRANSLATE_NOOP("Errors", "%1 is listed twice"), repr(item)))
        leg_factors.append(factor)
    beyond = table.get("beyond_max_late", "none")
    beyond_max_late = (
        None
        if beyond == "none"
        else _decimal(beyond, (*at, "beyond_max_late"), r, "beyond_max_late")
    )
    if beyond_max_late is not None and caps["late"] is not None and beyond_max_late < caps["late"]:
        raise r.error(
            (*at, "beyond_max_late"),
            Text(
                QT_TRANSLATE_NOOP(
                    "Errors", "beyond the maximum time costs at least the late cap (%1), not %2"
                ),
                caps["late"],
                repr(beyond),
            ),
        )
    return KindRules(
        unit=unit,
        early_per_unit=rates["early"],
        late_per_unit=rates["late"],
        early_cap=caps["early"],
        late_cap=caps["late"],
        missed=missed,
        rounding="round" if rounding == "round" else "truncate",
        missed_line_reference="missed" if reference == "missed" else "last-recorded",
        ideal_rounding="round" if ideal == "round" else "truncate",
        leg_factors=tuple(leg_factors),
        beyond_max_late=beyond_max_late,
    )


def _points_table(value: Any, r: Reader) -> tuple[Decimal, ...]:
    items = r.array(value, ("points_table",))
    if not items:
        raise r.error(
            ("points_table",),
            QT_TRANSLATE_NOOP("Errors", "must list the points for 0, 1, 2... penalties"),
        )
    points = tuple(
        _decimal(item, ("points_table", i), r, "points") for i, item in enumerate(items, start=1)
    )
    for index in range(1, len(points)):
        if points[index] > points[index - 1]:
            raise r.error(
                ("points_table", index + 1),
                QT_TRANSLATE_NOOP("Errors", "points must not rise as penalties grow"),
            )
    return points


def year_factor(year: int) -> Decimal:
    """The year factor 1.YY (YY = the last two digits of the car's year): 1934 -> 1.34."""
    return 1 + Decimal(year % 100) / 100
