"""Ending a stage: closing the window mid-stage asks (end it, keep it open to resume, cancel);
Stage > End stage ends it on purpose. An accidental quit must never end a stage for good."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mmtimer.core.events import Other, Pass
from mmtimer.core.logfile import read_log
from mmtimer.core.resume import find_resumable_log
from mmtimer.core.stage import load_stage
from mmtimer.ui.endstage import (
    CloseChoice,
    CloseStageDialog,
    UnsavedChoice,
    UnsavedLogDialog,
    ask_close,
    ask_unsaved,
)
from mmtimer.ui.helpdialog import shortcut_rows
from mmtimer.ui.livestage import KEPT_OPEN_NOTE
from mmtimer.ui.resume import ResumeDialog
from tests.ui.test_stagewindow import STAGE, Rig, drive_the_example_stage, rig

__all__ = ["rig"]  # the stage-mode fixture, shared with test_stagewindow


class CloseAnswers:
    """The closing question, answered by the test: records each ask."""

    def __init__(self, answer: CloseChoice) -> None:
        self.answer = answer
        self.asked = 0

    def __call__(self, parent: QWidget | None) -> CloseChoice:
        self.asked += 1
        return self.answer


def press_twice(rig: Rig) -> None:
    rig.space()
    rig.wait_s("15.10")
    rig.space()


def test_quit_mid_stage_asks_and_keep_open_leaves_a_log_to_resume(rig: Rig) -> None:
    press_twice(rig)
    answers = CloseAnswers(CloseChoice.KEEP_OPEN)
    rig.window.ask_close = answers
    rig.window.quit_action.trigger()  # File > Quit (Ctrl+Q where the platform binds it)
    assert answers.asked == 1
    assert not rig.window.isVisible()
    contents = read_log(rig.log, keep_torn=False)
    assert not contents.closed  # no closing event: the stage can be resumed
    assert [e.line for e in contents.events if isinstance(e, Pass)] == [1, 2]
    last = contents.events[-1]  # the note "Keep the stage open" writes, after the passes
    assert isinstance(last, Other) and last.type == "note"
    assert last.data["kept_open"] is True and last.data["text"] == KEPT_OPEN_NOTE
    assert len(contents.events) == 3
    found = find_resumable_log(rig.log.parent, load_stage(STAGE))
    assert found is not None and found.path == rig.log and found.passes == 2
    assert found.kept_open  # the next start says so
    dialog = ResumeDialog(found)
    rig.qtbot.addWidget(dialog)
    assert dialog.text() == (
        "This stage was kept open when mmtimer was last closed: its log waits to be resumed."
    )
    assert "stopped" not in dialog.text()


def test_cancel_keeps_the_window_and_the_stage(rig: Rig) -> None:
    rig.space()
    live = rig.window.live
    answers = CloseAnswers(CloseChoice.CANCEL)
    rig.window.ask_close = answers
    rig.window.close()
    assert answers.asked == 1
    assert rig.window.isVisible() and rig.window.live is live
    rig.wait_s("15")
    rig.space()  # still timing, in the same log
    assert live is not None and live.writer is not None and live.writer.flush(timeout=5)
    contents = read_log(rig.log, keep_torn=False)
    assert not contents.closed and len(contents.events) == 2


def test_end_the_stage_when_asked_writes_the_closing_event(rig: Rig) -> None:
    rig.space()
    answers = CloseAnswers(CloseChoice.END)
    rig.window.ask_close = answers
    rig.window.close()
    assert answers.asked == 1 and not rig.window.isVisible()
    assert read_log(rig.log).closed


def test_no_question_before_the_log_starts(rig: Rig) -> None:
    never = CloseAnswers(CloseChoice.CANCEL)
    rig.window.ask_close = never
    rig.window.close()  # nothing recorded: nothing to lose
    assert never.asked == 0 and not rig.window.isVisible() and not rig.log.exists()


def test_a_finished_stage_quits_without_asking(rig: Rig) -> None:
    never = CloseAnswers(CloseChoice.CANCEL)
    rig.window.ask_close = never
    drive_the_example_stage(rig)
    rig.window.close()
    assert never.asked == 0 and not rig.window.isVisible()
    assert read_log(rig.log).closed


def test_end_stage_action_ends_it_on_purpose_after_a_confirmation(rig: Rig) -> None:
    window = rig.window
    rows = dict((what, keys) for keys, what in shortcut_rows(window.menuBar()))
    assert rows["Stage > End stage…"] == "Ctrl+Shift+E"
    press_twice(rig)
    window.confirm_end = lambda parent: False
    rig.qtbot.keyClick(
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.live is not None and window.live.writer is not None
    assert window.live.writer.flush(timeout=5)
    assert not read_log(rig.log, keep_torn=False).closed  # declined: nothing written

    window.confirm_end = lambda parent: True
    window.end_stage_action.trigger()
    contents = read_log(rig.log)
    assert contents.closed
    assert "ended" in window.countdown.lines()[0].lower()
    rig.wait_s("10")
    rig.space()  # refused: the log is closed
    assert read_log(rig.log).events == contents.events
    assert "ended" in window.statusBar().currentMessage()
    never = CloseAnswers(CloseChoice.CANCEL)
    window.ask_close = never
    window.close()
    assert never.asked == 0 and not window.isVisible()
    assert [e.type for e in read_log(rig.log).events if isinstance(e, Other)] == ["close"]


@pytest.mark.parametrize(
    ("key", "choice"),
    [(Qt.Key.Key_Escape, CloseChoice.CANCEL), (Qt.Key.Key_Return, CloseChoice.KEEP_OPEN)],
    ids=["escape-cancels", "default-keeps-open"],
)
def test_the_question_defaults_to_keep_open_and_escape_cancels(
    qtbot: QtBot, key: Qt.Key, choice: CloseChoice
) -> None:
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, CloseStageDialog)
        assert box.defaultButton() is box.keep_button
        seen.append(box.keep_button.text())
        QTest.keyClick(box, key)

    QTimer.singleShot(0, answer)
    assert ask_close(None) is choice  # the modal box is answered by the timer, never blocks
    assert seen == ["Keep the stage open"]


@pytest.mark.parametrize(
    ("key", "choice"),
    [
        (Qt.Key.Key_Escape, UnsavedChoice.KEEP_TRYING),
        (Qt.Key.Key_Return, UnsavedChoice.KEEP_TRYING),
    ],
    ids=["escape-keeps-trying", "default-keeps-trying"],
)
def test_the_unsaved_question_defaults_to_keep_trying(
    qtbot: QtBot, key: Qt.Key, choice: UnsavedChoice
) -> None:
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert box is not None
        if isinstance(box, UnsavedLogDialog):
            seen.append(box.text())
            assert box.defaultButton() is box.keep_button
            assert box.escapeButton() is box.keep_button
            QTest.keyClick(box, key)
        else:
            box.close()  # never leave a modal dialog waiting

    QTimer.singleShot(0, answer)
    assert ask_unsaved(None, 2, "the disk is full") is choice
    assert seen == ["2 events are not on disk yet: the disk is full"]


def test_opening_a_stage_mid_stage_asks_first(rig: Rig) -> None:
    press_twice(rig)
    live = rig.window.live
    answers = CloseAnswers(CloseChoice.CANCEL)
    rig.window.ask_close = answers
    assert not rig.window.open_path(STAGE)  # Cancel: the stage under way goes on
    assert answers.asked == 1 and rig.window.live is live
    answers.answer = CloseChoice.KEEP_OPEN
    assert rig.window.open_path(STAGE, rig.log)  # kept open, so its own log resumes
    assert answers.asked == 2
    assert rig.window.live is not live and rig.window.live is not None
    assert not read_log(rig.log, keep_torn=False).closed
    resumed = rig.window.live.session
    assert resumed is not None
    assert [e.line for e in resumed.events if isinstance(e, Pass)] == [1, 2]
