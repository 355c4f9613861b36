"""Scoring: a stage, a rule set, the crew and the log's events -> one row per measurement, a total.

The one scoring implementation: the live window, replay, the CLI and the CSV all call `score`.

What counts (the choices where the log could be read more than one way):

- Only `Sync`, `Pass`, `Void` and ``undo`` events matter, a skip (a ``navigate`` event with
  ``action = "skip"``) for when a line is missed, and for an average trial with
  ``start = "press"`` its `start` events (core.pacer.START_EVENT); every other event is skipped.
- An ``undo`` (FORMATS.md section 6) takes back the pass, sync, skip or start press it names:
  scoring reads the log as if that event were not there (the undo of a pass is its void).
- A press-start trial's schedule starts at the last `start` event of its section, put on the
  unit like any crossing; its ideals are that official time plus the exact ideal elapsed time,
  then rounded by `ideal_rounding`. Without a start press (or a sync before it) its checks are
  missed, noted ``no start`` (or ``unsynced``).
- Which passes count is the rule of `core/passes.py` (`PassBook`, shared with the session
  fold): a `Void` cancels the `Pass` whose seq it names; a void of a void, of another event, of
  a seq the log does not hold or of a pass already void is ignored and reported in
  `StageResult.messages` (press again to redo a line); if several unvoided passes exist for one
  (section, line), the last one in the log counts: the navigator re-did it.
- Official time at a pass is ``sync.official + (t - sync.t)`` with the latest sync at or before
  the pass. A time control or average check with no sync before it cannot be scored: its row
  has the note ``unsynced`` and the rule set's `missed` penalty, and a message says why.
- Every crossing is put on the rule set's unit (truncated by default) before any difference is
  taken, as official timing stamps each crossing at its resolution.
- A timed measurement takes both its crossings on one time base: official time from the sync in
  force at its reference crossing (a re-sync inside a trial does not add its correction to the
  measured duration). Before the first sync it uses the session clock, whose phase against the
  official clock is unknown: the measured duration is then exact but the truncation of each
  crossing may differ from the organiser's by one unit.
- Time controls and average checks compare official times of day; a deviation is taken across
  midnight the short way (a stage is never 12 hours late).
- A missed line, check or control is never skipped: its row has the note ``missed`` and the
  rule set's `missed` penalty (``void`` too when the navigator voided its only pass). A missing
  line in the middle of a timed chain: see `KindRules.missed_line_reference`.
- Discards drop the rule set's count of worst rows of the kinds it names (highest penalty, or
  fewest points with a points table); of equally bad rows the earliest in driving order drops.
  Car factors multiply the total after discards.
- During the stage (``live=True``) a measurement with no pass that lies after the furthest
  recorded or skipped line in driving order is not missed yet: its row has the note
  ``pending``, no penalty, and it is never discarded (a skipped line is missed at once). After
  the stage, score without `live`.

Performance: one pass over the events and over the sections, syncs found by bisection; a
five-day event scores in a few milliseconds (tests/benchmarks/bench_scoring.py). `ScoreFold`
takes a log one event at a time and scores any prefix in time proportional to the stage, with
copies to restart from: replay scores each instant of a long log without rescoring its start.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Container, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from mmtimer.core.clock import NS_PER_MS, OfficialTime, SyncPoint, wrap_day_ns
from mmtimer.core.crew import Crew
from mmtimer.core.events import Event, Other, Pass, Sync, Void, undo_ref
from mmtimer.core.legs import ControlTerms, apply_control_terms
from mmtimer.core.logfile import NAVIGATE_EVENT
from mmtimer.core.pacer import START_EVENT
from mmtimer.core.passes import Key, PassBook, kind_of, pass_problem
from mmtimer.core.results import ResultRow, SectionKind, StageResult
from mmtimer.core.rules import TIE_BREAKS, KindRules, RuleSet, year_factor
from mmtimer.core.stage import AverageTrial, Section, Stage, TimeControl, TimedSection
from mmtimer.core.timefmt import DAY_MS

_ZERO = Decimal(0)
_ONE = Decimal(1)

MISSED = "missed"
VOID = "void"
CAPPED = "capped"
DISCARDED = "discarded"
UNSYNCED = "unsynced"
PENDING = "pending"
NO_START = "no start"


def _official_time(syncs: Sequence[Sync]) -> OfficialTime:
    """The log's syncs as official time; at one instant the higher seq wins."""
    ordered = sorted(syncs, key=lambda s: (s.t_ns, s.seq))
    return OfficialTime(SyncPoint(s.t_ns, s.official_ms * NS_PER_MS) for s in ordered)


@dataclass(slots=True)
class _Passes:
    """The passes that count, by (section, line), what was voided, and what was skipped."""

    chosen: Mapping[tuple[str, int], Pass]
    voided: Container[tuple[str, int]]
    starts: Mapping[str, int]  # section -> t_ns of its last start press (start = "press")
    skipped: frozenset[Key] = frozenset()  # lines skipped (N) and not undone


def _start_of(event: Event) -> tuple[str, int] | None:
    """(section, t_ns) of a start press event, or None for any other event."""
    if isinstance(event, Other) and event.type == START_EVENT and event.t_ns is not None:
        section = event.data.get("section")
        if isinstance(section, str):
            return section, event.t_ns
    return None


def skipped_key(event: Event, lines: dict[str, int]) -> Key | None:
    """The line a skip event (``navigate`` with ``action = "skip"``) left unrecorded, if the
    stage (`lines`: each section's line count) has it; None for any other event."""
    if isinstance(event, Other) and event.type == NAVIGATE_EVENT:
        data = event.data
        section, line = data.get("skipped_section"), data.get("skipped_line")
        if (
            data.get("action") == "skip"
            and isinstance(section, str)
            and type(line) is int
            and pass_problem(lines, section, line) is None
        ):
            return section, line
    return None


def _last_starts(starts: dict[int, tuple[str, int]]) -> dict[str, int]:
    """Each section's last start press that counts (`starts`: seq -> (section, t_ns), in seq
    order)."""
    return {section: t_ns for section, t_ns in starts.values()}


def _fold(
    events: Sequence[Event], stage: Stage, messages: list[str]
) -> tuple[OfficialTime, _Passes]:
    """The whole log at once, any order of seqs: every event's type is noted first, then the
    passes in seq order, then the voids (a void may name a later seq here), by `PassBook`."""
    syncs: list[Sync] = []
    passes: list[Pass] = []
    cancels: list[Void | tuple[int, int]] = []  # voids, and undos as (seq, ref), in log order
    lines = _lines(stage)
    book = PassBook(lines)
    starts: dict[int, tuple[str, int]] = {}
    skips: dict[int, Key] = {}
    for event in events:
        if isinstance(event, Pass):
            passes.append(event)
        elif isinstance(event, Sync):
            syncs.append(event)
            book.note(event.seq, "sync")
        elif isinstance(event, Void):
            cancels.append(event)
            book.note(event.seq, "void")
        else:
            book.note(event.seq, kind_of(event))
            ref = undo_ref(event)
            if ref is not None:
                cancels.append((event.seq, ref))
                continue
            start = _start_of(event)
            if start is not None:
                starts[event.seq] = start
            skipped = skipped_key(event, lines)
            if skipped is not None:
                skips[event.seq] = skipped
    ordered = passes if _rising(passes) else sorted(passes, key=lambda p: p.seq)
    for p in ordered:
        book.add_pass(p)
    for cancel in cancels:
        if isinstance(cancel, Void):
            book.add_void(cancel)
        else:
            book.add_undo(*cancel)
    undone = book.undone_seqs
    if undone:
        syncs = [sync for sync in syncs if sync.seq not in undone]
        starts = {seq: start for seq, start in starts.items() if seq not in undone}
        skips = {seq: key for seq, key in skips.items() if seq not in undone}
    messages.extend(book.messages())
    folded = _Passes(
        book.chosen(), set(book.voided_keys), _last_starts(starts), frozenset(skips.values())
    )
    return _official_time(syncs), folded


def _lines(stage: Stage) -> dict[str, int]:
    return {section.id: section.lines for section in stage.sections}


def _rising(passes: list[Pass]) -> bool:
    return all(a.seq < b.seq for a, b in itertools.pairwise(passes))


def _missed_row(
    *,
    kind: SectionKind,
    section_id: str,
    line: int,
    target_ms: int,
    rules: KindRules,
    notes: tuple[str, ...],
    reference_line: int | None = None,
) -> ResultRow:
    return ResultRow(
        section=section_id,
        kind=kind,
        line=line,
        target_ms=target_ms,
        measured_ms=None,
        deviation_ms=None,
        penalty=rules.missed,
        notes=notes,
        reference_line=reference_line,
    )


def _missing_notes(passes: _Passes, key: tuple[str, int]) -> tuple[str, ...]:
    return (MISSED, VOID) if key in passes.voided else (MISSED,)


def _score_timed(
    section: TimedSection,
    rules: KindRules,
    passes: _Passes,
    syncs: OfficialTime,
    messages: list[str],
) -> list[ResultRow]:
    chosen = passes.chosen
    sid = section.id
    instants: list[int | None] = [None]
    for line in range(1, section.lines + 1):
        found = chosen.get((sid, line))
        instants.append(None if found is None else found.t_ns)
    rows: list[ResultRow] = []
    targets = section.targets_ms
    from_start = section.targets_from == "start"
    for line in range(2, section.lines + 1):
        reference = 1 if from_start else line - 1
        target_ms = targets[line - 2]
        t_line = instants[line]
        if (
            not from_start
            and instants[reference] is None
            and t_line is not None
            and rules.missed_line_reference == "last-recorded"
        ):
            earlier = next((j for j in range(line - 2, 0, -1) if instants[j] is not None), None)
            if earlier is not None:
                reference = earlier
                target_ms = sum(targets[earlier - 1 : line - 1])
        t_reference = instants[reference]
        if t_line is None:
            rows.append(
                _missed_row(
                    kind=SectionKind.TIMED,
                    section_id=sid,
                    line=line,
                    target_ms=target_ms,
                    rules=rules,
                    notes=_missing_notes(passes, (sid, line)),
                    reference_line=reference,
                )
            )
            continue
        if t_reference is None:
            messages.append(f"{sid} line {line}: no time at line {reference}, its reference")
            rows.append(
                _missed_row(
                    kind=SectionKind.TIMED,
                    section_id=sid,
                    line=line,
                    target_ms=target_ms,
                    rules=rules,
                    notes=(MISSED,),
                    reference_line=reference,
                )
            )
            continue
        offset = syncs.offset_ns(t_reference) or 0
        measured_ns = rules.on_unit(t_line + offset) - rules.on_unit(t_reference + offset)
        deviation_ns = measured_ns - target_ms * NS_PER_MS
        penalty, capped = rules.penalty(deviation_ns)
        rows.append(
            ResultRow(
                section=sid,
                kind=SectionKind.TIMED,
                line=line,
                target_ms=target_ms,
                measured_ms=measured_ns // NS_PER_MS,
                deviation_ms=deviation_ns // NS_PER_MS,
                penalty=penalty,
                notes=(CAPPED,) if capped else (),
                raw_measured_ms=(t_line - t_reference) // NS_PER_MS,
                reference_line=reference,
            )
        )
    return rows


def _time_of_day_row(
    *,
    kind: SectionKind,
    section_id: str,
    line: int,
    target_ns: int,
    rules: KindRules,
    passes: _Passes,
    syncs: OfficialTime,
    messages: list[str],
) -> ResultRow:
    """A row comparing an official time of day with a target time of day (CO, average check)."""
    target_ms = target_ns // NS_PER_MS
    found = passes.chosen.get((section_id, line))
    if found is None:
        return _missed_row(
            kind=kind,
            section_id=section_id,
            line=line,
            target_ms=target_ms,
            rules=rules,
            notes=_missing_notes(passes, (section_id, line)),
        )
    offset = syncs.offset_ns(found.t_ns)
    if offset is None:
        messages.append(
            f"{section_id}{'' if kind is SectionKind.TIME_CONTROL else f' check {line}'}: "
            "no official-time sync before the pass, so it cannot be scored"
        )
        return _missed_row(
            kind=kind,
            section_id=section_id,
            line=line,
            target_ms=target_ms,
            rules=rules,
            notes=(UNSYNCED,),
        )
    official_ns = found.t_ns + offset
    measured_ns = rules.on_unit(official_ns)
    deviation_ns = wrap_day_ns(measured_ns - target_ns)
    penalty, capped = rules.penalty(deviation_ns)
    return ResultRow(
        section=section_id,
        kind=kind,
        line=line,
        target_ms=target_ms,
        measured_ms=(measured_ns // NS_PER_MS) % DAY_MS,
        deviation_ms=deviation_ns // NS_PER_MS,
        penalty=penalty,
        notes=(CAPPED,) if capped else (),
        raw_measured_ms=(official_ns // NS_PER_MS) % DAY_MS,
    )


def due_target_ns(section: TimeControl, rules: KindRules) -> int:
    """The start of a time control's due minute (due truncated to the unit): with due
    "10:42:30" and a 1-minute unit the card is on time from 10:42:00 to 10:42:59.99 (RULES.md:
    minutes off = minute of the hand-in - due minute)."""
    due_ns = section.due_ms * NS_PER_MS
    return due_ns - due_ns % rules.unit_ns


@lru_cache(maxsize=4096)
def ideal_target_ns(
    section: AverageTrial, check: int, rules: KindRules, start_ns: int | None = None
) -> int:
    """The ideal official time at `check` put on the unit by the rule set's `ideal_rounding`.

    `start_ns`: for a ``start = "press"`` trial, the official time of its start press (already
    on the unit, `press_start_ns`); the trial's own start time otherwise.
    Cached: sections and rules are frozen, and the live window rescores after every press.
    """
    ideal_ns: Fraction = section.ideal_ms(check) * NS_PER_MS
    if start_ns is not None:
        ideal_ns += start_ns - section.start_ms * NS_PER_MS
    unit = rules.unit_ns
    if rules.ideal_rounding == "round":
        ideal_ns += Fraction(unit, 2)
    return (ideal_ns.numerator // (ideal_ns.denominator * unit)) * unit


def press_start_ns(t_ns: int, syncs: OfficialTime, rules: KindRules) -> int | None:
    """The official time of a start press at session instant `t_ns`, put on the unit like any
    crossing; None before any sync."""
    offset = syncs.offset_ns(t_ns)
    return None if offset is None else rules.on_unit(t_ns + offset)


def _copy(row: ResultRow, *, points: Decimal | None, notes: tuple[str, ...]) -> ResultRow:
    """`row` with new points and notes (the constructor directly: `replace` costs 4x more)."""
    return ResultRow(
        row.section,
        row.kind,
        row.line,
        row.target_ms,
        row.measured_ms,
        row.deviation_ms,
        row.penalty,
        notes,
        points,
        row.raw_measured_ms,
        row.reference_line,
    )


def _apply_points(rows: list[ResultRow], table: tuple[Decimal, ...]) -> list[ResultRow]:
    last = len(table) - 1
    return [
        row
        if PENDING in row.notes
        else _copy(row, points=table[min(int(row.penalty), last)], notes=row.notes)
        for row in rows
    ]


def _apply_discards(rows: list[ResultRow], rules: RuleSet) -> list[ResultRow]:
    if rules.discard_count <= 0 or rules.discard_scope == "event":
        return rows  # event scope: core.event drops them over the whole event
    kinds = set(rules.discard_kinds)
    candidates = [i for i, row in enumerate(rows) if row.kind in kinds and PENDING not in row.notes]
    if rules.points_table is not None:
        candidates.sort(key=lambda i: rows[i].points or _ZERO)
    else:
        candidates.sort(key=lambda i: -rows[i].penalty)
    out = list(rows)
    for i in candidates[: rules.discard_count]:
        out[i] = _copy(out[i], points=out[i].points, notes=(*out[i].notes, DISCARDED))
    return out


def _car_factor(rules: RuleSet, crew: Crew, messages: list[str]) -> Decimal | None:
    if rules.factor == "year":
        if crew.year is None:
            messages.append("year factor: the car's year is not known, no factor applied")
            return None
        return year_factor(crew.year)
    if rules.factor == "coefficient":
        if crew.coefficient is None:
            messages.append("the crew has no coefficient: none applied")
        return crew.coefficient
    return None


def _pending_row(row: ResultRow) -> ResultRow:
    """A missing measurement not reached yet: no penalty, noted pending."""
    return ResultRow(
        row.section,
        row.kind,
        row.line,
        row.target_ms,
        None,
        None,
        _ZERO,
        (PENDING,),
        None,
        None,
        row.reference_line,
    )


def _not_reached(row: ResultRow) -> bool:
    """Whether `row` becomes pending if it lies after the furthest recorded pass."""
    return row.measured_ms is None and MISSED in row.notes


def _mark_pending(rows: list[ResultRow], stage: Stage, passes: _Passes) -> list[ResultRow]:
    """Missing measurements after the furthest recorded or skipped line become pending (see
    module doc)."""
    order = {section.id: index for index, section in enumerate(stage.sections)}
    reached = itertools.chain(passes.chosen, passes.skipped)
    furthest = max(((order[sid], line) for sid, line in reached), default=(-1, 0))
    return [
        _pending_row(row)
        if _not_reached(row) and (order[row.section], row.line) > furthest
        else row
        for row in rows
    ]


def score(
    stage: Stage, rules: RuleSet, crew: Crew, events: Sequence[Event], *, live: bool = False
) -> StageResult:
    """Score every measurement of `stage` from the log's `events`, in driving order.

    `live`: the stage is still being driven; measurements not reached yet are ``pending``
    rather than ``missed`` (see the module docstring).
    """
    messages: list[str] = []
    syncs, passes = _fold(events, stage, messages)
    return _finish(stage, rules, crew, (syncs, passes, messages), live=live)


def _section_rows(
    section: Section,
    rules: RuleSet,
    *,
    passes: _Passes,
    syncs: OfficialTime,
    terms: Mapping[str, ControlTerms],
    messages: list[str],
) -> list[ResultRow]:
    """The rows of one section, before pending lines, points and discards (its messages are
    added to `messages`): a section's rows depend on its own passes and start, and the syncs."""
    if isinstance(section, TimedSection):
        return _score_timed(section, rules.timed, passes, syncs, messages)
    if isinstance(section, TimeControl):
        row = _time_of_day_row(
            kind=SectionKind.TIME_CONTROL,
            section_id=section.id,
            line=1,
            target_ns=due_target_ns(section, rules.time_control),
            rules=rules.time_control,
            passes=passes,
            syncs=syncs,
            messages=messages,
        )
        if section.id in terms:
            row = apply_control_terms(
                row, terms[section.id], rules.time_control, rules.id, messages
            )
        return [row]
    start_ns: int | None = None
    if section.start_press:
        started = passes.starts.get(section.id)
        if started is not None:
            start_ns = press_start_ns(started, syncs, rules.average)
        if start_ns is None:
            note = NO_START if started is None else UNSYNCED
            return [
                _missed_row(
                    kind=SectionKind.AVERAGE,
                    section_id=section.id,
                    line=check,
                    target_ms=int(section.ideal_ms(check)),
                    rules=rules.average,
                    notes=(MISSED, note),
                )
                for check in range(1, section.lines + 1)
            ]
    return [
        _time_of_day_row(
            kind=SectionKind.AVERAGE,
            section_id=section.id,
            line=check,
            target_ns=ideal_target_ns(section, check, rules.average, start_ns),
            rules=rules.average,
            passes=passes,
            syncs=syncs,
            messages=messages,
        )
        for check in range(1, section.lines + 1)
    ]


def _finish(
    stage: Stage,
    rules: RuleSet,
    crew: Crew,
    folded: tuple[OfficialTime, _Passes, list[str]],
    *,
    live: bool,
) -> StageResult:
    """The rows and the total from the folded syncs, passes and messages (`score` after
    `_fold`)."""
    syncs, passes, messages = folded
    rows: list[ResultRow] = []
    terms = stage.control_terms()  # leg factors and maximum lateness (core/legs.py)
    for section in stage.sections:
        rows.extend(
            _section_rows(
                section, rules, passes=passes, syncs=syncs, terms=terms, messages=messages
            )
        )
    if live:
        rows = _mark_pending(rows, stage, passes)
    if rules.points_table is not None:
        rows = _apply_points(rows, rules.points_table)
    rows = _apply_discards(rows, rules)

    counted = [row for row in rows if DISCARDED not in row.notes]
    penalties = sum((row.penalty for row in counted), _ZERO)
    points = (
        None if rules.points_table is None else sum((row.points or _ZERO for row in counted), _ZERO)
    )
    return _result(
        rules,
        crew,
        rows=tuple(rows),
        penalties=penalties,
        points=points,
        messages=messages,
        stage_name=stage.name,
    )


def _result(
    rules: RuleSet,
    crew: Crew,
    *,
    rows: tuple[ResultRow, ...],
    penalties: Decimal,
    points: Decimal | None,
    messages: list[str],
    stage_name: str,
) -> StageResult:
    """The stage result from its rows and sums: the car factor and the total."""
    car_factor = _car_factor(rules, crew, messages)
    applied = _ONE
    if points is not None:
        if car_factor is not None:
            applied = car_factor
        total = points * applied
    else:
        if car_factor is not None and rules.factor_on_penalties:
            applied = car_factor
        elif car_factor is not None:
            messages.append(
                f"coefficient {car_factor} reported, not applied: it multiplies the organiser's "
                "points, and this rule set has no points_table"
            )
        total = penalties * applied
    return StageResult(
        rows=rows,
        total=total,
        rules_id=rules.id,
        coefficient=applied,
        higher_is_better=rules.points_table is not None,
        messages=tuple(messages),
        penalties=penalties,
        points=points,
        car_factor=car_factor,
        car_year=crew.year,
        stage_name=stage_name,
        crew=crew,
    )


class NotCausalError(ValueError):
    """A log `ScoreFold` cannot take: a seq that does not rise, or a void naming a later seq."""


class _Chosen(Mapping[tuple[str, int], Pass]):
    """The counting pass of each line, read from a `PassBook` when asked (nothing copied)."""

    __slots__ = ("_book",)

    def __init__(self, book: PassBook) -> None:
        self._book = book

    def get(self, key: tuple[str, int], default: object = None) -> Pass | None:  # type: ignore[override]
        return self._book.counting_pass(*key)

    def __getitem__(self, key: tuple[str, int]) -> Pass:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[tuple[str, int]]:
        return iter(self._book.counting_keys())

    def __len__(self) -> int:
        return len(self._book.counting_keys())


class _Layout:
    """Where each section's rows sit among a stage's rows (the count is fixed by the stage)."""

    __slots__ = ("index", "sections", "starts", "total")

    def __init__(self, stage: Stage) -> None:
        self.sections: tuple[Section, ...] = tuple(stage.sections)
        self.index = {section.id: i for i, section in enumerate(self.sections)}
        self.starts: list[int] = []
        total = 0
        for section in self.sections:
            self.starts.append(total)
            total += section.lines - 1 if isinstance(section, TimedSection) else section.lines
        self.total = total


class _ExactSum:
    """A sum of Decimals whose terms come and go, equal to ``sum(terms, Decimal(0))``: the same
    value and the same exponent (the smallest of the terms', 0 at most)."""

    __slots__ = ("_exponents", "_value")

    def __init__(self) -> None:
        self._value = _ZERO
        self._exponents: dict[int, int] = {}

    def add(self, term: Decimal) -> None:
        self._value += term
        exponent = int(term.as_tuple().exponent)
        self._exponents[exponent] = self._exponents.get(exponent, 0) + 1

    def remove(self, term: Decimal) -> None:
        self._value -= term
        exponent = int(term.as_tuple().exponent)
        left = self._exponents[exponent] - 1
        if left:
            self._exponents[exponent] = left
        else:
            del self._exponents[exponent]

    def value(self) -> Decimal:
        exponent = min(0, min(self._exponents, default=0))
        return self._value.quantize(Decimal((0, (1,), exponent)))


class _Rows:
    """What a `ScoreFold` keeps between two results for one rule set and one `live`: each
    section's rows, every row after pending lines and points, the sums and the rows that may be
    discarded. A result then costs what changed since the last: the sections an event touched,
    and those between the old and the new furthest pass (their lines stop being pending)."""

    __slots__ = (
        "candidates",
        "dirty",
        "furthest",
        "kinds",
        "layout",
        "live",
        "max_line",
        "messages",
        "penalties",
        "points",
        "raw",
        "result",
        "result_crew",
        "rows",
        "rules",
        "shown_furthest",
    )

    def __init__(self, layout: _Layout, rules: RuleSet, live: bool) -> None:
        count = len(layout.sections)
        self.layout = layout
        self.rules = rules
        self.live = live
        self.dirty: set[int] = set(range(count))  # sections to score again
        self.raw: list[list[ResultRow]] = [[] for _ in range(count)]  # as `_section_rows` gave
        self.messages: dict[int, list[str]] = {}  # each section's messages (if it has any)
        self.max_line = [0] * count  # each section's furthest line recorded (or skipped)
        self.furthest = -1  # the furthest section with a line recorded (or skipped)
        self.shown_furthest: int | None = None  # what `rows` were marked for (None: not yet)
        self.rows: list[ResultRow | None] = [None] * layout.total
        self.penalties = _ExactSum()
        self.points = _ExactSum()
        counts = rules.discard_count > 0 and rules.discard_scope != "event"
        self.kinds: frozenset[SectionKind] = frozenset(rules.discard_kinds if counts else ())
        self.candidates: list[tuple[Decimal, int]] = []  # (worst first, row index), sorted
        self.result: StageResult | None = None  # the last result, while nothing changed
        self.result_crew: Crew | None = None  # the crew it was worked out for

    def _key(self, row: ResultRow) -> Decimal | None:
        """The row's place among the discard candidates (None: not one)."""
        if row.kind not in self.kinds or PENDING in row.notes:
            return None
        if self.rules.points_table is not None:
            return row.points or _ZERO
        return -row.penalty

    def _put(self, index: int, row: ResultRow) -> None:
        old = self.rows[index]
        if old is not None:
            if old == row:
                return  # the same row: keep the one shown (views compare rows by identity)
            self.penalties.remove(old.penalty)
            if old.points is not None:
                self.points.remove(old.points)
            key = self._key(old)
            if key is not None:
                del self.candidates[bisect.bisect_left(self.candidates, (key, index))]
        self.rows[index] = row
        self.penalties.add(row.penalty)
        if row.points is not None:
            self.points.add(row.points)
        key = self._key(row)
        if key is not None:
            bisect.insort(self.candidates, (key, index))

    def _show(self, i: int) -> None:
        """Put section `i`'s rows in place: pending after the furthest pass, with points."""
        rows = self.raw[i]
        if self.live and i >= self.furthest:
            after = 0 if i > self.furthest else self.max_line[i]
            rows = [
                _pending_row(row) if row.line > after and _not_reached(row) else row for row in rows
            ]
        table = self.rules.points_table
        if table is not None:
            rows = _apply_points(rows, table)
        start = self.layout.starts[i]
        for offset, row in enumerate(rows):
            self._put(start + offset, row)

    def update(self, fold: ScoreFold) -> None:
        """Score again what changed since the last update (everything the first time)."""
        if not self.dirty and self.shown_furthest is not None:
            return
        self.result = None
        layout, rules = self.layout, self.rules
        book = fold._book
        skipped = frozenset(fold._skips.values())
        passes = _Passes(_Chosen(book), book.voided_keys, _last_starts(fold._starts), skipped)
        syncs = fold.official_time()
        terms = fold._stage.control_terms()
        dirty = sorted(self.dirty)
        self.dirty = set()
        counting = book.counting_count
        for i in dirty:
            section = layout.sections[i]
            messages: list[str] = []
            self.raw[i] = _section_rows(
                section, rules, passes=passes, syncs=syncs, terms=terms, messages=messages
            )
            if messages:
                self.messages[i] = messages
            else:
                self.messages.pop(i, None)
            sid = section.id
            self.max_line[i] = max(
                (
                    line
                    for line in range(1, section.lines + 1)
                    if counting((sid, line)) or (sid, line) in skipped
                ),
                default=0,
            )
        furthest = self.furthest
        for i in dirty:
            if self.max_line[i] and i > furthest:
                furthest = i
        while furthest >= 0 and not self.max_line[furthest]:
            furthest -= 1  # the furthest pass was voided: the one before it
        self.furthest = furthest
        shown = self.shown_furthest
        touched = set(dirty)
        if shown is None:
            touched.update(range(len(layout.sections)))
        elif self.live and shown != furthest:  # lines between the two stop or start pending
            touched.update(range(max(0, min(shown, furthest)), max(shown, furthest) + 1))
        for i in sorted(touched):
            self._show(i)
        self.shown_furthest = furthest

    def finish(self, fold: ScoreFold, crew: Crew) -> StageResult:
        """The result from the rows kept: the discards, the sums, the messages, the total."""
        if self.result is not None and self.result_crew is crew:
            return self.result
        rows: list[ResultRow] = self.rows  # type: ignore[assignment]  # every place is filled
        worst = self.candidates[: self.rules.discard_count] if self.kinds else []
        discarded = [rows[index] for _, index in worst]
        for row in discarded:  # the sums count the rows that are not discarded
            self.penalties.remove(row.penalty)
            if row.points is not None:
                self.points.remove(row.points)
        penalties = self.penalties.value()
        points = None if self.rules.points_table is None else self.points.value()
        for row in discarded:
            self.penalties.add(row.penalty)
            if row.points is not None:
                self.points.add(row.points)
        out: Sequence[ResultRow] = rows
        if worst:
            out = list(rows)
            for _, index in worst:
                row = out[index]
                out[index] = _copy(row, points=row.points, notes=(*row.notes, DISCARDED))
        messages = fold._book.messages()
        for i in sorted(self.messages):
            messages.extend(self.messages[i])
        self.result = _result(
            self.rules,
            crew,
            rows=tuple(out),
            penalties=penalties,
            points=points,
            messages=messages,
            stage_name=fold._stage.name,
        )
        self.result_crew = crew
        return self.result


class ScoreFold:
    """What scoring needs of a log, taken one event at a time (live, in replay, for export).

    After any prefix of a log's events, ``result(rules, crew, live=...)`` equals ``score`` of that
    prefix (tests/core/test_scoring.py checks it on random logs), but costs time in what the
    events since the last result changed, not in the log's or the stage's size: each section's
    rows are kept and scored again only when an event touches it (a pass, a void or a start
    press of that section; a sync, those with a pass at or after its instant), with the sums
    and the rows that may be discarded (a press on a 5,000-section stage rescores one section;
    tests/benchmarks/bench_keypress.py --sections 5000). ``snapshot()`` is a copy to carry on
    from later, so a replay can jump back to a checkpoint instead of scoring from the start (a
    snapshot keeps none of those rows: its first result scores the whole stage).

    Only for causal logs: every seq rises and every void names an earlier seq (what the reader
    and the live session guarantee, and a log edited by hand may break). `apply` raises
    `NotCausalError` otherwise, before changing anything; `score` takes any list of events.

    Snapshots share, with the fold they came from, their `PassBook`'s record of the log (maps
    by seq and each line's passes, which only ever gain entries), so a snapshot costs the
    stage's size, not the log's: it may only be fed the very events that followed it in the
    same log (`apply` raises ValueError if it is fed another pass where the record holds one).
    """

    __slots__ = (
        "_book",
        "_caches",
        "_last_seq",
        "_last_t",
        "_layout",
        "_lines",
        "_official",
        "_skips",
        "_stage",
        "_starts",
        "_syncs",
        "count",
    )

    def __init__(self, stage: Stage, *, record: PassBook | None = None) -> None:
        """`record`: the `PassBook` of a fold that takes the very same events (a replay's or an
        export's `SessionFold`), taken from where it is: this fold's book shares its record of
        the log (as a snapshot does) instead of keeping a second one. A causal log only."""
        self._stage = stage
        self._lines = _lines(stage)
        self._book = PassBook(self._lines) if record is None else record.snapshot()
        self._last_seq: int | None = None
        self._syncs: list[Sync] = []
        self._official: OfficialTime | None = None  # of `_syncs`, until the next sync
        self._starts: dict[int, tuple[str, int]] = {}  # seq -> (section, t_ns), not undone
        self._skips: dict[int, Key] = {}  # seq -> the line it skipped, not undone
        self._layout: _Layout | None = None  # worked out at the first result; shared
        self._last_t: dict[str, int] = {}  # each section's latest pass or start instant
        self._caches: dict[tuple[int, bool], _Rows] = {}  # by (id of the rules, live)
        self.count = 0
        """How many events the fold has taken."""

    def snapshot(self) -> ScoreFold:
        """A copy that carries on independently (see the class doc for what it shares)."""
        copy = ScoreFold.__new__(ScoreFold)
        copy._stage = self._stage
        copy._lines = self._lines
        copy._book = self._book.snapshot()
        copy._last_seq = self._last_seq
        copy._syncs = self._syncs.copy()
        copy._official = self._official
        copy._starts = self._starts.copy()
        copy._skips = self._skips.copy()
        copy._layout = self._layout
        copy._last_t = self._last_t.copy()
        copy._caches = {}
        copy.count = self.count
        return copy

    def _touch(self, section: str, t_ns: int | None) -> None:
        """Section `section`'s rows may have changed (a pass, void or start press in it)."""
        if t_ns is not None and t_ns > self._last_t.get(section, t_ns - 1):
            self._last_t[section] = t_ns
        if self._caches and self._layout is not None:
            index = self._layout.index.get(section)
            if index is not None:
                for cache in self._caches.values():
                    cache.dirty.add(index)

    def _synced(self, t_ns: int) -> None:
        """A sync at `t_ns`: the rows of passes at or after it are timed again."""
        self._official = None
        if self._caches and self._layout is not None:
            index = self._layout.index
            touched = [index[s] for s, t in self._last_t.items() if t >= t_ns and s in index]
            for cache in self._caches.values():
                cache.dirty.update(touched)

    def apply(self, event: Event) -> None:
        """Take the next event of the log (any type; only passes, voids, undos, syncs, skips and
        start presses count)."""
        seq = event.seq
        if self._last_seq is not None and seq <= self._last_seq:
            raise NotCausalError(f"seq {seq} does not rise after seq {self._last_seq}")
        if isinstance(event, Void) and event.ref >= seq:
            raise NotCausalError(f"void seq {seq} names seq {event.ref}, which is not before it")
        ref = undo_ref(event)
        if ref is not None and ref >= seq:
            raise NotCausalError(f"undo seq {seq} names seq {ref}, which is not before it")
        self._last_seq = seq
        self.count += 1
        for cache in self._caches.values():
            cache.result = None  # its messages may change even where no row does
        if isinstance(event, Pass):
            if self._book.add_pass(event) is None:
                self._touch(event.section, event.t_ns)
        elif isinstance(event, Void):
            voided, _ = self._book.add_void(event)
            if voided is not None:
                self._touch(voided.section, None)
        elif ref is not None:
            kind, undone, _ = self._book.add_undo(seq, ref)
            if undone is not None:
                self._touch(undone.section, None)
            elif kind == "sync":
                synced = [sync for sync in self._syncs if sync.seq == ref]
                self._syncs = [sync for sync in self._syncs if sync.seq != ref]
                for sync in synced:
                    self._synced(sync.t_ns)
            else:
                start = self._starts.pop(ref, None)
                if start is not None:
                    self._touch(start[0], None)
                skipped = self._skips.pop(ref, None)
                if skipped is not None:
                    self._touch(skipped[0], None)
        else:
            if isinstance(event, Sync):
                self._syncs.append(event)
                self._synced(event.t_ns)
            else:
                start = _start_of(event)
                if start is not None:
                    self._starts[seq] = start
                    self._touch(start[0], start[1])
                skipped = skipped_key(event, self._lines)
                if skipped is not None:
                    self._skips[seq] = skipped
                    self._touch(skipped[0], None)
            self._book.note(seq, kind_of(event))

    def official_time(self) -> OfficialTime:
        """Official time from the syncs so far."""
        if self._official is None:
            self._official = _official_time(self._syncs)
        return self._official

    def result(self, rules: RuleSet, crew: Crew, *, live: bool = False) -> StageResult:
        """``score(stage, rules, crew, events so far, live=live)``."""
        if self._layout is None:
            self._layout = _Layout(self._stage)
        key = (id(rules), live)
        cache = self._caches.get(key)
        if cache is None or cache.rules is not rules:
            if len(self._caches) >= 4:
                self._caches.clear()
            cache = self._caches[key] = _Rows(self._layout, rules, live)
        cache.update(self)
        return cache.finish(self, crew)


# ---------------------------------------------------------------------------------------------
# Ranking


@dataclass(frozen=True, slots=True)
class Ranked:
    """One crew's place: `position` is shared by crews the whole tie-break chain cannot part."""

    position: int
    name: str
    result: StageResult
    tied: bool


_UNKNOWN_YEAR = 10**9


def _sort_key(result: StageResult, rules: RuleSet) -> tuple[object, ...]:
    """Smaller is better: the total, then each tie-break criterion in the rule set's order.

    Tie-breaks look at every measurement the crew made, discarded ones included.
    """
    parts: list[object] = [-result.total if rules.higher_is_better else result.total]
    penalties = [row.penalty for row in result.rows]
    for criterion in rules.tie_break:
        if criterion == "most_zeros":
            parts.append(-sum(1 for p in penalties if p == 0))
        elif criterion == "most_ones":
            parts.append(-sum(1 for p in penalties if p == 1))
        elif criterion == "least_sum_of_squares":
            parts.append(sum((p * p for p in penalties), _ZERO))
        elif criterion == "first_better_row":
            if rules.higher_is_better:
                parts.append(tuple(-(row.points or _ZERO) for row in result.rows))
            else:
                parts.append(tuple(penalties))
        elif criterion == "older_car":
            parts.append(_UNKNOWN_YEAR if result.car_year is None else result.car_year)
        else:  # pragma: no cover - rule files are checked against TIE_BREAKS
            raise ValueError(f"unknown tie-break {criterion!r} (known: {', '.join(TIE_BREAKS)})")
    return tuple(parts)


def rank(results: Sequence[tuple[str, StageResult]], rules: RuleSet) -> list[Ranked]:
    """Crews in order: best total first, ties parted by the rule set's tie-break chain.

    Crews still equal after the whole chain share a position (1, 2, 2, 4) and keep their
    given order.
    """
    keyed = [(_sort_key(result, rules), name, result) for name, result in results]
    order = sorted(range(len(keyed)), key=lambda i: keyed[i][0])
    ranked: list[Ranked] = []
    for place, i in enumerate(order):
        key, name, result = keyed[i]
        same_as_before = place > 0 and keyed[order[place - 1]][0] == key
        same_as_next = place + 1 < len(order) and keyed[order[place + 1]][0] == key
        position = ranked[-1].position if same_as_before else place + 1
        ranked.append(Ranked(position, name, result, same_as_before or same_as_next))
    return ranked
