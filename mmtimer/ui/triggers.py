"""The trigger: which keys record a pass, and the session instant of each press.

A press is stamped with the instant the key went down, not the instant the handler ran, wherever
the window system says when that was (DESIGN.md, "QKeyEvent.timestamp()"):

- X11 (``xcb``), Wayland, macOS (``cocoa``): the event's millisecond timestamp counts an OS clock
  (``core.clock.EventClock``). The handler reads the session clock and that clock back to back;
  the event's age on the event clock is carried onto the session clock. X11's 32-bit wrap is
  undone, and the session clock may differ from the event clock by the time slept: only the age
  crosses over. A busy GUI thread therefore cannot shift the stamp.
- If the age makes no sense (a remote X server, whose clock is not ours), an estimator takes
  over: the offset between the two clocks is at most ``handled - event`` for every event, so the
  smallest such difference over the last 30 s estimates it (reset when it jumps, e.g. after a
  sleep). A stamp is never later than the handling instant.
- Elsewhere (Windows, offscreen, a timestamp of 0): the clock read first thing in the handler.

Key auto-repeat is ignored. A press within the guard time of the previous one is recorded but
flagged, so the window can offer a one-key undo.

While a stage is under way (its log has started), ``Trigger.guard_everywhere(True)`` installs a
second application event filter that takes the trigger keys wherever the keyboard is: a dialog
(sync, crew, settings, a message box, F1), an open menu, a text field, a focused button (Space
never clicks it), another mmtimer window. It records the press and swallows the key's
ShortcutOverride, auto-repeat and release, so nothing else reads the key (issue 12). A trigger
key with Shift held (a hand on the seat in a bump) records the pass too: a focused button would
otherwise take Shift+Space as a click. Other modifiers (Ctrl, Alt, Meta) leave the key to its
shortcut. A native file dialog of the desktop (GTK, Windows, macOS) runs outside Qt's event loop,
where no filter sees its keys, so while the guard is on the application uses Qt's own dialogs
(``Qt.AA_DontUseNativeDialogs``), and the setting it had comes back when the guard goes.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

from mmtimer.core.clock import NS_PER_MS, Clock, EventClock
from mmtimer.present.stamping import MAX_LAG_NS, OffsetEstimator, Stamp, map_event
from mmtimer.ui.i18n import QT_TRANSLATE_NOOP, retranslated

# The keys a navigator may use as triggers: name (as written in settings and in the log's
# `source`) -> Qt key. Presentation clickers send PageDown/PageUp (sometimes B, "blank screen");
# foot switches are often programmed to Return.
TRIGGER_KEYS: dict[str, Qt.Key] = {
    "Space": Qt.Key.Key_Space,
    "PageDown": Qt.Key.Key_PageDown,
    "PageUp": Qt.Key.Key_PageUp,
    "Return": Qt.Key.Key_Return,
    "Enter": Qt.Key.Key_Enter,
    "B": Qt.Key.Key_B,
}
KEY_LABELS: dict[str, str] = {  # shown through translate("Trigger", ...)
    "Space": QT_TRANSLATE_NOOP("Trigger", "Space bar"),
    "PageDown": QT_TRANSLATE_NOOP("Trigger", "Page Down (presentation clickers)"),
    "PageUp": QT_TRANSLATE_NOOP("Trigger", "Page Up (presentation clickers)"),
    "Return": QT_TRANSLATE_NOOP("Trigger", "Return (foot switches)"),
    "Enter": QT_TRANSLATE_NOOP("Trigger", "Enter on the keypad"),
    "B": QT_TRANSLATE_NOOP("Trigger", "B (the clickers' blank-screen button)"),
}
DEFAULT_KEYS: tuple[str, ...] = ("Space",)
DEFAULT_GUARD_MS = 1000

# Platforms whose input events carry the moment the window system saw them.
TIMESTAMPED_PLATFORMS = ("xcb", "wayland", "cocoa")

SETTINGS_KEYS = "triggers/keys"
SETTINGS_GUARD_MS = "triggers/guard_ms"


@dataclass(frozen=True, slots=True)
class TriggerSettings:
    """Which keys trigger (names from ``TRIGGER_KEYS``) and the guard time in ms."""

    keys: tuple[str, ...] = DEFAULT_KEYS
    guard_ms: int = DEFAULT_GUARD_MS

    def __post_init__(self) -> None:
        unknown = [k for k in self.keys if k not in TRIGGER_KEYS]
        if unknown:
            raise ValueError(
                f"unknown trigger key {unknown[0]!r}; one of {', '.join(TRIGGER_KEYS)}"
            )
        if self.guard_ms < 0:
            raise ValueError("the guard time cannot be negative")

    def key_name(self, key: int) -> str | None:
        """The trigger name of a Qt key, or None if that key is not a trigger."""
        for name in self.keys:
            if TRIGGER_KEYS[name] == key:
                return name
        return None


def load_trigger_settings(settings: QSettings) -> TriggerSettings:
    """The saved trigger settings; anything unreadable falls back to the defaults."""
    raw_keys = settings.value(SETTINGS_KEYS, ",".join(DEFAULT_KEYS))
    names = raw_keys if isinstance(raw_keys, list) else str(raw_keys).split(",")
    keys = tuple(n.strip() for n in names if n.strip() in TRIGGER_KEYS) or DEFAULT_KEYS
    try:
        guard_ms = max(0, int(str(settings.value(SETTINGS_GUARD_MS, DEFAULT_GUARD_MS))))
    except ValueError:
        guard_ms = DEFAULT_GUARD_MS
    return TriggerSettings(tuple(dict.fromkeys(keys)), guard_ms)


def save_trigger_settings(settings: QSettings, trigger: TriggerSettings) -> None:
    settings.setValue(SETTINGS_KEYS, ",".join(trigger.keys))
    settings.setValue(SETTINGS_GUARD_MS, trigger.guard_ms)


class EventStamper:
    """Maps an input event's millisecond timestamp onto the session clock (see module doc)."""

    MAX_LAG_NS = MAX_LAG_NS

    def __init__(self, clock: Clock, platform_name: str, event_clock: EventClock | None) -> None:
        self.clock = clock
        self.platform_name = platform_name
        self.timestamped = platform_name.startswith(TIMESTAMPED_PLATFORMS)
        self._event_clock = event_clock
        self._estimator = OffsetEstimator(self.MAX_LAG_NS)

    @classmethod
    def for_this_platform(cls, clock: Clock) -> EventStamper:
        """The stamper for the running QGuiApplication's platform and this OS's event clock."""
        return cls(clock, QGuiApplication.platformName(), EventClock.system())

    def stamp(self, event_ms: int) -> Stamp:
        """Call first thing in the handler: reads the clock, then maps the event's timestamp
        (the mapping is mmtimer.present.stamping's)."""
        handled_ns = self.clock.now_ns()
        lag_ns = None
        if self.timestamped and event_ms > 0 and self._event_clock is not None:
            lag_ns = self._event_clock.lag_ns(event_ms)
        return map_event(
            event_ms,
            handled_ns,
            timestamped=self.timestamped,
            lag_ns=lag_ns,
            estimator=self._estimator,
        )


@dataclass(frozen=True, slots=True)
class TriggerPress:
    """One press of a trigger: the session instant, what made it, and whether it is guarded.

    ``guarded``: it came within the guard time of the previous press (recorded, but flagged for
    the one-key undo). ``source`` is written to the log: ``key:Space``, ``button``...
    """

    t_ns: int
    source: str
    guarded: bool
    handled_ns: int
    method: str


_TEXT_INPUTS = (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit)


class Trigger(QObject):
    """Turns trigger key presses in one window (and the on-screen button) into ``pressed``.

    ``attach(window)`` watches key events addressed to that window's widgets (an application
    event filter, so a focused button or list cannot swallow Space). Keys typed into a text field,
    or into another window such as a dialog, are left alone.
    """

    pressed = Signal(object)  # TriggerPress

    def __init__(
        self,
        stamper: EventStamper,
        settings: TriggerSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.stamper = stamper
        self.settings = settings or TriggerSettings()
        self._window: QWidget | None = None
        self._last_t_ns: int | None = None
        self.enabled = True
        self._guard: _EverywhereFilter | None = None
        self._held: set[int] = set()  # trigger keys taken down while guarding: their release too

    def attach(self, window: QWidget) -> None:
        """Listen for trigger keys in ``window`` (once; the filter lives as long as this object)."""
        self._window = window
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def detach(self) -> None:
        self.guard_everywhere(False)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._window = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # every event of the application comes here (paints, timers: hundreds a second): the
        # class first, cheaper than the type's enum
        if not isinstance(event, QKeyEvent) or not isinstance(watched, QWidget):
            return False
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if self._window is None or watched.window() is not self._window:
            return False
        if not self.enabled or isinstance(watched, _TEXT_INPUTS):
            return False
        if self.settings.key_name(event.key()) is None or event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier
        ):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # a trigger key is ours: no menu shortcut may take it
            return True
        self.handle_key(event)
        return True

    def handle_key(self, event: QKeyEvent) -> TriggerPress | None:
        """Record a trigger key press (not auto-repeat); returns the press, or None."""
        stamp = self.stamper.stamp(event.timestamp())
        name = self.settings.key_name(event.key())
        if name is None or event.isAutoRepeat():
            return None
        return self._record(stamp, f"key:{name}")

    def handle_button(self, event: QMouseEvent | None) -> TriggerPress:
        """Record a press of the on-screen button (mouse or touch)."""
        stamp = self.stamper.stamp(event.timestamp() if event is not None else 0)
        return self._record(stamp, "button")

    def _record(self, stamp: Stamp, source: str) -> TriggerPress:
        guard_ns = self.settings.guard_ms * NS_PER_MS
        guarded = self._last_t_ns is not None and stamp.t_ns - self._last_t_ns < guard_ns
        self._last_t_ns = stamp.t_ns
        press = TriggerPress(stamp.t_ns, source, guarded, stamp.handled_ns, stamp.method)
        self.pressed.emit(press)
        return press

    @property
    def guarding(self) -> bool:
        """The trigger keys are taken wherever the keyboard is (a stage is under way)."""
        return self._guard is not None

    def guard_everywhere(self, on: bool) -> None:
        """While a stage is under way (on): the trigger keys record a pass whatever has focus,
        in any window of the application (see the module doc); off: only in the window given to
        ``attach``, and not in a text field, as before the log starts."""
        app = QApplication.instance()
        if on and self._guard is None and app is not None:
            # a child of the trigger: deleted with it, and so out of the application's filters
            # (Qt drops a deleted filter), even if the window never said "off"
            self._guard = _EverywhereFilter(self)
            app.installEventFilter(self._guard)  # the last installed filter runs first
        elif not on and self._guard is not None:
            guard, self._guard = self._guard, None
            self._held.clear()
            guard.release_dialogs()
            if shiboken6.isValid(guard):
                if app is not None:
                    app.removeEventFilter(guard)
                guard.deleteLater()

    def _guard_key(self, event: QKeyEvent) -> bool:
        """The application-wide filter's decision for one key event: True takes it."""
        kind = event.type()
        key = event.key()
        if kind == QEvent.Type.KeyRelease:
            if key in self._held:
                if not event.isAutoRepeat():
                    self._held.discard(key)
                return True
            return False
        if not self.enabled or self.settings.key_name(key) is None:
            return False
        if event.modifiers() & ~GUARD_IGNORED_MODIFIERS:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # no shortcut, menu mnemonic or dialog button may take it
            return True
        self._held.add(key)
        self.handle_key(event)  # auto-repeat is taken and ignored
        return True

    def forget_last(self) -> None:
        """After the last press was voided, the next press is not measured against it."""
        self._last_t_ns = None


GUARD_IGNORED_MODIFIERS = Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
"""Held with a trigger key while a stage is under way, these still make it a pass."""

_GUARDED_KEY_EVENTS = (
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.ShortcutOverride,
)


class _QtDialogsOnly:
    """``Qt.AA_DontUseNativeDialogs`` on while any guard holds it, then the application's own
    setting again (guards of two windows may overlap and end in any order)."""

    holders = 0
    before = False

    @classmethod
    def hold(cls) -> None:
        native = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
        if cls.holders == 0:
            cls.before = QApplication.testAttribute(native)
            QApplication.setAttribute(native, True)
        cls.holders += 1

    @classmethod
    def release(cls) -> None:
        cls.holders -= 1
        if cls.holders == 0:
            QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, cls.before)


class _EverywhereFilter(QObject):
    """The application event filter of ``Trigger.guard_everywhere``: every key event of every
    object (a window, a widget, a popup menu) goes through the trigger first. While it lives,
    file dialogs are Qt's own (``_QtDialogsOnly``): let go by ``release_dialogs`` or, when its
    window goes without saying "off", by its own destruction."""

    def __init__(self, trigger: Trigger) -> None:
        super().__init__(trigger)
        self._trigger = trigger
        _QtDialogsOnly.hold()
        held = [True]

        def release(*_: object) -> None:
            if held[0]:
                held[0] = False
                _QtDialogsOnly.release()

        self.release_dialogs = release
        self.destroyed.connect(release)  # a plain function: it outlives the object

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() in _GUARDED_KEY_EVENTS:
            return self._trigger._guard_key(event)
        return False


class TriggerButton(QWidget):
    """The large on-screen trigger: a press (not a release) records the pass, mouse or touch.

    It never takes keyboard focus, so Space is never read as a click on it.
    """

    _label = "PASS"  # in the current language: retranslate

    def __init__(self, trigger: Trigger, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trigger = trigger
        self._down = False
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(120, 56)
        retranslated(self, self.retranslate)

    def retranslate(self) -> None:
        self._label = self.tr("PASS")
        self.setToolTip(self.tr("Record a pass (same as the trigger key)"))
        self.setAccessibleName(self.tr("Record a pass"))
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.trigger.enabled:
            self.trigger.handle_button(event)
            self._down = True
            self.update()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._down = False
        self.update()
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        face = palette.highlight().color() if self._down else palette.button().color()
        rect = self.rect().adjusted(2, 2, -2, -2)
        painter.setPen(palette.mid().color())
        painter.setBrush(face)
        painter.drawRoundedRect(rect, 10, 10)
        font = painter.font()
        font.setBold(True)
        font.setPixelSize(max(12, rect.height() // 3))
        painter.setFont(font)
        painter.setPen(
            palette.highlightedText().color() if self._down else palette.buttonText().color()
        )
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._label)
        painter.end()
