"""Stage files (FORMATS.md section 1): timed trials, time controls and average trials, in order.

A stage is what the organiser says the crew must do. It is read from TOML (`load_stage`,
`parse_stage`), from the JSON copy in a log header (`stage_from_json`), written back with
`stage_to_json` / `save_stage` (atomic). Reading never writes the file. Every problem is an
`InputError` naming the file, the line where it can be found, and the key (``section[2].due``,
sections counted from 1).

Units: durations and times of day in ms (times of day since midnight, official time), distances
in metres, speeds as exact Decimals in km/h.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, ClassVar, Literal

import tomli_w

from mmtimer.core.atomicfile import atomic_write_text
from mmtimer.core.errors import QT_TRANSLATE_NOOP, InputError, Text
from mmtimer.core.legs import (
    ControlTerms,
    Leg,
    control_terms,
    leg_to_json,
    parse_leg_factor,
    parse_legs,
    parse_max_late_min,
)
from mmtimer.core.results import SectionKind
from mmtimer.core.rules import builtin_rule_ids, looks_like_rules_path
from mmtimer.core.timefmt import (
    MS_PER_H,
    MS_PER_MIN,
    MS_PER_S,
    FormatError,
    format_km,
    parse_decimal,
    parse_duration_ms,
    parse_km_m,
    parse_time_of_day_ms,
)
from mmtimer.core.tomlfile import (
    KeyLocator,
    KeyPath,
    Reader,
    decode_utf8,
    describe,
    parse_toml,
    read_text,
)

STAGE_FORMAT = "mmtimer-stage/1"
TargetsFrom = Literal["previous", "start"]
MS_PER_KMH_METRE = 3600
"""Covering 1 m at 1 km/h takes 3.6 s = 3600 ms: ideal ms = metres * 3600 / kmh."""


@dataclass(frozen=True, slots=True)
class TimedSection:
    """A timed trial (prova cronometrata): a chain of `lines` timing lines, one press each.

    `targets_ms[i]` is the target of line i + 2. With ``targets_from="previous"`` it is timed
    from line i + 1; with ``"start"`` from line 1 (so targets then rise strictly).
    """

    kind: ClassVar[SectionKind] = SectionKind.TIMED
    id: str
    targets_ms: tuple[int, ...]
    targets_from: TargetsFrom = "previous"

    @property
    def lines(self) -> int:
        return len(self.targets_ms) + 1

    def target_ms(self, line: int) -> int:
        """The target of `line` (2..lines), from the line its `targets_from` names."""
        return self.targets_ms[line - 2]


@dataclass(frozen=True, slots=True)
class TimeControl:
    """A time control (controllo orario): the time card is handed in during the due minute.

    `leg_factor` multiplies its penalty where the rule set allows it; `max_late_min` is its
    maximum lateness, over the stage's (`mmtimer.core.legs`). Both optional.
    """

    kind: ClassVar[SectionKind] = SectionKind.TIME_CONTROL
    id: str
    due_ms: int
    leg_factor: Decimal | None = None
    max_late_min: int | None = None

    @property
    def lines(self) -> int:
        return 1


@dataclass(frozen=True, slots=True)
class AverageTrial:
    """An average-speed trial (prova di media) starting at official time `start_ms` (no press).

    `speeds` are ``(from_m, kmh)`` pairs, the first from 0: the imposed average from that distance
    on. `checks_m` are the detection points; the pass for check k (1-based) has ``line = k``.
    `landmarks` are road-book points ``(metres, label)`` the navigator confirms to correct the
    car's distance (FORMATS.md section 6). With `start_press` (``start = "press"``) the schedule
    starts at the navigator's press at the start marker; `start_ms` is then 0 and means nothing:
    the ideal times are then elapsed times from that press (`ideal_elapsed_ms`).
    """

    kind: ClassVar[SectionKind] = SectionKind.AVERAGE
    id: str
    start_ms: int
    speeds: tuple[tuple[int, Decimal], ...]
    checks_m: tuple[int, ...]
    landmarks: tuple[tuple[int, str], ...] = ()
    start_press: bool = False

    @property
    def lines(self) -> int:
        return len(self.checks_m)

    def ideal_elapsed_ms(self, distance_m: int) -> Fraction:
        """Exact time from the start to `distance_m` at the imposed averages (piecewise)."""
        elapsed = Fraction(0)
        for index, (from_m, kmh) in enumerate(self.speeds):
            if distance_m <= from_m:
                break
            until_m = self.speeds[index + 1][0] if index + 1 < len(self.speeds) else distance_m
            covered = min(distance_m, until_m) - from_m
            elapsed += Fraction(covered * MS_PER_KMH_METRE) / Fraction(kmh)
        return elapsed

    def ideal_ms(self, check: int) -> Fraction:
        """The exact ideal official time of day (ms since midnight, may pass 24 h) at check
        `check` (1-based). How it is rounded to the scoring unit is the rule set's choice."""
        return self.start_ms + self.ideal_elapsed_ms(self.checks_m[check - 1])

    def ideal_times_ms(self) -> tuple[Fraction, ...]:
        """`ideal_ms` of every check, in order."""
        return tuple(self.ideal_ms(k) for k in range(1, self.lines + 1))


Section = TimedSection | TimeControl | AverageTrial


@dataclass(frozen=True, slots=True)
class Stage:
    """A stage: its sections in driving order, and the rule set it is scored by.

    `rules` is a built-in rule-set id or a path relative to the stage file. `source` (the file it
    came from) and `raw` (the document as read) do not take part in equality. `legs` and
    `max_late_min` are the optional time-control terms of `mmtimer.core.legs`.
    """

    name: str
    rules: str
    sections: tuple[Section, ...]
    source: str = field(default="", compare=False)
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    legs: tuple[Leg, ...] = ()
    max_late_min: int | None = None
    gps_allowed: bool = True
    """``gps = false`` in the stage: the event bans GPS, the window will not turn it on."""
    _terms: Mapping[str, ControlTerms] = field(
        init=False, default_factory=dict, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        if (
            self.legs
            or self.max_late_min is not None
            or any(
                isinstance(s, TimeControl) and (s.leg_factor, s.max_late_min) != (None, None)
                for s in self.sections
            )
        ):
            terms = control_terms(self.sections, self.legs, self.max_late_min)
            object.__setattr__(self, "_terms", terms)

    def section(self, section_id: str) -> Section:
        """The section with this id (KeyError if none)."""
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def control_terms(self) -> Mapping[str, ControlTerms]:
        """The leg factor and maximum lateness of each time control that has either (worked
        out once, when the stage is made)."""
        return self._terms

    @property
    def presses(self) -> int:
        """How many passes the whole stage takes (one per line or check)."""
        return sum(section.lines for section in self.sections)


# ---------------------------------------------------------------------------------------------
# Reading


def load_stage(path: str | Path, *, default_rules: str | None = None) -> Stage:
    """Read and check a ``*.stage.toml`` file. Never writes it.

    `default_rules`: the rule set of a stage that names none (an event's ``rules``, FORMATS.md
    section 4); without it, ``rules`` is required."""
    source = str(path)
    text = read_text(path)
    return parse_stage(text, source, Path(path).parent, default_rules=default_rules)


def parse_stage(
    text: str, source: str, base_dir: Path | None = None, *, default_rules: str | None = None
) -> Stage:
    """Check a stage given as TOML text. With `base_dir`, a rule-set path must name a file."""
    document = parse_toml(text, source)
    if default_rules is not None and "rules" not in document:
        document["rules"] = default_rules
    return _stage_from_mapping(document, Reader(source, KeyLocator(text)), base_dir)


def parse_stage_bytes(data: bytes, source: str, base_dir: Path | None = None) -> Stage:
    """`parse_stage` for raw bytes (they must be UTF-8)."""
    return parse_stage(decode_utf8(data, source), source, base_dir)


def stage_from_json(obj: Mapping[str, Any], source: str) -> Stage:
    """The stage from its JSON form (a log header's ``stage``), checked as strictly as a file."""
    return _stage_from_mapping(obj, Reader(source), None)


def section_from_json(obj: Any, source: str, number: int = 1) -> Section:
    """One section from its JSON/TOML form, checked as the loader checks a ``[[section]]``
    (errors name ``section[number]``)."""
    return _section(obj, number, Reader(source))


_TOP_KEYS = ("format", "name", "rules", "max_late_min", "gps", "section", "leg")
_KIND_KEYS: dict[str, tuple[str, ...]] = {
    "timed": ("id", "kind", "targets", "targets_from"),
    "time-control": ("id", "kind", "due", "leg_factor", "max_late_min"),
    "average": ("id", "kind", "start", "speed_kmh", "speeds", "checks_km", "landmarks"),
}


def _stage_from_mapping(doc: Any, r: Reader, base_dir: Path | None) -> Stage:
    if not isinstance(doc, Mapping):
        raise r.error(
            (),
            Text(
                QT_TRANSLATE_NOOP("Errors", "a stage must be a table (JSON object), not %1"),
                describe(doc),
            ),
        )
    r.refuse_unknown(doc, _TOP_KEYS, ())
    if "format" not in doc:
        raise r.error(
            ("format",),
            Text(
                QT_TRANSLATE_NOOP("Errors", 'missing: a stage starts with format = "%1"'),
                STAGE_FORMAT,
            ),
        )
    if r.string(doc["format"], ("format",)) != STAGE_FORMAT:
        raise r.error(
            ("format",),
            Text(QT_TRANSLATE_NOOP("Errors", '%1 is not "%2"'), repr(doc["format"]), STAGE_FORMAT),
        )
    for key in ("name", "rules", "section"):
        if key not in doc:
            raise r.error((key,), QT_TRANSLATE_NOOP("Errors", "missing"))
    name = r.string(doc["name"], ("name",)).strip()
    rules = r.string(doc["rules"], ("rules",)).strip()
    _check_rules_ref(rules, r, base_dir)
    raw_sections = r.array(doc["section"], ("section",))
    if not raw_sections:
        raise r.error(
            ("section",), QT_TRANSLATE_NOOP("Errors", "a stage needs at least one [[section]]")
        )
    sections: list[Section] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(raw_sections, start=1):
        section = _section(raw, number, r)
        if section.id in seen:
            raise r.error(
                ("section", number, "id"),
                Text(
                    QT_TRANSLATE_NOOP("Errors", "duplicate id %1 (also section %2)"),
                    repr(section.id),
                    seen[section.id],
                ),
            )
        seen[section.id] = number
        sections.append(section)
    legs = parse_legs(doc["leg"], sections, r) if "leg" in doc else ()
    max_late = doc.get("max_late_min")
    return Stage(
        name,
        rules,
        tuple(sections),
        r.source,
        dict(doc),
        legs=legs,
        max_late_min=None
        if max_late is None
        else parse_max_late_min(max_late, ("max_late_min",), r),
        gps_allowed=r.boolean(doc["gps"], ("gps",)) if "gps" in doc else True,
    )


def _check_rules_ref(rules: str, r: Reader, base_dir: Path | None) -> None:
    if rules in builtin_rule_ids():
        return
    if not looks_like_rules_path(rules):
        known = ", ".join(builtin_rule_ids())
        raise r.error(
            ("rules",),
            Text(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "unknown rule set %1: use a built-in set (%2) or the path of a "
                    ".rules.toml file",
                ),
                repr(rules),
                known,
            ),
        )
    if base_dir is not None and not (base_dir / rules).is_file():
        raise r.error(
            ("rules",),
            Text(
                QT_TRANSLATE_NOOP("Errors", "rule-set file %1 not found next to the stage"),
                repr(rules),
            ),
        )


def _section(raw: Any, number: int, r: Reader) -> Section:
    at: KeyPath = ("section", number)
    table = r.table(raw, at)
    if "kind" not in table:
        raise r.error(
            (*at, "kind"),
            QT_TRANSLATE_NOOP("Errors", 'missing: "timed", "time-control" or "average"'),
        )
    kind = r.choice(table["kind"], (*at, "kind"), tuple(_KIND_KEYS))
    r.refuse_unknown(table, _KIND_KEYS[kind], at)
    if "id" not in table:
        raise r.error((*at, "id"), QT_TRANSLATE_NOOP("Errors", "missing: each section needs an id"))
    section_id = r.string(table["id"], (*at, "id")).strip()
    if kind == "timed":
        return _timed(section_id, table, at, r)
    if kind == "time-control":
        if "due" not in table:
            raise r.error(
                (*at, "due"),
                QT_TRANSLATE_NOOP("Errors", 'missing: the due official time, e.g. "10:42"'),
            )
        factor, max_late = table.get("leg_factor"), table.get("max_late_min")
        return TimeControl(
            section_id,
            _time_of_day(table["due"], (*at, "due"), r),
            None if factor is None else parse_leg_factor(factor, (*at, "leg_factor"), r),
            None if max_late is None else parse_max_late_min(max_late, (*at, "max_late_min"), r),
        )
    return _average(section_id, table, at, r)


def _timed(section_id: str, table: Mapping[str, Any], at: KeyPath, r: Reader) -> TimedSection:
    if "targets" not in table:
        raise r.error(
            (*at, "targets"),
            QT_TRANSLATE_NOOP("Errors", 'missing: one target per line after the first, ["15.00"]'),
        )
    raw_targets = r.array(table["targets"], (*at, "targets"))
    if not raw_targets:
        raise r.error(
            (*at, "targets"),
            QT_TRANSLATE_NOOP("Errors", "a timed trial needs at least one target (two lines)"),
        )
    targets: list[int] = []
    for index, value in enumerate(raw_targets, start=1):
        path = (*at, "targets", index)
        target = _duration(value, path, r)
        if target <= 0:
            raise r.error(
                path,
                Text(
                    QT_TRANSLATE_NOOP("Errors", "a target must be more than 0 s, not %1"),
                    repr(value),
                ),
            )
        targets.append(target)
    targets_from: TargetsFrom = "previous"
    if "targets_from" in table:
        choice = r.choice(table["targets_from"], (*at, "targets_from"), ("previous", "start"))
        targets_from = "start" if choice == "start" else "previous"
    if targets_from == "start":
        for index in range(1, len(targets)):
            if targets[index] <= targets[index - 1]:
                raise r.error(
                    (*at, "targets", index + 1),
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        'with targets_from = "start" each target is timed from line 1, '
                        "so each must be later than the one before",
                    ),
                )
    return TimedSection(section_id, tuple(targets), targets_from)


def _average(section_id: str, table: Mapping[str, Any], at: KeyPath, r: Reader) -> AverageTrial:
    if "start" not in table:
        raise r.error(
            (*at, "start"),
            QT_TRANSLATE_NOOP(
                "Errors", 'missing: the official start time, e.g. "10:50:00", or "press"'
            ),
        )
    start_press = table["start"] == "press"
    start_ms = 0
    if not start_press:
        try:
            start_ms = _time_of_day(table["start"], (*at, "start"), r)
        except InputError as error:
            raise r.error(
                (*at, "start"),
                Text(
                    QT_TRANSLATE_NOOP(
                        "Errors", '%1, or "press" (the schedule starts at the press)'
                    ),
                    error.text,
                ),
            ) from None
    if ("speed_kmh" in table) == ("speeds" in table):
        raise r.error(
            (*at, "speed_kmh" if "speed_kmh" in table else "speeds"),
            QT_TRANSLATE_NOOP(
                "Errors",
                'give either speed_kmh = "48.0" or speeds = [["0", "48.0"], ...], not both',
            )
            if "speed_kmh" in table
            else QT_TRANSLATE_NOOP(
                "Errors",
                'missing: the imposed average, speed_kmh = "48.0" or speeds = [[km, km/h], ...]',
            ),
        )
    speeds: list[tuple[int, Decimal]] = []
    if "speed_kmh" in table:
        speeds.append((0, _speed(table["speed_kmh"], (*at, "speed_kmh"), r)))
    else:
        pairs = r.array(table["speeds"], (*at, "speeds"))
        if not pairs:
            raise r.error(
                (*at, "speeds"),
                QT_TRANSLATE_NOOP("Errors", "needs at least one [from_km, km/h] pair"),
            )
        for index, pair in enumerate(pairs, start=1):
            path = (*at, "speeds", index)
            items = r.array(pair, path)
            if len(items) != 2:
                raise r.error(
                    path,
                    QT_TRANSLATE_NOOP(
                        "Errors", 'each speed is a pair [from_km, km/h], e.g. ["5.2", "40.0"]'
                    ),
                )
            from_m = _distance(items[0], path, r)
            if index == 1 and from_m != 0:
                raise r.error(
                    path, QT_TRANSLATE_NOOP("Errors", "the first average must start at km 0")
                )
            if speeds and from_m <= speeds[-1][0]:
                raise r.error(
                    path,
                    QT_TRANSLATE_NOOP(
                        "Errors", "each average must start further than the one before"
                    ),
                )
            speeds.append((from_m, _speed(items[1], path, r)))
    if "checks_km" not in table:
        raise r.error(
            (*at, "checks_km"),
            QT_TRANSLATE_NOOP("Errors", 'missing: the check distances, e.g. ["2.350"]'),
        )
    raw_checks = r.array(table["checks_km"], (*at, "checks_km"))
    if not raw_checks:
        raise r.error(
            (*at, "checks_km"),
            QT_TRANSLATE_NOOP("Errors", "an average trial needs at least one check"),
        )
    checks: list[int] = []
    for index, value in enumerate(raw_checks, start=1):
        path = (*at, "checks_km", index)
        metres = _distance(value, path, r)
        if metres <= 0:
            raise r.error(
                path,
                QT_TRANSLATE_NOOP("Errors", "a check must be after the start (more than 0 km)"),
            )
        if checks and metres <= checks[-1]:
            raise r.error(
                path,
                QT_TRANSLATE_NOOP(
                    "Errors", "checks come in driving order: each further than the one before"
                ),
            )
        checks.append(metres)
    landmarks = _landmarks(table, at, r)
    return AverageTrial(section_id, start_ms, tuple(speeds), tuple(checks), landmarks, start_press)


def _landmarks(table: Mapping[str, Any], at: KeyPath, r: Reader) -> tuple[tuple[int, str], ...]:
    """``landmarks = [["1.250", "bridge"], ...]``: km from the start, rising, and a label."""
    if "landmarks" not in table:
        return ()
    landmarks: list[tuple[int, str]] = []
    for index, pair in enumerate(r.array(table["landmarks"], (*at, "landmarks")), start=1):
        path = (*at, "landmarks", index)
        items = r.array(pair, path)
        if len(items) != 2:
            raise r.error(
                path,
                QT_TRANSLATE_NOOP(
                    "Errors", 'each landmark is a pair [km, label], e.g. ["1.250", "bridge"]'
                ),
            )
        metres = _distance(items[0], path, r)
        label = r.string(items[1], path, empty=True).strip()
        if landmarks and metres <= landmarks[-1][0]:
            raise r.error(
                path,
                QT_TRANSLATE_NOOP(
                    "Errors", "landmarks come in driving order: each further than the one before"
                ),
            )
        landmarks.append((metres, label))
    return tuple(landmarks)


def _duration(value: Any, path: KeyPath, r: Reader) -> int:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise r.error(
            path, QT_TRANSLATE_NOOP("Errors", 'must be seconds like "15.00", 21 or "1:02.50"')
        )
    try:
        return parse_duration_ms(value, Text(QT_TRANSLATE_NOOP("Errors", "target")))
    except FormatError as error:
        raise r.error(path, error.text) from None


def _time_of_day(value: Any, path: KeyPath, r: Reader) -> int:
    if not isinstance(value, str):
        raise r.error(
            path,
            Text(
                QT_TRANSLATE_NOOP("Errors", 'must be a string like "10:42" or "10:50:00", not %1'),
                describe(value),
            ),
        )
    try:
        return parse_time_of_day_ms(value)
    except FormatError as error:
        raise r.error(path, error.text) from None


def _distance(value: Any, path: KeyPath, r: Reader) -> int:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise r.error(
            path,
            Text(QT_TRANSLATE_NOOP("Errors", 'must be km like "2.350", not %1'), describe(value)),
        )
    try:
        return parse_km_m(value)
    except FormatError as error:
        raise r.error(path, error.text) from None


def _speed(value: Any, path: KeyPath, r: Reader) -> Decimal:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise r.error(
            path,
            Text(QT_TRANSLATE_NOOP("Errors", 'must be km/h like "48.0", not %1'), describe(value)),
        )
    try:
        kmh = parse_decimal(value, Text(QT_TRANSLATE_NOOP("Errors", "speed")))
    except FormatError as error:
        raise r.error(path, error.text) from None
    if not kmh.is_finite() or kmh <= 0 or kmh > 1000:
        raise r.error(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "Errors", "an average speed must be above 0 and at most 1000 km/h, not %1"
                ),
                kmh,
            ),
        )
    return kmh


# ---------------------------------------------------------------------------------------------
# Writing


def format_seconds_text(ms: int) -> str:
    """A duration as the stage file writes it: seconds with 2 decimals (3 when needed)."""
    whole, frac = divmod(ms, MS_PER_S)
    return f"{whole}.{frac // 10:02d}" if frac % 10 == 0 else f"{whole}.{frac:03d}"


def format_time_of_day_text(ms: int) -> str:
    """A time of day as the stage file writes it: ``HH:MM``, ``HH:MM:SS`` or ``HH:MM:SS.ccc``."""
    hours, rest = divmod(ms, MS_PER_H)
    minutes, rest = divmod(rest, MS_PER_MIN)
    seconds, frac = divmod(rest, MS_PER_S)
    if seconds == 0 and frac == 0:
        return f"{hours:02d}:{minutes:02d}"
    if frac == 0:
        return f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    frac_text = f"{frac // 10:02d}" if frac % 10 == 0 else f"{frac:03d}"
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{frac_text}"


def _section_to_json(section: Section) -> dict[str, Any]:
    if isinstance(section, TimedSection):
        out: dict[str, Any] = {
            "id": section.id,
            "kind": "timed",
            "targets": [format_seconds_text(ms) for ms in section.targets_ms],
        }
        if section.targets_from != "previous":
            out["targets_from"] = section.targets_from
        return out
    if isinstance(section, TimeControl):
        control: dict[str, Any] = {
            "id": section.id,
            "kind": "time-control",
            "due": format_time_of_day_text(section.due_ms),
        }
        if section.leg_factor is not None:
            control["leg_factor"] = str(section.leg_factor)
        if section.max_late_min is not None:
            control["max_late_min"] = section.max_late_min
        return control
    start = "press" if section.start_press else format_time_of_day_text(section.start_ms)
    out = {"id": section.id, "kind": "average", "start": start}
    if len(section.speeds) == 1:
        out["speed_kmh"] = str(section.speeds[0][1])
    else:
        out["speeds"] = [[format_km(from_m), str(kmh)] for from_m, kmh in section.speeds]
    out["checks_km"] = [format_km(metres) for metres in section.checks_m]
    if section.landmarks:
        out["landmarks"] = [[format_km(metres), label] for metres, label in section.landmarks]
    return out


def stage_to_json(stage: Stage) -> dict[str, Any]:
    """The stage as the JSON/TOML document of FORMATS.md section 1 (same keys, values as text).

    `stage_from_json(stage_to_json(s), ...) == s` for every valid stage.
    """
    out: dict[str, Any] = {"format": STAGE_FORMAT, "name": stage.name, "rules": stage.rules}
    if stage.max_late_min is not None:
        out["max_late_min"] = stage.max_late_min
    if not stage.gps_allowed:
        out["gps"] = False
    out["section"] = [_section_to_json(section) for section in stage.sections]
    if stage.legs:
        out["leg"] = [leg_to_json(leg) for leg in stage.legs]
    return out


def stage_to_toml(stage: Stage) -> str:
    """The stage as TOML text (comments of a hand-written file are not kept)."""
    return tomli_w.dumps(stage_to_json(stage))


def save_stage(stage: Stage, path: str | Path) -> None:
    """Write the stage atomically: a temporary file beside `path`, fsync, then replace."""
    atomic_write_text(Path(path), stage_to_toml(stage))


def section_kind_name(section: Section) -> str:
    """A readable name of the section's kind."""
    return {
        SectionKind.TIMED: "timed trial",
        SectionKind.TIME_CONTROL: "time control",
        SectionKind.AVERAGE: "average-speed trial",
    }[section.kind]


__all__: Sequence[str] = (
    "STAGE_FORMAT",
    "AverageTrial",
    "Section",
    "Stage",
    "TimeControl",
    "TimedSection",
    "load_stage",
    "parse_stage",
    "save_stage",
    "section_from_json",
    "stage_from_json",
    "stage_to_json",
)
