"""Replay in the window: what it shows at each instant is the core replay's state at it."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from mmtimer.commands.export import export_csv
from mmtimer.core.clock import NS_PER_MS, FakeClock
from mmtimer.core.logfile import read_log
from mmtimer.core.replay import Replay
from mmtimer.core.timefmt import DAY_MS, format_time_of_day
from mmtimer.paths import resource
from mmtimer.present.formats import (
    format_chrono,
    format_countdown,
    format_points,
    format_signed_deviation,
)
from mmtimer.ui.dialstate import DialState
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.helpdialog import KeyboardHelp
from mmtimer.ui.replay_panel import SPEEDS, ReplayPanel
from mmtimer.ui.replay_window import ReplayWindow, comparison_problem, read_replay
from mmtimer.ui.results_model import Column
from tests.ui.image_testing import assert_image_approved, use_fixed_theme

S = 1_000_000_000
LOGS = ("mille-miglia-day1", "tsd-club")


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "mmtimer.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(50 * S, utc_start=datetime.datetime(2026, 5, 13, 8, 0, tzinfo=datetime.UTC))


def log_path(name: str) -> Path:
    return Path(resource("logs", f"{name}.mmlog"))


@pytest.fixture(params=LOGS)
def window(
    request: pytest.FixtureRequest, qtbot: QtBot, clock: FakeClock, settings: QSettings
) -> Iterator[ReplayWindow]:
    load_fonts()
    win = ReplayWindow(read_log(log_path(request.param)), clock, settings)
    qtbot.addWidget(win)
    win.resize(1200, 760)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def instants(replay: Replay) -> list[int]:
    """Every pass, just before and after it, the start, the end and a few in between."""
    span = replay.end_ns - replay.start_ns
    chosen = {replay.start_ns, replay.end_ns, replay.start_ns - S, replay.end_ns + S}
    chosen |= {replay.start_ns + span * k // 7 for k in range(1, 7)}
    for t_ns in replay.pass_instants:
        chosen |= {t_ns - 10 * NS_PER_MS, t_ns, t_ns + 3 * S}
    return sorted(chosen)


def check_shown(panel: ReplayPanel, reference: Replay, t_ns: int) -> None:
    """The table, the readouts and the dial at `t_ns` against an independent core replay."""
    t_ns = max(reference.start_ns, min(reference.end_ns, t_ns))
    live = not reference.closed_at(t_ns)
    expected = reference.state_at(t_ns)
    shown = panel.shown()
    assert shown is not None and shown.t_ns == t_ns
    assert shown.state == expected
    # the table
    model = panel.model
    rows = expected.results.rows
    assert model.rowCount() == len(rows) + 1
    col = model.column_of
    for number, row in enumerate(rows):
        deviation = model.index(number, col(Column.DEVIATION)).data()
        penalty = model.index(number, col(Column.PENALTY)).data()
        assert deviation == (
            "" if row.deviation_ms is None else format_signed_deviation(row.deviation_ms)
        )
        assert penalty == ("" if "pending" in row.notes else format_points(row.penalty))
    total = model.index(len(rows), col(Column.PENALTY)).data()
    assert total == format_points(expected.results.total)
    # "Total" once the stage was ended or its last line is done, as in the live window
    done = not live or (expected.armed is None and bool(expected.events))
    assert model.index(len(rows), 0).data() == ("Total" if done else "So far")
    # the row just measured: the latest pass that still counts (not a voided one)
    last = expected.last_pass
    assert model.current() == (None if last is None else (last.section, last.line))
    # the readouts
    if expected.official_ns is None:
        assert panel.official_readout.text() == "--:--:--.--"
    else:
        official_ms = expected.official_ns // NS_PER_MS % DAY_MS
        assert panel.official_readout.text() == format_time_of_day(official_ms, 2)
    if expected.countdown is None or expected.closed:
        assert panel.countdown_readout.text() == ""
    else:
        countdown = expected.countdown
        shown = format_countdown(countdown.remaining_ns, countdown.window_ns)
        assert panel.countdown_readout.text() == shown
    chrono = reference.trial_chronograph_at(t_ns)
    assert panel.chrono_readout.text() == format_chrono(chrono.elapsed_ns(t_ns))
    assert panel.total_readout.text() == format_points(expected.results.total)
    # the dial
    utc = reference.utc_at(t_ns)
    assert utc is not None
    assert panel.dial.state() == DialState(
        chrono_elapsed_ns=chrono.elapsed_ns(t_ns),
        chrono_running=chrono.running,
        official_ms=None
        if expected.official_ns is None
        else expected.official_ns // NS_PER_MS % DAY_MS,
        date=utc.astimezone().date(),
    )


def test_seeking_shows_the_core_replay_state_at_each_instant(window: ReplayWindow) -> None:
    panel = window.panel
    reference = read_replay(window.replay.contents.path or Path())
    check_shown(panel, reference, reference.end_ns)  # it opens at the end: the final results
    for t_ns in instants(reference):
        panel.playback.seek(t_ns)
        panel.refresh()
        check_shown(panel, reference, t_ns)
    for t_ns in reversed(instants(reference)[::3]):  # and back again
        panel.playback.seek(t_ns)
        panel.refresh()
        check_shown(panel, reference, t_ns)


def test_the_slider_seeks(window: ReplayWindow) -> None:
    panel = window.panel
    reference = read_replay(window.replay.contents.path or Path())
    panel.slider.setValue(panel.slider.maximum() // 2)
    panel.refresh()
    shown = panel.shown()
    assert shown is not None
    middle = (reference.start_ns + reference.end_ns) // 2
    assert abs(shown.t_ns - middle) <= 2 * panel._slider_unit_ns
    check_shown(panel, reference, shown.t_ns)
    panel.slider.setValue(panel.slider.maximum())
    panel.refresh()
    check_shown(panel, reference, reference.end_ns)


def test_play_follows_the_clock_at_each_speed_and_stops_at_the_end(
    window: ReplayWindow, clock: FakeClock
) -> None:
    panel = window.panel
    playback = panel.playback
    reference = read_replay(window.replay.contents.path or Path())
    playback.to_start()
    panel.play_action.trigger()
    assert playback.playing and panel.play_action.isChecked()
    clock.advance_ns(2 * S)
    panel.refresh()
    check_shown(panel, reference, reference.start_ns + 2 * S)
    panel.speed_actions[4].trigger()
    clock.advance_ns(3 * S)
    assert playback.position_ns() == reference.start_ns + 2 * S + 12 * S
    panel.speed_actions[16].trigger()
    clock.advance_ns(S)
    panel.refresh()
    check_shown(panel, reference, reference.start_ns + 30 * S)
    panel.play_action.trigger()  # pause
    clock.advance_ns(100 * S)
    panel.refresh()
    check_shown(panel, reference, reference.start_ns + 30 * S)
    panel.play_action.trigger()
    clock.advance_ns(reference.end_ns)  # far past the end at x16
    panel.refresh()
    assert not playback.playing and not panel.play_action.isChecked()
    check_shown(panel, reference, reference.end_ns)
    assert playback.speed == 16 and SPEEDS == (1, 4, 16)
    panel.play_action.trigger()  # play at the end: from the start again
    assert playback.playing and playback.position_ns() == reference.start_ns


def test_next_and_previous_pass(window: ReplayWindow) -> None:
    panel = window.panel
    replay = window.replay
    panel.start_action.trigger()
    seen = []
    while panel.playback.next_pass():
        seen.append(panel.playback.position_ns())
    assert seen == sorted(set(replay.pass_instants))
    panel.previous_action.trigger()
    assert panel.playback.position_ns() == seen[-2]
    panel.end_action.trigger()
    panel.previous_action.trigger()
    panel.refresh()
    shown = panel.shown()
    assert shown is not None and shown.t_ns == seen[-1]


def test_clicking_a_bar_selects_its_row_and_moves_the_replay_there(
    window: ReplayWindow, qtbot: QtBot
) -> None:
    panel = window.panel
    reference = read_replay(window.replay.contents.path or Path())
    plot = panel.plot
    qtbot.waitUntil(plot.is_loaded, timeout=5000)
    # sort the table by penalty so that view rows and driving order differ
    panel.table.sortByColumn(panel.model.column_of(Column.PENALTY), Qt.SortOrder.DescendingOrder)
    result = reference.final_state().results
    for row in (1, len(result.rows) - 1):
        at = plot.viewport_pos_of(row).toPoint()
        QTest.mouseClick(plot.graphics_view().viewport(), Qt.MouseButton.LeftButton, pos=at)
        assert panel.selected_rows() == [row]
        measured = result.rows[row]
        instant = reference.pass_instant(measured.section, measured.line)
        assert instant is not None
        check_shown(panel, reference, instant)
        assert panel.model.current() == (measured.section, measured.line)
        assert plot.current() == row


def test_export_writes_what_mmtimer_export_writes(window: ReplayWindow, tmp_path: Path) -> None:
    log = window.replay.contents.path
    assert log is not None
    name = log.name.removesuffix(".mmlog")
    window.panel.playback.seek(window.replay.start_ns)  # the replay instant does not matter
    window.panel.refresh()
    for locale, golden in (("en", f"{name}.csv"), ("eu", f"{name}.eu.csv")):
        out = tmp_path / golden
        assert window.export_results_to(out, locale)  # type: ignore[arg-type]
        text, _ = export_csv(log, locale=locale)  # type: ignore[arg-type]
        assert out.read_bytes() == text.encode("utf-8")
        assert out.read_bytes() == Path(resource("logs", golden)).read_bytes()


def second_run(tmp_path: Path) -> Path:
    """The example 1000 Miglia log, driven again a little differently (a practice run)."""
    lines = log_path("mille-miglia-day1").read_text(encoding="utf-8").splitlines()
    out = []
    for text in lines:
        obj = json.loads(text)
        if obj.get("type") == "pass":
            obj["t_ns"] += (obj["seq"] % 3 - 1) * 150 * NS_PER_MS
        elif obj.get("type") == "header":
            obj["crew"]["number"] = 99
        out.append(json.dumps(obj, separators=(",", ":")))
    path = tmp_path / "practice.mmlog"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def test_two_logs_of_a_stage_side_by_side(
    qtbot: QtBot, clock: FakeClock, settings: QSettings, tmp_path: Path
) -> None:
    window = ReplayWindow(read_log(log_path("mille-miglia-day1")), clock, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    practice = second_run(tmp_path)
    assert window.compare_path(practice)
    other = read_replay(practice).final_results()
    model = window.panel.model
    b_deviation = model.column_of(Column.B_DEVIATION)
    for number, row in enumerate(other.rows):
        expected = "" if row.deviation_ms is None else format_signed_deviation(row.deviation_ms)
        assert model.index(number, b_deviation).data() == expected
    assert model.headerData(b_deviation, Qt.Orientation.Horizontal) == "Dev."
    assert [name for name, _, _ in model.column_groups()][1] == "#99 practice"
    assert window.panel.column_groups.isVisible()
    qtbot.waitUntil(window.panel.plot.is_loaded, timeout=5000)  # after the first frame
    assert window.panel.plot._compare == other
    # moving the replay moves the second run to the same point of the stage: as it stood when
    # it recorded the line this run recorded last
    window.panel.playback.seek(window.replay.start_ns)
    window.panel.refresh()
    assert model.index(0, b_deviation).data() == ""  # neither run has measured PC1·2 yet
    pc1_2 = window.replay.pass_instant("PC1", 2)
    assert pc1_2 is not None
    window.panel.playback.seek(pc1_2)
    window.panel.refresh()
    assert model.index(0, b_deviation).data() == format_signed_deviation(
        other.rows[0].deviation_ms or 0
    )
    assert model.index(1, b_deviation).data() == ""  # PC1·3: still to come in both runs
    b_at = read_replay(practice)
    at_ns = b_at.pass_instant("PC1", 2)
    assert at_ns is not None
    b_total = model.index(model.rowCount() - 1, model.column_of(Column.B_PENALTY)).data()
    assert b_total == format_points(b_at.state_at(at_ns).results.total)
    window.panel.playback.seek(window.replay.end_ns)
    window.panel.refresh()
    assert window.panel.plot._compare == other  # at the end: the second run's final results
    assert window.stop_compare_action.isEnabled()
    window.stop_compare_action.trigger()
    with pytest.raises(ValueError):
        model.column_of(Column.B_DEVIATION)
    tsd = read_replay(log_path("tsd-club"))
    problem = comparison_problem(window.replay, tsd)
    assert problem is not None and "shares 1 of the 11 measurements" in problem
    window.close()


def test_keys_drive_the_replay(window: ReplayWindow, qtbot: QtBot) -> None:
    panel = window.panel
    window.activateWindow()
    panel.table.setFocus()
    QTest.keyClick(panel.table, Qt.Key.Key_Home)
    assert panel.playback.position_ns() == window.replay.start_ns
    QTest.keyClick(panel.table, Qt.Key.Key_Right)
    assert panel.playback.position_ns() == window.replay.pass_instants[0]
    QTest.keyClick(panel.table, Qt.Key.Key_3)
    assert panel.playback.speed == 16
    QTest.keyClick(panel.table, Qt.Key.Key_Space)
    assert panel.playback.playing
    QTest.keyClick(panel.table, Qt.Key.Key_Space)
    assert not panel.playback.playing


def test_a_long_log_opens_at_its_start_and_is_folded_while_idle(
    qtbot: QtBot, clock: FakeClock, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("mmtimer.ui.replay_panel.OPEN_AT_END_MAX_EVENTS", 5)
    monkeypatch.setattr("mmtimer.ui.replay_panel.PREPARE_STEP_EVENTS", 4)
    contents = read_log(log_path("mille-miglia-day1"))
    window = ReplayWindow(Replay(contents, checkpoint_every=3), clock, settings)
    qtbot.addWidget(window)
    assert not window.replay.prepared
    assert window.panel.playback.position_ns() == window.replay.start_ns
    assert window.notes_label.text() == "reading the log…"
    with qtbot.waitSignal(window.panel.folded, timeout=5000):
        window.show()
    assert window.replay.prepared
    assert window.notes_label.text() == "1 note on this log"  # the coefficient, reported
    reference = read_replay(log_path("mille-miglia-day1"))
    for t_ns in instants(reference)[::2]:
        window.panel.playback.seek(t_ns)
        window.panel.refresh()
        check_shown(window.panel, reference, t_ns)
    window.close()


@pytest.mark.slow
def test_mmtimer_log_opens_the_replay_window(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    log = str(log_path("mille-miglia-day1"))
    done = subprocess.run(
        [sys.executable, "-m", "mmtimer", log, "--quit-after-first-frame"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "mmtimer: first frame painted" in done.stdout
    bad = tmp_path / "bad.mmlog"
    bad.write_text("not a log\n", encoding="utf-8")
    done = subprocess.run(  # the window opens with the error shown, then exit status 2
        [sys.executable, "-m", "mmtimer", str(bad), "--quit-after-first-frame"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert done.returncode == 2 and "mmtimer: first frame painted" in done.stdout
    (line,) = [x for x in done.stderr.splitlines() if x.startswith("mmtimer:")]
    assert "bad.mmlog:1" in line
    assert "Traceback" not in done.stderr


def test_f1_lists_every_replay_shortcut(window: ReplayWindow, qtbot: QtBot) -> None:
    """F1 works in the replay window too, and lists its keys (not the stage window's pushers,
    which a replay does not have)."""
    window.activateWindow()
    window.panel.table.setFocus()
    QTest.keyClick(window.panel.table, Qt.Key.Key_F1)
    helps = [h for h in window.findChildren(KeyboardHelp) if h.isVisible()]
    assert len(helps) == 1
    rows = dict(helps[0].rows())
    for keys, does in (
        ("Space", "Replay > Play"),
        ("Left, PgUp", "Replay > Previous pass"),
        ("Right, PgDown", "Replay > Next pass"),
        ("Home", "Replay > To the start"),
        ("End", "Replay > To the end"),
        ("3", "Replay > Speed x16"),
        ("Ctrl+E", "File > Export results (CSV)…"),
        ("Ctrl+P", "View > Plots"),
        ("F1", "Help > Keyboard shortcuts"),
    ):
        assert rows.get(keys) == does
    assert not any("pusher" in keys for keys in rows)


def test_compare_keeps_both_runs_deviations_and_penalties_in_view_at_the_default_size(
    qtbot: QtBot, clock: FakeClock, settings: QSettings, tmp_path: Path
) -> None:
    use_fixed_theme()  # the table is drawn in the application palette, which themes set
    window = ReplayWindow(read_log(log_path("mille-miglia-day1")), clock, settings)
    qtbot.addWidget(window)
    window.show()  # at its default size
    qtbot.waitExposed(window)
    assert window.compare_path(second_run(tmp_path))
    table = window.panel.table
    model = window.panel.model
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(model.column_of(Column.DELTA)) > 20)
    viewport = table.viewport().width()
    for column in (
        Column.DEVIATION, Column.PENALTY, Column.B_DEVIATION, Column.B_PENALTY, Column.DELTA,
    ):  # fmt: skip
        index = model.column_of(column)
        right = header.sectionViewportPosition(index) + header.sectionSize(index)
        assert header.sectionViewportPosition(index) >= 0 and right <= viewport, column
    # the runs' names sit over their own columns, whole
    spans = window.panel.column_groups.spans()
    assert [name for name, _ in spans] == ["#112 mille-miglia-day1", "#99 practice"]
    first, second = (rect for _, rect in spans)
    assert first.right() < second.left()
    metrics = window.panel.column_groups.fontMetrics()
    assert all(metrics.horizontalAdvance(name) < rect.width() - 8 for name, rect in spans)
    box = window.panel.table.parentWidget()
    assert box is not None
    assert_image_approved(box.grab().toImage(), "compare-table-default-size")
    window.close()
