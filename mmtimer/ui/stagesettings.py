"""The stage window's Crew and Triggers-and-beeps dialogs, and the crew kept for the next log."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings

from mmtimer.core.crew import Crew, crew_from_json, crew_to_json
from mmtimer.core.errors import InputError
from mmtimer.ui.beeper import save_beep_settings
from mmtimer.ui.dialogs import CrewDialog, SettingsDialog
from mmtimer.ui.triggers import save_trigger_settings

if TYPE_CHECKING:
    from mmtimer.ui.stagewindow import StageWindow

KEY_CREW = "stage/crew"


def saved_crew(settings: QSettings) -> Crew:
    """The crew last entered (kept in the settings), for the next stage's log."""
    raw = settings.value(KEY_CREW)
    if isinstance(raw, str) and raw:
        try:
            return crew_from_json(json.loads(raw), "settings")
        except (ValueError, InputError):
            pass
    return Crew()


CREW_FIXED = (
    "The crew is fixed once the log has started: this stage's log begins with it. "
    "A new crew goes into the next stage's log; change it before that stage starts."
)


def edit_crew(window: StageWindow) -> CrewDialog:
    """C: the crew dialog; read-only once the stage's log has started (``CREW_FIXED`` says
    why), so no text field is open mid-stage."""
    live = window.live
    if live is not None and live.started:
        dialog = CrewDialog(live.crew, window, read_only=CREW_FIXED)
        dialog.open()
        return dialog
    current = live.crew if live is not None else saved_crew(window.settings)
    dialog = CrewDialog(current, window)

    def accepted() -> None:
        crew = dialog.crew()
        window.settings.setValue(KEY_CREW, json.dumps(crew_to_json(crew)))
        if window.live is not None and not window.live.set_crew(crew):  # started meanwhile
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "StageSettings",
                    "This stage's log has started with the crew it had; "
                    "the new crew goes into the next stage's log",
                ),
                8000,
            )

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def edit_settings(window: StageWindow) -> SettingsDialog:
    dialog = SettingsDialog(window.trigger.settings, window.beeper.settings, window)

    def accepted() -> None:
        triggers, beeps = dialog.trigger_settings(), dialog.beep_settings()
        window.trigger.settings = triggers
        window._set_record_shortcuts()
        window.beeper.set_settings(beeps)
        save_trigger_settings(window.settings, triggers)
        save_beep_settings(window.settings, beeps)

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog
