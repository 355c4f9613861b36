"""A navigator's guard: each window and dialog opened in Italian shows no English.

Each case opens one window or dialog as a person would meet it (the stage window with a bundled
stage, mid-stage; the average trial with its pacer; the stage editor on a bundled stage; the
event window and dialog; a replay with its plots; settings, sync, crew, F1, the messages, the
driver's window and page dialog, the closing questions) with the language set to Italian, walks
every visible text (tests/ui/italian_walk.py: labels, buttons, menus and actions, table headers
and cells, group titles, placeholders, tooltips, plot axes) and fails on any that reads as the
English source. Names from the bundled files, ids and units are allowed by name below.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import NS_PER_S, FakeClock
from mmtimer.core.rules import builtin_rule_ids
from mmtimer.core.stagerows import KINDS
from mmtimer.paths import resource
from mmtimer.ui.i18n import reset_language, translations
from mmtimer.ui.stagewindow import StageWindow
from tests.ui.italian_walk import english_in, plot_axes, window_texts
from tests.ui.stagerig import fake_clock, own_settings, show_active, stage_window

pytestmark = pytest.mark.gui

DAY1 = resource("stages", "mille-miglia-day1.stage.toml")
PRACTICE = resource("stages", "practice-average.stage.toml")
EVENT = resource("events", "mille-miglia-2027.event.toml")


def _file_names() -> tuple[str, ...]:
    """The names the bundled stage and event files give (stage, sections, landmarks, days):
    written by the organiser, shown as written."""
    from mmtimer.core.event import load_event
    from mmtimer.core.stage import AverageTrial, load_stage

    event = load_event(EVENT)
    names = [event.name, *(day.name for day in event.days)]
    for path in (*resource("stages").glob("*.stage.toml"), *resource("events").glob("*.toml")):
        if not path.name.endswith(".stage.toml"):
            continue
        stage = load_stage(path)
        names.append(stage.name)
        for section in stage.sections:
            if isinstance(section, AverageTrial):
                names.extend(label for _, label in section.landmarks)
    return tuple(n for n in names if n)


# Not English for a navigator: names written in the bundled files, and these.
ALLOWED = (
    *_file_names(),
    *builtin_rule_ids(),  # rule-set ids ("year-factor"), as the stage file names them
    "English",  # View > Language lists each language in its own name
    "Shift",  # key names as the keys are labelled (Qt's own names: qtbase_it keeps these)
    "Ctrl",
)


@pytest.fixture(autouse=True)
def _italian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    translations().apply("it")
    yield
    reset_language()


Opener = Callable[[QtBot, Path], list[QWidget]]


def _stage(
    qtbot: QtBot, tmp_path: Path, stage: Path = DAY1, utc: tuple[int, int] = (12, 55)
) -> tuple[StageWindow, FakeClock]:
    clock = fake_clock(datetime.datetime(2026, 5, 13, *utc, tzinfo=datetime.UTC))
    window = stage_window(qtbot, clock, own_settings(tmp_path), ask_resume=lambda *_: False)
    assert window.open_path(stage, tmp_path / "run.mmlog", warn=False)
    show_active(qtbot, window, 1400, 900)
    return window, clock


def stage_mid_way(qtbot: QtBot, tmp_path: Path) -> list[QWidget]:
    """The bundled day 1, the start line pressed and a second pass: results, notes, countdown."""
    window, clock = _stage(qtbot, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    clock.advance_ns(30 * NS_PER_S)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    clock.advance_ns(NS_PER_S)
    window.refresh()
    return [window]


def average_trial(qtbot: QtBot, tmp_path: Path) -> list[QWidget]:
    window, clock = _stage(qtbot, tmp_path, PRACTICE, (13, 10))
    qtbot.keyClick(window, Qt.Key.Key_Space)
    clock.advance_ns(20 * NS_PER_S)
    window.refresh()
    return [window]


def average_trial_with_gps(qtbot: QtBot, tmp_path: Path) -> list[QWidget]:
    """The pacer with the car's distance: a landmark confirmed (K), then the bundled drive as a
    GPS receiver (live: the average to hold, the satellites, the fix's age); the driver's window
    beside it."""
    from mmtimer.core.clock import NS_PER_MS
    from mmtimer.core.timefmt import parse_time_of_day_ms
    from mmtimer.ui.dialogs import SyncRequest

    clock = fake_clock(datetime.datetime(2026, 5, 13, 13, 10, tzinfo=datetime.UTC))
    settings = own_settings(tmp_path)
    settings.setValue("gps/allowed", True)  # the navigator's consent (Stage > GPS)
    window = stage_window(qtbot, clock, settings, ask_resume=lambda *_: False)
    assert window.open_path(PRACTICE, tmp_path / "run.mmlog", warn=False)
    show_active(qtbot, window, 1400, 900)
    official = parse_time_of_day_ms("15:11:40")
    window.apply_sync(SyncRequest(clock.now_ns(), official, "typed"))
    clock.advance_ns(8 * NS_PER_S)
    qtbot.keyClick(window, Qt.Key.Key_Space)  # the start marker of PM1
    clock.advance_ns(60 * NS_PER_S)
    qtbot.keyClick(window, Qt.Key.Key_K)  # a landmark confirmed
    clock.advance_ns(4 * NS_PER_S)
    window.refresh()
    driver = window.drivers.open_window()
    # ahead/behind as of the landmark, with its age: walked now, before the GPS takes over
    stale = english_in([*window_texts(window), *window_texts(driver)], ALLOWED)
    assert not stale, "English in an Italian window:\n" + "\n".join(map(str, stale))
    assert window.pacer.open_drive(resource("drives", "practice.nmea"))
    for _ in range(200):
        clock.advance_ns(100 * NS_PER_MS)
        window.pacer.gps._play_due()
        window.pacer.tick()
    window.refresh()
    driver.refresh()
    assert window.pacer.view is not None and window.pacer.view.live
    return [window, driver]


def dialogs_of_the_stage(qtbot: QtBot, tmp_path: Path) -> list[QWidget]:
    window, _ = _stage(qtbot, tmp_path)
    shown = [
        window.edit_settings(),
        window.show_sync_dialog(),
        window.edit_crew(),
        window.show_keyboard_help(),
        window.statusBar().show_log(),  # type: ignore[attr-defined]
    ]
    for dialog in shown:
        qtbot.addWidget(dialog)
        dialog.show()
    return shown


def stage_editor(qtbot: QtBot, tmp_path: Path) -> list[QWidget]:
    from mmtimer.present.stageeditor import StageDraft
    from mmtimer.ui.stageeditor import StageEditor

    draft = StageDraft.open(PRACTICE)
    editor = StageEditor(draft, ask_save=lambda parent, name: "discard")
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return [editor]


def event_window(qtbot: QtBot, tmp_path: Path) -> list[QWidget]:
    window, _ = _stage(qtbot, tmp_path)
    assert window.open_path(EVENT, warn=False)
    dialog = window.events.edit_event()
    assert dialog is not None
    qtbot.addWidget(dialog)
    return [window, dialog]


def replay(qtbot: QtBot, tmp_path: Path) -> list[QWidget]:
    from mmtimer.ui.replay_window import ReplayWindow, read_replay

    found = read_replay(resource("logs", "practice-average.mmlog"))
    window = ReplayWindow(found, FakeClock(0), own_settings(tmp_path), at_ns=200 * NS_PER_S)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    plots = window.panel.distance_plot, window.panel.plot
    # both load when first painted, and show once their layout shows them (queued)
    qtbot.waitUntil(lambda: plots[0]._widget is not None and plots[0]._widget.isVisible())
    qtbot.waitUntil(lambda: plots[1].is_loaded() and plots[1]._layout_widget.isVisible())
    help_dialog = window.show_keyboard_help()
    qtbot.addWidget(help_dialog)
    return [window, help_dialog]


def driver_displays(qtbot: QtBot, tmp_path: Path) -> list[QWidget]:
    from mmtimer.ui.driverdisplays import DriverPageDialog
    from mmtimer.ui.driverpage import DriverPageServer

    window, clock = _stage(qtbot, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    clock.advance_ns(5 * NS_PER_S)
    driver = window.drivers.open_window()  # the stage window closes it
    server = DriverPageServer(lambda: None, host="127.0.0.1")
    page = DriverPageDialog(server)
    qtbot.addWidget(page)
    page.show()
    return [driver, page]


def closing_questions(qtbot: QtBot, tmp_path: Path) -> list[QWidget]:
    from mmtimer.ui.endstage import CloseStageDialog, UnsavedLogDialog

    shown: list[QWidget] = [CloseStageDialog(None), UnsavedLogDialog(3, "ENOSPC")]
    for dialog in shown:
        qtbot.addWidget(dialog)
        dialog.show()
    return shown


# The editor's cells show the stage file's own words for a kind and a start by press (it reads
# the road book's Italian too: "PM", "prova di media"), as the file will hold them.
CASE_ALLOWED = {"stage editor": (*KINDS, "press")}

CASES: dict[str, Opener] = {
    "stage mid-way": stage_mid_way,
    "average trial": average_trial,
    "average trial with GPS": average_trial_with_gps,
    "stage dialogs": dialogs_of_the_stage,
    "stage editor": stage_editor,
    "event": event_window,
    "replay": replay,
    "driver displays": driver_displays,
    "closing questions": closing_questions,
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_no_english_in_an_italian_window(qtbot: QtBot, tmp_path: Path, case: str) -> None:
    windows = CASES[case](qtbot, tmp_path)
    english = []
    try:
        for window in windows:
            english += english_in(window_texts(window), ALLOWED + CASE_ALLOWED.get(case, ()))
    finally:
        # and back to English with every window open: a replay whose results plot had loaded
        # crashed here (its placeholder label, deleted, was given the new language's text)
        reset_language()
    assert not english, "English in an Italian window:\n" + "\n".join(map(str, english))


def test_the_plots_numbers_take_the_decimal_comma(qtbot: QtBot, tmp_path: Path) -> None:
    """The replay's results plots and distance plot: every axis writes 0,5 in Italian (the
    labels' words are in the walk above), and 0.5 again in English."""
    (window, _) = replay(qtbot, tmp_path)
    try:
        axes = plot_axes(window)
        assert len(axes) >= 8  # two results plots and two distance plots, left and bottom
        for axis in axes:
            assert axis.tickStrings([0.5, 1.5], 1.0, 0.5) == ["0,5", "1,5"]
        translations().apply("en")
        for axis in axes:
            assert axis.tickStrings([0.5, 1.5], 1.0, 0.5) == ["0.5", "1.5"]
    finally:
        reset_language()
