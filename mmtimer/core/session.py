"""The live session: a stage being timed, as a fold over the log's events (the log is the truth).

`LiveSession` records what the navigator does (passes, voids, syncs, chronograph pushers,
navigation) as events, hands each to a sink (the `LogWriter`) and answers, at any instant it is
given, the armed line, the countdown to the next target and the results. It never reads a clock:
every method takes the instant the caller read first thing (DESIGN.md, "The log is the truth").

The state is the fold of the events by `SessionFold`, which replay uses too, so the live window
and a replay of its log cannot differ. Results come from `scoring.score` (one implementation).

How the fold reads events (the choices where more than one reading was possible):

- A pass arms the line after it (the next section's first line after a section's last line;
  nothing after the stage's last line). A pass for a section the stage lacks, or a line it does
  not have, is reported and changes nothing.
- A void of the last pass, while the line it armed is still armed, arms that pass's line again
  (undo a wrong press, then press again). A void of an older pass changes no armed line. Which
  passes and voids count, and the messages for those ignored, are the rule of `core/passes.py`
  (`PassBook`), which scoring uses too.
- ``navigate`` events (skip a line, pick a section) carry the line they arm.
- In an average trial with ``start = "press"``, the navigator's first press in it is its start
  (a ``start`` event, core.pacer.START_EVENT): it arms nothing new; check 1 stays armed and its
  countdown runs from then. The last start of a section counts.
- An ``undo`` (FORMATS.md section 6; what Backspace writes) takes back the event it names: a
  pass (as its void would), a sync (official time is the other syncs'), a skip or section
  choice, or a start press (the trial's previous start counts, or none). An undone pass, skip
  or section choice arms the line it was taken at again if the line it armed is still armed
  (so undo, undo takes back two actions in turn); otherwise the armed line stays. The rule for
  what an undo may name is `PassBook`'s.
- Events without an instant (voids) take effect at the instant of the event before them.
- A ``resume`` event carries `offset_ns`, added to the session clock's readings from then on
  (nonzero when a restart was bridged with the wall clock).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, Protocol

from mmtimer import __version__
from mmtimer.core.chrono import ChronoAction, ChronoError, Chronograph
from mmtimer.core.clock import NS_PER_MS, NS_PER_S, OfficialTime, SyncPoint, wrap_day_ns
from mmtimer.core.crew import Crew, crew_from_json, crew_to_json
from mmtimer.core.distance import CALIBRATE_EVENT, DISTANCE_EVENT, FIX_EVENT
from mmtimer.core.errors import QT_TRANSLATE_NOOP, InputError, MessageError, Text
from mmtimer.core.events import (
    LOG_FORMAT,
    UNDO_EVENT,
    UNDOABLE,
    Chrono,
    Event,
    Header,
    Other,
    Pass,
    Sync,
    Void,
    undo_ref,
)
from mmtimer.core.logfile import (
    CLOSE_EVENT,
    NAVIGATE_EVENT,
    NOTE_EVENT,
    RESUME_EVENT,
    LogContents,
    LogWriter,
    parse_utc_stamp,
    utc_stamp,
)
from mmtimer.core.pacer import START_EVENT
from mmtimer.core.passes import PassBook, kind_of
from mmtimer.core.results import SectionKind, StageResult
from mmtimer.core.rules import RuleSet, builtin_rule_ids, load_rules, parse_rules
from mmtimer.core.scoring import (
    NotCausalError,
    ScoreFold,
    due_target_ns,
    ideal_target_ns,
    press_start_ns,
    score,
)
from mmtimer.core.stage import (
    AverageTrial,
    Section,
    Stage,
    TimeControl,
    TimedSection,
    stage_from_json,
    stage_to_json,
)

DISTANCE_CHANNEL = frozenset({DISTANCE_EVENT, CALIBRATE_EVENT, FIX_EVENT})
RULES_FILE_KEY = "rules_file"
"""Header field holding a rule-set file's text when the stage names a file (not a built-in)."""
DEFAULT_MAX_CLOCK_DISAGREEMENT_NS = 2 * NS_PER_S
MINUTE_NS = 60 * NS_PER_S


class SessionError(MessageError):
    """An action the session cannot take now (the message says why, for the navigator)."""


class EventSink(Protocol):
    """Where recorded events go (a LogWriter): `append` returns when the event is queued."""

    def append(self, event: Event) -> Future[int]: ...


@dataclass(frozen=True, slots=True)
class Armed:
    """The line the next press records: `line` counts from 1 (a check, for an average trial)."""

    section: str
    line: int


START_HOLD_NS = NS_PER_S
"""How long after an average trial's timed start the countdown still shows the start (then the
first check): the long beep at the start plays from a timer that may fire a little late."""


@dataclass(frozen=True, slots=True)
class Countdown:
    """The next target and the time left to it at an instant (negative once it has passed).

    `target_ms`: a duration from `reference_line` (timed trials) or an official time of day
    (time controls: the start of the due minute; average trials: the ideal time at the check,
    or, with `start`, the trial's start time).
    `window_ns`: a time control scored by the minute: how long the card is on time from
    `target_ms` (its due minute, 60 s); None otherwise (a time control on a finer unit scores
    from the due time itself). `start`: the countdown runs to an average trial's start (no
    press there, but the crew must be at the start line at that instant); once the start has
    passed (by `START_HOLD_NS`, so the beep at the start itself plays) it runs to the first
    check.
    """

    section: str
    line: int
    kind: SectionKind
    target_ms: int
    remaining_ns: int
    reference_line: int | None = None
    window_ns: int | None = None
    start: bool = False


@dataclass(frozen=True, slots=True)
class SessionState:
    """The session at log instant `t_ns`: what every window shows is worked out from it (by
    `mmtimer.present`), live (`LiveSession.state`) and in replay (`Replay.state_at`) alike.

    `chronograph`: the pushers' chronograph; `trial_chronograph`: the dial's in stage mode
    (`SessionFold.trial_chronograph`). `last_pass`: the latest pass that counts (the row just
    measured). `last_sync`: the latest sync. `closed`: the stage was ended (its closing event,
    no resume after it).
    """

    t_ns: int
    events: tuple[Event, ...]
    armed: Armed | None
    chronograph: Chronograph
    official_ns: int | None
    countdown: Countdown | None
    results: StageResult
    trial_chronograph: Chronograph = field(default_factory=Chronograph)
    last_pass: Pass | None = None
    last_sync: Sync | None = None
    closed: bool = False

    @classmethod
    def of(
        cls, fold: SessionFold, t_ns: int, events: tuple[Event, ...], results: StageResult
    ) -> SessionState:
        """The state of `fold` (which has taken `events`) at log instant `t_ns`."""
        countdown = fold.countdown(t_ns)
        return cls(
            t_ns=t_ns,
            events=events,
            armed=fold.armed,
            chronograph=fold.chronograph,
            official_ns=fold.official_ns(t_ns),
            countdown=countdown,
            results=results,
            trial_chronograph=fold.trial_chronograph(t_ns, countdown),
            last_pass=fold.last_pass(),
            last_sync=fold.last_sync,
            closed=fold.closed,
        )


class SessionFold:
    """The session's state, built one event at a time (live, on resume and in replay).

    `where(seq)` names an event in problem messages (``FILE:LINE`` for a log, ``seq N`` live).
    `compact`: its `PassBook` keeps the passes as integers, not as the Pass objects given (for a
    caller that keeps no event: export).
    """

    def __init__(
        self,
        stage: Stage,
        rules: RuleSet,
        where: Callable[[int], str] | None = None,
        *,
        compact: bool = False,
    ) -> None:
        self.stage = stage
        self.rules = rules
        self._where = where or (lambda seq: f"seq {seq}")
        self._sections: dict[str, Section] = {s.id: s for s in stage.sections}
        self._next_section: dict[str, str | None] = {}
        ids = [s.id for s in stage.sections]
        for index, section_id in enumerate(ids):
            self._next_section[section_id] = ids[index + 1] if index + 1 < len(ids) else None
        self.armed: Armed | None = Armed(ids[0], 1) if ids else None
        self.chronograph = Chronograph()
        self.offset_ns = 0
        # which passes count
        self.book = PassBook({s.id: s.lines for s in stage.sections}, compact=compact)
        self.starts: dict[str, int] = {}  # section -> t_ns of its start press (start = "press")
        self._start_presses: dict[int, tuple[str, int]] = {}  # seq -> (section, t_ns), not undone
        self._official = OfficialTime()  # from the syncs, in log (seq) order
        self._syncs: list[Sync] = []  # the syncs that count, in log order
        self.last_sync: Sync | None = None  # the latest sync in the log that counts
        # seq -> (armed before, armed after) of each navigation (skip, section choice): what an
        # undo of it restores (a pass's are its own line and the line after it: nothing kept, so
        # a long log costs no entry per pass). Only gains entries: shared with snapshots.
        self._moves: dict[int, tuple[Armed | None, Armed | None]] = {}
        self.last_t_ns: int | None = None  # the latest instant in the log
        self.anchor: tuple[int, int, str] | None = None  # (seq, t_ns, utc) of the last stamped
        self.last_seq = 0
        self.closed = False
        self.closed_ns: int | None = None  # the closing event's instant while closed
        self.problems: list[str] = []
        self._last_press: tuple[int, Armed | None] | None = None  # (seq, the line it armed)

    # -- stage navigation -----------------------------------------------------------------------
    def section(self, section_id: str) -> Section | None:
        return self._sections.get(section_id)

    def after(self, section_id: str, line: int) -> Armed | None:
        """The line armed after `line` of `section_id` is recorded or skipped."""
        section = self._sections[section_id]
        if line < section.lines:
            return Armed(section_id, line + 1)
        following = self._next_section[section_id]
        return None if following is None else Armed(following, 1)

    def valid_line(self, section_id: str, line: int) -> bool:
        section = self._sections.get(section_id)
        return section is not None and 1 <= line <= section.lines

    # -- the fold -------------------------------------------------------------------------------
    def apply(self, event: Event) -> None:
        """Take one event (in log order) into the state."""
        seq = event.seq
        self.last_seq = seq
        if isinstance(event, Pass):
            self._instant(event.t_ns, event.utc, seq)
            self._pass(event)
        elif isinstance(event, Void):
            self._void(event)
        elif isinstance(event, Sync):
            self.book.note(seq, "sync")
            self._instant(event.t_ns, event.utc, seq)
            self._official.add(SyncPoint(event.t_ns, event.official_ms * NS_PER_MS))
            self._syncs.append(event)
            self.last_sync = event
        elif isinstance(event, Chrono):
            self.book.note(seq, "chrono")
            self._instant(event.t_ns, event.utc, seq)
            try:
                self.chronograph = self.chronograph.apply(event.action, event.t_ns)
            except ChronoError as exc:
                self.problems.append(f"{self._where(seq)}: chronograph {event.action.value}: {exc}")
        else:
            self.book.note(seq, event.type)
            utc = event.data.get("utc")
            if event.t_ns is not None:
                self._instant(event.t_ns, utc if isinstance(utc, str) else None, seq)
            self._other(event)

    def _instant(self, t_ns: int, utc: str | None, seq: int) -> None:
        if self.last_t_ns is None or t_ns > self.last_t_ns:
            self.last_t_ns = t_ns
        if utc is not None:
            self.anchor = (seq, t_ns, utc)

    def _pass(self, event: Pass) -> None:
        problem = self.book.add_pass(event)
        if problem is not None:
            self.problems.append(f"{self._where(event.seq)}: {problem}")
            return
        self.armed = self.after(event.section, event.line)
        self._last_press = (event.seq, self.armed)

    def void_problem(self, ref: int) -> str | None:
        """Why a void of `ref` would be ignored, or None if it voids a pass (`PassBook`)."""
        return self.book.void_problem(ref)

    def _void(self, event: Void) -> None:
        voided, problem = self.book.add_void(event)
        if problem is not None:
            self.problems.append(f"{self._where(event.seq)}: {problem}")
            return
        if voided is None:  # a pass the fold already ignored (unknown section)
            return
        if self._last_press is not None and self._last_press[0] == event.ref:
            if self.armed == self._last_press[1]:
                self.armed = Armed(voided.section, voided.line)
            self._last_press = None

    def undo_problem(self, ref: int) -> str | None:
        """Why an undo of `ref`, recorded next, would be ignored, or None if it takes `ref`
        back (`PassBook`)."""
        return self.book.undo_problem(ref, self.last_seq + 1)

    def _undo(self, event: Other, ref: int) -> None:
        kind, undone, problem = self.book.add_undo(event.seq, ref)
        if problem is not None:
            self.problems.append(f"{self._where(event.seq)}: {problem}")
            return
        if kind == "sync":
            self._syncs = [sync for sync in self._syncs if sync.seq != ref]
            self._official = OfficialTime(
                SyncPoint(sync.t_ns, sync.official_ms * NS_PER_MS) for sync in self._syncs
            )
            self.last_sync = self._syncs[-1] if self._syncs else None
        elif kind == "start":
            self._start_presses.pop(ref, None)
            self.starts = {section: t_ns for section, t_ns in self._start_presses.values()}
        moved = self._moves.get(ref)
        if undone is not None:  # a pass: it armed the line after its own
            moved = (Armed(undone.section, undone.line), self.after(undone.section, undone.line))
        if moved is not None and self.armed == moved[1]:
            self.armed = moved[0]
        if self._last_press is not None and self._last_press[0] == ref:
            self._last_press = None

    def _other(self, event: Other) -> None:
        data = event.data
        ref = undo_ref(event)
        if ref is not None:
            self._undo(event, ref)
        elif event.type == NAVIGATE_EVENT:
            section, line = data.get("section"), data.get("line")
            before = self.armed
            if section is None:
                self.armed = None
            elif (
                isinstance(section, str)
                and isinstance(line, int)
                and self.valid_line(section, line)
            ):
                self.armed = Armed(section, line)
            else:
                self.problems.append(
                    f"{self._where(event.seq)}: navigation to {section!r} line {line!r}, "
                    "which the stage does not have: ignored"
                )
                return
            self._moves[event.seq] = (before, self.armed)
            self._last_press = None
        elif event.type == RESUME_EVENT:
            offset = data.get("offset_ns")
            if isinstance(offset, int) and not isinstance(offset, bool):
                self.offset_ns = offset
            self.closed = False
            self.closed_ns = None
        elif event.type == CLOSE_EVENT:
            self.closed = True
            self.closed_ns = event.t_ns if event.t_ns is not None else self.last_t_ns
        elif event.type == START_EVENT:
            section = data.get("section")
            trial = self._sections.get(section) if isinstance(section, str) else None
            if not isinstance(trial, AverageTrial) or not trial.start_press or event.t_ns is None:
                self.problems.append(
                    f"{self._where(event.seq)}: start press for {section!r}, which is no "
                    'average trial with start = "press": ignored'
                )
                return
            self.starts[trial.id] = event.t_ns
            self._start_presses[event.seq] = (trial.id, event.t_ns)
            self._last_press = None

    def needs_start(self, section_id: str) -> bool:
        """Whether `section_id` is a ``start = "press"`` trial not started yet."""
        section = self._sections.get(section_id)
        return (
            isinstance(section, AverageTrial)
            and section.start_press
            and section_id not in self.starts
        )

    # -- copies, for replay ------------------------------------------------------------------------
    SNAPSHOT_COPIED = ("book", "starts", "_start_presses", "_official", "_syncs", "problems")
    """Attributes that change as events come: a snapshot copies them (`book` by its own
    `snapshot`, which shares the maps by seq). Every other attribute is an immutable value or
    never changes after __init__ (tests/core/test_replay_seek.py checks the list is whole)."""
    SNAPSHOT_SHARED: tuple[str, ...] = ("_moves",)
    """Maps by seq that only gain the entry of each new event (as `PassBook`'s)."""

    def snapshot(self) -> SessionFold:
        """A copy that carries on independently, for replay to restart from.

        Its `PassBook` shares with this fold's the maps by seq, which only ever gain the entry
        of each new event: so a snapshot may only be fed the very events that followed it in
        the same log, and only if every void in them names an earlier seq (as the live session
        writes them; `Replay` checks a log before it takes snapshots of it).
        """
        copy = SessionFold.__new__(SessionFold)
        copy.__dict__.update(self.__dict__)
        copy.book = self.book.snapshot()
        copy.starts = self.starts.copy()
        copy._start_presses = self._start_presses.copy()
        copy._official = self._official.copy()
        copy._syncs = self._syncs.copy()
        copy.problems = self.problems.copy()
        return copy

    # -- what the state answers -----------------------------------------------------------------
    def counting_pass(self, section_id: str, line: int) -> Pass | None:
        return self.book.counting_pass(section_id, line)

    def last_pass(self) -> Pass | None:
        """The latest pass in the log that counts (of a line the stage has, not voided): the
        row just measured, live and in replay."""
        return self.book.last_pass()

    def unvoided_passes(self) -> list[int]:
        """The seqs of passes that still count, in log order (what Backspace may void)."""
        return self.book.counting_seqs()

    def trial_chronograph(self, t_ns: int, countdown: Countdown | None = None) -> Chronograph:
        """The dial's chronograph in stage mode at log instant `t_ns`: the current timed
        trial's running measurement (from its reference line), stopped at the last line's time
        once the chain is done, and at the closing event once the stage was ended; at rest
        otherwise. Live and replay show it alike. `countdown`: ``countdown(t_ns)`` if the
        caller has it already."""
        if self.closed and self.closed_ns is not None:
            end = min(t_ns, self.closed_ns)
            chrono = self._trial_chronograph(end, None if end != t_ns else countdown)
            return chrono if chrono.started_ns is None else chrono.stop(end)
        return self._trial_chronograph(t_ns, countdown)

    def _trial_chronograph(self, t_ns: int, countdown: Countdown | None) -> Chronograph:
        if countdown is None:
            countdown = self.countdown(t_ns)
        if countdown is not None and countdown.reference_line is not None:
            reference = self.counting_pass(countdown.section, countdown.reference_line)
            if reference is not None:
                return Chronograph(started_ns=reference.t_ns)
        last = self.last_pass()
        if last is not None and last.line > 1:
            section = self._sections.get(last.section)
            if isinstance(section, TimedSection):
                from_line, _ = self._reference(section, last.line)
                previous = self.counting_pass(last.section, from_line)
                if previous is not None:  # what was scored: from the line it is timed from
                    return Chronograph(accumulated_ns=last.t_ns - previous.t_ns)
        return Chronograph()

    def _reference(self, section: TimedSection, line: int) -> tuple[int, int]:
        """The line that `line` of a timed trial is measured from, and the target from it in
        ms, as scoring does: the first line (`targets_from = "start"`), else the line before,
        or the last recorded one before it with the targets between summed."""
        if section.targets_from == "start":
            return 1, section.target_ms(line)
        reference, target_ms = line - 1, section.target_ms(line)
        while reference > 1 and self.counting_pass(section.id, reference) is None:
            reference -= 1  # measured from the last recorded line, as scoring does
            target_ms += section.target_ms(reference + 1)
        return reference, target_ms

    def official_ns(self, t_ns: int) -> int | None:
        """Official time of day at session instant `t_ns` (may pass 24 h), None before a sync."""
        return self._official.official_ns(t_ns)

    def countdown(self, t_ns: int) -> Countdown | None:
        """The armed line's target and the time left at `t_ns` (None where there is no target:
        the start line of a timed trial, no reference time yet, no sync for official time)."""
        armed = self.armed
        if armed is None:
            return None
        section = self._sections[armed.section]
        line = armed.line
        if isinstance(section, TimedSection):
            if line < 2:
                return None
            reference, target_ms = self._reference(section, line)
            ref_pass = self.counting_pass(section.id, reference)
            if ref_pass is None:
                return None
            remaining = target_ms * NS_PER_MS - (t_ns - ref_pass.t_ns)
            return Countdown(section.id, line, section.kind, target_ms, remaining, reference)
        official = self.official_ns(t_ns)
        if official is None:
            return None
        window_ns: int | None = None
        if isinstance(section, TimeControl):
            target_ns = due_target_ns(section, self.rules.time_control)
            unit_ns = self.rules.time_control.unit_ns
            window_ns = unit_ns if unit_ns >= MINUTE_NS else None
        else:
            start_ns: int | None = None
            if section.start_press:
                started = self.starts.get(section.id)
                if started is None:
                    return None
                start_ns = press_start_ns(started, self._official, self.rules.average)
                if start_ns is None:
                    return None
            elif line == 1:  # a timed start comes before the first check: count down to it
                to_start = wrap_day_ns(section.start_ms * NS_PER_MS - official)
                if to_start > -START_HOLD_NS:
                    kind = section.kind
                    return Countdown(section.id, line, kind, section.start_ms, to_start, start=True)
            target_ns = ideal_target_ns(section, line, self.rules.average, start_ns)
        return Countdown(
            section.id,
            line,
            section.kind,
            target_ns // NS_PER_MS,
            wrap_day_ns(target_ns - official),
            window_ns=window_ns,
        )


# -- log headers ---------------------------------------------------------------------------------
def new_log_header(
    stage: Stage,
    crew: Crew,
    created: datetime,
    *,
    base_dir: Path | None = None,
    app: str = f"mmtimer {__version__}",
) -> Header:
    """The header of a new log. When the stage names a rule-set file (not a built-in id), the
    file's text goes into the header's ``rules_file`` field ({"path", "text"}), so the log can be
    scored on a machine that lacks the file. `base_dir`: where relative paths start (the stage's
    folder)."""
    extra: dict[str, Any] = {}
    if stage.rules not in builtin_rule_ids():
        path = Path(stage.rules)
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(
                path,
                Text(QT_TRANSLATE_NOOP("Errors", "cannot read the stage's rule-set file: %1"), exc),
            ) from None
        extra[RULES_FILE_KEY] = {"path": stage.rules, "text": text}
    return Header(
        format=LOG_FORMAT,
        app=app,
        created=utc_stamp(created),
        stage=stage_to_json(stage),
        crew=crew_to_json(crew),
        extra=extra,
    )


def log_inputs(
    contents: LogContents,
    *,
    rules_ref: str | None = None,
    rules_base_dir: Path | None = None,
) -> tuple[Stage, RuleSet, Crew]:
    """The stage, rule set and crew a log was recorded with (InputError if unusable).

    `rules_ref` (a built-in id or a file, relative to `rules_base_dir`) scores the log under
    other rules. Otherwise: the stage's built-in set; or the rule-set text embedded in the
    header; or the stage's rule-set file next to the log.
    """
    source = str(contents.path) if contents.path is not None else "<log>"
    header = contents.header
    stage = stage_from_json(header.stage, f"{source}:1: header stage")
    crew = crew_from_json(header.crew, f"{source}:1: header")
    if rules_ref is not None:
        return stage, load_rules(rules_ref, rules_base_dir), crew
    if stage.rules in builtin_rule_ids():
        return stage, load_rules(stage.rules), crew
    embedded = header.extra.get(RULES_FILE_KEY)
    if isinstance(embedded, dict) and isinstance(embedded.get("text"), str):
        name = embedded.get("path", stage.rules)
        return stage, parse_rules(embedded["text"], f"{source} (rules {name} in header)"), crew
    # A log may come from anyone: the file it names is looked for only beside it, and every
    # failure (missing, unreadable, not a plain file, not a rule set) reads the same, so a
    # crafted log cannot probe which paths exist (`--rules FILE` says what is wrong with a file).
    log_dir = contents.path.parent if contents.path is not None else None
    beside = _path_beside(stage.rules, log_dir)
    try:
        if beside is None:
            raise InputError(source, QT_TRANSLATE_NOOP("Errors", "not beside the log"))
        return stage, load_rules(str(beside)), crew
    except InputError:
        raise InputError(
            source,
            Text(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "the stage is scored by rule-set file %1, which the log does not "
                    "embed and which is not a readable rule set beside the log (only "
                    "that folder is looked in); give the rules explicitly",
                ),
                repr(stage.rules),
            ),
            line=1,
            key="stage.rules",
        ) from None


def _path_beside(ref: str, folder: Path | None) -> Path | None:
    """`ref` inside `folder` (a relative path that stays in it, links resolved), else None."""
    if folder is None:
        return None
    if any(
        p.is_absolute() or p.drive or ".." in p.parts
        for p in (PurePosixPath(ref), PureWindowsPath(ref))
    ):
        return None
    try:
        base = folder.resolve()
        path = (folder / ref).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    return path if path.is_relative_to(base) and path != base else None


# -- the live session ----------------------------------------------------------------------------
class LiveSession:
    """A stage being timed. Every method takes the instant (session clock, ns) the caller read.

    `offset_ns` is added to the caller's clock readings to give log instants (0 unless a
    restart was bridged on resume). Recorded events go to `sink` (a LogWriter) in order;
    `last_ack` is the sink's Future of the last one.
    """

    def __init__(
        self,
        stage: Stage,
        rules: RuleSet,
        crew: Crew,
        *,
        sink: EventSink | None = None,
        events: Sequence[Event] = (),
        where: Callable[[int], str] | None = None,
    ) -> None:
        self.stage = stage
        self.rules = rules
        self.crew = crew
        self.sink = sink
        self.last_ack: Future[int] | None = None
        self._fold = SessionFold(stage, rules, where)
        # Scoring follows the session one event at a time, so a press rescores what the stage
        # takes, not the whole log; None for a log it cannot fold so (edited by hand): then
        # every rescore is `score` of all the events, as before.
        self._scoring: ScoreFold | None = ScoreFold(stage)
        self._events: list[Event] = []
        for event in events:
            self._fold.apply(event)
            self._score(event)
            self._events.append(event)
        self._frozen: tuple[Event, ...] | None = None
        self.revision = 0
        """Rises with every event that can change results or the armed line: the car's distance
        channel (distance, calibrate, fix events, several a second) leaves it, and the results,
        as they were."""
        self._results: StageResult | None = None

    def _score(self, event: Event) -> None:
        if self._scoring is not None:
            try:
                self._scoring.apply(event)
            except NotCausalError:
                self._scoring = None

    # -- what it knows --------------------------------------------------------------------------
    @property
    def events(self) -> tuple[Event, ...]:
        """Every event of the session, in log order: the truth."""
        if self._frozen is None or len(self._frozen) != len(self._events):
            self._frozen = tuple(self._events)
        return self._frozen

    @property
    def armed(self) -> Armed | None:
        """The line the next press records (None once the stage's last line is done)."""
        return self._fold.armed

    @property
    def chronograph(self) -> Chronograph:
        return self._fold.chronograph

    @property
    def offset_ns(self) -> int:
        return self._fold.offset_ns

    @property
    def problems(self) -> tuple[str, ...]:
        """What the fold ignored and why (from a resumed log, or a void of a void)."""
        return tuple(self._fold.problems)

    @property
    def fold(self) -> SessionFold:
        return self._fold

    def log_ns(self, t_ns: int) -> int:
        """A session-clock reading as a log instant (the one place `offset_ns` is added)."""
        return t_ns + self._fold.offset_ns

    def clock_ns(self, log_t_ns: int) -> int:
        """A log instant as a reading of this session's clock (the inverse of `log_ns`)."""
        return log_t_ns - self._fold.offset_ns

    def results(self) -> StageResult:
        """The results of every event so far (rescored only when an event was added): lines not
        reached yet are ``pending`` until the session is closed, then ``missed``."""
        if self._results is None:
            live = not self._fold.closed
            if self._scoring is not None:
                self._results = self._scoring.result(self.rules, self.crew, live=live)
            else:
                self._results = score(self.stage, self.rules, self.crew, self._events, live=live)
        return self._results

    def official_ns(self, t_ns: int) -> int | None:
        """Official time of day at the clock reading `t_ns`, None before the first sync."""
        return self._fold.official_ns(self.log_ns(t_ns))

    def countdown(self, t_ns: int) -> Countdown | None:
        """The armed line's target and the time left at the clock reading `t_ns`."""
        return self._fold.countdown(self.log_ns(t_ns))

    def state(self, t_ns: int) -> SessionState:
        """Everything the window shows at the clock reading `t_ns`."""
        return SessionState.of(self._fold, self.log_ns(t_ns), self.events, self.results())

    # -- what the navigator does ----------------------------------------------------------------
    def _next_seq(self) -> int:
        return self._fold.last_seq + 1

    def _record(self, event: Event) -> None:
        if self._fold.closed:
            raise SessionError(
                QT_TRANSLATE_NOOP("Errors", "the stage log is closed: resume it to record more")
            )
        if self.sink is not None:
            self.last_ack = self.sink.append(event)  # may refuse (ValueError): nothing changed
        self._fold.apply(event)
        self._score(event)
        self._events.append(event)
        if not (isinstance(event, Other) and event.type in DISTANCE_CHANNEL):
            self._results = None
            self.revision += 1

    def press(
        self, t_ns: int, source: str = "key:Space", utc: datetime | None = None
    ) -> Pass | Other:
        """Record a pass of the armed line at the clock reading `t_ns`; in a ``start = "press"``
        trial not started yet, its start (an Other event of type START_EVENT)."""
        armed = self._fold.armed
        if armed is None:
            raise SessionError(
                QT_TRANSLATE_NOOP(
                    "Errors", "the stage's last line is done: pick a section to record more"
                )
            )
        if self._fold.needs_start(armed.section):
            return self.press_start(t_ns, source, utc)
        event = Pass(
            self._next_seq(),
            self.log_ns(t_ns),
            armed.section,
            armed.line,
            None if utc is None else utc_stamp(utc),
            source,
        )
        self._record(event)
        return event

    def press_start(
        self, t_ns: int, source: str = "key:Space", utc: datetime | None = None
    ) -> Other:
        """The navigator's press at the start marker of the armed ``start = "press"`` trial (again
        to redo it: the last one counts)."""
        armed = self._fold.armed
        section = None if armed is None else self._fold.section(armed.section)
        if armed is None or not isinstance(section, AverageTrial) or not section.start_press:
            raise SessionError(
                QT_TRANSLATE_NOOP(
                    "Errors", 'the armed line is not in an average trial with start = "press"'
                )
            )
        data: dict[str, Any] = {"section": armed.section, "source": source}
        if utc is not None:
            data["utc"] = utc_stamp(utc)
        event = Other(self._next_seq(), START_EVENT, data, self.log_ns(t_ns))
        self._record(event)
        return event

    def record_other(self, kind: str, data: dict[str, Any], t_ns: int) -> Other:
        """Record an event of another type (distance, calibrate, fix...) at clock reading `t_ns`."""
        event = Other(self._next_seq(), kind, data, self.log_ns(t_ns))
        self._record(event)
        return event

    def void(self, seq: int, reason: str = "") -> Void:
        """Void the pass `seq` (it stays in the log; it no longer counts)."""
        problem = self._fold.void_problem(seq)
        if problem is not None:
            raise SessionError(Text(QT_TRANSLATE_NOOP("Errors", "cannot void: %1"), problem))
        event = Void(self._next_seq(), seq, reason)
        self._record(event)
        return event

    def void_last(self, reason: str = "") -> Void:
        """Void the latest pass that still counts (undo a wrong press); its line is armed again
        if nothing has moved the armed line since."""
        candidates = self._fold.unvoided_passes()
        if not candidates:
            raise SessionError(QT_TRANSLATE_NOOP("Errors", "there is no pass to void"))
        return self.void(max(candidates), reason)

    def undo(self, ref: int, t_ns: int | None = None, utc: datetime | None = None) -> Other:
        """Take back event `ref` (a pass, skip, section choice, sync or start press) with an
        ``undo`` event (FORMATS.md section 6): it stays in the log and no longer counts."""
        problem = self._fold.undo_problem(ref)
        if problem is not None:
            raise SessionError(Text(QT_TRANSLATE_NOOP("Errors", "cannot undo: %1"), problem))
        data: dict[str, Any] = {"ref": ref}
        if utc is not None:
            data["utc"] = utc_stamp(utc)
        event = Other(
            self._next_seq(), UNDO_EVENT, data, None if t_ns is None else self.log_ns(t_ns)
        )
        self._record(event)
        return event

    def last_action(self) -> Event | None:
        """What Backspace undoes: the latest pass, skip, section choice, sync or start press
        that still counts (after an undo, the one before it), or None."""
        fold = self._fold
        for event in reversed(self._events):
            if kind_of(event) not in UNDOABLE or fold.undo_problem(event.seq) is not None:
                continue
            if isinstance(event, Pass) and not fold.book.took_pass(event.seq):
                continue  # a pass the fold ignored (a line the stage lacks): nothing to undo
            return event
        return None

    def undo_last(
        self, t_ns: int | None = None, utc: datetime | None = None
    ) -> tuple[Other, Event]:
        """Undo the last action (`last_action`): the undo event and the event it took back."""
        action = self.last_action()
        if action is None:
            raise SessionError(QT_TRANSLATE_NOOP("Errors", "there is nothing to undo"))
        return self.undo(action.seq, t_ns, utc), action

    def sync(
        self, t_ns: int, official_ms: int, source: str = "manual", utc: datetime | None = None
    ) -> Sync:
        """From the clock reading `t_ns` on, official time is `official_ms` + elapsed."""
        event = Sync(
            self._next_seq(),
            self.log_ns(t_ns),
            official_ms,
            None if utc is None else utc_stamp(utc),
            source,
        )
        self._record(event)
        return event

    def chrono(self, action: ChronoAction | str, t_ns: int, utc: datetime | None = None) -> Chrono:
        """A chronograph pusher; ChronoError (nothing recorded) where the watch refuses it."""
        action = ChronoAction(action)
        log_t = self.log_ns(t_ns)
        self._fold.chronograph.apply(action, log_t)  # raises before anything is recorded
        event = Chrono(self._next_seq(), log_t, action, None if utc is None else utc_stamp(utc))
        self._record(event)
        return event

    def _navigate(
        self, action: str, target: Armed | None, t_ns: int | None, utc: datetime | None, **more: Any
    ) -> Other:
        data: dict[str, Any] = {"action": action, **more}
        data["section"] = None if target is None else target.section
        data["line"] = None if target is None else target.line
        if utc is not None:
            data["utc"] = utc_stamp(utc)
        event = Other(
            self._next_seq(), NAVIGATE_EVENT, data, None if t_ns is None else self.log_ns(t_ns)
        )
        self._record(event)
        return event

    def skip_line(self, t_ns: int | None = None, utc: datetime | None = None) -> Other:
        """Leave the armed line unrecorded (it will score as missed) and arm the next one."""
        armed = self._fold.armed
        if armed is None:
            raise SessionError(QT_TRANSLATE_NOOP("Errors", "no line is armed: nothing to skip"))
        return self._navigate(
            "skip",
            self._fold.after(armed.section, armed.line),
            t_ns,
            utc,
            skipped_section=armed.section,
            skipped_line=armed.line,
        )

    def select_section(
        self,
        section_id: str,
        line: int = 1,
        t_ns: int | None = None,
        utc: datetime | None = None,
    ) -> Other:
        """Arm `line` of another section."""
        if not self._fold.valid_line(section_id, line):
            section = self._fold.section(section_id)
            if section is None:
                known = ", ".join(s.id for s in self.stage.sections)
                raise SessionError(
                    Text(
                        QT_TRANSLATE_NOOP("Errors", "the stage has no section %1 (it has %2)"),
                        repr(section_id),
                        known,
                    )
                )
            raise SessionError(
                Text(
                    QT_TRANSLATE_NOOP("Errors", "%1 has lines 1 to %2, not %3"),
                    section_id,
                    section.lines,
                    line,
                )
            )
        return self._navigate("select", Armed(section_id, line), t_ns, utc)

    def note(
        self,
        text: str,
        t_ns: int | None = None,
        utc: datetime | None = None,
        *,
        kept_open: bool = False,
    ) -> Other:
        """A free note in the log (skipped by scoring). `kept_open`: the navigator quit with
        "Keep the stage open" here (``kept_open: true``), so the next start says so."""
        data: dict[str, Any] = {"text": text}
        if kept_open:
            data["kept_open"] = True
        if utc is not None:
            data["utc"] = utc_stamp(utc)
        event = Other(
            self._next_seq(), NOTE_EVENT, data, None if t_ns is None else self.log_ns(t_ns)
        )
        self._record(event)
        return event

    def close(self, t_ns: int, utc: datetime | None = None) -> Other:
        """The closing event: the stage was ended on purpose (a log without one is offered for
        resume). Flush and close the LogWriter after it."""
        data: dict[str, Any] = {} if utc is None else {"utc": utc_stamp(utc)}
        event = Other(self._next_seq(), CLOSE_EVENT, data, self.log_ns(t_ns))
        self._record(event)
        return event

    # -- resume -----------------------------------------------------------------------------------
    @classmethod
    def resume(
        cls,
        contents: LogContents,
        stage: Stage,
        rules: RuleSet,
        crew: Crew,
        *,
        now_ns: int,
        utc_now: datetime,
        restarted: bool = False,
        sink: EventSink | None = None,
        max_clock_disagreement_ns: int = DEFAULT_MAX_CLOCK_DISAGREEMENT_NS,
    ) -> LiveSession:
        """Rebuild the session of a log (chronograph and armed line as they were) and record a
        ``resume`` event, through `sink` (the log's writer from `LogWriter.open_existing`).

        `now_ns`/`utc_now`: the session clock and the wall clock read now. The session clock
        continues (same offset as before) unless `restarted` is given, or it reads below the
        log's last instant, or it disagrees with the wall clock by more than
        `max_clock_disagreement_ns` since the last stamped event: then the gap is bridged with
        the wall clock (a new offset), and the resume event says so.
        """
        source = str(contents.path) if contents.path is not None else "<log>"

        def where(seq: int) -> str:
            line = contents.line_of(seq)
            return f"{source}:{line}" if line is not None else f"{source}: seq {seq}"

        session = cls(stage, rules, crew, sink=None, events=contents.events, where=where)
        fold = session._fold
        previous_offset = fold.offset_ns
        continued_ns = now_ns + previous_offset
        last_t = fold.last_t_ns
        anchor = fold.anchor
        wall_gap_ns: int | None = None
        anchor_note = ""
        if anchor is not None:
            try:
                anchor_utc = parse_utc_stamp(anchor[2])
            except ValueError:
                anchor = None
            else:
                wall_gap_ns = _timedelta_ns(utc_now - anchor_utc)
                anchor_note = f" since {anchor[2]} (seq {anchor[0]})"
        reasons: list[str] = []
        if restarted:
            reasons.append("the machine restarted")
        if last_t is not None and continued_ns < last_t:
            reasons.append(
                f"the session clock reads {_seconds(continued_ns)} s, before the log's last "
                f"instant {_seconds(last_t)} s (the machine restarted)"
            )
        if not reasons and anchor is not None and wall_gap_ns is not None:
            session_gap_ns = continued_ns - anchor[1]
            if abs(session_gap_ns - wall_gap_ns) > max_clock_disagreement_ns:
                reasons.append(
                    f"the session clock counted {_seconds(session_gap_ns)} s{anchor_note} "
                    f"but the wall clock {_seconds(wall_gap_ns)} s"
                )
        data: dict[str, Any] = {"utc": utc_stamp(utc_now)}
        if not reasons:
            offset = previous_offset
            data["clock"] = "continued"
        else:
            if anchor is not None and wall_gap_ns is not None:
                bridged = anchor[1] + wall_gap_ns
                how = f"bridged with the wall clock: {_seconds(wall_gap_ns)} s{anchor_note}"
            else:
                bridged = (last_t or 0) + 1
                how = "no wall-clock stamp in the log: the gap could not be measured"
            if last_t is not None and bridged <= last_t:
                bridged = last_t + 1
                how += (
                    "; the wall clock is behind the log, so the log continues at its last instant"
                )
            offset = bridged - now_ns
            data["clock"] = "bridged"
            data["reason"] = "; ".join(reasons) + "; " + how
        data["offset_ns"] = offset
        if last_t is not None:
            data["last_t_ns"] = last_t
        if contents.torn_path is not None:
            data["torn_tail"] = contents.torn_path.name
        event = Other(fold.last_seq + 1, RESUME_EVENT, data, now_ns + offset)
        session.sink = sink
        session._record(event)
        return session

    @classmethod
    def resume_log(
        cls,
        path: str | Path,
        *,
        now_ns: int,
        utc_now: datetime,
        restarted: bool = False,
        rules_ref: str | None = None,
        rules_base_dir: Path | None = None,
        writer_options: dict[str, Any] | None = None,
    ) -> tuple[LiveSession, LogWriter]:
        """Open the log at `path` for appending and resume its session (see `resume`), with the
        stage, rule set and crew of its header (or `rules_ref`). InputError if unusable."""
        inputs: list[tuple[Stage, RuleSet, Crew]] = []

        def check(contents: LogContents) -> None:  # before the log is changed in any way
            inputs.append(log_inputs(contents, rules_ref=rules_ref, rules_base_dir=rules_base_dir))

        writer, contents = LogWriter.open_existing(path, check=check, **(writer_options or {}))
        try:
            stage, rules, crew = inputs[0]
            session = cls.resume(
                contents,
                stage,
                rules,
                crew,
                now_ns=now_ns,
                utc_now=utc_now,
                restarted=restarted,
                sink=writer,
            )
        except BaseException:
            writer.close()
            raise
        return session, writer

    # -- a new log --------------------------------------------------------------------------------
    @classmethod
    def start_log(
        cls,
        path: str | Path,
        stage: Stage,
        rules: RuleSet,
        crew: Crew,
        *,
        created: datetime,
        base_dir: Path | None = None,
        writer_options: dict[str, Any] | None = None,
    ) -> tuple[LiveSession, LogWriter]:
        """A new session recording into a new log at `path` (its header on disk already)."""
        header = new_log_header(stage, crew, created, base_dir=base_dir)
        writer = LogWriter.create(path, header, **(writer_options or {}))
        return cls(stage, rules, crew, sink=writer), writer


def _timedelta_ns(delta: timedelta) -> int:
    return ((delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds) * 1000


def _seconds(ns: int) -> str:
    sign = "-" if ns < 0 else ""
    whole, frac = divmod(abs(ns), NS_PER_S)
    return f"{sign}{whole}.{frac // 1_000_000:03d}"
