"""The stage editor window (File > New stage, File > Edit stage): a stage as a table, typed like a
spreadsheet, checked by the loader as it is typed, saved keeping the file's comments.

The model is `present.stageeditor.StageDraft` (Qt-free); here `StageTableModel` shows its rows
(one per section in driving order) and every change goes through a QUndoStack as a
`present.stageeditor.Edit` and its inverse. Cells a row's kind does not use are disabled, so Tab
skips them; a value refused is red, with the loader's message in the Check column beside it and,
while it is typed, under the cell being edited. The stage's own terms above the table (name,
rule set, maximum lateness, GPS) are ui/stageterms.py's.

Keys in the table: type to replace a cell (F2 to change it), Tab / Shift+Tab next / previous
cell, Enter the cell below (Enter in an editor keeps the value and goes down), arrows move (Up /
Down also out of an editor), Escape drops what was typed, Delete empties a cell; Ctrl+1 / Ctrl+2 /
Ctrl+3 add a timed trial / time control / average trial below, Ctrl+I inserts one of the current
row's kind above, Ctrl+Delete deletes the row, Alt+Up / Alt+Down move it; Ctrl+V pastes rows from
a road book (ui/pastepreview.py: a preview first); Ctrl+Z / Ctrl+Shift+Z undo and redo; Ctrl+S
saves. Closing with changes not saved asks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QCloseEvent,
    QColor,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mmtimer.core.roadbook import match_id, parse_roadbook
from mmtimer.core.stagerows import COLUMNS, Row
from mmtimer.present.stageeditor import (
    LEG_COLUMNS,
    Edit,
    InsertRows,
    MoveRow,
    RemoveRows,
    SaveError,
    SetLegs,
    SetTerms,
    StageDraft,
    rules_moved,
)
from mmtimer.ui.errors import error_shown, text_shown
from mmtimer.ui.facewindow import make_action
from mmtimer.ui.i18n import QT_TRANSLATE_NOOP, plural, translate
from mmtimer.ui.pastepreview import PastePreview
from mmtimer.ui.stageterms import StageTerms

STAGE_FILTER = QT_TRANSLATE_NOOP("StageEditor", "Stages (*.stage.toml);;All files (*)")
CHECK_COLUMN = len(COLUMNS)
"""The last column: the loader's message for the row."""
REFUSED_BACKGROUND = QColor("#f6d5d3")
REFUSED_TEXT = QColor("#a3231b")
UNUSED_TEXT = QColor("#9a9a9a")

SaveAnswer = Literal["save", "discard", "cancel"]
SaveAsker = Callable[[QWidget, str], SaveAnswer]
PathAsker = Callable[[QWidget, Path | None], Path | None]
RulesAsker = Callable[[QWidget, Path | None], Path | None]
"""Which rule-set file (a file dialog starting in the folder given); tests pass their own."""
Warner = Callable[[QWidget, str, str], None]
_Index = QModelIndex | QPersistentModelIndex


def ask_save_changes(parent: QWidget, name: str) -> SaveAnswer:
    """Save, discard or cancel (Escape cancels; the default saves)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("StageEditor", "Unsaved changes"))
    box.setText(QCoreApplication.translate("StageEditor", "Save the changes to {0}?").format(name))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def ask_stage_path(parent: QWidget, start: Path | None) -> Path | None:
    """Where to save a stage; a name without an extension gets ``.stage.toml``."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("StageEditor", "Save stage"),
        str(start or ""),
        translate("StageEditor", STAGE_FILTER),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.name.endswith(".toml") else path.with_name(path.name + ".stage.toml")


def warn_box(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


class StageTableModel(QAbstractTableModel):
    """The draft's rows as a table; every change is an undoable `Edit` on `stack`."""

    changed = Signal()
    """After any edit (the totals and the stage's own problem are to be shown again)."""

    def __init__(self, draft: StageDraft, stack: QUndoStack, parent: QObject | None = None):
        super().__init__(parent)
        self.draft = draft
        self.stack = stack
        self.titles = {
            "id": self.tr("Id"),
            "kind": self.tr("Kind"),
            "targets": self.tr("Targets (s)"),
            "from": self.tr("From"),
            "due": self.tr("Due"),
            "start": self.tr("Start"),
            "speeds": self.tr("Average km/h"),
            "checks": self.tr("Checks (km)"),
            "landmarks": self.tr("Landmarks (km label | …)"),
            "leg_factor": self.tr("Leg factor"),
            "max_late": self.tr("Max late (min)"),
        }

    # -- reading ---------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.draft.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS) + 1

    def column_name(self, column: int) -> str | None:
        return COLUMNS[column] if 0 <= column < len(COLUMNS) else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        name = self.column_name(section)
        return self.titles[name] if name else self.tr("Check")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, name = index.row(), self.column_name(index.column())
        if name is None:  # the Check column: the row's problem
            problem = self.draft.row_problem(row)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                if problem is None:
                    return "" if role == Qt.ItemDataRole.ToolTipRole else "✓"
                title = self.titles.get(problem.column or "", "")
                words = text_shown(problem.words())
                return f"{title}: {words}" if title else words
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(REFUSED_TEXT if problem else QColor("#2e7d32"))
            return None
        problem = self.draft.problem_in(row, name)
        refused = None if problem is None else text_shown(problem.words())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.draft.rows[row].text(name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return refused
        if role == Qt.ItemDataRole.BackgroundRole and refused:
            return QBrush(REFUSED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if refused:
                return QBrush(REFUSED_TEXT)
            if not self.draft.enabled(row, name):
                return QBrush(UNUSED_TEXT)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        name = self.column_name(index.column())
        if not index.isValid() or name is None or not self.draft.enabled(index.row(), name):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    # -- writing ---------------------------------------------------------------------------------
    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        name = self.column_name(index.column())
        if role != Qt.ItemDataRole.EditRole or name is None:
            return False
        edit = self.draft.cell_edit(index.row(), name, str(value))
        if edit is not None:
            title = self.titles[name]
            self.push(edit, self.tr("Type {0} in {1}").format(title, self.row_label(index.row())))
        return True

    def row_label(self, row: int) -> str:
        return self.draft.rows[row].text("id").strip() or self.tr("row {0}").format(row + 1)

    def push(self, edit: Edit, text: str) -> None:
        self.stack.push(EditCommand(self, edit, text))

    def apply(self, edit: Edit) -> Edit:
        """Make `edit` on the draft, telling the views; returns its inverse."""
        if isinstance(edit, InsertRows):
            self.beginInsertRows(QModelIndex(), edit.index, edit.index + len(edit.rows) - 1)
            undo = self.draft.apply(edit)
            self.endInsertRows()
        elif isinstance(edit, RemoveRows):
            self.beginRemoveRows(QModelIndex(), edit.index, edit.index + edit.count - 1)
            undo = self.draft.apply(edit)
            self.endRemoveRows()
        elif isinstance(edit, MoveRow):
            after = edit.target + 1 if edit.target > edit.source else edit.target
            self.beginMoveRows(QModelIndex(), edit.source, edit.source, QModelIndex(), after)
            undo = self.draft.apply(edit)
            self.endMoveRows()
        else:
            undo = self.draft.apply(edit)
        if self.draft.rows:  # any row's problem may change (a duplicate id, a kind)
            last = self.index(len(self.draft.rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.changed.emit()
        return undo


class LegTableModel(QAbstractTableModel):
    """The stage's legs (``[[leg]]``) as a table: from, to, factor, name, and the loader's
    message for the leg; every change is an undoable `SetLegs` through the sections' model."""

    def __init__(self, sections: StageTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sections = sections
        self.draft = sections.draft
        self.titles = {
            "from": self.tr("From section"),
            "to": self.tr("To section"),
            "factor": self.tr("Factor"),
            "name": self.tr("Name"),
        }
        self._shown = len(self.draft.legs)
        sections.changed.connect(self.refresh)

    def refresh(self) -> None:
        """After any edit: the legs may have changed, and so may their problems."""
        if len(self.draft.legs) != self._shown:
            self.beginResetModel()
            self._shown = len(self.draft.legs)
            self.endResetModel()
        elif self._shown:
            self.dataChanged.emit(self.index(0, 0), self.index(self._shown - 1, len(LEG_COLUMNS)))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LEG_COLUMNS) + 1

    def column_name(self, column: int) -> str | None:
        return LEG_COLUMNS[column] if 0 <= column < len(LEG_COLUMNS) else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.tr("Leg {0}").format(section + 1)
        name = self.column_name(section)
        return self.titles[name] if name else self.tr("Check")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.draft.legs):
            return None
        row, name = index.row(), self.column_name(index.column())
        if name is None:
            terms = self.draft.terms()
            problems = terms.leg_problems
            problem = problems[row] if row < len(problems) else None
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                if problem is None:
                    # the loader stops at a leg refused: the legs after it are not checked yet
                    bad = [number for number, p in enumerate(problems) if p is not None]
                    checked = terms.legs is not None or (bad != [] and row < bad[0])
                    if role == Qt.ItemDataRole.ToolTipRole:
                        return "" if checked else self.tr("checked once the rows above check")
                    return "✓" if checked else "…"
                title = self.titles.get(problem.column or "", "")
                words = text_shown(problem.words())
                return f"{title}: {words}" if title else words
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(REFUSED_TEXT if problem else QColor("#2e7d32"))
            return None
        problem = self.draft.leg_problem_in(row, name)
        refused = None if problem is None else text_shown(problem.words())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.draft.legs[row][LEG_COLUMNS.index(name)]
        if role == Qt.ItemDataRole.ToolTipRole:
            return refused
        if role == Qt.ItemDataRole.BackgroundRole and refused:
            return QBrush(REFUSED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and refused:
            return QBrush(REFUSED_TEXT)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid() or self.column_name(index.column()) is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        name = self.column_name(index.column())
        if role != Qt.ItemDataRole.EditRole or name is None or not index.isValid():
            return False
        edit = self.draft.leg_edit(index.row(), name, str(value))
        if edit is not None:
            text = self.tr("Type {0} of leg {1}").format(self.titles[name], index.row() + 1)
            self.sections.push(edit, text)
        return True


class LegTable(QTableView):
    """The legs' table: Delete empties a cell, Enter goes down, as in the sections' table."""

    def __init__(self, editor_window: StageEditor) -> None:
        super().__init__(editor_window)
        self.owner = editor_window

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and plain == Qt.KeyboardModifier.NoModifier:
            index = self.currentIndex()
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and index.isValid():
                self.model().setData(index, "")
                return
        super().keyPressEvent(event)


class EditCommand(QUndoCommand):
    """One edit and its inverse, for the undo stack."""

    def __init__(self, model: StageTableModel, edit: Edit, text: str) -> None:
        super().__init__(text)
        self.model = model
        self.forward: Edit = edit
        self.backward: Edit | None = None

    def redo(self) -> None:
        self.backward = self.model.apply(self.forward)

    def undo(self) -> None:
        if self.backward is not None:
            self.forward = self.model.apply(self.backward)


class CellDelegate(QStyledItemDelegate):
    """A line editor per cell that moves like a spreadsheet's: Enter keeps the value and goes
    down, Up and Down keep it and go up or down; the value is checked at every key."""

    def __init__(self, editor_window: StageEditor) -> None:
        super().__init__(editor_window.table)
        self.owner = editor_window

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        row, column = index.row(), index.column()
        editor.textEdited.connect(lambda text: self.owner.show_typing(row, column, text))
        return editor

    def destroyEditor(self, editor: QWidget, index: _Index) -> None:
        self.owner.hide_typing()
        super().destroyEditor(editor, index)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if isinstance(editor, QLineEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if plain == Qt.KeyboardModifier.NoModifier:
                step = {Qt.Key.Key_Return: 1, Qt.Key.Key_Enter: 1, Qt.Key.Key_Down: 1}.get(
                    Qt.Key(key), -1 if key == Qt.Key.Key_Up else 0
                )
                if step:
                    self.commitData.emit(editor)
                    self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                    self.owner.move_vertically(step)
                    return True
        return super().eventFilter(editor, event)


class EditorTable(QTableView):
    """The table: spreadsheet keys when no cell is being edited."""

    def __init__(self, editor_window: StageEditor) -> None:
        super().__init__(editor_window)
        self.owner = editor_window

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and plain == Qt.KeyboardModifier.NoModifier:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.owner.move_vertically(1)
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.owner.clear_cell()
                return
        if not editing and event.matches(QKeySequence.StandardKey.Paste):
            self.owner.paste()
            return
        super().keyPressEvent(event)


class StageEditor(QMainWindow):
    """A stage being written: its name, rule set and GPS term above, its sections below."""

    saved = Signal(Path)

    def __init__(
        self,
        draft: StageDraft | None = None,
        parent: QWidget | None = None,
        *,
        ask_save: SaveAsker | None = None,
        ask_path: PathAsker | None = None,
        warn: Warner | None = None,
        ask_rules: RulesAsker | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.draft = draft if draft is not None else StageDraft.new()
        self.ask_save: SaveAsker = ask_save or ask_save_changes
        self.ask_path: PathAsker = ask_path or ask_stage_path
        self.warn: Warner = warn or warn_box
        self.ask_rules: RulesAsker = ask_rules or (
            lambda parent, start: self.terms.ask_rules_file(start)
        )
        self.paste_dialog: PastePreview | None = None
        self.stack = QUndoStack(self)
        self.model = StageTableModel(self.draft, self.stack, self)

        # -- the stage's own terms: name, rule set, max late, GPS (ui/stageterms.py) ----------
        self.terms = StageTerms(self, REFUSED_TEXT)
        self.stage_problem_label = QLabel()
        self.stage_problem_label.setStyleSheet(f"color: {REFUSED_TEXT.name()};")
        self.stage_problem_label.setWordWrap(True)

        # -- the table -----------------------------------------------------------------------------
        self.table = EditorTable(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellDelegate(self))
        self.table.setTabKeyNavigation(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # A row is as tall as its Check message needs (the loader's words in full).
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setMinimumSectionSize(max(26, rows.minimumSectionSize()))
        self.table.setWordWrap(True)
        for column, width in zip(
            range(len(COLUMNS)), (64, 96, 130, 70, 70, 80, 130, 130, 200, 76, 96), strict=True
        ):
            self.table.setColumnWidth(column, width)
        self.typing_label = QLabel(self.table.viewport())
        self.typing_label.setStyleSheet(
            f"QLabel {{ background: #fff4f3; color: {REFUSED_TEXT.name()};"
            f" border: 1px solid {REFUSED_TEXT.name()}; padding: 2px 6px; }}"
        )
        self.typing_label.setWordWrap(True)
        self.typing_label.hide()
        self.totals_label = QLabel()

        # -- the legs ------------------------------------------------------------------------------
        self.leg_model = LegTableModel(self.model, self)
        self.leg_table = LegTable(self)
        self.leg_table.setModel(self.leg_model)
        self.leg_table.setTabKeyNavigation(True)
        self.leg_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.leg_table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.leg_table.horizontalHeader().setStretchLastSection(True)
        for column, width in zip(range(len(LEG_COLUMNS)), (110, 110, 70, 180), strict=True):
            self.leg_table.setColumnWidth(column, width)
        self.leg_table.setMaximumHeight(130)
        legs_label = QLabel(
            self.tr(
                "&Legs: the time controls from one section to another take the factor "
                "(Ctrl+L adds a leg, Ctrl+Shift+L deletes it)"
            )
        )
        legs_label.setBuddy(self.leg_table)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(self.terms.row)
        layout.addWidget(self.stage_problem_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(legs_label)
        layout.addWidget(self.leg_table)
        layout.addWidget(self.totals_label)
        self.setCentralWidget(central)

        self._make_actions()
        self.terms.fill_rules()
        self.terms.gps_box.setChecked(self.draft.gps_allowed)
        self.terms.connect_signals()
        self.model.changed.connect(self._on_changed)
        self.resize(1400, 620)
        self._on_changed()
        self.table.setFocus()
        if self.draft.rows:
            self.table.setCurrentIndex(self.model.index(0, 0))

    # -- actions ---------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        def action(text: str, slot: Callable[[], object], *keys: str) -> QAction:
            act = make_action(self, text, *keys)
            act.triggered.connect(lambda _=False: slot())
            return act

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.save_action = action(self.tr("&Save"), self.save, "Ctrl+S")
        self.save_as_action = action(self.tr("Save &as…"), self.save_as, "Ctrl+Shift+S")
        self.close_action = action(self.tr("&Close"), self.close, "Ctrl+W")
        for act in (self.save_action, self.save_as_action, self.close_action):
            file_menu.addAction(act)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.paste_action = action(self.tr("&Paste from the road book…"), self.paste)
        self.paste_action.setShortcut(QKeySequence("Ctrl+V"))
        for act in (self.undo_action, self.redo_action, self.paste_action):
            edit_menu.addAction(act)
        section_menu = self.menuBar().addMenu(self.tr("&Section"))
        self.add_actions = {
            "timed": action(self.tr("Add a &timed trial"), lambda: self.add("timed"), "Ctrl+1"),
            "time-control": action(
                self.tr("Add a time &control"), lambda: self.add("time-control"), "Ctrl+2"
            ),
            "average": action(
                self.tr("Add an &average trial"), lambda: self.add("average"), "Ctrl+3"
            ),
        }
        self.insert_action = action(self.tr("&Insert above"), self.insert_above, "Ctrl+I")
        self.delete_action = action(self.tr("&Delete the row"), self.delete_row, "Ctrl+Delete")
        self.up_action = action(self.tr("Move &up"), lambda: self.move_row(-1), "Alt+Up")
        self.down_action = action(self.tr("Move do&wn"), lambda: self.move_row(1), "Alt+Down")
        for act in (*self.add_actions.values(), self.insert_action):
            section_menu.addAction(act)
        section_menu.addSeparator()
        for act in (self.delete_action, self.up_action, self.down_action):
            section_menu.addAction(act)
        section_menu.addSeparator()
        self.add_leg_action = action(self.tr("Add a &leg"), self.add_leg, "Ctrl+L")
        self.delete_leg_action = action(self.tr("Delete the l&eg"), self.delete_leg, "Ctrl+Shift+L")
        for act in (self.add_leg_action, self.delete_leg_action):
            section_menu.addAction(act)
        for act in (self.undo_action, self.redo_action):
            self.addAction(act)  # the shortcuts work wherever the focus is in the window

    def _on_changed(self) -> None:
        """After every edit (and its undo): the terms shown, the stage's problem, the totals."""
        self.terms.show_draft()
        problem = self.draft.stage_problem()
        terms = {
            "name": self.tr("Name"),
            "rules": self.tr("Rules"),
            "max_late_min": self.tr("Max late (min)"),
            "leg": self.tr("Legs"),
        }
        where = terms.get(problem.column or "", problem.column) if problem else None
        message = text_shown(problem.words()) if problem else ""
        self.stage_problem_label.setText(f"{where}: {message}" if where else message)
        self.stage_problem_label.setVisible(problem is not None)
        self.totals_label.setText(self.totals_text())
        self._show_title()

    def totals_text(self) -> str:
        totals = self.draft.totals()
        texts = [
            plural(self.tr("%n section(s)", "", totals.sections), totals.sections),
            plural(self.tr("%n line(s)", "", totals.lines), totals.lines),
            plural(self.tr("%n trial(s)", "", totals.trials), totals.trials),
            plural(self.tr("%n time control(s)", "", totals.controls), totals.controls),
        ]
        if totals.first_due is not None:
            texts.append(self.tr("first due {0}").format(totals.first_due))
            texts.append(self.tr("last due {0}").format(totals.last_due))
        if totals.problems:
            texts.append(
                plural(self.tr("%n row(s) to put right", "", totals.problems), totals.problems)
            )
        return " · ".join(texts)

    def _show_title(self) -> None:
        where = self.draft.path.name if self.draft.path else self.tr("new stage")
        mark = "*" if self.draft.dirty else ""
        self.setWindowTitle(self.tr("{0}{1} - mmtimer stage editor").format(where, mark))

    # -- moving and typing -----------------------------------------------------------------------
    def current(self) -> tuple[int, int]:
        index = self.table.currentIndex()
        return (index.row(), index.column()) if index.isValid() else (-1, 0)

    def go_to(self, row: int, column: int) -> None:
        if not self.draft.rows:
            return
        row = max(0, min(row, len(self.draft.rows) - 1))
        index = self.model.index(row, column)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def move_vertically(self, step: int) -> None:
        """The cell above or below (Enter, Up, Down); past a disabled cell to the next row's."""
        row, column = self.current()
        target = row + step
        while 0 <= target < len(self.draft.rows):
            if self.model.flags(self.model.index(target, column)) & Qt.ItemFlag.ItemIsEnabled:
                self.go_to(target, column)
                return
            target += step

    def show_typing(self, row: int, column: int, text: str) -> None:
        """The loader's word on `text` while it is typed, just under the cell."""
        name = self.model.column_name(column)
        if name is None or row >= len(self.draft.rows):
            return
        problem = self.draft.preview(row, name, text)
        if problem is None:
            self.hide_typing()
            return
        title = self.model.titles.get(problem.column or "", "")
        words = text_shown(problem.words())
        message = words if problem.column == name else f"{title}: {words}"
        self.typing_label.setText(message)
        rect = self.table.visualRect(self.model.index(row, column))
        self.typing_label.setMaximumWidth(max(260, self.table.viewport().width() - rect.left()))
        self.typing_label.adjustSize()
        below = QPoint(rect.left(), rect.bottom() + 2)
        if below.y() + self.typing_label.height() > self.table.viewport().height():
            below.setY(rect.top() - self.typing_label.height() - 2)
        self.typing_label.move(below)
        self.typing_label.show()
        self.typing_label.raise_()

    def hide_typing(self) -> None:
        self.typing_label.hide()

    def typing_message(self) -> str | None:
        """What the label under the cell being typed says (None: nothing refused)."""
        return self.typing_label.text() if self.typing_label.isVisible() else None

    def clear_cell(self) -> None:
        index = self.table.currentIndex()
        if index.isValid() and self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.model.setData(index, "")

    # -- rows ------------------------------------------------------------------------------------
    def add(self, kind: str) -> None:
        """A row of `kind` (its template) below the current one, or at the end."""
        row, _ = self.current()
        at = row + 1 if row >= 0 else len(self.draft.rows)
        template = self.draft.template(kind)
        self.model.push(InsertRows(at, (template,)), self.tr("Add {0}").format(template.text("id")))
        self.go_to(at, COLUMNS.index("id"))

    def insert_above(self) -> None:
        row, _ = self.current()
        at = max(row, 0)
        kind = (self.draft.rows[row].kind if row >= 0 else None) or "timed"
        template = self.draft.template(kind)
        self.model.push(
            InsertRows(at, (template,)), self.tr("Insert {0}").format(template.text("id"))
        )
        self.go_to(at, COLUMNS.index("id"))

    def delete_row(self) -> None:
        row, column = self.current()
        if row < 0:
            return
        self.model.push(RemoveRows(row, 1), self.tr("Delete {0}").format(self.model.row_label(row)))
        self.go_to(min(row, len(self.draft.rows) - 1), column)

    def move_row(self, step: int) -> None:
        row, column = self.current()
        target = row + step
        if row < 0 or not 0 <= target < len(self.draft.rows):
            return
        label = self.model.row_label(row)
        self.model.push(MoveRow(row, target), self.tr("Move {0}").format(label))
        self.go_to(target, column)

    def add_leg(self) -> None:
        """Ctrl+L: a leg below the current one (or at the end), to type over; the focus goes to
        its first cell."""
        index = self.leg_table.currentIndex()
        at = index.row() + 1 if index.isValid() else len(self.draft.legs)
        self.model.push(self.draft.new_leg(at), self.tr("Add leg {0}").format(at + 1))
        self.leg_table.setFocus()
        self.leg_table.setCurrentIndex(self.leg_model.index(at, 0))

    def delete_leg(self) -> None:
        """Ctrl+Shift+L: the current leg goes."""
        index = self.leg_table.currentIndex()
        row = index.row() if index.isValid() else len(self.draft.legs) - 1
        if not 0 <= row < len(self.draft.legs):
            return
        legs = self.draft.legs[:row] + self.draft.legs[row + 1 :]
        self.model.push(SetLegs(legs), self.tr("Delete leg {0}").format(row + 1))
        if legs:
            self.leg_table.setCurrentIndex(self.leg_model.index(min(row, len(legs) - 1), 0))

    def insert_rows(self, rows: tuple[Row, ...], text: str) -> None:
        row, _ = self.current()
        at = row + 1 if row >= 0 else len(self.draft.rows)
        self.model.push(InsertRows(at, rows), text)
        self.go_to(at, COLUMNS.index("id"))

    # -- paste -----------------------------------------------------------------------------------
    def paste(self, text: str | None = None) -> None:
        """Ctrl+V: rows from a road book go through a preview (nothing is inserted before it is
        accepted); a single value with no section id goes into the current cell."""
        if text is None:
            text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.statusBar().showMessage(self.tr("Nothing to paste"), 5000)
            return
        one_value = "\n" not in text.strip() and "\t" not in text
        if one_value and match_id(text.strip()) is None:
            index = self.table.currentIndex()
            if index.isValid() and self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                self.model.setData(index, text.strip())
            return
        parsed = parse_roadbook(text)
        taken = {row.text("id").strip() for row in self.draft.rows}
        dialog = PastePreview(parsed, taken, self)
        dialog.accepted.connect(lambda: self._insert_pasted(dialog))
        self.paste_dialog = dialog
        dialog.open()

    def _insert_pasted(self, dialog: PastePreview) -> None:
        rows = self.draft.pasted_rows(dialog.parsed)
        if rows:
            self.insert_rows(rows, self.tr("Paste {0} sections").format(len(rows)))
        self.statusBar().showMessage(
            self.tr("{0} sections pasted from the road book").format(len(rows)), 8000
        )

    # -- saving and closing ----------------------------------------------------------------------
    def save(self) -> bool:
        if self.draft.path is None:
            return self.save_as()
        return self._save_to(self.draft.path)

    def save_as(self) -> bool:
        path = self.ask_path(self, self.draft.path)
        return False if path is None else self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        self.terms.take_typed()  # a name or a max late still being typed counts
        moved = rules_moved(self.draft.rules, self.draft.base_dir, path.parent)
        if moved != self.draft.rules:  # a rule-set file named again from where the stage goes
            self.model.push(SetTerms(rules=moved), self.tr("Rule set {0}").format(moved))
        try:
            self.draft.save(path)
        except SaveError as error:
            why = error_shown(error)
            self.warn(self, self.tr("Stage not saved"), self.tr("Not saved: {0}").format(why))
            self.statusBar().showMessage(self.tr("Not saved: {0}").format(why), 15_000)
            return False
        self.stack.setClean()
        self.terms.fill_rules()
        self._show_title()
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 8000)
        self.saved.emit(path)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.terms.take_typed()
        if self.draft.dirty:
            name = self.draft.path.name if self.draft.path else self.tr("the new stage")
            answer = self.ask_save(self, name)
            if answer == "cancel" or (answer == "save" and not self.save()):
                event.ignore()
                return
        event.accept()


def open_editor(parent: QWidget, path: Path | None = None) -> StageEditor | None:
    """A stage editor on the file at `path` (a new stage without one); None (after a warning)
    when the file does not load."""
    from mmtimer.core.errors import InputError  # noqa: PLC0415

    try:
        draft = StageDraft.open(path) if path is not None else StageDraft.new()
    except InputError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("StageEditor", "Cannot edit the stage"),
            error_shown(error),
        )
        return None
    editor = StageEditor(draft, parent)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    editor.show()
    return editor
