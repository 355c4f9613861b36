"""The stage editor's rows: a section as the texts of its cells, and back, with the loader's checks.

The editor (``ui/editor.py``) shows a stage as a table, one row per section in driving order;
this module is its Qt-free model. Each cell holds the text the navigator typed, in the road
book's spellings (decimal commas, ``1'05"40``, ``11.32``: the forms of `core.roadbook`); a row
becomes a section through the stage loader's own checks, so a value refused says why in the
loader's words, with the column it belongs to.

Columns and their texts (values in one cell split by spaces or ``;``):

=============  =============================================================================
``id``          the section id, ``PC1``
``kind``        ``timed``, ``time-control`` or ``average`` (also ``PC``, ``CO``, ``PM``...)
``targets``     timed: ``15,00 6,00`` (one per line after the first)
``from``        timed: empty or ``previous``; ``start`` for targets timed from the first line
``due``         time control: ``10:42`` or ``10.42``
``start``       average: ``10:50`` or ``10:50:00``; ``press``: it starts at the navigator's press
``speeds``      average: ``48`` or ``40 3,000=35`` (the average, then each change as KM=KMH)
``checks``      average: ``2,350 7,800`` (km from the start)
``landmarks``   average, optional: ``1,250 bridge | 3,400 church, turn left``
``leg_factor``  time control, optional: ``0,5``
``max_late``    time control, optional: whole minutes
=============  =============================================================================
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import tomli_w

from mmtimer.core.errors import QT_TRANSLATE_NOOP, InputError, Message, Text, as_text
from mmtimer.core.legs import Leg
from mmtimer.core.roadbook import kind_of_cell, parse_duration_cell, parse_time_cell
from mmtimer.core.stage import (
    Section,
    Stage,
    TimeControl,
    TimedSection,
    format_seconds_text,
    format_time_of_day_text,
    parse_stage,
    section_from_json,
    stage_to_json,
)
from mmtimer.core.timefmt import format_km

COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "targets",
    "from",
    "due",
    "start",
    "speeds",
    "checks",
    "landmarks",
    "leg_factor",
    "max_late",
)
TITLES: dict[str, str] = {
    "id": "Id",
    "kind": "Kind",
    "targets": "Targets (s)",
    "from": "From",
    "due": "Due",
    "start": "Start",
    "speeds": "Average km/h",
    "checks": "Checks (km)",
    "landmarks": "Landmarks (km label | ...)",
    "leg_factor": "Leg factor",
    "max_late": "Max late (min)",
}
KINDS = ("timed", "time-control", "average")
USED_BY: dict[str, tuple[str, ...]] = {
    "timed": ("id", "kind", "targets", "from"),
    "time-control": ("id", "kind", "due", "leg_factor", "max_late"),
    "average": ("id", "kind", "start", "speeds", "checks", "landmarks"),
}
"""The columns each kind uses (the others are greyed out for that row)."""

_COLUMN_OF_KEY = {
    "id": "id",
    "kind": "kind",
    "targets": "targets",
    "targets_from": "from",
    "due": "due",
    "start": "start",
    "speed_kmh": "speeds",
    "speeds": "speeds",
    "checks_km": "checks",
    "landmarks": "landmarks",
    "leg_factor": "leg_factor",
    "max_late_min": "max_late",
}
_SPLIT = re.compile(r"[\s;]+")
_FROM_WORDS = {
    "": "previous",
    "previous": "previous",
    "prev": "previous",
    "p": "previous",
    "start": "start",
    "s": "start",
    "from start": "start",
    "dal via": "start",
    "via": "start",
}


@dataclass(frozen=True, slots=True)
class Row:
    """One section as cell texts (``cells[column]``); `origin`: its index in the file it was
    read from (None for a row added in the editor), so saving keeps its comments."""

    cells: dict[str, str] = field(default_factory=dict)
    origin: int | None = None

    def text(self, column: str) -> str:
        return self.cells.get(column, "")

    def with_text(self, column: str, text: str) -> Row:
        return replace(self, cells={**self.cells, column: text})

    @property
    def kind(self) -> str | None:
        """The row's kind as the loader names it, or None while the kind cell is not one."""
        text = self.text("kind").strip()
        return text if text in KINDS else kind_of_cell(text)


@dataclass(frozen=True, slots=True)
class Problem:
    """A value refused: the column (None: the whole row or the stage) and the loader's words
    (`message` in English, `text` the template and values a window translates)."""

    column: str | None
    message: str
    text: Text | None = field(default=None, compare=False)

    @classmethod
    def of(cls, column: str | None, message: Message) -> Problem:
        """The problem `message` (a marked template, or an error's `text`) in `column`."""
        return cls(column, str(message), as_text(message))

    def words(self) -> Text:
        """The message as a window shows it (ui/errors.py translates it)."""
        return self.text if self.text is not None else as_text(self.message)


def duplicate_id(section_id: str, first: int) -> Problem:
    """The id column of a row that repeats the id of section `first` (1-based)."""
    return Problem.of(
        "id",
        Text(
            QT_TRANSLATE_NOOP("Errors", "duplicate id %1 (also section %2)"),
            repr(section_id),
            first,
        ),
    )


# -- section -> row ------------------------------------------------------------------------------
def row_from_section(section: Section, origin: int | None = None) -> Row:
    """The cells of a section, as the editor shows them."""
    cells = {"id": section.id, "kind": section.kind.value}
    if isinstance(section, TimedSection):
        cells["targets"] = " ".join(format_seconds_text(ms) for ms in section.targets_ms)
        cells["from"] = "start" if section.targets_from == "start" else ""
    elif isinstance(section, TimeControl):
        cells["due"] = format_time_of_day_text(section.due_ms)
        if section.leg_factor is not None:
            cells["leg_factor"] = str(section.leg_factor)
        if section.max_late_min is not None:
            cells["max_late"] = str(section.max_late_min)
    else:
        cells["start"] = (
            "press" if section.start_press else format_time_of_day_text(section.start_ms)
        )
        first, *changes = section.speeds
        cells["speeds"] = " ".join(
            [str(first[1]), *(f"{format_km(m)}={kmh}" for m, kmh in changes)]
        )
        cells["checks"] = " ".join(format_km(m) for m in section.checks_m)
        if section.landmarks:
            cells["landmarks"] = " | ".join(
                f"{format_km(m)} {_escape(label)}" for m, label in section.landmarks
            )
    return Row(cells, origin)


def rows_from_stage(stage: Stage) -> list[Row]:
    return [row_from_section(s, i) for i, s in enumerate(stage.sections)]


TEMPLATES: dict[str, dict[str, str]] = {
    "timed": {"kind": "timed", "targets": "10,00"},
    "time-control": {"kind": "time-control", "due": "10:00"},
    "average": {"kind": "average", "start": "10:00", "speeds": "40", "checks": "1,000"},
}
_PREFIX = {"timed": "PC", "time-control": "CO", "average": "PM"}


def template_row(kind: str, rows: Sequence[Row]) -> Row:
    """A new row of `kind` with an unused id (``PC4`` after ``PC3``) and values to type over."""
    prefix = _PREFIX[kind]
    taken = {row.text("id").strip().upper() for row in rows}
    numbers = [
        int(m["n"])
        for row in rows
        if (m := re.fullmatch(rf"{prefix}(?P<n>\d+)", row.text("id").strip().upper()))
    ]
    number = max(numbers, default=0) + 1
    while f"{prefix}{number}" in taken:
        number += 1
    return Row({"id": f"{prefix}{number}", **TEMPLATES[kind]})


# -- row -> section ------------------------------------------------------------------------------
def _values(text: str) -> list[str]:
    return [token for token in _SPLIT.split(text.strip()) if token]


def _decimal(token: str) -> str:
    return token.replace(",", ".")


def _duration(token: str) -> str:
    ms = parse_duration_cell(token)
    return _decimal(token) if ms is None else format_seconds_text(ms)


def _time(text: str) -> str:
    ms = parse_time_cell(text)
    return text.strip() if ms is None else format_time_of_day_text(ms)


def _speeds(text: str, obj: dict[str, Any]) -> None:
    tokens = _values(text)
    pairs: list[list[str]] = []
    for index, token in enumerate(tokens):
        if "=" in token or "@" in token:
            km, _, kmh = token.replace("@", "=").partition("=")
            pairs.append([_decimal(km), _decimal(kmh)])
        elif index == 0:
            pairs.append(["0", _decimal(token)])
        else:
            pairs.append([_decimal(token)])  # the loader says what a pair must be
    if len(pairs) == 1 and pairs[0][0] == "0" and "=" not in (tokens[0] if tokens else ""):
        obj["speed_kmh"] = pairs[0][1]
    elif pairs:
        obj["speeds"] = pairs


def section_object(row: Row) -> dict[str, Any]:
    """The row as the stage file's JSON form of its section (what the loader checks)."""
    kind = row.kind
    obj: dict[str, Any] = {"id": row.text("id").strip()}
    obj["kind"] = kind if kind is not None else row.text("kind").strip()
    if kind == "timed":
        if row.text("targets").strip():
            obj["targets"] = [_duration(t) for t in _values(row.text("targets"))]
        words = row.text("from").strip().lower()
        obj["targets_from"] = _FROM_WORDS.get(words, words)
        if obj["targets_from"] == "previous":
            del obj["targets_from"]
    elif kind == "time-control":
        if row.text("due").strip():
            obj["due"] = _time(row.text("due"))
        if row.text("leg_factor").strip():
            obj["leg_factor"] = _decimal(row.text("leg_factor").strip())
        max_late = row.text("max_late").strip()
        if max_late:
            obj["max_late_min"] = int(max_late) if max_late.isdigit() else max_late
    elif kind == "average":
        if row.text("start").strip():
            obj["start"] = _time(row.text("start"))
        if row.text("speeds").strip():
            _speeds(row.text("speeds"), obj)
        if row.text("checks").strip():
            obj["checks_km"] = [_decimal(t) for t in _values(row.text("checks"))]
        if row.text("landmarks").strip():
            obj["landmarks"] = [_landmark(item) for item in _split_landmarks(row.text("landmarks"))]
    return obj


def _escape(label: str) -> str:
    return label.replace("\\", "\\\\").replace("|", "\\|")


def _split_landmarks(text: str) -> list[str]:
    """``1,250 bridge | 3,4 a \\| b`` -> the items (``\\|`` is a ``|`` inside a label)."""
    items, current, escaped = [], "", False
    for char in text:
        if escaped:
            current += char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    return items


def _landmark(item: str) -> list[str]:
    km, _, label = item.strip().partition(" ")
    return [_decimal(km), label.strip()]


def _column_of(error: InputError) -> str | None:
    if error.key is None:
        return None
    match = re.match(r"section\[\d+\]\.(?P<key>[A-Za-z_]+)", error.key)
    if match is None:
        return None
    return _COLUMN_OF_KEY.get(match["key"])


def _check_cached(
    row: Row, number: int, cache: dict[tuple[tuple[str, str], ...], Section | Problem] | None
) -> Section | Problem:
    if cache is None:
        return check_row(row, number)
    key = tuple(sorted((c, t) for c, t in row.cells.items() if t))
    result = cache.get(key)
    if result is None:
        if len(cache) > 10_000:
            cache.clear()
        result = cache[key] = check_row(row, number)
    return result


def _check_stage(draft: Stage, name: str, rules: str, base_dir: Path | None) -> Stage:
    """The stage's own terms (name, rules, gps, maximum lateness, legs) checked by the loader.

    Its sections are checked already, one by one, by the loader's own section check (and their
    ids are unique), so without legs the loader reads the terms with the first section only:
    reading every section again would make each cell typed cost as much as opening the file."""
    document = stage_to_json(
        replace(draft, sections=draft.sections[:1]) if not draft.legs else draft
    )
    document["name"], document["rules"] = name, rules
    read = parse_stage(tomli_w.dumps(document), "stage", base_dir)
    if draft.legs:
        return read
    return replace(read, sections=draft.sections)


def check_row(row: Row, number: int = 1) -> Section | Problem:
    """The row's section, or the first problem the loader finds (with its column)."""
    if not row.text("id").strip():
        return Problem.of("id", QT_TRANSLATE_NOOP("Errors", "missing: each section needs an id"))
    try:
        return section_from_json(section_object(row), "<row>", number)
    except InputError as error:
        return Problem.of(_column_of(error), error.text)


@dataclass(frozen=True, slots=True)
class Checked:
    """The rows checked: a problem per row (None where the row is fine), the stage's own
    problem (name, rules, no rows), and the stage when nothing is wrong."""

    row_problems: tuple[Problem | None, ...]
    stage_problem: Problem | None
    stage: Stage | None
    sections: tuple[Section | None, ...]

    @property
    def ok(self) -> bool:
        return self.stage is not None


def check_rows(
    name: str,
    rules: str,
    rows: Sequence[Row],
    base_dir: Path | None = None,
    *,
    legs: tuple[Leg, ...] = (),
    max_late_min: int | None = None,
    gps_allowed: bool = True,
    cache: dict[tuple[tuple[str, str], ...], Section | Problem] | None = None,
) -> Checked:
    """Check every row, then the stage as a whole (ids unique, name, rules, legs); `legs`,
    `max_late_min` and `gps_allowed` (the stage's ``gps`` key) are the stage's own terms.

    `cache`: each row's result by its cells, kept between calls (the editor checks the whole
    stage after every cell typed; only the rows that changed are checked again)."""
    results = [_check_cached(row, number, cache) for number, row in enumerate(rows, start=1)]
    problems: list[Problem | None] = [r if isinstance(r, Problem) else None for r in results]
    sections: list[Section | None] = [r if not isinstance(r, Problem) else None for r in results]
    seen: dict[str, int] = {}
    for number, section in enumerate(sections, start=1):
        if section is None:
            continue
        if section.id in seen:
            problems[number - 1] = duplicate_id(section.id, seen[section.id])
        else:
            seen[section.id] = number
    stage_problem: Problem | None = None
    stage: Stage | None = None
    if not rows:
        stage_problem = Problem.of(
            None, QT_TRANSLATE_NOOP("Errors", "a stage needs at least one section")
        )
    elif all(p is None for p in problems):
        done = [s for s in sections if s is not None]
        draft = Stage(
            name.strip(),
            rules.strip(),
            tuple(done),
            legs=legs,
            max_late_min=max_late_min,
            gps_allowed=gps_allowed,
        )
        try:
            stage = _check_stage(draft, name, rules, base_dir)
        except InputError as error:
            stage_problem = Problem.of(error.key, error.text)
    if stage is not None:
        stage = replace(stage, source="", raw={})
    return Checked(tuple(problems), stage_problem, stage, tuple(sections))
