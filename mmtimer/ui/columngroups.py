"""A line above a results table that names each compared run once, over its own columns.

With two runs in one table the column titles stay short ("Dev.", "Pen.") and the runs' names,
which are long ("#112 mille-miglia-day1"), are written once above the columns they own. The line
follows the header: columns resized, moved or scrolled sideways move their group's name too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

Groups = list[tuple[str, int, int]]  # name, first and last column (model columns)


class ColumnGroups(QWidget):
    """The run names over their columns of `table`; `groups()` says which (empty: hidden)."""

    def __init__(self, table: QTableView, groups: Callable[[], Groups], parent: QWidget) -> None:
        super().__init__(parent)
        self._table = table
        self._groups = groups
        self.setFixedHeight(self.fontMetrics().height() + 6)
        header = table.horizontalHeader()
        header.sectionResized.connect(self.update)
        header.sectionMoved.connect(self.update)
        header.geometriesChanged.connect(self.update)
        table.horizontalScrollBar().valueChanged.connect(self.update)

    def refresh(self) -> None:
        """Show or hide the line as the table compares two runs or not."""
        self.setVisible(bool(self._groups()))
        self.update()

    def spans(self) -> list[tuple[str, QRect]]:
        """Each group's name and where it is written (this widget's coordinates)."""
        header = self._table.horizontalHeader()
        box = self.parentWidget()  # the table's viewport and this line share it
        assert box is not None
        offset = self._table.viewport().mapTo(box, QPoint(0, 0)).x() - self.x()
        model = self._table.model()
        out = []
        for name, first, last in self._groups():
            visible = [
                c
                for c in range(first, last + 1)
                if c < model.columnCount() and not header.isSectionHidden(c)
            ]
            if not visible:
                continue
            left = min(header.sectionViewportPosition(c) for c in visible)
            right = max(header.sectionViewportPosition(c) + header.sectionSize(c) for c in visible)
            out.append((name, QRect(offset + left, 0, right - left, self.height())))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        metrics = self.fontMetrics()
        for name, rect in self.spans():
            box = rect.adjusted(1, 1, -1, -1)
            painter.fillRect(box, palette.color(QPalette.ColorRole.Button))
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.drawRect(box.adjusted(0, 0, -1, -1))
            painter.setPen(palette.color(QPalette.ColorRole.ButtonText))
            text = metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, box.width() - 8)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.end()


def with_column_groups(
    table: QTableView, groups: Callable[[], Groups], parent: QWidget
) -> tuple[QWidget, ColumnGroups]:
    """`table` under its group line, in one widget to put where the table went."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    line = ColumnGroups(table, groups, box)
    layout.addWidget(line)
    layout.addWidget(table)
    line.setVisible(False)
    return box, line
