"""A whole event in the stage window: File > New event, Open event, Edit event; View > Event.

The event (`core.event`) is read from its file; its days are scored from their logs
(`core.event.event_results`, the logs the window writes in the data folder's ``logs`` when the
event names none) and shown in the event dock (ui/eventpanel.py). Opening a day opens its stage
to time, with the event's rule set where the stage names none and the event's crew in the log
header, in the log the event names for the day (resumed if it was left open) or, when it names
none, in a new log in the data folder (or the one left open there, as for any stage). A day
already driven opens its log in a replay window. An event naming a stage or a log that is not
there says which, in the list and in the status bar, and still opens the rest.

The results are read again when the event opens, when a day opens or ends, when it is edited,
and on Reload; never on a press.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from mmtimer.core.errors import InputError
from mmtimer.core.event import Event, EventResult, event_results, load_event, stage_default_rules
from mmtimer.core.lognames import LOGS_FOLDER
from mmtimer.present.eventview import LOG_MISSING, day_lines, next_day
from mmtimer.present.formats import display_path
from mmtimer.ui.errors import detail_shown, error_shown
from mmtimer.ui.eventpanel import WHOLE_EVENT, EventDock
from mmtimer.ui.i18n import QT_TRANSLATE_NOOP, retranslated, translate
from mmtimer.ui.livestage import data_dir

if TYPE_CHECKING:
    from collections.abc import Callable

    from mmtimer.ui.eventdialog import EventDialog
    from mmtimer.ui.stagewindow import StageWindow

EVENT_FILTER = QT_TRANSLATE_NOOP("EventControl", "Events (*.event.toml);;All files (*)")


def is_event_path(path: Path) -> bool:
    return path.name.endswith(".event.toml")


def ask_event_file(parent: QWidget, folder: str) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("EventControl", "Open an event"),
        folder,
        translate("EventControl", EVENT_FILTER),
    )
    return Path(chosen) if chosen else None


class EventControl(QObject):
    """The window's event: its actions, its dock, and what opening a day does."""

    def __init__(self, window: StageWindow) -> None:
        super().__init__(window)
        self.window = window
        self.current: Event | None = None
        self.path: Path | None = None
        self.result: EventResult | None = None
        self.day_open: int | None = None  # the day whose stage the window is timing
        self._day_ended = False
        self.ask_open: Callable[[QWidget, str], Path | None] = ask_event_file
        self.make_dialog: Callable[[Event | None, Path | None], EventDialog] = self._make_dialog
        self.dock = EventDock(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.new_action = QAction(window)
        self.open_action = QAction(window)
        self.edit_action = QAction(window)
        self.edit_action.setEnabled(False)
        self.view_action = self.dock.toggleViewAction()
        retranslated(self.dock, self.retranslate)
        self._connect_signals()

    def _make_dialog(self, event: Event | None, path: Path | None) -> EventDialog:
        from mmtimer.ui.eventdialog import EventDialog  # noqa: PLC0415 (loaded when first used)

        return EventDialog(event, path, self.window, folder=self._folder())

    def retranslate(self) -> None:
        self.new_action.setText(self.tr("New &event…"))
        self.open_action.setText(self.tr("Open e&vent…"))
        self.edit_action.setText(self.tr("Edit event…"))
        self.view_action.setText(self.tr("&Event"))

    def _connect_signals(self) -> None:
        self.new_action.triggered.connect(self.new_event)
        self.open_action.triggered.connect(self._on_open)
        self.edit_action.triggered.connect(self.edit_event)
        panel = self.dock.panel
        panel.open_day.connect(self.open_day)
        panel.open_next.connect(self.open_next_day)
        panel.edit.connect(self.edit_event)
        panel.reload.connect(self.refresh)

    def add_to(self, file_menu: QMenu, before: QAction, view_menu: QMenu) -> None:
        for act in (self.new_action, self.open_action, self.edit_action):
            file_menu.insertAction(before, act)
        file_menu.insertSeparator(before)
        view_menu.addAction(self.view_action)

    def _notify(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 15_000)

    def _folder(self) -> Path:
        return self.path.parent if self.path is not None else Path.home()

    # -- the event -------------------------------------------------------------------------------
    def _on_open(self) -> None:
        chosen = self.ask_open(self.window, str(self._folder()))
        if chosen is not None:
            self.open_event(chosen)

    def open_event(self, path: Path, *, open_next: bool = True, warn: bool = True) -> bool:
        """Read the event at `path`, show its days and results, and open the next day to drive
        (with `open_next`). A file that cannot be read is refused (``open_error`` says why)."""
        try:
            event = load_event(path)
        except InputError as error:
            self.window.open_error = str(error)
            if warn:
                QMessageBox.warning(
                    self.window, self.tr("Cannot open the event"), error_shown(error)
                )
            return False
        self.current, self.path = event, Path(path)
        self.day_open = None
        self.edit_action.setEnabled(True)
        self.refresh()
        self.dock.show()
        problems = self.problems()
        if problems:
            self._notify("; ".join(problems))
        if open_next:
            self.open_next_day(warn=warn)
        return True

    def problems(self) -> list[str]:
        """A line for each day whose stage or log is missing or cannot be read."""
        if self.result is None:
            return []
        return [
            self.tr("Day {0}: {1}").format(line.number, detail_shown(line.detail, line.detail_text))
            for line in day_lines(self.result)
            if line.detail and (not line.openable or line.state == LOG_MISSING)
        ]

    def refresh(self) -> EventResult | None:
        """Score the days again from their logs and show them."""
        if self.current is None:
            return None
        self.result = event_results(self.current, data_dir() / LOGS_FOLDER)
        self.dock.panel.set_event(self.result)
        return self.result

    # -- the days --------------------------------------------------------------------------------
    def open_next_day(self, *, warn: bool = True) -> bool:
        result = self.result if self.result is not None else self.refresh()
        if result is None:
            return False
        number = next_day(result)
        if number is None:
            self._notify(self.tr("Every day of {0} is driven").format(result.event.name))
            return False
        return self.open_day(number, warn=warn)

    def open_day(self, number: int, *, warn: bool = True) -> bool:
        """Open day `number` (from 1): its stage to time, or its log in a replay if driven."""
        event, result = self.current, self.result
        if event is None or result is None or not 1 <= number <= len(result.days):
            return False
        day = result.days[number - 1]
        line = day_lines(result)[number - 1]
        window = self.window
        if day.status == "driven" and day.log_path is not None:
            return window.open_path(day.log_path, warn=warn)
        if not line.openable or day.stage_path is None:
            self._notify(
                self.tr("Day {0} cannot be opened: {1}").format(
                    number, detail_shown(line.detail, line.detail_text)
                )
            )
            return False
        explicit_log = day.day.log_path(event.base_dir)
        opened = window.open_path(
            day.stage_path,
            explicit_log,
            warn=warn,
            default_rules=stage_default_rules(event, day.stage_path),
            crew=event.crew,
        )
        if not opened:
            return False
        self.day_open = number
        live = window.live
        if live is not None:
            self._day_ended = live.ended
            live.changed.connect(self._on_day_changed)
            where = display_path(live.log_path)
            opened_text = self.tr("Day {0}: {1}, log {2}").format(number, day.day.name, where)
            self._notify("; ".join([opened_text, *self.problems()]))
        self.refresh()
        self.dock.panel.choose_day(number)
        return True

    def _on_day_changed(self) -> None:
        """The day's stage moved on: read the event again once it has ended (not per press)."""
        live = self.window.live
        if live is not None and live.ended != self._day_ended:
            self.stage_ended()

    def stage_ended(self) -> None:
        """The stage being timed was ended: if it is the event's day, its results now count."""
        live = self.window.live
        if self.day_open is None or live is None or self._day_ended == live.ended:
            return
        self._day_ended = live.ended
        self.refresh()
        self.dock.panel.choose_day(WHOLE_EVENT)

    # -- new and edit ------------------------------------------------------------------------------
    def new_event(self) -> EventDialog:
        dialog = self.make_dialog(None, None)
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        return dialog

    def edit_event(self) -> EventDialog | None:
        if self.current is None or self.path is None:
            self._notify(self.tr("Open an event first (File > Open event)"))
            return None
        try:  # the file as it is now, so nothing written since is lost
            event = load_event(self.path)
        except InputError as error:
            QMessageBox.warning(self.window, self.tr("Cannot edit the event"), error_shown(error))
            return None
        dialog = self.make_dialog(event, self.path)
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        return dialog

    def _saved(self, dialog: EventDialog) -> None:
        path = dialog.saved_path
        if path is None:
            return
        same = self.path is not None and path.resolve() == self.path.resolve()
        self.open_event(path, open_next=not same and self.window.live is None)
        message = self.tr("Event saved: {0}").format(display_path(path))
        self._notify("; ".join([message, *dialog.saved_missing]))
