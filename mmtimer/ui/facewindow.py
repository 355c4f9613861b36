"""What every chronograph window has: the face, the View and Help menus, quitting, frames.

`FaceWindow` is the base of the plain chronograph window (ui/mainwindow.py) and the stage
window (ui/stagewindow.py): a `ChronoFace` (the dial and its readouts) as the centrepiece, the
File menu with Quit, View (dial colour, chronograph hand, full screen), Help (F1, About), the
window's geometry, colour and hand kept in QSettings, and the frame timer. Each window says what
the face shows (`refresh`) and adds its own menus before Help. The repaint timer only decides
when to look again (a tick is never counted as time, DESIGN.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QMenu, QMessageBox, QVBoxLayout, QWidget

from mmtimer import __version__
from mmtimer.core.clock import NS_PER_MS
from mmtimer.present.face import FaceView
from mmtimer.ui.appstyle import apply_theme
from mmtimer.ui.chronoface import ChronoFace
from mmtimer.ui.controller import Controller
from mmtimer.ui.dial import DialWidget
from mmtimer.ui.dialstate import DialState, Stepping
from mmtimer.ui.helpdialog import KeyboardHelp
from mmtimer.ui.i18n import LanguageMenu
from mmtimer.ui.messagebar import MessageBar
from mmtimer.ui.readout import Readout
from mmtimer.ui.themes import DEFAULT_THEME, THEMES, Theme, theme_label, theme_named

ACTIVE_INTERVAL_MS = 16  # about 60 frames a second while the window is in front
INACTIVE_INTERVAL_MS = 100  # behind another window: ten a second keeps the readouts honest
LONGEST_WAIT_MS = 1000  # the longest the window waits to look again, even when nothing moves

KEY_GEOMETRY = "window/geometry"
KEY_THEME = "dial/theme"
KEY_STEPPING = "dial/stepping"


def make_action(
    parent: QObject, text: str, *keys: str | QKeySequence | QKeySequence.StandardKey
) -> QAction:
    """An action with its shortcuts (the first is the one menus show)."""
    act = QAction(text, parent)
    if keys:
        act.setShortcuts([QKeySequence(k) for k in keys])
    return act


class FaceWindow(QMainWindow):
    """A main window around a `ChronoFace` with the readouts `face_names`."""

    def __init__(
        self,
        controller: Controller,
        settings: QSettings | None,
        face_names: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings if settings is not None else QSettings()
        # messages wrap, never cut, and every one of the session is kept in a log a click opens
        self.setStatusBar(MessageBar(self, controller.clock))
        self._first_paint_callbacks: list[Callable[[], None]] = []
        self._first_paint_widget: QWidget | None = None
        self.face = ChronoFace(face_names, self)
        self.side_panel = self.face.side_panel
        central = QWidget(self)
        central.setAutoFillBackground(True)
        # a column: what a window puts above the face (a banner), then the face's row
        self.central_column = QVBoxLayout(central)
        self.central_column.setContentsMargins(0, 0, 0, 0)
        self.central_column.setSpacing(0)
        self.central_row = QHBoxLayout()
        self.central_row.setContentsMargins(0, 12, 0, 12)
        self.central_row.setSpacing(0)
        self.central_row.addWidget(self.face, 5)
        self.central_column.addLayout(self.central_row, 1)
        self.setCentralWidget(central)
        self._central = central
        # Frames: a single-shot timer set, after each look, for when the next thing shown will
        # change (a hand's next step, the next hundredth or second of a readout), at most every
        # _frame_ms; it only says when to look (angles and texts come from the clock then).
        self._repaint_timer = QTimer(self)
        self._repaint_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._repaint_timer.setSingleShot(True)
        self._frame_ms: int | None = None  # the fastest the window looks: None while hidden
        self._make_window_actions()
        self._make_window_menus()
        self.retranslate_window()

    # -- the face's parts, by name -------------------------------------------------------------
    @property
    def dial(self) -> DialWidget:
        return self.face.dial

    @property
    def chrono_readout(self) -> Readout:
        return self.face.readout("chrono")

    @property
    def mark_readout(self) -> Readout:
        return self.face.readout("mark")

    @property
    def official_readout(self) -> Readout:
        return self.face.readout("official")

    # -- actions and menus -----------------------------------------------------------------------
    def _make_window_actions(self) -> None:
        # texts: retranslate_window (again at each change of language)
        self.quit_action = make_action(self, "", QKeySequence.StandardKey.Quit)
        self.full_screen_action = make_action(self, "", "F11")
        self.full_screen_action.setCheckable(True)
        self.help_action = make_action(self, "", "F1")
        self.about_action = make_action(self, "")
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name in THEMES:
            act = make_action(self, "")
            act.setCheckable(True)
            act.setData(name)
            self.theme_group.addAction(act)
            self.theme_actions[name] = act
        self.stepping_group = QActionGroup(self)
        self.stepping_actions = {
            Stepping.EIGHTHS: make_action(self, ""),
            Stepping.SWEEP: make_action(self, ""),
        }
        for stepping, act in self.stepping_actions.items():
            act.setCheckable(True)
            act.setData(stepping.value)
            self.stepping_group.addAction(act)

    def _make_window_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        self.colour_menu = self.view_menu.addMenu("")
        for act in self.theme_actions.values():
            self.colour_menu.addAction(act)
        self.hand_menu = self.view_menu.addMenu("")
        for act in self.stepping_actions.values():
            self.hand_menu.addAction(act)
        self.language_menu = LanguageMenu(
            self.settings, lambda m: self.statusBar().showMessage(m, 10_000), self
        )
        self.view_menu.addMenu(self.language_menu)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.full_screen_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.help_action)
        self.help_menu.addAction(self.about_action)

    def retranslate_window(self) -> None:
        """The texts every face window has, in the current language (at each LanguageChange)."""
        self.setWindowTitle("mmtimer")
        self.quit_action.setText(self.tr("&Quit"))
        self.full_screen_action.setText(self.tr("&Full screen"))
        self.help_action.setText(self.tr("&Keyboard shortcuts"))
        self.about_action.setText(self.tr("&About mmtimer"))
        for name, act in self.theme_actions.items():
            act.setText(theme_label(THEMES[name]))
        self.stepping_actions[Stepping.EIGHTHS].setText(
            self.tr("&Eighths of a second (28,800 vph)")
        )
        self.stepping_actions[Stepping.SWEEP].setText(self.tr("S&weep"))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.colour_menu.setTitle(self.tr("&Theme (dial colour)"))
        self.hand_menu.setTitle(self.tr("Chronograph &hand"))
        self.help_menu.setTitle(self.tr("&Help"))

    def retranslate(self) -> None:
        """Every text of the window in the current language; a window with more says so."""
        self.retranslate_window()
        self.face.retranslate()
        self.refresh()

    def add_menu_before_help(self, menu: QMenu) -> None:
        self.menuBar().insertMenu(self.help_menu.menuAction(), menu)

    def _connect_window_signals(self) -> None:
        """The wiring every face window has (each window's `_connect_signals` calls it)."""
        self.theme_group.triggered.connect(lambda act: self.set_theme(str(act.data())))
        self.stepping_group.triggered.connect(
            lambda act: self.set_stepping(Stepping(str(act.data())))
        )
        self.full_screen_action.toggled.connect(self._set_full_screen)
        self.help_action.triggered.connect(self.show_keyboard_help)
        self.about_action.triggered.connect(self._show_about)
        self.quit_action.triggered.connect(self.close)
        self._repaint_timer.timeout.connect(self.refresh)  # "look again now"

    # -- frames ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the state at this instant and show it (each window says what)."""
        raise NotImplementedError

    def show_face(self, view: FaceView, dial: DialState, t_ns: int) -> None:
        """Show `view` on the face, then set the timer for the next look."""
        self.face.show_face(view, dial)
        self._schedule_frame(t_ns, view.chrono_running, view.chrono_elapsed_ns, view.official_ms)

    def pending_until_ns(self) -> list[int]:
        """Instants at which something shown ends by itself (a pusher shown pressed)."""
        return []

    def next_frame_ns(self, t_ns: int, running: bool, elapsed_ns: int, official: int | None) -> int:
        """How long after `t_ns` something this window shows will change; a subclass that shows
        more says so here (LONGEST_WAIT_MS at most)."""
        waits = [LONGEST_WAIT_MS * NS_PER_MS]
        dial = self.dial.next_change_ns()
        if dial is not None:
            waits.append(dial)
        if running:  # the readout's next hundredth
            waits.append(10 * NS_PER_MS - max(0, elapsed_ns) % (10 * NS_PER_MS))
        if official is not None:  # the official time's next second
            waits.append((1000 - official % 1000) * NS_PER_MS)
        waits.extend(until - t_ns for until in self.pending_until_ns() if until > t_ns)
        return min(waits)

    def _schedule_frame(
        self, t_ns: int, running: bool, elapsed_ns: int, official: int | None
    ) -> None:
        if self._frame_ms is None:
            return
        wait_ms = -(-self.next_frame_ns(t_ns, running, elapsed_ns, official) // NS_PER_MS) + 1
        self._repaint_timer.start(max(self._frame_ms, min(LONGEST_WAIT_MS, wait_ms)))

    def repaint_interval_ms(self) -> int | None:
        """The shortest the window waits between looks now (it waits longer while nothing it
        shows changes): None while hidden or minimized."""
        return self._frame_ms

    def _update_repaint_rate(self) -> None:
        if not self.isVisible() or self.isMinimized():
            self._frame_ms = None
            self._repaint_timer.stop()
            return
        self._frame_ms = ACTIVE_INTERVAL_MS if self.isActiveWindow() else INACTIVE_INTERVAL_MS
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        if event.type() in (QEvent.Type.ActivationChange, QEvent.Type.WindowStateChange):
            self._update_repaint_rate()
            if event.type() == QEvent.Type.WindowStateChange:
                self.full_screen_action.setChecked(self.isFullScreen())
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_repaint_rate()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._update_repaint_rate()

    def call_after_first_paint(self, callback: Callable[[], None]) -> None:
        """Call `callback` once, right after the dial (or, with the dial hidden, the window's
        central widget) has painted its first frame; callbacks run in the order given. (Which
        widget is decided at each call: the last one made before showing decides.)"""
        self._first_paint_callbacks.append(callback)
        widget = self.dial if not self.dial.isHidden() else self._central
        if widget is not self._first_paint_widget:
            if self._first_paint_widget is not None:
                self._first_paint_widget.removeEventFilter(self)
            self._first_paint_widget = widget
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        widget = self._first_paint_widget
        if watched is widget and widget is not None and event.type() == QEvent.Type.Paint:
            callbacks, self._first_paint_callbacks = self._first_paint_callbacks, []
            if callbacks:
                widget.removeEventFilter(self)
                self._first_paint_widget = None
                widget.event(event)  # paint now, then report
                for callback in callbacks:
                    callback()
                return True
        return super().eventFilter(watched, event)

    # -- view ------------------------------------------------------------------------------------
    def theme(self) -> Theme:
        return self.dial.theme()

    def set_theme(self, name: str) -> None:
        """The theme `name` on the dial, its readouts and the window around them; Night and
        Daylight also on the whole application (ui/appstyle.py). Kept in the settings."""
        theme = theme_named(name)
        apply_theme(theme)
        self.face.set_theme(theme.name)
        self.theme_actions[theme.name].setChecked(True)
        palette = self._central.palette()
        palette.setColor(self._central.backgroundRole(), theme.background)
        self._central.setPalette(palette)
        self.settings.setValue(KEY_THEME, theme.name)

    def set_stepping(self, stepping: Stepping) -> None:
        self.dial.set_stepping(stepping)
        self.stepping_actions[stepping].setChecked(True)
        self.settings.setValue(KEY_STEPPING, stepping.value)

    def _set_full_screen(self, on: bool) -> None:
        if on and not self.isFullScreen():
            self.showFullScreen()
        elif not on and self.isFullScreen():
            self.showNormal()

    def show_keyboard_help(self) -> KeyboardHelp:
        dialog = KeyboardHelp(self.menuBar(), self)
        dialog.setModal(False)
        dialog.show()
        return dialog

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About mmtimer"),
            f"mmtimer {__version__}\n"
            + self.tr("A chronograph and regularity-rally timer for navigators."),
        )

    # -- settings --------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.value(KEY_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 720)
        self.set_theme(str(self.settings.value(KEY_THEME, DEFAULT_THEME)))
        try:
            stepping = Stepping(str(self.settings.value(KEY_STEPPING, Stepping.EIGHTHS.value)))
        except ValueError:
            stepping = Stepping.EIGHTHS
        self.set_stepping(stepping)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue(KEY_GEOMETRY, self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)
