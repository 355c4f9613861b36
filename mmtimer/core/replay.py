"""Replay: what the window showed at any instant of a log, by folding the same events again.

`Replay(contents).state_at(t_ns)` folds the events recorded up to `t_ns` with the live session's
own fold (`SessionFold`) and scores them with `scoring.score`, so a replay shows exactly what the
live window showed. Instants are log instants (the session clock as logged).

Which events are "up to t": each event takes effect at its instant, or at the instant of an
earlier event if that was later (a key press stamped by the OS a little before an event already
recorded shows from the moment it was recorded); events without an instant (voids) take effect
with the event before them. So the events up to any instant are a prefix of the log.
"""

from __future__ import annotations

import bisect
from pathlib import Path

from mmtimer.core.crew import Crew
from mmtimer.core.events import Chrono, Event, Other, Pass, Sync
from mmtimer.core.logfile import LogContents
from mmtimer.core.results import StageResult
from mmtimer.core.rules import RuleSet
from mmtimer.core.scoring import score
from mmtimer.core.session import SessionFold, SessionState, log_inputs
from mmtimer.core.stage import Stage


def _instant(event: Event) -> int | None:
    if isinstance(event, Pass | Sync | Chrono):
        return event.t_ns
    if isinstance(event, Other):
        return event.t_ns
    return None


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
    ) -> None:
        if stage is None or rules is None or crew is None:
            log_stage, log_rules, log_crew = log_inputs(
                contents, rules_ref=rules_ref, rules_base_dir=rules_base_dir
            )
            stage, rules, crew = stage or log_stage, rules or log_rules, crew or log_crew
        self.contents = contents
        self.stage = stage
        self.rules = rules
        self.crew = crew
        self.events: tuple[Event, ...] = contents.events
        effective: list[int] = []
        first = next((t for t in map(_instant, self.events) if t is not None), 0)
        current = first
        for event in self.events:
            t_ns = _instant(event)
            if t_ns is not None and t_ns > current:
                current = t_ns
            effective.append(current)
        self._effective = effective
        self.pass_instants: tuple[int, ...] = tuple(
            sorted(e.t_ns for e in self.events if isinstance(e, Pass))
        )
        """The instants of every pass (voided ones too), in order: for next/previous."""
        self._results: dict[int, StageResult] = {}
        source = str(contents.path) if contents.path is not None else "<log>"

        def where(seq: int) -> str:
            line = contents.line_of(seq)
            return f"{source}:{line}" if line is not None else f"{source}: seq {seq}"

        self._where = where
        whole = SessionFold(stage, rules, where)
        for event in self.events:
            whole.apply(event)
        self._fold = whole  # the final state, ready for state_at(end_ns)
        self._folded = len(self.events)
        self.problems: tuple[str, ...] = (*contents.problems, *whole.problems)
        """What the reader and the fold had to say about this log (file and line named)."""

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

    def next_pass(self, t_ns: int) -> int | None:
        """The instant of the first pass after `t_ns`, if any."""
        index = bisect.bisect_right(self.pass_instants, t_ns)
        return self.pass_instants[index] if index < len(self.pass_instants) else None

    def previous_pass(self, t_ns: int) -> int | None:
        """The instant of the last pass before `t_ns`, if any."""
        index = bisect.bisect_left(self.pass_instants, t_ns)
        return self.pass_instants[index - 1] if index > 0 else None

    def _fold_to(self, count: int) -> SessionFold:
        if count < self._folded:
            self._fold = SessionFold(self.stage, self.rules, self._where)
            self._folded = 0
        fold = self._fold
        for event in self.events[self._folded : count]:
            fold.apply(event)
        self._folded = count
        return fold

    def _results_after(self, count: int, closed: bool) -> StageResult:
        """The results the window showed after the first `count` events (cached): lines not
        reached yet are pending until the log's closing event."""
        cached = self._results.get(count)
        if cached is None:
            if len(self._results) > 256:
                self._results.clear()
            cached = score(self.stage, self.rules, self.crew, self.events[:count], live=not closed)
            self._results[count] = cached
        return cached

    def final_results(self) -> StageResult:
        """The stage's results from the whole log, every line not recorded counted as missed
        (what the organiser compares; the export), closed or not."""
        return score(self.stage, self.rules, self.crew, self.events)

    def state_at(self, t_ns: int) -> SessionState:
        """What the dial, the countdown and the results showed at log instant `t_ns`."""
        count = self.events_until(t_ns)
        fold = self._fold_to(count)
        return SessionState(
            t_ns=t_ns,
            events=self.events[:count],
            armed=fold.armed,
            chronograph=fold.chronograph,
            official_ns=fold.official_ns(t_ns),
            countdown=fold.countdown(t_ns),
            results=self._results_after(count, fold.closed),
        )

    def final_state(self) -> SessionState:
        return self.state_at(self.end_ns)
