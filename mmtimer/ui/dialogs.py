"""The crew dialog, the official-time sync dialog, and the trigger and beep settings.

Crew: number, driver, navigator, car, year, and the car coefficient as the organiser prints it on
the entry list (the main field; empty: none). A calculator under it works the 1000 Miglia
coefficient out from its components as the organiser's coefficient page writes it,
1 + (period + (class - category) + bonus) (``core.crew.mille_miglia_coefficient``), and puts the
result in the main field when asked. The result is a ``Crew``, or the log header's ``crew``
object (FORMATS.md section 2).

Official time sync, three ways, each giving a ``SyncRequest(t_ns, official_ms, source)`` that the
window records as a sync event:

- **Full minute** (``source="minute"``): press Mark (or M) the moment the official clock shows
  a full minute (second 00). The press instant is the key or mouse event's own time. Which minute:
  the full minute nearest to mmtimer's official time at the press (from the last sync, or the
  computer's clock before any), so it is right while mmtimer is within 30 s of the official clock;
  otherwise tick "Set the minute" and give it.
- **Typed** (``source="typed"``): type an official time a few seconds ahead (``HH:MM:SS`` or
  ``HH:MM:SS.cc``) and press Enter the moment the official clock shows it.
- **Nudge** (``source="nudge"``): move mmtimer's official time 0.1 s later (+) or earlier (-)
  from now on, after comparing it with the official clock. Needs an earlier sync.

A trigger key is never a sync (issue 12): the mark is M, not Space; Space in this dialog marks
nothing (while a stage is under way the trigger takes it and records a pass, ui/triggers.py). A
minute or typed sync that would move official time more than 2 s (``present.sync``) shows the jump
and asks first, Cancel the default; the first sync (no official time yet) never asks. The dialog
shows the jump of the last sync.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mmtimer.core.clock import NS_PER_S
from mmtimer.core.crew import (
    MM_BONUSES,
    MM_CATEGORIES,
    MM_COEFFICIENT_SOURCE,
    Crew,
    crew_from_json,
    crew_to_json,
    mille_miglia_coefficient,
)
from mmtimer.core.errors import InputError
from mmtimer.core.timefmt import (
    FormatError,
    format_seconds,
    format_time_of_day,
    parse_seconds_ms,
    parse_time_of_day_ms,
)
from mmtimer.present.beeps import BeepSettings
from mmtimer.present.formats import describe_since
from mmtimer.present.i18n import window_number
from mmtimer.present.sync import asks_first, signed_s, sync_jump_ms
from mmtimer.ui.errors import error_shown, text_shown
from mmtimer.ui.i18n import QT_TRANSLATE_NOOP, translate
from mmtimer.ui.triggers import KEY_LABELS, TRIGGER_KEYS, EventStamper, TriggerSettings

MS_PER_MIN = 60_000
NUDGE_MS = 100

# -- crew --------------------------------------------------------------------------------------

# the core's names of the 1000 Miglia categories and bonuses (core/crew.py), for the lists
MM_LABELS = (
    QT_TRANSLATE_NOOP("CrewDialog", "Sport"),
    QT_TRANSLATE_NOOP("CrewDialog", "Gran Turismo"),
    QT_TRANSLATE_NOOP("CrewDialog", "Touring"),
    QT_TRANSLATE_NOOP("CrewDialog", "none"),
    QT_TRANSLATE_NOOP("CrewDialog", "entered in a historic 1000 Miglia, did not take part"),
    QT_TRANSLATE_NOOP("CrewDialog", "took part in a historic 1000 Miglia"),
)
MM_FORMULA_TEXT = "1 + (period + (class \N{MINUS SIGN} category) + bonus)"
MM_EDITION_TEXT = (
    f"1000 Miglia, as on {MM_COEFFICIENT_SOURCE}. Other editions add the category and an MM "
    "factor: type the coefficient printed on the entry list above."
)


def parse_coefficient_part(text: str, what: str) -> Decimal:
    """A decimal typed by a person: ``0.35`` (a decimal comma is accepted too); exact."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return Decimal(0)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(
            QCoreApplication.translate("CrewDialog", "%1: %2 is not a number such as 0.35")
            .replace("%2", repr(text))
            .replace("%1", what)
        ) from None
    if not value.is_finite() or value < 0:
        raise ValueError(
            QCoreApplication.translate("CrewDialog", "%1: %2 must be 0 or more")
            .replace("%2", repr(text))
            .replace("%1", what)
        )
    return value


class CrewDialog(QDialog):
    """Edit the crew; ``crew_json()`` is the log header's ``crew`` object.

    The coefficient is the main field, typed as printed by the organiser. The components
    calculator (Components..., hidden until asked for) shows its formula and source, adds the
    components up as that source does, and Use puts the result in the main field.
    """

    def __init__(
        self,
        crew: Crew | Mapping[str, Any] | None = None,
        parent: QWidget | None = None,
        *,
        read_only: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Crew"))
        self.read_only = read_only  # why nothing can be changed (the log has started), or None
        self.setMinimumWidth(460)
        crew = crew_to_json(crew) if isinstance(crew, Crew) else dict(crew or {})
        form = QFormLayout()
        self.number = QLineEdit(str(crew.get("number", "") or ""))
        self.number.setValidator(QIntValidator(0, 99_999, self))
        self.driver = QLineEdit(str(crew.get("driver", "")))
        self.navigator = QLineEdit(str(crew.get("navigator", "")))
        self.car = QLineEdit(str(crew.get("car", "")))
        self.year = QSpinBox()
        self.year.setRange(1884, 2100)
        self.year.setSpecialValueText(self.tr("unknown"))
        self.year.setMinimum(1884)
        self.year.setValue(int(crew["year"]) if crew.get("year") else 1884)
        self.year.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.coefficient = QLineEdit(str(crew.get("coefficient", "") or ""))
        self.coefficient.setPlaceholderText(self.tr("as printed on the entry list, e.g. 1.80"))
        self.coefficient.setToolTip(
            self.tr("The car coefficient as the organiser prints it (entry list); empty: none")
        )
        self.show_components = QPushButton(self.tr("&Components..."))
        self.show_components.setCheckable(True)
        self.show_components.setAutoDefault(False)
        self.show_components.setToolTip(
            self.tr("Work the 1000 Miglia coefficient out from its parts")
        )
        coefficient_row = QHBoxLayout()
        coefficient_row.addWidget(self.coefficient, 1)
        coefficient_row.addWidget(self.show_components)
        form.addRow(self.tr("Number"), self.number)
        form.addRow(self.tr("Driver"), self.driver)
        form.addRow(self.tr("Navigator"), self.navigator)
        form.addRow(self.tr("Car"), self.car)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Coefficient"), coefficient_row)

        self.components_box = QGroupBox(self.tr("1000 Miglia coefficient from its components"))
        grid = QGridLayout(self.components_box)
        self.formula = QLabel(self.tr("coefficient = 1 + (period + (class − category) + bonus)"))
        self.edition = QLabel(
            self.tr(
                "1000 Miglia, as on %1. Other editions add the category and an MM factor: type "
                "the coefficient printed on the entry list above."
            ).replace(
                "%1", self.tr('the organiser\'s coefficient page (millemiglia.it, "coefficienti")')
            )
        )
        self.edition.setWordWrap(True)
        self.period = QLineEdit()
        self.period.setPlaceholderText(self.tr("from the organiser's period table"))
        self.engine_class = QLineEdit()
        self.engine_class.setPlaceholderText(self.tr("from the organiser's class table"))
        self.category = QComboBox()
        for label, value in MM_CATEGORIES:
            self.category.addItem(f"{translate('CrewDialog', label)} ({value})", value)
        self.bonus = QComboBox()
        for label, value in MM_BONUSES:
            self.bonus.addItem(f"{translate('CrewDialog', label)} ({value})", value)
        self.computed = QLabel()
        self.use = QPushButton(self.tr("&Use"))
        self.use.setAutoDefault(False)
        self.use.setToolTip(self.tr("Put the computed coefficient in the coefficient field"))
        grid.addWidget(self.formula, 0, 0, 1, 3)
        grid.addWidget(self.edition, 1, 0, 1, 3)
        for row, (label, widget) in enumerate(
            (
                (self.tr("Period"), self.period),
                (self.tr("Class"), self.engine_class),
                (self.tr("Category (subtracted)"), self.category),
                (self.tr("Bonus (this chassis)"), self.bonus),
            ),
            start=2,
        ):
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(widget, row, 1, 1, 2)
        grid.addWidget(self.computed, 6, 0, 1, 2)
        grid.addWidget(self.use, 6, 2)
        self.components_box.setVisible(False)

        self.problem = QLabel()
        self.problem.setStyleSheet("color: #d23c2c")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.why = QLabel(read_only or "")  # why the crew cannot be changed now
        self.why.setWordWrap(True)
        self.why.setAccessibleName(self.tr("Why the crew is read-only"))
        self.why.setVisible(read_only is not None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.why)
        layout.addLayout(form)
        layout.addWidget(self.components_box)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self._refresh()
        if read_only is not None:
            self._make_read_only()

    def _make_read_only(self) -> None:
        """Every field shown, none editable; Close is the only button."""
        self.setWindowTitle(self.tr("Crew (read-only)"))
        font = self.why.font()
        font.setBold(True)
        self.why.setFont(font)
        fields: tuple[QLineEdit | QSpinBox, ...] = (
            self.number,
            self.driver,
            self.navigator,
            self.car,
            self.year,
            self.coefficient,
        )
        for field_widget in fields:
            field_widget.setReadOnly(True)
            # no caret, no focus frame, the window's ground: it reads as text, not as a field
            field_widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            palette = field_widget.palette()
            palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
            field_widget.setPalette(palette)
        self.show_components.hide()
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.coefficient.textChanged.connect(self._refresh)
        self.show_components.toggled.connect(self._show_components)
        for edit in (self.period, self.engine_class):
            edit.textChanged.connect(self._refresh)
        for combo in (self.category, self.bonus):
            combo.currentIndexChanged.connect(self._refresh)
        self.use.clicked.connect(self.use_components)

    def _show_components(self, shown: bool) -> None:
        self.components_box.setVisible(shown)
        if shown:
            self.period.setFocus(Qt.FocusReason.OtherFocusReason)
        self.adjustSize()

    def coefficient_value(self) -> Decimal | None:
        """The coefficient as typed (None: empty, no coefficient); ValueError says what is
        wrong."""
        if not self.coefficient.text().strip():
            return None
        value = parse_coefficient_part(self.coefficient.text(), self.tr("coefficient"))
        if value <= 0:
            raise ValueError(self.tr("coefficient: give a number above 0, such as 1.80"))
        return value

    def components_value(self) -> Decimal | None:
        """The coefficient the components give (None until the period and class are typed);
        ValueError names the part that is wrong."""
        if not (self.period.text().strip() and self.engine_class.text().strip()):
            return None
        period = parse_coefficient_part(self.period.text(), self.tr("Period"))
        engine_class = parse_coefficient_part(self.engine_class.text(), self.tr("Class"))
        value = mille_miglia_coefficient(
            period, engine_class, Decimal(self.category.currentData()), self.bonus.currentData()
        )
        if value <= 0:
            raise ValueError(self.tr("the components give a coefficient of 0 or less"))
        return value

    def use_components(self) -> None:
        """Put the components' coefficient in the main field (nothing if they are not valid)."""
        try:
            value = self.components_value()
        except ValueError:
            return
        if value is None:
            return
        self.coefficient.setText(str(value))
        self.coefficient.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refresh(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        problems = []
        try:
            self.coefficient_value()
        except ValueError as error:
            problems.append(str(error))
        ok.setEnabled(not problems)
        try:
            computed = self.components_value()
        except ValueError as error:
            computed = None
            if self.show_components.isChecked():
                problems.append(str(error))
        self.computed.setText(
            f"= {window_number(str(computed))}"
            if computed is not None
            else self.tr("type the period and the class")
        )
        self.use.setEnabled(computed is not None)
        self.problem.setText("\n".join(problems))

    def crew(self) -> Crew:
        """The crew as entered (ValueError if the coefficient is not valid)."""
        try:
            return crew_from_json(self.crew_json(), "crew dialog")
        except InputError as error:
            raise ValueError(text_shown(error.text)) from None

    def crew_json(self) -> dict[str, Any]:
        """The crew as the log header writes it: unknown values left out, coefficient a string."""
        out: dict[str, Any] = {}
        if self.number.text().strip():
            out["number"] = int(self.number.text())
        out["driver"] = self.driver.text().strip()
        out["navigator"] = self.navigator.text().strip()
        out["car"] = self.car.text().strip()
        if self.year.value() != self.year.minimum():
            out["year"] = self.year.value()
        coefficient = self.coefficient_value()
        if coefficient is not None:
            out["coefficient"] = str(coefficient)
        return out


# -- official time sync ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SyncRequest:
    """At session instant ``t_ns`` the official clock read ``official_ms`` (ms since midnight)."""

    t_ns: int
    official_ms: int
    source: str  # "minute", "typed", "nudge"


def nearest_minute_ms(official_ms: int) -> int:
    """The full minute nearest to ``official_ms`` (half a minute rounds up)."""
    return (official_ms + MS_PER_MIN // 2) // MS_PER_MIN * MS_PER_MIN


OfficialAt = Callable[[int], "int | None"]  # session instant -> official ms, None before a sync
JumpConfirmer = Callable[[QWidget, str], bool]  # (parent, the question) -> go ahead?
MARK_KEY = Qt.Key.Key_M
MARK_TEXT = QT_TRANSLATE_NOOP("SyncDialog", "Mark (M)")  # shown through translate()
SPACE_HINT = QT_TRANSLATE_NOOP(
    "SyncDialog", "Space records passes, not the mark: press M (or click Mark) at second 00."
)


def jump_box(parent: QWidget, question: str) -> tuple[QMessageBox, QPushButton]:
    """The question before a large jump of official time, and its Sync button; Cancel is the
    default (Return, Escape and a closed box all cancel)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("SyncDialog", "Move official time?"),
        question,
        parent=parent,
    )
    sync = box.addButton(
        QCoreApplication.translate("SyncDialog", "Sync"), QMessageBox.ButtonRole.AcceptRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box, sync


def confirm_jump(parent: QWidget, question: str) -> bool:
    """Ask before a large jump of official time (modal; Cancel is the default button)."""
    box, sync = jump_box(parent, question)
    box.exec()
    return box.clickedButton() is sync


class _MarkButton(QPushButton):
    """Stamps on press (not release), from the mouse event's own time."""

    marked = Signal(object)  # the mouse event's timestamp (ms), or 0

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.marked.emit(event.timestamp())
        super().mousePressEvent(event)


class SyncDialog(QDialog):
    """The three ways to sync to the official clock (see the module doc); stays open.

    ``official_at(t_ns)`` is mmtimer's official time at a session instant (None before any sync);
    ``computer_ms()`` is the computer's local time of day, used only to pick the nearest minute
    before the first sync.
    """

    sync_requested = Signal(object)  # SyncRequest

    def __init__(
        self,
        stamper: EventStamper,
        official_at: OfficialAt,
        computer_ms: Callable[[], int],
        last_sync_ns: Callable[[], int | None] = lambda: None,
        parent: QWidget | None = None,
        *,
        confirm: JumpConfirmer = confirm_jump,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Official time"))
        self.stamper = stamper
        self.official_at = official_at
        self.computer_ms = computer_ms
        self.last_sync_ns = last_sync_ns
        self.confirm = confirm  # asks before a jump over 2 s (tests give their answer)

        minute_box = QGroupBox(self.tr("At the official full minute"))
        minute = QGridLayout(minute_box)
        minute.addWidget(
            QLabel(self.tr("Press Mark (or M) when the official clock shows second 00.")),
            0,
            0,
            1,
            3,
        )
        self.own_minute = QCheckBox(self.tr("Set the minute"))
        self.minute_edit = QTimeEdit()
        self.minute_edit.setDisplayFormat("HH:mm")
        self.minute_edit.setEnabled(False)
        self.own_minute.toggled.connect(self.minute_edit.setEnabled)
        self.mark = _MarkButton(translate("SyncDialog", MARK_TEXT))
        self.mark.setToolTip(self.tr("Press at the official full minute (second 00); the key is M"))
        self.mark.setDefault(False)
        self.mark.setAutoDefault(False)
        self.mark.marked.connect(lambda ts: self.mark_minute(self.stamper.stamp(ts).t_ns))
        minute.addWidget(self.own_minute, 1, 0)
        minute.addWidget(self.minute_edit, 1, 1)
        minute.addWidget(self.mark, 1, 2)

        typed_box = QGroupBox(self.tr("Type the official time"))
        typed = QVBoxLayout(typed_box)
        typed.addWidget(
            QLabel(self.tr("Type a time a few seconds ahead; press Enter when it shows."))
        )
        self.typed = QLineEdit()
        self.typed.setPlaceholderText(self.tr("HH:MM:SS or HH:MM:SS.cc"))
        self.typed.installEventFilter(self)
        typed.addWidget(self.typed)

        nudge_box = QGroupBox(self.tr("Nudge mmtimer's official time"))
        nudge = QHBoxLayout(nudge_box)
        self.earlier = QPushButton(self.tr("-0.1 s"))
        self.later = QPushButton(self.tr("+0.1 s"))
        for button, delta in ((self.earlier, -NUDGE_MS), (self.later, NUDGE_MS)):
            button.setAutoDefault(False)
            button.clicked.connect(
                lambda _=False, d=delta: self.nudge(self.stamper.clock.now_ns(), d)
            )
            nudge.addWidget(button)

        self.status = QLabel()
        self.jump = QLabel()  # what the last sync did to official time
        self.jump.setAccessibleName(self.tr("Jump of the last sync"))
        self.jump.hide()  # until a sync from this dialog
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #d23c2c")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        layout = QVBoxLayout(self)
        for widget in (
            minute_box,
            typed_box,
            nudge_box,
            self.status,
            self.jump,
            self.problem,
            close,
        ):
            layout.addWidget(widget)
        # M marks the minute wherever the focus is; Space marks nothing and clicks no button.
        for child in (self, *self.findChildren(QWidget)):
            child.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(500)
        self.refresh()

    def _estimate_ms(self, t_ns: int) -> int:
        official = self.official_at(t_ns)
        return official if official is not None else self.computer_ms()

    def refresh(self) -> None:
        """Update the status line and what can be done (the timer only calls this)."""
        now_ns = self.stamper.clock.now_ns()
        official = self.official_at(now_ns)
        self.earlier.setEnabled(official is not None)
        self.later.setEnabled(official is not None)
        last = self.last_sync_ns()
        if official is None or last is None:
            self.status.setText(
                self.tr("Not synced yet: mmtimer's official time is the computer's.")
            )
        else:
            since = describe_since(max(0, now_ns - last) // NS_PER_S)
            self.status.setText(
                self.tr("Official time %1; last sync %2 ago.")
                .replace("%1", format_time_of_day(official, 0))
                .replace("%2", since)
            )
        if not self.own_minute.isChecked():
            minute = nearest_minute_ms(self._estimate_ms(now_ns) + MS_PER_MIN // 2)
            self.minute_edit.setTime(QTime(0, 0).addMSecs(minute % (24 * 60 * MS_PER_MIN)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.type() not in (
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
        ):
            return super().eventFilter(watched, event)
        key = event.key()
        pressed = event.type() == QEvent.Type.KeyPress
        if pressed and watched is self.typed and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_typed(self.stamper.stamp(event.timestamp()).t_ns)
            return True
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == MARK_KEY and plain:  # no time field takes an M: it marks from any of them
            if pressed and not event.isAutoRepeat():
                self.mark_minute(self.stamper.stamp(event.timestamp()).t_ns)
            return True
        if key == Qt.Key.Key_Space and not isinstance(watched, QLineEdit | QAbstractSpinBox):
            if pressed:
                self.problem.setText(translate("SyncDialog", SPACE_HINT))
            return True  # its press and release: a focused button is never clicked by Space
        return super().eventFilter(watched, event)

    def _emit(self, request: SyncRequest, *, ask: bool = True) -> SyncRequest | None:
        """Send the sync, after asking if it moves official time more than 2 s (`ask`)."""
        current = self.official_at(request.t_ns)
        jump = sync_jump_ms(current, request.official_ms)
        if (
            ask
            and current is not None
            and jump is not None
            and asks_first(jump)
            and not self.confirm(self, self.jump_question(current, request.official_ms, jump))
        ):
            self.problem.setText(
                self.tr("Not synced: you cancelled a jump of %1 s.").replace("%1", signed_s(jump))
            )
            return None
        self.problem.setText("")
        self.sync_requested.emit(request)
        self.jump.setText(
            self.tr("First sync: official time set.")
            if jump is None
            else self.tr("Last sync: official time jumped %1 s.").replace(
                "%1", window_number(signed_s(jump))
            )
        )
        self.jump.show()
        self.refresh()
        return request

    def jump_question(self, current_ms: int, new_ms: int, jump_ms: int) -> str:
        """The question before a jump over 2 s: how far, and from which time of day to which."""
        return (
            self.tr(
                "This sync moves official time a long way: official time jumps %1 s "
                "(from %2 to %3). Every target from now on moves with it. Sync anyway?"
            )
            .replace("%1", window_number(signed_s(jump_ms)))
            .replace("%2", window_number(format_time_of_day(current_ms)))
            .replace("%3", window_number(format_time_of_day(new_ms)))
        )

    def mark_minute(self, t_ns: int) -> SyncRequest | None:
        """The official clock shows a full minute at ``t_ns``: which one, see the module doc."""
        if self.own_minute.isChecked():
            minute_ms = self.minute_edit.time().msecsSinceStartOfDay()
        else:
            minute_ms = nearest_minute_ms(self._estimate_ms(t_ns))
        return self._emit(SyncRequest(t_ns, minute_ms, "minute"))

    def enter_typed(self, t_ns: int) -> SyncRequest | None:
        """Enter pressed at ``t_ns`` while the typed official time showed."""
        try:
            official_ms = parse_time_of_day_ms(self.typed.text().strip(), "official time")
        except FormatError as error:
            self.problem.setText(error_shown(error))
            return None
        request = self._emit(SyncRequest(t_ns, official_ms, "typed"))
        if request is not None:
            self.typed.clear()
        return request

    def nudge(self, t_ns: int, delta_ms: int) -> SyncRequest | None:
        """From ``t_ns`` on, official time is ``delta_ms`` later (+) or earlier (-)."""
        official = self.official_at(t_ns)
        if official is None:
            self.problem.setText(self.tr("Sync once before nudging."))
            return None
        return self._emit(SyncRequest(t_ns, official + delta_ms, "nudge"), ask=False)


# -- trigger and beep settings -----------------------------------------------------------------


def parse_marks_s(text: str, what: str) -> tuple[int, ...]:
    """Seconds relative to the target, as typed (``-5, -4, -3`` or ``-2.5``) -> ms, sorted."""
    marks: set[int] = set()
    for item in text.replace(";", ",").split(","):
        if not item.strip():
            continue
        try:
            marks.add(parse_seconds_ms(item.strip(), what))
        except FormatError as error:
            raise ValueError(error_shown(error)) from None
    if any(not -600_000 <= m <= 0 for m in marks):
        raise ValueError(
            QCoreApplication.translate(
                "SettingsDialog", "%1: give seconds before the target, from -600 to 0"
            ).replace("%1", what)
        )
    return tuple(sorted(marks))


def format_marks_s(marks_ms: tuple[int, ...]) -> str:
    def one(mark_ms: int) -> str:
        if mark_ms % 1000 == 0:
            return format_seconds(mark_ms, 0)
        return format_seconds(mark_ms, 3).rstrip("0")

    return ", ".join(one(m) for m in marks_ms)


class SettingsDialog(QDialog):
    """Trigger keys and guard time; countdown beeps (marks, output lead, sound on or off)."""

    def __init__(
        self,
        triggers: TriggerSettings,
        beeps: BeepSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # modal: the language cannot change while it is open, so its texts are set once
        self.setWindowTitle(self.tr("Triggers and beeps"))
        trigger_box = QGroupBox(self.tr("Trigger keys (a press records a pass)"))
        trigger_form = QVBoxLayout(trigger_box)
        self.key_boxes: dict[str, QCheckBox] = {}
        for name in TRIGGER_KEYS:
            box = QCheckBox(translate("Trigger", KEY_LABELS.get(name, name)))
            box.setChecked(name in triggers.keys)
            self.key_boxes[name] = box
            trigger_form.addWidget(box)
        self.guard = QSpinBox()
        self.guard.setRange(0, 10_000)
        self.guard.setSingleStep(100)
        self.guard.setSuffix(" ms")
        self.guard.setValue(triggers.guard_ms)
        guard_row = QFormLayout()
        guard_row.addRow(self.tr("Guard time (a faster second press is flagged)"), self.guard)
        trigger_form.addLayout(guard_row)

        beep_box = QGroupBox(self.tr("Countdown beeps"))
        beep_form = QFormLayout(beep_box)
        self.sound = QCheckBox(self.tr("Sound (the flash is always shown)"))
        self.sound.setChecked(beeps.sound)
        self.short_marks = QLineEdit(format_marks_s(beeps.short_ms))
        self.long_marks = QLineEdit(format_marks_s(beeps.long_ms))
        self.lead = QSpinBox()
        self.lead.setRange(0, 1000)
        self.lead.setSuffix(" ms")
        self.lead.setValue(beeps.lead_ms)
        self.lead.setToolTip(
            self.tr("Start each beep this much early to make up for the audio latency")
        )
        beep_form.addRow(self.sound)
        beep_form.addRow(self.tr("Short beeps at (s)"), self.short_marks)
        beep_form.addRow(self.tr("Long beeps at (s)"), self.long_marks)
        beep_form.addRow(self.tr("Output lead"), self.lead)

        self.problem = QLabel()
        self.problem.setStyleSheet("color: #d23c2c")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (trigger_box, beep_box, self.problem, self.buttons):
            layout.addWidget(widget)
        for box in self.key_boxes.values():
            box.toggled.connect(self._refresh)
        self.short_marks.textChanged.connect(self._refresh)
        self.long_marks.textChanged.connect(self._refresh)
        self._refresh()

    def trigger_settings(self) -> TriggerSettings:
        keys = tuple(name for name, box in self.key_boxes.items() if box.isChecked())
        if not keys:
            raise ValueError(self.tr("choose at least one trigger key"))
        return TriggerSettings(keys, self.guard.value())

    def beep_settings(self) -> BeepSettings:
        return BeepSettings(
            parse_marks_s(self.short_marks.text(), self.tr("short beeps")),
            parse_marks_s(self.long_marks.text(), self.tr("long beeps")),
            self.lead.value(),
            self.sound.isChecked(),
        )

    def _refresh(self) -> None:
        try:
            self.trigger_settings()
            self.beep_settings()
        except ValueError as error:
            self.problem.setText(str(error))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self.problem.setText("")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
