"""The live stage: a LiveSession and its log, and what the window shows of them at an instant.

A press goes: the trigger stamps it (first thing in the handler) -> ``LiveStage.press`` records
it in the session -> the session hands the event to the log writer's thread (which fsyncs) ->
``changed`` -> the widgets read the new state. The log file is created at the first event, so the
crew can still be set before the stage starts; its path is known (and shown) from the start.

The writer's alarm (disk full, file gone) arrives on the writer thread; a signal carries it to
the GUI thread, where it stays shown until the writer says it cleared.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Signal

from mmtimer.core.chrono import Chronograph
from mmtimer.core.clock import NS_PER_MS, Clock
from mmtimer.core.crew import Crew
from mmtimer.core.events import Event, Other, Pass, Sync, Void, undo_ref
from mmtimer.core.logfile import RESUME_EVENT, LogWriter
from mmtimer.core.lognames import LOGS_FOLDER, new_log_path
from mmtimer.core.results import ResultRow, StageResult
from mmtimer.core.rules import RuleSet
from mmtimer.core.scoring import PENDING
from mmtimer.core.session import (
    Countdown,
    LiveSession,
    SessionError,
    SessionState,
    new_log_header,
)
from mmtimer.core.stage import Stage
from mmtimer.present.beeps import Target
from mmtimer.present.screen import CountdownState, Presenter, Screen
from mmtimer.present.tone import Tone
from mmtimer.ui.dialogs import SyncRequest
from mmtimer.ui.errors import error_shown, sentence
from mmtimer.ui.i18n import QT_TRANSLATE_NOOP, translate

ENV_HOME = "MMTIMER_HOME"
ENDED_NOTICE = QT_TRANSLATE_NOOP(
    "LiveStage",
    "Cannot %1: the stage was ended (its log is closed). Open the stage again "
    "(File > Open) to time it in a new log",
)
# what `_record` was asked to do, as the notices name it
ACTIONS = {
    "record the pass": QT_TRANSLATE_NOOP("LiveStage", "record the pass"),
    "undo": QT_TRANSLATE_NOOP("LiveStage", "undo"),
    "skip the line": QT_TRANSLATE_NOOP("LiveStage", "skip the line"),
    "choose the section": QT_TRANSLATE_NOOP("LiveStage", "choose the section"),
    "sync": QT_TRANSLATE_NOOP("LiveStage", "sync"),
    "record the start press": QT_TRANSLATE_NOOP("LiveStage", "record the start press"),
    "record the distance": QT_TRANSLATE_NOOP("LiveStage", "record the distance"),
    "record the calibrate": QT_TRANSLATE_NOOP("LiveStage", "record the calibrate"),
    "record the fix": QT_TRANSLATE_NOOP("LiveStage", "record the fix"),
}


def data_dir() -> Path:
    """mmtimer's data folder: ``$MMTIMER_HOME`` if set (tests set it), else the platform's
    application data folder (``~/.local/share/mmtimer`` on Linux)."""
    home = os.environ.get(ENV_HOME)
    if home:
        return Path(home)
    # The generic folder plus our name: AppDataLocation would add organisation *and* application
    # name, both "mmtimer" (~/.local/share/mmtimer/mmtimer).
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(location) / "mmtimer" if location else Path.home() / ".mmtimer"


def default_log_path(stage: Stage, stage_path: Path | None, when: datetime) -> Path:
    """A new log in the data folder's ``logs``, named by the core's policy
    (core/lognames.py: ``2026-05-13_075802-<stage>.mmlog``, numbered if it exists)."""
    return new_log_path(data_dir() / LOGS_FOLDER, stage, stage_path, when)


KEPT_OPEN_NOTE = "the stage was kept open, to resume"


def guarded_last_pass(events: Sequence[Event], guard_ns: int) -> int | None:
    """The seq of the log's last pass if the trigger flagged it as a double press: it came
    within `guard_ns` of the pass before it, with no void, undo or resume between them (each
    makes the trigger forget the earlier press) and none after it. None otherwise."""
    later: Pass | None = None
    for event in reversed(events):
        if isinstance(event, Pass):
            if later is None:
                later = event
                continue
            return later.seq if later.t_ns - event.t_ns < guard_ns else None
        if isinstance(event, Void) or undo_ref(event) is not None:
            return None
        if isinstance(event, Other) and event.type == RESUME_EVENT and later is not None:
            return None
    return None


@dataclass(frozen=True, slots=True)
class PressOutcome:
    """What a press did: the pass recorded (or the start of a ``start = "press"`` average trial;
    None if refused) and what to tell the navigator."""

    recorded: Pass | Other | None
    guarded: bool
    message: str = ""


class LiveStage(QObject):
    """A stage being timed: the session, its log, and the state the window shows.

    ``changed``: an event was recorded. ``alarmChanged(str | None)``: the log writer's alarm
    (None: cleared). ``notice(str)``: something to tell the navigator once.
    """

    changed = Signal()
    alarmChanged = Signal(object)
    notice = Signal(str)

    def __init__(
        self,
        stage: Stage,
        rules: RuleSet,
        crew: Crew,
        log_path: Path,
        clock: Clock,
        *,
        stage_dir: Path | None = None,
        writer_options: dict[str, Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.writer_options = dict(writer_options or {})  # e.g. tests: ops, retry_interval_s
        self.stage = stage
        self.rules = rules
        self.crew = crew
        self.log_path = log_path
        self.clock = clock
        self.stage_dir = stage_dir
        self.writer: LogWriter | None = None
        self.alarm: str | None = None
        self.session = LiveSession(stage, rules, crew)
        self.last_guarded_seq: int | None = None
        self._closed = False
        self._ended_ns: int | None = None  # the closing event's instant, once ended on purpose
        self.presenter = Presenter(stage)
        self.alarmChanged.connect(self._remember_alarm)

    # -- the log ---------------------------------------------------------------------------------
    @property
    def started(self) -> bool:
        return self.writer is not None

    @property
    def ended(self) -> bool:
        """The stage was ended on purpose: its log has the closing event."""
        return self._ended_ns is not None

    @property
    def under_way(self) -> bool:
        """The log has started and is still open here (not ended, not kept open and let go):
        the trigger keys are taken wherever the keyboard is (ui/triggers.py)."""
        return self.started and not self._closed

    @property
    def in_progress(self) -> bool:
        """The log has started, the stage was not ended, and a line is still to record:
        closing the window now asks (end it, or keep it open to resume)."""
        return self.started and not self._closed and self.session.armed is not None

    def set_crew(self, crew: Crew) -> bool:
        """Change the crew; only before the log starts (its header holds the crew)."""
        if self.started:
            return False
        self.crew = crew
        self.session = LiveSession(self.stage, self.rules, crew)
        self.changed.emit()
        return True

    def _ensure_log(self) -> None:
        if self.writer is not None:
            return
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        header = new_log_header(
            self.stage, self.crew, self.clock.utc_now(), base_dir=self.stage_dir
        )
        self.writer = LogWriter.create(
            self.log_path,
            header,
            on_alarm=self.alarmChanged.emit,  # writer thread -> queued to the GUI thread
            on_notice=self.notice.emit,
            **self.writer_options,
        )
        self.session.sink = self.writer

    def resume(self, path: Path, *, restarted: bool = False, guard_ns: int = 0) -> None:
        """Carry on in the log at `path`, left without a closing event, instead of a new log.

        The core does the work (``LiveSession.resume_log``): it rebuilds the session (armed line,
        chronograph, syncs, crew from the header), keeps a torn last line aside, and writes a
        ``resume`` event; given the clock and wall clock read here, it decides whether the
        session clock could continue or the gap must be bridged (a restart). Raises InputError
        (the log cannot be resumed) or OSError (it cannot be opened: another mmtimer writes it).
        `guard_ns`: the trigger's guard time, so a last pass flagged as a double press before the
        crash is flagged again (Backspace still voids it).
        """
        if self.started:
            raise SessionError("this stage's log has started: it cannot take another log")
        now_ns = self.clock.now_ns()
        utc_now = self.clock.utc_now()
        options: dict[str, Any] = {
            "on_alarm": self.alarmChanged.emit,  # writer thread -> queued to the GUI thread
            "on_notice": self.notice.emit,
            **self.writer_options,
        }
        session, writer = LiveSession.resume_log(
            path, now_ns=now_ns, utc_now=utc_now, restarted=restarted, writer_options=options
        )
        self.session, self.writer, self.log_path = session, writer, Path(path)
        self.stage, self.rules, self.crew = session.stage, session.rules, session.crew
        self.last_guarded_seq = guarded_last_pass(session.events, guard_ns)
        self.presenter = Presenter(self.stage)
        self.changed.emit()

    def _remember_alarm(self, message: object) -> None:
        self.alarm = message if isinstance(message, str) else None

    def _utc_at(self, t_ns: int) -> datetime:
        return self.clock.utc_now() - timedelta(microseconds=(self.clock.now_ns() - t_ns) // 1000)

    @staticmethod
    def _action(action: str) -> str:
        """`action` as a notice names it, in the current language."""
        return translate("LiveStage", ACTIONS.get(action, action))

    def _record(self, action: str) -> bool:
        """Open the log before the first event; a log that cannot be made is said, once."""
        if self._closed:
            self.notice.emit(
                translate("LiveStage", ENDED_NOTICE).replace("%1", self._action(action))
            )
            return False
        try:
            self._ensure_log()
        except OSError as error:
            self.notice.emit(
                self.tr("cannot %1: the log %2 cannot be created: %3")
                .replace("%1", self._action(action))
                .replace("%2", str(self.log_path))
                .replace("%3", str(error))
            )
            return False
        return True

    # -- what the navigator does ------------------------------------------------------------------
    def press(self, t_ns: int, source: str, guarded: bool = False) -> PressOutcome:
        """Record a pass of the armed line at ``t_ns`` (the press's own instant)."""
        if self.session.armed is None:
            message = self.tr("The stage is done: choose a section (G) to record more.")
            return PressOutcome(None, guarded, message)
        if not self._record("record the pass"):
            return PressOutcome(None, guarded, "")
        event = self.session.press(t_ns, source, self._utc_at(t_ns))
        self.last_guarded_seq = event.seq if guarded else None
        self.changed.emit()
        message = self.tr("Double press? Backspace undoes it.") if guarded else ""
        if isinstance(event, Other):
            message = self.tr("%1 started: the schedule runs from this press.").replace(
                "%1", str(event.data["section"])
            )
        return PressOutcome(event, guarded, message)

    def record_other(self, kind: str, data: dict[str, Any], t_ns: int) -> Other | None:
        """Record a distance, calibrate or fix event (the pacer's); None if it cannot be."""
        if self._closed or not self._record(f"record the {kind}"):
            return None
        try:
            return self.session.record_other(kind, data, t_ns)
        except (SessionError, ValueError) as error:
            self.notice.emit(sentence(error_shown(error)))
            return None

    def undo_last(self, t_ns: int) -> tuple[Other, Event] | None:
        """Backspace: undo the last action (a pass, skip, section choice, sync or start press)
        with an ``undo`` event; (the undo, the event it took back), or None (said why)."""
        if not self._closed and self.session.last_action() is None:
            self.notice.emit(self.tr("Nothing to undo"))
            return None
        if not self._record("undo"):
            return None
        try:
            done = self.session.undo_last(t_ns, self._utc_at(t_ns))
        except SessionError as error:
            self.notice.emit(sentence(error_shown(error)))
            return None
        self.last_guarded_seq = None
        self.changed.emit()
        return done

    def skip_line(self, t_ns: int) -> bool:
        if not self._record("skip the line"):
            return False
        try:
            self.session.skip_line(t_ns, self._utc_at(t_ns))
        except SessionError as error:
            self.notice.emit(sentence(error_shown(error)))
            return False
        self.changed.emit()
        return True

    def select_section(self, section_id: str, t_ns: int, line: int = 1) -> bool:
        """G: arm `line` of `section_id` (its first line by default)."""
        if not self._record("choose the section"):
            return False
        try:
            self.session.select_section(section_id, line, t_ns, self._utc_at(t_ns))
        except SessionError as error:
            self.notice.emit(sentence(error_shown(error)))
            return False
        self.changed.emit()
        return True

    def sync(self, request: SyncRequest) -> Sync | None:
        if not self._record("sync"):
            return None
        event = self.session.sync(
            request.t_ns, request.official_ms, request.source, self._utc_at(request.t_ns)
        )
        self.changed.emit()
        return event

    def close(self, t_ns: int, timeout_s: float = 5.0) -> bool:
        """End the stage on purpose (a closing event), and wait for the log to be on disk."""
        if self._closed:
            return True
        self._closed = True
        if self.writer is None:
            return True
        self.session.close(t_ns, self._utc_at(t_ns))
        self._ended_ns = t_ns
        return self.writer.close(timeout=timeout_s, until_failure=True)

    def keep_open(self, timeout_s: float = 5.0) -> bool:
        """Quit without ending the stage: every event so far on disk, the log released with no
        closing event, so the next start offers to resume it. Nothing more is recorded here.
        The log's last line is a ``note`` with ``kept_open: true``: the next start says the
        stage was kept open, not that mmtimer stopped before it ended."""
        if self._closed:
            return True
        self._closed = True
        if self.writer is None:
            return True
        t_ns = self.clock.now_ns()
        self.session.note(KEPT_OPEN_NOTE, t_ns, self._utc_at(t_ns), kept_open=True)
        return self.writer.close(timeout=timeout_s, until_failure=True)

    # -- what the window shows --------------------------------------------------------------------
    def state(self, t_ns: int) -> SessionState:
        """The core's state at the clock reading `t_ns` (log instants inside)."""
        return self.session.state(t_ns)

    def screen(self, t_ns: int, *, flash: bool = False) -> Screen:
        """Everything the window shows at the clock reading `t_ns` (mmtimer.present), from
        the session's state; the replay shows the same from the log."""
        return self.presenter.screen(
            self.session.state(t_ns), guarded_seq=self.last_guarded_seq, flash=flash
        )

    def results(self) -> StageResult:
        return self.session.results()

    def last_sync(self) -> Sync | None:
        return self.session.fold.last_sync

    def last_sync_clock_ns(self) -> int | None:
        """The clock reading of the latest sync (its log instant on this clock)."""
        last = self.session.fold.last_sync
        return None if last is None else self.session.clock_ns(last.t_ns)

    def official_ms(self, t_ns: int) -> int | None:
        official = self.session.official_ns(t_ns)
        return None if official is None else official // NS_PER_MS

    def countdown(self, t_ns: int) -> Countdown | None:
        return self.session.countdown(t_ns)

    def beep_target(self, t_ns: int) -> Target | None:
        """The next target for the beeper: which line, and its session instant."""
        countdown = None if self._closed else self.session.countdown(t_ns)
        if countdown is None:
            return None
        key: tuple[str, int] | tuple[str, int, str] = (countdown.section, countdown.line)
        if countdown.start:  # an average trial's start, then its first check: two targets
            key = (countdown.section, countdown.line, "start")
        return Target(key, t_ns + countdown.remaining_ns)

    def last_pass(self) -> Pass | None:
        """The latest pass that still counts (the latest in the log, not the latest instant)."""
        return self.session.fold.last_pass()

    def done_rows(self) -> tuple[ResultRow, ...]:
        """The rows scored so far: the core's live scoring leaves the lines after the furthest
        pass ``pending`` (not missed yet) until the stage is closed."""
        return tuple(row for row in self.results().rows if PENDING not in row.notes)

    def running_total(self) -> tuple[str, Decimal]:
        """("So far", total) while lines remain, ("Total", total) once the last line is done
        or the stage was ended (`Screen.total_label`)."""
        screen = self.screen(self.clock.now_ns())
        return screen.total_label, screen.total

    def countdown_state(self, t_ns: int, *, flash: bool = False) -> CountdownState:
        """The countdown readout at ``t_ns``."""
        return self.screen(t_ns, flash=flash).countdown

    def line_results(self) -> dict[tuple[str, int], tuple[str, Tone]]:
        """Each scored line's text for the stage panel."""
        return self.screen(self.clock.now_ns()).line_results()

    def trial_chronograph(self, t_ns: int) -> Chronograph:
        """The dial's chronograph in stage mode: the current timed trial's running measurement
        (since its reference line), stopped at the last line's time once the chain is done and
        at the closing event once ended: the core's (`SessionFold.trial_chronograph`, which
        replay shows too), on this clock."""
        chrono = self.session.fold.trial_chronograph(self.session.log_ns(t_ns))
        if chrono.started_ns is None:
            return chrono
        return replace(chrono, started_ns=self.session.clock_ns(chrono.started_ns))
