"""Resume in the window: a crash, then the same stage again, carries on in the same log.

The end-to-end run drives the first part of the golden run (tests/ui/test_stagewindow.py) by keys,
drops the window without the closing event (the crash), opens a new window on the same stage and
data folder, resumes, checks the window shows what it showed, presses on, and gets the golden CSV.
"""

from __future__ import annotations

import argparse
import datetime
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mmtimer.app import check_log_option, prepare_window
from mmtimer.cli import main as cli_main
from mmtimer.core.clock import NS_PER_S, FakeClock
from mmtimer.core.crew import Crew
from mmtimer.core.csvout import results_csv
from mmtimer.core.events import Other
from mmtimer.core.logfile import LogWriter, read_log
from mmtimer.core.resume import ResumableLog, find_resumable_log, inspect_log
from mmtimer.core.rules import load_rules
from mmtimer.core.scoring import score
from mmtimer.core.session import LiveSession, log_inputs
from mmtimer.core.stage import load_stage
from mmtimer.core.timefmt import parse_time_of_day_ms
from mmtimer.paths import resource
from mmtimer.ui.controller import Controller
from mmtimer.ui.dialogs import SyncRequest
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.livestage import data_dir
from mmtimer.ui.resume import ResumeDialog, ask_resume
from mmtimer.ui.stagewindow import HELP_NOTE, StageWindow
from mmtimer.ui.triggers import EventStamper
from tests.appruns import mmtimer_lines, run_window
from tests.ui.stagerig import own_settings, stage_window
from tests.ui.test_stagewindow import (
    GOLDEN,
    STAGE,
    Rig,
    drive_from_pc2_line_3,
    drive_to_pc2_line_3,
    end_the_stage,
)

OTHER_STAGE = resource("stages", "tsd-club.stage.toml")
UTC0 = datetime.datetime(2026, 5, 13, 12, 55, tzinfo=datetime.UTC)
S = NS_PER_S


class Answers:
    """The resume question, answered by the test (never a modal dialog): records each ask."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[ResumableLog] = []

    def __call__(self, parent: QWidget | None, candidate: ResumableLog) -> bool:
        self.asked.append(candidate)
        return self.answer


WindowMaker = Callable[..., StageWindow]


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[WindowMaker]:
    """A stage window on `clock` with settings of its own (`name`): a new window after a crash
    starts with nothing but the data folder."""
    load_fonts()
    windows: list[StageWindow] = []

    def make(clock: FakeClock, answers: Answers, name: str = "first") -> StageWindow:
        window = stage_window(qtbot, clock, own_settings(tmp_path, name), ask_resume=answers)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def show(rig: Rig) -> Rig:
    window = rig.window
    window.resize(1400, 760)
    window.show()
    rig.qtbot.waitExposed(window)
    window.activateWindow()
    rig.qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return rig


def crash(window: StageWindow) -> Path:
    """The window goes away without the closing event: what the writer acknowledged is on disk
    (as after a kill), the file is released, and nothing more is written to it."""
    live = window.live
    assert live is not None and live.writer is not None
    window.live = None  # closing the window now cannot close the log
    assert live.writer.close(timeout=5)
    window.close()
    contents = read_log(live.log_path, keep_torn=False)
    assert not contents.closed
    return live.log_path


def what_the_window_shows(window: StageWindow) -> dict[str, Any]:
    window.refresh()
    live = window.live
    assert live is not None
    panel = window.stage_panel
    items = []
    for index in range(panel.topLevelItemCount()):
        top = panel.topLevelItem(index)
        assert top is not None
        for row in range(top.childCount()):
            child = top.child(row)
            items.append(tuple(child.text(column) for column in range(3)))
    t_ns = window.controller.now_ns()
    return {
        "armed": panel.armed,
        "countdown": window.countdown.lines(),
        "panel": items,
        "chronograph": window.chrono_readout.text(),
        "running": window.chrono_readout.note(),
        # what the dial shows: the stage's (the window keeps no copy of them)
        "chrono_ns": window.dial.state().chrono_elapsed_ns,
        "official": window.official_readout.text(),
        "official_note": window.official_readout.note(),
        "official_ms": window.dial.state().official_ms,
        "session_official_ms": live.official_ms(t_ns),
        "synced": window.sync_label.text(),
        "crew": live.crew,
        "title": window.windowTitle(),
        "results": results_csv(live.results()),
    }


@pytest.mark.parametrize("restarted", [False, True], ids=["clock-continues", "machine-restarted"])
def test_a_crash_then_the_same_stage_resumes_the_log_and_ends_as_without_the_crash(
    qtbot: QtBot, make_window: WindowMaker, restarted: bool
) -> None:
    clock = FakeClock(1_000 * S, utc_start=UTC0)
    first = make_window(clock, Answers(True))
    assert first.open_path(STAGE)  # no --log: a dated log in the data folder
    assert first.live is not None
    rig = show(Rig(first, clock, first.live.log_path, qtbot))
    drive_to_pc2_line_3(rig)
    before = what_the_window_shows(first)
    assert before["armed"] == ("PC2", 3) and before["running"] == "running"
    log = crash(first)
    size = log.stat().st_size

    # The machine restarted: the session clock starts again near 0, the wall clock goes on.
    again = FakeClock(5 * S, utc_start=clock.utc_now()) if restarted else clock
    answers = Answers(True)
    second = make_window(again, answers, "second")  # settings of its own: no crew saved there
    assert second.open_path(STAGE)
    assert [(c.path, c.passes, c.last_at, c.torn) for c in answers.asked] == [
        (log, 5, "15:01:21", False)
    ]
    assert answers.asked[0].choice_text() == f"Resume {log.name} (5 passes, last at 15:01:21)"
    live = second.live
    assert live is not None and live.log_path == log
    assert live.writer is not None and live.writer.flush(timeout=5)
    assert log.stat().st_size > size  # the resume event
    assert what_the_window_shows(second) == before
    message = second.statusBar().currentMessage()
    assert message.startswith(f"Resumed {log.name}: 5 passes, last at 15:01:21")
    assert ("bridged with the wall clock" in message) == restarted
    assert second.log_label.text().endswith("(resumed)")

    rig = show(Rig(second, again, log, qtbot))
    drive_from_pc2_line_3(rig)
    assert live.session.armed is None
    second.close()  # the closing event, this time

    assert sorted((data_dir() / "logs").glob("*.mmlog")) == [log]  # one stage, one log
    contents = read_log(log)
    assert contents.closed and contents.problems == ()
    resumes = [e for e in contents.events if isinstance(e, Other) and e.type == "resume"]
    assert [e.data["clock"] for e in resumes] == ["bridged" if restarted else "continued"]
    stage, rules, crew = log_inputs(contents)
    assert crew == before["crew"] and crew.coefficient is not None
    golden = GOLDEN.read_bytes().decode("utf-8")
    assert results_csv(score(stage, rules, crew, contents.events)) == golden
    exported = log.with_suffix(".csv")
    assert cli_main(["export", str(log), "-o", str(exported)]) == 0
    assert exported.read_bytes().decode("utf-8") == golden


def write_log(
    path: Path,
    stage_path: Path = STAGE,
    *,
    presses_s: tuple[int, ...] = (10, 25),
    closed: bool = False,
    crew: Crew | None = None,
) -> Path:
    """A log made by the core as the window makes it: passes, then a crash or a close."""
    stage = load_stage(stage_path)
    session, writer = LiveSession.start_log(
        path, stage, load_rules(stage.rules), crew or Crew(number=7), created=UTC0
    )
    for second in presses_s:
        session.press(second * S, utc=UTC0 + datetime.timedelta(seconds=second))
    if closed:
        session.close(presses_s[-1] * S + S)
    assert writer.close(timeout=5)
    return path


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def app_args(log: Path | None, stage: Path = STAGE) -> argparse.Namespace:
    return argparse.Namespace(file=str(stage), log=None if log is None else str(log))


def test_log_option_resumes_a_log_of_the_stage_left_open_and_reports_its_torn_line(
    qtbot: QtBot, tmp_path: Path
) -> None:
    log = write_log(tmp_path / "out.mmlog")
    torn = b'{"type":"pass","seq":3,"t_ns":4'
    with log.open("ab") as file:
        file.write(torn)  # the power went mid-line
    assert check_log_option(STAGE, log) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.mmlog"]  # the check only reads
    clock = FakeClock(60 * S, utc_start=UTC0 + datetime.timedelta(seconds=60))
    window = prepare_window(
        app_args(log),
        clock=clock,
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        ask_resume=Answers(False),  # never asked: the log was named
        open_sound=lambda parent: "no sound",
    )
    assert isinstance(window, StageWindow)
    qtbot.addWidget(window)
    window.ask_close = end_the_stage
    live = window.live
    assert live is not None and live.log_path == log and live.crew == Crew(number=7)
    assert live.session.armed is not None and live.session.armed.line == 3
    message = window.statusBar().currentMessage()
    assert message.startswith("Resumed out.mmlog: 2 passes")
    assert "cut short" in message and "out.mmlog.torn-1" in message
    assert (tmp_path / "out.mmlog.torn-1").read_bytes() == torn  # kept aside by the core
    assert window.log_label.text().endswith("(resumed)")
    live.press(clock.now_ns(), "key:Space")
    window.close()
    contents = read_log(log)
    assert contents.closed and contents.torn_tail is None and contents.problems == ()
    assert [e.type for e in contents.events[-3:] if isinstance(e, Other)] == ["resume", "close"]


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda path: write_log(path, closed=True), "the stage was ended in this log"),
        (
            lambda path: write_log(path, OTHER_STAGE),
            "a log of stage 'Club TSD - Cascade foothills, leg 1', not of",
        ),
        (
            lambda path: path.write_bytes(
                write_log(path).read_bytes().replace(b'"seq":1', b'"seq":1,,')
            ),
            "out.mmlog:2: not a valid JSON line",
        ),
    ],
    ids=["closed", "another-stage", "broken"],
)
def test_log_option_refuses_any_other_existing_file_and_leaves_it_as_it_was(
    tmp_path: Path, make: Callable[[Path], Any], why: str
) -> None:
    log = tmp_path / "out.mmlog"
    make(log)
    before = files_in(tmp_path)
    problem = check_log_option(STAGE, log)
    assert problem is not None and problem.startswith(f"{log}") and why in problem
    assert "never overwritten" in problem and "\n" not in problem
    done = run_window(str(STAGE), "--log", str(log))  # the window opens with the error shown
    assert done.returncode == 2
    assert mmtimer_lines(done.stderr) == [f"mmtimer: {problem}"]
    assert files_in(tmp_path) == before


def test_a_log_the_navigator_did_not_resume_is_not_offered_again_but_file_menu_finds_it(
    make_window: WindowMaker,
) -> None:
    clock = FakeClock(1_000 * S, utc_start=UTC0)
    first = make_window(clock, Answers(True))
    assert first.open_path(STAGE) and first.live is not None
    first.live.press(clock.now_ns(), "key:Space")
    old = crash(first)
    old_bytes = old.read_bytes()

    clock.advance_ns(60 * S)
    declined = Answers(False)
    second = make_window(clock, declined, "second")
    assert second.open_path(STAGE) and second.live is not None
    assert [c.path for c in declined.asked] == [old]
    assert second.live.log_path != old and not second.live.started
    second.live.press(clock.now_ns(), "key:Space")  # the new log starts
    new = second.live.log_path
    second.close()
    assert old.read_bytes() == old_bytes  # declining leaves the old log alone

    clock.advance_ns(60 * S)
    never = Answers(True)
    third = make_window(clock, never, "third")
    assert third.open_path(STAGE)
    assert never.asked == []  # the stage's latest log was closed: nothing to offer
    assert third.live is not None and third.live.log_path not in (old, new)

    assert third.resume_left_open()  # File > Resume a log left open finds the older one
    assert [c.path for c in never.asked] == [old]
    assert third.live is not None and third.live.log_path == old
    assert third.live.session.armed is not None and third.live.session.armed.line == 2
    assert "Resumed" in third.statusBar().currentMessage()


def test_only_a_log_of_the_same_stage_is_offered(make_window: WindowMaker) -> None:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True)
    write_log(folder / "club.mmlog", OTHER_STAGE)
    answers = Answers(True)
    window = make_window(FakeClock(1_000 * S, utc_start=UTC0), answers)
    assert window.open_path(STAGE)
    assert answers.asked == []
    assert window.live is not None and not window.live.started
    assert window.open_path(OTHER_STAGE)
    assert [c.path.name for c in answers.asked] == ["club.mmlog"]
    assert window.live is not None and window.live.log_path == folder / "club.mmlog"


def test_the_folder_scan_takes_the_latest_log_of_the_stage_and_writes_nothing(
    tmp_path: Path,
) -> None:
    stage = load_stage(STAGE)
    older = write_log(tmp_path / "a.mmlog", presses_s=(10,))
    newer = write_log(tmp_path / "b.mmlog", presses_s=(10, 25, 31))
    with newer.open("ab") as file:
        file.write(b'{"type":"pa')
    write_log(tmp_path / "c.mmlog", OTHER_STAGE)
    (tmp_path / "d.mmlog").write_bytes(b"not a log\n")
    for index, name in enumerate(("a", "b", "c", "d")):
        os.utime(tmp_path / f"{name}.mmlog", ns=(index * S, index * S))
    before = files_in(tmp_path)
    found = find_resumable_log(tmp_path, stage)
    assert found is not None and (found.path, found.passes, found.torn) == (newer, 3, True)
    assert found.last_at is not None  # no sync in the log: the laptop's local time
    assert find_resumable_log(tmp_path, stage, exclude=[newer]) == inspect_log(older, stage)
    assert files_in(tmp_path) == before  # the torn line is kept aside only on resume

    ended = write_log(tmp_path / "e.mmlog", closed=True)  # the stage's latest log was closed
    os.utime(ended, ns=(9 * S, 9 * S))
    assert find_resumable_log(tmp_path, stage) is None
    assert find_resumable_log(tmp_path, stage, latest_only=False) == found
    assert find_resumable_log(tmp_path / "none", stage) is None


def test_the_question_defaults_to_resume_and_can_start_a_new_log(qtbot: QtBot) -> None:
    candidate = ResumableLog(Path("/logs/x.mmlog"), 1, "15:01:21")
    dialog = ResumeDialog(candidate)
    qtbot.addWidget(dialog)
    # a crash (no note "Keep the stage open" at the end: tests/ui/test_end_stage.py has one)
    assert dialog.text() == (
        "This stage has a log that was not closed: mmtimer stopped before the stage ended."
    )
    assert dialog.resume_button.text() == "Resume x.mmlog (1 pass, last at 15:01:21)"
    assert dialog.new_button.text() == "Start a new log"
    assert dialog.defaultButton() is dialog.resume_button
    assert dialog.escapeButton() is dialog.resume_button

    def answer(key: Qt.Key | None) -> Callable[[], None]:
        def press() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, ResumeDialog)
            if key is None:
                box.new_button.click()
            else:
                qtbot.keyClick(box, key)

        return press

    QTimer.singleShot(0, answer(Qt.Key.Key_Return))
    assert ask_resume(None, candidate) is True
    QTimer.singleShot(0, answer(Qt.Key.Key_Escape))
    assert ask_resume(None, candidate) is True
    QTimer.singleShot(0, answer(None))
    assert ask_resume(None, candidate) is False


def test_f1_says_a_log_left_open_is_offered(make_window: WindowMaker) -> None:
    window = make_window(FakeClock(), Answers(False))
    assert "File > Resume a log left open" in HELP_NOTE
    names = [a.text() for a in window.menuBar().actions()[0].menu().actions()]  # type: ignore[union-attr]
    assert "Res&ume a log left open…" in names
    assert not window.resume_left_open()  # no stage open yet
    assert window.open_path(STAGE)
    assert not window.resume_left_open()
    assert "No log of this stage was left open" in window.statusBar().currentMessage()


def test_after_a_restart_the_window_bridges_the_gap_with_the_wall_clock(
    make_window: WindowMaker,
) -> None:
    clock = FakeClock(1_000 * S, utc_start=UTC0)
    first = make_window(clock, Answers(True))
    assert first.open_path(STAGE) and first.live is not None
    first.apply_sync(SyncRequest(clock.now_ns(), parse_time_of_day_ms("14:58:00"), "typed"))
    clock.advance_ns(30 * S)
    first.live.press(clock.now_ns(), "key:Space")  # PC1's start at 14:58:30
    clock.advance_ns(5 * S)
    before = what_the_window_shows(first)
    crash(first)

    # 90 s later on the wall clock, on a machine whose session clock started again at 0
    again = FakeClock(3 * S, utc_start=clock.utc_now() + datetime.timedelta(seconds=90))
    second = make_window(again, Answers(True), "second")
    assert second.open_path(STAGE)
    after = what_the_window_shows(second)
    assert after["official_ms"] == before["official_ms"] + 90_000 == after["session_official_ms"]
    assert after["official"] == "15:00:05" and after["official_note"] == ""
    assert after["chrono_ns"] == before["chrono_ns"] + 90 * S == 95 * S
    assert after["armed"] == before["armed"] == ("PC1", 2)
    assert "bridged with the wall clock" in second.statusBar().currentMessage()
    assert second.sync_label.text() == "Synced 2 min 05 s ago"


def test_the_window_asks_with_the_dialog_when_no_answer_is_given(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True)
    log = write_log(folder / "left-open.mmlog")
    clock = FakeClock(100 * S, utc_start=UTC0 + datetime.timedelta(seconds=100))
    window = StageWindow(
        Controller(clock),
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        stamper=EventStamper(clock, "offscreen", None),
        open_sound=lambda parent: "no sound",
        ask_close=end_the_stage,
    )
    qtbot.addWidget(window)
    seen: list[str] = []

    def accept() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, ResumeDialog)
        seen.append(box.resume_button.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, accept)
    assert window.open_path(STAGE)  # the modal box is answered by the timer, never blocks
    local = (UTC0 + datetime.timedelta(seconds=25)).astimezone()  # no sync: the laptop's time
    assert seen == [f"Resume left-open.mmlog (2 passes, last at {local:%H:%M:%S})"]
    assert window.live is not None and window.live.log_path == log
    window.close()
    assert read_log(log).closed


def test_a_log_another_mmtimer_writes_is_not_taken(make_window: WindowMaker) -> None:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True)
    log = write_log(folder / "busy.mmlog")
    other, _ = LogWriter.open_existing(log)  # another mmtimer has it open
    try:
        named = make_window(FakeClock(100 * S, utc_start=UTC0), Answers(True))
        assert not named.open_path(STAGE, log, warn=False)
        assert named.open_error == f"{log}: the log is open in another mmtimer"
        assert named.live is None
        answers = Answers(True)
        offered = make_window(FakeClock(100 * S, utc_start=UTC0), answers, "second")
        assert offered.open_path(STAGE)
        assert [c.path for c in answers.asked] == [log]
        assert offered.live is not None and offered.live.log_path != log
        message = offered.statusBar().currentMessage()
        assert message == (
            f"Could not resume busy.mmlog ({log}: the log is open in another mmtimer): "
            "a new log starts"
        )
    finally:
        assert other.close(timeout=5)
