"""One way to build a stage window for a test: a fake clock, settings of its own in the test's
folder, an event stamper on that clock, no sound, and closing mid-stage answered "end it"; and
one way to show it as the active window (keys go to the active window)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import NS_PER_S, FakeClock
from mmtimer.ui.controller import Controller
from mmtimer.ui.endstage import CloseChoice, UnsavedChoice
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.stagewindow import StageWindow
from mmtimer.ui.triggers import EventStamper

# The bundled day's morning: before the first due time of mille-miglia-day1.
MORNING = datetime.datetime(2026, 5, 13, 12, 55, tzinfo=datetime.UTC)


def fake_clock(utc_start: datetime.datetime = MORNING) -> FakeClock:
    return FakeClock(1_000 * NS_PER_S, utc_start=utc_start)


def own_settings(tmp_path: Path, name: str = "mmtimer") -> QSettings:
    """Settings in the test's folder: a test never reads or writes the user's."""
    return QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)


def no_sound(parent: QWidget | None) -> str:
    return "no sound: this test has no audio"


def end_the_stage(parent: QWidget | None) -> CloseChoice:
    """The closing question answered "End the stage" (tests/ui/test_end_stage.py asks it)."""
    return CloseChoice.END


def no_unsaved_question(parent: QWidget | None, pending: int, why: str) -> UnsavedChoice:
    """The rig's guard: a test that leaves events unsaved must answer the question itself (the
    default dialog is modal and would block the test)."""
    raise AssertionError(f"unexpected question about unsaved events: {pending}, {why}")


def stage_window(
    qtbot: QtBot, clock: FakeClock, settings: QSettings, **options: Any
) -> StageWindow:
    """A StageWindow on `clock`; `options` are StageWindow's own (ask_resume, ask_close, ...)."""
    load_fonts()
    options.setdefault("stamper", EventStamper(clock, "offscreen", None))
    options.setdefault("open_sound", no_sound)
    options.setdefault("ask_close", end_the_stage)
    window = StageWindow(Controller(clock), settings, **options)
    qtbot.addWidget(window)
    return window


def show_active(qtbot: QtBot, window: QWidget, width: int | None = None, height: int = 0) -> None:
    """Show `window` (at `width` x `height` when given) and wait until it has the keyboard."""
    if width is not None:
        window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
