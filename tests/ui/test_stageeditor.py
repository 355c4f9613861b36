"""The stage editor typed into as a person would (keys, not setters): Tab, Enter, arrows,
decimal commas, the loader's message beside a refused value, undo and redo, the paste preview,
saving that keeps comments, closing with changes."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mmtimer.core.errors import InputError
from mmtimer.core.legs import Leg, parse_max_late_min
from mmtimer.core.rules import load_rules
from mmtimer.core.stage import (
    AverageTrial,
    Stage,
    TimeControl,
    TimedSection,
    load_stage,
    section_from_json,
)
from mmtimer.core.stagerows import COLUMNS
from mmtimer.core.tomlfile import Reader
from mmtimer.paths import resource
from mmtimer.present.stageeditor import LEG_COLUMNS, StageDraft
from mmtimer.ui.stageeditor import REFUSED_BACKGROUND, SaveAnswer, StageEditor
from mmtimer.ui.stagewindow import StageWindow
from tests.core.test_stagewrite import COMMENTED, WITH_LEGS
from tests.ui.stagerig import fake_clock, own_settings, stage_window

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
COL = {name: number for number, name in enumerate(COLUMNS)}

ROADBOOK = """\
1000 MIGLIA 2026 - TAPPA 2
N.\tTipo\tTempi\tLocalità
PC 12\tPC\t15,00\t6,00\tPasso della Futa
CO4\tCO\t11.32
PM3\tPM\t10:50\t48\t5,2=40\t2,350\t7,800
PC 13\tPC\tquindici
"""


@dataclass
class Ed:
    editor: StageEditor
    qtbot: QtBot
    save_path: Path
    answers: list[SaveAnswer] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def draft(self) -> StageDraft:
        return self.editor.draft

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focus(), key, modifier)

    def type(self, text: str) -> None:
        """Each key to whatever has the focus (the first opens the cell's editor)."""
        for char in text:
            self.qtbot.keyClicks(self.focus(), char)

    def at(self) -> tuple[int, str]:
        row, column = self.editor.current()
        return row, COLUMNS[column]

    def cell(self, row: int, column: str) -> str:
        return self.draft.rows[row].text(column)

    def check_text(self, row: int) -> str:
        model = self.editor.model
        return str(model.data(model.index(row, len(COLUMNS))))


@pytest.fixture
def make_editor(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[[StageDraft], Ed]]:
    made: list[Ed] = []

    def make(draft: StageDraft) -> Ed:
        holder: list[Ed] = []

        def ask_save(parent: QWidget, name: str) -> SaveAnswer:
            holder[0].asked.append(name)
            answers = holder[0].answers
            return answers.pop(0) if answers else "discard"  # a test that closes answers

        editor = StageEditor(
            draft,
            ask_save=ask_save,
            ask_path=lambda parent, start: holder[0].save_path,
            warn=lambda parent, title, text: holder[0].warnings.append(text),
        )
        ed = Ed(editor, qtbot, tmp_path / "typed.stage.toml")
        holder.append(ed)
        editor.show()
        qtbot.waitExposed(editor)
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
        editor.table.setFocus()
        made.append(ed)
        return ed

    yield make
    for ed in made:
        ed.editor.close()
        ed.editor.deleteLater()


def test_a_new_stage_typed_with_tab_enter_and_decimal_commas(
    make_editor: Callable[[StageDraft], Ed],
) -> None:
    ed = make_editor(StageDraft.new())
    assert ed.at() == (0, "id")
    ed.type("PC1")  # typing over the template's id
    ed.key(Qt.Key.Key_Tab)  # keeps it, and goes on typing in the next cell
    assert ed.cell(0, "id") == "PC1"
    assert ed.at() == (0, "kind")
    ed.type("PC")
    ed.key(Qt.Key.Key_Tab)
    assert ed.cell(0, "kind") == "timed"
    assert ed.at() == (0, "targets")
    ed.type("15,00 6,00")
    ed.key(Qt.Key.Key_Return)
    assert ed.cell(0, "targets") == "15,00 6,00"

    ed.key(Qt.Key.Key_2, CTRL)  # a time control below, from its template
    assert ed.at() == (1, "id")
    assert ed.cell(1, "id") == "CO1" and ed.cell(1, "due") == "10:00"
    ed.key(Qt.Key.Key_Tab, times=2)  # id -> kind -> due: Tab skips the cells a CO does not use
    assert ed.at() == (1, "due")
    ed.type("10.42")
    ed.key(Qt.Key.Key_Return)

    ed.key(Qt.Key.Key_3, CTRL)  # an average trial
    assert ed.at() == (2, "id")
    ed.key(Qt.Key.Key_Tab, times=2)
    assert ed.at() == (2, "start")
    ed.type("10:50")
    ed.key(Qt.Key.Key_Tab)
    ed.type("48 5,2=40")
    ed.key(Qt.Key.Key_Tab)
    ed.type("2,350 7,800")
    ed.key(Qt.Key.Key_Tab)
    ed.type("1,250 bridge | 3,4 church")
    ed.key(Qt.Key.Key_Return)

    ed.qtbot.keyClicks(ed.editor.terms.name_edit, "Day 1")
    ed.editor.table.setFocus()
    assert "3 sections · 6 lines · 2 trials · 1 time control" in ed.editor.totals_label.text()
    assert "first due 10:42 · last due 10:42" in ed.editor.totals_label.text()
    ed.key(Qt.Key.Key_S, CTRL)
    assert ed.warnings == []
    assert load_stage(ed.save_path) == Stage(
        "Day 1",
        "aci-2021",
        (
            TimedSection("PC1", (15_000, 6_000)),
            TimeControl("CO1", 10 * 3_600_000 + 42 * 60_000),
            AverageTrial(
                "PM1",
                10 * 3_600_000 + 50 * 60_000,
                ((0, Decimal("48")), (5_200, Decimal("40"))),
                (2_350, 7_800),
                ((1_250, "bridge"), (3_400, "church")),
            ),
        ),
    )
    assert "*" not in ed.editor.windowTitle()


def test_arrows_enter_and_shift_tab_move_like_a_spreadsheet(
    make_editor: Callable[[StageDraft], Ed],
) -> None:
    ed = make_editor(StageDraft.open(resource("stages", "mille-miglia-day1.stage.toml")))
    ed.key(Qt.Key.Key_Down)
    assert ed.at() == (1, "id")
    ed.key(Qt.Key.Key_Right, times=2)
    assert ed.at() == (1, "targets")
    ed.key(Qt.Key.Key_Return)  # Enter goes down, past the rows that do not use the column
    assert ed.at() == (4, "targets")  # PC3 (CO1 and PM1 have no targets)
    ed.key(Qt.Key.Key_Up)
    assert ed.at() == (1, "targets")
    ed.key(Qt.Key.Key_F2)  # change the cell rather than type over it
    ed.key(Qt.Key.Key_End)
    ed.type(" 4,5")
    ed.key(Qt.Key.Key_Down)  # keeps the value and goes down, out of the editor
    assert ed.cell(1, "targets") == "21.50 9.80 33.00 4,5"
    assert ed.at() == (4, "targets")
    ed.key(Qt.Key.Key_Backtab, SHIFT)
    assert ed.at() == (4, "kind")
    ed.type("X")
    ed.key(Qt.Key.Key_Escape)  # drops what was typed
    assert ed.cell(4, "kind") == "timed"


def loader_message(obj: dict[str, object]) -> str:
    try:
        section_from_json(obj, "x")
    except InputError as error:
        return error.message
    raise AssertionError("the loader took it")


def test_a_refused_value_shows_the_loaders_message_beside_its_cell(
    make_editor: Callable[[StageDraft], Ed],
) -> None:
    ed = make_editor(StageDraft.open(resource("stages", "mille-miglia-day1.stage.toml")))
    ed.key(Qt.Key.Key_Right, times=2)
    ed.type("15,00 6,0x")
    says = loader_message({"id": "PC1", "kind": "timed", "targets": ["15.00", "6.0x"]})
    assert ed.editor.typing_message() == says  # while it is typed
    cell = ed.editor.table.visualRect(ed.editor.model.index(0, COL["targets"]))
    label = ed.editor.typing_label.geometry()
    assert label.left() == cell.left() and label.top() > cell.top()  # just under the cell
    ed.key(Qt.Key.Key_Backspace)
    ed.type("5")
    assert ed.editor.typing_message() is None  # 6,05: fine again
    ed.key(Qt.Key.Key_Backspace)
    ed.type("x")
    ed.key(Qt.Key.Key_Return)
    assert ed.editor.typing_message() is None  # the editor closed: the Check column says it
    assert ed.check_text(0) == f"Targets (s): {says}"
    model = ed.editor.model
    index = model.index(0, COL["targets"])
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == says
    assert model.data(index, Qt.ItemDataRole.BackgroundRole).color() == REFUSED_BACKGROUND
    assert "1 row to put right" in ed.editor.totals_label.text()
    ed.save_path = ed.save_path.with_name("refused.stage.toml")
    ed.key(Qt.Key.Key_S, CTRL, times=1)
    ed.key(Qt.Key.Key_S, CTRL | SHIFT)
    assert len(ed.warnings) == 2
    assert f"row 1 (PC1) targets: {says}" in ed.warnings[-1]
    assert not ed.save_path.exists()


def test_undo_and_redo_with_ctrl_z_and_ctrl_shift_z(
    make_editor: Callable[[StageDraft], Ed],
) -> None:
    ed = make_editor(StageDraft.open(resource("stages", "mille-miglia-day1.stage.toml")))
    ids = [r.text("id") for r in ed.draft.rows]
    ed.type("PX1")
    ed.key(Qt.Key.Key_Return)
    assert ed.cell(0, "id") == "PX1"
    assert "*" in ed.editor.windowTitle()
    ed.key(Qt.Key.Key_Up)
    ed.key(Qt.Key.Key_Down, ALT)  # move the row down
    assert [r.text("id") for r in ed.draft.rows][:2] == ["PC2", "PX1"]
    ed.key(Qt.Key.Key_Delete, CTRL)  # delete it
    assert "PX1" not in [r.text("id") for r in ed.draft.rows]
    ed.key(Qt.Key.Key_Z, CTRL)
    assert [r.text("id") for r in ed.draft.rows][:2] == ["PC2", "PX1"]
    ed.key(Qt.Key.Key_Z, CTRL)
    ed.key(Qt.Key.Key_Z, CTRL)
    assert [r.text("id") for r in ed.draft.rows] == ids
    assert not ed.draft.dirty and "*" not in ed.editor.windowTitle()
    ed.key(Qt.Key.Key_Z, CTRL | SHIFT)
    assert ed.cell(0, "id") == "PX1"
    ed.key(Qt.Key.Key_Z, CTRL | SHIFT)
    ed.key(Qt.Key.Key_Z, CTRL | SHIFT)
    assert "PX1" not in [r.text("id") for r in ed.draft.rows]
    ed.key(Qt.Key.Key_Z, CTRL, times=3)
    assert [r.text("id") for r in ed.draft.rows] == ids
    assert not ed.draft.dirty


def test_the_paste_preview_lists_every_row_not_understood_and_inserts_only_when_accepted(
    make_editor: Callable[[StageDraft], Ed],
) -> None:
    ed = make_editor(StageDraft.open(resource("stages", "mille-miglia-day1.stage.toml")))
    before = list(ed.draft.rows)
    QGuiApplication.clipboard().setText(ROADBOOK)
    ed.key(Qt.Key.Key_V, CTRL)
    dialog = ed.editor.paste_dialog
    assert dialog is not None and dialog.isVisible()
    assert ed.draft.rows == before  # nothing inserted yet
    assert dialog.sections_table.rowCount() == 3
    refused = [
        (dialog.refused_table.item(r, 0).text(), dialog.refused_table.item(r, 1).text())
        for r in range(dialog.refused_table.rowCount())
    ]
    assert [line for line, _ in refused] == ["1", "2", "6"]
    assert refused[1][1] == "column headers, not a section"
    assert refused[2][1].startswith("PC13:")
    assert "3 rows not understood" in dialog.summary.text()
    ed.qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # refused: nothing goes in
    assert not dialog.isVisible()
    assert ed.draft.rows == before

    ed.key(Qt.Key.Key_V, CTRL)
    dialog = ed.editor.paste_dialog
    assert dialog is not None and dialog.isVisible()
    ed.qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Insert 3 sections (the default button)
    assert [r.text("id") for r in ed.draft.rows[1:4]] == ["PC12", "CO4", "PM3"]
    assert ed.cell(1, "targets") == "15.00 6.00"
    assert ed.editor.current() == (1, COL["id"])
    ed.key(Qt.Key.Key_Z, CTRL)  # one paste, one undo
    assert ed.draft.rows == before


def test_closing_with_changes_asks(make_editor: Callable[[StageDraft], Ed]) -> None:
    ed = make_editor(StageDraft.new())
    ed.type("PC9")
    ed.key(Qt.Key.Key_Return)
    ed.qtbot.keyClicks(ed.editor.terms.name_edit, "Day")
    ed.answers[:] = ["cancel"]
    ed.editor.close()
    assert ed.editor.isVisible() and ed.asked == ["the new stage"]
    ed.answers[:] = ["save"]
    ed.editor.close()
    assert not ed.editor.isVisible()
    assert [s.id for s in load_stage(ed.save_path).sections] == ["PC9"]


def test_the_rule_set_is_picked_from_a_list_of_builtins_and_files(
    make_editor: Callable[[StageDraft], Ed], tmp_path: Path
) -> None:
    path = tmp_path / "day2.stage.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    shutil.copy(resource("rules", "tsd-cscc.rules.toml"), tmp_path / "ours.rules.toml")
    ed = make_editor(StageDraft.open(path))
    box = ed.editor.terms.rules_box
    items = [box.itemText(i) for i in range(box.count())]
    assert items[:2] == ["aci-2021", "mille-miglia"] and "ours.rules.toml" in items
    box.setFocus()
    ed.key(Qt.Key.Key_A, CTRL)
    ed.type("ours.rules.toml")
    ed.key(Qt.Key.Key_Return)
    assert ed.draft.rules == "ours.rules.toml"
    ed.editor.terms.gps_box.setFocus()
    ed.key(Qt.Key.Key_Space)  # GPS not allowed
    assert not ed.draft.gps_allowed
    ed.key(Qt.Key.Key_S, CTRL)
    text = path.read_text(encoding="utf-8")
    assert 'rules = "ours.rules.toml"' in text and "gps = false" in text
    assert "# the organiser calls it" in text and "# card!" in text
    stage = load_stage(path)
    assert stage.rules == "ours.rules.toml" and not stage.gps_allowed


def test_file_edit_stage_opens_the_open_stage_and_saving_keeps_its_comments(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "day2.stage.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    window = stage_window(qtbot, fake_clock(), own_settings(tmp_path))
    assert window.open_path(path, tmp_path / "run.mmlog")
    window.show()
    window.edit_stage_action.trigger()
    assert len(window.editor_windows) == 1
    editor = window.editor_windows[0]
    assert isinstance(editor, StageEditor)
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    editor.table.setFocus()
    ed = Ed(editor, qtbot, path)
    ed.key(Qt.Key.Key_Down)
    ed.key(Qt.Key.Key_Tab, times=2)
    assert ed.at() == (1, "due")
    ed.type("10,43")  # not a time: refused, in the loader's words
    assert ed.editor.typing_message() is not None
    ed.key(Qt.Key.Key_Backspace, times=3)
    ed.type(".43")
    assert ed.editor.typing_message() is None
    ed.key(Qt.Key.Key_Return)
    ed.key(Qt.Key.Key_S, CTRL)
    text = path.read_text(encoding="utf-8")
    assert 'due = "10:43"     # card!' in text
    assert text.replace('"10:43"', '"10:42"') == COMMENTED
    window.new_stage_action.trigger()
    assert len(window.editor_windows) == 2
    new = window.editor_windows[1]
    assert isinstance(new, StageEditor)
    qtbot.waitExposed(new)
    new.activateWindow()
    qtbot.waitUntil(new.isActiveWindow, timeout=2000)
    new.table.setFocus()
    ed = Ed(new, qtbot, tmp_path / "new.stage.toml")
    ed.type("P")  # a change, not saved
    ed.key(Qt.Key.Key_Return)
    assert new.draft.dirty
    asked: list[str] = []

    def cancel(parent: QWidget, name: str) -> SaveAnswer:
        asked.append(name)
        return "cancel"

    new.ask_save = cancel
    window.close()  # quitting asks about the editor's changes first, and Cancel keeps both
    assert asked == ["the new stage"]
    assert window.isVisible() and new.isVisible()
    new.ask_save = lambda parent, name: "discard"
    window.close()
    assert not window.isVisible()


def editor_of(window: StageWindow, qtbot: QtBot, path: Path) -> Ed:
    window.edit_stage_action.trigger()
    editor = window.editor_windows[-1]
    assert isinstance(editor, StageEditor)
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    editor.table.setFocus()
    ed = Ed(editor, qtbot, path)
    editor.warn = lambda parent, title, text: ed.warnings.append(text)
    editor.ask_save = lambda parent, name: "discard"
    return ed


def test_the_stage_window_opens_again_a_stage_the_editor_saved_until_its_log_starts(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "day2.stage.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    log = tmp_path / "run.mmlog"
    clock = fake_clock()
    window = stage_window(qtbot, clock, own_settings(tmp_path))
    assert window.open_path(path, log)
    window.show()
    before = window.live
    assert before is not None and not before.started
    ed = editor_of(window, qtbot, path)
    ed.key(Qt.Key.Key_Down)
    ed.key(Qt.Key.Key_Tab, times=2)
    assert ed.at() == (1, "due")
    ed.type("10.43")
    ed.key(Qt.Key.Key_Return)
    ed.key(Qt.Key.Key_S, CTRL)
    live = window.live
    assert live is not None and live is not before  # opened again, in its place
    control = live.stage.sections[1]
    assert isinstance(control, TimeControl) and control.due_ms == 10 * 3_600_000 + 43 * 60_000
    assert live.log_path == log and not log.exists()  # the same log, still not begun
    assert window.opened_path == path
    assert "saved and opened again" in window.statusBar().currentMessage()

    live.press(clock.now_ns(), "test")  # the log starts
    assert live.started and log.exists()
    ed.key(Qt.Key.Key_Home)
    ed.key(Qt.Key.Key_Up)
    assert ed.at() == (0, "id")
    ed.type("PX1")
    ed.key(Qt.Key.Key_Return)
    ed.key(Qt.Key.Key_S, CTRL)
    assert load_stage(path).sections[0].id == "PX1"  # saved...
    assert window.live is live and live.stage.sections[0].id != "PX1"  # ...not swapped in
    assert "applies from the next start" in window.statusBar().currentMessage()
    header = log.read_text(encoding="utf-8").splitlines()[0]
    assert '"PX1"' not in header
    ed.editor.close()


def test_saving_another_stage_leaves_the_open_one_alone(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "day2.stage.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    window = stage_window(qtbot, fake_clock(), own_settings(tmp_path))
    assert window.open_path(path, tmp_path / "run.mmlog")
    window.show()
    before = window.live
    window.new_stage_action.trigger()
    new = window.editor_windows[-1]
    assert isinstance(new, StageEditor)
    qtbot.waitExposed(new)
    new.activateWindow()
    qtbot.waitUntil(new.isActiveWindow, timeout=2000)
    new.table.setFocus()
    new.ask_path = lambda parent, start: tmp_path / "other.stage.toml"
    ed = Ed(new, qtbot, tmp_path / "other.stage.toml")
    new.warn = lambda parent, title, text: ed.warnings.append(text)
    new.ask_save = lambda parent, name: "discard"
    new.terms.name_edit.setFocus()
    qtbot.keyClicks(new.terms.name_edit, "Other day")
    new.table.setFocus()
    assert new.draft.name == "Other day"
    ed.type("PC7")
    ed.key(Qt.Key.Key_Return)
    ed.key(Qt.Key.Key_S, CTRL)
    assert ed.warnings == []
    assert (tmp_path / "other.stage.toml").exists()
    assert window.live is before
    new.close()


def test_legs_and_the_stages_max_late_are_typed_checked_undone_and_saved(
    make_editor: Callable[[StageDraft], Ed], tmp_path: Path
) -> None:
    path = tmp_path / "legs.stage.toml"
    path.write_text(WITH_LEGS, encoding="utf-8")
    ed = make_editor(StageDraft.open(path))
    editor = ed.editor
    assert editor.terms.max_late_edit.text() == "15"
    editor.terms.max_late_edit.setFocus()
    ed.key(Qt.Key.Key_A, CTRL)
    ed.type("15,5")
    try:
        parse_max_late_min("15,5", ("max_late_min",), Reader("x"))
    except InputError as error:
        says = error.message
    assert editor.terms.max_late_message() == says  # beside the field, as it is typed
    ed.key(Qt.Key.Key_Tab)
    assert ed.draft.max_late == "15,5"
    assert editor.stage_problem_label.text() == f"Max late (min): {says}"
    ed.key(Qt.Key.Key_Z, CTRL)
    assert ed.draft.max_late == "15" and editor.terms.max_late_edit.text() == "15"
    assert editor.terms.max_late_message() is None and not ed.draft.dirty
    editor.terms.max_late_edit.setFocus()
    ed.key(Qt.Key.Key_A, CTRL)
    ed.type("20")
    ed.key(Qt.Key.Key_Tab)
    assert ed.draft.max_late == "20"

    legs = editor.leg_model
    ed.key(Qt.Key.Key_L, CTRL)  # a leg, to type over
    assert legs.rowCount() == 2 and editor.leg_table.hasFocus()
    assert editor.leg_table.currentIndex().row() == 1
    ed.type("CO1")
    ed.key(Qt.Key.Key_Tab)
    ed.type("CO1")
    ed.key(Qt.Key.Key_Tab)
    ed.type("0,5")
    ed.key(Qt.Key.Key_Return)
    QApplication.processEvents()  # Enter in the legs' cells commits at the next turn of the loop
    assert ed.draft.legs[1][:3] == ("CO1", "CO1", "0,5")
    check = str(legs.data(legs.index(1, len(LEG_COLUMNS))))
    assert check == "CO1 is in this leg and has its own leg_factor: keep one of them"
    from_cell = legs.index(1, LEG_COLUMNS.index("from"))
    assert legs.data(from_cell, Qt.ItemDataRole.BackgroundRole).color() == REFUSED_BACKGROUND
    assert editor.stage_problem_label.text().startswith("Legs: leg 2: CO1 is in this leg")
    ed.key(Qt.Key.Key_L, CTRL | SHIFT)  # the leg goes again
    assert legs.rowCount() == 1 and editor.stage_problem_label.isHidden()
    ed.key(Qt.Key.Key_Z, CTRL)  # and comes back
    assert legs.rowCount() == 2
    ed.key(Qt.Key.Key_Z, CTRL, times=3)  # its factor and to typed (from was CO1), the leg added
    assert legs.rowCount() == 1 and ed.draft.max_late == "20"

    editor.leg_table.setFocus()
    editor.leg_table.setCurrentIndex(legs.index(0, LEG_COLUMNS.index("factor")))
    ed.type("0,25")
    ed.key(Qt.Key.Key_Return)
    QApplication.processEvents()
    assert ed.draft.legs == (("CO2", "CO3", "0,25", "concentration"),)
    assert str(legs.data(legs.index(0, len(LEG_COLUMNS)))) == "✓"
    ed.key(Qt.Key.Key_S, CTRL)
    assert ed.warnings == []
    stage = load_stage(path)
    assert stage.legs == (Leg("CO2", "CO3", Decimal("0.25"), "concentration"),)
    assert stage.max_late_min == 20
    text = path.read_text(encoding="utf-8")
    assert re.findall(r"#[^\n]*", text) == re.findall(r"#[^\n]*", WITH_LEGS)
    assert "*" not in editor.windowTitle()


# the offscreen platform cannot raise the rule sets' list or give it the keyboard (it works)
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_other_file_picks_a_rule_set_anywhere_and_the_stage_names_it_from_its_folder(
    make_editor: Callable[[StageDraft], Ed], tmp_path: Path
) -> None:
    stages, rules = tmp_path / "stages", tmp_path / "club"
    stages.mkdir()
    rules.mkdir()
    path = stages / "day2.stage.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    shutil.copy(resource("rules", "tsd-cscc.rules.toml"), rules / "club.rules.toml")
    ed = make_editor(StageDraft.open(path))
    asked: list[Path | None] = []

    def pick(parent: QWidget, start: Path | None) -> Path | None:
        asked.append(start)
        return rules / "club.rules.toml"

    ed.editor.ask_rules = pick
    box = ed.editor.terms.rules_box
    assert box.itemText(box.count() - 1) == "Other file…"
    assert "aci-2021" in [box.itemText(i) for i in range(box.count())]
    box.setFocus()
    ed.key(Qt.Key.Key_F4)  # the list opens
    popup = box.view()
    ed.qtbot.waitUntil(popup.isVisible, timeout=2000)
    ed.key(Qt.Key.Key_End)
    ed.key(Qt.Key.Key_Return)
    assert asked == [stages]  # the dialog starts in the stage's folder
    assert ed.draft.rules == "../club/club.rules.toml"
    assert box.currentText() == "../club/club.rules.toml"
    assert ed.editor.stage_problem_label.isHidden()  # the loader finds it
    ed.key(Qt.Key.Key_S, CTRL)
    assert ed.warnings == []
    assert 'rules = "../club/club.rules.toml"' in path.read_text(encoding="utf-8")
    stage = load_stage(path)
    assert load_rules(stage.rules, path.parent).id == load_rules("tsd-cscc").id
    ed.editor.table.setFocus()  # (in the rules' own line, Ctrl+Z undoes the typing there)
    ed.key(Qt.Key.Key_Z, CTRL)
    assert ed.draft.rules == "aci-2021" and box.currentText() == "aci-2021"

    # a new stage names the file by its full path, then from its folder once saved
    new = make_editor(StageDraft.new("Day 3"))
    new.editor.ask_rules = pick
    new.editor.terms.choose_rules_file()
    assert new.draft.rules == (rules / "club.rules.toml").as_posix()
    new.save_path = stages / "day3.stage.toml"
    new.key(Qt.Key.Key_S, CTRL)
    assert new.warnings == []
    assert load_stage(new.save_path).rules == "../club/club.rules.toml"
    assert new.draft.rules == "../club/club.rules.toml"


def test_alt_letters_reach_each_field_of_the_stage(make_editor: Callable[[StageDraft], Ed]) -> None:
    """Alt+N, Alt+R, Alt+T and Alt+L each reach their own field (Max late's letter was L, the
    legs' too: Alt+L went to one, then the other)."""
    ed = make_editor(StageDraft.new())
    editor = ed.editor
    for key, field_widget in (
        (Qt.Key.Key_N, editor.terms.name_edit),
        (Qt.Key.Key_T, editor.terms.max_late_edit),
        (Qt.Key.Key_L, editor.leg_table),
        (Qt.Key.Key_R, editor.terms.rules_box),
        (Qt.Key.Key_T, editor.terms.max_late_edit),
        (Qt.Key.Key_L, editor.leg_table),
    ):
        ed.key(key, ALT)
        focus = ed.focus()
        assert focus is field_widget or field_widget.isAncestorOf(focus), (key, focus)
