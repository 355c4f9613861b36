"""Replay of a stage log: play, pause, speed, seek, next/previous pass; dial, readouts, results.

Everything shown at the replay instant comes from `Replay.state_at(t)` in the core, turned into
what is shown by the presentation layer (`mmtimer.present.screen.Presenter`, as the live stage
window does): the dial's chronograph and official time, the countdown, the results table and the
plots. Nothing is scored, folded or formatted here.

The replay instant is read from a clock (`Playback.position_ns`): while playing it is the instant
playback started from plus the clock's elapsed time times the speed. The frame timer only says
"look again now"; a tick is never counted as time (DESIGN.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mmtimer.core.clock import NS_PER_MS, Clock
from mmtimer.core.replay import Replay
from mmtimer.core.results import StageResult
from mmtimer.core.session import SessionState
from mmtimer.present.formats import format_chrono
from mmtimer.present.i18n import window_number
from mmtimer.present.pacer import distance_channels
from mmtimer.present.screen import Presenter, Screen
from mmtimer.ui.chronoface import ChronoFace
from mmtimer.ui.columngroups import with_column_groups
from mmtimer.ui.dialstate import DialState
from mmtimer.ui.i18n import retranslated
from mmtimer.ui.memory import REPLAY_MEMORY
from mmtimer.ui.pacer_plot import DistancePlot
from mmtimer.ui.plots import ResultsPlot
from mmtimer.ui.results_dock import results_table
from mmtimer.ui.results_model import ResultsModel, ResultsSortProxy, copy_rows
from mmtimer.ui.themes import DEFAULT_THEME, theme_named

SPEEDS = (1, 4, 16)
FRAME_INTERVAL_MS = 16  # while playing: about 60 looks a second
PREPARE_STEP_EVENTS = 4096  # folded ahead per idle step (a few ms), until the log is folded
OPEN_AT_END_MAX_EVENTS = 20_000
"""A log opens at its end (the final results) unless it has more events than this: folding
100,000 events takes about half a second, so such a log opens at its start and is folded while
the window is idle (then End, or any seek, is quick). Real logs hold a few thousand events."""


class Playback(QObject):
    """Where the replay is: an instant of the log, moving with a clock while playing.

    Its position is always computed from the clock, never accumulated from ticks; it stops by
    itself at the log's end (`tick`).
    """

    changed = Signal()

    def __init__(self, replay: Replay, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.replay = replay
        self._clock = clock
        self._speed = 1
        self._playing = False
        self._anchor_t = replay.end_ns  # the log instant when playing started (or paused)
        self._anchor_clock = clock.now_ns()

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def speed(self) -> int:
        return self._speed

    def position_ns(self) -> int:
        """The replay instant now."""
        if not self._playing:
            return self._anchor_t
        moved = (self._clock.now_ns() - self._anchor_clock) * self._speed
        return min(self.replay.end_ns, self._anchor_t + moved)

    def tick(self) -> int:
        """The replay instant now; pauses at the log's end."""
        position = self.position_ns()
        if self._playing and position >= self.replay.end_ns:
            self._set(position, playing=False)
        return position

    def _set(self, t_ns: int, *, playing: bool | None = None) -> None:
        replay = self.replay
        self._anchor_t = max(replay.start_ns, min(replay.end_ns, t_ns))
        self._anchor_clock = self._clock.now_ns()
        if playing is not None:
            self._playing = playing
        self.changed.emit()

    def seek(self, t_ns: int) -> None:
        """Go to log instant `t_ns` (kept within the log); playing goes on from there."""
        self._set(t_ns)

    def play(self) -> None:
        position = self.position_ns()
        if position >= self.replay.end_ns:
            position = self.replay.start_ns  # play at the end: from the start again
        self._set(position, playing=True)

    def pause(self) -> None:
        self._set(self.position_ns(), playing=False)

    def toggle(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    def set_speed(self, speed: int) -> None:
        if speed not in SPEEDS:
            raise ValueError(f"speed {speed}: choose one of {SPEEDS}")
        position = self.position_ns()
        self._speed = speed
        self._set(position)

    def next_pass(self) -> bool:
        """Go to the next pass after the replay instant; False if there is none."""
        target = self.replay.next_pass(self.position_ns())
        if target is None:
            return False
        self._set(target)
        return True

    def previous_pass(self) -> bool:
        """Go to the last pass before the replay instant; False if there is none."""
        target = self.replay.previous_pass(self.position_ns())
        if target is None:
            return False
        self._set(target)
        return True

    def to_start(self) -> None:
        self._set(self.replay.start_ns)

    def to_end(self) -> None:
        self._set(self.replay.end_ns, playing=False)


@dataclass(frozen=True, slots=True)
class Shown:
    """What the panel shows now: the instant, the core's state at it (`live`: its results are
    not final yet, the log's closing event is still to come), the screen model built from it
    (mmtimer.present, as the live window builds it) and the dial's state."""

    t_ns: int
    live: bool
    state: SessionState
    screen: Screen
    dial: DialState


class ReplayPanel(QWidget):
    """The dial and readouts, the results table and plots, and the transport controls, for one
    replay. Hosted by `ReplayWindow`, or by any window that wants a replay inside it."""

    shownChanged = Signal()  # the replay instant or what is shown at it changed
    folded = Signal()  # the whole log has been folded (problems and final results are ready)

    def __init__(
        self,
        replay: Replay,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        theme: str = DEFAULT_THEME,
        at_ns: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.replay = replay
        self.presenter = Presenter(replay.stage)
        self.playback = Playback(replay, clock, self)
        if at_ns is None and len(replay.events) > OPEN_AT_END_MAX_EVENTS:
            at_ns = replay.start_ns  # a very long log: show its start at once, fold it while idle
        if at_ns is not None:
            self.playback.seek(at_ns)
        self._shown: Shown | None = None
        self._compare: Replay | None = None
        self._compare_names = ("", "")
        self._compare_at: tuple[int | None] | None = None  # (this run's last pass seq,)
        self._compare_name = ""
        self._slider_unit_ns = max(NS_PER_MS, -(-(replay.end_ns - replay.start_ns) // 2**30))

        # -- widgets ---------------------------------------------------------------------------
        # the chronograph face the windows have (ui/chronoface.py), its readouts below the dial
        self.watch = ChronoFace(
            ("chrono", "official", "countdown", "total"),
            self,
            below=True,
            theme=theme,
            max_px=40,
            templates={"official": "00:00:00.00", "countdown": "-0:00:00.00"},
        )
        self.dial = self.watch.dial
        self.chrono_readout = self.watch.readout("chrono")
        self.official_readout = self.watch.readout("official")
        self.countdown_readout = self.watch.readout("countdown")
        self.total_readout = self.watch.readout("total")

        self.model = ResultsModel(self)
        self.table = results_table(self.model, self)
        proxy = self.table.model()
        assert isinstance(proxy, ResultsSortProxy)
        self.proxy = proxy
        self.plot = ResultsPlot(self)

        self.results_split = QSplitter(Qt.Orientation.Vertical, self)
        table_box, self.column_groups = with_column_groups(
            self.table, self.model.column_groups, self
        )
        self.model.modelReset.connect(self.column_groups.refresh)
        self.results_split.addWidget(table_box)
        self.results_split.addWidget(self.plot)
        # The distance channel of average trials (issue 13), when the log has one.
        channels = distance_channels(replay.stage, replay.rules, replay.events)
        self.distance_plot = DistancePlot(channels, self)
        if channels:
            self.results_split.addWidget(self.distance_plot)
        else:
            self.distance_plot.hide()
        self.results_split.setStretchFactor(0, 1)
        self.results_split.setStretchFactor(1, 1)
        self.results_split.setSizes([300, 260, 280] if channels else [420, 380])
        self.main_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_split.addWidget(self.watch)
        self.main_split.addWidget(self.results_split)
        self.main_split.setStretchFactor(0, 2)
        self.main_split.setStretchFactor(1, 3)
        self.main_split.setSizes([500, 800])

        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, self._slider_value(replay.end_ns))
        self.slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.position_label = QLabel(self)
        self.position_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._make_actions()
        transport = QHBoxLayout()
        transport.setContentsMargins(8, 4, 8, 4)
        for act in (self.previous_action, self.play_action, self.next_action):
            transport.addWidget(self._button(act))
        for act in self.speed_actions.values():
            transport.addWidget(self._button(act))
        transport.addWidget(self.slider, 1)
        transport.addWidget(self.position_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.main_split, 1)
        layout.addLayout(transport)

        self._frame_timer = QTimer(self)
        self._frame_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._frame_timer.setInterval(FRAME_INTERVAL_MS)
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(0)
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setInterval(0)
        self._connect_signals()
        self.set_theme(theme)
        self.refresh()
        REPLAY_MEMORY.keep()  # what the launcher decided (ui/memory.py)
        if not replay.prepared:
            self._prepare_timer.start()

    # -- actions -----------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        def action(text: str, *keys: str) -> QAction:
            act = QAction(text, self)
            if keys:
                act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(act)
            return act

        # texts: retranslate (again at each change of language)
        self.play_action = action("", "Space")
        self.play_action.setCheckable(True)
        self.previous_action = action("", "Left", "PgUp")
        self.next_action = action("", "Right", "PgDown")
        self.start_action = action("", "Home")
        self.end_action = action("", "End")
        self.speed_group = QActionGroup(self)
        self.speed_actions: dict[int, QAction] = {}
        for number, speed in enumerate(SPEEDS, start=1):
            act = action("", str(number))
            act.setCheckable(True)
            act.setData(speed)
            self.speed_group.addAction(act)
            self.speed_actions[speed] = act
        self.speed_actions[1].setChecked(True)
        self.copy_action = action("", QKeySequence(QKeySequence.StandardKey.Copy).toString())
        retranslated(self, self.retranslate)

    def retranslate(self) -> None:
        """The panel's texts in the current language (again at each LanguageChange)."""
        self.play_action.setText(self.tr("&Pause") if self.playback.playing else self.tr("&Play"))
        self.previous_action.setText(self.tr("Pre&vious pass"))
        self.next_action.setText(self.tr("&Next pass"))
        self.start_action.setText(self.tr("To the &start"))
        self.end_action.setText(self.tr("To the &end"))
        for speed, act in self.speed_actions.items():
            act.setText(self.tr("Speed x%1").replace("%1", str(speed)))
            act.setIconText(f"x{speed}")
        self.copy_action.setText(self.tr("&Copy rows"))
        self.previous_action.setIconText(self.tr("◀ pass"))
        self.next_action.setIconText(self.tr("pass ▶"))
        if self._shown is not None:
            self.watch.retranslate()
            self.model.retranslate()
            self._show_position(self._shown.t_ns)

    def actions_for_menu(self) -> list[QAction | None]:
        """The replay's actions in menu order (None: a separator), for a window's menu."""
        return [
            self.play_action,
            self.previous_action,
            self.next_action,
            self.start_action,
            self.end_action,
            None,
            *self.speed_actions.values(),
        ]

    def _button(self, act: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(act)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def _connect_signals(self) -> None:
        """All of the panel's wiring, in one place."""
        # Transport.
        self.play_action.triggered.connect(self.playback.toggle)
        self.previous_action.triggered.connect(self.playback.previous_pass)
        self.next_action.triggered.connect(self.playback.next_pass)
        self.start_action.triggered.connect(self.playback.to_start)
        self.end_action.triggered.connect(self.playback.to_end)
        self.speed_group.triggered.connect(lambda act: self.playback.set_speed(int(act.data())))
        self.slider.valueChanged.connect(self._on_slider)
        self.playback.changed.connect(self._on_playback_changed)
        # Results.
        self.plot.barClicked.connect(self.go_to_row)
        self.table.doubleClicked.connect(self._on_table_activated)
        self.copy_action.triggered.connect(lambda: copy_rows(self.table))
        # Frames and idle work: the timers only say "look again now" / "fold a little more".
        self._frame_timer.timeout.connect(self.refresh)
        self._refresh_soon.timeout.connect(self.refresh)
        self._prepare_timer.timeout.connect(self._prepare_step)

    # -- transport ---------------------------------------------------------------------------------
    def _slider_value(self, t_ns: int) -> int:
        return (t_ns - self.replay.start_ns) // self._slider_unit_ns

    def _on_slider(self, value: int) -> None:
        t_ns = self.replay.start_ns + value * self._slider_unit_ns
        if value == self.slider.maximum():
            t_ns = self.replay.end_ns
        if self._slider_value(self.playback.position_ns()) != value:
            self.playback.seek(t_ns)

    def _on_playback_changed(self) -> None:
        playing = self.playback.playing
        self.play_action.setChecked(playing)
        self.play_action.setText(self.tr("&Pause") if playing else self.tr("&Play"))
        self.speed_actions[self.playback.speed].setChecked(True)
        if playing and not self._frame_timer.isActive():
            self._frame_timer.start()
        elif not playing:
            self._frame_timer.stop()
        self._refresh_soon.start()  # once, after whatever else this event does

    def _prepare_step(self) -> None:
        if self.replay.prepare(PREPARE_STEP_EVENTS):
            self._prepare_timer.stop()
            REPLAY_MEMORY.keep()  # what the launcher decided (ui/memory.py)
            self.folded.emit()

    def go_to_row(self, row: int) -> None:
        """Select the table row of this measurement (index in driving order) and move the replay
        to the instant its line was recorded (if it was)."""
        result = self.model.result()
        if result is None or not 0 <= row < len(result.rows):
            return
        self.select_row(row)
        measured = result.rows[row]
        instant = self.replay.pass_instant(measured.section, measured.line)
        if instant is not None:
            self.playback.pause()
            self.playback.seek(instant)
            self.refresh()

    def select_row(self, row: int) -> None:
        """Select (and scroll to) the table row of this measurement."""
        source = self.model.index(row, 0)
        index = self.proxy.mapFromSource(source)
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def selected_rows(self) -> list[int]:
        """The selected measurements, as indexes in driving order."""
        selection = self.table.selectionModel()
        rows = {self.proxy.mapToSource(i).row() for i in selection.selectedRows()}
        total = self.model.rowCount() - 1
        return sorted(r for r in rows if r != total)

    def _on_table_activated(self, index: QModelIndex) -> None:
        row = self.proxy.mapToSource(index).row()
        if row < self.model.rowCount() - 1:
            self.go_to_row(row)

    # -- comparing ---------------------------------------------------------------------------------
    def set_compare(self, other: Replay | None, names: tuple[str, str] = ("", "")) -> None:
        """Show another run of the same stage beside this one, at the same point of the stage
        (`compare_instant`)."""
        self._compare = other
        self._compare_names = names
        self._compare_at = None  # what the second run is shown at: none yet
        if other is None:
            self.model.set_compare(None, names)
            self.plot.set_compare(None, names)
        self._shown = None
        self.refresh()

    def compare_instant(self, state: SessionState) -> int | None:
        """The instant of the second run that matches `state` of this one: when it recorded
        the line this run recorded last (its start before this run's first line; None when it
        never recorded that line: then it is shown at its end)."""
        other = self._compare
        if other is None:
            return None
        last = state.last_pass
        if last is None:
            return other.start_ns
        return other.pass_instant(last.section, last.line)

    def _show_compare(self, state: SessionState) -> None:
        other = self._compare
        if other is None:
            return
        last = state.last_pass
        key = None if last is None else last.seq
        if self._compare_at == (key,):
            return  # the second run moves on only when this one records a line
        self._compare_at = (key,)
        at_ns = self.compare_instant(state)
        result = other.final_results() if at_ns is None else other.state_at(at_ns).results
        self.model.set_compare(result, self._compare_names)
        self.plot.set_compare(result, self._compare_names)

    def compare_replay(self) -> Replay | None:
        return self._compare

    # -- frames ------------------------------------------------------------------------------------
    def shown(self) -> Shown | None:
        """What the panel shows now."""
        return self._shown

    def refresh(self) -> None:
        """Read the replay instant from the playback clock and show the core's state at it."""
        t_ns = self.playback.tick()
        shown = self._shown
        if shown is not None and shown.t_ns == t_ns:
            return
        state = self.replay.state_at(t_ns)
        screen = self.presenter.screen(state)
        utc = self.replay.utc_at(t_ns)
        dial = DialState(
            chrono_elapsed_ns=screen.dial.chrono_elapsed_ns,
            chrono_running=screen.dial.chrono_running,
            official_ms=screen.dial.official_ms,
            date=None if utc is None else utc.astimezone().date(),
        )
        self._shown = Shown(t_ns, not state.closed, state, screen, dial)
        self.dial.set_state(dial)
        self._show_readouts(screen)
        self._show_compare(state)
        self._show_results(screen)
        self._show_position(t_ns)
        self.distance_plot.set_instant(t_ns)
        self.shownChanged.emit()

    def _show_readouts(self, screen: Screen) -> None:
        shown = screen.readouts
        self.watch.show_readout("chrono", shown.chrono)
        self.watch.show_readout("official", shown.official)
        self.watch.show_readout("countdown", shown.countdown)
        self.watch.show_readout("total", shown.total)

    def _show_results(self, screen: Screen) -> None:
        result: StageResult = screen.results
        self.model.set_result(result, total_label=screen.total_label)
        self.plot.set_result(result, self.replay.rules)
        key = screen.current_row
        self.model.set_current(key)
        keys = self.model.row_keys()
        self.plot.set_current(keys.index(key) if key in keys else None)

    def _show_position(self, t_ns: int) -> None:
        replay = self.replay
        value = self._slider_value(t_ns)
        if self.slider.value() != value:
            blocked = self.slider.blockSignals(True)
            self.slider.setValue(value)
            self.slider.blockSignals(blocked)
        elapsed = format_chrono(t_ns - replay.start_ns)
        span = format_chrono(replay.end_ns - replay.start_ns)
        self.position_label.setText(window_number(f"{elapsed} / {span}"))

    # -- view --------------------------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        """The theme on the face, and its fixed colours on the plots and the table's tones."""
        theme = theme_named(name)
        self.watch.set_theme(theme.name)
        self.plot.set_panel(theme.panel)
        self.distance_plot.set_panel(theme.panel)
        self.model.set_tone_colours(theme.table)

    def stop(self) -> None:
        """Stop every timer (before the panel goes away)."""
        self.playback.pause()
        for timer in (self._frame_timer, self._refresh_soon, self._prepare_timer):
            timer.stop()
        REPLAY_MEMORY.release()  # what was kept out of the collector may be collected again
