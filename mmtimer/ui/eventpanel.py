"""The event view: the days of a whole event, and its results per day and in total.

A dock in the stage window (View > Event, shown when an event opens; ui/eventcontrol.py fills
it). Above, the event's name and crew and the list of days: each day's stage, its state (driven,
in progress, not yet driven, log missing, stage missing, cannot be read: the reason is the row's
tooltip and is listed under the table) and its total, then the whole event's line. Below, the
results table and the plots (ui/results_model.py, ui/plots.py: the same widgets as the replay) of
the day chosen in the list, or of the whole event (every driven day's rows, each section named
with its day, ``D2 PC4``, and the event total). The panel only shows what `present.eventview`
says; Open the next day, Open this day, Edit and Reload are signals its owner answers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mmtimer.core.crew import Crew
from mmtimer.core.event import EventResult
from mmtimer.core.results import StageResult
from mmtimer.core.rules import RuleSet
from mmtimer.present.eventview import (
    DRIVEN,
    IN_PROGRESS,
    LOG_MISSING,
    NOT_YET,
    STAGE_MISSING,
    UNREADABLE,
    day_lines,
    event_stage_result,
    event_total_line,
    next_day,
)
from mmtimer.ui.errors import detail_shown
from mmtimer.ui.i18n import retranslated
from mmtimer.ui.plots import ResultsPlot
from mmtimer.ui.results_dock import results_table
from mmtimer.ui.results_model import ResultsModel
from mmtimer.ui.words import shown

WHOLE_EVENT = 0  # the list's last row: the whole event
STATE_COLOURS = {
    DRIVEN: QColor("#2e7d32"),
    IN_PROGRESS: QColor("#b26a00"),
    NOT_YET: QColor("#6b6b6b"),
    LOG_MISSING: QColor("#b3261e"),
    STAGE_MISSING: QColor("#b3261e"),
    UNREADABLE: QColor("#b3261e"),
}
NUMBER_ROLE = Qt.ItemDataRole.UserRole


def crew_line(crew: Crew | None) -> str:
    if crew is None:
        return ""
    parts = []
    if crew.number is not None:
        parts.append(f"#{crew.number}")
    names = " / ".join(n for n in (crew.driver, crew.navigator) if n)
    if names:
        parts.append(names)
    car = crew.car + (f" ({crew.year})" if crew.year else "")
    if car.strip():
        parts.append(car.strip())
    if crew.coefficient is not None:
        parts.append(f"coefficient {crew.coefficient}")
    return " · ".join(parts)


class EventPanel(QWidget):
    """The days and the results. `open_day(number)`: the navigator asked to open that day;
    `open_next`, `edit`, `reload`: the buttons."""

    open_day = Signal(int)
    open_next = Signal()
    edit = Signal()
    reload = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: EventResult | None = None
        self.state_words: dict[str, str] = {}
        self.title = QLabel()
        bold = QFont()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        self.title.setFont(bold)
        self.crew_label = QLabel()
        self.days = QTreeWidget()
        self.days.setRootIsDecorated(False)
        self.days.setAllColumnsShowFocus(True)
        self.days.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.days.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.total_label = QLabel()
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("QLabel { color: #b3261e; }")
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.next_button = QPushButton()
        self.open_button = QPushButton()
        self.edit_button = QPushButton()
        self.reload_button = QPushButton()
        buttons = QHBoxLayout()
        for button in (self.next_button, self.open_button, self.edit_button, self.reload_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.model = ResultsModel(self)
        self.table = results_table(self.model, self)
        self.plot = ResultsPlot(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, "")
        self.tabs.addTab(self.plot, "")
        self.shown_label = QLabel()

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.crew_label, self.days, self.total_label, self.problems):
            top_layout.addWidget(widget)
        top_layout.addLayout(buttons)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.shown_label)
        bottom_layout.addWidget(self.tabs, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        self.days.itemSelectionChanged.connect(self._show_chosen)
        self.days.itemActivated.connect(self._on_activated)
        self.next_button.clicked.connect(self.open_next)
        self.open_button.clicked.connect(self._open_chosen)
        self.edit_button.clicked.connect(self.edit)
        self.reload_button.clicked.connect(self.reload)
        retranslated(self, self.retranslate)

    def retranslate(self) -> None:
        """The panel's texts in the current language, the event's lines again with them (at
        each change of language: the panel stays open)."""
        self.state_words = {
            DRIVEN: self.tr("driven"),
            IN_PROGRESS: self.tr("in progress"),
            NOT_YET: self.tr("not yet driven"),
            LOG_MISSING: self.tr("log missing"),
            STAGE_MISSING: self.tr("stage missing"),
            UNREADABLE: self.tr("cannot be read"),
        }
        self.days.setHeaderLabels(
            [self.tr("#"), self.tr("Day"), self.tr("Stage"), self.tr("State"), self.tr("Total")]
        )
        self.next_button.setText(self.tr("Open the &next day"))
        self.open_button.setText(self.tr("&Open this day"))
        self.edit_button.setText(self.tr("&Edit event…"))
        self.reload_button.setText(self.tr("Re&load"))
        self.tabs.setTabText(0, self.tr("Results"))
        self.tabs.setTabText(1, self.tr("Plots"))
        if self.result is not None:
            self.set_event(self.result)

    # -- what it shows ---------------------------------------------------------------------------
    def set_event(self, result: EventResult) -> None:
        """Show `result`, keeping the day chosen in the list."""
        chosen = self.chosen_day()
        self.result = result
        event = result.event
        self.title.setText(event.name)
        self.crew_label.setText(
            shown(crew_line(event.crew)) or self.tr("no crew set for the event")
        )
        self.days.blockSignals(True)
        self.days.clear()
        problems = []
        for line in day_lines(result):
            item = QTreeWidgetItem(
                [str(line.number), line.name, line.stage, self._words(line.state), line.total]
            )
            item.setData(0, NUMBER_ROLE, line.number)
            item.setForeground(3, QBrush(STATE_COLOURS.get(line.state, QColor("#000000"))))
            item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            detail = detail_shown(line.detail, line.detail_text)
            if detail:
                for column in range(5):
                    item.setToolTip(column, detail)
            if line.state in (LOG_MISSING, STAGE_MISSING, UNREADABLE):
                problems.append(f"{self.tr('Day')} {line.number}: {detail}")
            self.days.addTopLevelItem(item)
        whole = QTreeWidgetItem(["", self.tr("Whole event"), "", "", self._total(result)])
        whole.setData(0, NUMBER_ROLE, WHOLE_EVENT)
        font = whole.font(1)
        font.setBold(True)
        for column in range(5):
            whole.setFont(column, font)
        whole.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.days.addTopLevelItem(whole)
        self.days.blockSignals(False)
        self.total_label.setText(shown(event_total_line(result)))
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        upcoming = next_day(result)
        self.next_button.setEnabled(upcoming is not None)
        self.next_button.setToolTip(
            self.tr("Every day is driven")
            if upcoming is None
            else self.tr("Day {0}: {1}").format(upcoming, result.days[upcoming - 1].day.name)
        )
        self.choose_day(chosen if chosen is not None else WHOLE_EVENT)

    def _words(self, state: str) -> str:
        return self.state_words.get(state, state)

    @staticmethod
    def _total(result: EventResult) -> str:
        line = event_total_line(result)
        return line.split("total ", 1)[1].split(" ·")[0] if "total " in line else ""

    def choose_day(self, number: int) -> None:
        """Select day `number` (WHOLE_EVENT: the event) in the list: the table and plots follow."""
        for index in range(self.days.topLevelItemCount()):
            item = self.days.topLevelItem(index)
            if item is not None and item.data(0, NUMBER_ROLE) == number:
                self.days.setCurrentItem(item)
                self._show_chosen()
                return

    def chosen_day(self) -> int | None:
        """The day chosen in the list (WHOLE_EVENT for the event's line), None if none."""
        item = self.days.currentItem()
        if item is None:
            return None
        value = item.data(0, NUMBER_ROLE)
        return int(value) if isinstance(value, int) else None

    def shown(self) -> tuple[StageResult | None, RuleSet | None]:
        """What the table and plots show now: the chosen day's results, or the event's."""
        result = self.result
        chosen = self.chosen_day()
        if result is None or chosen is None:
            return None, None
        rules = next((d.rules for d in result.days if d.rules is not None), None)
        if chosen == WHOLE_EVENT:
            return event_stage_result(result), rules
        day = result.days[chosen - 1]
        return day.result, day.rules

    def _show_chosen(self) -> None:
        result = self.result
        if result is None:
            return
        shown, rules = self.shown()
        chosen = self.chosen_day()
        self.model.set_result(
            shown, total_label=self.tr("Event") if chosen == WHOLE_EVENT else self.tr("Total")
        )
        self.plot.set_result(shown, rules)
        if chosen == WHOLE_EVENT:
            words = self.tr("Whole event: every driven day's rows (D1 = day 1)")
        elif chosen is not None:
            day = result.days[chosen - 1]
            words = f"{self.tr('Day')} {chosen}: {day.day.name}"
            if shown is None:
                words += f" ({self._words(day_lines(result)[chosen - 1].state)})"
        else:
            words = ""
        self.shown_label.setText(words)
        self.open_button.setEnabled(chosen not in (None, WHOLE_EVENT))

    def _open_chosen(self) -> None:
        chosen = self.chosen_day()
        if chosen is not None and chosen != WHOLE_EVENT:
            self.open_day.emit(chosen)

    def _on_activated(self, item: QTreeWidgetItem, column: int) -> None:
        value = item.data(0, NUMBER_ROLE)
        if isinstance(value, int) and value != WHOLE_EVENT:
            self.open_day.emit(value)


class EventDock(QDockWidget):
    """The event panel as a dock of the stage window (hidden until an event opens)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("event-dock")
        self.panel = EventPanel(self)
        self.setWidget(self.panel)
        retranslated(self, lambda: self.setWindowTitle(self.tr("Event")))
