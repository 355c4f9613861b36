"""Stage mode: a chronograph face (ui/chronoface.py) with the live stage around it.

The stage panel (sections and lines, the armed one highlighted), the large countdown with the last
deviation and the total, the on-screen PASS button, the beeps and their flash, the official-time
sync, the crew, and the log's path, sync age and alarm in the status bar. The dial runs as the
chronograph of the current trial: with a stage open the Chronograph keys (S, P, L, R) and the
painted pushers act on nothing and say so in the status bar.

Keys: the trigger keys (Space by default) record a pass from the key event's own time - while
the stage is under way (its log has started) wherever the keyboard is: a dialog, a menu, a field,
a focused button, the driver's window (``Trigger.guard_everywhere``, called from ``refresh``);
Backspace undoes the last action - a pass, a skip, a section choice, a sync, a start press -
with an undo event (never an erase), and again the one before; N skips the armed line; G arms
any line (a double-click on the stage panel too); T opens the official-time sync; + and -
nudge official time by 0.1 s; C the crew (read-only once the log has started); Ctrl+Shift+E
ends the stage (confirmed); D the Driving view (the countdown and the last deviation fill the
window, the dial and the stage panel hidden); F1 lists every shortcut.

Above the face: a large "NOT SYNCED" banner until official time is synced (a press still
records), and the crew with the stage. The theme (View > Theme) colours the whole window; the
countdown, the stage panel and the banner take its fixed panel colours (ui/themes.py).

What the window shows comes from the presentation layer: `LiveStage.screen` (the core's
`LiveSession.state` through `present.screen.Presenter`, as the replay shows it) gives the
countdown, the stage panel's results and armed line, the results table's current row and the
status words; `present.face.stage_face` the dial and its readouts. The window keeps no copy of
the stage's official time or chronograph: it asks the stage at every frame.

Where things live: the window's chrome (View, Help, frames) is ui/facewindow.py; the Chronograph
keys ui/pushers.py; the panels around the face, the banner, the header, the status labels and
the Driving view ui/stagelayout.py; the menus and F1's list ui/stagemenus.py (the actions are
this window's attributes, all wired in ``_connect_signals``); official time and the sync dialog
ui/stagesync.py; opening a stage, the recent files and the stage editor's windows
ui/stageopen.py; the crew and settings dialogs ui/stagesettings.py; leaving a stage (the
questions about unsaved events and a stage under way: ``ask_unsaved``, ``ask_copy_path``,
``ask_close``) ui/leaving.py; End stage ui/endstage.py; File > Export results ui/stageexport.py.

A log left open by a crash (no closing event) is resumed, not split: ``--log OUT`` naming such a
log of the stage resumes it; a stage opened without ``--log`` offers the data folder's latest log
of the stage if it was left open (``ask_resume``; see ui/resume.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMenu,
    QWidget,
)

from mmtimer.core.clock import NS_PER_MS
from mmtimer.core.crew import Crew
from mmtimer.core.csvout import CsvLocale
from mmtimer.present.beeps import Target
from mmtimer.present.face import chronograph_face, stage_face
from mmtimer.present.screen import CountdownState
from mmtimer.ui import endstage, stageexport, stagemenus, stageopen, stagesettings
from mmtimer.ui.beeper import Beeper, SoundOutput, load_beep_settings
from mmtimer.ui.cardactions import CardActions
from mmtimer.ui.controller import Controller
from mmtimer.ui.countdown import CountdownWidget
from mmtimer.ui.dialogs import (
    CrewDialog,
    SettingsDialog,
    SyncDialog,
    SyncRequest,
)
from mmtimer.ui.dialstate import DialState
from mmtimer.ui.driverdisplays import DriverDisplays
from mmtimer.ui.endstage import (
    CloseAsker,
    CopyPathAsker,
    EndConfirmer,
    UnsavedAsker,
    ask_copy_path,
    ask_unsaved,
)
from mmtimer.ui.endstage import ask_close as ask_close_dialog
from mmtimer.ui.endstage import confirm_end as confirm_end_dialog
from mmtimer.ui.eventcontrol import EventControl
from mmtimer.ui.facewindow import FaceWindow, make_action
from mmtimer.ui.helpdialog import KeyboardHelp
from mmtimer.ui.leaving import UNSAVED_WAIT_S, Leaving
from mmtimer.ui.livestage import LiveStage
from mmtimer.ui.pacer import PacerController
from mmtimer.ui.pushers import ChronoPushers
from mmtimer.ui.results_dock import ResultsDock
from mmtimer.ui.resume import ResumeAsker
from mmtimer.ui.resume import ask_resume as ask_resume_dialog
from mmtimer.ui.stagelayout import StageLayout
from mmtimer.ui.stagepanel import StagePanel
from mmtimer.ui.stagesettings import saved_crew
from mmtimer.ui.stagesync import StageSync
from mmtimer.ui.stagetexts import (
    CHRONO_IN_STAGE_MODE,
    HELP_NOTE,
    STAGE_FILTER,
    retranslate_stage,
    stage_text,
)
from mmtimer.ui.themes import theme_named
from mmtimer.ui.triggers import (
    TRIGGER_KEYS,
    EventStamper,
    Trigger,
    TriggerButton,
    TriggerPress,
    load_trigger_settings,
)
from mmtimer.ui.words import shown

FLASH_NS = {"short": 120 * NS_PER_MS, "long": 400 * NS_PER_MS}
OutputOpener = Callable[[QObject], "SoundOutput | str"]


class StageWindow(FaceWindow):
    """The main window in stage mode. ``open_path`` loads a stage (or a log, in a replay)."""

    live: LiveStage | None = None

    def __init__(
        self,
        controller: Controller,
        settings: QSettings | None = None,
        *,
        stamper: EventStamper | None = None,
        open_sound: OutputOpener | None = None,
        ask_resume: ResumeAsker | None = None,
        ask_close: CloseAsker | None = None,
        confirm_end: EndConfirmer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(controller, settings, ("chrono", "mark", "official"), parent)
        self._flash_until_ns = 0
        self.opened_path: Path | None = None
        self.opened_default_rules: str | None = None  # an event day's rules, for a reload
        self.open_error: str | None = None  # why the last open_path refused, if it did
        # Resume this stage's log left open? (a modal question; tests give their answer)
        self.ask_resume: ResumeAsker = ask_resume or ask_resume_dialog
        # Closing mid-stage: end it, keep it open (to resume), or cancel? (modal, as above)
        self.ask_close: CloseAsker = ask_close or ask_close_dialog
        self.confirm_end: EndConfirmer = confirm_end or confirm_end_dialog
        # Leaving with events the disk refused: keep trying, save elsewhere, or lose them? And
        # where to save the copy. (modal, as above)
        self.ask_unsaved: UnsavedAsker = ask_unsaved
        self.ask_copy_path: CopyPathAsker = ask_copy_path
        self.unsaved_wait_s = UNSAVED_WAIT_S
        self.leaving = Leaving(self)
        self.sync = StageSync(self)  # official time: the sync dialog, the nudges

        # -- widgets -----------------------------------------------------------------------------
        self.countdown = CountdownWidget(self)
        self.trigger = Trigger(
            stamper or EventStamper.for_this_platform(controller.clock),
            load_trigger_settings(self.settings),
            self,
        )
        self.trigger_button = TriggerButton(self.trigger, self)
        self.stage_panel = StagePanel(self)
        # The pacer of average trials (issue 13): shown while one is armed.
        self.pacer = PacerController(self, controller.clock, self.settings, self)
        # Around the face: those, the banner and the header; the Driving view (ui/stagelayout.py).
        self.stage_layout = StageLayout(self)
        self.banner, self.header = self.stage_layout.banner, self.stage_layout.header
        # The Chronograph keys act on the plain chronograph only with no stage open: with one,
        # the dial is the trial's chronograph, which only the timing lines move.
        self.pushers = ChronoPushers(
            self,
            controller,
            self.dial,
            lambda m: self.statusBar().showMessage(m, 5000),
            refusal=lambda: stage_text(CHRONO_IN_STAGE_MODE) if self.live is not None else None,
        )
        # The status bar: the log's path, the sync's age, the log's alarm.
        self.log_label, self.sync_label, self.alarm_label = self.stage_layout.add_status_labels()

        self.beeper = Beeper(
            controller.clock,
            self._beep_target,
            load_beep_settings(self.settings),
            open_sound,
            self,
        )
        self._make_stage_actions()
        stagemenus.add_stage_menus(self)
        self._connect_signals()
        retranslate_stage(self)  # the texts, again at each change of language (`retranslate`)
        self._restore_settings()
        self.trigger.attach(self)
        self.beeper.start(preload=False)
        self.refresh()
        self.call_after_first_paint(self.beeper.preload_soon)  # QtMultimedia after the dial

    # -- actions and menus -----------------------------------------------------------------------
    def _make_stage_actions(self) -> None:
        def action(text: str, *keys: str) -> QAction:
            return make_action(self, text, *keys)

        self.open_action = action("&Open…", QKeySequence(QKeySequence.StandardKey.Open).toString())
        # The stage editor (issue 14): a new stage, or the open one (ui/stageeditor.py).
        self.new_stage_action = action(self.tr("&New stage…"), "Ctrl+N")
        self.edit_stage_action = action(self.tr("Edit &stage…"), "Ctrl+Shift+N")
        self.editor_windows: list[QMainWindow] = []
        self.recent_menu = QMenu("Open &recent", self)
        self.resume_action = action("Res&ume a log left open…")
        self.record_action = action("&Record a pass")
        self.void_action = action("&Undo the last action", "Backspace")
        self.skip_action = action("S&kip the armed line", "N")
        self.section_action = action("&Go to a line…", "G")
        self.sync_action = action("Official &time…", "T")
        self.later_action = action("Official time +0.1 s", "+", "=")
        self.earlier_action = action("Official time -0.1 s", "-")
        self.crew_action = action("&Crew…", "C")
        self.settings_action = action("Triggers and &beeps…", "Ctrl+,")
        self.end_stage_action = action("&End stage…", "Ctrl+Shift+E")
        self.driving_action = action("Dri&ving view", "D")
        self.driving_action.setCheckable(True)
        self._set_record_shortcuts()
        # Results (issue 6): the export and the table; a log opens in a replay window.
        self.export_action = action("E&xport results (CSV)…", "Ctrl+E")
        self.results_dock = ResultsDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.results_dock)
        self.results_dock.hide()
        self.results_action = self.results_dock.toggleViewAction()
        self.results_action.setText("&Results table")
        self.results_action.setShortcut(QKeySequence("Ctrl+R"))
        self.replay_windows: list[QMainWindow] = []
        # A whole event over days (issue 14): File > New, Open, Edit event; View > Event.
        self.events = EventControl(self)
        # The navigator's card of the open stage (issue 14): File > Print card, Export card PDF.
        self.card = CardActions(
            self,
            lambda: (
                None if self.live is None else (self.live.stage, self.live.rules, self.opened_path)
            ),
            lambda message: self.statusBar().showMessage(message, 8000),
            self.settings,
        )

        # The driver's displays (issue 15): a second window and the phone page.
        self.drivers = DriverDisplays(
            self,
            self.settings,
            lambda: self.live,
            self.dial.theme,
            notify=lambda message: self.statusBar().showMessage(message, 15_000),
            car_of=self.pacer.car_at,
        )
        # The menus, kept as attributes (filled by ui/stagemenus.py).
        self.chrono_menu = self.pushers.menu
        self.stage_menu = QMenu("S&tage", self)

    def _set_record_shortcuts(self) -> None:
        """The Record action lists the trigger keys (for the menu and F1). The trigger's event
        filter takes these keys before any shortcut could, so the action fires only from the
        menu (a click: stamped when handled)."""
        names = self.trigger.settings.keys
        self.record_action.setShortcuts([QKeySequence(TRIGGER_KEYS[n]) for n in names])

    def _connect_signals(self) -> None:
        """All of the window's wiring, in one place (each stage's own signals are connected as
        it opens: `_watch`)."""
        self._connect_window_signals()
        self.pushers.connect_signals()
        # Presses: keys and the on-screen button, through the trigger.
        self.trigger.pressed.connect(self._on_press)
        self.record_action.triggered.connect(lambda: self.trigger.handle_button(None))
        self.void_action.triggered.connect(self._on_undo)
        self.skip_action.triggered.connect(self._on_skip)
        self.section_action.triggered.connect(self.choose_section)
        self.stage_panel.section_chosen.connect(self._on_section_chosen)
        # Official time, crew, settings, files.
        self.sync_action.triggered.connect(self.sync.show_dialog)
        self.later_action.triggered.connect(lambda: self.sync.nudge(100))
        self.earlier_action.triggered.connect(lambda: self.sync.nudge(-100))
        self.crew_action.triggered.connect(self.edit_crew)
        self.settings_action.triggered.connect(self.edit_settings)
        self.end_stage_action.triggered.connect(self.end_stage)
        self.driving_action.toggled.connect(self.set_driving)
        self.open_action.triggered.connect(self._on_open)
        self.new_stage_action.triggered.connect(lambda: stageopen.edit_stage(self, None))
        self.edit_stage_action.triggered.connect(lambda: stageopen.edit_open_stage(self))
        self.resume_action.triggered.connect(self.resume_left_open)
        self.export_action.triggered.connect(lambda: stageexport.export_from_menu(self))
        # Beeps and their flash.
        self.beeper.flash.connect(self._on_flash)
        self.beeper.sound_unavailable.connect(lambda m: self.statusBar().showMessage(m, 10_000))

    # -- view ----------------------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        """The theme on the whole window (ui/facewindow.py) and on the panels beside the dial,
        which take its fixed colours (ui/stagelayout.py)."""
        super().set_theme(name)
        self.stage_layout.set_theme(theme_named(name))

    def driving(self) -> bool:
        return self.driving_action.isChecked()

    def set_driving(self, on: bool) -> None:
        """The Driving view (D), kept in the settings (ui/stagelayout.py)."""
        self.stage_layout.set_driving(on)

    def _restore_settings(self) -> None:
        super()._restore_settings()
        self.stage_layout.restore_driving()

    # -- opening stages --------------------------------------------------------------------------
    def open_path(
        self,
        path: Path,
        log_path: Path | None = None,
        *,
        warn: bool = True,
        default_rules: str | None = None,
        crew: Crew | None = None,
    ) -> bool:
        """Open a stage to time (its log: `log_path`, a log left open, or a new one), a log
        in a replay window, or an event (ui/stageopen.py). On a refusal ``open_error`` says
        why, and a warning shows if `warn`."""
        return stageopen.open_path(
            self, path, log_path, warn=warn, default_rules=default_rules, crew=crew
        )

    def resume_left_open(self) -> bool:
        """File > Resume a log left open (ui/stageopen.py)."""
        return stageopen.resume_left_open(self)

    def recent_files(self) -> list[str]:
        return stageopen.recent_files(self)

    def export_results_to(self, path: Path, locale: CsvLocale = "en") -> bool:
        """Write the stage's results CSV (as `mmtimer export` of its log) at `path`."""
        return stageexport.export_results_to(self, path, locale)

    def end_stage(self) -> bool:
        """Stage > End stage, once confirmed (ui/endstage.py)."""
        return endstage.end_stage(self)

    def _show_no_stage(self, message: str) -> None:
        self.stage_panel.set_stage(())
        self.countdown.set_state(CountdownState(hint=message))
        self.log_label.setText("")
        self.banner.hide()
        self.header.setText("")
        self.statusBar().showMessage(message, 15_000)
        self.opened_path = None

    def _close_live(self) -> None:
        live = self.live
        if live is None:
            return
        self.live = None
        self.trigger.guard_everywhere(False)
        self.pacer.set_live(None)
        live.changed.disconnect(self._on_stage_changed)
        self.leaving.let_go(live, self.controller.now_ns())

    def _on_open(self) -> None:
        start = str(self.opened_path.parent) if self.opened_path else ""
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a stage or a log"), start, stage_text(STAGE_FILTER)
        )
        if chosen:
            self.open_path(Path(chosen))

    # -- presses and navigation ------------------------------------------------------------------
    def _on_press(self, press: TriggerPress) -> None:
        if self.live is None:
            self.statusBar().showMessage(
                self.tr("Open a stage to record passes (File > Open)"), 5000
            )
            return
        outcome = self.live.press(press.t_ns, press.source, press.guarded)
        if outcome.message:
            self.statusBar().showMessage(outcome.message, 6000)

    def _on_undo(self) -> None:
        if self.live is None:
            return
        done = self.live.undo_last(self.controller.now_ns())
        if done is not None:
            self.trigger.forget_last()
            self.statusBar().showMessage(shown(self.live.presenter.undone(done[1])), 8000)

    def _on_skip(self) -> None:
        if self.live is not None:
            self.live.skip_line(self.controller.now_ns())

    def choose_section(self) -> None:
        """G: arm any line of the stage (the armed one is offered first)."""
        if self.live is None:
            return
        lines = [
            (section.id, line)
            for section in self.live.stage.sections
            for line in range(1, section.lines + 1)
        ]
        names = [shown(self.live.presenter.label(*key)) for key in lines]
        armed = self.live.session.armed
        key = (armed.section, armed.line) if armed is not None else lines[0]
        current = lines.index(key) if key in lines else 0
        chosen, ok = QInputDialog.getItem(
            self, self.tr("Go to a line"), self.tr("Arm the line:"), names, current, False
        )
        if ok and chosen in names:
            self._on_section_chosen(*lines[names.index(chosen)])

    def _on_section_chosen(self, section_id: str, line: int = 1) -> None:
        if self.live is not None:
            self.live.select_section(section_id, self.controller.now_ns(), line)

    # -- official time (ui/stagesync.py) ------------------------------------------------------
    def show_sync_dialog(self) -> SyncDialog:
        return self.sync.show_dialog()

    def apply_sync(self, request: SyncRequest) -> None:
        self.sync.apply(request)

    def nudge(self, delta_ms: int) -> None:
        self.sync.nudge(delta_ms)

    # -- crew and settings -----------------------------------------------------------------------
    def saved_crew(self) -> Crew:
        return saved_crew(self.settings)

    def edit_crew(self) -> CrewDialog:
        return stagesettings.edit_crew(self)

    def edit_settings(self) -> SettingsDialog:
        return stagesettings.edit_settings(self)

    # -- the core's answers --------------------------------------------------------------------
    def _on_stage_changed(self) -> None:
        live = self.live
        if live is None:
            return
        self.drivers.stage_changed()
        self.beeper.check()  # the target may have changed
        self.refresh()  # one screen: the face, and the panel and table with their results

    def _on_alarm(self, message: object) -> None:
        if isinstance(message, str):
            self.alarm_label.setText(self.tr("LOG NOT SAVED: %1").replace("%1", message))
            self.alarm_label.show()
        else:
            self.alarm_label.hide()
            self.statusBar().showMessage(self.tr("The log is saved again"), 8000)

    def _on_flash(self, kind: str) -> None:
        self._flash_until_ns = self.controller.now_ns() + FLASH_NS.get(kind, FLASH_NS["short"])
        self.refresh()

    def _beep_target(self, t_ns: int) -> Target | None:
        return None if self.live is None else self.live.beep_target(t_ns)

    # -- frames ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text of the window in the current language (at each LanguageChange)."""
        super().retranslate()
        retranslate_stage(self)
        self.card.retranslate()

    def pending_until_ns(self) -> list[int]:
        return self.pushers.pressed_until_ns()

    def refresh(self) -> None:
        """Read the stage's state at this instant (`LiveStage.screen`) and show it: the face,
        the countdown, the armed line, the sync's age. With no stage open the face is the
        plain chronograph's."""
        controller = self.controller
        t_ns = controller.now_ns()
        live = self.live
        under_way = live is not None and live.under_way
        if self.trigger.guarding != under_way:
            self.trigger.guard_everywhere(under_way)
        if live is None:
            synced = controller.official_time.sync_at(t_ns) is not None
            view = chronograph_face(
                controller.chronograph, t_ns, controller.official_ms(t_ns), synced=synced
            )
        else:
            screen = live.screen(t_ns, flash=t_ns < self._flash_until_ns)
            self.stage_layout.show(live, screen, t_ns)  # the countdown, the panels, the banner
            view = stage_face(screen, controller.official_ms(t_ns) or 0)
        start, reset = self.pushers.pressed(t_ns)
        self.show_face(
            view,
            DialState(
                chrono_elapsed_ns=view.chrono_elapsed_ns,
                chrono_running=view.chrono_running,
                official_ms=view.official_ms,
                date=controller.date_at(t_ns),
                start_stop_pressed=start,
                reset_pressed=reset,
            ),
            t_ns,
        )

    def next_frame_ns(self, t_ns: int, running: bool, elapsed_ns: int, official: int | None) -> int:
        """Every frame while a line is armed (the countdown runs to the hundredth) or the
        countdown flashes; else when the chronograph face or readouts next change."""
        live = self.live
        if live is not None and (live.session.armed is not None or t_ns < self._flash_until_ns):
            return 0
        return super().next_frame_ns(t_ns, running, elapsed_ns, official)

    def show_keyboard_help(self) -> KeyboardHelp:
        """F1: the stage's keys first (ui/stagemenus.py)."""
        return stagemenus.show_keyboard_help(self, stage_text(HELP_NOTE))

    def _may_leave_stage(self) -> bool:
        """Before the live stage goes (the window closes, another stage opens): ask about
        events the disk refused, then whether to end a stage under way (ui/leaving.py)."""
        return self.leaving.may_leave(self.live)

    def closeEvent(self, event: QCloseEvent) -> None:
        # A stage editor with changes asks first (save, discard, cancel): none is lost on quit.
        if not all(editor.close() for editor in list(self.editor_windows)):
            event.ignore()
            return
        if not self._may_leave_stage():
            event.ignore()
            return
        self.beeper.stop()
        self._close_live()
        self.drivers.shutdown()
        self.trigger.detach()
        super().closeEvent(event)
