"""The screen model: everything a window shows at one instant, from the core's `SessionState`.

`Presenter(stage).screen(state)` is the one place that decides what is shown: the countdown's
label, value, tone and flash, each line's result, the armed line, the current row (the latest
pass that still counts: after a void it is the line before), the running total, the dial and the
readouts, and the status words. The live stage (`LiveSession.state`) and the replay
(`Replay.state_at`) hand it their state, so they show the same at the same instant
(tests/present/test_live_equals_replay.py drives random stages through both).

Two things only the live window knows come as arguments: the pass the trigger's guard flagged
(``double press?``) and whether the beeper's flash is on.

A `Screen` is plain data (strings, integers, Decimals, enums, tuples), frozen and comparable;
`screen_json` turns it into JSON values for another process or a phone page.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass
from decimal import Decimal
from itertools import compress
from operator import is_not
from typing import Any

from mmtimer.core.clock import NS_PER_MS, NS_PER_S
from mmtimer.core.events import Event, Other, Pass, Sync
from mmtimer.core.logfile import NAVIGATE_EVENT
from mmtimer.core.pacer import START_EVENT
from mmtimer.core.results import ResultRow, SectionKind, StageResult
from mmtimer.core.scoring import PENDING
from mmtimer.core.session import SessionState
from mmtimer.core.stage import AverageTrial, Section, Stage, TimeControl, TimedSection
from mmtimer.core.timefmt import DAY_MS, format_time_of_day
from mmtimer.present.formats import (
    describe_since,
    format_chrono,
    format_countdown,
    format_official,
    format_points,
    format_signed_deviation,
    line_label,
    minutes_off,
    row_text,
)
from mmtimer.present.tone import Tone, countdown_tone, deviation_tone

Key = tuple[str, int]

STAGE_ENDED = "Stage ended"
STAGE_DONE = "Stage done"
PRESS_AT_START = "press at the start line"
SYNC_FIRST = "sync the official time first (T)"
DOUBLE_PRESS = "double press? Backspace undoes it"
NOT_SYNCED = "Not synced"
START_WORD = "start"  # an average trial's timed start: "PM1 · start · at 15:12:00"


@dataclass(frozen=True, slots=True)
class CountdownState:
    """The large countdown readout.

    ``target_label``: what the countdown runs to (``"PC1 · line 3"``), ``left_ns`` the time left
    (negative once passed; None: no target ahead, e.g. waiting for a trial's start line).
    ``last_*``: the line scored by the latest press (no deviation: not measured, e.g. a start
    line); ``last_note`` e.g. ``"missed"``, ``"double press?"``. ``total_label``: ``"Total"``,
    or ``"So far"`` while the stage runs. ``hint``: shown when there is no target label.
    ``window_ns``: the countdown runs to a time control's due minute, this long (the time left
    then reads ``in your minute, 48 s left`` in green through it, then how late); ``last_minutes``:
    the last line is a time card, its deviation said in minutes as the stage panel says it.
    """

    target_label: str = ""
    left_ns: int | None = None
    last_label: str = ""
    last_deviation_ms: int | None = None
    last_penalty: Decimal | None = None
    last_note: str = ""
    total: Decimal | None = None
    total_label: str = "Total"
    hint: str = ""
    flash: bool = False
    window_ns: int | None = None
    last_minutes: bool = False

    def texts(self) -> tuple[str, str, str, str]:
        """The four texts shown: target, time left, the last line's result, the total."""
        left = "--.--" if self.left_ns is None else format_countdown(self.left_ns, self.window_ns)
        last = ""
        if self.last_label:
            parts = [self.last_label]
            if self.last_deviation_ms is not None and self.last_minutes:
                parts.append(f"{minutes_off(self.last_deviation_ms):+d} min")
            elif self.last_deviation_ms is not None:
                parts.append(f"{format_signed_deviation(self.last_deviation_ms)} s")
            if self.last_penalty is not None:
                parts.append(f"{format_points(self.last_penalty)} pts")
            if self.last_note:
                parts.append(self.last_note)
            last = "  ".join(parts)
        total = "" if self.total is None else f"{self.total_label} {format_points(self.total)}"
        return (self.target_label or self.hint, left, last, total)

    def tones(self) -> tuple[Tone, Tone, Tone, Tone]:
        """The tone of each of the four texts."""
        last = self.last_deviation_ms
        if last is not None and self.last_minutes:
            last = minutes_off(last) * 60_000
        return (
            Tone.NORMAL if self.target_label else Tone.IDLE,
            countdown_tone(self.left_ns, self.window_ns),
            deviation_tone(last),
            Tone.NORMAL,
        )


@dataclass(frozen=True, slots=True)
class LineResult:
    """A scored line as the stage panel shows it: ``+0.12 s · 12``, coloured by its tone."""

    section: str
    line: int
    text: str
    tone: Tone


@dataclass(frozen=True, slots=True)
class DialView:
    """What the dial shows of the session: the trial chronograph and official time of day (ms
    since midnight; None before a sync: a live window then shows its local clock)."""

    chrono_elapsed_ns: int
    chrono_running: bool
    official_ms: int | None


@dataclass(frozen=True, slots=True)
class ReadoutView:
    """One readout beside the dial: caption, text, the small note under it, dimmed or not."""

    caption: str
    text: str
    note: str = ""
    dimmed: bool = False


@dataclass(frozen=True, slots=True)
class Readouts:
    """The chronograph face's readouts: the trial chronograph, official time, the next
    target and the total."""

    chrono: ReadoutView
    official: ReadoutView
    countdown: ReadoutView
    total: ReadoutView


@dataclass(frozen=True, slots=True)
class Screen:
    """Everything a window shows at log instant `t_ns`.

    `armed`: the line the next press records; `current_row`: the row just measured (the latest
    pass that counts); `lines`: each scored line's result (lines not reached yet are pending and
    not listed); `results`: the core's results behind them (for the table and the plots).
    `sync_status`: ``Synced 2 min 05 s ago`` or ``Not synced``.
    """

    t_ns: int
    countdown: CountdownState
    lines: tuple[LineResult, ...]
    armed: Key | None
    current_row: Key | None
    total_label: str
    total: Decimal
    dial: DialView
    readouts: Readouts
    sync_status: str
    ended: bool
    results: StageResult

    def line_results(self) -> dict[Key, tuple[str, Tone]]:
        """Each scored line's text and tone, by (section, line): for the stage panel."""
        return {(r.section, r.line): (r.text, r.tone) for r in self.lines}


@dataclass(frozen=True, slots=True)
class _PerResult:
    """What depends only on the results (worked out once per recorded event, from the last)."""

    results: StageResult
    per_row: list[LineResult | None]  # each row's line result (None: pending), in row order
    lines: tuple[LineResult, ...]
    index: dict[Key, int]  # (section, line) -> its row
    by_key: dict[Key, tuple[str, Tone]]  # each scored line's text and tone


def _line_result(row: ResultRow) -> LineResult | None:
    if PENDING in row.notes:
        return None
    text, tone = row_text(row)
    return LineResult(row.section, row.line, text, tone)


class Presenter:
    """Builds the `Screen` of a stage from the core's state at an instant.

    What depends only on the results is worked out once per `StageResult` (the core hands out
    the same object until an event is added), and from the one before: only the rows that are
    not the very objects they were are formatted again (the core's `ScoreFold` keeps the rows an
    event did not touch), so a frame and a press cost time in what changed, not in the stage's
    size.
    """

    def __init__(self, stage: Stage) -> None:
        self.stage = stage
        self._sections: dict[str, Section] = {s.id: s for s in stage.sections}
        self._cached: _PerResult | None = None

    def label(self, section_id: str, line: int) -> str:
        """``PC1 · line 2``, ``PM1 · check 1``, ``CO1 · time card``."""
        return line_label(self._sections.get(section_id), section_id, line)

    def undone(self, event: Event) -> str:
        """What Backspace took back, for the status bar: ``Undone: the pass of PC1 · line 3``
        (each undo is a line in the log: nothing is erased)."""
        if isinstance(event, Pass):
            what = f"the pass of {self.label(event.section, event.line)}"
        elif isinstance(event, Sync):
            what = f"the sync to {format_official(event.official_ms, 2)}"
        elif isinstance(event, Other) and event.type == NAVIGATE_EVENT:
            data = event.data
            skipped = data.get("skipped_section"), data.get("skipped_line")
            if data.get("action") == "skip" and isinstance(skipped[0], str):
                line = skipped[1] if isinstance(skipped[1], int) else 1
                what = f"the skip of {self.label(skipped[0], line)}"
            else:
                section, armed = data.get("section"), data.get("line")
                chosen = (
                    self.label(section, armed)
                    if isinstance(section, str) and isinstance(armed, int)
                    else "no line"
                )
                what = f"the choice of {chosen}"
        elif isinstance(event, Other) and event.type == START_EVENT:
            what = f"the start press of {event.data.get('section')}"
        else:
            what = f"event {event.seq}"
        return f"Undone: {what} (Backspace again undoes the action before it)"

    def _per_result(self, results: StageResult) -> _PerResult:
        cached = self._cached
        if cached is not None and cached.results is results:
            return cached
        rows = results.rows
        if cached is not None and len(cached.results.rows) == len(rows):
            old = cached.results.rows
            per_row = cached.per_row.copy()
            by_key = cached.by_key.copy()
            index = cached.index
            for i in list(compress(range(len(rows)), map(is_not, old, rows))):  # C speed
                row = rows[i]
                line = per_row[i] = _line_result(row)
                key = (row.section, row.line)
                if line is None:
                    by_key.pop(key, None)
                else:
                    by_key[key] = (line.text, line.tone)
        else:
            per_row = [_line_result(row) for row in rows]
            index = {(row.section, row.line): i for i, row in enumerate(rows)}
            by_key = {(r.section, r.line): (r.text, r.tone) for r in per_row if r is not None}
        lines = tuple(filter(None, per_row))  # a LineResult is never false
        per = _PerResult(results, per_row, lines, index, by_key)
        self._cached = per
        return per

    def line_results(self, results: StageResult) -> Mapping[Key, tuple[str, Tone]]:
        """Each scored line's text and tone, by (section, line) (`Screen.line_results`), kept
        from one result to the next: a line whose result did not change keeps the same value
        object (the stage panel skips it)."""
        return self._per_result(results).by_key

    def screen(
        self, state: SessionState, *, guarded_seq: int | None = None, flash: bool = False
    ) -> Screen:
        """What a window shows of `state`. `guarded_seq`: the pass the trigger flagged as a
        possible double press (live only); `flash`: the beeper's flash is on."""
        per = self._per_result(state.results)
        t_ns = state.t_ns
        ended = state.closed
        armed = None if ended else state.armed
        countdown = None if ended else state.countdown
        done = armed is None and bool(state.events)
        total_label = "Total" if ended or done else "So far"
        results = state.results

        # the countdown
        hint = ""
        target_label = ""
        if ended:
            hint = STAGE_ENDED
        elif armed is None:
            hint = STAGE_DONE
        else:
            target_label = self.label(armed.section, armed.line)
            section = self._sections.get(armed.section)
            if countdown is None:
                if isinstance(section, TimedSection) and armed.line == 1:
                    hint = PRESS_AT_START
                elif state.official_ns is None:
                    hint = SYNC_FIRST
            elif isinstance(section, TimeControl):
                hint = f"due {format_time_of_day(section.due_ms, 0)[:5]}"
            elif isinstance(section, AverageTrial) and countdown.start:
                target_label = f"{armed.section} · {START_WORD}"
                hint = f"at {format_time_of_day(countdown.target_ms, 0)}"
            elif isinstance(section, AverageTrial):
                hint = f"ideal {format_time_of_day(countdown.target_ms, 2)}"
        if hint and target_label:
            target_label = f"{target_label} · {hint}"
        last = state.last_pass
        last_label = ""
        deviation: int | None = None
        penalty: Decimal | None = None
        note = ""
        in_minutes = False
        current: Key | None = None
        if last is not None:
            current = (last.section, last.line)
            last_label = self.label(last.section, last.line)
            found = per.index.get(current)
            row = None if found is None else results.rows[found]
            if row is None:
                note = "start" if last.line == 1 else ""
            else:
                deviation, penalty = row.deviation_ms, row.penalty
                note = " ".join(n for n in row.notes if n)
                in_minutes = row.kind is SectionKind.TIME_CONTROL
            if guarded_seq is not None and guarded_seq == last.seq:
                note = (note + " · " + DOUBLE_PRESS).strip(" ·")
        countdown_state = CountdownState(
            target_label=target_label or hint,
            left_ns=None if countdown is None else countdown.remaining_ns,
            last_label=last_label,
            last_deviation_ms=deviation,
            last_penalty=penalty,
            last_note=note,
            total=results.total,
            total_label=total_label,
            flash=flash,
            window_ns=None if countdown is None else countdown.window_ns,
            last_minutes=in_minutes,
        )

        # the dial and the readouts
        chrono = state.trial_chronograph
        official_ms = None if state.official_ns is None else state.official_ns // NS_PER_MS % DAY_MS
        dial = DialView(chrono.elapsed_ns(t_ns), chrono.running, official_ms)
        if countdown is None:
            if ended:
                countdown_note = STAGE_ENDED.lower()
            elif armed is None:
                countdown_note = STAGE_DONE.lower()
            else:
                countdown_note = self.label(armed.section, armed.line)
            countdown_readout = ReadoutView("NEXT TARGET", "", countdown_note, dimmed=True)
        else:
            countdown_readout = ReadoutView(
                "NEXT TARGET",
                format_countdown(countdown.remaining_ns, countdown.window_ns),
                f"{countdown.section} · {START_WORD}"
                if countdown.start
                else self.label(countdown.section, countdown.line),
            )
        readouts = Readouts(
            chrono=ReadoutView(
                "CHRONOGRAPH",
                format_chrono(dial.chrono_elapsed_ns),
                "running" if dial.chrono_running else "",
            ),
            official=ReadoutView(
                "OFFICIAL TIME",
                format_official(official_ms, 2),
                "" if official_ms is not None else "no sync yet",
            ),
            countdown=countdown_readout,
            total=ReadoutView(total_label.upper(), format_points(results.total), results.rules_id),
        )

        # the status words
        sync = state.last_sync
        if sync is None:
            sync_status = NOT_SYNCED
        else:
            since = describe_since(max(0, t_ns - sync.t_ns) // NS_PER_S)
            sync_status = f"Synced {since} ago"
        return Screen(
            t_ns=t_ns,
            countdown=countdown_state,
            lines=per.lines,
            armed=None if armed is None else (armed.section, armed.line),
            current_row=current,
            total_label=total_label,
            total=results.total,
            dial=dial,
            readouts=readouts,
            sync_status=sync_status,
            ended=ended,
            results=results,
        )


def screen_json(screen: Screen, *, with_results: bool = False) -> dict[str, Any]:
    """A screen as JSON values (Decimals as strings, enums as their values, tuples as lists):
    for a view in another process or on a phone. `with_results`: include the core's results
    (every row), else only what the screen itself shows."""
    out = _plain(screen)
    assert isinstance(out, dict)
    if not with_results:
        out.pop("results", None)
    return out


def _plain(value: object) -> object:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, enum.Enum):
        return _plain(value.value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value
