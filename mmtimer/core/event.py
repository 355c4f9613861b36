"""A whole event over days (FORMATS.md section 4): the event file, and results over the days' logs.

An event file (``*.event.toml``) names the event, its crew once, and the days in driving order:
each day's stage and, optionally, its log (without one, the latest log of that stage in the data
folder's ``logs``). Reading never writes anything.

`event_results` scores each day's log with the one scoring implementation (the same rows as
``mmtimer export LOG``), and adds them up:

- a day without a log is listed as not yet driven: it has no total, and it is never a zero;
- a day whose stage or log cannot be read is listed with the one-line reason, and every other
  day still counts;
- a log left open (the stage is being driven) is scored as the live window scores it: the lines
  not reached yet are pending, not missed;
- when the rule set says ``[discard] scope = "event"``, no stage drops anything on its own; the
  worst measurements of the kinds it names are dropped over all the days driven (of equally bad
  rows the earliest drops), each day's total is taken again without them, and the event's row
  says which were dropped.

The event total is the days' totals added (each after its car factor), over the days driven.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from mmtimer.core.atomicfile import atomic_write_text
from mmtimer.core.crew import Crew, crew_from_json
from mmtimer.core.csvout import (
    COLUMNS,
    CsvLocale,
    format_number,
    result_rows,
    rows_to_csv,
    safe_text,
)
from mmtimer.core.errors import QT_TRANSLATE_NOOP, InputError, Text
from mmtimer.core.logfile import read_log
from mmtimer.core.replay import Replay, fold_log_file
from mmtimer.core.results import ResultRow, StageResult
from mmtimer.core.rules import RuleSet, builtin_rule_ids, looks_like_rules_path
from mmtimer.core.scoring import DISCARDED, PENDING, NotCausalError
from mmtimer.core.session import log_inputs
from mmtimer.core.stage import Stage, load_stage, stage_from_json
from mmtimer.core.tomlfile import KeyLocator, KeyPath, Reader, describe, parse_toml, read_text

EVENT_FORMAT = "mmtimer-event/1"
HEADER_PEEK_BYTES = 4 * 1024 * 1024
_TOP_KEYS = ("format", "name", "rules", "crew", "day")
_DAY_KEYS = ("name", "stage", "log")
_CREW_KEYS = ("number", "driver", "navigator", "car", "year", "coefficient")
_ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class EventDay:
    """One day: its name, its stage file and (optionally) its log, as written and resolved."""

    name: str
    stage: str
    log: str | None = None

    def stage_path(self, base_dir: Path) -> Path:
        return base_dir / self.stage

    def log_path(self, base_dir: Path) -> Path | None:
        return None if self.log is None else base_dir / self.log


@dataclass(frozen=True, slots=True)
class Event:
    """An event file: `crew` is None when the file has no ``[crew]``; `base_dir` is the folder
    the stage and log paths are relative to."""

    name: str
    days: tuple[EventDay, ...]
    rules: str | None = None
    crew: Crew | None = None
    base_dir: Path = field(default=Path("."), compare=False)
    source: str = field(default="", compare=False)


# -- reading ------------------------------------------------------------------------------------


def load_event(path: str | Path) -> Event:
    """Read and check a ``*.event.toml`` file (InputError naming file, line and key)."""
    source = str(path)
    return parse_event(read_text(path), source, Path(path).parent)


def parse_event(text: str, source: str, base_dir: Path) -> Event:
    document = parse_toml(text, source)
    r = Reader(source, KeyLocator(text))
    r.refuse_unknown(document, _TOP_KEYS, ())
    if "format" not in document:
        raise r.error(
            ("format",),
            Text(
                QT_TRANSLATE_NOOP("Errors", 'missing: an event starts with format = "%1"'),
                EVENT_FORMAT,
            ),
        )
    if r.string(document["format"], ("format",)) != EVENT_FORMAT:
        raise r.error(
            ("format",),
            Text(
                QT_TRANSLATE_NOOP("Errors", '%1 is not "%2"'),
                repr(document["format"]),
                EVENT_FORMAT,
            ),
        )
    if "name" not in document:
        raise r.error(("name",), QT_TRANSLATE_NOOP("Errors", "missing: the event's name"))
    name = r.string(document["name"], ("name",)).strip()
    rules: str | None = None
    if "rules" in document:
        rules = r.string(document["rules"], ("rules",)).strip()
        if rules not in builtin_rule_ids() and not looks_like_rules_path(rules):
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
    crew = _crew(document["crew"], r) if "crew" in document else None
    if "day" not in document:
        raise r.error(
            ("day",), QT_TRANSLATE_NOOP("Errors", "missing: an event needs at least one [[day]]")
        )
    raw_days = r.array(document["day"], ("day",))
    if not raw_days:
        raise r.error(("day",), QT_TRANSLATE_NOOP("Errors", "an event needs at least one [[day]]"))
    days = []
    for number, raw in enumerate(raw_days, start=1):
        at: KeyPath = ("day", number)
        table = r.table(raw, at)
        r.refuse_unknown(table, _DAY_KEYS, at)
        if "stage" not in table:
            raise r.error(
                (*at, "stage"),
                QT_TRANSLATE_NOOP(
                    "Errors", 'missing: the day\'s stage file, e.g. "day1.stage.toml"'
                ),
            )
        stage = r.string(table["stage"], (*at, "stage")).strip()
        log = r.string(table["log"], (*at, "log")).strip() if "log" in table else None
        day_name = (
            r.string(table["name"], (*at, "name")).strip() if "name" in table else f"Day {number}"
        )
        days.append(EventDay(day_name, stage, log))
    return Event(name, tuple(days), rules, crew, base_dir, source)


def _crew(raw: Any, r: Reader) -> Crew:
    table = r.table(raw, ("crew",))
    r.refuse_unknown(table, _CREW_KEYS, ("crew",))
    obj = dict(table)
    number = obj.get("number")
    if isinstance(number, str):
        if not number.strip().isdigit():
            raise r.error(
                ("crew", "number"),
                Text(
                    QT_TRANSLATE_NOOP("Errors", 'must be a number like "112", not %1'), repr(number)
                ),
            )
        obj["number"] = int(number.strip())
    elif number is not None and (isinstance(number, bool) or not isinstance(number, int)):
        raise r.error(
            ("crew", "number"),
            Text(
                QT_TRANSLATE_NOOP("Errors", 'must be a number like "112", not %1'), describe(number)
            ),
        )
    try:
        return crew_from_json(obj, r.source)
    except InputError as error:
        line = r.locator.line_of(("crew",)) if r.locator is not None else None
        raise InputError(r.source, error.text, line=line, key=error.key) from None


# -- writing ------------------------------------------------------------------------------------


def _crew_toml(crew: Crew) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if crew.number is not None:
        out["number"] = str(crew.number)
    for key in ("driver", "navigator", "car"):
        out[key] = getattr(crew, key)
    if crew.year is not None:
        out["year"] = crew.year
    if crew.coefficient is not None:
        out["coefficient"] = str(crew.coefficient)
    return out


def event_text(event: Event, original: str | None = None) -> str:
    """The event as TOML; with the text it was read from, its comments and layout are kept
    (days matched by position, only values that changed rewritten)."""
    import tomlkit  # noqa: PLC0415 - only when an event is saved, not at every start

    doc: Any
    try:
        doc = tomlkit.parse(original) if original is not None else tomlkit.document()
    except tomlkit.exceptions.TOMLKitError:
        doc = tomlkit.document()
    _put(doc, "format", EVENT_FORMAT)
    _put(doc, "name", event.name)
    if event.rules is None:
        if "rules" in doc:
            del doc["rules"]
    else:
        _put(doc, "rules", event.rules)
    if event.crew is None:
        if "crew" in doc:
            del doc["crew"]
    else:
        if "crew" not in doc or not isinstance(doc["crew"], Mapping):
            doc["crew"] = tomlkit.table()
        crew_table = doc["crew"]
        wanted = _crew_toml(event.crew)
        for key in list(crew_table.keys()):
            if key not in wanted:
                del crew_table[key]
        for key, value in wanted.items():
            _put(crew_table, key, value)
    old_days = list(doc["day"]) if isinstance(doc.get("day"), list) else []
    aot = tomlkit.aot()
    for index, day in enumerate(event.days):
        table = old_days[index] if index < len(old_days) else tomlkit.table()
        _put(table, "name", day.name)
        _put(table, "stage", day.stage)
        if day.log is None:
            if "log" in table:
                del table["log"]
        else:
            _put(table, "log", day.log)
        aot.append(table)
    if "day" in doc:
        del doc["day"]
    doc["day"] = aot
    return tomlkit.dumps(doc)


def _put(table: Any, key: str, value: Any) -> None:
    """Set `key` unless it already holds `value` (so its spelling and comment stay)."""
    if key in table and table[key] == value:
        return
    table[key] = value


def save_event(event: Event, path: str | Path) -> str:
    """Write the event atomically, keeping the comments of the file there; returns the text."""
    target = Path(path)
    try:
        original: str | None = target.read_text(encoding="utf-8").removeprefix("\ufeff")
    except (OSError, UnicodeDecodeError):
        original = None
    text = event_text(event, original)
    parse_event(text, str(target), target.parent)  # what is written must read back
    atomic_write_text(target, text)
    return text


# -- the days -----------------------------------------------------------------------------------

DayStatus = Literal["driven", "in progress", "not yet driven", "error"]


@dataclass(frozen=True, slots=True)
class EventDayResult:
    """One day of an event as it stands: its stage (None if it cannot be read), its log, its
    results (None unless driven or in progress), and what there is to say about it."""

    number: int
    day: EventDay
    status: DayStatus
    stage: Stage | None = None
    stage_path: Path | None = None
    log_path: Path | None = None
    result: StageResult | None = None
    problem: str | None = None
    messages: tuple[str, ...] = ()
    rules: RuleSet | None = None
    problem_text: Text | None = field(default=None, compare=False)
    """`problem` as a window translates it (ui/errors.py)."""

    @property
    def total(self) -> Decimal | None:
        return None if self.result is None else self.result.total


@dataclass(frozen=True, slots=True)
class EventResult:
    """Every day, and the event total over the days driven (None when none is)."""

    event: Event
    days: tuple[EventDayResult, ...]
    total: Decimal | None
    higher_is_better: bool = False
    event_discards: tuple[tuple[int, ResultRow], ...] = ()
    """(day number, row) of each measurement dropped over the whole event."""
    messages: tuple[str, ...] = ()

    @property
    def driven(self) -> int:
        return sum(day.result is not None for day in self.days)


def stage_default_rules(event: Event, stage_path: Path) -> str | None:
    """The event's rules as the day's stage would name them (a file path made relative to the
    stage's folder)."""
    if event.rules is None or not looks_like_rules_path(event.rules):
        return event.rules
    absolute = (event.base_dir / event.rules).resolve()
    return os.path.relpath(absolute, stage_path.resolve().parent)


def load_day_stage(event: Event, day: EventDay) -> Stage:
    """A day's stage (the event's rule set where the stage names none); InputError if bad."""
    path = day.stage_path(event.base_dir)
    return load_stage(path, default_rules=stage_default_rules(event, path))


def log_holds_stage(path: Path, stage: Stage) -> bool:
    """A cheap look at a log's header line: is it a log of `stage`? (False if unreadable.)"""
    try:
        with path.open("rb") as file:
            first = file.readline(HEADER_PEEK_BYTES)
        header = json.loads(first.decode("utf-8-sig"))
        return isinstance(header, dict) and stage_from_json(header["stage"], str(path)) == stage
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return False


def latest_log_of(stage: Stage, logs_dir: Path | None) -> Path | None:
    """The most recently written log of `stage` in `logs_dir` (None if none)."""
    if logs_dir is None:
        return None
    try:
        found = [(p.stat().st_mtime_ns, p.name, p) for p in logs_dir.glob("*.mmlog") if p.is_file()]
    except OSError:
        return None
    for _, _, path in sorted(found, reverse=True):
        if log_holds_stage(path, stage):
            return path
    return None


def day_log_path(
    event: Event, day: EventDay, stage: Stage | None, logs_dir: Path | None
) -> Path | None:
    """Where a day's log is: the event's ``log``, else the latest log of its stage."""
    explicit = day.log_path(event.base_dir)
    if explicit is not None:
        return explicit
    return None if stage is None else latest_log_of(stage, logs_dir)


def _fold_day_log(
    log_path: Path, rules_base_dir: Path
) -> tuple[Stage, RuleSet, Crew, bool, StageResult, tuple[str, ...]]:
    """(stage, rules, crew, closed, results, problems) of a day's log at its end: the final
    results if it ends closed, else what the window showed. Read as a stream and folded as it
    comes (a long day costs what the folds keep); a log the folds cannot take one event at a
    time (edited by hand) is read whole and replayed, with the same answers."""
    try:
        folded = fold_log_file(log_path, rules_base_dir=rules_base_dir)
    except NotCausalError:
        contents = read_log(log_path, keep_torn=False)
        logged_stage, rules, crew = log_inputs(contents, rules_base_dir=rules_base_dir)
        replay = Replay(contents, logged_stage, rules, crew)
        closed = contents.closed
        result = replay.final_results() if closed else replay.state_at(replay.end_ns).results
        return logged_stage, rules, crew, closed, result, replay.problems
    closed = folded.ends_closed
    result = folded.results(live=not closed and not folded.closed)
    return folded.stage, folded.rules, folded.crew, closed, result, folded.problems


def _with_problem(day: EventDayResult, problem: Text) -> EventDayResult:
    return replace(day, problem=str(problem), problem_text=problem)


def _score_day(event: Event, number: int, day: EventDay, logs_dir: Path | None) -> EventDayResult:
    stage_path = day.stage_path(event.base_dir)
    problem: Text | None = None
    try:
        stage: Stage | None = load_day_stage(event, day)
    except InputError as error:
        stage, problem = None, Text(QT_TRANSLATE_NOOP("Errors", "stage: %1"), error.whole())
    log_path = day_log_path(event, day, stage, logs_dir)
    base = EventDayResult(number, day, "not yet driven", stage, stage_path, log_path)
    if log_path is None or not log_path.exists():
        if day.log is not None and problem is None:
            return _with_problem(
                base, Text(QT_TRANSLATE_NOOP("Errors", "no log yet at %1"), log_path)
            )
        if problem is None:
            return base
        return _with_problem(replace(base, status="error"), problem)
    try:
        logged_stage, rules, crew, closed, result, problems = _fold_day_log(
            log_path, stage_path.parent
        )
    except InputError as error:
        return _with_problem(
            replace(base, status="error"),
            Text(QT_TRANSLATE_NOOP("Errors", "log: %1"), error.whole()),
        )
    messages = [*problems, *(f"{log_path}: {m}" for m in result.messages)]
    if problem is not None:
        messages.append(str(problem))
    elif stage is not None and logged_stage != stage:
        messages.append(
            f"{log_path}: the log was recorded with another version of {day.stage} "
            "(scored as the log recorded it)"
        )
    if event.crew is not None and crew != event.crew:
        messages.append(f"{log_path}: the log's crew differs from the event's (the log's is used)")
    return EventDayResult(
        number,
        day,
        "driven" if closed else "in progress",
        stage or logged_stage,
        stage_path,
        log_path,
        result,
        None,
        tuple(messages),
        rules,
    )


def event_results(event: Event, logs_dir: Path | None = None) -> EventResult:
    """Score every day of `event` (see the module docstring). Never raises for a day: a day
    that cannot be read says why in its `problem`."""
    days = [_score_day(event, n, day, logs_dir) for n, day in enumerate(event.days, start=1)]
    scored = [d for d in days if d.result is not None]
    messages: list[str] = []
    dropped: list[tuple[int, ResultRow]] = []
    if scored:
        days, dropped = _event_discards(days, messages)
    scored = [d for d in days if d.result is not None]
    total = sum((d.result.total for d in scored if d.result is not None), _ZERO) if scored else None
    higher = any(d.result.higher_is_better for d in scored if d.result is not None)
    for d in days:
        messages.extend(d.messages)
    return EventResult(event, tuple(days), total, higher, tuple(dropped), tuple(messages))


def _event_discards(
    days: list[EventDayResult], messages: list[str]
) -> tuple[list[EventDayResult], list[tuple[int, ResultRow]]]:
    """Drop the worst measurements over the event when the days' rule set says so."""
    rules_of = {d.number: d.rules for d in days if d.result is not None and d.rules is not None}
    scopes = {rules.discard_scope for rules in rules_of.values()}
    if scopes != {"event"}:
        if "event" in scopes:
            messages.append(
                "discards over the event: not every day's rule set asks for them; none dropped"
            )
        return days, []
    ids = sorted({rules.id for rules in rules_of.values()})
    if len(ids) > 1:
        messages.append(
            "discards over the event: the days are scored under different rule sets "
            f"({', '.join(ids)}); none dropped"
        )
        return days, []
    rules = next(iter(rules_of.values()))
    kinds = set(rules.discard_kinds)
    candidates: list[tuple[int, int]] = []  # (index in days, row index)
    for di, d in enumerate(days):
        if d.result is None:
            continue
        for ri, row in enumerate(d.result.rows):
            if row.kind in kinds and PENDING not in row.notes:
                candidates.append((di, ri))

    def badness(item: tuple[int, int]) -> Decimal:
        result = days[item[0]].result
        assert result is not None
        row = result.rows[item[1]]
        if rules.points_table is not None:
            return row.points or _ZERO
        return -row.penalty

    candidates.sort(key=badness)  # stable: the earliest of equally bad rows first
    chosen = set(candidates[: rules.discard_count])
    out = list(days)
    dropped: list[tuple[int, ResultRow]] = []
    for di, d in enumerate(days):
        if d.result is None:
            continue
        rows = list(d.result.rows)
        for ri, row in enumerate(rows):
            if (di, ri) in chosen:
                rows[ri] = replace(row, notes=(*row.notes, DISCARDED))
                dropped.append((d.number, row))
        out[di] = replace(d, result=_retotal(d.result, tuple(rows)))
    return out, dropped


def _retotal(result: StageResult, rows: tuple[ResultRow, ...]) -> StageResult:
    """The same day with some rows dropped: its total taken again (same car factor)."""
    counted = [row for row in rows if DISCARDED not in row.notes]
    penalties = sum((row.penalty for row in counted), _ZERO)
    if result.points is not None:
        points = sum((row.points or _ZERO for row in counted), _ZERO)
        return replace(
            result, rows=rows, penalties=penalties, points=points, total=points * result.coefficient
        )
    return replace(result, rows=rows, penalties=penalties, total=penalties * result.coefficient)


# -- the event CSV ------------------------------------------------------------------------------


def event_csv_rows(result: EventResult, locale: CsvLocale = "en") -> list[list[str]]:
    """The event CSV (FORMATS.md section 4): ``day`` first, then the results CSV's columns;
    each day's rows and its total, a not-yet-driven day as one row, and last the ``event``
    row."""
    with_points = any(
        row.points is not None for d in result.days if d.result is not None for row in d.result.rows
    )
    header = ["day", *COLUMNS, *(["points"] if with_points else [])]
    out: list[list[str]] = [header]
    width = len(header) - 1
    for d in result.days:
        day_cell = str(d.number)
        if d.result is None:
            state = "cannot be read" if d.status == "error" else "not yet driven"
            note = f"{d.day.name}: {state}"
            if d.problem:
                note += f" ({d.problem})"
            row = ["", "total", "", "", "", "", "", safe_text(note)]
            out.append([day_cell, *row, *([""] if with_points else [])])
            continue
        day_result = d.result
        if day_result.stage_name == d.day.name:  # the day's name leads the note already
            day_result = replace(day_result, stage_name="")
        rows = result_rows(day_result, locale)[1:]
        for row_cells in rows:
            cells = row_cells + [""] * (width - len(row_cells))
            if cells[1] == "total":
                prefix = d.day.name + (" (in progress)" if d.status == "in progress" else "")
                cells[7] = safe_text(f"{prefix}: {cells[7]}")
            out.append([day_cell, *cells])
    total = "" if result.total is None else _number(result.total, locale)
    note = f"{result.driven} of {len(result.days)} days driven"
    if result.driven < len(result.days):
        note += " (the others are not counted)"
    if result.event_discards:
        which = ", ".join(
            f"day {n} {row.section} line {row.line}" for n, row in result.event_discards
        )
        note += f"; discarded over the event: {which}"
    if result.higher_is_better:
        note += ", higher is better"
    event_row = ["", "", "event", "", "", "", "", total, safe_text(note)]
    out.append([*event_row, *([""] if with_points else [])])
    return out


def _number(value: Decimal, locale: CsvLocale) -> str:
    text = format_number(value)
    return text.replace(".", ",") if locale == "eu" else text


def event_csv(result: EventResult, locale: CsvLocale = "en") -> str:
    """The whole event CSV as text (UTF-8 with BOM once encoded)."""
    return rows_to_csv(event_csv_rows(result, locale), locale)


__all__: Sequence[str] = (
    "EVENT_FORMAT",
    "Event",
    "EventDay",
    "EventDayResult",
    "EventResult",
    "event_csv",
    "event_csv_rows",
    "event_results",
    "event_text",
    "load_event",
    "parse_event",
    "save_event",
)
