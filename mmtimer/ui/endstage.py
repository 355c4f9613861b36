"""Ending a stage: the question asked when a stage is left mid-way, and End stage's check.

A stage ends for good only on purpose: its log gets a closing event and can no longer be resumed.
Leaving it while some line is still to record (closing the window: Ctrl+Q, the title bar; or
opening another stage) asks first. The default keeps the stage open: the log is flushed and
released without a closing event, so opening the stage again offers to resume it. Escape cancels.

Before that, if the log writer still holds events the disk has refused (disk full, file
unwritable), leaving asks first: keep trying (stay; the default), save the whole log elsewhere,
or quit and lose them.

`end_stage` is Stage > End stage in the stage window: the closing event, once confirmed.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

if TYPE_CHECKING:
    from mmtimer.ui.stagewindow import StageWindow


class CloseChoice(Enum):
    """What leaving a stage mid-way (closing the window, opening another stage) does."""

    END = "end"  # write the closing event: the stage is finished
    KEEP_OPEN = "keep"  # flush and release the log without it: the stage can be resumed
    CANCEL = "cancel"  # stay on the stage


CloseAsker = Callable[[QWidget | None], CloseChoice]
"""Asks what leaving the stage mid-way does; tests pass their own answer."""
EndConfirmer = Callable[[QWidget | None], bool]
"""Confirms Stage > End stage (True: end it); tests pass their own answer."""


class CloseStageDialog(QMessageBox):
    """End the stage / Keep the stage open (the default) / Cancel (also Escape)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Leave the stage"))
        self.setText(self.tr("The stage is not finished: some lines are not recorded yet."))
        self.setInformativeText(
            self.tr(
                "End the stage: its log is closed for good (it cannot be resumed).\n"
                "Keep it open: everything is saved, and opening the stage again offers to "
                "resume it."
            )
        )
        self.end_button: QPushButton = self.addButton(
            self.tr("End the stage"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.keep_button: QPushButton = self.addButton(
            self.tr("Keep the stage open"), QMessageBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.addButton(
            self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.keep_button)
        self.setEscapeButton(self.cancel_button)

    def choice(self) -> CloseChoice:
        clicked = self.clickedButton()
        if clicked is self.end_button:
            return CloseChoice.END
        if clicked is self.keep_button:
            return CloseChoice.KEEP_OPEN
        return CloseChoice.CANCEL


def ask_close(parent: QWidget | None) -> CloseChoice:
    """Ask with a modal CloseStageDialog (the window's default CloseAsker)."""
    dialog = CloseStageDialog(parent)
    dialog.exec()
    return dialog.choice()


def confirm_end(parent: QWidget | None) -> bool:
    """Stage > End stage: ask before closing the log for good (the default is not to)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("EndStage", "End the stage"))
    box.setText(
        QCoreApplication.translate(
            "EndStage", "End the stage now? Its log is closed for good: it cannot be resumed."
        )
    )
    box.setInformativeText(
        QCoreApplication.translate("EndStage", "Lines not recorded count as missed.")
    )
    end = box.addButton(
        QCoreApplication.translate("EndStage", "End the stage"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    cancel = box.addButton(
        QCoreApplication.translate("EndStage", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is end


class UnsavedChoice(Enum):
    """What leaving the stage does while some events are only in memory (the disk refuses them)."""

    KEEP_TRYING = "keep"  # stay: the writer goes on retrying (the default, and Escape)
    SAVE_ELSEWHERE = "save"  # write the whole log to another file, then leave
    LOSE = "lose"  # leave: the events not on disk are lost


UnsavedAsker = Callable[[QWidget | None, int, str], UnsavedChoice]
"""Asks, given how many events are not on disk and why, what leaving does; tests answer."""
CopyPathAsker = Callable[[QWidget | None, Path], Path | None]
"""Asks where to save a copy of the log (a suggested path given); None: cancelled."""


def unsaved_text(pending: int, why: str) -> str:
    """``3 events are not on disk yet: <why>``."""
    if pending == 1:
        return QCoreApplication.translate("EndStage", "1 event is not on disk yet: %1").replace(
            "%1", why
        )
    return (
        QCoreApplication.translate("EndStage", "%1 events are not on disk yet: %2")
        .replace("%1", str(pending))
        .replace("%2", why)
    )


class UnsavedLogDialog(QMessageBox):
    """Keep trying (the default, also Escape) / Save the log elsewhere… / Quit and lose them."""

    def __init__(self, pending: int, why: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("The log is not saved"))
        self.setText(unsaved_text(pending, why))
        self.setInformativeText(
            self.tr(
                "Keep trying: the stage goes on and mmtimer keeps writing (free some space).\n"
                "Save the log elsewhere: the whole log, these events included, in another file.\n"
                "Quit and lose them: the log on disk ends before these events."
            )
        )
        self.keep_button: QPushButton = self.addButton(
            self.tr("Keep trying"), QMessageBox.ButtonRole.RejectRole
        )
        self.save_button: QPushButton = self.addButton(
            self.tr("Save the log elsewhere…"), QMessageBox.ButtonRole.AcceptRole
        )
        self.lose_button: QPushButton = self.addButton(
            self.tr("Quit and lose them"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.setDefaultButton(self.keep_button)
        self.setEscapeButton(self.keep_button)

    def choice(self) -> UnsavedChoice:
        clicked = self.clickedButton()
        if clicked is self.save_button:
            return UnsavedChoice.SAVE_ELSEWHERE
        if clicked is self.lose_button:
            return UnsavedChoice.LOSE
        return UnsavedChoice.KEEP_TRYING


def ask_unsaved(parent: QWidget | None, pending: int, why: str) -> UnsavedChoice:
    """Ask with a modal UnsavedLogDialog (the window's default UnsavedAsker)."""
    dialog = UnsavedLogDialog(pending, why, parent)
    dialog.exec()
    return dialog.choice()


def ask_copy_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """A save dialog for the copy of the log (the window's default CopyPathAsker)."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("EndStage", "Save the log elsewhere"),
        str(suggested),
        QCoreApplication.translate("EndStage", "Stage logs (*.mmlog);;All files (*)"),
    )
    return Path(chosen) if chosen else None


def end_stage(window: StageWindow) -> bool:
    """Stage > End stage: the closing event on purpose, once confirmed (`window.confirm_end`).
    The stage's results stay shown (lines not recorded now count as missed); nothing more is
    recorded."""
    live = window.live
    bar = window.statusBar()
    if live is None or not live.started:
        bar.showMessage(
            QCoreApplication.translate(
                "EndStage", "Nothing to end: this stage's log has not started"
            ),
            6000,
        )
        return False
    if live.ended:
        bar.showMessage(
            QCoreApplication.translate("EndStage", "This stage was ended already"), 6000
        )
        return False
    if not window.confirm_end(window):
        return False
    live.close(window.controller.now_ns())
    window._on_stage_changed()
    window.events.stage_ended()
    window.refresh()
    bar.showMessage(
        QCoreApplication.translate(
            "EndStage", "Stage ended: %1 is closed. File > Open to time a stage again"
        ).replace("%1", live.log_path.name),
        15_000,
    )
    return True
