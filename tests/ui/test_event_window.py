"""A whole event in the stage window: the event dialog typed into, the days, the next day opened
with the event's crew, and the whole-event results in the table and the plots."""

from __future__ import annotations

import argparse
import datetime
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from mmtimer.app import prepare_window
from mmtimer.core.clock import FakeClock
from mmtimer.core.crew import Crew
from mmtimer.core.event import load_event
from mmtimer.paths import resource
from mmtimer.ui.eventdialog import EventDialog
from mmtimer.ui.eventpanel import WHOLE_EVENT
from mmtimer.ui.i18n import reset_language, translations
from mmtimer.ui.results_model import Column
from mmtimer.ui.stagewindow import StageWindow
from tests.core.test_event import CREW, make_event
from tests.ui.stagerig import fake_clock, no_unsaved_question, own_settings, stage_window


@dataclass
class Rig:
    window: StageWindow
    clock: FakeClock
    qtbot: QtBot


@pytest.fixture
def rig(qtbot: QtBot, tmp_path: Path) -> Iterator[Rig]:
    clock = fake_clock(datetime.datetime(2027, 5, 13, 8, 0, tzinfo=datetime.UTC))
    window = stage_window(
        qtbot,
        clock,
        own_settings(tmp_path),
        ask_resume=lambda parent, candidate: False,
        confirm_end=lambda parent: True,  # Stage > End stage, answered "end it"
    )
    window.ask_unsaved = no_unsaved_question
    window.resize(1500, 860)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    yield Rig(window, clock, qtbot)
    window.close()


def active(qtbot: QtBot, dialog: QWidget) -> None:
    """The dialog shown and given the keyboard, as a person sees it come up."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_new_event_typed_as_a_person_would(rig: Rig, tmp_path: Path) -> None:
    shutil.copy(resource("stages", "mille-miglia-day1.stage.toml"), tmp_path / "d1.stage.toml")
    shutil.copy(resource("stages", "mille-miglia-day2.stage.toml"), tmp_path / "d2.stage.toml")
    qtbot = rig.qtbot
    dialog = rig.window.events.new_event()
    assert isinstance(dialog, EventDialog)
    active(qtbot, dialog)
    asked: list[Path] = []

    def where(parent: QWidget, suggested: Path) -> Path:
        asked.append(suggested)
        return tmp_path / "mm"  # typed without the suffix

    dialog.ask_path = where
    dialog.ask_stages = lambda parent, folder: [tmp_path / "d2.stage.toml"]
    qtbot.keyClicks(dialog.name, "Mille Miglia 2027")
    dialog.rules.setFocus()
    qtbot.keyClicks(dialog.rules, "mille-miglia")
    for field, text in (
        (dialog.number, "112"),
        (dialog.driver, "Giulia Ferri"),
        (dialog.navigator, "Marco Bassi"),
        (dialog.car, "Alfa Romeo 6C 1750 SS"),
        (dialog.year, "1929"),
        (dialog.coefficient, "1,80"),  # a decimal comma, as typed from the entry list
    ):
        qtbot.keyClicks(field, text)
    # The first day typed into the table: Add a day puts the keyboard on its name; Tab moves
    # to the stage file like a spreadsheet.
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(focused(), "Brescia to Cervia")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # on to the stage file's cell, editing it
    qtbot.keyClicks(focused(), "d1.stage.toml")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    # The second day from the file chooser (relative to the event file once saved).
    qtbot.mouseClick(dialog.add_stages_button, Qt.MouseButton.LeftButton)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert isinstance(save, QPushButton)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == ""
    path = tmp_path / "mm.event.toml"
    assert dialog.saved_path == path and asked[0].name == "mille-miglia-2027.event.toml"
    event = load_event(path)
    assert event.name == "Mille Miglia 2027" and event.rules == "mille-miglia"
    assert event.crew == Crew(
        112, "Giulia Ferri", "Marco Bassi", "Alfa Romeo 6C 1750 SS", 1929, Decimal("1.80")
    )
    assert [(d.name, d.stage) for d in event.days] == [
        ("Brescia to Cervia", "d1.stage.toml"),
        ("Day 2", "d2.stage.toml"),
    ]
    # Saved, the event is open in the window and its first day is the stage being timed.
    assert rig.window.events.path == path
    live = rig.window.live
    assert live is not None and live.stage.name.startswith("1000 Miglia - Day 1")
    assert live.crew == event.crew


def test_a_bad_value_is_said_and_nothing_is_written(rig: Rig, tmp_path: Path) -> None:
    dialog = rig.window.events.new_event()
    dialog.ask_path = lambda parent, suggested: tmp_path / "x.event.toml"
    qtbot = rig.qtbot
    active(qtbot, dialog)
    qtbot.keyClicks(dialog.name, "Club")
    qtbot.keyClicks(dialog.coefficient, "abc")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(focused(), "Saturday")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    dialog.accept()
    assert "day 1 has no stage file" in dialog.message.text()
    dialog.days.setCurrentCell(0, 1)
    qtbot.keyClicks(dialog.days, "s")
    qtbot.keyClicks(focused(), "at.stage.toml")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    dialog.accept()
    assert "coefficient" in dialog.message.text()
    assert not (tmp_path / "x.event.toml").exists() and dialog.isVisible()


def test_edit_event_keeps_the_files_comments(rig: Rig, tmp_path: Path) -> None:
    path = make_event(tmp_path, count=0, scope="stage")
    assert rig.window.open_path(path, warn=False)
    dialog = rig.window.events.edit_event()
    assert dialog is not None and dialog.name.text() == "Worked example"
    active(rig.qtbot, dialog)
    rig.qtbot.keyClick(dialog.name, Qt.Key.Key_End)
    rig.qtbot.keyClicks(dialog.name, " 2027")
    dialog.accept()
    text = path.read_text(encoding="utf-8")
    assert 'name = "Worked example 2027"   # three days and a missing one' in text
    assert load_event(path).days == load_event(path).days and len(load_event(path).days) == 4


def test_the_event_lists_its_days_opens_the_next_and_adds_them_up(rig: Rig, tmp_path: Path) -> None:
    # The worked example of tests/core/test_event.py (make_event), counted by hand there under
    # aci-2021: day 1 = 37 + 12 + 0 = 49; day 2 = 300 (350 capped) + 2 = 302; day 3 has no log
    # (not yet driven); day 4 names a stage file that is not there. Event = 49 + 302 = 351.
    path = make_event(tmp_path, count=0, scope="stage")
    window = rig.window
    assert window.open_path(path, warn=False)
    events = window.events
    assert events.dock.isVisible()
    panel = events.dock.panel
    rows = [
        [panel.days.topLevelItem(i).text(c) for c in (0, 3, 4)]  # type: ignore[union-attr]
        for i in range(panel.days.topLevelItemCount())
    ]
    assert rows == [
        ["1", "driven", "49"],
        ["2", "driven", "302"],
        ["3", "not yet driven", ""],
        ["4", "stage missing", ""],
        ["", "", "351"],
    ]
    assert "day4.stage.toml" in panel.problems.text()
    assert "Day 4" in window.statusBar().currentMessage()
    assert panel.total_label.text() == "2 of 4 days driven · total 351"
    # The next day to drive is day 3, opened with the event's crew.
    live = window.live
    assert live is not None and live.stage.name == "Day 3" and live.crew == CREW
    assert events.day_open == 3
    # The first press writes the log: its header holds the event's crew.
    rig.qtbot.keyClick(window, Qt.Key.Key_Space)
    assert live.writer is not None and live.writer.flush(timeout=5)
    header = json.loads(live.log_path.read_text(encoding="utf-8").splitlines()[0])
    assert header["crew"]["number"] == 112 and header["crew"]["coefficient"] == "1.80"
    # Whole event in the results table: every driven day's rows, then the event total.
    panel.choose_day(WHOLE_EVENT)
    model = panel.model
    sections = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert sections == ["D1 PC1", "D1 PC1", "D1 CO1", "D2 PC1", "D2 PM1", "Event"]
    penalty = model.column_of(Column.PENALTY)
    assert [model.index(r, penalty).data() for r in range(model.rowCount())] == [
        "37", "12", "0", "300", "2", "351",
    ]  # fmt: skip
    # ... and in the plots: one bar per measurement, the cumulative penalty ending at 351.
    panel.plot.ensure_loaded()
    series = panel.plot.data_series()
    assert series is not None and len(series.bars) == 5
    assert series.cumulative[-1] == Decimal(351)
    # One day alone: its own rows and total.
    panel.choose_day(2)
    assert [model.index(r, penalty).data() for r in range(model.rowCount())] == ["300", "2", "302"]
    # Ending day 3 reads the event again: day 3 now counts (PC1 line 1 only: lines 2, 3 missed).
    assert window.end_stage()
    state = [panel.days.topLevelItem(2).text(3)]  # type: ignore[union-attr]
    assert state == ["driven"]


def test_discards_over_the_event_in_the_window(rig: Rig, tmp_path: Path) -> None:
    # One discard over the event (the rule set's [discard] scope = "event"): the worst timed
    # measurement is day 2's capped 300, dropped: day 2 = 2, event = 49 + 2 = 51.
    path = make_event(tmp_path, count=1, scope="event")
    assert rig.window.events.open_event(path, open_next=False)
    panel = rig.window.events.dock.panel
    assert panel.days.topLevelItem(1).text(4) == "2"  # type: ignore[union-attr]
    assert panel.days.topLevelItem(4).text(4) == "51"  # type: ignore[union-attr]
    panel.choose_day(WHOLE_EVENT)
    note = panel.model.column_of(Column.NOTE)
    assert "discarded" in panel.model.index(3, note).data()


def test_a_missing_log_and_stage_are_named_and_the_rest_opens(rig: Rig, tmp_path: Path) -> None:
    path = make_event(tmp_path, count=0, scope="stage", day3_log=True)
    (tmp_path / "logs" / "day2.mmlog").unlink()  # named by the event, not there
    assert rig.window.open_path(path, warn=False)
    panel = rig.window.events.dock.panel
    states = [panel.days.topLevelItem(i).text(3) for i in range(4)]  # type: ignore[union-attr]
    assert states == ["driven", "log missing", "log missing", "stage missing"]
    text = panel.problems.text()
    assert "day2.mmlog" in text and "day3.mmlog" in text and "day4.stage.toml" in text
    assert panel.days.topLevelItem(4).text(4) == "49"  # type: ignore[union-attr]
    # Day 2's log is missing: it is the next day, timed into the log the event names.
    live = rig.window.live
    assert live is not None and live.stage.name == "Day 2"
    assert live.log_path == tmp_path / "logs" / "day2.mmlog"


def test_a_driven_day_opens_its_replay(rig: Rig, tmp_path: Path) -> None:
    path = make_event(tmp_path, count=0, scope="stage")
    assert rig.window.events.open_event(path, open_next=False)
    assert rig.window.events.open_day(1)
    (replay,) = rig.window.replay_windows
    assert replay.isVisible()


def test_the_command_line_opens_an_event(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_event(tmp_path, count=0, scope="stage")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    args = argparse.Namespace(file=str(path), log=None, quit_after_first_frame=True)
    window = prepare_window(args, settings=settings, open_sound=lambda parent: "no sound here")
    assert isinstance(window, StageWindow)
    qtbot.addWidget(window)
    assert window.events.path == path
    assert window.live is not None and window.live.stage.name == "Day 3"
    bad = tmp_path / "bad.event.toml"
    bad.write_text('format = "mmtimer-event/1"\n', encoding="utf-8")
    problem = prepare_window(
        argparse.Namespace(file=str(bad), log=None),
        settings=settings,
        open_sound=lambda parent: "no sound here",
    )
    assert isinstance(problem, str) and "bad.event.toml" in problem and "name" in problem


def test_the_open_event_panel_changes_language_in_place(
    rig: Rig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """View > Language with the event open: its days, states, buttons, tabs and totals change
    at once, the day chosen stays chosen, and back again."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = make_event(tmp_path, count=0, scope="stage")
    window = rig.window
    assert window.open_path(path, warn=False)
    dock = window.events.dock
    panel = dock.panel
    panel.choose_day(2)

    def texts() -> list[str]:
        header = panel.days.headerItem()
        states = [panel.days.topLevelItem(i).text(3) for i in range(4)]  # type: ignore[union-attr]
        return [
            dock.windowTitle(),
            *(header.text(c) for c in range(5)),
            *states,
            panel.next_button.text(),
            panel.tabs.tabText(0),
            panel.tabs.tabText(1),
            panel.total_label.text(),
        ]

    english = texts()
    assert english[1:10] == [
        "#", "Day", "Stage", "State", "Total", "driven", "driven", "not yet driven",
        "stage missing",
    ]  # fmt: skip
    translations().apply("it")
    try:
        italian = texts()
        assert panel.chosen_day() == 2
    finally:
        reset_language()
    assert italian[0] == "Evento" and italian[1:3] == ["N.", "Giorno"]
    assert italian[6:10] == ["percorso", "percorso", "non ancora percorso", "tappa mancante"]
    assert italian[10:13] == ["Apri il giorno &successivo", "Risultati", "Grafici"]
    assert italian[-1].startswith("2 di 4 giorni percorsi")
    assert texts() == english
