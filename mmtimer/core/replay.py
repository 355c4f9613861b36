"""Replay: what the window showed at any instant of a log, by folding the same events again.

`Replay(contents).state_at(t_ns)` folds the events recorded up to `t_ns` with the live session's
own fold (`SessionFold`) and scores them with the one scoring implementation, so a replay shows
exactly what the live window showed. Instants are log instants (the session clock as logged).

Which events are "up to t": each event takes effect at its instant, or at the instant of an
earlier event if that was later (a key press stamped by the OS a little before an event already
recorded shows from the moment it was recorded); events without an instant (voids) take effect
with the event before them. So the events up to any instant are a prefix of the log.

Seeking in a long log: the folds (`SessionFold` and `scoring.ScoreFold`) leave a copy of
themselves every `checkpoint_every` events as they first go through the log; a seek starts from
the nearest copy before it and folds at most that many events, and each prefix is scored in time
proportional to the stage, not the log. Nothing is folded past the furthest instant asked for
until it is asked for, or until `prepare` is called (a window calls it while idle), so the first
instant of a long log shows at once. A log whose seqs do not rise or whose voids (or undos) name
a later seq (edited by hand) cannot share checkpoints: it is folded again from its start when a
seek goes back, and scored with `score` at each instant (slower, the same answers).
"""

from __future__ import annotations

import bisect
import gc
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from mmtimer.core.chrono import Chronograph
from mmtimer.core.crew import Crew, crew_to_json
from mmtimer.core.events import LOG_FORMAT, Event, Header, Other, Pass, Void, undo_ref
from mmtimer.core.logfile import CLOSE_EVENT, LogContents, LogStream, parse_utc_stamp
from mmtimer.core.results import StageResult
from mmtimer.core.rules import RuleSet
from mmtimer.core.scoring import ScoreFold, score
from mmtimer.core.session import SessionFold, SessionState, log_inputs
from mmtimer.core.stage import Stage, stage_to_json

DEFAULT_CHECKPOINT_EVERY = 2048
MAX_CHECKPOINTS = 64
"""A long log keeps at most about this many checkpoints (each is a copy of the folds): a
1,000,000-event log checkpoints every 15,625 events, not every 2,048 (4.5 GB at its end)."""
_RESULTS_CACHE = 256


@dataclass(slots=True)
class _Cursor:
    """The folds after the first `count` events (`scoring` None: the log is not causal)."""

    session: SessionFold
    scoring: ScoreFold | None
    count: int

    def copy(self) -> _Cursor:
        scoring = None if self.scoring is None else self.scoring.snapshot()
        return _Cursor(self.session.snapshot(), scoring, self.count)


def _instant(event: Event) -> int | None:
    return None if isinstance(event, Void) else event.t_ns


class Replay:
    """A log, to be looked at instant by instant.

    Give `stage`, `rules` and `crew` to score under something else than the log's header says
    (or `rules_ref`: a built-in id or a rule-set file, relative to `rules_base_dir`).
    """

    def __init__(
        self,
        contents: LogContents,
        stage: Stage | None = None,
        rules: RuleSet | None = None,
        crew: Crew | None = None,
        *,
        rules_ref: str | None = None,
        rules_base_dir: Path | None = None,
        checkpoint_every: int | None = None,
    ) -> None:
        if stage is None or rules is None or crew is None:
            log_stage, log_rules, log_crew = log_inputs(
                contents, rules_ref=rules_ref, rules_base_dir=rules_base_dir
            )
            stage, rules, crew = stage or log_stage, rules or log_rules, crew or log_crew
        if checkpoint_every is None:  # the default: every 2,048 events, at most 64 copies
            checkpoint_every = max(
                DEFAULT_CHECKPOINT_EVERY, -(-len(contents.events) // MAX_CHECKPOINTS)
            )
        if checkpoint_every < 1:
            raise ValueError("checkpoint_every must be at least 1")
        self.contents = contents
        self.stage = stage
        self.rules = rules
        self.crew = crew
        self.events: tuple[Event, ...] = contents.events
        effective: list[int] = []
        passes: list[int] = []
        causal = True
        last_seq: int | None = None
        current = next((t for t in map(_instant, self.events) if t is not None), 0)
        for event in self.events:
            if isinstance(event, Pass):
                passes.append(event.t_ns)
                current = max(current, event.t_ns)
            elif isinstance(event, Void):
                if event.ref >= event.seq:
                    causal = False
            else:
                ref = undo_ref(event)
                if ref is not None and ref >= event.seq:
                    causal = False
                t_ns = event.t_ns
                if t_ns is not None and t_ns > current:
                    current = t_ns
            effective.append(current)
            if last_seq is not None and event.seq <= last_seq:
                causal = False
            last_seq = event.seq
        self._effective = effective
        passes.sort()
        self.pass_instants: tuple[int, ...] = tuple(passes)
        """The instants of every pass (voided ones too), in order: for next/previous."""
        self.causal = causal
        """True when seqs rise and voids name earlier seqs: seeks start from checkpoints."""
        self._every = checkpoint_every
        source = str(contents.path) if contents.path is not None else "<log>"

        def where(seq: int) -> str:
            line = contents.line_of(seq)
            return f"{source}:{line}" if line is not None else f"{source}: seq {seq}"

        self._where = where
        self._frontier = self._fresh_cursor()
        self._checkpoints: list[_Cursor] = [self._frontier.copy()] if causal else []
        self._cursor: _Cursor | None = None
        self._results: dict[tuple[int, bool], StageResult] = {}

    @classmethod
    def of_events(
        cls,
        stage: Stage,
        rules: RuleSet,
        crew: Crew,
        events: Sequence[Event],
        path: Path | None = None,
    ) -> Replay:
        """A replay of events held in memory (a live stage's, as its log holds them), to be
        scored and shown exactly as its log would be (`final_results`: what `mmtimer export`
        writes)."""
        header = Header(LOG_FORMAT, "", "", stage_to_json(stage), crew_to_json(crew))
        contents = LogContents(path, header, tuple(events))
        return cls(contents, stage, rules, crew)

    def _fresh_cursor(self) -> _Cursor:
        session = SessionFold(self.stage, self.rules, self._where)
        # the two folds take the same events: one record of the log serves both (causal only)
        scoring = ScoreFold(self.stage, record=session.book) if self.causal else None
        return _Cursor(session, scoring, 0)

    # -- instants ---------------------------------------------------------------------------------
    @property
    def start_ns(self) -> int:
        """The first instant of the log (0 for a log without any)."""
        return self._effective[0] if self._effective else 0

    @property
    def end_ns(self) -> int:
        """The last instant of the log: `state_at(end_ns)` is the final state."""
        return self._effective[-1] if self._effective else 0

    def events_until(self, t_ns: int) -> int:
        """How many events had taken effect at `t_ns`."""
        return bisect.bisect_right(self._effective, t_ns)

    def effective_ns(self, count: int) -> int:
        """The instant at which the first `count` events had all taken effect (`start_ns` for
        none): `events_until(effective_ns(n)) >= n`."""
        if count <= 0 or not self._effective:
            return self.start_ns
        return self._effective[min(count, len(self._effective)) - 1]

    def next_pass(self, t_ns: int) -> int | None:
        """The instant of the first pass after `t_ns`, if any."""
        index = bisect.bisect_right(self.pass_instants, t_ns)
        return self.pass_instants[index] if index < len(self.pass_instants) else None

    def previous_pass(self, t_ns: int) -> int | None:
        """The instant of the last pass before `t_ns`, if any."""
        index = bisect.bisect_left(self.pass_instants, t_ns)
        return self.pass_instants[index - 1] if index > 0 else None

    # -- folding ---------------------------------------------------------------------------------
    def _advance(self, cursor: _Cursor, count: int) -> None:
        session, scoring = cursor.session, cursor.scoring
        for event in self.events[cursor.count : count]:
            session.apply(event)
            if scoring is not None:
                scoring.apply(event)
        cursor.count = count

    def _advance_frontier(self, count: int) -> None:
        enabled = gc.isenabled()
        gc.disable()  # the folds' small objects, by the hundred thousand: no collection midway
        try:
            self._advance_frontier_to(count)
        finally:
            if enabled:
                gc.enable()

    def _advance_frontier_to(self, count: int) -> None:
        front, every = self._frontier, self._every
        while front.count < count:
            stop = min(count, (front.count // every + 1) * every)
            self._advance(front, stop)
            if self.causal and stop % every == 0 and len(self._checkpoints) == stop // every:
                self._checkpoints.append(front.copy())

    def _fold_to(self, count: int) -> _Cursor:
        count = max(0, min(count, len(self.events)))
        front = self._frontier
        if count >= front.count:
            self._advance_frontier(count)
            return front
        cursor = self._cursor
        floor = (count // self._every) * self._every if self.causal else 0
        if cursor is None or not floor <= cursor.count <= count:
            if self.causal:
                cursor = self._checkpoints[count // self._every].copy()
            else:
                cursor = self._fresh_cursor()
            self._cursor = cursor
        self._advance(cursor, count)
        return cursor

    def prepare(self, max_events: int) -> bool:
        """Fold up to `max_events` more of the log ahead of time (checkpoints for later seeks);
        True once the whole log is folded. A window calls it in small steps while idle."""
        total = len(self.events)
        self._advance_frontier(min(total, self._frontier.count + max(0, max_events)))
        return self._frontier.count >= total

    @property
    def prepared(self) -> bool:
        """True once the whole log has been folded (every seek is then at most one step)."""
        return self._frontier.count >= len(self.events)

    # -- what it answers --------------------------------------------------------------------------
    @property
    def problems(self) -> tuple[str, ...]:
        """What the reader and the fold had to say about this log (file and line named)."""
        self._advance_frontier(len(self.events))
        return (*self.contents.problems, *self._frontier.session.problems)

    def _results_of(self, cursor: _Cursor, *, live: bool) -> StageResult:
        key = (cursor.count, live)
        cached = self._results.get(key)
        if cached is None:
            if len(self._results) >= _RESULTS_CACHE:
                self._results.clear()
            if cursor.scoring is not None:
                cached = cursor.scoring.result(self.rules, self.crew, live=live)
            else:
                events = self.events[: cursor.count]
                cached = score(self.stage, self.rules, self.crew, events, live=live)
            self._results[key] = cached
        return cached

    def final_results(self) -> StageResult:
        """The stage's results from the whole log, every line not recorded counted as missed
        (what the organiser compares; the export), closed or not."""
        return self._results_of(self._fold_to(len(self.events)), live=False)

    def state_at(self, t_ns: int) -> SessionState:
        """What the dial, the countdown and the results showed at log instant `t_ns`: lines not
        reached yet are pending until the log's closing event, as in the live window."""
        enabled = gc.isenabled()
        gc.disable()  # a full collection would walk every event of the log in the middle of a
        try:  # seek: 2 to 3 s instead of 0.3 s at worst on a 1,000,000-event log
            return self._state_at(t_ns)
        finally:
            if enabled:
                gc.enable()

    def _state_at(self, t_ns: int) -> SessionState:
        count = self.events_until(t_ns)
        cursor = self._fold_to(count)
        fold = cursor.session
        results = self._results_of(cursor, live=not fold.closed)
        return SessionState.of(fold, t_ns, self.events[:count], results)

    def trial_chronograph_at(self, t_ns: int) -> Chronograph:
        """The chronograph the stage-mode dial showed at `t_ns`: the current timed trial's
        measurement (`SessionFold.trial_chronograph`)."""
        return self._fold_to(self.events_until(t_ns)).session.trial_chronograph(t_ns)

    def closed_at(self, t_ns: int) -> bool:
        """True when the log's closing event had taken effect at `t_ns` (and no resume after
        it): the results shown are then final, else lines not reached yet are pending."""
        return self._fold_to(self.events_until(t_ns)).session.closed

    def final_state(self) -> SessionState:
        return self.state_at(self.end_ns)

    def utc_at(self, t_ns: int) -> datetime | None:
        """The wall-clock time (UTC) at log instant `t_ns`, carried from the latest event stamped
        at or before it (or the log's creation); None if the log has no usable stamp."""
        fold = self._fold_to(self.events_until(t_ns)).session
        if fold.anchor is not None:
            _, anchor_ns, text = fold.anchor
        else:
            anchor_ns, text = self.start_ns, self.contents.header.created
        try:
            anchor_utc = parse_utc_stamp(text)
        except ValueError:
            return None
        return anchor_utc + timedelta(microseconds=(t_ns - anchor_ns) // 1000)

    def pass_instant(self, section: str, line: int) -> int | None:
        """The instant of the pass that counts for `line` of `section` at the log's end (None if
        the line was never recorded, or every pass of it was voided)."""
        self._advance_frontier(len(self.events))
        counting = self._frontier.session.counting_pass(section, line)
        return None if counting is None else counting.t_ns


@dataclass(slots=True)
class FoldedLog:
    """A log folded as it was read (`fold_log_file`): what its end shows, nothing of its
    events kept but the folds' record of them (the passes as integers)."""

    stage: Stage
    rules: RuleSet
    crew: Crew
    problems: tuple[str, ...]
    """What the reader and the fold had to say (file and line named), as `Replay.problems`."""
    closed: bool
    """The log's closing event had taken effect at its end (no resume after it)."""
    ends_closed: bool
    """The last event is a closing event (`LogContents.closed`)."""
    scoring: ScoreFold

    def results(self, *, live: bool) -> StageResult:
        """The results at the log's end: `live`, lines not reached yet are pending (what the
        window showed); else every line not recorded is missed (`Replay.final_results`)."""
        return self.scoring.result(self.rules, self.crew, live=live)


def fold_log_file(
    path: Path,
    *,
    rules_ref: str | None = None,
    rules_base_dir: Path | None = None,
) -> FoldedLog:
    """Read the log at `path` as a stream and fold each event as it comes (`ScoreFold` for the
    results, `SessionFold` for what the fold has to say about it), so memory is what the folds
    keep, not the log: the answers of `Replay(read_log(path, keep_torn=False))` at its end.

    Raises InputError for a log (or rule set) that cannot be used, and `NotCausalError` for a
    log the folds cannot take one event at a time (a void naming a later seq, edited by hand):
    read it whole and replay it instead (the same answers, more memory). See `log_inputs` for
    `rules_ref` and `rules_base_dir`.
    """
    enabled = gc.isenabled()
    gc.disable()  # a million small objects kept by the folds: the collector would run and run
    try:
        with LogStream(path) as stream:
            head = LogContents(path=path, header=stream.header, events=())
            stage, rules, crew = log_inputs(
                head, rules_ref=rules_ref, rules_base_dir=rules_base_dir
            )

            def where(seq: int) -> str:  # the fold names the event it is taking
                return f"{path}:{stream.line}" if seq == current[0] else f"{path}: seq {seq}"

            current = [0]
            session = SessionFold(stage, rules, where, compact=True)  # the passes as integers
            scoring = ScoreFold(stage, record=session.book)  # one record of the log for both
            last: Event | None = None
            for event in stream:
                current[0] = event.seq
                scoring.apply(event)  # NotCausalError before anything else sees the event
                session.apply(event)
                last = event
            problems = (*stream.problems, *session.problems)
    finally:
        if enabled:
            gc.enable()
    ends_closed = isinstance(last, Other) and last.type == CLOSE_EVENT
    return FoldedLog(stage, rules, crew, problems, session.closed, ends_closed, scoring)
