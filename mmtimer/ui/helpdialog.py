"""The keyboard help (F1), built from the window's own actions so it never goes stale."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mmtimer.ui.i18n import QT_TRANSLATE_NOOP, translate

MOUSE_ROWS = (  # shown through translate("KeyboardHelp", ...)
    (
        QT_TRANSLATE_NOOP("KeyboardHelp", "Click the pusher at 2 o'clock"),
        QT_TRANSLATE_NOOP("KeyboardHelp", "Start / stop the chronograph"),
    ),
    (
        QT_TRANSLATE_NOOP("KeyboardHelp", "Click the pusher at 4 o'clock"),
        QT_TRANSLATE_NOOP("KeyboardHelp", "Reset the chronograph (when stopped)"),
    ),
)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".")


def shortcut_rows(menubar: QMenuBar) -> list[tuple[str, str]]:
    """(keys, "Menu > Action") for every action in the menus that has a shortcut."""
    return [(keys, what) for _, keys, what in shortcut_actions(menubar)]


def shortcut_actions(menubar: QMenuBar) -> list[tuple[QAction, str, str]]:
    """(action, keys, "Menu > Action") for every action in the menus that has a shortcut, in
    menu order."""
    rows: list[tuple[QAction, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                walk(submenu, f"{path} > {_plain(action.text())}")
                continue
            keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
            keys = [k for k in keys if k]
            if keys and not action.isSeparator():
                rows.append((action, ", ".join(keys), f"{path} > {_plain(action.text())}"))

    for top in menubar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _plain(top.text()))
    return rows


Row = tuple[str, str]  # (keys, what they do)


def ordered_rows(
    menubar: QMenuBar,
    first: Sequence[QAction | Row] = (),
    last: Sequence[QAction] = (),
) -> list[Row]:
    """The menus' shortcuts with `first` at the top in that order (an action's row, or a row of
    its own such as a dialog's key), the actions `last` at the bottom, the rest in menu order."""
    found = shortcut_actions(menubar)
    by_action = {action: (keys, what) for action, keys, what in found}
    top = [
        item if isinstance(item, tuple) else by_action[item]
        for item in first
        if isinstance(item, tuple) or item in by_action
    ]
    bottom = [by_action[a] for a in last if a in by_action]
    placed = {a for a in first if isinstance(a, QAction)} | set(last)
    middle = [(keys, what) for action, keys, what in found if action not in placed]
    return top + middle + bottom


class KeyboardHelp(QDialog):
    """Every shortcut of the window, and what the pushers on the dial do. The stage window lists
    the keys that matter in the car first (`first`), the chronograph's last (`last`)."""

    def __init__(
        self,
        menubar: QMenuBar,
        parent: QWidget | None = None,
        *,
        extra_rows: tuple[tuple[str, str], ...] = (),
        note_text: str | None = None,
        mouse_rows: tuple[tuple[str, str], ...] = MOUSE_ROWS,
        first: Sequence[QAction | Row] = (),
        last: Sequence[QAction] = (),
    ) -> None:
        super().__init__(parent)
        # its texts are set once: opened again after a change of language, it speaks the new one
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        mouse = [
            (translate("KeyboardHelp", k), translate("KeyboardHelp", w)) for k, w in mouse_rows
        ]
        rows = ordered_rows(menubar, first, last) + mouse + list(extra_rows)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Does")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        note = QLabel(
            note_text
            or self.tr(
                "Space is kept for the timing line (coming with stages). The chronograph reads "
                "the clock the moment a key or pusher goes down."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def rows(self) -> list[tuple[str, str]]:
        out = []
        for row in range(self.table.rowCount()):
            keys, what = self.table.item(row, 0), self.table.item(row, 1)
            out.append((keys.text() if keys else "", what.text() if what else ""))
        return out


def action_text(action: QAction) -> str:
    """An action's text without its mnemonic ampersand."""
    return _plain(action.text())
