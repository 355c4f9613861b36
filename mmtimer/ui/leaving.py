"""Leaving a live stage (the window closes, another stage opens): the questions, in order.

First, events the disk refused (the log alarm: disk full, file gone) ask ``ask_unsaved``: keep
trying (stay; the default), save the whole log elsewhere (``ask_copy_path``, written atomically)
and leave, or leave and lose them. Then, while the stage is under way (its log started, a line
still to record, no closing event), ``ask_close``: end the stage, quit and keep it open (no
closing event: the next start offers to resume it; the default), or cancel (ui/endstage.py has
the dialogs). A stage left with events still only in memory keeps its writer retrying
(`Lingering`) and releases its log once the writer has caught up.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStatusBar, QWidget

from mmtimer.core.atomicfile import atomic_write_bytes
from mmtimer.core.logfile import LogWriter
from mmtimer.ui.endstage import CloseAsker, CloseChoice, CopyPathAsker, UnsavedAsker, UnsavedChoice
from mmtimer.ui.livestage import LiveStage

LEAVE_WAIT_S = 5.0  # how long leaving waits for the log to reach the disk
UNSAVED_WAIT_S = 1.0  # how long leaving waits before asking about events the disk refused


class LeavingHost(Protocol):
    """The window whose stage is left: its questions (tests give their answers) and its bar."""

    ask_close: CloseAsker
    ask_unsaved: UnsavedAsker
    ask_copy_path: CopyPathAsker
    unsaved_wait_s: float

    def statusBar(self) -> QStatusBar: ...


class Leaving:
    """Whether and how the live stage of `host` may go (see the module doc)."""

    def __init__(self, host: LeavingHost) -> None:
        self.host = host
        self.wait_s = LEAVE_WAIT_S  # 0 once the navigator chose to leave unsaved events
        self.lingering: list[LiveStage] = []  # stages left while their writer still retries

    def _say(self, message: str, ms: int) -> None:
        self.host.statusBar().showMessage(message, ms)

    def may_leave(self, live: LiveStage | None) -> bool:
        """Before `live` goes: ask about events the disk refused, then, if the stage is under
        way, whether to end it or keep it open for resuming. False: the navigator stays."""
        self.wait_s = LEAVE_WAIT_S
        if not self.may_leave_unsaved(live):
            return False
        if live is None or not live.in_progress:
            return True
        choice = self.host.ask_close(self.host if isinstance(self.host, QWidget) else None)
        if choice is CloseChoice.CANCEL:
            return False
        if choice is CloseChoice.KEEP_OPEN:
            # flushed, released, no closing event: close() then ends nothing
            live.keep_open(timeout_s=self.wait_s)
        return True

    def may_leave_unsaved(self, live: LiveStage | None) -> bool:
        """True when every event is on disk, or the navigator chose to leave anyway (after
        saving a copy elsewhere, or accepting the loss). False: the stage goes on."""
        writer = None if live is None else live.writer
        if writer is None:
            return True
        writer.retry_now()  # the navigator may have freed some space
        # settle, not flush: a disk that refuses the retry answers at once (no 1 s freeze)
        if writer.settle(timeout=self.host.unsaved_wait_s):
            return True
        pending = writer.last_seq - writer.durable_seq
        if pending <= 0:
            return True
        why = writer.alarm or QCoreApplication.translate(
            "Leaving", "the disk has not taken them yet"
        )
        parent = self.host if isinstance(self.host, QWidget) else None
        choice = self.host.ask_unsaved(parent, pending, why)
        if choice is UnsavedChoice.KEEP_TRYING:
            self._say(
                QCoreApplication.translate(
                    "Leaving", "The stage goes on: the log is still being retried"
                ),
                8000,
            )
            return False
        if choice is UnsavedChoice.SAVE_ELSEWHERE and not self.save_log_copy(writer):
            return False
        self.wait_s = 0.0  # the navigator decided: no point in freezing on the disk
        return True

    def save_log_copy(self, writer: LogWriter) -> bool:
        """Write the whole log (events not on disk included) where the navigator says; False
        if cancelled or it failed (said in the status bar)."""
        parent = self.host if isinstance(self.host, QWidget) else None
        chosen = self.host.ask_copy_path(parent, Path.home() / writer.path.name)
        if chosen is None:
            self._say(
                QCoreApplication.translate("Leaving", "No copy saved: the stage goes on"), 8000
            )
            return False
        if chosen.resolve() == writer.path.resolve():
            self._say(
                QCoreApplication.translate(
                    "Leaving", "Choose another file than the log itself: the stage goes on"
                ),
                15_000,
            )
            return False
        try:
            atomic_write_bytes(chosen, writer.log_bytes())
        except OSError as error:
            reason = str(error.strerror or error)
            self._say(
                QCoreApplication.translate(
                    "Leaving", "Cannot save the log to %1: %2: the stage goes on"
                )
                .replace("%1", str(chosen))
                .replace("%2", reason),
                30_000,
            )
            print(f"mmtimer: Cannot save the log to {chosen}: {reason}", file=sys.stderr)
            return False
        self._say(
            QCoreApplication.translate("Leaving", "A copy of the whole log is in %1").replace(
                "%1", str(chosen)
            ),
            30_000,
        )
        # the window may be gone in a moment (the command line's own words: English)
        print(f"mmtimer: A copy of the whole log is in {chosen}", file=sys.stderr)
        return True

    def let_go(self, live: LiveStage, now_ns: int) -> None:
        """`live` goes: its log closed (waiting up to `wait_s` for the disk); one left with
        events the disk refused lingers, its writer retrying, until the disk takes them."""
        wait_s, self.wait_s = self.wait_s, LEAVE_WAIT_S
        live.close(now_ns, timeout_s=wait_s)
        writer = live.writer
        if writer is not None and not writer.flush(timeout=0):
            self.lingering.append(live)
            live.alarmChanged.connect(lambda message: self._release(live, message))
            return
        live.deleteLater()

    def _release(self, live: LiveStage, alarm: object) -> None:
        """Once a lingering stage's writer has caught up, stop it (the log is released: it can
        be resumed) and let `live` go."""
        writer = live.writer
        if (
            alarm is None
            and writer is not None
            and writer.close(timeout=0)
            and live in self.lingering
        ):
            self.lingering.remove(live)
            live.deleteLater()
