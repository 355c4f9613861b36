"""The status bar's messages: never cut (wrapped, the rest in the tooltip) and all kept in a log."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QPlainTextEdit
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import FakeClock
from mmtimer.ui.messagebar import MAX_LINES, MessageBar

LONG = (
    "The two logs' stages differ: only the lines they share are compared, and the second "
    "run's results are its final ones, not the replay's instant (File > Open to open another)"
)


def window_with_bar(qtbot: QtBot, width: int) -> tuple[QMainWindow, MessageBar]:
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = MessageBar(window, FakeClock(0, datetime(2026, 5, 13, 8, 41, tzinfo=UTC)))
    window.setStatusBar(bar)
    bar.addPermanentWidget(QLabel("day1-2026-05-13_0841.mmlog", window))
    window.resize(width, 300)
    window.show()
    qtbot.waitExposed(window)
    return window, bar


def test_a_long_message_wraps_whole_at_the_default_width(qtbot: QtBot) -> None:
    _window, bar = window_with_bar(qtbot, 1180)
    bar.showMessage(LONG, 8000)
    label = bar.message_label
    qtbot.waitUntil(lambda: label.width() > 300)
    assert label.text() == LONG  # whole, on at most two lines
    lines = label.fontMetrics().boundingRect(
        0, 0, label.width(), 10_000, int(Qt.TextFlag.TextWordWrap), LONG
    )
    assert lines.height() <= label.fontMetrics().lineSpacing() * MAX_LINES
    qtbot.waitUntil(lambda: label.height() >= lines.height())  # the bar grew for both lines
    assert bar.currentMessage() == LONG and label.toolTip() == LONG


def test_a_narrow_window_elides_and_keeps_the_whole_text_in_the_tooltip(qtbot: QtBot) -> None:
    _window, bar = window_with_bar(qtbot, 420)
    bar.showMessage(LONG)
    label = bar.message_label
    qtbot.waitUntil(lambda: label.text() != LONG)
    assert label.text().endswith("…") and LONG.startswith(label.text()[:-1].rstrip())
    assert label.toolTip() == LONG


def test_every_message_stays_in_the_log(qtbot: QtBot) -> None:
    window, bar = window_with_bar(qtbot, 800)
    bar.showMessage("Results written to day1.csv", 10)
    bar.showMessage(LONG)
    qtbot.mouseClick(bar.message_label, Qt.MouseButton.LeftButton)
    assert [text for _, text in bar.history()] == ["Results written to day1.csv", LONG]
    dialogs = [w for w in window.findChildren(QPlainTextEdit)]
    assert dialogs, "clicking the message opens the log"
    shown = dialogs[0].toPlainText()
    assert "Results written to day1.csv" in shown and LONG in shown
    bar.clearMessage()
    assert bar.currentMessage() == "" and len(bar.history()) == 2
