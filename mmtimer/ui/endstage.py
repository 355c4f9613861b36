"""Ending a stage: the question asked when a stage is left mid-way, and End stage's check.

A stage ends for good only on purpose: its log gets a closing event and can no longer be resumed.
Leaving it while some line is still to record (closing the window: Ctrl+Q, the title bar; or
opening another stage) asks first. The default keeps the stage open: the log is flushed and
released without a closing event, so opening the stage again offers to resume it. Escape cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


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
        self.setWindowTitle("Leave the stage")
        self.setText("The stage is not finished: some lines are not recorded yet.")
        self.setInformativeText(
            "End the stage: its log is closed for good (it cannot be resumed).\n"
            "Keep it open: everything is saved, and opening the stage again offers to resume it."
        )
        self.end_button: QPushButton = self.addButton(
            "End the stage", QMessageBox.ButtonRole.DestructiveRole
        )
        self.keep_button: QPushButton = self.addButton(
            "Keep the stage open", QMessageBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.addButton(
            "Cancel", QMessageBox.ButtonRole.RejectRole
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
    box.setWindowTitle("End the stage")
    box.setText("End the stage now? Its log is closed for good: it cannot be resumed.")
    box.setInformativeText("Lines not recorded count as missed.")
    end = box.addButton("End the stage", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is end
