"""The stage panel: sections and their lines in driving order, the armed line highlighted.

The panel shows plain view values (``SectionView``/``LineView``, built from a stage by
``mmtimer.present.stagelines.section_views``), and the result of each line once it is scored
(``Screen.line_results``); it never scores or formats anything itself. A double-click on a line
asks for that line to be armed, on a section for its first line (``section_chosen``: section,
line); the window decides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from mmtimer.present.stagelines import SectionView
from mmtimer.present.tone import Tone
from mmtimer.ui.i18n import QT_TRANSLATE_NOOP, retranslated, translate
from mmtimer.ui.themes import DARK_PANEL, Panel
from mmtimer.ui.words import shown

ARMED_BACKGROUND = QColor(DARK_PANEL.armed_background)
ARMED_FOREGROUND = QColor(DARK_PANEL.armed_text)


def panel_style(panel: Panel) -> str:
    """The tree's and its header's colours under a theme (fixed: they never follow the
    application palette)."""
    return (
        f"QTreeWidget {{ background: {panel.background}; color: {panel.text}; border: none; }}\n"
        f"QHeaderView::section {{ background: {panel.header}; color: {panel.header_text};"
        " border: none; padding: 4px 6px; }\n"
    )


STYLE = panel_style(DARK_PANEL)


COLUMNS = (
    QT_TRANSLATE_NOOP("StagePanel", "Section / line"),
    QT_TRANSLATE_NOOP("StagePanel", "Target"),
    QT_TRANSLATE_NOOP("StagePanel", "Result"),
)
LINE_ROLE = Qt.ItemDataRole.UserRole + 1
RESULT_SAMPLE = "+000.00 s · 300"  # as wide as a line's result gets: "-12.98 s · 300"
MIN_WIDTH = 360


class StagePanel(QTreeWidget):
    """A tree: one top-level item per section, one child per line."""

    section_chosen = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(COLUMNS))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the trigger and shortcuts
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setStyleSheet(STYLE)
        self.setMinimumWidth(MIN_WIDTH)
        header = self.header()
        # Sized once per stage (set_stage): ResizeToContents would measure every line again at
        # each change, 5 ms per item on a 1000-line stage.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._sections: dict[str, QTreeWidgetItem] = {}
        self._armed: tuple[str, int] | None = None
        self._shown: dict[tuple[str, int], tuple[str, Tone | None]] = {}
        self._panel = DARK_PANEL
        self._views: tuple[SectionView, ...] = ()
        self.itemDoubleClicked.connect(self._on_double_click)
        retranslated(self, self.retranslate)

    def retranslate(self) -> None:
        """Headers, the stage's lines and their results in the current language."""
        self.setHeaderLabels([translate("StagePanel", title) for title in COLUMNS])
        self.setAccessibleName(self.tr("Stage sections and lines"))
        if self._views:
            armed, results = self._armed, self._shown
            self.set_stage(self._views)
            self.show_results(results)
            if armed is not None:
                self.set_armed(*armed)

    @property
    def panel(self) -> Panel:
        return self._panel

    def set_panel(self, panel: Panel) -> None:
        """Take the theme's fixed colours: the ground, the armed line, the results' tones."""
        if panel == self._panel:
            return
        self._panel = panel
        self.setStyleSheet(panel_style(panel))
        if self._armed is not None:
            self._paint_armed(*self._armed, armed=True)
        for key, (text, tone) in self._shown.items():
            self.set_result(*key, text, tone)

    def set_stage(self, sections: Sequence[SectionView]) -> None:
        self._views = tuple(sections)
        self.clear()
        self._sections = {}
        self._armed = None
        self._shown = {}
        items = []
        for section in sections:
            item = QTreeWidgetItem([f"{section.id}  {shown(section.title)}", "", ""])
            item.setData(0, Qt.ItemDataRole.UserRole, section.id)
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)
            for number, line in enumerate(section.lines, start=1):
                child = QTreeWidgetItem([f"    {shown(line.label)}", shown(line.target), ""])
                child.setData(0, Qt.ItemDataRole.UserRole, section.id)
                child.setData(0, LINE_ROLE, number)
                item.addChild(child)
            items.append(item)
            self._sections[section.id] = item
        # All at once, then expanded and spanned: each item added before the next is spanned
        # makes the view lay out every item again (5,000 sections took 28 s, now 0.2 s).
        self.addTopLevelItems(items)
        for item in items:
            item.setExpanded(True)
        for item in items:
            item.setFirstColumnSpanned(True)  # a long title must not widen the line column
        for column in (0, 1):
            self.resizeColumnToContents(column)
        # room for the armed line's bold face and marker
        self.setColumnWidth(0, self.columnWidth(0) + 24)
        self.setColumnWidth(1, self.columnWidth(1) + 12)
        # ... and room for a whole result beside them, so the window's narrowest panel never
        # hides the results behind a sideways scroll bar
        result_px = self.fontMetrics().horizontalAdvance(RESULT_SAMPLE) + 16
        scroll_px = self.verticalScrollBar().sizeHint().width()
        needed = self.columnWidth(0) + self.columnWidth(1) + result_px + scroll_px
        self.setMinimumWidth(max(MIN_WIDTH, needed + 2 * self.frameWidth()))

    def line_item(self, section_id: str, line: int) -> QTreeWidgetItem | None:
        """The item of ``line`` (from 1) of a section, or None."""
        section = self._sections.get(section_id)
        if section is None or not 1 <= line <= section.childCount():
            return None
        return section.child(line - 1)

    @property
    def armed(self) -> tuple[str, int] | None:
        return self._armed

    def set_armed(self, section_id: str | None, line: int | None) -> None:
        """Highlight the line the next press will record (None: nothing armed, stage done)."""
        new = (section_id, line) if section_id is not None and line is not None else None
        if new == self._armed:
            return
        if self._armed is not None:
            self._paint_armed(*self._armed, armed=False)
        self._armed = new
        if new is not None:
            item = self._paint_armed(*new, armed=True)
            if item is not None:
                self.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _paint_armed(self, section_id: str, line: int, *, armed: bool) -> QTreeWidgetItem | None:
        item = self.line_item(section_id, line)
        if item is None:
            return None
        for column in range(self.columnCount()):
            panel = self._panel
            background, foreground = QColor(panel.armed_background), QColor(panel.armed_text)
            item.setBackground(column, QBrush(background) if armed else QBrush())
            if column < 2:
                item.setForeground(column, QBrush(foreground) if armed else QBrush())
            font = QFont(item.font(column))
            font.setBold(armed)
            item.setFont(column, font)
        label = item.text(0).lstrip(" ▶")
        item.setText(0, f"  ▶ {label}" if armed else f"    {label}")
        return item

    def set_result(self, section_id: str, line: int, text: str, tone: Tone | None = None) -> None:
        """Show a line's result (``"+0.12 s · 12"``), coloured by its meaning."""
        item = self.line_item(section_id, line)
        if item is None:
            return
        item.setText(2, shown(text))
        colour = QColor(self._panel.tone(tone)) if tone is not None else None
        item.setForeground(2, QBrush(colour) if colour is not None else QBrush())

    def show_results(self, results: Mapping[tuple[str, int], tuple[str, Tone | None]]) -> None:
        """Show exactly these line results; only the lines whose result changed are touched
        (a press on a long stage must not rewrite every line)."""
        for key in self._shown.keys() - results.keys():
            self.set_result(*key, "", None)
        previous = self._shown
        for key, result in results.items():
            old = previous.get(key)
            if old is not result and old != result:
                self.set_result(*key, *result)
        self._shown = dict(results)

    def clear_results(self) -> None:
        self._shown = {}
        for section in self._sections.values():
            for index in range(section.childCount()):
                child = section.child(index)
                if child is not None:
                    child.setText(2, "")

    def _on_double_click(self, item: QTreeWidgetItem, column: int) -> None:
        section_id = item.data(0, Qt.ItemDataRole.UserRole)
        line = item.data(0, LINE_ROLE)
        if isinstance(section_id, str):
            self.section_chosen.emit(section_id, line if isinstance(line, int) else 1)
