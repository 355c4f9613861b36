"""The stage window's own texts (its actions, menus, banner) in the current language.

`retranslate_stage` sets them when the window is made and again at each change of language
(`StageWindow.retranslate`); the parts with a hook of their own (the face, the stage panel, the
results table, the countdown, the pacer, the event and card actions, the driver's displays)
follow by themselves. Texts written once as constants of ui/stagewindow.py are marked here with
QT_TRANSLATE_NOOP and shown through `stage_text`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mmtimer.present.header import NOT_SYNCED
from mmtimer.ui import stageopen
from mmtimer.ui.i18n import QT_TRANSLATE_NOOP, translate
from mmtimer.ui.words import shown

if TYPE_CHECKING:
    from mmtimer.ui.stagewindow import StageWindow

CONTEXT = "StageWindow"

CHRONO_IN_STAGE_MODE = QT_TRANSLATE_NOOP(
    "StageWindow", "In stage mode the chronograph follows the timing lines"
)
STAGE_FILTER = QT_TRANSLATE_NOOP(
    "StageWindow", "Stages and logs (*.stage.toml *.toml *.mmlog);;All files (*)"
)
HELP_NOTE = QT_TRANSLATE_NOOP(
    "StageWindow",
    "The trigger keys record a pass at the moment the key went down (the key event's own time "
    "where the system gives one), and once the stage's log has started they do so whatever "
    "window, dialog, menu or field has the keyboard: the sync's full-minute mark is M. "
    "A second press within the guard time is flagged. Backspace "
    "undoes the last action (a pass, a skip, a section choice, a sync), and again the one "
    "before; the status bar says what. Nothing is erased: an undo is a new line in the log. "
    "A stage log left open by a crash is offered for resume when its stage opens again (also "
    "File > Resume a log left open), so the stage stays in one log. Stage > End stage ends it "
    "for good; quitting before every line is done asks, and by default keeps the stage open to "
    "resume. The dial is the current trial's chronograph: the Chronograph keys and pushers act "
    "only with no stage open.",
)
HELP_ROWS = (
    (
        QT_TRANSLATE_NOOP("StageWindow", "Click PASS"),
        QT_TRANSLATE_NOOP("StageWindow", "Record a pass (mouse or touch)"),
    ),
    (
        QT_TRANSLATE_NOOP("StageWindow", "M (in Official time)"),
        QT_TRANSLATE_NOOP("StageWindow", "Mark the official full minute (second 00)"),
    ),
)


def stage_text(text: str) -> str:
    """One of this module's marked texts in the current language."""
    return translate(CONTEXT, text)


def retranslate_stage(window: StageWindow) -> None:
    """The stage window's actions, menus and banner in the current language."""
    texts = {
        window.open_action: QCoreApplication.translate("StageWindow", "&Open…"),
        window.new_stage_action: QCoreApplication.translate("StageWindow", "&New stage…"),
        window.edit_stage_action: QCoreApplication.translate("StageWindow", "Edit &stage…"),
        window.resume_action: QCoreApplication.translate("StageWindow", "Res&ume a log left open…"),
        window.record_action: QCoreApplication.translate("StageWindow", "&Record a pass"),
        window.void_action: QCoreApplication.translate("StageWindow", "&Undo the last action"),
        window.skip_action: QCoreApplication.translate("StageWindow", "S&kip the armed line"),
        window.section_action: QCoreApplication.translate("StageWindow", "&Go to a line…"),
        window.sync_action: QCoreApplication.translate("StageWindow", "Official &time…"),
        window.later_action: QCoreApplication.translate("StageWindow", "Official time +0.1 s"),
        window.earlier_action: QCoreApplication.translate("StageWindow", "Official time -0.1 s"),
        window.crew_action: QCoreApplication.translate("StageWindow", "&Crew…"),
        window.settings_action: QCoreApplication.translate("StageWindow", "Triggers and &beeps…"),
        window.end_stage_action: QCoreApplication.translate("StageWindow", "&End stage…"),
        window.driving_action: QCoreApplication.translate("StageWindow", "Dri&ving view"),
        window.export_action: QCoreApplication.translate("StageWindow", "E&xport results (CSV)…"),
        window.results_action: QCoreApplication.translate("StageWindow", "&Results table"),
    }
    for act, text in texts.items():
        act.setText(shown(text))  # "+0,1 s" in Italian
    window.recent_menu.setTitle(QCoreApplication.translate("StageWindow", "Open &recent"))
    window.stage_menu.setTitle(QCoreApplication.translate("StageWindow", "S&tage"))
    window.banner.setText(shown(NOT_SYNCED))
    window.banner.setAccessibleName(
        QCoreApplication.translate("StageWindow", "Official time not synced")
    )
    stageopen.show_log_label(window)
    window.header.setAccessibleName(QCoreApplication.translate("StageWindow", "Crew and stage"))
