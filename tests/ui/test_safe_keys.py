"""Safe in a moving car (issue 12): once the stage's log has started, a trigger key records a
pass of the armed line whatever has the keyboard - a dialog, a focused button, a text field, a
message box, another window - and nothing else reads it; before, everything is as it was. The
crew dialog is read-only once the log has started, and says why.

Keys here are sent through QApplication (the application's event filters see them as they see a
real key); tests/ui/test_x11_safety.py sends real XTEST keys to the real app."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from mmtimer.core.events import Pass, Sync
from mmtimer.core.logfile import read_log
from mmtimer.ui.dialogs import CrewDialog, SyncDialog
from mmtimer.ui.helpdialog import KeyboardHelp, shortcut_rows
from mmtimer.ui.stagesettings import CREW_FIXED
from mmtimer.ui.triggers import EventStamper, Trigger, TriggerSettings
from tests.ui.test_stagewindow import Rig, rig, set_crew, sync_by_typing

__all__ = ["rig"]  # the fixture


def send(widget: QWidget, kind: QEvent.Type, key: Qt.Key, text: str, repeat: bool = False) -> bool:
    """One key event to `widget` as the window system delivers it; True if it was accepted."""
    event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text, repeat)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def tap(widget: QWidget, key: Qt.Key = Qt.Key.Key_Space, text: str = " ") -> None:
    """A press and release, with a ShortcutOverride first (as Qt sends one for a real key)."""
    send(widget, QEvent.Type.ShortcutOverride, key, text)
    send(widget, QEvent.Type.KeyPress, key, text)
    send(widget, QEvent.Type.KeyRelease, key, text)


def passes(rig: Rig) -> list[tuple[str, int]]:
    live = rig.window.live
    assert live is not None
    return [(e.section, e.line) for e in live.session.events if isinstance(e, Pass)]


def started(rig: Rig) -> None:
    """Sync (the log starts), so the stage is under way."""
    sync_by_typing(rig, "12:55:00")
    assert rig.window.live is not None and rig.window.live.under_way
    rig.window.refresh()
    assert rig.window.trigger.guarding


def test_before_the_log_starts_nothing_is_taken_from_other_windows(rig: Rig) -> None:
    assert not rig.window.trigger.guarding
    other = QLineEdit()
    rig.qtbot.addWidget(other)
    tap(other)
    assert passes(rig) == []
    assert other.text() == " "  # a field takes its Space as before


def test_space_in_the_sync_dialog_records_a_pass_and_moves_no_official_time(rig: Rig) -> None:
    started(rig)
    live = rig.window.live
    assert live is not None
    official = live.official_ms(rig.clock.now_ns())
    syncs = len([e for e in live.session.events if isinstance(e, Sync)])
    rig.key(Qt.Key.Key_T)
    dialog = rig.window.findChild(SyncDialog)
    assert dialog is not None and dialog.isVisible()
    clicked: list[bool] = []
    dialog.later.clicked.connect(lambda: clicked.append(True))
    for widget in (dialog.mark, dialog.later, dialog.typed, dialog.own_minute):
        tap(widget)
    assert passes(rig) == [("PC1", 1), ("PC1", 2), ("PC1", 3), ("PC2", 1)]
    assert not clicked and dialog.typed.text() == "" and not dialog.own_minute.isChecked()
    assert len([e for e in live.session.events if isinstance(e, Sync)]) == syncs
    assert live.official_ms(rig.clock.now_ns()) == official
    dialog.close()


def test_auto_repeat_and_the_release_are_swallowed(rig: Rig) -> None:
    started(rig)
    button = QPushButton("focused")
    rig.qtbot.addWidget(button)
    clicked: list[bool] = []
    button.clicked.connect(lambda: clicked.append(True))
    assert send(button, QEvent.Type.KeyPress, Qt.Key.Key_Space, " ")
    send(button, QEvent.Type.KeyPress, Qt.Key.Key_Space, " ", repeat=True)
    send(button, QEvent.Type.KeyRelease, Qt.Key.Key_Space, " ", repeat=True)
    send(button, QEvent.Type.KeyPress, Qt.Key.Key_Space, " ", repeat=True)
    send(button, QEvent.Type.KeyRelease, Qt.Key.Key_Space, " ")
    assert passes(rig) == [("PC1", 1)]  # one press, however long it was held
    assert not clicked and not button.isDown()


def test_space_in_a_message_box_a_field_and_the_crew_dialog_records(rig: Rig) -> None:
    started(rig)
    box = QMessageBox(QMessageBox.Icon.Question, "Sure?", "A question", parent=rig.window)
    box.addButton(QMessageBox.StandardButton.Yes)
    box.addButton(QMessageBox.StandardButton.No)
    box.open()
    answered: list[object] = []
    box.buttonClicked.connect(answered.append)
    tap(box.button(QMessageBox.StandardButton.Yes))
    assert answered == [] and box.isVisible()
    box.reject()
    field = QLineEdit()
    rig.qtbot.addWidget(field)
    tap(field)
    assert field.text() == ""
    rig.key(Qt.Key.Key_C)
    crew = rig.window.findChild(CrewDialog)
    assert crew is not None
    tap(crew.driver)
    tap(crew.buttons.button(QDialogButtonBox.StandardButton.Close))
    assert crew.isVisible()
    crew.reject()
    assert passes(rig) == [("PC1", 1), ("PC1", 2), ("PC1", 3), ("PC2", 1)]


def test_other_trigger_keys_are_taken_too_and_other_keys_are_not(rig: Rig) -> None:
    rig.window.trigger.settings = TriggerSettings(("Space", "PageDown"), 0)
    started(rig)
    field = QLineEdit()
    rig.qtbot.addWidget(field)
    tap(field, Qt.Key.Key_PageDown, "")
    tap(field, Qt.Key.Key_A, "a")
    assert passes(rig) == [("PC1", 1)]
    assert field.text() == "a"


def test_the_guard_goes_when_the_stage_ends(rig: Rig) -> None:
    started(rig)
    rig.window.confirm_end = lambda parent: True
    assert rig.window.end_stage()
    assert not rig.window.trigger.guarding
    field = QLineEdit()
    rig.qtbot.addWidget(field)
    tap(field)
    assert field.text() == " "


# -- the crew ------------------------------------------------------------------------------------


def test_the_crew_dialog_is_read_only_once_the_log_has_started(rig: Rig) -> None:
    set_crew(rig)  # before the start: editable, as before
    started(rig)
    rig.key(Qt.Key.Key_C)
    dialogs = [d for d in rig.window.findChildren(CrewDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.read_only == CREW_FIXED
    assert dialog.why.isVisibleTo(dialog) and "fixed once the log has started" in dialog.why.text()
    assert dialog.windowTitle() == "Crew (read-only)"
    assert dialog.driver.text() == "Ada" and dialog.driver.isReadOnly()
    assert all(
        edit.isReadOnly()
        for edit in (dialog.number, dialog.navigator, dialog.car, dialog.coefficient)
    )
    assert dialog.year.isReadOnly() and not dialog.show_components.isVisibleTo(dialog)
    assert dialog.buttons.standardButtons() == QDialogButtonBox.StandardButton.Close
    dialog.reject()
    live = rig.window.live
    assert live is not None and live.crew.driver == "Ada"
    header = read_log(rig.log).header
    assert header.crew["driver"] == "Ada"


# -- F1 ------------------------------------------------------------------------------------------


def test_f1_lists_the_keys_that_matter_in_the_car_first(rig: Rig) -> None:
    rig.key(Qt.Key.Key_F1)
    (help_dialog,) = [h for h in rig.window.findChildren(KeyboardHelp) if h.isVisible()]
    rows = help_dialog.rows()
    keys = [k for k, _ in rows]
    assert keys[:8] == [
        "Space",
        "Click PASS",
        "Backspace",
        "N",
        "G",
        "T",
        "M (in Official time)",
        "D",
    ]
    assert rows[0][1] == "Stage > Record a pass"
    assert rows[6][1] == "Mark the official full minute (second 00)"
    chrono = [keys.index(k) for k in ("S", "P", "L", "R")]
    assert chrono == sorted(chrono) and min(chrono) > keys.index("Ctrl+Shift+E")
    assert all(keys.index(k) > 7 for k in ("F1", "Ctrl+E", "+, =", "C"))
    menus = shortcut_rows(rig.window.menuBar())  # every shortcut of the menus, still listed
    assert sorted(r for r in rows if r in menus) == sorted(menus)
    assert len(keys) == len(set(keys))
    help_dialog.close()


def test_shift_space_records_a_pass_and_clicks_no_focused_button(rig: Rig) -> None:
    """A hand on the seat in a bump: Shift+Space is still the timing line, never a click."""
    started(rig)
    box = QMessageBox(rig.window)
    button = box.addButton("Later", QMessageBox.ButtonRole.RejectRole)
    clicked: list[bool] = []
    button.clicked.connect(lambda: clicked.append(True))
    box.show()
    button.setFocus()
    shift = Qt.KeyboardModifier.ShiftModifier
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(button, QKeyEvent(kind, Qt.Key.Key_Space, shift, " "))
    assert passes(rig) == [("PC1", 1)]
    assert clicked == [] and box.isVisible()
    ctrl = Qt.KeyboardModifier.ControlModifier  # Ctrl+Space is left to its shortcut
    QApplication.sendEvent(button, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Space, ctrl, " "))
    assert passes(rig) == [("PC1", 1)]
    box.close()


def test_file_dialogs_are_qts_own_while_the_stage_is_under_way(rig: Rig) -> None:
    """A desktop's native file dialog runs outside Qt's event loop, where the trigger cannot see
    a Space: under way, Qt draws its own; the application's setting comes back after."""
    native_off = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    QApplication.setAttribute(native_off, False)  # the desktop's dialogs, as by default
    started(rig)
    assert QApplication.testAttribute(native_off)
    rig.window.confirm_end = lambda parent: True
    assert rig.window.end_stage()
    assert not rig.window.trigger.guarding
    assert not QApplication.testAttribute(native_off)


def test_a_trigger_deleted_under_way_gives_the_native_dialogs_back(rig: Rig) -> None:
    """Two guards at once (two windows under way), and one deleted without turning it off: the
    native dialogs come back only when the last guard has gone."""
    native_off = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    QApplication.setAttribute(native_off, False)
    started(rig)
    other = Trigger(EventStamper(rig.clock, "offscreen", None))
    other.guard_everywhere(True)
    assert QApplication.testAttribute(native_off)
    shiboken6.delete(other)  # its window went without saying "off"
    assert QApplication.testAttribute(native_off)  # this window's stage is still under way
    rig.window.confirm_end = lambda parent: True
    assert rig.window.end_stage()
    assert not QApplication.testAttribute(native_off)
