"""The window against crafted logs and a failing disk (issue 17)."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import NS_PER_MS, FakeClock
from mmtimer.ui.endstage import CloseChoice, UnsavedChoice
from mmtimer.ui.livestage import data_dir
from tests.ui.test_resume import (
    OTHER_STAGE,
    STAGE,
    UTC0,
    Answers,
    WindowMaker,
    crash,
    files_in,
    make_window,
    show,
    write_log,
)
from tests.ui.test_stagewindow import Rig, fill_the_disk_after_one_pass, rig

S = 1_000_000_000
__all__ = ["make_window", "rig"]  # the fixtures, used by name


def huge_seq_log(path: Path) -> Path:
    """A log of STAGE left open whose last seq has 4,300 digits (a resume event would need
    4,301: more than Python writes as JSON)."""
    write_log(path)
    data = path.read_bytes()
    head, last = data.rstrip(b"\n").rsplit(b"\n", 1)
    path.write_bytes(
        head + b"\n" + last.replace(b'"seq":2,', b'"seq":' + b"9" * 4300 + b",") + b"\n"
    )
    return path


# -- item 2 ------------------------------------------------------------------------------------
def test_a_log_with_a_seq_of_4300_digits_is_not_offered_and_the_window_carries_on(
    make_window: WindowMaker,
) -> None:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True)
    log = huge_seq_log(folder / "huge.mmlog")
    before = files_in(folder)
    answers = Answers(True)
    window = make_window(FakeClock(100 * S, utc_start=UTC0), answers)
    assert window.open_path(STAGE)  # no ValueError out of open_path
    assert answers.asked == []  # a log that does not read is never offered
    assert window.live is not None and window.live.log_path != log
    assert files_in(folder) == before


def test_naming_a_log_with_a_seq_of_4300_digits_is_refused_in_one_line(
    make_window: WindowMaker, tmp_path: Path
) -> None:
    log = huge_seq_log(tmp_path / "huge.mmlog")
    before = files_in(tmp_path)
    window = make_window(FakeClock(100 * S, utc_start=UTC0), Answers(True))
    assert not window.open_path(STAGE, log, warn=False)
    assert window.open_error is not None and "\n" not in window.open_error
    assert window.open_error.startswith(f"{log}:3: seq: a number of 4,300 digits is out of range")
    assert window.open_path(OTHER_STAGE)  # the window still works
    assert files_in(tmp_path) == before


# -- item 11: the double-press flag survives a resume ------------------------------------------
def test_a_double_press_flagged_before_a_crash_is_flagged_after_the_resume(
    make_window: WindowMaker, qtbot: QtBot, tmp_path: Path
) -> None:
    clock = FakeClock(1_000 * S, utc_start=UTC0)
    log = tmp_path / "run.mmlog"
    first = make_window(clock, Answers(True))
    assert first.open_path(STAGE, log)
    show(Rig(first, clock, log, qtbot))
    qtbot.keyClick(first, Qt.Key.Key_Space)  # PC1's start
    clock.advance_ns(15 * S)
    qtbot.keyClick(first, Qt.Key.Key_Space)
    clock.advance_ns(300 * NS_PER_MS)  # a bounce: flagged
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert "double press" in first.countdown.lines()[2]
    crash(first)

    clock.advance_ns(20 * S)
    second = make_window(clock, Answers(True), "second")
    assert second.open_path(STAGE, log)
    show(Rig(second, clock, log, qtbot))
    assert "double press" in second.countdown.lines()[2]
    qtbot.keyClick(second, Qt.Key.Key_Backspace)  # still undoes it
    assert "double press" not in second.countdown.lines()[2]
    live = second.live
    assert live is not None and live.session.armed is not None
    assert (live.session.armed.section, live.session.armed.line) == ("PC1", 3)


def test_only_a_pass_within_the_guard_of_the_one_before_is_flagged_again(
    make_window: WindowMaker, tmp_path: Path
) -> None:
    clock = FakeClock(1_000 * S, utc_start=UTC0)
    log = tmp_path / "run.mmlog"
    first = make_window(clock, Answers(True))
    assert first.open_path(STAGE, log)
    live = first.live
    assert live is not None
    live.press(clock.now_ns(), "key:Space")
    clock.advance_ns(2 * S)  # beyond the 1 s guard
    live.press(clock.now_ns(), "key:Space")
    crash(first)
    second = make_window(clock, Answers(True), "second")
    assert second.open_path(STAGE, log)
    assert second.live is not None and second.live.last_guarded_seq is None
    assert "double press" not in second.countdown.lines()[2]


# -- item 11: leaving with a failing disk does not freeze the window ----------------------------
def test_leaving_with_a_failing_disk_asks_at_once_instead_of_freezing(rig: Rig) -> None:
    window = rig.window
    live, _disk = fill_the_disk_after_one_pass(rig)
    window.unsaved_wait_s = 30.0  # the old wait would freeze the window this long
    asked: list[float] = []

    def ask(parent: QWidget | None, pending: int, why: str) -> UnsavedChoice:
        asked.append(time.monotonic())
        return UnsavedChoice.KEEP_TRYING if len(asked) == 1 else UnsavedChoice.LOSE

    window.ask_unsaved = ask
    window.ask_close = lambda parent: CloseChoice.KEEP_OPEN
    started = time.monotonic()
    window.close()  # keep trying: the question came without waiting out the 30 s
    assert len(asked) == 1 and asked[0] - started < 10
    assert window.isVisible() and window.live is live
    started = time.monotonic()
    window.close()  # leave and lose them: the stage is released without waiting on the disk
    assert len(asked) == 2 and time.monotonic() - started < 10
    assert not window.isVisible() and window.live is None
