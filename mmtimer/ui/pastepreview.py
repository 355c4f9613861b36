"""The paste preview: rows pasted from a road book, as `core.roadbook` understood them, before
anything goes into the stage editor.

Two lists: the sections understood (line, id, kind, values, and the cells left out such as a
place name), and every row not understood with its line and why (blank lines are not listed).
Nothing is inserted until the navigator accepts; when some rows were not understood the dialog
says so above the lists, and Insert then names how many sections go in.
"""

from __future__ import annotations

from collections.abc import Set

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mmtimer.core.roadbook import Parsed
from mmtimer.core.stage import section_kind_name
from mmtimer.present.stageeditor import describe_section


class PastePreview(QDialog):
    """What a pasted table gave; accept to insert its sections, Escape to insert nothing."""

    def __init__(self, parsed: Parsed, taken_ids: Set[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.parsed = parsed
        self.setWindowTitle(self.tr("Paste from the road book"))
        sections = parsed.sections
        refused = [row for row in parsed.not_understood if row.text.strip()]
        self.refused = refused
        layout = QVBoxLayout(self)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        if refused:
            self.summary.setText(
                self.tr(
                    "{0} sections understood; {1} rows not understood (below). Nothing is "
                    "inserted until you accept: the rows not understood are left out."
                ).format(len(sections), len(refused))
            )
            self.summary.setStyleSheet("color: #a3231b; font-weight: bold;")
        else:
            self.summary.setText(
                self.tr("{0} sections understood, every row.").format(len(sections))
            )
        layout.addWidget(self.summary)

        layout.addWidget(QLabel(self.tr("Sections to insert")))
        self.sections_table = QTableWidget(len(sections), 5)
        self.sections_table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Id"), self.tr("Kind"), self.tr("Values"), self.tr("Notes")]
        )
        clash = self.tr("id already in the stage")
        for row, pasted in enumerate(sections):
            notes = list(pasted.notes)
            if pasted.section.id in taken_ids:
                notes.insert(0, clash)
            cells = (
                str(pasted.line),
                pasted.section.id,
                section_kind_name(pasted.section),
                describe_section(pasted.section),
                "; ".join(notes),
            )
            for column, text in enumerate(cells):
                self.sections_table.setItem(row, column, QTableWidgetItem(text))
        self._fit(self.sections_table)
        layout.addWidget(self.sections_table, 2)

        self.refused_label = QLabel(self.tr("Rows not understood (not inserted)"))
        layout.addWidget(self.refused_label)
        self.refused_table = QTableWidget(len(refused), 3)
        self.refused_table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Why"), self.tr("Row as pasted")]
        )
        for row, item in enumerate(refused):
            for column, text in enumerate((str(item.line), item.reason, item.text.strip())):
                self.refused_table.setItem(row, column, QTableWidgetItem(text))
        self._fit(self.refused_table)
        self.refused_label.setVisible(bool(refused))
        self.refused_table.setVisible(bool(refused))
        layout.addWidget(self.refused_table, 2)

        buttons = QDialogButtonBox()
        self.insert_button = buttons.addButton(
            self.tr("&Insert {0} sections").format(len(sections)),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.insert_button.setEnabled(bool(sections))
        self.insert_button.setDefault(bool(sections))
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(980, 600)

    @staticmethod
    def _fit(table: QTableWidget) -> None:
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        table.horizontalHeader().setStretchLastSection(True)
