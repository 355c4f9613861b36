"""The pacer in the stage window: its panel, the car's distance sources, and their keys.

`PacerController` is attached to a StageWindow. While an average trial is armed it shows the
pacer panel (present.pacer's view, at least 12 times a second from the clock: the timer only
schedules frames) and takes what feeds the car's distance:

- `K` confirms the next landmark of the trial (``landmarks`` in the stage), `Shift+K` asks the
  road book's km of any point: either records a `distance` event (source ``landmark``);
- `M` marks the start, then the end, of the organiser's measured section and asks its length:
  the factor goes in a `calibrate` event; Distance > Calibration factor... types one;
- Distance > GPS: off (the default), a USB receiver, the platform's location, or a recorded
  drive played for practice (ui.gps_source). It stays off when the settings do not allow GPS
  or the stage bans it (``gps = false``). Each fix goes through core.distance.GpsRecorder: the
  `distance` and `fix` events it makes are recorded in the log and folded by the same Odometer
  a replay folds, so the replay shows what the car showed.

Nothing here blocks: a receiver that is missing or unplugged is a status message, and the pacer
says "no fix for N s" and shows the last distance with its age, never as live.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMenu, QWidget

from mmtimer.core.clock import Clock
from mmtimer.core.distance import (
    CALIBRATE_EVENT,
    DISTANCE_EVENT,
    MM_PER_M,
    CarDistance,
    DistanceEventError,
    GpsRecorder,
    MeasuredSection,
    Odometer,
    calibrate_data,
    distance_data,
    next_landmark,
    parse_factor,
)
from mmtimer.core.events import Other
from mmtimer.core.gps import Fix
from mmtimer.core.pacer import Schedule, elapsed_since
from mmtimer.core.stage import AverageTrial
from mmtimer.core.timefmt import FormatError, format_km, parse_km_m
from mmtimer.present.i18n import window_number
from mmtimer.present.pacer import PacerView, pacer_view, waiting_view
from mmtimer.ui.errors import error_shown
from mmtimer.ui.gps_source import GpsMode, GpsSource, serial_ports
from mmtimer.ui.i18n import retranslated
from mmtimer.ui.livestage import LiveStage
from mmtimer.ui.pacer_panel import PacerPanel

NS_PER_MS = 1_000_000
FRAME_MS = 80  # 12.5 frames a second
GPS_ALLOWED_KEY = "gps/allowed"

TextAsker = Callable[[str, str, str], str | None]
"""(title, label, suggested text) -> the text typed, or None if cancelled."""


def ask_text_dialog(parent: QWidget) -> TextAsker:
    def ask(title: str, label: str, text: str) -> str | None:
        value, ok = QInputDialog.getText(parent, title, label, text=text)
        return value if ok else None

    return ask


PRESS_AT_START_MARKER = "press at the start marker: the schedule starts then"  # ui/words.py


class PacerController(QObject):
    """The pacer of a stage window (see the module docstring)."""

    def __init__(
        self,
        window: QMainWindow,
        clock: Clock,
        settings: QSettings,
        panel_parent: QWidget,
        *,
        ask_text: TextAsker | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.settings = settings
        self.ask_text: TextAsker = ask_text or ask_text_dialog(window)
        self.panel = PacerPanel(panel_parent)
        self.panel.hide()
        self.gps = GpsSource(clock, self)
        self.live: LiveStage | None = None
        self.recorder: GpsRecorder | None = None
        self.odometer: Odometer | None = None
        self._schedules: dict[str, Schedule] = {}
        self._measure_start_mm: int | None = None
        self._section: str | None = None
        self._started_at: int | None = None  # the log instant the recorder's count began
        self.view: PacerView | None = None
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self.tick)
        self._make_actions()
        self.gps.fix.connect(self.on_fix)
        self.gps.status.connect(self._status)
        self.timer.start()

    # -- menus and keys ----------------------------------------------------------------------
    def _make_actions(self) -> None:
        def action(text: str, key: str | None = None) -> QAction:
            act = QAction(text, self.window)
            if key:
                act.setShortcut(QKeySequence(key))
            self.window.addAction(act)
            return act

        self.landmark_action = action("", "K")
        self.typed_km_action = action("", "Shift+K")
        self.measure_action = action("", "M")
        self.factor_action = action("")
        self.gps_allowed_action = action("")
        self.gps_allowed_action.setCheckable(True)
        self.gps_allowed_action.setChecked(self.gps_allowed_setting())
        group = QActionGroup(self)
        self.gps_off_action = action("")
        self.gps_serial_action = action("")
        self.gps_platform_action = action("")
        self.gps_file_action = action("")
        for act in (
            self.gps_off_action,
            self.gps_serial_action,
            self.gps_platform_action,
            self.gps_file_action,
        ):
            act.setCheckable(True)
            group.addAction(act)
        self.gps_off_action.setChecked(True)
        self.menu = QMenu(self.window)
        entries: tuple[QAction | None, ...] = (
            self.landmark_action,
            self.typed_km_action,
            None,
            self.measure_action,
            self.factor_action,
            None,
            self.gps_allowed_action,
            self.gps_off_action,
            self.gps_serial_action,
            self.gps_platform_action,
            self.gps_file_action,
        )
        for entry in entries:
            if entry is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(entry)
        self.landmark_action.triggered.connect(self.confirm_landmark)
        self.typed_km_action.triggered.connect(self.type_km)
        self.measure_action.triggered.connect(self.mark_measured)
        self.factor_action.triggered.connect(self.type_factor)
        self.gps_allowed_action.toggled.connect(self._allow_gps)
        self.gps_off_action.triggered.connect(self.turn_gps_off)
        self.gps_serial_action.triggered.connect(self.choose_serial)
        self.gps_platform_action.triggered.connect(lambda: self._open(self.gps.open_platform))
        self.gps_file_action.triggered.connect(self.choose_file)
        retranslated(self.menu, self.retranslate)

    def retranslate(self) -> None:
        """The Distance menu in the current language (again at each LanguageChange)."""
        self.menu.setTitle(self.tr("&Distance"))
        self.landmark_action.setText(self.tr("Confirm the next &landmark"))
        self.typed_km_action.setText(self.tr("Type the road book's &km here…"))
        self.measure_action.setText(self.tr("&Measured section: mark start / end"))
        self.factor_action.setText(self.tr("Calibration &factor…"))
        self.gps_allowed_action.setText(self.tr("&Allow GPS (many events ban it)"))
        self.gps_off_action.setText(self.tr("GPS &off"))
        self.gps_serial_action.setText(self.tr("GPS: &USB receiver…"))
        self.gps_platform_action.setText(self.tr("GPS: this s&ystem's location"))
        self.gps_file_action.setText(self.tr("GPS: &simulate a recorded drive (NMEA)…"))
        self._update_gps_actions()

    def turn_gps_off(self) -> None:
        self.gps.close()
        self._update_gps_actions()

    def gps_allowed_setting(self) -> bool:
        return bool(self.settings.value(GPS_ALLOWED_KEY, False, type=bool))

    def gps_allowed(self) -> bool:
        """GPS may be used: allowed in the settings, and the stage does not ban it."""
        stage_allows = self.live is None or self.live.stage.gps_allowed
        return self.gps_allowed_setting() and stage_allows

    def _allow_gps(self, allowed: bool) -> None:
        self.settings.setValue(GPS_ALLOWED_KEY, allowed)
        if not self.gps_allowed():
            self.gps.close()
        self._update_gps_actions()

    def _update_gps_actions(self) -> None:
        allowed = self.gps_allowed()
        banned = self.live is not None and not self.live.stage.gps_allowed
        tip = self.tr("this stage bans GPS (gps = false)") if banned else self.tr("allow GPS first")
        for act in (self.gps_serial_action, self.gps_platform_action, self.gps_file_action):
            act.setEnabled(allowed)
            act.setToolTip("" if allowed else tip)
        self.gps_allowed_action.setEnabled(not banned)
        mode = self.gps.mode
        {
            GpsMode.OFF: self.gps_off_action,
            GpsMode.SERIAL: self.gps_serial_action,
            GpsMode.PLATFORM: self.gps_platform_action,
            GpsMode.FILE: self.gps_file_action,
        }[mode].setChecked(True)

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10_000)
        self._update_gps_actions()

    def _open(self, opener: Callable[[], str | None]) -> bool:
        if not self.gps_allowed():
            self._status(self.tr("GPS is not allowed: Distance > Allow GPS (or the stage bans it)"))
            return False
        problem = opener()
        if problem is not None:
            self._status(problem)
            return False
        self._update_gps_actions()
        return True

    def choose_serial(self) -> bool:
        ports = serial_ports()
        port = self.ask_text(
            self.tr("USB GPS receiver"),
            self.tr("Serial port (%1), then :baud if not 9600").replace(
                "%1", ", ".join(ports) or self.tr("none found")
            ),
            ports[0] if ports else "ttyUSB0",
        )
        if not port:
            self._update_gps_actions()
            return False
        name, _, baud = port.strip().partition(":")
        return self._open(lambda: self.gps.open_serial(name, int(baud) if baud.isdigit() else 9600))

    def choose_file(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Simulate a recorded drive"),
            "",
            self.tr("NMEA logs (*.nmea *.log *.txt);;All (*)"),
        )
        return bool(path) and self.open_drive(Path(path))

    def open_drive(self, path: Path) -> bool:
        """Play a recorded drive as if a receiver sent it (practice)."""
        return self._open(lambda: self.gps.open_file(path))

    # -- the stage ---------------------------------------------------------------------------
    def set_live(self, live: LiveStage | None) -> None:
        self.live = live
        self._section = None
        self.recorder = None
        self.odometer = None
        self._measure_start_mm = None
        self._schedules.clear()
        if live is not None and not live.stage.gps_allowed:
            self.gps.close()
        self._update_gps_actions()
        self.tick()

    def armed_trial(self) -> AverageTrial | None:
        live = self.live
        if live is None or live.ended:
            return None
        armed = live.session.armed
        if armed is None:
            return None
        section = live.stage.section(armed.section)
        return section if isinstance(section, AverageTrial) else None

    def _schedule(self, section: AverageTrial) -> Schedule:
        schedule = self._schedules.get(section.id)
        if schedule is None:
            schedule = self._schedules[section.id] = Schedule(section)
        return schedule

    def _start_official_ns(self, section: AverageTrial) -> int | None:
        assert self.live is not None
        if not section.start_press:
            return section.start_ms * NS_PER_MS
        started = self.live.session.fold.starts.get(section.id)
        if started is None:
            return None
        official = self.live.session.fold.official_ns(started)
        return None if official is None else self.live.rules.average.on_unit(official)

    def _follow_section(self, section: AverageTrial | None, now_log: int) -> None:
        """A new odometer for a newly armed trial; the GPS count starts at its start."""
        live = self.live
        if section is None or live is None:
            self._section = None
            return
        if self._section != section.id:
            self._section = section.id
            self._started_at = None
            self.odometer = Odometer(section.id).fold(live.session.events)
            self.recorder = GpsRecorder(section.id)
        if self._started_at is None and self._elapsed(section, now_log) is not None:
            self._started_at = now_log
            if self.gps.mode is not GpsMode.OFF and self.recorder is not None:
                kind, data = self.recorder.start(section.id)
                self._record(kind, data, self.clock.now_ns())

    def _elapsed(self, section: AverageTrial, now_log: int) -> int | None:
        """Time since the trial's start at log instant `now_log`; None before it (or unsynced)."""
        assert self.live is not None
        official = self.live.session.fold.official_ns(now_log)
        start = self._start_official_ns(section)
        if official is None or start is None:
            return None
        elapsed = elapsed_since(start, official)
        return elapsed if elapsed >= 0 else None

    def _record(self, kind: str, data: dict[str, Any], t_ns: int) -> Other | None:
        live = self.live
        if live is None:
            return None
        event = live.record_other(kind, data, t_ns)
        if event is not None and self.odometer is not None:
            self.odometer.apply_event(event)
        return event

    # -- frames ------------------------------------------------------------------------------
    def tick(self) -> None:
        """One frame: the pacer at the clock's instant (the timer only schedules it)."""
        section = self.armed_trial()
        live = self.live
        if section is None or live is None:
            self._follow_section(None, 0)
            if self.panel.isVisible():
                self.panel.hide()
            return
        t_ns = self.clock.now_ns()
        now_log = live.session.log_ns(t_ns)
        self._follow_section(section, now_log)
        view = self.view_at(section, t_ns)
        self.view = view
        self.panel.set_view(view)
        if not self.panel.isVisible():
            self.panel.show()

    def view_at(self, section: AverageTrial, t_ns: int) -> PacerView:
        assert self.live is not None
        schedule = self._schedule(section)
        now_log = self.live.session.log_ns(t_ns)
        official = self.live.session.fold.official_ns(now_log)
        if official is None:
            return waiting_view(schedule, "sync the official time first (T)")  # ui/words.py
        start = self._start_official_ns(section)
        if start is None:
            return waiting_view(schedule, PRESS_AT_START_MARKER)
        car = None if self.odometer is None else self.odometer.at(now_log)
        fix = None
        gps_on = self.gps.mode is not GpsMode.OFF
        if self.recorder is not None and self.recorder.track.last_fix is not None:
            fix = self.recorder.track.state(t_ns)
        return pacer_view(
            schedule, elapsed_since(start, official), car, fix, gps_on=gps_on or fix is not None
        )

    def car_at(self, t_ns: int) -> CarDistance | None:
        """The car's distance at session-clock instant `t_ns` in the armed average trial, as the
        pacer shows it (the driver's displays take it from here); None without one."""
        section = self.armed_trial()
        odometer = self.odometer
        if section is None or odometer is None or odometer.section != section.id:
            return None
        assert self.live is not None
        return odometer.at(self.live.session.log_ns(t_ns))

    # -- the distance sources ----------------------------------------------------------------
    def on_fix(self, fix: Fix) -> None:
        """A fix from the GPS source: folded, and its events recorded, while a trial runs."""
        recorder = self.recorder
        if recorder is None or self.armed_trial() is None or self._started_at is None:
            if recorder is not None:
                recorder.track.add(fix)  # the fix state stays current before the start
            return
        for kind, data in recorder.add(fix):
            self._record(kind, data, fix.t_ns)

    def confirm_landmark(self) -> bool:
        section = self.armed_trial()
        if section is None:
            self._status(self.tr("No average trial is armed: landmarks belong to one"))
            return False
        if not section.landmarks:
            return self.type_km()
        confirmed = self._last_landmark_mm()
        target = next_landmark(section.landmarks, confirmed)
        if target is None:
            self._status(self.tr("Every landmark of this trial is confirmed (Shift+K types a km)"))
            return False
        metres, label = target
        return self._landmark(section, metres * MM_PER_M, f"{label} (km {format_km(metres)})")

    def _last_landmark_mm(self) -> int | None:
        odometer = self.odometer
        if self.live is None or odometer is None:
            return None
        last: int | None = None
        for event in self.live.session.events:
            if (
                isinstance(event, Other)
                and event.type == DISTANCE_EVENT
                and event.data.get("source") == "landmark"
                and event.data.get("section") == odometer.section
            ):
                last = round(float(event.data.get("m", 0)) * MM_PER_M)
        return last

    def type_km(self) -> bool:
        section = self.armed_trial()
        if section is None:
            self._status(self.tr("No average trial is armed"))
            return False
        car = None if self.odometer is None else self.odometer.at(self._now_log())
        suggested = "" if car is None else format_km(car.mm // MM_PER_M)
        text = self.ask_text(
            self.tr("Road book km"),
            self.tr("%1: km from the start here").replace("%1", section.id),
            suggested,
        )
        if not text:
            return False
        try:
            metres = parse_km_m(text.strip().replace(",", "."), "km")
        except FormatError as error:
            self._status(error_shown(error))
            return False
        return self._landmark(section, metres * MM_PER_M, f"km {format_km(metres)}")

    def _landmark(self, section: AverageTrial, mm: int, what: str) -> bool:
        self._follow_section(section, self._now_log())
        event = self._record(DISTANCE_EVENT, distance_data(section.id, mm, "landmark"), self._now())
        if event is None:
            return False
        self._status(self.tr("Distance set to the road book at %1").replace("%1", what))
        self.tick()
        return True

    def mark_measured(self) -> bool:
        recorder = self.recorder
        if self.gps.mode is GpsMode.OFF or recorder is None:
            self._status(
                self.tr("Calibrating on a measured section needs GPS on (or type a factor)")
            )
            return False
        raw_mm = round(recorder.track.distance_m * MM_PER_M)
        if self._measure_start_mm is None:
            self._measure_start_mm = raw_mm
            self._status(self.tr("Measured section: start marked; press M again at its end"))
            return True
        start, self._measure_start_mm = self._measure_start_mm, None
        text = self.ask_text(
            self.tr("Measured section"), self.tr("Its length in the road book (km)"), ""
        )
        if not text:
            return False
        try:
            length = parse_km_m(text.strip().replace(",", "."), "length")
            measured = MeasuredSection(start, raw_mm, length)
            factor = measured.factor()
        except (FormatError, DistanceEventError) as error:
            self._status(error_shown(error))
            return False
        return self._calibrate(factor, measured.reason())

    def type_factor(self) -> bool:
        factor = "1" if self.odometer is None else str(self.odometer.factor)
        text = self.ask_text(
            self.tr("Calibration"), self.tr("Multiply measured distances by"), factor
        )
        if not text:
            return False
        try:
            value = parse_factor(text)
        except DistanceEventError as error:
            self._status(error_shown(error))
            return False
        return self._calibrate(value, "typed")

    def _calibrate(self, factor: Decimal, reason: str) -> bool:
        event = self._record(CALIBRATE_EVENT, calibrate_data(factor, reason), self._now())
        if event is None:
            return False
        self._status(
            self.tr("Calibration factor %1 from now on (%2)")
            .replace("%1", window_number(str(factor)))
            .replace("%2", reason)
        )
        return True

    def _now(self) -> int:
        return self.clock.now_ns()

    def _now_log(self) -> int:
        return 0 if self.live is None else self.live.session.log_ns(self._now())

    def close(self) -> None:
        self.timer.stop()
        self.gps.close()
