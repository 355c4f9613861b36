"""Countdown beeps before each target, with a visual flash, decided from the clock at each check.

Which beep is due is the pure schedule's (mmtimer.present.beeps); this module wakes it, plays
the sounds and flashes. By default a short beep at 5, 4, 3, 2 and 1 s before the target and a
long one at the target.
What is due is computed from the countdown and the clock at every check; the timer only wakes the
check up (QTimer can fire early, QTBUG-124496: a tick is never counted as time). A mark plays at
most once per target; a mark whose moment passed more than ``STALE_NS`` ago (a busy GUI, a line
armed late) is skipped rather than played late. Each beep starts ``lead_ms`` early to make up for
the audio output's latency.

Sound goes through QtMultimedia's QSoundEffect, sounds preloaded. QtMultimedia is imported only
when the beeper first needs it: it needs libpulse0 just to import (DESIGN.md). With no audio
output, or no QtMultimedia, the beeper says so once ("no sound: ...") and carries on with the
flash alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer, QUrl, Signal

from mmtimer.core.clock import NS_PER_MS, Clock
from mmtimer.paths import resource
from mmtimer.present.beeps import (
    DEFAULT_LONG_MS,
    DEFAULT_SHORT_MS,
    Beep,
    BeepKind,
    BeepSchedule,
    BeepSettings,
    Target,
)

SOUND_FILES = {BeepKind.SHORT: "beep-short.wav", BeepKind.LONG: "beep-long.wav"}

SETTINGS_SHORT = "beeps/short_ms"
SETTINGS_LONG = "beeps/long_ms"
SETTINGS_LEAD = "beeps/lead_ms"
SETTINGS_SOUND = "beeps/sound"


def _int_list(value: object, default: tuple[int, ...]) -> tuple[int, ...]:
    items = value if isinstance(value, list) else str(value).split(",")
    try:
        return tuple(int(str(item).strip()) for item in items if str(item).strip())
    except ValueError:
        return default


def load_beep_settings(settings: QSettings) -> BeepSettings:
    """The saved beep settings; anything unreadable falls back to the defaults."""

    def marks(key: str, default: tuple[int, ...]) -> tuple[int, ...]:
        return _int_list(settings.value(key), default) if settings.contains(key) else default

    lead = marks(SETTINGS_LEAD, (0,))
    sound = str(settings.value(SETTINGS_SOUND, "true")).lower() not in ("false", "0", "no")
    return BeepSettings(
        marks(SETTINGS_SHORT, DEFAULT_SHORT_MS),
        marks(SETTINGS_LONG, DEFAULT_LONG_MS),
        min(1000, max(0, lead[0])) if lead else 0,
        sound,
    )


def save_beep_settings(settings: QSettings, beeps: BeepSettings) -> None:
    settings.setValue(SETTINGS_SHORT, ",".join(str(m) for m in beeps.short_ms))
    settings.setValue(SETTINGS_LONG, ",".join(str(m) for m in beeps.long_ms))
    settings.setValue(SETTINGS_LEAD, beeps.lead_ms)
    settings.setValue(SETTINGS_SOUND, "true" if beeps.sound else "false")


class SoundOutput(Protocol):
    """Plays a preloaded beep at once."""

    def play(self, kind: BeepKind) -> None: ...


class QtSoundOutput(QObject):
    """QSoundEffect per beep, loaded up front. Build with ``open_sound()``, which may fail."""

    failed = Signal(str)

    def __init__(self, effects: dict[BeepKind, QObject], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effects = effects

    def play(self, kind: BeepKind) -> None:
        effect = self._effects.get(kind)
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]


def open_sound(parent: QObject | None = None) -> QtSoundOutput | str:
    """The sound output, or why there is none ("no sound: ...")."""
    try:
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect  # noqa: PLC0415 - lazy
    except ImportError as error:  # libpulse0 (or another library QtMultimedia needs) missing
        return QCoreApplication.translate(
            "Beeper", "no sound: QtMultimedia cannot load (%1); beeps are shown, not heard"
        ).replace("%1", str(error))
    if not QMediaDevices.audioOutputs():
        return QCoreApplication.translate(
            "Beeper", "no sound: no audio output device; beeps are shown, not heard"
        )
    effects: dict[BeepKind, QObject] = {}
    output = QtSoundOutput(effects, parent)
    for kind, name in SOUND_FILES.items():
        path = resource("sounds", name)
        if not path.is_file():
            return QCoreApplication.translate(
                "Beeper", "no sound: %1 is missing; beeps are shown, not heard"
            ).replace("%1", str(path))
        effect = QSoundEffect(output)
        effect.setSource(QUrl.fromLocalFile(str(path)))
        effect.setVolume(1.0)

        def report(effect: QSoundEffect = effect, name: str = name) -> None:
            if effect.status() == QSoundEffect.Status.Error:
                output.failed.emit(
                    QCoreApplication.translate(
                        "Beeper", "no sound: the audio output refused %1"
                    ).replace("%1", name)
                )

        effect.statusChanged.connect(report)
        effects[kind] = effect
    return output


TargetSource = Callable[[int], Target | None]


class WakeTimer(Protocol):
    """What wakes the beeper's check (a precise single-shot QTimer; tests give a fake one)."""

    def start(self, msec: int) -> None: ...

    def stop(self) -> None: ...


def precise_timer(parent: QObject, wake: Callable[[], object]) -> WakeTimer:
    """A precise single-shot QTimer calling `wake` (QTimer can fire early: QTBUG-124496)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(wake)
    return timer


class Beeper(QObject):
    """Plays the countdown beeps for the target that ``target_at(now_ns)`` names.

    ``flash`` goes with every beep, heard or not; ``sound_unavailable`` says once why there is no
    sound. ``check()`` does the work; a precise single-shot timer calls it at the next mark (and
    at least every ``RECHECK_MS``, since the target can change at any press or sync).
    """

    beeped = Signal(object)  # Beep
    flash = Signal(str)  # BeepKind value
    sound_unavailable = Signal(str)

    RECHECK_MS = 200

    def __init__(
        self,
        clock: Clock,
        target_at: TargetSource,
        settings: BeepSettings | None = None,
        open_output: Callable[[QObject], SoundOutput | str] | None = None,
        parent: QObject | None = None,
        *,
        make_timer: Callable[[QObject, Callable[[], object]], WakeTimer] = precise_timer,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.target_at = target_at
        self.schedule = BeepSchedule(settings or BeepSettings())
        self._open_output = open_output or open_sound
        self._output: SoundOutput | None = None
        self._output_tried = False
        self.sound_problem: str | None = None
        self._timer = make_timer(self, self.check)

    @property
    def settings(self) -> BeepSettings:
        return self.schedule.settings

    def set_settings(self, settings: BeepSettings) -> None:
        self.schedule.settings = settings
        self.check()

    PRELOAD_AFTER_MS = (
        250  # QtMultimedia costs ~50 ms to load (FFmpeg more, frozen): not before the first frame
    )

    def start(self, *, preload: bool = True) -> None:
        """Start checking; the sound is preloaded a moment later (or at the first beep). A
        window passes `preload` False and calls `preload_soon` once its first frame is shown:
        a slow start must not load QtMultimedia before it."""
        if preload:
            self.preload_soon()
        self.check()

    def preload_soon(self) -> None:
        """Open the sound output PRELOAD_AFTER_MS from now (if the settings want sound)."""
        if self.settings.sound:
            QTimer.singleShot(self.PRELOAD_AFTER_MS, self, self._preload)

    def _preload(self) -> None:
        if self.settings.sound:
            self._ensure_output()

    def stop(self) -> None:
        self._timer.stop()

    def _ensure_output(self) -> SoundOutput | None:
        if not self._output_tried:
            self._output_tried = True
            opened = self._open_output(self)
            if isinstance(opened, str):
                self._report(opened)
            else:
                self._output = opened
                failed = getattr(opened, "failed", None)
                if failed is not None:
                    failed.connect(self._on_output_failed)
        return self._output

    def _on_output_failed(self, message: str) -> None:
        self._output = None
        self._report(message)

    def _report(self, message: str) -> None:
        if self.sound_problem is None:
            self.sound_problem = message
            self.sound_unavailable.emit(message)

    def check(self) -> Beep | None:
        """Play what is due now, then arm the timer for the next mark."""
        now_ns = self.clock.now_ns()
        target = self.target_at(now_ns)
        beep = self.schedule.due(now_ns, target)
        if beep is not None:
            if self.settings.sound:
                output = self._ensure_output()
                if output is not None:
                    output.play(beep.kind)
            self.flash.emit(beep.kind.value)
            self.beeped.emit(beep)
        next_ns = self.schedule.next_ns(now_ns, target)
        wait_ms = self.RECHECK_MS
        if next_ns is not None:
            wait_ms = min(wait_ms, max(0, -(-(next_ns - now_ns) // NS_PER_MS)))
        self._timer.start(wait_ms)
        return beep
