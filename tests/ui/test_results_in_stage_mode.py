"""Results in stage mode: File > Export results and the results table, after each press."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from mmtimer.cli import main as cli_main
from mmtimer.core.events import Pass
from mmtimer.paths import resource
from mmtimer.ui.results_model import Column
from tests.ui.test_stagewindow import GOLDEN, Rig, drive_the_example_stage, rig

__all__ = ["rig"]  # the stage-mode fixture, shared with test_stagewindow


def test_export_in_stage_mode_writes_what_mmtimer_export_writes(rig: Rig, tmp_path: Path) -> None:
    drive_the_example_stage(rig)
    out = tmp_path / "stage.csv"
    assert rig.window.export_results_to(out)
    assert out.read_bytes() == GOLDEN.read_bytes()  # the approved results of this run
    eu = tmp_path / "stage.eu.csv"
    assert rig.window.export_results_to(eu, "eu")
    rig.window.close()  # the closing event: the log is whole on disk
    exported = tmp_path / "cli.eu.csv"
    assert cli_main(["export", str(rig.log), "--locale", "eu", "-o", str(exported)]) == 0
    assert eu.read_bytes() == exported.read_bytes()


def test_export_never_writes_over_the_log(
    rig: Rig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(str(args[2])))
    rig.space()
    live = rig.window.live
    assert live is not None and live.writer is not None
    assert live.writer.flush(timeout=5)  # the pass is on disk: the writer thread is done with it
    before = rig.log.read_bytes()
    assert not rig.window.export_results_to(rig.log)
    assert rig.log.read_bytes() == before and "the log itself" in warnings[0]


def test_the_results_table_follows_each_press_while_shown(rig: Rig) -> None:
    window = rig.window
    dock = window.results_dock
    assert not dock.isVisible()
    rig.space()
    rig.wait_s("15.37")
    rig.space()  # PC1 line 2: +0.37
    assert dock.model.rowCount() == 0  # hidden: not updated on the press path
    window.results_action.trigger()
    assert dock.isVisible()
    model = dock.model
    deviation = model.column_of(Column.DEVIATION)
    assert model.index(0, deviation).data() == "+0.37"
    assert model.index(1, model.column_of(Column.NOTE)).data() == "pending"
    assert model.index(model.rowCount() - 1, 0).data() == "So far"
    assert model.current() == ("PC1", 2)
    rig.wait_s("6.00")
    rig.space()  # line 3: exact
    assert model.index(1, deviation).data() == "0.00"
    assert model.current() == ("PC1", 3)


def test_space_in_a_replay_window_plays_it_until_the_stage_is_under_way(rig: Rig) -> None:
    """Before the stage's log starts, Space in a replay window plays it (the stage's trigger
    keeps to its own window); once the stage is under way, the trigger takes Space wherever the
    keyboard is (issue 12): it records the pass and the replay does not play."""
    live = rig.window.live
    assert live is not None and not live.started
    assert rig.window.open_path(resource("logs", "mille-miglia-day1.mmlog"))
    (replay,) = rig.window.replay_windows
    replay.panel.playback.to_start()
    replay.activateWindow()
    rig.qtbot.waitUntil(replay.isActiveWindow, timeout=2000)
    replay.panel.table.setFocus()
    QTest.keyClick(replay.panel.table, Qt.Key.Key_Space)
    assert replay.panel.playback.playing
    assert not live.started  # nothing recorded
    QTest.keyClick(replay.panel.table, Qt.Key.Key_Space)  # pause it again
    assert not replay.panel.playback.playing
    rig.window.activateWindow()
    rig.qtbot.waitUntil(rig.window.isActiveWindow, timeout=2000)
    rig.space()  # one pass in the stage being timed: it is under way
    assert [e.line for e in live.session.events if isinstance(e, Pass)] == [1]
    replay.activateWindow()
    rig.qtbot.waitUntil(replay.isActiveWindow, timeout=2000)
    replay.panel.table.setFocus()
    QTest.keyClick(replay.panel.table, Qt.Key.Key_Space)
    assert not replay.panel.playback.playing
    assert [e.line for e in live.session.events if isinstance(e, Pass)] == [1, 2]
    replay.close()
