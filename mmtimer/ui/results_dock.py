"""The results table as a dock for stage mode: updated after each press, sortable, copyable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QHeaderView, QTableView, QWidget

from mmtimer.core.results import StageResult
from mmtimer.ui.i18n import retranslated
from mmtimer.ui.results_model import ResultsModel, ResultsSortProxy, copy_rows


def results_table(model: ResultsModel, parent: QWidget | None = None) -> QTableView:
    """A table view over `model`, sortable (driving order until a header is clicked)."""
    proxy = ResultsSortProxy(parent)
    proxy.setSourceModel(model)
    table = QTableView(parent)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setResizeContentsPrecision(100)
    model.modelReset.connect(table.resizeColumnsToContents)
    return table


class ResultsDock(QDockWidget):
    """The stage's results so far. Hidden by default: while hidden it is not updated (nothing
    on the press path), and it catches up when shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("results-dock")
        self.model = ResultsModel(self)
        self.table = results_table(self.model, self)
        self.setWidget(self.table)
        self.copy_action = QAction(self.table)
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(lambda: copy_rows(self.table))
        self.table.addAction(self.copy_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._pending: tuple[StageResult | None, str, tuple[str, int] | None] = (None, "", None)
        self.visibilityChanged.connect(self._on_visibility)
        retranslated(self, self.retranslate)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Results"))
        self.copy_action.setText(self.tr("&Copy rows"))
        self.model.retranslate()

    def set_result(
        self,
        result: StageResult | None,
        total_label: str = "Total",
        current: tuple[str, int] | None = None,
    ) -> None:
        """Show `result` ("So far" while the stage is driven); `current`: the line to mark."""
        self._pending = (result, total_label, current)
        if self.isVisible():
            self._show_pending()

    def _show_pending(self) -> None:
        result, label, current = self._pending
        self.model.set_result(result, total_label=label)
        self.model.set_current(current)

    def _on_visibility(self, visible: bool) -> None:
        if visible:
            self._show_pending()
