"""File > New event and Edit event: the event's name, its crew once, and the days' stages.

Everything is typed: the name, the rule set for the days whose stage names none (a built-in id,
or empty), the crew (number, driver, navigator, car, year, coefficient), and the days as a table
(name, stage file, and optionally the log), where Tab and Enter move on like a spreadsheet. Add
stages... picks stage files (relative paths are kept relative to the event file). OK checks every
value with the core's own readers (the crew as the log header reads it, the event as
`core.event.parse_event` reads it) and says what is wrong under the form; then the file is saved
atomically, an existing file keeping its comments and layout (tomlkit, `core.event.save_event`).
A stage file that is not there is said under the form too, and still saved: the event opens the
rest (the stage may come later).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mmtimer.core.crew import Crew, crew_from_json
from mmtimer.core.errors import InputError
from mmtimer.core.event import Event, EventDay, event_text, parse_event, save_event
from mmtimer.core.rules import builtin_rule_ids
from mmtimer.ui.errors import error_shown

StageAsker = Callable[[QWidget, Path], Sequence[Path]]
PathAsker = Callable[[QWidget, Path], "Path | None"]
EVENT_SUFFIX = ".event.toml"
NAME, STAGE, LOG = 0, 1, 2


def ask_stages(parent: QWidget, folder: Path) -> list[Path]:
    chosen, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("EventDialog", "Add the days' stages"),
        str(folder),
        QCoreApplication.translate("EventDialog", "Stages (*.stage.toml *.toml);;All files (*)"),
    )
    return [Path(c) for c in chosen]


def ask_event_path(parent: QWidget, suggested: Path) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("EventDialog", "Save the event"),
        str(suggested),
        QCoreApplication.translate("EventDialog", "Events (*.event.toml);;All files (*)"),
    )
    return Path(chosen) if chosen else None


def with_event_suffix(path: Path) -> Path:
    if path.name.endswith(EVENT_SUFFIX):
        return path
    name = path.name.removesuffix(".toml")
    return path.with_name(name + EVENT_SUFFIX)


class EventDialog(QDialog):
    """A new event (`path` None: saving asks where) or the event at `path` to edit. After
    `accept`, `saved_path` is the file written."""

    def __init__(
        self,
        event: Event | None = None,
        path: Path | None = None,
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.folder = path.parent if path is not None else (folder or Path.home())
        self.saved_path: Path | None = None
        self.saved_missing: list[str] = []  # the days whose stage file was not there on saving
        self.ask_stages: StageAsker = ask_stages
        self.ask_path: PathAsker = ask_event_path
        self.setWindowTitle(self.tr("Edit event") if event is not None else self.tr("New event"))
        self.setMinimumWidth(640)

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 1000 Miglia 2027"))
        self.rules = QComboBox()
        self.rules.setEditable(True)
        self.rules.addItem("")
        self.rules.addItems(list(builtin_rule_ids()))
        self.rules.setToolTip(
            self.tr("The rule set of every day whose stage names none (empty: each stage's own)")
        )
        self.file_label = QLabel(str(path) if path is not None else self.tr("asked when saved"))
        form = QFormLayout()
        form.addRow(self.tr("Event file"), self.file_label)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Rules"), self.rules)

        crew_box = QGroupBox(self.tr("Crew (set once: it goes into each day's log)"))
        crew_form = QFormLayout(crew_box)
        self.number = QLineEdit()
        self.driver = QLineEdit()
        self.navigator = QLineEdit()
        self.car = QLineEdit()
        self.year = QLineEdit()
        self.year.setPlaceholderText(self.tr("e.g. 1929"))
        self.coefficient = QLineEdit()
        self.coefficient.setPlaceholderText(self.tr("as printed on the entry list, e.g. 1.80"))
        for label, widget in (
            (self.tr("Number"), self.number),
            (self.tr("Driver"), self.driver),
            (self.tr("Navigator"), self.navigator),
            (self.tr("Car"), self.car),
            (self.tr("Year"), self.year),
            (self.tr("Coefficient"), self.coefficient),
        ):
            crew_form.addRow(label, widget)

        days_box = QGroupBox(self.tr("Days, in driving order"))
        self.days = QTableWidget(0, 3)
        self.days.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Stage file"), self.tr("Log (optional)")]
        )
        self.days.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.days.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.days.setTabKeyNavigation(True)
        self.add_button = QPushButton(self.tr("&Add a day"))
        self.add_stages_button = QPushButton(self.tr("Add &stages…"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        day_buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.add_stages_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            button.setAutoDefault(False)
            day_buttons.addWidget(button)
        day_buttons.addStretch(1)
        days_layout = QVBoxLayout(days_box)
        days_layout.addWidget(self.days)
        days_layout.addLayout(day_buttons)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("QLabel { color: #b3261e; }")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(crew_box)
        layout.addWidget(days_box, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.add_button.clicked.connect(self.add_day)
        self.add_stages_button.clicked.connect(self._add_stages)
        self.remove_button.clicked.connect(self._remove_day)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if event is not None:
            self._fill(event)

    # -- filling and reading -------------------------------------------------------------------
    def _fill(self, event: Event) -> None:
        self.name.setText(event.name)
        self.rules.setCurrentText(event.rules or "")
        crew = event.crew
        if crew is not None:
            self.number.setText("" if crew.number is None else str(crew.number))
            self.driver.setText(crew.driver)
            self.navigator.setText(crew.navigator)
            self.car.setText(crew.car)
            self.year.setText("" if crew.year is None else str(crew.year))
            self.coefficient.setText("" if crew.coefficient is None else str(crew.coefficient))
        for day in event.days:
            self.add_day(day.name, day.stage, day.log or "", edit=False)

    def add_day(self, name: str = "", stage: str = "", log: str = "", *, edit: bool = True) -> int:
        """A row at the end; with `edit`, the keyboard goes to its name."""
        row = self.days.rowCount()
        self.days.insertRow(row)
        for column, text in ((NAME, name), (STAGE, stage), (LOG, log)):
            self.days.setItem(row, column, QTableWidgetItem(text))
        if edit:
            self.days.setFocus()
            self.days.setCurrentCell(row, NAME)
            item = self.days.item(row, NAME)
            if item is not None:
                self.days.editItem(item)
        return row

    def _add_stages(self) -> None:
        for path in self.ask_stages(self, self.folder):
            number = self.days.rowCount() + 1
            self.add_day(self.tr("Day {0}").format(number), self._relative(path), edit=False)

    def _relative(self, path: Path) -> str:
        """A chosen file as the event will name it: relative to the event file's folder once
        that is known (editing), else absolute until the event is saved."""
        if self.path is None:
            return str(path.resolve())
        return relative_to(path, self.path.parent)

    def _remove_day(self) -> None:
        row = self.days.currentRow()
        if row >= 0:
            self.days.removeRow(row)

    def _move(self, step: int) -> None:
        row = self.days.currentRow()
        other = row + step
        if row < 0 or not 0 <= other < self.days.rowCount():
            return
        for column in range(self.days.columnCount()):
            a, b = self.days.takeItem(row, column), self.days.takeItem(other, column)
            self.days.setItem(row, column, b)
            self.days.setItem(other, column, a)
        self.days.setCurrentCell(other, self.days.currentColumn())

    def _cell(self, row: int, column: int) -> str:
        item = self.days.item(row, column)
        return "" if item is None else item.text().strip()

    def crew(self) -> Crew | None:
        """The crew typed (None when every field is empty); InputError naming the field."""
        raw = {
            "number": self.number.text().strip(),
            "driver": self.driver.text().strip(),
            "navigator": self.navigator.text().strip(),
            "car": self.car.text().strip(),
            "year": self.year.text().strip(),
            "coefficient": self.coefficient.text().strip().replace(",", "."),
        }
        if not any(raw.values()):
            return None
        obj: dict[str, object] = {k: raw[k] for k in ("driver", "navigator", "car")}
        for key, label in (("number", self.tr("number")), ("year", self.tr("year"))):
            if raw[key]:
                if not raw[key].isdigit():
                    raise InputError(
                        self.tr("Crew"),
                        self.tr("{0} must be a whole number, not {1!r}").format(label, raw[key]),
                    )
                obj[key] = int(raw[key])
        if raw["coefficient"]:
            obj["coefficient"] = raw["coefficient"]
        return crew_from_json(obj, self.tr("Crew"))

    def typed_event(self) -> Event:
        """The event typed; InputError saying what is wrong."""
        name = self.name.text().strip()
        if not name:
            raise InputError(self.tr("Event"), self.tr("give the event a name"))
        days: list[EventDay] = []
        for row in range(self.days.rowCount()):
            day_name, stage, log = (self._cell(row, c) for c in (NAME, STAGE, LOG))
            if not (day_name or stage or log):
                continue  # an empty row left over: not a day
            if not stage:
                raise InputError(
                    self.tr("Event"), self.tr("day {0} has no stage file").format(row + 1)
                )
            days.append(
                EventDay(day_name or self.tr("Day {0}").format(len(days) + 1), stage, log or None)
            )
        if not days:
            raise InputError(self.tr("Event"), self.tr("add at least one day (its stage file)"))
        rules = self.rules.currentText().strip() or None
        return Event(name, tuple(days), rules, self.crew(), self.folder)

    def missing_stages(self, event: Event) -> list[str]:
        return [
            self.tr("day {0}: {1} is not there (the event still opens the other days)").format(
                number, day.stage
            )
            for number, day in enumerate(event.days, start=1)
            if not day.stage_path(event.base_dir).is_file()
        ]

    # -- saving --------------------------------------------------------------------------------
    def accept(self) -> None:
        try:
            event = self.typed_event()
        except InputError as error:
            self.message.setText(error_shown(error))
            return
        path = self.path
        if path is None:
            suggested = self.folder / (slug(event.name) + EVENT_SUFFIX)
            chosen = self.ask_path(self, suggested)
            if chosen is None:
                return
            path = with_event_suffix(chosen)
        event = self._relativize(event, path.parent)
        try:
            parse_event(event_text(event), str(path), path.parent)  # the loader's own words
            save_event(event, path)
        except InputError as error:
            self.message.setText(error_shown(error))
            return
        except OSError as error:
            self.message.setText(f"{path}: {error.strerror or error}")
            return
        self.saved_path = path
        self.saved_missing = self.missing_stages(
            Event(event.name, event.days, event.rules, event.crew, path.parent)
        )
        super().accept()

    @staticmethod
    def _relativize(event: Event, folder: Path) -> Event:
        """Absolute stage and log paths made relative to the event file's `folder` (the file
        format's paths are relative to it); a path typed relative is kept as typed."""

        def named(text: str | None) -> str | None:
            if text is None or not Path(text).is_absolute():
                return text
            return relative_to(Path(text), folder)

        days = tuple(EventDay(d.name, named(d.stage) or d.stage, named(d.log)) for d in event.days)
        return Event(event.name, days, event.rules, event.crew, folder)


def relative_to(path: Path, folder: Path) -> str:
    """`path` relative to `folder` (with ``..`` as needed), or absolute on another drive."""
    try:
        return Path(os.path.relpath(path.resolve(), folder.resolve())).as_posix()
    except ValueError:  # another drive (Windows)
        return str(path)


def slug(name: str) -> str:
    """A file name from the event's name: ``1000 Miglia 2027`` -> ``1000-miglia-2027``."""
    kept = "".join(c.lower() if c.isalnum() else "-" for c in name)
    return "-".join(part for part in kept.split("-") if part) or "event"


__all__: Sequence[str] = ("EventDialog", "ask_event_path", "ask_stages", "slug")
