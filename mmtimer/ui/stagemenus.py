"""The stage window's menus and F1's list of its keys.

File gains New and Edit stage, Open, Open recent, Resume, the event's actions, Export and the
card; View the Driving view, the results table and the driver's displays; Chronograph and Stage
(then the pacer's menu) come before Help. The actions themselves are the window's attributes,
made in `StageWindow._make_stage_actions` and wired in its `_connect_signals`; each menu is kept
as an attribute too (`window.stage_menu`, `window.chrono_menu`), never found by its title.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from mmtimer.ui import stageopen
from mmtimer.ui.helpdialog import KeyboardHelp
from mmtimer.ui.stagetexts import HELP_ROWS, stage_text

if TYPE_CHECKING:
    from mmtimer.ui.stagewindow import StageWindow


def add_stage_menus(window: StageWindow) -> None:
    """Put the stage's actions into the window's menus, and make its Stage menu."""
    file_menu, quit_action = window.file_menu, window.quit_action
    for act in (
        window.new_stage_action,
        window.edit_stage_action,
        None,
        window.open_action,
        window.recent_menu,
        window.resume_action,
        None,
    ):
        if isinstance(act, QMenu):
            file_menu.insertMenu(quit_action, act)
        elif act is None:
            file_menu.insertSeparator(quit_action)
        else:
            file_menu.insertAction(quit_action, act)
    window.events.add_to(file_menu, quit_action, window.view_menu)
    file_menu.insertAction(quit_action, window.export_action)
    window.card.add_to(file_menu, quit_action)
    file_menu.insertSeparator(quit_action)
    view_menu = window.view_menu
    view_menu.insertAction(window.full_screen_action, window.driving_action)
    view_menu.addAction(window.results_action)
    view_menu.addSeparator()
    view_menu.addAction(window.drivers.window_action)
    view_menu.addMenu(window.drivers.screen_menu)
    view_menu.addAction(window.drivers.page_action)
    window.menuBar().insertMenu(view_menu.menuAction(), window.chrono_menu)
    stage_actions: tuple[QAction | None, ...] = (
        window.record_action,
        window.void_action,
        window.skip_action,
        window.section_action,
        None,
        window.sync_action,
        window.later_action,
        window.earlier_action,
        None,
        window.crew_action,
        window.settings_action,
        None,
        window.end_stage_action,
    )
    for act in stage_actions:
        if act is None:
            window.stage_menu.addSeparator()
        else:
            window.stage_menu.addAction(act)
    window.add_menu_before_help(window.stage_menu)
    window.add_menu_before_help(window.pacer.menu)
    stageopen.fill_recent(window)


def show_keyboard_help(window: StageWindow, note_text: str) -> KeyboardHelp:
    """F1: the keys that matter in the car first (record, undo, skip, go to a line, the sync
    and its mark, the Driving view), the chronograph's S, P, L, R last."""
    pushers = window.pushers
    dialog = KeyboardHelp(
        window.menuBar(),
        window,
        first=(
            window.record_action,
            (stage_text(HELP_ROWS[0][0]), stage_text(HELP_ROWS[0][1])),
            window.void_action,
            window.skip_action,
            window.section_action,
            window.sync_action,
            (stage_text(HELP_ROWS[1][0]), stage_text(HELP_ROWS[1][1])),
            window.driving_action,
        ),
        last=(
            pushers.start_stop_action,
            pushers.split_action,
            pushers.lap_action,
            pushers.reset_action,
        ),
        note_text=note_text,
    )
    dialog.setModal(False)
    dialog.show()
    return dialog
