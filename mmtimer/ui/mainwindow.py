"""The main window: the dial as centrepiece, large readouts beside it, menus and shortcuts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from mmtimer import __version__
from mmtimer.core.chrono import ChronoAction
from mmtimer.core.clock import NS_PER_MS
from mmtimer.core.timefmt import format_time_of_day
from mmtimer.present.formats import format_chrono
from mmtimer.ui.controller import Controller
from mmtimer.ui.dial import DialWidget, Pusher
from mmtimer.ui.dialstate import Stepping
from mmtimer.ui.helpdialog import KeyboardHelp
from mmtimer.ui.messagebar import MessageBar
from mmtimer.ui.readout import Readout
from mmtimer.ui.themes import DEFAULT_THEME, THEMES, theme_named

ACTIVE_INTERVAL_MS = 16  # about 60 frames a second while the window is in front
INACTIVE_INTERVAL_MS = 100  # behind another window: ten a second keeps the readouts honest
LONGEST_WAIT_MS = 1000  # the longest the window waits to look again, even when nothing moves
PUSHER_FLASH_NS = 150 * NS_PER_MS  # a pusher shows pressed this long after its shortcut

KEY_GEOMETRY = "window/geometry"
KEY_THEME = "dial/theme"
KEY_STEPPING = "dial/stepping"


class MainWindow(QMainWindow):
    """The chronograph window. It reads the controller's state each frame; the repaint timer
    only decides when to look (a tick is never counted as time, DESIGN.md)."""

    def __init__(
        self,
        controller: Controller,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings if settings is not None else QSettings()
        self._pressed_until_ns: dict[Pusher, int] = {}
        self._first_paint_callback: Callable[[], None] | None = None
        self.setWindowTitle("mmtimer")
        self.setStatusBar(MessageBar(self))  # messages wrap, never cut; all kept in a log

        # -- widgets ---------------------------------------------------------------------------
        self.dial = DialWidget(self)
        self.chrono_readout = Readout("CHRONOGRAPH", "0:00:00.00", self)
        self.official_readout = Readout("OFFICIAL TIME", "00:00:00", self)
        self.mark_readout = Readout("SPLIT", "0:00:00.00", self, max_px=44)
        # The stage countdown comes with "Live stage": its slot is laid out and waits here.
        self.countdown_readout = Readout("NEXT TARGET", "-0:00.00", self)
        self.countdown_readout.set_note("no stage")
        self.countdown_readout.set_dimmed(True)

        self.side_panel = QVBoxLayout()
        self.side_panel.setContentsMargins(8, 24, 24, 24)
        self.side_panel.setSpacing(18)
        self.side_panel.addWidget(self.chrono_readout)
        self.side_panel.addWidget(self.mark_readout)
        self.side_panel.addWidget(self.official_readout)
        self.side_panel.addStretch(1)
        self.side_panel.addWidget(self.countdown_readout)
        central = QWidget(self)
        central.setAutoFillBackground(True)
        row = QHBoxLayout(central)
        row.setContentsMargins(12, 12, 0, 12)
        row.addWidget(self.dial, 3)
        row.addLayout(self.side_panel, 2)
        self.setCentralWidget(central)
        self._central = central

        # Frames: a single-shot timer set, after each look, for when the next thing shown will
        # change (a hand's next step, the next hundredth or second of a readout), at most every
        # _frame_ms; it only says when to look (angles and texts come from the clock then).
        self._repaint_timer = QTimer(self)
        self._repaint_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._repaint_timer.setSingleShot(True)
        self._frame_ms: int | None = None  # the fastest the window looks: None while hidden

        self._make_actions()
        self._make_menus()
        self._connect_signals()
        self._restore_settings()
        self.refresh()

    # -- actions and menus ---------------------------------------------------------------------
    def _make_actions(self) -> None:
        def action(text: str, keys: str | QKeySequence.StandardKey | None = None) -> QAction:
            act = QAction(text, self)
            if keys is not None:
                act.setShortcut(QKeySequence(keys))
            return act

        self.start_stop_action = action("&Start / stop", "S")
        self.split_action = action("S&plit", "P")
        self.lap_action = action("&Lap", "L")
        self.reset_action = action("&Reset", "R")
        self.quit_action = action("&Quit", QKeySequence.StandardKey.Quit)
        self.full_screen_action = action("&Full screen", "F11")
        self.full_screen_action.setCheckable(True)
        self.help_action = action("&Keyboard shortcuts", "F1")
        self.about_action = action("&About mmtimer")

        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name, theme in THEMES.items():
            act = action(theme.label)
            act.setCheckable(True)
            act.setData(name)
            self.theme_group.addAction(act)
            self.theme_actions[name] = act

        self.stepping_group = QActionGroup(self)
        self.stepping_actions = {
            Stepping.EIGHTHS: action("&Eighths of a second (28,800 vph)"),
            Stepping.SWEEP: action("S&weep"),
        }
        for stepping, act in self.stepping_actions.items():
            act.setCheckable(True)
            act.setData(stepping.value)
            self.stepping_group.addAction(act)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.quit_action)
        chrono_menu = bar.addMenu("&Chronograph")
        for act in (self.start_stop_action, self.split_action, self.lap_action):
            chrono_menu.addAction(act)
        chrono_menu.addSeparator()
        chrono_menu.addAction(self.reset_action)
        view_menu = bar.addMenu("&View")
        colour_menu = view_menu.addMenu("Dial &colour")
        for act in self.theme_actions.values():
            colour_menu.addAction(act)
        hand_menu = view_menu.addMenu("Chronograph &hand")
        for act in self.stepping_actions.values():
            hand_menu.addAction(act)
        view_menu.addSeparator()
        view_menu.addAction(self.full_screen_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.about_action)

    def _connect_signals(self) -> None:
        """All of the window's wiring, in one place."""
        # The pushers: keys and the painted pushers on the dial.
        self.start_stop_action.triggered.connect(self._on_start_stop_key)
        self.reset_action.triggered.connect(self._on_reset_key)
        self.split_action.triggered.connect(self._on_split)
        self.lap_action.triggered.connect(self._on_lap)
        self.dial.startStopClicked.connect(self._on_start_stop_pusher)
        self.dial.resetClicked.connect(self._on_reset_pusher)
        # The core's answers.
        self.controller.chronoChanged.connect(self.refresh)
        self.controller.refused.connect(self._show_refusal)
        # View.
        self.theme_group.triggered.connect(self._on_theme_chosen)
        self.stepping_group.triggered.connect(self._on_stepping_chosen)
        self.full_screen_action.toggled.connect(self._set_full_screen)
        # Help and quitting.
        self.help_action.triggered.connect(self.show_keyboard_help)
        self.about_action.triggered.connect(self._show_about)
        self.quit_action.triggered.connect(self.close)
        # Frames: the timer only says "look again now".
        self._repaint_timer.timeout.connect(self.refresh)

    # -- the pushers ---------------------------------------------------------------------------
    def _flash(self, pusher: Pusher, t_ns: int) -> None:
        self._pressed_until_ns[pusher] = t_ns + PUSHER_FLASH_NS

    def _on_start_stop_key(self) -> None:
        t_ns = self.controller.now_ns()  # first thing: the instant of the press
        self._flash(Pusher.START_STOP, t_ns)
        self.controller.start_stop(t_ns)

    def _on_reset_key(self) -> None:
        t_ns = self.controller.now_ns()
        self._flash(Pusher.RESET, t_ns)
        self.controller.reset(t_ns)

    def _on_start_stop_pusher(self) -> None:
        self.controller.start_stop(self.controller.now_ns())

    def _on_reset_pusher(self) -> None:
        self.controller.reset(self.controller.now_ns())

    def _on_split(self) -> None:
        self.controller.split(self.controller.now_ns())

    def _on_lap(self) -> None:
        self.controller.lap(self.controller.now_ns())

    def _show_refusal(self, message: str) -> None:
        self.statusBar().showMessage(message[:1].upper() + message[1:], 4000)

    # -- frames ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the state at this instant and hand it to the dial and the readouts."""
        t_ns = self.controller.now_ns()
        state = self.controller.dial_state(
            t_ns,
            start_pressed=t_ns < self._pressed_until_ns.get(Pusher.START_STOP, 0),
            reset_pressed=t_ns < self._pressed_until_ns.get(Pusher.RESET, 0),
        )
        self.dial.set_state(state)
        chrono = self.controller.chronograph
        self.chrono_readout.set_text(format_chrono(state.chrono_elapsed_ns))
        self.chrono_readout.set_note("running" if chrono.running else "")
        mark = chrono.last_mark
        if mark is None:
            self.mark_readout.set_caption("SPLIT / LAP")
            self.mark_readout.set_text("")
            self.mark_readout.set_dimmed(True)
        elif mark.action is ChronoAction.LAP:
            laps = chrono.lap_times_ns(t_ns)
            self.mark_readout.set_caption(f"LAP {len(laps) - 1}")
            self.mark_readout.set_text(format_chrono(laps[-2]))
            self.mark_readout.set_dimmed(False)
        else:
            splits = sum(1 for m in chrono.marks if m.action is ChronoAction.SPLIT)
            self.mark_readout.set_caption(f"SPLIT {splits}")
            self.mark_readout.set_text(format_chrono(mark.elapsed_ns))
            self.mark_readout.set_dimmed(False)
        official = state.official_ms
        self.official_readout.set_text(
            "--:--:--" if official is None else format_time_of_day(official, 0)
        )
        synced = self.controller.official_time.sync_at(t_ns) is not None
        self.official_readout.set_note("" if synced else "local clock")
        self._schedule_frame(t_ns, state.chrono_running, state.chrono_elapsed_ns, official)

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
        for until in self._pressed_until_ns.values():
            if until > t_ns:  # a pusher shown pressed comes back out
                waits.append(until - t_ns)
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
        """Call `callback` once, right after the dial has painted its first frame."""
        self._first_paint_callback = callback
        self.dial.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.dial and event.type() == QEvent.Type.Paint:
            callback = self._first_paint_callback
            if callback is not None:
                self._first_paint_callback = None
                self.dial.removeEventFilter(self)
                self.dial.event(event)  # paint now, then report
                callback()
                return True
        return super().eventFilter(watched, event)

    # -- view ----------------------------------------------------------------------------------
    def _on_theme_chosen(self, act: QAction) -> None:
        self.set_theme(str(act.data()))

    def set_theme(self, name: str) -> None:
        theme = theme_named(name)
        self.dial.set_theme(theme.name)
        self.theme_actions[theme.name].setChecked(True)
        palette = self._central.palette()
        palette.setColor(self._central.backgroundRole(), theme_named(theme.name).background)
        self._central.setPalette(palette)
        for readout in (
            self.chrono_readout,
            self.official_readout,
            self.mark_readout,
            self.countdown_readout,
        ):
            readout.set_colors(theme.readout, theme.readout_dim)
        self.settings.setValue(KEY_THEME, theme.name)

    def _on_stepping_chosen(self, act: QAction) -> None:
        self.set_stepping(Stepping(str(act.data())))

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
            "About mmtimer",
            f"mmtimer {__version__}\nA chronograph and regularity-rally timer for navigators.",
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
