"""Countdown beeps: due from the clock at each check, each mark at most once, silent fallback."""

from __future__ import annotations

import itertools
import wave
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QObject, QSettings
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import NS_PER_MS, NS_PER_S, FakeClock
from mmtimer.paths import resource
from mmtimer.present.beeps import Beep, BeepKind, BeepSchedule, BeepSettings, Target
from mmtimer.ui.beeper import (
    SOUND_FILES,
    Beeper,
    QtSoundOutput,
    SoundOutput,
    load_beep_settings,
    open_sound,
    save_beep_settings,
)

T = Target(("PC1", 2), 100 * NS_PER_S)


def walk(schedule: BeepSchedule, target: Target, start_ns: int, stop_ns: int, step_ns: int):
    """Check at every step; returns (instant, beep) for each beep."""
    heard = []
    for now in range(start_ns, stop_ns, step_ns):
        beep = schedule.due(now, target)
        if beep is not None:
            heard.append((now, beep))
    return heard


def test_default_countdown_five_short_beeps_and_a_long_one_at_the_target() -> None:
    heard = walk(BeepSchedule(BeepSettings()), T, 90 * NS_PER_S, 102 * NS_PER_S, 10 * NS_PER_MS)
    assert [(b.mark_ms, b.kind) for _, b in heard] == [
        (-5000, BeepKind.SHORT),
        (-4000, BeepKind.SHORT),
        (-3000, BeepKind.SHORT),
        (-2000, BeepKind.SHORT),
        (-1000, BeepKind.SHORT),
        (0, BeepKind.LONG),
    ]
    assert [now for now, _ in heard] == [T.t_ns + b.mark_ms * NS_PER_MS for _, b in heard]


def test_the_lead_starts_each_beep_early_by_the_output_latency() -> None:
    schedule = BeepSchedule(BeepSettings(short_ms=(-1000,), long_ms=(0,), lead_ms=40))
    heard = walk(schedule, T, 98 * NS_PER_S, 101 * NS_PER_S, NS_PER_MS)
    assert [now - T.t_ns for now, _ in heard] == [-1040 * NS_PER_MS, -40 * NS_PER_MS]


def test_marks_passed_long_ago_are_skipped_not_played_late() -> None:
    schedule = BeepSchedule(BeepSettings())
    assert schedule.due(94_900 * NS_PER_MS, T) is None
    # the GUI was busy 2.6 s: -5, -4 and -3 are long gone; nothing plays late
    assert schedule.due(97_500 * NS_PER_MS, T) is None
    beep = schedule.due(98_010 * NS_PER_MS, T)
    assert beep is not None
    assert beep.mark_ms == -2000
    assert schedule.next_ns(98_010 * NS_PER_MS, T) == 99 * NS_PER_S


def test_a_new_target_gets_its_own_beeps_a_moved_one_does_not_repeat() -> None:
    schedule = BeepSchedule(BeepSettings(short_ms=(-1000,), long_ms=(0,)))
    assert schedule.due(99 * NS_PER_S, T) is not None
    # a sync moved the same target 300 ms later: the -1 s mark is not played a second time
    moved = Target(T.key, T.t_ns + 300 * NS_PER_MS)
    assert schedule.due(99_300 * NS_PER_MS, moved) is None
    following = Target(("PC1", 3), 115 * NS_PER_S)
    assert schedule.due(114 * NS_PER_S, following) is not None
    assert schedule.due(114 * NS_PER_S, None) is None
    assert schedule.next_ns(114 * NS_PER_S, None) is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(90 * NS_PER_S, 101 * NS_PER_S), min_size=1, max_size=200))
def test_no_mark_ever_beeps_twice_and_none_beeps_stale(instants: list[int]) -> None:
    schedule = BeepSchedule(BeepSettings(lead_ms=25))
    heard: list[tuple[int, Beep]] = []
    for now in sorted(instants):
        beep = schedule.due(now, T)
        if beep is not None:
            heard.append((now, beep))
    marks = [b.mark_ms for _, b in heard]
    assert len(marks) == len(set(marks))
    for now, beep in heard:
        late_ns = now - (T.t_ns + (beep.mark_ms - 25) * NS_PER_MS)
        assert 0 <= late_ns < BeepSchedule.STALE_NS


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(5, 240), min_size=1, max_size=400))
def test_with_checks_closer_than_the_stale_limit_every_mark_beeps(gaps_ms: list[int]) -> None:
    schedule = BeepSchedule(BeepSettings())
    now = 94 * NS_PER_S
    heard = []
    for gap in itertools.cycle(gaps_ms):
        now += gap * NS_PER_MS
        beep = schedule.due(now, T)
        if beep is not None:
            heard.append(beep.mark_ms)
        if now > 101 * NS_PER_S:
            break
    assert heard == [-5000, -4000, -3000, -2000, -1000, 0]


class FakeOutput:
    def __init__(self) -> None:
        self.played: list[BeepKind] = []

    def play(self, kind: BeepKind) -> None:
        self.played.append(kind)


def test_beeper_plays_and_flashes_from_the_clock(qtbot: QtBot) -> None:
    clock = FakeClock(start_ns=98 * NS_PER_S)
    output = FakeOutput()
    opened: list[int] = []

    def open_output(parent: QObject) -> SoundOutput | str:
        opened.append(1)
        return output

    beeper = Beeper(clock, lambda now: T, BeepSettings(short_ms=(-1000,)), open_output)
    flashes: list[str] = []
    beeper.flash.connect(flashes.append)
    beeper.start()
    qtbot.waitUntil(lambda: opened == [1], timeout=2000)  # preloaded before the first beep
    clock.set_ns(99 * NS_PER_S)
    assert beeper.check() is not None
    assert beeper.check() is None  # the same mark, checked again
    clock.set_ns(100 * NS_PER_S + 5 * NS_PER_MS)
    beeper.check()
    beeper.stop()
    assert output.played == [BeepKind.SHORT, BeepKind.LONG]
    assert flashes == ["short", "long"]
    assert opened == [1]


def test_without_sound_it_says_so_once_and_still_flashes(qtbot: QtBot) -> None:
    clock = FakeClock(start_ns=95 * NS_PER_S)
    beeper = Beeper(clock, lambda now: T, BeepSettings(), lambda parent: "no sound: test")
    problems: list[str] = []
    flashes: list[str] = []
    beeper.sound_unavailable.connect(problems.append)
    beeper.flash.connect(flashes.append)
    beeper.start()
    for second in range(96, 101):
        clock.set_ns(second * NS_PER_S)
        beeper.check()
    beeper.stop()
    assert problems == ["no sound: test"]
    assert beeper.sound_problem == "no sound: test"
    assert flashes == ["short"] * 5 + ["long"]  # -5 s is due at the start itself


def test_sound_off_in_the_settings_never_opens_the_output(qtbot: QtBot) -> None:
    clock = FakeClock(start_ns=99 * NS_PER_S)
    tried: list[int] = []
    beeper = Beeper(
        clock,
        lambda now: T,
        BeepSettings(sound=False),
        lambda parent: tried.append(1) or "never",
    )
    flashes: list[str] = []
    beeper.flash.connect(flashes.append)
    beeper.start()
    beeper.stop()
    assert tried == []
    assert flashes == ["short"]


class FakeTimer:
    """A single-shot timer that fires only when the test says the time has come."""

    def __init__(self, wake: Callable[[], object]) -> None:
        self.wake = wake
        self.waits_ms: list[int] = []
        self.armed_ms: int | None = None

    def start(self, msec: int) -> None:
        self.waits_ms.append(msec)
        self.armed_ms = msec

    def stop(self) -> None:
        self.armed_ms = None


def test_the_timer_wakes_the_check_at_each_mark(qtbot: QtBot) -> None:
    """The timer is asked to wake the check at each mark (never later, at least every
    RECHECK_MS): three marks 100 ms apart, each heard at its own moment, on a fake clock and a
    fake timer that fires exactly when it was asked to."""
    clock = FakeClock(start_ns=50 * NS_PER_S)
    target = Target("soon", clock.now_ns() + 400 * NS_PER_MS)
    timers: list[FakeTimer] = []

    def make_timer(parent: object, wake: Callable[[], object]) -> FakeTimer:
        timers.append(FakeTimer(wake))
        return timers[-1]

    beeper = Beeper(
        clock,
        lambda now: target,
        BeepSettings(short_ms=(-200, -100), long_ms=(0,)),
        lambda parent: FakeOutput(),
        make_timer=make_timer,
    )
    (timer,) = timers
    heard: list[tuple[int, Beep]] = []
    beeper.beeped.connect(lambda beep: heard.append((clock.now_ns(), beep)))
    beeper.start()
    while len(heard) < 3:
        assert timer.armed_ms is not None
        assert timer.armed_ms <= Beeper.RECHECK_MS
        clock.advance_ns(timer.armed_ms * NS_PER_MS)
        timer.wake()
    beeper.stop()
    assert timer.armed_ms is None
    assert [beep.mark_ms for _, beep in heard] == [-200, -100, 0]
    for now, beep in heard:
        assert now == target.t_ns + beep.mark_ms * NS_PER_MS
    assert timer.waits_ms[:3] == [200, 100, 100]  # woken at each mark, not polled


@pytest.mark.qt_log_ignore(
    # QtMultimedia announces the optional libraries it lacks (PipeWire, VA-API) and, with no
    # sound server, that PulseAudio is not there: this test is about exactly that case.
    "Couldn't (load|resolve)",
    "PulseAudioService",
    "Using Qt multimedia with FFmpeg",
)
def test_open_sound_without_an_audio_device_reports_instead_of_failing(qtbot: QtBot) -> None:
    opened = open_sound()
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        assert isinstance(opened, str)
        assert opened.startswith("no sound: QtMultimedia cannot load")
        return
    if QMediaDevices.audioOutputs():
        assert isinstance(opened, QtSoundOutput)
    else:
        assert opened == "no sound: no audio output device; beeps are shown, not heard"


def test_the_sounds_are_short_mono_wavs_that_start_at_once() -> None:
    lengths = {}
    for kind, name in SOUND_FILES.items():
        with wave.open(str(resource("sounds", name)), "rb") as wav:
            assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
            lengths[kind] = wav.getnframes() / wav.getframerate()
            first_ms = wav.readframes(wav.getframerate() // 200)  # the first 5 ms
        assert (
            max(
                abs(int.from_bytes(first_ms[i : i + 2], "little", signed=True))
                for i in range(2, len(first_ms), 2)
            )
            > 1000
        )
    assert 0.05 < lengths[BeepKind.SHORT] < lengths[BeepKind.LONG] <= 1.0


def test_beep_settings_round_trip(tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat)
    assert load_beep_settings(store) == BeepSettings()
    mine = BeepSettings(short_ms=(-10000, -3000, -2000, -1000), long_ms=(0,), lead_ms=35)
    save_beep_settings(store, mine)
    store.sync()
    assert (
        load_beep_settings(QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat)) == mine
    )
    store.setValue("beeps/short_ms", "")
    store.setValue("beeps/lead_ms", "lots")
    assert load_beep_settings(store) == BeepSettings(short_ms=(), lead_ms=0)
    with pytest.raises(ValueError, match="lead"):
        BeepSettings(lead_ms=-5)
