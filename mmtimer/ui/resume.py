"""Resuming a stage log left open by a crash: the question asked (resume it, or start anew).

Which log is offered and what it holds is the core's (core/resume.py: `find_resumable_log`,
`inspect_log`, `resume_report`); the resume itself is ``LiveSession.resume_log``, reached
through ``LiveStage.resume``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from mmtimer.core.resume import ResumableLog
from mmtimer.ui.words import shown

# -- the question --------------------------------------------------------------------------------
ResumeAsker = Callable[[QWidget | None, ResumableLog], bool]
"""Asks whether to resume the log (True) or start a new one; tests pass their own answer."""


class ResumeDialog(QMessageBox):
    """ "Resume NAME (N passes, last at HH:MM:SS)" or "Start a new log"; Resume is the default,
    and closing the box without a choice resumes too (the stage stays in one log)."""

    def __init__(self, candidate: ResumableLog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.candidate = candidate
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Resume the stage log?"))
        self.setText(
            self.tr(
                "This stage was kept open when mmtimer was last closed: its log waits to be "
                "resumed."
            )
            if candidate.kept_open
            else self.tr(
                "This stage has a log that was not closed: mmtimer stopped before the stage ended."
            )
        )
        torn = (
            " "
            + self.tr(
                "Its last line was cut short by the crash: resuming keeps it in a file next to "
                "the log."
            )
            if candidate.torn
            else ""
        )
        self.setInformativeText(
            self.tr(
                "Resume it to carry on where it stopped (passes, syncs, crew, the armed line), "
                "or start a new log for this stage."
            )
            + torn
        )
        self.resume_button: QPushButton = self.addButton(
            shown(candidate.choice_text()), QMessageBox.ButtonRole.AcceptRole
        )
        self.new_button: QPushButton = self.addButton(
            self.tr("Start a new log"), QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.resume_button)
        self.setEscapeButton(self.resume_button)

    def chose_resume(self) -> bool:
        return self.clickedButton() is not self.new_button


def ask_resume(parent: QWidget | None, candidate: ResumableLog) -> bool:
    """Ask with a modal ResumeDialog (the window's default ResumeAsker)."""
    dialog = ResumeDialog(candidate, parent)
    dialog.exec()
    return dialog.chose_resume()
